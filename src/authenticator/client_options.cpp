#include "authenticator/client_options.h"

#include "core/base64url.h"
#include "webauthn/cose_key.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace latchkey::authenticator {
namespace {

constexpr qsizetype kMaxUserIdLength = 64;

ClientError typeError(const QString& message)
{
    return clientError(DomErrorName::TypeError, message);
}

QJsonObject unwrap(const QJsonObject& json)
{
    const QJsonValue inner = json.value(QLatin1String("publicKey"));
    return inner.isObject() ? inner.toObject() : json;
}

ClientResult<QString> requiredString(const QJsonObject& object, const char* member,
                                     const char* where)
{
    const QJsonValue value = object.value(QLatin1String(member));
    if (!value.isString())
        return typeError(QCoreApplication::translate("latchkey::authenticator::ClientOptions",
                                                     "%1.%2 must be a string.")
                             .arg(QLatin1String(where), QLatin1String(member)));
    return value.toString();
}

ClientResult<QByteArray> base64Url(const QJsonValue& value, const QString& name)
{
    if (!value.isString())
        return typeError(QCoreApplication::translate("latchkey::authenticator::ClientOptions",
                                                     "%1 must be a base64url string.")
                             .arg(name));
    auto decoded = core::decodeBase64Url(QStringView(value.toString()));
    if (!decoded)
        return typeError(QCoreApplication::translate("latchkey::authenticator::ClientOptions",
                                                     "%1 is not valid base64url.")
                             .arg(name));
    return *decoded;
}

ClientResult<QList<CredentialDescriptor>> descriptors(const QJsonObject& options,
                                                      const char* member)
{
    QList<CredentialDescriptor> out;
    const QJsonValue list = options.value(QLatin1String(member));
    if (list.isUndefined())
        return out;
    if (!list.isArray())
        return typeError(QCoreApplication::translate("latchkey::authenticator::ClientOptions",
                                                     "%1 must be an array.")
                             .arg(QLatin1String(member)));
    for (const QJsonValue& entry : list.toArray()) {
        const QJsonObject descriptor = entry.toObject();
        if (descriptor.value(QLatin1String("type")).toString() != QLatin1String("public-key"))
            continue;
        const auto id = base64Url(descriptor.value(QLatin1String("id")),
                                  QStringLiteral("%1[].id").arg(QLatin1String(member)));
        if (!id)
            return id.error();
        CredentialDescriptor parsed{*id, {}};
        for (const QJsonValue& transport : descriptor.value(QLatin1String("transports")).toArray())
            parsed.transports.append(transport.toString());
        out.append(parsed);
    }
    return out;
}

ClientResult<QList<int>> algorithms(const QJsonObject& options)
{
    const QJsonValue params = options.value(QLatin1String("pubKeyCredParams"));
    if (!params.isArray())
        return typeError(QCoreApplication::translate("latchkey::authenticator::ClientOptions",
                                                     "pubKeyCredParams must be an array."));
    // §5.1.3 step 10: an empty list means ES256 and RS256.
    if (params.toArray().isEmpty())
        return QList<int>{webauthn::cose::ES256, webauthn::cose::RS256};
    QList<int> out;
    for (const QJsonValue& entry : params.toArray()) {
        const QJsonObject param = entry.toObject();
        if (!param.value(QLatin1String("alg")).isDouble())
            return typeError(
                QCoreApplication::translate("latchkey::authenticator::ClientOptions",
                                            "pubKeyCredParams[].alg must be a number."));
        if (param.value(QLatin1String("type")).toString() == QLatin1String("public-key"))
            out.append(param.value(QLatin1String("alg")).toInt());
    }
    return out;
}

ClientResult<UserEntity> user(const QJsonObject& options)
{
    const QJsonValue value = options.value(QLatin1String("user"));
    if (!value.isObject())
        return typeError(QCoreApplication::translate("latchkey::authenticator::ClientOptions",
                                                     "user must be an object."));
    const QJsonObject object = value.toObject();
    const auto id = base64Url(object.value(QLatin1String("id")), QStringLiteral("user.id"));
    if (!id)
        return id.error();
    if (id->isEmpty() || id->size() > kMaxUserIdLength)
        return typeError(QCoreApplication::translate("latchkey::authenticator::ClientOptions",
                                                     "user.id must be 1 to 64 bytes."));
    const auto name = requiredString(object, "name", "user");
    if (!name)
        return name.error();
    const auto displayName = requiredString(object, "displayName", "user");
    if (!displayName)
        return displayName.error();
    return UserEntity{*id, *name, *displayName};
}

ClientResult<QByteArray> challenge(const QJsonObject& options)
{
    const auto bytes =
        base64Url(options.value(QLatin1String("challenge")), QStringLiteral("challenge"));
    if (bytes && bytes->isEmpty())
        return typeError(QCoreApplication::translate("latchkey::authenticator::ClientOptions",
                                                     "challenge must not be empty."));
    return bytes;
}

ClientResult<std::optional<QString>> optionalString(const QJsonObject& object, const char* member)
{
    const QJsonValue value = object.value(QLatin1String(member));
    if (value.isUndefined())
        return std::optional<QString>();
    if (!value.isString())
        return typeError(QCoreApplication::translate("latchkey::authenticator::ClientOptions",
                                                     "%1 must be a string.")
                             .arg(QLatin1String(member)));
    return std::optional<QString>(value.toString());
}

ClientResult<std::optional<double>> timeout(const QJsonObject& options)
{
    const QJsonValue value = options.value(QLatin1String("timeout"));
    if (value.isUndefined())
        return std::optional<double>();
    if (!value.isDouble())
        return typeError(QCoreApplication::translate("latchkey::authenticator::ClientOptions",
                                                     "timeout must be a number."));
    return std::optional<double>(value.toDouble());
}

UserVerificationRequirement userVerificationOf(const QJsonValue& value)
{
    const QString text = value.toString();
    if (text == QLatin1String("required"))
        return UserVerificationRequirement::Required;
    if (text == QLatin1String("discouraged"))
        return UserVerificationRequirement::Discouraged;
    return UserVerificationRequirement::Preferred;
}

void readSelection(const QJsonObject& selection, CreationOptions& out)
{
    out.authenticatorAttachment =
        selection.value(QLatin1String("authenticatorAttachment")).toString();
    const QString residentKey = selection.value(QLatin1String("residentKey")).toString();
    // §5.4.4: residentKey wins; requireResidentKey only speaks when residentKey is absent.
    out.residentKeyRequired =
        residentKey == QLatin1String("required") ||
        (residentKey.isEmpty() && selection.value(QLatin1String("requireResidentKey")).toBool());
    out.residentKeyDiscouraged = residentKey == QLatin1String("discouraged");
    out.userVerification = userVerificationOf(selection.value(QLatin1String("userVerification")));
}

void readPreferences(const QJsonObject& options, CreationOptions& out)
{
    readSelection(options.value(QLatin1String("authenticatorSelection")).toObject(), out);
    const QString attestation = options.value(QLatin1String("attestation")).toString();
    static const QStringList known = {QStringLiteral("none"), QStringLiteral("indirect"),
                                      QStringLiteral("direct"), QStringLiteral("enterprise")};
    if (known.contains(attestation))
        out.attestation = attestation;
    const QJsonObject extensions = options.value(QLatin1String("extensions")).toObject();
    out.credProps = extensions.value(QLatin1String("credProps")).toBool();
}

ClientResult<void> readRp(const QJsonObject& options, CreationOptions& out)
{
    const QJsonValue rp = options.value(QLatin1String("rp"));
    if (!rp.isObject())
        return typeError(QCoreApplication::translate("latchkey::authenticator::ClientOptions",
                                                     "rp must be an object."));
    const auto id = optionalString(rp.toObject(), "id");
    if (!id)
        return id.error();
    const auto name = requiredString(rp.toObject(), "name", "rp");
    if (!name)
        return name.error();
    out.rpId = *id;
    out.rpName = *name;
    return {};
}

ClientResult<void> readCreationBinaries(const QJsonObject& options, CreationOptions& out)
{
    const auto parsedUser = user(options);
    if (!parsedUser)
        return parsedUser.error();
    const auto parsedChallenge = challenge(options);
    if (!parsedChallenge)
        return parsedChallenge.error();
    const auto excluded = descriptors(options, "excludeCredentials");
    if (!excluded)
        return excluded.error();
    out.user = *parsedUser;
    out.challenge = *parsedChallenge;
    out.excludeCredentials = *excluded;
    return {};
}

} // namespace

