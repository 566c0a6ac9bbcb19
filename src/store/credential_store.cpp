#include "store/credential_store.h"

#include "store/sql_values.h"
#include "store/sqlite_dialect.h"
#include "store/write_transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace latchkey::store {

namespace {

constexpr qsizetype maxCredentialIdSize = 1023; // WebAuthn L3 §5.1: at most 1023 bytes
constexpr qsizetype aaguidSize = 16;

const QString selectCredential = QStringLiteral(
    "SELECT id, user_id, credential_id, public_key, sign_count, transports, aaguid, "
    "attestation_format, backup_eligible, backup_state, nickname, created_at, last_used_at "
    "FROM credentials ");

QString transportsToJson(const QStringList& transports)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(transports)).toJson(QJsonDocument::Compact));
}

QStringList transportsFromJson(const QString& json)
{
    QStringList transports;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& value : array) {
        transports.append(value.toString());
    }
    return transports;
}

Credential readCredential(const QSqlQuery& query)
{
    Credential credential;
    credential.id = query.value(0).toLongLong();
    credential.userId = query.value(1).toLongLong();
    credential.credentialId = query.value(2).toByteArray();
    credential.publicKey = query.value(3).toByteArray();
    credential.signCount = static_cast<quint32>(query.value(4).toLongLong());
    credential.transports = transportsFromJson(query.value(5).toString());
    credential.aaguid = query.value(6).toByteArray();
    credential.attestationFormat = query.value(7).toString();
    credential.backupEligible = query.value(8).toBool();
    credential.backupState = query.value(9).toBool();
    credential.nickname = query.value(10).toString();
    credential.createdAt = sql::fromUnixMs(query.value(11).toLongLong());
    credential.lastUsedAt = sql::fromNullableUnixMs(query.value(12));
    return credential;
}

StoreError invalid(const QString& message)
{
    return makeStoreError(StoreError::Code::Invalid, message);
}

// The schema's CHECK constraints enforce the same rules; checking first gives a clearer
// sentence than the constraint's name.
std::optional<StoreError> checkNewCredential(const NewCredential& credential)
{
    if (credential.credentialId.isEmpty() || credential.credentialId.size() > maxCredentialIdSize) {
        return invalid(QStringLiteral("A credential id must be 1 to 1023 bytes long; this one has "
                                      "%1. The passkey was not saved.")
                           .arg(credential.credentialId.size()));
    }
    if (credential.publicKey.isEmpty()) {
        return invalid(QStringLiteral("The passkey has no public key; it was not saved."));
    }
    if (!credential.aaguid.isEmpty() && credential.aaguid.size() != aaguidSize) {
        return invalid(QStringLiteral("An AAGUID is 16 bytes; this one has %1. The passkey was "
                                      "not saved.")
                           .arg(credential.aaguid.size()));
    }
    if (credential.backupState && !credential.backupEligible) {
        return invalid(QStringLiteral("A passkey cannot be backed up without being backup "
                                      "eligible; it was not saved."));
    }
    return std::nullopt;
}

StoreError addViolationError(const sqlite::ConstraintViolation& violation,
                             const NewCredential& credential)
{
    switch (violation.kind) {
    case sqlite::Constraint::Unique:
        return makeStoreError(StoreError::Code::Conflict,
                              QStringLiteral("This passkey is already registered. Use it to sign "
                                             "in, or create a new one."));
    case sqlite::Constraint::ForeignKey:
        return makeStoreError(StoreError::Code::NotFound,
                              QStringLiteral("There is no profile %1 to add the passkey to; it "
                                             "may have been deleted.")
                                  .arg(credential.userId));
    default:
        return invalid(QStringLiteral("The passkey breaks a rule of the database (%1); it was "
                                      "not saved.")
                           .arg(violation.detail));
    }
}

StoreError noSuchCredential()
{
    return makeStoreError(StoreError::Code::NotFound,
                          QStringLiteral("There is no such passkey for this profile; it may have "
                                         "been removed already."));
}

// Runs one UPDATE or DELETE in its own transaction; NotFound when it matched no row.
StoreResult<void> changeOne(QSqlDatabase db, const QString& statement, const QVariantList& values,
                            const QString& doing)
{
    return inTransaction<void>(db, [&]() -> StoreResult<void> {
        QSqlQuery query(db);
        if (!sql::run(query, statement, values)) {
            const auto violation = sqlite::constraintViolation(query.lastError());
            if (violation.kind == sqlite::Constraint::Check) {
                return invalid(QStringLiteral("The passkey was not changed: the new values break "
                                              "a rule of the database (%1).")
                                   .arg(violation.detail));
            }
            return sql::ioError(query, doing);
        }
        if (query.numRowsAffected() != 1) {
            return noSuchCredential();
        }
        return {};
    });
}

} // namespace

CredentialStore::CredentialStore(Database& database) : m_database(database) {}

