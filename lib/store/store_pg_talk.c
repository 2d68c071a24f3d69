/*
 * store_pg_talk.c: the conversation's calls of the PostgreSQL backend
 * (see store_pg_internal.h): reporters, inbound messages and their
 * inline replies, sessions, tickets and a draft's evidence.  Each call
 * keeps the contract of store.h and the behaviour of its sq_* twin in
 * store_sqlite.c.
 *
 * Several daemons on one database.  SQLite serialises writers with its
 * write lock; here other daemons' transactions run alongside ours, so:
 *
 * - A conflict a call expects never raises an error (which would spoil
 *   the request's savepoint): inserts are ON CONFLICT DO NOTHING
 *   RETURNING id, and an empty answer sends the call to the row that was
 *   there first.  Such an insert waits for another daemon's open batch
 *   that inserted the same key, then sees its row (READ COMMITTED: every
 *   statement reads what was committed before it began).
 * - Ticket numbers: the year's advisory lock (PG_LOCK_YEAR) is taken,
 *   waiting at most lock_timeout, before max(seq) + 1 is read, and held
 *   to the end of the batch, so no two daemons take one number; a ticket
 *   rolled back with its savepoint gives its number back as in SQLite.
 * - A reporter's conversation: inside a batch, the reporter's advisory
 *   lock (PG_LOCK_REPORTER) is tried before their session or their
 *   message count (the flood limit) is read, and held to the end of the
 *   batch.  When another daemon's batch holds it the call answers -EBUSY
 *   at once, without spoiling anything: the webhook rolls the request's
 *   savepoint back and answers 503, and the provider sends it again.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/err.h"
#include "rules/ticket.h"
#include "store/store_pg_internal.h"

/* How often a new reporter is tried again after its insert met a row
 * (another daemon's reporter, or a handle drawn twice). */
#define TALK_INSERT_TRIES 8

/* ---- Statements ---- */

static const struct pg_stmt talk_reporter_by_phone = {
  "talk_reporter_by_phone", "SELECT id FROM reporters WHERE phone = $1" };
static const struct pg_stmt talk_reporter_by_bsuid = {
  "talk_reporter_by_bsuid", "SELECT id FROM reporters WHERE bsuid = $1" };
/* A reporter known only by a BSUID holds "bsuid:HANDLE" (see 0013).  Any
 * uniqueness conflict (phone, BSUID or handle) inserts nothing. */
static const struct pg_stmt talk_reporter_insert = {
  "talk_reporter_insert",
  "INSERT INTO reporters (phone, handle, created_at, bsuid)"
  " VALUES (coalesce($1::text, 'bsuid:' || $2::text), $2, $3, $4)"
  " ON CONFLICT DO NOTHING RETURNING id" };
/* Give reporter $1 the identifiers given (a NULL leaves one as it is),
 * unless another reporter holds one of them: yields how many do. */
static const struct pg_stmt talk_reporter_link = {
  "talk_reporter_link",
  "WITH taken AS (SELECT count(*) AS n FROM reporters o WHERE o.id <> $1"
  "  AND (o.phone = $2::text OR o.bsuid = $3::text)),"
  " upd AS (UPDATE reporters SET phone = coalesce($2::text, phone),"
  "  bsuid = coalesce($3::text, bsuid) WHERE id = $1 AND purged_at IS NULL"
  "  AND (SELECT n FROM taken) = 0 RETURNING id)"
  " SELECT n FROM taken" };
static const struct pg_stmt talk_reporter_set_name = {
  "talk_reporter_set_name", "UPDATE reporters SET name = $2 WHERE id = $1" };
static const struct pg_stmt talk_reporter_handle = {
  "talk_reporter_handle", "SELECT handle FROM reporters WHERE id = $1" };
static const struct pg_stmt talk_inbound_insert = {
  "talk_inbound_insert",
  "INSERT INTO inbound (channel, provider_id, reporter_id, kind, body,"
  " payload, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
  " ON CONFLICT (channel, provider_id) DO NOTHING RETURNING id" };
