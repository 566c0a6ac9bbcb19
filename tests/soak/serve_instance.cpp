#include "serve_instance.h"

#include "http_connection.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>
#include <QUrl>
#include <csignal>

namespace latchkey::soak {

ServeInstance::ServeInstance(QString binary, QString scratch)
    : m_binary(std::move(binary)), m_scratch(std::move(scratch))
{}

bool ServeInstance::start(const QString& dataDir, quint16 port, const QStringList& wrapper)
{
    kill();
    ++m_runs;
    m_stdoutFile = QDir(m_scratch).filePath(QStringLiteral("serve-%1.out").arg(m_runs));
    m_stderrFile = QDir(m_scratch).filePath(QStringLiteral("serve-%1.err").arg(m_runs));
    // Files, not pipes: a child that logs a lot never blocks on a pipe nobody reads.
    m_process.process().setStandardOutputFile(m_stdoutFile);
    m_process.process().setStandardErrorFile(m_stderrFile);
    QStringList arguments{QStringLiteral("--serve"), QStringLiteral("--data-dir"), dataDir};
    if (port != 0)
        arguments << QStringLiteral("--port") << QString::number(port);
    QString program = m_binary;
    if (!wrapper.isEmpty()) {
        program = wrapper.first();
        arguments = wrapper.mid(1) + QStringList{m_binary} + arguments;
    }
    m_process.start(program, arguments, app::testing::latchkeyEnvironment(m_scratch));
    if (!m_process.process().waitForStarted(10000)) {
        m_error = QStringLiteral("latchkey did not start: ") + m_process.process().errorString();
        return false;
    }
    const QDeadlineTimer deadline(20000);
    QByteArray line;
    while (!deadline.hasExpired() && m_process.process().state() == QProcess::Running) {
        QFile out(m_stdoutFile);
        if (out.open(QIODevice::ReadOnly)) {
            line = out.readLine();
            if (line.endsWith('\n'))
                break;
        }
        QThread::msleep(10);
    }
    if (!line.endsWith('\n')) {
        m_error = QStringLiteral("no one-time URL on stdout; stderr: ") + stderrText();
        return false;
    }
    return openOneTimeLink(QString::fromUtf8(line).trimmed());
}

bool ServeInstance::openOneTimeLink(const QString& text)
{
    const QUrl url(text);
    m_port = quint16(url.port());
    HttpConnection connection(m_port);
    const HttpAnswer answer = connection.send("GET",
                                              url.path(QUrl::FullyEncoded).toLatin1() + "?" +
                                                  url.query(QUrl::FullyEncoded).toLatin1(),
                                              {});
    const QByteArray location = answer.header("location");
    m_secretCookie.clear();
    for (const QByteArray& cookie : answer.headerValues("set-cookie")) {
        if (cookie.startsWith("latchkey_secret="))
            m_secretCookie = cookie.split(';').first();
    }
    // Location: /<prefix>/
    m_prefix = location.endsWith('/') ? location.chopped(1) : location;
    if (answer.status != 303 && answer.status != 302) {
        m_error = QStringLiteral("the one-time link answered %1").arg(answer.status);
        return false;
    }
    if (m_secretCookie.isEmpty() || m_prefix.size() < 2) {
        m_error = QStringLiteral("the one-time link set no secret cookie or path");
        return false;
    }
    return true;
}

int ServeInstance::runToExit(const QString& dataDir, int timeoutMs)
{
    kill();
    ++m_runs;
    m_stderrFile = QDir(m_scratch).filePath(QStringLiteral("serve-%1.err").arg(m_runs));
    m_stdoutFile = QDir(m_scratch).filePath(QStringLiteral("serve-%1.out").arg(m_runs));
    m_process.process().setStandardOutputFile(m_stdoutFile);
    m_process.process().setStandardErrorFile(m_stderrFile);
    m_process.start(m_binary, {QStringLiteral("--serve"), QStringLiteral("--data-dir"), dataDir},
                    app::testing::latchkeyEnvironment(m_scratch));
    if (!m_process.process().waitForFinished(timeoutMs)) {
        kill();
        return -1;
    }
    return m_process.process().exitStatus() == QProcess::NormalExit ? m_process.process().exitCode()
                                                                    : -1;
}

void ServeInstance::kill()
{
    QProcess& process = m_process.process();
    if (process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(process.processId()), SIGKILL);
    process.waitForFinished(10000);
}

int ServeInstance::terminate()
{
    return m_process.stop(10000);
}

bool ServeInstance::running() const
{
    return const_cast<app::testing::ChildProcess&>(m_process).process().state() ==
           QProcess::Running;
}

qint64 ServeInstance::pid() const
{
    return const_cast<app::testing::ChildProcess&>(m_process).process().processId();
}

QString ServeInstance::stderrText() const
{
    QFile err(m_stderrFile);
    if (!err.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(err.readAll());
}

qint64 ServeInstance::statusKb(const QByteArray& field) const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace latchkey::soak
