/*
 * store_sqlite.c: the SQLite backend of the store (see store.h).
 *
 * Design notes
 *
 * Connection.  One connection per store, used from one thread (the
 * daemon's loop).  It is opened in WAL mode with synchronous=FULL, so a
 * COMMIT that returned is on disk (the daemon answers a webhook only
 * after that); or, with caller_syncs, with the sync of each commit left
 * to store_sync() on another thread (see sq_sync_setup()).  Foreign keys
 * are enforced and the busy timeout from the
 * options.  The database file is created by us with mode 0600 before
 * SQLite opens it; SQLite gives the -wal and -shm files the mode of the
 * database file, so they are 0600 too.  Its folder is created (0700) when
 * missing.  Then the built-in migrations are applied (migrate.c).
 *
 * Transactions, batches and savepoints.  A batch is one BEGIN IMMEDIATE
 * ... COMMIT: taking the write lock at BEGIN means a busy database is
 * reported at the start of a batch, never in the middle of a request.
 * Each request runs inside SAVEPOINT req; RELEASE req keeps its work in
 * the batch, ROLLBACK TO req followed by RELEASE req drops it and leaves
 * the rest of the batch alone.  Savepoints nest (SQLite matches the
 * innermost one of the same name).  A savepoint begun while no batch is
 * open opens a batch of its own, which its release commits and its
 * rollback rolls back.  Writes outside any batch run in autocommit mode.
 *
 * Some failures (a full disk, an I/O error, memory) make SQLite roll back
 * the whole transaction, not just the statement.  When that happens
 * inside a batch, the batch is "lost": every later call fails with the
 * same code until store_batch_commit() (which returns that code) or
 * store_batch_rollback() closes it, so that nothing written afterwards
 * slips into autocommit mode and no request of the batch is answered as
 * if its work had been committed.
 *
 * Statement cache.  Every statement this file runs, BEGIN and COMMIT
 * included, is one entry of sq_sql[]; it is prepared the first time it is
 * needed (SQLITE_PREPARE_PERSISTENT), reset and stripped of its bindings
 * after every use, and finalized in store_close().  Values are only ever
 * bound, never written into SQL text.
 *
 * Error mapping.  SQLITE_BUSY and SQLITE_LOCKED become -EBUSY,
 * SQLITE_FULL -ENOSPC, SQLITE_READONLY -EROFS (all three: try again
 * later); a uniqueness conflict that a call expects becomes AERR_DUP, and
 * everything else AERR_STORE.  The message of the last failure, with what
 * was being done, is kept for store_errmsg().
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/err.h"
#include "store/migrate.h"
#include "store/sqlite_mem.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "rules/ticket.h"

enum sq_stmt_id {
  SQ_BEGIN,
  SQ_COMMIT,
  SQ_ROLLBACK,
  SQ_SAVEPOINT,
  SQ_RELEASE,
  SQ_ROLLBACK_TO,
  SQ_VERSION,
  SQ_REPORTER_FIND,
  SQ_REPORTER_INSERT,
  SQ_INBOUND_INSERT,
  SQ_INBOUND_FIND,
  SQ_OUTBOX_INSERT,
  SQ_OUTBOX_REPLIES,
  SQ_SESSION_GET,
  SQ_SESSION_PUT,
  SQ_SESSION_UPDATE,
  SQ_TICKET_NEXTSEQ,
  SQ_TICKET_INSERT,
  SQ_EVENT_INSERT,
  SQ_TICKET_BY_NUMBER,
  SQ_TICKET_BY_ID,
  SQ_TICKET_COUNT_SINCE,
  SQ_INBOUND_COUNT_SINCE,
  SQ_REPORTER_SET_NAME,
  SQ_EVIDENCE_INSERT,
  SQ_EVIDENCE_COUNT,
  SQ_EVIDENCE_ATTACH,
  SQ_EVIDENCE_DROP,
  SQ_OUTBOX_DUE,
  SQ_OUTBOX_MARK,
  SQ_OUTBOX_NEXT,
  SQ_OUTBOX_CHANNEL_AFTER,
  SQ_OUTBOX_RESUME,
  SQ_OUTBOX_SET,
  SQ_OUTBOX_BY_PROVIDER,
  SQ_OUTBOX_BY_ID,
  SQ_OUTBOX_DELIVERY,
  SQ_OUTBOX_COUNT,
  SQ_OUTBOX_COUNT_ENDED,
  SQ_OUTBOX_COUNT_SENT,
  SQ_EVIDENCE_DUE,
  SQ_EVIDENCE_SET,
  SQ_TICKET_LIST,
  SQ_REPORTER_HANDLE,
  SQ_TICKET_EVENTS,
  SQ_TICKET_EVIDENCE,
  SQ_TICKET_SET_STATUS,
  SQ_TICKET_COUNT_STATUS,
  SQ_SESSION_COUNT_ACTIVE,
  SQ_PURGE_PAYLOADS,
  SQ_PURGE_CANDIDATES,
  SQ_PURGE_REPORTER,
  SQ_PURGE_INBOUND,
  SQ_PURGE_OUTBOX,
  SQ_PURGE_SESSIONS,
  SQ_PURGE_EVIDENCE,
  SQ_EVIDENCE_DROPPED,
  SQ_EVIDENCE_DROPPED_CLEAR,
  SQ_EVIDENCE_REFERENCED,
  SQ_TICKET_IDENTITY,
  SQ_REVEAL_INSERT,
  SQ_TICKET_REVEALS,
  SQ_QUESTION_INSERT,
  SQ_QUESTION_WAITING,
  SQ_QUESTION_ANSWER,
  SQ_TICKET_QUESTIONS,
  SQ_SLA_PENDING,
  SQ_SLA_MARK,
  SQ_REPORTER_BY_BSUID,
  SQ_REPORTER_LINK,
  SQ_OUTBOX_LINK_BSUID,
  SQ_UNCONFIRMED_DUE,
  SQ_UNCONFIRMED_MARK,
  SQ_UNCONFIRMED_LIST,
  SQ_UNCONFIRMED_COUNT,
  SQ_OPEN_TICKET_IDS,
  SQ_OPEN_TICKET_TEXT,
  SQ_TICKET_TEXTS,
  SQ_NSTMTS
};

/* A ticket's additions by its reporter and supporting statements by
 * others (rule 4): events with no change of status by the actors conv.c
 * gives them, "tambahan" and "dukungan" (with ":handle" unless anonymous). */
#define SQ_ADDITIONS \
  "(SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id" \
  " AND e.from_status IS NULL AND e.actor = 'tambahan')," \
  " (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id" \
  " AND e.from_status IS NULL AND (e.actor = 'dukungan'" \
  " OR e.actor LIKE 'dukungan:%'))"
/* When ticket t entered its status (see store.h). */
#define SQ_STATUS_SINCE \
  "coalesce((SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = t.id" \
  " AND e.to_status = t.status), t.updated_at)"

/* The statuses with a service-level timer. */
#define SQ_TIMED "('diterima', 'diverifikasi', 'diproses')"

/* Outbox row o is the oldest one still to go to its reporter on its
 * channel: no older row of theirs is waiting (queued, perhaps for a
 * retry) or under way (sending).  Replies to one number thus leave in
 * the order they were written, also across retries and restarts. */
#define SQ_OUTBOX_FIRST(o) \
  "NOT EXISTS (SELECT 1 FROM outbox p WHERE p.reporter_id = " o ".reporter_id" \
  " AND p.channel = " o ".channel AND p.id < " o ".id" \
  " AND p.status IN ('queued', 'sending'))"

