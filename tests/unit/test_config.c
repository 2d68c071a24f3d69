/*
 * test_config.c: the config reader: the value parsers, every directive,
 * secret references, every error it reports (with file and line), and
 * the config files shipped in config/.
 *
 * Each test gets its own empty folder from the checked fixture and the
 * folder is removed when the test's process ends, pass or fail.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf/config.h"
#include "base/err.h"
#include "base/log.h"
#include "testutil.h"

static char *tdir;   /* this test's folder */

static void
remove_tdir(void)
{
  if (tdir != NULL) {
    tu_rmrf(tdir);
    free(tdir);
    tdir = NULL;
  }
}

/* Checked fixture: runs in the test's own process, so the exit handler
 * removes the folder even when an assertion ends the test early. */
static void
setup(void)
{
  tdir = tu_tmpdir();
  ck_assert_ptr_nonnull(tdir);
  atexit(remove_tdir);
}

static void
teardown(void)
{
  remove_tdir();
}

/* Write text to tdir/name with the given mode; returns the path. */
static char *
put_mode(const char *name, const char *text, mode_t mode)
{
  char *path = tu_path(tdir, name);

  ck_assert_ptr_nonnull(path);
  ck_assert_int_eq(tu_write_file(path, text), 0);
  ck_assert_int_eq(chmod(path, mode), 0);
  return path;
}

static char *
put(const char *name, const char *text)
{
  return put_mode(name, text, 0644);
}

/* Write n raw bytes (NULs included) to tdir/name; returns the path. */
static char *
put_bytes(const char *name, const char *data, size_t n)
{
  char *path = tu_path(tdir, name);
  FILE *f;

  ck_assert_ptr_nonnull(path);
  f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(data, 1, n, f), n);
  ck_assert_int_eq(fclose(f), 0);
  return path;
}

static void
make_dir(const char *name)
{
  char *path = tu_path(tdir, name);

  ck_assert_int_eq(mkdir(path, 0700), 0);
  free(path);
}

/* One load of a file written as tdir/x.conf. */
struct loaded {
  struct config *cfg;
  struct diag d;
  int rc;
};

/* The file is private to its owner, as a config holding literal secrets
 * must be; the tests of the warning for a readable one write their own. */
static void
load(struct loaded *l, const char *text)
{
  char *path = put_mode("x.conf", text, 0600);

  diag_init(&l->d);
  l->cfg = (struct config *)&l->d;  /* must be overwritten */
  l->rc = config_load(path, &l->cfg, &l->d);
  free(path);
}

static void
unload(struct loaded *l)
{
  config_free(l->cfg);
  diag_free(&l->d);
}

static const char *
dtext(const struct loaded *l)
{
  return l->d.text.data != NULL ? l->d.text.data : "";
}

/* Assert that the diagnostics hold "/x.conf:LINE: msg" (msg a prefix of
 * the entry's message when LINE > 0; the whole file when LINE is 0). */
static void
assert_diag(const struct loaded *l, int line, const char *msg)
{
  char want[512];

  if (line > 0)
    snprintf(want, sizeof(want), "/x.conf:%d: %s", line, msg);
  else
    snprintf(want, sizeof(want), "/x.conf: %s", msg);
  ck_assert_msg(strstr(dtext(l), want) != NULL, "want \"%s\" in:\n%s", want,
                dtext(l));
}

/* Load text and assert it fails with exactly one error, at line. */
static void
expect_error(const char *text, int line, const char *msg)
{
  struct loaded l;

  load(&l, text);
  ck_assert_msg(l.rc == AERR_CONFIG, "rc %d for:\n%s", l.rc, text);
  ck_assert_ptr_null(l.cfg);
  assert_diag(&l, line, msg);
  ck_assert_msg(l.d.errors == 1, "%d errors, want 1:\n%s", l.d.errors,
                dtext(&l));
  unload(&l);
}

/* Load text and assert it succeeds without errors. */
static void
expect_ok(struct loaded *l, const char *text)
{
  load(l, text);
  ck_assert_msg(l->rc == 0, "rc %d:\n%s", l->rc, dtext(l));
  ck_assert_ptr_nonnull(l->cfg);
  ck_assert_int_eq(l->d.errors, 0);
}

/* The real path of tdir joined to name, for comparing resolved paths. */
static char *
real_path(const char *name)
{
  char *real = realpath(tdir, NULL), *p;

  ck_assert_ptr_nonnull(real);
  p = tu_path(real, name);
  free(real);
  return p;
}

/* ---- Parsers ----------------------------------------------------------- */

START_TEST(duration_parser)
{
  static const struct {
    const char *s;
    int rc;
    uint64_t ms;
  } cases[] = {
    {"250ms", 0, 250},
    {"10s", 0, 10000},
    {"5m", 0, 300000},
    {"24h", 0, 86400000},
    {"7d", 0, 604800000},
    {"15", 0, 15000},
    {"0", 0, 0},
    {"0ms", 0, 0},
    {"007s", 0, 7000},
    {"18446744073709551615ms", 0, UINT64_MAX},
    {"213503982334d", 0, 213503982334ULL * 86400000ULL},
    {"213503982335d", AERR_RANGE, 0},
    {"18446744073709551615", AERR_RANGE, 0},
    {"18446744073709551616ms", AERR_RANGE, 0},
    {"99999999999999999999999s", AERR_RANGE, 0},
    {"", AERR_PARSE, 0},
    {"s", AERR_PARSE, 0},
    {"ms", AERR_PARSE, 0},
    {"10x", AERR_PARSE, 0},
    {"10S", AERR_PARSE, 0},
    {"10 s", AERR_PARSE, 0},
    {" 10s", AERR_PARSE, 0},
    {"10s ", AERR_PARSE, 0},
    {"-1s", AERR_PARSE, 0},
    {"+1s", AERR_PARSE, 0},
    {"1.5h", AERR_PARSE, 0},
    {"1h30m", AERR_PARSE, 0},
    {"99999999999999999999999x", AERR_PARSE, 0},
  };
  size_t i;

  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    uint64_t ms = 12345;
    int rc = config_parse_duration(cases[i].s, &ms);
    ck_assert_msg(rc == cases[i].rc, "\"%s\": rc %d, want %d", cases[i].s,
                  rc, cases[i].rc);
    if (cases[i].rc == 0)
      ck_assert_msg(ms == cases[i].ms, "\"%s\": %llu", cases[i].s,
                    (unsigned long long)ms);
    else
      ck_assert_msg(ms == 12345, "\"%s\": output changed on error",
                    cases[i].s);
  }
  ck_assert_int_eq(config_parse_duration(NULL, NULL), AERR_PARSE);
}
END_TEST

START_TEST(size_parser)
{
  static const struct {
    const char *s;
    int rc;
    uint64_t bytes;
  } cases[] = {
    {"512", 0, 512},
    {"64k", 0, 65536},
    {"256k", 0, 262144},
    {"256K", 0, 262144},
    {"1m", 0, 1048576},
    {"1M", 0, 1048576},
    {"0", 0, 0},
    {"", AERR_PARSE, 0},
    {"k", AERR_PARSE, 0},
    {"1g", AERR_PARSE, 0},
    {"1kb", AERR_PARSE, 0},
    {"1KiB", AERR_PARSE, 0},
    {"1 k", AERR_PARSE, 0},
    {"-1", AERR_PARSE, 0},
    {"1.5m", AERR_PARSE, 0},
    {"18446744073709551616", AERR_RANGE, 0},
    {"18014398509481984k", AERR_RANGE, 0},
    {"17592186044416m", AERR_RANGE, 0},
  };
  size_t i;

  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    size_t b = 777;
    int rc = config_parse_size(cases[i].s, &b);
    ck_assert_msg(rc == cases[i].rc, "\"%s\": rc %d, want %d", cases[i].s,
                  rc, cases[i].rc);
    if (cases[i].rc == 0)
      ck_assert_msg(b == cases[i].bytes, "\"%s\": %zu", cases[i].s, b);
    else
      ck_assert_msg(b == 777, "\"%s\": output changed on error", cases[i].s);
  }
#if SIZE_MAX == UINT64_MAX
  {
    size_t b = 0;
    ck_assert_int_eq(config_parse_size("18014398509481983k", &b), 0);
    ck_assert_uint_eq(b, SIZE_MAX - 1023);
    ck_assert_int_eq(config_parse_size("18446744073709551615", &b), 0);
    ck_assert_uint_eq(b, SIZE_MAX);
  }
#endif
}
END_TEST

START_TEST(bool_parser)
{
  static const char *const yes[] = {"yes", "true", "on", "1", "Yes", "TRUE"};
  static const char *const no[] = {"no", "false", "off", "0", "No", "OFF"};
  static const char *const bad[] = {"", "y", "n", "2", "maybe", "yes ",
                                    "enable", "01"};
  size_t i;
  int b;

  for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
    b = -1;
    ck_assert_int_eq(config_parse_bool(yes[i], &b), 0);
    ck_assert_int_eq(b, 1);
  }
  for (i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
    b = -1;
    ck_assert_int_eq(config_parse_bool(no[i], &b), 0);
    ck_assert_int_eq(b, 0);
  }
  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    b = -1;
    ck_assert_msg(config_parse_bool(bad[i], &b) == AERR_PARSE, "\"%s\"",
                  bad[i]);
    ck_assert_int_eq(b, -1);
  }
}
END_TEST

