// Every page of the handler, signed out and signed in, audited by axe-core in Debian's Chromium
// (headless) against WCAG 2.0 and 2.1, levels A and AA, in the light and the dark colour scheme.
// The pages come from the real handler (LocalServer over real loopback HTTP, a real SQLite
// file) and are reached as a person reaches them: the one-time link, the forms (posted by the
// pages' own script, or without it where a page answers a plain form post), Chromium's virtual
// authenticator for passkeys. Toasts are audited where they appear. Any violation fails, and so
// does a rule axe could not decide; the number of rules checked and every page covered are
// printed.
#include "axe_audit.h"
#include "headless_chromium.h"
#include "server/sessions.h"
#include "server_fixture.h"
#include "store/session_store.h"
#include "store/user_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace latchkey::a11y::testing;
using namespace latchkey::server::testing;

class TestPagesAxe : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void signedOutPages();
    void errorPages();
    void settingsPages();
    void signedInPages();
    void signedOutAgain();
    void pagesWithoutASystemVerifier();
    void cleanupTestCase();

private:
    // Audits the page as it is now, in both colour schemes; a violation fails the slot.
    void audit(const QString& page);
    bool open(const QString& path);
    bool arrivedAt(const QString& path);
    // A form posted as without script (no in-place answer): the server's own page comes back.
    void postWithoutScript(const QString& formSelector);
    bool waitForToast(const QString& kind);
    void addAuthenticator();
    QString pageText();

    AxeAudit m_axe;
    ServerFixture m_fixture;
    ServerFixture m_presenceOnly;
    HeadlessChromium m_chromium;
    QStringList m_pages;
    QSet<QString> m_rulesApplied;
    int m_ruleCount = 0;
    int m_violations = 0;
    int m_incomplete = 0;
    QUrl m_usedOneTimeUrl;
};

void TestPagesAxe::initTestCase()
{
    QVERIFY2(!HeadlessChromium::executable().isEmpty(),
             "chromium is not installed: run packaging/install-deps.sh");
    QString whyNot;
    QVERIFY2(m_axe.load(&whyNot), qPrintable(whyNot));
    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString()));
    m_usedOneTimeUrl = m_fixture.server().createOneTimeUrl();
    QVERIFY2(m_chromium.start(m_usedOneTimeUrl), qPrintable(m_chromium.errorString()));
    QVERIFY(arrivedAt(QStringLiteral("/")));
    m_ruleCount = m_axe.ruleCount(m_chromium, &whyNot);
    QVERIFY2(m_ruleCount > 0, qPrintable(whyNot));
    qInfo("axe-core %s: %d rules tagged %s", qPrintable(m_axe.version()), m_ruleCount,
          qPrintable(AxeAudit::wcagTags().join(QStringLiteral(", "))));
}

QString TestPagesAxe::pageText()
{
    return m_chromium.evaluate(QStringLiteral("document.body.innerText")).toString();
}

bool TestPagesAxe::arrivedAt(const QString& path)
{
    return m_chromium.waitFor(
        QStringLiteral("location.pathname === '%1' && document.readyState === 'complete' && "
                       "document.documentElement.classList.contains('js')")
            .arg(path),
        15000);
}

bool TestPagesAxe::open(const QString& path)
{
    m_chromium.evaluate(QStringLiteral("location.assign('%1')").arg(path));
    return arrivedAt(path);
}

void TestPagesAxe::postWithoutScript(const QString& formSelector)
{
    // HTMLFormElement.submit() fires no submit event, so the pages' script does not answer it.
    m_chromium.evaluate(QStringLiteral("window.beforePost = true; "
                                       "HTMLFormElement.prototype.submit.call("
                                       "document.querySelector('%1'))")
                            .arg(formSelector));
    QVERIFY(m_chromium.waitFor(QStringLiteral("window.beforePost !== true && "
                                              "document.readyState === 'complete' && "
                                              "document.documentElement.classList.contains('js')"),
                               15000));
    // Toasts the server rendered are put back 150 ms after load, then slide in (180 ms).
    QVERIFY(m_chromium.waitFor(
        QStringLiteral("performance.now() > 600 && "
                       "document.getAnimations().every((a) => a.playState === 'finished')")));
}

bool TestPagesAxe::waitForToast(const QString& kind)
{
    // Server toasts are put back 150 ms after load (so live regions announce them); then
    // their entry animation (180 ms) ends.
    return m_chromium.waitFor(
        QStringLiteral("!!document.querySelector('.toast-%1:not(.toast-leaving)') && "
                       "document.getAnimations().every((a) => a.playState === 'finished')")
            .arg(kind),
        10000);
}

