// The language of the real latchkey binary: the system locale picks the catalogue, and the
// choice made on the settings page, kept in the data folder's settings file, wins over it from
// the next launch on (pages, the command line's messages and the native window). Two real
// launches of `latchkey --serve` on one real data folder, then the window under a private Xvfb
// with its native prompt open (screenshot).
#include "app_window_launch.h"
#include "child_process.h"
#include "dev_tools_client.h"
#include "screen_capture.h"
#include "xvfb_display.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace latchkey::app::testing;

namespace {

struct Answer {
    int status = 0;
    QUrl finalUrl;
    QByteArray body;
};

Answer finish(QNetworkReply* reply)
{
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000))
        return {};
    reply->deleteLater();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->url(),
            reply->readAll()};
}

QString artifactPath(const QString& fileName)
{
    const QString folder = qEnvironmentVariable("LATCHKEY_ARTIFACTS_DIR", QDir::tempPath());
    QDir().mkpath(folder);
    return QDir(folder).filePath(fileName);
}

QProcessEnvironment environmentIn(const QString& scratch, const QString& locale)
{
    QProcessEnvironment environment = latchkeyEnvironment(scratch);
    environment.insert(QStringLiteral("LANG"), locale);
    environment.insert(QStringLiteral("LC_ALL"), locale);
    return environment;
}

// latchkey --serve on a data folder, signed in through its one-time link like a browser.
class ServedPages {
public:
    bool start(const QString& dataDir, const QProcessEnvironment& environment, QString* whyNot)
    {
        m_app.start(QStringLiteral(LATCHKEY_BINARY),
                    {QStringLiteral("--serve"), QStringLiteral("--data-dir"), dataDir},
                    environment);
        if (!m_app.process().waitForStarted(10000) ||
            !QTest::qWaitFor([this] { return m_app.process().canReadLine(); }, 15000)) {
            *whyNot = QStringLiteral("latchkey --serve printed no link");
            return false;
        }
        const QUrl link(QString::fromUtf8(m_app.process().readLine()).trimmed());
        QNetworkRequest request(link);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::SameOriginRedirectPolicy);
        const Answer home = finish(m_browser.get(request));
        if (home.status != 200) {
            *whyNot = QStringLiteral("the one-time link answered %1").arg(home.status);
            return false;
        }
        m_root = home.finalUrl; // http://localhost:<port>/<random>/
        return true;
    }
    Answer get(const QString& path)
    {
        return finish(
            m_browser.get(QNetworkRequest(path.isEmpty() ? m_root : m_root.resolved(QUrl(path)))));
    }
    Answer postForm(const QString& path, const QByteArray& body)
    {
        QNetworkRequest request(m_root.resolved(QUrl(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QStringLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader("Origin", m_root.adjusted(QUrl::RemovePath).toString().toUtf8());
        return finish(m_browser.post(request, body));
    }
    int stop() { return m_app.stop(); }

private:
    ChildProcess m_app;
    QNetworkAccessManager m_browser;
    QUrl m_root;
};

} // namespace

class TestLanguage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_scratch.isValid()); }
    void pagesFollowTheSystemLocale();
    void choiceOnTheSettingsPageWinsFromTheNextLaunch();
    void commandLineFollowsTheChoice();
    void windowTextFollowsTheChoice();

private:
    QString dataDir() const { return m_scratch.filePath(QStringLiteral("data")); }

    QTemporaryDir m_scratch;
};

void TestLanguage::pagesFollowTheSystemLocale()
{
    ServedPages pages;
    QString whyNot;
    QVERIFY2(pages.start(m_scratch.filePath(QStringLiteral("system-data")),
                         environmentIn(m_scratch.path(), QStringLiteral("es_ES.UTF-8")), &whyNot),
             qPrintable(whyNot));
    const Answer home = pages.get(QString());
    QCOMPARE(home.status, 200);
    QVERIFY2(home.body.contains("<html lang=\"es\""), home.body.left(80).replace('\n', ' '));
    QVERIFY(home.body.contains("Inicia sesión en este equipo con una llave de acceso"));
    const Answer settings = pages.get(QStringLiteral("settings"));
    QCOMPARE(settings.status, 200);
    QVERIFY(settings.body.contains("Idioma del sistema (Español)"));
    QCOMPARE(pages.stop(), 0);
}

