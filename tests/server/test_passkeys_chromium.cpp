// The passkey pages in Debian's Chromium (headless) with its virtual authenticator (CTAP2,
// internal, resident keys, user verification): create a profile, register a passkey, sign
// out, sign in username-first and usernameless, all through the pages' own script, then the
// rows in SQLite. Then a second passkey from a second virtual authenticator (one authenticator
// holds one passkey per profile, as excludeCredentials says), sign-in with it, rename, remove
// one of two, the last one's confirmation, and deleting the profile, whose passkey then leaves
// the authenticator through the Signal API when this Chromium has it. A screenshot of each
// screen goes to LATCHKEY_ARTIFACTS_DIR.
#include "headless_chromium.h"
#include "server_fixture.h"

#include <QJsonArray>
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
    void secondPasskeyComesFromASecondAuthenticator();
    void signInWithTheSecondAuthenticator();
    void renameTheSecondPasskey();
    void removingOneOfTwoNeedsNoConfirmation();
    void removingTheLastPasskeyIsRefusedWithoutConfirmation();
    void deleteProfile();

private:
    bool arrivedAt(const QString& path);
    qint64 rows(const QString& sql);
    void shoot(const QString& name);
    QString addAuthenticator(const QJsonObject& options);
    int credentialsOn(const QString& authenticatorId);
    QString pageText();
    // A statement on the passkey row whose name contains nickname (row is the <li>).
    QString onRow(const QString& nickname, const QString& statement) const;
    bool hasSignalApi();

    ServerFixture m_fixture;
    HeadlessChromium m_chromium;
    QString m_internal;    // authenticator A: this computer's (internal)
    QString m_securityKey; // authenticator B: a USB security key
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
    m_internal = addAuthenticator({{"protocol", "ctap2"},
                                   {"transport", "internal"},
                                   {"hasResidentKey", true},
                                   {"hasUserVerification", true},
                                   {"isUserVerified", true},
                                   {"automaticPresenceSimulation", true}});
    QVERIFY(!m_internal.isEmpty());
}

QString TestPasskeysChromium::addAuthenticator(const QJsonObject& options)
{
    const QJsonObject added =
        m_chromium.call(QStringLiteral("WebAuthn.addVirtualAuthenticator"), {{"options", options}});
    const QString id = added.value("result").toObject().value("authenticatorId").toString();
    if (id.isEmpty())
        qWarning("addVirtualAuthenticator: %s", QJsonDocument(added).toJson().constData());
    return id;
}

// Credentials the virtual authenticator holds; -1 when it cannot be asked.
int TestPasskeysChromium::credentialsOn(const QString& authenticatorId)
{
    const QJsonObject answer = m_chromium.call(QStringLiteral("WebAuthn.getCredentials"),
                                               {{"authenticatorId", authenticatorId}});
    if (!answer.contains("result"))
        return -1;
    return int(answer.value("result").toObject().value("credentials").toArray().size());
}

QString TestPasskeysChromium::pageText()
{
    return m_chromium.evaluate(QStringLiteral("document.body.innerText")).toString();
}

QString TestPasskeysChromium::onRow(const QString& nickname, const QString& statement) const
{
    return QStringLiteral("(() => { const row = [...document.querySelectorAll('li.passkey')]"
                          ".find((li) => li.querySelector('[data-passkey-nickname]')"
                          ".textContent === %1); %2 })()")
        .arg(QString::fromUtf8(QJsonDocument(QJsonArray{nickname}).toJson(QJsonDocument::Compact))
                 .mid(1)
                 .chopped(1),
             statement);
}

