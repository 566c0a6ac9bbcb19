// The TPM key store against a real software TPM (swtpm), started by this test on free loopback
// ports: keys made and used inside the TPM, signatures checked by OpenSSL, every transient
// object flushed, blobs of another TPM refused, a TPM that vanishes reported plainly.
#include "authenticator/authenticator_data_writer.h"
#include "authenticator/local_authenticator.h"
#include "authenticator/software/file_sealing_key_provider.h"
#include "authenticator/tpm/ecdsa_der.h"
#include "authenticator/tpm/tpm_device.h"
#include "authenticator/tpm/tpm_key_store.h"
#include "fake/scripted_user_verifier.h"
#include "swtpm_process.h"
#include "test_support.h"
#include "webauthn/cose_key.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>
#include <openssl/ecdsa.h>
#include <tss2/tss2_esys.h>
#include <tss2/tss2_mu.h>
#include <tss2/tss2_tctildr.h>

using namespace latchkey::authenticator;
using namespace latchkey::authenticator::testing;
using latchkey::testing::SwtpmProcess;

namespace {

// SubjectPublicKeyInfo of a P-256 point: the fixed DER prefix (id-ecPublicKey, prime256v1,
// BIT STRING of 66 bytes) before the 65-byte point; built here, apart from the code under test.
QByteArray spkiOf(const QByteArray& point)
{
    return QByteArray::fromHex("3059301306072a8648ce3d020106082a8648ce3d030107034200") + point;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

CredentialRecord recordFor(const CreatedKey& key, const QString& rpId)
{
    CredentialRecord record;
    record.credentialId = key.handle;
    record.keyHandle = key.handle;
    record.rpId = rpId;
    record.userHandle = "user handle";
    record.userName = QStringLiteral("ada");
    record.userDisplayName = QStringLiteral("Ada");
    record.discoverable = true;
    record.createdAt = QDateTime::currentDateTimeUtc();
    return record;
}

// A raw ESYS connection for provisioning the swtpm the way an administrator would (tpm2-tools
// do the same calls); closed before the code under test connects (swtpm serves one at a time).
class Provisioning {
public:
    explicit Provisioning(const QString& tcti)
    {
        const QByteArray conf = tcti.toUtf8();
        if (Tss2_TctiLdr_Initialize(conf.constData(), &m_tcti) == TSS2_RC_SUCCESS)
            Esys_Initialize(&m_esys, m_tcti, nullptr);
    }
    ~Provisioning()
    {
        if (m_esys)
            Esys_Finalize(&m_esys);
        if (m_tcti)
            Tss2_TctiLdr_Finalize(&m_tcti);
    }
    ESYS_CONTEXT* esys() const { return m_esys; }

private:
    TSS2_TCTI_CONTEXT* m_tcti = nullptr;
    ESYS_CONTEXT* m_esys = nullptr;
};

} // namespace

class TestTpmKeyStore : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createdKeySignsWhatOpenSslVerifies();
    void keyIsBoundToThisTpmWithoutDictionaryAttackCounting();
    void deletedKeyNoLongerSigns();
    void hundredKeysInARowLeaveNoTransientObject();
    void counterAndKeysSurviveReopening();
    void blobFromAnotherTpmIsRefusedAndChangesNothing();
    void stoppedTpmGivesClearErrorAndChangesNothing();
    void unreachableTctiSaysWhatToCheck();
    void missingDeviceNodeSaysWhatToDo();
    void derSignatureFromTpmIntegers();
    void passkeyMadeInTheTpmCarriesTheTpmAaguidAndSigns();
    void persistentSrkIsUsedWhereProvisioned();
    void ownerPasswordWithoutPersistentSrkSaysWhatToDo();
    void keysStillWorkWhileTheTpmIsLockedOut();
    void tpmThatComesBackIsUsedAgain();

private:
    std::unique_ptr<TpmKeyStore> openStore(SwtpmProcess& tpm, const QString& file);

    std::unique_ptr<QTemporaryDir> m_scratch;
    std::unique_ptr<SwtpmProcess> m_tpm;
    std::unique_ptr<FileSealingKeyProvider> m_sealing;
    QString m_keysFile;
};

