// The native prompt and its account chooser show names exactly as typed. A display name,
// username or site is data from a profile or a page: markup in it must neither fetch
// anything (an <img> pointing at a local listener that records every connection) nor dress
// itself up as other text (<b>, <a>, <font>). The prompt is qml/UserVerificationPrompt.qml
// with the real QmlUserVerifier, offscreen with software rendering; screenshots go to
// LATCHKEY_ARTIFACTS_DIR.
#include "app/qml_user_verifier.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <algorithm>

using namespace latchkey;

namespace {

// Records whoever connects (and what they send): the prompt must never be one of them.
class RecordingListener : public QTcpServer {
public:
    RecordingListener()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, socket,
                        [this, socket] { received += socket->readAll(); });
            }
        });
    }
    int connections = 0;
    QByteArray received;
};

QString markup(quint16 port, const QString& tag)
{
    return QStringLiteral("<img src=\"http://localhost:%1/%2.png\"><b>%2</b> "
                          "<a href=\"http://localhost:%1/%2\">admin</a>")
        .arg(port)
        .arg(tag);
}

// Every visible text item below root whose text contains fragment.
void collectTexts(QQuickItem* root, const QString& fragment, QList<QQuickItem*>& found)
{
    if (!root->isVisible())
        return;
    const QVariant text = root->property("text");
    if (text.isValid() && root->property("textFormat").isValid() &&
        text.toString().contains(fragment))
        found.append(root);
    for (QQuickItem* child : root->childItems())
        collectTexts(child, fragment, found);
}

} // namespace

class TestPromptPlainText : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init()
    {
        m_listener.connections = 0;
        m_listener.received.clear();
    }
    void promptShowsEveryNameLiterallyAndFetchesNothing();
    void accountChooserShowsEveryNameLiterallyAndFetchesNothing();
    void noticeShowsTheSiteLiterallyAndFetchesNothing();

private:
    void expectLiteral(const QString& fragment, int atLeast);
    void expectNothingFetched();
    void answerAndClose();
    void grab(const QString& name);

    QQmlEngine m_engine;
    std::unique_ptr<QObject> m_window;
    app::QmlUserVerifier m_verifier;
    RecordingListener m_listener;
};

void TestPromptPlainText::initTestCase()
{
    QVERIFY(m_listener.listen(QHostAddress::LocalHost, 0));
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QQmlComponent component(&m_engine);
    // A window that holds the prompt, as Main.qml does; the file sits in qml/ so the
    // prompt's own type resolves from its folder.
    component.setData("import QtQuick\nimport QtQuick.Controls\n"
                      "ApplicationWindow { width: 640; height: 560; visible: true\n"
                      "  property alias prompt: prompt\n"
                      "  UserVerificationPrompt { id: prompt } }\n",
                      QUrl::fromLocalFile(QStringLiteral(LATCHKEY_QML_DIR "/plain_text_host.qml")));
    m_window.reset(component.create());
    QVERIFY2(m_window, qPrintable(component.errorString()));
    auto* prompt = m_window->property("prompt").value<QObject*>();
    QVERIFY(prompt);
    prompt->setProperty("verifier", QVariant::fromValue<QObject*>(&m_verifier));
    QVERIFY(QTest::qWaitForWindowExposed(qobject_cast<QQuickWindow*>(m_window.get())));
}

void TestPromptPlainText::expectLiteral(const QString& fragment, int atLeast)
{
    auto* window = qobject_cast<QQuickWindow*>(m_window.get());
    QList<QQuickItem*> texts;
    // Shown literally: the tags themselves take room once laid out (styled text would drop
    // them and leave a few words); implicitWidth is the whole text's, before any eliding.
    const auto laidOutLiterally = [&] {
        texts.clear();
        collectTexts(window->contentItem(), fragment, texts);
        return texts.size() >= atLeast && std::all_of(texts.begin(), texts.end(), [](auto* t) {
                   return t->property("implicitWidth").toReal() > 300;
               });
    };
    QTRY_VERIFY_WITH_TIMEOUT(laidOutLiterally(), 5000);
    // PlainText in QML is Text.PlainText (0): no tag is interpreted, none is loaded.
    for (QQuickItem* text : texts)
        QVERIFY2(text->property("textFormat").toInt() == 0,
                 qPrintable(text->property("text").toString()));
}

void TestPromptPlainText::expectNothingFetched()
{
    // Long enough for a pixmap request to connect (it takes a few milliseconds when it does).
    QTest::qWait(1500);
    QVERIFY2(m_listener.connections == 0, m_listener.received.constData());
}

void TestPromptPlainText::answerAndClose()
{
    m_verifier.decline();
    m_verifier.cancel();
    auto* prompt = m_window->property("prompt").value<QObject*>();
    QMetaObject::invokeMethod(prompt, "close");
    QTRY_VERIFY(!prompt->property("visible").toBool());
}

void TestPromptPlainText::grab(const QString& name)
{
    const QImage image = qobject_cast<QQuickWindow*>(m_window.get())->grabWindow();
    const QString folder = qEnvironmentVariable("LATCHKEY_ARTIFACTS_DIR");
    if (!folder.isEmpty())
        image.save(folder + QStringLiteral("/prompt-plain-text-%1.png").arg(name));
}

void TestPromptPlainText::promptShowsEveryNameLiterallyAndFetchesNothing()
{
    const quint16 port = m_listener.serverPort();
    authenticator::VerificationRequest request;
    request.reason = markup(port, QStringLiteral("reason"));
    request.rpId = markup(port, QStringLiteral("site"));
    request.userName = markup(port, QStringLiteral("user"));
    request.displayName = markup(port, QStringLiteral("display"));
    bool answered = false;
    m_verifier.verify(request, [&answered](authenticator::VerificationAnswer) { answered = true; });
    for (const char* tag : {"reason", "site", "user", "display"})
        expectLiteral(QStringLiteral("<b>%1</b>").arg(QLatin1String(tag)), 1);
    grab(QStringLiteral("confirm"));
    expectNothingFetched();
    answerAndClose();
    QVERIFY(answered);
}

void TestPromptPlainText::accountChooserShowsEveryNameLiterallyAndFetchesNothing()
{
    const quint16 port = m_listener.serverPort();
    authenticator::VerificationRequest request;
    request.reason = QStringLiteral("Sign in to localhost");
    request.rpId = QStringLiteral("localhost");
    request.accounts = {
        {markup(port, QStringLiteral("user1")), markup(port, QStringLiteral("shown1"))},
        {markup(port, QStringLiteral("user2")), markup(port, QStringLiteral("shown2"))}};
    m_verifier.verify(request, [](authenticator::VerificationAnswer) {});
    for (const char* tag : {"user1", "shown1", "user2", "shown2"})
        expectLiteral(QStringLiteral("<b>%1</b>").arg(QLatin1String(tag)), 1);
    grab(QStringLiteral("chooser"));
    expectNothingFetched();
    answerAndClose();
}

void TestPromptPlainText::noticeShowsTheSiteLiterallyAndFetchesNothing()
{
    const quint16 port = m_listener.serverPort();
    authenticator::VerificationRequest request;
    request.kind = authenticator::VerificationKind::InformNoCredential;
    request.rpId = markup(port, QStringLiteral("notice"));
    m_verifier.verify(request, [](authenticator::VerificationAnswer) {});
    expectLiteral(QStringLiteral("<b>notice</b>"), 1);
    grab(QStringLiteral("notice"));
    expectNothingFetched();
    answerAndClose();
}

QTEST_MAIN(TestPromptPlainText)
#include "test_prompt_plain_text.moc"
