#pragma once

#include <QByteArray>
#include <QList>

namespace latchkey::server {

// Single-use tokens for the --serve link: each opens the pages in one browser, once.
class OneTimeTokens {
public:
    // A fresh random token (32 bytes, base64url without padding).
    QByteArray issue();
    // True once per issued token; the token is spent by this call.
    bool redeem(const QByteArray& token);
    qsizetype pending() const { return m_tokens.size(); }

private:
    QList<QByteArray> m_tokens;
};

} // namespace latchkey::server
