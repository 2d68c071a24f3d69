/*
 * quality_model.c: the learned second opinion on threats (see
 * quality_model.h): its features, its file and the one place the judge
 * asks it (model_judge, at the end of quality_judge_story).
 *
 * The rules' verdict stands.  Only a text the rules find clean, with
 * nothing quoted or literal in it, is scored, and only the reporter's own
 * words (reported speech, which the rules mark, stays the rules' call,
 * and so does a clause of the reporter's own end, "saya bisa mati"):
 * it becomes a threat when the model's probability for them reaches the
 * file's threshold, or its lower 'gated' one in a text with a word of
 * violence (and, when the file asks so, the text names a person, office
 * or building outside reported speech).  The trainer reads the
 * same own words (threat_model_text).
 *
 * Features are generated, never stored: each is a kind byte and a string
 * hashed with FNV-1a into the table, so scoring a text is one pass over
 * its normal form with no allocation (a few microseconds for a long
 * report).
 */
#include "rules/quality_model.h"
#include "rules/quality_int.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/hash.h"
#include "base/lines.h"

#define MODEL_MAX_SIZE (64 * 1024 * 1024)
#define GRAM_MIN 3          /* letter n-grams of a word, edges marked */
#define GRAM_MAX 5
#define FEATURE_WORD_MAX 40 /* longer words give their n-grams only */

struct threat_model *
threat_model_new(unsigned bits)
{
  struct threat_model *m;

  if (bits < 8 || bits > THREAT_MODEL_MAX_BITS)
    return NULL;
  m = calloc(1, sizeof(*m));
  if (m == NULL)
    return NULL;
  m->w = calloc((size_t)1 << bits, sizeof(*m->w));
  if (m->w == NULL) {
    free(m);
    return NULL;
  }
  m->bits = bits;
  m->threshold = 1.0;
  return m;
}

void
threat_model_free(struct threat_model *m)
{
  if (m == NULL)
    return;
  free(m->w);
  free(m->nz);
  free(m->rank);
  free(m->val);
  free(m);
}

float
threat_model_weight(const struct threat_model *m, uint32_t i)
{
  uint64_t word, below;
  uint32_t k;

  if (m->w != NULL)
    return m->w[i];
  word = m->nz[i >> 6];
  if ((word >> (i & 63) & 1) == 0)
    return 0.0f;
  below = ((uint64_t)1 << (i & 63)) - 1;
  k = m->rank[i >> 6] + (uint32_t)__builtin_popcountll(word & below);
  return m->val[k];
}

int
threat_model_pack(struct threat_model *m)
{
  size_t size = (size_t)1 << m->bits, words = size / 64, i, k = 0;
  uint64_t *nz;
  uint32_t *rank;
  float *val;

  if (m->w == NULL)
    return 0;
  for (i = 0; i < size; i++)
    k += m->w[i] != 0.0f;
  nz = calloc(words, sizeof(*nz));
  rank = malloc(words * sizeof(*rank));
  val = malloc((k > 0 ? k : 1) * sizeof(*val));
  if (nz == NULL || rank == NULL || val == NULL) {
    free(nz);
    free(rank);
    free(val);
    return -ENOMEM;
  }
  for (i = 0, k = 0; i < size; i++) {
    if (i % 64 == 0)
      rank[i / 64] = (uint32_t)k;
    if (m->w[i] != 0.0f) {
      nz[i / 64] |= (uint64_t)1 << (i % 64);
      val[k++] = m->w[i];
    }
  }
  free(m->w);
  m->w = NULL;
  m->nz = nz;
  m->rank = rank;
  m->val = val;
  return 0;
}

/* ----------------------------------------------------------- features */

/* Where the features of a text go: indices into idx (up to cap), or
 * weights summed into sum; n counts them all. */
struct sink {
  const struct threat_model *m;
  uint32_t *idx;
  size_t cap, n;
  double sum;
};

