#include "server/sessions.h"

namespace latchkey::server {

namespace {

// HttpOnly: page script never reads them. SameSite=Strict: no other site's request carries
// them. No Max-Age on the session: it ends with the browser or at the server's expiry.
constexpr char kCookieAttributes[] = "; Path=/; HttpOnly; SameSite=Strict";
// A year: only a greeting depends on it, and "switch user" forgets it.
constexpr char kLastUserLifetime[] = "; Max-Age=31536000";
constexpr char kExpired[] = "; Max-Age=0";

} // namespace

Sessions::Sessions(store::Database& database, const ServerContext& context)
    : m_context(context), m_sessions(database), m_users(database), m_credentials(database)
{}

store::StoreResult<SessionState> Sessions::stateFor(const store::Session& session,
                                                    std::optional<store::User>& user) const
{
    if (!session.userId)
        return SessionState::Anonymous;
    auto found = m_users.findById(*session.userId);
    if (!found)
        return found.error();
    user = *found;
    if (!user)
        return SessionState::Anonymous;
    if (session.kind == store::SessionKind::Recovery)
        return SessionState::Recovering;
    const auto passkeys = m_credentials.countForUser(user->id);
    if (!passkeys)
        return passkeys.error();
    return *passkeys > 0 ? SessionState::SignedIn : SessionState::Enrolling;
}

store::StoreResult<CurrentSession> Sessions::current(const HttpRequest& request)
{
    CurrentSession current;
    current.token = store::SessionToken::fromBase64Url(request.cookie(sessionCookieName()));
    if (!current.token.isWellFormed())
        return current;
    const auto found = m_sessions.findValid(current.token, m_context.now());
    if (!found && found.error().code == store::StoreError::Code::NotFound)
        return current;
    if (!found)
        return found.error();
    current.session = *found;
    const auto state = stateFor(current.session, current.user);
    if (!state)
        return state.error();
    current.state = *state;
    return current;
}

store::StoreResult<CurrentSession> Sessions::currentOrNew(const HttpRequest& request, bool& created)
{
    created = false;
    auto existing = current(request);
    if (!existing || existing->state != SessionState::None)
        return existing;
    purgeExpired();
    const auto issued = m_sessions.create(std::nullopt, m_context.now());
    if (!issued)
        return issued.error();
    created = true;
    CurrentSession fresh;
    fresh.state = SessionState::Anonymous;
    fresh.token = issued->token;
    fresh.session = issued->session;
    return fresh;
}

// Expired rows are refused anyway; deleting them when a session starts keeps the table to
// the live ones without a timer. A failure here only leaves garbage behind.
void Sessions::purgeExpired()
{
    static_cast<void>(m_sessions.purgeExpired(m_context.now()));
}

store::StoreResult<store::IssuedSession> Sessions::startEnrolment(qint64 userId)
{
    purgeExpired();
    return m_sessions.create(userId, m_context.now());
}

store::StoreResult<store::IssuedSession>
Sessions::startRecovery(const HttpRequest& request, qint64 userId,
                        const store::SpendRecoveryProof& spend)
{
    // No purge of expired sessions here: a refused proof must leave the database as it was.
    const auto replacing = store::SessionToken::fromBase64Url(request.cookie(sessionCookieName()));
    return m_sessions.startRecovery(userId, m_context.now(), spend, replacing);
}

store::StoreResult<store::IssuedSession> Sessions::rotate(const store::SessionToken& token,
                                                          qint64 userId)
{
    return m_sessions.rotate(token, userId, m_context.now());
}

store::StoreResult<void> Sessions::end(const store::SessionToken& token)
{
    return m_sessions.remove(token);
}

QByteArray Sessions::sessionCookie(const store::SessionToken& token)
{
    return sessionCookieName() + "=" + token.toBase64Url() + kCookieAttributes;
}

QByteArray Sessions::clearedSessionCookie()
{
    return sessionCookieName() + "=" + kCookieAttributes + kExpired;
}

QByteArray Sessions::lastUserCookie(const QString& uid)
{
    return lastUserCookieName() + "=" + uid.toLatin1() + kCookieAttributes + kLastUserLifetime;
}

QByteArray Sessions::clearedLastUserCookie()
{
    return lastUserCookieName() + "=" + kCookieAttributes + kExpired;
}

} // namespace latchkey::server
