/*
 * sdnotify.h: telling systemd how the daemon is doing (Type=notify).
 *
 * Messages go as datagrams to $NOTIFY_SOCKET (a path, or "@name" in the
 * abstract namespace).  Without the variable every call does nothing, so
 * the daemon runs the same outside systemd.
 */
#ifndef ADUAN_SDNOTIFY_H
#define ADUAN_SDNOTIFY_H

#include <stdint.h>

/* Send state (e.g. "READY=1", "STOPPING=1", "WATCHDOG=1").  Returns 0, 1
 * when there is no NOTIFY_SOCKET, or -errno. */
int sdnotify_send(const char *state);

/* "RELOADING=1" with the MONOTONIC_USEC= systemd 253 wants. */
int sdnotify_reloading(void);

/* The watchdog interval asked for by $WATCHDOG_USEC (and $WATCHDOG_PID,
 * when set, must be ours), in milliseconds; 0 when none. */
uint64_t sdnotify_watchdog_ms(void);

#endif
