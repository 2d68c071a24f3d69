/*
 * test_pg_case.c: the operators' calls of the PostgreSQL backend
 * (store_pg_case.c) against the test cluster (skipped without it): ticket
 * lists, events, evidence, status changes and notes, counts, the
 * retention purge, identity reveals, follow-up questions and the
 * service-level marks, held to what the SQLite backend is held to
 * (test_casework.c, test_chores.c, test_store.c); and what two daemons on
 * one database must not both do: move one ticket out of one status, purge
 * one reporter, clear one payload or be handed one overdue ticket.
 *
 * Rows the calls read are written with SQL directly (tu_pg_exec), so the
 * suite stands on these calls alone.  Times are days since the epoch.
 */
#include <libpq-fe.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "store/store.h"
#include "testutil.h"
#include "tu_pg.h"

#define DAY (24LL * 3600 * 1000)

struct fixture {
  char *ci;
  struct store *st;
};

static struct store *
open_pg(const char *ci)
{
  struct store_opts o = {0};
  struct store *st = NULL;
  char err[256];

  o.backend = "postgres";
  o.conninfo = ci;
  o.busy_timeout_ms = 5000;
  o.instance = "test";
  ck_assert_msg(store_open(&st, &o, err, sizeof(err)) == 0, "open: %s", err);
  return st;
}

static void
fx_open(struct fixture *fx)
{
  fx->ci = tu_pg_newdb();
  fx->st = open_pg(fx->ci);
}

static void
fx_close(struct fixture *fx)
{
  store_close(fx->st);
  tu_pg_dropdb(fx->ci);
  free(fx->ci);
}

/* tu_pg_exec and tu_pg_int with the SQL written from fmt. */
static void __attribute__((format(printf, 2, 3)))
ex(const struct fixture *fx, const char *fmt, ...)
{
  char sql[2048];
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(sql, sizeof(sql), fmt, ap);
  va_end(ap);
  tu_pg_exec(fx->ci, sql);
}

static int64_t __attribute__((format(printf, 2, 3)))
qi(const struct fixture *fx, const char *fmt, ...)
{
  char sql[2048];
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(sql, sizeof(sql), fmt, ap);
  va_end(ap);
  return tu_pg_int(fx->ci, sql, 0, 0);
}

/* ---- Rows, written directly ---- */

static int64_t
reporter(const struct fixture *fx, const char *phone)
{
  return qi(fx, "INSERT INTO reporters (phone, handle, created_at) VALUES"
            " ('%s', 'R-' || substr(md5('%s'), 1, 8), 1000) RETURNING id",
            phone, phone);
}

/* A text message with a raw payload from rid, received at. */
static int64_t
message(const struct fixture *fx, int64_t rid, const char *pid, int64_t at)
{
  return qi(fx, "INSERT INTO inbound (channel, provider_id, reporter_id,"
            " kind, body, payload, received_at) VALUES ('wa', '%s', %lld,"
            " 'text', 'nama saya Budi Santoso',"
            " convert_to('{\"from\":\"6281234567890\"}', 'UTF8'), %lld)"
            " RETURNING id", pid, (long long)rid, (long long)at);
}

/* Ticket number seq of 1970 for rid, filed (with its event) at; closed
 * (selesai, through the call under test) at closed_at when not 0. */
static int64_t
ticket(struct fixture *fx, int64_t rid, int seq, int64_t at,
       int64_t closed_at)
{
  int64_t id = qi(fx, "INSERT INTO tickets (number, year, seq, reporter_id,"
                  " channel, status, category, terlapor, lokasi, kronologi,"
                  " identitas, created_at, updated_at) VALUES"
                  " ('NTT-1970-%05d', 1970, %d, %lld, 'wa', 'diterima',"
                  " 'pungli', 'Petugas loket', 'Kota Kupang', 'Petugas loket"
                  " meminta uang tambahan untuk surat izin.', 'rahasia',"
                  " %lld, %lld) RETURNING id", seq, seq, (long long)rid,
                  (long long)at, (long long)at);

  ex(fx, "INSERT INTO ticket_events (ticket_id, at, actor, to_status)"
     " VALUES (%lld, %lld, 'bot', 'diterima')", (long long)id,
     (long long)at);
  if (closed_at > 0)
    ck_assert_int_eq(store_ticket_set_status(fx->st, id, "diterima",
                                             "selesai", "budi", "Selesai.",
                                             NULL, closed_at), 0);
  return id;
}

static void
owed_reply(const struct fixture *fx, int64_t rid)
{
  ex(fx, "INSERT INTO outbox (channel, reporter_id, kind, body, status,"
     " next_attempt_at, created_at, updated_at) VALUES ('wa', %lld, 'text',"
     " 'Terima kasih, Budi.', 'queued', 0, %lld, %lld)", (long long)rid,
     2 * DAY, 2 * DAY);
}

/* Reporter +6281100000001 with one message on day 1 and a WhatsApp
 * session at step holding draft, last touched at updated_at, expiring
 * at expires_at, with one loose piece of evidence.  Its id. */
static int64_t
reporter_with_draft(const struct fixture *fx, const char *step,
                    const char *draft, int64_t updated_at, int64_t expires_at)
{
  int64_t a = reporter(fx, "+6281100000001");
  int64_t in = message(fx, a, "a1", 1 * DAY);
  int64_t s = qi(fx, "INSERT INTO sessions (reporter_id, family, channel,"
                 " step, draft, updated_at, expires_at) VALUES (%lld,"
                 " 'whatsapp', 'wa', '%s', '%s', %lld, %lld) RETURNING id",
                 (long long)a, step, draft, (long long)updated_at,
                 (long long)expires_at);

  ex(fx, "INSERT INTO evidence (session_id, inbound_id, mime, status,"
     " received_at, sha256) VALUES (%lld, %lld, 'image/jpeg', 'stored', %lld,"
     " 'ab12')", (long long)s, (long long)in, (long long)updated_at);
  return a;
}

