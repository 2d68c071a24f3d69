/*
 * test_kannel.c: aduand behind a real Kannel (Debian's kannel and
 * kannel-extras): bearerbox, smsbox and fakesmsc on 127.0.0.1, configured
 * by the shipped config/kannel.conf with its ports and paths replaced and
 * its SMSC group swapped for Kannel's fake SMSC.
 *
 * fakesmsc serves one connection at a time: each message from a phone is
 * one fakesmsc run (-m 1) that stays connected, and so receives the
 * replies, until the test stops it; every run appends to one output file
 * where the replies are read ("Got message N: <from to type ... data>").
 * Waits are on events: a port that accepts, a line in a file, a row in
 * the daemon's database, each with a deadline.  Every process started is
 * stopped by the fixture's teardown, also when a test fails.
 *
 * Without the binaries the suite exits 77 (ctest: skipped) with a message
 * naming the packages; scripts/deps.sh --test installs them.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "testutil.h"
#include "tu_daemon.h"

#define BEARERBOX "/usr/sbin/bearerbox"
#define SMSBOX "/usr/sbin/smsbox"
#define FAKESMSC "/usr/lib/kannel/test/fakesmsc"
#define SECRET "CHANGE-channel-secret"      /* as shipped */
#define SENDSMS_PASSWORD "CHANGE-sendsms-password"
#define ADMIN_PASSWORD "CHANGE-admin-password"
#define PHONE_LOCAL "081234567890"
#define PHONE "+6281234567890"
#define WAIT_MS 20000

struct kannel {
  char *dir;
  char *conf;
  char *fs_out;                 /* every fakesmsc run's output */
  int admin, box, sendsms, smsc, aduand;
  int held[5];                  /* the five ports, kept by tu_reserve_port()
                                   until teardown; -1 when not held */
  pid_t bb, sb, fs;
};

static struct kannel k;
static struct tu_daemon d;

/* ---- Processes ------------------------------------------------------- */

/* A port kept for this test until teardown: the boxes and aduand bind it
 * later, and bearerbox again after it is killed; a port only found free
 * (bound, then closed) could meanwhile go to another test's daemon or
 * fakeprov, and wait_port() would then greet that one instead. */
static int
held_port(int i)
{
  int port = tu_reserve_port(&k.held[i]);

  ck_assert_int_gt(port, 0);
  return port;
}

