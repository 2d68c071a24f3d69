/*
 * httpd.c: the HTTP/1.1 server of the daemon (see httpd.h).
 *
 * This file owns the listening socket, every client connection (its
 * socket, parser, timer and queue of requests), the serialisation of
 * responses and the limits of SPEC §8: body size, header size, header and
 * idle timeouts and the connection count.  Requests that outlive their
 * connection (the client went away, or the server was closed) wait on the
 * server's list of orphans until the handler answers them.
 *
 * A connection moves through three phases: HEAD (waiting for a request
 * line and headers, timed by header_timeout from accept or from the first
 * byte of the request), BODY (timed by idle_timeout since the last bytes
 * arrived, and by body_timeout in all) and IDLE (between requests, timed
 * by idle_timeout).  While a request waits for the handler the timer is
 * off.  Whole requests queue on the connection in arrival order; an
 * answer leaves only when every earlier one has left, and reading pauses
 * while max_pipeline requests are queued or while more than
 * HTTPD_UNSENT_MAX bytes of answers wait for the client to take them (a
 * client that pipelines and never reads costs that much memory, not a
 * copy of every answer).  Connections from one TCP address beyond
 * max_per_client are turned away like those beyond max_connections.
 *
 * A connection that is done (the client asked to close, or httpd answered
 * an error of its own) half-closes after its last answer and then reads
 * and drops whatever the client still sends for a short while, so that
 * the client sees the answer rather than a reset.  After a last request
 * reading goes on (input dropped) while it is answered, so a client that
 * resets is seen at once and the linger needs no new start of reading.
 */
/* struct ucred, for the peer of a unix socket. */
#define _GNU_SOURCE

#include "io/httpd.h"

#include <http_parser.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/err.h"
#include "base/log.h"

#define HTTPD_BACKLOG 511
#define HTTPD_LINGER_MS 1000      /* reading and dropping after the end */
#define HTTPD_REJECT_MAX 64       /* 503 answers under way at once */
#define HTTPD_READ_SIZE 65536
#define HTTPD_UNSENT_MAX 65536    /* answers not yet taken before pausing */

enum conn_phase {
  PHASE_HEAD,   /* waiting for (the rest of) a request line and headers */
  PHASE_BODY,   /* headers done, reading the body */
  PHASE_IDLE    /* between requests */
};

enum hdr_state {
  HDR_NONE,     /* no header under way */
  HDR_FIELD,    /* reading a header name */
  HDR_VALUE     /* reading a header value */
};

struct httpd {
  uv_loop_t *loop;
  union {
    uv_tcp_t tcp;
    uv_pipe_t pipe;
  } listener;                     /* set up by httpd_listen*() */
  int listener_inited;
  int is_pipe;                    /* listening on a unix socket */
  uv_idle_t anchor;               /* never started; see httpd_close() */
  struct httpd_opts opts;
  httpd_handler_cb handler;
  void *handler_arg;
  uint32_t next_id;               /* request ids count up from a random seed */
  int port;

  struct httpd_conn *conns;       /* open connections */
  int nconns;
  int nrejected;                  /* of those, the ones being turned away */
  int inflight;                   /* handed to the handler, not answered */
  struct httpd_request *orphans;  /* in flight, their connection gone */

  int handles;                    /* handles whose close callback is due */
  int listening;
  int listener_closed;
  int stopped;
  int closing;
  void (*close_cb)(void *arg);
  void *close_arg;

  char rbuf[HTTPD_READ_SIZE];     /* every read lands here, then is parsed */
};

struct httpd_conn {
  union {
    uv_tcp_t tcp;
    uv_pipe_t pipe;
  } io;
  uv_timer_t timer;
  uv_shutdown_t shut;
  struct httpd *h;
  struct httpd_conn *prev;
  struct httpd_conn *next;
  http_parser parser;
  char peer[64];
  char addr[INET6_ADDRSTRLEN];    /* TCP: the peer's address; else "" */
  int peer_uid;                   /* unix sockets: the peer's uid, or -1 */
  int peer_pid;

  struct httpd_request *cur;      /* being parsed, not yet queued */
  struct httpd_request *head;     /* whole requests, oldest first */
  struct httpd_request *tail;
  int nqueued;

  struct buf url;                 /* scratch while the head is parsed */
  struct buf hname;
  struct buf hvalue;
  enum hdr_state hstate;
  size_t head_bytes;

  struct buf pending;             /* read but not parsed while paused */
  enum conn_phase phase;
  uint64_t mark_ms;               /* start of the phase, or last progress */
  uint64_t body_ms;               /* when the head of the request ended */
  int open_handles;
  int writes_pending;
  int in_parse;

  unsigned reading : 1;           /* uv_read_start() is in force */
  unsigned paused : 1;            /* parser paused: too much in flight */
  unsigned kick : 1;              /* timer set to resume parsing */
  unsigned read_done : 1;         /* no further request will be parsed */
  unsigned stop_after : 1;        /* the request being read is the last */
  unsigned want_continue : 1;     /* a 100 Continue waits for the queue */
  unsigned close_sent : 1;        /* the last answer has been written */
  unsigned eof : 1;               /* the client has finished sending */
  unsigned shutting : 1;          /* uv_shutdown() requested */
  unsigned lingering : 1;         /* half-closed, dropping input */
  unsigned rejected : 1;          /* over max_connections: gets a 503 */
  unsigned closing : 1;           /* uv_close() called */
  unsigned late : 1;              /* the body's deadline had its grace */
};

struct httpd_write {
  uv_write_t req;
  struct httpd_conn *conn;
  char *data;                     /* owned; NULL for a constant line */
};

static char close_line[] = "Connection: close\r\n";
static char continue_line[] = "HTTP/1.1 100 Continue\r\n\r\n";

static void conn_close(struct httpd_conn *c);
static void conn_settle(struct httpd_conn *c);
static void conn_flush(struct httpd_conn *c);
static void conn_on_timer(uv_timer_t *t);

static int on_message_begin(http_parser *p);
static int on_url(http_parser *p, const char *at, size_t len);
static int on_header_field(http_parser *p, const char *at, size_t len);
static int on_header_value(http_parser *p, const char *at, size_t len);
static int on_headers_complete(http_parser *p);
static int on_body(http_parser *p, const char *at, size_t len);
static int on_message_complete(http_parser *p);

static const http_parser_settings parser_settings = {
  .on_message_begin = on_message_begin,
  .on_url = on_url,
  .on_header_field = on_header_field,
  .on_header_value = on_header_value,
  .on_headers_complete = on_headers_complete,
  .on_body = on_body,
  .on_message_complete = on_message_complete,
};

/* ---- options ---------------------------------------------------------- */

void
httpd_opts_default(struct httpd_opts *o)
{
  o->max_body = 256 * 1024;
  o->max_header = 16 * 1024;
  o->max_connections = 1024;
  o->max_per_client = 512;
  o->header_timeout_ms = 10 * 1000;
  o->idle_timeout_ms = 60 * 1000;
  o->body_timeout_ms = 30 * 1000;
  o->max_pipeline = 16;
}

