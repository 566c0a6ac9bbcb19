#include "app/data_folder.h"

#include "authenticator/software/private_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace latchkey::app {

namespace {

AppError folderError(const QString& message)
{
    return AppError{AppError::Code::DataFolder, message};
}

} // namespace

AppResult<QString> prepareDataFolder(const QString& requested)
{
    const QString folder = requested.isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                               : QDir(requested).absolutePath();
    if (folder.isEmpty())
        return folderError(QCoreApplication::translate(
            "latchkey::app::DataFolder", "This system has no folder for application data; "
                                         "choose one with --data-dir DIR."));
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        return folderError(
            QCoreApplication::translate("latchkey::app::DataFolder",
                                        "The data folder %1 is a file, not a folder; "
                                        "choose another with --data-dir DIR.")
                .arg(folder));
    // Only this user may list or open the profiles: the folder is 0700, and an existing one
    // that is a link, another user's, or writable by others is refused before anything is
    // written into it.
    if (const auto prepared = authenticator::preparePrivateFolder(folder); !prepared)
        return folderError(QCoreApplication::translate("latchkey::app::DataFolder",
                                                       "%1 To keep the profiles elsewhere, use "
                                                       "--data-dir DIR.")
                               .arg(prepared.error().message));
    if (!QFileInfo(folder).isWritable())
        return folderError(QCoreApplication::translate(
                               "latchkey::app::DataFolder",
                               "The data folder %1 is not writable; fix its permissions or "
                               "choose another with --data-dir DIR.")
                               .arg(folder));
    return folder;
}

QString databasePath(const QString& dataFolder)
{
    return QDir(dataFolder).filePath(QStringLiteral("latchkey.sqlite"));
}

QString appSettingsFile(const QString& requestedDataDir)
{
    if (!requestedDataDir.isEmpty())
        return QDir(requestedDataDir).filePath(QStringLiteral("settings.ini"));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("settings.ini"));
}

} // namespace latchkey::app
