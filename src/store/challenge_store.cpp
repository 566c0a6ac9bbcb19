#include "store/challenge_store.h"

#include "core/constant_time.h"
#include "core/sha256.h"
#include "store/sql_values.h"
#include "store/sqlite_dialect.h"
#include "store/write_transaction.h"

#include <QList>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <algorithm>

namespace latchkey::store {

namespace {

using std::chrono::milliseconds;

// Longer than this is a mistake in the caller: a challenge waits for one ceremony.
constexpr milliseconds longestLifetime = std::chrono::hours(1);

QByteArray challengeHash(const QByteArray& challenge)
{
    return core::sha256(challenge);
}

QVariant nullableId(const std::optional<qint64>& id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qlonglong>());
}

StoreError invalid(const QString& message)
{
    return makeStoreError(StoreError::Code::Invalid, message);
}

std::optional<StoreError> checkIssue(const QByteArray& challenge, const QDateTime& now,
                                     milliseconds lifetime)
{
    if (challenge.size() < ChallengeStore::minimumSize) {
        return invalid(QStringLiteral("A WebAuthn challenge must be at least 16 bytes; this one "
                                      "has %1. It was not issued.")
                           .arg(challenge.size()));
    }
    if (lifetime <= milliseconds(0) || lifetime > longestLifetime) {
        return invalid(QStringLiteral("A challenge's lifetime must be more than zero and at most "
                                      "an hour (%1 ms was asked). It was not issued.")
                           .arg(lifetime.count()));
    }
    if (!now.isValid()) {
        return invalid(QStringLiteral("The current time given to the store is not a valid time; "
                                      "the challenge was not issued."));
    }
    return std::nullopt;
}

StoreError noChallenge(ChallengePurpose purpose)
{
    return makeStoreError(StoreError::Code::NotFound,
                          QStringLiteral("No %1 is waiting for this session: it was already "
                                         "used, or never started here. Start again.")
                              .arg(purpose == ChallengePurpose::Registration
                                       ? QStringLiteral("passkey registration")
                                       : QStringLiteral("sign-in")));
}

StoreError expiredChallenge()
{
    return makeStoreError(StoreError::Code::NotFound,
                          QStringLiteral("The passkey request took longer than allowed and has "
                                         "expired. Start again."));
}

StoreError sessionEnded()
{
    return makeStoreError(StoreError::Code::NotFound,
                          QStringLiteral("This browser's session has expired or was signed out. "
                                         "Reload the page and start again."));
}

StoreError mismatchedChallenge()
{
    return invalid(QStringLiteral("The passkey response answers another challenge than the one "
                                  "this session was given. Start again."));
}

StoreError insertError(const QSqlQuery& query)
{
    const auto violation = sqlite::constraintViolation(query.lastError());
    if (violation.kind == sqlite::Constraint::ForeignKey) {
        return makeStoreError(StoreError::Code::NotFound,
                              QStringLiteral("The session or the profile this challenge is for no "
                                             "longer exists. Reload the page and start again."));
    }
    return sql::ioError(query, QStringLiteral("issuing a challenge"));
}

// Live by the same rule SessionStore::findValid applies: before both expiries.
const QString sessionLiveAt =
    QStringLiteral("(s.expires_at > ? AND s.last_seen_at + s.idle_timeout_ms > ?)");

// A challenge is only bound to a session that is live now: an id the caller kept from
// earlier must not outlive the session it named.
StoreResult<bool> sessionIsLive(QSqlDatabase db, qint64 sessionId, qint64 nowMs)
{
    QSqlQuery query(db);
    if (!sql::run(query,
                  QStringLiteral("SELECT count(*) FROM sessions s WHERE s.id = ? AND ") +
                      sessionLiveAt,
                  {sessionId, nowMs, nowMs}) ||
        !query.next()) {
        return sql::ioError(query, QStringLiteral("checking a session"));
    }
    return query.value(0).toLongLong() == 1;
}

// The caller holds the write transaction.
StoreResult<Challenge> replaceChallenge(QSqlDatabase db, const Challenge& wanted,
                                        const QByteArray& challenge)
{
    auto live = sessionIsLive(db, wanted.sessionId, sql::toUnixMs(wanted.createdAt));
    if (!live) {
        return live.error();
    }
    if (!*live) {
        return sessionEnded();
    }
    QSqlQuery removal(db);
    if (!sql::run(removal,
                  QStringLiteral("DELETE FROM challenges WHERE session_id = ? AND purpose = ?"),
                  {wanted.sessionId, purposeName(wanted.purpose)})) {
        return sql::ioError(removal, QStringLiteral("replacing a challenge"));
    }
    QSqlQuery insertion(db);
    if (!sql::run(insertion,
                  QStringLiteral("INSERT INTO challenges (session_id, purpose, user_id, "
                                 "challenge_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, "
                                 "?)"),
                  {wanted.sessionId, purposeName(wanted.purpose), nullableId(wanted.userId),
                   challengeHash(challenge), sql::toUnixMs(wanted.createdAt),
                   sql::toUnixMs(wanted.expiresAt)})) {
        return insertError(insertion);
    }
    return wanted;
}

struct PendingChallenge {
    qint64 rowId = 0;
    QByteArray hash;
    Challenge challenge;
    bool sessionLive = false;
};

StoreResult<std::optional<PendingChallenge>> findPending(QSqlDatabase db, qint64 sessionId,
                                                         ChallengePurpose purpose, qint64 nowMs)
{
    QSqlQuery query(db);
    if (!sql::run(query,
                  QStringLiteral("SELECT c.id, c.challenge_hash, c.user_id, c.created_at, "
                                 "c.expires_at, ") +
                      sessionLiveAt +
                      QStringLiteral(" FROM challenges c JOIN sessions s ON s.id = c.session_id "
                                     "WHERE c.session_id = ? AND c.purpose = ?"),
                  {nowMs, nowMs, sessionId, purposeName(purpose)})) {
        return sql::ioError(query, QStringLiteral("reading a challenge"));
    }
    if (!query.next()) {
        if (sql::readFailed(query)) {
            return sql::ioError(query, QStringLiteral("reading a challenge"));
        }
        return std::optional<PendingChallenge>();
    }
    PendingChallenge pending;
    pending.rowId = query.value(0).toLongLong();
    pending.hash = query.value(1).toByteArray();
    pending.challenge.sessionId = sessionId;
    pending.challenge.purpose = purpose;
    if (!query.value(2).isNull()) {
        pending.challenge.userId = query.value(2).toLongLong();
    }
    pending.challenge.createdAt = sql::fromUnixMs(query.value(3).toLongLong());
    pending.challenge.expiresAt = sql::fromUnixMs(query.value(4).toLongLong());
    pending.sessionLive = query.value(5).toBool();
    return std::optional<PendingChallenge>(pending);
}

StoreResult<void> deleteRow(QSqlDatabase db, qint64 rowId)
{
    QSqlQuery query(db);
    if (!sql::run(query, QStringLiteral("DELETE FROM challenges WHERE id = ?"), {rowId})) {
        return sql::ioError(query, QStringLiteral("using up a challenge"));
    }
    return {};
}

} // namespace