static void
opts_set(struct httpd *h, const struct httpd_opts *o)
{
  if (o == NULL)
    httpd_opts_default(&h->opts);
  else
    h->opts = *o;
  if (h->opts.max_pipeline < 1)
    h->opts.max_pipeline = 1;
}

void
httpd_set_opts(struct httpd *h, const struct httpd_opts *o)
{
  opts_set(h, o);
}

const char *
httpd_reason(int status)
{
  switch (status) {
  case 100: return "Continue";
  case 200: return "OK";
  case 201: return "Created";
  case 202: return "Accepted";
  case 204: return "No Content";
  case 301: return "Moved Permanently";
  case 302: return "Found";
  case 304: return "Not Modified";
  case 400: return "Bad Request";
  case 401: return "Unauthorized";
  case 403: return "Forbidden";
  case 404: return "Not Found";
  case 405: return "Method Not Allowed";
  case 408: return "Request Timeout";
  case 409: return "Conflict";
  case 411: return "Length Required";
  case 413: return "Payload Too Large";
  case 415: return "Unsupported Media Type";
  case 417: return "Expectation Failed";
  case 422: return "Unprocessable Entity";
  case 429: return "Too Many Requests";
  case 431: return "Request Header Fields Too Large";
  case 500: return "Internal Server Error";
  case 501: return "Not Implemented";
  case 502: return "Bad Gateway";
  case 503: return "Service Unavailable";
  case 504: return "Gateway Timeout";
  case 505: return "HTTP Version Not Supported";
  default: break;
  }
  if (status >= 100 && status < 200)
    return "Informational";
  if (status >= 200 && status < 300)
    return "Success";
  if (status >= 300 && status < 400)
    return "Redirection";
  if (status >= 400 && status < 500)
    return "Client Error";
  if (status >= 500 && status < 600)
    return "Server Error";
  return "Unknown";
}

/* ---- requests --------------------------------------------------------- */

/*
 * Store the target as received in one allocation that holds the url, then
 * a copy cut at '?' into path and query; query points at the path's NUL
 * when there is none.  Replaces (and frees) any earlier url.  Returns 0 or
 * -ENOMEM.
 */
static int
req_set_url(struct httpd_request *req, const char *s, size_t n)
{
  char *block, *path, *q;

  if (n > ((size_t)-1) / 2 - 2)
    return -ENOMEM;
  block = malloc(2 * n + 2);
  if (block == NULL)
    return -ENOMEM;
  if (n > 0)
    memcpy(block, s, n);
  block[n] = '\0';
  path = block + n + 1;
  if (n > 0)
    memcpy(path, s, n);
  path[n] = '\0';
  q = memchr(path, '?', n);
  free(req->url);
  req->url = block;
  req->path = path;
  if (q != NULL) {
    *q = '\0';
    req->query = q + 1;
  } else {
    req->query = path + n;
  }
  return 0;
}

static void
req_free(struct httpd_request *req)
{
  int i;

  if (req == NULL)
    return;
  for (i = 0; i < req->nheaders; i++) {
    free(req->headers[i].name);
    free(req->headers[i].value);
  }
  free(req->headers);
  free(req->url);
  buf_free(&req->body);
  buf_free(&req->out);
  free(req);
}

/*
 * A new request on c with its id, peer and start time, an empty target
 * and a body capped at max_body.  NULL when memory runs out.
 */
static struct httpd_request *
req_new(struct httpd_conn *c)
{
  struct httpd *h = c->h;
  struct httpd_request *req = calloc(1, sizeof(*req));

  if (req == NULL)
    return NULL;
  snprintf(req->id, sizeof(req->id), "%08" PRIx32, h->next_id++);
  req->method = -1;
  req->method_name = "-";
  snprintf(req->peer, sizeof(req->peer), "%s", c->peer);
  req->peer_uid = c->peer_uid;
  req->started_ms = uv_now(h->loop);
  req->conn = c;
  req->server = h;
  req->keep_alive = 1;
  buf_init(&req->body, h->opts.max_body);
  buf_init(&req->out, 0);
  if (req_set_url(req, "", 0) != 0) {
    free(req);
    return NULL;
  }
  return req;
}

const char *
httpd_header(const struct httpd_request *req, const char *name)
{
  int i;

  for (i = 0; i < req->nheaders; i++)
    if (strcasecmp(req->headers[i].name, name) == 0)
      return req->headers[i].value;
  return NULL;
}

static void
orphan_add(struct httpd *h, struct httpd_request *req)
{
  req->prev = NULL;
  req->next = h->orphans;
  if (h->orphans != NULL)
    h->orphans->prev = req;
  h->orphans = req;
}

static void
orphan_remove(struct httpd *h, struct httpd_request *req)
{
  if (req->prev != NULL)
    req->prev->next = req->next;
  else
    h->orphans = req->next;
  if (req->next != NULL)
    req->next->prev = req->prev;
  req->prev = NULL;
  req->next = NULL;
}

/* ---- server bookkeeping ----------------------------------------------- */

/*
 * Once httpd_close() has been called and the last close callback has run:
 * detach the orphans (they no longer count anywhere), free h, then tell
 * the caller.
 */
static void
server_maybe_finish(struct httpd *h)
{
  struct httpd_request *req, *next;
  void (*cb)(void *arg);
  void *arg;

  if (!h->closing || h->handles > 0)
    return;
  for (req = h->orphans; req != NULL; req = next) {
    next = req->next;
    req->server = NULL;
    req->next = NULL;
    req->prev = NULL;
  }
  cb = h->close_cb;
  arg = h->close_arg;
  log_debug("event=http.closed");
  free(h);
  if (cb != NULL)
    cb(arg);
}

static void
server_on_handle_closed(uv_handle_t *handle)
{
  struct httpd *h = handle->data;

  h->handles--;
  server_maybe_finish(h);
}

static void
server_close_listener(struct httpd *h)
{
  if (h->listener_closed)
    return;
  h->listener_closed = 1;
  if (!h->listener_inited) {
    h->handles--;  /* counted for it in httpd_new() */
    return;
  }
  uv_close((uv_handle_t *)&h->listener, server_on_handle_closed);
}

/* ---- connections: reading, timers, closing ---------------------------- */

static void
conn_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *b)
{
  struct httpd_conn *c = handle->data;

  (void)suggested;
  *b = uv_buf_init(c->h->rbuf, sizeof(c->h->rbuf));
}

static void conn_on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *b);

static void
conn_read_start(struct httpd_conn *c)
{
  if (c->reading || c->closing)
    return;
  if (uv_read_start((uv_stream_t *)&c->io, conn_alloc, conn_on_read) == 0)
    c->reading = 1;
}

static void
conn_read_stop(struct httpd_conn *c)
{
  if (!c->reading)
    return;
  uv_read_stop((uv_stream_t *)&c->io);
  c->reading = 0;
}

/* The connection's memory goes when both of its handles have closed. */
static void
conn_on_handle_closed(uv_handle_t *handle)
{
  struct httpd_conn *c = handle->data;
  struct httpd *h = c->h;

  if (--c->open_handles > 0)
    return;
  free(c);
  h->handles--;
  server_maybe_finish(h);
}

/*
 * Close c now.  The request being parsed and answers not yet written are
 * dropped; requests still with the handler become orphans, valid until
 * answered.  Safe to call more than once and from inside a parser
 * callback: memory goes only in the close callbacks.
 */