void TestTpmKeyStore::init()
{
    QVERIFY2(!SwtpmProcess::program().isEmpty(),
             "swtpm is not installed: run packaging/install-deps.sh (the tpm tests never skip)");
    m_scratch = std::make_unique<QTemporaryDir>();
    QVERIFY(m_scratch->isValid());
    m_tpm = std::make_unique<SwtpmProcess>();
    QVERIFY2(m_tpm->start(m_scratch->filePath(QStringLiteral("tpm1"))),
             qPrintable(m_tpm->errorString()));
    m_sealing = std::make_unique<FileSealingKeyProvider>(
        m_scratch->filePath(QStringLiteral("sealing.key")));
    m_keysFile = m_scratch->filePath(QStringLiteral("data/tpm-keys.json"));
}

void TestTpmKeyStore::cleanup()
{
    m_tpm.reset();
    m_scratch.reset();
}

std::unique_ptr<TpmKeyStore> TestTpmKeyStore::openStore(SwtpmProcess& tpm, const QString& file)
{
    auto device = TpmDevice::open(tpm.tcti());
    if (!device) {
        qWarning("TPM: %s", qPrintable(device.error().message));
        return nullptr;
    }
    auto store = TpmKeyStore::open(file, *m_sealing, std::move(*device));
    if (!store) {
        qWarning("store: %s", qPrintable(store.error().message));
        return nullptr;
    }
    return std::move(*store);
}

void TestTpmKeyStore::createdKeySignsWhatOpenSslVerifies()
{
    auto store = openStore(*m_tpm, m_keysFile);
    QVERIFY(store);
    QVERIFY(!store->device().info().persistentSrk); // a fresh swtpm has no SRK at 0x81000001
    QCOMPARE(store->device().info().manufacturer, QStringLiteral("IBM"));
    const auto key = store->createKey("credential one");
    QVERIFY2(key, key ? "" : qPrintable(key.error().message));
    QCOMPARE(key->handle, QByteArray("credential one"));
    QCOMPARE(key->publicPoint.size(), 65);
    QCOMPARE(key->publicPoint.at(0), '\x04');

    const QByteArray data = "authenticator data || client data hash";
    const auto signature = store->sign(key->handle, data);
    QVERIFY2(signature, signature ? "" : qPrintable(signature.error().message));
    QVERIFY(verifyEs256(spkiOf(key->publicPoint), data, *signature));
    QVERIFY(!verifyEs256(spkiOf(key->publicPoint), data + "x", *signature));
    // The file on disk holds the entry sealed: neither blob nor record in clear.
    QVERIFY(!readAll(m_keysFile).contains("tpmPublic"));
}

void TestTpmKeyStore::keyIsBoundToThisTpmWithoutDictionaryAttackCounting()
{
    auto device = TpmDevice::open(m_tpm->tcti());
    QVERIFY2(device, device ? "" : qPrintable(device.error().message));
    const auto created = (*device)->createSigningKey();
    QVERIFY(created);
    TPM2B_PUBLIC area{};
    size_t offset = 0;
    QCOMPARE(Tss2_MU_TPM2B_PUBLIC_Unmarshal(
                 reinterpret_cast<const uint8_t*>(created->blob.publicArea.constData()),
                 size_t(created->blob.publicArea.size()), &offset, &area),
             TSS2_RC(TSS2_RC_SUCCESS));
    const TPMA_OBJECT attributes = area.publicArea.objectAttributes;
    QVERIFY(attributes & TPMA_OBJECT_NODA);
    QVERIFY(attributes & TPMA_OBJECT_FIXEDTPM);
    QVERIFY(attributes & TPMA_OBJECT_FIXEDPARENT);
    QVERIFY(attributes & TPMA_OBJECT_SENSITIVEDATAORIGIN);
    QVERIFY(attributes & TPMA_OBJECT_SIGN_ENCRYPT);
    QVERIFY(!(attributes & TPMA_OBJECT_DECRYPT));
    QCOMPARE(area.publicArea.parameters.eccDetail.curveID, TPMI_ECC_CURVE(TPM2_ECC_NIST_P256));
    QCOMPARE(*TpmDevice::publicPointOf(created->blob), created->publicPoint);
}

void TestTpmKeyStore::deletedKeyNoLongerSigns()
{
    auto store = openStore(*m_tpm, m_keysFile);
    QVERIFY(store);
    const auto key = store->createKey("to delete");
    QVERIFY(key);
    QVERIFY(store->saveCredential(recordFor(*key, QStringLiteral("localhost"))));
    QVERIFY(store->deleteKey(key->handle));
    const auto signature = store->sign(key->handle, "data");
    QVERIFY(!signature);
    QCOMPARE(signature.error().code, KeyStoreErrorCode::NotFound);
    QVERIFY(!store->findCredential(QStringLiteral("localhost"), key->handle)->has_value());
}

