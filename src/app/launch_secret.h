#pragma once

#include <QByteArray>

namespace latchkey::app {

// The per-launch secret that only this process's WebEngine profile sends to the local
// handler: 32 bytes from the operating system's random source, base64url without padding.
QByteArray makeLaunchSecret();

} // namespace latchkey::app
