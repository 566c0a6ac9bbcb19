#pragma once

#include "server/http_message.h"
#include "server/server_context.h"
#include "store/credential_store.h"
#include "store/session_store.h"
#include "store/user_store.h"

#include <optional>

namespace latchkey::server {

// Where a browser stands. A profile's session is Enrolling until the profile has a passkey:
// creating a profile gives its creator such a session, good only for registering the first
// passkey; SignedIn needs a passkey that verified (or one registered in this session).
// Recovering: a recovery sign-in (store::SessionKind::Recovery, granted by a recovery code or
// an emailed link), good only for registering a new passkey and removing lost ones; it ends
// when the new passkey is registered (the session is rotated to SignedIn) or after
// store::recoverySessionPolicy().
enum class SessionState { None, Anonymous, Enrolling, SignedIn, Recovering };

struct CurrentSession {
    SessionState state = SessionState::None;
    store::SessionToken token;
    store::Session session;
    std::optional<store::User> user;
};

// The browser side of store::SessionStore: the latchkey_session cookie (HttpOnly,
// SameSite=Strict, Path=/, no Max-Age: the server decides expiry) and the
// latchkey_last_user cookie (a profile's uid, so the sign-in page can greet them).
class Sessions {
public:
    Sessions(store::Database& database, const ServerContext& context);

    // The browser's live session (state None when it has none: no cookie, unknown or
    // expired). An error when the store could not tell: never read that as "signed out".
    store::StoreResult<CurrentSession> current(const HttpRequest& request);
    // The current live session, or a new anonymous one (created = true: set its cookie).
    store::StoreResult<CurrentSession> currentOrNew(const HttpRequest& request, bool& created);
    // A new session for a profile just created (Enrolling).
    store::StoreResult<store::IssuedSession> startEnrolment(qint64 userId);
    // A recovery sign-in for userId, granted on a proof that spend marks used in the same
    // transaction (store::SessionStore::startRecovery); the browser's current session, if
    // any, is replaced. The caller sets the cookie: recoveryGrantedAnswer() does.
    store::StoreResult<store::IssuedSession> startRecovery(const HttpRequest& request,
                                                           qint64 userId,
                                                           const store::SpendRecoveryProof& spend);
    // Sign-in: a new id for the same browser, now bound to userId.
    store::StoreResult<store::IssuedSession> rotate(const store::SessionToken& token,
                                                    qint64 userId);
    store::StoreResult<void> end(const store::SessionToken& token);
    // A profile created this long ago without a passkey can have no enrolment session left.
    static std::chrono::milliseconds longestLifetime() { return store::SessionPolicy{}.absolute; }
    QDateTime now() const { return m_context.now(); }
    const ServerContext& context() const { return m_context; }

    static QByteArray sessionCookieName() { return "latchkey_session"; }
    static QByteArray lastUserCookieName() { return "latchkey_last_user"; }
    static QByteArray sessionCookie(const store::SessionToken& token);
    static QByteArray clearedSessionCookie();
    static QByteArray lastUserCookie(const QString& uid);
    static QByteArray clearedLastUserCookie();

private:
    void purgeExpired();
    store::StoreResult<SessionState> stateFor(const store::Session& session,
                                              std::optional<store::User>& user) const;

    const ServerContext& m_context;
    store::SessionStore m_sessions;
    store::UserStore m_users;
    store::CredentialStore m_credentials;
};

} // namespace latchkey::server
