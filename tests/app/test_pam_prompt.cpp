// The app's prompt (QmlUserVerifier) with PAM behind it, through the bridge, the client, the
// local authenticator and the software key store, on a real PAM stack (pam_wrapper, preloaded
// by CTest; the service files are tests/authenticator/pam/). What the QML prompt would do is
// done by calling the same invokables it calls (answer, confirm, decline).
// The flags the relying party reads follow PAM's outcome: UV only when PAM said yes.

#include "app/authenticator_setup.h"
#include "app/qml_user_verifier.h"
#include "app/user_verification_choice.h"
#include "app/webauthn_bridge.h"
#include "authenticator/linux/pam_verifier.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace latchkey::app;
using latchkey::authenticator::PamVerifier;

namespace {

const QUrl kHandler(QStringLiteral("http://localhost:8080/"));
constexpr auto kPassword = "correct horse";
constexpr quint8 kUp = 0x01;
constexpr quint8 kUv = 0x04;

QString creationOptions(const QString& userVerification)
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
                     {QStringLiteral("userVerification"), userVerification}}},
    };
    return QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Compact));
}

QString requestOptions()
{
    const QJsonObject options{
        {QStringLiteral("rpId"), QStringLiteral("localhost")},
        {QStringLiteral("challenge"), QStringLiteral("YW5vdGhlci1jaGFsbGVuZ2UtZm9yLXNpZ24taW4")},
        {QStringLiteral("userVerification"), QStringLiteral("required")},
    };
    return QString::fromUtf8(QJsonDocument(options).toJson(QJsonDocument::Compact));
}

QJsonObject answerOf(const QSignalSpy& spy, int index)
{
    return QJsonDocument::fromJson(spy.at(index).at(1).toString().toUtf8()).object();
}

QString errorNameOf(const QSignalSpy& spy, int index)
{
    return answerOf(spy, index).value("error").toObject().value("name").toString();
}

// The authenticator data's flags byte of a registration or an assertion answer.
quint8 flagsOf(const QSignalSpy& spy, int index)
{
    const QString data = answerOf(spy, index)
                             .value("credential")
                             .toObject()
                             .value("response")
                             .toObject()
                             .value("authenticatorData")
                             .toString();
    const QByteArray bytes = QByteArray::fromBase64(data.toLatin1(), QByteArray::Base64UrlEncoding);
    return bytes.size() > 32 ? quint8(bytes.at(32)) : 0xff;
}

} // namespace

