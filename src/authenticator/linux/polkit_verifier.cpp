#include "authenticator/linux/polkit_verifier.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QFileInfo>
#include <QMap>

namespace {

// polkit's Subject: (sa{sv}), here always ("system-bus-name", {"name": <unique name>}).
struct PolkitSubject {
    QString kind;
    QVariantMap details;
};

QDBusArgument& operator<<(QDBusArgument& argument, const PolkitSubject& subject)
{
    argument.beginStructure();
    argument << subject.kind << subject.details;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, PolkitSubject& subject)
{
    argument.beginStructure();
    argument >> subject.kind >> subject.details;
    argument.endStructure();
    return argument;
}

} // namespace

Q_DECLARE_METATYPE(PolkitSubject)

namespace latchkey::authenticator {
namespace {

using StringMap = QMap<QString, QString>;

const QString kPolkitService = QStringLiteral("org.freedesktop.PolicyKit1");
const QString kAuthorityPath = QStringLiteral("/org/freedesktop/PolicyKit1/Authority");
const QString kAuthorityInterface = QStringLiteral("org.freedesktop.PolicyKit1.Authority");
constexpr quint32 kAllowUserInteraction = 0x1;
// The agent's dialog waits for the person; the ceremony's own timeout cancels sooner.
constexpr int kCheckTimeoutMs = 10 * 60 * 1000;

// io.latchkey.Latchkey.verify-user is declared in io.latchkey.Latchkey.policy.
QString policyFileName(const QString& actionId)
{
    return actionId.section(QLatin1Char('.'), 0, 2) + QStringLiteral(".policy");
}

void registerTypes()
{
    static const bool registered = [] {
        qDBusRegisterMetaType<PolkitSubject>();
        qDBusRegisterMetaType<StringMap>();
        return true;
    }();
    (void)registered;
}

struct CheckResult {
    bool authorized = false;
    bool challenge = false;
    StringMap details;
};

std::optional<CheckResult> parseResult(const QDBusMessage& reply)
{
    if (reply.arguments().size() != 1 || !reply.arguments().first().canConvert<QDBusArgument>())
        return std::nullopt;
    const QDBusArgument argument = reply.arguments().first().value<QDBusArgument>();
    if (argument.currentSignature() != QLatin1String("(bba{ss})"))
        return std::nullopt;
    CheckResult result;
    argument.beginStructure();
    argument >> result.authorized >> result.challenge >> result.details;
    argument.endStructure();
    return result;
}

} // namespace

PolkitVerifier::PolkitVerifier(Settings settings, QObject* parent)
    : QObject(parent), m_settings(std::move(settings))
{
    registerTypes();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &PolkitVerifier::start);
}

PolkitVerifier::~PolkitVerifier()
{
    cancel();
    if (m_bus)
        QDBusConnection::disconnectFromBus(m_bus->name());
}

std::optional<QString> PolkitVerifier::connectOnce() const
{
    if (!m_bus) {
        const QString name = QStringLiteral("latchkey-polkit-%1").arg(quintptr(this), 0, 16);
        m_bus = QDBusConnection::connectToBus(m_settings.systemBusAddress, name);
        if (!m_bus->isConnected()) {
            m_busError = tr("The system bus (%1) cannot be reached: %2.")
                             .arg(m_settings.systemBusAddress, m_bus->lastError().message());
        } else if (QDBusConnectionInterface* bus = m_bus->interface();
                   !bus->isServiceRegistered(kPolkitService) &&
                   !bus->activatableServiceNames().value().contains(kPolkitService)) {
            m_busError = tr("polkit does not run on the system bus (no %1).").arg(kPolkitService);
        }
    }
    if (m_busError.isEmpty())
        return std::nullopt;
    return m_busError;
}

VerifierStatus PolkitVerifier::status() const
{
    VerifierStatus status{QStringLiteral("polkit"), false, QString(), VerificationBinding::Gate};
    const QString policy =
        m_settings.policyDirectory + QLatin1Char('/') + policyFileName(m_settings.actionId);
    if (!QFileInfo(policy).isFile()) {
        status.unavailableReason =
            tr("The polkit action %1 is not installed (no %2): install "
               "packaging/polkit/%3 there to confirm with your password in the desktop's dialog.")
                .arg(m_settings.actionId, policy, policyFileName(m_settings.actionId));
        return status;
    }
    if (const auto unreachable = connectOnce()) {
        status.unavailableReason = *unreachable;
        return status;
    }
    if (!m_noAgentReason.isEmpty()) {
        status.unavailableReason = m_noAgentReason;
        return status;
    }
    status.available = true;
    return status;
}

