#pragma once

#include "response_parts.h"
#include "test_certificate_authority.h"
#include "test_key.h"
#include "webauthn/cose_key.h"

#include <QByteArray>
#include <QCborMap>
#include <QCborValue>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace latchkey::webauthn::testing {

enum class AttestationFormat { None, PackedSelf, PackedFull, FidoU2f };

// Everything a registration response is built from. TestAuthenticator::registrationSpec()
// fills in a valid one; a test changes exactly the piece it wants broken, then calls
// makeCredential(), which signs whatever the spec says.
struct RegistrationSpec {
    ClientDataSpec clientData;
    AuthenticatorDataSpec authenticatorData; // attestedCredential holds the new credential
    TestKey credentialKey;
    AttestationFormat format = AttestationFormat::None;
    std::optional<QString> fmt; // written as fmt instead of the format's own name

    // Attestation statement pieces (packed, fido-u2f).
    TestKey attestationKey;                 // signs full packed and fido-u2f statements
    std::optional<int> statementAlgorithm;  // "alg" written into a packed attStmt
    std::optional<int> signingAlgorithm;    // algorithm actually used to sign
    std::optional<TestKey> signingKey;      // key actually used to sign (instead of the format's)
    std::optional<QByteArray> signedData;   // bytes signed instead of the format's own
    std::optional<QList<QByteArray>> x5c;   // replaces the certificate chain (DER, as sent)
    bool selfAttestationWithX5c = false;    // packed self that also carries x5c
    CertificateSpec attestationCertificate; // the leaf issued when x5c is not given
};

// A registration response in pieces. Change any of them after signing (to break a
// signature, a CBOR type, a member), then json() assembles what a browser would POST.
struct Registration {
    QByteArray credentialId;
    QByteArray clientDataJson;
    QByteArray authenticatorData;
    QCborMap attestationObject;                     // fmt, attStmt, authData
    std::optional<QByteArray> rawAttestationObject; // the bytes sent instead of the map
    TestKey credentialKey;

    QByteArray attestationObjectBytes() const;
    QJsonObject json() const;
};

struct AssertionSpec {
    ClientDataSpec clientData;
    AuthenticatorDataSpec authenticatorData;
    QByteArray credentialId;
    std::optional<QByteArray> userHandle;
    std::optional<TestKey> signingKey;    // instead of the credential's own
    std::optional<QByteArray> signedData; // instead of authData ‖ SHA-256(clientDataJSON)
};

struct Assertion {
    QByteArray credentialId;
    QByteArray clientDataJson;
    QByteArray authenticatorData;
    QByteArray signature;
    std::optional<QByteArray> userHandle;

    QJsonObject json() const;
};

// A software FIDO2 authenticator for one RP ID and origin. It remembers the credentials it
// made (key, user handle, counter) so assertions are signed by the right key.
class TestAuthenticator {
public:
    explicit TestAuthenticator(QString rpId = QStringLiteral("localhost"),
                               QString origin = QStringLiteral("http://localhost:8080"));

    const QString& rpId() const { return m_rpId; }
    const QString& origin() const { return m_origin; }
    const QByteArray& aaguid() const { return m_aaguid; }
    const TestCertificateAuthority& attestationRoot() const { return m_root; }
    const TestCertificateAuthority& attestationIntermediate() const { return m_intermediate; }
    const TestKey& attestationKey() const { return m_attestationKey; }

    // A valid spec for this challenge (base64url) and format, with a fresh credential key.
    RegistrationSpec registrationSpec(const QString& challenge,
                                      AttestationFormat format = AttestationFormat::None,
                                      int credentialAlgorithm = cose::ES256) const;
    Registration makeCredential(const RegistrationSpec& spec, const QByteArray& userHandle = {});

    // A valid spec for the credential made earlier; the counter is one more than last time.
    AssertionSpec assertionSpec(const QString& challenge, const QByteArray& credentialId) const;
    Assertion getAssertion(const AssertionSpec& spec);

    // The full chain a packed-full statement sends: leaf (issued now), intermediate.
    QList<QByteArray> attestationChain(const CertificateSpec& leafSpec) const;

private:
    struct StoredCredential {
        TestKey key;
        QByteArray userHandle;
        quint32 signCount = 0;
    };

    QCborMap attestationStatement(const RegistrationSpec& spec, const QByteArray& authData,
                                  const QByteArray& clientDataHash) const;
    QCborMap packedStatement(const RegistrationSpec& spec, const QByteArray& authData,
                             const QByteArray& clientDataHash) const;
    QCborMap fidoU2fStatement(const RegistrationSpec& spec, const QByteArray& clientDataHash) const;

    QString m_rpId;
    QString m_origin;
    QByteArray m_aaguid;
    TestCertificateAuthority m_root;
    TestCertificateAuthority m_intermediate;
    TestKey m_attestationKey;
    QHash<QByteArray, StoredCredential> m_credentials;
};

QString formatName(AttestationFormat format);

} // namespace latchkey::webauthn::testing
