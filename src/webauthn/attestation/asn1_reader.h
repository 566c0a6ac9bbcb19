#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace latchkey::webauthn {

// One DER element as OpenSSL's ASN1_get_object reads it: tag number and class
// (V_ASN1_UNIVERSAL, V_ASN1_CONTEXT_SPECIFIC, ...), and the content bytes.
struct DerElement {
    int tag = 0;
    int tagClass = 0;
    bool constructed = false;
    QByteArrayView content;
    QByteArrayView whole; // header and content, for d2i_* decoders
};

// Walks the DER elements that follow each other in a buffer (the contents of a SEQUENCE or
// SET). Rejects indefinite lengths and lengths that run past the buffer.
class DerReader {
public:
    explicit DerReader(QByteArrayView bytes) : m_rest(bytes) {}

    bool atEnd() const { return m_rest.isEmpty(); }
    bool failed() const { return m_failed; }
    // The next element, or nullopt at the end or on malformed input (then failed() is true).
    std::optional<DerElement> next();

private:
    QByteArrayView m_rest;
    bool m_failed = false;
};

// Reads exactly one element spanning all of bytes.
std::optional<DerElement> readSingleElement(QByteArrayView bytes);

// Decodes a DER INTEGER or ENUMERATED content as a signed 64-bit value.
std::optional<qint64> derIntegerValue(const DerElement& element);

} // namespace latchkey::webauthn