/* Start argv with stdout and stderr appended to out. */
static pid_t
spawn(const char *const argv[], const char *out)
{
  pid_t pid = fork();
  int fd;

  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    fd = open(out, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
      close(fd);
    }
    char *copy[16];
    int i;
    /* execv wants writable strings: give it copies. */
    for (i = 0; argv[i] != NULL && i < 15; i++)
      copy[i] = strdup(argv[i]);
    copy[i] = NULL;
    setpgid(0, 0);
    /* Whatever ends the test's process ends Kannel's too. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    execv(copy[0], copy);
    _exit(127);
  }
  return pid;
}

/* Stop *pid with sig (SIGKILL after 10 s) and reap it. */
static void
reap(pid_t *pid, int sig)
{
  int64_t end;
  int status;

  if (*pid <= 0)
    return;
  kill(*pid, sig);
  end = tu_now_ms() + tu_scaled_ms(10000);
  while (waitpid(*pid, &status, WNOHANG) == 0) {
    struct timespec ts = {0, 10 * 1000 * 1000};
    if (tu_now_ms() > end) {
      kill(*pid, SIGKILL);
      waitpid(*pid, &status, 0);
      break;
    }
    nanosleep(&ts, NULL);
  }
  *pid = 0;
}

/* Ask done(arg) every 20 ms until it says 1 (0 is returned) or the
 * scaled WAIT_MS passed (-1): for what another process does, which no
 * event of ours tells. */
static int
poll_until(int (*done)(void *), void *arg)
{
  int64_t end = tu_now_ms() + tu_scaled_ms(WAIT_MS);

  for (;;) {
    struct timespec ts = {0, 20 * 1000 * 1000};
    if (done(arg))
      return 0;
    if (tu_now_ms() >= end)
      return -1;
    nanosleep(&ts, NULL);
  }
}

/* 127.0.0.1:*port accepts a connection. */
static int
port_open(void *port)
{
  struct sockaddr_in a;
  int fd, ok;

  memset(&a, 0, sizeof(a));
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons((uint16_t)*(int *)port);
  fd = socket(AF_INET, SOCK_STREAM, 0);
  ok = connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0;
  close(fd);
  return ok;
}

/* Wait until 127.0.0.1:port accepts a connection; 0 or -1. */
static int
wait_port(int port)
{
  return poll_until(port_open, &port);
}

struct count_want {
  const char *sql;
  long long want, got;
};

/* The count sql reads from the daemon's database is the one wanted. */
static int
count_is(void *arg)
{
  struct count_want *c = arg;

  c->got = tu_db_int(&d, c->sql);
  return c->got == c->want;
}

/* Wait until sql (a count) reads want from the daemon's database. */
static void
wait_db(const char *sql, long long want)
{
  struct count_want c = {sql, want, -1};

  ck_assert_msg(poll_until(count_is, &c) == 0, "%s: %lld, not %lld", sql,
                c.got, want);
}

/* Bearerbox's status page holds the line *want ("store size N"). */
static int
store_reads(void *want)
{
  char path[128];
  struct tu_resp r;
  int ok;

  snprintf(path, sizeof(path), "/status.txt?password=%s", ADMIN_PASSWORD);
  memset(&r, 0, sizeof(r));
  ok = tu_http(k.admin, "GET", path, NULL, NULL, &r) == 0 &&
       r.body != NULL && strstr(r.body, want) != NULL;
  tu_resp_free(&r);
  return ok;
}

/* Wait until bearerbox's status page reads "store size n": the messages
 * it holds are in its store file. */
static void
wait_store(int n)
{
  char want[32];

  snprintf(want, sizeof(want), "store size %d", n);
  ck_assert_msg(poll_until(store_reads, want) == 0,
                "bearerbox's store never held %d", n);
}

/* ---- Kannel's config: the shipped one, its ports and paths replaced -- */

static void
replace_all(struct buf *b, const char *from, const char *to)
{
  struct buf o = BUF_INIT;
  const char *p = b->data, *hit;

  while ((hit = strstr(p, from)) != NULL) {
    buf_append(&o, p, (size_t)(hit - p));
    buf_puts(&o, to);
    p = hit + strlen(from);
  }
  buf_puts(&o, p);
  buf_free(b);
  *b = o;
}

/* The shipped config with the group whose first line is "group = smsc"
 * (up to its blank line) replaced by Kannel's fake SMSC on k.smsc. */
static void
render_conf(void)
{
  char *text = tu_read_file(ADUAN_SOURCE_DIR "/config/kannel.conf", NULL);
  struct buf b = BUF_INIT, fake = BUF_INIT;
  char port[16], *smsc, *end;

  ck_assert_ptr_nonnull(text);
  smsc = strstr(text, "\ngroup = smsc\n");
  ck_assert_ptr_nonnull(smsc);
  end = strstr(smsc + 1, "\n\n");
  ck_assert_ptr_nonnull(end);
  buf_append(&b, text, (size_t)(smsc - text) + 1);
  buf_printf(&fake, "group = smsc\nsmsc = fake\nsmsc-id = fake\nport = %d\n"
             "connect-allow-ip = 127.0.0.1\n", k.smsc);
  buf_append(&b, fake.data, fake.len);
  buf_puts(&b, end + 1);
  free(text);
  buf_free(&fake);

  snprintf(port, sizeof(port), "%d", k.admin);
  replace_all(&b, "13000", port);
  snprintf(port, sizeof(port), "%d", k.box);
  replace_all(&b, "13001", port);
  snprintf(port, sizeof(port), "%d", k.sendsms);
  replace_all(&b, "13013", port);
  snprintf(port, sizeof(port), "127.0.0.1:%d", k.aduand);
  replace_all(&b, "127.0.0.1:8080", port);
  replace_all(&b, "/var/log/kannel", k.dir);
  replace_all(&b, "/var/spool/kannel", k.dir);
  /* Retry within the test's deadlines. */
  replace_all(&b, "http-queue-delay = 10", "http-queue-delay = 1");
  ck_assert_int_eq(tu_write_file(k.conf, b.data), 0);
  buf_free(&b);
}

static void
bearerbox_start(void)
{
  const char *argv[] = {BEARERBOX, k.conf, NULL};
  char *out = tu_path(k.dir, "bearerbox.out");

  k.bb = spawn(argv, out);
  free(out);
  ck_assert_msg(wait_port(k.admin) == 0, "bearerbox never listened");
}

static void
smsbox_start(void)
{
  const char *argv[] = {SMSBOX, k.conf, NULL};
  char *out = tu_path(k.dir, "smsbox.out");

  k.sb = spawn(argv, out);
  free(out);
  ck_assert_msg(wait_port(k.sendsms) == 0, "smsbox never listened");
}

/* aduand with a kannel channel "sms" as the shipped config expects it. */
static void
aduand_start(void)
{
  struct tu_daemon_opts o = {0};
  struct buf server = BUF_INIT, extra = BUF_INIT;

  buf_printf(&server, "listen = 127.0.0.1:%d\n"
             "public_url = http://127.0.0.1:%d\n", k.aduand, k.aduand);
  buf_printf(&extra, "[outbox]\nbackoff_base = 200ms\nbackoff_max = 1s\n"
             "[channel.sms]\ntype = kannel\nsecret = " SECRET "\n"
             "sendsms_url = http://127.0.0.1:%d/cgi-bin/sendsms\n"
             "username = aduan\npassword = " SENDSMS_PASSWORD "\n"
             "from = 1708\n", k.sendsms);
  o.server = server.data;
  o.extra = extra.data;
  ck_assert_int_eq(tu_daemon_start_opts(&d, &o), 0);
  buf_free(&server);
  buf_free(&extra);
}

static void
setup(void)
{
  int i;

  memset(&k, 0, sizeof(k));
  memset(&d, 0, sizeof(d));
  for (i = 0; i < 5; i++)
    k.held[i] = -1;
  k.dir = tu_tmpdir();
  k.conf = tu_path(k.dir, "kannel.conf");
  k.fs_out = tu_path(k.dir, "fakesmsc.out");
  k.admin = held_port(0);
  k.box = held_port(1);
  k.sendsms = held_port(2);
  k.smsc = held_port(3);
  k.aduand = held_port(4);
  render_conf();
  aduand_start();
  bearerbox_start();
  smsbox_start();
}

static void
teardown(void)
{
  int i;

  reap(&k.fs, SIGKILL);
  reap(&k.sb, SIGTERM);
  reap(&k.bb, SIGTERM);
  if (d.pid > 0 || d.dir != NULL)
    tu_daemon_cleanup(&d);
  for (i = 0; i < 5; i++)
    if (k.held[i] >= 0)
      close(k.held[i]);
  if (k.dir != NULL)
    tu_rmrf(k.dir);
  free(k.dir);
  free(k.conf);
  free(k.fs_out);
  memset(&k, 0, sizeof(k));
}

/* ---- The phone ------------------------------------------------------- */

/* A fakesmsc run that sends msg ("sender receiver type data") once, or
 * with msg NULL only receives; the previous run is stopped first. */
static void
phone(const char *msg)
{
  char port[16];
  const char *argv[] = {FAKESMSC, "-H", "127.0.0.1", "-r", port, "-i",
                        "0.01", "-m", msg != NULL ? "1" : "0",
                        msg != NULL ? msg : "0 0 text -", NULL};

  reap(&k.fs, SIGKILL);
  snprintf(port, sizeof(port), "%d", k.smsc);
  k.fs = spawn(argv, k.fs_out);
}

/* msg's count-th inbound message on "sms" has been taken, and every reply
 * written so far has reached the phone (its delivery report came). */
static void
say(const char *msg, int count)
{
  char sql[160];

  phone(msg);
  snprintf(sql, sizeof(sql), "SELECT count(*) FROM inbound WHERE "
           "channel = 'sms'");
  wait_db(sql, count);
  wait_db("SELECT count(*) FROM outbox WHERE channel = 'sms' AND "
          "(status <> 'sent' OR delivery IS NULL)", 0);
}

static const char *const story[] = {
  "Halo", "1", "pungli", "Kepala Seksi Perizinan Dinas PMPTSP", "Ende",
  "kemarin", NULL /* the story */, "LANJUT", "LEWATI", "3", "KIRIM",
};
#define NSTORY ((int)(sizeof(story) / sizeof(story[0])))

/* A whole report; the story goes as kind ("text" or "ucs2") with data. */
static void
report(const char *kind, const char *data, int *count)
{
  char msg[1024];
  int i;

  for (i = 0; i < NSTORY; i++) {
    if (story[i] != NULL)
      snprintf(msg, sizeof(msg), PHONE_LOCAL " 1708 text %s", story[i]);
    else
      snprintf(msg, sizeof(msg), PHONE_LOCAL " 1708 %s %s", kind, data);
    say(msg, ++*count);
  }
}

#define STORY_GSM ("Petugas loket  meminta uang 200 ribu rupiah agar izin " \
                   "usaha saya cepat diproses, tanpa kuitansi (100% benar)")