static const char *const sq_sql[SQ_NSTMTS] = {
  [SQ_BEGIN] = "BEGIN IMMEDIATE",
  [SQ_COMMIT] = "COMMIT",
  [SQ_ROLLBACK] = "ROLLBACK",
  [SQ_SAVEPOINT] = "SAVEPOINT req",
  [SQ_RELEASE] = "RELEASE req",
  [SQ_ROLLBACK_TO] = "ROLLBACK TO req",
  [SQ_VERSION] = "SELECT coalesce(max(version), 0) FROM schema_migrations",
  [SQ_REPORTER_FIND] = "SELECT id FROM reporters WHERE phone = ?1",
  /* A reporter known only by a BSUID holds "bsuid:HANDLE" (see 0013). */
  [SQ_REPORTER_INSERT] =
    "INSERT INTO reporters (phone, handle, created_at, bsuid)"
    " VALUES (coalesce(?1, 'bsuid:' || ?2), ?2, ?3, ?4)"
    " ON CONFLICT (phone) DO NOTHING",
  [SQ_INBOUND_INSERT] =
    "INSERT INTO inbound (channel, provider_id, reporter_id, kind, body,"
    " payload, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (channel, provider_id) DO NOTHING",
  [SQ_INBOUND_FIND] =
    "SELECT id FROM inbound WHERE channel = ?1 AND provider_id = ?2",
  /* An inline reply (stored as sent) awaits no delivery report: it is
   * not in outbox_unconfirmed_due (0025). */
  [SQ_OUTBOX_INSERT] =
    "INSERT INTO outbox (channel, reporter_id, inbound_id, ticket_id, kind,"
    " body, payload, status, attempts, next_attempt_at, created_at,"
    " updated_at, report_expected) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
    " 0, ?9, ?10, ?10, ?8 = 'queued')",
  /* Through outbox_reporter (reporter, inbound message): the inbound row
   * names the reporter (0024). */
  [SQ_OUTBOX_REPLIES] =
    "SELECT body FROM outbox WHERE reporter_id ="
    " (SELECT reporter_id FROM inbound WHERE id = ?1) AND inbound_id = ?1"
    " ORDER BY id",
  [SQ_SESSION_GET] =
    "SELECT id, channel, step, draft, invalid_count, updated_at,"
    " coalesce(expires_at, 0) FROM sessions"
    " WHERE reporter_id = ?1 AND family = ?2",
  [SQ_SESSION_PUT] =
    "INSERT INTO sessions (reporter_id, family, channel, step, draft,"
    " invalid_count, last_inbound_at, updated_at, expires_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)"
    " ON CONFLICT (reporter_id, family) DO UPDATE SET"
    " channel = excluded.channel, step = excluded.step,"
    " draft = excluded.draft, invalid_count = excluded.invalid_count,"
    " last_inbound_at = excluded.last_inbound_at,"
    " updated_at = excluded.updated_at, expires_at = excluded.expires_at"
    " RETURNING id",
  /* A session read before (its id known) is written back in place: the
   * row found by its key, no insert tried first (sq_session_put()). */
  [SQ_SESSION_UPDATE] =
    "UPDATE sessions SET channel = ?3, step = ?4, draft = ?5,"
    " invalid_count = ?6, last_inbound_at = ?7, updated_at = ?7,"
    " expires_at = ?8 WHERE id = ?9 AND reporter_id = ?1 AND family = ?2",
  [SQ_TICKET_NEXTSEQ] =
    "SELECT coalesce(max(seq), 0) + 1 FROM tickets WHERE year = ?1",
  [SQ_TICKET_INSERT] =
    "INSERT INTO tickets (number, year, seq, reporter_id, channel, status,"
    " category, terlapor, lokasi, lokasi_kode, lat, lng, waktu, kronologi,"
    " identitas, agency, created_at, updated_at, waktu_tanggal, marks,"
    " waktu_presisi, lokasi_tingkat, lokasi_tempat_kode, lokasi_tempat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, 'diterima', ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
    " ?13, ?14, ?15, ?16, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
  [SQ_EVENT_INSERT] =
    "INSERT INTO ticket_events (ticket_id, at, actor, from_status,"
    " to_status, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  [SQ_TICKET_BY_NUMBER] =
    "SELECT id, number, year, seq, reporter_id, channel, status, category,"
    " terlapor, lokasi, lokasi_kode, lat, lng, waktu, kronologi, identitas,"
    " agency, created_at, updated_at, marks, waktu_tanggal, waktu_presisi,"
    " lokasi_tingkat, lokasi_tempat_kode, lokasi_tempat"
    " FROM tickets WHERE number = ?1",
  [SQ_TICKET_BY_ID] =
    "SELECT id, number, year, seq, reporter_id, channel, status, category,"
    " terlapor, lokasi, lokasi_kode, lat, lng, waktu, kronologi, identitas,"
    " agency, created_at, updated_at, marks, waktu_tanggal, waktu_presisi,"
    " lokasi_tingkat, lokasi_tempat_kode, lokasi_tempat"
    " FROM tickets WHERE id = ?1",
  [SQ_TICKET_COUNT_SINCE] =
    "SELECT count(*) FROM tickets WHERE reporter_id = ?1"
    " AND created_at >= ?2",
  [SQ_INBOUND_COUNT_SINCE] =
    "SELECT count(*) FROM inbound WHERE reporter_id = ?1"
    " AND received_at >= ?2",
  [SQ_REPORTER_SET_NAME] = "UPDATE reporters SET name = ?2 WHERE id = ?1",
  [SQ_EVIDENCE_INSERT] =
    "INSERT INTO evidence (session_id, inbound_id, mime, source_url, status,"
    " received_at) VALUES (?1, ?2, ?3, ?4, 'pending', ?5)",
  [SQ_EVIDENCE_COUNT] =
    "SELECT count(*) FROM evidence WHERE session_id = ?1"
    " AND ticket_id IS NULL",
  [SQ_EVIDENCE_ATTACH] =
    "UPDATE evidence SET ticket_id = ?2 WHERE session_id = ?1"
    " AND ticket_id IS NULL",
  [SQ_EVIDENCE_DROP] =
    "DELETE FROM evidence WHERE session_id = ?1 AND ticket_id IS NULL",
  [SQ_OUTBOX_DUE] =
    "SELECT o.id, o.channel, CASE WHEN r.phone LIKE '+%' THEN r.phone END,"
    " o.kind, o.body, o.attempts,"
    " o.created_at, (SELECT max(i.received_at) FROM inbound i"
    " WHERE i.reporter_id = o.reporter_id AND i.channel = o.channel),"
    " r.bsuid FROM outbox o JOIN reporters r ON r.id = o.reporter_id"
    " WHERE o.status = 'queued' AND o.channel = ?1"
    " AND o.next_attempt_at <= ?2 AND " SQ_OUTBOX_FIRST("o")
    " ORDER BY o.next_attempt_at, o.id LIMIT ?3",
  [SQ_OUTBOX_MARK] =
    "UPDATE outbox SET status = 'sending', updated_at = ?2 WHERE id = ?1",
  /* One channel's next due time, and the channels with queued rows one
   * after the other (sq_outbox_next()): both walk outbox_queue in its
   * order and stop at the first row that answers. */
  [SQ_OUTBOX_NEXT] =
    "SELECT o.next_attempt_at FROM outbox o WHERE o.status = 'queued'"
    " AND o.channel = ?1 AND " SQ_OUTBOX_FIRST("o")
    " ORDER BY o.next_attempt_at, o.id LIMIT 1",
  [SQ_OUTBOX_CHANNEL_AFTER] =
    "SELECT min(channel) FROM outbox WHERE status = 'queued'"
    " AND channel > ?1",
  /* The IN term names outbox_waiting's rows, so that the requeue walks
   * that index (no index is keyed by status: 0023). */
  [SQ_OUTBOX_RESUME] =
    "UPDATE outbox SET status = 'queued'"
    " WHERE status IN ('queued', 'sending') AND status = 'sending'",
  [SQ_OUTBOX_SET] =
    "UPDATE outbox SET status = ?2, kind = coalesce(?3, kind),"
    " attempts = CASE WHEN ?4 < 0 THEN attempts ELSE ?4 END,"
    " next_attempt_at = ?5,"
    " provider_id = coalesce(?6, provider_id), last_error = ?7,"
    " updated_at = ?8,"
    " sent_at = CASE WHEN ?2 = 'sent' THEN ?8 ELSE sent_at END,"
    " report_expected = CASE WHEN ?2 = 'sent' THEN ?9"
    " ELSE report_expected END"
    " WHERE id = ?1",
  [SQ_OUTBOX_BY_PROVIDER] =
    "SELECT id, kind, coalesce(delivery, '') FROM outbox"
    " WHERE channel = ?1 AND provider_id = ?2",
  [SQ_OUTBOX_BY_ID] =
    "SELECT id, kind, coalesce(delivery, '') FROM outbox"
    " WHERE channel = ?1 AND id = ?2",
  [SQ_OUTBOX_DELIVERY] =
    "UPDATE outbox SET delivery = ?2, delivery_at = ?3,"
    " last_error = coalesce(?4, last_error), updated_at = ?3 WHERE id = ?1",
  /* The rows of one status, each through the partial index that holds
   * it (see sq_outbox_count()). */
  [SQ_OUTBOX_COUNT] =
    "SELECT count(*) FROM outbox"
    " WHERE status IN ('queued', 'sending') AND status = ?1",
  [SQ_OUTBOX_COUNT_ENDED] =
    "SELECT count(*) FROM outbox"
    " WHERE status IN ('failed', 'dead') AND status = ?1",
  [SQ_OUTBOX_COUNT_SENT] =
    "SELECT (SELECT count(*) FROM outbox)"
    " - (SELECT count(*) FROM outbox WHERE status IN ('queued', 'sending'))"
    " - (SELECT count(*) FROM outbox WHERE status IN ('failed', 'dead'))",
  [SQ_TICKET_COUNT_STATUS] = "SELECT count(*) FROM tickets WHERE status = ?1",
  [SQ_SESSION_COUNT_ACTIVE] =
    "SELECT count(*) FROM sessions WHERE step <> 'menu' AND expires_at > ?1",
  [SQ_EVIDENCE_DUE] =
    "SELECT e.id, i.channel, e.source_url, e.mime, e.attempts,"
    " e.received_at FROM evidence e JOIN inbound i ON i.id = e.inbound_id"
    " WHERE e.status = 'pending' AND coalesce(e.next_attempt_at, 0) <= ?1"
    " ORDER BY e.id LIMIT ?2",
  [SQ_EVIDENCE_SET] =
    "UPDATE evidence SET status = ?2, sha256 = coalesce(?3, sha256),"
    " path = coalesce(?4, path), mime = coalesce(?5, mime),"
    " size = CASE WHEN ?6 > 0 THEN ?6 ELSE size END, attempts = ?7,"
    " next_attempt_at = ?8, last_error = ?9,"
    " stored_at = CASE WHEN ?2 = 'stored' THEN ?10 ELSE stored_at END"
    " WHERE id = ?1 AND status = 'pending' AND attempts = ?11",
  [SQ_TICKET_LIST] =
    "SELECT t.id, t.number, t.year, t.seq, t.reporter_id, t.channel,"
    " t.status, t.category, t.terlapor, t.lokasi, t.lokasi_kode, t.lat,"
    " t.lng, t.waktu, t.kronologi, t.identitas, t.agency, t.created_at,"
    " t.updated_at, t.marks, t.waktu_tanggal, t.waktu_presisi,"
    " t.lokasi_tingkat, t.lokasi_tempat_kode, t.lokasi_tempat, r.handle, "
    SQ_STATUS_SINCE ", " SQ_ADDITIONS " FROM tickets t"
    " JOIN reporters r ON r.id = t.reporter_id"
    " WHERE (?1 IS NULL OR t.status = ?1) AND (?2 IS NULL OR t.category = ?2)"
    " AND (?3 IS NULL OR t.lokasi_kode = ?3) AND t.created_at >= ?4"
    " AND t.created_at < ?5"
    " AND (?6 = 0 OR t.status NOT IN ('selesai', 'ditolak'))"
    " AND (?8 = 0 OR t.status IN " SQ_TIMED ")"
    " AND (?9 = 0 OR t.reporter_id = ?9)"
    " ORDER BY t.created_at, t.id LIMIT ?7",
  [SQ_REPORTER_HANDLE] = "SELECT handle FROM reporters WHERE id = ?1",
  [SQ_TICKET_EVENTS] =
    "SELECT at, actor, from_status, to_status, note FROM ticket_events"
    " WHERE ticket_id = ?1 ORDER BY at, id",
  [SQ_TICKET_EVIDENCE] =
    "SELECT id, mime, sha256, status, coalesce(size, 0), received_at"
    " FROM evidence WHERE ticket_id = ?1 ORDER BY id",
  [SQ_TICKET_SET_STATUS] =
    "UPDATE tickets SET status = ?3, agency = coalesce(?4, agency),"
    " updated_at = ?5 WHERE id = ?1 AND status = ?2",
  [SQ_PURGE_PAYLOADS] =
    "UPDATE inbound SET payload = NULL WHERE id IN (SELECT id FROM inbound"
    " WHERE payload IS NOT NULL AND received_at < ?1"
    " ORDER BY received_at LIMIT ?2)",
  /* Each reporter after ?1 not yet purged, and whether it may be now:
   * nothing open, owed, being written or held or recent (?2 the cut-off,
   * ?4 now, ?5 how long an expired draft is held). */
  [SQ_PURGE_CANDIDATES] =
    "SELECT r.id, r.created_at < ?2"
    " AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.reporter_id = r.id"
    "  AND (t.status NOT IN ('selesai', 'ditolak') OR t.updated_at >= ?2))"
    " AND NOT EXISTS (SELECT 1 FROM inbound i WHERE i.reporter_id = r.id"
    "  AND i.received_at >= ?2)"
    " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.reporter_id = r.id"
    "  AND o.status IN ('queued', 'sending'))"
    " AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.reporter_id = r.id"
    "  AND s.step <> 'menu' AND coalesce(s.expires_at, 0) + ?5 > ?4)"
    " FROM reporters r WHERE r.id > ?1 AND r.purged_at IS NULL"
    " ORDER BY r.id LIMIT ?3",
  [SQ_PURGE_REPORTER] =
    "UPDATE reporters SET phone = 'purged:' || handle, name = NULL,"
    " bsuid = NULL, purged_at = ?2 WHERE id = ?1 AND purged_at IS NULL",
  [SQ_PURGE_INBOUND] =
    "UPDATE inbound SET body = NULL, payload = NULL WHERE reporter_id = ?1",
  [SQ_PURGE_OUTBOX] =
    "UPDATE outbox SET body = '', payload = NULL WHERE reporter_id = ?1",
  [SQ_PURGE_SESSIONS] =
    "UPDATE sessions SET step = 'menu', draft = '{}', invalid_count = 0,"
    " expires_at = NULL WHERE reporter_id = ?1",
  /* A purged reporter's loose evidence (of drafts never filed); a
   * ticket's evidence stays with the ticket. */
  [SQ_PURGE_EVIDENCE] =
    "DELETE FROM evidence WHERE ticket_id IS NULL AND session_id IN"
    " (SELECT id FROM sessions WHERE reporter_id = ?1)",
  /* Deleted evidence rows (queued by a trigger, see 0009), with the file
   * name when no row refers to that file any more. */
  [SQ_EVIDENCE_DROPPED] =
    "SELECT d.seq, d.evidence_id, CASE WHEN d.sha256 IS NOT NULL AND"
    " NOT EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = d.sha256)"
    " THEN d.sha256 END FROM evidence_dropped d WHERE d.seq > ?1"
    " ORDER BY d.seq LIMIT ?2",
  [SQ_EVIDENCE_DROPPED_CLEAR] =
    "DELETE FROM evidence_dropped WHERE seq <= ?1",
  [SQ_EVIDENCE_REFERENCED] =
    "SELECT count(*) FROM evidence WHERE sha256 = ?1",
  [SQ_TICKET_IDENTITY] =
    "SELECT r.id, r.handle, CASE WHEN r.purged_at IS NULL"
    " AND r.phone LIKE '+%' THEN r.phone END,"
    " r.name, coalesce(r.purged_at, 0), r.bsuid FROM tickets t"
    " JOIN reporters r ON r.id = t.reporter_id WHERE t.id = ?1",
  [SQ_REVEAL_INSERT] =
    "INSERT INTO identity_reveals (ticket_id, reporter_id, at, actor, reason)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [SQ_TICKET_REVEALS] =
    "SELECT at, actor, NULL, NULL, reason FROM identity_reveals"
    " WHERE ticket_id = ?1 ORDER BY at, id",
  [SQ_QUESTION_INSERT] =
    "INSERT INTO questions (ticket_id, reporter_id, asked_at, actor,"
    " question) VALUES (?1, ?2, ?3, ?4, ?5)",
  [SQ_QUESTION_WAITING] =
    "SELECT q.id, t.id, t.number FROM questions q"
    " JOIN tickets t ON t.id = q.ticket_id"
    " WHERE q.reporter_id = ?1 AND q.answered_at IS NULL"
    " AND t.status NOT IN ('selesai', 'ditolak')"
    " ORDER BY q.asked_at DESC, q.id DESC LIMIT 1",
  [SQ_QUESTION_ANSWER] =
    "UPDATE questions SET answered_at = ?2, answer_inbound_id = ?3,"
    " answer = ?4 WHERE id = ?1 AND answered_at IS NULL",
  [SQ_TICKET_QUESTIONS] =
    "SELECT asked_at, actor, question, coalesce(answered_at, 0), answer"
    " FROM questions WHERE ticket_id = ?1 ORDER BY asked_at, id",
  [SQ_SLA_PENDING] =
    "SELECT c.id, c.number, c.status, c.since FROM (SELECT t.id, t.number,"
    " t.status, " SQ_STATUS_SINCE " AS since FROM tickets t"
    " WHERE t.status IN " SQ_TIMED " AND t.id > ?1) c"
    " WHERE NOT EXISTS (SELECT 1 FROM ticket_overdue o"
    "  WHERE o.ticket_id = c.id AND o.status = c.status"
    "  AND o.since = c.since)"
    " ORDER BY c.id LIMIT ?2",
  [SQ_SLA_MARK] =
    "INSERT OR IGNORE INTO ticket_overdue (ticket_id, status, since, due,"
    " logged_at) VALUES (?1, ?2, ?3, ?4, ?5)",
  [SQ_REPORTER_BY_BSUID] = "SELECT id FROM reporters WHERE bsuid = ?1",
  /* Give a reporter the identifier it lacks (a NULL leaves one as it
   * is); a value held by another reporter fails on a unique index. */
  [SQ_REPORTER_LINK] =
    "UPDATE reporters SET phone = coalesce(?2, phone),"
    " bsuid = coalesce(?3, bsuid) WHERE id = ?1 AND purged_at IS NULL",
  [SQ_OUTBOX_LINK_BSUID] =
    "UPDATE reporters SET bsuid = ?2 WHERE bsuid IS NULL"
    " AND purged_at IS NULL AND id = (SELECT reporter_id FROM outbox"
    " WHERE id = ?1)",
  /* Sent replies of channel ?1 with no delivery report, sent at or
   * before ?2 and not flagged yet (see migrations/sqlite/0018), of those
   * a report is awaited for (0025). */
  [SQ_UNCONFIRMED_DUE] =
    "SELECT o.id, o.channel, r.phone, r.handle, t.number, o.kind,"
    " o.sent_at, 0 FROM outbox o JOIN reporters r ON r.id = o.reporter_id"
    " LEFT JOIN tickets t ON t.id = o.ticket_id"
    " WHERE o.channel = ?1 AND o.status = 'sent' AND o.delivery IS NULL"
    " AND o.unconfirmed_at IS NULL AND o.report_expected = 1"
    " AND o.sent_at <= ?2 ORDER BY o.sent_at, o.id LIMIT ?3",
  [SQ_UNCONFIRMED_MARK] =
    "UPDATE outbox SET unconfirmed_at = ?2 WHERE id = ?1",
  [SQ_UNCONFIRMED_LIST] =
    "SELECT o.id, o.channel, r.phone, r.handle, t.number, o.kind,"
    " o.sent_at, o.unconfirmed_at FROM outbox o"
    " JOIN reporters r ON r.id = o.reporter_id"
    " LEFT JOIN tickets t ON t.id = o.ticket_id"
    " WHERE o.unconfirmed_at IS NOT NULL AND o.delivery IS NULL"
    " AND o.status = 'sent' ORDER BY o.sent_at, o.id LIMIT ?1",
  [SQ_UNCONFIRMED_COUNT] =
    "SELECT count(*) FROM outbox WHERE unconfirmed_at IS NOT NULL"
    " AND delivery IS NULL AND status = ?1",
  /* The open tickets in SQ_TICKET_LIST's order, through tickets_open:
   * "neither selesai nor ditolak" as the three ranges around those two
   * (status is never NULL), which the index serves, where NOT IN reads
   * every ticket.  Only the keys are sorted; each row is read after. */
  [SQ_OPEN_TICKET_IDS] =
    "SELECT id FROM tickets WHERE status < 'ditolak'"
    " OR (status > 'ditolak' AND status < 'selesai') OR status > 'selesai'"
    " ORDER BY created_at, id",
  [SQ_OPEN_TICKET_TEXT] =
    "SELECT reporter_id, category, terlapor, kronologi FROM tickets"
    " WHERE id = ?1",
  /* What the duplicate check compares (sq_ticket_texts()). */
  [SQ_TICKET_TEXTS] =
    "SELECT id, number, status, reporter_id, terlapor, lokasi_kode, waktu,"
    " waktu_tanggal, kronologi FROM tickets WHERE id = ?1",
};

/* How often a new reporter's handle is drawn again after a collision. */
#define SQ_HANDLE_TRIES 8

struct sq_store {
  struct store base;              /* first: see store_internal.h */
  sqlite3 *db;
  sqlite3_stmt *stmt[SQ_NSTMTS];  /* the statement cache */
  int batch;                      /* a batch is open */
  int sp_depth;                   /* savepoints open inside it */
  int sp_owns_batch;              /* the batch was opened by a savepoint */
  int lost;                       /* code that rolled the batch back, or 0 */
  int dropped;                    /* evidence rows were deleted */
  /* caller_syncs (see sq_sync_setup): */
  int wal_fd;                     /* the WAL, for fdatasync; -1: none */
  char *path;                     /* for the checkpoint connection */
  sqlite3 *ckpt;                  /* the checkpointer's only, or NULL */
  pthread_mutex_t sync_lock;      /* guards the checkpointer's state: */
  pthread_cond_t ckpt_cond;       /* wanted or quit was set */
  pthread_mutex_t ckpt_run;       /* held by whoever checkpoints */
  pthread_t ckpt_thread;
  int ckpt_started;               /* ckpt_thread runs */
  int ckpt_wanted;                /* the WAL has grown: checkpoint it */
  int ckpt_quit;                  /* the store closes: end the thread */
  int wal_frames;                 /* frames in the WAL after the last
                                     commit (written by the committing
                                     thread, read by sq_sync() and the
                                     checkpointer) */
};

static struct sq_store *
sq_of(struct store *st)
{
  return (struct sq_store *)st;
}

static const struct sq_store *
sq_of_const(const struct store *st)
{
  return (const struct sq_store *)st;
}

/* Our code for a SQLite result code (see the notes at the top). */
static int
sq_map(int rc)
{
  switch (rc & 0xff) {
  case SQLITE_OK:
  case SQLITE_DONE:
  case SQLITE_ROW:
    return 0;
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    return -EBUSY;
  case SQLITE_FULL:
    return -ENOSPC;
  case SQLITE_READONLY:
    return -EROFS;
  default:
    return AERR_STORE;
  }
}

/*
 * Record a failure of what and return its code.  When SQLite answered
 * the failure by rolling back the whole transaction of an open batch, the
 * batch becomes lost (see the notes at the top).
 */
static int
sq_fail(struct sq_store *sq, int rc, const char *what)
{
  int code = sq_map(rc);

  if (code == 0)
    code = AERR_STORE;
  store_set_errmsg(&sq->base, "%s: %s", what, sqlite3_errmsg(sq->db));
  if (sq->batch && !sq->lost && sqlite3_get_autocommit(sq->db)) {
    size_t n = strlen(sq->base.errmsg);
    snprintf(sq->base.errmsg + n, sizeof(sq->base.errmsg) - n,
             " (the batch was rolled back)");
    sq->lost = code;
    sq->sp_depth = 0;
  }
  return code;
}

/*
 * The cached statement id, prepared on first use.  Returns 0 or the
 * mapped error.
 */
