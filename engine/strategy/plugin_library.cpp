// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "strategy/plugin_library.h"

#include <nlohmann/json.hpp>

#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <set>

namespace meridian::strategy {

namespace {

using Json = nlohmann::json;

// Strings a plugin hands over longer than this are taken as garbage rather than read.
constexpr std::size_t kMaxString = 1 << 20;

std::string typeName(ParameterType type)
{
    switch (type) {
    case ParameterType::Int:
        return "int";
    case ParameterType::Float:
        return "float";
    case ParameterType::Bool:
        return "bool";
    case ParameterType::Enum:
        return "enum";
    case ParameterType::String:
        return "string";
    case ParameterType::Invalid:
        break;
    }
    return "invalid";
}

ParameterType typeFromName(const std::string &name)
{
    for (const ParameterType t :
         {ParameterType::Int, ParameterType::Float, ParameterType::Bool, ParameterType::Enum, ParameterType::String})
        if (typeName(t) == name)
            return t;
    return ParameterType::Invalid;
}

bool isIdentifier(const std::string &name, bool allowDots)
{
    if (name.empty() || name.size() > 128)
        return false;
    for (const char c : name) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (allowDots && (c == '.' || c == '-'));
        if (!ok)
            return false;
    }
    return true;
}

std::string formatNumber(double value)
{
    Json j = value;
    if (std::floor(value) == value && std::fabs(value) < 9e15)
        j = static_cast<std::int64_t>(value);
    return j.dump();
}

std::string rangeText(const ParameterSpec &p)
{
    if (p.hasMin && p.hasMax)
        return "from " + formatNumber(p.min) + " to " + formatNumber(p.max);
    if (p.hasMin)
        return "at least " + formatNumber(p.min);
    if (p.hasMax)
        return "at most " + formatNumber(p.max);
    return "any value";
}

std::string joined(const std::vector<std::string> &values)
{
    std::string out;
    for (const auto &v : values)
        out += (out.empty() ? "" : ", ") + v;
    return out;
}

// Returns an empty string when value fits the parameter, else what is wrong.
std::string checkValue(const ParameterSpec &p, const Json &value)
{
    const std::string what = "parameter '" + p.name + "' ";
    switch (p.type) {
    case ParameterType::Int:
    case ParameterType::Float: {
        if (p.type == ParameterType::Int ? !value.is_number_integer() : !value.is_number())
            return what + "must be " + (p.type == ParameterType::Int ? "an integer" : "a number") + ", not " +
                   value.dump();
        const double v = value.get<double>();
        if ((p.hasMin && v < p.min) || (p.hasMax && v > p.max) || !std::isfinite(v))
            return what + "is " + value.dump() + "; allowed " + rangeText(p);
        return {};
    }
    case ParameterType::Bool:
        return value.is_boolean() ? std::string() : what + "must be true or false, not " + value.dump();
    case ParameterType::Enum:
        if (!value.is_string())
            return what + "must be one of " + joined(p.values) + ", not " + value.dump();
        for (const auto &allowed : p.values)
            if (value.get<std::string>() == allowed)
                return {};
        return what + "is " + value.dump() + "; allowed " + joined(p.values);
    case ParameterType::String:
        return value.is_string() ? std::string() : what + "must be a string, not " + value.dump();
    case ParameterType::Invalid:
        break;
    }
    return what + "has no type";
}

Result<ParameterSpec> parseParameter(const Json &entry, std::size_t index)
{
    const std::string where = "parameter " + std::to_string(index + 1);
    if (!entry.is_object())
        return fail(ErrorCode::InvalidArgument, where + " is not a JSON object");
    ParameterSpec p;
    if (!entry.contains("name") || !entry["name"].is_string() || !isIdentifier(entry["name"].get<std::string>(), false))
        return fail(ErrorCode::InvalidArgument, where + " needs a name of lower-case letters, digits and '_'");
    p.name = entry["name"].get<std::string>();
    const std::string named = "parameter '" + p.name + "'";
    p.type = entry.contains("type") && entry["type"].is_string() ? typeFromName(entry["type"].get<std::string>())
                                                                 : ParameterType::Invalid;
    if (p.type == ParameterType::Invalid)
        return fail(ErrorCode::InvalidArgument, named + " has no valid type (int, float, bool, enum or string)");
    if (entry.contains("description")) {
        if (!entry["description"].is_string())
            return fail(ErrorCode::InvalidArgument, named + ": description must be a string");
        p.description = entry["description"].get<std::string>();
    }
    const bool numeric = p.type == ParameterType::Int || p.type == ParameterType::Float;
    for (const char *key : {"min", "max", "step"}) {
        if (!entry.contains(key))
            continue;
        const Json &v = entry[key];
        if (!numeric || (p.type == ParameterType::Int ? !v.is_number_integer() : !v.is_number()))
            return fail(ErrorCode::InvalidArgument,
                        named + ": " + key + " must be " +
                            (numeric ? "a number of the parameter's type" : "absent for type " + typeName(p.type)));
        const double d = v.get<double>();
        if (std::string(key) == "min") {
            p.hasMin = true;
            p.min = d;
        } else if (std::string(key) == "max") {
            p.hasMax = true;
            p.max = d;
        } else if (d <= 0) {
            return fail(ErrorCode::InvalidArgument, named + ": step must be positive");
        } else {
            p.step = d;
        }
    }
    if (p.hasMin && p.hasMax && p.min > p.max)
        return fail(ErrorCode::InvalidArgument,
                    named + ": min " + formatNumber(p.min) + " is above max " + formatNumber(p.max));
    if (p.type == ParameterType::Enum) {
        if (!entry.contains("values") || !entry["values"].is_array() || entry["values"].empty())
            return fail(ErrorCode::InvalidArgument, named + ": an enum needs a non-empty array of values");
        std::set<std::string> seen;
        for (const Json &v : entry["values"]) {
            if (!v.is_string() || !seen.insert(v.get<std::string>()).second)
                return fail(ErrorCode::InvalidArgument, named + ": enum values must be distinct strings");
            p.values.push_back(v.get<std::string>());
        }
    } else if (entry.contains("values")) {
        return fail(ErrorCode::InvalidArgument, named + ": values are only for type enum");
    }
    if (!entry.contains("default"))
        return fail(ErrorCode::InvalidArgument, named + " has no default");
    if (const std::string problem = checkValue(p, entry["default"]); !problem.empty())
        return fail(ErrorCode::InvalidArgument, "the default of " + problem);
    p.defaultJson = entry["default"].dump();
    return p;
}

std::string text(meridian_string s)
{
    return s.data && s.size > 0 ? std::string(s.data, s.size) : std::string();
}

} // namespace

