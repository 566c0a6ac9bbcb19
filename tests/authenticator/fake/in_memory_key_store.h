#pragma once

#include "authenticator/ec_p256_key.h"
#include "authenticator/key_store.h"

#include <QHash>

namespace latchkey::authenticator {

// A KeyStore that forgets everything when destroyed: fast unit tests, and a model of the
// contract the persistent stores keep.
class InMemoryKeyStore final : public KeyStore {
public:
    // The software store's: a stand-in for it in tests.
    QByteArray aaguid() const override;
    KeyStoreResult<CreatedKey> createKey(const QByteArray& credentialId) override;
    KeyStoreResult<QByteArray> sign(const KeyHandle& handle, QByteArrayView data) override;
    KeyStoreResult<void> deleteKey(const KeyHandle& handle) override;
    KeyStoreResult<void> saveCredential(const CredentialRecord& record) override;
    KeyStoreResult<std::optional<CredentialRecord>>
    findCredential(const QString& rpId, const QByteArray& credentialId) override;
    KeyStoreResult<QList<CredentialRecord>> discoverableCredentials(const QString& rpId) override;
    KeyStoreResult<quint32> incrementSignCount(const QByteArray& credentialId) override;

    qsizetype keyCount() const { return m_keys.size(); }
    qsizetype credentialCount() const { return m_records.size(); }

private:
    QHash<KeyHandle, EcP256Key> m_keys;
    QHash<QByteArray, CredentialRecord> m_records;
    QList<QByteArray> m_order; // credential ids, oldest first
};

} // namespace latchkey::authenticator
