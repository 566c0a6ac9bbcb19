#pragma once

#include "authenticator/software/file_sealing_key_provider.h"
#include "authenticator/software/sealing_key_provider.h"

#include <QString>
#include <chrono>

namespace latchkey::authenticator {

// The sealing key in the desktop's Secret Service (GNOME Keyring, KWallet) through qtkeychain.
// Only when no keychain service exists on the session bus (no bus, nothing registered or
// activatable): SealingKeyUnavailable, so FallbackSealingKeyProvider can use a file instead.
// A keychain that exists but refuses, fails or does not answer is SealingKeyRefused: it may
// hold the key that opens the passkeys, so nothing else is used in its place. Needs a
// Q(Core)Application: the jobs run in a local event loop.
class KeychainSealingKeyProvider final : public SealingKeyProvider {
public:
    KeychainSealingKeyProvider(QString service, QString entry,
                               std::chrono::milliseconds timeout = std::chrono::seconds(10));

    KeyStoreResult<QByteArray> sealingKey() override;

private:
    KeyStoreResult<QByteArray> readKey(bool& missing) const;
    KeyStoreResult<QByteArray> createKey() const;

    QString m_service;
    QString m_entry;
    std::chrono::milliseconds m_timeout;
};

// Longer than KeychainSealingKeyProvider's default timeout: another process may be waiting on
// the keychain while it holds the lock.
inline constexpr std::chrono::milliseconds kChoiceLockWait{15000};

// The keychain when one exists, else the file. A file that already exists wins: keys sealed
// with it must stay readable when a Secret Service appears later. A keychain that exists but
// refuses or fails is an error, never a reason to make a file.
class FallbackSealingKeyProvider final : public SealingKeyProvider {
public:
    FallbackSealingKeyProvider(SealingKeyProvider& primary, FileSealingKeyProvider& fallback);

    KeyStoreResult<QByteArray> sealingKey() override;
    // Whether the last sealingKey() came from the fallback file.
    bool usedFallback() const { return m_usedFallback; }
    // The file whose lock (<it>.lock) serializes the choice between processes.
    static QString choiceLockPath(const QString& fallbackPath);

private:
    SealingKeyProvider& m_primary;
    FileSealingKeyProvider& m_fallback;
    bool m_usedFallback = false;
};

} // namespace latchkey::authenticator