static int
sq_stmt(struct sq_store *sq, enum sq_stmt_id id, sqlite3_stmt **out)
{
  int rc;

  if (sq->stmt[id] == NULL) {
    rc = sqlite3_prepare_v3(sq->db, sq_sql[id], -1,
                            SQLITE_PREPARE_PERSISTENT, &sq->stmt[id], NULL);
    if (rc != SQLITE_OK) {
      sq->stmt[id] = NULL;
      *out = NULL;
      return sq_fail(sq, rc, "cannot prepare a statement");
    }
  }
  *out = sq->stmt[id];
  return 0;
}

/* Make a cached statement ready for its next use. */
static void
sq_done(sqlite3_stmt *stmt)
{
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
}

/* Run a cached statement that takes no values and yields no rows. */
static int
sq_exec(struct sq_store *sq, enum sq_stmt_id id, const char *what)
{
  sqlite3_stmt *stmt;
  int rc = sq_stmt(sq, id, &stmt);

  if (rc != 0)
    return rc;
  rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    rc = sq_fail(sq, rc, what);
    sq_done(stmt);
    return rc;
  }
  sq_done(stmt);
  return 0;
}

/* Bind a string, or NULL when there is none. */
static void
sq_bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
  if (s == NULL)
    sqlite3_bind_null(stmt, i);
  else
    sqlite3_bind_text(stmt, i, s, -1, SQLITE_STATIC);
}

/* Bind an id, or NULL for 0 ("none"). */
static void
sq_bind_id(sqlite3_stmt *stmt, int i, int64_t id)
{
  if (id == 0)
    sqlite3_bind_null(stmt, i);
  else
    sqlite3_bind_int64(stmt, i, id);
}

/* Forget everything about the batch (after COMMIT or ROLLBACK). */
static void
sq_batch_clear(struct sq_store *sq)
{
  sq->batch = 0;
  sq->sp_depth = 0;
  sq->sp_owns_batch = 0;
  sq->lost = 0;
}

/* Roll back whatever transaction is open, keeping the last message. */
static void
sq_rollback_quiet(struct sq_store *sq)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_get_autocommit(sq->db))
    return;
  if (sq->stmt[SQ_ROLLBACK] == NULL &&
      sqlite3_prepare_v3(sq->db, sq_sql[SQ_ROLLBACK], -1,
                         SQLITE_PREPARE_PERSISTENT, &sq->stmt[SQ_ROLLBACK],
                         NULL) != SQLITE_OK) {
    sq->stmt[SQ_ROLLBACK] = NULL;
    sqlite3_exec(sq->db, "ROLLBACK", NULL, NULL, NULL);
    return;
  }
  stmt = sq->stmt[SQ_ROLLBACK];
  sqlite3_step(stmt);
  sq_done(stmt);
}

/* ---- Opening and closing ---- */

