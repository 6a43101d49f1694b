#define _GNU_SOURCE
#include "beneath.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/openat2.h>
#endif

static int open_by_parts(int folder, const char *path, int flags, mode_t mode) {
    char *copy = strdup(path);
    if (copy == NULL) return -1;
    int current = dup(folder);
    char *save = NULL;
    char *part = strtok_r(copy, "/", &save);
    while (current >= 0 && part != NULL) {
        char *next = strtok_r(NULL, "/", &save);
        int opened;
        if (strcmp(part, "..") == 0) {
            errno = EXDEV;
            opened = -1;
        } else if (next == NULL) {
            opened = openat(current, part, flags | O_NOFOLLOW, mode);
        } else {
            opened = openat(current, part, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        int saved = errno;
        close(current);
        errno = saved;
        current = opened;
        part = next;
    }
    free(copy);
    return current;
}

int sitegen_open_beneath(int folder, const char *path, int flags, mode_t mode) {
#if defined(__linux__) && defined(SYS_openat2)
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (unsigned long long)flags;
    how.mode = (flags & (O_CREAT | O_TMPFILE)) ? mode : 0;
    how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    long result = syscall(SYS_openat2, folder, path, &how, sizeof how);
    if (result >= 0 || (errno != ENOSYS && errno != EPERM)) return (int)result;
#endif
    return open_by_parts(folder, path, flags, mode);
}

int sitegen_remove_tree_at(int folder, const char *name) {
    if (unlinkat(folder, name, 0) == 0 || errno == ENOENT) return 0;
    if (errno != EISDIR && errno != EPERM) return -1;
    int inner = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (inner < 0) return -1;
    DIR *listing = fdopendir(inner);
    if (listing == NULL) {
        close(inner);
        return -1;
    }
    int failed = 0;
    struct dirent *entry;
    while ((entry = readdir(listing)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        if (sitegen_remove_tree_at(inner, entry->d_name) != 0) failed = 1;
    }
    closedir(listing);
    if (unlinkat(folder, name, AT_REMOVEDIR) != 0) return errno == ENOENT ? 0 : -1;
    return failed ? -1 : 0;
}