static const struct pg_stmt talk_inbound_find = {
  "talk_inbound_find",
  "SELECT id FROM inbound WHERE channel = $1 AND provider_id = $2" };
static const struct pg_stmt talk_inbound_count_since = {
  "talk_inbound_count_since",
  "SELECT count(*) FROM inbound WHERE reporter_id = $1"
  " AND received_at >= $2" };
static const struct pg_stmt talk_outbox_insert = {
  "talk_outbox_insert",
  "INSERT INTO outbox (channel, reporter_id, inbound_id, ticket_id, kind,"
  " body, payload, status, attempts, next_attempt_at, created_at,"
  " updated_at, report_expected) VALUES ($1, $2, $3, $4, $5, $6, $7, $8,"
  " 0, $9, $10, $10, ($8::text = 'queued')::int) RETURNING id" };
static const struct pg_stmt talk_outbox_replies = {
  "talk_outbox_replies",
  "SELECT body FROM outbox WHERE reporter_id ="
  " (SELECT reporter_id FROM inbound WHERE id = $1) AND inbound_id = $1"
  " ORDER BY id" };
static const struct pg_stmt talk_session_get = {
  "talk_session_get",
  "SELECT id, channel, step, draft, invalid_count, updated_at,"
  " coalesce(expires_at, 0) FROM sessions"
  " WHERE reporter_id = $1 AND family = $2" };
static const struct pg_stmt talk_session_put = {
  "talk_session_put",
  "INSERT INTO sessions (reporter_id, family, channel, step, draft,"
  " invalid_count, last_inbound_at, updated_at, expires_at)"
  " VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)"
  " ON CONFLICT (reporter_id, family) DO UPDATE SET"
  " channel = excluded.channel, step = excluded.step,"
  " draft = excluded.draft, invalid_count = excluded.invalid_count,"
  " last_inbound_at = excluded.last_inbound_at,"
  " updated_at = excluded.updated_at, expires_at = excluded.expires_at"
  " RETURNING id" };
static const struct pg_stmt talk_ticket_nextseq = {
  "talk_ticket_nextseq",
  "SELECT coalesce(max(seq), 0) + 1 FROM tickets WHERE year = $1" };
static const struct pg_stmt talk_ticket_insert = {
  "talk_ticket_insert",
  "INSERT INTO tickets (number, year, seq, reporter_id, channel, status,"
  " category, terlapor, lokasi, lokasi_kode, lat, lng, waktu, kronologi,"
  " identitas, agency, created_at, updated_at, waktu_tanggal, marks,"
  " waktu_presisi, lokasi_tingkat, lokasi_tempat_kode, lokasi_tempat)"
  " VALUES ($1, $2, $3, $4, $5, 'diterima', $6, $7, $8, $9, $10, $11, $12,"
  " $13, $14, NULL, $15, $15, $16, $17, $18, $19, $20, $21) RETURNING id" };
static const struct pg_stmt talk_event_insert = {
  "talk_event_insert",
  "INSERT INTO ticket_events (ticket_id, at, actor, from_status,"
  " to_status, note) VALUES ($1, $2, $3, NULL, 'diterima', NULL)" };
#define TALK_TICKET_COLUMNS \
  "SELECT id, number, year, seq, reporter_id, channel, status, category," \
  " terlapor, lokasi, lokasi_kode, lat, lng, waktu, kronologi, identitas," \
  " agency, created_at, updated_at, marks, waktu_tanggal, waktu_presisi," \
  " lokasi_tingkat, lokasi_tempat_kode, lokasi_tempat FROM tickets"
static const struct pg_stmt talk_ticket_by_number = {
  "talk_ticket_by_number", TALK_TICKET_COLUMNS " WHERE number = $1" };
