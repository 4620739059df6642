# SPDX-License-Identifier: Apache-2.0
# Installs Steppe into a scratch prefix, builds docs/examples against it with
# find_package(Steppe), and runs the example on the bundled corpus. Fails on any step.
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
    -DCMAKE_PREFIX_PATH=${prefix})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/index_and_search ${STEPPE_SOURCE_DIR}/corpus ${WORK_DIR}/db Zhanaozen)
message("${last_output}")
if(NOT last_output MATCHES "hits for 'Zhanaozen'" OR last_output MATCHES "; 0 hits")
  message(FATAL_ERROR "the example found nothing:\n${last_output}")
endif()
