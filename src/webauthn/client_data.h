#pragma once

#include "core/ids.h"
#include "webauthn/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <optional>

namespace latchkey::webauthn {

enum class CeremonyType { Create, Get };

// "webauthn.create" or "webauthn.get".
QString ceremonyTypeName(CeremonyType type);

// Level 2's Token Binding state, which Level 3 keeps only as a reserved member: recorded as
// sent, never a reason to fail (browsers have sent "not-supported" with U2F keys).
struct TokenBinding {
    QString status; // L2 knew "present" and "supported"; anything is kept
    QString id;     // L2: base64url, with "present"
};

// CollectedClientData (§5.8.1), parsed from the exact clientDataJSON bytes.
struct CollectedClientData {
    QString type;
    QString challenge; // base64url text exactly as sent
    QString origin;
    bool crossOrigin = false;
    std::optional<QString> topOrigin;
    std::optional<TokenBinding> tokenBinding;
};

// Parses clientDataJSON: a JSON object whose type, challenge and origin are non-empty
// strings, crossOrigin (if present) a boolean, topOrigin (if present) a string. tokenBinding
// is recorded when it is an object and otherwise ignored (reserved in Level 3); unknown
// members are ignored (§5.8.1 lets browsers add them).
Result<CollectedClientData> parseClientData(QByteArrayView json);

// What the relying party issued and where it expects to run.
struct ClientDataExpectations {
    CeremonyType type = CeremonyType::Create;
    // The issued challenge; clientData.challenge must be its base64url encoding (§7.1
    // step 12), compared in constant time.
    core::Challenge challenge;
    QStringList origins;           // any exact match passes
    bool allowCrossOrigin = false; // the RP expects to run in a cross-origin iframe
    QStringList topOrigins;        // when cross-origin: allowed topOrigin values (empty = any)
};

// §7.1 steps 7-11 / §7.2 steps 11-15: type, challenge (constant time), origin, crossOrigin
// and topOrigin.
Result<void> checkClientData(const CollectedClientData& clientData,
                             const ClientDataExpectations& expected);

} // namespace latchkey::webauthn
