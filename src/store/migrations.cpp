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

} // namespace

const QList<Migration>& migrations()
{
    static const QList<Migration> steps{usersTable(), credentialsTable()};
    return steps;
}

} // namespace latchkey::store
