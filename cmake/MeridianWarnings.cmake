# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The Meridian authors
#
# meridian_set_warnings(<target>): warnings are errors in our code. Third-party headers come in through
# imported targets as system includes, so they do not trip these flags.
function(meridian_set_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Werror
        -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align
        -Wformat=2 -Wimplicit-fallthrough -Wmissing-declarations)
    # With link-time optimisation (the release preset), GCC 12 re-runs its string-overflow analysis on
    # inlined std::string concatenations and Qt containers at link time and reports false positives
    # (GCC bug 105329).
    if(CMAKE_INTERPROCEDURAL_OPTIMIZATION AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_link_options(${target} PRIVATE -Wno-stringop-overflow -Wno-stringop-overread -Wno-alloc-size-larger-than)
    endif()
endfunction()

# meridian_add_library(<name> <sources...>): a static library `meridian_<name>` with the alias
# `meridian::<name>`, one per engine folder.
function(meridian_add_library name)
    add_library(meridian_${name} STATIC ${ARGN})
    add_library(meridian::${name} ALIAS meridian_${name})
    target_include_directories(meridian_${name} PUBLIC "${PROJECT_SOURCE_DIR}/engine")
    meridian_set_warnings(meridian_${name})
endfunction()

# meridian_add_plugin(<name> <sources...>): a plugin built in this tree the way the installed SDK's
# meridian_add_plugin() builds one (MODULE, no "lib" prefix, hidden symbols, -fno-gnu-unique so it can be
# hot-reloaded), with our warnings, installed into the plugin folder Meridian searches.
function(meridian_add_plugin name)
    add_library(${name} MODULE ${ARGN})
    target_link_libraries(${name} PRIVATE meridian::sdk)
    set_target_properties(${name} PROPERTIES
        PREFIX ""
        C_VISIBILITY_PRESET hidden
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON
        LIBRARY_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/plugins")
    target_compile_options(${name} PRIVATE $<$<CXX_COMPILER_ID:GNU>:-fno-gnu-unique>)
    meridian_set_warnings(${name})
    install(TARGETS ${name} LIBRARY DESTINATION ${MERIDIAN_PLUGIN_INSTALL_DIR})
endfunction()
