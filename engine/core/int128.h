// SPDX-License-Identifier: GPL-3.0-or-later
// Copyright (C) 2026 The Meridian authors
#pragma once

namespace meridian {

// 128-bit integers for exact intermediate products (price × quantity, decimal scaling). GCC and Clang
// provide them on every 64-bit target we build for; __extension__ keeps -Wpedantic quiet.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

} // namespace meridian
