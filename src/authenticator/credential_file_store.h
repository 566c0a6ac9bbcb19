#pragma once

#include "authenticator/key_store.h"
#include "authenticator/software/key_file_lock.h"

#include <QCborMap>
#include <QHash>
#include <QLatin1String>
#include <QList>
#include <QSet>
#include <QString>
#include <chrono>
#include <optional>

namespace latchkey::authenticator {

// The file machinery both key stores share: keys and credential records in one file, written
// atomically and durably with mode 0600 (writePrivateFile). Each entry is sealed as a whole
// (its key material and record, AES-256-GCM, a fresh random nonce per write, the credential id
// as associated data), so neither a key nor its rpId, user handle or counter can be read or
// changed without the sealing key, which a SealingKeyProvider keeps elsewhere. Only credential
// ids are in clear. What the key material is belongs to the store that derives from this one
// (the software store: a private scalar; the TPM store: the TPM's wrapped key blob).
//
// load() reads and checks every entry: one that fails its integrity check, or whose key
// material the derived store refuses, fails the load, and nothing is used.
//
// Several processes may use one file (two app instances on one data folder, the app and a
// tool). Every change takes an inter-process lock beside the file (KeyFileLock), re-reads the
// file under it, applies the change to what it read and writes the whole file back before
// releasing the lock, so no process writes back a stale copy. Every lookup first re-reads the
// file if another process changed it since this one last read or wrote it (writes are atomic
// renames, so a lookup needs no lock).
//
// Key handles are credential ids. The derived store implements createKey() with addKey() and
// sign() with keyMaterial().
class CredentialFileStore : public KeyStore {
public:
    ~CredentialFileStore() override;

    KeyStoreResult<void> deleteKey(const KeyHandle& handle) override;
    KeyStoreResult<void> saveCredential(const CredentialRecord& record) override;
    KeyStoreResult<std::optional<CredentialRecord>>
    findCredential(const QString& rpId, const QByteArray& credentialId) override;
    KeyStoreResult<QList<CredentialRecord>> discoverableCredentials(const QString& rpId) override;
    KeyStoreResult<quint32> incrementSignCount(const QByteArray& credentialId) override;

    const QString& path() const { return m_path; }

    // Removes, in one change under the lock, the keys nobody can use any more: the credentials
    // of rpId that no passkey of the relying party claims (their credential id is not in
    // claimed) and whose record was made before madeBefore, and the keys that never got a
    // record (a process ended between addKey and saveCredential; no page ever received them).
    // The caller picks madeBefore so that no ceremony that could still claim such a key is
    // pending (the relying party's ceremony timeout ago: its challenge came before the key).
    // Writes nothing when there is nothing to remove. Returns the credential ids removed.
    KeyStoreResult<QList<QByteArray>> removeUnclaimed(const QString& rpId,
                                                      const QSet<QByteArray>& claimed,
                                                      const QDateTime& madeBefore);

protected:
    // format: the file's "format" field, which tells one store's file from another's.
    CredentialFileStore(QString path, QLatin1String format, QByteArray sealingKey,
                        std::chrono::milliseconds lockWait);

    // Reads the file (no file: no keys); the derived store's open() calls it once constructed.
    KeyStoreResult<void> load() { return refresh(); }
    // Stores a new key's material under credentialId (which must be new and not empty).
    KeyStoreResult<void> addKey(const QByteArray& credentialId, const QCborMap& material);
    // The key material of handle, from the file as it is now.
    KeyStoreResult<QCborMap> keyMaterial(const KeyHandle& handle);

    // Whether material read from the file is a usable key of this store (Corrupt otherwise).
    // Its field names must differ from the record's (rpId, userHandle, userName, displayName,
    // signCount, discoverable, createdAt).
    virtual KeyStoreResult<void> checkKeyMaterial(const QCborMap& material) const = 0;

private:
    struct Entry {
        QCborMap material;
        std::optional<CredentialRecord> record; // absent between addKey and saveCredential
        // The box as last read or written; empty once changed, so the next write seals it anew.
        // An unchanged entry keeps its box, so re-reading the file need not open it again.
        QByteArray sealed;
    };
    struct Contents {
        QHash<QByteArray, Entry> entries;
        QList<QByteArray> order; // credential ids, oldest first
    };

    // The ids removeUnclaimed() drops from contents.
    static QList<QByteArray> unclaimedIds(const Contents& contents, const QString& rpId,
                                          const QSet<QByteArray>& claimed,
                                          const QDateTime& madeBefore);
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
    QLatin1String m_format;
    QByteArray m_sealingKey;
    std::chrono::milliseconds m_lockWait;
    Contents m_contents;
    QByteArray m_fileBytes; // the file as last read or written (empty: no file)
};

} // namespace latchkey::authenticator