static int
purge_from_start(struct store *st, struct store_purge *p, int64_t now)
{
  p->after_reporter = 0;
  p->now = now;
  p->limit = 10;
  ck_assert_int_eq(store_purge_step(st, p), 0);
  return p->reporters;
}

/* ---- Retention and identity (test_casework.c) ---- */

START_TEST(purge_takes_exactly_the_quiet_reporters)
{
  struct fixture fx;
  struct store_purge p = {0};
  struct store_identity id;
  int64_t a, b, c, d, e, ta, tb;
  int steps = 0, payloads = 0, purged = 0;

  fx_open(&fx);
  /* a: ticket closed long ago, quiet since: purged. */
  a = reporter(&fx, "+6281100000001");
  message(&fx, a, "a1", 1 * DAY);
  ta = ticket(&fx, a, 1, 1 * DAY, 2 * DAY);
  ex(&fx, "UPDATE reporters SET name = 'Budi Santoso' WHERE id = %lld",
     (long long)a);
  /* b: an open ticket: kept, however old. */
  b = reporter(&fx, "+6281100000002");
  message(&fx, b, "b1", 1 * DAY);
  tb = ticket(&fx, b, 2, 1 * DAY, 0);
  /* c: closed long ago, but wrote recently: kept. */
  c = reporter(&fx, "+6281100000003");
  message(&fx, c, "c1", 1 * DAY);
  ticket(&fx, c, 3, 1 * DAY, 2 * DAY);
  message(&fx, c, "c2", 50 * DAY);
  /* d: never filed, quiet: purged. */
  d = reporter(&fx, "+6281100000004");
  message(&fx, d, "d1", 1 * DAY);
  /* e: quiet, but a reply is still owed to them: kept. */
  e = reporter(&fx, "+6281100000005");
  message(&fx, e, "e1", 1 * DAY);
  owed_reply(&fx, e);

  p.payload_before = 10 * DAY;
  p.personal_before = 40 * DAY;
  p.now = 60 * DAY;
  p.limit = 2;
  do {
    ck_assert_int_eq(store_purge_step(fx.st, &p), 0);
    payloads += p.payloads;
    purged += p.reporters;
    steps++;
  } while (p.more && steps < 20);
  ck_assert_int_eq(p.more, 0);
  ck_assert_int_ge(steps, 3);
  ck_assert_int_eq(purged, 2);
  ck_assert_int_eq(payloads, 5);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM inbound WHERE payload IS"
                      " NOT NULL"), 1);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM reporters WHERE purged_at"
                      " IS NOT NULL"), 2);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM reporters WHERE id = %lld"
                      " AND phone = 'purged:' || handle AND name IS NULL"
                      " AND purged_at = 60::bigint * 86400000",
                      (long long)a), 1);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM reporters WHERE purged_at"
                      " IS NOT NULL AND id = %lld", (long long)d), 1);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM reporters WHERE phone LIKE"
                      " '+62%%'"), 3);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM inbound WHERE reporter_id ="
                      " %lld AND body IS NOT NULL", (long long)a), 0);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM inbound WHERE body IS NOT"
                      " NULL"), 4);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM outbox WHERE body <> ''"),
                   1);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM tickets WHERE id = %lld"
                      " AND kronologi LIKE 'Petugas loket%%'", (long long)ta),
                   1);
  ck_assert_int_eq(store_ticket_identity(fx.st, ta, &id), 0);
  ck_assert_int_eq(id.reporter_id, a);
  ck_assert_ptr_null(id.phone);
  ck_assert_ptr_null(id.name);
  ck_assert_int_eq(id.purged_at, 60 * DAY);
  ck_assert_ptr_nonnull(id.handle);
  ck_assert_int_eq(strncmp(id.handle, "R-", 2), 0);
  store_identity_clear(&id);
  ck_assert_int_eq(store_ticket_identity(fx.st, tb, &id), 0);
  ck_assert_str_eq(id.phone, "+6281100000002");
  ck_assert_int_eq(id.purged_at, 0);
  store_identity_clear(&id);
  /* The number is free again: the same number writing is someone new. */
  ck_assert_int_ne(qi(&fx, "INSERT INTO reporters (phone, handle,"
                      " created_at) VALUES ('+6281100000001', 'R-new',"
                      " 61::bigint * 86400000)"
                      " RETURNING id"), a);
  /* A second run finds nothing more. */
  memset(&p, 0, sizeof(p));
  p.payload_before = 10 * DAY;
  p.personal_before = 40 * DAY;
  p.now = 61 * DAY;
  p.limit = 100;
  ck_assert_int_eq(store_purge_step(fx.st, &p), 0);
  ck_assert_int_eq(p.payloads, 0);
  ck_assert_int_eq(p.reporters, 0);
  ck_assert_int_eq(p.more, 0);
  /* No limit is refused. */
  p.limit = 0;
  ck_assert_int_eq(store_purge_step(fx.st, &p), AERR_STORE);
  fx_close(&fx);
}
END_TEST

START_TEST(zero_cut_offs_keep_everything)
{
  struct fixture fx;
  struct store_purge p = {0};
  int64_t a;

  fx_open(&fx);
  a = reporter(&fx, "+6281100000001");
  message(&fx, a, "a1", 1 * DAY);
  ticket(&fx, a, 1, 1 * DAY, 2 * DAY);
  p.now = 1000 * DAY;
  p.limit = 10;
  ck_assert_int_eq(store_purge_step(fx.st, &p), 0);
  ck_assert_int_eq(p.payloads + p.reporters + p.more, 0);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM inbound WHERE payload IS"
                      " NOT NULL"), 1);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM reporters WHERE purged_at"
                      " IS NULL"), 1);
  fx_close(&fx);
}
END_TEST

/* A draft being written holds the purge; once expired it goes, draft,
 * loose evidence (queued for its file) and all. */
