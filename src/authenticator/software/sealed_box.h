#pragma once

#include "authenticator/error.h"

#include <QByteArray>
#include <QByteArrayView>

namespace latchkey::authenticator {

inline constexpr qsizetype kSealingKeyLength = 32; // AES-256
inline constexpr qsizetype kSealNonceLength = 12;  // GCM's recommended nonce
inline constexpr qsizetype kSealTagLength = 16;

// AES-256-GCM with a fresh random nonce: nonce || ciphertext || tag. The associated data is
// authenticated, not stored: opening needs the same bytes (the credential id), so a sealed key
// moved to another entry does not open.
KeyStoreResult<QByteArray> seal(QByteArrayView key, QByteArrayView plaintext,
                                QByteArrayView associatedData);
// Corrupt when the box was changed, cut, or sealed with another key or associated data.
KeyStoreResult<QByteArray> openSealed(QByteArrayView key, QByteArrayView box,
                                      QByteArrayView associatedData);

} // namespace latchkey::authenticator
