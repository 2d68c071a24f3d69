/*
 * store_pg_talk.c: see store_pg_internal.h.
 */
#include "base/err.h"
#include "store/store_pg_internal.h"

int
pg_reporter_ensure(struct store *st, const char *phone, const char *bsuid, int64_t now, int64_t *id, enum store_id_how *how)
{
  (void)phone;
  (void)bsuid;
  (void)now;
  (void)id;
  (void)how;
  return pg_fail(pg_of(st), AERR_STORE, "reporter_ensure: not built yet");
}

int
pg_reporter_renumber(struct store *st, const char *old_phone, const char *old_bsuid, const char *new_phone, const char *new_bsuid, int64_t *id)
{
  (void)old_phone;
  (void)old_bsuid;
  (void)new_phone;
  (void)new_bsuid;
  (void)id;
  return pg_fail(pg_of(st), AERR_STORE, "reporter_renumber: not built yet");
}

int
pg_inbound_add(struct store *st, const struct store_inbound *in, int64_t *id)
{
  (void)in;
  (void)id;
  return pg_fail(pg_of(st), AERR_STORE, "inbound_add: not built yet");
}

int
pg_inbound_find(struct store *st, const char *channel, const char *provider_id, int64_t *id)
{
  (void)channel;
  (void)provider_id;
  (void)id;
  return pg_fail(pg_of(st), AERR_STORE, "inbound_find: not built yet");
}

int
pg_outbox_add(struct store *st, const struct store_outbox *o, int64_t *id)
{
  (void)o;
  (void)id;
  return pg_fail(pg_of(st), AERR_STORE, "outbox_add: not built yet");
}

int
pg_outbox_replies(struct store *st, int64_t inbound_id, struct store_strings *out)
{
  (void)inbound_id;
  (void)out;
  return pg_fail(pg_of(st), AERR_STORE, "outbox_replies: not built yet");
}

int
pg_session_get(struct store *st, int64_t reporter_id, const char *family, struct store_session *out)
{
  (void)reporter_id;
  (void)family;
  (void)out;
  return pg_fail(pg_of(st), AERR_STORE, "session_get: not built yet");
}

int
pg_session_put(struct store *st, struct store_session *s)
{
  (void)s;
  return pg_fail(pg_of(st), AERR_STORE, "session_put: not built yet");
}

int
pg_ticket_create(struct store *st, const struct store_ticket_new *t, const char *prefix, const char *actor, int64_t *id, char number[32])
{
  (void)t;
  (void)prefix;
  (void)actor;
  (void)id;
  (void)number;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_create: not built yet");
}

int
pg_ticket_by_id(struct store *st, int64_t id, struct store_ticket *out)
{
  (void)id;
  (void)out;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_by_id: not built yet");
}

int
pg_ticket_by_number(struct store *st, const char *number, struct store_ticket *out)
{
  (void)number;
  (void)out;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_by_number: not built yet");
}

int
pg_inbound_count_since(struct store *st, int64_t reporter_id, int64_t since, int *count)
{
  (void)reporter_id;
  (void)since;
  (void)count;
  return pg_fail(pg_of(st), AERR_STORE, "inbound_count_since: not built yet");
}

int
pg_ticket_count_since(struct store *st, int64_t reporter_id, int64_t since, int *count)
{
  (void)reporter_id;
  (void)since;
  (void)count;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_count_since: not built yet");
}

int
pg_reporter_set_name(struct store *st, int64_t reporter_id, const char *name)
{
  (void)reporter_id;
  (void)name;
  return pg_fail(pg_of(st), AERR_STORE, "reporter_set_name: not built yet");
}

int
pg_reporter_handle(struct store *st, int64_t reporter_id, char **handle)
{
  (void)reporter_id;
  (void)handle;
  return pg_fail(pg_of(st), AERR_STORE, "reporter_handle: not built yet");
}

int
pg_evidence_add(struct store *st, const struct store_evidence *e, int64_t *id)
{
  (void)e;
  (void)id;
  return pg_fail(pg_of(st), AERR_STORE, "evidence_add: not built yet");
}

int
pg_evidence_count(struct store *st, int64_t session_id, int *count)
{
  (void)session_id;
  (void)count;
  return pg_fail(pg_of(st), AERR_STORE, "evidence_count: not built yet");
}

int
pg_evidence_attach(struct store *st, int64_t session_id, int64_t ticket_id)
{
  (void)session_id;
  (void)ticket_id;
  return pg_fail(pg_of(st), AERR_STORE, "evidence_attach: not built yet");
}

int
pg_evidence_drop(struct store *st, int64_t session_id)
{
  (void)session_id;
  return pg_fail(pg_of(st), AERR_STORE, "evidence_drop: not built yet");
}
