/*
 * test_conv.c: the conversation engine on its own, without a daemon.
 *
 * Each test gets its own engine (the shipped catalogue, word lists and
 * holidays of config/) and its own store (SQLite in a temporary folder),
 * and hands messages to conv_handle() as webhook.c does: the reporter,
 * the inbound row and the turn in one savepoint.  The clock is the
 * event's now_ms; every message moves it on by a second and a test may
 * move it further.  Replies are recognised by catalogue key (tu_text) or
 * by a distinctive part, never by whole texts; what the engine kept is
 * read back through the store API.
 */
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/conv.h"
#include "base/diag.h"
#include "base/err.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "testutil.h"
#include "rules/ticket.h"
#include "tu_conv.h"

#define T0 1773540000000LL          /* 15-03-2026 10.00 WITA */
#define HOUR (3600 * 1000LL)

/* A reporter on a channel. */
struct who {
  const char *phone;
  const char *channel;
  const char *family;
  int inline_replies;
};

static const struct who A = {"+6281234567890", "dev", "dev", 1};
static const struct who B = {"+6285237000001", "dev", "dev", 1};
static const struct who C = {"+6285237000002", "dev", "dev", 1};
static const struct who S = {"+6281300000002", "sms", "sms", 0};

#define STORY                                                              \
  "Saya diminta membayar lima ratus ribu rupiah oleh oknum petugas di "    \
  "kantor kecamatan untuk mengurus surat keterangan usaha, padahal "       \
  "layanan itu gratis menurut papan pengumuman di kantor tersebut."

/* The world of one test. */
struct fx {
  char *dir;
  struct config *cfg;
  struct store *st;
  struct conv *cv;
  int64_t now;
  int seq;
  const char *story;         /* the kronologi walk() tells */
  int64_t inbound;           /* the last message's row */
  struct store_strings r;    /* the replies to it */
};

static struct fx fx;

/* ---- Set-up ---------------------------------------------------------- */

static void
fx_setup(void)
{
  struct store_opts o = {0};
  char err[256];
  char *db;

  memset(&fx, 0, sizeof(fx));
  fx.now = T0;
  fx.story = STORY;
  fx.dir = tu_tmpdir();
  ck_assert_ptr_nonnull(fx.dir);
  ck_assert_int_eq(config_defaults(&fx.cfg), 0);
  tu_conv_new(&fx.cv, fx.cfg);
  db = tu_path(fx.dir, "aduan.db");
  o.path = db;
  o.busy_timeout_ms = 1000;
  ck_assert_msg(store_open(&fx.st, &o, err, sizeof(err)) == 0,
                "store_open: %s", err);
  free(db);
}

static void
fx_teardown(void)
{
  store_strings_free(&fx.r);
  store_close(fx.st);
  conv_free(fx.cv);
  config_free(fx.cfg);
  tu_rmrf(fx.dir);
  free(fx.dir);
  memset(&fx, 0, sizeof(fx));
}

/* ---- Talking --------------------------------------------------------- */

static int64_t
reporter(const struct who *w)
{
  int64_t id = 0;

  ck_assert_int_eq(store_reporter_ensure(fx.st, w->phone, fx.now, &id), 0);
  return id;
}

/* The event webhook.c would make for message m of w. */
static void
make_event(const struct who *w, const struct inbound_msg *m, int64_t rid,
           int64_t inbound, struct conv_event *ev)
{
  memset(ev, 0, sizeof(*ev));
  ev->msg = m;
  ev->channel = w->channel;
  ev->family = w->family;
  ev->inline_replies = w->inline_replies;
  ev->reporter_id = rid;
  ev->inbound_id = inbound;
  ev->now_ms = fx.now;
}

/* Hand m from w to the engine as webhook.c does, a second after the
 * previous message; its replies land in fx.r (at least one, always). */
static void
send_msg(const struct who *w, struct inbound_msg *m)
{
  struct store_inbound in = {0};
  struct conv_event ev;
  char id[32];
  int64_t rid;

  fx.now += 1000;
  snprintf(id, sizeof(id), "m-%d", ++fx.seq);
  snprintf(m->phone, sizeof(m->phone), "%s", w->phone);
  m->provider_id = id;
  ck_assert_int_eq(store_sp_begin(fx.st), 0);
  rid = reporter(w);
  in.channel = w->channel;
  in.provider_id = id;
  in.reporter_id = rid;
  in.kind = msg_kind_name(m->kind);
  in.body = m->text;
  in.payload = m->text != NULL ? m->text : "";
  in.payload_len = strlen(in.payload);
  in.received_at = fx.now;
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &fx.inbound), 0);
  make_event(w, m, rid, fx.inbound, &ev);
  ck_assert_int_eq(conv_handle(fx.cv, fx.st, &ev), 0);
  ck_assert_int_eq(store_sp_release(fx.st), 0);
  m->provider_id = NULL;
  store_strings_free(&fx.r);
  ck_assert_int_eq(store_outbox_replies(fx.st, fx.inbound, &fx.r), 0);
  ck_assert_int_ge(fx.r.n, 1);
}

static void
say(const struct who *w, const char *text)
{
  struct inbound_msg m;
  char buf[4200];

  memset(&m, 0, sizeof(m));
  snprintf(buf, sizeof(buf), "%s", text);
  m.kind = MSG_TEXT;
  m.text = buf;
  send_msg(w, &m);
}

/* A photo, document... of type mime (by URL, as the dev channel has it). */
static void
say_media(const struct who *w, const char *mime)
{
  struct inbound_msg m;
  char url[] = "https://media.example.invalid/m/1";
  char type[64];

  memset(&m, 0, sizeof(m));
  snprintf(type, sizeof(type), "%s", mime);
  m.kind = MSG_MEDIA;
  m.media_url = url;
  m.media_mime = type;
  send_msg(w, &m);
}

/* The last reply of the last message. */
static const char *
last(void)
{
  return fx.r.v[fx.r.n - 1];
}

/* 1 when the last reply is the text of catalogue key key. */
static int
last_is(const char *key)
{
  const char *want = tu_text(key);

  ck_assert_msg(want != NULL, "no catalogue text %s", key);
  return strncmp(last(), want, strlen(want)) == 0;
}

/* Say text as w and require key's text as the last reply. */
#define expect(w, text, key)                                               \
  do {                                                                     \
    say((w), (text));                                                      \
    ck_assert_msg(last_is(key), "after '%s' expected %s, got '%s'",        \
                  (text), (key), last());                                  \
  } while (0)

/* The last reply is key's text with value at its first placeholder. */
#define expect_filled(key, value)                                          \
  do {                                                                     \
    ck_assert_msg(last_is(key), "expected %s, got '%s'", (key), last());  \
    ck_assert_msg(strncmp(last() + strlen(tu_text(key)), (value),          \
                          strlen(value)) == 0,                             \
                  "expected %s filled with '%s': '%s'", (key), (value),    \
                  last());                                                 \
  } while (0)

#define expect_has(needle)                                                 \
  ck_assert_msg(strstr(last(), (needle)) != NULL,                          \
                "expected '%s' in '%s'", (needle), last())

/* ---- Reading back ---------------------------------------------------- */

/* w's session (the caller clears it). */
static void
session(const struct who *w, struct store_session *s)
{
  memset(s, 0, sizeof(*s));
  ck_assert_int_eq(store_session_get(fx.st, reporter(w), w->family, s), 0);
}

/* Require w's session to be at step. */
#define expect_step(w, want)                                               \
  do {                                                                     \
    struct store_session s_;                                               \
    session((w), &s_);                                                     \
    ck_assert_str_eq(s_.step, (want));                                     \
    store_session_clear(&s_);                                              \
  } while (0)

/* 1 when w's draft holds the key ("terlapor", "kronologi"...). */
static int
draft_has(const struct who *w, const char *key)
{
  struct store_session s;
  char quoted[64];
  int has;

  session(w, &s);
  snprintf(quoted, sizeof(quoted), "\"%s\":", key);
  has = strstr(s.draft, quoted) != NULL;
  store_session_clear(&s);
  return has;
}

/* Evidence kept for w's draft. */
static int
draft_evidence(const struct who *w)
{
  struct store_session s;
  int n = -1;

  session(w, &s);
  ck_assert_int_eq(store_evidence_count(fx.st, s.id, &n), 0);
  store_session_clear(&s);
  return n;
}

/* One number from the database (a1 bound to the first parameter). */
static int64_t
db_int(const char *sql, int64_t a1)
{
  return tu_sql_int(store_sqlite_handle(fx.st), sql, a1);
}

static int64_t
ticket_count(void)
{
  return db_int("SELECT count(*) FROM tickets", 0);
}

/* The ticket numbered number (the caller clears it). */
static void
ticket(const char *number, struct store_ticket *t)
{
  memset(t, 0, sizeof(*t));
  ck_assert_int_eq(store_ticket_by_number(fx.st, number, t), 0);
}

/* The ticket number PREFIX-YYYY-NNNNN in the last reply, into out. */
static void
reply_number(char out[TICKET_NUMBER_MAX])
{
  const char *p = strstr(last(), "NTT-");
  int i;

  ck_assert_msg(p != NULL, "no ticket number in '%s'", last());
  ck_assert_int_ge((int)strlen(p), 14);
  for (i = 0; i < 14; i++) {
    if (i == 3 || i == 8)
      ck_assert_int_eq(p[i], '-');
    else if (i > 3)
      ck_assert_msg(p[i] >= '0' && p[i] <= '9', "bad number in '%s'", p);
  }
  ck_assert_msg(p[14] < '0' || p[14] > '9', "number too long: '%s'", p);
  memcpy(out, p, 14);
  out[14] = '\0';
}

/* ---- The usual way through a report ---------------------------------- */

/* Where walk() stops: after that many answers of route[]. */
enum at {
  AT_MENU = 1, AT_KATEGORI, AT_TERLAPOR, AT_LOKASI, AT_WAKTU, AT_KRONOLOGI,
  AT_KRONOLOGI_TOLD, AT_BUKTI, AT_IDENTITAS, AT_NAMA, AT_KONFIRMASI
};

static const struct {
  const char *answer;        /* NULL: fx.story */
  const char *key;           /* the reply */
  const char *step;          /* where the session is then */
} route[] = {
  {"Halo", "menu", "menu"},
  {"1", "ask.kategori", "kategori"},
  {"pungli", "ask.terlapor", "terlapor"},
  {"Kepala Seksi Perizinan Dinas PMPTSP", "ask.lokasi", "lokasi"},
  {"Kota Kupang", "ask.waktu", "waktu"},
  {"12 Maret 2026", "ask.kronologi", "kronologi"},
  {NULL, "kronologi.more", "kronologi"},
  {"LANJUT", "ask.bukti", "bukti"},
  {"LANJUT", "ask.identitas", "identitas"},
  {"1", "ask.nama", "nama"},
  {"Budi Santoso", "konfirmasi", "konfirmasi"},
};

static int
has_session(const struct who *w)
{
  struct store_session s;
  int rc;

  memset(&s, 0, sizeof(s));
  rc = store_session_get(fx.st, reporter(w), w->family, &s);
  store_session_clear(&s);
  ck_assert(rc == 0 || rc == AERR_NOTFOUND);
  return rc == 0;
}

/* Take w through answers from .. to-1 of route[] (the first, "Halo",
 * only when w has no session yet). */
static void
walk_on(const struct who *w, enum at from, enum at to)
{
  int i;

  for (i = (int)from; i < (int)to; i++) {
    if (i == 0 && has_session(w))
      continue;  /* already at the menu */
    expect(w, route[i].answer ? route[i].answer : fx.story, route[i].key);
    expect_step(w, route[i].step);
  }
}

/* Take w from the menu (or no session) to where n answers lead. */
static void
walk(const struct who *w, enum at n)
{
  walk_on(w, 0, n);
}

