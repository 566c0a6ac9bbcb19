#pragma once

#include "authenticator/ec_p256_key.h"
#include "authenticator/key_store.h"
#include "authenticator/software/sealing_key_provider.h"

#include <QHash>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace latchkey::authenticator {

// Keys and credential records in one file (e.g. <data folder>/keys.json), written atomically
// with mode 0600. Each entry is sealed as a whole (private scalar and record, AES-256-GCM, a
// fresh random nonce per write, the credential id as associated data), so neither a key nor
// its rpId, user handle or counter can be read or changed without the sealing key, which a
// SealingKeyProvider keeps elsewhere. Only credential ids are in clear.
//
// open() reads and checks every entry: one that fails its integrity check fails the open, and
// nothing is used. Private keys are held in memory while the store is open.
class SoftwareKeyStore final : public KeyStore {
public:
    static KeyStoreResult<std::unique_ptr<SoftwareKeyStore>> open(const QString& path,
                                                                  SealingKeyProvider& sealing);
    ~SoftwareKeyStore() override;

    KeyStoreResult<CreatedKey> createKey(const QByteArray& credentialId) override;
    KeyStoreResult<QByteArray> sign(const KeyHandle& handle, QByteArrayView data) override;
    KeyStoreResult<void> deleteKey(const KeyHandle& handle) override;
    KeyStoreResult<void> saveCredential(const CredentialRecord& record) override;
    KeyStoreResult<std::optional<CredentialRecord>>
    findCredential(const QString& rpId, const QByteArray& credentialId) override;
    KeyStoreResult<QList<CredentialRecord>> discoverableCredentials(const QString& rpId) override;
    KeyStoreResult<quint32> incrementSignCount(const QByteArray& credentialId) override;

    const QString& path() const { return m_path; }

private:
    struct Entry {
        EcP256Key key;
        std::optional<CredentialRecord> record; // absent between createKey and saveCredential
    };

    SoftwareKeyStore(QString path, QByteArray sealingKey);

    KeyStoreResult<void> load();
    KeyStoreResult<void> loadEntry(const QJsonObject& json);
    // Writes all entries; on failure the in-memory state is restored by the caller.
    KeyStoreResult<void> persist() const;
    KeyStoreResult<QJsonObject> sealEntry(const QByteArray& credentialId, const Entry& entry) const;

    QString m_path;
    QByteArray m_sealingKey;
    QHash<QByteArray, Entry> m_entries;
    QList<QByteArray> m_order; // credential ids, oldest first
};

} // namespace latchkey::authenticator
