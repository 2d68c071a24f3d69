/*
 * test_ops.c: operating the daemon, as operators and admins do: moving
 * tickets through their whole lifecycle with the real aduanctl while the
 * reporter is told through a fake WhatsApp provider, exports, reloads,
 * the Prometheus text of /metrics, the systemd notify protocol, and the
 * log file that logrotate moves away.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <math.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "conf/catalog.h"
#include "engine/conv.h"
#include "ops/ctl_client.h"
#include "fakeprov.h"
#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"
#include "tu_sign.h"
#include "rules/workday.h"

#define WA_SECRET "wa-app-secret-ops"
#define EXITED_WITH(st, code) (WIFEXITED(st) && WEXITSTATUS(st) == (code))
#define ACTOR "tester (uid 0)"

static struct fakeprov *fp;
static struct tu_daemon d;
static char *sock;   /* the daemon's admin socket */
static const char *storage;  /* more [storage] lines for the next start */
static const char *ticket_conf;  /* more [ticket] lines for the next start */

/*
 * Start the fake provider and a daemon with a WhatsApp channel on it.
 * The daemon waits 2 s (scaled by CK_TIMEOUT_MULTIPLIER) for the fake's
 * answer: a timeout that fires only because the run is slow would send a
 * notice twice and move every later request of the fake by one.
 * The test runs as root: uid 0 is the operator "tester".  admin is more
 * of the [admin] section, more is further config text, env the daemon's
 * extra environment; each may be NULL.
 */
static void
start_env(const char *admin, const char *more, const char *const *env)
{
  struct buf conf = BUF_INIT;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  buf_printf(&conf,
             "[admin]\noperators = tester=0\n%s"
             "[outbox]\nbackoff_base = 100ms\nbackoff_max = 400ms\n"
             "timeout = %dms\n%s\n"
             "[channel.wa]\ntype = whatsapp_cloud\napp_secret = " WA_SECRET
             "\nverify_token = verify-me\naccess_token = wa-access\n"
             "phone_number_id = 112233445566778\n"
             "api_base = http://127.0.0.1:%d/v21.0\n",
             admin ? admin : "", tu_scaled_ms(2000), more ? more : "",
             fakeprov_port(fp));
  {
    struct tu_daemon_opts o = {0};
    o.extra = conf.data;
    o.env = env;
    o.storage = storage;
    o.ticket = ticket_conf;
    ck_assert_int_eq(tu_daemon_start_opts(&d, &o), 0);
    storage = NULL;
    ticket_conf = NULL;
  }
  sock = tu_path(d.dir, "var/admin.sock");
  buf_free(&conf);
}

static void
start(void)
{
  start_env(NULL, NULL, NULL);
}

static void
stop(void)
{
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
  free(sock);
  sock = NULL;
}

/* ---- aduanctl ---------------------------------------------------------- */

/*
 * Run `aduanctl -s SOCK ARGS...` (NULL-terminated).  Returns the exit
 * code (-1 when it did not exit); its output in *out and *err when those
 * are not NULL (the caller frees).
 */
static int
ctl(char **out, char **err, ...)
{
  const char *argv[16];
  char *o = NULL, *e = NULL;
  va_list ap;
  int n = 0, st;

  argv[n++] = ADUANCTL_BIN;
  argv[n++] = "-s";
  argv[n++] = sock;
  va_start(ap, err);
  for (;;) {
    const char *a = va_arg(ap, const char *);
    ck_assert_int_lt(n, 15);
    argv[n++] = a;
    if (a == NULL)
      break;
  }
  va_end(ap);
  ck_assert_int_eq(tu_run(argv, NULL, &o, &e, &st), 0);
  if (out != NULL)
    *out = o;
  else
    free(o);
  if (err != NULL)
    *err = e;
  else
    free(e);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* ---- Reporters on WhatsApp --------------------------------------------- */

static const char *const story_a[] = {
  "Halo", "1", "pungli", "Kepala Seksi Perizinan Dinas PMPTSP", "Ende",
  "kemarin", ("Petugas loket meminta uang dua ratus ribu rupiah agar izin "
              "usaha saya cepat diproses tanpa kuitansi"),
  "LANJUT", "LEWATI", "3", "KIRIM", NULL,
};

static const char *const story_b[] = {
  "Halo", "1", "6", "Bendahara Dinas Pendidikan Kabupaten Sikka", "Sikka",
  "minggu lalu", ("Bendahara dinas menerima hadiah sepeda motor dari "
                  "kontraktor proyek sekolah sebelum lelang diumumkan "
                  "kepada masyarakat"),
  "LANJUT", "LEWATI", "3", "KIRIM", NULL,
};

/* RAHASIA, with a name: the reporter an admin may be shown. */
static const char *const story_c[] = {
  "Halo", "1", "pungli", "Kepala Puskesmas Oesapa", "Kota Kupang",
  "kemarin", ("Petugas puskesmas menagih biaya pendaftaran lima puluh ribu "
              "rupiah kepada pasien BPJS tanpa karcis resmi"),
  "LANJUT", "LEWATI", "2", "Maria Goreti Lake", "KIRIM", NULL,
};

#define NSTORY 11

/* Send one message from digits and wait for the one reply it brings. */
static void
wa_say(const char *digits, const char *id, const char *text)
{
  int before = fakeprov_count(fp);

  ck_assert_int_eq(tu_wa_say(d.port, "/webhook/wa", WA_SECRET, digits, id,
                             text), 200);
  ck_assert_int_eq(fakeprov_wait(fp, before + 1, 10000), 0);
}

/* Tell story from digits until the ticket is filed; its number
 * (allocated). */
static char *
file_report(const char *digits, const char *const *story)
{
  char id[64];
  int i;

  for (i = 0; story[i] != NULL; i++) {
    snprintf(id, sizeof(id), "wamid.%s.%d", digits, i);
    wa_say(digits, id, story[i]);
  }
  {
    char sql[160];
    snprintf(sql, sizeof(sql), "SELECT t.number FROM tickets t JOIN "
             "reporters r ON r.id = t.reporter_id WHERE r.phone = '+%s'",
             digits);
    return tu_db_text(&d, sql);
  }
}

/* The notice the catalogue gives for a move to status, JSON-escaped as it
 * appears inside a request body (allocated).  flat: as a template's
 * parameter, where Meta takes no new lines or runs of spaces. */
static char *
notice_text(const char *status, const char *ticket, const char *note,
            const char *agency, int flat)
{
  struct catalog *cat = NULL;
  struct catalog_var v[4];
  struct buf label = BUF_INIT, text = BUF_INIT;
  char key[40], *out;

  ck_assert_int_eq(catalog_load(ADUAN_SOURCE_DIR "/config/messages.id.conf",
                                conv_catalog_keys, conv_catalog_nkeys, &cat,
                                NULL), 0);
  snprintf(key, sizeof(key), "status.%s", status);
  ck_assert_int_eq(catalog_render(cat, key, 0, NULL, 0, &label), 0);
  v[0].name = "ticket";
  v[0].value = ticket;
  v[1].name = "status";
  v[1].value = label.data;
  v[2].name = "note";
  v[2].value = note ? note : "";
  v[3].name = "agency";
  v[3].value = agency ? agency : "";
  snprintf(key, sizeof(key), "notify.%s", status);
  ck_assert_int_eq(catalog_render(cat, key, 0, v, 4, &text), 0);
  if (flat) {
    size_t i, o = 0;
    for (i = 0; i < text.len; i++) {
      char c = (unsigned char)text.data[i] < 0x20 ? ' ' : text.data[i];
      if (c == ' ' && o > 0 && text.data[o - 1] == ' ')
        continue;
      text.data[o++] = c;
    }
    text.data[o] = '\0';
  }
  out = tu_json_str(text.data);
  buf_free(&label);
  buf_free(&text);
  catalog_free(cat);
  return out;
}

/* Body of the fake's request i (allocated), waiting for it. */
static char *
sent_body(int i)
{
  struct fp_request rq;
  char *body;

  ck_assert_int_eq(fakeprov_wait(fp, i + 1, 10000), 0);
  ck_assert_int_eq(fakeprov_request(fp, i, &rq), 0);
  body = strdup(rq.body ? rq.body : "");
  fp_request_free(&rq);
  return body;
}

/* ---- What aduanctl shows ------------------------------------------------ */

/* The events of ticket number, from `aduanctl show --json`. */
static struct json_object *
events_of(const char *number)
{
  struct json_object *t, *ev;
  char *out;

  ck_assert_int_eq(ctl(&out, NULL, "show", number, "--json", NULL), 0);
  t = json_tokener_parse(out);
  ck_assert_ptr_nonnull(t);
  ck_assert(json_object_object_get_ex(t, "events", &ev));
  json_object_get(ev);
  json_object_put(t);
  free(out);
  return ev;
}

static const char *
jstr(struct json_object *o, const char *key)
{
  struct json_object *v;

  if (!json_object_object_get_ex(o, key, &v) ||
      json_object_is_type(v, json_type_null))
    return NULL;
  return json_object_get_string(v);
}

/* 1 when `aduanctl tickets --status status --json` lists number. */
static int
listed_as(const char *number, const char *status)
{
  struct json_object *root, *arr;
  char *out;
  size_t i;
  int found = 0;

  ck_assert_int_eq(ctl(&out, NULL, "tickets", "--status", status, "--json",
                       NULL), 0);
  root = json_tokener_parse(out);
  ck_assert_ptr_nonnull(root);
  ck_assert(json_object_object_get_ex(root, "tickets", &arr));
  for (i = 0; i < json_object_array_length(arr); i++) {
    struct json_object *t = json_object_array_get_idx(arr, i);
    ck_assert_str_eq(jstr(t, "status"), status);
    if (strcmp(jstr(t, "number"), number) == 0)
      found = 1;
  }
  json_object_put(root);
  free(out);
  return found;
}

/*
 * Move number from one status to another with aduanctl and check all
 * that follows: exit 0 and a readable line, one notice to the reporter
 * with the catalogue's text, a new event naming the operator, and the
 * ticket listed under its new status only.
 */
static void
move(const char *number, const char *from, const char *to, const char *note,
     const char *agency)
{
  struct json_object *ev, *last;
  char *out, *err, *want, *body, line[160];
  int sent = fakeprov_count(fp), nev, rc;
  size_t n;

  ev = events_of(number);
  nev = (int)json_object_array_length(ev);
  json_object_put(ev);
  if (agency != NULL)
    rc = ctl(&out, &err, "status", number, to, "--note", note, "--agency",
             agency, NULL);
  else
    rc = ctl(&out, &err, "status", number, to, "--note", note, NULL);
  ck_assert_msg(rc == 0, "%s -> %s: exit %d, %s", from, to, rc, err);
  snprintf(line, sizeof(line), "%s: %s -> %s by " ACTOR, number, from, to);
  ck_assert_msg(strstr(out, line) != NULL, "want '%s' in '%s'", line, out);
  free(out);
  free(err);

  /* The reporter hears of it, in their channel, in the catalogue's words,
   * within the 24-hour window as free text. */
  body = sent_body(sent);
  want = notice_text(to, number, note, agency, 0);
  ck_assert_msg(strstr(body, want) != NULL, "want '%s' in '%s'", want, body);
  ck_assert_ptr_nonnull(strstr(body, number));
  ck_assert_ptr_nonnull(strstr(body, "\"to\":\"628123456789"));
  ck_assert_ptr_nonnull(strstr(body, "\"type\":\"text\""));
  free(want);
  free(body);

  /* The change is in the record with who made it. */
  ev = events_of(number);
  n = json_object_array_length(ev);
  ck_assert_int_eq((int)n, nev + 1);
  last = json_object_array_get_idx(ev, n - 1);
  ck_assert_str_eq(jstr(last, "from"), from);
  ck_assert_str_eq(jstr(last, "to"), to);
  ck_assert_str_eq(jstr(last, "actor"), ACTOR);
  ck_assert_str_eq(jstr(last, "note"), note);
  json_object_put(ev);

  ck_assert(listed_as(number, to));
  ck_assert(!listed_as(number, from));
}

/* A move the lifecycle forbids: exit 4, a clear message, nothing sent,
 * nothing recorded. */
static void
refused(const char *number, const char *from, const char *to)
{
  struct json_object *ev;
  char *err, want[160];
  int sent = fakeprov_count(fp), nev;

  ev = events_of(number);
  nev = (int)json_object_array_length(ev);
  json_object_put(ev);
  ck_assert_int_eq(ctl(NULL, &err, "status", number, to, "--note", "coba",
                       "--agency", "Inspektorat", NULL), 4);
  snprintf(want, sizeof(want), "a ticket cannot go from %s to %s", from, to);
  ck_assert_msg(strstr(err, want) != NULL, "stderr: %s", err);
  free(err);
  ev = events_of(number);
  ck_assert_int_eq((int)json_object_array_length(ev), nev);
  json_object_put(ev);
  ck_assert(listed_as(number, from));
  ck_assert_int_eq(fakeprov_count(fp), sent);
}

START_TEST(operator_moves_tickets_through_every_state)
{
  char *a, *b, *out;

  start();
  a = file_report("6281234567890", story_a);
  b = file_report("6281234567891", story_b);
  ck_assert_ptr_nonnull(a);
  ck_assert_ptr_nonnull(b);
  ck_assert(listed_as(a, "diterima"));
  ck_assert(listed_as(b, "diterima"));

  move(a, "diterima", "diverifikasi", "Laporan lengkap dan dapat diproses.",
       NULL);
  move(a, "diverifikasi", "ditunda", "Mohon kirim nama loket dan jamnya.",
       NULL);
  move(a, "ditunda", "diproses", "Diteruskan untuk pemeriksaan.",
       "Inspektorat Daerah Provinsi NTT");
  move(a, "diproses", "selesai", "Petugas telah diberi sanksi disiplin.",
       NULL);
  /* Closed is closed. */
  refused(a, "selesai", "diproses");
  refused(a, "selesai", "ditunda");

  refused(b, "diterima", "selesai");
  move(b, "diterima", "ditolak", "bukan_wewenang: laporan ini wewenang "
       "pemerintah kabupaten.", NULL);
  refused(b, "ditolak", "diverifikasi");

  /* Readable by default: a table, and one ticket with its history. */
  ck_assert_int_eq(ctl(&out, NULL, "tickets", NULL), 0);
  ck_assert_ptr_nonnull(strstr(out, "NUMBER"));
  ck_assert_ptr_nonnull(strstr(out, a));
  ck_assert_ptr_nonnull(strstr(out, b));
  ck_assert_ptr_nonnull(strstr(out, "(2 tickets)"));
  ck_assert_ptr_null(strstr(out, "6281234567890"));
  free(out);
  ck_assert_int_eq(ctl(&out, NULL, "show", a, NULL), 0);
  ck_assert_ptr_nonnull(strstr(out, "diproses -> selesai  by " ACTOR));
  ck_assert_ptr_nonnull(strstr(out, "Inspektorat Daerah Provinsi NTT"));
  ck_assert_ptr_null(strstr(out, "6281234567890"));
  free(out);
  ck_assert(tu_daemon_log_has(&d, "event=ticket.status"));
  ck_assert(tu_daemon_log_has(&d, "event=ticket.status_refused"));
  free(a);
  free(b);
  stop();
}
END_TEST

START_TEST(aduanctl_exit_codes_and_help)
{
  static const char *const cmds[] = {"tickets", "show", "status", "export",
                                     "chat"};
  char *out, *err, *a;
  size_t i;

  start();
  a = file_report("6281234567890", story_a);
  ck_assert_ptr_nonnull(a);
  /* No such ticket: 3, for reading and for moving. */
  ck_assert_int_eq(ctl(NULL, &err, "show", "NTT-2020-99999", NULL), 3);
  ck_assert_ptr_nonnull(strstr(err, "no such ticket"));
  free(err);
  ck_assert_int_eq(ctl(NULL, NULL, "status", "NTT-2020-99999", "diverifikasi",
                       "--note", "x", NULL), 3);
  ck_assert_int_eq(ctl(NULL, NULL, "show", "bukan-nomor", NULL), 3);

  /* Usage errors: 2, and the daemon is not asked. */
  ck_assert_int_eq(ctl(NULL, NULL, "status", a, NULL), 2);
  ck_assert_int_eq(ctl(NULL, NULL, "status", a, "diverifikasi", NULL), 2);
  ck_assert_int_eq(ctl(NULL, &err, "status", a, "beres", "--note", "x",
                       NULL), 2);
  ck_assert_ptr_nonnull(strstr(err, "unknown status 'beres'"));
  free(err);
  ck_assert_int_eq(ctl(NULL, &err, "status", a, "diproses", "--note", "x",
                       NULL), 2);
  ck_assert_ptr_nonnull(strstr(err, "--agency"));
  free(err);
  ck_assert_int_eq(ctl(NULL, NULL, "tickets", "--status", "beres", NULL), 2);
  ck_assert_int_eq(ctl(NULL, NULL, "tickets", "--since", "2026-13-01", NULL),
                   2);
  ck_assert_int_eq(ctl(NULL, NULL, "tickets", "--bogus", NULL), 2);
  ck_assert_int_eq(ctl(NULL, NULL, "export", NULL), 2);
  ck_assert_int_eq(ctl(NULL, NULL, "export", "--since", "2026-01-01",
                       "--format", "xml", NULL), 2);
  ck_assert_int_eq(ctl(NULL, NULL, "show", NULL), 2);
  ck_assert_int_eq(ctl(NULL, NULL, "frobnicate", NULL), 2);
  ck_assert_int_eq(ctl(NULL, NULL, NULL), 2);
  /* None of that changed anything. */
  ck_assert(listed_as(a, "diterima"));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM ticket_events "
                                 "WHERE actor LIKE 'tester%'"), 0);

  /* --help for each command: 0, its usage on stdout. */
  for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
    char want[64];
    ck_assert_int_eq(ctl(&out, NULL, cmds[i], "--help", NULL), 0);
    snprintf(want, sizeof(want), "usage: aduanctl %s", cmds[i]);
    ck_assert_msg(strstr(out, want) != NULL, "%s --help: %s", cmds[i], out);
    free(out);
  }

  /* An operator has the config but not the service's credentials:
   * aduanctl -c still finds the socket in it. */
  {
    char *opconf = tu_path(d.dir, "operator.conf");
    const char *argv[] = {ADUANCTL_BIN, "-c", opconf, "tickets", "--json",
                          NULL};
    struct buf b = BUF_INIT;
    int st;
    buf_printf(&b, "[admin]\nsocket = %s\n[channel.wa]\n"
               "type = whatsapp_cloud\n"
               "app_secret = credential:wa-app-secret\n"
               "verify_token = credential:wa-verify-token\n"
               "access_token = file:/nonexistent/wa-access-token\n"
               "phone_number_id = 112233445566778\n", sock);
    ck_assert_int_eq(tu_write_file(opconf, b.data), 0);
    unsetenv("CREDENTIALS_DIRECTORY");
    ck_assert_int_eq(tu_run(argv, NULL, &out, &err, &st), 0);
    ck_assert_msg(EXITED_WITH(st, 0), "stderr: %s", err);
    ck_assert_ptr_nonnull(strstr(out, a));
    free(out);
    free(err);
    buf_free(&b);
    free(opconf);
  }

  /* A daemon that is not there: 1 and a clear message. */
  free(sock);
  sock = tu_path(d.dir, "var/nobody.sock");
  ck_assert_int_eq(ctl(NULL, &err, "tickets", NULL), 1);
  ck_assert_ptr_nonnull(strstr(err, "cannot reach the daemon"));
  free(err);
  free(a);
  stop();
}
END_TEST

