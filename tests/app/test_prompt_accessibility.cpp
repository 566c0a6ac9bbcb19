// The native prompts by keyboard alone and as assistive technology sees them, in the real window
// (AppWindow, qml/Main.qml, the real handler's home page behind it) on a private Xvfb display.
// Keys are real X key presses (xdotool through XTEST). The accessibility tree is walked through
// QAccessible from the QQuickWindow down (the page inside the WebEngineView is the axe test's):
// every control that is shown and can act (buttons, fields, lists and their rows, anything
// focusable) has a role, a name and a description, and the prompt is a dialog named after its
// title. Each prompt takes the focus as it opens, with its focus frame showing; Tab stays
// inside it; Enter answers, Escape cancels; the page gets the keyboard back afterwards. With
// PAM (pam_wrapper, the service asking a password) the password is typed into the prompt's
// field. The failure pane's Try again takes the focus and answers Enter. Screenshots of every
// focused prompt go to LATCHKEY_ARTIFACTS_DIR.
#include "app/app_window.h"
#include "app/qml_user_verifier.h"
#include "app/webauthn_bridge.h"
#include "authenticator/linux/pam_verifier.h"
#include "screen_capture.h"
#include "server_fixture.h"
#include "xvfb_display.h"

#include <QAccessible>
#include <QDir>
#include <QGuiApplication>
#include <QProcess>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>
#include <memory>
#include <optional>
#include <unistd.h>

using latchkey::app::AppWindow;
using latchkey::app::QmlUserVerifier;
using latchkey::app::WebAuthnBridge;
using latchkey::authenticator::AccountChoice;
using latchkey::authenticator::PamVerifier;
using latchkey::authenticator::VerificationAnswer;
using latchkey::authenticator::VerificationKind;
using latchkey::authenticator::VerificationOutcome;
using latchkey::authenticator::VerificationRequest;

namespace {

constexpr auto kPassword = "correct horse";

latchkey::app::testing::XvfbDisplay* g_display = nullptr;

struct AccessibleNode {
    QAccessible::Role role = QAccessible::NoRole;
    QString name;
    QString description;
    QAccessible::State state;
    QString className;
};

// Controls a person can act on: they must say what they are, what they are called and what
// they do.
bool isControl(const AccessibleNode& node)
{
    switch (node.role) {
    case QAccessible::Button:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::EditableText:
    case QAccessible::List:
    case QAccessible::ListItem:
    case QAccessible::ComboBox:
    case QAccessible::Link:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
        return true;
    case QAccessible::StaticText:
    case QAccessible::Heading:
        return false; // text to read, named by itself (Qt reports labels as focusable)
    default:
        return node.state.focusable;
    }
}

void collect(QAccessibleInterface* node, QList<AccessibleNode>& into, int depth = 0)
{
    if (!node || !node->isValid() || depth > 64)
        return;
    QObject* object = node->object();
    into.append({node->role(), node->text(QAccessible::Name), node->text(QAccessible::Description),
                 node->state(),
                 object ? QString::fromLatin1(object->metaObject()->className()) : QString()});
    // The page's own tree comes from Chromium and is audited by axe (tests/a11y).
    if (object && object->inherits("QQuickWebEngineView"))
        return;
    for (int i = 0; i < node->childCount(); ++i)
        collect(node->child(i), into, depth + 1);
}

QString describe(const AccessibleNode& node)
{
    return QStringLiteral("%1 role=%2 name=\"%3\" description=\"%4\"")
        .arg(node.className)
        .arg(int(node.role))
        .arg(node.name, node.description);
}

// Accepts connections and closes them at once, counting them: a handler that is gone.
class ClosingServer : public QObject {
public:
    ClosingServer()
    {
        for (QTcpServer* server : {&m_ipv4, &m_ipv6})
            connect(server, &QTcpServer::newConnection, this, [this, server] {
                while (QTcpSocket* socket = server->nextPendingConnection()) {
                    ++connections;
                    socket->abort();
                }
            });
    }
    bool listen()
    {
        if (!m_ipv4.listen(QHostAddress::LocalHost, 0))
            return false;
        m_ipv6.listen(QHostAddress::LocalHostIPv6, m_ipv4.serverPort());
        return true;
    }
    quint16 port() const { return m_ipv4.serverPort(); }
    int connections = 0;

private:
    QTcpServer m_ipv4;
    QTcpServer m_ipv6;
};

} // namespace

