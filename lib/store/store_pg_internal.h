/*
 * store_pg_internal.h: what the files of the PostgreSQL backend share.
 *
 * The backend is split by what its calls serve: store_pg.c owns the
 * connection, migrations, batches, savepoints, the statement runner and
 * the error mapping; store_pg_talk.c the conversation's calls (reporters,
 * inbound, sessions, tickets, evidence records); store_pg_send.c the
 * sender's and the downloader's (outbox, evidence downloads);
 * store_pg_case.c the operators' (lists, events, status, questions,
 * reveals, retention, SLA).  Each of those files declares its statements
 * as const struct pg_stmt and runs them with pg_run(); nothing outside
 * these files sees libpq.
 *
 * Statements.  Every statement is prepared on the connection the first
 * time it runs (PQprepare, named after its struct) and run with
 * PQexecPrepared; values are only ever parameters ($1, $2, ...), passed
 * as text (bytea in binary), never written into SQL text.
 *
 * Errors.  pg_run() maps a failure to the store's codes (store.h): a
 * uniqueness conflict to AERR_DUP, a lock or serialization conflict, a
 * cancelled statement (lock_timeout) or a lost connection to -EBUSY (the
 * webhook answers 503 and the provider retries), a full disk to -ENOSPC,
 * a read-only transaction to -EROFS, anything else to AERR_STORE; and
 * keeps the server's message for store_errmsg().  PostgreSQL aborts the
 * whole transaction on any error: inside a savepoint the caller's
 * store_sp_rollback() recovers it; outside one the batch is lost (every
 * later call fails with that code until the batch is closed).  A call
 * that expects a conflict must therefore not raise one: it writes
 * INSERT ... ON CONFLICT DO NOTHING and looks at what came back.
 *
 * Several daemons on one database.  Advisory locks held to the end of
 * the batch: key (PG_LOCK_YEAR, year) while a ticket number is taken
 * (waited for), key (PG_LOCK_REPORTER, reporter id) while a reporter's
 * conversation is read and advanced (not waited for: -EBUSY).  The
 * outbox is claimed with FOR UPDATE SKIP LOCKED and each claim names the
 * daemon that holds it (pg->instance), so that a restart takes back only
 * its own.
 */
#ifndef ADUAN_STORE_PG_INTERNAL_H
#define ADUAN_STORE_PG_INTERNAL_H

#include <libpq-fe.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "store/store_internal.h"

/* Advisory lock classes (the first key of pg_advisory_xact_lock(a, b)). */
enum {
  PG_LOCK_MIGRATE = 1,   /* migrations, one daemon at a time */
  PG_LOCK_YEAR = 2,      /* the ticket numbers of one year */
  PG_LOCK_REPORTER = 3,  /* one reporter's conversation */
};

/* The most parameters a statement takes. */
#define PG_MAXARGS 24

/* The most statements a connection prepares. */
#define PG_MAXSTMT 160

/* One statement: its name on the connection and its SQL. */
struct pg_stmt {
  const char *name;      /* unique among the backend's statements */
  const char *sql;
};

struct pg_store {
  struct store base;              /* first: see store_internal.h */
  PGconn *conn;                   /* NULL while disconnected */
  char *conninfo;
  char instance[64];              /* who claims outbox rows */
  int readonly;
  uint64_t lock_timeout_ms;
  const struct pg_stmt *prepared[PG_MAXSTMT];  /* on this connection */
  int nprepared;
  int batch;                      /* a batch is open */
  int sp_depth;                   /* savepoints open inside it */
  int sp_owns_batch;              /* the batch was opened by a savepoint */
  int lost;                       /* code that lost the batch, or 0 */
  int failed;                     /* code of the error that aborted the
                                     innermost savepoint, or 0 */
  int dropped;                    /* evidence rows were deleted */
  uint64_t writes;                /* rows written so far */
  struct pg_sync *sync;           /* caller_syncs: store_sync()'s own
                                     connection (store_pg.c), or NULL */
  int64_t retry_at;               /* next reconnect attempt (ms, monotonic) */
  uint64_t backoff_ms;            /* the wait before the one after */
  PGconn *dialing;                /* a reconnect under way, or NULL */
  PostgresPollingStatusType dial_wants;  /* what its socket waits for */
  int64_t dial_until;             /* when it is given up (ms, monotonic) */
};

/* Parameters for one statement. */
struct pg_args {
  int n;
  const char *v[PG_MAXARGS];
  int len[PG_MAXARGS];
  int fmt[PG_MAXARGS];            /* 0 text, 1 binary */
  char num[PG_MAXARGS][24];       /* room for numbers written as text */
};

