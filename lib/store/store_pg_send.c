/*
 * store_pg_send.c: the sender's and the downloader's calls of the
 * PostgreSQL backend (see store_pg_internal.h): the outbox as the sender
 * takes, resumes and settles it, delivery reports, unconfirmed replies,
 * and evidence downloads.  Each call keeps the contract of store.h and
 * the behaviour of its sq_* twin in store_sqlite.c; what differs is how
 * several daemons on one database stay out of each other's way:
 *
 * - Outbox rows are claimed by one statement that picks the due rows
 *   with FOR UPDATE SKIP LOCKED and marks them "sending", naming this
 *   daemon (claimed_by = pg->instance; see migrations/postgres/0019).  A
 *   row another daemon is claiming is skipped, and a row it claimed is no
 *   longer "queued", so two daemons never take the same row; the
 *   ordering rule per reporter (SEND_OUTBOX_HEAD) still holds, since an
 *   older row being claimed elsewhere is still "queued" or already
 *   "sending".  A restart sends back to "queued" only this daemon's
 *   "sending" rows (and those nobody claimed), never another's.
 * - A delivery report may reach any daemon: it finds the row by its
 *   provider's id (or "outbox:<id>") wherever it was sent from, and moves
 *   the row's delivery forward by a compare-and-set, so that two reports
 *   of one row arriving at two daemons at once end at the higher one.
 * - Unconfirmed replies are flagged with the same SKIP LOCKED claim, so
 *   each row is flagged (and logged) by one daemon, once.
 * - Evidence downloads take a lease: store_evidence_due marks the rows it
 *   hands out as this daemon's (evidence.claimed_by) until
 *   SEND_EVIDENCE_LEASE_MS from now (next_attempt_at).  Another daemon
 *   skips a leased row until the lease runs out (its holder died); the
 *   holder gets its own leased rows back at every poll (renewing the
 *   lease), as the SQLite backend hands back rows still being fetched,
 *   so the downloader's skipping of rows it is busy with works alike.
 *   store_evidence_set ends the lease.  Should a download outlast its
 *   lease and be started again elsewhere, the claim check of
 *   store_evidence_set still lets only the first outcome land.
 * - The queue of deleted evidence rows is taken with SKIP LOCKED too:
 *   each deletion is handed to one daemon.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "store/store_pg_internal.h"

/* How long a download handed out by store_evidence_due is this daemon's
 * before another may start it (renewed at each poll that hands it out
 * again): longer than a download takes with the default [evidence]
 * timeout (60 s a request, up to four requests). */
#define SEND_EVIDENCE_LEASE_MS (10 * 60 * 1000)

/* How often a delivery report's compare-and-set is tried again when
 * another daemon changed the row in between. */
#define SEND_DELIVERY_TRIES 8

/* The reporter of row id takes the BSUID $2 when they have none and no
 * other reporter holds it: (reporters that could take it, reporters that
 * did).  Checking first keeps the unique index from aborting the batch;
 * only a race with another daemon linking the same BSUID still meets it
 * (AERR_DUP all the same). */
static const struct pg_stmt send_outbox_bsuid = {
  "send_outbox_bsuid",
  "WITH t AS (SELECT r.id FROM outbox o JOIN reporters r"
  " ON r.id = o.reporter_id WHERE o.id = $1 AND r.bsuid IS NULL"
  " AND r.purged_at IS NULL),"
  " u AS (UPDATE reporters SET bsuid = $2::text WHERE id IN (SELECT id FROM t)"
  " AND NOT EXISTS (SELECT 1 FROM reporters h WHERE h.bsuid = $2::text)"
  " RETURNING id)"
  " SELECT (SELECT count(*) FROM t), (SELECT count(*) FROM u)" };

/* How many of the front rows of the queue a take or store_outbox_next
 * reads before it looks at each reporter's first row instead (see
 * SEND_OUTBOX_HEADS): twice the batch, at least this many. */
#define SEND_QUEUE_WINDOW 32

/*
 * The first row still to go (queued or sending) of every reporter and
 * channel that has one, as h(reporter_id, channel, id): one step into
 * outbox_waiting per reporter and channel (migrations/postgres/0021),
 * however many rows each has waiting.  The takes below read the front
 * of the queue first, w: in the usual case (each reporter a reply or
 * two) its first rows may go, and h is never read; when the whole front
 * waits behind rows being sent (a flood, many replies per reporter),
 * reading on down the queue would read every row that waits, and h is
 * read instead.  Rows of h beyond w come after every row of w in the
 * queue's order, so the order of the batch holds.
 */
