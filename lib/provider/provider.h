/*
 * provider.h: what a channel adapter does, and the messages it yields.
 *
 * Each channel type (dev, whatsapp_cloud, twilio, kannel) is one file
 * provider_<type>.c with a const struct provider_ops; provider_for() picks
 * it by type.  An adapter turns a provider's webhook into normalised
 * inbound messages and checks that the webhook really came from the
 * provider.  It neither stores nor logs: the webhook layer decides.
 *
 * The adapter also holds its channel's facts (which methods its webhook
 * parses, what it sends and whether by the SMS segment, how long free
 * text may follow a reporter's message, how its media is named): the rest
 * of the daemon asks through the provider_* functions below and never
 * tests a channel type itself.
 */
#ifndef ADUAN_PROVIDER_H
#define ADUAN_PROVIDER_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "conf/config.h"
#include "io/httpd.h"
#include "base/phone.h"

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
  char phone[PHONE_MAX];      /* the reporter, E.164; "" when the
                                 provider gave only a BSUID */
  char bsuid[PHONE_BSUID_MAX]; /* WhatsApp business-scoped user id, as
                                 given; "" when none.  At least one of
                                 phone and bsuid is set. */
  enum msg_kind kind;
  char *text;                 /* text, caption or option id; may be NULL */
  double lat, lng;
  char *media_url;
  char *media_id;
  char *media_mime;
  const char *family;         /* a constant, set by adapters whose channel
                                 carries several families (Twilio: SMS and
                                 WhatsApp); NULL means the channel's */
};

/* A delivery report for a message we sent. */
enum delivery {
  DELIVERY_SENT = 0,
  DELIVERY_DELIVERED,
  DELIVERY_READ,
  DELIVERY_FAILED
};

const char *delivery_name(enum delivery d);

struct status_update {
  char *provider_id;          /* the id the provider gave our message */
  char bsuid[PHONE_BSUID_MAX]; /* the recipient's BSUID when the report
                                 names it, else "" */
  enum delivery status;
  char *error_code;           /* on failure: the provider's code */
  char *error_text;           /* on failure: its reason */
};

/* A reporter's identifiers changed (WhatsApp's system message
 * user_changed_number): whoever was known by old_phone or old_bsuid is
 * now to be known by new_phone and new_bsuid.  Empty strings: not given. */
struct id_change {
  char *provider_id;          /* the system message's id */
  char old_phone[PHONE_MAX];
  char old_bsuid[PHONE_BSUID_MAX];
  char new_phone[PHONE_MAX];
  char new_bsuid[PHONE_BSUID_MAX];
};

/* What one webhook carried: any number of messages and status updates. */
struct inbound_set {
  struct inbound_msg *msgs;
  int n;
  struct status_update *statuses;
  int nstatuses;
  struct id_change *changes;
  int nchanges;
  /* What to answer the provider with when all is well; NULL means the
   * default for the channel ("{\"status\":\"ok\"}" as JSON). */
  const char *ack_type;       /* constant strings */
  const char *ack_body;
  /* Items the adapter did not take (addressed to another number of the
   * provider account, unreadable, or a status it does not track), for
   * the webhook layer to log (event=webhook.ignored); nothing to store.
   * skip_why is the first one's reason, a constant string. */
  int skipped;
  const char *skip_why;
  /* The audit copy to keep of each message when the body is not it (a
   * Kannel GET: the query without its secret); NULL: the body.  Owned,
   * freed with the set. */
  char *payload;
  size_t payload_len;
};

void inbound_set_free(struct inbound_set *s);

/* Add a zeroed message or status to s; NULL when out of memory. */
struct inbound_msg *inbound_set_add(struct inbound_set *s);
struct status_update *inbound_set_add_status(struct inbound_set *s);
struct id_change *inbound_set_add_change(struct inbound_set *s);

/* Count an item of s that cannot be taken (SPEC 2: content the daemon
 * cannot handle is acknowledged, logged and counted, never refused);
 * why is a constant string.  Returns 0, for adapters to return. */
int inbound_skip(struct inbound_set *s, const char *why);

/* The same for n items at once (n >= 0; the count saturates). */
int inbound_skip_n(struct inbound_set *s, size_t n, const char *why);

/* ---- Sending ----------------------------------------------------------- */

enum outbound_kind {
  OUT_TEXT = 0,     /* free text */
  OUT_TEMPLATE,     /* an approved template (WhatsApp outside 24 h) */
  OUT_LIST,         /* a choice from a list (WhatsApp interactive list) */
  OUT_BUTTONS       /* up to three reply buttons (WhatsApp) */
};

/* One option of a list or a button. */
struct outbound_option {
  const char *id;
  const char *title;
};

