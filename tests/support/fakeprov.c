/*
 * fakeprov.c: the fake provider (see fakeprov.h).
 */
#include "fakeprov.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uv.h>

#include "base/buf.h"
#include "io/httpd.h"
#include "testutil.h"

struct script {
  int count;
  int status;
  char *headers;
  char *body;
  struct script *next;
};

struct route {
  char *prefix;
  int status;
  char *headers;
  char *body;
  struct route *next;
};

struct held {
  struct httpd_request *req;
  int seq;
  struct held *next;
};

struct fakeprov {
  uv_loop_t loop;
  uv_async_t wake;            /* commands from the test thread */
  struct httpd *httpd;
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int port;
  int ready;
  int quit;
  int release;                /* answer the held requests */
  int stall;
  char *hold[8];              /* path prefixes held like a stall */
  int nhold;
  struct script *scripts;
  struct route *routes;
  int def_status;
  char *def_body;
  struct fp_request *reqs;
  int nreqs;
  struct held *held;
};

static char *
dup_or_empty(const char *s)
{
  return strdup(s != NULL ? s : "");
}

/* Answer req as the script says (called with mu held). */
static void
answer(struct fakeprov *fp, struct httpd_request *req, int seq)
{
  struct script *sc = fp->scripts;
  struct route *rt;

  for (rt = fp->routes; rt != NULL; rt = rt->next)
    if (strncmp(req->path, rt->prefix, strlen(rt->prefix)) == 0) {
      httpd_respond(req, rt->status, "application/octet-stream",
                    rt->headers, rt->body, strlen(rt->body));
      return;
    }
  struct buf body = BUF_INIT;
  const char *src;
  const char *hdrs = NULL;
  int status;
  char num[16];

  if (sc != NULL) {
    status = sc->status;
    src = sc->body;
    hdrs = sc->headers;
  } else {
    status = fp->def_status;
    src = fp->def_body;
  }
  snprintf(num, sizeof(num), "%d", seq);
  while (src != NULL && *src != '\0') {
    const char *p = strstr(src, "{n}"), *q = strstr(src, "{path}");
    if (p == NULL && q == NULL) {
      buf_puts(&body, src);
      break;
    }
    if (p == NULL || (q != NULL && q < p)) {
      buf_append(&body, src, (size_t)(q - src));
      buf_puts(&body, req->path);
      src = q + 6;
      continue;
    }
    buf_append(&body, src, (size_t)(p - src));
    buf_puts(&body, num);
    src = p + 3;
  }
  httpd_respond(req, status, "application/json", hdrs,
                body.data ? body.data : "", body.len);
  buf_free(&body);
  if (sc != NULL && --sc->count <= 0) {
    fp->scripts = sc->next;
    free(sc->headers);
    free(sc->body);
    free(sc);
  }
}

/* 1 when path is to be held (called with mu held). */
static int
held_path(const struct fakeprov *fp, const char *path)
{
  int i;

  for (i = 0; i < fp->nhold; i++)
    if (strncmp(path, fp->hold[i], strlen(fp->hold[i])) == 0)
      return 1;
  return 0;
}

static void
on_request(struct httpd_request *req, void *arg)
{
  struct fakeprov *fp = arg;
  struct fp_request *r;
  int seq;

  pthread_mutex_lock(&fp->mu);
  r = realloc(fp->reqs, (size_t)(fp->nreqs + 1) * sizeof(*r));
  if (r != NULL) {
    fp->reqs = r;
    r = &fp->reqs[fp->nreqs++];
    r->method = dup_or_empty(req->method_name);
    r->path = dup_or_empty(req->path);
    r->query = dup_or_empty(req->query);
    r->authorization = dup_or_empty(httpd_header(req, "Authorization"));
    r->content_type = dup_or_empty(httpd_header(req, "Content-Type"));
    r->body = malloc(req->body.len + 1);
    if (r->body != NULL) {
      if (req->body.len > 0)
        memcpy(r->body, req->body.data, req->body.len);
      r->body[req->body.len] = '\0';
    }
    r->body_len = req->body.len;
    snprintf(r->peer, sizeof(r->peer), "%s", req->peer);
  }
  seq = fp->nreqs;
  if (fp->stall || held_path(fp, req->path)) {
    struct held *h = calloc(1, sizeof(*h));
    if (h != NULL) {
      h->req = req;
      h->seq = seq;
      h->next = fp->held;
      fp->held = h;
    }
  } else {
    answer(fp, req, seq);
  }
  pthread_cond_broadcast(&fp->cv);
  pthread_mutex_unlock(&fp->mu);
}

