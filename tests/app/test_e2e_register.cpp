// End to end: the real latchkey binary in its real window on a private Xvfb display, driven
// through the DevTools protocol like a person would use it: home page, the Register link in
// the navigation, the form filled in and submitted through the page, the success message,
// and the profile row in the SQLite file.
#include "app_window_launch.h"
#include "child_process.h"
#include "dev_tools_client.h"
#include "screen_capture.h"
#include "xvfb_display.h"

#include <QDir>
#include <QJsonObject>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace latchkey::app::testing;

namespace {

const QString kName = QStringLiteral("Ada Lovelace");
const QString kUsername = QStringLiteral("ada");
const QString kEmail = QStringLiteral("ada@example.org");

QString artifactPath(const QString& fileName)
{
    const QString folder = qEnvironmentVariable("LATCHKEY_ARTIFACTS_DIR", QDir::tempPath());
    QDir().mkpath(folder);
    return QDir(folder).filePath(fileName);
}

} // namespace

class TestE2eRegister : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void windowShowsTheHomePage();
    void windowTitleIsLatchkey();
    void registerNavLinkOpensTheForm();
    void submittingTheFormShowsSuccess();
    void profileRowIsInTheDatabase();
    void quittingRemembersTheWindowGeometry();
    void cleanupTestCase();

private:
    void click(const QString& selector);
    void typeInto(const QString& selector, const QString& text);
    void saveScreenshots(const QString& name);
    std::optional<XWindowInfo> latchkeyWindow() const;

    QTemporaryDir m_scratch;
    XvfbDisplay m_display;
    ChildProcess m_app;
    DevToolsClient m_devTools;
    QString m_homeUrl;
    QString m_dataDir;
};

void TestE2eRegister::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    QString whyNot;
    if (!m_display.start(QStringLiteral("1280x800x24"), &whyNot))
        QFAIL(qPrintable(whyNot));

    AppWindowLaunch launch;
    QVERIFY2(launchAppWindow(QStringLiteral(LATCHKEY_BINARY), m_scratch.path(), m_display, m_app,
                             m_devTools, launch, &whyNot),
             qPrintable(whyNot));
    m_dataDir = launch.dataDir;
    m_homeUrl = launch.homeUrl;
}

void TestE2eRegister::windowShowsTheHomePage()
{
    QVERIFY2(m_devTools.waitUntil(QStringLiteral("document.readyState === 'complete' && "
                                                 "location.href === %1 && "
                                                 "document.querySelector('main h1')")
                                      .arg(jsString(m_homeUrl)),
                                  30000),
             qPrintable(m_devTools.lastError()));
    // Wait until the window really shows the page, not the start-up pane.
    QTRY_VERIFY_WITH_TIMEOUT(latchkeyWindow().has_value(), 20000);
    QTest::qWait(1000);
    saveScreenshots(QStringLiteral("home"));
}

void TestE2eRegister::windowTitleIsLatchkey()
{
    const auto window = latchkeyWindow();
    QVERIFY2(window, "no viewable top-level window titled Latchkey on the display");
    QCOMPARE(window->title, QStringLiteral("Latchkey"));
    QCOMPARE(window->geometry.size(), QSize(1100, 760));
}

void TestE2eRegister::registerNavLinkOpensTheForm()
{
    click(QStringLiteral("nav a.nav-link[href=\"/register\"]"));
    QVERIFY2(m_devTools.waitUntil(
                 QStringLiteral("location.pathname === '/register' && "
                                "document.readyState === 'complete' && "
                                "document.querySelector('form[action=\"/register\"]')")),
             qPrintable(m_devTools.lastError()));
    QTest::qWait(500);
    saveScreenshots(QStringLiteral("register"));
}

void TestE2eRegister::submittingTheFormShowsSuccess()
{
    typeInto(QStringLiteral("#name"), kName);
    typeInto(QStringLiteral("#username"), kUsername);
    typeInto(QStringLiteral("#email"), kEmail);
    click(QStringLiteral("form[action=\"/register\"] button[type=\"submit\"]"));
    QVERIFY2(m_devTools.waitUntil(QStringLiteral("document.querySelector('.done-card') && "
                                                 "document.querySelector('.done-card').innerText"
                                                 ".includes(%1)")
                                      .arg(jsString(kEmail))),
             qPrintable(m_devTools.lastError()));
    QTest::qWait(500);
    saveScreenshots(QStringLiteral("register-done"));
}