class TestPromptAccessibility : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void confirmPromptTakesTheFocusAndIsAnnounced();
    void tabStaysInsideThePrompt();
    void escapeCancels();
    void enterOnCancelCancels();
    void accountChooserByKeyboard();
    void noticeByKeyboard();
    void passwordTypedIntoThePrompt();
    void failurePaneTakesTheFocusAndRetriesOnEnter();

private:
    bool openWindow(quint16 port, const QByteArray& secret);
    void ask(const VerificationRequest& request);
    QList<AccessibleNode> accessibleTree() const;
    // Every shown control has a role, a name and a description: empty, or what lacks them.
    static QString unlabelledControls(const QList<AccessibleNode>& nodes);
    QQuickItem* focusItem() const { return m_window->window()->activeFocusItem(); }
    QString focusText() const;
    // The focused item or the nearest of its ancestors that is a className; null when none.
    QQuickItem* focusWithin(const char* className) const;
    bool focusIsVisible() const;
    void keys(const QStringList& keys);
    void typeText(const QString& text);
    void shoot(const QString& name);
    static VerificationRequest confirmRequest();

    QTemporaryDir m_dir;
    latchkey::server::testing::ServerFixture m_fixture;
    std::unique_ptr<PamVerifier> m_pam;
    std::unique_ptr<AppWindow> m_window;
    QmlUserVerifier* m_verifier = nullptr;
    std::optional<VerificationAnswer> m_answer;
    QString m_xdotool;
};

void TestPromptAccessibility::initTestCase()
{
    QCOMPARE(qEnvironmentVariable("PAM_WRAPPER"), QStringLiteral("1"));
    m_xdotool = QStandardPaths::findExecutable(QStringLiteral("xdotool"));
    QVERIFY2(!m_xdotool.isEmpty(), "xdotool is not installed: run packaging/install-deps.sh");
    // The same lines as every PAM test, replaced at once: tests may run side by side.
    QSaveFile passdb(qEnvironmentVariable("LATCHKEY_PAM_PASSDB"));
    QVERIFY(passdb.open(QIODevice::WriteOnly));
    for (const char* service : {"latchkey", "latchkey_password", "latchkey_verbose"})
        passdb.write(QStringLiteral("%1:%2:%3\n")
                         .arg(PamVerifier::currentUserName(), kPassword, service)
                         .toUtf8());
    QVERIFY(passdb.commit());
    m_pam = std::make_unique<PamVerifier>(
        PamVerifier::Settings{QStringLiteral("latchkey_password"), QString()});
    QVERIFY2(m_pam->status().available, qPrintable(m_pam->status().unavailableReason));

    QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString()));
    QVERIFY(openWindow(m_fixture.port(), m_fixture.secret()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->window()->property("everLoaded").toBool(), 30000);
    auto* bridge = m_window->findChild<WebAuthnBridge*>();
    QVERIFY(bridge);
    m_verifier = qobject_cast<QmlUserVerifier*>(bridge->verifierObject());
    QVERIFY(m_verifier);
}

bool TestPromptAccessibility::openWindow(quint16 port, const QByteArray& secret)
{
    AppWindow::Setup setup;
    setup.settingsFile = m_dir.filePath(QStringLiteral("window-%1.ini").arg(port));
    m_window = std::make_unique<AppWindow>(setup);
    if (const auto prepared = m_window->prepare(); !prepared) {
        qWarning("%s", qPrintable(prepared.error().message));
        return false;
    }
    AppWindow::Handler handler;
    handler.homeUrl = QUrl(QStringLiteral("http://localhost:%1/").arg(port));
    handler.secretHeaderName = latchkey::server::LocalServer::secretHeaderName();
    handler.launchSecret = secret;
    handler.dataFolder = m_dir.filePath(QStringLiteral("data"));
    handler.dataFolderRequested = true;
    handler.verifier = m_pam.get();
    if (const auto opened = m_window->open(handler); !opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return false;
    }
    return QTest::qWaitForWindowExposed(m_window->window(), 15000);
}

VerificationRequest TestPromptAccessibility::confirmRequest()
{
    VerificationRequest request;
    request.kind = VerificationKind::Confirm;
    request.reason = QStringLiteral("Sign in to localhost");
    request.rpId = QStringLiteral("localhost");
    request.userName = QStringLiteral("ada");
    request.displayName = QStringLiteral("Ada Lovelace");
    return request;
}

void TestPromptAccessibility::ask(const VerificationRequest& request)
{
    m_answer.reset();
    m_verifier->verify(request, [this](VerificationAnswer answer) { m_answer = answer; });
}