Result<std::vector<ParameterSpec>> parseParameterSchema(const std::string &json)
{
    if (json.empty())
        return std::vector<ParameterSpec>{};
    Json schema;
    try {
        schema = Json::parse(json);
    } catch (const Json::parse_error &e) {
        return fail(ErrorCode::InvalidArgument, std::string("parameter schema is not valid JSON: ") + e.what());
    }
    if (!schema.is_array())
        return fail(ErrorCode::InvalidArgument, "parameter schema must be a JSON array");
    std::vector<ParameterSpec> out;
    std::set<std::string> names;
    for (std::size_t i = 0; i < schema.size(); ++i) {
        auto p = parseParameter(schema[i], i);
        if (!p)
            return tl::unexpected(p.error());
        if (!names.insert(p->name).second)
            return fail(ErrorCode::InvalidArgument, "parameter '" + p->name + "' is declared twice");
        out.push_back(std::move(*p));
    }
    return out;
}

Result<std::string> validateParameters(const std::vector<ParameterSpec> &schema, const std::string &json)
{
    Json given = Json::object();
    if (!json.empty()) {
        try {
            given = Json::parse(json);
        } catch (const Json::parse_error &e) {
            return fail(ErrorCode::InvalidArgument, std::string("parameters are not valid JSON: ") + e.what());
        }
    }
    if (!given.is_object())
        return fail(ErrorCode::InvalidArgument, "parameters must be a JSON object");
    std::vector<std::string> declared;
    for (const auto &p : schema)
        declared.push_back(p.name);
    for (const auto &[key, value] : given.items()) {
        bool known = false;
        for (const auto &p : schema)
            known = known || p.name == key;
        if (!known)
            return fail(ErrorCode::InvalidArgument, "unknown parameter '" + key + "' (declared: " +
                                                        (declared.empty() ? "none" : joined(declared)) + ")");
    }
    Json out = Json::object();
    for (const auto &p : schema) {
        const auto it = given.find(p.name);
        if (it == given.end()) {
            out[p.name] = Json::parse(p.defaultJson);
            continue;
        }
        if (const std::string problem = checkValue(p, *it); !problem.empty())
            return fail(ErrorCode::InvalidArgument, problem);
        out[p.name] = *it;
    }
    return out.dump();
}