/* "Petugas “Budi” meminta uang 200 ribu rupiah agar izin usaha saya
 * cepat diproses — tanpa kuitansi ☹" in UTF-8 and in UTF-16BE,
 * url-encoded as fakesmsc takes it. */
#define STORY_UTF8 ("Petugas \xe2\x80\x9c" "Budi\xe2\x80\x9d meminta uang " \
                    "200 ribu rupiah agar izin usaha saya cepat diproses " \
                    "\xe2\x80\x94 tanpa kuitansi \xe2\x98\xb9")

/* s (UTF-8, BMP only) as url-encoded UTF-16BE into out. */
static void
ucs2_arg(const char *s, struct buf *out)
{
  const unsigned char *u = (const unsigned char *)s;
  unsigned cp;

  while (*u != 0) {
    if (*u < 0x80) {
      cp = *u++;
    } else if ((*u & 0xE0) == 0xC0) {
      cp = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
      u += 2;
    } else {
      cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
      u += 3;
    }
    buf_printf(out, "%%%02X%%%02X", cp >> 8, cp & 0xFF);
  }
}

/* ---- Tests ----------------------------------------------------------- */

/* A whole report in GSM text, and the story is stored as sent (a double
 * space and a '%' included, which %a would have changed). */
START_TEST(report_in_gsm_text)
{
  char *text;
  int n = 0;

  report("text", STORY_GSM, &n);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 1);
  text = tu_db_text(&d, "SELECT body FROM inbound WHERE channel = 'sms' "
                        "AND body LIKE 'Petugas%'");
  ck_assert_ptr_nonnull(text);
  ck_assert_str_eq(text, STORY_GSM);
  free(text);
  /* Every message once. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(DISTINCT provider_id) FROM "
                                 "inbound"), NSTORY);
}
END_TEST

/* A whole report whose story is UCS-2: stored exactly, as UTF-8. */
START_TEST(report_in_ucs2_text)
{
  struct buf u = BUF_INIT;
  char *text;
  int n = 0;

  ucs2_arg(STORY_UTF8, &u);
  report("ucs2", u.data, &n);
  buf_free(&u);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 1);
  text = tu_db_text(&d, "SELECT body FROM inbound WHERE channel = 'sms' "
                        "AND body LIKE 'Petugas%'");
  ck_assert_ptr_nonnull(text);
  ck_assert_str_eq(text, STORY_UTF8);
  free(text);
}
END_TEST