ClientResult<CreationOptions> parseCreationOptions(const QJsonObject& json)
{
    const QJsonObject options = unwrap(json);
    CreationOptions out;
    if (auto rp = readRp(options, out); !rp)
        return rp.error();
    if (auto binaries = readCreationBinaries(options, out); !binaries)
        return binaries.error();
    const auto algs = algorithms(options);
    if (!algs)
        return algs.error();
    const auto timeoutMs = timeout(options);
    if (!timeoutMs)
        return timeoutMs.error();
    out.algorithms = *algs;
    out.timeoutMs = *timeoutMs;
    readPreferences(options, out);
    return out;
}

ClientResult<RequestOptions> parseRequestOptions(const QJsonObject& json)
{
    const QJsonObject options = unwrap(json);
    RequestOptions out;
    const auto rpId = optionalString(options, "rpId");
    if (!rpId)
        return rpId.error();
    const auto parsedChallenge = challenge(options);
    if (!parsedChallenge)
        return parsedChallenge.error();
    const auto allowed = descriptors(options, "allowCredentials");
    if (!allowed)
        return allowed.error();
    const auto timeoutMs = timeout(options);
    if (!timeoutMs)
        return timeoutMs.error();
    out.rpId = *rpId;
    out.challenge = *parsedChallenge;
    out.allowCredentials = *allowed;
    out.timeoutMs = *timeoutMs;
    out.userVerification = userVerificationOf(options.value(QLatin1String("userVerification")));
    return out;
}

} // namespace latchkey::authenticator
