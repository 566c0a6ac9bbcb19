#include "store/sqlite_dialect.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

namespace latchkey::store::sqlite {

namespace {

// SQLite's primary result codes; extended codes keep them in the low byte.
constexpr int sqliteBusy = 5;
constexpr int sqliteLocked = 6;
constexpr int sqliteReadOnly = 8;
constexpr int sqliteCorrupt = 11;
constexpr int sqliteFull = 13;
constexpr int sqliteConstraint = 19;
constexpr int sqliteNotADatabase = 26;

// The primary result code of a failed statement, or -1 when the driver gave none.
int primaryCode(const QSqlError& error)
{
    bool isNumber = false;
    const int code = error.nativeErrorCode().toInt(&isNumber);
    return isNumber ? (code & 0xff) : -1;
}

StoreError settingError(const QString& pragma, const QString& detail)
{
    return makeStoreError(StoreError::Code::Io,
                          QStringLiteral("The database refused the setting \"%1\" (%2). Keep the "
                                         "profile file on a local disk that allows SQLite's "
                                         "write-ahead log, then start Latchkey again.")
                              .arg(pragma, detail));
}

// Runs one pragma and returns its first result column (empty when it returns no row).
// A pragma that needs the file's exclusive lock (journal_mode = WAL on a new file) can meet
// another connection opening the same file that holds a shared lock and waits for the same
// upgrade: SQLite then answers "locked" at once instead of calling the busy handler (it
// would deadlock), so it is retried here for as long as busy_timeout would have waited.
StoreResult<QVariant> runPragma(QSqlDatabase& db, const QString& statement)
{
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        QSqlQuery query(db);
        if (query.exec(statement)) {
            return query.next() ? query.value(0) : QVariant();
        }
        if (!isBusy(query.lastError()) || waited.elapsed() >= busyTimeoutMs) {
            return settingError(statement, query.lastError().text());
        }
        QThread::msleep(10);
    }
}

// Sets a pragma, then reads it back: SQLite ignores unknown or impossible settings silently.
StoreResult<void> setAndVerify(QSqlDatabase& db, const QString& name, const QString& value,
                               const QString& expected)
{
    auto set = runPragma(db, QStringLiteral("PRAGMA %1 = %2").arg(name, value));
    if (!set) {
        return set.error();
    }
    auto readBack = runPragma(db, QStringLiteral("PRAGMA %1").arg(name));
    if (!readBack) {
        return readBack.error();
    }
    const QString actual = readBack->toString().toLower();
    if (actual != expected) {
        return settingError(QStringLiteral("PRAGMA %1 = %2").arg(name, value),
                            QStringLiteral("it reads back as \"%1\"").arg(actual));
    }
    return {};
}

Constraint kindFromMessage(const QString& text)
{
    if (text.contains(QLatin1String("UNIQUE constraint failed"))) {
        return Constraint::Unique;
    }
    if (text.contains(QLatin1String("FOREIGN KEY constraint failed"))) {
        return Constraint::ForeignKey;
    }
    if (text.contains(QLatin1String("CHECK constraint failed"))) {
        return Constraint::Check;
    }
    if (text.contains(QLatin1String("NOT NULL constraint failed"))) {
        return Constraint::NotNull;
    }
    return Constraint::Other;
}

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

StoreError permissionError(const QString& path, const QString& detail)
{
    return makeStoreError(StoreError::Code::Io,
                          QStringLiteral("Cannot make %1 private to its owner (%2). Check that "
                                         "the file is yours.")
                              .arg(path, detail));
}

} // namespace

StoreResult<void> restrictFilesToOwner(const QString& filePath)
{
    if (filePath == QLatin1String(":memory:")) {
        return {}; // no file at all
    }
    QFile database(filePath);
    if (!database.exists()) {
        // An empty file is an empty SQLite database; created 0600 before SQLite writes a byte.
        // Another process opening the same profile may create it between the check and
        // the open (O_EXCL); its file is then as good as ours and is checked below.
        if (database.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly)) {
            database.close();
        } else if (!database.exists()) {
            return permissionError(filePath, database.errorString());
        }
    }
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile file(filePath + suffix);
        if (file.exists() && !file.setPermissions(ownerOnly)) {
            return permissionError(file.fileName(), file.errorString());
        }
    }
    return {};
}

QString driverName()
{
    return QStringLiteral("QSQLITE");
}

