# embed_file(INPUT OUTPUT SYMBOL): writes OUTPUT, a C++ file that defines
# `extern const std::string_view SYMBOL` holding INPUT's bytes and `SYMBOLSha256`, their SHA-256 in
# hex; re-run when INPUT changes.
function(embed_file input output symbol)
  file(READ ${input} _content HEX)
  file(SHA256 ${input} _sha256)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," _bytes "${_content}")
  string(REGEX MATCH "^(.*)::([^:]+)$" _ ${symbol})
  set(_ns ${CMAKE_MATCH_1})
  set(_name ${CMAKE_MATCH_2})
  file(WRITE ${output}.tmp
    "// Generated from ${input} by cmake/EmbedFile.cmake; do not edit.\n"
    "#include <string_view>\n"
    "namespace ${_ns} {\n"
    "namespace {\nconstexpr char kBytes[] = {${_bytes}};\n}  // namespace\n"
    "extern const std::string_view ${_name};\n"
    "const std::string_view ${_name}{kBytes, sizeof kBytes};\n"
    "extern const std::string_view ${_name}Sha256;\n"
    "const std::string_view ${_name}Sha256{\"${_sha256}\"};\n"
    "}  // namespace ${_ns}\n")
  file(COPY_FILE ${output}.tmp ${output} ONLY_IF_DIFFERENT)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${input})
endfunction()
