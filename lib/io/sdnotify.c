/*
 * sdnotify.c: the sd_notify protocol, written out (see sdnotify.h).
 */
#include "io/sdnotify.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

int
sdnotify_send(const char *state)
{
  const char *path = getenv("NOTIFY_SOCKET");
  struct sockaddr_un sa;
  size_t n;
  socklen_t len;
  ssize_t w;
  int fd, saved;

  if (path == NULL || path[0] == '\0')
    return 1;
  n = strlen(path);
  if ((path[0] != '/' && path[0] != '@') || n >= sizeof(sa.sun_path))
    return -EINVAL;
  memset(&sa, 0, sizeof(sa));
  sa.sun_family = AF_UNIX;
  memcpy(sa.sun_path, path, n);
  if (path[0] == '@')
    sa.sun_path[0] = '\0';  /* abstract namespace */
  len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
  fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -errno;
  w = sendto(fd, state, strlen(state), MSG_NOSIGNAL,
             (struct sockaddr *)&sa, len);
  saved = errno;
  close(fd);
  return w < 0 ? -saved : 0;
}

int
sdnotify_reloading(void)
{
  struct timespec ts;
  char msg[96];

  clock_gettime(CLOCK_MONOTONIC, &ts);
  snprintf(msg, sizeof(msg), "RELOADING=1\nMONOTONIC_USEC=%llu",
           (unsigned long long)ts.tv_sec * 1000000ULL +
           (unsigned long long)ts.tv_nsec / 1000ULL);
  return sdnotify_send(msg);
}

uint64_t
sdnotify_watchdog_ms(void)
{
  const char *usec = getenv("WATCHDOG_USEC");
  const char *pid = getenv("WATCHDOG_PID");
  unsigned long long v;
  char *end;

  if (usec == NULL)
    return 0;
  if (pid != NULL && strtol(pid, NULL, 10) != (long)getpid())
    return 0;
  errno = 0;
  v = strtoull(usec, &end, 10);
  if (errno != 0 || *end != '\0' || v == 0)
    return 0;
  return v / 1000;
}
