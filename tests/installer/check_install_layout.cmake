# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The Meridian authors
#
# Installs the build into a scratch prefix and checks that every part of the package is where the
# .deb puts it.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${result}")
endif()
foreach(path
        bin/meridian
        bin/meridian-cli
        lib/meridian/plugins
        share/applications/org.meridian.Meridian.desktop
        share/metainfo/org.meridian.Meridian.metainfo.xml
        share/icons/hicolor/scalable/apps/org.meridian.Meridian.svg
        share/icons/hicolor/256x256/apps/org.meridian.Meridian.png
        share/meridian/translations/meridian_zh_CN.qm
        share/doc/meridian/copyright)
    if(NOT EXISTS "${PREFIX}/${path}")
        message(FATAL_ERROR "Missing from the installation: ${path}")
    endif()
endforeach()
execute_process(COMMAND "${PREFIX}/bin/meridian-cli" version RESULT_VARIABLE result OUTPUT_VARIABLE output)
if(NOT result EQUAL 0 OR NOT output MATCHES "meridian-cli")
    message(FATAL_ERROR "The installed meridian-cli does not run: ${result} ${output}")
endif()
message(STATUS "Installation layout complete")
