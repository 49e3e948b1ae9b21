# Tests that run the real `evgraph` process and the real tools our users load its output with
# (Graphviz `dot`, NetworkX under /usr/bin/python3, CMake's find_package). Scripts: tests/tools/.
# Scratch output goes under the build tree (tests/tools-out/), never into the source tree.
find_program(EVGRAPH_BASH bash REQUIRED)
set(_tools ${CMAKE_CURRENT_SOURCE_DIR}/tools)
set(_out ${CMAKE_CURRENT_BINARY_DIR}/tools-out)
set(_evgraph $<TARGET_FILE:evgraph_cli>)

# The committed exports of the worked example (cmake/Examples.cmake) equal a fresh build of them.
get_filename_component(_example ${EVGRAPH_EXAMPLE_DIR} NAME)
list(JOIN EVGRAPH_EXAMPLE_ARGS "|" _args)
list(JOIN EVGRAPH_EXAMPLE_OUTPUTS "|" _outputs)
add_test(NAME golden.${_example}
  COMMAND ${CMAKE_COMMAND} -DEVGRAPH=${_evgraph} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -DEXAMPLE_DIR=${EVGRAPH_EXAMPLE_DIR} -DARGS=${_args} -DOUTPUTS=${_outputs}
          -DWORK_DIR=${_out}/golden -P ${_tools}/golden.cmake)

# The seed's JSON, DOT and SVG, shared by the tools.* checks.
add_test(NAME tools.seed-exports
  COMMAND ${EVGRAPH_BASH} ${_tools}/export_seed.sh ${_evgraph} ${_out}/seed)
set_tests_properties(tools.seed-exports PROPERTIES FIXTURES_SETUP evgraph_seed_exports)
add_test(NAME tools.dot-reads-dot COMMAND ${EVGRAPH_BASH} ${_tools}/check_dot.sh ${_out}/seed/seed.dot)
add_test(NAME tools.networkx-reads-json
  COMMAND /usr/bin/python3 ${_tools}/check_json.py ${_out}/seed/seed.json ${_out}/seed/seed.dot)
set_tests_properties(tools.dot-reads-dot tools.networkx-reads-json
  PROPERTIES FIXTURES_REQUIRED evgraph_seed_exports)

# The JSON dialects and Mermaid of the seed hold the node-link JSON's nodes and edges.
add_test(NAME tools.dialects-read-back
  COMMAND ${EVGRAPH_BASH} ${_tools}/check_dialects.sh ${_evgraph} ${_out}/dialects)

add_test(NAME acceptance.seed
  COMMAND ${EVGRAPH_BASH} ${_tools}/acceptance.sh ${_evgraph} ${PROJECT_SOURCE_DIR}/../shared
          ${_out}/acceptance)
set_tests_properties(acceptance.seed PROPERTIES SKIP_RETURN_CODE 77)

add_test(NAME acceptance.check-covid
  COMMAND ${EVGRAPH_BASH} ${_tools}/check_covid.sh ${_evgraph} ${PROJECT_SOURCE_DIR}/../shared
          ${_out}/check-covid)
set_tests_properties(acceptance.check-covid PROPERTIES SKIP_RETURN_CODE 77)

add_test(NAME determinism.seed
  COMMAND ${EVGRAPH_BASH} ${_tools}/determinism.sh ${_evgraph} ${_out}/determinism)
add_test(NAME cli.exit-codes
  COMMAND ${EVGRAPH_BASH} ${_tools}/cli_exit_codes.sh ${_evgraph} ${_out}/cli)
add_test(NAME cli.hardening
  COMMAND ${EVGRAPH_BASH} ${_tools}/cli_hardening.sh ${_evgraph} ${_out}/cli-hardening)
# Issue 12's catalogue of hostile inputs; sanitizer builds try the large ones at a tenth the size.
if(EVGRAPH_SANITIZE)
  set(_hostile_scale quick)
else()
  set(_hostile_scale full)
endif()
add_test(NAME cli.hostile-inputs
  COMMAND ${EVGRAPH_BASH} ${_tools}/hostile_inputs.sh ${_evgraph} ${_out}/hostile ${_hostile_scale})
set_tests_properties(cli.hostile-inputs PROPERTIES TIMEOUT 1800)

# A developer's project builds against an installed evgraph. With sanitizers on, the installed static
# library needs the consumer to link the sanitizer runtimes too.
set(_consumer_args -G ${CMAKE_GENERATOR} -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER})
if(EVGRAPH_SANITIZE)
  list(APPEND _consumer_args -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined)
endif()
add_test(NAME install.consumer
  COMMAND ${EVGRAPH_BASH} ${_tools}/install_consumer.sh ${CMAKE_COMMAND} ${PROJECT_BINARY_DIR}
          $<CONFIG> ${CMAKE_CURRENT_SOURCE_DIR}/consumer ${_out}/install ${_consumer_args})
