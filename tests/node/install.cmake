# usage: cmake -DNPM=<npm> -DSOURCE=<tests/node> -DDEST=<build>/tests/node -P install.cmake
# Installs the pinned Node.js readers of SOURCE/package-lock.json into DEST/node_modules with
# `npm ci`, never into the source tree. A copy of the lockfile kept inside node_modules marks a
# finished install: when it equals the lockfile (and package.json is unchanged) nothing is done.
if(NOT NPM OR NOT EXISTS "${NPM}")
  message(FATAL_ERROR "npm was not found when evgraph was configured (Debian packages nodejs and "
                      "npm; run .ci/setup, then configure again)")
endif()
set(_stamp_lock "${DEST}/node_modules/.evgraph-package-lock.json")
set(_stamp_package "${DEST}/node_modules/.evgraph-package.json")
file(MAKE_DIRECTORY "${DEST}")

function(same_file a b result)
  set(${result} FALSE PARENT_SCOPE)
  if(EXISTS "${a}" AND EXISTS "${b}")
    file(SHA256 "${a}" ha)
    file(SHA256 "${b}" hb)
    if(ha STREQUAL hb)
      set(${result} TRUE PARENT_SCOPE)
    endif()
  endif()
endfunction()

same_file("${SOURCE}/package-lock.json" "${_stamp_lock}" _lock_same)
same_file("${SOURCE}/package.json" "${_stamp_package}" _package_same)
if(_lock_same AND _package_same)
  message(STATUS "node_modules in ${DEST} is up to date with ${SOURCE}/package-lock.json")
  return()
endif()

file(COPY_FILE "${SOURCE}/package.json" "${DEST}/package.json")
file(COPY_FILE "${SOURCE}/package-lock.json" "${DEST}/package-lock.json")
# No Chromium download: puppeteer-core never fetches one, and this keeps any other package quiet.
set(ENV{PUPPETEER_SKIP_DOWNLOAD} 1)
execute_process(COMMAND "${NPM}" ci --no-audit --no-fund
                WORKING_DIRECTORY "${DEST}" RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
  message(FATAL_ERROR "npm ci in ${DEST} failed (${_result}): is the npm registry reachable? "
                      "The lockfile is ${SOURCE}/package-lock.json")
endif()
file(COPY_FILE "${SOURCE}/package-lock.json" "${_stamp_lock}")
file(COPY_FILE "${SOURCE}/package.json" "${_stamp_package}")
message(STATUS "installed the Node.js readers of ${SOURCE}/package-lock.json into ${DEST}")
