// WebAuthnBridge and QmlUserVerifier without a window: what page script can reach over the
// channel, the origin rule, and real ceremonies against the software key store in a temporary
// data folder, answered the way the QML prompt answers.
#include "app/authenticator_setup.h"
#include "app/qml_user_verifier.h"
#include "app/webauthn_bridge.h"

#include <QDir>
#include <QFile>
#include <QJSEngine>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace latchkey::app;
using latchkey::authenticator::VerificationAnswer;
using latchkey::authenticator::VerificationOutcome;
using latchkey::authenticator::VerificationRequest;

namespace {

const QUrl kHandler(QStringLiteral("http://localhost:8080/"));

QString creationOptions()
{
    const QJsonObject options{
        {QStringLiteral("rp"), QJsonObject{{QStringLiteral("id"), QStringLiteral("localhost")},
                                           {QStringLiteral("name"), QStringLiteral("Latchkey")}}},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("id"), QStringLiteral("dXNlci1oYW5kbGUtMQ")},
                     {QStringLiteral("name"), QStringLiteral("ada")},
                     {QStringLiteral("displayName"), QStringLiteral("Ada Lovelace")}}},
        {QStringLiteral("challenge"),
         QStringLiteral("Y2hhbGxlbmdlLWNoYWxsZW5nZS1jaGFsbGVuZ2UtMzI")},
        {QStringLiteral("pubKeyCredParams"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("public-key")},
                                {QStringLiteral("alg"), -7}}}},
        {QStringLiteral("authenticatorSelection"),
         QJsonObject{{QStringLiteral("residentKey"), QStringLiteral("required")},
                     {QStringLiteral("userVerification"), QStringLiteral("preferred")}}},
    };
    return QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Compact));
}

QString requestOptions()
{
    const QJsonObject options{
        {QStringLiteral("rpId"), QStringLiteral("localhost")},
        {QStringLiteral("challenge"), QStringLiteral("YW5vdGhlci1jaGFsbGVuZ2UtZm9yLXNpZ24taW4")},
        {QStringLiteral("userVerification"), QStringLiteral("preferred")},
    };
    return QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Compact));
}

QJsonObject answerOf(const QSignalSpy& spy, int index = 0)
{
    return QJsonDocument::fromJson(spy.at(index).at(1).toString().toUtf8()).object();
}

QString errorNameOf(const QSignalSpy& spy, int index = 0)
{
    return answerOf(spy, index)
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("name"))
        .toString();
}

QString json(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString signalErrorName(const QString& answer)
{
    return QJsonDocument::fromJson(answer.toUtf8())
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("name"))
        .toString();
}

// Runs the injected client script in a bare JavaScript engine (a stand-in window of the
// handler's origin, with no channel) and returns how the page's call settled:
// "<error name>: <message>".
QString clientOutcome(const QString& call)
{
    const auto source = WebAuthnBridge::clientScriptSource(kHandler);
    if (!source)
        return source.error().message;
    QJSEngine engine;
    engine.evaluate(QStringLiteral(
        "var window = this; window.top = window; var location = {origin: 'http://localhost:8080'};"
        "var navigator = {};"
        "var DOMException = class extends Error {"
        "  constructor(m, n) { super(m); this.name = n; } };"));
    const QJSValue installed = engine.evaluate(*source);
    if (installed.isError())
        return installed.toString();
    const QJSValue started =
        engine.evaluate(QStringLiteral("var outcome = null; Promise.resolve().then(() => %1).then("
                                       "() => { outcome = 'resolved'; },"
                                       "(e) => { outcome = e.name + ': ' + e.message; });")
                            .arg(call));
    if (started.isError())
        return started.toString();
    for (int i = 0; i < 100 && engine.globalObject().property(QStringLiteral("outcome")).isNull();
         ++i)
        QTest::qWait(10);
    return engine.globalObject().property(QStringLiteral("outcome")).toString();
}

} // namespace

