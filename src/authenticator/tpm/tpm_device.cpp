#include "authenticator/tpm/tpm_device.h"

#include "authenticator/tpm/ecdsa_der.h"
#include "authenticator/tpm/tpm_error.h"
#include "core/sha256.h"

#include <QCoreApplication>
#include <QFile>
#include <grp.h>
#include <sys/stat.h>
#include <tss2/tss2_esys.h>
#include <tss2/tss2_mu.h>
#include <tss2/tss2_rc.h>
#include <tss2/tss2_tctildr.h>
#include <unistd.h>

namespace latchkey::authenticator {
namespace {

constexpr TPM2_HANDLE kPersistentSrk = 0x81000001;
constexpr qsizetype kP256CoordinateSize = 32;

struct EsysFree {
    void operator()(void* data) const { Esys_Free(data); }
};
template <typename T> using EsysPtr = std::unique_ptr<T, EsysFree>;

// Flushes a transient object when the step that loaded it ends, however it ends.
class FlushOnExit {
public:
    FlushOnExit(ESYS_CONTEXT* esys, ESYS_TR object) : m_esys(esys), m_object(object) {}
    ~FlushOnExit()
    {
        if (m_object != ESYS_TR_NONE)
            Esys_FlushContext(m_esys, m_object);
    }
    FlushOnExit(const FlushOnExit&) = delete;
    FlushOnExit& operator=(const FlushOnExit&) = delete;

private:
    ESYS_CONTEXT* m_esys;
    ESYS_TR m_object;
};

// TPM 2.0 Provisioning Guidance 7.5.1, the ECC NIST P-256 storage primary key: restricted
// decryption key, AES-128-CFB for its children, noDA, no authValue, unique = 32 zero bytes each.
TPM2B_PUBLIC storageRootKeyTemplate()
{
    TPM2B_PUBLIC in{};
    TPMT_PUBLIC& area = in.publicArea;
    area.type = TPM2_ALG_ECC;
    area.nameAlg = TPM2_ALG_SHA256;
    area.objectAttributes = TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT |
                            TPMA_OBJECT_SENSITIVEDATAORIGIN | TPMA_OBJECT_USERWITHAUTH |
                            TPMA_OBJECT_NODA | TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT;
    area.parameters.eccDetail.symmetric.algorithm = TPM2_ALG_AES;
    area.parameters.eccDetail.symmetric.keyBits.aes = 128;
    area.parameters.eccDetail.symmetric.mode.aes = TPM2_ALG_CFB;
    area.parameters.eccDetail.scheme.scheme = TPM2_ALG_NULL;
    area.parameters.eccDetail.curveID = TPM2_ECC_NIST_P256;
    area.parameters.eccDetail.kdf.scheme = TPM2_ALG_NULL;
    area.unique.ecc.x.size = kP256CoordinateSize;
    area.unique.ecc.y.size = kP256CoordinateSize;
    return in;
}

// A passkey's key: ECDSA P-256 with SHA-256 only, bound to this TPM and to the SRK (fixedTPM,
// fixedParent), generated inside it, usable with an empty authValue and therefore noDA: a
// key anybody with the blob may use cannot be guessed at, and must never count towards the
// TPM's dictionary-attack lockout (unclean shutdowns would lock the TPM out otherwise).
TPM2B_PUBLIC signingKeyTemplate()
{
    TPM2B_PUBLIC in{};
    TPMT_PUBLIC& area = in.publicArea;
    area.type = TPM2_ALG_ECC;
    area.nameAlg = TPM2_ALG_SHA256;
    area.objectAttributes = TPMA_OBJECT_FIXEDTPM | TPMA_OBJECT_FIXEDPARENT |
                            TPMA_OBJECT_SENSITIVEDATAORIGIN | TPMA_OBJECT_USERWITHAUTH |
                            TPMA_OBJECT_NODA | TPMA_OBJECT_SIGN_ENCRYPT;
    area.parameters.eccDetail.symmetric.algorithm = TPM2_ALG_NULL;
    area.parameters.eccDetail.scheme.scheme = TPM2_ALG_ECDSA;
    area.parameters.eccDetail.scheme.details.ecdsa.hashAlg = TPM2_ALG_SHA256;
    area.parameters.eccDetail.curveID = TPM2_ECC_NIST_P256;
    area.parameters.eccDetail.kdf.scheme = TPM2_ALG_NULL;
    return in;
}

QByteArray leftPadded(const TPM2B_ECC_PARAMETER& value)
{
    const QByteArray bytes(reinterpret_cast<const char*>(value.buffer), value.size);
    return QByteArray(kP256CoordinateSize - bytes.size(), '\0') + bytes;
}

bool isPasskeyKey(const TPMT_PUBLIC& area)
{
    const TPMS_ECC_PARMS& ecc = area.parameters.eccDetail;
    return area.type == TPM2_ALG_ECC && ecc.curveID == TPM2_ECC_NIST_P256 &&
           ecc.scheme.scheme == TPM2_ALG_ECDSA &&
           ecc.scheme.details.ecdsa.hashAlg == TPM2_ALG_SHA256 &&
           (area.objectAttributes & TPMA_OBJECT_SIGN_ENCRYPT) &&
           (area.objectAttributes & TPMA_OBJECT_FIXEDTPM) &&
           area.unique.ecc.x.size <= kP256CoordinateSize &&
           area.unique.ecc.y.size <= kP256CoordinateSize;
}

QByteArray publicPointFrom(const TPMT_PUBLIC& area)
{
    return QByteArray(1, '\x04') + leftPadded(area.unique.ecc.x) + leftPadded(area.unique.ecc.y);
}

template <typename T, typename Marshal> QByteArray marshalled(const T& value, Marshal marshal)
{
    QByteArray out(sizeof(T), '\0');
    size_t offset = 0;
    if (marshal(&value, reinterpret_cast<uint8_t*>(out.data()), size_t(out.size()), &offset) !=
        TSS2_RC_SUCCESS)
        return {};
    out.truncate(qsizetype(offset));
    return out;
}

template <typename T, typename Unmarshal>
std::optional<T> unmarshalled(const QByteArray& bytes, Unmarshal unmarshal)
{
    T value{};
    size_t offset = 0;
    if (unmarshal(reinterpret_cast<const uint8_t*>(bytes.constData()), size_t(bytes.size()),
                  &offset, &value) != TSS2_RC_SUCCESS ||
        offset != size_t(bytes.size()))
        return std::nullopt;
    return value;
}

KeyStoreError corruptBlob()
{
    return keyStoreError(
        KeyStoreErrorCode::Corrupt,
        QCoreApplication::translate("latchkey::authenticator::TpmDevice",
                                    "a TPM key blob that is not a P-256 signing key"));
}

// For a device TCTI ("device:/dev/tpmrm0"): the node exists and this account may open it.
KeyStoreResult<void> checkDeviceAccess(const QString& tcti)
{
    if (!tcti.startsWith(QLatin1String("device")))
        return {};
    const qsizetype colon = tcti.indexOf(QLatin1Char(':'));
    const QString path = colon < 0 ? QStringLiteral("/dev/tpm0") : tcti.mid(colon + 1);
    const QByteArray native = QFile::encodeName(path);
    struct stat status {};
    if (::stat(native.constData(), &status) != 0)
        return keyStoreError(
            KeyStoreErrorCode::TpmUnavailable,
            QCoreApplication::translate("latchkey::authenticator::TpmDevice",
                                        "No TPM 2.0 is at %1. Turn the TPM (or fTPM/PTT) on in the "
                                        "firmware settings, or choose another one with --tpm-tcti.")
                .arg(path));
    if (::access(native.constData(), R_OK | W_OK) != 0) {
        const struct group* owner = ::getgrgid(status.st_gid);
        const QString group =
            owner ? QString::fromLocal8Bit(owner->gr_name) : QStringLiteral("tss");
        return keyStoreError(KeyStoreErrorCode::TpmUnavailable,
                             QCoreApplication::translate(
                                 "latchkey::authenticator::TpmDevice",
                                 "This account may not use the TPM at %1. Add it to the group "
                                 "%2 (sudo usermod -aG %2 $USER), then sign out and in again.")
                                 .arg(path, group));
    }
    return {};
}

} // namespace

struct TpmDevice::Handles {
    TSS2_TCTI_CONTEXT* tcti = nullptr;
    ESYS_CONTEXT* esys = nullptr;
    ESYS_TR srk = ESYS_TR_NONE;
    bool srkTransient = false;
    TPMA_PERMANENT permanent = 0;

