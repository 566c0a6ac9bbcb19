#pragma once

#include "store/store_error.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace latchkey::store {

// One open profile database: a Qt SQL connection of its own (several may be open in one
// process), with the connection settings applied and checked and the schema migrated to
// the newest version this build knows. Like any QSqlDatabase, use it from the thread that
// opened it.
class Database {
public:
    // Creates the folder and the file if needed, applies and verifies the connection
    // settings (WAL, synchronous FULL, foreign keys, busy timeout) and runs the missing
    // migrations, each in one transaction. A file written by a newer Latchkey is refused
    // and left untouched.
    static StoreResult<std::unique_ptr<Database>> open(const QString& filePath);

    // Test hook: like open(), but migrates only up to targetVersion (0 = no table at all),
    // so tests can build a file as an earlier release left it.
    static StoreResult<std::unique_ptr<Database>> openAtVersion(const QString& filePath,
                                                                int targetVersion);

    // The schema version this build migrates to.
    static int latestSchemaVersion();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Copies must not outlive this Database: closing removes the named connection.
    QSqlDatabase connection() const;
    int schemaVersion() const;
    QString filePath() const;

private:
    Database(QString connectionName, QString filePath);
    StoreResult<void> prepare(int targetVersion);

    QString m_connectionName;
    QString m_filePath;
    int m_schemaVersion = 0;
};

} // namespace latchkey::store
