/*
 * test_pg_talk.c: the conversation's calls of the PostgreSQL backend
 * (store_pg_talk.c) against the test cluster (skipped without it):
 * reporters, inbound messages, inline replies, sessions, tickets and a
 * draft's evidence, held to what test_store.c holds the SQLite backend
 * to; and what several daemons on one database need: one reporter row
 * for a reporter's first messages on two daemons, ticket numbers unique
 * and gapless across them, one daemon at a time in a reporter's
 * conversation.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/err.h"
#include "store/store.h"
#include "testutil.h"
#include "tu_pg.h"

/* 2026-03-01 00:00 WITA, in ms since the epoch. */
#define MAR_2026 INT64_C(1772294400000)

static struct store *
open_pg(const char *conninfo, uint64_t busy_ms)
{
  struct store_opts o = {0};
  struct store *st = NULL;
  char err[256];
  int rc;

  o.backend = "postgres";
  o.conninfo = conninfo;
  o.busy_timeout_ms = busy_ms;
  o.instance = "test";
  rc = store_open(&st, &o, err, sizeof(err));
  ck_assert_msg(rc == 0, "open: %s", err);
  return st;
}

static int64_t
new_reporter(struct store *st, const char *phone)
{
  int64_t id = 0;
  int rc = store_reporter_ensure(st, phone, 1000, &id);

  ck_assert_msg(rc == 0, "reporter_ensure: %d %s", rc, store_errmsg(st));
  ck_assert_int_gt(id, 0);
  return id;
}

static struct store_inbound
inbound(const char *channel, const char *provider_id, int64_t reporter)
{
  struct store_inbound in = {0};

  in.channel = channel;
  in.provider_id = provider_id;
  in.reporter_id = reporter;
  in.kind = "text";
  in.body = "halo";
  in.payload = "{\"x\":1}";
  in.payload_len = 7;
  in.received_at = 2000;
  return in;
}

/* A ticket of reporter filed at created_at, with every field set. */
static struct store_ticket_new
ticket(int64_t reporter, int64_t created_at)
{
  struct store_ticket_new tn = {0};

  tn.reporter_id = reporter;
  tn.channel = "dev";
  tn.category = "pemerasan";
  tn.terlapor = "Kepala desa";
  tn.lokasi = "Oesao";
  tn.lokasi_kode = "5303";
  tn.lokasi_tingkat = "kecamatan";
  tn.lokasi_tempat_kode = "53.01.06";
  tn.lokasi_tempat = "Kecamatan Kupang Timur, Kabupaten Kupang";
  tn.waktu = "kemarin";
  tn.waktu_tanggal = "2026-02-28";
  tn.waktu_presisi = "day";
  tn.kronologi = "Kepala desa meminta uang untuk surat tanah.";
  tn.identitas = "anonim";
  tn.marks = "waktu";
  tn.created_at = created_at;
  return tn;
}

/* File a ticket and return its seq (the number's last part). */
static int
file_ticket(struct store *st, int64_t reporter, int64_t at, int64_t *id)
{
  struct store_ticket_new tn = ticket(reporter, at);
  char number[32];
  int64_t tid = 0;
  int rc = store_ticket_create(st, &tn, "NTT", "bot", &tid, number);

  ck_assert_msg(rc == 0, "ticket_create: %d %s", rc, store_errmsg(st));
  if (id != NULL)
    *id = tid;
  return (int)strtol(strrchr(number, '-') + 1, NULL, 10);
}

/* Tickets of 2026: how many, and whether their seqs are 1..n. */
static void
assert_gapless(const char *ci, int n)
{
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM tickets WHERE "
                             "year = 2026", 0, 0), n);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(DISTINCT seq) FROM tickets "
                             "WHERE year = 2026 AND seq BETWEEN 1 AND $1",
                             1, n), n);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM tickets WHERE "
                             "number <> 'NTT-2026-' || lpad(seq::text, 5, "
                             "'0')", 0, 0), 0);
}

START_TEST(reporter_ensure_is_idempotent)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  char *ci = tu_pg_newdb();
  struct store *st = open_pg(ci, 2000);
  int64_t a, a2, b;
  char *ha = NULL, *hb = NULL;

  a = new_reporter(st, "+6281234567890");
  a2 = new_reporter(st, "+6281234567890");
  b = new_reporter(st, "+6285137377763");
  ck_assert_int_eq(a, a2);
  ck_assert_int_ne(a, b);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters", 0, 0), 2);
  ck_assert_int_eq(store_reporter_handle(st, a, &ha), 0);
  ck_assert_int_eq(store_reporter_handle(st, b, &hb), 0);
  ck_assert_str_ne(ha, hb);
  ck_assert_uint_eq(strlen(ha), 12);
  ck_assert(strncmp(ha, "R-", 2) == 0);
  ck_assert_uint_eq(strspn(ha + 2, alphabet), 10);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT created_at FROM reporters WHERE "
                             "id = $1", 1, a), 1000);
  ck_assert_int_eq(store_reporter_ensure(st, "", 1, &a), -EINVAL);
  free(ha);
  ck_assert_int_eq(store_reporter_handle(st, b + 100, &ha), AERR_NOTFOUND);
  ck_assert_ptr_null(ha);
  free(hb);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* A reporter is a number, a BSUID, or both, linked: the outcomes as in
 * test_store.c's reporter_known_by_bsuid. */
