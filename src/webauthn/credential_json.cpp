#include "webauthn/credential_json.h"

#include "core/base64url.h"

#include <QJsonArray>

namespace latchkey::webauthn {

namespace {

Error missing(const QString& path)
{
    return makeError(ErrorCode::MissingField,
                     QStringLiteral("The credential has no \"%1\".").arg(path));
}

Error wrongType(const QString& path, const char* expected)
{
    return makeError(
        ErrorCode::WrongFieldType,
        QStringLiteral("The credential's \"%1\" is not %2.").arg(path, QLatin1String(expected)));
}

Result<QString> requiredString(const QJsonObject& object, const QString& name, const QString& path)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || value.isNull())
        return missing(path);
    if (!value.isString())
        return wrongType(path, "a string");
    QString text = value.toString();
    if (text.isEmpty())
        return makeError(ErrorCode::EmptyField,
                         QStringLiteral("The credential's \"%1\" is empty.").arg(path));
    return text;
}

Result<QByteArray> requiredBinary(const QJsonObject& object, const QString& name,
                                  const QString& path)
{
    auto text = requiredString(object, name, path);
    if (!text)
        return text.error();
    auto bytes = core::decodeBase64Url(QStringView(*text));
    if (!bytes)
        return makeError(ErrorCode::InvalidBase64Url,
                         QStringLiteral("The credential's \"%1\" is not base64url.").arg(path));
    if (bytes->isEmpty())
        return makeError(ErrorCode::EmptyField,
                         QStringLiteral("The credential's \"%1\" is empty.").arg(path));
    return *bytes;
}

struct CommonFields {
    QString id;
    CredentialId rawId;
    QJsonObject response;
    QString authenticatorAttachment;
    QJsonObject clientExtensionResults;
};

Result<void> checkType(const QJsonObject& credential)
{
    auto type = requiredString(credential, QStringLiteral("type"), QStringLiteral("type"));
    if (!type)
        return type.error();
    if (*type != QLatin1String("public-key"))
        return makeError(
            ErrorCode::InvalidCredentialType,
            QStringLiteral("The credential's type is \"%1\"; only \"public-key\" is accepted.")
                .arg(*type));
    return {};
}

Result<CredentialId> parseIds(const QJsonObject& credential, QString& id)
{
    auto idText = requiredString(credential, QStringLiteral("id"), QStringLiteral("id"));
    if (!idText)
        return idText.error();
    auto idBytes = core::decodeBase64Url(QStringView(*idText));
    if (!idBytes)
        return makeError(ErrorCode::InvalidBase64Url,
                         QStringLiteral("The credential's \"id\" is not base64url."));
    auto rawId = requiredBinary(credential, QStringLiteral("rawId"), QStringLiteral("rawId"));
    if (!rawId)
        return rawId.error();
    if (*idBytes != *rawId)
        return makeError(
            ErrorCode::CredentialIdMismatch,
            QStringLiteral("The credential's \"id\" and \"rawId\" name different credentials."));
    if (rawId->size() > kMaxCredentialIdLength)
        return makeError(ErrorCode::CredentialIdTooLong,
                         QStringLiteral("The credential ID is %1 bytes; at most %2 are allowed.")
                             .arg(rawId->size())
                             .arg(kMaxCredentialIdLength));
    id = std::move(*idText);
    return rawId;
}

Result<CommonFields> parseCommon(const QJsonObject& credential)
{
    CommonFields common;
    auto rawId = parseIds(credential, common.id);
    if (!rawId)
        return rawId.error();
    common.rawId = std::move(*rawId);
    if (auto r = checkType(credential); !r)
        return r.error();
    const QJsonValue response = credential.value(QLatin1String("response"));
    if (response.isUndefined() || response.isNull())
        return missing(QStringLiteral("response"));
    if (!response.isObject())
        return wrongType(QStringLiteral("response"), "an object");
    common.response = response.toObject();
    const QJsonValue attachment = credential.value(QLatin1String("authenticatorAttachment"));
    if (!attachment.isUndefined() && !attachment.isNull() && !attachment.isString())
        return wrongType(QStringLiteral("authenticatorAttachment"), "a string");
    common.authenticatorAttachment = attachment.toString();
    const QJsonValue extensions = credential.value(QLatin1String("clientExtensionResults"));
    if (!extensions.isUndefined() && !extensions.isNull() && !extensions.isObject())
        return wrongType(QStringLiteral("clientExtensionResults"), "an object");
    common.clientExtensionResults = extensions.toObject();
    return common;
}