#define SEND_OUTBOX_HEADS \
  " h AS ((SELECT a.reporter_id, a.channel, a.id FROM outbox a" \
  " WHERE a.status IN ('queued', 'sending')" \
  " ORDER BY a.reporter_id, a.channel, a.id LIMIT 1)" \
  " UNION ALL SELECT n.reporter_id, n.channel, n.id FROM h, LATERAL" \
  " (SELECT a.reporter_id, a.channel, a.id FROM outbox a" \
  " WHERE a.status IN ('queued', 'sending')" \
  " AND (a.reporter_id, a.channel) > (h.reporter_id, h.channel)" \
  " ORDER BY a.reporter_id, a.channel, a.id LIMIT 1) n)"

/* Outbox row o (queued) is the oldest one still to go to its reporter on
 * its channel (the twin of SQ_OUTBOX_FIRST in store_sqlite.c), written as
 * "the first entry of outbox_waiting from o's reporter and channel on is
 * o", one step into that index.  (With "reporter_id = and channel =" the
 * planner may read the primary key in order instead, from the first row
 * on, which its statistics can make look as cheap.) */
#define SEND_OUTBOX_HEAD(o) \
  "(SELECT p.id FROM outbox p WHERE p.status IN ('queued', 'sending')" \
  " AND (p.reporter_id, p.channel) >= (" o ".reporter_id, " o ".channel)" \
  " ORDER BY p.reporter_id, p.channel, p.id LIMIT 1) = " o ".id"

/* Claim up to $3 due rows of channel $1 at $2 for daemon $4 (see the top
 * of this file), in the order of SQ_OUTBOX_DUE.  The candidates are the
 * $5 rows at the front of the channel's queue (w) that may go (f.first),
 * and the reporters' first rows (h) beyond them, each read by its key,
 * only when too few of those may; they (e), oldest first, are locked one
 * by one by key, skipping those another daemon holds, until $3 are held.
 * Every table is read through a key or an index walked in order, so that
 * the plan holds on new tables without statistics and on statistics that
 * still say the queue is empty. */
static const struct pg_stmt send_outbox_take = {
  "send_outbox_take",
  "WITH RECURSIVE w AS (SELECT o.id, o.reporter_id, o.channel,"
  " o.next_attempt_at FROM outbox o"
  " WHERE o.status = 'queued' AND o.channel = $1 AND o.next_attempt_at <= $2"
  " ORDER BY o.next_attempt_at, o.id LIMIT $5::bigint),"
  " f AS MATERIALIZED (SELECT w.id, w.next_attempt_at, "
  SEND_OUTBOX_HEAD("w") " AS first FROM w),"
  SEND_OUTBOX_HEADS ","
  " e AS MATERIALIZED (SELECT f.id, f.next_attempt_at FROM f WHERE f.first"
  " UNION ALL SELECT o.id, o.next_attempt_at FROM h, LATERAL (SELECT o.id,"
  " o.next_attempt_at FROM outbox o WHERE o.id = h.id"
  " AND o.status = 'queued' AND o.next_attempt_at <= $2 LIMIT 1) o"
  " WHERE h.channel = $1 AND NOT EXISTS (SELECT 1 FROM f WHERE f.id = h.id)"
  " AND (SELECT count(*) FROM f) >= $5::bigint"
  " AND (SELECT count(*) FROM f WHERE f.first) < $3::bigint"
  " ORDER BY 2, 1),"
  " c AS (SELECT l.id FROM e, LATERAL (SELECT x.id FROM outbox x"
  " WHERE x.id = e.id AND x.status = 'queued' FOR UPDATE SKIP LOCKED) l"
  " LIMIT $3::bigint),"
  " u AS (UPDATE outbox x SET status = 'sending', updated_at = $2,"
  " claimed_by = $4 WHERE x.id = ANY (ARRAY(SELECT c.id FROM c))"
  " RETURNING x.id, x.channel, x.reporter_id, x.kind, x.body, x.attempts,"
  " x.created_at, x.next_attempt_at)"
  " SELECT u.id, u.channel, CASE WHEN r.phone LIKE '+%' THEN r.phone END,"
  " u.kind, u.body, u.attempts, u.created_at,"
  " (SELECT max(i.received_at) FROM inbound i"
  " WHERE i.reporter_id = u.reporter_id AND i.channel = u.channel),"
  " r.bsuid FROM u JOIN reporters r ON r.id = u.reporter_id"
  " ORDER BY u.next_attempt_at, u.id" };

