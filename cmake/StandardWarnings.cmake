# evgraph_warnings: the warnings every evgraph target compiles with (errors with EVGRAPH_WERROR,
# through CMAKE_COMPILE_WARNING_AS_ERROR). Linked privately; never part of the installed interface.
add_library(evgraph_warnings INTERFACE)
target_compile_options(evgraph_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
# GCC 12 at -O3 reports -Wrestrict on std::string appends inside libstdc++ that cannot overlap
# (GCC bug 105329, fixed in GCC 13); it fires on code that is fine, so it is off for GCC < 13.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(evgraph_warnings INTERFACE -Wno-restrict)
endif()
