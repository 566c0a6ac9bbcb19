#pragma once

#include <QProcess>
#include <QString>

namespace latchkey::testing {

// A real software TPM 2.0 (Debian's swtpm) for a test: started on free loopback ports with its
// own state folder, so every instance is a different TPM (its own seeds, so its own storage
// root key), and stopped when this object goes away. It dies with the test process too
// (PR_SET_PDEATHSIG), so a crashed test leaves no swtpm behind.
//
//   SwtpmProcess tpm;
//   QVERIFY2(tpm.start(stateFolder), qPrintable(tpm.errorString()));
//   ... TpmDevice::open(tpm.tcti()) or `latchkey --tpm-tcti <tpm.tcti()>` ...
//
// swtpm runs without a resource manager (as a TPM chip would behind /dev/tpm0, unlike
// /dev/tpmrm0), so a test sees every transient object the code under test leaves behind.
class SwtpmProcess {
public:
    SwtpmProcess() = default;
    ~SwtpmProcess();
    SwtpmProcess(const SwtpmProcess&) = delete;
    SwtpmProcess& operator=(const SwtpmProcess&) = delete;

    // Starts swtpm with its state in stateFolder (created when missing; a fresh folder makes a
    // new TPM, the same folder again the same TPM) and waits until it answers on its command
    // port. False, with errorString(), when swtpm is missing or does not come up.
    // port: the command port to take (its control port is port + 1), e.g. to bring a stopped
    // TPM back where its clients look for it; 0: free ones.
    bool start(const QString& stateFolder, quint16 port = 0);
    // The TCTI configuration that reaches it: "swtpm:host=127.0.0.1,port=P" (control port P+1).
    QString tcti() const;
    quint16 port() const { return m_port; }
    // Kills it at once (SIGKILL): a TPM that vanishes while in use.
    void kill();
    // Ends it (SIGTERM, then SIGKILL) and waits.
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString errorString() const { return m_error; }

    // The swtpm program on PATH, or empty.
    static QString program();

private:
    bool startOn(quint16 port, const QString& stateFolder);

    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace latchkey::testing
