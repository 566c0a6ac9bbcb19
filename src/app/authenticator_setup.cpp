#include "app/authenticator_setup.h"

#include "authenticator/local_authenticator.h"
#include "authenticator/software/file_sealing_key_provider.h"
#include "authenticator/software/keychain_sealing_key_provider.h"
#include "authenticator/software/software_key_store.h"
#include "authenticator/software/software_key_store_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace latchkey::app {

using namespace latchkey::authenticator;

PasskeyStorage passkeyStorageFor(const QString& dataFolder, bool dataFolderRequested)
{
    if (!dataFolderRequested) {
        const SoftwareKeyStorePaths paths = softwareKeyStorePaths(dataFolder);
        return {paths.keysFile, paths.sealingKeyFile, true};
    }
    // A sibling of the data folder: derived from it, yet not inside it.
    const QString folder = QFileInfo(dataFolder).absoluteFilePath() + QStringLiteral("-sealing");
    const SoftwareKeyStorePaths paths = softwareKeyStorePaths(dataFolder, folder);
    return {paths.keysFile, paths.sealingKeyFile, false};
}

AuthenticatorSetup::AuthenticatorSetup(PasskeyStorage storage, UserVerifier& verifier)
    : m_storage(std::move(storage)), m_verifier(verifier)
{}

AuthenticatorSetup::~AuthenticatorSetup()
{
    // The client first: it may still wait on the authenticator, which uses the store.
    m_client.reset();
    m_authenticator.reset();
    m_keys.reset();
}

ClientResult<Client*> AuthenticatorSetup::client()
{
    if (!m_client) {
        if (const auto opened = open(); !opened)
            return opened.error();
    }
    return m_client.get();
}

ClientResult<void> AuthenticatorSetup::open()
{
    m_sealingFile = std::make_unique<FileSealingKeyProvider>(m_storage.sealingKeyFile);
    SealingKeyProvider* sealing = m_sealingFile.get();
    if (m_storage.useKeychain) {
        const SoftwareKeyStorePaths names = softwareKeyStorePaths(QString());
        m_keychain = std::make_unique<KeychainSealingKeyProvider>(names.keychainService,
                                                                  names.keychainEntry);
        m_fallback = std::make_unique<FallbackSealingKeyProvider>(*m_keychain, *m_sealingFile);
        sealing = m_fallback.get();
    }
    auto keys = SoftwareKeyStore::open(m_storage.keysFile, *sealing);
    if (!keys) {
        return clientError(
            DomErrorName::UnknownError,
            QCoreApplication::translate("latchkey::app::AuthenticatorSetup",
                                        "This computer's passkeys could not be opened (%1).")
                .arg(keys.error().message));
    }
    m_keys = std::move(*keys);
    m_authenticator = std::make_unique<LocalAuthenticator>(*m_keys, m_verifier);
    m_client = std::make_unique<Client>(*m_authenticator);
    return {};
}

} // namespace latchkey::app
