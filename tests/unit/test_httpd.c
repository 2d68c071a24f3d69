/*
 * test_httpd.c: the HTTP/1.1 server, driven over loopback.
 *
 * Each test runs a server on its own uv loop in a second thread (the
 * fixture below) and talks to it from the test thread with plain blocking
 * sockets that give up after WAIT_MS.  Calls into httpd are made on the
 * loop thread through an async handle; the test thread waits on a
 * condition variable for what it expects (requests seen, connections
 * open, requests in flight), never by sleeping.
 *
 * The handler echoes what it parsed.  Requests whose path starts with
 * "/hold" are kept unanswered until the test answers them, which is how
 * ordering, timeouts and orphans are exercised.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <uv.h>

#include "base/buf.h"
#include "io/httpd.h"
#include "base/log.h"
#include "testutil.h"

#define WAIT_MS 3000
#define MAX_HELD 64

/* ---- the server fixture ----------------------------------------------- */

struct fx {
  uv_loop_t loop;
  uv_thread_t thread;
  uv_async_t async;
  uv_prepare_t prep;
  uv_mutex_t mu;
  uv_cond_t cv;
  struct httpd *h;
  int port;
  int keep_orphans;     /* leave held requests unanswered at the end */

  /* Loop thread only. */
  struct httpd_request *held[MAX_HELD];
  int nheld;

  /* Under mu. */
  void (*cmd)(struct fx *f, void *arg);
  void *cmd_arg;
  int nreqs;            /* requests the handler has seen */
  int held_now;
  int held_max;
  int conns;            /* httpd_connections(), as of the last loop turn */
  int inflight;         /* httpd_inflight(), likewise */
  size_t unsent_max;    /* the most httpd_unsent() was at a loop turn */
};

#define BIG_BODY 65536  /* the body of an answer to "/big" */

/* Answer req with what the server parsed, one "key=value" per line. */
static void
echo(struct httpd_request *req)
{
  struct buf b = BUF_INIT;
  const char *xt = httpd_header(req, "x-test");
  const char *xe = httpd_header(req, "x-empty");
  const char *host = httpd_header(req, "host");

  buf_printf(&b, "method=%s\npath=%s\nquery=%s\nx-test=%s\nx-empty=%s\n"
             "host=%s\nnheaders=%d\nid=%s\npeer=%s\nbody=",
             req->method_name, req->path, req->query,
             xt != NULL ? xt : "(none)", xe != NULL ? xe : "(none)",
             host != NULL ? host : "(none)", req->nheaders, req->id,
             req->peer);
  buf_append(&b, req->body.data, req->body.len);
  httpd_respond(req, 200, "text/plain", "X-Echo: 1\r\n", b.data, b.len);
  buf_free(&b);
}

static void
fx_handler(struct httpd_request *req, void *arg)
{
  struct fx *f = arg;
  int hold = strncmp(req->path, "/hold", 5) == 0;

  uv_mutex_lock(&f->mu);
  f->nreqs++;
  if (hold) {
    f->held_now++;
    if (f->held_now > f->held_max)
      f->held_max = f->held_now;
  }
  uv_cond_broadcast(&f->cv);
  uv_mutex_unlock(&f->mu);

  if (hold && f->nheld < MAX_HELD) {
    f->held[f->nheld++] = req;
    return;
  }
  if (strcmp(req->path, "/stall") == 0)
    usleep(600 * 1000);   /* work that holds the loop (the test's point) */
  if (strcmp(req->path, "/error") == 0) {
    httpd_respond_error(req, 422, "bad \"input\"\n");
    return;
  }
  if (strcmp(req->path, "/big") == 0) {
    static char big[BIG_BODY];
    memset(big, 'b', sizeof(big));
    httpd_respond(req, 200, "text/plain", NULL, big, sizeof(big));
    return;
  }
  echo(req);
}

static void
fx_on_async(uv_async_t *a)
{
  struct fx *f = a->data;
  void (*fn)(struct fx *f, void *arg);
  void *arg;

  uv_mutex_lock(&f->mu);
  fn = f->cmd;
  arg = f->cmd_arg;
  uv_mutex_unlock(&f->mu);
  if (fn != NULL)
    fn(f, arg);
  uv_mutex_lock(&f->mu);
  f->cmd = NULL;
  uv_cond_broadcast(&f->cv);
  uv_mutex_unlock(&f->mu);
}

/* Before the loop blocks: publish the server's counters. */
static void
fx_on_prepare(uv_prepare_t *p)
{
  struct fx *f = p->data;

  uv_mutex_lock(&f->mu);
  if (f->h != NULL) {
    f->conns = httpd_connections(f->h);
    f->inflight = httpd_inflight(f->h);
    if (httpd_unsent(f->h) > f->unsent_max)
      f->unsent_max = httpd_unsent(f->h);
  }
  uv_cond_broadcast(&f->cv);
  uv_mutex_unlock(&f->mu);
}

static void
fx_thread(void *arg)
{
  struct fx *f = arg;

  uv_run(&f->loop, UV_RUN_DEFAULT);
}

static void
fx_start_on(struct fx *f, const struct httpd_opts *o, const char *host)
{
  memset(f, 0, sizeof(*f));
  signal(SIGPIPE, SIG_IGN);
  ck_assert_int_eq(uv_loop_init(&f->loop), 0);
  ck_assert_int_eq(uv_mutex_init(&f->mu), 0);
  ck_assert_int_eq(uv_cond_init(&f->cv), 0);
  ck_assert_int_eq(httpd_new(&f->h, &f->loop, o, fx_handler, f), 0);
  ck_assert_int_eq(httpd_listen(f->h, host, 0), 0);
  f->port = httpd_port(f->h);
  ck_assert_int_gt(f->port, 0);
  ck_assert_int_eq(uv_async_init(&f->loop, &f->async, fx_on_async), 0);
  f->async.data = f;
  ck_assert_int_eq(uv_prepare_init(&f->loop, &f->prep), 0);
  f->prep.data = f;
  ck_assert_int_eq(uv_prepare_start(&f->prep, fx_on_prepare), 0);
  ck_assert_int_eq(uv_thread_create(&f->thread, fx_thread, f), 0);
}

static void
fx_start(struct fx *f, const struct httpd_opts *o)
{
  fx_start_on(f, o, "127.0.0.1");
}

/* Run fn(f, arg) on the loop thread and wait until it has returned. */
static void
fx_call(struct fx *f, void (*fn)(struct fx *f, void *arg), void *arg)
{
  uint64_t deadline = uv_hrtime() + (uint64_t)WAIT_MS * 1000000;
  uint64_t now;
  int done;

  uv_mutex_lock(&f->mu);
  f->cmd = fn;
  f->cmd_arg = arg;
  uv_async_send(&f->async);
  for (;;) {
    done = f->cmd == NULL;
    now = uv_hrtime();
    if (done || now >= deadline)
      break;
    uv_cond_timedwait(&f->cv, &f->mu, deadline - now);
  }
  uv_mutex_unlock(&f->mu);
  ck_assert_msg(done, "the loop thread did not run the command");
}

/* Wait until pred(f, arg) holds (checked under the lock); 1 or 0. */
static int
fx_wait(struct fx *f, int (*pred)(const struct fx *f, int arg), int arg)
{
  uint64_t deadline = uv_hrtime() + (uint64_t)WAIT_MS * 1000000;
  uint64_t now;
  int ok;

  uv_mutex_lock(&f->mu);
  for (;;) {
    ok = pred(f, arg);
    now = uv_hrtime();
    if (ok || now >= deadline)
      break;
    uv_cond_timedwait(&f->cv, &f->mu, deadline - now);
  }
  uv_mutex_unlock(&f->mu);
  return ok;
}

static int
pred_nreqs(const struct fx *f, int n)
{
  return f->nreqs >= n;
}

static int
pred_conns(const struct fx *f, int n)
{
  return f->conns == n;
}

static int
pred_inflight(const struct fx *f, int n)
{
  return f->inflight == n;
}

static int
fx_nreqs(struct fx *f)
{
  int n;

  uv_mutex_lock(&f->mu);
  n = f->nreqs;
  uv_mutex_unlock(&f->mu);
  return n;
}

