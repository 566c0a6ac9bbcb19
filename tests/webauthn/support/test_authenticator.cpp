#include "test_authenticator.h"

#include "webauthn/cose_key.h"

#include <QCborArray>
#include <QJsonArray>
#include <openssl/rand.h>

namespace latchkey::webauthn::testing {

namespace {

// Flags a platform authenticator sets after asking the person (§6.1).
constexpr quint8 kUserPresent = 0x01;
constexpr quint8 kUserVerified = 0x04;
constexpr quint8 kAttestedData = 0x40;

QByteArray randomBytes(int size)
{
    QByteArray out(size, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), size);
    return out;
}

CertificateSpec u2fCertificateSpec()
{
    CertificateSpec spec;
    spec.commonName = QStringLiteral("Latchkey Test U2F");
    spec.organizationalUnit.clear();
    return spec;
}

// The PublicKeyCredential JSON a browser hands the page, around either ceremony's response.
QJsonObject publicKeyCredential(const QByteArray& credentialId, const QJsonObject& response)
{
    QJsonObject credential;
    credential.insert(QStringLiteral("id"), core::encodeBase64UrlString(credentialId));
    credential.insert(QStringLiteral("rawId"), core::encodeBase64UrlString(credentialId));
    credential.insert(QStringLiteral("type"), QStringLiteral("public-key"));
    credential.insert(QStringLiteral("response"), response);
    credential.insert(QStringLiteral("clientExtensionResults"), QJsonObject{});
    credential.insert(QStringLiteral("authenticatorAttachment"), QStringLiteral("platform"));
    return credential;
}
} // namespace

QString formatName(AttestationFormat format)
{
    switch (format) {
    case AttestationFormat::None:
        return QStringLiteral("none");
    case AttestationFormat::PackedSelf:
    case AttestationFormat::PackedFull:
        return QStringLiteral("packed");
    case AttestationFormat::FidoU2f:
        return QStringLiteral("fido-u2f");
    }
    return {};
}

QByteArray Registration::attestationObjectBytes() const
{
    return rawAttestationObject.value_or(attestationObject.toCborValue().toCbor());
}

QJsonObject Registration::json() const
{
    QJsonObject response;
    response.insert(QStringLiteral("clientDataJSON"), core::encodeBase64UrlString(clientDataJson));
    response.insert(QStringLiteral("attestationObject"),
                    core::encodeBase64UrlString(attestationObjectBytes()));
    response.insert(QStringLiteral("transports"), QJsonArray{QStringLiteral("internal")});
    return publicKeyCredential(credentialId, response);
}

QJsonObject Assertion::json() const
{
    QJsonObject response;
    response.insert(QStringLiteral("clientDataJSON"), core::encodeBase64UrlString(clientDataJson));
    response.insert(QStringLiteral("authenticatorData"),
                    core::encodeBase64UrlString(authenticatorData));
    response.insert(QStringLiteral("signature"), core::encodeBase64UrlString(signature));
    if (userHandle)
        response.insert(QStringLiteral("userHandle"), core::encodeBase64UrlString(*userHandle));
    return publicKeyCredential(credentialId, response);
}

TestAuthenticator::TestAuthenticator(QString rpId, QString origin)
    : m_rpId(std::move(rpId)), m_origin(std::move(origin)), m_aaguid(randomBytes(16)),
      m_root(TestCertificateAuthority::createRoot()),
      m_intermediate(
          m_root.createIntermediate(caSpec(QStringLiteral("Latchkey Test Intermediate CA")))),
      m_attestationKey(TestKey::generate(cose::ES256))
{}

QList<QByteArray> TestAuthenticator::attestationChain(const CertificateSpec& leafSpec) const
{
    return {m_intermediate.issue(m_attestationKey, leafSpec), m_intermediate.certificateDer()};
}

RegistrationSpec TestAuthenticator::registrationSpec(const QString& challenge,
                                                     AttestationFormat format,
                                                     int credentialAlgorithm) const
{
    RegistrationSpec spec;
    spec.clientData.type = QStringLiteral("webauthn.create");
    spec.clientData.challenge = challenge;
    spec.clientData.origin = m_origin;
    spec.credentialKey = TestKey::generate(credentialAlgorithm);
    spec.format = format;
    spec.attestationKey = m_attestationKey;
    spec.attestationCertificate.aaguid = m_aaguid;
    if (format == AttestationFormat::FidoU2f)
        spec.attestationCertificate = u2fCertificateSpec();

    AttestedCredentialSpec attested;
    attested.aaguid = format == AttestationFormat::FidoU2f ? QByteArray(16, '\0') : m_aaguid;
    attested.credentialId = randomBytes(32);
    attested.credentialPublicKeyCbor = spec.credentialKey.coseKeyCbor();
    spec.authenticatorData.rpIdHash = core::sha256(m_rpId.toUtf8());
    spec.authenticatorData.flags = kUserPresent | kUserVerified | kAttestedData;
    spec.authenticatorData.attestedCredential = attested;
    return spec;
}

