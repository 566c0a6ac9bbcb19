#include "app/launch.h"

#include "app/app_window.h"
#include "app/authenticator_report.h"
#include "app/authenticator_setup.h"
#include "app/backend.h"
#include "app/backend_thread.h"
#include "app/command_line.h"
#include "app/data_folder.h"
#include "app/first_paint.h"
#include "app/launch_secret.h"
#include "app/quit_on_signal.h"
#include "app/translations.h"
#include "app/user_verification_choice.h"
#include "app/window_geometry.h"
#include "server/local_server.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QJsonDocument>
#include <QQuickStyle>
#include <QTextStream>
#include <QtWebEngineQuick/qtwebenginequickglobal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace latchkey::app {

namespace {

void setApplicationIdentity()
{
    // No organization name: the data folder is then ~/.local/share/Latchkey, not a nested
    // ~/.local/share/<organization>/Latchkey.
    QCoreApplication::setApplicationName(QStringLiteral("Latchkey"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("latchkey.io"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LATCHKEY_VERSION));
}

QStringList argumentsOf(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

int fail(const AppError& error)
{
    QTextStream(stderr) << "latchkey: " << error.message << Qt::endl;
    return error.exitCode();
}

int serve(const LaunchOptions& options)
{
    // A browser brings its own authenticator, which may verify the person.
    auto backend = Backend::start(options, makeLaunchSecret(), true);
    if (!backend)
        return fail(backend.error());
    QuitOnSignal quitOnSignal;
    const QUrl url = (*backend)->server().createOneTimeUrl();
    // The URL alone on stdout so scripts can read it; the explanation goes to stderr.
    QTextStream(stdout) << url.toString() << Qt::endl;
    QTextStream(stderr) << QCoreApplication::translate(
                               "latchkey::app::Launch",
                               "Latchkey is serving %1 (profiles in %2).\n"
                               "Open the link above once in a browser: it signs that browser "
                               "in and works only once.\nPress Ctrl+C to stop.")
                               // The origin only: the pages' path stays between the
                               // server and the browser that opens the link.
                               .arg((*backend)->server().originUrl().toString(),
                                    (*backend)->databasePath())
                        << Qt::endl;
    return QCoreApplication::exec();
}

// --authenticators [--self-test]: the JSON report on stdout; exit 1 when a self-test failed.
int reportAuthenticators(const LaunchOptions& options)
{
    const auto folder = prepareDataFolder(options.dataDir);
    if (!folder)
        return fail(folder.error());
    const PasskeyStorage storage =
        passkeyStorageFor(*folder, !options.dataDir.isEmpty(), options.tpmTcti);
    const UserVerificationChoice verification;
    bool ok = true;
    const QJsonObject report =
        authenticatorDiagnostics(storage, verification.diagnostics(), options.selfTest, ok);
    QTextStream(stdout) << QJsonDocument(report).toJson(QJsonDocument::Indented);
    return ok ? 0 : 1;
}

// Help, version, bad arguments and --serve need neither a display nor WebEngine.
int runWithoutWindow(int& argc, char** argv, const QString& language)
{
    QCoreApplication application(argc, argv);
    installTranslations(application, language);
    // Parsed again so the messages come out translated.
    const auto options = parseCommandLine(QCoreApplication::arguments());
    if (!options)
        return fail(options.error());
    switch (options->mode) {
    case LaunchOptions::Mode::Help:
        QTextStream(stdout) << helpText();
        return 0;
    case LaunchOptions::Mode::Version:
        QTextStream(stdout) << versionText() << Qt::endl;
        return 0;
    case LaunchOptions::Mode::Authenticators:
        return reportAuthenticators(*options);
    case LaunchOptions::Mode::Serve:
    case LaunchOptions::Mode::Window:
        break;
    }
    return serve(*options);
}

QIcon appIcon()
{
    QIcon icon;
    for (const int size : {32, 64, 256})
        icon.addFile(QStringLiteral(":/icons/latchkey-%1.png").arg(size), QSize(size, size));
    return icon;
}

void prepareWebEngine()
{
    // Chromium refuses to start its sandbox as root (CI, containers); as an ordinary user
    // the sandbox stays on.
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QtWebEngineQuick::initialize();
}

int runWindow(const LaunchOptions& options, int& argc, char** argv)
{
    FirstPaintReporter::markStage("main");
    prepareWebEngine();
    QGuiApplication::setDesktopFileName(QStringLiteral("latchkey"));
    QGuiApplication application(argc, argv);
    FirstPaintReporter::markStage("application");
    application.setWindowIcon(appIcon());
    installTranslations(application, chosenLanguage(options.dataDir));
    // The Basic style loads fastest and the window shows almost no controls of its own.
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    // Decided before the handler starts: its pages say what the person can expect.
    const UserVerificationChoice verification;
    // The database and the handler start on their own thread while the window loads.
    const QByteArray secret = makeLaunchSecret();
    BackendThread backend(options, secret, verification.chosen() != nullptr);
    backend.start();
    QuitOnSignal quitOnSignal;
    AppWindow window({WindowGeometry::settingsFileFor(options.dataDir)});
    if (const auto prepared = window.prepare(); !prepared)
        return fail(prepared.error());
    FirstPaintReporter::markStage("window-prepared");
    const auto ready = backend.waitUntilReady();
    if (!ready)
        return fail(ready.error());
    FirstPaintReporter::markStage("backend-ready");
    if (const auto opened =
            window.open({ready->homeUrl, server::LocalServer::secretHeaderName(), secret,
                         QFileInfo(ready->databasePath).absolutePath(), !options.dataDir.isEmpty(),
                         verification.chosen(), options.tpmTcti});
        !opened)
        return fail(opened.error());
    FirstPaintReporter::markStage("window-loaded");
    return QCoreApplication::exec();
}

} // namespace

int launch(int& argc, char** argv)
{
    // Everything the app writes (profiles, settings, WebEngine's files) is this user's alone;
    // the files that hold secrets also set 0600 themselves.
    ::umask(077);
    setApplicationIdentity();
    const auto options = parseCommandLine(argumentsOf(argc, argv));
    if (options && options->mode == LaunchOptions::Mode::Window)
        return runWindow(*options, argc, argv);
    // The language chosen for this data folder, also for the command line's own messages.
    return runWithoutWindow(argc, argv, chosenLanguage(options ? options->dataDir : QString()));
}

} // namespace latchkey::app