START_TEST(a_draft_being_written_holds_the_purge)
{
  struct fixture fx;
  struct store_purge p = {0};

  fx_open(&fx);
  reporter_with_draft(&fx, "kronologi", "{\"nama\":\"Budi\"}", 1 * DAY,
                      100 * DAY);
  p.personal_before = 40 * DAY;
  ck_assert_int_eq(purge_from_start(fx.st, &p, 60 * DAY), 0);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM evidence"), 1);
  ck_assert_int_eq(purge_from_start(fx.st, &p, 101 * DAY), 1);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM sessions WHERE draft = '{}'"
                      " AND step = 'menu' AND expires_at IS NULL"), 1);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM evidence"), 0);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM evidence_dropped WHERE"
                      " sha256 = 'ab12'"), 1);
  fx_close(&fx);
}
END_TEST

START_TEST(a_held_draft_holds_the_purge)
{
  struct fixture fx;
  struct store_purge p = {0};

  fx_open(&fx);
  reporter_with_draft(&fx, "lokasi", "{\"terlapor\":\"Camat\"}", 99 * DAY,
                      100 * DAY);
  p.personal_before = 40 * DAY;
  p.draft_keep = 7 * DAY;
  ck_assert_int_eq(purge_from_start(fx.st, &p, 105 * DAY), 0);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM sessions WHERE draft LIKE"
                      " '%%Camat%%'"), 1);
  ck_assert_int_eq(purge_from_start(fx.st, &p, 108 * DAY), 1);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM sessions WHERE draft = '{}'"
                      " AND step = 'menu'"), 1);
  fx_close(&fx);
}
END_TEST

/* A reporter known by a BSUID: shown in the identity, gone with the
 * purge (test_store.c outbox_and_identity_carry_bsuid). */
START_TEST(identity_carries_and_purge_clears_bsuid)
{
  struct fixture fx;
  struct store_identity idn;
  struct store_purge p = {0};
  int64_t a, t;

  fx_open(&fx);
  a = qi(&fx, "INSERT INTO reporters (phone, handle, created_at, bsuid)"
         " VALUES ('bsuid:R-abc', 'R-abc', 1, 'ID.4471920083316652')"
         " RETURNING id");
  t = ticket(&fx, a, 7, 1, 2);
  ck_assert_int_eq(store_ticket_identity(fx.st, t, &idn), 0);
  ck_assert_ptr_null(idn.phone);
  ck_assert_str_eq(idn.bsuid, "ID.4471920083316652");
  ck_assert_str_eq(idn.handle, "R-abc");
  store_identity_clear(&idn);
  p.now = 1000000000;
  p.personal_before = 1000000000;
  p.limit = 100;
  ck_assert_int_eq(store_purge_step(fx.st, &p), 0);
  ck_assert_int_eq(p.reporters, 1);
  ck_assert_int_eq(store_ticket_identity(fx.st, t, &idn), 0);
  ck_assert_ptr_null(idn.phone);
  ck_assert_ptr_null(idn.bsuid);
  ck_assert_int_eq(idn.purged_at, 1000000000);
  store_identity_clear(&idn);
  ck_assert_int_eq(store_ticket_identity(fx.st, t + 1, &idn), AERR_NOTFOUND);
  ck_assert_ptr_null(idn.handle);
  fx_close(&fx);
}
END_TEST

