// The handler when the profile database really fails, over real HTTP on loopback: a second
// connection renames a table (every read of it fails, as on a damaged file) or holds the
// write lock. Each route answers 500 (503 when the database is busy) with the sentence
// "Latchkey could not read its profiles just now...", in the shape the route already uses,
// and writes nothing; a failed read is never taken for "no such profile", "unknown
// passkey" or "signed out".
#include "flow_browser.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUrl>
#include <QUuid>

using namespace latchkey;
using namespace latchkey::server::testing;

namespace {

const QString kReadFailed = QStringLiteral(
    "Latchkey could not read its profiles just now. Nothing was changed. Try again.");
const QString kBusy = QStringLiteral("Latchkey's profile database is busy: another program is "
                                     "using it. Nothing was changed. Try again in a moment.");

// A Qt SQL connection of the test's own to the server's file: another program, as far as
// the server can tell.
class OtherProgram {
public:
    explicit OtherProgram(const QString& path)
        : m_name(QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~OtherProgram()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    OtherProgram(const OtherProgram&) = delete;
    OtherProgram& operator=(const OtherProgram&) = delete;

    bool exec(const QString& statement) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(statement);
    }
    bool hideTable(const QString& table) const
    {
        return exec(QStringLiteral("ALTER TABLE %1 RENAME TO %1_hidden").arg(table));
    }
    bool restoreTable(const QString& table) const
    {
        return exec(QStringLiteral("ALTER TABLE %1_hidden RENAME TO %1").arg(table));
    }

private:
    QString m_name;
};

QByteArray formOf(const QList<QPair<QString, QString>>& fields)
{
    QByteArrayList parts;
    for (const auto& [name, value] : fields)
        parts.append(QUrl::toPercentEncoding(name) + "=" + QUrl::toPercentEncoding(value));
    return parts.join('&');
}

QJsonObject errorOf(const WireResponse& response)
{
    return jsonOf(response).value("error").toObject();
}

} // namespace

class TestStoreFailures : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void routesAnswer500AndWriteNothingWhenATableCannotBeRead_data();
    void routesAnswer500AndWriteNothingWhenATableCannotBeRead();
    void pagesAnswerAnErrorPageNotTheSignInRedirect();
    void failedSessionReadDoesNotSignOut();
    void takenNameIsNotReleasedWhenItsPasskeysCannotBeCounted();
    void signInOptionsAreNotDecoysWhenTheProfileCannotBeRead();
    void failedCredentialReadIsNotUnknownAndKeepsTheChallenge();
    void busyDatabaseAnswers503WithRetryAfter();

private:
    // Every row of every table, as text: equal snapshots mean nothing was written.
    QString snapshot() const;
    QString credentialIdOf(FlowBrowser& browser);
    void signedInProfile(FlowBrowser& browser, const QString& username);

    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<FlowBrowser> m_browser;
    std::unique_ptr<OtherProgram> m_other;
    QDateTime m_now;
};

void TestStoreFailures::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->errorString()));
    m_now = QDateTime::currentDateTimeUtc();
    m_fixture->server().setClock([this] { return m_now; });
    m_browser = std::make_unique<FlowBrowser>(*m_fixture);
    m_other = std::make_unique<OtherProgram>(m_fixture->databasePath());
}

void TestStoreFailures::cleanup()
{
    m_other.reset();
    m_browser.reset();
    m_fixture.reset();
}

