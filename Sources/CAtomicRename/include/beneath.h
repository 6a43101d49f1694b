#ifndef SITEGEN_BENEATH_H
#define SITEGEN_BENEATH_H

#include <sys/types.h>

/// Opens `path` (relative, no "..") below the folder `folder` without
/// following a symbolic link in any part of it, and never leaving the
/// folder: Linux openat2 with RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH, or,
/// on kernels before 5.6, one openat with O_NOFOLLOW per part. Returns a
/// descriptor, or -1 with errno set (ELOOP for a link on the way).
int sitegen_open_beneath(int folder, const char *path, int flags, mode_t mode);

/// Removes `name` in `folder` and, if it is a folder, everything in it,
/// never following a symbolic link (a link is removed, not its target).
/// Returns 0, or -1 with errno set; a missing `name` is success.
int sitegen_remove_tree_at(int folder, const char *name);

#endif
