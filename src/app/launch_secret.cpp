#include "app/launch_secret.h"

#include "core/base64url.h"

#include <QRandomGenerator>
#include <array>

namespace latchkey::app {

QByteArray makeLaunchSecret()
{
    // 32 bytes = 8 words; QRandomGenerator::system() reads the kernel's CSPRNG.
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char*>(words.data()),
                         static_cast<qsizetype>(words.size() * sizeof(quint32)));
    return core::encodeBase64Url(raw);
}

} // namespace latchkey::app
