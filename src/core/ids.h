#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace latchkey::core {

// A credential ID as the authenticator made it (1..1023 bytes, WebAuthn L3 §5.1.1).
using CredentialId = QByteArray;
// A profile's user.id: 1..64 random bytes that say nothing about the person (§5.4.3).
using UserHandle = QByteArray;

// The random bytes a relying party issues for one ceremony (§13.4.3: at least 16). The
// value is compared only in constant time, and shown only as base64url.
class Challenge {
public:
    static constexpr qsizetype kMinimumLength = 16;
    static constexpr qsizetype kDefaultLength = 32;

    Challenge() = default;
    explicit Challenge(QByteArray bytes) : m_bytes(std::move(bytes)) {}

    // length bytes from OpenSSL's CSPRNG (RAND_bytes); nullopt when it has none to give or
    // length is under kMinimumLength.
    static std::optional<Challenge> random(qsizetype length = kDefaultLength);

    const QByteArray& bytes() const { return m_bytes; }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    QString toBase64Url() const;

    // Constant time: the presented bytes (decoded from clientDataJSON) are these bytes.
    // An empty challenge matches nothing.
    bool matches(QByteArrayView presented) const;

private:
    QByteArray m_bytes;
};

} // namespace latchkey::core
