#include "authenticator/linux/pam_verifier.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <pwd.h>
#include <security/pam_appl.h>
#include <thread>
#include <unistd.h>

namespace latchkey::authenticator {

// What the PAM thread and the verifier share. The verifier may go away first: it clears context
// under the mutex, and the thread posts to it only while holding the mutex.
struct PamVerifier::Session {
    std::mutex mutex;
    std::condition_variable changed;
    PamVerifier* context = nullptr;
    bool cancelled = false;       // the verifier gave up on this session
    bool personCancelled = false; // the person answered a question with "cancel"
    bool replied = false;
    std::optional<QString> reply;
    QByteArray service;
    QByteArray user;
};

namespace {

QStringList defaultServiceDirectories()
{
    // pam_wrapper (tests) reads its service files from there instead of /etc/pam.d.
    if (qEnvironmentVariable("PAM_WRAPPER") == QLatin1String("1") &&
        qEnvironmentVariableIsSet("PAM_WRAPPER_SERVICE_DIR"))
        return {qEnvironmentVariable("PAM_WRAPPER_SERVICE_DIR")};
    return {QStringLiteral("/etc/pam.d"), QStringLiteral("/usr/lib/pam.d")};
}

void wipe(QByteArray& secret)
{
    secret.fill('\0');
    secret.clear();
}

void freeResponses(pam_response* responses, int count)
{
    for (int i = 0; i < count; ++i) {
        if (char* text = responses[i].resp) {
            explicit_bzero(text, std::strlen(text));
            std::free(text);
        }
    }
    std::free(responses);
}

// The statuses that mean "this person was not confirmed", as opposed to PAM failing to run.
bool isRefusal(int status)
{
    switch (status) {
    case PAM_AUTH_ERR:
    case PAM_USER_UNKNOWN:
    case PAM_MAXTRIES:
    case PAM_PERM_DENIED:
    case PAM_CRED_INSUFFICIENT:
    case PAM_ACCT_EXPIRED:
    case PAM_AUTHTOK_EXPIRED:
    case PAM_NEW_AUTHTOK_REQD:
        return true;
    default:
        return false;
    }
}

} // namespace

PamVerifier::PamVerifier(Settings settings, QObject* parent)
    : QObject(parent), m_settings(std::move(settings))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &PamVerifier::start);
}

PamVerifier::~PamVerifier()
{
    if (m_session) {
        std::lock_guard lock(m_session->mutex);
        m_session->context = nullptr;
        m_session->cancelled = true;
        m_session->changed.notify_all();
    }
    m_session.reset();
    finish(SystemVerification{SystemVerificationResult::Cancelled, QString()});
}

QString PamVerifier::currentUserName()
{
    const long suggested = sysconf(_SC_GETPW_R_SIZE_MAX);
    QByteArray buffer(suggested > 0 ? suggested : 16384, '\0');
    passwd entry{};
    passwd* found = nullptr;
    if (getpwuid_r(getuid(), &entry, buffer.data(), size_t(buffer.size()), &found) != 0 || !found)
        return QString();
    return QString::fromLocal8Bit(found->pw_name);
}

VerifierStatus PamVerifier::status() const
{
    VerifierStatus status{QStringLiteral("pam"), false, QString(), VerificationBinding::Gate};
    if (currentUserName().isEmpty()) {
        status.unavailableReason = tr("The account this app runs as has no user name, so PAM "
                                      "cannot be asked about it.");
        return status;
    }
    const QStringList directories = m_settings.serviceDirectory.isEmpty()
                                        ? defaultServiceDirectories()
                                        : QStringList{m_settings.serviceDirectory};
    for (const QString& directory : directories) {
        if (QFileInfo(directory + QLatin1Char('/') + m_settings.service).isFile()) {
            status.available = true;
            return status;
        }
    }
    status.unavailableReason =
        tr("The PAM service \"%1\" is not installed (no %2/%1): install packaging/pam/latchkey "
           "as /etc/pam.d/latchkey to confirm with your password or fingerprint.")
            .arg(m_settings.service, directories.first());
    return status;
}

void PamVerifier::verify(VerificationConversation& conversation, Done done)
{
    if (m_done)
        cancel();
    m_conversation = &conversation;
    m_done = std::move(done);
    const auto wait = m_backoff.remaining(FailureBackoff::Clock::now());
    if (wait.count() > 0) {
        conversation.waitBeforeRetry(wait);
        m_retryTimer.start(wait);
        return;
    }
    start();
}

void PamVerifier::start()
{
    auto session = std::make_shared<Session>();
    session->context = this;
    session->service = m_settings.service.toUtf8();
    session->user = currentUserName().toLocal8Bit();
    m_session = session;
    std::thread(&PamVerifier::run, std::move(session)).detach();
}

void PamVerifier::cancel()
{
    m_retryTimer.stop();
    if (m_session) {
        std::lock_guard lock(m_session->mutex);
        m_session->cancelled = true;
        m_session->changed.notify_all();
    }
    m_session.reset();
    finish(SystemVerification{SystemVerificationResult::Cancelled, QString()});
}

void PamVerifier::finish(SystemVerification verification)
{
    m_conversation = nullptr;
    if (Done done = std::exchange(m_done, {}))
        done(std::move(verification));
}

