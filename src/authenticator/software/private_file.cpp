#include "authenticator/software/private_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

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
    return keyStoreError(
        KeyStoreErrorCode::Io,
        QCoreApplication::translate("latchkey::authenticator::PrivateFile", "Could not %1 %2: %3")
            .arg(what, path, reason));
}

// The rename that QSaveFile::commit() made is only on disk once the folder's entry is.
KeyStoreResult<void> syncFolder(const QString& path)
{
#ifdef Q_OS_UNIX
    const QString folder = QFileInfo(path).absolutePath();
    const int fd =
        ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return ioError(
            QCoreApplication::translate("latchkey::authenticator::PrivateFile", "open the folder"),
            folder, qt_error_string(errno));
    const int synced = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (synced != 0)
        return ioError(
            QCoreApplication::translate("latchkey::authenticator::PrivateFile", "sync the folder"),
            folder, qt_error_string(error));
#else
    Q_UNUSED(path);
#endif
    return {};
}

KeyStoreError untrustedFolderError(const QString& folder, const QString& reason)
{
    return keyStoreError(KeyStoreErrorCode::Io,
                         QCoreApplication::translate("latchkey::authenticator::PrivateFile",
                                                     "The folder %1 is not used: %2. Nothing was "
                                                     "written. Fix it or choose another folder.")
                             .arg(folder, reason));
}

// Whether an existing folder may hold private files. lstat, not stat: a symbolic link could
// point anywhere, including into a folder another user can swap.
KeyStoreResult<void> refuseUntrustedFolder(const QString& folder)
{
#ifdef Q_OS_UNIX
    struct stat info {};
    if (::lstat(QFile::encodeName(folder).constData(), &info) != 0) {
        if (errno == ENOENT)
            return {};
        return ioError(QCoreApplication::translate("latchkey::authenticator::PrivateFile",
                                                   "inspect the folder"),
                       folder, qt_error_string(errno));
    }
    if (S_ISLNK(info.st_mode))
        return untrustedFolderError(
            folder, QCoreApplication::translate("latchkey::authenticator::PrivateFile",
                                                "it is a symbolic link"));
    if (!S_ISDIR(info.st_mode))
        return untrustedFolderError(
            folder, QCoreApplication::translate("latchkey::authenticator::PrivateFile",
                                                "it is not a folder"));
    if (info.st_uid != ::geteuid())
        return untrustedFolderError(
            folder, QCoreApplication::translate("latchkey::authenticator::PrivateFile",
                                                "it belongs to another user"));
    if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0)
        return untrustedFolderError(
            folder, QCoreApplication::translate("latchkey::authenticator::PrivateFile",
                                                "other users may write to it"));
#else
    Q_UNUSED(folder);
#endif
    return {};
}

} // namespace

KeyStoreResult<void> ensurePrivateFolder(const QString& path)
{
    return preparePrivateFolder(QFileInfo(path).absolutePath());
}

KeyStoreResult<void> preparePrivateFolder(const QString& folder)
{
    if (auto refused = refuseUntrustedFolder(folder); !refused)
        return refused;
    if (!QFileInfo(folder).isDir()) {
        if (!QDir().mkpath(folder) || !QFile::setPermissions(folder, kOwnerFolder))
            return ioError(QCoreApplication::translate("latchkey::authenticator::PrivateFile",
                                                       "create the folder"),
                           folder,
                           QCoreApplication::translate("latchkey::authenticator::PrivateFile",
                                                       "permission denied or no space"));
        return {};
    }
    // A folder that older versions made 0755 (or one made by hand) is narrowed, so the
    // files in it cannot be listed by others either.
    // The system's reason, not a guess: on a read-only file system it says so.
    if (::chmod(QFile::encodeName(folder).constData(), 0700) != 0)
        return ioError(QCoreApplication::translate("latchkey::authenticator::PrivateFile",
                                                   "restrict the folder"),
                       folder, qt_error_string(errno));
    return {};
}

KeyStoreResult<void> writePrivateFile(const QString& path, const QByteArray& contents)
{
    if (auto folder = ensurePrivateFolder(path); !folder)
        return folder;
    QSaveFile file(path);
    // Permissions go on the temporary file before any byte is written, so the secret is never
    // readable by others, not even for a moment.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kOwnerOnly))
        return ioError(QCoreApplication::translate("latchkey::authenticator::PrivateFile", "write"),
                       path, file.errorString());
    if (file.write(contents) != contents.size() || !file.commit())
        return ioError(QCoreApplication::translate("latchkey::authenticator::PrivateFile", "write"),
                       path, file.errorString());
    return syncFolder(path);
}

KeyStoreResult<QByteArray> readPrivateFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ioError(QCoreApplication::translate("latchkey::authenticator::PrivateFile", "read"),
                       path, file.errorString());
    return file.readAll();
}

bool isPrivateToOwner(const QString& path)
{
    return (QFile::permissions(path) & kOthersBits) == 0;
}

} // namespace latchkey::authenticator
