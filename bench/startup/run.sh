#!/usr/bin/env bash
# Cold start to the first painted page, and memory a few seconds later, of the real app and
# of bare WebEngine baselines, launched alternately under one private Xvfb.
#   bench/startup/run.sh LATCHKEY BARE_WINDOW [RUNS=5] [BARE_WIDGET]
# BENCH_STAGES=1 also prints each launch's start-up stages (stderr "startup-ms" marks).
# Time: each program prints "first-paint-ms N" (LATCHKEY_REPORT_FIRST_PAINT=1), counted
# from LATCHKEY_LAUNCH_TIME_MS, taken here just before the launch. Memory: PSS (shared pages
# divided among their users, so nothing is counted twice) summed over the process and all
# its descendants (the QtWebEngineProcess renderer and zygotes), from smaps_rollup.
# Programs: bare (QML window, one-line page), widget (QWebEngineView widget, the same page;
# when BARE_WIDGET is given), page (the bare QML window showing a saved copy of the app's
# own home page, when curl is there), app (latchkey on a fresh data folder).
set -euo pipefail

app="${1:?usage: run.sh LATCHKEY BARE_WINDOW [RUNS]}"
bare="${2:?usage: run.sh LATCHKEY BARE_WINDOW [RUNS]}"
runs="${3:-5}"
widget="${4:-}"
settle_seconds="${BENCH_SETTLE_SECONDS:-3}"

bench_name=run.sh
source "$(dirname "${BASH_SOURCE[0]}")/launch_env.sh"
if [ "${BENCH_STAGES:-0}" = 1 ]; then
  export QT_LOGGING_RULES="latchkey.server.debug=true"
  export QT_MESSAGE_PATTERN="%{if-category}startup-request %{time process} %{endif}%{message}"
fi

descendants() { # pid and every process below it
  local pid="$1" child
  echo "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do descendants "$child"; done
}

memory_kb() { # field (Pss or Rss) summed over the tree, in kB
  local field="$1" total=0 pid value
  for pid in $(descendants "$2"); do
    value=$(awk -v f="$field:" '$1 == f { print $2 }' /proc/"$pid"/smaps_rollup 2>/dev/null || true)
    total=$((total + ${value:-0}))
  done
  echo "$total"
}

measure() { # name run program [args...] -> "ms pss_kb rss_kb processes"
  local name="$1" run="$2"; shift 2
  # One file per launch: the child truncates its file only after the fork, so a reused
  # name could be read while it still holds the previous launch's figure.
  local out="$scratch/$name-$run.out"
  start_launch "$out" "$scratch/$name-$run.err" "$@"
  local ms
  ms=$(wait_for_first_paint "$out" 30)
  if [ -z "$ms" ]; then
    echo "run.sh: $name never painted; its stderr:" >&2; tail -20 "$scratch/$name-$run.err" >&2
    exit 1
  fi
  sleep "$settle_seconds"
  local pss rss count
  pss=$(memory_kb Pss "$child_pid")
  rss=$(memory_kb Rss "$child_pid")
  count=$(descendants "$child_pid" | wc -l)
  kill -TERM "$child_pid"
  wait "$child_pid" 2>/dev/null || true
  child_pid=""
  # BENCH_STAGES=1: where each launch spent its time before the first paint.
  # The app's handler also logs each request (latchkey.server debug), stamped with the time
  # since the process started: "GET /static/latchkey.css@260" shows when each one arrived.
  [ "${BENCH_STAGES:-0}" = 1 ] &&
    awk '$1 == "startup-ms" { printf " %s=%s", $2, $3 }
         $1 == "startup-request" && $3 ~ /^"[A-Z]+"$/ { printf " %s@%d", $4, $2 * 1000 } END { print "" }' \
      "$scratch/$name-$run.err" >&2
  echo "$ms $pss $rss $count"
}

calc() { awk "BEGIN { print $* }"; }

