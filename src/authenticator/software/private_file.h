#pragma once

#include "authenticator/error.h"

#include <QByteArray>
#include <QString>

namespace latchkey::authenticator {

// Writes path atomically (QSaveFile: the old contents stay until the new ones are complete),
// mode 0600, creating its folder with mode 0700 when missing.
KeyStoreResult<void> writePrivateFile(const QString& path, const QByteArray& contents);
KeyStoreResult<QByteArray> readPrivateFile(const QString& path);
// Whether only the owner may read or write path (no group or other permission bits).
bool isPrivateToOwner(const QString& path);

} // namespace latchkey::authenticator
