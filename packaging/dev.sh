#!/usr/bin/env bash
# The README's commands:
#   packaging/dev.sh run   [app args...]  install dependencies, build, launch the app
#   packaging/dev.sh test                 install dependencies, build, run every test
#   packaging/dev.sh deb                  install dependencies, build, make the .deb (build/)
# Idempotent; works as root or through sudo. Build folder: build/ (override with BUILD_DIR).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
mode="${1:-}"
shift || true

case "$mode" in
  run|test|deb) ;;
  *) echo "usage: $0 run [latchkey args...] | test | deb" >&2; exit 2 ;;
esac

bash "$root/packaging/install-deps.sh"

jobs="$(nproc)"
# Every mode configures alike (warnings are errors, as in CI), so switching between them
# does not rebuild everything.
# ccache, where the machine has it, turns a rebuild in a new checkout into minutes saved.
launcher=()
if command -v ccache > /dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLATCHKEY_WERROR=ON \
  "${launcher[@]}"
if [ "$mode" = deb ]; then
  # Only what the package holds; cpack then installs it under /usr and runs dpkg-shlibdeps.
  cmake --build "$build" --parallel "$jobs" --target latchkey latchkey-webauthn latchkey_debian_docs
  cd "$build"
  cpack -G DEB
  ls -l "$build"/latchkey_*.deb
  exit 0
fi
cmake --build "$build" --parallel "$jobs"

if [ "$mode" = run ]; then
  # Qt WebEngine refuses to start its sandbox as root; a machine with no GPU wants software paint.
  if [ "$(id -u)" -eq 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi
  exec "$build/src/app/latchkey" "$@"
fi

cd "$build"
ctest --output-on-failure --timeout 900 -j "$jobs"
