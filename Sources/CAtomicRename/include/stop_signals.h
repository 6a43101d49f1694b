#ifndef SITEGEN_STOP_SIGNALS_H
#define SITEGEN_STOP_SIGNALS_H

/// Catches SIGINT and SIGTERM from now on: each one writes its number (one
/// byte) into a pipe, whose reading end is returned (-1 with errno set on
/// failure). A thread reading that pipe then stops the program. A plain
/// sigaction handler: no signal is lost, whichever thread it reaches
/// (Dispatch's signal sources on Linux lost about one SIGTERM in twenty
/// sent right after start).
int sitegen_catch_stop_signals(void);

#endif
