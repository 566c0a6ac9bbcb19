#pragma once

#include "store/database.h"
#include "store/store_error.h"

#include <QByteArray>
#include <QDateTime>
#include <chrono>
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

struct Session {
    qint64 id = 0;                // row id: what challenges are bound to; never sent to a page
    std::optional<qint64> userId; // empty before sign-in
    QDateTime createdAt;          // UTC, millisecond precision
    QDateTime lastSeenAt;         // updated at most every touchInterval(idleTimeout)
    QDateTime expiresAt;          // absolute expiry
    std::chrono::milliseconds idleTimeout{0};
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

    // Sign-in: replaces the live session oldToken names with a new one (new token, new id,
    // fresh lifetimes) for userId, in one transaction, so a token known before sign-in is
    // worthless after it. Challenges bound to the old session go with it. The policy is
    // the old session's unless one is given. NotFound when the old session is not live or
    // the profile does not exist; nothing changes then (an expired old session is deleted).
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
