// latchkey.js in a real browser, driven over the DevTools protocol: the register form
// answers in place (no reload) on success and on field errors, toasts appear in the right
// live region, dismiss on Escape and by themselves, and sign-in shows the "script needed"
// toast. Skips when chromium is not installed.
#include "headless_chromium.h"
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
    ServerFixture m_fixture;
    HeadlessChromium m_devTools;
};

void TestPageScript::initTestCase()
{
    if (HeadlessChromium::executable().isEmpty())
        QSKIP("skipped: chromium not installed (packaging/install-deps.sh installs it)");
    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString()));
    QVERIFY2(m_devTools.start(m_fixture.server().createOneTimeUrl()),
             qPrintable(m_devTools.errorString()));
    QVERIFY(m_devTools.waitFor(QStringLiteral("document.documentElement.classList.contains('js')"),
                               15000));
}

void TestPageScript::cleanupTestCase() {}

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
    m_devTools.evaluate(fillScript(QStringLiteral("#name"), QStringLiteral("Ada Lovelace")));
    m_devTools.evaluate(fillScript(QStringLiteral("#username"), QStringLiteral("ada")));
    m_devTools.evaluate(fillScript(QStringLiteral("#email"), QStringLiteral("ada@example.com")));
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
    m_devTools.evaluate(fillScript(QStringLiteral("#username"), QStringLiteral("ab")));
    m_devTools.evaluate(fillScript(QStringLiteral("#email"), QStringLiteral("nope")));
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
    m_devTools.evaluate(fillScript(QStringLiteral("#login"), QStringLiteral("ada")));
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