/* The feature of hash h. */
static void
emit_hash(struct sink *s, uint64_t h)
{
  uint32_t i = (uint32_t)(h & (((uint64_t)1 << s->m->bits) - 1));

  if (s->idx != NULL && s->n < s->cap)
    s->idx[s->n] = i;
  if (s->idx == NULL)
    s->sum += threat_model_weight(s->m, i);
  s->n++;
}

/* The feature of kind and a[0..alen), or of kind and the two words a and
 * b[0..blen) when b is not NULL. */
static void
emit(struct sink *s, char kind, const char *a, size_t alen, const char *b,
     size_t blen)
{
  uint64_t h = hash_fnv1a(HASH_FNV_OFFSET, &kind, 1);

  h = hash_fnv1a(h, a, alen);
  if (b != NULL) {
    h = hash_fnv1a(h, " ", 1);
    h = hash_fnv1a(h, b, blen);
  }
  emit_hash(s, h);
}

static int
is_vowel(char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The features of one word w[0..n): the word, its consonant skeleton
 * (SMS writes "bkr" for "bakar", "hbisi" for "habisi") and its letter
 * n-grams with ^ and $ at its edges. */
static void
word_features(struct sink *s, const char *w, size_t n)
{
  char ed[FEATURE_WORD_MAX + 2], sk[FEATURE_WORD_MAX];
  size_t i, k, g, e;
  uint64_t h;

  if (n <= FEATURE_WORD_MAX) {
    emit(s, 'w', w, n, NULL, 0);
    for (i = 0, k = 0; i < n; i++)
      if (!is_vowel(w[i]) && (k == 0 || sk[k - 1] != w[i]))
        sk[k++] = w[i];
    if (k >= 2)
      emit(s, 'k', sk, k, NULL, 0);
  }
  e = n <= FEATURE_WORD_MAX ? n : FEATURE_WORD_MAX;
  ed[0] = '^';
  memcpy(ed + 1, w, e);
  ed[e + 1] = '$';
  /* The n-grams from one place share their hash's prefix. */
  for (i = 0; i + GRAM_MIN <= e + 2; i++) {
    h = hash_fnv1a(hash_fnv1a(HASH_FNV_OFFSET, "c", 1), ed + i, GRAM_MIN - 1);
    for (g = GRAM_MIN; g <= GRAM_MAX && i + g <= e + 2; g++) {
      h = hash_fnv1a(h, ed + i + g - 1, 1);
      emit_hash(s, h);
    }
  }
}

static void
text_features(struct sink *s, const char *norm, size_t len)
{
  const char *p = norm, *end = norm + len, *q, *prev = NULL;
  size_t plen = 0;

  while (p < end) {
    while (p < end && (*p == ' ' || *p == '\n'))
      p++;
    if (p == end)
      break;
    for (q = p; q < end && *q != ' ' && *q != '\n'; q++)
      ;
    word_features(s, p, (size_t)(q - p));
    if (prev != NULL)
      emit(s, 'b', prev, plen, p, (size_t)(q - p));
    prev = p;
    plen = (size_t)(q - p);
    p = q;
  }
}

size_t
threat_model_features(const struct threat_model *m, const char *norm,
                      size_t len, uint32_t *idx, size_t cap)
{
  struct sink s = {m, idx, cap, 0, 0.0};

  text_features(&s, norm, len);
  return s.n;
}

double
threat_model_score(const struct threat_model *m, const char *norm,
                   size_t len)
{
  struct sink s = {m, NULL, 0, 0, 0.0};
  double z;

  text_features(&s, norm, len);
  z = m->bias + (s.n > 0 ? s.sum / sqrt((double)s.n) : 0.0);
  return 1.0 / (1.0 + exp(-z));
}

/* The start of the word after the one at p (or end). */
static const char *
next_word(const char *p, const char *end)
{
  while (p < end && *p != ' ')
    p++;
  while (p < end && *p == ' ')
    p++;
  return p;
}

/* The highest score of the stretches of m->window words (half a window
 * apart) of the sentence s[0..n), or of all of it when it is shorter. */
static double
sentence_score(const struct threat_model *m, const char *s, size_t n)
{
  const char *end = s + n, *a = s, *b, *half;
  double best = 0.0, v;
  unsigned k;

  for (;;) {
    for (b = a, half = a, k = 0; b < end && k < m->window; k++) {
      b = next_word(b, end);
      if (k + 1 == (m->window + 1) / 2)
        half = b;
    }
    v = threat_model_score(m, a, (size_t)(b - a));
    if (v > best)
      best = v;
    if (b >= end || half <= a)
      return best;
    a = half;
  }
}

double
threat_model_judge_score(const struct threat_model *m, const char *norm,
                         size_t len)
{
  const char *p = norm, *end = norm + len, *e;
  double best = 0.0, v;

  if (m->window == 0)
    return threat_model_score(m, norm, len);
  while (p < end) {
    e = memchr(p, '\n', (size_t)(end - p));
    if (e == NULL)
      e = end;
    v = sentence_score(m, p, (size_t)(e - p));
    if (v > best)
      best = v;
    p = e + 1;
  }
  return best;
}

/* --------------------------------------------------------------- file */

/* Read "NAME VALUE" into *v; 1 when line p[0..n) is one. */
static int
header_value(const char *p, size_t n, const char *name, double *v)
{
  size_t k = strlen(name);
  char tmp[64], *end;

  if (n <= k || n - k >= sizeof(tmp) || memcmp(p, name, k) != 0 ||
      p[k] != ' ')
    return 0;
  memcpy(tmp, p + k + 1, n - k - 1);
  tmp[n - k - 1] = '\0';
  *v = strtod(tmp, &end);
  return end != tmp && *end == '\0';
}

int
threat_model_load(const char *path, struct threat_model **out,
                  struct diag *diag)
{
  struct threat_model *m = NULL;
  struct lines ls;
  const char *p;
  char tmp[64], *end;
  size_t n;
  double v, bias = 0.0, threshold = 1.0, target = 0.0, gate = 0.0;
  double window = 0.0, gated = 0.0;
  unsigned long idx;
  int rc, errors = diag != NULL ? diag->errors : 0, seen = 0;
  float wt;

  *out = NULL;
  rc = lines_open(&ls, path, MODEL_MAX_SIZE,
                  LINES_CHECK | LINES_COMMENT_LINE | LINES_TRIM |
                  LINES_SKIP_BLANK, diag);
  while (rc == 0 && lines_next(&ls, &p, &n)) {
    if (ls.bad)
      continue;
    if (!seen) {
      if (!header_value(p, n, "threat-model", &v) || v != 1.0) {
        diag_error(diag, path, ls.lineno,
                   "not a threat model: 'threat-model 1' expected first");
        rc = AERR_CONFIG;
        break;
      }
      seen = 1;
    } else if (m == NULL) {
      if (!header_value(p, n, "bits", &v) || v < 8 ||
          v > THREAT_MODEL_MAX_BITS || v != (unsigned)v) {
        diag_error(diag, path, ls.lineno, "'bits N' (8..%d) expected",
                   THREAT_MODEL_MAX_BITS);
        rc = AERR_CONFIG;
        break;
      }
      m = threat_model_new((unsigned)v);
      if (m == NULL)
        rc = -ENOMEM;
    } else if (header_value(p, n, "bias", &v)) {
      bias = v;
    } else if (header_value(p, n, "threshold", &v) && v > 0 && v <= 1) {
      threshold = v;
    } else if (header_value(p, n, "target", &v) && (v == 0 || v == 1)) {
      target = v;
    } else if (header_value(p, n, "gate", &v) && (v == 0 || v == 1)) {
      gate = v;
    } else if (header_value(p, n, "gated", &v) && v >= 0 && v <= 1) {
      gated = v;
    } else if (header_value(p, n, "window", &v) && v >= 0 &&
               v <= THREAT_MODEL_MAX_WINDOW && v == (unsigned)v) {
      window = v;
    } else {
      if (n >= sizeof(tmp))
        n = sizeof(tmp) - 1;
      memcpy(tmp, p, n);
      tmp[n] = '\0';
      errno = 0;
      idx = strtoul(tmp, &end, 10);
      wt = end != tmp && *end == ' ' ? strtof(end + 1, &end) : 0.0f;
      if (errno != 0 || *end != '\0' || end == tmp ||
          idx >= (1ul << m->bits) || !isfinite(wt)) {
        diag_error(diag, path, ls.lineno,
                   "'INDEX WEIGHT' (index below 2^%u) expected", m->bits);
        continue;
      }
      m->w[idx] = wt;
    }
  }
  lines_close(&ls);
  if (rc == 0 && m == NULL) {
    diag_error(diag, path, ls.lineno, "no 'bits' line: not a model");
    rc = AERR_CONFIG;
  }
  if (rc == 0 && diag != NULL && diag->errors > errors)
    rc = AERR_CONFIG;
  if (rc == 0)
    rc = threat_model_pack(m);
  if (rc != 0) {
    threat_model_free(m);
    return rc;
  }
  m->bias = bias;
  m->threshold = threshold;
  m->target = target == 1.0;
  m->gate = gate == 1.0;
  m->gated = gated;
  m->window = (unsigned)window;
  *out = m;
  return 0;
}

/* -------------------------------------------------------------- judge */

/* Does the text name a person, office or building outside reported
 * speech? */
int
names_target(const struct ctx *cx)
{
  size_t i;

  for (i = 0; i < cx->nm->n; i++)
    if (!cx->reported[i] &&
        (word_is(cx, WC_PERSON, i) || word_is(cx, WC_TARGET, i)))
      return 1;
  return 0;
}

/* The classes of words of violence: a threat of violence names the
 * harm (bunuh, bakar, tikam), the weapon (parang, bom), the end it
 * wishes (mati, hancur, terbakar), a poison or a fuel to burn with. */
static const enum word_class violence[] = {
  WC_HARM, WC_WEAPON, WC_OUTCOME, WC_POISON, WC_DOUSE,
};

/* Is word i a word of violence: as the rules read a class's word
 * (word_is: squeezed, a suffix off), with a verb prefix off ("kubunuh",
 * "dibakar") or written without its vowels ("bkr", "hbsi")? */
static int
violent_word(const struct ctx *cx, size_t i)
{
  static const char *const prefixes[] = {"ku", "di", "ter", "me"};
  size_t c, k;

  for (c = 0; c < sizeof(violence) / sizeof(violence[0]); c++) {
    if (word_is(cx, violence[c], i) ||
        sms_form(cx, &cx->q->cls[violence[c]], i))
      return 1;
    for (k = 0; k < sizeof(prefixes) / sizeof(prefixes[0]); k++)
      if (prefixed(cx, violence[c], i, prefixes[k]))
        return 1;
  }
  return 0;
}

/* "beta takut dong bakar beta pung rumah", "kami khawatir petugas datang
 * pukul kami": is word i in the sentence of the reporter's fear, a word
 * of fear before it (not denied: "saya tidak takut") with the reporter's
 * word at most FEAR_SELF words before that?  The violence is what the
 * reporter fears, not what they promise. */
#define FEAR_SELF 3
static int
feared(const struct ctx *cx, size_t i)
{
  static const char *const fear[] = {"takut", "tkt", "khawatir", "kuatir",
                                     "cemas", "ngeri", "trauma", NULL};
  size_t a = sentence_start(cx, i), k, m;

  for (k = i; k > a;) {
    k--;
    if (!word_in(cx, k, fear) || (k > a && word_is(cx, WC_NOT, k - 1)))
      continue;
    for (m = k; m > a && k - m < FEAR_SELF;) {
      m--;
      if (word_is(cx, WC_SELF, m))
        return 1;
    }
  }
  return 0;
}

/* "saya bisa mati berdiri", "kami semua bisa mati kelaparan", "beta
 * hampir mati": is word i an end wished ([outcome], as written: not
 * "matikan") whose subject is the reporter, a [self] word opening its
 * clause (past a condition) with only modal, "can", intensifier words or
 * "hampir"/"nyaris" between?  The reporter's own death or ruin, like
 * their fear, is not what they promise; "kau mati", "dia mati" are. */
static int
own_end(const struct ctx *cx, size_t i)
{
  static const char *const almost[] = {"hampir", "hamper", "nyaris", NULL};
  const struct word *w = &cx->nm->w[i];
  size_t k;

  if (i == 0 || starts_clause(cx, i) ||
      list_find(&cx->q->cls[WC_OUTCOME], KEY_TEXT, cx->nm->text + w->off,
                w->len) == NULL)
    return 0;
  for (k = i - 1; k > 0 && !starts_clause(cx, k) &&
                  (word_is(cx, WC_MODAL, k) || word_is(cx, WC_CAN, k) ||
                   word_is(cx, WC_INTENS, k) || word_in(cx, k, almost));
       k--)
    ;
  return word_is(cx, WC_SELF, k) && clause_subject(cx, k) == k;
}

/* Does the text hold a word of violence outside reported speech, outside
 * the reporter's fear (feared), not the reporter's own end (own_end) and
 * not work (work_word: a parang carried to the garden, "babat rumput",
 * "kayu bakar")? */
int
names_violence(const struct ctx *cx)
{
  size_t i;

  for (i = 0; i < cx->nm->n; i++)
    if (!cx->reported[i] && violent_word(cx, i) && !feared(cx, i) &&
        !own_end(cx, i) && !work_word(cx, i))
      return 1;
  return 0;
}

/* Does the clause of word i tell the reporter's own end (own_end: "saya
 * bisa mati berdiri")?  Its words, like reported speech, are not the
 * reporter's menace: the model reads the rest ("..., kades itu tunggu
 * saja malam ini" still). */
static int
in_own_end(const struct ctx *cx, size_t i)
{
  size_t k;

  for (k = clause_start(cx, i);
       k < cx->nm->n && (k <= i || !starts_clause(cx, k)); k++)
    if (own_end(cx, k))
      return 1;
  return 0;
}

int
own_words(const struct ctx *cx, struct buf *out)
{
  const struct word *w;
  size_t i;
  int rc = 0;

  for (i = 0; rc == 0 && i < cx->nm->n; i++) {
    if (cx->reported[i] || in_own_end(cx, i))
      continue;
    w = &cx->nm->w[i];
    if (out->len > 0)
      rc = buf_append(out, starts_sentence(cx, i) ? "\n" : " ", 1);
    if (rc == 0)
      rc = buf_append(out, cx->nm->text + w->off, w->len);
  }
  return rc;
}

int
model_judge(struct ctx *cx)
{
  const struct threat_model *m = cx->q->model;
  struct buf own;
  double p;
  int rc, violent;

  if (m == NULL || cx->j->verdict != QUALITY_CLEAN || cx->j->marks != 0)
    return 0;
  if (m->target && !names_target(cx))
    return 0;
  violent = (m->gate || m->gated > 0) && names_violence(cx);
  if (m->gate && !violent)
    return 0;
  buf_init(&own, 0);
  rc = own_words(cx, &own);
  if (rc == 0 && own.len > 0) {
    p = threat_model_judge_score(m, own.data, own.len);
    if (p >= m->threshold || (violent && m->gated > 0 && p >= m->gated)) {
      cx->j->verdict = QUALITY_THREAT;
      cx->j->term = "threat-model";
    }
  }
  buf_free(&own);
  return rc;
}
