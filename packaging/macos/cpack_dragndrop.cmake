# Latchkey.dmg (CPack DragNDrop): the bundle beside a link to /Applications. Included by the
# top-level CMakeLists.txt on Apple systems only; NOT run in this repository's CI (Debian).
# Qt's frameworks must be in the bundle first (macdeployqt Latchkey.app, then cpack).
set(CPACK_GENERATOR DragNDrop)
set(CPACK_PACKAGE_NAME Latchkey)
set(CPACK_PACKAGE_VENDOR Latchkey)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_FILE_NAME Latchkey-${PROJECT_VERSION})
set(CPACK_DMG_VOLUME_NAME Latchkey)
set(CPACK_DMG_FORMAT UDZO)
include(CPack)
