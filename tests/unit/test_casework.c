/*
 * test_casework.c: what the store keeps for casework beyond the ticket
 * itself: the retention purge, identity reveals and follow-up questions.
 *
 * Five reporters with known histories (days since the epoch as times):
 * the purge must take the personal data of exactly those with nothing
 * open, owed or recent, in as many bounded steps as it needs, and clear
 * only the raw payloads older than their cut-off; what a reveal records
 * must read back in order.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "testutil.h"

#define DAY (24LL * 3600 * 1000)

struct fixture {
  char *dir;
  char *path;
  struct store *st;
};

static void
fx_open(struct fixture *fx)
{
  struct store_opts o = {0};
  char err[256];

  fx->dir = tu_tmpdir();
  ck_assert_ptr_nonnull(fx->dir);
  fx->path = tu_path(fx->dir, "aduan.db");
  o.path = fx->path;
  o.busy_timeout_ms = 1000;
  ck_assert_msg(store_open(&fx->st, &o, err, sizeof(err)) == 0,
                "store_open: %s", err);
}

static void
fx_close(struct fixture *fx)
{
  store_close(fx->st);
  tu_rmrf(fx->dir);
  free(fx->path);
  free(fx->dir);
}

static int64_t
q_int(struct store *st, const char *sql, int64_t a)
{
  return tu_sql_int(store_sqlite_handle(st), sql, a);
}

static int64_t
reporter(struct store *st, const char *phone)
{
  int64_t id = 0;

  ck_assert_int_eq(store_reporter_ensure(st, phone, 1000, &id), 0);
  return id;
}

static void
message(struct store *st, int64_t rid, const char *pid, int64_t at)
{
  struct store_inbound in = {0};
  int64_t id = 0;

  in.channel = "wa";
  in.provider_id = pid;
  in.reporter_id = rid;
  in.kind = "text";
  in.body = "nama saya Budi Santoso";
  in.payload = "{\"from\":\"6281234567890\"}";
  in.payload_len = strlen(in.payload);
  in.received_at = at;
  ck_assert_int_eq(store_inbound_add(st, &in, &id), 0);
}

static int64_t
ticket(struct store *st, int64_t rid, int64_t at, int64_t closed_at)
{
  struct store_ticket_new t = {0};
  char number[32];
  int64_t id = 0;

  t.reporter_id = rid;
  t.channel = "wa";
  t.category = "pungli";
  t.terlapor = "Petugas loket";
  t.lokasi = "Kota Kupang";
  t.kronologi = "Petugas loket meminta uang tambahan untuk surat izin.";
  t.identitas = "rahasia";
  t.created_at = at;
  ck_assert_int_eq(store_ticket_create(st, &t, "NTT", "bot", &id, number),
                   0);
  if (closed_at > 0)
    ck_assert_int_eq(store_ticket_set_status(st, id, "diterima", "selesai",
                                             "budi", "Selesai.", NULL,
                                             closed_at), 0);
  return id;
}

static void
owed_reply(struct store *st, int64_t rid)
{
  struct store_outbox o = {0};
  int64_t id = 0;

  o.channel = "wa";
  o.reporter_id = rid;
  o.kind = "text";
  o.body = "Terima kasih, Budi.";
  o.status = "queued";
  o.created_at = 2 * DAY;
  ck_assert_int_eq(store_outbox_add(st, &o, &id), 0);
}

/*
 * For the purge tests about drafts: reporter +6281100000001 with one
 * message on day 1 and a WhatsApp session at step holding draft, last
 * touched at updated_at and expiring at expires_at.  Its id.
 */
static int64_t
reporter_with_draft(struct store *st, const char *step, const char *draft,
                    int64_t updated_at, int64_t expires_at)
{
  struct store_session s = {0};
  char family[] = "whatsapp", channel[] = "wa";
  char *step_copy = strdup(step), *draft_copy = strdup(draft);
  int64_t a;

  ck_assert(step_copy != NULL && draft_copy != NULL);
  a = reporter(st, "+6281100000001");
  message(st, a, "a1", 1 * DAY);
  s.reporter_id = a;
  s.family = family;
  s.channel = channel;
  s.step = step_copy;
  s.draft = draft_copy;
  s.updated_at = updated_at;
  s.expires_at = expires_at;
  ck_assert_int_eq(store_session_put(st, &s), 0);
  free(step_copy);
  free(draft_copy);
  return a;
}

/* One purge step over up to 10 reporters from the first, as of now, with
 * the rest of *p as the caller set it; how many reporters it purged. */
static int
purge_from_start(struct store *st, struct store_purge *p, int64_t now)
{
  p->after_reporter = 0;
  p->now = now;
  p->limit = 10;
  ck_assert_int_eq(store_purge_step(st, p), 0);
  return p->reporters;
}