class TestWebAuthnBridge : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void channelObjectOffersOnlyTheCeremonies();
    void isHandlerPage_data();
    void isHandlerPage();
    void pageOfAnotherOriginGetsSecurityError();
    void noViewGetsSecurityError();
    void optionsThatAreNotJsonAreATypeError();
    void keyStoreErrorsReachThePageWithoutAbsolutePaths();
    void confirmedCreateReturnsRegistrationJson();
    void confirmedGetSignsWithTheStoredPasskey();
    void confirmIsPresenceOnlyWithoutASystemVerifier();
    void requiredVerificationWithoutAVerifierIsNotAllowedAndAsksNobody();
    void cancelIsNotAllowedAndStoresNothing();
    void noPasskeyHereIsToldBeforeThePageHears();
    void abortClosesThePromptWithNotAllowed();
    void navigationEndsTheCeremony();
    void pageOfAnotherOriginByTheAnswerHearsNoCredential();
    void secondRequestWhileOneIsOpenIsNotAllowed();
    void requestedDataFolderKeepsTheSealingKeyBesideItNotInIt();
    void unknownCredentialSignalDeletesTheKey();
    void allAcceptedSignalDeletesTheUsersUnlistedKeys();
    void signalFromAnotherPageIsRefusedAndKeepsTheKey_data();
    void signalFromAnotherPageIsRefusedAndKeepsTheKey();
    void malformedSignalIsATypeErrorAndKeepsTheKey_data();
    void malformedSignalIsATypeErrorAndKeepsTheKey();

    void clientErrorsFollowTheAppLanguage_data();
    void clientErrorsFollowTheAppLanguage();
    void authenticatorSentencesFollowTheAppLanguage();

    void verifierRefusesAnAccountItNeverOffered();
    void verifierAnswersExactlyOnceOnCancel();
    void verifierAnswersWhenDestroyed();
    void verifierNoticeIsOnlyEverDeclined();

private:
    WebAuthnBridge& bridge() { return *m_bridge; }
    QmlUserVerifier& verifier()
    {
        return *qobject_cast<QmlUserVerifier*>(m_bridge->verifierObject());
    }
    void createConfirmed();
    QString createdId();
    int keysInFile() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QObject> m_view;
    std::unique_ptr<WebAuthnBridge> m_bridge;
    std::unique_ptr<QSignalSpy> m_answers;
};

void TestWebAuthnBridge::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString data = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    m_view = std::make_unique<QObject>();
    m_view->setProperty("url", QUrl(QStringLiteral("http://localhost:8080/profile")));
    // No system verifier: the prompt proves presence only (PAM has tests/app/test_pam_prompt).
    m_bridge = std::make_unique<WebAuthnBridge>(kHandler, passkeyStorageFor(data, true), nullptr);
    m_bridge->setView(m_view.get());
    m_answers =
        std::make_unique<QSignalSpy>(m_bridge->channelObject(), SIGNAL(answered(int, QString)));
}

void TestWebAuthnBridge::cleanup()
{
    m_answers.reset();
    m_bridge.reset();
    m_view.reset();
    m_dir.reset();
}

// QWebChannel publishes every property, signal and invokable: page script must find the
// ceremonies there and nothing that reaches the prompt, the view or navigation.
void TestWebAuthnBridge::channelObjectOffersOnlyTheCeremonies()
{
    const QMetaObject* meta = m_bridge->channelObject()->metaObject();
    QCOMPARE(meta->propertyCount(), QObject::staticMetaObject.propertyCount());
    QSet<QString> names;
    for (int i = QObject::staticMetaObject.methodCount(); i < meta->methodCount(); ++i)
        names.insert(QString::fromLatin1(meta->method(i).name()));
    QCOMPARE(names, (QSet<QString>{QStringLiteral("answered"), QStringLiteral("create"),
                                   QStringLiteral("get"), QStringLiteral("abort"),
                                   QStringLiteral("isUserVerifyingPlatformAuthenticatorAvailable"),
                                   QStringLiteral("signal")}));
}

