/*
 * quality_speech.c: rule 3's reported speech and literal senses (see
 * quality_int.h): the words someone else said (quoted, after a verb of
 * saying, in a message someone else sent, or before a speaker named
 * after them), and the words near a lexicon word that show its literal
 * sense.
 */

#include "rules/quality_int.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* The [to] word after the verb at word i in its clause: right after it,
 * or after one intensifier ("bilang saja ke ..."); 0 when there is none. */
size_t
message_to(const struct ctx *cx, size_t i)
{
  size_t k = i + 1;

  if (k + 1 < cx->nm->n && !starts_clause(cx, k) && word_is(cx, WC_INTENS, k))
    k++;
  return k < cx->nm->n && k > i && !starts_clause(cx, k) &&
                 !starts_clause(cx, i + 1) && word_is(cx, WC_TO, k)
             ? k
             : 0;
}

/* Does the verb of saying at word i open its clause, or is it bidden
 * to the listener: only the one addressed (or no one) and at least one
 * word of going or asking ("Ko pi bilang", "Tolong bilang", "Kamu
 * pergi bilang") before it in its clause? */
static int
bidden(const struct ctx *cx, size_t i)
{
  static const char *const bid[] = {"pi", "pigi", "pergi", "tolong", "tlg",
                                    "mohon", "coba", NULL};
  size_t c = clause_start(cx, i), k = c;

  if (k < i && word_is(cx, WC_YOU, k))
    k++;
  while (k < i && word_in(cx, k, bid))
    k++;
  return k == i && (c == i || !word_is(cx, WC_YOU, i - 1));
}

/* "Bilang sama mandor, ...", "Omong ke camat: ...", "Bilang saja ke
 * ...", "Ko pi bilang sama ...": a bare verb of saying (not "dibilang",
 * not "katanya") that opens its clause or is bidden to the listener
 * (bidden), with a [to] word after it (message_to) and not the
 * reporter after that, is the reporter's message for someone, not
 * someone else's words. */
/* "Kades datang ke rumah malam-malam, bilang ke bapak saya: ...": does
 * the verb of saying at word i, opening a later clause of its sentence,
 * go on from a first clause of at least CLAUSE_TOLD words whose subject,
 * its first word or two, is a person other than the reporter?  That
 * person is the one saying; "Pak camat, bilang ke bupati ..." calls the
 * listener by name and is the reporter's message. */
#define CLAUSE_TOLD 3
static int
continued_by(const struct ctx *cx, size_t i)
{
  size_t s = sentence_start(cx, i), k = s + 1;

  if (clause_start(cx, i) == s)
    return 0;
  while (k < i && !starts_clause(cx, k))
    k++;
  if (k - s < CLAUSE_TOLD)
    return 0;
  return !word_is(cx, WC_SELF, s) &&
         (word_is(cx, WC_PERSON, s) || (cx->nm->w[s].flags & WORD_TITLE) ||
          (word_is(cx, WC_PERSON, s + 1) && !word_is(cx, WC_SELF, s + 1)));
}

int
message_for(const struct ctx *cx, size_t i)
{
  const char *t = cx->nm->text + cx->nm->w[i].off;
  size_t to;

  if (!bidden(cx, i) || t[0] == 'd' || owned_nya(cx, i) ||
      continued_by(cx, i))
    return 0;
  to = message_to(cx, i);
  return to > 0 && (starts_clause(cx, i) || !word_is(cx, WC_SELF, to + 1));
}

/* "orang Alor pemalas kata camat, padahal ...": "kata" (or "ujar",
 * "tutur") at word i with no comma before it, a person right after it
 * and the clause ending there or one title or person word later: a tag
 * naming who said the words before it. */
static int
closing_tag(const struct ctx *cx, size_t i)
{
  static const char *const tag[] = {"kata", "ujar", "tutur", NULL};
  size_t p = i + 1;

  if (!word_in(cx, i, tag) || p >= cx->nm->n || starts_clause(cx, p) ||
      !word_is(cx, WC_PERSON, p))
    return 0;
  if (ends_clause(cx, p))
    return 1;
  return p + 1 < cx->nm->n && !starts_clause(cx, p + 1) &&
         ends_clause(cx, p + 1) &&
         (word_is(cx, WC_PERSON, p + 1) ||
          (cx->nm->w[p + 1].flags & WORD_TITLE));
}

/* "..., kata camat", "..., begitu kata petugas", "..., itu ancaman kepala
 * dusun": a verb of saying at word i that opens a clause inside its
 * sentence (after a comma, or after "begitu"/"demikian"/"itu"/"ini" that
 * does) with the speaker, a person other than the
 * reporter, right after it, or a closing tag (closing_tag): the words
 * before it are that person's.  The first word of the sentence is
 * returned in *from. */
