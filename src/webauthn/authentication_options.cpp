#include "webauthn/authentication_options.h"

#include "core/base64url.h"
#include "webauthn/credential_json.h"

#include <QJsonArray>

namespace latchkey::webauthn {

// Shared with registration_options.cpp: the PublicKeyCredentialDescriptorJSON list.
QJsonArray descriptorsJson(const QList<CredentialDescriptor>& descriptors);

namespace {

Error invalid(const QString& why)
{
    return makeError(ErrorCode::OptionsInvalid,
                     QStringLiteral("The sign-in options are invalid: %1.").arg(why));
}

Result<void> checkRequest(const AuthenticationOptionsRequest& request)
{
    if (request.rpId.isEmpty())
        return invalid(QStringLiteral("rpId is required"));
    if (request.timeoutMs <= 0)
        return invalid(QStringLiteral("the timeout must be positive"));
    const QString& uv = request.userVerification;
    if (uv != QLatin1String("required") && uv != QLatin1String("preferred") &&
        uv != QLatin1String("discouraged"))
        return invalid(QStringLiteral("userVerification \"%1\" is not a known value").arg(uv));
    for (const CredentialDescriptor& d : request.allowCredentials)
        if (d.id.isEmpty() || d.id.size() > kMaxCredentialIdLength)
            return invalid(
                QStringLiteral("an allowed credential ID is empty or longer than %1 bytes")
                    .arg(kMaxCredentialIdLength));
    if (!request.challenge.isEmpty() && request.challenge.size() < kMinChallengeLength)
        return invalid(QStringLiteral("a challenge must be at least %1 random bytes")
                           .arg(kMinChallengeLength));
    return {};
}

} // namespace

Result<RequestOptions> buildAuthenticationOptions(const AuthenticationOptionsRequest& request)
{
    if (auto r = checkRequest(request); !r)
        return r.error();
    auto challenge =
        request.challenge.isEmpty() ? generateChallenge() : Result<QByteArray>(request.challenge);
    if (!challenge)
        return challenge.error();
    QJsonObject json{
        {QStringLiteral("challenge"), core::encodeBase64UrlString(*challenge)},
        {QStringLiteral("timeout"), request.timeoutMs},
        {QStringLiteral("rpId"), request.rpId},
        {QStringLiteral("allowCredentials"), descriptorsJson(request.allowCredentials)},
        {QStringLiteral("userVerification"), request.userVerification},
    };
    if (!request.hints.isEmpty())
        json.insert(QStringLiteral("hints"), QJsonArray::fromStringList(request.hints));
    if (!request.extensions.isEmpty())
        json.insert(QStringLiteral("extensions"), request.extensions);
    return RequestOptions{json, *challenge};
}

} // namespace latchkey::webauthn
