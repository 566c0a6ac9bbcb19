#!/bin/sh
# Runs the shared WebAuthn vectors through latchkey-webauthn verify; exit 77 (skip) without them.
tool="$1"
vectors="${LATCHKEY_SHARED_DIR}/vectors/webauthn-public.jsonl"
if [ -z "${LATCHKEY_SHARED_DIR}" ] || [ ! -f "${vectors}" ]; then
    echo "skipped: ../shared/vectors not found"
    exit 77
fi
exec "${tool}" verify "${vectors}"