/* Write a sentence into err, when the caller gave room for one. */
static void __attribute__((format(printf, 3, 4)))
sq_open_err(char *err, size_t errlen, const char *fmt, ...)
{
  va_list ap;

  if (errlen == 0)
    return;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

/*
 * Create the folder of path (mode 0700) when it is missing.  Only the
 * last level is created; a missing grandparent is an error.
 */
static int
sq_make_parent(const char *path, char *err, size_t errlen)
{
  const char *slash = strrchr(path, '/');
  struct stat sb;
  size_t n;
  char *dir;
  int rc = 0;

  if (slash == NULL || slash == path)
    return 0;
  n = (size_t)(slash - path);
  dir = malloc(n + 1);
  if (dir == NULL) {
    sq_open_err(err, errlen, "out of memory");
    return -ENOMEM;
  }
  memcpy(dir, path, n);
  dir[n] = '\0';
  if (mkdir(dir, 0700) != 0) {
    if (errno != EEXIST) {
      rc = -errno;
      sq_open_err(err, errlen, "cannot create the database folder %s: %s",
                  dir, strerror(-rc));
    } else if (stat(dir, &sb) != 0) {
      rc = -errno;
      sq_open_err(err, errlen, "cannot use the database folder %s: %s",
                  dir, strerror(-rc));
    } else if (!S_ISDIR(sb.st_mode)) {
      rc = -ENOTDIR;
      sq_open_err(err, errlen, "cannot use the database folder %s: %s",
                  dir, strerror(ENOTDIR));
    }
  }
  free(dir);
  return rc;
}

/*
 * Create the database file with mode 0600 unless it exists, so that
 * SQLite never creates it with the process's umask.  An existing file
 * keeps the mode its admin gave it.
 */
static int
sq_make_file(const char *path, char *err, size_t errlen)
{
  int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  int rc;

  if (fd >= 0) {
    close(fd);
    return 0;
  }
  if (errno == EEXIST)
    return 0;
  rc = -errno;
  sq_open_err(err, errlen, "cannot create the database file %s: %s", path,
              strerror(-rc));
  return rc;
}

/* Switch to WAL and check that SQLite agreed. */
static int
sq_set_wal(sqlite3 *db, int memory, const char *path, char *err,
           size_t errlen)
{
  sqlite3_stmt *stmt = NULL;
  const char *mode;
  int rc = sqlite3_prepare_v2(db, "PRAGMA journal_mode=WAL", -1, &stmt,
                              NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step(stmt);
  if (rc != SQLITE_ROW) {
    sq_open_err(err, errlen, "%s: cannot switch to WAL mode: %s", path,
                sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    return sq_map(rc) != 0 ? sq_map(rc) : AERR_STORE;
  }
  mode = (const char *)sqlite3_column_text(stmt, 0);
  if (mode == NULL ||
      (strcmp(mode, "wal") != 0 && !(memory && strcmp(mode, "memory") == 0))) {
    sq_open_err(err, errlen, "%s: SQLite refused WAL mode (journal mode is "
                "%s)", path, mode != NULL ? mode : "unknown");
    sqlite3_finalize(stmt);
    return AERR_STORE;
  }
  sqlite3_finalize(stmt);
  return 0;
}

/* Apply the connection settings that do not depend on the file. */
static int
sq_configure(sqlite3 *db, const struct store_opts *o, int memory, char *err,
             size_t errlen)
{
  static const char *const pragmas[] = {
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
  };
  uint64_t ms = o->busy_timeout_ms;
  size_t i;
  int rc;

  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, ms > INT_MAX ? INT_MAX : (int)ms);
  if (!o->readonly) {
    rc = sq_set_wal(db, memory, o->path, err, errlen);
    if (rc != 0)
      return rc;
  }
  for (i = 0; i < sizeof(pragmas) / sizeof(pragmas[0]); i++) {
    rc = sqlite3_exec(db, pragmas[i], NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
      sq_open_err(err, errlen, "%s: %s failed: %s", o->path, pragmas[i],
                  sqlite3_errmsg(db));
      return sq_map(rc) != 0 ? sq_map(rc) : AERR_STORE;
    }
  }
  return 0;
}

static void sq_close(struct store *st);

/*
 * Every connection here is used by one thread at a time: the loop's (the
 * store's own), the checkpointer's (its thread's alone) and
 * the open tickets' reader (handed to its thread whole).  SQLite's
 * per-connection mutex, taken and released around each of its calls
 * (bind, step, column, reset: about 140 pairs a message), guards nothing
 * then, and is not created.  The library's own mutexes (the shared
 * file locks, the page cache) stay.
 */
#define SQ_OPEN_ONE_THREAD SQLITE_OPEN_NOMUTEX

/* WAL frames (pages) past which sq_sync() moves the WAL into the
 * database: SQLite's own default for its automatic checkpoint. */
#define SQ_CHECKPOINT_FRAMES 1000

/* After each commit: how many frames the WAL holds now. */
static int
sq_wal_hook(void *arg, sqlite3 *db, const char *name, int frames)
{
  (void)db;
  (void)name;
  __atomic_store_n(&((struct sq_store *)arg)->wal_frames, frames,
                   __ATOMIC_RELAXED);
  return SQLITE_OK;
}

/*
 * caller_syncs: SQLite writes each commit to the WAL without syncing it
 * (synchronous=NORMAL, under which it still syncs the WAL before every
 * checkpoint and the database after it) and leaves checkpoints to
 * sq_sync(), which syncs the WAL through a descriptor of its own (a sync
 * covers the file, whichever descriptor wrote it).  The folder is synced
 * once here, so that the WAL's name is on disk too.  Together: a commit
 * followed by a store_sync() that returned 0 is as durable as one under
 * synchronous=FULL.
 */
static int
sq_sync_setup(struct sq_store *sq, const char *path, char *err,
              size_t errlen)
{
  static const char *const pragmas[] = {
    "PRAGMA synchronous=NORMAL",
    "PRAGMA wal_autocheckpoint=0",
  };
  const char *wal = sqlite3_filename_wal(sqlite3_db_filename(sq->db,
                                                             "main"));
  char *dir = strdup(path), *slash;
  size_t i;
  int fd;

  for (i = 0; i < sizeof(pragmas) / sizeof(pragmas[0]); i++)
    if (sqlite3_exec(sq->db, pragmas[i], NULL, NULL, NULL) != SQLITE_OK) {
      free(dir);
      sq_open_err(err, errlen, "%s: %s failed: %s", path, pragmas[i],
                  sqlite3_errmsg(sq->db));
      return AERR_STORE;
    }
  sqlite3_wal_hook(sq->db, sq_wal_hook, sq);
  sq->path = strdup(path);
  sq->wal_fd = wal != NULL ? open(wal, O_RDONLY | O_CLOEXEC) : -1;
  if (sq->wal_fd < 0 || sq->path == NULL || dir == NULL) {
    free(dir);
    sq_open_err(err, errlen, "%s: cannot open the WAL to sync it: %s",
                path, strerror(errno));
    return AERR_STORE;
  }
  slash = strrchr(dir, '/');
  if (slash != NULL)
    *(slash == dir ? slash + 1 : slash) = '\0';
  fd = open(slash != NULL ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
  free(dir);
  return 0;
}

/* Move the WAL into the database file when it has grown, on a connection
 * of the checkpointer's own (which reads the schema once, so that it knows the
 * file is in WAL mode: a connection that has read nothing checkpoints
 * nothing); a busy or failed checkpoint is tried next time. */
static void
sq_checkpoint(struct sq_store *sq)
{
  if (__atomic_load_n(&sq->wal_frames, __ATOMIC_RELAXED) <
      SQ_CHECKPOINT_FRAMES)
    return;
  if (sq->ckpt == NULL &&
      (sqlite3_open_v2(sq->path, &sq->ckpt,
                       SQLITE_OPEN_READWRITE | SQ_OPEN_ONE_THREAD, NULL) !=
           SQLITE_OK ||
       sqlite3_exec(sq->ckpt, "PRAGMA schema_version", NULL, NULL, NULL) !=
           SQLITE_OK)) {
    sqlite3_close(sq->ckpt);
    sq->ckpt = NULL;
    return;
  }
  sqlite3_wal_checkpoint_v2(sq->ckpt, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL,
                            NULL);
}

/*
 * The WAL starts over only when a commit begins with every frame already
 * in the database.  Under load the next batch is always open while the
 * checkpointer works, so its commit lands after the checkpoint and the
 * WAL would grow for ever: when it has passed twice the threshold, the
 * frames the checkpointer left (the last batches') are moved here,
 * between two batches, so the next commit restarts the WAL.  This syncs
 * on the committing thread, once per few MiB of WAL.  Two checkpoints at
 * once would find each other's lock and one would do nothing, so this
 * one is skipped while the checkpointer runs (the loop does not wait for
 * it; a later commit finds it done), until the WAL has passed three
 * times the threshold: then it waits.
 */
static void
sq_checkpoint_late(struct sq_store *sq)
{
  if (sq->wal_fd < 0 || sq->wal_frames < 2 * SQ_CHECKPOINT_FRAMES)
    return;
  if (sq->wal_frames < 3 * SQ_CHECKPOINT_FRAMES) {
    if (pthread_mutex_trylock(&sq->ckpt_run) != 0)
      return;
  } else {
    pthread_mutex_lock(&sq->ckpt_run);
  }
  sqlite3_wal_checkpoint_v2(sq->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL,
                            NULL);
  pthread_mutex_unlock(&sq->ckpt_run);
}

/* The checkpointer: a thread of the store's that moves the WAL into the
 * database whenever sq_sync() finds it grown, so that the sync a batch's
 * answers wait for is the WAL's fdatasync alone, never a checkpoint's
 * copying and syncing of the database file too (1 to 12 ms each, measured
 * at 64 clients).  A passive checkpoint takes no lock a writer needs:
 * the next batches commit meanwhile. */
static void *
sq_ckpt_main(void *arg)
{
  struct sq_store *sq = arg;

  pthread_mutex_lock(&sq->sync_lock);
  for (;;) {
    while (!sq->ckpt_wanted && !sq->ckpt_quit)
      pthread_cond_wait(&sq->ckpt_cond, &sq->sync_lock);
    if (sq->ckpt_quit)
      break;
    sq->ckpt_wanted = 0;
    pthread_mutex_unlock(&sq->sync_lock);
    pthread_mutex_lock(&sq->ckpt_run);
    sq_checkpoint(sq);
    pthread_mutex_unlock(&sq->ckpt_run);
    pthread_mutex_lock(&sq->sync_lock);
  }
  pthread_mutex_unlock(&sq->sync_lock);
  return NULL;
}

/* Ask the checkpointer for a checkpoint, starting it the first time
 * (signals blocked in it: the daemon's loop takes them); when no thread
 * can be made, checkpoint here. */
static void
sq_ckpt_ask(struct sq_store *sq)
{
  int inline_ckpt = 0;

  pthread_mutex_lock(&sq->sync_lock);
  if (!sq->ckpt_started) {
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    sq->ckpt_started =
        pthread_create(&sq->ckpt_thread, NULL, sq_ckpt_main, sq) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
  }
  if (sq->ckpt_started) {
    sq->ckpt_wanted = 1;
    pthread_cond_signal(&sq->ckpt_cond);
  } else {
    inline_ckpt = 1;
  }
  pthread_mutex_unlock(&sq->sync_lock);
  if (inline_ckpt) {
    pthread_mutex_lock(&sq->ckpt_run);
    sq_checkpoint(sq);
    pthread_mutex_unlock(&sq->ckpt_run);
  }
}

static int
sq_sync(struct store *st)
{
  struct sq_store *sq = sq_of(st);

  if (sq->wal_fd < 0)
    return 0;
  if (fdatasync(sq->wal_fd) != 0)
    return errno == ENOSPC ? -ENOSPC : AERR_STORE;
  if (__atomic_load_n(&sq->wal_frames, __ATOMIC_RELAXED) >=
      SQ_CHECKPOINT_FRAMES)
    sq_ckpt_ask(sq);
  return 0;
}

static uint64_t
sq_writes(const struct store *st)
{
  return (uint64_t)sqlite3_total_changes64(sq_of_const(st)->db);
}

/*
 * Bytes of a savepoint's journal kept in memory before SQLite moves it to
 * a temporary file (SQLite's default: 64 KiB).  Every request runs in a
 * savepoint of the open batch and journals the pages it changes, up to
 * about 110 KiB when it files a ticket; once one request had spilled, each
 * later page of the batch went to the file, a write(2) a page.  The
 * journal only undoes a failed request inside its batch: where it lives
 * changes nothing of durability.
 */
#define SQ_STMT_SPILL (1024 * 1024)

/*
 * SQLite counts the bytes it has allocated (sqlite3_memory_used()) under a
 * process-wide mutex taken at every one of its allocations and frees,
 * about 250 a message.  The daemon reads no such figure: the count is off.
 * Its allocations go through sqlite_mem.c, which keeps the small blocks
 * the loop frees for the loop's next statements (SQLite as Debian builds
 * it has no lookaside of its own).
 */
static void
sq_init_once(void)
{
  sqlite3_mem_methods mem = *sqlite_mem_methods();

  /* Each fails (SQLITE_MISUSE) when SQLite is already initialised:
   * nothing lost but the figures above. */
  (void)sqlite3_config(SQLITE_CONFIG_MALLOC, &mem);
  (void)sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, SQ_STMT_SPILL);
  (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/*
 * Open the database at o->path: make its folder and file unless opening
 * read-only, open it, configure the connection and migrate.
 */
static int
sq_open(struct store **out, const struct store_opts *o, char *err,
        size_t errlen)
{
  struct sq_store *sq = calloc(1, sizeof(*sq));
  int memory = strcmp(o->path, ":memory:") == 0;
  char merr[STORE_ERRMSG_LEN];
  int flags, rc;

  if (sq == NULL) {
    sq_open_err(err, errlen, "out of memory");
    return -ENOMEM;
  }
  sq->base.ops = &store_sqlite_ops;
  crypto_rand_init(&sq->base.rand);
  sq->wal_fd = -1;
  pthread_mutex_init(&sq->sync_lock, NULL);
  pthread_mutex_init(&sq->ckpt_run, NULL);
  pthread_cond_init(&sq->ckpt_cond, NULL);
  if (!o->readonly && !memory) {
    rc = sq_make_parent(o->path, err, errlen);
    if (rc == 0)
      rc = sq_make_file(o->path, err, errlen);
    if (rc != 0)
      goto fail;
  }
  flags = (o->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
          SQ_OPEN_ONE_THREAD;
  if (memory)
    flags |= SQLITE_OPEN_CREATE;
  {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, sq_init_once);
  }
  rc = sqlite3_open_v2(o->path, &sq->db, flags, NULL);
  if (rc != SQLITE_OK) {
    sq_open_err(err, errlen, "cannot open the database %s: %s", o->path,
                sq->db != NULL ? sqlite3_errmsg(sq->db) : sqlite3_errstr(rc));
    rc = sq_map(rc) != 0 ? sq_map(rc) : AERR_STORE;
    goto fail;
  }
  rc = sq_configure(sq->db, o, memory, err, errlen);
  if (rc != 0)
    goto fail;
  rc = migrate_apply(sq->db, migrate_builtin, NULL, merr, sizeof(merr));
  if (rc != 0) {
    sq_open_err(err, errlen, "%s: %s", o->path, merr);
    goto fail;
  }
  if (o->caller_syncs && !o->readonly && !memory) {
    rc = sq_sync_setup(sq, o->path, err, errlen);
    if (rc != 0)
      goto fail;
  }
  *out = &sq->base;
  return 0;

fail:
  sq_close(&sq->base);
  return rc;
}

/* Finalize the statement cache, drop an open batch, close the file. */
static void
sq_close(struct store *st)
{
  struct sq_store *sq = sq_of(st);
  int i;

  if (sq->ckpt_started) {
    pthread_mutex_lock(&sq->sync_lock);
    sq->ckpt_quit = 1;
    pthread_cond_signal(&sq->ckpt_cond);
    pthread_mutex_unlock(&sq->sync_lock);
    pthread_join(sq->ckpt_thread, NULL);
  }
  sqlite3_close(sq->ckpt);
  if (sq->wal_fd >= 0)
    close(sq->wal_fd);
  free(sq->path);
  pthread_cond_destroy(&sq->ckpt_cond);
  pthread_mutex_destroy(&sq->ckpt_run);
  pthread_mutex_destroy(&sq->sync_lock);
  if (sq->db != NULL) {
    sq_rollback_quiet(sq);
    for (i = 0; i < SQ_NSTMTS; i++)
      sqlite3_finalize(sq->stmt[i]);
    sqlite3_close(sq->db);
  }
  crypto_rand_wipe(&sq->base.rand);
  free(sq);
  /* The kept blocks go back with the store (the daemon's last act on
   * SQLite); another store still open just allocates them anew. */
  sqlite_mem_drain();
}

/* The statements a webhook's message or its reply runs (see
 * store_sqlite_statement()). */
static const enum sq_stmt_id sq_per_message[] = {
  SQ_REPORTER_FIND, SQ_REPORTER_INSERT, SQ_INBOUND_INSERT, SQ_INBOUND_FIND,
  SQ_OUTBOX_INSERT, SQ_OUTBOX_REPLIES, SQ_SESSION_GET, SQ_SESSION_PUT,
  SQ_SESSION_UPDATE,
  SQ_TICKET_NEXTSEQ, SQ_TICKET_INSERT, SQ_EVENT_INSERT, SQ_TICKET_BY_NUMBER,
  SQ_TICKET_BY_ID, SQ_TICKET_TEXTS, SQ_TICKET_COUNT_SINCE,
  SQ_INBOUND_COUNT_SINCE,
  SQ_REPORTER_SET_NAME, SQ_EVIDENCE_INSERT, SQ_EVIDENCE_COUNT,
  SQ_EVIDENCE_ATTACH, SQ_EVIDENCE_DROP, SQ_OUTBOX_DUE, SQ_OUTBOX_MARK,
  SQ_OUTBOX_NEXT, SQ_OUTBOX_CHANNEL_AFTER, SQ_OUTBOX_SET,
  SQ_OUTBOX_BY_PROVIDER, SQ_OUTBOX_BY_ID, SQ_OUTBOX_DELIVERY,
  SQ_QUESTION_INSERT, SQ_QUESTION_WAITING, SQ_QUESTION_ANSWER,
  SQ_EVIDENCE_DUE, SQ_EVIDENCE_SET,
  /* A WhatsApp reporter known by a BSUID, and a delivery report that
   * gives one. */
  SQ_REPORTER_BY_BSUID, SQ_REPORTER_LINK, SQ_OUTBOX_LINK_BSUID,
};

/* The statements the daemon's start-up runs over whole tables' worth of
 * rows (see store_sqlite_statement()). */
static const enum sq_stmt_id sq_start_up[] = {
  SQ_OPEN_TICKET_IDS, SQ_OPEN_TICKET_TEXT,
};

int
store_sqlite_statement(int i, const char **sql, int *per_message)
{
  size_t k;

  *sql = NULL;
  *per_message = 0;
  if (i < 0 || i >= SQ_NSTMTS)
    return SQ_NSTMTS;
  *sql = sq_sql[i];
  for (k = 0; k < sizeof(sq_per_message) / sizeof(sq_per_message[0]); k++)
    if ((int)sq_per_message[k] == i)
      *per_message = 1;
  for (k = 0; k < sizeof(sq_start_up) / sizeof(sq_start_up[0]); k++)
    if ((int)sq_start_up[k] == i)
      *per_message = 2;
  return SQ_NSTMTS;
}

struct sqlite3 *
store_sqlite_handle(struct store *st)
{
  if (st == NULL || st->ops != &store_sqlite_ops)
    return NULL;
  return sq_of(st)->db;
}

/* ---- Batches and savepoints ---- */

static int
sq_batch_begin(struct store *st)
{
  struct sq_store *sq = sq_of(st);
  int rc;

  if (sq->batch)
    return sq->lost;
  rc = sq_exec(sq, SQ_BEGIN, "cannot start a batch");
  if (rc != 0)
    return rc;
  sq_batch_clear(sq);
  sq->batch = 1;
  return 0;
}

/*
 * Commit the batch.  A lost batch returns the code that lost it; a
 * COMMIT that fails is rolled back.  Either way the batch is closed.
 */
static int
sq_batch_commit(struct store *st)
{
  struct sq_store *sq = sq_of(st);
  int rc;

  if (!sq->batch) {
    store_set_errmsg(st, "no batch is open to commit");
    return AERR_STATE;
  }
  if (sq->lost) {
    rc = sq->lost;
    sq_rollback_quiet(sq);
    sq_batch_clear(sq);
    return rc;
  }
  rc = sq_exec(sq, SQ_COMMIT, "cannot commit the batch");
  if (rc != 0)
    sq_rollback_quiet(sq);
  sq_batch_clear(sq);
  if (rc == 0)
    sq_checkpoint_late(sq);
  return rc;
}

static void
sq_batch_rollback(struct store *st)
{
  struct sq_store *sq = sq_of(st);

  if (!sq->batch)
    return;
  sq_rollback_quiet(sq);
  sq_batch_clear(sq);
}

static int
sq_batch_open(const struct store *st)
{
  return sq_of_const(st)->batch;
}

static int
sq_sp_begin(struct store *st)
{
  struct sq_store *sq = sq_of(st);
  int owns = 0, rc;

  if (sq->lost)
    return sq->lost;
  if (!sq->batch) {
    rc = sq_batch_begin(st);
    if (rc != 0)
      return rc;
    owns = 1;
  }
  rc = sq_exec(sq, SQ_SAVEPOINT, "cannot start a savepoint");
  if (rc != 0) {
    if (owns)
      sq_batch_rollback(st);
    return rc;
  }
  if (owns)
    sq->sp_owns_batch = 1;
  sq->sp_depth++;
  return 0;
}

/* Undo the innermost savepoint's work and close it. */
static void
sq_sp_undo(struct sq_store *sq)
{
  if (sq_exec(sq, SQ_ROLLBACK_TO, "cannot roll back a savepoint") == 0)
    sq_exec(sq, SQ_RELEASE, "cannot close a savepoint");
  if (sq->sp_depth > 0)
    sq->sp_depth--;
}

/*
 * Keep the innermost savepoint's work in the batch.  When the savepoint
 * opened the batch itself, this commits it.
 */
static int
sq_sp_release(struct store *st)
{
  struct sq_store *sq = sq_of(st);
  int rc;

  if (sq->lost) {
    rc = sq->lost;
    if (sq->sp_owns_batch)
      sq_batch_rollback(st);
    return rc;
  }
  if (sq->sp_depth == 0) {
    store_set_errmsg(st, "no savepoint is open to release");
    return AERR_STATE;
  }
  rc = sq_exec(sq, SQ_RELEASE, "cannot release a savepoint");
  if (rc != 0) {
    sq_sp_undo(sq);
    if (sq->sp_owns_batch && sq->sp_depth == 0)
      sq_batch_rollback(st);
    return rc;
  }
  sq->sp_depth--;
  if (sq->sp_owns_batch && sq->sp_depth == 0)
    return sq_batch_commit(st);
  return 0;
}

/*
 * Drop the innermost savepoint's work, keeping the rest of the batch.
 * When the savepoint opened the batch itself, the batch is rolled back.
 */
static void
sq_sp_rollback(struct store *st)
{
  struct sq_store *sq = sq_of(st);

  if (!sq->lost && sq->sp_depth > 0)
    sq_sp_undo(sq);
  if (sq->sp_owns_batch && sq->sp_depth == 0)
    sq_batch_rollback(st);
}

/* ---- Reads ---- */

/* The recorded schema version, through the statement cache. */
static int
sq_version(struct sq_store *sq, int *version)
{
  sqlite3_stmt *stmt;
  int rc = sq_stmt(sq, SQ_VERSION, &stmt);

  if (rc != 0)
    return rc;
  rc = sqlite3_step(stmt);
  if (rc != SQLITE_ROW) {
    rc = sq_fail(sq, rc, "cannot read the schema version");
    sq_done(stmt);
    return rc;
  }
  *version = sqlite3_column_int(stmt, 0);
  sq_done(stmt);
  return 0;
}

static int
sq_ping(struct store *st)
{
  int version;

  return sq_version(sq_of(st), &version);
}

static int
sq_schema_version(struct store *st, int *version)
{
  return sq_version(sq_of(st), version);
}

/*
 * Look up one id with a cached statement whose parameters are the given
 * strings.  Returns 0 with *id set, AERR_NOTFOUND, or the mapped error.
 */
static int
sq_find_id(struct sq_store *sq, enum sq_stmt_id id, const char *a,
           const char *b, int64_t *out, const char *what)
{
  sqlite3_stmt *stmt;
  int rc = sq_stmt(sq, id, &stmt);

  if (rc != 0)
    return rc;
  sq_bind_text(stmt, 1, a);
  if (b != NULL)
    sq_bind_text(stmt, 2, b);
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    *out = sqlite3_column_int64(stmt, 0);
    rc = 0;
  } else if (rc == SQLITE_DONE) {
    rc = AERR_NOTFOUND;
  } else {
    rc = sq_fail(sq, rc, what);
  }
  sq_done(stmt);
  return rc;
}

/* ---- Reporters ---- */

/*
 * Run SQ_REPORTER_LINK for reporter id: 0, AERR_DUP when another reporter
 * holds one of the values already, or the mapped error.
 */
static int
sq_reporter_link(struct sq_store *sq, int64_t id, const char *phone,
                 const char *bsuid)
{
  sqlite3_stmt *stmt;
  int rc = sq_stmt(sq, SQ_REPORTER_LINK, &stmt);

  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, id);
  sq_bind_text(stmt, 2, phone);
  sq_bind_text(stmt, 3, bsuid);
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_DONE)
    rc = 0;
  else if (rc == SQLITE_CONSTRAINT_UNIQUE)
    rc = AERR_DUP;
  else
    rc = sq_fail(sq, rc, "cannot link a reporter's identifiers");
  sq_done(stmt);
  return rc;
}

/* Insert a reporter known by phone and/or bsuid, with a fresh handle. */
static int
sq_reporter_insert(struct store *st, const char *phone, const char *bsuid,
                   int64_t now, int64_t *id)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  char handle[STORE_HANDLE_LEN];
  int tries, rc;

  for (tries = 0; tries < SQ_HANDLE_TRIES; tries++) {
    if (store_handle_new(st, handle) != 0) {
      store_set_errmsg(st, "no random bytes for a reporter handle");
      return AERR_STORE;
    }
    rc = sq_stmt(sq, SQ_REPORTER_INSERT, &stmt);
    if (rc != 0)
      return rc;
    sq_bind_text(stmt, 1, phone);
    sqlite3_bind_text(stmt, 2, handle, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 3, now);
    sq_bind_text(stmt, 4, bsuid);
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) {
      int inserted = sqlite3_changes(sq->db) > 0;
      sq_done(stmt);
      if (!inserted)
        return sq_find_id(sq, SQ_REPORTER_FIND, phone, NULL, id,
                          "cannot look up a reporter");
      *id = sqlite3_last_insert_rowid(sq->db);
      return 0;
    }
    if (rc != SQLITE_CONSTRAINT_UNIQUE) {
      rc = sq_fail(sq, rc, "cannot add a reporter");
      sq_done(stmt);
      return rc;
    }
    sq_done(stmt);
  }
  store_set_errmsg(st, "no free reporter handle after %d tries",
                   SQ_HANDLE_TRIES);
  return AERR_STORE;
}

/*
 * Find the reporter by phone, else by BSUID, or insert one (see
 * store_reporter_identify).  The insert leaves an existing phone alone
 * (ON CONFLICT DO NOTHING, then the row is read), so a uniqueness failure
 * can only be a handle collision, which draws a new handle.
 */
static int
sq_reporter_ensure(struct store *st, const char *phone, const char *bsuid,
                   int64_t now, int64_t *id, enum store_id_how *how)
{
  struct sq_store *sq = sq_of(st);
  int64_t by_phone = 0, by_bsuid = 0;
  int rc;

  if (sq->lost)
    return sq->lost;
  if (phone != NULL && phone[0] == '\0')
    phone = NULL;
  if (bsuid != NULL && bsuid[0] == '\0')
    bsuid = NULL;
  if (phone == NULL && bsuid == NULL) {
    store_set_errmsg(st, "a reporter needs a phone number or a BSUID");
    return -EINVAL;
  }
  *how = STORE_ID_FOUND;
  rc = phone == NULL ? AERR_NOTFOUND
                     : sq_find_id(sq, SQ_REPORTER_FIND, phone, NULL,
                                  &by_phone, "cannot look up a reporter");
  if (rc == 0 || rc == AERR_NOTFOUND)
    rc = bsuid == NULL ? AERR_NOTFOUND
                       : sq_find_id(sq, SQ_REPORTER_BY_BSUID, bsuid, NULL,
                                    &by_bsuid, "cannot look up a reporter");
  if (rc != 0 && rc != AERR_NOTFOUND)
    return rc;
  if (by_phone == 0 && by_bsuid == 0) {
    *how = STORE_ID_NEW;
    return sq_reporter_insert(st, phone, bsuid, now, id);
  }
  /* The number decides when the two name different reporters. */
  *id = by_phone != 0 ? by_phone : by_bsuid;
  if (by_phone != 0 && by_bsuid != 0) {
    if (by_phone != by_bsuid)
      *how = STORE_ID_CONFLICT;
    return 0;
  }
  if ((by_phone != 0 && bsuid == NULL) || (by_bsuid != 0 && phone == NULL))
    return 0;
  /* Found by one identifier; the other is new: the reporter takes it. */
  rc = sq_reporter_link(sq, *id, by_phone != 0 ? NULL : phone,
                        by_phone != 0 ? bsuid : NULL);
  if (rc == 0)
    *how = STORE_ID_LINKED;
  return rc;
}