/* The parts of the messages to PHONE that fakesmsc got after byte mark,
 * their texts joined into out (linked parts url-decoded); the count of
 * parts. */
static int
received(size_t mark, struct buf *out)
{
  char *log = tu_read_file(k.fs_out, NULL), *p, *e, *data;
  int parts = 0;

  ck_assert_ptr_nonnull(log);
  for (p = strstr(log + mark, "Got message"); p != NULL;
       p = strstr(p + 1, "Got message")) {
    static const char text[] = "<1708 " PHONE " text ";
    e = strchr(p, '>');
    if (e == NULL || strstr(p, "<1708 " PHONE " ") == NULL ||
        strstr(p, "<1708 " PHONE " ") > e)
      continue;
    parts++;
    data = strstr(p, text);
    if (data != NULL && data < e) {
      /* A single part, its text as it is. */
      buf_append(out, data + strlen(text), (size_t)(e - data) -
                 strlen(text));
      continue;
    }
    /* A linked part: "udh UDH data DATA", DATA url-encoded. */
    data = strstr(p, " data ");
    if (data == NULL || data > e)
      continue;
    for (data += 6; data < e; data++) {
      unsigned v;
      if (*data == '+') {
        buf_append(out, " ", 1);
      } else if (*data == '%' && sscanf(data + 1, "%2x", &v) == 1) {
        char c = (char)v;
        buf_append(out, &c, 1);
        data += 2;
      } else {
        buf_append(out, data, 1);
      }
    }
  }
  free(log);
  return parts;
}

