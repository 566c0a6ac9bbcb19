#pragma once

#include "core/ids.h"
#include "webauthn/cose_key.h"
#include "webauthn/result.h"

#include <QByteArray>
#include <QCborMap>
#include <optional>

namespace latchkey::webauthn {

using core::CredentialId;
using core::UserHandle;
using RpIdHash = QByteArray; // 32 bytes, SHA-256 of the RP ID
using Aaguid = QByteArray;   // 16 bytes

// Flag bits of authenticator data (WebAuthn L3 §6.1).
namespace flags {
inline constexpr quint8 UP = 0x01;
inline constexpr quint8 UV = 0x04;
inline constexpr quint8 BE = 0x08;
inline constexpr quint8 BS = 0x10;
inline constexpr quint8 AT = 0x40;
inline constexpr quint8 ED = 0x80;
} // namespace flags

struct AttestedCredentialData {
    Aaguid aaguid;
    CredentialId credentialId;
    QByteArray credentialPublicKeyCbor; // the COSE_Key bytes exactly as the authenticator sent them
    CoseKey credentialPublicKey;
};

struct AuthenticatorData {
    QByteArray raw; // the bytes that were signed
    RpIdHash rpIdHash;
    quint8 flagBits = 0;
    quint32 signCount = 0;
    std::optional<AttestedCredentialData> attestedCredentialData;
    QCborMap extensions;

    bool userPresent() const { return flagBits & flags::UP; }
    bool userVerified() const { return flagBits & flags::UV; }
    bool backupEligible() const { return flagBits & flags::BE; }
    bool backupState() const { return flagBits & flags::BS; }
};

// Parses authenticator data (§6.1): rejects data shorter than 37 bytes, AT/ED flags that
// disagree with what follows, and leftover bytes.
Result<AuthenticatorData> parseAuthenticatorData(QByteArrayView bytes);

} // namespace latchkey::webauthn
