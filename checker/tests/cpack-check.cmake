# Builds the .deb and .tar.gz with CPack and checks them: the .deb depends on
# the Debian 12 packages of the libraries the binary links and holds the
# relocatable tree under /usr; the .tar.gz, unpacked anywhere, runs.
#
#   cmake -DBUILD_DIR=<build> -DSOURCE_DIR=<repo> -DWORK=<scratch> -P cpack-check.cmake
function(check)
  cmake_parse_arguments(PARSE_ARGV 0 CHECK "" "MESSAGE" "")
  if(NOT (${CHECK_UNPARSED_ARGUMENTS}))
    message(FATAL_ERROR "${CHECK_MESSAGE}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${CMAKE_CPACK_COMMAND} --config ${BUILD_DIR}/CPackConfig.cmake -B ${WORK}
                RESULT_VARIABLE RC OUTPUT_VARIABLE OUT ERROR_VARIABLE ERR)
check(RC EQUAL 0 MESSAGE "cpack failed (${RC}):\n${OUT}\n${ERR}")
file(GLOB DEB ${WORK}/vmbcheck_*.deb)
file(GLOB TGZ ${WORK}/vmbcheck-*.tar.gz)
check(DEB AND TGZ MESSAGE "cpack made no .deb or no .tar.gz:\n${OUT}")

execute_process(COMMAND dpkg-deb --field ${DEB} Depends OUTPUT_VARIABLE DEPENDS RESULT_VARIABLE RC)
check(RC EQUAL 0 MESSAGE "dpkg-deb cannot read ${DEB}")
foreach(P libclang-cpp19 libllvm19 libstdc\\+\\+6 libc6)
  check(DEPENDS MATCHES "(^|, )${P}( |,|$)" MESSAGE "the .deb does not depend on ${P}: ${DEPENDS}")
endforeach()
execute_process(COMMAND dpkg-deb --contents ${DEB} OUTPUT_VARIABLE FILES)
foreach(F ./usr/bin/vmbcheck ./usr/lib/vmbcheck/clang/19/include/stddef.h
          ./usr/share/vmbcheck/example/vsp_example.c ./usr/share/doc/vmbcheck/rules/docs/VMB001.md)
  string(FIND "${FILES}" " ${F}\n" AT)
  check(AT GREATER -1 MESSAGE "${F} is not in the .deb:\n${FILES}")
endforeach()

file(MAKE_DIRECTORY ${WORK}/unpacked)
execute_process(COMMAND ${CMAKE_COMMAND} -E tar xzf ${TGZ} WORKING_DIRECTORY ${WORK}/unpacked
                RESULT_VARIABLE RC)
check(RC EQUAL 0 MESSAGE "cannot unpack ${TGZ}")
file(GLOB TOOL ${WORK}/unpacked/*/bin/vmbcheck)
check(TOOL MESSAGE "no bin/vmbcheck in ${TGZ}")
execute_process(COMMAND ${TOOL} --no-color WORKING_DIRECTORY ${WORK}
                RESULT_VARIABLE RC OUTPUT_VARIABLE OUT ERROR_VARIABLE ERR)
check(RC EQUAL 1 MESSAGE "the unpacked binary: exit ${RC}\n${OUT}\n${ERR}")
string(FIND "${OUT}" "[VMB004]" AT)
check(AT GREATER -1 MESSAGE "no VMB004 finding from the unpacked binary:\n${OUT}\n${ERR}")
file(REMOVE_RECURSE ${WORK})
message(STATUS "Depends: ${DEPENDS}")
