#pragma once

#include "authenticator/error.h"

#include <QByteArray>

namespace latchkey::authenticator {

// Where the key that seals private keys at rest lives: never beside the keys it seals.
class SealingKeyProvider {
public:
    virtual ~SealingKeyProvider() = default;

    // The 32-byte sealing key, made (randomly) and kept on first use. SealingKeyUnavailable when
    // this provider's storage is absent on this computer (a fallback may take over).
    virtual KeyStoreResult<QByteArray> sealingKey() = 0;
};

} // namespace latchkey::authenticator
