// The passkey flows over real HTTP on loopback with real SQLite: a browser with Latchkey's
// own authenticator creates a profile, registers a passkey, signs out and in (username-first
// and usernameless), manages its passkeys and deletes the profile. Then every refusal: its
// status, its code, and nothing written.
#include "flow_browser.h"
#include "server/profile_pages.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>
#include <algorithm>

using namespace latchkey;
using namespace latchkey::server::testing;

namespace {

QByteArray formOf(const QList<QPair<QString, QString>>& fields)
{
    QByteArrayList parts;
    for (const auto& [name, value] : fields)
        parts.append(QUrl::toPercentEncoding(name) + "=" + QUrl::toPercentEncoding(value));
    return parts.join('&');
}

QString errorCodeOf(const WireResponse& response)
{
    return jsonOf(response).value("error").toObject().value("code").toString();
}

} // namespace

class TestPasskeyFlows : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void journeyFromProfileToDeletion();
    void registrationOptionsFollowThePolicy();
    void presenceOnlyUserVerificationIsPreferredAndAPasskeyWithoutUvWorks();
    void sessionCookieIsHttpOnlyStrictWithoutMaxAge();
    void sessionIdIsRotatedAtSignIn();
    void signOutRemovesTheSessionServerSide();
    void lastUserIsRememberedUntilSwitchUser();
    void enrolmentSessionOnlyRegistersAPasskey();
    void badInputIsRefusedAndWritesNothing_data();
    void badInputIsRefusedAndWritesNothing();
    void replayedChallengeIsRefused();
    void expiredChallengeIsRefused();
    void mismatchedChallengeSpendsThePendingOne();
    void mismatchedSignInChallengeSpendsThePendingOne();
    void counterGoingBackwardsIsRefused();
    void credentialOfAnotherProfileIsRefusedInUsernameFirst();
    void unknownCredentialIsRefused();
    void unknownLoginGetsStableDecoyOptions();
    void unknownCredentialAnswerSignalsItsId();
    void removedPasskeyIsSignalledWithThePasskeysLeft();
    void deletedProfileSignalsAllItsPasskeys();
    void removingTheLastPasskeyNeedsConfirmation();
    void signInTakesMilliseconds();
    void credentialMadeForAnotherOriginIsRefused();
    void expiredSessionsArePurgedWhenANewOneStarts();
    void unfinishedProfileIsReleasedAfterTheLongestSession();

private:
    qint64 rows(const QString& sql) const;
    QString credentialIdOf(FlowBrowser& browser);
    // A profile with one passkey, signed in, in m_browser.
    void signedInProfile(const QString& username = QStringLiteral("ada"));

    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<FlowBrowser> m_browser;
    QDateTime m_now;
};

void TestPasskeyFlows::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->errorString()));
    m_now = QDateTime::currentDateTimeUtc();
    m_fixture->server().setClock([this] { return m_now; });
    m_browser = std::make_unique<FlowBrowser>(*m_fixture);
}

void TestPasskeyFlows::cleanup()
{
    m_browser.reset();
    m_fixture.reset();
}

