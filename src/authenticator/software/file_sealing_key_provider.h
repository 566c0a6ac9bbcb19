#pragma once

#include "authenticator/software/sealing_key_provider.h"

#include <QString>

namespace latchkey::authenticator {

// The sealing key in a file only its owner may read (mode 0600, folder 0700), kept in a folder
// other than the keys file's (e.g. QStandardPaths::AppConfigLocation). A key file that others
// can read or write is refused rather than trusted.
class FileSealingKeyProvider final : public SealingKeyProvider {
public:
    explicit FileSealingKeyProvider(QString path);

    KeyStoreResult<QByteArray> sealingKey() override;
    bool exists() const;
    const QString& path() const { return m_path; }

private:
    KeyStoreResult<QByteArray> readKey() const;
    KeyStoreResult<QByteArray> createKey() const;

    QString m_path;
};

} // namespace latchkey::authenticator
