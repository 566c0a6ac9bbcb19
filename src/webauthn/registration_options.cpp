#include "webauthn/registration_options.h"

#include "core/base64url.h"
#include "webauthn/credential_json.h"

#include <QJsonArray>
#include <openssl/rand.h>

namespace latchkey::webauthn {

namespace {

Error invalid(const QString& why)
{
    return makeError(ErrorCode::OptionsInvalid,
                     QStringLiteral("The ceremony options are invalid: %1.").arg(why));
}

Result<void> checkOneOf(const QString& value, const char* name,
                        std::initializer_list<const char*> allowed, bool emptyAllowed)
{
    if (value.isEmpty() && emptyAllowed)
        return {};
    for (const char* candidate : allowed)
        if (value == QLatin1String(candidate))
            return {};
    return invalid(
        QStringLiteral("%1 \"%2\" is not a known value").arg(QLatin1String(name), value));
}

Result<QByteArray> challengeOrFresh(const QByteArray& supplied)
{
    if (supplied.isEmpty())
        return generateChallenge();
    if (supplied.size() < kMinChallengeLength)
        return invalid(QStringLiteral("a challenge must be at least %1 random bytes")
                           .arg(kMinChallengeLength));
    return supplied;
}

Result<void> checkRequest(const RegistrationOptionsRequest& request)
{
    if (request.rp.id.isEmpty() || request.rp.name.isEmpty())
        return invalid(QStringLiteral("rp.id and rp.name are required"));
    if (request.user.id.isEmpty() || request.user.id.size() > kMaxUserIdLength)
        return invalid(QStringLiteral("user.id must be 1 to %1 bytes").arg(kMaxUserIdLength));
    if (request.user.name.isEmpty())
        return invalid(QStringLiteral("user.name is required"));
    if (request.algorithms.isEmpty())
        return invalid(QStringLiteral("at least one algorithm must be offered"));
    if (request.timeoutMs <= 0)
        return invalid(QStringLiteral("the timeout must be positive"));
    if (auto r = checkOneOf(request.authenticatorAttachment, "authenticatorAttachment",
                            {"platform", "cross-platform"}, true);
        !r)
        return r;
    if (auto r = checkOneOf(request.residentKey, "residentKey",
                            {"discouraged", "preferred", "required"}, false);
        !r)
        return r;
    if (auto r = checkOneOf(request.userVerification, "userVerification",
                            {"required", "preferred", "discouraged"}, false);
        !r)
        return r;
    if (auto r = checkOneOf(request.attestation, "attestation",
                            {"none", "indirect", "direct", "enterprise"}, false);
        !r)
        return r;
    for (const QString& hint : request.hints)
        if (auto r = checkOneOf(hint, "hint", {"security-key", "client-device", "hybrid"}, false);
            !r)
            return r;
    return {};
}

QJsonObject authenticatorSelection(const RegistrationOptionsRequest& request)
{
    QJsonObject selection{
        {QStringLiteral("residentKey"), request.residentKey},
        {QStringLiteral("requireResidentKey"), request.residentKey == QLatin1String("required")},
        {QStringLiteral("userVerification"), request.userVerification},
    };
    if (!request.authenticatorAttachment.isEmpty())
        selection.insert(QStringLiteral("authenticatorAttachment"),
                         request.authenticatorAttachment);
    return selection;
}

QJsonArray algorithmParams(const QList<int>& algorithms)
{
    QJsonArray params;
    for (const int alg : algorithms)
        params.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("public-key")},
                                  {QStringLiteral("alg"), alg}});
    return params;
}

} // namespace

QJsonArray descriptorsJson(const QList<CredentialDescriptor>& descriptors);

QJsonArray descriptorsJson(const QList<CredentialDescriptor>& descriptors)
{
    QJsonArray out;
    for (const CredentialDescriptor& descriptor : descriptors) {
        QJsonObject entry{{QStringLiteral("type"), QStringLiteral("public-key")},
                          {QStringLiteral("id"), core::encodeBase64UrlString(descriptor.id)}};
        if (!descriptor.transports.isEmpty())
            entry.insert(QStringLiteral("transports"),
                         QJsonArray::fromStringList(descriptor.transports));
        out.append(entry);
    }
    return out;
}

QList<int> defaultAlgorithms()
{
    return {cose::EdDSA, cose::ES256, cose::RS256, cose::PS256, cose::ES384,
            cose::ES512, cose::RS384, cose::RS512, cose::PS384, cose::PS512};
}

Result<QByteArray> generateChallenge(qsizetype length)
{
    if (length < kMinChallengeLength)
        return invalid(
            QStringLiteral("a challenge must be at least %1 bytes").arg(kMinChallengeLength));
    QByteArray bytes(length, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(length)) != 1)
        return makeError(
            ErrorCode::InternalError,
            QStringLiteral("The system's random number generator did not provide a challenge."));
    return bytes;
}

Result<CreationOptions> buildRegistrationOptions(const RegistrationOptionsRequest& request)
{
    if (auto r = checkRequest(request); !r)
        return r.error();
    for (const CredentialDescriptor& d : request.excludeCredentials)
        if (d.id.isEmpty() || d.id.size() > kMaxCredentialIdLength)
            return invalid(
                QStringLiteral("an excluded credential ID is empty or longer than %1 bytes")
                    .arg(kMaxCredentialIdLength));
    auto challenge = challengeOrFresh(request.challenge);
    if (!challenge)
        return challenge.error();
    QJsonObject extensions = request.extraExtensions;
    if (request.credProps)
        extensions.insert(QStringLiteral("credProps"), true);
    QJsonObject json{
        {QStringLiteral("rp"), QJsonObject{{QStringLiteral("id"), request.rp.id},
                                           {QStringLiteral("name"), request.rp.name}}},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("id"), core::encodeBase64UrlString(request.user.id)},
                     {QStringLiteral("name"), request.user.name},
                     {QStringLiteral("displayName"), request.user.displayName}}},
        {QStringLiteral("challenge"), core::encodeBase64UrlString(*challenge)},
        {QStringLiteral("pubKeyCredParams"), algorithmParams(request.algorithms)},
        {QStringLiteral("timeout"), request.timeoutMs},
        {QStringLiteral("excludeCredentials"), descriptorsJson(request.excludeCredentials)},
        {QStringLiteral("authenticatorSelection"), authenticatorSelection(request)},
        {QStringLiteral("attestation"), request.attestation},
    };
    if (!request.hints.isEmpty())
        json.insert(QStringLiteral("hints"), QJsonArray::fromStringList(request.hints));
    if (!extensions.isEmpty())
        json.insert(QStringLiteral("extensions"), extensions);
    return CreationOptions{json, *challenge};
}

} // namespace latchkey::webauthn
