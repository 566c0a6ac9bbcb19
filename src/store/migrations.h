#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace latchkey::store {

// One numbered schema step. Applying it moves the file from version-1 to version, in one
// transaction together with the new user_version. Released steps are never edited: a
// change to the schema is a new step at the end.
struct Migration {
    int version = 0;
    QString summary;
    QStringList statements; // one SQL statement each (Qt SQL runs one per exec)
};

// All steps, in order: element i has version i + 1.
const QList<Migration>& migrations();

} // namespace latchkey::store