QString TestStoreFailures::snapshot() const
{
    static const QStringList statements{
        QStringLiteral("SELECT id, uid, username, email, hex(user_handle) FROM users ORDER BY id"),
        QStringLiteral("SELECT id, user_id, hex(credential_id), sign_count, nickname, "
                       "last_used_at FROM credentials ORDER BY id"),
        QStringLiteral("SELECT id, hex(token_hash), user_id, last_seen_at, expires_at FROM "
                       "sessions ORDER BY id"),
        QStringLiteral("SELECT id, session_id, purpose, hex(challenge_hash) FROM challenges "
                       "ORDER BY id")};
    QStringList rows;
    for (const QString& statement : statements) {
        QSqlQuery query(m_fixture->database().connection());
        if (!query.exec(statement))
            return QStringLiteral("unreadable: ") + statement;
        while (query.next()) {
            QStringList columns;
            for (int i = 0; i < query.record().count(); ++i)
                columns.append(query.value(i).toString());
            rows.append(columns.join(QLatin1Char('|')));
        }
        rows.append(QStringLiteral("--"));
    }
    return rows.join(QLatin1Char('\n'));
}

QString TestStoreFailures::credentialIdOf(FlowBrowser& browser)
{
    const WireResponse page = browser.get("/profile");
    const qsizetype at = page.body.indexOf("data-passkey=\"");
    if (at < 0)
        return {};
    const qsizetype start = at + 14;
    return QString::fromLatin1(page.body.mid(start, page.body.indexOf('"', start) - start));
}

void TestStoreFailures::signedInProfile(FlowBrowser& browser, const QString& username)
{
    QVERIFY(browser.createProfile(username, username + QStringLiteral("@example.org")));
    QCOMPARE(browser.registerPasskey().status, 201);
}

void TestStoreFailures::routesAnswer500AndWriteNothingWhenATableCannotBeRead_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body"); // POST: form fields, or JSON for /api/
    QTest::addColumn<QString>("table");

    const QByteArray options = "/api/passkeys/authentication/options";
    QTest::newRow("profile page, sessions") << QByteArray("GET") << QByteArray("/profile")
                                            << QByteArray() << QStringLiteral("sessions");
    QTest::newRow("profile page, users")
        << QByteArray("GET") << QByteArray("/profile") << QByteArray() << QStringLiteral("users");
    QTest::newRow("profile page, credentials") << QByteArray("GET") << QByteArray("/profile")
                                               << QByteArray() << QStringLiteral("credentials");
    QTest::newRow("home, sessions")
        << QByteArray("GET") << QByteArray("/") << QByteArray() << QStringLiteral("sessions");
    QTest::newRow("sign-in page greeting, users")
        << QByteArray("GET") << QByteArray("/signin") << QByteArray() << QStringLiteral("users");
    QTest::newRow("registration options, credentials")
        << QByteArray("POST") << QByteArray("/api/passkeys/registration/options")
        << QByteArray("{}") << QStringLiteral("credentials");
    QTest::newRow("registration verify, sessions")
        << QByteArray("POST") << QByteArray("/api/passkeys/registration/verify") << QByteArray("{}")
        << QStringLiteral("sessions");
    QTest::newRow("sign-in options, users")
        << QByteArray("POST") << options << QByteArray(R"({"login":"ada"})")
        << QStringLiteral("users");
    QTest::newRow("sign-in options, credentials")
        << QByteArray("POST") << options << QByteArray(R"({"login":"ada"})")
        << QStringLiteral("credentials");
    QTest::newRow("sign-in options, sessions")
        << QByteArray("POST") << options << QByteArray("{}") << QStringLiteral("sessions");
    QTest::newRow("sign-in verify, sessions")
        << QByteArray("POST") << QByteArray("/api/passkeys/authentication/verify")
        << QByteArray("{}") << QStringLiteral("sessions");
    QTest::newRow("rename passkey, users")
        << QByteArray("POST") << QByteArray("/profile/passkeys/rename")
        << QByteArray("credential=CRED&nickname=Desk") << QStringLiteral("users");
    QTest::newRow("remove passkey, credentials")
        << QByteArray("POST") << QByteArray("/profile/passkeys/remove")
        << QByteArray("credential=CRED&confirm=remove-last-passkey")
        << QStringLiteral("credentials");
    QTest::newRow("delete profile, credentials")
        << QByteArray("POST") << QByteArray("/profile/delete") << QByteArray("confirm=ada")
        << QStringLiteral("credentials");
    QTest::newRow("sign out, sessions") << QByteArray("POST") << QByteArray("/signout")
                                        << QByteArray() << QStringLiteral("sessions");
}