StoreResult<void> applySessionSettings(QSqlDatabase& db)
{
    auto busy = setAndVerify(db, QStringLiteral("busy_timeout"), QString::number(busyTimeoutMs),
                             QString::number(busyTimeoutMs));
    if (!busy) {
        return busy;
    }
    return setAndVerify(db, QStringLiteral("foreign_keys"), QStringLiteral("ON"),
                        QStringLiteral("1"));
}

StoreResult<void> applyDurabilitySettings(QSqlDatabase& db)
{
    auto wal = setAndVerify(db, QStringLiteral("journal_mode"), QStringLiteral("WAL"),
                            QStringLiteral("wal"));
    if (!wal) {
        return wal;
    }
    // FULL: a profile or passkey the person was told about survives a power cut.
    return setAndVerify(db, QStringLiteral("synchronous"), QStringLiteral("FULL"),
                        QStringLiteral("2"));
}

StoreError damagedDatabase(const QString& filePath, const QString& detail)
{
    return makeStoreError(StoreError::Code::Io,
                          QStringLiteral("The profile database %1 is damaged (%2). Latchkey left "
                                         "it as it is: restore it from a backup, or move it "
                                         "away to start again with no profiles.")
                              .arg(filePath, detail),
                          StoreError::Fault::Damaged);
}

StoreResult<void> checkIntact(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA quick_check"))) {
        if (faultOf(query.lastError()) == StoreError::Fault::Damaged) {
            return damagedDatabase(db.databaseName(), query.lastError().text());
        }
        return makeStoreError(StoreError::Code::Io,
                              QStringLiteral("Cannot check the profile database %1 (%2).")
                                  .arg(db.databaseName(), query.lastError().text()),
                              faultOf(query.lastError()));
    }
    const QString verdict = query.next() ? query.value(0).toString() : QString();
    if (verdict != QLatin1String("ok")) {
        return damagedDatabase(db.databaseName(), verdict);
    }
    return {};
}

StoreResult<int> readSchemaVersion(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        if (faultOf(query.lastError()) == StoreError::Fault::Damaged) {
            return damagedDatabase(db.databaseName(), query.lastError().text());
        }
        return makeStoreError(StoreError::Code::Io,
                              QStringLiteral("Cannot read the schema version of %1 (%2). Check "
                                             "that the file is a Latchkey profile database.")
                                  .arg(db.databaseName(), query.lastError().text()));
    }
    return query.value(0).toInt();
}

StoreResult<void> writeSchemaVersion(QSqlDatabase& db, int version)
{
    QSqlQuery query(db);
    // PRAGMA takes no bound parameters; version is an int we produced.
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))) {
        return makeStoreError(StoreError::Code::Io,
                              QStringLiteral("Cannot record schema version %1 (%2).")
                                  .arg(version)
                                  .arg(query.lastError().text()));
    }
    return {};
}

StoreResult<void> beginWriteTransaction(QSqlDatabase& db)
{
    QSqlQuery query(db);
    const bool begun = db.driverName() == driverName()
                           ? query.exec(QStringLiteral("BEGIN IMMEDIATE"))
                           : db.transaction();
    if (!begun) {
        const QSqlError error = query.lastError().isValid() ? query.lastError() : db.lastError();
        return makeStoreError(isBusy(error) ? StoreError::Code::Busy : StoreError::Code::Io,
                              QStringLiteral("Cannot start writing to the profile database (%1). "
                                             "Another program may be holding it; try again.")
                                  .arg(error.text()),
                              faultOf(error));
    }
    return {};
}

ConstraintViolation constraintViolation(const QSqlError& error)
{
    const QString text = error.databaseText();
    if (primaryCode(error) != sqliteConstraint) {
        return {};
    }
    ConstraintViolation violation{kindFromMessage(text), {}};
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon >= 0) {
        violation.detail = text.mid(colon + 1).trimmed();
    }
    return violation;
}

StoreError::Fault faultOf(const QSqlError& error)
{
    switch (primaryCode(error)) {
    case sqliteFull:
        return StoreError::Fault::DiskFull;
    case sqliteReadOnly:
        return StoreError::Fault::ReadOnly;
    case sqliteCorrupt:
    case sqliteNotADatabase:
        return StoreError::Fault::Damaged;
    default:
        return StoreError::Fault::None;
    }
}

bool isBusy(const QSqlError& error)
{
    const int code = primaryCode(error);
    return code == sqliteBusy || code == sqliteLocked;
}

} // namespace latchkey::store::sqlite
