#pragma once

#include "app/app_error.h"

#include <QString>

namespace latchkey::app {

// Where the profiles live: the requested folder, or the platform's application-data folder
// (~/.local/share/Latchkey on Linux). Creates it 0700 when missing; an existing folder is
// used only when it is this user's own real folder that nobody else may write to (then
// narrowed to 0700), so a bad --data-dir fails before anything is opened or written.
AppResult<QString> prepareDataFolder(const QString& requested);

// The profile database inside a data folder.
QString databasePath(const QString& dataFolder);

// The app's own settings, the same for every profile (the language chosen on the settings
// page): settings.ini beside window.ini, so in the requested data folder when --data-dir was
// given (a test or a second profile set never touches the person's own), else in the
// platform's configuration folder (~/.config/Latchkey on Linux).
QString appSettingsFile(const QString& requestedDataDir);

} // namespace latchkey::app
