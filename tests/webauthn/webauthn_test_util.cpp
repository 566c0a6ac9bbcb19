#include "webauthn_test_util.h"

#include "webauthn/base64url.h"

#include <QCborValue>
#include <QJsonDocument>
#include <openssl/sha.h>

namespace latchkey::webauthn::test {

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(32, '\0');
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), static_cast<size_t>(data.size()),
           reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

QByteArray authenticatorData(const QString& rpId, quint8 flags, quint32 signCount,
                             const std::optional<AttestedPart>& attested,
                             const QByteArray& extensions)
{
    QByteArray out = sha256(rpId.toUtf8());
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
    object.insert(QStringLiteral("challenge"), encodeBase64UrlString(challenge));
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
    const QString id = encodeBase64UrlString(credentialId);
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("rawId"), id},
        {QStringLiteral("type"), QStringLiteral("public-key")},
        {QStringLiteral("response"),
         QJsonObject{
             {QStringLiteral("clientDataJSON"), encodeBase64UrlString(clientData)},
             {QStringLiteral("attestationObject"), encodeBase64UrlString(attestationObject)}}},
        {QStringLiteral("clientExtensionResults"), QJsonObject{}},
    };
}

QJsonObject authenticationJson(const QByteArray& credentialId, const QByteArray& clientData,
                               const QByteArray& authData, const QByteArray& signature,
                               const std::optional<QByteArray>& userHandle)
{
    const QString id = encodeBase64UrlString(credentialId);
    QJsonObject response{{QStringLiteral("clientDataJSON"), encodeBase64UrlString(clientData)},
                         {QStringLiteral("authenticatorData"), encodeBase64UrlString(authData)},
                         {QStringLiteral("signature"), encodeBase64UrlString(signature)}};
    if (userHandle)
        response.insert(QStringLiteral("userHandle"), encodeBase64UrlString(*userHandle));
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("rawId"), id},
                       {QStringLiteral("type"), QStringLiteral("public-key")},
                       {QStringLiteral("response"), response},
                       {QStringLiteral("clientExtensionResults"), QJsonObject{}}};
}

} // namespace latchkey::webauthn::test
