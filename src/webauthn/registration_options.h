#pragma once

#include "webauthn/authenticator_data.h"
#include "webauthn/cose_key.h"
#include "webauthn/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace latchkey::webauthn {

// Challenges are this long unless the caller supplies one; shorter than the minimum is refused.
inline constexpr qsizetype kDefaultChallengeLength = 32;
inline constexpr qsizetype kMinChallengeLength = 16;
inline constexpr qsizetype kMaxUserIdLength = 64;

struct RelyingPartyEntity {
    QString id; // RP ID, e.g. "localhost"
    QString name;
};

struct UserEntity {
    QByteArray id; // user handle: 1..64 random bytes, no personal data
    QString name;
    QString displayName;
};

// PublicKeyCredentialDescriptor (excludeCredentials / allowCredentials).
struct CredentialDescriptor {
    CredentialId id;
    QStringList transports; // "usb", "nfc", "ble", "hybrid", "internal", "smart-card"
};

// EdDSA, ES256, RS256 first (the order authenticators pick from), then the rest we verify.
QList<int> defaultAlgorithms();

struct RegistrationOptionsRequest {
    RelyingPartyEntity rp;
    UserEntity user;
    QByteArray challenge; // empty: 32 bytes from the CSPRNG
    QList<int> algorithms = defaultAlgorithms();
    int timeoutMs = 300'000;
    QList<CredentialDescriptor> excludeCredentials;
    QString authenticatorAttachment;                   // "", "platform" or "cross-platform"
    QString residentKey = QStringLiteral("preferred"); // "discouraged", "preferred", "required"
    QString userVerification =
        QStringLiteral("preferred");              // "required", "preferred", "discouraged"
    QString attestation = QStringLiteral("none"); // "none", "indirect", "direct", "enterprise"
    QStringList hints;                            // "security-key", "client-device", "hybrid"
    bool credProps = true;                        // ask for the credProps extension
    QJsonObject extraExtensions;                  // merged into extensions as given
};

// The options to send (PublicKeyCredentialCreationOptionsJSON) and the raw challenge the caller
// stores server-side, single use.
struct CreationOptions {
    QJsonObject json;
    QByteArray challenge;
};

// OptionsInvalid for: a supplied challenge under 16 bytes, an empty or over-64-byte user.id,
// empty rp.id / user.name, no algorithms, an unknown enumeration value, timeoutMs <= 0.
Result<CreationOptions> buildRegistrationOptions(const RegistrationOptionsRequest& request);

// Fresh challenge bytes from OpenSSL's CSPRNG (RAND_bytes).
Result<QByteArray> generateChallenge(qsizetype length = kDefaultChallengeLength);

} // namespace latchkey::webauthn