static const struct pg_stmt talk_ticket_by_id = {
  "talk_ticket_by_id", TALK_TICKET_COLUMNS " WHERE id = $1" };
static const struct pg_stmt talk_ticket_count_since = {
  "talk_ticket_count_since",
  "SELECT count(*) FROM tickets WHERE reporter_id = $1"
  " AND created_at >= $2" };
static const struct pg_stmt talk_evidence_insert = {
  "talk_evidence_insert",
  "INSERT INTO evidence (session_id, inbound_id, mime, source_url, status,"
  " received_at) VALUES ($1, $2, $3, $4, 'pending', $5) RETURNING id" };
static const struct pg_stmt talk_evidence_count = {
  "talk_evidence_count",
  "SELECT count(*) FROM evidence WHERE session_id = $1"
  " AND ticket_id IS NULL" };
static const struct pg_stmt talk_evidence_attach = {
  "talk_evidence_attach",
  "UPDATE evidence SET ticket_id = $2 WHERE session_id = $1"
  " AND ticket_id IS NULL" };
static const struct pg_stmt talk_evidence_drop = {
  "talk_evidence_drop",
  "DELETE FROM evidence WHERE session_id = $1 AND ticket_id IS NULL" };

/* ---- Small helpers ---- */

/* s, or NULL when it is "". */
static const char *
talk_given(const char *s)
{
  return s != NULL && s[0] != '\0' ? s : NULL;
}

/* Run s with one text parameter (and a second when b is not NULL): the
 * id it yields, or AERR_NOTFOUND. */
static int
talk_find(struct pg_store *pg, const struct pg_stmt *s, const char *a,
          const char *b, int64_t *id, const char *what)
{
  struct pg_args args;

  pa_init(&args);
  pa_text(&args, a);
  if (b != NULL)
    pa_text(&args, b);
  return pg_int(pg, s, &args, id, what);
}

/* Run s with the numbers a and b (nargs of them), which yields a count. */
static int
talk_count(struct pg_store *pg, const struct pg_stmt *s, int64_t a,
           int64_t b, int nargs, int *count, const char *what)
{
  struct pg_args args;

  pa_init(&args);
  pa_int(&args, a);
  if (nargs > 1)
    pa_int(&args, b);
  return pg_count(pg, s, &args, count, what);
}

/* Run s with the id a and the id b_id, else the text b (NULL: SQL
 * NULL): a write that yields nothing. */
static int
talk_update(struct pg_store *pg, const struct pg_stmt *s, int64_t a,
            const char *b, int64_t b_id, const char *what)
{
  struct pg_args args;

  pa_init(&args);
  pa_int(&args, a);
  if (b_id != 0)
    pa_int(&args, b_id);
  else
    pa_text(&args, b);
  return pg_exec(pg, s, &args, NULL, what);
}

/* Inside a batch, take the reporter's lock (see the top of this file). */
static int
talk_hold_reporter(struct pg_store *pg, int64_t reporter_id)
{
  return pg->batch ? pg_lock(pg, PG_LOCK_REPORTER, reporter_id, 0) : 0;
}

/* ---- Reporters ---- */

/*
 * Give reporter id the phone and/or BSUID given: 0, AERR_DUP when
 * another reporter holds one of them (nothing is changed then, and
 * nothing is spoilt), or an error.
 */
static int
talk_reporter_link_ids(struct pg_store *pg, int64_t id, const char *phone,
                       const char *bsuid)
{
  struct pg_args a;
  int64_t taken = 0;
  int rc;

  pa_init(&a);
  pa_int(&a, id);
  pa_text(&a, phone);
  pa_text(&a, bsuid);
  rc = pg_int(pg, &talk_reporter_link, &a, &taken,
              "cannot link a reporter's identifiers");
  if (rc == 0 && taken > 0)
    rc = pg_fail(pg, AERR_DUP, "another reporter holds that identifier");
  return rc;
}