/*
 * A reporter's number (and BSUID) changed: see store_reporter_renumber.
 */
static int
sq_reporter_renumber(struct store *st, const char *old_phone,
                     const char *old_bsuid, const char *new_phone,
                     const char *new_bsuid, int64_t *id)
{
  struct sq_store *sq = sq_of(st);
  int rc = AERR_NOTFOUND;

  if (sq->lost)
    return sq->lost;
  if (old_phone != NULL && old_phone[0] != '\0')
    rc = sq_find_id(sq, SQ_REPORTER_FIND, old_phone, NULL, id,
                    "cannot look up a reporter");
  if (rc == AERR_NOTFOUND && old_bsuid != NULL && old_bsuid[0] != '\0')
    rc = sq_find_id(sq, SQ_REPORTER_BY_BSUID, old_bsuid, NULL, id,
                    "cannot look up a reporter");
  if (rc != 0)
    return rc;
  return sq_reporter_link(sq, *id,
                          new_phone != NULL && new_phone[0] != '\0'
                            ? new_phone : NULL,
                          new_bsuid != NULL && new_bsuid[0] != '\0'
                            ? new_bsuid : NULL);
}

/* Give the reporter of outbox row id the BSUID a provider reported for
 * it, when the reporter has none: see store_outbox_bsuid. */
static int
sq_outbox_bsuid(struct store *st, int64_t outbox_id, const char *bsuid)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_OUTBOX_LINK_BSUID, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, outbox_id);
  sq_bind_text(stmt, 2, bsuid);
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_DONE)
    rc = sqlite3_changes(sq->db) > 0 ? 0 : AERR_NOTFOUND;
  else if (rc == SQLITE_CONSTRAINT_UNIQUE)
    rc = AERR_DUP;
  else
    rc = sq_fail(sq, rc, "cannot record a BSUID");
  sq_done(stmt);
  return rc;
}

/* ---- Inbound messages ---- */

/*
 * Insert the message unless (channel, provider_id) is stored already; in
 * that case the earlier row's id is returned with AERR_DUP.
 */
static int
sq_inbound_add(struct store *st, const struct store_inbound *in,
               int64_t *id)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int inserted, rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_INBOUND_INSERT, &stmt);
  if (rc != 0)
    return rc;
  sq_bind_text(stmt, 1, in->channel);
  sq_bind_text(stmt, 2, in->provider_id);
  sqlite3_bind_int64(stmt, 3, in->reporter_id);
  sq_bind_text(stmt, 4, in->kind);
  sq_bind_text(stmt, 5, in->body);
  if (in->payload == NULL)
    sqlite3_bind_null(stmt, 6);
  else
    sqlite3_bind_blob64(stmt, 6, in->payload, (sqlite3_uint64)in->payload_len,
                        SQLITE_STATIC);
  sqlite3_bind_int64(stmt, 7, in->received_at);
  rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE) {
    rc = sq_fail(sq, rc, "cannot add an inbound message");
    sq_done(stmt);
    return rc;
  }
  inserted = sqlite3_changes(sq->db) > 0;
  sq_done(stmt);
  if (inserted) {
    *id = sqlite3_last_insert_rowid(sq->db);
    return 0;
  }
  rc = sq_find_id(sq, SQ_INBOUND_FIND, in->channel, in->provider_id, id,
                  "cannot look up an inbound message");
  if (rc == AERR_NOTFOUND) {
    store_set_errmsg(st, "inbound message was neither added nor found");
    return AERR_STORE;
  }
  if (rc != 0)
    return rc;
  store_set_errmsg(st, "inbound message already stored (channel %s, "
                   "provider id %s)", in->channel, in->provider_id);
  return AERR_DUP;
}

static int
sq_inbound_find(struct store *st, const char *channel,
                const char *provider_id, int64_t *id)
{
  struct sq_store *sq = sq_of(st);

  if (sq->lost)
    return sq->lost;
  if (channel == NULL || provider_id == NULL)
    return AERR_NOTFOUND;
  return sq_find_id(sq, SQ_INBOUND_FIND, channel, provider_id, id,
                    "cannot look up an inbound message");
}

/* ---- Outbox ---- */

static int
sq_outbox_add(struct store *st, const struct store_outbox *o, int64_t *id)
{
  struct sq_store *sq = sq_of(st);
  const char *status = o->status != NULL ? o->status : "queued";
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_OUTBOX_INSERT, &stmt);
  if (rc != 0)
    return rc;
  sq_bind_text(stmt, 1, o->channel);
  sqlite3_bind_int64(stmt, 2, o->reporter_id);
  sq_bind_id(stmt, 3, o->inbound_id);
  sq_bind_id(stmt, 4, o->ticket_id);
  sq_bind_text(stmt, 5, o->kind);
  sq_bind_text(stmt, 6, o->body);
  sq_bind_text(stmt, 7, o->payload);
  sqlite3_bind_text(stmt, 8, status, -1, SQLITE_STATIC);
  if (strcmp(status, "queued") == 0)
    sqlite3_bind_int64(stmt, 9, o->created_at);
  else
    sqlite3_bind_null(stmt, 9);
  sqlite3_bind_int64(stmt, 10, o->created_at);
  rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE) {
    rc = sq_fail(sq, rc, "cannot add an outbox row");
    sq_done(stmt);
    return rc;
  }
  sq_done(stmt);
  if (id != NULL)
    *id = sqlite3_last_insert_rowid(sq->db);
  return 0;
}

/* Append a copy of s to out, growing it as needed. */
static int
sq_strings_push(struct store_strings *out, int *cap, const char *s)
{
  char *copy;

  if (out->n == *cap) {
    int ncap = *cap > 0 ? *cap * 2 : 8;
    char **v = realloc(out->v, (size_t)ncap * sizeof(*v));
    if (v == NULL)
      return -ENOMEM;
    out->v = v;
    *cap = ncap;
  }
  copy = strdup(s);
  if (copy == NULL)
    return -ENOMEM;
  out->v[out->n++] = copy;
  return 0;
}

static int
sq_outbox_replies(struct store *st, int64_t inbound_id,
                  struct store_strings *out)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int cap = 0, rc;

  out->v = NULL;
  out->n = 0;
  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_OUTBOX_REPLIES, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, inbound_id);
  for (;;) {
    const char *body;

    rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) {
      rc = 0;
      break;
    }
    if (rc != SQLITE_ROW) {
      rc = sq_fail(sq, rc, "cannot read the replies");
      break;
    }
    body = (const char *)sqlite3_column_text(stmt, 0);
    if (body == NULL && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
      rc = -ENOMEM;
      store_set_errmsg(st, "out of memory reading the replies");
      break;
    }
    rc = sq_strings_push(out, &cap, body != NULL ? body : "");
    if (rc != 0) {
      store_set_errmsg(st, "out of memory reading the replies");
      break;
    }
  }
  sq_done(stmt);
  if (rc != 0)
    store_strings_free(out);
  return rc;
}

/* ---- Sessions ---- */

/* A copy of column i as a new string ("" for NULL); NULL when out of
 * memory. */
static char *
sq_col_dup(sqlite3_stmt *stmt, int i)
{
  const unsigned char *t = sqlite3_column_text(stmt, i);

  return strdup(t != NULL ? (const char *)t : "");
}

/* Like sq_col_dup, but NULL stays NULL (and *oom is set when a copy
 * fails). */
static char *
sq_col_dup_null(sqlite3_stmt *stmt, int i, int *oom)
{
  const unsigned char *t;
  char *p;

  if (sqlite3_column_type(stmt, i) == SQLITE_NULL)
    return NULL;
  t = sqlite3_column_text(stmt, i);
  p = strdup(t != NULL ? (const char *)t : "");
  if (p == NULL)
    *oom = 1;
  return p;
}

static int
sq_session_get(struct store *st, int64_t reporter_id, const char *family,
               struct store_session *out)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc;

  memset(out, 0, sizeof(*out));
  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_SESSION_GET, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, reporter_id);
  sq_bind_text(stmt, 2, family);
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_DONE) {
    sq_done(stmt);
    return AERR_NOTFOUND;
  }
  if (rc != SQLITE_ROW) {
    rc = sq_fail(sq, rc, "cannot read a session");
    sq_done(stmt);
    return rc;
  }
  out->id = sqlite3_column_int64(stmt, 0);
  out->reporter_id = reporter_id;
  out->family = strdup(family);
  out->channel = sq_col_dup(stmt, 1);
  out->step = sq_col_dup(stmt, 2);
  out->draft = sq_col_dup(stmt, 3);
  out->invalid_count = sqlite3_column_int(stmt, 4);
  out->updated_at = sqlite3_column_int64(stmt, 5);
  out->expires_at = sqlite3_column_int64(stmt, 6);
  sq_done(stmt);
  if (out->family == NULL || out->channel == NULL || out->step == NULL ||
      out->draft == NULL) {
    store_session_clear(out);
    store_set_errmsg(st, "out of memory reading a session");
    return -ENOMEM;
  }
  return 0;
}

/* Bind s's columns to stmt (SQ_SESSION_PUT's and SQ_SESSION_UPDATE's
 * numbering). */
static void
sq_bind_session(sqlite3_stmt *stmt, const struct store_session *s)
{
  sqlite3_bind_int64(stmt, 1, s->reporter_id);
  sq_bind_text(stmt, 2, s->family);
  sq_bind_text(stmt, 3, s->channel);
  sq_bind_text(stmt, 4, s->step);
  sq_bind_text(stmt, 5, s->draft != NULL ? s->draft : "{}");
  sqlite3_bind_int(stmt, 6, s->invalid_count);
  sqlite3_bind_int64(stmt, 7, s->updated_at);
  sq_bind_id(stmt, 8, s->expires_at);
}

/* A session read before is updated through its id; 0, or AERR_NOTFOUND
 * when the row is not (or no longer) that of s's reporter and family. */
static int
sq_session_update(struct sq_store *sq, const struct store_session *s)
{
  sqlite3_stmt *stmt;
  int rc;

  rc = sq_stmt(sq, SQ_SESSION_UPDATE, &stmt);
  if (rc != 0)
    return rc;
  sq_bind_session(stmt, s);
  sqlite3_bind_int64(stmt, 9, s->id);
  rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE)
    rc = sq_fail(sq, rc, "cannot save a session");
  else
    rc = sqlite3_changes(sq->db) == 1 ? 0 : AERR_NOTFOUND;
  sq_done(stmt);
  return rc;
}

static int
sq_session_put(struct store *st, struct store_session *s)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  if (s->id > 0) {
    rc = sq_session_update(sq, s);
    if (rc != AERR_NOTFOUND)
      return rc;
  }
  rc = sq_stmt(sq, SQ_SESSION_PUT, &stmt);
  if (rc != 0)
    return rc;
  sq_bind_session(stmt, s);
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    s->id = sqlite3_column_int64(stmt, 0);
    rc = sqlite3_step(stmt);
  }
  if (rc != SQLITE_DONE) {
    rc = sq_fail(sq, rc, "cannot save a session");
    sq_done(stmt);
    return rc;
  }
  sq_done(stmt);
  return 0;
}

/* ---- Tickets ---- */

/* Run a cached statement bound to one id that yields one integer. */
static int
sq_count(struct sq_store *sq, enum sq_stmt_id id, int64_t a, int64_t b,
         int nargs, int64_t *out, const char *what)
{
  sqlite3_stmt *stmt;
  int rc = sq_stmt(sq, id, &stmt);

  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, a);
  if (nargs > 1)
    sqlite3_bind_int64(stmt, 2, b);
  rc = sqlite3_step(stmt);
  if (rc != SQLITE_ROW) {
    rc = sq_fail(sq, rc, what);
    sq_done(stmt);
    return rc;
  }
  *out = sqlite3_column_int64(stmt, 0);
  sq_done(stmt);
  return 0;
}

static int
sq_event_add(struct sq_store *sq, int64_t ticket_id, int64_t at,
             const char *actor, const char *from, const char *to,
             const char *note)
{
  sqlite3_stmt *stmt;
  int rc = sq_stmt(sq, SQ_EVENT_INSERT, &stmt);

  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, ticket_id);
  sqlite3_bind_int64(stmt, 2, at);
  sq_bind_text(stmt, 3, actor);
  sq_bind_text(stmt, 4, from);
  sq_bind_text(stmt, 5, to);
  sq_bind_text(stmt, 6, note);
  rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE)
    rc = sq_fail(sq, rc, "cannot add a ticket event");
  else
    rc = 0;
  sq_done(stmt);
  return rc;
}

/*
 * The next number of the year is max(seq) + 1 read inside the caller's
 * transaction: a batch holds the database's write lock from its BEGIN
 * IMMEDIATE, so no other writer can take the same number, and a rolled
 * back ticket gives its number back, leaving no gap.
 */
static int
sq_ticket_create(struct store *st, const struct store_ticket_new *t,
                 const char *prefix, const char *actor, int64_t *id,
                 char number[32])
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int64_t seq = 0;
  int year, rc;

  if (sq->lost)
    return sq->lost;
  year = wita_year(t->created_at);
  rc = sq_count(sq, SQ_TICKET_NEXTSEQ, year, 0, 1, &seq,
                "cannot number a ticket");
  if (rc != 0)
    return rc;
  if (seq > INT_MAX || ticket_number_format(prefix, year, (int)seq,
                                            number) != 0) {
    store_set_errmsg(st, "ticket number out of range");
    return AERR_STORE;
  }
  rc = sq_stmt(sq, SQ_TICKET_INSERT, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_text(stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int(stmt, 2, year);
  sqlite3_bind_int64(stmt, 3, seq);
  sqlite3_bind_int64(stmt, 4, t->reporter_id);
  sq_bind_text(stmt, 5, t->channel);
  sq_bind_text(stmt, 6, t->category);
  sq_bind_text(stmt, 7, t->terlapor);
  sq_bind_text(stmt, 8, t->lokasi);
  sq_bind_text(stmt, 9, t->lokasi_kode);
  if (t->has_location) {
    sqlite3_bind_double(stmt, 10, t->lat);
    sqlite3_bind_double(stmt, 11, t->lng);
  }
  sq_bind_text(stmt, 12, t->waktu);
  sq_bind_text(stmt, 13, t->kronologi);
  sq_bind_text(stmt, 14, t->identitas);
  sqlite3_bind_null(stmt, 15);
  sqlite3_bind_int64(stmt, 16, t->created_at);
  sq_bind_text(stmt, 17, t->waktu_tanggal);
  sq_bind_text(stmt, 18, t->marks);
  sq_bind_text(stmt, 19, t->waktu_presisi);
  sq_bind_text(stmt, 20, t->lokasi_tingkat);
  sq_bind_text(stmt, 21, t->lokasi_tempat_kode);
  sq_bind_text(stmt, 22, t->lokasi_tempat);
  rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE) {
    rc = sq_fail(sq, rc, "cannot file a ticket");
    sq_done(stmt);
    return rc;
  }
  sq_done(stmt);
  *id = sqlite3_last_insert_rowid(sq->db);
  return sq_event_add(sq, *id, t->created_at, actor, NULL, "diterima", NULL);
}

/* Read the ticket columns (in SQ_TICKET_BY_NUMBER's order) of the
 * current row into out; *oom is set when a copy fails. */
