#include "webauthn_test_util.h"

#include "core/base64url.h"

#include <QCborValue>
#include <QJsonDocument>

namespace latchkey::webauthn::test {

QByteArray authenticatorData(const QString& rpId, quint8 flags, quint32 signCount,
                             const std::optional<AttestedPart>& attested,
                             const QByteArray& extensions)
{
    QByteArray out = core::sha256(rpId.toUtf8());
    out.append(static_cast<char>(flags));
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(static_cast<char>((signCount >> shift) & 0xff));
    if (attested) {
        out.append(attested->aaguid);
        const auto n = attested->credentialId.size();
        out.append(static_cast<char>((n >> 8) & 0xff)).append(static_cast<char>(n & 0xff));
        out.append(attested->credentialId).append(attested->coseKey);
    }
    return out.append(extensions);
}

QByteArray clientDataJson(const QString& type, const QByteArray& challenge, const QString& origin,
                          const QJsonObject& extra)
{
    QJsonObject object = extra;
    object.insert(QStringLiteral("type"), type);
    object.insert(QStringLiteral("challenge"), core::encodeBase64UrlString(challenge));
    object.insert(QStringLiteral("origin"), origin);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray noneAttestationObject(const QByteArray& authData)
{
    QCborMap map;
    map.insert(QStringLiteral("fmt"), QStringLiteral("none"));
    map.insert(QStringLiteral("attStmt"), QCborMap());
    map.insert(QStringLiteral("authData"), authData);
    return QCborValue(map).toCbor();
}

QJsonObject registrationJson(const QByteArray& credentialId, const QByteArray& clientData,
                             const QByteArray& attestationObject)
{
    const QString id = core::encodeBase64UrlString(credentialId);
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("rawId"), id},
        {QStringLiteral("type"), QStringLiteral("public-key")},
        {QStringLiteral("response"),
         QJsonObject{{QStringLiteral("clientDataJSON"), core::encodeBase64UrlString(clientData)},
                     {QStringLiteral("attestationObject"),
                      core::encodeBase64UrlString(attestationObject)}}},
        {QStringLiteral("clientExtensionResults"), QJsonObject{}},
    };
}

QJsonObject authenticationJson(const QByteArray& credentialId, const QByteArray& clientData,
                               const QByteArray& authData, const QByteArray& signature,
                               const std::optional<QByteArray>& userHandle)
{
    const QString id = core::encodeBase64UrlString(credentialId);
    QJsonObject response{
        {QStringLiteral("clientDataJSON"), core::encodeBase64UrlString(clientData)},
        {QStringLiteral("authenticatorData"), core::encodeBase64UrlString(authData)},
        {QStringLiteral("signature"), core::encodeBase64UrlString(signature)}};
    if (userHandle)
        response.insert(QStringLiteral("userHandle"), core::encodeBase64UrlString(*userHandle));
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("rawId"), id},
                       {QStringLiteral("type"), QStringLiteral("public-key")},
                       {QStringLiteral("response"), response},
                       {QStringLiteral("clientExtensionResults"), QJsonObject{}}};
}

} // namespace latchkey::webauthn::test
