#pragma once

#include "authenticator/failure_backoff.h"
#include "authenticator/system_verifier.h"

#include <QDBusConnection>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <optional>

class QDBusPendingCallWatcher;

namespace latchkey::authenticator {

// Verifies the person through polkit: CheckAuthorization of the action
// io.latchkey.Latchkey.verify-user (packaging/polkit, "auth_self": the person's own password)
// with user interaction allowed, so the desktop's authentication agent asks, as KeePassXC's
// quick unlock does. The prompt only says that the system's dialog asks.
//
// Race-free subject: the app's own unique name on the system bus ("system-bus-name"), which
// polkitd resolves to this process itself, never a pid that could be reused. The system bus is
// reached at its fixed address, never through DBUS_SYSTEM_BUS_ADDRESS, so no environment
// variable can point the app at a fake polkit. (Settings::systemBusAddress is a constructor
// argument that only tests set.)
//
// Detected and reported (status(), and as Unavailable when a verification finds it):
// - no system bus or no polkit on it,
// - the action's policy file not installed,
// - no authentication agent in this session (polkit answers "challenge" although user
//   interaction was allowed). Then the verifier marks itself unavailable, so the app falls back
//   to presence only (UP, no UV) and says so, instead of failing each time.
// A gate, not bound to the key. Dismissing the agent's dialog is Cancelled, a refusal is
// Failed (and slowed by a FailureBackoff).
class PolkitVerifier final : public QObject, public SystemVerifier {
    Q_OBJECT

public:
    static constexpr auto kActionId = "io.latchkey.Latchkey.verify-user";

    // The app uses the defaults; only tests set other values.
    struct Settings {
        QString systemBusAddress = QStringLiteral("unix:path=/run/dbus/system_bus_socket");
        QString policyDirectory = QStringLiteral("/usr/share/polkit-1/actions");
        QString actionId = QString::fromLatin1(kActionId);
    };

    explicit PolkitVerifier(Settings settings, QObject* parent = nullptr);
    ~PolkitVerifier() override;

    VerifierStatus status() const override;
    void verify(VerificationConversation& conversation, Done done) override;
    void cancel() override;

private:
    // Connects once; the reason it could not, or nullopt.
    std::optional<QString> connectOnce() const;
    void start();
    void onReply(QDBusPendingCallWatcher* watcher);
    void finish(SystemVerification verification);

    Settings m_settings;
    mutable std::optional<QDBusConnection> m_bus;
    mutable QString m_busError;
    QString m_noAgentReason; // set once a check found no agent: unavailable from then on
    FailureBackoff m_backoff;
    QTimer m_retryTimer;
    QPointer<QDBusPendingCallWatcher> m_pending;
    QString m_cancellationId;
    int m_checks = 0;
    VerificationConversation* m_conversation = nullptr;
    Done m_done;
};

} // namespace latchkey::authenticator
