/*
 * test_privacy.c: what the daemon must never give away (SPEC sections 5
 * and 7): secrets, reporters' numbers and what they wrote never reach the
 * log, at any level; the database is its owner's alone; the admin socket
 * refuses peers without permission.
 *
 * One reporter files a complete report over each channel type (dev with a
 * token, WhatsApp, Twilio SMS, Kannel SMS), the WhatsApp handshake is
 * done, an operator changes a ticket's status with a note through the
 * admin socket, and the daemon is stopped; its whole log, written at
 * level debug with [log] text = no, is then searched for every secret of
 * the config, the reporter's number in every form a provider writes it,
 * and distinctive words of the report and of the note.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/buf.h"
#include "ops/ctl_client.h"
#include "fakeprov.h"
#include "base/log.h"
#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"
#include "tu_pg.h"
#include "tu_sign.h"

/* Every secret of the config: none may appear in the log. */
#define WA_APP_SECRET "AppSecret-priv-7f3a91"
#define WA_VERIFY "VerifyTok-priv-19c2e0"
#define WA_ACCESS "AccessTok-priv-55d0b4"
#define TW_TOKEN "TwAuthTok-priv-8e4166"
#define KS_SECRET "KsSecret-priv-2b77c1"
#define KS_PASSWORD "KsPasswd-priv-6c03f9"
#define DEV_TOKEN "DevToken-priv-4a9e27"

/* The reporter, as E.164; providers write it in other forms below. */
#define PHONE "+6281234567891"

/* Words of the report and of the operator's note: none may be logged. */
#define PLACE "Wolowaru"
#define NOTE "Catatan Xylofonika untuk pelapor"

static const char *const secrets[] = {
  WA_APP_SECRET, WA_VERIFY, WA_ACCESS, TW_TOKEN, KS_SECRET, KS_PASSWORD,
  DEV_TOKEN,
};

/* The number in every form seen on the wire or typed by people. */
static const char *const numbers[] = {
  "81234567891",          /* inside +6281234567891, 6281234567891,
                             081234567891 and %2B6281234567891 */
  "812-3456-7891", "812 3456 7891", "0812-3456-7891", "812.3456.7891",
};

static const char *const words[] = {
  "Zakarias", "Nggadas", "Goreti", "Nuwa Lero", "Serafina", PLACE,
  "Xylofonika", "melaporkan bahwa",
};

/* Who is reported, over each channel (each report its own, or the
 * later ones would be duplicates). */
static const char *const who[] = {
  "Bapak Zakarias Nggadas", "Ibu Maria Goreti", "Bapak Yohanes Nuwa Lero",
  "Ibu Serafina Kewa",
};

static struct tu_daemon d;
static struct fakeprov *fp;

/* JSON string literal of s (with quotes) into b. */
static void
json_str(struct buf *b, const char *s)
{
  buf_json_str(b, s);
}

static int
post(const char *target, const char *headers, const struct buf *body)
{
  struct tu_resp r;
  int status;

  if (tu_http_ex(d.port, body != NULL ? "POST" : "GET", target, headers,
                 body != NULL ? body->data : NULL,
                 body != NULL ? body->len : 0, &r) != 0)
    return -1;
  status = r.status;
  tu_resp_free(&r);
  return status;
}

/* Message i of the report, over each channel.  Each returns the HTTP
 * status. */
static int
dev_say(int i, const char *text)
{
  struct buf b = BUF_INIT;
  int status;

  buf_printf(&b, "{\"from\":\"0812-3456-7891\",\"id\":\"dev-%d\",\"text\":",
             i);
  json_str(&b, text);
  buf_puts(&b, "}");
  status = post("/webhook/devt", "Content-Type: application/json\r\n"
                "X-Aduan-Token: " DEV_TOKEN "\r\n", &b);
  buf_free(&b);
  return status;
}

