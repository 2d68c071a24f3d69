/*
 * quality.c: report-quality rules 2 and 3 (see quality.h): the three word
 * lists, the normal form of a text, the abuse filter's entry point and
 * the language check.  What the abuse filter reads in a text's context
 * is in the files beside it (quality_int.h): the clause machinery
 * (quality_ctx.c), reported speech and literal senses (quality_speech.c),
 * insults (quality_insult.c), threats (quality_threat.c) and SARA
 * (quality_sara.c).
 *
 * A text is normalised in three steps.  Each character is first folded
 * into a unit: one lower-case ASCII letter, digit or look-alike symbol
 * (@ $ !) with flags for "was upper case" and "was written another way"
 * (accented, full-width, next to an invisible character), or a break.
 * Runs of units between breaks are tokens; three or more tokens of one
 * unit each in a row are joined into one word.  Each word then has its
 * digits and symbols read as letters (when it holds a letter) and its
 * letters repeated three times or more squeezed, and is appended to the
 * normal form, words separated by one space.  A second copy of the words
 * with every doubled letter squeezed is kept beside it, so that "tollol"
 * finds "tolol" while "saat" stays "saat" for the first lookup.
 *
 * Matching first marks the words that an allow-list entry covers, then
 * looks at each word for the longest lexicon entry starting there: as
 * written, with doubled letters squeezed, and with a suffix off its last
 * word.  Phrases are tried only from a word that starts some phrase.  A
 * "~" entry (an ordinary word too) counts only with a disguise in the
 * words it matched.
 *
 * Because the words sit in one buffer separated by single spaces, the
 * words i..j of a text are one substring: a phrase is looked up with no
 * copy.  Lists are hash sets (open addressing, FNV-1a) over entries kept
 * in file order, so a 4000-character text costs a few thousand lookups
 * at most, well under a millisecond.
 */
#include "rules/quality.h"
#include "rules/quality_int.h"
#include "rules/quality_model.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "base/hash.h"
#include "base/lines.h"
#include "base/utf8.h"

#define LIST_MAX_SIZE (1024 * 1024)
#define CAPS_MIN_LETTERS 20
#define CAPS_PERCENT 80

/* Suffixes taken off the last word of a span when the whole word is not
 * found: possessives and particles that leave the insult intact. */
const char *const suffixes[] = {"nya", "lah", "kah", "mu", "ku"};
const size_t nsuffixes = sizeof(suffixes) / sizeof(suffixes[0]);

/* ------------------------------------------------------------ folding */

#define UNIT_UPPER 1u   /* written in upper case */
#define UNIT_FOLDED 2u  /* written with a non-ASCII character, or beside an
                           invisible one */
#define UNIT_QUOTED 4u  /* inside quotation marks */
#define UNIT_STOP 8u    /* a break that ends a sentence: . ? ! ; or a line */
#define UNIT_COMMA 16u  /* a break within a sentence: , or : */
#define UNIT_EXCL 32u   /* a break with an exclamation mark */
#define UNIT_HYPHEN 128u /* a break with a hyphen (never a word flag) */

#define MASK '*'        /* the unit of a symbol that hides a letter */

/* Latin-1 letters U+00C0..U+00FF as ASCII; NULL for × and ÷. */
static const char *const latin1[64] = {
  "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
  "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL,
  "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a",
  "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
  "d", "n", "o", "o", "o", "o", "o", NULL, "o", "u", "u", "u",
  "u", "y", "th", "y",
};

/* Greek and Cyrillic letters that look like Latin ones. */
struct lookalike {
  uint32_t cp;
  char ch;
  unsigned char upper;
};

static const struct lookalike lookalikes[] = {
  {0x0391, 'a', 1}, {0x0392, 'b', 1}, {0x0395, 'e', 1}, {0x0396, 'z', 1},
  {0x0397, 'h', 1}, {0x0399, 'i', 1}, {0x039A, 'k', 1}, {0x039C, 'm', 1},
  {0x039D, 'n', 1}, {0x039F, 'o', 1}, {0x03A1, 'p', 1}, {0x03A4, 't', 1},
  {0x03A5, 'y', 1}, {0x03A7, 'x', 1}, {0x03B9, 'i', 0}, {0x03BF, 'o', 0},
  {0x0405, 's', 1}, {0x0406, 'i', 1}, {0x0408, 'j', 1}, {0x0410, 'a', 1},
  {0x0412, 'b', 1}, {0x0415, 'e', 1}, {0x041A, 'k', 1}, {0x041C, 'm', 1},
  {0x041D, 'h', 1}, {0x041E, 'o', 1}, {0x0420, 'p', 1}, {0x0421, 'c', 1},
  {0x0422, 't', 1}, {0x0423, 'y', 1}, {0x0425, 'x', 1}, {0x0430, 'a', 0},
  {0x0435, 'e', 0}, {0x043A, 'k', 0}, {0x043E, 'o', 0}, {0x0440, 'p', 0},
  {0x0441, 'c', 0}, {0x0443, 'y', 0}, {0x0445, 'x', 0}, {0x0455, 's', 0},
  {0x0456, 'i', 0}, {0x0458, 'j', 0},
};

/* Characters that show nothing: soft hyphen, combining marks, zero-width
 * characters and joiners, direction marks, variation selectors, BOM. */
static int
is_invisible(uint32_t cp)
{
  return cp == 0x00AD || (cp >= 0x0300 && cp <= 0x036F) ||
         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
}

int
is_letter(char c)
{
  return c >= 'a' && c <= 'z';
}

int
is_digit(char c)
{
  return c >= '0' && c <= '9';
}

/*
 * Fold one code point.  Returns -1 for an invisible character, 0 for a
 * break, else the number of characters (1 or 2) written to out: a
 * lower-case letter, a digit, one of @ $ !, or MASK for * # % (a letter
 * hidden, when it stands inside a word).  *flags gets UNIT_UPPER
 * and UNIT_FOLDED as they apply.
 */
static int
fold_cp(uint32_t cp, char out[2], unsigned *flags)
{
  const char *s;
  size_t i;

  *flags = 0;
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') {
      out[0] = (char)(cp - 'A' + 'a');
      *flags = UNIT_UPPER;
      return 1;
    }
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '@' ||
        cp == '$' || cp == '!') {
      out[0] = (char)cp;
      return 1;
    }
    if (cp == '*' || cp == '#' || cp == '%') {
      out[0] = MASK;
      return 1;
    }
    return 0;
  }
  if (is_invisible(cp))
    return -1;
  *flags = UNIT_FOLDED;
  if (cp >= 0xC0 && cp <= 0xFF) {
    s = latin1[cp - 0xC0];
    if (s == NULL)
      return 0;
    if (cp <= 0xDE)
      *flags |= UNIT_UPPER;
    out[0] = s[0];
    if (s[1] == '\0')
      return 1;
    out[1] = s[1];
    return 2;
  }
  if (cp >= 0xFF21 && cp <= 0xFF3A) {
    out[0] = (char)(cp - 0xFF21 + 'a');
    *flags |= UNIT_UPPER;
    return 1;
  }
  if (cp >= 0xFF41 && cp <= 0xFF5A) {
    out[0] = (char)(cp - 0xFF41 + 'a');
    return 1;
  }
  if (cp >= 0xFF10 && cp <= 0xFF19) {
    out[0] = (char)(cp - 0xFF10 + '0');
    return 1;
  }
  if (cp == 0xFF01 || cp == 0xFF04 || cp == 0xFF20) {
    out[0] = cp == 0xFF01 ? '!' : cp == 0xFF04 ? '$' : '@';
    return 1;
  }
  if (cp >= 0x0391 && cp <= 0x0458) {
    for (i = 0; i < sizeof(lookalikes) / sizeof(lookalikes[0]); i++) {
      if (lookalikes[i].cp == cp) {
        out[0] = lookalikes[i].ch;
        if (lookalikes[i].upper)
          *flags |= UNIT_UPPER;
        return 1;
      }
    }
  }
  *flags = 0;
  return 0;
}

