#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <chrono>

namespace latchkey::server {

// Single-use tokens for the --serve link: each opens the pages in one browser, once, and only
// within kLifetime of being issued (the link sits in a terminal, maybe in a process list when
// it is handed to a browser: a short life leaves little time to anyone who saw it).
class OneTimeTokens {
public:
    static constexpr std::chrono::seconds kLifetime{120};

    // A fresh random token (32 bytes, base64url without padding), issued at now.
    QByteArray issue(const QDateTime& now);
    // True once per issued token that is not older than kLifetime at now; the token is spent
    // by this call either way.
    bool redeem(const QByteArray& token, const QDateTime& now);
    qsizetype pending() const { return m_tokens.size(); }

private:
    struct Pending {
        QByteArray token;
        QDateTime issuedAt;
    };
    QList<Pending> m_tokens;
};

} // namespace latchkey::server
