/*
 * store_pg_case.c: the operators' calls of the PostgreSQL backend (lists,
 * events, status, questions, reveals, retention, SLA); see
 * store_pg_internal.h.  Each call keeps the contract of store.h and the
 * rows, codes and order of its SQLite twin (store_sqlite.c).
 *
 * Several daemons on one database.  Where the SQLite backend leans on its
 * single writer, these calls hold under concurrent transactions:
 *
 * - A status change is a compare-and-set: UPDATE ... WHERE status = from.
 *   A second daemon's UPDATE of the same ticket waits for the first one's
 *   commit, then finds the status moved and changes nothing (AERR_STATE),
 *   so one ticket never leaves one status twice.
 * - The retention purge clears payloads it has locked (SKIP LOCKED: two
 *   purges take different rows), and purges a reporter only while holding
 *   that reporter's conversation lock (PG_LOCK_REPORTER, not waited for:
 *   a reporter being talked to is skipped) and only when, read again
 *   after the lock was taken, they are still not purged and still quiet;
 *   a reporter another purge took first counts for that purge alone.
 * - The service-level check locks the tickets it hands out (SKIP LOCKED)
 *   and then drops those that another daemon has marked meanwhile, so a
 *   ticket is logged overdue by one daemon once per stay; the mark itself
 *   is an INSERT ... ON CONFLICT DO NOTHING.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "store/store_pg_internal.h"

/* ---- Statements ---- */

/* A ticket's additions and supporting statements (see SQ_ADDITIONS). */
#define CASE_ADDITIONS \
  "(SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id" \
  " AND e.from_status IS NULL AND e.actor = 'tambahan')," \
  " (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id" \
  " AND e.from_status IS NULL AND (e.actor = 'dukungan'" \
  " OR e.actor LIKE 'dukungan:%'))"

/* When ticket t entered its status (see store.h). */
#define CASE_STATUS_SINCE \
  "coalesce((SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = t.id" \
  " AND e.to_status = t.status), t.updated_at)"

/* The statuses with a service-level timer. */
#define CASE_TIMED "('diterima', 'diverifikasi', 'diproses')"

/* Ticket t is in a timed status and not yet marked overdue in this stay. */
#define CASE_SLA_UNMARKED \
  "t.status IN " CASE_TIMED \
  " AND NOT EXISTS (SELECT 1 FROM ticket_overdue o" \
  "  WHERE o.ticket_id = t.id AND o.status = t.status" \
  "  AND o.since = " CASE_STATUS_SINCE ")"

/* Reporter r may be purged: nothing open, owed, being written or held,
 * nothing recent (cut the cut-off, now the time, keep how long an
 * expired draft is held; see SQ_PURGE_CANDIDATES). */
#define CASE_QUIET(cut, now, keep) \
  "r.created_at < " cut \
  " AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.reporter_id = r.id" \
  "  AND (t.status NOT IN ('selesai', 'ditolak') OR t.updated_at >= " cut "))" \
  " AND NOT EXISTS (SELECT 1 FROM inbound i WHERE i.reporter_id = r.id" \
  "  AND i.received_at >= " cut ")" \
  " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.reporter_id = r.id" \
  "  AND o.status IN ('queued', 'sending'))" \
  " AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.reporter_id = r.id" \
  "  AND s.step <> 'menu' AND coalesce(s.expires_at, 0) + " keep " > " now ")"

static const struct pg_stmt case_list = {
  "case_list",
  "SELECT t.id, t.number, t.year, t.seq, t.reporter_id, t.channel,"
  " t.status, t.category, t.terlapor, t.lokasi, t.lokasi_kode, t.lat,"
  " t.lng, t.waktu, t.kronologi, t.identitas, t.agency, t.created_at,"
  " t.updated_at, t.marks, t.waktu_tanggal, t.waktu_presisi,"
  " t.lokasi_tingkat, t.lokasi_tempat_kode, t.lokasi_tempat, r.handle, "
  CASE_STATUS_SINCE ", " CASE_ADDITIONS " FROM tickets t"
  " JOIN reporters r ON r.id = t.reporter_id"
  " WHERE ($1::text IS NULL OR t.status = $1)"
  " AND ($2::text IS NULL OR t.category = $2)"
  " AND ($3::text IS NULL OR t.lokasi_kode = $3)"
  " AND t.created_at >= $4::bigint AND t.created_at < $5::bigint"
  " AND ($6::bigint = 0 OR t.status NOT IN ('selesai', 'ditolak'))"
  " AND ($8::bigint = 0 OR t.status IN " CASE_TIMED ")"
  " AND ($9::bigint = 0 OR t.reporter_id = $9)"
  " ORDER BY t.created_at, t.id LIMIT $7::bigint" };
