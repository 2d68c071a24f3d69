/*
 * store.c: the backend-neutral face of the store (see store.h).
 *
 * This file owns the table of backends, the choice of one by name in
 * store_open(), the forwarding of every other call to the chosen
 * backend's struct store_ops, and the helpers that do not depend on any
 * backend (the last error's message, freeing a string list).
 */
#include "store/store.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "store/store_internal.h"

/* Every backend this binary carries; the first is the default. */
static const struct store_ops *const store_backends[] = {
  &store_sqlite_ops,
  &store_pg_ops,
};

#define STORE_NBACKENDS (sizeof(store_backends) / sizeof(store_backends[0]))

void
store_set_errmsg(struct store *st, const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(st->errmsg, sizeof(st->errmsg), fmt, ap);
  va_end(ap);
}

/*
 * Choose the backend named in o (the default when none is named) and let
 * it open the database.  An unknown name is a configuration error whose
 * message lists the names this binary knows.
 */
int
store_open(struct store **out, const struct store_opts *o, char *err,
           size_t errlen)
{
  const char *name;
  size_t i;

  *out = NULL;
  if (errlen > 0)
    err[0] = '\0';
  if (o == NULL) {
    if (errlen > 0)
      snprintf(err, errlen, "no store options were given");
    return AERR_CONFIG;
  }
  name = o->backend != NULL ? o->backend : store_backends[0]->name;
  if (strcmp(name, "sqlite") == 0 && (o->path == NULL || o->path[0] == '\0')) {
    if (errlen > 0)
      snprintf(err, errlen, "no database path was given");
    return AERR_CONFIG;
  }
  for (i = 0; i < STORE_NBACKENDS; i++)
    if (strcmp(store_backends[i]->name, name) == 0)
      return store_backends[i]->open(out, o, err, errlen);
  if (errlen > 0) {
    size_t n = (size_t)snprintf(err, errlen,
                                "unknown store backend \"%s\"; known:", name);
    for (i = 0; i < STORE_NBACKENDS && n < errlen; i++)
      n += (size_t)snprintf(err + n, errlen - n, " %s",
                            store_backends[i]->name);
  }
  return AERR_CONFIG;
}

void
store_close(struct store *st)
{
  if (st != NULL)
    st->ops->close(st);
}

const char *
store_errmsg(const struct store *st)
{
  if (st == NULL)
    return "no store is open";
  return st->errmsg;
}

int
store_batch_begin(struct store *st)
{
  return st->ops->batch_begin(st);
}

int
store_batch_commit(struct store *st)
{
  return st->ops->batch_commit(st);
}

void
store_batch_rollback(struct store *st)
{
  st->ops->batch_rollback(st);
}

int
store_batch_open(const struct store *st)
{
  return st->ops->batch_open(st);
}

int
store_sync(struct store *st)
{
  return st->ops->sync != NULL ? st->ops->sync(st) : 0;
}

uint64_t
store_writes(const struct store *st)
{
  return st->ops->writes != NULL ? st->ops->writes(st) : 0;
}

int
store_sp_begin(struct store *st)
{
  return st->ops->sp_begin(st);
}

int
store_sp_release(struct store *st)
{
  return st->ops->sp_release(st);
}

void
store_sp_rollback(struct store *st)
{
  st->ops->sp_rollback(st);
}

int
store_sp_run(struct store *st, store_step_fn fn, void *arg)
{
  int rc = store_batch_begin(st);

  if (rc == 0)
    rc = store_sp_begin(st);
  if (rc != 0)
    return rc;
  rc = fn(st, arg);
  if (rc == 0)
    return store_sp_release(st);
  store_sp_rollback(st);
  return rc;
}

int
store_ping(struct store *st)
{
  return st->ops->ping(st);
}

int
store_schema_version(struct store *st, int *version)
{
  return st->ops->schema_version(st, version);
}

int
store_reporter_ensure(struct store *st, const char *phone, int64_t now,
                      int64_t *id)
{
  enum store_id_how how;

  return st->ops->reporter_ensure(st, phone, NULL, now, id, &how);
}