/*
 * The reporter known by phone, else by bsuid, as store_reporter_identify
 * finds it (linking the identifier it lacks): 0 with *id and *how set,
 * AERR_NOTFOUND when neither is known, or an error.
 */
static int
talk_reporter_find(struct pg_store *pg, const char *phone, const char *bsuid,
                   int64_t *id, enum store_id_how *how)
{
  int64_t by_phone = 0, by_bsuid = 0;
  int rc = AERR_NOTFOUND;

  if (phone != NULL)
    rc = talk_find(pg, &talk_reporter_by_phone, phone, NULL, &by_phone,
                   "cannot look up a reporter");
  if ((rc == 0 || rc == AERR_NOTFOUND) && bsuid != NULL)
    rc = talk_find(pg, &talk_reporter_by_bsuid, bsuid, NULL, &by_bsuid,
                   "cannot look up a reporter");
  if (rc != 0 && rc != AERR_NOTFOUND)
    return rc;
  if (by_phone == 0 && by_bsuid == 0)
    return AERR_NOTFOUND;
  /* The number decides when the two name different reporters. */
  *how = STORE_ID_FOUND;
  *id = by_phone != 0 ? by_phone : by_bsuid;
  if (by_phone != 0 && by_bsuid != 0) {
    if (by_phone != by_bsuid)
      *how = STORE_ID_CONFLICT;
    return 0;
  }
  if ((by_phone != 0 && bsuid == NULL) || (by_bsuid != 0 && phone == NULL))
    return 0;
  /* Found by one identifier; the other is new: the reporter takes it. */
  rc = talk_reporter_link_ids(pg, *id, by_phone != 0 ? NULL : phone,
                              by_phone != 0 ? bsuid : NULL);
  if (rc == 0)
    *how = STORE_ID_LINKED;
  return rc;
}

/* Insert a reporter with a fresh handle: 0 with *id set, AERR_NOTFOUND
 * when a row was in the way (nothing inserted), or an error. */
static int
talk_reporter_insert_new(struct pg_store *pg, const char *phone,
                         const char *bsuid, int64_t now, int64_t *id)
{
  char handle[STORE_HANDLE_LEN];
  struct pg_args a;

  if (store_handle_new(&pg->base, handle) != 0)
    return pg_fail(pg, AERR_STORE, "no random bytes for a reporter handle");
  pa_init(&a);
  pa_text(&a, phone);
  pa_text(&a, handle);
  pa_int(&a, now);
  pa_text(&a, bsuid);
  return pg_int(pg, &talk_reporter_insert, &a, id, "cannot add a reporter");
}

/*
 * Find the reporter by phone, else by BSUID, or insert one (see
 * store_reporter_identify).  An insert that meets a row inserts nothing:
 * another daemon's first message of the same reporter came first (its
 * insert is waited for), or the handle was drawn twice; the reporter is
 * then looked for again, and the outcome is what that finds.
 */
int
pg_reporter_ensure(struct store *st, const char *phone, const char *bsuid,
                   int64_t now, int64_t *id, enum store_id_how *how)
{
  struct pg_store *pg = pg_of(st);
  int tries, rc;

  if (pg->lost)
    return pg->lost;
  phone = talk_given(phone);
  bsuid = talk_given(bsuid);
  if (phone == NULL && bsuid == NULL)
    return pg_fail(pg, -EINVAL, "a reporter needs a phone number or a "
                   "BSUID");
  *how = STORE_ID_FOUND;
  for (tries = 0; tries < TALK_INSERT_TRIES; tries++) {
    rc = talk_reporter_find(pg, phone, bsuid, id, how);
    if (rc != AERR_NOTFOUND)
      return rc;
    rc = talk_reporter_insert_new(pg, phone, bsuid, now, id);
    if (rc == 0)
      *how = STORE_ID_NEW;
    if (rc != AERR_NOTFOUND)
      return rc;
  }
  return pg_fail(pg, AERR_STORE, "no new reporter after %d tries",
                 TALK_INSERT_TRIES);
}

