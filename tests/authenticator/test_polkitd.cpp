// PolkitVerifier against Debian's real polkitd, on a private bus. The test starts a dbus-daemon
// of its own (a system-type bus on a socket in a temporary folder, open to polkitd's user) and
// /usr/lib/polkit-1/polkitd on it (DBUS_SYSTEM_BUS_ADDRESS points polkitd there); the verifier
// reaches that bus through Settings::systemBusAddress, the seam only code can set (the app uses
// the fixed /run/dbus/system_bus_socket). polkitd reads the actions installed on this machine
// (/usr/share/polkit-1/actions), where Latchkey's own is not: that is the "policy missing" case
// as polkitd answers it. No authentication agent runs here.
// polkitd drops to its own user, which needs root: the test runs where CI runs, as root. For
// an account polkitd does not simply trust, the test runs one check in a child process of its
// own binary as "nobody" (--check-as-this-user).

#include "authenticator/linux/polkit_verifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>
#include <grp.h>
#include <unistd.h>

using namespace latchkey::authenticator;

namespace {

class RecordingConversation final : public VerificationConversation {
public:
    QStringList messages;
    void ask(const QString&, bool, Reply reply) override { reply(std::nullopt); }
    void inform(const QString& message, bool) override { messages.append(message); }
    void waitBeforeRetry(std::chrono::milliseconds) override {}
};

// A system-type bus anyone may use: polkitd runs as its own user, the test as root.
QByteArray busConfig(const QString& socket)
{
    return QStringLiteral(
               "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN\""
               " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
               "<busconfig><type>system</type><listen>unix:path=%1</listen>"
               "<auth>EXTERNAL</auth><policy context=\"default\">"
               "<allow user=\"*\"/><allow own=\"*\"/><allow send_destination=\"*\"/>"
               "<allow send_type=\"method_call\"/><allow receive_sender=\"*\"/>"
               "<allow receive_type=\"method_call\"/><allow receive_type=\"method_return\"/>"
               "<allow receive_type=\"error\"/><allow receive_type=\"signal\"/>"
               "</policy></busconfig>\n")
        .arg(socket)
        .toUtf8();
}

} // namespace

