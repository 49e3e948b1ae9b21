# Worked examples in graphs/: `cmake --build build --target men-peer-support` rebuilds the shipped
# example's exports in place. Paths are relative to the source tree, since a document's id is its
# path as given. tests/ compares the committed files with a fresh build of them.
#
# An output ending in "/" is a folder export named after its format (csv/ is `-o csv --to csv`):
# it is written by a run of its own, into a folder removed first, since evgraph writes a folder
# export only into a new or empty folder.
set(EVGRAPH_EXAMPLE_DIR graphs/men-peer-support)
set(EVGRAPH_EXAMPLE_ARGS build ${EVGRAPH_EXAMPLE_DIR}/men-peer-support.txt
    --lexicon ${EVGRAPH_EXAMPLE_DIR}/lexicon.json)
set(EVGRAPH_EXAMPLE_OUTPUTS
    men-peer-support.json men-peer-support.cyjs men-peer-support.jgf.json
    men-peer-support.vosviewer.json men-peer-support.kumu.json
    men-peer-support.graphology.json men-peer-support.graphml
    men-peer-support.gexf men-peer-support.mmd men-peer-support.dot men-peer-support.svg
    men-peer-support.png men-peer-support.html csv/ neo4j/)

set(_outputs)
set(_folders)
foreach(_out ${EVGRAPH_EXAMPLE_OUTPUTS})
  if(_out MATCHES "^(.+)/$")
    set(_folder ${EVGRAPH_EXAMPLE_DIR}/${CMAKE_MATCH_1})
    list(APPEND _folders
      COMMAND ${CMAKE_COMMAND} -E rm -rf ${_folder}
      COMMAND evgraph_cli ${EVGRAPH_EXAMPLE_ARGS} -o ${_folder} --to ${CMAKE_MATCH_1})
  else()
    list(APPEND _outputs -o ${EVGRAPH_EXAMPLE_DIR}/${_out})
  endif()
endforeach()
add_custom_target(men-peer-support
  COMMAND evgraph_cli ${EVGRAPH_EXAMPLE_ARGS} ${_outputs}
  ${_folders}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  COMMENT "Building graphs/men-peer-support/ (every export format)"
  VERBATIM)