static void
cmd_answer(struct fx *f, void *arg)
{
  int i = *(int *)arg;

  ck_assert_int_lt(i, f->nheld);
  ck_assert_ptr_nonnull(f->held[i]);
  echo(f->held[i]);
  f->held[i] = NULL;
  uv_mutex_lock(&f->mu);
  f->held_now--;
  uv_mutex_unlock(&f->mu);
}

/* Answer the i-th held request (in the order the handler saw them). */
static void
fx_answer(struct fx *f, int i)
{
  fx_call(f, cmd_answer, &i);
}

static void
cmd_noop(struct fx *f, void *arg)
{
  (void)f;
  (void)arg;
}

static void
cmd_stop(struct fx *f, void *arg)
{
  (void)arg;
  httpd_stop(f->h);
}

static void
cmd_set_opts(struct fx *f, void *arg)
{
  httpd_set_opts(f->h, arg);
}

static void
fx_on_closed(void *arg)
{
  struct fx *f = arg;

  f->h = NULL;
  uv_close((uv_handle_t *)&f->async, NULL);
  uv_close((uv_handle_t *)&f->prep, NULL);
}

static void
cmd_teardown(struct fx *f, void *arg)
{
  int i;

  (void)arg;
  httpd_close(f->h, fx_on_closed, f);
  if (f->keep_orphans)
    return;
  /* Whatever is still held is an orphan now; answering frees it. */
  for (i = 0; i < f->nheld; i++) {
    if (f->held[i] != NULL) {
      ck_assert_ptr_null(f->held[i]->conn);
      echo(f->held[i]);
      f->held[i] = NULL;
    }
  }
}

/* Close the server, let the loop thread end, and check the loop is empty. */
static void
fx_end(struct fx *f)
{
  fx_call(f, cmd_teardown, NULL);
  ck_assert_int_eq(uv_thread_join(&f->thread), 0);
  ck_assert_ptr_null(f->h);
  ck_assert_int_eq(uv_loop_close(&f->loop), 0);
  uv_cond_destroy(&f->cv);
  uv_mutex_destroy(&f->mu);
}

/* ---- the client ------------------------------------------------------- */

struct cl {
  int fd;
  size_t len;
  char buf[1 << 17];
};

struct resp {
  int status;
  char head[8192];
  char body[65536];
  size_t body_len;
};

