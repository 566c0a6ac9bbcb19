#include "authenticator/authenticator_data_writer.h"
#include "authenticator/software/file_sealing_key_provider.h"
#include "authenticator/software/key_file_lock.h"
#include "authenticator/software/keychain_sealing_key_provider.h"
#include "authenticator/software/sealed_box.h"
#include "authenticator/software/software_key_store.h"
#include "authenticator/software/software_key_store_paths.h"
#include "test_support.h"

#include <QCborMap>
#include <QCborValue>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QtTest>
#include <csignal>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

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

// The error's sentence, or nothing when it worked (QVERIFY2 builds its message either way).
template <typename T> QString messageOf(const KeyStoreResult<T>& result)
{
    return result.ok() ? QString() : result.error().message;
}

// The test binary doubles as the second process of the inter-process tests (started again with
// one of these as its first argument), so the other process runs the very same store code.
const char kAddKeysCommand[] = "--add-keys";
const char kHoldLockCommand[] = "--hold-lock";

QByteArray helperKeyId(const QByteArray& prefix, int index)
{
    return (prefix + QByteArray::number(index)).leftJustified(32, '.');
}

// Waits until another process stored the key waitFor (so the two loops surely overlap).
bool waitForKey(SoftwareKeyStore& store, const QByteArray& waitFor)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30000) {
        const auto found = store.findCredential(QStringLiteral("localhost"), waitFor);
        if (found.ok() && found->has_value())
            return true;
        QThread::msleep(1);
    }
    return false;
}

// Adds count keys with their records, one change at a time, printing "<id hex> <point hex>"
// for each as soon as it is stored. With waitFor, pauses after the first key until another
// process stored that one.
int addKeysInALoop(const QString& keysPath, const QString& sealingPath, const QByteArray& prefix,
                   int count, const QByteArray& waitFor)
{
    FileSealingKeyProvider sealing(sealingPath);
    auto store = SoftwareKeyStore::open(keysPath, sealing);
    if (!store) {
        qCritical("open: %s", qPrintable(store.error().message));
        return 1;
    }
    QTextStream out(stdout);
    for (int i = 0; i < count; ++i) {
        const auto key = (*store)->createKey(helperKeyId(prefix, i));
        if (!key) {
            qCritical("createKey: %s", qPrintable(key.error().message));
            return 1;
        }
        if (auto saved = (*store)->saveCredential(recordFor(*key, "localhost")); !saved) {
            qCritical("saveCredential: %s", qPrintable(saved.error().message));
            return 1;
        }
        out << key->handle.toHex() << ' ' << key->publicPoint.toHex() << Qt::endl;
        if (i == 0 && !waitFor.isEmpty() && !waitForKey(**store, waitFor)) {
            qCritical("the other process never stored its first key");
            return 1;
        }
    }
    return 0;
}

