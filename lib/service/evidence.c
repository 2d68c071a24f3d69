/*
 * evidence.c: the evidence downloader (see evidence.h).
 *
 * A download may take several requests (WhatsApp: the media id is looked
 * up first, then the file is fetched from the URL that look-up gave).
 * Every response is streamed to a temporary file while its digest is
 * computed and its first bytes kept; the provider adapter then says, from
 * those bytes, whether another request follows (media_request returns 0)
 * or the response just received was the file itself (it returns 1).  A
 * finished file is renamed to its SHA-256 in hex, so the same photo sent
 * twice is stored once and a file's name proves its content.
 */
#include "service/evidence.h"

#include <curl/curl.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/clock.h"
#include "io/commit.h"
#include "conf/config.h"
#include "base/crypto.h"
#include "io/curlev.h"
#include "base/err.h"
#include "io/fetchguard.h"
#include "io/request.h"
#include "base/log.h"
#include "provider/provider.h"
#include "store/store.h"
#include "service/svc.h"

#define EVIDENCE_CONCURRENCY 4
#define EVIDENCE_KEEP 65536           /* bytes of a response kept in memory */
#define EVIDENCE_STEPS 4              /* requests one download may take */
#define EVIDENCE_IDLE_POLL_MS 30000
#define EVIDENCE_BACKOFF_MS 1000
#define EVIDENCE_TAKE 256             /* deleted rows taken per commit */

struct evidence {
  const struct svc *ctx;
  struct curlev *cv;
  uv_timer_t timer;
  int inflight;
  int paused;
  struct dl *busy[EVIDENCE_CONCURRENCY];  /* downloads running */
  int dropped;                         /* rows were deleted: take the queue */
  int64_t soonest;                     /* earliest retry set, or 0 */
  void (*close_cb)(void *arg);
  void *close_arg;
};

struct dl {
  struct evidence *ev;
  int64_t id;
  char channel[64];
  char *source;
  char *mime;
  int attempts;
  int claim;                          /* the row's attempts at the start */
  int64_t received_at;
  int step;
  CURL *easy;                         /* the request running */
  struct provider_request req;
  struct curl_slist *headers;
  struct buf keep;                    /* the response's first bytes */
  int fd;                             /* the temporary file */
  char tmp[4096];
  struct crypto_sha256 *sha;
  int64_t size;
  int too_big;
  char ctype[128];
  struct fetchguard guard;            /* which addresses it may reach */
};

static void poll_now(struct evidence *ev);
static int step_start(struct dl *d);
static void take_dropped(struct evidence *ev);
static void sweep(struct evidence *ev);

static void
on_timer(uv_timer_t *t)
{
  poll_now(t->data);
}

int
evidence_new(struct evidence **out, const struct svc *ctx, struct curlev *cv)
{
  struct evidence *ev = calloc(1, sizeof(*ev));

  *out = NULL;
  if (ev == NULL)
    return -ENOMEM;
  ev->ctx = ctx;
  ev->cv = cv;
  uv_timer_init(ctx->loop, &ev->timer);
  ev->timer.data = ev;
  *out = ev;
  return 0;
}

/* mkdir -p with mode 0700 for what it creates. */
static int
make_dirs(const char *dir)
{
  char path[4096];
  size_t i, n = strlen(dir);

  if (n == 0 || n >= sizeof(path))
    return -ENAMETOOLONG;
  memcpy(path, dir, n + 1);
  for (i = 1; i <= n; i++) {
    if (path[i] != '/' && path[i] != '\0')
      continue;
    path[i] = '\0';
    if (mkdir(path, 0700) != 0 && errno != EEXIST)
      return -errno;
    path[i] = dir[i];
  }
  return 0;
}

int
evidence_start(struct evidence *ev)
{
  int rc = make_dirs(ev->ctx->cfg->evidence.dir);

  if (rc != 0)
    return rc;
  sweep(ev);
  evidence_dropped(ev);
  return 0;
}

void
evidence_kick(struct evidence *ev)
{
  if (!ev->paused)
    uv_timer_start(&ev->timer, on_timer, 0, 0);
}

int
evidence_inflight(const struct evidence *ev)
{
  return ev->inflight;
}

void
evidence_pause(struct evidence *ev)
{
  ev->paused = 1;
  uv_timer_stop(&ev->timer);
}

