/*
 * store.h: everything aduand keeps, behind one interface.
 *
 * The daemon talks to a struct store; which database sits behind it is a
 * backend chosen by name ("sqlite", the default and for now the only one;
 * a PostgreSQL backend can serve several daemons later).  store.c
 * dispatches each call through the backend's const struct store_ops.
 *
 * Transactions follow the group-commit design of the daemon: the first
 * write of a loop iteration opens a batch (store_batch_begin), each
 * request's work runs inside a savepoint (store_sp_begin / store_sp_release
 * / store_sp_rollback), and one commit (store_batch_commit) makes the whole
 * batch durable before any of its requests is answered.
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
  const char *backend;       /* "sqlite" (NULL means "sqlite") */
  const char *path;          /* SQLite file, created 0600 if missing */
  uint64_t busy_timeout_ms;  /* how long a locked database is waited on */
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
 * this binary) with a sentence in err.
 */
int store_open(struct store **out, const struct store_opts *o,
               char *err, size_t errlen);
void store_close(struct store *st);

/* The last error's message, for a log line; never NULL. */
const char *store_errmsg(const struct store *st);

/* Batches and savepoints; see the top of this file. */
int store_batch_begin(struct store *st);       /* no-op when open */
int store_batch_commit(struct store *st);      /* rolls back on failure */
void store_batch_rollback(struct store *st);
int store_batch_open(const struct store *st);  /* 1 while a batch is open */
int store_sp_begin(struct store *st);
int store_sp_release(struct store *st);
void store_sp_rollback(struct store *st);

/* A cheap read that proves the database answers (for /healthz). */
int store_ping(struct store *st);

/* The schema version the database records (the last migration applied),
 * for the start-up log line.  Returns 0 with *version set, or a code as
 * above. */
int store_schema_version(struct store *st, int *version);

/* The reporter with this E.164 number, created (with a fresh random
 * handle) if new.  *id is set either way. */
int store_reporter_ensure(struct store *st, const char *phone, int64_t now,
                          int64_t *id);

/* Record an inbound message.  AERR_DUP when (channel, provider_id) is
 * already stored: then *id is the earlier row's id. */
int store_inbound_add(struct store *st, const struct store_inbound *in,
                      int64_t *id);

int store_outbox_add(struct store *st, const struct store_outbox *o,
                     int64_t *id);

/* The bodies of the outbox rows that answered inbound_id, oldest first. */
int store_outbox_replies(struct store *st, int64_t inbound_id,
                         struct store_strings *out);

void store_strings_free(struct store_strings *s);

#endif