static const struct pg_stmt case_events = {
  "case_events",
  "SELECT at, actor, from_status, to_status, note FROM ticket_events"
  " WHERE ticket_id = $1 ORDER BY at, id" };
static const struct pg_stmt case_evidence = {
  "case_evidence",
  "SELECT id, mime, sha256, status, coalesce(size, 0), received_at"
  " FROM evidence WHERE ticket_id = $1 ORDER BY id" };
static const struct pg_stmt case_set_status = {
  "case_set_status",
  "UPDATE tickets SET status = $3, agency = coalesce($4, agency),"
  " updated_at = $5 WHERE id = $1 AND status = $2" };
static const struct pg_stmt case_event_add = {
  "case_event_add",
  "INSERT INTO ticket_events (ticket_id, at, actor, from_status,"
  " to_status, note) VALUES ($1, $2, $3, $4, $5, $6)" };
static const struct pg_stmt case_count_status = {
  "case_count_status", "SELECT count(*) FROM tickets WHERE status = $1" };
static const struct pg_stmt case_count_active = {
  "case_count_active",
  "SELECT count(*) FROM sessions WHERE step <> 'menu' AND expires_at > $1" };
/* The oldest payloads still kept, each locked by one purge only. */
static const struct pg_stmt case_purge_payloads = {
  "case_purge_payloads",
  "UPDATE inbound SET payload = NULL WHERE payload IS NOT NULL"
  " AND id IN (SELECT id FROM inbound WHERE payload IS NOT NULL"
  " AND received_at < $1 ORDER BY received_at LIMIT $2"
  " FOR NO KEY UPDATE SKIP LOCKED)" };
static const struct pg_stmt case_purge_candidates = {
  "case_purge_candidates",
  "SELECT r.id, " CASE_QUIET("$2::bigint", "$4::bigint", "$5::bigint")
  " FROM reporters r WHERE r.id > $1 AND r.purged_at IS NULL"
  " ORDER BY r.id LIMIT $3" };
/* Asked again under the reporter's lock: still unpurged, still quiet. */
static const struct pg_stmt case_purge_reporter = {
  "case_purge_reporter",
  "UPDATE reporters r SET phone = 'purged:' || handle, name = NULL,"
  " bsuid = NULL, purged_at = $2 WHERE r.id = $1 AND r.purged_at IS NULL"
  " AND " CASE_QUIET("$3::bigint", "$2::bigint", "$4::bigint") };
static const struct pg_stmt case_purge_inbound = {
  "case_purge_inbound",
  "UPDATE inbound SET body = NULL, payload = NULL WHERE reporter_id = $1" };
static const struct pg_stmt case_purge_outbox = {
  "case_purge_outbox",
  "UPDATE outbox SET body = '', payload = NULL WHERE reporter_id = $1" };
/* A purged reporter's loose evidence (of drafts never filed). */
static const struct pg_stmt case_purge_evidence = {
  "case_purge_evidence",
  "DELETE FROM evidence WHERE ticket_id IS NULL AND session_id IN"
  " (SELECT id FROM sessions WHERE reporter_id = $1)" };
static const struct pg_stmt case_purge_sessions = {
  "case_purge_sessions",
  "UPDATE sessions SET step = 'menu', draft = '{}', invalid_count = 0,"
  " expires_at = NULL WHERE reporter_id = $1" };
static const struct pg_stmt case_identity = {
  "case_identity",
  "SELECT r.id, r.handle, CASE WHEN r.purged_at IS NULL"
  " AND r.phone LIKE '+%' THEN r.phone END,"
  " r.name, coalesce(r.purged_at, 0), r.bsuid FROM tickets t"
  " JOIN reporters r ON r.id = t.reporter_id WHERE t.id = $1" };
