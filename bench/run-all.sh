#!/usr/bin/env bash
# The benchmark command (issue 14): installs what it needs, builds in Release in its own build
# folder, measures every figure beside its baseline in the same run, runs the long soak and
# kill runs where they exist and every libFuzzer target, and prints ONE table.
#   bash bench/run-all.sh
# Environment (defaults in brackets):
#   BENCH_BUILD_DIR [build-bench]   BENCH_FUZZ_SECONDS [600] per fuzz target
#   BENCH_VERIFY_SECONDS [3]        BENCH_LOAD_SECONDS [10] per wrk / round-trip run
#   BENCH_CLIENTS [32]              BENCH_STARTUP_RUNS [7]   BENCH_SIGNIN_RUNS [15]
#   BENCH_SOAK_SECONDS [600]        BENCH_KILLS [200]
#   BENCH_FUZZ_BUILD [<build dir>]  folder whose fuzz-build/ holds the clang fuzz build
#   BENCH_SKIP="fuzz soak ..."      parts to leave out while trying the script (the table says so)
# Figures are printed, never asserted; the parts' own logs stay in <build>/bench-logs/.
set -euo pipefail

src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BENCH_BUILD_DIR:-$src/build-bench}"
fuzz_seconds="${BENCH_FUZZ_SECONDS:-600}"
verify_seconds="${BENCH_VERIFY_SECONDS:-3}"
load_seconds="${BENCH_LOAD_SECONDS:-10}"
clients="${BENCH_CLIENTS:-32}"
startup_runs="${BENCH_STARTUP_RUNS:-7}"
signin_runs="${BENCH_SIGNIN_RUNS:-15}"
soak_seconds="${BENCH_SOAK_SECONDS:-600}"
kills="${BENCH_KILLS:-200}"
skip=" ${BENCH_SKIP:-} "
logs="$build/bench-logs"
results="$logs/results.txt" # "key value" lines the table is made from
scratch="$(mktemp -d)"
serve_pid=""
nginx_pid=""

cleanup() {
  [ -n "$serve_pid" ] && kill -TERM "$serve_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill -TERM "$nginx_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

say() { echo "run-all: $*" >&2; }
skipped() { [[ "$skip" == *" $1 "* ]]; }
put() { echo "$1 $2" >> "$results"; }
get() { awk -v k="$1" '$1 == k { v = $2 } END { print (v == "" ? "-" : v) }' "$results"; }
calc() { awk "BEGIN { printf \"%.2f\", $* }"; }
ratio() { # a / b, or "-" when either is missing or b is 0
  local a="$1" b="$2"
  if [ "$a" = "-" ] || [ "$b" = "-" ] || awk "BEGIN { exit !($b == 0) }"; then echo "-"; else calc "$a / $b"; fi
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# ---- install, build ---------------------------------------------------------------------------
bash "$src/packaging/install-deps.sh" --bench
(cd "$src/bench/verify/node" && npm ci --no-audit --no-fund --loglevel=error)
mkdir -p "$logs"
: > "$results"
say "configuring and building in Release in $build"
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release > "$logs/configure.log"
targets=(latchkey latchkey_bench_verify latchkey_bench_handler_client
  latchkey_bench_bare_window latchkey_bench_bare_widget latchkey_bench_signin latchkey_bench_signin_app)
# The load and fault tests (label soak or faults; issue 14 points 2 and 3), run long below.
mapfile -t soak_tests < <(cd "$build" && ctest -N -L 'soak|faults' | awk '$1 == "Test" && $2 ~ /^#/ { print $3 }')
targets+=("${soak_tests[@]}")
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]}" > "$logs/build.log" ||
  { tail -40 "$logs/build.log"; exit 1; }

# ---- 1. verification per second ---------------------------------------------------------------
if ! skipped verify; then
  say "verification: Latchkey, raw OpenSSL, @simplewebauthn/server (${verify_seconds}s each)"
  taskset -c 0 "$build/bench/verify/latchkey_bench_verify" --seconds "$verify_seconds" \
    --write-cases "$scratch/cases.json" > "$logs/verify.txt"
  (cd "$src/bench/verify/node" &&
    taskset -c 0 node simplewebauthn.mjs "$scratch/cases.json" "$verify_seconds") >> "$logs/verify.txt"
  awk '$1 == "case" { for (i = 3; i < NF; i += 2) print $2 "." $i, $(i + 1) }' "$logs/verify.txt" >> "$results"
fi

