#include "webauthn_tool/bench_command.h"
#include "webauthn_tool/verify_command.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("latchkey-webauthn"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LATCHKEY_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("WebAuthn relying-party checks.\n"
                       "  verify FILE   verify JSON Lines test cases (FILE '-' reads stdin); exit "
                       "0 when all meet 'expect'\n"
                       "  bench [...]   run the verification benchmarks"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("verify or bench"));
    // Options after the command belong to it (bench has its own).
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.process(app);
    QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        parser.showHelp(2);
    const QString command = args.takeFirst();
    if (command == QLatin1String("verify"))
        return latchkey::webauthn_tool::runVerifyCommand(args);
    if (command == QLatin1String("bench"))
        return latchkey::webauthn_tool::runBenchCommand(args);
    std::fprintf(stderr, "latchkey-webauthn: unknown command \"%s\"\n", qPrintable(command));
    parser.showHelp(2);
}
