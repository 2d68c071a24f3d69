/*
 * test_pg_send.c: the PostgreSQL backend's sender and downloader calls
 * (store_pg_send.c) against the test cluster (skipped without it): the
 * outbox as the sender takes, resumes and settles it, delivery reports,
 * unconfirmed replies, evidence downloads and the queue of deleted
 * evidence; held to what test_store.c, test_outbox.c, test_evidence.c and
 * test_chores.c hold the SQLite backend to, and to what several daemons
 * on one database need: two stores (two connections, instances "a" and
 * "b") never take the same row, a restart takes back only its own rows,
 * a delivery report lands at either.
 *
 * Rows are written with SQL by hand (tu_pg_exec), so that each call is
 * tried on its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/err.h"
#include "store/store.h"
#include "testutil.h"
#include "tu_pg.h"

#define T0 1773540000000LL

static struct store *
open_as(const char *ci, const char *instance)
{
  struct store_opts o = {0};
  struct store *st = NULL;
  char err[256];
  int rc;

  o.backend = "postgres";
  o.conninfo = ci;
  o.busy_timeout_ms = 2000;
  o.instance = instance;
  rc = store_open(&st, &o, err, sizeof(err));
  ck_assert_msg(rc == 0, "open: %s", err);
  return st;
}

/* A reporter with phone (or, phone NULL, known only by bsuid); its id. */
static int64_t
reporter(const char *ci, const char *phone, const char *bsuid)
{
  static int seq;
  char sql[512];

  seq++;
  if (phone != NULL)
    snprintf(sql, sizeof(sql), "INSERT INTO reporters (phone, handle,"
             " created_at, bsuid) VALUES ('%s', 'R-%08d', 1, %s%s%s)"
             " RETURNING id", phone, seq, bsuid ? "'" : "",
             bsuid ? bsuid : "NULL", bsuid ? "'" : "");
  else
    snprintf(sql, sizeof(sql), "INSERT INTO reporters (phone, handle,"
             " created_at, bsuid) VALUES ('bsuid:R-%08d', 'R-%08d', 1,"
             " '%s') RETURNING id", seq, seq, bsuid ? bsuid : "");
  return tu_pg_int(ci, sql, 0, 0);
}

/* A row with status to reporter on channel, due at due; its id. */
static int64_t
outbox_row(const char *ci, int64_t rep, const char *channel,
           const char *status, int64_t due)
{
  char sql[512];

  snprintf(sql, sizeof(sql), "INSERT INTO outbox (channel, reporter_id,"
           " kind, body, status, attempts, next_attempt_at, created_at,"
           " updated_at) VALUES ('%s', %lld, 'text', 'halo', '%s', 0, %lld,"
           " %lld, %lld) RETURNING id", channel, (long long)rep, status,
           (long long)due, (long long)T0, (long long)T0);
  return tu_pg_int(ci, sql, 0, 0);
}

/* 1 when outbox row id matches the SQL condition cond. */
static int
row_is(const char *ci, int64_t id, const char *cond)
{
  char sql[512];

  snprintf(sql, sizeof(sql), "SELECT count(*) FROM outbox WHERE id = $1"
           " AND %s", cond);
  return (int)tu_pg_int(ci, sql, 1, id);
}

static int
count_status(struct store *st, const char *status)
{
  int n = -1;

  ck_assert_int_eq(store_outbox_count(st, status, &n), 0);
  return n;
}

/* A first attempt's outcome: status, the provider's id, the next try. */
static struct store_outbox_outcome
send_outcome(const char *status, const char *pid, int64_t next)
{
  struct store_outbox_outcome o = {0};

  o.status = status;
  o.attempts = 1;
  o.provider_id = pid;
  o.next_attempt_at = next;
  o.now = T0 + 5;
  return o;
}

/* Record outcome status (with provider id pid, for "sent") for row id. */
static void
settle(struct store *st, int64_t id, const char *status, const char *pid,
       int64_t next)
{
  struct store_outbox_outcome o = send_outcome(status, pid, next);

  ck_assert_int_eq(store_outbox_set(st, id, &o), 0);
}

/* Take and settle: what test_store.c's outbox_and_identity_carry_bsuid
 * asks of the SQLite backend, with the claim and its owner. */