void TestTpmKeyStore::hundredKeysInARowLeaveNoTransientObject()
{
    auto store = openStore(*m_tpm, m_keysFile);
    QVERIFY(store);
    const auto before = store->device().transientObjectCount();
    QVERIFY(before);
    QCOMPARE(*before, 1); // the SRK this connection made, and nothing else
    for (int i = 0; i < 100; ++i) {
        const QByteArray id = "key " + QByteArray::number(i);
        const auto key = store->createKey(id);
        QVERIFY2(key,
                 key ? ""
                     : qPrintable(QStringLiteral("key %1: %2").arg(i).arg(key.error().message)));
        const auto signature = store->sign(id, id);
        QVERIFY2(signature, signature ? "" : qPrintable(signature.error().message));
        QVERIFY(verifyEs256(spkiOf(key->publicPoint), id, *signature));
        QVERIFY(store->deleteKey(id));
    }
    QCOMPARE(*store->device().transientObjectCount(), *before);
    // Closing flushes the SRK too: the TPM holds nothing of ours afterwards.
    store.reset();
    auto probe = TpmDevice::open(m_tpm->tcti());
    QVERIFY(probe);
    QCOMPARE(*(*probe)->transientObjectCount(), 1); // the probe's own SRK
}

void TestTpmKeyStore::counterAndKeysSurviveReopening()
{
    QByteArray id;
    QByteArray point;
    {
        auto store = openStore(*m_tpm, m_keysFile);
        QVERIFY(store);
        const auto key = store->createKey("kept");
        QVERIFY(key);
        id = key->handle;
        point = key->publicPoint;
        QVERIFY(store->saveCredential(recordFor(*key, QStringLiteral("localhost"))));
        QCOMPARE(*store->incrementSignCount(id), quint32(1));
        QCOMPARE(*store->incrementSignCount(id), quint32(2));
    }
    // A new connection makes the SRK again from the same template: the same key, so the blob
    // loads; the counter comes from the file.
    auto store = openStore(*m_tpm, m_keysFile);
    QVERIFY(store);
    const auto record = store->findCredential(QStringLiteral("localhost"), id);
    QVERIFY(record && record->has_value());
    QCOMPARE((*record)->signCount, quint32(2));
    QCOMPARE((*record)->userName, QStringLiteral("ada"));
    const auto signature = store->sign(id, "after reopening");
    QVERIFY2(signature, signature ? "" : qPrintable(signature.error().message));
    QVERIFY(verifyEs256(spkiOf(point), "after reopening", *signature));
    QCOMPARE(*store->incrementSignCount(id), quint32(3));
}

void TestTpmKeyStore::blobFromAnotherTpmIsRefusedAndChangesNothing()
{
    QByteArray id;
    {
        auto store = openStore(*m_tpm, m_keysFile);
        QVERIFY(store);
        const auto key = store->createKey("made by tpm one");
        QVERIFY(key);
        id = key->handle;
        QVERIFY(store->saveCredential(recordFor(*key, QStringLiteral("localhost"))));
    }
    SwtpmProcess other;
    QVERIFY2(other.start(m_scratch->filePath(QStringLiteral("tpm2"))),
             qPrintable(other.errorString()));
    const QString copied = m_scratch->filePath(QStringLiteral("copy/tpm-keys.json"));
    QVERIFY(QDir().mkpath(QFileInfo(copied).path()));
    QVERIFY(QFile::copy(m_keysFile, copied));
    const QByteArray before = readAll(copied);

    auto store = openStore(other, copied);
    QVERIFY(store);
    const auto signature = store->sign(id, "data");
    QVERIFY(!signature);
    QCOMPARE(signature.error().code, KeyStoreErrorCode::TpmRefused);
    QVERIFY2(signature.error().message.contains(QLatin1String("made by another TPM")),
             qPrintable(signature.error().message));
    QCOMPARE(readAll(copied), before);
    QCOMPARE(*store->device().transientObjectCount(), 1);
}

