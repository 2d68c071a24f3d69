/*
 * store.h: everything aduand keeps, behind one interface.
 *
 * The daemon talks to a struct store; which database sits behind it is a
 * backend chosen by name: "sqlite", the default, for one server;
 * "postgres", for several daemons that share one database.  store.c
 * dispatches each call through the backend's const struct store_ops.
 *
 * Transactions follow the group-commit design of the daemon: the first
 * write of a loop iteration opens a batch (store_batch_begin), each
 * request's work runs inside a savepoint (store_sp_begin / store_sp_release
 * / store_sp_rollback), and one commit (store_batch_commit) makes the whole
 * batch durable before any of its requests is answered.  A savepoint
 * begun while no batch is open is a transaction of its own: its release
 * commits it, its rollback rolls it back.
 *
 * When a failure inside a batch makes the database drop the whole
 * transaction (a full disk, say), the batch is lost: every call fails
 * with that failure's code until store_batch_commit() (which returns it)
 * or store_batch_rollback() closes the batch, so that no request of it is
 * answered as committed and nothing slips in outside it.
 *
 * Errors: 0 on success; -EBUSY when the database is locked, -ENOSPC when
 * it is full, -EROFS when it is read-only (all three mean "try again
 * later": 503 to a provider); AERR_DUP, AERR_NOTFOUND where a call says so;
 * AERR_STORE for anything else.  store_errmsg() gives the last message.
 *
 * Strings returned through out-parameters are allocated and belong to the
 * caller (free()).  Times are milliseconds since the epoch, UTC.
 */
#ifndef ADUAN_STORE_H
#define ADUAN_STORE_H

#include <stddef.h>
#include <stdint.h>

struct store;

struct store_opts {
  const char *backend;       /* "sqlite" or "postgres" (NULL means
                                "sqlite") */
  const char *path;          /* SQLite file, created 0600 if missing */
  const char *conninfo;      /* PostgreSQL: a libpq connection string
                                (a secret: it may hold a password) */
  const char *instance;      /* PostgreSQL: this daemon's name among those
                                sharing the database (claims of outbox
                                rows); NULL or "": the host name */
  uint64_t busy_timeout_ms;  /* how long a locked database is waited on
                                (0: not at all) */
  int readonly;              /* open an existing database read-only: no
                                file or folder is created, nothing is
                                migrated (a database older than this
                                binary is refused) and every write fails
                                with -EROFS */
  int caller_syncs;          /* the caller makes commits durable with
                                store_sync() before relying on them, off
                                the thread that commits (see
                                store_sync()); 0: every commit is durable
                                when it returns */
};

/* One inbound message, as received. */
struct store_inbound {
  const char *channel;       /* config channel name */
  const char *provider_id;   /* the provider's message id */
  int64_t reporter_id;
  const char *kind;          /* "text", "location", "media", "choice",
                                "unsupported" */
  const char *body;          /* text or chosen option; may be NULL */
  const void *payload;       /* raw request body, kept for audit */
  size_t payload_len;
  int64_t received_at;
};

/* One reply or notification. */
struct store_outbox {
  const char *channel;
  int64_t reporter_id;
  int64_t inbound_id;        /* 0 when not a reply */
  int64_t ticket_id;         /* 0 when none */
  const char *kind;          /* "text", "template", "interactive" */
  const char *body;          /* what the reporter reads */
  const char *payload;       /* provider request; may be NULL */
  const char *status;        /* "queued", or "sent" for inline replies */
  int64_t created_at;
};

/* A list of strings, in order; free with store_strings_free(). */
struct store_strings {
  char **v;
  int n;
};

/*
 * Open (creating if needed) and migrate the database.  Returns 0 with *out
 * set; otherwise a code as above (AERR_SCHEMA for a database newer than
 * this binary, AERR_CONFIG for an unknown backend or a missing path, the
 * negated errno when the file or its folder cannot be created) with a
 * sentence in err.
 */
int store_open(struct store **out, const struct store_opts *o,
               char *err, size_t errlen);
void store_close(struct store *st);

/* The last error's message, for a log line; never NULL. */
const char *store_errmsg(const struct store *st);

