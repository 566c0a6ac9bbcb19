// Faults of the data folder under the real `latchkey --serve`: a disk that fills up while it
// runs, a folder on a read-only file system, a database with bytes overwritten and a keys
// file with an entry tampered with. Each gives a clear message (in the JSON answer and on
// stderr, or on stderr and exit status 1 at start-up), never a crash; nothing acknowledged is
// lost; a damaged file is named with its path and left byte for byte as it was, never
// replaced or made anew.
//
// The full and read-only folders are small tmpfs mounts. The test runs itself again inside a
// mount namespace of its own (unshare; as root in CI, or as an ordinary user with user
// namespaces), so its mounts vanish with it; where neither is possible those two say
// "skipped: needs root or user namespaces".
#include "authenticator/software/file_sealing_key_provider.h"
#include "authenticator/software/software_key_store.h"
#include "fake/in_memory_key_store.h"
#include "folder_check.h"
#include "serve_instance.h"
#include "soak_browser.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>
#include <unistd.h>
#include <vector>

using namespace latchkey::soak;

namespace {

constexpr char kNamespaceVariable[] = "LATCHKEY_FAULTS_MOUNT_NAMESPACE";

bool inMountNamespace()
{
    return qgetenv(kNamespaceVariable) == "1";
}

bool run(const QString& program, const QStringList& arguments, QString* output = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool ok = process.waitForFinished(30000) &&
                    process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return ok;
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool overwrite(const QString& path, qint64 offset, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(offset))
        return false;
    return file.write(bytes) == bytes.size() && file.flush();
}

// Fills the file system holding folder until it refuses another byte.
void fill(const QString& folder)
{
    QFile filler(QDir(folder).filePath(QStringLiteral("filler")));
    if (!filler.open(QIODevice::WriteOnly))
        return;
    const QByteArray block(64 * 1024, 'x');
    while (filler.write(block) == block.size() && filler.flush()) {
    }
    const QByteArray byte(1, 'x');
    while (filler.write(byte) == 1 && filler.flush()) {
    }
}

} // namespace

class TestDataFolderFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fullDiskAnswersClearlyAndLosesNothing();
    void readOnlyFolderIsRefusedAtStartAndLosesNothing();
    void damagedDatabaseIsReportedWithItsPathAndLeftAsItIs_data();
    void damagedDatabaseIsReportedWithItsPathAndLeftAsItIs();
    void tamperedKeyFileIsReportedWithItsPathAndLeftAsItIs();
    void cleanupTestCase();

private:
    // A tmpfs of sizeKb at a new folder; empty when mounts are impossible here.
    QString mountTmpfs(const QString& name, int sizeKb);
    // Profiles with passkeys made through browser; their usernames.
    QStringList registerSome(SoakBrowser& browser, const QString& stem, int count);
    ServerAddress address() const
    {
        return {m_server->port(), m_server->prefix(), m_server->secretCookie()};
    }

    QTemporaryDir m_scratch;
    std::unique_ptr<ServeInstance> m_server;
    QStringList m_mounts;
};

void TestDataFolderFaults::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    m_server = std::make_unique<ServeInstance>(QStringLiteral(LATCHKEY_BINARY), m_scratch.path());
}

QString TestDataFolderFaults::mountTmpfs(const QString& name, int sizeKb)
{
    const QString folder = m_scratch.filePath(name);
    QDir().mkpath(folder);
    if (!inMountNamespace())
        return {};
    QString output;
    if (!run(QStringLiteral("mount"),
             {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
              QStringLiteral("size=%1k,mode=0700").arg(sizeKb), QStringLiteral("tmpfs"), folder},
             &output)) {
        qWarning("mount failed: %s", qPrintable(output));
        return {};
    }
    m_mounts.prepend(folder);
    return folder;
}

QStringList TestDataFolderFaults::registerSome(SoakBrowser& browser, const QString& stem, int count)
{
    QStringList usernames;
    for (int i = 0; i < count; ++i) {
        const QString username = stem + QString::number(i);
        browser.forgetCookies();
        if (browser.createProfile(username, username + "@example.org").status() != 201)
            break;
        const Step passkey = browser.registerPasskey();
        if (passkey.status() != 201)
            break;
        usernames << username;
    }
    return usernames;
}

