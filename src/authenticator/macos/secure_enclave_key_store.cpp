#include "authenticator/macos/secure_enclave_key_store.h"

#include "authenticator/ec_p256_key.h"
#include "authenticator/macos/apple_status.h"
#include "authenticator/macos/x962_encoding.h"

#include <QCoreApplication>

namespace latchkey::authenticator::macos {
namespace {

// The file's format name; an entry's key material is {"protection": "userPresence" or
// "biometryCurrentSet"}: the key itself is in the Secure Enclave, named by the credential id.
const QLatin1String kFormat("latchkey-secure-enclave-keys");
const QString kProtection = QStringLiteral("protection");
const QString kUserPresence = QStringLiteral("userPresence");
const QString kBiometryCurrentSet = QStringLiteral("biometryCurrentSet");

// Marks Latchkey's keys among the other keys of its keychain access group.
const QByteArray kApplicationTag = QByteArrayLiteral("io.latchkey.Latchkey.passkey");

QString protectionName(KeyProtection protection)
{
    return protection == KeyProtection::BiometryCurrentSet ? kBiometryCurrentSet : kUserPresence;
}

KeyStoreError emptyId()
{
    return keyStoreError(KeyStoreErrorCode::Crypto,
                         QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                                     "A key needs a non-empty credential id."));
}

KeyStoreError notVerified()
{
    return keyStoreError(
        KeyStoreErrorCode::Crypto,
        QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                    "A passkey in the Secure Enclave signs only right after "
                                    "Touch ID or your password confirmed it is you."));
}

KeyStoreError unknownProtection()
{
    return keyStoreError(
        KeyStoreErrorCode::Corrupt,
        QCoreApplication::translate("latchkey::authenticator::SecureEnclave",
                                    "A Secure Enclave entry names no known key protection."));
}

} // namespace

KeychainKeyName keychainKeyName(const QByteArray& credentialId)
{
    return KeychainKeyName{kApplicationTag, credentialId};
}

SecureEnclaveKeyStore::SecureEnclaveKeyStore(AppleSecurityApi& api, KeyAuthorization& authorization,
                                             const QString& path, QByteArray sealingKey,
                                             SecureEnclaveOptions options,
                                             std::chrono::milliseconds lockWait)
    : CredentialFileStore(path, kFormat, std::move(sealingKey), lockWait), m_api(api),
      m_authorization(authorization), m_options(std::move(options))
{}

KeyStoreResult<std::unique_ptr<SecureEnclaveKeyStore>>
SecureEnclaveKeyStore::open(AppleSecurityApi& api, KeyAuthorization& authorization,
                            const QString& path, SealingKeyProvider& sealing,
                            SecureEnclaveOptions options, std::chrono::milliseconds lockWait)
{
    if (!api.hasSecureEnclave())
        return keyStoreErrorFor(oss::kNotAvailable, KeyOperation::Create);
    auto sealingKey = sealing.sealingKey();
    if (!sealingKey)
        return sealingKey.error();
    std::unique_ptr<SecureEnclaveKeyStore> store(new SecureEnclaveKeyStore(
        api, authorization, path, *sealingKey, std::move(options), lockWait));
    wipe(*sealingKey);
    if (auto loaded = store->load(); !loaded)
        return loaded.error();
    return store;
}

QByteArray SecureEnclaveKeyStore::aaguid() const
{
    return QByteArray::fromHex("f2516e1471064e95aea27b2ed4465d75");
}

KeyStoreResult<void> SecureEnclaveKeyStore::checkKeyMaterial(const QCborMap& material) const
{
    const QString protection = material.value(kProtection).toString();
    if (protection != kUserPresence && protection != kBiometryCurrentSet)
        return unknownProtection();
    return {};
}

KeyStoreResult<CreatedKey> SecureEnclaveKeyStore::createKey(const QByteArray& credentialId)
{
    if (credentialId.isEmpty())
        return emptyId();
    const KeychainKeyName name = keychainKeyName(credentialId);
    const auto created = m_api.createKey(name, m_options.protection, m_options.accessGroup);
    if (!created.ok())
        return keyStoreErrorFor(created.status, KeyOperation::Create);
    auto point = p256PointFromX963(created.value);
    if (!point) {
        (void)m_api.deleteKey(name); // a key whose public half we cannot use is of no use
        return point.error();
    }
    const auto added =
        addKey(credentialId, QCborMap{{kProtection, protectionName(m_options.protection)}});
    if (!added) {
        (void)m_api.deleteKey(name); // no key in the keychain that no entry names
        return added.error();
    }
    return CreatedKey{credentialId, *point};
}

KeyStoreResult<QByteArray> SecureEnclaveKeyStore::sign(const KeyHandle& handle, QByteArrayView data)
{
    // Without the context of a verification made for this signature, the key is not used at
    // all: the system would otherwise show a prompt of its own with a reason we did not give.
    const ContextId context = m_authorization.take();
    if (context == 0)
        return notVerified();
    const auto material = keyMaterial(handle);
    if (!material) {
        m_api.invalidate(context);
        return material.error();
    }
    const auto signed_ = m_api.sign(keychainKeyName(handle), context, data);
    m_api.invalidate(context);
    if (!signed_.ok())
        return keyStoreErrorFor(signed_.status, KeyOperation::Sign);
    return es256SignatureFromX962(signed_.value);
}

KeyStoreResult<void> SecureEnclaveKeyStore::deleteKey(const KeyHandle& handle)
{
    const AppleStatus deleted = m_api.deleteKey(keychainKeyName(handle));
    // Not found: already gone (a lost key), and its entry goes now.
    if (deleted != oss::kSuccess && deleted != oss::kItemNotFound)
        return keyStoreErrorFor(deleted, KeyOperation::Delete);
    return CredentialFileStore::deleteKey(handle);
}

KeyStoreResult<bool> SecureEnclaveKeyStore::isKeyLost(const KeyHandle& handle)
{
    const auto material = keyMaterial(handle);
    if (!material) {
        if (material.error().code == KeyStoreErrorCode::NotFound)
            return false; // not a credential of this store
        return material.error();
    }
    const auto key = m_api.copyPublicKey(keychainKeyName(handle));
    if (key.status == oss::kItemNotFound)
        return true;
    if (!key.ok())
        return keyStoreErrorFor(key.status, KeyOperation::Read);
    return false;
}

} // namespace latchkey::authenticator::macos
