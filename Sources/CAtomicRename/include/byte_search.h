#ifndef SITEGEN_BYTE_SEARCH_H
#define SITEGEN_BYTE_SEARCH_H

#include <stddef.h>

/// Whether `haystack` holds `needle` (bytes): glibc's memmem, which Swift's
/// Glibc module does not export (it is a GNU extension, declared only with
/// _GNU_SOURCE). 1 or 0; an empty needle is found.
int sitegen_contains_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
