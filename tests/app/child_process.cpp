#include "child_process.h"

#include <QDir>
#include <QTcpServer>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace latchkey::app::testing {

ChildProcess::~ChildProcess()
{
    stop(5000);
}

void ChildProcess::start(const QString& program, const QStringList& arguments,
                         const QProcessEnvironment& environment)
{
    m_process.setProcessEnvironment(environment);
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process.start(program, arguments);
}

int ChildProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QProcessEnvironment latchkeyEnvironment(const QString& scratchFolder)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QDir scratch(scratchFolder);
    for (const char* name :
         {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString folder = scratch.filePath(QString::fromLatin1(name).toLower());
        QDir().mkpath(folder);
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner);
        environment.insert(QString::fromLatin1(name), folder);
    }
    // What this machine has installed must not change what a test sees: unless the test brings
    // its own PAM stack (pam_wrapper's service folder), the app looks for its PAM service in an
    // empty folder, so an installed /etc/pam.d/latchkey (the package test's, or a
    // `cmake --install`) does not turn the presence-only prompt into a password prompt.
    if (!environment.contains(QStringLiteral("PAM_WRAPPER_SERVICE_DIR"))) {
        const QString noServices = scratch.filePath(QStringLiteral("no-pam-services"));
        QDir().mkpath(noServices);
        environment.insert(QStringLiteral("PAM_WRAPPER"), QStringLiteral("1"));
        environment.insert(QStringLiteral("PAM_WRAPPER_SERVICE_DIR"), noServices);
    }
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("QTWEBENGINE_CHROMIUM_FLAGS"),
                       QStringLiteral("--disable-gpu"));
    if (::geteuid() == 0)
        environment.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
    return environment;
}

} // namespace latchkey::app::testing
