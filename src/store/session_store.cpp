#include "store/session_store.h"

#include "core/base64url.h"
#include "core/sha256.h"
#include "store/sql_values.h"
#include "store/sqlite_dialect.h"
#include "store/write_transaction.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <algorithm>

namespace latchkey::store {

namespace {

using std::chrono::milliseconds;

// A fresh token colliding with a stored one is astronomically unlikely; a few retries turn
// it into impossible without hiding a real fault.
constexpr int randomTokenAttempts = 3;
// Longer lifetimes than this are a mistake in the caller, not a policy.
constexpr milliseconds longestLifetime = std::chrono::hours(24 * 366);

const QString selectSession =
    QStringLiteral("SELECT id, user_id, idle_timeout_ms, created_at, last_seen_at, expires_at, "
                   "kind FROM sessions ");

QString kindName(SessionKind kind)
{
    return kind == SessionKind::Recovery ? QStringLiteral("recovery") : QStringLiteral("ordinary");
}

SessionToken randomToken()
{
    QByteArray bytes(SessionToken::size, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(bytes.data()),
                                         reinterpret_cast<quint32*>(bytes.data() + bytes.size()));
    return SessionToken::fromBytes(bytes);
}

QVariant nullableId(const std::optional<qint64>& id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qlonglong>());
}

Session readSession(const QSqlQuery& query)
{
    Session session;
    session.id = query.value(0).toLongLong();
    if (!query.value(1).isNull()) {
        session.userId = query.value(1).toLongLong();
    }
    session.idleTimeout = milliseconds(query.value(2).toLongLong());
    session.createdAt = sql::fromUnixMs(query.value(3).toLongLong());
    session.lastSeenAt = sql::fromUnixMs(query.value(4).toLongLong());
    session.expiresAt = sql::fromUnixMs(query.value(5).toLongLong());
    // The column's CHECK allows only these two; anything else is not a recovery session.
    session.kind = query.value(6).toString() == QLatin1String("recovery") ? SessionKind::Recovery
                                                                          : SessionKind::Ordinary;
    return session;
}

// Expired at the instant either limit is reached, not a millisecond later.
bool isExpired(const Session& session, qint64 nowMs)
{
    const qint64 idleEndMs = sql::toUnixMs(session.lastSeenAt) + session.idleTimeout.count();
    return nowMs >= sql::toUnixMs(session.expiresAt) || nowMs >= idleEndMs;
}

StoreError noSession()
{
    return makeStoreError(StoreError::Code::NotFound,
                          QStringLiteral("There is no live session for this browser: it expired "
                                         "or was signed out. Sign in again."));
}

std::optional<StoreError> checkNow(const QDateTime& now)
{
    if (now.isValid()) {
        return std::nullopt;
    }
    return makeStoreError(StoreError::Code::Invalid,
                          QStringLiteral("The session was not changed: the current time given "
                                         "to the store is not a valid time."));
}

bool isSensibleDuration(milliseconds duration)
{
    return duration > milliseconds(0) && duration <= longestLifetime;
}

std::optional<StoreError> checkPolicy(const SessionPolicy& policy)
{
    if (isSensibleDuration(policy.idle) && isSensibleDuration(policy.absolute)) {
        return std::nullopt;
    }
    return makeStoreError(StoreError::Code::Invalid,
                          QStringLiteral("A session's idle timeout (%1 ms) and lifetime (%2 ms) "
                                         "must each be more than zero and at most 366 days. No "
                                         "session was created.")
                              .arg(policy.idle.count())
                              .arg(policy.absolute.count()));
}

// The session the hash names, live or not; an empty optional when there is none.
StoreResult<std::optional<Session>> findByHash(QSqlDatabase db, const QByteArray& hash)
{
    QSqlQuery query(db);
    if (!sql::run(query, selectSession + QStringLiteral("WHERE token_hash = ?"), {hash})) {
        return sql::ioError(query, QStringLiteral("reading a session"));
    }
    if (!query.next()) {
        if (sql::readFailed(query)) {
            return sql::ioError(query, QStringLiteral("reading a session"));
        }
        return std::optional<Session>();
    }
    return std::optional<Session>(readSession(query));
}

// Deletes by token hash (not row id), so a stale read can only ever delete its own row.
StoreResult<qint64> deleteByHash(QSqlDatabase db, const QByteArray& hash)
{
    QSqlQuery query(db);
    if (!sql::run(query, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), {hash})) {
        return sql::ioError(query, QStringLiteral("ending a session"));
    }
    return static_cast<qint64>(query.numRowsAffected());
}

StoreResult<void> deleteExpired(QSqlDatabase db, const QByteArray& hash)
{
    auto deleted = inTransaction<qint64>(db, [&] { return deleteByHash(db, hash); });
    if (!deleted) {
        return deleted.error();
    }
    return {};
}

