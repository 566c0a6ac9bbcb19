#include "server/one_time_tokens.h"

#include "core/base64url.h"
#include "core/constant_time.h"

#include <QRandomGenerator>
#include <array>

namespace latchkey::server {

namespace {

// Enough for any developer session; old links stop working rather than piling up.
constexpr qsizetype kMaxPending = 16;

} // namespace

QByteArray OneTimeTokens::issue(const QDateTime& now)
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char*>(words.data()),
                         static_cast<qsizetype>(sizeof(words)));
    const QByteArray token = core::encodeBase64Url(raw);
    if (m_tokens.size() >= kMaxPending)
        m_tokens.removeFirst();
    m_tokens.append({token, now});
    return token;
}

bool OneTimeTokens::redeem(const QByteArray& token, const QDateTime& now)
{
    // Visit every entry so the time taken does not depend on which one matched.
    qsizetype match = -1;
    for (qsizetype i = 0; i < m_tokens.size(); ++i) {
        if (core::constantTimeEquals(m_tokens.at(i).token, token))
            match = i;
    }
    if (match < 0)
        return false;
    const QDateTime issuedAt = m_tokens.takeAt(match).issuedAt;
    const qint64 age = issuedAt.msecsTo(now);
    return age >= 0 && age <= std::chrono::milliseconds(kLifetime).count();
}

} // namespace latchkey::server
