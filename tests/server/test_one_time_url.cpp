// The --serve link: opened once in an ordinary browser it sets the HttpOnly secret cookie
// and redirects; then it is spent. Driven with QNetworkAccessManager and its cookie jar,
// like a browser would.
#include "server/guards.h"
#include "server/server_context.h"
#include "server_fixture.h"

#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace latchkey::server;
using namespace latchkey::server::testing;

namespace {

struct Fetched {
    int status = 0;
    QByteArray body;
    QList<QNetworkCookie> cookies;
    QByteArray location;
};

Fetched fetch(QNetworkAccessManager& manager, const QUrl& url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = manager.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    Fetched result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.cookies = QNetworkCookie::parseCookies(reply->rawHeader("Set-Cookie"));
    result.location = reply->rawHeader("Location");
    reply->deleteLater();
    return result;
}

QByteArray rawTarget(const QUrl& url)
{
    return url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
}

} // namespace

class TestOneTimeUrl : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void oneTimeUrlIsOnLocalhost();
    void firstVisitSetsHttpOnlyCookieAndRedirectsHome();
    void cookieThenOpensThePages();
    void secondVisitIsSpent();
    void unknownOrMissingTokenIsForbidden_data();
    void unknownOrMissingTokenIsForbidden();
    void wrongHostDoesNotSpendTheToken();
    void nextPathStaysOnThisServer_data();
    void nextPathStaysOnThisServer();
    void eachLinkIsIndependent();
    void withAPathPrefixPagesLinksAndCookiesLiveUnderIt();
    void linkExpiresAfterTwoMinutes_data();
    void linkExpiresAfterTwoMinutes();

private:
    std::unique_ptr<ServerFixture> m_fixture;
};

void TestOneTimeUrl::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->errorString()));
}

void TestOneTimeUrl::cleanup()
{
    m_fixture.reset();
}

void TestOneTimeUrl::oneTimeUrlIsOnLocalhost()
{
    const QUrl url = m_fixture->server().createOneTimeUrl();
    QCOMPARE(url.scheme(), QStringLiteral("http"));
    QCOMPARE(url.host(), QStringLiteral("localhost"));
    QCOMPARE(url.port(), int(m_fixture->port()));
    QCOMPARE(url.path(), QStringLiteral("/launch"));
    QVERIFY(QUrlQuery(url).queryItemValue(QStringLiteral("token")).size() >= 43);
    QVERIFY(!url.toString().contains(QString::fromLatin1(m_fixture->secret())));
}

void TestOneTimeUrl::firstVisitSetsHttpOnlyCookieAndRedirectsHome()
{
    QNetworkAccessManager browser;
    const Fetched first = fetch(browser, m_fixture->server().createOneTimeUrl());
    QCOMPARE(first.status, 303);
    QCOMPARE(first.location, QByteArray("/"));
    QCOMPARE(first.cookies.size(), 1);
    const QNetworkCookie cookie = first.cookies.first();
    QCOMPARE(cookie.name(), QByteArray("latchkey_secret"));
    QCOMPARE(cookie.value(), m_fixture->secret());
    QVERIFY(cookie.isHttpOnly());
    QCOMPARE(cookie.path(), QStringLiteral("/"));
    QVERIFY(cookie.isSessionCookie());
#if QT_VERSION >= QT_VERSION_CHECK(6, 1, 0)
    QCOMPARE(cookie.sameSitePolicy(), QNetworkCookie::SameSite::Strict);
#endif
}

void TestOneTimeUrl::cookieThenOpensThePages()
{
    QNetworkAccessManager browser;
    QCOMPARE(fetch(browser, m_fixture->server().homeUrl()).status, 403);
    QCOMPARE(fetch(browser, m_fixture->server().createOneTimeUrl()).status, 303);
    const Fetched home = fetch(browser, m_fixture->server().homeUrl());
    QCOMPARE(home.status, 200);
    QVERIFY(home.body.contains("Create a profile"));
    QUrl registerUrl = m_fixture->server().homeUrl();
    registerUrl.setPath(QStringLiteral("/register"));
    QCOMPARE(fetch(browser, registerUrl).status, 200);
}