PluginLibrary::PluginLibrary(void *handle, const meridian_plugin_descriptor *descriptor, PluginInfo info)
    : m_handle(handle), m_descriptor(descriptor), m_info(std::move(info))
{}

PluginLibrary::~PluginLibrary()
{
    if (m_handle)
        dlclose(m_handle);
}

namespace {

struct Handle
{
    void *handle = nullptr;
    ~Handle()
    {
        if (handle)
            dlclose(handle);
    }
};

/// Opens the plugin file. dlopen hands back the library already loaded from the same path — the old code,
/// though the file has been rebuilt since — while anything else holds it open (the plugin list, another
/// runner). So when the path is loaded already, a private copy of the file is mapped instead: beside it when
/// its folder is writable (so that $ORIGIN still finds the plugin's own libraries), else in the temporary
/// folder; the copy is unlinked as soon as it is mapped.
void *openFresh(const std::string &path)
{
    const int flags = RTLD_NOW | RTLD_LOCAL;
    void *loaded = dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD);
    if (!loaded)
        return dlopen(path.c_str(), flags);
    dlclose(loaded); // only a question: the reference it took goes back
    static std::atomic<unsigned> copies{0};
    const std::filesystem::path original(path);
    const std::string name = "." + original.filename().string() + "." + std::to_string(::getpid()) + "." +
                             std::to_string(copies.fetch_add(1)) + ".loading"; // no scan takes it for a plugin
    std::error_code ec;
    for (const std::filesystem::path &folder : {original.parent_path(), std::filesystem::temp_directory_path(ec)}) {
        const std::filesystem::path copy = folder / name;
        std::error_code copied;
        if (folder.empty() || !std::filesystem::copy_file(original, copy, copied) || copied)
            continue;
        void *handle = dlopen(copy.c_str(), flags);
        std::filesystem::remove(copy, copied);
        return handle; // dlerror() says why when null
    }
    return dlopen(path.c_str(), flags); // no copy could be written: the library as loaded
}

