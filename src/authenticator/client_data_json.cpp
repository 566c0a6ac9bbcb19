#include "authenticator/client_data_json.h"

#include "core/base64url.h"

#include <QList>

namespace latchkey::authenticator {
namespace {

void appendCodePoint(QByteArray& out, char32_t codePoint)
{
    if (codePoint == U'"') {
        out += "\\\"";
    } else if (codePoint == U'\\') {
        out += "\\\\";
    } else if (codePoint < 0x20) {
        out += "\\u" + QByteArray::number(quint32(codePoint), 16).rightJustified(4, '0');
    } else {
        out += QString::fromUcs4(&codePoint, 1).toUtf8();
    }
}

} // namespace

QByteArray ccdToString(const QString& text)
{
    QByteArray out("\"");
    for (char32_t codePoint : text.toUcs4())
        appendCodePoint(out, codePoint);
    out += '"';
    return out;
}

QByteArray clientDataJson(const QString& type, const QByteArray& challenge, const QString& origin)
{
    const QString encodedChallenge = core::encodeBase64UrlString(challenge);
    QByteArray out("{\"type\":");
    out += ccdToString(type);
    out += ",\"challenge\":" + ccdToString(encodedChallenge);
    out += ",\"origin\":" + ccdToString(origin);
    out += ",\"crossOrigin\":false}";
    return out;
}

} // namespace latchkey::authenticator