/* Batches and savepoints; see the top of this file. */
int store_batch_begin(struct store *st);       /* no-op when open */
int store_batch_commit(struct store *st);      /* rolls back on failure;
                                                  AERR_STATE when no batch
                                                  is open */
void store_batch_rollback(struct store *st);
int store_batch_open(const struct store *st);  /* 1 while a batch is open */

/*
 * Make every commit that returned before this call durable.  With
 * caller_syncs, commits only reach the operating system and this call,
 * which may run on another thread than the one using st (one caller at a
 * time), syncs them to the disk and, now and then, moves them into the
 * main database file; without it (or for a backend that syncs each
 * commit) it returns 0 at once.  Returns 0 or an error code.
 */
int store_sync(struct store *st);

/* Rows written through st so far (a counter that only grows): a change
 * tells that a commit may wait for store_sync(). */
uint64_t store_writes(const struct store *st);
int store_sp_begin(struct store *st);
int store_sp_release(struct store *st);
void store_sp_rollback(struct store *st);

/*
 * One request's work as a savepoint of the batch: open the batch when
 * none is open (store_batch_begin), begin a savepoint, run fn(st, arg),
 * then keep its work (store_sp_release) when fn returned 0 and drop it
 * (store_sp_rollback) otherwise.  Returns fn's code, or the code that
 * opening the batch, beginning or releasing the savepoint failed with.
 * The batch stays open for the caller to commit, unless the savepoint
 * opened it: then the release commits it.
 */
typedef int (*store_step_fn)(struct store *st, void *arg);
int store_sp_run(struct store *st, store_step_fn fn, void *arg);

/* A cheap read that proves the database answers (for /healthz). */
int store_ping(struct store *st);

/* The schema version the database is at (for the start-up log line). */
int store_schema_version(struct store *st, int *version);

/* The reporter with this E.164 number, created (with a fresh random
 * handle) if new.  *id is set either way. */
int store_reporter_ensure(struct store *st, const char *phone, int64_t now,
                          int64_t *id);

/* How store_reporter_identify found its reporter. */
enum store_id_how {
  STORE_ID_FOUND = 0,   /* known already by what was given */
  STORE_ID_NEW,         /* created */
  STORE_ID_LINKED,      /* found by one identifier; took the other */
  STORE_ID_CONFLICT     /* the number and the BSUID name two reporters:
                           the number's is used, neither is changed */
};

/*
 * The reporter known by phone (E.164) or bsuid (a WhatsApp business-
 * scoped user id, kept as given), created if neither is known.  Either
 * may be NULL or "", not both.  A reporter found by one of them that
 * lacks the other takes it, so that a later message carrying only one
 * finds the same reporter with their drafts and tickets.  *id is set;
 * *how (may be NULL) says which case it was.  -EINVAL when neither is
 * given.
 */
int store_reporter_identify(struct store *st, const char *phone,
                            const char *bsuid, int64_t now, int64_t *id,
                            enum store_id_how *how);

/*
 * A reporter changed their number (and with it Meta's BSUID): the
 * reporter known by old_phone, else by old_bsuid, takes new_phone and
 * new_bsuid (each when not NULL or "") in place of the old ones, keeping
 * their drafts and tickets.  *id is set.  AERR_NOTFOUND when no reporter
 * has either old identifier, AERR_DUP when another reporter already holds
 * a new one (nothing is changed then).
 */
int store_reporter_renumber(struct store *st, const char *old_phone,
                            const char *old_bsuid, const char *new_phone,
                            const char *new_bsuid, int64_t *id);

/* Record an inbound message.  AERR_DUP when (channel, provider_id) is
 * already stored: then *id is the earlier row's id. */
int store_inbound_add(struct store *st, const struct store_inbound *in,
                      int64_t *id);

/* The id of the inbound message (channel, provider_id): 0 with *id set,
 * or AERR_NOTFOUND.  Lets a repeat be recognised before anything about
 * it (its sender) is written. */
int store_inbound_find(struct store *st, const char *channel,
                       const char *provider_id, int64_t *id);

int store_outbox_add(struct store *st, const struct store_outbox *o,
                     int64_t *id);

/* The bodies of the outbox rows that answered inbound_id, oldest first. */
int store_outbox_replies(struct store *st, int64_t inbound_id,
                         struct store_strings *out);