int
pg_reporter_renumber(struct store *st, const char *old_phone,
                     const char *old_bsuid, const char *new_phone,
                     const char *new_bsuid, int64_t *id)
{
  struct pg_store *pg = pg_of(st);
  int rc = AERR_NOTFOUND;

  if (talk_given(old_phone) != NULL)
    rc = talk_find(pg, &talk_reporter_by_phone, old_phone, NULL, id,
                   "cannot look up a reporter");
  if (rc == AERR_NOTFOUND && talk_given(old_bsuid) != NULL)
    rc = talk_find(pg, &talk_reporter_by_bsuid, old_bsuid, NULL, id,
                   "cannot look up a reporter");
  if (rc != 0)
    return rc;
  return talk_reporter_link_ids(pg, *id, talk_given(new_phone),
                                talk_given(new_bsuid));
}

int
pg_reporter_set_name(struct store *st, int64_t reporter_id, const char *name)
{
  return talk_update(pg_of(st), &talk_reporter_set_name, reporter_id, name,
                     0, "cannot name a reporter");
}

int
pg_reporter_handle(struct store *st, int64_t reporter_id, char **handle)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  PGresult *r;
  int rc, oom = 0;

  *handle = NULL;
  pa_init(&a);
  pa_int(&a, reporter_id);
  rc = pg_run(pg, &talk_reporter_handle, &a, &r, "cannot read a reporter");
  if (rc != 0)
    return rc;
  if (PQntuples(r) == 0)
    rc = AERR_NOTFOUND;
  else
    *handle = pg_get_dup(r, 0, 0, &oom);
  PQclear(r);
  if (oom)
    rc = pg_fail(pg, -ENOMEM, "out of memory reading a reporter");
  return rc;
}

/* ---- Inbound messages and replies ---- */

/*
 * Insert the message unless (channel, provider_id) is stored already; in
 * that case the earlier row's id is returned with AERR_DUP, and the
 * batch goes on (nothing raised an error).
 */
int
pg_inbound_add(struct store *st, const struct store_inbound *in, int64_t *id)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  int rc;

  pa_init(&a);
  pa_text(&a, in->channel);
  pa_text(&a, in->provider_id);
  pa_int(&a, in->reporter_id);
  pa_text(&a, in->kind);
  pa_text(&a, in->body);
  if (in->payload != NULL)
    pa_bytes(&a, in->payload, in->payload_len);
  else
    pa_text(&a, NULL);
  pa_int(&a, in->received_at);
  rc = pg_int(pg, &talk_inbound_insert, &a, id,
              "cannot add an inbound message");
  if (rc != AERR_NOTFOUND)
    return rc;
  rc = talk_find(pg, &talk_inbound_find, in->channel, in->provider_id, id,
                 "cannot look up an inbound message");
  if (rc == AERR_NOTFOUND)
    return pg_fail(pg, AERR_STORE, "inbound message was neither added nor "
                   "found");
  if (rc != 0)
    return rc;
  return pg_fail(pg, AERR_DUP, "inbound message already stored (channel "
                 "%s, provider id %s)", in->channel, in->provider_id);
}

int
pg_inbound_find(struct store *st, const char *channel,
                const char *provider_id, int64_t *id)
{
  struct pg_store *pg = pg_of(st);

  if (pg->lost)
    return pg->lost;
  if (channel == NULL || provider_id == NULL)
    return AERR_NOTFOUND;
  return talk_find(pg, &talk_inbound_find, channel, provider_id, id,
                   "cannot look up an inbound message");
}

/* Messages the reporter sent since since: the flood limit's count, so
 * the reporter is held first (see the top of this file). */
int
pg_inbound_count_since(struct store *st, int64_t reporter_id, int64_t since,
                       int *count)
{
  struct pg_store *pg = pg_of(st);
  int rc = talk_hold_reporter(pg, reporter_id);

  *count = 0;
  if (rc != 0)
    return rc;
  return talk_count(pg, &talk_inbound_count_since, reporter_id, since, 2,
                    count, "cannot count messages");
}