/* The code point at text[*i..len), moving *i past it; a byte that does
 * not start well-formed UTF-8 is U+FFFD on its own. */
static uint32_t
next_cp(const char *text, size_t len, size_t *i)
{
  uint32_t cp;
  int n;

  if ((unsigned char)text[*i] < 0x80)
    return (unsigned char)text[(*i)++];
  n = utf8_decode(text + *i, len - *i, &cp);
  *i += n > 0 ? (size_t)n : 1;
  return n > 0 ? cp : UTF8_REPLACEMENT;
}

/* The letter a digit or symbol stands for inside a word; other
 * characters stand for themselves. */
static char
swap_char(char c)
{
  switch (c) {
  case '0': return 'o';
  case '1': return 'i';
  case '3': return 'e';
  case '4': return 'a';
  case '5': return 's';
  case '7': return 't';
  case '8': return 'b';
  case '9': return 'g';
  case '@': return 'a';
  case '$': return 's';
  case '!': return 'i';
  default: return c;
  }
}

static int mask_resolve(const struct quality *q, struct unit *u, size_t n);
static int join_split(struct norm *nm, int hyphen);

static void
norm_init(struct norm *nm)
{
  memset(nm, 0, sizeof(*nm));
}

static void
norm_free(struct norm *nm)
{
  free(nm->text);
  free(nm->sq);
  free(nm->tmp);
  free(nm->w);
  free(nm->units);
  free(nm->joined);
  memset(nm, 0, sizeof(*nm));
}

/* The family of a quotation mark: 1 double ("), 2 single ('), 0 not a
 * quotation mark.  Phones type straight, curly and angle quotes alike. */
static int
quote_family(uint32_t cp)
{
  if (cp == '"' || (cp >= 0x201C && cp <= 0x201F) || cp == 0xAB ||
      cp == 0xBB)
    return 1;
  if (cp == '\'' || cp == '`' || cp == 0xB4 ||
      (cp >= 0x2018 && cp <= 0x201B) || cp == 0x2039 || cp == 0x203A)
    return 2;
  return 0;
}

/* The break flags (UNIT_STOP, UNIT_COMMA) of a character that separates
 * words. */
static unsigned
break_flags(uint32_t cp)
{
  if (cp == '.' || cp == '?' || cp == ';' || cp == '\n' || cp == '\r' ||
      cp == 0x2026)
    return UNIT_STOP;
  if (cp == ',' || cp == ':')
    return UNIT_COMMA;
  if (cp == '-' || (cp >= 0x2010 && cp <= 0x2013))
    return UNIT_HYPHEN;
  return 0;
}

/* Quotation marks open and close in pairs of one family, two deep
 * ("dia bilang 'anjing'" inside double quotes). */
struct quotes {
  int family[2];
  int depth;
};

/* A quotation mark of family fam: closes the innermost quote of that
 * family, or opens one. */
static void
quote_mark(struct quotes *qs, int fam)
{
  if (qs->depth > 0 && qs->family[qs->depth - 1] == fam)
    qs->depth--;
  else if (qs->depth < 2)
    qs->family[qs->depth++] = fam;
}

/* Add a break with flags bf after the units so far (none at the start;
 * one break for a run of separators, with all their flags). */
static void
add_break(struct unit *u, size_t *n, unsigned bf)
{
  if (*n > 0 && u[*n - 1].ch == ' ')
    u[*n - 1].flags |= (unsigned char)bf;
  else if (*n > 0)
    u[(*n)++] = (struct unit){' ', (unsigned char)bf};
}

static int
is_alnum(char c)
{
  return is_letter(c) || is_digit(c);
}

/*
 * A run of MASK units hides letters only inside a word: a letter or digit
 * on both sides, a letter on one at least (g*blok, a****g, b4*i).  Any
 * other run is punctuation and becomes a break: emphasis (*tidak*), a
 * masked name (B***), arithmetic (50rb * 3, 5*3), a number sign.
 */
static void
unmask_edges(struct unit *u, size_t n)
{
  size_t k, m;

  for (k = 0; k < n; k = m) {
    for (m = k + 1; u[k].ch == MASK && m < n && u[m].ch == MASK; m++)
      ;
    if (u[k].ch != MASK)
      continue;
    if (k > 0 && m < n && is_alnum(u[k - 1].ch) && is_alnum(u[m].ch) &&
        (is_letter(u[k - 1].ch) || is_letter(u[m].ch)))
      continue;
    for (; k < m; k++)
      u[k] = (struct unit){' ', 0};
  }
}

/*
 * Fold text[0..len) into nm->units: one unit per letter, digit or
 * symbol, one ' ' for each run of anything else, carrying what the run
 * held (end of sentence, comma, exclamation mark).  An invisible
 * character marks the units on both sides of it as folded.  A '!' that
 * is not between two letters or digits is punctuation and becomes a
 * break.  Letters inside quotation marks are marked; an apostrophe
 * between letters (Jum'at, ho'o) is no quotation mark.
 */
static int
norm_fold(struct norm *nm, const char *text, size_t len)
{
  size_t i = 0, n = 0, k, peek;
  unsigned flags, pending = 0, inq;
  struct quotes qs = {{0, 0}, 0};
  uint32_t cp;
  char out[2], nx[2];
  int got, j, fam;
  struct unit *u;

  /* Each byte yields at most one unit: a letter folding to two (ß, æ,
   * þ) takes two bytes. */
  if (len > ((size_t)-1) / 4 - 2)
    return -ENOMEM;
  u = malloc((len + 1) * sizeof(*u));
  nm->units = u;
  nm->joined = malloc((len + 1) * sizeof(*nm->joined));
  nm->text = malloc(2 * len + 2);
  nm->sq = malloc(2 * len + 2);
  nm->tmp = malloc(len + 1);
  if (u == NULL || nm->joined == NULL || nm->text == NULL ||
      nm->sq == NULL || nm->tmp == NULL)
    return -ENOMEM;
  nm->text[0] = '\0';
  nm->sq[0] = '\0';
  while (i < len) {
    cp = next_cp(text, len, &i);
    got = fold_cp(cp, out, &flags);
    if (got < 0) {
      if (n > 0 && u[n - 1].ch != ' ')
        u[n - 1].flags |= UNIT_FOLDED;
      pending = UNIT_FOLDED;
      continue;
    }
    if (got == 0) {
      fam = quote_family(cp);
      if (fam == 2 && n > 0 && is_letter(u[n - 1].ch) && i < len) {
        peek = i;
        if (fold_cp(next_cp(text, len, &peek), nx, &flags) > 0 &&
            is_letter(nx[0]))
          fam = 0;  /* an apostrophe */
      }
      if (fam != 0)
        quote_mark(&qs, fam);
      add_break(u, &n, break_flags(cp));
      pending = 0;
      continue;
    }
    inq = qs.depth > 0 ? UNIT_QUOTED : 0;
    for (j = 0; j < got; j++) {
      u[n++] = (struct unit){out[j], (unsigned char)(flags | pending | inq)};
      if (is_letter(out[j])) {
        nm->letters++;
        if (flags & UNIT_UPPER)
          nm->upper++;
      }
    }
    pending = 0;
  }
  for (k = 0; k < n; k++) {
    if (u[k].ch != '!')
      continue;
    if (k == 0 || k + 1 == n ||
        !(is_letter(u[k - 1].ch) || is_digit(u[k - 1].ch)) ||
        !(is_letter(u[k + 1].ch) || is_digit(u[k + 1].ch)))
      u[k] = (struct unit){' ', UNIT_STOP | UNIT_EXCL};
  }
  unmask_edges(u, n);
  nm->nunits = n;
  return 0;
}

/* Does the word u[0..n) hide a letter? */
static int
has_mask(const struct unit *u, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    if (u[i].ch == MASK)
      return 1;
  return 0;
}

/*
 * Add the word made of units u[0..n) to the normal form: digits and
 * symbols read as letters when the word has a letter (else only its
 * digits kept), a final reduplication '2' dropped, runs of three or more
 * of a letter squeezed.  flags starts as what the caller knows (joined
 * from single letters).  A word that ends up empty is not added.
 */