static inline struct pg_store *
pg_of(struct store *st)
{
  return (struct pg_store *)st;
}

static inline const struct pg_store *
pg_of_const(const struct store *st)
{
  return (const struct pg_store *)st;
}

/* Building parameters: each call appends $n+1. */
void pa_init(struct pg_args *a);
void pa_text(struct pg_args *a, const char *s);        /* NULL: SQL NULL */
void pa_int(struct pg_args *a, int64_t v);
void pa_id(struct pg_args *a, int64_t v);              /* 0: SQL NULL */
void pa_real(struct pg_args *a, double v);
void pa_bytes(struct pg_args *a, const void *p, size_t len);  /* bytea */
/* A LIMIT's value: a negative limit, which SQLite reads as none and
 * PostgreSQL refuses, as NULL (no limit). */
void pa_limit(struct pg_args *a, int limit);

/*
 * Run s with a (NULL: no parameters).  On success returns 0 and, when res
 * is not NULL, the result in *res (PQclear it); *res is NULL on failure.
 * what names the action in the message kept for store_errmsg().  A
 * statement that changed rows adds them to pg->writes.
 */
int pg_run(struct pg_store *pg, const struct pg_stmt *s,
           const struct pg_args *a, PGresult **res, const char *what);

/* Run s and return the rows it changed in *n (may be NULL). */
int pg_exec(struct pg_store *pg, const struct pg_stmt *s,
            const struct pg_args *a, int64_t *n, const char *what);

/* Run s, which yields at most one row of one number: 0 with *v set,
 * AERR_NOTFOUND without a row (or a NULL), or the error. */
int pg_int(struct pg_store *pg, const struct pg_stmt *s,
           const struct pg_args *a, int64_t *v, const char *what);

/* Run s, a count(*), into *n (0 on failure). */
int pg_count(struct pg_store *pg, const struct pg_stmt *s,
             const struct pg_args *a, int *n, const char *what);

/* Fill one element of a result array from row i of r; set *oom when a
 * copy fails. */
typedef void (*pg_fill_fn)(const PGresult *r, int i, void *elem, int *oom);

/*
 * Run s with a and hand back its rows as an array of elements of size
 * bytes, each filled by fill: *v (NULL when there is none) and *n.  On
 * failure *v is NULL and *n 0; what was filled before a copy failed is
 * handed to drop.
 */
int pg_rows(struct pg_store *pg, const struct pg_stmt *s,
            const struct pg_args *a, size_t size, pg_fill_fn fill,
            void (*drop)(void *v, int n), void **v, int *n,
            const char *what);

/* Reading a result: a number (0 for NULL), a double, a copy of a text
 * (NULL for NULL; *oom set when out of memory), whether it is NULL. */
int64_t pg_get_int(const PGresult *r, int row, int col);
double pg_get_real(const PGresult *r, int row, int col);
char *pg_get_dup(const PGresult *r, int row, int col, int *oom);
int pg_get_null(const PGresult *r, int row, int col);

/* Record a failure that is not the server's (out of memory, a bad
 * argument): keeps the message, returns code. */
