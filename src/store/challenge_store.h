#pragma once

#include "store/database.h"
#include "store/store_error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <chrono>
#include <optional>

namespace latchkey::store {

enum class ChallengePurpose { Registration, Authentication };

// "registration" or "authentication": the value kept in the purpose column.
QString purposeName(ChallengePurpose purpose);

// A pending WebAuthn challenge. The bytes themselves are not kept (only their SHA-256):
// whoever consumes one already holds them.
struct Challenge {
    qint64 sessionId = 0;
    ChallengePurpose purpose = ChallengePurpose::Authentication;
    std::optional<qint64> userId; // the profile registering, or named first at sign-in
    QDateTime createdAt;          // UTC, millisecond precision
    QDateTime expiresAt;
};

// WebAuthn challenges, bound to a server-side session and used at most once. One pending
// challenge per session and purpose: issuing a new one replaces the older. The clock is
// passed in, never read here.
class ChallengeStore {
public:
    static constexpr qsizetype minimumSize = 16; // WebAuthn L3 §13.4.3: at least 16 bytes
    static constexpr qsizetype defaultSize = 32;
    static constexpr std::chrono::milliseconds defaultLifetime{std::chrono::minutes(5)};

    explicit ChallengeStore(Database& database);

    // Invalid when the challenge is shorter than minimumSize, the lifetime is not positive
    // or now is not valid; NotFound when the session is not live at now (by the rule
    // SessionStore::findValid applies) or the profile does not exist.
    StoreResult<Challenge> issue(qint64 sessionId, ChallengePurpose purpose,
                                 std::optional<qint64> userId, const QByteArray& challenge,
                                 const QDateTime& now,
                                 std::chrono::milliseconds lifetime = defaultLifetime);

    // Single use: reads and deletes the session's pending challenge for purpose in one
    // transaction, so of two concurrent calls exactly one succeeds. NotFound when the
    // session has none for that purpose (never issued, already used, issued to another
    // session or for another purpose), or when it or its session has expired (it is
    // deleted then too); Invalid when the bytes differ from the ones issued (the pending
    // challenge is kept then).
    StoreResult<Challenge> consume(qint64 sessionId, ChallengePurpose purpose,
                                   const QByteArray& challenge, const QDateTime& now);

    // Deletes every challenge at or past its expiry; returns how many.
    StoreResult<qint64> purgeExpired(const QDateTime& now);

    // size bytes from the system's CSPRNG, for the caller to issue and send to the page.
    static QByteArray randomChallenge(qsizetype size = defaultSize);

private:
    Database& m_database;
};

} // namespace latchkey::store
