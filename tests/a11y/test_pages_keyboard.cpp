// The pages by keyboard alone, in Debian's Chromium (headless) on the real handler over
// loopback: from the home page to a new profile with a passkey (Chromium's virtual
// authenticator), then signing out and in again, with Tab, Shift+Tab, Enter, Space, Escape and
// typed characters sent through Chromium's input pipeline; no mouse and no script clicks. At
// every stop the focused element must match :focus-visible and its focus indicator must be
// seen: compared with the same element unfocused, at least a 2 px ring of its outline (4 x
// (width + height) pixels) changes colour at a contrast of 3:1 or more. On the profile page
// every element that can take focus is reached by Tab, in the light and the dark colour scheme.
#include "headless_chromium.h"
#include "keyboard.h"
#include "server_fixture.h"

#include <QJsonArray>
#include <QSettings>
#include <QSqlQuery>
#include <QTest>

using namespace latchkey::a11y::testing;
using namespace latchkey::server::testing;

class TestPagesKeyboard : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void skipLinkLeadsToTheContent();
    void homeToRegisterByKeyboard();
    void createProfileByKeyboard();
    void registerPasskeyByKeyboard();
    void everyControlOfTheProfileIsReachedWithAVisibleFocus_data();
    void everyControlOfTheProfileIsReachedWithAVisibleFocus();
    void escapeDismissesAToast();
    void signOutAndInByKeyboard();
    void languageChosenByKeyboard();
    void cleanupTestCase();

private:
    bool arrivedAt(const QString& path);
    // The focused element shows a focus indicator a person can see; describes it.
    QString expectVisibleFocus();
    // Tabs (checking each stop) until condition holds for document.activeElement.
    bool tabUntil(const QString& condition, int maxStops = 25);
    bool settled();
    void shoot(const QString& name);
    qint64 rows(const QString& sql);

    ServerFixture m_fixture;
    HeadlessChromium m_chromium;
    Keyboard m_keyboard{m_chromium};
    int m_stops = 0;
};

void TestPagesKeyboard::initTestCase()
{
    QVERIFY2(!HeadlessChromium::executable().isEmpty(),
             "chromium is not installed: run packaging/install-deps.sh");
    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString()));
    QVERIFY2(m_chromium.start(m_fixture.server().createOneTimeUrl()),
             qPrintable(m_chromium.errorString()));
    QVERIFY(arrivedAt(QStringLiteral("/")));
}

void TestPagesKeyboard::cleanupTestCase()
{
    qInfo("%d focus stops checked", m_stops);
}

bool TestPagesKeyboard::arrivedAt(const QString& path)
{
    return m_chromium.waitFor(
        QStringLiteral("location.pathname === '%1' && document.readyState === 'complete' && "
                       "document.documentElement.classList.contains('js')")
            .arg(path),
        15000);
}

bool TestPagesKeyboard::settled()
{
    return m_chromium.waitFor(
        QStringLiteral("document.getAnimations().every((a) => a.playState === 'finished')"));
}