START_TEST(reporter_known_by_bsuid)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_pg(ci, 2000);
  enum store_id_how how;
  int64_t a = 0, b = 0, c = 0, d = 0, e = 0;

  ck_assert_int_eq(store_reporter_identify(st, NULL, "ID.4471920083316652",
                                           10, &a, &how), 0);
  ck_assert_int_eq(how, STORE_ID_NEW);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters WHERE id = "
                             "$1 AND bsuid = 'ID.4471920083316652' AND "
                             "phone = 'bsuid:' || handle", 1, a), 1);
  ck_assert_int_eq(store_reporter_identify(st, "+6281339401122",
                                           "ID.4471920083316652", 20, &b,
                                           &how), 0);
  ck_assert_int_eq(b, a);
  ck_assert_int_eq(how, STORE_ID_LINKED);
  ck_assert_int_eq(store_reporter_identify(st, "+6281339401122", "", 30, &c,
                                           &how), 0);
  ck_assert_int_eq(c, a);
  ck_assert_int_eq(how, STORE_ID_FOUND);
  ck_assert_int_eq(new_reporter(st, "+6281339401122"), a);
  ck_assert_int_eq(store_reporter_identify(st, NULL, "ID.4471920083316652",
                                           40, &d, NULL), 0);
  ck_assert_int_eq(d, a);

  e = new_reporter(st, "+6285239107788");
  ck_assert_int_eq(store_reporter_identify(st, "+6285239107788",
                                           "ID.8830126645190734", 50, &b,
                                           &how), 0);
  ck_assert_int_eq(b, e);
  ck_assert_int_eq(how, STORE_ID_LINKED);
  ck_assert_int_eq(store_reporter_identify(st, NULL, "ID.8830126645190734",
                                           60, &c, &how), 0);
  ck_assert_int_eq(c, e);
  ck_assert_int_eq(how, STORE_ID_FOUND);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters", 0, 0), 2);

  ck_assert_int_eq(store_reporter_identify(st, "+6281339401122",
                                           "ID.8830126645190734", 70, &c,
                                           &how), 0);
  ck_assert_int_eq(c, a);
  ck_assert_int_eq(how, STORE_ID_CONFLICT);
  ck_assert_int_eq(store_reporter_identify(st, NULL, NULL, 1, &c, &how),
                   -EINVAL);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* A renumbered reporter keeps their rows; a new identifier someone else
 * holds is AERR_DUP and changes nothing, without spoiling the request's
 * savepoint (the next call of the same request still works). */
START_TEST(reporter_renumbered)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_pg(ci, 2000);
  int64_t a, b, id = 0, t = 0;

  ck_assert_int_eq(store_reporter_identify(st, "+6285239107788",
                                           "ID.8830126645190734", 1, &a,
                                           NULL), 0);
  b = new_reporter(st, "+6281339401122");
  ck_assert_int_eq(store_reporter_renumber(st, "+6285239107788",
                                           "ID.8830126645190734",
                                           "+6285239105566",
                                           "ID.5520938817364021", &id), 0);
  ck_assert_int_eq(id, a);
  ck_assert_int_eq(new_reporter(st, "+6285239105566"), a);
  ck_assert_int_eq(store_reporter_identify(st, NULL, "ID.5520938817364021",
                                           2, &t, NULL), 0);
  ck_assert_int_eq(t, a);
  ck_assert_int_eq(store_reporter_renumber(st, NULL, "ID.5520938817364021",
                                           "+6285239104433", NULL, &id), 0);
  ck_assert_int_eq(id, a);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters WHERE id = "
                             "$1 AND phone = '+6285239104433'", 1, a), 1);

  ck_assert_int_eq(store_batch_begin(st), 0);
  ck_assert_int_eq(store_sp_begin(st), 0);
  ck_assert_int_eq(store_reporter_renumber(st, "+6285239104433", NULL,
                                           "+6281339401122", NULL, &id),
                   AERR_DUP);
  ck_assert_int_eq(store_reporter_renumber(st, NULL, "ID.5520938817364021",
                                           NULL, "ID.8830126645190734", &id),
                   0);
  ck_assert_int_eq(store_reporter_renumber(st, "+6289999999999", NULL,
                                           "+6281339401123", NULL, &id),
                   AERR_NOTFOUND);
  ck_assert_int_eq(new_reporter(st, "+6281339401122"), b);
  ck_assert_int_eq(store_sp_release(st), 0);
  ck_assert_int_eq(store_batch_commit(st), 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters", 0, 0), 2);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters WHERE id = "
                             "$1 AND phone = '+6285239104433' AND bsuid = "
                             "'ID.8830126645190734'", 1, a), 1);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* (channel, provider_id) is unique: a repeat is AERR_DUP with the first
 * row's id, and inside a batch it leaves the batch usable; the payload
 * is kept byte for byte. */
