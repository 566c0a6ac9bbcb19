#pragma once

#include "core/result.h"
#include "server/http_message.h"

#include <QJsonObject>
#include <QString>

namespace latchkey::server {

// A refusal of the JSON API or of a profile action: the status (see README "Statuses"), a
// stable code, a title for the toast and a sentence the person can act on.
struct ApiError {
    int status = 400;
    QString code;
    QString message;
};

template <typename T> using ApiResult = core::Result<T, ApiError>;

HttpResponse jsonResponse(int status, const QJsonObject& object);
// The one error envelope of every JSON answer:
// {"ok": false, "title": ..., "error": {"code": ..., "message": ...}} (no title when empty).
QJsonObject errorBody(const ApiError& error, const QString& title);
HttpResponse apiErrorResponse(const ApiError& error, const QString& title);

// The request body as one JSON object (Content-Type application/json; an empty body reads
// as {}). 415 for another type, 400 for anything that is not one object.
ApiResult<QJsonObject> readJsonObject(const HttpRequest& request);

} // namespace latchkey::server