void TestDataFolderFaults::fullDiskAnswersClearlyAndLosesNothing()
{
    const QString mount = mountTmpfs(QStringLiteral("full"), 4096);
    if (mount.isEmpty()) {
        QVERIFY2(::geteuid() != 0, "as root the tmpfs must mount");
        QSKIP("skipped: needs root or user namespaces");
    }
    const QString data = QDir(mount).filePath(QStringLiteral("data"));
    QVERIFY2(m_server->start(data), qPrintable(m_server->error()));
    latchkey::authenticator::InMemoryKeyStore keys;
    SoakBrowser browser(address(), keys);
    const QStringList before = registerSome(browser, QStringLiteral("before"), 5);
    QCOMPARE(before.size(), 5);

    fill(mount);
    // Profiles until the log has to grow into the full disk.
    Step refused;
    for (int i = 0; i < 200 && refused.status() == 0; ++i) {
        browser.forgetCookies();
        const QString username = QStringLiteral("full%1").arg(i);
        const Step step = browser.createProfile(username, username + "@example.org");
        if (step.status() != 201)
            refused = step;
    }
    qInfo("on the full disk: %d %s", refused.status(), refused.answer.body.left(400).constData());
    QCOMPARE(refused.status(), 507);
    QCOMPARE(refused.json()[QStringLiteral("error")][QStringLiteral("code")].toString(),
             QStringLiteral("disk_full"));
    QVERIFY2(refused.json()[QStringLiteral("error")][QStringLiteral("message")].toString().contains(
                 QLatin1String("full")),
             refused.answer.body.constData());
    QVERIFY2(m_server->running(), "the server did not survive the full disk");
    QVERIFY2(m_server->stderrText().contains(QLatin1String("full")),
             qPrintable(m_server->stderrText()));
    // Signing in to what was acknowledged still answers, full or not: 200, or the same clear
    // refusal.
    browser.forgetCookies();
    const Step signIn = browser.signIn(before.first());
    QVERIFY2(signIn.status() == 200 || signIn.status() == 507, signIn.answer.body.constData());

    // Space again: the next profile is saved.
    QVERIFY(QFile::remove(QDir(mount).filePath(QStringLiteral("filler"))));
    const QStringList after = registerSome(browser, QStringLiteral("after"), 2);
    QCOMPARE(after.size(), 2);
    QCOMPARE(m_server->terminate(), 0);
    const FolderContents contents =
        readFolder(QDir(data).filePath(QStringLiteral("latchkey.sqlite")));
    QCOMPARE(contents.integrity, QStringLiteral("ok"));
    QVERIFY(contents.halfWrittenRows.isEmpty());
    for (const QString& username : before + after)
        QVERIFY2(contents.users.contains(username), qPrintable(username));
}

void TestDataFolderFaults::readOnlyFolderIsRefusedAtStartAndLosesNothing()
{
    const QString mount = mountTmpfs(QStringLiteral("readonly"), 8192);
    if (mount.isEmpty()) {
        QVERIFY2(::geteuid() != 0, "as root the tmpfs must mount");
        QSKIP("skipped: needs root or user namespaces");
    }
    const QString data = QDir(mount).filePath(QStringLiteral("data"));
    QVERIFY2(m_server->start(data), qPrintable(m_server->error()));
    latchkey::authenticator::InMemoryKeyStore keys;
    SoakBrowser browser(address(), keys);
    const QStringList acknowledged = registerSome(browser, QStringLiteral("kept"), 3);
    QCOMPARE(acknowledged.size(), 3);
    QCOMPARE(m_server->terminate(), 0);
    const QByteArray database = fileBytes(QDir(data).filePath(QStringLiteral("latchkey.sqlite")));

    QString output;
    QVERIFY2(run(QStringLiteral("mount"),
                 {QStringLiteral("-o"), QStringLiteral("remount,ro"), mount}, &output),
             qPrintable(output));
    const int exitCode = m_server->runToExit(data);
    const QString err = m_server->stderrText();
    qInfo("read-only: exit %d, %s", exitCode, qPrintable(err.trimmed()));
    QCOMPARE(exitCode, 1);
    QVERIFY2(err.contains(data) && err.contains(QLatin1String("read-only"), Qt::CaseInsensitive),
             qPrintable(err));
    QVERIFY2(run(QStringLiteral("mount"),
                 {QStringLiteral("-o"), QStringLiteral("remount,rw"), mount}, &output),
             qPrintable(output));
    QCOMPARE(fileBytes(QDir(data).filePath(QStringLiteral("latchkey.sqlite"))), database);

    QVERIFY2(m_server->start(data), qPrintable(m_server->error()));
    browser.setAddress(address());
    for (const QString& username : acknowledged) {
        browser.forgetCookies();
        const Step signIn = browser.signIn(username);
        QVERIFY2(signIn.status() == 200, signIn.answer.body.constData());
    }
    QCOMPARE(m_server->terminate(), 0);
}

void TestDataFolderFaults::damagedDatabaseIsReportedWithItsPathAndLeftAsItIs_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::newRow("the header") << qint64(0);
    QTest::newRow("a table's page") << qint64(4096);
}