Registration TestAuthenticator::makeCredential(const RegistrationSpec& spec,
                                               const QByteArray& userHandle)
{
    Registration reg;
    reg.credentialKey = spec.credentialKey;
    if (spec.authenticatorData.attestedCredential)
        reg.credentialId = spec.authenticatorData.attestedCredential->credentialId;
    reg.clientDataJson = encodeClientData(spec.clientData);
    reg.authenticatorData = encodeAuthenticatorData(spec.authenticatorData);
    reg.attestationObject.insert(QStringLiteral("fmt"), spec.fmt.value_or(formatName(spec.format)));
    reg.attestationObject.insert(
        QStringLiteral("attStmt"),
        attestationStatement(spec, reg.authenticatorData, core::sha256(reg.clientDataJson)));
    reg.attestationObject.insert(QStringLiteral("authData"), reg.authenticatorData);
    m_credentials.insert(reg.credentialId, StoredCredential{spec.credentialKey, userHandle,
                                                            spec.authenticatorData.signCount});
    return reg;
}

QCborMap TestAuthenticator::attestationStatement(const RegistrationSpec& spec,
                                                 const QByteArray& authData,
                                                 const QByteArray& clientDataHash) const
{
    switch (spec.format) {
    case AttestationFormat::None:
        return {};
    case AttestationFormat::PackedSelf:
    case AttestationFormat::PackedFull:
        return packedStatement(spec, authData, clientDataHash);
    case AttestationFormat::FidoU2f:
        return fidoU2fStatement(spec, clientDataHash);
    }
    return {};
}

// §8.2: sig over authenticatorData ‖ clientDataHash, by the attestation key (full) or the
// credential key itself (self).
QCborMap TestAuthenticator::packedStatement(const RegistrationSpec& spec,
                                            const QByteArray& authData,
                                            const QByteArray& clientDataHash) const
{
    const bool self = spec.format == AttestationFormat::PackedSelf;
    const TestKey key = spec.signingKey.value_or(self ? spec.credentialKey : spec.attestationKey);
    const int alg = spec.signingAlgorithm.value_or(key.algorithm());
    const QByteArray data = spec.signedData.value_or(authData + clientDataHash);
    QCborMap statement;
    statement.insert(QStringLiteral("alg"), spec.statementAlgorithm.value_or(alg));
    statement.insert(QStringLiteral("sig"), key.signAs(alg, data));
    if (spec.x5c)
        statement.insert(QStringLiteral("x5c"), x5cArray(*spec.x5c));
    else if (!self || spec.selfAttestationWithX5c)
        statement.insert(QStringLiteral("x5c"),
                         x5cArray(attestationChain(spec.attestationCertificate)));
    return statement;
}

// §8.6: sig over 0x00 ‖ rpIdHash ‖ clientDataHash ‖ credentialId ‖ publicKeyU2F, one
// certificate in x5c (so the root issues it directly).
QCborMap TestAuthenticator::fidoU2fStatement(const RegistrationSpec& spec,
                                             const QByteArray& clientDataHash) const
{
    const auto& attested = spec.authenticatorData.attestedCredential;
    const QByteArray credentialId = attested ? attested->credentialId : QByteArray();
    const int alg = spec.credentialKey.algorithm();
    const QByteArray publicKey = (alg == cose::ES256 || alg == cose::ES384)
                                     ? spec.credentialKey.uncompressedPoint()
                                     : spec.credentialKey.coseKeyCbor();
    const QByteArray data =
        spec.signedData.value_or(QByteArray(1, '\0') + spec.authenticatorData.rpIdHash +
                                 clientDataHash + credentialId + publicKey);
    const TestKey key = spec.signingKey.value_or(spec.attestationKey);
    QCborMap statement;
    statement.insert(QStringLiteral("sig"),
                     key.signAs(spec.signingAlgorithm.value_or(cose::ES256), data));
    const QList<QByteArray> chain = spec.x5c.value_or(
        QList<QByteArray>{m_root.issue(spec.attestationKey, spec.attestationCertificate)});
    statement.insert(QStringLiteral("x5c"), x5cArray(chain));
    return statement;
}

AssertionSpec TestAuthenticator::assertionSpec(const QString& challenge,
                                               const QByteArray& credentialId) const
{
    AssertionSpec spec;
    spec.clientData.type = QStringLiteral("webauthn.get");
    spec.clientData.challenge = challenge;
    spec.clientData.origin = m_origin;
    spec.credentialId = credentialId;
    spec.authenticatorData.rpIdHash = core::sha256(m_rpId.toUtf8());
    spec.authenticatorData.flags = kUserPresent | kUserVerified;
    const auto it = m_credentials.constFind(credentialId);
    if (it != m_credentials.constEnd()) {
        spec.authenticatorData.signCount = it->signCount + 1;
        if (!it->userHandle.isEmpty())
            spec.userHandle = it->userHandle;
    }
    return spec;
}

Assertion TestAuthenticator::getAssertion(const AssertionSpec& spec)
{
    Assertion assertion;
    assertion.credentialId = spec.credentialId;
    assertion.clientDataJson = encodeClientData(spec.clientData);
    assertion.authenticatorData = encodeAuthenticatorData(spec.authenticatorData);
    assertion.userHandle = spec.userHandle;
    auto it = m_credentials.find(spec.credentialId);
    const std::optional<TestKey> key =
        spec.signingKey ? spec.signingKey
                        : (it != m_credentials.end() ? std::optional(it->key) : std::nullopt);
    const QByteArray data = spec.signedData.value_or(assertion.authenticatorData +
                                                     core::sha256(assertion.clientDataJson));
    if (key)
        assertion.signature = key->sign(data);
    if (it != m_credentials.end())
        it->signCount = spec.authenticatorData.signCount;
    return assertion;
}

} // namespace latchkey::webauthn::testing
