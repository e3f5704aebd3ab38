#!/usr/bin/env bash
# Builds the Debian package with CPack and checks that it carries what an installation needs.
set -euo pipefail
build=$1
cd "$build"
rm -f usersync_*.deb
cpack -G DEB >cpack.log 2>&1 || {
    cat cpack.log >&2
    exit 1
}
deb=$(ls usersync_*.deb)
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/usersync ./usr/bin/usersync-cli \
    ./usr/share/applications/org.usersync.UserSync.desktop \
    ./usr/share/metainfo/org.usersync.UserSync.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/org.usersync.UserSync.svg; do
    grep -q " $path\$" <<<"$contents" || {
        echo "$deb lacks $path" >&2
        exit 1
    }
done
depends=$(dpkg-deb --field "$deb" Depends)
for needed in libqt6core6 libqt6widgets6 libqt6sql6-sqlite libqt6sql6-psql; do
    grep -q "$needed" <<<"$depends" || {
        echo "$deb does not depend on $needed (Depends: $depends)" >&2
        exit 1
    }
done
echo "package: $deb ($(du -k "$deb" | cut -f1) KiB) with Depends: $depends"
