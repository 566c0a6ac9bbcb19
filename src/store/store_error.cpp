#include "store/store_error.h"

namespace latchkey::store {

QString codeName(StoreError::Code code)
{
    switch (code) {
    case StoreError::Code::Conflict:
        return QStringLiteral("conflict");
    case StoreError::Code::NotFound:
        return QStringLiteral("not_found");
    case StoreError::Code::Invalid:
        return QStringLiteral("invalid");
    case StoreError::Code::Io:
        return QStringLiteral("io");
    }
    return QStringLiteral("io");
}

} // namespace latchkey::store