static int emit_masked(struct norm *nm, struct unit *u, size_t n,
                       unsigned flags);

static int
emit_word(struct norm *nm, struct unit *u, size_t n, unsigned flags)
{
  size_t i, j, run, nletters = 0, nupper = 0, len = 0, start, sstart;
  struct word *w;
  char c, m;

  if (has_mask(u, n))
    return emit_masked(nm, u, n, flags);

  for (i = 0; i < n; i++) {
    if (is_letter(u[i].ch)) {
      nletters++;
      if (u[i].flags & UNIT_UPPER)
        nupper++;
    }
    if (u[i].flags & UNIT_FOLDED)
      flags |= WORD_DISGUISED;
    if (u[i].flags & UNIT_QUOTED)
      flags |= WORD_QUOTED;
  }
  if (nletters > 0 && n >= 2 && u[n - 1].ch == '2' && is_letter(u[n - 2].ch)) {
    n--;
    flags |= WORD_DOUBLED;
  }
  for (i = 0; i < n; i++) {
    c = u[i].ch;
    if (nletters > 0) {
      m = swap_char(c);
      if (m != c)
        flags |= WORD_DISGUISED;
      nm->tmp[len++] = m;
    } else if (is_digit(c)) {
      nm->tmp[len++] = c;
    }
  }
  if (len == 0)
    return 0;
  if (nletters >= 2 && nupper == nletters)
    flags |= WORD_CAPS;
  else if ((u[0].flags & UNIT_UPPER) && is_letter(u[0].ch))
    flags |= WORD_TITLE;
  if (nm->n == nm->cap) {
    w = realloc(nm->w, (nm->cap ? nm->cap * 2 : 32) * sizeof(*w));
    if (w == NULL)
      return -ENOMEM;
    nm->w = w;
    nm->cap = nm->cap ? nm->cap * 2 : 32;
  }
  if (nm->n > 0) {
    nm->text[nm->tlen++] = ' ';
    nm->sq[nm->slen++] = ' ';
  }
  start = nm->tlen;
  sstart = nm->slen;
  for (i = 0; i < len; i = j) {
    c = nm->tmp[i];
    for (j = i + 1; j < len && nm->tmp[j] == c; j++)
      ;
    run = j - i;
    if (is_letter(c) && run >= 3) {
      flags |= WORD_DISGUISED;
      run = 1;
    }
    memset(nm->text + nm->tlen, c, run);
    nm->tlen += run;
    if (is_letter(c))
      run = 1;
    memset(nm->sq + nm->slen, c, run);
    nm->slen += run;
  }
  nm->text[nm->tlen] = '\0';
  nm->sq[nm->slen] = '\0';
  nm->w[nm->n++] = (struct word){start, nm->tlen - start, sstart,
                                 nm->slen - sstart, flags};
  return 0;
}

/* Is u[0..n) a word spelt out with a symbol between its letters
 * (k*o*n*t*o*l): three letters or more, one MASK between each two? */
static int
spelt_with_masks(const struct unit *u, size_t n)
{
  size_t i;

  if (n < 5 || n % 2 == 0)
    return 0;
  for (i = 0; i < n; i++)
    if ((u[i].ch == MASK) != (i % 2 == 1))
      return 0;
  return 1;
}

/*
 * A word with hidden letters: a word spelt out letter by letter, the one
 * word of the lists it can be with its masks filled in (mask_resolve),
 * else the parts between its masks, as when the symbols were separators.
 * flags go with the first part.
 */
static int
emit_masked(struct norm *nm, struct unit *u, size_t n, unsigned flags)
{
  size_t i, start = 0;
  int rc = 0;

  if (spelt_with_masks(u, n)) {
    for (i = 0; i < n; i += 2)
      u[i / 2] = u[i];
    return emit_word(nm, u, n / 2 + 1, flags | WORD_DISGUISED);
  }
  if (nm->q != NULL && mask_resolve(nm->q, u, n))
    return emit_word(nm, u, n, flags);
  for (i = 0; i <= n && rc == 0; i++) {
    if (i < n && u[i].ch != MASK)
      continue;
    if (i > start) {
      rc = emit_word(nm, u + start, i - start, flags);
      flags = 0;
    }
    start = i + 1;
  }
  return rc;
}

/* The next token (run of non-break units) at or after *pos: 1 with
 * [*start, *start + *len) set and *pos past it, or 0 at the end.  *brk
 * gets the flags of the breaks skipped before it (UNIT_STOP..). */
static int
next_token(const struct norm *nm, size_t *pos, size_t *start, size_t *len,
           unsigned *brk)
{
  size_t i = *pos;

  *brk = 0;
  while (i < nm->nunits && nm->units[i].ch == ' ')
    *brk |= nm->units[i++].flags;
  if (i == nm->nunits)
    return 0;
  *start = i;
  while (i < nm->nunits && nm->units[i].ch != ' ')
    i++;
  *len = i - *start;
  *pos = i;
  return 1;
}

/*
 * Build the normal form of text in nm (initialised by norm_init).  Three
 * or more one-unit tokens in a row are one word spelt out letter by
 * letter.  With lists (nm->q), two words of two letters or more with
 * only a blank or a hyphen between them may be one split word
 * (join_split).
 */
static int
norm_run(struct norm *nm, const char *text)
{
  size_t pos = 0, start, len, after, p2, s2, l2, count, k, before;
  unsigned brk, brk2;
  int rc, single = 0, prev_single;

  if (text == NULL)
    text = "";
  rc = norm_fold(nm, text, strlen(text));
  while (rc == 0 && next_token(nm, &pos, &start, &len, &brk)) {
    prev_single = single;
    single = 0;
    if (len != 1) {
      before = nm->n;
      rc = emit_word(nm, nm->units + start, len, brk & ~UNIT_HYPHEN);
      single = rc == 0 && nm->n == before + 1;
      if (single && prev_single && nm->q != NULL &&
          !(brk & (UNIT_STOP | UNIT_COMMA | UNIT_EXCL)) &&
          join_split(nm, (brk & UNIT_HYPHEN) != 0))
        single = 0;
      continue;
    }
    count = 0;
    nm->joined[count++] = nm->units[start];
    after = pos;
    p2 = pos;
    while (next_token(nm, &p2, &s2, &l2, &brk2) && l2 == 1) {
      nm->joined[count++] = nm->units[s2];
      after = p2;
    }
    pos = after;
    if (count >= 3) {
      rc = emit_word(nm, nm->joined, count,
                     WORD_DISGUISED | (brk & ~UNIT_HYPHEN));
    } else {
      for (k = 0; k < count && rc == 0; k++)
        rc = emit_word(nm, nm->joined + k, 1,
                       k == 0 ? brk & ~UNIT_HYPHEN : 0);
    }
  }
  /* What stands after the last word. */
  for (k = pos; k < nm->nunits; k++)
    nm->end |= nm->units[k].flags;
  return rc;
}

int
quality_normalize(const char *text, struct buf *out)
{
  struct norm nm;
  int rc;

  norm_init(&nm);
  rc = norm_run(&nm, text);
  if (rc == 0)
    rc = buf_append(out, nm.text, nm.tlen);
  norm_free(&nm);
  return rc;
}

static void mark_allowed(const struct quality *q, const struct norm *nm,
                         unsigned char *allowed);

/*
 * Normalises text into nm and readies cx to judge it for j: the words
 * reported as someone else's marked, and with allowed the words of the
 * allow list too.  0 or -ENOMEM; ctx_close() frees both whatever it
 * returns.
 */
