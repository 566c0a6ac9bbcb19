#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace latchkey::app::testing {

// A process started by a test that never outlives it: the kernel kills it when the test
// dies (PR_SET_PDEATHSIG), and the destructor ends it (SIGTERM, then SIGKILL) otherwise.
class ChildProcess {
public:
    ChildProcess() = default;
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    QProcess& process() { return m_process; }
    void start(const QString& program, const QStringList& arguments,
               const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

    // SIGTERM and wait; SIGKILL when it does not leave in time. The exit code, or -1 when it
    // had to be killed or crashed.
    int stop(int timeoutMs = 10000);

private:
    QProcess m_process;
};

// A loopback TCP port nobody listens on right now.
quint16 freeLoopbackPort();

// The environment for a Latchkey child: no user settings or caches touched (HOME and the
// XDG folders point into scratch), English, no PAM service unless the test set up pam_wrapper
// (whatever /etc/pam.d holds), and what WebEngine needs in CI (no GPU; no sandbox as root).
QProcessEnvironment latchkeyEnvironment(const QString& scratchFolder);

} // namespace latchkey::app::testing
