#pragma once

#include "webauthn/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

namespace latchkey::webauthn {

// Decodes base64url (RFC 4648 §5) with or without '=' padding, and also standard base64
// ('+', '/') because real browser captures carry it. Anything else (whitespace, other
// characters, a lone trailing character, padding in the middle or of the wrong length) is
// InvalidBase64Url. An empty input decodes to an empty array.
Result<QByteArray> decodeBase64Url(QByteArrayView text);
Result<QByteArray> decodeBase64Url(QStringView text);

// Encodes as base64url without padding.
QByteArray encodeBase64Url(QByteArrayView bytes);
QString encodeBase64UrlString(QByteArrayView bytes);

} // namespace latchkey::webauthn
