#include "response_parts.h"

#include <QCborValue>
#include <QJsonDocument>
#include <QtEndian>

namespace latchkey::webauthn::testing {

QByteArray encodeClientData(const ClientDataSpec& spec)
{
    if (spec.raw)
        return *spec.raw;
    QJsonObject object;
    object.insert(QStringLiteral("type"), spec.type);
    object.insert(QStringLiteral("challenge"), spec.challenge);
    object.insert(QStringLiteral("origin"), spec.origin);
    if (spec.crossOrigin)
        object.insert(QStringLiteral("crossOrigin"), *spec.crossOrigin);
    if (spec.topOrigin)
        object.insert(QStringLiteral("topOrigin"), *spec.topOrigin);
    for (auto it = spec.overrides.begin(); it != spec.overrides.end(); ++it)
        object.insert(it.key(), it.value());
    for (const QString& member : spec.removed)
        object.remove(member);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

namespace {

QByteArray bigEndian16(quint16 value)
{
    QByteArray out(2, '\0');
    qToBigEndian(value, out.data());
    return out;
}

QByteArray bigEndian32(quint32 value)
{
    QByteArray out(4, '\0');
    qToBigEndian(value, out.data());
    return out;
}

QByteArray encodeAttestedCredential(const AttestedCredentialSpec& spec)
{
    const auto length =
        spec.credentialIdLength.value_or(static_cast<quint16>(spec.credentialId.size()));
    return spec.aaguid + bigEndian16(length) + spec.credentialId + spec.credentialPublicKeyCbor;
}

} // namespace

QByteArray encodeAuthenticatorData(const AuthenticatorDataSpec& spec)
{
    if (spec.raw)
        return *spec.raw;
    QByteArray out = spec.rpIdHash;
    out.append(static_cast<char>(spec.flags));
    out.append(bigEndian32(spec.signCount));
    if (spec.attestedCredential)
        out.append(encodeAttestedCredential(*spec.attestedCredential));
    if (spec.extensions)
        out.append(spec.extensions->toCborValue().toCbor());
    out.append(spec.trailing);
    return out;
}

} // namespace latchkey::webauthn::testing