/* KIRIM at w's summary files the draft; the ticket's number into
 * number. */
static void
kirim(const struct who *w, char number[TICKET_NUMBER_MAX])
{
  expect(w, "KIRIM", "ticket.created");
  reply_number(number);
}

/* KIRIM at w's summary; the ticket filed, into t (the caller clears
 * it). */
static void
kirim_ticket(const struct who *w, struct store_ticket *t)
{
  char number[TICKET_NUMBER_MAX];

  kirim(w, number);
  ticket(number, t);
}

/* Walk w to the summary and file it; the ticket's number into number. */
static void
file_report(const struct who *w, char number[TICKET_NUMBER_MAX])
{
  walk(w, AT_KONFIRMASI);
  kirim(w, number);
}

/* w answers the place question with text, understood at once: the next
 * question, and nothing kept as given. */
static void
lokasi_understood(const struct who *w, const char *text)
{
  expect(w, text, "ask.waktu");
  ck_assert(!draft_has(w, "lokasi_as_given"));
}

/* t (cleared here) carries no marks, is filed under place code kode, and
 * keeps lokasi as given unless that is NULL. */
static void
check_unmarked(struct store_ticket *t, const char *lokasi, const char *kode)
{
  ck_assert_ptr_null(t->marks);
  if (lokasi != NULL)
    ck_assert_str_eq(t->lokasi, lokasi);
  ck_assert_str_eq(t->lokasi_kode, kode);
  store_ticket_clear(t);
}

/* An operator's question about t, put to its reporter. */
static void
ask_question(const struct store_ticket *t, const char *question)
{
  ck_assert_int_eq(store_question_add(fx.st, t->id, t->reporter_id, "budi",
                                      question, fx.now, NULL), 0);
}

/* A question waits for the answer of reporter rid. */
static void
expect_waiting(int64_t rid)
{
  char waiting[32];
  int64_t qid = 0, tid = 0;

  ck_assert_int_eq(store_question_waiting(fx.st, rid, &qid, &tid, waiting),
                   0);
}

/* w's text is kept as the answer to the question about ticket number. */
static void
expect_note(const struct who *w, const char *text, const char *number)
{
  expect(w, text, "note.received");
  expect_has(number);
}

/* The last message had two replies, the first of them key's text. */
static void
expect_two_first(const char *key)
{
  ck_assert_int_eq(fx.r.n, 2);
  ck_assert_msg(strncmp(fx.r.v[0], tu_text(key), strlen(tu_text(key))) == 0,
                "first reply not %s: '%s'", key, fx.r.v[0]);
}

/* ---- Tests ----------------------------------------------------------- */