void store_strings_free(struct store_strings *s);

/* ---- Conversations and tickets ---------------------------------------- */

/* One reporter's conversation in one channel family. */
struct store_session {
  int64_t id;                /* 0 until first stored */
  int64_t reporter_id;
  char *family;
  char *channel;             /* where replies go */
  char *step;
  char *draft;               /* JSON object text */
  int invalid_count;
  int64_t updated_at;
  int64_t expires_at;        /* 0: never */
};

/* The session of (reporter_id, family), or AERR_NOTFOUND. */
int store_session_get(struct store *st, int64_t reporter_id,
                      const char *family, struct store_session *out);

/* Insert or update by (reporter_id, family); sets s->id when new. */
int store_session_put(struct store *st, struct store_session *s);

void store_session_clear(struct store_session *s);

struct store_ticket {
  int64_t id;
  char *number;              /* "NTT-2026-00042" */
  int year;
  int seq;
  int64_t reporter_id;
  char *channel;
  char *status;
  char *category;
  char *terlapor;
  char *lokasi;
  char *lokasi_kode;
  int has_location;
  double lat, lng;
  char *waktu;
  char *kronologi;
  char *identitas;           /* "nama", "rahasia", "anonim" */
  char *agency;
  char *marks;               /* fields kept as given: "lokasi waktu", or
                                NULL */
  char *waktu_tanggal;       /* the waktu read, ISO 8601, or NULL */
  char *waktu_presisi;       /* "day" .. "unknown", "unresolved", or NULL
                                (tickets filed before it was kept) */
  char *lokasi_tingkat;      /* the finest place lokasi matched: its level
                                ("kabupaten", "kecamatan", "desa",
                                "tempat"), */
  char *lokasi_tempat_kode;  /* its code ("53.01.06"), */
  char *lokasi_tempat;       /* its label; all NULL when none matched */
  int64_t created_at;
  int64_t updated_at;
  int64_t status_since;      /* when it entered its status (lists only) */
  int additions;             /* its reporter's additions (lists only) */
  int supports;              /* other reporters' supporting statements
                                (lists only) */
};

/* What a new ticket holds; strings are borrowed for the call. */
struct store_ticket_new {
  int64_t reporter_id;
  const char *channel;
  const char *category;
  const char *terlapor;
  const char *lokasi;
  const char *lokasi_kode;
  int has_location;
  double lat, lng;
  const char *waktu;
  const char *waktu_tanggal;   /* ISO date, month, year or span, or NULL */
  const char *waktu_presisi;   /* see struct store_ticket, or NULL */
  const char *kronologi;
  const char *identitas;
  const char *marks;           /* fields kept as given, or NULL */
  const char *lokasi_tingkat;  /* the finest place matched, or NULL (as */
  const char *lokasi_tempat_kode; /* in struct store_ticket) */
  const char *lokasi_tempat;
  int64_t created_at;
};

/*
 * File a ticket: the next sequence number of the year (in WITA) of
 * created_at, with no gaps (the batch's write lock serialises filers and
 * a rolled-back ticket gives its number back), number PREFIX-YEAR-SEQ,
 * status "diterima", and its first event, by actor.  On success *id and
 * number are set.
 */
int store_ticket_create(struct store *st, const struct store_ticket_new *t,
                        const char *prefix, const char *actor, int64_t *id,
                        char number[32]);

/* The ticket with this id, or AERR_NOTFOUND. */
int store_ticket_by_id(struct store *st, int64_t id, struct store_ticket *out);

/* Of the ticket with this id, what the duplicate check compares: id,
 * number, status, reporter_id, terlapor, lokasi_kode, waktu,
 * waktu_tanggal and kronologi (a backend may fill more; nothing else is
 * to be read), or AERR_NOTFOUND.  Free with store_ticket_clear(). */
int store_ticket_texts(struct store *st, int64_t id,
                       struct store_ticket *out);

/* The ticket numbered number, or AERR_NOTFOUND. */
int store_ticket_by_number(struct store *st, const char *number,
                           struct store_ticket *out);

void store_ticket_clear(struct store_ticket *t);