START_TEST(reveals_are_recorded_in_order)
{
  struct fixture fx;
  struct store_event *v = NULL;
  int64_t a, t;
  int n = 0;

  fx_open(&fx);
  a = reporter(&fx, "+6281100000001");
  t = ticket(&fx, a, 1, 1 * DAY, 0);
  ck_assert_int_eq(store_ticket_reveals(fx.st, t, &v, &n), 0);
  ck_assert_int_eq(n, 0);
  store_events_free(v, n);
  ck_assert_int_eq(store_reveal_add(fx.st, t, a, "siti (uid 1002)",
                                    "Surat Inspektorat 700/1", 3 * DAY), 0);
  ck_assert_int_eq(store_reveal_add(fx.st, t, a, "uid:0", "Klarifikasi",
                                    2 * DAY), 0);
  ck_assert_int_eq(store_ticket_reveals(fx.st, t, &v, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(v[0].at, 2 * DAY);
  ck_assert_str_eq(v[0].actor, "uid:0");
  ck_assert_str_eq(v[0].note, "Klarifikasi");
  ck_assert_ptr_null(v[0].from_status);
  ck_assert_ptr_null(v[0].to_status);
  ck_assert_str_eq(v[1].actor, "siti (uid 1002)");
  ck_assert_str_eq(v[1].note, "Surat Inspektorat 700/1");
  store_events_free(v, n);
  ck_assert_int_eq(store_ticket_reveals(fx.st, t + 1, &v, &n), 0);
  ck_assert_int_eq(n, 0);
  store_events_free(v, n);
  fx_close(&fx);
}
END_TEST

/* ---- Follow-up questions (test_casework.c) ---- */

START_TEST(the_answer_goes_to_the_latest_open_question)
{
  struct fixture fx;
  struct store_question *v = NULL;
  int64_t a, t1, t2, q1 = 0, q2 = 0, qid = 0, tid = 0, in;
  char number[32];
  int n = 0;

  fx_open(&fx);
  a = reporter(&fx, "+6281100000001");
  t1 = ticket(&fx, a, 1, 1 * DAY, 0);
  t2 = ticket(&fx, a, 2, 2 * DAY, 0);
  in = message(&fx, a, "ans", 5 * DAY);
  ck_assert_int_eq(store_question_waiting(fx.st, a, &qid, &tid, number),
                   AERR_NOTFOUND);
  ck_assert_int_eq(store_question_add(fx.st, t1, a, "budi", "Jam berapa?",
                                      3 * DAY, &q1), 0);
  ck_assert_int_eq(store_question_add(fx.st, t2, a, "siti", "Di loket mana?",
                                      4 * DAY, &q2), 0);
  ck_assert_int_gt(q2, q1);
  ck_assert_int_eq(store_question_add(fx.st, t2, a, "siti", "Lagi?", 1,
                                      NULL), 0);
  ck_assert_int_eq(store_question_waiting(fx.st, a, &qid, &tid, number), 0);
  ck_assert_int_eq(qid, q2);
  ck_assert_int_eq(tid, t2);
  ck_assert_str_eq(number, "NTT-1970-00002");
  /* Answered once only. */
  ck_assert_int_eq(store_question_answer(fx.st, q2, in, "Loket dua",
                                         5 * DAY), 0);
  ck_assert_int_eq(store_question_answer(fx.st, q2, 0, "Loket tiga",
                                         5 * DAY), AERR_STATE);
  ck_assert_int_eq(qi(&fx, "SELECT answer_inbound_id FROM questions WHERE"
                      " id = %lld", (long long)q2), in);
  ck_assert_int_eq(store_question_waiting(fx.st, a, &qid, &tid, number), 0);
  ck_assert_int_eq(qid, q1);
  /* A closed ticket's question waits no more (the third, asked at 1 about
   * t2, is older than q1 but still waiting). */
  ck_assert_int_eq(store_ticket_set_status(fx.st, t1, "diterima", "ditolak",
                                           "budi", "Duplikat.", NULL,
                                           6 * DAY), 0);
  ck_assert_int_eq(store_question_waiting(fx.st, a, &qid, &tid, number), 0);
  ck_assert_int_eq(tid, t2);
  ck_assert_int_ne(qid, q2);
  ck_assert_int_eq(store_ticket_set_status(fx.st, t2, "diterima", "selesai",
                                           "budi", NULL, NULL, 6 * DAY), 0);
  ck_assert_int_eq(store_question_waiting(fx.st, a, &qid, &tid, number),
                   AERR_NOTFOUND);
  ck_assert_int_eq(store_ticket_questions(fx.st, t2, &v, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_str_eq(v[0].question, "Lagi?");
  ck_assert_int_eq(v[1].asked_at, 4 * DAY);
  ck_assert_str_eq(v[1].actor, "siti");
  ck_assert_str_eq(v[1].question, "Di loket mana?");
  ck_assert_str_eq(v[1].answer, "Loket dua");
  ck_assert_int_eq(v[1].answered_at, 5 * DAY);
  store_questions_free(v, n);
  ck_assert_int_eq(store_ticket_questions(fx.st, t1, &v, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(v[0].answered_at, 0);
  ck_assert_ptr_null(v[0].answer);
  store_questions_free(v, n);
  ck_assert_int_eq(store_ticket_questions(fx.st, t2 + 1, &v, &n), 0);
  ck_assert_int_eq(n, 0);
  ck_assert_ptr_null(v);
  fx_close(&fx);
}
END_TEST

/* ---- Status, events, notes, evidence, counts ---- */

START_TEST(status_changes_only_from_the_status_it_is_at)
{
  struct fixture fx;
  struct store_event *ev = NULL;
  int64_t a, t;
  int n = 0;

  fx_open(&fx);
  a = reporter(&fx, "+6281100000001");
  t = ticket(&fx, a, 1, 1 * DAY, 0);
  ck_assert_int_eq(store_ticket_set_status(fx.st, t, "diterima",
                                           "diverifikasi", "siti", "Cek.",
                                           NULL, 2 * DAY), 0);
  ck_assert_int_eq(store_ticket_set_status(fx.st, t, "diterima", "ditolak",
                                           "budi", NULL, NULL, 3 * DAY),
                   AERR_STATE);
  ck_assert_int_eq(store_ticket_set_status(fx.st, t + 99, "diterima",
                                           "ditolak", "budi", NULL, NULL,
                                           3 * DAY), AERR_NOTFOUND);
  /* The agency is kept when given, and left alone when not. */
  ck_assert_int_eq(store_ticket_set_status(fx.st, t, "diverifikasi",
                                           "diteruskan", "siti", NULL,
                                           "Inspektorat", 4 * DAY), 0);
  ck_assert_int_eq(store_ticket_set_status(fx.st, t, "diteruskan",
                                           "diproses", "siti", NULL, NULL,
                                           5 * DAY), 0);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM tickets WHERE id = %lld AND"
                      " status = 'diproses' AND agency = 'Inspektorat' AND"
                      " updated_at = %lld", (long long)t, 5 * DAY), 1);
  /* A note changes no status and no time. */
  ck_assert_int_eq(store_ticket_note(fx.st, t, "tambahan", "Ada foto.",
                                     6 * DAY), 0);
  ck_assert_int_eq(qi(&fx, "SELECT updated_at FROM tickets WHERE id = %lld",
                      (long long)t), 5 * DAY);
  /* Two events at one time keep the order they were written in. */
  ck_assert_int_eq(store_ticket_note(fx.st, t, "dukungan:R-x", "Saya juga.",
                                     6 * DAY), 0);
  ck_assert_int_eq(store_ticket_events(fx.st, t, &ev, &n), 0);
  ck_assert_int_eq(n, 6);
  ck_assert_str_eq(ev[0].actor, "bot");
  ck_assert_ptr_null(ev[0].from_status);
  ck_assert_str_eq(ev[0].to_status, "diterima");
  ck_assert_str_eq(ev[1].from_status, "diterima");
  ck_assert_str_eq(ev[1].to_status, "diverifikasi");
  ck_assert_str_eq(ev[1].note, "Cek.");
  ck_assert_int_eq(ev[1].at, 2 * DAY);
  ck_assert_ptr_null(ev[2].note);
  ck_assert_str_eq(ev[4].actor, "tambahan");
  ck_assert_ptr_null(ev[4].from_status);
  ck_assert_ptr_null(ev[4].to_status);
  ck_assert_str_eq(ev[5].note, "Saya juga.");
  store_events_free(ev, n);
  ck_assert_int_eq(store_ticket_events(fx.st, t + 99, &ev, &n), 0);
  ck_assert_int_eq(n, 0);
  store_events_free(ev, n);
  fx_close(&fx);
}
END_TEST

START_TEST(evidence_and_counts)
{
  struct fixture fx;
  struct store_evidence_item *v = NULL;
  int64_t a, t, in;
  int n = -1;

  fx_open(&fx);
  a = reporter(&fx, "+6281100000001");
  t = ticket(&fx, a, 1, 1 * DAY, 0);
  ticket(&fx, a, 2, 1 * DAY, 2 * DAY);
  in = message(&fx, a, "m1", 1 * DAY);
  ex(&fx, "INSERT INTO evidence (ticket_id, inbound_id, mime, status,"
     " received_at, sha256, size) VALUES (%lld, %lld, 'image/jpeg',"
     " 'stored', 10, 'aa', 2048), (%lld, %lld, 'video/mp4', 'pending', 11,"
     " NULL, NULL), (NULL, %lld, 'image/png', 'pending', 12, NULL, NULL)",
     (long long)t, (long long)in, (long long)t, (long long)in, (long long)in);
  ck_assert_int_eq(store_ticket_evidence(fx.st, t, &v, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_lt(v[0].id, v[1].id);
  ck_assert_str_eq(v[0].mime, "image/jpeg");
  ck_assert_str_eq(v[0].sha256, "aa");
  ck_assert_str_eq(v[0].status, "stored");
  ck_assert_int_eq(v[0].size, 2048);
  ck_assert_int_eq(v[0].received_at, 10);
  ck_assert_ptr_null(v[1].sha256);
  ck_assert_int_eq(v[1].size, 0);
  store_evidence_items_free(v, n);

  ck_assert_int_eq(store_ticket_count_status(fx.st, "diterima", &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(store_ticket_count_status(fx.st, "selesai", &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(store_ticket_count_status(fx.st, "ditunda", &n), 0);
  ck_assert_int_eq(n, 0);
  /* Active: past the menu, not expired at now (100). */
  ex(&fx, "INSERT INTO sessions (reporter_id, family, channel, step,"
     " updated_at, expires_at) VALUES (%lld, 'a', 'wa', 'lokasi', 1, 101),"
     " (%lld, 'b', 'wa', 'menu', 1, 500), (%lld, 'c', 'wa', 'lokasi', 1,"
     " 100), (%lld, 'd', 'wa', 'kronologi', 1, NULL)", (long long)a,
     (long long)a, (long long)a, (long long)a);
  ck_assert_int_eq(store_session_count_active(fx.st, 100, &n), 0);
  ck_assert_int_eq(n, 1);
  fx_close(&fx);
}
END_TEST

/* ---- Lists (test_store.c and the admin API's filters) ---- */

/* Six tickets of two reporters (ids in t[]), days 1..6, of which:
 * t[1] selesai, t[2] ditunda, t[3] lokasi 5303 with a place and a
 * location, t[4] korupsi, t[5] the second reporter's. */
static void
list_tickets(struct fixture *fx, int64_t *ra, int64_t *rb, int64_t t[6])
{
  int i;

  *ra = reporter(fx, "+6281100000001");
  *rb = reporter(fx, "+6281100000002");
  for (i = 0; i < 6; i++)
    t[i] = ticket(fx, i == 5 ? *rb : *ra, i + 1, (6 - i) * DAY, 0);
  /* Filed in the reverse order of their ids: lists go by time. */
  ck_assert_int_eq(store_ticket_set_status(fx->st, t[1], "diterima",
                                           "selesai", "siti", NULL, NULL,
                                           7 * DAY), 0);
  ck_assert_int_eq(store_ticket_set_status(fx->st, t[2], "diterima",
                                           "ditunda", "siti", NULL, NULL,
                                           8 * DAY), 0);
  ex(fx, "UPDATE tickets SET lokasi_kode = '5303', lat = -10.1, lng = 123.6,"
     " lokasi_tingkat = 'kecamatan', lokasi_tempat_kode = '53.01.06',"
     " lokasi_tempat = 'Kecamatan Kupang Timur, Kabupaten Kupang',"
     " marks = 'lokasi', waktu_tanggal = '1970-01-02', waktu_presisi = 'day'"
     " WHERE id = %lld", (long long)t[3]);
  ex(fx, "UPDATE tickets SET category = 'korupsi' WHERE id = %lld",
     (long long)t[4]);
}

/* The ids of a list, in its order, as "a b c" into buf. */
static const char *
list_ids(struct store *st, const struct store_ticket_filter *f,
         const int64_t t[6], char *buf, size_t len)
{
  struct store_ticket_list l;
  size_t at = 0;
  int i, j;

  buf[0] = '\0';
  ck_assert_int_eq(store_ticket_list(st, f, &l), 0);
  for (i = 0; i < l.n; i++)
    for (j = 0; j < 6; j++)
      if (l.v[i].id == t[j])
        at += (size_t)snprintf(buf + at, len - at, "%s%d", at ? " " : "", j);
  store_ticket_list_free(&l);
  return buf;
}

START_TEST(lists_filter_order_and_page)
{
  struct fixture fx;
  struct store_ticket_filter f = {0};
  int64_t ra, rb, t[6];
  char buf[64];

  fx_open(&fx);
  list_tickets(&fx, &ra, &rb, t);
  ck_assert_str_eq(list_ids(fx.st, &f, t, buf, sizeof(buf)),
                   "5 4 3 2 1 0");
  f.limit = 2;
  ck_assert_str_eq(list_ids(fx.st, &f, t, buf, sizeof(buf)), "5 4");
  f.limit = 0;
  f.status = "selesai";
  ck_assert_str_eq(list_ids(fx.st, &f, t, buf, sizeof(buf)), "1");
  f.status = NULL;
  f.category = "korupsi";
  ck_assert_str_eq(list_ids(fx.st, &f, t, buf, sizeof(buf)), "4");
  f.category = NULL;
  f.lokasi_kode = "5303";
  ck_assert_str_eq(list_ids(fx.st, &f, t, buf, sizeof(buf)), "3");
  f.lokasi_kode = NULL;
  f.since = 2 * DAY;                 /* at or after */
  f.until = 5 * DAY;                 /* before */
  ck_assert_str_eq(list_ids(fx.st, &f, t, buf, sizeof(buf)), "4 3 2");
  f.since = 0;
  f.until = 0;
  f.open_only = 1;
  ck_assert_str_eq(list_ids(fx.st, &f, t, buf, sizeof(buf)), "5 4 3 2 0");
  f.open_only = 0;
  f.timed_only = 1;
  ck_assert_str_eq(list_ids(fx.st, &f, t, buf, sizeof(buf)), "5 4 3 0");
  f.timed_only = 0;
  f.reporter_id = rb;
  ck_assert_str_eq(list_ids(fx.st, &f, t, buf, sizeof(buf)), "5");
  f.reporter_id = ra;
  f.open_only = 1;
  f.limit = 1;
  ck_assert_str_eq(list_ids(fx.st, &f, t, buf, sizeof(buf)), "4");
  f.status = "none";
  ck_assert_str_eq(list_ids(fx.st, &f, t, buf, sizeof(buf)), "");
  fx_close(&fx);
}
END_TEST

/* What a listed ticket carries: every column, the handle (never the
 * number), when it entered its status, additions and supports. */
START_TEST(lists_carry_the_ticket)
{
  struct fixture fx;
  struct store_ticket_filter f = {0};
  struct store_ticket_list l;
  const struct store_ticket *x;
  int64_t ra, rb, t[6];

  fx_open(&fx);
  list_tickets(&fx, &ra, &rb, t);
  ck_assert_int_eq(store_ticket_note(fx.st, t[3], "tambahan", "Foto.",
                                     9 * DAY), 0);
  ck_assert_int_eq(store_ticket_note(fx.st, t[3], "dukungan", "Ya.",
                                     9 * DAY), 0);
  ck_assert_int_eq(store_ticket_note(fx.st, t[3], "dukungan:R-12", "Ya.",
                                     9 * DAY), 0);
  f.reporter_id = ra;
  ck_assert_int_eq(store_ticket_list(fx.st, &f, &l), 0);
  ck_assert_int_eq(l.n, 5);
  x = &l.v[0];                        /* t[4], day 2 */
  ck_assert_int_eq(x->id, t[4]);
  ck_assert_str_eq(x->number, "NTT-1970-00005");
  ck_assert_int_eq(x->year, 1970);
  ck_assert_int_eq(x->seq, 5);
  ck_assert_int_eq(x->reporter_id, ra);
  ck_assert_str_eq(x->channel, "wa");
  ck_assert_str_eq(x->category, "korupsi");
  ck_assert_str_eq(x->terlapor, "Petugas loket");
  ck_assert_str_eq(x->identitas, "rahasia");
  ck_assert_int_eq(x->has_location, 0);
  ck_assert_ptr_null(x->lokasi_kode);
  ck_assert_ptr_null(x->lokasi_tempat);
  ck_assert_ptr_null(x->agency);
  ck_assert_int_eq(x->created_at, 2 * DAY);
  ck_assert_int_eq(x->status_since, 2 * DAY);
  ck_assert_int_eq(strncmp(l.handles[0], "R-", 2), 0);
  ck_assert_str_eq(l.handles[0], l.handles[1]);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM reporters WHERE handle ="
                      " '%s' AND id = %lld", l.handles[0], (long long)ra), 1);
  x = &l.v[1];                        /* t[3] */
  ck_assert_int_eq(x->id, t[3]);
  ck_assert_int_eq(x->has_location, 1);
  ck_assert(x->lat < -10.09 && x->lat > -10.11);
  ck_assert(x->lng > 123.59 && x->lng < 123.61);
  ck_assert_str_eq(x->lokasi_kode, "5303");
  ck_assert_str_eq(x->lokasi_tingkat, "kecamatan");
  ck_assert_str_eq(x->lokasi_tempat_kode, "53.01.06");
  ck_assert_str_eq(x->lokasi_tempat,
                   "Kecamatan Kupang Timur, Kabupaten Kupang");
  ck_assert_str_eq(x->marks, "lokasi");
  ck_assert_str_eq(x->waktu_tanggal, "1970-01-02");
  ck_assert_str_eq(x->waktu_presisi, "day");
  ck_assert_int_eq(x->additions, 1);
  ck_assert_int_eq(x->supports, 2);
  ck_assert_int_eq(x->status_since, 3 * DAY);
  x = &l.v[2];                        /* t[2], ditunda at day 8 */
  ck_assert_str_eq(x->status, "ditunda");
  ck_assert_int_eq(x->status_since, 8 * DAY);
  ck_assert_int_eq(x->updated_at, 8 * DAY);
  ck_assert_int_eq(x->additions + x->supports, 0);
  store_ticket_list_free(&l);
  /* Without an event into its status: since its last update. */
  ex(&fx, "DELETE FROM ticket_events WHERE ticket_id = %lld;"
     " UPDATE tickets SET updated_at = %lld WHERE id = %lld",
     (long long)t[2], 9 * DAY, (long long)t[2]);
  f.reporter_id = 0;
  f.status = "ditunda";
  ck_assert_int_eq(store_ticket_list(fx.st, &f, &l), 0);
  ck_assert_int_eq(l.n, 1);
  ck_assert_int_eq(l.v[0].status_since, 9 * DAY);
  store_ticket_list_free(&l);
  fx_close(&fx);
}
END_TEST

/* ---- Service-level marks (test_chores.c) ---- */

/* Tickets sla_pending hands out after after (ids joined into buf). */
static const char *
pending(struct store *st, int64_t after, int limit, char *buf, size_t len)
{
  struct store_sla_row *rows = NULL;
  size_t at = 0;
  int n = 0, i;

  buf[0] = '\0';
  ck_assert_int_eq(store_sla_pending(st, after, limit, &rows, &n), 0);
  for (i = 0; i < n; i++)
    at += (size_t)snprintf(buf + at, len - at, "%s%s@%lld", at ? " " : "",
                           rows[i].number + 9, (long long)rows[i].since);
  store_sla_rows_free(rows, n);
  return buf;
}

START_TEST(sla_marks_once_per_stay)
{
  struct fixture fx;
  int64_t a, t1, t2, t3;
  char buf[256];

  fx_open(&fx);
  a = reporter(&fx, "+6281100000001");
  t1 = ticket(&fx, a, 1, 1, 0);
  t2 = ticket(&fx, a, 2, 2, 0);
  t3 = ticket(&fx, a, 3, 3, 0);
  ticket(&fx, a, 4, 4, 5);                             /* selesai */
  ck_assert_str_eq(pending(fx.st, 0, 100, buf, sizeof(buf)),
                   "00001@1 00002@2 00003@3");
  ck_assert_str_eq(pending(fx.st, t1, 1, buf, sizeof(buf)), "00002@2");
  ck_assert_str_eq(pending(fx.st, t1, -1, buf, sizeof(buf)),
                   "00002@2 00003@3");
  ck_assert_int_eq(store_sla_mark(fx.st, t2, "diterima", 2, 50, 60), 0);
  ck_assert_int_eq(store_sla_mark(fx.st, t2, "diterima", 2, 50, 61), 0);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM ticket_overdue"), 1);
  ck_assert_int_eq(qi(&fx, "SELECT logged_at FROM ticket_overdue"), 60);
  ck_assert_str_eq(pending(fx.st, 0, 100, buf, sizeof(buf)),
                   "00001@1 00003@3");
  /* A new status is a new stay; ditunda is not timed; back again, the
   * clock starts again. */
  ck_assert_int_eq(store_ticket_set_status(fx.st, t2, "diterima",
                                           "diverifikasi", "siti", NULL,
                                           NULL, 70), 0);
  ck_assert_int_eq(store_ticket_set_status(fx.st, t3, "diterima", "ditunda",
                                           "siti", NULL, NULL, 71), 0);
  ck_assert_str_eq(pending(fx.st, 0, 100, buf, sizeof(buf)),
                   "00001@1 00002@70");
  ck_assert_int_eq(store_ticket_set_status(fx.st, t3, "ditunda", "diterima",
                                           "siti", NULL, NULL, 80), 0);
  ck_assert_int_eq(store_sla_mark(fx.st, t2, "diverifikasi", 70, 90, 95), 0);
  ck_assert_str_eq(pending(fx.st, 0, 100, buf, sizeof(buf)),
                   "00001@1 00003@80");
  ck_assert_str_eq(pending(fx.st, t3, 100, buf, sizeof(buf)), "");
  fx_close(&fx);
}
END_TEST

/* ---- Two daemons on one database ---- */

struct racer {
  struct store *st;
  int64_t ticket;
  const char *from;
  int rc;
};

static void *
race_status(void *arg)
{
  struct racer *r = arg;

  ck_assert_int_eq(store_batch_begin(r->st), 0);
  r->rc = store_ticket_set_status(r->st, r->ticket, r->from, "ditolak",
                                  "budi", "Duplikat.", NULL, 3 * DAY);
  ck_assert_int_eq(store_batch_commit(r->st), 0);
  return NULL;
}

/* Wait until a statement of this database waits for a lock. */
static void
wait_for_a_lock_wait(const struct fixture *fx)
{
  int tries = 0;

  while (qi(fx, "SELECT count(*) FROM pg_stat_activity WHERE datname ="
            " current_database() AND wait_event_type = 'Lock'") == 0) {
    ck_assert_int_lt(++tries, 2000);
    usleep(5 * 1000);   /* the server has no event to wait on */
  }
}

/* Two operators on two daemons move one ticket out of diterima at once:
 * the second waits for the first's commit, then finds it moved. */
START_TEST(one_of_two_status_changes_wins)
{
  struct fixture fx;
  struct racer b = {0};
  pthread_t th;
  int64_t a, t;

  fx_open(&fx);
  b.st = open_pg(fx.ci);
  a = reporter(&fx, "+6281100000001");
  t = ticket(&fx, a, 1, 1 * DAY, 0);
  b.ticket = t;
  b.from = "diterima";
  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  ck_assert_int_eq(store_ticket_set_status(fx.st, t, "diterima",
                                           "diverifikasi", "siti", NULL,
                                           NULL, 2 * DAY), 0);
  ck_assert_int_eq(pthread_create(&th, NULL, race_status, &b), 0);
  wait_for_a_lock_wait(&fx);
  ck_assert_int_eq(store_batch_commit(fx.st), 0);
  ck_assert_int_eq(pthread_join(th, NULL), 0);
  ck_assert_int_eq(b.rc, AERR_STATE);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM tickets WHERE status ="
                      " 'diverifikasi'"), 1);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM ticket_events WHERE"
                      " from_status = 'diterima'"), 1);
  /* The first one rolled back: the second, which waited, wins. */
  b.from = "diverifikasi";
  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  ck_assert_int_eq(store_ticket_set_status(fx.st, t, "diverifikasi",
                                           "diproses", "siti", NULL, NULL,
                                           4 * DAY), 0);
  ck_assert_int_eq(pthread_create(&th, NULL, race_status, &b), 0);
  wait_for_a_lock_wait(&fx);
  store_batch_rollback(fx.st);
  ck_assert_int_eq(pthread_join(th, NULL), 0);
  ck_assert_int_eq(b.rc, 0);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM ticket_events WHERE"
                      " from_status = 'diverifikasi'"), 1);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM tickets WHERE status ="
                      " 'ditolak'"), 1);
  store_close(b.st);
  fx_close(&fx);
}
END_TEST

