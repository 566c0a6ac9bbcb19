#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace latchkey::soak {

// What a data folder holds, read with a read-only connection of its own while no Latchkey
// runs on it:
// SQLite's own integrity verdict, the profiles and passkeys, and every row that breaks a rule
// the store's writes keep (a half-written row).
struct FolderContents {
    QString integrity;                     // PRAGMA integrity_check: "ok" when sound
    QStringList foreignKeyErrors;          // PRAGMA foreign_key_check
    QStringList halfWrittenRows;           // rows that are not whole (what is wrong with each)
    QMap<QString, qint64> users;           // username -> row id
    QMap<QByteArray, QString> credentials; // credential id -> owner's username
    QString error;                         // the database could not be opened or read
};

FolderContents readFolder(const QString& databasePath);

} // namespace latchkey::soak