START_TEST(channel_type_names_round_trip)
{
  int t;

  for (t = 0; t < CHANNEL_TYPE_COUNT; t++) {
    const char *name = channel_type_name((enum channel_type)t);
    ck_assert_int_eq(channel_type_parse(name), t);
  }
  ck_assert_str_eq(channel_type_name(CHANNEL_WHATSAPP_CLOUD), "whatsapp_cloud");
  ck_assert_int_eq(channel_type_parse("kannel"), CHANNEL_KANNEL);
  ck_assert_int_eq(channel_type_parse("Kannel"), -1);
  ck_assert_int_eq(channel_type_parse("sms"), -1);
  ck_assert_int_eq(channel_type_parse(NULL), -1);
  ck_assert_str_eq(channel_type_name(CHANNEL_TYPE_COUNT), "?");
}
END_TEST

/* ---- Good paths -------------------------------------------------------- */

START_TEST(defaults_from_table)
{
  struct config *cfg = NULL;

  ck_assert_int_eq(config_defaults(&cfg), 0);
  ck_assert_ptr_nonnull(cfg);
  ck_assert_str_eq(cfg->server.listen, "127.0.0.1:8080");
  ck_assert_str_eq(cfg->server.listen_host, "127.0.0.1");
  ck_assert_int_eq(cfg->server.listen_port, 8080);
  ck_assert_ptr_null(cfg->server.public_url);
  ck_assert_uint_eq(cfg->server.max_body, 256 * 1024);
  ck_assert_int_eq(cfg->server.max_connections, 1024);
  ck_assert_uint_eq(cfg->server.header_timeout_ms, 10000);
  ck_assert_uint_eq(cfg->server.idle_timeout_ms, 60000);
  ck_assert_uint_eq(cfg->server.body_timeout_ms, 30000);
  ck_assert_int_eq(cfg->server.max_connections_per_client, 512);
  ck_assert_uint_eq(cfg->server.shutdown_timeout_ms, 10000);
  ck_assert_str_eq(cfg->storage.path, "var/aduan.db");
  ck_assert_uint_eq(cfg->storage.busy_timeout_ms, 5000);
  ck_assert_int_eq(cfg->log.level, LOG_INFO);
  ck_assert_int_eq(cfg->log.text, 0);
  ck_assert_int_eq(cfg->limits.messages_per_minute, 30);
  ck_assert_int_eq(cfg->limits.tickets_per_day, 5);
  ck_assert_str_eq(cfg->ticket.prefix, "NTT");
  ck_assert_str_eq(cfg->conversation.catalog, "messages.id.conf");
  ck_assert_uint_eq(cfg->conversation.draft_ttl_ms, 24ULL * 3600 * 1000);
  ck_assert_int_eq(cfg->nchannels, 0);
  ck_assert_ptr_null(cfg->channels);
  config_free(cfg);
  config_free(NULL);
}
END_TEST

START_TEST(every_key_read)
{
  static const char text[] =
    "# Every directive, in every form the reader takes.\n"
    "[server]\n"
    "listen = [::1]:9090   # IPv6, with a comment\n"
    "public_url = \"https://pengaduan.example.go.id/\"  # quoted\n"
    "max_body = 1m\n"
    "max_connections = 2000\n"
    "header_timeout = 2s\n"
    "idle_timeout = 5m\n"
    "shutdown_timeout = 0\n"
    "\n"
    "[storage]\n"
    "  path   =   db/aduan.db  \n"
    "busy_timeout = 1500ms\n"
    "[log]\n"
    "level = debug\n"
    "text = yes\n"
    "[limits]\n"
    "messages_per_minute = 0\n"
    "tickets_per_day = 100000\n"
    "[ticket]\n"
    "prefix = \"PGD2\"\n"
    "[conversation]\n"
    "catalog = /etc/aduan/messages.id.conf\n"
    "draft_ttl = 7d\n"
    "; a semicolon comment\n"
    "[channel.wa-1]\n"
    "type = whatsapp_cloud\n"
    "api_base = http://127.0.0.1:9999/v21.0/\n"
    "app_secret = appsec\n"
    "verify_token = \"has # hash and \\\"quotes\\\" and \\\\\"\n"
    "access_token = acc\n"
    "phone_number_id = 1234567890\n"
    "[channel.tw]\n"
    "type = twilio\n"
    "account_sid = AC123\n"
    "auth_token = authtok\n"
    "from = whatsapp:+6285137377763\n"
    "[ channel.sms_1 ]  # spaces inside the brackets\n"
    "type = kannel\n"
    "secret = kan#nel\n"
    "sendsms_url = http://127.0.0.1:13013/cgi-bin/sendsms?smsc=modem\n"
    "username = aduan\n"
    "password = pw\n"
    "from = 085137377763\n"
    "[channel.dev]\n"
    "token = t0k\n"
    "type = dev\n";
  struct loaded l;
  const struct config_channel *ch;
  char *want;

  expect_ok(&l, text);
  ck_assert_int_eq(l.d.warnings, 0);
  ck_assert_str_eq(l.cfg->server.listen, "[::1]:9090");
  ck_assert_str_eq(l.cfg->server.listen_host, "::1");
  ck_assert_int_eq(l.cfg->server.listen_port, 9090);
  ck_assert_str_eq(l.cfg->server.public_url, "https://pengaduan.example.go.id");
  ck_assert_uint_eq(l.cfg->server.max_body, 1048576);
  ck_assert_int_eq(l.cfg->server.max_connections, 2000);
  ck_assert_uint_eq(l.cfg->server.header_timeout_ms, 2000);
  ck_assert_uint_eq(l.cfg->server.idle_timeout_ms, 300000);
  ck_assert_uint_eq(l.cfg->server.shutdown_timeout_ms, 0);
  want = real_path("db/aduan.db");
  ck_assert_str_eq(l.cfg->storage.path, want);
  free(want);
  ck_assert_uint_eq(l.cfg->storage.busy_timeout_ms, 1500);
  ck_assert_int_eq(l.cfg->log.level, LOG_DEBUG);
  ck_assert_int_eq(l.cfg->log.text, 1);
  ck_assert_int_eq(l.cfg->limits.messages_per_minute, 0);
  ck_assert_int_eq(l.cfg->limits.tickets_per_day, 100000);
  ck_assert_str_eq(l.cfg->ticket.prefix, "PGD2");
  ck_assert_str_eq(l.cfg->conversation.catalog, "/etc/aduan/messages.id.conf");
  ck_assert_uint_eq(l.cfg->conversation.draft_ttl_ms, 7ULL * 86400 * 1000);
  ck_assert_int_eq(l.cfg->nchannels, 4);

  ch = config_channel(l.cfg, "wa-1");
  ck_assert_ptr_nonnull(ch);
  ck_assert_int_eq(ch->type, CHANNEL_WHATSAPP_CLOUD);
  ck_assert_int_eq(ch->line, 26);
  ck_assert_str_eq(ch->api_base, "http://127.0.0.1:9999/v21.0");
  ck_assert_str_eq(ch->app_secret, "appsec");
  ck_assert_str_eq(ch->verify_token, "has # hash and \"quotes\" and \\");
  ck_assert_str_eq(ch->access_token, "acc");
  ck_assert_str_eq(ch->phone_number_id, "1234567890");
  ck_assert_ptr_null(ch->token);

  ch = config_channel(l.cfg, "tw");
  ck_assert_ptr_nonnull(ch);
  ck_assert_int_eq(ch->type, CHANNEL_TWILIO);
  ck_assert_str_eq(ch->api_base, "https://api.twilio.com");
  ck_assert_str_eq(ch->account_sid, "AC123");
  ck_assert_str_eq(ch->auth_token, "authtok");
  ck_assert_str_eq(ch->from, "whatsapp:+6285137377763");

  ch = config_channel(l.cfg, "sms_1");
  ck_assert_ptr_nonnull(ch);
  ck_assert_int_eq(ch->type, CHANNEL_KANNEL);
  ck_assert_ptr_null(ch->api_base);
  ck_assert_str_eq(ch->secret, "kan#nel");
  ck_assert_str_eq(ch->sendsms_url,
                   "http://127.0.0.1:13013/cgi-bin/sendsms?smsc=modem");
  ck_assert_str_eq(ch->username, "aduan");
  ck_assert_str_eq(ch->password, "pw");
  ck_assert_str_eq(ch->from, "085137377763");

  ch = config_channel(l.cfg, "dev");
  ck_assert_ptr_nonnull(ch);
  ck_assert_int_eq(ch->type, CHANNEL_DEV);
  ck_assert_str_eq(ch->token, "t0k");
  ck_assert_ptr_null(ch->api_base);

  ck_assert_ptr_null(config_channel(l.cfg, "nope"));
  ck_assert_ptr_null(config_channel(l.cfg, "DEV"));
  unload(&l);
}
END_TEST

/* The per-client connection cap (0 turns it off) and the body deadline. */
START_TEST(connection_defence_keys_read)
{
  struct loaded l;

  expect_ok(&l, "[server]\nbody_timeout = 90s\n"
                "max_connections_per_client = 0\n");
  ck_assert_uint_eq(l.cfg->server.body_timeout_ms, 90000);
  ck_assert_int_eq(l.cfg->server.max_connections_per_client, 0);
  unload(&l);
  expect_error("[server]\nbody_timeout = 0\n", 2, "body_timeout: must be");
  expect_error("[server]\nmax_connections_per_client = -1\n", 2,
               "max_connections_per_client: must be");
}
END_TEST