void TestTpmKeyStore::stoppedTpmGivesClearErrorAndChangesNothing()
{
    auto store = openStore(*m_tpm, m_keysFile);
    QVERIFY(store);
    const auto key = store->createKey("before the crash");
    QVERIFY(key);
    const QByteArray before = readAll(m_keysFile);
    m_tpm->kill();

    const auto signature = store->sign(key->handle, "data");
    QVERIFY(!signature);
    QCOMPARE(signature.error().code, KeyStoreErrorCode::TpmUnavailable);
    QVERIFY2(signature.error().message.contains(QLatin1String("stopped answering")),
             qPrintable(signature.error().message));
    const auto created = store->createKey("after the crash");
    QVERIFY(!created);
    QCOMPARE(created.error().code, KeyStoreErrorCode::TpmUnavailable);
    QCOMPARE(readAll(m_keysFile), before);
}

void TestTpmKeyStore::unreachableTctiSaysWhatToCheck()
{
    const quint16 port = m_tpm->port();
    m_tpm->stop();
    const auto device = TpmDevice::open(QStringLiteral("swtpm:host=127.0.0.1,port=%1").arg(port));
    QVERIFY(!device);
    QCOMPARE(device.error().code, KeyStoreErrorCode::TpmUnavailable);
    QVERIFY2(device.error().message.contains(QLatin1String("--tpm-tcti")),
             qPrintable(device.error().message));
}

void TestTpmKeyStore::missingDeviceNodeSaysWhatToDo()
{
    const QString path = m_scratch->filePath(QStringLiteral("no-such-tpmrm0"));
    const auto device = TpmDevice::open(QStringLiteral("device:") + path);
    QVERIFY(!device);
    QCOMPARE(device.error().code, KeyStoreErrorCode::TpmUnavailable);
    QVERIFY2(device.error().message.contains(QStringLiteral("No TPM 2.0 is at %1").arg(path)),
             qPrintable(device.error().message));
}

void TestTpmKeyStore::derSignatureFromTpmIntegers()
{
    // r with its high bit set gets a leading zero in DER; s with leading zero bytes loses them.
    const QByteArray r = QByteArray(1, '\x80') + QByteArray(31, '\x01');
    const QByteArray s = QByteArray(2, '\0') + QByteArray(30, '\x02');
    const auto der = derEcdsaSignature(r, s);
    QVERIFY(der);
    QCOMPARE(der->toHex(), (QByteArray("3043") + "0221" + "00" + r.toHex() + "021e" +
                            QByteArray(30, '\x02').toHex()));
    QVERIFY(!derEcdsaSignature({}, s));
}

void TestTpmKeyStore::passkeyMadeInTheTpmCarriesTheTpmAaguidAndSigns()
{
    auto store = openStore(*m_tpm, m_keysFile);
    QVERIFY(store);
    ScriptedUserVerifier verifier;
    LocalAuthenticator authenticator(*store, verifier);
    verifier.scriptOutcome(VerificationOutcome::Verified);
    MakeCredentialRequest request;
    request.clientDataHash = QByteArray(32, 'c');
    request.rp = RpEntity{QStringLiteral("localhost"), QStringLiteral("Latchkey")};
    request.user = UserEntity{"user-1", QStringLiteral("ada"), QStringLiteral("Ada")};
    request.pubKeyCredParams = {latchkey::webauthn::cose::ES256};
    request.rk = true;
    request.attestationFormatsPreference = {QStringLiteral("packed")};
    Captured<AuthenticatorResult<MakeCredentialResponse>> made;
    authenticator.makeCredential(request, made.callback());
    QCOMPARE(made.calls, 1);
    QVERIFY2(made.value->ok(), made.value->ok() ? "" : qPrintable(made.value->error().message));
    const MakeCredentialResponse& credential = **made.value;
    QCOMPARE(credential.authData.mid(37, 16), latchkeyTpmAaguid());
    QCOMPARE(QUuid::fromRfc4122(latchkeyTpmAaguid()).toString(QUuid::WithoutBraces),
             QStringLiteral("e05b567d-0914-438f-b525-f5479694837a"));
    QVERIFY(latchkeyTpmAaguid() != latchkeyAaguid());

    verifier.scriptOutcome(VerificationOutcome::Verified);
    GetAssertionRequest assertion;
    assertion.rpId = QStringLiteral("localhost");
    assertion.clientDataHash = QByteArray(32, 'a');
    Captured<AuthenticatorResult<GetAssertionResponse>> asserted;
    authenticator.getAssertion(assertion, asserted.callback());
    QCOMPARE(asserted.calls, 1);
    QVERIFY2(asserted.value->ok(),
             asserted.value->ok() ? "" : qPrintable(asserted.value->error().message));
    const GetAssertionResponse& answer = **asserted.value;
    QVERIFY(verifyEs256(credential.publicKeySpkiDer, answer.authData + assertion.clientDataHash,
                        answer.signature));
    QCOMPARE(signCountOf(answer.authData), quint32(1)); // the store's counter, not the TPM's
}