int
store_reporter_identify(struct store *st, const char *phone,
                        const char *bsuid, int64_t now, int64_t *id,
                        enum store_id_how *how)
{
  enum store_id_how dummy;

  return st->ops->reporter_ensure(st, phone, bsuid, now, id,
                                  how != NULL ? how : &dummy);
}

int
store_reporter_renumber(struct store *st, const char *old_phone,
                        const char *old_bsuid, const char *new_phone,
                        const char *new_bsuid, int64_t *id)
{
  return st->ops->reporter_renumber(st, old_phone, old_bsuid, new_phone,
                                    new_bsuid, id);
}

int
store_outbox_bsuid(struct store *st, int64_t outbox_id, const char *bsuid)
{
  return st->ops->outbox_bsuid(st, outbox_id, bsuid);
}

int
store_inbound_add(struct store *st, const struct store_inbound *in,
                  int64_t *id)
{
  return st->ops->inbound_add(st, in, id);
}

int
store_inbound_find(struct store *st, const char *channel,
                   const char *provider_id, int64_t *id)
{
  return st->ops->inbound_find(st, channel, provider_id, id);
}

int
store_outbox_add(struct store *st, const struct store_outbox *o, int64_t *id)
{
  return st->ops->outbox_add(st, o, id);
}

int
store_outbox_replies(struct store *st, int64_t inbound_id,
                     struct store_strings *out)
{
  return st->ops->outbox_replies(st, inbound_id, out);
}

void
store_strings_free(struct store_strings *s)
{
  int i;

  if (s == NULL)
    return;
  for (i = 0; i < s->n; i++)
    free(s->v[i]);
  free(s->v);
  s->v = NULL;
  s->n = 0;
}

int
store_session_get(struct store *st, int64_t reporter_id, const char *family,
                  struct store_session *out)
{
  return st->ops->session_get(st, reporter_id, family, out);
}

int
store_session_put(struct store *st, struct store_session *s)
{
  return st->ops->session_put(st, s);
}

void
store_session_clear(struct store_session *s)
{
  if (s == NULL)
    return;
  free(s->family);
  free(s->channel);
  free(s->step);
  free(s->draft);
  memset(s, 0, sizeof(*s));
}

int
store_ticket_create(struct store *st, const struct store_ticket_new *t,
                    const char *prefix, const char *actor, int64_t *id,
                    char number[32])
{
  return st->ops->ticket_create(st, t, prefix, actor, id, number);
}

int
store_ticket_by_number(struct store *st, const char *number,
                       struct store_ticket *out)
{
  return st->ops->ticket_by_number(st, number, out);
}

void
store_ticket_clear(struct store_ticket *t)
{
  if (t == NULL)
    return;
  free(t->number);
  free(t->channel);
  free(t->status);
  free(t->category);
  free(t->terlapor);
  free(t->lokasi);
  free(t->lokasi_kode);
  free(t->waktu);
  free(t->kronologi);
  free(t->identitas);
  free(t->agency);
  free(t->marks);
  free(t->waktu_tanggal);
  free(t->waktu_presisi);
  free(t->lokasi_tingkat);
  free(t->lokasi_tempat_kode);
  free(t->lokasi_tempat);
  memset(t, 0, sizeof(*t));
}

int
store_ticket_count_since(struct store *st, int64_t reporter_id, int64_t since,
                         int *count)
{
  return st->ops->ticket_count_since(st, reporter_id, since, count);
}

int
store_reporter_set_name(struct store *st, int64_t reporter_id,
                        const char *name)
{
  return st->ops->reporter_set_name(st, reporter_id, name);
}

int
store_evidence_add(struct store *st, const struct store_evidence *e,
                   int64_t *id)
{
  return st->ops->evidence_add(st, e, id);
}

int
store_evidence_count(struct store *st, int64_t session_id, int *count)
{
  return st->ops->evidence_count(st, session_id, count);
}