static void
cl_timeouts(int fd)
{
  struct timeval tv;
  int one = 1;

  tv.tv_sec = WAIT_MS / 1000;
  tv.tv_usec = (WAIT_MS % 1000) * 1000;
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

/* Connect to 127.0.0.1:port.  0, or -errno (the socket is then closed). */
static int
cl_open(struct cl *c, int port)
{
  struct sockaddr_in a;
  int err;

  c->len = 0;
  c->fd = socket(AF_INET, SOCK_STREAM, 0);
  ck_assert_int_ge(c->fd, 0);
  cl_timeouts(c->fd);
  memset(&a, 0, sizeof(a));
  a.sin_family = AF_INET;
  a.sin_port = htons((uint16_t)port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(c->fd, (struct sockaddr *)&a, sizeof(a)) != 0) {
    err = errno;
    close(c->fd);
    c->fd = -1;
    return -err;
  }
  return 0;
}

static void
cl_close(struct cl *c)
{
  if (c->fd >= 0)
    close(c->fd);
  c->fd = -1;
}

/* Close with a reset rather than a FIN. */
static void
cl_reset(struct cl *c)
{
  struct linger lg;

  lg.l_onoff = 1;
  lg.l_linger = 0;
  setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
  cl_close(c);
}

static void
cl_send(struct cl *c, const void *p, size_t n)
{
  const char *s = p;
  ssize_t w;

  while (n > 0) {
    w = send(c->fd, s, n, MSG_NOSIGNAL);
    ck_assert_int_gt(w, 0);
    s += w;
    n -= (size_t)w;
  }
}

static void
cl_sends(struct cl *c, const char *s)
{
  cl_send(c, s, strlen(s));
}

/* Read more bytes.  >0 read, 0 end of stream, -1 error or timeout. */
static ssize_t
cl_fill(struct cl *c)
{
  ssize_t r;

  if (c->len >= sizeof(c->buf))
    return -1;
  r = recv(c->fd, c->buf + c->len, sizeof(c->buf) - c->len, 0);
  if (r > 0)
    c->len += (size_t)r;
  return r < 0 ? -1 : r;
}

/* Bytes that are already waiting on the socket, without blocking. */
static ssize_t
cl_ready(struct cl *c)
{
  char tmp[256];
  ssize_t r = recv(c->fd, tmp, sizeof(tmp), MSG_DONTWAIT | MSG_PEEK);

  return r < 0 ? 0 : r;
}

static const char *
ci_find(const char *hay, const char *needle)
{
  size_t n = strlen(needle);

  for (; *hay != '\0'; hay++)
    if (strncasecmp(hay, needle, n) == 0)
      return hay;
  return NULL;
}

/* Whether the response head holds the header line "Name: value". */
static int
has_header(const struct resp *r, const char *line)
{
  char want[256];

  snprintf(want, sizeof(want), "\r\n%s\r\n", line);
  return ci_find(r->head, want) != NULL;
}

static const char *
find_seq(const char *p, size_t n, const char *seq, size_t m)
{
  size_t i;

  for (i = 0; i + m <= n; i++)
    if (memcmp(p + i, seq, m) == 0)
      return p + i;
  return NULL;
}

/*
 * Read one response (an interim 1xx counts as one).  When no_body is set
 * (the answer to HEAD) Content-Length is not followed.  0, or -1 when the
 * stream ended or timed out first.
 */
static int
cl_response_ex(struct cl *c, struct resp *r, int no_body)
{
  const char *end, *cl;
  size_t hlen, blen = 0;

  memset(r, 0, offsetof(struct resp, body));
  r->body[0] = '\0';
  for (;;) {
    end = find_seq(c->buf, c->len, "\r\n\r\n", 4);
    if (end != NULL)
      break;
    if (cl_fill(c) <= 0)
      return -1;
  }
  hlen = (size_t)(end - c->buf) + 4;
  ck_assert_uint_lt(hlen, sizeof(r->head));
  memcpy(r->head, c->buf, hlen);
  r->head[hlen] = '\0';
  ck_assert_int_eq(strncmp(r->head, "HTTP/1.1 ", 9), 0);
  r->status = (int)strtol(r->head + 9, NULL, 10);
  cl = ci_find(r->head, "\r\nContent-Length:");
  if (cl != NULL && !no_body && r->status >= 200)
    blen = (size_t)strtoul(cl + 17, NULL, 10);
  ck_assert_uint_lt(blen, sizeof(r->body));
  while (c->len < hlen + blen)
    if (cl_fill(c) <= 0)
      return -1;
  memcpy(r->body, c->buf + hlen, blen);
  r->body[blen] = '\0';
  r->body_len = blen;
  memmove(c->buf, c->buf + hlen + blen, c->len - hlen - blen);
  c->len -= hlen + blen;
  return 0;
}

static int
cl_response(struct cl *c, struct resp *r)
{
  return cl_response_ex(c, r, 0);
}

/* Send req on c and read its answer into r, which must have status. */
static void
cl_ask(struct cl *c, const char *req, struct resp *r, int status)
{
  cl_sends(c, req);
  ck_assert_int_eq(cl_response(c, r), 0);
  ck_assert_msg(r->status == status, "%s: got %d", req, r->status);
}

/* 1 when the server ends the stream with nothing more, 0 when bytes come,
 * -1 on timeout. */
static int
cl_eof(struct cl *c)
{
  ssize_t r;

  if (c->len > 0)
    return 0;
  r = recv(c->fd, c->buf, sizeof(c->buf), 0);
  if (r == 0 || (r < 0 && errno == ECONNRESET))
    return 1;
  if (r > 0) {
    c->len = (size_t)r;
    return 0;
  }
  return -1;
}

/* Read and drop until the stream ends: 1, or 0 on timeout. */
static int
cl_drain(struct cl *c)
{
  ssize_t r;

  for (;;) {
    c->len = 0;
    r = recv(c->fd, c->buf, sizeof(c->buf), 0);
    if (r == 0 || (r < 0 && errno == ECONNRESET))
      return 1;
    if (r < 0)
      return 0;
  }
}

/* The value of "key=" on its own line of an echo body, copied to out. */
static const char *
echo_field(const struct resp *r, const char *key, char *out, size_t n)
{
  char want[64];
  const char *p, *e;
  size_t len;

  snprintf(want, sizeof(want), "%s=", key);
  for (p = r->body; p != NULL; p = strchr(p, '\n')) {
    if (*p == '\n')
      p++;
    if (strncmp(p, want, strlen(want)) == 0)
      break;
  }
  if (p == NULL)
    return NULL;
  p += strlen(want);
  e = strcmp(key, "body") == 0 ? r->body + r->body_len : strchr(p, '\n');
  if (e == NULL)
    e = p + strlen(p);
  len = (size_t)(e - p);
  if (len >= n)
    len = n - 1;
  memcpy(out, p, len);
  out[len] = '\0';
  return out;
}

static void
assert_field(const struct resp *r, const char *key, const char *want)
{
  char got[4096];

  ck_assert_ptr_nonnull(echo_field(r, key, got, sizeof(got)));
  ck_assert_str_eq(got, want);
}

static void
opts_small(struct httpd_opts *o)
{
  httpd_opts_default(o);
  o->header_timeout_ms = 2000;
  o->idle_timeout_ms = 2000;
}

/* For servers that are never sent a request. */
static void
echo_probe_handler(struct httpd_request *req, void *arg)
{
  (void)arg;
  echo(req);
}

static void
count_close(void *arg)
{
  (*(int *)arg)++;
}

/* On a new connection, req is answered status with "Connection: close",
 * and the server then ends the stream: for requests refused outright. */
static void
expect_closing_answer(struct fx *f, const char *req, int status)
{
  static struct cl c;
  static struct resp r;

  ck_assert_int_eq(cl_open(&c, f->port), 0);
  cl_sends(&c, req);
  ck_assert_int_eq(cl_response(&c, &r), 0);
  ck_assert_msg(r.status == status, "%s: got %d", req, r.status);
  ck_assert(has_header(&r, "Connection: close"));
  ck_assert_int_eq(cl_eof(&c), 1);
  cl_close(&c);
}

/* ---- tests ------------------------------------------------------------ */

START_TEST(get_simple)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  char id[64], peer[64];
  size_t i;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "GET /hello?name=a%20b&x=1 HTTP/1.1\r\nHost: x\r\n\r\n", &r, 200);
  ck_assert(has_header(&r, "Content-Type: text/plain"));
  ck_assert(has_header(&r, "X-Echo: 1"));
  ck_assert(!has_header(&r, "Connection: close"));
  assert_field(&r, "method", "GET");
  assert_field(&r, "path", "/hello");
  assert_field(&r, "query", "name=a%20b&x=1");
  assert_field(&r, "body", "");
  ck_assert_ptr_nonnull(echo_field(&r, "id", id, sizeof(id)));
  ck_assert_uint_eq(strlen(id), 8);
  for (i = 0; i < 8; i++)
    ck_assert_ptr_nonnull(strchr("0123456789abcdef", id[i]));
  ck_assert_ptr_nonnull(echo_field(&r, "peer", peer, sizeof(peer)));
  ck_assert_int_eq(strncmp(peer, "127.0.0.1:", 10), 0);

  /* No query at all: "" rather than NULL. */
  cl_sends(&c, "GET /plain HTTP/1.1\r\nHost: x\r\n\r\n");
  ck_assert_int_eq(cl_response(&c, &r), 0);
  assert_field(&r, "path", "/plain");
  assert_field(&r, "query", "");
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(post_content_length)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "POST /webhook/dev HTTP/1.1\r\nHost: x\r\n"
             "Content-Type: application/json\r\nContent-Length: 16\r\n\r\n"
             "{\"text\":\"halo\"}\n", &r, 200);
  assert_field(&r, "method", "POST");
  assert_field(&r, "path", "/webhook/dev");
  assert_field(&r, "body", "{\"text\":\"halo\"}\n");
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(post_chunked)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "POST /c HTTP/1.1\r\nHost: x\r\n"
               "Transfer-Encoding: chunked\r\n\r\n"
               "5\r\nhello\r\n");
  cl_ask(&c, "6;ext=1\r\n world\r\n0\r\n\r\n", &r, 200);
  assert_field(&r, "body", "hello world");
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(one_byte_writes)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  const char *req = "PUT /slow/path?a=b HTTP/1.1\r\nHost: x\r\n"
                    "X-Test: pelan-pelan\r\nContent-Length: 11\r\n\r\n"
                    "satu persatu";
  size_t i;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  /* The 12th body byte starts a next request, which never completes. */
  for (i = 0; req[i] != '\0'; i++)
    cl_send(&c, req + i, 1);
  ck_assert_int_eq(cl_response(&c, &r), 0);
  ck_assert_int_eq(r.status, 200);
  assert_field(&r, "method", "PUT");
  assert_field(&r, "path", "/slow/path");
  assert_field(&r, "query", "a=b");
  assert_field(&r, "x-test", "pelan-pelan");
  assert_field(&r, "body", "satu persat");
  ck_assert_int_eq(fx_nreqs(&f), 1);
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(pipelined_answers_keep_order)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "GET /hold/1 HTTP/1.1\r\nHost: x\r\n\r\n"
               "POST /hold/2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
               "\r\nabc"
               "GET /now/3 HTTP/1.1\r\nHost: x\r\n\r\n");
  ck_assert(fx_wait(&f, pred_nreqs, 3));
  /* The third is answered already, the second now: neither may leave
   * before the first. */
  fx_answer(&f, 1);
  fx_call(&f, cmd_noop, NULL);
  ck_assert_int_eq(cl_ready(&c), 0);
  fx_answer(&f, 0);
  ck_assert_int_eq(cl_response(&c, &r), 0);
  assert_field(&r, "path", "/hold/1");
  ck_assert_int_eq(cl_response(&c, &r), 0);
  assert_field(&r, "path", "/hold/2");
  assert_field(&r, "body", "abc");
  ck_assert_int_eq(cl_response(&c, &r), 0);
  assert_field(&r, "path", "/now/3");
  ck_assert(!has_header(&r, "Connection: close"));
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(pipeline_pauses_reading)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  struct httpd_opts o;
  char want[32];
  int i;

  httpd_opts_default(&o);
  o.max_pipeline = 2;
  fx_start(&f, &o);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  for (i = 0; i < 6; i++) {
    char line[96];
    snprintf(line, sizeof(line),
             "POST /hold/%d HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
             "\r\n%d", i, i);
    cl_sends(&c, line);
  }
  ck_assert(fx_wait(&f, pred_nreqs, 2));
  fx_call(&f, cmd_noop, NULL);
  fx_call(&f, cmd_noop, NULL);
  ck_assert_int_eq(fx_nreqs(&f), 2);
  for (i = 0; i < 6; i++) {
    ck_assert(fx_wait(&f, pred_nreqs, i + 2 < 6 ? i + 2 : 6));
    fx_answer(&f, i);
    ck_assert_int_eq(cl_response(&c, &r), 0);
    snprintf(want, sizeof(want), "/hold/%d", i);
    assert_field(&r, "path", want);
    snprintf(want, sizeof(want), "%d", i);
    assert_field(&r, "body", want);
  }
  uv_mutex_lock(&f.mu);
  ck_assert_int_le(f.held_max, 2);
  ck_assert_int_eq(f.nreqs, 6);
  uv_mutex_unlock(&f.mu);
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(keep_alive_sequential)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  char line[96], want[32];
  int i;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  for (i = 0; i < 5; i++) {
    snprintf(line, sizeof(line), "GET /seq/%d HTTP/1.1\r\nHost: x\r\n\r\n", i);
    cl_sends(&c, line);
    ck_assert_int_eq(cl_response(&c, &r), 0);
    ck_assert_int_eq(r.status, 200);
    ck_assert(!has_header(&r, "Connection: close"));
    snprintf(want, sizeof(want), "/seq/%d", i);
    assert_field(&r, "path", want);
  }
  ck_assert(fx_wait(&f, pred_conns, 1));
  /* HTTP/1.0 asking for keep-alive keeps the connection too. */
  cl_ask(&c, "GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", &r, 200);
  ck_assert(!has_header(&r, "Connection: close"));
  cl_sends(&c, "GET /again HTTP/1.1\r\nHost: x\r\n\r\n");
  ck_assert_int_eq(cl_response(&c, &r), 0);
  assert_field(&r, "path", "/again");
  ck_assert_int_eq(fx_nreqs(&f), 7);
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(connection_close_honoured)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
             &r, 200);
  ck_assert(has_header(&r, "Connection: close"));
  ck_assert_int_eq(cl_eof(&c), 1);
  cl_close(&c);

  /* HTTP/1.0 closes by default. */
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "GET /old HTTP/1.0\r\n\r\n", &r, 200);
  ck_assert(has_header(&r, "Connection: close"));
  ck_assert_int_eq(cl_eof(&c), 1);
  cl_close(&c);
  ck_assert(fx_wait(&f, pred_conns, 0));
  fx_end(&f);
}
END_TEST

