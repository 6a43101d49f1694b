#ifndef SITEGEN_SOURCE_HIGHLIGHT_SHIM_H
#define SITEGEN_SOURCE_HIGHLIGHT_SHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A language definition of GNU Source-highlight, built once and kept for
/// the life of the process.
typedef struct sg_language sg_language;

/// The folder of Source-highlight's own language definitions
/// (/usr/share/source-highlight on Debian).
const char *sg_data_dir(void);

/// The definition `file` in Source-highlight's folder, or one given as
/// `text` (sitegen's own definitions) when `text` is not NULL. Built on first
/// use, then cached under `name`; safe to call from several threads. NULL
/// and a malloc'd message in `*error` when the definition does not build.
const sg_language *sg_language_load(const char *name, const char *file, const char *text, char **error);

/// `text` (UTF-8, `length` bytes) highlighted: HTML-escaped text with each
/// token in `<span class="...">`, one output line per input line, each
/// ended by '\n'. malloc'd; the caller frees it. Safe to call from several
/// threads with the same language. NULL and `*error` on failure.
char *sg_highlight(const sg_language *language, const char *text, size_t length, char **error);

#ifdef __cplusplus
}
#endif

#endif