void TestE2eRegister::profileRowIsInTheDatabase()
{
    const QString file = QDir(m_dataDir).filePath(QStringLiteral("latchkey.sqlite"));
    QVERIFY2(QFile::exists(file), qPrintable(file));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("e2e-check"));
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral(
                     "SELECT username, display_name, email, length(user_handle) FROM users")),
                 qPrintable(query.lastError().text()));
        QVERIFY2(query.next(), "no profile row was stored");
        QCOMPARE(query.value(0).toString(), kUsername);
        QCOMPARE(query.value(1).toString(), kName);
        QCOMPARE(query.value(2).toString(), kEmail);
        QCOMPARE(query.value(3).toInt(), 32);
        QVERIFY2(!query.next(), "more than one profile row was stored");
    }
    QSqlDatabase::removeDatabase(QStringLiteral("e2e-check"));
}

void TestE2eRegister::quittingRemembersTheWindowGeometry()
{
    // SIGTERM takes the normal way out, like Ctrl+Q: the geometry is written on the way.
    QCOMPARE(m_app.stop(20000), 0);
    const QSettings settings(QDir(m_dataDir).filePath(QStringLiteral("window.ini")),
                             QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("window/geometry")).toRect().size(), QSize(1100, 760));
    QCOMPARE(settings.value(QStringLiteral("window/maximized")).toBool(), false);
}

void TestE2eRegister::cleanupTestCase()
{
    m_app.stop(10000);
}

void TestE2eRegister::click(const QString& selector)
{
    QVERIFY2(m_devTools.clickElement(selector), qPrintable(m_devTools.lastError()));
}

void TestE2eRegister::typeInto(const QString& selector, const QString& text)
{
    click(selector);
    QVERIFY2(
        m_devTools.waitUntil(QStringLiteral("document.activeElement === document.querySelector(%1)")
                                 .arg(jsString(selector)),
                             5000),
        qPrintable(m_devTools.lastError()));
    QVERIFY2(m_devTools.call(QStringLiteral("Input.insertText"), {{QStringLiteral("text"), text}}),
             qPrintable(m_devTools.lastError()));
    const auto value = m_devTools.evaluate(
        QStringLiteral("document.querySelector(%1).value").arg(jsString(selector)));
    QVERIFY2(value, qPrintable(m_devTools.lastError()));
    QCOMPARE(value->toString(), text);
}

void TestE2eRegister::saveScreenshots(const QString& name)
{
    const auto page = m_devTools.call(QStringLiteral("Page.captureScreenshot"),
                                      {{QStringLiteral("format"), QStringLiteral("png")}});
    QVERIFY2(page, qPrintable(m_devTools.lastError()));
    QFile pageFile(artifactPath(QStringLiteral("e2e-%1-page.png").arg(name)));
    QVERIFY(pageFile.open(QIODevice::WriteOnly));
    pageFile.write(
        QByteArray::fromBase64(page->value(QStringLiteral("data")).toString().toLatin1()));
    pageFile.close();

    const QImage screen = grabScreen(m_display.name());
    QVERIFY2(!screen.isNull(), "the X screen could not be read");
    QVERIFY(screen.save(artifactPath(QStringLiteral("e2e-%1-screen.png").arg(name))));
    const auto window = latchkeyWindow();
    QVERIFY(window);
    QVERIFY(screen.copy(window->geometry)
                .save(artifactPath(QStringLiteral("e2e-%1-window.png").arg(name))));
}

std::optional<XWindowInfo> TestE2eRegister::latchkeyWindow() const
{
    for (const XWindowInfo& window : viewableTopLevelWindows(m_display.name())) {
        if (window.title == QLatin1String("Latchkey") && window.geometry.width() > 100)
            return window;
    }
    return std::nullopt;
}

QTEST_GUILESS_MAIN(TestE2eRegister)
#include "test_e2e_register.moc"