static int
ctx_open(struct ctx *cx, struct norm *nm, const struct quality *q,
         const char *text, struct quality_judgement *j, int allowed)
{
  int rc;

  norm_init(nm);
  nm->q = q;
  rc = norm_run(nm, text);
  memset(cx, 0, sizeof(*cx));
  if (rc != 0 || nm->n == 0)
    return rc;
  cx->reported = calloc(nm->n, 1);
  cx->cls = malloc(nm->n * sizeof(*cx->cls));
  if (allowed)
    cx->allowed = calloc(nm->n, 1);
  if (cx->reported == NULL || cx->cls == NULL ||
      (allowed && cx->allowed == NULL))
    return -ENOMEM;
  cx->q = q;
  cx->nm = nm;
  cx->j = j;
  word_classes(q, nm, cx->cls);
  if (allowed)
    mark_allowed(q, nm, cx->allowed);
  mark_reported(cx);
  return 0;
}

static void
ctx_close(struct ctx *cx, struct norm *nm)
{
  free(cx->reported);
  free(cx->allowed);
  free(cx->cls);
  norm_free(nm);
}

int
threat_model_text(const struct quality *q, const char *text,
                  struct buf *out)
{
  struct quality_judgement j;
  struct norm nm;
  struct ctx cx;
  int rc;

  rc = ctx_open(&cx, &nm, q, text, &j, 0);
  if (rc == 0 && nm.n > 0)
    rc = own_words(&cx, out);
  ctx_close(&cx, &nm);
  return rc;
}

/* What ask says of text's words (0 or 1), or -errno. */
static int
text_has(const struct quality *q, const char *text,
         int (*ask)(const struct ctx *))
{
  struct quality_judgement j;
  struct norm nm;
  struct ctx cx;
  int rc;

  rc = ctx_open(&cx, &nm, q, text, &j, 0);
  if (rc == 0)
    rc = nm.n > 0 && ask(&cx);
  ctx_close(&cx, &nm);
  return rc;
}

int
threat_model_names_target(const struct quality *q, const char *text)
{
  return text_has(q, text, names_target);
}

int
threat_model_names_violence(const struct quality *q, const char *text)
{
  return text_has(q, text, names_violence);
}

_Static_assert(WC_COUNT <= WORDBITS_MAX, "a word's classes fit a wordbits set");

static const char *const class_names[WC_COUNT] = {
  "say", "self", "you", "person", "link", "vocative", "intensifier",
  "insult", "harm", "weapon", "arm", "cause", "target", "modal", "wait",
  "warn", "outcome", "must", "group", "grouphead", "derogation", "general",
  "expel", "slur", "literal", "threaten", "deny", "grant", "if", "not",
  "forbid", "collective", "turn", "befall", "blame", "ruin", "will", "kind",
  "they", "finish", "to", "crowd", "can", "trust", "loot", "blood",
  "spill", "life", "strict", "purpose", "because", "grave", "order",
  "intent", "past", "harmless", "call", "douse", "fuel",
  "band", "poison", "food", "month",
  "message", "promise", "trait",
  "mind", "beast", "low", "advise", "reason", "kin", "feast",
  "role", "game", "broken", "virtue", "work",
  "homeland",
};

enum list_kind { LIST_LEXICON, LIST_ALLOW, LIST_STOP };

static size_t
hash_bytes(const char *s, size_t n)
{
  uint64_t h = hash_fnv1a(HASH_FNV_OFFSET, s, n);

  return (size_t)(h ^ (h >> 29));
}

/* The bit of wordlist.doubled for length n; none for a length that
 * wrapped around below zero. */
static uint64_t
len_bit(size_t n)
{
  if (n > ((size_t)-1) / 2)
    return 0;
  return (uint64_t)1 << (n < 63 ? n : 63);
}

/* The key of kind k of entry e. */
static const char *
entry_key(const struct entry *e, enum key_kind k, size_t *len)
{
  switch (k) {
  case KEY_TEXT:
    *len = e->tlen;
    return e->text;
  case KEY_SQUEEZED:
    *len = e->slen;
    return e->squeezed;
  default:
    *len = e->hlen;
    return e->squeezed;
  }
}

/* The first entry whose key of kind k is s[0..n), or NULL. */
const struct entry *
list_find(const struct wordlist *l, enum key_kind k, const char *s, size_t n)
{
  const size_t *slots = l->set[k];
  const struct entry *e;
  const char *key;
  size_t i, klen;

  if (slots == NULL)
    return NULL;
  for (i = hash_bytes(s, n) & l->mask; slots[i] != 0; i = (i + 1) & l->mask) {
    e = &l->v[slots[i] - 1];
    key = entry_key(e, k, &klen);
    if (klen == n && memcmp(key, s, n) == 0)
      return e;
  }
  return NULL;
}

/* Put entry idx in set k unless its key is there already; returns the
 * entry that holds the key first (idx's own when it was added). */
static const struct entry *
list_insert(struct wordlist *l, enum key_kind k, size_t idx)
{
  size_t n, i;
  const char *key = entry_key(&l->v[idx], k, &n);
  const struct entry *e = list_find(l, k, key, n);

  if (e != NULL)
    return e;
  for (i = hash_bytes(key, n) & l->mask; l->set[k][i] != 0;
       i = (i + 1) & l->mask)
    ;
  l->set[k][i] = idx + 1;
  return &l->v[idx];
}

static void
list_free(struct wordlist *l)
{
  size_t i;
  int k;

  for (i = 0; i < l->n; i++) {
    if (l->v[i].squeezed != l->v[i].text)
      free(l->v[i].squeezed);
    free(l->v[i].text);
  }
  free(l->v);
  for (k = 0; k < KEY_KINDS; k++)
    free(l->set[k]);
  memset(l, 0, sizeof(*l));
}

/* What loading one file needs. */
struct loader {
  const char *path;
  enum list_kind kind;
  struct wordlist *list;
  struct diag *diag;
  struct buf entry;     /* the entry as written, NUL-terminated */
  int rc;               /* first allocation failure */
  struct quality *q;    /* for the word classes of [sections] */
  struct wordlist *section; /* the list of the current [section], or NULL */
  int literal;          /* the current section is [literal] */
};

static void
note_rc(struct loader *ld, int rc)
{
  if (rc != 0 && ld->rc == 0)
    ld->rc = rc;
}

/* Append an entry (taking text and squeezed, which may be one string);
 * the keys are worked out here. */
static int
list_add(struct wordlist *l, char *text, char *squeezed, int words,
         int plain_word, int line)
{
  struct entry *v, *e;
  const char *sp;

  if (l->n == l->cap) {
    v = realloc(l->v, (l->cap ? l->cap * 2 : 64) * sizeof(*v));
    if (v == NULL) {
      if (squeezed != text)
        free(squeezed);
      free(text);
      return -ENOMEM;
    }
    l->v = v;
    l->cap = l->cap ? l->cap * 2 : 64;
  }
  e = &l->v[l->n++];
  *e = (struct entry){text, squeezed, strlen(text), strlen(squeezed), 0,
                      words, plain_word, line};
  sp = strchr(squeezed, ' ');
  e->hlen = sp != NULL ? (size_t)(sp - squeezed) : e->slen;
  if (words >= 1 && words <= 32)
    l->counts |= 1u << (words - 1);
  if (e->slen != e->tlen)
    l->doubled |= len_bit(e->slen);
  return 0;
}

/* A stop word s: one word of letters, folded to lower-case ASCII.
 * Returns the folded word (the caller frees), or NULL with *bad set when
 * s holds something else (or NULL alone when memory runs out). */
static char *
fold_stopword(const char *s, int *bad)
{
  struct buf b = BUF_INIT;
  size_t len = strlen(s), i = 0;
  unsigned flags;
  uint32_t cp;
  char out[2];
  int got, rc = 0;

  *bad = 0;
  while (i < len && rc == 0) {
    cp = next_cp(s, len, &i);
    got = fold_cp(cp, out, &flags);
    if (got < 0)
      continue;
    if (got == 0 || !is_letter(out[0])) {
      *bad = 1;
      break;
    }
    rc = buf_append(&b, out, (size_t)got);
  }
  if (*bad || rc != 0 || b.len == 0) {
    *bad = rc == 0;
    buf_free(&b);
    return NULL;
  }
  return buf_steal(&b);
}