qint64 TestPagesKeyboard::rows(const QString& sql)
{
    QSqlQuery query(m_fixture.database().connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestPagesKeyboard::shoot(const QString& name)
{
    settled();
    m_chromium.screenshot(QStringLiteral("keyboard_") + name);
}

QString TestPagesKeyboard::expectVisibleFocus()
{
    settled();
    const FocusedElement focused = focusedElement(m_chromium);
    if (focused.description == QLatin1String("body") || !focused.focusVisible)
        return QStringLiteral("no visible focus: %1").arg(focused.description);
    const QImage withFocus = viewportImage(m_chromium);
    // Blurred for the comparison only: Chromium keeps the element as the starting point of
    // sequential navigation, so the next Tab goes on from here.
    m_chromium.evaluate(QStringLiteral("window.kbLast = document.activeElement; "
                                       "document.activeElement.blur()"));
    settled();
    const QImage withoutFocus = viewportImage(m_chromium);
    const int changed = pixelsChangedAtThreeToOne(withFocus, withoutFocus, focused.box);
    const int needed = qRound(4 * (focused.box.width() + focused.box.height()));
    ++m_stops;
    if (changed < needed) {
        const QString folder = qEnvironmentVariable("LATCHKEY_ARTIFACTS_DIR");
        if (!folder.isEmpty())
            withFocus.save(folder + QStringLiteral("/keyboard_faint_focus.png"));
        return QStringLiteral("%1: focus indicator too faint (%2 pixels change at 3:1, %3 "
                              "needed)")
            .arg(focused.description)
            .arg(changed)
            .arg(needed);
    }
    return {};
}

bool TestPagesKeyboard::tabUntil(const QString& condition, int maxStops)
{
    bool wrapped = false;
    for (int stop = 0; stop < maxStops; ++stop) {
        m_keyboard.tab();
        // Past the last control the focus leaves the page once (to the browser), then the
        // next Tab starts again at the top.
        if (!wrapped && m_chromium
                            .evaluate(QStringLiteral("document.activeElement === "
                                                     "document.body"))
                            .toBool()) {
            wrapped = true;
            continue;
        }
        const QString problem = expectVisibleFocus();
        if (!problem.isEmpty()) {
            qWarning("%s", qPrintable(problem));
            return false;
        }
        // The check above blurred it: the condition is about the element Tab reached.
        if (m_chromium.evaluate(QStringLiteral("((el) => %1)(window.kbLast)").arg(condition))
                .toBool()) {
            m_chromium.evaluate(QStringLiteral("window.kbLast.focus()"));
            return true;
        }
    }
    qWarning("not reached in %d stops: %s", maxStops, qPrintable(condition));
    return false;
}

void TestPagesKeyboard::skipLinkLeadsToTheContent()
{
    m_keyboard.tab();
    QVERIFY(m_chromium.evaluate(QStringLiteral("document.activeElement.className")).toString() ==
            QLatin1String("skip-link"));
    shoot(QStringLiteral("1_skip_link"));
    const QString problem = expectVisibleFocus();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_chromium.evaluate(QStringLiteral("window.kbLast.focus()"));
    m_keyboard.enter();
    QVERIFY(m_chromium.waitFor(QStringLiteral("document.activeElement.id === 'main'")));
    // From the content on, Tab goes to the page's first action, past the navigation.
    m_keyboard.tab();
    QCOMPARE(m_chromium.evaluate(QStringLiteral("document.activeElement.getAttribute('href')"))
                 .toString(),
             QStringLiteral("/register"));
}

void TestPagesKeyboard::homeToRegisterByKeyboard()
{
    // The page anew: every stop from its first one is checked.
    m_chromium.evaluate(QStringLiteral("location.assign('/')"));
    QVERIFY(m_chromium.waitFor(QStringLiteral("document.activeElement === document.body")));
    QVERIFY(arrivedAt(QStringLiteral("/")));
    QVERIFY(tabUntil(QStringLiteral("el.matches('.hero a[href$=\"/register\"]')")));
    shoot(QStringLiteral("2_home_create_focused"));
    m_keyboard.enter();
    QVERIFY(arrivedAt(QStringLiteral("/register")));
}

void TestPagesKeyboard::createProfileByKeyboard()
{
    QVERIFY(tabUntil(QStringLiteral("el.id === 'name'")));
    m_keyboard.type(QStringLiteral("Ada Lovelace"));
    QVERIFY(tabUntil(QStringLiteral("el.id === 'username'"), 1));
    m_keyboard.type(QStringLiteral("ada"));
    QVERIFY(tabUntil(QStringLiteral("el.id === 'email'"), 1));
    m_keyboard.type(QStringLiteral("ada@example.com"));
    shoot(QStringLiteral("3_register_filled"));
    m_keyboard.enter();
    QVERIFY(
        m_chromium.waitFor(QStringLiteral("!!document.querySelector('[data-passkey-register]')")));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM users WHERE username = 'ada' AND "
                                 "display_name = 'Ada Lovelace'")),
             1);
    // The new card has the focus, so the next Tab starts inside it.
    QVERIFY(m_chromium.evaluate(QStringLiteral("document.activeElement.matches('.done-card')"))
                .toBool());
    shoot(QStringLiteral("4_register_done"));
}

void TestPagesKeyboard::registerPasskeyByKeyboard()
{
    QVERIFY(!m_chromium.call(QStringLiteral("WebAuthn.enable"), {{"enableUI", false}})
                 .contains("error"));
    QVERIFY(m_chromium
                .call(QStringLiteral("WebAuthn.addVirtualAuthenticator"),
                      {{"options", QJsonObject{{"protocol", "ctap2"},
                                               {"transport", "internal"},
                                               {"hasResidentKey", true},
                                               {"hasUserVerification", true},
                                               {"isUserVerified", true},
                                               {"automaticPresenceSimulation", true}}}})
                .contains("result"));
    QVERIFY(tabUntil(QStringLiteral("el.id === 'passkey-nickname'")));
    m_keyboard.type(QStringLiteral("Laptop"));
    QVERIFY(tabUntil(QStringLiteral("el.matches('[data-passkey-register]')")));
    m_keyboard.enter();
    QVERIFY(arrivedAt(QStringLiteral("/profile")));
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('li.passkey')")));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials WHERE nickname = 'Laptop'")), 1);
    shoot(QStringLiteral("5_profile"));
}

void TestPagesKeyboard::everyControlOfTheProfileIsReachedWithAVisibleFocus_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::newRow("light") << QStringLiteral("light");
    QTest::newRow("dark") << QStringLiteral("dark");
}

