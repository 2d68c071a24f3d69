/*
 * fuzzutil.c: the process set-up, temporary files, request reading and
 * channel driver that the libFuzzer harnesses share (see fuzzutil.h).
 *
 * libFuzzer gives a harness no context to carry, so the process's
 * temporary folder is the one piece of state here; it is set once by
 * fz_init() and never changes afterwards.
 */
#include "fuzzutil.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include <http_parser.h>
#include "base/log.h"
#include "provider/provider.h"
#include "testutil.h"
#include "base/utf8.h"

static char *fz_tmp;

void
fz_fail(const char *file, int line, const char *what)
{
  fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
  abort();
}

static void
fz_cleanup(void)
{
  tu_rmrf(fz_tmp);
  free(fz_tmp);
  fz_tmp = NULL;
}

void
fz_init(void)
{
  const char *show;
  int fd;

  if (fz_tmp != NULL)
    return;
  signal(SIGPIPE, SIG_IGN);
  unsetenv("CREDENTIALS_DIRECTORY");
  log_setup(LOG_DEBUG, 1);
  show = getenv("ADUAN_FUZZ_LOG");
  if (show == NULL || show[0] == '\0') {
    fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    FZ_CHECK(fd >= 0);
    log_set_fd(fd);
  }
  fz_tmp = tu_tmpdir();
  FZ_CHECK(fz_tmp != NULL);
  atexit(fz_cleanup);
}

const char *
fz_dir(void)
{
  FZ_CHECK(fz_tmp != NULL);
  return fz_tmp;
}

char *
fz_path(const char *name)
{
  char *p = tu_path(fz_dir(), name);

  FZ_CHECK(p != NULL);
  return p;
}

void
fz_write(const char *path, const uint8_t *data, size_t size)
{
  FILE *f = fopen(path, "wb");

  FZ_CHECK(f != NULL);
  FZ_CHECK(size == 0 || fwrite(data, 1, size, f) == size);
  FZ_CHECK(fclose(f) == 0);
}

char *
fz_strndup(const uint8_t *data, size_t size)
{
  char *s = malloc(size + 1);

  FZ_CHECK(s != NULL);
  if (size > 0)
    memcpy(s, data, size);
  s[size] = '\0';
  return s;
}

int
fz_utf8_ok(const char *s, size_t n)
{
  return utf8_check(s, n) == n;
}

/* ---- Requests --------------------------------------------------------- */

/*
 * The requests here are built as tests/support/tu_request.c builds them
 * (url, path and query each allocated; a NUL-terminated body), without
 * Check's assertions, which only work inside a Check test run.
 */

static char *
xstrdup(const char *s)
{
  char *p = strdup(s);

  FZ_CHECK(p != NULL);
  return p;
}

/* A request for method and target (NUL-terminated copies are taken). */
static struct httpd_request *
req_new(const char *method, const char *target)
{
  struct httpd_request *r = calloc(1, sizeof(*r));
  const char *q = strchr(target, '?');

  FZ_CHECK(r != NULL);
  memcpy(r->id, "0000fuzz", 9);
  memcpy(r->peer, "127.0.0.1:1", 12);
  r->method = HTTP_POST;
  if (strcmp(method, "GET") == 0)
    r->method = HTTP_GET;
  else if (strcmp(method, "HEAD") == 0)
    r->method = HTTP_HEAD;
  else if (strcmp(method, "PUT") == 0)
    r->method = HTTP_PUT;
  r->method_name = http_method_str((enum http_method)r->method);
  r->url = xstrdup(target);
  r->path = xstrdup(target);
  if (q != NULL) {
    r->path[q - target] = '\0';
    r->query = xstrdup(q + 1);
  } else {
    r->query = xstrdup("");
  }
  buf_init(&r->body, 0);
  FZ_CHECK(buf_append(&r->body, "", 0) == 0);
  return r;
}

void
fz_request_free(struct httpd_request *r)
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

/* The line at d[*pos..size): its length without CR LF, *pos moved past. */
static size_t
next_line(const uint8_t *d, size_t size, size_t *pos, const uint8_t **line)
{
  const uint8_t *nl;
  size_t n;

  *line = d + *pos;
  nl = memchr(d + *pos, '\n', size - *pos);
  n = nl != NULL ? (size_t)(nl - *line) : size - *pos;
  *pos += nl != NULL ? n + 1 : n;
  if (n > 0 && (*line)[n - 1] == '\r')
    n--;
  return n;
}

