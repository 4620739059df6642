# SPDX-License-Identifier: Apache-2.0
# Installs the library, the public headers, the CLI, and a CMake package so that another
# project can find_package(Steppe) and link Steppe::steppe.
include(CMakePackageConfigHelpers)

set(STEPPE_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/Steppe")

install(TARGETS steppe EXPORT SteppeTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  PUBLIC_HEADER DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/steppe)
if(TARGET steppe_cli)
  install(TARGETS steppe_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(EXPORT SteppeTargets NAMESPACE Steppe:: DESTINATION ${STEPPE_CMAKE_DIR})

configure_package_config_file(cmake/SteppeConfig.cmake.in
  "${PROJECT_BINARY_DIR}/SteppeConfig.cmake" INSTALL_DESTINATION ${STEPPE_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/SteppeConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/SteppeConfig.cmake"
  "${PROJECT_BINARY_DIR}/SteppeConfigVersion.cmake"
  cmake/SteppeDependencies.cmake
  DESTINATION ${STEPPE_CMAKE_DIR})

# steppe.pc finds the prefix from its own place (${pcfiledir}), so that installing with any
# --prefix (or moving the tree) keeps `pkg-config --cflags --libs steppe` right. A static
# libsteppe needs its dependencies on every link line; a shared one only when linking statically.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(STEPPE_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")  # fixed paths: nothing to be relative to
else()
  file(RELATIVE_PATH STEPPE_PC_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
  string(REGEX REPLACE "/$" "" STEPPE_PC_PREFIX "${STEPPE_PC_PREFIX}")
  set(STEPPE_PC_PREFIX "\${pcfiledir}/${STEPPE_PC_PREFIX}")
endif()
cmake_path(APPEND STEPPE_PC_LIBDIR "\${prefix}" "${CMAKE_INSTALL_LIBDIR}")
cmake_path(APPEND STEPPE_PC_INCLUDEDIR "\${prefix}" "${CMAKE_INSTALL_INCLUDEDIR}")
set(STEPPE_PC_STEMMER "-lstemmer -pthread")
if(BUILD_SHARED_LIBS)
  set(STEPPE_PC_REQUIRES "Requires.private")
  set(STEPPE_PC_LIBS "")
  set(STEPPE_PC_LIBS_PRIVATE "${STEPPE_PC_STEMMER}")
else()
  set(STEPPE_PC_REQUIRES "Requires")
  set(STEPPE_PC_LIBS "${STEPPE_PC_STEMMER}")
  set(STEPPE_PC_LIBS_PRIVATE "")
endif()
configure_file(cmake/steppe.pc.in "${PROJECT_BINARY_DIR}/steppe.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/steppe.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
