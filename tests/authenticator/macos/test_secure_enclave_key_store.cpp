#include "authenticator/authenticator_data_writer.h"
#include "authenticator/macos/apple_status.h"
#include "authenticator/macos/secure_enclave_key_store.h"
#include "authenticator/software/file_sealing_key_provider.h"
#include "fake_apple_security_api.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace latchkey::authenticator;
using namespace latchkey::authenticator::macos;
using latchkey::authenticator::testing::verifyEs256;

namespace {

CredentialRecord recordFor(const CreatedKey& key, const QString& rpId, const QByteArray& user,
                           bool discoverable = true)
{
    CredentialRecord record;
    record.credentialId = key.handle;
    record.keyHandle = key.handle;
    record.rpId = rpId;
    record.userHandle = user;
    record.userName = QStringLiteral("ada");
    record.userDisplayName = QStringLiteral("Ada Lovelace");
    record.discoverable = discoverable;
    record.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    return record;
}

} // namespace

// SecureEnclaveKeyStore over the fake Secure Enclave, its records in a real file.
class TestSecureEnclaveKeyStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeAppleSecurityApi> m_api;
    std::unique_ptr<KeyAuthorization> m_authorization;
    std::unique_ptr<FileSealingKeyProvider> m_sealing;

    QString recordsPath() const
    {
        return m_dir->filePath(QStringLiteral("secure-enclave-keys.json"));
    }

    KeyStoreResult<std::unique_ptr<SecureEnclaveKeyStore>> open(SecureEnclaveOptions options = {})
    {
        return SecureEnclaveKeyStore::open(*m_api, *m_authorization, recordsPath(), *m_sealing,
                                           std::move(options));
    }

    std::unique_ptr<SecureEnclaveKeyStore> openStore(SecureEnclaveOptions options = {})
    {
        auto store = open(std::move(options));
        if (!store)
            qWarning() << store.error().message;
        return store ? std::move(*store) : nullptr;
    }

    // What the verifier does once LocalAuthentication said yes: an evaluated context, granted.
    void grantVerifiedContext(FakeAppleSecurityApi::Method method)
    {
        const ContextId context = m_api->createContext();
        m_api->scriptEvaluations({{0, method}});
        m_api->evaluateKeyUse(context, KeyProtection::UserPresence, QStringLiteral("test"),
                              [](AppleStatus) {});
        m_authorization->grant(context);
    }

    CreatedKey createRecorded(SecureEnclaveKeyStore& store, const QByteArray& id,
                              const QString& rpId = QStringLiteral("localhost"))
    {
        const auto key = store.createKey(id);
        if (!key)
            return {};
        if (!store.saveCredential(recordFor(*key, rpId, "user-" + id)))
            return {};
        return *key;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_api = std::make_unique<FakeAppleSecurityApi>();
        m_authorization = std::make_unique<KeyAuthorization>(*m_api);
        m_sealing = std::make_unique<FileSealingKeyProvider>(
            m_dir->filePath(QStringLiteral("sealing/sealing.key")));
    }

    void cleanup()
    {
        m_authorization.reset();
        m_sealing.reset();
        m_api.reset();
        m_dir.reset();
    }

    void aKeyIsMadeInTheSecureEnclaveNamedByItsCredentialId()
    {
        SecureEnclaveOptions options;
        options.protection = KeyProtection::BiometryCurrentSet;
        options.accessGroup = QStringLiteral("TEAMID.io.latchkey.Latchkey");
        auto store = openStore(options);
        QVERIFY(store);
        const auto key = store->createKey("credential-1");
        QVERIFY(key);
        QCOMPARE(key->handle, QByteArray("credential-1"));
        const KeychainKeyName name = keychainKeyName("credential-1");
        QCOMPARE(name.applicationLabel, QByteArray("credential-1"));
        QCOMPARE(name.applicationTag, QByteArray("io.latchkey.Latchkey.passkey"));
        QVERIFY(m_api->hasKey(name));
        QCOMPARE(m_api->protectionOf(name), KeyProtection::BiometryCurrentSet);
        QCOMPARE(m_api->accessGroupOf(name), options.accessGroup);
        QCOMPARE(key->publicPoint, m_api->copyPublicKey(name).value);
        QCOMPARE(key->publicPoint.size(), 65);
    }

    void theDefaultProtectionIsUserPresence()
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->createKey("k"));
        QCOMPARE(m_api->protectionOf(keychainKeyName("k")), KeyProtection::UserPresence);
    }

    void aMacWithoutSecureEnclaveHasNoStore()
    {
        m_api->setHasSecureEnclave(false);
        const auto store = open();
        QVERIFY(!store);
        QCOMPARE(store.error().code, KeyStoreErrorCode::Unavailable);
        QVERIFY(store.error().message.contains(QLatin1String("no Secure Enclave")));
    }

    void anUnsignedBuildCannotMakeKeysAndSaysWhy()
    {
        auto store = openStore();
        QVERIFY(store);
        m_api->failNextCreate(oss::kMissingEntitlement);
        const auto key = store->createKey("k");
        QVERIFY(!key);
        QCOMPARE(key.error().code, KeyStoreErrorCode::Unavailable);
        QVERIFY(key.error().message.contains(QLatin1String("-34018")));
        QCOMPARE(m_api->keyCount(), 0);
    }

    void anEmptyOrTakenCredentialIdIsRefused()
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(!store->createKey(QByteArray()));
        QVERIFY(store->createKey("k"));
        const auto again = store->createKey("k");
        QVERIFY(!again);
        QVERIFY(again.error().message.contains(QLatin1String("already")));
        QCOMPARE(m_api->keyCount(), 1);
    }

    void aKeySignsWithTheVerifiedContextAndTheSignatureVerifies()
    {
        auto store = openStore();
        QVERIFY(store);
        const CreatedKey key = createRecorded(*store, "k");
        QVERIFY(!key.handle.isEmpty());
        grantVerifiedContext(FakeAppleSecurityApi::Method::TouchId);
        const auto signature = store->sign(key.handle, "authData||clientDataHash");
        QVERIFY2(signature, qPrintable(signature ? QString() : signature.error().message));
        QVERIFY(verifyEs256(p256SpkiDer(key.publicPoint), "authData||clientDataHash", *signature));
        QVERIFY(!verifyEs256(p256SpkiDer(key.publicPoint), "something else", *signature));
    }

    void theContextSignsOnceAndIsInvalidatedAfter()
    {
        auto store = openStore();
        QVERIFY(store);
        const CreatedKey key = createRecorded(*store, "k");
        grantVerifiedContext(FakeAppleSecurityApi::Method::TouchId);
        QVERIFY(store->sign(key.handle, "first"));
        QCOMPARE(m_api->liveContexts(), 0);
        QVERIFY(!m_authorization->holds());
        const auto second = store->sign(key.handle, "second");
        QVERIFY(!second);
        QVERIFY(second.error().message.contains(QLatin1String("Touch ID")));
        QCOMPARE(m_api->signatures(), 1);
    }

    void withoutAVerificationNothingIsSigned()
    {
        auto store = openStore();
        QVERIFY(store);
        const CreatedKey key = createRecorded(*store, "k");
        const auto refused = store->sign(key.handle, "data");
        QVERIFY(!refused);
        QCOMPARE(m_api->signatures(), 0);
        // A context that was never evaluated does not sign either.
        m_authorization->grant(m_api->createContext());
        const auto unevaluated = store->sign(key.handle, "data");
        QVERIFY(!unevaluated);
        QVERIFY(unevaluated.error().message.contains(QLatin1String("not confirmed")));
        QCOMPARE(m_api->signatures(), 0);
    }

    void aTouchIdOnlyKeyRefusesAPasswordVerification()
    {
        SecureEnclaveOptions options;
        options.protection = KeyProtection::BiometryCurrentSet;
        auto store = openStore(options);
        QVERIFY(store);
        const CreatedKey key = createRecorded(*store, "k");
        grantVerifiedContext(FakeAppleSecurityApi::Method::Password);
        QVERIFY(!store->sign(key.handle, "data"));
        grantVerifiedContext(FakeAppleSecurityApi::Method::TouchId);
        QVERIFY(store->sign(key.handle, "data"));
    }

    void aMalformedSignatureOfTheHardwareNeverLeavesTheStore()
    {
        auto store = openStore();
        QVERIFY(store);
        const CreatedKey key = createRecorded(*store, "k");
        grantVerifiedContext(FakeAppleSecurityApi::Method::TouchId);
        m_api->mangleNextSignature([](QByteArray der) { return der + '\0'; });
        const auto signature = store->sign(key.handle, "data");
        QVERIFY(!signature);
        QVERIFY(signature.error().message.contains(QLatin1String("malformed signature")));
    }

    void aKeyInvalidatedByNewFingerprintsIsReportedLost()
    {
        SecureEnclaveOptions options;
        options.protection = KeyProtection::BiometryCurrentSet;
        auto store = openStore(options);
        QVERIFY(store);
        const CreatedKey lost = createRecorded(*store, "lost");
        QVERIFY(!*store->isKeyLost(lost.handle));
        m_api->enrollFingerprintsAgain();
        grantVerifiedContext(FakeAppleSecurityApi::Method::TouchId);
        const auto signature = store->sign(lost.handle, "data");
        QVERIFY(!signature);
        QCOMPARE(signature.error().code, KeyStoreErrorCode::KeyLost);
        QCOMPARE(m_api->liveContexts(), 0);
        QVERIFY(*store->isKeyLost(lost.handle));
        // The record stays (the profile page can name it) until the person removes it.
        QVERIFY(store->findCredential(QStringLiteral("localhost"), "lost")->has_value());
        QVERIFY(store->deleteKey(lost.handle));
        QVERIFY(!store->findCredential(QStringLiteral("localhost"), "lost")->has_value());
        // A credential this store does not hold is not "lost" here.
        QVERIFY(!*store->isKeyLost(lost.handle));
    }

    void aUserPresenceKeySurvivesNewFingerprints()
    {
        auto store = openStore();
        QVERIFY(store);
        const CreatedKey key = createRecorded(*store, "kept");
        m_api->enrollFingerprintsAgain();
        QVERIFY(!*store->isKeyLost(key.handle));
        grantVerifiedContext(FakeAppleSecurityApi::Method::TouchId);
        QVERIFY(store->sign(key.handle, "data"));
    }

    void recordsAreKeptInTheFileAcrossOpens()
    {
        {
            auto store = openStore();
            QVERIFY(store);
            createRecorded(*store, "older");
            createRecorded(*store, "newer");
            createRecorded(*store, "other", QStringLiteral("example.com"));
            QCOMPARE(*store->incrementSignCount("older"), quint32(1));
            QCOMPARE(*store->incrementSignCount("older"), quint32(2));
        }
        QVERIFY(QFile::exists(recordsPath()));
        auto reopened = openStore();
        QVERIFY(reopened);
        const auto found = reopened->findCredential(QStringLiteral("localhost"), "older");
        QVERIFY(found && found->has_value());
        QCOMPARE(found->value().signCount, quint32(2));
        QCOMPARE(found->value().userHandle, QByteArray("user-older"));
        QCOMPARE(found->value().userDisplayName, QStringLiteral("Ada Lovelace"));
        QCOMPARE(*reopened->incrementSignCount("older"), quint32(3));
        const auto discoverable = reopened->discoverableCredentials(QStringLiteral("localhost"));
        QVERIFY(discoverable);
        QCOMPARE(discoverable->size(), 2);
        QCOMPARE(discoverable->at(0).credentialId, QByteArray("newer"));
        QCOMPARE(discoverable->at(1).credentialId, QByteArray("older"));
        // Another RP's credential is not found under this one.
        QVERIFY(!reopened->findCredential(QStringLiteral("localhost"), "other")->has_value());
        QVERIFY(reopened->findCredential(QStringLiteral("example.com"), "other")->has_value());
    }

    void theRecordsAreSealedInTheirFile()
    {
        auto store = openStore();
        QVERIFY(store);
        createRecorded(*store, "k");
        QFile file(recordsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("latchkey-secure-enclave-keys"));
        QVERIFY(!bytes.contains("localhost"));
        QVERIFY(!bytes.contains("Ada"));
        QVERIFY(!bytes.contains("userPresence"));
        QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    void aKeyWhoseEntryCannotBeWrittenIsRemovedFromTheKeychain()
    {
        auto store = openStore();
        QVERIFY(store);
        // The file's place is taken by a folder: the entry cannot be written.
        QVERIFY(QDir().mkpath(recordsPath()));
        QVERIFY(!store->createKey("k"));
        QCOMPARE(m_api->keyCount(), 0);
    }

    void aRecordNeedsItsKey()
    {
        auto store = openStore();
        QVERIFY(store);
        CreatedKey ghost{"ghost", {}};
        const auto saved =
            store->saveCredential(recordFor(ghost, QStringLiteral("localhost"), "u"));
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, KeyStoreErrorCode::NotFound);
        QVERIFY(!store->findCredential(QStringLiteral("localhost"), "ghost")->has_value());
    }

    void deletingRemovesKeyAndRecord()
    {
        auto store = openStore();
        QVERIFY(store);
        const CreatedKey key = createRecorded(*store, "k");
        QVERIFY(store->deleteKey(key.handle));
        QCOMPARE(m_api->keyCount(), 0);
        QVERIFY(!store->findCredential(QStringLiteral("localhost"), "k")->has_value());
        const auto again = store->deleteKey(key.handle);
        QVERIFY(!again);
        QCOMPARE(again.error().code, KeyStoreErrorCode::NotFound);
        // A key made but never recorded is removed too.
        QVERIFY(store->createKey("unrecorded"));
        QVERIFY(store->deleteKey("unrecorded"));
        QCOMPARE(m_api->keyCount(), 0);
    }

    void aDamagedRecordsFileIsRefusedWhole()
    {
        {
            auto store = openStore();
            QVERIFY(store);
            createRecorded(*store, "k");
        }
        QFile file(recordsPath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        const qsizetype sealed = bytes.indexOf("\"sealed\": \"") + 11;
        bytes[sealed + 20] = bytes[sealed + 20] == 'A' ? 'B' : 'A';
        file.resize(0);
        file.write(bytes);
        file.close();
        const auto store = open();
        QVERIFY(!store);
        QCOMPARE(store.error().code, KeyStoreErrorCode::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestSecureEnclaveKeyStore)
#include "test_secure_enclave_key_store.moc"
