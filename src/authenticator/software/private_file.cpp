#include "authenticator/software/private_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace latchkey::authenticator {
namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kOthersBits = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                 QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                 QFileDevice::WriteOther | QFileDevice::ExeOther;

KeyStoreError ioError(const QString& what, const QString& path, const QString& reason)
{
    return keyStoreError(KeyStoreErrorCode::Io,
                         QStringLiteral("Could not %1 %2: %3").arg(what, path, reason));
}

KeyStoreResult<void> ensureFolder(const QString& path)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (QFileInfo::exists(folder))
        return {};
    if (!QDir().mkpath(folder) || !QFile::setPermissions(folder, kOwnerFolder))
        return ioError(QStringLiteral("create the folder"), folder,
                       QStringLiteral("permission denied or no space"));
    return {};
}

} // namespace

KeyStoreResult<void> writePrivateFile(const QString& path, const QByteArray& contents)
{
    if (auto folder = ensureFolder(path); !folder)
        return folder;
    QSaveFile file(path);
    // Permissions go on the temporary file before any byte is written, so the secret is never
    // readable by others, not even for a moment.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kOwnerOnly))
        return ioError(QStringLiteral("write"), path, file.errorString());
    if (file.write(contents) != contents.size() || !file.commit())
        return ioError(QStringLiteral("write"), path, file.errorString());
    return {};
}

KeyStoreResult<QByteArray> readPrivateFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ioError(QStringLiteral("read"), path, file.errorString());
    return file.readAll();
}

bool isPrivateToOwner(const QString& path)
{
    return (QFile::permissions(path) & kOthersBits) == 0;
}

} // namespace latchkey::authenticator
