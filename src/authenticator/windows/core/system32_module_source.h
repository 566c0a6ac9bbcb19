#pragma once

#include "authenticator/windows/core/hello_service.h"

namespace latchkey::authenticator::windows {

// webauthn.dll from System32 and nowhere else: LOAD_LIBRARY_SEARCH_SYSTEM32 keeps a DLL of the
// same name planted beside the executable, in the working folder or on PATH from being loaded.
class System32ModuleSource final : public ModuleSource {
public:
    void* loadWebAuthn() override;
};

} // namespace latchkey::authenticator::windows