void TestOneTimeUrl::secondVisitIsSpent()
{
    const QUrl url = m_fixture->server().createOneTimeUrl();
    QNetworkAccessManager firstBrowser;
    QCOMPARE(fetch(firstBrowser, url).status, 303);
    QNetworkAccessManager secondBrowser;
    const Fetched second = fetch(secondBrowser, url);
    QCOMPARE(second.status, 403);
    QVERIFY(second.body.contains("one-time link has been used already"));
    QVERIFY(second.cookies.isEmpty());
    QCOMPARE(fetch(secondBrowser, m_fixture->server().homeUrl()).status, 403);
}

void TestOneTimeUrl::unknownOrMissingTokenIsForbidden_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("missing") << QByteArray("/launch");
    QTest::newRow("empty") << QByteArray("/launch?token=");
    QTest::newRow("made-up") << QByteArray(
        "/launch?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    QTest::newRow("the-secret") << QByteArray();
}

void TestOneTimeUrl::unknownOrMissingTokenIsForbidden()
{
    QFETCH(QByteArray, target);
    m_fixture->server().createOneTimeUrl();
    if (target.isEmpty())
        target = "/launch?token=" + m_fixture->secret();
    const Headers headers{{"Host", m_fixture->host()}};
    const WireResponse response = m_fixture->send("GET", target, headers);
    QCOMPARE(response.status, 403);
    QVERIFY(response.header("Set-Cookie").isEmpty());
}

void TestOneTimeUrl::wrongHostDoesNotSpendTheToken()
{
    const QByteArray target = rawTarget(m_fixture->server().createOneTimeUrl());
    QCOMPARE(m_fixture->send("GET", target, {{"Host", "attacker.example"}}).status, 421);
    const WireResponse response = m_fixture->send("GET", target, {{"Host", m_fixture->host()}});
    QCOMPARE(response.status, 303);
    QVERIFY(response.header("Set-Cookie").contains("HttpOnly"));
}

void TestOneTimeUrl::nextPathStaysOnThisServer_data()
{
    QTest::addColumn<QString>("next");
    QTest::addColumn<QByteArray>("location");
    QTest::newRow("register") << QStringLiteral("/register") << QByteArray("/register");
    QTest::newRow("home") << QStringLiteral("/") << QByteArray("/");
    QTest::newRow("protocol-relative") << QStringLiteral("//attacker.example/") << QByteArray("/");
    QTest::newRow("absolute") << QStringLiteral("https://attacker.example/") << QByteArray("/");
    QTest::newRow("backslash") << QStringLiteral("/\\attacker.example") << QByteArray("/");
    QTest::newRow("dot-dot") << QStringLiteral("/static/../register") << QByteArray("/");
    QTest::newRow("header-injection") << QStringLiteral("/x\r\nSet-Cookie: a=b") << QByteArray("/");
}

void TestOneTimeUrl::nextPathStaysOnThisServer()
{
    QFETCH(QString, next);
    QFETCH(QByteArray, location);
    const QUrl url = m_fixture->server().createOneTimeUrl(next);
    const WireResponse response =
        m_fixture->send("GET", rawTarget(url), {{"Host", m_fixture->host()}});
    QCOMPARE(response.status, 303);
    QCOMPARE(response.header("Location"), location);
    QCOMPARE(response.headerValues("Set-Cookie").size(), 1);
}

void TestOneTimeUrl::eachLinkIsIndependent()
{
    const QUrl first = m_fixture->server().createOneTimeUrl();
    const QUrl second = m_fixture->server().createOneTimeUrl();
    QVERIFY(first != second);
    const Headers headers{{"Host", m_fixture->host()}};
    QCOMPARE(m_fixture->send("GET", rawTarget(second), headers).status, 303);
    QCOMPARE(m_fixture->send("GET", rawTarget(first), headers).status, 303);
    QCOMPARE(m_fixture->send("GET", rawTarget(first), headers).status, 403);
}

