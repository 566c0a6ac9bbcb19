// The pages: every route answers a complete, offline page (no inline script or style, no
// remote origin, every asset served), the register and sign-in forms carry names, labels
// and autocomplete, sign-in answers the same whether or not the profile exists, and
// /profile sends a signed-out person to sign-in.
#include "server_fixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using namespace latchkey::server::testing;

class TestPages : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void pageAnswersFullHtml_data();
    void pageAnswersFullHtml();
    void pageHasNoInlineScriptOrStyle_data();
    void pageHasNoInlineScriptOrStyle();
    void pageAssetsAreServedFromThisServer_data();
    void pageAssetsAreServedFromThisServer();
    void passkeyScriptOnlyWherePasskeysAreUsed_data();
    void passkeyScriptOnlyWherePasskeysAreUsed();
    void navigationMarksTheCurrentPage();
    void layoutHasSkipLinkAndToastRegions();
    void registerFormHasNamedLabelledFields_data();
    void registerFormHasNamedLabelledFields();
    void registerFormWorksWithoutScript();
    void signInFormHasOneLoginField();
    void withoutUserVerificationThePasskeyStepsSayAClickAloneConfirms();
    void signInAnswersTheSameForKnownAndUnknownLogins();
    void signInWithoutLoginIsAFieldError();
    void profileRedirectsToSignInWhenSignedOut();
    void staticAssetTypes_data();
    void staticAssetTypes();
    void staticPathsOutsideTheFolderAreNotFound_data();
    void staticPathsOutsideTheFolderAreNotFound();

private:
    ServerFixture m_fixture;
};

void TestPages::initTestCase()
{
    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString()));
}

void TestPages::pageAnswersFullHtml_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("title");
    QTest::newRow("home") << QByteArray("/") << QByteArray("<title>Home · Latchkey</title>");
    QTest::newRow("register") << QByteArray("/register")
                              << QByteArray("<title>Create your profile · Latchkey</title>");
    QTest::newRow("signin") << QByteArray("/signin")
                            << QByteArray("<title>Sign in · Latchkey</title>");
    QTest::newRow("404") << QByteArray("/missing")
                         << QByteArray("<title>Page not found · Latchkey</title>");
}

void TestPages::pageAnswersFullHtml()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, title);
    const WireResponse response = m_fixture.sendGood("GET", path);
    QCOMPARE(response.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QVERIFY(response.body.startsWith("<!doctype html>"));
    QVERIFY(response.body.contains("<html lang="));
    QVERIFY(response.body.contains("<meta name=\"viewport\""));
    QVERIFY2(response.body.contains(title), response.body.left(600).constData());
    QVERIFY(response.body.trimmed().endsWith("</html>"));
}

void TestPages::pageHasNoInlineScriptOrStyle_data()
{
    pageAnswersFullHtml_data();
}

void TestPages::pageHasNoInlineScriptOrStyle()
{
    QFETCH(QByteArray, path);
    const QString page = QString::fromUtf8(m_fixture.sendGood("GET", path).body);
    static const QRegularExpression inlineScript(QStringLiteral("<script(?![^>]*\\bsrc=)[^>]*>"));
    static const QRegularExpression handler(QStringLiteral("\\son[a-z]+\\s*="));
    QVERIFY(!inlineScript.match(page).hasMatch());
    QVERIFY(!page.contains(QStringLiteral("<style")));
    QVERIFY(!page.contains(QStringLiteral("style=")));
    QVERIFY(!handler.match(page).hasMatch());
    QVERIFY(!page.contains(QStringLiteral("javascript:")));
    QVERIFY(!page.contains(QStringLiteral("http://")));
    QVERIFY(!page.contains(QStringLiteral("https://")));
}

void TestPages::pageAssetsAreServedFromThisServer_data()
{
    pageAnswersFullHtml_data();
}

void TestPages::pageAssetsAreServedFromThisServer()
{
    QFETCH(QByteArray, path);
    const QString page = QString::fromUtf8(m_fixture.sendGood("GET", path).body);
    static const QRegularExpression reference(QStringLiteral("(?:src|href)=\"(/static/[^\"]+)\""));
    int assets = 0;
    for (auto it = reference.globalMatch(page); it.hasNext(); ++assets) {
        const QByteArray asset = it.next().captured(1).toUtf8();
        QCOMPARE(m_fixture.sendGood("GET", asset).status, 200);
    }
    QVERIFY(assets >= 3);
    // Assets referenced from the stylesheet too.
    const QString css = QString::fromUtf8(m_fixture.sendGood("GET", "/static/latchkey.css").body);
    static const QRegularExpression cssUrl(QStringLiteral("url\\(\"?(/static/[^\")]+)\"?\\)"));
    for (auto it = cssUrl.globalMatch(css); it.hasNext();)
        QCOMPARE(m_fixture.sendGood("GET", it.next().captured(1).toUtf8()).status, 200);
}

