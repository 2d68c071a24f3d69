/*
 * tu_sign.h: what a provider does to a webhook before sending it: the
 * signatures, computed here the way the providers document them, so the
 * tests can post signed requests to the real daemon.
 */
#ifndef ADUAN_TU_SIGN_H
#define ADUAN_TU_SIGN_H

#include <stddef.h>

/* X-Twilio-Signature for a form POST to url (allocated). */
char *tu_twilio_signature(const char *url, const char *form,
                          const char *token);

/* "sha256=<hex>" for X-Hub-Signature-256 (allocated). */
char *tu_whatsapp_signature(const char *body, size_t len,
                            const char *secret);

/* One request with extra header lines ("Name: value\r\n"...) on a new
 * connection; the answer in r.  0 or -1. */
struct tu_resp;
int tu_http_ex(int port, const char *method, const char *target,
               const char *headers, const char *body, size_t len,
               struct tu_resp *r);

/* s URL-encoded (form style: space as '+') appended to b, as Twilio and
 * Kannel send their parameters. */
struct buf;
void tu_form_enc(struct buf *b, const char *s);

/* The body of a WhatsApp Cloud API webhook carrying one text message
 * from digits (no '+') with message id, appended to b. */
void tu_wa_text_body(struct buf *b, const char *digits, const char *id,
                     const char *text);

/*
 * body (len bytes) posted to path on port as Meta posts a webhook: JSON,
 * signed with secret in X-Hub-Signature-256.  Returns the HTTP status,
 * or -1 when no answer came.
 */
int tu_wa_post(int port, const char *path, const char *secret,
               const char *body, size_t len);

/* Meta's webhook envelope (one entry, one change of the phone number
 * pnid) around items, the members of the change's value ("\"messages\":
 * [...]", "\"statuses\":[...]"), appended to b. */
void tu_wa_envelope(struct buf *b, const char *pnid, const char *items);

/*
 * A WhatsApp Cloud API text message from the number digits (no '+', as
 * Meta writes them) with message id, posted to path (/webhook/NAME) on
 * port and signed with secret, as Meta would.  Returns the HTTP status,
 * or -1 when no answer came.
 */
int tu_wa_say(int port, const char *path, const char *secret,
              const char *digits, const char *id, const char *text);

#endif