void TestWebAuthnBridge::isHandlerPage_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<bool>("admitted");
    QTest::newRow("home") << "http://localhost:8080/" << true;
    QTest::newRow("deep page") << "http://localhost:8080/profile?x=1#y" << true;
    QTest::newRow("another port") << "http://localhost:8081/" << false;
    QTest::newRow("loopback address") << "http://127.0.0.1:8080/" << false;
    QTest::newRow("https") << "https://localhost:8080/" << false;
    QTest::newRow("another host") << "http://localhost.example.org:8080/" << false;
    QTest::newRow("file") << "file:///tmp/page.html" << false;
    QTest::newRow("empty") << "" << false;
}

void TestWebAuthnBridge::isHandlerPage()
{
    QFETCH(QString, page);
    QFETCH(bool, admitted);
    QCOMPARE(WebAuthnBridge::isHandlerPage(QUrl(page), kHandler), admitted);
}

void TestWebAuthnBridge::pageOfAnotherOriginGetsSecurityError()
{
    m_view->setProperty("url", QUrl(QStringLiteral("http://localhost:9999/")));
    bridge().create(1, creationOptions());
    QCOMPARE(m_answers->count(), 1);
    QCOMPARE(m_answers->at(0).at(0).toInt(), 1);
    QCOMPARE(errorNameOf(*m_answers), QStringLiteral("SecurityError"));
    QVERIFY(!verifier().pending());
    QVERIFY(!bridge().isUserVerifyingPlatformAuthenticatorAvailable());
}

void TestWebAuthnBridge::noViewGetsSecurityError()
{
    m_view.reset();
    bridge().get(2, requestOptions());
    QCOMPARE(m_answers->count(), 1);
    QCOMPARE(errorNameOf(*m_answers), QStringLiteral("SecurityError"));
}

void TestWebAuthnBridge::optionsThatAreNotJsonAreATypeError()
{
    bridge().create(3, QStringLiteral("[1, 2"));
    QCOMPARE(m_answers->count(), 1);
    QCOMPARE(errorNameOf(*m_answers), QStringLiteral("TypeError"));
}

// The data folder became writable by others: the store refuses it. The page hears why, in
// words, but not where the folders are (the user name, the layout); the log has the paths.
void TestWebAuthnBridge::keyStoreErrorsReachThePageWithoutAbsolutePaths()
{
    const QString data = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(QFile::setPermissions(data, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner | QFileDevice::WriteOther |
                                            QFileDevice::ReadOther | QFileDevice::ExeOther));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QRegularExpression::escape(data) + ".*not used"));
    bridge().create(4, creationOptions());
    QCOMPARE(m_answers->count(), 1);
    const QJsonObject error = answerOf(*m_answers).value(QStringLiteral("error")).toObject();
    const QString message = error.value(QStringLiteral("message")).toString();
    QCOMPARE(error.value(QStringLiteral("name")).toString(), QStringLiteral("UnknownError"));
    QVERIFY2(message.contains(QStringLiteral("other users may write to it")), qPrintable(message));
    QVERIFY2(!message.contains(m_dir->path()) && !message.contains(QStringLiteral("/tmp")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("…/data")), qPrintable(message));
    QVERIFY(!verifier().pending());
}

void TestWebAuthnBridge::createConfirmed()
{
    QSignalSpy prompts(&verifier(), &QmlUserVerifier::promptRequested);
    bridge().create(7, creationOptions());
    QTRY_VERIFY(verifier().pending());
    QCOMPARE(prompts.count(), 1);
    QCOMPARE(prompts.at(0).at(2).toString(), QStringLiteral("ada"));
    verifier().confirm(0);
    QTRY_COMPARE(m_answers->count(), 1);
}