static void
conn_close(struct httpd_conn *c)
{
  struct httpd *h = c->h;
  struct httpd_request *req, *next;

  if (c->closing)
    return;
  c->closing = 1;
  if (c->prev != NULL)
    c->prev->next = c->next;
  else
    h->conns = c->next;
  if (c->next != NULL)
    c->next->prev = c->prev;
  c->prev = NULL;
  c->next = NULL;
  h->nconns--;
  if (c->rejected)
    h->nrejected--;

  req_free(c->cur);
  c->cur = NULL;
  for (req = c->head; req != NULL; req = next) {
    next = req->next;
    req->next = NULL;
    if (req->handed && req->status == 0) {
      req->conn = NULL;
      orphan_add(h, req);
    } else {
      req_free(req);
    }
  }
  c->head = NULL;
  c->tail = NULL;
  c->nqueued = 0;
  buf_free(&c->pending);
  buf_free(&c->url);
  buf_free(&c->hname);
  buf_free(&c->hvalue);

  c->reading = 0;
  uv_timer_stop(&c->timer);
  uv_close((uv_handle_t *)&c->timer, conn_on_handle_closed);
  uv_close((uv_handle_t *)&c->io, conn_on_handle_closed);
}

static void
conn_on_shutdown(uv_shutdown_t *sreq, int status)
{
  struct httpd_conn *c = sreq->data;
  uint64_t linger = HTTPD_LINGER_MS;

  if (c->closing)
    return;
  if (status < 0 || c->eof) {
    conn_close(c);
    return;
  }
  /* Drop what the client still sends until it closes, for a while. */
  c->lingering = 1;
  conn_read_start(c);
  if (c->h->opts.idle_timeout_ms > 0 && c->h->opts.idle_timeout_ms < linger)
    linger = c->h->opts.idle_timeout_ms;
  uv_timer_start(&c->timer, conn_on_timer, linger, 0);
}

/* End c gracefully: half-close once every write is out, then linger. */
static void
conn_finish(struct httpd_conn *c)
{
  if (c->shutting || c->closing)
    return;
  c->shutting = 1;
  c->kick = 0;
  uv_timer_stop(&c->timer);
  if (uv_shutdown(&c->shut, (uv_stream_t *)&c->io, conn_on_shutdown) != 0)
    conn_close(c);
}

/*
 * Arm the timer for the phase c is in, or stop it while a request waits
 * for the handler.  Leaves the timer alone while it serves to resume
 * parsing or to bound the linger.
 */
static void
conn_timer_update(struct httpd_conn *c)
{
  struct httpd *h = c->h;
  uint64_t limit, now, due;

  if (c->closing || c->kick || c->shutting)
    return;
  if (c->head != NULL) {
    uv_timer_stop(&c->timer);
    return;
  }
  limit = c->phase == PHASE_HEAD ? h->opts.header_timeout_ms
                                 : h->opts.idle_timeout_ms;
  due = limit > 0 ? c->mark_ms + limit : UINT64_MAX;
  if (c->phase == PHASE_BODY && h->opts.body_timeout_ms > 0 &&
      c->body_ms + h->opts.body_timeout_ms < due)
    due = c->body_ms + h->opts.body_timeout_ms;
  if (due == UINT64_MAX) {
    uv_timer_stop(&c->timer);
    return;
  }
  now = uv_now(h->loop);
  uv_timer_start(&c->timer, conn_on_timer, due > now ? due - now : 0, 0);
}

static void
conn_enqueue(struct httpd_conn *c, struct httpd_request *req)
{
  req->next = NULL;
  if (c->tail != NULL)
    c->tail->next = req;
  else
    c->head = req;
  c->tail = req;
  c->nqueued++;
}

/*
 * Answer with an error of httpd's own: the request being parsed (or a new
 * one, when the bytes did not even begin a request) is queued behind any
 * earlier ones and answered with status and a JSON error; nothing more is
 * parsed, and the connection closes once that answer is out.  Logs one
 * warn line with event and detail.
 */
static void
conn_fail(struct httpd_conn *c, int status, const char *msg,
          const char *event, const char *detail)
{
  struct httpd_request *req;

  if (c->closing || c->read_done)
    return;
  conn_read_stop(c);
  c->read_done = 1;
  c->paused = 0;
  c->want_continue = 0;
  buf_free(&c->pending);
  req = c->cur;
  c->cur = NULL;
  if (req == NULL)
    req = req_new(c);
  if (req == NULL) {
    conn_close(c);
    return;
  }
  log_warn("event=%s req=%s peer=%s status=%d detail=%s", event, req->id,
           c->peer, status, detail);
  req->keep_alive = 0;
  conn_enqueue(c, req);
  httpd_respond_error(req, status, msg);
}

/*
 * Feed bytes to the parser.  Whole requests go to the handler from the
 * callbacks.  When the parser pauses (too much in flight) the rest is kept
 * in c->pending and reading stops; a parse error is answered with 400 (or
 * 431 for an oversized head).
 */
static void
conn_parse(struct httpd_conn *c, const char *data, size_t len)
{
  enum http_errno err;
  size_t n;

  c->in_parse++;
  n = http_parser_execute(&c->parser, &parser_settings, data, len);
  c->in_parse--;
  if (c->closing || c->read_done)
    return;
  err = HTTP_PARSER_ERRNO(&c->parser);
  if (err == HPE_PAUSED) {
    if (n < len && buf_append(&c->pending, data + n, len - n) != 0) {
      conn_close(c);
      return;
    }
    conn_read_stop(c);
    return;
  }
  if (err == HPE_HEADER_OVERFLOW) {
    conn_fail(c, 431, "request header too large", "http.too_large",
              "header");
  } else if (err != HPE_OK) {
    conn_fail(c, 400, "malformed request", "http.bad_request",
              http_errno_name(err));
  } else if (n < len) {
    /* An upgrade: what follows is another protocol, which we ignore. */
    c->read_done = 1;
    conn_read_stop(c);
  }
}

/* Parse what was held back while paused, then read again. */
static void
conn_resume(struct httpd_conn *c)
{
  struct buf held;

  if (!c->paused || c->closing)
    return;
  c->paused = 0;
  http_parser_pause(&c->parser, 0);
  if (c->pending.len > 0) {
    held = c->pending;
    buf_init(&c->pending, 0);
    conn_parse(c, held.data, held.len);
    buf_free(&held);
  }
  if (!c->closing && !c->paused && !c->read_done)
    conn_read_start(c);
}

/*
 * Whether c has too much under way to read another request: max_pipeline
 * requests queued, or more than HTTPD_UNSENT_MAX bytes of answers that the
 * client has not taken yet.
 */
static int
conn_congested(struct httpd_conn *c)
{
  return c->nqueued >= c->h->opts.max_pipeline ||
         uv_stream_get_write_queue_size((uv_stream_t *)&c->io) >
             HTTPD_UNSENT_MAX;
}

/*
 * After anything happened on c (outside the parser): close it when it is
 * done, resume parsing when it is no longer congested, and arm the timer.
 */