QString TestPromptAccessibility::focusText() const
{
    QQuickItem* item = focusItem();
    if (!item)
        return QStringLiteral("(none)");
    const QString text = item->property("text").toString();
    return QStringLiteral("%1 \"%2\"")
        .arg(QString::fromLatin1(item->metaObject()->className()), text);
}

QQuickItem* TestPromptAccessibility::focusWithin(const char* className) const
{
    for (QQuickItem* item = focusItem(); item; item = item->parentItem()) {
        if (item->inherits(className))
            return item;
    }
    return nullptr;
}

// A Controls item says so itself (visualFocus: focus from the keyboard, its frame drawn).
bool TestPromptAccessibility::focusIsVisible() const
{
    QQuickItem* item = focusItem();
    if (!item)
        return false;
    const QVariant visual = item->property("visualFocus");
    return visual.isValid() ? visual.toBool() : item->hasActiveFocus();
}

QList<AccessibleNode> TestPromptAccessibility::accessibleTree() const
{
    QList<AccessibleNode> nodes;
    collect(QAccessible::queryAccessibleInterface(m_window->window()), nodes);
    return nodes;
}

QString TestPromptAccessibility::unlabelledControls(const QList<AccessibleNode>& nodes)
{
    QStringList problems;
    int controls = 0;
    for (const AccessibleNode& node : nodes) {
        if (node.state.invisible || !isControl(node))
            continue;
        ++controls;
        if (node.role == QAccessible::NoRole || node.role == QAccessible::Client ||
            node.name.trimmed().isEmpty() || node.description.trimmed().isEmpty())
            problems.append(describe(node));
    }
    qInfo("%d accessible nodes, %d shown controls", int(nodes.size()), controls);
    if (controls == 0)
        return QStringLiteral("no control at all");
    if (problems.isEmpty())
        return {};
    return QStringLiteral("controls without a role, name or description:\n") +
           problems.join(QStringLiteral("\n"));
}

void TestPromptAccessibility::keys(const QStringList& keys)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), g_display->name());
    for (const QString& key : keys) {
        QProcess xdotool;
        xdotool.setProcessEnvironment(environment);
        xdotool.start(m_xdotool, {QStringLiteral("search"), QStringLiteral("--onlyvisible"),
                                  QStringLiteral("--name"), QStringLiteral("^Latchkey$"),
                                  QStringLiteral("windowfocus"), QStringLiteral("key"), key});
        QTRY_VERIFY_WITH_TIMEOUT(xdotool.state() == QProcess::NotRunning, 10000);
        QVERIFY2(xdotool.exitCode() == 0, xdotool.readAllStandardError().constData());
        QTest::qWait(150);
    }
}

void TestPromptAccessibility::typeText(const QString& text)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DISPLAY"), g_display->name());
    QProcess xdotool;
    xdotool.setProcessEnvironment(environment);
    xdotool.start(m_xdotool, {QStringLiteral("search"), QStringLiteral("--onlyvisible"),
                              QStringLiteral("--name"), QStringLiteral("^Latchkey$"),
                              QStringLiteral("windowfocus"), QStringLiteral("type"),
                              QStringLiteral("--delay"), QStringLiteral("30"), text});
    QTRY_VERIFY_WITH_TIMEOUT(xdotool.state() == QProcess::NotRunning, 10000);
    QVERIFY2(xdotool.exitCode() == 0, xdotool.readAllStandardError().constData());
    QTest::qWait(150);
}