qint64 TestPasskeyFlows::rows(const QString& sql) const
{
    QSqlQuery query(m_fixture->database().connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QString TestPasskeyFlows::credentialIdOf(FlowBrowser& browser)
{
    const WireResponse page = browser.get("/profile");
    const qsizetype at = page.body.indexOf("data-passkey=\"");
    if (at < 0)
        return {};
    const qsizetype start = at + 14;
    return QString::fromLatin1(page.body.mid(start, page.body.indexOf('"', start) - start));
}

void TestPasskeyFlows::signedInProfile(const QString& username)
{
    QVERIFY(m_browser->createProfile(username, username + QStringLiteral("@example.org")));
    const WireResponse registered = m_browser->registerPasskey();
    QCOMPARE(registered.status, 201);
}

void TestPasskeyFlows::journeyFromProfileToDeletion()
{
    FlowBrowser& browser = *m_browser;
    QVERIFY(browser.createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    QVERIFY(!browser.cookie("latchkey_session").isEmpty());

    const WireResponse registered = browser.registerPasskey(QStringLiteral("Work laptop"));
    QCOMPARE(registered.status, 201);
    QCOMPARE(jsonOf(registered).value("redirect").toString(), QStringLiteral("/profile"));
    QCOMPARE(rows("SELECT count(*) FROM credentials"), 1);
    const qint64 registeredCount = rows("SELECT sign_count FROM credentials");

    WireResponse profile = browser.get("/profile");
    QCOMPARE(profile.status, 200);
    QVERIFY(profile.body.contains("ada@example.org"));
    QVERIFY(profile.body.contains("Work laptop"));
    QVERIFY(profile.body.contains("Latchkey on this computer"));

    QVERIFY(browser.get("/").body.contains("action=\"/signout\""));
    QCOMPARE(browser.postForm("/signout", {}, true).status, 200);
    QVERIFY(browser.cookie("latchkey_session").isEmpty());
    QVERIFY(!browser.get("/").body.contains("action=\"/signout\""));
    QCOMPARE(browser.get("/profile").status, 303);

    const WireResponse usernameFirst = browser.signIn(QStringLiteral("ADA"));
    QCOMPARE(usernameFirst.status, 200);
    QCOMPARE(jsonOf(usernameFirst).value("redirect").toString(), QStringLiteral("/profile"));
    QCOMPARE(browser.get("/profile").status, 200);
    QVERIFY(rows("SELECT sign_count FROM credentials") > registeredCount);
    QCOMPARE(rows("SELECT count(*) FROM credentials WHERE last_used_at IS NOT NULL"), 1);

    QCOMPARE(browser.postForm("/signout", {}, true).status, 200);
    const WireResponse usernameless = browser.signIn({});
    QCOMPARE(usernameless.status, 200);
    QCOMPARE(browser.get("/profile").status, 200);

    const WireResponse options = browser.postJson("/api/passkeys/registration/options", {});
    QCOMPARE(jsonOf(options).value("excludeCredentials").toArray().size(), 1);
    // The same authenticator refuses (excludeCredentials); another device registers.
    QVERIFY(!browser.create(jsonOf(options)));
    browser.switchAuthenticator();
    QCOMPARE(browser.registerPasskey(QStringLiteral("Second")).status, 201);
    QCOMPARE(rows("SELECT count(*) FROM credentials"), 2);

    const QString first = credentialIdOf(browser);
    WireResponse renamed = browser.postForm(
        "/profile/passkeys/rename",
        formOf({{"credential", first}, {"nickname", QStringLiteral("Desk")}}), true);
    QCOMPARE(renamed.status, 200);
    QVERIFY(jsonOf(renamed).value("html").toString().contains("Desk"));
    // The plain form path answers a full page with the toast.
    renamed = browser.postForm("/profile/passkeys/rename",
                               formOf({{"credential", first}, {"nickname", "Desk 2"}}));
    QCOMPARE(renamed.status, 200);
    QVERIFY(renamed.body.contains("Passkey renamed"));
    QCOMPARE(rows("SELECT count(*) FROM credentials WHERE nickname = 'Desk 2'"), 1);

    QCOMPARE(
        browser.postForm("/profile/passkeys/remove", formOf({{"credential", first}}), true).status,
        200);
    QCOMPARE(rows("SELECT count(*) FROM credentials"), 1);
    const QString last = credentialIdOf(browser);
    const WireResponse refused =
        browser.postForm("/profile/passkeys/remove", formOf({{"credential", last}}), true);
    QCOMPARE(refused.status, 409);
    QCOMPARE(errorCodeOf(refused), QStringLiteral("last_passkey"));
    QCOMPARE(rows("SELECT count(*) FROM credentials"), 1);

    QCOMPARE(browser.postForm("/profile/delete", formOf({{"confirm", "nobody"}}), true).status,
             400);
    QCOMPARE(rows("SELECT count(*) FROM users"), 1);
    const WireResponse deleted =
        browser.postForm("/profile/delete", formOf({{"confirm", "ADA"}}), true);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(rows("SELECT count(*) FROM users"), 0);
    QCOMPARE(rows("SELECT count(*) FROM credentials"), 0);
    QCOMPARE(rows("SELECT count(*) FROM sessions"), 0);
    QVERIFY(browser.cookie("latchkey_session").isEmpty());
    QCOMPARE(browser.get("/profile").status, 303);
}

void TestPasskeyFlows::registrationOptionsFollowThePolicy()
{
    QVERIFY(m_browser->createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    const QJsonObject options =
        jsonOf(m_browser->postJson("/api/passkeys/registration/options", {}));
    QCOMPARE(options.value("rp").toObject().value("id").toString(), QStringLiteral("localhost"));
    QCOMPARE(options.value("rp").toObject().value("name").toString(), QStringLiteral("Latchkey"));
    QCOMPARE(options.value("user").toObject().value("name").toString(), QStringLiteral("ada"));
    const QJsonObject selection = options.value("authenticatorSelection").toObject();
    QCOMPARE(selection.value("residentKey").toString(), QStringLiteral("required"));
    QCOMPARE(selection.value("userVerification").toString(), QStringLiteral("required"));
    QCOMPARE(options.value("attestation").toString(), QStringLiteral("none"));
    QVERIFY(options.value("extensions").toObject().value("credProps").toBool());
    QList<int> algorithms;
    for (const QJsonValue param : options.value("pubKeyCredParams").toArray())
        algorithms.append(param.toObject().value("alg").toInt());
    QCOMPARE(algorithms, (QList<int>{-7, -8, -257}));
    QCOMPARE(rows("SELECT count(*) FROM challenges WHERE purpose = 'registration'"), 1);
}

// The app has no PAM or polkit (ServerConfig::userVerificationAvailable false): its pages ask
// "preferred", so the app's own authenticator, which can then only prove presence, registers
// and signs in with UP alone, and the handler accepts it instead of failing later.
void TestPasskeyFlows::presenceOnlyUserVerificationIsPreferredAndAPasskeyWithoutUvWorks()
{
    ServerFixture fixture;
    QVERIFY2(fixture.start(false), qPrintable(fixture.errorString()));
    FlowBrowser browser(fixture);
    browser.usePresenceOnlyAuthenticator();
    QVERIFY(browser.createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    const QJsonObject options = jsonOf(browser.postJson("/api/passkeys/registration/options", {}));
    QCOMPARE(options.value("authenticatorSelection").toObject().value("userVerification"),
             QJsonValue(QStringLiteral("preferred")));
    QCOMPARE(browser.registerPasskey().status, 201);
    browser.forgetCookies();
    const WireResponse signedIn = browser.signIn(QStringLiteral("ada"));
    QCOMPARE(signedIn.status, 200);
}

void TestPasskeyFlows::sessionCookieIsHttpOnlyStrictWithoutMaxAge()
{
    const WireResponse created = m_fixture->sendGood(
        "POST", "/register",
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}},
        "name=Ada&username=ada&email=ada%40example.org");
    QCOMPARE(created.status, 201);
    const QByteArray cookie = created.header("set-cookie");
    QVERIFY(cookie.startsWith("latchkey_session="));
    QVERIFY(cookie.contains("; HttpOnly"));
    QVERIFY(cookie.contains("; SameSite=Strict"));
    QVERIFY(cookie.contains("; Path=/"));
    QVERIFY(!cookie.contains("Max-Age"));
    QVERIFY(!cookie.contains("Expires"));
    // 32 random bytes, base64url.
    const QByteArray token = cookie.split(';').first().mid(17);
    QCOMPARE(QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding).size(), 32);
}

void TestPasskeyFlows::sessionIdIsRotatedAtSignIn()
{
    signedInProfile();
    const QByteArray afterRegistration = m_browser->cookie("latchkey_session");
    QCOMPARE(m_browser->postForm("/signout", {}, true).status, 200);
    const WireResponse options =
        m_browser->postJson("/api/passkeys/authentication/options", {{"login", "ada"}});
    const QByteArray anonymous = m_browser->cookie("latchkey_session");
    QVERIFY(!anonymous.isEmpty());
    const auto assertion = m_browser->get(jsonOf(options));
    QVERIFY(assertion);
    QCOMPARE(m_browser->postJson("/api/passkeys/authentication/verify", *assertion).status, 200);
    const QByteArray signedIn = m_browser->cookie("latchkey_session");
    QVERIFY(signedIn != anonymous);
    QVERIFY(signedIn != afterRegistration);
    // The token known before sign-in is worthless now.
    m_browser->setCookie("latchkey_session", anonymous);
    QCOMPARE(m_browser->get("/profile").status, 303);
    m_browser->setCookie("latchkey_session", signedIn);
    QCOMPARE(m_browser->get("/profile").status, 200);
}

void TestPasskeyFlows::signOutRemovesTheSessionServerSide()
{
    signedInProfile();
    const QByteArray token = m_browser->cookie("latchkey_session");
    QCOMPARE(rows("SELECT count(*) FROM sessions"), 1);
    const WireResponse out = m_browser->postForm("/signout", {});
    QCOMPARE(out.status, 200);
    QVERIFY(out.body.contains("Signed out"));
    QVERIFY(out.header("set-cookie").contains("Max-Age=0"));
    QCOMPARE(rows("SELECT count(*) FROM sessions"), 0);
    m_browser->setCookie("latchkey_session", token);
    QCOMPARE(m_browser->get("/profile").status, 303);
}

void TestPasskeyFlows::lastUserIsRememberedUntilSwitchUser()
{
    signedInProfile();
    const QByteArray uid = m_browser->cookie("latchkey_last_user");
    QCOMPARE(rows("SELECT count(*) FROM users WHERE uid = '" + QString::fromLatin1(uid) + "'"), 1);
    m_browser->postForm("/signout", {}, true);
    QVERIFY(m_browser->get("/signin").body.contains("Welcome back, ada."));
    QCOMPARE(m_browser->postForm("/signin/forget", {}).status, 303);
    QVERIFY(m_browser->cookie("latchkey_last_user").isEmpty());
    QVERIFY(!m_browser->get("/signin").body.contains("Welcome back"));
}

void TestPasskeyFlows::enrolmentSessionOnlyRegistersAPasskey()
{
    QVERIFY(m_browser->createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    const WireResponse page = m_browser->get("/profile");
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("data-passkey-register"));
    QVERIFY(!page.body.contains("/profile/delete"));
    const WireResponse refused =
        m_browser->postForm("/profile/delete", formOf({{"confirm", "ada"}}), true);
    QCOMPARE(refused.status, 403);
    QCOMPARE(rows("SELECT count(*) FROM users"), 1);
    // Another browser has no session for the profile at all.
    FlowBrowser stranger(*m_fixture);
    QCOMPARE(stranger.postJson("/api/passkeys/registration/options", {}).status, 401);
}

void TestPasskeyFlows::badInputIsRefusedAndWritesNothing_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("signedIn");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QByteArray json = "application/json";
    const QByteArray form = "application/x-www-form-urlencoded";
    const QByteArray regOptions = "/api/passkeys/registration/options";
    const QByteArray regVerify = "/api/passkeys/registration/verify";
    const QByteArray authOptions = "/api/passkeys/authentication/options";
    const QByteArray authVerify = "/api/passkeys/authentication/verify";
    QTest::newRow("reg options: no session")
        << regOptions << json << QByteArray("{}") << false << 401 << "no_session";
    QTest::newRow("reg options: not JSON")
        << regOptions << json << QByteArray("{") << true << 400 << "malformed_json";
    QTest::newRow("reg options: array")
        << regOptions << json << QByteArray("[]") << true << 400 << "malformed_json";
    QTest::newRow("reg options: form type")
        << regOptions << form << QByteArray("a=b") << true << 415 << "unsupported_media_type";
    QTest::newRow("reg verify: no session")
        << regVerify << json << QByteArray("{}") << false << 401 << "no_session";
    QTest::newRow("reg verify: empty object")
        << regVerify << json << QByteArray("{}") << true << 400 << "missing_field";
    QTest::newRow("reg verify: id is a number")
        << regVerify << json
        << QByteArray(R"({"id":5,"rawId":"AAAA","type":"public-key","response":{}})") << true << 400
        << "wrong_field_type";
    QTest::newRow("reg verify: bad base64url")
        << regVerify << json
        << QByteArray(R"({"id":"A*A","rawId":"A*A","type":"public-key","response":)"
                      R"({"clientDataJSON":"e30","attestationObject":"oA"}})")
        << true << 400 << "invalid_base64_url";
    QTest::newRow("reg verify: nickname not text")
        << regVerify << json << QByteArray(R"({"nickname":7})") << true << 400
        << "wrong_field_type";
    QTest::newRow("reg verify: no challenge pending")
        << regVerify << json
        << QByteArray(
               R"({"id":"AAAA","rawId":"AAAA","type":"public-key","response":)"
               R"({"clientDataJSON":")" +
               QByteArray(
                   R"({"type":"webauthn.create","challenge":"AAAAAAAAAAAAAAAAAAAAAA","origin":"x"})")
                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
               R"(","attestationObject":"oA"}})")
        << true << 409 << "no_pending_challenge";
    QTest::newRow("auth options: login a number")
        << authOptions << json << QByteArray(R"({"login":1})") << false << 400
        << "wrong_field_type";
    QTest::newRow("auth options: login too long")
        << authOptions << json << QByteArray(R"({"login":")" + QByteArray(300, 'a') + R"("})")
        << false << 400 << "invalid_login";
    QTest::newRow("auth verify: no session")
        << authVerify << json << QByteArray("{}") << false << 401 << "no_session";
    QTest::newRow("auth verify: malformed")
        << authVerify << json << QByteArray("{\"id\":") << true << 400 << "malformed_json";
    QTest::newRow("auth verify: userHandle a number")
        << authVerify << json
        << QByteArray(R"({"id":"AAAA","rawId":"AAAA","type":"public-key","response":)"
                      R"({"clientDataJSON":"e30","authenticatorData":"AA","signature":"AA",)"
                      R"("userHandle":3}})")
        << true << 400 << "wrong_field_type";
    QTest::newRow("rename: no session")
        << QByteArray("/profile/passkeys/rename") << form
        << QByteArray("credential=AAAA&nickname=x") << false << 401 << "no_session";
    QTest::newRow("rename: bad base64url")
        << QByteArray("/profile/passkeys/rename") << form
        << QByteArray("credential=%2A%2A&nickname=x") << true << 400 << "invalid_credential";
    QTest::newRow("rename: unknown id")
        << QByteArray("/profile/passkeys/rename") << form
        << QByteArray("credential=AAAA&nickname=x") << true << 404 << "unknown_credential";
    QTest::newRow("rename: empty name")
        << QByteArray("/profile/passkeys/rename") << form
        << QByteArray("credential=AAAA&nickname=%20") << true << 400 << "invalid_nickname";
    QTest::newRow("rename: control character")
        << QByteArray("/profile/passkeys/rename") << form
        << QByteArray("credential=AAAA&nickname=a%07b") << true << 400 << "invalid_nickname";
    QTest::newRow("remove: unknown id")
        << QByteArray("/profile/passkeys/remove") << form << QByteArray("credential=AAAA") << true
        << 404 << "unknown_credential";
    QTest::newRow("remove: no session")
        << QByteArray("/profile/passkeys/remove") << form << QByteArray("credential=AAAA") << false
        << 401 << "no_session";
    QTest::newRow("delete: no confirmation")
        << QByteArray("/profile/delete") << form << QByteArray("") << true << 400
        << "confirmation_required";
    QTest::newRow("delete: no session")
        << QByteArray("/profile/delete") << form << QByteArray("confirm=ada") << false << 401
        << "no_session";
    QTest::newRow("signout: no session")
        << QByteArray("/signout") << form << QByteArray("") << false << 401 << "no_session";
}

