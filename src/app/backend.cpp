#include "app/backend.h"

#include "app/authenticator_setup.h"
#include "app/data_folder.h"
#include "app/launch_secret.h"
#include "app/translations.h"
#include "app/unclaimed_keys.h"
#include "server/local_server.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

namespace latchkey::app {

AppResult<std::unique_ptr<Backend>> Backend::start(const LaunchOptions& options,
                                                   QByteArray launchSecret,
                                                   bool userVerificationAvailable)
{
    const auto folder = prepareDataFolder(options.dataDir);
    if (!folder)
        return folder.error();

    auto database = store::Database::open(app::databasePath(*folder));
    if (!database)
        return AppError{AppError::Code::Database,
                        QCoreApplication::translate("latchkey::app::Backend",
                                                    "Cannot open the profile database: %1")
                            .arg(database.error().message)};

    // Before any page is served, so no ceremony of this launch is in flight. A keys file that
    // cannot be read is reported and left as it is; the pages still open (a browser in front of
    // --serve brings its own authenticator; the window says so at the first passkey).
    const PasskeyStorage storage =
        passkeyStorageFor(*folder, !options.dataDir.isEmpty(), options.tpmTcti);
    if (const auto removed =
            removeUnclaimedKeys(storage, **database, QDateTime::currentDateTimeUtc());
        !removed)
        QTextStream(stderr) << "latchkey: "
                            << QCoreApplication::translate(
                                   "latchkey::app::Backend",
                                   "The passkeys in %1 could not be checked against the "
                                   "profiles: %2")
                                   .arg(storage.keysFile, removed.error().message)
                            << Qt::endl;

    std::unique_ptr<Backend> backend(new Backend);
    backend->m_secret = std::move(launchSecret);
    backend->m_database = std::move(database).value();
    server::ServerConfig config;
    config.port = options.port;
    config.launchSecret = backend->m_secret;
    config.userVerificationAvailable = userVerificationAvailable;
    config.settingsFile = appSettingsFile(options.dataDir);
    config.languages = availableLanguages();
    // --serve's pages are read in an ordinary browser, which sends its localhost cookies to
    // every localhost port: under a random path that only that browser learns, the cookies
    // are never sent to another port. The window's own view needs none (the header secret).
    if (options.mode == LaunchOptions::Mode::Serve)
        config.pathPrefix = "/" + makeLaunchSecret();
    backend->m_server = std::make_unique<server::LocalServer>(*backend->m_database, config);
    if (!backend->m_server->listen())
        return AppError{AppError::Code::Listen,
                        QCoreApplication::translate("latchkey::app::Backend",
                                                    "Cannot serve the pages on localhost: %1")
                            .arg(backend->m_server->errorString())};
    return backend;
}

Backend::~Backend() = default;

QUrl Backend::homeUrl() const
{
    return m_server->homeUrl();
}

QString Backend::databasePath() const
{
    return m_database->filePath();
}

} // namespace latchkey::app
