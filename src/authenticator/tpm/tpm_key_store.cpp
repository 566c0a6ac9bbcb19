#include "authenticator/tpm/tpm_key_store.h"

#include "authenticator/authenticator_data_writer.h"
#include "authenticator/ec_p256_key.h"

#include <QCborValue>

namespace latchkey::authenticator {
namespace {

// The file's format name; the entries' key material is the TPM's two marshalled halves.
const QLatin1String kFormat("latchkey-tpm-keys");
const QString kPublic = QStringLiteral("tpmPublic");
const QString kPrivate = QStringLiteral("tpmPrivate");

TpmKeyBlob blobFrom(const QCborMap& material)
{
    return {material.value(kPublic).toByteArray(), material.value(kPrivate).toByteArray()};
}

} // namespace

TpmKeyStore::TpmKeyStore(const QString& path, QByteArray sealingKey,
                         std::unique_ptr<TpmDevice> device, std::chrono::milliseconds lockWait)
    : CredentialFileStore(path, kFormat, std::move(sealingKey), lockWait),
      m_device(std::move(device))
{}

KeyStoreResult<std::unique_ptr<TpmKeyStore>> TpmKeyStore::open(const QString& path,
                                                               SealingKeyProvider& sealing,
                                                               std::unique_ptr<TpmDevice> device,
                                                               std::chrono::milliseconds lockWait)
{
    auto sealingKey = sealing.sealingKey();
    if (!sealingKey)
        return sealingKey.error();
    std::unique_ptr<TpmKeyStore> store(
        new TpmKeyStore(path, *sealingKey, std::move(device), lockWait));
    wipe(*sealingKey);
    if (auto loaded = store->load(); !loaded)
        return loaded.error();
    return store;
}

QByteArray TpmKeyStore::aaguid() const
{
    return latchkeyTpmAaguid();
}

KeyStoreResult<void> TpmKeyStore::checkKeyMaterial(const QCborMap& material) const
{
    // Whether the TPM accepts the blob is known only when it is loaded (sign()); here, that it is
    // a P-256 signing key at all.
    const auto point = TpmDevice::publicPointOf(blobFrom(material));
    if (!point)
        return point.error();
    return {};
}

KeyStoreResult<CreatedKey> TpmKeyStore::createKey(const QByteArray& credentialId)
{
    const auto created = m_device->createSigningKey();
    if (!created)
        return created.error();
    // A key the file does not keep is simply forgotten: it never left the TPM unwrapped and
    // holds no TPM slot.
    const auto added = addKey(credentialId, QCborMap{{kPublic, created->blob.publicArea},
                                                     {kPrivate, created->blob.privateArea}});
    if (!added)
        return added.error();
    return CreatedKey{credentialId, created->publicPoint};
}

KeyStoreResult<QByteArray> TpmKeyStore::sign(const KeyHandle& handle, QByteArrayView data)
{
    const auto material = keyMaterial(handle);
    if (!material)
        return material.error();
    return m_device->sign(blobFrom(*material), data);
}

} // namespace latchkey::authenticator