void PolkitVerifier::verify(VerificationConversation& conversation, Done done)
{
    if (m_done)
        cancel();
    m_conversation = &conversation;
    m_done = std::move(done);
    if (const VerifierStatus now = status(); !now.available)
        return finish(
            SystemVerification{SystemVerificationResult::Unavailable, now.unavailableReason});
    const auto wait = m_backoff.remaining(FailureBackoff::Clock::now());
    if (wait.count() > 0) {
        conversation.waitBeforeRetry(wait);
        m_retryTimer.start(wait);
        return;
    }
    start();
}

void PolkitVerifier::start()
{
    if (m_conversation)
        m_conversation->inform(tr("Your desktop asks for your password in its own window."), false);
    m_cancellationId = QStringLiteral("latchkey-%1").arg(++m_checks);
    const PolkitSubject subject{QStringLiteral("system-bus-name"),
                                {{QStringLiteral("name"), m_bus->baseService()}}};
    QDBusMessage call = QDBusMessage::createMethodCall(
        kPolkitService, kAuthorityPath, kAuthorityInterface, QStringLiteral("CheckAuthorization"));
    call << QVariant::fromValue(subject) << m_settings.actionId << QVariant::fromValue(StringMap())
         << kAllowUserInteraction << m_cancellationId;
    m_pending = new QDBusPendingCallWatcher(m_bus->asyncCall(call, kCheckTimeoutMs), this);
    connect(m_pending, &QDBusPendingCallWatcher::finished, this, &PolkitVerifier::onReply);
}

void PolkitVerifier::cancel()
{
    m_retryTimer.stop();
    if (m_pending) {
        delete m_pending.data();
        QDBusMessage call =
            QDBusMessage::createMethodCall(kPolkitService, kAuthorityPath, kAuthorityInterface,
                                           QStringLiteral("CancelCheckAuthorization"));
        call << m_cancellationId;
        m_bus->asyncCall(call);
    }
    finish(SystemVerification{SystemVerificationResult::Cancelled, QString()});
}

void PolkitVerifier::onReply(QDBusPendingCallWatcher* watcher)
{
    watcher->deleteLater();
    if (watcher != m_pending)
        return;
    m_pending.clear();
    const QDBusMessage reply = watcher->reply();
    if (reply.type() == QDBusMessage::ErrorMessage)
        return finish(SystemVerification{
            SystemVerificationResult::Unavailable,
            tr("polkit could not check who you are (%1).").arg(reply.errorMessage())});
    const auto result = parseResult(reply);
    if (!result)
        return finish(SystemVerification{SystemVerificationResult::Unavailable,
                                         tr("polkit answered in a form this app does not know.")});
    if (result->authorized) {
        m_backoff.recordSuccess();
        return finish(SystemVerification{SystemVerificationResult::Verified, QString()});
    }
    if (result->details.value(QStringLiteral("polkit.dismissed")) == QLatin1String("true"))
        return finish(SystemVerification{SystemVerificationResult::Cancelled, QString()});
    if (result->challenge) {
        // Interaction was allowed, yet polkit still wants a challenge: nobody can ask.
        m_noAgentReason = tr("No polkit authentication agent runs in this session, so nothing "
                             "can ask for your password; until one runs, passkeys here are "
                             "confirmed by presence only.");
        return finish(SystemVerification{SystemVerificationResult::Unavailable, m_noAgentReason});
    }
    m_backoff.recordFailure(FailureBackoff::Clock::now());
    finish(SystemVerification{SystemVerificationResult::Failed,
                              tr("The system did not confirm it is you.")});
}

void PolkitVerifier::finish(SystemVerification verification)
{
    m_conversation = nullptr;
    if (Done done = std::exchange(m_done, {}))
        done(std::move(verification));
}

} // namespace latchkey::authenticator