void TestPages::passkeyScriptOnlyWherePasskeysAreUsed_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("expectPasskeyScript");
    QTest::newRow("home") << QByteArray("/") << 200 << false;
    QTest::newRow("not found page") << QByteArray("/nope") << 404 << false;
    QTest::newRow("register") << QByteArray("/register") << 200 << true;
    QTest::newRow("sign in") << QByteArray("/signin") << 200 << true;
}

// The home page is the first thing the window shows: one script less to fetch and compile
// there (bench/startup). Every page keeps the page script (toasts, forms).
void TestPages::passkeyScriptOnlyWherePasskeysAreUsed()
{
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    QFETCH(bool, expectPasskeyScript);
    const WireResponse response = m_fixture.sendGood("GET", path);
    QCOMPARE(response.status, status);
    QVERIFY(response.body.contains("<script src=\"/static/latchkey.js\" defer></script>"));
    QCOMPARE(response.body.contains("<script src=\"/static/passkeys.js\" defer></script>"),
             expectPasskeyScript);
}

void TestPages::navigationMarksTheCurrentPage()
{
    const QByteArray page = m_fixture.sendGood("GET", "/signin").body;
    QVERIFY(page.contains("href=\"/signin\" aria-current=\"page\">Sign in</a>"));
    QVERIFY(page.contains("href=\"/register\">Register</a>"));
    QVERIFY(page.contains("href=\"/\">Home</a>"));
    QVERIFY(!page.contains("Sign out"));
}

void TestPages::layoutHasSkipLinkAndToastRegions()
{
    const QByteArray page = m_fixture.sendGood("GET", "/").body;
    QVERIFY(page.contains("<a class=\"skip-link\" href=\"#main\">"));
    QVERIFY(page.contains("<main id=\"main\""));
    QVERIFY(page.contains("aria-live=\"polite\""));
    QVERIFY(page.contains("role=\"alert\" aria-live=\"assertive\""));
    // The logo is drawn inline and hidden from screen readers (the link is named instead);
    // the favicon link names the same file.
    QVERIFY(page.contains("<a class=\"brand\" href=\"/\" aria-label=\""));
    QVERIFY(page.contains("<svg viewBox=\"0 0 64 64\" width=\"32\" "
                          "height=\"32\" class=\"brand-logo\" aria-hidden=\"true\""));
    QVERIFY(!page.contains("<img class=\"brand-logo\""));
    QVERIFY(page.contains("<link rel=\"icon\" href=\"/static/logo.svg\""));
}

void TestPages::registerFormHasNamedLabelledFields_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("autocomplete");
    QTest::addColumn<QString>("label");
    QTest::newRow("display-name") << "name"
                                  << "name"
                                  << "Display name";
    QTest::newRow("username") << "username"
                              << "username"
                              << "Username";
    QTest::newRow("email") << "email"
                           << "email"
                           << "Email address";
}

void TestPages::registerFormHasNamedLabelledFields()
{
    QFETCH(QString, name);
    QFETCH(QString, autocomplete);
    QFETCH(QString, label);
    const QString page = QString::fromUtf8(m_fixture.sendGood("GET", "/register").body);
    const QRegularExpression input(
        QStringLiteral("<input id=\"%1\" name=\"%1\"[^>]*autocomplete=\"%2\"[^>]*"
                       "aria-describedby=\"%1-hint %1-error\"")
            .arg(name, autocomplete));
    QVERIFY2(input.match(page).hasMatch(), qPrintable(name));
    QVERIFY(page.contains(QStringLiteral("<label for=\"%1\">%2").arg(name, label)));
    QVERIFY(page.contains(QStringLiteral("<p class=\"hint\" id=\"%1-hint\">").arg(name)));
    QVERIFY(!page.contains(QStringLiteral("aria-invalid")));
}

void TestPages::registerFormWorksWithoutScript()
{
    const QByteArray page = m_fixture.sendGood("GET", "/register").body;
    QVERIFY(page.contains("<form class=\"form\" action=\"/register\" method=\"post\""));
    QVERIFY(page.contains("<button class=\"button button-primary button-block\" type=\"submit\">"));
    QVERIFY(page.contains("<script src=\"/static/latchkey.js\" defer></script>"));
}

void TestPages::signInFormHasOneLoginField()
{
    const QString page = QString::fromUtf8(m_fixture.sendGood("GET", "/signin").body);
    QCOMPARE(page.count(QStringLiteral("<input ")), 1);
    QVERIFY(page.contains(QStringLiteral("<input id=\"login\" name=\"login\"")));
    QVERIFY(page.contains(QStringLiteral("autocomplete=\"username webauthn\"")));
    QVERIFY(
        page.contains(QStringLiteral("<form class=\"form\" action=\"/signin\" method=\"post\"")));
}

