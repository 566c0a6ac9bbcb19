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
    case StoreError::Code::Busy:
        return QStringLiteral("busy");
    }
    return QStringLiteral("io");
}

QString faultName(StoreError::Fault fault)
{
    switch (fault) {
    case StoreError::Fault::None:
        return {};
    case StoreError::Fault::DiskFull:
        return QStringLiteral("disk_full");
    case StoreError::Fault::ReadOnly:
        return QStringLiteral("read_only");
    case StoreError::Fault::Damaged:
        return QStringLiteral("damaged");
    }
    return {};
}

bool isStoreFault(const StoreError& error)
{
    return error.code == StoreError::Code::Io || error.code == StoreError::Code::Busy;
}

} // namespace latchkey::store