/* A message to send; strings are borrowed for the call. */
struct outbound_msg {
  int64_t outbox_id;          /* ours: goes into callback URLs */
  const char *to;             /* E.164; NULL when the reporter is known
                                 only by a BSUID */
  const char *recipient;      /* the BSUID, used when to is NULL
                                 (WhatsApp Cloud API's "recipient") */
  enum outbound_kind kind;
  const char *text;           /* the body text (all kinds) */
  const char *template_name;  /* OUT_TEMPLATE */
  const char *template_lang;  /* "id" */
  const char *const *template_params;
  int ntemplate_params;
  const char *button_label;   /* OUT_LIST: the menu button's label */
  const struct outbound_option *options;  /* OUT_LIST, OUT_BUTTONS */
  int noptions;
};

/* An HTTP request for the sender to perform (curl is its business). */
struct provider_request {
  const char *method;         /* "POST", "GET" (a constant) */
  char *url;
  char *headers[8];           /* "Name: value", NULL-terminated */
  struct buf body;
  /* Media downloads only (see media_request): */
  char *userpwd;              /* "user:password" for HTTP Basic auth, which
                                 libcurl sends to the URL's own scheme,
                                 host and port only, never after a
                                 redirect elsewhere; NULL: none */
  char *refused;              /* with AERR_DENIED: why the media must not
                                 be fetched, naming the host, never a
                                 secret ("media host not allowed: HOST") */
};

void provider_request_free(struct provider_request *r);

/* ---- Where credentials may go (shared by the adapters) ---------------- */

/* The scheme, host and port of an http(s) URL. */
struct url_origin {
  int https;
  char host[256];             /* lower case; IPv6 without brackets */
  unsigned port;              /* as written, else 443 or 80 */
};

/* Fill o from url.  0, or AERR_PARSE when url is not an absolute http(s)
 * URL with a host. */
int provider_url_origin(const char *url, struct url_origin *o);

/* 1 when a and b are the same scheme, host and port. */
int provider_same_origin(const struct url_origin *a,
                         const struct url_origin *b);

/* 1 when host is one of list's names (separated by spaces or commas,
 * compared without regard to case; a name matches only itself, never its
 * subdomains); 0 when not, or list is NULL. */
int provider_host_listed(const char *host, const char *list);

/* 1 when a credential may travel to o in the clear or otherwise: https,
 * or plain http to a host written as a loopback address (a fake provider
 * on this machine; the download filter refuses those unless [evidence]
 * allow_private_addresses says so). */
int provider_transport_ok(const struct url_origin *o);

enum send_outcome {
  SEND_OK = 0,      /* accepted; provider_id set */
  SEND_RETRY,       /* try again later (network, 5xx, 429, throttling) */
  SEND_FAIL,        /* permanent: the reason is kept, never retried */
  SEND_TEMPLATE     /* refused because the 24-hour window is closed:
                       send the template form instead */
};

struct send_result {
  enum send_outcome outcome;
  char *provider_id;          /* SEND_OK; NULL when the provider names no
                                 message (Kannel: its delivery reports
                                 carry "outbox:<our id>" instead) */
  char *error;                /* otherwise: code and reason, for the row */
  char *bsuid;                /* SEND_OK: the recipient's BSUID when the
                                 answer names a valid one, else NULL */
  int64_t retry_after_ms;     /* SEND_RETRY: the provider's wish, or 0 */
};

void send_result_free(struct send_result *r);

/* ---- Adapters ---------------------------------------------------------- */

struct provider_ops {
  enum channel_type type;
  const char *family;          /* "dev", "whatsapp", "sms": which
                                  conversations are one (twilio decides
                                  per message: see family_of) */
  int inline_replies;          /* 1: replies go back in the HTTP answer */
  int accepts_get;             /* 1: a GET on the webhook carries messages
                                  and reports as a POST does (Kannel calls
                                  its get-url so); else a GET is only the
                                  handshake, if any, and only POST parses */
  int console;                 /* 1: `aduanctl chat` talks to the channel
                                  (JSON {from, text}, the token in
                                  X-Aduan-Token, replies in the answer) */
  int media_by_id;             /* 1: a message names its media by an id
                                  (media_id, which media_request looks
                                  up), and the evidence row keeps the id;
                                  0: by its URL (media_url) */

  /* 0 when req is authentic for ch, else AERR_AUTH.  cfg gives
   * public_url (Twilio signs the URL it called). */
  int (*verify)(const struct config *cfg, const struct config_channel *ch,
                const struct httpd_request *req);

  /* Parse req into out.  0, or AERR_PARSE with a short reason in *why
   * (a constant string, safe to show the client). */
  int (*parse)(const struct config_channel *ch,
               const struct httpd_request *req, struct inbound_set *out,
               const char **why);

  /* Optional: answer a GET on the webhook (WhatsApp's verification
   * handshake).  Returns the HTTP status and sets *body (allocated) to
   * what to answer; NULL when the channel takes no GET. */
  int (*handshake)(const struct config_channel *ch,
                   const struct httpd_request *req, char **body);

  /* Optional: the conversation family of one message (Twilio carries SMS
   * and WhatsApp on one channel); NULL means .family. */
  const char *(*family_of)(const struct inbound_msg *m);

