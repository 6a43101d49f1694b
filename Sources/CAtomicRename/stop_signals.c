#define _GNU_SOURCE
#include "stop_signals.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static int stop_pipe = -1;

/// Only async-signal-safe calls: one write.
static void note_stop(int number) {
    int saved = errno;
    unsigned char byte = (unsigned char)number;
    ssize_t written = write(stop_pipe, &byte, 1);
    (void)written;
    errno = saved;
}

int sitegen_catch_stop_signals(void) {
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0) return -1;
    stop_pipe = ends[1];
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = note_stop;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (sigaction(SIGINT, &action, NULL) != 0 || sigaction(SIGTERM, &action, NULL) != 0) return -1;
    return ends[0];
}
