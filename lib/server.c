/*
 * server.c: the life of one aduand (see server.h): set-up, signals, the
 * group commit's hooks, reload, the log file's reopening, and a graceful
 * stop.
 */
#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <errno.h>

#include "base/buf.h"
#include "base/crypto.h"
#include "io/curlev.h"
#include "base/err.h"
#include "service/evidence.h"
#include <http_parser.h>
#include "base/log.h"
#include "base/metrics.h"
#include "provider/provider.h"
#include "service/retention.h"
#include "io/sdnotify.h"
#include "service/sla.h"
#include "service/unconfirmed.h"

#define WEBHOOK_PREFIX "/webhook/"

/* The names of the files a reload reads again, as the config calls them. */
static const char *const file_keys[SERVER_NFILES] = {
  "conversation.catalog", "conversation.places", "conversation.lexicon",
  "conversation.allowlist", "conversation.stopwords", "ticket.holidays",
  "conversation.feasts", "conversation.threat_model",
};

static const char *
file_path(const struct config *cfg, int i)
{
  switch (i) {
  case 0: return cfg->conversation.catalog;
  case 1: return cfg->conversation.places;
  case 2: return cfg->conversation.lexicon;
  case 3: return cfg->conversation.allowlist;
  case 4: return cfg->conversation.stopwords;
  case 6: return cfg->conversation.feasts;
  case 7: return cfg->conversation.threat_model;
  default: return cfg->ticket.holidays;
  }
}

/* The SHA-256 of every file of cfg in out; a file that cannot be read
 * gets all zeros (it was read a moment ago, by the loader). */
static void
file_digests(const struct config *cfg,
             unsigned char out[SERVER_NFILES][CRYPTO_SHA256_LEN])
{
  char chunk[8192];
  int i;

  for (i = 0; i < SERVER_NFILES; i++) {
    const char *path = file_path(cfg, i);
    struct crypto_sha256 *h = crypto_sha256_new();
    FILE *f = path != NULL && h != NULL ? fopen(path, "rb") : NULL;
    size_t n;
    int rc = f != NULL ? 0 : -1;

    while (rc == 0) {
      n = fread(chunk, 1, sizeof(chunk), f);
      if (n == 0)
        break;
      rc = crypto_sha256_update(h, chunk, n);
    }
    if (f != NULL && ferror(f))
      rc = -1;
    if (rc == 0) {
      rc = crypto_sha256_end(h, out[i]);
      h = NULL;
    }
    crypto_sha256_free(h);
    if (rc != 0)
      memset(out[i], 0, CRYPTO_SHA256_LEN);
    if (f != NULL)
      fclose(f);
  }
}

static void
httpd_opts_from(const struct config *cfg, struct httpd_opts *o)
{
  httpd_opts_default(o);
  o->max_body = cfg->server.max_body;
  o->max_connections = cfg->server.max_connections;
  o->max_per_client = cfg->server.max_connections_per_client;
  o->header_timeout_ms = cfg->server.header_timeout_ms;
  o->idle_timeout_ms = cfg->server.idle_timeout_ms;
  o->body_timeout_ms = cfg->server.body_timeout_ms;
}

/* 1 when nothing received is left to answer and no client is left
 * mid-request: a stop may finish. */
static int
server_drained(const struct server *s)
{
  return httpd_inflight(s->httpd) == 0 && httpd_connections(s->httpd) == 0 &&
         httpd_inflight(s->admin) == 0 && httpd_connections(s->admin) == 0 &&
         commit_waiting(s->commit) == 0 && !commit_syncing(s->commit) &&
         outbox_inflight(s->outbox) == 0 &&
         evidence_inflight(s->evidence) == 0;
}

/* GET /healthz, on the public port and on the admin socket alike: 200
 * while the database answers. */