Result<QStringList> parseTransports(const QJsonObject& response)
{
    const QJsonValue value = response.value(QLatin1String("transports"));
    QStringList transports;
    if (value.isUndefined() || value.isNull())
        return transports;
    if (!value.isArray())
        return wrongType(QStringLiteral("response.transports"), "an array");
    for (const QJsonValue& entry : value.toArray()) {
        if (!entry.isString())
            return wrongType(QStringLiteral("response.transports"), "an array of strings");
        transports.append(entry.toString());
    }
    return transports;
}

Result<std::optional<QByteArray>> parseUserHandle(const QJsonObject& response)
{
    const QJsonValue value = response.value(QLatin1String("userHandle"));
    if (value.isUndefined() || value.isNull())
        return std::optional<QByteArray>{};
    if (!value.isString())
        return wrongType(QStringLiteral("response.userHandle"), "a string or null");
    if (value.toString().isEmpty())
        return std::optional<QByteArray>{};
    auto bytes = core::decodeBase64Url(QStringView(value.toString()));
    if (!bytes)
        return makeError(
            ErrorCode::InvalidBase64Url,
            QStringLiteral("The credential's \"response.userHandle\" is not base64url."));
    return std::optional<QByteArray>(std::move(*bytes));
}

} // namespace

Result<RegistrationResponse> parseRegistrationResponse(const QJsonObject& credential)
{
    auto common = parseCommon(credential);
    if (!common)
        return common.error();
    RegistrationResponse out;
    auto clientData = requiredBinary(common->response, QStringLiteral("clientDataJSON"),
                                     QStringLiteral("response.clientDataJSON"));
    if (!clientData)
        return clientData.error();
    auto attestation = requiredBinary(common->response, QStringLiteral("attestationObject"),
                                      QStringLiteral("response.attestationObject"));
    if (!attestation)
        return attestation.error();
    auto transports = parseTransports(common->response);
    if (!transports)
        return transports.error();
    out.id = std::move(common->id);
    out.rawId = std::move(common->rawId);
    out.clientDataJson = std::move(*clientData);
    out.attestationObject = std::move(*attestation);
    out.transports = std::move(*transports);
    out.authenticatorAttachment = std::move(common->authenticatorAttachment);
    out.clientExtensionResults = std::move(common->clientExtensionResults);
    return out;
}

Result<AuthenticationResponse> parseAuthenticationResponse(const QJsonObject& credential)
{
    auto common = parseCommon(credential);
    if (!common)
        return common.error();
    AuthenticationResponse out;
    auto clientData = requiredBinary(common->response, QStringLiteral("clientDataJSON"),
                                     QStringLiteral("response.clientDataJSON"));
    if (!clientData)
        return clientData.error();
    auto authData = requiredBinary(common->response, QStringLiteral("authenticatorData"),
                                   QStringLiteral("response.authenticatorData"));
    if (!authData)
        return authData.error();
    auto signature = requiredBinary(common->response, QStringLiteral("signature"),
                                    QStringLiteral("response.signature"));
    if (!signature)
        return signature.error();
    auto userHandle = parseUserHandle(common->response);
    if (!userHandle)
        return userHandle.error();
    out.id = std::move(common->id);
    out.rawId = std::move(common->rawId);
    out.clientDataJson = std::move(*clientData);
    out.authenticatorData = std::move(*authData);
    out.signature = std::move(*signature);
    out.userHandle = std::move(*userHandle);
    out.authenticatorAttachment = std::move(common->authenticatorAttachment);
    out.clientExtensionResults = std::move(common->clientExtensionResults);
    return out;
}

} // namespace latchkey::webauthn
