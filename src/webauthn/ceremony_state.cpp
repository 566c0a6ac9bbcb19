#include "webauthn/ceremony_state.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>

namespace latchkey::webauthn {

namespace {

// Small integer keys keep the stored value short; the numbers are part of the stored format.
enum Key : int { Type = 1, Challenge = 2, User = 3, AllowCredentials = 4, Uv = 5, ExpiresAt = 6 };

Error invalid(const char* why)
{
    return makeError(ErrorCode::CeremonyStateInvalid,
                     QStringLiteral("The stored ceremony state is unreadable (%1); start the "
                                    "ceremony again.")
                         .arg(QLatin1String(why)));
}

std::optional<UserVerification> userVerificationFrom(qint64 value)
{
    switch (value) {
    case 0:
        return UserVerification::Required;
    case 1:
        return UserVerification::Preferred;
    case 2:
        return UserVerification::Discouraged;
    default:
        return std::nullopt;
    }
}

qint64 userVerificationNumber(UserVerification value)
{
    switch (value) {
    case UserVerification::Required:
        return 0;
    case UserVerification::Preferred:
        return 1;
    case UserVerification::Discouraged:
        return 2;
    }
    return 0;
}

Result<QList<core::CredentialId>> credentialsFrom(const QCborValue& value)
{
    QList<core::CredentialId> ids;
    if (value.isUndefined())
        return ids;
    if (!value.isArray())
        return invalid("allowed credentials are not an array");
    for (const QCborValue& entry : value.toArray()) {
        if (!entry.isByteArray() || entry.toByteArray().isEmpty())
            return invalid("an allowed credential is not a byte string");
        ids.append(entry.toByteArray());
    }
    return ids;
}

} // namespace

QByteArray CeremonyState::toCbor() const
{
    QCborMap map;
    map.insert(Key::Type, type == CeremonyType::Create ? 0 : 1);
    map.insert(Key::Challenge, challenge.bytes());
    if (user)
        map.insert(Key::User, *user);
    if (!allowCredentials.isEmpty()) {
        QCborArray ids;
        for (const core::CredentialId& id : allowCredentials)
            ids.append(id);
        map.insert(Key::AllowCredentials, ids);
    }
    map.insert(Key::Uv, userVerificationNumber(userVerification));
    map.insert(Key::ExpiresAt, expiresAt.toMSecsSinceEpoch());
    return map.toCborValue().toCbor();
}

Result<CeremonyState> CeremonyState::fromCbor(QByteArrayView bytes)
{
    QCborParserError error;
    const QCborValue value =
        QCborValue::fromCbor(QByteArray::fromRawData(bytes.data(), bytes.size()), &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return invalid("not a CBOR map");
    const QCborMap map = value.toMap();
    CeremonyState state;
    const QCborValue type = map.value(Key::Type);
    if (!type.isInteger() || (type.toInteger() != 0 && type.toInteger() != 1))
        return invalid("no ceremony type");
    state.type = type.toInteger() == 0 ? CeremonyType::Create : CeremonyType::Get;
    const QCborValue challenge = map.value(Key::Challenge);
    if (!challenge.isByteArray() ||
        challenge.toByteArray().size() < core::Challenge::kMinimumLength)
        return invalid("no challenge");
    state.challenge = core::Challenge(challenge.toByteArray());
    const QCborValue user = map.value(Key::User);
    if (!user.isUndefined()) {
        if (!user.isByteArray() || user.toByteArray().isEmpty())
            return invalid("the user handle is not a byte string");
        state.user = user.toByteArray();
    }
    auto credentials = credentialsFrom(map.value(Key::AllowCredentials));
    if (!credentials)
        return credentials.error();
    state.allowCredentials = std::move(*credentials);
    const auto uv = userVerificationFrom(map.value(Key::Uv).toInteger(-1));
    if (!uv)
        return invalid("no user verification requirement");
    state.userVerification = *uv;
    const QCborValue expires = map.value(Key::ExpiresAt);
    if (!expires.isInteger())
        return invalid("no expiry");
    state.expiresAt = QDateTime::fromMSecsSinceEpoch(expires.toInteger(), Qt::UTC);
    return state;
}

} // namespace latchkey::webauthn