static const struct pg_stmt case_reveal_add = {
  "case_reveal_add",
  "INSERT INTO identity_reveals (ticket_id, reporter_id, at, actor, reason)"
  " VALUES ($1, $2, $3, $4, $5)" };
static const struct pg_stmt case_reveals = {
  "case_reveals",
  "SELECT at, actor, NULL::text, NULL::text, reason FROM identity_reveals"
  " WHERE ticket_id = $1 ORDER BY at, id" };
static const struct pg_stmt case_question_add = {
  "case_question_add",
  "INSERT INTO questions (ticket_id, reporter_id, asked_at, actor,"
  " question) VALUES ($1, $2, $3, $4, $5) RETURNING id" };
static const struct pg_stmt case_question_waiting = {
  "case_question_waiting",
  "SELECT q.id, t.id, t.number FROM questions q"
  " JOIN tickets t ON t.id = q.ticket_id"
  " WHERE q.reporter_id = $1 AND q.answered_at IS NULL"
  " AND t.status NOT IN ('selesai', 'ditolak')"
  " ORDER BY q.asked_at DESC, q.id DESC LIMIT 1" };
static const struct pg_stmt case_question_answer = {
  "case_question_answer",
  "UPDATE questions SET answered_at = $2, answer_inbound_id = $3,"
  " answer = $4 WHERE id = $1 AND answered_at IS NULL" };
static const struct pg_stmt case_questions = {
  "case_questions",
  "SELECT asked_at, actor, question, coalesce(answered_at, 0), answer"
  " FROM questions WHERE ticket_id = $1 ORDER BY asked_at, id" };
/* Tickets to check, locked for this daemon's batch; those another daemon
 * is checking are skipped.  NO KEY UPDATE leaves events and marks (which
 * only take KEY SHARE on the ticket) free to be written meanwhile. */
static const struct pg_stmt case_sla_lock = {
  "case_sla_lock",
  "SELECT t.id FROM tickets t WHERE t.id > $1 AND " CASE_SLA_UNMARKED
  " ORDER BY t.id LIMIT $2::bigint FOR NO KEY UPDATE OF t SKIP LOCKED" };
/* Read again once locked, as of now: a daemon that marked one of them
 * just before the lock was taken has committed, and it drops out. */
static const struct pg_stmt case_sla_read = {
  "case_sla_read",
  "SELECT t.id, t.number, t.status, " CASE_STATUS_SINCE " FROM tickets t"
  " WHERE t.id = ANY ($1::bigint[]) AND " CASE_SLA_UNMARKED
  " ORDER BY t.id" };
static const struct pg_stmt case_sla_mark = {
  "case_sla_mark",
  "INSERT INTO ticket_overdue (ticket_id, status, since, due, logged_at)"
  " VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING" };

/* ---- Reading rows ---- */

/* Rows of s for one id (the ticket's), as pg_rows(). */
static int
case_rows_of(struct pg_store *pg, const struct pg_stmt *s, int64_t id,
             size_t size, pg_fill_fn fill, void (*drop)(void *v, int n),
             void **v, int *n, const char *what)
{
  struct pg_args a;

  pa_init(&a);
  pa_int(&a, id);
  return pg_rows(pg, s, &a, size, fill, drop, v, n, what);
}

/* ---- Casework ---- */

int
pg_ticket_list(struct store *st, const struct store_ticket_filter *f,
               struct store_ticket_list *out)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  PGresult *r;
  int rc, rows, i, oom = 0;

  memset(out, 0, sizeof(*out));
  pa_init(&a);
  pa_text(&a, f->status);
  pa_text(&a, f->category);
  pa_text(&a, f->lokasi_kode);
  pa_int(&a, f->since);
  pa_int(&a, f->until > 0 ? f->until : INT64_MAX);
  pa_int(&a, f->open_only);
  if (f->limit > 0)
    pa_int(&a, f->limit);
  else
    pa_text(&a, NULL);                /* LIMIT NULL: all of them */
  pa_int(&a, f->timed_only);
  pa_int(&a, f->reporter_id);
  rc = pg_run(pg, &case_list, &a, &r, "cannot list tickets");
  if (rc != 0)
    return rc;
  rows = PQntuples(r);
  if (rows > 0) {
    out->v = calloc((size_t)rows, sizeof(*out->v));
    out->handles = calloc((size_t)rows, sizeof(*out->handles));
    if (out->v == NULL || out->handles == NULL)
      oom = 1;
  }
  for (i = 0; !oom && i < rows; i++) {
    pg_ticket_read(r, i, &out->v[i], &oom);
    out->handles[i] = pg_get_dup(r, i, 25, &oom);
    out->v[i].status_since = pg_get_int(r, i, 26);
    out->v[i].additions = (int)pg_get_int(r, i, 27);
    out->v[i].supports = (int)pg_get_int(r, i, 28);
    out->n = i + 1;
  }
  PQclear(r);
  if (oom) {
    store_ticket_list_free(out);
    return pg_fail(pg, -ENOMEM, "cannot list tickets: out of memory");
  }
  return 0;
}