# ---- 2. the local handler under 32 keep-alive clients -----------------------------------------
wrk_figures() { # name url [header]: wrk's requests/s, p50 and p99 (ms) into the results
  local name="$1" url="$2" header="${3:-}" out="$logs/wrk-$1.txt"
  local args=(-t1 -c"$clients" -d"${load_seconds}s" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  wrk "${args[@]}" "$url" > "$out"
  grep -q "Non-2xx" "$out" && { say "$name: wrk saw error answers"; cat "$out" >&2; put "$name.errors" yes; }
  put "$name.rps" "$(awk '$1 == "Requests/sec:" { printf "%.0f", $2 }' "$out")"
  for p in 50 99; do
    put "$name.p$p" "$(awk -v p="$p%" '$1 == p { v = $2; m = 1
        if (v ~ /us$/) m = 0.001; else if (v ~ /ms$/) m = 1; else if (v ~ /s$/) m = 1000
        sub(/[a-z]+$/, "", v); printf "%.3f", v * m }' "$out")"
  done
}

if ! skipped handler; then
  say "handler: latchkey --serve and nginx-light on loopback, $clients clients, ${load_seconds}s each"
  mkdir -p "$scratch/serve-home"
  HOME="$scratch/serve-home" "$build/src/app/latchkey" --serve --data-dir "$scratch/serve-data" \
    > "$scratch/serve.out" 2> "$logs/serve.err" &
  serve_pid=$!
  for _ in $(seq 100); do [ -s "$scratch/serve.out" ] && break; sleep 0.1; done
  link="$(head -1 "$scratch/serve.out")"
  port="$(echo "$link" | sed -E 's#^http://localhost:([0-9]+)/.*#\1#')"
  "$build/bench/handler/latchkey_bench_handler_client" setup "$link" "$scratch/state.json" > "$scratch/setup.out"
  secret="$(awk '$1 == "secret" { print $2 }' "$scratch/setup.out")"
  prefix="$(awk '$1 == "prefix" { print $2 }' "$scratch/setup.out")"
  # The page both serve: the home page as the app's view gets it, saved byte for byte.
  mkdir -p "$scratch/site"
  curl -sf -H "X-Latchkey-Secret: $secret" -o "$scratch/site/index.html" "http://localhost:$port$prefix/"
  put page.bytes "$(wc -c < "$scratch/site/index.html")"

  nginx_port="$(free_port)"
  mkdir -p "$scratch/nginx"
  cat > "$scratch/nginx/nginx.conf" << EOF
# One worker, like Latchkey's one handler thread; loopback only; no logging. The worker runs
# as this user, so it can read the scratch folder (0700).
user $(id -un);
worker_processes 1;
daemon off;
pid $scratch/nginx/nginx.pid;
error_log $scratch/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $scratch/nginx/body;
  proxy_temp_path $scratch/nginx/proxy;
  fastcgi_temp_path $scratch/nginx/fastcgi;
  uwsgi_temp_path $scratch/nginx/uwsgi;
  scgi_temp_path $scratch/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $scratch/site;
    default_type text/html;
    location / { index index.html; }
  }
}
EOF
  nginx -e "$scratch/nginx/error.log" -p "$scratch/nginx" -c "$scratch/nginx/nginx.conf" &
  nginx_pid=$!
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/" && break; sleep 0.1; done
  cmp -s <(curl -sf "http://127.0.0.1:$nginx_port/") "$scratch/site/index.html" ||
    { say "nginx does not serve the saved page"; exit 1; }

  wrk_figures page "http://localhost:$port$prefix/" "X-Latchkey-Secret: $secret"
  wrk_figures nginx "http://127.0.0.1:$nginx_port/"
  kill -TERM "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""

  "$build/bench/handler/latchkey_bench_handler_client" signin "$scratch/state.json" "$clients" \
    "$load_seconds" > "$logs/roundtrip.txt" || say "round trip: errors (see $logs/roundtrip.txt)"
  read -r _ rounds _ errors _ per_second _ p50 _ p99 < "$logs/roundtrip.txt"
  put roundtrip.rounds "$rounds"; put roundtrip.errors "$errors"
  put roundtrip.rps "$per_second"; put roundtrip.p50 "$p50"; put roundtrip.p99 "$p99"
  kill -TERM "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=""
fi