static void
conn_settle(struct httpd_conn *c)
{
  if (c->closing || c->in_parse > 0 || c->shutting)
    return;
  if (c->close_sent || (c->read_done && c->head == NULL && c->cur == NULL)) {
    if (c->writes_pending > 0)
      conn_timer_update(c);
    else
      conn_finish(c);
    return;
  }
  if (c->paused && !c->kick && !conn_congested(c)) {
    /* Resume from the loop, never from inside the handler's call. */
    c->kick = 1;
    uv_timer_start(&c->timer, conn_on_timer, 0, 0);
    return;
  }
  conn_timer_update(c);
}

static void
conn_eof(struct httpd_conn *c)
{
  c->eof = 1;
  conn_read_stop(c);
  c->read_done = 1;
  c->paused = 0;
  c->want_continue = 0;
  buf_free(&c->pending);
  req_free(c->cur);
  c->cur = NULL;
  conn_settle(c);
}

static void
conn_on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *b)
{
  struct httpd_conn *c = s->data;

  if (c->closing || nread == 0)
    return;
  if (nread < 0) {
    if (nread == UV_EOF && !c->lingering) {
      conn_eof(c);
    } else {
      if (nread != UV_EOF)
        log_debug("event=http.read_error peer=%s error=%s", c->peer,
                  uv_err_name((int)nread));
      conn_close(c);
    }
    return;
  }
  if (c->lingering || c->read_done)
    return;
  if (c->phase == PHASE_BODY)
    c->mark_ms = uv_now(c->h->loop);
  conn_parse(c, b->base, (size_t)nread);
  conn_settle(c);
}

/*
 * 1 when bytes from the client wait in c's socket, unread: the loop was
 * busy (a long batch) when c's timer came due, not the client slow.  The
 * timers of a loop turn run before its reads, so without this a request
 * sent in time would be cut with 408 after any stall longer than the
 * header timeout.
 */
static int
conn_bytes_waiting(struct httpd_conn *c)
{
  uv_os_fd_t fd;
  struct pollfd p;

  if (!c->reading || uv_fileno((uv_handle_t *)&c->io, &fd) != 0)
    return 0;
  p.fd = fd;
  p.events = POLLIN;
  p.revents = 0;
  return poll(&p, 1, 0) == 1 && (p.revents & POLLIN) != 0;
}

static void
conn_on_timer(uv_timer_t *t)
{
  struct httpd_conn *c = t->data;

  if (c->closing)
    return;
  if (c->kick) {
    c->kick = 0;
    conn_resume(c);
    conn_settle(c);
    return;
  }
  if (c->lingering) {
    conn_close(c);
    return;
  }
  if (c->head != NULL || c->shutting)
    return;
  if (!c->read_done && conn_bytes_waiting(c)) {
    uint64_t now;
    int body_due;

    uv_update_time(c->h->loop);
    now = uv_now(c->h->loop);
    body_due = c->phase == PHASE_BODY && c->h->opts.body_timeout_ms > 0 &&
               c->body_ms + c->h->opts.body_timeout_ms <= now;
    /* The bytes count as progress.  The body's whole deadline does not
     * move with progress: it gets this grace once, or a client whose
     * bytes wait at every turn of a busy loop would never be cut. */
    if (!body_due || !c->late) {
      c->late = body_due;
      c->mark_ms = now;
      /* Not 0: a timer due at once runs again within this turn's
       * timers, and the poll that reads the bytes would never come. */
      uv_timer_start(&c->timer, conn_on_timer, 1, 0);
      return;
    }
  }
  if (c->read_done || c->phase == PHASE_IDLE) {
    log_debug("event=http.idle_close peer=%s", c->peer);
    conn_close(c);
    return;
  }
  conn_fail(c, 408, "request timeout", "http.timeout",
            c->phase == PHASE_HEAD ? "header" : "body");
}

/* ---- writing ---------------------------------------------------------- */

static void
conn_on_write(uv_write_t *wreq, int status)
{
  struct httpd_write *w = wreq->data;
  struct httpd_conn *c = w->conn;

  free(w->data);
  free(w);
  c->writes_pending--;
  if (c->closing)
    return;
  if (status < 0) {
    log_debug("event=http.write_error peer=%s error=%s", c->peer,
              uv_err_name(status));
    conn_close(c);
    return;
  }
  /* A client taking its answers is not idle, even while reading pauses. */
  if (c->paused)
    c->mark_ms = uv_now(c->h->loop);
  conn_settle(c);
}

/* Queue bufs for writing; data (may be NULL) is freed once written. */
static void
conn_write(struct httpd_conn *c, char *data, uv_buf_t *bufs,
           unsigned int nbufs)
{
  struct httpd_write *w = malloc(sizeof(*w));
  int rc;

  if (w == NULL) {
    free(data);
    conn_close(c);
    return;
  }
  w->conn = c;
  w->data = data;
  w->req.data = w;
  rc = uv_write(&w->req, (uv_stream_t *)&c->io, bufs, nbufs, conn_on_write);
  if (rc != 0) {
    log_debug("event=http.write_error peer=%s error=%s", c->peer,
              uv_err_name(rc));
    free(data);
    free(w);
    conn_close(c);
    return;
  }
  c->writes_pending++;
}

static void
conn_write_continue(struct httpd_conn *c)
{
  uv_buf_t b = uv_buf_init(continue_line, sizeof(continue_line) - 1);

  conn_write(c, NULL, &b, 1);
}

/* Write req's serialised answer, with "Connection: close" if close. */
static void
conn_write_response(struct httpd_conn *c, struct httpd_request *req,
                    int close)
{
  uv_buf_t bufs[3];
  size_t len = req->out.len, split = req->split;
  char *data;

  if (len == 0) {
    /* Serialisation failed: all we can do is hang up. */
    c->close_sent = 1;
    return;
  }
  data = buf_steal(&req->out);
  if (close) {
    bufs[0] = uv_buf_init(data, (unsigned int)split);
    bufs[1] = uv_buf_init(close_line, sizeof(close_line) - 1);
    bufs[2] = uv_buf_init(data + split, (unsigned int)(len - split));
    conn_write(c, data, bufs, 3);
  } else {
    bufs[0] = uv_buf_init(data, (unsigned int)len);
    conn_write(c, data, bufs, 1);
  }
}

/*
 * Write every answered request at the head of the queue, in order.  The
 * last answer of a connection that reads no more carries
 * "Connection: close".  Then a deferred 100 Continue, if the queue has
 * emptied, and the settling of the connection.
 */
static void
conn_flush(struct httpd_conn *c)
{
  struct httpd_request *req;
  int close, drained = 0;

  while (!c->closing && !c->close_sent && c->head != NULL &&
         c->head->status != 0) {
    req = c->head;
    c->head = req->next;
    if (c->head == NULL)
      c->tail = NULL;
    req->next = NULL;
    c->nqueued--;
    drained = 1;
    close = !req->keep_alive ||
            (c->head == NULL && c->cur == NULL && c->read_done);
    if (close) {
      /* Reading goes on (dropping input) into the linger. */
      c->close_sent = 1;
      c->read_done = 1;
    }
    conn_write_response(c, req, close);
    req_free(req);
  }
  if (c->closing)
    return;
  if (drained && c->head == NULL) {
    c->mark_ms = uv_now(c->h->loop);
    if (c->want_continue && c->cur != NULL && c->phase == PHASE_BODY &&
        !c->close_sent)
      conn_write_continue(c);
    c->want_continue = 0;
  }
  conn_settle(c);
}

