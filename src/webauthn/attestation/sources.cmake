# Attestation format sources owned by the attestation work (certificate, tpm, android-key,
# android-safetynet, apple). Paths relative to src/webauthn. List a file only once it exists.
set(LATCHKEY_WEBAUTHN_ATTESTATION_SOURCES
    attestation/asn1_reader.cpp
    attestation/statement_fields.cpp
    attestation/certificate.cpp
    attestation/tpm_structures.cpp
    attestation/tpm.cpp
    attestation/android_key.cpp
    attestation/android_safetynet.cpp
    attestation/apple.cpp
)
