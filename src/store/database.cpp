#include "store/database.h"

#include "store/migrations.h"
#include "store/sqlite_dialect.h"
#include "store/write_transaction.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace latchkey::store {

namespace {

QString uniqueConnectionName()
{
    return QStringLiteral("latchkey-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

StoreResult<void> createFolderFor(const QString& filePath)
{
    const QString folder = QFileInfo(filePath).absolutePath();
    if (!QDir().mkpath(folder)) {
        return makeStoreError(StoreError::Code::Io,
                              QStringLiteral("Cannot create the folder %1 for the profile "
                                             "database. Check its permissions or choose another "
                                             "folder with --data-dir.")
                                  .arg(folder));
    }
    return {};
}

StoreError newerFileError(const QString& filePath, int fileVersion)
{
    return makeStoreError(StoreError::Code::Invalid,
                          QStringLiteral("The profile database %1 was written by a newer Latchkey "
                                         "(schema version %2; this one knows up to %3). It was "
                                         "left untouched: update Latchkey to open it.")
                              .arg(filePath, QString::number(fileVersion),
                                   QString::number(Database::latestSchemaVersion())));
}

StoreError migrationError(const Migration& step, const QSqlQuery& query)
{
    return makeStoreError(StoreError::Code::Io,
                          QStringLiteral("Cannot upgrade the profile database to schema version "
                                         "%1 (%2): %3. The file stays at version %4.")
                              .arg(QString::number(step.version), step.summary,
                                   query.lastError().text(), QString::number(step.version - 1)));
}

// Applies one step and its version number in one transaction: all or nothing.
StoreResult<void> applyMigration(QSqlDatabase& db, const Migration& step)
{
    WriteTransaction transaction(db);
    if (auto begun = transaction.begin(); !begun) {
        return begun;
    }
    // Another process may have migrated while we waited for the write lock.
    auto current = sqlite::readSchemaVersion(db);
    if (!current) {
        return current.error();
    }
    if (*current >= step.version) {
        return {};
    }
    for (const QString& statement : step.statements) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            return migrationError(step, query);
        }
    }
    if (auto written = sqlite::writeSchemaVersion(db, step.version); !written) {
        return written;
    }
    return transaction.commit();
}

} // namespace

StoreResult<std::unique_ptr<Database>> Database::open(const QString& filePath)
{
    return openAtVersion(filePath, latestSchemaVersion());
}

StoreResult<std::unique_ptr<Database>> Database::openAtVersion(const QString& filePath,
                                                               int targetVersion)
{
    if (targetVersion < 0 || targetVersion > latestSchemaVersion()) {
        return makeStoreError(StoreError::Code::Invalid,
                              QStringLiteral("Schema version %1 does not exist (0 to %2).")
                                  .arg(targetVersion)
                                  .arg(latestSchemaVersion()));
    }
    if (auto folder = createFolderFor(filePath); !folder) {
        return folder.error();
    }
    if (auto restricted = sqlite::restrictFilesToOwner(filePath); !restricted) {
        return restricted.error();
    }
    std::unique_ptr<Database> database(new Database(uniqueConnectionName(), filePath));
    if (auto prepared = database->prepare(targetVersion); !prepared) {
        return prepared.error();
    }
    return database;
}

int Database::latestSchemaVersion()
{
    return static_cast<int>(migrations().size());
}

Database::Database(QString connectionName, QString filePath)
    : m_connectionName(std::move(connectionName)), m_filePath(std::move(filePath))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(sqlite::driverName(), m_connectionName);
    db.setDatabaseName(m_filePath);
}

Database::~Database()
{
    {
        QSqlDatabase db = connection();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    return m_schemaVersion;
}

QString Database::filePath() const
{
    return m_filePath;
}

// The version is read before any setting that writes to the file, so a file from a newer
// Latchkey is refused exactly as it was found.
StoreResult<void> Database::prepare(int targetVersion)
{
    QSqlDatabase db = connection();
    if (!db.isValid()) {
        return makeStoreError(StoreError::Code::Io,
                              QStringLiteral("The Qt SQL driver %1 is not available. Install "
                                             "libqt6sql6-sqlite (or your system's Qt 6 SQLite "
                                             "plugin).")
                                  .arg(sqlite::driverName()));
    }
    if (!db.open()) {
        return makeStoreError(StoreError::Code::Io,
                              QStringLiteral("Cannot open the profile database %1 (%2). Check the "
                                             "file's permissions.")
                                  .arg(m_filePath, db.lastError().text()));
    }
    if (auto session = sqlite::applySessionSettings(db); !session) {
        return session;
    }
    auto version = sqlite::readSchemaVersion(db);
    if (!version) {
        return version.error();
    }
    if (*version > latestSchemaVersion()) {
        return newerFileError(m_filePath, *version);
    }
    // Before anything is written: a damaged file is reported, never migrated or rewritten.
    if (auto intact = sqlite::checkIntact(db); !intact) {
        return intact;
    }
    if (auto durability = sqlite::applyDurabilitySettings(db); !durability) {
        return durability;
    }
    for (const Migration& step : migrations()) {
        if (step.version <= *version) {
            continue;
        }
        if (step.version > targetVersion) {
            break;
        }
        if (auto applied = applyMigration(db, step); !applied) {
            return applied;
        }
    }
    auto reached = sqlite::readSchemaVersion(db);
    if (!reached) {
        return reached.error();
    }
    m_schemaVersion = *reached;
    return {};
}

} // namespace latchkey::store