static void
on_closed(uv_handle_t *h)
{
  struct evidence *ev = h->data;
  void (*cb)(void *) = ev->close_cb;
  void *arg = ev->close_arg;

  free(ev);
  if (cb != NULL)
    cb(arg);
}

void
evidence_close(struct evidence *ev, void (*cb)(void *arg), void *arg)
{
  ev->paused = 1;
  ev->close_cb = cb;
  ev->close_arg = arg;
  uv_timer_stop(&ev->timer);
  /* Records still waiting for their batch are settled now, while ev is
   * there to hear it. */
  commit_now(ev->ctx->commit);
  uv_close((uv_handle_t *)&ev->timer, on_closed);
}

/* ---- One download ---------------------------------------------------- */

static void
dl_reset_body(struct dl *d)
{
  if (d->fd >= 0) {
    close(d->fd);
    unlink(d->tmp);
    d->fd = -1;
  }
  crypto_sha256_free(d->sha);
  d->sha = NULL;
  buf_reset(&d->keep);
  d->size = 0;
  d->ctype[0] = '\0';
}

static void
dl_free(struct dl *d)
{
  struct evidence *ev = d->ev;
  int i;

  dl_reset_body(d);
  provider_request_free(&d->req);
  curl_slist_free_all(d->headers);
  buf_free(&d->keep);
  for (i = 0; i < EVIDENCE_CONCURRENCY; i++)
    if (ev->busy[i] == d)
      ev->busy[i] = NULL;
  ev->inflight--;
  free(d->source);
  free(d->mime);
  free(d);
}

/* Move the finished temporary file to its digest's name.  0 or -errno. */
static int
dl_place(struct dl *d, const char *sha)
{
  char path[4200];

  snprintf(path, sizeof(path), "%s/%s", d->ev->ctx->cfg->evidence.dir, sha);
  if (rename(d->tmp, path) != 0)
    return -errno;
  return 0;
}

/* What dl_apply records, for its step. */
struct apply {
  struct dl *d;
  const struct store_evidence_outcome *o;
  const char *sha;
  int file_err;
};

static int
apply_step(struct store *st, void *arg)
{
  struct apply *a = arg;
  int rc = store_evidence_set(st, a->d->id, a->o);

  if (rc == 0 && a->sha != NULL)
    rc = a->file_err = dl_place(a->d, a->sha);
  return rc;
}

/* Put o into the row d was started for (see store_evidence_set), inside
 * the open batch; with sha set, the file gets its name in the same step,
 * so a row that no longer takes the outcome never gets a file.  0,
 * AERR_NOTFOUND, or the store's error; when the file cannot be named,
 * *file_err is set (-errno) and nothing is recorded. */
static int
dl_apply(struct dl *d, const struct store_evidence_outcome *o,
         const char *sha, int *file_err)
{
  struct apply a = {d, o, sha, 0};
  int rc = store_sp_run(d->ev->ctx->store, apply_step, &a);

  *file_err = a.file_err;
  return rc;
}

/* A log line that waits for its batch to be durable, so that it states
 * a fact; or, when that batch failed, the failure. */
struct note {
  int64_t id;
  enum log_level level;
  char line[384];
};

static void
on_noted(void *arg, int rc)
{
  struct note *n = arg;

  if (rc == 0)
    log_write(n->level, "%s", n->line);
  else
    log_error("event=evidence.record_failed id=%lld err=%s",
              (long long)n->id, err_name(rc));
  free(n);
}

/* Log o, recorded for d in the open batch, once that batch is durable.
 * (Out of memory: logged now.) */
static void
dl_note(const struct dl *d, const struct store_evidence_outcome *o,
        const char *sha, const char *error)
{
  const struct svc *s = d->ev->ctx;
  struct note *n = calloc(1, sizeof(*n));
  struct note now;
  char q[LOG_QUOTE_LEN];

  if (n == NULL)
    n = &now;
  n->id = d->id;
  n->level = LOG_INFO;
  if (strcmp(o->status, "stored") == 0) {
    snprintf(n->line, sizeof(n->line), "event=evidence.stored id=%lld "
             "channel=%s sha256=%s size=%lld", (long long)d->id, d->channel,
             sha, (long long)d->size);
  } else {
    n->level = LOG_WARN;
    snprintf(n->line, sizeof(n->line), "event=evidence.%s id=%lld "
             "channel=%s attempt=%d reason=%s",
             strcmp(o->status, "failed") == 0 ? "failed" : "retry",
             (long long)d->id, d->channel, o->attempts,
             log_quote(error ? error : "?", q, sizeof(q)));
  }
  if (n == &now || commit_after(s->commit, on_noted, n) != 0) {
    log_write(n->level, "%s", n->line);
    if (n != &now)
      free(n);
  }
}

