#!/usr/bin/env bash
# Runs one mingw-w64 test program under Wine, in a Wine prefix of its own under the build
# folder (created on first use) and a fresh working folder, quietly and without a display, as
# CI runs it (root, no X server, fresh machine).
#   run_under_wine.sh WINE64 PREFIX PROGRAM.exe RUN_DIR
set -euo pipefail
wine64=$1 prefix=$2 program=$3 run_dir=$4

export WINEPREFIX="$prefix"
export WINEDEBUG=-all
# No Mono or Gecko installer prompts, no menu entries; no display is needed or used.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
unset DISPLAY WAYLAND_DISPLAY
wineserver="$(dirname "$(readlink -f "$wine64")")/wineserver"

started=$(date +%s%N)
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  mkdir -p "$WINEPREFIX"
  "$wine64" wineboot --init >/dev/null 2>&1
  "$wineserver" -w
  echo "run_under_wine: prefix created in $(( ($(date +%s%N) - started) / 1000000 )) ms"
fi

# What the program writes (the round-trip file) is never left over from an earlier run.
rm -rf "$run_dir"
mkdir -p "$run_dir"
cd "$run_dir"
status=0
"$wine64" "$program" || status=$?
# The prefix's wineserver lingers after the last process; stop it so nothing outlives the test.
"$wineserver" -k >/dev/null 2>&1 || true
echo "run_under_wine: $(basename "$program") took $(( ($(date +%s%N) - started) / 1000000 )) ms"
exit "$status"
