#include "authenticator/software/file_sealing_key_provider.h"

#include "authenticator/ec_p256_key.h"
#include "authenticator/software/key_file_lock.h"
#include "authenticator/software/private_file.h"
#include "authenticator/software/sealed_box.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace latchkey::authenticator {

FileSealingKeyProvider::FileSealingKeyProvider(QString path) : m_path(std::move(path)) {}

bool FileSealingKeyProvider::exists() const
{
    return QFileInfo::exists(m_path);
}

KeyStoreResult<QByteArray> FileSealingKeyProvider::sealingKey()
{
    // Two processes starting at once must not both make a key: the second would replace the
    // first's, and every key sealed with it would never open again.
    KeyFileLock lock(m_path);
    if (auto locked = lock.acquire(); !locked)
        return keyStoreError(KeyStoreErrorCode::SealingKeyUnavailable, locked.error().message);
    return exists() ? readKey() : createKey();
}

KeyStoreResult<QByteArray> FileSealingKeyProvider::readKey() const
{
    if (!isPrivateToOwner(m_path))
        return keyStoreError(
            KeyStoreErrorCode::SealingKeyUnavailable,
            QCoreApplication::translate("latchkey::authenticator::FileSealingKeyProvider",
                                        "The sealing key file %1 can be read or changed by "
                                        "other users; it is not used. Restrict it to mode "
                                        "0600 if it is yours.")
                .arg(m_path));
    auto contents = readPrivateFile(m_path);
    if (!contents)
        return contents.error();
    if (contents->size() != kSealingKeyLength)
        return keyStoreError(
            KeyStoreErrorCode::Corrupt,
            QCoreApplication::translate("latchkey::authenticator::FileSealingKeyProvider",
                                        "The sealing key file %1 is damaged.")
                .arg(m_path));
    return contents;
}

KeyStoreResult<QByteArray> FileSealingKeyProvider::createKey() const
{
    QByteArray key = randomBytes(kSealingKeyLength);
    if (key.size() != kSealingKeyLength)
        return keyStoreError(
            KeyStoreErrorCode::Crypto,
            QCoreApplication::translate("latchkey::authenticator::FileSealingKeyProvider",
                                        "No random bytes for a sealing key."));
    if (auto written = writePrivateFile(m_path, key); !written) {
        wipe(key);
        return written.error();
    }
    return key;
}

} // namespace latchkey::authenticator