/* Today in WITA, as aduanctl takes dates. */
static void
wita_today(char out[16], int days)
{
  time_t t = time(NULL) + 8 * 3600 + (time_t)days * 86400;
  struct tm tm;

  gmtime_r(&t, &tm);
  strftime(out, 16, "%Y-%m-%d", &tm);
}

/* No form of either reporter's number. */
static void
assert_no_phone(const char *text)
{
  static const char *const forms[] = {"6281234567890", "81234567890",
                                      "6281234567891", "81234567891",
                                      "+62812****"};
  size_t i;

  for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
    ck_assert_msg(strstr(text, forms[i]) == NULL, "%s in:\n%s", forms[i],
                  text);
}

START_TEST(export_has_the_tickets_and_no_phone_number)
{
  struct json_object *root, *arr;
  char today[16], tomorrow[16], *a, *b, *out;

  start();
  a = file_report("6281234567890", story_a);
  b = file_report("6281234567891", story_b);
  wita_today(today, 0);
  wita_today(tomorrow, 1);

  ck_assert_int_eq(ctl(&out, NULL, "export", "--since", today, "--format",
                       "csv", NULL), 0);
  ck_assert_int_eq(strncmp(out, "number,created,status,category,", 31), 0);
  ck_assert_ptr_nonnull(strstr(out, a));
  ck_assert_ptr_nonnull(strstr(out, b));
  ck_assert_ptr_nonnull(strstr(out, "Bendahara Dinas Pendidikan"));
  ck_assert_ptr_nonnull(strstr(out, "\"R-"));   /* reporters by handle */
  assert_no_phone(out);
  free(out);

  ck_assert_int_eq(ctl(&out, NULL, "export", "--since", today, "--until",
                       today, "--format", "json", NULL), 0);
  root = json_tokener_parse(out);
  ck_assert_ptr_nonnull(root);
  ck_assert(json_object_object_get_ex(root, "tickets", &arr));
  ck_assert_int_eq((int)json_object_array_length(arr), 2);
  ck_assert_ptr_nonnull(strstr(out, a));
  ck_assert_ptr_nonnull(strstr(out, b));
  assert_no_phone(out);
  json_object_put(root);
  free(out);

  /* Nothing was filed tomorrow. */
  ck_assert_int_eq(ctl(&out, NULL, "export", "--since", tomorrow, "--format",
                       "json", NULL), 0);
  ck_assert_ptr_nonnull(strstr(out, "\"count\":0"));
  free(out);
  /* The listings carry no number either. */
  ck_assert_int_eq(ctl(&out, NULL, "tickets", "--since", today, "--json",
                       NULL), 0);
  assert_no_phone(out);
  free(out);
  ck_assert_int_eq(ctl(&out, NULL, "show", a, "--json", NULL), 0);
  assert_no_phone(out);
  free(out);
  free(a);
  free(b);
  stop();
}
END_TEST

/* ---- Reload ------------------------------------------------------------- */

/* text with the first "from" replaced by "to" (allocated). */
static char *
replace(const char *text, const char *from, const char *to)
{
  const char *p = strstr(text, from);
  struct buf b = BUF_INIT;

  ck_assert_msg(p != NULL, "'%s' not found", from);
  buf_append(&b, text, (size_t)(p - text));
  buf_puts(&b, to);
  buf_puts(&b, p + strlen(from));
  return buf_steal(&b);
}

/* SIGHUP and wait for the outcome (needle) in the log after now; the
 * line that says so (allocated). */
static char *
reload(const char *needle)
{
  size_t mark = tu_daemon_mark(&d);
  const char *p, *end;
  char *line;

  ck_assert_int_eq(tu_daemon_kill(&d, SIGHUP), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, needle, 10000), 0);
  pthread_mutex_lock(&d.mu);
  p = strstr(d.log + mark, needle);
  while (p > d.log && p[-1] != '\n')
    p--;
  end = strchr(p, '\n');
  line = strndup(p, end ? (size_t)(end - p) : strlen(p));
  pthread_mutex_unlock(&d.mu);
  return line;
}

