# Latchkey.app on macOS: bundle, Info.plist, entitlements, signing. Included by src/app on
# Apple systems only; NOT run in this repository's CI (Debian), so untested on a Mac.
#   -DLATCHKEY_APPLE_TEAM_ID=ABCDE12345      the team of the signing identity (access group)
#   -DLATCHKEY_CODESIGN_IDENTITY="Developer ID Application: ..."   signs after each build
#   -DLATCHKEY_PROVISIONING_PROFILE=path     embedded as Contents/embedded.provisionprofile
set(LATCHKEY_APPLE_TEAM_ID "" CACHE STRING "Apple team id of the signing identity")
set(LATCHKEY_CODESIGN_IDENTITY "" CACHE STRING "codesign identity for Latchkey.app (empty: unsigned)")
set(LATCHKEY_PROVISIONING_PROFILE "" CACHE FILEPATH "Provisioning profile allowing the keychain group")

set(latchkey_macos_dir ${PROJECT_SOURCE_DIR}/packaging/macos)
set(latchkey_plist_strings
    ${latchkey_macos_dir}/en.lproj/InfoPlist.strings
    ${latchkey_macos_dir}/de.lproj/InfoPlist.strings
    ${latchkey_macos_dir}/fr.lproj/InfoPlist.strings
    ${latchkey_macos_dir}/es.lproj/InfoPlist.strings)
target_sources(latchkey PRIVATE ${latchkey_plist_strings})
foreach(strings IN LISTS latchkey_plist_strings)
    get_filename_component(lproj ${strings} DIRECTORY)
    get_filename_component(lproj ${lproj} NAME)
    set_source_files_properties(${strings} PROPERTIES MACOSX_PACKAGE_LOCATION Resources/${lproj})
endforeach()

set_target_properties(latchkey PROPERTIES
    MACOSX_BUNDLE TRUE
    OUTPUT_NAME Latchkey
    MACOSX_BUNDLE_INFO_PLIST ${latchkey_macos_dir}/Info.plist.in
    MACOSX_BUNDLE_GUI_IDENTIFIER io.latchkey.Latchkey
    MACOSX_BUNDLE_BUNDLE_NAME Latchkey
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION})

configure_file(${latchkey_macos_dir}/Latchkey.entitlements.in
    ${CMAKE_CURRENT_BINARY_DIR}/Latchkey.entitlements @ONLY)
if(LATCHKEY_PROVISIONING_PROFILE)
    add_custom_command(TARGET latchkey POST_BUILD
        COMMAND ${CMAKE_COMMAND} -E copy ${LATCHKEY_PROVISIONING_PROFILE}
                $<TARGET_BUNDLE_CONTENT_DIR:latchkey>/embedded.provisionprofile)
endif()
if(LATCHKEY_CODESIGN_IDENTITY)
    if(NOT LATCHKEY_APPLE_TEAM_ID)
        message(FATAL_ERROR "LATCHKEY_CODESIGN_IDENTITY needs LATCHKEY_APPLE_TEAM_ID (the keychain access group)")
    endif()
    add_custom_command(TARGET latchkey POST_BUILD
        COMMAND codesign --force --options runtime --timestamp
                --entitlements ${CMAKE_CURRENT_BINARY_DIR}/Latchkey.entitlements
                --sign ${LATCHKEY_CODESIGN_IDENTITY} $<TARGET_BUNDLE_DIR:latchkey>
        VERBATIM)
endif()
