#include "fake_crypto.h"

#include <cstring>

namespace fake_webauthn {

namespace {

constexpr long kEs256 = -7;
constexpr long kRs256 = -257;

Bytes exportBlob(BCRYPT_KEY_HANDLE key, const wchar_t* type)
{
    ULONG size = 0;
    if (!BCRYPT_SUCCESS(BCryptExportKey(key, nullptr, type, nullptr, 0, &size, 0)))
        return {};
    Bytes blob(size);
    if (!BCRYPT_SUCCESS(BCryptExportKey(key, nullptr, type, blob.data(), size, &size, 0)))
        return {};
    blob.resize(size);
    return blob;
}

Bytes slice(const Bytes& data, std::size_t offset, std::size_t length)
{
    if (offset + length > data.size())
        return {};
    return Bytes(data.begin() + static_cast<long>(offset),
                 data.begin() + static_cast<long>(offset + length));
}

// One DER INTEGER of an unsigned big-endian value: leading zeros dropped, a zero byte put back
// when the top bit is set so the value stays positive.
Bytes derInteger(Bytes value)
{
    std::size_t start = 0;
    while (start + 1 < value.size() && value[start] == 0)
        ++start;
    Bytes out(value.begin() + static_cast<long>(start), value.end());
    if (out[0] & 0x80)
        out.insert(out.begin(), 0);
    out.insert(out.begin(), static_cast<std::uint8_t>(out.size()));
    out.insert(out.begin(), 0x02);
    return out;
}

// ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } from CNG's r || s.
Bytes derEcdsaSignature(const Bytes& rs)
{
    const std::size_t half = rs.size() / 2;
    Bytes body = derInteger(slice(rs, 0, half));
    const Bytes s = derInteger(slice(rs, half, half));
    body.insert(body.end(), s.begin(), s.end());
    body.insert(body.begin(), static_cast<std::uint8_t>(body.size()));
    body.insert(body.begin(), 0x30);
    return body;
}

} // namespace

Bytes sha256(const Bytes& data)
{
    BCRYPT_ALG_HANDLE provider = nullptr;
    Bytes digest(32);
    if (!BCRYPT_SUCCESS(
            BCryptOpenAlgorithmProvider(&provider, BCRYPT_SHA256_ALGORITHM, nullptr, 0)))
        return {};
    const NTSTATUS status = BCryptHash(provider, nullptr, 0, const_cast<PUCHAR>(data.data()),
                                       static_cast<ULONG>(data.size()), digest.data(), 32);
    BCryptCloseAlgorithmProvider(provider, 0);
    return BCRYPT_SUCCESS(status) ? digest : Bytes{};
}

Bytes randomBytes(std::size_t count)
{
    Bytes out(count);
    BCryptGenRandom(nullptr, out.data(), static_cast<ULONG>(count),
                    BCRYPT_USE_SYSTEM_PREFERRED_RNG);
    return out;
}

CredentialKey::CredentialKey(long coseAlgorithm) : m_algorithm(coseAlgorithm)
{
    const bool ec = coseAlgorithm == kEs256;
    if (!ec && coseAlgorithm != kRs256)
        return;
    if (!BCRYPT_SUCCESS(BCryptOpenAlgorithmProvider(
            &m_provider, ec ? BCRYPT_ECDSA_P256_ALGORITHM : BCRYPT_RSA_ALGORITHM, nullptr, 0)))
        return;
    BCRYPT_KEY_HANDLE key = nullptr;
    if (BCRYPT_SUCCESS(BCryptGenerateKeyPair(m_provider, &key, ec ? 256 : 2048, 0)) &&
        BCRYPT_SUCCESS(BCryptFinalizeKeyPair(key, 0)))
        m_key = key;
    else if (key)
        BCryptDestroyKey(key);
}

CredentialKey::~CredentialKey()
{
    if (m_key)
        BCryptDestroyKey(m_key);
    if (m_provider)
        BCryptCloseAlgorithmProvider(m_provider, 0);
}

Bytes CredentialKey::coseKey() const
{
    CborWriter cose;
    if (m_algorithm == kEs256) {
        // BCRYPT_ECCKEY_BLOB, then X and Y of cbKey bytes each.
        const Bytes blob = exportBlob(m_key, BCRYPT_ECCPUBLIC_BLOB);
        const std::size_t header = sizeof(BCRYPT_ECCKEY_BLOB);
        cose.mapHeader(5).integer(1).integer(2).integer(3).integer(kEs256);
        cose.integer(-1).integer(1);
        cose.integer(-2)
            .bytes(slice(blob, header, 32))
            .integer(-3)
            .bytes(slice(blob, header + 32, 32));
        return cose.encoded();
    }
    // BCRYPT_RSAKEY_BLOB, then the public exponent and the modulus, big-endian.
    const Bytes blob = exportBlob(m_key, BCRYPT_RSAPUBLIC_BLOB);
    BCRYPT_RSAKEY_BLOB header{};
    if (blob.size() < sizeof header)
        return {};
    std::memcpy(&header, blob.data(), sizeof header);
    const Bytes exponent = slice(blob, sizeof header, header.cbPublicExp);
    const Bytes modulus = slice(blob, sizeof header + header.cbPublicExp, header.cbModulus);
    cose.mapHeader(4).integer(1).integer(3).integer(3).integer(kRs256);
    cose.integer(-1).bytes(modulus).integer(-2).bytes(exponent);
    return cose.encoded();
}

Bytes CredentialKey::sign(const Bytes& message) const
{
    Bytes digest = sha256(message);
    ULONG size = 0;
    if (m_algorithm == kEs256) {
        Bytes rs(64);
        if (!BCRYPT_SUCCESS(
                BCryptSignHash(m_key, nullptr, digest.data(), 32, rs.data(), 64, &size, 0)))
            return {};
        rs.resize(size);
        return derEcdsaSignature(rs);
    }
    BCRYPT_PKCS1_PADDING_INFO padding{BCRYPT_SHA256_ALGORITHM};
    if (!BCRYPT_SUCCESS(BCryptSignHash(m_key, &padding, digest.data(), 32, nullptr, 0, &size,
                                       BCRYPT_PAD_PKCS1)))
        return {};
    Bytes signature(size);
    if (!BCRYPT_SUCCESS(BCryptSignHash(m_key, &padding, digest.data(), 32, signature.data(), size,
                                       &size, BCRYPT_PAD_PKCS1)))
        return {};
    signature.resize(size);
    return signature;
}

} // namespace fake_webauthn
