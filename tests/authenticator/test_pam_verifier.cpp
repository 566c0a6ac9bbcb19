// PamVerifier through a real PAM stack: libpam with pam_wrapper (LD_PRELOAD, set by CTest) reads
// the service files of tests/authenticator/pam/ from the build tree. pam_permit and pam_deny are
// the system's modules; pam_matrix (from pam_wrapper) checks a password from the test's passdb.
// PAM runs on the verifier's own thread; the conversation here answers on this thread, as the
// app's prompt does.

#include "authenticator/linux/pam_verifier.h"

#include <QFile>
#include <QSaveFile>
#include <QSignalSpy>
#include <QtTest>

using namespace latchkey::authenticator;
using namespace std::chrono_literals;

namespace {

constexpr auto kPassword = "correct horse";

// The person at the prompt: answers each question from a script (nullopt: "cancel"), or holds
// the question when the script is empty.
class ScriptedConversation final : public VerificationConversation {
public:
    QList<std::optional<QString>> answers;
    QStringList questions;
    QList<bool> hidden;
    QStringList messages;
    QList<std::chrono::milliseconds> waits;
    Reply held;

    void ask(const QString& question, bool isHidden, Reply reply) override
    {
        questions.append(question);
        hidden.append(isHidden);
        if (answers.isEmpty()) {
            held = std::move(reply);
            return;
        }
        reply(answers.takeFirst());
    }
    void inform(const QString& message, bool error) override
    {
        messages.append((error ? QStringLiteral("error: ") : QStringLiteral("info: ")) + message);
    }
    void waitBeforeRetry(std::chrono::milliseconds delay) override { waits.append(delay); }
};

struct Outcome {
    std::optional<SystemVerification> verification;
    int calls = 0;
};

} // namespace

class TestPamVerifier : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<PamVerifier> verifierFor(const QString& service)
    {
        return std::make_unique<PamVerifier>(PamVerifier::Settings{service, QString()});
    }

    // Runs one verification to its end (PAM answers on its thread, the result comes back here).
    SystemVerification verifyWith(PamVerifier& verifier, ScriptedConversation& conversation,
                                  int timeoutMs = 10000)
    {
        Outcome outcome;
        verifier.verify(conversation, [&](SystemVerification verification) {
            ++outcome.calls;
            outcome.verification = verification;
        });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, timeoutMs);
        }();
        QTest::qWait(50); // a second answer would arrive by now
        [&] {
            QCOMPARE(outcome.calls, 1);
        }();
        return outcome.verification.value_or(SystemVerification{});
    }