int pg_fail(struct pg_store *pg, int code, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

/* Take the advisory lock (cls, key) until the batch ends: waiting for it
 * (wait) or not (-EBUSY when another daemon holds it). */
int pg_lock(struct pg_store *pg, int cls, int64_t key, int wait);

/* ---- The calls, by file ---- */

/* store_pg_talk.c */
int pg_reporter_ensure(struct store *st, const char *phone,
                       const char *bsuid, int64_t now, int64_t *id,
                       enum store_id_how *how);
int pg_reporter_renumber(struct store *st, const char *old_phone,
                         const char *old_bsuid, const char *new_phone,
                         const char *new_bsuid, int64_t *id);
int pg_inbound_add(struct store *st, const struct store_inbound *in,
                   int64_t *id);
int pg_inbound_find(struct store *st, const char *channel,
                    const char *provider_id, int64_t *id);
int pg_outbox_add(struct store *st, const struct store_outbox *o,
                  int64_t *id);
int pg_outbox_replies(struct store *st, int64_t inbound_id,
                      struct store_strings *out);
int pg_session_get(struct store *st, int64_t reporter_id, const char *family,
                   struct store_session *out);
int pg_session_put(struct store *st, struct store_session *s);
int pg_ticket_create(struct store *st, const struct store_ticket_new *t,
                     const char *prefix, const char *actor, int64_t *id,
                     char number[32]);
int pg_ticket_by_id(struct store *st, int64_t id, struct store_ticket *out);
int pg_ticket_by_number(struct store *st, const char *number,
                        struct store_ticket *out);
int pg_inbound_count_since(struct store *st, int64_t reporter_id,
                           int64_t since, int *count);
int pg_ticket_count_since(struct store *st, int64_t reporter_id,
                          int64_t since, int *count);
int pg_reporter_set_name(struct store *st, int64_t reporter_id,
                         const char *name);
int pg_reporter_handle(struct store *st, int64_t reporter_id, char **handle);
int pg_evidence_add(struct store *st, const struct store_evidence *e,
                    int64_t *id);
int pg_evidence_count(struct store *st, int64_t session_id, int *count);
int pg_evidence_attach(struct store *st, int64_t session_id,
                       int64_t ticket_id);
int pg_evidence_drop(struct store *st, int64_t session_id);
/* Read the ticket columns of talk_ticket_by_id (id, number, ...,
 * lokasi_tempat: the first 25, in store_sqlite.c's SQ_TICKET_BY_ID
 * order) of row into out; *oom is set when a copy fails.  For the lists
 * of store_pg_case.c too. */
void pg_ticket_read(const PGresult *r, int row, struct store_ticket *out,
                    int *oom);

/* store_pg_send.c */
int pg_outbox_bsuid(struct store *st, int64_t outbox_id, const char *bsuid);
int pg_outbox_take(struct store *st, const char *channel, int64_t now,
                   int limit, struct store_outbox_row **rows, int *n);
int pg_outbox_next(struct store *st, int64_t *when);
int pg_outbox_resume(struct store *st, int *n);
int pg_outbox_set(struct store *st, int64_t id,
                  const struct store_outbox_outcome *o);
int pg_outbox_delivery(struct store *st, const char *channel,
                       const char *provider_id, const char *delivery,
                       const char *error, int64_t now, int64_t *id,
                       char **kind);
int pg_outbox_count(struct store *st, const char *status, int *n);
int pg_outbox_flag_unconfirmed(struct store *st, const char *channel,
                               int64_t sent_before, int64_t now, int limit,
                               struct store_unconfirmed **rows, int *n);
int pg_outbox_unconfirmed(struct store *st, int limit,
                          struct store_unconfirmed **rows, int *n);
int pg_outbox_count_unconfirmed(struct store *st, int *n);
int pg_evidence_due(struct store *st, int64_t now, int limit,
                    struct store_evidence_row **rows, int *n);
int pg_evidence_set(struct store *st, int64_t id,
                    const struct store_evidence_outcome *o);
int pg_evidence_take_dropped(struct store *st, int limit,
                             struct store_evidence_dropped **v, int *n);
int pg_evidence_referenced(struct store *st, const char *sha256, int *count);
int pg_evidence_dropped_since(struct store *st);

/* store_pg_case.c */
int pg_ticket_list(struct store *st, const struct store_ticket_filter *f,
                   struct store_ticket_list *out);
int pg_ticket_events(struct store *st, int64_t ticket_id,
                     struct store_event **v, int *n);
int pg_ticket_evidence(struct store *st, int64_t ticket_id,
                       struct store_evidence_item **v, int *n);
int pg_ticket_set_status(struct store *st, int64_t ticket_id,
                         const char *from, const char *to, const char *actor,
                         const char *note, const char *agency, int64_t now);
int pg_ticket_note(struct store *st, int64_t ticket_id, const char *actor,
                   const char *note, int64_t now);
int pg_ticket_count_status(struct store *st, const char *status, int *n);
int pg_session_count_active(struct store *st, int64_t now, int *n);
int pg_purge_step(struct store *st, struct store_purge *p);
int pg_ticket_identity(struct store *st, int64_t ticket_id,
                       struct store_identity *out);
int pg_reveal_add(struct store *st, int64_t ticket_id, int64_t reporter_id,
                  const char *actor, const char *reason, int64_t now);
int pg_ticket_reveals(struct store *st, int64_t ticket_id,
                      struct store_event **v, int *n);
int pg_question_add(struct store *st, int64_t ticket_id, int64_t reporter_id,
                    const char *actor, const char *question, int64_t now,
                    int64_t *id);
int pg_question_waiting(struct store *st, int64_t reporter_id, int64_t *id,
                        int64_t *ticket_id, char *number);
int pg_question_answer(struct store *st, int64_t id, int64_t inbound_id,
                       const char *answer, int64_t now);
int pg_ticket_questions(struct store *st, int64_t ticket_id,
                        struct store_question **v, int *n);
int pg_sla_pending(struct store *st, int64_t after_id, int limit,
                   struct store_sla_row **rows, int *n);
int pg_sla_mark(struct store *st, int64_t ticket_id, const char *status,
                int64_t since, int64_t due, int64_t now);

#endif