START_TEST(take_claims_rows_once)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_as(ci, "a");
  struct store_outbox_row *rows = NULL;
  int64_t a, b, c, oa, ob;
  int n = 0;

  a = reporter(ci, NULL, "ID.4471920083316652");
  b = reporter(ci, "+6281339401122", NULL);
  c = reporter(ci, "+6281339401133", NULL);
  oa = outbox_row(ci, a, "wa", "queued", T0);
  ob = outbox_row(ci, b, "wa", "queued", T0);
  outbox_row(ci, c, "wa", "queued", T0 + 60000);     /* not due yet */
  outbox_row(ci, c, "ks", "queued", T0);             /* another channel */
  tu_pg_exec(ci, "INSERT INTO inbound (channel, provider_id, reporter_id,"
             " kind, received_at) VALUES ('wa', 'm1', 2, 'text', 1234)");
  ck_assert_int_eq(store_outbox_take(st, "wa", T0, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(rows[0].id, oa);
  ck_assert_ptr_null(rows[0].phone);
  ck_assert_str_eq(rows[0].bsuid, "ID.4471920083316652");
  ck_assert_str_eq(rows[0].channel, "wa");
  ck_assert_str_eq(rows[0].kind, "text");
  ck_assert_str_eq(rows[0].body, "halo");
  ck_assert_int_eq(rows[0].created_at, T0);
  ck_assert_int_eq(rows[0].last_inbound_at, 0);
  ck_assert_int_eq(rows[1].id, ob);
  ck_assert_str_eq(rows[1].phone, "+6281339401122");
  ck_assert_ptr_null(rows[1].bsuid);
  ck_assert_int_eq(rows[1].last_inbound_at, 1234);
  store_outbox_rows_free(rows, n);
  ck_assert_int_eq(row_is(ci, oa, "status = 'sending' AND claimed_by = 'a'"
                          " AND updated_at = " "1773540000000"), 1);
  ck_assert_int_eq(count_status(st, "sending"), 2);
  ck_assert_int_eq(count_status(st, "queued"), 2);
  /* Handed out once (a negative limit is no limit, as on SQLite). */
  ck_assert_int_eq(store_outbox_take(st, "wa", T0, -1, &rows, &n), 0);
  ck_assert_int_eq(n, 0);
  ck_assert_ptr_null(rows);
  /* The limit is kept, oldest due first. */
  ck_assert_int_eq(store_outbox_take(st, "wa", T0 + 60000, 1, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  store_outbox_rows_free(rows, n);
  /* The outcome: sent keeps the provider's id and the time. */
  settle(st, oa, "sent", "p-1", 0);
  ck_assert_int_eq(row_is(ci, oa, "status = 'sent' AND provider_id = 'p-1'"
                          " AND sent_at = 1773540000005 AND attempts = 1"
                          " AND next_attempt_at IS NULL"), 1);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* One number's replies leave in the order written (test_outbox.c's
 * one_number_in_order): a newer row waits while an older one is queued
 * for a retry or sending; store_outbox_next names the retry's time. */
START_TEST(one_number_in_order)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_as(ci, "a");
  struct store_outbox_row *rows = NULL;
  int64_t a, b, first, second, other, next = 0;
  int n = 0;

  ck_assert_int_eq(store_outbox_next(st, &next), AERR_NOTFOUND);
  a = reporter(ci, "+6281234567890", NULL);
  b = reporter(ci, "+6281299990000", NULL);
  first = outbox_row(ci, a, "ks", "queued", T0);
  second = outbox_row(ci, a, "ks", "queued", T0);
  other = outbox_row(ci, b, "ks", "queued", T0 + 10);
  ck_assert_int_eq(store_outbox_next(st, &next), 0);
  ck_assert_int_eq(next, T0);
  ck_assert_int_eq(store_outbox_take(st, "ks", T0 + 10, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(rows[0].id, first);
  ck_assert_int_eq(rows[1].id, other);
  store_outbox_rows_free(rows, n);
  /* The first fails for now: the second still waits behind it. */
  settle(st, first, "queued", NULL, T0 + 1000);
  ck_assert_int_eq(store_outbox_take(st, "ks", T0 + 500, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 0);
  ck_assert_int_eq(store_outbox_next(st, &next), 0);
  ck_assert_int_eq(next, T0 + 1000);
  ck_assert_int_eq(store_outbox_take(st, "ks", T0 + 1000, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(rows[0].id, first);
  store_outbox_rows_free(rows, n);
  ck_assert_int_eq(store_outbox_next(st, &next), AERR_NOTFOUND);
  settle(st, first, "sent", "p-1", 0);
  ck_assert_int_eq(store_outbox_take(st, "ks", T0 + 1000, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(rows[0].id, second);
  store_outbox_rows_free(rows, n);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* The outcome's fields: attempts -1 and kind NULL leave them, a kind is
 * taken, a retry's time is kept. */
START_TEST(set_keeps_what_is_unchanged)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_as(ci, "a");
  struct store_outbox_outcome o = {0};
  int64_t id = outbox_row(ci, reporter(ci, "+6281234567890", NULL), "wa",
                          "sending", T0);

  tu_pg_exec(ci, "UPDATE outbox SET attempts = 3, provider_id = 'p-9'");
  o.status = "queued";
  o.attempts = -1;
  o.next_attempt_at = T0 + 700;
  o.last_error = "131047";
  o.now = T0 + 1;
  ck_assert_int_eq(store_outbox_set(st, id, &o), 0);
  ck_assert_int_eq(row_is(ci, id, "status = 'queued' AND attempts = 3"
                          " AND kind = 'text' AND provider_id = 'p-9'"
                          " AND next_attempt_at = 1773540000700"
                          " AND last_error = '131047' AND sent_at IS NULL"),
                   1);
  o.kind = "template";
  o.attempts = 4;
  ck_assert_int_eq(store_outbox_set(st, id, &o), 0);
  ck_assert_int_eq(row_is(ci, id, "kind = 'template' AND attempts = 4"), 1);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* store_outbox_bsuid as test_store.c holds SQLite to it, and a conflict
 * that does not spoil the batch it is met in. */
START_TEST(bsuid_linked_once)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_as(ci, "a");
  int64_t a, b, c, oa, ob, oc;

  a = reporter(ci, NULL, "ID.4471920083316652");
  b = reporter(ci, "+6281339401122", NULL);
  c = reporter(ci, "+6281339401133", NULL);
  oa = outbox_row(ci, a, "wa", "sent", T0);
  ob = outbox_row(ci, b, "wa", "sent", T0);
  oc = outbox_row(ci, c, "wa", "sent", T0);
  ck_assert_int_eq(store_outbox_bsuid(st, ob, "ID.2290417730058813"), 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters WHERE"
                             " id = $1 AND bsuid = 'ID.2290417730058813'",
                             1, b), 1);
  ck_assert_int_eq(store_outbox_bsuid(st, ob, "ID.2290417730058814"),
                   AERR_NOTFOUND);
  ck_assert_int_eq(store_outbox_bsuid(st, oa, "ID.2290417730058813"),
                   AERR_NOTFOUND);
  ck_assert_int_eq(store_outbox_bsuid(st, 999, "ID.1"), AERR_NOTFOUND);
  /* Held by another reporter: AERR_DUP, and the batch goes on. */
  ck_assert_int_eq(store_batch_begin(st), 0);
  ck_assert_int_eq(store_outbox_bsuid(st, oc, "ID.2290417730058813"),
                   AERR_DUP);
  ck_assert_int_eq(store_outbox_count(st, "sent", &(int){0}), 0);
  ck_assert_int_eq(store_batch_commit(st), 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters WHERE"
                             " id = $1 AND bsuid IS NULL", 1, c), 1);
  /* A purged reporter takes none. */
  tu_pg_exec(ci, "UPDATE reporters SET purged_at = 1 WHERE bsuid IS NULL");
  ck_assert_int_eq(store_outbox_bsuid(st, oc, "ID.5"), AERR_NOTFOUND);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* Delivery reports: by the provider's id or "outbox:<id>", never
 * backwards, AERR_NOTFOUND for no row. */
START_TEST(delivery_moves_forward)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_as(ci, "a");
  int64_t id, other, got = 0;
  char *kind = NULL, ref[40];

  id = outbox_row(ci, reporter(ci, "+6281234567890", NULL), "wa", "sent",
                  T0);
  other = outbox_row(ci, reporter(ci, "+6281234567891", NULL), "wa", "sent",
                     T0);
  tu_pg_exec(ci, "UPDATE outbox SET provider_id = 'wamid.1',"
             " last_error = 'x' WHERE id = 1");
  ck_assert_int_eq(store_outbox_delivery(st, "wa", "wamid.1", "delivered",
                                         NULL, T0 + 1, &got, &kind), 0);
  ck_assert_int_eq(got, id);
  ck_assert_str_eq(kind, "text");
  free(kind);
  ck_assert_int_eq(row_is(ci, id, "delivery = 'delivered' AND delivery_at ="
                          " 1773540000001 AND last_error = 'x'"), 1);
  /* "sent" after "delivered" changes nothing, and still names the row. */
  ck_assert_int_eq(store_outbox_delivery(st, "wa", "wamid.1", "sent", NULL,
                                         T0 + 2, &got, &kind), 0);
  ck_assert_int_eq(got, id);
  free(kind);
  ck_assert_int_eq(row_is(ci, id, "delivery = 'delivered' AND delivery_at ="
                          " 1773540000001"), 1);
  ck_assert_int_eq(store_outbox_delivery(st, "wa", "wamid.1", "failed",
                                         "131047", T0 + 3, &got, &kind), 0);
  free(kind);
  ck_assert_int_eq(row_is(ci, id, "delivery = 'failed' AND"
                          " last_error = '131047'"), 1);
  /* By our own id, on its channel only. */
  snprintf(ref, sizeof(ref), "outbox:%lld", (long long)other);
  ck_assert_int_eq(store_outbox_delivery(st, "wa", ref, "read", NULL, T0 + 4,
                                         &got, &kind), 0);
  ck_assert_int_eq(got, other);
  free(kind);
  ck_assert_int_eq(row_is(ci, other, "delivery = 'read'"), 1);
  ck_assert_int_eq(store_outbox_delivery(st, "ks", ref, "read", NULL, T0,
                                         &got, &kind), AERR_NOTFOUND);
  ck_assert_ptr_null(kind);
  ck_assert_int_eq(store_outbox_delivery(st, "wa", "outbox:x", "read", NULL,
                                         T0, &got, &kind), AERR_NOTFOUND);
  ck_assert_int_eq(store_outbox_delivery(st, "wa", "wamid.2", "read", NULL,
                                         T0, &got, &kind), AERR_NOTFOUND);
  ck_assert_ptr_null(kind);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* The check looks only at replies a delivery report is awaited for
 * (test_store.c's unconfirmed_index_holds_awaited_reports_only): not at
 * one sent where none will come (no_report), nor at an inline reply. */
START_TEST(unconfirmed_only_where_awaited)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_as(ci, "a");
  struct store_outbox o = {0};
  struct store_unconfirmed *rows = NULL;
  int64_t rep, awaited, silent, inline_id = 0;
  int n = -1;

  rep = reporter(ci, "+6281234567890", NULL);
  awaited = outbox_row(ci, rep, "wa", "queued", T0);
  silent = outbox_row(ci, rep, "wa", "queued", T0);
  settle(st, awaited, "sent", "wamid.1", 0);
  {
    struct store_outbox_outcome out = send_outcome("sent", "wamid.2", 0);

    out.no_report = 1;
    ck_assert_int_eq(store_outbox_set(st, silent, &out), 0);
  }
  o.channel = "wa";
  o.reporter_id = rep;
  o.kind = "text";
  o.body = "halo";
  o.status = "sent";
  o.created_at = T0;
  ck_assert_int_eq(store_outbox_add(st, &o, &inline_id), 0);
  tu_pg_exec(ci, "UPDATE outbox SET sent_at = 100");
  ck_assert_int_eq(store_batch_begin(st), 0);
  ck_assert_int_eq(store_outbox_flag_unconfirmed(st, "wa", 200, T0, 10,
                                                 &rows, &n), 0);
  ck_assert_int_eq(store_batch_commit(st), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(rows[0].id, awaited);
  store_unconfirmed_free(rows, n);
  ck_assert_int_eq(row_is(ci, silent, "unconfirmed_at IS NULL"), 1);
  ck_assert_int_eq(row_is(ci, inline_id, "unconfirmed_at IS NULL"), 1);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* Unconfirmed replies (test_chores.c's checker, at the store): flagged
 * once, listed until a report lands, counted. */
START_TEST(unconfirmed_flagged_once)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_as(ci, "a");
  struct store_unconfirmed *rows = NULL;
  int64_t rep, r1, r2, r3;
  int n = 0;

  rep = reporter(ci, "+6281234567890", NULL);
  r1 = outbox_row(ci, rep, "wa", "sent", 0);
  r2 = outbox_row(ci, rep, "wa", "sent", 0);
  r3 = outbox_row(ci, rep, "wa", "sent", 0);
  outbox_row(ci, rep, "ks", "sent", 0);
  tu_pg_exec(ci, "UPDATE outbox SET sent_at = 100 + id");
  tu_pg_exec(ci, "INSERT INTO tickets (number, year, seq, reporter_id,"
             " channel, status, created_at, updated_at) VALUES"
             " ('NTT-2026-00007', 2026, 7, 1, 'wa', 'diterima', 1, 1)");
  tu_pg_exec(ci, "UPDATE outbox SET ticket_id = 1 WHERE id = 2");
  ck_assert_int_eq(store_outbox_count_unconfirmed(st, &n), 0);
  ck_assert_int_eq(n, 0);
  ck_assert_int_eq(store_batch_begin(st), 0);
  ck_assert_int_eq(store_outbox_flag_unconfirmed(st, "wa", 102, T0, 10,
                                                 &rows, &n), 0);
  ck_assert_int_eq(store_batch_commit(st), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(rows[0].id, r1);
  ck_assert_str_eq(rows[0].phone, "+6281234567890");
  ck_assert_ptr_nonnull(rows[0].handle);
  ck_assert_ptr_null(rows[0].ticket);
  ck_assert_str_eq(rows[0].kind, "text");
  ck_assert_int_eq(rows[0].sent_at, 101);
  ck_assert_int_eq(rows[0].flagged_at, T0);
  ck_assert_int_eq(rows[1].id, r2);
  ck_assert_str_eq(rows[1].ticket, "NTT-2026-00007");
  store_unconfirmed_free(rows, n);
  ck_assert_int_eq(store_outbox_flag_unconfirmed(st, "wa", 103, T0 + 1, 10,
                                                 &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(rows[0].id, r3);
  store_unconfirmed_free(rows, n);
  ck_assert_int_eq(store_outbox_count_unconfirmed(st, &n), 0);
  ck_assert_int_eq(n, 3);
  ck_assert_int_eq(store_outbox_unconfirmed(st, 2, &rows, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(rows[1].flagged_at, T0);
  store_unconfirmed_free(rows, n);
  /* A late report still lands, and the row leaves the list. */
  tu_pg_exec(ci, "UPDATE outbox SET delivery = 'delivered' WHERE id = 1");
  ck_assert_int_eq(store_outbox_unconfirmed(st, 0, &rows, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(rows[0].id, r2);
  ck_assert_int_eq(rows[1].flagged_at, T0 + 1);
  store_unconfirmed_free(rows, n);
  ck_assert_int_eq(store_outbox_count_unconfirmed(st, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(store_outbox_flag_unconfirmed(st, "ks", 200, T0, -1,
                                                 &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  store_unconfirmed_free(rows, n);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* n pending evidence rows of a message on "wa"; the first row's id. */
static int64_t
evidence_rows(const char *ci, int n)
{
  char sql[512];
  int64_t rep = reporter(ci, "+6281234567890", NULL), in;

  snprintf(sql, sizeof(sql), "INSERT INTO inbound (channel, provider_id,"
           " reporter_id, kind, received_at) VALUES ('wa', 'm1', %lld,"
           " 'media', %lld) RETURNING id", (long long)rep, (long long)T0);
  in = tu_pg_int(ci, sql, 0, 0);
  snprintf(sql, sizeof(sql), "INSERT INTO evidence (inbound_id, mime,"
           " source_url, status, received_at) SELECT %lld, 'image/jpeg',"
           " 'media-' || g, 'pending', %lld + g FROM generate_series(1, %d)"
           " g", (long long)in, (long long)T0, n);
  tu_pg_exec(ci, sql);
  return tu_pg_int(ci, "SELECT min(id) FROM evidence", 0, 0);
}

static struct store_evidence_outcome
outcome(const char *status, int claim)
{
  struct store_evidence_outcome o = {0};

  o.status = status;
  o.attempts = claim + 1;
  o.claim = claim;
  o.now = T0 + 9;
  if (strcmp(status, "stored") == 0) {
    o.sha256 = "ab12";
    o.path = "ab12";
    o.size = 2048;
    o.mime = "image/png";
  } else {
    o.last_error = "503";
  }
  return o;
}

/* Pending downloads whose time came, oldest first, with their message's
 * channel; an outcome only for the attempt that was started. */
START_TEST(evidence_due_and_set)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_as(ci, "a");
  struct store_evidence_row *rows = NULL;
  struct store_evidence_outcome o;
  int64_t first = evidence_rows(ci, 3);
  int n = 0;

  ck_assert_int_eq(store_evidence_due(st, T0, 2, &rows, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(rows[0].id, first);
  ck_assert_str_eq(rows[0].channel, "wa");
  ck_assert_str_eq(rows[0].source, "media-1");
  ck_assert_str_eq(rows[0].mime, "image/jpeg");
  ck_assert_int_eq(rows[0].attempts, 0);
  ck_assert_int_eq(rows[0].received_at, T0 + 1);
  ck_assert_int_eq(rows[1].id, first + 1);
  store_evidence_rows_free(rows, n);
  o = outcome("stored", 0);
  ck_assert_int_eq(store_evidence_set(st, first, &o), 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM evidence WHERE id = $1"
                             " AND status = 'stored' AND sha256 = 'ab12'"
                             " AND size = 2048 AND mime = 'image/png'"
                             " AND stored_at = 1773540000009"
                             " AND attempts = 1 AND claimed_by IS NULL",
                             1, first), 1);
  /* Only once, and only for the attempt that was started. */
  ck_assert_int_eq(store_evidence_set(st, first, &o), AERR_NOTFOUND);
  o = outcome("pending", 5);
  ck_assert_int_eq(store_evidence_set(st, first + 1, &o), AERR_NOTFOUND);
  /* A retry waits for its time. */
  o = outcome("pending", 0);
  o.next_attempt_at = T0 + 1000;
  ck_assert_int_eq(store_evidence_set(st, first + 1, &o), 0);
  ck_assert_int_eq(store_evidence_due(st, T0 + 999, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(rows[0].id, first + 2);
  store_evidence_rows_free(rows, n);
  ck_assert_int_eq(store_evidence_due(st, T0 + 1000, -1, &rows, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(rows[0].id, first + 1);
  ck_assert_int_eq(rows[0].attempts, 1);
  store_evidence_rows_free(rows, n);
  o = outcome("failed", 1);
  ck_assert_int_eq(store_evidence_set(st, first + 1, &o), 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM evidence WHERE"
                             " status = 'failed' AND last_error = '503'",
                             0, 0), 1);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* Two daemons: a download handed to one is not handed to the other while
 * its lease lasts (nor while the claim's batch is open: no waiting); its
 * holder gets it back at every poll, renewing the lease; once the lease
 * runs out (the holder died) the other takes it. */
START_TEST(evidence_leased_to_one_daemon)
{
  const int64_t lease = 10 * 60 * 1000;
  char *ci = tu_pg_newdb();
  struct store *a = open_as(ci, "a"), *b = open_as(ci, "b");
  struct store_evidence_row *rows = NULL;
  struct store_evidence_outcome o;
  int64_t first = evidence_rows(ci, 3), x = T0 + 1000 + lease;
  int n = 0;

  ck_assert_int_eq(store_evidence_due(a, T0, 2, &rows, &n), 0);
  ck_assert_int_eq(n, 2);
  store_evidence_rows_free(rows, n);
  ck_assert_int_eq(store_evidence_due(b, T0, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(rows[0].id, first + 2);
  store_evidence_rows_free(rows, n);
  ck_assert_int_eq(store_evidence_due(a, T0 + 1000, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(rows[0].id, first);
  ck_assert_int_eq(rows[1].id, first + 1);
  store_evidence_rows_free(rows, n);
  /* b's lease ran out, a's was renewed: a takes two in an open batch, and
   * b skips them without waiting. */
  ck_assert_int_eq(store_batch_begin(a), 0);
  ck_assert_int_eq(store_evidence_due(a, x, 2, &rows, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(rows[0].id, first);
  store_evidence_rows_free(rows, n);
  ck_assert_int_eq(store_evidence_due(b, x, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(rows[0].id, first + 2);
  store_evidence_rows_free(rows, n);
  ck_assert_int_eq(store_batch_commit(a), 0);
  ck_assert_int_eq(store_evidence_due(b, x + lease - 1, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  store_evidence_rows_free(rows, n);
  /* a is gone for good: once its lease ran out, b takes its rows. */
  ck_assert_int_eq(store_evidence_due(b, x + lease, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 3);
  store_evidence_rows_free(rows, n);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM evidence"
                             " WHERE claimed_by = 'b'", 0, 0), 3);
  /* The outcome of a's download, had it come, still lands once. */
  o = outcome("stored", 0);
  ck_assert_int_eq(store_evidence_set(a, first, &o), 0);
  ck_assert_int_eq(store_evidence_set(b, first, &o), AERR_NOTFOUND);
  store_close(a);
  store_close(b);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* Deleted evidence rows are queued (0009's trigger) and taken once, with
 * the file when no row refers to it any more. */
START_TEST(dropped_evidence_taken_once)
{
  char *ci = tu_pg_newdb();
  struct store *a = open_as(ci, "a"), *b = open_as(ci, "b");
  struct store_evidence_dropped *v = NULL;
  int64_t first = evidence_rows(ci, 5);
  int n = 0, refs = -1;

  ck_assert_int_eq(store_evidence_dropped_since(a), 0);
  tu_pg_exec(ci, "UPDATE evidence SET sha256 = 'aa' WHERE id IN (1, 2)");
  tu_pg_exec(ci, "UPDATE evidence SET sha256 = 'bb' WHERE id IN (3)");
  ck_assert_int_eq(store_evidence_referenced(a, "aa", &refs), 0);
  ck_assert_int_eq(refs, 2);
  ck_assert_int_eq(store_evidence_referenced(a, "cc", &refs), 0);
  ck_assert_int_eq(refs, 0);
  tu_pg_exec(ci, "DELETE FROM evidence WHERE id = 1");
  tu_pg_exec(ci, "DELETE FROM evidence WHERE id = 3");
  tu_pg_exec(ci, "DELETE FROM evidence WHERE id IN (4, 5)");
  /* a takes two in its batch; b, meanwhile, gets only the others. */
  ck_assert_int_eq(store_batch_begin(a), 0);
  ck_assert_int_eq(store_evidence_take_dropped(a, 2, &v, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(v[0].id, first);
  ck_assert_ptr_null(v[0].sha256);            /* row 2 still has "aa" */
  ck_assert_int_eq(v[1].id, first + 2);
  ck_assert_str_eq(v[1].sha256, "bb");
  ck_assert_int_lt(v[0].seq, v[1].seq);
  store_evidence_dropped_free(v, n);
  ck_assert_int_eq(store_batch_begin(b), 0);
  ck_assert_int_eq(store_evidence_take_dropped(b, 10, &v, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(v[0].id, first + 3);
  ck_assert_int_eq(v[1].id, first + 4);
  store_evidence_dropped_free(v, n);
  ck_assert_int_eq(store_batch_commit(b), 0);
  ck_assert_int_eq(store_batch_commit(a), 0);
  ck_assert_int_eq(store_evidence_take_dropped(a, 10, &v, &n), 0);
  ck_assert_int_eq(n, 0);
  ck_assert_ptr_null(v);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM evidence_dropped",
                             0, 0), 0);
  /* Rolled back, a take gives its rows back. */
  tu_pg_exec(ci, "DELETE FROM evidence WHERE id = 2");
  ck_assert_int_eq(store_batch_begin(a), 0);
  ck_assert_int_eq(store_evidence_take_dropped(a, 10, &v, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_str_eq(v[0].sha256, "aa");
  store_evidence_dropped_free(v, n);
  store_batch_rollback(a);
  ck_assert_int_eq(store_evidence_take_dropped(b, -1, &v, &n), 0);
  ck_assert_int_eq(n, 1);
  store_evidence_dropped_free(v, n);
  /* A draft's evidence dropped through a store raises its hint once. */
  ck_assert_int_eq(store_evidence_dropped_since(a), 0);
  tu_pg_exec(ci, "INSERT INTO sessions (reporter_id, family, channel, step,"
             " updated_at) VALUES (1, 'wa', 'wa', 'bukti', 1)");
  tu_pg_exec(ci, "INSERT INTO evidence (session_id, inbound_id, mime,"
             " source_url, status, received_at) VALUES (1, 1, 'image/jpeg',"
             " 'm', 'pending', 1)");
  ck_assert_int_eq(store_evidence_drop(a, 1), 0);
  ck_assert_int_eq(store_evidence_dropped_since(a), 1);
  ck_assert_int_eq(store_evidence_dropped_since(a), 0);
  ck_assert_int_eq(store_evidence_dropped_since(b), 0);
  ck_assert_int_eq(store_evidence_take_dropped(b, 10, &v, &n), 0);
  ck_assert_int_eq(n, 1);
  store_evidence_dropped_free(v, n);
  store_close(a);
  store_close(b);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* ---- Several daemons ---- */

/* Two daemons take in interleaved batches: neither waits for the other's
 * claim, no row goes to both, every row goes to one, each row names its
 * taker; a newer row to a number waits behind an older one claimed by the
 * other daemon. */
START_TEST(two_daemons_take_apart)
{
  char *ci = tu_pg_newdb();
  struct store *st[2] = {open_as(ci, "a"), open_as(ci, "b")};
  static const char *const cond[2] = {"claimed_by = 'a'",
                                      "claimed_by = 'b'"};
  char seen[64] = {0};
  int64_t rep, id;
  int i, k, n = 0, total = 0, round;

  for (i = 0; i < 40; i++) {
    char phone[32];
    snprintf(phone, sizeof(phone), "+62812000000%02d", i);
    rep = reporter(ci, phone, NULL);
    outbox_row(ci, rep, "wa", "queued", T0);
  }
  for (round = 0; round < 6; round++) {
    for (k = 0; k < 2; k++)
      ck_assert_int_eq(store_batch_begin(st[k]), 0);
    for (i = 0; i < 2; i++) {
      for (k = 0; k < 2; k++) {
        struct store_outbox_row *rows = NULL;
        int j;
        ck_assert_int_eq(store_outbox_take(st[k], "wa", T0, 3, &rows, &n),
                         0);
        for (j = 0; j < n; j++) {
          ck_assert_int_lt(rows[j].id, 64);
          ck_assert_msg(!seen[rows[j].id], "row %lld taken twice",
                        (long long)rows[j].id);
          seen[rows[j].id] = (char)(k + 1);
          total++;
        }
        store_outbox_rows_free(rows, n);
      }
    }
    for (k = 0; k < 2; k++)
      ck_assert_int_eq(store_batch_commit(st[k]), 0);
  }
  ck_assert_int_eq(total, 40);
  for (id = 1; id <= 40; id++)
    ck_assert_int_eq(row_is(ci, id, cond[seen[id] - 1]), 1);
  /* The order of one number holds across daemons. */
  rep = reporter(ci, "+6281299999999", NULL);
  id = outbox_row(ci, rep, "ks", "queued", T0);
  outbox_row(ci, rep, "ks", "queued", T0);
  ck_assert_int_eq(store_batch_begin(st[0]), 0);
  {
    struct store_outbox_row *rows = NULL;
    ck_assert_int_eq(store_outbox_take(st[0], "ks", T0, 5, &rows, &n), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(rows[0].id, id);
    store_outbox_rows_free(rows, n);
    ck_assert_int_eq(store_outbox_take(st[1], "ks", T0, 5, &rows, &n), 0);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(store_batch_commit(st[0]), 0);
    ck_assert_int_eq(store_outbox_take(st[1], "ks", T0, 5, &rows, &n), 0);
    ck_assert_int_eq(n, 0);
  }
  for (k = 0; k < 2; k++)
    store_close(st[k]);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* Take in a loop as instance name until nothing is left for a while,
 * writing each id taken to fd. */
static void
take_all(const char *ci, const char *name, int fd)
{
  struct store *st = open_as(ci, name);
  int idle = 0, n, j;

  while (idle < 20) {
    struct store_outbox_row *rows = NULL;
    if (store_batch_begin(st) != 0 ||
        store_outbox_take(st, "wa", T0, 4, &rows, &n) != 0)
      _exit(2);
    for (j = 0; j < n; j++)
      if (write(fd, &rows[j].id, sizeof(rows[j].id)) !=
          (ssize_t)sizeof(rows[j].id))
        _exit(3);
    store_outbox_rows_free(rows, n);
    if (store_batch_commit(st) != 0)
      _exit(4);
    idle = n == 0 ? idle + 1 : 0;
  }
  store_close(st);
  _exit(0);
}

/* Two processes take at the same time, as fast as they can: each of 300
 * rows is taken exactly once. */
START_TEST(concurrent_takers_never_share)
{
  char *ci = tu_pg_newdb();
  static char seen[512];
  pid_t pid[2];
  int fds[2], k, status, total = 0;
  int64_t id;

  memset(seen, 0, sizeof(seen));
  store_close(open_as(ci, "a"));             /* migrates */
  tu_pg_exec(ci, "INSERT INTO reporters (phone, handle, created_at)"
             " SELECT '+628120' || g, 'R-' || g, 1"
             " FROM generate_series(1, 300) g");
  tu_pg_exec(ci, "INSERT INTO outbox (channel, reporter_id, kind, body,"
             " status, next_attempt_at, created_at, updated_at)"
             " SELECT 'wa', id, 'text', 'halo', 'queued', 0, 0, 0"
             " FROM reporters ORDER BY id");
  ck_assert_int_eq(pipe(fds), 0);
  for (k = 0; k < 2; k++) {
    pid[k] = fork();
    ck_assert_int_ne(pid[k], -1);
    if (pid[k] == 0) {
      close(fds[0]);
      take_all(ci, k == 0 ? "a" : "b", fds[1]);
    }
  }
  close(fds[1]);
  while (read(fds[0], &id, sizeof(id)) == (ssize_t)sizeof(id)) {
    ck_assert(id > 0 && id < (int64_t)sizeof(seen));
    ck_assert_msg(!seen[id], "row %lld taken twice", (long long)id);
    seen[id] = 1;
    total++;
  }
  close(fds[0]);
  for (k = 0; k < 2; k++) {
    ck_assert_int_eq(waitpid(pid[k], &status, 0), pid[k]);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "taker %d ended with %d", k, status);
  }
  ck_assert_int_eq(total, 300);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM outbox WHERE"
                             " status = 'sending' AND claimed_by IN"
                             " ('a', 'b')", 0, 0), 300);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* A restart takes back its own "sending" rows (and those nobody
 * claimed), never another live daemon's. */
START_TEST(resume_takes_back_only_its_own)
{
  char *ci = tu_pg_newdb();
  struct store *a = open_as(ci, "a"), *b = open_as(ci, "b");
  struct store_outbox_row *rows = NULL;
  int64_t rep, ra, rb, orphan;
  int n = 0;

  rep = reporter(ci, "+6281234567890", NULL);
  ra = outbox_row(ci, rep, "wa", "queued", T0);
  rep = reporter(ci, "+6281234567891", NULL);
  rb = outbox_row(ci, rep, "wa", "queued", T0);
  rep = reporter(ci, "+6281234567892", NULL);
  orphan = outbox_row(ci, rep, "wa", "sending", T0);
  ck_assert_int_eq(store_outbox_take(a, "wa", T0, 1, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(rows[0].id, ra);
  store_outbox_rows_free(rows, n);
  ck_assert_int_eq(store_outbox_take(b, "wa", T0, 1, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(rows[0].id, rb);
  store_outbox_rows_free(rows, n);
  ck_assert_int_eq(store_outbox_resume(b, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_int_eq(row_is(ci, rb, "status = 'queued'"), 1);
  ck_assert_int_eq(row_is(ci, orphan, "status = 'queued'"), 1);
  ck_assert_int_eq(row_is(ci, ra, "status = 'sending'"), 1);
  ck_assert_int_eq(store_outbox_resume(b, &n), 0);
  ck_assert_int_eq(n, 0);
  ck_assert_int_eq(store_outbox_resume(a, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(count_status(a, "queued"), 3);
  store_close(a);
  store_close(b);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* A delivery report reaching daemon b lands on the row daemon a sent;
 * unconfirmed rows are flagged by one daemon only. */
START_TEST(reports_land_at_either)
{
  char *ci = tu_pg_newdb();
  struct store *a = open_as(ci, "a"), *b = open_as(ci, "b");
  struct store_outbox_row *rows = NULL;
  struct store_unconfirmed *u = NULL;
  int64_t rep, id, got = 0;
  char *kind = NULL;
  int n = 0, i;

  rep = reporter(ci, "+6281234567890", NULL);
  id = outbox_row(ci, rep, "wa", "queued", T0);
  ck_assert_int_eq(store_outbox_take(a, "wa", T0, 5, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  store_outbox_rows_free(rows, n);
  settle(a, id, "sent", "wamid.HBgN", 0);
  ck_assert_int_eq(store_outbox_delivery(b, "wa", "wamid.HBgN", "delivered",
                                         NULL, T0 + 7, &got, &kind), 0);
  ck_assert_int_eq(got, id);
  ck_assert_str_eq(kind, "text");
  free(kind);
  ck_assert_int_eq(row_is(ci, id, "delivery = 'delivered' AND"
                          " claimed_by = 'a'"), 1);
  ck_assert_int_eq(store_outbox_delivery(a, "wa", "wamid.HBgN", "read", NULL,
                                         T0 + 8, &got, &kind), 0);
  free(kind);
  ck_assert_int_eq(store_outbox_delivery(b, "wa", "wamid.HBgN", "delivered",
                                         NULL, T0 + 9, &got, &kind), 0);
  free(kind);
  ck_assert_int_eq(row_is(ci, id, "delivery = 'read' AND delivery_at ="
                          " 1773540000008"), 1);
  /* Four sent rows without a report: a's batch flags two, b the others. */
  for (i = 0; i < 4; i++)
    outbox_row(ci, rep, "wa", "sent", 0);
  tu_pg_exec(ci, "UPDATE outbox SET sent_at = 10 WHERE delivery IS NULL");
  ck_assert_int_eq(store_batch_begin(a), 0);
  ck_assert_int_eq(store_outbox_flag_unconfirmed(a, "wa", 10, T0, 2, &u, &n),
                   0);
  ck_assert_int_eq(n, 2);
  store_unconfirmed_free(u, n);
  ck_assert_int_eq(store_outbox_flag_unconfirmed(b, "wa", 10, T0, 10, &u,
                                                 &n), 0);
  ck_assert_int_eq(n, 2);
  store_unconfirmed_free(u, n);
  ck_assert_int_eq(store_batch_commit(a), 0);
  ck_assert_int_eq(store_outbox_flag_unconfirmed(b, "wa", 10, T0, 10, &u,
                                                 &n), 0);
  ck_assert_int_eq(n, 0);
  ck_assert_int_eq(store_outbox_count_unconfirmed(b, &n), 0);
  ck_assert_int_eq(n, 4);
  store_close(a);
  store_close(b);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* 1 when a session of the database is waiting for a lock. */
static int
someone_waits(const char *ci)
{
  return tu_pg_int(ci, "SELECT count(*) FROM pg_stat_activity WHERE"
                   " datname = current_database() AND"
                   " wait_event_type = 'Lock'", 0, 0) > 0;
}

/* Two reports of one row reach two daemons at once: "read" at a, whose
 * batch is still open, and "delivered" at b, which waits for it.  The row
 * ends at "read": b's report, older in rank, does not move it back. */
START_TEST(racing_reports_end_at_the_later)
{
  char *ci = tu_pg_newdb();
  struct store *a = open_as(ci, "a");
  int64_t id, got = 0;
  char *kind = NULL;
  pid_t pid;
  int status, i;

  id = outbox_row(ci, reporter(ci, "+6281234567890", NULL), "wa", "sent",
                  T0);
  tu_pg_exec(ci, "UPDATE outbox SET provider_id = 'wamid.R'");
  ck_assert_int_eq(store_batch_begin(a), 0);
  ck_assert_int_eq(store_outbox_delivery(a, "wa", "wamid.R", "read", NULL,
                                         T0 + 1, &got, &kind), 0);
  free(kind);
  pid = fork();
  ck_assert_int_ne(pid, -1);
  if (pid == 0) {
    struct store *b = open_as(ci, "b");
    int rc = store_outbox_delivery(b, "wa", "wamid.R", "delivered", NULL,
                                   T0 + 2, &got, &kind);
    free(kind);
    store_close(b);
    _exit(rc == 0 && got == id ? 0 : 1);
  }
  for (i = 0; i < 5000 && !someone_waits(ci); i++)
    usleep(1000);
  ck_assert_msg(someone_waits(ci), "b never reached a's row");
  ck_assert_int_eq(store_batch_commit(a), 0);
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ck_assert_int_eq(row_is(ci, id, "delivery = 'read' AND delivery_at ="
                          " 1773540000001"), 1);
  store_close(a);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* Entries of outbox and its indexes read so far by the sessions that
 * have ended, once every other client of the database has ended (a
 * session hands its counts to the server's statistics as it exits). */
static int64_t
outbox_reads(const char *ci)
{
  while (tu_pg_int(ci, "SELECT count(*) FROM pg_stat_activity WHERE datname"
                   " = current_database() AND backend_type = 'client backend'"
                   " AND pid <> pg_backend_pid()", 0, 0) > 0)
    usleep(10000);
  return tu_pg_int(ci, "SELECT (SELECT coalesce(seq_tup_read, 0) FROM"
                   " pg_stat_user_tables WHERE relname = 'outbox') +"
                   " (SELECT coalesce(sum(idx_tup_read), 0) FROM"
                   " pg_stat_user_indexes WHERE relname = 'outbox')", 0, 0);
}

/* A flood after a provider's outage: 40 reporters with 200 replies each,
 * all due.  Once the first of most of them are being sent, each later
 * row waits behind its reporter's; the next poll takes the first rows of
 * the other reporters, in order, without reading the rows that wait
 * (the poll ran once per send: reading the queue each time made the
 * sender as slow as the queue was long), and store_outbox_next, once
 * every reporter's first row is being sent, says so without reading
 * them either; on a new table (no statistics) and an analyzed one. */
START_TEST(take_skips_the_rows_that_wait)
{
  char *ci = tu_pg_newdb();
  struct store *st;
  struct store_outbox_row *rows = NULL;
  int64_t before, read, next = 0, taken[10];
  int n = 0, i;

  st = open_as(ci, "a");    /* makes the schema */
  tu_pg_exec(ci, "INSERT INTO reporters (phone, handle, created_at) SELECT"
             " '+6281' || (300000000 + g), 'R-' || g, 1"
             " FROM generate_series(1, 40) g");
  tu_pg_exec(ci, "INSERT INTO outbox (channel, reporter_id, kind, body,"
             " status, attempts, next_attempt_at, created_at, updated_at)"
             " SELECT 'wa', r.id, 'text', 'halo', 'queued', 0, 0, 0, 0"
             " FROM generate_series(1, 200) k, reporters r ORDER BY k, r.id");
  if (_i == 1)   /* statistics as autovacuum keeps them; 0: a new table */
    tu_pg_exec(ci, "ANALYZE outbox");
  ck_assert_int_eq(store_outbox_take(st, "wa", T0, 30, &rows, &n), 0);
  ck_assert_int_eq(n, 30);
  store_outbox_rows_free(rows, n);
  store_close(st);
  before = outbox_reads(ci);

  st = open_as(ci, "b");
  ck_assert_int_eq(store_outbox_take(st, "wa", T0, 30, &rows, &n), 0);
  ck_assert_int_eq(n, 10);
  for (i = 0; i < n; i++)
    taken[i] = rows[i].id;
  store_outbox_rows_free(rows, n);
  ck_assert_int_eq(store_outbox_next(st, &next), AERR_NOTFOUND);
  store_close(st);
  read = outbox_reads(ci) - before;
  ck_assert_msg(read < 2000, "the poll read %lld entries of the outbox "
                "for 10 of its 8000 rows", (long long)read);
  for (i = 0; i < 10; i++)   /* the first rows of reporters 31 to 40 */
    ck_assert_int_eq(taken[i], tu_pg_int(ci, "SELECT min(o.id) FROM outbox"
                     " o JOIN reporters r ON r.id = o.reporter_id"
                     " WHERE r.handle = 'R-' || $1", 1, 31 + i));
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM outbox"
                             " WHERE status = 'sending'", 0, 0), 40);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* Past a front of the queue that all waits (more rows than a take reads
 * first, behind one being sent), a later reporter's row is still found,
 * by store_outbox_next and the take, in the order of the due times, on
 * each channel. */
START_TEST(first_rows_past_a_waiting_front)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_as(ci, "a");
  struct store_outbox_row *rows = NULL;
  int64_t a, b, c, ob, oc, next = 0;
  int n = 0, i;

  a = reporter(ci, "+6281234500001", NULL);
  b = reporter(ci, "+6281234500002", NULL);
  c = reporter(ci, "+6281234500003", NULL);
  for (i = 0; i < 100; i++)
    outbox_row(ci, a, "wa", "queued", T0);
  ob = outbox_row(ci, b, "wa", "queued", T0 + 500);
  oc = outbox_row(ci, c, "ks", "queued", T0 + 900);
  ck_assert_int_eq(store_outbox_take(st, "wa", T0, 1, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  store_outbox_rows_free(rows, n);
  ck_assert_int_eq(store_outbox_next(st, &next), 0);
  ck_assert_int_eq(next, T0 + 500);
  ck_assert_int_eq(store_outbox_take(st, "wa", T0 + 400, 5, &rows, &n), 0);
  ck_assert_int_eq(n, 0);
  ck_assert_int_eq(store_outbox_take(st, "wa", T0 + 500, 5, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(rows[0].id, ob);
  store_outbox_rows_free(rows, n);
  ck_assert_int_eq(store_outbox_next(st, &next), 0);
  ck_assert_int_eq(next, T0 + 900);
  ck_assert_int_eq(store_outbox_take(st, "ks", T0 + 900, -1, &rows, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(rows[0].id, oc);
  store_outbox_rows_free(rows, n);
  ck_assert_int_eq(store_outbox_next(st, &next), AERR_NOTFOUND);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

static Suite *
pg_send_suite(void)
{
  Suite *s = suite_create("pg_send");
  TCase *tc = tcase_create("core");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, take_claims_rows_once);
  tcase_add_test(tc, one_number_in_order);
  tcase_add_test(tc, set_keeps_what_is_unchanged);
  tcase_add_test(tc, bsuid_linked_once);
  tcase_add_test(tc, delivery_moves_forward);
  tcase_add_test(tc, unconfirmed_flagged_once);
  tcase_add_test(tc, unconfirmed_only_where_awaited);
  tcase_add_test(tc, evidence_due_and_set);
  tcase_add_test(tc, evidence_leased_to_one_daemon);
  tcase_add_test(tc, dropped_evidence_taken_once);
  tcase_add_test(tc, two_daemons_take_apart);
  tcase_add_test(tc, concurrent_takers_never_share);
  tcase_add_test(tc, resume_takes_back_only_its_own);
  tcase_add_test(tc, reports_land_at_either);
  tcase_add_test(tc, racing_reports_end_at_the_later);
  tcase_add_loop_test(tc, take_skips_the_rows_that_wait, 0, 2);
  tcase_add_test(tc, first_rows_past_a_waiting_front);
  suite_add_tcase(s, tc);
  return s;
}

PG_UNIT_MAIN(pg_send_suite)
