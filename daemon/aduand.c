/*
 * aduand: the complaint-hotline gateway daemon.
 *
 * A thin main: read the command line, check or load the config, and run
 * one server on the default libuv loop until it stops.
 */
#include <curl/curl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uv.h>

#include "conf/config.h"
#include "engine/conv.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/log.h"
#include "ops/manual.h"
#include "server.h"

static void
usage(FILE *f)
{
  struct buf b = BUF_INIT;

  if (manpage_help(&manual_aduand, &b) == 0)
    fputs(b.data, f);
  buf_free(&b);
}

static void
print_diag(const char *entry, void *arg)
{
  (void)arg;
  fprintf(stderr, "%s\n", entry);
}

int
main(int argc, char **argv)
{
  const char *path = ADUAN_DEFAULT_CONFIG;
  struct config *cfg = NULL;
  struct server srv;
  struct diag d;
  char err[512];
  int opt, test = 0, rc;

  while ((opt = getopt(argc, argv, "c:tVh")) != -1) {
    switch (opt) {
    case 'c': path = optarg; break;
    case 't': test = 1; break;
    case 'V': printf("aduand %s\n", ADUAN_VERSION); return 0;
    case 'h': usage(stdout); return 0;
    default: usage(stderr); return 2;
    }
  }
  if (optind != argc) {
    usage(stderr);
    return 2;
  }

  diag_init(&d);
  rc = config_load(path, &cfg, &d);
  /* Without a channel there is nothing to serve: refuse, so that a
   * unit whose ExecStartPre runs -t waits until an admin adds one. */
  if (rc == 0 && cfg->nchannels == 0) {
    diag_error(&d, path, 0, "no channel configured: add a [channel.NAME] "
               "section (aduand.conf(5))");
    rc = -1;
  }
  if (rc == 0 && test) {
    /* The catalogue and lists are part of the configuration. */
    struct conv *cv = NULL;
    rc = conv_new(&cv, cfg, &d);
    conv_free(cv);
  }
  diag_each(&d, print_diag, NULL);
  diag_free(&d);
  if (rc != 0) {
    config_free(cfg);
    return 1;
  }
  if (test) {
    printf("configuration OK\n");
    config_free(cfg);
    return 0;
  }

  /* [log] file: from here on the log goes there instead of stderr. */
  rc = log_open(cfg->log.file);
  if (rc != 0) {
    char q[LOG_QUOTE_LEN];
    log_error("event=server.init_failed reason=\"cannot open the log file\" "
              "file=%s err=%s", log_quote(cfg->log.file, q, sizeof(q)),
              strerror(-rc));
    config_free(cfg);
    return 1;
  }
  signal(SIGPIPE, SIG_IGN);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  /* A test hook: a file whose number of ms the daemon's clock adds, so
   * that a test moves the daemon into the future (clock.h). */
  rc = server_init(&srv, uv_default_loop(), cfg,
                   getenv("ADUAN_CLOCK_OFFSET_FILE"), err, sizeof(err));
  if (rc != 0) {
    log_error("event=server.init_failed err=%s reason=\"%s\"", err_name(rc),
              err);
    /* server_init left nothing on the loop: release the loop's own
     * handles and curl's globals too, so that nothing is left behind. */
    uv_loop_close(uv_default_loop());
    curl_global_cleanup();
    return 1;
  }
  rc = server_start(&srv, err, sizeof(err));
  if (rc != 0) {
    log_error("event=server.start_failed reason=\"%s\"", err);
    server_stop(&srv);
    uv_run(uv_default_loop(), UV_RUN_DEFAULT);
    server_free(&srv);
    uv_loop_close(uv_default_loop());
    curl_global_cleanup();
    return 1;
  }
  uv_run(uv_default_loop(), UV_RUN_DEFAULT);
  server_free(&srv);
  rc = uv_loop_close(uv_default_loop());
  if (rc != 0)
    log_warn("event=server.loop_busy err=%s", uv_err_name(rc));
  curl_global_cleanup();
  return 0;
}