void TestTpmKeyStore::persistentSrkIsUsedWhereProvisioned()
{
    {
        Provisioning admin(m_tpm->tcti());
        QVERIFY(admin.esys());
        // Any restricted decryption key at 0x81000001 is a storage root key (an RSA one here,
        // as tpm2_createprimary -C o -G rsa would make, to tell it from the one we would make).
        TPM2B_PUBLIC rsaSrk{};
        rsaSrk.publicArea.type = TPM2_ALG_RSA;
        rsaSrk.publicArea.nameAlg = TPM2_ALG_SHA256;
        rsaSrk.publicArea.objectAttributes = TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT |
                                             TPMA_OBJECT_SENSITIVEDATAORIGIN |
                                             TPMA_OBJECT_USERWITHAUTH | TPMA_OBJECT_NODA |
                                             TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT;
        rsaSrk.publicArea.parameters.rsaDetail.symmetric.algorithm = TPM2_ALG_AES;
        rsaSrk.publicArea.parameters.rsaDetail.symmetric.keyBits.aes = 128;
        rsaSrk.publicArea.parameters.rsaDetail.symmetric.mode.aes = TPM2_ALG_CFB;
        rsaSrk.publicArea.parameters.rsaDetail.scheme.scheme = TPM2_ALG_NULL;
        rsaSrk.publicArea.parameters.rsaDetail.keyBits = 2048;
        const TPM2B_SENSITIVE_CREATE sensitive{};
        const TPM2B_DATA outside{};
        const TPML_PCR_SELECTION pcrs{};
        ESYS_TR primary = ESYS_TR_NONE;
        QCOMPARE(Esys_CreatePrimary(admin.esys(), ESYS_TR_RH_OWNER, ESYS_TR_PASSWORD, ESYS_TR_NONE,
                                    ESYS_TR_NONE, &sensitive, &rsaSrk, &outside, &pcrs, &primary,
                                    nullptr, nullptr, nullptr, nullptr),
                 TSS2_RC(TSS2_RC_SUCCESS));
        ESYS_TR persistent = ESYS_TR_NONE;
        QCOMPARE(Esys_EvictControl(admin.esys(), ESYS_TR_RH_OWNER, primary, ESYS_TR_PASSWORD,
                                   ESYS_TR_NONE, ESYS_TR_NONE, 0x81000001, &persistent),
                 TSS2_RC(TSS2_RC_SUCCESS));
        QCOMPARE(Esys_FlushContext(admin.esys(), primary), TSS2_RC(TSS2_RC_SUCCESS));
    }
    auto store = openStore(*m_tpm, m_keysFile);
    QVERIFY(store);
    QVERIFY(store->device().info().persistentSrk);
    QCOMPARE(*store->device().transientObjectCount(), 0); // no primary of ours made
    const auto key = store->createKey("under the persistent SRK");
    QVERIFY2(key, key ? "" : qPrintable(key.error().message));
    const auto signature = store->sign(key->handle, "data");
    QVERIFY2(signature, signature ? "" : qPrintable(signature.error().message));
    QVERIFY(verifyEs256(spkiOf(key->publicPoint), "data", *signature));
    QCOMPARE(*store->device().transientObjectCount(), 0);
}

void TestTpmKeyStore::ownerPasswordWithoutPersistentSrkSaysWhatToDo()
{
    {
        Provisioning admin(m_tpm->tcti());
        QVERIFY(admin.esys());
        TPM2B_AUTH password{};
        password.size = 6;
        std::copy_n("secret", 6, password.buffer);
        QCOMPARE(Esys_HierarchyChangeAuth(admin.esys(), ESYS_TR_RH_OWNER, ESYS_TR_PASSWORD,
                                          ESYS_TR_NONE, ESYS_TR_NONE, &password),
                 TSS2_RC(TSS2_RC_SUCCESS));
    }
    const auto device = TpmDevice::open(m_tpm->tcti());
    QVERIFY(!device);
    QCOMPARE(device.error().code, KeyStoreErrorCode::TpmRefused);
    QVERIFY2(device.error().message.contains(QLatin1String("0x81000001")),
             qPrintable(device.error().message));
}

