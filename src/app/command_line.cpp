#include "app/command_line.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

namespace latchkey::app {

namespace {

// The parser is rebuilt on each use so that its texts follow the installed translator.
struct Parser {
    QCommandLineParser parser;
    QCommandLineOption help{
        {QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("latchkey::app::CommandLine", "Show this help and exit.")};
    QCommandLineOption version{
        {QStringLiteral("v"), QStringLiteral("version")},
        QCoreApplication::translate("latchkey::app::CommandLine", "Show the version and exit.")};
    QCommandLineOption dataDir{
        QStringLiteral("data-dir"),
        QCoreApplication::translate("latchkey::app::CommandLine",
                                    "Keep profiles in DIR instead of the default data folder."),
        QStringLiteral("DIR")};
    QCommandLineOption port{QStringLiteral("port"),
                            QCoreApplication::translate(
                                "latchkey::app::CommandLine",
                                "Serve the pages on port N of localhost (default: any free port)."),
                            QStringLiteral("N")};
    QCommandLineOption serve{QStringLiteral("serve"),
                             QCoreApplication::translate(
                                 "latchkey::app::CommandLine",
                                 "Open no window: print a one-time URL for an ordinary browser and "
                                 "serve until interrupted.")};

    QCommandLineOption tpmTcti{
        QStringLiteral("tpm-tcti"),
        QCoreApplication::translate(
            "latchkey::app::CommandLine",
            "Keep new passkeys in the TPM reached through the tpm2-tss TCTI CONF, e.g. "
            "swtpm:host=127.0.0.1,port=2321 (default: LATCHKEY_TPM_TCTI, else /dev/tpmrm0 when "
            "usable, else the software key store)."),
        QStringLiteral("CONF")};
    QCommandLineOption authenticators{
        QStringLiteral("authenticators"),
        QCoreApplication::translate("latchkey::app::CommandLine",
                                    "Print this computer's key stores and user verifiers as "
                                    "JSON and exit.")};
    QCommandLineOption selfTest{
        QStringLiteral("self-test"),
        QCoreApplication::translate(
            "latchkey::app::CommandLine",
            "With --authenticators: create, use and delete a test key in each available key "
            "store (in a temporary folder); exit with 1 if any step fails.")};

    Parser()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "latchkey::app::CommandLine", "Passwordless local profiles with passkeys."));
        parser.addOptions({help, version, dataDir, port, serve, tpmTcti, authenticators, selfTest});
    }
};

AppError badArguments(const QString& message)
{
    return AppError{AppError::Code::BadArguments,
                    message + QLatin1Char('\n') +
                        QCoreApplication::translate("latchkey::app::CommandLine",
                                                    "Run 'latchkey --help' for usage.")};
}

// Port 0 is accepted and means "any free port", like the default.
std::optional<quint16> parsePort(const QString& text)
{
    bool ok = false;
    const uint value = text.toUInt(&ok, 10);
    if (!ok || value > 65535)
        return std::nullopt;
    return static_cast<quint16>(value);
}

} // namespace

AppResult<LaunchOptions> parseCommandLine(const QStringList& arguments)
{
    Parser p;
    if (!p.parser.parse(arguments))
        return badArguments(p.parser.errorText());
    if (!p.parser.positionalArguments().isEmpty())
        return badArguments(
            QCoreApplication::translate("latchkey::app::CommandLine", "Unexpected argument: %1")
                .arg(p.parser.positionalArguments().first()));

    LaunchOptions options;
    if (p.parser.isSet(p.help))
        options.mode = LaunchOptions::Mode::Help;
    else if (p.parser.isSet(p.version))
        options.mode = LaunchOptions::Mode::Version;
    else if (p.parser.isSet(p.authenticators))
        options.mode = LaunchOptions::Mode::Authenticators;
    else if (p.parser.isSet(p.serve))
        options.mode = LaunchOptions::Mode::Serve;
    if (p.parser.isSet(p.selfTest) && options.mode != LaunchOptions::Mode::Authenticators)
        return badArguments(QCoreApplication::translate("latchkey::app::CommandLine",
                                                        "--self-test goes with --authenticators."));
    options.selfTest = p.parser.isSet(p.selfTest);
    if (p.parser.isSet(p.tpmTcti)) {
        options.tpmTcti = p.parser.value(p.tpmTcti).trimmed();
        if (options.tpmTcti.isEmpty())
            return badArguments(QCoreApplication::translate(
                "latchkey::app::CommandLine",
                "--tpm-tcti needs a TCTI configuration, e.g. swtpm:host=127.0.0.1,port=2321."));
    }

    if (p.parser.isSet(p.dataDir)) {
        options.dataDir = p.parser.value(p.dataDir);
        if (options.dataDir.trimmed().isEmpty())
            return badArguments(QCoreApplication::translate("latchkey::app::CommandLine",
                                                            "--data-dir needs a folder name."));
    }
    if (p.parser.isSet(p.port)) {
        const auto port = parsePort(p.parser.value(p.port));
        if (!port)
            return badArguments(QCoreApplication::translate(
                                    "latchkey::app::CommandLine",
                                    "--port must be a whole number from 0 to 65535, not '%1'.")
                                    .arg(p.parser.value(p.port)));
        options.port = *port;
    }
    return options;
}

QString helpText()
{
    Parser p;
    return p.parser.helpText();
}

QString versionText()
{
    return QStringLiteral("latchkey %1").arg(QStringLiteral(LATCHKEY_VERSION));
}

} // namespace latchkey::app
