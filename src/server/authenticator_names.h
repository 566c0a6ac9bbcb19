#pragma once

#include <QByteArray>
#include <QString>

namespace latchkey::server {

// The name of a known authenticator model by its AAGUID, or empty when unknown. A short
// list of our own and of the authenticators tests use; no metadata service is consulted.
QString authenticatorName(const QByteArray& aaguid);

// The nickname a new passkey gets when the person gives none: the model's name when known,
// "Passkey on <this computer>" for a platform authenticator, else "Passkey".
QString defaultNickname(const QByteArray& aaguid, const QString& attachment);

} // namespace latchkey::server