// WebAuthn L3 Signal API (Chromium 132 and later).
bool TestPasskeysChromium::hasSignalApi()
{
    return m_chromium
        .evaluate(QStringLiteral("typeof PublicKeyCredential.signalUnknownCredential === "
                                 "'function'"))
        .toBool();
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

// One authenticator holds one passkey per profile (the page lists A's in excludeCredentials):
// the second comes from B, a USB security key, while A is gone (its laptop is elsewhere).
void TestPasskeysChromium::secondPasskeyComesFromASecondAuthenticator()
{
    m_securityKey = addAuthenticator({{"protocol", "ctap2"},
                                      {"transport", "usb"},
                                      {"hasResidentKey", true},
                                      {"hasUserVerification", true},
                                      {"isUserVerified", true},
                                      {"automaticPresenceSimulation", true}});
    QVERIFY(!m_securityKey.isEmpty());
    QCOMPARE(credentialsOn(m_internal), 1);
    QVERIFY(!m_chromium
                 .call(QStringLiteral("WebAuthn.removeVirtualAuthenticator"),
                       {{"authenticatorId", m_internal}})
                 .contains("error"));
    m_chromium.evaluate(
        fillScript(QStringLiteral("input#passkey-nickname"), QStringLiteral("Security key")));
    m_chromium.evaluate(
        QStringLiteral("document.querySelector('[data-passkey-register]').click()"));
    QVERIFY2(m_chromium.waitFor(
                 QStringLiteral("document.querySelectorAll('li.passkey').length === 2"), 15000),
             qPrintable(pageText()));
    QVERIFY(m_chromium.waitFor(QStringLiteral("document.body.innerText.includes('Security key')")));
    m_chromium.evaluate(QStringLiteral("window.scrollTo(0, 0)"));
    shoot(QStringLiteral("8a_profile_two_passkeys"));
    m_chromium.evaluate(QStringLiteral(
        "document.querySelectorAll('li.passkey')[1].scrollIntoView({block: 'center'})"));
    shoot(QStringLiteral("8b_profile_two_passkeys_second_row"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 2);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials WHERE nickname = "
                                 "'Security key'")),
             1);
    QCOMPARE(credentialsOn(m_securityKey), 1);
}

void TestPasskeysChromium::signInWithTheSecondAuthenticator()
{
    m_chromium.evaluate(QStringLiteral("document.querySelector('.nav-form').requestSubmit()"));
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('[data-switch-user]')"),
                               15000));
    m_chromium.evaluate(QStringLiteral("document.querySelector('[data-switch-user]').click()"));
    QVERIFY(arrivedAt(QStringLiteral("/signin")));
    QVERIFY(m_chromium.waitFor(QStringLiteral("!!document.querySelector('#login')")));
    m_chromium.evaluate(
        QStringLiteral("document.querySelector('[data-passkey-usernameless]').click()"));
    QVERIFY2(arrivedAt(QStringLiteral("/profile")), qPrintable(pageText()));
    shoot(QStringLiteral("8c_signed_in_with_security_key"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials WHERE nickname = "
                                 "'Security key' AND last_used_at IS NOT NULL")),
             1);
}

void TestPasskeysChromium::renameTheSecondPasskey()
{
    m_chromium.evaluate(onRow(QStringLiteral("Security key"),
                              QStringLiteral("row.querySelector('input[name=nickname]').value = "
                                             "'Blue key'; row.querySelector('form[action$=rename]')"
                                             ".requestSubmit();")));
    QVERIFY2(m_chromium.waitFor(QStringLiteral(
                 "[...document.querySelectorAll('[data-passkey-nickname]')].some((p) => "
                 "p.textContent === 'Blue key')")),
             qPrintable(pageText()));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials WHERE nickname = 'Blue key'")),
             1);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 2);
}

// Not the last: removed at once, no confirmation box.
void TestPasskeysChromium::removingOneOfTwoNeedsNoConfirmation()
{
    QVERIFY(
        !m_chromium
             .evaluate(onRow(QStringLiteral("Renamed in Chromium"),
                             QStringLiteral("return !!row.querySelector('input[name=confirm]');")))
             .toBool());
    m_chromium.evaluate(
        onRow(QStringLiteral("Renamed in Chromium"),
              QStringLiteral("row.querySelector('form[action$=remove]').requestSubmit();")));
    QVERIFY2(
        m_chromium.waitFor(QStringLiteral("document.querySelectorAll('li.passkey').length === 1")),
        qPrintable(pageText()));
    shoot(QStringLiteral("8d_one_of_two_removed"));
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials")), 1);
    QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM credentials WHERE nickname = 'Blue key'")),
             1);
    // The key still accepted stays on its authenticator whatever the Signal API did.
    QCOMPARE(credentialsOn(m_securityKey), 1);
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
    // The page passed the answer's signal on: a Chromium with the Signal API drops the passkey
    // from the security key; one without it keeps it, as any browser would.
    if (hasSignalApi())
        QTRY_COMPARE_WITH_TIMEOUT(credentialsOn(m_securityKey), 0, 5000);
    else
        QCOMPARE(credentialsOn(m_securityKey), 1);
    qInfo("Signal API in this Chromium: %s", hasSignalApi() ? "yes" : "no");
}

QTEST_MAIN(TestPasskeysChromium)
#include "test_passkeys_chromium.moc"
