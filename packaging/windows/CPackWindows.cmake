# The Windows installer: CPack's NSIS generator (cpack -G NSIS in a Windows build folder,
# after the app was built with Qt 6 for Windows). Included by the top-level CMakeLists.txt on
# Windows only. Qt's own libraries and plugins (WebEngine included) are put beside
# latchkey.exe by the deploy script Qt generates (windeployqt).
set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_NAME Latchkey)
set(CPACK_PACKAGE_VENDOR Latchkey)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY Latchkey)
set(CPACK_PACKAGE_EXECUTABLES latchkey Latchkey) # Start menu entry
set(CPACK_CREATE_DESKTOP_LINKS latchkey)
set(CPACK_NSIS_DISPLAY_NAME Latchkey)
set(CPACK_NSIS_PACKAGE_NAME Latchkey)
set(CPACK_NSIS_MUI_ICON ${CMAKE_CURRENT_LIST_DIR}/latchkey.ico)
set(CPACK_NSIS_MUI_UNIICON ${CMAKE_CURRENT_LIST_DIR}/latchkey.ico)
set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\latchkey.exe)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# Per-user data stays: uninstalling never deletes %APPDATA%\\Latchkey (profiles, passkey records).
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
include(CPack)