// Takes the keys file's lock and keeps it until killed.
int holdLock(const QString& keysPath)
{
    KeyFileLock lock(keysPath);
    if (auto locked = lock.acquire(); !locked) {
        qCritical("lock: %s", qPrintable(locked.error().message));
        return 1;
    }
    QTextStream(stdout) << "locked" << Qt::endl;
    QThread::sleep(120);
    return 0;
}

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

    // The start-up clean-up (app/unclaimed_keys.h): of the RP's keys only those no row claims
    // and older than the cut-off go, with keys that never got a record; one write, or none.
    void removeUnclaimedDropsOnlyOldUnclaimedKeysOfTheRp()
    {
        auto store = openStore();
        QVERIFY(store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto make = [&](char id, const QString& rpId, qint64 ageSeconds) {
            const auto key = store->createKey(QByteArray(32, id));
            CredentialRecord record = recordFor(*key, rpId);
            record.createdAt = now.addSecs(-ageSeconds);
            return key.ok() && store->saveCredential(record).ok();
        };
        QVERIFY(make('c', "localhost", 600)); // claimed by a row
        QVERIFY(make('o', "localhost", 600)); // old, unclaimed: goes
        QVERIFY(make('y', "localhost", 10));  // young, unclaimed: its ceremony may be pending
        QVERIFY(make('x', "example.org", 600));
        QVERIFY(store->createKey(QByteArray(32, 'n')).ok()); // never got a record: goes
        const QSet<QByteArray> claimed{QByteArray(32, 'c')};
        const QDateTime cutOff = now.addSecs(-300);

        const auto removed = store->removeUnclaimed("localhost", claimed, cutOff);
        QVERIFY(removed.ok());
        QCOMPARE(QSet<QByteArray>(removed->cbegin(), removed->cend()),
                 (QSet<QByteArray>{QByteArray(32, 'o'), QByteArray(32, 'n')}));
        auto reopened = openStore();
        QVERIFY(reopened);
        for (const char kept : {'c', 'y'})
            QVERIFY(reopened->findCredential("localhost", QByteArray(32, kept))->has_value());
        QVERIFY(reopened->findCredential("example.org", QByteArray(32, 'x'))->has_value());
        QVERIFY(!reopened->findCredential("localhost", QByteArray(32, 'o'))->has_value());
        QVERIFY(!reopened->sign(QByteArray(32, 'n'), "data").ok());

        // Nothing left to remove: the file is not written again.
        const QByteArray before = readAll(keysPath());
        const QDateTime modified = QFileInfo(keysPath()).lastModified();
        QThread::msleep(20);
        const auto again = reopened->removeUnclaimed("localhost", claimed, cutOff);
        QVERIFY(again.ok() && again->isEmpty());
        QCOMPARE(readAll(keysPath()), before);
        QCOMPARE(QFileInfo(keysPath()).lastModified(), modified);
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

    // An existing folder for the keys or the sealing key is used only when it is this user's
    // own real folder that nobody else may write to; otherwise the error names it and nothing
    // is written (no key, no lock file).
    void untrustedFoldersAreRefusedAndNothingWritten_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("problem");
        for (const char* which : {"data", "config"}) {
            QTest::addRow("%s writable by others", which) << which << "writable";
            QTest::addRow("%s is a symbolic link", which) << which << "link";
            QTest::addRow("%s belongs to another user", which) << which << "owner";
        }
    }

    void untrustedFoldersAreRefusedAndNothingWritten()
    {
        QFETCH(QString, which);
        QFETCH(QString, problem);
        const QString folder = m_dir->filePath(which);
        const QString elsewhere = m_dir->filePath(QStringLiteral("elsewhere"));
        QVERIFY(QDir().mkpath(elsewhere));
        QVERIFY(QFile::setPermissions(elsewhere, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ExeOwner));
        if (problem == QLatin1String("link")) {
            QVERIFY(QFile::link(elsewhere, folder));
        } else {
            QVERIFY(QDir().mkpath(folder));
            if (problem == QLatin1String("writable")) {
                QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0777) == 0);
            } else {
                if (::geteuid() != 0)
                    QSKIP("giving a folder to another user needs root");
                QVERIFY(::chown(QFile::encodeName(folder).constData(), 65534, 65534) == 0);
            }
        }
        const auto opened = SoftwareKeyStore::open(keysPath(), *m_sealing);
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(folder), qPrintable(opened.error().message));
        QVERIFY(QDir(folder).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
        QVERIFY(!QFile::exists(sealingPath()));
        QVERIFY(!QFile::exists(keysPath()));
    }

    void anExistingPrivateFolderIsNarrowedToOwnerOnly()
    {
        for (const char* which : {"data", "config"}) {
            QVERIFY(QDir().mkpath(m_dir->filePath(which)));
            QVERIFY(::chmod(QFile::encodeName(m_dir->filePath(which)).constData(), 0755) == 0);
        }
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->createKey(QByteArray(32, 'b')).ok());
        QCOMPARE(modeOf(m_dir->filePath("data")), 0700u);
        QCOMPARE(modeOf(m_dir->filePath("config")), 0700u);
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

    // Two stores on one file (two app instances on one data folder): each change is made on
    // the file as it is now, never on a store's stale copy.
    void twoStoresInterleavingCreatesLoseNoKey()
    {
        auto first = openStore();
        auto second = openStore();
        QVERIFY(first && second);
        QList<CreatedKey> created;
        for (int i = 0; i < 10; ++i) {
            for (SoftwareKeyStore* store : {first.get(), second.get()}) {
                const auto key = store->createKey(helperKeyId(store == first.get() ? "a" : "b", i));
                QVERIFY(key.ok());
                QVERIFY(store->saveCredential(recordFor(*key, "localhost")).ok());
                created.append(*key);
            }
        }
        auto reopened = openStore();
        QCOMPARE(reopened->discoverableCredentials("localhost")->size(), 20);
        for (SoftwareKeyStore* store : {first.get(), second.get(), reopened.get()}) {
            for (const CreatedKey& key : std::as_const(created)) {
                const auto signature = store->sign(key.handle, "challenge");
                QVERIFY2(signature.ok(), key.handle.constData());
                QVERIFY(verifyEs256(p256SpkiDer(key.publicPoint), "challenge", *signature));
            }
        }
    }

    void lookupsSeeWhatAnotherStoreChanged()
    {
        auto first = openStore();
        auto second = openStore();
        const auto key = second->createKey(QByteArray(32, 'n'));
        QVERIFY(second->saveCredential(recordFor(*key, "localhost")).ok());
        QVERIFY(first->findCredential("localhost", key->handle)->has_value());
        QCOMPARE(first->discoverableCredentials("localhost")->size(), 1);
        QVERIFY(first->sign(key->handle, "x").ok());
        QVERIFY(second->deleteKey(key->handle).ok());
        QVERIFY(!first->findCredential("localhost", key->handle)->has_value());
        QCOMPARE(first->sign(key->handle, "x").error().code, KeyStoreErrorCode::NotFound);
    }

    // A counter two processes share must never give the same value twice (a relying party
    // would see a cloned authenticator).
    void signCountIncreasesAcrossStores()
    {
        auto first = openStore();
        auto second = openStore();
        const auto key = first->createKey(QByteArray(32, 'c'));
        QVERIFY(first->saveCredential(recordFor(*key, "localhost")).ok());
        QCOMPARE(*first->incrementSignCount(key->handle), 1u);
        QCOMPARE(*second->incrementSignCount(key->handle), 2u);
        QCOMPARE(*first->incrementSignCount(key->handle), 3u);
        QCOMPARE(second->findCredential("localhost", key->handle)->value().signCount, 3u);
    }

    void storeWithAnOlderCopyDoesNotBringBackADeletedKey()
    {
        auto first = openStore();
        auto second = openStore();
        const auto kept = first->createKey(QByteArray(32, 'k'));
        const auto dropped = first->createKey(QByteArray(32, 'd'));
        QVERIFY(second->findCredential("localhost", kept->handle).ok()); // second reads both
        QVERIFY(first->deleteKey(dropped->handle).ok());
        QVERIFY(second->saveCredential(recordFor(*kept, "localhost")).ok());
        QCOMPARE(sealedScalars().size(), 1);
        QCOMPARE(openStore()->sign(dropped->handle, "x").error().code, KeyStoreErrorCode::NotFound);
    }

    // A real second process adding keys in a loop while this one does too.
    void secondProcessAddingKeysAtTheSameTimeLosesNone()
    {
        constexpr int kEach = 25;
        QProcess helper;
        helper.setProcessChannelMode(QProcess::SeparateChannels);
        helper.start(QCoreApplication::applicationFilePath(),
                     {QString::fromLatin1(kAddKeysCommand), keysPath(), sealingPath(),
                      QStringLiteral("other-"), QString::number(kEach),
                      QString::fromLatin1(helperKeyId("mine-", 0).toHex())});
        QVERIFY(helper.waitForStarted());
        // Start once the other process has stored its first key; it waits for this one's first
        // key before going on, so the loops overlap however fast either is.
        QVERIFY2(helper.waitForReadyRead(30000), helper.readAllStandardError().constData());
        auto store = openStore();
        QVERIFY(store);
        QHash<QByteArray, QByteArray> points; // id -> public point, of both processes
        for (int i = 0; i < kEach; ++i) {
            const auto key = store->createKey(helperKeyId("mine-", i));
            QVERIFY2(key.ok(), qPrintable(messageOf(key)));
            QVERIFY(store->saveCredential(recordFor(*key, "localhost")).ok());
            points.insert(key->handle, key->publicPoint);
        }
        QVERIFY(helper.waitForFinished(60000));
        QVERIFY2(helper.exitCode() == 0, helper.readAllStandardError().constData());
        const QList<QByteArray> lines = helper.readAllStandardOutput().split('\n');
        for (const QByteArray& line : lines) {
            const QList<QByteArray> fields = line.trimmed().split(' ');
            if (fields.size() == 2)
                points.insert(QByteArray::fromHex(fields[0]), QByteArray::fromHex(fields[1]));
        }
        QCOMPARE(points.size(), 2 * kEach);
        // How much the two loops overlapped: runs of one process's keys in the file's order.
        int runs = 0;
        QByteArray previous;
        const auto stored = openStore()->discoverableCredentials("localhost");
        QVERIFY(stored.ok());
        for (const CredentialRecord& record : *stored) {
            const QByteArray owner = record.credentialId.left(4);
            runs += owner != previous ? 1 : 0;
            previous = owner;
        }
        qInfo("%d keys from each process, %d alternating runs in the file", kEach, runs);
        QVERIFY(runs >= 3); // the other process went on after this one's first key
        const auto reopened = openStore();
        for (SoftwareKeyStore* reader : {store.get(), reopened.get()}) {
            QCOMPARE(reader->discoverableCredentials("localhost")->size(), 2 * kEach);
            for (auto point = points.cbegin(); point != points.cend(); ++point) {
                QVERIFY(reader->findCredential("localhost", point.key())->has_value());
                const auto signature = reader->sign(point.key(), "both processes");
                QVERIFY2(signature.ok(), point.key().constData());
                QVERIFY(verifyEs256(p256SpkiDer(point.value()), "both processes", *signature));
            }
        }
    }

    // Two processes starting on a computer with no sealing key yet must end with one key: had
    // each made its own, the keys sealed with the replaced one would never open again.
    void processesStartingAtOnceShareOneSealingKey()
    {
        QList<QProcess*> helpers;
        for (const char* prefix : {"p1-", "p2-", "p3-"}) {
            auto* helper = new QProcess(this);
            helper->start(QCoreApplication::applicationFilePath(),
                          {QString::fromLatin1(kAddKeysCommand), keysPath(), sealingPath(),
                           QString::fromLatin1(prefix), QStringLiteral("3")});
            helpers.append(helper);
        }
        for (QProcess* helper : std::as_const(helpers)) {
            QVERIFY(helper->waitForFinished(60000));
            QVERIFY2(helper->exitCode() == 0, helper->readAllStandardError().constData());
            delete helper;
        }
        auto store = openStore();
        QVERIFY(store);
        QCOMPARE(store->discoverableCredentials("localhost")->size(), 9);
        QCOMPARE(sealedScalars().size(), 9);
    }

    void lockLeftByAKilledProcessIsTakenOver()
    {
        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(),
                     {QString::fromLatin1(kHoldLockCommand), keysPath()});
        QVERIFY(holder.waitForReadyRead(30000));
        QCOMPARE(holder.readAllStandardOutput().trimmed(), QByteArray("locked"));
        holder.kill(); // SIGKILL: no chance to remove the lock file
        QVERIFY(holder.waitForFinished());
        QVERIFY(QFile::exists(KeyFileLock::lockPath(keysPath())));

        auto opened = SoftwareKeyStore::open(keysPath(), *m_sealing, std::chrono::seconds(2));
        QVERIFY(opened.ok());
        QElapsedTimer timer;
        timer.start();
        const auto key = (*opened)->createKey(QByteArray(32, 's'));
        QVERIFY2(key.ok(), qPrintable(messageOf(key)));
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(!QFile::exists(KeyFileLock::lockPath(keysPath())));
        QVERIFY(openStore()->sign(key->handle, "x").ok());
    }

    void lockHeldByALiveProcessFailsInTimeAndChangesNothing()
    {
        auto opened =
            SoftwareKeyStore::open(keysPath(), *m_sealing, std::chrono::milliseconds(300));
        QVERIFY(opened.ok());
        SoftwareKeyStore& store = **opened;
        const auto existing = store.createKey(QByteArray(32, 'e'));
        QVERIFY(existing.ok());
        const QByteArray before = readAll(keysPath());

        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(),
                     {QString::fromLatin1(kHoldLockCommand), keysPath()});
        QVERIFY(holder.waitForReadyRead(30000));
        QElapsedTimer timer;
        timer.start();
        const auto refused = store.createKey(QByteArray(32, 'r'));
        const qint64 waited = timer.elapsed();
        holder.kill();
        holder.waitForFinished();

        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, KeyStoreErrorCode::Io);
        QVERIFY2(refused.error().message.contains(QString::number(holder.processId())) ||
                     refused.error().message.contains(KeyFileLock::lockPath(keysPath())),
                 qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(keysPath()));
        QVERIFY(waited >= 250 && waited < 5000);
        QCOMPARE(readAll(keysPath()), before);
        QCOMPARE(store.deleteKey(existing->handle).ok(), true); // usable again once it is free
    }

    void keysFileChangedToGarbageByAnotherProcessFailsLookupsClosed()
    {
        auto store = openStore();
        const auto key = store->createKey(QByteArray(32, 'g'));
        QVERIFY(store->saveCredential(recordFor(*key, "localhost")).ok());
        writeAll(keysPath(), "not json");
        QCOMPARE(store->sign(key->handle, "x").error().code, KeyStoreErrorCode::Corrupt);
        QCOMPARE(store->findCredential("localhost", key->handle).error().code,
                 KeyStoreErrorCode::Corrupt);
        QCOMPARE(store->createKey(QByteArray(32, 'h')).error().code, KeyStoreErrorCode::Corrupt);
        QCOMPARE(readAll(keysPath()), QByteArray("not json"));
    }

    // Printed, never asserted: what one registration's and one sign-in's key store work costs
    // on this computer (median of 20), as the log line a reviewer compares across changes.
    void timingsOfCreateAndGet()
    {
        auto store = openStore();
        QVERIFY(store);
        QList<qint64> create;
        QList<qint64> get;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer timer;
            timer.start();
            const auto key = store->createKey(QByteArray::number(i).leftJustified(32, 't'));
            QVERIFY(key.ok());
            QVERIFY(store->saveCredential(recordFor(*key, "localhost")).ok());
            create.append(timer.nsecsElapsed());
            timer.restart();
            QVERIFY(store->findCredential("localhost", key->handle)->has_value());
            QVERIFY(store->incrementSignCount(key->handle).ok());
            QVERIFY(store->sign(key->handle, "data").ok());
            get.append(timer.nsecsElapsed());
        }
        std::sort(create.begin(), create.end());
        std::sort(get.begin(), get.end());
        qInfo("software key store, median of 20: create (createKey + saveCredential) %.2f ms, "
              "get (findCredential + incrementSignCount + sign) %.2f ms",
              double(create.at(10)) / 1e6, double(get.at(10)) / 1e6);
    }

    // The keychain-or-file choice is one step between processes: while another process makes
    // the sealing key, this one waits instead of making a second one.
    void sealingKeyChoiceWaitsForAnotherProcess()
    {
        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(),
                     {QString::fromLatin1(kHoldLockCommand),
                      FallbackSealingKeyProvider::choiceLockPath(sealingPath())});
        QVERIFY(holder.waitForReadyRead(30000));
        const qint64 pid = holder.processId();
        // This thread waits inside sealingKey(), so another one ends the holder, as a crash
        // would.
        std::thread killer([pid] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            ::kill(pid_t(pid), SIGKILL);
        });
        AbsentSecretService keychain;
        FallbackSealingKeyProvider provider(keychain, *m_sealing);
        QElapsedTimer timer;
        timer.start();
        const auto key = provider.sealingKey();
        const qint64 waited = timer.elapsed();
        killer.join();
        holder.waitForFinished();
        QVERIFY(key.ok());
        QVERIFY2(waited >= 250, qPrintable(QString::number(waited)));
        QCOMPARE(keychain.calls, 1);
        QCOMPARE(readAll(sealingPath()), *key);
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

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if ((argc == 6 || argc == 7) && qstrcmp(argv[1], kAddKeysCommand) == 0)
        return addKeysInALoop(QFile::decodeName(argv[2]), QFile::decodeName(argv[3]), argv[4],
                              QByteArray(argv[5]).toInt(),
                              argc == 7 ? QByteArray::fromHex(argv[6]) : QByteArray());
    if (argc == 3 && qstrcmp(argv[1], kHoldLockCommand) == 0)
        return holdLock(QFile::decodeName(argv[2]));
    TestSoftwareKeyStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "test_software_key_store.moc"