/* Write the outcome and log it once committed.  For "stored" (sha set) the
 * temporary file becomes the file named sha.  When the row was dropped
 * while it was being fetched, the outcome goes nowhere and the file is
 * discarded. */
static void
dl_record(struct dl *d, const char *status, const char *error,
          const char *sha)
{
  const struct svc *s = d->ev->ctx;
  struct store_evidence_outcome o = {0};
  int rc, file_err;

  o.now = clock_now(s->clock);
  o.status = status;
  o.claim = d->claim;
  o.attempts = d->attempts + (strcmp(status, "stored") == 0 ? 0 : 1);
  o.last_error = error;
  o.sha256 = sha;
  o.path = sha;
  o.size = d->size;
  if (d->mime == NULL && d->ctype[0] != '\0')
    o.mime = d->ctype;
  if (strcmp(status, "pending") == 0) {
    int64_t delay = (int64_t)EVIDENCE_BACKOFF_MS << (o.attempts < 10 ?
                                                    o.attempts : 10);
    o.next_attempt_at = o.now + delay;
    if (o.now - d->received_at > (int64_t)s->cfg->evidence.retry_for_ms) {
      o.status = "failed";
      o.next_attempt_at = 0;
    } else if (d->ev->soonest == 0 || o.next_attempt_at < d->ev->soonest) {
      d->ev->soonest = o.next_attempt_at;
    }
  }
  rc = dl_apply(d, &o, sha, &file_err);
  if (rc == AERR_NOTFOUND) {
    if (sha != NULL)
      unlink(d->tmp);
    log_info("event=evidence.dropped id=%lld channel=%s reason=finished_late",
             (long long)d->id, d->channel);
    return;
  }
  if (file_err != 0) {
    /* The file could not be named: the row stays pending. */
    unlink(d->tmp);
    d->size = 0;
    dl_record(d, "pending", strerror(-file_err), NULL);
    return;
  }
  if (rc != 0) {
    log_error("event=evidence.record_failed id=%lld err=%s",
              (long long)d->id, err_name(rc));
    return;
  }
  dl_note(d, &o, sha, error);
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
  struct dl *d = arg;
  size_t len = size * n;
  const struct config *cfg = d->ev->ctx->cfg;

  if ((size_t)d->size + len > cfg->evidence.max_size) {
    d->too_big = 1;
    return 0;  /* curl stops the transfer */
  }
  if (d->keep.len < EVIDENCE_KEEP) {
    size_t room = EVIDENCE_KEEP - d->keep.len;
    buf_append(&d->keep, p, len < room ? len : room);
  }
  if (crypto_sha256_update(d->sha, p, len) != 0)
    return 0;
  while (len > 0) {
    ssize_t w = write(d->fd, p, len);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return 0;
    p += w;
    len -= (size_t)w;
    d->size += w;
  }
  return size * n;
}

static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
  struct dl *d = arg;

  request_header_value(p, size * n, "Content-Type:", ";", d->ctype,
                       sizeof(d->ctype));
  return size * n;
}

/* The file is complete: name it by its digest (see dl_record). */
static void
dl_finish(struct dl *d)
{
  unsigned char digest[CRYPTO_SHA256_LEN];
  char hex[2 * CRYPTO_SHA256_LEN + 1];
  int rc = crypto_sha256_end(d->sha, digest);

  d->sha = NULL;
  if (rc != 0 || fsync(d->fd) != 0) {
    dl_record(d, "pending", "cannot finish the file", NULL);
    return;
  }
  crypto_hex(digest, sizeof(digest), hex);
  close(d->fd);
  d->fd = -1;
  dl_record(d, "stored", NULL, hex);
}

/* 1 when no retry can make result succeed: the URL itself is wrong. */
static int
permanent_error(CURLcode result)
{
  return result == CURLE_UNSUPPORTED_PROTOCOL ||
         result == CURLE_URL_MALFORMAT;
}