/* The earliest first.  For every channel that has queued rows (ch, one
 * step into outbox_queue each), its $1 rows at the front of the queue
 * are read in order until one may go (fr.t, usually the first) and
 * counted (fr.n); the reporters' first rows (h) are read only when a
 * channel's front is full and none of it may go.  (Rows of h behind a
 * channel's front come after it in time: they change no minimum.) */
static const struct pg_stmt send_outbox_next = {
  "send_outbox_next",
  "WITH RECURSIVE ch(c) AS ((SELECT min(o.channel) FROM outbox o"
  " WHERE o.status = 'queued') UNION ALL SELECT (SELECT min(o.channel)"
  " FROM outbox o WHERE o.status = 'queued' AND o.channel > ch.c)"
  " FROM ch WHERE ch.c IS NOT NULL),"
  " fr AS MATERIALIZED (SELECT (SELECT q.next_attempt_at FROM"
  " (SELECT o.id, o.reporter_id, o.channel, o.next_attempt_at FROM outbox o"
  " WHERE o.status = 'queued' AND o.channel = ch.c"
  " ORDER BY o.next_attempt_at, o.id LIMIT $1::bigint) q"
  " WHERE " SEND_OUTBOX_HEAD("q") " LIMIT 1) AS t,"
  " (SELECT count(*) FROM (SELECT 1 FROM outbox o WHERE o.status = 'queued'"
  " AND o.channel = ch.c LIMIT $1::bigint) z) AS n"
  " FROM ch WHERE ch.c IS NOT NULL),"
  SEND_OUTBOX_HEADS
  " SELECT x.t FROM (SELECT fr.t FROM fr WHERE fr.t IS NOT NULL UNION ALL"
  " SELECT o.next_attempt_at FROM h, LATERAL (SELECT o.next_attempt_at"
  " FROM outbox o WHERE o.id = h.id AND o.status = 'queued' LIMIT 1) o"
  " WHERE EXISTS (SELECT 1 FROM fr WHERE fr.t IS NULL"
  " AND fr.n >= $1::bigint)) x ORDER BY x.t LIMIT 1" };

static const struct pg_stmt send_outbox_resume = {
  "send_outbox_resume",
  "UPDATE outbox SET status = 'queued' WHERE status = 'sending'"
  " AND (claimed_by = $1 OR claimed_by IS NULL)" };

static const struct pg_stmt send_outbox_set = {
  "send_outbox_set",
  "UPDATE outbox SET status = $2::text, kind = coalesce($3::text, kind),"
  " attempts = CASE WHEN $4::bigint < 0 THEN attempts ELSE $4::bigint END,"
  " next_attempt_at = $5::bigint,"
  " provider_id = coalesce($6::text, provider_id), last_error = $7::text,"
  " updated_at = $8::bigint,"
  " sent_at = CASE WHEN $2::text = 'sent' THEN $8::bigint ELSE sent_at END,"
  " report_expected = CASE WHEN $2::text = 'sent' THEN $9::bigint"
  " ELSE report_expected END"
  " WHERE id = $1" };

static const struct pg_stmt send_outbox_by_provider = {
  "send_outbox_by_provider",
  "SELECT id, kind, coalesce(delivery, '') FROM outbox"
  " WHERE channel = $1 AND provider_id = $2 ORDER BY id LIMIT 1" };

static const struct pg_stmt send_outbox_by_id = {
  "send_outbox_by_id",
  "SELECT id, kind, coalesce(delivery, '') FROM outbox"
  " WHERE channel = $1 AND id = $2" };

/* Move row $1's delivery from $5 (as it was read) to $2. */
static const struct pg_stmt send_outbox_delivery = {
  "send_outbox_delivery",
  "UPDATE outbox SET delivery = $2::text, delivery_at = $3::bigint,"
  " last_error = coalesce($4::text, last_error), updated_at = $3::bigint"
  " WHERE id = $1 AND coalesce(delivery, '') = $5::text" };