/* Read the entry s (trimmed, comment removed) of line lineno. */
static void
read_entry(struct loader *ld, int lineno, const char *s, int plain_word)
{
  struct norm nm;
  char *text, *squeezed;
  int bad, rc;

  if (ld->kind == LIST_STOP) {
    text = fold_stopword(s, &bad);
    if (text == NULL && bad)
      diag_error(ld->diag, ld->path, lineno,
                 "'%s' is not a stop word: write one word of letters per "
                 "line", s);
    else if (text == NULL)
      note_rc(ld, -ENOMEM);
    else
      note_rc(ld, list_add(ld->list, text, text, 1, 0, lineno));
    return;
  }
  norm_init(&nm);
  rc = norm_run(&nm, s);
  if (rc != 0) {
    note_rc(ld, rc);
  } else if (nm.n == 0) {
    diag_error(ld->diag, ld->path, lineno,
               "'%s' normalises to nothing (it has no letters or digits)",
               s);
  } else if (nm.n > QUALITY_MAX_ENTRY_WORDS) {
    diag_error(ld->diag, ld->path, lineno,
               "'%s' has %zu words; an entry has at most %d", s, nm.n,
               QUALITY_MAX_ENTRY_WORDS);
  } else {
    text = strdup(nm.text);
    squeezed = strdup(nm.sq);
    if (text == NULL || squeezed == NULL) {
      free(text);
      free(squeezed);
      note_rc(ld, -ENOMEM);
    } else {
      note_rc(ld, list_add(ld->list, text, squeezed, (int)nm.n, plain_word,
                           lineno));
    }
  }
  norm_free(&nm);
}

static int
is_blank(char c)
{
  return c == ' ' || c == '\t';
}

/*
 * A "[name]" line: what follows belongs to the word class name (the
 * lexicon) or to another language (the stop words: any name); the
 * allow-list has no sections.
 */
static void
read_section(struct loader *ld, int lineno, const char *p, size_t n)
{
  size_t i;

  ld->section = NULL;
  ld->literal = 0;
  if (n < 3 || p[n - 1] != ']' || ld->kind == LIST_ALLOW) {
    diag_error(ld->diag, ld->path, lineno, "'%.*s' is not a section here",
               (int)n, p);
    return;
  }
  if (ld->kind == LIST_STOP) {
    ld->section = &ld->q->regional;
    return;
  }
  for (i = 0; i < WC_COUNT; i++) {
    if (strlen(class_names[i]) == n - 2 &&
        memcmp(class_names[i], p + 1, n - 2) == 0) {
      ld->section = &ld->q->cls[i];
      ld->literal = i == WC_LITERAL;
      return;
    }
  }
  diag_error(ld->diag, ld->path, lineno, "unknown section '%.*s'", (int)n,
             p);
}

/* The normal form of one word w[0..n) into out (NUL-terminated), or an
 * error in diag when it is not one word. */
static int
class_word(struct loader *ld, int lineno, const char *w, size_t n,
           struct buf *out)
{
  struct buf word = BUF_INIT;
  struct norm nm;
  int rc;

  buf_reset(out);
  norm_init(&nm);
  rc = buf_append(&word, w, n);
  if (rc == 0)
    rc = norm_run(&nm, word.data);
  buf_free(&word);
  if (rc == 0 && nm.n != 1)
    diag_error(ld->diag, ld->path, lineno,
               "'%.*s' is not one word of letters", (int)n, w);
  else if (rc == 0)
    rc = buf_append(out, nm.text, nm.tlen);
  norm_free(&nm);
  note_rc(ld, rc);
  return rc == 0 && out->len > 0 ? 0 : -1;
}

/* Add text (copied) to the current section's list. */
static void
class_add(struct loader *ld, int lineno, const char *text)
{
  char *t = strdup(text);

  if (t == NULL)
    note_rc(ld, -ENOMEM);
  else
    note_rc(ld, list_add(ld->section, t, t, 1 + (strchr(t, ' ') != NULL),
                         0, lineno));
}

/*
 * A line of a section: words separated by blanks, each a member of the
 * class.  In [literal] the first word is a lexicon word and each other
 * one a word that, near it, shows its literal sense: the pairs "word
 * cue" are the members.
 */
static void
read_class_line(struct loader *ld, int lineno, const char *p, size_t n)
{
  struct buf w = BUF_INIT, head = BUF_INIT;
  size_t i = 0, start;
  int first = 1;

  while (i < n && ld->rc == 0) {
    while (i < n && is_blank(p[i]))
      i++;
    start = i;
    while (i < n && !is_blank(p[i]))
      i++;
    if (i == start || class_word(ld, lineno, p + start, i - start, &w) != 0)
      continue;
    if (ld->literal && first) {
      buf_reset(&head);
      note_rc(ld, buf_append(&head, w.data, w.len));
    } else if (ld->literal) {
      buf_reset(&ld->entry);
      note_rc(ld, buf_printf(&ld->entry, "%s %s", head.data, w.data));
      if (ld->rc == 0)
        class_add(ld, lineno, ld->entry.data);
    } else {
      class_add(ld, lineno, w.data);
    }
    first = 0;
  }
  buf_free(&w);
  buf_free(&head);
}

/* Read one line, p[0..n): trimmed, without its comment, not empty. */
static void
read_line(struct loader *ld, int lineno, const char *p, size_t n)
{
  int plain_word = 0;

  if (p[0] == '[') {
    read_section(ld, lineno, p, n);
    return;
  }
  if (ld->section != NULL) {
    read_class_line(ld, lineno, p, n);
    return;
  }
  if (p[0] == '~') {
    if (ld->kind != LIST_LEXICON) {
      diag_error(ld->diag, ld->path, lineno,
                 "'~' (an ordinary word too) belongs in the lexicon only");
      return;
    }
    plain_word = 1;
    p++;
    n--;
    while (n > 0 && is_blank(p[0])) {
      p++;
      n--;
    }
  }
  buf_reset(&ld->entry);
  note_rc(ld, buf_append(&ld->entry, p, n));
  if (ld->rc == 0)
    read_entry(ld, lineno, ld->entry.data != NULL ? ld->entry.data : "",
               plain_word);
}

/*
 * Make the hash sets of a list read from path, warning about each entry
 * whose normal form an earlier one has already (the later one is not
 * looked up).  Every list is looked up by text; the lexicon also by
 * squeezed form; lists with phrases also by the first word of each.
 */
static int
list_index(struct wordlist *l, const char *path, int squeezed,
           struct diag *diag)
{
  size_t size = 16, i;
  const struct entry *first;
  int heads = (l->counts & ~1u) != 0;

  while (size < l->n * 2 + 1)
    size *= 2;
  l->mask = size - 1;
  l->set[KEY_TEXT] = calloc(size, sizeof(size_t));
  if (squeezed)
    l->set[KEY_SQUEEZED] = calloc(size, sizeof(size_t));
  if (heads)
    l->set[KEY_HEAD] = calloc(size, sizeof(size_t));
  if (l->set[KEY_TEXT] == NULL || (squeezed && l->set[KEY_SQUEEZED] == NULL) ||
      (heads && l->set[KEY_HEAD] == NULL))
    return -ENOMEM;
  for (i = 0; i < l->n; i++) {
    first = list_insert(l, KEY_TEXT, i);
    if (first != &l->v[i]) {
      diag_warn(diag, path, l->v[i].line,
                "duplicate entry '%s' (already at line %d)", l->v[i].text,
                first->line);
      continue;
    }
    if (squeezed)
      list_insert(l, KEY_SQUEEZED, i);
    if (heads && l->v[i].words > 1)
      list_insert(l, KEY_HEAD, i);
  }
  return 0;
}

/* Load one list from path into l. */
static int
load_list(const char *path, enum list_kind kind, struct wordlist *l,
          struct quality *q, struct diag *diag)
{
  struct loader ld;
  struct lines ls;
  const char *p;
  size_t len, c, k;
  int rc;