// Moves last_seen_at forward (never back: another request may have touched it since).
StoreResult<QDateTime> touch(QSqlDatabase db, const Session& session, const QByteArray& hash,
                             qint64 nowMs)
{
    return inTransaction<QDateTime>(db, [&]() -> StoreResult<QDateTime> {
        QSqlQuery query(db);
        if (!sql::run(query,
                      QStringLiteral("UPDATE sessions SET last_seen_at = CASE WHEN last_seen_at "
                                     "< ? THEN ? ELSE last_seen_at END WHERE token_hash = ?"),
                      {nowMs, nowMs, hash})) {
            return sql::ioError(query, QStringLiteral("recording activity on a session"));
        }
        if (query.numRowsAffected() != 1) {
            return noSession(); // ended by another request since it was read
        }
        return sql::fromUnixMs(std::max(nowMs, sql::toUnixMs(session.lastSeenAt)));
    });
}

StoreError insertError(const QSqlQuery& query, const std::optional<qint64>& userId)
{
    const auto violation = sqlite::constraintViolation(query.lastError());
    if (violation.kind == sqlite::Constraint::ForeignKey) {
        return makeStoreError(StoreError::Code::NotFound,
                              QStringLiteral("There is no profile %1 to sign in to; it may have "
                                             "been deleted. No session was created.")
                                  .arg(userId.value_or(0)));
    }
    return sql::ioError(query, QStringLiteral("creating a session"));
}

bool isTokenCollision(const QSqlQuery& query)
{
    const auto violation = sqlite::constraintViolation(query.lastError());
    return violation.kind == sqlite::Constraint::Unique &&
           violation.detail.endsWith(QLatin1String(".token_hash"));
}

// Inserts a new session row; the caller holds the write transaction.
StoreResult<IssuedSession> insertSession(QSqlDatabase db, const std::optional<qint64>& userId,
                                         qint64 nowMs, const SessionPolicy& policy,
                                         SessionKind kind = SessionKind::Ordinary)
{
    IssuedSession issued;
    issued.session.kind = kind;
    issued.session.userId = userId;
    issued.session.idleTimeout = policy.idle;
    issued.session.createdAt = sql::fromUnixMs(nowMs);
    issued.session.lastSeenAt = issued.session.createdAt;
    issued.session.expiresAt = sql::fromUnixMs(nowMs + policy.absolute.count());
    for (int attempt = 0; attempt < randomTokenAttempts; ++attempt) {
        issued.token = randomToken();
        QSqlQuery query(db);
        const bool inserted = sql::run(
            query,
            QStringLiteral("INSERT INTO sessions (token_hash, user_id, idle_timeout_ms, "
                           "created_at, last_seen_at, expires_at, kind) VALUES (?, ?, ?, ?, ?, ?, "
                           "?)"),
            {SessionStore::tokenHash(issued.token), nullableId(userId),
             static_cast<qint64>(policy.idle.count()), nowMs, nowMs,
             sql::toUnixMs(issued.session.expiresAt), kindName(kind)});
        if (inserted) {
            issued.session.id = query.lastInsertId().toLongLong();
            return issued;
        }
        if (!isTokenCollision(query)) {
            return insertError(query, userId);
        }
    }
    return makeStoreError(StoreError::Code::Io,
                          QStringLiteral("Could not draw a unique session token; the system's "
                                         "random number generator may be broken."));
}

SessionPolicy policyOf(const Session& session)
{
    // A recovery session's short life ends with it: what follows is an ordinary sign-in.
    if (session.kind == SessionKind::Recovery)
        return SessionPolicy{};
    const qint64 lifetimeMs = sql::toUnixMs(session.expiresAt) - sql::toUnixMs(session.createdAt);
    return {session.idleTimeout, milliseconds(lifetimeMs)};
}

} // namespace

SessionToken SessionToken::fromBytes(QByteArray bytes)
{
    return SessionToken(std::move(bytes));
}

SessionToken SessionToken::fromBase64Url(const QByteArray& encoded)
{
    auto decoded = core::decodeBase64Url(QByteArrayView(encoded));
    if (!decoded) {
        return {};
    }
    return SessionToken(*decoded);
}

QByteArray SessionToken::toBase64Url() const
{
    return core::encodeBase64Url(m_bytes);
}

SessionStore::SessionStore(Database& database) : m_database(database) {}

QByteArray SessionStore::tokenHash(const SessionToken& token)
{
    return core::sha256(token.bytes());
}

milliseconds SessionStore::touchInterval(milliseconds idleTimeout)
{
    return std::min<milliseconds>(std::chrono::minutes(1), idleTimeout / 4);
}

StoreResult<IssuedSession> SessionStore::create(std::optional<qint64> userId, const QDateTime& now,
                                                const Policy& policy)
{
    if (auto problem = checkNow(now)) {
        return *problem;
    }
    if (auto problem = checkPolicy(policy)) {
        return *problem;
    }
    QSqlDatabase db = m_database.connection();
    return inTransaction<IssuedSession>(
        db, [&] { return insertSession(db, userId, sql::toUnixMs(now), policy); });
}