/* 1 when d starts with an upper-case word, a space and '/'. */
static int
has_request_line(const uint8_t *d, size_t size)
{
  size_t i = 0;

  while (i < size && d[i] >= 'A' && d[i] <= 'Z')
    i++;
  return i > 0 && i + 1 < size && d[i] == ' ' && d[i + 1] == '/';
}

/* Add the header line[0..n) ("Name: value") to r; no ':' means none. */
static void
add_header(struct httpd_request *r, const uint8_t *line, size_t n)
{
  const uint8_t *colon = memchr(line, ':', n);
  struct httpd_header *h;
  size_t v;

  if (colon == NULL)
    return;
  v = (size_t)(colon + 1 - line);
  while (v < n && (line[v] == ' ' || line[v] == '\t'))
    v++;
  h = realloc(r->headers, (size_t)(r->nheaders + 1) * sizeof(*h));
  FZ_CHECK(h != NULL);
  r->headers = h;
  h = &r->headers[r->nheaders++];
  h->name = fz_strndup(line, (size_t)(colon - line));
  h->value = fz_strndup(line + v, n - v);
}

struct httpd_request *
fz_request(const uint8_t *data, size_t size, const char *default_target,
           const char *default_header)
{
  struct httpd_request *r;
  const uint8_t *line, *sp;
  char *method, *target;
  size_t pos = 0, n;

  if (!has_request_line(data, size)) {
    r = req_new("POST", default_target);
    if (default_header != NULL)
      add_header(r, (const uint8_t *)default_header, strlen(default_header));
    if (size > 0)
      FZ_CHECK(buf_append(&r->body, data, size) == 0);
    return r;
  }
  n = next_line(data, size, &pos, &line);
  sp = memchr(line, ' ', n);
  method = fz_strndup(line, (size_t)(sp - line));
  target = fz_strndup(sp + 1, n - (size_t)(sp + 1 - line));
  r = req_new(method, target);
  free(method);
  free(target);
  while (pos < size) {
    n = next_line(data, size, &pos, &line);
    if (n == 0)
      break;
    add_header(r, line, n);
  }
  if (pos < size)
    FZ_CHECK(buf_append(&r->body, data + pos, size - pos) == 0);
  return r;
}

/* ---- Channels --------------------------------------------------------- */

/* Answers to a send that classify() reads, by status. */
static const long fz_statuses[] = {
  0, 200, 201, 202, 400, 401, 403, 404, 429, 500, 503, 131, 999,
};
#define FZ_NSTATUSES (sizeof(fz_statuses) / sizeof(fz_statuses[0]))

/* What every adapter promises of one inbound message. */
static void
check_msg(const struct provider_ops *ops, const struct inbound_msg *m)
{
  FZ_CHECK(m->provider_id != NULL && m->provider_id[0] != '\0');
  FZ_CHECK(memchr(m->phone, '\0', PHONE_MAX) != NULL);
  FZ_CHECK(m->phone[0] == '+');
  FZ_CHECK(m->kind >= MSG_TEXT && m->kind <= MSG_UNSUPPORTED);
  FZ_CHECK(msg_kind_name(m->kind) != NULL);
  if (m->text != NULL)
    FZ_CHECK(fz_utf8_ok(m->text, strlen(m->text)));
  if (m->kind == MSG_MEDIA)
    FZ_CHECK(m->media_url != NULL || m->media_id != NULL);
  if (ops->family_of != NULL)
    FZ_CHECK(ops->family_of(m) != NULL);
}

/* Step 0 of a medium's download, as the evidence downloader asks it. */
static void
media_step0(const struct config_channel *ch, const struct provider_ops *ops,
            const struct inbound_msg *m)
{
  struct provider_request pr;
  int rc;

  if (ops->media_request == NULL || m->kind != MSG_MEDIA)
    return;
  memset(&pr, 0, sizeof(pr));
  rc = ops->media_request(ch, m, 0, NULL, 0, &pr);
  FZ_CHECK(rc <= 1);
  if (rc == 0)
    FZ_CHECK(pr.url != NULL && pr.method != NULL);
  provider_request_free(&pr);
}

