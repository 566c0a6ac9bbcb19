#pragma once

#include <QByteArrayView>

namespace latchkey::core {

// Equal sizes are compared without an early exit (OpenSSL's CRYPTO_memcmp), so the time a
// refusal takes says nothing about where a guess of a secret, a challenge or a hash went
// wrong. Different sizes are unequal at once: lengths here are public.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace latchkey::core
