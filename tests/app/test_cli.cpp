// The real latchkey binary on the command line: exit codes for --help, --version and bad
// arguments, and --serve's one-time URL (the cookie it sets opens the pages; nothing else
// does).
#include "child_process.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace latchkey::app::testing;

namespace {

struct Finished {
    int exitCode = -1;
    QString out;
    QString err;
};

Finished runLatchkey(const QStringList& arguments, const QString& scratch)
{
    QProcess process;
    process.setProcessEnvironment(latchkeyEnvironment(scratch));
    process.start(QStringLiteral(LATCHKEY_BINARY), arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromLocal8Bit(process.readAllStandardOutput()),
            QString::fromLocal8Bit(process.readAllStandardError())};
}

struct Answer {
    int status = 0;
    QUrl finalUrl;
    QByteArray body;
};

Answer get(QNetworkAccessManager& network, const QUrl& url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    QNetworkReply* reply = network.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000))
        return {};
    reply->deleteLater();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->url(),
            reply->readAll()};
}

// Permission bits of path, or -1 when it does not exist.
int modeOf(const QString& path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { ::umask(022); }
    void helpExitsZeroAndNamesEveryOption();
    void versionPrintsTheVersion();
    void messagesFollowTheLocale_data();
    void messagesFollowTheLocale();
    void badPortExitsTwo_data();
    void badPortExitsTwo();
    void unknownArgumentExitsTwo();
    void dataFolderThatIsAFileExitsOne();
    void takenPortExitsOne();
    void untrustedDataFolderExitsOneAndWritesNothing_data();
    void untrustedDataFolderExitsOneAndWritesNothing();
    void serveOneTimeUrlSetsTheCookie();
    void serveRefusesRequestsWithoutTheCookie();
    void serveStartsNoWebEngineProcess();
    void theDataFolderIsOwnerOnly();
    void serveExitsCleanlyOnSigterm();
    void cleanupTestCase();

private:
    void startServing();

    QTemporaryDir m_scratch;
    ChildProcess m_server;
    QUrl m_oneTimeUrl;
    QUrl m_homeUrl;
};

void TestCli::helpExitsZeroAndNamesEveryOption()
{
    const Finished run = runLatchkey({QStringLiteral("--help")}, m_scratch.path());
    QCOMPARE(run.exitCode, 0);
    for (const char* option : {"--help", "--version", "--data-dir", "--port", "--serve"})
        QVERIFY2(run.out.contains(QLatin1String(option)), option);
}

void TestCli::versionPrintsTheVersion()
{
    const Finished run = runLatchkey({QStringLiteral("--version")}, m_scratch.path());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), QStringLiteral("latchkey " LATCHKEY_VERSION));
}

void TestCli::messagesFollowTheLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("expected");
    QTest::newRow("German") << QStringLiteral("de_DE.UTF-8")
                            << QStringLiteral("muss eine ganze Zahl");
    QTest::newRow("French") << QStringLiteral("fr_FR.UTF-8")
                            << QStringLiteral("doit être un nombre entier");
    QTest::newRow("Spanish") << QStringLiteral("es_ES.UTF-8")
                             << QStringLiteral("debe ser un número entero");
    QTest::newRow("Mexican Spanish")
        << QStringLiteral("es_MX.UTF-8") << QStringLiteral("debe ser un número entero");
    QTest::newRow("no translation")
        << QStringLiteral("it_IT.UTF-8") << QStringLiteral("must be a whole number");
}

void TestCli::messagesFollowTheLocale()
{
    QFETCH(QString, locale);
    QFETCH(QString, expected);
    QProcess process;
    QProcessEnvironment environment = latchkeyEnvironment(m_scratch.path());
    environment.insert(QStringLiteral("LANG"), locale);
    environment.insert(QStringLiteral("LC_ALL"), locale);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LATCHKEY_BINARY), {QStringLiteral("--port"), QStringLiteral("x")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(expected), qPrintable(err));
}

void TestCli::badPortExitsTwo_data()
{
    QTest::addColumn<QString>("port");
    QTest::newRow("too big") << QStringLiteral("65536");
    QTest::newRow("negative") << QStringLiteral("-1");
    QTest::newRow("not a number") << QStringLiteral("http");
    QTest::newRow("empty") << QString();
}