int
store_evidence_attach(struct store *st, int64_t session_id, int64_t ticket_id)
{
  return st->ops->evidence_attach(st, session_id, ticket_id);
}

int
store_evidence_drop(struct store *st, int64_t session_id)
{
  return st->ops->evidence_drop(st, session_id);
}

int
store_outbox_take(struct store *st, const char *channel, int64_t now,
                  int limit, struct store_outbox_row **rows, int *n)
{
  return st->ops->outbox_take(st, channel, now, limit, rows, n);
}

void
store_outbox_rows_free(struct store_outbox_row *rows, int n)
{
  int i;

  for (i = 0; rows != NULL && i < n; i++) {
    free(rows[i].channel);
    free(rows[i].phone);
    free(rows[i].bsuid);
    free(rows[i].kind);
    free(rows[i].body);
  }
  free(rows);
}

int
store_outbox_next(struct store *st, int64_t *when)
{
  return st->ops->outbox_next(st, when);
}

int
store_outbox_resume(struct store *st, int *n)
{
  return st->ops->outbox_resume(st, n);
}

int
store_outbox_set(struct store *st, int64_t id,
                 const struct store_outbox_outcome *o)
{
  return st->ops->outbox_set(st, id, o);
}

int
store_outbox_delivery(struct store *st, const char *channel,
                      const char *provider_id, const char *delivery,
                      const char *error, int64_t now, int64_t *id,
                      char **kind)
{
  return st->ops->outbox_delivery(st, channel, provider_id, delivery, error,
                                  now, id, kind);
}

int
store_delivery_rank(const char *delivery)
{
  static const char *const order[] = {"sent", "delivered", "read", "failed"};
  int i;

  for (i = 0; delivery != NULL && i < 4; i++)
    if (strcmp(delivery, order[i]) == 0)
      return i + 1;
  return 0;
}

int
store_outbox_ref(const char *provider_id, int64_t *id)
{
  char *end;
  long long v;

  if (strncmp(provider_id, "outbox:", 7) != 0)
    return 0;
  v = strtoll(provider_id + 7, &end, 10);
  *id = *end == '\0' && v > 0 ? (int64_t)v : 0;
  return 1;
}

int
store_outbox_count(struct store *st, const char *status, int *n)
{
  return st->ops->outbox_count(st, status, n);
}

int
store_outbox_flag_unconfirmed(struct store *st, const char *channel,
                              int64_t sent_before, int64_t now, int limit,
                              struct store_unconfirmed **rows, int *n)
{
  return st->ops->outbox_flag_unconfirmed(st, channel, sent_before, now,
                                          limit, rows, n);
}

int
store_outbox_unconfirmed(struct store *st, int limit,
                         struct store_unconfirmed **rows, int *n)
{
  return st->ops->outbox_unconfirmed(st, limit, rows, n);
}

int
store_outbox_count_unconfirmed(struct store *st, int *n)
{
  return st->ops->outbox_count_unconfirmed(st, n);
}

void
store_unconfirmed_free(struct store_unconfirmed *rows, int n)
{
  int i;

  for (i = 0; rows != NULL && i < n; i++) {
    free(rows[i].channel);
    free(rows[i].phone);
    free(rows[i].handle);
    free(rows[i].ticket);
    free(rows[i].kind);
  }
  free(rows);
}

int
store_ticket_count_status(struct store *st, const char *status, int *n)
{
  return st->ops->ticket_count_status(st, status, n);
}

int
store_session_count_active(struct store *st, int64_t now, int *n)
{
  return st->ops->session_count_active(st, now, n);
}

int
store_evidence_due(struct store *st, int64_t now, int limit,
                   struct store_evidence_row **rows, int *n)
{
  return st->ops->evidence_due(st, now, limit, rows, n);
}

void
store_evidence_rows_free(struct store_evidence_row *rows, int n)
{
  int i;

  for (i = 0; rows != NULL && i < n; i++) {
    free(rows[i].channel);
    free(rows[i].source);
    free(rows[i].mime);
  }
  free(rows);
}