/* ---- answering -------------------------------------------------------- */

/* v in decimal at the end of o: 0 or -ENOMEM. */
static int
put_decimal(struct buf *o, size_t v)
{
  char d[24];
  size_t i = sizeof(d);

  do
    d[--i] = (char)('0' + v % 10);
  while ((v /= 10) > 0);
  return buf_append(o, d + i, sizeof(d) - i);
}

/*
 * Serialise the answer into req->out: status line, Content-Type and
 * Content-Length (none for 1xx, 204, 304), the caller's extra headers, the
 * blank line and the body (none for HEAD).  req->split marks where a
 * "Connection: close" line may be inserted.  Returns 0 or -ENOMEM.
 */
static int
req_serialise(struct httpd_request *req, int status, const char *ctype,
              const char *extra, const char *body, size_t len)
{
  struct buf *o = &req->out;
  int no_body = status < 200 || status == 204 || status == 304;
  int rc;

  buf_free(o);
  buf_init(o, 0);
  /* The status line and the body's two headers, copied piece by piece:
   * a format here cost as much as the rest of the answer. */
  rc = buf_append(o, "HTTP/1.1 ", 9);
  if (rc == 0)
    rc = put_decimal(o, (size_t)status);
  if (rc == 0)
    rc = buf_append(o, " ", 1);
  if (rc == 0)
    rc = buf_puts(o, httpd_reason(status));
  if (rc == 0)
    rc = buf_append(o, "\r\n", 2);
  if (rc == 0 && !no_body && ctype != NULL) {
    rc = buf_append(o, "Content-Type: ", 14);
    if (rc == 0)
      rc = buf_puts(o, ctype);
    if (rc == 0)
      rc = buf_append(o, "\r\n", 2);
  }
  if (rc == 0 && !no_body) {
    rc = buf_append(o, "Content-Length: ", 16);
    if (rc == 0)
      rc = put_decimal(o, len);
    if (rc == 0)
      rc = buf_append(o, "\r\n", 2);
  }
  req->split = o->len;
  if (rc == 0 && extra != NULL)
    rc = buf_puts(o, extra);
  if (rc == 0)
    rc = buf_append(o, "\r\n", 2);
  if (rc == 0 && !no_body && req->method != HTTP_HEAD && len > 0)
    rc = buf_append(o, body, len);
  return rc;
}

static void
req_log(const struct httpd_request *req, int status, uint64_t now_ms,
        int gone)
{
  char path[LOG_QUOTE_LEN];
  uint64_t ms = now_ms > req->started_ms ? now_ms - req->started_ms : 0;

  log_info("event=http.request req=%s method=%s path=%s status=%d "
           "ms=%" PRIu64 "%s",
           req->id, req->method_name,
           log_quote(req->path, path, sizeof(path)), status, ms,
           gone ? " client=gone" : "");
}

void
httpd_respond(struct httpd_request *req, int status,
              const char *content_type, const char *extra_headers,
              const char *body, size_t len)
{
  struct httpd_conn *c;
  struct httpd *h;

  if (req == NULL)
    return;
  if (req->status != 0) {
    log_error("event=http.answered_twice req=%s", req->id);
    return;
  }
  if (status < 100 || status > 599) {
    log_error("event=http.bad_status req=%s status=%d", req->id, status);
    status = 500;
  }
  if (body == NULL)
    len = 0;
  c = req->conn;
  h = req->server;
  if (req->handed && h != NULL)
    h->inflight--;
  if (c == NULL) {
    /* The client went away; the answer has nowhere to go. */
    req_log(req, status,
            h != NULL ? uv_now(h->loop) : uv_hrtime() / 1000000, 1);
    if (h != NULL)
      orphan_remove(h, req);
    req_free(req);
    return;
  }
  req->handed = 0;
  req->status = status;
  if (req_serialise(req, status, content_type, extra_headers, body, len) !=
      0) {
    log_error("event=http.out_of_memory req=%s", req->id);
    buf_free(&req->out);
    req->keep_alive = 0;
  }
  req_log(req, status, uv_now(h->loop), 0);
  conn_flush(c);
}

void
httpd_respond_error(struct httpd_request *req, int status, const char *msg)
{
  struct buf b = BUF_INIT;
  int rc;

  if (req == NULL)
    return;
  rc = buf_puts(&b, "{\"error\":");
  if (rc == 0)
    rc = buf_json_str(&b, msg != NULL ? msg : "");
  if (rc == 0)
    rc = buf_puts(&b, ",\"req\":");
  if (rc == 0)
    rc = buf_json_str(&b, req->id);
  if (rc == 0)
    rc = buf_puts(&b, "}");
  if (rc != 0)
    buf_reset(&b);
  httpd_respond(req, status, "application/json", NULL, b.data, b.len);
  buf_free(&b);
}

/* ---- parser callbacks ------------------------------------------------- */

/* Count n more bytes of head; past max_header answer 431.  0 or -1. */
static int
conn_head_grow(struct httpd_conn *c, size_t n)
{
  size_t max = c->h->opts.max_header;

  c->head_bytes += n;
  if (max > 0 && c->head_bytes > max) {
    conn_fail(c, 431, "request header too large", "http.too_large",
              "header");
    return -1;
  }
  return 0;
}

/* Move the header gathered in hname/hvalue onto the request.  0 or -1. */
static int
conn_commit_header(struct httpd_conn *c)
{
  struct httpd_request *req = c->cur;
  struct httpd_header *hs;
  char *name, *value;
  size_t n;

  c->hstate = HDR_NONE;
  name = buf_steal(&c->hname);
  value = buf_steal(&c->hvalue);
  hs = name != NULL && value != NULL
           ? realloc(req->headers, sizeof(*hs) * ((size_t)req->nheaders + 1))
           : NULL;
  if (hs == NULL) {
    free(name);
    free(value);
    conn_fail(c, 503, "out of memory", "http.out_of_memory", "header");
    return -1;
  }
  n = strlen(value);
  while (n > 0 && (value[n - 1] == ' ' || value[n - 1] == '\t'))
    value[--n] = '\0';
  req->headers = hs;
  hs[req->nheaders].name = name;
  hs[req->nheaders].value = value;
  req->nheaders++;
  return 0;
}

/*
 * Set req's Host header to value[0..n), replacing the first one or adding
 * one.  Returns 0 or -ENOMEM.
 */
static int
req_set_host(struct httpd_request *req, const char *value, size_t n)
{
  struct httpd_header *hs;
  char *v = malloc(n + 1);
  int i;

  if (v == NULL)
    return -ENOMEM;
  memcpy(v, value, n);
  v[n] = '\0';
  for (i = 0; i < req->nheaders; i++) {
    if (strcasecmp(req->headers[i].name, "Host") == 0) {
      free(req->headers[i].value);
      req->headers[i].value = v;
      return 0;
    }
  }
  hs = realloc(req->headers, sizeof(*hs) * ((size_t)req->nheaders + 1));
  if (hs == NULL || (hs[req->nheaders].name = strdup("Host")) == NULL) {
    if (hs != NULL)
      req->headers = hs;
    free(v);
    return -ENOMEM;
  }
  req->headers = hs;
  hs[req->nheaders++].value = v;
  return 0;
}