// Signed in to "ada" with one passkey; the table is hidden; the request (JSON answer) must be
// a 500 with the store's code and sentence, and every table must be as it was.
void TestStoreFailures::routesAnswer500AndWriteNothingWhenATableCannotBeRead()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, table);
    signedInProfile(*m_browser, QStringLiteral("ada"));
    body.replace("CRED", credentialIdOf(*m_browser).toLatin1());
    const QByteArray cookie = m_browser->cookie("latchkey_session");
    const QString before = snapshot();

    QVERIFY(m_other->hideTable(table));
    Headers headers{{"Accept", "application/json"},
                    {"Cookie", "latchkey_session=" + cookie + "; latchkey_last_user=" +
                                   m_browser->cookie("latchkey_last_user")}};
    if (method == "POST")
        headers.append({"Content-Type", path.startsWith("/api/")
                                            ? QByteArray("application/json")
                                            : QByteArray("application/x-www-form-urlencoded")});
    const WireResponse response = m_fixture->sendGood(method, path, headers, body);
    QVERIFY(m_other->restoreTable(table));

    QCOMPARE(response.status, 500);
    QCOMPARE(errorOf(response).value("code").toString(), QStringLiteral("store_error"));
    QCOMPARE(errorOf(response).value("message").toString(), kReadFailed);
    QCOMPARE(jsonOf(response).value("ok").toBool(true), false);
    QVERIFY(response.headerValues("Set-Cookie").isEmpty());
    QCOMPARE(snapshot(), before);
    // Nothing was lost either: the same browser is still signed in to the same profile.
    QCOMPARE(m_browser->get("/profile").status, 200);
    QCOMPARE(m_browser->cookie("latchkey_session"), cookie);
}

// Without Accept: application/json the answer is the error page (status, heading and the
// sentence), not the sign-in redirect or the enrolment page a missing session would get.
void TestStoreFailures::pagesAnswerAnErrorPageNotTheSignInRedirect()
{
    signedInProfile(*m_browser, QStringLiteral("ada"));
    for (const QString& table :
         {QStringLiteral("sessions"), QStringLiteral("users"), QStringLiteral("credentials")}) {
        QVERIFY(m_other->hideTable(table));
        const WireResponse profile = m_browser->get("/profile");
        const WireResponse home = m_browser->get("/");
        QVERIFY(m_other->restoreTable(table));
        QCOMPARE(profile.status, 500);
        QVERIFY2(profile.body.contains(kReadFailed.toUtf8()), qPrintable(table));
        QVERIFY(profile.header("Location").isEmpty());
        QVERIFY(!profile.body.contains("action=\"/signout\""));
        QCOMPARE(home.status, 500);
        QVERIFY(home.body.contains(kReadFailed.toUtf8()));
    }
    const QByteArray form = formOf({{QStringLiteral("name"), QStringLiteral("Bob")},
                                    {QStringLiteral("username"), QStringLiteral("ada")},
                                    {QStringLiteral("email"), QStringLiteral("b@example.org")}});
    FlowBrowser other(*m_fixture);
    m_now = m_now.addSecs(13 * 3600);
    QVERIFY(m_other->hideTable(QStringLiteral("credentials")));
    const WireResponse registered = other.postForm("/register", form);
    QVERIFY(m_other->restoreTable(QStringLiteral("credentials")));
    QCOMPARE(registered.status, 500);
    QVERIFY(registered.body.contains(kReadFailed.toUtf8()));
    QVERIFY(registered.body.contains("Profile not created"));
}

