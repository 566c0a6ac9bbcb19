#pragma once

#include "core/result.h"
#include "webauthn/error.h"

namespace latchkey::webauthn {

// The relying-party core's results carry its Error unless another error type is named.
template <typename T, typename E = Error> using Result = core::Result<T, E>;

} // namespace latchkey::webauthn
