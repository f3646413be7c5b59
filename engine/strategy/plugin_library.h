// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "core/error.h"

#include <meridian/plugin.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace meridian::strategy {

enum class PluginKind : std::uint8_t { Invalid = 0, Strategy, Adapter };

enum class ParameterType : std::uint8_t { Invalid = 0, Int, Float, Bool, Enum, String };

/// One parameter a plugin declares in its schema.
struct ParameterSpec
{
    std::string name;
    ParameterType type = ParameterType::Invalid;
    std::string defaultJson; ///< the default as a JSON value
    bool hasMin = false;
    bool hasMax = false;
    double min = 0;
    double max = 0;
    double step = 0;                 ///< 0: none given
    std::vector<std::string> values; ///< Enum: the allowed values
    std::string description;
};

struct VariableSpec
{
    std::string name;
    std::string description;
};

/// What a plugin says about itself, checked.
struct PluginInfo
{
    std::string path;
    PluginKind kind = PluginKind::Invalid;
    std::string id;
    std::string name;
    std::string version;
    std::string description;
    std::uint16_t abiMajor = 0;
    std::uint16_t abiMinor = 0;
    std::vector<ParameterSpec> parameters;
    std::vector<VariableSpec> variables;
};

/// Parses and checks a parameter schema (see plugin.h). Errors: InvalidArgument naming the parameter and
/// what is wrong with it (not JSON, unknown type, default outside min..max, duplicate name, …).
Result<std::vector<ParameterSpec>> parseParameterSchema(const std::string &json);

/// Checks parameter values (a JSON object) against a schema and returns the complete set as a JSON object,
/// defaults filled in. Errors: InvalidArgument naming the parameter and the allowed type, range or values.
Result<std::string> validateParameters(const std::vector<ParameterSpec> &schema, const std::string &json);

/// One plugin shared library, loaded with dlopen(RTLD_NOW | RTLD_LOCAL) and checked before anything of it
/// runs beyond its entry function: the entry symbol, the ABI version, the descriptor and its function
/// table, the schema. A library that fails any check is unloaded and refused with an error naming the
/// file and the reason; the program carries on.
/// Thread: loaded and used on one thread; the descriptor is immutable once loaded.
class PluginLibrary final
{
public:
    /// Loads and checks a plugin. Errors: NotFound (no such file), InvalidArgument (not a loadable library,
    /// no entry symbol, the entry returned nothing), Unsupported (another ABI major, or a newer minor than
    /// this host speaks), CorruptData (a malformed descriptor or schema). Messages name the file.
    static Result<std::unique_ptr<PluginLibrary>> load(const std::string &path);
    ~PluginLibrary();
    PluginLibrary(const PluginLibrary &) = delete;
    PluginLibrary &operator=(const PluginLibrary &) = delete;

    const PluginInfo &info() const { return m_info; }
    const meridian_plugin_descriptor &descriptor() const { return *m_descriptor; }

private:
    PluginLibrary(void *handle, const meridian_plugin_descriptor *descriptor, PluginInfo info);

    void *m_handle;
    const meridian_plugin_descriptor *m_descriptor;
    PluginInfo m_info;
};

} // namespace meridian::strategy