void TestPagesAxe::addAuthenticator()
{
    QVERIFY(!m_chromium.call(QStringLiteral("WebAuthn.enable"), {{"enableUI", false}})
                 .contains("error"));
    const QJsonObject added =
        m_chromium.call(QStringLiteral("WebAuthn.addVirtualAuthenticator"),
                        {{"options", QJsonObject{{"protocol", "ctap2"},
                                                 {"transport", "internal"},
                                                 {"hasResidentKey", true},
                                                 {"hasUserVerification", true},
                                                 {"isUserVerified", true},
                                                 {"automaticPresenceSimulation", true}}}});
    QVERIFY(added.contains("result"));
}

void TestPagesAxe::audit(const QString& page)
{
    QStringList failures;
    for (const char* scheme : {"light", "dark"}) {
        m_chromium.call(QStringLiteral("Emulation.setEmulatedMedia"),
                        {{"features", QJsonArray{QJsonObject{{"name", "prefers-color-scheme"},
                                                             {"value", scheme}}}}});
        // The colours change through the pages' own transitions (120 ms): audit the end state.
        QVERIFY(m_chromium.waitFor(
            QStringLiteral("document.getAnimations().every((a) => a.playState === 'finished')")));
        QString error;
        const std::optional<AxePageResult> result = m_axe.run(m_chromium, &error);
        QVERIFY2(result, qPrintable(page + QStringLiteral(": ") + error));
        for (const QString& rule : result->rulesApplied)
            m_rulesApplied.insert(rule);
        const QString where = QStringLiteral("%1 (%2)").arg(page, QLatin1String(scheme));
        for (const AxeFinding& finding : result->violations) {
            ++m_violations;
            failures.append(QStringLiteral("%1: %2 [%3] %4\n    %5")
                                .arg(where, finding.rule, finding.impact, finding.help,
                                     finding.nodes.join(QStringLiteral("\n    "))));
        }
        // A rule axe could not decide (text over a gradient, say) has not been checked: that
        // fails too, so every contrast and name on the page is measured.
        for (const AxeFinding& finding : result->incomplete) {
            ++m_incomplete;
            failures.append(QStringLiteral("%1: undecided %2 %3\n    %4")
                                .arg(where, finding.rule, finding.help,
                                     finding.nodes.join(QStringLiteral("\n    "))));
        }
        qInfo("%s: %d rules applied, %d violations, %d undecided", qPrintable(where),
              int(result->rulesApplied.size()), int(result->violations.size()),
              int(result->incomplete.size()));
        m_pages.append(where);
    }
    m_chromium.call(QStringLiteral("Emulation.setEmulatedMedia"), {{"features", QJsonArray{}}});
    m_chromium.waitFor(
        QStringLiteral("document.getAnimations().every((a) => a.playState === 'finished')"));
    const QString shot = m_chromium.screenshot(
        QStringLiteral("a11y_") + QString(page).replace(QRegularExpression("[^a-z0-9]+"), "_"));
    Q_UNUSED(shot);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("\n"))));
}

void TestPagesAxe::signedOutPages()
{
    audit(QStringLiteral("home, signed out"));

    QVERIFY(open(QStringLiteral("/register")));
    audit(QStringLiteral("register"));

    // Errors answered in place by the script: field errors and the error toast (role=alert).
    m_chromium.evaluate(fillScript(QStringLiteral("#username"), QStringLiteral("a")));
    m_chromium.evaluate(fillScript(QStringLiteral("#email"), QStringLiteral("not-an-address")));
    m_chromium.evaluate(QStringLiteral("document.querySelector('form').requestSubmit()"));
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('[aria-invalid=true]')")));
    QVERIFY(waitForToast(QStringLiteral("error")));
    audit(QStringLiteral("register, errors in place with an error toast"));

    // The same errors as the server's own page (a form posted without script).
    QVERIFY(open(QStringLiteral("/register")));
    m_chromium.evaluate(fillScript(QStringLiteral("#username"), QStringLiteral("a")));
    m_chromium.evaluate(fillScript(QStringLiteral("#email"), QStringLiteral("not-an-address")));
    postWithoutScript(QStringLiteral("form"));
    QVERIFY2(m_chromium.evaluate(QStringLiteral("document.title.startsWith('Error')")).toBool(),
             qPrintable(pageText()));
    QVERIFY(waitForToast(QStringLiteral("error")));
    audit(QStringLiteral("register, errors rendered by the server"));

    QVERIFY(open(QStringLiteral("/signin")));
    audit(QStringLiteral("sign-in"));

    // Posted without script: the server's warning toast (polite region).
    m_chromium.evaluate(fillScript(QStringLiteral("#login"), QStringLiteral("ada")));
    postWithoutScript(QStringLiteral("form[data-passkey-signin]"));
    QVERIFY(waitForToast(QStringLiteral("warning")));
    audit(QStringLiteral("sign-in, warning toast"));

    QVERIFY(open(QStringLiteral("/signin")));
    postWithoutScript(QStringLiteral("form[data-passkey-signin]"));
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('#login[aria-invalid]')")));
    QVERIFY(waitForToast(QStringLiteral("error")));
    audit(QStringLiteral("sign-in, field error rendered by the server"));
}