START_TEST(whatsapp_default_api_base)
{
  struct loaded l;
  const struct config_channel *ch;

  expect_ok(&l, "[channel.wa]\ntype = whatsapp_cloud\napp_secret = a\n"
                "verify_token = v\naccess_token = t\nphone_number_id = 1\n");
  ch = config_channel(l.cfg, "wa");
  ck_assert_ptr_nonnull(ch);
  ck_assert_str_eq(ch->api_base, "https://graph.facebook.com/v21.0");
  unload(&l);
}
END_TEST

START_TEST(crlf_bom_and_comments)
{
  static const char text[] =
    "\xef\xbb\xbf# written on Windows\r\n"
    "[server]\r\n"
    "listen = localhost:0\r\n"
    "public_url = https://x.example/a#b   # '#' without a blank is kept\r\n"
    "\t# an indented comment\r\n"
    "max_body = 64K\r\n"
    "[ticket]\r\n"
    "prefix = ABC # comment after a value\r\n"
    "[channel.d]\r\n"
    "type = dev\r\n"
    "token = \"a b\"\r\n";
  struct loaded l;

  expect_ok(&l, text);
  ck_assert_str_eq(l.cfg->server.listen, "localhost:0");
  ck_assert_str_eq(l.cfg->server.listen_host, "127.0.0.1");
  ck_assert_int_eq(l.cfg->server.listen_port, 0);
  ck_assert_str_eq(l.cfg->server.public_url, "https://x.example/a#b");
  ck_assert_uint_eq(l.cfg->server.max_body, 65536);
  ck_assert_str_eq(l.cfg->ticket.prefix, "ABC");
  ck_assert_str_eq(config_channel(l.cfg, "d")->token, "a b");
  unload(&l);
}
END_TEST

START_TEST(empty_public_url_is_unset)
{
  struct loaded l;

  expect_ok(&l, "[server]\npublic_url =   # none\n[channel.d]\ntype = dev\n");
  ck_assert_ptr_null(l.cfg->server.public_url);
  unload(&l);
}
END_TEST

START_TEST(relative_paths_resolved)
{
  struct loaded l;
  char *want, *cwd;
  struct config *cfg = NULL;
  struct diag d;

  expect_ok(&l, "[channel.d]\ntype = dev\n");
  want = real_path("var/aduan.db");
  ck_assert_str_eq(l.cfg->storage.path, want);
  free(want);
  want = real_path("messages.id.conf");
  ck_assert_str_eq(l.cfg->conversation.catalog, want);
  free(want);
  want = realpath(tdir, NULL);
  ck_assert_str_eq(l.cfg->dir, want);
  ck_assert_str_eq(l.cfg->path + strlen(l.cfg->path) - 7, "/x.conf");
  unload(&l);

  /* A config named relative to the working folder resolves the same. */
  cwd = getcwd(NULL, 0);
  ck_assert_ptr_nonnull(cwd);
  ck_assert_int_eq(chdir(tdir), 0);
  diag_init(&d);
  ck_assert_int_eq(config_load("x.conf", &cfg, &d), 0);
  ck_assert_str_eq(cfg->path, "x.conf");
  ck_assert_str_eq(cfg->dir, want);
  ck_assert_int_eq(strncmp(cfg->storage.path, want, strlen(want)), 0);
  config_free(cfg);
  diag_free(&d);
  ck_assert_int_eq(chdir(cwd), 0);
  free(cwd);
  free(want);
}
END_TEST

START_TEST(source_config_loads)
{
  struct config *cfg = NULL;
  const struct config_channel *ch;
  struct diag d;

  diag_init(&d);
  ck_assert_msg(config_load(ADUAN_SOURCE_DIR "/config/aduand.conf", &cfg, &d)
                == 0, "%s", d.text.data);
  ck_assert_int_eq(d.errors, 0);
  ck_assert_int_eq(d.warnings, 0);
  ck_assert_str_eq(cfg->server.listen_host, "127.0.0.1");
  ck_assert_int_eq(cfg->server.listen_port, 8080);
  ck_assert_int_eq(cfg->log.level, LOG_INFO);
  ck_assert_ptr_nonnull(strstr(cfg->storage.path, "/var/aduan.db"));
  ck_assert_ptr_nonnull(strstr(cfg->conversation.catalog,
                               "/config/messages.id.conf"));
  ck_assert_int_eq(cfg->nchannels, 1);
  ch = config_channel(cfg, "dev");
  ck_assert_ptr_nonnull(ch);
  ck_assert_int_eq(ch->type, CHANNEL_DEV);
  config_free(cfg);
  diag_free(&d);
}
END_TEST

/* The keys SPEC §10 fixes, and the ones added since: none may vanish. */
static const char *const fixed_keys[] = {
  "listen", "public_url", "max_body", "max_connections", "header_timeout",
  "idle_timeout", "shutdown_timeout", "path", "busy_timeout", "level", "text",
  "messages_per_minute", "tickets_per_day", "prefix", "catalog", "draft_ttl",
  "type", "api_base", "token", "app_secret", "verify_token", "access_token",
  "phone_number_id", "account_sid", "auth_token", "from", "secret",
  "sendsms_url", "username", "password",
};

/* Copy the line at *p (without its newline, cut to fit) into buf and move
 * *p past it.  Returns 0 at the end of the text. */
static int
next_line(const char **p, char *buf, size_t len)
{
  const char *nl;
  size_t n;

  if (**p == '\0')
    return 0;
  nl = strchr(*p, '\n');
  n = nl != NULL ? (size_t)(nl - *p) : strlen(*p);
  snprintf(buf, len, "%.*s", (int)n, *p);
  *p += n + (nl != NULL ? 1 : 0);
  return 1;
}

/* 1 when text has a line "KEY = ..." or "#KEY = ...". */
static int
has_key_line(const char *text, const char *key)
{
  const char *p = text;
  size_t n = strlen(key);

  while (p != NULL && *p != '\0') {
    const char *s = p[0] == '#' ? p + 1 : p;
    if (strncmp(s, key, n) == 0 && strncmp(s + n, " = ", 3) == 0)
      return 1;
    p = strchr(p, '\n');
    if (p != NULL)
      p++;
  }
  return 0;
}

START_TEST(example_has_every_key)
{
  struct buf ex = BUF_INIT;
  char *file, line[512];
  const char *p;
  size_t i;
  int keys = 0;

  ck_assert_int_eq(config_example(&ex), 0);
  file = tu_read_file(ADUAN_SOURCE_DIR "/config/aduand.conf.example", NULL);
  ck_assert_ptr_nonnull(file);
  for (i = 0; i < sizeof(fixed_keys) / sizeof(fixed_keys[0]); i++)
    ck_assert_msg(has_key_line(ex.data, fixed_keys[i]),
                  "config_example() lacks %s", fixed_keys[i]);
  /* Every key the table renders must be in the shipped example. */
  p = ex.data;
  while (next_line(&p, line, sizeof(line))) {
    char *eq = strstr(line, " = ");
    const char *k = line[0] == '#' ? line + 1 : line;
    if (eq == NULL || strspn(k, "abcdefghijklmnopqrstuvwxyz_") !=
                          (size_t)(eq - k))
      continue;
    *eq = '\0';
    ck_assert_msg(has_key_line(file, k),
                  "config/aduand.conf.example lacks %s; regenerate it", k);
    keys++;
  }
  ck_assert_int_ge(keys, (int)(sizeof(fixed_keys) / sizeof(fixed_keys[0])));
  /* Each reload marker and each default appears with its key. */
  ck_assert_ptr_nonnull(strstr(file, "#max_body = 256k\n"));
  ck_assert_ptr_nonnull(strstr(file, "Default: 127.0.0.1:8080.  [restart]"));
  ck_assert_ptr_nonnull(strstr(file, "a size between 1k and 64m"));
  ck_assert_ptr_nonnull(strstr(file, "[reloadable]"));
  free(file);
  buf_free(&ex);
}
END_TEST

START_TEST(example_file_loads)
{
  struct config *cfg = NULL;
  struct diag d;

  diag_init(&d);
  ck_assert_msg(config_load(ADUAN_SOURCE_DIR "/config/aduand.conf.example",
                            &cfg, &d) == 0, "%s", d.text.data);
  ck_assert_int_eq(d.errors, 0);
  ck_assert_int_eq(cfg->nchannels, 0);
  ck_assert_ptr_nonnull(strstr(d.text.data, "no channels configured"));
  config_free(cfg);
  diag_free(&d);
}
END_TEST

/*
 * With every "#key = value" line of the rendered example switched on (and
 * its secrets provided), it still loads, gives the defaults, and holds
 * one channel of each type: the documented values are valid ones.
 */