/*
 * Store the target url[0..n) on req.  The absolute form
 * ("http://host:port/path?query", RFC 9112 section 3.2.2) keeps only its
 * path (or "/") and query, and its authority replaces the Host header.
 * Any other form is stored as received.  Returns 0 or -ENOMEM.
 */
static int
req_set_target(struct httpd_request *req, const char *url, size_t n)
{
  struct http_parser_url u;
  struct buf t = BUF_INIT;
  size_t start, end;
  int rc;

  http_parser_url_init(&u);
  if (n == 0 || url[0] == '/' || url[0] == '*' ||
      http_parser_parse_url(url, n, 0, &u) != 0 ||
      !(u.field_set & (1u << UF_SCHEMA)) || !(u.field_set & (1u << UF_HOST)))
    return req_set_url(req, url, n);
  start = (size_t)u.field_data[UF_SCHEMA].off + u.field_data[UF_SCHEMA].len + 3;
  if (u.field_set & (1u << UF_USERINFO))
    start = (size_t)u.field_data[UF_USERINFO].off +
            u.field_data[UF_USERINFO].len + 1;
  for (end = start; end < n && strchr("/?#", url[end]) == NULL; end++)
    ;
  if (u.field_set & (1u << UF_PATH))
    rc = buf_append(&t, url + u.field_data[UF_PATH].off,
                    u.field_data[UF_PATH].len);
  else
    rc = buf_append(&t, "/", 1);
  if (rc == 0 && (u.field_set & (1u << UF_QUERY)))
    rc = buf_printf(&t, "?%.*s", (int)u.field_data[UF_QUERY].len,
                    url + u.field_data[UF_QUERY].off);
  if (rc == 0)
    rc = req_set_url(req, t.data, t.len);
  if (rc == 0)
    rc = req_set_host(req, url + start, end - start);
  buf_free(&t);
  return rc != 0 ? -ENOMEM : 0;
}

/*
 * What RFC 9112 asks of a request head: a major version of 1 (else 505),
 * and exactly one Host header, none being allowed before HTTP/1.1 (else
 * 400).  Answers and returns -1 when the head fails; 0 when it passes.
 */
static int
conn_check_head(struct httpd_conn *c, const http_parser *p)
{
  const struct httpd_request *req = c->cur;
  int i, hosts = 0;

  if (p->http_major != 1) {
    conn_fail(c, 505, "http version not supported", "http.bad_request",
              "version");
    return -1;
  }
  for (i = 0; i < req->nheaders; i++)
    if (strcasecmp(req->headers[i].name, "Host") == 0)
      hosts++;
  if (hosts > 1 || (hosts == 0 && p->http_minor >= 1)) {
    conn_fail(c, 400, hosts > 1 ? "more than one Host header"
                                : "missing Host header",
              "http.bad_request", hosts > 1 ? "host_repeated" : "host_missing");
    return -1;
  }
  return 0;
}

static int
on_message_begin(http_parser *p)
{
  struct httpd_conn *c = p->data;
  struct httpd_request *req;

  if (c->closing || c->read_done)
    return -1;
  req = req_new(c);
  if (req == NULL)
    return -1;
  c->cur = req;
  /* The first request is timed from accept, later ones from here. */
  if (c->phase != PHASE_HEAD) {
    c->phase = PHASE_HEAD;
    c->mark_ms = req->started_ms;
  }
  c->head_bytes = 0;
  c->hstate = HDR_NONE;
  c->want_continue = 0;
  buf_reset(&c->url);
  buf_reset(&c->hname);
  buf_reset(&c->hvalue);
  return 0;
}

static int
on_url(http_parser *p, const char *at, size_t len)
{
  struct httpd_conn *c = p->data;

  if (c->closing || c->read_done || c->cur == NULL)
    return -1;
  if (conn_head_grow(c, len) != 0)
    return -1;
  if (buf_append(&c->url, at, len) != 0) {
    conn_fail(c, 503, "out of memory", "http.out_of_memory", "url");
    return -1;
  }
  return 0;
}

static int
on_header_field(http_parser *p, const char *at, size_t len)
{
  struct httpd_conn *c = p->data;
  size_t extra = 0;

  if (c->closing || c->read_done || c->cur == NULL)
    return -1;
  if (c->hstate == HDR_VALUE && conn_commit_header(c) != 0)
    return -1;
  if (c->hstate != HDR_FIELD) {
    c->hstate = HDR_FIELD;
    extra = 4;   /* ": " and CRLF */
  }
  if (conn_head_grow(c, len + extra) != 0)
    return -1;
  if (buf_append(&c->hname, at, len) != 0) {
    conn_fail(c, 503, "out of memory", "http.out_of_memory", "header");
    return -1;
  }
  return 0;
}

static int
on_header_value(http_parser *p, const char *at, size_t len)
{
  struct httpd_conn *c = p->data;

  if (c->closing || c->read_done || c->cur == NULL)
    return -1;
  c->hstate = HDR_VALUE;
  if (conn_head_grow(c, len) != 0)
    return -1;
  if (buf_append(&c->hvalue, at, len) != 0) {
    conn_fail(c, 503, "out of memory", "http.out_of_memory", "header");
    return -1;
  }
  return 0;
}

static int
on_headers_complete(http_parser *p)
{
  struct httpd_conn *c = p->data;
  struct httpd_request *req = c->cur;
  size_t max_body = c->h->opts.max_body;
  const char *expect;
  char limit[32];
  int has_body;

  if (c->closing || c->read_done || req == NULL)
    return -1;
  if (c->hstate != HDR_NONE && conn_commit_header(c) != 0)
    return -1;
  if (conn_check_head(c, p) != 0)
    return -1;
  if (req_set_target(req, c->url.data != NULL ? c->url.data : "",
                     c->url.len) != 0) {
    conn_fail(c, 503, "out of memory", "http.out_of_memory", "url");
    return -1;
  }
  buf_free(&c->url);
  req->method = (int)p->method;
  req->method_name = http_method_str((enum http_method)p->method);
  req->keep_alive = http_should_keep_alive(p) && !p->upgrade;
  c->phase = PHASE_BODY;
  c->mark_ms = uv_now(c->h->loop);
  c->body_ms = c->mark_ms;
  c->late = 0;

  if ((p->flags & F_CONTENTLENGTH) && max_body > 0 &&
      p->content_length > max_body) {
    snprintf(limit, sizeof(limit), "body>%zu", max_body);
    conn_fail(c, 413, "request body too large", "http.too_large", limit);
    return -1;
  }
  has_body = (p->flags & F_CHUNKED) ||
             (p->content_length > 0 && p->content_length != UINT64_MAX);
  expect = httpd_header(req, "Expect");
  if (expect != NULL && strcasecmp(expect, "100-continue") == 0 &&
      has_body && p->http_major == 1 && p->http_minor >= 1) {
    /* Interim answers must not overtake earlier final ones. */
    if (c->head == NULL)
      conn_write_continue(c);
    else
      c->want_continue = 1;
  }
  return c->closing ? -1 : 0;
}