/* The first line of the reply to text from number (allocated). */
static char *
first_reply(const char *number, const char *text)
{
  struct tu_replies r;
  char *line, *nl;

  ck_assert_int_eq(tu_say(&d, number, text, NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert_int_gt(r.n, 0);
  line = strdup(r.v[r.n - 1]);
  nl = strchr(line, '\n');
  if (nl != NULL)
    *nl = '\0';
  tu_replies_free(&r);
  return line;
}

START_TEST(reload_applies_new_texts_and_names_what_changed)
{
  char *cat = NULL, *conf, *orig_cat, *text, *next, *line, *reply;
  char *oldsock, *othersock, *good;
  int status;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  sock = tu_path(d.dir, "var/admin.sock");
  cat = tu_path(d.dir, "messages.conf");
  reply = first_reply("081200000001", "Halo");
  ck_assert_int_eq(strncmp(reply, tu_text("menu"), strlen(reply)), 0);
  free(reply);

  /* The admin copies the catalogue, edits the menu, points the config at
   * the copy and changes a timeout: one reload applies all of it. */
  orig_cat = tu_read_file(ADUAN_SOURCE_DIR "/config/messages.id.conf", NULL);
  ck_assert_ptr_nonnull(orig_cat);
  text = replace(orig_cat, "menu = Selamat datang di Layanan Pengaduan "
                 "Pemprov NTT.", "menu = Halo, ini menu yang baru.");
  ck_assert_int_eq(tu_write_file(cat, text), 0);
  free(text);
  conf = tu_read_file(d.conf, NULL);
  text = replace(conf, ADUAN_SOURCE_DIR "/config/messages.id.conf", cat);
  next = replace(text, "header_timeout = 2s", "header_timeout = 3s");
  free(text);
  ck_assert_int_eq(tu_write_file(d.conf, next), 0);
  good = next;
  line = reload("event=config.reloaded");
  ck_assert_msg(strstr(line, "changed=\"server.header_timeout "
                       "conversation.catalog\"") != NULL, "%s", line);
  ck_assert_msg(strstr(line, "content=conversation.catalog") != NULL, "%s",
                line);
  free(line);
  reply = first_reply("081200000002", "Halo");
  ck_assert_str_eq(reply, "Halo, ini menu yang baru.");
  free(reply);
  reply = first_reply("081200000001", "MENU");
  ck_assert_str_eq(reply, "Halo, ini menu yang baru.");
  free(reply);

  /* The text alone changes: the config is the same, the file is not. */
  text = replace(orig_cat, "menu = Selamat datang di Layanan Pengaduan "
                 "Pemprov NTT.", "menu = Menu ketiga.");
  ck_assert_int_eq(tu_write_file(cat, text), 0);
  free(text);
  line = reload("event=config.reloaded");
  ck_assert_msg(strstr(line, "changed=none content=conversation.catalog")
                != NULL, "%s", line);
  free(line);
  reply = first_reply("081200000003", "Halo");
  ck_assert_str_eq(reply, "Menu ketiga.");
  free(reply);

  /* A broken config is refused, with file and line, and the daemon goes
   * on with what it had. */
  ck_assert_int_eq(tu_write_file(d.conf, "[server]\nlisten = 127.0.0.1:0\n"
                                 "bogus = 1\n"), 0);
  line = reload("event=config.reload_refused");
  ck_assert_msg(strstr(line, "aduand.conf:3:") != NULL, "%s", line);
  free(line);
  reply = first_reply("081200000004", "Halo");
  ck_assert_str_eq(reply, "Menu ketiga.");
  free(reply);
  /* So is a broken catalogue. */
  ck_assert_int_eq(tu_write_file(d.conf, good), 0);
  ck_assert_int_eq(tu_write_file(cat, "menu = Halo {siapa}\n"), 0);
  line = reload("event=config.reload_refused");
  ck_assert_msg(strstr(line, "messages.conf:1:") != NULL, "%s", line);
  free(line);
  reply = first_reply("081200000005", "Halo");
  ck_assert_str_eq(reply, "Menu ketiga.");
  free(reply);
  ck_assert_int_eq(tu_write_file(cat, orig_cat), 0);

  /* A setting only a restart applies: named, warned about, and the
   * running value kept: the old socket still answers, and is the one
   * removed on stop, not whatever the new path names. */
  othersock = tu_path(d.dir, "var/other.sock");
  ck_assert_int_eq(tu_write_file(othersock, "not ours\n"), 0);
  text = replace(good, "[channel.dev]", "[admin]\nsocket = var/other.sock\n"
                 "[channel.dev]");
  ck_assert_int_eq(tu_write_file(d.conf, text), 0);
  free(text);
  line = reload("event=config.reloaded");
  ck_assert_msg(strstr(line, "admin.socket") != NULL, "%s", line);
  free(line);
  ck_assert(tu_daemon_log_has(&d, "event=config.restart_needed"));
  ck_assert(tu_daemon_log_has(&d, "[admin] socket changed"));
  ck_assert_int_eq(ctl(NULL, NULL, "tickets", NULL), 0);
  oldsock = strdup(sock);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGTERM), 0);
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 10000, &status), 0);
  ck_assert(EXITED_WITH(status, 0));
  ck_assert_int_ne(access(oldsock, F_OK), 0);
  ck_assert_int_eq(access(othersock, F_OK), 0);

  free(oldsock);
  free(othersock);
  free(good);
  free(conf);
  free(orig_cat);
  free(cat);
  free(sock);
  sock = NULL;
  tu_daemon_cleanup(&d);
}
END_TEST

/* The gazetteer and the file it includes are read again on SIGHUP: a bad
 * line in the included file is refused with that file's name and line,
 * and once mended the reload is taken. */
START_TEST(reload_reads_the_included_gazetteer)
{
  char *places, *desa, *conf, *text, *line, *orig, want[64];
  struct buf b = BUF_INIT;
  const char *p;
  int lines = 0;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  places = tu_path(d.dir, "wilayah.txt");
  desa = tu_path(d.dir, "wilayah-desa.txt");
  text = tu_read_file(ADUAN_SOURCE_DIR "/config/wilayah.txt", NULL);
  ck_assert_ptr_nonnull(text);
  ck_assert_int_eq(tu_write_file(places, text), 0);
  free(text);
  orig = tu_read_file(ADUAN_SOURCE_DIR "/config/wilayah-desa.txt", NULL);
  ck_assert_ptr_nonnull(orig);
  ck_assert_int_eq(tu_write_file(desa, orig), 0);
  conf = tu_read_file(d.conf, NULL);
  text = replace(conf, ADUAN_SOURCE_DIR "/config/wilayah.txt", places);
  ck_assert_int_eq(tu_write_file(d.conf, text), 0);
  free(text);
  line = reload("event=config.reloaded");
  free(line);

  /* A kecamatan under a code listed nowhere, on the file's last line. */
  for (p = orig; *p != '\0'; p++)
    lines += *p == '\n';
  ck_assert_int_eq(buf_printf(&b, "%s53.99.01 | Kecamatan Baru | | 5399\n",
                              orig), 0);
  ck_assert_int_eq(tu_write_file(desa, b.data), 0);
  line = reload("event=config.reload_refused");
  snprintf(want, sizeof(want), "wilayah-desa.txt:%d: '5399'", lines + 1);
  ck_assert_msg(strstr(line, want) != NULL, "%s", line);
  free(line);

  ck_assert_int_eq(tu_write_file(desa, orig), 0);
  line = reload("event=config.reloaded");
  free(line);
  buf_free(&b);
  free(conf);
  free(orig);
  free(desa);
  free(places);
  tu_daemon_cleanup(&d);
}
END_TEST

/* A WhatsApp webhook is checked against the app secret of the running
 * config: after a reload that changes it, the old secret's signature is
 * refused and the new one's taken (the channel's keyed signature goes
 * with its config). */
START_TEST(reload_changes_the_app_secret)
{
  char *conf, *next, *line;

  start();
  ck_assert_int_eq(tu_wa_say(d.port, "/webhook/wa", WA_SECRET,
                             "6281200000071", "wamid.rekey.1", "Halo"), 200);
  ck_assert_int_eq(tu_wa_say(d.port, "/webhook/wa", "wa-app-secret-new",
                             "6281200000071", "wamid.rekey.2", "Halo"), 401);
  conf = tu_read_file(d.conf, NULL);
  ck_assert_ptr_nonnull(conf);
  next = replace(conf, "app_secret = " WA_SECRET,
                 "app_secret = wa-app-secret-new");
  ck_assert_int_eq(tu_write_file(d.conf, next), 0);
  line = reload("event=config.reloaded");
  ck_assert_msg(strstr(line, "channel.wa.app_secret") != NULL, "%s", line);
  free(line);
  ck_assert_int_eq(tu_wa_say(d.port, "/webhook/wa", WA_SECRET,
                             "6281200000071", "wamid.rekey.3", "Halo"), 401);
  ck_assert_int_eq(tu_wa_say(d.port, "/webhook/wa", "wa-app-secret-new",
                             "6281200000071", "wamid.rekey.4", "Halo"), 200);
  free(conf);
  free(next);
  stop();
}
END_TEST

/* ---- Metrics ------------------------------------------------------------ */

/* One sample of a scrape. */
struct sample {
  char *key;        /* name{labels} as written */
  double value;
};

struct scrape {
  struct sample *v;
  int n;
};

static void
scrape_free(struct scrape *s)
{
  int i;

  for (i = 0; i < s->n; i++)
    free(s->v[i].key);
  free(s->v);
  memset(s, 0, sizeof(*s));
}

static int
name_start(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == ':';
}

static int
name_char(char c)
{
  return name_start(c) || (c >= '0' && c <= '9');
}

/* Length of the metric name at p (0 when there is none). */
static size_t
name_len(const char *p)
{
  size_t n = 0;

  if (!name_start(p[0]))
    return 0;
  while (name_char(p[n]))
    n++;
  return n;
}

/* The family a sample belongs to, given the declared types: a histogram's
 * _bucket, _sum and _count belong to it. */
static const char *
family_of(const char *name, struct json_object *types, char *buf, size_t len)
{
  static const char *const suffixes[] = {"_bucket", "_sum", "_count"};
  size_t i, n = strlen(name);

  if (json_object_object_get_ex(types, name, NULL))
    return name;
  for (i = 0; i < 3; i++) {
    size_t k = strlen(suffixes[i]);
    struct json_object *t;
    if (n > k && strcmp(name + n - k, suffixes[i]) == 0 && n - k < len) {
      memcpy(buf, name, n - k);
      buf[n - k] = '\0';
      if (json_object_object_get_ex(types, buf, &t) &&
          strcmp(json_object_get_string(t), "histogram") == 0)
        return buf;
    }
  }
  return NULL;
}

/* Record why a scrape is refused and leave the parser. */
#define BAD(...)                              \
  do {                                        \
    snprintf(why, whylen, __VA_ARGS__);       \
    goto refused;                             \
  } while (0)

/*
 * Parse text as the Prometheus text format (0.0.4), strictly: only
 * "# HELP" and "# TYPE" comments, one TYPE per family and before its
 * samples, names and label names of the allowed characters, label values
 * quoted with only \\ \" \n escapes, values that parse as floats, no
 * series twice, every line ended by a newline; a histogram's buckets
 * cumulative with +Inf equal to its count.  0 with the samples in out, or
 * -1 with the first problem in why (out then empty).
 */
