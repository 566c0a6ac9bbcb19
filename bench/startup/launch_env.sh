# Sourced by run.sh and ab.sh: a scratch folder removed on exit, a private Xvfb, the
# environment every launch gets (no GPU, first-paint report, HOME and XDG folders in scratch),
# and the launch, wait-for-paint and median helpers both use.
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

# Starts one launch, stdout to $1 and stderr to $2, with LATCHKEY_LAUNCH_TIME_MS taken just
# before it; sets child_pid.
start_launch() {
  local out="$1" err="$2"
  shift 2
  LATCHKEY_LAUNCH_TIME_MS="$(date +%s%3N)" "$@" > "$out" 2> "$err" &
  child_pid=$!
}

# Waits up to $2 seconds for the "first-paint-ms N" line in $1 from the launch in child_pid
# and prints N; prints nothing when the program ended or never painted.
wait_for_first_paint() {
  local out="$1" polls=$(($2 * 50)) ms=""
  for _ in $(seq "$polls"); do
    ms=$(awk '$1 == "first-paint-ms" { print $2; exit }' "$out" 2>/dev/null)
    [ -n "$ms" ] && break
    kill -0 "$child_pid" 2>/dev/null || break
    sleep 0.02
  done
  echo "$ms"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
