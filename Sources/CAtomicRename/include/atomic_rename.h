#ifndef SITEGEN_ATOMIC_RENAME_H
#define SITEGEN_ATOMIC_RENAME_H

// The other calls on folders by handle (openat2, removal without links).
#include "beneath.h"
#include "spawn_child.h"
#include "stop_signals.h"

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE), so a
/// web server reading the output folder never sees it missing. Returns 0 on
/// success, -1 with errno set otherwise (ENOSYS/EINVAL where unsupported).
int sitegen_exchange_paths(const char *first, const char *second);

#endif
