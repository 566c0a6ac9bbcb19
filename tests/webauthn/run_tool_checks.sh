#!/bin/sh
# latchkey-webauthn's contract: --version and --help succeed, verify exits 0 only when every
# case meets its "expect", prints one result line per case, and refuses a missing file.
tool="$1"
fail() { echo "FAIL: $1"; exit 1; }
"$tool" --version >/dev/null || fail "--version"
"$tool" --help >/dev/null || fail "--help"
out=$(printf '%s\n' '{"kind":"authentication","expect":"error","credential":{}}' | "$tool" verify - 2>/dev/null) \
    || fail "a case expected to fail that fails must exit 0"
echo "$out" | grep -q '"result":"error"' || fail "result line missing: $out"
echo "$out" | grep -q '"code":"missing_field"' || fail "code missing: $out"
echo "$out" | grep -q '"line":1' || fail "line number missing: $out"
if printf '%s\n' '{"kind":"authentication","expect":"ok","credential":{}}' | "$tool" verify - >/dev/null 2>&1; then
    fail "a case that does not meet its expect must exit non-zero"
fi
if printf 'not json\n' | "$tool" verify - >/dev/null 2>&1; then
    fail "a line that is not JSON must exit non-zero"
fi
if "$tool" verify /nonexistent/cases.jsonl >/dev/null 2>&1; then
    fail "a missing file must exit non-zero"
fi
echo "latchkey-webauthn checks passed"
