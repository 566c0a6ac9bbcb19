#pragma once

#include "store/database.h"
#include "store/store_error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace latchkey::store {

// A profile as the server hands it over: already validated and NFC-normalized (the store
// does not check lengths or characters; it enforces not-null, uniqueness and keys).
struct NewUser {
    QString username;
    QString displayName;
    QString email;
};

struct User {
    qint64 id = 0;    // row id: internal, never shown to a page
    QString uid;      // random UUID without braces: the public identifier
    QString username; // as entered
    QString displayName;
    QString email;
    QByteArray userHandle; // 32 random bytes: the WebAuthn user.id
    QDateTime createdAt;   // UTC, millisecond precision
};

// Profiles. Usernames and emails are unique in any letter case, non-ASCII included: the
// store keeps a case-folded key of each beside the value and lets UNIQUE constraints decide.
class UserStore {
public:
    explicit UserStore(Database& database);

    // Conflict when the username or email is taken in any letter case; writes nothing then.
    StoreResult<User> create(const NewUser& newUser);

    // Each lookup gives the profile, an empty optional when there is none, or an error (Io,
    // Busy) when the database could not be read: never "none" for a read that failed.
    StoreLookup<User> findById(qint64 id) const;
    StoreLookup<User> findByUid(const QString& uid) const;
    // Case-insensitive; a username match wins over an email match.
    StoreLookup<User> findByLogin(const QString& usernameOrEmail) const;
    StoreLookup<User> findByUserHandle(const QByteArray& userHandle) const;

    // Deletes the profile and, by cascade, its credentials. NotFound when there is none.
    StoreResult<void> remove(qint64 id);
    StoreResult<qint64> count() const;

    // The key the uniqueness of usernames and emails is decided on: NFC, then case-folded.
    static QString loginKey(const QString& value);

private:
    Database& m_database;
};

} // namespace latchkey::store
