#include "fake/in_memory_key_store.h"

#include "authenticator/authenticator_data_writer.h"

namespace latchkey::authenticator {

QByteArray InMemoryKeyStore::aaguid() const
{
    return latchkeyAaguid();
}
namespace {

KeyStoreError notFound()
{
    return keyStoreError(KeyStoreErrorCode::NotFound, QStringLiteral("No such key."));
}

} // namespace

KeyStoreResult<CreatedKey> InMemoryKeyStore::createKey(const QByteArray& credentialId)
{
    if (credentialId.isEmpty() || m_keys.contains(credentialId))
        return keyStoreError(KeyStoreErrorCode::Crypto,
                             QStringLiteral("A key needs a new, non-empty credential id."));
    auto key = EcP256Key::generate();
    if (!key)
        return key.error();
    m_keys.insert(credentialId, *key);
    return CreatedKey{credentialId, key->publicPoint()};
}

KeyStoreResult<QByteArray> InMemoryKeyStore::sign(const KeyHandle& handle, QByteArrayView data)
{
    const auto found = m_keys.constFind(handle);
    if (found == m_keys.constEnd())
        return notFound();
    return found->sign(data);
}

KeyStoreResult<void> InMemoryKeyStore::deleteKey(const KeyHandle& handle)
{
    if (!m_keys.remove(handle))
        return notFound();
    m_records.remove(handle);
    m_order.removeAll(handle);
    return {};
}

KeyStoreResult<void> InMemoryKeyStore::saveCredential(const CredentialRecord& record)
{
    if (!m_keys.contains(record.keyHandle))
        return notFound();
    if (!m_records.contains(record.credentialId))
        m_order.append(record.credentialId);
    m_records.insert(record.credentialId, record);
    return {};
}

KeyStoreResult<std::optional<CredentialRecord>>
InMemoryKeyStore::findCredential(const QString& rpId, const QByteArray& credentialId)
{
    const auto found = m_records.constFind(credentialId);
    if (found == m_records.constEnd() || found->rpId != rpId)
        return std::optional<CredentialRecord>();
    return std::optional<CredentialRecord>(*found);
}

KeyStoreResult<QList<CredentialRecord>>
InMemoryKeyStore::discoverableCredentials(const QString& rpId)
{
    QList<CredentialRecord> out;
    for (auto id = m_order.crbegin(); id != m_order.crend(); ++id) {
        const CredentialRecord& record = m_records[*id];
        if (record.discoverable && record.rpId == rpId)
            out.append(record);
    }
    return out;
}

KeyStoreResult<quint32> InMemoryKeyStore::incrementSignCount(const QByteArray& credentialId)
{
    const auto found = m_records.find(credentialId);
    if (found == m_records.end())
        return notFound();
    return ++found->signCount;
}

} // namespace latchkey::authenticator