void TestPromptAccessibility::shoot(const QString& name)
{
    const QString folder = qEnvironmentVariable("LATCHKEY_ARTIFACTS_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    QTest::qWait(300); // the popup's enter transition
    latchkey::app::testing::grabScreen(g_display->name())
        .save(QDir(folder).filePath(QStringLiteral("prompt_a11y_%1.png").arg(name)));
}

void TestPromptAccessibility::confirmPromptTakesTheFocusAndIsAnnounced()
{
    ask(confirmRequest());
    QTRY_COMPARE_WITH_TIMEOUT(focusItem() ? focusItem()->property("text").toString() : QString(),
                              QStringLiteral("Confirm"), 5000);
    QVERIFY2(focusIsVisible(), qPrintable(focusText()));
    const QList<AccessibleNode> nodes = accessibleTree();
    const QString unlabelled = unlabelledControls(nodes);
    QVERIFY2(unlabelled.isEmpty(), qPrintable(unlabelled));
    const auto dialog = std::find_if(nodes.begin(), nodes.end(), [](const AccessibleNode& node) {
        return node.role == QAccessible::Dialog && !node.state.invisible;
    });
    QVERIFY(dialog != nodes.end());
    QCOMPARE(dialog->name, QStringLiteral("Confirm it's you"));
    QCOMPARE(dialog->description, QStringLiteral("Sign in to localhost"));
    shoot(QStringLiteral("1_confirm_focused"));
    keys({QStringLiteral("Return")});
    QTRY_VERIFY_WITH_TIMEOUT(m_answer.has_value(), 5000);
    QCOMPARE(m_answer->outcome, VerificationOutcome::Present);
    // The page has the keyboard again.
    QTRY_VERIFY2_WITH_TIMEOUT(focusWithin("QQuickWebEngineView"), qPrintable(focusText()), 5000);
}

void TestPromptAccessibility::tabStaysInsideThePrompt()
{
    ask(confirmRequest());
    QTRY_COMPARE_WITH_TIMEOUT(focusItem() ? focusItem()->property("text").toString() : QString(),
                              QStringLiteral("Confirm"), 5000);
    QStringList visited;
    for (int i = 0; i < 4; ++i) {
        keys({QStringLiteral("Tab")});
        visited.append(focusText());
        QVERIFY2(focusIsVisible(), qPrintable(focusText()));
    }
    QCOMPARE(focusItem()->property("text").toString(), QStringLiteral("Confirm"));
    QCOMPARE(visited.at(0), visited.at(2));
    QVERIFY2(visited.at(0).contains(QLatin1String("\"Cancel\"")), qPrintable(visited.join(", ")));
    keys({QStringLiteral("shift+Tab")});
    QCOMPARE(focusItem()->property("text").toString(), QStringLiteral("Cancel"));
    shoot(QStringLiteral("2_cancel_focused"));
    QVERIFY(!m_answer.has_value());
    keys({QStringLiteral("Escape")});
    QTRY_VERIFY_WITH_TIMEOUT(m_answer.has_value(), 5000);
}

void TestPromptAccessibility::escapeCancels()
{
    ask(confirmRequest());
    QTRY_COMPARE_WITH_TIMEOUT(focusItem() ? focusItem()->property("text").toString() : QString(),
                              QStringLiteral("Confirm"), 5000);
    keys({QStringLiteral("Escape")});
    QTRY_VERIFY_WITH_TIMEOUT(m_answer.has_value(), 5000);
    QCOMPARE(m_answer->outcome, VerificationOutcome::Cancelled);
}

void TestPromptAccessibility::enterOnCancelCancels()
{
    ask(confirmRequest());
    QTRY_COMPARE_WITH_TIMEOUT(focusItem() ? focusItem()->property("text").toString() : QString(),
                              QStringLiteral("Confirm"), 5000);
    keys({QStringLiteral("Tab"), QStringLiteral("Return")});
    QTRY_VERIFY_WITH_TIMEOUT(m_answer.has_value(), 5000);
    QCOMPARE(m_answer->outcome, VerificationOutcome::Cancelled);
}

void TestPromptAccessibility::accountChooserByKeyboard()
{
    VerificationRequest request = confirmRequest();
    request.userName.clear();
    request.displayName.clear();
    request.accounts = {AccountChoice{QStringLiteral("ada"), QStringLiteral("Ada Lovelace")},
                        AccountChoice{QStringLiteral("grace"), QStringLiteral("Grace Hopper")},
                        AccountChoice{QStringLiteral("alan"), QStringLiteral("Alan Turing")}};
    ask(request);
    // The list's current row holds the focus.
    QTRY_VERIFY2_WITH_TIMEOUT(focusWithin("QQuickListView"), qPrintable(focusText()), 5000);
    // Each row is announced by its names (the list lays its rows out over a few frames).
    const auto rows = [this] {
        QStringList names;
        for (const AccessibleNode& node : accessibleTree()) {
            if (node.role == QAccessible::ListItem && !node.state.invisible)
                names.append(node.name);
        }
        return names;
    };
    QTRY_COMPARE_WITH_TIMEOUT(
        rows(),
        QStringList({QStringLiteral("Ada Lovelace (ada)"), QStringLiteral("Grace Hopper (grace)"),
                     QStringLiteral("Alan Turing (alan)")}),
        5000);
    const QString unlabelled = unlabelledControls(accessibleTree());
    QVERIFY2(unlabelled.isEmpty(), qPrintable(unlabelled));
    keys({QStringLiteral("Down")});
    QCOMPARE(focusWithin("QQuickListView")->property("currentIndex").toInt(), 1);
    shoot(QStringLiteral("3_account_chooser"));
    keys({QStringLiteral("Return")});
    QTRY_VERIFY_WITH_TIMEOUT(m_answer.has_value(), 5000);
    QCOMPARE(m_answer->outcome, VerificationOutcome::Present);
    QCOMPARE(m_answer->chosenAccount, 1);
}

void TestPromptAccessibility::noticeByKeyboard()
{
    VerificationRequest request;
    request.kind = VerificationKind::InformNoCredential;
    request.rpId = QStringLiteral("localhost");
    ask(request);
    QTRY_COMPARE_WITH_TIMEOUT(focusItem() ? focusItem()->property("text").toString() : QString(),
                              QStringLiteral("Close"), 5000);
    QVERIFY2(focusIsVisible(), qPrintable(focusText()));
    const QList<AccessibleNode> nodes = accessibleTree();
    const QString unlabelled = unlabelledControls(nodes);
    QVERIFY2(unlabelled.isEmpty(), qPrintable(unlabelled));
    QVERIFY(std::any_of(nodes.begin(), nodes.end(), [](const AccessibleNode& node) {
        return node.role == QAccessible::Dialog && node.name == QLatin1String("No passkey here");
    }));
    shoot(QStringLiteral("4_notice"));
    keys({QStringLiteral("Return")});
    QTRY_VERIFY_WITH_TIMEOUT(m_answer.has_value(), 5000);
    QCOMPARE(m_answer->outcome, VerificationOutcome::Cancelled);
}

void TestPromptAccessibility::passwordTypedIntoThePrompt()
{
    VerificationRequest request = confirmRequest();
    request.verifyUser = true;
    ask(request);
    // PAM's question arrives as the prompt opens: the field takes the focus.
    QTRY_VERIFY_WITH_TIMEOUT(focusItem() && focusItem()->inherits("QQuickTextField"), 10000);
    QVERIFY2(focusIsVisible(), qPrintable(focusText()));
    const QList<AccessibleNode> nodes = accessibleTree();
    const QString unlabelled = unlabelledControls(nodes);
    QVERIFY2(unlabelled.isEmpty(), qPrintable(unlabelled));
    const auto field = std::find_if(nodes.begin(), nodes.end(), [](const AccessibleNode& node) {
        return node.role == QAccessible::EditableText && !node.state.invisible;
    });
    QVERIFY(field != nodes.end());
    QVERIFY2(field->state.passwordEdit, qPrintable(describe(*field)));
    qInfo("the password field: %s", qPrintable(describe(*field)));
    typeText(QString::fromLatin1(kPassword));
    shoot(QStringLiteral("5_password_typed"));
    keys({QStringLiteral("Return")});
    QTRY_VERIFY_WITH_TIMEOUT(m_answer.has_value(), 10000);
    QCOMPARE(m_answer->outcome, VerificationOutcome::Verified);
}

void TestPromptAccessibility::failurePaneTakesTheFocusAndRetriesOnEnter()
{
    m_window.reset();
    ClosingServer gone;
    QVERIFY(gone.listen());
    QVERIFY(openWindow(gone.port(), "secret"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->window()->property("failure").toString().isEmpty(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(focusItem() ? focusItem()->property("objectName").toString()
                                          : QString(),
                              QStringLiteral("retryButton"), 5000);
    const QList<AccessibleNode> nodes = accessibleTree();
    const QString unlabelled = unlabelledControls(nodes);
    QVERIFY2(unlabelled.isEmpty(), qPrintable(unlabelled));
    QVERIFY(std::any_of(nodes.begin(), nodes.end(), [](const AccessibleNode& node) {
        return node.role == QAccessible::AlertMessage &&
               node.name == QLatin1String("Latchkey cannot show its pages");
    }));
    shoot(QStringLiteral("6_failure_pane"));
    const int before = gone.connections;
    keys({QStringLiteral("Return")});
    QTRY_VERIFY_WITH_TIMEOUT(gone.connections > before, 10000);
}

int main(int argc, char** argv)
{
    // A private X server first: the application below connects to it.
    latchkey::app::testing::XvfbDisplay display;
    QString whyNot;
    if (!display.start(QStringLiteral("1280x800x24"), &whyNot)) {
        qCritical("%s", qPrintable(whyNot));
        return 1;
    }
    g_display = &display;
    qputenv("DISPLAY", display.name().toLocal8Bit());
    qputenv("QT_QPA_PLATFORM", "xcb");
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu");
    if (::geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QtWebEngineQuick::initialize();
    QGuiApplication application(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    // As a screen reader turns it on (on a display without an AT-SPI bus Qt may keep it off;
    // the interfaces the test reads are the same either way).
    QAccessible::setActive(true);
    TestPromptAccessibility test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_prompt_accessibility.moc"
