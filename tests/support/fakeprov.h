/*
 * fakeprov.h: a fake provider API on 127.0.0.1 for integration tests.
 *
 * It runs the project's own HTTP server on a loop in a thread of its own,
 * records every request it gets, and answers from a script: the next N
 * requests get a given answer, then the default one.  It can also hold
 * requests without answering (a stalled provider) until released.
 * Tests wait on its condition variable, never by sleeping.
 */
#ifndef ADUAN_FAKEPROV_H
#define ADUAN_FAKEPROV_H

#include <stddef.h>

struct fakeprov;

struct fp_request {
  char *method;
  char *path;
  char *query;
  char *authorization;
  char *content_type;
  char *body;
  size_t body_len;
  char peer[64];              /* "127.0.0.1:PORT": one per connection */
};

/* Start on an ephemeral port.  The default answer is 200 with body
 * (a WhatsApp-style send answer) unless changed.  0 or -1. */
int fakeprov_start(struct fakeprov **out);
int fakeprov_port(const struct fakeprov *fp);

/* "http://127.0.0.1:PORT" + suffix, allocated. */
char *fakeprov_url(const struct fakeprov *fp, const char *suffix);

/* The next count requests get this answer (extra_headers: complete
 * "Name: value\r\n" lines, or NULL).  Scripts queue in order. */
void fakeprov_script(struct fakeprov *fp, int count, int status,
                     const char *extra_headers, const char *body);

/* Requests whose path starts with prefix always get this answer, before
 * any script (for the media a test serves). */
void fakeprov_route(struct fakeprov *fp, const char *prefix, int status,
                    const char *body);

/* The same with extra_headers (complete "Name: value\r\n" lines, or NULL),
 * such as a Location for a redirect. */
void fakeprov_route_headers(struct fakeprov *fp, const char *prefix,
                            int status, const char *extra_headers,
                            const char *body);

/* The answer once the script has run out.  A body containing "{n}" has it
 * replaced by the request's sequence number (1, 2, ...), so ids differ;
 * "{path}" is replaced by the request's path, so each URL has content of
 * its own. */
void fakeprov_default(struct fakeprov *fp, int status, const char *body);

/* Hold every request from now on without answering (1), or answer the
 * held ones and stop holding (0). */
void fakeprov_stall(struct fakeprov *fp, int on);

/* Hold the requests whose path starts with prefix (recorded, not
 * answered) until fakeprov_release(), which answers every held request
 * and forgets the prefixes.  Up to 8 prefixes. */
void fakeprov_hold(struct fakeprov *fp, const char *prefix);
void fakeprov_release(struct fakeprov *fp);

/* Requests received so far. */
int fakeprov_count(struct fakeprov *fp);

/* Wait until at least n requests came; 0, or -1 after timeout_ms. */
int fakeprov_wait(struct fakeprov *fp, int n, int timeout_ms);

/* A copy of request i (0-based); free with fp_request_free.  0 or -1. */
int fakeprov_request(struct fakeprov *fp, int i, struct fp_request *out);
void fp_request_free(struct fp_request *r);

/* Stop the server and its thread; free everything. */
void fakeprov_stop(struct fakeprov *fp);

#endif
