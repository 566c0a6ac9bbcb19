#include "authenticator/software/software_key_store.h"

#include "authenticator/authenticator_data_writer.h"
#include "authenticator/ec_p256_key.h"
#include "authenticator/software/private_file.h"

#include <QCborValue>

namespace latchkey::authenticator {
namespace {

// The file's format name; the entries' key material is {"d": private scalar}.
const QLatin1String kFormat("latchkey-software-keys");
const QString kScalar = QStringLiteral("d");

KeyStoreResult<EcP256Key> keyFrom(const QCborMap& material)
{
    QByteArray scalar = material.value(kScalar).toByteArray();
    auto key = EcP256Key::fromPrivateScalar(scalar);
    wipe(scalar);
    return key;
}

} // namespace

KeyStoreResult<std::unique_ptr<SoftwareKeyStore>>
SoftwareKeyStore::open(const QString& path, SealingKeyProvider& sealing,
                       std::chrono::milliseconds lockWait)
{
    // The keys file is read only from a folder that is this user's alone.
    if (auto folder = ensurePrivateFolder(path); !folder)
        return folder.error();
    auto sealingKey = sealing.sealingKey();
    if (!sealingKey)
        return sealingKey.error();
    std::unique_ptr<SoftwareKeyStore> store(
        new SoftwareKeyStore(path, kFormat, *sealingKey, lockWait));
    wipe(*sealingKey);
    if (auto loaded = store->load(); !loaded)
        return loaded.error();
    return store;
}

QByteArray SoftwareKeyStore::aaguid() const
{
    return latchkeyAaguid();
}

KeyStoreResult<void> SoftwareKeyStore::checkKeyMaterial(const QCborMap& material) const
{
    const auto key = keyFrom(material);
    if (!key)
        return key.error();
    return {};
}

KeyStoreResult<CreatedKey> SoftwareKeyStore::createKey(const QByteArray& credentialId)
{
    const auto key = EcP256Key::generate();
    if (!key)
        return key.error();
    QByteArray scalar = key->privateScalar();
    const auto added = addKey(credentialId, QCborMap{{kScalar, scalar}});
    wipe(scalar);
    if (!added)
        return added.error();
    return CreatedKey{credentialId, key->publicPoint()};
}

KeyStoreResult<QByteArray> SoftwareKeyStore::sign(const KeyHandle& handle, QByteArrayView data)
{
    const auto material = keyMaterial(handle);
    if (!material)
        return material.error();
    const auto key = keyFrom(*material);
    if (!key)
        return key.error();
    return key->sign(data);
}

} // namespace latchkey::authenticator