class TestPolkitd : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/latchkey-polkitd-XXXXXX")};
    QProcess m_bus;
    QProcess m_polkitd;
    QString m_address;

    SystemVerification verifyOnce(PolkitVerifier& verifier)
    {
        RecordingConversation conversation;
        std::optional<SystemVerification> result;
        verifier.verify(conversation,
                        [&](SystemVerification verification) { result = verification; });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        }();
        return result.value_or(SystemVerification{});
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(geteuid() == 0, "polkitd changes to its own user, which needs root");
        QVERIFY(QFile::exists(QStringLiteral("/usr/lib/polkit-1/polkitd")));
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        QVERIFY(!daemon.isEmpty());
        // polkitd's user must reach the socket.
        QVERIFY(QFile::setPermissions(
            m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                              QFileDevice::ExeGroup | QFileDevice::ExeOther));
        const QString socket = m_dir.filePath(QStringLiteral("system_bus_socket"));
        QFile config(m_dir.filePath(QStringLiteral("bus.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(busConfig(socket));
        config.close();
        m_bus.start(daemon, {QStringLiteral("--config-file=") + config.fileName(),
                             QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                             QStringLiteral("--nosyslog")});
        QVERIFY(m_bus.waitForStarted());
        QTRY_VERIFY(QFile::exists(socket));
        QVERIFY(QFile::setPermissions(socket, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ReadOther |
                                                  QFileDevice::WriteOther));
        m_address = QStringLiteral("unix:path=") + socket;

        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), m_address);
        m_polkitd.setProcessEnvironment(environment);
        m_polkitd.setProcessChannelMode(QProcess::MergedChannels);
        m_polkitd.start(QStringLiteral("/usr/lib/polkit-1/polkitd"), {});
        QVERIFY(m_polkitd.waitForStarted());
        // Up once it owns its name on the bus.
        QDBusConnection watcher =
            QDBusConnection::connectToBus(m_address, QStringLiteral("polkitd-watcher"));
        QVERIFY(watcher.isConnected());
        QTRY_VERIFY_WITH_TIMEOUT(
            watcher.interface()
                    ->isServiceRegistered(QStringLiteral("org.freedesktop.PolicyKit1"))
                    .value() ||
                m_polkitd.state() == QProcess::NotRunning,
            15000);
        QVERIFY2(m_polkitd.state() == QProcess::Running, "polkitd did not stay up on the bus");
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("polkitd-watcher"));
        m_polkitd.terminate();
        m_polkitd.waitForFinished();
        m_bus.terminate();
        m_bus.waitForFinished();
    }

    // Latchkey's action is not among the installed ones: polkitd refuses the check, and the
    // verifier reports it as unavailable with polkitd's words, verifying nobody.
    void actionPolkitdDoesNotKnowIsUnavailable()
    {
        QTemporaryDir policies;
        QVERIFY(QFile::copy(QStringLiteral(LATCHKEY_POLKIT_POLICY),
                            policies.filePath(QStringLiteral("io.latchkey.Latchkey.policy"))));
        PolkitVerifier verifier(
            {m_address, policies.path(), QString::fromLatin1(PolkitVerifier::kActionId)});
        const VerifierStatus status = verifier.status();
        QVERIFY2(status.available, qPrintable(status.unavailableReason));
        const auto result = verifyOnce(verifier);
        QCOMPARE(result.result, SystemVerificationResult::Unavailable);
        qInfo("polkitd on an unknown action: %s", qPrintable(result.message));
        QVERIFY2(result.message.contains(PolkitVerifier::kActionId), qPrintable(result.message));
    }

    // An installed action (pkexec's): polkitd answers about this very process, named by its
    // unique bus name. The answer is polkitd's own: for root it may authorize at once; for any
    // other account it needs an agent, and none runs here.
    void installedActionIsAnsweredByPolkitdForThisProcess()
    {
        PolkitVerifier verifier({m_address, QStringLiteral("/usr/share/polkit-1/actions"),
                                 QStringLiteral("org.freedesktop.policykit.exec")});
        QVERIFY2(verifier.status().available, qPrintable(verifier.status().unavailableReason));
        const auto result = verifyOnce(verifier);
        qInfo("polkitd on org.freedesktop.policykit.exec as uid %u: result %d, %s", geteuid(),
              int(result.result), qPrintable(result.message));
        QCOMPARE(result.result, SystemVerificationResult::Verified); // polkitd trusts root
    }

    // As "nobody", pkexec's action needs an administrator's password, and no agent runs to ask
    // for it: polkitd answers "challenge" although interaction was allowed. The verifier says
    // there is no agent, and is unavailable from then on (the app then proves presence only).
    void noAgentIsDetectedFromPolkitdsOwnAnswer()
    {
        QProcess child;
        child.setChildProcessModifier([] {
            constexpr gid_t kNobody = 65534;
            if (setgroups(0, nullptr) != 0 || setgid(kNobody) != 0 || setuid(kNobody) != 0)
                _exit(97);
        });
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--check-as-this-user"), m_address});
        QVERIFY(child.waitForFinished(20000));
        const QString output = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        qInfo("as nobody: %s", qPrintable(output));
        QCOMPARE(child.exitCode(), 0);
        QVERIFY2(output.startsWith(QStringLiteral("unavailable|")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("agent")), qPrintable(output));
        QVERIFY2(output.endsWith(QStringLiteral("|then-unavailable")), qPrintable(output));
    }
};

// The child's side: one verification, then whether the verifier still offers itself.
int checkAsThisUser(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    PolkitVerifier verifier({QString::fromLocal8Bit(argv[2]),
                             QStringLiteral("/usr/share/polkit-1/actions"),
                             QStringLiteral("org.freedesktop.policykit.exec")});
    RecordingConversation conversation;
    std::optional<SystemVerification> result;
    verifier.verify(conversation, [&](SystemVerification verification) {
        result = verification;
        application.quit();
    });
    if (!result)
        application.exec();
    const char* names[] = {"verified", "failed", "cancelled", "unavailable"};
    std::printf("%s|%s|%s\n", names[int(result->result)], qPrintable(result->message),
                verifier.status().available ? "then-available" : "then-unavailable");
    return 0;
}

int main(int argc, char** argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--check-as-this-user") == 0)
        return checkAsThisUser(argc, argv);
    QCoreApplication application(argc, argv);
    TestPolkitd test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_polkitd.moc"
