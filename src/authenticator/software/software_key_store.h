#pragma once

#include "authenticator/ec_p256_key.h"
#include "authenticator/key_store.h"
#include "authenticator/software/key_file_lock.h"
#include "authenticator/software/sealing_key_provider.h"

#include <QHash>
#include <QList>
#include <QString>
#include <chrono>
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
//
// Several processes may use one file (two app instances on one data folder, the app and a
// tool). Every change takes an inter-process lock beside the file (KeyFileLock), re-reads the
// file under it, applies the change to what it read and writes the whole file back before
// releasing the lock, so no process writes back a stale copy. Every lookup first re-reads the
// file if another process changed it since this one last read or wrote it (writes are atomic
// renames, so a lookup needs no lock).
class SoftwareKeyStore final : public KeyStore {
public:
    // lockWait: how long a change waits for another process's change before failing with Io.
    static KeyStoreResult<std::unique_ptr<SoftwareKeyStore>>
    open(const QString& path, SealingKeyProvider& sealing,
         std::chrono::milliseconds lockWait = kKeyFileLockWait);
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
        // The box as last read or written; empty once changed, so the next write seals it anew.
        // An unchanged entry keeps its box, so re-reading the file need not open it again.
        QByteArray sealed;
    };
    struct Contents {
        QHash<QByteArray, Entry> entries;
        QList<QByteArray> order; // credential ids, oldest first
    };

    SoftwareKeyStore(QString path, QByteArray sealingKey, std::chrono::milliseconds lockWait);

    // Re-reads the file when its bytes differ from those this store last read or wrote.
    KeyStoreResult<void> refresh();
    KeyStoreResult<Contents> parse(const QByteArray& bytes) const;
    KeyStoreResult<Entry> openEntry(const QByteArray& id, const QByteArray& sealed) const;
    // Seals the entries that changed and serializes all of them.
    KeyStoreResult<QByteArray> serialize(Contents& contents) const;
    KeyStoreResult<QJsonObject> sealEntry(const QByteArray& credentialId, Entry& entry) const;
    // Under the lock, on freshly read contents: change edits a copy, which is written and only
    // then becomes this store's state. A failed change or write leaves file and state as were.
    template <typename T, typename Change> KeyStoreResult<T> update(Change&& change);

    QString m_path;
    QByteArray m_sealingKey;
    std::chrono::milliseconds m_lockWait;
    Contents m_contents;
    QByteArray m_fileBytes; // the file as last read or written (empty: no file)
};

} // namespace latchkey::authenticator
