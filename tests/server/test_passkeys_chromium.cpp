// The passkey pages in Debian's Chromium (headless) with its virtual authenticator (CTAP2,
// internal, resident keys, user verification): create a profile, register a passkey, sign
// out, sign in username-first and usernameless, all through the pages' own script, then the
// rows in SQLite. A screenshot of each screen goes to LATCHKEY_ARTIFACTS_DIR.
#include "headless_chromium.h"
#include "server_fixture.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace latchkey::server::testing;

class TestPasskeysChromium : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void createProfile();
    void registerPasskey();
    void signOut();
    void signInUsernameFirst();
    void signInUsernameless();
    void rowsInSqlite();
    void renameInPlace();
    void removingTheLastPasskeyIsRefusedWithoutConfirmation();
    void deleteProfile();

private:
    bool arrivedAt(const QString& path);
    qint64 rows(const QString& sql);
    void shoot(const QString& name);

    ServerFixture m_fixture;
    HeadlessChromium m_chromium;
};

void TestPasskeysChromium::initTestCase()
{
    if (HeadlessChromium::executable().isEmpty())
        QSKIP("skipped: chromium not installed (packaging/install-deps.sh installs it)");
    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString()));
    QVERIFY2(m_chromium.start(m_fixture.server().createOneTimeUrl(QStringLiteral("/register"))),
             qPrintable(m_chromium.errorString()));
    QVERIFY(arrivedAt(QStringLiteral("/register")));
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
    QVERIFY2(added.value("result").toObject().contains("authenticatorId"),
             QJsonDocument(added).toJson().constData());
}

bool TestPasskeysChromium::arrivedAt(const QString& path)
{
    return m_chromium.waitFor(
        QStringLiteral("location.pathname === '%1' && document.readyState === 'complete' && "
                       "document.documentElement.classList.contains('js')")
            .arg(path),
        15000);
}

