#pragma once

namespace latchkey::app {

// The whole of main(): parses the command line, then runs the window, --serve, --help or
// --version. Returns the process exit status (0 ok, 1 cannot start, 2 bad arguments).
int launch(int& argc, char** argv);

} // namespace latchkey::app
