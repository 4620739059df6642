# SPDX-License-Identifier: Apache-2.0
# Compiles a text file into the library as a C++ function returning it, so that the library
# needs no data files at run time. Run by add_custom_command, so that editing the file
# rebuilds it:
#   cmake -DINPUT=in.tsv -DOUTPUT=out.cc -DFUNCTION=Name -DHEADER=dir/name.h -P SteppeEmbedText.cmake
foreach(var INPUT OUTPUT FUNCTION HEADER)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "SteppeEmbedText.cmake: -D${var}=... is required")
  endif()
endforeach()

file(READ "${INPUT}" content)
# A raw string literal ends at )delimiter", so the text must not contain that.
set(delimiter "steppe_text")  # at most 16 characters
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains ')${delimiter}\"', which would end the string early")
endif()

file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/SteppeEmbedText.cmake: edit that file, not this one.\n"
  "#include \"${HEADER}\"\n\n"
  "namespace steppe {\n\n"
  "std::string_view ${FUNCTION}() {\n"
  "  return R\"${delimiter}(${content})${delimiter}\";\n"
  "}\n\n"
  "}  // namespace steppe\n")
# Only a changed text touches the output, so an unchanged one recompiles nothing.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
