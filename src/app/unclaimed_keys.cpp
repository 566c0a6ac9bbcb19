#include "app/unclaimed_keys.h"

#include "authenticator/software/file_sealing_key_provider.h"
#include "authenticator/software/software_key_store.h"
#include "server/server_context.h"
#include "store/credential_store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>

namespace latchkey::app {

namespace {

AppError keysError(const QString& message)
{
    return AppError{AppError::Code::DataFolder, message};
}

} // namespace

AppResult<int> removeUnclaimedKeys(const PasskeyStorage& storage, store::Database& database,
                                   const QDateTime& now)
{
    if (storage.useKeychain || !QFileInfo::exists(storage.keysFile) ||
        !QFileInfo::exists(storage.sealingKeyFile))
        return 0;
    const auto ids = store::CredentialStore(database).allCredentialIds();
    if (!ids)
        return keysError(ids.error().message);
    authenticator::FileSealingKeyProvider sealing(storage.sealingKeyFile);
    auto keys = authenticator::SoftwareKeyStore::open(storage.keysFile, sealing);
    if (!keys)
        return keysError(keys.error().message);
    const server::ServerContext context;
    const auto timeout = context.relyingParty().config().timeout;
    const auto removed = (*keys)->removeUnclaimed(server::ServerContext::rpId(),
                                                  QSet<QByteArray>(ids->cbegin(), ids->cend()),
                                                  now.addMSecs(-qint64(timeout.count())));
    if (!removed)
        return keysError(removed.error().message);
    return int(removed->size());
}

} // namespace latchkey::app