static int
said_after(const struct ctx *cx, size_t i, size_t *from)
{
  const struct word *w = &cx->nm->w[i];
  size_t j = i;

  if (i > 0 && !starts_clause(cx, i) &&
      (word_text_is(cx, i - 1, "begitu") ||
       word_text_is(cx, i - 1, "demikian") ||
       word_text_is(cx, i - 1, "itu") || word_text_is(cx, i - 1, "ini")))
    j = i - 1;
  if (j == 0 || starts_sentence(cx, j) ||
      (!starts_clause(cx, j) && !closing_tag(cx, i)) ||
      i + 1 >= cx->nm->n || starts_clause(cx, i + 1) ||
      !word_is(cx, WC_PERSON, i + 1) || word_is(cx, WC_SELF, i + 1) ||
      (w->flags & WORD_QUOTED) || message_for(cx, i))
    return 0;
  *from = sentence_start(cx, j);
  return 1;
}

/* Is the message at word i sent by the reporter: a [self] word before it
 * in its clause ("saya kirim SMS", "sudah saya peringatkan lewat SMS")? */
static int
sent_by_self(const struct ctx *cx, size_t i)
{
  size_t k;

  for (k = clause_start(cx, i); k < i; k++)
    if (word_is(cx, WC_SELF, k))
      return 1;
  return 0;
}

/* "Sonde usah banyak omong, ...", "jangan banyak bicara, ...": the verb
 * of saying at word i told not to be done (a [deny] or [forbid] word
 * before it, "banyak" between or not) is a call to stop talking, not
 * someone's words introduced: what follows is the reporter's own. */
static int
hushed(const struct ctx *cx, size_t i)
{
  size_t k = i;

  if (k > 0 && !starts_clause(cx, k) && word_text_is(cx, k - 1, "banyak"))
    k--;
  return k > 0 && !starts_clause(cx, k) &&
         (word_is(cx, WC_DENY, k - 1) || word_is(cx, WC_FORBID, k - 1));
}

/* "[pesan suara] ya halo pak ...", "Chat: ...", "[transkrip pesan
 * suara] ...": a [message] word at word i in the label that opens the
 * text (at most LABEL_LEAD words before it in the first clause, none of
 * them a person, the one addressed, the reporter or a verb of saying)
 * with no sender after it ("dari" within two words of its clause, or a
 * person or the one addressed right after it) names the form the
 * reporter's own words came in (a voice note transcribed), not someone
 * else's message: "SMS dari kades: ..." and "Pesan camat: ..." are. */
#define LABEL_LEAD 2
static int
medium_label(const struct ctx *cx, size_t i)
{
  size_t k;

  if (i > LABEL_LEAD)
    return 0;
  for (k = 0; k < i; k++)
    if ((k > 0 && starts_clause(cx, k)) || word_is(cx, WC_PERSON, k) ||
        word_is(cx, WC_YOU, k) || word_is(cx, WC_SELF, k) ||
        word_is(cx, WC_SAY, k))
      return 0;
  if (i > 0 && starts_clause(cx, i))
    return 0;
  for (k = i + 1; k < cx->nm->n && k <= i + 2 && !starts_clause(cx, k); k++)
    if (word_text_is(cx, k, "dari") || word_text_is(cx, k, "dr") ||
        (k == i + 1 &&
         ((word_is(cx, WC_PERSON, k) && !word_is(cx, WC_SELF, k)) ||
          word_is(cx, WC_YOU, k))))
      return 0;
  return 1;
}

/* "(pesan suara, ditulis ulang) ...", "[transkrip pesan suara, ditulis
 * apa adanya] ...": a passive verb of saying or writing at word i that
 * says how the label opening the text was put down: a [message] word
 * that names the form of the reporter's own words (medium_label) at
 * most LABEL_LEAD words before it, with none of a person, the one
 * addressed or the reporter between.  What follows is still the
 * reporter's. */
static int
label_verb(const struct ctx *cx, size_t i)
{
  size_t m, k;

  if (cx->nm->text[cx->nm->w[i].off] != 'd')
    return 0;
  for (m = i > LABEL_LEAD + 1 ? i - LABEL_LEAD - 1 : 0; m < i; m++) {
    if (!word_is(cx, WC_MESSAGE, m) || !medium_label(cx, m))
      continue;
    for (k = m + 1; k < i; k++)
      if (starts_sentence(cx, k) || word_is(cx, WC_PERSON, k) ||
          word_is(cx, WC_YOU, k) || word_is(cx, WC_SELF, k))
        return 0;
    return 1;
  }
  return 0;
}

/* "Saya takut menyebut nama ...", "kami tidak berani bilang ...": the
 * clause of the verb of saying at word i opens (past condition and
 * intent words) with the reporter's word, and no person or one addressed
 * stands between: the reporter speaks, however the verb is hedged. */
static int
self_speaker(const struct ctx *cx, size_t i)
{
  size_t k, c = clause_subject(cx, i);

  if (c >= i || !word_is(cx, WC_SELF, c))
    return 0;
  for (k = c + 1; k < i; k++)
    if (word_is(cx, WC_PERSON, k) || word_is(cx, WC_YOU, k) ||
        word_is(cx, WC_SELF, k) || word_is(cx, WC_SAY, k) ||
        word_is(cx, WC_WAIT, k) || (cx->nm->w[k].flags & WORD_QUOTED))
      return 0;
  return 1;
}

