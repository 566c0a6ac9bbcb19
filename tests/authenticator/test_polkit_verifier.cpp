// PolkitVerifier: what it detects and how it reads polkit's answers.
//
// Real parts: a private dbus-daemon started by the test (its bus address given to the verifier
// as Settings::systemBusAddress, the seam only code can reach, where the app uses the fixed
// /run/dbus/system_bus_socket), Qt DBus marshalling both ways. Faked: polkitd itself, which
// needs the real system bus and root; the test registers org.freedesktop.PolicyKit1 on the
// private bus and answers CheckAuthorization as polkitd does for each case (authorized, no
// agent, dismissed, refused, action not registered). What polkitd and a desktop agent really do
// is NOT verified here.

#include "authenticator/linux/polkit_verifier.h"

#include <QDBusAbstractAdaptor>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace latchkey::authenticator;

namespace {

// The person's side: polkit's dialog is the agent's, so the prompt only shows messages.
class RecordingConversation final : public VerificationConversation {
public:
    QStringList messages;
    QList<std::chrono::milliseconds> waits;
    void ask(const QString&, bool, Reply reply) override { reply(std::nullopt); }
    void inform(const QString& message, bool) override { messages.append(message); }
    void waitBeforeRetry(std::chrono::milliseconds delay) override { waits.append(delay); }
};

// Answers CheckAuthorization as polkitd would in the case the test sets.
class FakeAuthority final : public QDBusVirtualObject {
public:
    enum class Answer { Authorized, NoAgent, Dismissed, Refused, NotRegistered, Hold };
    Answer answer = Answer::Authorized;
    QString subjectKind;
    QString subjectName;
    QString sender;
    QString actionId;
    quint32 flags = 0;
    QStringList cancelled;
    QDBusConnection* connection = nullptr;

    QString introspect(const QString&) const override { return QString(); }

    bool handleMessage(const QDBusMessage& message, const QDBusConnection& bus) override
    {
        if (message.member() == QLatin1String("CancelCheckAuthorization")) {
            cancelled.append(message.arguments().value(0).toString());
            bus.send(message.createReply());
            return true;
        }
        if (message.member() != QLatin1String("CheckAuthorization"))
            return false;
        sender = message.service();
        const QDBusArgument subject = message.arguments().at(0).value<QDBusArgument>();
        QVariantMap details;
        subject.beginStructure();
        subject >> subjectKind >> details;
        subject.endStructure();
        subjectName = details.value(QStringLiteral("name")).toString();
        actionId = message.arguments().at(1).toString();
        flags = message.arguments().at(3).toUInt();
        if (answer == Answer::Hold)
            return true; // the agent's dialog stays open
        if (answer == Answer::NotRegistered) {
            bus.send(message.createErrorReply(
                QStringLiteral("org.freedesktop.PolicyKit1.Error.Failed"),
                QStringLiteral("Action %1 is not registered").arg(actionId)));
            return true;
        }
        QDBusArgument result;
        result.beginStructure();
        QMap<QString, QString> resultDetails;
        if (answer == Answer::Dismissed)
            resultDetails.insert(QStringLiteral("polkit.dismissed"), QStringLiteral("true"));
        result << (answer == Answer::Authorized) << (answer == Answer::NoAgent) << resultDetails;
        result.endStructure();
        bus.send(message.createReply(QVariant::fromValue(result)));
        return true;
    }
};

struct Outcome {
    std::optional<SystemVerification> verification;
    int calls = 0;
};

} // namespace

