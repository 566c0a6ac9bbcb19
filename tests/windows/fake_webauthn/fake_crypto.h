#pragma once

// The fake authenticator's keys and signatures, through Windows' own CNG (bcrypt.dll; Wine
// implements it over GnuTLS): real P-256 ECDSA and RSA PKCS#1 v1.5 keys, SHA-256.

#include "fake_cbor.h"

// <windows.h> first: bcrypt.h uses its types without including it.
// clang-format off
#include <windows.h>
#include <bcrypt.h>
// clang-format on

namespace fake_webauthn {

Bytes sha256(const Bytes& data);
Bytes randomBytes(std::size_t count);

class CredentialKey {
public:
    // -7 (ES256, P-256) or -257 (RS256, 2048 bits); an invalid key when CNG refuses.
    explicit CredentialKey(long coseAlgorithm);
    ~CredentialKey();
    CredentialKey(const CredentialKey&) = delete;
    CredentialKey& operator=(const CredentialKey&) = delete;

    bool valid() const { return m_key != nullptr; }
    long algorithm() const { return m_algorithm; }
    // The COSE_Key (RFC 9052/9053) of the public half.
    Bytes coseKey() const;
    // The signature over SHA-256(message) a relying party verifies: DER ECDSA or PKCS#1 v1.5.
    Bytes sign(const Bytes& message) const;

private:
    long m_algorithm;
    BCRYPT_ALG_HANDLE m_provider = nullptr;
    BCRYPT_KEY_HANDLE m_key = nullptr;
};

} // namespace fake_webauthn
