// packaging/windows/latchkey.rc, linked into this program as into latchkey.exe, read back
// under Wine: the manifest (asInvoker, Windows 10, per-monitor DPI), the icon, the version.

#include <cstdio>
#include <string>
#include <windows.h>

namespace {

int g_passed = 0;
int g_failed = 0;

void check(bool ok, const char* what)
{
    ok ? ++g_passed : ++g_failed;
    if (!ok)
        std::printf("FAIL: %s\n", what);
}
#define CHECK(condition) check((condition), #condition)

std::string resourceText(const wchar_t* type, const wchar_t* name)
{
    HRSRC found = FindResourceW(nullptr, name, type);
    if (!found)
        return {};
    HGLOBAL loaded = LoadResource(nullptr, found);
    const char* data = static_cast<const char*>(LockResource(loaded));
    return data ? std::string(data, SizeofResource(nullptr, found)) : std::string();
}

std::wstring versionString(const wchar_t* name)
{
    wchar_t path[MAX_PATH];
    GetModuleFileNameW(nullptr, path, MAX_PATH);
    const DWORD size = GetFileVersionInfoSizeW(path, nullptr);
    std::string block(size, '\0');
    if (!size || !GetFileVersionInfoW(path, 0, size, block.data()))
        return {};
    void* value = nullptr;
    UINT length = 0;
    const std::wstring query = std::wstring(L"\\StringFileInfo\\040904B0\\") + name;
    if (!VerQueryValueW(block.data(), query.c_str(), &value, &length) || !value)
        return {};
    return std::wstring(static_cast<const wchar_t*>(value));
}

} // namespace

int main()
{
    const std::string manifest =
        resourceText(MAKEINTRESOURCEW(24), MAKEINTRESOURCEW(1)); // RT_MANIFEST, id 1
    CHECK(manifest.find("level=\"asInvoker\"") != std::string::npos);
    CHECK(manifest.find("{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}") != std::string::npos);
    CHECK(manifest.find("PerMonitorV2") != std::string::npos);
    CHECK(manifest.find("name=\"io.latchkey.Latchkey\"") != std::string::npos);
    CHECK(FindResourceW(nullptr, L"IDI_ICON1", MAKEINTRESOURCEW(14)) != nullptr); // RT_GROUP_ICON
    CHECK(LoadIconW(GetModuleHandleW(nullptr), L"IDI_ICON1") != nullptr);
    CHECK(versionString(L"ProductName") == L"Latchkey");
    CHECK(versionString(L"OriginalFilename") == L"latchkey.exe");
    std::printf("%d passed, %d failed\n", g_passed, g_failed);
    return g_failed == 0 ? 0 : 1;
}
