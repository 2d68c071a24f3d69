/*
 * bench_flood: one client that pipelines "GET /healthz" as fast as the
 * daemon takes them and never reads an answer, for a fixed time, while
 * the daemon's memory is sampled.  Prints the peak VmRSS, the VmHWM at
 * the end, how much was sent and (for a daemon it started) how many log
 * lines the daemon wrote.
 *
 *   bench_flood [-s SECONDS] [-u http://127.0.0.1:PORT [-p PID]]
 *
 * Without -u it starts aduand of this build as bench_daemon does (a
 * temporary folder, log level info, the shipped header and idle timeouts
 * rather than the tests' short ones) and stops it at the end.  With -u it
 * floods that address instead, and samples /proc/PID/status when -p is
 * given.  SECONDS defaults to 30 (1 to 3600).  The client sends from a
 * non-blocking socket, so that it goes on sampling when the daemon stops
 * reading; when the daemon closes the connection it reconnects.  Not a
 * test: it prints figures and asserts nothing.
 */
/* memmem() */
#define _GNU_SOURCE

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/log.h"
#include "testutil.h"
#include "tu_daemon.h"

#define SAMPLE_MS 100
#define REQ "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

/* What was measured. */
struct flood {
  long rss_peak_kib;    /* highest VmRSS sampled */
  long hwm_kib;         /* VmHWM at the end */
  unsigned long long sent;  /* bytes of requests the kernel took */
  int connects;
};

/* A non-blocking connection to 127.0.0.1:port (or host); fd or -1. */
static int
flood_connect(const char *host, int port)
{
  struct sockaddr_in a;
  int fd = socket(AF_INET, SOCK_STREAM, 0);

  if (fd < 0)
    return -1;
  memset(&a, 0, sizeof(a));
  a.sin_family = AF_INET;
  a.sin_port = htons((uint16_t)port);
  if (inet_pton(AF_INET, host, &a.sin_addr) != 1 ||
      connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0 ||
      fcntl(fd, F_SETFL, O_NONBLOCK) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

/*
 * Pipeline requests to host:port for secs seconds without reading,
 * sampling pid's memory (when pid > 0) every SAMPLE_MS.  0, or -1 when no
 * connection could be made.
 */
static int
flood_run(const char *host, int port, int pid, int secs, struct flood *fl)
{
  struct buf chunk = BUF_INIT;
  int64_t end = tu_now_ms() + (int64_t)secs * 1000, next = 0, now;
  size_t off = 0;
  ssize_t w;
  long rss;
  int fd = -1;

  while (chunk.len < 60000)
    buf_puts(&chunk, REQ);
  while ((now = tu_now_ms()) < end) {
    if (pid > 0 && now >= next) {
      rss = tu_proc_status_kib(pid, "VmRSS:");
      if (rss > fl->rss_peak_kib)
        fl->rss_peak_kib = rss;
      next = now + SAMPLE_MS;
    }
    if (fd < 0) {
      fd = flood_connect(host, port);
      if (fd < 0)
        break;
      fl->connects++;
    }
    w = send(fd, chunk.data + off, chunk.len - off, MSG_NOSIGNAL);
    if (w > 0) {
      fl->sent += (unsigned long long)w;
      off = (off + (size_t)w) % chunk.len;
    } else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      struct pollfd p = {fd, POLLOUT, 0};
      poll(&p, 1, SAMPLE_MS);
    } else {
      /* The daemon closed it: start over on a new connection. */
      close(fd);
      fd = -1;
      off = 0;
    }
  }
  if (fd >= 0)
    close(fd);
  buf_free(&chunk);
  if (pid > 0)
    fl->hwm_kib = tu_proc_status_kib(pid, "VmHWM:");
  return fl->connects > 0 ? 0 : -1;
}

/* Lines in the daemon's log so far, and of those the ones with needle. */
static void
log_count(struct tu_daemon *d, const char *needle, long *lines, long *hits)
{
  const char *p, *nl;

  *lines = 0;
  *hits = 0;
  pthread_mutex_lock(&d->mu);
  for (p = d->log; p != NULL && *p != '\0'; p = nl + 1) {
    nl = strchr(p, '\n');
    if (nl == NULL)
      break;
    (*lines)++;
    if (memmem(p, (size_t)(nl - p), needle, strlen(needle)) != NULL)
      (*hits)++;
  }
  pthread_mutex_unlock(&d->mu);
}

static int
usage(void)
{
  fprintf(stderr, "usage: bench_flood [-s SECONDS] "
          "[-u http://127.0.0.1:PORT [-p PID]]\n");
  return 2;
}

int
main(int argc, char **argv)
{
  const char *url = NULL;
  char host[64] = "127.0.0.1";
  int secs = 30, pid = 0, port = 0, opt, rc;
  struct flood fl = {0};
  struct tu_daemon_opts o = {0};
  struct tu_daemon d;
  long lines, reqs;

  while ((opt = getopt(argc, argv, "s:u:p:")) != -1) {
    if (opt == 's')
      secs = atoi(optarg);
    else if (opt == 'u')
      url = optarg;
    else if (opt == 'p')
      pid = atoi(optarg);
    else
      return usage();
  }
  if (secs < 1 || secs > 3600 || optind != argc)
    return usage();
  if (url != NULL && (sscanf(url, "http://%63[0-9.]:%d", host, &port) != 2 ||
                      port < 1 || port > 65535))
    return usage();
  log_setup(LOG_WARN, 0);
  if (url == NULL) {
    o.extra = "[log]\nlevel = info\n";
    o.server = "header_timeout = 10s\nidle_timeout = 60s\n";
    if (tu_daemon_start_opts(&d, &o) != 0) {
      fprintf(stderr, "bench_flood: the daemon did not start\n");
      return 1;
    }
    port = d.port;
    pid = d.pid;
  }
  printf("flooding %s:%d with pipelined GET /healthz for %d s, reading "
         "nothing\n", host, port, secs);
  fflush(stdout);
  rc = flood_run(host, port, pid, secs, &fl);
  printf("sent:           %llu bytes, %llu requests, %d connection(s)\n",
         fl.sent, fl.sent / (sizeof(REQ) - 1), fl.connects);
  if (pid > 0)
    printf("peak VmRSS:     %ld KiB (sampled every %d ms)\n"
           "VmHWM:          %ld KiB\n", fl.rss_peak_kib, SAMPLE_MS,
           fl.hwm_kib);
  else
    printf("memory:         not sampled (no -p PID)\n");
  if (url == NULL) {
    log_count(&d, "event=http.request ", &lines, &reqs);
    printf("daemon log:     %ld lines, %ld of them event=http.request\n",
           lines, reqs);
    if (!tu_daemon_stop(&d))
      rc = -1;
  }
  if (rc != 0)
    fprintf(stderr, "bench_flood: no connection to %s:%d\n", host, port);
  return rc == 0 ? 0 : 1;
}