static int
prom_parse(const char *text, struct scrape *out, char *why, size_t whylen)
{
  struct json_object *types = json_object_new_object();
  struct json_object *helps = json_object_new_object();
  struct buf key = BUF_INIT;
  const char *p = text;
  char *line = NULL;
  int lineno = 0, i;

  memset(out, 0, sizeof(*out));
  if (*text == '\0')
    BAD("empty scrape");
  if (text[strlen(text) - 1] != '\n')
    BAD("last line not ended");
  while (*p != '\0') {
    const char *eol = strchr(p, '\n'), *q;
    char name[128], fam[128];
    size_t n;
    double v;

    free(line);
    line = strndup(p, (size_t)(eol - p));
    q = line;
    lineno++;
    p = eol + 1;
    if (*line == '\0')
      BAD("line %d: empty", lineno);
    if (line[0] == '#') {
      int is_type = strncmp(line, "# TYPE ", 7) == 0;
      if (!is_type && strncmp(line, "# HELP ", 7) != 0)
        BAD("line %d: comment '%s'", lineno, line);
      q = line + 7;
      n = name_len(q);
      if (n == 0 || n >= sizeof(name) || q[n] != ' ')
        BAD("line %d: bad name in '%s'", lineno, line);
      memcpy(name, q, n);
      name[n] = '\0';
      if (is_type) {
        const char *t = q + n + 1;
        if (strcmp(t, "counter") != 0 && strcmp(t, "gauge") != 0 &&
            strcmp(t, "histogram") != 0 && strcmp(t, "summary") != 0 &&
            strcmp(t, "untyped") != 0)
          BAD("line %d: type '%s'", lineno, t);
        if (json_object_object_get_ex(types, name, NULL))
          BAD("line %d: second TYPE for %s", lineno, name);
        json_object_object_add(types, name, json_object_new_string(t));
      } else {
        if (json_object_object_get_ex(helps, name, NULL))
          BAD("line %d: second HELP for %s", lineno, name);
        json_object_object_add(helps, name, json_object_new_boolean(1));
      }
      continue;
    }
    n = name_len(q);
    if (n == 0 || n >= sizeof(name))
      BAD("line %d: bad name in '%s'", lineno, line);
    memcpy(name, q, n);
    name[n] = '\0';
    if (family_of(name, types, fam, sizeof(fam)) == NULL)
      BAD("line %d: %s has no TYPE before it", lineno, name);
    buf_free(&key);
    buf_puts(&key, name);
    q += n;
    if (*q == '{') {
      buf_puts(&key, "{");
      q++;
      while (*q != '}') {
        size_t ln = name_len(q);
        if (ln == 0 || q[ln] != '=' || q[ln + 1] != '"')
          BAD("line %d: bad label in '%s'", lineno, line);
        buf_append(&key, q, ln + 2);
        q += ln + 2;
        while (*q != '"') {
          if (*q == '\0')
            BAD("line %d: open label value", lineno);
          if (*q == '\\') {
            if (q[1] != '\\' && q[1] != '"' && q[1] != 'n')
              BAD("line %d: bad escape", lineno);
            buf_append(&key, q, 2);
            q += 2;
          } else {
            buf_append(&key, q, 1);
            q++;
          }
        }
        buf_puts(&key, "\"");
        q++;
        if (*q == ',') {
          buf_puts(&key, ",");
          q++;
          if (*q == '}')
            BAD("line %d: trailing comma", lineno);
        } else if (*q != '}') {
          BAD("line %d: bad label list", lineno);
        }
      }
      buf_puts(&key, "}");
      q++;
    }
    if (*q != ' ')
      BAD("line %d: no value in '%s'", lineno, line);
    q++;
    if (strcmp(q, "+Inf") == 0) {
      v = INFINITY;
    } else if (strcmp(q, "-Inf") == 0) {
      v = -INFINITY;
    } else if (strcmp(q, "NaN") == 0) {
      v = NAN;
    } else {
      char *end;
      errno = 0;
      v = strtod(q, &end);
      if (end == q || *end != '\0' || errno != 0)
        BAD("line %d: value '%s'", lineno, q);
    }
    for (i = 0; i < out->n; i++)
      if (strcmp(out->v[i].key, key.data) == 0)
        BAD("line %d: %s twice", lineno, key.data);
    out->v = realloc(out->v, (size_t)(out->n + 1) * sizeof(*out->v));
    ck_assert_ptr_nonnull(out->v);
    out->v[out->n].key = buf_steal(&key);
    out->v[out->n].value = v;
    out->n++;
  }
  /* Histograms: cumulative buckets, +Inf equal to _count. */
  {
    json_object_object_foreach(types, fname, ftype) {
      double last = 0, inf = -1, count = -1;
      char prefix[160];
      if (strcmp(json_object_get_string(ftype), "histogram") != 0)
        continue;
      snprintf(prefix, sizeof(prefix), "%s_bucket{le=\"", fname);
      for (i = 0; i < out->n; i++) {
        const char *k = out->v[i].key;
        if (strncmp(k, prefix, strlen(prefix)) == 0) {
          if (out->v[i].value < last)
            BAD("%s not cumulative", k);
          last = out->v[i].value;
          if (strstr(k, "le=\"+Inf\"") != NULL)
            inf = out->v[i].value;
        } else if (strncmp(k, fname, strlen(fname)) == 0 &&
                   strcmp(k + strlen(fname), "_count") == 0) {
          count = out->v[i].value;
        }
      }
      if (inf < 0 || inf != count)
        BAD("%s: +Inf bucket %g, count %g", fname, inf, count);
    }
  }
  free(line);
  json_object_put(types);
  json_object_put(helps);
  return 0;

refused:
  free(line);
  buf_free(&key);
  scrape_free(out);
  json_object_put(types);
  json_object_put(helps);
  return -1;
}

/* prom_parse, failing the test on a refusal. */
static void
parse_prometheus(const char *text, struct scrape *out)
{
  char why[256];

  ck_assert_msg(prom_parse(text, out, why, sizeof(why)) == 0,
                "not Prometheus text: %s\n%s", why, text);
}

/* The value of key in s; 0 when absent (a counter not counted yet). */
static double
metric(const struct scrape *s, const char *key)
{
  int i;

  for (i = 0; i < s->n; i++)
    if (strcmp(s->v[i].key, key) == 0)
      return s->v[i].value;
  return 0;
}

/* GET /metrics on the admin socket, parsed. */
static void
scrape_admin(struct scrape *s)
{
  FILE *devnull = fopen("/dev/null", "w");
  char *body = NULL;
  long status = 0;

  ck_assert_int_eq(ctl_admin(sock, "GET", "/metrics", NULL, &status, &body,
                             devnull), 0);
  ck_assert_int_eq(status, 200);
  parse_prometheus(body, s);
  free(body);
  fclose(devnull);
}

/* A message that brings one reply: wait until the sender has recorded
 * that reply as sent. */
static void
wa_say_sent(const char *digits, const char *id, const char *text)
{
  size_t mark = tu_daemon_mark(&d);

  wa_say(digits, id, text);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=outbox.sent", 10000),
                   0);
}

#define RECEIVED "aduan_messages_received_total{channel=\"wa\",kind=\"text\"}"
#define SENT "aduan_replies_total{channel=\"wa\",status=\"sent\"}"

START_TEST(metrics_parse_and_move_with_the_messages)
{
  struct scrape s0, s1, s2;
  struct tu_resp r;
  char *conf, *text;
  int i;

  start_env("metrics_public = yes\n", NULL, NULL);
  scrape_admin(&s0);
  ck_assert_int_gt(s0.n, 0);
  ck_assert_double_eq(metric(&s0, "aduan_tickets{status=\"diterima\"}"), 0);

  /* Three messages, one of them an answer the menu does not know. */
  wa_say_sent("6281299990000", "wamid.m1", "Halo");
  wa_say_sent("6281299990000", "wamid.m2", "9");
  wa_say_sent("6281299990000", "wamid.m3", "1");
  scrape_admin(&s1);
  ck_assert_double_eq(metric(&s1, RECEIVED) - metric(&s0, RECEIVED), 3);
  ck_assert_double_eq(metric(&s1, SENT) - metric(&s0, SENT), 3);
  ck_assert_double_eq(metric(&s1, "aduan_outbox_rows{status=\"sent\"}"), 3);
  ck_assert_double_eq(metric(&s1, "aduan_outbox_rows{status=\"queued\"}"), 0);
  ck_assert_double_eq(
    metric(&s1, "aduan_rejections_total{reason=\"menu_choice\"}"), 1);
  ck_assert_double_eq(metric(&s1, "aduan_conversations_active"), 1);
  ck_assert_double_eq(metric(&s1, "aduan_webhook_seconds_count") -
                      metric(&s0, "aduan_webhook_seconds_count"), 3);

  /* The rest of a report: a ticket is filed. */
  for (i = 2; i < NSTORY; i++) {
    char id[32];
    snprintf(id, sizeof(id), "wamid.t%d", i);
    wa_say_sent("6281299990000", id, story_a[i]);
  }
  scrape_admin(&s2);
  ck_assert_double_eq(metric(&s2, "aduan_tickets{status=\"diterima\"}") -
                      metric(&s1, "aduan_tickets{status=\"diterima\"}"), 1);
  ck_assert_double_eq(metric(&s2, "aduan_conversations_active"), 0);
  ck_assert_double_eq(metric(&s2, RECEIVED) - metric(&s0, RECEIVED),
                      3 + NSTORY - 2);
  scrape_free(&s0);
  scrape_free(&s1);
  scrape_free(&s2);

  /* The public port serves the same text while metrics_public is set. */
  ck_assert_int_eq(tu_http(d.port, "GET", "/metrics", NULL, NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert_ptr_nonnull(strstr(r.head, "text/plain; version=0.0.4"));
  parse_prometheus(r.body, &s0);
  ck_assert_double_eq(metric(&s0, "aduan_tickets{status=\"diterima\"}"), 1);
  scrape_free(&s0);
  tu_resp_free(&r);
  /* ...and not once a reload turned it off. */
  conf = tu_read_file(d.conf, NULL);
  text = replace(conf, "metrics_public = yes", "metrics_public = no");
  ck_assert_int_eq(tu_write_file(d.conf, text), 0);
  free(reload("event=config.reloaded"));
  ck_assert_int_eq(tu_http(d.port, "GET", "/metrics", NULL, NULL, &r), 0);
  ck_assert_int_eq(r.status, 404);
  tu_resp_free(&r);
  free(conf);
  free(text);
  stop();
}
END_TEST

START_TEST(prometheus_parser_refuses_bad_text)
{
  /* The parser is strict enough to fail: each of these breaks one rule. */
  static const char *const bad[] = {
    "x 1\n",                                          /* no TYPE */
    "# TYPE x counter\nx{a=\"b\"} one\n",             /* value */
    "# TYPE x counter\nx{a=b} 1\n",                   /* unquoted */
    "# TYPE x counter\nx{a=\"b\",} 1\n",              /* trailing comma */
    "# TYPE x counter\nx{a=\"\\q\"} 1\n",             /* escape */
    "# TYPE x counter\n9x 1\n",                       /* name */
    "# TYPE x counter\nx 1",                          /* no newline */
    "# TYPE x counter\n# TYPE x gauge\nx 1\n",        /* two TYPEs */
    "# TYPE x counter\nx 1\nx 2\n",                   /* a series twice */
    "# TYPE x bogus\nx 1\n",                          /* type */
    "# TYPE h histogram\nh_bucket{le=\"1\"} 2\n"
    "h_bucket{le=\"+Inf\"} 1\nh_count 1\n",           /* not cumulative */
    "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\n"
    "h_count 1\n",                                    /* +Inf != count */
    "# comment\n# TYPE x counter\nx 1\n",             /* other comment */
  };
  static const char good[] =
    "# HELP x_total Things.\n# TYPE x_total counter\n"
    "x_total{a=\"b \\\"q\\\" \\\\ \\n\",c=\"d\"} 3\n"
    "# TYPE g gauge\ng 1.5e-3\ng{s=\"x\"} -2\n"
    "# TYPE h histogram\nh_bucket{le=\"0.5\"} 1\nh_bucket{le=\"+Inf\"} 2\n"
    "h_sum 0.7\nh_count 2\n";
  struct scrape s;
  char why[256];
  size_t i;

  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
    ck_assert_msg(prom_parse(bad[i], &s, why, sizeof(why)) == -1,
                  "accepted: %s", bad[i]);
  ck_assert_msg(prom_parse(good, &s, why, sizeof(why)) == 0, "%s", why);
  ck_assert_int_eq(s.n, 7);
  ck_assert_double_eq(metric(&s, "x_total{a=\"b \\\"q\\\" \\\\ \\n\",c=\"d\"}"),
                      3);
  ck_assert_double_eq(metric(&s, "g{s=\"x\"}"), -2);
  scrape_free(&s);
}
END_TEST

/* ---- systemd's notify socket ------------------------------------------ */

/* Wait for a datagram on fd that contains needle, skipping others; 0, or
 * -1 after timeout_ms (scaled by CK_TIMEOUT_MULTIPLIER: the daemon may
 * run under valgrind). */
static int
notify_wait(int fd, const char *needle, int timeout_ms)
{
  struct timespec t0, t;
  char msg[512];

  timeout_ms = tu_scaled_ms(timeout_ms);
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (;;) {
    struct pollfd pfd = {fd, POLLIN, 0};
    long left;
    ssize_t n;
    clock_gettime(CLOCK_MONOTONIC, &t);
    left = timeout_ms - ((t.tv_sec - t0.tv_sec) * 1000L +
                         (t.tv_nsec - t0.tv_nsec) / 1000000L);
    if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
      return -1;
    n = recv(fd, msg, sizeof(msg) - 1, 0);
    if (n < 0)
      return -1;
    msg[n] = '\0';
    if (strstr(msg, needle) != NULL)
      return 0;
  }
}

START_TEST(notify_socket_hears_ready_reloading_stopping_watchdog)
{
  struct sockaddr_un sa;
  char *dir = tu_tmpdir(), *path = tu_path(dir, "notify.sock");
  char env_sock[200];
  const char *env[] = {env_sock, "WATCHDOG_USEC=200000", NULL};
  int fd, status;

  fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  ck_assert_int_ge(fd, 0);
  memset(&sa, 0, sizeof(sa));
  sa.sun_family = AF_UNIX;
  ck_assert_uint_lt(strlen(path), sizeof(sa.sun_path));
  memcpy(sa.sun_path, path, strlen(path));
  ck_assert_int_eq(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
  snprintf(env_sock, sizeof(env_sock), "NOTIFY_SOCKET=%s", path);

  start_env(NULL, NULL, env);
  ck_assert_int_eq(notify_wait(fd, "READY=1", 10000), 0);
  /* The watchdog is fed every half interval. */
  ck_assert_int_eq(notify_wait(fd, "WATCHDOG=1", 5000), 0);
  ck_assert_int_eq(notify_wait(fd, "WATCHDOG=1", 5000), 0);
  /* A reload: RELOADING=1 with its timestamp, then READY=1 again. */
  ck_assert_int_eq(tu_daemon_kill(&d, SIGHUP), 0);
  ck_assert_int_eq(notify_wait(fd, "RELOADING=1\nMONOTONIC_USEC=", 10000), 0);
  ck_assert_int_eq(notify_wait(fd, "READY=1", 10000), 0);
  /* A refused reload is still followed by READY=1: the daemon serves. */
  ck_assert_int_eq(tu_write_file(d.conf, "[server]\nbogus = 1\n"), 0);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGHUP), 0);
  ck_assert_int_eq(notify_wait(fd, "RELOADING=1", 10000), 0);
  ck_assert_int_eq(notify_wait(fd, "the last reload was refused", 10000), 0);
  /* A stop. */
  ck_assert_int_eq(tu_daemon_kill(&d, SIGTERM), 0);
  ck_assert_int_eq(notify_wait(fd, "STOPPING=1", 10000), 0);
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 10000, &status), 0);
  ck_assert(EXITED_WITH(status, 0));
  close(fd);
  stop();
  tu_rmrf(dir);
  free(path);
  free(dir);
}
END_TEST

