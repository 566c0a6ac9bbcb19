#include "fake_cbor.h"

namespace fake_webauthn {

CborWriter& CborWriter::head(std::uint8_t major, std::uint64_t value)
{
    const std::uint8_t type = static_cast<std::uint8_t>(major << 5);
    if (value < 24) {
        m_out.push_back(static_cast<std::uint8_t>(type | value));
        return *this;
    }
    int size = value <= 0xFF ? 1 : value <= 0xFFFF ? 2 : value <= 0xFFFFFFFFu ? 4 : 8;
    const std::uint8_t extra = size == 1 ? 24 : size == 2 ? 25 : size == 4 ? 26 : 27;
    m_out.push_back(static_cast<std::uint8_t>(type | extra));
    for (int shift = (size - 1) * 8; shift >= 0; shift -= 8)
        m_out.push_back(static_cast<std::uint8_t>(value >> shift));
    return *this;
}

CborWriter& CborWriter::integer(std::int64_t value)
{
    if (value >= 0)
        return head(0, static_cast<std::uint64_t>(value));
    return head(1, static_cast<std::uint64_t>(-1 - value));
}

CborWriter& CborWriter::bytes(const Bytes& value)
{
    head(2, value.size());
    m_out.insert(m_out.end(), value.begin(), value.end());
    return *this;
}

CborWriter& CborWriter::text(const std::string& value)
{
    head(3, value.size());
    m_out.insert(m_out.end(), value.begin(), value.end());
    return *this;
}

CborWriter& CborWriter::raw(const Bytes& encoded)
{
    m_out.insert(m_out.end(), encoded.begin(), encoded.end());
    return *this;
}

} // namespace fake_webauthn
