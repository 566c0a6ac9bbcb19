#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace latchkey::core {

inline constexpr qsizetype kSha256Length = 32;

// SHA-256 (OpenSSL one-shot): clientDataHash, rpIdHash, and the digests the store keeps of
// session tokens.
QByteArray sha256(QByteArrayView data);

} // namespace latchkey::core