/* Messages a reporter sent at or after since (ms), on any channel. */
int store_inbound_count_since(struct store *st, int64_t reporter_id,
                              int64_t since, int *count);

/* Tickets a reporter filed at or after since (ms). */
int store_ticket_count_since(struct store *st, int64_t reporter_id,
                             int64_t since, int *count);

/* Set or clear (name NULL) the reporter's name. */
int store_reporter_set_name(struct store *st, int64_t reporter_id,
                            const char *name);

/* One piece of evidence, as it arrived. */
struct store_evidence {
  int64_t session_id;
  int64_t inbound_id;
  const char *mime;
  const char *source_url;    /* or the provider's media id */
  int64_t received_at;
};

int store_evidence_add(struct store *st, const struct store_evidence *e,
                       int64_t *id);

/* Evidence of a session not yet attached to a ticket. */
int store_evidence_count(struct store *st, int64_t session_id, int *count);

/* Attach a session's loose evidence to a ticket. */
int store_evidence_attach(struct store *st, int64_t session_id,
                          int64_t ticket_id);

/* Drop a session's loose evidence (the draft was cancelled); its files
 * go once no row refers to them (store_evidence_take_dropped). */
int store_evidence_drop(struct store *st, int64_t session_id);

/* ---- Sending ----------------------------------------------------------- */

/* A queued reply or notice, as the sender needs it. */
struct store_outbox_row {
  int64_t id;
  char *channel;
  char *phone;               /* the reporter's number; NULL when they are
                                known only by their BSUID */
  char *kind;                /* "text", "template" */
  char *body;
  int attempts;
  int64_t created_at;
  int64_t last_inbound_at;   /* the reporter's last message on any
                                channel of this name, or 0 */
  char *bsuid;               /* the reporter's BSUID, or NULL */
};

/*
 * Up to limit queued rows of channel whose time has come (next_attempt_at
 * <= now), oldest first, each marked "sending" so that it is handed out
 * once.  A row waits while an older row to the same reporter on the same
 * channel is queued or sending, so that one number's replies go out in
 * the order they were written, also across retries.  *rows is allocated (free with store_outbox_rows_free).
 */
int store_outbox_take(struct store *st, const char *channel, int64_t now,
                      int limit, struct store_outbox_row **rows, int *n);
void store_outbox_rows_free(struct store_outbox_row *rows, int n);

/* The earliest next_attempt_at of a queued row that is not waiting
 * behind an older one (see store_outbox_take), or AERR_NOTFOUND. */
int store_outbox_next(struct store *st, int64_t *when);

/* After a crash, rows left "sending" go back to "queued".  *n is how
 * many. */
int store_outbox_resume(struct store *st, int *n);

/* The outcome of one attempt. */
struct store_outbox_outcome {
  const char *status;        /* "sent", "queued", "failed", "dead" */
  const char *kind;          /* NULL: unchanged */
  int attempts;              /* -1: unchanged */
  int64_t next_attempt_at;   /* for "queued" */
  const char *provider_id;   /* for "sent" */
  const char *last_error;
  int64_t now;
  int no_report;             /* for "sent": 1 when no delivery report is
                                awaited (its provider was not asked for
                                one, or [outbox] unconfirmed_after is
                                off), so the unconfirmed check never
                                looks at the row */
};

int store_outbox_set(struct store *st, int64_t id,
                     const struct store_outbox_outcome *o);

/* A send answer or delivery report named the BSUID of the recipient of
 * outbox row id: the row's reporter takes it when they have none.  0,
 * AERR_NOTFOUND when they have one already (or no such row), AERR_DUP
 * when another reporter holds it. */
int store_outbox_bsuid(struct store *st, int64_t outbox_id,
                       const char *bsuid);

/*
 * A provider's delivery report: the row is found by (channel,
 * provider_id), or by id when provider_id is "outbox:<id>".  delivery is
 * "sent", "delivered", "read" or "failed" and never moves a row backwards.
 * On success *id and *kind (allocated) describe the row; AERR_NOTFOUND
 * when no row matches.
 */
int store_outbox_delivery(struct store *st, const char *channel,
                          const char *provider_id, const char *delivery,
                          const char *error, int64_t now, int64_t *id,
                          char **kind);