START_TEST(body_over_limit_declared)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  struct httpd_opts o;

  httpd_opts_default(&o);
  o.max_body = 100;
  fx_start(&f, &o);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  /* Answered at the headers, before any of the body is sent. */
  cl_ask(&c, "POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n",
             &r, 413);
  ck_assert(has_header(&r, "Content-Type: application/json"));
  ck_assert(has_header(&r, "Connection: close"));
  ck_assert_int_eq(strncmp(r.body, "{\"error\":", 9), 0);
  ck_assert_ptr_nonnull(strstr(r.body, "\"req\":\""));
  ck_assert_int_eq(cl_eof(&c), 1);
  cl_close(&c);

  /* Exactly at the limit is fine. */
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "POST /edge HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"
             "0123456789012345678901234567890123456789012345678901234567"
             "890123456789012345678901234567890123456789", &r, 200);
  ck_assert_int_eq(fx_nreqs(&f), 1);
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(body_over_limit_chunked)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  struct httpd_opts o;
  char chunk[128];

  httpd_opts_default(&o);
  o.max_body = 100;
  fx_start(&f, &o);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  memset(chunk, 'z', 80);
  cl_sends(&c, "POST /big HTTP/1.1\r\nHost: x\r\n"
               "Transfer-Encoding: chunked\r\n\r\n50\r\n");
  cl_send(&c, chunk, 80);
  cl_sends(&c, "\r\n50\r\n");
  cl_send(&c, chunk, 80);
  cl_ask(&c, "\r\n0\r\n\r\n", &r, 413);
  ck_assert(has_header(&r, "Connection: close"));
  ck_assert_int_eq(cl_eof(&c), 1);
  ck_assert_int_eq(fx_nreqs(&f), 0);
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(expect_continue)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  struct httpd_opts o;

  httpd_opts_default(&o);
  o.max_body = 100;
  fx_start(&f, &o);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "POST /up HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
             "Content-Length: 5\r\n\r\n", &r, 100);
  ck_assert_int_eq(fx_nreqs(&f), 0);
  cl_ask(&c, "hello", &r, 200);
  assert_field(&r, "body", "hello");

  /* A body that would be refused gets the refusal, not a 100. */
  cl_ask(&c, "POST /up HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
             "Content-Length: 500\r\n\r\n", &r, 413);
  ck_assert_int_eq(cl_eof(&c), 1);
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(expect_continue_waits_for_earlier_answers)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "GET /hold/a HTTP/1.1\r\nHost: x\r\n\r\n"
               "POST /up HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
               "Content-Length: 2\r\n\r\n");
  ck_assert(fx_wait(&f, pred_nreqs, 1));
  fx_call(&f, cmd_noop, NULL);
  ck_assert_int_eq(cl_ready(&c), 0);
  fx_answer(&f, 0);
  ck_assert_int_eq(cl_response(&c, &r), 0);
  ck_assert_int_eq(r.status, 200);
  assert_field(&r, "path", "/hold/a");
  ck_assert_int_eq(cl_response(&c, &r), 0);
  ck_assert_int_eq(r.status, 100);
  cl_ask(&c, "ok", &r, 200);
  assert_field(&r, "body", "ok");
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(garbage_gets_400)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  static const char nul_req[] = "\x00\x01\x02garbage\r\n\r\n";
  static const char *const bad[] = {
    "FOO / HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
    "GET /\x01 HTTP/1.1\r\n\r\n",
    "POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
    "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    "\r\n\r\nHTTP/1.1 200 OK\r\n\r\n",
  };
  size_t i;

  fx_start(&f, NULL);
  for (i = 0; i <= sizeof(bad) / sizeof(bad[0]); i++) {
    ck_assert_int_eq(cl_open(&c, f.port), 0);
    if (i == sizeof(bad) / sizeof(bad[0]))
      cl_send(&c, nul_req, sizeof(nul_req) - 1);
    else
      cl_sends(&c, bad[i]);
    ck_assert_int_eq(cl_response(&c, &r), 0);
    ck_assert_int_eq(r.status, 400);
    ck_assert(has_header(&r, "Connection: close"));
    ck_assert(has_header(&r, "Content-Type: application/json"));
    ck_assert_int_eq(strncmp(r.body, "{\"error\":", 9), 0);
    ck_assert_int_eq(cl_eof(&c), 1);
    cl_close(&c);
  }
  ck_assert_int_eq(fx_nreqs(&f), 0);
  ck_assert(fx_wait(&f, pred_conns, 0));
  fx_end(&f);
}
END_TEST

START_TEST(random_bytes_never_crash)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  static char junk[3000];
  struct httpd_opts o;
  uint32_t seed = 12345;
  size_t n, j;
  int i;

  opts_small(&o);
  o.header_timeout_ms = 300;
  o.max_header = 2048;
  fx_start(&f, &o);
  for (i = 0; i < 40; i++) {
    n = 0;
    if (i % 3 == 1) {
      memcpy(junk, "POST /x HTTP/1.1\r\nHost: x\r\n", 27);
      n = 27;
    }
    seed = seed * 1103515245u + 12345u;
    j = n + (seed >> 16) % 2000;
    for (; n < j; n++) {
      seed = seed * 1103515245u + 12345u;
      junk[n] = (char)(seed >> 16);
      /* Now and then a line break, so that headers do end. */
      if (i % 2 == 0 && (seed >> 8) % 17 == 0)
        junk[n] = '\n';
    }
    ck_assert_int_eq(cl_open(&c, f.port), 0);
    cl_send(&c, junk, n);
    shutdown(c.fd, SHUT_WR);
    ck_assert_int_eq(cl_drain(&c), 1);
    cl_close(&c);
  }
  /* Still serving, and nothing left over. */
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "GET /alive HTTP/1.1\r\nHost: x\r\n\r\n", &r, 200);
  cl_close(&c);
  ck_assert(fx_wait(&f, pred_conns, 0));
  ck_assert(fx_wait(&f, pred_inflight, 0));
  fx_end(&f);
}
END_TEST

/* A request sent in time is not cut because the loop was busy when its
 * timer came due: its bytes wait in the socket and are read. */
