#!/usr/bin/env bash
# Fails when a C++ file differs from what clang-format (with the root .clang-format) makes of it.
# To fix: clang-format -i $(git ls-files '*.cpp' '*.h')
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root"
mapfile -t files < <(find src tests -name '*.cpp' -o -name '*.h' | sort)
clang-format --dry-run --Werror "${files[@]}"
echo "format: ${#files[@]} files as clang-format $(clang-format --version | grep -o '[0-9][0-9.]*' | head -n 1) wants them"
