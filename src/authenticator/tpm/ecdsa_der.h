#pragma once

#include "authenticator/error.h"

#include <QByteArray>
#include <QByteArrayView>

namespace latchkey::authenticator {

// An ECDSA signature given as its two integers (big-endian, as a TPM returns r and s) in the
// DER form (SEQUENCE { INTEGER r, INTEGER s }) WebAuthn ES256 signatures take; by OpenSSL.
KeyStoreResult<QByteArray> derEcdsaSignature(QByteArrayView r, QByteArrayView s);

} // namespace latchkey::authenticator
