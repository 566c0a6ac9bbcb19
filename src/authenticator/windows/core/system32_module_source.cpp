#include "authenticator/windows/core/system32_module_source.h"

#include <windows.h>

namespace latchkey::authenticator::windows {

void* System32ModuleSource::loadWebAuthn()
{
    return LoadLibraryExW(L"webauthn.dll", nullptr, LOAD_LIBRARY_SEARCH_SYSTEM32);
}

} // namespace latchkey::authenticator::windows
