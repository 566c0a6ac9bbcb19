#include "webauthn/authenticator_data.h"

#include "webauthn/cbor_limits.h"
#include "webauthn/credential_json.h"

namespace latchkey::webauthn {

namespace {

constexpr qsizetype kRpIdHashLength = 32;
constexpr qsizetype kHeaderLength = kRpIdHashLength + 1 + 4;
constexpr qsizetype kAaguidLength = 16;

quint32 readBigEndian32(const char* p)
{
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return (quint32(u[0]) << 24) | (quint32(u[1]) << 16) | (quint32(u[2]) << 8) | quint32(u[3]);
}

Error tooShort(const QString& what)
{
    return makeError(ErrorCode::AuthenticatorDataTooShort,
                     QStringLiteral("The authenticator data ends too early: %1.").arg(what));
}

// §6.5.1: aaguid (16) ‖ credentialIdLength (2, big-endian) ‖ credentialId ‖ credentialPublicKey.
Result<AttestedCredentialData> parseAttestedData(QByteArrayView bytes, qsizetype& offset)
{
    if (bytes.size() == offset)
        return makeError(
            ErrorCode::AttestedDataFlagMismatch,
            QStringLiteral("The AT flag is set but no attested credential data follows."));
    if (bytes.size() - offset < kAaguidLength + 2)
        return tooShort(QStringLiteral("the attested credential data is cut short"));
    AttestedCredentialData attested;
    attested.aaguid = bytes.sliced(offset, kAaguidLength).toByteArray();
    offset += kAaguidLength;
    const auto* u = reinterpret_cast<const unsigned char*>(bytes.data() + offset);
    const qsizetype idLength = (qsizetype(u[0]) << 8) | qsizetype(u[1]);
    offset += 2;
    if (idLength > kMaxCredentialIdLength)
        return makeError(ErrorCode::CredentialIdTooLong,
                         QStringLiteral("The credential ID is %1 bytes; at most %2 are allowed.")
                             .arg(idLength)
                             .arg(kMaxCredentialIdLength));
    if (idLength == 0)
        return makeError(ErrorCode::EmptyField,
                         QStringLiteral("The credential ID in authenticator data is empty."));
    if (bytes.size() - offset < idLength)
        return tooShort(QStringLiteral("the credential ID is cut short"));
    attested.credentialId = bytes.sliced(offset, idLength).toByteArray();
    offset += idLength;
    if (bytes.size() == offset)
        return tooShort(QStringLiteral("the credential public key is missing"));
    qsizetype keyLength = 0;
    auto keyValue = decodeCborItem(bytes.sliced(offset), &keyLength);
    if (!keyValue)
        return makeError(ErrorCode::CoseKeyMalformed,
                         QStringLiteral("The credential public key is not valid CBOR: %1")
                             .arg(keyValue.error().message));
    if (!keyValue->isMap())
        return makeError(ErrorCode::CoseKeyMalformed,
                         QStringLiteral("The credential public key is not a CBOR map."));
    auto key = CoseKey::fromMap(keyValue->toMap());
    if (!key)
        return key.error();
    attested.credentialPublicKeyCbor = bytes.sliced(offset, keyLength).toByteArray();
    attested.credentialPublicKey = std::move(*key);
    offset += keyLength;
    return attested;
}

Result<QCborMap> parseExtensions(QByteArrayView bytes, qsizetype& offset)
{
    if (bytes.size() == offset)
        return makeError(ErrorCode::ExtensionDataFlagMismatch,
                         QStringLiteral("The ED flag is set but no extension data follows."));
    qsizetype length = 0;
    auto value = decodeCborItem(bytes.sliced(offset), &length);
    if (!value)
        return makeError(value.error().code,
                         QStringLiteral("The authenticator extension data is not valid CBOR: %1")
                             .arg(value.error().message));
    if (!value->isMap())
        return makeError(ErrorCode::CborMalformed,
                         QStringLiteral("The authenticator extension data is not a CBOR map."));
    offset += length;
    return value->toMap();
}

Error trailingBytes(qsizetype count, quint8 flagBits)
{
    QString hint;
    if (!(flagBits & (flags::AT | flags::ED)))
        hint = QStringLiteral(" (neither the AT nor the ED flag announces data after the counter)");
    return makeError(ErrorCode::AuthenticatorDataTrailingBytes,
                     QStringLiteral("The authenticator data has %1 unexpected bytes at its end%2.")
                         .arg(count)
                         .arg(hint));
}

} // namespace

Result<AuthenticatorData> parseAuthenticatorData(QByteArrayView bytes)
{
    if (bytes.size() < kHeaderLength)
        return tooShort(QStringLiteral("it has %1 bytes, at least %2 are needed")
                            .arg(bytes.size())
                            .arg(kHeaderLength));
    AuthenticatorData data;
    data.raw = bytes.toByteArray();
    data.rpIdHash = bytes.first(kRpIdHashLength).toByteArray();
    data.flagBits = static_cast<quint8>(bytes[kRpIdHashLength]);
    data.signCount = readBigEndian32(bytes.data() + kRpIdHashLength + 1);
    qsizetype offset = kHeaderLength;
    if (data.flagBits & flags::AT) {
        auto attested = parseAttestedData(bytes, offset);
        if (!attested)
            return attested.error();
        data.attestedCredentialData = std::move(*attested);
    }
    if (data.flagBits & flags::ED) {
        auto extensions = parseExtensions(bytes, offset);
        if (!extensions)
            return extensions.error();
        data.extensions = std::move(*extensions);
    }
    if (offset != bytes.size())
        return trailingBytes(bytes.size() - offset, data.flagBits);
    return data;
}

} // namespace latchkey::webauthn