/* Everything asked is stored on the ticket, and the draft is gone. */
static void
check_filed(const char *number, int64_t rid)
{
  struct store_ticket t;
  struct store_evidence_item *ev = NULL;
  struct store_identity id;
  int n = 0;

  ticket(number, &t);
  ck_assert_int_eq(t.reporter_id, rid);
  ck_assert_str_eq(t.channel, "dev");
  ck_assert_str_eq(t.status, "diterima");
  ck_assert_str_eq(t.category, "pemerasan");
  ck_assert_str_eq(t.terlapor, "Kepala Seksi Perizinan Dinas PMPTSP");
  ck_assert_str_eq(t.lokasi, "Kota Kupang");
  ck_assert_ptr_nonnull(t.lokasi_kode);
  ck_assert_str_eq(t.waktu, "12 Maret 2026");
  ck_assert_str_eq(t.kronologi, STORY);
  ck_assert_str_eq(t.identitas, "nama");
  ck_assert_int_eq(t.created_at, fx.now);
  ck_assert_int_eq(t.year, 2026);
  ck_assert_int_eq(store_ticket_evidence(fx.st, t.id, &ev, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_str_eq(ev[0].mime, "image/jpeg");
  ck_assert_str_eq(ev[1].mime, "application/pdf");
  store_evidence_items_free(ev, n);
  ck_assert_int_eq(store_ticket_identity(fx.st, t.id, &id), 0);
  ck_assert_str_eq(id.name, "Budi Santoso");
  store_identity_clear(&id);
  store_ticket_clear(&t);
}

START_TEST(report_filed_with_every_field)
{
  char number[TICKET_NUMBER_MAX];
  struct store_session s;
  int64_t rid = reporter(&A);

  walk(&A, AT_LOKASI);
  /* A photo before the evidence step is kept, the question repeated. */
  say_media(&A, "image/jpeg");
  ck_assert(last_is("ask.lokasi"));
  ck_assert_int_eq(draft_evidence(&A), 1);
  say(&A, "Kota Kupang");
  say(&A, "12 Maret 2026");
  say(&A, STORY);
  expect(&A, "LANJUT", "ask.bukti");
  say_media(&A, "application/pdf");
  expect_filled("bukti.received", "2");
  expect(&A, "LANJUT", "ask.identitas");
  expect(&A, "1", "ask.nama");
  expect(&A, "Budi Santoso", "konfirmasi");
  expect_has("Pemerasan/pungutan liar");
  expect_has("Kepala Seksi Perizinan Dinas PMPTSP");
  expect_has("Kota Kupang");
  expect_has("12-03-2026");
  expect_has("Budi Santoso");
  say(&A, "KIRIM");
  expect_filled("ticket.created", "NTT-2026-00001");
  reply_number(number);
  check_filed(number, rid);
  session(&A, &s);
  ck_assert_str_eq(s.step, "menu");
  ck_assert_str_eq(s.draft, "{}");
  ck_assert_int_eq(s.expires_at,
                   fx.now + (int64_t)fx.cfg->conversation.draft_ttl_ms);
  store_session_clear(&s);
  /* One reply per message, each delivered inline on the dev channel. */
  ck_assert_int_eq(db_int("SELECT count(*) FROM outbox WHERE status = 'sent'"
                          " AND channel = 'dev' AND reporter_id = ?", rid),
                   fx.seq);
  ck_assert_int_eq(db_int("SELECT count(DISTINCT inbound_id) FROM outbox",
                          0), fx.seq);
  /* The next one counts on. */
  fx.story = "Bendahara desa menahan dana bantuan beras untuk warga miskin "
             "selama tiga bulan tanpa alasan yang jelas kepada kami.";
  file_report(&A, number);
  ck_assert_str_eq(number, "NTT-2026-00002");
}
END_TEST

/* A first wrong answer at each step: its reason, and the step kept. */
static const struct {
  enum at at;
  const char *text;
  const char *key;
  int help_on_third;         /* 0 where SPEC 4 keeps the answer instead */
} refusals[] = {
  {AT_MENU, "9", "menu.invalid", 1},
  {AT_KATEGORI, "9", "invalid.kategori", 1},
  {AT_KATEGORI, "sapi", "invalid.kategori", 1},
  {AT_TERLAPOR, "123", "invalid.terlapor", 1},
  {AT_TERLAPOR, "Ab", "invalid.terlapor", 1},
  {AT_LOKASI, "??", "invalid.lokasi", 0},
  {AT_WAKTU, "besok", "invalid.waktu.future", 0},
  {AT_WAKTU, "12 Maret 2019", "invalid.waktu.old", 0},
  {AT_WAKTU, "qwerty asdf", "invalid.waktu", 0},
  {AT_KRONOLOGI, "LANJUT", "invalid.kronologi.short", 1},
  {AT_KRONOLOGI, "dasar babi pak camat itu tidak mau melayani warga",
   "invalid.abusive", 1},
  /* A threat only the threat model reads (a weapon made a verb). */
  {AT_KRONOLOGI, "Sekdes itu sudah tipu kami soal dana desa. Malam ini saya "
   "parangi dia di jalan.", "invalid.threat", 1},
  {AT_BUKTI, "foto menyusul", "help.bukti", 1},
  {AT_IDENTITAS, "5", "invalid.identitas", 1},
  {AT_NAMA, "X", "invalid.nama", 1},
  {AT_KONFIRMASI, "ya", "invalid.konfirmasi", 1},
};

static const char *const help_of[] = {
  [AT_MENU] = "help.menu", [AT_KATEGORI] = "help.kategori",
  [AT_TERLAPOR] = "help.terlapor", [AT_LOKASI] = "help.lokasi",
  [AT_WAKTU] = "help.waktu", [AT_KRONOLOGI] = "help.kronologi",
  [AT_KRONOLOGI_TOLD] = "help.kronologi", [AT_BUKTI] = "help.bukti",
  [AT_IDENTITAS] = "help.identitas", [AT_NAMA] = "help.nama",
  [AT_KONFIRMASI] = "help.konfirmasi",
};

START_TEST(each_step_refuses_with_its_reason)
{
  struct store_session s;
  const char *step = route[refusals[_i].at - 1].step;

  walk(&A, refusals[_i].at);
  expect(&A, refusals[_i].text, refusals[_i].key);
  session(&A, &s);
  ck_assert_str_eq(s.step, step);
  ck_assert_int_eq(s.invalid_count, 1);
  store_session_clear(&s);
  if (!refusals[_i].help_on_third)
    return;
  /* The third in a row brings the step's help, and the count restarts. */
  expect(&A, refusals[_i].text, refusals[_i].key);
  expect(&A, refusals[_i].text, help_of[refusals[_i].at]);
  session(&A, &s);
  ck_assert_str_eq(s.step, step);
  ck_assert_int_eq(s.invalid_count, 0);
  store_session_clear(&s);
}
END_TEST

/* A command at a step: the reply and where the session goes. */
static const struct {
  enum at at;
  const char *text;
  const char *key;
  const char *step;          /* NULL: where it was */
} commands[] = {
  {AT_MENU, "BANTUAN", "help.menu", NULL},
  {AT_KATEGORI, "bantuan", "help.kategori", NULL},
  {AT_TERLAPOR, "Bantuan!", "help.terlapor", NULL},
  {AT_LOKASI, "HELP", "help.lokasi", NULL},
  {AT_WAKTU, " bantu ", "help.waktu", NULL},
  {AT_KRONOLOGI, "BANTUAN", "help.kronologi", NULL},
  {AT_BUKTI, "BANTUAN", "help.bukti", NULL},
  {AT_IDENTITAS, "BANTUAN", "help.identitas", NULL},
  {AT_NAMA, "BANTUAN", "help.nama", NULL},
  {AT_KONFIRMASI, "BANTUAN", "help.konfirmasi", NULL},
  {AT_MENU, "BATAL", "cancelled", "menu"},
  {AT_KATEGORI, "batal", "cancelled", "menu"},
  {AT_TERLAPOR, "Batal.", "cancelled", "menu"},
  {AT_LOKASI, "BATALKAN", "cancelled", "menu"},
  {AT_WAKTU, "cancel", "cancelled", "menu"},
  {AT_KRONOLOGI_TOLD, "BATAL", "cancelled", "menu"},
  {AT_BUKTI, "BATAL", "cancelled", "menu"},
  {AT_IDENTITAS, "BATAL", "cancelled", "menu"},
  {AT_NAMA, "BATAL", "cancelled", "menu"},
  {AT_KONFIRMASI, "BATAL!", "cancelled", "menu"},
  {AT_TERLAPOR, "MENU", "menu", "menu"},
  {AT_KONFIRMASI, "mulai", "menu", "menu"},
  {AT_MENU, "STATUS", "status.ask", "status"},
  {AT_KRONOLOGI_TOLD, "LANJUT", "ask.bukti", "bukti"},
  {AT_KRONOLOGI_TOLD, "lanjut.", "ask.bukti", "bukti"},
  {AT_KRONOLOGI_TOLD, "Selesai", "ask.bukti", "bukti"},
  {AT_BUKTI, "LEWATI", "ask.identitas", "identitas"},
  {AT_BUKTI, "skip", "ask.identitas", "identitas"},
  {AT_BUKTI, "lanjutkan", "ask.identitas", "identitas"},
  {AT_IDENTITAS, "rahasia", "ask.nama", "nama"},
  {AT_IDENTITAS, "ANONIM", "konfirmasi", "konfirmasi"},
  {AT_KONFIRMASI, "kirim", "ticket.created", "menu"},
  {AT_KONFIRMASI, "  Kirim! ", "ticket.created", "menu"},
  /* SPEC 3: one typo, and local forms. */
  {AT_KONFIRMASI, "kirm", "ticket.created", "menu"},
  {AT_TERLAPOR, "batl", "cancelled", "menu"},
  {AT_KRONOLOGI_TOLD, "lanjt", "ask.bukti", "bukti"},
  {AT_BUKTI, "sonde ada", "ask.identitas", "identitas"},
  {AT_BUKTI, "tdk ada", "ask.identitas", "identitas"},
  /* A sentence that starts with a command word is still a sentence. */
  {AT_TERLAPOR, "Batal nikah pak lurah", "ask.lokasi", "lokasi"},
};

START_TEST(commands_work_in_every_step)
{
  const char *step = commands[_i].step ? commands[_i].step
                                       : route[commands[_i].at - 1].step;

  walk(&A, commands[_i].at);
  expect(&A, commands[_i].text, commands[_i].key);
  expect_step(&A, step);
  if (strcmp(commands[_i].key, "cancelled") == 0 ||
      strcmp(commands[_i].key, "menu") == 0) {
    struct store_session s;
    session(&A, &s);
    ck_assert_str_eq(s.draft, "{}");
    store_session_clear(&s);
  }
}
END_TEST

/* Near a command word but an answer: a word one letter from a command
 * that is an everyday word or a name, a command that makes no sense at the
 * step, a longer message, a date. */
static const struct {
  enum at at;
  const char *text;
  const char *key;
} near_commands[] = {
  {AT_TERLAPOR, "Batas", "ask.lokasi"},
  {AT_TERLAPOR, "Malik", "ask.lokasi"},
  {AT_TERLAPOR, "Manu", "ask.lokasi"},
  {AT_NAMA, "Batak", "konfirmasi"},
  {AT_TERLAPOR, "Batu", "ask.lokasi"},
  {AT_LOKASI, "Batam", "invalid.lokasi.luar"},    /* a city, not BATAL */
  {AT_TERLAPOR, "kirm", "ask.lokasi"},
  {AT_TERLAPOR, "tdk ada", "ask.lokasi"},
  {AT_KRONOLOGI_TOLD, "lanjt dulu ya", "kronologi.more"},
  {AT_KONFIRMASI, "krm", "invalid.konfirmasi"},
};

START_TEST(near_commands_stay_answers)
{
  walk(&A, near_commands[_i].at);
  expect(&A, near_commands[_i].text, near_commands[_i].key);
}
END_TEST

/* KEMBALI: the step before, with its question. */
static const struct {
  enum at at;
  const char *pre;           /* said after walking, or NULL */
  const char *key;
  const char *step;
} backs[] = {
  {AT_MENU, NULL, "back.none", "menu"},
  {AT_KATEGORI, NULL, "menu", "menu"},
  {AT_TERLAPOR, NULL, "ask.kategori", "kategori"},
  {AT_LOKASI, NULL, "ask.terlapor", "terlapor"},
  {AT_WAKTU, NULL, "ask.lokasi", "lokasi"},
  {AT_KRONOLOGI, NULL, "ask.waktu", "waktu"},
  {AT_BUKTI, NULL, "ask.kronologi", "kronologi"},
  {AT_IDENTITAS, NULL, "ask.bukti", "bukti"},
  {AT_NAMA, NULL, "ask.identitas", "identitas"},
  {AT_KONFIRMASI, NULL, "ask.nama", "nama"},
  {AT_IDENTITAS, "3", "ask.identitas", "identitas"},
};

START_TEST(kembali_goes_one_step_back)
{
  walk(&A, backs[_i].at);
  if (backs[_i].pre != NULL)
    say(&A, backs[_i].pre);
  expect(&A, _i % 2 ? "KEMBALI" : "balik", backs[_i].key);
  expect_step(&A, backs[_i].step);
  /* Back into the story: it is told afresh, not appended to. */
  if (backs[_i].at == AT_BUKTI)
    ck_assert(!draft_has(&A, "kronologi"));
  if (backs[_i].at == AT_KATEGORI)
    ck_assert(!draft_has(&A, "kategori") && !draft_has(&A, "terlapor"));
  if (backs[_i].at > AT_TERLAPOR)
    ck_assert(draft_has(&A, "terlapor"));
}
END_TEST

/* UBAH n: field n asked again, then back to the summary with it changed. */
static const struct {
  const char *cmd;
  const char *key;
  const char *answers[2];
  const char *shown;         /* in the new summary */
} edits[] = {
  {"UBAH 1", "ask.kategori", {"6", NULL}, "Gratifikasi"},
  {"ubah 2", "ask.terlapor", {"Camat Maulafa", NULL}, "Camat Maulafa"},
  {"UBAH 3", "ask.lokasi", {"Kabupaten Sikka", NULL}, "Sikka"},
  {"UBAH 4.", "ask.waktu", {"kemarin", NULL}, "14-03-2026"},
  {"Ubah 5", "ask.kronologi",
   {"Bendahara desa menahan dana bantuan beras untuk warga miskin selama "
    "tiga bulan tanpa alasan yang jelas.", "LANJUT"}, "Bendahara desa"},
  {"UBAH 6", "ask.bukti", {"LEWATI", NULL}, "tidak ada"},
  {"EDIT 7", "ask.identitas", {"3", NULL}, "ANONIM"},
};

START_TEST(ubah_changes_one_field_from_the_summary)
{
  char number[TICKET_NUMBER_MAX];
  int k;

  walk(&A, AT_KONFIRMASI);
  expect(&A, edits[_i].cmd, edits[_i].key);
  for (k = 0; k < 2 && edits[_i].answers[k] != NULL; k++)
    say(&A, edits[_i].answers[k]);
  ck_assert_msg(last_is("konfirmasi"), "after %s: '%s'", edits[_i].cmd,
                last());
  expect_has(edits[_i].shown);
  expect_step(&A, "konfirmasi");
  /* Only that field changed: the story is still the one told, unless it
   * was the one redone. */
  if (strcmp(edits[_i].key, "ask.kronologi") != 0)
    expect_has("Saya diminta membayar");
  kirim(&A, number);
}
END_TEST

START_TEST(ubah_without_a_field_is_refused)
{
  static const char *const bad[] = {"UBAH", "UBAH 9", "UBAH 0", "ubah dua"};
  size_t i;

  walk(&A, AT_KONFIRMASI);
  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    say(&A, bad[i]);
    ck_assert_msg(last_is("invalid.konfirmasi") ||
                  last_is("help.konfirmasi"), "after %s: '%s'", bad[i],
                  last());
    expect_step(&A, "konfirmasi");
  }
  ck_assert_int_eq(ticket_count(), 0);
}
END_TEST

START_TEST(batal_drops_the_draft_and_its_evidence)
{
  walk(&A, AT_BUKTI);
  say_media(&A, "image/png");
  ck_assert(last_is("bukti.received"));
  ck_assert_int_eq(draft_evidence(&A), 1);
  expect(&A, "BATAL", "cancelled");
  expect_step(&A, "menu");
  ck_assert_int_eq(draft_evidence(&A), 0);
  ck_assert_int_eq(db_int("SELECT count(*) FROM evidence", 0), 0);
  ck_assert(!draft_has(&A, "terlapor"));
  /* A new report starts empty. */
  expect(&A, "1", "ask.kategori");
  ck_assert(!draft_has(&A, "kategori"));
  ck_assert_int_eq(ticket_count(), 0);
}
END_TEST

/* A draft is kept while it is younger than draft_ttl. */
START_TEST(draft_kept_within_its_ttl)
{
  walk(&A, AT_LOKASI);
  fx.now += (int64_t)fx.cfg->conversation.draft_ttl_ms - 2000;
  expect(&A, "Kota Kupang", "ask.waktu");
  ck_assert(draft_has(&A, "terlapor"));
  ck_assert(draft_has(&A, "lokasi"));
}
END_TEST

/* A reporter's draft is parsed from its stored text once, at the first
 * turn; the later turns take the parse kept since the turn before. */
START_TEST(draft_parsed_once_per_conversation)
{
  uint64_t before = conv_drafts_parsed(fx.cv);

  walk(&A, AT_KONFIRMASI);
  ck_assert_uint_eq(conv_drafts_parsed(fx.cv) - before, 1);
  walk(&B, AT_LOKASI);
  ck_assert_uint_eq(conv_drafts_parsed(fx.cv) - before, 2);
  expect(&A, "BANTUAN", "help.konfirmasi");
  ck_assert_uint_eq(conv_drafts_parsed(fx.cv) - before, 2);
}
END_TEST

/* A draft changed in the store since the reporter's last turn (another
 * writer, a rolled-back batch) is read from the store, not from the
 * parse the engine kept. */
START_TEST(draft_changed_in_the_store_is_read_again)
{
  struct store_session s;
  uint64_t before;

  walk(&A, AT_LOKASI);
  ck_assert(draft_has(&A, "terlapor"));
  session(&A, &s);
  free(s.draft);
  s.draft = strdup("{\"kategori\":\"pemerasan\"}");
  ck_assert_ptr_nonnull(s.draft);
  ck_assert_int_eq(store_sp_begin(fx.st), 0);
  ck_assert_int_eq(store_session_put(fx.st, &s), 0);
  ck_assert_int_eq(store_sp_release(fx.st), 0);
  store_session_clear(&s);
  before = conv_drafts_parsed(fx.cv);
  expect(&A, "Kota Kupang", "ask.waktu");
  ck_assert_uint_eq(conv_drafts_parsed(fx.cv) - before, 1);
  ck_assert(draft_has(&A, "kategori"));
  ck_assert(draft_has(&A, "lokasi"));
  ck_assert(!draft_has(&A, "terlapor"));
}
END_TEST

START_TEST(status_of_own_ticket_only)
{
  char number[TICKET_NUMBER_MAX], mine[160], other[160];
  size_t i, diff = 0;

  file_report(&A, number);
  expect(&A, "STATUS NTT-2026-00001", "status.result");
  expect_has(number);
  expect_has(tu_text("status.diterima"));
  expect(&A, "cek ntt 2026 1", "status.result");
  expect_has(number);
  /* From the menu: 2, then the number. */
  expect(&A, "2", "status.ask");
  expect_step(&A, "status");
  expect(&A, "2026-00001", "status.result");
  expect_step(&A, "menu");
  /* Another number asking about it hears what a made-up number hears. */
  say(&B, "STATUS NTT-2026-00001");
  expect_filled("status.notfound", "NTT-2026-00001");
  snprintf(mine, sizeof(mine), "%s", last());
  expect(&B, "STATUS NTT-2026-00002", "status.notfound");
  snprintf(other, sizeof(other), "%s", last());
  ck_assert_uint_eq(strlen(mine), strlen(other));
  for (i = 0; mine[i] != '\0'; i++)
    diff += mine[i] != other[i];
  ck_assert_uint_eq(diff, 1);
  ck_assert_ptr_null(strstr(mine, tu_text("status.diterima")));
}
END_TEST

START_TEST(status_in_a_draft_keeps_the_draft)
{
  char number[TICKET_NUMBER_MAX];

  file_report(&A, number);
  walk(&A, AT_LOKASI);
  expect(&A, "STATUS NTT-2026-00001", "status.result");
  expect_step(&A, "lokasi");
  ck_assert(draft_has(&A, "terlapor"));
  walk_on(&A, AT_LOKASI, AT_KRONOLOGI);
  expect(&A, "CEK 2026-1", "status.result");
  expect_step(&A, "kronologi");
  /* A story that starts with "status" is a story. */
  expect(&A, "Status saya sebagai guru honorer dipakai kepala sekolah "
             "untuk meminta uang dari orang tua murid setiap bulan",
         "kronologi.more");
}
END_TEST

/* SPEC 4 rule 4: the same incident while its ticket is open is neither
 * filed blindly nor dropped: the reporter is asked, and BATAL there drops
 * the draft as anywhere.  Once the ticket is closed, the story is filed. */
START_TEST(duplicate_not_filed_twice)
{
  char number[TICKET_NUMBER_MAX];
  struct store_ticket t;

  file_report(&A, number);
  walk(&A, AT_KONFIRMASI);
  expect(&A, "KIRIM", "duplicate.same");
  expect_has(number);
  expect_step(&A, "duplikat");
  ck_assert(draft_has(&A, "duplikat"));
  ck_assert(draft_has(&A, "kronologi"));
  ck_assert_int_eq(ticket_count(), 1);
  expect(&A, "apa maksudnya", "invalid.duplikat");
  expect_step(&A, "duplikat");
  expect(&A, "BATAL", "cancelled");
  expect_step(&A, "menu");
  ck_assert(!draft_has(&A, "duplikat"));
  ck_assert_int_eq(ticket_count(), 1);
  /* Closed: no longer a duplicate target. */
  ticket(number, &t);
  ck_assert_int_eq(store_ticket_set_status(fx.st, t.id, "diterima",
                                           "selesai", "budi", "Selesai.",
                                           NULL, fx.now), 0);
  conv_ticket_closed(fx.cv, t.id);
  store_ticket_clear(&t);
  file_report(&A, number);
  ck_assert_str_eq(number, "NTT-2026-00002");
}
END_TEST

/* The build of the duplicate index has ended (from its thread). */
static void
index_built(void *arg)
{
  atomic_store((atomic_int *)arg, 1);
}

/*
 * The index of open tickets is built off the loop at start-up
 * (conv_load_open_tickets_async): a duplicate check that comes while the
 * build runs waits for it and sees every open ticket, here the newest of
 * 20 000, the last one the build reads.
 */
START_TEST(duplicate_check_during_the_index_build)
{
  struct store_opts o = {0};
  char number[TICKET_NUMBER_MAX], err[256];
  atomic_int built = 0;
  int64_t rid = reporter(&B);
  char *db = tu_path(fx.dir, "aduan.db");

  /* The daemon's kind of store: its caller syncs, and it can hand a
   * snapshot to another thread. */
  store_close(fx.st);
  o.path = db;
  o.busy_timeout_ms = 1000;
  o.caller_syncs = 1;
  ck_assert_msg(store_open(&fx.st, &o, err, sizeof(err)) == 0,
                "store_open: %s", err);
  free(db);
  ck_assert_int_eq(
      sqlite3_exec(store_sqlite_handle(fx.st),
                   "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1"
                   " FROM n WHERE i < 20000)"
                   " INSERT INTO tickets (number, year, seq, reporter_id,"
                   " channel, status, category, kronologi, created_at,"
                   " updated_at) SELECT 'NTT-2025-' || i, 2025, i, "
                   " (SELECT max(id) FROM reporters), 'dev', 'diterima',"
                   " 'pungli', 'laporan ' || hex(randomblob(6)) || ' kantor '"
                   " || hex(randomblob(6)) || ' desa ' || hex(randomblob(6)),"
                   " i, i FROM n",
                   NULL, NULL, NULL),
      SQLITE_OK);
  ck_assert_int_gt(rid, 0);
  file_report(&A, number);
  walk(&A, AT_KONFIRMASI);
  /* A restart: a new engine, whose index is built from the database. */
  conv_free(fx.cv);
  tu_conv_new(&fx.cv, fx.cfg);
  ck_assert_int_eq(conv_load_open_tickets_async(fx.cv, fx.st, index_built,
                                                &built), 0);
  ck_assert_msg(!atomic_load(&built), "the build ended before the check");
  expect(&A, "KIRIM", "duplicate.same");
  expect_has(number);
  ck_assert(atomic_load(&built));
  ck_assert_int_eq(ticket_count(), 20001);
}
END_TEST

/* Events of ticket number by actor, their note containing needle. */
static int64_t
ticket_events_like(const char *number, const char *actor,
                   const char *needle)
{
  struct store_ticket t;
  struct store_event *ev = NULL;
  int64_t found = 0;
  int i, n = 0;

  ticket(number, &t);
  ck_assert_int_eq(store_ticket_events(fx.st, t.id, &ev, &n), 0);
  for (i = 0; i < n; i++)
    if (ev[i].actor != NULL && strcmp(ev[i].actor, actor) == 0 &&
        ev[i].note != NULL && strstr(ev[i].note, needle) != NULL &&
        ev[i].from_status == NULL && ev[i].to_status == NULL)
      found++;
  store_events_free(ev, n);
  store_ticket_clear(&t);
  return found;
}

/* Evidence rows attached to ticket number. */
static int64_t
ticket_evidence_rows(const char *number)
{
  struct store_ticket t;
  int64_t n;

  ticket(number, &t);
  n = db_int("SELECT count(*) FROM evidence WHERE ticket_id = ?1", t.id);
  store_ticket_clear(&t);
  return n;
}

/* SPEC 4 rule 4: the same reporter's TAMBAH puts the new account and its
 * evidence on the open ticket, as an addition; no ticket is filed. */
START_TEST(duplicate_same_reporter_adds_to_the_ticket)
{
  char number[TICKET_NUMBER_MAX], again[TICKET_NUMBER_MAX];

  file_report(&A, number);
  ck_assert_int_eq(ticket_evidence_rows(number), 0);
  walk(&A, AT_BUKTI);
  say_media(&A, "image/jpeg");
  ck_assert(last_is("bukti.received"));
  walk_on(&A, AT_BUKTI, AT_KONFIRMASI);
  expect(&A, "KIRIM", "duplicate.same");
  expect(&A, "tambah", "addition.received");
  reply_number(again);
  ck_assert_str_eq(again, number);
  expect_step(&A, "menu");
  ck_assert(!draft_has(&A, "kronologi"));
  ck_assert(!draft_has(&A, "duplikat"));
  ck_assert_int_eq(ticket_count(), 1);
  ck_assert_int_eq(ticket_evidence_rows(number), 1);
  ck_assert_int_eq(draft_evidence(&A), 0);
  ck_assert_int_eq(ticket_events_like(number, "tambahan", "gratis menurut"),
                   1);
}
END_TEST

/* SPEC 4 rule 4: the same reporter's BARU files the draft as a new
 * ticket, as KIRIM would have without the check. */
START_TEST(duplicate_same_reporter_files_anew)
{
  char number[TICKET_NUMBER_MAX];

  file_report(&A, number);
  walk(&A, AT_KONFIRMASI);
  expect(&A, "KIRIM", "duplicate.same");
  expect(&A, "BARU", "ticket.created");
  reply_number(number);
  ck_assert_str_eq(number, "NTT-2026-00002");
  expect_step(&A, "menu");
  ck_assert_int_eq(ticket_count(), 2);
  ck_assert_int_eq(ticket_events_like("NTT-2026-00001", "tambahan", ""), 0);
}
END_TEST

/* SPEC 4 rule 4 and 7: another reporter is told only that a similar report
 * is being handled (not its number: a reporter sees only their own
 * tickets); TAMBAH records their account on it as a supporting statement
 * under their own handle (they gave their name), and nothing of the first
 * reporter is shown to them. */
START_TEST(duplicate_other_reporter_supports_without_the_number)
{
  char number[TICKET_NUMBER_MAX], actor[96];
  char *handle = NULL;

  file_report(&A, number);
  walk(&B, AT_KONFIRMASI);
  expect(&B, "KIRIM", "duplicate.other");
  ck_assert_msg(strstr(last(), "NTT-") == NULL, "number shown: '%s'", last());
  expect_step(&B, "duplikat");
  expect(&B, "tambha", "support.received");
  ck_assert_msg(strstr(last(), "NTT-") == NULL, "number shown: '%s'", last());
  expect_step(&B, "menu");
  ck_assert_int_eq(ticket_count(), 1);
  ck_assert_int_eq(store_reporter_handle(fx.st, reporter(&B), &handle), 0);
  snprintf(actor, sizeof(actor), "dukungan:%s", handle);
  free(handle);
  ck_assert_int_eq(ticket_events_like(number, actor, "gratis menurut"), 1);
  /* B's own status list stays empty: the ticket is not theirs. */
  expect(&B, "STATUS " "NTT-2026-00001", "status.notfound");
}
END_TEST

/* Rule 4 reads the day an answer to "kapan" resolves to, not only its
 * words: "kemarin" (the day before the clock's 15 March) is another day
 * than A's 12 March, so B's same story files; "tgl 12 bulan 3" is A's
 * day and is offered as A's incident. */
START_TEST(duplicate_by_the_day_the_time_answer_means)
{
  char number[TICKET_NUMBER_MAX];

  file_report(&A, number);
  walk(&B, AT_WAKTU);
  expect(&B, "kemarin", "ask.kronologi");
  walk_on(&B, AT_KRONOLOGI, AT_KONFIRMASI);
  expect(&B, "KIRIM", "ticket.created");
  ck_assert_int_eq(ticket_count(), 2);
  walk(&C, AT_WAKTU);
  expect(&C, "tgl 12 bulan 3", "ask.kronologi");
  walk_on(&C, AT_KRONOLOGI, AT_KONFIRMASI);
  expect(&C, "KIRIM", "duplicate.other");
  ck_assert_int_eq(ticket_count(), 2);
}
END_TEST

/* An anonymous supporter leaves no handle on the ticket; BARU from
 * another reporter files their own ticket. */
START_TEST(duplicate_other_reporter_anonymous_or_new)
{
  char number[TICKET_NUMBER_MAX];

  file_report(&A, number);
  walk(&B, AT_IDENTITAS);
  expect(&B, "3", "konfirmasi");
  expect(&B, "KIRIM", "duplicate.other");
  expect(&B, "TAMBAH", "support.received");
  ck_assert_int_eq(ticket_events_like(number, "dukungan", "gratis"), 1);
  walk(&B, AT_KONFIRMASI);
  expect(&B, "KIRIM", "duplicate.other");
  expect(&B, "BARU", "ticket.created");
  reply_number(number);
  ck_assert_str_eq(number, "NTT-2026-00002");
  ck_assert_int_eq(ticket_count(), 2);
}
END_TEST

/*
 * SPEC 4 rule 4: another incident at the same office told by another
 * reporter is filed with no question, though both gave the same answers
 * (who, where, when) before their stories: the answers are alike in most
 * reports about one office and make no two incidents one.  The stories
 * alone are judged alike or not, as in tests/corpus/duplikat.tsv.
 */
START_TEST(same_answers_make_no_duplicate)
{
  static const char *const pairs[][2] = {
    {"Kepala Sekolah SMAN 1 Waingapu menjual seragam ke siswa baru "
     "Rp 1.200.000 per paket.",
     "Kepala Sekolah SMAN 1 Waingapu menahan rapor siswa yang belum bayar "
     "uang komite."},
    {"Pembagian beras Bulog di Kelurahan Fatululi dipotong ketua RT, tiap "
     "keluarga hanya dapat 5 kg dari 10 kg.",
     "Pembagian beras Bulog di Kelurahan Fatululi terlambat 2 bulan, beras "
     "yang datang sudah berkutu."},
  };
  char number[TICKET_NUMBER_MAX];
  size_t i;

  for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
    fx.story = pairs[i][0];
    file_report(&A, number);
    fx.story = pairs[i][1];
    walk(&B, AT_KONFIRMASI);
    expect(&B, "KIRIM", "ticket.created");
    ck_assert_int_eq(ticket_count(), 2 * (int64_t)i + 2);
  }
}
END_TEST