static void
fill_event(const PGresult *r, int i, void *elem, int *oom)
{
  struct store_event *e = elem;

  e->at = pg_get_int(r, i, 0);
  e->actor = pg_get_dup(r, i, 1, oom);
  e->from_status = pg_get_dup(r, i, 2, oom);
  e->to_status = pg_get_dup(r, i, 3, oom);
  e->note = pg_get_dup(r, i, 4, oom);
}

static void
drop_events(void *v, int n)
{
  store_events_free(v, n);
}

int
pg_ticket_events(struct store *st, int64_t ticket_id, struct store_event **v,
                 int *n)
{
  void *arr;
  int rc = case_rows_of(pg_of(st), &case_events, ticket_id, sizeof(**v),
                        fill_event, drop_events, &arr, n,
                        "cannot read ticket events");

  *v = arr;
  return rc;
}

static void
fill_evidence_item(const PGresult *r, int i, void *elem, int *oom)
{
  struct store_evidence_item *e = elem;

  e->id = pg_get_int(r, i, 0);
  e->mime = pg_get_dup(r, i, 1, oom);
  e->sha256 = pg_get_dup(r, i, 2, oom);
  e->status = pg_get_dup(r, i, 3, oom);
  e->size = pg_get_int(r, i, 4);
  e->received_at = pg_get_int(r, i, 5);
}

static void
drop_evidence_items(void *v, int n)
{
  store_evidence_items_free(v, n);
}

int
pg_ticket_evidence(struct store *st, int64_t ticket_id,
                   struct store_evidence_item **v, int *n)
{
  void *arr;
  int rc = case_rows_of(pg_of(st), &case_evidence, ticket_id, sizeof(**v),
                        fill_evidence_item, drop_evidence_items, &arr, n,
                        "cannot read evidence");

  *v = arr;
  return rc;
}

/* Add an event to ticket_id (from and to NULL: no change of status). */
static int
case_event_add_run(struct pg_store *pg, int64_t ticket_id, int64_t at,
                   const char *actor, const char *from, const char *to,
                   const char *note)
{
  struct pg_args a;

  pa_init(&a);
  pa_int(&a, ticket_id);
  pa_int(&a, at);
  pa_text(&a, actor);
  pa_text(&a, from);
  pa_text(&a, to);
  pa_text(&a, note);
  return pg_exec(pg, &case_event_add, &a, NULL, "cannot add a ticket event");
}

/* A compare-and-set: the UPDATE changes the row only while it is still at
 * from, also after waiting for another daemon's change of it. */
int
pg_ticket_set_status(struct store *st, int64_t ticket_id, const char *from,
                     const char *to, const char *actor, const char *note,
                     const char *agency, int64_t now)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  int64_t changed = 0;
  int rc;

  pa_init(&a);
  pa_int(&a, ticket_id);
  pa_text(&a, from);
  pa_text(&a, to);
  pa_text(&a, agency);
  pa_int(&a, now);
  rc = pg_exec(pg, &case_set_status, &a, &changed, "cannot change a ticket");
  if (rc != 0)
    return rc;
  if (changed == 0)
    return pg_fail(pg, AERR_STATE, "the ticket is not at status %s", from);
  return case_event_add_run(pg, ticket_id, now, actor, from, to, note);
}

int
pg_ticket_note(struct store *st, int64_t ticket_id, const char *actor,
               const char *note, int64_t now)
{
  return case_event_add_run(pg_of(st), ticket_id, now, actor, NULL, NULL,
                            note);
}