void TestPagesAxe::errorPages()
{
    m_chromium.evaluate(QStringLiteral("location.assign('/no-such-page')"));
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('.error-status') && "
                                              "document.readyState === 'complete'")));
    audit(QStringLiteral("error 404"));

    m_chromium.evaluate(QStringLiteral("location.assign('/signout')"));
    QVERIFY(m_chromium.waitFor(QStringLiteral("document.querySelector('.error-status')?."
                                              "textContent === '405'")));
    audit(QStringLiteral("error 405"));

    // The one-time link a second time (it opened this browser's session).
    m_chromium.call(QStringLiteral("Page.navigate"), {{"url", m_usedOneTimeUrl.toString()}});
    QVERIFY(m_chromium.waitFor(QStringLiteral("document.querySelector('.error-status')?."
                                              "textContent === '403'")));
    audit(QStringLiteral("error 403"));
}

// The settings page (one section per topic; the language first) and what its forms answer.
void TestPagesAxe::settingsPages()
{
    QVERIFY(open(QStringLiteral("/settings")));
    audit(QStringLiteral("settings, signed out"));

    m_chromium.evaluate(QStringLiteral("document.querySelector('input[value=es]').checked = true"));
    postWithoutScript(QStringLiteral("form[data-language-form]"));
    QVERIFY2(
        m_chromium.evaluate(QStringLiteral("document.body.innerText.includes('Español')")).toBool(),
        qPrintable(pageText()));
    audit(QStringLiteral("settings, language saved"));

    // No language chosen at all: refused, with the field's error.
    m_chromium.evaluate(QStringLiteral(
        "document.querySelectorAll('input[name=language]').forEach((r) => r.checked = false)"));
    postWithoutScript(QStringLiteral("form[data-language-form]"));
    QVERIFY2(m_chromium
                 .evaluate(QStringLiteral("document.querySelector('#language-error')"
                                          "?.textContent.trim() !== ''"))
                 .toBool(),
             qPrintable(pageText()));
    audit(QStringLiteral("settings, no language chosen"));
}

void TestPagesAxe::signedInPages()
{
    QVERIFY(open(QStringLiteral("/register")));
    m_chromium.evaluate(fillScript(QStringLiteral("#name"), QStringLiteral("Ada Lovelace")));
    m_chromium.evaluate(fillScript(QStringLiteral("#username"), QStringLiteral("ada")));
    m_chromium.evaluate(fillScript(QStringLiteral("#email"), QStringLiteral("ada@example.com")));
    m_chromium.evaluate(QStringLiteral("document.querySelector('form').requestSubmit()"));
    QVERIFY(
        m_chromium.waitFor(QStringLiteral("!!document.querySelector('[data-passkey-register]')")));
    QVERIFY(waitForToast(QStringLiteral("success")));
    audit(QStringLiteral("register done, success toast"));

    QVERIFY(open(QStringLiteral("/profile")));
    audit(QStringLiteral("profile without a passkey"));

    addAuthenticator();
    m_chromium.evaluate(fillScript(QStringLiteral("#passkey-nickname"), QStringLiteral("Laptop")));
    m_chromium.evaluate(
        QStringLiteral("document.querySelector('[data-passkey-register]').click()"));
    QVERIFY2(m_chromium.waitFor(QStringLiteral("!!document.querySelector('li.passkey')"), 15000),
             qPrintable(pageText()));
    QVERIFY(arrivedAt(QStringLiteral("/profile")));
    QVERIFY(waitForToast(QStringLiteral("success")));
    audit(QStringLiteral("profile with its last passkey, success toast"));

    // Removing the last passkey without ticking the box: refused in place, error toast.
    m_chromium.evaluate(QStringLiteral("document.querySelector('[data-toast-close]').click()"));
    m_chromium.evaluate(
        QStringLiteral("document.querySelector('form[action$=remove]').requestSubmit()"));
    QVERIFY(waitForToast(QStringLiteral("error")));
    audit(QStringLiteral("profile, error toast"));

    QVERIFY(open(QStringLiteral("/")));
    audit(QStringLiteral("home, signed in"));

    QVERIFY(open(QStringLiteral("/settings")));
    audit(QStringLiteral("settings, signed in"));
}