StoreResult<Credential> CredentialStore::add(const NewCredential& newCredential)
{
    if (auto problem = checkNewCredential(newCredential)) {
        return *problem;
    }
    WriteTransaction transaction(m_database.connection());
    if (auto begun = transaction.begin(); !begun) {
        return begun.error();
    }
    const QDateTime createdAt = sql::fromUnixMs(sql::toUnixMs(sql::nowUtc()));
    QSqlQuery query(m_database.connection());
    const bool inserted = sql::run(
        query,
        QStringLiteral("INSERT INTO credentials (user_id, credential_id, public_key, sign_count, "
                       "transports, aaguid, attestation_format, backup_eligible, backup_state, "
                       "nickname, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {newCredential.userId, newCredential.credentialId, newCredential.publicKey,
         static_cast<qint64>(newCredential.signCount), transportsToJson(newCredential.transports),
         sql::nullableBlob(newCredential.aaguid), sql::text(newCredential.attestationFormat),
         newCredential.backupEligible ? 1 : 0, newCredential.backupState ? 1 : 0,
         sql::text(newCredential.nickname), sql::toUnixMs(createdAt)});
    if (!inserted) {
        const auto violation = sqlite::constraintViolation(query.lastError());
        if (violation.kind == sqlite::Constraint::None) {
            return sql::ioError(query, QStringLiteral("saving a passkey"));
        }
        return addViolationError(violation, newCredential);
    }
    const qint64 id = query.lastInsertId().toLongLong();
    if (auto committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return Credential{id,
                      newCredential.userId,
                      newCredential.credentialId,
                      newCredential.publicKey,
                      newCredential.signCount,
                      newCredential.transports,
                      newCredential.aaguid,
                      newCredential.attestationFormat,
                      newCredential.backupEligible,
                      newCredential.backupState,
                      newCredential.nickname,
                      createdAt,
                      std::nullopt};
}

StoreLookup<Credential> CredentialStore::findByCredentialId(const QByteArray& credentialId) const
{
    QSqlQuery query(m_database.connection());
    if (!sql::run(query, selectCredential + QStringLiteral("WHERE credential_id = ?"),
                  {credentialId})) {
        return sql::ioError(query, QStringLiteral("reading a passkey"));
    }
    if (!query.next()) {
        if (sql::readFailed(query)) {
            return sql::ioError(query, QStringLiteral("reading a passkey"));
        }
        return std::optional<Credential>();
    }
    return std::optional<Credential>(readCredential(query));
}

StoreResult<QList<Credential>> CredentialStore::listForUser(qint64 userId) const
{
    QList<Credential> credentials;
    QSqlQuery query(m_database.connection());
    if (!sql::run(query, selectCredential + QStringLiteral("WHERE user_id = ? ORDER BY id"),
                  {userId})) {
        return sql::ioError(query, QStringLiteral("listing passkeys"));
    }
    while (query.next()) {
        credentials.append(readCredential(query));
    }
    // A list cut short by a failed read is not the profile's list.
    if (sql::readFailed(query)) {
        return sql::ioError(query, QStringLiteral("listing passkeys"));
    }
    return credentials;
}

StoreResult<QList<QByteArray>> CredentialStore::allCredentialIds() const
{
    QList<QByteArray> ids;
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!sql::run(query, QStringLiteral("SELECT credential_id FROM credentials"), {})) {
        return sql::ioError(query, QStringLiteral("listing every passkey"));
    }
    while (query.next()) {
        ids.append(query.value(0).toByteArray());
    }
    if (sql::readFailed(query)) {
        return sql::ioError(query, QStringLiteral("listing every passkey"));
    }
    return ids;
}

StoreResult<qint64> CredentialStore::countForUser(qint64 userId) const
{
    QSqlQuery query(m_database.connection());
    if (!sql::run(query, QStringLiteral("SELECT count(*) FROM credentials WHERE user_id = ?"),
                  {userId}) ||
        !query.next()) {
        return sql::ioError(query, QStringLiteral("counting passkeys"));
    }
    return query.value(0).toLongLong();
}

StoreResult<void> CredentialStore::updateAfterSignIn(const QByteArray& credentialId,
                                                     quint32 signCount, bool backupState,
                                                     const QDateTime& lastUsedAt)
{
    return changeOne(m_database.connection(),
                     QStringLiteral("UPDATE credentials SET sign_count = ?, backup_state = ?, "
                                    "last_used_at = ? WHERE credential_id = ?"),
                     {static_cast<qint64>(signCount), backupState ? 1 : 0,
                      sql::toUnixMs(lastUsedAt), credentialId},
                     QStringLiteral("recording a sign-in"));
}

StoreResult<void> CredentialStore::rename(qint64 userId, const QByteArray& credentialId,
                                          const QString& nickname)
{
    return changeOne(m_database.connection(),
                     QStringLiteral("UPDATE credentials SET nickname = ? WHERE user_id = ? AND "
                                    "credential_id = ?"),
                     {sql::text(nickname), userId, credentialId},
                     QStringLiteral("renaming a passkey"));
}

StoreResult<void> CredentialStore::removeEndingOtherSessions(qint64 userId,
                                                             const QByteArray& credentialId,
                                                             qint64 keepSessionId)
{
    QSqlDatabase db = m_database.connection();
    return inTransaction<void>(db, [&]() -> StoreResult<void> {
        QSqlQuery removal(db);
        if (!sql::run(removal,
                      QStringLiteral("DELETE FROM credentials WHERE user_id = ? AND "
                                     "credential_id = ?"),
                      {userId, credentialId})) {
            return sql::ioError(removal, QStringLiteral("removing a passkey"));
        }
        if (removal.numRowsAffected() != 1) {
            return noSuchCredential();
        }
        QSqlQuery sessions(db);
        if (!sql::run(sessions,
                      QStringLiteral("DELETE FROM sessions WHERE user_id = ? AND id <> ?"),
                      {userId, keepSessionId})) {
            return sql::ioError(sessions, QStringLiteral("ending the profile's other sessions"));
        }
        return {};
    });
}

StoreResult<void> CredentialStore::remove(qint64 userId, const QByteArray& credentialId)
{
    return changeOne(m_database.connection(),
                     QStringLiteral("DELETE FROM credentials WHERE user_id = ? AND "
                                    "credential_id = ?"),
                     {userId, credentialId}, QStringLiteral("removing a passkey"));
}

} // namespace latchkey::store