static void
serve_health(struct server *s, struct httpd_request *req)
{
  if (req->method != HTTP_GET && req->method != HTTP_HEAD) {
    httpd_respond(req, 405, "application/json", "Allow: GET, HEAD\r\n",
                  "{\"error\":\"method not allowed\"}", 30);
    return;
  }
  if (store_ping(s->store) != 0) {
    log_warn("event=health.fail req=%s", req->id);
    httpd_respond_error(req, 503, "database unavailable");
    return;
  }
  httpd_respond(req, 200, "application/json", NULL, "{\"status\":\"ok\"}",
                15);
}

/* The public port: health, the metrics when they are public, webhooks. */
static void
on_public_request(struct httpd_request *req, void *arg)
{
  struct server *s = arg;
  size_t plen = strlen(WEBHOOK_PREFIX);

  if (strcmp(req->path, "/healthz") == 0) {
    serve_health(s, req);
    return;
  }
  if (strcmp(req->path, "/metrics") == 0 && s->cfg->admin.metrics_public) {
    struct buf b = BUF_INIT;
    if (admin_metrics(&s->ops, &b) == 0)
      httpd_respond(req, 200, "text/plain; version=0.0.4; charset=utf-8",
                    NULL, b.data ? b.data : "", b.len);
    else
      httpd_respond_error(req, 503, "database unavailable");
    buf_free(&b);
    return;
  }
  if (strncmp(req->path, WEBHOOK_PREFIX, plen) == 0 &&
      req->path[plen] != '\0' && strchr(req->path + plen, '/') == NULL) {
    webhook_intake(&s->intake, req, req->path + plen);
    return;
  }
  httpd_respond_error(req, 404, "not found");
}

/* The admin socket: health as on the public port, the rest is admin.c's. */
static void
on_admin_request(struct httpd_request *req, void *arg)
{
  struct server *s = arg;

  if (strcmp(req->path, "/healthz") == 0) {
    serve_health(s, req);
    return;
  }
  admin_handle(req, &s->ops);
}

/* After each group commit that held: wake whoever has new work. */
static void
on_committed(void *arg, unsigned flags)
{
  struct server *s = arg;

  if ((flags & COMMIT_QUEUED) && s->outbox != NULL)
    outbox_kick(s->outbox);
  if ((flags & COMMIT_MEDIA) && s->evidence != NULL)
    evidence_kick(s->evidence);
  if ((flags & COMMIT_DROPPED) && s->evidence != NULL)
    evidence_dropped(s->evidence);
}

/* After each run of the group commit, just before the loop blocks: the
 * turn's log lines go out, and a stop may finish now. */
static void
on_commit_turn(void *arg)
{
  struct server *s = arg;

  log_flush();
  if (s->stopping && !s->closing && server_drained(s))
    server_stop(s);
}

/* The clock, the store, the conversation engine and the open tickets.
 * 0, or a code with a sentence in err (what was opened stays in s). */
static int
open_core(struct server *s, const char *clock_offset_file, char *err,
          size_t errlen)
{
  const struct config *cfg = s->cfg;
  struct store_opts so = {0};
  struct diag d;
  int rc;

  rc = clock_init(&s->clock, clock_offset_file);
  if (rc != 0) {
    snprintf(err, errlen, "out of memory");
    return rc;
  }
  so.backend = storage_backend_name(cfg->storage.backend);
  so.path = cfg->storage.path;
  so.conninfo = cfg->storage.postgres;
  so.instance = cfg->storage.instance;
  so.busy_timeout_ms = cfg->storage.busy_timeout_ms;
  so.caller_syncs = 1;  /* the group commit syncs, off the loop */
  rc = store_open(&s->store, &so, err, errlen);
  if (rc != 0)
    return rc;
  diag_init(&d);
  rc = conv_new(&s->conv, cfg, &d);
  if (rc != 0) {
    /* The first problem is enough for the log line; -t lists them all. */
    const char *first = d.text.data ? d.text.data : err_str(rc);
    const char *nl = strchr(first, '\n');
    snprintf(err, errlen, "message catalogue: %.*s",
             nl ? (int)(nl - first) : (int)strlen(first), first);
    diag_free(&d);
    return rc;
  }
  diag_free(&d);
  file_digests(cfg, s->file_sha);
  return 0;
}

