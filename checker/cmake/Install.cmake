# `cmake --install` and CPack (.deb, .tar.gz). The tree is relocatable: the
# binary finds its Clang builtin headers and the bundled example relative to
# its own path (frontend/ResourceDir.cpp), never through the build directory.
#
#   <prefix>/bin/vmbcheck
#   <prefix>/lib/vmbcheck/clang/<major>/include/   Clang builtin headers (stddef.h, intrinsics)
#   <prefix>/share/vmbcheck/                       the example driver, its test headers, compile_flags.txt
#   <prefix>/share/doc/vmbcheck/                   README, LICENSE, rules/ (catalogue and rule pages)

install(TARGETS vmbcheck RUNTIME DESTINATION bin)

# The headers every parse needs (the analysis runs Clang in-process): a copy,
# so that the package works whatever version of libclang-common is there.
install(DIRECTORY ${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR}/include/
        DESTINATION ${VMBCHECK_INSTALL_RESOURCE_DIR}/include)

# `vmbcheck` with no argument analyses this example, as in the build tree.
install(FILES ${PROJECT_SOURCE_DIR}/testdata/example/vsp_example.c
        DESTINATION ${VMBCHECK_INSTALL_DATA_DIR}/example)
install(FILES ${PROJECT_SOURCE_DIR}/testdata/compile_flags.txt
        DESTINATION ${VMBCHECK_INSTALL_DATA_DIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/testdata/include/
        DESTINATION ${VMBCHECK_INSTALL_DATA_DIR}/include)

# The rule pages are also compiled into the binary (--explain); these are
# for reading and for the README's links, which stay valid beside it.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${VMBCHECK_INSTALL_DOC_DIR})
install(FILES ${PROJECT_SOURCE_DIR}/rules/rules.json ${PROJECT_SOURCE_DIR}/rules/roles.json
              ${PROJECT_SOURCE_DIR}/rules/ddi-irql.json
        DESTINATION ${VMBCHECK_INSTALL_DOC_DIR}/rules)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/docs/
        DESTINATION ${VMBCHECK_INSTALL_DOC_DIR}/rules/docs FILES_MATCHING PATTERN "*.md")

set(CPACK_PACKAGE_NAME vmbcheck)
set(CPACK_PACKAGE_VENDOR vmbcheck)
set(CPACK_PACKAGE_CONTACT "vmbcheck maintainers <vmbcheck@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Checks Hyper-V VSP save callbacks (EVT_VMB_CHANNEL_SAVE_PACKET) against the KMCL contract")
set(CPACK_PACKAGE_HOMEPAGE_URL ${VMBCHECK_HOMEPAGE})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_FILE_NAME "vmbcheck-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # vmbcheck_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# Depends from the libraries the binary links (libclang-cpp19, libllvm19,
# libstdc++6, libc6, libgcc-s1: all in Debian 12), as dpkg-shlibdeps finds them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# (Z3, for refutation, comes with libllvm19, which depends on libz3-4.)
# clang-apply-replacements-19 applies the fixes of --export-fixes.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tools-19")
include(CPack)