set_tests_properties(install.consumer PROPERTIES TIMEOUT 600)

# GraphML and GEXF: xmllint (libxml2-utils) accepts them, NetworkX reads back what the JSON holds.
add_test(NAME tools.xml-readers
  COMMAND ${EVGRAPH_BASH} ${_tools}/check_xml.sh ${_evgraph} ${_out}/xml)

# Both folder exports (csv, neo4j) of the seed read by Python's csv module, counts as the JSON's.
add_test(NAME tools.csv-folders
  COMMAND ${EVGRAPH_BASH} ${_tools}/check_csv.sh ${_evgraph} ${_out}/csv)

set_tests_properties(golden.${_example} tools.seed-exports tools.dot-reads-dot
  tools.networkx-reads-json tools.dialects-read-back acceptance.seed acceptance.check-covid determinism.seed cli.exit-codes cli.hardening install.consumer
  cli.hostile-inputs
  tools.xml-readers tools.csv-folders
  PROPERTIES WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} ENVIRONMENT "${EVGRAPH_TEST_ENV}" LABELS tools)

# Node.js readers, pinned by tests/node/package-lock.json and installed by `npm ci` into the build
# tree (never the source tree) by the node.install fixture, once: it does nothing while the lockfile
# is unchanged. A Node test registered after this block runs `${EVGRAPH_NODE} script.js` with
# ENVIRONMENT "NODE_PATH=${EVGRAPH_NODE_PATH}" (so require() in a script in the source tree finds
# the packages) and FIXTURES_REQUIRED evgraph_node_modules.
find_program(EVGRAPH_NODE NAMES node nodejs)
find_program(EVGRAPH_NPM npm)
set(EVGRAPH_NODE_PATH ${CMAKE_CURRENT_BINARY_DIR}/node/node_modules)
add_test(NAME node.install
  COMMAND ${CMAKE_COMMAND} -DNPM=${EVGRAPH_NPM} -DSOURCE=${CMAKE_CURRENT_SOURCE_DIR}/node
          -DDEST=${CMAKE_CURRENT_BINARY_DIR}/node -P ${CMAKE_CURRENT_SOURCE_DIR}/node/install.cmake)
set_tests_properties(node.install PROPERTIES FIXTURES_SETUP evgraph_node_modules TIMEOUT 600)

# Cytoscape.js and graphology load the seed's .cyjs and graphology JSON with what its JSON holds.
add_test(NAME tools.node-readers
  COMMAND ${EVGRAPH_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/node/read_seed.sh ${_evgraph} ${EVGRAPH_NODE}
          ${_out}/node-readers)

# One graph of hostile text (tests/fixtures/torture/) in every format, read by every reader.
add_test(NAME tools.torture
  COMMAND ${EVGRAPH_BASH} ${_tools}/torture.sh ${_evgraph} ${EVGRAPH_NODE} ${_out}/torture)
set_tests_properties(tools.torture PROPERTIES FIXTURES_SETUP evgraph_torture_exports)
# What Graphviz's SVG of it shows: ids, labels, tooltips (Graphviz decodes entities in them and
# unescapes tooltips twice: dot.cpp writes for both), links.
add_test(NAME tools.torture-svg-text
  COMMAND /usr/bin/python3 ${_tools}/torture.py tests/fixtures/torture/torture.json
          ${_out}/torture --svg-text)
set_tests_properties(tools.torture-svg-text PROPERTIES
  FIXTURES_REQUIRED evgraph_torture_exports)
# U+FFFE and U+FFFF (not XML) in GraphML, GEXF and SVG: replaced, so xmllint accepts all three.
add_test(NAME tools.torture-xml-chars
  COMMAND ${EVGRAPH_BASH} ${_tools}/torture_xml_chars.sh ${_evgraph} ${_out}/torture-xml-chars)

set_tests_properties(tools.node-readers tools.torture PROPERTIES
  FIXTURES_REQUIRED evgraph_node_modules TIMEOUT 120)
set_tests_properties(node.install tools.node-readers tools.torture tools.torture-svg-text
  tools.torture-xml-chars PROPERTIES
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} LABELS tools
  ENVIRONMENT "${EVGRAPH_TEST_ENV};NODE_PATH=${EVGRAPH_NODE_PATH}")

# The interactive page of the seed and of the torture graph, used in headless Chromium (Debian's
# chromium, driven by the pinned puppeteer-core): search, click, filters, no foreign script or
# request, http(s) links only; screenshots in tools-out/html/.
add_test(NAME tools.html-page
  COMMAND ${EVGRAPH_BASH} ${_tools}/check_html.sh ${_evgraph} ${_out}/html)
set_tests_properties(tools.html-page PROPERTIES
  FIXTURES_REQUIRED evgraph_node_modules TIMEOUT 180 WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  LABELS tools ENVIRONMENT "${EVGRAPH_TEST_ENV};NODE_PATH=${EVGRAPH_NODE_PATH}")