/* Rows by status, for metrics and tests: *n rows have status. */
int store_outbox_count(struct store *st, const char *status, int *n);

/*
 * Unconfirmed replies: accepted by the provider ("sent") with no delivery
 * report of any kind since.  The daemon flags each once (see
 * service/unconfirmed.h); a report that comes later still lands.
 */
struct store_unconfirmed {
  int64_t id;
  char *channel;
  char *phone;               /* the reporter's number (for a masked log
                                line only) */
  char *handle;              /* the reporter's pseudonym */
  char *ticket;              /* the ticket's number, or NULL */
  char *kind;
  int64_t sent_at;
  int64_t flagged_at;        /* when flagged */
};

/* Flag, inside the open batch, up to limit rows of channel sent at or
 * before sent_before with no delivery report and not flagged yet, oldest
 * first, as unconfirmed at now; *rows are the rows flagged (free with
 * store_unconfirmed_free). */
int store_outbox_flag_unconfirmed(struct store *st, const char *channel,
                                  int64_t sent_before, int64_t now,
                                  int limit, struct store_unconfirmed **rows,
                                  int *n);

/* The flagged rows that still have no delivery report, oldest first, at
 * most limit (0: all). */
int store_outbox_unconfirmed(struct store *st, int limit,
                             struct store_unconfirmed **rows, int *n);

/* How many rows store_outbox_unconfirmed would list, for metrics. */
int store_outbox_count_unconfirmed(struct store *st, int *n);

void store_unconfirmed_free(struct store_unconfirmed *rows, int n);

/* Tickets by status, for metrics: *n tickets have status. */
int store_ticket_count_status(struct store *st, const char *status, int *n);

/* Reports being written, for metrics: *n conversations are past the menu
 * with a draft that has not expired at now. */
int store_session_count_active(struct store *st, int64_t now, int *n);

/* ---- Evidence downloads ------------------------------------------------ */

struct store_evidence_row {
  int64_t id;
  char *channel;             /* the inbound message's channel */
  char *source;              /* media URL, or the provider's media id */
  char *mime;
  int attempts;
  int64_t received_at;
};

/* Up to limit pending downloads whose time has come, oldest first. */
int store_evidence_due(struct store *st, int64_t now, int limit,
                       struct store_evidence_row **rows, int *n);
void store_evidence_rows_free(struct store_evidence_row *rows, int n);

struct store_evidence_outcome {
  const char *status;        /* "stored", "pending", "failed" */
  const char *sha256;        /* hex, for "stored" */
  const char *path;          /* file name under the evidence folder */
  const char *mime;          /* NULL: unchanged */
  int64_t size;
  int attempts;
  int64_t next_attempt_at;   /* for "pending" */
  const char *last_error;
  int64_t now;
  int claim;                 /* the row's attempts when this download
                                started */
};

/* Record the outcome of one download of row id.  Only the attempt that
 * was started for the row may: the row must still be pending with
 * attempts == claim (ids are never reused).  0, AERR_NOTFOUND (the row
 * was dropped or already has its outcome), or an error. */
int store_evidence_set(struct store *st, int64_t id,
                       const struct store_evidence_outcome *o);

/* An evidence row that was deleted (a cancelled, expired or duplicate
 * draft, or the retention purge): every deletion is queued in its own
 * transaction (see migrations/sqlite/0009). */
struct store_evidence_dropped {
  int64_t seq;
  int64_t id;                /* the row that went */
  char *sha256;              /* its file, when no row refers to it any
                                more; NULL otherwise */
};

/* Take up to limit queued deletions, oldest first, and remove them from
 * the queue, inside the open batch: the caller unlinks the files named
 * only after that batch committed. */
int store_evidence_take_dropped(struct store *st, int limit,
                                struct store_evidence_dropped **v, int *n);
void store_evidence_dropped_free(struct store_evidence_dropped *v, int n);

/* Rows referring to the file named sha256. */
int store_evidence_referenced(struct store *st, const char *sha256,
                              int *count);

/* 1 when evidence rows were deleted since the last call (a hint to take
 * the queue after the next commit), else 0. */
int store_evidence_dropped_since(struct store *st);

/* ---- Casework (the admin API) ------------------------------------------ */