START_TEST(busy_loop_is_not_a_slow_client)
{
  static struct fx f;
  static struct cl a, b;
  static struct resp r;
  struct httpd_opts o;

  opts_small(&o);
  o.header_timeout_ms = 200;
  fx_start(&f, &o);
  ck_assert_int_eq(cl_open(&b, f.port), 0);
  ck_assert_int_eq(cl_open(&a, f.port), 0);
  ck_assert(fx_wait(&f, pred_conns, 2));
  /* a's request holds the loop for 600 ms; b's whole request arrives
   * meanwhile, long before its 200 ms are up. */
  cl_sends(&a, "GET /stall HTTP/1.1\r\nHost: x\r\n\r\n");
  ck_assert(fx_wait(&f, pred_nreqs, 1));   /* the loop is held now */
  cl_sends(&b, "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
  ck_assert_int_eq(cl_response(&a, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert_int_eq(cl_response(&b, &r), 0);
  ck_assert_msg(r.status == 200, "b got %d", r.status);
  assert_field(&r, "path", "/b");
  cl_close(&a);
  cl_close(&b);
  fx_end(&f);
}
END_TEST

START_TEST(header_timeout_cuts_slow_head)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  struct httpd_opts o;
  uint64_t t0, ms;

  opts_small(&o);
  o.header_timeout_ms = 200;
  fx_start(&f, &o);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  t0 = uv_hrtime();
  cl_sends(&c, "GET /slow HTTP/1.1\r\nHost: x\r\n");
  ck_assert_int_eq(cl_response(&c, &r), 0);
  ms = (uv_hrtime() - t0) / 1000000;
  ck_assert_int_eq(r.status, 408);
  ck_assert(has_header(&r, "Connection: close"));
  ck_assert_uint_ge(ms, 150);
  ck_assert_int_eq(cl_eof(&c), 1);
  cl_close(&c);
  ck_assert_int_eq(fx_nreqs(&f), 0);

  /* A connection that sends nothing at all is cut the same way. */
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  ck_assert_int_eq(cl_response(&c, &r), 0);
  ck_assert_int_eq(r.status, 408);
  ck_assert_int_eq(cl_eof(&c), 1);
  cl_close(&c);
  ck_assert(fx_wait(&f, pred_conns, 0));
  fx_end(&f);
}
END_TEST

START_TEST(idle_timeout_closes_keep_alive)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  struct httpd_opts o;
  uint64_t t0, ms;

  opts_small(&o);
  o.idle_timeout_ms = 200;
  fx_start(&f, &o);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "GET /once HTTP/1.1\r\nHost: x\r\n\r\n", &r, 200);
  t0 = uv_hrtime();
  ck_assert_int_eq(cl_eof(&c), 1);
  ms = (uv_hrtime() - t0) / 1000000;
  ck_assert_uint_ge(ms, 150);
  cl_close(&c);
  ck_assert(fx_wait(&f, pred_conns, 0));
  fx_end(&f);
}
END_TEST

START_TEST(stalled_body_is_cut)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  struct httpd_opts o;

  opts_small(&o);
  o.idle_timeout_ms = 200;
  fx_start(&f, &o);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc",
             &r, 408);
  ck_assert_int_eq(cl_eof(&c), 1);
  ck_assert_int_eq(fx_nreqs(&f), 0);
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(no_timeout_while_handler_works)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  struct httpd_opts o;
  struct pollfd pfd;

  opts_small(&o);
  o.idle_timeout_ms = 100;
  o.header_timeout_ms = 100;
  fx_start(&f, &o);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "GET /hold/slow HTTP/1.1\r\nHost: x\r\n\r\n");
  ck_assert(fx_wait(&f, pred_nreqs, 1));
  /* Several timeouts pass; the connection must stay quiet and open. */
  pfd.fd = c.fd;
  pfd.events = POLLIN;
  pfd.revents = 0;
  ck_assert_int_eq(poll(&pfd, 1, 400), 0);
  fx_answer(&f, 0);
  ck_assert_int_eq(cl_response(&c, &r), 0);
  ck_assert_int_eq(r.status, 200);
  assert_field(&r, "path", "/hold/slow");
  ck_assert(!has_header(&r, "Connection: close"));
  cl_close(&c);
  fx_end(&f);
}
END_TEST

/*
 * With two clients connected to a server started with o, a third is
 * answered 503 (its body holding why) and closed, and no request reaches
 * the handler.  The two admitted ones still work; once one of them has
 * gone, a newcomer is served.  For the global and per-client caps.
 */
static void
third_client_turned_away(const struct httpd_opts *o, const char *why)
{
  static struct fx f;
  static struct cl c1, c2, c3;
  static struct resp r;

  fx_start(&f, o);
  ck_assert_int_eq(cl_open(&c1, f.port), 0);
  ck_assert_int_eq(cl_open(&c2, f.port), 0);
  ck_assert(fx_wait(&f, pred_conns, 2));
  ck_assert_int_eq(cl_open(&c3, f.port), 0);
  cl_ask(&c3, "GET /third HTTP/1.1\r\nHost: x\r\n\r\n", &r, 503);
  ck_assert(has_header(&r, "Connection: close"));
  ck_assert_ptr_nonnull(strstr(r.body, why));
  ck_assert_int_eq(cl_eof(&c3), 1);
  cl_close(&c3);
  ck_assert_int_eq(fx_nreqs(&f), 0);

  /* The two admitted ones still work; a freed slot admits a new one. */
  cl_ask(&c1, "GET /one HTTP/1.1\r\nHost: x\r\n\r\n", &r, 200);
  cl_close(&c1);
  ck_assert(fx_wait(&f, pred_conns, 1));
  ck_assert_int_eq(cl_open(&c3, f.port), 0);
  cl_ask(&c3, "GET /three HTTP/1.1\r\nHost: x\r\n\r\n", &r, 200);
  cl_close(&c3);
  cl_close(&c2);
  ck_assert(fx_wait(&f, pred_conns, 0));
  fx_end(&f);
}

START_TEST(connection_limit_gets_503)
{
  struct httpd_opts o;

  httpd_opts_default(&o);
  o.max_connections = 2;
  third_client_turned_away(&o, "\"error\":");
}
END_TEST

START_TEST(client_reset_leaves_orphan)
{
  static struct fx f;
  static struct cl c;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "POST /hold/x HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
               "\r\ndata");
  ck_assert(fx_wait(&f, pred_nreqs, 1));
  ck_assert(fx_wait(&f, pred_inflight, 1));
  cl_reset(&c);
  ck_assert(fx_wait(&f, pred_conns, 0));
  ck_assert(fx_wait(&f, pred_inflight, 1));
  /* The late answer just frees the request. */
  fx_answer(&f, 0);
  ck_assert(fx_wait(&f, pred_inflight, 0));
  fx_end(&f);
}
END_TEST

/*
 * A client that resets its connection while its last request (Connection:
 * close) is with the handler is noticed at once, as for a kept one: the
 * connection is freed and the request waits as an orphan.  Reading goes
 * on after the last request, so a connection costs no stop and restart of
 * its reading (two epoll_ctl calls) before it lingers.
 */
START_TEST(client_reset_on_last_request_leaves_orphan)
{
  static struct fx f;
  static struct cl c;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "POST /hold/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
               "Content-Length: 4\r\n\r\ndata");
  ck_assert(fx_wait(&f, pred_nreqs, 1));
  ck_assert(fx_wait(&f, pred_inflight, 1));
  cl_reset(&c);
  ck_assert(fx_wait(&f, pred_conns, 0));
  ck_assert(fx_wait(&f, pred_inflight, 1));
  fx_answer(&f, 0);
  ck_assert(fx_wait(&f, pred_inflight, 0));
  fx_end(&f);
}
END_TEST

START_TEST(client_half_close_still_answered)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "GET /hold/h HTTP/1.1\r\nHost: x\r\n\r\n");
  shutdown(c.fd, SHUT_WR);
  ck_assert(fx_wait(&f, pred_nreqs, 1));
  fx_call(&f, cmd_noop, NULL);
  fx_answer(&f, 0);
  ck_assert_int_eq(cl_response(&c, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert(has_header(&r, "Connection: close"));
  ck_assert_int_eq(cl_eof(&c), 1);
  cl_close(&c);
  ck_assert(fx_wait(&f, pred_conns, 0));
  fx_end(&f);
}
END_TEST

START_TEST(stop_finishes_inflight)
{
  static struct fx f;
  static struct cl a, b, n;
  static struct resp r;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&a, f.port), 0);
  ck_assert_int_eq(cl_open(&b, f.port), 0);
  cl_sends(&a, "GET /hold/a HTTP/1.1\r\nHost: x\r\n\r\n");
  cl_sends(&b, "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
  ck_assert_int_eq(cl_response(&b, &r), 0);
  ck_assert(fx_wait(&f, pred_nreqs, 2));
  fx_call(&f, cmd_stop, NULL);
  /* The idle one is closed now, and no one new gets in. */
  ck_assert_int_eq(cl_eof(&b), 1);
  cl_close(&b);
  ck_assert_int_eq(cl_open(&n, f.port), -ECONNREFUSED);
  ck_assert(fx_wait(&f, pred_inflight, 1));
  ck_assert(fx_wait(&f, pred_conns, 1));
  /* The busy one gets its answer, marked as the last. */
  fx_answer(&f, 0);
  ck_assert_int_eq(cl_response(&a, &r), 0);
  ck_assert_int_eq(r.status, 200);
  assert_field(&r, "path", "/hold/a");
  ck_assert(has_header(&r, "Connection: close"));
  ck_assert_int_eq(cl_eof(&a), 1);
  cl_close(&a);
  ck_assert(fx_wait(&f, pred_conns, 0));
  ck_assert(fx_wait(&f, pred_inflight, 0));
  fx_end(&f);
}
END_TEST