# ---- 3. cold start and memory -------------------------------------------------------------------
if ! skipped startup; then
  say "start-up: $startup_runs alternating launches of the app and the bare WebEngine windows"
  bash "$src/bench/startup/run.sh" "$build/src/app/latchkey" \
    "$build/bench/startup/latchkey_bench_bare_window" "$startup_runs" \
    "$build/bench/startup/latchkey_bench_bare_widget" > "$logs/startup.txt" 2>&1 ||
    { tail -20 "$logs/startup.txt"; say "start-up failed"; }
  put startup.app_ms "$(sed -nE 's/^median first paint: app ([0-9.]+) ms, bare ([0-9.]+) ms.*/\1/p' "$logs/startup.txt")"
  put startup.bare_ms "$(sed -nE 's/^median first paint: app ([0-9.]+) ms, bare ([0-9.]+) ms.*/\2/p' "$logs/startup.txt")"
  put startup.app_mb "$(sed -nE 's/^median PSS \(process tree\): app ([0-9.]+) MB, bare ([0-9.]+) MB.*/\1/p' "$logs/startup.txt")"
  put startup.bare_mb "$(sed -nE 's/^median PSS \(process tree\): app ([0-9.]+) MB, bare ([0-9.]+) MB.*/\2/p' "$logs/startup.txt")"
  put startup.widget_ms "$(sed -nE 's/^bare QWebEngineView widget: ([0-9.]+) ms, ([0-9.]+) MB.*/\1/p' "$logs/startup.txt")"
  put startup.widget_mb "$(sed -nE 's/^bare QWebEngineView widget: ([0-9.]+) ms, ([0-9.]+) MB.*/\2/p' "$logs/startup.txt")"
fi

# ---- 4. sign-in latency with 100 and 100,000 profiles -------------------------------------------
if ! skipped signin; then
  say "sign-in: $signin_runs rounds with 100 and 100,000 profiles (and the TPM store)"
  cmake -S "$src" -B "$build" -DBENCH_SIGNIN_RUNS="$signin_runs" > /dev/null
  cmake --build "$build" --target bench_signin > "$logs/signin.txt" 2>&1 ||
    { tail -20 "$logs/signin.txt"; say "sign-in failed"; }
  put signin.small_ms "$(sed -nE 's/.*median sign-in, 100 profiles: ([0-9.]+) ms.*/\1/p' "$logs/signin.txt")"
  put signin.large_ms "$(sed -nE 's/.*median sign-in, 100000 profiles: ([0-9.]+) ms.*/\1/p' "$logs/signin.txt")"
fi