/* The index of open tickets is built (from its thread): take it. */
static void
on_index_built(uv_async_t *a)
{
  struct server *s = a->data;

  conv_index_wait(s->conv);
}

static void
index_built_send(void *arg)
{
  struct server *s = arg;

  uv_async_send(&s->index_built);
}

/* The duplicate index starts building off the loop from what the
 * database holds now (conv.h: a duplicate check waits for it, if it
 * comes first).  0, or a code with a sentence in err. */
static int
start_index(struct server *s, char *err, size_t errlen)
{
  int rc;

  uv_async_init(s->loop, &s->index_built, on_index_built);
  s->index_built.data = s;
  s->index_building = 1;
  s->handles_open++;
  rc = conv_load_open_tickets_async(s->conv, s->store, index_built_send, s);
  if (rc != 0)
    snprintf(err, errlen, "cannot read open tickets: %s",
             store_errmsg(s->store));
  return rc;
}

/* The group commit, the service context and the services on it (the
 * admin API, the sender, the downloader, the purge, the timers).  0, or
 * the first constructor's code (what was made stays in s). */
static int
make_services(struct server *s, const struct httpd_opts *ho)
{
  int rc = metrics_new(&s->metrics);

  if (rc == 0)
    rc = commit_new(&s->commit, s->loop, s->store, s->metrics);
  if (rc == 0) {
    struct commit_hooks hooks = {on_committed, on_commit_turn, s};
    commit_set_hooks(s->commit, &hooks);
    s->ctx.loop = s->loop;
    s->ctx.cfg = s->cfg;
    s->ctx.store = s->store;
    s->ctx.metrics = s->metrics;
    s->ctx.clock = &s->clock;
    s->ctx.commit = s->commit;
  }
  if (rc == 0)
    rc = httpd_new(&s->admin, s->loop, ho, on_admin_request, s);
  /* The sends' connections and libcurl's work for them run on a thread
   * of their own, beside the loop that reads webhooks (curlev.h). */
  if (rc == 0)
    rc = curlev_new_thread(&s->curl, s->loop);
  if (rc == 0)
    rc = outbox_new(&s->outbox, &s->ctx, s->curl);
  /* Downloads get a connection cache of their own (fetchguard.h). */
  if (rc == 0)
    rc = curlev_new(&s->evidence_curl, s->loop);
  if (rc == 0)
    rc = evidence_new(&s->evidence, &s->ctx, s->evidence_curl);
  if (rc == 0)
    rc = retention_new(&s->retention, &s->ctx);
  if (rc == 0)
    rc = sla_new(&s->sla, &s->ctx, s->conv);
  if (rc == 0)
    rc = unconfirmed_new(&s->unconfirmed, &s->ctx);
  if (rc != 0)
    return rc;
  s->intake.ctx = &s->ctx;
  s->intake.conv = s->conv;
  s->intake.outbox = s->outbox;
  s->ops.ctx = &s->ctx;
  s->ops.conv = s->conv;
  s->ops.retention = s->retention;
  return 0;
}

/* Undo make_services and the public httpd.  Nothing was started on the
 * loop yet; closing needs one turn of it. */
static void
unmake_services(struct server *s)
{
  if (s->unconfirmed != NULL)
    unconfirmed_close(s->unconfirmed, NULL, NULL);
  if (s->sla != NULL)
    sla_close(s->sla, NULL, NULL);
  if (s->retention != NULL)
    retention_close(s->retention, NULL, NULL);
  if (s->evidence != NULL)
    evidence_close(s->evidence, NULL, NULL);
  if (s->outbox != NULL)
    outbox_close(s->outbox, NULL, NULL);
  if (s->curl != NULL)
    curlev_close(s->curl, NULL, NULL);
  if (s->evidence_curl != NULL)
    curlev_close(s->evidence_curl, NULL, NULL);
  if (s->admin != NULL)
    httpd_close(s->admin, NULL, NULL);
  if (s->commit != NULL)
    commit_close(s->commit, NULL, NULL);
  httpd_close(s->httpd, NULL, NULL);
  uv_run(s->loop, UV_RUN_DEFAULT);
  commit_free(s->commit);
  metrics_free(s->metrics);
}