static void
on_closed(void *arg)
{
  (void)arg;
}

static void
on_wake(uv_async_t *a)
{
  struct fakeprov *fp = a->data;
  struct held *h, *next;

  pthread_mutex_lock(&fp->mu);
  if (fp->release || fp->quit) {
    for (h = fp->held; h != NULL; h = next) {
      next = h->next;
      answer(fp, h->req, h->seq);
      free(h);
    }
    fp->held = NULL;
    fp->release = 0;
  }
  if (fp->quit) {
    httpd_close(fp->httpd, on_closed, NULL);
    uv_close((uv_handle_t *)&fp->wake, NULL);
  }
  pthread_mutex_unlock(&fp->mu);
}

static void *
thread_main(void *arg)
{
  struct fakeprov *fp = arg;

  uv_run(&fp->loop, UV_RUN_DEFAULT);
  return NULL;
}

int
fakeprov_start(struct fakeprov **out)
{
  struct fakeprov *fp = calloc(1, sizeof(*fp));
  struct httpd_opts o;

  *out = NULL;
  if (fp == NULL)
    return -1;
  pthread_mutex_init(&fp->mu, NULL);
  pthread_cond_init(&fp->cv, NULL);
  fp->def_status = 200;
  fp->def_body = strdup("{\"messaging_product\":\"whatsapp\",\"contacts\":"
                        "[{\"input\":\"x\",\"wa_id\":\"x\"}],\"messages\":"
                        "[{\"id\":\"wamid.fake{n}\"}],\"sid\":\"SMfake{n}\"}");
  uv_loop_init(&fp->loop);
  uv_async_init(&fp->loop, &fp->wake, on_wake);
  fp->wake.data = fp;
  httpd_opts_default(&o);
  o.max_body = 4 * 1024 * 1024;
  if (httpd_new(&fp->httpd, &fp->loop, &o, on_request, fp) != 0 ||
      httpd_listen(fp->httpd, "127.0.0.1", 0) != 0)
    return -1;
  fp->port = httpd_port(fp->httpd);
  if (pthread_create(&fp->thread, NULL, thread_main, fp) != 0)
    return -1;
  *out = fp;
  return 0;
}

int
fakeprov_port(const struct fakeprov *fp)
{
  return fp->port;
}

char *
fakeprov_url(const struct fakeprov *fp, const char *suffix)
{
  struct buf b = BUF_INIT;

  buf_printf(&b, "http://127.0.0.1:%d%s", fp->port, suffix ? suffix : "");
  return buf_steal(&b);
}

void
fakeprov_script(struct fakeprov *fp, int count, int status,
                const char *extra_headers, const char *body)
{
  struct script *sc = calloc(1, sizeof(*sc)), **pp;

  if (sc == NULL)
    return;
  sc->count = count;
  sc->status = status;
  sc->headers = extra_headers ? strdup(extra_headers) : NULL;
  sc->body = dup_or_empty(body);
  pthread_mutex_lock(&fp->mu);
  for (pp = &fp->scripts; *pp != NULL; pp = &(*pp)->next)
    ;
  *pp = sc;
  pthread_mutex_unlock(&fp->mu);
}

void
fakeprov_route(struct fakeprov *fp, const char *prefix, int status,
               const char *body)
{
  fakeprov_route_headers(fp, prefix, status, NULL, body);
}

void
fakeprov_route_headers(struct fakeprov *fp, const char *prefix, int status,
                       const char *extra_headers, const char *body)
{
  struct route *rt = calloc(1, sizeof(*rt));

  if (rt == NULL)
    return;
  rt->prefix = strdup(prefix);
  rt->status = status;
  rt->headers = extra_headers != NULL ? strdup(extra_headers) : NULL;
  rt->body = dup_or_empty(body);
  pthread_mutex_lock(&fp->mu);
  rt->next = fp->routes;
  fp->routes = rt;
  pthread_mutex_unlock(&fp->mu);
}

