#!/usr/bin/env bash
# Fails when a user-visible text in the sources has no finished translation in one of
# translations/*.ts (German, French, Spanish): runs lupdate on copies of them and looks for
# entries it had to add or that are still unfinished. The committed files are left untouched.
#   check-translations.sh LUPDATE TS_FILE... -- [-I INCLUDE_DIR] SOURCE...
# (the include folder lets lupdate resolve the namespaces of classes declared in headers)
set -euo pipefail
lupdate="${1:?usage: check-translations.sh LUPDATE TS_FILE... -- SOURCE...}"
shift
ts_files=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do ts_files+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#ts_files[@]} -gt 0 ] && [ $# -gt 0 ] || { echo "check-translations: no .ts files or sources" >&2; exit 2; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
copies=()
for ts in "${ts_files[@]}"; do cp "$ts" "$scratch/"; copies+=("$scratch/$(basename "$ts")"); done
"$lupdate" -silent -no-obsolete -locations none "$@" -ts "${copies[@]}" 2> "$scratch/lupdate.log" ||
  { cat "$scratch/lupdate.log" >&2; exit 1; }

status=0
for copy in "${copies[@]}"; do
  # Print the source text of every unfinished message (the line before its translation).
  missing=$(grep -B4 'type="unfinished"' "$copy" | sed -n 's#^ *<source>\(.*\)</source>#\1#p' || true)
  if [ -n "$missing" ]; then
    echo "check-translations: $(basename "$copy") has no finished translation for:" >&2
    echo "$missing" | sed 's/^/  /' >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "check-translations: ${#copies[@]} translations complete ($(grep -c '<source>' "${copies[0]}") texts)"
exit $status
