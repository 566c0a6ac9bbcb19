#include "authenticator/windows/core/webauthn_errors.h"

#include <windows.h>

namespace latchkey::authenticator::windows {

namespace {

// HRESULTs webauthn.dll is documented to answer with, for a DLL without WebAuthNGetErrorName.
ErrorKind errorKindOfHresult(std::int32_t hresult)
{
    switch (static_cast<HRESULT>(hresult)) {
    case NTE_EXISTS: // an excluded credential is on the authenticator
        return ErrorKind::InvalidState;
    case NTE_NOT_SUPPORTED:
    case NTE_BAD_ALGID:
        return ErrorKind::NotSupported;
    case NTE_INVALID_PARAMETER:
        return ErrorKind::Constraint;
    case NTE_USER_CANCELLED:
    case HRESULT_FROM_WIN32(ERROR_CANCELLED):
    case HRESULT_FROM_WIN32(ERROR_TIMEOUT):
    case NTE_NOT_FOUND: // no credential of the allow list or the RP on any authenticator
    case NTE_TOKEN_KEYSET_STORAGE_FULL:
    case E_ABORT:
        return ErrorKind::NotAllowed;
    default:
        break;
    }
    return ErrorKind::Unknown;
}

} // namespace

std::optional<ErrorKind> errorKindOfName(const std::u16string& errorName)
{
    if (errorName == u"NotAllowedError" || errorName == u"AbortError")
        return ErrorKind::NotAllowed;
    if (errorName == u"InvalidStateError")
        return ErrorKind::InvalidState;
    if (errorName == u"NotSupportedError")
        return ErrorKind::NotSupported;
    if (errorName == u"ConstraintError")
        return ErrorKind::Constraint;
    if (errorName == u"UnknownError")
        return ErrorKind::Unknown;
    return std::nullopt;
}

ErrorKind errorKindOf(std::int32_t hresult, const std::u16string& errorName)
{
    if (const auto named = errorKindOfName(errorName))
        return *named;
    return errorKindOfHresult(hresult);
}

} // namespace latchkey::authenticator::windows