# ---- 5. the long soak and kill runs (tests/soak: every test labelled soak or faults) ----------
if ! skipped soak; then
  if [ ${#soak_tests[@]} -eq 0 ]; then
    put soak.result none-in-tree
  else
    say "soak: ${soak_tests[*]} with LATCHKEY_SOAK_SECONDS=$soak_seconds LATCHKEY_KILLS=$kills"
    summary=""
    for t in "${soak_tests[@]}"; do
      # Run directly, not through ctest: their ctest TIMEOUT is set for the suite's short runs.
      if LATCHKEY_SOAK_SECONDS="$soak_seconds" LATCHKEY_KILLS="$kills" QT_QPA_PLATFORM=offscreen \
          LATCHKEY_SHARED_DIR="$src/../shared" LATCHKEY_ARTIFACTS_DIR="$logs/soak" \
          "$build/tests/soak/$t" > "$logs/soak-$t.txt" 2>&1; then
        summary="$summary$t:passed,"
      else
        summary="$summary$t:FAILED,"
      fi
    done
    put soak.result "${summary%,}"
  fi
fi

# ---- 6. every libFuzzer target --------------------------------------------------------------------
if ! skipped fuzz; then
  say "fuzzing: every target for ${fuzz_seconds}s (ASan, UBSan, LSan)"
  if bash "$src/tests/fuzz/run_fuzzers.sh" "$src" "${BENCH_FUZZ_BUILD:-$build}" "$fuzz_seconds" \
      > "$logs/fuzz.txt" 2>&1; then
    put fuzz.result passed
  else
    put fuzz.result FAILED
  fi
  awk '/^== fuzz_.*s$/ { t = substr($2, 6); sub(/:$/, "", t) }
       /stat::number_of_executed_units/ { print "fuzz." t ".runs", $2 }
       /^FAIL fuzz_/ { t = substr($2, 6); sub(/:$/, "", t); print "fuzz." t ".failed", "yes" }' \
    "$logs/fuzz.txt" >> "$results"
fi

# ---- the table ---------------------------------------------------------------------------------
row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"; }
verify_row() { # case label
  local l o s
  l="$(get "$1.latchkey_ops")"; o="$(get "$1.openssl_ops")"; s="$(get "$1.simplewebauthn_ops")"
  local vs_openssl="-"
  [ "$o" != "-" ] && [ "$o" != "0" ] && vs_openssl="raw OpenSSL $o/s: **$(ratio "$o" "$l")x** Latchkey's time"
  [ "$o" = "0" ] && vs_openssl="no signature in fmt none"
  row "$2, verifications/s" "$l" "$vs_openssl" "@simplewebauthn/server $s/s: Latchkey **$(ratio "$l" "$s")x** faster"
}
echo
echo "Latchkey benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), load average $(cut -d' ' -f1-3 /proc/loadavg), Release build"
echo
row "measurement" "Latchkey" "baseline, same run" "peer / second baseline"
row "---" "---" "---" "---"
if ! skipped verify; then
  verify_row assertion-es256 "ES256 assertion"
  verify_row assertion-eddsa "EdDSA assertion"
  verify_row assertion-rs256 "RS256 assertion"
  verify_row registration-none "registration, none"
  verify_row registration-packed "registration, packed (self)"
fi
if ! skipped handler; then
  row "home page ($(get page.bytes) bytes), $clients keep-alive clients: requests/s" "$(get page.rps)" \
    "nginx-light, same bytes: $(get nginx.rps)" "ratio **$(ratio "$(get page.rps)" "$(get nginx.rps)")**"
  row "home page: p50 / p99 latency (ms)" "$(get page.p50) / $(get page.p99)" \
    "nginx-light: $(get nginx.p50) / $(get nginx.p99)" "-"
  row "sign-in round trip (options, assertion, verify, signed-in page), $clients clients: per second" \
    "$(get roundtrip.rps)" "no peer baseline" "$(get roundtrip.rounds) rounds, $(get roundtrip.errors) errors"
  row "sign-in round trip: p50 / p99 (ms)" "$(get roundtrip.p50) / $(get roundtrip.p99)" "-" "-"
fi
if ! skipped startup; then
  row "cold start to first paint (ms, median of $startup_runs)" "$(get startup.app_ms)" \
    "bare QML WebEngine window: $(get startup.bare_ms)" "ratio **$(ratio "$(get startup.app_ms)" "$(get startup.bare_ms)")**; bare widget $(get startup.widget_ms)"
  row "PSS of all processes (MB)" "$(get startup.app_mb)" "bare QML window: $(get startup.bare_mb)" \
    "difference $(calc "$(get startup.app_mb) - $(get startup.bare_mb)") MB; bare widget $(get startup.widget_mb)"
fi
if ! skipped signin; then
  row "sign-in, click to signed-in page (ms, median of $signin_runs)" "100,000 profiles: $(get signin.large_ms)" \
    "100 profiles: $(get signin.small_ms)" "ratio **$(ratio "$(get signin.large_ms)" "$(get signin.small_ms)")**"
fi
if ! skipped soak; then
  row "soak (${soak_seconds} s) and kill (${kills}) tests" "$(get soak.result)" "-" "logs in bench-logs/soak-*.txt"
fi
if ! skipped fuzz; then
  fuzz_runs=""
  for t in credential_json authenticator_data attestation_object cose_key client_data http_request; do
    fuzz_runs="$fuzz_runs $t $(get "fuzz.$t.runs")"
  done
  row "fuzzing, ${fuzz_seconds}s per target (runs)" "$(get fuzz.result)" "-" "$fuzz_runs"
fi
[ -n "${BENCH_SKIP:-}" ] && echo && echo "Left out of this run: ${BENCH_SKIP}"

# ---- the issue's targets -------------------------------------------------------------------------
echo
met() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "MISSED"; fi; }
if ! skipped verify; then
  l="$(get assertion-es256.latchkey_ops)"; o="$(get assertion-es256.openssl_ops)"; s="$(get assertion-es256.simplewebauthn_ops)"
  echo "target ES256 assertion within 1.2x of raw OpenSSL: $(ratio "$o" "$l")x, $(met "$o / $l <= 1.2")"
  echo "target ES256 assertion at least 5x @simplewebauthn/server: $(ratio "$l" "$s")x, $(met "$l / $s >= 5")"
fi
if ! skipped handler; then
  echo "target page requests at least half of nginx's: $(ratio "$(get page.rps)" "$(get nginx.rps)"), $(met "$(get page.rps) / $(get nginx.rps) >= 0.5")"
  echo "target page p99 under 2 ms: $(get page.p99) ms, $(met "$(get page.p99) < 2")"
fi
echo "(logs: $logs)"
