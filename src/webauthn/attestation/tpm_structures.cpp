#include "webauthn/attestation/tpm_structures.h"

#include <QtEndian>

namespace latchkey::webauthn {

namespace {

// A cursor over big-endian TPM marshalled data that remembers the first overrun.
class TpmReader {
public:
    explicit TpmReader(QByteArrayView bytes) : m_rest(bytes) {}

    bool failed() const { return m_failed; }
    bool atEnd() const { return m_rest.isEmpty(); }

    quint16 u16() { return fixed<quint16>(); }
    quint32 u32() { return fixed<quint32>(); }
    quint64 u64() { return fixed<quint64>(); }
    quint8 u8() { return fixed<quint8>(); }

    // A TPM2B_*: a 16-bit size, then that many bytes.
    QByteArray sized()
    {
        const quint16 size = u16();
        return take(size);
    }

    QByteArray take(qsizetype size)
    {
        if (m_failed || size > m_rest.size()) {
            m_failed = true;
            return {};
        }
        const QByteArray bytes = m_rest.first(size).toByteArray();
        m_rest = m_rest.sliced(size);
        return bytes;
    }

private:
    template <typename T> T fixed()
    {
        const QByteArray bytes = take(sizeof(T));
        if (bytes.size() != sizeof(T))
            return 0;
        return qFromBigEndian<T>(bytes.constData());
    }

    QByteArrayView m_rest;
    bool m_failed = false;
};

Error tpmError(const QString& what)
{
    return makeError(ErrorCode::AttestationTpmInvalid, what);
}

Result<void> finish(const TpmReader& reader, const QString& structure)
{
    if (reader.failed())
        return tpmError(QStringLiteral("The tpm attestation's %1 is truncated: a size field runs "
                                       "past its end.")
                            .arg(structure));
    if (!reader.atEnd())
        return tpmError(
            QStringLiteral("The tpm attestation's %1 has bytes after its end.").arg(structure));
    return {};
}

// TPMT_SYM_DEF_OBJECT: an algorithm, and key bits and mode unless it is TPM_ALG_NULL.
quint16 readSymmetric(TpmReader& reader)
{
    const quint16 algorithm = reader.u16();
    if (algorithm != tpm::AlgNull) {
        reader.u16();
        reader.u16();
    }
    return algorithm;
}

// TPMT_RSA_SCHEME, TPMT_ECC_SCHEME and TPMT_KDF_SCHEME: a scheme, and a hash unless NULL.
quint16 readScheme(TpmReader& reader)
{
    const quint16 scheme = reader.u16();
    if (scheme != tpm::AlgNull)
        reader.u16();
    return scheme;
}

void readRsaPublic(TpmReader& reader, TpmtPublic& area)
{
    area.symmetric = readSymmetric(reader);
    area.scheme = readScheme(reader);
    area.rsaKeyBits = reader.u16();
    area.rsaExponent = reader.u32();
    area.rsaModulus = reader.sized();
}

void readEccPublic(TpmReader& reader, TpmtPublic& area)
{
    area.symmetric = readSymmetric(reader);
    area.scheme = readScheme(reader);
    area.eccCurve = reader.u16();
    area.eccKdf = readScheme(reader);
    area.eccX = reader.sized();
    area.eccY = reader.sized();
}

// §8.3.2: magic must be TPM_GENERATED_VALUE and type TPM_ST_ATTEST_CERTIFY.
Result<void> checkAttestHeader(const TpmReader& reader, const TpmsAttest& attest)
{
    if (reader.failed())
        return tpmError(QStringLiteral("The tpm attestation's certInfo is too short to hold a "
                                       "TPMS_ATTEST header."));
    if (attest.magic != tpm::GeneratedValue)
        return tpmError(QStringLiteral("The tpm attestation's certInfo.magic is 0x%1, not "
                                       "TPM_GENERATED_VALUE (0xff544347).")
                            .arg(attest.magic, 8, 16, QLatin1Char('0')));
    if (attest.type != tpm::StAttestCertify)
        return tpmError(QStringLiteral("The tpm attestation's certInfo.type is 0x%1, not "
                                       "TPM_ST_ATTEST_CERTIFY (0x8017).")
                            .arg(attest.type, 4, 16, QLatin1Char('0')));
    return {};
}

} // namespace

Result<TpmsAttest> parseTpmsAttest(QByteArrayView bytes)
{
    TpmReader reader(bytes);
    TpmsAttest attest;
    attest.magic = reader.u32();
    attest.type = reader.u16();
    if (auto header = checkAttestHeader(reader, attest); !header)
        return header.error();
    attest.qualifiedSigner = reader.sized();
    attest.extraData = reader.sized();
    reader.take(17); // TPMS_CLOCK_INFO: clock, resetCount, restartCount, safe
    reader.u64();    // firmwareVersion
    // The union `attested` is TPMS_CERTIFY_INFO because the type is TPM_ST_ATTEST_CERTIFY.
    attest.attestedName = reader.sized();
    attest.attestedQualifiedName = reader.sized();
    if (auto done = finish(reader, QStringLiteral("certInfo (TPMS_ATTEST)")); !done)
        return done.error();
    return attest;
}

Result<TpmtPublic> parseTpmtPublic(QByteArrayView bytes)
{
    TpmReader reader(bytes);
    TpmtPublic area;
    area.type = reader.u16();
    area.nameAlg = reader.u16();
    area.objectAttributes = reader.u32();
    area.authPolicy = reader.sized();
    if (area.type == tpm::AlgRsa)
        readRsaPublic(reader, area);
    else if (area.type == tpm::AlgEcc)
        readEccPublic(reader, area);
    else if (!reader.failed())
        return tpmError(QStringLiteral("The tpm attestation's pubArea has key type 0x%1; only "
                                       "RSA (0x0001) and ECC (0x0023) are supported.")
                            .arg(area.type, 4, 16, QLatin1Char('0')));
    if (auto done = finish(reader, QStringLiteral("pubArea (TPMT_PUBLIC)")); !done)
        return done.error();
    return area;
}

} // namespace latchkey::webauthn