class TestPolkitVerifier : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
    QString m_policyDir;
    std::unique_ptr<QDBusConnection> m_authorityBus;
    FakeAuthority m_authority;

    PolkitVerifier::Settings settings() const
    {
        return {m_address, m_policyDir, QString::fromLatin1(PolkitVerifier::kActionId)};
    }

    SystemVerification verifyOnce(PolkitVerifier& verifier, RecordingConversation& conversation)
    {
        Outcome outcome;
        verifier.verify(conversation, [&](SystemVerification verification) {
            ++outcome.calls;
            outcome.verification = verification;
        });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(outcome.calls > 0, 10000);
        }();
        return outcome.verification.value_or(SystemVerification{});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        QVERIFY2(!daemon.isEmpty(), "dbus-daemon is not installed (packaging/install-deps.sh)");
        m_address = QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("bus"));
        m_daemon.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                QStringLiteral("--nopidfile"), QStringLiteral("--nosyslog"),
                                QStringLiteral("--address=") + m_address});
        QVERIFY(m_daemon.waitForStarted());
        QTRY_VERIFY(QFile::exists(m_dir.filePath(QStringLiteral("bus"))));
        m_authorityBus = std::make_unique<QDBusConnection>(
            QDBusConnection::connectToBus(m_address, QStringLiteral("fake-polkitd")));
        QVERIFY(m_authorityBus->isConnected());
        QVERIFY(m_authorityBus->registerVirtualObject(
            QStringLiteral("/org/freedesktop/PolicyKit1/Authority"), &m_authority));
        QVERIFY(m_authorityBus->registerService(QStringLiteral("org.freedesktop.PolicyKit1")));

        m_policyDir = m_dir.filePath(QStringLiteral("actions"));
        QVERIFY(QDir().mkpath(m_policyDir));
        QVERIFY(QFile::copy(QStringLiteral(LATCHKEY_POLKIT_POLICY),
                            m_policyDir + QStringLiteral("/io.latchkey.Latchkey.policy")));
    }

    void cleanupTestCase()
    {
        m_authorityBus.reset();
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-polkitd"));
        m_daemon.terminate();
        m_daemon.waitForFinished();
    }

    void noSystemBusIsUnavailableAndSaysWhere()
    {
        const QString absent = QStringLiteral("unix:path=") + m_dir.filePath("no-bus-here");
        PolkitVerifier verifier(
            {absent, m_policyDir, QString::fromLatin1(PolkitVerifier::kActionId)});
        const VerifierStatus status = verifier.status();
        QVERIFY(!status.available);
        QVERIFY2(status.unavailableReason.contains(absent), qPrintable(status.unavailableReason));
        RecordingConversation conversation;
        QCOMPARE(verifyOnce(verifier, conversation).result, SystemVerificationResult::Unavailable);
    }

    void noPolicyIsUnavailableAndSaysWhatToInstall()
    {
        PolkitVerifier verifier({m_address, m_dir.filePath(QStringLiteral("empty")),
                                 QString::fromLatin1(PolkitVerifier::kActionId)});
        const VerifierStatus status = verifier.status();
        QVERIFY(!status.available);
        QVERIFY2(status.unavailableReason.contains(
                     QStringLiteral("packaging/polkit/io.latchkey.Latchkey.policy")),
                 qPrintable(status.unavailableReason));
    }

    void noPolkitOnTheBusIsUnavailable()
    {
        QVERIFY(m_authorityBus->unregisterService(QStringLiteral("org.freedesktop.PolicyKit1")));
        PolkitVerifier verifier(settings());
        const VerifierStatus status = verifier.status();
        QVERIFY(m_authorityBus->registerService(QStringLiteral("org.freedesktop.PolicyKit1")));
        QVERIFY(!status.available);
        QVERIFY2(status.unavailableReason.contains(QStringLiteral("org.freedesktop.PolicyKit1")),
                 qPrintable(status.unavailableReason));
    }

    void authorizedVerifiesAndTheSubjectIsTheCallersOwnBusName()
    {
        m_authority.answer = FakeAuthority::Answer::Authorized;
        PolkitVerifier verifier(settings());
        const VerifierStatus status = verifier.status();
        QVERIFY2(status.available, qPrintable(status.unavailableReason));
        QCOMPARE(status.binding, VerificationBinding::Gate);
        RecordingConversation conversation;
        QCOMPARE(verifyOnce(verifier, conversation).result, SystemVerificationResult::Verified);
        QCOMPARE(m_authority.subjectKind, QStringLiteral("system-bus-name"));
        QVERIFY(m_authority.subjectName.startsWith(QLatin1Char(':')));
        QCOMPARE(m_authority.subjectName, m_authority.sender); // race-free: the caller itself
        QCOMPARE(m_authority.actionId, QStringLiteral("io.latchkey.Latchkey.verify-user"));
        QCOMPARE(m_authority.flags, 1u);           // AllowUserInteraction: the agent asks
        QCOMPARE(conversation.messages.size(), 1); // "your desktop asks in its own window"
    }

    void noAgentIsUnavailableAndTheVerifierFallsBack()
    {
        m_authority.answer = FakeAuthority::Answer::NoAgent;
        PolkitVerifier verifier(settings());
        QVERIFY(verifier.status().available);
        RecordingConversation conversation;
        const auto result = verifyOnce(verifier, conversation);
        QCOMPARE(result.result, SystemVerificationResult::Unavailable);
        QVERIFY2(result.message.contains(QStringLiteral("agent")), qPrintable(result.message));
        // From now on it says so up front: the app's prompt proves presence only.
        const VerifierStatus after = verifier.status();
        QVERIFY(!after.available);
        QVERIFY(after.unavailableReason.contains(QStringLiteral("presence only")));
    }

    void dismissedDialogIsCancelled()
    {
        m_authority.answer = FakeAuthority::Answer::Dismissed;
        PolkitVerifier verifier(settings());
        RecordingConversation conversation;
        QCOMPARE(verifyOnce(verifier, conversation).result, SystemVerificationResult::Cancelled);
    }

    void refusedIsFailedAndSlowsTheNextAttempt()
    {
        m_authority.answer = FakeAuthority::Answer::Refused;
        PolkitVerifier verifier(settings());
        RecordingConversation conversation;
        QCOMPARE(verifyOnce(verifier, conversation).result, SystemVerificationResult::Failed);
        QVERIFY(conversation.waits.isEmpty());
        m_authority.answer = FakeAuthority::Answer::Authorized;
        QCOMPARE(verifyOnce(verifier, conversation).result, SystemVerificationResult::Verified);
        QCOMPARE(conversation.waits.size(), 1);
    }

    void actionNotRegisteredIsUnavailableWithPolkitsWords()
    {
        m_authority.answer = FakeAuthority::Answer::NotRegistered;
        PolkitVerifier verifier(settings());
        RecordingConversation conversation;
        const auto result = verifyOnce(verifier, conversation);
        QCOMPARE(result.result, SystemVerificationResult::Unavailable);
        QVERIFY2(result.message.contains(QStringLiteral("not registered")),
                 qPrintable(result.message));
    }

    void cancelWhileTheDialogIsOpenCancelsTheCheckInPolkit()
    {
        m_authority.answer = FakeAuthority::Answer::Hold;
        m_authority.cancelled.clear();
        m_authority.actionId.clear();
        PolkitVerifier verifier(settings());
        RecordingConversation conversation;
        Outcome outcome;
        verifier.verify(conversation, [&](SystemVerification verification) {
            ++outcome.calls;
            outcome.verification = verification;
        });
        QTRY_VERIFY(!m_authority.actionId.isEmpty());
        verifier.cancel();
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(outcome.verification->result, SystemVerificationResult::Cancelled);
        QTRY_COMPARE(m_authority.cancelled.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPolkitVerifier)
#include "test_polkit_verifier.moc"
