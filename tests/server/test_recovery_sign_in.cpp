// A recovery sign-in (store::SessionStore::startRecovery, what a recovery code or an emailed
// link grants) allows one step: registering a new passkey for its profile, and removing the
// passkeys the person lost. Nothing else; it ends with that registration or after 15 minutes.
// Real HTTP, real SQLite, Latchkey's own authenticator as the browser's; the session is granted
// through the store API the recovery routes call, and the server's clock is moved forward.
#include "flow_browser.h"
#include "server/sessions.h"
#include "server_fixture.h"
#include "store/session_store.h"
#include "store/user_store.h"
#include "store_test_support.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace latchkey;
using namespace latchkey::server;
using namespace latchkey::server::testing;

class TestRecoverySignIn : public QObject {
    Q_OBJECT

private slots:
    void init();
    void theRecoveryPageOffersOnlyTheOneStep();
    void aRecoverySignInCannotEditTheProfile();
    void aRecoverySignInRemovesLostPasskeysAndSignsTheirSessionsOut();
    void registeringANewPasskeyEndsTheRecoveryAndSignsIn();
    void aRecoverySignInEndsAfterFifteenMinutes();
    void homeAndSignOutWorkAsForAnySession();

private:
    // ada with one passkey ("lost laptop") on a device she no longer has; her browser holds
    // no cookie and a new authenticator.
    void adaLosesHerPasskey(FlowBrowser& ada);
    // What the email link or a recovery code does once it proved the profile.
    void grantRecovery(FlowBrowser& browser, const QString& login);
    QString errorCode(const WireResponse& response) const;
    QByteArray dump() const { return store::testing::dumpOf(m_fixture->databasePath()); }
    qint64 rows(const QString& table);
    QByteArray firstCredentialId(FlowBrowser& browser);

    std::unique_ptr<ServerFixture> m_fixture;
    QDateTime m_now;
};

void TestRecoverySignIn::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->errorString()));
    m_now = QDateTime::currentDateTimeUtc();
    m_fixture->server().setClock([this] { return m_now; });
}