/* ---- Notices outside WhatsApp's 24 hours; the outbox gauge ------------- */

START_TEST(notice_after_24_hours_goes_as_template)
{
  struct scrape s;
  char *a, *body, *want;
  int n;

  start();
  a = file_report("6281234567890", story_a);
  ck_assert_ptr_nonnull(a);
  n = fakeprov_count(fp);

  /* A provider that holds the request: the notice is in flight, and the
   * gauge says so. */
  fakeprov_stall(fp, 1);
  ck_assert_int_eq(ctl(NULL, NULL, "status", a, "diverifikasi", "--note",
                       "Laporan lengkap.", NULL), 0);
  ck_assert_int_eq(fakeprov_wait(fp, n + 1, 10000), 0);
  scrape_admin(&s);
  ck_assert_double_eq(metric(&s, "aduan_outbox_rows{status=\"sending\"}"), 1);
  ck_assert_double_eq(metric(&s, "aduan_outbox_rows{status=\"sent\"}"),
                      NSTORY);
  scrape_free(&s);
  {
    size_t mark = tu_daemon_mark(&d);
    fakeprov_stall(fp, 0);
    ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=outbox.sent",
                                        10000), 0);
  }
  scrape_admin(&s);
  ck_assert_double_eq(metric(&s, "aduan_outbox_rows{status=\"sending\"}"), 0);
  ck_assert_double_eq(metric(&s, "aduan_outbox_rows{status=\"sent\"}"),
                      NSTORY + 1);
  scrape_free(&s);

  /* A day and an hour later the reporter has not written: WhatsApp takes
   * only the approved template, with the notice as its parameter. */
  ck_assert_int_eq(tu_daemon_advance(&d, 25LL * 3600 * 1000), 0);
  ck_assert_int_eq(ctl(NULL, NULL, "status", a, "ditunda", "--note",
                       "Mohon kirim nama loketnya.", NULL), 0);
  body = sent_body(n + 1);
  ck_assert_msg(strstr(body, "\"type\":\"template\"") != NULL, "%s", body);
  ck_assert_ptr_nonnull(strstr(body, "aduan_status_update"));
  want = notice_text("ditunda", a, "Mohon kirim nama loketnya.", NULL, 1);
  ck_assert_msg(strstr(body, want) != NULL, "want '%s' in '%s'", want, body);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "kind=template", 10000), 0);
  free(want);
  free(body);
  free(a);
  stop();
}
END_TEST

/* ---- The log file ------------------------------------------------------- */

START_TEST(log_file_moves_on_reload_and_reopens_on_sigusr1)
{
  struct tu_replies r;
  char *log, *rotated, *conf, *text, *old;
  size_t mark;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  log = tu_path(d.dir, "aduand.log");
  rotated = tu_path(d.dir, "aduand.log.1");
  conf = tu_read_file(d.conf, NULL);
  text = replace(conf, "level = debug\n", "level = debug\nfile = aduand.log\n");
  ck_assert_int_eq(tu_write_file(d.conf, text), 0);
  free(text);

  /* The reload names the file on stderr, then writes there. */
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGHUP), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=log.moved file=", 10000),
                   0);
  ck_assert_int_eq(tu_wait_file(log, "event=config.reloaded", 10000), 0);
  ck_assert_int_eq(tu_say(&d, "081200000001", "Halo", NULL, &r), 0);
  tu_replies_free(&r);
  ck_assert_int_eq(tu_wait_file(log, "event=message.received", 10000), 0);
  ck_assert(!tu_daemon_log_now(&d, "event=message.received"));

  /* logrotate moves the file away and sends SIGUSR1: a new file. */
  ck_assert_int_eq(rename(log, rotated), 0);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGUSR1), 0);
  ck_assert_int_eq(tu_wait_file(log, "event=log.reopened file=", 10000), 0);
  ck_assert_int_eq(tu_say(&d, "081200000002", "Halo", NULL, &r), 0);
  tu_replies_free(&r);
  ck_assert_int_eq(tu_wait_file(log, "event=message.received", 10000), 0);
  old = tu_read_file(rotated, NULL);
  ck_assert_ptr_nonnull(old);
  ck_assert_ptr_nonnull(strstr(old, "event=config.reloaded"));
  ck_assert_ptr_null(strstr(old, "event=log.reopened"));
  ck_assert_ptr_nonnull(strstr(old, "event=message.received"));
  free(old);

  /* Without the setting the log goes back to stderr. */
  ck_assert_int_eq(tu_write_file(d.conf, conf), 0);
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGHUP), 0);
  ck_assert_int_eq(tu_wait_file(log, "event=log.moved file=stderr", 10000),
                   0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=config.reloaded",
                                      10000), 0);
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGUSR1), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark,
                                      "event=log.reopened file=stderr",
                                      10000), 0);
  free(conf);
  free(log);
  free(rotated);
  tu_daemon_cleanup(&d);
}
END_TEST

/* aduand started with [log] file writes nothing to stderr; the file
 * holds the log from the first line, and SIGUSR1 starts a new one. */
