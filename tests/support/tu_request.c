/*
 * tu_request.c: hand-built HTTP requests for adapter tests (see
 * tu_request.h).
 */
#include "tu_request.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <http_parser.h>

static char *
xstrndup(const char *s, size_t n)
{
  char *p = strndup(s, n);

  ck_assert_ptr_nonnull(p);
  return p;
}

static int
method_code(const char *m)
{
  if (strcmp(m, "GET") == 0)
    return HTTP_GET;
  if (strcmp(m, "HEAD") == 0)
    return HTTP_HEAD;
  if (strcmp(m, "PUT") == 0)
    return HTTP_PUT;
  if (strcmp(m, "DELETE") == 0)
    return HTTP_DELETE;
  return HTTP_POST;
}

void
tu_request_set_target(struct httpd_request *r, const char *target)
{
  const char *q = strchr(target, '?');

  free(r->url);
  free(r->path);
  free(r->query);
  r->url = xstrndup(target, strlen(target));
  if (q != NULL) {
    r->path = xstrndup(target, (size_t)(q - target));
    r->query = xstrndup(q + 1, strlen(q + 1));
  } else {
    r->path = xstrndup(target, strlen(target));
    r->query = xstrndup("", 0);
  }
}

/* Add the header written as "Name: value" (n bytes). */
static void
add_line(struct httpd_request *r, const char *line, size_t n)
{
  const char *colon = memchr(line, ':', n);
  struct httpd_header *h;
  size_t v;

  ck_assert_msg(colon != NULL, "header line without ':'");
  h = realloc(r->headers, (size_t)(r->nheaders + 1) * sizeof(*h));
  ck_assert_ptr_nonnull(h);
  r->headers = h;
  h = &r->headers[r->nheaders++];
  h->name = xstrndup(line, (size_t)(colon - line));
  v = (size_t)(colon + 1 - line);
  while (v < n && (line[v] == ' ' || line[v] == '\t'))
    v++;
  h->value = xstrndup(line + v, n - v);
}

void
tu_request_add_header(struct httpd_request *r, const char *name,
                      const char *value)
{
  struct httpd_header *h;

  h = realloc(r->headers, (size_t)(r->nheaders + 1) * sizeof(*h));
  ck_assert_ptr_nonnull(h);
  r->headers = h;
  h = &r->headers[r->nheaders++];
  h->name = xstrndup(name, strlen(name));
  h->value = xstrndup(value, strlen(value));
}

struct httpd_request *
tu_request_new(const char *method, const char *target,
               const char *const *headers, const void *body, size_t len)
{
  struct httpd_request *r = calloc(1, sizeof(*r));
  int i;

  ck_assert_ptr_nonnull(r);
  memcpy(r->id, "0000test", 9);
  r->method = method_code(method);
  r->method_name = http_method_str((enum http_method)r->method);
  tu_request_set_target(r, target);
  for (i = 0; headers != NULL && headers[i] != NULL; i++)
    add_line(r, headers[i], strlen(headers[i]));
  buf_init(&r->body, 0);
  /* Always have a NUL-terminated body, as httpd gives. */
  ck_assert_int_eq(buf_append(&r->body, "", 0), 0);
  if (len > 0)
    ck_assert_int_eq(buf_append(&r->body, body, len), 0);
  memcpy(r->peer, "127.0.0.1:1", 12);
  return r;
}

/* The line at text[*pos..len): its length without the line end, and *pos
 * moved past it. */
static size_t
next_line(const char *text, size_t len, size_t *pos, const char **line)
{
  const char *nl;
  size_t n;

  *line = text + *pos;
  nl = memchr(text + *pos, '\n', len - *pos);
  n = nl != NULL ? (size_t)(nl - *line) : len - *pos;
  *pos += nl != NULL ? n + 1 : n;
  if (n > 0 && (*line)[n - 1] == '\r')
    n--;
  return n;
}

struct httpd_request *
tu_request_parse(const char *text, size_t len, size_t *used)
{
  struct httpd_request *r;
  const char *line, *sp1, *sp2;
  size_t pos = 0, n, clen = 0;
  char *method, *target;
  const char *cl;

  for (;;) {
    if (pos >= len)
      return NULL;
    n = next_line(text, len, &pos, &line);
    if (n == 0 || line[0] == '#')
      continue;
    sp1 = memchr(line, ' ', n);
    sp2 = sp1 != NULL ? memchr(sp1 + 1, ' ', n - (size_t)(sp1 + 1 - line))
                      : NULL;
    if (sp2 != NULL && n - (size_t)(sp2 + 1 - line) >= 5 &&
        strncmp(sp2 + 1, "HTTP/", 5) == 0)
      break;
  }
  method = xstrndup(line, (size_t)(sp1 - line));
  target = xstrndup(sp1 + 1, (size_t)(sp2 - sp1 - 1));
  r = tu_request_new(method, target, NULL, NULL, 0);
  free(method);
  free(target);
  while (pos < len) {
    n = next_line(text, len, &pos, &line);
    if (n == 0)
      break;
    if (line[0] == '#')
      continue;
    add_line(r, line, n);
  }
  cl = httpd_header(r, "Content-Length");
  if (cl != NULL)
    clen = strtoul(cl, NULL, 10);
  ck_assert_msg(clen <= len - pos, "fixture body shorter than its length");
  if (clen > 0)
    ck_assert_int_eq(buf_append(&r->body, text + pos, clen), 0);
  pos += clen;
  if (used != NULL)
    *used = pos;
  return r;
}

void
tu_request_free(struct httpd_request *r)
{
  int i;

  if (r == NULL)
    return;
  free(r->url);
  free(r->path);
  free(r->query);
  for (i = 0; i < r->nheaders; i++) {
    free(r->headers[i].name);
    free(r->headers[i].value);
  }
  free(r->headers);
  buf_free(&r->body);
  buf_free(&r->out);
  free(r);
}
