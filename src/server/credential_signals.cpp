#include "server/credential_signals.h"

#include "core/base64url.h"
#include "server/server_context.h"

#include <QJsonArray>

namespace latchkey::server {

namespace {

QJsonArray base64UrlList(const QList<QByteArray>& ids)
{
    QJsonArray list;
    for (const QByteArray& id : ids)
        list.append(QString::fromLatin1(core::encodeBase64Url(id)));
    return list;
}

} // namespace

QJsonObject unknownCredentialsSignal(const QList<QByteArray>& unknownIds)
{
    return QJsonObject{{QStringLiteral("rpId"), ServerContext::rpId()},
                       {QStringLiteral("unknownCredentialIds"), base64UrlList(unknownIds)}};
}

QJsonObject acceptedCredentialsSignal(const QByteArray& userHandle,
                                      const QList<QByteArray>& acceptedIds,
                                      const QList<QByteArray>& unknownIds)
{
    QJsonObject signal = unknownCredentialsSignal(unknownIds);
    signal.insert(QStringLiteral("userId"), QString::fromLatin1(core::encodeBase64Url(userHandle)));
    signal.insert(QStringLiteral("allAcceptedCredentialIds"), base64UrlList(acceptedIds));
    return signal;
}

} // namespace latchkey::server