StoreResult<Session> SessionStore::findValid(const SessionToken& token, const QDateTime& now)
{
    if (!token.isWellFormed()) {
        return noSession();
    }
    if (auto problem = checkNow(now)) {
        return *problem;
    }
    QSqlDatabase db = m_database.connection();
    const QByteArray hash = tokenHash(token);
    auto found = findByHash(db, hash);
    if (!found) {
        return found.error();
    }
    if (!found->has_value()) {
        return noSession();
    }
    Session session = **found;
    const qint64 nowMs = sql::toUnixMs(now);
    if (isExpired(session, nowMs)) {
        if (auto deleted = deleteExpired(db, hash); !deleted) {
            return deleted.error();
        }
        return noSession();
    }
    if (nowMs - sql::toUnixMs(session.lastSeenAt) < touchInterval(session.idleTimeout).count()) {
        return session;
    }
    auto touched = touch(db, session, hash, nowMs);
    if (!touched) {
        return touched.error();
    }
    session.lastSeenAt = *touched;
    return session;
}

StoreResult<IssuedSession> SessionStore::startRecovery(qint64 userId, const QDateTime& now,
                                                       const SpendRecoveryProof& spend,
                                                       const SessionToken& replacing)
{
    if (auto problem = checkNow(now)) {
        return *problem;
    }
    QSqlDatabase db = m_database.connection();
    const qint64 nowMs = sql::toUnixMs(now);
    return inTransaction<IssuedSession>(db, [&]() -> StoreResult<IssuedSession> {
        if (auto spent = spend(db); !spent) {
            return spent.error();
        }
        if (replacing.isWellFormed()) {
            if (auto deleted = deleteByHash(db, tokenHash(replacing)); !deleted) {
                return deleted.error();
            }
        }
        return insertSession(db, userId, nowMs, recoverySessionPolicy(), SessionKind::Recovery);
    });
}

StoreResult<IssuedSession> SessionStore::rotate(const SessionToken& oldToken, qint64 userId,
                                                const QDateTime& now,
                                                const std::optional<Policy>& policy)
{
    if (!oldToken.isWellFormed()) {
        return noSession();
    }
    if (auto problem = checkNow(now)) {
        return *problem;
    }
    if (auto problem = policy ? checkPolicy(*policy) : std::nullopt) {
        return *problem;
    }
    QSqlDatabase db = m_database.connection();
    const QByteArray oldHash = tokenHash(oldToken);
    const qint64 nowMs = sql::toUnixMs(now);
    bool oldExpired = false;
    auto rotated = inTransaction<IssuedSession>(db, [&]() -> StoreResult<IssuedSession> {
        auto found = findByHash(db, oldHash);
        if (!found) {
            return found.error();
        }
        if (!found->has_value()) {
            return noSession();
        }
        if (isExpired(**found, nowMs)) {
            oldExpired = true;
            return noSession();
        }
        if (auto deleted = deleteByHash(db, oldHash); !deleted) {
            return deleted.error();
        }
        return insertSession(db, userId, nowMs, policy.value_or(policyOf(**found)));
    });
    // Nothing above was committed; an expired old session is still deleted, on its own.
    if (oldExpired) {
        if (auto deleted = deleteExpired(db, oldHash); !deleted) {
            return deleted.error();
        }
    }
    return rotated;
}

StoreResult<void> SessionStore::remove(const SessionToken& token)
{
    if (!token.isWellFormed()) {
        return noSession();
    }
    QSqlDatabase db = m_database.connection();
    const QByteArray hash = tokenHash(token);
    auto removed = inTransaction<qint64>(db, [&]() -> StoreResult<qint64> {
        auto deleted = deleteByHash(db, hash);
        if (deleted && *deleted != 1) {
            return noSession();
        }
        return deleted;
    });
    if (!removed) {
        return removed.error();
    }
    return {};
}

StoreResult<qint64> SessionStore::removeAllForUser(qint64 userId)
{
    QSqlDatabase db = m_database.connection();
    return inTransaction<qint64>(db, [&]() -> StoreResult<qint64> {
        QSqlQuery query(db);
        if (!sql::run(query, QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), {userId})) {
            return sql::ioError(query, QStringLiteral("signing a profile out everywhere"));
        }
        return static_cast<qint64>(query.numRowsAffected());
    });
}

StoreResult<qint64> SessionStore::purgeExpired(const QDateTime& now)
{
    if (auto problem = checkNow(now)) {
        return *problem;
    }
    QSqlDatabase db = m_database.connection();
    const qint64 nowMs = sql::toUnixMs(now);
    return inTransaction<qint64>(db, [&]() -> StoreResult<qint64> {
        QSqlQuery query(db);
        if (!sql::run(query,
                      QStringLiteral("DELETE FROM sessions WHERE expires_at <= ? OR "
                                     "last_seen_at + idle_timeout_ms <= ?"),
                      {nowMs, nowMs})) {
            return sql::ioError(query, QStringLiteral("deleting expired sessions"));
        }
        return static_cast<qint64>(query.numRowsAffected());
    });
}

} // namespace latchkey::store
