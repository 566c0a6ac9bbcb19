#pragma once

#include <QByteArray>
#include <QString>

namespace latchkey::authenticator {

// clientDataJSON by the limited serialization of WebAuthn L3 §5.8.1.2, members in its order:
// {"type":…,"challenge":…,"origin":…,"crossOrigin":false}. The challenge is base64url without
// padding. Relying parties may match the bytes, so the order and escaping are exact.
QByteArray clientDataJson(const QString& type, const QByteArray& challenge, const QString& origin);

// CCDToString (§5.8.1.2): a JSON string with only '"', '\\' and control characters escaped,
// the latter as \u and four lowercase hex digits; everything else as UTF-8.
QByteArray ccdToString(const QString& text);

} // namespace latchkey::authenticator