void TestLanguage::choiceOnTheSettingsPageWinsFromTheNextLaunch()
{
    const QProcessEnvironment german =
        environmentIn(m_scratch.path(), QStringLiteral("de_DE.UTF-8"));
    QString whyNot;
    {
        ServedPages first;
        QVERIFY2(first.start(dataDir(), german, &whyNot), qPrintable(whyNot));
        const Answer saved = first.postForm(QStringLiteral("settings/language"), "language=es");
        QCOMPARE(saved.status, 200);
        // Said in this launch's language; the pages change at the next start.
        QVERIFY2(saved.body.contains("Ab dem nächsten Start ist Latchkey auf Español."),
                 saved.body.constData());
        const Answer stillGerman = first.get(QString());
        QVERIFY2(stillGerman.body.contains("<html lang=\"de\""),
                 qPrintable(QString::number(stillGerman.status) + stillGerman.finalUrl.toString()));
        QCOMPARE(first.stop(), 0);
    }
    QCOMPARE(
        QSettings(QDir(dataDir()).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat)
            .value(QStringLiteral("app/language"))
            .toString(),
        QStringLiteral("es"));
    ServedPages second;
    QVERIFY2(second.start(dataDir(), german, &whyNot), qPrintable(whyNot));
    const Answer home = second.get(QString());
    QVERIFY2(home.body.contains("<html lang=\"es\""), home.body.left(80).replace('\n', ' '));
    QVERIFY(home.body.contains("Inicia sesión en este equipo con una llave de acceso"));
    const Answer settings = second.get(QStringLiteral("settings"));
    QVERIFY(settings.body.contains("value=\"es\" checked"));
    QCOMPARE(second.stop(), 0);
}

void TestLanguage::commandLineFollowsTheChoice()
{
    QProcess process;
    process.setProcessEnvironment(environmentIn(m_scratch.path(), QStringLiteral("de_DE.UTF-8")));
    process.start(QStringLiteral(LATCHKEY_BINARY),
                  {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(help.contains(QStringLiteral("Muestra esta ayuda y sale.")), qPrintable(help));
}

void TestLanguage::windowTextFollowsTheChoice()
{
    XvfbDisplay display;
    QString whyNot;
    QVERIFY2(display.start(QStringLiteral("1280x800x24"), &whyNot), qPrintable(whyNot));
    // launchAppWindow starts with <scratch>/data as the data folder (the one chosen above)
    // and an English system locale (C.UTF-8).
    ChildProcess app;
    DevToolsClient devTools;
    AppWindowLaunch launch;
    QVERIFY2(launchAppWindow(QStringLiteral(LATCHKEY_BINARY), m_scratch.path(), display, app,
                             devTools, launch, &whyNot),
             qPrintable(whyNot));
    QCOMPARE(launch.dataDir, dataDir());
    QVERIFY2(devTools.waitUntil(QStringLiteral("document.readyState === 'complete' && "
                                               "document.documentElement.lang === 'es'"),
                                30000),
             qPrintable(devTools.lastError()));
    std::optional<XWindowInfo> window;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const XWindowInfo& candidate : viewableTopLevelWindows(display.name())) {
                if (candidate.title == QLatin1String("Latchkey") &&
                    candidate.geometry.width() > 100)
                    window = candidate;
            }
            return window.has_value();
        }(),
        20000);
    QTest::qWait(1000);
    QVERIFY(grabScreen(display.name())
                .copy(window->geometry)
                .save(artifactPath(QStringLiteral("language-es-window.png"))));
    // The settings page, in Spanish, with Spanish chosen.
    QVERIFY(devTools.evaluate(QStringLiteral("location.href = '/settings'; true")));
    QVERIFY2(devTools.waitUntil(QStringLiteral(
                 "location.pathname === '/settings' && document.readyState === 'complete' && "
                 "document.querySelector('#language-es').checked && "
                 "document.querySelector('h1').innerText === 'Ajustes'")),
             qPrintable(devTools.lastError()));
    QTest::qWait(1000);
    const QImage before = grabScreen(display.name()).copy(window->geometry);
    QVERIFY(before.save(artifactPath(QStringLiteral("language-es-settings.png"))));

    // A page's own create(): the native prompt opens over the page, in Spanish.
    QVERIFY(devTools.evaluate(QStringLiteral(
        "navigator.credentials.create({publicKey: {rp: {id: 'localhost', name: 'Latchkey'}, "
        "user: {id: new Uint8Array(16), name: 'ana', displayName: 'Ana'}, "
        "challenge: new Uint8Array(32), pubKeyCredParams: [{type: 'public-key', alg: -7}]}})"
        ".catch(() => {}); true")));
    QImage prompt;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            prompt = grabScreen(display.name()).copy(window->geometry);
            return !prompt.isNull() && prompt != before;
        }(),
        20000);
    QTest::qWait(1000); // the prompt's opening transition
    prompt = grabScreen(display.name()).copy(window->geometry);
    QVERIFY(prompt.save(artifactPath(QStringLiteral("language-es-prompt.png"))));
    QCOMPARE(app.stop(20000), 0);
}

QTEST_GUILESS_MAIN(TestLanguage)
#include "test_language.moc"
