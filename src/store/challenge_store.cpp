#include "store/challenge_store.h"

#include "store/sql_values.h"
#include "store/sqlite_dialect.h"
#include "store/write_transaction.h"

#include <QSqlQuery>

namespace latchkey::store {

namespace {

using std::chrono::milliseconds;

QVariant nullableId(const std::optional<qint64>& id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qlonglong>());
}

StoreError invalid(const QString& message)
{
    return makeStoreError(StoreError::Code::Invalid, message);
}

std::optional<StoreError> checkIssue(const webauthn::CeremonyState& state, const QDateTime& now)
{
    if (state.challenge.bytes().size() < core::Challenge::kMinimumLength) {
        return invalid(QStringLiteral("A WebAuthn challenge must be at least 16 bytes; this one "
                                      "has %1. It was not issued.")
                           .arg(state.challenge.bytes().size()));
    }
    if (!now.isValid()) {
        return invalid(QStringLiteral("The current time given to the store is not a valid time; "
                                      "the challenge was not issued."));
    }
    const qint64 lifetimeMs = state.expiresAt.isValid()
                                  ? state.expiresAt.toMSecsSinceEpoch() - now.toMSecsSinceEpoch()
                                  : 0;
    if (lifetimeMs <= 0 || lifetimeMs > ChallengeStore::longestLifetime.count()) {
        return invalid(QStringLiteral("A challenge's lifetime must be more than zero and at most "
                                      "an hour (%1 ms was asked). It was not issued.")
                           .arg(lifetimeMs));
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

// A ceremony is only bound to a session that is live now: an id the caller kept from
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
StoreResult<PendingCeremony> replaceCeremony(QSqlDatabase db, const PendingCeremony& wanted)
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
                  QStringLiteral("INSERT INTO challenges (session_id, purpose, user_id, state, "
                                 "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)"),
                  {wanted.sessionId, purposeName(wanted.purpose), nullableId(wanted.userId),
                   wanted.state.toCbor(), sql::toUnixMs(wanted.createdAt),
                   sql::toUnixMs(wanted.expiresAt)})) {
        return insertError(insertion);
    }
    return wanted;
}

struct StoredRow {
    qint64 rowId = 0;
    QByteArray state;
    PendingCeremony ceremony;
    bool sessionLive = false;
};

StoreResult<std::optional<StoredRow>> findPending(QSqlDatabase db, qint64 sessionId,
                                                  ChallengePurpose purpose, qint64 nowMs)
{
    QSqlQuery query(db);
    if (!sql::run(query,
                  QStringLiteral("SELECT c.id, c.state, c.user_id, c.created_at, c.expires_at, ") +
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
        return std::optional<StoredRow>();
    }
    StoredRow row;
    row.rowId = query.value(0).toLongLong();
    row.state = query.value(1).toByteArray();
    row.ceremony.sessionId = sessionId;
    row.ceremony.purpose = purpose;
    if (!query.value(2).isNull()) {
        row.ceremony.userId = query.value(2).toLongLong();
    }
    row.ceremony.createdAt = sql::fromUnixMs(query.value(3).toLongLong());
    row.ceremony.expiresAt = sql::fromUnixMs(query.value(4).toLongLong());
    row.sessionLive = query.value(5).toBool();
    return std::optional<StoredRow>(row);
}

StoreResult<void> deleteRow(QSqlDatabase db, qint64 rowId)
{
    QSqlQuery query(db);
    if (!sql::run(query, QStringLiteral("DELETE FROM challenges WHERE id = ?"), {rowId})) {
        return sql::ioError(query, QStringLiteral("using up a challenge"));
    }
    return {};
}

// What a taken row answers once it is deleted: the ceremony, or why there is none.
StoreResult<PendingCeremony> outcome(StoredRow& row, qint64 nowMs)
{
    if (!row.sessionLive) {
        return sessionEnded();
    }
    if (nowMs >= sql::toUnixMs(row.ceremony.expiresAt)) {
        return expiredChallenge();
    }
    auto state = webauthn::CeremonyState::fromCbor(row.state);
    if (!state) {
        return invalid(state.error().message);
    }
    row.ceremony.state = std::move(*state);
    return row.ceremony;
}

} // namespace

QString purposeName(ChallengePurpose purpose)
{
    return purpose == ChallengePurpose::Registration ? QStringLiteral("registration")
                                                     : QStringLiteral("authentication");
}

ChallengeStore::ChallengeStore(Database& database) : m_database(database) {}

StoreResult<PendingCeremony> ChallengeStore::issue(qint64 sessionId, ChallengePurpose purpose,
                                                   std::optional<qint64> userId,
                                                   const webauthn::CeremonyState& state,
                                                   const QDateTime& now)
{
    if (auto problem = checkIssue(state, now)) {
        return *problem;
    }
    const PendingCeremony wanted{sessionId,
                                 purpose,
                                 userId,
                                 sql::fromUnixMs(sql::toUnixMs(now)),
                                 sql::fromUnixMs(sql::toUnixMs(state.expiresAt)),
                                 state};
    QSqlDatabase db = m_database.connection();
    return inTransaction<PendingCeremony>(db, [&] { return replaceCeremony(db, wanted); });
}

StoreResult<PendingCeremony> ChallengeStore::take(qint64 sessionId, ChallengePurpose purpose,
                                                  const QDateTime& now)
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
    StoredRow& row = **found;
    if (auto deleted = deleteRow(db, row.rowId); !deleted) {
        return deleted.error();
    }
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return outcome(row, nowMs);
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
