# SPDX-License-Identifier: Apache-2.0
# Installs Steppe into a scratch prefix, builds docs/examples against it with
# find_package(Steppe) as C++17, and runs the example on the bundled corpus. Then moves the
# prefix elsewhere and builds tests/install/all_headers.cc, which includes every public
# header, with -std=c++17 and nothing but `pkg-config --cflags --libs steppe`. Fails on any step.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${STEPPE_BUILD_DIR} --prefix ${prefix})
run(${CMAKE_COMMAND} -S ${STEPPE_SOURCE_DIR}/docs/examples -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_CXX_COMPILER=${CXX})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/index_and_search ${STEPPE_SOURCE_DIR}/corpus ${WORK_DIR}/db Zhanaozen)
message("${last_output}")
if(NOT last_output MATCHES "hits for 'Zhanaozen'" OR last_output MATCHES "; 0 hits")
  message(FATAL_ERROR "the example found nothing:\n${last_output}")
endif()

# pkg-config, from a prefix that is not where it was installed: steppe.pc must find itself.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(moved ${WORK_DIR}/moved)
file(RENAME ${prefix} ${moved})
set(ENV{PKG_CONFIG_PATH} ${moved}/${LIBDIR}/pkgconfig)
run(${PKG_CONFIG} --cflags --libs steppe)
string(STRIP "${last_output}" flags)
string(FIND "${flags}" "-I${moved}/" at)
if(at EQUAL -1)
  message(FATAL_ERROR "steppe.pc does not point into ${moved}: ${flags}")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
run(${CXX} -std=c++17 -Wall -Wextra -pedantic-errors
    ${CMAKE_CURRENT_LIST_DIR}/all_headers.cc -o ${WORK_DIR}/all_headers ${flags})
run(${WORK_DIR}/all_headers ${WORK_DIR}/no-index-here)
message("${last_output}")
