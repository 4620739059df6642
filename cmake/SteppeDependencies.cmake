# SPDX-License-Identifier: Apache-2.0
# Finds Steppe's private dependencies and wraps the ones without CMake targets as IMPORTED
# targets. Used by the build and by the installed SteppeConfig.cmake, so static users link too.
include(CMakeFindDependencyMacro)

find_dependency(Threads)
find_dependency(ICU COMPONENTS uc i18n)
# JSON Lines and JSON-LD are parsed by simdjson (Debian 12: libsimdjson-dev 3.0.1), which
# ships a CMake package with the target simdjson::simdjson.
find_dependency(simdjson)

if(NOT TARGET Steppe::xapian)
  find_dependency(Xapian)
  add_library(Steppe::xapian INTERFACE IMPORTED)
  set_target_properties(Steppe::xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

if(NOT TARGET Steppe::stemmer)
  find_path(STEMMER_INCLUDE_DIR libstemmer.h)
  find_library(STEMMER_LIBRARY stemmer)
  if(NOT STEMMER_INCLUDE_DIR OR NOT STEMMER_LIBRARY)
    message(FATAL_ERROR "libstemmer not found: install it with 'apt-get install libstemmer-dev'")
  endif()
  add_library(Steppe::stemmer UNKNOWN IMPORTED)
  set_target_properties(Steppe::stemmer PROPERTIES
    IMPORTED_LOCATION "${STEMMER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}")
endif()

# Hunspell tells an ordinary word from a name (lib/analyse/dictionary). Its dictionaries
# (hunspell-en-us, hunspell-ru, hunspell-kk) are read at run time, not at build time.
if(NOT TARGET Steppe::hunspell)
  find_dependency(PkgConfig)
  pkg_check_modules(HUNSPELL hunspell)
  if(NOT HUNSPELL_FOUND)
    message(FATAL_ERROR "hunspell not found: install it with 'apt-get install libhunspell-dev'")
  endif()
  add_library(Steppe::hunspell INTERFACE IMPORTED)
  set_target_properties(Steppe::hunspell PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${HUNSPELL_INCLUDE_DIRS}"
    INTERFACE_LINK_LIBRARIES "${HUNSPELL_LINK_LIBRARIES}")
endif()

if(NOT TARGET Steppe::gumbo)
  find_path(GUMBO_INCLUDE_DIR gumbo.h)
  find_library(GUMBO_LIBRARY gumbo)
  if(NOT GUMBO_INCLUDE_DIR OR NOT GUMBO_LIBRARY)
    message(FATAL_ERROR "gumbo not found: install it with 'apt-get install libgumbo-dev'")
  endif()
  add_library(Steppe::gumbo UNKNOWN IMPORTED)
  set_target_properties(Steppe::gumbo PROPERTIES
    IMPORTED_LOCATION "${GUMBO_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${GUMBO_INCLUDE_DIR}")
endif()

# The steppe tool writes its JSON through nlohmann::json (header-only; Debian's
# nlohmann-json3-dev). Only Steppe's own build needs it, not a program that links the library.
if(STEPPE_BUILD_TOOLS AND NOT TARGET nlohmann_json::nlohmann_json)
  find_package(nlohmann_json 3 REQUIRED)
endif()

# `steppe serve` runs Xapian's server xapian-tcpsrv (Debian: xapian-tools) at run time, and
# the shard tests use it and xapian-progsrv; without them those tests skip.
find_program(STEPPE_XAPIAN_TCPSRV xapian-tcpsrv)
if(NOT STEPPE_XAPIAN_TCPSRV)
  message(STATUS "xapian-tcpsrv not found: 'steppe serve' needs 'apt-get install xapian-tools'")
endif()
