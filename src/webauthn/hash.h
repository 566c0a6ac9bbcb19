#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace latchkey::webauthn {

// SHA-256 (OpenSSL one-shot): clientDataHash, rpIdHash.
QByteArray sha256(QByteArrayView data);

} // namespace latchkey::webauthn