  rc = lines_open(&ls, path, LIST_MAX_SIZE,
                  LINES_CHECK | LINES_COMMENT_ANY | LINES_TRIM |
                  LINES_SKIP_BLANK, diag);
  if (rc != 0) {
    lines_close(&ls);
    return rc;
  }
  memset(&ld, 0, sizeof(ld));
  ld.path = path;
  ld.kind = kind;
  ld.list = l;
  ld.diag = diag;
  ld.q = q;
  buf_init(&ld.entry, 0);
  while (ld.rc == 0 && lines_next(&ls, &p, &len))
    if (!ls.bad)
      read_line(&ld, ls.lineno, p, len);
  buf_free(&ld.entry);
  lines_close(&ls);
  if (ld.rc != 0)
    return ld.rc;
  if (l->n == 0 && kind == LIST_LEXICON)
    diag_warn(diag, path, 0, "no entries: nothing will be filtered");
  else if (l->n == 0 && kind == LIST_STOP)
    diag_warn(diag, path, 0,
              "no stop words: every description will be judged not "
              "Indonesian");
  rc = list_index(l, path, kind == LIST_LEXICON, diag);
  for (c = 0; rc == 0 && kind == LIST_LEXICON && c < WC_COUNT; c++)
    rc = list_index(&q->cls[c], path, 0, diag);
  for (c = 0; rc == 0 && kind == LIST_LEXICON && c < WC_COUNT; c++)
    for (k = 0; rc == 0 && k < q->cls[c].n; k++)
      rc = wordbits_add(&q->classes, q->cls[c].v[k].text,
                        q->cls[c].v[k].tlen, (unsigned)c);
  if (rc == 0 && kind == LIST_STOP)
    rc = list_index(&q->regional, path, 0, diag);
  return rc;
}

/*
 * Read the three lists, all of them even when one fails, so that every
 * problem is reported at once; then warn about lexicon entries that the
 * allow-list switches off.
 */
int
quality_load(const char *lexicon, const char *allowlist,
             const char *stopwords, struct quality **out, struct diag *diag)
{
  struct quality *q;
  struct diag local;
  const struct entry *a;
  size_t i;
  int rc, rc2, errors;

  *out = NULL;
  if (lexicon == NULL || allowlist == NULL || stopwords == NULL)
    return -EINVAL;
  if (diag == NULL) {
    diag_init(&local);
    diag = &local;
  }
  errors = diag->errors;
  q = calloc(1, sizeof(*q));
  if (q == NULL) {
    rc = -ENOMEM;
    goto done;
  }
  rc = load_list(lexicon, LIST_LEXICON, &q->lexicon, q, diag);
  rc2 = load_list(allowlist, LIST_ALLOW, &q->allow, q, diag);
  if (rc == 0)
    rc = rc2;
  rc2 = load_list(stopwords, LIST_STOP, &q->stop, q, diag);
  if (rc == 0)
    rc = rc2;
  if (rc == 0) {
    for (i = 0; i < q->lexicon.n; i++) {
      a = list_find(&q->allow, KEY_TEXT, q->lexicon.v[i].text,
                    q->lexicon.v[i].tlen);
      if (a != NULL)
        diag_warn(diag, lexicon, q->lexicon.v[i].line,
                  "'%s' is also on the allow-list (%s:%d), so it never "
                  "matches", q->lexicon.v[i].text, allowlist, a->line);
    }
    if (diag->errors > errors)
      rc = AERR_CONFIG;
  }
  if (rc != 0) {
    quality_free(q);
    q = NULL;
  }
  *out = q;
done:
  if (diag == &local)
    diag_free(&local);
  return rc;
}

void
quality_free(struct quality *q)
{
  size_t c;

  if (q == NULL)
    return;
  list_free(&q->lexicon);
  list_free(&q->allow);
  list_free(&q->stop);
  for (c = 0; c < WC_COUNT; c++)
    list_free(&q->cls[c]);
  list_free(&q->regional);
  wordbits_free(&q->classes);
  threat_model_free(q->model);
  free(q);
}

int
quality_load_model(struct quality *q, const char *path, struct diag *diag)
{
  struct threat_model *m;
  int rc;

  if (q == NULL || path == NULL)
    return -EINVAL;
  if (access(path, F_OK) != 0 && errno == ENOENT) {
    diag_warn(diag, path, 0,
              "no threat model: threats are judged by the rules alone");
    return -ENOENT;
  }
  rc = threat_model_load(path, &m, diag);
  if (rc == 0)
    threat_model_free(quality_swap_model(q, m));
  return rc;
}

struct threat_model *
quality_swap_model(struct quality *q, struct threat_model *m)
{
  struct threat_model *old = q->model;

  q->model = m;
  return old;
}

/* ---------------------------------------------- hidden and split words */

#define MASK_MIN_SHOWN 2   /* letters a masked word must show */
#define EVADED_MAX 32      /* longer words are not looked at */

/* The word classes whose words a reporter hides or splits: insults,
 * verbs of violence, slurs and the groups they name. */
static const enum word_class evaded[] = {WC_INSULT, WC_HARM, WC_SLUR,
                                         WC_GROUP};
#define NEVADED (sizeof(evaded) / sizeof(evaded[0]))

/* Does the pattern p[0..n) (MASK for any letter) fit the one word t? */
static int
mask_fits(const char *p, size_t n, const struct entry *e)
{
  size_t i;

  if (e->words != 1 || e->tlen != n)
    return 0;
  for (i = 0; i < n; i++)
    if (p[i] != MASK && p[i] != e->text[i])
      return 0;
  return 1;
}

/* Look for words of l that fit p[0..n): *found is the first one, and
 * *clash is set once a second, different one fits, unless both are
 * words of the lexicon (of one meaning anyway: a****g may be anjing or
 * anying). */
static void
mask_scan(const struct wordlist *l, const char *p, size_t n, int lexicon,
          const char **found, int *clash)
{
  size_t i;

  for (i = 0; i < l->n && !*clash; i++) {
    if (!mask_fits(p, n, &l->v[i]))
      continue;
    if (*found == NULL)
      *found = l->v[i].text;
    else if (!lexicon && strcmp(*found, l->v[i].text) != 0)
      *clash = 1;
  }
}

/*
 * The word u[0..n) with letters hidden by MASK units (g*blok, a****g,
 * bun*h): when exactly one word of the lexicon or of the classes above
 * fits it, and it shows MASK_MIN_SHOWN letters and at least half as many
 * as it hides, fill the masks in with that word's letters (marked as
 * written another way) and return 1.  Masked words are rare, so the lists
 * are scanned.
 */
static int
mask_resolve(const struct quality *q, struct unit *u, size_t n)
{
  char pat[EVADED_MAX];
  const char *found = NULL;
  size_t i, shown = 0;
  int clash = 0;

  if (n > sizeof(pat))
    return 0;
  for (i = 0; i < n; i++) {
    pat[i] = u[i].ch == MASK ? MASK : swap_char(u[i].ch);
    shown += u[i].ch != MASK;
  }
  if (shown < MASK_MIN_SHOWN || 2 * shown < n - shown)
    return 0;
  mask_scan(&q->lexicon, pat, n, 1, &found, &clash);
  for (i = 0; i < NEVADED; i++)
    mask_scan(&q->cls[evaded[i]], pat, n, 0, &found, &clash);
  if (found == NULL || clash)
    return 0;
  for (i = 0; i < n; i++)
    if (u[i].ch == MASK)
      u[i] = (struct unit){found[i], (unsigned char)(u[i].flags |
                                                     UNIT_FOLDED)};
  return 1;
}

/* Is t[0..n) a word of the lists: a stop word, a lexicon word, a member
 * of any class? */
static int
known_word(const struct quality *q, const char *t, size_t n)
{
  size_t c;

  if (list_find(&q->stop, KEY_TEXT, t, n) != NULL ||
      list_find(&q->lexicon, KEY_TEXT, t, n) != NULL)
    return 1;
  for (c = 0; c < WC_COUNT; c++)
    if (list_find(&q->cls[c], KEY_TEXT, t, n) != NULL)
      return 1;
  return 0;
}

/* Is t[0..n) (squeezed s[0..sn)) one word that a reporter would split to
 * hide it: a lexicon word, an insult, a verb of violence, a slur? */