void TestCli::badPortExitsTwo()
{
    QFETCH(QString, port);
    const Finished run =
        runLatchkey({QStringLiteral("--serve"), QStringLiteral("--port"), port}, m_scratch.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("--port")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCli::unknownArgumentExitsTwo()
{
    QCOMPARE(runLatchkey({QStringLiteral("--frobnicate")}, m_scratch.path()).exitCode, 2);
    QCOMPARE(runLatchkey({QStringLiteral("stray")}, m_scratch.path()).exitCode, 2);
}

void TestCli::dataFolderThatIsAFileExitsOne()
{
    const QString file = m_scratch.filePath(QStringLiteral("not-a-folder"));
    QFile touch(file);
    QVERIFY(touch.open(QIODevice::WriteOnly));
    touch.close();
    const Finished run = runLatchkey(
        {QStringLiteral("--serve"), QStringLiteral("--data-dir"), file}, m_scratch.path());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(file), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCli::takenPortExitsOne()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    const Finished run =
        runLatchkey({QStringLiteral("--serve"), QStringLiteral("--data-dir"),
                     m_scratch.filePath(QStringLiteral("taken")), QStringLiteral("--port"),
                     QString::number(squatter.serverPort())},
                    m_scratch.path());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.err.isEmpty(), "no reason printed for the taken port");
    QVERIFY(run.out.isEmpty());
}

void TestCli::untrustedDataFolderExitsOneAndWritesNothing_data()
{
    QTest::addColumn<QString>("problem");
    QTest::newRow("writable by others") << QStringLiteral("writable");
    QTest::newRow("a symbolic link") << QStringLiteral("link");
    QTest::newRow("another user's") << QStringLiteral("owner");
}

void TestCli::untrustedDataFolderExitsOneAndWritesNothing()
{
    QFETCH(QString, problem);
    const QString folder = m_scratch.filePath(QStringLiteral("untrusted-") + problem);
    const QString target = m_scratch.filePath(QStringLiteral("target-") + problem);
    QVERIFY(QDir().mkpath(target));
    QVERIFY(::chmod(QFile::encodeName(target).constData(), 0700) == 0);
    if (problem == QLatin1String("link")) {
        QVERIFY(QFile::link(target, folder));
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
    const Finished run = runLatchkey(
        {QStringLiteral("--serve"), QStringLiteral("--data-dir"), folder}, m_scratch.path());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(folder), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    for (const QString& untouched : {folder, target})
        QVERIFY(QDir(untouched).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

void TestCli::startServing()
{
    m_server.start(QStringLiteral(LATCHKEY_BINARY),
                   {QStringLiteral("--serve"), QStringLiteral("--data-dir"),
                    m_scratch.filePath(QStringLiteral("serve"))},
                   latchkeyEnvironment(m_scratch.path()));
    QVERIFY(m_server.process().waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_server.process().canReadLine(), 15000);
    m_oneTimeUrl = QUrl(QString::fromUtf8(m_server.process().readLine()).trimmed());
    QVERIFY2(m_oneTimeUrl.isValid(), qPrintable(m_oneTimeUrl.toString()));
    QCOMPARE(m_oneTimeUrl.scheme(), QStringLiteral("http"));
    QCOMPARE(m_oneTimeUrl.host(), QStringLiteral("localhost"));
    m_homeUrl = QUrl(QStringLiteral("http://localhost:%1/").arg(m_oneTimeUrl.port()));
}

void TestCli::serveOneTimeUrlSetsTheCookie()
{
    startServing();
    QNetworkAccessManager browser;
    const Answer first = get(browser, m_oneTimeUrl);
    QCOMPARE(first.status, 200);
    // Home, under a random path of its own ("/" + 43 base64url characters): the browser's
    // cookies are scoped to it and never go to another localhost port.
    QCOMPARE(first.finalUrl.adjusted(QUrl::RemovePath), m_homeUrl.adjusted(QUrl::RemovePath));
    QVERIFY2(QRegularExpression(QStringLiteral("^/[A-Za-z0-9_-]{43}/$"))
                 .match(first.finalUrl.path())
                 .hasMatch(),
             qPrintable(first.finalUrl.path()));
    m_homeUrl = first.finalUrl;
    QVERIFY(!browser.cookieJar()->cookiesForUrl(m_homeUrl).isEmpty());
    QVERIFY(browser.cookieJar()->cookiesForUrl(m_homeUrl.adjusted(QUrl::RemovePath)).isEmpty());
    const Answer again = get(browser, m_homeUrl);
    QCOMPARE(again.status, 200);
    QVERIFY(again.body.contains("Latchkey"));
}

void TestCli::serveRefusesRequestsWithoutTheCookie()
{
    QNetworkAccessManager stranger;
    QCOMPARE(get(stranger, m_homeUrl).status, 403);
    // The token was spent by the first browser.
    QCOMPARE(get(stranger, m_oneTimeUrl).status, 403);
    QVERIFY(stranger.cookieJar()->cookiesForUrl(m_homeUrl).isEmpty());
}

void TestCli::serveStartsNoWebEngineProcess()
{
    const qint64 pid = m_server.process().processId();
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    QVERIFY(children.open(QIODevice::ReadOnly));
    QCOMPARE(children.readAll().trimmed(), QByteArray());
}

void TestCli::serveExitsCleanlyOnSigterm()
{
    QCOMPARE(m_server.stop(10000), 0);
    QVERIFY(QFile::exists(m_scratch.filePath(QStringLiteral("serve/latchkey.sqlite"))));
}

// Read while the server runs (database open, its WAL files beside it), started under the
// umask 022 that most sessions have: nobody but the owner can list the folder or read a file.
void TestCli::theDataFolderIsOwnerOnly()
{
    const QString folder = m_scratch.filePath(QStringLiteral("serve"));
    QCOMPARE(modeOf(folder), 0700);
    const QStringList files = QDir(folder).entryList(QDir::Files | QDir::Hidden);
    for (const char* expected : {"latchkey.sqlite", "latchkey.sqlite-wal", "latchkey.sqlite-shm"})
        QVERIFY2(files.contains(QLatin1String(expected)), qPrintable(files.join(' ')));
    for (const QString& file : files)
        QVERIFY2(modeOf(QDir(folder).filePath(file)) == 0600, qPrintable(file));
}

void TestCli::cleanupTestCase()
{
    m_server.stop(5000);
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
