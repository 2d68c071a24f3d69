/*
 * fuzz_http.c: the HTTP server of the daemon (lib/io/httpd.c) on fuzzed
 * bytes from a client.
 *
 * One loop and one httpd listening on a unix socket in the process's
 * temporary folder serve the whole run (set up in LLVMFuzzerInitialize).
 * Each input is one client connection: its bytes are written as they are
 * (requests, pipelined or partial, chunked bodies, garbage), then the
 * client half-closes and reads whatever comes back until the server is
 * done with the connection.  The driver turns the loop without blocking
 * and waits in poll() on the client and on the loop's backend together,
 * so that neither side can stall the other.
 *
 * The handler answers every request, at once or, for a request with an
 * "X-Defer" header, on a later turn of the loop (so that pipelined
 * requests queue, reading pauses and resumes, and a client may leave
 * while its requests are still with the handler).  The status comes from
 * "X-Status" (anything, including nonsense that httpd must mend), the
 * body echoes the request's, and a path that starts "/e" gets httpd's
 * JSON error form with the path in it.  The limits are small (4 KiB body,
 * 2 KiB head, 2 requests in flight) so that short inputs reach them.
 *
 * Checked after each input: the connection is gone, nothing is in flight
 * and no deferred request is left, within a few seconds; an answer, when
 * one came, begins with "HTTP/1.1 ".  Everything of one connection is
 * freed before the input ends, so libFuzzer's leak check sees any leak.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "fuzzutil.h"
#include "io/httpd.h"

#define HP_DEFER_MAX 16
#define HP_DEADLINE_NS (5ULL * 1000 * 1000 * 1000)
#define HP_POLL_MS 50
#define HP_STATUS_LINE "HTTP/1.1 "

/* The server, and the requests whose answer waits for a later turn.
 * libFuzzer gives the harness no context to carry it in, so it is the
 * file's one static; the handler gets it as its argument. */
struct hp_server {
  uv_loop_t loop;
  struct httpd *h;
  char *path;
  struct httpd_request *deferred[HP_DEFER_MAX];
  int ndeferred;
};

static struct hp_server hp;

/* Answer req as described at the top of this file. */
static void
hp_answer(struct httpd_request *req)
{
  const char *s = httpd_header(req, "X-Status");
  long status = 200;
  char *end;

  if (s != NULL) {
    status = strtol(s, &end, 10);
    if (end == s || status < -1 || status > 1000)
      status = 999;
  }
  if (strncmp(req->path, "/e", 2) == 0)
    httpd_respond_error(req, (int)status, req->path);
  else
    httpd_respond(req, (int)status, "text/plain", "X-Echo: 1\r\n",
                  req->body.data, req->body.len);
}

static void
hp_handler(struct httpd_request *req, void *arg)
{
  struct hp_server *s = arg;

  FZ_CHECK(req->body.data != NULL && req->body.data[req->body.len] == '\0');
  FZ_CHECK(req->path != NULL && req->query != NULL && req->url != NULL);
  if (httpd_header(req, "X-Defer") != NULL && s->ndeferred < HP_DEFER_MAX) {
    s->deferred[s->ndeferred++] = req;
    return;
  }
  hp_answer(req);
}

/* Answer the deferred requests, oldest last (answers may come in any
 * order; httpd keeps them in request order on the wire). */
static void
hp_answer_deferred(void)
{
  while (hp.ndeferred > 0)
    hp_answer(hp.deferred[--hp.ndeferred]);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  struct httpd_opts o;

  (void)argc;
  (void)argv;
  fz_init();
  FZ_CHECK(uv_loop_init(&hp.loop) == 0);
  httpd_opts_default(&o);
  o.max_body = 4096;
  o.max_header = 2048;
  o.max_connections = 4;
  o.header_timeout_ms = 30000;
  o.idle_timeout_ms = 30000;
  o.max_pipeline = 2;
  FZ_CHECK(httpd_new(&hp.h, &hp.loop, &o, hp_handler, &hp) == 0);
  hp.path = fz_path("http.sock");
  FZ_CHECK(strlen(hp.path) < sizeof(((struct sockaddr_un *)0)->sun_path));
  FZ_CHECK(httpd_listen_unix(hp.h, hp.path, 0600) == 0);
  return 0;
}

/* A non-blocking client connected to the server's socket. */
static int
hp_connect(void)
{
  struct sockaddr_un sa;
  int fd;

  fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  FZ_CHECK(fd >= 0);
  memset(&sa, 0, sizeof(sa));
  sa.sun_family = AF_UNIX;
  memcpy(sa.sun_path, hp.path, strlen(hp.path) + 1);
  FZ_CHECK(connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0);
  return fd;
}

/* Read what the server sent, keeping its first bytes in head.  Returns 1
 * once the server has finished sending (or reset the connection). */
static int
hp_read(int fd, char *head, size_t *nhead)
{
  char rbuf[65536];
  ssize_t n;
  size_t take;

  for (;;) {
    n = recv(fd, rbuf, sizeof(rbuf), MSG_DONTWAIT);
    if (n > 0) {
      take = sizeof(HP_STATUS_LINE) - 1 - *nhead;
      if ((size_t)n < take)
        take = (size_t)n;
      memcpy(head + *nhead, rbuf, take);
      *nhead += take;
      continue;
    }
    if (n == 0)
      return 1;
    if (errno == EINTR)
      continue;
    return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : 1;
  }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char head[sizeof(HP_STATUS_LINE) - 1];
  struct pollfd pfd[2];
  uint64_t start = uv_hrtime();
  size_t off = 0, nhead = 0;
  int fd, shut = 0, eof = 0, timeout;
  ssize_t n;

  fd = hp_connect();
  for (;;) {
    if (!shut && off < size) {
      n = send(fd, data + off, size - off, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0)
        off += (size_t)n;
      else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK &&
               errno != EINTR)
        off = size;   /* the server hung up: the rest cannot go */
    }
    if (!shut && off >= size) {
      shutdown(fd, SHUT_WR);
      shut = 1;
    }
    if (!eof)
      eof = hp_read(fd, head, &nhead);
    hp_answer_deferred();
    uv_run(&hp.loop, UV_RUN_NOWAIT);
    if (eof && httpd_connections(hp.h) == 0 && hp.ndeferred == 0)
      break;
    FZ_CHECK(uv_hrtime() - start < HP_DEADLINE_NS);

    pfd[0].fd = eof ? -1 : fd;
    pfd[0].events = (short)(POLLIN | (shut ? 0 : POLLOUT));
    pfd[1].fd = uv_backend_fd(&hp.loop);
    pfd[1].events = POLLIN;
    timeout = uv_backend_timeout(&hp.loop);
    if (timeout < 0 || timeout > HP_POLL_MS)
      timeout = HP_POLL_MS;
    if (hp.ndeferred > 0)
      timeout = 0;
    poll(pfd, 2, timeout);
  }
  close(fd);
  uv_run(&hp.loop, UV_RUN_NOWAIT);
  FZ_CHECK(httpd_inflight(hp.h) == 0);
  if (nhead > 0)
    FZ_CHECK(memcmp(head, HP_STATUS_LINE, nhead) == 0);
  return 0;
}
