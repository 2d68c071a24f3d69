/*
 * server.c: the life of one aduand (see server.h): set-up, signals, the
 * group-commit hook, reload, and a graceful stop.
 */
#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <errno.h>

#include "admin.h"
#include "curlev.h"
#include "err.h"
#include "evidence.h"
#include "log.h"
#include "metrics.h"
#include "sdnotify.h"

static int64_t
wall_clock(void)
{
  struct timeval tv;

  gettimeofday(&tv, NULL);
  return (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

/*
 * The server's clock.  For tests of idle expiry, the environment variable
 * ADUAN_CLOCK_OFFSET_FILE may name a file holding a number of milliseconds
 * to add: the daemon then lives that far in the future without anyone
 * waiting for it.
 */
int64_t
server_now(const struct server *s)
{
  int64_t now = s->clock();
  char buf[32];
  FILE *f;

  if (s->clock_offset_file == NULL)
    return now;
  f = fopen(s->clock_offset_file, "r");
  if (f == NULL)
    return now;
  if (fgets(buf, sizeof(buf), f) != NULL)
    now += strtoll(buf, NULL, 10);
  fclose(f);
  return now;
}

static void
httpd_opts_from(const struct config *cfg, struct httpd_opts *o)
{
  httpd_opts_default(o);
  o->max_body = cfg->server.max_body;
  o->max_connections = cfg->server.max_connections;
  o->header_timeout_ms = cfg->server.header_timeout_ms;
  o->idle_timeout_ms = cfg->server.idle_timeout_ms;
}

int
server_init(struct server *s, uv_loop_t *loop, struct config *cfg,
            char *err, size_t errlen)
{
  struct store_opts so = {0};
  struct httpd_opts ho;
  struct diag d;
  int rc;

  memset(s, 0, sizeof(*s));
  s->loop = loop;
  s->cfg = cfg;
  s->clock = wall_clock;
  if (getenv("ADUAN_CLOCK_OFFSET_FILE") != NULL)
    s->clock_offset_file = strdup(getenv("ADUAN_CLOCK_OFFSET_FILE"));
  log_setup(cfg->log.level, cfg->log.text);

  so.backend = "sqlite";
  so.path = cfg->storage.path;
  so.busy_timeout_ms = cfg->storage.busy_timeout_ms;
  rc = store_open(&s->store, &so, err, errlen);
  if (rc != 0)
    goto err;
  diag_init(&d);
  rc = conv_new(&s->conv, cfg, &d);
  if (rc != 0) {
    /* The first problem is enough for the log line; -t lists them all. */
    const char *first = d.text.data ? d.text.data : err_str(rc);
    const char *nl = strchr(first, '\n');
    snprintf(err, errlen, "message catalogue: %.*s",
             nl ? (int)(nl - first) : (int)strlen(first), first);
    diag_free(&d);
    goto err;
  }
  diag_free(&d);
  rc = conv_load_open_tickets(s->conv, s->store);
  if (rc != 0) {
    snprintf(err, errlen, "cannot read open tickets: %s",
             store_errmsg(s->store));
    goto err;
  }
  httpd_opts_from(cfg, &ho);
  rc = httpd_new(&s->httpd, loop, &ho, webhook_handle, s);
  if (rc != 0) {
    snprintf(err, errlen, "cannot start the HTTP server: %s", err_str(rc));
    goto err;
  }
  rc = metrics_new(&s->metrics);
  if (rc == 0)
    rc = httpd_new(&s->admin, loop, &ho, admin_handle, s);
  if (rc == 0)
    rc = curlev_new(&s->curl, loop);
  if (rc == 0)
    rc = outbox_new(&s->outbox, s, s->curl);
  if (rc == 0)
    rc = evidence_new(&s->evidence, s, s->curl);
  if (rc != 0) {
    snprintf(err, errlen, "cannot start the sender: %s", err_str(rc));
    goto err_httpd;
  }
  return 0;

err_httpd:
  /* Nothing was started on the loop yet; closing needs one turn. */
  if (s->outbox != NULL)
    outbox_close(s->outbox, NULL, NULL);
  if (s->curl != NULL)
    curlev_close(s->curl, NULL, NULL);
  if (s->admin != NULL)
    httpd_close(s->admin, NULL, NULL);
  httpd_close(s->httpd, NULL, NULL);
  metrics_free(s->metrics);
  uv_run(loop, UV_RUN_DEFAULT);

err:
  free(s->clock_offset_file);
  conv_free(s->conv);
  store_close(s->store);
  config_free(cfg);
  memset(s, 0, sizeof(*s));
  return rc;
}

/* 1 when nothing received is left to answer and no client is left
 * mid-request: a stop may finish. */
static int
server_drained(const struct server *s)
{
  return httpd_inflight(s->httpd) == 0 && httpd_connections(s->httpd) == 0 &&
         httpd_inflight(s->admin) == 0 && httpd_connections(s->admin) == 0 &&
         s->wait_head == NULL && outbox_inflight(s->outbox) == 0 &&
         evidence_inflight(s->evidence) == 0;
}

static void
on_commit(uv_prepare_t *h)
{
  struct server *s = h->data;

  webhook_commit(s);
  if (s->stopping && !s->closing && server_drained(s))
    server_stop(s);
}

static void
on_signal(uv_signal_t *h, int signum)
{
  struct server *s = h->data;

  if (signum == SIGHUP) {
    server_reload(s);
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

  uv_prepare_init(s->loop, &s->commit);
  s->commit.data = s;
  uv_prepare_start(&s->commit, on_commit);
  uv_signal_init(s->loop, &s->sig_term);
  uv_signal_init(s->loop, &s->sig_int);
  uv_signal_init(s->loop, &s->sig_hup);
  uv_timer_init(s->loop, &s->stop_timer);
  uv_timer_init(s->loop, &s->watchdog);
  s->sig_term.data = s->sig_int.data = s->sig_hup.data = s;
  s->stop_timer.data = s;
  s->watchdog.data = s;
  s->handles_open = 6;
  uv_signal_start(&s->sig_term, on_signal, SIGTERM);
  uv_signal_start(&s->sig_int, on_signal, SIGINT);
  uv_signal_start(&s->sig_hup, on_signal, SIGHUP);
  rc = outbox_start(s->outbox);
  if (rc != 0) {
    snprintf(err, errlen, "cannot resume the outbox: %s",
             store_errmsg(s->store));
    return rc;
  }
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
  {
    uint64_t wd = sdnotify_watchdog_ms();
    if (wd > 0)
      uv_timer_start(&s->watchdog, on_watchdog, wd / 2, wd / 2);
  }
  sdnotify_send("READY=1\nSTATUS=serving");
  {
    const char *h = s->cfg->server.listen_host;
    int v6 = strchr(h, ':') != NULL;
    char q[LOG_QUOTE_LEN];
    log_info("event=server.ready listen=%s%s%s:%d version=%s schema=%d "
             "channels=%d db=%s", v6 ? "[" : "", h, v6 ? "]" : "",
             httpd_port(s->httpd), ADUAN_VERSION, version,
             s->cfg->nchannels,
             log_quote(s->cfg->storage.path, q, sizeof(q)));
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
  s->handles_open += 4;
  httpd_close(s->admin, on_part_closed, s);
  unlink(s->cfg->admin.socket);
  s->admin = NULL;
  curlev_close(s->curl, on_part_closed, s);
  s->curl = NULL;
  outbox_close(s->outbox, on_part_closed, s);
  s->outbox = NULL;
  evidence_close(s->evidence, on_part_closed, s);
  s->evidence = NULL;
  uv_close((uv_handle_t *)&s->commit, on_handle_closed);
  uv_close((uv_handle_t *)&s->sig_term, on_handle_closed);
  uv_close((uv_handle_t *)&s->sig_int, on_handle_closed);
  uv_close((uv_handle_t *)&s->sig_hup, on_handle_closed);
  uv_close((uv_handle_t *)&s->stop_timer, on_handle_closed);
  uv_close((uv_handle_t *)&s->watchdog, on_handle_closed);
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
    uv_timer_start(&s->stop_timer, on_stop_timeout,
                   s->cfg->server.shutdown_timeout_ms, 0);
  }
  if (s->stopping == 1 && !server_drained(s))
    return;
  s->closing = 1;
  uv_timer_stop(&s->stop_timer);
  webhook_commit(s);
  log_info("event=server.stopped requests=%llu",
           (unsigned long long)s->requests);
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

int
server_reload(struct server *s)
{
  struct config *next = NULL;
  struct diag d;
  struct httpd_opts ho;
  int rc;

  sdnotify_reloading();
  diag_init(&d);
  rc = config_load(s->cfg->path, &next, &d);
  if (rc == 0) {
    rc = conv_reload(s->conv, next, &d);
    if (rc != 0) {
      config_free(next);
      next = NULL;
    }
  }
  if (rc != 0) {
    diag_each(&d, log_refused, NULL);
    diag_free(&d);
    sdnotify_send("READY=1\nSTATUS=serving; the last reload was refused");
    return AERR_CONFIG;
  }
  diag_free(&d);
  diag_init(&d);
  if (config_restart_needed(s->cfg, next, &d) > 0) {
    diag_each(&d, log_restart_needed, NULL);
  }
  diag_free(&d);
  log_setup(next->log.level, next->log.text);
  httpd_opts_from(next, &ho);
  httpd_set_opts(s->httpd, &ho);
  httpd_set_opts(s->admin, &ho);
  config_free(s->cfg);
  s->cfg = next;
  log_info("event=config.reloaded channels=%d", next->nchannels);
  sdnotify_send("READY=1\nSTATUS=serving");
  return 0;
}

void
server_free(struct server *s)
{
  conv_free(s->conv);
  store_close(s->store);
  metrics_free(s->metrics);
  config_free(s->cfg);
  free(s->clock_offset_file);
  memset(s, 0, sizeof(*s));
}
