#!/usr/bin/env bash
# Installs the Debian packages UserSync needs, and nothing that is already there.
#   scripts/setup.sh run    what building and running the application needs
#   scripts/setup.sh test   the above, plus the test services, checks and fuzzers
#   scripts/setup.sh fuzz   what building the fuzzers needs (clang with libFuzzer)
# Idempotent: a second run installs nothing. Runs as root, or through sudo.
set -euo pipefail

mode=${1:-test}

build_packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev libsecret-1-0
    libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev libpq-dev
    libcurl4-openssl-dev libsimdjson-dev
    libldap-dev  # OpenLDAP's client library, for the LDAP target
    libgl-dev libvulkan-dev
    qt6-qpa-plugins qt6-wayland
    qt6-charts-dev libqt6opengl6-dev qt6-svg-dev  # Qt Charts needs the OpenGL package it does not pull in
    qt6-translations-l10n  # Qt's own strings (wizard and dialog buttons) in German
)
test_packages=(
    postgresql
    gnome-keyring dbus-x11 libsecret-tools
    xvfb xauth
    default-jdk-headless maven unzip curl python3 python3-venv openssl
    clang-format desktop-file-utils appstream dpkg-dev file time
    slapd ldap-utils  # the real OpenLDAP server of the tests, and ldapsearch/ldapmodify for the benchmarks
    nodejs  # Prism, the validating proxy in front of the Jira emulator (installed from npm by the test services)
)
fuzz_packages=(clang libclang-rt-dev)  # libFuzzer and the sanitizers, for tests/fuzz
# Debian ships npm apart from Node.js; other Node.js builds bundle it and conflict with that package.
command -v npm >/dev/null 2>&1 || test_packages+=(npm)

case "$mode" in
    run) wanted=("${build_packages[@]}") ;;
    test) wanted=("${build_packages[@]}" "${test_packages[@]}" "${fuzz_packages[@]}") ;;
    fuzz) wanted=("${build_packages[@]}" "${fuzz_packages[@]}") ;;
    *)
        echo "usage: $0 [run|test|fuzz]" >&2
        exit 2
        ;;
esac

missing=()
for package in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

# The real SCIM server of the tests lives in a virtual environment in the user's cache, made from
# tests/scim/requirements.txt (as the user running this script, not root through sudo).
prepare_scim() {
    [[ $mode == test ]] || return 0
    repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
    # shellcheck source=scripts/lib/scim.sh
    source "$repo_root/scripts/lib/scim.sh"
    venv=$(scim_venv) || exit 1
    echo "setup: the test SCIM server is in $venv"
}

if ((${#missing[@]} == 0)); then
    echo "setup: all ${#wanted[@]} packages are installed"
    prepare_scim
    exit 0
fi

sudo=()
if ((EUID != 0)); then
    command -v sudo >/dev/null || {
        echo "setup: missing packages (${missing[*]}); run this script as root or install sudo" >&2
        exit 1
    }
    sudo=(sudo)
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
prepare_scim