START_TEST(log_file_from_the_start)
{
  char *dir = tu_tmpdir(), *conf = tu_path(dir, "aduand.conf");
  char *log = tu_path(dir, "aduand.log"), *errpath = tu_path(dir, "stderr");
  char *rotated = tu_path(dir, "aduand.log.1"), *text, *err;
  struct tu_resp r;
  struct buf b = BUF_INIT;
  struct stat st;
  const char *p;
  mode_t mask = umask(0);
  unsigned limit = (unsigned)(tu_scaled_ms(60000) / 1000);
  pid_t pid;
  int status, port;

  umask(mask);
  buf_printf(&b, "[server]\nlisten = 127.0.0.1:0\n[storage]\npath = a.db\n"
             "[log]\nfile = aduand.log\n"
             "[ticket]\nholidays = %s/config/holidays.txt\n"
             "[conversation]\ncatalog = %s/config/messages.id.conf\n"
             "lexicon = %s/config/lexicon.txt\n"
             "allowlist = %s/config/allowlist.txt\n"
             "stopwords = %s/config/stopwords.id.txt\n"
             "places = %s/config/wilayah.txt\n[channel.dev]\ntype = dev\n",
             ADUAN_SOURCE_DIR, ADUAN_SOURCE_DIR, ADUAN_SOURCE_DIR,
             ADUAN_SOURCE_DIR, ADUAN_SOURCE_DIR, ADUAN_SOURCE_DIR);
  ck_assert_int_eq(tu_write_file(conf, b.data), 0);
  buf_free(&b);
  pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    int fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    /* Should the test fail half-way, the daemon ends anyway. */
    alarm(limit);
    dup2(fd, 1);
    dup2(fd, 2);
    execl(ADUAND_BIN, "aduand", "-c", conf, (char *)NULL);
    _exit(127);
  }
  ck_assert_int_eq(tu_wait_file(log, "event=server.ready", 30000), 0);
  text = tu_read_file(log, NULL);
  p = strstr(text, "event=server.ready listen=127.0.0.1:");
  ck_assert_ptr_nonnull(p);
  port = (int)strtol(p + strlen("event=server.ready listen=127.0.0.1:"), NULL,
                     10);
  free(text);
  ck_assert_int_eq(stat(log, &st), 0);
  ck_assert_int_eq(st.st_mode & 0777, 0640 & ~mask);
  ck_assert_int_eq(tu_http(port, "GET", "/healthz", NULL, NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  tu_resp_free(&r);
  ck_assert_int_eq(tu_wait_file(log, "event=http.request", 10000), 0);

  ck_assert_int_eq(rename(log, rotated), 0);
  ck_assert_int_eq(kill(pid, SIGUSR1), 0);
  ck_assert_int_eq(tu_wait_file(log, "event=log.reopened", 10000), 0);
  ck_assert_int_eq(kill(pid, SIGTERM), 0);
  ck_assert_int_eq(tu_wait_file(log, "event=server.stopped", 10000), 0);
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  ck_assert(EXITED_WITH(status, 0));
  err = tu_read_file(errpath, NULL);
  ck_assert_ptr_nonnull(err);
  ck_assert_msg(err[0] == '\0', "stderr: %s", err);
  free(err);
  tu_rmrf(dir);
  free(dir);
  free(conf);
  free(log);
  free(errpath);
  free(rotated);
}
END_TEST

/* ---- The README's table of events ------------------------------------ */

/* Every event name written as "event=NAME" in file must appear in the
 * README as `NAME`. */
static void
assert_file_events_documented(const char *readme, const char *file,
                              const char *name)
{
  char *src = tu_read_file(file, NULL);
  const char *p;

  ck_assert_ptr_nonnull(src);
  for (p = strstr(src, "event="); p != NULL; p = strstr(p + 6, "event=")) {
    char want[80];
    size_t k = 0;
    const char *q = p + 6;
    while (k < sizeof(want) - 3 && ((*q >= 'a' && *q <= 'z') || *q == '_' ||
                                    *q == '.'))
      want[1 + k++] = *q++;
    /* Names completed at run time ("evidence.%s") are listed by hand. */
    if (k == 0 || *q == '%' || want[k] == '.')
      continue;
    want[0] = '`';
    want[k + 1] = '`';
    want[k + 2] = '\0';
    ck_assert_msg(strstr(readme, want) != NULL,
                  "%s logs %s, which the README does not list", name, want);
  }
  free(src);
}

/* The same for every .c file under folder (relative to the source tree),
 * its layer folders included; returns how many files were read. */
static int
assert_events_documented_in(const char *readme, const char *folder)
{
  char path[512];
  struct dirent *e;
  DIR *dir;
  int files = 0;

  snprintf(path, sizeof(path), "%s/%s", ADUAN_SOURCE_DIR, folder);
  dir = opendir(path);
  ck_assert_ptr_nonnull(dir);
  while ((e = readdir(dir)) != NULL) {
    size_t n = strlen(e->d_name);
    char sub[1024];
    if (e->d_name[0] == '.')
      continue;
    snprintf(sub, sizeof(sub), "%s/%s", folder, e->d_name);
    if (e->d_type == DT_DIR) {
      files += assert_events_documented_in(readme, sub);
    } else if (n > 2 && strcmp(e->d_name + n - 2, ".c") == 0) {
      char file[1100];
      snprintf(file, sizeof(file), "%s/%s", ADUAN_SOURCE_DIR, sub);
      assert_file_events_documented(readme, file, sub);
      files++;
    }
  }
  closedir(dir);
  return files;
}

static void
assert_events_documented(const char *readme, const char *folder)
{
  ck_assert_int_gt(assert_events_documented_in(readme, folder), 0);
}

/* ---- Follow-up questions ------------------------------------------------ */

START_TEST(ask_reaches_an_anonymous_reporter_and_files_the_answer)
{
  static const char question[] = "Pada jam berapa petugas meminta uang "
                                 "tersebut?";
  static const char answer[] = "Sekitar pukul sepuluh pagi di loket dua";
  char *a, *b, *out, *err, *body, *want, sql[200];
  int sent;

  start();
  a = file_report("6281234567890", story_a);   /* ANONIM */
  b = file_report("6281234567891", story_b);
  ck_assert_int_eq(ctl(NULL, NULL, "ask", a, NULL), 2);
  ck_assert_int_eq(ctl(NULL, NULL, "ask", "NTT-2026-09999", question, NULL),
                   3);
  /* The question reaches the reporter in their channel... */
  sent = fakeprov_count(fp);
  ck_assert_int_eq(ctl(&out, &err, "ask", a, question, NULL), 0);
  ck_assert_msg(strstr(out, "question sent") != NULL, "%s %s", out, err);
  free(out);
  free(err);
  body = sent_body(sent);
  want = tu_json_str(question);
  ck_assert_msg(strstr(body, want) != NULL, "want '%s' in '%s'", want, body);
  ck_assert_ptr_nonnull(strstr(body, a));
  ck_assert_ptr_nonnull(strstr(body, "\"to\":\"6281234567890\""));
  free(want);
  free(body);
  /* ...their next message is the answer, and they are thanked... */
  sent = fakeprov_count(fp);
  wa_say("6281234567890", "wamid.answer.1", answer);
  body = sent_body(sent);
  want = tu_json_str(tu_text("note.received"));
  ck_assert_msg(strstr(body, want) != NULL, "want '%s' in '%s'", want, body);
  ck_assert_ptr_nonnull(strstr(body, a));
  free(want);
  free(body);
  snprintf(sql, sizeof(sql), "SELECT count(*) FROM questions q JOIN tickets "
           "t ON t.id = q.ticket_id WHERE t.number = '%s' AND q.answer = "
           "'%s' AND q.actor = '" ACTOR "'", a, answer);
  ck_assert_int_eq(tu_db_int(&d, sql), 1);
  /* ...which the operator reads with the ticket, and nothing else saw. */
  ck_assert_int_eq(ctl(&out, NULL, "show", a, NULL), 0);
  ck_assert_msg(strstr(out, "the reporter answered: Sekitar pukul sepuluh")
                != NULL, "%s", out);
  ck_assert_ptr_nonnull(strstr(out, question));
  free(out);
  ck_assert(tu_daemon_log_has(&d, "event=ticket.asked"));
  ck_assert(tu_daemon_log_has(&d, "event=ticket.answered"));
  ck_assert(!tu_daemon_log_now(&d, "Sekitar pukul"));
  ck_assert(!tu_daemon_log_now(&d, "Pada jam berapa"));
  /* The next message is an ordinary one again: the menu's "1". */
  sent = fakeprov_count(fp);
  wa_say("6281234567890", "wamid.answer.2", "1");
  body = sent_body(sent);
  want = tu_json_str(tu_text("ask.kategori"));
  ck_assert_msg(strstr(body, want) != NULL, "want '%s' in '%s'", want, body);
  free(want);
  free(body);
  /* A closed ticket's reporter is not asked. */
  ck_assert_int_eq(ctl(NULL, NULL, "status", b, "ditolak", "--note",
                       "tidak_relevan: bukan tentang pelayanan publik.",
                       NULL), 0);
  ck_assert_int_eq(ctl(NULL, &err, "ask", b, question, NULL), 4);
  ck_assert_msg(strstr(err, "closed") != NULL, "%s", err);
  free(err);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM questions"), 1);
  free(a);
  free(b);
  stop();
}
END_TEST

/* ---- Identity and retention --------------------------------------------- */

START_TEST(reveal_shows_the_reporter_to_revealers_only)
{
  char *c, *a, *out, *err, sql[160];
  struct json_object *o;

  start_env("revealers = 0\n", NULL, NULL);
  c = file_report("6281234567892", story_c);
  a = file_report("6281234567890", story_a);
  /* No reason, no reveal: a usage error, nothing asked. */
  ck_assert_int_eq(ctl(NULL, NULL, "reveal", c, NULL), 2);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM identity_reveals"),
                   0);
  /* A listed user with a reason sees the number and the name... */
  ck_assert_int_eq(ctl(&out, &err, "reveal", c, "--reason",
                       "Surat Inspektorat 700/12/2026", NULL), 0);
  ck_assert_msg(strstr(out, "+6281234567892") != NULL, "%s", out);
  ck_assert_ptr_nonnull(strstr(out, "Maria Goreti Lake"));
  ck_assert_ptr_nonnull(strstr(out, "rahasia"));
  free(out);
  free(err);
  ck_assert_int_eq(ctl(&out, NULL, "reveal", c, "--reason", "Klarifikasi",
                       "--json", NULL), 0);
  o = json_tokener_parse(out);
  ck_assert_ptr_nonnull(o);
  ck_assert_str_eq(jstr(o, "phone"), "+6281234567892");
  ck_assert_str_eq(jstr(o, "name"), "Maria Goreti Lake");
  ck_assert_str_eq(jstr(o, "actor"), ACTOR);
  ck_assert_str_eq(jstr(o, "number"), c);
  json_object_put(o);
  free(out);
  /* ...and it is on the record, with the ticket, and in the log, never
   * with the number (tu_daemon_stop checks the whole log for that). */
  snprintf(sql, sizeof(sql), "SELECT count(*) FROM identity_reveals v JOIN "
           "tickets t ON t.id = v.ticket_id WHERE t.number = '%s' AND "
           "v.actor = '" ACTOR "'", c);
  ck_assert_int_eq(tu_db_int(&d, sql), 2);
  ck_assert_int_eq(ctl(&out, NULL, "show", c, NULL), 0);
  ck_assert_ptr_nonnull(strstr(out, "identity revealed:"));
  ck_assert_ptr_nonnull(strstr(out, "Surat Inspektorat 700/12/2026"));
  ck_assert_ptr_null(strstr(out, "+6281234567892"));
  free(out);
  ck_assert(tu_daemon_log_has(&d, "event=identity.revealed"));
  /* Someone who chose ANONIM is not revealed. */
  ck_assert_int_eq(ctl(NULL, &err, "reveal", a, "--reason", "Klarifikasi",
                       NULL), 4);
  ck_assert_msg(strstr(err, "ANONIM") != NULL, "%s", err);
  free(err);
  ck_assert(tu_daemon_log_has(&d, "why=anonim"));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM identity_reveals"),
                   2);
  ck_assert_int_eq(ctl(NULL, NULL, "reveal", "NTT-2026-09999", "--reason",
                       "x", NULL), 3);
  free(a);
  free(c);
  stop();
}
END_TEST

START_TEST(reveal_is_refused_to_users_not_listed)
{
  char *err;

  /* Root itself is not allowed when the list names others. */
  start_env("revealers = 1234, 5678\n", NULL, NULL);
  ck_assert_int_eq(ctl(NULL, &err, "reveal", "NTT-2026-00001", "--reason",
                       "Klarifikasi", NULL), 4);
  ck_assert_msg(strstr(err, "revealers") != NULL, "%s", err);
  free(err);
  ck_assert(tu_daemon_log_has(&d, "why=not_allowed"));
  stop();
}
END_TEST


/* ---- Service levels ----------------------------------------------------- */

/* The daemon's clock to at (ms since the epoch) from where it is now. */
static void
clock_to(int64_t at)
{
  struct timespec now;
  char *path = tu_path(d.dir, "clock-offset");
  char *old = tu_read_file(path, NULL);
  long long offset = 0;

  if (old != NULL)
    offset = strtoll(old, NULL, 10);
  free(old);
  free(path);
  clock_gettime(CLOCK_REALTIME, &now);
  ck_assert_int_eq(tu_daemon_advance(&d, at - ((long long)now.tv_sec * 1000 +
                                               now.tv_nsec / 1000000) -
                                             offset), 0);
}

/* Move a ticket with aduanctl (the reporter's 24-hour window has long
 * closed by then, so the notice is a template: move() does not apply). */
static void
move_late(const char *number, const char *to, const char *note)
{
  char *err;
  int rc = ctl(NULL, &err, "status", number, to, "--note", note, NULL);

  ck_assert_msg(rc == 0, "%s -> %s: exit %d, %s", number, to, rc, err);
  free(err);
}