qint64 TestRecoverySignIn::rows(const QString& table)
{
    QSqlQuery query(m_fixture->database().connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QString TestRecoverySignIn::errorCode(const WireResponse& response) const
{
    return jsonOf(response)
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

QByteArray TestRecoverySignIn::firstCredentialId(FlowBrowser& browser)
{
    const QByteArray page = browser.get("/profile").body;
    const QByteArray marker = "name=\"credential\" value=\"";
    const qsizetype at = page.indexOf(marker);
    if (at < 0)
        return {};
    const qsizetype start = at + marker.size();
    return page.mid(start, page.indexOf('"', start) - start);
}

void TestRecoverySignIn::adaLosesHerPasskey(FlowBrowser& ada)
{
    QVERIFY(ada.createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    QCOMPARE(ada.registerPasskey(QStringLiteral("lost laptop")).status, 201);
    ada.forgetCookies();
    ada.switchAuthenticator();
}

void TestRecoverySignIn::grantRecovery(FlowBrowser& browser, const QString& login)
{
    const auto user = store::UserStore(m_fixture->database()).findByLogin(login);
    QVERIFY(user.ok() && user->has_value());
    const auto issued =
        store::SessionStore(m_fixture->database())
            .startRecovery((*user)->id, m_now,
                           [](QSqlDatabase) -> store::StoreResult<void> { return {}; });
    QVERIFY(issued.ok());
    browser.setCookie(Sessions::sessionCookieName(), issued->token.toBase64Url());
}

void TestRecoverySignIn::theRecoveryPageOffersOnlyTheOneStep()
{
    FlowBrowser ada(*m_fixture);
    adaLosesHerPasskey(ada);
    grantRecovery(ada, QStringLiteral("ada"));
    const WireResponse page = ada.get("/profile");
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("data-recovery"));
    QVERIFY(page.body.contains("data-passkey-register"));
    QVERIFY(page.body.contains("/profile/passkeys/remove"));
    QVERIFY(page.body.contains("lost laptop"));
    QVERIFY(page.body.contains("allows one thing"));
    // No other action of the profile page is offered.
    QVERIFY(!page.body.contains("/profile/passkeys/rename"));
    QVERIFY(!page.body.contains("/profile/delete"));
    QVERIFY(!page.body.contains("data-passkey-confirm"));
}

void TestRecoverySignIn::aRecoverySignInCannotEditTheProfile()
{
    FlowBrowser ada(*m_fixture);
    adaLosesHerPasskey(ada);
    grantRecovery(ada, QStringLiteral("ada"));
    const QByteArray id = firstCredentialId(ada);
    QVERIFY(!id.isEmpty());
    const QByteArray before = dump();
    const WireResponse rename =
        ada.postForm("/profile/passkeys/rename", "credential=" + id + "&nickname=mine", true);
    QCOMPARE(rename.status, 403);
    QCOMPARE(errorCode(rename), QStringLiteral("recovery_only"));
    const WireResponse renamePage =
        ada.postForm("/profile/passkeys/rename", "credential=" + id + "&nickname=mine");
    QCOMPARE(renamePage.status, 403);
    QVERIFY(renamePage.body.contains("only lets you register a new passkey"));
    const WireResponse remove = ada.postForm("/profile/delete", "confirm=ada", true);
    QCOMPARE(remove.status, 403);
    QCOMPARE(errorCode(remove), QStringLiteral("recovery_only"));
    QCOMPARE(ada.postForm("/profile/delete", "confirm=ada").status, 403);
    QCOMPARE(dump(), before);
    QCOMPARE(rows(QStringLiteral("users")), 1);
}

void TestRecoverySignIn::aRecoverySignInRemovesLostPasskeysAndSignsTheirSessionsOut()
{
    FlowBrowser ada(*m_fixture);
    QVERIFY(ada.createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    QCOMPARE(ada.registerPasskey(QStringLiteral("stolen laptop")).status, 201);
    // Whoever has the laptop is signed in there.
    FlowBrowser thief(*m_fixture);
    thief.setCookie(Sessions::sessionCookieName(), ada.cookie(Sessions::sessionCookieName()));
    ada.forgetCookies();
    ada.switchAuthenticator();
    grantRecovery(ada, QStringLiteral("ada"));
    // Long past any "Confirm it's you" window of the laptop's session: not needed here.
    m_now = m_now.addSecs(6 * 60);
    const QByteArray id = firstCredentialId(ada);
    const WireResponse refused = ada.postForm("/profile/passkeys/remove", "credential=" + id, true);
    QCOMPARE(refused.status, 409); // the only passkey: its confirmation is still needed
    QCOMPARE(errorCode(refused), QStringLiteral("last_passkey"));
    QCOMPARE(rows(QStringLiteral("credentials")), 1);
    const WireResponse removed = ada.postForm(
        "/profile/passkeys/remove", "credential=" + id + "&confirm=remove-last-passkey", true);
    QCOMPARE(removed.status, 200);
    QCOMPARE(rows(QStringLiteral("credentials")), 0);
    QCOMPARE(thief.get("/profile").status, 303);
    // Still a recovery sign-in: the page offers the new passkey, and says none is left.
    const WireResponse page = ada.get("/profile");
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("data-recovery"));
    QVERIFY(page.body.contains("no passkey left"));
    QCOMPARE(ada.registerPasskey(QStringLiteral("new phone")).status, 201);
    QCOMPARE(rows(QStringLiteral("credentials")), 1);
}

void TestRecoverySignIn::registeringANewPasskeyEndsTheRecoveryAndSignsIn()
{
    FlowBrowser ada(*m_fixture);
    adaLosesHerPasskey(ada);
    grantRecovery(ada, QStringLiteral("ada"));
    const QByteArray recoveryCookie = ada.cookie(Sessions::sessionCookieName());
    // No "Confirm it's you" first: the recovery itself was the proof.
    const WireResponse registered = ada.registerPasskey(QStringLiteral("new phone"));
    QCOMPARE(registered.status, 201);
    QCOMPARE(rows(QStringLiteral("credentials")), 2);
    QVERIFY(ada.cookie(Sessions::sessionCookieName()) != recoveryCookie);
    // Now an ordinary sign-in: the whole profile page, whose actions work.
    const WireResponse profile = ada.get("/profile");
    QCOMPARE(profile.status, 200);
    QVERIFY(!profile.body.contains("data-recovery"));
    QVERIFY(profile.body.contains("/profile/delete"));
    QCOMPARE(ada.postForm("/profile/passkeys/rename",
                          "credential=" + firstCredentialId(ada) + "&nickname=old", true)
                 .status,
             200);
    // The lost laptop's session and this one: the recovery session is gone.
    QCOMPARE(rows(QStringLiteral("sessions")), 2);
    // The recovery cookie is worthless, and cannot register a second passkey.
    FlowBrowser replay(*m_fixture);
    replay.setCookie(Sessions::sessionCookieName(), recoveryCookie);
    QCOMPARE(replay.get("/profile").status, 303);
    QCOMPARE(replay.postJson("/api/passkeys/registration/options", {}).status, 401);
    // After signing out, the new passkey signs in.
    QCOMPARE(ada.postForm("/signout", {}, true).status, 200);
    QCOMPARE(ada.signIn(QStringLiteral("ada")).status, 200);
    QCOMPARE(ada.get("/profile").status, 200);
}

void TestRecoverySignIn::aRecoverySignInEndsAfterFifteenMinutes()
{
    FlowBrowser ada(*m_fixture);
    adaLosesHerPasskey(ada);
    grantRecovery(ada, QStringLiteral("ada"));
    m_now = m_now.addSecs(9 * 60);
    QCOMPARE(ada.get("/profile").status, 200); // activity keeps it within its 15 minutes
    m_now = m_now.addSecs(6 * 60);
    const WireResponse page = ada.get("/profile");
    QCOMPARE(page.status, 303);
    QVERIFY(page.header("Location").endsWith("/signin"));
    const QByteArray before = dump();
    const WireResponse options = ada.postJson("/api/passkeys/registration/options", {});
    QCOMPARE(options.status, 401);
    QCOMPARE(dump(), before);
}

void TestRecoverySignIn::homeAndSignOutWorkAsForAnySession()
{
    FlowBrowser ada(*m_fixture);
    adaLosesHerPasskey(ada);
    grantRecovery(ada, QStringLiteral("ada"));
    const WireResponse home = ada.get("/");
    QCOMPARE(home.status, 200);
    QVERIFY(home.body.contains("/signout"));
    const qint64 sessions = rows(QStringLiteral("sessions"));
    QCOMPARE(ada.postForm("/signout", {}, true).status, 200);
    QCOMPARE(rows(QStringLiteral("sessions")), sessions - 1);
    QCOMPARE(ada.get("/profile").status, 303);
}

QTEST_GUILESS_MAIN(TestRecoverySignIn)
#include "test_recovery_sign_in.moc"
