#ifndef SITEGEN_SPAWN_CHILD_H
#define SITEGEN_SPAWN_CHILD_H

#include <sys/types.h>

/// Starts `path` (absolute) with `arguments` (NULL-terminated, the first
/// the program's name) and `environment` (NULL-terminated `NAME=value`
/// strings; NULL: the current environment), in the working folder
/// `folder`, standard input from /dev/null, standard output and standard
/// error into `output` (a pipe's writing end). posix_spawn, not Foundation's
/// Process: it needs no descriptor of its own, so running out of them is an
/// error (-1, errno set), never a crash. Returns the child's process id.
pid_t sitegen_spawn(const char *path, char *const arguments[], char *const environment[], const char *folder, int output);

/// pipe2(ends, O_CLOEXEC), which Swift's Glibc module leaves out.
int sitegen_pipe(int ends[2]);

#endif