int
pg_ticket_count_status(struct store *st, const char *status, int *n)
{
  struct pg_args a;

  pa_init(&a);
  pa_text(&a, status);
  return pg_count(pg_of(st), &case_count_status, &a, n,
                    "cannot count tickets");
}

int
pg_session_count_active(struct store *st, int64_t now, int *n)
{
  struct pg_args a;

  pa_init(&a);
  pa_int(&a, now);
  return pg_count(pg_of(st), &case_count_active, &a, n,
                    "cannot count conversations");
}

/* ---- Retention and identity ---- */

/* Run a statement on one reporter id; the rows it changed into *n (may
 * be NULL). */
static int
case_on_reporter(struct pg_store *pg, const struct pg_stmt *s, int64_t id,
                 int64_t *n, const char *what)
{
  struct pg_args a;

  pa_init(&a);
  pa_int(&a, id);
  return pg_exec(pg, s, &a, n, what);
}

/*
 * Purge reporter id when it is still quiet now that its conversation is
 * ours: *done is 1 when it was purged here, 0 when it was skipped (talked
 * to or purged by another daemon, or no longer quiet).
 */
static int
case_purge_reporter_run(struct pg_store *pg, int64_t id,
                        const struct store_purge *p, int *done)
{
  struct pg_args a;
  int64_t n = 0;
  int rc;

  *done = 0;
  rc = pg_lock(pg, PG_LOCK_REPORTER, id, 0);
  if (rc == -EBUSY && !pg->lost && !pg->failed && pg->conn != NULL)
    return 0;                 /* the try said no: someone is talking */
  if (rc != 0)
    return rc;
  pa_init(&a);
  pa_int(&a, id);
  pa_int(&a, p->now);
  pa_int(&a, p->personal_before);
  pa_int(&a, p->draft_keep);
  rc = pg_exec(pg, &case_purge_reporter, &a, &n, "cannot purge a reporter");
  if (rc != 0 || n == 0)
    return rc;
  rc = case_on_reporter(pg, &case_purge_inbound, id, NULL,
                        "cannot purge a reporter's messages");
  if (rc == 0)
    rc = case_on_reporter(pg, &case_purge_outbox, id, NULL,
                          "cannot purge the texts sent to a reporter");
  if (rc == 0)
    rc = case_on_reporter(pg, &case_purge_evidence, id, &n,
                          "cannot purge a reporter's loose evidence");
  if (rc == 0 && n > 0)
    pg->dropped = 1;
  if (rc == 0)
    rc = case_on_reporter(pg, &case_purge_sessions, id, NULL,
                          "cannot purge a reporter's conversations");
  if (rc == 0)
    *done = 1;
  return rc;
}

/* Up to p->limit reporters after p->after_reporter that look quiet: their
 * ids in ids (room for p->limit), how many in *n, how many were looked
 * at in *seen; p->after_reporter moves past them. */
static int
case_purge_candidates_run(struct pg_store *pg, struct store_purge *p,
                          int64_t *ids, int *n, int *seen)
{
  struct pg_args a;
  PGresult *r;
  int rc, i;

  pa_init(&a);
  pa_int(&a, p->after_reporter);
  pa_int(&a, p->personal_before);
  pa_int(&a, p->limit);
  pa_int(&a, p->now);
  pa_int(&a, p->draft_keep);
  rc = pg_run(pg, &case_purge_candidates, &a, &r,
              "cannot look for reporters to purge");
  if (rc != 0)
    return rc;
  *seen = PQntuples(r);
  *n = 0;
  for (i = 0; i < *seen; i++) {
    p->after_reporter = pg_get_int(r, i, 0);
    if (strcmp(PQgetvalue(r, i, 1), "t") == 0 && *n < p->limit)
      ids[(*n)++] = p->after_reporter;
  }
  PQclear(r);
  return 0;
}

