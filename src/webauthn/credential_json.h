#pragma once

#include "webauthn/authenticator_data.h"
#include "webauthn/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace latchkey::webauthn {

// Credential IDs longer than this are refused (§7.1 step 23 / §5.1.1).
inline constexpr qsizetype kMaxCredentialIdLength = 1023;

// RegistrationResponseJSON (§5.1.8), with binary members decoded.
struct RegistrationResponse {
    QString id;
    CredentialId rawId;
    QByteArray clientDataJson;
    QByteArray attestationObject;
    QStringList transports;
    QString authenticatorAttachment; // empty when absent
    QJsonObject clientExtensionResults;
};

// AuthenticationResponseJSON (§5.1.9), with binary members decoded.
struct AuthenticationResponse {
    QString id;
    CredentialId rawId;
    QByteArray clientDataJson;
    QByteArray authenticatorData;
    QByteArray signature;
    std::optional<QByteArray> userHandle; // absent or null: nullopt
    QString authenticatorAttachment;
    QJsonObject clientExtensionResults;
};

// Structural checks of the FIDO2 server conformance list: id and type present strings, type
// "public-key", id and rawId base64url and equal, response an object, its binary members
// present non-empty base64url strings, userHandle a string or null when present,
// transports an array of strings, clientExtensionResults an object when present.
Result<RegistrationResponse> parseRegistrationResponse(const QJsonObject& credential);
Result<AuthenticationResponse> parseAuthenticationResponse(const QJsonObject& credential);

} // namespace latchkey::webauthn