START_TEST(tickets_per_day_limit)
{
  char number[TICKET_NUMBER_MAX], story[600];

  fx.cfg->limits.tickets_per_day = 1;
  file_report(&A, number);
  tu_story(2, story, sizeof(story));
  fx.story = story;
  walk(&A, AT_KONFIRMASI);
  say(&A, "KIRIM");
  expect_filled("ticket.limit", "1");
  expect_step(&A, "konfirmasi");
  ck_assert_int_eq(ticket_count(), 1);
  /* After midnight WITA (10.00 + 14 h) the draft goes in. */
  fx.now += 14 * HOUR;
  kirim(&A, number);
  ck_assert_str_eq(number, "NTT-2026-00002");
}
END_TEST

/* The flood notice (webhook.c decides when): one reply, draft untouched. */
START_TEST(flood_notice_is_one_reply)
{
  struct inbound_msg m;
  struct conv_event ev;
  struct store_strings r = {0};
  struct store_inbound in = {0};
  int64_t rid = reporter(&A), inbound = 0;
  char text[] = "Camat";

  walk(&A, AT_TERLAPOR);
  memset(&m, 0, sizeof(m));
  m.kind = MSG_TEXT;
  m.text = text;
  in.channel = "dev";
  in.provider_id = "flood-1";
  in.reporter_id = rid;
  in.kind = "text";
  in.payload = "Camat";
  in.payload_len = 5;
  in.received_at = fx.now;
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &inbound), 0);
  make_event(&A, &m, rid, inbound, &ev);
  ck_assert_int_eq(conv_notice(fx.cv, fx.st, &ev, "flood"), 0);
  ck_assert_int_eq(store_outbox_replies(fx.st, inbound, &r), 0);
  ck_assert_int_eq(r.n, 1);
  ck_assert_str_eq(r.v[0], tu_text("flood"));
  store_strings_free(&r);
  expect_step(&A, "terlapor");
  ck_assert(!draft_has(&A, "terlapor"));
}
END_TEST

