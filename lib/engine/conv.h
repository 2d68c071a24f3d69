/*
 * conv.h: the conversation engine.
 *
 * The webhook layer hands every stored inbound message to conv_handle()
 * inside the request's savepoint.  The engine reads the reporter's session
 * (step and draft) through the store, decides, writes the session back
 * and writes each reply as an outbox row in that same savepoint: a reply
 * exists exactly when the state change that caused it was committed, and
 * a restart resumes every conversation where it was.
 *
 * Every text comes from the message catalogue (config [conversation]
 * catalog); the engine holds no user-visible literal.  conv_catalog_keys
 * is the list of keys the catalogue must have, with the placeholders each
 * may use.
 */
#ifndef ADUAN_CONV_H
#define ADUAN_CONV_H

#include <stdint.h>

#include "conf/catalog.h"
#include "conf/config.h"
#include "base/diag.h"
#include "provider/provider.h"
#include "store/store.h"

struct conv;
struct metrics;

struct conv_event {
  const struct inbound_msg *msg;
  const char *channel;        /* config channel name: where replies go */
  const char *family;         /* conversation family of the channel */
  int inline_replies;         /* replies answered in the HTTP response */
  int64_t reporter_id;
  int64_t inbound_id;
  int64_t now_ms;             /* the clock, injected */
  struct metrics *metrics;    /* rejections are counted here; may be NULL */
};

extern const struct catalog_key conv_catalog_keys[];
extern const int conv_catalog_nkeys;

/*
 * A new engine for cfg (borrowed: it must outlive the engine, or be
 * replaced with conv_reload).  Loads the catalogue; its problems go to
 * diag.  Returns 0, AERR_CONFIG, or -errno.
 */
int conv_new(struct conv **out, const struct config *cfg, struct diag *diag);

/* Switch to cfg and its catalogue.  On failure (problems in diag) the
 * engine keeps its old config and catalogue. */
int conv_reload(struct conv *cv, const struct config *cfg, struct diag *diag);

void conv_free(struct conv *cv);

/* The holidays of the running config ([ticket] holidays), loaded and
 * reloaded with the catalogue and word lists; valid until the next
 * conv_reload or conv_free. */
struct workday_cal;
const struct workday_cal *conv_holidays(const struct conv *cv);

/* Fill the duplicate index with every open ticket of st (at start-up).
 * Returns 0 or a store error. */
int conv_load_open_tickets(struct conv *cv, struct store *st);

/*
 * The same, off the loop: the index is built on a thread of its own
 * from a snapshot of st taken by this call (store_open_tickets_snapshot),
 * and done(arg) is called from that thread when it ends.  Until
 * conv_index_wait() has taken the result, every use of the index (a
 * duplicate check, a ticket filed or closed) first waits for the build
 * to end, so each sees every ticket open at this call and every change
 * since.  When st has no snapshot (PostgreSQL) the index is filled here,
 * as conv_load_open_tickets() does, and done is not called.  Returns 0
 * or an error code.
 */
int conv_load_open_tickets_async(struct conv *cv, struct store *st,
                                 void (*done)(void *arg), void *arg);

/* Wait for the build of conv_load_open_tickets_async() to end and take
 * its index (event=conv.index; should it have failed, the loop's store
 * is read instead, event=conv.index_failed).  A no-op when no build
 * runs.  From the loop's thread. */
void conv_index_wait(struct conv *cv);

/* A ticket was closed (selesai, ditolak): no longer a duplicate target. */
void conv_ticket_closed(struct conv *cv, int64_t ticket_id);

/* Send the catalogue text key alone, as the reply to ev (for notices the
 * webhook layer decides on, such as the flood notice).  Returns 0 or a
 * store error. */
int conv_notice(struct conv *cv, struct store *st,
                const struct conv_event *ev, const char *key);

/* A notice to a reporter about their ticket. */
struct conv_notice {
  const char *channel;        /* the ticket's channel */
  const char *family;
  int inline_replies;
  int64_t reporter_id;
  int64_t ticket_id;
  const char *ticket;         /* its number */
  const char *status;         /* the new status */
  const char *note;           /* for the reporter; may be NULL */
  const char *agency;         /* may be NULL */
  const char *question;       /* set: an operator's question instead of a
                                 status notice */
  int64_t now_ms;
};

/* Queue the notice "notify.<status>" for the reporter (or, with question
 * set, "ask.operator"), in the caller's transaction.  Returns 0 or a
 * store error. */
int conv_notify(struct conv *cv, struct store *st,
                const struct conv_notice *n);

/* How many turns have read their draft from its stored text rather than
 * from the parse kept since the reporter's previous turn (for tests and
 * measurements). */
uint64_t conv_drafts_parsed(const struct conv *cv);

/* Handle one inbound message.  Returns 0, or a store error (the caller
 * rolls the savepoint back and answers 503). */
int conv_handle(struct conv *cv, struct store *st,
                const struct conv_event *ev);

#endif
