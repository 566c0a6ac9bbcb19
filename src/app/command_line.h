#pragma once

#include "app/app_error.h"

#include <QString>
#include <QStringList>

namespace latchkey::app {

// What the person asked for on the command line.
struct LaunchOptions {
    enum class Mode {
        Window,         // the default: open the window
        Serve,          // --serve: no window, print a one-time URL for an ordinary browser
        Help,           // --help: print usage and exit 0
        Version,        // --version: print the version and exit 0
        Authenticators, // --authenticators [--self-test]: print this computer's key stores
                        // and user verifiers as JSON (and test each store); no window
    };
    Mode mode = Mode::Window;
    QString dataDir;  // empty: the platform's application-data folder
    quint16 port = 0; // 0: any free port
    QString tpmTcti;  // --tpm-tcti: the TPM for passkeys; empty: LATCHKEY_TPM_TCTI or /dev/tpmrm0
    bool selfTest = false; // --self-test (with --authenticators)
};

// Parses the arguments (argv[0] first). Needs no QCoreApplication, so main() can decide
// before creating one whether WebEngine is needed at all.
AppResult<LaunchOptions> parseCommandLine(const QStringList& arguments);

// The --help text (translated when a translator is installed).
QString helpText();

// "latchkey 0.1.0" for --version.
QString versionText();

} // namespace latchkey::app