void TestWebAuthnBridge::confirmedCreateReturnsRegistrationJson()
{
    createConfirmed();
    QCOMPARE(m_answers->at(0).at(0).toInt(), 7);
    const QJsonObject credential =
        answerOf(*m_answers).value(QStringLiteral("credential")).toObject();
    QVERIFY(!credential.value(QStringLiteral("id")).toString().isEmpty());
    QCOMPARE(credential.value(QStringLiteral("type")).toString(), QStringLiteral("public-key"));
    const QJsonObject response = credential.value(QStringLiteral("response")).toObject();
    const QJsonObject clientData =
        QJsonDocument::fromJson(
            QByteArray::fromBase64(
                response.value(QStringLiteral("clientDataJSON")).toString().toLatin1(),
                QByteArray::Base64UrlEncoding))
            .object();
    // The origin is the view's, not anything the options said.
    QCOMPARE(clientData.value(QStringLiteral("origin")).toString(),
             QStringLiteral("http://localhost:8080"));
    QCOMPARE(clientData.value(QStringLiteral("type")).toString(),
             QStringLiteral("webauthn.create"));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("data/keys.json"))));
}

void TestWebAuthnBridge::confirmedGetSignsWithTheStoredPasskey()
{
    createConfirmed();
    const QString id = answerOf(*m_answers)
                           .value(QStringLiteral("credential"))
                           .toObject()
                           .value(QStringLiteral("id"))
                           .toString();
    bridge().get(8, requestOptions());
    QTRY_VERIFY(verifier().pending());
    verifier().confirm(0);
    QTRY_COMPARE(m_answers->count(), 2);
    const QJsonObject credential =
        answerOf(*m_answers, 1).value(QStringLiteral("credential")).toObject();
    QCOMPARE(credential.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(credential.value(QStringLiteral("response"))
                 .toObject()
                 .value(QStringLiteral("userHandle"))
                 .toString(),
             QStringLiteral("dXNlci1oYW5kbGUtMQ"));
}

// Enter or a click says someone is here, not who: UP without UV, and nobody can verify.
void TestWebAuthnBridge::confirmIsPresenceOnlyWithoutASystemVerifier()
{
    QSignalSpy prompts(&verifier(), &QmlUserVerifier::promptRequested);
    createConfirmed();
    QCOMPARE(prompts.at(0).at(5).toBool(), false); // not verifying
    const QByteArray authData =
        QByteArray::fromBase64(answerOf(*m_answers)
                                   .value(QStringLiteral("credential"))
                                   .toObject()
                                   .value(QStringLiteral("response"))
                                   .toObject()
                                   .value(QStringLiteral("authenticatorData"))
                                   .toString()
                                   .toLatin1(),
                               QByteArray::Base64UrlEncoding);
    QVERIFY(authData.size() > 32);
    QCOMPARE(quint8(authData.at(32)) & 0x05, 0x01); // UP set, UV (0x04) clear
    QVERIFY(!verifier().verifiesUser());
    QVERIFY(!bridge().isUserVerifyingPlatformAuthenticatorAvailable());
}

void TestWebAuthnBridge::requiredVerificationWithoutAVerifierIsNotAllowedAndAsksNobody()
{
    QSignalSpy prompts(&verifier(), &QmlUserVerifier::promptRequested);
    QString options = creationOptions();
    options.replace(QStringLiteral("\"preferred\""), QStringLiteral("\"required\""));
    QVERIFY(options.contains(QStringLiteral("\"required\"")));
    bridge().create(11, options);
    QTRY_COMPARE(m_answers->count(), 1);
    QCOMPARE(errorNameOf(*m_answers), QStringLiteral("NotAllowedError"));
    QCOMPARE(prompts.count(), 0);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("data/keys.json"))) || keysInFile() == 0);
}

