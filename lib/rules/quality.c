/*
 * quality.c: report-quality rules 2 and 3 (see quality.h): the three word
 * lists, the normal form of a text, the abuse filter and the language
 * check.
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

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/hash.h"
#include "base/lines.h"
#include "base/utf8.h"

#define LIST_MAX_SIZE (1024 * 1024)
#define CAPS_MIN_LETTERS 20
#define CAPS_PERCENT 80
#define LANG_WORD_MAX 64     /* longer runs of letters are never stop words */
#define SUFFIX_MIN_STEM 3    /* letters left once a suffix is off */

/* Suffixes taken off the last word of a span when the whole word is not
 * found: possessives and particles that leave the insult intact. */
static const char *const suffixes[] = {"nya", "lah", "kah", "mu", "ku"};
#define NSUFFIXES (sizeof(suffixes) / sizeof(suffixes[0]))

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

/* One character of a text after folding. */
struct unit {
  char ch;              /* 'a'..'z', '0'..'9', '@', '$', '!', MASK or ' ' */
  unsigned char flags;
};

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

static int
is_letter(char c)
{
  return c >= 'a' && c <= 'z';
}

static int
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

/* ------------------------------------------------------ normal form */

#define WORD_DISGUISED 1u  /* written in a way that hides it */
#define WORD_CAPS 2u       /* two or more letters, all upper case */
#define WORD_QUOTED 4u     /* inside quotation marks */
#define WORD_STOP 8u       /* a sentence ends before it */
#define WORD_COMMA 16u     /* a comma or colon stands before it */
#define WORD_EXCL 32u      /* an exclamation mark stands before it */
#define WORD_TITLE 64u     /* starts with a capital, not all capitals */
#define WORD_DOUBLED 128u  /* doubled by a final '2' ("cina2"): a plural */

/* One word of the normal form. */
struct word {
  size_t off, len;    /* in norm.text */
  size_t soff, slen;  /* in norm.sq */
  unsigned flags;
};

/*
 * A text in normal form, with what matching needs to know about it.  The
 * arrays are sized from the text once, so building the form never grows
 * them: each byte of the text makes at most one unit, each unit at most
 * one character of a word, and words are one space apart.
 */
struct norm {
  char *text;          /* the words, one space between them, NUL-ended */
  size_t tlen;
  char *sq;            /* the same words with doubled letters squeezed */
  size_t slen;
  char *tmp;           /* one word before squeezing */
  struct word *w;
  size_t n, cap;
  struct unit *units;  /* the folded text */
  size_t nunits;
  struct unit *joined; /* single units being joined into a word */
  int letters;         /* letters of the text */
  int upper;           /* of those, upper case */
  unsigned end;        /* WORD_STOP.. flags of the breaks after the last
                          word */
  const struct quality *q; /* the lists that read hidden letters and split
                              words (mask_resolve, join_split), or NULL */
};

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

/* ------------------------------------------------------- word lists */

/* One entry of a list. */
struct entry {
  char *text;      /* normal form */
  char *squeezed;  /* normal form with doubled letters squeezed; stop
                      words: the same as text */
  size_t tlen, slen;
  size_t hlen;     /* length of the first word of squeezed */
  int words;
  int plain_word;  /* lexicon "~word": an ordinary word too */
  int line;
};

/* The keys a list is looked up by. */
enum key_kind {
  KEY_TEXT,      /* the normal form */
  KEY_SQUEEZED,  /* the squeezed form */
  KEY_HEAD,      /* the first word of the squeezed form of a phrase */
  KEY_KINDS
};

/* A list in file order, with hash sets over its entries' keys. */
struct wordlist {
  struct entry *v;
  size_t n, cap;
  size_t *set[KEY_KINDS]; /* slots: entry index + 1, 0 when empty; NULL
                             while the list is empty */
  size_t mask;            /* slots - 1 */
  unsigned counts;        /* bit k-1 set: some entry has k words */
  uint64_t doubled;       /* bit n (n < 63; 63: longer) set: an entry with
                             a doubled letter squeezes to length n */
};

/*
 * Word classes of the lexicon file's [sections], for the context of rule
 * 3 (see quality_judge).  The names are the section names.
 */
enum word_class {
  WC_SAY, WC_SELF, WC_YOU, WC_PERSON, WC_LINK, WC_VOCATIVE, WC_INTENS,
  WC_INSULT, WC_HARM, WC_WEAPON, WC_ARM, WC_CAUSE, WC_TARGET, WC_MODAL,
  WC_WAIT, WC_WARN, WC_OUTCOME, WC_MUST, WC_GROUP, WC_GROUPHEAD, WC_DEROG,
  WC_GENERAL, WC_EXPEL, WC_SLUR, WC_LITERAL, WC_THREATEN, WC_DENY, WC_GRANT,
  WC_IF, WC_NOT, WC_FORBID, WC_COLLECTIVE, WC_TURN, WC_BEFALL, WC_BLAME,
  WC_RUIN, WC_WILL, WC_KIND, WC_THEY, WC_FINISH, WC_TO, WC_CROWD,
  WC_CAN, WC_TRUST, WC_LOOT, WC_BLOOD, WC_SPILL, WC_LIFE, WC_STRICT,
  WC_PURPOSE, WC_BECAUSE, WC_GRAVE, WC_ORDER, WC_INTENT, WC_PAST,
  WC_HARMLESS, WC_CALL, WC_DOUSE, WC_FUEL, WC_BAND, WC_POISON, WC_FOOD,
  WC_MONTH, WC_MESSAGE, WC_PROMISE, WC_TRAIT,
  WC_MIND, WC_BEAST, WC_LOW, WC_ADVISE, WC_REASON, WC_KIN, WC_FEAST,
  WC_ROLE, WC_GAME,
  WC_COUNT
};

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
  "role", "game",
};