START_TEST(close_with_request_in_flight)
{
  static struct fx f;
  static struct cl c;
  struct httpd_request *req;

  fx_start(&f, NULL);
  f.keep_orphans = 1;
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "GET /hold/z HTTP/1.1\r\nHost: x\r\n\r\n");
  ck_assert(fx_wait(&f, pred_nreqs, 1));
  fx_end(&f);
  ck_assert_int_eq(cl_eof(&c), 1);
  cl_close(&c);
  /* The server and its loop are gone; the request is still valid, and
   * answering it frees it. */
  req = f.held[0];
  ck_assert_ptr_nonnull(req);
  ck_assert_ptr_null(req->conn);
  ck_assert_str_eq(req->path, "/hold/z");
  f.held[0] = NULL;
  httpd_respond(req, 200, "text/plain", NULL, "late", 4);
}
END_TEST

START_TEST(headers_case_insensitive_and_split)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "GET /h HTTP/1.1\r\nX-Te");
  cl_sends(&c, "St: Va");
  cl_sends(&c, "lue  \r\nX-EMPTY:\r\n");
  cl_ask(&c, "Host: x\r\n\r\n", &r, 200);
  assert_field(&r, "x-test", "Value");
  assert_field(&r, "x-empty", "");
  assert_field(&r, "nheaders", "3");
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(header_over_limit_rejected)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  static char big[4200];
  struct httpd_opts o;
  int i;

  httpd_opts_default(&o);
  o.max_header = 1024;
  fx_start(&f, &o);

  ck_assert_int_eq(cl_open(&c, f.port), 0);
  memset(big, 'a', 4000);
  big[4000] = '\0';
  cl_sends(&c, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: ");
  cl_sends(&c, big);
  cl_ask(&c, "\r\n\r\n", &r, 431);
  ck_assert(has_header(&r, "Connection: close"));
  ck_assert_int_eq(cl_eof(&c), 1);
  cl_close(&c);

  /* Many small headers add up the same way. */
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "GET / HTTP/1.1\r\n");
  for (i = 0; i < 100; i++)
    cl_sends(&c, "X-Many: 0123456789\r\n");
  cl_ask(&c, "\r\n", &r, 431);
  cl_close(&c);

  /* And so does a long request line. */
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "GET /");
  cl_sends(&c, big);
  cl_ask(&c, " HTTP/1.1\r\n\r\n", &r, 431);
  cl_close(&c);
  ck_assert_int_eq(fx_nreqs(&f), 0);
  fx_end(&f);
}
END_TEST

START_TEST(respond_error_is_json)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  char want[128];
  const char *id;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "GET /error HTTP/1.1\r\nHost: x\r\n\r\n", &r, 422);
  ck_assert_int_eq(strncmp(r.head, "HTTP/1.1 422 Unprocessable Entity\r\n",
                           35), 0);
  ck_assert(has_header(&r, "Content-Type: application/json"));
  id = strstr(r.body, "\"req\":\"");
  ck_assert_ptr_nonnull(id);
  snprintf(want, sizeof(want),
           "{\"error\":\"bad \\\"input\\\"\\n\",\"req\":\"%.8s\"}", id + 7);
  ck_assert_str_eq(r.body, want);
  cl_close(&c);
  fx_end(&f);
}
END_TEST

/* An answer's head, byte for byte: the status line, Content-Type,
 * Content-Length, the handler's own headers and the blank line. */
START_TEST(answer_head_exact)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  char want[256];

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "GET /error HTTP/1.1\r\nHost: x\r\n\r\n", &r, 422);
  snprintf(want, sizeof(want), "HTTP/1.1 422 Unprocessable Entity\r\n"
           "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
           strlen(r.body));
  ck_assert_str_eq(r.head, want);
  cl_ask(&c, "GET /e HTTP/1.1\r\nHost: x\r\n\r\n", &r, 200);
  snprintf(want, sizeof(want), "HTTP/1.1 200 OK\r\nContent-Type: text/plain"
           "\r\nContent-Length: %zu\r\nX-Echo: 1\r\n\r\n", strlen(r.body));
  ck_assert_str_eq(r.head, want);
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(head_has_no_body)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "HEAD /x HTTP/1.1\r\nHost: x\r\n\r\n");
  ck_assert_int_eq(cl_response_ex(&c, &r, 1), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert_ptr_nonnull(ci_find(r.head, "\r\nContent-Length: "));
  ck_assert_ptr_null(ci_find(r.head, "\r\nContent-Length: 0\r\n"));
  /* Nothing follows the head: the next answer starts right there. */
  cl_ask(&c, "GET /y HTTP/1.1\r\nHost: x\r\n\r\n", &r, 200);
  assert_field(&r, "path", "/y");
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(set_opts_applies_to_later_requests)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  struct httpd_opts o;
  const char *post = "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 20\r\n"
                     "\r\n01234567890123456789";

  httpd_opts_default(&o);
  fx_start(&f, &o);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, post);
  ck_assert_int_eq(cl_response(&c, &r), 0);
  ck_assert_int_eq(r.status, 200);
  o.max_body = 10;
  fx_call(&f, cmd_set_opts, &o);
  cl_sends(&c, post);
  ck_assert_int_eq(cl_response(&c, &r), 0);
  ck_assert_int_eq(r.status, 413);
  cl_close(&c);
  fx_end(&f);
}
END_TEST

START_TEST(log_lines_omit_query_and_body)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  char *dir, *path, *text;
  int fd;

  dir = tu_tmpdir();
  ck_assert_ptr_nonnull(dir);
  path = tu_path(dir, "log");
  fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ck_assert_int_ge(fd, 0);
  log_setup(LOG_INFO, 0);
  log_set_fd(fd);

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "POST /webhook/dev?token=rahasia HTTP/1.1\r\nHost: x\r\n"
             "Content-Length: 11\r\n\r\nisi laporan", &r, 200);
  cl_ask(&c, "BREW / HTTP/1.1\r\n\r\n", &r, 400);
  cl_close(&c);
  fx_end(&f);
  log_set_fd(2);
  close(fd);

  text = tu_read_file(path, NULL);
  ck_assert_ptr_nonnull(text);
  ck_assert_ptr_nonnull(strstr(text, "event=http.request req="));
  ck_assert_ptr_nonnull(strstr(text, "method=POST path=/webhook/dev "
                                     "status=200 ms="));
  ck_assert_ptr_nonnull(strstr(text, "level=warn event=http.bad_request"));
  ck_assert_ptr_null(strstr(text, "rahasia"));
  ck_assert_ptr_null(strstr(text, "laporan"));
  free(text);
  tu_rmrf(dir);
  free(path);
  free(dir);
}
END_TEST

START_TEST(ipv6_loopback)
{
  static struct fx f;
  static struct resp r;
  struct sockaddr_in6 a;
  struct httpd *probe;
  uv_loop_t loop;
  char peer[64];
  struct cl *c = calloc(1, sizeof(*c));
  int rc;

  ck_assert_ptr_nonnull(c);
  /* Skip quietly where the machine has no IPv6 loopback. */
  ck_assert_int_eq(uv_loop_init(&loop), 0);
  ck_assert_int_eq(httpd_new(&probe, &loop, NULL, echo_probe_handler, NULL),
                   0);
  rc = httpd_listen(probe, "[::1]", 0);
  httpd_close(probe, NULL, NULL);
  uv_run(&loop, UV_RUN_DEFAULT);
  ck_assert_int_eq(uv_loop_close(&loop), 0);
  if (rc != 0) {
    free(c);
    return;
  }

  fx_start_on(&f, NULL, "::1");
  c->fd = socket(AF_INET6, SOCK_STREAM, 0);
  ck_assert_int_ge(c->fd, 0);
  cl_timeouts(c->fd);
  memset(&a, 0, sizeof(a));
  a.sin6_family = AF_INET6;
  a.sin6_port = htons((uint16_t)f.port);
  a.sin6_addr = in6addr_loopback;
  ck_assert_int_eq(connect(c->fd, (struct sockaddr *)&a, sizeof(a)), 0);
  cl_ask(c, "GET /six HTTP/1.1\r\nHost: x\r\n\r\n", &r, 200);
  ck_assert_ptr_nonnull(echo_field(&r, "peer", peer, sizeof(peer)));
  ck_assert_int_eq(strncmp(peer, "[::1]:", 6), 0);
  cl_close(c);
  free(c);
  fx_end(&f);
}
END_TEST