void TestTpmKeyStore::keysStillWorkWhileTheTpmIsLockedOut()
{
    {
        // One wrong password on a key that counts towards dictionary-attack protection puts a
        // TPM allowing one failure into lockout, as repeated guessing would.
        Provisioning admin(m_tpm->tcti());
        QVERIFY(admin.esys());
        QCOMPARE(Esys_DictionaryAttackParameters(admin.esys(), ESYS_TR_RH_LOCKOUT, ESYS_TR_PASSWORD,
                                                 ESYS_TR_NONE, ESYS_TR_NONE, 1, 3600, 3600),
                 TSS2_RC(TSS2_RC_SUCCESS));
        TPM2B_PUBLIC guarded{};
        guarded.publicArea.type = TPM2_ALG_KEYEDHASH;
        guarded.publicArea.nameAlg = TPM2_ALG_SHA256;
        guarded.publicArea.objectAttributes = TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT |
                                              TPMA_OBJECT_SENSITIVEDATAORIGIN |
                                              TPMA_OBJECT_USERWITHAUTH | TPMA_OBJECT_SIGN_ENCRYPT;
        guarded.publicArea.parameters.keyedHashDetail.scheme.scheme = TPM2_ALG_HMAC;
        guarded.publicArea.parameters.keyedHashDetail.scheme.details.hmac.hashAlg = TPM2_ALG_SHA256;
        TPM2B_SENSITIVE_CREATE sensitive{};
        sensitive.sensitive.userAuth.size = 5;
        std::copy_n("right", 5, sensitive.sensitive.userAuth.buffer);
        const TPM2B_DATA outside{};
        const TPML_PCR_SELECTION pcrs{};
        ESYS_TR key = ESYS_TR_NONE;
        QCOMPARE(Esys_CreatePrimary(admin.esys(), ESYS_TR_RH_OWNER, ESYS_TR_PASSWORD, ESYS_TR_NONE,
                                    ESYS_TR_NONE, &sensitive, &guarded, &outside, &pcrs, &key,
                                    nullptr, nullptr, nullptr, nullptr),
                 TSS2_RC(TSS2_RC_SUCCESS));
        TPM2B_AUTH wrong{};
        wrong.size = 5;
        std::copy_n("wrong", 5, wrong.buffer);
        QCOMPARE(Esys_TR_SetAuth(admin.esys(), key, &wrong), TSS2_RC(TSS2_RC_SUCCESS));
        TPM2B_MAX_BUFFER data{};
        data.size = 4;
        TPM2B_DIGEST* hmac = nullptr;
        QVERIFY(Esys_HMAC(admin.esys(), key, ESYS_TR_PASSWORD, ESYS_TR_NONE, ESYS_TR_NONE, &data,
                          TPM2_ALG_SHA256, &hmac) != TSS2_RC_SUCCESS);
        Esys_Free(hmac);
        Esys_FlushContext(admin.esys(), key);
    }
    // Our keys and the SRK carry noDA: the lockout that refuses the guessed key leaves them be.
    auto store = openStore(*m_tpm, m_keysFile);
    QVERIFY(store);
    QVERIFY(store->device().info().inLockout);
    const auto key = store->createKey("during the lockout");
    QVERIFY2(key, key ? "" : qPrintable(key.error().message));
    const auto signature = store->sign(key->handle, "data");
    QVERIFY2(signature, signature ? "" : qPrintable(signature.error().message));
    QVERIFY(verifyEs256(spkiOf(key->publicPoint), "data", *signature));
}

void TestTpmKeyStore::tpmThatComesBackIsUsedAgain()
{
    auto store = openStore(*m_tpm, m_keysFile);
    QVERIFY(store);
    const auto key = store->createKey("across a restart");
    QVERIFY(key);
    const quint16 port = m_tpm->port();
    m_tpm->kill();
    QCOMPARE(store->sign(key->handle, "data").error().code, KeyStoreErrorCode::TpmUnavailable);
    // The same TPM (same state) back on the same port: the next call connects again.
    QVERIFY2(m_tpm->start(m_scratch->filePath(QStringLiteral("tpm1")), port),
             qPrintable(m_tpm->errorString()));
    const auto signature = store->sign(key->handle, "data");
    QVERIFY2(signature, signature ? "" : qPrintable(signature.error().message));
    QVERIFY(verifyEs256(spkiOf(key->publicPoint), "data", *signature));
    QCOMPARE(*store->device().transientObjectCount(), 1);
}

QTEST_GUILESS_MAIN(TestTpmKeyStore)
#include "test_tpm_key_store.moc"