START_TEST(inbound_is_unique_per_channel)
{
  static const char raw[] = {'a', '\0', 'b', '\'', ';'};
  char *ci = tu_pg_newdb();
  struct store *st = open_pg(ci, 2000);
  struct store_inbound in;
  int64_t rid, first = 0, again = 0, other = 0, later = 0;

  rid = new_reporter(st, "+6281234567890");
  in = inbound("wa", "wamid.7", rid);
  in.payload = raw;
  in.payload_len = sizeof(raw);
  in.body = "'; DROP TABLE inbound; --";
  ck_assert_int_eq(store_inbound_add(st, &in, &first), 0);
  ck_assert_int_gt(first, 0);
  ck_assert_int_eq(store_inbound_add(st, &in, &again), AERR_DUP);
  ck_assert_int_eq(again, first);
  ck_assert_ptr_nonnull(strstr(store_errmsg(st), "wamid.7"));
  ck_assert_int_eq(store_inbound_find(st, "wa", "wamid.7", &again), 0);
  ck_assert_int_eq(again, first);
  ck_assert_int_eq(store_inbound_find(st, "wa", "wamid.8", &again),
                   AERR_NOTFOUND);
  in.channel = "sms";
  ck_assert_int_eq(store_inbound_add(st, &in, &other), 0);
  ck_assert_int_ne(other, first);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM inbound", 0, 0), 2);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM inbound WHERE id = $1"
                             " AND payload = '\\x610062273b'::bytea AND "
                             "body = '''; DROP TABLE inbound; --'", 1, first),
                   1);

  /* The repeat inside a batch, then more work in the same savepoint and
   * batch: all of it commits. */
  ck_assert_int_eq(store_batch_begin(st), 0);
  ck_assert_int_eq(store_sp_begin(st), 0);
  ck_assert_int_eq(store_inbound_add(st, &in, &again), AERR_DUP);
  ck_assert_int_eq(again, other);
  in.provider_id = "wamid.9";
  ck_assert_int_eq(store_inbound_add(st, &in, &later), 0);
  new_reporter(st, "+6285137377763");
  ck_assert_int_eq(store_sp_release(st), 0);
  ck_assert_int_eq(store_batch_commit(st), 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM inbound", 0, 0), 3);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters", 0, 0), 2);

  /* Counted by reporter and time, on any channel. */
  {
    int n = -1;

    ck_assert_int_eq(store_inbound_count_since(st, rid, 2000, &n), 0);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(store_inbound_count_since(st, rid, 2001, &n), 0);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(store_inbound_count_since(st, rid + 100, 0, &n), 0);
    ck_assert_int_eq(n, 0);
  }
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

START_TEST(outbox_replies_in_order)
{
  static const char *const bodies[] = {"satu", "dua", "tiga"};
  char *ci = tu_pg_newdb();
  struct store *st = open_pg(ci, 2000);
  struct store_inbound in;
  struct store_outbox o = {0};
  struct store_strings r = {NULL, 0};
  int64_t rid, i1 = 0, i2 = 0, oid = 0, sent = 0;
  size_t i;

  rid = new_reporter(st, "+6281234567890");
  in = inbound("wa", "m1", rid);
  ck_assert_int_eq(store_inbound_add(st, &in, &i1), 0);
  in.provider_id = "m2";
  ck_assert_int_eq(store_inbound_add(st, &in, &i2), 0);
  o.channel = "wa";
  o.reporter_id = rid;
  o.kind = "text";
  o.status = "queued";
  o.created_at = 5000;
  o.inbound_id = i2;
  o.body = "for the other one";
  ck_assert_int_eq(store_outbox_add(st, &o, &oid), 0);
  o.inbound_id = i1;
  for (i = 0; i < 3; i++) {
    o.body = bodies[i];
    ck_assert_int_eq(store_outbox_add(st, &o, &oid), 0);
  }
  o.inbound_id = 0;
  o.status = "sent";
  o.body = "notification";
  o.payload = "{\"to\":1}";
  ck_assert_int_eq(store_outbox_add(st, &o, &sent), 0);
  ck_assert_int_gt(sent, oid);

  ck_assert_int_eq(store_outbox_replies(st, i1, &r), 0);
  ck_assert_int_eq(r.n, 3);
  for (i = 0; i < 3; i++)
    ck_assert_str_eq(r.v[i], bodies[i]);
  store_strings_free(&r);
  ck_assert_ptr_null(r.v);
  ck_assert_int_eq(r.n, 0);

  ck_assert_int_eq(tu_pg_int(ci, "SELECT (next_attempt_at = 5000 AND "
                             "updated_at = 5000 AND created_at = 5000 AND "
                             "attempts = 0 AND ticket_id IS NULL AND "
                             "payload IS NULL)::int FROM outbox WHERE id = $1",
                             1, oid), 1);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT (next_attempt_at IS NULL AND "
                             "inbound_id IS NULL AND status = 'sent' AND "
                             "payload = '{\"to\":1}')::int FROM outbox "
                             "WHERE id = $1", 1, sent), 1);
  ck_assert_int_eq(store_outbox_replies(st, sent + 100, &r), 0);
  ck_assert_int_eq(r.n, 0);
  store_strings_free(&r);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* A session is stored by (reporter, family), read back whole, and
 * updated in place. */
