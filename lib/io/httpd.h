/*
 * httpd.h: a small HTTP/1.1 server on libuv and http-parser.
 *
 * It accepts connections, parses requests (Content-Length and chunked
 * bodies, keep-alive, pipelining), enforces the limits (body size, header
 * and idle timeouts, connection count) and hands each complete request to
 * one handler.  The handler answers with httpd_respond(), now or later
 * (after a group commit, say); responses on one connection always leave
 * in the order the requests came, whatever order they are answered in.
 *
 * Requests are read as RFC 9112 says: an absolute-form target
 * ("http://host/path") is accepted, its path and query kept and its
 * authority made the Host header; a major version other than 1 gets 505,
 * and an HTTP/1.1 request without Host (or any with two) gets 400.
 *
 * Answers httpd gives by itself: 400 for a request it cannot parse, 413
 * for a body over max_body (then the connection is closed), 408 and close
 * when the headers do not arrive within header_timeout or the body within
 * body_timeout, 503 and close when max_connections are open or
 * max_per_client from the client's address.  A connection with nothing
 * in flight for idle_timeout is closed.  "Expect: 100-continue" is
 * answered.
 *
 * Ownership: a struct httpd_request belongs to httpd.  The handler may
 * keep the pointer until it calls httpd_respond() exactly once; after that
 * the request is gone.  If the client disconnects first, the request stays
 * valid until that call (which then just frees it).
 *
 * Call these functions on the thread that runs the loop.  The process must
 * ignore SIGPIPE: a client that resets its connection must not kill the
 * daemon.
 */
#ifndef ADUAN_HTTPD_H
#define ADUAN_HTTPD_H

#include <stddef.h>
#include <stdint.h>
#include <uv.h>

#include "base/buf.h"

struct httpd;
struct httpd_conn;

struct httpd_header {
  char *name;
  char *value;
};

struct httpd_request {
  char id[12];                 /* request id for log lines, hex */
  int method;                  /* enum http_method of http_parser.h */
  const char *method_name;     /* "GET", "POST", ... */
  char *url;                   /* target as received: path and query */
  char *path;                  /* the path, not decoded */
  char *query;                 /* after '?', not decoded; "" when none */
  struct httpd_header *headers;
  int nheaders;
  struct buf body;             /* de-chunked body, NUL-terminated */
  char peer[64];               /* "127.0.0.1:53412", "unix:uid=0,pid=9" */
  int peer_uid;                /* unix sockets: the peer's uid; else -1 */
  uint64_t started_ms;         /* uv_now() when the request began */
  void *data;                  /* for the handler */

  /* Private to httpd. */
  struct httpd_conn *conn;     /* NULL once the client has gone */
  struct httpd_request *next;  /* pipeline order on the connection */
  int status;                  /* 0 until answered */
  struct buf out;              /* the serialised response */
  int keep_alive;
  struct httpd *server;        /* NULL once the server has been freed */
  struct httpd_request *prev;  /* on the server's list of orphans */
  size_t split;                /* where "Connection: close" goes in out */
  int handed;                  /* given to the handler, not yet answered */
};

/* A limit of 0 means none (max_pipeline below 1 counts as 1). */
struct httpd_opts {
  size_t max_body;             /* bytes */
  size_t max_header;           /* bytes of request line and headers */
  int max_connections;
  int max_per_client;          /* connections from one address (TCP) */
  uint64_t header_timeout_ms;
  uint64_t idle_timeout_ms;
  uint64_t body_timeout_ms;    /* the whole body, from the end of the head */
  int max_pipeline;            /* requests in flight per connection before
                                  reading pauses */
};

typedef void (*httpd_handler_cb)(struct httpd_request *req, void *arg);

/* Defaults: 256k body, 16k header, 1024 connections, 512 from one
 * address, header 10s, idle 60s, body 30s, 16 in flight. */
void httpd_opts_default(struct httpd_opts *o);

/* A new server on loop; nothing is bound yet.  Returns 0 or -errno. */
int httpd_new(struct httpd **out, uv_loop_t *loop, const struct httpd_opts *o,
              httpd_handler_cb handler, void *arg);

/* Bind and listen on host:port (IPv4 or IPv6 literal; port 0 lets the
 * kernel choose).  Returns 0 or a negative libuv error. */
int httpd_listen(struct httpd *h, const char *host, int port);

/* Listen on a unix socket at path instead (a stale socket there is
 * replaced; anything else is not), created with mode as its mode (the
 * process umask is set around the bind, so call this before any thread
 * creates files).
 * Each request's peer_uid then says who connected (SO_PEERCRED). */
int httpd_listen_unix(struct httpd *h, const char *path, int mode);

/* The port actually bound, after httpd_listen(). */
int httpd_port(const struct httpd *h);

/* New limits for connections from now on (a config reload). */
void httpd_set_opts(struct httpd *h, const struct httpd_opts *o);

/* The value of a header, matched without regard to case; NULL if absent. */
const char *httpd_header(const struct httpd_request *req, const char *name);

/* Answer req.  body may be NULL when len is 0.  extra_headers, if not
 * NULL, is zero or more complete "Name: value\r\n" lines. */
void httpd_respond(struct httpd_request *req, int status,
                   const char *content_type, const char *extra_headers,
                   const char *body, size_t len);

/* Answer with {"error":"<msg>","req":"<id>"} as application/json. */
void httpd_respond_error(struct httpd_request *req, int status,
                         const char *msg);

/* Stop accepting.  Idle connections are closed now; busy ones after their
 * last answer, which goes out with "Connection: close". */
void httpd_stop(struct httpd *h);

/* Requests handed to the handler and not yet answered. */
int httpd_inflight(const struct httpd *h);

/* Open connections. */
int httpd_connections(const struct httpd *h);

/* Bytes of answers queued in the process, not yet taken by the kernel. */
size_t httpd_unsent(const struct httpd *h);

/* Close everything now; cb(arg) runs once every handle is closed, after
 * which h has been freed.  Unanswered requests stay valid until answered. */
void httpd_close(struct httpd *h, void (*cb)(void *arg), void *arg);

/* Reason phrase for a status code ("Not Found"). */
const char *httpd_reason(int status);

#endif
