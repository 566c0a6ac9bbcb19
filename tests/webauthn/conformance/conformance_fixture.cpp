#include "conformance_fixture.h"

#include <QJsonArray>
#include <openssl/rand.h>

namespace latchkey::webauthn::conformance {

namespace {

QByteArray randomChallenge()
{
    QByteArray out(32, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(out.size()));
    return out;
}

QByteArray decodedBase64Url(const QString& text)
{
    return QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
}

QString encoded(const QByteArray& bytes, BinaryEncoding encoding)
{
    switch (encoding) {
    case BinaryEncoding::Base64Url:
        return core::encodeBase64UrlString(bytes);
    case BinaryEncoding::PaddedBase64Url:
        return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding));
    case BinaryEncoding::StandardBase64:
        return QString::fromLatin1(bytes.toBase64());
    }
    return {};
}

} // namespace

ConformanceFixture::ConformanceFixture() : challenge(randomChallenge())
{
    registrationExpected.challenge = core::Challenge(challenge);
    registrationExpected.origins = {authenticator.origin()};
    registrationExpected.rpIds = {authenticator.rpId()};
    registrationExpected.trust.verifyTime = QDateTime::currentDateTimeUtc();
    registrationExpected.trust.rootsByFormat.insert(
        QStringLiteral("packed"), {authenticator.attestationRoot().certificateDer()});
    registrationExpected.trust.rootsByFormat.insert(
        QStringLiteral("fido-u2f"), {authenticator.attestationRoot().certificateDer()});
    authenticationExpected.challenge = core::Challenge(challenge);
    authenticationExpected.origins = {authenticator.origin()};
    authenticationExpected.rpIds = {authenticator.rpId()};
}

QString base64Url(const QByteArray& bytes)
{
    return core::encodeBase64UrlString(bytes);
}

testing::RegistrationSpec ConformanceFixture::registrationSpec(AttestationFormat format,
                                                               int algorithm) const
{
    return authenticator.registrationSpec(base64Url(challenge), format, algorithm);
}

Result<VerifiedRegistration> ConformanceFixture::verify(const QJsonObject& credential) const
{
    return verifyRegistration(credential, registrationExpected);
}

Result<VerifiedRegistration>
ConformanceFixture::verify(const testing::Registration& registration) const
{
    return verify(registration.json());
}

testing::Registration ConformanceFixture::registerCredential(int algorithm)
{
    return authenticator.makeCredential(registrationSpec(AttestationFormat::None, algorithm),
                                        kUserHandle);
}

testing::AssertionSpec
ConformanceFixture::assertionSpec(const testing::Registration& registration) const
{
    return authenticator.assertionSpec(base64Url(challenge), registration.credentialId);
}

StoredCredential ConformanceFixture::stored(const testing::Registration& registration,
                                            quint32 signCount) const
{
    StoredCredential credential;
    credential.credentialId = registration.credentialId;
    credential.publicKeyCbor = registration.credentialKey.coseKeyCbor();
    credential.signCount = signCount;
    credential.userHandle = kUserHandle;
    return credential;
}

Result<VerifiedAuthentication>
ConformanceFixture::verify(const QJsonObject& credential,
                           const StoredCredential& storedCredential) const
{
    return verifyAuthentication(credential, authenticationExpected, storedCredential);
}

Result<VerifiedAuthentication>
ConformanceFixture::verify(const testing::Assertion& assertion,
                           const StoredCredential& storedCredential) const
{
    return verify(assertion.json(), storedCredential);
}

QJsonObject withMember(QJsonObject credential, const QString& path, const QJsonValue& value)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    if (parts.size() == 1) {
        if (value.isUndefined())
            credential.remove(parts[0]);
        else
            credential.insert(parts[0], value);
        return credential;
    }
    const QString rest = parts.mid(1).join(QLatin1Char('.'));
    credential.insert(parts[0], withMember(credential.value(parts[0]).toObject(), rest, value));
    return credential;
}

QJsonObject withResponseEncoding(QJsonObject credential, BinaryEncoding encoding)
{
    QJsonObject response = credential.value(QStringLiteral("response")).toObject();
    for (const QString& member :
         {QStringLiteral("clientDataJSON"), QStringLiteral("attestationObject"),
          QStringLiteral("authenticatorData"), QStringLiteral("signature"),
          QStringLiteral("userHandle")}) {
        if (response.contains(member))
            response.insert(member,
                            encoded(decodedBase64Url(response.value(member).toString()), encoding));
    }
    credential.insert(QStringLiteral("response"), response);
    return credential;
}

void addCredentialAlgorithmRows()
{
    QTest::addColumn<int>("algorithm");
    QTest::newRow("ES256") << cose::ES256;
    QTest::newRow("ES384") << cose::ES384;
    QTest::newRow("ES512") << cose::ES512;
    QTest::newRow("EdDSA") << cose::EdDSA;
    QTest::newRow("RS256") << cose::RS256;
    QTest::newRow("PS256") << cose::PS256;
}

} // namespace latchkey::webauthn::conformance
