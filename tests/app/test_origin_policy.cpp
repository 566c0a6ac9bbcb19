// Which requests get the secret header, and where navigations go.
#include "app/origin_policy.h"
#include "app/window_shell.h"

#include <QSignalSpy>
#include <QTest>

using latchkey::app::decideNavigation;
using latchkey::app::isSameOrigin;
using latchkey::app::NavigationDecision;

Q_DECLARE_METATYPE(NavigationDecision)

namespace {
const QUrl kHome(QStringLiteral("http://localhost:41234/"));
}

class TestOriginPolicy : public QObject {
    Q_OBJECT

private slots:
    void secretGoesOnlyToTheHandlersOrigin_data();
    void secretGoesOnlyToTheHandlersOrigin();
    void navigationIsDecidedByOrigin_data();
    void navigationIsDecidedByOrigin();
    void outsideLinkOpensInTheSystemBrowserOnlyFromTheMainFrame();
};

void TestOriginPolicy::secretGoesOnlyToTheHandlersOrigin_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("sameOrigin");
    QTest::newRow("home") << "http://localhost:41234/" << true;
    QTest::newRow("page with query") << "http://localhost:41234/register?x=1#top" << true;
    QTest::newRow("host in capitals") << "http://LOCALHOST:41234/static/a.css" << true;
    QTest::newRow("other port") << "http://localhost:41235/" << false;
    QTest::newRow("default port") << "http://localhost/" << false;
    QTest::newRow("https") << "https://localhost:41234/" << false;
    QTest::newRow("loopback address") << "http://127.0.0.1:41234/" << false;
    QTest::newRow("lookalike host") << "http://localhost.evil.example:41234/" << false;
    QTest::newRow("user info trick") << "http://localhost:41234@evil.example/" << false;
    QTest::newRow("websocket") << "ws://localhost:41234/" << false;
    QTest::newRow("empty") << "" << false;
}

void TestOriginPolicy::secretGoesOnlyToTheHandlersOrigin()
{
    QFETCH(QString, url);
    QFETCH(bool, sameOrigin);
    QCOMPARE(isSameOrigin(kHome, QUrl(url)), sameOrigin);
}

void TestOriginPolicy::navigationIsDecidedByOrigin_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<NavigationDecision>("decision");
    QTest::newRow("own page") << "http://localhost:41234/signin" << NavigationDecision::Stay;
    QTest::newRow("blank") << "about:blank" << NavigationDecision::Stay;
    QTest::newRow("web site") << "https://example.org/help" << NavigationDecision::OpenExternally;
    QTest::newRow("plain http site") << "http://example.org/" << NavigationDecision::OpenExternally;
    QTest::newRow("mail") << "mailto:help@example.org" << NavigationDecision::OpenExternally;
    QTest::newRow("other local port")
        << "http://localhost:8080/" << NavigationDecision::OpenExternally;
    QTest::newRow("file") << "file:///etc/passwd" << NavigationDecision::Block;
    QTest::newRow("javascript") << "javascript:alert(1)" << NavigationDecision::Block;
    QTest::newRow("data") << "data:text/html,<p>hi" << NavigationDecision::Block;
    QTest::newRow("custom scheme") << "steam://run/1" << NavigationDecision::Block;
    QTest::newRow("other about page") << "about:config" << NavigationDecision::Block;
}

void TestOriginPolicy::navigationIsDecidedByOrigin()
{
    QFETCH(QString, url);
    QFETCH(NavigationDecision, decision);
    QCOMPARE(decideNavigation(kHome, QUrl(url)), decision);
}

void TestOriginPolicy::outsideLinkOpensInTheSystemBrowserOnlyFromTheMainFrame()
{
    latchkey::app::WindowShell shell(kHome);
    QSignalSpy opened(&shell, &latchkey::app::WindowShell::openedExternally);
    QVERIFY(shell.admitNavigation(QUrl(QStringLiteral("http://localhost:41234/register")), true));
    QVERIFY(!shell.admitNavigation(QUrl(QStringLiteral("https://example.org/")), false));
    QCOMPARE(opened.count(), 0);
    QVERIFY(!shell.admitNavigation(QUrl(QStringLiteral("file:///etc/passwd")), true));
    QCOMPARE(opened.count(), 0);
    QVERIFY(!shell.admitNewWindow(QUrl(QStringLiteral("https://example.org/"))));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toUrl(), QUrl(QStringLiteral("https://example.org/")));
}

QTEST_GUILESS_MAIN(TestOriginPolicy)
#include "test_origin_policy.moc"
