#include "server/form_body.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <optional>

namespace latchkey::server {

namespace {

BodyError malformed(const QString& message)
{
    return BodyError{400, message};
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// '+' is a space and %XX a byte; anything else after '%' is malformed.
std::optional<QByteArray> percentDecode(const QByteArray& in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c == '+') {
            out.append(' ');
        } else if (c != '%') {
            out.append(c);
        } else {
            if (i + 2 >= in.size())
                return std::nullopt;
            const int high = hexValue(in.at(i + 1));
            const int low = hexValue(in.at(i + 2));
            if (high < 0 || low < 0)
                return std::nullopt;
            out.append(static_cast<char>(high * 16 + low));
            i += 2;
        }
    }
    return out;
}

std::optional<QString> decodeUtf8(const QByteArray& bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

std::optional<QString> decodeComponent(const QByteArray& raw)
{
    const std::optional<QByteArray> bytes = percentDecode(raw);
    if (!bytes)
        return std::nullopt;
    return decodeUtf8(*bytes);
}

} // namespace

BodyResult<FormFields> parseUrlEncoded(const QByteArray& body)
{
    FormFields fields;
    if (body.isEmpty())
        return fields;
    for (const QByteArray& pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const std::optional<QString> name = decodeComponent(eq < 0 ? pair : pair.left(eq));
        const std::optional<QString> value =
            decodeComponent(eq < 0 ? QByteArray() : pair.mid(eq + 1));
        if (!name || !value)
            return malformed(QCoreApplication::translate(
                "latchkey::server::FormBody",
                "The form could not be read: it is not valid URL encoding "
                "of UTF-8 text. Reload the page and try again."));
        if (fields.contains(*name))
            return malformed(
                QCoreApplication::translate("latchkey::server::FormBody",
                                            "The form sent the field \"%1\" more than once.")
                    .arg(*name));
        fields.insert(*name, *value);
    }
    return fields;
}

BodyResult<FormFields> parseJsonObject(const QByteArray& body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(
            QCoreApplication::translate("latchkey::server::FormBody",
                                        "The request could not be read: it is not valid JSON (%1).")
                .arg(error.errorString()));
    if (!document.isObject())
        return malformed(QCoreApplication::translate(
            "latchkey::server::FormBody", "The request must be a JSON object of text fields."));
    FormFields fields;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return malformed(QCoreApplication::translate("latchkey::server::FormBody",
                                                         "The field \"%1\" must be text.")
                                 .arg(it.key()));
        fields.insert(it.key(), it.value().toString());
    }
    return fields;
}

BodyResult<FormFields> parseFormBody(const HttpRequest& request)
{
    const QByteArray type = request.contentType();
    if (type == "application/x-www-form-urlencoded")
        return parseUrlEncoded(request.body);
    if (type == "application/json")
        return parseJsonObject(request.body);
    return BodyError{
        415, QCoreApplication::translate("latchkey::server::FormBody",
                                         "Send the form as application/x-www-form-urlencoded or "
                                         "application/json.")};
}

} // namespace latchkey::server
