# Worked examples in graphs/: `cmake --build build --target men-peer-support` rebuilds the shipped
# example's exports in place. Paths are relative to the source tree, since a document's id is its
# path as given. tests/ compares the committed files with a fresh build of them.
set(EVGRAPH_EXAMPLE_DIR graphs/men-peer-support)
set(EVGRAPH_EXAMPLE_ARGS build ${EVGRAPH_EXAMPLE_DIR}/men-peer-support.txt
    --lexicon ${EVGRAPH_EXAMPLE_DIR}/lexicon.json)
set(EVGRAPH_EXAMPLE_OUTPUTS
    men-peer-support.json men-peer-support.cyjs men-peer-support.jgf.json
    men-peer-support.vosviewer.json men-peer-support.kumu.json
    men-peer-support.graphology.json men-peer-support.graphml
    men-peer-support.gexf men-peer-support.mmd men-peer-support.dot men-peer-support.svg)

set(_outputs)
foreach(_out ${EVGRAPH_EXAMPLE_OUTPUTS})
  list(APPEND _outputs -o ${EVGRAPH_EXAMPLE_DIR}/${_out})
endforeach()
add_custom_target(men-peer-support
  COMMAND evgraph_cli ${EVGRAPH_EXAMPLE_ARGS} ${_outputs}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  COMMENT "Building graphs/men-peer-support/ (every export format)"
  VERBATIM)