struct quality {
  struct wordlist lexicon;
  struct wordlist allow;
  struct wordlist stop;
  struct wordlist cls[WC_COUNT]; /* the lexicon's word classes */
  struct wordlist regional;      /* the stop-word file's other languages */
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
static const struct entry *
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
  size_t len, c;
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
  free(q);
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
static const struct entry *
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
static int
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
static int
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

/* ----------------------------------------------------------- context */

/*
 * Rule 3 with context (quality_judge).  The text's words are looked at
 * with the word classes of the lexicon file: who speaks (reported speech
 * in quotation marks or after a verb of saying), whom a word is aimed at
 * (a person or office as subject, a vocative), what surrounds it (words
 * that show a literal sense).  Everything stays within a sentence.
 */

#define CTX_BEFORE 6     /* words looked back for a subject or an agent */
#define CTX_AFTER 3      /* words looked ahead for a target */
#define CUE_WINDOW 5     /* words either side that may show a literal sense */
#define OUTSIDE_QUOTES 2 /* words outside quotes that make a quote a quote */
#define CTX_ORIGIN 3     /* words naming where a crowd comes from */
#define CTX_NAMED 3      /* words after a verb of saying that name someone
                            ("menyebut kami maling", "dibilang bodoh") */

/* What the judge needs about one text. */
struct ctx {
  const struct quality *q;
  const struct norm *nm;
  unsigned char *reported;  /* per word: reported speech */
  unsigned char *allowed;   /* per word: covered by the allow-list */
  struct quality_judgement *j;
};

/* Is word i (a valid index) a member of class c: as written, squeezed,
 * or with a suffix off (kantornya, lehernya)? */
static int
word_is(const struct ctx *cx, enum word_class c, size_t i)
{
  const struct wordlist *l = &cx->q->cls[c];
  const struct word *w;
  const char *t;
  size_t k, n;

  if (i >= cx->nm->n)
    return 0;
  w = &cx->nm->w[i];
  t = cx->nm->text + w->off;
  if (list_find(l, KEY_TEXT, t, w->len) != NULL ||
      list_find(l, KEY_TEXT, cx->nm->sq + w->soff, w->slen) != NULL)
    return 1;
  for (k = 0; k < NSUFFIXES; k++) {
    n = strlen(suffixes[k]);
    if (w->len >= n + SUFFIX_MIN_STEM &&
        memcmp(t + w->len - n, suffixes[k], n) == 0 &&
        list_find(l, KEY_TEXT, t, w->len - n) != NULL)
      return 1;
  }
  return 0;
}

/* Word i with a prefix of n letters p taken off is in class c. */
static int
prefixed(const struct ctx *cx, enum word_class c, size_t i, const char *p)
{
  const struct word *w = &cx->nm->w[i];
  const char *t = cx->nm->text + w->off;
  size_t n = strlen(p);

  return w->len >= n + SUFFIX_MIN_STEM && memcmp(t, p, n) == 0 &&
         list_find(&cx->q->cls[c], KEY_TEXT, t + n, w->len - n) != NULL;
}

/* Does a sentence end before word i (or is i the first)? */
static int
starts_sentence(const struct ctx *cx, size_t i)
{
  return i == 0 || (cx->nm->w[i].flags & WORD_STOP);
}

/* Does a clause (sentence, part after a comma, or a quotation) start at
 * word i? */
static int
starts_clause(const struct ctx *cx, size_t i)
{
  return i == 0 || (cx->nm->w[i].flags & (WORD_STOP | WORD_COMMA)) ||
         ((cx->nm->w[i].flags & WORD_QUOTED) &&
          !(cx->nm->w[i - 1].flags & WORD_QUOTED));
}

/* Does a clause end after word i? */
static int
ends_clause(const struct ctx *cx, size_t i)
{
  return i + 1 >= cx->nm->n || starts_clause(cx, i + 1);
}

/* The first word of the clause that holds word i. */
static size_t
clause_start(const struct ctx *cx, size_t i)
{
  while (i > 0 && !starts_clause(cx, i))
    i--;
  return i;
}

/* The first word of the sentence that holds word i. */
static size_t
sentence_start(const struct ctx *cx, size_t i)
{
  while (!starts_sentence(cx, i))
    i--;
  return i;
}

/* Is an exclamation mark right after word i? */
static int
exclaimed(const struct ctx *cx, size_t i)
{
  return i + 1 >= cx->nm->n ? (cx->nm->end & WORD_EXCL) != 0
                            : (cx->nm->w[i + 1].flags & WORD_EXCL) != 0;
}

/* Is there a word of class c among the up to `back` words before i in
 * its sentence (i itself not counted)? */
static int
class_before(const struct ctx *cx, enum word_class c, size_t i, size_t back)
{
  size_t k;

  for (k = i; k > 0 && i - k < back && !starts_sentence(cx, k); k--)
    if (word_is(cx, c, k - 1))
      return 1;
  return 0;
}

/* Is word i the word w? */
static int
word_text_is(const struct ctx *cx, size_t i, const char *w)
{
  size_t n = strlen(w);

  return i < cx->nm->n && cx->nm->w[i].len == n &&
         memcmp(cx->nm->text + cx->nm->w[i].off, w, n) == 0;
}

/* Does word k end in "-nya" (someone's)? */
static int
owned_nya(const struct ctx *cx, size_t k)
{
  const struct word *w = &cx->nm->w[k];

  return w->len > 3 &&
         memcmp(cx->nm->text + w->off + w->len - 3, "nya", 3) == 0;
}

/* Is word i one of the words of the NULL-terminated list? */
static int
word_in(const struct ctx *cx, size_t i, const char *const *list)
{
  for (; *list != NULL; list++)
    if (word_text_is(cx, i, *list))
      return 1;
  return 0;
}

/* Is word i a word of owning between owner and thing, Kupang "pung" or
 * "punya" ("beta pung parang", "kades punya otak")? */
static int
owning(const struct ctx *cx, size_t i)
{
  static const char *const own[] = {"pung", "punya", NULL};

  return word_in(cx, i, own);
}

/* The first of the words right before word k, in its clause and at most
 * max of them, that are person or office words or carry one of flags
 * (names: WORD_TITLE, WORD_CAPS); k when word k - 1 is none. */
static size_t
name_run(const struct ctx *cx, size_t k, size_t max, unsigned flags)
{
  size_t m;

  for (m = k; m > 0 && k - m < max && !starts_clause(cx, m) &&
              ((cx->nm->w[m - 1].flags & flags) ||
               word_is(cx, WC_PERSON, m - 1));
       m--)
    ;
  return m;
}

/* "kami warga Desa Noelbaki ...": the words before word k are a name or
 * office words (at most CTX_ORIGIN of them, names capitalised) after a
 * [crowd] word, the place the crowd comes from.  Returns the index of
 * the [crowd] word, or k when there is none. */
static size_t
crowd_origin(const struct ctx *cx, size_t k)
{
  size_t m = name_run(cx, k, CTX_ORIGIN, WORD_TITLE);

  if (m == k || m == 0 || starts_clause(cx, m) ||
      !word_is(cx, WC_CROWD, m - 1))
    return k;
  return m - 1;
}

/* How subject_of() looks for the one a predicate is said of. */
#define SUBJ_LINK 1u    /* a link word must stand between ("kades itu ...") */
#define SUBJ_BARE 2u    /* nothing stands between ("kades bodoh") */
#define SUBJ_GENERAL 4u /* a word that generalises may follow the link
                         * ("pegawai itu semua tikus") */
#define SUBJ_OWNED 8u   /* "pung"/"punya" stands between ("camat pung
                         * otak") */
#define SUBJ_ONE 16u    /* the subject is the one word before, not a run
                         * of names */
#define SUBJ_OPENS 32u  /* the subject opens its clause */
#define SUBJ_PERSON 64u /* the subject's first word is a person or office
                         * word (always so with SUBJ_ONE) */

/*
 * Who is the predicate that starts at word i said of?  Walking back in
 * its clause, as `how` allows: "pung"/"punya" (SUBJ_OWNED), a word that
 * generalises after a link word (SUBJ_GENERAL), a link word (required
 * with SUBJ_LINK, never taken with SUBJ_BARE or SUBJ_OWNED, else
 * optional), then the subject: a run of names and person or office words
 * (name_run), or the one word there (SUBJ_ONE).  The reporter's own word
 * is never the subject.  Returns the subject's first word, or i when the
 * predicate is said of no one found so.
 */
static size_t
subject_of(const struct ctx *cx, size_t i, unsigned how)
{
  size_t k = i, s;

  if (i == 0 || starts_clause(cx, i))
    return i;
  if (how & SUBJ_OWNED) {
    if (k < 2 || starts_clause(cx, k - 1) || !owning(cx, k - 1))
      return i;
    k--;
  }
  /* "Pegawai Dukcapil itu semua tikus ...". */
  if ((how & SUBJ_GENERAL) && k > 2 && word_is(cx, WC_GENERAL, k - 1) &&
      word_is(cx, WC_INTENS, k - 1) && word_is(cx, WC_LINK, k - 2)) {
    k--;
    if (starts_clause(cx, k))
      return i;
  }
  if (!(how & (SUBJ_BARE | SUBJ_OWNED)) && k > 1 &&
      !starts_clause(cx, k - 1) && word_is(cx, WC_LINK, k - 1))
    k--;
  else if (how & SUBJ_LINK)
    return i;
  s = (how & SUBJ_ONE) ? k - 1
                       : name_run(cx, k, CTX_BEFORE, WORD_TITLE | WORD_CAPS);
  if (s == k || word_is(cx, WC_SELF, s) ||
      ((how & SUBJ_OPENS) && !starts_clause(cx, s)) ||
      ((how & (SUBJ_PERSON | SUBJ_ONE)) && !word_is(cx, WC_PERSON, s)))
    return i;
  return s;
}

static int same_word(const struct ctx *cx, size_t i, size_t k);

/* "beta sendiri yang ...", "kami yang ...": is word k "yang" after the
 * reporter's word (and "sendiri") that opens its clause?  The one "who"
 * does it is then the reporter; "anak saya yang ..." is the child. */
static int
cleft_self(const struct ctx *cx, size_t k)
{
  size_t m;

  if (k == 0 || starts_clause(cx, k) ||
      !(word_text_is(cx, k, "yang") || word_text_is(cx, k, "yg")))
    return 0;
  m = k - 1;
  if (m > 0 && !starts_clause(cx, m) && word_text_is(cx, m, "sendiri"))
    m--;
  /* ", dan saya sendiri yang ...": "dan" may open the clause first. */
  return word_is(cx, WC_SELF, m) &&
         (starts_clause(cx, m) ||
          (m > 0 && starts_clause(cx, m - 1) && word_text_is(cx, m - 1, "dan")));
}

/* May word j be one of the reporter's companions: a band, kin or person
 * word ("kawan", "keluarga", "adik", "ana")? */
static int
companion_word(const struct ctx *cx, size_t j)
{
  return word_is(cx, WC_BAND, j) || word_is(cx, WC_KIN, j) ||
         (word_is(cx, WC_PERSON, j) && !word_is(cx, WC_SELF, j));
}

/* May word j open a group of the reporter's named after the reporter's
 * word: a [band] or [crowd] word or "tim"? */
static int
group_word(const struct ctx *cx, size_t j)
{
  return word_is(cx, WC_BAND, j) || word_is(cx, WC_CROWD, j) ||
         word_text_is(cx, j, "tim");
}

/* The reporter's people right before word k, in its clause, who do with
 * the reporter what the verb after them says:
 *  - a group in apposition: a group word (group_word) right after the
 *    reporter's word, one more word after it or not ("kami tim sukses
 *    akan ...", "kami pemuda desa siap ...");
 *  - companions (companion_word, at most CTX_COMPANY of them) joined to
 *    the reporter's word by a [join] word or owned by it ("pung",
 *    "punya"): "saya dan adik-adik", "kami dengan keluarga", "beta deng
 *    beta pung kawan2", "beta pung ana2".
 * Returns the index of that reporter's word, or k when there is none. */
#define CTX_COMPANY 4
static size_t
self_company(const struct ctx *cx, size_t k)
{
  static const char *const join[] = {"dan", "dengan", "deng", "dgn",
                                     "bersama", NULL};
  size_t f;

  for (f = k; f > 1 && k - f < 2 && !starts_clause(cx, f - 1); f--)
    if (group_word(cx, f - 1) && word_is(cx, WC_SELF, f - 2))
      return f - 2;
  for (f = k; f > 0 && k - f < CTX_COMPANY && !starts_clause(cx, f) &&
              companion_word(cx, f - 1);
       f--)
    ;
  if (f == k || f < 2 || starts_clause(cx, f) || starts_clause(cx, f - 1) ||
      !word_is(cx, WC_SELF, f - 2))
    return k;
  return word_in(cx, f - 1, join) || owning(cx, f - 1) ? f - 2 : k;
}

/* Is the agent of the verb at word i the reporter: a first-person word
 * before it, with only modal, arming and weapon words between (or the
 * thing an arming word takes: "beta ambil batu lempar ..."), the
 * place a crowd of the reporter's comes from (crowd_origin) and "satu"
 * or "se-" with its noun ("kami satu kampung", "kami se-desa"), within
 * CTX_BEFORE words (a word said twice, "satu" and "dan" not counted), or
 * with a group or companions (self_company: "kami tim sukses akan bakar",
 * "saya dan adik-adik datang bakar")?
 * Not when "dan" joins the verb to that word: "tendang jualan saya dan
 * pukul kepala saya" tells what was done to the reporter. */
static int
self_agent(const struct ctx *cx, size_t i)
{
  size_t k, m, spare = 0;

  for (k = i; k > 0 && i - k < CTX_BEFORE + spare && !starts_sentence(cx, k);
       k--) {
    if (word_is(cx, WC_SELF, k - 1))
      return !word_text_is(cx, k, "dan");
    if (self_company(cx, k) < k)
      return 1;
    /* "kami akan datang dengan parang": the weapon brought */
    if (k == i && word_is(cx, WC_WEAPON, i) && !starts_clause(cx, k) &&
        word_is(cx, WC_TO, k - 1) && !word_text_is(cx, k - 1, "ke"))
      continue;
    /* "datang ramai-ramai dan membakar": a word said twice, and "dan"
     * between verbs, do not take the reporter further away. */
    spare += word_text_is(cx, k - 1, "dan") ||
             (k >= 2 && !starts_clause(cx, k - 1) && same_word(cx, k - 2, k - 1));
    m = crowd_origin(cx, k);
    if (m < k) {
      k = m + 2;   /* after k--, word k - 1 is the [crowd] word */
      continue;
    }
    /* "kami satu kampung datang ...": the many the reporter brings
     * ("se-kampung" is "satu kampung"). */
    if (k >= 2 && !starts_clause(cx, k - 1) &&
        (word_text_is(cx, k - 2, "satu") || word_text_is(cx, k - 2, "se"))) {
      k--;
      spare++;
      continue;
    }
    if (!word_is(cx, WC_MODAL, k - 1) && !word_is(cx, WC_ARM, k - 1) &&
        !word_is(cx, WC_WEAPON, k - 1) && !word_is(cx, WC_CAUSE, k - 1) &&
        !cleft_self(cx, k - 1) &&
        !(k >= 2 && !starts_clause(cx, k - 1) && word_is(cx, WC_ARM, k - 2)))
      return 0;
  }
  return 0;
}

/* "Kami sudah siapkan bensin, tinggal tunggu perintah untuk bakar kantor
 * Samsat": the verb at word i right after a [purpose] word, and earlier
 * in its sentence (no [turn] word between) a verb of arming whose agent
 * is the reporter.  Readied by the reporter, the violence is theirs
 * however far the verb stands from them. */
static int
armed_for(const struct ctx *cx, size_t i)
{
  size_t k;

  if (i == 0 || starts_clause(cx, i) || !word_is(cx, WC_PURPOSE, i - 1))
    return 0;
  for (k = i - 1; k > 0 && !starts_sentence(cx, k); k--) {
    if (word_is(cx, WC_TURN, k - 1))
      return 0;
    if (word_is(cx, WC_ARM, k - 1) && self_agent(cx, k - 1))
      return 1;
  }
  return 0;
}

/* May the person at word k be a new subject in a chain of verbs ("...
 * lalu polisi datang dan pukul")?  Right after a noun of a building or
 * office it is the owner in an object ("cegat mobil dinas camat dan
 * gulingkan"). */
static int
new_subject(const struct ctx *cx, size_t k)
{
  return k == 0 || starts_clause(cx, k) ||
         !(word_is(cx, WC_TARGET, k - 1) || word_is(cx, WC_PERSON, k - 1));
}

/* The first word of the clause of word i past the condition and intent
 * words that open it ("kalau ...", "besok ..."), at most i. */
static size_t
clause_subject(const struct ctx *cx, size_t i)
{
  size_t c = clause_start(cx, i);

  while (c < i && (word_is(cx, WC_IF, c) || word_is(cx, WC_INTENT, c)))
    c++;
  return c;
}

/* "Orang kami di sana bisa habisi dia", "pemuda kami di kampung siap
 * ...": the clause of the verb at word i opens (after condition or
 * intent words) with a [band] word and the reporter's word, then only a
 * place ("di"/"dari" and a word) and modal or intensifying words before
 * the verb.  The reporter's people act for the reporter; "kepala sekolah
 * saya" is an official, not one of them. */
static int
band_agent(const struct ctx *cx, size_t i)
{
  size_t k, c = clause_subject(cx, i);

  if (c + 1 >= i || !word_is(cx, WC_BAND, c) || !word_is(cx, WC_SELF, c + 1))
    return 0;
  for (k = c + 2; k < i; k++) {
    if ((word_text_is(cx, k, "di") || word_text_is(cx, k, "dari")) &&
        k + 1 < i) {
      k++;
      continue;
    }
    if (!word_is(cx, WC_MODAL, k) && !word_is(cx, WC_INTENS, k))
      return 0;
  }
  return 1;
}

/* The reporter behind the verb of violence at word i from further off:
 *  - through others ordered or raised: an [order] word whose agent is
 *    the reporter, at most CTX_BEFORE words before it in its clause
 *    ("beta suruh anak muda kampung pukul ...", "kami kerahkan massa
 *    untuk membakar ...");
 *  - as the subject of a chain of verbs: "dan", "lalu", "terus" right
 *    before it, and the clause opened by the reporter's word (after a
 *    condition word) with no other person named between ("kami blokir
 *    jalan lalu serbu dan bakar ..."; "kami blokir jalan lalu polisi
 *    datang dan pukul ..." is the police, and what the reporter saw or
 *    heard has a subject of its own: "saya lihat air turun dan
 *    hancurkan rumah");
 *  - through the reporter's people (band_agent). */
static int
remote_agent(const struct ctx *cx, size_t i)
{
  static const char *const chain[] = {"dan", "lalu", "terus", "kemudian",
                                      NULL};
  size_t k, c;

  for (k = i; k > 0 && i - k < CTX_BEFORE && !starts_clause(cx, k); k--)
    if (word_is(cx, WC_ORDER, k - 1) && self_agent(cx, k - 1))
      return 1;
  if (band_agent(cx, i))
    return 1;
  if (i == 0 || starts_clause(cx, i) || !word_in(cx, i - 1, chain))
    return 0;
  c = clause_subject(cx, i);
  if (!word_is(cx, WC_SELF, c))
    return 0;
  for (k = c + 1; k < i; k++)
    if (((word_is(cx, WC_PERSON, k) || word_is(cx, WC_YOU, k) ||
          word_is(cx, WC_CROWD, k)) && new_subject(cx, k)) ||
        word_is(cx, WC_SELF, k) || word_is(cx, WC_WAIT, k) ||
        word_is(cx, WC_SAY, k))
      return 0;
  return 1;
}

/* May word k stand between a verb of violence and its object: a link,
 * modal or intensifying word, an outcome ("tembak mati dia"), a word for
 * "to" ("lempar ke kantor"), a second verb of violence ("serbu dan
 * hancurkan kantor") or a life owned by the one after it ("habisi nyawa
 * camat")?  Any other word is the object itself: "racun hama dari dinas",
 * "bakar sampah di depan kantor" name a thing, not the office. */
static int
object_skip(const struct ctx *cx, size_t k)
{
  return word_is(cx, WC_LINK, k) || word_is(cx, WC_MODAL, k) ||
         word_is(cx, WC_INTENS, k) || word_is(cx, WC_OUTCOME, k) ||
         word_is(cx, WC_TO, k) || word_is(cx, WC_HARM, k) ||
         word_is(cx, WC_LIFE, k);
}

/* "bakar itu loket Samsat", "racuni sumur rumah sekdes", "bakar oto
 * kades pung": the thing at word k (the verb's object) owned by
 * a person, office or building named right after it in its clause, with
 * "pung"/"punya"/"milik" or one more plain word (a noun of the thing:
 * "gudang beras Bulog") between.  A preposition, a link or a function
 * word ends the thing: "kayu di belakang rumah kades" is no one's.  A
 * [strict] verb takes no such object (has_target). */
#define OWNER_GAP 1
static int
owned_by(const struct ctx *cx, size_t k)
{
  static const char *const stop[] = {"di", "dari", "dekat", "yang", "yg",
                                     "dan", "atau", "lalu", NULL};
  size_t m;

  for (m = k + 1; m < cx->nm->n && m <= k + 1 + OWNER_GAP &&
                  !starts_clause(cx, m); m++) {
    if (word_is(cx, WC_PERSON, m) || word_is(cx, WC_TARGET, m))
      return !word_is(cx, WC_SELF, m);
    if (owning(cx, m) || word_text_is(cx, m, "milik"))
      continue;
    if (object_skip(cx, m) || word_is(cx, WC_PURPOSE, m) ||
        word_is(cx, WC_IF, m) || word_is(cx, WC_BECAUSE, m) ||
        word_is(cx, WC_SELF, m) || word_is(cx, WC_HARM, m) ||
        word_in(cx, m, stop))
      return 0;
  }
  return 0;
}

/* "bakar gardu dan kantornya", "hancurkan pagar atau rumah mandor": the
 * thing at word k (the verb's object) with a person, office or building
 * (not the reporter's) joined to it by "dan", "atau" or "serta" right
 * after it in its clause: the verb reaches that one too. */
static int
second_object(const struct ctx *cx, size_t k)
{
  static const char *const join[] = {"dan", "atau", "serta", "deng", NULL};

  return k + 2 < cx->nm->n && !starts_clause(cx, k + 1) &&
         !starts_clause(cx, k + 2) && word_in(cx, k + 1, join) &&
         (word_is(cx, WC_PERSON, k + 2) || word_is(cx, WC_TARGET, k + 2)) &&
         !word_is(cx, WC_SELF, k + 2);
}

/* Is a person, office or building the target of the verb at word i:
 * within CTX_AFTER words in its clause, link words not counted ("tunggu
 * itu kades lewat"); right after a [strict] verb, whose everyday sense
 * takes a thing ("gantung spanduk di kantor", "patahkan alasan
 * camat")?  Past a comma the story goes on ("kami sudah potong padi,
 * tapi kepala desa ..."), but a weapon, or a
 * verb of readying one, may name its target in the next clause ("beta su
 * siap parang, tinggal tunggu dia lewat"), where the reporter's own and
 * modal words do not count ("..., besok beta cari itu kepala dusun").  A reason ends the search
 * as well: "kami potong sendiri karena dinas tidak datang". */
static int
has_target(const struct ctx *cx, size_t i)
{
  size_t k, seen = 0;
  size_t limit = word_is(cx, WC_STRICT, i) ? 1 : CTX_AFTER;
  int weapon = word_is(cx, WC_WEAPON, i) || word_is(cx, WC_ARM, i);

  for (k = i + 1; k < cx->nm->n && seen < limit &&
                  !(weapon ? starts_sentence(cx, k) : starts_clause(cx, k)) &&
                  !word_is(cx, WC_BECAUSE, k);
       k++) {
    if (word_is(cx, WC_PERSON, k) || word_is(cx, WC_YOU, k) ||
        word_is(cx, WC_TARGET, k))
      return 1;
    if (!weapon && !object_skip(cx, k))
      return limit > 1 && (owned_by(cx, k) || second_object(cx, k));
    if (!word_is(cx, WC_LINK, k) &&
        !(weapon && (word_is(cx, WC_SELF, k) || word_is(cx, WC_MODAL, k))))
      seen++;
  }
  return 0;
}

/* The [to] word after the verb at word i in its clause: right after it,
 * or after one intensifier ("bilang saja ke ..."); 0 when there is none. */
static size_t
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

/* "Bilang sama mandor, ...", "Omong ke camat: ...", "Bilang saja ke
 * ...": a bare verb of saying (not "dibilang", not "katanya") that opens
 * its clause, with a [to] word after it (message_to), is the reporter's
 * message for someone, not someone else's words. */
static int
message_for(const struct ctx *cx, size_t i)
{
  const char *t = cx->nm->text + cx->nm->w[i].off;

  return starts_clause(cx, i) && t[0] != 'd' && !owned_nya(cx, i) &&
         message_to(cx, i) > 0;
}

/* "..., kata camat", "..., begitu kata petugas", "..., itu ancaman kepala
 * dusun": a verb of saying at word i that opens a clause inside its
 * sentence (after a comma, or after "begitu"/"demikian"/"itu"/"ini" that
 * does) with the speaker, a person other than the
 * reporter, right after it: the words before it are that person's.  The
 * first word of the sentence is returned in *from. */
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
  if (j == 0 || starts_sentence(cx, j) || !starts_clause(cx, j) ||
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

/* "[pesan suara] ya halo pak ...", "Chat: ...": a [message] word at word
 * i that opens the text with no sender after it ("dari" within two words
 * of its clause, or a person or the one addressed right after it) names
 * the form the reporter's own words came in (a voice note transcribed),
 * not someone else's message: "SMS dari kades: ..." and "Pesan camat:
 * ..." are. */
static int
medium_label(const struct ctx *cx, size_t i)
{
  size_t k;

  if (i != 0)
    return 0;
  for (k = 1; k < cx->nm->n && k <= 2 && !starts_clause(cx, k); k++)
    if (word_text_is(cx, k, "dari") || word_text_is(cx, k, "dr") ||
        (k == 1 && ((word_is(cx, WC_PERSON, k) && !word_is(cx, WC_SELF, k)) ||
                    word_is(cx, WC_YOU, k))))
      return 0;
  return 1;
}

/*
 * Mark the words said by someone else: inside quotation marks (when the
 * text has words outside them: a text that is all one quote is the
 * reporter's own), after a verb of saying in the same sentence whose
 * subject is not the reporter ("saya bilang ..." is the reporter's own)
 * or a message someone else sent (sent_by_self, medium_label),
 * and before one that names its speaker after the words (said_after).
 */
static void
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
        (nm->text[nm->w[i].off] == 'd' || !self_agent(cx, i)))
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

/* Words that may follow a predicate in its clause (semua, sekali): the
 * last word of the predicate that starts at e's end. */
static size_t
skip_intensifiers(const struct ctx *cx, size_t e)
{
  while (e + 1 < cx->nm->n && !starts_clause(cx, e + 1) &&
         word_is(cx, WC_INTENS, e + 1))
    e++;
  return e;
}

/* Is the one addressed the subject of the predicate that starts at word
 * i: a [you] word before it in its clause, with only link words between
 * ("lu memang bodok sampe ...", "kamu itu maling uang rakyat")?  Said
 * to the face, it is aimed however the sentence goes on. */
static int
you_subject(const struct ctx *cx, size_t i)
{
  size_t k = i;

  while (k > 0 && !starts_clause(cx, k) && word_is(cx, WC_LINK, k - 1))
    k--;
  return k > 0 && !starts_clause(cx, k) && word_is(cx, WC_YOU, k - 1);
}

/* "maling uang rakyat", "pencuri dana BLT", "perampok beras bantuan":
 * after the predicate ending at word e, what it takes (a [loot] word,
 * then up to OBJECT_MAX - 1 more [loot], person or crowd words or names)
 * up to the end of its clause.  Returns the last word of that object, or
 * e when there is none ("itu maling masuk tadi malam" names no loot). */
#define OBJECT_MAX 3
static size_t
loot_after(const struct ctx *cx, size_t e)
{
  size_t k = e + 1;

  if (k >= cx->nm->n || starts_clause(cx, k) || !word_is(cx, WC_LOOT, k))
    return e;
  while (k + 1 < cx->nm->n && k + 1 <= e + OBJECT_MAX &&
         !starts_clause(cx, k + 1) &&
         (word_is(cx, WC_LOOT, k + 1) || word_is(cx, WC_PERSON, k + 1) ||
          word_is(cx, WC_CROWD, k + 1) ||
          (cx->nm->w[k + 1].flags & WORD_TITLE)))
    k++;
  return ends_clause(cx, k) ? k : e;
}

static int literal_cue(const struct ctx *cx, size_t i, size_t e);

/* "Lurah Oebobo itu tikus ...", "Kadis PUPR Sikka itu perampok ...": a
 * link word right before word i, and before it, opening the clause, an
 * official named by person and office words and names only (at most
 * CTX_BEFORE words).  What stands after the predicate (an object, a
 * relative clause, "berkedok ...") does not take the aim away. */
static int
official_subject(const struct ctx *cx, size_t i)
{
  /* "Pegawai Dukcapil itu semua tikus ...": a word that generalises
   * may follow the link word. */
  return subject_of(cx, i, SUBJ_LINK | SUBJ_GENERAL | SUBJ_OPENS |
                               SUBJ_PERSON) < i;
}

/* Is word p a [trait] word (bermental, berotak, berhati) after a person
 * or office named by person words and names ("Petugas BPN bermental")? */
static int
trait_of(const struct ctx *cx, size_t p)
{
  /* "Kepala sekolah itu berwajah setan": a link word may stand between. */
  return word_is(cx, WC_TRAIT, p) && subject_of(cx, p, SUBJ_PERSON) < p;
}

/* "otak keledai", "berotak kerbau", "otaknya (ditaruh) di dengkul": a
 * [mind] or [trait] word at word i, then a [beast] right after it, or
 * "di"/"ke" and a [low] place at most MIND_GAP words on in its clause.
 * Returns the last word of that idiom, or i when there is none ("otak
 * pelaku", "gegar otak", "otak saya pusing"). */
#define MIND_GAP 3
static size_t
low_mind(const struct ctx *cx, size_t i)
{
  size_t k, n = cx->nm->n;

  if (!word_is(cx, WC_MIND, i) && !word_is(cx, WC_TRAIT, i))
    return i;
  if (i + 1 < n && !starts_clause(cx, i + 1) && word_is(cx, WC_BEAST, i + 1))
    return i + 1;
  for (k = i + 1; k + 1 < n && k <= i + MIND_GAP; k++) {
    if (starts_clause(cx, k) || starts_clause(cx, k + 1))
      return i;
    if ((word_text_is(cx, k, "di") || word_text_is(cx, k, "ke")) &&
        word_is(cx, WC_LOW, k + 1))
      return k + 1;
  }
  return i;
}

/* "dasar orang kampung bodoh", "hei pegawai kantor maling": a [vocative]
 * word opens the clause of word i, a person or [grouphead] word right
 * after it, at most CTX_NAMED words before word i, and the predicate
 * ends the clause (last).  "Dasar aturan ... sampah" calls no one. */
static int
called_by_phrase(const struct ctx *cx, size_t i, int last)
{
  size_t c = clause_start(cx, i);

  return last && c + 1 < i && i - c <= CTX_NAMED + 1 &&
         word_is(cx, WC_VOCATIVE, c) &&
         (word_is(cx, WC_PERSON, c + 1) || word_is(cx, WC_GROUPHEAD, c + 1));
}

/* "Kapus Oesao itu tikus kantor", "Yosef Bria itu lintah desa": the
 * predicate at words i..end (an animal) takes the office it preys on (a
 * person word) and ends its clause there, after a link word, and the
 * subject before the link opens the clause and is only names and person
 * words.  The office word makes the animal a person, so an unknown name
 * is a person too.  "tikus di kantor" takes no office. */
static int
office_pest(const struct ctx *cx, size_t i, size_t end)
{
  size_t o = end + 1;

  return o < cx->nm->n && !starts_clause(cx, o) && ends_clause(cx, o) &&
         word_is(cx, WC_PERSON, o) && !word_is(cx, WC_THEY, o) &&
         subject_of(cx, i, SUBJ_LINK | SUBJ_OPENS) < i;
}

/*
 * Is the word or phrase at words i..e aimed at someone: called out
 * ("dasar maling", "hei bodoh", "anjing kau", "kau babi", "lu memang
 * bodok sampe ..."), said of a
 * person or office ("kepala dinas itu anjing", "bapak camat babi",
 * "pejabat babi itu"), or exclaimed on its own ("anjing!", "Bangsat,
 * ...")?
 */
static int
aimed(const struct ctx *cx, size_t i, size_t e)
{
  size_t end = skip_intensifiers(cx, e);
  int first = starts_clause(cx, i), last = ends_clause(cx, end);
  size_t p = i - 1, nx = e + 1;
  int general = 0;

  /* "kantor itu sarang maling": the den's owner is the one aimed at. */
  if (!first && p > 0 && word_is(cx, WC_COLLECTIVE, p) &&
      !starts_clause(cx, p))
    p--;
  /* "petugas bermental tikus", "kades berotak maling": a word of
   * character right before it, said of a person or office. */
  if (!first && trait_of(cx, p))
    return 1;
  /* "dong semua pencuri", "dia memang maling": a word that generalises
   * stands between the subject and its predicate. */
  if (!first && p > 0 && !starts_clause(cx, p) &&
      word_is(cx, WC_INTENS, p) && word_is(cx, WC_GENERAL, p)) {
    p--;
    general = 1;
  }
  /* "camat itu bodoh dan tidak tahu kerja", "petugas semua bodoh dan
   * malas": the predicate, after a link word or a word that generalises
   * a person, goes on ("kepala babi dan uang" is a pig's head). */
  if (!last && !first &&
      (word_is(cx, WC_LINK, p) ||
       (general && subject_of(cx, p + 1, SUBJ_BARE | SUBJ_ONE) == p)) &&
      word_text_is(cx, end + 1, "dan") && !starts_clause(cx, end + 1))
    last = 1;

  if (!first && (word_is(cx, WC_VOCATIVE, p) || you_subject(cx, i)))
    return 1;
  if (!first && called_by_phrase(cx, i, last))
    return 1;
  if (nx < cx->nm->n && !starts_sentence(cx, nx) &&
      word_is(cx, WC_YOU, nx) &&
      (ends_clause(cx, nx) || word_is(cx, WC_PERSON, nx + 1) ||
       word_is(cx, WC_YOU, nx + 1) || word_is(cx, WC_INTENS, nx + 1)))
    return 1;
  if ((first && last) || exclaimed(cx, end))
    return 1;
  /* "..., bendahara sonde tau malu, pencuri uang rakyat.": the word and
   * what it takes (loot_after) are the whole clause, an epithet as much
   * as the word alone. */
  if (first)
    return loot_after(cx, end) > end;
  /* "kades bodoh sekali ...": an intensifier after it makes it the
   * predicate of the official right before it. */
  if (end > e && subject_of(cx, p + 1, SUBJ_BARE | SUBJ_ONE) == p)
    return 1;
  if (official_subject(cx, i) && !literal_cue(cx, i, e))
    return 1;
  if (office_pest(cx, i, end) && !literal_cue(cx, i, e))
    return 1;
  /* "itu tikus kantor", "itu maling desa": the predicate with the
   * office it preys on still ends its clause. */
  if (!last && end + 1 < cx->nm->n && !starts_clause(cx, end + 1) &&
      word_is(cx, WC_PERSON, end + 1) && ends_clause(cx, end + 1))
    last = 1;
  if (!last && loot_after(cx, end) > end)
    last = 1;
  if (last && (word_is(cx, WC_YOU, p) ||
               ((word_is(cx, WC_LINK, p) || word_is(cx, WC_PERSON, p) ||
                 word_is(cx, WC_SELF, p) ||
                 (cx->nm->w[p].flags & WORD_TITLE)) &&
                (word_is(cx, WC_PERSON, p) ||
                 class_before(cx, WC_PERSON, i, CTX_BEFORE)))))
    return 1;
  /* An epithet: "pejabat babi itu ...", "kades anjing yang ...". */
  return subject_of(cx, p + 1, SUBJ_BARE | SUBJ_ONE) == p &&
         nx < cx->nm->n && !starts_clause(cx, nx) && word_is(cx, WC_LINK, nx);
}

/* Does a word near words i..e show the literal sense of word i
 * ("bangsat" near "kasur", "babi" near "ternak")? */
static int
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

/* Record what was found at word i: an offence of kind v (kept when it is
 * graver than the one found so far), or the mark it earns when reported. */
static void
found(struct ctx *cx, size_t i, enum quality_verdict v, const char *term)
{
  if (cx->reported[i]) {
    cx->j->marks |= QUALITY_MARK_QUOTED;
    return;
  }
  if (v > cx->j->verdict) {
    cx->j->verdict = v;
    cx->j->term = term;
  }
}

/* "siram bensin", "menyiram air keras": a [douse] verb at word i with a
 * [fuel] or "air keras" right after it in its clause.  Water poured on
 * plants or a street is none. */
static int
douse_fuel(const struct ctx *cx, size_t i)
{
  size_t k = i + 1;

  if (!word_is(cx, WC_DOUSE, i) || k >= cx->nm->n || starts_clause(cx, k))
    return 0;
  if (word_is(cx, WC_FUEL, k))
    return 1;
  return k + 1 < cx->nm->n && !starts_clause(cx, k + 1) &&
         word_text_is(cx, k, "air") && word_text_is(cx, k + 1, "keras");
}

/* Is c a lower-case vowel? */
static int
is_vowel(char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Is t[0..n) the entry h with vowels left out, its first letter kept
 * ("hbsi" of "habisi", "bnuh" of "bunuh")? */
static int
vowels_dropped(const char *t, size_t n, const char *h)
{
  size_t k = 0;

  if (*h != *t)
    return 0;
  for (; *h != '\0'; h++)
    if (k < n && *h == t[k])
      k++;
    else if (!is_vowel(*h))
      return 0;
  return k == n;
}

/* Is word i a [harm] verb written SMS-style without its vowels: at least
 * SMS_MIN letters, one of them a vowel (shorthand with none, "srng" for
 * "sering", is too often another word), not before a number ("pkul 9" is
 * the time)? */
#define SMS_MIN 4
#define WORD_STEM_MAX 32 /* longest affixed verb looked at */
static int
sms_harm(const struct ctx *cx, size_t i)
{
  const struct wordlist *l = &cx->q->cls[WC_HARM];
  const struct word *w = &cx->nm->w[i];
  const char *t = cx->nm->text + w->off;
  size_t k, vowels = 0;

  if (w->len < SMS_MIN ||
      (i + 1 < cx->nm->n && is_digit(cx->nm->text[cx->nm->w[i + 1].off])))
    return 0;
  for (k = 0; k < w->len; k++)
    vowels += is_vowel(t[k]);
  if (vowels != 1 || !is_letter(t[0]))
    return 0;
  for (k = 0; k < l->n; k++)
    if (l->v[k].tlen > w->len && vowels_dropped(t, w->len, l->v[k].text))
      return 1;
  return 0;
}

/* Is stem t[0..n), with -kan or -i taken off or not ("pukuli",
 * "tembakkan"), a verb of violence? */
static int
harm_stem(const struct ctx *cx, const char *t, size_t n)
{
  const struct wordlist *l = &cx->q->cls[WC_HARM];

  return list_find(l, KEY_TEXT, t, n) != NULL ||
         (n >= SUFFIX_MIN_STEM + 3 && memcmp(t + n - 3, "kan", 3) == 0 &&
          list_find(l, KEY_TEXT, t, n - 3) != NULL) ||
         (n >= SUFFIX_MIN_STEM + 2 && t[n - 1] == 'i' &&
          list_find(l, KEY_TEXT, t, n - 1) != NULL);
}

/* Is word i a verb of violence in an affixed form the [harm] list need
 * not spell out: the active me- form with its nasal ("mencekik" from
 * "cekik", "memukul" from "pukul", "menikam" from "tikam", "menyeret"
 * from "seret", "menghajar" from "hajar"), and -kan or -i
 * after it or after the bare stem ("memukuli", "pukuli")?  The list
 * holds stems; a Kupang form ("bunu") is a stem of its own. */
static int
harm_affixed(const struct ctx *cx, size_t i)
{
  static const struct {
    const char *prefix, *first; /* prefix to drop, letter it replaced */
  } nasal[] = {{"meny", "s"}, {"meng", "k"}, {"meng", ""}, {"mem", "p"},
               {"mem", ""}, {"men", "t"}, {"men", ""}, {"me", ""}};
  const struct word *w = &cx->nm->w[i];
  const char *t = cx->nm->text + w->off;
  char stem[WORD_STEM_MAX];
  size_t k, p, f;

  if (harm_stem(cx, t, w->len))
    return 1;
  for (k = 0; k < sizeof(nasal) / sizeof(nasal[0]); k++) {
    p = strlen(nasal[k].prefix);
    f = strlen(nasal[k].first);
    if (w->len < p + SUFFIX_MIN_STEM || w->len - p + f > sizeof(stem) ||
        memcmp(t, nasal[k].prefix, p) != 0)
      continue;
    memcpy(stem, nasal[k].first, f);
    memcpy(stem + f, t + p, w->len - p);
    if (harm_stem(cx, stem, w->len - p + f))
      return 1;
  }
  return 0;
}

/* Is word i a verb of violence or a weapon (or a fuel poured:
 * douse_fuel, or a verb without its vowels: sms_harm)?  *self is set
 * when it carries the reporter as its agent ("kubunuh"). */
static int
harm_word(const struct ctx *cx, size_t i, int *self)
{
  *self = 0;
  if (word_is(cx, WC_HARM, i) || word_is(cx, WC_WEAPON, i) ||
      harm_affixed(cx, i) || douse_fuel(cx, i) || sms_harm(cx, i))
    return 1;
  if (prefixed(cx, WC_HARM, i, "ku")) {
    *self = 1;
    return 1;
  }
  /* "kasi mati", "bikin mati", "pukul mati"; "kasi habis" */
  return i > 0 && !starts_clause(cx, i) &&
         (word_is(cx, WC_OUTCOME, i) || word_is(cx, WC_FINISH, i)) &&
         word_is(cx, WC_CAUSE, i - 1);
}

/* Does an outcome (mati, hancur) follow the verb at word i within two
 * words of its clause ("saya pukul sampai mati", "beta tembak mati")? */
static int
outcome_after(const struct ctx *cx, size_t i)
{
  size_t k;

  for (k = i + 1; k <= i + 2 && k < cx->nm->n && !starts_clause(cx, k); k++)
    if (word_is(cx, WC_OUTCOME, k))
      return 1;
  return 0;
}

/* "Petugas Dukcapil yang minta uang itu ...", "Petugas PLN yang putus
 * listrik kami ...": a noun phrase ending at word m, closed by a link
 * word (closed) or holding a relative clause ("yang"), whose head opens
 * its clause (within NP_MAX words; a demonstrative may stand before it)
 * as a person, office or building. */
#define NP_MAX 8
static int
np_head(const struct ctx *cx, size_t m, int closed)
{
  size_t c = m;

  while (c > 0 && m - c < NP_MAX && !starts_clause(cx, c)) {
    closed |= word_text_is(cx, c, "yang") || word_text_is(cx, c, "yg");
    c--;
  }
  if (!starts_clause(cx, c))
    return 0;
  /* "Itu mandor proyek ...": a demonstrative before the head. */
  if (c < m && word_is(cx, WC_LINK, c) && !word_is(cx, WC_PERSON, c))
    c++;
  return closed && (word_is(cx, WC_PERSON, c) || word_is(cx, WC_TARGET, c));
}

/* Is word j inside a phrase that modifies the head of its clause: after
 * "yang" or a word of place ("di depan rumah", "dekat kantor") in the
 * same clause?  Then the head, not j, is what was put first. */
static int
modifier_word(const struct ctx *cx, size_t j)
{
  static const char *const before[] = {
    "yang", "yg", "di", "ke", "dari", "dekat", "depan", "belakang",
    "samping", "sebelah", "dalam", NULL,
  };
  size_t k;

  for (k = j; k > 0 && !starts_clause(cx, k); k--)
    if (word_in(cx, k - 1, before))
      return 1;
  return 0;
}

/* "... kami hajar sampai babak belur", "... sa pukul sampe pingsan": a
 * result ("sampai" and what follows) right after word e ends the verb's
 * phrase as much as the end of its clause. */
static int
result_after(const struct ctx *cx, size_t e)
{
  return e + 2 < cx->nm->n && !starts_clause(cx, e + 1) &&
         !starts_clause(cx, e + 2) &&
         (word_text_is(cx, e + 1, "sampai") ||
          word_text_is(cx, e + 1, "sampe"));
}


/* "... saya tusuk pakai pisau", "... kami habisi satu per satu": an
 * instrument ("pakai", "dengan" and a word) or a manner ("satu per
 * satu") right after word e ends the verb's phrase as much as the end
 * of its clause. */
static int
means_after(const struct ctx *cx, size_t e)
{
  static const char *const means[] = {"pakai", "pake", "pakei", "dengan",
                                      "dgn", "deng", "menggunakan", NULL};

  if (e + 2 >= cx->nm->n || starts_clause(cx, e + 1) ||
      starts_clause(cx, e + 2))
    return 0;
  if (word_text_is(cx, e + 1, "satu"))
    return word_text_is(cx, e + 2, "per") || word_text_is(cx, e + 2, "demi");
  return word_in(cx, e + 1, means);
}

/*
 * The object put first: "kepala camat itu saya penggal", "kantornya beta
 * bakar saja", "petugas yang minta uang itu sy tikam" (np_head).  The
 * verb at word i, with the reporter as agent, ends its clause (but for
 * modal words and intensifiers, the verb said twice, or a condition,
 * purpose, place, result, instrument or manner after it: "... bakar saja
 * kalau ...", "... kami bom biar ...", "... saya gantung di pohon",
 * result_after, means_after), and right before the reporter's
 * word (but for link and modal words) stands a person, office or
 * building of the same clause: its head, or one after "yang" or a word of
 * place when the head opening the clause is one too (modifier_word,
 * np_head).
 */
static int
fronted_target(const struct ctx *cx, size_t i)
{
  size_t k = i, e = i;

  while (e + 1 < cx->nm->n && !starts_clause(cx, e + 1) &&
         !word_is(cx, WC_IF, e + 1) &&
         (word_is(cx, WC_MODAL, e + 1) || word_is(cx, WC_INTENS, e + 1) ||
          (e == i && same_word(cx, i, e + 1))))
    e++;
  if (!ends_clause(cx, e) && !word_is(cx, WC_IF, e + 1) &&
      !word_text_is(cx, e + 1, "di") && !result_after(cx, e) &&
      !means_after(cx, e))
    return 0;
  while (k > 0 && !starts_clause(cx, k) && !word_is(cx, WC_SELF, k - 1))
    k--;
  if (k == 0 || starts_clause(cx, k))
    return 0;
  for (k--; k > 0 && !starts_clause(cx, k); k--) {
    if (word_is(cx, WC_PERSON, k - 1) || word_is(cx, WC_TARGET, k - 1))
      return !modifier_word(cx, k - 1) || np_head(cx, k - 1, 1);
    if (!word_is(cx, WC_LINK, k - 1) && !word_is(cx, WC_MODAL, k - 1))
      return np_head(cx, k - 1, 1);
  }
  return 0;
}

/* "Sekali lagi petugas minta uang, ...": "sekali lagi" at word c, a
 * repeated offence as a condition. */
static int
repeat_if(const struct ctx *cx, size_t c)
{
  return c + 1 < cx->nm->n && !starts_clause(cx, c + 1) &&
         word_text_is(cx, c, "sekali") && word_text_is(cx, c + 1, "lagi");
}

/*
 * The object left out, named as the subject of an earlier clause: "Kalau
 * kades datang lagi, kami hajar."  The verb at word i ends its clause
 * (but for modal words and intensifiers, or a place: "saya tikam di
 * tempat"), the reporter's word opens that clause (modal and arming words
 * between), and an earlier clause of the sentence starts (after a
 * condition word, or a repeated offence: repeat_if) with a person or
 * office.
 */
static int
elided_target(const struct ctx *cx, size_t i)
{
  size_t k = i, e = i, c;

  while (e + 1 < cx->nm->n && !starts_clause(cx, e + 1) &&
         (word_is(cx, WC_MODAL, e + 1) || word_is(cx, WC_INTENS, e + 1)))
    e++;
  if (!ends_clause(cx, e) && !word_text_is(cx, e + 1, "di"))
    return 0;
  while (k > 0 && !starts_clause(cx, k) &&
         (word_is(cx, WC_MODAL, k - 1) || word_is(cx, WC_ARM, k - 1)))
    k--;
  if (k == 0 || !word_is(cx, WC_SELF, k - 1) || !starts_clause(cx, k - 1))
    return 0;
  for (c = k - 1; c > 0 && !starts_sentence(cx, c); c--) {
    if (!starts_clause(cx, c - 1))
      continue;
    if (repeat_if(cx, c - 1) && c + 1 < k - 1 &&
        word_is(cx, WC_PERSON, c + 1))
      return 1;
    if (word_is(cx, WC_IF, c - 1) && c < k - 1 &&
        word_is(cx, WC_PERSON, c))
      return 1;
    if (word_is(cx, WC_PERSON, c - 1))
      return 1;
  }
  return 0;
}

/* A weapon put first, readied by the reporter for someone: "parang sudah
 * saya asah untuk kepala dusun".  The reporter's word follows the weapon
 * at word i within CTX_AFTER words, then a verb of arming or violence
 * with a person, office or building after it.  A verb of violence that
 * opens its clause so is a means named as a thing: "Racun tikus sudah sy
 * siapkan untuk kopi pak sekdes". */
static int
fronted_weapon(const struct ctx *cx, size_t i)
{
  size_t k, v;

  if (!word_is(cx, WC_WEAPON, i) &&
      !(word_is(cx, WC_HARM, i) && starts_clause(cx, i)))
    return 0;
  for (k = i + 1; k < cx->nm->n && k <= i + CTX_AFTER &&
                  !starts_clause(cx, k); k++) {
    if (!word_is(cx, WC_SELF, k))
      continue;
    for (v = k + 1; v < cx->nm->n && !starts_clause(cx, v) &&
                    word_is(cx, WC_MODAL, v); v++)
      ;
    return v < cx->nm->n && !starts_clause(cx, v) &&
           (word_is(cx, WC_ARM, v) || word_is(cx, WC_HARM, v)) &&
           has_target(cx, v);
  }
  return 0;
}

/* Is word i a verb of the active me- form ("memotong", "membakar")?  It
 * tells what someone does; a call to violence takes the bare form
 * ("potong", "bakar"), so "Desa X, memotong dana BLT" calls for nothing. */
static int
active_form(const struct ctx *cx, size_t i)
{
  const struct word *w = &cx->nm->w[i];

  return w->len > 4 && memcmp(cx->nm->text + w->off, "me", 2) == 0;
}

/* Are words i and k (valid indexes) the same word ("cina-cina")? */
static int
same_word(const struct ctx *cx, size_t i, size_t k)
{
  const struct word *x = &cx->nm->w[i], *y = &cx->nm->w[k];

  return x->len == y->len &&
         memcmp(cx->nm->text + x->off, cx->nm->text + y->off, x->len) == 0;
}

static int ruin_of(const struct ctx *cx, size_t k);
static int other_person(const struct ctx *cx, size_t k);

/* "... bisa tidak sampai rumah", "... nanti tidak pulang": a [not] word
 * at m, then "pulang" or "sampai (di) rumah": someone not coming home. */
static int
no_return(const struct ctx *cx, size_t m)
{
  size_t k = m + 1;

  if (!word_is(cx, WC_NOT, m) || k >= cx->nm->n || starts_clause(cx, k))
    return 0;
  if (word_text_is(cx, k, "pulang"))
    return 1;
  if (!word_text_is(cx, k, "sampai") && !word_text_is(cx, k, "sampe"))
    return 0;
  if (k + 1 < cx->nm->n && word_text_is(cx, k + 1, "di"))
    k++;
  return k + 1 < cx->nm->n && !starts_clause(cx, k + 1) &&
         word_text_is(cx, k + 1, "rumah");
}

/* "Bendahara itu lebih baik hati-hati", "kades itu sebaiknya awas": the
 * first word of the advice ("lebih baik", "sebaiknya") right before the
 * [warn] word at i, or i when there is none. */
static size_t
advised(const struct ctx *cx, size_t i)
{
  if (i > 0 && !starts_clause(cx, i) && word_text_is(cx, i - 1, "sebaiknya"))
    return i - 1;
  if (i > 1 && !starts_clause(cx, i) && !starts_clause(cx, i - 1) &&
      word_text_is(cx, i - 1, "baik") && word_text_is(cx, i - 2, "lebih"))
    return i - 2;
  return i;
}

/* "... apa yang bisa terjadi sama dia": "terjadi" at word k, a [to] word
 * and a person or "you" right after it: something happening to someone.
 * "kecelakaan bisa terjadi sama kita" is the reporter's own risk. */
static int
befalls_on(const struct ctx *cx, size_t k)
{
  return k + 2 < cx->nm->n && word_text_is(cx, k, "terjadi") &&
         !starts_clause(cx, k + 1) && !starts_clause(cx, k + 2) &&
         word_is(cx, WC_TO, k + 1) &&
         (other_person(cx, k + 2) || word_is(cx, WC_YOU, k + 2));
}

/* "Awas pak camat, ... nanti mati": a [warn] word opening a clause (said
 * twice or not: "hati-hati"), a person or "you" within two words after
 * it (or an official named before it: "pak lurah tu awas sa, ...",
 * "bendahara itu lebih baik hati-hati, ...": advised, or opening the
 * clause of the warning: "sekdes itu kalau pulang malam hati-hati
 * saja"), and later in the sentence harm befalling people or someone
 * not coming home after a modal word ("bisa celaka", "bisa tidak sampai
 * rumah", "apa yang bisa terjadi sama dia": befalls_on), or
 * ruin ("jadi abu").  A warning about a bridge that "bisa hancur" is
 * none. */
static int
veiled_warning(const struct ctx *cx, size_t i)
{
  size_t k = i + 1, m, n = cx->nm->n;

  if (!word_is(cx, WC_WARN, i))
    return 0;
  if (k < n && !starts_sentence(cx, k) && same_word(cx, i, k))
    k++;
  if (official_subject(cx, advised(cx, i)) ||
      (other_person(cx, sentence_start(cx, i)) &&
       clause_start(cx, i) == sentence_start(cx, i))) {
    m = i;   /* "pak lurah tu awas sa, ...": named before the warning */
  } else {
    if (!starts_clause(cx, i))
      return 0;
    for (m = k; m < n && m < k + 2 && !starts_sentence(cx, m); m++)
      if (word_is(cx, WC_PERSON, m) || word_is(cx, WC_YOU, m))
        break;
    if (m >= n || m >= k + 2 || starts_sentence(cx, m))
      return 0;
  }
  for (m++; m < n && !starts_sentence(cx, m); m++)
    if ((word_is(cx, WC_MODAL, m - 1) &&
         (word_is(cx, WC_BEFALL, m) || no_return(cx, m) ||
          befalls_on(cx, m))) ||
        ruin_of(cx, m))
      return 1;
  return 0;
}

/* "saya punya senapan rakitan", "beta pung parang", "sa simpan pisau":
 * is word i a [weapon] the reporter has ("punya", "pung", "simpan",
 * "pegang" right before it after the reporter's word, or readied by
 * them: an [arm] word with the reporter as agent)? */
static int
owned_weapon(const struct ctx *cx, size_t i)
{
  static const char *const hold[] = {"simpan", "pegang", NULL};

  if (i < 2 || !word_is(cx, WC_WEAPON, i) || starts_clause(cx, i))
    return 0;
  if (owning(cx, i - 1) || word_in(cx, i - 1, hold))
    return !starts_clause(cx, i - 1) && word_is(cx, WC_SELF, i - 2);
  return word_is(cx, WC_ARM, i - 1) && self_agent(cx, i - 1);
}

/* "Awas saja, saya tahu rumah bapak di mana": a [warn] word opening a
 * clause at word i (or a weapon the reporter has: owned_weapon, when a
 * person is named right after "di mana": "saya punya senapan ... dan
 * saya tahu di mana bendahara desa itu tinggal"), then in its sentence
 * the reporter knowing ("tahu",
 * "tau" right after the reporter's word, modal words between) where
 * ("di mana", "dimana") someone lives or their children are.  "kami
 * tidak tahu kantor di mana" is a question, not menace. */
static int
know_where(const struct ctx *cx, size_t i)
{
  size_t m, s, n = cx->nm->n;
  int knows = 0, armed = owned_weapon(cx, i);

  if (!armed && (!word_is(cx, WC_WARN, i) || !starts_clause(cx, i)))
    return 0;
  for (m = i + 1; m < n && !starts_sentence(cx, m); m++) {
    if (word_text_is(cx, m, "tahu") || word_text_is(cx, m, "tau")) {
      for (s = m; s > i + 1 && !starts_clause(cx, s) &&
                  word_is(cx, WC_MODAL, s - 1); s--)
        ;
      knows |= s > i + 1 && !starts_clause(cx, s) &&
               word_is(cx, WC_SELF, s - 1);
    }
    if (knows && (word_text_is(cx, m, "dimana") ||
                  (word_text_is(cx, m, "mana") &&
                   word_text_is(cx, m - 1, "di"))))
      return !armed || other_person(cx, m + 1) ||
             (m + 2 < n && other_person(cx, m + 2));
  }
  return 0;
}

/* "pulang tinggal nama" at word k: coming home dead, in name only.  Said
 * of a migrant worker it is a death reported; after "jangan salahkan
 * kami kalau" it is one threatened. */
static int
home_dead(const struct ctx *cx, size_t k)
{
  return k + 2 < cx->nm->n && word_text_is(cx, k, "pulang") &&
         !starts_clause(cx, k + 1) && !starts_clause(cx, k + 2) &&
         word_text_is(cx, k + 1, "tinggal") && word_text_is(cx, k + 2, "nama");
}

/* "darah tumpah", "darah akan tumpah": a [blood] word at k and a [spill]
 * word after it, only modal words (and "yang") between.  With will set, a [will] word
 * must stand between ("darah akan tumpah ... kalau" is promised). */
static int
blood_spilt(const struct ctx *cx, size_t k, int will)
{
  size_t m;
  int promised = 0;

  if (!word_is(cx, WC_BLOOD, k))
    return 0;
  for (m = k + 1; m < cx->nm->n && m <= k + 3 && !starts_clause(cx, m);
       m++) {
    if (word_is(cx, WC_SPILL, m))
      return !will || promised;
    if (!word_is(cx, WC_MODAL, m) && !word_text_is(cx, m, "yang"))
      return 0;   /* "darahnya yang tumpah": the cleft too */
    promised |= word_is(cx, WC_WILL, m);
  }
  return 0;
}

/* "saya sendiri yang akan tumpahkan darahnya", "kami akan menumpahkan
 * darah camat itu": an active verb of spilling at word i with the
 * reporter as agent (self_agent) and someone's blood right after it (a
 * [blood] word with "-nya" or a person named after it). */
static int
blood_shed(const struct ctx *cx, size_t i)
{
  static const char *const shed[] = {"tumpahkan", "menumpahkan",
                                     "tumpahin", NULL};
  size_t b = i + 1, n = cx->nm->n;

  if (!word_in(cx, i, shed) || b >= n || starts_clause(cx, b) ||
      !word_is(cx, WC_BLOOD, b))
    return 0;
  if (!owned_nya(cx, b) &&
      !(b + 1 < n && !starts_clause(cx, b + 1) && other_person(cx, b + 1)))
    return 0;
  return self_agent(cx, i);
}

/* "darah dibayar darah", "nyawa dibalas nyawa" at word k: revenge. */
static int
blood_for_blood(const struct ctx *cx, size_t k)
{
  return k + 2 < cx->nm->n && word_is(cx, WC_BLOOD, k) &&
         !starts_clause(cx, k + 1) && !starts_clause(cx, k + 2) &&
         (word_text_is(cx, k + 1, "dibayar") ||
          word_text_is(cx, k + 1, "dibalas")) &&
         same_word(cx, k, k + 2);
}

/* Does word k name a person or office other than the reporter's own
 * ("pak lurah", not "ibu saya")? */
static int
other_person(const struct ctx *cx, size_t k)
{
  return k < cx->nm->n && word_is(cx, WC_PERSON, k) &&
         !word_is(cx, WC_SELF, k + 1);
}

/* "Bilang ke Pak Lurah, ...", "Sampaikan ke camat, ...": the sentence at
 * word s opens with a message for an official (message_for). */
static int
told_to(const struct ctx *cx, size_t s)
{
  size_t t;

  if (!(word_is(cx, WC_SAY, s) || word_text_is(cx, s, "sampaikan")) ||
      !message_for(cx, s))
    return 0;
  t = message_to(cx, s);
  return other_person(cx, t + 1) ||
         ((word_text_is(cx, t + 1, "itu") || word_text_is(cx, t + 1, "ini")) &&
          other_person(cx, t + 2));   /* Kupang: "sama itu mandor" */
}

/* The [not] word before word k (k > 0), a [will] word between or not
 * ("tidak lama", "tidak akan aman"): its index, or k when there is none. */
static size_t
negation_before(const struct ctx *cx, size_t k)
{
  size_t m = k - 1;

  if (m > 0 && word_is(cx, WC_WILL, m) && !starts_clause(cx, m))
    m--;
  return word_is(cx, WC_NOT, m) ? m : k;
}

/* "Nyawa pak lurah tidak lama lagi", "camat itu tidak akan lama lagi
 * hidup", "..., nyawanya tidak lama lagi": "lama lagi" at word k after a
 * [not] word (a [will] word may stand between), said of an official's
 * life: a [life] word before it in its clause, owned by a person named
 * right after it (or by "-nya" for the one who opens the sentence or is
 * sent the message that opens it: told_to), or
 * "hidup" after it with a person opening the clause.  "Nyawa ibu saya
 * ..." or a building "tidak akan lama lagi roboh" are none. */
static int
days_numbered(const struct ctx *cx, size_t k)
{
  size_t m, c;

  if (k < 1 || k + 1 >= cx->nm->n || !word_text_is(cx, k, "lama") ||
      !word_text_is(cx, k + 1, "lagi") || starts_clause(cx, k + 1))
    return 0;
  m = negation_before(cx, k);
  if (m == k)
    return 0;
  c = clause_start(cx, k);
  if (k + 2 < cx->nm->n && word_text_is(cx, k + 2, "hidup") &&
      !starts_clause(cx, k + 2) && other_person(cx, c))
    return 1;
  for (; c < m; c++) {
    /* "hari-harinya": the word said twice, the second one owned */
    if (!word_is(cx, WC_LIFE, c) || word_is(cx, WC_LIFE, c + 1))
      continue;
    if (other_person(cx, c + 1))
      return 1;
    return owned_nya(cx, c) &&
           (other_person(cx, sentence_start(cx, c)) ||
            told_to(cx, sentence_start(cx, c)));
  }
  return 0;
}

/* "Jangan salahkan kami kalau kantor itu terbakar / jadi abu", "jang cari
 * beta kalau ada yang luka": a [deny] and a [blame] word (or "cari" and
 * the reporter's word) at i, then a condition, then ruin, an outcome,
 * bloodshed, violence, someone "tidak bernyawa" or coming home dead
 * (home_dead) in the sentence.
 * "... kalau kami lapor ke KPK" is none. */
static int
blame_frame(const struct ctx *cx, size_t i)
{
  size_t k, n = cx->nm->n;

  if (i == 0 || !word_is(cx, WC_DENY, i - 1) ||
      !(word_is(cx, WC_BLAME, i) ||
        (word_text_is(cx, i, "cari") && word_is(cx, WC_SELF, i + 1))))
    return 0;
  for (k = i + 1; k < n && !starts_sentence(cx, k) && !word_is(cx, WC_IF, k);
       k++)
    ;
  if (k >= n || starts_sentence(cx, k))
    return 0;
  for (k++; k < n && !starts_sentence(cx, k); k++)
    if (word_is(cx, WC_OUTCOME, k) || word_is(cx, WC_BEFALL, k) ||
        word_is(cx, WC_RUIN, k) || word_is(cx, WC_HARM, k) ||
        prefixed(cx, WC_HARM, k, "di") || prefixed(cx, WC_HARM, k, "ter") ||
        home_dead(cx, k) || blood_spilt(cx, k, 0) ||
        (word_text_is(cx, k, "bernyawa") && word_is(cx, WC_NOT, k - 1)))
      return 1;
  return 0;
}

/* "Rumah kades akan dibakar warga kalau ...", "kantor camat akan dibakar
 * oleh kami": a passive verb of violence at word i after a [will] word
 * (a modal word may stand between), with the reporter or a crowd as its
 * agent right after it ("oleh" or not); not when the reporter's own
 * things come before it in its clause ("rumah saya akan dibakar warga
 * suruhan kades" is a threat the reporter suffers). */
static int
passive_ultimatum(const struct ctx *cx, size_t i)
{
  size_t a = i + 1, k, n = cx->nm->n;

  if (i == 0 || starts_clause(cx, i) || !prefixed(cx, WC_HARM, i, "di"))
    return 0;
  if (!word_is(cx, WC_WILL, i - 1) &&
      !(i > 1 && !starts_clause(cx, i - 1) && word_is(cx, WC_MODAL, i - 1) &&
        word_is(cx, WC_WILL, i - 2)))
    return 0;
  if (a < n && !starts_clause(cx, a) && word_text_is(cx, a, "oleh"))
    a++;
  if (a >= n || starts_clause(cx, a) ||
      (!word_is(cx, WC_SELF, a) && !word_is(cx, WC_CROWD, a)))
    return 0;
  for (k = i; k > 0 && !starts_clause(cx, k); k--)
    if (word_is(cx, WC_SELF, k - 1))
      return 0;
  return 1;
}

/* Is word k ruin said of a thing: a [ruin] word after "jadi"/"menjadi"
 * or "tinggal" ("jadi abu", "tinggal puing"), "rata dengan tanah", or "api" after "dimakan"/"dilalap"
 * ("habis dimakan api")?  Alone, "rata" is a road, a share
 * or an average ("dibagi rata", "rata-rata"). */
static int
ruin_of(const struct ctx *cx, size_t k)
{
  if (k > 0 && !starts_clause(cx, k) && word_text_is(cx, k, "api") &&
      (word_text_is(cx, k - 1, "dimakan") ||
       word_text_is(cx, k - 1, "dilalap") ||
       word_text_is(cx, k - 1, "termakan")))
    return 1;   /* "habis dimakan api", "dilalap api" */
  if (!word_is(cx, WC_RUIN, k))
    return 0;
  if (k > 0 && !starts_clause(cx, k) &&
      (word_text_is(cx, k - 1, "jadi") || word_text_is(cx, k - 1, "menjadi") ||
       word_text_is(cx, k - 1, "tinggal")))
    return 1;
  return k + 2 < cx->nm->n && !starts_clause(cx, k + 1) &&
         word_text_is(cx, k + 1, "dengan") && word_text_is(cx, k + 2, "tanah");
}

/* Is what stands at word k foretold in its clause from word c: a [will]
 * word between c and k and no [past] word ("malam nanti dia pung rumah
 * jadi abu", not "rumah warga sudah jadi abu")? */
static int
foretold(const struct ctx *cx, size_t c, size_t k)
{
  int will = 0;

  for (; c < k; c++) {
    if (word_is(cx, WC_PAST, c))
      return 0;
    will |= word_is(cx, WC_WILL, c);
  }
  return will;
}

/* "Kalau honor tidak dibayar, kantor camat jadi abu": ruin (ruin_of) at
 * word k of a person, office or building named in its clause, in a
 * clause after one that opens with a condition or the reporter's signal
 * ("tinggal beta kasi tanda, kantor lurah rata dengan tanah"), or in one
 * that opens
 * with "atau", an ultimatum ("sebelum tanggal 17 uang kembali, atau
 * kantor itu jadi abu"), or in a message for an official (told_to) that
 * foretells it ("bilang sama itu mandor, malam nanti dia pung rumah jadi
 * abu").  "bisa jadi abu" is a risk warned of, and a fire told has no
 * condition. */
static int
ruin_promised(const struct ctx *cx, size_t k)
{
  size_t c, m;
  int named = 0;

  if (!ruin_of(cx, k))
    return 0;
  c = clause_start(cx, k);
  for (m = c; m < k; m++) {
    named |= word_is(cx, WC_PERSON, m) || word_is(cx, WC_TARGET, m);
    if (word_is(cx, WC_CAN, m))
      return 0;
  }
  if (!named)
    return 0;
  if (word_text_is(cx, c, "atau"))
    return 1;   /* "..., atau kantor itu jadi abu": or else */
  if (starts_sentence(cx, c))
    return 0;
  for (m = c; m > 0 && !starts_sentence(cx, m); m--)
    if (starts_clause(cx, m - 1) &&
        (word_is(cx, WC_IF, m - 1) ||
         (word_text_is(cx, m - 1, "tinggal") && word_is(cx, WC_SELF, m))))
      return 1;
  return told_to(cx, sentence_start(cx, c)) && foretold(cx, c, k);
}

/* "kantor desa sudah tidak ada", "... tidak ada lagi": "tidak ada" at
 * word k (the [not] word) ending its clause, a person, office or
 * building named before it in the clause: a thing gone. */
static int
gone_at(const struct ctx *cx, size_t k)
{
  size_t c, e = k + 1;

  if (!word_is(cx, WC_NOT, k) || e >= cx->nm->n || starts_clause(cx, e) ||
      !word_text_is(cx, e, "ada"))
    return 0;
  if (!ends_clause(cx, e) && word_text_is(cx, e + 1, "lagi"))
    e++;
  if (!ends_clause(cx, e))
    return 0;
  for (c = clause_start(cx, k); c < k; c++)
    if (word_is(cx, WC_PERSON, c) || word_is(cx, WC_TARGET, c))
      return 1;
  return 0;
}

/* Has the reporter readied fuel or a weapon in the sentence of word i:
 * an [arm] word with the reporter as agent (self_agent), a [fuel] or
 * [weapon] right after it and no [purpose] after that ("kami sudah
 * siapkan bensin", not "... bensin untuk genset")? */
static int
readied_in_sentence(const struct ctx *cx, size_t i)
{
  size_t k, n = cx->nm->n;

  for (k = sentence_start(cx, i); k + 1 < n && (k == sentence_start(cx, i) ||
                                                 !starts_sentence(cx, k));
       k++)
    if (word_is(cx, WC_ARM, k) && !starts_clause(cx, k + 1) &&
        (word_is(cx, WC_FUEL, k + 1) || word_is(cx, WC_WEAPON, k + 1)) &&
        self_agent(cx, k) &&
        (ends_clause(cx, k + 1) || !word_is(cx, WC_PURPOSE, k + 2)))
      return 1;
  return 0;
}

/* "Kami sudah siapkan bensin, malam ini gudang Bulog tinggal kenangan",
 * "jangan kaget kalau besok kantor desa sudah tidak ada, kami sudah
 * siapkan bensin": at word k a building or an office in ruins (ruin_of,
 * or "tinggal kenangan" said of one named in its clause) or gone
 * (gone_at), in a sentence where the reporter has readied fuel or a
 * weapon (readied_in_sentence).  A fire told, or fuel for a generator,
 * is none. */
static int
readied_ruin(const struct ctx *cx, size_t k)
{
  size_t c;
  int named = 0, ruin = ruin_of(cx, k);

  if (!ruin && k > 0 && !starts_clause(cx, k) &&
      word_text_is(cx, k, "kenangan") && word_text_is(cx, k - 1, "tinggal"))
    for (c = clause_start(cx, k); c < k; c++)
      named |= word_is(cx, WC_PERSON, c) || word_is(cx, WC_TARGET, c);
  if (!ruin && !named && !gone_at(cx, k))
    return 0;
  return readied_in_sentence(cx, k);
}

/* "..., biar dia tahu rasa" ending at word i ("rasa"), after a weapon
 * or fuel brought (an [arm] word, then a [weapon] or [fuel] with no
 * [purpose] after it: "bensin untuk genset") earlier in the sentence:
 * menace, whoever brings it.  A complaint filed "biar dia tahu rasa" or
 * a weapon seized is none. */
static int
feel_it(const struct ctx *cx, size_t i)
{
  size_t k = i;

  if (!word_text_is(cx, i, "rasa") || !ends_clause(cx, i) || i < 3)
    return 0;
  if (word_text_is(cx, k - 1, "tahu") || word_text_is(cx, k - 1, "tau"))
    k--;
  if (k < 3 || starts_clause(cx, k) || starts_clause(cx, k - 1) ||
      !(word_is(cx, WC_PERSON, k - 1) || word_is(cx, WC_YOU, k - 1)) ||
      !word_is(cx, WC_IF, k - 2))
    return 0;
  for (k -= 2; k > 0 && !starts_sentence(cx, k); k--)
    if ((word_is(cx, WC_WEAPON, k) || word_is(cx, WC_FUEL, k)) &&
        word_is(cx, WC_ARM, k - 1) && !starts_clause(cx, k) &&
        (ends_clause(cx, k) || !word_is(cx, WC_PURPOSE, k + 1)))
      return 1;
  return 0;
}

static int own_hand_at(const struct ctx *cx, size_t k);

/* "mati di tangan saya", "mampus di tangan botong": an outcome at word i
 * by the reporter's hand.  By another's hand ("di tangan dukun") it is
 * what happened. */
static int
by_own_hand(const struct ctx *cx, size_t i)
{
  return word_is(cx, WC_OUTCOME, i) && own_hand_at(cx, i + 1);
}

/* "di tangan saya" at word k, inside the clause of word k - 1; or in the
 * Kupang possessive, "di beta pung tangan", "di saya punya tangan". */
static int
own_hand_at(const struct ctx *cx, size_t k)
{
  size_t m;

  if (k == 0 || k + 2 >= cx->nm->n || !word_text_is(cx, k, "di"))
    return 0;
  for (m = k; m <= k + 2; m++)
    if (starts_clause(cx, m))
      return 0;
  if (word_text_is(cx, k + 1, "tangan"))
    return word_is(cx, WC_SELF, k + 2);
  return k + 3 < cx->nm->n && !starts_clause(cx, k + 3) &&
         word_is(cx, WC_SELF, k + 1) &&
         owning(cx, k + 2) &&
         word_text_is(cx, k + 3, "tangan");
}

/* "nyawanya ada di tangan saya", "nyawa kades di tangan beta": a [life]
 * word at i owned by someone else ("-nya", or a person named after it),
 * then ("ada" or not) in the reporter's hands (own_hand_at).  A patient's
 * life in a doctor's hands, or the reporter's own in God's, is none. */
static int
life_in_hand(const struct ctx *cx, size_t i)
{
  size_t k = i + 1;

  if (!word_is(cx, WC_LIFE, i) && !word_is(cx, WC_BLOOD, i))
    return 0;
  if (!owned_nya(cx, i)) {
    if (!other_person(cx, k) || starts_clause(cx, k))
      return 0;
    while (k < cx->nm->n && !starts_clause(cx, k) &&
           (word_is(cx, WC_PERSON, k) || (cx->nm->w[k].flags & WORD_TITLE)))
      k++;
  }
  if (k < cx->nm->n && !starts_clause(cx, k) && word_text_is(cx, k, "ada"))
    k++;
  return own_hand_at(cx, k);
}

/* "bendahara itu tidak akan lihat Natal tahun ini", "camat itu tidak
 * akan sempat rayakan tahun baru": a verb of living to a day ("lihat",
 * "rayakan", "sampai") at word k after a [not] word ([will], "sempat"
 * between or not), then a [feast] or "tahun baru/depan", said of a
 * person other than the reporter named before it in its clause, in a
 * sentence that holds an oath, a condition or the reporter (the one who
 * decides), and no reason ("karena sakit" is a prognosis).  The
 * reporter's mother feared for is none. */
static int
no_future(const struct ctx *cx, size_t k)
{
  static const char *const live[] = {"lihat", "melihat", "liat", "rayakan",
                                     "merayakan", "sampai", "sampe", NULL};
  static const char *const ahead[] = {"baru", "depan", NULL};
  size_t m = k, c, s, n = cx->nm->n;
  int who = 0, frame = 0;

  if (k < 2 || !word_in(cx, k, live) || starts_clause(cx, k) ||
      k + 1 >= n || starts_clause(cx, k + 1))
    return 0;
  if (!(word_is(cx, WC_FEAST, k + 1) ||
        (word_text_is(cx, k + 1, "tahun") && word_in(cx, k + 2, ahead) &&
         !starts_clause(cx, k + 2))))
    return 0;
  if (word_text_is(cx, m - 1, "sempat"))
    m--;
  m = negation_before(cx, m);
  if (m == k || m == k - 1)
    return 0;
  for (c = clause_start(cx, k); c < m; c++)
    who |= other_person(cx, c) && !word_is(cx, WC_SELF, c);
  for (s = sentence_start(cx, k); s < n && (s <= k || !starts_sentence(cx, s));
       s++) {
    if (word_is(cx, WC_BECAUSE, s))
      return 0;
    frame |= word_is(cx, WC_PROMISE, s) || word_is(cx, WC_IF, s) ||
             (s < m && word_is(cx, WC_SELF, s));
  }
  return who && frame;
}

/* Is there an [if] word in the sentence of word i, before it or after
 * it ("Kalau ..., darah akan tumpah", "darah akan tumpah ... kalau")? */
static int
if_in_sentence(const struct ctx *cx, size_t i)
{
  size_t k;

  for (k = sentence_start(cx, i);
       k < cx->nm->n && (k <= i || !starts_sentence(cx, k)); k++)
    if (word_is(cx, WC_IF, k))
      return 1;
  return 0;
}

/* "Camat itu pulang tinggal nama kalau ...", "kades tidak akan selamat
 * kalau ...", "jangan harap dia selamat ...": at word k a death (home_dead)
 * or an official not surviving ("selamat" after a [not] word, a [will]
 * word between or not, or after "jangan harap"), with an official named
 * before it in its clause (right before it for "selamat"), on a
 * condition anywhere in the sentence (a death also promised by a [will]
 * word right before it: "petugas yang datang lagi nanti pulang tinggal
 * nama").  Said of migrant workers,
 * patients or schoolchildren ("anak sekolah") it is a death reported or
 * feared. */
static int
doom_promised(const struct ctx *cx, size_t k)
{
  size_t c, m;
  int named = 0;

  /* The sentence is scanned for a condition only at the two words this
   * can start from: judge_threat asks at every word. */
  if (home_dead(cx, k)) {
    if (!if_in_sentence(cx, k) &&
        !(k > 0 && !starts_clause(cx, k) && word_is(cx, WC_WILL, k - 1)))
      return 0;
    for (c = clause_start(cx, k); c < k; c++)
      named |= other_person(cx, c);
    return named;
  }
  if (!word_text_is(cx, k, "selamat") || k < 2 || starts_clause(cx, k) ||
      !if_in_sentence(cx, k))
    return 0;
  if (other_person(cx, k - 1) && k >= 3 && !starts_clause(cx, k - 1) &&
      word_text_is(cx, k - 2, "harap") && word_is(cx, WC_DENY, k - 3))
    return 1;
  m = negation_before(cx, k);
  if (m == k || m == 0 || starts_clause(cx, m) || !other_person(cx, m - 1))
    return 0;
  /* "anak sekolah", "warga desa": people of a place, not its official. */
  return m < 2 || starts_clause(cx, m - 1) ||
         (!word_is(cx, WC_GROUPHEAD, m - 2) && !word_is(cx, WC_CROWD, m - 2));
}

/* "kami kasih dia pelajaran", "beta mau kasih pelajaran sama kades": a
 * [cause] word at i, then "pelajaran" right after it or after the person
 * it is given to.  Returns the index of "pelajaran", or i when there is
 * none. */
static size_t
lesson_at(const struct ctx *cx, size_t i)
{
  size_t k = i + 1, n = cx->nm->n;

  if (!word_is(cx, WC_CAUSE, i))
    return i;
  if (k < n && !starts_clause(cx, k) &&
      (word_is(cx, WC_PERSON, k) || word_is(cx, WC_YOU, k)))
    k++;
  if (k < n && !starts_clause(cx, k) && word_text_is(cx, k, "pelajaran"))
    return k;
  return i;
}

/* ------------------------------------------------- the reporter's intent */

/* Does word k end the search for a verb's object: a preposition, a
 * condition, purpose, reason or turn, a result, an instrument or an
 * ultimatum ("saya tikam di tempat", "kami bakar sebelum pelantikan",
 * "... sampai hancur", "... pakai bensin")? */
static int
object_ends(const struct ctx *cx, size_t k)
{
  static const char *const ends[] = {"di", "dari", "sampai", "sampe",
                                     "pakai", "pake", "dengan", "dgn",
                                     "deng", "atau", "sebelum", NULL};

  return word_is(cx, WC_IF, k) || word_is(cx, WC_PURPOSE, k) ||
         word_is(cx, WC_BECAUSE, k) || word_is(cx, WC_TURN, k) ||
         word_in(cx, k, ends);
}

/* Is word k a thing of the [harmless] list (rubbish, grass, wood, a
 * field, pests, livestock for a feast, a photo, a banner) that is nobody's
 * target: not owned by a person, office or building named after it
 * (owned_by: "kebun kades")? */
static int
harmless_at(const struct ctx *cx, size_t k)
{
  return word_is(cx, WC_HARMLESS, k) && !owned_by(cx, k);
}

/* The object of the verb at word i: the first word after it in its
 * clause that object_skip does not pass over (nor a weapon: "bawa parang
 * dan tombak ke rumah ..."), a person or building after a [to] word (or
 * any place a weapon goes to), or the number of words when the clause, a word of object_ends or a [to]
 * word going elsewhere comes first ("saya tikam di tempat"). */
static size_t
object_at(const struct ctx *cx, size_t i)
{
  size_t k, n = cx->nm->n;

  for (k = i + 1; k < n && !starts_clause(cx, k) && !object_ends(cx, k);
       k++) {
    /* "lempar ke kantor": the place aimed at, and wherever a weapon is
     * carried ("bawa parang ke lokasi tambang"); "tembak langsung ke
     * Ombudsman" goes somewhere, at no one. */
    if (word_is(cx, WC_TO, k))
      return k + 1 < n && !starts_clause(cx, k + 1) &&
                     (word_is(cx, WC_PERSON, k + 1) ||
                      word_is(cx, WC_TARGET, k + 1) ||
                      word_is(cx, WC_WEAPON, i))
                 ? k + 1
                 : n;
    if (!object_skip(cx, k) && !word_is(cx, WC_WEAPON, k))
      return k;
  }
  return n;
}

/* Is the object at word k (object_at) a harmless thing: not a person,
 * office or building, and harmless_at itself or the word after it ("sisa
 * batang jagung", "tembak foto ulang")? */
static int
harmless_object(const struct ctx *cx, size_t k)
{
  if (word_is(cx, WC_PERSON, k) || word_is(cx, WC_TARGET, k) ||
      word_is(cx, WC_YOU, k))
    return 0;
  return harmless_at(cx, k) ||
         (k + 1 < cx->nm->n && !starts_clause(cx, k + 1) &&
          harmless_at(cx, k + 1));
}

/* "ayo turun bawa parang ...", "mari serbu ...": is the verb or weapon at
 * word i called for by a [call] word of its clause, with only modal,
 * arming, causing, weapon and reporter's words between? */
static int
call_agent(const struct ctx *cx, size_t i)
{
  size_t k;

  for (k = i; k > 0 && i - k < CTX_BEFORE && !starts_clause(cx, k); k--) {
    if (word_is(cx, WC_CALL, k - 1))
      return 1;
    if (!word_is(cx, WC_MODAL, k - 1) && !word_is(cx, WC_ARM, k - 1) &&
        !word_is(cx, WC_WEAPON, k - 1) && !word_is(cx, WC_CAUSE, k - 1) &&
        !word_is(cx, WC_SELF, k - 1))
      return 0;
  }
  return 0;
}

/* The word that names the agent of the verb at word i: the nearest
 * reporter's or [call] word before it in its clause, or i. */
static size_t
agent_at(const struct ctx *cx, size_t i)
{
  size_t k;

  for (k = i; k > 0 && !starts_clause(cx, k); k--)
    if (word_is(cx, WC_SELF, k - 1) || word_is(cx, WC_CALL, k - 1))
      return k - 1;
  return i;
}

/* Is word k all digits? */
static int
number_at(const struct ctx *cx, size_t k)
{
  const struct word *w = &cx->nm->w[k];
  size_t j;

  for (j = 0; j < w->len; j++)
    if (!is_digit(cx->nm->text[w->off + j]))
      return 0;
  return w->len > 0;
}

/* "tanggal 17 kami bakar ...": "tanggal"/"tgl" at word k and a day's
 * number, with no month, year or past word after it: a day of this month
 * set for what follows.  "tanggal 17 Agustus 2023", "tanggal 5 kemarin"
 * are events told. */
static int
deadline_at(const struct ctx *cx, size_t k)
{
  size_t d = k + 1;

  if (!(word_text_is(cx, k, "tanggal") || word_text_is(cx, k, "tgl")) ||
      d >= cx->nm->n || starts_clause(cx, d) || !number_at(cx, d) ||
      cx->nm->w[d].len > 2)
    return 0;
  return d + 1 >= cx->nm->n || starts_clause(cx, d + 1) ||
         !(word_is(cx, WC_MONTH, d + 1) || number_at(cx, d + 1) ||
           word_is(cx, WC_PAST, d + 1) || word_text_is(cx, d + 1, "lalu"));
}

/* "Jangan sampai saya siram ...", "jgn sampe beta potong ...": a [deny]
 * word at k and "sampai" right after it: what follows is held back only
 * for now. */
static int
lest_at(const struct ctx *cx, size_t k)
{
  return k + 1 < cx->nm->n && word_is(cx, WC_DENY, k) &&
         !starts_clause(cx, k + 1) &&
         (word_text_is(cx, k + 1, "sampai") || word_text_is(cx, k + 1, "sampe"));
}

/* Is the verb at word i (agent at word a) said as an intent: an [intent]
 * word (future, condition, ultimatum, oath, call) outside reported speech
 * in its sentence (or a day set: deadline_at, or "jangan sampai" before
 * the agent: lest_at), no [not] word between
 * the agent and the verb ("kami
 * tidak akan bakar ..."), and no [past] word in its clause before the
 * verb without an [intent] word or a verb of readying after it
 * ("kemarin kami bakar sampah", "sudah saya potong"; but "sudah siap
 * bakar", "sudah siapkan racun": readied, the violence is ahead)? */
static int
intended(const struct ctx *cx, size_t i, size_t a)
{
  size_t k, s = sentence_start(cx, i);
  int past = 0;

  for (k = a; k < i; k++)
    if (word_is(cx, WC_NOT, k))
      return 0;
  for (k = clause_start(cx, i); k < i; k++) {
    if (word_is(cx, WC_PAST, k))
      past = 1;
    else if (word_is(cx, WC_INTENT, k) || word_is(cx, WC_ARM, k))
      past = 0;
  }
  if (past)
    return 0;
  for (k = s; k < cx->nm->n && (k == s || !starts_sentence(cx, k)); k++)
    if ((word_is(cx, WC_INTENT, k) || deadline_at(cx, k) ||
         (k < a && lest_at(cx, k))) &&
        !cx->reported[k])
      return 1;
  return 0;
}

/* Is word k a word of the frame rather than a thing: the reporter's, a
 * modal, link, condition, intent, past, negation, call or turning word? */
static int
function_word(const struct ctx *cx, size_t k)
{
  static const enum word_class frame[] = {
    WC_SELF, WC_MODAL, WC_LINK, WC_IF, WC_INTENS, WC_NOT, WC_INTENT,
    WC_PAST, WC_CALL, WC_TURN, WC_WILL};
  size_t c;

  for (c = 0; c < sizeof(frame) / sizeof(frame[0]); c++)
    if (word_is(cx, frame[c], k))
      return 1;
  return 0;
}

/* Is what the verb at word i (agent at word a) is done to anything but a
 * harmless thing: its object after it (object_at) unless harmless_object
 * ("alat berat", "gardu PLN" are targets); without one, a person or
 * building between the agent and the verb (the object of a chain of
 * verbs), or the words of its clause before the agent (the
 * object put first: "ekskavator perusahaan itu kami bakar") unless one of
 * them is harmless_at ("sampah itu kami bakar saja"); and an object left
 * out entirely ("kalau tidak dibayar, kami hajar") is someone too. */
static int
unknown_object(const struct ctx *cx, size_t i, size_t a)
{
  size_t k = object_at(cx, i), n = cx->nm->n;
  int thing = 0;

  if (k < n)
    return !harmless_object(cx, k);
  /* "kita cegat mobil dinas camat dan gulingkan": a verb of a chain
   * shares the object of the one before it. */
  for (k = a + 1; k < i; k++)
    if (word_is(cx, WC_PERSON, k) || word_is(cx, WC_TARGET, k))
      return 1;
  for (k = clause_start(cx, a); k < a; k++) {
    if (word_is(cx, WC_PERSON, k) || word_is(cx, WC_TARGET, k) ||
        word_is(cx, WC_YOU, k))
      return 1;
    if (harmless_at(cx, k))
      return 0;
    thing |= !function_word(cx, k);
  }
  return thing;
}

/* A [strict] verb at word i (agent at word a) takes a thing ("lempar
 * batu", "gantung spanduk"); its target is a person, office or building
 * put before the agent in its clause ("loket Samsat itu nanti sa lempar
 * batu", "rumah dinas bupati akan kami lempari bom") or after a [to] word
 * that follows the verb or the thing thrown, unless that is harmless
 * ("lempar batu ke kantor camat", but "lempar masalah ini ke DPRD"). */
static int
strict_target(const struct ctx *cx, size_t i, size_t a)
{
  size_t k, n = cx->nm->n;

  for (k = clause_start(cx, a); k < a; k++)
    if (word_is(cx, WC_PERSON, k) || word_is(cx, WC_TARGET, k))
      return !word_is(cx, WC_SELF, k);
  k = object_at(cx, i);
  if (k < n && !word_is(cx, WC_TO, k - 1) && !harmless_object(cx, k))
    k = object_at(cx, k);   /* "lempar batu ke kantor camat" */
  return k < n && word_is(cx, WC_TO, k - 1);
}

/*
 * The reporter's intent, whatever the object: a verb of violence or a
 * weapon at word i, with the reporter as agent (harm_word's "ku-",
 * self_agent, remote_agent) or a crowd called to it (call_agent), said
 * as an intent (intended), done to anything but a harmless thing
 * (unknown_object; a [strict] verb, whose everyday sense takes a thing,
 * to a person or building named: strict_target).  The lists of persons and buildings can never be
 * complete ("gardu PLN", "alat berat", "loket", "ekskavator"); the
 * everyday objects of the same verbs ("bakar sampah", "potong kayu",
 * "racun hama") can be listed.  Reported speech is judged elsewhere.
 */
static int
intended_harm(const struct ctx *cx, size_t i)
{
  size_t a;
  int self;

  if (cx->reported[i] || !harm_word(cx, i, &self))
    return 0;
  if (!self && !self_agent(cx, i) && !remote_agent(cx, i) &&
      !call_agent(cx, i))
    return 0;
  a = agent_at(cx, i);
  if (!intended(cx, i, a))
    return 0;
  return word_is(cx, WC_STRICT, i) ? strict_target(cx, i, a)
                                   : unknown_object(cx, i, a);
}

/* "saya campur racun di kopi pak sekdes", "racun tikus untuk teh kepala
 * dusun": a [poison] word at i, the reporter's word at most CTX_AFTER
 * words before it in its clause, said as an intent (intended), and later
 * in the clause a [food] word after "untuk"/"di"/"ke"/"dalam" owned by a
 * person (owned_by).  Poison for a store, or feared in one's own cup
 * ("kopi saya"), is none. */
static int
poison_served(const struct ctx *cx, size_t i)
{
  static const char *const into[] = {"untuk", "utk", "buat", "di", "ke",
                                     "dalam", NULL};
  size_t k, a = i;

  if (!word_is(cx, WC_POISON, i) || cx->reported[i])
    return 0;
  for (k = i; k > 0 && i - k <= CTX_AFTER && !starts_clause(cx, k); k--)
    if (word_is(cx, WC_SELF, k - 1)) {
      a = k - 1;
      break;
    }
  if (a == i || !intended(cx, i, a))
    return 0;
  for (k = i + 1; k + 1 < cx->nm->n && !starts_clause(cx, k + 1); k++)
    if (word_in(cx, k, into) && word_is(cx, WC_FOOD, k + 1) &&
        owned_by(cx, k + 1))
      return 1;
  return 0;
}

/* "kalau ko lapor, dia mati", "kalau kau bicara, ko pung anak mati": an
 * outcome at word i ending its clause (intensifiers aside), a person or
 * "you" before it in that clause, and an earlier clause of its sentence
 * opened by a condition that names "you": a death promised to the one
 * addressed for what they do.  "kalau tidak dioperasi, dia mati" is a
 * doctor's warning. */
static int
death_if_you(const struct ctx *cx, size_t i)
{
  size_t c, k, s;
  int who = 0;

  if (!word_is(cx, WC_OUTCOME, i) || !ends_clause(cx, skip_intensifiers(cx, i)))
    return 0;
  c = clause_start(cx, i);
  for (k = c; k < i; k++)
    who |= word_is(cx, WC_PERSON, k) || word_is(cx, WC_YOU, k);
  if (!who || starts_sentence(cx, c))
    return 0;
  for (s = sentence_start(cx, c); s < c; s++) {
    if (!starts_clause(cx, s) || !word_is(cx, WC_IF, s))
      continue;
    for (k = s + 1; k < c && !starts_clause(cx, k); k++)
      if (word_is(cx, WC_YOU, k))
        return 1;
  }
  return 0;
}

/* "Bendahara itu lebih baik mundur sebelum darahnya tumpah", "kepala
 * puskesmas harus turun dari jabatan atau darahnya yang tumpah":
 * "sebelum" or "atau" right before bloodshed (blood_spilt) at word i
 * owned ("-nya") by the official who opens the sentence: a deadline or
 * an ultimatum with harm after it.  "darah pasien tumpah ..., sebelum
 * dokter datang" is told. */
static int
blood_deadline(const struct ctx *cx, size_t i)
{
  return i > 0 && !starts_clause(cx, i) &&
         (word_text_is(cx, i - 1, "sebelum") ||
          word_text_is(cx, i - 1, "atau")) &&
         blood_spilt(cx, i, 0) && owned_nya(cx, i) &&
         other_person(cx, sentence_start(cx, i));
}

/* "... Itu janji saya.": a sentence of "itu"/"ini", a [promise] word at
 * word i and the reporter's word, after a sentence that holds an outcome,
 * harm, ruin, bloodshed or casualties ("korban"): the reporter makes the
 * harm foretold a promise.  "Itu janji camat" is another's. */
static int
promise_tag(const struct ctx *cx, size_t i)
{
  size_t s, k;

  if (i < 2 || !word_is(cx, WC_PROMISE, i) || !starts_sentence(cx, i - 1) ||
      !(word_text_is(cx, i - 1, "itu") || word_text_is(cx, i - 1, "ini")) ||
      i + 1 >= cx->nm->n || starts_clause(cx, i + 1) ||
      !word_is(cx, WC_SELF, i + 1))
    return 0;
  s = sentence_start(cx, i - 2);
  for (k = s; k < i - 1; k++)
    if (word_is(cx, WC_OUTCOME, k) || word_is(cx, WC_BEFALL, k) ||
        word_is(cx, WC_HARM, k) || word_is(cx, WC_RUIN, k) ||
        word_is(cx, WC_BLOOD, k) || word_text_is(cx, k, "korban"))
      return 1;
  return 0;
}

/* "Pak Kadis tunggu saja": only persons' words ("pak", "kadis") between
 * the start of the clause and word i. */
static int
titled_subject(const struct ctx *cx, size_t i)
{
  size_t k = i;

  while (k > 0 && !starts_clause(cx, k) && word_is(cx, WC_PERSON, k - 1))
    k--;
  return k < i && starts_clause(cx, k);
}

/* Is word k "aman" or "selamat" after a [not] word, a [will] word between
 * or not ("tidak akan aman", "tidak selamat")? */
static int
not_safe(const struct ctx *cx, size_t k)
{
  return k >= 2 && !starts_clause(cx, k) &&
         (word_text_is(cx, k, "aman") || word_text_is(cx, k, "selamat")) &&
         negation_before(cx, k) < k;
}

/* "Awas saja ya, anak istri kepala sekolah itu tidak akan aman": a [warn]
 * word at i that is its clause's only word but for intensifiers, then in
 * its sentence a person other than the reporter and after it someone not
 * safe (not_safe).  "Awas, jalan ke Soe tidak akan aman" names no one. */
static int
unsafe_warned(const struct ctx *cx, size_t i)
{
  size_t k = i + 1, n = cx->nm->n;
  int named = 0;

  if (!word_is(cx, WC_WARN, i) || !starts_clause(cx, i))
    return 0;
  for (; k < n && !starts_clause(cx, k); k++)
    if (!word_is(cx, WC_INTENS, k) && !same_word(cx, i, k))
      return 0;
  for (; k < n && !starts_sentence(cx, k); k++) {
    named |= other_person(cx, k);
    if (named && not_safe(cx, k))
      return 1;
  }
  return 0;
}

/* "Kami akan kepung rumah bupati dan tidak ada yang keluar hidup-hidup":
 * "tidak ada yang" at word i, then "hidup" or "selamat" in its clause,
 * after the reporter's word and a [will] word right after it earlier in
 * the sentence.  A fire told, or "kami takut tidak ada yang selamat", is
 * none. */
static int
none_alive(const struct ctx *cx, size_t i)
{
  size_t k, n = cx->nm->n;
  int alive = 0;

  if (!word_is(cx, WC_NOT, i) || i + 3 >= n || starts_clause(cx, i + 1) ||
      !word_text_is(cx, i + 1, "ada") || !word_text_is(cx, i + 2, "yang"))
    return 0;
  for (k = i + 3; k < n && !starts_clause(cx, k); k++)
    alive |= word_text_is(cx, k, "hidup") || word_text_is(cx, k, "selamat");
  if (!alive)
    return 0;
  for (k = sentence_start(cx, i); k + 1 < i; k++)
    if (word_is(cx, WC_SELF, k) && word_is(cx, WC_WILL, k + 1))
      return 1;
  return 0;
}

/* The first word of the sentence after the one of word i, or the number
 * of words when there is none. */
static size_t
next_sentence(const struct ctx *cx, size_t i)
{
  for (i++; i < cx->nm->n && !starts_sentence(cx, i); i++)
    ;
  return i;
}

/* "Nanti malam beta datang.", "besok sa pi": the reporter coming at word
 * k ("datang", "pi", "pergi", "mampir") as the last word of a clause
 * that holds an [intent] word: a visit with no errand named.  "besok
 * saya datang untuk minta surat" has one. */
static int
visit_at(const struct ctx *cx, size_t k)
{
  static const char *const come[] = {"datang", "pi", "pergi", "mampir",
                                     NULL};
  size_t c, m = k;
  int intent = 0;

  if (!word_in(cx, k, come) || !ends_clause(cx, k))
    return 0;
  while (m > 0 && !starts_clause(cx, m) && word_is(cx, WC_MODAL, m - 1) &&
         !word_is(cx, WC_SELF, m - 1))
    m--;
  if (m == 0 || starts_clause(cx, m) || !word_is(cx, WC_SELF, m - 1))
    return 0;
  for (c = clause_start(cx, k); c < k; c++)
    intent |= word_is(cx, WC_INTENT, c);
  return intent;
}

/* "Saya sudah tahu rumah anaknya di Kupang, tinggal tunggu waktu saja":
 * "tahu"/"tau" at word i after the reporter's word (modal words between),
 * "rumah" right after it owned by someone else (a person named after it,
 * or "-nya" on it or the word after it; Kupang "dia pung rumah"), and
 * later in the sentence a [wait] word with "waktu" or an intensifier
 * after it: the reporter only waits; or a weapon the reporter has
 * earlier in the sentence (owned_weapon), or a visit with no errand in
 * the rest of it or the next sentence (visit_at: "... beta tau dia pung
 * rumah. Nanti malam beta datang.").  "rumah saya akan digusur" is the
 * reporter's own. */
static int
home_known(const struct ctx *cx, size_t i)
{
  size_t k = i, h = i + 1, e, n = cx->nm->n;

  if (!(word_text_is(cx, i, "tahu") || word_text_is(cx, i, "tau")) ||
      h + 1 >= n || starts_clause(cx, h))
    return 0;
  while (k > 0 && !starts_clause(cx, k) && word_is(cx, WC_MODAL, k - 1))
    k--;
  if (k == 0 || !word_is(cx, WC_SELF, k - 1))
    return 0;
  if (h + 2 < n && other_person(cx, h) && !starts_clause(cx, h + 2) &&
      owning(cx, h + 1) &&
      word_text_is(cx, h + 2, "rumah"))
    h += 2;   /* Kupang: "beta tau dia pung rumah" */
  else if (!word_text_is(cx, h, "rumah") ||
           (!owned_nya(cx, h) &&
            (starts_clause(cx, h + 1) || word_is(cx, WC_SELF, h + 1) ||
             !(other_person(cx, h + 1) || owned_nya(cx, h + 1)))))
    return 0;
  for (k = sentence_start(cx, i); k < i; k++)
    if (owned_weapon(cx, k))
      return 1;
  k = next_sentence(cx, i);
  for (e = k < n ? next_sentence(cx, k) : n, k = h + 1; k < e; k++)
    if (visit_at(cx, k))
      return 1;   /* "... Nanti malam beta datang.": this or the next */
  for (k = h + 1; k + 1 < n && !starts_sentence(cx, k + 1); k++)
    if (word_is(cx, WC_WAIT, k) &&
        (word_text_is(cx, k + 1, "waktu") || word_is(cx, WC_INTENS, k + 1)))
      return 1;
  return 0;
}

/* Does the sentence of word k open with a clause of a [wait] or [warn]
 * word and intensifiers only ("Tunggu saja, ...", "Awas ya, ...")? */
static int
menace_opens(const struct ctx *cx, size_t k)
{
  size_t s = sentence_start(cx, k), m = s + 1;

  if (!word_is(cx, WC_WAIT, s) && !word_is(cx, WC_WARN, s))
    return 0;
  for (; m < cx->nm->n && !starts_clause(cx, m); m++)
    if (!word_is(cx, WC_INTENS, m) && !same_word(cx, s, m))
      return 0;
  return m < k;
}

/* Does a clause before word k in its sentence open with an [if] word and
 * name a person other than the reporter ("Kalau kepala sekolah tetap
 * potong gaji, ...")? */
static int
if_person_before(const struct ctx *cx, size_t k)
{
  size_t m;
  int cond = 0;

  for (m = sentence_start(cx, k); m < clause_start(cx, k); m++) {
    if (starts_clause(cx, m))
      cond = word_is(cx, WC_IF, m);
    if (cond && other_person(cx, m))
      return 1;
  }
  return 0;
}

/* "Saya sumpah anak istrinya ...", "Kembalikan uang kami atau anaknya
 * ...": the [kin] words at word i sworn by the reporter (a [promise] word
 * right before them, the reporter's word before that) or opening the
 * other half of an ultimatum ("atau" right before them). */
static int
kin_pressed(const struct ctx *cx, size_t i)
{
  if (i == 0 || starts_clause(cx, i))
    return 0;
  if (word_text_is(cx, i - 1, "atau"))
    return 1;
  return i >= 2 && word_is(cx, WC_PROMISE, i - 1) &&
         !starts_clause(cx, i - 1) && word_is(cx, WC_SELF, i - 2);
}

/* "anak istrinya yang akan tanggung akibatnya", "keluarga kepala desa
 * akan ikut menanggung akibatnya", "anak istrinya tidak akan aman lagi":
 * [kin] words opening at word i, owned by someone else ("-nya" on the
 * last, or a person named right after them), then in their clause
 * ("yang", modal words and "ikut" between) the consequences borne
 * ("tanggung akibat...") or no safety (not_safe); after a condition on
 * an official (if_person_before), for a family named after "tunggu
 * saja"/"awas" (menace_opens), or sworn or in an ultimatum
 * (kin_pressed).  The reporter's own family, or the
 * families of those a policy hurts ("kalau gaji dipotong, keluarga guru
 * honorer yang menanggung"), are none. */
static int
kin_doomed(const struct ctx *cx, size_t i)
{
  size_t k = i, n = cx->nm->n;
  int nya;

  if (!word_is(cx, WC_KIN, i) || (!starts_clause(cx, i) &&
                                  word_is(cx, WC_KIN, i - 1)))
    return 0;
  while (k + 1 < n && !starts_clause(cx, k + 1) && word_is(cx, WC_KIN, k + 1))
    k++;
  nya = owned_nya(cx, k);
  if (!nya) {
    if (!other_person(cx, k + 1))
      return 0;
    for (k++; k + 1 < n && !starts_clause(cx, k + 1) &&
              (word_is(cx, WC_PERSON, k + 1) ||
               (cx->nm->w[k + 1].flags & WORD_TITLE));
         k++)
      ;
  }
  if (!(nya ? if_person_before(cx, i) || menace_opens(cx, i)
            : menace_opens(cx, i)) &&
      !kin_pressed(cx, i))
    return 0;
  for (k++; k < n && !starts_clause(cx, k); k++) {
    if ((word_text_is(cx, k, "tanggung") ||
         word_text_is(cx, k, "menanggung")) &&
        k + 1 < n && !starts_clause(cx, k + 1) &&
        cx->nm->w[k + 1].len >= 6 &&
        memcmp(cx->nm->text + cx->nm->w[k + 1].off, "akibat", 6) == 0)
      return 1;
    if (not_safe(cx, k))
      return 1;
    if (!word_is(cx, WC_MODAL, k) && !word_is(cx, WC_NOT, k) &&
        !word_text_is(cx, k, "yang") && !word_text_is(cx, k, "ikut"))
      return 0;
  }
  return 0;
}

/* Does menace follow word k in the text: "lihat saja nanti", "tunggu
 * saja" (a [wait] word, then an intensifier or "nanti", ending its
 * clause: "lihat saja laporan ini" is a plea), or "rasa" after
 * a person ("biar dia rasa", "biar dia tau rasa")? */
static int
menace_after(const struct ctx *cx, size_t k)
{
  size_t m, n = cx->nm->n;

  for (m = k + 1; m < n; m++) {
    if (word_is(cx, WC_WAIT, m) && m + 1 < n && !starts_clause(cx, m + 1) &&
        (word_is(cx, WC_INTENS, m + 1) || word_text_is(cx, m + 1, "nanti")) &&
        ends_clause(cx, word_text_is(cx, m + 2, "nanti")
                            ? m + 2 : skip_intensifiers(cx, m)))
      return 1;
    if (word_text_is(cx, m, "rasa") && m >= 2 && !starts_clause(cx, m) &&
        (word_is(cx, WC_PERSON, m - 1) ||
         (!starts_clause(cx, m - 1) && word_is(cx, WC_PERSON, m - 2))))
      return 1;
  }
  return 0;
}

/* "Lurah itu su bosan hidup ko?", "kepala puskesmas mau mati kah?",
 * "kades itu cari mati ya?": a death wished at word i ("mati" after
 * "mau"/"cari"/"ingin", "hidup" after "bosan") that ends its sentence (a
 * particle "kah", "ko", "ya" after it or not), asked of a person or of
 * the one addressed (only link and modal words before the person, no
 * reporter's word; or nothing but the wish in its clause), with menace
 * after it (menace_after).  The reporter weary of
 * life, or the question alone, is none. */
static int
death_asked(const struct ctx *cx, size_t i)
{
  static const char *const wish[] = {"mau", "mo", "cari", "ingin", NULL};
  static const char *const particle[] = {"kah", "ko", "ya", "to", NULL};
  size_t e = i + 1, k;
  int who = 0;

  if (i == 0 || starts_clause(cx, i) ||
      !((word_text_is(cx, i, "mati") && word_in(cx, i - 1, wish)) ||
        (word_text_is(cx, i, "hidup") && word_text_is(cx, i - 1, "bosan"))))
    return 0;
  if (e < cx->nm->n && !starts_clause(cx, e) && word_in(cx, e, particle))
    e++;
  if (e < cx->nm->n && !starts_sentence(cx, e))
    return 0;
  for (k = clause_start(cx, i); k + 1 < i; k++) {
    if (word_is(cx, WC_SELF, k))
      return 0;
    who |= other_person(cx, k) || word_is(cx, WC_YOU, k) ||
           k + 2 == i;   /* only the wish: said to the one addressed */
    if (!who && !word_is(cx, WC_LINK, k) && !word_is(cx, WC_MODAL, k))
      return 0;   /* "pasien itu mau mati kah?": no official */
  }
  return (who || clause_start(cx, i) + 1 == i) && menace_after(cx, i);
}

/* "beta tunggu dia di pasar", "saya cegat kades": the reporter lying in
 * wait for a person at word k ("tunggu", "cegat", "hadang" after the
 * reporter's word, modal words between, a person other than the reporter
 * right after it). */
static int
lying_in_wait(const struct ctx *cx, size_t k)
{
  static const char *const wait[] = {"tunggu", "cegat", "hadang", NULL};
  size_t m = k;

  if (!word_in(cx, k, wait) || !other_person(cx, k + 1) ||
      starts_clause(cx, k + 1))
    return 0;
  while (m > 0 && !starts_clause(cx, m) && word_is(cx, WC_MODAL, m - 1) &&
         !word_is(cx, WC_SELF, m - 1))
    m--;
  return m > 0 && !starts_clause(cx, m) && word_is(cx, WC_SELF, m - 1);
}

/* "Lurah itu minta dipukul. Nanti sore beta tunggu dia di pasar", "kades
 * ini memang cari dihajar, besok saya tunggu dia": "minta"/"cari" at word
 * i and a passive verb of violence right after it, said of a person other
 * than the reporter named before it in its clause, with the reporter
 * lying in wait (lying_in_wait) or coming (visit_at) in the rest of that
 * sentence or the next.  In reported speech it marks the text ("lurah
 * bilang saya ini minta dipukul"). */
static int
asking_for_it(const struct ctx *cx, size_t i)
{
  size_t k, e, n = cx->nm->n;
  int who = 0;

  if (!(word_text_is(cx, i, "minta") || word_text_is(cx, i, "cari")) ||
      i + 1 >= n || starts_clause(cx, i + 1) ||
      !prefixed(cx, WC_HARM, i + 1, "di"))
    return 0;
  if (cx->reported[i])
    return 1;
  for (k = clause_start(cx, i); k < i; k++) {
    if (word_is(cx, WC_SELF, k))
      return 0;
    who |= other_person(cx, k);
  }
  if (!who)
    return 0;
  k = next_sentence(cx, i);
  for (e = k < n ? next_sentence(cx, k) : n, k = i + 2; k < e; k++)
    if (lying_in_wait(cx, k) || visit_at(cx, k))
      return 1;
  return 0;
}

/* "Kantor Dinas Sosial itu lebih baik dibom saja", "kepala dusun itu
 * sebaiknya dipukul": a passive verb of violence at word i right after
 * an [advise] word, in a clause that opens (past condition words) with
 * a person, office or building other than the reporter: violence wished
 * on them.  Rubbish "lebih baik dibakar" is a thing. */
static int
advised_harm(const struct ctx *cx, size_t i)
{
  size_t c;

  if (i == 0 || starts_clause(cx, i) || !prefixed(cx, WC_HARM, i, "di") ||
      !word_is(cx, WC_ADVISE, i - 1))
    return 0;
  c = clause_subject(cx, i);
  return c < i - 1 && !word_is(cx, WC_SELF, c) &&
         (word_is(cx, WC_PERSON, c) || word_is(cx, WC_TARGET, c));
}

/* "Bilang sama dia, ...", "Tolong sampaikan ke kepala Samsat: ...": the
 * sentence of word i opens ("tolong"/"mohon" before it or not) with a
 * message the reporter sends to an official (told_to), and word i stands
 * in a later clause of it: said to that official. */
static int
relayed_to(const struct ctx *cx, size_t i)
{
  static const char *const please[] = {"tolong", "tlg", "mohon", NULL};
  size_t s = sentence_start(cx, i), r = s;

  if (word_in(cx, s, please) && s + 1 < cx->nm->n &&
      !starts_clause(cx, s + 1))
    r = s + 1;
  if (!(r == s ? told_to(cx, s)
               : (word_is(cx, WC_SAY, r) || word_text_is(cx, r, "sampaikan")) &&
                     word_is(cx, WC_TO, r + 1) && other_person(cx, r + 2)))
    return 0;
  return clause_start(cx, i) > (r == s ? message_to(cx, s) : r + 1) + 1;
}

/* In a message relayed to an official (relayed_to) at word i: a [warn]
 * word opening a clause, then harm befalling ([modal] and [befall]) in
 * the sentence ("hati-hati kalau pulang malam, orang bisa celaka", or
 * fall and vanish: "bisa jatuh", "bisa hilang"); harm
 * befalling ([modal] and [befall] at i) on them or theirs, named right
 * before the modal words ("anak dan istrinya bisa celaka", "dia bisa
 * celaka"); or a weapon the
 * reporter brings ("kami akan datang dengan parang").  A hazard for
 * "anak sekolah" or people in general is none. */
static int
relayed_harm(const struct ctx *cx, size_t i)
{
  /* "orang bisa jatuh dan tidak ditemukan", "bisa hilang": vanished. */
  static const char *const vanish[] = {"jatuh", "hilang", "lenyap", NULL};
  size_t k;

  if (!relayed_to(cx, i))
    return 0;
  if (word_is(cx, WC_WARN, i) && starts_clause(cx, i)) {
    for (k = i + 2; k < cx->nm->n && !starts_sentence(cx, k); k++)
      if (word_is(cx, WC_MODAL, k - 1) &&
          (word_is(cx, WC_BEFALL, k) || word_in(cx, k, vanish)))
        return 1;
    return 0;
  }
  if (word_is(cx, WC_BEFALL, i) && word_is(cx, WC_MODAL, i - 1)) {
    for (k = i - 1; k > 0 && !starts_clause(cx, k) &&
                    (word_is(cx, WC_MODAL, k) || word_is(cx, WC_INTENS, k));
         k--)
      ;
    return k < i - 1 && ((word_is(cx, WC_KIN, k) && owned_nya(cx, k)) ||
                         word_text_is(cx, k, "dia") ||
                         word_is(cx, WC_THEY, k));
  }
  return word_is(cx, WC_WEAPON, i) && self_agent(cx, i);
}

/* "..., ingat kata-kata saya (ini)", "camkan kata saya": the reporter's
 * vow after word i in its sentence: "ingat" or "camkan", then a [say]
 * word and the reporter's word within VOW_GAP words of it. */
#define VOW_GAP 3
static int
vowed_after(const struct ctx *cx, size_t i)
{
  size_t k, m, n = cx->nm->n;
  int said;

  for (k = i + 1; k < n && !starts_sentence(cx, k); k++) {
    if (!word_text_is(cx, k, "ingat") && !word_text_is(cx, k, "camkan"))
      continue;
    said = 0;
    for (m = k + 1; m < n && m <= k + VOW_GAP && !starts_clause(cx, m); m++) {
      said |= word_is(cx, WC_SAY, m);
      if (said && word_is(cx, WC_SELF, m))
        return 1;
    }
  }
  return 0;
}

/* "Pegawai yang ... itu sebentar lagi": "sebentar" at word k right after
 * a noun phrase of a person or office (np_head) closed by a link word or
 * "yang": a death soon foretold of someone. */
static int
soon_of(const struct ctx *cx, size_t k)
{
  return k > 0 && word_text_is(cx, k, "sebentar") && !starts_clause(cx, k) &&
         np_head(cx, k - 1, word_is(cx, WC_LINK, k - 1));
}

/* "Kalau saya ketemu lurah itu, besoknya dia tinggal nama saja", "...
 * kembalikan uang kami atau pulang tinggal nama": "tinggal nama" (only
 * a name left: dead) at word i, said of a person ("dia", "mereka", "kau"
 * or a person who is no office or building, modal words between) or of
 * someone coming home so ("pulang"), with no [past] word in its clause,
 * on a condition earlier in the sentence or as the other half of an
 * ultimatum ("atau" before it in its clause), or foretold of an
 * official ("... itu sebentar lagi", soon_of) or anyone with the
 * reporter's vow after it (vowed_after).  "koperasi itu tinggal
 * nama" or "kantor desa tinggal nama" are things that exist no more. */
static int
name_left(const struct ctx *cx, size_t i)
{
  size_t k, c;
  int either = 0;

  if (i == 0 || starts_clause(cx, i) || !word_text_is(cx, i, "tinggal") ||
      !word_text_is(cx, i + 1, "nama") || starts_clause(cx, i + 1))
    return 0;
  for (k = i - 1; k > 0 && !starts_clause(cx, k) && word_is(cx, WC_MODAL, k);
       k--)
    ;
  if (!word_text_is(cx, k, "pulang") && !word_text_is(cx, k, "dia") &&
      !word_is(cx, WC_THEY, k) && !word_is(cx, WC_YOU, k) &&
      !soon_of(cx, k) &&
      !(other_person(cx, k) &&
        !word_is(cx, WC_TARGET, name_run(cx, k + 1, CTX_BEFORE, WORD_TITLE))))
    return 0;
  c = clause_start(cx, i);
  for (k = c; k < i; k++) {
    if (word_is(cx, WC_PAST, k))
      return 0;
    either |= word_text_is(cx, k, "atau");
  }
  return either || class_before(cx, WC_IF, c, cx->nm->n) ||
         vowed_after(cx, i);
}

/* "patah kakinya", "tangannya patah": a word of breaking at word k with
 * someone's body part ([target], with "-nya") right after it or right
 * before it in its clause: an injury.  "jembatan ... patah" is none. */
static int
limb_broken(const struct ctx *cx, size_t k)
{
  static const char *const broken[] = {"patah", "remuk", "pecah", "putus",
                                       "retak", NULL};
  size_t n = cx->nm->n;

  if (!word_in(cx, k, broken))
    return 0;
  if (k + 1 < n && !starts_clause(cx, k + 1) && word_is(cx, WC_TARGET, k + 1) &&
      owned_nya(cx, k + 1))
    return 1;
  return k > 0 && !starts_clause(cx, k) && word_is(cx, WC_TARGET, k - 1) &&
         owned_nya(cx, k - 1);
}

/* "Tim desa kami hajar tim kecamatan 3-0": the object of the verb of
 * violence at word i (object_at) is a team ("tim", "kesebelasan",
 * "klub", "regu") and its sentence names a [game] (a match, a sport, a
 * score word): a result, not harm. */
static int
game_played(const struct ctx *cx, size_t i)
{
  static const char *const side[] = {"tim", "kesebelasan", "klub", "regu",
                                     NULL};
  size_t k, o = object_at(cx, i);

  if (o >= cx->nm->n || !word_in(cx, o, side))
    return 0;
  for (k = sentence_start(cx, i); k < cx->nm->n; k++) {
    if (k > i && starts_sentence(cx, k))
      break;
    if (word_is(cx, WC_GAME, k))
      return 1;
  }
  return 0;
}

/* "Lurah itu harus mati", "pejabat itu pantas dibunuh", "harus
 * dibakar kantor itu": a [must] word at i with a death or a passive verb
 * of violence right after it, said of a person, office or building
 * (not the reporter's): the subject opening its clause, or the target
 * after the verb when nothing stands before it.  Rubbish, a field or
 * pests that must be burnt or killed ("sampah di pasar harus dibakar"),
 * and a question that opens the clause ("apa pasien harus mati dulu
 * baru dilayani?") are none. */
static int
must_harm(const struct ctx *cx, size_t i)
{
  size_t c;

  if (!word_is(cx, WC_MUST, i) || i + 1 >= cx->nm->n ||
      starts_sentence(cx, i + 1) ||
      !(word_is(cx, WC_OUTCOME, i + 1) || prefixed(cx, WC_HARM, i + 1, "di")))
    return 0;
  c = clause_subject(cx, i);
  if (c == i)
    return has_target(cx, i + 1);
  return (word_is(cx, WC_PERSON, c) || word_is(cx, WC_TARGET, c) ||
          word_is(cx, WC_YOU, c)) &&
         !word_is(cx, WC_SELF, c);
}

/* Threats at word i: the reporter's own violence against a person, office
 * or building (named after the verb or put first), or to death; a call to
 * it; "tunggu saja ... mati"; "awas kau"; "mati kau"; "harus mati"; "mati
 * di tangan saya"; "kasih dia pelajaran" (lesson_at).  A
 * verb of violence in reported speech marks the text, and so does a
 * passive one after a verb of threatening ("diancam akan dibunuh") or a
 * [will] word earlier in its sentence ("dia bilang kami akan diusir dan
 * rumah kami dibakar"). */
static void
judge_threat(struct ctx *cx, size_t i)
{
  size_t k, o;
  int self, harm = harm_word(cx, i, &self);
  int start = (starts_clause(cx, i) && !active_form(cx, i)) ||
              (i > 0 && word_is(cx, WC_VOCATIVE, i - 1));
  int agent;

  if (harm && game_played(cx, i))
    return;
  /* "petugas bilang harus tembak foto ulang": violence to a harmless
   * thing (harmless_object) is no threat, reported or not. */
  o = harm ? object_at(cx, i) : cx->nm->n;
  if (cx->reported[i] &&
      ((harm && (o >= cx->nm->n || !harmless_object(cx, o))) ||
       (prefixed(cx, WC_HARM, i, "di") &&
        (class_before(cx, WC_THREATEN, i, CTX_BEFORE) ||
         class_before(cx, WC_WILL, i, cx->nm->n)))))
    cx->j->marks |= QUALITY_MARK_QUOTED;
  agent = harm && (self || self_agent(cx, i) || remote_agent(cx, i) ||
                   (!active_form(cx, i) && armed_for(cx, i)));
  if (harm && (agent || start) &&
      (has_target(cx, i) || (start && word_is(cx, WC_INTENS, i + 1) &&
                             has_target(cx, i + 1))))
    found(cx, i, QUALITY_THREAT, "threat");
  if (agent && !word_is(cx, WC_WEAPON, i) &&
      (outcome_after(cx, i) || fronted_target(cx, i) ||
       elided_target(cx, i)))
    found(cx, i, QUALITY_THREAT, "threat");
  if (harm && fronted_weapon(cx, i))
    found(cx, i, QUALITY_THREAT, "threat");
  if (intended_harm(cx, i) || poison_served(cx, i) || advised_harm(cx, i) ||
      relayed_harm(cx, i))
    found(cx, i, QUALITY_THREAT, "threat");
  /* A lesson the reporter gives someone: a beating promised. */
  k = lesson_at(cx, i);
  if (k > i && self_agent(cx, i) && (k > i + 1 || has_target(cx, k)))
    found(cx, i, QUALITY_THREAT, "threat");
  k = skip_intensifiers(cx, i) + 1;
  if ((word_is(cx, WC_WARN, i) || word_is(cx, WC_OUTCOME, i)) &&
      k < cx->nm->n && !starts_sentence(cx, k) && word_is(cx, WC_YOU, k))
    found(cx, i, QUALITY_THREAT, "threat");
  if (must_harm(cx, i))
    found(cx, i, QUALITY_THREAT, "threat");
  if (veiled_warning(cx, i) || know_where(cx, i) || blame_frame(cx, i) ||
      passive_ultimatum(cx, i) || by_own_hand(cx, i) ||
      (blood_spilt(cx, i, 1) && if_in_sentence(cx, i)) ||
      doom_promised(cx, i) || death_if_you(cx, i) ||
      blood_deadline(cx, i) || promise_tag(cx, i) ||
      unsafe_warned(cx, i) || none_alive(cx, i) || home_known(cx, i) ||
      blood_for_blood(cx, i) || days_numbered(cx, i) ||
      ruin_promised(cx, i) || feel_it(cx, i) || readied_ruin(cx, i) ||
      kin_doomed(cx, i) || death_asked(cx, i) || life_in_hand(cx, i) ||
      no_future(cx, i) || asking_for_it(cx, i) || name_left(cx, i) ||
      blood_shed(cx, i))
    found(cx, i, QUALITY_THREAT, "threat");
  /* "tunggu saja" opens a clause or is said to someone ("lu tunggu
   * sa", "kades itu tunggu saja", "Pak Kadis tunggu saja"), with a death, violence, ruin ("jadi
   * abu", ruin_of), the grave ("masuk kubur", "pulang dalam peti") or
   * a broken limb ("patah kakinya", limb_broken) after it;
   * "disuruh tunggu saja" is the reporter being put off. */
  if (word_is(cx, WC_WAIT, i) && word_is(cx, WC_INTENS, i + 1) &&
      (starts_clause(cx, i) || word_is(cx, WC_YOU, i - 1) ||
       word_is(cx, WC_VOCATIVE, i - 1) || official_subject(cx, i) ||
       titled_subject(cx, i)))
    for (k = i + 2; k < cx->nm->n && !starts_sentence(cx, k); k++)
      if (word_is(cx, WC_OUTCOME, k) || word_is(cx, WC_HARM, k) ||
          ruin_of(cx, k) || home_dead(cx, k) || word_is(cx, WC_GRAVE, k) ||
          limb_broken(cx, k))
        found(cx, i, QUALITY_THREAT, "threat");
}

/*
 * SARA in the sentence that starts at word a (ending before b): a group
 * named by ethnicity, religion, race or origin (after "orang", "suku",
 * ..., with "semua", or right after a verb of expelling: "usir
 * pendatang") with a call to expel it, or with a derogation or
 * crime said of the whole group ("semua", "memang", or right after it).
 */
/* Is the group word at g followed by where it comes from, "dari" and a
 * name or another group ("pendatang dari Sulawesi", "Islam dari Jawa")? */
static int
from_origin(const struct ctx *cx, size_t g)
{
  size_t n = cx->nm->n;

  return g + 2 < n && !starts_clause(cx, g + 1) &&
         !starts_clause(cx, g + 2) && word_text_is(cx, g + 1, "dari") &&
         ((cx->nm->w[g + 2].flags & WORD_TITLE) ||
          word_is(cx, WC_GROUP, g + 2));
}

/* Is the group word at g (in the sentence from word a) named as a
 * group: after "orang", "suku", ... ("kami orang Sabu", the reporter's
 * own group, is not), after "semua" or a verb of expelling, after "semua"
 * and a person ("semua pegawai Kristen"), before "semua", or doubled? */
static int
group_named(const struct ctx *cx, size_t a, size_t g)
{
  /* "agama mereka", "suku itu": a religion or people by a pronoun. */
  if (word_is(cx, WC_KIND, g) && g + 1 < cx->nm->n &&
      !starts_clause(cx, g + 1) &&
      (word_is(cx, WC_THEY, g + 1) || word_is(cx, WC_LINK, g + 1)))
    return 1;
  if (!word_is(cx, WC_GROUP, g))
    return 0;
  /* Doubled, a plural of the whole group ("Cina-cina itu ..."); only
   * its first word, so "kami orang Sabu-Sabu" stays the reporter's. */
  if (g > a && same_word(cx, g - 1, g))
    return 0;
  if (g > a && word_is(cx, WC_GROUPHEAD, g - 1))
    return cx->reported[g] || !(g > a + 1 && word_is(cx, WC_SELF, g - 2));
  /* "Mahasiswa Papua", "pedagang Bugis": people by a [role] and their
   * origin; "kami mahasiswa Papua" is the reporter's own. */
  if (g > a && word_is(cx, WC_ROLE, g - 1))
    return cx->reported[g] || !(g > a + 1 && word_is(cx, WC_SELF, g - 2));
  /* "Pendatang Bugis", "Islam Jawa": a group named by another group. */
  if (g > a && word_is(cx, WC_GROUP, g - 1) && !same_word(cx, g - 1, g))
    return cx->reported[g] || !(g > a + 1 && word_is(cx, WC_SELF, g - 2));
  return (g > a && (word_is(cx, WC_GENERAL, g - 1) ||
                    word_is(cx, WC_EXPEL, g - 1))) ||
         (g > a + 1 && word_is(cx, WC_PERSON, g - 1) &&
          word_is(cx, WC_GENERAL, g - 2)) ||
         word_is(cx, WC_GENERAL, g + 1) ||
         (cx->nm->w[g].flags & WORD_DOUBLED) || from_origin(cx, g) ||
         (g + 1 < cx->nm->n && !starts_clause(cx, g + 1) &&
          same_word(cx, g, g + 1));
}

/* Is the verb at word k done by someone the reporter reports: a person
 * or office before it in its clause, with no "harus", "jangan" or the
 * reporter between ("Camat mengusir orang Sabu", "petugas menyuruh
 * mereka pulang": the very discrimination reported)? */
static int
done_by_other(const struct ctx *cx, size_t k)
{
  while (k > 0 && !starts_clause(cx, k)) {
    k--;
    if (word_is(cx, WC_MUST, k) || word_is(cx, WC_DENY, k) ||
        word_is(cx, WC_SELF, k))
      return 0;
    if (word_is(cx, WC_PERSON, k) && !word_is(cx, WC_GROUPHEAD, k))
      return 1;
  }
  return 0;
}

/* "dibersihkan dari mereka", "bersihkan dari orang Sabu": a verb of
 * cleansing at word k, then "dari" and a group, a pronoun of [they] or a
 * [grouphead] word before a group.  "dibersihkan dari sampah" is none. */
static int
cleansed_of(const struct ctx *cx, size_t k)
{
  static const char *const cleanse[] = {"bersihkan", "dibersihkan",
                                        "membersihkan", NULL};
  size_t d = k + 1, n = cx->nm->n;

  if (!word_in(cx, k, cleanse) || d + 1 >= n || starts_clause(cx, d) ||
      starts_clause(cx, d + 1) || !word_text_is(cx, d, "dari"))
    return 0;
  return word_is(cx, WC_GROUP, d + 1) || word_is(cx, WC_THEY, d + 1) ||
         (word_is(cx, WC_GROUPHEAD, d + 1) && d + 2 < n &&
          !starts_clause(cx, d + 2) && word_is(cx, WC_GROUP, d + 2));
}

/* "angkat kaki", "kembali ke (daerah) asal", "pulang ke kampungnya":
 * a way of leaving for good at word k. */
static int
leave_idiom(const struct ctx *cx, size_t k)
{
  static const char *const go[] = {"kembali", "balik", "pulang", NULL};
  static const char *const home[] = {"asal", "asalnya", "kampungnya",
                                     "daerahnya", NULL};
  size_t m;

  if (word_text_is(cx, k, "angkat"))
    return k + 1 < cx->nm->n && !starts_clause(cx, k + 1) &&
           word_text_is(cx, k + 1, "kaki");
  if (!word_in(cx, k, go) || k + 2 >= cx->nm->n ||
      !word_text_is(cx, k + 1, "ke"))
    return 0;
  for (m = k + 2; m < cx->nm->n && m <= k + 3 && !starts_clause(cx, m); m++)
    if (word_in(cx, m, home))
      return 1;
  return 0;
}

/* "harus diusir", "sebaiknya dipulangkan", "lebih baik angkat kaki": a
 * passive verb of expelling or a way of leaving (leave_idiom) at word k
 * after a [must] or [advise] word, with at most two [modal] words
 * ("segera", "saja") between. */
static int
told_to_leave(const struct ctx *cx, size_t k)
{
  size_t m;

  if (!prefixed(cx, WC_EXPEL, k, "di") && !leave_idiom(cx, k))
    return 0;
  for (m = k; m > 0 && k - m < 3 && !starts_clause(cx, m); m--) {
    if (word_is(cx, WC_MUST, m - 1) || word_is(cx, WC_ADVISE, m - 1))
      return 1;
    if (!word_is(cx, WC_MODAL, m - 1))
      return 0;
  }
  return 0;
}

/* "Orang Rote harus keluar dari kantor gubernur", "orang Bugis dong
 * harus segera keluar dari pasar": the group named at word g (a [they]
 * word after it or not) is the subject of a [must] word, then at most
 * two [modal] words and "keluar dari".  "orang Rote keluar dari kantor"
 * is an event told; a must said of someone after the group is not its. */
#define LEAVE_MODALS 2
static int
must_leave(const struct ctx *cx, size_t g)
{
  size_t k = g + 1, m, n = cx->nm->n;

  if (k < n && !starts_clause(cx, k) && word_is(cx, WC_THEY, k))
    k++;
  if (k >= n || starts_clause(cx, k) || !word_is(cx, WC_MUST, k))
    return 0;
  for (m = k + 1; m < n && m <= k + LEAVE_MODALS + 1; m++) {
    if (starts_clause(cx, m))
      return 0;
    if (word_text_is(cx, m, "keluar"))
      return m + 1 < n && !starts_clause(cx, m + 1) &&
             word_text_is(cx, m + 1, "dari");
    if (!word_is(cx, WC_MODAL, m))
      return 0;
  }
  return 0;
}

/* "Orang Timor dong sonde bisa kerja", "orang Flores mereka tidak bisa
 * pimpin": the group named at word g restated as a whole by a [they]
 * word, then a [not] and a [can] word and an active verb: the group
 * said to be unable.  Not with a passive verb, another [can] word or
 * a [loot] word ("sonde bisa dapat bantuan", "suku mereka tidak dapat
 * bantuan": what they were denied), and not with a
 * [because] word later in the sentence ("... karena server rusak"):
 * unable for a stated cause is what happened to them. */
static int
incapable(const struct ctx *cx, size_t g)
{
  size_t k = g + 1, v = g + 4, n = cx->nm->n;
  const char *t;

  if (v >= n || !word_is(cx, WC_GROUP, g) || !word_is(cx, WC_THEY, k) ||
      !word_is(cx, WC_NOT, k + 1) || !word_is(cx, WC_CAN, k + 2) ||
      word_is(cx, WC_CAN, v) || word_is(cx, WC_GRANT, v) ||
      word_is(cx, WC_LOOT, v))
    return 0;
  for (; k <= v; k++)
    if (starts_clause(cx, k))
      return 0;
  t = cx->nm->text + cx->nm->w[v].off;
  if (cx->nm->w[v].len > 4 && t[0] == 'd' && t[1] == 'i')
    return 0;
  for (k = v + 1; k < n && !starts_sentence(cx, k); k++)
    if (word_is(cx, WC_BECAUSE, k))
      return 0;
  return 1;
}

/* Is the verb of expelling at word k told of, not called for: after
 * "yang" or a [past] word ("orang Sabu yang pulang dari pasar", "waktu
 * pulang")? */
static int
told_of(const struct ctx *cx, size_t k)
{
  return k > 0 && !starts_clause(cx, k) &&
         (word_text_is(cx, k - 1, "yang") || word_text_is(cx, k - 1, "yg") ||
          word_is(cx, WC_PAST, k - 1));
}

/* A call to expel or shut out at word k: a verb of expelling, "harus
 * diusir", a place cleansed of the group (cleansed_of), or "jangan
 * diberi" ("orang X jangan diberi jabatan"); not when someone reported
 * does it. */
static int
shut_out(const struct ctx *cx, size_t k)
{
  if (told_to_leave(cx, k))
    return 1;
  if (word_is(cx, WC_EXPEL, k) || cleansed_of(cx, k))
    return !done_by_other(cx, k) && !told_of(cx, k);
  if (k == 0 || starts_clause(cx, k))
    return 0;
  return word_is(cx, WC_DENY, k - 1) &&
         (word_is(cx, WC_GRANT, k) || prefixed(cx, WC_GRANT, k, "di"));
}

/* Is the group named at word g told, right after it, that it may not
 * do something: "orang Sabu sonde usah urus tanah", "orang Rote tidak
 * boleh jadi kepala", "orang Sumba jangan urus proyek"?  Not when the
 * verb is passive, which protects the group ("tidak boleh dipersulit",
 * "jangan dibeda-bedakan"), unless it grants ("jangan diberi"). */
static int
barred(const struct ctx *cx, size_t g)
{
  size_t k, v;
  const char *t;

  for (k = g + 1; k <= g + 3 && k + 1 < cx->nm->n; k++) {
    if (starts_clause(cx, k))
      return 0;
    if (!word_is(cx, WC_DENY, k) &&
        !(word_is(cx, WC_FORBID, k) && word_is(cx, WC_NOT, k - 1)))
      continue;
    v = k + 1;
    if (starts_clause(cx, v))
      return 0;
    t = cx->nm->text + cx->nm->w[v].off;
    return !(cx->nm->w[v].len > 4 && t[0] == 'd' && t[1] == 'i') ||
           prefixed(cx, WC_GRANT, v, "di");
  }
  return 0;
}

/* "Orang Bima yang jualan di pasar itu penipu", "Cina-cina pemilik toko
 * itu tukang suap": the group's noun phrase, however long, closed by a
 * link word right before word k (or before a person word before it), in
 * one clause with the group at g: k is said of the whole group. */
static int
predicate_of(const struct ctx *cx, size_t g, size_t k)
{
  size_t l = k - 1;

  if (l > g + 1 && word_is(cx, WC_PERSON, l) && !word_is(cx, WC_LINK, l))
    l--;
  return l > g && word_is(cx, WC_LINK, l) && clause_start(cx, k) <= g;
}

/* Is word k a derogation of the group named at word g: a [derogation]
 * word after it, right after it or in a sentence that generalises
 * (predicate_of); or "tidak bisa dipercaya" (a [not], a [can] and a
 * [trust] word) anywhere after it in its clause, said of the group
 * itself ("orang X di desa ini tidak bisa dipercaya"; "tidak dipercaya
 * memegang jabatan" is the group not entrusted, discrimination the
 * reporter reports)? */
static int
derogates(const struct ctx *cx, size_t g, size_t k, int general)
{
  if (k <= g)
    return 0;
  if (word_is(cx, WC_DEROG, k))
    return general || k - g <= 2 || predicate_of(cx, g, k);
  return k >= g + 3 && word_is(cx, WC_TRUST, k) &&
         word_is(cx, WC_CAN, k - 1) && word_is(cx, WC_NOT, k - 2) &&
         clause_start(cx, k) <= g;
}

/* Is the group named at word g called out: "dasar" (a [vocative] word
 * that also generalises) opening a clause, then the group, a [grouphead]
 * word between or not ("Dasar orang Muslim, ...")?  "atas dasar agama
 * Kristen" gives a ground and opens nothing. */
static int
called_out(const struct ctx *cx, size_t g)
{
  size_t k = g;

  if (k > 0 && !starts_clause(cx, k) && word_is(cx, WC_GROUPHEAD, k - 1))
    k--;
  return k > 0 && !starts_clause(cx, k) && starts_clause(cx, k - 1) &&
         word_is(cx, WC_VOCATIVE, k - 1) && word_is(cx, WC_GENERAL, k - 1);
}

/* "orang Alor, pantas saja dia rakus": a [reason] word at word k (in the
 * sentence from word a) not denied ("tidak wajar") puts what follows
 * down to the group, as "semua" does. */
static int
reason_given(const struct ctx *cx, size_t a, size_t k)
{
  return word_is(cx, WC_REASON, k) && !(k > a && word_is(cx, WC_NOT, k - 1));
}

static void
judge_sara(struct ctx *cx, size_t a, size_t b)
{
  size_t g, k;
  int general = 0, shut_seen = 0;

  for (k = a; k < b; k++)
    general |= word_is(cx, WC_GENERAL, k) || reason_given(cx, a, k);
  for (g = a; g < b; g++) {
    if (!group_named(cx, a, g))
      continue;
    if (barred(cx, g) || called_out(cx, g) || must_leave(cx, g) ||
        incapable(cx, g)) {
      found(cx, g, QUALITY_SARA, "sara");
      return;
    }
    /* A call to shut out anywhere in the sentence does not depend on
     * the group: looked for once, at the first group named. */
    if (!shut_seen) {
      shut_seen = 1;
      for (k = a; k < b; k++)
        if (shut_out(cx, k)) {
          found(cx, g, QUALITY_SARA, "sara");
          return;
        }
    }
    for (k = g + 1; k < b; k++)
      if (derogates(cx, g, k, general)) {
        found(cx, g, QUALITY_SARA, "sara");
        return;
      }
  }
}

/* The lexicon entry at word i, as quality_abusive() finds it, ignoring
 * the allow-list: its last word in *e and whether only a squeezed double
 * letter found it. */
static const struct entry *
lexicon_at(const struct ctx *cx, size_t i, size_t *e, int *squeezed)
{
  const struct entry *hit;
  size_t k, maxk = 1, n = cx->nm->n;

  if (may_start_phrase(&cx->q->lexicon, cx->nm, i))
    maxk = n - i < QUALITY_MAX_ENTRY_WORDS ? n - i : QUALITY_MAX_ENTRY_WORDS;
  for (k = maxk; k >= 1; k--) {
    if (!(cx->q->lexicon.counts & (1u << (k - 1))))
      continue;
    hit = match_span(cx->q, cx->nm, i, k, squeezed);
    if (hit != NULL) {
      *e = i + k - 1;
      return hit;
    }
  }
  return NULL;
}

/* Is any of words i..e covered by the allow-list? */
static int
span_allowed(const struct ctx *cx, size_t i, size_t e)
{
  for (; i <= e; i++)
    if (cx->allowed[i])
      return 1;
  return 0;
}

/* Is a slur of race or religion among words i..e ("cina babi", "kafir")? */
static int
span_sara(const struct ctx *cx, size_t i, size_t e)
{
  for (; i <= e; i++)
    if (word_is(cx, WC_GROUP, i) || word_is(cx, WC_SLUR, i))
      return 1;
  return 0;
}

/* "bodo-bodo", "maling maling": word e said again right after it in its
 * clause is the same predicate; the last of the two, or e.  The second
 * is still judged on its own too. */
static size_t
said_twice(const struct ctx *cx, size_t e)
{
  return e + 1 < cx->nm->n && !starts_clause(cx, e + 1) &&
                 same_word(cx, e, e + 1)
             ? e + 1
             : e;
}

/* "sekdes menyebut para janda sebagai sampah", "saya sebut dia sebagai
 * maling": word i right after "sebagai", with a verb of saying at most
 * CTX_BEFORE words before that in its sentence, is what someone was
 * called.
 * Said by someone else it is reported (found() flags it), by the
 * reporter an insult. */
static int
named_as(const struct ctx *cx, size_t i)
{
  return i > 1 && !starts_clause(cx, i) &&
         word_text_is(cx, i - 1, "sebagai") && !starts_clause(cx, i - 1) &&
         class_before(cx, WC_SAY, i - 1, CTX_BEFORE);
}

/* "camat pung muka badak", "kades punya otak kerbau": the [mind] word
 * at word i owned ("pung"/"punya") by a person or office right before
 * that, not the reporter. */
static int
mind_owned(const struct ctx *cx, size_t i)
{
  return word_is(cx, WC_MIND, i) &&
         subject_of(cx, i, SUBJ_OWNED | SUBJ_ONE) < i;
}

/* "Satpol PP Kota Kupang itu kerbau semua, ...": the [beast] at word i
 * as the predicate of an official or office (official_subject), a word
 * that generalises ("semua") right after it ending the clause: the whole
 * office called animals.  Livestock counted ("ternak ... itu kerbau
 * semua") has no official as subject. */
static int
beast_of_all(const struct ctx *cx, size_t i)
{
  size_t g = i + 1;

  return word_is(cx, WC_BEAST, i) && g < cx->nm->n && !starts_clause(cx, g) &&
         word_is(cx, WC_GENERAL, g) && word_is(cx, WC_INTENS, g) &&
         ends_clause(cx, g) && official_subject(cx, i) &&
         !literal_cue(cx, i, g);
}

/* An [insult] word or a low_mind idiom at words i..e: an insult when
 * aimed at someone (or `trait`: "petugas berotak kerbau"), or reported
 * (quoted, or named right after a verb of saying: "dibilang bodoh"). */
static void
insult_if_aimed(struct ctx *cx, size_t i, size_t e, int trait)
{
  if (trait || aimed(cx, i, e) || named_as(cx, i) ||
      (cx->reported[i] && ((cx->nm->w[i].flags & WORD_QUOTED) ||
                           class_before(cx, WC_SAY, i, CTX_NAMED))))
    found(cx, i, QUALITY_INSULT, "insult");
}

/*
 * The lexicon and the insulting words at word i; returns the last word
 * looked at.  An allowed word, or a word beside one that shows its
 * literal sense, is literal; a '~' word (an animal) insults only aimed
 * at someone or disguised; the words of [insult] (maling, bodoh) only
 * aimed at someone; every other entry wherever it stands.
 */
static size_t
judge_words(struct ctx *cx, size_t i, int caps_text)
{
  const struct entry *hit;
  size_t e = i;
  int squeezed, insult;

  hit = lexicon_at(cx, i, &e, &squeezed);
  if (hit == NULL) {
    e = low_mind(cx, i);
    if (e > i)
      insult_if_aimed(cx, i, e, trait_of(cx, i) || mind_owned(cx, i));
    else if (word_is(cx, WC_INSULT, i))
      insult_if_aimed(cx, i, said_twice(cx, i), 0);
    else if (beast_of_all(cx, i))
      insult_if_aimed(cx, i, i + 1, 1);
    return i;
  }
  if (span_allowed(cx, i, e)) {
    cx->j->marks |= QUALITY_MARK_LITERAL;
    return e;
  }
  if (hit->plain_word)
    insult = squeezed || span_disguised(cx->nm, i, e - i + 1, caps_text);
  else
    insult = !literal_cue(cx, i, e);
  insult |= aimed(cx, i, e == i ? said_twice(cx, i) : e);
  if (!insult && !cx->reported[i]) {
    cx->j->marks |= QUALITY_MARK_LITERAL;
    return e;
  }
  found(cx, i, span_sara(cx, i, e) ? QUALITY_SARA : QUALITY_INSULT,
        hit->text);
  return e;
}

int
quality_judge(const struct quality *q, const char *text,
              struct quality_judgement *j)
{
  struct norm nm;
  struct ctx cx;
  size_t i, a;
  int rc, caps_text;

  memset(j, 0, sizeof(*j));
  norm_init(&nm);
  nm.q = q;
  rc = norm_run(&nm, text);
  memset(&cx, 0, sizeof(cx));
  if (rc == 0 && nm.n > 0) {
    cx.reported = calloc(nm.n, 1);
    cx.allowed = calloc(nm.n, 1);
    if (cx.reported == NULL || cx.allowed == NULL)
      rc = -ENOMEM;
  }
  if (rc == 0 && nm.n > 0) {
    cx.q = q;
    cx.nm = &nm;
    cx.j = j;
    caps_text = nm.letters > 0 &&
                (long)nm.upper * 100 >= (long)nm.letters * CAPS_PERCENT;
    mark_allowed(q, &nm, cx.allowed);
    mark_reported(&cx);
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
  }
  free(cx.reported);
  free(cx.allowed);
  norm_free(&nm);
  return rc;
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
 * (pengadaan), memper-, ke-...-an (kesehatan).  Formal reports can be
 * short of function words and still plainly Indonesian; English,
 * Javanese (-ake, -e), Dawan, Tetun and Manggarai do not form words so.
 */
static int
indonesian_affix(const char *w, size_t n)
{
  static const char *const pre[] = {"meng", "meny", "peng", "peny",
                                    "memper"};
  size_t i;

  if (ends(w, n, "nya", 2) || ends(w, n, "kan", 3))
    return 1;
  for (i = 0; i < sizeof(pre) / sizeof(pre[0]); i++)
    if (starts(w, n, pre[i], 3))
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
