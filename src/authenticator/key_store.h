#pragma once

#include "authenticator/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace latchkey::authenticator {

// Opaque to the authenticator: the store alone knows what it names (for the software store, the
// credential id the key is sealed to; for a TPM, a key blob).
using KeyHandle = QByteArray;

struct CreatedKey {
    KeyHandle handle;
    QByteArray publicPoint; // uncompressed SEC1 P-256 point: 0x04 || x || y (65 bytes)
};

// What an authenticator remembers about one credential. Discoverable credentials are found by
// rpId alone; the others only through an allowList.
struct CredentialRecord {
    QByteArray credentialId;
    KeyHandle keyHandle;
    QString rpId;
    QByteArray userHandle;
    QString userName;
    QString userDisplayName;
    quint32 signCount = 0;
    bool discoverable = false;
    QDateTime createdAt;
};

// Holds ES256 private keys and the credentials that use them. Implementations keep private keys
// out of reach of the caller: only public points and signatures come out.
class KeyStore {
public:
    virtual ~KeyStore() = default;

    // The AAGUID written into the credentials this store makes: each store has its own, so a
    // relying party (our own profile page) can tell where a passkey's key is kept.
    virtual QByteArray aaguid() const = 0;

    // A new P-256 key, persisted under a handle derived from credentialId.
    virtual KeyStoreResult<CreatedKey> createKey(const QByteArray& credentialId) = 0;
    // ECDSA with SHA-256 over data, DER encoded (as WebAuthn ES256 signatures are).
    virtual KeyStoreResult<QByteArray> sign(const KeyHandle& handle, QByteArrayView data) = 0;
    // Removes the key and the credential record that uses it.
    virtual KeyStoreResult<void> deleteKey(const KeyHandle& handle) = 0;

    // Stores or replaces the record of record.credentialId (its key must exist).
    virtual KeyStoreResult<void> saveCredential(const CredentialRecord& record) = 0;
    virtual KeyStoreResult<std::optional<CredentialRecord>>
    findCredential(const QString& rpId, const QByteArray& credentialId) = 0;
    // Discoverable credentials of rpId, newest first.
    virtual KeyStoreResult<QList<CredentialRecord>>
    discoverableCredentials(const QString& rpId) = 0;
    // Adds one to the credential's counter, persists it and returns the new value.
    virtual KeyStoreResult<quint32> incrementSignCount(const QByteArray& credentialId) = 0;
};

} // namespace latchkey::authenticator