static const struct pg_stmt send_outbox_count = {
  "send_outbox_count", "SELECT count(*) FROM outbox WHERE status = $1" };

/* Flag (claim) up to $3 sent rows of channel $1 sent at or before $2
 * with no report, unflagged, as unconfirmed at $4; see SQ_UNCONFIRMED_DUE
 * for the rows and their order. */
static const struct pg_stmt send_unconfirmed_flag = {
  "send_unconfirmed_flag",
  "WITH c AS (SELECT o.id FROM outbox o WHERE o.channel = $1"
  " AND o.status = 'sent' AND o.delivery IS NULL"
  " AND o.unconfirmed_at IS NULL AND o.report_expected = 1"
  " AND o.sent_at <= $2"
  " ORDER BY o.sent_at, o.id LIMIT $3::bigint FOR UPDATE SKIP LOCKED),"
  " u AS (UPDATE outbox x SET unconfirmed_at = $4 FROM c WHERE x.id = c.id"
  " RETURNING x.id, x.channel, x.reporter_id, x.ticket_id, x.kind,"
  " x.sent_at, x.unconfirmed_at)"
  " SELECT u.id, u.channel, r.phone, r.handle, t.number, u.kind,"
  " u.sent_at, u.unconfirmed_at FROM u JOIN reporters r"
  " ON r.id = u.reporter_id LEFT JOIN tickets t ON t.id = u.ticket_id"
  " ORDER BY u.sent_at, u.id" };

/* $1 NULL: no limit. */
static const struct pg_stmt send_unconfirmed_list = {
  "send_unconfirmed_list",
  "SELECT o.id, o.channel, r.phone, r.handle, t.number, o.kind,"
  " o.sent_at, o.unconfirmed_at FROM outbox o"
  " JOIN reporters r ON r.id = o.reporter_id"
  " LEFT JOIN tickets t ON t.id = o.ticket_id"
  " WHERE o.unconfirmed_at IS NOT NULL AND o.delivery IS NULL"
  " AND o.status = 'sent' ORDER BY o.sent_at, o.id LIMIT $1::bigint" };

static const struct pg_stmt send_unconfirmed_count = {
  "send_unconfirmed_count",
  "SELECT count(*) FROM outbox WHERE unconfirmed_at IS NOT NULL"
  " AND delivery IS NULL AND status = 'sent'" };

/* Lease up to $2 pending rows due at $1, or already leased by daemon $3,
 * to $3 until $4 (see the top of this file); oldest first. */
static const struct pg_stmt send_evidence_due = {
  "send_evidence_due",
  "WITH c AS (SELECT e.id FROM evidence e WHERE e.status = 'pending'"
  " AND (coalesce(e.next_attempt_at, 0) <= $1 OR e.claimed_by = $3)"
  " ORDER BY e.id LIMIT $2::bigint FOR UPDATE SKIP LOCKED),"
  " u AS (UPDATE evidence x SET next_attempt_at = $4, claimed_by = $3"
  " FROM c WHERE x.id = c.id RETURNING x.id, x.inbound_id, x.source_url,"
  " x.mime, x.attempts, x.received_at)"
  " SELECT u.id, i.channel, u.source_url, u.mime, u.attempts,"
  " u.received_at FROM u JOIN inbound i ON i.id = u.inbound_id"
  " ORDER BY u.id" };

/* The outcome of the download of row $1 started at attempts $11; ends
 * the lease. */
static const struct pg_stmt send_evidence_set = {
  "send_evidence_set",
  "UPDATE evidence SET status = $2::text, sha256 = coalesce($3::text, sha256),"
  " path = coalesce($4::text, path), mime = coalesce($5::text, mime),"
  " size = CASE WHEN $6::bigint > 0 THEN $6::bigint ELSE size END,"
  " attempts = $7, next_attempt_at = $8::bigint, last_error = $9::text,"
  " stored_at = CASE WHEN $2::text = 'stored' THEN $10::bigint"
  " ELSE stored_at END, claimed_by = NULL"
  " WHERE id = $1 AND status = 'pending' AND attempts = $11" };

/* Take (delete) up to $1 queued deletions, oldest first, with the file
 * name when no row refers to that file any more (see
 * SQ_EVIDENCE_DROPPED). */
