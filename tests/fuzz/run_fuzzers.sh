#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in <build>/fuzz-build and runs each
# for a bounded time on a copy of its seed corpus, after replaying tests/fuzz/regressions/.
# Fails on any crash, leak, timeout or sanitizer report.
#   run_fuzzers.sh <source-dir> <build-dir> [seconds-per-target]
# LATCHKEY_FUZZ_KEEP_CORPUS=1: after a clean run, the inputs that raise coverage over the
# target's corpus in the source tree are added to it (libFuzzer -merge=1), to be committed.
set -euo pipefail
src="$(cd "$1" && pwd)"
build="$(mkdir -p "$2" && cd "$2" && pwd)"
seconds="${3:-${LATCHKEY_FUZZ_SECONDS:-15}}"
targets=(credential_json authenticator_data attestation_object cose_key client_data http_request)

if ! command -v clang++ >/dev/null; then
  echo "skipped: clang++ not found (apt-get install clang libfuzzer-14-dev)"
  exit 77
fi
if ! ls "$(clang++ -print-runtime-dir)"/libclang_rt.fuzzer-*.a >/dev/null 2>&1; then
  echo "skipped: clang's libFuzzer runtime not found (apt-get install libfuzzer-14-dev)"
  exit 77
fi

fuzz_build="$build/fuzz-build"
cmake -S "$src" -B "$fuzz_build" -G Ninja -DCMAKE_BUILD_TYPE= \
  -DCMAKE_CXX_COMPILER=clang++ -DLATCHKEY_FUZZ=ON \
  -DLATCHKEY_BUILD_BENCH=OFF -DLATCHKEY_WERROR=OFF >"$build/fuzz-configure.log" \
  || { cat "$build/fuzz-configure.log"; exit 1; }
cmake --build "$fuzz_build" --parallel 2 --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for target in "${targets[@]}"; do
  binary="$fuzz_build/tests/fuzz/fuzz_$target"
  work="$fuzz_build/runs/$target"
  rm -rf "$work" && mkdir -p "$work/corpus" "$work/artifacts"
  cp "$src/tests/fuzz/corpus/$target/"* "$work/corpus/" 2>/dev/null || true
  regressions=("$src/tests/fuzz/regressions/$target/"*)
  if [ -e "${regressions[0]}" ]; then
    echo "== fuzz_$target: replaying ${#regressions[@]} regression input(s)"
    if ! "$binary" -runs=1 "${regressions[@]}" >"$work/regressions.log" 2>&1; then
      tail -n 60 "$work/regressions.log"
      echo "FAIL fuzz_$target: a regression input still fails (see above)"
      status=1
    fi
  fi
  echo "== fuzz_$target: ${seconds}s"
  if ! "$binary" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=4096 \
      -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" >"$work/fuzz.log" 2>&1; then
    tail -n 60 "$work/fuzz.log"
    echo "FAIL fuzz_$target: reproducer(s) in $work/artifacts:"
    ls -l "$work/artifacts"
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$work/fuzz.log" | sed "s/^/   /"
    if [ "${LATCHKEY_FUZZ_KEEP_CORPUS:-0}" = 1 ]; then
      kept="$src/tests/fuzz/corpus/$target"
      before=$(ls "$kept" | wc -l)
      "$binary" -merge=1 -rss_limit_mb=2048 -timeout=10 -max_len=4096 "$kept" "$work/corpus" \
        >"$work/merge.log" 2>&1 || { tail -n 20 "$work/merge.log"; status=1; }
      echo "   kept $(( $(ls "$kept" | wc -l) - before )) input(s) that raise coverage in $kept"
    fi
  fi
done
exit $status
