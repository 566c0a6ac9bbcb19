# Attestation format sources owned by the attestation work (certificate, tpm, android-key,
# android-safetynet, apple). Paths relative to src/webauthn. List a file only once it exists.
set(LATCHKEY_WEBAUTHN_ATTESTATION_SOURCES
)