START_TEST(listen_errors)
{
  uv_loop_t loop;
  struct httpd *a, *b;
  int closed = 0, port;

  ck_assert_int_eq(uv_loop_init(&loop), 0);
  ck_assert_int_eq(httpd_new(&a, &loop, NULL, echo_probe_handler, NULL), 0);
  ck_assert_int_eq(httpd_new(&b, &loop, NULL, echo_probe_handler, NULL), 0);
  ck_assert_int_eq(httpd_listen(a, "127.0.0.1", 0), 0);
  port = httpd_port(a);
  ck_assert_int_gt(port, 0);
  ck_assert_int_eq(httpd_listen(b, "127.0.0.1", port), UV_EADDRINUSE);
  ck_assert_int_eq(httpd_listen(b, "not-an-address", 0), UV_EINVAL);
  ck_assert_int_eq(httpd_listen(b, "127.0.0.1", 70000), UV_EINVAL);
  ck_assert_int_eq(httpd_connections(a), 0);
  ck_assert_int_eq(httpd_inflight(a), 0);

  /* Stopping twice is harmless; the close callbacks come from the loop. */
  httpd_stop(a);
  httpd_stop(a);
  httpd_close(a, count_close, &closed);
  httpd_close(b, count_close, &closed);
  ck_assert_int_eq(closed, 0);
  ck_assert_int_eq(uv_run(&loop, UV_RUN_DEFAULT), 0);
  ck_assert_int_eq(closed, 2);
  ck_assert_int_eq(uv_loop_close(&loop), 0);
}
END_TEST

START_TEST(reason_phrases)
{
  static const struct {
    int code;
    const char *text;
  } want[] = {
    {100, "Continue"}, {200, "OK"}, {201, "Created"}, {204, "No Content"},
    {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"},
    {404, "Not Found"}, {405, "Method Not Allowed"},
    {408, "Request Timeout"}, {409, "Conflict"},
    {413, "Payload Too Large"}, {415, "Unsupported Media Type"},
    {422, "Unprocessable Entity"}, {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {500, "Internal Server Error"}, {503, "Service Unavailable"},
    {299, "Success"}, {999, "Unknown"},
  };
  struct httpd_opts o;
  size_t i;

  for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
    ck_assert_str_eq(httpd_reason(want[i].code), want[i].text);
  httpd_opts_default(&o);
  ck_assert_uint_eq(o.max_body, 256 * 1024);
  ck_assert_uint_eq(o.max_header, 16 * 1024);
  ck_assert_int_eq(o.max_connections, 1024);
  ck_assert_int_eq(o.max_per_client, 512);
  ck_assert_uint_eq(o.header_timeout_ms, 10000);
  ck_assert_uint_eq(o.body_timeout_ms, 30000);
  ck_assert_uint_eq(o.idle_timeout_ms, 60000);
  ck_assert_int_eq(o.max_pipeline, 16);
}
END_TEST

/*
 * RFC 9112 section 3.2.2: a server accepts the absolute form of the
 * target; the path and query are taken from it, and its authority stands
 * in for whatever Host header came with it.
 */
START_TEST(absolute_form_target_accepted)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "GET http://gw.example:8080/hello?x=1 HTTP/1.1\r\n"
             "Host: other.example\r\n\r\n", &r, 200);
  assert_field(&r, "path", "/hello");
  assert_field(&r, "query", "x=1");
  assert_field(&r, "host", "gw.example:8080");
  /* No path at all means the root. */
  cl_ask(&c, "GET https://gw.example HTTP/1.1\r\nHost: gw.example\r\n\r\n",
             &r, 200);
  assert_field(&r, "path", "/");
  assert_field(&r, "query", "");
  cl_close(&c);
  fx_end(&f);
}
END_TEST

/* A major version other than 1 gets 505 (RFC 9110 section 15.6.6). */
START_TEST(other_major_version_gets_505)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  static const char *const reqs[] = {
    "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
    "GET / HTTP/2.0\r\nHost: x\r\n\r\n",
    "GET / HTTP/0.9\r\nHost: x\r\n\r\n",
  };
  size_t i;

  fx_start(&f, NULL);
  for (i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++)
    expect_closing_answer(&f, reqs[i], 505);
  /* A later minor version of 1 is served as 1.1. */
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "GET /minor HTTP/1.2\r\nHost: x\r\n\r\n", &r, 200);
  cl_close(&c);
  ck_assert_int_eq(fx_nreqs(&f), 1);
  fx_end(&f);
}
END_TEST

/*
 * RFC 9112 section 3.2: an HTTP/1.1 request without Host, or any request
 * with more than one, gets 400.  HTTP/1.0 needs none.
 */
START_TEST(host_missing_or_repeated_gets_400)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  static const char *const bad[] = {
    "GET /nohost HTTP/1.1\r\n\r\n",
    "GET /two HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n",
    "GET /two10 HTTP/1.0\r\nHost: a\r\nhost: b\r\n\r\n",
    "GET http://a/abs HTTP/1.1\r\n\r\n",
  };
  size_t i;

  fx_start(&f, NULL);
  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
    expect_closing_answer(&f, bad[i], 400);
  ck_assert_int_eq(fx_nreqs(&f), 0);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_ask(&c, "GET /old HTTP/1.0\r\n\r\n", &r, 200);
  assert_field(&r, "host", "(none)");
  cl_close(&c);
  fx_end(&f);
}
END_TEST

/*
 * A client that pipelines requests and reads none of the answers: httpd
 * stops reading its requests while the answers it has not sent pass a
 * small bound, instead of queueing them all in memory, and reads on once
 * the client takes them.  Every answer still arrives, in order.
 */
START_TEST(unread_answers_pause_reading)
{
  static struct fx f;
  static struct cl c;
  static const char req[] = "GET /big HTTP/1.1\r\nHost: x\r\n\r\n";
  static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                             "Content-Length: 65536\r\n\r\n";
  const int n = 200;
  size_t want = (size_t)n * (sizeof(head) - 1 + BIG_BODY), got = 0;
  struct buf all = BUF_INIT;
  ssize_t r;
  int i, rcvbuf = 16384;

  fx_start(&f, NULL);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  /* A small window, so that the kernel cannot hold every answer. */
  ck_assert_int_eq(setsockopt(c.fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf,
                              sizeof(rcvbuf)), 0);
  for (i = 0; i < n; i++)
    ck_assert_int_eq(buf_append(&all, req, sizeof(req) - 1), 0);
  cl_send(&c, all.data, all.len);
  buf_free(&all);
  /* Only once the server has had every request it can take does the
   * client read; then it reads everything. */
  ck_assert(fx_wait(&f, pred_nreqs, 1));
  while (got < want) {
    r = recv(c.fd, c.buf, sizeof(c.buf), 0);
    ck_assert_int_gt(r, 0);
    if (got == 0)
      ck_assert_int_eq(memcmp(c.buf, head, sizeof(head) - 1), 0);
    got += (size_t)r;
  }
  ck_assert_uint_eq(got, want);
  ck_assert(fx_wait(&f, pred_nreqs, n));
  uv_mutex_lock(&f.mu);
  ck_assert_msg(f.unsent_max <= 4 * BIG_BODY, "%zu bytes of answers queued",
                f.unsent_max);
  uv_mutex_unlock(&f.mu);
  cl_close(&c);
  fx_end(&f);
}
END_TEST

/*
 * The body has body_timeout in all from the end of the head: a client
 * sending one byte at a time, each well within idle_timeout, is cut with
 * 408 once that has passed.
 */