struct parts_want {
  size_t mark;
  int want, parts;
  struct buf *out;
};

/* received() from p->mark has p->want parts at least. */
static int
parts_in(void *arg)
{
  struct parts_want *p = arg;

  buf_free(p->out);
  p->parts = received(p->mark, p->out);
  return p->parts >= p->want;
}

/* received(), once at least want parts are in fakesmsc's output or the
 * deadline passed.  The fake SMSC reports delivery as soon as it wrote
 * the message to fakesmsc's socket, so the delivery report can reach
 * aduand before fakesmsc has written its "Got message" line. */
static int
wait_received(size_t mark, int want, struct buf *out)
{
  struct parts_want p = {mark, want, 0, out};

  poll_until(parts_in, &p);
  return p.parts;
}

/* An operator's question longer than 160 characters reaches the phone
 * whole, in linked parts. */
START_TEST(long_reply_arrives_whole)
{
  const char *q = "Mohon jelaskan lebih rinci kapan tepatnya petugas "
                  "meminta uang itu, berapa orang yang hadir di loket saat "
                  "itu, dan apakah ada saksi lain yang melihat kejadian "
                  "tersebut secara langsung selain Bapak atau Ibu sendiri";
  struct buf got = BUF_INIT;
  char *number, *out = NULL, *err = NULL;
  size_t mark = 0;
  int n = 0, status = 0, parts;

  ck_assert_int_gt((int)strlen(q), 160);
  report("text", STORY_GSM, &n);
  number = tu_db_text(&d, "SELECT number FROM tickets");
  ck_assert_ptr_nonnull(number);
  free(tu_read_file(k.fs_out, &mark));
  {
    const char *argv[] = {ADUANCTL_BIN, "-c", d.conf, "ask", number, q,
                          NULL};
    ck_assert_int_eq(tu_run(argv, NULL, &out, &err, &status), 0);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "aduanctl ask: %s", err);
  }
  wait_db("SELECT count(*) FROM outbox WHERE channel = 'sms' AND "
          "(status <> 'sent' OR delivery IS NULL)", 0);
  parts = wait_received(mark, 2, &got);
  ck_assert_int_ge(parts, 2);
  ck_assert_msg(got.data != NULL && strstr(got.data, q) != NULL,
                "the phone got '%s'", got.data ? got.data : "");
  buf_free(&got);
  free(number);
  free(out);
  free(err);
}
END_TEST

