#pragma once

#include "webauthn/authenticator_data.h"
#include "webauthn/result.h"

#include <QByteArrayView>
#include <QCborMap>
#include <QString>

namespace latchkey::webauthn {

// The attestationObject (§6.5): a CBOR map {fmt: text, attStmt: map, authData: bytes}.
struct AttestationObject {
    QString format;
    QCborMap statement;
    AuthenticatorData authenticatorData;
};

// Rejects anything that is not one well-formed CBOR map (trailing bytes included), a
// missing or mistyped member, empty authData, and authData that does not parse.
Result<AttestationObject> parseAttestationObject(QByteArrayView cbor);

} // namespace latchkey::webauthn
