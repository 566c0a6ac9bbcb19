#pragma once

#include "store/database.h"
#include "store/store_error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace latchkey::store {

// A passkey just verified at registration, ready to be stored.
struct NewCredential {
    qint64 userId = 0;
    QByteArray credentialId; // 1..1023 bytes
    QByteArray publicKey;    // the COSE_Key bytes as the authenticator sent them
    quint32 signCount = 0;
    QStringList transports;    // e.g. {"internal", "hybrid"}; stored as JSON
    QByteArray aaguid;         // 16 bytes, or empty when unknown
    QString attestationFormat; // "none", "packed", ...
    bool backupEligible = false;
    bool backupState = false;
    QString nickname;
};

struct Credential {
    qint64 id = 0; // row id: internal
    qint64 userId = 0;
    QByteArray credentialId;
    QByteArray publicKey;
    quint32 signCount = 0;
    QStringList transports;
    QByteArray aaguid;
    QString attestationFormat;
    bool backupEligible = false;
    bool backupState = false;
    QString nickname;
    QDateTime createdAt;                 // UTC, millisecond precision
    std::optional<QDateTime> lastUsedAt; // empty until the first sign-in
};

// Passkeys of profiles. Credentials are named by their WebAuthn credential id; rename and
// remove also take the owner, so one profile can never change another's passkey.
class CredentialStore {
public:
    explicit CredentialStore(Database& database);

    // Conflict when the credential id is already registered; NotFound when the user does
    // not exist; Invalid when the id is empty or longer than 1023 bytes or the key is empty.
    StoreResult<Credential> add(const NewCredential& newCredential);

    // The passkey, an empty optional when none has this id, or an error (Io, Busy) when the
    // database could not be read: never "none" or "no passkeys" for a read that failed.
    StoreLookup<Credential> findByCredentialId(const QByteArray& credentialId) const;
    StoreResult<QList<Credential>> listForUser(qint64 userId) const; // oldest first
    StoreResult<qint64> countForUser(qint64 userId) const;
    // Every registered credential id, of every profile (read in one statement, so one snapshot).
    StoreResult<QList<QByteArray>> allCredentialIds() const;

    // Records a verified sign-in. The caller (webauthn) has already checked the counter.
    StoreResult<void> updateAfterSignIn(const QByteArray& credentialId, quint32 signCount,
                                        bool backupState, const QDateTime& lastUsedAt);
    StoreResult<void> rename(qint64 userId, const QByteArray& credentialId,
                             const QString& nickname);
    StoreResult<void> remove(qint64 userId, const QByteArray& credentialId);
    // The same, and every other session of that profile ends with it (its challenges go by
    // cascade), in one transaction: whoever signed in elsewhere, perhaps with the passkey being
    // removed, is signed out. keepSessionId is the session that asked.
    StoreResult<void> removeEndingOtherSessions(qint64 userId, const QByteArray& credentialId,
                                                qint64 keepSessionId);

private:
    Database& m_database;
};

} // namespace latchkey::store