static const struct pg_stmt send_evidence_dropped = {
  "send_evidence_dropped",
  "WITH c AS (SELECT seq FROM evidence_dropped ORDER BY seq LIMIT $1::bigint"
  " FOR UPDATE SKIP LOCKED),"
  " d AS (DELETE FROM evidence_dropped x USING c WHERE x.seq = c.seq"
  " RETURNING x.seq, x.evidence_id, x.sha256)"
  " SELECT d.seq, d.evidence_id, CASE WHEN d.sha256 IS NOT NULL AND"
  " NOT EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = d.sha256)"
  " THEN d.sha256 END FROM d ORDER BY d.seq" };

static const struct pg_stmt send_evidence_referenced = {
  "send_evidence_referenced",
  "SELECT count(*) FROM evidence WHERE sha256 = $1" };

/* ---- The outbox ---- */

int
pg_outbox_bsuid(struct store *st, int64_t outbox_id, const char *bsuid)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  PGresult *r;
  int64_t could, did;
  int rc;

  pa_init(&a);
  pa_int(&a, outbox_id);
  pa_text(&a, bsuid);
  rc = pg_run(pg, &send_outbox_bsuid, &a, &r, "cannot record a BSUID");
  if (rc != 0)
    return rc;
  could = pg_get_int(r, 0, 0);
  did = pg_get_int(r, 0, 1);
  PQclear(r);
  if (could == 0)
    return AERR_NOTFOUND;
  if (did == 0)
    return pg_fail(pg, AERR_DUP, "cannot record a BSUID: another reporter "
                   "holds it");
  return 0;
}

static void
fill_outbox_row(const PGresult *r, int i, void *elem, int *oom)
{
  struct store_outbox_row *o = elem;

  o->id = pg_get_int(r, i, 0);
  o->channel = pg_get_dup(r, i, 1, oom);
  o->phone = pg_get_dup(r, i, 2, oom);
  o->kind = pg_get_dup(r, i, 3, oom);
  o->body = pg_get_dup(r, i, 4, oom);
  o->attempts = (int)pg_get_int(r, i, 5);
  o->created_at = pg_get_int(r, i, 6);
  o->last_inbound_at = pg_get_int(r, i, 7);
  o->bsuid = pg_get_dup(r, i, 8, oom);
}

static void
drop_outbox_rows(void *v, int n)
{
  store_outbox_rows_free(v, n);
}

int
pg_outbox_take(struct store *st, const char *channel, int64_t now, int limit,
               struct store_outbox_row **rows, int *n)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  void *v = NULL;
  int rc;

  pa_init(&a);
  pa_text(&a, channel);
  pa_int(&a, now);
  pa_limit(&a, limit);
  pa_text(&a, pg->instance);
  pa_limit(&a, limit < 0 ? -1 : limit > SEND_QUEUE_WINDOW / 2
                                 ? 2 * limit : SEND_QUEUE_WINDOW);
  rc = pg_rows(pg, &send_outbox_take, &a, sizeof(**rows), fill_outbox_row,
                 drop_outbox_rows, &v, n, "cannot take due replies");
  *rows = v;
  return rc;
}

int
pg_outbox_next(struct store *st, int64_t *when)
{
  struct pg_args a;

  pa_init(&a);
  pa_int(&a, SEND_QUEUE_WINDOW);
  return pg_int(pg_of(st), &send_outbox_next, &a, when,
                "cannot read the next due reply");
}

int
pg_outbox_resume(struct store *st, int *n)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  int64_t changed = 0;
  int rc;

  pa_init(&a);
  pa_text(&a, pg->instance);
  rc = pg_exec(pg, &send_outbox_resume, &a, &changed,
               "cannot resume replies");
  *n = rc == 0 ? (int)changed : 0;
  return rc;
}

int
pg_outbox_set(struct store *st, int64_t id,
              const struct store_outbox_outcome *o)
{
  struct pg_args a;

  pa_init(&a);
  pa_int(&a, id);
  pa_text(&a, o->status);
  pa_text(&a, o->kind);
  pa_int(&a, o->attempts);
  pa_id(&a, o->next_attempt_at);
  pa_text(&a, o->provider_id);
  pa_text(&a, o->last_error);
  pa_int(&a, o->now);
  pa_int(&a, !o->no_report);
  return pg_exec(pg_of(st), &send_outbox_set, &a, NULL,
                 "cannot record a send");
}

/* Find the row a delivery report names: *id, *kind (allocated) and its
 * delivery so far in have.  0, AERR_NOTFOUND or an error. */