/* An operator's question; the reporter's next text outside a draft is
 * the answer, a text inside one is not. */
START_TEST(operator_question_answered_outside_a_draft)
{
  char number[TICKET_NUMBER_MAX];
  struct store_ticket t;
  struct store_question *q = NULL;
  struct conv_notice n = {0};
  int nq = 0;

  file_report(&A, number);
  walk(&A, AT_TERLAPOR);
  ticket(number, &t);
  n.channel = "dev";
  n.family = "dev";
  n.inline_replies = 1;
  n.reporter_id = t.reporter_id;
  n.ticket_id = t.id;
  n.ticket = t.number;
  n.question = "Jam berapa kejadiannya?";
  n.now_ms = fx.now;
  ask_question(&t, n.question);
  ck_assert_int_eq(conv_notify(fx.cv, fx.st, &n), 0);
  ck_assert_int_eq(db_int("SELECT count(*) FROM outbox WHERE ticket_id = ? "
                          "AND body LIKE '%Jam berapa kejadiannya?%'", t.id),
                   1);
  /* Inside a draft, a text answers the draft's question. */
  expect(&A, "Camat Maulafa", "ask.lokasi");
  expect_waiting(t.reporter_id);
  expect(&A, "MENU", "menu");
  expect_note(&A, "Sekitar jam sembilan pagi di loket", number);
  ck_assert_int_eq(store_ticket_questions(fx.st, t.id, &q, &nq), 0);
  ck_assert_int_eq(nq, 1);
  ck_assert_int_gt(q[0].answered_at, 0);
  ck_assert_str_eq(q[0].answer, "Sekitar jam sembilan pagi di loket");
  store_questions_free(q, nq);
  store_ticket_clear(&t);
}
END_TEST

/* Rule 2: an all-capitals story is asked once to be rewritten, as it
 * arrives; the reporter may insist with LANJUT. */
START_TEST(kronologi_insist_after_caps)
{
  walk(&A, AT_KRONOLOGI);
  expect(&A, "PETUGAS MEMINTA UANG TANPA KUITANSI DI KANTOR DINAS SETIAP "
             "HARI KEPADA SEMUA WARGA", "invalid.kronologi.caps");
  expect_step(&A, "kronologi");
  expect(&A, "LANJUT", "ask.bukti");
}
END_TEST

/* Locations where a place is asked, stickers anywhere; SMS replies are
 * queued, not answered inline. */
START_TEST(other_kinds_and_channels)
{
  struct inbound_msg m;
  struct store_ticket t;
  char number[TICKET_NUMBER_MAX];

  walk(&A, AT_LOKASI);
  memset(&m, 0, sizeof(m));
  m.kind = MSG_UNSUPPORTED;
  send_msg(&A, &m);
  ck_assert(last_is("unsupported"));
  expect_step(&A, "lokasi");
  m.kind = MSG_LOCATION;
  m.lat = -10.1772;
  m.lng = 123.607;
  send_msg(&A, &m);
  ck_assert(last_is("ask.lokasi.nama"));
  expect(&A, "Kota Kupang", "ask.waktu");
  walk_on(&A, AT_WAKTU, AT_KONFIRMASI);
  say(&A, "KIRIM");
  reply_number(number);
  ticket(number, &t);
  ck_assert_int_eq(t.has_location, 1);
  ck_assert(t.lat < -10.17 && t.lat > -10.18);
  store_ticket_clear(&t);
  say(&S, "Halo");
  ck_assert_int_eq(db_int("SELECT count(*) FROM outbox WHERE inbound_id = ? "
                          "AND status = 'queued' AND channel = 'sms'",
                          fx.inbound), 1);
  expect_step(&S, "menu");
}
END_TEST

/* ---- Answers kept as given (SPEC 3, 4) ------------------------------- */

/* Lokasi and waktu not understood: asked once more, then kept as given. */
static const struct {
  enum at at;
  const char *text;
  const char *key;
  const char *next_key;
  const char *next_step;
  const char *field;
} second_tries[] = {
  {AT_LOKASI, "Jakarta Selatan", "invalid.lokasi.luar", "ask.waktu",
   "waktu", "lokasi"},
  {AT_LOKASI, "Kampung Lumbung Sari", "invalid.lokasi", "ask.waktu",
   "waktu", "lokasi"},
  /* Too short to be a place ("ok", "-"): asked again, then kept as
   * given too, as SPEC 3 says of any unmatched place. */
  {AT_LOKASI, "ok", "invalid.lokasi", "ask.waktu", "waktu", "lokasi"},
  {AT_WAKTU, "qwerty asdf", "invalid.waktu", "ask.kronologi", "kronologi",
   "waktu"},
  /* A date in the future or older than the limit is refused once, then
   * kept as given all the same: never a third refusal. */
  {AT_WAKTU, "besok", "invalid.waktu.future", "ask.kronologi", "kronologi",
   "waktu"},
  {AT_WAKTU, "12 Maret 2019", "invalid.waktu.old", "ask.kronologi",
   "kronologi", "waktu"},
};

START_TEST(second_try_kept_as_given)
{
  walk(&A, second_tries[_i].at);
  expect(&A, second_tries[_i].text, second_tries[_i].key);
  expect(&A, second_tries[_i].text, second_tries[_i].next_key);
  expect_step(&A, second_tries[_i].next_step);
  ck_assert(draft_has(&A, second_tries[_i].field));
}
END_TEST

/* The marks go with the ticket, where operators see them. */
START_TEST(kept_as_given_is_marked_on_the_ticket)
{
  struct store_ticket t;

  walk(&A, AT_LOKASI);
  expect(&A, "Jakarta Selatan", "invalid.lokasi.luar");
  expect(&A, "Jakarta Selatan", "ask.waktu");
  expect(&A, "waktu bapa pulang dari kebun", "invalid.waktu");
  expect(&A, "waktu bapa pulang dari kebun", "ask.kronologi");
  walk_on(&A, AT_KRONOLOGI, AT_KONFIRMASI);
  expect_has("Jakarta Selatan");
  expect_has("waktu bapa pulang dari kebun");
  kirim_ticket(&A, &t);
  ck_assert_str_eq(t.lokasi, "Jakarta Selatan");
  ck_assert_ptr_null(t.lokasi_kode);
  ck_assert_str_eq(t.waktu, "waktu bapa pulang dari kebun");
  ck_assert_ptr_nonnull(t.marks);
  ck_assert_str_eq(t.marks, "lokasi lokasi_luar waktu");
  ck_assert_int_eq(db_int("SELECT count(*) FROM tickets WHERE id = ? AND "
                          "waktu_tanggal IS NULL", t.id), 1);
  store_ticket_clear(&t);
}
END_TEST

/* A story sent where the time or the place was asked is kept as the
 * start of the story, not taken for the answer; the question is asked
 * again.  Once per step: the same long text again is then kept as given,
 * so a reporter is never sent round a third time. */
START_TEST(story_at_waktu_joins_the_story)
{
  static const char story[] =
    "Sekretaris dinas memenangkan perusahaan milik adiknya dalam tender "
    "proyek jalan tahun ini tanpa lelang terbuka sama sekali";
  static const char place[] =
    "di kantor yang dekat pasar lama sebelah gereja besar di ujung jalan "
    "menuju pelabuhan kecil itu";
  struct store_ticket t;

  walk(&A, AT_WAKTU);
  expect(&A, story, "ask.waktu");
  ck_assert(draft_has(&A, "kronologi"));
  expect_step(&A, "waktu");
  ck_assert(!draft_has(&A, "waktu"));
  expect(&A, "kemarin", "kronologi.more");
  expect(&A, "LANJUT", "ask.bukti");
  expect(&A, "LEWATI", "ask.identitas");
  expect(&A, "3", "konfirmasi");
  kirim_ticket(&A, &t);
  ck_assert_str_eq(t.kronologi, story);
  ck_assert_str_eq(t.waktu, "kemarin");
  store_ticket_clear(&t);

  /* At lokasi, a long answer that is no place: kept once as story, then
   * the same text is kept as the place, given. */
  walk(&B, AT_LOKASI);
  expect(&B, place, "ask.lokasi");
  expect(&B, place, "ask.waktu");
  ck_assert(draft_has(&B, "lokasi"));
}
END_TEST

/* "Skip" at the time question means the reporter does not know when:
 * taken as "tidak tahu" (precision unknown), never refused, so that a
 * reporter who remembers the story but not the date still files. */
START_TEST(skip_at_waktu_is_not_known)
{
  static const char *const skips[] = {"LEWATI", "lewti", "sonde ada",
                                      "tdk ada"};
  struct store_ticket t;
  size_t i;

  /* Each form moves on to the story; the last is filed. */
  for (i = 0; i < sizeof(skips) / sizeof(skips[0]); i++) {
    walk(&A, AT_WAKTU);
    expect(&A, skips[i], "ask.kronologi");
    if (i + 1 < sizeof(skips) / sizeof(skips[0]))
      expect(&A, "BATAL", "cancelled");
  }
  walk_on(&A, AT_KRONOLOGI, AT_KONFIRMASI);
  kirim_ticket(&A, &t);
  ck_assert_str_eq(t.waktu, "tidak tahu");
  ck_assert_ptr_nonnull(t.waktu_presisi);
  ck_assert_str_eq(t.waktu_presisi, "unknown");
  store_ticket_clear(&t);
}
END_TEST

/* The waktu filed with its precision and the date it was read as (ISO
 * 8601), the words kept as given; an answer not understood twice is
 * "unresolved" and marked (T0 is Sunday 15 March 2026). */
