#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

namespace latchkey::core {

// Why a text is not base64url: a sentence naming the problem ("its '=' padding ...").
using Base64UrlResult = Result<QByteArray, QString>;

// Decodes base64url (RFC 4648 §5) with or without '=' padding, and also standard base64
// ('+', '/') because real browser captures carry it. Anything else (whitespace, other
// characters, a lone trailing character, padding in the middle or of the wrong length, one
// value mixing both alphabets) is refused. An empty input decodes to an empty array.
Base64UrlResult decodeBase64Url(QByteArrayView text);
Base64UrlResult decodeBase64Url(QStringView text);

// Encodes as base64url without padding: the form WebAuthn's JSON, cookies and URLs use.
QByteArray encodeBase64Url(QByteArrayView bytes);
QString encodeBase64UrlString(QByteArrayView bytes);

} // namespace latchkey::core
