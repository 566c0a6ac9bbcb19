#pragma once

#include "child_process.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace latchkey::soak {

// A real `latchkey --serve --data-dir DIR` process, and the browser side of its one-time
// link: the secret cookie it set and the pages' path prefix it led to.
class ServeInstance {
public:
    // scratch: HOME and the XDG folders of the child (app::testing::latchkeyEnvironment).
    ServeInstance(QString binary, QString scratch);

    // Starts the process on dataDir (port 0: any free one), reads its one-time URL and opens
    // it. False with error() when it did not come up; stderrText() then says why.
    bool start(const QString& dataDir, quint16 port = 0, const QStringList& wrapper = {});
    // Runs to its end (it is expected to refuse to start): the exit code, -1 when killed.
    int runToExit(const QString& dataDir, int timeoutMs = 30000);
    void kill();     // SIGKILL, and wait until it is gone
    int terminate(); // SIGTERM: the exit code
    bool running() const;

    qint64 pid() const;
    quint16 port() const { return m_port; }
    const QByteArray& prefix() const { return m_prefix; }
    // "latchkey_secret=..." for the Cookie header.
    const QByteArray& secretCookie() const { return m_secretCookie; }
    QString error() const { return m_error; }
    // Everything the process wrote on stderr in this run.
    QString stderrText() const;
    // A field of /proc/<pid>/status in kB (VmRSS, VmHWM), -1 when unreadable.
    qint64 statusKb(const QByteArray& field) const;

private:
    bool openOneTimeLink(const QString& url);

    QString m_binary;
    QString m_scratch;
    QString m_stderrFile;
    QString m_stdoutFile;
    app::testing::ChildProcess m_process;
    quint16 m_port = 0;
    QByteArray m_prefix;
    QByteArray m_secretCookie;
    QString m_error;
    int m_runs = 0;
};

} // namespace latchkey::soak