int
pg_purge_step(struct store *st, struct store_purge *p)
{
  struct pg_store *pg = pg_of(st);
  int64_t *ids, cleared = 0;
  int rc, n = 0, seen = 0, i, done;

  if (p->limit <= 0)
    return pg_fail(pg, AERR_STORE, "purge: no limit was given");
  if (p->payload_before > 0) {
    struct pg_args a;

    pa_init(&a);
    pa_int(&a, p->payload_before);
    pa_int(&a, p->limit);
    rc = pg_exec(pg, &case_purge_payloads, &a, &cleared,
                 "cannot purge payloads");
    if (rc != 0)
      return rc;
    p->payloads = (int)cleared;
    if (p->payloads == p->limit)
      p->more = 1;
  }
  if (p->personal_before <= 0)
    return 0;
  ids = malloc((size_t)p->limit * sizeof(*ids));
  if (ids == NULL)
    return pg_fail(pg, -ENOMEM, "purge: out of memory");
  rc = case_purge_candidates_run(pg, p, ids, &n, &seen);
  for (i = 0; rc == 0 && i < n; i++) {
    rc = case_purge_reporter_run(pg, ids[i], p, &done);
    p->reporters += done;
  }
  free(ids);
  if (rc != 0) {
    p->reporters = 0;
    return rc;
  }
  if (seen == p->limit)
    p->more = 1;
  return 0;
}

int
pg_ticket_identity(struct store *st, int64_t ticket_id,
                   struct store_identity *out)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  PGresult *r;
  int rc, oom = 0;

  pa_init(&a);
  pa_int(&a, ticket_id);
  rc = pg_run(pg, &case_identity, &a, &r, "cannot read a reporter");
  if (rc != 0)
    return rc;
  if (PQntuples(r) == 0) {
    PQclear(r);
    return AERR_NOTFOUND;
  }
  out->reporter_id = pg_get_int(r, 0, 0);
  out->handle = pg_get_dup(r, 0, 1, &oom);
  out->phone = pg_get_dup(r, 0, 2, &oom);
  out->name = pg_get_dup(r, 0, 3, &oom);
  out->purged_at = pg_get_int(r, 0, 4);
  out->bsuid = pg_get_dup(r, 0, 5, &oom);
  PQclear(r);
  if (oom) {
    store_identity_clear(out);
    return pg_fail(pg, -ENOMEM, "cannot read a reporter: out of memory");
  }
  return 0;
}

int
pg_reveal_add(struct store *st, int64_t ticket_id, int64_t reporter_id,
              const char *actor, const char *reason, int64_t now)
{
  struct pg_args a;

  pa_init(&a);
  pa_int(&a, ticket_id);
  pa_int(&a, reporter_id);
  pa_int(&a, now);
  pa_text(&a, actor);
  pa_text(&a, reason);
  return pg_exec(pg_of(st), &case_reveal_add, &a, NULL,
                 "cannot record a reveal");
}

int
pg_ticket_reveals(struct store *st, int64_t ticket_id, struct store_event **v,
                  int *n)
{
  void *arr;
  int rc = case_rows_of(pg_of(st), &case_reveals, ticket_id, sizeof(**v),
                        fill_event, drop_events, &arr, n,
                        "cannot read a ticket's reveals");

  *v = arr;
  return rc;
}

/* ---- Follow-up questions ---- */

int
pg_question_add(struct store *st, int64_t ticket_id, int64_t reporter_id,
                const char *actor, const char *question, int64_t now,
                int64_t *id)
{
  struct pg_args a;

  pa_init(&a);
  pa_int(&a, ticket_id);
  pa_int(&a, reporter_id);
  pa_int(&a, now);
  pa_text(&a, actor);
  pa_text(&a, question);
  return pg_int(pg_of(st), &case_question_add, &a, id,
                "cannot record a question");
}

int
pg_question_waiting(struct store *st, int64_t reporter_id, int64_t *id,
                    int64_t *ticket_id, char *number)
{
  struct pg_args a;
  PGresult *r;
  int rc;

  pa_init(&a);
  pa_int(&a, reporter_id);
  rc = pg_run(pg_of(st), &case_question_waiting, &a, &r,
              "cannot look for a waiting question");
  if (rc != 0)
    return rc;
  if (PQntuples(r) == 0) {
    PQclear(r);
    return AERR_NOTFOUND;
  }
  *id = pg_get_int(r, 0, 0);
  *ticket_id = pg_get_int(r, 0, 1);
  snprintf(number, 32, "%s", PQgetvalue(r, 0, 2));
  PQclear(r);
  return 0;
}