void TestDataFolderFaults::damagedDatabaseIsReportedWithItsPathAndLeftAsItIs()
{
    QFETCH(qint64, offset);
    const QString data = m_scratch.filePath(QStringLiteral("damaged-db-%1").arg(offset));
    QVERIFY2(m_server->start(data), qPrintable(m_server->error()));
    latchkey::authenticator::InMemoryKeyStore keys;
    SoakBrowser browser(address(), keys);
    QCOMPARE(registerSome(browser, QStringLiteral("damaged"), 20).size(), 20);
    QCOMPARE(m_server->terminate(), 0);
    const QString path = QDir(data).filePath(QStringLiteral("latchkey.sqlite"));
    QVERIFY2(!QFile::exists(path + "-wal") || QFileInfo(path + "-wal").size() == 0,
             "the log was not checkpointed at exit");
    // The file's header ("SQLite format 3"), or the header of page 2 (the profiles table's
    // root: its page type becomes one SQLite does not know).
    QVERIFY(overwrite(path, offset, QByteArray(offset == 0 ? 16 : 8, '\xA5')));
    const QByteArray damaged = fileBytes(path);
    const QStringList before = QDir(data).entryList(QDir::Files | QDir::Hidden);

    const int exitCode = m_server->runToExit(data, 15000);
    const QString err = m_server->stderrText();
    qInfo("damaged database: exit %d, %s", exitCode, qPrintable(err.trimmed()));
    QCOMPARE(exitCode, 1);
    QVERIFY2(err.contains(path) && err.contains(QLatin1String("damaged")), qPrintable(err));
    QCOMPARE(fileBytes(path), damaged);
    QCOMPARE(QDir(data).entryList(QDir::Files | QDir::Hidden), before);
}

void TestDataFolderFaults::tamperedKeyFileIsReportedWithItsPathAndLeftAsItIs()
{
    const QString data = m_scratch.filePath(QStringLiteral("tampered-keys"));
    QVERIFY2(m_server->start(data), qPrintable(m_server->error()));
    const QString keysFile = QDir(data).filePath(QStringLiteral("keys.json"));
    latchkey::authenticator::FileSealingKeyProvider sealing(data + "-sealing/sealing.key");
    auto keys = latchkey::authenticator::SoftwareKeyStore::open(keysFile, sealing);
    QVERIFY(keys);
    SoakBrowser browser(address(), **keys);
    const QStringList acknowledged = registerSome(browser, QStringLiteral("sealed"), 2);
    QCOMPARE(acknowledged.size(), 2);
    QCOMPARE(m_server->terminate(), 0);

    // One character of an entry's sealed box changed, as an editor or a bad sector would.
    QByteArray bytes = fileBytes(keysFile);
    const qsizetype sealed = bytes.indexOf("\"sealed\": \"");
    QVERIFY(sealed > 0);
    const qsizetype at = sealed + 20;
    bytes[at] = bytes[at] == 'A' ? 'B' : 'A';
    QVERIFY(overwrite(keysFile, 0, bytes));

    QVERIFY2(m_server->start(data), qPrintable(m_server->error()));
    const QString err = m_server->stderrText();
    qInfo("tampered keys file: %s", qPrintable(err.trimmed()));
    QVERIFY2(err.contains(keysFile) && err.contains(QLatin1String("damaged")), qPrintable(err));
    // The pages still open; the file is as it was, also after the server ends.
    browser.setAddress(address());
    QCOMPARE(browser.get("/").status, 200);
    QCOMPARE(m_server->terminate(), 0);
    QCOMPARE(fileBytes(keysFile), bytes);
}

void TestDataFolderFaults::cleanupTestCase()
{
    if (m_server)
        m_server->terminate();
    for (const QString& mount : std::as_const(m_mounts))
        run(QStringLiteral("umount"), {QStringLiteral("-l"), mount});
}

// Runs again inside a mount namespace of its own (unshare), so the tmpfs mounts are private
// to this test and vanish with it.
int main(int argc, char** argv)
{
    if (qgetenv(kNamespaceVariable).isEmpty()) {
        const bool root = ::geteuid() == 0;
        const char* probe = root ? "unshare -m --propagation private true 2>/dev/null"
                                 : "unshare -r -m true 2>/dev/null";
        if (std::system(probe) == 0) {
            ::setenv(kNamespaceVariable, "1", 1);
            std::vector<char*> arguments;
            static char unshare[] = "unshare";
            static char mount[] = "-m";
            static char propagation[] = "--propagation";
            static char privately[] = "private";
            static char mapRoot[] = "-r";
            arguments.push_back(unshare);
            if (!root)
                arguments.push_back(mapRoot);
            arguments.push_back(mount);
            arguments.push_back(propagation);
            arguments.push_back(privately);
            for (int i = 0; i < argc; ++i)
                arguments.push_back(argv[i]);
            arguments.push_back(nullptr);
            ::execvp("unshare", arguments.data());
        }
        ::setenv(kNamespaceVariable, "0", 1);
    }
    QCoreApplication application(argc, argv);
    TestDataFolderFaults test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_data_folder_faults.moc"