static void
sq_ticket_read(sqlite3_stmt *stmt, struct store_ticket *out, int *oom)
{
  out->id = sqlite3_column_int64(stmt, 0);
  out->number = sq_col_dup_null(stmt, 1, oom);
  out->year = sqlite3_column_int(stmt, 2);
  out->seq = sqlite3_column_int(stmt, 3);
  out->reporter_id = sqlite3_column_int64(stmt, 4);
  out->channel = sq_col_dup_null(stmt, 5, oom);
  out->status = sq_col_dup_null(stmt, 6, oom);
  out->category = sq_col_dup_null(stmt, 7, oom);
  out->terlapor = sq_col_dup_null(stmt, 8, oom);
  out->lokasi = sq_col_dup_null(stmt, 9, oom);
  out->lokasi_kode = sq_col_dup_null(stmt, 10, oom);
  out->has_location = sqlite3_column_type(stmt, 11) != SQLITE_NULL;
  out->lat = sqlite3_column_double(stmt, 11);
  out->lng = sqlite3_column_double(stmt, 12);
  out->waktu = sq_col_dup_null(stmt, 13, oom);
  out->kronologi = sq_col_dup_null(stmt, 14, oom);
  out->identitas = sq_col_dup_null(stmt, 15, oom);
  out->agency = sq_col_dup_null(stmt, 16, oom);
  out->created_at = sqlite3_column_int64(stmt, 17);
  out->updated_at = sqlite3_column_int64(stmt, 18);
  out->marks = sq_col_dup_null(stmt, 19, oom);
  out->waktu_tanggal = sq_col_dup_null(stmt, 20, oom);
  out->waktu_presisi = sq_col_dup_null(stmt, 21, oom);
  out->lokasi_tingkat = sq_col_dup_null(stmt, 22, oom);
  out->lokasi_tempat_kode = sq_col_dup_null(stmt, 23, oom);
  out->lokasi_tempat = sq_col_dup_null(stmt, 24, oom);
}

/* How a ticket statement's current row is read into out (sq_ticket_read(),
 * sq_ticket_texts_read()); *oom is set when a copy fails. */
typedef void sq_ticket_reader(sqlite3_stmt *stmt, struct store_ticket *out,
                              int *oom);

/* The one ticket that statement id finds by number (or, number NULL, by
 * rowid), read by read into out; AERR_NOTFOUND when there is none. */
static int
sq_ticket_fetch(struct store *st, enum sq_stmt_id id, const char *number,
                int64_t rowid, sq_ticket_reader *read,
                struct store_ticket *out)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc, oom = 0;

  memset(out, 0, sizeof(*out));
  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, id, &stmt);
  if (rc != 0)
    return rc;
  if (number != NULL)
    sq_bind_text(stmt, 1, number);
  else
    sqlite3_bind_int64(stmt, 1, rowid);
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_DONE) {
    sq_done(stmt);
    return AERR_NOTFOUND;
  }
  if (rc != SQLITE_ROW) {
    rc = sq_fail(sq, rc, "cannot read a ticket");
    sq_done(stmt);
    return rc;
  }
  read(stmt, out, &oom);
  sq_done(stmt);
  if (oom) {
    store_ticket_clear(out);
    store_set_errmsg(st, "out of memory reading a ticket");
    return -ENOMEM;
  }
  return 0;
}

static int
sq_ticket_by_number(struct store *st, const char *number,
                    struct store_ticket *out)
{
  return sq_ticket_fetch(st, SQ_TICKET_BY_NUMBER, number, 0, sq_ticket_read,
                         out);
}

static int
sq_ticket_by_id(struct store *st, int64_t id, struct store_ticket *out)
{
  return sq_ticket_fetch(st, SQ_TICKET_BY_ID, NULL, id, sq_ticket_read, out);
}

/* The columns of SQ_TICKET_TEXTS of the current row into out (the rest
 * left zero); *oom is set when a copy fails. */
static void
sq_ticket_texts_read(sqlite3_stmt *stmt, struct store_ticket *out, int *oom)
{
  out->id = sqlite3_column_int64(stmt, 0);
  out->number = sq_col_dup_null(stmt, 1, oom);
  out->status = sq_col_dup_null(stmt, 2, oom);
  out->reporter_id = sqlite3_column_int64(stmt, 3);
  out->terlapor = sq_col_dup_null(stmt, 4, oom);
  out->lokasi_kode = sq_col_dup_null(stmt, 5, oom);
  out->waktu = sq_col_dup_null(stmt, 6, oom);
  out->waktu_tanggal = sq_col_dup_null(stmt, 7, oom);
  out->kronologi = sq_col_dup_null(stmt, 8, oom);
}

/* See store_ticket_texts(): 9 of the ticket's 25 columns, for each of
 * the duplicate check's candidates at KIRIM. */
static int
sq_ticket_texts(struct store *st, int64_t id, struct store_ticket *out)
{
  return sq_ticket_fetch(st, SQ_TICKET_TEXTS, NULL, id, sq_ticket_texts_read,
                         out);
}

static int
sq_ticket_count_since(struct store *st, int64_t reporter_id, int64_t since,
                      int *count)
{
  struct sq_store *sq = sq_of(st);
  int64_t n = 0;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_count(sq, SQ_TICKET_COUNT_SINCE, reporter_id, since, 2, &n,
                "cannot count tickets");
  *count = (int)n;
  return rc;
}

static int
sq_inbound_count_since(struct store *st, int64_t reporter_id, int64_t since,
                       int *count)
{
  struct sq_store *sq = sq_of(st);
  int64_t n = 0;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_count(sq, SQ_INBOUND_COUNT_SINCE, reporter_id, since, 2, &n,
                "cannot count messages");
  *count = (int)n;
  return rc;
}

/* Run a cached statement bound to (id, text or id) that yields no rows. */
static int
sq_update(struct sq_store *sq, enum sq_stmt_id id, int64_t a, const char *b,
          int64_t b_id, const char *what)
{
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, id, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, a);
  if (b != NULL)
    sqlite3_bind_text(stmt, 2, b, -1, SQLITE_STATIC);
  else if (b_id != 0)
    sqlite3_bind_int64(stmt, 2, b_id);
  rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE)
    rc = sq_fail(sq, rc, what);
  else
    rc = 0;
  sq_done(stmt);
  return rc;
}

static int
sq_reporter_set_name(struct store *st, int64_t reporter_id, const char *name)
{
  return sq_update(sq_of(st), SQ_REPORTER_SET_NAME, reporter_id, name, 0,
                   "cannot name a reporter");
}

/* ---- Evidence ---- */

static int
sq_evidence_add(struct store *st, const struct store_evidence *e, int64_t *id)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_EVIDENCE_INSERT, &stmt);
  if (rc != 0)
    return rc;
  sq_bind_id(stmt, 1, e->session_id);
  sqlite3_bind_int64(stmt, 2, e->inbound_id);
  sq_bind_text(stmt, 3, e->mime);
  sq_bind_text(stmt, 4, e->source_url);
  sqlite3_bind_int64(stmt, 5, e->received_at);
  rc = sqlite3_step(stmt);
  if (rc != SQLITE_DONE) {
    rc = sq_fail(sq, rc, "cannot add evidence");
    sq_done(stmt);
    return rc;
  }
  sq_done(stmt);
  if (id != NULL)
    *id = sqlite3_last_insert_rowid(sq->db);
  return 0;
}

static int
sq_evidence_count(struct store *st, int64_t session_id, int *count)
{
  struct sq_store *sq = sq_of(st);
  int64_t n = 0;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_count(sq, SQ_EVIDENCE_COUNT, session_id, 0, 1, &n,
                "cannot count evidence");
  *count = (int)n;
  return rc;
}

static int
sq_evidence_attach(struct store *st, int64_t session_id, int64_t ticket_id)
{
  return sq_update(sq_of(st), SQ_EVIDENCE_ATTACH, session_id, NULL,
                   ticket_id, "cannot attach evidence");
}

/* Note that evidence rows went, for store_evidence_dropped_since. */
static void
sq_note_dropped(struct sq_store *sq)
{
  if (sqlite3_changes(sq->db) > 0)
    sq->dropped = 1;
}

static int
sq_evidence_drop(struct store *st, int64_t session_id)
{
  struct sq_store *sq = sq_of(st);
  int rc = sq_update(sq, SQ_EVIDENCE_DROP, session_id, NULL, 0,
                     "cannot drop evidence");

  if (rc == 0)
    sq_note_dropped(sq);
  return rc;
}

/* ---- The sender's side of the outbox ---- */

/* Fill one element of a result array from the current row; set *oom
 * when a copy fails. */
typedef void (*sq_row_fn)(sqlite3_stmt *stmt, void *elem, int *oom);

/*
 * Step stmt (bound, cached) to the end, growing an array of elements of
 * size bytes filled by fill.  On success *v and *n hold the rows (the
 * caller frees them, and the strings fill copied); on failure the rows
 * read so far are handed to drop and the mapped error returned.
 */
static int
sq_collect(struct sq_store *sq, sqlite3_stmt *stmt, size_t size, void **v,
           int *n, sq_row_fn fill, void (*drop)(void *v, int n),
           const char *what)
{
  char *arr = NULL;
  int cap = 0, count = 0, rc, oom = 0;

  for (;;) {
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) {
      rc = 0;
      break;
    }
    if (rc != SQLITE_ROW) {
      rc = sq_fail(sq, rc, what);
      break;
    }
    if (count == cap) {
      int ncap = cap ? cap * 2 : 8;
      char *nv = realloc(arr, (size_t)ncap * size);
      if (nv == NULL) {
        rc = -ENOMEM;
        break;
      }
      arr = nv;
      cap = ncap;
    }
    memset(arr + (size_t)count * size, 0, size);
    fill(stmt, arr + (size_t)count * size, &oom);
    count++;
  }
  sq_done(stmt);
  if (rc == 0 && oom)
    rc = -ENOMEM;
  if (rc != 0) {
    drop(arr, count);
    return rc;
  }
  *v = arr;
  *n = count;
  return 0;
}

static void
fill_outbox_row(sqlite3_stmt *stmt, void *elem, int *oom)
{
  struct store_outbox_row *r = elem;

  r->id = sqlite3_column_int64(stmt, 0);
  r->channel = sq_col_dup_null(stmt, 1, oom);
  r->phone = sq_col_dup_null(stmt, 2, oom);
  r->kind = sq_col_dup_null(stmt, 3, oom);
  r->body = sq_col_dup_null(stmt, 4, oom);
  r->attempts = sqlite3_column_int(stmt, 5);
  r->created_at = sqlite3_column_int64(stmt, 6);
  r->last_inbound_at = sqlite3_column_int64(stmt, 7);
  r->bsuid = sq_col_dup_null(stmt, 8, oom);
}

static void
drop_outbox_rows(void *v, int n)
{
  store_outbox_rows_free(v, n);
}

static int
sq_outbox_take(struct store *st, const char *channel, int64_t now, int limit,
               struct store_outbox_row **rows, int *n)
{
  struct sq_store *sq = sq_of(st);
  struct store_outbox_row *v = NULL;
  sqlite3_stmt *stmt;
  void *arr = NULL;
  int count = 0, rc, i;

  *rows = NULL;
  *n = 0;
  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_OUTBOX_DUE, &stmt);
  if (rc != 0)
    return rc;
  sq_bind_text(stmt, 1, channel);
  sqlite3_bind_int64(stmt, 2, now);
  sqlite3_bind_int(stmt, 3, limit);
  rc = sq_collect(sq, stmt, sizeof(*v), &arr, &count, fill_outbox_row,
                  drop_outbox_rows, "cannot read due replies");
  if (rc != 0)
    return rc;
  v = arr;
  for (i = 0; rc == 0 && i < count; i++) {
    rc = sq_stmt(sq, SQ_OUTBOX_MARK, &stmt);
    if (rc != 0)
      break;
    sqlite3_bind_int64(stmt, 1, v[i].id);
    sqlite3_bind_int64(stmt, 2, now);
    rc = sqlite3_step(stmt);
    rc = rc == SQLITE_DONE ? 0 : sq_fail(sq, rc, "cannot mark a reply");
    sq_done(stmt);
  }
  if (rc != 0) {
    store_outbox_rows_free(v, count);
    return rc;
  }
  *rows = v;
  *n = count;
  return 0;
}

/* The next due time of a channel's queued rows: the first row in
 * outbox_queue's order that may go (SQ_OUTBOX_FIRST).  0 and *when;
 * AERR_NOTFOUND when none may go. */
static int
sq_channel_next(struct sq_store *sq, const char *channel, int64_t *when)
{
  sqlite3_stmt *stmt;
  int rc;

  rc = sq_stmt(sq, SQ_OUTBOX_NEXT, &stmt);
  if (rc != 0)
    return rc;
  sq_bind_text(stmt, 1, channel);
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    *when = sqlite3_column_int64(stmt, 0);
    rc = 0;
  } else if (rc == SQLITE_DONE) {
    rc = AERR_NOTFOUND;
  } else {
    rc = sq_fail(sq, rc, "cannot read the next due reply");
  }
  sq_done(stmt);
  return rc;
}

/* The earliest of the channels' next due times.  A channel's is one step
 * into outbox_queue, which is ordered by channel first, so the channels
 * with queued rows are walked one by one (a few) instead of every queued
 * row. */
static int
sq_outbox_next(struct store *st, int64_t *when)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  char *channel = NULL, *after;
  int64_t t = 0;
  int rc, found = 0;

  if (sq->lost)
    return sq->lost;
  do {
    rc = sq_stmt(sq, SQ_OUTBOX_CHANNEL_AFTER, &stmt);
    if (rc != 0)
      break;
    after = NULL;
    sq_bind_text(stmt, 1, channel != NULL ? channel : "");
    rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW) {
      rc = sq_fail(sq, rc, "cannot read the next due reply");
    } else if (sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
      after = strdup((const char *)sqlite3_column_text(stmt, 0));
      rc = after != NULL ? 0 : -ENOMEM;
    } else {
      rc = 0;
    }
    sq_done(stmt);
    free(channel);
    channel = after;
    if (rc == 0 && channel != NULL) {
      rc = sq_channel_next(sq, channel, &t);
      if (rc == 0 && (!found || t < *when))
        *when = t;
      found |= rc == 0;
      if (rc == AERR_NOTFOUND)
        rc = 0;
    }
  } while (rc == 0 && channel != NULL);
  free(channel);
  if (rc == 0 && !found)
    rc = AERR_NOTFOUND;
  return rc;
}

static int
sq_outbox_resume(struct store *st, int *n)
{
  struct sq_store *sq = sq_of(st);
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_exec(sq, SQ_OUTBOX_RESUME, "cannot resume replies");
  *n = rc == 0 ? sqlite3_changes(sq->db) : 0;
  return rc;
}

static int
sq_outbox_set(struct store *st, int64_t id,
              const struct store_outbox_outcome *o)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_OUTBOX_SET, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, id);
  sq_bind_text(stmt, 2, o->status);
  sq_bind_text(stmt, 3, o->kind);
  sqlite3_bind_int(stmt, 4, o->attempts);
  sq_bind_id(stmt, 5, o->next_attempt_at);
  sq_bind_text(stmt, 6, o->provider_id);
  sq_bind_text(stmt, 7, o->last_error);
  sqlite3_bind_int64(stmt, 8, o->now);
  sqlite3_bind_int(stmt, 9, !o->no_report);
  rc = sqlite3_step(stmt);
  rc = rc == SQLITE_DONE ? 0 : sq_fail(sq, rc, "cannot record a send");
  sq_done(stmt);
  return rc;
}

static int
sq_outbox_delivery(struct store *st, const char *channel,
                   const char *provider_id, const char *delivery,
                   const char *error, int64_t now, int64_t *id, char **kind)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int64_t v = 0;
  int rc, oom = 0, higher;

  *kind = NULL;
  if (sq->lost)
    return sq->lost;
  if (store_outbox_ref(provider_id, &v)) {
    if (v == 0)
      return AERR_NOTFOUND;
    rc = sq_stmt(sq, SQ_OUTBOX_BY_ID, &stmt);
    if (rc != 0)
      return rc;
    sq_bind_text(stmt, 1, channel);
    sqlite3_bind_int64(stmt, 2, v);
  } else {
    rc = sq_stmt(sq, SQ_OUTBOX_BY_PROVIDER, &stmt);
    if (rc != 0)
      return rc;
    sq_bind_text(stmt, 1, channel);
    sq_bind_text(stmt, 2, provider_id);
  }
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_DONE) {
    sq_done(stmt);
    return AERR_NOTFOUND;
  }
  if (rc != SQLITE_ROW) {
    rc = sq_fail(sq, rc, "cannot find a sent reply");
    sq_done(stmt);
    return rc;
  }
  *id = sqlite3_column_int64(stmt, 0);
  *kind = sq_col_dup_null(stmt, 1, &oom);
  higher = store_delivery_rank(delivery) >
           store_delivery_rank((const char *)sqlite3_column_text(stmt, 2));
  sq_done(stmt);
  if (oom)
    return -ENOMEM;
  if (!higher)
    return 0;
  rc = sq_stmt(sq, SQ_OUTBOX_DELIVERY, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, *id);
  sq_bind_text(stmt, 2, delivery);
  sqlite3_bind_int64(stmt, 3, now);
  sq_bind_text(stmt, 4, error);
  rc = sqlite3_step(stmt);
  rc = rc == SQLITE_DONE ? 0 : sq_fail(sq, rc, "cannot record a delivery");
  sq_done(stmt);
  return rc;
}

