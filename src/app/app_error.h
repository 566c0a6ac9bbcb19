#pragma once

#include "core/result.h"

#include <QString>

namespace latchkey::app {

// Why the app cannot start, as a value: a code that decides the exit status and a sentence a
// person can act on (printed on stderr).
struct AppError {
    enum class Code {
        BadArguments, // the command line is wrong: exit status 2, like other command-line tools
        DataFolder,   // the data folder cannot be created or written
        Database,     // the profile database cannot be opened or migrated
        Listen,       // the local handler cannot listen (e.g. the port is taken)
        Window,       // the window's QML could not be loaded
    };
    Code code = Code::BadArguments;
    QString message;

    int exitCode() const { return code == Code::BadArguments ? 2 : 1; }
};

template <typename T> using AppResult = core::Result<T, AppError>;

} // namespace latchkey::app