void TestPagesKeyboard::everyControlOfTheProfileIsReachedWithAVisibleFocus()
{
    QFETCH(QString, scheme);
    m_chromium.call(QStringLiteral("Emulation.setEmulatedMedia"),
                    {{"features", QJsonArray{QJsonObject{{"name", "prefers-color-scheme"},
                                                         {"value", scheme}}}}});
    m_chromium.evaluate(QStringLiteral("window.beforeReload = true"));
    m_chromium.call(QStringLiteral("Page.reload"));
    QVERIFY(m_chromium.waitFor(QStringLiteral("window.beforeReload !== true")));
    QVERIFY(arrivedAt(QStringLiteral("/profile")));
    m_chromium.evaluate(QStringLiteral("window.kbReached = new Set()"));
    QStringList problems;
    for (int stop = 0; stop < 40; ++stop) {
        m_keyboard.tab();
        if (m_chromium.evaluate(QStringLiteral("window.kbReached.has(document.activeElement)"))
                .toBool())
            break; // round again
        if (m_chromium.evaluate(QStringLiteral("document.activeElement === document.body"))
                .toBool()) {
            if (stop > 0)
                break; // past the last one
            continue;
        }
        m_chromium.evaluate(QStringLiteral("window.kbReached.add(document.activeElement)"));
        const QString problem = expectVisibleFocus();
        if (!problem.isEmpty())
            problems.append(problem);
    }
    const QStringList missed = m_chromium
                                   .evaluate(QStringLiteral(R"([...document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]")]
  .filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0 &&
                  getComputedStyle(el).visibility !== "hidden" && !window.kbReached.has(el))
  .map((el) => el.outerHTML.slice(0, 80)))"))
                                   .toVariant()
                                   .toStringList();
    const int reached = m_chromium.evaluate(QStringLiteral("window.kbReached.size")).toInt();
    qInfo("%s: %d controls reached by Tab", qPrintable(scheme), reached);
    QVERIFY2(reached >= 10, qPrintable(QString::number(reached)));
    QVERIFY2(missed.isEmpty(), qPrintable(missed.join(QStringLiteral("\n"))));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n"))));
    m_chromium.call(QStringLiteral("Emulation.setEmulatedMedia"), {{"features", QJsonArray{}}});
}

void TestPagesKeyboard::escapeDismissesAToast()
{
    // Removing the last passkey without its confirmation: refused, with an error toast.
    m_chromium.evaluate(QStringLiteral("document.activeElement.blur(); window.scrollTo(0, 0)"));
    QVERIFY(tabUntil(QStringLiteral("el.matches('form[action$=remove] button')"), 40));
    m_keyboard.enter();
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('.toast-error')")));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 1);
    shoot(QStringLiteral("6_error_toast"));
    m_keyboard.escape();
    QVERIFY(m_chromium.waitFor(QStringLiteral("!document.querySelector('.toast-error')")));
}

void TestPagesKeyboard::signOutAndInByKeyboard()
{
    m_chromium.evaluate(QStringLiteral("document.activeElement.blur(); window.scrollTo(0, 0)"));
    QVERIFY(tabUntil(QStringLiteral("el.matches('.nav-button')")));
    m_keyboard.space();
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('[data-switch-user]') && "
                                              "document.readyState === 'complete'"),
                               15000));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM sessions WHERE user_id IS NOT NULL")), 0);
    QVERIFY(tabUntil(QStringLiteral("el.matches('form[data-passkey-signin] button')")));
    shoot(QStringLiteral("7_sign_in_focused"));
    m_keyboard.enter();
    QVERIFY(arrivedAt(QStringLiteral("/profile")));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM sessions WHERE user_id IS NOT NULL")), 1);
    shoot(QStringLiteral("8_signed_in_again"));
}

// The settings page from the navigation: a language picked with the arrow keys and saved.
void TestPagesKeyboard::languageChosenByKeyboard()
{
    QVERIFY(tabUntil(QStringLiteral("el.matches('a.nav-link[href$=\"/settings\"]')")));
    m_keyboard.enter();
    QVERIFY(arrivedAt(QStringLiteral("/settings")));
    QVERIFY(tabUntil(QStringLiteral("el.matches('input[name=language]')")));
    QCOMPARE(m_chromium.evaluate(QStringLiteral("document.activeElement.value")).toString(),
             QString()); // the system's language, chosen until now
    m_keyboard.down();
    m_keyboard.down();
    QCOMPARE(m_chromium.evaluate(QStringLiteral("document.activeElement.value")).toString(),
             QStringLiteral("de"));
    shoot(QStringLiteral("9_language_chosen"));
    QVERIFY(tabUntil(QStringLiteral("el.matches('form[data-language-form] button')")));
    m_keyboard.enter();
    QVERIFY(m_chromium.waitFor(QStringLiteral("document.body.innerText.includes('Deutsch') && "
                                              "!!document.querySelector('.toast-success')"),
                               15000));
    QCOMPARE(QSettings(m_fixture.settingsFile(), QSettings::IniFormat)
                 .value(QStringLiteral("app/language"))
                 .toString(),
             QStringLiteral("de"));
}

QTEST_MAIN(TestPagesKeyboard)
#include "test_pages_keyboard.moc"
