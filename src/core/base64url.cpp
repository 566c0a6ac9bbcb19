#include "core/base64url.h"

#include <array>

namespace latchkey::core {

namespace {

// One pass over a table: Qt's QByteArray::fromBase64Encoding knows neither rule below (padding
// that completes a group, one alphabet per value) and, with a scan for them before it, took
// twice as long; a sign-in decodes six values (bench_webauthn).
constexpr qint8 kInvalid = -1;
enum Alphabet : quint8 { Shared = 0, UrlOnly = 1, StandardOnly = 2 };

struct DecodeTable {
    std::array<qint8, 256> value{};
    std::array<quint8, 256> alphabet{};
};

constexpr DecodeTable makeTable()
{
    DecodeTable t;
    for (auto& v : t.value)
        v = kInvalid;
    for (int i = 0; i < 26; ++i) {
        t.value['A' + i] = static_cast<qint8>(i);
        t.value['a' + i] = static_cast<qint8>(26 + i);
    }
    for (int i = 0; i < 10; ++i)
        t.value['0' + i] = static_cast<qint8>(52 + i);
    t.value['-'] = 62;
    t.value['_'] = 63;
    t.value['+'] = 62;
    t.value['/'] = 63;
    t.alphabet['-'] = UrlOnly;
    t.alphabet['_'] = UrlOnly;
    t.alphabet['+'] = StandardOnly;
    t.alphabet['/'] = StandardOnly;
    return t;
}

constexpr DecodeTable kTable = makeTable();
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

} // namespace

Base64UrlResult decodeBase64Url(QByteArrayView text)
{
    auto length = unpaddedLength(text);
    if (!length)
        return length.error();
    const qsizetype n = *length;
    if (n % 4 == 1)
        return invalid("its length leaves a single character over");
    QByteArray out;
    out.resize(n / 4 * 3 + (n % 4 == 0 ? 0 : n % 4 - 1));
    char* dst = out.data();
    quint32 buffer = 0;
    int bits = 0;
    quint8 alphabets = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<quint8>(text[i]);
        const qint8 v = kTable.value[c];
        if (v == kInvalid)
            return invalid("it contains a character outside the base64url alphabet");
        alphabets |= kTable.alphabet[c];
        buffer = (buffer << 6) | static_cast<quint32>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *dst++ = static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    // Either alphabet is accepted, but one value mixing both is not something any encoder makes.
    if (alphabets == (UrlOnly | StandardOnly))
        return invalid("it mixes the base64url and base64 alphabets");
    return out;
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