static int
evaded_word(const struct quality *q, const char *t, size_t n, const char *s,
            size_t sn)
{
  const struct entry *e;
  size_t c;

  e = list_find(&q->lexicon, KEY_TEXT, t, n);
  if (e == NULL)
    e = list_find(&q->lexicon, KEY_SQUEEZED, s, sn);
  if (e != NULL && e->words == 1)
    return 1;
  for (c = 0; c < NEVADED; c++)
    if (evaded[c] != WC_GROUP &&
        list_find(&q->cls[evaded[c]], KEY_TEXT, t, n) != NULL)
      return 1;
  return 0;
}

/* Write the squeezed form of t[0..n) (doubled letters once) to out;
 * returns its length. */
static size_t
squeeze_into(char *out, const char *t, size_t n)
{
  size_t i, k = 0;

  for (i = 0; i < n; i++)
    if (!(k > 0 && is_letter(t[i]) && out[k - 1] == t[i]))
      out[k++] = t[i];
  return k;
}

/*
 * Join the last two words of nm into one when together they are a word
 * a reporter splits to hide it (ba bi, bang sat, an-jing, bu-nuh) and
 * apart they look like no ordinary words: both of two letters or more,
 * in the same quotation, not a name of two capitalised words (Ma Ling),
 * and, unless a hyphen joins them, neither a known word of the lists (Bab
 * I, si Al, bapak sat).  The joined word is disguised.  Returns 1 when
 * joined.
 */
static int
join_split(struct norm *nm, int hyphen)
{
  struct word *a = &nm->w[nm->n - 2], *b = &nm->w[nm->n - 1];
  const char *ta = nm->text + a->off, *tb = nm->text + b->off;
  char j[2 * EVADED_MAX];
  size_t jn = a->len + b->len, sn;

  if (a->len < 2 || b->len < 2 || jn > EVADED_MAX ||
      (a->flags & WORD_QUOTED) != (b->flags & WORD_QUOTED) ||
      ((a->flags & WORD_TITLE) && (b->flags & WORD_TITLE)))
    return 0;
  memcpy(j, ta, a->len);
  memcpy(j + a->len, tb, b->len);
  sn = squeeze_into(j + jn, j, jn);
  if (!evaded_word(nm->q, j, jn, j + jn, sn))
    return 0;
  if (!hyphen && (known_word(nm->q, ta, a->len) ||
                  known_word(nm->q, tb, b->len)))
    return 0;
  memcpy(nm->text + a->off, j, jn);
  nm->tlen = a->off + jn;
  nm->text[nm->tlen] = '\0';
  memcpy(nm->sq + a->soff, j + jn, sn);
  nm->slen = a->soff + sn;
  nm->sq[nm->slen] = '\0';
  a->len = jn;
  a->slen = sn;
  a->flags |= WORD_DISGUISED;
  nm->n--;
  return 1;
}

/* ---------------------------------------------------------- matching */

/*
 * Look a span up in one set of the lexicon, as it is and then with a
 * suffix off its last word.  The span is t[0..tn) in the text as written,
 * whose last word is tlast long; s[0..sn) is the form to look up (t
 * itself, or its squeezed form with a last word slast long).  A suffix is
 * taken off only where the text ends with it after a different letter:
 * squeezing "babil-lah" must not leave "babi" behind.
 */
static const struct entry *
find_with_suffix(const struct wordlist *l, enum key_kind kind, const char *t,
                 size_t tn, size_t tlast, const char *s, size_t sn,
                 size_t slast)
{
  const struct entry *e = list_find(l, kind, s, sn);
  size_t i, k;

  for (i = 0; e == NULL && i < NSUFFIXES; i++) {
    k = strlen(suffixes[i]);
    if (tlast >= k + SUFFIX_MIN_STEM && slast >= k + SUFFIX_MIN_STEM &&
        memcmp(t + tn - k, suffixes[i], k) == 0 &&
        t[tn - k - 1] != suffixes[i][0] &&
        memcmp(s + sn - k, suffixes[i], k) == 0)
      e = list_find(l, kind, s, sn - k);
  }
  return e;
}

/*
 * The lexicon entry that words i..i+k-1 make, or NULL.  The words are
 * tried as they are, then with doubled letters squeezed: *squeezed is set
 * when only the squeezed form was found and it differs from the text.
 * The squeezed lookup is skipped where it cannot find anything new: the
 * text has no doubled letter and no entry with one squeezes to its length.
 */
const struct entry *
match_span(const struct quality *q, const struct norm *nm, size_t i,
           size_t k, int *squeezed)
{
  const struct word *a = &nm->w[i], *b = &nm->w[i + k - 1];
  const char *t = nm->text + a->off, *s = nm->sq + a->soff;
  size_t tn = b->off + b->len - a->off, sn = b->soff + b->slen - a->soff;
  const struct entry *e;

  *squeezed = 0;
  e = find_with_suffix(&q->lexicon, KEY_TEXT, t, tn, b->len, t, tn, b->len);
  if (e != NULL)
    return e;
  if (sn == tn && !(q->lexicon.doubled & (len_bit(sn) | len_bit(sn - 2) |
                                           len_bit(sn - 3))))
    return NULL;
  e = find_with_suffix(&q->lexicon, KEY_SQUEEZED, t, tn, b->len, s, sn,
                       b->slen);
  if (e != NULL)
    *squeezed = sn != tn;
  return e;
}

/* Could a phrase of list l start at word i?  Its first word, squeezed,
 * must be the first word of one. */
int
may_start_phrase(const struct wordlist *l, const struct norm *nm, size_t i)
{
  return list_find(l, KEY_HEAD, nm->sq + nm->w[i].soff, nm->w[i].slen) !=
         NULL;
}

/* Mark the words that an allow-list entry covers. */
static void
mark_allowed(const struct quality *q, const struct norm *nm,
             unsigned char *allowed)
{
  const struct word *a, *b;
  size_t i, k, j, maxk;

  for (i = 0; i < nm->n; i++) {
    maxk = may_start_phrase(&q->allow, nm, i) ? QUALITY_MAX_ENTRY_WORDS : 1;
    for (k = 1; k <= maxk && i + k <= nm->n; k++) {
      if (!(q->allow.counts & (1u << (k - 1))))
        continue;
      a = &nm->w[i];
      b = &nm->w[i + k - 1];
      if (list_find(&q->allow, KEY_TEXT, nm->text + a->off,
                    b->off + b->len - a->off) != NULL)
        for (j = i; j < i + k; j++)
          allowed[j] = 1;
    }
  }
}

/* Is any of words i..i+k-1 disguised, or shouted in capitals in a text
 * that is not written in capitals? */
int
span_disguised(const struct norm *nm, size_t i, size_t k, int caps_text)
{
  size_t j;

  for (j = i; j < i + k; j++) {
    if (nm->w[j].flags & WORD_DISGUISED)
      return 1;
    if ((nm->w[j].flags & WORD_CAPS) && !caps_text)
      return 1;
  }
  return 0;
}

/*
 * Normalise, mark what the allow-list covers, then try at each word the
 * longest lexicon phrase first.  A '~' entry needs a disguise (or a
 * squeezed double letter) in the words it matched.
 */
