# evgraph_warnings: the warnings every evgraph target compiles with (errors, through
# CMAKE_COMPILE_WARNING_AS_ERROR). Linked privately; never part of the installed interface.
add_library(evgraph_warnings INTERFACE)
target_compile_options(evgraph_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