/* Two daemons check the timers at once: a ticket one of them holds is
 * not handed to the other, nor after it was marked; a mark rolled back
 * hands it out again. */
START_TEST(one_daemon_per_overdue_ticket)
{
  struct fixture fx;
  struct store *b;
  int64_t a, t1, t2;
  char buf[256];

  fx_open(&fx);
  b = open_pg(fx.ci);
  a = reporter(&fx, "+6281100000001");
  t1 = ticket(&fx, a, 1, 1, 0);
  t2 = ticket(&fx, a, 2, 2, 0);
  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  ck_assert_int_eq(store_batch_begin(b), 0);
  ck_assert_str_eq(pending(fx.st, 0, 1, buf, sizeof(buf)), "00001@1");
  ck_assert_str_eq(pending(b, 0, 100, buf, sizeof(buf)), "00002@2");
  ck_assert_int_eq(store_sla_mark(fx.st, t1, "diterima", 1, 10, 20), 0);
  ck_assert_int_eq(store_batch_commit(fx.st), 0);
  store_batch_rollback(b);
  ck_assert_int_eq(store_batch_begin(b), 0);
  ck_assert_str_eq(pending(b, 0, 100, buf, sizeof(buf)), "00002@2");
  store_batch_rollback(b);
  /* A status change in progress keeps its ticket out of the check. */
  ck_assert_int_eq(store_batch_begin(b), 0);
  ck_assert_int_eq(store_ticket_set_status(b, t2, "diterima",
                                           "diverifikasi", "siti", NULL,
                                           NULL, 30), 0);
  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  ck_assert_str_eq(pending(fx.st, 0, 100, buf, sizeof(buf)), "");
  store_batch_rollback(b);
  ck_assert_str_eq(pending(fx.st, 0, 100, buf, sizeof(buf)), "00002@2");
  store_batch_rollback(fx.st);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM ticket_overdue"), 1);
  store_close(b);
  fx_close(&fx);
}
END_TEST

