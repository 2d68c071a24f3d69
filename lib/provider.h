/*
 * provider.h: what a channel adapter does, and the messages it yields.
 *
 * Each channel type (dev, whatsapp_cloud, twilio, kannel) is one file
 * provider_<type>.c with a const struct provider_ops; provider_for() picks
 * it by type.  An adapter turns a provider's webhook into normalised
 * inbound messages and checks that the webhook really came from the
 * provider.  It neither stores nor logs: the webhook layer decides.
 */
#ifndef ADUAN_PROVIDER_H
#define ADUAN_PROVIDER_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "config.h"
#include "httpd.h"
#include "phone.h"

enum msg_kind {
  MSG_TEXT = 0,
  MSG_LOCATION,     /* lat, lng */
  MSG_MEDIA,        /* media_url or media_id, media_mime */
  MSG_CHOICE,       /* an interactive reply: text holds the option id */
  MSG_UNSUPPORTED   /* sticker, reaction, anything else */
};

const char *msg_kind_name(enum msg_kind k);

/* One normalised inbound message.  Strings are owned by the message. */
struct inbound_msg {
  char *provider_id;          /* provider's message id, never NULL */
  char phone[PHONE_MAX];      /* the reporter, E.164 */
  enum msg_kind kind;
  char *text;                 /* text, caption or option id; may be NULL */
  double lat, lng;
  char *media_url;
  char *media_id;
  char *media_mime;
};

/* What one webhook carried. */
struct inbound_set {
  struct inbound_msg *msgs;
  int n;
};

void inbound_set_free(struct inbound_set *s);

/* Add a zeroed message to s; NULL when out of memory. */
struct inbound_msg *inbound_set_add(struct inbound_set *s);

struct provider_ops {
  enum channel_type type;
  const char *family;          /* "dev", "whatsapp", "sms": which
                                  conversations are one */
  int inline_replies;          /* 1: replies go back in the HTTP answer */

  /* 0 when req is authentic for ch, else AERR_AUTH. */
  int (*verify)(const struct config *cfg, const struct config_channel *ch,
                const struct httpd_request *req);

  /* Parse req into out.  0, or AERR_PARSE with a short reason in *why
   * (a constant string, safe to show the client). */
  int (*parse)(const struct config_channel *ch,
               const struct httpd_request *req, struct inbound_set *out,
               const char **why);
};

/* The adapter for a channel type, or NULL when this build has none. */
const struct provider_ops *provider_for(enum channel_type t);

#endif