static int
wa_say(int i, const char *text)
{
  struct buf b = BUF_INIT, h = BUF_INIT;
  char *sig;
  int status;

  buf_printf(&b, "{\"object\":\"whatsapp_business_account\",\"entry\":[{"
             "\"id\":\"1\",\"changes\":[{\"value\":{\"messaging_product\":"
             "\"whatsapp\",\"metadata\":{\"display_phone_number\":\"62821\","
             "\"phone_number_id\":\"112233445566778\"},\"contacts\":[{"
             "\"profile\":{\"name\":\"Warga\"},\"wa_id\":\"6281234567891\"}],"
             "\"messages\":[{\"from\":\"6281234567891\",\"id\":\"wamid.p%d\","
             "\"timestamp\":\"1773469800\",\"type\":\"text\",\"text\":{"
             "\"body\":", i);
  json_str(&b, text);
  buf_puts(&b, "}}]},\"field\":\"messages\"}]}]}");
  sig = tu_whatsapp_signature(b.data, b.len, WA_APP_SECRET);
  buf_printf(&h, "Content-Type: application/json\r\n"
             "X-Hub-Signature-256: %s\r\n", sig);
  status = post("/webhook/wa", h.data, &b);
  free(sig);
  buf_free(&h);
  buf_free(&b);
  return status;
}

static int
tw_say(int i, const char *text)
{
  struct buf f = BUF_INIT, h = BUF_INIT;
  char *sig;
  int status;

  buf_printf(&f, "AccountSid=ACpriv&ApiVersion=2010-04-01&Body=");
  tu_form_enc(&f, text);
  buf_puts(&f, "&From=");
  tu_form_enc(&f, PHONE);
  buf_printf(&f, "&MessageSid=SMpriv%026d&NumMedia=0&To=%%2B14155550123", i);
  sig = tu_twilio_signature("http://127.0.0.1/webhook/tw", f.data, TW_TOKEN);
  buf_printf(&h, "Content-Type: application/x-www-form-urlencoded\r\n"
             "X-Twilio-Signature: %s\r\n", sig);
  status = post("/webhook/tw", h.data, &f);
  free(sig);
  buf_free(&h);
  buf_free(&f);
  return status;
}

static int
ks_say(int i, const char *text)
{
  struct buf t = BUF_INIT;
  int status;

  buf_puts(&t, "/webhook/ks?secret=" KS_SECRET "&sender=");
  tu_form_enc(&t, "081234567891");
  buf_puts(&t, "&receiver=1708&text=");
  tu_form_enc(&t, text);
  buf_printf(&t, "&id=ks-priv-%d&ts=1773108904&coding=0&charset=UTF-8", i);
  status = post(t.data, NULL, NULL);
  buf_free(&t);
  return status;
}

/* The report, told over one channel; k makes its story its own. */
static void
tell(int (*say)(int, const char *), int k)
{
  char tale[400];
  const char *texts[11];
  int i;

  tu_story(k, tale, sizeof(tale));
  texts[0] = "Halo";
  texts[1] = "1";
  texts[2] = "pungli";
  texts[3] = who[k - 1];
  /* The private word with its kabupaten, so that the gazetteer matches
   * it at once (a place it cannot match is asked for again). */
  texts[4] = PLACE ", Kabupaten Ende";
  texts[5] = "kemarin";
  texts[6] = tale;
  texts[7] = "LANJUT";
  texts[8] = "LEWATI";
  texts[9] = "3";
  texts[10] = "KIRIM";
  for (i = 0; i < 11; i++)
    ck_assert_msg(say(k * 100 + i, texts[i]) == 200, "channel %d, message "
                  "%d refused", k, i);
}

/* Wait until no outbox row is left to send (after each sent line the
 * database is asked again). */
static void
wait_drained(void)
{
  int rounds;

  for (rounds = 0; rounds < 500; rounds++) {
    size_t mark = tu_daemon_mark(&d);
    long long left = tu_db_int(&d, "SELECT count(*) FROM outbox WHERE "
                                   "status IN ('queued', 'sending')");
    ck_assert_int_ge(left, 0);
    if (left == 0)
      return;
    ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=outbox.sent",
                                        10000), 0);
  }
  ck_abort_msg("the outbox did not drain");
}

