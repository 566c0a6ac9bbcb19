#pragma once

#include "authenticator/error.h"

#include <QByteArray>
#include <QByteArrayView>

namespace latchkey::authenticator::macos {

// The Secure Enclave's encodings checked before anything leaves the key store, so a wrong or
// damaged answer from the hardware fails here, not at a relying party.

// SecKeyCreateSignature(kSecKeyAlgorithmECDSASignatureMessageX962SHA256) answers an X9.62
// ECDSA-Sig-Value, DER encoded: SEQUENCE { r INTEGER, s INTEGER }. The signature as WebAuthn
// ES256 wants it (the same DER), once OpenSSL parsed it, found r and s in [1, n - 1] of P-256
// and re-encoded it byte for byte as given (strict DER, nothing appended). Crypto otherwise.
KeyStoreResult<QByteArray> es256SignatureFromX962(QByteArrayView x962);

// SecKeyCopyExternalRepresentation of a P-256 public key answers the X9.63 uncompressed point
// 0x04 || x || y (65 bytes). The same point, once OpenSSL found it on the curve; Crypto
// otherwise.
KeyStoreResult<QByteArray> p256PointFromX963(QByteArrayView x963);

} // namespace latchkey::authenticator::macos