/* Read the body as the answer of media step 0 (WhatsApp's media look-up). */
static void
media_step1(const struct config_channel *ch, const struct provider_ops *ops,
            const struct httpd_request *req)
{
  struct provider_request pr;
  struct inbound_msg m;
  char id[] = "1234567890123456";
  int rc;

  if (ops->media_request == NULL)
    return;
  memset(&m, 0, sizeof(m));
  m.kind = MSG_MEDIA;
  m.media_id = id;
  memcpy(m.phone, "+6281234567890", sizeof("+6281234567890"));
  memset(&pr, 0, sizeof(pr));
  rc = ops->media_request(ch, &m, 1, req->body.data, req->body.len, &pr);
  FZ_CHECK(rc <= 1);
  if (rc == 0)
    FZ_CHECK(pr.url != NULL && pr.method != NULL);
  provider_request_free(&pr);
}

/* Render the body, as reporter text, in every kind of send. */
static void
sends(const struct config *cfg, const struct config_channel *ch,
      const struct provider_ops *ops, const char *text)
{
  static const enum outbound_kind kinds[] = {OUT_TEXT, OUT_TEMPLATE,
                                             OUT_LIST, OUT_BUTTONS};
  struct outbound_option opts[3];
  const char *params[2];
  struct outbound_msg msg;
  struct provider_request pr;
  size_t i;
  int rc;

  if (ops->build_send == NULL)
    return;
  params[0] = text;
  params[1] = text;
  opts[0].id = "1";
  opts[0].title = text;
  opts[1].id = text;
  opts[1].title = "Batal";
  opts[2].id = "3";
  opts[2].title = text;
  for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
    memset(&msg, 0, sizeof(msg));
    msg.outbox_id = 42;
    msg.to = "+6281234567890";
    msg.kind = kinds[i];
    msg.text = text;
    msg.template_name = "status_laporan";
    msg.template_lang = "id";
    msg.template_params = params;
    msg.ntemplate_params = 2;
    msg.button_label = "Pilih";
    msg.options = opts;
    msg.noptions = 3;
    memset(&pr, 0, sizeof(pr));
    rc = ops->build_send(cfg, ch, &msg, &pr);
    if (rc == 0)
      FZ_CHECK(pr.url != NULL && pr.method != NULL);
    else
      FZ_CHECK(pr.url == NULL);
    provider_request_free(&pr);
  }
}

void
fz_channel(const struct config *cfg, const struct config_channel *ch,
           const uint8_t *data, size_t size, const char *default_target,
           const char *default_header)
{
  const struct provider_ops *ops = provider_for(ch->type);
  struct httpd_request *req;
  struct inbound_set set;
  struct send_result res;
  const char *why = NULL;
  char *body = NULL;
  int i, rc, status;

  FZ_CHECK(ops != NULL);
  req = fz_request(data, size, default_target, default_header);

  rc = ops->verify(cfg, ch, req);
  FZ_CHECK(rc == 0 || rc == AERR_AUTH);

  memset(&set, 0, sizeof(set));
  rc = ops->parse(ch, req, &set, &why);
  if (rc != 0) {
    FZ_CHECK(why != NULL && why[0] != '\0');
  } else {
    for (i = 0; i < set.n; i++) {
      check_msg(ops, &set.msgs[i]);
      media_step0(ch, ops, &set.msgs[i]);
    }
    for (i = 0; i < set.nstatuses; i++) {
      FZ_CHECK(set.statuses[i].provider_id != NULL);
      FZ_CHECK(delivery_name(set.statuses[i].status) != NULL);
    }
  }
  inbound_set_free(&set);

  if (ops->handshake != NULL) {
    status = ops->handshake(ch, req, &body);
    FZ_CHECK(status >= 100 && status <= 599);
    free(body);
  }

  if (ops->classify != NULL) {
    memset(&res, 0, sizeof(res));
    ops->classify(ch, fz_statuses[size % FZ_NSTATUSES],
                  httpd_header(req, "Retry-After"), req->body.data,
                  req->body.len, &res);
    FZ_CHECK(res.outcome >= SEND_OK && res.outcome <= SEND_TEMPLATE);
    FZ_CHECK(res.retry_after_ms >= 0);
    send_result_free(&res);
  }

  media_step1(ch, ops, req);
  sends(cfg, ch, ops, req->body.data);
  fz_request_free(req);
}
