#include "webauthn/attestation/asn1_reader.h"

#include <openssl/asn1.h>

namespace latchkey::webauthn {

std::optional<DerElement> DerReader::next()
{
    if (m_failed || m_rest.isEmpty())
        return std::nullopt;
    const auto* start = reinterpret_cast<const unsigned char*>(m_rest.data());
    const unsigned char* cursor = start;
    long length = 0;
    int tag = 0;
    int tagClass = 0;
    const int info = ASN1_get_object(&cursor, &length, &tag, &tagClass, m_rest.size());
    // 0x80: an error (including a length past the buffer); 0x01: indefinite length, not DER.
    if ((info & 0x80) || (info & 0x01)) {
        m_failed = true;
        return std::nullopt;
    }
    const qsizetype headerSize = cursor - start;
    DerElement element;
    element.tag = tag;
    element.tagClass = tagClass;
    element.constructed = info & V_ASN1_CONSTRUCTED;
    element.content = m_rest.sliced(headerSize, length);
    element.whole = m_rest.first(headerSize + length);
    m_rest = m_rest.sliced(headerSize + length);
    return element;
}

std::optional<DerElement> readSingleElement(QByteArrayView bytes)
{
    DerReader reader(bytes);
    auto element = reader.next();
    if (!element || !reader.atEnd())
        return std::nullopt;
    return element;
}

std::optional<qint64> derIntegerValue(const DerElement& element)
{
    const bool integerTag = element.tag == V_ASN1_INTEGER || element.tag == V_ASN1_ENUMERATED;
    if (element.tagClass != V_ASN1_UNIVERSAL || !integerTag || element.constructed)
        return std::nullopt;
    // Eight bytes hold any value the attestation formats use; longer is refused, not truncated.
    if (element.content.isEmpty() || element.content.size() > 8)
        return std::nullopt;
    // Sign-extend from the first byte, then shift in the rest as unsigned (no signed overflow).
    quint64 bits = (element.content.front() & 0x80) ? ~quint64(0) : 0;
    for (const char byte : element.content)
        bits = (bits << 8) | static_cast<unsigned char>(byte);
    return static_cast<qint64>(bits);
}

} // namespace latchkey::webauthn
