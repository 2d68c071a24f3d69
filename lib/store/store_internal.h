/*
 * store_internal.h: what store.c and the store backends share, and
 * nothing the rest of libaduan may use.
 *
 * A backend is one const struct store_ops: a name and a function for
 * every operation of store.h.  Its open function allocates its own
 * handle, whose first member is a struct store, and hands back a pointer
 * to that member; every other function receives that pointer and may
 * convert it back to the backend's handle.  store.c keeps the table of
 * backends and does nothing but choose one and forward calls to it.
 */
#ifndef ADUAN_STORE_INTERNAL_H
#define ADUAN_STORE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "base/crypto.h"
#include "store/store.h"

struct sqlite3;

/* The longest message store_errmsg() keeps (longer ones are cut). */
#define STORE_ERRMSG_LEN 512

struct store_ops {
  const char *name;
  int (*open)(struct store **out, const struct store_opts *o, char *err,
              size_t errlen);
  void (*close)(struct store *st);
  int (*batch_begin)(struct store *st);
  int (*batch_commit)(struct store *st);
  void (*batch_rollback)(struct store *st);
  int (*batch_open)(const struct store *st);
  int (*sync)(struct store *st);                /* NULL: commits are durable */
  uint64_t (*writes)(const struct store *st);
  int (*sp_begin)(struct store *st);
  int (*sp_release)(struct store *st);
  void (*sp_rollback)(struct store *st);
  int (*ping)(struct store *st);
  int (*schema_version)(struct store *st, int *version);
  int (*reporter_ensure)(struct store *st, const char *phone,
                         const char *bsuid, int64_t now, int64_t *id,
                         enum store_id_how *how);
  int (*reporter_renumber)(struct store *st, const char *old_phone,
                           const char *old_bsuid, const char *new_phone,
                           const char *new_bsuid, int64_t *id);
  int (*outbox_bsuid)(struct store *st, int64_t outbox_id,
                      const char *bsuid);
  int (*inbound_add)(struct store *st, const struct store_inbound *in,
                     int64_t *id);
  int (*inbound_find)(struct store *st, const char *channel,
                      const char *provider_id, int64_t *id);
  int (*outbox_add)(struct store *st, const struct store_outbox *o,
                    int64_t *id);
  int (*outbox_replies)(struct store *st, int64_t inbound_id,
                        struct store_strings *out);
  int (*session_get)(struct store *st, int64_t reporter_id,
                     const char *family, struct store_session *out);
  int (*session_put)(struct store *st, struct store_session *s);
  int (*ticket_create)(struct store *st, const struct store_ticket_new *t,
                       const char *prefix, const char *actor, int64_t *id,
                       char number[32]);
  int (*ticket_by_id)(struct store *st, int64_t id, struct store_ticket *out);
  /* store_ticket_texts(); NULL: ticket_by_id serves. */
  int (*ticket_texts)(struct store *st, int64_t id, struct store_ticket *out);
  int (*ticket_by_number)(struct store *st, const char *number,
                          struct store_ticket *out);
  int (*inbound_count_since)(struct store *st, int64_t reporter_id,
                             int64_t since, int *count);
  int (*ticket_count_since)(struct store *st, int64_t reporter_id,
                            int64_t since, int *count);
  int (*reporter_set_name)(struct store *st, int64_t reporter_id,
                           const char *name);
  int (*evidence_add)(struct store *st, const struct store_evidence *e,
                      int64_t *id);
  int (*evidence_count)(struct store *st, int64_t session_id, int *count);
  int (*evidence_attach)(struct store *st, int64_t session_id,
                         int64_t ticket_id);
  int (*evidence_drop)(struct store *st, int64_t session_id);
  int (*outbox_take)(struct store *st, const char *channel, int64_t now,
                     int limit, struct store_outbox_row **rows, int *n);
  int (*outbox_next)(struct store *st, int64_t *when);
  int (*outbox_resume)(struct store *st, int *n);
  int (*outbox_set)(struct store *st, int64_t id,
                    const struct store_outbox_outcome *o);
  int (*outbox_delivery)(struct store *st, const char *channel,
                         const char *provider_id, const char *delivery,
                         const char *error, int64_t now, int64_t *id,
                         char **kind);
  int (*outbox_count)(struct store *st, const char *status, int *n);
  int (*outbox_flag_unconfirmed)(struct store *st, const char *channel,
                                 int64_t sent_before, int64_t now, int limit,
                                 struct store_unconfirmed **rows, int *n);
  int (*outbox_unconfirmed)(struct store *st, int limit,
                            struct store_unconfirmed **rows, int *n);
  int (*outbox_count_unconfirmed)(struct store *st, int *n);
  int (*evidence_due)(struct store *st, int64_t now, int limit,
                      struct store_evidence_row **rows, int *n);
  int (*evidence_set)(struct store *st, int64_t id,
                      const struct store_evidence_outcome *o);
  int (*evidence_take_dropped)(struct store *st, int limit,
                               struct store_evidence_dropped **v, int *n);
  int (*evidence_referenced)(struct store *st, const char *sha256,
                             int *count);
  int (*evidence_dropped_since)(struct store *st);
  int (*ticket_list)(struct store *st, const struct store_ticket_filter *f,
                     struct store_ticket_list *out);
  int (*reporter_handle)(struct store *st, int64_t reporter_id,
                         char **handle);
  int (*ticket_events)(struct store *st, int64_t ticket_id,
                       struct store_event **v, int *n);
  int (*ticket_evidence)(struct store *st, int64_t ticket_id,
                         struct store_evidence_item **v, int *n);
  int (*ticket_set_status)(struct store *st, int64_t ticket_id,
                           const char *from, const char *to,
                           const char *actor, const char *note,
                           const char *agency, int64_t now);
  int (*ticket_note)(struct store *st, int64_t ticket_id, const char *actor,
                     const char *note, int64_t now);
  int (*ticket_count_status)(struct store *st, const char *status, int *n);
  int (*session_count_active)(struct store *st, int64_t now, int *n);
  int (*purge_step)(struct store *st, struct store_purge *p);
  int (*ticket_identity)(struct store *st, int64_t ticket_id,
                         struct store_identity *out);
  int (*reveal_add)(struct store *st, int64_t ticket_id, int64_t reporter_id,
                    const char *actor, const char *reason, int64_t now);
  int (*ticket_reveals)(struct store *st, int64_t ticket_id,
                        struct store_event **v, int *n);
  int (*question_add)(struct store *st, int64_t ticket_id,
                      int64_t reporter_id, const char *actor,
                      const char *question, int64_t now, int64_t *id);
  int (*question_waiting)(struct store *st, int64_t reporter_id, int64_t *id,
                          int64_t *ticket_id, char *number);
  int (*question_answer)(struct store *st, int64_t id, int64_t inbound_id,
                         const char *answer, int64_t now);
  int (*ticket_questions)(struct store *st, int64_t ticket_id,
                          struct store_question **v, int *n);
  int (*sla_pending)(struct store *st, int64_t after_id, int limit,
                     struct store_sla_row **rows, int *n);
  int (*sla_mark)(struct store *st, int64_t ticket_id, const char *status,
                  int64_t since, int64_t due, int64_t now);
  /* May be NULL: store_open_tickets() then walks ticket_list's. */
  int (*open_tickets)(struct store *st, store_open_ticket_fn fn, void *arg);
  /* May be NULL: store_open_tickets_snapshot() is then -ENOTSUP. */
  int (*open_tickets_snapshot)(struct store *st, struct store **out);
};