static int
file_mode(const char *path)
{
  struct stat sb;

  if (stat(path, &sb) != 0)
    return -1;
  return (int)(sb.st_mode & 07777);
}

/*
 * Connect to the unix socket at path as uid/gid 65534 (nobody), in a
 * child process.  Returns 0 when the connection was accepted, else the
 * errno the child saw.
 */
static int
connect_as_nobody(const char *path)
{
  pid_t pid = fork();
  int status;

  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    struct sockaddr_un sa;
    int fd;
    if (setgroups(0, NULL) != 0 || setgid(65534) != 0 || setuid(65534) != 0)
      _exit(200);
    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
      _exit(201);
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(sa.sun_path))
      _exit(202);
    memcpy(sa.sun_path, path, strlen(path) + 1);
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0)
      _exit(errno & 0x7f);
    _exit(0);
  }
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  ck_assert(WIFEXITED(status));
  return WEXITSTATUS(status);
}

START_TEST(nothing_private_leaks)
{
  struct buf conf = BUF_INIT;
  char *sock, *num, path[96], *answer = NULL, *wal, *shm;
  long status = 0;
  size_t i;
  int st;
  FILE *devnull = fopen("/dev/null", "w");

  log_setup(LOG_WARN, 0);
  ck_assert_int_eq(fakeprov_start(&fp), 0);
  fakeprov_route(fp, "/cgi-bin/sendsms", 202, "0: Accepted for delivery");
  buf_printf(&conf,
             "[limits]\nmessages_per_minute = 0\n"
             "[admin]\nsocket_mode = 0660\n"
             "[channel.devt]\ntype = dev\ntoken = " DEV_TOKEN "\n"
             "[channel.wa]\ntype = whatsapp_cloud\napp_secret = "
             WA_APP_SECRET "\nverify_token = " WA_VERIFY "\n"
             "access_token = " WA_ACCESS "\n"
             "phone_number_id = 112233445566778\n"
             "api_base = http://127.0.0.1:%d/v21.0\n"
             "[channel.tw]\ntype = twilio\naccount_sid = ACpriv\n"
             "auth_token = " TW_TOKEN "\nfrom = +14155550123\n"
             "api_base = http://127.0.0.1:%d\n"
             "[channel.ks]\ntype = kannel\nsecret = " KS_SECRET "\n"
             "sendsms_url = http://127.0.0.1:%d/cgi-bin/sendsms\n"
             "username = aduan\npassword = " KS_PASSWORD "\nfrom = 1708\n",
             fakeprov_port(fp), fakeprov_port(fp), fakeprov_port(fp));
  ck_assert_int_eq(tu_daemon_start(&d, conf.data), 0);
  buf_free(&conf);

  /* The handshake carries the verify token in its query. */
  {
    struct tu_resp r;
    ck_assert_int_eq(tu_http(d.port, "GET", "/webhook/wa?hub.mode=subscribe"
                             "&hub.challenge=42&hub.verify_token=" WA_VERIFY,
                             NULL, NULL, &r), 0);
    ck_assert_int_eq(r.status, 200);
    tu_resp_free(&r);
  }
  tell(dev_say, 1);
  tell(wa_say, 2);
  tell(tw_say, 3);
  tell(ks_say, 4);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 4);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters"), 1);

  /* An operator moves the WhatsApp ticket, with a note for the reporter. */
  num = tu_db_text(&d, "SELECT number FROM tickets WHERE channel = 'wa'");
  ck_assert_ptr_nonnull(num);
  sock = tu_path(d.dir, "var/admin.sock");
  snprintf(path, sizeof(path), "/tickets/%s/status", num);
  ck_assert_int_eq(ctl_admin(sock, "POST", path, "{\"status\":"
                             "\"diverifikasi\",\"note\":\"" NOTE "\"}",
                             &status, &answer, devnull), 0);
  ck_assert_int_eq(status, 200);
  free(answer);
  wait_drained();
  /* The note went to the reporter (so it was there to leak). */
  ck_assert_int_ge(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE body "
                                 "LIKE '%Xylofonika%'"), 1);

  /* The database and its journal are the owner's alone (SQLite's files:
   * PostgreSQL's are its server's). */
  wal = malloc(strlen(d.db) + 8);
  shm = malloc(strlen(d.db) + 8);
  snprintf(wal, strlen(d.db) + 8, "%s-wal", d.db);
  snprintf(shm, strlen(d.db) + 8, "%s-shm", d.db);
  if (!tu_store_pg()) {
    ck_assert_int_eq(file_mode(d.db), 0600);
    ck_assert_int_eq(file_mode(wal), 0600);
    ck_assert_int_eq(file_mode(shm), 0600);
  }

  /* The admin socket is 0660 as configured, and a stranger is refused by
   * it: the folders on the way are opened to everyone for the check, so
   * that only the socket's own mode stands in the way. */
  {
    struct stat sb;
    char *var = tu_path(d.dir, "var");
    ck_assert_int_eq(stat(sock, &sb), 0);
    ck_assert(S_ISSOCK(sb.st_mode));
    ck_assert_int_eq(sb.st_mode & 07777, 0660);
    ck_assert_int_eq(sb.st_uid, 0);
    ck_assert_int_eq(chmod(d.dir, 0711), 0);
    ck_assert_int_eq(chmod(var, 0711), 0);
    ck_assert_int_eq(connect_as_nobody(sock), EACCES);
    /* The check itself works: with the socket open to all, nobody gets
     * in. */
    ck_assert_int_eq(chmod(sock, 0666), 0);
    ck_assert_int_eq(connect_as_nobody(sock), 0);
    ck_assert_int_eq(chmod(sock, 0660), 0);
    ck_assert_int_eq(chmod(var, 0750), 0);
    ck_assert_int_eq(chmod(d.dir, 0700), 0);
    free(var);
  }

  /* Stop, so that the log is complete. */
  ck_assert_int_eq(tu_daemon_kill(&d, SIGTERM), 0);
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 20000, &st), 0);
  ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  if (!tu_store_pg())
    ck_assert_int_eq(file_mode(d.db), 0600);

  /* The log did speak of this reporter, masked, at debug... */
  ck_assert(tu_daemon_log_now(&d, "level=debug"));
  ck_assert(tu_daemon_log_now(&d, "from=+62812****7891"));
  ck_assert(tu_daemon_log_now(&d, "event=message.text"));
  ck_assert(tu_daemon_log_now(&d, "event=ticket.status"));
  /* ...and gave nothing away. */
  for (i = 0; i < sizeof(secrets) / sizeof(secrets[0]); i++)
    ck_assert_msg(!tu_daemon_log_now(&d, secrets[i]), "secret %s logged",
                  secrets[i]);
  for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
    ck_assert_msg(!tu_daemon_log_now(&d, numbers[i]), "number %s logged",
                  numbers[i]);
  for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
    ck_assert_msg(!tu_daemon_log_now(&d, words[i]), "text '%s' logged",
                  words[i]);
  fprintf(stderr, "privacy: %zu bytes of debug log searched for %zu "
          "secrets, %zu forms of the number and %zu words of text\n",
          d.loglen, sizeof(secrets) / sizeof(secrets[0]),
          sizeof(numbers) / sizeof(numbers[0]),
          sizeof(words) / sizeof(words[0]));

  free(wal);
  free(shm);
  free(sock);
  free(num);
  fclose(devnull);
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
}
END_TEST

static Suite *
privacy_suite(void)
{
  Suite *s = suite_create("privacy");
  TCase *tc = tcase_create("daemon");

  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, nothing_private_leaks);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(privacy_suite)
