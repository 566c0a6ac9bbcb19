#include "webauthn/attestation_object.h"

#include "webauthn/cbor_limits.h"

namespace latchkey::webauthn {

namespace {

Error malformed(const QString& why)
{
    return makeError(ErrorCode::AttestationObjectMalformed,
                     QStringLiteral("The attestationObject is malformed: %1.").arg(why));
}

} // namespace

Result<AttestationObject> parseAttestationObject(QByteArrayView cbor)
{
    auto decoded = decodeCborItem(cbor);
    if (!decoded)
        return makeError(decoded.error().code == ErrorCode::CborLimitExceeded
                             ? ErrorCode::CborLimitExceeded
                             : ErrorCode::AttestationObjectMalformed,
                         QStringLiteral("The attestationObject is not valid CBOR: %1")
                             .arg(decoded.error().message));
    if (!decoded->isMap())
        return malformed(QStringLiteral("it is not a CBOR map"));
    const QCborMap map = decoded->toMap();
    if (hasRepeatedKeys(map))
        return malformed(QStringLiteral("a key appears twice"));
    const QCborValue fmt = map.value(QLatin1String("fmt"));
    const QCborValue statement = map.value(QLatin1String("attStmt"));
    const QCborValue authData = map.value(QLatin1String("authData"));
    if (!fmt.isString() || fmt.toString().isEmpty())
        return malformed(QStringLiteral("\"fmt\" is missing or not a text string"));
    if (!statement.isMap())
        return malformed(QStringLiteral("\"attStmt\" is missing or not a map"));
    if (!authData.isByteArray() || authData.toByteArray().isEmpty())
        return malformed(QStringLiteral("\"authData\" is missing, not a byte string, or empty"));
    if (hasRepeatedKeys(statement.toMap()))
        return malformed(QStringLiteral("a key appears twice in \"attStmt\""));
    auto parsed = parseAuthenticatorData(authData.toByteArray());
    if (!parsed)
        return parsed.error();
    AttestationObject object;
    object.format = fmt.toString();
    object.statement = statement.toMap();
    object.authenticatorData = std::move(*parsed);
    return object;
}

} // namespace latchkey::webauthn