static int
delivery_find(struct pg_store *pg, const char *channel,
              const char *provider_id, int64_t *id, char **kind,
              char have[32])
{
  struct pg_args a;
  PGresult *r;
  int64_t ref = 0;
  int rc, oom = 0;

  pa_init(&a);
  pa_text(&a, channel);
  if (store_outbox_ref(provider_id, &ref)) {
    if (ref == 0)
      return AERR_NOTFOUND;
    pa_int(&a, ref);
    rc = pg_run(pg, &send_outbox_by_id, &a, &r, "cannot find a sent reply");
  } else {
    pa_text(&a, provider_id);
    rc = pg_run(pg, &send_outbox_by_provider, &a, &r,
                "cannot find a sent reply");
  }
  if (rc != 0)
    return rc;
  if (PQntuples(r) == 0) {
    PQclear(r);
    return AERR_NOTFOUND;
  }
  *id = pg_get_int(r, 0, 0);
  free(*kind);
  *kind = pg_get_dup(r, 0, 1, &oom);
  snprintf(have, 32, "%s", PQgetvalue(r, 0, 2));
  PQclear(r);
  return oom ? pg_fail(pg, -ENOMEM, "out of memory") : 0;
}

int
pg_outbox_delivery(struct store *st, const char *channel,
                   const char *provider_id, const char *delivery,
                   const char *error, int64_t now, int64_t *id, char **kind)
{
  struct pg_store *pg = pg_of(st);
  char have[32];
  int tries, rc;

  *kind = NULL;
  for (tries = 0; tries < SEND_DELIVERY_TRIES; tries++) {
    struct pg_args a;
    int64_t changed = 0;

    rc = delivery_find(pg, channel, provider_id, id, kind, have);
    if (rc != 0 ||
        store_delivery_rank(delivery) <= store_delivery_rank(have))
      break;
    pa_init(&a);
    pa_int(&a, *id);
    pa_text(&a, delivery);
    pa_int(&a, now);
    pa_text(&a, error);
    pa_text(&a, have);
    rc = pg_exec(pg, &send_outbox_delivery, &a, &changed,
                 "cannot record a delivery");
    if (rc != 0 || changed > 0)
      break;
    /* Another daemon's report moved the row in between: read it again. */
  }
  if (tries == SEND_DELIVERY_TRIES)
    rc = pg_fail(pg, -EBUSY, "cannot record a delivery: the row kept "
                 "changing");
  if (rc != 0) {
    free(*kind);
    *kind = NULL;
  }
  return rc;
}

int
pg_outbox_count(struct store *st, const char *status, int *n)
{
  struct pg_args a;

  pa_init(&a);
  pa_text(&a, status);
  return pg_count(pg_of(st), &send_outbox_count, &a, n,
                    "cannot count replies");
}

static void
fill_unconfirmed(const PGresult *r, int i, void *elem, int *oom)
{
  struct store_unconfirmed *u = elem;

  u->id = pg_get_int(r, i, 0);
  u->channel = pg_get_dup(r, i, 1, oom);
  u->phone = pg_get_dup(r, i, 2, oom);
  u->handle = pg_get_dup(r, i, 3, oom);
  u->ticket = pg_get_dup(r, i, 4, oom);
  u->kind = pg_get_dup(r, i, 5, oom);
  u->sent_at = pg_get_int(r, i, 6);
  u->flagged_at = pg_get_int(r, i, 7);
}

static void
drop_unconfirmed(void *v, int n)
{
  store_unconfirmed_free(v, n);
}

int
pg_outbox_flag_unconfirmed(struct store *st, const char *channel,
                           int64_t sent_before, int64_t now, int limit,
                           struct store_unconfirmed **rows, int *n)
{
  struct pg_args a;
  void *v = NULL;
  int rc;

  pa_init(&a);
  pa_text(&a, channel);
  pa_int(&a, sent_before);
  pa_limit(&a, limit);
  pa_int(&a, now);
  rc = pg_rows(pg_of(st), &send_unconfirmed_flag, &a, sizeof(**rows),
                 fill_unconfirmed, drop_unconfirmed, &v, n,
                 "cannot flag unconfirmed replies");
  *rows = v;
  return rc;
}

int
pg_outbox_unconfirmed(struct store *st, int limit,
                      struct store_unconfirmed **rows, int *n)
{
  struct pg_args a;
  void *v = NULL;
  int rc;