QString purposeName(ChallengePurpose purpose)
{
    return purpose == ChallengePurpose::Registration ? QStringLiteral("registration")
                                                     : QStringLiteral("authentication");
}

ChallengeStore::ChallengeStore(Database& database) : m_database(database) {}

QByteArray ChallengeStore::randomChallenge(qsizetype size)
{
    // Whole 32-bit words from the generator, then trimmed to the size asked for.
    const qsizetype words = (std::max<qsizetype>(size, 0) + 3) / 4;
    QList<quint32> buffer(words);
    QRandomGenerator::system()->generate(buffer.begin(), buffer.end());
    return QByteArray(reinterpret_cast<const char*>(buffer.constData()), words * 4).left(size);
}

StoreResult<Challenge> ChallengeStore::issue(qint64 sessionId, ChallengePurpose purpose,
                                             std::optional<qint64> userId,
                                             const QByteArray& challenge, const QDateTime& now,
                                             milliseconds lifetime)
{
    if (auto problem = checkIssue(challenge, now, lifetime)) {
        return *problem;
    }
    const qint64 nowMs = sql::toUnixMs(now);
    const Challenge wanted{sessionId, purpose, userId, sql::fromUnixMs(nowMs),
                           sql::fromUnixMs(nowMs + lifetime.count())};
    QSqlDatabase db = m_database.connection();
    return inTransaction<Challenge>(db, [&] { return replaceChallenge(db, wanted, challenge); });
}

StoreResult<Challenge> ChallengeStore::consume(qint64 sessionId, ChallengePurpose purpose,
                                               const QByteArray& challenge, const QDateTime& now)
{
    if (!now.isValid()) {
        return invalid(QStringLiteral("The current time given to the store is not a valid time; "
                                      "the challenge was not used."));
    }
    QSqlDatabase db = m_database.connection();
    WriteTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    const qint64 nowMs = sql::toUnixMs(now);
    auto found = findPending(db, sessionId, purpose, nowMs);
    if (!found) {
        return found.error();
    }
    if (!found->has_value()) {
        return noChallenge(purpose);
    }
    const PendingChallenge& pending = **found;
    const bool expired =
        nowMs >= sql::toUnixMs(pending.challenge.expiresAt) || !pending.sessionLive;
    if (!expired && !core::constantTimeEquals(pending.hash, challengeHash(challenge))) {
        return mismatchedChallenge(); // rolled back: the session may still answer it
    }
    if (auto deleted = deleteRow(db, pending.rowId); !deleted) {
        return deleted.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    if (expired) {
        return pending.sessionLive ? expiredChallenge() : sessionEnded();
    }
    return pending.challenge;
}

StoreResult<qint64> ChallengeStore::purgeExpired(const QDateTime& now)
{
    if (!now.isValid()) {
        return invalid(QStringLiteral("The current time given to the store is not a valid time; "
                                      "no challenge was deleted."));
    }
    QSqlDatabase db = m_database.connection();
    return inTransaction<qint64>(db, [&]() -> StoreResult<qint64> {
        QSqlQuery query(db);
        if (!sql::run(query, QStringLiteral("DELETE FROM challenges WHERE expires_at <= ?"),
                      {sql::toUnixMs(now)})) {
            return sql::ioError(query, QStringLiteral("deleting expired challenges"));
        }
        return static_cast<qint64>(query.numRowsAffected());
    });
}

} // namespace latchkey::store