static int
on_body(http_parser *p, const char *at, size_t len)
{
  struct httpd_conn *c = p->data;
  char limit[32];
  int rc;

  if (c->closing || c->read_done || c->cur == NULL)
    return -1;
  rc = buf_append(&c->cur->body, at, len);
  if (rc == AERR_TOOBIG) {
    snprintf(limit, sizeof(limit), "body>%zu", c->h->opts.max_body);
    conn_fail(c, 413, "request body too large", "http.too_large", limit);
    return -1;
  }
  if (rc != 0) {
    conn_fail(c, 503, "out of memory", "http.out_of_memory", "body");
    return -1;
  }
  return 0;
}

/*
 * A whole request: queue it, hand it to the handler (which may answer at
 * once, later, or close the server), then pause the parser if the
 * connection is congested.
 */
static int
on_message_complete(http_parser *p)
{
  struct httpd_conn *c = p->data;
  struct httpd *h = c->h;
  struct httpd_request *req = c->cur;

  if (c->closing || c->read_done || req == NULL)
    return -1;
  /* The body is always a C string, even when empty. */
  if (req->body.data == NULL && buf_append(&req->body, "", 0) != 0) {
    conn_fail(c, 503, "out of memory", "http.out_of_memory", "body");
    return -1;
  }
  c->cur = NULL;
  c->phase = PHASE_IDLE;
  c->mark_ms = uv_now(h->loop);
  c->want_continue = 0;
  /* The last request: what follows is read and dropped, so that a reset
   * is seen at once and the linger needs no new start of reading. */
  if (!req->keep_alive || c->stop_after)
    c->read_done = 1;
  conn_enqueue(c, req);
  req->handed = 1;
  h->inflight++;
  h->handler(req, h->handler_arg);
  if (c->closing)
    return -1;
  if (!c->read_done && conn_congested(c)) {
    http_parser_pause(p, 1);
    c->paused = 1;
  }
  return 0;
}

/* ---- accepting -------------------------------------------------------- */

static void
conn_set_peer(struct httpd_conn *c)
{
  struct sockaddr_storage ss;
  char ip[INET6_ADDRSTRLEN];
  int len = (int)sizeof(ss);

  snprintf(c->peer, sizeof(c->peer), "-");
  c->peer_uid = -1;
  c->peer_pid = -1;
  if (c->h->is_pipe) {
    /* A unix socket: who is on the other end, as the kernel says. */
    struct ucred cred;
    socklen_t clen = sizeof(cred);
    uv_os_fd_t fd;
    if (uv_fileno((uv_handle_t *)&c->io, &fd) == 0 &&
        getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &clen) == 0) {
      c->peer_uid = (int)cred.uid;
      c->peer_pid = (int)cred.pid;
      snprintf(c->peer, sizeof(c->peer), "unix:uid=%d,pid=%d",
               c->peer_uid, c->peer_pid);
    } else {
      snprintf(c->peer, sizeof(c->peer), "unix");
    }
    return;
  }
  if (uv_tcp_getpeername(&c->io.tcp, (struct sockaddr *)&ss, &len) != 0)
    return;
  if (ss.ss_family == AF_INET6) {
    const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)&ss;
    if (uv_ip6_name(a, ip, sizeof(ip)) == 0) {
      snprintf(c->peer, sizeof(c->peer), "[%s]:%d", ip,
               (int)ntohs(a->sin6_port));
      snprintf(c->addr, sizeof(c->addr), "%s", ip);
    }
  } else if (ss.ss_family == AF_INET) {
    const struct sockaddr_in *a = (const struct sockaddr_in *)&ss;
    if (uv_ip4_name(a, ip, sizeof(ip)) == 0) {
      snprintf(c->peer, sizeof(c->peer), "%s:%d", ip,
               (int)ntohs(a->sin_port));
      snprintf(c->addr, sizeof(c->addr), "%s", ip);
    }
  }
}

/*
 * Whether c is one connection too many from its address: admitted
 * connections from there (c included) over max_per_client.  Unix sockets
 * are not counted.
 */
static int
conn_over_client_cap(const struct httpd_conn *c)
{
  const struct httpd_conn *o;
  int n = 0;

  if (c->h->opts.max_per_client <= 0 || c->addr[0] == '\0')
    return 0;
  for (o = c->h->conns; o != NULL; o = o->next)
    if (!o->rejected && strcmp(o->addr, c->addr) == 0)
      n++;
  return n > c->h->opts.max_per_client;
}

/*
 * Turn c away with 503 and "Connection: close", for the connection limit
 * or (per_client) the limit for its address.  Input is read and dropped
 * until the connection ends.  When too many are being turned away
 * already, c is simply closed.
 */
static void
conn_reject(struct httpd_conn *c, int per_client)
{
  struct httpd *h = c->h;
  struct httpd_request *req;

  c->rejected = 1;
  h->nrejected++;
  if (per_client)
    log_warn("event=http.client_conn_limit peer=%s max=%d", c->peer,
             h->opts.max_per_client);
  else
    log_warn("event=http.conn_limit peer=%s open=%d max=%d", c->peer,
             h->nconns - h->nrejected, h->opts.max_connections);
  if (h->nrejected > HTTPD_REJECT_MAX) {
    conn_close(c);
    return;
  }
  c->read_done = 1;
  c->phase = PHASE_IDLE;
  req = req_new(c);
  if (req == NULL) {
    conn_close(c);
    return;
  }
  req->keep_alive = 0;
  conn_enqueue(c, req);
  httpd_respond_error(req, 503, per_client
                                     ? "too many connections from this "
                                       "address"
                                     : "too many connections");
}

static void
server_on_connection(uv_stream_t *ls, int status)
{
  struct httpd *h = ls->data;
  struct httpd_conn *c;

  if (status < 0) {
    log_warn("event=http.accept_error error=%s", uv_err_name(status));
    return;
  }
  c = calloc(1, sizeof(*c));
  if (c == NULL) {
    log_error("event=http.out_of_memory detail=accept");
    return;
  }
  if ((h->is_pipe ? uv_pipe_init(h->loop, &c->io.pipe, 0)
                  : uv_tcp_init(h->loop, &c->io.tcp)) != 0) {
    free(c);
    return;
  }
  uv_timer_init(h->loop, &c->timer);
  c->io.tcp.data = c;
  c->timer.data = c;
  c->shut.data = c;
  c->h = h;
  c->open_handles = 2;
  h->handles++;
  c->next = h->conns;
  if (h->conns != NULL)
    h->conns->prev = c;
  h->conns = c;
  h->nconns++;
  buf_init(&c->url, 0);
  buf_init(&c->hname, 0);
  buf_init(&c->hvalue, 0);
  buf_init(&c->pending, 0);
  http_parser_init(&c->parser, HTTP_REQUEST);
  c->parser.data = c;
  c->phase = PHASE_HEAD;
  c->mark_ms = uv_now(h->loop);
  snprintf(c->peer, sizeof(c->peer), "-");

  if (uv_accept(ls, (uv_stream_t *)&c->io) != 0) {
    conn_close(c);
    return;
  }
  if (!h->is_pipe)
    uv_tcp_nodelay(&c->io.tcp, 1);
  conn_set_peer(c);
  if (h->opts.max_connections > 0 &&
      h->nconns - h->nrejected > h->opts.max_connections) {
    conn_reject(c, 0);
    return;
  }
  if (conn_over_client_cap(c)) {
    conn_reject(c, 1);
    return;
  }
  conn_read_start(c);
  conn_timer_update(c);
}