void TestWebAuthnBridge::cancelIsNotAllowedAndStoresNothing()
{
    bridge().create(4, creationOptions());
    QTRY_VERIFY(verifier().pending());
    verifier().decline();
    QTRY_COMPARE(m_answers->count(), 1);
    QCOMPARE(errorNameOf(*m_answers), QStringLiteral("NotAllowedError"));
}

// Nothing to sign in with: the prompt says so, and the page hears only once it is closed.
void TestWebAuthnBridge::noPasskeyHereIsToldBeforeThePageHears()
{
    QSignalSpy notices(&verifier(), &QmlUserVerifier::noticeRequested);
    QSignalSpy prompts(&verifier(), &QmlUserVerifier::promptRequested);
    bridge().get(5, requestOptions());
    QTRY_VERIFY(verifier().pending());
    QCOMPARE(notices.count(), 1);
    QCOMPARE(notices.at(0).at(0).toString(), QStringLiteral("localhost"));
    QCOMPARE(prompts.count(), 0);
    QTest::qWait(200);
    QCOMPARE(m_answers->count(), 0);
    verifier().confirm(0); // Return on "Close": a notice has nothing to confirm
    QTRY_COMPARE(m_answers->count(), 1);
    QCOMPARE(errorNameOf(*m_answers), QStringLiteral("NotAllowedError"));
    QCOMPARE(answerOf(*m_answers)
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString(),
             QStringLiteral("The request was cancelled."));
}

void TestWebAuthnBridge::abortClosesThePromptWithNotAllowed()
{
    QSignalSpy closed(&verifier(), &QmlUserVerifier::promptClosed);
    bridge().create(6, creationOptions());
    QTRY_VERIFY(verifier().pending());
    bridge().abort(99); // not the ceremony in progress: ignored
    QVERIFY(verifier().pending());
    bridge().abort(6);
    QTRY_COMPARE(m_answers->count(), 1);
    QCOMPARE(errorNameOf(*m_answers), QStringLiteral("NotAllowedError"));
    QCOMPARE(closed.count(), 1);
    QVERIFY(!verifier().pending());
}

void TestWebAuthnBridge::navigationEndsTheCeremony()
{
    bridge().get(9, requestOptions());
    QTRY_VERIFY(verifier().pending()); // no passkey yet: the notice
    bridge().pageChanged();
    QTRY_COMPARE(m_answers->count(), 1);
    QVERIFY(!verifier().pending());
    bridge().create(10, creationOptions());
    QTRY_VERIFY(verifier().pending());
    bridge().pageChanged();
    QTRY_COMPARE(m_answers->count(), 2);
    QCOMPARE(errorNameOf(*m_answers, 1), QStringLiteral("NotAllowedError"));
    QVERIFY(!verifier().pending());
}

// The view went to another origin while the prompt was open (and nothing ended the ceremony):
// the passkey is made, but the answer on the channel carries no credential.
void TestWebAuthnBridge::pageOfAnotherOriginByTheAnswerHearsNoCredential()
{
    bridge().create(13, creationOptions());
    QTRY_VERIFY(verifier().pending());
    m_view->setProperty("url", QUrl(QStringLiteral("http://localhost:9999/")));
    verifier().confirm(0);
    QTRY_COMPARE(m_answers->count(), 1);
    QCOMPARE(m_answers->at(0).at(0).toInt(), 13);
    QCOMPARE(errorNameOf(*m_answers), QStringLiteral("NotAllowedError"));
    QVERIFY(!answerOf(*m_answers).contains(QStringLiteral("credential")));
    // The bridge is free again for the next ceremony.
    m_view->setProperty("url", QUrl(QStringLiteral("http://localhost:8080/profile")));
    bridge().create(14, creationOptions());
    QTRY_VERIFY(verifier().pending());
    verifier().decline();
    QTRY_COMPARE(m_answers->count(), 2);
}