START_TEST(session_put_and_get)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_pg(ci, 2000);
  struct store_session s = {0}, g;
  int64_t rid = new_reporter(st, "+6281234567890");
  char family[] = "whatsapp", channel[] = "wa", step[] = "kategori";
  char draft[] = "{\"kategori\":\"pemerasan\"}", step2[] = "terlapor";
  char channel2[] = "wa2";

  ck_assert_int_eq(store_session_get(st, rid, "whatsapp", &g),
                   AERR_NOTFOUND);
  ck_assert_ptr_null(g.family);
  s.reporter_id = rid;
  s.family = family;
  s.channel = channel;
  s.step = step;
  s.draft = NULL;                 /* stored as "{}" */
  s.invalid_count = 2;
  s.updated_at = 3000;
  s.expires_at = 0;               /* never */
  ck_assert_int_eq(store_session_put(st, &s), 0);
  ck_assert_int_gt(s.id, 0);
  ck_assert_int_eq(store_session_get(st, rid, "whatsapp", &g), 0);
  ck_assert_int_eq(g.id, s.id);
  ck_assert_int_eq(g.reporter_id, rid);
  ck_assert_str_eq(g.family, "whatsapp");
  ck_assert_str_eq(g.channel, "wa");
  ck_assert_str_eq(g.step, "kategori");
  ck_assert_str_eq(g.draft, "{}");
  ck_assert_int_eq(g.invalid_count, 2);
  ck_assert_int_eq(g.updated_at, 3000);
  ck_assert_int_eq(g.expires_at, 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT (expires_at IS NULL AND "
                             "last_inbound_at = 3000)::int FROM sessions "
                             "WHERE id = $1", 1, s.id), 1);
  store_session_clear(&g);

  s.draft = draft;
  s.step = step2;
  s.channel = channel2;
  s.invalid_count = 0;
  s.updated_at = 4000;
  s.expires_at = 9000;
  {
    int64_t first = s.id;

    s.id = 0;
    ck_assert_int_eq(store_session_put(st, &s), 0);
    ck_assert_int_eq(s.id, first);
  }
  ck_assert_int_eq(store_session_get(st, rid, "whatsapp", &g), 0);
  ck_assert_str_eq(g.step, "terlapor");
  ck_assert_str_eq(g.channel, "wa2");
  ck_assert_str_eq(g.draft, "{\"kategori\":\"pemerasan\"}");
  ck_assert_int_eq(g.invalid_count, 0);
  ck_assert_int_eq(g.updated_at, 4000);
  ck_assert_int_eq(g.expires_at, 9000);
  store_session_clear(&g);
  ck_assert_int_eq(store_session_get(st, rid, "sms", &g), AERR_NOTFOUND);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM sessions", 0, 0), 1);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* Tickets: numbered per year in WITA from 1, every field read back by id
 * and number, a first event, a rolled-back savepoint gives its number
 * back; counted by reporter and time; a reporter's name set and
 * cleared. */