/* ---- the server ------------------------------------------------------- */

int
httpd_new(struct httpd **out, uv_loop_t *loop, const struct httpd_opts *o,
          httpd_handler_cb handler, void *arg)
{
  struct httpd *h;
  uint32_t seed;
  *out = NULL;
  if (loop == NULL || handler == NULL)
    return -EINVAL;
  h = calloc(1, sizeof(*h));
  if (h == NULL)
    return -ENOMEM;
  h->loop = loop;
  opts_set(h, o);
  h->handler = handler;
  h->handler_arg = arg;
  if (uv_random(NULL, NULL, &seed, sizeof(seed), 0, NULL) != 0)
    seed = (uint32_t)uv_hrtime() ^ (uint32_t)uv_os_getpid();
  h->next_id = seed;
  /* A handle that httpd_close() always closes, so that its callback never
   * runs from inside httpd_close() itself, even with no other handle. */
  uv_idle_init(loop, &h->anchor);
  h->anchor.data = h;
  h->handles = 2;
  *out = h;
  return 0;
}

int
httpd_listen(struct httpd *h, const char *host, int port)
{
  struct sockaddr_storage ss;
  char name[INET6_ADDRSTRLEN + 2];
  size_t n;
  int rc;

  if (h->stopped || h->closing || h->listening)
    return UV_EINVAL;
  if (host == NULL || port < 0 || port > 65535)
    return UV_EINVAL;
  /* Accept "[::1]" as well as "::1". */
  n = strlen(host);
  if (n >= sizeof(name))
    return UV_EINVAL;
  if (n >= 2 && host[0] == '[' && host[n - 1] == ']') {
    memcpy(name, host + 1, n - 2);
    name[n - 2] = '\0';
  } else {
    memcpy(name, host, n + 1);
  }
  memset(&ss, 0, sizeof(ss));
  if (uv_ip4_addr(name, port, (struct sockaddr_in *)&ss) != 0 &&
      uv_ip6_addr(name, port, (struct sockaddr_in6 *)&ss) != 0)
    return UV_EINVAL;
  rc = uv_tcp_init(h->loop, &h->listener.tcp);
  if (rc != 0)
    return rc;
  h->listener.tcp.data = h;
  h->listener_inited = 1;
  rc = uv_tcp_bind(&h->listener.tcp, (const struct sockaddr *)&ss, 0);
  if (rc == 0)
    rc = uv_listen((uv_stream_t *)&h->listener, HTTPD_BACKLOG,
                   server_on_connection);
  if (rc != 0) {
    log_error("event=http.listen_failed host=%s port=%d error=%s", name,
              port, uv_err_name(rc));
    return rc;
  }
  h->listening = 1;
  h->port = port;
  h->port = httpd_port(h);
  log_info("event=http.listen host=%s port=%d", name, h->port);
  return 0;
}

int
httpd_listen_unix(struct httpd *h, const char *path, int mode)
{
  struct stat st;
  mode_t old_mask;
  int rc;

  if (h->stopped || h->closing || h->listening || path == NULL)
    return UV_EINVAL;
  /* A socket left by a daemon that died is in the way: remove it, but
   * never anything that is not a socket. */
  if (lstat(path, &st) == 0) {
    if (!S_ISSOCK(st.st_mode))
      return UV_EEXIST;
    unlink(path);
  }
  rc = uv_pipe_init(h->loop, &h->listener.pipe, 0);
  if (rc != 0)
    return rc;
  h->listener.pipe.data = h;
  h->listener_inited = 1;
  h->is_pipe = 1;
  /* Born with its mode: a chmod() after bind() would leave a moment in
   * which the umask's looser mode lets anyone connect. */
  old_mask = umask((mode_t)(~mode & 0777));
  rc = uv_pipe_bind(&h->listener.pipe, path);
  umask(old_mask);
  if (rc == 0)
    rc = uv_listen((uv_stream_t *)&h->listener, HTTPD_BACKLOG,
                   server_on_connection);
  if (rc != 0) {
    log_error("event=http.listen_failed path=%s error=%s", path,
              uv_err_name(rc));
    return rc;
  }
  h->listening = 1;
  log_info("event=http.listen path=%s mode=%04o", path, mode);
  return 0;
}

int
httpd_port(const struct httpd *h)
{
  struct sockaddr_storage ss;
  int len = (int)sizeof(ss);

  if (!h->listening || h->listener_closed ||
      h->is_pipe ||
      uv_tcp_getsockname(&h->listener.tcp, (struct sockaddr *)&ss,
                         &len) != 0)
    return h->port;
  if (ss.ss_family == AF_INET6)
    return (int)ntohs(((const struct sockaddr_in6 *)&ss)->sin6_port);
  return (int)ntohs(((const struct sockaddr_in *)&ss)->sin_port);
}

int
httpd_inflight(const struct httpd *h)
{
  return h->inflight;
}

int
httpd_connections(const struct httpd *h)
{
  return h->nconns;
}

size_t
httpd_unsent(const struct httpd *h)
{
  const struct httpd_conn *c;
  size_t n = 0;

  for (c = h->conns; c != NULL; c = c->next)
    n += uv_stream_get_write_queue_size((const uv_stream_t *)&c->io);
  return n;
}

/*
 * Stop accepting.  A connection with nothing under way closes now; one
 * with requests queued or in flight reads no further request and closes
 * after its last answer; one in the middle of a request finishes reading
 * that request first.
 */
void
httpd_stop(struct httpd *h)
{
  struct httpd_conn *c, *next;

  if (h->stopped)
    return;
  h->stopped = 1;
  server_close_listener(h);
  log_info("event=http.stop open=%d inflight=%d", h->nconns, h->inflight);
  for (c = h->conns; c != NULL; c = next) {
    next = c->next;
    if (c->rejected || c->shutting)
      continue;
    if (c->head == NULL && c->cur == NULL && c->writes_pending == 0 &&
        !c->close_sent && c->in_parse == 0) {
      conn_close(c);
    } else if (c->cur == NULL) {
      c->read_done = 1;
      c->paused = 0;
      c->kick = 0;
      buf_free(&c->pending);
      conn_read_stop(c);
      conn_settle(c);
    } else {
      c->stop_after = 1;
    }
  }
}

void
httpd_close(struct httpd *h, void (*cb)(void *arg), void *arg)
{
  struct httpd_conn *c, *next;

  if (h->closing)
    return;
  h->closing = 1;
  h->stopped = 1;
  h->close_cb = cb;
  h->close_arg = arg;
  server_close_listener(h);
  uv_close((uv_handle_t *)&h->anchor, server_on_handle_closed);
  for (c = h->conns; c != NULL; c = next) {
    next = c->next;
    conn_close(c);
  }
}
