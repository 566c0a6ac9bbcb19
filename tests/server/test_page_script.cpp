// latchkey.js in a real browser, driven over the DevTools protocol: the register form
// answers in place (no reload) on success and on field errors, toasts appear in the right
// live region, dismiss on Escape and by themselves, and sign-in shows the "script needed"
// toast. Skips when chromium is not installed.
#include "server_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace latchkey::server::testing;

namespace {

// Just enough of the DevTools protocol: one page, commands answered by id.
class DevTools {
public:
    bool connectTo(const QUrl& pageSocket)
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived,
                         [this](const QString& text) { received(text); });
        QSignalSpy connected(&m_socket, &QWebSocket::connected);
        m_socket.open(pageSocket);
        return connected.wait(10000);
    }

    QJsonObject call(const QString& method, const QJsonObject& params = {})
    {
        const int id = ++m_nextId;
        m_socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{"id", id}, {"method", method}, {"params", params}})
                .toJson(QJsonDocument::Compact)));
        QDeadlineTimer deadline(15000);
        while (!m_replies.contains(id) && !deadline.hasExpired())
            QTest::qWait(5);
        return m_replies.take(id);
    }

    QJsonValue evaluate(const QString& expression)
    {
        const QJsonObject reply =
            call(QStringLiteral("Runtime.evaluate"),
                 {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", true}});
        return reply.value("result").toObject().value("result").toObject().value("value");
    }

    // Polls an expression until it is true (the page answers asynchronously).
    bool waitFor(const QString& expression, int milliseconds = 8000)
    {
        QDeadlineTimer deadline(milliseconds);
        while (!deadline.hasExpired()) {
            if (evaluate(expression).toBool())
                return true;
            QTest::qWait(50);
        }
        return false;
    }

    void pressKey(const QString& key, int code)
    {
        for (const char* type : {"keyDown", "keyUp"})
            call(QStringLiteral("Input.dispatchKeyEvent"),
                 {{"type", type}, {"key", key}, {"code", key}, {"windowsVirtualKeyCode", code}});
    }

private:
    void received(const QString& text)
    {
        const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
        if (message.contains("id"))
            m_replies.insert(message.value("id").toInt(), message);
    }

    QWebSocket m_socket;
    int m_nextId = 0;
    QHash<int, QJsonObject> m_replies;
};

QString fill(const QString& selector, const QString& value)
{
    return QStringLiteral("document.querySelector('%1').value = %2")
        .arg(selector,
             QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                 .mid(1)
                 .chopped(1));
}

} // namespace

class TestPageScript : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void registerSuccessAppearsInPlace();
    void successToastDismissesByItself();
    void fieldErrorsAppearInPlaceBesideTheFields();
    void escapeDismissesTheToast();
    void closeButtonDismissesTheToast();
    void signInShowsPasskeysArriveSoon();
    void toastWaitsWhileFocused();

private:
    bool open(const QString& path);
    QProcess m_browser;
    QTemporaryDir m_profile;
    ServerFixture m_fixture;
    DevTools m_devTools;
};

