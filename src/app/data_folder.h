#pragma once

#include "app/app_error.h"

#include <QString>

namespace latchkey::app {

// Where the profiles live: the requested folder, or the platform's application-data folder
// (~/.local/share/Latchkey on Linux). Creates it when missing and checks that it is a
// writable folder, so a bad --data-dir fails before anything is opened.
AppResult<QString> prepareDataFolder(const QString& requested);

// The profile database inside a data folder.
QString databasePath(const QString& dataFolder);

} // namespace latchkey::app
