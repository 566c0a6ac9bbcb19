// Faults: the real `latchkey --serve` killed with SIGKILL at random moments while browsers
// (threads of this test, with Latchkey's own authenticator keeping its keys in the data
// folder's real key store, <data>/keys.json, as the app window's does) create profiles,
// register passkeys and sign in. After every kill, with nothing running on the folder:
// SQLite's integrity check is "ok", no foreign key dangles, no row is half written, every
// profile and passkey whose creation was acknowledged to a browser is there, and every passkey
// row has its key. After every restart each passkey acknowledged since the last one signs in
// (and a few older ones). At the end every acknowledged passkey signs in, and a last start
// past the ceremony timeout (libfaketime) removes the keys no row claims: keys and rows agree.
//
// LATCHKEY_KILLS (default 20), LATCHKEY_KILL_CLIENTS (default 4) and LATCHKEY_KILL_SEED (a
// random one otherwise; printed so a failure can be replayed) set the run.
#include "authenticator/software/file_sealing_key_provider.h"
#include "authenticator/software/software_key_store.h"
#include "core/base64url.h"
#include "folder_check.h"
#include "serve_instance.h"
#include "soak_browser.h"
#include "soak_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>
#include <random>
#include <vector>

using namespace latchkey::soak;
using latchkey::authenticator::FileSealingKeyProvider;
using latchkey::authenticator::SoftwareKeyStore;

namespace {

// What the browsers were told, shared between their threads.
struct Acknowledged {
    QMutex mutex;
    QStringList profiles;               // 201 from POST /register
    QMap<QString, QByteArray> passkeys; // username -> credential id (201 from verify)
    QStringList unverified;             // acknowledged passkeys not signed in since a restart
    QStringList errors;                 // wrong answers while the server was alive

    void profile(const QString& username)
    {
        QMutexLocker lock(&mutex);
        profiles << username;
    }
    void passkey(const QString& username, const QByteArray& id)
    {
        QMutexLocker lock(&mutex);
        passkeys.insert(username, id);
        unverified << username;
    }
    void error(const QString& what)
    {
        QMutexLocker lock(&mutex);
        if (errors.size() < 20)
            errors << what;
    }
    QString anyPasskeyOwner(quint32 pick)
    {
        QMutexLocker lock(&mutex);
        if (passkeys.isEmpty())
            return {};
        return passkeys.keys().at(int(pick % quint32(passkeys.size())));
    }
};

struct Run {
    ServerAddress address;
    QString keysFile;
    QString sealingFile;
    std::atomic<bool> killed{false};
    std::atomic<bool> stop{false};
    std::atomic<int> cutShort{0}; // steps whose answer the kill took away
    Acknowledged acknowledged;
};

QString answerText(const Step& step)
{
    return QStringLiteral("%1 %2 %3")
        .arg(step.status())
        .arg(step.failure, QString::fromUtf8(step.answer.body.left(200)));
}

// A browser until told to stop: two in three steps sign in to an acknowledged passkey, one
// creates a profile and registers its passkey. Wrong answers count only while the server lives.
void browse(Run& run, int round, int index, quint32 seed)
{
    FileSealingKeyProvider sealing(run.sealingFile);
    auto keys = SoftwareKeyStore::open(run.keysFile, sealing);
    if (!keys) {
        run.acknowledged.error(QStringLiteral("key store: ") + keys.error().message);
        return;
    }
    SoakBrowser browser(run.address, **keys);
    std::mt19937 random(seed);
    // A step that fails: a wrong answer while the server lives, else the kill's mark (and this
    // browser stops: its next requests would only find the server gone).
    const auto failed = [&run](const QString& what, const Step& step) {
        if (run.killed) {
            ++run.cutShort;
            return true;
        }
        run.acknowledged.error(what + ": " + answerText(step));
        return false;
    };
    for (int n = 0; !run.stop; ++n) {
        const QString login = run.acknowledged.anyPasskeyOwner(random());
        browser.forgetCookies();
        if (random() % 3 != 0 && !login.isEmpty()) {
            const Step signIn = browser.signIn(login);
            if (signIn.status() != 200 && failed("sign in " + login, signIn))
                return;
            continue;
        }
        const QString username = QStringLiteral("k%1t%2n%3").arg(round).arg(index).arg(n);
        const Step profile = browser.createProfile(username, username + "@example.org");
        if (profile.status() != 201) {
            if (failed("create " + username, profile))
                return;
            continue;
        }
        run.acknowledged.profile(username);
        const Step passkey = browser.registerPasskey();
        if (passkey.status() != 201) {
            if (failed("register " + username, passkey))
                return;
            continue;
        }
        const auto id = latchkey::core::decodeBase64Url(QStringView(
            passkey.json()[QStringLiteral("credential")][QStringLiteral("id")].toString()));
        run.acknowledged.passkey(username, id ? *id : QByteArray());
    }
}

} // namespace