    ~Handles()
    {
        if (esys && srk != ESYS_TR_NONE) {
            if (srkTransient)
                Esys_FlushContext(esys, srk);
            else
                Esys_TR_Close(esys, &srk);
        }
        if (esys)
            Esys_Finalize(&esys);
        if (tcti)
            Tss2_TctiLdr_Finalize(&tcti);
    }

    KeyStoreResult<EsysPtr<TPMS_CAPABILITY_DATA>> capability(TPM2_CAP cap, UINT32 property,
                                                             UINT32 count) const
    {
        TPMI_YES_NO more = TPM2_NO;
        TPMS_CAPABILITY_DATA* data = nullptr;
        const TSS2_RC rc = Esys_GetCapability(esys, ESYS_TR_NONE, ESYS_TR_NONE, ESYS_TR_NONE, cap,
                                              property, count, &more, &data);
        if (rc != TSS2_RC_SUCCESS)
            return tpmError(rc, QCoreApplication::translate("latchkey::authenticator::TpmDevice",
                                                            "read its capabilities"));
        return EsysPtr<TPMS_CAPABILITY_DATA>(data);
    }

    KeyStoreResult<UINT32> property(TPM2_PT which) const
    {
        auto data = capability(TPM2_CAP_TPM_PROPERTIES, which, 1);
        if (!data)
            return data.error();
        const TPML_TAGGED_TPM_PROPERTY& list = (*data)->data.tpmProperties;
        if (list.count < 1 || list.tpmProperty[0].property != which)
            return tpmError(TSS2_BASE_RC_GENERAL_FAILURE,
                            QCoreApplication::translate("latchkey::authenticator::TpmDevice",
                                                        "read its capabilities"));
        return list.tpmProperty[0].value;
    }

