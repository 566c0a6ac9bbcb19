#include "authenticator/authenticator_data_writer.h"

#include "core/sha256.h"
#include "webauthn/authenticator_data.h"
#include "webauthn/cose_key.h"

#include <QtEndian>

namespace latchkey::authenticator {
namespace {

// RFC 9052 / 9053 labels.
constexpr int kKty = 1;
constexpr int kAlg = 3;
constexpr int kCrv = -1;
constexpr int kX = -2;
constexpr int kY = -3;
constexpr int kKtyEc2 = 2;
constexpr int kCrvP256 = 1;
constexpr int kCoordinateLength = 32;

void appendBigEndian16(QByteArray& out, quint16 value)
{
    char buffer[2];
    qToBigEndian(value, buffer);
    out.append(buffer, 2);
}

void appendBigEndian32(QByteArray& out, quint32 value)
{
    char buffer[4];
    qToBigEndian(value, buffer);
    out.append(buffer, 4);
}

QByteArray attestedCredentialData(const AttestedCredential& attested)
{
    QByteArray out = attested.aaguid;
    appendBigEndian16(out, quint16(attested.credentialId.size()));
    out += attested.credentialId;
    out += attested.credentialPublicKey.toCborValue().toCbor();
    return out;
}

} // namespace

QByteArray latchkeyAaguid()
{
    static const unsigned char aaguid[] = {0xd6, 0x84, 0x3e, 0xcc, 0xa9, 0x29, 0x41, 0xdf,
                                           0xa6, 0x98, 0x40, 0xdf, 0x8f, 0x20, 0x9f, 0x70};
    return QByteArray(reinterpret_cast<const char*>(aaguid), sizeof aaguid);
}

QByteArray latchkeyTpmAaguid()
{
    static const unsigned char aaguid[] = {0xe0, 0x5b, 0x56, 0x7d, 0x09, 0x14, 0x43, 0x8f,
                                           0xb5, 0x25, 0xf5, 0x47, 0x96, 0x94, 0x83, 0x7a};
    return QByteArray(reinterpret_cast<const char*>(aaguid), sizeof aaguid);
}

QByteArray p256SpkiDer(const QByteArray& publicPoint)
{
    // The DER header is fixed for this algorithm and curve; only the point varies.
    return QByteArray::fromHex("3059301306072a8648ce3d020106082a8648ce3d030107034200") +
           publicPoint;
}

QCborMap es256CoseKey(const QByteArray& publicPoint)
{
    QCborMap key;
    key.insert(kKty, kKtyEc2);
    key.insert(kAlg, webauthn::cose::ES256);
    key.insert(kCrv, kCrvP256);
    key.insert(kX, publicPoint.mid(1, kCoordinateLength));
    key.insert(kY, publicPoint.mid(1 + kCoordinateLength, kCoordinateLength));
    return key;
}

QByteArray authenticatorData(const QString& rpId, quint8 flagBits, quint32 signCount,
                             const std::optional<AttestedCredential>& attested)
{
    QByteArray out = core::sha256(rpId.toUtf8());
    if (attested)
        flagBits |= webauthn::flags::AT;
    out.append(char(flagBits));
    appendBigEndian32(out, signCount);
    if (attested)
        out += attestedCredentialData(*attested);
    return out;
}

QByteArray attestationObject(const QString& fmt, const QCborMap& attStmt,
                             const QByteArray& authData)
{
    QCborMap object;
    object.insert(QStringLiteral("fmt"), fmt);
    object.insert(QStringLiteral("attStmt"), attStmt);
    object.insert(QStringLiteral("authData"), authData);
    return object.toCborValue().toCbor();
}

} // namespace latchkey::authenticator