int
store_evidence_set(struct store *st, int64_t id,
                   const struct store_evidence_outcome *o)
{
  return st->ops->evidence_set(st, id, o);
}

int
store_evidence_take_dropped(struct store *st, int limit,
                            struct store_evidence_dropped **v, int *n)
{
  return st->ops->evidence_take_dropped(st, limit, v, n);
}

void
store_evidence_dropped_free(struct store_evidence_dropped *v, int n)
{
  int i;

  for (i = 0; v != NULL && i < n; i++)
    free(v[i].sha256);
  free(v);
}

int
store_evidence_referenced(struct store *st, const char *sha256, int *count)
{
  return st->ops->evidence_referenced(st, sha256, count);
}

int
store_evidence_dropped_since(struct store *st)
{
  return st->ops->evidence_dropped_since(st);
}

int
store_inbound_count_since(struct store *st, int64_t reporter_id,
                          int64_t since, int *count)
{
  return st->ops->inbound_count_since(st, reporter_id, since, count);
}

int
store_ticket_list(struct store *st, const struct store_ticket_filter *f,
                  struct store_ticket_list *out)
{
  return st->ops->ticket_list(st, f, out);
}

int
store_open_tickets(struct store *st, store_open_ticket_fn fn, void *arg)
{
  struct store_ticket_filter f;
  struct store_ticket_list l;
  int i, rc;

  if (st->ops->open_tickets != NULL)
    return st->ops->open_tickets(st, fn, arg);
  /* A backend without a walk of its own: the whole list, then the walk. */
  memset(&f, 0, sizeof(f));
  f.open_only = 1;
  rc = store_ticket_list(st, &f, &l);
  if (rc != 0)
    return rc;
  for (i = 0; rc == 0 && i < l.n; i++)
    rc = fn(arg, l.v[i].id, l.v[i].reporter_id, l.v[i].category,
            l.v[i].terlapor, l.v[i].kronologi);
  store_ticket_list_free(&l);
  return rc;
}

int
store_open_tickets_snapshot(struct store *st, struct store **out)
{
  *out = NULL;
  if (st->ops->open_tickets_snapshot == NULL)
    return -ENOTSUP;
  return st->ops->open_tickets_snapshot(st, out);
}

void
store_ticket_list_free(struct store_ticket_list *l)
{
  int i;

  for (i = 0; i < l->n; i++) {
    store_ticket_clear(&l->v[i]);
    free(l->handles[i]);
  }
  free(l->v);
  free(l->handles);
  memset(l, 0, sizeof(*l));
}

int
store_reporter_handle(struct store *st, int64_t reporter_id, char **handle)
{
  return st->ops->reporter_handle(st, reporter_id, handle);
}

int
store_ticket_events(struct store *st, int64_t ticket_id,
                    struct store_event **v, int *n)
{
  return st->ops->ticket_events(st, ticket_id, v, n);
}

void
store_events_free(struct store_event *v, int n)
{
  int i;

  for (i = 0; v != NULL && i < n; i++) {
    free(v[i].actor);
    free(v[i].from_status);
    free(v[i].to_status);
    free(v[i].note);
  }
  free(v);
}

int
store_ticket_evidence(struct store *st, int64_t ticket_id,
                      struct store_evidence_item **v, int *n)
{
  return st->ops->ticket_evidence(st, ticket_id, v, n);
}

void
store_evidence_items_free(struct store_evidence_item *v, int n)
{
  int i;

  for (i = 0; v != NULL && i < n; i++) {
    free(v[i].mime);
    free(v[i].sha256);
    free(v[i].status);
  }
  free(v);
}

int
store_ticket_note(struct store *st, int64_t ticket_id, const char *actor,
                  const char *note, int64_t now)
{
  return st->ops->ticket_note(st, ticket_id, actor, note, now);
}

