#pragma once

#include <QString>

namespace latchkey::authenticator {

// Where the app keeps the software key store: the keys file in the data folder, the sealing
// key's fallback file in the configuration folder (a different folder, so copying the data
// folder alone does not carry the key that opens it), and its Secret Service entry.
struct SoftwareKeyStorePaths {
    QString keysFile;       // <dataFolder>/keys.json
    QString sealingKeyFile; // <configFolder>/sealing.key
    QString keychainService = QStringLiteral("Latchkey");
    QString keychainEntry = QStringLiteral("software-key-store-sealing-key");
};

// configFolder empty: QStandardPaths::AppConfigLocation (~/.config/Latchkey on Linux).
SoftwareKeyStorePaths softwareKeyStorePaths(const QString& dataFolder,
                                            const QString& configFolder = QString());

} // namespace latchkey::authenticator
