#include "authenticator/software/keychain_sealing_key_provider.h"

#include "authenticator/ec_p256_key.h"
#include "authenticator/software/key_file_lock.h"
#include "authenticator/software/sealed_box.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QEventLoop>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace latchkey::authenticator {
namespace {

KeyStoreError unavailable(const QString& reason)
{
    return keyStoreError(
        KeyStoreErrorCode::SealingKeyUnavailable,
        QCoreApplication::translate("latchkey::authenticator::KeychainSealingKeyProvider",
                                    "The Secret Service is not available: %1")
            .arg(reason));
}

// Runs a qtkeychain job to completion; false when it did not finish in time.
bool runJob(QKeychain::Job& job, std::chrono::milliseconds timeout)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    if (!finished)
        loop.exec();
    return finished;
}

// The keychains qtkeychain speaks to on Linux: the freedesktop Secret Service (GNOME Keyring,
// KeePassXC, KWallet 6) and KDE's wallet daemons.
const char* const kKeychainServices[] = {"org.freedesktop.secrets", "org.kde.kwalletd6",
                                         "org.kde.kwalletd5"};

// Whether a keychain exists on the session bus, running or ready to be started by it. Only
// its absence allows the file instead: a keychain that exists but fails (locked, access
// denied, an error, no answer) may hold the sealing key already, and a new key in a file
// would leave every passkey sealed with the old one unreadable.
bool keychainServiceExists()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QStringList activatable = bus.interface()->activatableServiceNames().value();
    for (const char* name : kKeychainServices) {
        const QString service = QString::fromLatin1(name);
        if (bus.interface()->isServiceRegistered(service).value() || activatable.contains(service))
            return true;
    }
    return false;
}

KeyStoreError jobError(const QKeychain::Job& job)
{
    return keyStoreError(
        KeyStoreErrorCode::SealingKeyRefused,
        QCoreApplication::translate("latchkey::authenticator::KeychainSealingKeyProvider",
                                    "The keychain refused access to the sealing key: %1")
            .arg(job.errorString()));
}

KeyStoreError notAnswered()
{
    return keyStoreError(
        KeyStoreErrorCode::SealingKeyRefused,
        QCoreApplication::translate("latchkey::authenticator::KeychainSealingKeyProvider",
                                    "The keychain did not answer in time; it may be waiting to "
                                    "be unlocked. Unlock it and try again."));
}

} // namespace

KeychainSealingKeyProvider::KeychainSealingKeyProvider(QString service, QString entry,
                                                       std::chrono::milliseconds timeout)
    : m_service(std::move(service)), m_entry(std::move(entry)), m_timeout(timeout)
{}

KeyStoreResult<QByteArray> KeychainSealingKeyProvider::sealingKey()
{
    if (!keychainServiceExists())
        return unavailable(
            QCoreApplication::translate("latchkey::authenticator::KeychainSealingKeyProvider",
                                        "no keychain service runs on the session bus."));
    bool missing = false;
    auto key = readKey(missing);
    if (key || !missing)
        return key;
    return createKey();
}

KeyStoreResult<QByteArray> KeychainSealingKeyProvider::readKey(bool& missing) const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(m_entry);
    if (!runJob(job, m_timeout))
        return notAnswered();
    missing = job.error() == QKeychain::EntryNotFound;
    if (job.error() != QKeychain::NoError)
        return jobError(job);
    const QByteArray key = job.binaryData();
    if (key.size() != kSealingKeyLength)
        return keyStoreError(
            KeyStoreErrorCode::Corrupt,
            QCoreApplication::translate("latchkey::authenticator::KeychainSealingKeyProvider",
                                        "The sealing key in the keychain is damaged."));
    return key;
}

KeyStoreResult<QByteArray> KeychainSealingKeyProvider::createKey() const
{
    QByteArray key = randomBytes(kSealingKeyLength);
    if (key.size() != kSealingKeyLength)
        return keyStoreError(
            KeyStoreErrorCode::Crypto,
            QCoreApplication::translate("latchkey::authenticator::KeychainSealingKeyProvider",
                                        "No random bytes for a sealing key."));
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(m_entry);
    job.setBinaryData(key);
    if (!runJob(job, m_timeout))
        return notAnswered();
    if (job.error() != QKeychain::NoError) {
        wipe(key);
        return jobError(job);
    }
    return key;
}

FallbackSealingKeyProvider::FallbackSealingKeyProvider(SealingKeyProvider& primary,
                                                       FileSealingKeyProvider& fallback)
    : m_primary(primary), m_fallback(fallback)
{}

QString FallbackSealingKeyProvider::choiceLockPath(const QString& fallbackPath)
{
    return fallbackPath + QStringLiteral(".choice");
}

KeyStoreResult<QByteArray> FallbackSealingKeyProvider::sealingKey()
{
    // Two processes starting at once on a computer without a sealing key must not each make one
    // (in the keychain or in the file): the later would replace the earlier, whose keys would
    // never open again. One lock covers the whole choice; it waits out a slow keychain.
    KeyFileLock lock(choiceLockPath(m_fallback.path()));
    if (auto locked = lock.acquire(kChoiceLockWait); !locked)
        return keyStoreError(KeyStoreErrorCode::SealingKeyUnavailable, locked.error().message);
    m_usedFallback = true;
    if (m_fallback.exists())
        return m_fallback.sealingKey();
    auto key = m_primary.sealingKey();
    if (key || key.error().code != KeyStoreErrorCode::SealingKeyUnavailable) {
        m_usedFallback = false;
        return key;
    }
    return m_fallback.sealingKey();
}

} // namespace latchkey::authenticator
