#include "app/data_folder.h"

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
    if (!QDir().mkpath(folder))
        return folderError(
            QCoreApplication::translate("latchkey::app::DataFolder",
                                        "Cannot create the data folder %1; check its parent's "
                                        "permissions or choose another with --data-dir DIR.")
                .arg(folder));
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

} // namespace latchkey::app