void
fakeprov_default(struct fakeprov *fp, int status, const char *body)
{
  pthread_mutex_lock(&fp->mu);
  fp->def_status = status;
  free(fp->def_body);
  fp->def_body = dup_or_empty(body);
  pthread_mutex_unlock(&fp->mu);
}

void
fakeprov_stall(struct fakeprov *fp, int on)
{
  pthread_mutex_lock(&fp->mu);
  fp->stall = on;
  if (!on)
    fp->release = 1;
  pthread_mutex_unlock(&fp->mu);
  uv_async_send(&fp->wake);
}

void
fakeprov_hold(struct fakeprov *fp, const char *prefix)
{
  pthread_mutex_lock(&fp->mu);
  if (fp->nhold < (int)(sizeof(fp->hold) / sizeof(fp->hold[0])))
    fp->hold[fp->nhold++] = strdup(prefix);
  pthread_mutex_unlock(&fp->mu);
}

void
fakeprov_release(struct fakeprov *fp)
{
  pthread_mutex_lock(&fp->mu);
  while (fp->nhold > 0)
    free(fp->hold[--fp->nhold]);
  fp->release = 1;
  pthread_mutex_unlock(&fp->mu);
  uv_async_send(&fp->wake);
}

int
fakeprov_count(struct fakeprov *fp)
{
  int n;

  pthread_mutex_lock(&fp->mu);
  n = fp->nreqs;
  pthread_mutex_unlock(&fp->mu);
  return n;
}

int
fakeprov_wait(struct fakeprov *fp, int n, int timeout_ms)
{
  struct timespec ts;
  int rc = 0;

  timeout_ms = tu_scaled_ms(timeout_ms);
  tu_deadline(&ts, CLOCK_REALTIME, timeout_ms);
  pthread_mutex_lock(&fp->mu);
  while (fp->nreqs < n && rc == 0)
    if (pthread_cond_timedwait(&fp->cv, &fp->mu, &ts) == ETIMEDOUT)
      rc = -1;
  rc = fp->nreqs >= n ? 0 : -1;
  pthread_mutex_unlock(&fp->mu);
  return rc;
}

int
fakeprov_request(struct fakeprov *fp, int i, struct fp_request *out)
{
  int rc = -1;

  memset(out, 0, sizeof(*out));
  pthread_mutex_lock(&fp->mu);
  if (i >= 0 && i < fp->nreqs) {
    struct fp_request *r = &fp->reqs[i];
    out->method = strdup(r->method);
    out->path = strdup(r->path);
    out->query = strdup(r->query);
    out->authorization = strdup(r->authorization);
    out->content_type = strdup(r->content_type);
    out->body = malloc(r->body_len + 1);
    if (out->body != NULL) {
      memcpy(out->body, r->body, r->body_len + 1);
      out->body_len = r->body_len;
    }
    memcpy(out->peer, r->peer, sizeof(out->peer));
    rc = 0;
  }
  pthread_mutex_unlock(&fp->mu);
  return rc;
}

void
fp_request_free(struct fp_request *r)
{
  free(r->method);
  free(r->path);
  free(r->query);
  free(r->authorization);
  free(r->content_type);
  free(r->body);
  memset(r, 0, sizeof(*r));
}

void
fakeprov_stop(struct fakeprov *fp)
{
  int i;

  if (fp == NULL)
    return;
  pthread_mutex_lock(&fp->mu);
  fp->quit = 1;
  pthread_mutex_unlock(&fp->mu);
  uv_async_send(&fp->wake);
  pthread_join(fp->thread, NULL);
  uv_loop_close(&fp->loop);
  for (i = 0; i < fp->nreqs; i++)
    fp_request_free(&fp->reqs[i]);
  free(fp->reqs);
  while (fp->scripts != NULL) {
    struct script *sc = fp->scripts;
    fp->scripts = sc->next;
    free(sc->headers);
    free(sc->body);
    free(sc);
  }
  while (fp->nhold > 0)
    free(fp->hold[--fp->nhold]);
  while (fp->routes != NULL) {
    struct route *rt = fp->routes;
    fp->routes = rt->next;
    free(rt->prefix);
    free(rt->headers);
    free(rt->body);
    free(rt);
  }
  free(fp->def_body);
  pthread_mutex_destroy(&fp->mu);
  pthread_cond_destroy(&fp->cv);
  free(fp);
}