/* "Tetangga saya bilang ...", "Teman kerja kami sudah mengatakan ...":
 * the reporter's word before the verb of saying at word i (modal words
 * between) owns the noun phrase that opens its clause (past condition
 * and intent words): at most OWNER_HEAD words, the first a person, kin or
 * band word other than the reporter or the one addressed, none a stop
 * word.  The one owned speaks, not the reporter; "sudah saya bilang",
 * "jadi saya bilang" open with no such word and stay the reporter's. */
#define OWNER_HEAD 3
static int
owned_speaker(const struct ctx *cx, size_t i)
{
  size_t m = i, c, k;

  while (m > 0 && !starts_clause(cx, m) && word_is(cx, WC_MODAL, m - 1))
    m--;
  if (m < 2 || starts_clause(cx, m) || !word_is(cx, WC_SELF, m - 1))
    return 0;
  m--;
  c = clause_subject(cx, m);
  if (c >= m || m - c > OWNER_HEAD || word_is(cx, WC_SELF, c) ||
      word_is(cx, WC_YOU, c) ||
      (!word_is(cx, WC_PERSON, c) && !word_is(cx, WC_KIN, c) &&
       !word_is(cx, WC_BAND, c)))
    return 0;
  for (k = c; k < m; k++) {
    const struct word *w = &cx->nm->w[k];

    if (word_is(cx, WC_SELF, k) || word_is(cx, WC_YOU, k) ||
        word_is(cx, WC_MODAL, k) ||
        list_find(&cx->q->stop, KEY_TEXT, cx->nm->text + w->off, w->len))
      return 0;
  }
  return 1;
}

/*
 * Mark the words said by someone else: inside quotation marks (when the
 * text has words outside them: a text that is all one quote is the
 * reporter's own), after a verb of saying in the same sentence whose
 * subject is not the reporter ("saya bilang ..." is the reporter's own)
 * (the reporter's word owning the one who speaks, owned_speaker, is not
 * the reporter speaking) or a message someone else sent (sent_by_self,
 * medium_label; a label's
 * own verb, label_verb, introduces nobody's words),
 * and before one that names its speaker after the words (said_after).
 */
void
mark_reported(struct ctx *cx)
{
  const struct norm *nm = cx->nm;
  size_t i, outside = 0;
  int scope = 0;

  for (i = 0; i < nm->n; i++)
    outside += !(nm->w[i].flags & WORD_QUOTED);
  for (i = 0; i < nm->n; i++) {
    if (starts_sentence(cx, i) ||
        (word_is(cx, WC_TURN, i) && !(nm->w[i].flags & WORD_QUOTED)))
      scope = 0;   /* "dia bilang ..., padahal ...": the reporter again */
    cx->reported[i] = scope || ((nm->w[i].flags & WORD_QUOTED) &&
                                outside >= OUTSIDE_QUOTES);
    if (word_is(cx, WC_SAY, i) && !message_for(cx, i) && !hushed(cx, i) &&
        !label_verb(cx, i) &&
        (nm->text[nm->w[i].off] == 'd' || owned_speaker(cx, i) ||
         (!self_agent(cx, i) && !self_speaker(cx, i))))
      scope = 1;
    if (word_is(cx, WC_MESSAGE, i) && !sent_by_self(cx, i) &&
        !medium_label(cx, i))
      scope = 1;   /* "kades kirim SMS ke saya: ..." */
  }
  for (i = 0; i < nm->n; i++) {
    size_t k;

    if (word_is(cx, WC_SAY, i) && said_after(cx, i, &k))
      for (; k < i; k++)
        cx->reported[k] = 1;
  }
}

/* Does a word near words i..e show the literal sense of word i
 * ("bangsat" near "kasur", "babi" near "ternak")? */
int
literal_cue(const struct ctx *cx, size_t i, size_t e)
{
  const struct norm *nm = cx->nm;
  const struct word *w = &nm->w[i], *c;
  char key[2 * LANG_WORD_MAX + 2];
  size_t k, lo = i > CUE_WINDOW ? i - CUE_WINDOW : 0;

  if (w->len >= LANG_WORD_MAX)
    return 0;
  for (k = lo; k < nm->n && k <= e + CUE_WINDOW; k++) {
    if (k >= i && k <= e)
      continue;
    c = &nm->w[k];
    if (c->len >= LANG_WORD_MAX)
      continue;
    snprintf(key, sizeof(key), "%.*s %.*s", (int)w->len, nm->text + w->off,
             (int)c->len, nm->text + c->off);
    if (list_find(&cx->q->cls[WC_LITERAL], KEY_TEXT, key, strlen(key)))
      return 1;
  }
  return 0;
}
