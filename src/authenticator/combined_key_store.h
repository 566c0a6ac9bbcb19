#pragma once

#include "authenticator/key_store.h"

#include <QList>

namespace latchkey::authenticator {

// Several key stores seen as one: new keys go to the first (the store this computer prefers),
// while the credentials of every store stay usable, so passkeys kept by the software store
// before a TPM became reachable still sign in. A key handle carries the index of its store in
// its first byte; everything a store returns goes back to that same store.
//
// The stores must outlive it. A lookup fails if any store fails (an unreadable store must not
// look like "no passkey here").
class CombinedKeyStore final : public KeyStore {
public:
    // stores: not empty, the preferred one first; at most 255.
    explicit CombinedKeyStore(QList<KeyStore*> stores);

    QByteArray aaguid() const override;
    KeyStoreResult<CreatedKey> createKey(const QByteArray& credentialId) override;
    KeyStoreResult<QByteArray> sign(const KeyHandle& handle, QByteArrayView data) override;
    KeyStoreResult<void> deleteKey(const KeyHandle& handle) override;
    KeyStoreResult<void> saveCredential(const CredentialRecord& record) override;
    KeyStoreResult<std::optional<CredentialRecord>>
    findCredential(const QString& rpId, const QByteArray& credentialId) override;
    KeyStoreResult<QList<CredentialRecord>> discoverableCredentials(const QString& rpId) override;
    KeyStoreResult<quint32> incrementSignCount(const QByteArray& credentialId) override;

private:
    struct Routed {
        KeyStore* store = nullptr;
        KeyHandle handle; // the store's own handle
    };
    KeyStoreResult<Routed> route(const KeyHandle& handle) const;
    static KeyHandle tagged(qsizetype index, const KeyHandle& handle);
    static CredentialRecord tagged(qsizetype index, CredentialRecord record);

    QList<KeyStore*> m_stores;
};

} // namespace latchkey::authenticator