int
pg_outbox_add(struct store *st, const struct store_outbox *o, int64_t *id)
{
  const char *status = o->status != NULL ? o->status : "queued";
  struct pg_args a;
  int64_t got = 0;
  int rc;

  pa_init(&a);
  pa_text(&a, o->channel);
  pa_int(&a, o->reporter_id);
  pa_id(&a, o->inbound_id);
  pa_id(&a, o->ticket_id);
  pa_text(&a, o->kind);
  pa_text(&a, o->body);
  pa_text(&a, o->payload);
  pa_text(&a, status);
  if (strcmp(status, "queued") == 0)
    pa_int(&a, o->created_at);
  else
    pa_text(&a, NULL);
  pa_int(&a, o->created_at);
  rc = pg_int(pg_of(st), &talk_outbox_insert, &a, &got,
              "cannot add an outbox row");
  if (rc == 0 && id != NULL)
    *id = got;
  return rc;
}

int
pg_outbox_replies(struct store *st, int64_t inbound_id,
                  struct store_strings *out)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  PGresult *r;
  int rc, i, n;

  out->v = NULL;
  out->n = 0;
  pa_init(&a);
  pa_int(&a, inbound_id);
  rc = pg_run(pg, &talk_outbox_replies, &a, &r, "cannot read the replies");
  if (rc != 0)
    return rc;
  n = PQntuples(r);
  if (n > 0)
    out->v = calloc((size_t)n, sizeof(*out->v));
  for (i = 0; i < n && out->v != NULL; i++) {
    out->v[i] = strdup(PQgetvalue(r, i, 0));   /* "" for NULL */
    if (out->v[i] == NULL)
      break;
    out->n++;
  }
  PQclear(r);
  if (out->n < n) {
    store_strings_free(out);
    return pg_fail(pg, -ENOMEM, "out of memory reading the replies");
  }
  return 0;
}

/* ---- Sessions ---- */

/* The session of (reporter_id, family); inside a batch the reporter is
 * held first (see the top of this file). */
int
pg_session_get(struct store *st, int64_t reporter_id, const char *family,
               struct store_session *out)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  PGresult *r;
  int rc, oom = 0;

  memset(out, 0, sizeof(*out));
  rc = talk_hold_reporter(pg, reporter_id);
  if (rc != 0)
    return rc;
  pa_init(&a);
  pa_int(&a, reporter_id);
  pa_text(&a, family);
  rc = pg_run(pg, &talk_session_get, &a, &r, "cannot read a session");
  if (rc != 0)
    return rc;
  if (PQntuples(r) == 0) {
    PQclear(r);
    return AERR_NOTFOUND;
  }
  out->id = pg_get_int(r, 0, 0);
  out->reporter_id = reporter_id;
  out->family = strdup(family);
  out->channel = pg_get_dup(r, 0, 1, &oom);
  out->step = pg_get_dup(r, 0, 2, &oom);
  out->draft = pg_get_dup(r, 0, 3, &oom);
  out->invalid_count = (int)pg_get_int(r, 0, 4);
  out->updated_at = pg_get_int(r, 0, 5);
  out->expires_at = pg_get_int(r, 0, 6);
  PQclear(r);
  if (out->family == NULL || out->channel == NULL || out->step == NULL ||
      out->draft == NULL) {
    store_session_clear(out);
    return pg_fail(pg, -ENOMEM, "out of memory reading a session");
  }
  return 0;
}

int
pg_session_put(struct store *st, struct store_session *s)
{
  struct pg_args a;

  pa_init(&a);
  pa_int(&a, s->reporter_id);
  pa_text(&a, s->family);
  pa_text(&a, s->channel);
  pa_text(&a, s->step);
  pa_text(&a, s->draft != NULL ? s->draft : "{}");
  pa_int(&a, s->invalid_count);
  pa_int(&a, s->updated_at);
  pa_id(&a, s->expires_at);
  return pg_int(pg_of(st), &talk_session_put, &a, &s->id,
                "cannot save a session");
}

