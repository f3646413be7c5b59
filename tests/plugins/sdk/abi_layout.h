/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The Meridian authors */
#ifndef MERIDIAN_TEST_ABI_LAYOUT_H
#define MERIDIAN_TEST_ABI_LAYOUT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct meridian_abi_layout_entry
{
    const char *name;   /* "type.field" */
    size_t offset;      /* offsetof(type, field) */
    size_t struct_size; /* sizeof(type) */
} meridian_abi_layout_entry;

/* The layout as the C compiler sees it (abi_layout.c). */
const meridian_abi_layout_entry *meridian_abi_layout_c(size_t *count);

#ifdef __cplusplus
}
#endif

#endif