// A session that cannot be read is not a missing one: sign-out is refused with 500 and the
// cookie is not cleared; once the database reads again the session is still live.
void TestStoreFailures::failedSessionReadDoesNotSignOut()
{
    signedInProfile(*m_browser, QStringLiteral("ada"));
    const QByteArray cookie = m_browser->cookie("latchkey_session");
    QVERIFY(m_other->hideTable(QStringLiteral("sessions")));
    const WireResponse plain = m_browser->postForm("/signout", {});
    const WireResponse json = m_browser->postForm("/signout", {}, true);
    QVERIFY(m_other->restoreTable(QStringLiteral("sessions")));
    QCOMPARE(plain.status, 500);
    QVERIFY(plain.body.contains(kReadFailed.toUtf8()));
    QCOMPARE(json.status, 500);
    QCOMPARE(errorOf(json).value("code").toString(), QStringLiteral("store_error"));
    QVERIFY(plain.headerValues("Set-Cookie").isEmpty());
    QVERIFY(json.headerValues("Set-Cookie").isEmpty());
    QCOMPARE(m_browser->cookie("latchkey_session"), cookie);
    QCOMPARE(m_browser->get("/profile").status, 200);
}

// The danger the old "count failed = 0 passkeys" hid: a taken username whose profile is older
// than the longest session looked unfinished, and POST /register deleted it with its passkeys.
void TestStoreFailures::takenNameIsNotReleasedWhenItsPasskeysCannotBeCounted()
{
    signedInProfile(*m_browser, QStringLiteral("ada"));
    m_now = m_now.addSecs(13 * 3600);
    const QString before = snapshot();
    FlowBrowser other(*m_fixture);
    QVERIFY(m_other->hideTable(QStringLiteral("credentials")));
    const WireResponse response =
        other.postForm("/register",
                       formOf({{QStringLiteral("name"), QStringLiteral("Impostor")},
                               {QStringLiteral("username"), QStringLiteral("ADA")},
                               {QStringLiteral("email"), QStringLiteral("x@example.org")}}),
                       true);
    QVERIFY(m_other->restoreTable(QStringLiteral("credentials")));
    QCOMPARE(response.status, 500);
    QCOMPARE(errorOf(response).value("message").toString(), kReadFailed);
    QCOMPARE(jsonOf(response).value("title").toString(), QStringLiteral("Profile not created"));
    QCOMPARE(snapshot(), before);
    QCOMPARE(m_fixture->userCount(), 1);
    // With the database readable the name is refused as taken: it has a passkey.
    QCOMPARE(other
                 .postForm("/register",
                           formOf({{QStringLiteral("name"), QStringLiteral("Impostor")},
                                   {QStringLiteral("username"), QStringLiteral("ADA")},
                                   {QStringLiteral("email"), QStringLiteral("x@example.org")}}),
                           true)
                 .status,
             409);
}

// Decoys are for logins that name no profile; a profile that could not be read gets a 500,
// and no session or challenge is written for it.
void TestStoreFailures::signInOptionsAreNotDecoysWhenTheProfileCannotBeRead()
{
    signedInProfile(*m_browser, QStringLiteral("ada"));
    FlowBrowser stranger(*m_fixture);
    const WireResponse real =
        stranger.postJson("/api/passkeys/authentication/options", QJsonObject{{"login", "ada"}});
    QCOMPARE(real.status, 200);
    stranger.forgetCookies();
    const QString before = snapshot();
    for (const QString& table : {QStringLiteral("users"), QStringLiteral("credentials")}) {
        QVERIFY(m_other->hideTable(table));
        const WireResponse failed = stranger.postJson("/api/passkeys/authentication/options",
                                                      QJsonObject{{"login", "ada"}});
        QVERIFY(m_other->restoreTable(table));
        QCOMPARE(failed.status, 500);
        QVERIFY2(!jsonOf(failed).contains("allowCredentials"), qPrintable(table));
        QCOMPARE(errorOf(failed).value("message").toString(), kReadFailed);
        QVERIFY(failed.headerValues("Set-Cookie").isEmpty());
        QCOMPARE(snapshot(), before);
    }
}