class TestKillRestart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void killedAtRandomItLosesNothingAcknowledged();
    void cleanupTestCase();

private:
    // The folder while nothing runs on it; false (with the failure reported) when it is wrong.
    void checkFolder(int kill);
    // Signs in to each of logins through a fresh browser; the failures.
    QStringList signInTo(const QStringList& logins);
    ServerAddress address() const
    {
        return {m_server->port(), m_server->prefix(), m_server->secretCookie()};
    }

    QTemporaryDir m_scratch;
    QString m_dataDir;
    std::unique_ptr<ServeInstance> m_server;
    Run m_run;
    std::unique_ptr<FileSealingKeyProvider> m_sealing;
    std::unique_ptr<SoftwareKeyStore> m_keys;
    int m_hotLogs = 0; // kills that left a write-ahead log for the next start to recover
};

void TestKillRestart::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("faketime")).isEmpty(),
             "faketime is not installed (packaging/install-deps.sh installs it)");
    m_dataDir = m_scratch.filePath(QStringLiteral("data"));
    m_run.keysFile = QDir(m_dataDir).filePath(QStringLiteral("keys.json"));
    // Where the app keeps the sealing key of --data-dir D: D-sealing/sealing.key.
    m_run.sealingFile = m_dataDir + QStringLiteral("-sealing/sealing.key");
    m_server = std::make_unique<ServeInstance>(QStringLiteral(LATCHKEY_BINARY), m_scratch.path());
    // The first start makes the folder; the sealing key is made once, here, before the
    // browsers' threads open their stores.
    QVERIFY2(m_server->start(m_dataDir), qPrintable(m_server->error()));
    m_sealing = std::make_unique<FileSealingKeyProvider>(m_run.sealingFile);
    auto keys = SoftwareKeyStore::open(m_run.keysFile, *m_sealing);
    QVERIFY2(keys, keys ? "" : qPrintable(keys.error().message));
    m_keys = std::move(*keys);
    m_server->kill();
}

void TestKillRestart::checkFolder(int kill)
{
    const QString log = QDir(m_dataDir).filePath(QStringLiteral("latchkey.sqlite-wal"));
    if (QFileInfo(log).size() > 0)
        ++m_hotLogs;
    const FolderContents contents =
        readFolder(QDir(m_dataDir).filePath(QStringLiteral("latchkey.sqlite")));
    QVERIFY2(contents.error.isEmpty(), qPrintable(contents.error));
    QVERIFY2(contents.integrity == QLatin1String("ok"),
             qPrintable(QStringLiteral("after kill %1: %2").arg(kill).arg(contents.integrity)));
    QVERIFY2(contents.foreignKeyErrors.isEmpty(), qPrintable(contents.foreignKeyErrors.join(' ')));
    QVERIFY2(contents.halfWrittenRows.isEmpty(), qPrintable(contents.halfWrittenRows.join(' ')));
    QMutexLocker lock(&m_run.acknowledged.mutex);
    for (const QString& profile : std::as_const(m_run.acknowledged.profiles))
        QVERIFY2(contents.users.contains(profile),
                 qPrintable(QStringLiteral("after kill %1 the acknowledged profile %2 is gone")
                                .arg(kill)
                                .arg(profile)));
    for (auto it = m_run.acknowledged.passkeys.cbegin(); it != m_run.acknowledged.passkeys.cend();
         ++it)
        QVERIFY2(contents.credentials.value(it.value()) == it.key(),
                 qPrintable(QStringLiteral("after kill %1 the acknowledged passkey of %2 is gone")
                                .arg(kill)
                                .arg(it.key())));
    // No passkey row without its key.
    for (auto it = contents.credentials.cbegin(); it != contents.credentials.cend(); ++it) {
        const auto key = m_keys->findCredential(QStringLiteral("localhost"), it.key());
        QVERIFY2(key && key->has_value(),
                 qPrintable(QStringLiteral("after kill %1 the passkey row of %2 has no key")
                                .arg(kill)
                                .arg(it.value())));
    }
}

QStringList TestKillRestart::signInTo(const QStringList& logins)
{
    QStringList failures;
    SoakBrowser browser(address(), *m_keys);
    for (const QString& login : logins) {
        browser.forgetCookies();
        const Step signIn = browser.signIn(login);
        if (signIn.status() != 200)
            failures << login + ": " + answerText(signIn);
    }
    return failures;
}