/* When the transfer failed or was answered with other than 2xx, record
 * that (failed for good, or pending for a retry) and return 1; else 0. */
static int
record_failure(struct dl *d, CURLcode result, long status)
{
  const struct config *cfg = d->ev->ctx->cfg;
  char err[160];

  if (result != CURLE_OK && d->guard.refused > 0) {
    /* The URL leads somewhere downloads must not go: no retry helps. */
    d->attempts = cfg->outbox.max_attempts;
    dl_record(d, "failed", fetchguard_reason(&d->guard, err, sizeof(err)),
              NULL);
    return 1;
  }
  if (d->too_big || result == CURLE_FILESIZE_EXCEEDED) {
    snprintf(err, sizeof(err), "larger than %zu bytes",
             cfg->evidence.max_size);
    d->attempts = cfg->outbox.max_attempts;
    dl_record(d, "failed", err, NULL);
    return 1;
  }
  if (permanent_error(result)) {
    dl_record(d, "failed", curl_easy_strerror(result), NULL);
    return 1;
  }
  if (result != CURLE_OK || status < 200 || status > 299) {
    if (result != CURLE_OK)
      snprintf(err, sizeof(err), "%s", curl_easy_strerror(result));
    else
      snprintf(err, sizeof(err), "HTTP %ld", status);
    dl_record(d, "pending", err, NULL);
    return 1;
  }
  return 0;
}

static void
on_done(CURL *easy, CURLcode result, void *arg)
{
  struct dl *d = arg;
  struct evidence *ev = d->ev;
  const struct config_channel *ch;
  long status = 0;
  int rc;

  d->easy = NULL;
  if (result == CURLE_OK)
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(easy);
  curl_slist_free_all(d->headers);
  d->headers = NULL;
  provider_request_free(&d->req);
  if (result == CURLE_ABORTED_BY_CALLBACK) {
    dl_free(d);  /* closing: still pending, tried again at start */
    return;
  }
  if (record_failure(d, result, status))
    goto out;
  ch = config_channel(ev->ctx->cfg, d->channel);
  rc = 1;
  if (d->step + 1 < EVIDENCE_STEPS)
    rc = provider_media_request(ch, d->source, d->mime, d->step + 1,
                                d->keep.data ? d->keep.data : "",
                                d->keep.len, &d->req);
  if (rc == 1) {
    dl_finish(d);
  } else if (rc == 0) {
    d->step++;
    dl_reset_body(d);
    if (step_start(d) == 0)
      return;
    dl_record(d, "pending", "cannot start the next request", NULL);
  } else if (rc == AERR_DENIED) {
    /* The channel's credentials must not go where the media is. */
    d->attempts = ev->ctx->cfg->outbox.max_attempts;
    dl_record(d, "failed", d->req.refused ? d->req.refused : "not allowed",
              NULL);
  } else {
    dl_record(d, "pending", "unexpected answer from the provider", NULL);
  }
out:
  dl_free(d);
  evidence_kick(ev);
}

