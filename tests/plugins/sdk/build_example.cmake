# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The Meridian authors
#
# Installs the SDK component of BUILD_DIR into PREFIX, then configures and builds the out-of-tree example
# (EXAMPLE_DIR) against it in WORK_DIR, as a plugin developer would. Fails on any error.
file(REMOVE_RECURSE "${PREFIX}" "${WORK_DIR}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}" --component sdk
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "Installing the SDK into ${PREFIX} failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S "${EXAMPLE_DIR}" -B "${WORK_DIR}" -G Ninja
                        "-DCMAKE_PREFIX_PATH=${PREFIX}" -DCMAKE_BUILD_TYPE=Release
                        "-DCMAKE_CXX_FLAGS=-Wall -Wextra -Wpedantic -Werror"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "Configuring the example against the installed SDK failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${WORK_DIR}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "Building the example against the installed SDK failed")
endif()
if(NOT EXISTS "${WORK_DIR}/spread_watch.so")
    message(FATAL_ERROR "The example did not produce ${WORK_DIR}/spread_watch.so")
endif()
