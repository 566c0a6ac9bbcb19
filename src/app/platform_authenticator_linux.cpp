// Linux: new passkeys in the TPM when one is usable, in the software store otherwise; the
// software store's passkeys stay usable either way (CombinedKeyStore).
#include "app/key_store_choice.h"
#include "app/platform_authenticator.h"
#include "authenticator/combined_key_store.h"
#include "authenticator/local_authenticator.h"
#include "authenticator/software/file_sealing_key_provider.h"
#include "authenticator/software/keychain_sealing_key_provider.h"
#include "authenticator/software/software_key_store.h"
#include "authenticator/software/software_key_store_paths.h"
#include "authenticator/tpm/tpm_key_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonObject>

namespace latchkey::app {

using namespace latchkey::authenticator;

namespace {

// The page gets the key store's sentence without its folders; the log gets it whole.
ClientError cannotOpen(const KeyStoreError& why)
{
    logKeyStoreError(why);
    return clientError(DomErrorName::UnknownError,
                       QCoreApplication::translate("latchkey::app::AuthenticatorSetup",
                                                   "This computer's passkeys could not be "
                                                   "opened (%1).")
                           .arg(withoutAbsolutePaths(why.message)));
}

// The sealing key of one data folder: the desktop keychain with the file as fallback, or the
// file alone (--data-dir).
class SealingKeys {
public:
    explicit SealingKeys(const PasskeyStorage& storage) : m_file(storage.sealingKeyFile)
    {
        if (!storage.useKeychain)
            return;
        const SoftwareKeyStorePaths names = softwareKeyStorePaths(QString());
        m_keychain = std::make_unique<KeychainSealingKeyProvider>(names.keychainService,
                                                                  names.keychainEntry);
        m_fallback = std::make_unique<FallbackSealingKeyProvider>(*m_keychain, m_file);
    }
    SealingKeyProvider& provider()
    {
        return m_fallback ? static_cast<SealingKeyProvider&>(*m_fallback) : m_file;
    }

private:
    FileSealingKeyProvider m_file;
    std::unique_ptr<KeychainSealingKeyProvider> m_keychain;
    std::unique_ptr<FallbackSealingKeyProvider> m_fallback;
};

class LinuxAuthenticator final : public PlatformAuthenticator {
public:
    explicit LinuxAuthenticator(const PasskeyStorage& storage) : m_sealing(storage) {}
    ~LinuxAuthenticator() override
    {
        // In reverse of their use: the authenticator uses the stores.
        m_authenticator.reset();
        m_combined.reset();
        m_tpm.reset();
        m_software.reset();
    }

    ClientResult<void> open(const PasskeyStorage& storage, UserVerifier& verifier)
    {
        auto software = SoftwareKeyStore::open(storage.keysFile, m_sealing.provider());
        if (!software)
            return cannotOpen(software.error());
        m_software = std::move(*software);
        QList<KeyStore*> stores{m_software.get()};
        const TpmChoice choice = chooseTpmHere(storage.tpmTcti);
        if (choice.useTpm) {
            auto tpm = openTpmStore(storage, choice.tcti);
            if (tpm) {
                m_tpm = std::move(*tpm);
                stores.prepend(m_tpm.get());
            } else if (choice.requested) {
                // The person named this TPM: never put their passkeys elsewhere instead.
                return cannotOpen(tpm.error());
            } else {
                // /dev/tpmrm0 opens but the TPM is unusable (no P-256, owner password, ...):
                // the software store keeps the passkeys; --authenticators says why.
                qWarning("latchkey: the TPM is not used: %s", qPrintable(tpm.error().message));
            }
        }
        m_combined = std::make_unique<CombinedKeyStore>(stores);
        m_authenticator = std::make_unique<LocalAuthenticator>(*m_combined, verifier);
        return {};
    }

    Authenticator& authenticator() override { return *m_authenticator; }