int
store_ticket_set_status(struct store *st, int64_t ticket_id, const char *from,
                        const char *to, const char *actor, const char *note,
                        const char *agency, int64_t now)
{
  struct store_ticket t;
  int rc = st->ops->ticket_set_status(st, ticket_id, from, to, actor, note,
                                      agency, now);
  int found;

  if (rc != AERR_STATE)
    return rc;
  /* Nothing changed: a ticket at another status, or no ticket at all. */
  found = st->ops->ticket_by_id(st, ticket_id, &t);
  if (found == 0)
    store_ticket_clear(&t);
  if (found == AERR_NOTFOUND) {
    store_set_errmsg(st, "no ticket %lld", (long long)ticket_id);
    return AERR_NOTFOUND;
  }
  store_set_errmsg(st, "the ticket is not at status %s", from);
  return AERR_STATE;
}

int
store_ticket_by_id(struct store *st, int64_t id, struct store_ticket *out)
{
  return st->ops->ticket_by_id(st, id, out);
}

int
store_ticket_texts(struct store *st, int64_t id, struct store_ticket *out)
{
  if (st->ops->ticket_texts == NULL)
    return st->ops->ticket_by_id(st, id, out);
  return st->ops->ticket_texts(st, id, out);
}

int
store_purge_step(struct store *st, struct store_purge *p)
{
  p->payloads = 0;
  p->reporters = 0;
  p->more = 0;
  return st->ops->purge_step(st, p);
}

int
store_ticket_identity(struct store *st, int64_t ticket_id,
                      struct store_identity *out)
{
  memset(out, 0, sizeof(*out));
  return st->ops->ticket_identity(st, ticket_id, out);
}

void
store_identity_clear(struct store_identity *id)
{
  free(id->handle);
  free(id->phone);
  free(id->bsuid);
  free(id->name);
  memset(id, 0, sizeof(*id));
}

int
store_reveal_add(struct store *st, int64_t ticket_id, int64_t reporter_id,
                 const char *actor, const char *reason, int64_t now)
{
  return st->ops->reveal_add(st, ticket_id, reporter_id, actor, reason, now);
}

int
store_ticket_reveals(struct store *st, int64_t ticket_id,
                     struct store_event **v, int *n)
{
  *v = NULL;
  *n = 0;
  return st->ops->ticket_reveals(st, ticket_id, v, n);
}

int
store_question_add(struct store *st, int64_t ticket_id, int64_t reporter_id,
                   const char *actor, const char *question, int64_t now,
                   int64_t *id)
{
  int64_t dummy;

  return st->ops->question_add(st, ticket_id, reporter_id, actor, question,
                               now, id != NULL ? id : &dummy);
}

int
store_question_waiting(struct store *st, int64_t reporter_id, int64_t *id,
                       int64_t *ticket_id, char *number)
{
  return st->ops->question_waiting(st, reporter_id, id, ticket_id, number);
}

int
store_question_answer(struct store *st, int64_t id, int64_t inbound_id,
                      const char *answer, int64_t now)
{
  return st->ops->question_answer(st, id, inbound_id, answer, now);
}

int
store_ticket_questions(struct store *st, int64_t ticket_id,
                       struct store_question **v, int *n)
{
  *v = NULL;
  *n = 0;
  return st->ops->ticket_questions(st, ticket_id, v, n);
}

void
store_questions_free(struct store_question *v, int n)
{
  int i;

  for (i = 0; v != NULL && i < n; i++) {
    free(v[i].actor);
    free(v[i].question);
    free(v[i].answer);
  }
  free(v);
}

int
store_sla_pending(struct store *st, int64_t after_id, int limit,
                  struct store_sla_row **rows, int *n)
{
  return st->ops->sla_pending(st, after_id, limit, rows, n);
}

void
store_sla_rows_free(struct store_sla_row *rows, int n)
{
  int i;

  for (i = 0; i < n; i++) {
    free(rows[i].number);
    free(rows[i].status);
  }
  free(rows);
}

int
store_sla_mark(struct store *st, int64_t ticket_id, const char *status,
               int64_t since, int64_t due, int64_t now)
{
  return st->ops->sla_mark(st, ticket_id, status, since, due, now);
}