START_TEST(example_uncommented_loads)
{
  struct buf ex = BUF_INIT, on = BUF_INIT;
  struct config *defs = NULL;
  char *creds, line[512];
  const char *p;
  struct loaded l;
  int t;

  ck_assert_int_eq(config_example(&ex), 0);
  p = ex.data;
  while (next_line(&p, line, sizeof(line))) {
    int on_ = line[0] == '#' &&
              (line[1] == '[' || (line[1] >= 'a' && line[1] <= 'z' &&
                                  strstr(line, " = ") != NULL));
    buf_puts(&on, line + on_);
    buf_puts(&on, "\n");
  }
  make_dir("secrets");
  free(put_mode("secrets/wa-access-token", "wa-token\n", 0600));
  free(put_mode("secrets/kannel-secret", "kannel\n", 0600));
  make_dir("creds");
  free(put_mode("creds/wa-app-secret", "app\n", 0400));
  free(put_mode("creds/twilio-auth-token", "tw\n", 0400));
  free(put_mode("creds/pg-conninfo", "host=db1 dbname=aduan\n", 0400));
  creds = tu_path(tdir, "creds");
  setenv("CREDENTIALS_DIRECTORY", creds, 1);
  setenv("ADUAN_DEV_TOKEN", "dev", 1);
  setenv("ADUAN_WA_VERIFY_TOKEN", "verify", 1);
  setenv("ADUAN_KANNEL_PASSWORD", "pw", 1);

  expect_ok(&l, on.data);
  ck_assert_int_eq(config_defaults(&defs), 0);
  ck_assert_uint_eq(l.cfg->server.max_body, defs->server.max_body);
  ck_assert_uint_eq(l.cfg->conversation.draft_ttl_ms,
                    defs->conversation.draft_ttl_ms);
  ck_assert_int_eq(l.cfg->limits.tickets_per_day, defs->limits.tickets_per_day);
  ck_assert_str_eq(l.cfg->ticket.prefix, defs->ticket.prefix);
  ck_assert_int_eq(l.cfg->nchannels, CHANNEL_TYPE_COUNT);
  for (t = 0; t < CHANNEL_TYPE_COUNT; t++)
    ck_assert_int_eq(l.cfg->channels[t].type, t);
  ck_assert_str_eq(config_channel(l.cfg, "wa")->access_token, "wa-token");
  ck_assert_str_eq(config_channel(l.cfg, "twilio")->auth_token, "tw");
  config_free(defs);
  unload(&l);
  free(creds);
  buf_free(&on);
  buf_free(&ex);
}
END_TEST

START_TEST(restart_needed_names_keys)
{
  struct loaded a, b;
  struct diag d;

  expect_ok(&a, "[server]\nlisten = 127.0.0.1:1\nmax_body = 1k\n"
                "[storage]\nbusy_timeout = 1s\n");
  expect_ok(&b, "[server]\nlisten = 127.0.0.1:2\nmax_body = 2k\n"
                "[storage]\nbusy_timeout = 2s\n[log]\nlevel = warn\n");
  diag_init(&d);
  ck_assert_int_eq(config_restart_needed(a.cfg, a.cfg, &d), 0);
  ck_assert_int_eq(d.warnings, 0);
  ck_assert_int_eq(config_restart_needed(a.cfg, b.cfg, &d), 2);
  ck_assert_int_eq(d.warnings, 2);
  ck_assert_ptr_nonnull(strstr(d.text.data, "[server] listen changed"));
  ck_assert_ptr_nonnull(strstr(d.text.data, "[storage] busy_timeout changed"));
  ck_assert_ptr_null(strstr(d.text.data, "max_body"));
  ck_assert_ptr_null(strstr(d.text.data, "level"));
  diag_free(&d);
  unload(&a);
  unload(&b);
}
END_TEST

START_TEST(changes_name_every_key)
{
  struct loaded a, b;
  struct buf names = BUF_INIT;

  expect_ok(&a, "[server]\nlisten = 127.0.0.1:1\nmax_body = 1k\n"
                "[conversation]\ncatalog = m.conf\n"
                "[channel.dev]\ntype = dev\n"
                "[channel.wa]\ntype = whatsapp_cloud\napp_secret = s1\n"
                "verify_token = v\naccess_token = a\n"
                "phone_number_id = 1\n");
  expect_ok(&b, "[server]\nlisten = 127.0.0.1:2\nmax_body = 1k\n"
                "[log]\nlevel = warn\nfile = aduand.log\n"
                "[conversation]\ncatalog = n.conf\n"
                "[channel.wa]\ntype = whatsapp_cloud\napp_secret = s2\n"
                "verify_token = v\naccess_token = a\n"
                "phone_number_id = 1\n"
                "[channel.sms]\ntype = kannel\nsecret = k\n"
                "sendsms_url = http://127.0.0.1:1/s\n");
  ck_assert_int_eq(config_changes(a.cfg, a.cfg, &names), 0);
  ck_assert_uint_eq(names.len, 0);
  ck_assert_int_eq(config_changes(a.cfg, b.cfg, &names), 7);
  ck_assert_str_eq(names.data, "server.listen log.level log.file "
                               "conversation.catalog channel.dev "
                               "channel.wa.app_secret channel.sms");
  /* Names only: never a value, since some are secrets. */
  ck_assert_ptr_null(strstr(names.data, "s2"));
  buf_free(&names);
  unload(&a);
  unload(&b);
}
END_TEST

START_TEST(keep_restart_only_restores_running_values)
{
  struct loaded a, b;
  char *real;

  expect_ok(&a, "[server]\nlisten = 127.0.0.1:1\n"
                "[storage]\npath = a.db\nbusy_timeout = 1s\n"
                "[admin]\nsocket = a.sock\nsocket_mode = 0600\n");
  expect_ok(&b, "[server]\nlisten = [::1]:2\nmax_body = 2k\n"
                "[storage]\npath = b.db\nbusy_timeout = 2s\n"
                "[admin]\nsocket = b.sock\nsocket_mode = 0666\n"
                "[log]\nlevel = warn\n");
  ck_assert_int_eq(config_keep_restart_only(b.cfg, a.cfg), 0);
  /* Nothing left that only a restart would apply... */
  ck_assert_int_eq(config_restart_needed(a.cfg, b.cfg, NULL), 0);
  ck_assert_str_eq(b.cfg->server.listen, "127.0.0.1:1");
  ck_assert_str_eq(b.cfg->server.listen_host, "127.0.0.1");
  ck_assert_int_eq(b.cfg->server.listen_port, 1);
  real = real_path("a.db");
  ck_assert_str_eq(b.cfg->storage.path, real);
  free(real);
  real = real_path("a.sock");
  ck_assert_str_eq(b.cfg->admin.socket, real);
  free(real);
  ck_assert_int_eq(b.cfg->admin.socket_mode, 0600);
  ck_assert_uint_eq(b.cfg->storage.busy_timeout_ms, 1000);
  /* ...and what a reload applies is the new value. */
  ck_assert_uint_eq(b.cfg->server.max_body, 2048);
  ck_assert_int_eq(b.cfg->log.level, LOG_WARN);
  unload(&a);
  unload(&b);
}
END_TEST

START_TEST(log_file_resolved_or_unset)
{
  struct loaded l;
  char *real;

  expect_ok(&l, "[log]\nfile = logs/aduand.log\n");
  real = real_path("logs/aduand.log");
  ck_assert_str_eq(l.cfg->log.file, real);
  free(real);
  unload(&l);
  expect_ok(&l, "[log]\nfile =\n");
  ck_assert_ptr_null(l.cfg->log.file);
  unload(&l);
  expect_ok(&l, "");
  ck_assert_ptr_null(l.cfg->log.file);
  unload(&l);
}
END_TEST

START_TEST(no_secrets_keeps_references)
{
  struct config *cfg = NULL;
  struct diag d;
  char *path;

  unsetenv("CREDENTIALS_DIRECTORY");
  unsetenv("ADUAN_NOT_SET");
  path = put("x.conf", "[admin]\nsocket = /run/aduan/admin.sock\n"
                       "[channel.wa]\ntype = whatsapp_cloud\n"
                       "app_secret = credential:wa-app-secret\n"
                       "verify_token = env:ADUAN_NOT_SET\n"
                       "access_token = file:/nonexistent/token\n"
                       "phone_number_id = 1\n");
  /* The daemon cannot start on it here... */
  diag_init(&d);
  ck_assert_int_eq(config_load(path, &cfg, &d), AERR_CONFIG);
  ck_assert_int_eq(d.errors, 3);
  diag_free(&d);
  /* ...but aduanctl finds its socket in it. */
  diag_init(&d);
  ck_assert_int_eq(config_load_flags(path, CONFIG_NO_SECRETS, &cfg, &d), 0);
  ck_assert_int_eq(d.errors, 0);
  ck_assert_str_eq(cfg->admin.socket, "/run/aduan/admin.sock");
  ck_assert_str_eq(cfg->channels[0].app_secret, "credential:wa-app-secret");
  ck_assert_str_eq(cfg->channels[0].verify_token, "env:ADUAN_NOT_SET");
  config_free(cfg);
  diag_free(&d);
  free(path);
}
END_TEST

START_TEST(no_channels_warns)
{
  struct loaded l;

  expect_ok(&l, "[server]\nlisten = 127.0.0.1:1\n");
  ck_assert_int_eq(l.cfg->nchannels, 0);
  ck_assert_int_eq(l.d.warnings, 1);
  assert_diag(&l, 0, "warning: no channels configured");
  unload(&l);

  expect_ok(&l, "");
  ck_assert_int_eq(l.d.warnings, 1);
  unload(&l);
}
END_TEST

START_TEST(twilio_without_public_url_warns)
{
  struct loaded l;

  expect_ok(&l, "[channel.tw]\ntype = twilio\naccount_sid = AC1\n"
                "auth_token = t\nfrom = +621\n");
  ck_assert_int_eq(l.d.warnings, 1);
  assert_diag(&l, 1, "warning: [channel.tw]: [server] public_url is not set");
  unload(&l);
}
END_TEST

START_TEST(null_diag_accepted)
{
  struct config *cfg = (struct config *)&cfg;
  char *path = put("x.conf", "[server]\nbogus = 1\n");

  ck_assert_int_eq(config_load(path, &cfg, NULL), AERR_CONFIG);
  ck_assert_ptr_null(cfg);
  free(path);
}
END_TEST

/* ---- Errors ------------------------------------------------------------ */

