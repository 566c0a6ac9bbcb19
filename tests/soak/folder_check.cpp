#include "folder_check.h"

#include <QCborMap>
#include <QCborValue>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace latchkey::soak {

namespace {

// An EC2 P-256 COSE_Key as Latchkey's authenticator writes it: kty 2, crv 1, 32-byte x and y.
bool isWholeCoseKey(const QByteArray& bytes)
{
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(bytes, &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return false;
    const QCborMap key = value.toMap();
    return key.value(1).toInteger() == 2 && key.value(-1).toInteger() == 1 &&
           key.value(-2).toByteArray().size() == 32 && key.value(-3).toByteArray().size() == 32;
}

void readRows(QSqlDatabase& db, FolderContents& contents)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA integrity_check"));
    QStringList verdict;
    while (query.next())
        verdict << query.value(0).toString();
    contents.integrity = verdict.join(QLatin1Char('\n'));
    query.exec(QStringLiteral("PRAGMA foreign_key_check"));
    while (query.next())
        contents.foreignKeyErrors << query.value(0).toString() + " row " +
                                         query.value(1).toString();
    query.exec(QStringLiteral("SELECT id, username, uid, email, length(user_handle), created_at "
                              "FROM users"));
    while (query.next()) {
        const QString username = query.value(1).toString();
        contents.users.insert(username, query.value(0).toLongLong());
        if (username.isEmpty() || query.value(2).toString().size() != 36 ||
            query.value(3).toString().isEmpty() || query.value(4).toInt() != 32 ||
            query.value(5).toLongLong() <= 0)
            contents.halfWrittenRows << QStringLiteral("user %1").arg(query.value(0).toLongLong());
    }
    query.exec(QStringLiteral("SELECT c.id, c.credential_id, c.public_key, c.nickname, "
                              "c.created_at, length(c.aaguid), u.username FROM credentials c "
                              "LEFT JOIN users u ON u.id = c.user_id"));
    while (query.next()) {
        const QByteArray id = query.value(1).toByteArray();
        contents.credentials.insert(id, query.value(6).toString());
        if (id.size() != 32 || !isWholeCoseKey(query.value(2).toByteArray()) ||
            query.value(3).toString().isEmpty() || query.value(4).toLongLong() <= 0 ||
            query.value(5).toInt() != 16 || query.value(6).isNull())
            contents.halfWrittenRows
                << QStringLiteral("credential %1").arg(query.value(0).toLongLong());
    }
    if (query.lastError().isValid())
        contents.error = query.lastError().text();
}

} // namespace

FolderContents readFolder(const QString& databasePath)
{
    FolderContents contents;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        // Read-only: closing it never checkpoints the log, so the next Latchkey finds the
        // folder exactly as the kill left it (its write-ahead log included) and recovers it.
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            contents.error = db.lastError().text();
        else
            readRows(db, contents);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return contents;
}

} // namespace latchkey::soak