START_TEST(purge_takes_exactly_the_quiet_reporters)
{
  struct fixture fx;
  struct store_purge p = {0};
  struct store_identity id;
  int64_t a, b, c, d, e, ta, tb, again;
  int steps = 0, payloads = 0, purged = 0;

  fx_open(&fx);
  /* a: ticket closed long ago, quiet since: purged. */
  a = reporter(fx.st, "+6281100000001");
  message(fx.st, a, "a1", 1 * DAY);
  ta = ticket(fx.st, a, 1 * DAY, 2 * DAY);
  ck_assert_int_eq(store_reporter_set_name(fx.st, a, "Budi Santoso"), 0);
  /* b: an open ticket: kept, however old. */
  b = reporter(fx.st, "+6281100000002");
  message(fx.st, b, "b1", 1 * DAY);
  tb = ticket(fx.st, b, 1 * DAY, 0);
  /* c: closed long ago, but wrote recently: kept. */
  c = reporter(fx.st, "+6281100000003");
  message(fx.st, c, "c1", 1 * DAY);
  ticket(fx.st, c, 1 * DAY, 2 * DAY);
  message(fx.st, c, "c2", 50 * DAY);
  /* d: never filed, quiet: purged. */
  d = reporter(fx.st, "+6281100000004");
  message(fx.st, d, "d1", 1 * DAY);
  /* e: quiet, but a reply is still owed to them: kept. */
  e = reporter(fx.st, "+6281100000005");
  message(fx.st, e, "e1", 1 * DAY);
  owed_reply(fx.st, e);

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
  /* Five reporters looked at two at a time; five old payloads, two a
   * step. */
  ck_assert_int_ge(steps, 3);
  ck_assert_int_eq(purged, 2);
  ck_assert_int_eq(payloads, 5);
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM inbound WHERE "
                                "payload IS NOT NULL", 0), 1);
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM reporters WHERE "
                                "purged_at IS NOT NULL", 0), 2);
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM reporters WHERE id = ?1"
                                " AND phone = 'purged:' || handle AND name IS"
                                " NULL AND purged_at = 60 * 86400000", a), 1);
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM reporters WHERE "
                                "purged_at IS NOT NULL AND id = ?1", d), 1);
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM reporters WHERE "
                                "phone LIKE '+62%'", 0), 3);
  /* Their messages' text is gone; everyone else's stays. */
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM inbound WHERE "
                                "reporter_id = ?1 AND body IS NOT NULL", a), 0);
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM inbound WHERE "
                                "body IS NOT NULL", 0), 4);
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM outbox WHERE "
                                "body <> ''", 0), 1);
  /* The report stays, under the same handle. */
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM tickets WHERE id = ?1"
                                " AND kronologi LIKE 'Petugas loket%'", ta),
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
  /* The same number writing again is someone new. */
  ck_assert_int_eq(store_reporter_ensure(fx.st, "+6281100000001", 61 * DAY,
                                         &again), 0);
  ck_assert_int_ne(again, a);
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
  fx_close(&fx);
}
END_TEST

START_TEST(zero_cut_offs_keep_everything)
{
  struct fixture fx;
  struct store_purge p = {0};
  int64_t a;

  fx_open(&fx);
  a = reporter(fx.st, "+6281100000001");
  message(fx.st, a, "a1", 1 * DAY);
  ticket(fx.st, a, 1 * DAY, 2 * DAY);
  p.now = 1000 * DAY;
  p.limit = 10;
  ck_assert_int_eq(store_purge_step(fx.st, &p), 0);
  ck_assert_int_eq(p.payloads + p.reporters + p.more, 0);
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM inbound WHERE "
                                "payload IS NOT NULL", 0), 1);
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM reporters WHERE "
                                "purged_at IS NULL", 0), 1);
  fx_close(&fx);
}
END_TEST

START_TEST(a_draft_being_written_holds_the_purge)
{
  struct fixture fx;
  struct store_purge p = {0};

  fx_open(&fx);
  /* Expiring at day 100: an unusually long draft_ttl. */
  reporter_with_draft(fx.st, "kronologi", "{\"nama\":\"Budi\"}", 1 * DAY,
                      100 * DAY);
  p.personal_before = 40 * DAY;
  ck_assert_int_eq(purge_from_start(fx.st, &p, 60 * DAY), 0);
  /* Once it expired, it goes, draft and all. */
  ck_assert_int_eq(purge_from_start(fx.st, &p, 101 * DAY), 1);
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM sessions WHERE "
                                "draft = '{}' AND step = 'menu'", 0), 1);
  fx_close(&fx);
}
END_TEST

/* A draft idle past its draft_ttl is still kept for draft_keep, and so is
 * its reporter's personal data. */