/* Two daemons purge at once: each payload is cleared and counted by one
 * of them, each reporter purged by one; a reporter whose conversation
 * another daemon holds is left for later, and then, having written, is
 * kept. */
START_TEST(two_purges_share_the_work)
{
  struct fixture fx;
  struct store *b;
  struct store_purge p = {0}, q = {0};
  int64_t a, c;
  PGconn *talk;
  PGresult *r;
  char sql[160];

  fx_open(&fx);
  b = open_pg(fx.ci);
  a = reporter(&fx, "+6281100000001");
  message(&fx, a, "a1", 1 * DAY);
  c = reporter(&fx, "+6281100000002");
  message(&fx, c, "c1", 2 * DAY);
  p.payload_before = q.payload_before = 10 * DAY;
  p.personal_before = q.personal_before = 40 * DAY;
  p.now = q.now = 60 * DAY;
  p.limit = q.limit = 1;

  /* c's conversation is held by another daemon, which is taking a
   * message from c. */
  talk = PQconnectdb(fx.ci);
  ck_assert_int_eq(PQstatus(talk), CONNECTION_OK);
  snprintf(sql, sizeof(sql), "BEGIN; SELECT pg_advisory_xact_lock(3, %d)",
           (int)c);
  r = PQexec(talk, sql);
  ck_assert_int_eq(PQresultStatus(r), PGRES_TUPLES_OK);
  PQclear(r);

  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  ck_assert_int_eq(store_batch_begin(b), 0);
  ck_assert_int_eq(store_purge_step(fx.st, &p), 0);
  ck_assert_int_eq(p.payloads, 1);
  ck_assert_int_eq(p.reporters, 1);                  /* a */
  ck_assert_int_eq(store_purge_step(b, &q), 0);
  ck_assert_int_eq(q.payloads, 1);                   /* the other one */
  ck_assert_int_eq(q.reporters, 0);                  /* a is taken */
  ck_assert_int_eq(store_purge_step(b, &q), 0);
  ck_assert_int_eq(q.reporters, 0);                  /* c is talking */
  ck_assert_int_eq(store_batch_commit(fx.st), 0);
  ck_assert_int_eq(store_batch_commit(b), 0);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM inbound WHERE payload IS"
                      " NOT NULL"), 0);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM reporters WHERE purged_at"
                      " IS NOT NULL"), 1);

  /* c writes, and its daemon lets go: the next purge keeps c. */
  snprintf(sql, sizeof(sql), "INSERT INTO inbound (channel, provider_id,"
           " reporter_id, kind, received_at) VALUES ('wa', 'c2', %d,"
           " 'text', %lld); COMMIT", (int)c, 59 * DAY);
  r = PQexec(talk, sql);
  ck_assert_int_eq(PQresultStatus(r), PGRES_COMMAND_OK);
  PQclear(r);
  PQfinish(talk);
  ck_assert_int_eq(purge_from_start(b, &q, 60 * DAY), 0);
  ck_assert_int_eq(qi(&fx, "SELECT count(*) FROM reporters WHERE purged_at"
                      " IS NOT NULL AND id = %lld", (long long)a), 1);
  store_close(b);
  fx_close(&fx);
}
END_TEST

