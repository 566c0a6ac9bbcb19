#pragma once

#include "core/result.h"
#include "server/http_message.h"

#include <QMap>
#include <QString>

namespace latchkey::server {

// Why a body could not be read as form fields: 400 (malformed) or 415 (unsupported type).
struct BodyError {
    int status = 400;
    QString message;
};

using FormFields = QMap<QString, QString>;
template <typename T> using BodyResult = core::Result<T, BodyError>;

// Reads a flat map of string fields from an application/x-www-form-urlencoded or
// application/json body. Strict: bad percent-escapes, invalid UTF-8, repeated fields,
// non-object JSON and non-string values are errors, never guessed at.
BodyResult<FormFields> parseFormBody(const HttpRequest& request);

BodyResult<FormFields> parseUrlEncoded(const QByteArray& body);
BodyResult<FormFields> parseJsonObject(const QByteArray& body);

} // namespace latchkey::server
