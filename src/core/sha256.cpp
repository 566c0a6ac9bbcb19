#include "core/sha256.h"

#include <openssl/sha.h>

namespace latchkey::core {

QByteArray sha256(QByteArrayView data)
{
    QByteArray digest(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), static_cast<size_t>(data.size()),
           reinterpret_cast<unsigned char*>(digest.data()));
    return digest;
}

} // namespace latchkey::core
