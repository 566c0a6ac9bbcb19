// The pages in a real browser: Debian's headless Chromium opens each page through a
// one-time link (so the secret cookie is set as for --serve), runs latchkey.js under the
// strict CSP without a single violation, and leaves screenshots (light, dark, phone width)
// in LATCHKEY_ARTIFACTS_DIR for a person to look at. Skips when chromium is not installed.
#include "server_fixture.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace latchkey::server::testing;

namespace {

struct BrowserRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestPageRendering : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void scriptRunsWithoutCspViolations_data();
    void scriptRunsWithoutCspViolations();
    void screenshotsAreTaken_data();
    void screenshotsAreTaken();

private:
    BrowserRun runBrowser(const QStringList& arguments);
    QString m_chromium;
    QString m_artifacts;
    ServerFixture m_fixture;
    ServerFixture m_presenceOnly; // the app found no PAM or polkit: the pages say so
};

void TestPageRendering::initTestCase()
{
    m_chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    if (m_chromium.isEmpty())
        QSKIP("skipped: chromium not installed (packaging/install-deps.sh installs it)");
    m_artifacts = qEnvironmentVariable("LATCHKEY_ARTIFACTS_DIR", QDir::tempPath());
    QDir().mkpath(m_artifacts);
    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString()));
    QVERIFY2(m_presenceOnly.start(false), qPrintable(m_presenceOnly.errorString()));
}

// The server lives on this thread, so the browser is waited for with the event loop running.
BrowserRun TestPageRendering::runBrowser(const QStringList& arguments)
{
    QTemporaryDir profile;
    QProcess browser;
    QSignalSpy finished(&browser, &QProcess::finished);
    browser.start(m_chromium,
                  QStringList{QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
                              QStringLiteral("--disable-gpu"), QStringLiteral("--hide-scrollbars"),
                              QStringLiteral("--no-first-run"),
                              QStringLiteral("--enable-logging=stderr"), QStringLiteral("--v=0"),
                              QStringLiteral("--user-data-dir=") + profile.path()} +
                      arguments);
    if (!finished.wait(90000)) {
        browser.kill();
        browser.waitForFinished(5000);
    }
    return {browser.exitStatus() == QProcess::NormalExit ? browser.exitCode() : -1,
            browser.readAllStandardOutput(), browser.readAllStandardError()};
}

void TestPageRendering::scriptRunsWithoutCspViolations_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("home") << QStringLiteral("/");
    QTest::newRow("register") << QStringLiteral("/register");
    QTest::newRow("signin") << QStringLiteral("/signin");
}

void TestPageRendering::scriptRunsWithoutCspViolations()
{
    QFETCH(QString, path);
    const QUrl link = m_fixture.server().createOneTimeUrl(path);
    const BrowserRun run = runBrowser({QStringLiteral("--dump-dom"), link.toString()});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("<html lang=\"en\" class=\"js\">"), run.out.left(300).constData());
    QVERIFY2(!run.err.contains("Content Security Policy"), run.err.constData());
    QVERIFY2(!run.err.contains("Refused to"), run.err.constData());
}

void TestPageRendering::screenshotsAreTaken_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("size");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("presenceOnly");
    for (const QString& page :
         {QStringLiteral("home"), QStringLiteral("register"), QStringLiteral("signin")}) {
        const QString path = page == QLatin1String("home") ? QStringLiteral("/") : "/" + page;
        QTest::addRow("%s-light", qPrintable(page))
            << path << QStringLiteral("1200,800") << false << false;
        QTest::addRow("%s-dark", qPrintable(page))
            << path << QStringLiteral("1200,800") << true << false;
        QTest::addRow("%s-phone", qPrintable(page))
            << path << QStringLiteral("390,844") << false << false;
    }
    QTest::addRow("signin-no-verifier-light")
        << QStringLiteral("/signin") << QStringLiteral("1200,800") << false << true;
    QTest::addRow("signin-no-verifier-dark")
        << QStringLiteral("/signin") << QStringLiteral("1200,800") << true << true;
}

void TestPageRendering::screenshotsAreTaken()
{
    QFETCH(QString, path);
    QFETCH(QString, size);
    QFETCH(bool, dark);
    QFETCH(bool, presenceOnly);
    const QString file =
        QStringLiteral("%1/server-%2.png").arg(m_artifacts, QTest::currentDataTag());
    QFile::remove(file);
    QStringList arguments{QStringLiteral("--window-size=") + size,
                          QStringLiteral("--screenshot=") + file};
    if (dark)
        arguments << QStringLiteral("--force-dark-mode");
    ServerFixture& server = presenceOnly ? m_presenceOnly : m_fixture;
    arguments << server.server().createOneTimeUrl(path).toString();
    QCOMPARE(runBrowser(arguments).exitCode, 0);
    // A styled page is far larger than the unstyled 403 page a missing cookie would give.
    QVERIFY2(QFileInfo(file).size() > 20000, qPrintable(file));
}

QTEST_GUILESS_MAIN(TestPageRendering)
#include "test_page_rendering.moc"
