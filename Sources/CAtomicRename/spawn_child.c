#define _GNU_SOURCE
#include "spawn_child.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

extern char **environ;

pid_t sitegen_spawn(const char *path, char *const arguments[], char *const environment[], const char *folder, int output) {
    posix_spawn_file_actions_t actions;
    if (posix_spawn_file_actions_init(&actions) != 0) return -1;
    int failed = posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        || posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO)
        || posix_spawn_file_actions_adddup2(&actions, output, STDERR_FILENO)
        || posix_spawn_file_actions_addchdir_np(&actions, folder);
    pid_t child = -1;
    if (!failed) {
        int result = posix_spawn(&child, path, &actions, NULL, arguments, environment ? environment : environ);
        if (result != 0) {
            errno = result;
            child = -1;
        }
    } else {
        errno = ENOMEM;
    }
    posix_spawn_file_actions_destroy(&actions);
    return child;
}

int sitegen_pipe(int ends[2]) {
    return pipe2(ends, O_CLOEXEC);
}