// The PAM thread. PAM_DISALLOW_NULL_AUTHTOK: an account without a password is not "verified".
void PamVerifier::run(std::shared_ptr<Session> session)
{
    pam_conv conversation{&PamVerifier::converse, &session};
    pam_handle_t* handle = nullptr;
    int status =
        pam_start(session->service.constData(), session->user.constData(), &conversation, &handle);
    QString message;
    if (status == PAM_SUCCESS) {
        status = pam_authenticate(handle, PAM_DISALLOW_NULL_AUTHTOK);
        if (status == PAM_SUCCESS)
            status = pam_acct_mgmt(handle, PAM_DISALLOW_NULL_AUTHTOK);
        message = QString::fromLocal8Bit(pam_strerror(handle, status));
        pam_end(handle, status);
    } else {
        message = tr("PAM could not start");
    }
    std::lock_guard lock(session->mutex);
    if (PamVerifier* verifier = session->context) {
        QMetaObject::invokeMethod(
            verifier,
            [verifier, session, status, message] {
                verifier->onFinished(session, status, message);
            },
            Qt::QueuedConnection);
    }
}

int PamVerifier::converse(int count, const pam_message** messages, pam_response** responses,
                          void* data)
{
    const auto& session = *static_cast<std::shared_ptr<Session>*>(data);
    if (count <= 0 || count > PAM_MAX_NUM_MSG)
        return PAM_CONV_ERR;
    auto* answers = static_cast<pam_response*>(std::calloc(size_t(count), sizeof(pam_response)));
    if (!answers)
        return PAM_BUF_ERR;
    for (int i = 0; i < count; ++i) {
        const QString text = QString::fromLocal8Bit(messages[i]->msg);
        switch (messages[i]->msg_style) {
        case PAM_PROMPT_ECHO_OFF:
        case PAM_PROMPT_ECHO_ON: {
            const auto answer =
                askAndWait(session, text, messages[i]->msg_style == PAM_PROMPT_ECHO_OFF);
            if (!answer) {
                freeResponses(answers, count);
                return PAM_CONV_ERR;
            }
            QByteArray bytes = answer->toLocal8Bit();
            answers[i].resp = strdup(bytes.constData());
            wipe(bytes);
            if (!answers[i].resp) {
                freeResponses(answers, count);
                return PAM_BUF_ERR;
            }
            break;
        }
        case PAM_TEXT_INFO:
            tell(session, text, false);
            break;
        case PAM_ERROR_MSG:
            tell(session, text, true);
            break;
        default:
            freeResponses(answers, count);
            return PAM_CONV_ERR;
        }
    }
    *responses = answers;
    return PAM_SUCCESS;
}

std::optional<QString> PamVerifier::askAndWait(const std::shared_ptr<Session>& session,
                                               const QString& question, bool hidden)
{
    std::unique_lock lock(session->mutex);
    if (!session->context || session->cancelled)
        return std::nullopt;
    session->replied = false;
    session->reply.reset();
    PamVerifier* verifier = session->context;
    QMetaObject::invokeMethod(
        verifier,
        [verifier, session, question, hidden] { verifier->onQuestion(session, question, hidden); },
        Qt::QueuedConnection);
    // No timeout of its own: the ceremony's timeout cancels, which wakes this.
    session->changed.wait(lock, [&] { return session->cancelled || session->replied; });
    if (session->cancelled || !session->reply) {
        session->personCancelled = !session->cancelled;
        return std::nullopt;
    }
    return std::exchange(session->reply, std::nullopt);
}

void PamVerifier::tell(const std::shared_ptr<Session>& session, const QString& message, bool error)
{
    std::lock_guard lock(session->mutex);
    if (PamVerifier* verifier = session->context; verifier && !session->cancelled) {
        QMetaObject::invokeMethod(
            verifier,
            [verifier, session, message, error] { verifier->onMessage(session, message, error); },
            Qt::QueuedConnection);
    }
}

void PamVerifier::onQuestion(const std::shared_ptr<Session>& session, const QString& question,
                             bool hidden)
{
    if (session != m_session || !m_conversation)
        return;
    m_conversation->ask(question, hidden, [session](std::optional<QString> answer) {
        std::lock_guard lock(session->mutex);
        if (session->replied)
            return;
        session->replied = true;
        session->reply = std::move(answer);
        session->changed.notify_all();
    });
}

void PamVerifier::onMessage(const std::shared_ptr<Session>& session, const QString& message,
                            bool error)
{
    if (session == m_session && m_conversation)
        m_conversation->inform(message, error);
}

void PamVerifier::onFinished(const std::shared_ptr<Session>& session, int pamStatus,
                             const QString& pamMessage)
{
    if (session != m_session)
        return; // cancelled meanwhile: already answered
    m_session.reset();
    bool personCancelled = false;
    {
        std::lock_guard lock(session->mutex);
        personCancelled = session->personCancelled;
    }
    if (pamStatus == PAM_SUCCESS) {
        m_backoff.recordSuccess();
        return finish(SystemVerification{SystemVerificationResult::Verified, QString()});
    }
    if (personCancelled)
        return finish(SystemVerification{SystemVerificationResult::Cancelled, QString()});
    if (isRefusal(pamStatus)) {
        m_backoff.recordFailure(FailureBackoff::Clock::now());
        return finish(SystemVerification{
            SystemVerificationResult::Failed,
            tr("Your password or fingerprint was not accepted (%1).").arg(pamMessage)});
    }
    finish(SystemVerification{SystemVerificationResult::Unavailable,
                              tr("PAM could not check who you are (%1).").arg(pamMessage)});
}

} // namespace latchkey::authenticator