static Suite *
pg_case_suite(void)
{
  Suite *s = suite_create("pg_case");
  TCase *tc = tcase_create("core");

  tcase_add_test(tc, purge_takes_exactly_the_quiet_reporters);
  tcase_add_test(tc, zero_cut_offs_keep_everything);
  tcase_add_test(tc, a_draft_being_written_holds_the_purge);
  tcase_add_test(tc, a_held_draft_holds_the_purge);
  tcase_add_test(tc, identity_carries_and_purge_clears_bsuid);
  tcase_add_test(tc, reveals_are_recorded_in_order);
  tcase_add_test(tc, the_answer_goes_to_the_latest_open_question);
  tcase_add_test(tc, status_changes_only_from_the_status_it_is_at);
  tcase_add_test(tc, evidence_and_counts);
  tcase_add_test(tc, lists_filter_order_and_page);
  tcase_add_test(tc, lists_carry_the_ticket);
  tcase_add_test(tc, sla_marks_once_per_stay);
  tcase_add_test(tc, one_of_two_status_changes_wins);
  tcase_add_test(tc, one_daemon_per_overdue_ticket);
  tcase_add_test(tc, two_purges_share_the_work);
  suite_add_tcase(s, tc);
  return s;
}

PG_UNIT_MAIN(pg_case_suite)