START_TEST(unknown_key)
{
  expect_error("[server]\nlisten = 127.0.0.1:1\nbogus = 1\n", 3,
               "unknown key 'bogus' in [server]");
  expect_error("[server]\nlevel = debug\n", 2,
               "unknown key 'level' in [server] (it belongs in [log])");
  expect_error("[channel.a]\ntype = dev\nlisten = 1\n", 3,
               "unknown key 'listen' in [channel.a]");
  expect_error("[server]\nListen = 127.0.0.1:1\n", 2, "unknown key 'Listen'");
  expect_error("[server]\nmax body = 1k\n", 2, "invalid key name");
  expect_error("[server]\n = 1k\n", 2, "missing key before '='");
}
END_TEST

START_TEST(unknown_section)
{
  /* The keys below a refused header are not reported one by one. */
  expect_error("# x\n[nope]\nfoo = 1\nbar = 2\n", 2, "unknown section [nope]");
  expect_error("[channel]\ntype = dev\n", 1,
               "[channel] needs a name: [channel.NAME]");
  expect_error("[ ]\n", 1, "empty section name");
  expect_error("[server] extra\nlisten = 127.0.0.1:1\n", 1,
               "unexpected text after the section header");
}
END_TEST

START_TEST(bad_duration)
{
  expect_error("[server]\nheader_timeout = 10x\n", 2,
               "header_timeout: must be a duration between 1s and 10m, "
               "not 10x");
  expect_error("[server]\nheader_timeout = 11m\n", 2,
               "header_timeout: must be a duration between 1s and 10m, "
               "not 11m");
  expect_error("[server]\nheader_timeout = 999ms\n", 2, "header_timeout: ");
  expect_error("[conversation]\ndraft_ttl = 31d\n", 2,
               "draft_ttl: must be a duration between 1m and 30d");
  expect_error("[storage]\nbusy_timeout = 99999999999999999999d\n", 2,
               "busy_timeout: must be a duration between 0s and 1m");
  expect_error("[server]\nidle_timeout =\n", 2, "idle_timeout: must be");
}
END_TEST

START_TEST(bad_size)
{
  expect_error("[server]\nmax_body = 100m\n", 2,
               "max_body: must be a size between 1k and 64m, not 100m");
  expect_error("[server]\nmax_body = 1023\n", 2, "max_body: must be a size");
  expect_error("[server]\nmax_body = 1g\n", 2, "max_body: must be a size");
  expect_error("[server]\nmax_body = 99999999999999999999999k\n", 2,
               "max_body: must be a size");
}
END_TEST

START_TEST(int_out_of_range)
{
  static const char *const bad[] = {
    "0", "100001", "-5", "99999999999999999999", "12abc", "", "1 2", "+3",
    "0x10",
  };
  char text[128];
  size_t i;

  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    snprintf(text, sizeof(text), "[server]\nmax_connections = %s\n", bad[i]);
    expect_error(text, 2,
                 "max_connections: must be an integer between 1 and 100000");
  }
  expect_error("[limits]\n\ntickets_per_day = -1\n", 3,
               "tickets_per_day: must be an integer between 0 and 100000, "
               "not -1");
}
END_TEST

START_TEST(bad_bool_and_level)
{
  expect_error("[log]\ntext = maybe\n", 2,
               "text: must be yes or no (or true/false, on/off, 1/0), "
               "not maybe");
  expect_error("[log]\nlevel = verbose\n", 2,
               "level: must be one of debug, info, warn, error, not verbose");
  expect_error("[log]\nlevel = INFO\n", 2, "level: must be one of");
}
END_TEST

START_TEST(listen_forms)
{
  static const struct {
    const char *s, *host;
    int port;
  } good[] = {
    {"127.0.0.1:8080", "127.0.0.1", 8080},
    {"0.0.0.0:65535", "0.0.0.0", 65535},
    {"[::1]:8080", "::1", 8080},
    {"[::]:0", "::", 0},
    {"localhost:443", "127.0.0.1", 443},
  };
  static const char *const bad[] = {
    "localhost", "127.0.0.1", "example.com:80", "1.2.3.4:65536", "::1:80",
    "[::1]80", "[::1]", "[1.2.3.4]:80", "1.2.3.4:", "1.2.3.4:-1", "1.2.3.4:8o",
    ":80", "[]:80", "1.2.3:80", "1.2.3.4:080808", "[::1:80",
  };
  char text[128];
  size_t i;

  for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
    struct loaded l;
    snprintf(text, sizeof(text), "[server]\nlisten = %s\n", good[i].s);
    expect_ok(&l, text);
    ck_assert_str_eq(l.cfg->server.listen, good[i].s);
    ck_assert_str_eq(l.cfg->server.listen_host, good[i].host);
    ck_assert_int_eq(l.cfg->server.listen_port, good[i].port);
    unload(&l);
  }
  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    snprintf(text, sizeof(text), "[server]\nlisten = %s\n", bad[i]);
    expect_error(text, 2, "listen: must be host:port or [v6]:port");
  }
}
END_TEST

START_TEST(bad_urls)
{
  static const char *const bad[] = {
    "ftp://x.example", "https://", "http:///path", "x.example",
    "https://a b.example", "https://x.example/\"q\"",
  };
  char text[128];
  size_t i;

  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    snprintf(text, sizeof(text), "[server]\npublic_url = %s\n", bad[i]);
    expect_error(text, 2, "public_url: must be an http:// or https:// URL");
  }
  expect_error("[channel.k]\ntype = kannel\nsecret = s\n"
               "sendsms_url = http://user:pw@kannel.example/cgi-bin/sendsms\n",
               4, "sendsms_url: must not hold user:password@");
}
END_TEST

START_TEST(bad_prefix)
{
  static const char *const bad[] = {"ntt", "N-T", "ABCDEFGHIJK", "\"\"",
                                    "N T"};
  char text[128];
  size_t i;

  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    snprintf(text, sizeof(text), "[ticket]\nprefix = %s\n", bad[i]);
    expect_error(text, 2,
                 "prefix: must be 1 to 10 upper-case letters or digits");
  }
}
END_TEST

START_TEST(retention_and_revealers)
{
  static const char *const bad[] = {"root", "0,x", "-1", "1.5",
                                    "99999999999"};
  struct loaded l;
  char text[128];
  size_t i;

  expect_ok(&l, "[storage]\npayload_retention = 0\n"
                "personal_retention = 730d\n[admin]\n"
                "revealers = 0, 1001 1002\n");
  ck_assert_uint_eq(l.cfg->storage.payload_retention_ms, 0);
  ck_assert_uint_eq(l.cfg->storage.personal_retention_ms,
                    730ULL * 86400 * 1000);
  ck_assert_str_eq(l.cfg->admin.revealers, "0, 1001 1002");
  ck_assert_int_eq(config_uid_listed(l.cfg->admin.revealers, 1001), 1);
  ck_assert_int_eq(config_uid_listed(l.cfg->admin.revealers, 0), 1);
  ck_assert_int_eq(config_uid_listed(l.cfg->admin.revealers, 100), 0);
  ck_assert_int_eq(config_uid_listed(l.cfg->admin.revealers, 10021), 0);
  unload(&l);
  /* Defaults: 90 days of payloads, a year of personal data, root. */
  expect_ok(&l, "[storage]\npath = x.db\n");
  ck_assert_uint_eq(l.cfg->storage.payload_retention_ms,
                    90ULL * 86400 * 1000);
  ck_assert_uint_eq(l.cfg->storage.personal_retention_ms,
                    365ULL * 86400 * 1000);
  ck_assert_str_eq(l.cfg->admin.revealers, "0");
  unload(&l);
  /* Empty: nobody. */
  expect_ok(&l, "[admin]\nrevealers =\n");
  ck_assert_ptr_null(l.cfg->admin.revealers);
  unload(&l);
  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    snprintf(text, sizeof(text), "[admin]\nrevealers = %s\n", bad[i]);
    expect_error(text, 2, "revealers: must be user ids");
  }
  expect_error("[storage]\npersonal_retention = 3651d\n", 2,
               "personal_retention: ");
}
END_TEST

START_TEST(duplicates)
{
  expect_error("[server]\nmax_body = 1k\nmax_body = 2k\n", 3,
               "max_body: set twice in [server] (first at line 2)");
  expect_error("[channel.a]\ntype = dev\n\n[channel.a]\ntype = dev\n", 4,
               "duplicate channel 'a' (first at line 1)");
  expect_error("[channel.a]\ntype = dev\ntype = dev\n", 3,
               "type: set twice in [channel.a] (first at line 2)");
  expect_error("[log]\nlevel = info\n[log]\ntext = no\n", 3,
               "section [log] appears twice (first at line 1)");
}
END_TEST

START_TEST(channel_type_errors)
{
  expect_error("[server]\n\n[channel.a]\ntoken = x\n", 3,
               "[channel.a]: missing required key 'type'");
  expect_error("[channel.a]\ntype = sms\n", 2,
               "type: must be one of dev, whatsapp_cloud, twilio, kannel, "
               "not sms");
  /* The type comes after the key it rules out. */
  expect_error("[channel.a]\ntoken = x\naccount_sid = AC1\nauth_token = t\n"
               "from = +621\ntype = twilio\n", 2,
               "token: not valid for a twilio channel");
  expect_error("[channel.a]\ntype = dev\napi_base = http://127.0.0.1:1\n", 3,
               "api_base: not valid for a dev channel");
  expect_error("[channel.a]\ntype = kannel\nsecret = s\n"
               "sendsms_url = http://127.0.0.1:13013/cgi-bin/sendsms\n"
               "api_base = http://127.0.0.1:1\n", 5,
               "api_base: not valid for a kannel channel");
}
END_TEST

