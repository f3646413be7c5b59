/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The Meridian authors
 *
 * Compiled as strict C11: proves plugin.h is valid C, and records the layout of every ABI struct as a C
 * compiler sees it, so that tst_plugin_abi can require the C++ compiler to agree.
 */
#include "abi_layout.h"

#include <meridian/plugin.h>

#define ENTRY(type, field)                                                                                             \
    {                                                                                                                  \
#type "." #field, offsetof(type, field), sizeof(type)                                                          \
    }

static const meridian_abi_layout_entry kLayout[] = {
    ENTRY(meridian_string, size),
    ENTRY(meridian_decimal, scale),
    ENTRY(meridian_instrument_info, min_quantity),
    ENTRY(meridian_level, quantity),
    ENTRY(meridian_book_view, bid_count),
    ENTRY(meridian_book_view, ask_count),
    ENTRY(meridian_book_delta, last_sequence),
    ENTRY(meridian_trade, aggressor),
    ENTRY(meridian_bar, trade_count),
    ENTRY(meridian_order_request, client_tag),
    ENTRY(meridian_order_update, fee_currency),
    ENTRY(meridian_order_update, reason),
    ENTRY(meridian_position, unrealized_pnl),
    ENTRY(meridian_balance, available),
    ENTRY(meridian_signal, source),
    ENTRY(meridian_host_api, find_instrument),
    ENTRY(meridian_strategy_api, last_error),
    ENTRY(meridian_account, time_ns),
    ENTRY(meridian_adapter_events, log),
    ENTRY(meridian_adapter_api, last_error),
    ENTRY(meridian_plugin_descriptor, adapter),
};

const meridian_abi_layout_entry *meridian_abi_layout_c(size_t *count)
{
    *count = sizeof kLayout / sizeof kLayout[0];
    return kLayout;
}