// --serve's path prefix: the link itself stays at /launch; where it leads, every link of the
// pages, every redirect and every cookie are under the prefix; nothing answers outside it.
void TestOneTimeUrl::withAPathPrefixPagesLinksAndCookiesLiveUnderIt()
{
    const QByteArray prefix = "/Zq28lgfa3cD6cdN65gmMAm51HvQ6PR-634IttFi-3JU";
    ServerFixture fixture;
    QVERIFY2(fixture.startWith({}, prefix), qPrintable(fixture.errorString()));
    QCOMPARE(fixture.server().homeUrl().path().toLatin1(), prefix + "/");
    const QUrl link = fixture.server().createOneTimeUrl(QStringLiteral("/register"));
    QCOMPARE(link.path(), QStringLiteral("/launch"));
    const WireResponse redeemed = fixture.send("GET", rawTarget(link), {{"Host", fixture.host()}});
    QCOMPARE(redeemed.status, 303);
    QCOMPARE(redeemed.header("Location"), prefix + "/register");
    QVERIFY2(redeemed.header("Set-Cookie").contains("; Path=" + prefix + ";"),
             redeemed.header("Set-Cookie").constData());

    const Headers app = fixture.goodHeaders("GET");
    QCOMPARE(fixture.send("GET", "/", app).status, 404);
    QCOMPARE(fixture.send("GET", "/register", app).status, 404);
    const WireResponse home = fixture.send("GET", prefix + "/", app);
    QCOMPARE(home.status, 200);
    QVERIFY(home.body.contains("href=\"" + prefix + "/register\""));
    QVERIFY(home.body.contains("href=\"" + prefix + "/static/latchkey.css\""));
    QVERIFY(home.body.contains("data-root=\"" + prefix + "\""));
    QVERIFY(!home.body.contains("href=\"/register\""));
    QCOMPARE(fixture.send("GET", prefix, app).status, 200);
    QCOMPARE(fixture.send("GET", prefix + "/static/latchkey.css", app).status, 200);

    const WireResponse created =
        fixture.send("POST", prefix + "/register",
                     withHeader(fixture.goodHeaders("POST"), "Content-Type",
                                "application/x-www-form-urlencoded"),
                     "username=ada&email=ada%40example.com");
    QCOMPARE(created.status, 201);
    const QList<QByteArray> cookies = created.headerValues("Set-Cookie");
    QVERIFY(!cookies.isEmpty());
    for (const QByteArray& cookie : cookies)
        QVERIFY2(cookie.contains("; Path=" + prefix) && !cookie.contains("; Path=/;"),
                 cookie.constData());
    QVERIFY(created.body.contains("=\"" + prefix + "/"));
    // A redirect the routes name as "/profile" arrives under the prefix.
    const QByteArray session = cookies.first().split(';').first();
    Headers signedOut = withHeader(fixture.goodHeaders("GET"), "Cookie", session);
    const WireResponse profile = fixture.send("GET", prefix + "/profile", signedOut);
    QCOMPARE(profile.status, 200);
}

void TestOneTimeUrl::linkExpiresAfterTwoMinutes_data()
{
    QTest::addColumn<int>("ageSeconds");
    QTest::addColumn<int>("status");
    QTest::newRow("1 min 59 s") << 119 << 303;
    QTest::newRow("2 min 1 s") << 121 << 403;
    QTest::newRow("an hour") << 3600 << 403;
}

// The clock moves after the link was printed; an expired link sets no cookie and is spent.
void TestOneTimeUrl::linkExpiresAfterTwoMinutes()
{
    QFETCH(int, ageSeconds);
    QFETCH(int, status);
    const QDateTime printed = QDateTime::currentDateTimeUtc();
    QDateTime now = printed;
    m_fixture->server().setClock([&now] { return now; });
    const QByteArray target = rawTarget(m_fixture->server().createOneTimeUrl());
    now = printed.addSecs(ageSeconds);
    const WireResponse response = m_fixture->send("GET", target, {{"Host", m_fixture->host()}});
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("Set-Cookie").contains(secretCookieName()), status == 303);
    if (status == 403) {
        QVERIFY(response.body.contains("older than two minutes"));
        now = printed;
        QCOMPARE(m_fixture->send("GET", target, {{"Host", m_fixture->host()}}).status, 403);
    }
    m_fixture->server().setClock(systemNow);
}

QTEST_GUILESS_MAIN(TestOneTimeUrl)
#include "test_one_time_url.moc"