START_TEST(missing_required_keys)
{
  struct loaded l;

  load(&l, "[server]\n[channel.wa]\ntype = whatsapp_cloud\napp_secret = s\n");
  ck_assert_int_eq(l.rc, AERR_CONFIG);
  ck_assert_ptr_null(l.cfg);
  ck_assert_int_eq(l.d.errors, 3);
  assert_diag(&l, 2, "[channel.wa]: missing required key 'verify_token' for a "
                     "whatsapp_cloud channel");
  assert_diag(&l, 2, "[channel.wa]: missing required key 'access_token'");
  assert_diag(&l, 2, "[channel.wa]: missing required key 'phone_number_id'");
  unload(&l);

  expect_error("[channel.t]\ntype = twilio\naccount_sid = AC1\n"
               "auth_token = t\n", 1,
               "[channel.t]: missing required key 'from' for a twilio channel");
  expect_error("[channel.k]\ntype = kannel\nsecret = s\n", 1,
               "[channel.k]: missing required key 'sendsms_url'");
  /* A required key given with a bad value is reported once, at its line. */
  expect_error("[channel.k]\ntype = kannel\nsecret = s\nsendsms_url = x\n", 4,
               "sendsms_url: must be an http:// or https:// URL");
}
END_TEST

START_TEST(bad_channel_names)
{
  static const char *const bad[] = {
    "a/b", "", "a b", "x.y", "\"q\"", "abcdefghijklmnopqrstuvwxyz0123456",
  };
  char text[128];
  size_t i;
  struct loaded l;

  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    snprintf(text, sizeof(text), "[channel.%s]\ntype = dev\n", bad[i]);
    expect_error(text, 1, "invalid channel name");
  }
  expect_ok(&l, "[channel.abcdefghijklmnopqrstuvwxyz012345]\ntype = dev\n"
                "[channel.A-b_9]\ntype = dev\n");
  ck_assert_int_eq(l.cfg->nchannels, 2);
  unload(&l);
}
END_TEST

START_TEST(syntax_errors)
{
  expect_error("[server]\nlisten\n", 2, "missing '=' (expected key = value)");
  expect_error("[server\nlisten = 127.0.0.1:1\n", 1,
               "missing ']' at the end of the section header");
  expect_error("[server]\npublic_url = \"https://x.example\n", 2,
               "public_url: unterminated quoted value");
  expect_error("[server]\npublic_url = \"https://x.example\\n\"\n", 2,
               "public_url: unsupported escape in a quoted value");
  expect_error("[server]\npublic_url = \"https://x.example\" junk\n", 2,
               "public_url: unexpected text after the closing quote");
  expect_error("listen = 127.0.0.1:1\n[server]\n", 1,
               "text before the first [section] header");
  expect_error("\n# fine\ngarbage\n[server]\n", 3,
               "text before the first [section] header");
}
END_TEST

START_TEST(bad_bytes_and_long_lines)
{
  struct buf b = BUF_INIT;
  struct diag d;
  struct config *cfg = (struct config *)&cfg;
  char *path;
  int i;

  buf_puts(&b, "[server]\nlisten = ");
  for (i = 0; i < 5000; i++)
    buf_puts(&b, "1");
  buf_puts(&b, "\nmax_body = 1k\x01\n");
  buf_append(&b, "bogus = a\0b\n", 12);
  buf_puts(&b, "also_bogus = 1\n");
  path = put_bytes("x.conf", b.data, b.len);
  diag_init(&d);
  ck_assert_int_eq(config_load(path, &cfg, &d), AERR_CONFIG);
  ck_assert_ptr_null(cfg);
  ck_assert_int_eq(d.errors, 4);
  ck_assert_ptr_nonnull(strstr(d.text.data,
                               "/x.conf:2: line is longer than 4096 bytes"));
  ck_assert_ptr_nonnull(strstr(d.text.data,
                               "/x.conf:3: line holds a control character"));
  ck_assert_ptr_nonnull(strstr(d.text.data,
                               "/x.conf:4: line holds a NUL byte"));
  ck_assert_ptr_nonnull(strstr(d.text.data,
                               "/x.conf:5: unknown key 'also_bogus'"));
  diag_free(&d);
  free(path);
  buf_free(&b);
}
END_TEST

START_TEST(exactly_max_line_is_accepted)
{
  struct buf b = BUF_INIT;
  struct loaded l;
  size_t pad;

  /* "public_url = https://x.example/" then path bytes to 4096 in all. */
  buf_puts(&b, "[server]\npublic_url = https://x.example/");
  pad = 4096 - strlen("public_url = https://x.example/");
  while (pad-- > 0)
    buf_puts(&b, "a");
  buf_puts(&b, "\n");
  load(&l, b.data);
  /* The URL is over its own 2048-byte bound, but the line was read. */
  ck_assert_int_eq(l.rc, AERR_CONFIG);
  ck_assert_int_eq(l.d.errors, 1);
  assert_diag(&l, 2, "public_url: must be an http:// or https:// URL");
  unload(&l);
  buf_free(&b);
}
END_TEST

START_TEST(every_error_reported)
{
  static const char text[] =
    "stray\n"                         /* 1 */
    "[server]\n"                      /* 2 */
    "listen = nowhere\n"              /* 3 */
    "max_body = 1t\n"                 /* 4 */
    "[nope]\n"                        /* 5 */
    "whatever = 1\n"                  /* 6: ignored */
    "[log]\n"                         /* 7 */
    "text = perhaps\n"                /* 8 */
    "text = no\n"                     /* 9 */
    "[channel.x]\n"                   /* 10 */
    "type = whatsapp_cloud\n"         /* 11 */
    "token = t\n"                     /* 12 */
    "[limits]\n"                      /* 13 */
    "tickets_per_day\n";              /* 14 */
  struct loaded l;

  load(&l, text);
  ck_assert_int_eq(l.rc, AERR_CONFIG);
  ck_assert_ptr_null(l.cfg);
  assert_diag(&l, 1, "text before the first [section] header");
  assert_diag(&l, 3, "listen: must be");
  assert_diag(&l, 4, "max_body: must be");
  assert_diag(&l, 5, "unknown section [nope]");
  assert_diag(&l, 8, "text: must be");
  assert_diag(&l, 9, "text: set twice");
  assert_diag(&l, 12, "token: not valid for a whatsapp_cloud channel");
  assert_diag(&l, 10, "[channel.x]: missing required key 'app_secret'");
  assert_diag(&l, 10, "[channel.x]: missing required key 'verify_token'");
  assert_diag(&l, 10, "[channel.x]: missing required key 'access_token'");
  assert_diag(&l, 10, "[channel.x]: missing required key 'phone_number_id'");
  assert_diag(&l, 14, "missing '='");
  ck_assert_int_eq(l.d.errors, 12);
  ck_assert_int_eq(l.d.warnings, 0);
  unload(&l);
}
END_TEST

START_TEST(unreadable_file)
{
  struct config *cfg = (struct config *)&cfg;
  struct diag d;
  char *path = tu_path(tdir, "x.conf"), want[512];

  diag_init(&d);
  ck_assert_int_eq(config_load(path, &cfg, &d), -ENOENT);
  ck_assert_ptr_null(cfg);
  ck_assert_int_eq(d.errors, 1);
  snprintf(want, sizeof(want), "%s: cannot read: %s\n", path, strerror(ENOENT));
  ck_assert_str_eq(d.text.data, want);
  diag_free(&d);

  make_dir("x.conf");
  cfg = (struct config *)&cfg;
  diag_init(&d);
  ck_assert_int_eq(config_load(path, &cfg, &d), -EISDIR);
  ck_assert_ptr_null(cfg);
  ck_assert_ptr_nonnull(strstr(d.text.data, "x.conf: cannot read: "));
  diag_free(&d);
  free(path);
}
END_TEST

START_TEST(oversized_file)
{
  struct buf b = BUF_INIT;
  struct loaded l;

  buf_puts(&b, "[server]\n");
  while (b.len <= 1024 * 1024)
    buf_puts(&b, "# padding padding padding padding padding padding\n");
  load(&l, b.data);
  ck_assert_int_eq(l.rc, AERR_CONFIG);
  ck_assert_ptr_null(l.cfg);
  assert_diag(&l, 0, "larger than 1048576 bytes");
  unload(&l);
  buf_free(&b);
}
END_TEST

/* ---- Secrets ----------------------------------------------------------- */

/* A dev channel whose token is written as tok; returns the load. */
static void
load_token(struct loaded *l, const char *tok)
{
  char text[512];

  snprintf(text, sizeof(text), "[channel.d]\ntype = dev\ntoken = %s\n", tok);
  load(l, text);
}

static void
expect_token(const char *tok, const char *value)
{
  struct loaded l;

  load_token(&l, tok);
  ck_assert_msg(l.rc == 0, "%s: rc %d\n%s", tok, l.rc, dtext(&l));
  ck_assert_str_eq(config_channel(l.cfg, "d")->token, value);
  unload(&l);
}

static void
expect_token_error(const char *tok, const char *msg)
{
  char text[512];

  snprintf(text, sizeof(text), "[channel.d]\ntype = dev\ntoken = %s\n", tok);
  expect_error(text, 3, msg);
}

/*
 * A dev channel without a token lets anyone who reaches the port file
 * reports: it is refused unless the daemon listens on a loopback address
 * only (127.0.0.0/8, ::1, localhost).
 */
