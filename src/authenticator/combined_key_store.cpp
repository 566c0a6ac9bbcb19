#include "authenticator/combined_key_store.h"

#include <QCoreApplication>
#include <algorithm>

namespace latchkey::authenticator {
namespace {

KeyStoreError unknownHandle()
{
    return keyStoreError(KeyStoreErrorCode::NotFound,
                         QCoreApplication::translate("latchkey::authenticator::CredentialFileStore",
                                                     "No key with that id is in the store."));
}

} // namespace

CombinedKeyStore::CombinedKeyStore(QList<KeyStore*> stores) : m_stores(std::move(stores))
{
    Q_ASSERT(!m_stores.isEmpty() && m_stores.size() <= 255);
}

KeyHandle CombinedKeyStore::tagged(qsizetype index, const KeyHandle& handle)
{
    return KeyHandle(1, char(quint8(index))) + handle;
}

CredentialRecord CombinedKeyStore::tagged(qsizetype index, CredentialRecord record)
{
    record.keyHandle = tagged(index, record.keyHandle);
    return record;
}

KeyStoreResult<CombinedKeyStore::Routed> CombinedKeyStore::route(const KeyHandle& handle) const
{
    if (handle.isEmpty() || quint8(handle.at(0)) >= m_stores.size())
        return unknownHandle();
    return Routed{m_stores.at(quint8(handle.at(0))), handle.mid(1)};
}

QByteArray CombinedKeyStore::aaguid() const
{
    return m_stores.first()->aaguid();
}

KeyStoreResult<CreatedKey> CombinedKeyStore::createKey(const QByteArray& credentialId)
{
    auto created = m_stores.first()->createKey(credentialId);
    if (!created)
        return created.error();
    created->handle = tagged(0, created->handle);
    return created;
}

KeyStoreResult<QByteArray> CombinedKeyStore::sign(const KeyHandle& handle, QByteArrayView data)
{
    const auto routed = route(handle);
    if (!routed)
        return routed.error();
    return routed->store->sign(routed->handle, data);
}

KeyStoreResult<void> CombinedKeyStore::deleteKey(const KeyHandle& handle)
{
    const auto routed = route(handle);
    if (!routed)
        return routed.error();
    return routed->store->deleteKey(routed->handle);
}

KeyStoreResult<void> CombinedKeyStore::saveCredential(const CredentialRecord& record)
{
    const auto routed = route(record.keyHandle);
    if (!routed)
        return routed.error();
    CredentialRecord own = record;
    own.keyHandle = routed->handle;
    return routed->store->saveCredential(own);
}

KeyStoreResult<std::optional<CredentialRecord>>
CombinedKeyStore::findCredential(const QString& rpId, const QByteArray& credentialId)
{
    for (qsizetype i = 0; i < m_stores.size(); ++i) {
        const auto found = m_stores.at(i)->findCredential(rpId, credentialId);
        if (!found)
            return found.error();
        if (found->has_value())
            return std::optional<CredentialRecord>(tagged(i, **found));
    }
    return std::optional<CredentialRecord>();
}

KeyStoreResult<QList<CredentialRecord>>
CombinedKeyStore::discoverableCredentials(const QString& rpId)
{
    QList<CredentialRecord> all;
    for (qsizetype i = 0; i < m_stores.size(); ++i) {
        const auto found = m_stores.at(i)->discoverableCredentials(rpId);
        if (!found)
            return found.error();
        for (const CredentialRecord& record : *found)
            all.append(tagged(i, record));
    }
    // Newest first across stores, as each store orders its own.
    std::stable_sort(all.begin(), all.end(),
                     [](const auto& a, const auto& b) { return a.createdAt > b.createdAt; });
    return all;
}

KeyStoreResult<quint32> CombinedKeyStore::incrementSignCount(const QByteArray& credentialId)
{
    // Credential ids are random and 16 bytes or more: one store at most knows one.
    for (KeyStore* store : std::as_const(m_stores)) {
        const auto counted = store->incrementSignCount(credentialId);
        if (counted || counted.error().code != KeyStoreErrorCode::NotFound)
            return counted;
    }
    return unknownHandle();
}

} // namespace latchkey::authenticator
