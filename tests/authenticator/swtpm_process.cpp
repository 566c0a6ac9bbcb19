#include "swtpm_process.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <csignal>
#include <sys/prctl.h>

namespace latchkey::testing {
namespace {

// Two consecutive loopback ports nobody listens on now: swtpm's TCTI puts the control channel
// on the command port + 1.
quint16 freePortPair()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer command;
        if (!command.listen(QHostAddress::LocalHost, 0))
            continue;
        const quint16 port = command.serverPort();
        if (port == 65535)
            continue;
        QTcpServer control;
        if (control.listen(QHostAddress::LocalHost, quint16(port + 1)))
            return port;
    }
    return 0;
}

bool answers(quint16 port)
{
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, port);
    const bool connected = probe.waitForConnected(200);
    probe.abort();
    return connected;
}

} // namespace

SwtpmProcess::~SwtpmProcess()
{
    stop();
}

QString SwtpmProcess::program()
{
    return QStandardPaths::findExecutable(QStringLiteral("swtpm"));
}

bool SwtpmProcess::start(const QString& stateFolder, quint16 port)
{
    if (program().isEmpty()) {
        m_error = QStringLiteral("swtpm is not installed (packaging/install-deps.sh installs it)");
        return false;
    }
    if (!QDir().mkpath(stateFolder)) {
        m_error = QStringLiteral("cannot create %1").arg(stateFolder);
        return false;
    }
    if (port != 0)
        return startOn(port, stateFolder);
    // Another process may take a port between the probe and swtpm's bind: try a few pairs.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const quint16 free = freePortPair();
        if (free != 0 && startOn(free, stateFolder))
            return true;
    }
    return false;
}

bool SwtpmProcess::startOn(quint16 port, const QString& stateFolder)
{
    const QString bind = QStringLiteral(",bindaddr=127.0.0.1");
    const QStringList arguments{
        QStringLiteral("socket"),     QStringLiteral("--tpm2"),
        QStringLiteral("--server"),   QStringLiteral("type=tcp,port=%1").arg(port) + bind,
        QStringLiteral("--ctrl"),     QStringLiteral("type=tcp,port=%1").arg(port + 1) + bind,
        QStringLiteral("--flags"),    QStringLiteral("not-need-init,startup-clear"),
        QStringLiteral("--tpmstate"), QStringLiteral("dir=%1").arg(stateFolder),
    };
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process.start(program(), arguments);
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("swtpm did not start: %1").arg(m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning) {
            m_error = QStringLiteral("swtpm left at once: %1")
                          .arg(QString::fromLocal8Bit(m_process.readAll()));
            return false;
        }
        if (answers(port)) {
            m_port = port;
            return true;
        }
        QThread::msleep(20);
    }
    m_error = QStringLiteral("swtpm did not answer on port %1 within 10 s").arg(port);
    stop();
    return false;
}

QString SwtpmProcess::tcti() const
{
    return QStringLiteral("swtpm:host=127.0.0.1,port=%1").arg(m_port);
}

void SwtpmProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

void SwtpmProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000))
        kill();
}

} // namespace latchkey::testing