void TestPageScript::initTestCase()
{
    const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    if (chromium.isEmpty())
        QSKIP("skipped: chromium not installed (packaging/install-deps.sh installs it)");
    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString()));
    m_browser.start(chromium, {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
                               QStringLiteral("--disable-gpu"), QStringLiteral("--no-first-run"),
                               QStringLiteral("--remote-debugging-port=0"),
                               QStringLiteral("--user-data-dir=") + m_profile.path(),
                               QStringLiteral("--window-size=1200,800"),
                               m_fixture.server().createOneTimeUrl().toString()});
    // "DevTools listening on ws://127.0.0.1:<port>/devtools/browser/<id>" on stderr.
    static const QRegularExpression listening(QStringLiteral("ws://127\\.0\\.0\\.1:(\\d+)/"));
    QByteArray err;
    QDeadlineTimer deadline(30000);
    QRegularExpressionMatch match;
    while (!deadline.hasExpired() && !match.hasMatch()) {
        QTest::qWait(20);
        err += m_browser.readAllStandardError();
        match = listening.match(QString::fromUtf8(err));
    }
    QVERIFY2(match.hasMatch(), err.constData());
    QNetworkAccessManager http;
    QJsonArray targets;
    QDeadlineTimer pageDeadline(15000);
    while (targets.isEmpty() && !pageDeadline.hasExpired()) {
        QNetworkReply* reply = http.get(QNetworkRequest(
            QUrl(QStringLiteral("http://127.0.0.1:%1/json/list").arg(match.captured(1)))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(5000);
        for (const QJsonValue target : QJsonDocument::fromJson(reply->readAll()).array()) {
            if (target.toObject().value("type").toString() == QLatin1String("page"))
                targets.append(target);
        }
        reply->deleteLater();
    }
    QVERIFY(!targets.isEmpty());
    QVERIFY(m_devTools.connectTo(
        QUrl(targets.first().toObject().value("webSocketDebuggerUrl").toString())));
    QVERIFY(m_devTools.waitFor(QStringLiteral("document.documentElement.classList.contains('js')"),
                               15000));
}

void TestPageScript::cleanupTestCase()
{
    if (m_browser.state() != QProcess::NotRunning) {
        m_browser.kill();
        m_browser.waitForFinished(5000);
    }
}

// Same browser, so the cookie from the one-time link still holds.
bool TestPageScript::open(const QString& path)
{
    m_devTools.call(QStringLiteral("Page.navigate"),
                    {{"url", m_fixture.server().homeUrl().resolved(QUrl(path)).toString()}});
    return m_devTools.waitFor(
        QStringLiteral("location.pathname === '%1' && document.readyState === 'complete' && "
                       "document.documentElement.classList.contains('js')")
            .arg(path));
}

void TestPageScript::registerSuccessAppearsInPlace()
{
    QVERIFY(open(QStringLiteral("/register")));
    m_devTools.evaluate(QStringLiteral("window.samePage = true"));
    m_devTools.evaluate(fill(QStringLiteral("#name"), QStringLiteral("Ada Lovelace")));
    m_devTools.evaluate(fill(QStringLiteral("#username"), QStringLiteral("ada")));
    m_devTools.evaluate(fill(QStringLiteral("#email"), QStringLiteral("ada@example.com")));
    m_devTools.evaluate(QStringLiteral("document.querySelector('form').requestSubmit()"));
    QVERIFY(m_devTools.waitFor(QStringLiteral("!!document.querySelector('.done-card')")));
    QCOMPARE(m_devTools.evaluate(QStringLiteral("window.samePage === true")).toBool(), true);
    QVERIFY(m_devTools
                .evaluate(QStringLiteral(
                    "document.querySelector('[data-toast-region=polite]').textContent"))
                .toString()
                .contains(QStringLiteral("Profile created")));
    QVERIFY(m_devTools.evaluate(QStringLiteral("document.body.textContent"))
                .toString()
                .contains(QStringLiteral("Next: register a passkey")));
    QCOMPARE(m_fixture.userCount(), 1);
}

void TestPageScript::successToastDismissesByItself()
{
    QVERIFY(m_devTools.waitFor(QStringLiteral("document.querySelectorAll('[data-toast]').length "
                                              "=== 0"),
                               10000));
}

void TestPageScript::fieldErrorsAppearInPlaceBesideTheFields()
{
    QVERIFY(open(QStringLiteral("/register")));
    m_devTools.evaluate(QStringLiteral("window.samePage = true"));
    m_devTools.evaluate(fill(QStringLiteral("#username"), QStringLiteral("ab")));
    m_devTools.evaluate(fill(QStringLiteral("#email"), QStringLiteral("nope")));
    m_devTools.evaluate(QStringLiteral("document.querySelector('form').requestSubmit()"));
    QVERIFY(m_devTools.waitFor(
        QStringLiteral("document.querySelector('#username').getAttribute('aria-invalid') === "
                       "'true'")));
    QCOMPARE(m_devTools.evaluate(QStringLiteral("window.samePage === true")).toBool(), true);
    QCOMPARE(m_devTools
                 .evaluate(QStringLiteral("document.querySelector('#username-error')."
                                          "textContent"))
                 .toString(),
             QStringLiteral("A username has 3 to 32 characters."));
    QCOMPARE(m_devTools
                 .evaluate(QStringLiteral("document.querySelector('#email').getAttribute("
                                          "'aria-invalid')"))
                 .toString(),
             QStringLiteral("true"));
    QVERIFY(m_devTools
                .evaluate(QStringLiteral("document.querySelector('#name').hasAttribute("
                                         "'aria-invalid')"))
                .toBool() == false);
    QCOMPARE(m_devTools.evaluate(QStringLiteral("document.activeElement.id")).toString(),
             QStringLiteral("username"));
    QVERIFY(m_devTools
                .evaluate(QStringLiteral(
                    "document.querySelector('[data-toast-region=assertive]').textContent"))
                .toString()
                .contains(QStringLiteral("Some fields need your attention.")));
    QCOMPARE(m_fixture.userCount(), 1);
}

void TestPageScript::escapeDismissesTheToast()
{
    QVERIFY(m_devTools.waitFor(QStringLiteral("document.querySelectorAll('[data-toast]').length "
                                              "=== 1")));
    m_devTools.pressKey(QStringLiteral("Escape"), 27);
    QVERIFY(m_devTools.waitFor(QStringLiteral("document.querySelectorAll('[data-toast]').length "
                                              "=== 0"),
                               3000));
}

void TestPageScript::closeButtonDismissesTheToast()
{
    m_devTools.evaluate(QStringLiteral("document.querySelector('form').requestSubmit()"));
    QVERIFY(m_devTools.waitFor(QStringLiteral("document.querySelectorAll('[data-toast]').length "
                                              "=== 1")));
    m_devTools.evaluate(QStringLiteral("document.querySelector('[data-toast-close]').click()"));
    QVERIFY(m_devTools.waitFor(QStringLiteral("document.querySelectorAll('[data-toast]').length "
                                              "=== 0"),
                               3000));
}

// The sign-in form runs passkeys.js; posted as a plain enhanced form (what a page without
// passkey support sends) the server's "script needed" warning is shown in place.
void TestPageScript::signInShowsPasskeysArriveSoon()
{
    QVERIFY(open(QStringLiteral("/signin")));
    m_devTools.evaluate(fill(QStringLiteral("#login"), QStringLiteral("ada")));
    m_devTools.evaluate(
        QStringLiteral("(() => { const f = document.querySelector('form'); "
                       "f.removeAttribute('data-passkey-signin'); f.dataset.enhance = 'signin'; "
                       "f.requestSubmit(); })()"));
    QVERIFY(m_devTools.waitFor(QStringLiteral("!!document.querySelector('.toast-warning')")));
    QVERIFY(m_devTools
                .evaluate(QStringLiteral("document.querySelector('.toast-warning')."
                                         "textContent"))
                .toString()
                .contains(QStringLiteral("Script needed")));
}

// A warning toast leaves after 9 s; with keyboard focus on it, it stays until focus leaves.
void TestPageScript::toastWaitsWhileFocused()
{
    QVERIFY(m_devTools.waitFor(QStringLiteral("!!document.querySelector('.toast-warning "
                                              "[data-toast-close]')")));
    m_devTools.evaluate(QStringLiteral("document.querySelector('.toast-warning "
                                       "[data-toast-close]').focus()"));
    QTest::qWait(10500);
    QVERIFY(
        m_devTools.evaluate(QStringLiteral("!!document.querySelector('.toast-warning')")).toBool());
    m_devTools.evaluate(QStringLiteral("document.getElementById('login').focus()"));
    QVERIFY(m_devTools.waitFor(QStringLiteral("!document.querySelector('.toast-warning')"), 10000));
}

QTEST_GUILESS_MAIN(TestPageScript)
#include "test_page_script.moc"