/* Filters for a ticket list; NULL or 0 fields do not filter. */
struct store_ticket_filter {
  const char *status;
  const char *category;
  const char *lokasi_kode;
  int64_t since;             /* created at or after (ms) */
  int64_t until;             /* created before (ms) */
  int open_only;             /* not selesai or ditolak */
  int timed_only;            /* diterima, diverifikasi or diproses: the
                                statuses with a service-level timer */
  int limit;                 /* 0: no limit */
  int64_t reporter_id;       /* 0: anyone's */
};

/* A list of tickets (handle: the reporter's pseudonym, never the
 * number); free with store_ticket_list_free. */
struct store_ticket_list {
  struct store_ticket *v;
  char **handles;
  int n;
};

int store_ticket_list(struct store *st, const struct store_ticket_filter *f,
                      struct store_ticket_list *out);
void store_ticket_list_free(struct store_ticket_list *l);

/*
 * Each open ticket (neither selesai nor ditolak) in the order of
 * store_ticket_list() with open_only (oldest first, then by id), given to
 * fn with its reporter and the fields the duplicate check reads:
 * borrowed, valid during the call only, NULL when not set.  For the
 * start-up, which reads every open ticket once: one ticket in memory at
 * a time, and no closed ticket read.  fn must not use st; a non-zero
 * return of fn stops the walk and is returned.  0, or an error code.
 */
typedef int (*store_open_ticket_fn)(void *arg, int64_t id,
                                    int64_t reporter_id,
                                    const char *category,
                                    const char *terlapor,
                                    const char *kronologi);
int store_open_tickets(struct store *st, store_open_ticket_fn fn, void *arg);

/*
 * A second, read-only handle on st's database into *out, for one
 * store_open_tickets() walk on another thread: it reads the database as
 * it is at this call (the snapshot is taken here, on the caller's
 * thread), whatever st commits later.  No other call may use it; close
 * it with store_close(), from the thread that walked.  0, -ENOTSUP when
 * the backend or st cannot (PostgreSQL, an in-memory database, a handle
 * whose commits are not synced by its caller), or an error code.
 */
int store_open_tickets_snapshot(struct store *st, struct store **out);

/* The pseudonymous handle of a reporter (allocated), or AERR_NOTFOUND. */
int store_reporter_handle(struct store *st, int64_t reporter_id,
                          char **handle);

struct store_event {
  int64_t at;
  char *actor;
  char *from_status;
  char *to_status;
  char *note;
};

/* A ticket's events, oldest first; free with store_events_free. */
int store_ticket_events(struct store *st, int64_t ticket_id,
                        struct store_event **v, int *n);
void store_events_free(struct store_event *v, int n);

/* A ticket's evidence: mime, size, sha256, status per item. */
struct store_evidence_item {
  int64_t id;
  char *mime;
  char *sha256;
  char *status;
  int64_t size;
  int64_t received_at;
};

int store_ticket_evidence(struct store *st, int64_t ticket_id,
                          struct store_evidence_item **v, int *n);
void store_evidence_items_free(struct store_evidence_item *v, int n);

/*
 * Move a ticket from status from to status to, with an event by actor
 * (and note); agency, when not NULL, is recorded as the agency the ticket
 * was forwarded to.  AERR_STATE when the ticket is no longer at from (a
 * concurrent change), AERR_NOTFOUND when it does not exist.
 */
int store_ticket_set_status(struct store *st, int64_t ticket_id,
                            const char *from, const char *to,
                            const char *actor, const char *note,
                            const char *agency, int64_t now);

/*
 * Add an event without a change of status to ticket_id: by actor, note
 * its text (a reporter's addition, another reporter's supporting
 * statement).  The ticket's status and service-level clock are untouched.
 */
int store_ticket_note(struct store *st, int64_t ticket_id, const char *actor,
                      const char *note, int64_t now);

/* ---- Service-level timers -------------------------------------------- */

/*
 * When a ticket entered its status ("since", in the lists and below): the
 * time of its latest event into that status (the filing event for
 * diterima), or updated_at for a ticket without one.  A stay in ditunda
 * and back starts the clock again.
 */

/* A ticket in a timed status not yet logged as overdue in this stay. */
struct store_sla_row {
  int64_t id;
  char *number;
  char *status;
  int64_t since;
};