START_TEST(tickets_are_numbered_and_read_back)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_pg(ci, 2000);
  struct store_ticket_new tn;
  struct store_ticket t;
  int64_t rid = new_reporter(st, "+6281200000001"), id = 0, id2 = 0;
  char number[32];
  int n = -1;

  ck_assert_int_eq(file_ticket(st, rid, MAR_2026, &id), 1);
  ck_assert_int_eq(store_ticket_by_id(st, id, &t), 0);
  ck_assert_int_eq(t.id, id);
  ck_assert_str_eq(t.number, "NTT-2026-00001");
  ck_assert_int_eq(t.year, 2026);
  ck_assert_int_eq(t.seq, 1);
  ck_assert_int_eq(t.reporter_id, rid);
  ck_assert_str_eq(t.channel, "dev");
  ck_assert_str_eq(t.status, "diterima");
  ck_assert_str_eq(t.category, "pemerasan");
  ck_assert_str_eq(t.terlapor, "Kepala desa");
  ck_assert_str_eq(t.lokasi, "Oesao");
  ck_assert_str_eq(t.lokasi_kode, "5303");
  ck_assert_int_eq(t.has_location, 0);
  ck_assert_str_eq(t.waktu, "kemarin");
  ck_assert_str_eq(t.waktu_tanggal, "2026-02-28");
  ck_assert_str_eq(t.waktu_presisi, "day");
  ck_assert_str_eq(t.kronologi,
                   "Kepala desa meminta uang untuk surat tanah.");
  ck_assert_str_eq(t.identitas, "anonim");
  ck_assert_ptr_null(t.agency);
  ck_assert_str_eq(t.marks, "waktu");
  ck_assert_str_eq(t.lokasi_tingkat, "kecamatan");
  ck_assert_str_eq(t.lokasi_tempat_kode, "53.01.06");
  ck_assert_str_eq(t.lokasi_tempat,
                   "Kecamatan Kupang Timur, Kabupaten Kupang");
  ck_assert_int_eq(t.created_at, MAR_2026);
  ck_assert_int_eq(t.updated_at, MAR_2026);
  store_ticket_clear(&t);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM ticket_events WHERE "
                             "ticket_id = $1 AND actor = 'bot' AND "
                             "from_status IS NULL AND to_status = 'diterima'"
                             " AND note IS NULL AND at = 1772294400000", 1,
                             id), 1);

  /* With a location and without the optional fields. */
  tn = ticket(rid, MAR_2026 + 1);
  tn.has_location = 1;
  tn.lat = -10.1772;
  tn.lng = 123.607;
  tn.lokasi_kode = tn.lokasi_tingkat = tn.lokasi_tempat = NULL;
  tn.lokasi_tempat_kode = tn.marks = tn.waktu_tanggal = NULL;
  tn.waktu_presisi = NULL;
  ck_assert_int_eq(store_ticket_create(st, &tn, "NTT", "bot", &id2, number),
                   0);
  ck_assert_str_eq(number, "NTT-2026-00002");
  ck_assert_int_eq(store_ticket_by_number(st, "NTT-2026-00002", &t), 0);
  ck_assert_int_eq(t.id, id2);
  ck_assert_int_eq(t.has_location, 1);
  ck_assert(t.lat == -10.1772 && t.lng == 123.607);
  ck_assert_ptr_null(t.lokasi_kode);
  ck_assert_ptr_null(t.lokasi_tempat);
  ck_assert_ptr_null(t.marks);
  ck_assert_ptr_null(t.waktu_presisi);
  store_ticket_clear(&t);
  ck_assert_int_eq(store_ticket_by_number(st, "NTT-2026-00003", &t),
                   AERR_NOTFOUND);
  ck_assert_int_eq(store_ticket_by_id(st, id2 + 100, &t), AERR_NOTFOUND);

  /* A rolled-back savepoint gives its number back. */
  ck_assert_int_eq(store_batch_begin(st), 0);
  ck_assert_int_eq(store_sp_begin(st), 0);
  ck_assert_int_eq(file_ticket(st, rid, MAR_2026 + 2, NULL), 3);
  store_sp_rollback(st);
  ck_assert_int_eq(store_sp_begin(st), 0);
  ck_assert_int_eq(file_ticket(st, rid, MAR_2026 + 3, NULL), 3);
  ck_assert_int_eq(store_sp_release(st), 0);
  ck_assert_int_eq(store_batch_commit(st), 0);
  assert_gapless(ci, 3);

  /* The year is WITA's: 2026-12-31 16:30 UTC is 2027 already. */
  ck_assert_int_eq(file_ticket(st, rid, INT64_C(1798734600000), &id), 1);
  ck_assert_int_eq(store_ticket_by_id(st, id, &t), 0);
  ck_assert_str_eq(t.number, "NTT-2027-00001");
  store_ticket_clear(&t);

  ck_assert_int_eq(store_ticket_count_since(st, rid, MAR_2026 + 1, &n), 0);
  ck_assert_int_eq(n, 3);
  ck_assert_int_eq(store_ticket_count_since(st, rid + 100, 0, &n), 0);
  ck_assert_int_eq(n, 0);

  ck_assert_int_eq(store_reporter_set_name(st, rid, "Maria Bria"), 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters WHERE id = "
                             "$1 AND name = 'Maria Bria'", 1, rid), 1);
  ck_assert_int_eq(store_reporter_set_name(st, rid, NULL), 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters WHERE id = "
                             "$1 AND name IS NULL", 1, rid), 1);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* A draft's evidence: counted while loose, attached to a ticket, or
 * dropped (queued for its file by the trigger of 0009). */