    KeyStoreResult<QList<TPM2_HANDLE>> handles(TPM2_HANDLE first) const
    {
        auto data = capability(TPM2_CAP_HANDLES, first, TPM2_MAX_CAP_HANDLES);
        if (!data)
            return data.error();
        QList<TPM2_HANDLE> out;
        const TPML_HANDLE& list = (*data)->data.handles;
        for (UINT32 i = 0; i < list.count; ++i) {
            if ((list.handle[i] & TPM2_HR_RANGE_MASK) == (first & TPM2_HR_RANGE_MASK))
                out.append(list.handle[i]);
        }
        return out;
    }
};

TpmDevice::TpmDevice(std::unique_ptr<Handles> handles) : m_handles(std::move(handles)) {}

TpmDevice::~TpmDevice()
{
    const std::lock_guard lock(m_mutex);
    m_handles.reset();
}

KeyStoreResult<std::unique_ptr<TpmDevice>> TpmDevice::open(const QString& tcti)
{
    auto handles = connect(tcti);
    if (!handles)
        return handles.error();
    std::unique_ptr<TpmDevice> device(new TpmDevice(std::move(*handles)));
    device->m_info.tcti = tcti;
    // Nobody else holds the device yet; preflight() expects the lock only for that reason.
    const std::lock_guard lock(device->m_mutex);
    if (auto checked = device->preflight(); !checked)
        return checked.error();
    return device;
}

KeyStoreResult<std::unique_ptr<TpmDevice::Handles>> TpmDevice::connect(const QString& tcti)
{
    if (auto access = checkDeviceAccess(tcti); !access)
        return access.error();
    auto handles = std::make_unique<Handles>();
    const QByteArray conf = tcti.toUtf8();
    if (const TSS2_RC rc = Tss2_TctiLdr_Initialize(conf.constData(), &handles->tcti);
        rc != TSS2_RC_SUCCESS)
        return keyStoreError(KeyStoreErrorCode::TpmUnavailable,
                             QCoreApplication::translate(
                                 "latchkey::authenticator::TpmDevice",
                                 "The TPM could not be reached through %1 (%2). Check the TCTI "
                                 "given with --tpm-tcti or LATCHKEY_TPM_TCTI, and that the TPM "
                                 "(a software TPM: swtpm) is running.")
                                 .arg(tcti, QString::fromLatin1(Tss2_RC_Decode(rc))));
    if (const TSS2_RC rc = Esys_Initialize(&handles->esys, handles->tcti, nullptr);
        rc != TSS2_RC_SUCCESS)
        return tpmError(
            rc, QCoreApplication::translate("latchkey::authenticator::TpmDevice", "connect"));
    return handles;
}

KeyStoreResult<void> TpmDevice::ensureConnected()
{
    if (!m_lost)
        return {};
    // The link broke earlier (device gone, swtpm restarted): a new connection, checked as the
    // first one was. The SRK comes back the same (persistent, or the same template).
    auto handles = connect(m_info.tcti);
    if (!handles)
        return handles.error();
    m_handles = std::move(*handles);
    if (auto checked = preflight(); !checked)
        return checked.error();
    m_lost = false;
    return {};
}

template <typename T> KeyStoreResult<T> TpmDevice::noteLoss(KeyStoreResult<T> result)
{
    if (!result && result.error().code == KeyStoreErrorCode::TpmUnavailable)
        m_lost = true;
    return result;
}

KeyStoreResult<void> TpmDevice::readInfo()
{
    const auto vendor = m_handles->property(TPM2_PT_MANUFACTURER);
    const auto firmware1 = m_handles->property(TPM2_PT_FIRMWARE_VERSION_1);
    const auto firmware2 = m_handles->property(TPM2_PT_FIRMWARE_VERSION_2);
    const auto permanent = m_handles->property(TPM2_PT_PERMANENT);
    if (!vendor || !firmware1 || !firmware2 || !permanent)
        return !vendor      ? vendor.error()
               : !firmware1 ? firmware1.error()
               : !firmware2 ? firmware2.error()
                            : permanent.error();
    // Four ASCII letters, padded with spaces or NULs ("IBM\0", "INTC", "AMD ").
    QByteArray id;
    for (int shift = 24; shift >= 0; shift -= 8) {
        const char letter = char((*vendor >> shift) & 0xFF);
        if (letter != '\0')
            id.append(letter);
    }
    m_info.manufacturer = QString::fromLatin1(id).trimmed();
    m_info.firmwareVersion = QStringLiteral("%1.%2.%3.%4")
                                 .arg(*firmware1 >> 16)
                                 .arg(*firmware1 & 0xFFFF)
                                 .arg(*firmware2 >> 16)
                                 .arg(*firmware2 & 0xFFFF);
    m_handles->permanent = *permanent;
    return {};
}

KeyStoreResult<void> TpmDevice::preflight()
{
    if (auto read = readInfo(); !read)
        return read.error();
    const auto curves = m_handles->capability(TPM2_CAP_ECC_CURVES, 0, TPM2_MAX_ECC_CURVES);
    if (!curves)
        return curves.error();
    const TPML_ECC_CURVE& list = (*curves)->data.eccCurves;
    if (std::find(list.eccCurves, list.eccCurves + list.count, TPM2_ECC_NIST_P256) ==
        list.eccCurves + list.count)
        return keyStoreError(KeyStoreErrorCode::TpmRefused,
                             QCoreApplication::translate(
                                 "latchkey::authenticator::TpmDevice",
                                 "This TPM does not offer the P-256 curve that passkeys use. "
                                 "Update its firmware, or keep passkeys in the software store "
                                 "(start Latchkey on a computer without this TPM, or choose "
                                 "another one with --tpm-tcti)."));
    // A lockout does not stop us: our keys and the SRK are noDA, which is what noDA is for.
    m_info.inLockout = (m_handles->permanent & TPMA_PERMANENT_INLOCKOUT) != 0;
    return openStorageRootKey();
}

KeyStoreResult<void> TpmDevice::openStorageRootKey()
{
    const auto persistent = m_handles->handles(TPM2_PERSISTENT_FIRST);
    if (!persistent)
        return persistent.error();
    if (persistent->contains(kPersistentSrk)) {
        ESYS_TR srk = ESYS_TR_NONE;
        TSS2_RC rc = Esys_TR_FromTPMPublic(m_handles->esys, kPersistentSrk, ESYS_TR_NONE,
                                           ESYS_TR_NONE, ESYS_TR_NONE, &srk);
        TPM2B_PUBLIC* area = nullptr;
        if (rc == TSS2_RC_SUCCESS)
            rc = Esys_ReadPublic(m_handles->esys, srk, ESYS_TR_NONE, ESYS_TR_NONE, ESYS_TR_NONE,
                                 &area, nullptr, nullptr);
        const EsysPtr<TPM2B_PUBLIC> owned(area);
        if (rc != TSS2_RC_SUCCESS)
            return tpmError(rc, QCoreApplication::translate("latchkey::authenticator::TpmDevice",
                                                            "open its storage root key"));
        const TPMA_OBJECT storage = TPMA_OBJECT_RESTRICTED | TPMA_OBJECT_DECRYPT;
        // Whatever else sits at 0x81000001 is not a parent for our keys.
        if ((area->publicArea.objectAttributes & storage) == storage) {
            m_handles->srk = srk;
            m_info.persistentSrk = true;
            return {};
        }
        Esys_TR_Close(m_handles->esys, &srk);
    }
    if (m_handles->permanent & TPMA_PERMANENT_OWNERAUTHSET)
        return keyStoreError(
            KeyStoreErrorCode::TpmRefused,
            QCoreApplication::translate(
                "latchkey::authenticator::TpmDevice",
                "The TPM's owner hierarchy has a password and no storage root key is at "
                "0x81000001. Ask whoever set the password to provision one there "
                "(tpm2_createprimary "
                "-C o -G ecc -c srk.ctx, then tpm2_evictcontrol -C o -c srk.ctx 0x81000001)."));
    const TPM2B_SENSITIVE_CREATE sensitive{};
    const TPM2B_PUBLIC srkTemplate = storageRootKeyTemplate();
    const TPM2B_DATA outsideInfo{};
    const TPML_PCR_SELECTION noPcrs{};
    ESYS_TR srk = ESYS_TR_NONE;
    const TSS2_RC rc = Esys_CreatePrimary(
        m_handles->esys, ESYS_TR_RH_OWNER, ESYS_TR_PASSWORD, ESYS_TR_NONE, ESYS_TR_NONE, &sensitive,
        &srkTemplate, &outsideInfo, &noPcrs, &srk, nullptr, nullptr, nullptr, nullptr);
    if (rc != TSS2_RC_SUCCESS)
        return tpmError(rc, QCoreApplication::translate("latchkey::authenticator::TpmDevice",
                                                        "make its storage root key"));
    m_handles->srk = srk;
    m_handles->srkTransient = true;
    return {};
}

KeyStoreResult<TpmDevice::Created> TpmDevice::createSigningKey()
{
    const std::lock_guard lock(m_mutex);
    if (auto connected = ensureConnected(); !connected)
        return connected.error();
    return noteLoss(createConnected());
}

KeyStoreResult<TpmDevice::Created> TpmDevice::createConnected()
{
    const TPM2B_SENSITIVE_CREATE sensitive{};
    const TPM2B_PUBLIC keyTemplate = signingKeyTemplate();
    const TPM2B_DATA outsideInfo{};
    const TPML_PCR_SELECTION noPcrs{};
    TPM2B_PRIVATE* outPrivate = nullptr;
    TPM2B_PUBLIC* outPublic = nullptr;
    // Create returns the blob without loading it, so nothing transient is left to flush.
    const TSS2_RC rc = Esys_Create(m_handles->esys, m_handles->srk, ESYS_TR_PASSWORD, ESYS_TR_NONE,
                                   ESYS_TR_NONE, &sensitive, &keyTemplate, &outsideInfo, &noPcrs,
                                   &outPrivate, &outPublic, nullptr, nullptr, nullptr);
    const EsysPtr<TPM2B_PRIVATE> privateOwned(outPrivate);
    const EsysPtr<TPM2B_PUBLIC> publicOwned(outPublic);
    if (rc != TSS2_RC_SUCCESS)
        return tpmError(
            rc, QCoreApplication::translate("latchkey::authenticator::TpmDevice", "create a key"));
    if (!isPasskeyKey(outPublic->publicArea))
        return corruptBlob();
    Created created;
    created.blob.publicArea = marshalled(*outPublic, Tss2_MU_TPM2B_PUBLIC_Marshal);
    created.blob.privateArea = marshalled(*outPrivate, Tss2_MU_TPM2B_PRIVATE_Marshal);
    if (created.blob.publicArea.isEmpty() || created.blob.privateArea.isEmpty())
        return corruptBlob();
    created.publicPoint = publicPointFrom(outPublic->publicArea);
    return created;
}

KeyStoreResult<QByteArray> TpmDevice::sign(const TpmKeyBlob& blob, QByteArrayView data)
{
    const auto inPublic =
        unmarshalled<TPM2B_PUBLIC>(blob.publicArea, Tss2_MU_TPM2B_PUBLIC_Unmarshal);
    const auto inPrivate =
        unmarshalled<TPM2B_PRIVATE>(blob.privateArea, Tss2_MU_TPM2B_PRIVATE_Unmarshal);
    if (!inPublic || !inPrivate || !isPasskeyKey(inPublic->publicArea))
        return corruptBlob();
    TPM2B_DIGEST digest{};
    const QByteArray hash = core::sha256(data);
    digest.size = UINT16(hash.size());
    std::copy(hash.cbegin(), hash.cend(), digest.buffer);
    // An unrestricted key signs any digest; the null ticket says no hash check was made.
    TPMT_TK_HASHCHECK validation{};
    validation.tag = TPM2_ST_HASHCHECK;
    validation.hierarchy = TPM2_RH_NULL;
    TPMT_SIG_SCHEME scheme{};
    scheme.scheme = TPM2_ALG_NULL; // the key's own scheme: ECDSA with SHA-256

    const std::lock_guard lock(m_mutex);
    if (auto connected = ensureConnected(); !connected)
        return connected.error();
    return noteLoss(signConnected(*inPublic, *inPrivate, digest, scheme, validation));
}

KeyStoreResult<QByteArray> TpmDevice::signConnected(const TPM2B_PUBLIC& inPublic,
                                                    const TPM2B_PRIVATE& inPrivate,
                                                    const TPM2B_DIGEST& digest,
                                                    const TPMT_SIG_SCHEME& scheme,
                                                    const TPMT_TK_HASHCHECK& validation)
{
    ESYS_TR key = ESYS_TR_NONE;
    if (const TSS2_RC rc = Esys_Load(m_handles->esys, m_handles->srk, ESYS_TR_PASSWORD,
                                     ESYS_TR_NONE, ESYS_TR_NONE, &inPrivate, &inPublic, &key);
        rc != TSS2_RC_SUCCESS)
        return tpmError(rc, QCoreApplication::translate("latchkey::authenticator::TpmDevice",
                                                        "load the passkey's key"));
    const FlushOnExit flush(m_handles->esys, key);
    TPMT_SIGNATURE* signature = nullptr;
    const TSS2_RC rc = Esys_Sign(m_handles->esys, key, ESYS_TR_PASSWORD, ESYS_TR_NONE, ESYS_TR_NONE,
                                 &digest, &scheme, &validation, &signature);
    const EsysPtr<TPMT_SIGNATURE> owned(signature);
    if (rc != TSS2_RC_SUCCESS)
        return tpmError(rc,
                        QCoreApplication::translate("latchkey::authenticator::TpmDevice", "sign"));
    if (signature->sigAlg != TPM2_ALG_ECDSA)
        return tpmError(TSS2_BASE_RC_GENERAL_FAILURE,
                        QCoreApplication::translate("latchkey::authenticator::TpmDevice", "sign"));
    const TPMS_SIGNATURE_ECC& ecdsa = signature->signature.ecdsa;
    return derEcdsaSignature(QByteArrayView(reinterpret_cast<const char*>(ecdsa.signatureR.buffer),
                                            ecdsa.signatureR.size),
                             QByteArrayView(reinterpret_cast<const char*>(ecdsa.signatureS.buffer),
                                            ecdsa.signatureS.size));
}

KeyStoreResult<int> TpmDevice::transientObjectCount()
{
    const std::lock_guard lock(m_mutex);
    if (auto connected = ensureConnected(); !connected)
        return connected.error();
    const auto transient = noteLoss(m_handles->handles(TPM2_TRANSIENT_FIRST));
    if (!transient)
        return transient.error();
    return int(transient->size());
}

KeyStoreResult<QByteArray> TpmDevice::publicPointOf(const TpmKeyBlob& blob)
{
    const auto inPublic =
        unmarshalled<TPM2B_PUBLIC>(blob.publicArea, Tss2_MU_TPM2B_PUBLIC_Unmarshal);
    const auto inPrivate =
        unmarshalled<TPM2B_PRIVATE>(blob.privateArea, Tss2_MU_TPM2B_PRIVATE_Unmarshal);
    if (!inPublic || !inPrivate || !isPasskeyKey(inPublic->publicArea))
        return corruptBlob();
    return publicPointFrom(inPublic->publicArea);
}

} // namespace latchkey::authenticator