START_TEST(a_held_draft_holds_the_purge)
{
  struct fixture fx;
  struct store_purge p = {0};

  fx_open(&fx);
  reporter_with_draft(fx.st, "lokasi", "{\"terlapor\":\"Camat\"}", 99 * DAY,
                      100 * DAY);
  p.personal_before = 40 * DAY;
  p.draft_keep = 7 * DAY;
  ck_assert_int_eq(purge_from_start(fx.st, &p, 105 * DAY), 0);
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM sessions WHERE "
                                "draft LIKE '%Camat%'", 0), 1);
  ck_assert_int_eq(purge_from_start(fx.st, &p, 108 * DAY), 1);
  ck_assert_int_eq(q_int(fx.st, "SELECT count(*) FROM sessions WHERE "
                                "draft = '{}' AND step = 'menu'", 0), 1);
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
  a = reporter(fx.st, "+6281100000001");
  t = ticket(fx.st, a, 1 * DAY, 0);
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
  ck_assert_str_eq(v[1].actor, "siti (uid 1002)");
  ck_assert_str_eq(v[1].note, "Surat Inspektorat 700/1");
  store_events_free(v, n);
  ck_assert_int_eq(store_ticket_reveals(fx.st, t + 1, &v, &n), 0);
  ck_assert_int_eq(n, 0);
  store_events_free(v, n);
  {
    struct store_identity id;
    ck_assert_int_eq(store_ticket_identity(fx.st, t + 1, &id),
                     AERR_NOTFOUND);
    ck_assert_ptr_null(id.phone);
  }
  fx_close(&fx);
}
END_TEST

START_TEST(the_answer_goes_to_the_latest_open_question)
{
  struct fixture fx;
  struct store_question *v = NULL;
  int64_t a, t1, t2, q1 = 0, q2 = 0, qid = 0, tid = 0;
  char number[32];
  int n = 0;

  fx_open(&fx);
  a = reporter(fx.st, "+6281100000001");
  t1 = ticket(fx.st, a, 1 * DAY, 0);
  t2 = ticket(fx.st, a, 2 * DAY, 0);
  ck_assert_int_eq(store_question_waiting(fx.st, a, &qid, &tid, number),
                   AERR_NOTFOUND);
  ck_assert_int_eq(store_question_add(fx.st, t1, a, "budi", "Jam berapa?",
                                      3 * DAY, &q1), 0);
  ck_assert_int_eq(store_question_add(fx.st, t2, a, "siti", "Di loket mana?",
                                      4 * DAY, &q2), 0);
  ck_assert_int_eq(store_question_waiting(fx.st, a, &qid, &tid, number), 0);
  ck_assert_int_eq(qid, q2);
  ck_assert_int_eq(tid, t2);
  ck_assert_str_eq(number, "NTT-1970-00002");
  /* Answered once only. */
  ck_assert_int_eq(store_question_answer(fx.st, q2, 0, "Loket dua", 5 * DAY),
                   0);
  ck_assert_int_eq(store_question_answer(fx.st, q2, 0, "Loket tiga", 5 * DAY),
                   AERR_STATE);
  ck_assert_int_eq(store_question_waiting(fx.st, a, &qid, &tid, number), 0);
  ck_assert_int_eq(qid, q1);
  /* A closed ticket's question waits no more. */
  ck_assert_int_eq(store_ticket_set_status(fx.st, t1, "diterima", "ditolak",
                                           "budi", "Duplikat.", NULL,
                                           6 * DAY), 0);
  /* Not at that status any more; no such ticket at all. */
  ck_assert_int_eq(store_ticket_set_status(fx.st, t1, "diterima", "selesai",
                                           "budi", NULL, NULL, 6 * DAY),
                   AERR_STATE);
  ck_assert_int_eq(store_ticket_set_status(fx.st, t2 + 99, "diterima",
                                           "selesai", "budi", NULL, NULL,
                                           6 * DAY), AERR_NOTFOUND);
  ck_assert_int_eq(store_question_waiting(fx.st, a, &qid, &tid, number),
                   AERR_NOTFOUND);
  ck_assert_int_eq(store_ticket_questions(fx.st, t2, &v, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_str_eq(v[0].actor, "siti");
  ck_assert_str_eq(v[0].question, "Di loket mana?");
  ck_assert_str_eq(v[0].answer, "Loket dua");
  ck_assert_int_eq(v[0].answered_at, 5 * DAY);
  store_questions_free(v, n);
  ck_assert_int_eq(store_ticket_questions(fx.st, t1, &v, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(v[0].answered_at, 0);
  ck_assert_ptr_null(v[0].answer);
  store_questions_free(v, n);
  fx_close(&fx);
}
END_TEST

static Suite *
casework_suite(void)
{
  Suite *s = suite_create("casework");
  TCase *tc = tcase_create("store");

  tcase_add_test(tc, purge_takes_exactly_the_quiet_reporters);
  tcase_add_test(tc, zero_cut_offs_keep_everything);
  tcase_add_test(tc, a_draft_being_written_holds_the_purge);
  tcase_add_test(tc, a_held_draft_holds_the_purge);
  tcase_add_test(tc, reveals_are_recorded_in_order);
  tcase_add_test(tc, the_answer_goes_to_the_latest_open_question);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(casework_suite)