  pa_init(&a);
  pa_id(&a, limit > 0 ? limit : 0);   /* 0: all, as on SQLite */
  rc = pg_rows(pg_of(st), &send_unconfirmed_list, &a, sizeof(**rows),
                 fill_unconfirmed, drop_unconfirmed, &v, n,
                 "cannot read unconfirmed replies");
  *rows = v;
  return rc;
}

int
pg_outbox_count_unconfirmed(struct store *st, int *n)
{
  return pg_count(pg_of(st), &send_unconfirmed_count, NULL, n,
                    "cannot count unconfirmed replies");
}

/* ---- Evidence downloads ---- */

static void
fill_evidence_row(const PGresult *r, int i, void *elem, int *oom)
{
  struct store_evidence_row *e = elem;

  e->id = pg_get_int(r, i, 0);
  e->channel = pg_get_dup(r, i, 1, oom);
  e->source = pg_get_dup(r, i, 2, oom);
  e->mime = pg_get_dup(r, i, 3, oom);
  e->attempts = (int)pg_get_int(r, i, 4);
  e->received_at = pg_get_int(r, i, 5);
}

static void
drop_evidence_rows(void *v, int n)
{
  store_evidence_rows_free(v, n);
}

int
pg_evidence_due(struct store *st, int64_t now, int limit,
                struct store_evidence_row **rows, int *n)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  void *v = NULL;
  int rc;

  pa_init(&a);
  pa_int(&a, now);
  pa_limit(&a, limit);
  pa_text(&a, pg->instance);
  pa_int(&a, now + SEND_EVIDENCE_LEASE_MS);
  rc = pg_rows(pg, &send_evidence_due, &a, sizeof(**rows),
                 fill_evidence_row, drop_evidence_rows, &v, n,
                 "cannot read pending evidence");
  *rows = v;
  return rc;
}

int
pg_evidence_set(struct store *st, int64_t id,
                const struct store_evidence_outcome *o)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  int64_t changed = 0;
  int rc;

  pa_init(&a);
  pa_int(&a, id);
  pa_text(&a, o->status);
  pa_text(&a, o->sha256);
  pa_text(&a, o->path);
  pa_text(&a, o->mime);
  pa_int(&a, o->size);
  pa_int(&a, o->attempts);
  pa_id(&a, o->next_attempt_at);
  pa_text(&a, o->last_error);
  pa_int(&a, o->now);
  pa_int(&a, o->claim);
  rc = pg_exec(pg, &send_evidence_set, &a, &changed,
               "cannot record evidence");
  if (rc == 0 && changed == 0)
    return pg_fail(pg, AERR_NOTFOUND, "evidence %lld is no longer waiting "
                   "for this download", (long long)id);
  return rc;
}

static void
fill_evidence_dropped(const PGresult *r, int i, void *elem, int *oom)
{
  struct store_evidence_dropped *d = elem;

  d->seq = pg_get_int(r, i, 0);
  d->id = pg_get_int(r, i, 1);
  d->sha256 = pg_get_dup(r, i, 2, oom);
}

static void
drop_evidence_dropped(void *v, int n)
{
  store_evidence_dropped_free(v, n);
}

int
pg_evidence_take_dropped(struct store *st, int limit,
                         struct store_evidence_dropped **v, int *n)
{
  struct pg_args a;
  void *arr = NULL;
  int rc;

  pa_init(&a);
  pa_limit(&a, limit);
  rc = pg_rows(pg_of(st), &send_evidence_dropped, &a, sizeof(**v),
                 fill_evidence_dropped, drop_evidence_dropped, &arr, n,
                 "cannot take dropped evidence");
  *v = arr;
  return rc;
}

int
pg_evidence_referenced(struct store *st, const char *sha256, int *count)
{
  struct pg_args a;

  pa_init(&a);
  pa_text(&a, sha256);
  return pg_count(pg_of(st), &send_evidence_referenced, &a, count,
                    "references to a file");
}

/* The flag is set by the calls that delete evidence rows
 * (pg_evidence_drop, pg_purge_step) when they deleted any. */
int
pg_evidence_dropped_since(struct store *st)
{
  struct pg_store *pg = pg_of(st);
  int d = pg->dropped;

  pg->dropped = 0;
  return d;
}
