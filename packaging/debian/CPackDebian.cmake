# The Debian package: `cpack -G DEB` in a configured, built tree makes latchkey_<version>_<arch>.deb
# (the README's one command). Installed under /usr, with /etc/pam.d/latchkey as a conffile;
# the libraries it links are found by dpkg-shlibdeps, and what it only loads at run time
# (QML modules, the SQLite driver, WebEngine's helper process, PAM's common-auth) is listed
# here. Tested by tests/packaging (label package): lintian, appstreamcli, install, run, purge.
set(latchkey_debian_dir ${PROJECT_SOURCE_DIR}/packaging/debian)

# Debian wants the copyright, a compressed changelog and compressed manual pages; gzip -n so
# a rebuild gives the same bytes.
set(latchkey_packaging_out ${PROJECT_BINARY_DIR}/packaging)
set(latchkey_compressed_docs)
foreach(doc IN ITEMS changelog latchkey.1 latchkey-webauthn.1)
    configure_file(${latchkey_debian_dir}/${doc}.in ${latchkey_packaging_out}/${doc} @ONLY)
    add_custom_command(OUTPUT ${latchkey_packaging_out}/${doc}.gz
        COMMAND gzip -9nc ${latchkey_packaging_out}/${doc} > ${latchkey_packaging_out}/${doc}.gz
        DEPENDS ${latchkey_packaging_out}/${doc} VERBATIM)
    list(APPEND latchkey_compressed_docs ${latchkey_packaging_out}/${doc}.gz)
endforeach()
add_custom_target(latchkey_debian_docs ALL DEPENDS ${latchkey_compressed_docs})
install(FILES ${latchkey_debian_dir}/copyright DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/latchkey)
# A native package (no Debian revision): changelog.gz, not changelog.Debian.gz.
install(FILES ${latchkey_packaging_out}/changelog.gz DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/latchkey)
install(FILES ${latchkey_packaging_out}/latchkey.1.gz ${latchkey_packaging_out}/latchkey-webauthn.1.gz
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The two installed programs are linked as Debian's hardening flags link them: read-only
# relocations and immediate binding.
foreach(program IN ITEMS latchkey latchkey-webauthn)
    target_link_options(${program} PRIVATE -Wl,-z,relro -Wl,-z,now)
endforeach()

# cpack installs what is built without building the whole tree first (tests and benchmarks are
# not in the package); the package test builds what it packages (tests/packaging).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME latchkey)
set(CPACK_PACKAGE_VENDOR "The Latchkey developers")
set(CPACK_PACKAGE_CONTACT "The Latchkey developers <developers@latchkey.io>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "passwordless local profiles with passkeys")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Debug information stays in the build tree; the package carries stripped binaries.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://latchkey.io/")
# The extended description; CPack puts the summary above it and indents it as Debian wants.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Latchkey gives a computer passwordless local profiles: create a
profile, register a passkey held by the platform authenticator (keys in
the TPM, or sealed on disk), and sign in with it instead of a password.
The pages are served on localhost to the app's own window only;
profiles live in a local SQLite database.

The package also holds latchkey-webauthn, which checks WebAuthn
registration and authentication responses with the same relying-party
core.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so dpkg-shlibdeps cannot see them; appended to what it finds.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6webenginecore6-bin, libqt6sql6-sqlite, qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, qml6-module-qtquick-templates, qml6-module-qtquick-window, qml6-module-qtqml-workerscript, qml6-module-qtwebengine, qml6-module-qtwebchannel, libpam-runtime")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "polkitd, swtpm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${latchkey_debian_dir}/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
