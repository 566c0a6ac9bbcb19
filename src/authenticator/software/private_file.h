#pragma once

#include "authenticator/error.h"

#include <QByteArray>
#include <QString>

namespace latchkey::authenticator {

// Writes path atomically (QSaveFile: the old contents stay until the new ones are complete),
// mode 0600, creating its folder with mode 0700 when missing. Durable when it returns: the
// contents are synced before the rename and, on POSIX systems, the folder after it (else a
// power cut could bring the old file back after the person was told a change was saved).
KeyStoreResult<void> writePrivateFile(const QString& path, const QByteArray& contents);
// Prepares path's folder for private files (preparePrivateFolder).
KeyStoreResult<void> ensurePrivateFolder(const QString& path);
// Creates folder with mode 0700 when it is missing. An existing folder is used only when it is
// a real folder (not a symbolic link) that belongs to this user and that nobody else may write
// to; its mode is then narrowed to 0700. Otherwise the error names the folder and says why,
// and nothing is changed.
KeyStoreResult<void> preparePrivateFolder(const QString& folder);
KeyStoreResult<QByteArray> readPrivateFile(const QString& path);
// Whether only the owner may read or write path (no group or other permission bits).
bool isPrivateToOwner(const QString& path);

} // namespace latchkey::authenticator
