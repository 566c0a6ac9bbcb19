#include "authenticator/authenticator_data_writer.h"
#include "authenticator/software/file_sealing_key_provider.h"
#include "authenticator/software/keychain_sealing_key_provider.h"
#include "authenticator/software/sealed_box.h"
#include "authenticator/software/software_key_store.h"
#include "authenticator/software/software_key_store_paths.h"
#include "test_support.h"

#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

using namespace latchkey::authenticator;
using namespace latchkey::authenticator::testing;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(contents);
}

// The file's permission bits as the kernel reports them.
unsigned modeOf(const QString& path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0xFFFF;
    return info.st_mode & 07777;
}

CredentialRecord recordFor(const CreatedKey& key, const QString& rpId, bool discoverable = true)
{
    CredentialRecord record;
    record.credentialId = key.handle;
    record.keyHandle = key.handle;
    record.rpId = rpId;
    record.userHandle = "user handle";
    record.userName = QStringLiteral("ada");
    record.userDisplayName = QStringLiteral("Ada Lovelace");
    record.discoverable = discoverable;
    record.createdAt = QDateTime::currentDateTimeUtc();
    return record;
}

// A SealingKeyProvider that is never available, like qtkeychain without a Secret Service.
class AbsentSecretService final : public SealingKeyProvider {
public:
    int calls = 0;
    KeyStoreResult<QByteArray> sealingKey() override
    {
        ++calls;
        return keyStoreError(KeyStoreErrorCode::SealingKeyUnavailable,
                             QStringLiteral("no Secret Service"));
    }
};

} // namespace

class TestSoftwareKeyStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    FileSealingKeyProvider* m_sealing = nullptr;

    QString keysPath() const { return m_dir->filePath(QStringLiteral("data/keys.json")); }
    QString sealingPath() const { return m_dir->filePath(QStringLiteral("config/sealing.key")); }

    std::unique_ptr<SoftwareKeyStore> openStore()
    {
        auto opened = SoftwareKeyStore::open(keysPath(), *m_sealing);
        if (!opened) {
            qWarning() << opened.error().message;
            return nullptr;
        }
        return std::move(*opened);
    }

    // The private scalars the file holds, opened with the sealing key (as an attacker with the
    // sealing key could, and only so).
    QList<QByteArray> sealedScalars()
    {
        const QByteArray sealingKey = readAll(sealingPath());
        QList<QByteArray> scalars;
        const QJsonArray entries =
            QJsonDocument::fromJson(readAll(keysPath())).object().value("entries").toArray();
        for (const QJsonValue& entry : entries) {
            const QByteArray id = QByteArray::fromBase64(entry["id"].toString().toLatin1(),
                                                         QByteArray::Base64UrlEncoding);
            const QByteArray box = QByteArray::fromBase64(entry["sealed"].toString().toLatin1(),
                                                          QByteArray::Base64UrlEncoding);
            const auto plaintext = openSealed(sealingKey, box, id);
            if (plaintext)
                scalars.append(QCborValue::fromCbor(*plaintext).toMap().value("d").toByteArray());
        }
        return scalars;
    }

