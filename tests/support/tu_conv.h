/*
 * tu_conv.h: talking to the daemon as a citizen, for the conversation
 * tests, and recognising its replies by catalogue key rather than by
 * copying texts that admins may change.
 */
#ifndef ADUAN_TU_CONV_H
#define ADUAN_TU_CONV_H

#include "tu_daemon.h"

struct tu_replies {
  int status;           /* HTTP status */
  char **v;             /* reply texts */
  int n;
};

/* Post text from number through the dev channel; id may be NULL.  Returns
 * 0 when an HTTP answer came (any status), -1 otherwise. */
int tu_say(struct tu_daemon *d, const char *from, const char *text,
           const char *id, struct tu_replies *r);

/* Send text from number (as given) to the kannel channel NAME with
 * secret, by GET as Kannel's get-url does; the replies are the outbox
 * rows the message caused, in order (SMS channels do not answer inline).
 * Returns 0, or -1 when the daemon did not answer 200. */
int tu_ks_say(struct tu_daemon *d, const char *channel, const char *secret,
              const char *from, const char *text, struct tu_replies *r);

/* Same, with a raw JSON body. */
int tu_say_json(struct tu_daemon *d, const char *json, struct tu_replies *r);

void tu_replies_free(struct tu_replies *r);

/* The long catalogue text of key from config/messages.id.conf, up to its
 * first placeholder (a constant string owned by this module). */
const char *tu_text(const char *key);

/* 1 when reply i is the text of key (compared up to its first
 * placeholder). */
int tu_is(const struct tu_replies *r, int i, const char *key);

/* The same against key's .sms form (the long text when it has none), for
 * replies on SMS channels. */
int tu_is_sms(const struct tu_replies *r, int i, const char *key);

/* s as a JSON string literal without its quotes (allocated), to find a
 * text inside a raw JSON body. */
char *tu_json_str(const char *s);

/* 1 when some reply contains needle. */
int tu_has(const struct tu_replies *r, const char *needle);

/* Say text from number and return the first of keys (NULL-terminated)
 * whose text a reply is, looking at the last reply first, then back to
 * the first (NULL when none is); the last reply is copied into out (len
 * bytes) to print a miss.  Fails the test when the daemon does not answer
 * 200 with a reply. */
const char *tu_say_key(struct tu_daemon *d, const char *from,
                       const char *text, const char *const *keys, char *out,
                       size_t len);

/* Answer a step as a reporter who means the answer: text again when
 * asked again, "1" when offered numbered places (lokasi.pilih), at most
 * three times.  Returns whichever of next[0] and next[1] ended the step,
 * or NULL (still asked); out as for tu_say_key(). */
const char *tu_answer_step(struct tu_daemon *d, const char *from,
                           const char *text, const char *const next[2],
                           char *out, size_t len);

/* A kronologi of its own for reporter i (about 30 words), so that no two
 * reporters' stories count as duplicates of each other. */
void tu_story(int i, char *out, size_t len);

struct config;
struct conv;

/* A conversation engine on cfg with the shipped catalogue, word lists,
 * places, holidays and threat model of config/ (cfg's paths are pointed
 * at them; aborts the test when the engine does not load).  The caller
 * frees *cv. */
void tu_conv_new(struct conv **cv, struct config *cfg);

/* Say text and require that the last reply is key's text; a failing
 * check names the text sent and what came back. */
#define tu_expect(d, from, text, key)                                      \
  do {                                                                     \
    struct tu_replies r_;                                                  \
    ck_assert_int_eq(tu_say((d), (from), (text), NULL, &r_), 0);           \
    ck_assert_int_eq(r_.status, 200);                                      \
    ck_assert_msg(r_.n > 0 && tu_is(&r_, r_.n - 1, (key)),                 \
                  "after '%s' expected %s, got '%s'", (text), (key),       \
                  r_.n > 0 ? r_.v[r_.n - 1] : "(no reply)");               \
    tu_replies_free(&r_);                                                  \
  } while (0)

#endif