int
server_init(struct server *s, uv_loop_t *loop, struct config *cfg,
            const char *clock_offset_file, char *err, size_t errlen)
{
  struct httpd_opts ho;
  int rc;

  memset(s, 0, sizeof(*s));
  s->loop = loop;
  s->cfg = cfg;
  log_setup(cfg->log.level, cfg->log.text);
  provider_prepare(cfg);

  rc = open_core(s, clock_offset_file, err, errlen);
  if (rc != 0)
    goto err;
  httpd_opts_from(cfg, &ho);
  rc = httpd_new(&s->httpd, loop, &ho, on_public_request, s);
  if (rc != 0) {
    snprintf(err, errlen, "cannot start the HTTP server: %s", err_str(rc));
    goto err;
  }
  rc = make_services(s, &ho);
  if (rc != 0) {
    snprintf(err, errlen, "cannot start the sender: %s", err_str(rc));
    unmake_services(s);
    goto err;
  }
  return 0;

err:
  clock_free(&s->clock);
  conv_free(s->conv);
  store_close(s->store);
  config_free(cfg);
  memset(s, 0, sizeof(*s));
  return rc;
}

/*
 * Open the log file again under its name (SIGUSR1): logrotate has moved
 * the old one away.  Without [log] file there is nothing to reopen.
 */
static void
reopen_log(struct server *s)
{
  char q[LOG_QUOTE_LEN];
  int rc;

  if (s->cfg->log.file == NULL) {
    log_info("event=log.reopened file=stderr");
    return;
  }
  rc = log_open(s->cfg->log.file);
  if (rc != 0) {
    log_error("event=log.reopen_failed file=%s err=%s",
              log_quote(s->cfg->log.file, q, sizeof(q)), strerror(-rc));
    return;
  }
  log_info("event=log.reopened file=%s",
           log_quote(s->cfg->log.file, q, sizeof(q)));
}

static void
on_signal(uv_signal_t *h, int signum)
{
  struct server *s = h->data;

  if (signum == SIGHUP) {
    server_reload(s);
    return;
  }
  if (signum == SIGUSR1) {
    reopen_log(s);
    return;
  }
  log_info("event=server.signal signal=%s",
           signum == SIGTERM ? "TERM" : "INT");
  server_stop(s);
}

static void
on_stop_timeout(uv_timer_t *h)
{
  struct server *s = h->data;

  log_warn("event=server.stop_timeout inflight=%d sending=%d fetching=%d",
           httpd_inflight(s->httpd), outbox_inflight(s->outbox),
           evidence_inflight(s->evidence));
  s->closing = 0;  /* let server_stop force the close */
  s->stopping = 2;
  server_stop(s);
}

/* Tell systemd the loop is alive; a stuck loop stops telling it. */
static void
on_watchdog(uv_timer_t *t)
{
  (void)t;
  sdnotify_send("WATCHDOG=1");
}