int
quality_abusive(const struct quality *q, const char *text,
                const char **term)
{
  struct norm nm;
  unsigned char *allowed = NULL;
  const struct entry *e, *hit = NULL;
  size_t i, k, j, maxk;
  int rc, squeezed, caps_text, blocked;

  if (term != NULL)
    *term = NULL;
  norm_init(&nm);
  nm.q = q;
  rc = norm_run(&nm, text);
  if (rc == 0 && nm.n > 0) {
    allowed = calloc(nm.n, 1);
    if (allowed == NULL)
      rc = -ENOMEM;
  }
  if (rc != 0 || nm.n == 0) {
    norm_free(&nm);
    free(allowed);
    return rc;
  }
  caps_text = nm.letters > 0 &&
              (long)nm.upper * 100 >= (long)nm.letters * CAPS_PERCENT;
  mark_allowed(q, &nm, allowed);
  for (i = 0; i < nm.n && hit == NULL; i++) {
    maxk = 1;
    if (may_start_phrase(&q->lexicon, &nm, i))
      maxk = nm.n - i < QUALITY_MAX_ENTRY_WORDS ? nm.n - i :
                                                  QUALITY_MAX_ENTRY_WORDS;
    for (k = maxk; k >= 1 && hit == NULL; k--) {
      if (!(q->lexicon.counts & (1u << (k - 1))))
        continue;
      blocked = 0;
      for (j = i; j < i + k; j++)
        blocked |= allowed[j];
      if (blocked)
        continue;
      e = match_span(q, &nm, i, k, &squeezed);
      if (e == NULL)
        continue;
      if (e->plain_word && !squeezed &&
          !span_disguised(&nm, i, k, caps_text))
        continue;
      hit = e;
    }
  }
  free(allowed);
  norm_free(&nm);
  if (hit != NULL && term != NULL)
    *term = hit->text;
  return hit != NULL;
}

/* Rule 3 of text into j; with story, the threat model's second opinion
 * too (quality_judge_story). */
static int
judge(const struct quality *q, const char *text, struct quality_judgement *j,
      int story)
{
  struct norm nm;
  struct ctx cx;
  size_t i, a;
  int rc, caps_text;

  memset(j, 0, sizeof(*j));
  rc = ctx_open(&cx, &nm, q, text, j, 1);
  if (rc == 0 && nm.n > 0) {
    caps_text = nm.letters > 0 &&
                (long)nm.upper * 100 >= (long)nm.letters * CAPS_PERCENT;
    for (a = 0, i = 0; i < nm.n; i++) {
      if (i > 0 && starts_sentence(&cx, i)) {
        judge_sara(&cx, a, i);
        a = i;
      }
      judge_threat(&cx, i);
    }
    judge_sara(&cx, a, nm.n);
    for (i = 0; i < nm.n; i++)
      i = judge_words(&cx, i, caps_text);
    if (story)
      rc = model_judge(&cx);
  }
  ctx_close(&cx, &nm);
  return rc;
}

int
quality_judge(const struct quality *q, const char *text,
              struct quality_judgement *j)
{
  return judge(q, text, j, 0);
}

int
quality_judge_story(const struct quality *q, const char *text,
                    struct quality_judgement *j)
{
  return judge(q, text, j, 1);
}

/* ---------------------------------------------------------- language */

/* 1 when s[0..n) starts with prefix p, with at least rest letters after. */
static int
starts(const char *s, size_t n, const char *p, size_t rest)
{
  size_t k = strlen(p);

  return n >= k + rest && memcmp(s, p, k) == 0;
}

/* 1 when s[0..n) ends with suffix p, with at least rest letters before. */
static int
ends(const char *s, size_t n, const char *p, size_t rest)
{
  size_t k = strlen(p);

  return n >= k + rest && memcmp(s + n - k, p, k) == 0;
}

/*
 * A word (folded) whose affixes only Indonesian (and Malay) give it:
 * -nya (istrinya), -kan (memenangkan), meng-/meny-/peng-/peny-
 * (pengadaan), memper-, ke-...-an (kesehatan), pem-/pen-/per-...-an
 * (pembangunan).  Formal reports can be
 * short of function words and still plainly Indonesian; English,
 * Javanese (-ake, -e), Dawan, Tetun and Manggarai do not form words so.
 */
static int
indonesian_affix(const char *w, size_t n)
{
  static const char *const pre[] = {"meng", "meny", "peng", "peny",
                                    "memper"};
  static const char *const pe_an[] = {"pem", "pen", "per"};
  size_t i;

  if (ends(w, n, "nya", 2) || ends(w, n, "kan", 3))
    return 1;
  for (i = 0; i < sizeof(pre) / sizeof(pre[0]); i++)
    if (starts(w, n, pre[i], 3))
      return 1;
  /* pe-...-an round a root of four letters or more: pembangunan,
   * pendataan, perbaikan. */
  for (i = 0; i < sizeof(pe_an) / sizeof(pe_an[0]); i++)
    if (starts(w, n, pe_an[i], 6) && ends(w, n, "an", 4))
      return 1;
  return starts(w, n, "ke", 3) && ends(w, n, "an", 3);
}

/*
 * 1 when the code point at text[i..len) is an apostrophe that stands for
 * a glottal stop: followed by a letter (the caller knows a letter came
 * before).  Languages of Flores, Sumba, Sabu and Sulawesi spell the stop
 * so (ja'o, sa'o, nga'a, ma'lapor), Indonesian hardly ever; an
 * apostrophe at a word's edge is a quotation mark.
 */
static int
glottal_at(const char *text, size_t len, size_t i)
{
  uint32_t cp;
  unsigned flags;
  char out[2];

  if (i >= len)
    return 0;
  cp = next_cp(text, len, &i);
  if (cp != '\'' && cp != 0x2019 && cp != 0x02BC && cp != '`' &&
      cp != 0xB4)
    return 0;
  if (i >= len)
    return 0;
  cp = next_cp(text, len, &i);
  return fold_cp(cp, out, &flags) > 0 && is_letter(out[0]);
}

enum quality_lang
quality_language(const struct quality *q, const char *text,
                 double min_ratio, struct quality_lang_info *info)
{
  struct quality_lang_info local;
  char word[LANG_WORD_MAX], out[2];
  size_t len, i = 0, wn = 0;
  unsigned flags;
  uint32_t cp;
  int got, j, too_long = 0, at_end, glottal = 0;
  int opens = 1, named = 0;  /* a sentence opens; the word is a name */

  if (info == NULL)
    info = &local;
  memset(info, 0, sizeof(*info));
  if (text == NULL)
    text = "";
  len = strlen(text);
  for (;;) {
    at_end = i >= len;
    got = 0;
    if (!at_end && wn > 0 && glottal_at(text, len, i)) {
      next_cp(text, len, &i);   /* ja'o is one word, not ja and o */
      glottal = 1;
      continue;
    }
    if (!at_end) {
      cp = next_cp(text, len, &i);
      got = fold_cp(cp, out, &flags);
      if (got < 0)
        continue;
      if (got > 0 && !is_letter(out[0]))
        got = 0;
      if (got == 0 && (cp == '.' || cp == '!' || cp == '?' || cp == '\n'))
        opens = 1;
    }
    if (got > 0) {
      if (wn == 0 && !too_long) {
        named = (flags & UNIT_UPPER) && !opens;
        opens = 0;
      }
      for (j = 0; j < got; j++) {
        if (wn < sizeof(word))
          word[wn++] = out[j];
        else
          too_long = 1;
      }
      info->letters++;
      if (flags & UNIT_UPPER)
        info->upper++;
    } else if (wn > 0 || too_long) {
      info->words++;
      if (!too_long && list_find(&q->stop, KEY_TEXT, word, wn) != NULL)
        info->stopwords++;
      else if ((glottal && !named) ||
               (!too_long &&
                list_find(&q->regional, KEY_TEXT, word, wn) != NULL))
        info->regional++;
      else if (!too_long && indonesian_affix(word, wn))
        info->affixed++;
      wn = 0;
      too_long = 0;
      glottal = 0;
    }
    if (at_end)
      break;
  }
  if (info->words > 0)
    info->ratio = (double)(info->stopwords + info->affixed) / info->words;
  if (info->letters >= CAPS_MIN_LETTERS &&
      (long)info->upper * 100 >= (long)info->letters * CAPS_PERCENT)
    return QUALITY_ALL_CAPS;
  if (info->words < QUALITY_MIN_WORDS)
    return QUALITY_TOO_SHORT;
  if (info->ratio < min_ratio ||
      (info->regional > info->stopwords + info->affixed &&
       (long)info->regional * 100 >=
         (long)info->words * QUALITY_REGIONAL_PERCENT))
    return QUALITY_NOT_INDONESIAN;
  return QUALITY_OK;
}