/* Start the request in d->req (already built). */
static int
step_start(struct dl *d)
{
  struct evidence *ev = d->ev;
  const struct config *cfg = ev->ctx->cfg;
  struct request_spec spec = {0};
  CURL *easy = NULL;

  snprintf(d->tmp, sizeof(d->tmp), "%s/.part-%lld-%d", cfg->evidence.dir,
           (long long)d->id, d->step);
  d->fd = open(d->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  d->sha = crypto_sha256_new();
  spec.method = "GET";
  spec.url = d->req.url;
  spec.headers = d->req.headers;
  spec.max_headers = (int)(sizeof(d->req.headers) /
                           sizeof(d->req.headers[0]));
  spec.userpwd = d->req.userpwd;
  spec.timeout_ms = (long)cfg->evidence.timeout_ms;
  spec.max_size = (curl_off_t)cfg->evidence.max_size;
  /* Twilio's media URLs answer with a redirect to the file. */
  spec.max_redirs = 3;
  spec.on_body = on_body;
  spec.on_header = on_header;
  spec.arg = d;
  if (d->fd >= 0 && d->sha != NULL)
    easy = request_easy(&spec, &d->headers);
  if (easy == NULL)
    return -ENOMEM;
  d->guard.allow_private = cfg->evidence.allow_private_addresses;
  if (fetchguard_apply(&d->guard, easy) != 0 ||
      curlev_add(ev->cv, easy, on_done, d) != 0) {
    curl_easy_cleanup(easy);
    return AERR_STATE;
  }
  d->easy = easy;
  return 0;
}

/* Begin downloading row r. */
static void
dl_begin(struct evidence *ev, struct store_evidence_row *r)
{
  const struct config_channel *ch = config_channel(ev->ctx->cfg, r->channel);
  struct dl *d = calloc(1, sizeof(*d));
  int i, rc;

  if (d == NULL)
    return;
  d->ev = ev;
  d->id = r->id;
  d->fd = -1;
  snprintf(d->channel, sizeof(d->channel), "%s", r->channel);
  d->source = r->source;
  d->mime = r->mime;
  r->source = r->mime = NULL;
  d->attempts = d->claim = r->attempts;
  d->received_at = r->received_at;
  buf_init(&d->keep, 0);
  ev->inflight++;
  for (i = 0; i < EVIDENCE_CONCURRENCY; i++)
    if (ev->busy[i] == NULL) {
      ev->busy[i] = d;
      break;
    }
  if (ch == NULL || d->source == NULL) {
    d->attempts = ev->ctx->cfg->outbox.max_attempts;
    dl_record(d, "failed", "channel or source unknown", NULL);
    dl_free(d);
    return;
  }
  /* The adapter knows whether source is a media id or a URL; a channel
   * without a media request (dev) has its URL fetched as it is. */
  rc = provider_media_request(ch, d->source, d->mime, 0, NULL, 0, &d->req);
  if (rc == 0)
    rc = step_start(d);
  if (rc != 0) {
    dl_record(d, "pending", "cannot start the download", NULL);
    dl_free(d);
  }
}

/* The download running for row id, or NULL. */
static struct dl *
busy_with(const struct evidence *ev, int64_t id)
{
  int i;

  for (i = 0; i < EVIDENCE_CONCURRENCY; i++)
    if (ev->busy[i] != NULL && ev->busy[i]->id == id)
      return ev->busy[i];
  return NULL;
}

/* ---- Rows that went ----------------------------------------------- */

/* Stop d, whose row was deleted: its outcome would go nowhere. */
static void
dl_cancel(struct dl *d)
{
  if (d->easy == NULL || curlev_remove(d->ev->cv, d->easy) != 0)
    return;  /* ending anyway: dl_record finds the row gone */
  curl_easy_cleanup(d->easy);
  d->easy = NULL;
  log_info("event=evidence.dropped id=%lld channel=%s reason=cancelled",
           (long long)d->id, d->channel);
  dl_free(d);  /* and its temporary file */
}

/* Remove the file named sha from the evidence folder. */
static void
unlink_file(struct evidence *ev, const char *sha, const char *why)
{
  char path[4200];

  snprintf(path, sizeof(path), "%s/%s", ev->ctx->cfg->evidence.dir, sha);
  if (unlink(path) == 0)
    log_info("event=evidence.removed sha256=%s reason=%s", sha, why);
  else if (errno != ENOENT)
    log_warn("event=evidence.remove_failed sha256=%s err=%s", sha,
             strerror(errno));
}

/* Deleted rows taken in the open batch, waiting for it to be durable. */
struct taken {
  struct evidence *ev;
  struct store_evidence_dropped *v;
  int n;
};

/* The batch that took t's rows is durable: stop their downloads, remove
 * their files, and take more if the queue may hold more. */
static void
on_taken(void *arg, int rc)
{
  struct taken *t = arg;
  struct dl *d;
  int i;

  if (rc != 0) {
    log_warn("event=evidence.take_dropped_failed err=%s", err_name(rc));
    t->ev->dropped = 1;  /* try again at the next poll */
  }
  for (i = 0; rc == 0 && i < t->n; i++) {
    if ((d = busy_with(t->ev, t->v[i].id)) != NULL)
      dl_cancel(d);
    if (t->v[i].sha256 != NULL)
      unlink_file(t->ev, t->v[i].sha256, "unreferenced");
  }
  if (rc == 0 && t->n == EVIDENCE_TAKE)
    take_dropped(t->ev);
  store_evidence_dropped_free(t->v, t->n);
  free(t);
}

/*
 * Take the queue of deleted rows (store_evidence_take_dropped): once the
 * batch that took it committed, stop the downloads of those rows and
 * remove the files no row refers to any more (on_taken).  A crash between
 * the commit and the unlink leaves a file without a row, which the sweep
 * at start-up removes; a file a row refers to is never removed.
 */
static void
take_dropped(struct evidence *ev)
{
  const struct svc *s = ev->ctx;
  struct taken *t = calloc(1, sizeof(*t));
  int rc = t != NULL ? 0 : -ENOMEM;

  if (rc == 0)
    rc = store_batch_begin(s->store);
  if (rc == 0) {
    t->ev = ev;
    t->n = EVIDENCE_TAKE;
    rc = store_evidence_take_dropped(s->store, EVIDENCE_TAKE, &t->v, &t->n);
  }
  if (rc == 0)
    rc = commit_after(s->commit, on_taken, t);
  if (rc != 0) {
    log_warn("event=evidence.take_dropped_failed err=%s", err_name(rc));
    if (t != NULL)
      store_evidence_dropped_free(t->v, t->n);
    free(t);
    ev->dropped = 1;  /* try again at the next poll */
  }
}

/* 1 when name is 64 lowercase hex digits: a stored file's name. */
static int
is_digest_name(const char *name)
{
  size_t i;

  for (i = 0; name[i] != '\0'; i++)
    if (!((name[i] >= '0' && name[i] <= '9') ||
          (name[i] >= 'a' && name[i] <= 'f')))
      return 0;
  return i == 2 * CRYPTO_SHA256_LEN;
}

/* At start-up, with nothing downloading: remove the temporary files of
 * downloads cut short, and the files no row refers to (left by a crash
 * between a commit and its unlink, or by an older aduand). */
static void
sweep(struct evidence *ev)
{
  const char *dir = ev->ctx->cfg->evidence.dir;
  DIR *dh = opendir(dir);
  struct dirent *e;
  char path[4200];
  int refs;

  if (dh == NULL) {
    log_warn("event=evidence.sweep_failed err=%s", strerror(errno));
    return;
  }
  while ((e = readdir(dh)) != NULL) {
    if (strncmp(e->d_name, ".part-", 6) == 0) {
      snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
      unlink(path);
    } else if (is_digest_name(e->d_name) &&
               store_evidence_referenced(ev->ctx->store, e->d_name,
                                         &refs) == 0 && refs == 0) {
      unlink_file(ev, e->d_name, "orphan");
    }
  }
  closedir(dh);
}

void
evidence_dropped(struct evidence *ev)
{
  ev->dropped = 1;
  evidence_kick(ev);
}

static void
poll_now(struct evidence *ev)
{
  const struct svc *s = ev->ctx;
  struct store_evidence_row *rows = NULL;
  int n = 0, i, room = EVIDENCE_CONCURRENCY - ev->inflight, rc;

  if (ev->paused)
    return;
  if (ev->dropped) {
    ev->dropped = 0;
    take_dropped(ev);
    room = EVIDENCE_CONCURRENCY - ev->inflight;
  }
  uv_timer_start(&ev->timer, on_timer, EVIDENCE_IDLE_POLL_MS, 0);
  if (room <= 0)
    return;
  /* Rows being fetched are still "pending": ask for enough to skip them. */
  rc = store_evidence_due(s->store, clock_now(s->clock),
                          room + EVIDENCE_CONCURRENCY, &rows, &n);
  if (rc != 0) {
    log_warn("event=evidence.poll_failed err=%s", err_name(rc));
    return;
  }
  for (i = 0; i < n && ev->inflight < EVIDENCE_CONCURRENCY; i++)
    if (busy_with(ev, rows[i].id) == NULL)
      dl_begin(ev, &rows[i]);
  if (n > 0) {
    uv_timer_start(&ev->timer, on_timer, EVIDENCE_BACKOFF_MS, 0);
  } else if (ev->soonest != 0) {
    /* A retry is due later: wake for it. */
    int64_t now = clock_now(s->clock), wait = ev->soonest - now;
    ev->soonest = 0;
    if (wait < 0)
      wait = 0;
    if (wait < EVIDENCE_IDLE_POLL_MS)
      uv_timer_start(&ev->timer, on_timer, (uint64_t)wait + 1, 0);
  }
  store_evidence_rows_free(rows, n);
}
