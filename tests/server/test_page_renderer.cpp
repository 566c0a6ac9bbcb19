// The layout and templates on their own: the navigation for a signed-out and (ready for
// sessions) a signed-in person, HTML escaping of every value, and toasts sorted into the
// polite and the assertive live region.
#include "server/page_renderer.h"

#include <QTest>

using namespace latchkey::server;

class TestPageRenderer : public QObject {
    Q_OBJECT

private slots:
    void signedOutNavigationOffersRegisterAndSignIn();
    void signedInNavigationOffersProfileAndSignOut();
    void valuesAreHtmlEscaped();
    void successAndWarningToastsArePoliteErrorsAssertive();
    void profileTemplateShowsThePerson();
};

void TestPageRenderer::signedOutNavigationOffersRegisterAndSignIn()
{
    const ServerContext context;
    PageRenderer renderer(context);
    const QByteArray page = renderer.renderPage(QStringLiteral("home"), {},
                                                {QStringLiteral("Home"), "home", false, {}});
    QVERIFY(page.contains("href=\"/register\">Register</a>"));
    QVERIFY(page.contains("href=\"/signin\">Sign in</a>"));
    QVERIFY(page.contains("href=\"/\" aria-current=\"page\">Home</a>"));
    QVERIFY(!page.contains("/profile"));
    QVERIFY(!page.contains("action=\"/signout\""));
}

void TestPageRenderer::signedInNavigationOffersProfileAndSignOut()
{
    const ServerContext context;
    PageRenderer renderer(context);
    const QByteArray page = renderer.renderPage(QStringLiteral("home"), {},
                                                {QStringLiteral("Home"), "profile", true, {}});
    QVERIFY(page.contains("href=\"/profile\" aria-current=\"page\">Profile</a>"));
    QVERIFY(page.contains("<form class=\"nav-form\" action=\"/signout\" method=\"post\">"));
    QVERIFY(page.contains(">Sign out</button>"));
    QVERIFY(!page.contains("class=\"nav-link\" href=\"/register\""));
    QVERIFY(!page.contains("class=\"nav-link\" href=\"/signin\""));
}

void TestPageRenderer::valuesAreHtmlEscaped()
{
    const ServerContext context;
    PageRenderer renderer(context);
    TemplateData data;
    data.set("status", "404");
    data.set("heading", "<script>alert('x')</script>");
    data.set("message", "\"quoted\" & <b>bold</b>");
    const QByteArray page = renderer.renderPage(
        QStringLiteral("error"), data,
        {QStringLiteral("<i>title</i>"), {}, false, {{Toast::Kind::Error, "<t>", "<m>"}}});
    QVERIFY(!page.contains("<script>alert"));
    QVERIFY(page.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"));
    QVERIFY(page.contains("&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"));
    QVERIFY(page.contains("<title>&lt;i&gt;title&lt;/i&gt; · Latchkey</title>"));
    QVERIFY(page.contains("&lt;t&gt;"));
    QVERIFY(!page.contains("<m>"));
}

void TestPageRenderer::successAndWarningToastsArePoliteErrorsAssertive()
{
    const ServerContext context;
    PageRenderer renderer(context);
    const QByteArray page = renderer.renderPage(QStringLiteral("home"), {},
                                                {QStringLiteral("Home"),
                                                 "home",
                                                 false,
                                                 {{Toast::Kind::Success, "Saved", "one"},
                                                  {Toast::Kind::Error, "Failed", "two"},
                                                  {Toast::Kind::Warning, "Careful", "three"}}});
    const qsizetype polite = page.indexOf("data-toast-region=\"polite\"");
    const qsizetype assertive = page.indexOf("data-toast-region=\"assertive\"");
    QVERIFY(polite > 0 && assertive > polite);
    const qsizetype success = page.indexOf("toast-success");
    const qsizetype warning = page.indexOf("toast-warning");
    const qsizetype error = page.indexOf("toast-error");
    QVERIFY(success > polite && success < assertive);
    QVERIFY(warning > polite && warning < assertive);
    QVERIFY(error > assertive);
    QVERIFY(page.mid(assertive - 80, 80).contains("role=\"alert\" aria-live=\"assertive\""));
    QCOMPARE(page.count("data-toast-close"), 3);
}

void TestPageRenderer::profileTemplateShowsThePerson()
{
    const ServerContext context;
    PageRenderer renderer(context);
    TemplateData data;
    data.set("displayName", "Ada Lovelace");
    data.set("username", "ada");
    data.set("email", "ada@example.com");
    TemplateData passkeys{TemplateData::type::list};
    TemplateData passkey;
    passkey.set("nickname", "This computer");
    passkeys.push_back(passkey);
    data.set("passkeys", passkeys);
    const QByteArray page = renderer.renderPage(
        QStringLiteral("profile"), data, {QStringLiteral("Your profile"), "profile", true, {}});
    QVERIFY(page.contains("<h1>Your profile</h1>"));
    QVERIFY(page.contains("<dd>ada@example.com</dd>"));
    QVERIFY(page.contains("data-passkey-nickname>This computer</p>"));
}

QTEST_GUILESS_MAIN(TestPageRenderer)
#include "test_page_renderer.moc"