// The credential lookup at sign-in fails: 500, not 404 "not registered" (and no signal that
// would make the page tell the authenticator to delete a good passkey); the challenge is
// still pending, so the same assertion signs in once the database reads again.
void TestStoreFailures::failedCredentialReadIsNotUnknownAndKeepsTheChallenge()
{
    signedInProfile(*m_browser, QStringLiteral("ada"));
    QCOMPARE(m_browser->postForm("/signout", {}, true).status, 200);
    const WireResponse options =
        m_browser->postJson("/api/passkeys/authentication/options", QJsonObject{{"login", "ada"}});
    QCOMPARE(options.status, 200);
    const std::optional<QJsonObject> assertion = m_browser->get(jsonOf(options));
    QVERIFY(assertion.has_value());
    const QString before = snapshot();

    for (const QString& table : {QStringLiteral("credentials"), QStringLiteral("users")}) {
        QVERIFY(m_other->hideTable(table));
        const WireResponse failed =
            m_browser->postJson("/api/passkeys/authentication/verify", *assertion);
        QVERIFY(m_other->restoreTable(table));
        QCOMPARE(failed.status, 500);
        QCOMPARE(errorOf(failed).value("code").toString(), QStringLiteral("store_error"));
        QCOMPARE(errorOf(failed).value("message").toString(), kReadFailed);
        QVERIFY(!jsonOf(failed).contains("signal"));
        QCOMPARE(snapshot(), before);
    }
    const WireResponse signedIn =
        m_browser->postJson("/api/passkeys/authentication/verify", *assertion);
    QCOMPARE(signedIn.status, 200);
    QCOMPARE(m_browser->get("/profile").status, 200);
}

// Another program holding the write lock past the busy timeout: 503 with Retry-After, the
// busy sentence, nothing written; the same request works once the lock is gone.
void TestStoreFailures::busyDatabaseAnswers503WithRetryAfter()
{
    signedInProfile(*m_browser, QStringLiteral("ada"));
    QSqlQuery shorter(m_fixture->database().connection());
    QVERIFY(shorter.exec(QStringLiteral("PRAGMA busy_timeout = 50")));
    // Far enough on that the session's last_seen_at must be written on the next request.
    m_now = m_now.addSecs(2 * 60);
    const QString before = snapshot();
    FlowBrowser other(*m_fixture);
    const QByteArray form = "name=Bob&username=bob&email=bob@example.org";

    QVERIFY(m_other->exec(QStringLiteral("BEGIN IMMEDIATE")));
    const WireResponse registered = other.postForm("/register", form, true);
    const WireResponse page = other.postForm("/register", form);
    const WireResponse profile = m_browser->get("/profile");
    QVERIFY(m_other->exec(QStringLiteral("ROLLBACK")));

    QCOMPARE(registered.status, 503);
    QCOMPARE(registered.header("Retry-After"), QByteArray("1"));
    QCOMPARE(errorOf(registered).value("code").toString(), QStringLiteral("store_busy"));
    QCOMPARE(page.status, 503);
    QCOMPARE(profile.status, 503);
    QCOMPARE(profile.header("Retry-After"), QByteArray("1"));
    // The page escapes the apostrophe; the sentence after it is as written.
    QVERIFY(profile.body.contains(kBusy.mid(kBusy.indexOf(QLatin1String(" database"))).toUtf8()));
    QCOMPARE(errorOf(registered).value("message").toString(), kBusy);
    QCOMPARE(snapshot(), before);
    QCOMPARE(other.postForm("/register", form, true).status, 201);
    QCOMPARE(m_browser->get("/profile").status, 200);
}

QTEST_GUILESS_MAIN(TestStoreFailures)
#include "test_store_failures.moc"
