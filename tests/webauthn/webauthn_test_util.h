#pragma once

#include "core/sha256.h"
#include "test_key.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCborMap>
#include <QJsonObject>
#include <QString>
#include <optional>

// Helpers for the core's unit tests: the byte layouts of WebAuthn built by hand so each test
// can break exactly one rule. Keys come from the one support library (TestKey: real OpenSSL
// keys made at test time, their COSE_Key form and an authenticator's signatures).
namespace latchkey::webauthn::test {

using testing::TestKey;

struct AttestedPart {
    QByteArray aaguid = QByteArray(16, '\0');
    QByteArray credentialId;
    QByteArray coseKey;
};

// rpIdHash ‖ flags ‖ signCount ‖ [attested credential data] ‖ [extensions], exactly as given
// (flags are not adjusted to what follows).
QByteArray authenticatorData(const QString& rpId, quint8 flags, quint32 signCount,
                             const std::optional<AttestedPart>& attested = std::nullopt,
                             const QByteArray& extensions = {});

QByteArray clientDataJson(const QString& type, const QByteArray& challenge, const QString& origin,
                          const QJsonObject& extra = {});

// A registration with fmt "none" and an authentication, as a browser's JSON.
QJsonObject registrationJson(const QByteArray& credentialId, const QByteArray& clientData,
                             const QByteArray& attestationObject);
QByteArray noneAttestationObject(const QByteArray& authData);
QJsonObject authenticationJson(const QByteArray& credentialId, const QByteArray& clientData,
                               const QByteArray& authData, const QByteArray& signature,
                               const std::optional<QByteArray>& userHandle = std::nullopt);

} // namespace latchkey::webauthn::test
