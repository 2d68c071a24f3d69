/*
 * store_pg_send.c: see store_pg_internal.h.
 */
#include "base/err.h"
#include "store/store_pg_internal.h"

int
pg_outbox_bsuid(struct store *st, int64_t outbox_id, const char *bsuid)
{
  (void)outbox_id;
  (void)bsuid;
  return pg_fail(pg_of(st), AERR_STORE, "outbox_bsuid: not built yet");
}

int
pg_outbox_take(struct store *st, const char *channel, int64_t now, int limit, struct store_outbox_row **rows, int *n)
{
  (void)channel;
  (void)now;
  (void)limit;
  (void)rows;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "outbox_take: not built yet");
}

int
pg_outbox_next(struct store *st, int64_t *when)
{
  (void)when;
  return pg_fail(pg_of(st), AERR_STORE, "outbox_next: not built yet");
}

int
pg_outbox_resume(struct store *st, int *n)
{
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "outbox_resume: not built yet");
}

int
pg_outbox_set(struct store *st, int64_t id, const struct store_outbox_outcome *o)
{
  (void)id;
  (void)o;
  return pg_fail(pg_of(st), AERR_STORE, "outbox_set: not built yet");
}

int
pg_outbox_delivery(struct store *st, const char *channel, const char *provider_id, const char *delivery, const char *error, int64_t now, int64_t *id, char **kind)
{
  (void)channel;
  (void)provider_id;
  (void)delivery;
  (void)error;
  (void)now;
  (void)id;
  (void)kind;
  return pg_fail(pg_of(st), AERR_STORE, "outbox_delivery: not built yet");
}

int
pg_outbox_count(struct store *st, const char *status, int *n)
{
  (void)status;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "outbox_count: not built yet");
}

int
pg_outbox_flag_unconfirmed(struct store *st, const char *channel, int64_t sent_before, int64_t now, int limit, struct store_unconfirmed **rows, int *n)
{
  (void)channel;
  (void)sent_before;
  (void)now;
  (void)limit;
  (void)rows;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "outbox_flag_unconfirmed: not built yet");
}

int
pg_outbox_unconfirmed(struct store *st, int limit, struct store_unconfirmed **rows, int *n)
{
  (void)limit;
  (void)rows;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "outbox_unconfirmed: not built yet");
}

int
pg_outbox_count_unconfirmed(struct store *st, int *n)
{
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "outbox_count_unconfirmed: not built yet");
}

int
pg_evidence_due(struct store *st, int64_t now, int limit, struct store_evidence_row **rows, int *n)
{
  (void)now;
  (void)limit;
  (void)rows;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "evidence_due: not built yet");
}

int
pg_evidence_set(struct store *st, int64_t id, const struct store_evidence_outcome *o)
{
  (void)id;
  (void)o;
  return pg_fail(pg_of(st), AERR_STORE, "evidence_set: not built yet");
}

int
pg_evidence_take_dropped(struct store *st, int limit, struct store_evidence_dropped **v, int *n)
{
  (void)limit;
  (void)v;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "evidence_take_dropped: not built yet");
}

int
pg_evidence_referenced(struct store *st, const char *sha256, int *count)
{
  (void)sha256;
  (void)count;
  return pg_fail(pg_of(st), AERR_STORE, "evidence_referenced: not built yet");
}

int
pg_evidence_dropped_since(struct store *st)
{
  return pg_fail(pg_of(st), AERR_STORE, "evidence_dropped_since: not built yet");
}
