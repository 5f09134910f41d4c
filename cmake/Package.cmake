# What `cmake --install` puts where, beyond the binary, and the Debian package `cpack -G DEB` makes of it.
# Install with `cmake --install BUILD --strip`; cpack strips too (CPACK_STRIP_FILES).

# The manual pages and shell completions, made at build time by the program from its own command line.
set(WELLBEING_DOCS_DIR ${PROJECT_BINARY_DIR}/docs)
add_custom_command(
  OUTPUT ${WELLBEING_DOCS_DIR}/man1/wellbeing.1 ${WELLBEING_DOCS_DIR}/wellbeing.bash ${WELLBEING_DOCS_DIR}/_wellbeing
         ${WELLBEING_DOCS_DIR}/wellbeing.fish
  COMMAND ${CMAKE_COMMAND} -DWELLBEING=$<TARGET_FILE:wellbeing> -DOUTPUT_DIR=${WELLBEING_DOCS_DIR}
          -P ${PROJECT_SOURCE_DIR}/cmake/GenerateDocs.cmake
  DEPENDS wellbeing ${PROJECT_SOURCE_DIR}/cmake/GenerateDocs.cmake
  COMMENT "Writing the manual pages and shell completions"
  VERBATIM)
add_custom_target(wellbeing_docs ALL DEPENDS ${WELLBEING_DOCS_DIR}/man1/wellbeing.1)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/wellbeing/schemas
        FILES_MATCHING PATTERN "*.json")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/templates/ DESTINATION ${CMAKE_INSTALL_DATADIR}/wellbeing/templates)
install(DIRECTORY ${WELLBEING_DOCS_DIR}/man1 DESTINATION ${CMAKE_INSTALL_MANDIR})
install(FILES ${WELLBEING_DOCS_DIR}/wellbeing.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME wellbeing)
install(FILES ${WELLBEING_DOCS_DIR}/_wellbeing DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${WELLBEING_DOCS_DIR}/wellbeing.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

set(CPACK_PACKAGE_NAME wellbeing)
set(CPACK_PACKAGE_VENDOR "The wellbeing project")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}, validated, diffed and merged in git")
set(CPACK_PACKAGE_DESCRIPTION
    "wellbeing validates person-centred wellbeing records (YAML files in git) against a JSON Schema and the rules "
    "of good practice under the Care Act 2014, adds to them without disturbing what a person wrote, diffs and "
    "merges them by meaning, summarises them and renders review reports.")
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "wellbeing maintainers <maintainers@users.noreply.r-seed-21ca01db.example>"
    CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
# The runtime libraries (libyaml-cpp0.7, libfmt9, libpcre2-8-0, libgit2-1.5, libssl3, libstdc++6, libc6 on Debian 12)
# as dpkg-shlibdeps (dpkg-dev) reads them from the binary, so the list cannot go stale.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The git set-up and the audit trail are for a git working tree; pdf output goes through a browser or pandoc.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS git)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "chromium, pandoc")
include(CPack)
