# evgraph_sanitizers: AddressSanitizer + UndefinedBehaviorSanitizer when EVGRAPH_SANITIZE is ON;
# with EVGRAPH_FUZZ also libFuzzer's coverage instrumentation (the harnesses in fuzz/ link libFuzzer
# itself).
add_library(evgraph_sanitizers INTERFACE)
if(EVGRAPH_SANITIZE OR EVGRAPH_FUZZ)
  set(_evgraph_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  if(EVGRAPH_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
      message(FATAL_ERROR "EVGRAPH_FUZZ needs clang (libFuzzer): configure with the fuzz preset, "
                          "cmake --preset fuzz, or -DCMAKE_CXX_COMPILER=clang++")
    endif()
    list(APPEND _evgraph_san -fsanitize=fuzzer-no-link)
  endif()
  target_compile_options(evgraph_sanitizers INTERFACE ${_evgraph_san})
  target_link_options(evgraph_sanitizers INTERFACE ${_evgraph_san})
endif()
