#pragma once

#include "webauthn/authenticator_data.h"
#include "webauthn/result.h"

#include <QByteArray>
#include <QCborMap>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace latchkey::webauthn {

enum class AttestationType { None, Self, Basic, AttCA, AnonCA };

// What the relying party trusts. Roots are DER certificates, per attestation format name
// ("packed", "tpm", ...). No roots for a format: a statement that verifies is accepted as
// untrusted (trusted = false) and the caller decides policy.
struct AttestationTrust {
    QHash<QString, QList<QByteArray>> rootsByFormat;
    QDateTime verifyTime; // certificates are checked at this time (required)
    bool safetyNetRequireCtsProfileMatch = true;
    qint64 safetyNetMaxAgeMs = 60'000; // timestampMs window, both ways, around verifyTime
    // FIDO's server conformance plan rejects fido-u2f with a non-zero AAGUID; Level 3 §8.6 does
    // not (and its §16.16 vector carries one), so this is off unless the RP opts in.
    bool fidoU2fRequireZeroAaguid = false;
};

struct AttestationResult {
    QString format;
    AttestationType type = AttestationType::None;
    QList<QByteArray> trustPath; // DER certificates, leaf first (x5c as sent)
    bool trusted = false;        // the chain validated to one of the configured roots
};

// Everything an attestation statement format's verification procedure (§8) reads.
struct AttestationInput {
    QCborMap statement; // attStmt
    const AuthenticatorData& authenticatorData;
    QByteArray clientDataHash; // SHA-256 of clientDataJSON
};

// One function per format (§8.2-§8.8); each in its own file under attestation/.
Result<AttestationResult> verifyNoneAttestation(const AttestationInput& in,
                                                const AttestationTrust& trust);
Result<AttestationResult> verifyPackedAttestation(const AttestationInput& in,
                                                  const AttestationTrust& trust);
Result<AttestationResult> verifyFidoU2fAttestation(const AttestationInput& in,
                                                   const AttestationTrust& trust);
Result<AttestationResult> verifyTpmAttestation(const AttestationInput& in,
                                               const AttestationTrust& trust);
Result<AttestationResult> verifyAndroidKeyAttestation(const AttestationInput& in,
                                                      const AttestationTrust& trust);
Result<AttestationResult> verifyAndroidSafetyNetAttestation(const AttestationInput& in,
                                                            const AttestationTrust& trust);
Result<AttestationResult> verifyAppleAttestation(const AttestationInput& in,
                                                 const AttestationTrust& trust);

// Dispatches on fmt; an unknown format is AttestationFormatUnsupported.
Result<AttestationResult> verifyAttestationStatement(const QString& fmt, const AttestationInput& in,
                                                     const AttestationTrust& trust);

QString attestationTypeName(AttestationType type);

} // namespace latchkey::webauthn
