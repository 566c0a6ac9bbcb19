#pragma once

// The few CBOR items (RFC 8949) an attestation object and a COSE key need, written by hand:
// Debian ships no CBOR library built for mingw-w64. Only the fake uses this; the product
// reads CBOR with QCborValue.

#include <cstdint>
#include <string>
#include <vector>

namespace fake_webauthn {

using Bytes = std::vector<std::uint8_t>;

class CborWriter {
public:
    CborWriter& mapHeader(std::uint64_t entries) { return head(5, entries); }
    CborWriter& integer(std::int64_t value);
    CborWriter& bytes(const Bytes& value);
    CborWriter& text(const std::string& value);
    CborWriter& raw(const Bytes& encoded); // an item already encoded
    const Bytes& encoded() const { return m_out; }

private:
    CborWriter& head(std::uint8_t major, std::uint64_t value);
    Bytes m_out;
};

} // namespace fake_webauthn