/* Up to limit such tickets with id > after_id, in id order. */
int store_sla_pending(struct store *st, int64_t after_id, int limit,
                      struct store_sla_row **rows, int *n);
void store_sla_rows_free(struct store_sla_row *rows, int n);

/* Remember that the ticket was logged overdue in status since since. */
int store_sla_mark(struct store *st, int64_t ticket_id, const char *status,
                   int64_t since, int64_t due, int64_t now);

/* ---- Retention and identity ------------------------------------------- */

/*
 * One bounded step of the retention purge (call again while more is set;
 * each step belongs in a transaction of its own):
 *
 * - raw payloads of inbound messages received before payload_before are
 *   cleared, at most limit of them (payload_before 0: kept);
 * - the personal data of reporters is removed when they have no open
 *   ticket, no reply still to be sent, no draft kept (until its expiry
 *   plus draft_keep), and neither wrote nor had a ticket
 *   change at or after personal_before (0: kept): the number (replaced by
 *   "purged:HANDLE"), the name, the bodies and payloads of their messages,
 *   the texts sent to them, their conversation's draft and the evidence
 *   of that draft (never filed).  Their tickets, events and the tickets'
 *   evidence stay, under the same handle.  At most limit
 *   reporters are looked at per step, in id order after *after_reporter.
 */
struct store_purge {
  int64_t payload_before;    /* in */
  int64_t personal_before;   /* in */
  int64_t after_reporter;    /* in/out: where the reporter scan is */
  int limit;                 /* in: rows looked at per step */
  int64_t now;               /* in: the time recorded as purged_at */
  int64_t draft_keep;        /* in: a draft idle past its expiry is still
                                kept this long ([conversation] draft_keep) */
  int payloads;              /* out: payloads cleared by this step */
  int reporters;             /* out: reporters purged by this step */
  int more;                  /* out: 1 when there is more to do */
};

int store_purge_step(struct store *st, struct store_purge *p);

/* Who is behind a ticket, for an audited reveal. */
struct store_identity {
  int64_t reporter_id;
  char *handle;
  char *phone;               /* NULL once purged, or when the reporter is
                                known only by a BSUID */
  char *bsuid;               /* WhatsApp BSUID; NULL when none or purged */
  char *name;                /* NULL when none was given, or purged */
  int64_t purged_at;         /* 0: not purged */
};

/* The identity behind ticket_id, or AERR_NOTFOUND. */
int store_ticket_identity(struct store *st, int64_t ticket_id,
                          struct store_identity *out);
void store_identity_clear(struct store_identity *id);

/* Record that actor was shown the identity behind ticket_id, and why. */
int store_reveal_add(struct store *st, int64_t ticket_id, int64_t reporter_id,
                     const char *actor, const char *reason, int64_t now);

/* A ticket's reveals, oldest first, as events (at, actor, note = the
 * reason); free with store_events_free. */
int store_ticket_reveals(struct store *st, int64_t ticket_id,
                         struct store_event **v, int *n);

/* ---- Follow-up questions ----------------------------------------------- */

/* Record an operator's question about ticket_id to its reporter; *id
 * (may be NULL) is set. */
int store_question_add(struct store *st, int64_t ticket_id,
                       int64_t reporter_id, const char *actor,
                       const char *question, int64_t now, int64_t *id);

/* The latest question still waiting for reporter_id's answer, about a
 * ticket that is still open: its id and the ticket's id and number
 * (number: at least 32 bytes).  AERR_NOTFOUND when there is none. */
int store_question_waiting(struct store *st, int64_t reporter_id,
                           int64_t *id, int64_t *ticket_id, char *number);

/* Attach the reporter's answer (the text of message inbound_id). */
int store_question_answer(struct store *st, int64_t id, int64_t inbound_id,
                          const char *answer, int64_t now);

struct store_question {
  int64_t asked_at;
  char *actor;
  char *question;
  int64_t answered_at;       /* 0: still waiting */
  char *answer;
};

/* A ticket's questions, oldest first; free with store_questions_free. */
int store_ticket_questions(struct store *st, int64_t ticket_id,
                           struct store_question **v, int *n);
void store_questions_free(struct store_question *v, int n);

#endif