/* Run the count(*) statement id with ?1 bound to text; the count into
 * *n.  what names the rows in an error. */
static int
sq_count_text(struct sq_store *sq, enum sq_stmt_id id, const char *text,
              const char *what, int *n)
{
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, id, &stmt);
  if (rc != 0)
    return rc;
  sq_bind_text(stmt, 1, text);
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    *n = sqlite3_column_int(stmt, 0);
    rc = 0;
  } else {
    rc = sq_fail(sq, rc, what);
  }
  sq_done(stmt);
  return rc;
}

/* The rows of status.  No index is keyed by status for every row
 * (migration 0023): the rows still to go are counted in outbox_waiting,
 * those that failed or died in outbox_ended, and every row is in one of
 * the five statuses (0001), so the sent rows are the rest of the table's
 * count, which walks its smallest index as a count of status = 'sent'
 * walked outbox_due's entries of the sent rows. */
static int
sq_outbox_count(struct store *st, const char *status, int *n)
{
  enum sq_stmt_id id = SQ_OUTBOX_COUNT;

  if (strcmp(status, "sent") == 0)
    id = SQ_OUTBOX_COUNT_SENT;
  else if (strcmp(status, "failed") == 0 || strcmp(status, "dead") == 0)
    id = SQ_OUTBOX_COUNT_ENDED;
  return sq_count_text(sq_of(st), id, status, "cannot count replies", n);
}

static int
sq_ticket_count_status(struct store *st, const char *status, int *n)
{
  return sq_count_text(sq_of(st), SQ_TICKET_COUNT_STATUS, status,
                       "cannot count tickets", n);
}

static int
sq_session_count_active(struct store *st, int64_t now, int *n)
{
  struct sq_store *sq = sq_of(st);
  int64_t count = 0;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_count(sq, SQ_SESSION_COUNT_ACTIVE, now, 0, 1, &count,
                "cannot count conversations");
  if (rc == 0)
    *n = (int)count;
  return rc;
}

/* ---- Evidence downloads ---- */

static void
fill_evidence_row(sqlite3_stmt *stmt, void *elem, int *oom)
{
  struct store_evidence_row *r = elem;

  r->id = sqlite3_column_int64(stmt, 0);
  r->channel = sq_col_dup_null(stmt, 1, oom);
  r->source = sq_col_dup_null(stmt, 2, oom);
  r->mime = sq_col_dup_null(stmt, 3, oom);
  r->attempts = sqlite3_column_int(stmt, 4);
  r->received_at = sqlite3_column_int64(stmt, 5);
}

static void
drop_evidence_rows(void *v, int n)
{
  store_evidence_rows_free(v, n);
}

/*
 * Run statement id with ?1 = a and (when limit >= 0) ?2 = limit, and
 * collect its rows (see sq_collect) into *v; *v NULL and *n 0 on failure.
 */
static int
sq_rows_limit(struct sq_store *sq, enum sq_stmt_id id, int64_t a, int limit,
              size_t size, void **v, int *n, sq_row_fn fill,
              void (*drop)(void *v, int n), const char *what)
{
  sqlite3_stmt *stmt;
  int rc;

  *v = NULL;
  *n = 0;
  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, id, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, a);
  if (limit >= 0)
    sqlite3_bind_int(stmt, 2, limit);
  return sq_collect(sq, stmt, size, v, n, fill, drop, what);
}

static int
sq_evidence_due(struct store *st, int64_t now, int limit,
                struct store_evidence_row **rows, int *n)
{
  void *arr = NULL;
  int rc = sq_rows_limit(sq_of(st), SQ_EVIDENCE_DUE, now, limit,
                         sizeof(**rows), &arr, n, fill_evidence_row,
                         drop_evidence_rows, "cannot read pending evidence");

  *rows = arr;
  return rc;
}

static int
sq_evidence_set(struct store *st, int64_t id,
                const struct store_evidence_outcome *o)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_EVIDENCE_SET, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, id);
  sq_bind_text(stmt, 2, o->status);
  sq_bind_text(stmt, 3, o->sha256);
  sq_bind_text(stmt, 4, o->path);
  sq_bind_text(stmt, 5, o->mime);
  sqlite3_bind_int64(stmt, 6, o->size);
  sqlite3_bind_int(stmt, 7, o->attempts);
  sq_bind_id(stmt, 8, o->next_attempt_at);
  sq_bind_text(stmt, 9, o->last_error);
  sqlite3_bind_int64(stmt, 10, o->now);
  sqlite3_bind_int(stmt, 11, o->claim);
  rc = sqlite3_step(stmt);
  rc = rc == SQLITE_DONE ? 0 : sq_fail(sq, rc, "cannot record evidence");
  sq_done(stmt);
  if (rc == 0 && sqlite3_changes(sq->db) == 0) {
    store_set_errmsg(st, "evidence %lld is no longer waiting for this "
                     "download", (long long)id);
    return AERR_NOTFOUND;
  }
  return rc;
}

static void
fill_evidence_dropped(sqlite3_stmt *stmt, void *elem, int *oom)
{
  struct store_evidence_dropped *d = elem;

  d->seq = sqlite3_column_int64(stmt, 0);
  d->id = sqlite3_column_int64(stmt, 1);
  d->sha256 = sq_col_dup_null(stmt, 2, oom);
}

static void
drop_evidence_dropped(void *v, int n)
{
  store_evidence_dropped_free(v, n);
}

static int
sq_evidence_take_dropped(struct store *st, int limit,
                         struct store_evidence_dropped **v, int *n)
{
  struct sq_store *sq = sq_of(st);
  void *arr = NULL;
  int rc = sq_rows_limit(sq, SQ_EVIDENCE_DROPPED, 0, limit, sizeof(**v),
                         &arr, n, fill_evidence_dropped,
                         drop_evidence_dropped,
                         "cannot read dropped evidence");

  *v = arr;
  if (rc == 0 && *n > 0)
    rc = sq_update(sq, SQ_EVIDENCE_DROPPED_CLEAR, (*v)[*n - 1].seq, NULL, 0,
                   "cannot clear dropped evidence");
  if (rc != 0) {
    store_evidence_dropped_free(*v, *n);
    *v = NULL;
    *n = 0;
  }
  return rc;
}

static int
sq_evidence_referenced(struct store *st, const char *sha256, int *count)
{
  *count = 0;
  return sq_count_text(sq_of(st), SQ_EVIDENCE_REFERENCED, sha256,
                       "references to a file", count);
}

static int
sq_evidence_dropped_since(struct store *st)
{
  struct sq_store *sq = sq_of(st);
  int d = sq->dropped;

  sq->dropped = 0;
  return d;
}

/* ---- Casework ---- */

static int
sq_ticket_list(struct store *st, const struct store_ticket_filter *f,
               struct store_ticket_list *out)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int cap = 0, rc, oom = 0;

  memset(out, 0, sizeof(*out));
  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_TICKET_LIST, &stmt);
  if (rc != 0)
    return rc;
  sq_bind_text(stmt, 1, f->status);
  sq_bind_text(stmt, 2, f->category);
  sq_bind_text(stmt, 3, f->lokasi_kode);
  sqlite3_bind_int64(stmt, 4, f->since);
  sqlite3_bind_int64(stmt, 5, f->until > 0 ? f->until : INT64_MAX);
  sqlite3_bind_int(stmt, 6, f->open_only);
  sqlite3_bind_int(stmt, 7, f->limit > 0 ? f->limit : -1);
  sqlite3_bind_int(stmt, 8, f->timed_only);
  sqlite3_bind_int64(stmt, 9, f->reporter_id);
  for (;;) {
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) {
      rc = 0;
      break;
    }
    if (rc != SQLITE_ROW) {
      rc = sq_fail(sq, rc, "cannot list tickets");
      break;
    }
    if (out->n == cap) {
      int ncap = cap ? cap * 2 : 32;
      struct store_ticket *nv = realloc(out->v, (size_t)ncap * sizeof(*nv));
      char **nh;
      if (nv == NULL) {
        rc = -ENOMEM;
        break;
      }
      out->v = nv;
      nh = realloc(out->handles, (size_t)ncap * sizeof(*nh));
      if (nh == NULL) {
        rc = -ENOMEM;
        break;
      }
      out->handles = nh;
      cap = ncap;
    }
    memset(&out->v[out->n], 0, sizeof(out->v[0]));
    sq_ticket_read(stmt, &out->v[out->n], &oom);
    out->handles[out->n] = sq_col_dup_null(stmt, 25, &oom);
    out->v[out->n].status_since = sqlite3_column_int64(stmt, 26);
    out->v[out->n].additions = sqlite3_column_int(stmt, 27);
    out->v[out->n].supports = sqlite3_column_int(stmt, 28);
    out->n++;
  }
  sq_done(stmt);
  if (rc == 0 && oom)
    rc = -ENOMEM;
  if (rc != 0)
    store_ticket_list_free(out);
  return rc;
}

/* Each open ticket to fn, one row at a time: the keys come from one
 * statement, each ticket's fields from another while the first is still
 * open (so both read one snapshot). */
static int
sq_open_tickets(struct store *st, store_open_ticket_fn fn, void *arg)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *ids, *row;
  int rc, step = SQLITE_DONE;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_OPEN_TICKET_IDS, &ids);
  if (rc == 0)
    rc = sq_stmt(sq, SQ_OPEN_TICKET_TEXT, &row);
  if (rc != 0)
    return rc;
  while (rc == 0 && (step = sqlite3_step(ids)) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(ids, 0);
    int got;
    sqlite3_bind_int64(row, 1, id);
    got = sqlite3_step(row);
    if (got == SQLITE_ROW)
      rc = fn(arg, id, sqlite3_column_int64(row, 0),
              (const char *)sqlite3_column_text(row, 1),
              (const char *)sqlite3_column_text(row, 2),
              (const char *)sqlite3_column_text(row, 3));
    else if (got != SQLITE_DONE)
      rc = sq_fail(sq, got, "cannot read an open ticket");
    sq_done(row);
  }
  if (rc == 0 && step != SQLITE_DONE)
    rc = sq_fail(sq, step, "cannot list the open tickets");
  sq_done(ids);
  return rc;
}

/*
 * A read-only connection of its own on the database file (the path the
 * checkpoints use), in a read transaction begun now: WAL keeps its
 * snapshot for it while the loop's connection commits.  A small page
 * cache: the walk reads each page once, and the cache goes with the
 * connection.
 */
static int
sq_open_tickets_snapshot(struct store *st, struct store **out)
{
  struct sq_store *sq = sq_of(st), *r;
  int rc;

  if (sq->path == NULL)
    return -ENOTSUP;
  r = calloc(1, sizeof(*r));
  if (r == NULL)
    return -ENOMEM;
  r->base.ops = &store_sqlite_ops;
  r->wal_fd = -1;
  pthread_mutex_init(&r->sync_lock, NULL);
  pthread_mutex_init(&r->ckpt_run, NULL);
  pthread_cond_init(&r->ckpt_cond, NULL);
  rc = sqlite3_open_v2(sq->path, &r->db,
                       SQLITE_OPEN_READONLY | SQ_OPEN_ONE_THREAD, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_busy_timeout(r->db, 5000);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(r->db,
                      "PRAGMA cache_size=-256; BEGIN;"
                      " SELECT count(*) FROM sqlite_schema",
                      NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    store_set_errmsg(st, "cannot open a reader of the open tickets: %s",
                     r->db != NULL ? sqlite3_errmsg(r->db)
                                   : sqlite3_errstr(rc));
    sq_close(&r->base);
    return sq_map(rc) != 0 ? sq_map(rc) : AERR_STORE;
  }
  *out = &r->base;
  return 0;
}

static int
sq_reporter_handle(struct store *st, int64_t reporter_id, char **handle)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc, oom = 0;

  *handle = NULL;
  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_REPORTER_HANDLE, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, reporter_id);
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    *handle = sq_col_dup_null(stmt, 0, &oom);
    rc = oom ? -ENOMEM : 0;
  } else if (rc == SQLITE_DONE) {
    rc = AERR_NOTFOUND;
  } else {
    rc = sq_fail(sq, rc, "cannot read a reporter");
  }
  sq_done(stmt);
  return rc;
}

static void
fill_event(sqlite3_stmt *stmt, void *elem, int *oom)
{
  struct store_event *e = elem;

  e->at = sqlite3_column_int64(stmt, 0);
  e->actor = sq_col_dup_null(stmt, 1, oom);
  e->from_status = sq_col_dup_null(stmt, 2, oom);
  e->to_status = sq_col_dup_null(stmt, 3, oom);
  e->note = sq_col_dup_null(stmt, 4, oom);
}

static void
drop_events(void *v, int n)
{
  store_events_free(v, n);
}

static int
sq_ticket_events(struct store *st, int64_t ticket_id,
                 struct store_event **v, int *n)
{
  void *arr = NULL;
  int rc = sq_rows_limit(sq_of(st), SQ_TICKET_EVENTS, ticket_id, -1,
                         sizeof(**v), &arr, n, fill_event, drop_events,
                         "cannot read ticket events");

  *v = arr;
  return rc;
}

static void
fill_evidence_item(sqlite3_stmt *stmt, void *elem, int *oom)
{
  struct store_evidence_item *e = elem;

  e->id = sqlite3_column_int64(stmt, 0);
  e->mime = sq_col_dup_null(stmt, 1, oom);
  e->sha256 = sq_col_dup_null(stmt, 2, oom);
  e->status = sq_col_dup_null(stmt, 3, oom);
  e->size = sqlite3_column_int64(stmt, 4);
  e->received_at = sqlite3_column_int64(stmt, 5);
}

static void
drop_evidence_items(void *v, int n)
{
  store_evidence_items_free(v, n);
}

static int
sq_ticket_evidence(struct store *st, int64_t ticket_id,
                   struct store_evidence_item **v, int *n)
{
  void *arr = NULL;
  int rc = sq_rows_limit(sq_of(st), SQ_TICKET_EVIDENCE, ticket_id, -1,
                         sizeof(**v), &arr, n, fill_evidence_item,
                         drop_evidence_items, "cannot read evidence");

  *v = arr;
  return rc;
}

static int
sq_ticket_set_status(struct store *st, int64_t ticket_id, const char *from,
                     const char *to, const char *actor, const char *note,
                     const char *agency, int64_t now)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc, changed;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_TICKET_SET_STATUS, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, ticket_id);
  sq_bind_text(stmt, 2, from);
  sq_bind_text(stmt, 3, to);
  sq_bind_text(stmt, 4, agency);
  sqlite3_bind_int64(stmt, 5, now);
  rc = sqlite3_step(stmt);
  changed = sqlite3_changes(sq->db);
  rc = rc == SQLITE_DONE ? 0 : sq_fail(sq, rc, "cannot change a ticket");
  sq_done(stmt);
  if (rc != 0)
    return rc;
  if (changed == 0) {
    store_set_errmsg(st, "the ticket is not at status %s", from);
    return AERR_STATE;
  }
  return sq_event_add(sq, ticket_id, now, actor, from, to, note);
}

static int
sq_ticket_note(struct store *st, int64_t ticket_id, const char *actor,
               const char *note, int64_t now)
{
  struct sq_store *sq = sq_of(st);

  if (sq->lost)
    return sq->lost;
  return sq_event_add(sq, ticket_id, now, actor, NULL, NULL, note);
}

/* ---- Retention and identity ---- */