void TestKillRestart::killedAtRandomItLosesNothingAcknowledged()
{
    const int kills = settingFromEnvironment("LATCHKEY_KILLS", 20);
    const int clients = settingFromEnvironment("LATCHKEY_KILL_CLIENTS", 4);
    const quint32 seed = quint32(settingFromEnvironment(
        "LATCHKEY_KILL_SEED",
        int(QRandomGenerator::system()->bounded(1, std::numeric_limits<int>::max()))));
    qInfo("seed %u (LATCHKEY_KILL_SEED=%u replays this run), %d kills, %d browsers", seed, seed,
          kills, clients);
    std::mt19937 random(seed);
    const quint16 port = latchkey::app::testing::freeLoopbackPort();
    int killsDone = 0;
    for (int kill = 0; kill <= kills; ++kill) {
        checkFolder(kill);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(m_server->start(m_dataDir, port), qPrintable(m_server->error()));
        QStringList toVerify;
        {
            QMutexLocker lock(&m_run.acknowledged.mutex);
            toVerify = std::exchange(m_run.acknowledged.unverified, {});
            const QStringList all = m_run.acknowledged.passkeys.keys();
            for (int i = 0; i < 3 && !all.isEmpty(); ++i)
                toVerify << all.at(int(random() % quint32(all.size())));
        }
        const QStringList failures = signInTo(toVerify);
        QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("after kill %1: %2")
                                                    .arg(kill)
                                                    .arg(failures.join(QStringLiteral("; ")))));
        if (kill == kills)
            break;
        m_run.address = address();
        m_run.killed = false;
        m_run.stop = false;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < clients; ++i) {
            threads.emplace_back(QThread::create(browse, std::ref(m_run), kill, i, random()));
            threads.back()->start();
        }
        // Somewhere in a ceremony: the browsers never pause between requests.
        QThread::msleep(150 + random() % 1100);
        m_run.killed = true;
        m_server->kill();
        m_run.stop = true;
        for (auto& thread : threads)
            QVERIFY(thread->wait(30000));
        {
            QMutexLocker lock(&m_run.acknowledged.mutex);
            QVERIFY2(m_run.acknowledged.errors.isEmpty(),
                     qPrintable(m_run.acknowledged.errors.join(QStringLiteral("\n"))));
        }
        ++killsDone;
    }
    // Every acknowledged passkey, once more.
    const QStringList everyone = m_run.acknowledged.passkeys.keys();
    const QStringList failures = signInTo(everyone);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
    QCOMPARE(m_server->terminate(), 0);

    const auto keysBefore = m_keys->discoverableCredentials(QStringLiteral("localhost"));
    QVERIFY(keysBefore);
    const FolderContents rows =
        readFolder(QDir(m_dataDir).filePath(QStringLiteral("latchkey.sqlite")));
    qInfo("%d kills cut %d steps short and left %d write-ahead logs to recover; %lld profiles and "
          "%lld passkeys acknowledged; %lld "
          "profiles and %lld passkey rows in the database; %lld keys in the key store before the "
          "clean-up",
          killsDone, int(m_run.cutShort), m_hotLogs, qint64(m_run.acknowledged.profiles.size()),
          qint64(m_run.acknowledged.passkeys.size()), qint64(rows.users.size()),
          qint64(rows.credentials.size()), qint64(keysBefore->size()));
    QVERIFY2(everyone.size() >= kills, "too few passkeys were acknowledged to prove anything");
    QVERIFY2(m_run.cutShort >= kills, "the kills did not land in the middle of ceremonies");

    // Six minutes on (past the 5-minute ceremony timeout): the start-up clean-up removes the
    // keys of registrations that never got their row, and only those.
    QVERIFY2(
        m_server->start(m_dataDir, port,
                        {QStringLiteral("env"), QStringLiteral("FAKETIME_DONT_FAKE_MONOTONIC=1"),
                         QStringLiteral("faketime"), QStringLiteral("-f"), QStringLiteral("+360")}),
        qPrintable(m_server->error()));
    const auto keysAfter = m_keys->discoverableCredentials(QStringLiteral("localhost"));
    QVERIFY(keysAfter);
    QSet<QByteArray> keyIds;
    for (const auto& record : *keysAfter)
        keyIds.insert(record.credentialId);
    const QList<QByteArray> rowIdList = rows.credentials.keys();
    const QSet<QByteArray> rowIds(rowIdList.cbegin(), rowIdList.cend());
    qInfo("after the clean-up: %lld keys, %lld rows", qint64(keyIds.size()), qint64(rowIds.size()));
    QCOMPARE(keyIds, rowIds);
    QVERIFY2(signInTo(everyone).isEmpty(), "a passkey stopped working after the clean-up");
}

void TestKillRestart::cleanupTestCase()
{
    if (m_server)
        m_server->terminate();
}

int main(int argc, char** argv)
{
    allowTestFunctionSeconds(qint64(settingFromEnvironment("LATCHKEY_KILLS", 20)) * 10 + 300);
    QCoreApplication application(argc, argv);
    TestKillRestart test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_kill_restart.moc"
