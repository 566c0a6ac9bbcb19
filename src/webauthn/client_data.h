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

struct TokenBinding {
    QString status; // "present" or "supported"
    QString id;     // base64url, required when status is "present"
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
// strings, crossOrigin (if present) a boolean, topOrigin (if present) a string, tokenBinding
// (if present) an object with status "present" (with an id) or "supported". Unknown members
// are ignored (§5.8.1 lets browsers add them).
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

// §7.1 steps 7-10 / §7.2 steps 11-14: type, challenge (constant time), origin, crossOrigin
// and topOrigin, tokenBinding shape.
Result<void> checkClientData(const CollectedClientData& clientData,
                             const ClientDataExpectations& expected);

} // namespace latchkey::webauthn