void TestWebAuthnBridge::secondRequestWhileOneIsOpenIsNotAllowed()
{
    bridge().create(11, creationOptions());
    QTRY_VERIFY(verifier().pending());
    bridge().get(12, requestOptions());
    QCOMPARE(m_answers->count(), 1);
    QCOMPARE(m_answers->at(0).at(0).toInt(), 12);
    QCOMPARE(errorNameOf(*m_answers), QStringLiteral("NotAllowedError"));
    // The first ceremony is untouched and can still be aborted by its own id.
    QVERIFY(verifier().pending());
    bridge().abort(11);
    QTRY_COMPARE(m_answers->count(), 2);
    QCOMPARE(m_answers->at(1).at(0).toInt(), 11);
    QVERIFY(!verifier().pending());
}

void TestWebAuthnBridge::requestedDataFolderKeepsTheSealingKeyBesideItNotInIt()
{
    const QString data = m_dir->filePath(QStringLiteral("data"));
    const PasskeyStorage storage = passkeyStorageFor(data, true);
    QCOMPARE(storage.keysFile, QDir(data).filePath(QStringLiteral("keys.json")));
    QVERIFY(!storage.useKeychain);
    QVERIFY(!storage.sealingKeyFile.startsWith(QDir(data).absolutePath() + QLatin1Char('/')));
    QVERIFY(
        storage.sealingKeyFile.startsWith(QDir(data).absolutePath() + QStringLiteral("-sealing/")));
    createConfirmed();
    QVERIFY(QFile::exists(storage.sealingKeyFile));
    QCOMPARE(QFile::permissions(storage.sealingKeyFile) & 0x0077, QFileDevice::Permissions());
}

// The client script's own errors (those the page gets before the app is asked) are in the
// app's language: the texts come from C++ when the script is installed.
void TestWebAuthnBridge::clientErrorsFollowTheAppLanguage_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");
    QTest::newRow("not public key") << QStringLiteral("navigator.credentials.get({})")
                                    << QStringLiteral("NotSupportedError: Only public key "
                                                      "credentials are supported here.")
                                    << QStringLiteral("NotSupportedError: Hier werden nur "
                                                      "Public-Key-Anmeldedaten unterstützt.");
    QTest::newRow("missing member")
        << QStringLiteral("navigator.credentials.create({publicKey: {}})")
        << QStringLiteral("TypeError: publicKey.user is required.")
        << QStringLiteral("TypeError: publicKey.user ist erforderlich.");
    QTest::newRow("not bytes")
        << QStringLiteral("navigator.credentials.get({publicKey: {challenge: 'abc'}})")
        << QStringLiteral("TypeError: challenge must be an ArrayBuffer or a typed array.")
        << QStringLiteral("TypeError: challenge muss ein ArrayBuffer oder ein typisiertes Array "
                          "sein.");
}

void TestWebAuthnBridge::clientErrorsFollowTheAppLanguage()
{
    QFETCH(QString, call);
    QFETCH(QString, english);
    QFETCH(QString, german);
    QCOMPARE(clientOutcome(call), english);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(LATCHKEY_QM_DIR "/latchkey_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString translated = clientOutcome(call);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(translated, german);
}

// The authenticator's own sentences (the prompt's reason, the answer the page gets) are in the
// app's language too, and a cancel and "no passkey here" still read the same to the page.
void TestWebAuthnBridge::authenticatorSentencesFollowTheAppLanguage()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(LATCHKEY_QM_DIR "/latchkey_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const auto removeTranslator =
        qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
    const auto messageOf = [](const QSignalSpy& spy, int index) {
        return answerOf(spy, index)
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("message"))
            .toString();
    };

    QSignalSpy prompts(&verifier(), &QmlUserVerifier::promptRequested);
    bridge().create(8, creationOptions());
    QTRY_VERIFY(verifier().pending());
    QCOMPARE(prompts.count(), 1);
    QCOMPARE(prompts.at(0).at(0).toString(), QStringLiteral("Passkey für localhost erstellen"));
    verifier().decline();
    QTRY_COMPARE(m_answers->count(), 1);
    QCOMPARE(errorNameOf(*m_answers), QStringLiteral("NotAllowedError"));
    QCOMPARE(messageOf(*m_answers, 0), QStringLiteral("Die Anfrage wurde abgebrochen."));

    bridge().get(9, requestOptions());
    QTRY_VERIFY(verifier().pending());
    verifier().decline();
    QTRY_COMPARE(m_answers->count(), 2);
    QCOMPARE(errorNameOf(*m_answers, 1), QStringLiteral("NotAllowedError"));
    QCOMPARE(messageOf(*m_answers, 1), messageOf(*m_answers, 0));
}