int
server_start(struct server *s, char *err, size_t errlen)
{
  int rc, version = 0;

  commit_start(s->commit);
  /* Log lines go out in one write per loop turn (on_commit_turn). */
  log_set_buffered(1);
  uv_signal_init(s->loop, &s->sig_term);
  uv_signal_init(s->loop, &s->sig_int);
  uv_signal_init(s->loop, &s->sig_hup);
  uv_signal_init(s->loop, &s->sig_usr1);
  uv_timer_init(s->loop, &s->stop_timer);
  uv_timer_init(s->loop, &s->watchdog);
  s->sig_term.data = s->sig_int.data = s->sig_hup.data = s;
  s->sig_usr1.data = s;
  s->stop_timer.data = s;
  s->watchdog.data = s;
  s->handles_open = 6;
  uv_signal_start(&s->sig_term, on_signal, SIGTERM);
  uv_signal_start(&s->sig_int, on_signal, SIGINT);
  uv_signal_start(&s->sig_hup, on_signal, SIGHUP);
  uv_signal_start(&s->sig_usr1, on_signal, SIGUSR1);
  rc = outbox_start(s->outbox);
  if (rc != 0) {
    snprintf(err, errlen, "cannot resume the outbox: %s",
             store_errmsg(s->store));
    return rc;
  }
  retention_start(s->retention);
  sla_start(s->sla);
  unconfirmed_start(s->unconfirmed);
  rc = evidence_start(s->evidence);
  if (rc != 0) {
    snprintf(err, errlen, "cannot make the evidence folder %s: %s",
             s->cfg->evidence.dir, strerror(-rc));
    return rc;
  }
  {
    /* The socket's folder (./var, /run/aduan) may not exist yet. */
    char dir[4096];
    char *slash;
    snprintf(dir, sizeof(dir), "%s", s->cfg->admin.socket);
    slash = strrchr(dir, '/');
    if (slash != NULL && slash != dir) {
      *slash = '\0';
      if (mkdir(dir, 0750) != 0 && errno != EEXIST)
        log_warn("event=admin.mkdir_failed dir=%s err=%s", dir,
                 strerror(errno));
    }
  }
  rc = httpd_listen_unix(s->admin, s->cfg->admin.socket,
                         s->cfg->admin.socket_mode);
  if (rc != 0) {
    snprintf(err, errlen, "cannot listen on the admin socket %s: %s",
             s->cfg->admin.socket, uv_strerror(rc));
    return rc;
  }
  rc = httpd_listen(s->httpd, s->cfg->server.listen_host,
                    s->cfg->server.listen_port);
  if (rc != 0) {
    snprintf(err, errlen, "cannot listen on %s: %s", s->cfg->server.listen,
             uv_strerror(rc));
    return rc;
  }
  store_schema_version(s->store, &version);
  rc = start_index(s, err, errlen);
  if (rc != 0)
    return rc;
  {
    uint64_t wd = sdnotify_watchdog_ms();
    if (wd > 0)
      uv_timer_start(&s->watchdog, on_watchdog, wd / 2, wd / 2);
  }
  sdnotify_send("READY=1\nSTATUS=serving");
  {
    const char *h = s->cfg->server.listen_host;
    int v6 = strchr(h, ':') != NULL;
    int pg = s->cfg->storage.backend == STORAGE_POSTGRES;
    char q[LOG_QUOTE_LEN];
    /* PostgreSQL's database is named by a secret: only the backend. */
    log_info("event=server.ready listen=%s%s%s:%d version=%s schema=%d "
             "channels=%d backend=%s%s%s", v6 ? "[" : "", h, v6 ? "]" : "",
             httpd_port(s->httpd), ADUAN_VERSION, version,
             s->cfg->nchannels, storage_backend_name(s->cfg->storage.backend),
             pg ? "" : " db=",
             pg ? "" : log_quote(s->cfg->storage.path, q, sizeof(q)));
  }
  return 0;
}

static void
on_handle_closed(uv_handle_t *h)
{
  struct server *s = h->data;

  s->handles_open--;
}

/* One of the parts with handles of their own has closed. */
static void
on_part_closed(void *arg)
{
  struct server *s = arg;

  s->handles_open--;
}

