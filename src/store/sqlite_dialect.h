#pragma once

#include "store/store_error.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

// Everything the store says that only SQLite understands lives behind these functions, so
// another Qt SQL driver is a new dialect file, not a rewrite of the stores.
namespace latchkey::store::sqlite {

QString driverName();

// Makes the database file and its companions (-wal, -shm, -journal) readable by their owner
// only: a missing database is created empty with mode 0600 (SQLite then gives the companions
// it creates the database's mode), existing ones are narrowed to 0600.
StoreResult<void> restrictFilesToOwner(const QString& filePath);

// Connection-only settings that do not write to the file (busy timeout, foreign keys),
// each read back to check it took effect.
StoreResult<void> applySessionSettings(QSqlDatabase& db);
// Settings stored in the file (WAL) or needed before writing (synchronous FULL), read back.
StoreResult<void> applyDurabilitySettings(QSqlDatabase& db);

StoreResult<int> readSchemaVersion(QSqlDatabase& db);
// Must run inside the migration's transaction so the version moves with the schema.
StoreResult<void> writeSchemaVersion(QSqlDatabase& db, int version);

// Takes the write lock at the start, so a second writer waits (busy timeout) instead of
// failing halfway through when its read lock cannot be upgraded.
StoreResult<void> beginWriteTransaction(QSqlDatabase& db);

enum class Constraint { None, Unique, ForeignKey, Check, NotNull, Other };

// Which constraint a failed statement broke and, for UNIQUE, the "table.column" it names.
struct ConstraintViolation {
    Constraint kind = Constraint::None;
    QString detail;
};
ConstraintViolation constraintViolation(const QSqlError& error);

// True when the statement failed because another connection held a lock past the busy
// timeout (SQLITE_BUSY or SQLITE_LOCKED): the same statement may well work a moment later.
bool isBusy(const QSqlError& error);

// The file system's or the file's fault behind a failed statement (SQLITE_FULL, SQLITE_READONLY,
// SQLITE_CORRUPT / SQLITE_NOTADB), or Fault::None.
StoreError::Fault faultOf(const QSqlError& error);

// "The profile database <path> is damaged (<detail>) ...": left as it is, never replaced.
StoreError damagedDatabase(const QString& filePath, const QString& detail);

// SQLite's quick_check over the whole file (every page, index and constraint, without
// comparing indexes to tables): Damaged with its first complaint when it is not "ok".
StoreResult<void> checkIntact(QSqlDatabase& db);

inline constexpr int busyTimeoutMs = 5000;

} // namespace latchkey::store::sqlite
