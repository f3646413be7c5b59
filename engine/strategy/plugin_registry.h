// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

#include "strategy/plugin_library.h"

#include <memory>
#include <string>
#include <vector>

namespace meridian::strategy {

/// The plugins found in a list of folders (the user's plugin folder, the install folder, a build folder).
///
/// Each *.so in each folder, in folder order and then by file name, is loaded and checked. A plugin whose
/// id is already taken by an earlier one is refused (the earlier folder wins), as is every plugin that
/// fails PluginLibrary's checks; refusals are kept with their reasons for the plugin manager to show.
/// Thread: owned by one thread.
class PluginRegistry final
{
public:
    struct Refusal
    {
        std::string path;
        std::string reason;
    };

    /// Scans the folders; missing folders are skipped.
    void discover(const std::vector<std::string> &folders);
    /// Loads one file. Errors: as PluginLibrary::load, or AlreadyExists naming both files.
    Result<const PluginLibrary *> load(const std::string &path);

    /// Returns the plugin with id, or nullptr.
    const PluginLibrary *find(const std::string &id) const;
    const std::vector<std::unique_ptr<PluginLibrary>> &plugins() const { return m_plugins; }
    const std::vector<Refusal> &refusals() const { return m_refusals; }

private:
    std::vector<std::unique_ptr<PluginLibrary>> m_plugins;
    std::vector<Refusal> m_refusals;
};

} // namespace meridian::strategy
