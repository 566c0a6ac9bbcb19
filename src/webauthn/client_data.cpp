#include "webauthn/client_data.h"

#include "core/base64url.h"
#include "core/constant_time.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace latchkey::webauthn {

namespace {

Error malformed(const QString& why)
{
    return makeError(ErrorCode::ClientDataMalformed,
                     QStringLiteral("clientDataJSON is malformed: %1.").arg(why));
}

Result<QString> requiredString(const QJsonObject& object, const char* name)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (value.isUndefined())
        return malformed(QStringLiteral("\"%1\" is missing").arg(QLatin1String(name)));
    if (!value.isString())
        return malformed(QStringLiteral("\"%1\" is not a string").arg(QLatin1String(name)));
    QString text = value.toString();
    if (text.isEmpty())
        return malformed(QStringLiteral("\"%1\" is empty").arg(QLatin1String(name)));
    return text;
}

// Level 3 reserves tokenBinding and no longer verifies it: whatever a browser put there
// (an unknown status, "present" without an id, not even an object) does not fail the ceremony.
std::optional<TokenBinding> parseTokenBinding(const QJsonValue& value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    return TokenBinding{object.value(QLatin1String("status")).toString(),
                        object.value(QLatin1String("id")).toString()};
}

// Step 12 compares the text with the encoding of the issued bytes: browsers send exactly that
// (unpadded base64url), so a padded or standard-alphabet rendering is a mismatch too.
Result<void> checkChallenge(const QString& received, const ClientDataExpectations& expected)
{
    const bool same = !expected.challenge.isEmpty() &&
                      core::constantTimeEquals(received.toUtf8(),
                                               core::encodeBase64Url(expected.challenge.bytes()));
    if (!same)
        return makeError(
            ErrorCode::ChallengeMismatch,
            QStringLiteral("The challenge the authenticator signed is not the one issued for this "
                           "ceremony; it may be stale or replayed. Start the ceremony again."));
    return {};
}

Result<void> checkCrossOrigin(const CollectedClientData& clientData,
                              const ClientDataExpectations& expected)
{
    if ((clientData.crossOrigin || clientData.topOrigin) && !expected.allowCrossOrigin)
        return makeError(
            ErrorCode::CrossOriginNotAllowed,
            QStringLiteral("The ceremony ran in a cross-origin iframe, which this relying party "
                           "does not allow."));
    if (clientData.topOrigin && !expected.topOrigins.isEmpty() &&
        !expected.topOrigins.contains(*clientData.topOrigin))
        return makeError(
            ErrorCode::TopOriginMismatch,
            QStringLiteral("The top-level origin %1 is not one this relying party expects to be "
                           "embedded in.")
                .arg(*clientData.topOrigin));
    return {};
}

} // namespace

QString ceremonyTypeName(CeremonyType type)
{
    return type == CeremonyType::Create ? QStringLiteral("webauthn.create")
                                        : QStringLiteral("webauthn.get");
}

Result<CollectedClientData> parseClientData(QByteArrayView json)
{
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), json.size()), &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(QStringLiteral("not valid JSON (%1)").arg(error.errorString()));
    if (!document.isObject())
        return malformed(QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();
    CollectedClientData data;
    auto type = requiredString(object, "type");
    if (!type)
        return type.error();
    auto challenge = requiredString(object, "challenge");
    if (!challenge)
        return challenge.error();
    auto origin = requiredString(object, "origin");
    if (!origin)
        return origin.error();
    data.type = std::move(*type);
    data.challenge = std::move(*challenge);
    data.origin = std::move(*origin);
    const QJsonValue crossOrigin = object.value(QLatin1String("crossOrigin"));
    if (!crossOrigin.isUndefined() && !crossOrigin.isBool())
        return malformed(QStringLiteral("\"crossOrigin\" is not a boolean"));
    data.crossOrigin = crossOrigin.toBool(false);
    const QJsonValue topOrigin = object.value(QLatin1String("topOrigin"));
    if (!topOrigin.isUndefined()) {
        if (!topOrigin.isString() || topOrigin.toString().isEmpty())
            return malformed(QStringLiteral("\"topOrigin\" is not a non-empty string"));
        data.topOrigin = topOrigin.toString();
    }
    data.tokenBinding = parseTokenBinding(object.value(QLatin1String("tokenBinding")));
    return data;
}

Result<void> checkClientData(const CollectedClientData& clientData,
                             const ClientDataExpectations& expected)
{
    const QString expectedType = ceremonyTypeName(expected.type);
    if (clientData.type != expectedType)
        return makeError(
            ErrorCode::ClientDataTypeMismatch,
            QStringLiteral("clientDataJSON's type is \"%1\" but this ceremony needs \"%2\".")
                .arg(clientData.type, expectedType));
    if (auto r = checkChallenge(clientData.challenge, expected); !r)
        return r;
    if (!expected.origins.contains(clientData.origin))
        return makeError(
            ErrorCode::OriginMismatch,
            QStringLiteral("The origin %1 is not one this relying party accepts; check the "
                           "configured origins.")
                .arg(clientData.origin));
    return checkCrossOrigin(clientData, expected);
}

} // namespace latchkey::webauthn
