#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace latchkey::server {

// What a JSON answer carries, as "signal", for the page to pass to the WebAuthn L3 Signal API
// (§5.1.10) after this server stopped accepting credentials: the page calls
// PublicKeyCredential.signalUnknownCredential for each unknownCredentialIds entry and, when
// userId is present, signalAllAcceptedCredentials, so the authenticator (Latchkey's window, a
// browser that has the API) drops those passkeys. Ids are base64url.
//   {"rpId", "unknownCredentialIds": [...], "userId"?, "allAcceptedCredentialIds"?: [...]}
QJsonObject unknownCredentialsSignal(const QList<QByteArray>& unknownIds);
QJsonObject acceptedCredentialsSignal(const QByteArray& userHandle,
                                      const QList<QByteArray>& acceptedIds,
                                      const QList<QByteArray>& unknownIds);

} // namespace latchkey::server
