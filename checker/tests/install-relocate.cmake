# Installs vmbcheck to a prefix, moves the prefix, and runs the moved binary:
# it must find its Clang builtin headers and bundled example relative to
# itself (not through the build tree) and report the example's findings.
#
#   cmake -DBUILD_DIR=<build> -DSOURCE_DIR=<repo> -DWORK=<scratch> -P install-relocate.cmake
foreach(V BUILD_DIR SOURCE_DIR WORK)
  if(NOT DEFINED ${V})
    message(FATAL_ERROR "${V} is not set")
  endif()
endforeach()

# check(<condition...> MESSAGE <text>): stop with <text> unless the condition holds.
function(check)
  cmake_parse_arguments(PARSE_ARGV 0 CHECK "" "MESSAGE" "")
  if(NOT (${CHECK_UNPARSED_ARGUMENTS}))
    message(FATAL_ERROR "${CHECK_MESSAGE}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK}/first
                RESULT_VARIABLE RC OUTPUT_QUIET)
check(RC EQUAL 0 MESSAGE "cmake --install failed (${RC})")
file(RENAME ${WORK}/first ${WORK}/moved)
set(TOOL ${WORK}/moved/bin/vmbcheck)

foreach(F lib/vmbcheck/clang/19/include/stddef.h share/vmbcheck/example/vsp_example.c
          share/vmbcheck/compile_flags.txt share/vmbcheck/include/vmbuskernelmodeclientlibapi.h
          share/doc/vmbcheck/README.md share/doc/vmbcheck/rules/docs/VMB004.md
          share/doc/vmbcheck/rules/rules.json)
  check(EXISTS ${WORK}/moved/${F} MESSAGE "not installed: ${F}")
endforeach()

execute_process(COMMAND ${TOOL} --print-resource-dir OUTPUT_VARIABLE DIR
                OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE RC)
check(DIR STREQUAL "${WORK}/moved/lib/vmbcheck/clang/19" MESSAGE "the moved binary uses the builtin headers in '${DIR}', not its own copy")

# The example of the source tree, with the source tree's compile_flags.txt.
execute_process(COMMAND ${TOOL} --no-color ${SOURCE_DIR}/testdata/example/vsp_example.c
                WORKING_DIRECTORY ${WORK} RESULT_VARIABLE RC OUTPUT_VARIABLE OUT ERROR_VARIABLE ERR)
check(RC EQUAL 1 MESSAGE "the moved binary on testdata/example: exit ${RC}\n${OUT}\n${ERR}")
string(FIND "${OUT}" "vsp_example.c:59:5: error: 'VspSavePacket' writes 32 bytes" AT)
check(AT GREATER -1 MESSAGE "the moved binary did not report the VMB004 finding:\n${OUT}\n${ERR}")
foreach(Rule VMB002 VMB003 VMB004 VMB005)
  string(FIND "${OUT}" "[${Rule}]" AT)
  check(AT GREATER -1 MESSAGE "no ${Rule} finding from the moved binary:\n${OUT}")
endforeach()

# No argument: the installed example, with the installed headers.
execute_process(COMMAND ${TOOL} --no-color WORKING_DIRECTORY ${WORK}
                RESULT_VARIABLE RC OUTPUT_VARIABLE OUT ERROR_VARIABLE ERR)
check(RC EQUAL 1 MESSAGE "the moved binary without arguments: exit ${RC}\n${OUT}\n${ERR}")
string(FIND "${ERR}" "example driver ${WORK}/moved/share/vmbcheck/example/vsp_example.c" AT)
check(AT GREATER -1 MESSAGE "the moved binary did not analyse its own example:\n${ERR}")
string(FIND "${OUT}" "[VMB004]" AT)
check(AT GREATER -1 MESSAGE "no VMB004 finding on the installed example:\n${OUT}")

execute_process(COMMAND ${TOOL} --explain VMB004 OUTPUT_VARIABLE OUT RESULT_VARIABLE RC)
check(RC EQUAL 0 MESSAGE "--explain failed")
file(REMOVE_RECURSE ${WORK})
message(STATUS "installed, moved and ran: findings as expected")