void TestWebAuthnBridge::verifierRefusesAnAccountItNeverOffered()
{
    QmlUserVerifier prompt;
    VerificationRequest request;
    request.accounts = {{QStringLiteral("ada"), QStringLiteral("Ada")},
                        {QStringLiteral("grace"), QStringLiteral("Grace")}};
    QList<VerificationAnswer> answers;
    prompt.verify(request, [&](VerificationAnswer answer) { answers.append(answer); });
    prompt.confirm(2);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.at(0).outcome, VerificationOutcome::Cancelled);

    prompt.verify(request, [&](VerificationAnswer answer) { answers.append(answer); });
    prompt.confirm(1);
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers.at(1).outcome, VerificationOutcome::Present);
    QCOMPARE(answers.at(1).chosenAccount, 1);
}

void TestWebAuthnBridge::verifierAnswersExactlyOnceOnCancel()
{
    QmlUserVerifier prompt;
    QSignalSpy closed(&prompt, &QmlUserVerifier::promptClosed);
    int calls = 0;
    prompt.verify({}, [&](VerificationAnswer answer) {
        ++calls;
        QCOMPARE(answer.outcome, VerificationOutcome::Cancelled);
    });
    prompt.cancel();
    prompt.cancel();
    prompt.decline();
    prompt.confirm(0);
    QCOMPARE(calls, 1);
    QCOMPARE(closed.count(), 1);
}

void TestWebAuthnBridge::verifierAnswersWhenDestroyed()
{
    int calls = 0;
    {
        QmlUserVerifier prompt;
        prompt.verify({}, [&](VerificationAnswer) { ++calls; });
    }
    QCOMPARE(calls, 1);
}

void TestWebAuthnBridge::verifierNoticeIsOnlyEverDeclined()
{
    QmlUserVerifier prompt;
    QSignalSpy notices(&prompt, &QmlUserVerifier::noticeRequested);
    QSignalSpy prompts(&prompt, &QmlUserVerifier::promptRequested);
    VerificationRequest request;
    request.kind = latchkey::authenticator::VerificationKind::InformNoCredential;
    request.rpId = QStringLiteral("localhost");
    QList<VerificationAnswer> answers;
    prompt.verify(request, [&](VerificationAnswer answer) { answers.append(answer); });
    QCOMPARE(notices.count(), 1);
    QCOMPARE(prompts.count(), 0);
    QVERIFY(prompt.pending());
    prompt.confirm(0);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.at(0).outcome, VerificationOutcome::Cancelled);
    QVERIFY(!prompt.pending());
}

