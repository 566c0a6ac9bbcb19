# Sourced by run.sh and ab.sh: a scratch folder removed on exit, a private Xvfb, and the
# environment every launch gets (no GPU, first-paint report, HOME and XDG folders in scratch).
# Callers set bench_name (for messages) and may set child_pid for the cleanup to kill.

scratch="$(mktemp -d)"
xvfb_pid=""
child_pid=""
cleanup() {
  [ -n "$child_pid" ] && kill -KILL "$child_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill -TERM "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

# A private display: Xvfb writes the number it chose to the -displayfd file descriptor.
exec 3> "$scratch/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -br 2> "$scratch/xvfb.log" &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 100); do [ -s "$scratch/display" ] && break; sleep 0.1; done
[ -s "$scratch/display" ] || { echo "$bench_name: Xvfb did not start" >&2; cat "$scratch/xvfb.log" >&2; exit 1; }
export DISPLAY=":$(head -1 "$scratch/display")"
export QT_QPA_PLATFORM=xcb QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu LATCHKEY_REPORT_FIRST_PAINT=1
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/config" XDG_DATA_HOME="$scratch/home/data"
export XDG_CACHE_HOME="$scratch/home/cache" XDG_RUNTIME_DIR="$scratch/home/runtime"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
if [ "$(id -u)" -eq 0 ]; then export QTWEBENGINE_DISABLE_SANDBOX=1; fi