private slots:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_sealing = new FileSealingKeyProvider(sealingPath());
    }

    void cleanup()
    {
        delete m_sealing;
        delete m_dir;
    }

    void keysSurviveReopeningTheStore()
    {
        QByteArray handle;
        QByteArray point;
        {
            auto store = openStore();
            QVERIFY(store);
            const auto key = store->createKey(QByteArray(32, 'a'));
            QVERIFY(key.ok());
            handle = key->handle;
            point = key->publicPoint;
            QVERIFY(store->saveCredential(recordFor(*key, "localhost")).ok());
            QCOMPARE(*store->incrementSignCount(handle), 1u);
        }
        auto reopened = openStore();
        QVERIFY(reopened);
        const auto found = reopened->findCredential("localhost", handle);
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE(found->value().userName, QStringLiteral("ada"));
        QCOMPARE(found->value().userHandle, QByteArray("user handle"));
        QCOMPARE(found->value().signCount, 1u);
        const auto signature = reopened->sign(handle, "data");
        QVERIFY(signature.ok());
        QVERIFY(verifyEs256(p256SpkiDer(point), "data", *signature));
        QCOMPARE(*reopened->incrementSignCount(handle), 2u);
    }

    void keysFileIsModeSixHundred()
    {
        auto store = openStore();
        QVERIFY(store->createKey(QByteArray(32, 'b')).ok());
        QCOMPARE(modeOf(keysPath()), 0600u);
        QCOMPARE(modeOf(QFileInfo(keysPath()).absolutePath()), 0700u);
    }

    void rewrittenKeysFileIsModeSixHundredEvenIfWidened()
    {
        auto store = openStore();
        QVERIFY(store->createKey(QByteArray(32, 'b')).ok());
        QVERIFY(QFile::setPermissions(keysPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                      QFileDevice::ReadOther));
        QVERIFY(store->createKey(QByteArray(32, 'c')).ok());
        QCOMPARE(modeOf(keysPath()), 0600u);
    }

    void sealingKeyFileIsModeSixHundredInAnotherFolder()
    {
        auto store = openStore();
        QVERIFY(store->createKey(QByteArray(32, 'b')).ok());
        QCOMPARE(modeOf(sealingPath()), 0600u);
        QVERIFY(QFileInfo(sealingPath()).absolutePath() != QFileInfo(keysPath()).absolutePath());
        QCOMPARE(readAll(sealingPath()).size(), 32);
        QVERIFY(!readAll(keysPath()).contains(readAll(sealingPath())));
    }

    void keysFileDoesNotContainThePrivateKeyInClear()
    {
        auto store = openStore();
        for (char c : {'a', 'b', 'c'}) {
            const auto key = store->createKey(QByteArray(32, c));
            QVERIFY(store->saveCredential(recordFor(*key, "localhost")).ok());
        }
        const QList<QByteArray> scalars = sealedScalars();
        QCOMPARE(scalars.size(), 3);
        const QByteArray file = readAll(keysPath());
        for (const QByteArray& scalar : scalars) {
            QCOMPARE(scalar.size(), 32);
            QVERIFY(!file.contains(scalar));
            QVERIFY(!file.contains(scalar.toHex()));
            QVERIFY(!file.contains(scalar.toBase64()));
            QVERIFY(!file.contains(
                scalar.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
        }
        QVERIFY(!file.contains("ada")); // the record is sealed too
        QVERIFY(!file.contains("localhost"));
    }

    void tamperedCiphertextIsRefused()
    {
        {
            auto store = openStore();
            const auto key = store->createKey(QByteArray(32, 'a'));
            QVERIFY(store->saveCredential(recordFor(*key, "localhost")).ok());
        }
        QJsonObject document = QJsonDocument::fromJson(readAll(keysPath())).object();
        QJsonArray entries = document["entries"].toArray();
        QJsonObject entry = entries[0].toObject();
        QByteArray box = QByteArray::fromBase64(entry["sealed"].toString().toLatin1(),
                                                QByteArray::Base64UrlEncoding);
        box[20] = char(box[20] ^ 0x01);
        entry["sealed"] = QString::fromLatin1(
            box.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        entries[0] = entry;
        document["entries"] = entries;
        writeAll(keysPath(), QJsonDocument(document).toJson());

        const auto opened = SoftwareKeyStore::open(keysPath(), *m_sealing);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, KeyStoreErrorCode::Corrupt);
        QVERIFY(opened.error().message.contains(keysPath()));
        QVERIFY(opened.error().message.contains(QStringLiteral("integrity check")));
    }

    void sealedKeyMovedToAnotherIdIsRefused()
    {
        {
            auto store = openStore();
            QVERIFY(store->createKey(QByteArray(32, 'a')).ok());
        }
        QJsonObject document = QJsonDocument::fromJson(readAll(keysPath())).object();
        QJsonArray entries = document["entries"].toArray();
        QJsonObject entry = entries[0].toObject();
        entry["id"] = QString::fromLatin1(QByteArray(32, 'z').toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        entries[0] = entry;
        document["entries"] = entries;
        writeAll(keysPath(), QJsonDocument(document).toJson());
        const auto opened = SoftwareKeyStore::open(keysPath(), *m_sealing);
        QCOMPARE(opened.error().code, KeyStoreErrorCode::Corrupt);
    }

    void anotherSealingKeyCannotOpenTheKeys()
    {
        {
            auto store = openStore();
            QVERIFY(store->createKey(QByteArray(32, 'a')).ok());
        }
        FileSealingKeyProvider other(m_dir->filePath(QStringLiteral("elsewhere/sealing.key")));
        const auto opened = SoftwareKeyStore::open(keysPath(), other);
        QCOMPARE(opened.error().code, KeyStoreErrorCode::Corrupt);
    }

    void garbageKeysFileIsRefused()
    {
        QDir().mkpath(QFileInfo(keysPath()).absolutePath());
        writeAll(keysPath(), "not json");
        const auto opened = SoftwareKeyStore::open(keysPath(), *m_sealing);
        QCOMPARE(opened.error().code, KeyStoreErrorCode::Corrupt);
    }

    void sealingKeyFileReadableByOthersIsRefused()
    {
        QVERIFY(m_sealing->sealingKey().ok());
        QVERIFY(QFile::setPermissions(sealingPath(), QFileDevice::ReadOwner |
                                                         QFileDevice::WriteOwner |
                                                         QFileDevice::ReadGroup));
        const auto key = m_sealing->sealingKey();
        QCOMPARE(key.error().code, KeyStoreErrorCode::SealingKeyUnavailable);
    }

    void deletedKeyIsGoneAfterReopening()
    {
        {
            auto store = openStore();
            const auto key = store->createKey(QByteArray(32, 'a'));
            QVERIFY(store->saveCredential(recordFor(*key, "localhost")).ok());
            QVERIFY(store->deleteKey(key->handle).ok());
            QCOMPARE(store->sign(key->handle, "x").error().code, KeyStoreErrorCode::NotFound);
        }
        auto reopened = openStore();
        QVERIFY(reopened->discoverableCredentials("localhost")->isEmpty());
        QVERIFY(sealedScalars().isEmpty());
    }

    void discoverableCredentialsAreFilteredByRpNewestFirst()
    {
        auto store = openStore();
        const auto first = store->createKey(QByteArray(32, 'a'));
        const auto second = store->createKey(QByteArray(32, 'b'));
        const auto other = store->createKey(QByteArray(32, 'c'));
        const auto hidden = store->createKey(QByteArray(32, 'd'));
        QVERIFY(store->saveCredential(recordFor(*first, "localhost")).ok());
        QVERIFY(store->saveCredential(recordFor(*second, "localhost")).ok());
        QVERIFY(store->saveCredential(recordFor(*other, "example.com")).ok());
        QVERIFY(store->saveCredential(recordFor(*hidden, "localhost", false)).ok());
        const auto found = store->discoverableCredentials("localhost");
        QCOMPARE(found->size(), 2);
        QCOMPARE(found->at(0).credentialId, second->handle);
        QCOMPARE(found->at(1).credentialId, first->handle);
    }

    void defaultPathsKeepTheSealingKeyOutsideTheDataFolder()
    {
        const SoftwareKeyStorePaths paths =
            softwareKeyStorePaths(m_dir->filePath("data"), m_dir->filePath("config"));
        QCOMPARE(paths.keysFile, m_dir->filePath("data/keys.json"));
        QCOMPARE(paths.sealingKeyFile, m_dir->filePath("config/sealing.key"));
        QVERIFY(!softwareKeyStorePaths(m_dir->filePath("data"))
                     .sealingKeyFile.startsWith(m_dir->filePath("data")));
    }

    void unavailableSecretServiceFallsBackToTheFile()
    {
        AbsentSecretService keychain;
        FallbackSealingKeyProvider provider(keychain, *m_sealing);
        const auto key = provider.sealingKey();
        QVERIFY(key.ok());
        QVERIFY(provider.usedFallback());
        QCOMPARE(readAll(sealingPath()), *key);
        QCOMPARE(modeOf(sealingPath()), 0600u);
    }

    void existingFallbackFileWinsOverTheKeychain()
    {
        const auto fileKey = m_sealing->sealingKey();
        AbsentSecretService keychain;
        FallbackSealingKeyProvider provider(keychain, *m_sealing);
        QCOMPARE(*provider.sealingKey(), *fileKey);
        QCOMPARE(keychain.calls, 0);
    }

    void qtkeychainWithoutSecretServiceFallsBack()
    {
        // No session bus here, so the real qtkeychain job reports no backend.
        const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/latchkey-test-bus");
        KeychainSealingKeyProvider keychain(QStringLiteral("latchkey-test"),
                                            QStringLiteral("sealing-key"), std::chrono::seconds(5));
        const auto direct = keychain.sealingKey();
        QVERIFY(!direct.ok());
        qInfo() << "qtkeychain says:" << direct.error().message;
        QCOMPARE(direct.error().code, KeyStoreErrorCode::SealingKeyUnavailable);

        FallbackSealingKeyProvider provider(keychain, *m_sealing);
        QVERIFY(provider.sealingKey().ok());
        QVERIFY(provider.usedFallback());
        QVERIFY(QFile::exists(sealingPath()));
        if (bus.isEmpty())
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        else
            qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    }
};

QTEST_GUILESS_MAIN(TestSoftwareKeyStore)
#include "test_software_key_store.moc"