void TestPasskeyFlows::badInputIsRefusedAndWritesNothing()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(bool, signedIn);
    QFETCH(int, status);
    QFETCH(QString, code);

    signedInProfile();
    if (!signedIn)
        m_browser->forgetCookies();
    const QString before = QStringLiteral("%1/%2/%3/%4")
                               .arg(rows("SELECT count(*) FROM users"))
                               .arg(rows("SELECT count(*) FROM credentials"))
                               .arg(rows("SELECT sum(sign_count) FROM credentials"))
                               .arg(rows("SELECT count(*) FROM sessions"));
    const WireResponse response = m_browser->postRaw(path, body, contentType);
    QCOMPARE(response.status, status);
    QCOMPARE(errorCodeOf(response), code);
    QVERIFY(!jsonOf(response).value("error").toObject().value("message").toString().isEmpty());
    const QString after = QStringLiteral("%1/%2/%3/%4")
                              .arg(rows("SELECT count(*) FROM users"))
                              .arg(rows("SELECT count(*) FROM credentials"))
                              .arg(rows("SELECT sum(sign_count) FROM credentials"))
                              .arg(rows("SELECT count(*) FROM sessions"));
    QCOMPARE(after, before);
    QCOMPARE(rows("SELECT count(*) FROM credentials WHERE nickname = 'x'"), 0);
}