QString TestWebAuthnBridge::createdId()
{
    createConfirmed();
    return answerOf(*m_answers)
        .value(QStringLiteral("credential"))
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

// Entries in keys.json as written on disk (each is one sealed key and its record).
int TestWebAuthnBridge::keysInFile() const
{
    QFile file(m_dir->filePath(QStringLiteral("data/keys.json")));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return int(QJsonDocument::fromJson(file.readAll())
                   .object()
                   .value(QStringLiteral("entries"))
                   .toArray()
                   .size());
}

void TestWebAuthnBridge::unknownCredentialSignalDeletesTheKey()
{
    const QString id = createdId();
    QCOMPARE(keysInFile(), 1);
    const QString answer =
        bridge().signal(QStringLiteral("unknownCredential"),
                        json({{QStringLiteral("rpId"), QStringLiteral("localhost")},
                              {QStringLiteral("credentialId"), id}}));
    QCOMPARE(answer, QStringLiteral("{}"));
    QCOMPARE(keysInFile(), 0);
    QVERIFY(!verifier().pending()); // silent: no prompt
}

void TestWebAuthnBridge::allAcceptedSignalDeletesTheUsersUnlistedKeys()
{
    createdId();
    const QJsonObject otherUser{{QStringLiteral("rpId"), QStringLiteral("localhost")},
                                {QStringLiteral("userId"), QStringLiteral("b3RoZXI")},
                                {QStringLiteral("allAcceptedCredentialIds"), QJsonArray{}}};
    QCOMPARE(bridge().signal(QStringLiteral("allAcceptedCredentials"), json(otherUser)),
             QStringLiteral("{}"));
    QCOMPARE(keysInFile(), 1);
    const QJsonObject thisUser{{QStringLiteral("rpId"), QStringLiteral("localhost")},
                               {QStringLiteral("userId"), QStringLiteral("dXNlci1oYW5kbGUtMQ")},
                               {QStringLiteral("allAcceptedCredentialIds"), QJsonArray{}}};
    QCOMPARE(bridge().signal(QStringLiteral("allAcceptedCredentials"), json(thisUser)),
             QStringLiteral("{}"));
    QCOMPARE(keysInFile(), 0);
}

// The origin rule of the ceremonies: the view's page, and an rpId that is the page's.
void TestWebAuthnBridge::signalFromAnotherPageIsRefusedAndKeepsTheKey_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("rpId");
    QTest::newRow("another port") << "http://localhost:8081/profile"
                                  << "localhost";
    QTest::newRow("loopback address") << "http://127.0.0.1:8080/profile"
                                      << "localhost";
    QTest::newRow("another site") << "http://example.org:8080/"
                                  << "localhost";
    QTest::newRow("no view") << ""
                             << "localhost";
    QTest::newRow("rpId of another site") << "http://localhost:8080/profile"
                                          << "example.org";
}

void TestWebAuthnBridge::signalFromAnotherPageIsRefusedAndKeepsTheKey()
{
    QFETCH(QString, page);
    QFETCH(QString, rpId);
    const QString id = createdId();
    m_view->setProperty("url", QUrl(page));
    const QString answer = bridge().signal(
        QStringLiteral("unknownCredential"),
        json({{QStringLiteral("rpId"), rpId}, {QStringLiteral("credentialId"), id}}));
    QCOMPARE(signalErrorName(answer), QStringLiteral("SecurityError"));
    QCOMPARE(keysInFile(), 1);
}

void TestWebAuthnBridge::malformedSignalIsATypeErrorAndKeepsTheKey_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("options");
    QTest::newRow("not json") << "unknownCredential"
                              << "[1,";
    QTest::newRow("no rpId") << "unknownCredential"
                             << R"({"credentialId":"AAAA"})";
    QTest::newRow("id not base64url") << "unknownCredential"
                                      << R"({"rpId":"localhost","credentialId":"***"})";
    QTest::newRow("list missing") << "allAcceptedCredentials"
                                  << R"({"rpId":"localhost","userId":"dXNlci1oYW5kbGUtMQ"})";
    QTest::newRow("unknown signal") << "everything"
                                    << R"({"rpId":"localhost"})";
}

void TestWebAuthnBridge::malformedSignalIsATypeErrorAndKeepsTheKey()
{
    QFETCH(QString, kind);
    QFETCH(QString, options);
    createdId();
    QCOMPARE(signalErrorName(bridge().signal(kind, options)), QStringLiteral("TypeError"));
    QCOMPARE(keysInFile(), 1);
}

QTEST_GUILESS_MAIN(TestWebAuthnBridge)
#include "test_webauthn_bridge.moc"
