# evgraph_sanitizers: AddressSanitizer + UndefinedBehaviorSanitizer when EVGRAPH_SANITIZE is ON.
add_library(evgraph_sanitizers INTERFACE)
if(EVGRAPH_SANITIZE)
  set(_evgraph_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(evgraph_sanitizers INTERFACE ${_evgraph_san})
  target_link_options(evgraph_sanitizers INTERFACE ${_evgraph_san})
endif()
