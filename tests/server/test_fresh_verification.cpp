// Changes to what opens a profile need a passkey verified a few minutes ago, and removing a
// passkey signs out everyone else: a session cookie that was stolen (or left open) is then
// neither enough to add a passkey or remove one, nor still good after the owner removed a
// passkey. Real HTTP, real SQLite, Latchkey's own authenticator as the browsers'; the server's
// clock is moved forward instead of waiting.
#include "flow_browser.h"
#include "server/fresh_verification.h"
#include "server_fixture.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace latchkey::server;
using namespace latchkey::server::testing;

class TestFreshVerification : public QObject {
    Q_OBJECT

private slots:
    void init();
    void addingAPasskeyNeedsAFreshVerification();
    void removingAPasskeyNeedsAFreshVerification();
    void removingAPasskeyEndsEveryOtherSessionOfThatProfile();
    void theProfilePageOffersToConfirm();

private:
    qint64 rows(const QString& table);
    QByteArray firstCredentialId(FlowBrowser& browser);
    void advance(std::chrono::seconds by) { m_now = m_now.addSecs(by.count()); }

    std::unique_ptr<ServerFixture> m_fixture;
    QDateTime m_now;
};

void TestFreshVerification::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->errorString()));
    m_now = QDateTime::currentDateTimeUtc();
    m_fixture->server().setClock([this] { return m_now; });
}

qint64 TestFreshVerification::rows(const QString& table)
{
    QSqlQuery query(m_fixture->database().connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// The id of the profile's first passkey, as the profile page's remove form carries it.
QByteArray TestFreshVerification::firstCredentialId(FlowBrowser& browser)
{
    const QByteArray page = browser.get("/profile").body;
    const QByteArray marker = "name=\"credential\" value=\"";
    const qsizetype at = page.indexOf(marker);
    if (at < 0)
        return {};
    const qsizetype start = at + marker.size();
    return page.mid(start, page.indexOf('"', start) - start);
}

void TestFreshVerification::addingAPasskeyNeedsAFreshVerification()
{
    FlowBrowser ada(*m_fixture);
    QVERIFY(ada.createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    QCOMPARE(ada.registerPasskey(QStringLiteral("first")).status, 201);
    // Verified 4 minutes ago (the registration itself): still fresh.
    advance(std::chrono::minutes(4));
    ada.switchAuthenticator(); // a second device: the first one holds a passkey already
    QCOMPARE(ada.registerPasskey(QStringLiteral("second")).status, 201);
    // 6 minutes after the last verification: the session alone is not enough.
    advance(std::chrono::minutes(6));
    const WireResponse stale = ada.registerPasskey(QStringLiteral("third"));
    QCOMPARE(stale.status, 403);
    const QJsonObject error = jsonOf(stale).value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("verification_needed"));
    QVERIFY(error.value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("Confirm it's you")));
    QCOMPARE(rows(QStringLiteral("credentials")), 2);
    QCOMPARE(rows(QStringLiteral("challenges")), 0);
    // Signing in again with a passkey is the fresh verification.
    QCOMPARE(ada.signIn(QStringLiteral("ada")).status, 200);
    ada.switchAuthenticator();
    QCOMPARE(ada.registerPasskey(QStringLiteral("third")).status, 201);
    QCOMPARE(rows(QStringLiteral("credentials")), 3);
}

void TestFreshVerification::removingAPasskeyNeedsAFreshVerification()
{
    FlowBrowser ada(*m_fixture);
    QVERIFY(ada.createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    QCOMPARE(ada.registerPasskey(QStringLiteral("first")).status, 201);
    ada.switchAuthenticator();
    QCOMPARE(ada.registerPasskey(QStringLiteral("second")).status, 201);
    const QByteArray id = firstCredentialId(ada);
    QVERIFY(!id.isEmpty());
    advance(std::chrono::minutes(6));
    const WireResponse stale =
        ada.postForm("/profile/passkeys/remove", "credential=" + id, /*json=*/true);
    QCOMPARE(stale.status, 403);
    QCOMPARE(jsonOf(stale)
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("verification_needed"));
    QCOMPARE(rows(QStringLiteral("credentials")), 2);
    // The plain form (no script) gets the same refusal as a page.
    const WireResponse page = ada.postForm("/profile/passkeys/remove", "credential=" + id);
    QCOMPARE(page.status, 403);
    QVERIFY(page.body.contains("To change the passkeys of this profile"));
    QCOMPARE(rows(QStringLiteral("credentials")), 2);
    QCOMPARE(ada.signIn(QStringLiteral("ada")).status, 200);
    QCOMPARE(ada.postForm("/profile/passkeys/remove", "credential=" + id, true).status, 200);
    QCOMPARE(rows(QStringLiteral("credentials")), 1);
}

// A session cookie copied from the owner's browser (the thief's) survives the owner signing in
// elsewhere; removing a passkey ends it, and only the session that removed it stays.
void TestFreshVerification::removingAPasskeyEndsEveryOtherSessionOfThatProfile()
{
    FlowBrowser ada(*m_fixture);
    QVERIFY(ada.createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    QCOMPARE(ada.registerPasskey(QStringLiteral("laptop")).status, 201);
    const QByteArray laptopKey = firstCredentialId(ada);
    ada.switchAuthenticator();
    QCOMPARE(ada.registerPasskey(QStringLiteral("phone")).status, 201);
    FlowBrowser thief(*m_fixture);
    thief.setCookie(Sessions::sessionCookieName(), ada.cookie(Sessions::sessionCookieName()));
    QCOMPARE(thief.get("/profile").status, 200);

    ada.forgetCookies();
    QCOMPARE(ada.signIn(QStringLiteral("ada")).status, 200);
    QCOMPARE(rows(QStringLiteral("sessions")), 2);
    QCOMPARE(ada.postForm("/profile/passkeys/remove", "credential=" + laptopKey, true).status, 200);
    QCOMPARE(rows(QStringLiteral("credentials")), 1);
    QCOMPARE(rows(QStringLiteral("sessions")), 1);
    const WireResponse afterwards = thief.get("/profile");
    QCOMPARE(afterwards.status, 303);
    QVERIFY(afterwards.header("Location").endsWith("/signin"));
    QCOMPARE(ada.get("/profile").status, 200);
}

void TestFreshVerification::theProfilePageOffersToConfirm()
{
    FlowBrowser ada(*m_fixture);
    QVERIFY(ada.createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    QCOMPARE(ada.registerPasskey(QStringLiteral("first")).status, 201);
    const QByteArray page = ada.get("/profile").body;
    QVERIFY(page.contains("data-passkey-confirm data-login=\"ada\""));
    QVERIFY(page.contains("used in the last 5 minutes"));
}

QTEST_GUILESS_MAIN(TestFreshVerification)
#include "test_fresh_verification.moc"