static int
sq_purge_reporter(struct sq_store *sq, int64_t id, int64_t now)
{
  int rc = sq_update(sq, SQ_PURGE_REPORTER, id, NULL, now,
                     "cannot purge a reporter");

  if (rc == 0)
    rc = sq_update(sq, SQ_PURGE_INBOUND, id, NULL, 0,
                   "cannot purge a reporter's messages");
  if (rc == 0)
    rc = sq_update(sq, SQ_PURGE_OUTBOX, id, NULL, 0,
                   "cannot purge the texts sent to a reporter");
  if (rc == 0)
    rc = sq_update(sq, SQ_PURGE_EVIDENCE, id, NULL, 0,
                   "cannot purge a reporter's loose evidence");
  if (rc == 0)
    sq_note_dropped(sq);
  if (rc == 0)
    rc = sq_update(sq, SQ_PURGE_SESSIONS, id, NULL, 0,
                   "cannot purge a reporter's conversations");
  return rc;
}

static int
sq_purge_step(struct store *st, struct store_purge *p)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int64_t *ids = NULL;
  int rc, n = 0, seen = 0, i;

  if (sq->lost)
    return sq->lost;
  if (p->limit <= 0)
    return AERR_STORE;
  if (p->payload_before > 0) {
    rc = sq_stmt(sq, SQ_PURGE_PAYLOADS, &stmt);
    if (rc != 0)
      return rc;
    sqlite3_bind_int64(stmt, 1, p->payload_before);
    sqlite3_bind_int(stmt, 2, p->limit);
    rc = sqlite3_step(stmt);
    rc = rc == SQLITE_DONE ? 0 : sq_fail(sq, rc, "cannot purge payloads");
    sq_done(stmt);
    if (rc != 0)
      return rc;
    p->payloads = sqlite3_changes(sq->db);
    if (p->payloads == p->limit)
      p->more = 1;
  }
  if (p->personal_before <= 0)
    return 0;
  ids = malloc((size_t)p->limit * sizeof(*ids));
  if (ids == NULL)
    return -ENOMEM;
  rc = sq_stmt(sq, SQ_PURGE_CANDIDATES, &stmt);
  if (rc != 0) {
    free(ids);
    return rc;
  }
  sqlite3_bind_int64(stmt, 1, p->after_reporter);
  sqlite3_bind_int64(stmt, 2, p->personal_before);
  sqlite3_bind_int(stmt, 3, p->limit);
  sqlite3_bind_int64(stmt, 4, p->now);
  sqlite3_bind_int64(stmt, 5, p->draft_keep);
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    seen++;
    p->after_reporter = sqlite3_column_int64(stmt, 0);
    if (sqlite3_column_int(stmt, 1) && n < p->limit)
      ids[n++] = p->after_reporter;
  }
  rc = rc == SQLITE_DONE ? 0 : sq_fail(sq, rc, "cannot look for reporters "
                                       "to purge");
  sq_done(stmt);
  for (i = 0; rc == 0 && i < n; i++)
    rc = sq_purge_reporter(sq, ids[i], p->now);
  free(ids);
  if (rc != 0)
    return rc;
  p->reporters = n;
  if (seen == p->limit)
    p->more = 1;
  return 0;
}

static int
sq_ticket_identity(struct store *st, int64_t ticket_id,
                   struct store_identity *out)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc, oom = 0;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_TICKET_IDENTITY, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, ticket_id);
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    out->reporter_id = sqlite3_column_int64(stmt, 0);
    out->handle = sq_col_dup_null(stmt, 1, &oom);
    out->phone = sq_col_dup_null(stmt, 2, &oom);
    out->name = sq_col_dup_null(stmt, 3, &oom);
    out->purged_at = sqlite3_column_int64(stmt, 4);
    out->bsuid = sq_col_dup_null(stmt, 5, &oom);
    rc = oom ? -ENOMEM : 0;
  } else if (rc == SQLITE_DONE) {
    rc = AERR_NOTFOUND;
  } else {
    rc = sq_fail(sq, rc, "cannot read a reporter");
  }
  sq_done(stmt);
  if (rc != 0)
    store_identity_clear(out);
  return rc;
}

static int
sq_reveal_add(struct store *st, int64_t ticket_id, int64_t reporter_id,
              const char *actor, const char *reason, int64_t now)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_REVEAL_INSERT, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, ticket_id);
  sqlite3_bind_int64(stmt, 2, reporter_id);
  sqlite3_bind_int64(stmt, 3, now);
  sq_bind_text(stmt, 4, actor);
  sq_bind_text(stmt, 5, reason);
  rc = sqlite3_step(stmt);
  rc = rc == SQLITE_DONE ? 0 : sq_fail(sq, rc, "cannot record a reveal");
  sq_done(stmt);
  return rc;
}

static int
sq_ticket_reveals(struct store *st, int64_t ticket_id,
                  struct store_event **v, int *n)
{
  void *arr = NULL;
  int rc = sq_rows_limit(sq_of(st), SQ_TICKET_REVEALS, ticket_id, -1,
                         sizeof(**v), &arr, n, fill_event, drop_events,
                         "cannot read a ticket's reveals");

  *v = arr;
  return rc;
}

/* ---- Follow-up questions ---- */

static int
sq_question_add(struct store *st, int64_t ticket_id, int64_t reporter_id,
                const char *actor, const char *question, int64_t now,
                int64_t *id)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_QUESTION_INSERT, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, ticket_id);
  sqlite3_bind_int64(stmt, 2, reporter_id);
  sqlite3_bind_int64(stmt, 3, now);
  sq_bind_text(stmt, 4, actor);
  sq_bind_text(stmt, 5, question);
  rc = sqlite3_step(stmt);
  rc = rc == SQLITE_DONE ? 0 : sq_fail(sq, rc, "cannot record a question");
  sq_done(stmt);
  if (rc == 0)
    *id = sqlite3_last_insert_rowid(sq->db);
  return rc;
}

static int
sq_question_waiting(struct store *st, int64_t reporter_id, int64_t *id,
                    int64_t *ticket_id, char *number)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_QUESTION_WAITING, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, reporter_id);
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    const unsigned char *num = sqlite3_column_text(stmt, 2);
    *id = sqlite3_column_int64(stmt, 0);
    *ticket_id = sqlite3_column_int64(stmt, 1);
    snprintf(number, 32, "%s", num != NULL ? (const char *)num : "");
    rc = 0;
  } else if (rc == SQLITE_DONE) {
    rc = AERR_NOTFOUND;
  } else {
    rc = sq_fail(sq, rc, "cannot look for a waiting question");
  }
  sq_done(stmt);
  return rc;
}

static int
sq_question_answer(struct store *st, int64_t id, int64_t inbound_id,
                   const char *answer, int64_t now)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_QUESTION_ANSWER, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, id);
  sqlite3_bind_int64(stmt, 2, now);
  sq_bind_id(stmt, 3, inbound_id);
  sq_bind_text(stmt, 4, answer);
  rc = sqlite3_step(stmt);
  rc = rc == SQLITE_DONE ? 0 : sq_fail(sq, rc, "cannot record an answer");
  sq_done(stmt);
  if (rc == 0 && sqlite3_changes(sq->db) == 0)
    rc = AERR_STATE;
  return rc;
}

static void
fill_question(sqlite3_stmt *stmt, void *elem, int *oom)
{
  struct store_question *q = elem;

  q->asked_at = sqlite3_column_int64(stmt, 0);
  q->actor = sq_col_dup_null(stmt, 1, oom);
  q->question = sq_col_dup_null(stmt, 2, oom);
  q->answered_at = sqlite3_column_int64(stmt, 3);
  q->answer = sq_col_dup_null(stmt, 4, oom);
}

static void
drop_questions(void *v, int n)
{
  store_questions_free(v, n);
}

static int
sq_ticket_questions(struct store *st, int64_t ticket_id,
                    struct store_question **v, int *n)
{
  void *arr = NULL;
  int rc = sq_rows_limit(sq_of(st), SQ_TICKET_QUESTIONS, ticket_id, -1,
                         sizeof(**v), &arr, n, fill_question, drop_questions,
                         "cannot read a ticket's questions");

  *v = arr;
  return rc;
}

/* ---- Service-level timers ---- */

static void
fill_sla_row(sqlite3_stmt *stmt, void *elem, int *oom)
{
  struct store_sla_row *r = elem;

  r->id = sqlite3_column_int64(stmt, 0);
  r->number = sq_col_dup_null(stmt, 1, oom);
  r->status = sq_col_dup_null(stmt, 2, oom);
  r->since = sqlite3_column_int64(stmt, 3);
}

static void
drop_sla_rows(void *v, int n)
{
  store_sla_rows_free(v, n);
}

static int
sq_sla_pending(struct store *st, int64_t after_id, int limit,
               struct store_sla_row **rows, int *n)
{
  void *arr = NULL;
  int rc = sq_rows_limit(sq_of(st), SQ_SLA_PENDING, after_id, limit,
                         sizeof(**rows), &arr, n, fill_sla_row, drop_sla_rows,
                         "cannot read tickets for the timers");

  *rows = arr;
  return rc;
}

static int
sq_sla_mark(struct store *st, int64_t ticket_id, const char *status,
            int64_t since, int64_t due, int64_t now)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  int rc;

  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_SLA_MARK, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int64(stmt, 1, ticket_id);
  sq_bind_text(stmt, 2, status);
  sqlite3_bind_int64(stmt, 3, since);
  sqlite3_bind_int64(stmt, 4, due);
  sqlite3_bind_int64(stmt, 5, now);
  rc = sqlite3_step(stmt);
  rc = rc == SQLITE_DONE ? 0 : sq_fail(sq, rc, "cannot record an overdue "
                                       "ticket");
  sq_done(stmt);
  return rc;
}

/* ---- Unconfirmed replies ---- */

static void
fill_unconfirmed(sqlite3_stmt *stmt, void *elem, int *oom)
{
  struct store_unconfirmed *r = elem;

  r->id = sqlite3_column_int64(stmt, 0);
  r->channel = sq_col_dup_null(stmt, 1, oom);
  r->phone = sq_col_dup_null(stmt, 2, oom);
  r->handle = sq_col_dup_null(stmt, 3, oom);
  r->ticket = sq_col_dup_null(stmt, 4, oom);
  r->kind = sq_col_dup_null(stmt, 5, oom);
  r->sent_at = sqlite3_column_int64(stmt, 6);
  r->flagged_at = sqlite3_column_int64(stmt, 7);
}

static void
drop_unconfirmed(void *v, int n)
{
  store_unconfirmed_free(v, n);
}

static int
sq_outbox_flag_unconfirmed(struct store *st, const char *channel,
                           int64_t sent_before, int64_t now, int limit,
                           struct store_unconfirmed **rows, int *n)
{
  struct sq_store *sq = sq_of(st);
  struct store_unconfirmed *v;
  sqlite3_stmt *stmt;
  void *arr = NULL;
  int count = 0, rc, i;

  *rows = NULL;
  *n = 0;
  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_UNCONFIRMED_DUE, &stmt);
  if (rc != 0)
    return rc;
  sq_bind_text(stmt, 1, channel);
  sqlite3_bind_int64(stmt, 2, sent_before);
  sqlite3_bind_int(stmt, 3, limit);
  rc = sq_collect(sq, stmt, sizeof(*v), &arr, &count, fill_unconfirmed,
                  drop_unconfirmed, "cannot read unconfirmed replies");
  if (rc != 0)
    return rc;
  v = arr;
  for (i = 0; rc == 0 && i < count; i++) {
    rc = sq_stmt(sq, SQ_UNCONFIRMED_MARK, &stmt);
    if (rc != 0)
      break;
    sqlite3_bind_int64(stmt, 1, v[i].id);
    sqlite3_bind_int64(stmt, 2, now);
    rc = sqlite3_step(stmt);
    rc = rc == SQLITE_DONE ? 0 : sq_fail(sq, rc, "cannot flag a reply");
    sq_done(stmt);
    v[i].flagged_at = now;
  }
  if (rc != 0) {
    store_unconfirmed_free(v, count);
    return rc;
  }
  *rows = v;
  *n = count;
  return 0;
}

static int
sq_outbox_unconfirmed(struct store *st, int limit,
                      struct store_unconfirmed **rows, int *n)
{
  struct sq_store *sq = sq_of(st);
  sqlite3_stmt *stmt;
  void *arr = NULL;
  int rc;

  *rows = NULL;
  *n = 0;
  if (sq->lost)
    return sq->lost;
  rc = sq_stmt(sq, SQ_UNCONFIRMED_LIST, &stmt);
  if (rc != 0)
    return rc;
  sqlite3_bind_int(stmt, 1, limit > 0 ? limit : -1);
  rc = sq_collect(sq, stmt, sizeof(**rows), &arr, n, fill_unconfirmed,
                  drop_unconfirmed, "cannot read unconfirmed replies");
  *rows = arr;
  return rc;
}

static int
sq_outbox_count_unconfirmed(struct store *st, int *n)
{
  return sq_count_text(sq_of(st), SQ_UNCONFIRMED_COUNT, "sent",
                       "cannot count unconfirmed replies", n);
}

const struct store_ops store_sqlite_ops = {
  .name = "sqlite",
  .open = sq_open,
  .close = sq_close,
  .batch_begin = sq_batch_begin,
  .batch_commit = sq_batch_commit,
  .batch_rollback = sq_batch_rollback,
  .batch_open = sq_batch_open,
  .sync = sq_sync,
  .writes = sq_writes,
  .sp_begin = sq_sp_begin,
  .sp_release = sq_sp_release,
  .sp_rollback = sq_sp_rollback,
  .ping = sq_ping,
  .schema_version = sq_schema_version,
  .reporter_ensure = sq_reporter_ensure,
  .reporter_renumber = sq_reporter_renumber,
  .outbox_bsuid = sq_outbox_bsuid,
  .inbound_add = sq_inbound_add,
  .inbound_find = sq_inbound_find,
  .outbox_add = sq_outbox_add,
  .outbox_replies = sq_outbox_replies,
  .session_get = sq_session_get,
  .session_put = sq_session_put,
  .ticket_create = sq_ticket_create,
  .ticket_by_number = sq_ticket_by_number,
  .ticket_by_id = sq_ticket_by_id,
  .ticket_texts = sq_ticket_texts,
  .ticket_count_since = sq_ticket_count_since,
  .inbound_count_since = sq_inbound_count_since,
  .reporter_set_name = sq_reporter_set_name,
  .evidence_add = sq_evidence_add,
  .evidence_count = sq_evidence_count,
  .evidence_attach = sq_evidence_attach,
  .evidence_drop = sq_evidence_drop,
  .outbox_take = sq_outbox_take,
  .outbox_next = sq_outbox_next,
  .outbox_resume = sq_outbox_resume,
  .outbox_set = sq_outbox_set,
  .outbox_delivery = sq_outbox_delivery,
  .outbox_count = sq_outbox_count,
  .outbox_flag_unconfirmed = sq_outbox_flag_unconfirmed,
  .outbox_unconfirmed = sq_outbox_unconfirmed,
  .outbox_count_unconfirmed = sq_outbox_count_unconfirmed,
  .evidence_due = sq_evidence_due,
  .evidence_set = sq_evidence_set,
  .evidence_take_dropped = sq_evidence_take_dropped,
  .evidence_referenced = sq_evidence_referenced,
  .evidence_dropped_since = sq_evidence_dropped_since,
  .ticket_list = sq_ticket_list,
  .open_tickets = sq_open_tickets,
  .open_tickets_snapshot = sq_open_tickets_snapshot,
  .reporter_handle = sq_reporter_handle,
  .ticket_events = sq_ticket_events,
  .ticket_note = sq_ticket_note,
  .ticket_evidence = sq_ticket_evidence,
  .ticket_set_status = sq_ticket_set_status,
  .ticket_count_status = sq_ticket_count_status,
  .session_count_active = sq_session_count_active,
  .purge_step = sq_purge_step,
  .ticket_identity = sq_ticket_identity,
  .reveal_add = sq_reveal_add,
  .ticket_reveals = sq_ticket_reveals,
  .question_add = sq_question_add,
  .question_waiting = sq_question_waiting,
  .question_answer = sq_question_answer,
  .ticket_questions = sq_ticket_questions,
  .sla_pending = sq_sla_pending,
  .sla_mark = sq_sla_mark,
};
