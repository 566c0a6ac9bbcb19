#pragma once

#include "store/database.h"
#include "store/store_error.h"
#include "webauthn/ceremony_state.h"

#include <QDateTime>
#include <QString>
#include <chrono>
#include <optional>

namespace latchkey::store {

enum class ChallengePurpose { Registration, Authentication };

// "registration" or "authentication": the value kept in the purpose column.
QString purposeName(ChallengePurpose purpose);

// A WebAuthn ceremony waiting for its answer: the relying party's state (challenge, expected
// user, allowed credentials, UV requirement, expiry) and what binds it here.
struct PendingCeremony {
    qint64 sessionId = 0;
    ChallengePurpose purpose = ChallengePurpose::Authentication;
    std::optional<qint64> userId; // the profile registering, or named first at sign-in
    QDateTime createdAt;          // UTC, millisecond precision
    QDateTime expiresAt;          // the state's expiresAt
    webauthn::CeremonyState state;
};

// Pending WebAuthn ceremonies, bound to a server-side session and handed back at most once.
// One per session and purpose: issuing a new one replaces the older. The store keeps the
// state (serialised, CeremonyState::toCbor) and never compares a challenge itself: the
// verifier does (RelyingParty::finish*). The clock is passed in, never read here.
class ChallengeStore {
public:
    static constexpr std::chrono::milliseconds longestLifetime{std::chrono::hours(1)};

    explicit ChallengeStore(Database& database);

    // Keeps state until state.expiresAt. Invalid when its challenge is shorter than 16 bytes
    // (WebAuthn L3 §13.4.3), its expiry is not after now or more than longestLifetime away,
    // or now is not valid; NotFound when the session is not live at now (by the rule
    // SessionStore::findValid applies) or the profile does not exist.
    StoreResult<PendingCeremony> issue(qint64 sessionId, ChallengePurpose purpose,
                                       std::optional<qint64> userId,
                                       const webauthn::CeremonyState& state, const QDateTime& now);

    // Single use: reads and deletes the session's pending ceremony for purpose in one
    // transaction, so of two concurrent calls exactly one gets it, and whatever the answer
    // turns out to be (a wrong challenge included) it has been spent. NotFound when the
    // session has none for that purpose (never issued, already used, issued to another
    // session or for another purpose), or when it or its session has expired (it is deleted
    // then too); Invalid when the stored state cannot be read (deleted as well).
    StoreResult<PendingCeremony> take(qint64 sessionId, ChallengePurpose purpose,
                                      const QDateTime& now);

    // Deletes every pending ceremony at or past its expiry; returns how many.
    StoreResult<qint64> purgeExpired(const QDateTime& now);

private:
    Database& m_database;
};

} // namespace latchkey::store