START_TEST(evidence_of_a_draft)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_pg(ci, 2000);
  struct store_session s = {0};
  struct store_inbound in;
  struct store_evidence e = {0};
  int64_t rid = new_reporter(st, "+6281234567890"), iid = 0, eid = 0;
  int64_t eid2 = 0, tid = 0;
  char family[] = "whatsapp", channel[] = "wa", step[] = "bukti";
  int n = -1;

  s.reporter_id = rid;
  s.family = family;
  s.channel = channel;
  s.step = step;
  s.updated_at = 1;
  ck_assert_int_eq(store_session_put(st, &s), 0);
  in = inbound("wa", "m1", rid);
  ck_assert_int_eq(store_inbound_add(st, &in, &iid), 0);
  e.session_id = s.id;
  e.inbound_id = iid;
  e.mime = "image/jpeg";
  e.source_url = "media.1";
  e.received_at = 2000;
  ck_assert_int_eq(store_evidence_add(st, &e, &eid), 0);
  ck_assert_int_gt(eid, 0);
  ck_assert_int_eq(store_evidence_add(st, &e, NULL), 0);
  e.session_id = 0;               /* no draft (a reply to a ticket) */
  ck_assert_int_eq(store_evidence_add(st, &e, &eid2), 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM evidence WHERE id = $1"
                             " AND session_id IS NULL AND status = 'pending'"
                             " AND mime = 'image/jpeg' AND source_url = "
                             "'media.1' AND received_at = 2000", 1, eid2), 1);
  ck_assert_int_eq(store_evidence_count(st, s.id, &n), 0);
  ck_assert_int_eq(n, 2);

  tid = 0;
  file_ticket(st, rid, MAR_2026, &tid);
  ck_assert_int_eq(store_evidence_attach(st, s.id, tid), 0);
  ck_assert_int_eq(store_evidence_count(st, s.id, &n), 0);
  ck_assert_int_eq(n, 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM evidence WHERE "
                             "ticket_id = $1", 1, tid), 2);

  e.session_id = s.id;
  ck_assert_int_eq(store_evidence_add(st, &e, NULL), 0);
  ck_assert_int_eq(store_evidence_count(st, s.id, &n), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(store_evidence_drop(st, s.id), 0);
  ck_assert_int_eq(store_evidence_count(st, s.id, &n), 0);
  ck_assert_int_eq(n, 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM evidence", 0, 0), 3);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM evidence_dropped",
                             0, 0), 1);
  ck_assert_int_eq(store_evidence_drop(st, s.id), 0);
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* Wait until some session of the database conninfo names waits for a
 * lock (the other daemon's insert). */
static void
wait_for_waiter(const char *ci)
{
  char *admin = tu_pg_admin_conninfo(), sql[256];
  const char *db = strrchr(ci, '=') + 1;
  int i;

  snprintf(sql, sizeof(sql), "SELECT count(*) FROM pg_stat_activity WHERE "
           "datname = '%s' AND wait_event_type = 'Lock'", db);
  for (i = 0; i < 2000 && tu_pg_int(admin, sql, 0, 0) == 0; i++)
    usleep(5 * 1000);   /* polling the server's view of its sessions */
  ck_assert_int_lt(i, 2000);
  free(admin);
}

/* Two daemons file tickets in interleaved batches: the second waits for
 * the first's open batch (here, with a short wait, it gives up with
 * -EBUSY and its request is rolled back alone), and the numbers stay
 * unique and gapless. */
START_TEST(two_stores_number_tickets_gaplessly)
{
  char *ci = tu_pg_newdb();
  struct store *a = open_pg(ci, 2000), *b = open_pg(ci, 100);
  int64_t ra = new_reporter(a, "+6281200000001");
  int64_t rb = new_reporter(b, "+6281200000002");
  int i;

  ck_assert_int_eq(store_batch_begin(a), 0);
  ck_assert_int_eq(store_sp_begin(a), 0);
  ck_assert_int_eq(file_ticket(a, ra, MAR_2026, NULL), 1);
  ck_assert_int_eq(store_sp_release(a), 0);

  ck_assert_int_eq(store_batch_begin(b), 0);
  ck_assert_int_eq(store_sp_begin(b), 0);
  {
    struct store_ticket_new tn = ticket(rb, MAR_2026);
    char number[32];
    int64_t id;

    ck_assert_int_eq(store_ticket_create(b, &tn, "NTT", "bot", &id, number),
                     -EBUSY);
  }
  store_sp_rollback(b);
  /* b's batch is still usable for other work. */
  ck_assert_int_eq(store_sp_begin(b), 0);
  new_reporter(b, "+6281200000003");
  ck_assert_int_eq(store_sp_release(b), 0);

  ck_assert_int_eq(store_batch_commit(a), 0);
  ck_assert_int_eq(store_sp_begin(b), 0);
  ck_assert_int_eq(file_ticket(b, rb, MAR_2026, NULL), 2);
  ck_assert_int_eq(store_sp_release(b), 0);
  ck_assert_int_eq(store_batch_commit(b), 0);

  /* Alternating batches: each files two, one of them rolled back now
   * and then. */
  for (i = 0; i < 6; i++) {
    struct store *st = i % 2 ? a : b;
    int64_t r = i % 2 ? ra : rb;

    ck_assert_int_eq(store_batch_begin(st), 0);
    ck_assert_int_eq(store_sp_begin(st), 0);
    file_ticket(st, r, MAR_2026 + i, NULL);
    if (i % 3 == 0)
      store_sp_rollback(st);
    else
      ck_assert_int_eq(store_sp_release(st), 0);
    ck_assert_int_eq(store_sp_begin(st), 0);
    file_ticket(st, r, MAR_2026 + i, NULL);
    ck_assert_int_eq(store_sp_release(st), 0);
    ck_assert_int_eq(store_batch_commit(st), 0);
  }
  assert_gapless(ci, 2 + 6 + 4);
  store_close(a);
  store_close(b);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* A filer whose wait is long enough waits for the other daemon's open
 * batch, then takes the next number: it neither fails nor takes the same
 * one. */
START_TEST(second_filer_waits_for_the_first)
{
  char *ci = tu_pg_newdb();
  struct store *a = open_pg(ci, 5000);
  int64_t r = new_reporter(a, "+6281200000001");
  int status = -1;
  pid_t pid;

  ck_assert_int_eq(store_batch_begin(a), 0);
  ck_assert_int_eq(file_ticket(a, r, MAR_2026, NULL), 1);
  pid = fork();
  ck_assert_int_ne(pid, -1);
  if (pid == 0) {
    struct store *b = open_pg(ci, 5000);
    struct store_ticket_new tn = ticket(r, MAR_2026);
    char number[32] = "";
    int64_t id;
    int rc = store_batch_begin(b);

    if (rc == 0)
      rc = store_ticket_create(b, &tn, "NTT", "bot", &id, number);
    if (rc == 0)
      rc = store_batch_commit(b);
    store_close(b);
    _exit(rc == 0 && strcmp(number, "NTT-2026-00002") == 0 ? 0 : 1);
  }
  wait_for_waiter(ci);
  ck_assert_int_eq(store_batch_commit(a), 0);
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                "the second filer failed or took a taken number");
  assert_gapless(ci, 2);
  store_close(a);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

#define RACE_TICKETS 25

/* File RACE_TICKETS tickets in batches of one or two; the number filed.
 * Each filer waits for the other's batch, so none fails (a failure is
 * tried again, and counted in *failed). */
static int
file_many(struct store *st, int64_t reporter, int *failed)
{
  int done = 0, tries = 0;

  *failed = 0;
  while (done < RACE_TICKETS && tries++ < 1000) {
    struct store_ticket_new tn = ticket(reporter, MAR_2026 + done);
    char number[32];
    int64_t id;
    int rc = store_batch_begin(st), k;

    for (k = 0; rc == 0 && k < 2 && done + k < RACE_TICKETS; k++) {
      rc = store_sp_begin(st);
      if (rc == 0)
        rc = store_ticket_create(st, &tn, "NTT", "bot", &id, number);
      if (rc == 0)
        rc = store_sp_release(st);
      else
        store_sp_rollback(st);
    }
    if (rc == 0)
      rc = store_batch_commit(st);
    if (rc == 0) {
      done += k;
    } else {
      store_batch_rollback(st);
      (*failed)++;
    }
  }
  return done;
}

/* Two processes file tickets at the same time on their own stores. */
START_TEST(concurrent_filers_stay_gapless)
{
  char *ci = tu_pg_newdb();
  struct store *st = open_pg(ci, 2000);
  int64_t r = new_reporter(st, "+6281200000001");
  int status = -1, done, failed;
  pid_t pid;

  store_close(st);
  pid = fork();
  ck_assert_int_ne(pid, -1);
  st = open_pg(ci, 5000);
  done = file_many(st, r, &failed);
  store_close(st);
  if (pid == 0)
    _exit(done == RACE_TICKETS && failed == 0 ? 0 : 1);
  ck_assert_int_eq(done, RACE_TICKETS);
  ck_assert_int_eq(failed, 0);
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  assert_gapless(ci, 2 * RACE_TICKETS);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* A reporter's conversation is advanced by one daemon at a time: while
 * one store's batch has read it, the other's read is -EBUSY (its batch
 * stays usable), and after the commit it reads what the first wrote.
 * The flood count of the reporter's messages is held alike.  Outside a
 * batch nothing is held. */
START_TEST(one_daemon_at_a_time_per_reporter)
{
  char *ci = tu_pg_newdb();
  struct store *a = open_pg(ci, 2000), *b = open_pg(ci, 2000);
  struct store_session s = {0}, g;
  int64_t r = new_reporter(a, "+6281200000001");
  int64_t other = new_reporter(a, "+6281200000002");
  char family[] = "whatsapp", channel[] = "wa", step[] = "menu";
  int n;

  ck_assert_int_eq(store_batch_begin(a), 0);
  ck_assert_int_eq(store_sp_begin(a), 0);
  ck_assert_int_eq(store_session_get(a, r, "whatsapp", &g), AERR_NOTFOUND);
  ck_assert_int_eq(store_session_get(a, r, "whatsapp", &g), AERR_NOTFOUND);
  s.reporter_id = r;
  s.family = family;
  s.channel = channel;
  s.step = step;
  s.updated_at = 1;
  ck_assert_int_eq(store_session_put(a, &s), 0);
  ck_assert_int_eq(store_sp_release(a), 0);

  /* Outside a batch, b reads what is committed (nothing yet). */
  ck_assert_int_eq(store_session_get(b, r, "whatsapp", &g), AERR_NOTFOUND);

  ck_assert_int_eq(store_batch_begin(b), 0);
  ck_assert_int_eq(store_sp_begin(b), 0);
  ck_assert_int_eq(store_session_get(b, r, "whatsapp", &g), -EBUSY);
  ck_assert_int_eq(store_session_get(b, r, "sms", &g), -EBUSY);
  ck_assert_int_eq(store_inbound_count_since(b, r, 0, &n), -EBUSY);
  ck_assert_int_eq(store_inbound_count_since(b, other, 0, &n), 0);
  ck_assert_int_eq(store_session_get(b, other, "whatsapp", &g),
                   AERR_NOTFOUND);
  store_sp_rollback(b);

  ck_assert_int_eq(store_batch_commit(a), 0);
  ck_assert_int_eq(store_sp_begin(b), 0);
  ck_assert_int_eq(store_session_get(b, r, "whatsapp", &g), 0);
  ck_assert_int_eq(g.id, s.id);
  ck_assert_str_eq(g.step, "menu");
  store_session_clear(&g);
  ck_assert_int_eq(store_sp_release(b), 0);
  /* Now b holds the reporter until its batch ends. */
  ck_assert_int_eq(store_batch_begin(a), 0);
  ck_assert_int_eq(store_session_get(a, r, "whatsapp", &g), -EBUSY);
  ck_assert_int_eq(store_batch_commit(b), 0);
  ck_assert_int_eq(store_session_get(a, r, "whatsapp", &g), 0);
  store_session_clear(&g);
  ck_assert_int_eq(store_batch_commit(a), 0);
  store_close(a);
  store_close(b);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* The first messages of one new reporter reach two daemons at once: the
 * second's insert waits for the first's batch and then finds its row;
 * one reporter row either way, with the SQLite backend's outcomes. */
START_TEST(first_messages_on_two_daemons_make_one_reporter)
{
  static const struct {
    const char *phone, *bsuid;     /* the first daemon's */
    const char *phone2, *bsuid2;   /* the second's */
    enum store_id_how how;         /* the second's outcome */
  } cases[] = {
    {"+6281200000001", NULL, "+6281200000001", NULL, STORE_ID_FOUND},
    {NULL, "ID.1", NULL, "ID.1", STORE_ID_FOUND},
    {"+6281200000002", NULL, "+6281200000002", "ID.2", STORE_ID_LINKED},
  };
  size_t c;

  for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
    char *ci = tu_pg_newdb();
    struct store *a = open_pg(ci, 5000);
    enum store_id_how how;
    int64_t id = 0;
    int status = -1;
    pid_t pid;

    ck_assert_int_eq(store_batch_begin(a), 0);
    ck_assert_int_eq(store_reporter_identify(a, cases[c].phone,
                                             cases[c].bsuid, 1, &id, &how),
                     0);
    ck_assert_int_eq(how, STORE_ID_NEW);
    pid = fork();
    ck_assert_int_ne(pid, -1);
    if (pid == 0) {
      struct store *b = open_pg(ci, 5000);
      int64_t id2 = 0;
      int rc;

      rc = store_batch_begin(b);
      if (rc == 0)
        rc = store_reporter_identify(b, cases[c].phone2, cases[c].bsuid2,
                                     2, &id2, &how);
      if (rc == 0)
        rc = store_batch_commit(b);
      store_close(b);
      _exit(rc == 0 && id2 == id && how == cases[c].how ? 0 : 1);
    }
    wait_for_waiter(ci);
    ck_assert_int_eq(store_batch_commit(a), 0);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "case %zu: the second daemon's outcome differs", c);
    ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters", 0, 0),
                     1);
    store_close(a);
    tu_pg_dropdb(ci);
    free(ci);
  }
}
END_TEST

static Suite *
pg_talk_suite(void)
{
  Suite *s = suite_create("pg_talk");
  TCase *tc = tcase_create("core");

  tcase_add_test(tc, reporter_ensure_is_idempotent);
  tcase_add_test(tc, reporter_known_by_bsuid);
  tcase_add_test(tc, reporter_renumbered);
  tcase_add_test(tc, inbound_is_unique_per_channel);
  tcase_add_test(tc, outbox_replies_in_order);
  tcase_add_test(tc, session_put_and_get);
  tcase_add_test(tc, tickets_are_numbered_and_read_back);
  tcase_add_test(tc, evidence_of_a_draft);
  tcase_add_test(tc, two_stores_number_tickets_gaplessly);
  tcase_add_test(tc, second_filer_waits_for_the_first);
  tcase_add_test(tc, concurrent_filers_stay_gapless);
  tcase_add_test(tc, one_daemon_at_a_time_per_reporter);
  tcase_add_test(tc, first_messages_on_two_daemons_make_one_reporter);
  suite_add_tcase(s, tc);
  return s;
}

PG_UNIT_MAIN(pg_talk_suite)