# A saved copy of the app's home page and its assets, for "page": the bare window showing
# the app's own page, which separates the weight of the page from the app's overhead.
save_app_pages() {
  command -v curl > /dev/null || return 1
  local site="$scratch/site" jar="$scratch/cookies" port url asset
  mkdir -p "$site/static"
  "$app" --serve --data-dir "$scratch/site-data" > "$scratch/serve.out" 2> /dev/null &
  local serve_pid=$!
  for _ in $(seq 100); do [ -s "$scratch/serve.out" ] && break; sleep 0.1; done
  url="$(head -1 "$scratch/serve.out")"
  port="$(echo "$url" | sed -E 's#^http://localhost:([0-9]+)/.*#\1#')"
  curl -s -c "$jar" -o /dev/null "$url" &&
    curl -s -b "$jar" -o "$site/index.html" "http://localhost:$port/" || { kill "$serve_pid"; return 1; }
  for pass in 1 2; do # assets named by the page, then by its stylesheet
    for asset in $(grep -oh '/static/[A-Za-z0-9._-]*' "$site/index.html" "$site"/static/* 2>/dev/null | sort -u); do
      [ -s "$site$asset" ] || curl -s -b "$jar" -o "$site$asset" "http://localhost:$port$asset"
    done
  done
  kill -TERM "$serve_pid"; wait "$serve_pid" 2> /dev/null || true
  [ -s "$site/index.html" ]
}

: > "$scratch/bare.results"
: > "$scratch/app.results"
: > "$scratch/page.results"
: > "$scratch/widget.results"
programs="bare app"
if save_app_pages; then programs="bare page app"; else echo "run.sh: no curl, skipping 'page'" >&2; fi
[ -n "$widget" ] && programs="$programs widget"
printf '%-6s %4s %10s %10s %10s %6s\n' program run first-paint pss-MB rss-MB procs
for run in $(seq "$runs"); do
  # Alternate the order so no program always enjoys a warmer page cache.
  if [ $((run % 2)) -eq 1 ]; then order="$programs"; else order="$(echo "$programs" | tr ' ' '\n' | tac | xargs)"; fi
  for name in $order; do
    case "$name" in
      bare) result=$(measure bare "$run" "$bare") ;;
      page) result=$(measure page "$run" "$bare" --site "$scratch/site") ;;
      widget) result=$(measure widget "$run" "$widget") ;;
      app) rm -rf "$scratch/data"; result=$(measure app "$run" "$app" --data-dir "$scratch/data") ;;
    esac
    echo "$result" >> "$scratch/$name.results"
    read -r ms pss rss count <<< "$result"
    printf '%-6s %4d %8d ms %10.1f %10.1f %6d\n' "$name" "$run" "$ms" \
      "$(calc "$pss / 1024")" "$(calc "$rss / 1024")" "$count"
  done
done

bare_ms=$(awk '{ print $1 }' "$scratch/bare.results" | median)
app_ms=$(awk '{ print $1 }' "$scratch/app.results" | median)
bare_pss=$(awk '{ print $2 }' "$scratch/bare.results" | median)
app_pss=$(awk '{ print $2 }' "$scratch/app.results" | median)
echo
printf 'median first paint: app %s ms, bare %s ms, ratio app/bare %.2f (goal <= 1.15)\n' \
  "$app_ms" "$bare_ms" "$(calc "$app_ms / $bare_ms")"
if [ -s "$scratch/page.results" ]; then
  page_ms=$(awk '{ print $1 }' "$scratch/page.results" | median)
  page_pss=$(awk '{ print $2 }' "$scratch/page.results" | median)
  printf 'same page in the bare window: %s ms, %.1f MB; app/bare-with-same-page: time %.2f, PSS %+.1f MB\n' \
    "$page_ms" "$(calc "$page_pss / 1024")" "$(calc "$app_ms / $page_ms")" "$(calc "($app_pss - $page_pss) / 1024")"
fi
printf 'median PSS (process tree): app %.1f MB, bare %.1f MB, difference %+.1f MB (goal <= 30)\n' \
  "$(calc "$app_pss / 1024")" "$(calc "$bare_pss / 1024")" \
  "$(calc "($app_pss - $bare_pss) / 1024")"
if [ -s "$scratch/widget.results" ]; then
  widget_ms=$(awk '{ print $1 }' "$scratch/widget.results" | median)
  widget_pss=$(awk '{ print $2 }' "$scratch/widget.results" | median)
  printf 'bare QWebEngineView widget: %s ms, %.1f MB; app/widget: time %.2f (goal <= 1.15), PSS %+.1f MB (goal <= 30)\n' \
    "$widget_ms" "$(calc "$widget_pss / 1024")" "$(calc "$app_ms / $widget_ms")" \
    "$(calc "($app_pss - $widget_pss) / 1024")"
fi