// The app found no PAM or polkit: the sign-in page and the passkey step of registration say
// plainly that a passkey is then confirmed by a click alone, and what to install.
void TestPages::withoutUserVerificationThePasskeyStepsSayAClickAloneConfirms()
{
    QVERIFY(!m_fixture.sendGood("GET", "/signin").body.contains("data-presence-only"));
    ServerFixture presenceOnly;
    QVERIFY2(presenceOnly.start(false), qPrintable(presenceOnly.errorString()));
    const QByteArray signIn = presenceOnly.sendGood("GET", "/signin").body;
    QVERIFY(signIn.contains("data-presence-only"));
    QVERIFY(signIn.contains("This computer cannot check who you are"));
    QVERIFY(signIn.contains("packaging/pam/latchkey"));
    const WireResponse registered = presenceOnly.sendGood(
        "POST", "/register", {{"Content-Type", "application/x-www-form-urlencoded"}},
        "username=ada&email=ada%40example.com");
    QCOMPARE(registered.status, 201);
    QVERIFY(registered.body.contains("data-presence-only"));
    QVERIFY(registered.body.contains("data-passkey-register"));
}

void TestPages::signInAnswersTheSameForKnownAndUnknownLogins()
{
    const QByteArray form = "application/x-www-form-urlencoded";
    QCOMPARE(m_fixture
                 .sendGood("POST", "/register", {{"Content-Type", form}},
                           "username=grace&email=grace%40example.com")
                 .status,
             201);
    const Headers json{{"Content-Type", form}, {"Accept", "application/json"}};
    const WireResponse known = m_fixture.sendGood("POST", "/signin", json, "login=grace");
    const WireResponse unknown = m_fixture.sendGood("POST", "/signin", json, "login=nobody1");
    QCOMPARE(known.status, 200);
    QCOMPARE(unknown.status, known.status);
    QCOMPARE(unknown.body, known.body);
    QCOMPARE(QJsonDocument::fromJson(known.body).object().value("status").toString(),
             QStringLiteral("pending"));
    // Without script: a full page with the "script needed" toast; only the echoed
    // login differs.
    const WireResponse knownPage =
        m_fixture.sendGood("POST", "/signin", {{"Content-Type", form}}, "login=grace");
    const WireResponse unknownPage =
        m_fixture.sendGood("POST", "/signin", {{"Content-Type", form}}, "login=nobody");
    QCOMPARE(knownPage.status, unknownPage.status);
    QVERIFY(knownPage.body.contains("Script needed"));
    QVERIFY(knownPage.body.contains("toast-warning"));
    QCOMPARE(QByteArray(knownPage.body).replace("grace", "X"),
             QByteArray(unknownPage.body).replace("nobody", "X"));
}

void TestPages::signInWithoutLoginIsAFieldError()
{
    const WireResponse response = m_fixture.sendGood(
        "POST", "/signin", {{"Content-Type", "application/x-www-form-urlencoded"}}, "login=++");
    QCOMPARE(response.status, 400);
    QVERIFY(response.body.contains("Enter your username or email address."));
    QVERIFY(response.body.contains("aria-describedby=\"login-error\" aria-invalid=\"true\""));
}

void TestPages::profileRedirectsToSignInWhenSignedOut()
{
    const WireResponse response = m_fixture.sendGood("GET", "/profile");
    QCOMPARE(response.status, 303);
    QCOMPARE(response.header("Location"), QByteArray("/signin"));
}

void TestPages::staticAssetTypes_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("type");
    QTest::newRow("css") << QByteArray("/static/latchkey.css")
                         << QByteArray("text/css; charset=utf-8");
    QTest::newRow("js") << QByteArray("/static/latchkey.js")
                        << QByteArray("text/javascript; charset=utf-8");
    QTest::newRow("svg") << QByteArray("/static/logo.svg")
                         << QByteArray("image/svg+xml; charset=utf-8");
}

void TestPages::staticAssetTypes()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, type);
    const WireResponse response = m_fixture.sendGood("GET", path);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), type);
    QVERIFY(response.body.size() > 100);
}

void TestPages::staticPathsOutsideTheFolderAreNotFound_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("folder") << QByteArray("/static/");
    QTest::newRow("dot-dot") << QByteArray("/static/../templates/layout.mustache");
    QTest::newRow("encoded-dot-dot") << QByteArray("/static/%2e%2e/templates/layout.mustache");
    QTest::newRow("template") << QByteArray("/static/layout.mustache");
    QTest::newRow("hidden") << QByteArray("/static/.latchkey.css");
    QTest::newRow("unknown-type") << QByteArray("/static/latchkey.css.bak");
    QTest::newRow("subfolder") << QByteArray("/static/x/latchkey.css");
}

void TestPages::staticPathsOutsideTheFolderAreNotFound()
{
    QFETCH(QByteArray, path);
    const WireResponse response = m_fixture.sendGood("GET", path);
    QCOMPARE(response.status, 404);
    QVERIFY(response.body.contains("Page not found"));
}

QTEST_GUILESS_MAIN(TestPages)
#include "test_pages.moc"