static void
on_httpd_closed(void *arg)
{
  struct server *s = arg;

  s->httpd = NULL;
  /* Sends still running are aborted; their rows stay "sending" and are
   * queued again at the next start. */
  s->handles_open += 9;
  httpd_close(s->admin, on_part_closed, s);
  unlink(s->cfg->admin.socket);
  s->admin = NULL;
  curlev_close(s->curl, on_part_closed, s);
  s->curl = NULL;
  curlev_close(s->evidence_curl, on_part_closed, s);
  s->evidence_curl = NULL;
  outbox_close(s->outbox, on_part_closed, s);
  s->outbox = NULL;
  evidence_close(s->evidence, on_part_closed, s);
  s->evidence = NULL;
  retention_close(s->retention, on_part_closed, s);
  s->retention = NULL;
  sla_close(s->sla, on_part_closed, s);
  s->sla = NULL;
  unconfirmed_close(s->unconfirmed, on_part_closed, s);
  s->unconfirmed = NULL;
  commit_close(s->commit, on_part_closed, s);
  uv_close((uv_handle_t *)&s->sig_term, on_handle_closed);
  uv_close((uv_handle_t *)&s->sig_int, on_handle_closed);
  uv_close((uv_handle_t *)&s->sig_hup, on_handle_closed);
  uv_close((uv_handle_t *)&s->sig_usr1, on_handle_closed);
  uv_close((uv_handle_t *)&s->stop_timer, on_handle_closed);
  uv_close((uv_handle_t *)&s->watchdog, on_handle_closed);
  if (s->index_building) {
    /* Its thread may still be about to wake the loop with it. */
    conv_index_wait(s->conv);
    uv_close((uv_handle_t *)&s->index_built, on_handle_closed);
    s->index_building = 0;
  }
}

/*
 * Stop accepting and arm the stop timer; once nothing is in flight (now,
 * or later from the commit hook, or when the timer fires) close every
 * handle, after which uv_run returns.  Safe to call repeatedly.
 */
void
server_stop(struct server *s)
{
  if (s->closing)
    return;
  if (!s->stopping) {
    s->stopping = 1;
    sdnotify_send("STOPPING=1");
    log_info("event=server.stopping inflight=%d", httpd_inflight(s->httpd));
    httpd_stop(s->httpd);
    httpd_stop(s->admin);
    outbox_pause(s->outbox);
    evidence_pause(s->evidence);
    retention_pause(s->retention);
    sla_pause(s->sla);
    unconfirmed_pause(s->unconfirmed);
    uv_timer_start(&s->stop_timer, on_stop_timeout,
                   s->cfg->server.shutdown_timeout_ms, 0);
  }
  if (s->stopping == 1 && !server_drained(s))
    return;
  s->closing = 1;
  log_set_buffered(0);  /* the last lines go out as they come */
  uv_timer_stop(&s->stop_timer);
  commit_now(s->commit);
  log_info("event=server.stopped requests=%llu",
           (unsigned long long)commit_answered(s->commit));
  httpd_close(s->httpd, on_httpd_closed, s);
}

/* One log line per diagnostic of a refused reload. */
static void
log_refused(const char *entry, void *arg)
{
  char q[LOG_QUOTE_LEN];

  (void)arg;
  log_error("event=config.reload_refused error=%s",
            log_quote(entry, q, sizeof(q)));
}

/* One log line per restart-only setting that a reload could not apply. */
static void
log_restart_needed(const char *entry, void *arg)
{
  char q[LOG_QUOTE_LEN];

  (void)arg;
  log_warn("event=config.restart_needed detail=%s",
           log_quote(entry, q, sizeof(q)));
}

/*
 * Point the log at next's [log] file when it differs from the running
 * one.  The line saying where the log goes is written to the old place
 * first, so that whoever follows it knows where to look.  When the new
 * file cannot be opened the log stays where it is and next says so.
 */
