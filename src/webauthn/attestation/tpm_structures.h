#pragma once

#include "webauthn/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace latchkey::webauthn {

// TPM 2.0 constants the tpm attestation format reads (TPM 2.0 Library, Part 2).
namespace tpm {
inline constexpr quint32 GeneratedValue = 0xff544347; // TPM_GENERATED_VALUE, "\xffTCG"
inline constexpr quint16 StAttestCertify = 0x8017;    // TPM_ST_ATTEST_CERTIFY
inline constexpr quint16 AlgRsa = 0x0001;
inline constexpr quint16 AlgSha1 = 0x0004;
inline constexpr quint16 AlgSha256 = 0x000B;
inline constexpr quint16 AlgSha384 = 0x000C;
inline constexpr quint16 AlgSha512 = 0x000D;
inline constexpr quint16 AlgNull = 0x0010;
inline constexpr quint16 AlgEcc = 0x0023;
inline constexpr quint16 EccNistP256 = 0x0003;
inline constexpr quint16 EccNistP384 = 0x0004;
inline constexpr quint16 EccNistP521 = 0x0005;
} // namespace tpm

// TPMS_ATTEST (Part 2 §10.12.12) of type TPM_ST_ATTEST_CERTIFY: the fields §8.3 checks.
struct TpmsAttest {
    quint32 magic = 0;
    quint16 type = 0;
    QByteArray qualifiedSigner;
    QByteArray extraData;
    QByteArray attestedName;          // TPMS_CERTIFY_INFO.name: nameAlg ‖ digest
    QByteArray attestedQualifiedName; // TPMS_CERTIFY_INFO.qualifiedName
};

// TPMT_PUBLIC (Part 2 §12.2.4) for RSA and ECC keys.
struct TpmtPublic {
    quint16 type = 0;
    quint16 nameAlg = 0;
    quint32 objectAttributes = 0;
    QByteArray authPolicy;
    quint16 symmetric = 0;
    quint16 scheme = 0;
    // RSA
    quint16 rsaKeyBits = 0;
    quint32 rsaExponent = 0; // 0 means the default 65537
    QByteArray rsaModulus;
    // ECC
    quint16 eccCurve = 0;
    quint16 eccKdf = 0;
    QByteArray eccX;
    QByteArray eccY;
};

// Parse the TPM's big-endian structures; every size is bounds-checked and trailing bytes are
// refused. Errors are AttestationTpmInvalid.
Result<TpmsAttest> parseTpmsAttest(QByteArrayView bytes);
Result<TpmtPublic> parseTpmtPublic(QByteArrayView bytes);

} // namespace latchkey::webauthn
