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

configure_file(cmake/steppe.pc.in "${PROJECT_BINARY_DIR}/steppe.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/steppe.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