START_TEST(dev_without_token_needs_loopback)
{
  static const char *const open_to_all[] = {
    "0.0.0.0:8080", "[::]:8080", "10.1.2.3:80", "[2001:db8::1]:80",
    "128.0.0.1:80",
  };
  static const char *const loopback[] = {
    "127.0.0.1:8080", "127.5.6.7:80", "localhost:80", "[::1]:8080",
  };
  char text[256];
  size_t i;

  for (i = 0; i < sizeof(open_to_all) / sizeof(open_to_all[0]); i++) {
    struct loaded l;
    snprintf(text, sizeof(text), "[server]\nlisten = %s\n"
             "[channel.dev]\ntype = dev\n", open_to_all[i]);
    expect_error(text, 3, "[channel.dev]: a dev channel without a token");
    /* With a token it may listen anywhere. */
    snprintf(text, sizeof(text), "[server]\nlisten = %s\n"
             "[channel.dev]\ntype = dev\ntoken = t0k\n", open_to_all[i]);
    expect_ok(&l, text);
    unload(&l);
  }
  for (i = 0; i < sizeof(loopback) / sizeof(loopback[0]); i++) {
    struct loaded l;
    snprintf(text, sizeof(text), "[server]\nlisten = %s\n"
             "[channel.dev]\ntype = dev\n", loopback[i]);
    expect_ok(&l, text);
    unload(&l);
  }
}
END_TEST

/* A reload keeps the running listen address (a restart-only setting): a
 * token dropped from a daemon that listens on 0.0.0.0 is refused, even
 * when the new file names a loopback address. */
START_TEST(dev_token_dropped_on_reload_is_refused)
{
  struct loaded a, b;
  struct diag d;

  expect_ok(&a, "[server]\nlisten = 0.0.0.0:8080\n"
                "[channel.dev]\ntype = dev\ntoken = t0k\n");
  expect_ok(&b, "[server]\nlisten = 127.0.0.1:8080\n"
                "[channel.dev]\ntype = dev\n");
  diag_init(&d);
  ck_assert_int_eq(config_check_exposure(b.cfg, &d), 0);
  ck_assert_int_eq(config_keep_restart_only(b.cfg, a.cfg), 0);
  ck_assert_int_eq(config_check_exposure(b.cfg, &d), 1);
  ck_assert_int_eq(d.errors, 1);
  ck_assert_ptr_nonnull(strstr(d.text.data, "x.conf:3: [channel.dev]: a dev "
                                            "channel without a token"));
  diag_free(&d);
  unload(&a);
  unload(&b);
}
END_TEST

/* Write text to r.conf with mode and assert it loads with no warning:
 * for the cases where the literal-secret warning must stay quiet. */
static void
loads_without_warning(const char *text, mode_t mode)
{
  char *path = put_mode("r.conf", text, mode);
  struct config *cfg;
  struct diag d;

  diag_init(&d);
  ck_assert_int_eq(config_load(path, &cfg, &d), 0);
  ck_assert_int_eq(d.warnings, 0);
  config_free(cfg);
  diag_free(&d);
  free(path);
}

/* A literal secret in a file that group or others can read is warned
 * about, naming file, line and key, never the value; the load succeeds. */
START_TEST(literal_secret_in_readable_file_warns)
{
  static const char text[] =
    "[channel.sms]\n"
    "type = kannel\n"
    "sendsms_url = http://127.0.0.1:1/s\n"
    "secret = rahasia-kannel\n"
    "password = rahasia-kedua\n";
  static const mode_t modes[] = {0644, 0640, 0604};
  struct config *cfg;
  struct diag d;
  char *path, want[256];
  size_t i;

  for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
    path = put_mode("r.conf", text, modes[i]);
    diag_init(&d);
    ck_assert_int_eq(config_load(path, &cfg, &d), 0);
    ck_assert_int_eq(d.errors, 0);
    ck_assert_msg(d.warnings == 1, "mode %o: %s", (unsigned)modes[i],
                  d.text.data);
    snprintf(want, sizeof(want), "%s:4: warning: secret: ", path);
    ck_assert_msg(strstr(d.text.data, want) != NULL, "%s", d.text.data);
    ck_assert_ptr_null(strstr(d.text.data, "rahasia"));
    config_free(cfg);
    diag_free(&d);
    free(path);
  }
  /* Private to its owner, or secrets by reference: no warning. */
  loads_without_warning(text, 0600);
  free(put_mode("k", "rahasia\n", 0600));
  loads_without_warning("[channel.sms]\ntype = kannel\n"
                        "sendsms_url = http://127.0.0.1:1/s\n"
                        "secret = file:k\n", 0644);
}
END_TEST

START_TEST(secret_literal)
{
  expect_token("plain-literal", "plain-literal");
  expect_token("\"file-not:really\"", "file-not:really");
  expect_token_error("\"\"", "token: must not be empty");
}
END_TEST

START_TEST(secret_env)
{
  setenv("ADUAN_TEST_SECRET", "from-the-env", 1);
  expect_token("env:ADUAN_TEST_SECRET", "from-the-env");
  unsetenv("ADUAN_TEST_MISSING");
  expect_token_error("env:ADUAN_TEST_MISSING",
                     "token: environment variable ADUAN_TEST_MISSING is not "
                     "set");
  setenv("ADUAN_TEST_EMPTY", "", 1);
  expect_token_error("env:ADUAN_TEST_EMPTY",
                     "token: environment variable ADUAN_TEST_EMPTY is empty");
  setenv("ADUAN_TEST_CTRL", "a\nb", 1);
  expect_token_error("env:ADUAN_TEST_CTRL", "token: environment variable "
                     "ADUAN_TEST_CTRL holds a control character");
  expect_token_error("env:", "token: env: needs a variable name");
  expect_token_error("env:A-B", "token: env: needs a variable name");
  expect_token_error("env:1A", "token: env: needs a variable name");
}
END_TEST

START_TEST(secret_file)
{
  char want[512], *real;

  make_dir("secrets");
  free(put_mode("secrets/tok", "from-a-file\r\n\n", 0600));
  expect_token("file:secrets/tok", "from-a-file");
  free(put_mode("abs-tok", "absolute", 0400));
  snprintf(want, sizeof(want), "file:%s/abs-tok", tdir);
  expect_token(want, "absolute");

  real = realpath(tdir, NULL);
  ck_assert_ptr_nonnull(real);
  free(put_mode("secrets/open", "exposed\n", 0644));
  snprintf(want, sizeof(want),
           "token: secret file %s/secrets/open must not be readable by group "
           "or others (mode 0644", real);
  expect_token_error("file:secrets/open", want);
  free(put_mode("secrets/group", "exposed\n", 0620));
  expect_token_error("file:secrets/group",
                     "token: secret file ");
  expect_token_error("file:secrets/none", "token: cannot read secret file ");
  free(put_mode("secrets/empty", "\r\n", 0600));
  expect_token_error("file:secrets/empty", "token: secret file ");
  expect_token_error("file:secrets", "token: secret file ");
  expect_token_error("file:", "token: file: needs a path");
  free(real);
}
END_TEST

START_TEST(secret_file_messages)
{
  struct loaded l;

  make_dir("s");
  free(put_mode("s/empty", "\n", 0600));
  load_token(&l, "file:s/empty");
  ck_assert_ptr_nonnull(strstr(dtext(&l), "/s/empty is empty"));
  unload(&l);
  load_token(&l, "file:s");
  ck_assert_ptr_nonnull(strstr(dtext(&l), "/s is not a regular file"));
  unload(&l);
  free(put_mode("s/g", "x\n", 0620));
  load_token(&l, "file:s/g");
  ck_assert_ptr_nonnull(strstr(dtext(&l), "/s/g must not be accessible by "
                                          "group or others (mode 0620"));
  unload(&l);
}
END_TEST

START_TEST(secret_file_owner)
{
  struct loaded l;
  char *path;

  if (geteuid() != 0)
    return;  /* Only root can give a file to another user. */
  path = put_mode("tok", "x\n", 0600);
  ck_assert_int_eq(chown(path, 65534, 65534), 0);
  load_token(&l, "file:tok");
  ck_assert_int_eq(l.rc, AERR_CONFIG);
  ck_assert_ptr_nonnull(strstr(dtext(&l), "must be owned by root or uid 0, "
                                          "not uid 65534"));
  unload(&l);
  free(path);
}
END_TEST

START_TEST(secret_credential)
{
  char *creds;

  make_dir("creds");
  free(put_mode("creds/dev-token", "from-a-credential\n", 0400));
  creds = tu_path(tdir, "creds");
  setenv("CREDENTIALS_DIRECTORY", creds, 1);
  expect_token("credential:dev-token", "from-a-credential");
  expect_token_error("credential:missing",
                     "token: cannot read credential missing: ");
  expect_token_error("credential:../creds/dev-token",
                     "token: credential: needs a file name without '/'");
  expect_token_error("credential:..",
                     "token: credential: needs a file name without '/'");
  unsetenv("CREDENTIALS_DIRECTORY");
  expect_token_error("credential:dev-token",
                     "token: credential dev-token: CREDENTIALS_DIRECTORY is "
                     "not set");
  free(creds);
}
END_TEST

