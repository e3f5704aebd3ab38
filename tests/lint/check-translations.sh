#!/usr/bin/env bash
# Fails when a user-visible string has no German translation: runs lupdate on a copy of the
# catalogue and lists what is new or unfinished. To fix: cmake --build build --target
# update_translations, then translate in Qt Linguist (or the .ts file) and commit it.
set -euo pipefail
lupdate=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/translations/usersync_de.ts" "$work/usersync_de.ts"
"$lupdate" -silent -no-obsolete -locations none -extensions cpp,h,ui \
    "$root/src" "$root/ui" -ts "$work/usersync_de.ts"
if ! cmp -s "$root/translations/usersync_de.ts" "$work/usersync_de.ts"; then
    echo "translations/usersync_de.ts is out of date with the sources:" >&2
    diff -u "$root/translations/usersync_de.ts" "$work/usersync_de.ts" >&2 || true
    exit 1
fi
unfinished=$(grep -c 'type="unfinished"' "$work/usersync_de.ts" || true)
if ((unfinished > 0)); then
    echo "$unfinished German translations are unfinished:" >&2
    grep -B3 'type="unfinished"' "$work/usersync_de.ts" | grep '<source>' >&2
    exit 1
fi
echo "translations: German complete ($(grep -c '<source>' "$work/usersync_de.ts") strings)"
