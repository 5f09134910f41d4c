# wellbeing_embed(TARGET name NAMESPACE ns FILES a.json b.json ...)
# Generates a source file holding each file's bytes, and a lookup by file name:
#   std::string_view ns::embedded_file(std::string_view name);   // empty when unknown
set(WELLBEING_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/EmbedScript.cmake)

function(wellbeing_embed)
  cmake_parse_arguments(ARG "" "TARGET;NAMESPACE;OUTPUT" "FILES" ${ARGN})
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${ARG_OUTPUT})
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DNAMESPACE=${ARG_NAMESPACE} "-DFILES=${ARG_FILES}"
            -P ${WELLBEING_EMBED_SCRIPT}
    DEPENDS ${ARG_FILES} ${WELLBEING_EMBED_SCRIPT}
    COMMENT "Embedding ${ARG_OUTPUT}"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE ${output})
endfunction()