class TestPamPrompt : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QObject> m_view;
    std::unique_ptr<PamVerifier> m_pam;
    std::unique_ptr<WebAuthnBridge> m_bridge;
    std::unique_ptr<QSignalSpy> m_answers;

    QmlUserVerifier& prompt()
    {
        return *qobject_cast<QmlUserVerifier*>(m_bridge->verifierObject());
    }

    void open(const QString& service)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        const QString data = m_dir->filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        m_view = std::make_unique<QObject>();
        m_view->setProperty("url", QUrl(QStringLiteral("http://localhost:8080/register")));
        m_pam = std::make_unique<PamVerifier>(PamVerifier::Settings{service, QString()});
        m_bridge =
            std::make_unique<WebAuthnBridge>(kHandler, passkeyStorageFor(data, true), m_pam.get());
        m_bridge->setView(m_view.get());
        m_answers =
            std::make_unique<QSignalSpy>(m_bridge->channelObject(), SIGNAL(answered(int, QString)));
    }

    bool keysFileHasEntries() const
    {
        QFile file(m_dir->filePath(QStringLiteral("data/keys.json")));
        if (!file.open(QIODevice::ReadOnly))
            return false;
        return !QJsonDocument::fromJson(file.readAll())
                    .object()
                    .value(QStringLiteral("entries"))
                    .toArray()
                    .isEmpty();
    }

    // Creates with "required" and answers PAM's password question with password.
    void createAnswering(const QString& password)
    {
        QSignalSpy questions(&prompt(), &QmlUserVerifier::questionAsked);
        m_bridge->create(1, creationOptions(QStringLiteral("required")));
        QTRY_COMPARE_WITH_TIMEOUT(questions.count(), 1, 10000);
        QCOMPARE(questions.at(0).at(1).toBool(), true); // hidden: a password field
        prompt().answer(password);
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(qEnvironmentVariable("PAM_WRAPPER"), QStringLiteral("1"));
        const QString user = PamVerifier::currentUserName();
        // The same lines from every PAM test, replaced at once: tests may run side by side.
        QSaveFile passdb(qEnvironmentVariable("LATCHKEY_PAM_PASSDB"));
        QVERIFY(passdb.open(QIODevice::WriteOnly));
        for (const char* service : {"latchkey", "latchkey_password", "latchkey_verbose"})
            passdb.write(QStringLiteral("%1:%2:%3\n").arg(user, kPassword, service).toUtf8());
        QVERIFY(passdb.commit());
    }

    void cleanup()
    {
        m_answers.reset();
        m_bridge.reset();
        m_pam.reset();
        m_view.reset();
        m_dir.reset();
    }

    // pam_wrapper's service folder holds "latchkey": the app's one choice takes PAM, a gate.
    void choiceTakesPamWhereItsServiceIsInstalledAndSaysWhatItIs()
    {
        const UserVerificationChoice choice;
        QVERIFY(choice.chosen());
        QVERIFY(choice.chosen()->status().available);
        QCOMPARE(choice.chosen()->status().name, QStringLiteral("pam"));
        const QJsonArray verifiers = choice.diagnostics();
        QCOMPARE(verifiers.size(), 2);
        const QJsonObject pam = verifiers.at(0).toObject();
        QCOMPARE(pam.value("name").toString(), QStringLiteral("pam"));
        QCOMPARE(pam.value("available").toBool(), true);
        QCOMPARE(pam.value("inUse").toBool(), true);
        QCOMPARE(pam.value("binding").toString(), QStringLiteral("gate"));
        const QJsonObject polkit = verifiers.at(1).toObject();
        QCOMPARE(polkit.value("name").toString(), QStringLiteral("polkit"));
        QCOMPARE(polkit.value("inUse").toBool(), false);
        QCOMPARE(polkit.value("binding").toString(), QStringLiteral("gate"));
        // Either it is there, or it says why not.
        QVERIFY(polkit.value("available").toBool() || !polkit.value("reason").toString().isEmpty());
    }

    void systemVerifierMakesThePlatformAuthenticatorUserVerifying()
    {
        open(QStringLiteral("latchkey_password"));
        QVERIFY(prompt().verifiesUser());
        QVERIFY(m_bridge->isUserVerifyingPlatformAuthenticatorAvailable());
    }

    void rightPasswordSetsUpAndUv()
    {
        open(QStringLiteral("latchkey_password"));
        QSignalSpy prompts(&prompt(), &QmlUserVerifier::promptRequested);
        QSignalSpy closed(&prompt(), &QmlUserVerifier::promptClosed);
        createAnswering(QString::fromLatin1(kPassword));
        QTRY_COMPARE_WITH_TIMEOUT(m_answers->count(), 1, 10000);
        QCOMPARE(prompts.count(), 1);
        QCOMPARE(prompts.at(0).at(5).toBool(), true); // the prompt says the system verifies
        QVERIFY2(errorNameOf(*m_answers, 0).isEmpty(), qPrintable(errorNameOf(*m_answers, 0)));
        QCOMPARE(flagsOf(*m_answers, 0) & (kUp | kUv), kUp | kUv);
        QVERIFY(closed.count() >= 1);

        // Sign in: asked again, verified again.
        QSignalSpy questions(&prompt(), &QmlUserVerifier::questionAsked);
        m_bridge->get(2, requestOptions());
        QTRY_COMPARE_WITH_TIMEOUT(questions.count(), 1, 10000);
        prompt().answer(QString::fromLatin1(kPassword));
        QTRY_COMPARE_WITH_TIMEOUT(m_answers->count(), 2, 10000);
        QCOMPARE(flagsOf(*m_answers, 1) & (kUp | kUv), kUp | kUv);
    }

    void wrongPasswordIsNotAllowedStoresNothingAndTheNextPromptWaits()
    {
        open(QStringLiteral("latchkey_password"));
        createAnswering(QStringLiteral("wrong"));
        QTRY_COMPARE_WITH_TIMEOUT(m_answers->count(), 1, 10000);
        QCOMPARE(errorNameOf(*m_answers, 0), QStringLiteral("NotAllowedError"));
        QVERIFY(!keysFileHasEntries());

        QSignalSpy delays(&prompt(), &QmlUserVerifier::retryDelayed);
        QSignalSpy questions(&prompt(), &QmlUserVerifier::questionAsked);
        m_bridge->create(3, creationOptions(QStringLiteral("required")));
        QTRY_COMPARE(delays.count(), 1);
        const int delayMs = delays.at(0).at(0).toInt();
        QVERIFY2(delayMs > 500 && delayMs <= 1000, qPrintable(QString::number(delayMs)));
        QCOMPARE(questions.count(), 0); // PAM is not asked before the wait is over
        QTRY_COMPARE_WITH_TIMEOUT(questions.count(), 1, 5000);
        prompt().answer(QString::fromLatin1(kPassword));
        QTRY_COMPARE_WITH_TIMEOUT(m_answers->count(), 2, 10000);
        QCOMPARE(flagsOf(*m_answers, 1) & kUv, kUv);
    }

    void refusedByPamIsNotAllowed()
    {
        open(QStringLiteral("latchkey_deny"));
        m_bridge->create(4, creationOptions(QStringLiteral("required")));
        QTRY_COMPARE_WITH_TIMEOUT(m_answers->count(), 1, 10000);
        QCOMPARE(errorNameOf(*m_answers, 0), QStringLiteral("NotAllowedError"));
        QVERIFY(!keysFileHasEntries());
    }

    void acceptedByPamWithoutAQuestionSetsUv()
    {
        open(QStringLiteral("latchkey_permit"));
        m_bridge->create(5, creationOptions(QStringLiteral("preferred")));
        QTRY_COMPARE_WITH_TIMEOUT(m_answers->count(), 1, 10000);
        QCOMPARE(flagsOf(*m_answers, 0) & (kUp | kUv), kUp | kUv);
    }

    void discouragedAsksPamNothingAndSetsNoUv()
    {
        open(QStringLiteral("latchkey_password"));
        QSignalSpy questions(&prompt(), &QmlUserVerifier::questionAsked);
        m_bridge->create(6, creationOptions(QStringLiteral("discouraged")));
        QTRY_VERIFY(prompt().pending());
        prompt().confirm(0);
        QTRY_COMPARE(m_answers->count(), 1);
        QCOMPARE(questions.count(), 0);
        QCOMPARE(flagsOf(*m_answers, 0) & (kUp | kUv), kUp);
    }

    void cancelMidConversationIsNotAllowedAndStoresNothing()
    {
        open(QStringLiteral("latchkey_password"));
        QSignalSpy questions(&prompt(), &QmlUserVerifier::questionAsked);
        m_bridge->create(7, creationOptions(QStringLiteral("required")));
        QTRY_COMPARE_WITH_TIMEOUT(questions.count(), 1, 10000);
        prompt().decline(); // Escape in the prompt while it asks for the password
        QTRY_COMPARE(m_answers->count(), 1);
        QCOMPARE(errorNameOf(*m_answers, 0), QStringLiteral("NotAllowedError"));
        QVERIFY(!keysFileHasEntries());
        prompt().answer(QString::fromLatin1(kPassword)); // too late: reaches nobody
        QTest::qWait(300);
        QCOMPARE(m_answers->count(), 1);
    }

    // Confirm is not a password: pressing it while PAM asks only submits the (empty) field.
    void confirmWhileAskedDoesNotVerify()
    {
        open(QStringLiteral("latchkey_password"));
        QSignalSpy questions(&prompt(), &QmlUserVerifier::questionAsked);
        m_bridge->create(8, creationOptions(QStringLiteral("required")));
        QTRY_COMPARE_WITH_TIMEOUT(questions.count(), 1, 10000);
        prompt().confirm(0);
        QTest::qWait(200);
        QCOMPARE(m_answers->count(), 0);
        prompt().decline();
        QTRY_COMPARE(m_answers->count(), 1);
        QCOMPARE(errorNameOf(*m_answers, 0), QStringLiteral("NotAllowedError"));
    }
};

QTEST_GUILESS_MAIN(TestPamPrompt)
#include "test_pam_prompt.moc"