void TestPasskeyFlows::replayedChallengeIsRefused()
{
    signedInProfile();
    m_browser->postForm("/signout", {}, true);
    const WireResponse options =
        m_browser->postJson("/api/passkeys/authentication/options", {{"login", "ada"}});
    const auto assertion = m_browser->get(jsonOf(options));
    QVERIFY(assertion);
    const QByteArray anonymous = m_browser->cookie("latchkey_session");
    QCOMPARE(m_browser->postJson("/api/passkeys/authentication/verify", *assertion).status, 200);
    const qint64 count = rows("SELECT sign_count FROM credentials");
    // The same answer again, from the new session and from the old cookie.
    WireResponse replay = m_browser->postJson("/api/passkeys/authentication/verify", *assertion);
    QCOMPARE(replay.status, 409);
    QCOMPARE(errorCodeOf(replay), QStringLiteral("no_pending_challenge"));
    m_browser->setCookie("latchkey_session", anonymous);
    replay = m_browser->postJson("/api/passkeys/authentication/verify", *assertion);
    QCOMPARE(replay.status, 401);
    QCOMPARE(rows("SELECT sign_count FROM credentials"), count);
}

void TestPasskeyFlows::expiredChallengeIsRefused()
{
    QVERIFY(m_browser->createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    const WireResponse options = m_browser->postJson("/api/passkeys/registration/options", {});
    const auto credential = m_browser->create(jsonOf(options));
    QVERIFY(credential);
    m_now = m_now.addSecs(5 * 60 + 1);
    const WireResponse late = m_browser->postJson("/api/passkeys/registration/verify", *credential);
    QCOMPARE(late.status, 409);
    QCOMPARE(errorCodeOf(late), QStringLiteral("no_pending_challenge"));
    QCOMPARE(rows("SELECT count(*) FROM credentials"), 0);
}

// The README's promise: the pending challenge is consumed before verification, so an answer
// to another challenge uses it up too and the genuine answer that comes after is refused.
void TestPasskeyFlows::mismatchedChallengeSpendsThePendingOne()
{
    QVERIFY(m_browser->createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    const QJsonObject options =
        jsonOf(m_browser->postJson("/api/passkeys/registration/options", {}));
    QJsonObject forged = options;
    forged.insert("challenge", QString::fromLatin1(QByteArray(32, '\x33')
                                                       .toBase64(QByteArray::Base64UrlEncoding |
                                                                 QByteArray::OmitTrailingEquals)));
    const auto wrong = m_browser->create(forged);
    QVERIFY(wrong);
    const auto genuine = m_browser->create(options);
    QVERIFY(genuine);
    const WireResponse refused = m_browser->postJson("/api/passkeys/registration/verify", *wrong);
    QCOMPARE(refused.status, 422);
    QCOMPARE(errorCodeOf(refused), QStringLiteral("challenge_mismatch"));
    const WireResponse late = m_browser->postJson("/api/passkeys/registration/verify", *genuine);
    QCOMPARE(late.status, 409);
    QCOMPARE(errorCodeOf(late), QStringLiteral("no_pending_challenge"));
    QCOMPARE(rows("SELECT count(*) FROM credentials"), 0);
    QCOMPARE(rows("SELECT count(*) FROM challenges"), 0);
}

void TestPasskeyFlows::mismatchedSignInChallengeSpendsThePendingOne()
{
    signedInProfile();
    m_browser->postForm("/signout", {}, true);
    const QJsonObject options =
        jsonOf(m_browser->postJson("/api/passkeys/authentication/options", {{"login", "ada"}}));
    QJsonObject forged = options;
    forged.insert("challenge", QString::fromLatin1(QByteArray(32, '\x34')
                                                       .toBase64(QByteArray::Base64UrlEncoding |
                                                                 QByteArray::OmitTrailingEquals)));
    const auto wrong = m_browser->get(forged);
    QVERIFY(wrong);
    const qint64 count = rows("SELECT sign_count FROM credentials");
    const WireResponse refused = m_browser->postJson("/api/passkeys/authentication/verify", *wrong);
    QCOMPARE(refused.status, 422);
    QCOMPARE(errorCodeOf(refused), QStringLiteral("challenge_mismatch"));
    const auto genuine = m_browser->get(options);
    QVERIFY(genuine);
    const WireResponse late = m_browser->postJson("/api/passkeys/authentication/verify", *genuine);
    QCOMPARE(late.status, 409);
    QCOMPARE(errorCodeOf(late), QStringLiteral("no_pending_challenge"));
    QCOMPARE(rows("SELECT sign_count FROM credentials"), count);
    QCOMPARE(m_browser->get("/profile").status, 303);
}

void TestPasskeyFlows::counterGoingBackwardsIsRefused()
{
    signedInProfile();
    m_browser->postForm("/signout", {}, true);
    QSqlQuery tamper(m_fixture->database().connection());
    QVERIFY(tamper.exec("UPDATE credentials SET sign_count = 1000"));
    const WireResponse refused = m_browser->signIn(QStringLiteral("ada"));
    QCOMPARE(refused.status, 422);
    QCOMPARE(errorCodeOf(refused), QStringLiteral("sign_counter_not_increased"));
    QCOMPARE(rows("SELECT sign_count FROM credentials"), 1000);
    QCOMPARE(rows("SELECT count(*) FROM credentials WHERE last_used_at IS NOT NULL"), 0);
    QCOMPARE(m_browser->get("/profile").status, 303);
}

void TestPasskeyFlows::credentialOfAnotherProfileIsRefusedInUsernameFirst()
{
    signedInProfile(QStringLiteral("ada"));
    const QString adaCredential = credentialIdOf(*m_browser);
    m_browser->postForm("/signout", {}, true);
    m_browser->forgetCookies();
    signedInProfile(QStringLiteral("grace"));
    m_browser->postForm("/signout", {}, true);
    const qint64 counts = rows("SELECT sum(sign_count) FROM credentials");
    // Username-first for grace, but the browser answers with ada's passkey.
    QJsonObject options =
        jsonOf(m_browser->postJson("/api/passkeys/authentication/options", {{"login", "grace"}}));
    options.insert("allowCredentials",
                   QJsonArray{QJsonObject{{"type", "public-key"}, {"id", adaCredential}}});
    const auto assertion = m_browser->get(options);
    QVERIFY(assertion);
    const WireResponse refused =
        m_browser->postJson("/api/passkeys/authentication/verify", *assertion);
    QCOMPARE(refused.status, 403);
    QCOMPARE(errorCodeOf(refused), QStringLiteral("wrong_profile"));
    QCOMPARE(rows("SELECT sum(sign_count) FROM credentials"), counts);
    QCOMPARE(m_browser->get("/profile").status, 303);
}

void TestPasskeyFlows::unknownCredentialIsRefused()
{
    signedInProfile();
    m_browser->postForm("/signout", {}, true);
    const WireResponse options = m_browser->postJson("/api/passkeys/authentication/options", {});
    // The credential is gone from the server, not from the authenticator.
    QSqlQuery drop(m_fixture->database().connection());
    const auto assertion = m_browser->get(jsonOf(options));
    QVERIFY(assertion);
    QVERIFY(drop.exec("DELETE FROM credentials"));
    const WireResponse refused =
        m_browser->postJson("/api/passkeys/authentication/verify", *assertion);
    QCOMPARE(refused.status, 404);
    QCOMPARE(errorCodeOf(refused), QStringLiteral("unknown_credential"));
}

// Signal API data (WebAuthn L3 §5.1.10): the page passes it to signalUnknownCredential.
void TestPasskeyFlows::unknownCredentialAnswerSignalsItsId()
{
    signedInProfile();
    m_browser->postForm("/signout", {}, true);
    const WireResponse options = m_browser->postJson("/api/passkeys/authentication/options", {});
    const auto assertion = m_browser->get(jsonOf(options));
    QVERIFY(assertion);
    QSqlQuery drop(m_fixture->database().connection());
    QVERIFY(drop.exec("DELETE FROM credentials"));
    const WireResponse refused =
        m_browser->postJson("/api/passkeys/authentication/verify", *assertion);
    QCOMPARE(errorCodeOf(refused), QStringLiteral("unknown_credential"));
    const QJsonObject signal = jsonOf(refused).value("signal").toObject();
    QVERIFY2(!signal.isEmpty(), refused.body.constData());
    QCOMPARE(signal.value("rpId").toString(), QStringLiteral("localhost"));
    QCOMPARE(signal.value("unknownCredentialIds").toArray(),
             QJsonArray{assertion->value("rawId").toString()});
    QVERIFY(!signal.contains("userId")); // the server knows no profile for it
}

void TestPasskeyFlows::removedPasskeyIsSignalledWithThePasskeysLeft()
{
    signedInProfile();
    m_browser->switchAuthenticator();
    QCOMPARE(m_browser->registerPasskey(QStringLiteral("Second")).status, 201);
    const QString removedId = credentialIdOf(*m_browser);
    const WireResponse removed =
        m_browser->postForm("/profile/passkeys/remove", formOf({{"credential", removedId}}), true);
    QCOMPARE(removed.status, 200);
    const QJsonObject signal = jsonOf(removed).value("signal").toObject();
    QCOMPARE(signal.value("unknownCredentialIds").toArray(), QJsonArray{removedId});
    QCOMPARE(signal.value("allAcceptedCredentialIds").toArray(),
             QJsonArray{credentialIdOf(*m_browser)});
    QSqlQuery handle(m_fixture->database().connection());
    QVERIFY(handle.exec("SELECT user_handle FROM users") && handle.next());
    QCOMPARE(signal.value("userId").toString(),
             QString::fromLatin1(handle.value(0).toByteArray().toBase64(
                 QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
}

void TestPasskeyFlows::deletedProfileSignalsAllItsPasskeys()
{
    signedInProfile();
    const QString id = credentialIdOf(*m_browser);
    const WireResponse deleted =
        m_browser->postForm("/profile/delete", formOf({{"confirm", "ada"}}), true);
    QCOMPARE(deleted.status, 200);
    const QJsonObject signal = jsonOf(deleted).value("signal").toObject();
    QCOMPARE(signal.value("rpId").toString(), QStringLiteral("localhost"));
    QCOMPARE(signal.value("unknownCredentialIds").toArray(), QJsonArray{id});
    QCOMPARE(signal.value("allAcceptedCredentialIds").toArray(), QJsonArray{});
    QVERIFY(!signal.value("userId").toString().isEmpty());
}

void TestPasskeyFlows::unknownLoginGetsStableDecoyOptions()
{
    signedInProfile();
    m_browser->postForm("/signout", {}, true);
    const QJsonObject real =
        jsonOf(m_browser->postJson("/api/passkeys/authentication/options", {{"login", "ada"}}));
    const QJsonObject first =
        jsonOf(m_browser->postJson("/api/passkeys/authentication/options", {{"login", "nobody"}}));
    const QJsonObject second =
        jsonOf(m_browser->postJson("/api/passkeys/authentication/options", {{"login", "NOBODY"}}));
    QCOMPARE(first.keys(), real.keys());
    QVERIFY(!first.value("allowCredentials").toArray().isEmpty());
    QCOMPARE(first.value("allowCredentials"), second.value("allowCredentials"));
    QCOMPARE(first.value("allowCredentials").toArray().first().toObject().keys(),
             real.value("allowCredentials").toArray().first().toObject().keys());
}

void TestPasskeyFlows::removingTheLastPasskeyNeedsConfirmation()
{
    signedInProfile();
    const QString id = credentialIdOf(*m_browser);
    const WireResponse page = m_browser->get("/profile");
    QVERIFY(page.body.contains("only passkey"));
    WireResponse refused =
        m_browser->postForm("/profile/passkeys/remove", formOf({{"credential", id}}));
    QCOMPARE(refused.status, 409);
    QVERIFY(refused.body.contains("only passkey"));
    QCOMPARE(rows("SELECT count(*) FROM credentials"), 1);
    const WireResponse removed = m_browser->postForm(
        "/profile/passkeys/remove",
        formOf({{"credential", id}, {"confirm", server::ProfilePages::lastPasskeyConfirmation()}}));
    QCOMPARE(removed.status, 303);
    QCOMPARE(rows("SELECT count(*) FROM credentials"), 0);
    // Back to enrolment: the same session may register a new passkey.
    QCOMPARE(m_browser->registerPasskey().status, 201);
}

void TestPasskeyFlows::unfinishedProfileIsReleasedAfterTheLongestSession()
{
    QVERIFY(m_browser->createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    FlowBrowser other(*m_fixture);
    m_now = m_now.addSecs(11 * 3600);
    QVERIFY(!other.createProfile(QStringLiteral("ada"), QStringLiteral("ada@example.org")));
    m_now = m_now.addSecs(3600 + 1);
    // The creator's enrolment session is past its absolute expiry: nothing can finish it.
    QCOMPARE(m_browser->postJson("/api/passkeys/registration/options", {}).status, 401);
    QVERIFY(other.createProfile(QStringLiteral("ADA"), QStringLiteral("ada@example.org")));
    QCOMPARE(rows("SELECT count(*) FROM users"), 1);
    QCOMPARE(rows("SELECT count(*) FROM users WHERE username = 'ADA'"), 1);
    QCOMPARE(other.registerPasskey().status, 201);
    // A profile with a passkey is never released.
    FlowBrowser third(*m_fixture);
    m_now = m_now.addSecs(48 * 3600);
    QVERIFY(!third.createProfile(QStringLiteral("ada"), QStringLiteral("x@example.org")));
    QCOMPARE(rows("SELECT count(*) FROM credentials"), 1);
}

// Another localhost port is another origin: same RP ID, but not this server's page.
void TestPasskeyFlows::credentialMadeForAnotherOriginIsRefused()
{
    signedInProfile();
    m_browser->postForm("/signout", {}, true);
    m_browser->setPageOrigin("http://localhost:1");
    const WireResponse refused = m_browser->signIn(QStringLiteral("ada"));
    QCOMPARE(refused.status, 422);
    QCOMPARE(errorCodeOf(refused), QStringLiteral("origin_mismatch"));
    QCOMPARE(rows("SELECT count(*) FROM credentials WHERE last_used_at IS NOT NULL"), 0);
}

void TestPasskeyFlows::expiredSessionsArePurgedWhenANewOneStarts()
{
    signedInProfile();
    QCOMPARE(rows("SELECT count(*) FROM sessions"), 1);
    m_now = m_now.addSecs(31 * 60);
    FlowBrowser other(*m_fixture);
    QCOMPARE(other.postJson("/api/passkeys/authentication/options", {}).status, 200);
    QCOMPARE(rows("SELECT count(*) FROM sessions"), 1);
    QCOMPARE(m_browser->get("/profile").status, 303);
}

// Not a benchmark: prints the median of a few sign-ins over HTTP for the README, and fails
// only when a sign-in fails.
void TestPasskeyFlows::signInTakesMilliseconds()
{
    signedInProfile();
    QList<qint64> options;
    QList<qint64> verifies;
    for (int i = 0; i < 15; ++i) {
        QElapsedTimer timer;
        timer.start();
        const WireResponse answer =
            m_browser->postJson("/api/passkeys/authentication/options", {{"login", "ada"}});
        options.append(timer.nsecsElapsed());
        const auto assertion = m_browser->get(jsonOf(answer));
        QVERIFY(assertion);
        timer.restart();
        QCOMPARE(m_browser->postJson("/api/passkeys/authentication/verify", *assertion).status,
                 200);
        verifies.append(timer.nsecsElapsed());
    }
    std::sort(options.begin(), options.end());
    std::sort(verifies.begin(), verifies.end());
    qInfo("authentication/options median %.2f ms, authentication/verify median %.2f ms",
          static_cast<double>(options.at(options.size() / 2)) / 1e6,
          static_cast<double>(verifies.at(verifies.size() / 2)) / 1e6);
}

QTEST_GUILESS_MAIN(TestPasskeyFlows)
#include "test_passkey_flows.moc"