qint64 TestPasskeysChromium::rows(const QString& sql)
{
    QSqlQuery query(m_fixture.database().connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestPasskeysChromium::shoot(const QString& name)
{
    // Let toasts and focus settle so the picture shows what a person sees.
    QTest::qWait(400);
    const QString file = m_chromium.screenshot(QStringLiteral("flows_") + name);
    if (!file.isEmpty())
        qInfo("screenshot: %s", qPrintable(file));
}

void TestPasskeysChromium::createProfile()
{
    m_chromium.evaluate(fillScript(QStringLiteral("#name"), QStringLiteral("Ada Lovelace")));
    m_chromium.evaluate(fillScript(QStringLiteral("#username"), QStringLiteral("ada")));
    m_chromium.evaluate(fillScript(QStringLiteral("#email"), QStringLiteral("ada@example.com")));
    m_chromium.evaluate(QStringLiteral("document.querySelector('form').requestSubmit()"));
    QVERIFY(
        m_chromium.waitFor(QStringLiteral("!!document.querySelector('[data-passkey-register]')")));
    shoot(QStringLiteral("1_profile_created"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM users")), 1);
}

void TestPasskeysChromium::registerPasskey()
{
    m_chromium.evaluate(
        fillScript(QStringLiteral("[data-passkey-nickname]"), QStringLiteral("Chromium test")));
    m_chromium.evaluate(
        QStringLiteral("document.querySelector('[data-passkey-register]').click()"));
    QVERIFY2(arrivedAt(QStringLiteral("/profile")),
             qPrintable(m_chromium.evaluate(QStringLiteral("document.body.innerText")).toString()));
    QVERIFY(
        m_chromium.waitFor(QStringLiteral("document.body.innerText.includes('Chromium test')")));
    shoot(QStringLiteral("2_profile_with_passkey"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 1);
}

void TestPasskeysChromium::signOut()
{
    m_chromium.evaluate(QStringLiteral("document.querySelector('.nav-form').requestSubmit()"));
    QVERIFY(m_chromium.waitFor(
        QStringLiteral("location.pathname === '/signout' && "
                       "!!document.querySelector('[data-passkey-usernameless]')"),
        15000));
    shoot(QStringLiteral("3_signed_out"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM sessions WHERE user_id IS NOT NULL")), 0);
}

// The page greets the last profile; "Sign in" there is the username-first ceremony.
void TestPasskeysChromium::signInUsernameFirst()
{
    QVERIFY(m_chromium.evaluate(QStringLiteral("document.body.innerText"))
                .toString()
                .contains(QStringLiteral("Welcome back, Ada Lovelace.")));
    m_chromium.evaluate(
        QStringLiteral("document.querySelector('form[data-passkey-signin]').requestSubmit()"));
    QVERIFY2(arrivedAt(QStringLiteral("/profile")),
             qPrintable(m_chromium.evaluate(QStringLiteral("document.body.innerText")).toString()));
    shoot(QStringLiteral("4_signed_in_username_first"));
}

void TestPasskeysChromium::signInUsernameless()
{
    m_chromium.evaluate(QStringLiteral("document.querySelector('.nav-form').requestSubmit()"));
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('[data-switch-user]')"),
                               15000));
    m_chromium.evaluate(QStringLiteral("document.querySelector('[data-switch-user]').click()"));
    QVERIFY(arrivedAt(QStringLiteral("/signin")));
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('#login')")));
    shoot(QStringLiteral("5_signin_form"));
    m_chromium.evaluate(
        QStringLiteral("document.querySelector('[data-passkey-usernameless]').click()"));
    QVERIFY2(arrivedAt(QStringLiteral("/profile")),
             qPrintable(m_chromium.evaluate(QStringLiteral("document.body.innerText")).toString()));
    shoot(QStringLiteral("6_signed_in_usernameless"));
}

void TestPasskeysChromium::rowsInSqlite()
{
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM users")), 1);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 1);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials WHERE nickname = "
                                 "'Chromium test' AND last_used_at IS NOT NULL")),
             1);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM sessions WHERE user_id IS NOT NULL")), 1);
}

void TestPasskeysChromium::renameInPlace()
{
    m_chromium.evaluate(QStringLiteral("window.samePage = true"));
    m_chromium.evaluate(fillScript(QStringLiteral("form[action$=rename] input[name=nickname]"),
                                   QStringLiteral("Renamed in Chromium")));
    m_chromium.evaluate(
        QStringLiteral("document.querySelector('form[action$=rename]').requestSubmit()"));
    QVERIFY(m_chromium.waitFor(QStringLiteral(
        "document.querySelector('[data-passkey-nickname]').textContent === 'Renamed in "
        "Chromium'")));
    QVERIFY(m_chromium.evaluate(QStringLiteral("window.samePage === true")).toBool());
    shoot(QStringLiteral("7_renamed"));
    QCOMPARE(rows(QStringLiteral(
                 "SELECT count(*) FROM credentials WHERE nickname = 'Renamed in Chromium'")),
             1);
}

void TestPasskeysChromium::removingTheLastPasskeyIsRefusedWithoutConfirmation()
{
    m_chromium.evaluate(
        QStringLiteral("document.querySelector('form[action$=remove]').requestSubmit()"));
    QVERIFY(m_chromium.waitFor(QStringLiteral(
        "document.querySelector('[data-toast-region=assertive]').textContent.includes('only "
        "passkey')")));
    shoot(QStringLiteral("8_last_passkey_refused"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 1);
}

void TestPasskeysChromium::deleteProfile()
{
    m_chromium.evaluate(fillScript(QStringLiteral("#delete-confirm"), QStringLiteral("ada")));
    m_chromium.evaluate(
        QStringLiteral("document.querySelector('form[action$=delete]').requestSubmit()"));
    QVERIFY(arrivedAt(QStringLiteral("/")));
    shoot(QStringLiteral("9_deleted"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM users")), 0);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 0);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM sessions")), 0);
}

QTEST_MAIN(TestPasskeysChromium)
#include "test_passkeys_chromium.moc"
