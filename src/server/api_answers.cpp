#include "server/api_answers.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace latchkey::server {

HttpResponse jsonResponse(int status, const QJsonObject& object)
{
    return HttpResponse::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject errorBody(const ApiError& error, const QString& title)
{
    QJsonObject body{
        {QStringLiteral("ok"), false},
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), error.code},
                                              {QStringLiteral("message"), error.message}}}};
    if (!title.isEmpty())
        body.insert(QStringLiteral("title"), title);
    return body;
}

HttpResponse apiErrorResponse(const ApiError& error, const QString& title)
{
    return jsonResponse(error.status, errorBody(error, title));
}

ApiResult<QJsonObject> readJsonObject(const HttpRequest& request)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject{};
    if (request.contentType() != "application/json")
        return ApiError{415, QStringLiteral("unsupported_media_type"),
                        QCoreApplication::translate("latchkey::server::PasskeyFlows",
                                                    "Send this request as application/json.")};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return ApiError{400, QStringLiteral("malformed_json"),
                        QCoreApplication::translate("latchkey::server::PasskeyFlows",
                                                    "The request is not a JSON object. Reload "
                                                    "the page and try again.")};
    return document.object();
}

} // namespace latchkey::server
