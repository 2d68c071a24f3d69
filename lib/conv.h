/*
 * conv.h: the conversation engine's entry point.
 *
 * The webhook layer hands every stored inbound message to conv_handle()
 * inside the request's savepoint; the engine reads and writes the
 * reporter's session through the store and writes each reply as an outbox
 * row in that same savepoint, so a reply exists exactly when the state
 * change that caused it was committed.
 */
#ifndef ADUAN_CONV_H
#define ADUAN_CONV_H

#include <stdint.h>

#include "config.h"
#include "provider.h"
#include "store.h"

struct conv;

struct conv_event {
  const struct inbound_msg *msg;
  const char *channel;        /* config channel name: where replies go */
  const char *family;         /* conversation family of the channel */
  int inline_replies;         /* replies answered in the HTTP response */
  int64_t reporter_id;
  int64_t inbound_id;
  int64_t now_ms;             /* the clock, injected */
};

/* A new engine for cfg (borrowed; it must outlive the engine or be
 * replaced with conv_set_config).  Returns 0 or -ENOMEM. */
int conv_new(struct conv **out, const struct config *cfg);
void conv_set_config(struct conv *cv, const struct config *cfg);
void conv_free(struct conv *cv);

/* Handle one inbound message.  Returns 0, or a store error (the caller
 * rolls the savepoint back and answers 503). */
int conv_handle(struct conv *cv, struct store *st,
                const struct conv_event *ev);

#endif
