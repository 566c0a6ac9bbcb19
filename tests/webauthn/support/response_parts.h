#pragma once

#include "core/base64url.h"
#include "core/sha256.h"

#include <QByteArray>
#include <QCborMap>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace latchkey::webauthn::testing {

// clientDataJSON (§5.8.1). Every member can be changed, removed or replaced by raw bytes.
struct ClientDataSpec {
    QString type = QStringLiteral("webauthn.create");
    QString challenge; // base64url, as the RP issued it
    QString origin;
    std::optional<bool> crossOrigin = false;
    std::optional<QString> topOrigin;
    QJsonObject overrides;         // members set after the ones above (any JSON type)
    QStringList removed;           // members left out
    std::optional<QByteArray> raw; // the whole clientDataJSON, used as is
};
QByteArray encodeClientData(const ClientDataSpec& spec);

// One attested credential (§6.5.1): aaguid ‖ L ‖ credentialId ‖ credentialPublicKey.
struct AttestedCredentialSpec {
    QByteArray aaguid = QByteArray(16, '\0');
    QByteArray credentialId;
    QByteArray credentialPublicKeyCbor;
    std::optional<quint16> credentialIdLength; // written instead of the real length
};

// Authenticator data (§6.1). The flags are written as given: nothing here keeps AT/ED in
// step with what follows, so a test can make them disagree.
struct AuthenticatorDataSpec {
    QByteArray rpIdHash;
    quint8 flags = 0;
    quint32 signCount = 0;
    std::optional<AttestedCredentialSpec> attestedCredential;
    std::optional<QCborMap> extensions;
    QByteArray trailing;           // appended after everything (leftover bytes)
    std::optional<QByteArray> raw; // the whole authenticator data, used as is
};
QByteArray encodeAuthenticatorData(const AuthenticatorDataSpec& spec);

} // namespace latchkey::webauthn::testing
