#pragma once

#include "authenticator/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>
#include <mutex>
#include <tss2/tss2_tpm2_types.h>

namespace latchkey::authenticator {

// The TCTI that reaches the kernel's TPM resource manager, the default TPM of this computer.
inline const QString kDefaultTpmTcti = QStringLiteral("device:/dev/tpmrm0");

// A P-256 key as the TPM hands it out: TPM2B_PUBLIC and TPM2B_PRIVATE, marshalled by tpm2-tss.
// The private part is wrapped by the storage root key of the TPM that made it and can be
// loaded only there.
struct TpmKeyBlob {
    QByteArray publicArea;
    QByteArray privateArea;
};

struct TpmInfo {
    QString tcti;
    QString manufacturer;    // the four-letter vendor id (TPM2_PT_MANUFACTURER), e.g. "IBM", "INTC"
    QString firmwareVersion; // TPM2_PT_FIRMWARE_VERSION_1.2 as major.minor.build.patch words
    bool persistentSrk = false; // the SRK at 0x81000001 is used (else one made for this run)
    bool inLockout = false;     // in dictionary-attack lockout (our noDA keys still work)
};

// One connection to a TPM 2.0 through tpm2-tss ESYS, holding the storage root key (SRK) for as
// long as it lives: the persistent SRK at 0x81000001 when the TPM has one, else the TCG
// Provisioning Guidance ECC P-256 SRK made once by CreatePrimary (the same template always
// gives the same key, so keys made under it load in every later run).
//
// open() runs the preflight checks before anything else touches the TPM: the device node is
// there and this account may use it, the TPM answers, it offers P-256, and (without a
// persistent SRK) the owner hierarchy has no password, since CreatePrimary would need it.
// Each failure says what to do. A dictionary-attack lockout is reported (info().inLockout)
// but stops nothing: the SRK and our keys are noDA.
//
// Every operation takes one mutex (tpm2-tss contexts are not thread-safe and a TPM without a
// resource manager has few object slots), and flushes every transient object it loaded before
// it returns, whatever the outcome. The SRK, if this connection made it, is flushed when the
// connection closes.
class TpmDevice {
public:
    static KeyStoreResult<std::unique_ptr<TpmDevice>> open(const QString& tcti = kDefaultTpmTcti);
    ~TpmDevice();
    TpmDevice(const TpmDevice&) = delete;
    TpmDevice& operator=(const TpmDevice&) = delete;

    const TpmInfo& info() const { return m_info; }

    // A new signing key under the SRK (TPM2_Create: fixedTPM, fixedParent, noDA, no authValue,
    // ECDSA with SHA-256 only) and its public point (0x04 || x || y).
    struct Created {
        TpmKeyBlob blob;
        QByteArray publicPoint;
    };
    KeyStoreResult<Created> createSigningKey();
    // ECDSA with SHA-256 over data by the key of blob, DER encoded. The digest is made here;
    // the key is loaded, used and flushed.
    KeyStoreResult<QByteArray> sign(const TpmKeyBlob& blob, QByteArrayView data);
    // How many transient objects the TPM holds now (its TPM2_CAP_HANDLES list).
    KeyStoreResult<int> transientObjectCount();

    // The public point a blob's TPM2B_PUBLIC names, without the TPM; Corrupt when the blob does
    // not unmarshal to a P-256 ECDSA key.
    static KeyStoreResult<QByteArray> publicPointOf(const TpmKeyBlob& blob);

private:
    struct Handles;
    explicit TpmDevice(std::unique_ptr<Handles> handles);
    static KeyStoreResult<std::unique_ptr<Handles>> connect(const QString& tcti);
    // The steps below run under m_mutex.
    KeyStoreResult<void> preflight();
    // After a lost connection, a new one (checked again); nothing when the link is up.
    KeyStoreResult<void> ensureConnected();
    template <typename T> KeyStoreResult<T> noteLoss(KeyStoreResult<T> result);
    KeyStoreResult<Created> createConnected();
    KeyStoreResult<QByteArray> signConnected(const TPM2B_PUBLIC& inPublic,
                                             const TPM2B_PRIVATE& inPrivate,
                                             const TPM2B_DIGEST& digest,
                                             const TPMT_SIG_SCHEME& scheme,
                                             const TPMT_TK_HASHCHECK& validation);
    KeyStoreResult<void> readInfo();
    KeyStoreResult<void> openStorageRootKey();

    std::mutex m_mutex;
    std::unique_ptr<Handles> m_handles;
    TpmInfo m_info;
    bool m_lost = false; // a call found the link broken: the next one connects again
};

} // namespace latchkey::authenticator
