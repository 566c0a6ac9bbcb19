#include "authenticator/software/software_key_store_paths.h"

#include <QDir>
#include <QStandardPaths>

namespace latchkey::authenticator {

SoftwareKeyStorePaths softwareKeyStorePaths(const QString& dataFolder, const QString& configFolder)
{
    const QString config = configFolder.isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                               : configFolder;
    SoftwareKeyStorePaths paths;
    paths.keysFile = QDir(dataFolder).filePath(QStringLiteral("keys.json"));
    paths.sealingKeyFile = QDir(config).filePath(QStringLiteral("sealing.key"));
    return paths;
}

} // namespace latchkey::authenticator
