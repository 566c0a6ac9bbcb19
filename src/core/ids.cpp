#include "core/ids.h"

#include "core/base64url.h"
#include "core/constant_time.h"

#include <openssl/rand.h>

namespace latchkey::core {

std::optional<Challenge> Challenge::random(qsizetype length)
{
    if (length < kMinimumLength)
        return std::nullopt;
    QByteArray bytes(length, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(length)) != 1)
        return std::nullopt;
    return Challenge(std::move(bytes));
}

QString Challenge::toBase64Url() const
{
    return encodeBase64UrlString(m_bytes);
}

bool Challenge::matches(QByteArrayView presented) const
{
    return !m_bytes.isEmpty() && constantTimeEquals(m_bytes, presented);
}

} // namespace latchkey::core