START_TEST(secrets_never_in_diagnostics)
{
  struct loaded l;

  make_dir("s");
  free(put_mode("s/open", "S3CR3T-A\n", 0644));
  free(put_mode("s/ok", "S3CR3T-B\n", 0600));
  setenv("ADUAN_TEST_BAD", "S3CR3T-C\x01", 1);
  setenv("ADUAN_TEST_FINE", "S3CR3T-D", 1);
  load(&l,
       "S3CR3T-E\n"
       "[channel.wa]\n"
       "type = whatsapp_cloud\n"
       "app_secret = file:s/open\n"
       "verify_token = file:s/ok\n"
       "access_token = env:ADUAN_TEST_BAD\n"
       "phone_number_id = 1\n"
       "password = S3CR3T-F\n"
       "acess_token = S3CR3T-G\n"
       "[channel.tw]\n"
       "type = twilio\n"
       "auth_token = \"S3CR3T-H\n"
       "S3CR3T-I\n"
       "token = env:ADUAN_TEST_FINE\n"
       "[S3CR3T-J\n");
  ck_assert_int_eq(l.rc, AERR_CONFIG);
  ck_assert_int_ge(l.d.errors, 10);
  ck_assert_msg(strstr(dtext(&l), "S3CR3T") == NULL, "secret leaked:\n%s",
                dtext(&l));
  unload(&l);
}
END_TEST

/* ---- [storage] backend ------------------------------------------------- */

START_TEST(storage_backend_keys_read)
{
  struct loaded l;

  expect_ok(&l, "[storage]\npath = a.db\n");
  ck_assert_int_eq(l.cfg->storage.backend, STORAGE_SQLITE);
  ck_assert_ptr_null(l.cfg->storage.postgres);
  ck_assert_ptr_null(l.cfg->storage.instance);
  unload(&l);
  setenv("ADUAN_TEST_PG", "host=/tmp/pg dbname=aduan", 1);
  expect_ok(&l, "[storage]\nbackend = postgres\npostgres = env:ADUAN_TEST_PG\n"
                "instance = aduan-2\n");
  ck_assert_int_eq(l.cfg->storage.backend, STORAGE_POSTGRES);
  ck_assert_str_eq(l.cfg->storage.postgres, "host=/tmp/pg dbname=aduan");
  ck_assert_str_eq(l.cfg->storage.instance, "aduan-2");
  ck_assert_str_eq(storage_backend_name(l.cfg->storage.backend), "postgres");
  ck_assert_str_eq(storage_backend_name(STORAGE_SQLITE), "sqlite");
  unload(&l);
  /* A URI is a connection string too; an empty instance is unset. */
  expect_ok(&l, "[storage]\nbackend = postgres\n"
                "postgres = postgresql://aduan@db1/aduan\ninstance =\n");
  ck_assert_ptr_null(l.cfg->storage.instance);
  unload(&l);
}
END_TEST

START_TEST(storage_backend_errors)
{
  expect_error("[storage]\nbackend = mysql\n", 2,
               "backend: must be sqlite or postgres, not mysql");
  /* postgres without the database it names: at the [storage] header. */
  expect_error("[log]\nlevel = info\n[storage]\nbackend = postgres\n", 3,
               "[storage] backend = postgres needs postgres");
  expect_error("[storage]\nbackend = postgres\npostgres = not a conninfo\n",
               1, "[storage] postgres: not a libpq connection string");
  {
    char name[80];
    memset(name, 'a', sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    {
      char text[160];
      snprintf(text, sizeof(text), "[storage]\ninstance = %s\n", name);
      expect_error(text, 2, "instance: must be 1 to 63 characters");
    }
  }
}
END_TEST

/* The connection string may hold a password: no diagnostic quotes it,
 * nor libpq's reason for refusing it, and a change is named by key. */
START_TEST(storage_postgres_never_in_diagnostics)
{
  struct loaded l, a, b;
  struct buf names = BUF_INIT;
  struct diag d;
  char *path;

  load(&l, "[storage]\nbackend = postgres\n"
           "postgres = host=db1 password=S3CR3T-P S3CR3T-Q\n");
  ck_assert_int_eq(l.rc, AERR_CONFIG);
  assert_diag(&l, 1, "[storage] postgres: not a libpq connection string");
  ck_assert_msg(strstr(dtext(&l), "S3CR3T") == NULL, "secret leaked:\n%s",
                dtext(&l));
  unload(&l);
  setenv("ADUAN_TEST_PG_BAD", "password=S3CR3T-R\x01", 1);
  load(&l, "[storage]\nbackend = postgres\npostgres = env:ADUAN_TEST_PG_BAD\n");
  ck_assert_int_eq(l.rc, AERR_CONFIG);
  ck_assert_int_eq(l.d.errors, 1);
  ck_assert_msg(strstr(dtext(&l), "S3CR3T") == NULL, "secret leaked:\n%s",
                dtext(&l));
  unload(&l);
  /* Accepted from a file others may read: a warning naming the key. */
  path = put_mode("x.conf", "[storage]\nbackend = postgres\n"
                  "postgres = \"dbname=aduan password=S3CR3T-S\"\n", 0644);
  diag_init(&l.d);
  ck_assert_int_eq(config_load(path, &l.cfg, &l.d), 0);
  ck_assert_ptr_nonnull(strstr(dtext(&l), "postgres: a literal secret"));
  ck_assert_msg(strstr(dtext(&l), "S3CR3T") == NULL, "secret leaked:\n%s",
                dtext(&l));
  unload(&l);
  free(path);
  expect_ok(&a, "[storage]\nbackend = postgres\npostgres = dbname=S3CR3T-T\n");
  expect_ok(&b, "[storage]\nbackend = postgres\npostgres = dbname=S3CR3T-U\n");
  diag_init(&d);
  ck_assert_int_eq(config_restart_needed(a.cfg, b.cfg, &d), 1);
  ck_assert_ptr_nonnull(strstr(d.text.data, "[storage] postgres changed"));
  ck_assert_int_eq(config_changes(a.cfg, b.cfg, &names), 1);
  ck_assert_str_eq(names.data, "storage.postgres");
  ck_assert(strstr(d.text.data, "S3CR3T") == NULL);
  diag_free(&d);
  buf_free(&names);
  unload(&a);
  unload(&b);
}
END_TEST

static Suite *
config_suite(void)
{
  Suite *s = suite_create("config");
  TCase *parse = tcase_create("parse");
  TCase *good = tcase_create("good");
  TCase *bad = tcase_create("errors");
  TCase *sec = tcase_create("secrets");

  tcase_add_test(parse, duration_parser);
  tcase_add_test(parse, size_parser);
  tcase_add_test(parse, bool_parser);
  tcase_add_test(parse, channel_type_names_round_trip);
  suite_add_tcase(s, parse);

  tcase_add_checked_fixture(good, setup, teardown);
  tcase_add_test(good, defaults_from_table);
  tcase_add_test(good, every_key_read);
  tcase_add_test(good, whatsapp_default_api_base);
  tcase_add_test(good, connection_defence_keys_read);
  tcase_add_test(good, crlf_bom_and_comments);
  tcase_add_test(good, empty_public_url_is_unset);
  tcase_add_test(good, relative_paths_resolved);
  tcase_add_test(good, source_config_loads);
  tcase_add_test(good, example_has_every_key);
  tcase_add_test(good, example_file_loads);
  tcase_add_test(good, example_uncommented_loads);
  tcase_add_test(good, restart_needed_names_keys);
  tcase_add_test(good, changes_name_every_key);
  tcase_add_test(good, keep_restart_only_restores_running_values);
  tcase_add_test(good, log_file_resolved_or_unset);
  tcase_add_test(good, no_secrets_keeps_references);
  tcase_add_test(good, no_channels_warns);
  tcase_add_test(good, twilio_without_public_url_warns);
  tcase_add_test(good, null_diag_accepted);
  tcase_add_test(good, storage_backend_keys_read);
  suite_add_tcase(s, good);

  tcase_add_checked_fixture(bad, setup, teardown);
  tcase_add_test(bad, unknown_key);
  tcase_add_test(bad, unknown_section);
  tcase_add_test(bad, bad_duration);
  tcase_add_test(bad, bad_size);
  tcase_add_test(bad, int_out_of_range);
  tcase_add_test(bad, bad_bool_and_level);
  tcase_add_test(bad, listen_forms);
  tcase_add_test(bad, bad_urls);
  tcase_add_test(bad, bad_prefix);
  tcase_add_test(bad, retention_and_revealers);
  tcase_add_test(bad, duplicates);
  tcase_add_test(bad, channel_type_errors);
  tcase_add_test(bad, missing_required_keys);
  tcase_add_test(bad, bad_channel_names);
  tcase_add_test(bad, syntax_errors);
  tcase_add_test(bad, bad_bytes_and_long_lines);
  tcase_add_test(bad, exactly_max_line_is_accepted);
  tcase_add_test(bad, every_error_reported);
  tcase_add_test(bad, unreadable_file);
  tcase_add_test(bad, oversized_file);
  tcase_add_test(bad, storage_backend_errors);
  suite_add_tcase(s, bad);

  tcase_add_checked_fixture(sec, setup, teardown);
  tcase_add_test(sec, secret_literal);
  tcase_add_test(sec, dev_without_token_needs_loopback);
  tcase_add_test(sec, dev_token_dropped_on_reload_is_refused);
  tcase_add_test(sec, literal_secret_in_readable_file_warns);
  tcase_add_test(sec, secret_env);
  tcase_add_test(sec, secret_file);
  tcase_add_test(sec, secret_file_messages);
  tcase_add_test(sec, secret_file_owner);
  tcase_add_test(sec, secret_credential);
  tcase_add_test(sec, secrets_never_in_diagnostics);
  tcase_add_test(sec, storage_postgres_never_in_diagnostics);
  suite_add_tcase(s, sec);
  return s;
}

UNIT_MAIN(config_suite)