/* The part of every backend's handle that store.c may look at. */
struct store {
  const struct store_ops *ops;
  char errmsg[STORE_ERRMSG_LEN];  /* the last error, "" before any */
  struct crypto_rand rand;        /* reporter handles' random bytes */
};

/* Replace the message store_errmsg() returns. */
void store_set_errmsg(struct store *st, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));

extern const struct store_ops store_sqlite_ops;
extern const struct store_ops store_pg_ops;

/* The order of delivery reports ("sent" 1, "delivered" 2, "read" 3,
 * "failed" 4; anything else, NULL or "" 0): a row's delivery never moves
 * to a lower rank (store_outbox_delivery). */
int store_delivery_rank(const char *delivery);

/* 1 when a delivery report names its outbox row by id ("outbox:<id>",
 * see store_outbox_delivery), with *id that id, or 0 when it is not a
 * positive number; 0 when provider_id is the provider's own id. */
int store_outbox_ref(const char *provider_id, int64_t *id);

/* Room for a reporter handle ("R-" and ten characters) and its NUL. */
#define STORE_HANDLE_LEN 13

/* A fresh random reporter handle, from st's random bytes.  Returns 0,
 * or -1 when the system has no random bytes to give. */
int store_handle_new(struct store *st, char out[STORE_HANDLE_LEN]);

/*
 * The SQLite connection behind a store opened with the "sqlite" backend,
 * or NULL for any other backend.  For tests and diagnostics only: the
 * store's statement cache and batch state assume nobody else runs
 * statements on it.
 */
struct sqlite3 *store_sqlite_handle(struct store *st);

/*
 * The SQL of the SQLite backend's statement i (0 up to the count it
 * returns) in *sql, and in *per_message 1 when a webhook's message or
 * the reply it causes runs it (the hot path, where no statement may scan
 * a table), 2 when the daemon's start-up runs it to read every open
 * ticket (which must not read the closed ones too), else 0; for tests,
 * which check every statement's query plan.
 * Returns the number of statements.
 */
int store_sqlite_statement(int i, const char **sql, int *per_message);

#endif