    KeyStoreResult<std::unique_ptr<TpmKeyStore>> openTpmStore(const PasskeyStorage& storage,
                                                              const QString& tcti)
    {
        auto device = TpmDevice::open(tcti);
        if (!device)
            return device.error();
        return TpmKeyStore::open(storage.tpmKeysFile, m_sealing.provider(), std::move(*device));
    }

private:
    SealingKeys m_sealing;
    std::unique_ptr<SoftwareKeyStore> m_software;
    std::unique_ptr<TpmKeyStore> m_tpm;
    std::unique_ptr<CombinedKeyStore> m_combined;
    std::unique_ptr<LocalAuthenticator> m_authenticator;
};

// The self-test's stores keep their sealing key in their scratch folder; a store reads its
// sealing key once, when it opens, so the provider need not outlive it.
QString scratchSealingKey(const QString& folder)
{
    return QDir(folder).filePath(QStringLiteral("sealing.key"));
}

KeyStoreOffer softwareOffer(const PasskeyStorage& storage)
{
    KeyStoreOffer offer;
    offer.name = QStringLiteral("software");
    offer.available = true;
    offer.details = {{QStringLiteral("keysFile"), storage.keysFile},
                     {QStringLiteral("sealingKey"),
                      storage.useKeychain
                          ? QStringLiteral("Secret Service, else %1").arg(storage.sealingKeyFile)
                          : storage.sealingKeyFile}};
    offer.openScratch = [](const QString& folder) -> KeyStoreResult<std::unique_ptr<KeyStore>> {
        FileSealingKeyProvider sealing(scratchSealingKey(folder));
        auto store =
            SoftwareKeyStore::open(QDir(folder).filePath(QStringLiteral("keys.json")), sealing);
        if (!store)
            return store.error();
        return std::unique_ptr<KeyStore>(std::move(*store));
    };
    return offer;
}

KeyStoreOffer tpmOffer(const PasskeyStorage& storage, const TpmChoice& choice)
{
    KeyStoreOffer offer;
    offer.name = QStringLiteral("tpm");
    const QString tcti = choice.useTpm ? choice.tcti : kDefaultTpmTcti;
    offer.details = {{QStringLiteral("tcti"), tcti},
                     {QStringLiteral("keysFile"), storage.tpmKeysFile}};
    const auto device = TpmDevice::open(tcti);
    if (!device) {
        offer.error = device.error().message;
        return offer;
    }
    const TpmInfo& info = (*device)->info();
    offer.available = true;
    offer.details.insert(QStringLiteral("manufacturer"), info.manufacturer);
    offer.details.insert(QStringLiteral("firmwareVersion"), info.firmwareVersion);
    offer.details.insert(QStringLiteral("inLockout"), info.inLockout);
    offer.details.insert(QStringLiteral("storageRootKey"),
                         info.persistentSrk ? QStringLiteral("persistent 0x81000001")
                                            : QStringLiteral("made from the TCG ECC P-256 "
                                                             "template for each connection"));
    offer.openScratch = [tcti](const QString& folder) -> KeyStoreResult<std::unique_ptr<KeyStore>> {
        auto opened = TpmDevice::open(tcti);
        if (!opened)
            return opened.error();
        FileSealingKeyProvider sealing(scratchSealingKey(folder));
        auto store = TpmKeyStore::open(QDir(folder).filePath(QStringLiteral("tpm-keys.json")),
                                       sealing, std::move(*opened));
        if (!store)
            return store.error();
        return std::unique_ptr<KeyStore>(std::move(*store));
    };
    return offer;
}

} // namespace

ClientResult<std::unique_ptr<PlatformAuthenticator>>
openPlatformAuthenticator(const PasskeyStorage& storage, UserVerifier& verifier)
{
    auto platform = std::make_unique<LinuxAuthenticator>(storage);
    if (auto opened = platform->open(storage, verifier); !opened)
        return opened.error();
    return std::unique_ptr<PlatformAuthenticator>(std::move(platform));
}

QList<KeyStoreOffer> keyStoreOffers(const PasskeyStorage& storage)
{
    const TpmChoice choice = chooseTpmHere(storage.tpmTcti);
    KeyStoreOffer tpm = tpmOffer(storage, choice);
    KeyStoreOffer software = softwareOffer(storage);
    // The same rule as openPlatformAuthenticator(): the chosen TPM when it opens.
    tpm.selected = choice.useTpm && tpm.available;
    software.selected = !tpm.selected && !(choice.requested && !tpm.available);
    return {tpm, software};
}

} // namespace latchkey::app