int
pg_question_answer(struct store *st, int64_t id, int64_t inbound_id,
                   const char *answer, int64_t now)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  int64_t changed = 0;
  int rc;

  pa_init(&a);
  pa_int(&a, id);
  pa_int(&a, now);
  pa_id(&a, inbound_id);
  pa_text(&a, answer);
  rc = pg_exec(pg, &case_question_answer, &a, &changed,
               "cannot record an answer");
  if (rc == 0 && changed == 0)
    rc = pg_fail(pg, AERR_STATE, "the question is answered already");
  return rc;
}

static void
fill_question(const PGresult *r, int i, void *elem, int *oom)
{
  struct store_question *q = elem;

  q->asked_at = pg_get_int(r, i, 0);
  q->actor = pg_get_dup(r, i, 1, oom);
  q->question = pg_get_dup(r, i, 2, oom);
  q->answered_at = pg_get_int(r, i, 3);
  q->answer = pg_get_dup(r, i, 4, oom);
}

static void
drop_questions(void *v, int n)
{
  store_questions_free(v, n);
}

int
pg_ticket_questions(struct store *st, int64_t ticket_id,
                    struct store_question **v, int *n)
{
  void *arr;
  int rc = case_rows_of(pg_of(st), &case_questions, ticket_id, sizeof(**v),
                        fill_question, drop_questions, &arr, n,
                        "cannot read a ticket's questions");

  *v = arr;
  return rc;
}

/* ---- Service-level timers ---- */

static void
fill_sla_row(const PGresult *r, int i, void *elem, int *oom)
{
  struct store_sla_row *s = elem;

  s->id = pg_get_int(r, i, 0);
  s->number = pg_get_dup(r, i, 1, oom);
  s->status = pg_get_dup(r, i, 2, oom);
  s->since = pg_get_int(r, i, 3);
}

static void
drop_sla_rows(void *v, int n)
{
  store_sla_rows_free(v, n);
}

/* The ids of r's first column as a PostgreSQL array literal ("{1,2}"),
 * allocated; NULL when out of memory. */
static char *
case_id_array(const PGresult *r)
{
  int rows = PQntuples(r), i;
  size_t cap = 3 + (size_t)rows * 21, len = 0;
  char *s = malloc(cap);

  if (s == NULL)
    return NULL;
  s[len++] = '{';
  for (i = 0; i < rows; i++)
    len += (size_t)snprintf(s + len, cap - len, "%s%lld", i ? "," : "",
                            (long long)pg_get_int(r, i, 0));
  snprintf(s + len, cap - len, "}");
  return s;
}

/* Lock then read (see case_sla_lock and case_sla_read): a ticket is
 * handed to one daemon, and not after another one marked it. */
int
pg_sla_pending(struct store *st, int64_t after_id, int limit,
               struct store_sla_row **rows, int *n)
{
  struct pg_store *pg = pg_of(st);
  struct pg_args a;
  PGresult *r;
  void *arr = NULL;
  char *ids;
  int rc;

  *rows = NULL;
  *n = 0;
  pa_init(&a);
  pa_int(&a, after_id);
  pa_limit(&a, limit);
  rc = pg_run(pg, &case_sla_lock, &a, &r, "cannot read tickets for the "
              "timers");
  if (rc != 0)
    return rc;
  if (PQntuples(r) == 0) {
    PQclear(r);
    return 0;
  }
  ids = case_id_array(r);
  PQclear(r);
  if (ids == NULL)
    return pg_fail(pg, -ENOMEM, "cannot read tickets for the timers: out "
                   "of memory");
  pa_init(&a);
  pa_text(&a, ids);
  rc = pg_rows(pg, &case_sla_read, &a, sizeof(**rows), fill_sla_row,
                 drop_sla_rows, &arr, n, "cannot read tickets for the "
                 "timers");
  free(ids);
  *rows = arr;
  return rc;
}

int
pg_sla_mark(struct store *st, int64_t ticket_id, const char *status,
            int64_t since, int64_t due, int64_t now)
{
  struct pg_args a;

  pa_init(&a);
  pa_int(&a, ticket_id);
  pa_text(&a, status);
  pa_int(&a, since);
  pa_int(&a, due);
  pa_int(&a, now);
  return pg_exec(pg_of(st), &case_sla_mark, &a, NULL,
                 "cannot record an overdue ticket");
}