static const struct {
  const char *answer[2];     /* the second only when the first is refused */
  const char *refusal;       /* the first one's refusal */
  const char *presisi;
  const char *tanggal;       /* NULL: none */
  int marked;
} waktu_filed[] = {
  {{"sekitar bulan Agustus", NULL}, NULL, "month", "2025-08", 0},
  {{"lupa", NULL}, NULL, "unknown", NULL, 0},
  {{"sonde tau", NULL}, NULL, "unknown", NULL, 0},
  {{"sejak Agustus sampai sekarang", NULL}, NULL, "span",
   "2025-08/2026-03-15", 0},
  {{"Natal kemarin", NULL}, NULL, "feast", "2025-12-25", 0},
  {{"thn 2024", NULL}, NULL, "year", "2024", 0},
  {{"kalamarin", NULL}, NULL, "day", "2026-03-14", 0},
  {{"qwerty asdf", "qwerty asdf"}, "invalid.waktu", "unresolved", NULL, 1},
  {{"besok", "lusa"}, "invalid.waktu.future", "unresolved", NULL, 1},
};

START_TEST(waktu_filed_with_its_precision)
{
  struct store_ticket t;
  char sql[256];

  walk(&A, AT_WAKTU);
  if (waktu_filed[_i].answer[1] != NULL) {
    expect(&A, waktu_filed[_i].answer[0], waktu_filed[_i].refusal);
    expect(&A, waktu_filed[_i].answer[1], "ask.kronologi");
  } else {
    expect(&A, waktu_filed[_i].answer[0], "ask.kronologi");
  }
  walk_on(&A, AT_KRONOLOGI, AT_KONFIRMASI);
  kirim_ticket(&A, &t);
  snprintf(sql, sizeof(sql),
           "SELECT count(*) FROM tickets WHERE id = ? AND waktu_presisi = "
           "'%s' AND waktu_tanggal IS %s%s%s", waktu_filed[_i].presisi,
           waktu_filed[_i].tanggal ? "'" : "",
           waktu_filed[_i].tanggal ? waktu_filed[_i].tanggal : "NULL",
           waktu_filed[_i].tanggal ? "'" : "");
  ck_assert_int_eq(db_int(sql, t.id), 1);
  ck_assert_int_eq(t.marks != NULL && strstr(t.marks, "waktu") != NULL,
                   waktu_filed[_i].marked);
  store_ticket_clear(&t);
}
END_TEST

/* An answer understood after all, at once or by UBAH, takes the mark
 * away; a field understood the first time has none. */
START_TEST(understood_answers_are_not_marked)
{
  struct store_ticket t;

  walk(&A, AT_LOKASI);
  expect(&A, "Jakarta Selatan", "invalid.lokasi.luar");
  lokasi_understood(&A, "Kabupaten Ende");
  expect(&A, "qwerty asdf", "invalid.waktu");
  expect(&A, "qwerty asdf", "ask.kronologi");
  ck_assert(draft_has(&A, "waktu_as_given"));
  walk_on(&A, AT_KRONOLOGI, AT_KONFIRMASI);
  expect(&A, "UBAH 4", "ask.waktu");
  expect(&A, "kemarin", "konfirmasi");
  ck_assert(!draft_has(&A, "waktu_as_given"));
  kirim_ticket(&A, &t);
  check_unmarked(&t, NULL, "5311");
}
END_TEST

/* A kecamatan or desa of NTT is understood at once: the summary names it
 * with its kabupaten, and the ticket is filed under that kabupaten's
 * code, unmarked. */
START_TEST(kecamatan_and_desa_are_understood)
{
  struct store_ticket t;

  walk(&A, AT_LOKASI);
  lokasi_understood(&A, "Wolowaru");
  walk_on(&A, AT_WAKTU, AT_KONFIRMASI);
  expect_has("Kecamatan Wolowaru, Kabupaten Ende");
  expect(&A, "UBAH 3", "ask.lokasi");
  expect(&A, "Desa Praibakul, Wanokaka", "konfirmasi");
  expect_has("Desa Praibakul, Kecamatan Wanokaka, Kabupaten Sumba Barat");
  kirim_ticket(&A, &t);
  check_unmarked(&t, "Desa Praibakul, Wanokaka", "5301");
}
END_TEST

/* A name that several places share gets numbered choices, each with its
 * kabupaten; the number picks one and the ticket is filed under it. */
START_TEST(ambiguous_lokasi_offers_numbered_choices)
{
  struct store_ticket t;

  walk(&A, AT_LOKASI);
  expect(&A, "Kupang", "lokasi.pilih");
  expect_has("1 Kabupaten Kupang\n");
  expect_has("2 Kota Kupang\n");
  expect(&A, "3", "lokasi.pilih");     /* not a choice: shown again */
  lokasi_understood(&A, "2");
  walk_on(&A, AT_WAKTU, AT_KONFIRMASI);
  expect_has("3 Lokasi: Kota Kupang");
  kirim_ticket(&A, &t);
  check_unmarked(&t, "Kupang", "5371");
}
END_TEST

/* Instead of a number, a fuller answer or one still not understood:
 * the first is taken, the second kept as given (one more try only). */
START_TEST(ambiguous_lokasi_answered_in_words)
{
  int i;

  walk(&A, AT_LOKASI);
  expect(&A, "Praibakul", "lokasi.pilih");
  expect_has("1 Desa Praibakul, Kecamatan Haharu, Kabupaten Sumba Timur\n");
  expect_has("3 Desa Praibakul, Kecamatan Wanokaka, Kabupaten Sumba Barat");
  lokasi_understood(&A, "Praibakul, Wanokaka");
  ck_assert(!draft_has(&A, "lokasi_pilihan"));

  walk(&B, AT_LOKASI);
  expect(&B, "kpg", "lokasi.pilih");
  expect(&B, "di sana", "ask.waktu");
  ck_assert(draft_has(&B, "lokasi_as_given"));

  /* On SMS, the short form, on one line. */
  for (i = 0; i < (int)AT_LOKASI; i++) {
    say(&S, route[i].answer);
    expect_step(&S, route[i].step);
  }
  say(&S, "Kupang");
  expect_has("Balas angka: 1 Kabupaten Kupang; 2 Kota Kupang. Atau");
  expect_step(&S, "lokasi");
  say(&S, "1");
  expect_step(&S, "waktu");
}
END_TEST

/* Text with too few letters to be a place is refused once, then kept as
 * given and marked like any unmatched place: the reporter is never sent
 * round a third time, and the operator sees what was written. */
START_TEST(too_short_for_a_place_is_kept_on_the_second_try)
{
  struct store_ticket t;

  walk(&A, AT_LOKASI);
  expect(&A, "??", "invalid.lokasi");
  expect(&A, "??", "ask.waktu");
  expect_step(&A, "waktu");
  walk_on(&A, AT_WAKTU, AT_KONFIRMASI);
  kirim_ticket(&A, &t);
  ck_assert_str_eq(t.lokasi, "??");
  ck_assert_ptr_null(t.lokasi_kode);
  ck_assert_ptr_nonnull(t.marks);
  ck_assert_ptr_nonnull(strstr(t.marks, "lokasi"));
  store_ticket_clear(&t);
}
END_TEST

/* ---- A draft left idle (SPEC 3) -------------------------------------- */

/* The default [conversation] draft_keep: how long an idle draft is kept
 * after draft_ttl. */
#define KEEP (7 * 24 * HOUR)

/* Move the clock past draft_ttl (by extra more). */
static void
idle(int64_t extra)
{
  fx.now += (int64_t)fx.cfg->conversation.draft_ttl_ms + 1000 + extra;
}

START_TEST(idle_draft_reminded_and_resumed)
{
  walk(&A, AT_LOKASI);
  idle(0);
  say(&A, "Kota Kupang");
  ck_assert_msg(!last_is("expired"), "draft dropped: '%s'", last());
  ck_assert(draft_has(&A, "terlapor"));
  say(&A, "LANJUTKAN");
  ck_assert(draft_has(&A, "terlapor"));
  ck_assert_msg(last_is("ask.lokasi") || last_is("ask.waktu"),
                "after LANJUTKAN: '%s'", last());
}
END_TEST

/* The open question, then the reminder; LANJUTKAN takes the message the
 * reporter came back with as its answer. */
START_TEST(idle_draft_message_answers_on_lanjutkan)
{
  walk(&A, AT_LOKASI);
  idle(0);
  say(&A, "Kota Kupang");
  expect_two_first("ask.lokasi");
  ck_assert_msg(last_is("draft.reminder"), "no reminder: '%s'", last());
  expect_step(&A, "lokasi");
  ck_assert(!draft_has(&A, "lokasi"));
  expect(&A, "lanjutkan", "ask.waktu");
  expect_step(&A, "waktu");
  ck_assert(draft_has(&A, "terlapor"));
  ck_assert(draft_has(&A, "lokasi"));
  /* Answered: the next message is an answer again. */
  expect(&A, "12 Maret 2026", "ask.kronologi");
}
END_TEST

/* Starting afresh: a story the reporter came back with opens the new
 * draft; the old draft and its evidence are gone. */
START_TEST(idle_draft_fresh_start_keeps_the_story)
{
  struct store_session s;

  walk(&A, AT_WAKTU);
  say_media(&A, "image/jpeg");
  ck_assert_int_eq(draft_evidence(&A), 1);
  idle(0);
  say(&A, STORY);
  ck_assert(last_is("draft.reminder"));
  expect(&A, "BARU", "ask.kategori");
  expect_step(&A, "kategori");
  ck_assert(!draft_has(&A, "terlapor"));
  ck_assert_int_eq(draft_evidence(&A), 0);
  session(&A, &s);
  ck_assert_ptr_nonnull(strstr(s.draft, "lima ratus ribu"));
  store_session_clear(&s);
}
END_TEST

/* Any other reply starts afresh and is handled as a new message. */
START_TEST(idle_draft_other_reply_is_a_new_message)
{
  walk(&A, AT_LOKASI);
  idle(0);
  say(&A, "Kota Kupang");
  ck_assert(last_is("draft.reminder"));
  expect(&A, "2", "status.ask");
  expect_step(&A, "status");
  ck_assert(!draft_has(&A, "terlapor"));
}
END_TEST

/* Past draft_ttl + draft_keep the draft is gone, and the message is
 * still handled. */
START_TEST(idle_draft_gone_after_keep)
{
  walk(&A, AT_LOKASI);
  say_media(&A, "image/jpeg");
  idle(KEEP);
  say(&A, "1");
  expect_two_first("expired");
  ck_assert(last_is("ask.kategori"));
  ck_assert(!draft_has(&A, "terlapor"));
  ck_assert_int_eq(draft_evidence(&A), 0);
}
END_TEST

/* Just inside draft_keep it is still there. */
START_TEST(idle_draft_kept_until_keep_ends)
{
  walk(&A, AT_LOKASI);
  idle(KEEP - 2000);
  say(&A, "Halo");
  ck_assert(last_is("draft.reminder"));
  ck_assert(draft_has(&A, "terlapor"));
}
END_TEST

/* LANJUTKAN still ends the story and the evidence. */
START_TEST(lanjutkan_ends_kronologi_and_bukti)
{
  walk(&A, AT_KRONOLOGI_TOLD);
  expect(&A, "LANJUTKAN", "ask.bukti");
  expect(&A, "Lanjutkan.", "ask.identitas");
}
END_TEST

/* ---- Free text at the menu (SPEC 3) ---------------------------------- */

START_TEST(free_text_at_menu_starts_a_draft)
{
  struct store_session s;

  expect(&A, "Halo", "menu");
  say(&A, STORY);
  session(&A, &s);
  ck_assert_str_ne(s.step, "menu");
  ck_assert_ptr_nonnull(strstr(s.draft, "lima ratus ribu"));
  store_session_clear(&s);
}
END_TEST

/* SPEC 3: a photo sent at the menu, before any draft, is not lost: it
 * opens a draft as a story does (said so, then the first question), kept
 * as its evidence and waiting for the downloader; one sent at the kategori
 * question is kept too, and both go with the ticket. */
