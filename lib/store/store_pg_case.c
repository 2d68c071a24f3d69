/*
 * store_pg_case.c: see store_pg_internal.h.
 */
#include "base/err.h"
#include "store/store_pg_internal.h"

int
pg_ticket_list(struct store *st, const struct store_ticket_filter *f, struct store_ticket_list *out)
{
  (void)f;
  (void)out;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_list: not built yet");
}

int
pg_ticket_events(struct store *st, int64_t ticket_id, struct store_event **v, int *n)
{
  (void)ticket_id;
  (void)v;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_events: not built yet");
}

int
pg_ticket_evidence(struct store *st, int64_t ticket_id, struct store_evidence_item **v, int *n)
{
  (void)ticket_id;
  (void)v;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_evidence: not built yet");
}

int
pg_ticket_set_status(struct store *st, int64_t ticket_id, const char *from, const char *to, const char *actor, const char *note, const char *agency, int64_t now)
{
  (void)ticket_id;
  (void)from;
  (void)to;
  (void)actor;
  (void)note;
  (void)agency;
  (void)now;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_set_status: not built yet");
}

int
pg_ticket_note(struct store *st, int64_t ticket_id, const char *actor, const char *note, int64_t now)
{
  (void)ticket_id;
  (void)actor;
  (void)note;
  (void)now;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_note: not built yet");
}

int
pg_ticket_count_status(struct store *st, const char *status, int *n)
{
  (void)status;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_count_status: not built yet");
}

int
pg_session_count_active(struct store *st, int64_t now, int *n)
{
  (void)now;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "session_count_active: not built yet");
}

int
pg_purge_step(struct store *st, struct store_purge *p)
{
  (void)p;
  return pg_fail(pg_of(st), AERR_STORE, "purge_step: not built yet");
}

int
pg_ticket_identity(struct store *st, int64_t ticket_id, struct store_identity *out)
{
  (void)ticket_id;
  (void)out;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_identity: not built yet");
}

int
pg_reveal_add(struct store *st, int64_t ticket_id, int64_t reporter_id, const char *actor, const char *reason, int64_t now)
{
  (void)ticket_id;
  (void)reporter_id;
  (void)actor;
  (void)reason;
  (void)now;
  return pg_fail(pg_of(st), AERR_STORE, "reveal_add: not built yet");
}

int
pg_ticket_reveals(struct store *st, int64_t ticket_id, struct store_event **v, int *n)
{
  (void)ticket_id;
  (void)v;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_reveals: not built yet");
}

int
pg_question_add(struct store *st, int64_t ticket_id, int64_t reporter_id, const char *actor, const char *question, int64_t now, int64_t *id)
{
  (void)ticket_id;
  (void)reporter_id;
  (void)actor;
  (void)question;
  (void)now;
  (void)id;
  return pg_fail(pg_of(st), AERR_STORE, "question_add: not built yet");
}

int
pg_question_waiting(struct store *st, int64_t reporter_id, int64_t *id, int64_t *ticket_id, char *number)
{
  (void)reporter_id;
  (void)id;
  (void)ticket_id;
  (void)number;
  return pg_fail(pg_of(st), AERR_STORE, "question_waiting: not built yet");
}

int
pg_question_answer(struct store *st, int64_t id, int64_t inbound_id, const char *answer, int64_t now)
{
  (void)id;
  (void)inbound_id;
  (void)answer;
  (void)now;
  return pg_fail(pg_of(st), AERR_STORE, "question_answer: not built yet");
}

int
pg_ticket_questions(struct store *st, int64_t ticket_id, struct store_question **v, int *n)
{
  (void)ticket_id;
  (void)v;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "ticket_questions: not built yet");
}

int
pg_sla_pending(struct store *st, int64_t after_id, int limit, struct store_sla_row **rows, int *n)
{
  (void)after_id;
  (void)limit;
  (void)rows;
  (void)n;
  return pg_fail(pg_of(st), AERR_STORE, "sla_pending: not built yet");
}

int
pg_sla_mark(struct store *st, int64_t ticket_id, const char *status, int64_t since, int64_t due, int64_t now)
{
  (void)ticket_id;
  (void)status;
  (void)since;
  (void)due;
  (void)now;
  return pg_fail(pg_of(st), AERR_STORE, "sla_mark: not built yet");
}
