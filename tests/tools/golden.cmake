# Rebuilds a worked example into a scratch folder and compares every output byte for byte with the
# committed file. Run by ctest (tests/tools.cmake):
#   cmake -DEVGRAPH=exe -DSOURCE_DIR=dir -DEXAMPLE_DIR=graphs/x -DARGS=a|b -DOUTPUTS=f|g -DWORK_DIR=dir
#         -P golden.cmake
# ARGS and OUTPUTS are lists joined with "|". evgraph runs in SOURCE_DIR: document ids are paths as given.
string(REPLACE "|" ";" ARGS "${ARGS}")
string(REPLACE "|" ";" OUTPUTS "${OUTPUTS}")
get_filename_component(_target ${EXAMPLE_DIR} NAME)
set(_fix "If the new output is intended, run `cmake --build build --target ${_target}` and commit ${EXAMPLE_DIR}/.")

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(_o)
foreach(_out ${OUTPUTS})
  list(APPEND _o -o ${WORK_DIR}/${_out})
endforeach()
execute_process(COMMAND ${EVGRAPH} ${ARGS} ${_o} WORKING_DIRECTORY ${SOURCE_DIR}
  RESULT_VARIABLE _rc ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
  list(JOIN ARGS " " _args)
  message(FATAL_ERROR "`evgraph ${_args}` failed (exit ${_rc}) in ${SOURCE_DIR}:\n${_err}")
endif()

find_program(_diff diff)
set(_bad)
foreach(_out ${OUTPUTS})
  set(_committed ${SOURCE_DIR}/${EXAMPLE_DIR}/${_out})
  if(NOT EXISTS ${_committed})
    message(SEND_ERROR "${EXAMPLE_DIR}/${_out} is not committed.")
    list(APPEND _bad ${_out})
    continue()
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${_committed} ${WORK_DIR}/${_out}
    RESULT_VARIABLE _differs)
  if(_differs)
    message(SEND_ERROR "${EXAMPLE_DIR}/${_out} differs from a fresh build (${WORK_DIR}/${_out})")
    if(_diff AND NOT _out MATCHES "\\.(png|pdf)$")
      execute_process(COMMAND ${_diff} -u ${_committed} ${WORK_DIR}/${_out} COMMAND head -n 40 COMMAND cut -c 1-200)
    endif()
    list(APPEND _bad ${_out})
  endif()
endforeach()
if(_bad)
  list(JOIN _bad ", " _bad)
  message(FATAL_ERROR "Missing or out of date in ${EXAMPLE_DIR}/: ${_bad}. ${_fix}")
endif()
list(LENGTH OUTPUTS _n)
message(STATUS "${EXAMPLE_DIR}: ${_n} committed outputs match a fresh build")