/* ---- Tickets ---- */

/* The parameters of talk_ticket_insert for t, numbered number. */
static void
talk_ticket_args(struct pg_args *a, const struct store_ticket_new *t,
                 const char *number, int year, int64_t seq)
{
  pa_init(a);
  pa_text(a, number);
  pa_int(a, year);
  pa_int(a, seq);
  pa_int(a, t->reporter_id);
  pa_text(a, t->channel);
  pa_text(a, t->category);
  pa_text(a, t->terlapor);
  pa_text(a, t->lokasi);
  pa_text(a, t->lokasi_kode);
  if (t->has_location) {
    pa_real(a, t->lat);
    pa_real(a, t->lng);
  } else {
    pa_text(a, NULL);
    pa_text(a, NULL);
  }
  pa_text(a, t->waktu);
  pa_text(a, t->kronologi);
  pa_text(a, t->identitas);
  pa_int(a, t->created_at);
  pa_text(a, t->waktu_tanggal);
  pa_text(a, t->marks);
  pa_text(a, t->waktu_presisi);
  pa_text(a, t->lokasi_tingkat);
  pa_text(a, t->lokasi_tempat_kode);
  pa_text(a, t->lokasi_tempat);
}

/*
 * The next number of the year is max(seq) + 1, read under the year's
 * lock (waited for: another daemon's batch that filed a ticket of the
 * year holds it until it ends), so no two daemons take the same number;
 * a rolled-back ticket gives its number back, leaving no gap.
 */
int
pg_ticket_create(struct store *st, const struct store_ticket_new *t,
                 const char *prefix, const char *actor, int64_t *id,
                 char number[32])
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  int64_t seq = 0;
  int year = wita_year(t->created_at), rc;

  rc = pg_lock(pg, PG_LOCK_YEAR, year, 1);
  if (rc == 0) {
    pa_init(&a);
    pa_int(&a, year);
    rc = pg_int(pg, &talk_ticket_nextseq, &a, &seq, "cannot number a ticket");
  }
  if (rc != 0)
    return rc;
  if (seq > INT_MAX || ticket_number_format(prefix, year, (int)seq,
                                            number) != 0)
    return pg_fail(pg, AERR_STORE, "ticket number out of range");
  talk_ticket_args(&a, t, number, year, seq);
  rc = pg_int(pg, &talk_ticket_insert, &a, id, "cannot file a ticket");
  if (rc != 0)
    return rc;
  pa_init(&a);
  pa_int(&a, *id);
  pa_int(&a, t->created_at);
  pa_text(&a, actor);
  return pg_exec(pg, &talk_event_insert, &a, NULL,
                 "cannot add a ticket event");
}

void
pg_ticket_read(const PGresult *r, int row, struct store_ticket *out,
               int *oom)
{
  out->id = pg_get_int(r, row, 0);
  out->number = pg_get_dup(r, row, 1, oom);
  out->year = (int)pg_get_int(r, row, 2);
  out->seq = (int)pg_get_int(r, row, 3);
  out->reporter_id = pg_get_int(r, row, 4);
  out->channel = pg_get_dup(r, row, 5, oom);
  out->status = pg_get_dup(r, row, 6, oom);
  out->category = pg_get_dup(r, row, 7, oom);
  out->terlapor = pg_get_dup(r, row, 8, oom);
  out->lokasi = pg_get_dup(r, row, 9, oom);
  out->lokasi_kode = pg_get_dup(r, row, 10, oom);
  out->has_location = !pg_get_null(r, row, 11);
  out->lat = pg_get_real(r, row, 11);
  out->lng = pg_get_real(r, row, 12);
  out->waktu = pg_get_dup(r, row, 13, oom);
  out->kronologi = pg_get_dup(r, row, 14, oom);
  out->identitas = pg_get_dup(r, row, 15, oom);
  out->agency = pg_get_dup(r, row, 16, oom);
  out->created_at = pg_get_int(r, row, 17);
  out->updated_at = pg_get_int(r, row, 18);
  out->marks = pg_get_dup(r, row, 19, oom);
  out->waktu_tanggal = pg_get_dup(r, row, 20, oom);
  out->waktu_presisi = pg_get_dup(r, row, 21, oom);
  out->lokasi_tingkat = pg_get_dup(r, row, 22, oom);
  out->lokasi_tempat_kode = pg_get_dup(r, row, 23, oom);
  out->lokasi_tempat = pg_get_dup(r, row, 24, oom);
}

