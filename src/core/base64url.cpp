#include "core/base64url.h"

namespace latchkey::core {

namespace {

QString invalid(const char* why)
{
    return QStringLiteral("The value is not valid base64url: %1.").arg(QLatin1String(why));
}

// Strips '=' padding after checking it is only at the end and completes a 4-character group.
Result<qsizetype, QString> unpaddedLength(QByteArrayView text)
{
    qsizetype length = text.size();
    qsizetype padding = 0;
    while (length > 0 && text[length - 1] == '=') {
        --length;
        ++padding;
    }
    if (padding == 0)
        return length;
    if (padding > 2 || text.size() % 4 != 0)
        return invalid("its '=' padding does not complete a group of four characters");
    if ((length % 4 == 2 && padding != 2) || (length % 4 == 3 && padding != 1) || length % 4 < 2)
        return invalid("its '=' padding has the wrong length");
    return length;
}

// Which of Qt's two alphabets the text is written in. Either is accepted, but one value
// mixing both is not something any encoder makes.
Result<QByteArray::Base64Options, QString> alphabetOf(QByteArrayView text)
{
    bool url = false;
    bool standard = false;
    for (const char c : text) {
        url = url || c == '-' || c == '_';
        standard = standard || c == '+' || c == '/';
    }
    if (url && standard)
        return invalid("it mixes the base64url and base64 alphabets");
    return QByteArray::Base64Options(standard ? QByteArray::Base64Encoding
                                              : QByteArray::Base64UrlEncoding);
}

} // namespace

Base64UrlResult decodeBase64Url(QByteArrayView text)
{
    auto length = unpaddedLength(text);
    if (!length)
        return length.error();
    if (*length % 4 == 1)
        return invalid("its length leaves a single character over");
    auto alphabet = alphabetOf(text);
    if (!alphabet)
        return alphabet.error();
    // Qt decodes; the rules above are the ones Qt does not make (padding, alphabets).
    const auto decoded =
        QByteArray::fromBase64Encoding(QByteArray::fromRawData(text.data(), *length),
                                       *alphabet | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid("it contains a character outside the base64url alphabet");
    return decoded.decoded;
}

Base64UrlResult decodeBase64Url(QStringView text)
{
    QByteArray latin;
    latin.resize(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c > 0x7f)
            return invalid("it contains a character outside the base64url alphabet");
        latin[i] = static_cast<char>(c);
    }
    return decodeBase64Url(QByteArrayView(latin));
}

QByteArray encodeBase64Url(QByteArrayView bytes)
{
    return QByteArray::fromRawData(bytes.data(), bytes.size())
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString encodeBase64UrlString(QByteArrayView bytes)
{
    return QString::fromLatin1(encodeBase64Url(bytes));
}

} // namespace latchkey::core
