#include "server/one_time_tokens.h"

#include "server/guards.h"

#include <QRandomGenerator>
#include <array>

namespace latchkey::server {

namespace {

// Enough for any developer session; old links stop working rather than piling up.
constexpr qsizetype kMaxPending = 16;

} // namespace

QByteArray OneTimeTokens::issue()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char*>(words.data()),
                         static_cast<qsizetype>(sizeof(words)));
    const QByteArray token =
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (m_tokens.size() >= kMaxPending)
        m_tokens.removeFirst();
    m_tokens.append(token);
    return token;
}

bool OneTimeTokens::redeem(const QByteArray& token)
{
    // Visit every entry so the time taken does not depend on which one matched.
    qsizetype match = -1;
    for (qsizetype i = 0; i < m_tokens.size(); ++i) {
        if (constantTimeEquals(m_tokens.at(i), token))
            match = i;
    }
    if (match < 0)
        return false;
    m_tokens.removeAt(match);
    return true;
}

} // namespace latchkey::server
