#include "app/authenticator_setup.h"

#include "app/platform_authenticator.h"
#include "authenticator/software/software_key_store_paths.h"

#include <QDir>
#include <QFileInfo>

namespace latchkey::app {

using namespace latchkey::authenticator;

PasskeyStorage passkeyStorageFor(const QString& dataFolder, bool dataFolderRequested,
                                 const QString& tpmTcti)
{
    const QString tpmKeysFile = QDir(dataFolder).filePath(QStringLiteral("tpm-keys.json"));
    if (!dataFolderRequested) {
        const SoftwareKeyStorePaths paths = softwareKeyStorePaths(dataFolder);
        return {paths.keysFile, paths.sealingKeyFile, true, tpmKeysFile, tpmTcti};
    }
    // A sibling of the data folder: derived from it, yet not inside it.
    const QString folder = QFileInfo(dataFolder).absoluteFilePath() + QStringLiteral("-sealing");
    const SoftwareKeyStorePaths paths = softwareKeyStorePaths(dataFolder, folder);
    return {paths.keysFile, paths.sealingKeyFile, false, tpmKeysFile, tpmTcti};
}

AuthenticatorSetup::AuthenticatorSetup(PasskeyStorage storage, UserVerifier& verifier)
    : m_storage(std::move(storage)), m_verifier(verifier)
{}

AuthenticatorSetup::~AuthenticatorSetup()
{
    // The client first: it may still wait on the authenticator, which uses the store.
    m_client.reset();
    m_platform.reset();
}

ClientResult<Client*> AuthenticatorSetup::client()
{
    if (!m_client) {
        auto platform = openPlatformAuthenticator(m_storage, m_verifier);
        if (!platform)
            return platform.error();
        m_platform = std::move(*platform);
        m_client = std::make_unique<Client>(m_platform->authenticator());
    }
    return m_client.get();
}

} // namespace latchkey::app