/* The overdue listing as JSON; the entry of number in *t (a new
 * reference) when it is listed. */
static int
overdue_count(const char *number, struct json_object **t)
{
  struct json_object *root, *arr, *v;
  char *out;
  size_t i;
  int n;

  if (t != NULL)
    *t = NULL;
  ck_assert_int_eq(ctl(&out, NULL, "tickets", "--overdue", "--json", NULL),
                   0);
  root = json_tokener_parse(out);
  ck_assert_ptr_nonnull(root);
  ck_assert(json_object_object_get_ex(root, "tickets", &arr));
  n = (int)json_object_array_length(arr);
  for (i = 0; i < json_object_array_length(arr); i++) {
    v = json_object_array_get_idx(arr, i);
    if (number != NULL && t != NULL &&
        strcmp(jstr(v, "number"), number) == 0)
      *t = json_object_get(v);
  }
  json_object_put(root);
  free(out);
  return n;
}

/*
 * SP4N-LAPOR!'s timers, end to end: three tickets filed now; one is put
 * on hold (ditunda), one is verified an hour before the deadline, one is
 * left alone.  An hour past the deadline only the one left alone is
 * overdue: listed by `aduanctl tickets --overdue` with its due time and
 * lateness, and logged once, not again by later checks nor after a
 * restart.  The deadline is computed here with the same holidays file.
 */
START_TEST(overdue_tickets_are_listed_and_logged_once)
{
  struct workday_cal *cal = NULL;
  struct json_object *t;
  char *a, *b, *c, *out, sql[160], line[160];
  int64_t created, due;
  size_t mark;

  ticket_conf = "verify_within = 3\nfollow_up_within = 5\n"
                "overdue_check_every = 1s\n";
  start();
  a = file_report("6281234567890", story_a);
  b = file_report("6281234567891", story_b);
  c = file_report("6281234567892", story_c);
  ck_assert_ptr_nonnull(a);
  ck_assert_ptr_nonnull(b);
  ck_assert_ptr_nonnull(c);
  move(c, "diterima", "ditunda", "Mohon sebutkan nama petugasnya.", NULL);
  ck_assert_int_eq(workday_load(ADUAN_SOURCE_DIR "/config/holidays.txt",
                                &cal, NULL), 0);
  snprintf(sql, sizeof(sql), "SELECT created_at FROM tickets WHERE "
           "number = '%s'", a);
  created = tu_db_int(&d, sql);
  ck_assert_int_gt(created, 0);
  /* a was filed first, so b's deadline is not earlier than a's. */
  due = workday_due(cal, created, 3);
  ck_assert_int_eq(overdue_count(NULL, NULL), 0);

  /* An hour before the deadline, b is verified: in time. */
  clock_to(due - 3600 * 1000);
  move_late(b, "diverifikasi", "Laporan lengkap.");
  ck_assert_int_eq(overdue_count(NULL, NULL), 0);

  /* An hour after it, a is overdue; b (diverifikasi for two hours) and c
   * (waiting for the reporter) are not. */
  mark = tu_daemon_mark(&d);
  clock_to(due + 3600 * 1000);
  ck_assert_int_eq(overdue_count(a, &t), 1);
  ck_assert_ptr_nonnull(t);
  ck_assert_str_eq(jstr(t, "status"), "diterima");
  ck_assert_int_eq(json_object_get_int64(json_object_object_get(t,
                                                                "due_ms")),
                   due);
  ck_assert_int_eq(json_object_get_int(json_object_object_get(t,
                                                              "late_days")),
                   workday_late_days(cal, due, due + 3600 * 1000));
  ck_assert_ptr_nonnull(jstr(t, "due"));
  json_object_put(t);
  /* The table for people says the same. */
  ck_assert_int_eq(ctl(&out, NULL, "tickets", "--overdue", NULL), 0);
  ck_assert_msg(strstr(out, a) != NULL && strstr(out, b) == NULL &&
                strstr(out, c) == NULL &&
                strstr(out, "(1 overdue ticket)") != NULL, "%s", out);
  free(out);
  /* --overdue combines with the other filters. */
  ck_assert_int_eq(ctl(&out, NULL, "tickets", "--overdue", "--status",
                       "diverifikasi", "--json", NULL), 0);
  ck_assert_ptr_nonnull(strstr(out, "\"count\":0"));
  free(out);

  /* The check logs a once, and only a. */
  snprintf(line, sizeof(line), "event=ticket.overdue ticket=%s "
           "status=diterima due=", a);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, line, 15000), 0);
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=ticket.overdue_check "
                                      "checked=", 15000), 0);
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=ticket.overdue_check "
                                      "checked=", 15000), 0);
  ck_assert_int_eq(tu_daemon_log_count(&d, line), 1);
  ck_assert_int_eq(tu_daemon_log_count(&d, "event=ticket.overdue ticket="), 1);
  {
    struct scrape s;
    scrape_admin(&s);
    ck_assert_double_eq(metric(&s, "aduan_tickets_overdue"), 1);
    scrape_free(&s);
  }

  /* Remembered across a restart. */
  ck_assert_int_eq(tu_daemon_kill(&d, SIGTERM), 0);
  ck_assert_int_eq(tu_daemon_restart(&d), 0);
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=ticket.overdue_check "
                                      "checked=", 15000), 0);
  ck_assert_int_eq(tu_daemon_log_count(&d, line), 1);

  /* Verified at last: no longer listed. */
  move_late(a, "diverifikasi", "Laporan lengkap.");
  ck_assert_int_eq(overdue_count(NULL, NULL), 0);
  /* Closed tickets and a ticket on hold are never overdue, however long
   * they wait: a month on, with a and b closed, c (ditunda since the
   * first day) is still not listed. */
  move_late(a, "ditolak", "bukan_wewenang: wewenang pemerintah kabupaten.");
  move_late(b, "ditolak", "terlalu_umum: mohon laporkan lagi lebih rinci.");
  clock_to(due + 30LL * 24 * 3600 * 1000);
  ck_assert_int_eq(overdue_count(NULL, NULL), 0);
  /* Back from ditunda, c's clock starts again from its return. */
  move_late(c, "diterima", "Nama petugas sudah dikirim.");
  ck_assert_int_eq(overdue_count(NULL, NULL), 0);
  clock_to(workday_due(cal, due + 30LL * 24 * 3600 * 1000, 3));
  ck_assert_int_eq(overdue_count(c, &t), 1);
  ck_assert_ptr_nonnull(t);
  json_object_put(t);

  workday_free(cal);
  free(a);
  free(b);
  free(c);
  stop();
}
END_TEST

/* `aduanctl purge --json`: what the run removed. */
static void
purge(long long *payloads, long long *reporters)
{
  struct json_object *o, *v;
  char *out;

  ck_assert_int_eq(ctl(&out, NULL, "purge", "--json", NULL), 0);
  o = json_tokener_parse(out);
  ck_assert_msg(o != NULL, "%s", out);
  ck_assert(json_object_object_get_ex(o, "payloads", &v));
  *payloads = json_object_get_int64(v);
  ck_assert(json_object_object_get_ex(o, "reporters", &v));
  *reporters = json_object_get_int64(v);
  json_object_put(o);
  free(out);
}

START_TEST(retention_purges_payloads_then_personal_data)
{
  char *c, *b, *out, *err;
  long long payloads = -1, reporters = -1, inbound;

  storage = "payload_retention = 30d\npersonal_retention = 60d\n"
            "purge_every = 0\n";
  start();
  c = file_report("6281234567892", story_c);
  b = file_report("6281234567891", story_b);
  /* c's ticket is closed, b's stays open. */
  move(c, "diterima", "diproses", "Diteruskan.", "Dinas Kesehatan");
  move(c, "diproses", "selesai", "Petugas telah diberi sanksi.", NULL);
  ck_assert_int_eq(fakeprov_wait(fp, 2 * 12 + 2 - 1, 10000), 0);
  inbound = tu_db_int(&d, "SELECT count(*) FROM inbound");
  ck_assert_int_eq(inbound, 12 + 11);
  /* Nothing is old yet. */
  purge(&payloads, &reporters);
  ck_assert_int_eq(payloads, 0);
  ck_assert_int_eq(reporters, 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound WHERE "
                                 "payload IS NOT NULL"), inbound);
  /* A month on: the raw payloads go, the people stay. */
  ck_assert_int_eq(tu_daemon_advance(&d, 31LL * 24 * 3600 * 1000), 0);
  purge(&payloads, &reporters);
  ck_assert_int_eq(payloads, inbound);
  ck_assert_int_eq(reporters, 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound WHERE "
                                 "payload IS NOT NULL"), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters WHERE "
                                 "phone = '+6281234567892'"), 1);
  /* Two months on: the closed ticket's reporter goes; the report stays;
   * the open ticket's reporter stays. */
  ck_assert_int_eq(tu_daemon_advance(&d, 30LL * 24 * 3600 * 1000), 0);
  purge(&payloads, &reporters);
  ck_assert_int_eq(payloads, 0);
  ck_assert_int_eq(reporters, 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters WHERE "
                                 "phone = '+6281234567892' OR name = "
                                 "'Maria Goreti Lake'"), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters WHERE "
                                 "phone = '+6281234567891'"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound i JOIN "
                                 "reporters r ON r.id = i.reporter_id WHERE "
                                 "r.purged_at IS NOT NULL AND i.body IS NOT "
                                 "NULL"), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "kronologi LIKE 'Petugas puskesmas%'"), 1);
  ck_assert_int_eq(ctl(&out, NULL, "show", c, NULL), 0);
  ck_assert_ptr_nonnull(strstr(out, "Petugas puskesmas menagih"));
  ck_assert_ptr_nonnull(strstr(out, "R-"));
  free(out);
  ck_assert_int_eq(ctl(NULL, &err, "reveal", c, "--reason", "Klarifikasi",
                       NULL), 4);
  ck_assert_msg(strstr(err, "retention") != NULL, "%s", err);
  free(err);
  ck_assert(tu_daemon_log_has(&d, "event=retention.purged payloads=0 "
                                  "reporters=1"));
  /* The same number writing again is a new reporter, welcomed as such. */
  wa_say("6281234567892", "wamid.again.1", "Halo");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters WHERE "
                                 "phone = '+6281234567892'"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters"), 3);
  free(b);
  free(c);
  stop();
}
END_TEST

/* A lokasi outside NTT, given twice: kept as given, marked as outside
 * NTT, and the marks shown wherever operators read tickets. */
static const char *const story_kept[] = {
  "Halo", "1", "pungli", "Kepala Seksi Perizinan Dinas PMPTSP",
  "Jakarta Selatan", "Jakarta Selatan", "kemarin",
  ("Petugas loket meminta uang dua ratus ribu rupiah agar izin usaha "
   "saya cepat diproses tanpa kuitansi"),
  "LANJUT", "LEWATI", "3", "KIRIM", NULL,
};

START_TEST(marks_shown_in_show_json_and_export)
{
  struct json_object *t, *v;
  char today[16], *a, *out;

  start();
  a = file_report("6281234567890", story_kept);
  ck_assert_ptr_nonnull(a);
  ck_assert_int_eq(ctl(&out, NULL, "show", a, NULL), 0);
  ck_assert_msg(strstr(out, "\nmarks        lokasi lokasi_luar\n") != NULL,
                "%s", out);
  free(out);
  ck_assert_int_eq(ctl(&out, NULL, "show", a, "--json", NULL), 0);
  t = json_tokener_parse(out);
  ck_assert_ptr_nonnull(t);
  ck_assert(json_object_object_get_ex(t, "marks", &v));
  ck_assert_str_eq(json_object_get_string(v), "lokasi lokasi_luar");
  ck_assert(json_object_object_get_ex(t, "lokasi", &v));
  ck_assert_str_eq(json_object_get_string(v), "Jakarta Selatan");
  json_object_put(t);
  free(out);
  wita_today(today, 0);
  ck_assert_int_eq(ctl(&out, NULL, "export", "--since", today, "--format",
                       "csv", NULL), 0);
  /* marks, then the finest place matched (none here). */
  ck_assert_ptr_nonnull(strstr(out, ",reporter,marks,lokasi_tingkat,"));
  ck_assert_ptr_nonnull(strstr(out, ",\"lokasi lokasi_luar\",\"\",\"\",\"\""
                                    "\r\n"));
  free(out);
  free(a);
  stop();
}
END_TEST

