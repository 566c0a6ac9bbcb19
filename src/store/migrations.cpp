#include "store/migrations.h"

namespace latchkey::store {

namespace {

// Timestamps are INTEGER milliseconds since the Unix epoch, UTC, everywhere.
// *_key columns hold the NFC, case-folded form that uniqueness is decided on: SQLite's
// NOCASE folds ASCII only, so "ÉLODIE" and "élodie" would otherwise be two profiles.
Migration usersTable()
{
    return {1, QStringLiteral("profiles"), {QStringLiteral(R"sql(
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE CHECK (length(uid) = 36),
    username TEXT NOT NULL CHECK (username <> ''),
    username_key TEXT NOT NULL UNIQUE CHECK (username_key <> ''),
    display_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL CHECK (email <> ''),
    email_key TEXT NOT NULL UNIQUE CHECK (email_key <> ''),
    user_handle BLOB NOT NULL UNIQUE
        CHECK (typeof(user_handle) = 'blob' AND length(user_handle) = 32),
    created_at INTEGER NOT NULL
))sql")}};
}

Migration credentialsTable()
{
    return {2,
            QStringLiteral("passkeys"),
            {QStringLiteral(R"sql(
CREATE TABLE credentials (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_id BLOB NOT NULL UNIQUE
        CHECK (typeof(credential_id) = 'blob' AND length(credential_id) BETWEEN 1 AND 1023),
    public_key BLOB NOT NULL CHECK (typeof(public_key) = 'blob' AND length(public_key) > 0),
    sign_count INTEGER NOT NULL DEFAULT 0 CHECK (sign_count BETWEEN 0 AND 4294967295),
    transports TEXT NOT NULL DEFAULT '[]',
    aaguid BLOB CHECK (aaguid IS NULL OR length(aaguid) = 16),
    attestation_format TEXT NOT NULL DEFAULT 'none',
    backup_eligible INTEGER NOT NULL DEFAULT 0 CHECK (backup_eligible IN (0, 1)),
    backup_state INTEGER NOT NULL DEFAULT 0
        CHECK (backup_state IN (0, 1) AND backup_state <= backup_eligible),
    nickname TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    last_used_at INTEGER
))sql"),
             // listForUser, countForUser and the cascade on user delete all look up by owner.
             QStringLiteral("CREATE INDEX credentials_user_id ON credentials(user_id)")}};
}

// Only SHA-256 of the session token is kept, so a copied database file yields no live
// session. user_id is empty before sign-in: such a session exists to bind a challenge to.
// The idle timeout is kept per row so a session keeps the policy it was created with.
// AUTOINCREMENT: a session id is never reused, so a stale id can never name another session.
Migration sessionsTable()
{
    return {3,
            QStringLiteral("sessions"),
            {QStringLiteral(R"sql(
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash BLOB NOT NULL UNIQUE
        CHECK (typeof(token_hash) = 'blob' AND length(token_hash) = 32),
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    idle_timeout_ms INTEGER NOT NULL CHECK (idle_timeout_ms > 0),
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL CHECK (expires_at > created_at)
))sql"),
             // removeAllForUser and the cascade on user delete look up by owner.
             QStringLiteral("CREATE INDEX sessions_user_id ON sessions(user_id)")}};
}

// One pending challenge per session and purpose (a new one replaces the old). Only its
// SHA-256 is kept: consuming needs the bytes the client sends back, never the stored ones.
Migration challengesTable()
{
    return {4,
            QStringLiteral("WebAuthn challenges"),
            {QStringLiteral(R"sql(
CREATE TABLE challenges (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('registration', 'authentication')),
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    challenge_hash BLOB NOT NULL
        CHECK (typeof(challenge_hash) = 'blob' AND length(challenge_hash) = 32),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL CHECK (expires_at > created_at),
    UNIQUE (session_id, purpose)
))sql"),
             // The cascade on user delete looks up by user; UNIQUE above serves session_id.
             QStringLiteral("CREATE INDEX challenges_user_id ON challenges(user_id)")}};
}

// The relying party's whole ceremony state (webauthn::CeremonyState as CBOR) replaces the
// challenge's hash: the verifier compares the challenge, the store only keeps and returns
// the state. Pending ceremonies live minutes, so the old rows are dropped, not converted:
// a ceremony in flight during the upgrade starts again.
Migration challengeStatesTable()
{
    return {5,
            QStringLiteral("WebAuthn ceremony states"),
            {QStringLiteral("DROP TABLE challenges"), QStringLiteral(R"sql(
CREATE TABLE challenges (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('registration', 'authentication')),
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    state BLOB NOT NULL
        CHECK (typeof(state) = 'blob' AND length(state) BETWEEN 1 AND 1048576),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL CHECK (expires_at > created_at),
    UNIQUE (session_id, purpose)
))sql"),
             QStringLiteral("CREATE INDEX challenges_user_id ON challenges(user_id)")}};
}

// A session is ordinary or a recovery sign-in (SessionKind): the latter, granted by a
// recovery code or an emailed link, may only register a new passkey and remove lost ones.
// Existing sessions are ordinary.
Migration sessionKinds()
{
    return {6,
            QStringLiteral("recovery sign-in sessions"),
            {QStringLiteral("ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT "
                            "'ordinary' CHECK (kind IN ('ordinary', 'recovery'))")}};
}

} // namespace

const QList<Migration>& migrations()
{
    static const QList<Migration> steps{usersTable(),      credentialsTable(),     sessionsTable(),
                                        challengesTable(), challengeStatesTable(), sessionKinds()};
    return steps;
}

} // namespace latchkey::store
