#pragma once

#include "webauthn/attestation.h"
#include "webauthn/authenticator_data.h"
#include "webauthn/client_data.h"
#include "webauthn/cose_key.h"
#include "webauthn/credential_json.h"
#include "webauthn/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace latchkey::webauthn {

struct RegistrationExpectations {
    core::Challenge challenge; // the challenge issued with the options
    QStringList origins;       // e.g. "http://localhost:8080"; any exact match passes
    QStringList rpIds;         // e.g. "localhost"; rpIdHash must be SHA-256 of one of them
    bool requireUserVerification = false;
    bool requireUserPresence = true;
    QList<int> algorithms;  // pubKeyCredParams offered; empty: defaultAlgorithms()
    AttestationTrust trust; // roots per format and the verification time
    bool allowCrossOrigin = false;
    QStringList topOrigins; // when cross-origin is allowed: acceptable topOrigin (empty = any)
};

struct VerifiedRegistration {
    CredentialId credentialId;
    QByteArray publicKeyCbor; // store this (COSE_Key bytes as the authenticator sent them)
    CoseKey publicKey;
    int algorithm = 0;
    quint32 signCount = 0;
    Aaguid aaguid;
    QString format;
    AttestationResult attestation;
    bool userPresent = false;
    bool userVerified = false;
    bool backupEligible = false;
    bool backupState = false;
    QStringList transports;
    QString authenticatorAttachment;
    std::optional<bool> credPropsRk; // clientExtensionResults.credProps.rk when present
    QCborMap authenticatorExtensions;
};

// WebAuthn L3 §7.1, steps 5-27 (storing the credential is the caller's step), on a response
// parsed once by parseRegistrationResponse. RelyingParty::finishRegistration fills the
// expectations from its configuration and the ceremony's state.
Result<VerifiedRegistration> verifyRegistration(const RegistrationResponse& response,
                                                const RegistrationExpectations& expected);
// The same from the JSON a browser sent: parses it, then verifies.
Result<VerifiedRegistration> verifyRegistration(const QJsonObject& credential,
                                                const RegistrationExpectations& expected);

} // namespace latchkey::webauthn
