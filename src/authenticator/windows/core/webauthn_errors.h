#pragma once

// What an HRESULT from webauthn.dll means for the page: the DOMException family, from
// WebAuthNGetErrorName's W3C name when the DLL has it, from the HRESULT otherwise.

#include "authenticator/windows/core/hello_types.h"

namespace latchkey::authenticator::windows {

// errorName: what WebAuthNGetErrorName(hresult) answered ("NotAllowedError", ...), empty when
// the DLL has no such function.
ErrorKind errorKindOf(std::int32_t hresult, const std::u16string& errorName);

// "InvalidStateError" -> ErrorKind::InvalidState, ...; nullopt for a name we do not know.
std::optional<ErrorKind> errorKindOfName(const std::u16string& errorName);

} // namespace latchkey::authenticator::windows