Result<PluginInfo> checkDescriptor(const std::string &path, const meridian_plugin_descriptor *d)
{
    const auto refuse = [&](ErrorCode code, const std::string &why) {
        return tl::unexpected(Error{code, "Plugin " + path + " refused: " + why});
    };
    if (!d)
        return refuse(ErrorCode::InvalidArgument, "its entry function returned no descriptor");
    if (d->struct_size < offsetof(meridian_plugin_descriptor, abi_minor) + sizeof(d->abi_minor))
        return refuse(ErrorCode::CorruptData, "its descriptor is truncated");
    if (d->abi_major != MERIDIAN_PLUGIN_ABI_MAJOR || d->abi_minor > MERIDIAN_PLUGIN_ABI_MINOR)
        return refuse(ErrorCode::Unsupported, "it was built for plugin ABI " + std::to_string(d->abi_major) + "." +
                                                  std::to_string(d->abi_minor) + "; this Meridian speaks " +
                                                  std::to_string(MERIDIAN_PLUGIN_ABI_MAJOR) + "." +
                                                  std::to_string(MERIDIAN_PLUGIN_ABI_MINOR) +
                                                  " (rebuild it against this SDK)");
    if (!MERIDIAN_HAS_FIELD(d, meridian_plugin_descriptor, adapter))
        return refuse(ErrorCode::CorruptData, "its descriptor is shorter than ABI 1.0 requires");
    for (const meridian_string *s :
         {&d->id, &d->name, &d->version, &d->description, &d->parameters_json, &d->variables_json})
        if (s->size > kMaxString || (s->size > 0 && !s->data))
            return refuse(ErrorCode::CorruptData, "a descriptor string is malformed");
    PluginInfo info;
    info.path = path;
    info.abiMajor = d->abi_major;
    info.abiMinor = d->abi_minor;
    info.id = text(d->id);
    info.name = text(d->name);
    info.version = text(d->version);
    info.description = text(d->description);
    if (!isIdentifier(info.id, true))
        return refuse(ErrorCode::CorruptData,
                      "its id \"" + info.id + "\" is not lower-case letters, digits, '_', '.' and '-' (1 to 128)");
    if (info.name.empty() || info.version.empty())
        return refuse(ErrorCode::CorruptData, "its descriptor lacks a name or a version");
    if (d->kind == MERIDIAN_PLUGIN_STRATEGY) {
        info.kind = PluginKind::Strategy;
        const meridian_strategy_api *api = d->strategy;
        if (!api || api->struct_size < sizeof(meridian_strategy_api) || !api->create || !api->destroy ||
            !api->on_init || !api->on_start || !api->on_stop || !api->last_error)
            return refuse(ErrorCode::CorruptData,
                          "its strategy table is missing or lacks create, destroy, on_init, on_start, on_stop or "
                          "last_error");
    } else if (d->kind == MERIDIAN_PLUGIN_ADAPTER) {
        info.kind = PluginKind::Adapter;
        const meridian_adapter_api *api = d->adapter;
        if (!api || api->struct_size < sizeof(meridian_adapter_api) || !api->create || !api->destroy || !api->connect ||
            !api->disconnect || !api->subscribe || !api->unsubscribe || !api->place_order || !api->cancel_order ||
            !api->query_account || !api->query_positions || !api->query_open_orders || !api->last_error)
            return refuse(ErrorCode::CorruptData, "its adapter table is missing or lacks a required function");
    } else {
        return refuse(ErrorCode::CorruptData,
                      "its kind " + std::to_string(d->kind) + " is neither strategy nor adapter");
    }
    auto parameters = parseParameterSchema(text(d->parameters_json));
    if (!parameters)
        return refuse(ErrorCode::CorruptData, "its parameter schema is invalid: " + parameters.error().message);
    info.parameters = std::move(*parameters);
    const std::string variables = text(d->variables_json);
    if (!variables.empty()) {
        try {
            const Json list = Json::parse(variables);
            if (!list.is_array())
                return refuse(ErrorCode::CorruptData, "its live variables are not a JSON array");
            for (const Json &v : list) {
                if (!v.is_object() || !v.contains("name") || !v["name"].is_string() ||
                    !isIdentifier(v["name"].get<std::string>(), false))
                    return refuse(ErrorCode::CorruptData, "a live variable lacks a valid name");
                info.variables.push_back(VariableSpec{v["name"].get<std::string>(), v.value("description", "")});
            }
        } catch (const Json::exception &e) {
            return refuse(ErrorCode::CorruptData, std::string("its live variables are not valid JSON: ") + e.what());
        }
    }
    return info;
}

} // namespace

Result<std::unique_ptr<PluginLibrary>> PluginLibrary::load(const std::string &path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return fail(ErrorCode::NotFound, "Plugin " + path + " refused: no such file");
    Handle lib;
    // RTLD_LOCAL: a plugin's symbols never resolve another plugin's. RTLD_NOW: a missing symbol is found
    // here, not in the middle of trading.
    lib.handle = openFresh(path);
    if (!lib.handle) {
        const char *why = dlerror();
        return fail(ErrorCode::InvalidArgument,
                    "Plugin " + path + " refused: it cannot be loaded (" + (why ? why : "unknown reason") + ")");
    }
    dlerror();
    void *symbol = dlsym(lib.handle, MERIDIAN_PLUGIN_ENTRY_NAME);
    if (!symbol)
        return fail(ErrorCode::InvalidArgument,
                    "Plugin " + path + " refused: it does not export " MERIDIAN_PLUGIN_ENTRY_NAME);
    meridian_plugin_entry_fn entry = nullptr;
    static_assert(sizeof(entry) == sizeof(symbol));
    std::memcpy(&entry, &symbol, sizeof entry); // POSIX guarantees object and function pointers convert
    const meridian_plugin_descriptor *descriptor = entry(MERIDIAN_PLUGIN_ABI_MAJOR, MERIDIAN_PLUGIN_ABI_MINOR);
    auto info = checkDescriptor(path, descriptor);
    if (!info)
        return tl::unexpected(info.error());
    void *handle = lib.handle;
    lib.handle = nullptr;
    return std::unique_ptr<PluginLibrary>(new PluginLibrary(handle, descriptor, std::move(*info)));
}

} // namespace meridian::strategy