/* One ticket by number (when not NULL) or by id. */
static int
talk_ticket_fetch(struct store *st, const char *number, int64_t id,
                  struct store_ticket *out)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  PGresult *r;
  int rc, oom = 0;

  memset(out, 0, sizeof(*out));
  pa_init(&a);
  if (number != NULL)
    pa_text(&a, number);
  else
    pa_int(&a, id);
  rc = pg_run(pg, number != NULL ? &talk_ticket_by_number
                                 : &talk_ticket_by_id, &a, &r,
              "cannot read a ticket");
  if (rc != 0)
    return rc;
  if (PQntuples(r) == 0) {
    PQclear(r);
    return AERR_NOTFOUND;
  }
  pg_ticket_read(r, 0, out, &oom);
  PQclear(r);
  if (oom) {
    store_ticket_clear(out);
    return pg_fail(pg, -ENOMEM, "out of memory reading a ticket");
  }
  return 0;
}

int
pg_ticket_by_id(struct store *st, int64_t id, struct store_ticket *out)
{
  return talk_ticket_fetch(st, NULL, id, out);
}

int
pg_ticket_by_number(struct store *st, const char *number,
                    struct store_ticket *out)
{
  return talk_ticket_fetch(st, number, 0, out);
}

int
pg_ticket_count_since(struct store *st, int64_t reporter_id, int64_t since,
                      int *count)
{
  return talk_count(pg_of(st), &talk_ticket_count_since, reporter_id, since,
                    2, count, "cannot count tickets");
}

/* ---- Evidence ---- */

int
pg_evidence_add(struct store *st, const struct store_evidence *e,
                int64_t *id)
{
  struct pg_args a;
  int64_t got = 0;
  int rc;

  pa_init(&a);
  pa_id(&a, e->session_id);
  pa_int(&a, e->inbound_id);
  pa_text(&a, e->mime);
  pa_text(&a, e->source_url);
  pa_int(&a, e->received_at);
  rc = pg_int(pg_of(st), &talk_evidence_insert, &a, &got,
              "cannot add evidence");
  if (rc == 0 && id != NULL)
    *id = got;
  return rc;
}

int
pg_evidence_count(struct store *st, int64_t session_id, int *count)
{
  return talk_count(pg_of(st), &talk_evidence_count, session_id, 0, 1,
                    count, "cannot count evidence");
}

int
pg_evidence_attach(struct store *st, int64_t session_id, int64_t ticket_id)
{
  return talk_update(pg_of(st), &talk_evidence_attach, session_id, NULL,
                     ticket_id, "cannot attach evidence");
}

/* Drop a session's loose evidence; the trigger of 0009 queues each row
 * for its file, and pg->dropped tells store_evidence_dropped_since. */
int
pg_evidence_drop(struct store *st, int64_t session_id)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  int64_t n = 0;
  int rc;

  pa_init(&a);
  pa_int(&a, session_id);
  rc = pg_exec(pg, &talk_evidence_drop, &a, &n, "cannot drop evidence");
  if (rc == 0 && n > 0)
    pg->dropped = 1;
  return rc;
}