/*
 * Walk reporter from through a report on the dev channel with waktu
 * answered by the waktu[] given (NULL-terminated), a kronologi of its own
 * (tu_story(i)), and file it.  Returns how many times the waktu question
 * was asked again, and the ticket's number in number (allocated).
 */
static int
dev_report(const char *from, int i, const char *const *waktu, char **number)
{
  char story[512], sql[200];
  const char *steps[] = {"Halo", "1", "pungli",
                         "Kepala Seksi Perizinan Dinas PMPTSP", "Ende"};
  const char *after[] = {story, "LANJUT", "LEWATI", "3", "KIRIM"};
  struct tu_replies r;
  size_t k;
  int again = 0;

  tu_story(i, story, sizeof(story));
  for (k = 0; k < sizeof(steps) / sizeof(steps[0]); k++) {
    ck_assert_int_eq(tu_say(&d, from, steps[k], NULL, &r), 0);
    tu_replies_free(&r);
  }
  for (k = 0; waktu[k] != NULL; k++) {
    ck_assert_int_eq(tu_say(&d, from, waktu[k], NULL, &r), 0);
    ck_assert_int_eq(r.n, 1);
    if (!tu_is(&r, 0, "ask.kronologi"))
      again++;
    tu_replies_free(&r);
  }
  for (k = 0; k < sizeof(after) / sizeof(after[0]); k++) {
    ck_assert_int_eq(tu_say(&d, from, after[k], NULL, &r), 0);
    tu_replies_free(&r);
  }
  snprintf(sql, sizeof(sql), "SELECT t.number FROM tickets t JOIN "
           "reporters r ON r.id = t.reporter_id WHERE r.phone = '+62%s'",
           from + 1);
  *number = tu_db_text(&d, sql);
  ck_assert_ptr_nonnull(*number);
  return again;
}

/* A vague waktu is filed with its precision; one not understood is asked
 * about once more, then filed as given, "unresolved" and marked; the
 * operator sees both in show, its JSON and the export. */
START_TEST(waktu_precision_and_unresolved_reach_the_operator)
{
  static const char *const vague[] = {"sekitar bulan Agustus", NULL};
  static const char *const nonsense[] = {"bla bla bla", "bla bla bla", NULL};
  struct json_object *t, *v;
  char today[16], august[16], quoted[24], *a, *b, *out;

  start();
  wita_today(today, 0);
  /* The most recent August not in the future. */
  snprintf(august, sizeof(august), "%.4d-08",
           atoi(today) - (strncmp(today + 5, "08", 2) < 0));
  ck_assert_int_eq(dev_report("081234500001", 1, vague, &a), 0);
  ck_assert_int_eq(dev_report("081234500002", 2, nonsense, &b), 1);

  ck_assert_int_eq(ctl(&out, NULL, "show", a, "--json", NULL), 0);
  t = json_tokener_parse(out);
  ck_assert_ptr_nonnull(t);
  ck_assert(json_object_object_get_ex(t, "waktu_presisi", &v));
  ck_assert_str_eq(json_object_get_string(v), "month");
  ck_assert(json_object_object_get_ex(t, "waktu_tanggal", &v));
  ck_assert_str_eq(json_object_get_string(v), august);
  ck_assert(json_object_object_get_ex(t, "marks", &v));
  ck_assert_ptr_null(json_object_get_string(v));
  json_object_put(t);
  free(out);

  ck_assert_int_eq(ctl(&out, NULL, "show", b, NULL), 0);
  ck_assert_msg(strstr(out, "\nwaktu        bla bla bla\n") != NULL, "%s", out);
  ck_assert_msg(strstr(out, "\nwaktu_presisi unresolved\n") != NULL, "%s",
                out);
  ck_assert_msg(strstr(out, "\nmarks        waktu\n") != NULL, "%s", out);
  free(out);

  ck_assert_int_eq(ctl(&out, NULL, "export", "--since", today, "--format",
                       "csv", NULL), 0);
  ck_assert_ptr_nonnull(strstr(out, ",waktu,waktu_tanggal,waktu_presisi,"));
  snprintf(quoted, sizeof(quoted), "\"%s\",", august);
  ck_assert_ptr_nonnull(strstr(out, "\"sekitar bulan Agustus\","));
  ck_assert_ptr_nonnull(strstr(out, quoted));
  ck_assert_ptr_nonnull(strstr(out, ",\"month\","));
  ck_assert_ptr_nonnull(strstr(out, "\"bla bla bla\",\"\",\"unresolved\","));
  free(out);
  free(a);
  free(b);
  stop();
}
END_TEST

/* A report through the dev channel whose lokasi is "Oesao": two desa of
 * that name in Kecamatan Kupang Timur, so the finest place matched is the
 * kecamatan. */
static const char *const story_oesao[] = {
  "Halo", "1", "pungli", "Kepala Desa Oesao", "Oesao", "kemarin",
  ("Kepala desa meminta uang tiga juta rupiah untuk surat keterangan tanah "
   "dan tidak memberi kuitansi kepada kami"),
  "LANJUT", "LEWATI", "3", "KIRIM", NULL,
};

static const char *const story_kupang[] = {
  "Halo", "1", "6", "Kepala Bidang Perizinan Dinas Kesehatan", "Kupang", "2",
  "kemarin",
  ("Pejabat dinas menerima hadiah sepeda motor dari rekanan pengadaan alat "
   "kesehatan sebelum kontrak ditandatangani"),
  "LANJUT", "LEWATI", "3", "KIRIM", NULL,
};

START_TEST(finest_place_shown_in_show_json_and_export)
{
  struct json_object *t, *v;
  struct tu_replies r;
  char today[16], *a, *out;
  int i;

  start();
  for (i = 0; story_oesao[i] != NULL; i++) {
    ck_assert_int_eq(tu_say(&d, "081233300001", story_oesao[i], NULL, &r), 0);
    tu_replies_free(&r);
  }
  a = tu_db_text(&d, "SELECT number FROM tickets");
  ck_assert_ptr_nonnull(a);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "lokasi = 'Oesao' AND lokasi_kode = '5303'"),
                   1);
  ck_assert_int_eq(ctl(&out, NULL, "show", a, NULL), 0);
  ck_assert_msg(strstr(out, "\nlokasi_kode  5303\n") != NULL, "%s", out);
  ck_assert_msg(strstr(out, "\ntingkat      kecamatan\n") != NULL, "%s", out);
  ck_assert_msg(strstr(out, "\ntempat       Kecamatan Kupang Timur, "
                            "Kabupaten Kupang (53.01.06)\n") != NULL,
                "%s", out);
  free(out);
  ck_assert_int_eq(ctl(&out, NULL, "show", a, "--json", NULL), 0);
  t = json_tokener_parse(out);
  ck_assert_ptr_nonnull(t);
  ck_assert(json_object_object_get_ex(t, "lokasi_tingkat", &v));
  ck_assert_str_eq(json_object_get_string(v), "kecamatan");
  ck_assert(json_object_object_get_ex(t, "lokasi_tempat_kode", &v));
  ck_assert_str_eq(json_object_get_string(v), "53.01.06");
  ck_assert(json_object_object_get_ex(t, "lokasi_tempat", &v));
  ck_assert_str_eq(json_object_get_string(v),
                   "Kecamatan Kupang Timur, Kabupaten Kupang");
  json_object_put(t);
  free(out);
  wita_today(today, 0);
  ck_assert_int_eq(ctl(&out, NULL, "export", "--since", today, "--format",
                       "csv", NULL), 0);
  ck_assert_int_eq(strncmp(out, "number,created,status,category,", 31), 0);
  ck_assert_msg(strstr(out, ",marks,lokasi_tingkat,lokasi_tempat_kode,"
                            "lokasi_tempat\r\n") != NULL, "%s", out);
  ck_assert_msg(strstr(out, ",\"kecamatan\",\"53.01.06\",\"Kecamatan "
                            "Kupang Timur, Kabupaten Kupang\"\r\n") != NULL,
                "%s", out);
  free(out);
  ck_assert_int_eq(ctl(&out, NULL, "export", "--since", today, "--format",
                       "json", NULL), 0);
  ck_assert_msg(strstr(out, "\"lokasi_tingkat\":\"kecamatan\"") != NULL,
                "%s", out);
  free(out);
  /* A place chosen among those offered keeps its level too. */
  for (i = 0; story_kupang[i] != NULL; i++) {
    ck_assert_int_eq(tu_say(&d, "081233300002", story_kupang[i], NULL, &r),
                     0);
    tu_replies_free(&r);
  }
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "lokasi = 'Kupang' AND lokasi_kode = '5371'"
                                 " AND lokasi_tingkat = 'kabupaten' AND "
                                 "lokasi_tempat_kode = '5371' AND "
                                 "lokasi_tempat = 'Kota Kupang'"), 1);
  free(a);
  stop();
}
END_TEST

START_TEST(every_logged_event_is_documented)
{
  char *readme = tu_read_file(ADUAN_SOURCE_DIR "/README.md", NULL);

  ck_assert_ptr_nonnull(readme);
  assert_events_documented(readme, "lib");
  assert_events_documented(readme, "daemon");
  /* And the ones whose names are put together. */
  tu_assert_has_all(readme, "`evidence.retry`", "`evidence.failed`",
                    "`http.too_large`", "`http.timeout`", "`http.bad_request`",
                    NULL);
  free(readme);
}
END_TEST

static Suite *
ops_suite(void)
{
  Suite *s = suite_create("ops");
  TCase *tc = tcase_create("ops");

  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, operator_moves_tickets_through_every_state);
  tcase_add_test(tc, aduanctl_exit_codes_and_help);
  tcase_add_test(tc, export_has_the_tickets_and_no_phone_number);
  tcase_add_test(tc, reload_applies_new_texts_and_names_what_changed);
  tcase_add_test(tc, reload_reads_the_included_gazetteer);
  tcase_add_test(tc, reload_changes_the_app_secret);
  tcase_add_test(tc, metrics_parse_and_move_with_the_messages);
  tcase_add_test(tc, prometheus_parser_refuses_bad_text);
  tcase_add_test(tc, notify_socket_hears_ready_reloading_stopping_watchdog);
  tcase_add_test(tc, notice_after_24_hours_goes_as_template);
  tcase_add_test(tc, log_file_moves_on_reload_and_reopens_on_sigusr1);
  tcase_add_test(tc, log_file_from_the_start);
  tcase_add_test(tc, ask_reaches_an_anonymous_reporter_and_files_the_answer);
  tcase_add_test(tc, reveal_shows_the_reporter_to_revealers_only);
  tcase_add_test(tc, reveal_is_refused_to_users_not_listed);
  tcase_add_test(tc, retention_purges_payloads_then_personal_data);
  tcase_add_test(tc, overdue_tickets_are_listed_and_logged_once);
  tcase_add_test(tc, marks_shown_in_show_json_and_export);
  tcase_add_test(tc, waktu_precision_and_unresolved_reach_the_operator);
  tcase_add_test(tc, finest_place_shown_in_show_json_and_export);
  tcase_add_test(tc, every_logged_event_is_documented);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(ops_suite)