private slots:
    void initTestCase()
    {
        // pam_wrapper must be preloaded, or libpam would read /etc/pam.d and ask the machine.
        QCOMPARE(qEnvironmentVariable("PAM_WRAPPER"), QStringLiteral("1"));
        QVERIFY(qEnvironmentVariable("LD_PRELOAD").contains(QStringLiteral("pam_wrapper")));
        const QString user = PamVerifier::currentUserName();
        QVERIFY(!user.isEmpty());
        // The same lines from every PAM test, replaced at once: tests may run side by side.
        QSaveFile passdb(qEnvironmentVariable("LATCHKEY_PAM_PASSDB"));
        QVERIFY(passdb.open(QIODevice::WriteOnly));
        for (const char* service : {"latchkey", "latchkey_password", "latchkey_verbose"})
            passdb.write(QStringLiteral("%1:%2:%3\n").arg(user, kPassword, service).toUtf8());
        QVERIFY(passdb.commit());
    }

    void statusIsAGateAvailableWhereTheServiceIsInstalled()
    {
        const VerifierStatus status = verifierFor(QStringLiteral("latchkey_password"))->status();
        QCOMPARE(status.name, QStringLiteral("pam"));
        QVERIFY(status.available);
        QVERIFY(status.unavailableReason.isEmpty());
        QCOMPARE(status.binding, VerificationBinding::Gate);
    }

    void missingServiceIsUnavailableAndSaysWhatToInstall()
    {
        const VerifierStatus status = verifierFor(QStringLiteral("latchkey_absent"))->status();
        QVERIFY(!status.available);
        QVERIFY2(status.unavailableReason.contains(QStringLiteral("packaging/pam/latchkey")),
                 qPrintable(status.unavailableReason));
    }

    void permitVerifiesWithoutAQuestion()
    {
        auto verifier = verifierFor(QStringLiteral("latchkey_permit"));
        ScriptedConversation conversation;
        const auto result = verifyWith(*verifier, conversation);
        QCOMPARE(result.result, SystemVerificationResult::Verified);
        QVERIFY(conversation.questions.isEmpty());
    }

    void denyFailsAndSlowsTheNextAttempt()
    {
        auto verifier = verifierFor(QStringLiteral("latchkey_deny"));
        ScriptedConversation conversation;
        const auto result = verifyWith(*verifier, conversation);
        QCOMPARE(result.result, SystemVerificationResult::Failed);
        QVERIFY(!result.message.isEmpty());
        QVERIFY(conversation.waits.isEmpty());
        // The second attempt waits (about 1 s) before PAM is asked again, and fails again.
        QElapsedTimer clock;
        clock.start();
        const auto second = verifyWith(*verifier, conversation);
        QCOMPARE(second.result, SystemVerificationResult::Failed);
        QCOMPARE(conversation.waits.size(), 1);
        QVERIFY(conversation.waits.first() > 500ms && conversation.waits.first() <= 1000ms);
        QVERIFY2(clock.elapsed() >= 500, qPrintable(QString::number(clock.elapsed())));
    }

    void rightPasswordIsAskedHiddenAndVerifies()
    {
        auto verifier = verifierFor(QStringLiteral("latchkey_password"));
        ScriptedConversation conversation;
        conversation.answers = {QString::fromLatin1(kPassword)};
        const auto result = verifyWith(*verifier, conversation);
        QCOMPARE(result.result, SystemVerificationResult::Verified);
        QCOMPARE(conversation.questions.size(), 1);
        QCOMPARE(conversation.hidden, QList<bool>{true});
    }

    void wrongPasswordFailsThenWaitsThenTheRightOneVerifies()
    {
        auto verifier = verifierFor(QStringLiteral("latchkey_password"));
        ScriptedConversation conversation;
        conversation.answers = {QStringLiteral("wrong"), QString::fromLatin1(kPassword)};
        QCOMPARE(verifyWith(*verifier, conversation).result, SystemVerificationResult::Failed);
        QCOMPARE(verifyWith(*verifier, conversation).result, SystemVerificationResult::Verified);
        QCOMPARE(conversation.waits.size(), 1);
        QCOMPARE(conversation.questions.size(), 2);
        // A success starts over: no wait before the next attempt.
        conversation.answers = {QString::fromLatin1(kPassword)};
        QCOMPARE(verifyWith(*verifier, conversation).result, SystemVerificationResult::Verified);
        QCOMPARE(conversation.waits.size(), 1);
    }

    // pam_echo speaks first, as pam_fprintd does, then pam_matrix asks for the password.
    void messagesOfTheModuleReachTheConversation()
    {
        auto verifier = verifierFor(QStringLiteral("latchkey_verbose"));
        ScriptedConversation conversation;
        conversation.answers = {QString::fromLatin1(kPassword)};
        QCOMPARE(verifyWith(*verifier, conversation).result, SystemVerificationResult::Verified);
        QCOMPARE(conversation.messages,
                 QStringList{QStringLiteral("info: Place your finger on the reader")});
    }

    void cancelMidConversationAnswersCancelledAtOnceAndOnlyOnce()
    {
        auto verifier = verifierFor(QStringLiteral("latchkey_password"));
        ScriptedConversation conversation; // holds the question
        Outcome outcome;
        verifier->verify(conversation, [&](SystemVerification verification) {
            ++outcome.calls;
            outcome.verification = verification;
        });
        QTRY_COMPARE(conversation.questions.size(), 1);
        verifier->cancel();
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(outcome.verification->result, SystemVerificationResult::Cancelled);
        // Too late: the answer reaches nobody, and PAM's own end is dropped.
        conversation.held(QString::fromLatin1(kPassword));
        QTest::qWait(300);
        QCOMPARE(outcome.calls, 1);
        // A cancel is not a failure: the next attempt starts at once.
        conversation.answers = {QString::fromLatin1(kPassword)};
        QCOMPARE(verifyWith(*verifier, conversation).result, SystemVerificationResult::Verified);
        QVERIFY(conversation.waits.isEmpty());
    }

    void personCancellingTheQuestionIsCancelled()
    {
        auto verifier = verifierFor(QStringLiteral("latchkey_password"));
        ScriptedConversation conversation;
        conversation.answers = {std::nullopt};
        QCOMPARE(verifyWith(*verifier, conversation).result, SystemVerificationResult::Cancelled);
        QVERIFY(conversation.waits.isEmpty());
    }

    void verifierGoingAwayMidConversationIsSafe()
    {
        ScriptedConversation conversation;
        int calls = 0;
        {
            auto verifier = verifierFor(QStringLiteral("latchkey_password"));
            verifier->verify(conversation, [&](SystemVerification verification) {
                ++calls;
                QCOMPARE(verification.result, SystemVerificationResult::Cancelled);
            });
            QTRY_COMPARE(conversation.questions.size(), 1);
        }
        QCOMPARE(calls, 1);
        conversation.held(QStringLiteral("late"));
        QTest::qWait(200); // the PAM thread ends on its own; nothing is posted to the dead object
        QCOMPARE(calls, 1);
    }
};

QTEST_GUILESS_MAIN(TestPamVerifier)
#include "test_pam_verifier.moc"
