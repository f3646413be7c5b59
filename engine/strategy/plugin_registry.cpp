// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#include "strategy/plugin_registry.h"

#include <algorithm>
#include <filesystem>

namespace meridian::strategy {

void PluginRegistry::discover(const std::vector<std::string> &folders)
{
    for (const std::string &folder : folders) {
        std::error_code ec;
        std::vector<std::string> files;
        for (const auto &entry : std::filesystem::directory_iterator(folder, ec))
            if (entry.path().extension() == ".so" && entry.is_regular_file(ec))
                files.push_back(entry.path().string());
        std::sort(files.begin(), files.end());
        for (const std::string &file : files)
            (void)load(file);
    }
}

Result<const PluginLibrary *> PluginRegistry::load(const std::string &path)
{
    auto library = PluginLibrary::load(path);
    if (!library) {
        m_refusals.push_back(Refusal{path, library.error().message});
        return tl::unexpected(library.error());
    }
    if (const PluginLibrary *earlier = find((*library)->info().id)) {
        Error error{ErrorCode::AlreadyExists, "Plugin " + path + " refused: its id \"" + (*library)->info().id +
                                                  "\" is already taken by " + earlier->info().path};
        m_refusals.push_back(Refusal{path, error.message});
        return tl::unexpected(std::move(error));
    }
    m_plugins.push_back(std::move(*library));
    return m_plugins.back().get();
}

const PluginLibrary *PluginRegistry::find(const std::string &id) const
{
    for (const auto &plugin : m_plugins)
        if (plugin->info().id == id)
            return plugin.get();
    return nullptr;
}

} // namespace meridian::strategy
