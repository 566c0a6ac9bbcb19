#include "attestation_test_support.h"
#include "webauthn/attestation.h"
#include "webauthn/attestation/tpm_structures.h"

#include <QCborArray>
#include <QCryptographicHash>
#include <QTest>
#include <QtEndian>
#include <functional>

using namespace latchkey::webauthn;
using namespace latchkey::webauthn::attestation_testing;

namespace {

QByteArray u16(quint16 value)
{
    QByteArray bytes(2, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray u32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray sized(const QByteArray& bytes)
{
    return u16(static_cast<quint16>(bytes.size())) + bytes;
}

QCryptographicHash::Algorithm hashOf(quint16 tpmAlg)
{
    return tpmAlg == tpm::AlgSha1 ? QCryptographicHash::Sha1 : QCryptographicHash::Sha256;
}

// TPMT_PUBLIC for a credential key, laid out as TPM 2.0 Part 2 §12.2.4 says.
QByteArray pubAreaFor(const TestKey& credential, quint16 nameAlg)
{
    const QCborMap cose = credential.coseKey();
    const bool rsa = cose.value(1).toInteger() == 3;
    QByteArray area = u16(rsa ? tpm::AlgRsa : tpm::AlgEcc) + u16(nameAlg) + u32(0x00050072) +
                      sized({}) + u16(tpm::AlgNull) + u16(tpm::AlgNull);
    if (rsa)
        return area + u16(2048) + u32(0) + sized(cose.value(-1).toByteArray());
    return area + u16(tpm::EccNistP256) + u16(tpm::AlgNull) + sized(cose.value(-2).toByteArray()) +
           sized(cose.value(-3).toByteArray());
}

QByteArray certInfoFor(quint32 magic, quint16 type, const QByteArray& extraData,
                       const QByteArray& name)
{
    return u32(magic) + u16(type) + sized(QByteArray(34, '\x11')) + sized(extraData) +
           QByteArray(17, '\0') + QByteArray(8, '\x01') + sized(name) +
           sized(QByteArray(34, '\x22'));
}

CertOptions aikOptions()
{
    CertOptions options;
    options.subject = {};
    options.ca = false;
    options.extendedKeyUsages = {"2.23.133.8.3"};
    options.sanDirectoryName = NameEntries{{"2.23.133.2.1", QStringLiteral("id:FFFFF1D0")},
                                           {"2.23.133.2.2", QStringLiteral("NPCT6xx")},
                                           {"2.23.133.2.3", QStringLiteral("id:13")}};
    return options;
}

const TestKey& rsaAikKey()
{
    static const TestKey key = TestKey::generate(cose::RS256);
    return key;
}

// One valid tpm statement, built from parts a test can change before it is signed.
struct TpmCase {
    TestKey credential = TestKey::generate(cose::ES256);
    int alg = cose::RS256;
    quint16 nameAlg = tpm::AlgSha256;
    quint32 magic = tpm::GeneratedValue;
    quint16 type = tpm::StAttestCertify;
    QByteArray aaguid = kTestAaguid;
    std::optional<QByteArray> pubArea;
    std::optional<QByteArray> extraData;
    std::optional<QByteArray> attestedName;
    std::optional<QByteArray> certInfo;
    CertOptions aik = aikOptions();
    std::function<void(QCborMap&)> mutate;
    std::function<void(QList<QByteArray>&)> mutateX5c;

    Result<AttestationResult> run() const
    {
        const AuthenticatorData authData = makeAuthenticatorData(credential, aaguid);
        const QByteArray clientDataHash = testClientDataHash();
        const QByteArray area = pubArea.value_or(pubAreaFor(credential, nameAlg));
        const QByteArray extra = extraData.value_or(QCryptographicHash::hash(
            authData.raw + clientDataHash,
            alg == cose::RS1 ? QCryptographicHash::Sha1 : QCryptographicHash::Sha256));
        const QByteArray name =
            attestedName.value_or(u16(nameAlg) + QCryptographicHash::hash(area, hashOf(nameAlg)));
        const QByteArray info = certInfo.value_or(certInfoFor(magic, type, extra, name));
        const TestChain chain = makeChain(rsaAikKey(), aik);
        QList<QByteArray> x5c = chain.x5c();
        if (mutateX5c)
            mutateX5c(x5c);
        QCborMap statement{{QStringLiteral("ver"), QStringLiteral("2.0")},
                           {QStringLiteral("alg"), alg},
                           {QStringLiteral("x5c"), x5cArray(x5c)},
                           {QStringLiteral("sig"), rsaAikKey().signAs(alg, info)},
                           {QStringLiteral("certInfo"), info},
                           {QStringLiteral("pubArea"), area}};
        if (mutate)
            mutate(statement);
        const AttestationInput input{statement, authData, clientDataHash};
        return verifyTpmAttestation(input, trustWith(QStringLiteral("tpm"), {chain.root.der}));
    }
};

void expectError(const Result<AttestationResult>& result, ErrorCode code)
{
    QVERIFY2(!result.ok(), "the statement was accepted");
    QVERIFY2(result.error().code == code, describe(result));
    QVERIFY(!result.error().message.isEmpty());
}

} // namespace

class TestTpmAttestation : public QObject {
    Q_OBJECT

private slots:
    void realVectorsReachTheirExpectedOutcome_data();
    void realVectorsReachTheirExpectedOutcome();
    void validStatementIsAttCaAndTrusted();
    void rsaCredentialIsAccepted();
    void sha1AndSha256AreBothAccepted_data();
    void sha1AndSha256AreBothAccepted();
    void verOtherThan20IsRejected();
    void ecdaaIsRejected();
    void missingMemberIsRejected_data();
    void missingMemberIsRejected();
    void magicNotTpmGeneratedValueIsRejected();
    void typeNotAttestCertifyIsRejected();
    void extraDataNotHashOfAttToBeSignedIsRejected();
    void attestedNameNotPubAreaNameIsRejected();
    void pubAreaUniqueNotCredentialKeyIsRejected();
    void pubAreaOfOtherKeyTypeIsRejected();
    void truncatedOrOverlongStructuresAreRejected_data();
    void truncatedOrOverlongStructuresAreRejected();
    void everyTruncationIsRejected();
    void sigNotVerifyingIsRejected();
    void aikVersionNot3IsRejected();
    void aikSubjectNotEmptyIsRejected();
    void aikSanWithoutTpmAttributesIsRejected();
    void aikSanInOneRdnIsAccepted();
    void aikEkuWithoutAikCertificateIsRejected();
    void aikThatIsCaIsRejected();
    void aikWithoutBasicConstraintsIsRejected();
    void aikAaguidExtensionDifferentFromAuthDataIsRejected();
    void misorderedChainIsRejected();
    void expiredAikIsRejected();
};

void TestTpmAttestation::realVectorsReachTheirExpectedOutcome_data()
{
    QTest::addColumn<VectorCase>("vector");
    const auto cases = loadVectorCases(QStringLiteral("tpm"));
    if (!cases)
        QSKIP(kVectorsMissing);
    for (const VectorCase& vector : *cases)
        QTest::newRow(vector.name.toUtf8().constData()) << vector;
}

void TestTpmAttestation::realVectorsReachTheirExpectedOutcome()
{
    QFETCH(VectorCase, vector);
    const auto result = runVector(vector, &verifyTpmAttestation);
    if (!result.ok())
        qInfo("rejected as expected: %s", describe(result).constData());
    QVERIFY2(result.ok() == vector.expectOk, describe(result) + " / note: " + vector.note.toUtf8());
    if (result.ok()) {
        QCOMPARE(result->format, QStringLiteral("tpm"));
        QVERIFY(!result->trustPath.isEmpty());
        QCOMPARE(result->trusted,
                 !vector.trust.rootsByFormat.value(QStringLiteral("tpm")).isEmpty());
    }
}

void TestTpmAttestation::validStatementIsAttCaAndTrusted()
{
    const auto result = TpmCase{}.run();
    QVERIFY2(result.ok(), describe(result));
    QCOMPARE(result->format, QStringLiteral("tpm"));
    QCOMPARE(result->type, AttestationType::AttCA);
    QCOMPARE(result->trustPath.size(), 2);
    QVERIFY(result->trusted);
}

void TestTpmAttestation::rsaCredentialIsAccepted()
{
    TpmCase tpmCase;
    tpmCase.credential = rsaAikKey();
    const auto result = tpmCase.run();
    QVERIFY2(result.ok(), describe(result));
}

void TestTpmAttestation::sha1AndSha256AreBothAccepted_data()
{
    QTest::addColumn<int>("alg");
    QTest::addColumn<int>("nameAlg");
    QTest::newRow("RS1, SHA-1 name") << cose::RS1 << int(tpm::AlgSha1);
    QTest::newRow("RS1, SHA-256 name") << cose::RS1 << int(tpm::AlgSha256);
    QTest::newRow("RS256, SHA-1 name") << cose::RS256 << int(tpm::AlgSha1);
    QTest::newRow("RS256, SHA-256 name") << cose::RS256 << int(tpm::AlgSha256);
}

void TestTpmAttestation::sha1AndSha256AreBothAccepted()
{
    QFETCH(int, alg);
    QFETCH(int, nameAlg);
    TpmCase tpmCase;
    tpmCase.alg = alg;
    tpmCase.nameAlg = static_cast<quint16>(nameAlg);
    const auto result = tpmCase.run();
    QVERIFY2(result.ok(), describe(result));
}

void TestTpmAttestation::verOtherThan20IsRejected()
{
    TpmCase tpmCase;
    tpmCase.mutate = [](QCborMap& s) {
        s.insert(QStringLiteral("ver"), QStringLiteral("1.2"));
    };
    expectError(tpmCase.run(), ErrorCode::AttestationStatementMalformed);
}

void TestTpmAttestation::ecdaaIsRejected()
{
    TpmCase tpmCase;
    tpmCase.mutate = [](QCborMap& s) {
        s.insert(QStringLiteral("ecdaaKeyId"), QByteArray(32, 'k'));
    };
    expectError(tpmCase.run(), ErrorCode::AttestationFormatUnsupported);
}

void TestTpmAttestation::missingMemberIsRejected_data()
{
    QTest::addColumn<QString>("member");
    for (const char* member : {"ver", "alg", "x5c", "sig", "certInfo", "pubArea"})
        QTest::newRow(member) << QString::fromLatin1(member);
}

void TestTpmAttestation::missingMemberIsRejected()
{
    QFETCH(QString, member);
    TpmCase tpmCase;
    tpmCase.mutate = [member](QCborMap& s) {
        s.remove(member);
    };
    expectError(tpmCase.run(), ErrorCode::AttestationStatementMalformed);
}

void TestTpmAttestation::magicNotTpmGeneratedValueIsRejected()
{
    TpmCase tpmCase;
    tpmCase.magic = 0xff544348;
    expectError(tpmCase.run(), ErrorCode::AttestationTpmInvalid);
}

void TestTpmAttestation::typeNotAttestCertifyIsRejected()
{
    TpmCase tpmCase;
    tpmCase.type = 0x8018; // TPM_ST_ATTEST_QUOTE
    expectError(tpmCase.run(), ErrorCode::AttestationTpmInvalid);
}

void TestTpmAttestation::extraDataNotHashOfAttToBeSignedIsRejected()
{
    TpmCase tpmCase;
    tpmCase.extraData = QCryptographicHash::hash("something else", QCryptographicHash::Sha256);
    expectError(tpmCase.run(), ErrorCode::AttestationNonceMismatch);
    // The hash must be alg's: a SHA-1 extraData under RS256 is refused.
    TpmCase sha1Under256;
    const AuthenticatorData authData = makeAuthenticatorData(sha1Under256.credential);
    sha1Under256.extraData =
        QCryptographicHash::hash(authData.raw + testClientDataHash(), QCryptographicHash::Sha1);
    expectError(sha1Under256.run(), ErrorCode::AttestationNonceMismatch);
}

void TestTpmAttestation::attestedNameNotPubAreaNameIsRejected()
{
    TpmCase tpmCase;
    tpmCase.attestedName = u16(tpm::AlgSha256) + QByteArray(32, '\x33');
    expectError(tpmCase.run(), ErrorCode::AttestationTpmInvalid);
}

void TestTpmAttestation::pubAreaUniqueNotCredentialKeyIsRejected()
{
    TpmCase tpmCase;
    tpmCase.pubArea = pubAreaFor(TestKey::generate(cose::ES256), tpm::AlgSha256);
    expectError(tpmCase.run(), ErrorCode::AttestationPublicKeyMismatch);
}

void TestTpmAttestation::pubAreaOfOtherKeyTypeIsRejected()
{
    TpmCase tpmCase;
    tpmCase.pubArea = pubAreaFor(rsaAikKey(), tpm::AlgSha256);
    expectError(tpmCase.run(), ErrorCode::AttestationPublicKeyMismatch);
}

void TestTpmAttestation::truncatedOrOverlongStructuresAreRejected_data()
{
    QTest::addColumn<bool>("inPubArea");
    QTest::addColumn<int>("cut"); // bytes removed from the end; negative: bytes appended
    for (int cut : {1, 10, 40, 80}) {
        QTest::addRow("pubArea less %d", cut) << true << cut;
        QTest::addRow("certInfo less %d", cut) << false << cut;
    }
    QTest::newRow("pubArea plus 1") << true << -1;
    QTest::newRow("certInfo plus 1") << false << -1;
}

void TestTpmAttestation::truncatedOrOverlongStructuresAreRejected()
{
    QFETCH(bool, inPubArea);
    QFETCH(int, cut);
    TpmCase tpmCase;
    const QString member = inPubArea ? QStringLiteral("pubArea") : QStringLiteral("certInfo");
    tpmCase.mutate = [member, cut](QCborMap& s) {
        QByteArray bytes = s.value(member).toByteArray();
        bytes = cut > 0 ? bytes.chopped(cut) : bytes + QByteArray(-cut, '\0');
        s.insert(member, bytes);
    };
    const auto result = tpmCase.run();
    QVERIFY2(!result.ok(), "a cut structure was accepted");
    QVERIFY2(result.error().code == ErrorCode::AttestationTpmInvalid ||
                 result.error().code == ErrorCode::AttestationPublicKeyMismatch,
             describe(result));
}

void TestTpmAttestation::everyTruncationIsRejected()
{
    // Bounds checks: each prefix of pubArea and of certInfo is refused, never read past.
    const TestKey rsaCredential = rsaAikKey();
    for (const TestKey& credential : {TestKey::generate(cose::ES256), rsaCredential}) {
        for (const QString& member : {QStringLiteral("pubArea"), QStringLiteral("certInfo")}) {
            TpmCase full;
            full.credential = credential;
            qsizetype size = 0;
            full.mutate = [member, &size](QCborMap& s) {
                size = s.value(member).toByteArray().size();
            };
            QVERIFY(full.run().ok());
            for (qsizetype keep = 1; keep < size; ++keep) {
                TpmCase tpmCase;
                tpmCase.credential = credential;
                tpmCase.mutate = [member, keep](QCborMap& s) {
                    s.insert(member, s.value(member).toByteArray().first(keep));
                };
                const auto result = tpmCase.run();
                QVERIFY2(
                    !result.ok(),
                    qPrintable(
                        QStringLiteral("%1 cut to %2 bytes was accepted").arg(member).arg(keep)));
            }
        }
    }
}

void TestTpmAttestation::sigNotVerifyingIsRejected()
{
    TpmCase tpmCase;
    tpmCase.mutate = [](QCborMap& s) {
        QByteArray sig = s.value(QStringLiteral("sig")).toByteArray();
        sig[10] = static_cast<char>(sig[10] ^ 0x01);
        s.insert(QStringLiteral("sig"), sig);
    };
    expectError(tpmCase.run(), ErrorCode::AttestationSignatureInvalid);
}

void TestTpmAttestation::aikVersionNot3IsRejected()
{
    TpmCase tpmCase;
    tpmCase.aik.version = 2;
    expectError(tpmCase.run(), ErrorCode::AttestationTpmInvalid);
}

void TestTpmAttestation::aikSubjectNotEmptyIsRejected()
{
    TpmCase tpmCase;
    tpmCase.aik.subject = {{"CN", QStringLiteral("Some TPM")}};
    expectError(tpmCase.run(), ErrorCode::AttestationTpmInvalid);
}

void TestTpmAttestation::aikSanWithoutTpmAttributesIsRejected()
{
    TpmCase noSan;
    noSan.aik.sanDirectoryName.reset();
    expectError(noSan.run(), ErrorCode::AttestationTpmInvalid);
    TpmCase noModel;
    noModel.aik.sanDirectoryName->removeAt(1);
    expectError(noModel.run(), ErrorCode::AttestationTpmInvalid);
    TpmCase dnsOnly;
    dnsOnly.aik.sanDirectoryName.reset();
    dnsOnly.aik.sanDns = {QStringLiteral("tpm.example")};
    expectError(dnsOnly.run(), ErrorCode::AttestationTpmInvalid);
}

void TestTpmAttestation::aikSanInOneRdnIsAccepted()
{
    TpmCase tpmCase;
    tpmCase.aik.sanDirectoryNameAsOneRdn = true;
    const auto result = tpmCase.run();
    QVERIFY2(result.ok(), describe(result));
}

void TestTpmAttestation::aikEkuWithoutAikCertificateIsRejected()
{
    TpmCase tpmCase;
    tpmCase.aik.extendedKeyUsages = {"1.3.6.1.5.5.7.3.1"};
    expectError(tpmCase.run(), ErrorCode::AttestationTpmInvalid);
    TpmCase noEku;
    noEku.aik.extendedKeyUsages.clear();
    expectError(noEku.run(), ErrorCode::AttestationTpmInvalid);
}

void TestTpmAttestation::aikThatIsCaIsRejected()
{
    TpmCase tpmCase;
    tpmCase.aik.ca = true;
    expectError(tpmCase.run(), ErrorCode::AttestationTpmInvalid);
}

void TestTpmAttestation::aikWithoutBasicConstraintsIsRejected()
{
    TpmCase tpmCase;
    tpmCase.aik.ca.reset();
    expectError(tpmCase.run(), ErrorCode::AttestationTpmInvalid);
}

void TestTpmAttestation::aikAaguidExtensionDifferentFromAuthDataIsRejected()
{
    TpmCase tpmCase;
    tpmCase.aik.extensions.append(
        {"1.3.6.1.4.1.45724.1.1.4", derOctetString(QByteArray(16, '\x09')), false});
    expectError(tpmCase.run(), ErrorCode::AttestationAaguidMismatch);
    TpmCase same;
    same.aik.extensions.append({"1.3.6.1.4.1.45724.1.1.4", derOctetString(kTestAaguid), false});
    const auto result = same.run();
    QVERIFY2(result.ok(), describe(result));
}

void TestTpmAttestation::misorderedChainIsRejected()
{
    TpmCase tpmCase;
    // The AIK stays first (it signs certInfo) but is followed by a certificate that did not sign
    // it.
    tpmCase.mutateX5c = [](QList<QByteArray>& x5c) {
        x5c.insert(1, x5c[0]);
    };
    expectError(tpmCase.run(), ErrorCode::AttestationChainInvalid);
}

void TestTpmAttestation::expiredAikIsRejected()
{
    TpmCase tpmCase;
    tpmCase.aik.notBefore = QDateTime::currentDateTimeUtc().addYears(-2);
    tpmCase.aik.notAfter = QDateTime::currentDateTimeUtc().addDays(-1);
    expectError(tpmCase.run(), ErrorCode::AttestationCertificateInvalid);
}

QTEST_GUILESS_MAIN(TestTpmAttestation)
#include "test_tpm_attestation.moc"