static void
move_log(struct server *s, struct config *next)
{
  const char *was = s->cfg->log.file, *to = next->log.file;
  char q[LOG_QUOTE_LEN];
  int rc;

  if ((was == NULL && to == NULL) ||
      (was != NULL && to != NULL && strcmp(was, to) == 0))
    return;
  log_info("event=log.moved file=%s",
           to != NULL ? log_quote(to, q, sizeof(q)) : "stderr");
  rc = log_open(to);
  if (rc == 0)
    return;
  log_error("event=log.open_failed file=%s err=%s",
            log_quote(to, q, sizeof(q)), strerror(-rc));
  free(next->log.file);
  next->log.file = was != NULL ? strdup(was) : NULL;
}

/* The names of the files whose digests differ between a and b (each
 * SERVER_NFILES digests in a row), space-separated into names. */
static void
files_changed(const unsigned char *a, const unsigned char *b,
              struct buf *names)
{
  int i;

  for (i = 0; i < SERVER_NFILES; i++)
    if (memcmp(a + i * CRYPTO_SHA256_LEN, b + i * CRYPTO_SHA256_LEN,
               CRYPTO_SHA256_LEN) != 0)
      buf_printf(names, "%s%s", names->len > 0 ? " " : "", file_keys[i]);
}

int
server_reload(struct server *s)
{
  unsigned char sha[SERVER_NFILES][CRYPTO_SHA256_LEN];
  struct buf changed = BUF_INIT, content = BUF_INIT;
  struct config *next = NULL;
  struct diag d, restart;
  struct httpd_opts ho;
  char q1[1024], q2[512];
  int rc;

  sdnotify_reloading();
  diag_init(&d);
  diag_init(&restart);
  rc = config_load(s->cfg->path, &next, &d);
  if (rc == 0) {
    /* What changed, named before the restart-only settings are put back
     * to their running values. */
    config_restart_needed(s->cfg, next, &restart);
    if (config_changes(s->cfg, next, &changed) < 0 ||
        config_keep_restart_only(next, s->cfg) != 0)
      rc = -ENOMEM;
    else if (config_check_exposure(next, &d) > 0)
      rc = AERR_CONFIG;   /* checked again with the listen kept running */
    else
      rc = conv_reload(s->conv, next, &d);
    if (rc == -ENOMEM)
      diag_error(&d, s->cfg->path, 0, "out of memory");
    if (rc != 0) {
      config_free(next);
      next = NULL;
    }
  }
  if (rc != 0) {
    diag_each(&d, log_refused, NULL);
    diag_free(&d);
    diag_free(&restart);
    buf_free(&changed);
    sdnotify_send("READY=1\nSTATUS=serving; the last reload was refused");
    return AERR_CONFIG;
  }
  diag_free(&d);
  diag_each(&restart, log_restart_needed, NULL);
  diag_free(&restart);
  file_digests(next, sha);
  files_changed(&s->file_sha[0][0], &sha[0][0], &content);
  memcpy(s->file_sha, sha, sizeof(sha));
  move_log(s, next);
  log_setup(next->log.level, next->log.text);
  httpd_opts_from(next, &ho);
  httpd_set_opts(s->httpd, &ho);
  httpd_set_opts(s->admin, &ho);
  provider_prepare(next);
  config_free(s->cfg);
  s->cfg = next;
  s->ctx.cfg = next;
  retention_reload(s->retention);
  sla_reload(s->sla);
  unconfirmed_reload(s->unconfirmed);
  log_info("event=config.reloaded channels=%d changed=%s content=%s",
           next->nchannels,
           log_quote(changed.len > 0 ? changed.data : "none", q1,
                     sizeof(q1)),
           log_quote(content.len > 0 ? content.data : "none", q2,
                     sizeof(q2)));
  buf_free(&changed);
  buf_free(&content);
  sdnotify_send("READY=1\nSTATUS=serving");
  return 0;
}

void
server_free(struct server *s)
{
  conv_free(s->conv);
  store_close(s->store);
  commit_free(s->commit);
  metrics_free(s->metrics);
  config_free(s->cfg);
  clock_free(&s->clock);
  memset(s, 0, sizeof(*s));
}
