#include "app/backend.h"

#include "app/data_folder.h"
#include "app/launch_secret.h"
#include "server/local_server.h"
#include "store/database.h"

#include <QCoreApplication>

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

    std::unique_ptr<Backend> backend(new Backend);
    backend->m_secret = std::move(launchSecret);
    backend->m_database = std::move(database).value();
    server::ServerConfig config;
    config.port = options.port;
    config.launchSecret = backend->m_secret;
    config.userVerificationAvailable = userVerificationAvailable;
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