/* Messages that arrive while aduand is stopped are taken once it is back,
 * each once (smsbox retries; aduand knows Kannel's id). */
START_TEST(aduand_restart_loses_nothing)
{
  static const char *const msgs[] = {"satu dua", "tiga empat",
                                     "lima enam"};
  char msg[128], *access = tu_path(k.dir, "access.log");
  int i, status = 0;

  say(PHONE_LOCAL " 1708 text Halo", 1);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGTERM), 0);
  ck_assert_int_eq(tu_daemon_wait_exit(&d, WAIT_MS, &status), 0);
  for (i = 0; i < 3; i++) {
    snprintf(msg, sizeof(msg), PHONE_LOCAL " 1708 text %s", msgs[i]);
    phone(msg);
    /* bearerbox has it and handed it to smsbox. */
    ck_assert_int_eq(tu_wait_file(access, msgs[i], WAIT_MS), 0);
  }
  ck_assert_int_eq(tu_daemon_restart(&d), 0);
  wait_db("SELECT count(*) FROM inbound WHERE channel = 'sms'", 4);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(DISTINCT provider_id) FROM "
                                 "inbound"), 4);
  for (i = 0; i < 3; i++) {
    char sql[160];
    snprintf(sql, sizeof(sql), "SELECT count(*) FROM inbound WHERE body = "
             "'%s'", msgs[i]);
    ck_assert_int_eq(tu_db_int(&d, sql), 1);
  }
  free(access);
}
END_TEST

/* Replies Kannel accepted while no SMSC was connected survive a crash of
 * bearerbox and smsbox (store-type = file) and reach the phone after
 * they are back. */
START_TEST(bearerbox_restart_keeps_replies)
{
  struct buf got = BUF_INIT;
  struct tu_resp r;
  char path[512];

  /* No phone connected: the reply waits in bearerbox. */
  snprintf(path, sizeof(path), "/webhook/sms?secret=" SECRET "&sender="
           PHONE_LOCAL "&receiver=1708&text=Halo&id=bb-restart-1&coding=0"
           "&charset=UTF-8");
  ck_assert_int_eq(tu_http(d.port, "GET", path, NULL, NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  tu_resp_free(&r);
  wait_db("SELECT count(*) FROM outbox WHERE channel = 'sms' AND "
          "status = 'sent'", 1);
  /* smsbox took it (HTTP 202) and hands it on to bearerbox on its own:
   * the kill waits until bearerbox has it in its store. */
  wait_store(1);
  /* Both boxes die: only bearerbox's store can keep the reply. */
  reap(&k.sb, SIGKILL);
  reap(&k.bb, SIGKILL);
  bearerbox_start();
  smsbox_start();
  phone(NULL);
  wait_db("SELECT count(*) FROM outbox WHERE channel = 'sms' AND "
          "delivery IS NOT NULL", 1);
  ck_assert_int_ge(wait_received(0, 1, &got), 1);
  buf_free(&got);
}
END_TEST

static Suite *
kannel_suite(void)
{
  Suite *s = suite_create("kannel");
  TCase *tc = tcase_create("real");

  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, report_in_gsm_text);
  tcase_add_test(tc, report_in_ucs2_text);
  tcase_add_test(tc, long_reply_arrives_whole);
  tcase_add_test(tc, aduand_restart_loses_nothing);
  tcase_add_test(tc, bearerbox_restart_keeps_replies);
  suite_add_tcase(s, tc);
  return s;
}

int
main(void)
{
  if (access(BEARERBOX, X_OK) != 0 || access(SMSBOX, X_OK) != 0 ||
      access(FAKESMSC, X_OK) != 0) {
    fprintf(stderr, "test_kannel: SKIPPED: needs " BEARERBOX ", " SMSBOX
            " and " FAKESMSC " (Debian packages kannel and kannel-extras; "
            "scripts/deps.sh --test installs them)\n");
    return 77;
  }
  return tu_run_suite(kannel_suite());
}