  /* Optional: the family of what the channel sends (a constant; Twilio
   * sends WhatsApp when its `from` is a "whatsapp:" address, else SMS);
   * NULL means .family.  An "sms" family is billed by the segment. */
  const char *(*send_family)(const struct config_channel *ch);

  /* Optional: the last moment (ms since the epoch) that free text may go
   * to a reporter whose last message came at last_inbound_ms; after it
   * the sender sends the channel's approved template instead.  NULL: no
   * such limit. */
  int64_t (*free_form_until)(const struct config_channel *ch,
                             int64_t last_inbound_ms);

  /* Optional: 1 when the provider reports delivery of what ch sends
   * (a webhook comes back for each message), so that a message with no
   * report after a while is worth flagging; NULL: never. */
  int (*reports_delivery)(const struct config *cfg,
                          const struct config_channel *ch);

  /* Render msg as the provider's HTTP request.  cfg gives public_url for
   * delivery callbacks.  0, or AERR_UNSUPPORTED when the channel cannot
   * send this kind (the sender then falls back to OUT_TEXT). */
  int (*build_send)(const struct config *cfg, const struct config_channel *ch,
                    const struct outbound_msg *msg,
                    struct provider_request *out);

  /* Read the provider's answer to a send.  status 0 means the request
   * never got an answer (network error, timeout).  retry_after is the
   * Retry-After header or NULL. */
  void (*classify)(const struct config_channel *ch, long status,
                   const char *retry_after, const char *body, size_t len,
                   struct send_result *out);

  /* Optional: the request that fetches a message's media.  step 0 is the
   * first request (for WhatsApp the media-id look-up, whose answer is
   * given back as prev/prevlen for step 1, the download).  Returns 0 with
   * out filled, 1 when no further step is needed, AERR_PARSE, or
   * AERR_DENIED with out->refused set when the media is somewhere the
   * channel's credentials must not go (a permanent failure).  Without
   * this the downloader fetches media_url as it is, with no credentials. */
  int (*media_request)(const struct config_channel *ch,
                       const struct inbound_msg *m, int step,
                       const char *prev, size_t prevlen,
                       struct provider_request *out);

  /* Optional: set up what ch keeps from one request to the next (its
   * sig_mac), once per loaded config; best effort, for speed only: what
   * is left NULL, verify does per request. */
  void (*prepare)(struct config_channel *ch);
};

/* The adapter for a channel type, or NULL when this build has none. */
const struct provider_ops *provider_for(enum channel_type t);

/* ---- Facts about a channel, for those outside the adapters ------------ */

/* Let each channel's adapter of cfg set up what it keeps between
 * requests (see prepare), before cfg serves.  Never fails: a channel
 * left unprepared works as before, only at more cost per request. */
void provider_prepare(struct config *cfg);

/* 1 when the webhook of a channel of ops parses a request of method (an
 * enum http_method): POST, and GET when ops->accepts_get. */
int provider_takes_method(const struct provider_ops *ops, int method);

/* The first channel of cfg that `aduanctl chat` talks to, or NULL. */
const struct config_channel *provider_console(const struct config *cfg);

/* The family of what ch sends ("sms", "whatsapp", "dev"); "sms" for a
 * type this build has no adapter for. */
const char *provider_send_family(const struct config_channel *ch);

/* The SMS segments that text costs on ch (sms_measure), or 0 when ch
 * does not send SMS. */
int provider_segments(const struct config_channel *ch, const char *text);

/* The last moment free text may go on ch to a reporter last heard from
 * at last_inbound_ms (see free_form_until); INT64_MAX when ch has no
 * such limit. */
int64_t provider_free_form_until(const struct config_channel *ch,
                                 int64_t last_inbound_ms);

/* 1 when ch's provider reports delivery of what ch sends under cfg (see
 * reports_delivery), else 0. */
int provider_reports_delivery(const struct config *cfg,
                              const struct config_channel *ch);

/* The request for step step of fetching the media that the evidence row
 * keeps as source (a media_url, or a media_id where ch's adapter has
 * media_by_id) with its mime type: ch's media_request, with the same
 * returns.  Without one (or without an adapter, or with ch NULL) step 0
 * GETs source as it is, with no credentials, and later steps return 1.
 * source and mime are borrowed, never changed (not const: a message
 * holds them). */
int provider_media_request(const struct config_channel *ch,
                           char *source, char *mime, int step,
                           const char *prev, size_t prevlen,
                           struct provider_request *out);

struct json_object;

/*
 * p[0..len) as one JSON value, read by the calling thread's json-c
 * tokener: one per thread, made on the thread's first call and reset
 * before each text, so that no parse pays for a tokener (json-c's is not
 * thread-safe; each thread keeps its own).  strict: strict JSON with its
 * UTF-8 checked and only white space after the value; 0: json-c's
 * defaults, anything may follow the value.  Returns the value (the
 * caller puts it) or NULL when there is none (*oom then 1 when memory ran
 * out, else 0).
 */
struct json_object *provider_json_parse(const char *p, size_t len,
                                        int strict, int *oom);

#endif