void TestPagesAxe::signedOutAgain()
{
    QVERIFY(open(QStringLiteral("/profile")));
    m_chromium.evaluate(QStringLiteral("document.querySelector('.nav-form').requestSubmit()"));
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('[data-switch-user]') && "
                                              "document.readyState === 'complete'"),
                               15000));
    QVERIFY(waitForToast(QStringLiteral("success")));
    audit(QStringLiteral("sign-in greeting the last profile, signed-out toast"));

    // A recovery sign-in (what a recovery code or an emailed link grants once it proved the
    // profile, made here through the store as those routes make it): the one-step page.
    using namespace latchkey;
    const auto user = store::UserStore(m_fixture.database()).findByLogin(QStringLiteral("ada"));
    QVERIFY(user.ok() && user->has_value());
    const auto issued =
        store::SessionStore(m_fixture.database())
            .startRecovery((*user)->id, QDateTime::currentDateTimeUtc(),
                           [](QSqlDatabase) -> store::StoreResult<void> { return {}; });
    QVERIFY(issued.ok());
    const QJsonObject set =
        m_chromium.call(QStringLiteral("Network.setCookie"),
                        {{"name", QString::fromLatin1(server::Sessions::sessionCookieName())},
                         {"value", QString::fromLatin1(issued->token.toBase64Url())},
                         {"url", QStringLiteral("http://localhost:%1/").arg(m_fixture.port())},
                         {"path", "/"},
                         {"httpOnly", true},
                         {"sameSite", "Strict"}});
    QVERIFY2(set.value("result").toObject().value("success").toBool(true) && !set.contains("error"),
             QJsonDocument(set).toJson().constData());
    QVERIFY(open(QStringLiteral("/profile")));
    QVERIFY2(
        m_chromium.evaluate(QStringLiteral("!!document.querySelector('[data-recovery]')")).toBool(),
        qPrintable(pageText()));
    audit(QStringLiteral("recovery sign-in, one step"));
}

// Without PAM or polkit the pages say that a click alone confirms a passkey.
void TestPagesAxe::pagesWithoutASystemVerifier()
{
    QVERIFY2(m_presenceOnly.start(false), qPrintable(m_presenceOnly.errorString()));
    m_chromium.call(
        QStringLiteral("Page.navigate"),
        {{"url", m_presenceOnly.server().createOneTimeUrl(QStringLiteral("/signin")).toString()}});
    QVERIFY(arrivedAt(QStringLiteral("/signin")));
    QVERIFY(m_chromium.evaluate(QStringLiteral("!!document.querySelector('[data-presence-only]')"))
                .toBool());
    audit(QStringLiteral("sign-in without a system verifier"));

    QVERIFY(open(QStringLiteral("/register")));
    m_chromium.evaluate(fillScript(QStringLiteral("#username"), QStringLiteral("grace")));
    m_chromium.evaluate(fillScript(QStringLiteral("#email"), QStringLiteral("grace@example.com")));
    m_chromium.evaluate(QStringLiteral("document.querySelector('form').requestSubmit()"));
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('[data-presence-only]')")));
    QVERIFY(waitForToast(QStringLiteral("success")));
    audit(QStringLiteral("register done without a system verifier"));

    QVERIFY(open(QStringLiteral("/profile")));
    audit(QStringLiteral("profile without a system verifier"));
}

void TestPagesAxe::cleanupTestCase()
{
    qInfo("axe-core %s checked %d rules (%s) on %d pages, each in the light and dark colour "
          "scheme (%d audits); %d of the rules found something to check; %d violations, %d "
          "undecided",
          qPrintable(m_axe.version()), m_ruleCount,
          qPrintable(AxeAudit::wcagTags().join(QStringLiteral(", "))), int(m_pages.size() / 2),
          int(m_pages.size()), int(m_rulesApplied.size()), m_violations, m_incomplete);
    for (const QString& page : m_pages)
        qInfo("  covered: %s", qPrintable(page));
}

QTEST_MAIN(TestPagesAxe)
#include "test_pages_axe.moc"
