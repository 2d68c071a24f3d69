/*
 * bench_ceiling_uv: the bare libuv HTTP/1.1 responder that bench_daemon
 * measures as one of its ceilings (SPEC section 9).  It listens on
 * 127.0.0.1 on a port the kernel picks, prints "port N" on stdout once it
 * listens, and answers every request with 200 and a tiny JSON body.
 *
 * It does what aduand's HTTP layer must do at the least and nothing more:
 * one libuv loop in one thread, the same http_parser to find where each
 * request ends, the same listen backlog and TCP_NODELAY.  No routing, no
 * headers kept, no body read, no database.  A connection stays open for
 * the next request when http_should_keep_alive() says so (HTTP/1.1
 * without "Connection: close", or HTTP/1.0 with keep-alive) and is closed
 * once the answer is written otherwise.  Pipelined requests are answered
 * in order, since libuv writes a stream's queued buffers in order.
 *
 * It keeps no state worth flushing, so SIGTERM's default action is how it
 * stops; bench_daemon reads that exit as the normal one.
 */
#include <http_parser.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#define BACKLOG 511     /* as aduand's HTTPD_BACKLOG */

/* The two answers, written straight from these arrays (libuv wants a
 * mutable pointer, hence not const). */
static char answer_keep[] =
  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
  "Content-Length: 11\r\n\r\n{\"ok\":true}";
static char answer_close[] =
  "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
  "Content-Length: 11\r\nConnection: close\r\n\r\n{\"ok\":true}";

struct conn {
  uv_tcp_t tcp;               /* tcp.data points back here */
  http_parser parser;
  int closing;                /* the answer that closes is on its way */
  char rbuf[16384];           /* every read lands here: it is parsed
                                 before the next read can happen */
};

/* One answer in flight; close says the connection ends with it. */
struct answer {
  uv_write_t req;
  int close;
};

static void
conn_free(uv_handle_t *h)
{
  free(h->data);
}

static void
conn_close(struct conn *c)
{
  if (!uv_is_closing((uv_handle_t *)&c->tcp))
    uv_close((uv_handle_t *)&c->tcp, conn_free);
}

static void
answer_written(uv_write_t *req, int status)
{
  struct answer *a = req->data;
  struct conn *c = req->handle->data;

  if (status < 0 || a->close)
    conn_close(c);
  free(a);
}

/*
 * A whole request has been parsed: queue its answer.  Returns non-zero,
 * which stops the parser, when the connection is to end after it, so
 * that nothing sent later is answered.
 */
static int
on_message_complete(http_parser *p)
{
  struct conn *c = p->data;
  struct answer *a = malloc(sizeof(*a));
  uv_buf_t b;

  if (a == NULL) {
    c->closing = 1;
    conn_close(c);
    return 1;
  }
  a->close = !http_should_keep_alive(p);
  a->req.data = a;
  b = a->close ? uv_buf_init(answer_close, sizeof(answer_close) - 1)
               : uv_buf_init(answer_keep, sizeof(answer_keep) - 1);
  if (uv_write(&a->req, (uv_stream_t *)&c->tcp, &b, 1, answer_written) != 0) {
    free(a);
    c->closing = 1;
    conn_close(c);
    return 1;
  }
  if (a->close) {
    c->closing = 1;
    uv_read_stop((uv_stream_t *)&c->tcp);
    return 1;
  }
  return 0;
}

static const http_parser_settings settings = {
  .on_message_complete = on_message_complete,
};

static void
alloc_read(uv_handle_t *h, size_t hint, uv_buf_t *b)
{
  struct conn *c = h->data;

  (void)hint;
  *b = uv_buf_init(c->rbuf, sizeof(c->rbuf));
}

static void
on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *b)
{
  struct conn *c = s->data;
  size_t used;

  if (nread < 0) {              /* EOF or error: nothing more to answer */
    conn_close(c);
    return;
  }
  if (nread == 0)               /* nothing read; to the parser 0 is EOF */
    return;
  used = http_parser_execute(&c->parser, &settings, b->base, (size_t)nread);
  /* A closing answer's own write callback ends the connection. */
  if (!c->closing && used != (size_t)nread)
    conn_close(c);              /* not HTTP: no answer */
}

static void
on_connection(uv_stream_t *server, int status)
{
  struct conn *c;

  if (status < 0)
    return;
  c = calloc(1, sizeof(*c));
  if (c == NULL)
    return;
  c->tcp.data = c;
  uv_tcp_init(server->loop, &c->tcp);
  if (uv_accept(server, (uv_stream_t *)&c->tcp) != 0) {
    conn_close(c);
    return;
  }
  uv_tcp_nodelay(&c->tcp, 1);
  http_parser_init(&c->parser, HTTP_REQUEST);
  c->parser.data = c;
  if (uv_read_start((uv_stream_t *)&c->tcp, alloc_read, on_read) != 0)
    conn_close(c);
}

int
main(void)
{
  uv_loop_t *loop = uv_default_loop();
  struct sockaddr_in sa;
  struct sockaddr_storage bound;
  int len = sizeof(bound), rc;
  uv_tcp_t server;

  signal(SIGPIPE, SIG_IGN);
  uv_ip4_addr("127.0.0.1", 0, &sa);
  uv_tcp_init(loop, &server);
  rc = uv_tcp_bind(&server, (const struct sockaddr *)&sa, 0);
  if (rc == 0)
    rc = uv_listen((uv_stream_t *)&server, BACKLOG, on_connection);
  if (rc == 0)
    rc = uv_tcp_getsockname(&server, (struct sockaddr *)&bound, &len);
  if (rc != 0) {
    fprintf(stderr, "bench_ceiling_uv: cannot listen: %s\n", uv_strerror(rc));
    return 1;
  }
  printf("port %d\n", ntohs(((struct sockaddr_in *)&bound)->sin_port));
  fflush(stdout);
  return uv_run(loop, UV_RUN_DEFAULT);
}