START_TEST(media_at_menu_starts_a_draft)
{
  struct store_evidence_row *rows = NULL;
  char number[TICKET_NUMBER_MAX];
  int n = 0;

  expect(&A, "Halo", "menu");
  say_media(&A, "image/jpeg");
  ck_assert_int_eq(fx.r.n, 2);
  ck_assert_msg(strncmp(fx.r.v[0], tu_text("bukti.started"),
                        strlen(tu_text("bukti.started"))) == 0,
                "not said: '%s'", fx.r.v[0]);
  ck_assert(last_is("ask.kategori"));
  expect_step(&A, "kategori");
  ck_assert_int_eq(draft_evidence(&A), 1);
  ck_assert_int_eq(store_evidence_due(fx.st, fx.now, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_str_eq(rows[0].mime, "image/jpeg");
  store_evidence_rows_free(rows, n);
  say_media(&A, "application/pdf");
  ck_assert(last_is("ask.kategori"));
  ck_assert_int_eq(draft_evidence(&A), 2);
  walk_on(&A, AT_KATEGORI, AT_KONFIRMASI);
  expect(&A, "KIRIM", "ticket.created");
  reply_number(number);
  ck_assert_int_eq(ticket_evidence_rows(number), 2);
}
END_TEST

/* A file of a type not taken opens no draft. */
START_TEST(unsupported_media_at_menu_opens_no_draft)
{
  expect(&A, "Halo", "menu");
  say_media(&A, "application/x-msdownload");
  ck_assert(last_is("menu"));
  expect_step(&A, "menu");
  ck_assert_int_eq(db_int("SELECT count(*) FROM evidence", 0), 0);
}
END_TEST

/* The story is the first part of the kronologi: said so, then the first
 * question; at the kronologi step it is there to go on from. */
START_TEST(story_at_menu_is_the_first_part)
{
  struct store_ticket t;

  say(&A, STORY);
  expect_two_first("story.started");
  ck_assert(last_is("ask.kategori"));
  expect_step(&A, "kategori");
  walk_on(&A, AT_KATEGORI, AT_WAKTU);
  expect(&A, "12 Maret 2026", "kronologi.more");
  expect(&A, "LANJUT", "ask.bukti");
  walk_on(&A, AT_BUKTI, AT_KONFIRMASI);
  kirim_ticket(&A, &t);
  ck_assert_str_eq(t.kronologi, STORY);
  store_ticket_clear(&t);
}
END_TEST

/* What does not read like a report stays at the menu. */
static const char *const not_reports[] = {
  "Halo",
  "Selamat pagi pak",
  "Kota Kupang",
  "Terima kasih banyak atas bantuan dan pelayanan bapak ibu semua di sini",
  "Apakah identitas saya aman kalau saya melapor ke layanan ini pak?",
  "Saya mau tanya bagaimana cara melapor pungutan liar di kantor desa",
};

START_TEST(short_text_at_menu_is_not_a_report)
{
  walk(&A, AT_KATEGORI);
  expect(&A, "MENU", "menu");
  say(&A, not_reports[_i]);
  expect_step(&A, "menu");
  ck_assert(!draft_has(&A, "kronologi"));
}
END_TEST

/* ---- Operator questions (SPEC 3) ------------------------------------- */

/* A menu choice is not an answer to a waiting question; free text is. */
START_TEST(menu_choice_while_a_question_waits)
{
  char number[TICKET_NUMBER_MAX];
  struct store_ticket t;

  file_report(&A, number);
  ticket(number, &t);
  ask_question(&t, "Jam berapa?");
  store_ticket_clear(&t);
  expect(&A, "1", "ask.kategori");
  expect(&A, "MENU", "menu");
  expect(&A, " 3. ", "howto");
  expect_waiting(reporter(&A));
  expect_note(&A, "Jam sembilan pagi", number);
}
END_TEST

/* Thanks, safety and status questions in words at the menu get a useful
 * answer, never "not understood". */
START_TEST(menu_words_get_useful_answers)
{
  char number[TICKET_NUMBER_MAX];

  file_report(&A, number);
  expect(&A, "Terima kasih banyak pak", "thanks.ticket");
  expect_has(number);
  expect(&A, "Apakah identitas saya aman?", "safety.info");
  expect(&A, "apakah nama saya dirahasiakan", "safety.info");
  expect(&A, "Bagaimana laporan saya?", "status.mine");
  expect_has(number);
  expect_has(tu_text("status.diterima"));
  expect(&A, "sudah sampai mana laporan sy", "status.mine");
  expect_has(number);
  expect_step(&A, "menu");
  /* Only the reporter's own tickets. */
  expect(&B, "Halo", "menu");
  expect(&B, "Laporan saya sudah diproses?", "status.none");
  ck_assert(strstr(last(), number) == NULL);
  expect(&B, "makasih", "thanks.reply");
  expect(&B, "Bagaimana cara melapor?", "howto");
}
END_TEST


/* ---- What citizens sent in trials ------------------------------------ */

/* "katanya" (so he said) and "ditanya" (was asked) are words of a story,
 * not a question about the service: the story opens a draft at the menu
 * and joins the story where the time was asked. */
START_TEST(story_with_katanya_is_a_story)
{
  static const char menu_story[] =
    "Petugas loket Dukcapil minta uang 150rb supaya KTP cepat jadi, kalau "
    "tidak bayar katanya tunggu 3 bulan.";
  static const char waktu_story[] =
    "Saya ditanya petugas parkir mana karcis saya lalu disuruh bayar dua "
    "kali lipat tanpa karcis resmi";

  say(&A, menu_story);
  expect_two_first("story.started");
  expect_step(&A, "kategori");
  walk_on(&A, AT_KATEGORI, AT_WAKTU);
  expect(&A, waktu_story, "ask.waktu");
  expect_step(&A, "waktu");
  ck_assert(!draft_has(&A, "waktu"));
}
END_TEST

/* Numbered choices for "kpg" answered with neither a number nor a place:
 * the reporter had already sent the next answer.  The place is kept as
 * given ("kpg"), never replaced by the time, and the time is taken; an
 * answer that is no time either joins the place as given. */
START_TEST(lokasi_choices_answered_with_the_time)
{
  struct store_ticket t;

  walk(&A, AT_LOKASI);
  expect(&A, "kpg", "lokasi.pilih");
  expect(&A, "kemarin", "ask.kronologi");
  expect_step(&A, "kronologi");
  walk_on(&A, AT_KRONOLOGI, AT_KONFIRMASI);
  kirim_ticket(&A, &t);
  ck_assert_str_eq(t.lokasi, "kpg");
  ck_assert_str_eq(t.waktu, "kemarin");
  ck_assert_ptr_nonnull(t.marks);
  ck_assert_ptr_nonnull(strstr(t.marks, "lokasi"));
  store_ticket_clear(&t);

  fx.story = "Petugas pelabuhan menarik uang masuk sepuluh ribu per orang "
             "tanpa karcis dari penumpang kapal ke Rote minggu ini.";
  walk(&B, AT_LOKASI);
  expect(&B, "kpg", "lokasi.pilih");
  expect(&B, "di loket belakang", "ask.waktu");
  walk_on(&B, AT_WAKTU, AT_KONFIRMASI);
  kirim_ticket(&B, &t);
  ck_assert_str_eq(t.lokasi, "kpg; di loket belakang");
  store_ticket_clear(&t);
}
END_TEST

/* A reporter who thinks the story step is still open ends it with "su"
 * (sudah) or LANJUT where the time or the place was asked: a done-word is
 * no answer, and is never kept as the time or the place. */
START_TEST(done_word_is_never_kept_as_an_answer)
{
  static const char story[] =
    "Dia minta doi lima puluh ribu par tanda tangan surat pindah, katong "
    "sonde kasi dia sonde mau tanda tangan";
  struct store_ticket t;

  walk(&A, AT_WAKTU);
  expect(&A, story, "ask.waktu");
  expect(&A, "su", "invalid.waktu");
  expect_step(&A, "waktu");
  ck_assert(!draft_has(&A, "waktu"));
  expect(&A, "kalamarin", "kronologi.more");
  expect(&A, "LANJUT", "ask.bukti");
  walk_on(&A, AT_BUKTI, AT_KONFIRMASI);
  kirim_ticket(&A, &t);
  ck_assert_str_eq(t.waktu, "kalamarin");
  store_ticket_clear(&t);

  walk(&B, AT_LOKASI);
  expect(&B, "Stasiun Gambir Jakarta", "invalid.lokasi.luar");
  say(&B, "LANJUT");
  expect_step(&B, "lokasi");
  ck_assert(!draft_has(&B, "lokasi"));
  expect(&B, "MENU", "menu");
  walk(&B, AT_LOKASI);
  expect(&B, "kpg", "lokasi.pilih");
  expect(&B, "sudah", "lokasi.pilih");
  ck_assert(!draft_has(&B, "lokasi"));
}
END_TEST

/* "No evidence" as SMS writers shorten it, at the evidence step. */
static const char *const no_evidence[] = {
  "gk ada", "gk ad", "gak ad", "ga ad", "gaada", "tdk ad", "tak ada",
};

START_TEST(no_evidence_in_sms_shorthand)
{
  walk(&A, AT_BUKTI);
  expect(&A, no_evidence[_i], "ask.identitas");
}
END_TEST

/* LANJUT and LEWATI with their vowels dropped, as SMS writers do. */
static const struct {
  enum at at;
  const char *text;
  const char *key;
} vowelless[] = {
  {AT_KRONOLOGI_TOLD, "lnjt", "ask.bukti"},
  {AT_KRONOLOGI_TOLD, "slsai", "ask.bukti"},
  {AT_BUKTI, "lwti", "ask.identitas"},
  {AT_BUKTI, "lnjt", "ask.identitas"},
};

START_TEST(done_words_without_vowels)
{
  walk(&A, vowelless[_i].at);
  expect(&A, vowelless[_i].text, vowelless[_i].key);
}
END_TEST

/* A summary split on SMS (a long "who") never ends a part between a
 * field's label and its value ("6 Bukti:" | "tidak ada."). */
START_TEST(sms_summary_split_keeps_label_and_value)
{
  static const char *const answers[] = {
    "Halo", "1", "2",
    "Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Timor Tengah "
    "Utara bersama Kepala Bidang Bina Marga dan PPK proyek jalan "
    "Kefamenanu-Eban",
    "Kefamenanu", "Februari 2026",
    "Proyek jalan Kefamenanu ke Eban dikerjakan oleh perusahaan milik adik "
    "kepala dinas, aspal sudah rusak dua bulan setelah selesai dan volume "
    "pekerjaan dikurangi dari kontrak.",
    "LANJUT", "LEWATI", "3", NULL,
  };
  size_t len;
  int i;

  for (i = 0; answers[i] != NULL; i++)
    say(&S, answers[i]);
  expect_step(&S, "konfirmasi");
  ck_assert_int_gt(fx.r.n, 1);
  for (i = 0; i < fx.r.n; i++) {
    len = strlen(fx.r.v[i]);
    ck_assert_msg(len > 0 && fx.r.v[i][len - 1] != ':',
                  "part %d ends at a label: '%s'", i, fx.r.v[i]);
  }
}
END_TEST

/* "UBAH 2" before the summary is no line of the story. */
START_TEST(ubah_at_the_story_is_not_a_story_line)
{
  struct store_ticket t;

  walk(&A, AT_KRONOLOGI_TOLD);
  expect(&A, "UBAH 2", "kronologi.not_story");
  expect_step(&A, "kronologi");
  walk_on(&A, AT_KRONOLOGI_TOLD, AT_KONFIRMASI);
  kirim_ticket(&A, &t);
  ck_assert_str_eq(t.kronologi, STORY);
  store_ticket_clear(&t);
}
END_TEST

/* A place not understood, then (messages crossing) the time: the place
 * is kept as given, not replaced by the time, and the time is taken. */
START_TEST(time_after_a_refused_place_keeps_the_place)
{
  struct store_ticket t;

  walk(&A, AT_LOKASI);
  expect(&A, "Kampung Lamaholot Tengah", "invalid.lokasi");
  expect(&A, "bulan lalu", "ask.kronologi");
  walk_on(&A, AT_KRONOLOGI, AT_KONFIRMASI);
  kirim_ticket(&A, &t);
  ck_assert_str_eq(t.lokasi, "Kampung Lamaholot Tengah");
  ck_assert_str_eq(t.waktu, "bulan lalu");
  store_ticket_clear(&t);
}
END_TEST

/* ---- Dead ends in the middle of a report ------------------------------ */

/* The reply i of the last message is the text of catalogue key key. */
static int
reply_is(int i, const char *key)
{
  const char *want = tu_text(key);

  ck_assert_msg(want != NULL, "no catalogue text %s", key);
  return i < fx.r.n && strncmp(fx.r.v[i], want, strlen(want)) == 0;
}

/* While the TAMBAH/BARU choice waits, thanks and a question about safety
 * get their answer and then the choice again; a story sent again joins
 * the draft's story. */
START_TEST(duplikat_choice_answers_thanks_safety_story)
{
  static const char more[] =
    "Tadi pagi petugas yang sama minta lagi uang dua ratus ribu rupiah "
    "kepada tetangga saya untuk surat yang sama.";
  char number[TICKET_NUMBER_MAX];
  struct store_session s;

  file_report(&A, number);
  walk(&A, AT_KONFIRMASI);
  expect(&A, "KIRIM", "duplicate.same");
  expect(&A, "terima kasih banyak pak", "duplicate.same");
  ck_assert_msg(reply_is(0, "thanks.ticket"), "got '%s'", fx.r.v[0]);
  expect_step(&A, "duplikat");
  expect(&A, "Apakah identitas saya aman?", "duplicate.same");
  ck_assert_msg(reply_is(0, "safety.info"), "got '%s'", fx.r.v[0]);
  expect_step(&A, "duplikat");
  expect(&A, more, "duplicate.same");
  ck_assert_msg(reply_is(0, "story.kept"), "got '%s'", fx.r.v[0]);
  expect_step(&A, "duplikat");
  session(&A, &s);
  ck_assert_msg(strstr(s.draft, "dua ratus ribu") != NULL, "draft: %s",
                s.draft);
  store_session_clear(&s);
  ck_assert_int_eq(ticket_count(), 1);
}
END_TEST

/* A wish to report at the category question is no wrong category: the
 * reporter is reporting already, so the question comes again. */
START_TEST(mau_lapor_at_kategori_asks_again)
{
  struct store_session s;

  walk(&A, AT_KATEGORI);
  expect_step(&A, "kategori");
  expect(&A, "mau lapor", "ask.kategori");
  expect(&A, "saya mau lapor", "ask.kategori");
  expect(&A, "Saya mau lapor", "ask.kategori");
  expect_step(&A, "kategori");
  session(&A, &s);
  ck_assert_int_eq(s.invalid_count, 0);
  store_session_clear(&s);
  expect(&A, "pungli", "ask.terlapor");
}
END_TEST

/* KIRIM at the evidence step means the reporter is done with it. */
START_TEST(kirim_at_bukti_goes_on)
{
  walk(&A, AT_BUKTI);
  expect_step(&A, "bukti");
  expect(&A, "KIRIM", "ask.identitas");
  expect_step(&A, "identitas");
}
END_TEST

/* walk() on SMS, where the replies are the ".sms" texts: the answers of
 * route[] up to n, not checked. */
static void
walk_sms(enum at n)
{
  int i;

  for (i = 0; i < (int)n; i++)
    say(&S, route[i].answer != NULL ? route[i].answer : fx.story);
}

/* The story cut short in the SMS summary ends in one ellipsis, never
 * "....". */
START_TEST(sms_summary_story_one_ellipsis)
{
  int i;

  walk_sms(AT_KONFIRMASI);
  expect_step(&S, "konfirmasi");
  for (i = 0; i < fx.r.n; i++) {
    ck_assert_msg(strstr(fx.r.v[i], "....") == NULL, "part %d: '%s'", i,
                  fx.r.v[i]);
  }
  ck_assert_msg(strstr(fx.r.v[0], "... ") != NULL ||
                strstr(fx.r.v[0], "...\n") != NULL, "no cut: '%s'",
                fx.r.v[0]);
}
END_TEST

/* The list of the reporter's tickets on SMS is a sentence of its own. */
START_TEST(sms_status_mine_ends_its_sentence)
{
  char number[TICKET_NUMBER_MAX];

  walk_sms(AT_KONFIRMASI);
  say(&S, "KIRIM");
  reply_number(number);
  say(&S, "Bagaimana laporan saya?");
  ck_assert_msg(strstr(last(), number) != NULL, "got '%s'", last());
  ck_assert_msg(strstr(last(), ". Rinciannya") != NULL, "got '%s'", last());
}
END_TEST

static Suite *
conv_suite(void)
{
  Suite *s = suite_create("conv");
  TCase *tf = tcase_create("filing");
  TCase *ts = tcase_create("steps");
  TCase *tl = tcase_create("limits");

  tcase_add_checked_fixture(tf, fx_setup, fx_teardown);
  tcase_add_checked_fixture(ts, fx_setup, fx_teardown);
  tcase_add_checked_fixture(tl, fx_setup, fx_teardown);
  tcase_add_test(tf, report_filed_with_every_field);
  tcase_add_test(tf, status_of_own_ticket_only);
  tcase_add_test(tf, status_in_a_draft_keeps_the_draft);
  tcase_add_test(tf, operator_question_answered_outside_a_draft);
  tcase_add_test(tf, other_kinds_and_channels);
  suite_add_tcase(s, tf);
  tcase_add_loop_test(ts, each_step_refuses_with_its_reason, 0,
                      (int)(sizeof(refusals) / sizeof(refusals[0])));
  tcase_add_loop_test(ts, commands_work_in_every_step, 0,
                      (int)(sizeof(commands) / sizeof(commands[0])));
  tcase_add_loop_test(ts, near_commands_stay_answers, 0,
                      (int)(sizeof(near_commands) / sizeof(near_commands[0])));
  tcase_add_loop_test(ts, kembali_goes_one_step_back, 0,
                      (int)(sizeof(backs) / sizeof(backs[0])));
  tcase_add_loop_test(ts, ubah_changes_one_field_from_the_summary, 0,
                      (int)(sizeof(edits) / sizeof(edits[0])));
  tcase_add_test(ts, ubah_without_a_field_is_refused);
  tcase_add_test(ts, batal_drops_the_draft_and_its_evidence);
  tcase_add_test(ts, draft_kept_within_its_ttl);
  tcase_add_test(ts, draft_parsed_once_per_conversation);
  tcase_add_test(ts, draft_changed_in_the_store_is_read_again);
  tcase_add_test(ts, kronologi_insist_after_caps);
  suite_add_tcase(s, ts);
  tcase_add_test(tl, duplicate_not_filed_twice);
  tcase_add_test(tl, duplicate_check_during_the_index_build);
  tcase_add_test(tl, duplicate_same_reporter_adds_to_the_ticket);
  tcase_add_test(tl, duplicate_same_reporter_files_anew);
  tcase_add_test(tl, duplicate_other_reporter_supports_without_the_number);
  tcase_add_test(tl, duplicate_by_the_day_the_time_answer_means);
  tcase_add_test(tl, duplicate_other_reporter_anonymous_or_new);
  tcase_add_test(tl, same_answers_make_no_duplicate);
  tcase_add_test(tl, tickets_per_day_limit);
  tcase_add_test(tl, flood_notice_is_one_reply);
  suite_add_tcase(s, tl);
  {
    TCase *tk = tcase_create("kept_as_given");
    tcase_add_checked_fixture(tk, fx_setup, fx_teardown);
    tcase_add_loop_test(tk, second_try_kept_as_given, 0,
                        (int)(sizeof(second_tries) /
                              sizeof(second_tries[0])));
    tcase_add_test(tk, kept_as_given_is_marked_on_the_ticket);
    tcase_add_test(tk, story_at_waktu_joins_the_story);
    tcase_add_test(tk, skip_at_waktu_is_not_known);
    tcase_add_loop_test(tk, waktu_filed_with_its_precision, 0,
                        (int)(sizeof(waktu_filed) / sizeof(waktu_filed[0])));
    tcase_add_test(tk, understood_answers_are_not_marked);
    tcase_add_test(tk, kecamatan_and_desa_are_understood);
    tcase_add_test(tk, ambiguous_lokasi_offers_numbered_choices);
    tcase_add_test(tk, ambiguous_lokasi_answered_in_words);
    tcase_add_test(tk, too_short_for_a_place_is_kept_on_the_second_try);
    suite_add_tcase(s, tk);
  }
  {
    TCase *ti = tcase_create("idle");
    tcase_add_checked_fixture(ti, fx_setup, fx_teardown);
    tcase_add_test(ti, idle_draft_reminded_and_resumed);
    tcase_add_test(ti, idle_draft_message_answers_on_lanjutkan);
    tcase_add_test(ti, idle_draft_fresh_start_keeps_the_story);
    tcase_add_test(ti, idle_draft_other_reply_is_a_new_message);
    tcase_add_test(ti, idle_draft_gone_after_keep);
    tcase_add_test(ti, idle_draft_kept_until_keep_ends);
    tcase_add_test(ti, lanjutkan_ends_kronologi_and_bukti);
    suite_add_tcase(s, ti);
  }
  {
    TCase *tm = tcase_create("free_text");
    tcase_add_checked_fixture(tm, fx_setup, fx_teardown);
    tcase_add_test(tm, free_text_at_menu_starts_a_draft);
    tcase_add_test(tm, story_at_menu_is_the_first_part);
    tcase_add_test(tm, media_at_menu_starts_a_draft);
    tcase_add_test(tm, unsupported_media_at_menu_opens_no_draft);
    tcase_add_test(tm, menu_words_get_useful_answers);
    tcase_add_loop_test(tm, short_text_at_menu_is_not_a_report, 0,
                        (int)(sizeof(not_reports) / sizeof(not_reports[0])));
    suite_add_tcase(s, tm);
  }
  tcase_add_test(tf, menu_choice_while_a_question_waits);
  {
    TCase *tq = tcase_create("trials");
    tcase_add_checked_fixture(tq, fx_setup, fx_teardown);
    tcase_add_test(tq, story_with_katanya_is_a_story);
    tcase_add_test(tq, lokasi_choices_answered_with_the_time);
    tcase_add_test(tq, done_word_is_never_kept_as_an_answer);
    tcase_add_loop_test(tq, no_evidence_in_sms_shorthand, 0,
                        (int)(sizeof(no_evidence) / sizeof(no_evidence[0])));
    tcase_add_loop_test(tq, done_words_without_vowels, 0,
                        (int)(sizeof(vowelless) / sizeof(vowelless[0])));
    tcase_add_test(tq, sms_summary_split_keeps_label_and_value);
    tcase_add_test(tq, ubah_at_the_story_is_not_a_story_line);
    tcase_add_test(tq, time_after_a_refused_place_keeps_the_place);
    suite_add_tcase(s, tq);
  }
  {
    TCase *td = tcase_create("dead_ends");
    tcase_add_checked_fixture(td, fx_setup, fx_teardown);
    tcase_add_test(td, duplikat_choice_answers_thanks_safety_story);
    tcase_add_test(td, mau_lapor_at_kategori_asks_again);
    tcase_add_test(td, kirim_at_bukti_goes_on);
    tcase_add_test(td, sms_summary_story_one_ellipsis);
    tcase_add_test(td, sms_status_mine_ends_its_sentence);
    suite_add_tcase(s, td);
  }
  return s;
}

UNIT_MAIN(conv_suite)
