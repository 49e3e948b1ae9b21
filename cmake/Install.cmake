# Installs the library, its headers, the evgraph binary and a CMake package:
# find_package(evgraph) gives evgraph::evgraph.
include(CMakePackageConfigHelpers)

install(TARGETS evgraph EXPORT evgraphTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS evgraph_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/evgraph DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/evgraph/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/evgraph)

set(_evgraph_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/evgraph)
install(EXPORT evgraphTargets NAMESPACE evgraph:: DESTINATION ${_evgraph_cmake_dir})
configure_package_config_file(cmake/evgraphConfig.cmake.in
  ${PROJECT_BINARY_DIR}/evgraphConfig.cmake INSTALL_DESTINATION ${_evgraph_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/evgraphConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/evgraphConfig.cmake
  ${PROJECT_BINARY_DIR}/evgraphConfigVersion.cmake DESTINATION ${_evgraph_cmake_dir})
