// Writes the seed corpora under tests/fuzz/corpus/<target>/ from responses the test
// authenticator signs. Run by hand when a target's input shape changes:
//   generate_fuzz_corpus <repo>/tests/fuzz/corpus
#include "test_authenticator.h"
#include "webauthn/cose_key.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <cstdio>

using namespace latchkey;
using namespace latchkey::webauthn;
using namespace latchkey::webauthn::testing;

namespace {

// The key fuzz_credential_json.cpp stores (its COSE form is kStoredKey there), so seed
// assertions reach the end of verification.
const QByteArray kFixedKeyPem =
    QByteArrayLiteral("-----BEGIN PRIVATE KEY-----\n"
                      "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg5UwkoW1kHE46LlCd\n"
                      "PjIynfGvqhbB1yh4MljwD+bMYoGhRANCAARG8g1rEiq3WzvXU/FfpE9Bpfqe4f7x\n"
                      "xrrRw3kk88fMO9XtE/0nI2Sc/UQyyFgE1f9zbt2If4QuGiwTLrNQexuD\n"
                      "-----END PRIVATE KEY-----\n");
// The challenge and clientDataJSON the fuzz targets expect: 32 bytes of 'Z'.
const QString kChallenge = core::encodeBase64UrlString(QByteArray(32, 'Z'));
const QByteArray kCreateClientData =
    QByteArrayLiteral("{\"type\":\"webauthn.create\",\"challenge\":\"") + kChallenge.toLatin1() +
    QByteArrayLiteral("\",\"origin\":\"http://localhost:8080\",\"crossOrigin\":false}");

class CorpusWriter {
public:
    explicit CorpusWriter(QString root) : m_root(std::move(root)) {}

    void write(const QString& target, const QString& name, const QByteArray& bytes)
    {
        QDir().mkpath(m_root + QLatin1Char('/') + target);
        QFile file(m_root + QLatin1Char('/') + target + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
    }

private:
    QString m_root;
};

QByteArray jsonBytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

struct Seed {
    QString name;
    AttestationFormat format;
    int algorithm;
    bool extensions;
};

const Seed kRegistrationSeeds[] = {
    {QStringLiteral("none-es256"), AttestationFormat::None, cose::ES256, false},
    {QStringLiteral("none-es384-ext"), AttestationFormat::None, cose::ES384, true},
    {QStringLiteral("none-eddsa"), AttestationFormat::None, cose::EdDSA, false},
    {QStringLiteral("none-rs256"), AttestationFormat::None, cose::RS256, false},
    {QStringLiteral("none-ps256"), AttestationFormat::None, cose::PS256, false},
    {QStringLiteral("packed-self-es256"), AttestationFormat::PackedSelf, cose::ES256, false},
    {QStringLiteral("packed-self-eddsa"), AttestationFormat::PackedSelf, cose::EdDSA, false},
    {QStringLiteral("packed-full-es256"), AttestationFormat::PackedFull, cose::ES256, false},
    {QStringLiteral("packed-full-ext"), AttestationFormat::PackedFull, cose::ES256, true},
    {QStringLiteral("fido-u2f-es256"), AttestationFormat::FidoU2f, cose::ES256, false},
};

void writeRegistrationSeeds(CorpusWriter& out, TestAuthenticator& authenticator)
{
    for (const Seed& seed : kRegistrationSeeds) {
        RegistrationSpec spec =
            authenticator.registrationSpec(kChallenge, seed.format, seed.algorithm);
        spec.clientData.raw = kCreateClientData;
        if (seed.extensions) {
            spec.authenticatorData.flags |= 0x80;
            spec.authenticatorData.extensions = QCborMap{{QStringLiteral("credProtect"), 2}};
        }
        const Registration registration = authenticator.makeCredential(spec);
        out.write(QStringLiteral("credential_json"), seed.name + QStringLiteral(".json"),
                  jsonBytes(registration.json()));
        out.write(QStringLiteral("attestation_object"), seed.name + QStringLiteral(".cbor"),
                  registration.attestationObjectBytes());
        out.write(QStringLiteral("authenticator_data"), seed.name + QStringLiteral(".bin"),
                  registration.authenticatorData);
        if (seed.format == AttestationFormat::None) // one key per algorithm is enough
            out.write(QStringLiteral("cose_key"), seed.name + QStringLiteral(".cbor"),
                      spec.credentialKey.coseKeyCbor());
    }
    out.write(QStringLiteral("client_data"), QStringLiteral("create.json"), kCreateClientData);
}

void writeAssertionSeeds(CorpusWriter& out, TestAuthenticator& authenticator)
{
    RegistrationSpec spec = authenticator.registrationSpec(kChallenge);
    spec.credentialKey = TestKey::fromPrivateKeyPem(kFixedKeyPem, cose::ES256);
    spec.authenticatorData.attestedCredential->credentialPublicKeyCbor =
        spec.credentialKey.coseKeyCbor();
    const Registration registration =
        authenticator.makeCredential(spec, QByteArrayLiteral("fuzz-user"));
    std::printf("kStoredKey (fuzz_credential_json.cpp): %s\n",
                spec.credentialKey.coseKeyCbor().toHex().constData());

    AssertionSpec assertion = authenticator.assertionSpec(kChallenge, registration.credentialId);
    assertion.authenticatorData.signCount = 2;
    const Assertion signedAssertion = authenticator.getAssertion(assertion);
    out.write(QStringLiteral("credential_json"), QStringLiteral("assertion.json"),
              jsonBytes(signedAssertion.json()));
    out.write(QStringLiteral("authenticator_data"), QStringLiteral("assertion.bin"),
              signedAssertion.authenticatorData);
    out.write(QStringLiteral("client_data"), QStringLiteral("get.json"),
              signedAssertion.clientDataJson);

    assertion.userHandle.reset();
    assertion.authenticatorData.flags = 0x01;
    assertion.authenticatorData.extensions = QCborMap{{QStringLiteral("example"), true}};
    assertion.authenticatorData.flags |= 0x80;
    out.write(QStringLiteral("credential_json"), QStringLiteral("assertion-ext-no-user.json"),
              jsonBytes(authenticator.getAssertion(assertion).json()));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: generate_fuzz_corpus <corpus-dir>\n");
        return 2;
    }
    CorpusWriter out(QString::fromLocal8Bit(argv[1]));
    TestAuthenticator authenticator(QStringLiteral("localhost"),
                                    QStringLiteral("http://localhost:8080"));
    writeRegistrationSeeds(out, authenticator);
    writeAssertionSeeds(out, authenticator);
    return 0;
}
