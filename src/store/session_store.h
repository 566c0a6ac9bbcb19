#pragma once

#include "store/database.h"
#include "store/store_error.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <chrono>
#include <functional>
#include <optional>

namespace latchkey::store {

// The secret a browser holds for its session (in a cookie): 32 bytes from the system's
// CSPRNG. The database keeps only its SHA-256, so it is shown once, when it is created.
class SessionToken {
public:
    static constexpr qsizetype size = 32;

    SessionToken() = default;
    // Any bytes; isWellFormed() says whether they can name a session at all.
    static SessionToken fromBytes(QByteArray bytes);
    // The cookie form (base64url without padding); malformed text gives an empty token.
    static SessionToken fromBase64Url(const QByteArray& encoded);

    const QByteArray& bytes() const { return m_bytes; }
    QByteArray toBase64Url() const;
    bool isWellFormed() const { return m_bytes.size() == size; }

private:
    explicit SessionToken(QByteArray bytes) : m_bytes(std::move(bytes)) {}

    QByteArray m_bytes;
};

// How long a session lives: idle is the longest gap between two requests, absolute the
// longest life counted from creation, whatever the activity.
struct SessionPolicy {
    std::chrono::milliseconds idle{std::chrono::minutes(30)};
    std::chrono::milliseconds absolute{std::chrono::hours(12)};
};

// What a session may do. Ordinary: whatever its state allows (README "Sessions"). Recovery:
// a sign-in granted by a recovery proof (a recovery code, an emailed link) instead of a
// passkey, good for one step only: registering a new passkey for its profile (and removing
// the passkeys the person lost). It is short-lived and ends when the new passkey is
// registered (rotate() makes an ordinary session of it).
enum class SessionKind { Ordinary, Recovery };

// A recovery sign-in lives for one step: 15 minutes at most, 10 idle.
inline SessionPolicy recoverySessionPolicy()
{
    return {std::chrono::minutes(10), std::chrono::minutes(15)};
}

// Spends the proof a recovery sign-in is granted on (marks a recovery code or an emailed
// token used), inside the transaction that creates the session: it runs first, on the
// connection given, and the session is created only when it succeeded. Its error comes back
// from startRecovery unchanged, and then nothing is written, the proof included.
using SpendRecoveryProof = std::function<StoreResult<void>(QSqlDatabase db)>;

struct Session {
    qint64 id = 0;                // row id: what challenges are bound to; never sent to a page
    std::optional<qint64> userId; // empty before sign-in
    QDateTime createdAt;          // UTC, millisecond precision
    QDateTime lastSeenAt;         // updated at most every touchInterval(idleTimeout)
    QDateTime expiresAt;          // absolute expiry
    std::chrono::milliseconds idleTimeout{0};
    SessionKind kind = SessionKind::Ordinary;
};

// A session just created: the token is not stored anywhere, so this is the only copy.
struct IssuedSession {
    SessionToken token;
    Session session;
};

// Server-side sessions. The clock is always passed in (never read here), so tests and the
// server decide what "now" is. A session at or past its idle or absolute expiry is gone:
// it is never returned, and the call that finds it deletes it.
class SessionStore {
public:
    using Policy = SessionPolicy;

    explicit SessionStore(Database& database);

    // A new session with a fresh random token. NotFound when userId names no profile;
    // Invalid when now is not a valid time or the policy has a non-positive duration.
    StoreResult<IssuedSession> create(std::optional<qint64> userId, const QDateTime& now,
                                      const Policy& policy = {});

    // The live session the token names, with last_seen_at moved to now when it is older
    // than touchInterval(). NotFound when the token is unknown, malformed or expired.
    StoreResult<Session> findValid(const SessionToken& token, const QDateTime& now);

    // A recovery sign-in for userId (SessionKind::Recovery, recoverySessionPolicy()), in one
    // transaction with spending its proof: spend runs first and nothing is written unless it
    // succeeds. The session the browser had (replacing, when it names one) is deleted in the
    // same transaction, challenges and all. NotFound when userId names no profile.
    StoreResult<IssuedSession> startRecovery(qint64 userId, const QDateTime& now,
                                             const SpendRecoveryProof& spend,
                                             const SessionToken& replacing = {});

    // Sign-in: replaces the live session oldToken names with a new one (new token, new id,
    // fresh lifetimes) for userId, in one transaction, so a token known before sign-in is
    // worthless after it. Challenges bound to the old session go with it. The new session is
    // always Ordinary; its policy is the one given, else the old session's, except that a
    // recovery session becomes an ordinary one with the default policy. NotFound when the old
    // session is not live or the profile does not exist; nothing changes then (an expired old
    // session is deleted).
    StoreResult<IssuedSession> rotate(const SessionToken& oldToken, qint64 userId,
                                      const QDateTime& now,
                                      const std::optional<Policy>& policy = std::nullopt);

    // Sign-out. NotFound when there is no such session (already signed out or expired).
    StoreResult<void> remove(const SessionToken& token);
    // Signs a profile out everywhere; returns how many sessions ended.
    StoreResult<qint64> removeAllForUser(qint64 userId);
    // Deletes every session past its idle or absolute expiry; returns how many.
    StoreResult<qint64> purgeExpired(const QDateTime& now);

    // What the database keeps instead of the token.
    static QByteArray tokenHash(const SessionToken& token);
    // last_seen_at is written at most this often, to avoid a write per request: a minute,
    // or a quarter of the idle timeout when that is shorter, so an active session never
    // idles out between two writes.
    static std::chrono::milliseconds touchInterval(std::chrono::milliseconds idleTimeout);

private:
    Database& m_database;
};

} // namespace latchkey::store