START_TEST(slow_body_cut_by_total_deadline)
{
  static struct fx f;
  static struct cl c;
  static struct resp r;
  struct httpd_opts o;
  int64_t t0;
  int sent = 0;

  opts_small(&o);
  o.idle_timeout_ms = 1000;
  o.body_timeout_ms = 500;
  fx_start(&f, &o);
  ck_assert_int_eq(cl_open(&c, f.port), 0);
  cl_sends(&c, "POST /drip HTTP/1.1\r\nHost: x\r\nContent-Length: 40\r\n\r\n");
  t0 = tu_now_ms();
  while (sent < 40) {
    struct pollfd p = {c.fd, POLLIN, 0};
    cl_sends(&c, "a");
    sent++;
    /* The client's pace: a byte every 100 ms, or the server's answer. */
    if (poll(&p, 1, 100) > 0)
      break;
  }
  ck_assert_msg(sent < 40, "the whole body was taken in %lld ms",
                (long long)(tu_now_ms() - t0));
  ck_assert_int_eq(cl_response(&c, &r), 0);
  ck_assert_int_eq(r.status, 408);
  ck_assert(has_header(&r, "Connection: close"));
  /* Late only by what a slow run (ASan, a busy machine) adds. */
  ck_assert_int_lt(tu_now_ms() - t0, tu_scaled_ms(2000));
  ck_assert_int_eq(cl_eof(&c), 1);
  cl_close(&c);
  ck_assert_int_eq(fx_nreqs(&f), 0);
  fx_end(&f);
}
END_TEST

/*
 * The body's whole deadline passes while the loop is held by another
 * connection's handler and a byte of the body waits unread.  The server
 * reads what waits (the loop was late, not the client) and then cuts the
 * still unfinished body with 408; it must not spin on the due timer.
 */
START_TEST(body_deadline_passed_with_bytes_waiting)
{
  static struct fx f;
  static struct cl a, b;
  static struct resp r;
  struct httpd_opts o;

  opts_small(&o);
  o.body_timeout_ms = 200;
  fx_start(&f, &o);
  ck_assert_int_eq(cl_open(&a, f.port), 0);
  ck_assert_int_eq(cl_open(&b, f.port), 0);
  /* The 100 shows a's head was parsed: its body's deadline runs. */
  cl_ask(&a, "POST /drip HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
             "Content-Length: 10\r\n\r\n", &r, 100);
  cl_sends(&b, "GET /stall HTTP/1.1\r\nHost: x\r\n\r\n");
  ck_assert(fx_wait(&f, pred_nreqs, 1));   /* the loop is held 600 ms */
  cl_sends(&a, "a");
  ck_assert_int_eq(cl_response(&b, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert_int_eq(cl_response(&a, &r), 0);
  ck_assert_int_eq(r.status, 408);
  ck_assert(has_header(&r, "Connection: close"));
  ck_assert_int_eq(cl_eof(&a), 1);
  ck_assert_int_eq(fx_nreqs(&f), 1);
  cl_close(&a);
  cl_close(&b);
  ck_assert(fx_wait(&f, pred_conns, 0));
  fx_end(&f);
}
END_TEST

/*
 * Past max_per_client connections from one address, the next from it is
 * turned away with 503 while the global limit still has room; once one
 * of its connections ends, that address is served again.
 */
START_TEST(per_client_cap_gets_503)
{
  struct httpd_opts o;

  httpd_opts_default(&o);
  o.max_connections = 10;
  o.max_per_client = 2;
  third_client_turned_away(&o, "too many connections");
}
END_TEST

/*
 * This binary's chmod(), which httpd calls in place of the C library's:
 * for the path being watched it notes the mode the file had at that
 * moment, then changes it as chmod() does.
 */
static const char *chmod_watch;
static int chmod_seen = -1;

int
chmod(const char *path, mode_t mode)
{
  struct stat st;

  if (chmod_watch != NULL && strcmp(path, chmod_watch) == 0 &&
      stat(path, &st) == 0)
    chmod_seen = (int)(st.st_mode & 07777);
  return fchmodat(AT_FDCWD, path, mode, 0);
}

/*
 * The unix socket is created with its final mode: it never exists, not
 * even between bind() and a chmod(), with the looser mode the process
 * umask would give it (here 0777, as under umask 0).
 */
START_TEST(unix_socket_born_with_its_mode)
{
  uv_loop_t loop;
  struct httpd *h;
  struct stat st;
  char *dir, *path;
  mode_t old;
  int closed = 0;

  dir = tu_tmpdir();
  ck_assert_ptr_nonnull(dir);
  path = tu_path(dir, "admin.sock");
  ck_assert_int_eq(uv_loop_init(&loop), 0);
  ck_assert_int_eq(httpd_new(&h, &loop, NULL, echo_probe_handler, NULL), 0);
  chmod_watch = path;
  chmod_seen = -1;
  old = umask(0);
  ck_assert_int_eq(httpd_listen_unix(h, path, 0660), 0);
  ck_assert_int_eq(umask(old), 0);
  chmod_watch = NULL;
  ck_assert_msg(chmod_seen == -1 || chmod_seen == 0660,
                "the socket had mode %04o before its chmod", chmod_seen);
  ck_assert_int_eq(stat(path, &st), 0);
  ck_assert(S_ISSOCK(st.st_mode));
  ck_assert_int_eq(st.st_mode & 07777, 0660);
  httpd_close(h, count_close, &closed);
  ck_assert_int_eq(uv_run(&loop, UV_RUN_DEFAULT), 0);
  ck_assert_int_eq(closed, 1);
  ck_assert_int_eq(uv_loop_close(&loop), 0);
  tu_rmrf(dir);
  free(path);
  free(dir);
}
END_TEST

static Suite *
httpd_suite(void)
{
  Suite *s = suite_create("httpd");
  TCase *tc = tcase_create("core");

  tcase_add_test(tc, get_simple);
  tcase_add_test(tc, post_content_length);
  tcase_add_test(tc, post_chunked);
  tcase_add_test(tc, one_byte_writes);
  tcase_add_test(tc, pipelined_answers_keep_order);
  tcase_add_test(tc, pipeline_pauses_reading);
  tcase_add_test(tc, keep_alive_sequential);
  tcase_add_test(tc, connection_close_honoured);
  tcase_add_test(tc, body_over_limit_declared);
  tcase_add_test(tc, body_over_limit_chunked);
  tcase_add_test(tc, expect_continue);
  tcase_add_test(tc, expect_continue_waits_for_earlier_answers);
  tcase_add_test(tc, garbage_gets_400);
  tcase_add_test(tc, random_bytes_never_crash);
  tcase_add_test(tc, header_timeout_cuts_slow_head);
  tcase_add_test(tc, busy_loop_is_not_a_slow_client);
  tcase_add_test(tc, idle_timeout_closes_keep_alive);
  tcase_add_test(tc, stalled_body_is_cut);
  tcase_add_test(tc, no_timeout_while_handler_works);
  tcase_add_test(tc, connection_limit_gets_503);
  tcase_add_test(tc, client_reset_leaves_orphan);
  tcase_add_test(tc, client_reset_on_last_request_leaves_orphan);
  tcase_add_test(tc, client_half_close_still_answered);
  tcase_add_test(tc, stop_finishes_inflight);
  tcase_add_test(tc, close_with_request_in_flight);
  tcase_add_test(tc, headers_case_insensitive_and_split);
  tcase_add_test(tc, header_over_limit_rejected);
  tcase_add_test(tc, respond_error_is_json);
  tcase_add_test(tc, head_has_no_body);
  tcase_add_test(tc, answer_head_exact);
  tcase_add_test(tc, set_opts_applies_to_later_requests);
  tcase_add_test(tc, log_lines_omit_query_and_body);
  tcase_add_test(tc, ipv6_loopback);
  tcase_add_test(tc, listen_errors);
  tcase_add_test(tc, reason_phrases);
  tcase_add_test(tc, absolute_form_target_accepted);
  tcase_add_test(tc, other_major_version_gets_505);
  tcase_add_test(tc, host_missing_or_repeated_gets_400);
  tcase_add_test(tc, unread_answers_pause_reading);
  tcase_add_test(tc, slow_body_cut_by_total_deadline);
  tcase_add_test(tc, body_deadline_passed_with_bytes_waiting);
  tcase_add_test(tc, per_client_cap_gets_503);
  tcase_add_test(tc, unix_socket_born_with_its_mode);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(httpd_suite)
