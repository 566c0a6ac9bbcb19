#pragma once

#include "webauthn/result.h"

#include <QByteArrayView>
#include <QCborMap>
#include <QCborValue>

namespace latchkey::webauthn {

// Bounds applied to untrusted CBOR before it is turned into a QCborValue.
struct CborLimits {
    int maxDepth = 16;
    qsizetype maxItems = 4096;         // every data item counted once, containers included
    qsizetype maxContainerSize = 1024; // entries of one array or map
    qsizetype maxStringLength = 1 << 20;
};

// Decodes exactly one CBOR data item at the start of bytes, after checking it against limits
// with a streaming pre-pass (depth, item counts, string lengths, well-formedness). consumed
// receives the item's length; when it is null, bytes left after the item are CborMalformed.
Result<QCborValue> decodeCborItem(QByteArrayView bytes, qsizetype* consumed = nullptr,
                                  const CborLimits& limits = {});

// CBOR lets a map repeat a key; a relying party that read the first while an authenticator
// meant the last could be fooled, so maps from the wire with a repeated key are refused.
bool hasRepeatedKeys(const QCborMap& map);

} // namespace latchkey::webauthn
