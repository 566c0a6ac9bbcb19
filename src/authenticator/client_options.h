#pragma once

#include "authenticator/authenticator.h"
#include "authenticator/error.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace latchkey::authenticator {

// UserVerificationRequirement (WebAuthn L3 §5.8.6); absent or unknown reads as Preferred.
enum class UserVerificationRequirement { Required, Preferred, Discouraged };

// PublicKeyCredentialCreationOptionsJSON as the page passed it, decoded; nothing checked yet
// against the origin.
struct CreationOptions {
    std::optional<QString> rpId; // absent: the origin's host
    QString rpName;
    UserEntity user;
    QByteArray challenge;
    QList<int> algorithms; // public-key entries only, in the page's order
    std::optional<double> timeoutMs;
    QList<CredentialDescriptor> excludeCredentials;
    QString authenticatorAttachment; // "", "platform", "cross-platform"
    bool residentKeyRequired = false;
    bool residentKeyDiscouraged = false;
    UserVerificationRequirement userVerification = UserVerificationRequirement::Preferred;
    QString attestation = QStringLiteral("none");
    bool credProps = false;
};

// PublicKeyCredentialRequestOptionsJSON, decoded.
struct RequestOptions {
    std::optional<QString> rpId;
    QByteArray challenge;
    std::optional<double> timeoutMs;
    QList<CredentialDescriptor> allowCredentials;
    UserVerificationRequirement userVerification = UserVerificationRequirement::Preferred;
};

// TypeError for: a missing or wrongly typed required member (rp, rp.name, user, user.id,
// user.name, user.displayName, challenge, pubKeyCredParams), base64url that does not decode, an
// empty challenge, user.id outside 1..64 bytes. Accepts the options alone or wrapped as
// {"publicKey": {...}}. Unknown enumeration values are ignored, as WebIDL does for strings.
ClientResult<CreationOptions> parseCreationOptions(const QJsonObject& json);
ClientResult<RequestOptions> parseRequestOptions(const QJsonObject& json);

} // namespace latchkey::authenticator
