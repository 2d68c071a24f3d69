/*
 * place.c: the gazetteer of NTT (kabupaten/kota, kecamatan,
 * desa/kelurahan) and the matcher of free text against it (see place.h
 * for the file and the rules).
 *
 * Loading turns every official name and alias into a phrase: a sequence
 * of normalised words.  From each it derives more phrases: the name
 * without a leading "kabupaten"/"kota", and the words of a name of
 * several words joined into one.  A derived phrase never overrides what an
 * admin wrote: it is dropped when it equals an alias of another place,
 * and kept for every place it comes from when only derived phrases share
 * it (plain "kupang" comes from both Kota and Kabupaten Kupang, and so
 * ties).  The words of all phrases form a sorted vocabulary; a phrase is
 * an array of word numbers, and phrases are indexed by their last word.
 *
 * Matching reads the text one word at a time without copying it: each
 * word is normalised into a fixed buffer and looked up in the vocabulary,
 * exactly (bsearch) and fuzzily (a scan of the vocabulary that length and
 * letter-set filters cut short before any edit distance is computed).
 * The vocabulary words that the last PHRASE_WORDS text words stand for
 * are kept in a ring; after each word, every phrase ending in one of its
 * words is checked against the words before it, and what is found is
 * kept with the span of words it covers (one per place, the best).  Then
 * (resolve): a place found inside the span of another is dropped ("Kota
 * Kupang" leaves no plain "Kupang"); a place gains support from each of
 * the places it lies in found elsewhere in the text; the best wins by
 * support, level, the number of words of the name itself, whether its
 * kind word ("kabupaten", "desa") was there too, then the smallest edit
 * distance.  Nothing is allocated per call.
 */
#include "rules/place.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/lines.h"
#include "base/textdist.h"
#include "base/utf8.h"

#define PLACE_FILE_MAX (1024 * 1024)
#define WORD_MAX 40        /* bytes of one normalised word */
#define PHRASE_WORDS 8     /* words in one name or alias */
#define HITS_MAX 16        /* vocabulary words one text word may stand for */
#define CODE_MAX 16
#define FUZZY_MIN 5        /* shorter words must match exactly */
#define NEAR_MIN 4         /* shorter words of a kabupaten name of several
                              words, one letter off, the rest exact (see
                              word_forgiven) */
#define STRICT_MIN 8       /* the same in names of kecamatan and desa */
#define SLIP_MIN 6         /* letters of a name, squashed, that may have
                              slipped (see slipped()) */
#define FOUND_MAX 64       /* places one text may name */
#define NOT_A_TYPO "not-a-typo"
#define NOT_A_NAME "not-a-name"
#define INCLUDE "include"
#define LANDMARK "landmark"
#define ALONE "alone"
#define OUTSIDE "outside"
#define NOT_OUTSIDE_AFTER "not-outside-after"
#define SHORT "short"
#define TOWN "town"
/* The level of the one place that stands for every outside line. */
#define PLACE_OUTSIDE (PLACE_LANDMARK + 1)
/* A comment runs from a '#' at the start or after a blank to the end;
 * what is left is trimmed, and a line left empty is skipped. */
#define PLACE_LINES (LINES_COMMENT_WORD | LINES_TRIM | LINES_SKIP_BLANK)

_Static_assert(WORD_MAX <= TEXTDIST_WORD_MAX,
               "a normalised word fits the edit distance");

/* What read_char found. */
#define CH_SEP 0           /* separates words */
#define CH_JOIN (-1)       /* an apostrophe: dropped, the word goes on */
#define CH_OPAQUE '~'      /* a letter with no ASCII form */

struct place {
  char *code;               /* these three in place_list.strings */
  char *name;
  char *label;              /* name, kecamatan, kabupaten/kota */
  int line;
  int file;                 /* 0: the file loaded, 1: the one it includes */
  int parent;               /* the place it lies in, -1 at the top */
  int level;                /* enum place_level */
};

/* About ten thousand of these stay in memory, most of one or two words:
 * the words are in one array (place_list.pwords), the small numbers and
 * the flags are bytes (24 bytes a phrase rather than 68).  The level
 * stays an int: as a byte, the matcher's tests of it cost 1% more
 * instructions. */
struct phrase {
  int place;
  int town;                 /* a town of the kabupaten/kota: the place
                               reported when it wins, or -1 */
  int bears;                /* of a town line's: the place that bears its
                               name (town_place()), which a desa kind word
                               before it asks for ("Kelurahan Atambua");
                               else -1 */
  int word;                 /* its words' vocabulary numbers:
                               pwords[word..word + nwords) */
  int level;                /* the place's */
  unsigned char nwords;     /* 1..PHRASE_WORDS */
  unsigned char core;       /* words of the name itself, before joining */
  unsigned char kind;       /* begins with a kind word: 2 its own
                               ("kabupaten", "kelurahan" of a kelurahan),
                               1 the other of desa and kelurahan ("desa"
                               of a kelurahan: see derive_swapped) */
  unsigned char weak;       /* an "alone" phrase */
  unsigned char joined;     /* a kecamatan or desa name of several words
                               joined into one: matched exactly only */
  unsigned char whole;      /* a kecamatan or desa name of ordinary words
                               (not-a-name): matched only as the whole
                               text, exactly */
  unsigned char ordinary;   /* a kind word and such a name ("desa
                               bulan"): not when a time goes on from
                               the name (time_goes_on) */
};

struct vword {
  char *s;                  /* in place_list.strings */
  int len;
  uint32_t mask;            /* letters present (see letter_mask) */
  int first;                /* phrases ending here: ends[first..+count) */
  int count;
  /* Flags, in bytes: the scan of the vocabulary reads many entries. */
  unsigned char lax;        /* in a kabupaten/kota name: forgiven more */
  unsigned char several;    /* of 5+ letters in a landmark name of several
                               words, or a kecamatan or desa name of
                               several words of its own: forgiven one
                               letter there */
  unsigned char near;       /* of NEAR_MIN..FUZZY_MIN-1 letters in a
                               kabupaten/kota name of several words:
                               forgiven one letter there */
};

struct place_list {
  struct strpool *strings;  /* the places' strings, the vocabulary's */
  struct place *places;
  int nplaces;
  struct phrase *phrases;
  int nphrases;
  int *pwords;              /* the phrases' words (struct phrase) */
  struct vword *vocab;      /* sorted by s */
  int nvocab;
  int *ends;                /* phrase numbers grouped by last word */
  int *bylen;               /* vocabulary numbers sorted by length, */
  int lenfirst[WORD_MAX + 2]; /* those of length L at [lenfirst[L], [L+1]) */
  int *nears;               /* vocabulary numbers of the near words */
  int nnears;
  char **plain;             /* not-a-typo words, sorted */
  int nplain;
  int nregions;             /* places of level PLACE_DESA or above */
  char **guards;            /* not-outside-after words, sorted */
  int nguards;
  struct shortword *shorts; /* short words, sorted by from */
  int nshorts;
};

/* A word of a "short" line and the word it stands for. */
struct shortword {
  char *from;
  char *to;
};

/* One normalised word of text. */
struct word {
  char s[WORD_MAX + 1];
  int len;
  int overlong;             /* longer than WORD_MAX: matches nothing */
  int opaque;               /* holds a letter without an ASCII form */
  int brk;                  /* a comma, semicolon, slash or line break
                               came before it (see is_break) */
};

/* A vocabulary word that a text word may stand for. */
struct hit {
  int v;
  int d;                    /* edit distance, 0 exact */
  int slip;                 /* d is 1: a doubled letter or a final h (see
                               slipped()) */
  int gap;                  /* d is 1: a letter left out or added */
};

/* All of them for one text word. */
struct slot {
  int len;                  /* the text word's */
  int brk;                  /* the text word's */
  int n;
  struct hit h[HITS_MAX];
};

/*
 * U+00C0..U+00FF folded to ASCII; 0 for the two signs among them (times
 * and division), which separate words.
 */
static const char latin1_fold[65] =
  "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
  "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";

/* Words read as others, in text and in the list alike. */
static const struct {
  const char *from;
  const char *to;
} expansions[] = {
  {"kab", "kabupaten"},
  {"pemkab", "kabupaten"},
  {"kot", "kota"},
  {"pemkot", "kota"},
  {"kec", "kecamatan"},
  {"kel", "kelurahan"},
  /* "kantor lurah Oebobo", "camat Kupang Timur": the office names its
   * area. */
  {"lurah", "kelurahan"},
  {"camat", "kecamatan"},
  {"kpg", "kupang"},
  /* Namesakes are numbered in words, digits or Roman numerals
   * ("Naikoten Satu", "Naikoten 1", "Camplong II"): one form for all. */
  {"satu", "1"},
  {"i", "1"},
  {"dua", "2"},
  {"ii", "2"},
  {"tiga", "3"},
  {"iii", "3"},
  {"empat", "4"},
  {"iv", "4"},
};

/* Whether s[0..n) is word. */
static int
is_word(const char *s, size_t n, const char *word)
{
  return n == strlen(word) && memcmp(s, word, n) == 0;
}

/* Whether s[0..n) is one of words (NULL at the end). */
static int
is_one_of(const char *s, size_t n, const char *const *words)
{
  for (; *words != NULL; words++)
    if (is_word(s, n, *words))
      return 1;
  return 0;
}

/* The words that say which kind of region a name is. */
static int
is_kind_word(const char *s, size_t n)
{
  static const char *const kinds[] = {
    "kabupaten", "kota", "kecamatan", "kelurahan", "desa", NULL,
  };

  return is_one_of(s, n, kinds);
}

/*
 * What the character at p (p < end) is for matching: a lower-case ASCII
 * letter or digit, CH_OPAQUE, CH_JOIN or CH_SEP.  *len is set to its
 * length in bytes; a byte that does not start well-formed UTF-8 is one
 * separator.
 */
static int
read_char(const char *p, const char *end, int *len)
{
  unsigned char c = (unsigned char)*p;
  uint32_t cp;
  int n;

  *len = 1;
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z')
      return c - 'A' + 'a';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      return c;
    if (c == '\'' || c == '`')
      return CH_JOIN;
    return CH_SEP;
  }
  n = utf8_decode(p, (size_t)(end - p), &cp);
  if (n == 0)
    return CH_SEP;
  *len = n;
  /* Quotation marks and the modifier letter apostrophe that phones type
   * for "'". */
  if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x00B4)
    return CH_JOIN;
  if (cp >= 0xC0 && cp <= 0xFF)
    return latin1_fold[cp - 0xC0] != 0 ? latin1_fold[cp - 0xC0] : CH_SEP;
  if (cp >= 0x100 && cp <= 0x24F)
    return CH_OPAQUE;
  return CH_SEP;
}

/* Replace an abbreviation by the word it stands for. */
static void
expand(struct word *w)
{
  size_t i, n;

  if (w->overlong)
    return;
  for (i = 0; i < sizeof(expansions) / sizeof(expansions[0]); i++) {
    if ((size_t)w->len == strlen(expansions[i].from) &&
        memcmp(w->s, expansions[i].from, (size_t)w->len) == 0) {
      n = strlen(expansions[i].to);
      memcpy(w->s, expansions[i].to, n + 1);
      w->len = (int)n;
      return;
    }
  }
}

/* Whether byte c between two words parts them as items of a list ("Sumba,
 * Timor"): a misspelt name does not run across it (phrase_distance). */
static int
is_break(char c)
{
  return c == ',' || c == ';' || c == '/' || c == '\n';
}

/*
 * Read the next word of p[0..end) into w, normalised.  Returns where
 * reading stopped (the caller passes it back in), or NULL when no word is
 * left.
 */
static const char *
next_word(const char *p, const char *end, struct word *w)
{
  int ch, n;

  w->len = 0;
  w->overlong = 0;
  w->opaque = 0;
  w->brk = 0;
  w->s[0] = '\0';
  while (p < end) {
    ch = read_char(p, end, &n);
    if (ch > 0)
      break;
    if (is_break(*p))
      w->brk = 1;
    p += n;
  }
  if (p >= end)
    return NULL;
  while (p < end) {
    ch = read_char(p, end, &n);
    if (ch == CH_SEP)
      break;
    p += n;
    if (ch == CH_JOIN)
      continue;
    if (ch == CH_OPAQUE)
      w->opaque = 1;
    if (w->len < WORD_MAX)
      w->s[w->len++] = (char)ch;
    else
      w->overlong = 1;
  }
  w->s[w->len] = '\0';
  expand(w);
  return p;
}

/* Whether text word w is a word of three letters or more said twice the
 * SMS way, with a 2 ("niki2" for "niki niki"); then w becomes the word
 * (expanded as any other). */
static int
said_twice(struct word *w)
{
  if (w->len < 4 || w->s[w->len - 1] != '2' ||
      strspn(w->s, "abcdefghijklmnopqrstuvwxyz") != (size_t)w->len - 1)
    return 0;
  w->s[--w->len] = '\0';
  expand(w);
  return 1;
}

/* Bit i for letter 'a' + i; bit 26 for any digit, 27 for CH_OPAQUE. */
static uint32_t
letter_mask(const char *s, int n)
{
  uint32_t m = 0;
  int i;

  for (i = 0; i < n; i++) {
    if (s[i] >= 'a' && s[i] <= 'z')
      m |= 1u << (s[i] - 'a');
    else if (s[i] >= '0' && s[i] <= '9')
      m |= 1u << 26;
    else
      m |= 1u << 27;
  }
  return m;
}

static int
bit_count(uint32_t m)
{
  int n = 0;

  while (m != 0) {
    m &= m - 1;
    n++;
  }
  return n;
}

/* Edits forgiven when the shorter of two words has len letters; lax for
 * a word of a kabupaten/kota name, strict for one of kecamatan and desa
 * only. */
static int
edits_allowed(int len, int lax)
{
  if (!lax)
    return len >= STRICT_MIN ? 1 : 0;
  return len >= 8 ? 2 : len >= FUZZY_MIN ? 1 : 0;
}

static int
vword_key_cmp(const void *key, const void *elem)
{
  return strcmp(key, ((const struct vword *)elem)->s);
}

static int
str_ptr_cmp(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
str_key_cmp(const void *key, const void *elem)
{
  return strcmp(key, *(char *const *)elem);
}

/* The vocabulary number of s, or -1. */
static int
find_vocab(const struct place_list *pl, const char *s)
{
  const struct vword *v;

  if (pl->nvocab == 0)
    return -1;
  v = bsearch(s, pl->vocab, (size_t)pl->nvocab, sizeof(*pl->vocab),
              vword_key_cmp);
  return v != NULL ? (int)(v - pl->vocab) : -1;
}

/* Whether s is one of the sorted words v[0..n). */
static int
find_str(char *const *v, int n, const char *s)
{
  if (n == 0)
    return 0;
  return bsearch(s, v, (size_t)n, sizeof(*v), str_key_cmp) != NULL;
}

static int
is_plain(const struct place_list *pl, const char *s)
{
  return find_str(pl->plain, pl->nplain, s);
}

static int
short_cmp(const void *a, const void *b)
{
  return strcmp(((const struct shortword *)a)->from,
                ((const struct shortword *)b)->from);
}

static int
short_key_cmp(const void *key, const void *elem)
{
  return strcmp(key, ((const struct shortword *)elem)->from);
}

/* Replace a word of a "short" line by the word it stands for. */
static void
expand_short(const struct place_list *pl, struct word *w)
{
  const struct shortword *sw;
  size_t n;

  if (pl->nshorts == 0 || w->overlong)
    return;
  sw = bsearch(w->s, pl->shorts, (size_t)pl->nshorts, sizeof(*pl->shorts),
               short_key_cmp);
  if (sw == NULL)
    return;
  n = strlen(sw->to);
  memcpy(w->s, sw->to, n + 1);
  w->len = (int)n;
}

/* Add a hit; when the slot is full, it replaces the farthest one if it is
 * nearer. */
static void
add_hit(struct slot *s, int v, int d, int slip, int gap)
{
  int i, worst = 0;

  if (s->n < HITS_MAX) {
    s->h[s->n++] = (struct hit){v, d, slip, gap};
    return;
  }
  for (i = 1; i < s->n; i++)
    if (s->h[i].d > s->h[worst].d)
      worst = i;
  if (d < s->h[worst].d)
    s->h[worst] = (struct hit){v, d, slip, gap};
}

/* s[0..n) with each run of one letter written once, the glide between
 * two vowels (y after i, w after u, as in "Lasiyana") and a final h
 * after a vowel left out, into out (n + 1 bytes); its length. */
static int
squash(const char *s, int n, char *out)
{
  int i, k = 0;

  for (i = 0; i < n; i++) {
    if (k > 0 && i + 1 < n && strchr("aeiou", s[i + 1]) != NULL &&
        ((s[i] == 'y' && out[k - 1] == 'i') ||
         (s[i] == 'w' && out[k - 1] == 'u')))
      continue;
    if (k == 0 || out[k - 1] != s[i])
      out[k++] = s[i];
  }
  if (k >= 2 && out[k - 1] == 'h' && strchr("aeiou", out[k - 2]) != NULL)
    k--;
  out[k] = '\0';
  return k;
}

/*
 * Whether the text word w, squashed into sq[0..nsq), and vocabulary word
 * vw differ only by the
 * commonest slips of the keyboard and of speech, which words too short
 * for an edit to be forgiven may still make: a letter doubled
 * ("Lasianna", "Fatukoaa"), a glide written out ("Lasiyana") or a final h
 * added or dropped ("Oesapah"), one letter's worth in all.
 */
static int
slipped(const struct word *w, const char *sq, int nsq,
        const struct vword *vw)
{
  char b[WORD_MAX + 1];

  if (abs(vw->len - w->len) != 1 || vw->s[0] != w->s[0] || nsq < SLIP_MIN)
    return 0;
  return squash(vw->s, vw->len, b) == nsq && memcmp(sq, b, (size_t)nsq) == 0;
}

/* The text word a fuzzy look-up compares: w itself, its letter mask and
 * its squashed form (see squash()), and whether a kind word came right
 * before it. */
struct probe {
  const struct word *w;
  uint32_t mask;
  char sq[WORD_MAX + 1];
  int nsq;
  int after_kind;
};

/* Add vocabulary word v to s when the text word of pr is near enough to
 * it (see find_hits). */
static inline void
try_hit(const struct place_list *pl, const struct probe *pr, int v,
        struct slot *s)
{
  const struct vword *vw = &pl->vocab[v];
  const struct word *w = pr->w;
  int shorter, t, d, slip;

  shorter = vw->len < w->len ? vw->len : w->len;
  t = edits_allowed(shorter, vw->lax);
  if (t == 0 && vw->several && shorter >= FUZZY_MIN)
    t = 1;
  if (t == 0 && pr->after_kind && shorter >= FUZZY_MIN &&
      abs(vw->len - w->len) == 1)
    t = 1;                     /* "Kel. Sikumna": see word_forgiven */
  if (t == 0 && vw->near &&
      (shorter >= NEAR_MIN ||
       (w->len == NEAR_MIN - 1 && vw->len == NEAR_MIN &&
        vw->s[0] == w->s[0])))
    t = 1;                     /* "daja"; "dya", a letter left out */
  if (t == 0) {
    if (slipped(w, pr->sq, pr->nsq, vw))
      add_hit(s, v, 1, 1, 1);
    return;
  }
  if (abs(vw->len - w->len) > t || bit_count(pr->mask & ~vw->mask) > t ||
      bit_count(vw->mask & ~pr->mask) > t)
    return;
  slip = slipped(w, pr->sq, pr->nsq, vw);
  d = textdist_osa(w->s, w->len, vw->s, vw->len, t);
  if (d <= t)
    add_hit(s, v, d, d == 1 && slip, d == 1 && vw->len != w->len);
}

/*
 * Fill s with the vocabulary words that the text word w may stand for:
 * exactly; from FUZZY_MIN letters on, within the edits allowed (a scan
 * of the words of a length within reach), one letter off in any name
 * when a kind word came right before (after_kind); from NEAR_MIN
 * letters, the few near words one letter off, and from one letter less
 * those same words with a letter left out after their first ("dya" for
 * "daya"); word_forgiven() says where that counts.
 */
static void
find_hits(const struct place_list *pl, const struct word *w, int after_kind,
          struct slot *s)
{
  const struct vword *vw;
  struct probe pr;
  int exact, v, t, i, lo, hi;

  s->n = 0;
  s->len = w->len;
  s->brk = w->brk;
  if (w->len == 0 || w->overlong)
    return;
  exact = find_vocab(pl, w->s);
  if (exact >= 0)
    add_hit(s, exact, 0, 0, 0);
  if (w->len < NEAR_MIN - 1 || is_plain(pl, w->s))
    return;
  pr.w = w;
  pr.after_kind = after_kind;
  pr.mask = letter_mask(w->s, w->len);
  pr.nsq = squash(w->s, w->len, pr.sq);
  if (w->len < FUZZY_MIN) {
    for (i = 0; i < pl->nnears; i++)
      if (pl->nears[i] != exact)
        try_hit(pl, &pr, pl->nears[i], s);
    return;
  }
  /* Only words whose length is within reach need a look. */
  t = edits_allowed(w->len, 1);
  lo = w->len - t;
  hi = w->len + t > WORD_MAX ? WORD_MAX : w->len + t;
  for (i = pl->lenfirst[lo]; i < pl->lenfirst[hi + 1]; i++) {
    v = pl->bylen[i];
    vw = &pl->vocab[v];
    /* A word forgiven no edit (see try_hit()) may still have slipped,
     * which needs one letter more or less and the same first one. */
    if (!vw->lax && !vw->several && !vw->near && !after_kind &&
        (vw->len < STRICT_MIN || w->len < STRICT_MIN) &&
        (abs(vw->len - w->len) != 1 || vw->s[0] != w->s[0]))
      continue;
    if (v != exact && (vw->len >= FUZZY_MIN || vw->near))
      try_hit(pl, &pr, v, s);
  }
}

/* How slot s stands for vocabulary word v, or NULL. */
static const struct hit *
slot_hit(const struct slot *s, int v)
{
  int i;

  for (i = 0; i < s->n; i++)
    if (s->h[i].v == v)
      return &s->h[i];
  return NULL;
}

/*
 * Whether phrase ph forgives one letter off in a word of FUZZY_MIN or
 * more letters (the rest of it exact): a landmark name of several words,
 * or a kecamatan or desa name of several words of its own, not joined
 * into one nor of ordinary words.  word_forgiven() applies it; the
 * vocabulary marks the words that need it (vword.several).
 */
static int
forgives_one_letter(const struct phrase *ph)
{
  if (ph->level == PLACE_LANDMARK)
    return ph->nwords >= 2;
  return ph->level > PLACE_KABUPATEN && ph->core >= 2 && !ph->joined &&
         !ph->whole;
}

/*
 * Whether a word of phrase ph, shorter letters long (of the two), may
 * differ by d edits.  In a kabupaten/kota name, a word under FUZZY_MIN
 * letters must be exact unless the name has several words of its own:
 * then it may be one letter off ("Sumba Barat Daja").  A word of a
 * kecamatan, desa or landmark name must be within the strict allowance
 * even when a kabupaten/kota name forgave it more, and a name of several
 * words joined into one must be exact; in a landmark name of several
 * words, or a kecamatan or desa name of several words of its own, a word
 * of 5 or more letters may differ by one ("Pelabuhan Tenaw", "Kupang
 * Timor"), and one in a kecamatan or desa name written after its kind
 * word, which says a name follows, may have a letter left out or added
 * ("Kel. Sikumna"; "Desa Oelnasy" stays no Oelnasi).  A word forgiven
 * beyond the usual allowance needs the rest of the name exact (see
 * phrase_distance).
 */
static int
word_forgiven(const struct phrase *ph, int shorter, const struct hit *h)
{
  if (h->d == 0)
    return 1;
  if (ph->whole)
    return 0;
  if (ph->level == PLACE_KABUPATEN)
    return shorter >= FUZZY_MIN || (ph->core >= 2 && h->d == 1);
  if (ph->joined)
    return 0;
  if (h->d <= edits_allowed(shorter, 0) || h->slip)
    return 1;
  return h->d == 1 && shorter >= FUZZY_MIN &&
         (forgives_one_letter(ph) || (ph->kind && h->gap));
}

/*
 * Whether phrase ph ends at the text word just read, the latest of pos
 * words whose slots are in ring, that word standing for the phrase's last
 * word as hit last says.  Returns the phrase's total distance, or -1.
 * Each word must be forgiven (word_forgiven); a landmark name forgiven a
 * word beyond the strict allowance must be otherwise exact; a name with
 * any word forgiven must not run across a break between list items
 * ("Sumba, Timor" are two islands, not a misspelt Sumba Timur).
 */
static int
phrase_distance(const struct place_list *pl, const struct phrase *ph,
                const struct slot *ring, size_t pos, const struct hit *last)
{
  const struct slot *s;
  const struct hit *h;
  int j, v, shorter, dist = 0, loose = 0, spans = 0;

  if ((size_t)ph->nwords > pos)
    return -1;
  for (j = 0; j < ph->nwords; j++) {
    s = &ring[(pos - 1 - (size_t)j) % PHRASE_WORDS];
    if (j < ph->nwords - 1 && s->brk)
      spans = 1;
    v = pl->pwords[ph->word + ph->nwords - 1 - j];
    h = j == 0 ? last : slot_hit(s, v);
    if (h == NULL)
      return -1;
    shorter = pl->vocab[v].len < s->len ? pl->vocab[v].len : s->len;
    if (!word_forgiven(ph, shorter, h))
      return -1;
    if (h->d > edits_allowed(shorter, ph->level == PLACE_KABUPATEN))
      loose++;
    dist += h->d;
  }
  if ((loose > 0 && dist > 1) || (spans && dist > 0))
    return -1;
  return dist;
}

/* A place found in the text, by its best phrase. */
struct found {
  int place;
  int core;
  int kind;
  int dist;
  int level;
  int weak;                 /* by an "alone" phrase */
  size_t first, last;       /* the words it covers */
  int support;              /* places it lies in, found elsewhere */
  int near;                 /* desa of its kecamatan, found elsewhere */
  int dropped;              /* inside another's words */
  int alone;                /* an "alone" phrase named it too */
  int town;                 /* a town phrase named it: the place reported */
  size_t town_first;        /* the words of that town phrase */
  size_t town_last;
  int other_town;           /* another town named apart, or -1 */
  size_t other_first, other_last;
  int whole;                /* by a whole phrase */
  int origin;               /* right after "orang", "suku", "asal", or
                             * named as where a ticket, a boat or a
                             * transfer goes ("tiket ferry Rote"); a
                             * place outside NTT also after any "ke" or
                             * "dari", or as a trip's goal ("bimtek di
                             * Bali").  A place named twice is an origin
                             * only when both times were. */
};

/* All of them. */
struct finds {
  int n;
  struct found f[FOUND_MAX];
};

/* > 0 when a ranks above b within one place's phrases: more words of the
 * name, then the kind word, then fewer edits. */
static int
phrase_rank_cmp(const struct found *a, const struct found *b)
{
  if (a->core != b->core)
    return a->core - b->core;
  if (a->kind != b->kind)
    return a->kind - b->kind;
  return b->dist - a->dist;
}

/* > 0 when a ranks above b, < 0 below, 0 for a tie (see the top). */
static int
found_cmp(const struct found *a, const struct found *b)
{
  if (a->support != b->support)
    return a->support - b->support;
  /* A namesake beside a neighbour: "Desa Oebelo dekat Tarus". */
  if (a->near != b->near)
    return a->near - b->near;
  /* Ordinary words that are the whole answer say nothing of the level
   * meant: namesakes tie ("Kota Baru", a kecamatan and two kelurahan). */
  if (a->whole && b->whole)
    return 0;
  /* A landmark is named on purpose: it beats the desa it lies near. */
  if ((a->level == PLACE_LANDMARK) != (b->level == PLACE_LANDMARK))
    return a->level == PLACE_LANDMARK ? 1 : -1;
  if (a->level != b->level && (a->dist == 0) != (b->dist == 0))
    return a->dist == 0 ? 1 : -1;
  if (a->level != b->level)
    return b->level - a->level;
  return phrase_rank_cmp(a, b);
}

/* Keep f, or a better phrase of its place (a name before an "alone"
 * phrase, which is noted when it lies apart from the name); a full list
 * keeps what it has. */
/* Whether words [a0, a1] lie inside [b0, b1] and are fewer. */
static int
words_inside(size_t a0, size_t a1, size_t b0, size_t b1)
{
  return b0 <= a0 && a1 <= b1 && b1 - b0 > a1 - a0;
}

static void
add_found(struct finds *fs, const struct found *f)
{
  struct found old, *k;
  int i, alone, apart, origin;

  for (i = 0; i < fs->n; i++) {
    k = &fs->f[i];
    if (k->place != f->place)
      continue;
    old = *k;
    apart = f->last < k->first || k->last < f->first;
    alone = k->alone || (k->weak != f->weak && apart);
    origin = k->origin && f->origin;
    if (k->weak != f->weak ? k->weak : phrase_rank_cmp(f, k) > 0)
      *k = *f;
    k->origin = origin;
    k->alone = alone && !k->weak;
    /* A town named apart from its kabupaten ("Soe, TTS") is kept, the
     * newer of two; one inside a longer name ("Raijua" in "Sabu
     * Raijua") is not, the other one then stands ("Seba Sabu Raijua"). */
    k->other_town = old.other_town;
    k->other_first = old.other_first;
    k->other_last = old.other_last;
    if (apart) {
      if (f->town < 0) {
        k->town = old.town;
        k->town_first = old.town_first;
        k->town_last = old.town_last;
      } else {
        k->town = f->town;
        k->town_first = f->town_first;
        k->town_last = f->town_last;
        if (old.town >= 0) {
          k->other_town = old.town;
          k->other_first = old.town_first;
          k->other_last = old.town_last;
        }
      }
    }
    if (k->town >= 0 &&
        words_inside(k->town_first, k->town_last, k->first, k->last)) {
      k->town = -1;
      if (k->other_town >= 0 &&
          !words_inside(k->other_first, k->other_last, k->first, k->last)) {
        k->town = k->other_town;
        k->town_first = k->other_first;
        k->town_last = k->other_last;
      }
      k->other_town = -1;
    }
    return;
  }
  if (fs->n < FOUND_MAX)
    fs->f[fs->n++] = *f;
}

/* Whether place a lies in place b (b is a's kecamatan or kabupaten). */
static int
lies_in(const struct place_list *pl, int a, int b)
{
  for (a = pl->places[a].parent; a >= 0; a = pl->places[a].parent)
    if (a == b)
      return 1;
  return 0;
}

/* Whether found places a and b are two desa of one kecamatan, named
 * apart. */
static int
neighbours(const struct place_list *pl, const struct found *a,
           const struct found *b)
{
  return a->level == PLACE_DESA && b->level == PLACE_DESA &&
         a->place != b->place && (b->last < a->first || a->last < b->first) &&
         pl->places[a->place].parent == pl->places[b->place].parent;
}

/* Drop what lies inside another's words; count each one's support and
 * neighbours. */
static void
weigh(const struct place_list *pl, struct finds *fs)
{
  struct found *a, *b;
  int i, j;

  for (i = 0; i < fs->n; i++) {
    a = &fs->f[i];
    for (j = 0; j < fs->n; j++) {
      b = &fs->f[j];
      if (i != j && b->first <= a->first && a->last <= b->last &&
          b->last - b->first > a->last - a->first)
        a->dropped = 1;
    }
  }
  for (i = 0; i < fs->n; i++) {
    a = &fs->f[i];
    for (j = 0; j < fs->n; j++) {
      b = &fs->f[j];
      if (!b->dropped && (b->last < a->first || a->last < b->first) &&
          lies_in(pl, a->place, b->place))
        a->support++;
      if (!b->dropped && neighbours(pl, a, b))
        a->near++;
    }
  }
}

/* The kabupaten/kota that place p lies in (or is). */
static int
top_place(const struct place_list *pl, int p)
{
  while (pl->places[p].parent >= 0)
    p = pl->places[p].parent;
  return p;
}

/* Whether a place found from word first on lies in the kabupaten/kota
 * of place p ("Kupang" after "Pelabuhan Tenau" may be Kota Kupang). */
static int
names_kabupaten_at(const struct place_list *pl, const struct finds *fs,
                   size_t first, int p)
{
  int i;

  for (i = 0; i < fs->n; i++)
    if (fs->f[i].first == first &&
        top_place(pl, fs->f[i].place) == top_place(pl, p))
      return 1;
  return 0;
}

/*
 * Drop a landmark that a place of another kabupaten/kota follows right
 * after: its name was the kind and a common word that town has too
 * ("Pasar Inpres Kefa" is Kefa's market, not Kupang's Pasar Inpres).
 */
static void
yield_landmarks(const struct place_list *pl, struct finds *fs)
{
  const struct found *a, *b;
  int i, j;

  for (i = 0; i < fs->n; i++) {
    a = &fs->f[i];
    if (a->dropped || a->level != PLACE_LANDMARK)
      continue;
    for (j = 0; j < fs->n; j++) {
      b = &fs->f[j];
      if (!b->dropped && !b->weak && b->level < PLACE_LANDMARK &&
          b->first == a->last + 1 && !names_kabupaten_at(pl, fs, b->first,
                                                          a->place)) {
        fs->f[i].dropped = 1;
        break;
      }
    }
  }
}

/* Describe place p. */
static void
set_choice(const struct place_list *pl, int p, struct place_choice *c)
{
  int top = top_place(pl, p);

  c->code = pl->places[p].code;
  c->name = pl->places[p].name;
  c->kab_code = pl->places[top].code;
  c->kab_name = pl->places[top].name;
  c->label = pl->places[p].label;
  c->level = pl->places[p].level;
}

/* The place that a and b both lie in (or are), or -1. */
static int
common_place(const struct place_list *pl, int a, int b)
{
  for (; a >= 0; a = pl->places[a].parent)
    if (a == b || lies_in(pl, b, a))
      return a;
  return -1;
}

/* Put the choices in the order of their labels (few: insertion sort). */
static void
sort_choices(struct place_match *out)
{
  struct place_choice c;
  int i, j;

  for (i = 1; i < out->nchoices; i++) {
    c = out->choice[i];
    for (j = i; j > 0 && strcmp(out->choice[j - 1].label, c.label) > 0; j--)
      out->choice[j] = out->choice[j - 1];
    out->choice[j] = c;
  }
}

/* Whether found place a lies in another place found by a phrase that is
 * not an "alone" one ("TDM" in Kota Kupang, of "tdm kupang"). */
static int
inside_strong(const struct place_list *pl, const struct finds *fs,
              const struct found *a)
{
  int i;

  for (i = 0; i < fs->n; i++)
    if (!fs->f[i].dropped && !fs->f[i].weak &&
        lies_in(pl, a->place, fs->f[i].place))
      return 1;
  return 0;
}

/*
 * After weigh: 1 when the text names a place outside NTT that no longer
 * NTT name covers; else drop what an "alone" phrase found when anything
 * else was found, unless it lies in that ("tdm kupang"), and return 0.
 */
static int
set_aside(const struct place_list *pl, struct finds *fs)
{
  int i, strong = 0;

  for (i = 0; i < fs->n; i++) {
    if (fs->f[i].dropped)
      continue;
    if (fs->f[i].level == PLACE_OUTSIDE)
      return 1;
    if (!fs->f[i].weak)
      strong = 1;
  }
  for (i = 0; strong && i < fs->n; i++)
    if (fs->f[i].weak && !inside_strong(pl, fs, &fs->f[i]))
      fs->f[i].dropped = 1;
  return 0;
}

/* The one place that ties with best and that an "alone" phrase named
 * too: it settles the tie ("Kupang kota" is Kota Kupang); else -1. */
static int
settle_tie(const struct finds *fs, const struct found *best)
{
  int i, at = -1;

  for (i = 0; i < fs->n; i++) {
    if (fs->f[i].dropped || !fs->f[i].alone ||
        found_cmp(&fs->f[i], best) != 0)
      continue;
    if (at >= 0)
      return -1;
    at = fs->f[i].place;
  }
  return at;
}

/*
 * Choose from what the text named: the best, the places that tie with
 * it (as choices), and when they tie, the place they all lie in.
 */
static void
resolve(const struct place_list *pl, struct finds *fs,
        struct place_match *out)
{
  const struct found *best = NULL;
  int i, at = -1;

  weigh(pl, fs);
  yield_landmarks(pl, fs);
  if (set_aside(pl, fs)) {
    out->outside = 1;
    return;
  }
  for (i = 0; i < fs->n; i++)
    if (!fs->f[i].dropped && (best == NULL || found_cmp(&fs->f[i], best) > 0))
      best = &fs->f[i];
  if (best == NULL)
    return;
  at = best->place;
  for (i = 0; i < fs->n; i++) {
    if (fs->f[i].dropped || found_cmp(&fs->f[i], best) != 0 ||
        fs->f[i].place == best->place)
      continue;
    if (out->nchoices == 0)
      set_choice(pl, best->place, &out->choice[out->nchoices++]);
    if (out->nchoices < PLACE_CHOICES_MAX)
      set_choice(pl, fs->f[i].place, &out->choice[out->nchoices++]);
    else
      out->more_choices++;
    if (at >= 0)
      at = common_place(pl, at, fs->f[i].place);
  }
  sort_choices(out);
  if (at < 0 && (at = settle_tie(fs, best)) >= 0)
    out->nchoices = out->more_choices = 0;
  if (at < 0) {
    out->ambiguous = 1;
    return;
  }
  out->matched = 1;
  out->distance = best->dist;
  /* A town names the place in it that bears its name (town_place()). */
  set_choice(pl, at == best->place && best->town >= 0 ? best->town : at,
             &out->place);
  out->code = out->place.kab_code;
  out->name = out->place.kab_name;
}

/* The kind words of a desa or kelurahan. */
static const char *const desa_words[] = {"desa", "kelurahan", NULL};

/* Words that say where it happened ("kejadiannya di Ende"): a place named
 * after one is where, not the places named before it ("dari Surabaya",
 * "saya kerja di Malaysia"). */
static const char *const incident_words[] = {
  "kejadian", "kejadiannya", "terjadi", "terjadinya", "tkp", "lokasi",
  "lokasinya", "peristiwa", "peristiwanya", NULL,
};

/* The text words that were incident words, by position; more than
 * INCIDENT_MAX are not noted. */
#define INCIDENT_MAX 8
struct incidents {
  int n;
  size_t at[INCIDENT_MAX];
};

/*
 * Drop what was found before the last incident word that has something
 * found after it: "dari Surabaya, kejadiannya di Ende" is Ende, "kejadian
 * di Jakarta, saya orang Kupang" stays Jakarta.
 */
static void
keep_after_incident(struct finds *fs, const struct incidents *in)
{
  size_t cut = 0;
  int i, k, after;

  for (k = 0; k < in->n; k++) {
    after = 0;
    for (i = 0; i < fs->n && !after; i++)
      after = fs->f[i].first > in->at[k];
    if (after)
      cut = in->at[k];
  }
  for (i = 0; cut > 0 && i < fs->n; i++)
    if (fs->f[i].last < cut)
      fs->f[i].dropped = 1;
}

/* Words the answer to "Di mana?" may open with before the place itself
 * ("di Kota Baru", "di daerah Pasir Panjang"): the place after them is
 * still the whole answer. */
static const char *const at_words[] = {"di", "daerah", "wilayah", NULL};

/* Whether found place a, at the start (after the first `at` words, all
 * of at_words) or the end of the n words of the text, and a place it
 * lies in, found in all the other words, make the whole text ("batu
 * putih tts", "pasir panjang, kota kupang"). */
static int
whole_with_its_place(const struct place_list *pl, const struct finds *fs,
                     const struct found *a, size_t n, size_t at)
{
  const struct found *b;
  int i;

  for (i = 0; i < fs->n; i++) {
    b = &fs->f[i];
    if (b->whole || !lies_in(pl, a->place, b->place))
      continue;
    if ((a->first <= at && b->first == a->last + 1 && b->last + 1 == n) ||
        (a->last + 1 == n && b->first <= at && b->last + 1 == a->first))
      return 1;
  }
  return 0;
}

/* Forget what a whole phrase found unless it covers all n words of the
 * text but its first `at` (at_words), or all but the place it lies in:
 * "Pasir Panjang" alone is the place, "di Pasir Panjang" and "batu putih
 * tts" too, "dekat pasir panjang" no place. */
static void
keep_whole_answer(const struct place_list *pl, struct finds *fs, size_t n,
                  size_t at)
{
  unsigned char keep[FOUND_MAX];
  int i, k = 0;

  for (i = 0; i < fs->n; i++)
    keep[i] = !fs->f[i].whole ||
              (fs->f[i].first <= at && fs->f[i].last + 1 == n) ||
              whole_with_its_place(pl, fs, &fs->f[i], n, at);
  for (i = 0; i < fs->n; i++)
    if (keep[i])
      fs->f[k++] = fs->f[i];
  fs->n = k;
}

/* Words after which a place is where people come from ("orang Rote"). */
static const char *const origin_words[] = {"orang", "suku", "asal", NULL};

/* Words of a trip after which a place, or "ke" and a place, is where it
 * goes ("tiket ferry Rote", "kapal ke Kalabahi", "jurusan Ende", Kupang
 * "mau pi Rote"). */
static const char *const route_words[] = {
  "tiket", "kapal", "ferry", "feri", "fery", "kmp", "speedboat", "pesawat",
  "penerbangan", "bus", "travel", "jurusan", "rute", "trayek", "tujuan",
  "pi", "pigi", "pergi", "berangkat", "menuju", NULL,
};

/* Words of sending after which "ke" and a place, one word between at
 * most, is where it goes ("transfer uang ke Ende", "dikirim ke Kupang"). */
static const char *const send_words[] = {
  "transfer", "ditransfer", "trf", "tf", "kirim", "dikirim", "mengirim",
  NULL,
};

/* Words of a trip on duty or a training, after which "di" or "ke" and a
 * place, one word between at most, is where the trip went ("ikut bimtek
 * di Bali", "studi banding ke Jakarta", "perjalanan dinas di Surabaya").
 * Only a place outside NTT is taken for such a goal (see goal in
 * place_match). */
static const char *const trip_words[] = {
  "bimtek", "diklat", "pelatihan", "banding", "perjalanan", "kunker",
  "kunjungan", "sppd", "workshop", "seminar", "rakor", "rakornas", NULL,
};

/* Forget what was named as an origin or a destination (see struct found)
 * when anything else was named: "orang Rote di Oebufu" is Oebufu, "Loket
 * ASDP Bolok jual tiket ferry Rote" Bolok; "orang Rote" alone still
 * Rote. */
static void
keep_unless_origin(struct finds *fs)
{
  int i, k = 0, other = 0;

  for (i = 0; i < fs->n; i++)
    other |= !fs->f[i].origin && !fs->f[i].weak;
  for (i = 0; i < fs->n; i++)
    if (!other || !fs->f[i].origin)
      fs->f[k++] = fs->f[i];
  fs->n = k;
}

/* Words that join a guard word to the name it is about ("jalan-jalan ke
 * Bali", "perbatasan dengan Timor Leste"), Indonesia's side of a border
 * among them ("perbatasan RI-RDTL"). */
static const char *const guard_joins[] = {
  "ke", "dengan", "dgn", "dan", "ri", "nkri", "indonesia", "ntt", NULL,
};

/* Whether the word before word first was a guard word (GUARD), or one
 * before it with only joining words (JOINS) between (see place_match).
 * Any other word between is the name of what the guard word named, and
 * the place after it where that lies ("Kampung Rambutan Jakarta").  The
 * name found is nwords long: the ring holds no more words before it. */
#define GUARD 1
#define JOINS 2
static int
guarded(const unsigned char *guard, size_t first, size_t nwords)
{
  size_t j;
  unsigned char g;

  for (j = 1; j + nwords <= PHRASE_WORDS + 1 && j <= first; j++) {
    g = guard[(first - j) % (PHRASE_WORDS + 1)];
    if (g & GUARD)
      return 1;
    if (!(g & JOINS))
      return 0;
  }
  return 0;
}

/* The words of a text as place_match reads them (read_word). */
struct reader {
  const char *p, *end;      /* what is left; p NULL at the end */
  struct word twice;        /* a word said twice, to give once more */
  int again;
  struct word ahead;        /* the word read ahead */
  int have;
};

/* The next word of rd into w, normalised, each word said twice ("niki2")
 * given twice; 0 at the end. */
static int
read_one(const struct place_list *pl, struct reader *rd, struct word *w)
{
  if (rd->again) {
    rd->again = 0;
    *w = rd->twice;
    w->brk = 0;
    return 1;
  }
  if (rd->p == NULL || (rd->p = next_word(rd->p, rd->end, w)) == NULL)
    return 0;
  rd->again = said_twice(w);
  expand_short(pl, w);
  if (rd->again)
    rd->twice = *w;
  return 1;
}

/* Whether vocabulary word v (or -1) is by itself the name of a place, of
 * one word ("kefa", "oeba"; not "oe" of Oe Ekam nor "sumbabarat", two
 * joined). */
static int
is_one_word_name(const struct place_list *pl, int v)
{
  const struct phrase *ph;
  int k;

  for (k = 0; v >= 0 && k < pl->vocab[v].count; k++) {
    ph = &pl->phrases[pl->ends[pl->vocab[v].first + k]];
    if (ph->nwords == 1 && ph->core == 1 && !ph->joined && !ph->weak &&
        !ph->whole)
      return 1;
  }
  return 0;
}

/*
 * Whether words a and b, written one after the other, spell together a
 * place name of one word ("Kuan Fatu" for Kuanfatu, "Oe Sao" for Oesao);
 * then a becomes it.  Not when a is a name itself ("Kefa menanu", "Oeba
 * tu") or both are words of names ("Katiku Tana", "air mata").
 */
static int
join_split(const struct place_list *pl, struct word *a, const struct word *b)
{
  char s[WORD_MAX + 1];
  int va;

  if (b->brk || a->len < 2 || b->len < 2 || a->len + b->len > WORD_MAX ||
      a->overlong || b->overlong || a->len + b->len < FUZZY_MIN ||
      is_kind_word(a->s, (size_t)a->len) || is_kind_word(b->s, (size_t)b->len))
    return 0;
  va = find_vocab(pl, a->s);
  if (is_one_word_name(pl, va) || (va >= 0 && find_vocab(pl, b->s) >= 0))
    return 0;
  memcpy(s, a->s, (size_t)a->len);
  memcpy(s + a->len, b->s, (size_t)b->len + 1);
  if (!is_one_word_name(pl, find_vocab(pl, s)))
    return 0;
  memcpy(a->s, s, sizeof(s));
  a->len += b->len;
  a->opaque |= b->opaque;
  return 1;
}

/* The next word of rd into w (see read_one), joined with the one after
 * it when they spell one name (join_split); 0 at the end. */
static int
read_word(const struct place_list *pl, struct reader *rd, struct word *w)
{
  if (rd->have)
    *w = rd->ahead;
  else if (!read_one(pl, rd, w))
    return 0;
  rd->have = read_one(pl, rd, &rd->ahead);
  if (rd->have && join_split(pl, w, &rd->ahead))
    rd->have = 0;
  return 1;
}

/* "kantor desa bulan lalu", "desa bulan sembilan": does word w, right
 * after a place name of ordinary words (a phrase's ordinary) with no
 * break between, make that word part of a time: a word of time or a
 * number (a month's, in figures or words, Kupang ones too)?  Then the
 * word is the month, not Desa Bulan. */
static int
time_goes_on(const struct word *w)
{
  static const char *const goes_on[] = {
    "lalu", "lalu2", "depan", "ini", "kemarin", "kemaren", "kmrn", "ke",
    "satu", "dua", "tiga", "empat", "ampa", "lima", "enam", "anam",
    "tujuh", "tuju", "delapan", "lapan", "sembilan", "sambilan",
    "sepuluh", "sapulu", "sebelas", "duabelas", NULL,
  };
  int i;

  if (w->brk || w->len == 0)
    return 0;
  for (i = 0; i < w->len && w->s[i] >= '0' && w->s[i] <= '9'; i++)
    ;
  return i == w->len || is_one_of(w->s, (size_t)w->len, goes_on);
}

/*
 * Read the text word by word; after each, note every place whose phrase
 * ends in a word it may stand for; then choose (resolve).
 */
int
place_match(const struct place_list *pl, const char *text,
            struct place_match *out)
{
  struct slot ring[PHRASE_WORDS];
  unsigned char guard[PHRASE_WORDS + 1]; /* GUARD, JOINS (see guarded) */
  unsigned char isle[PHRASE_WORDS + 1];  /* the word was "pulau" */
  unsigned char from[PHRASE_WORDS + 1];  /* the word was an origin word,
                                          * or leads to a destination */
  unsigned char goal[PHRASE_WORDS + 1];  /* the word leads to a place
                                          * outside NTT as a goal or a
                                          * start: any "ke" or "dari",
                                          * or "di" after a trip word */
  unsigned char desa[PHRASE_WORDS + 1];  /* "desa" or "kelurahan" */
  struct incidents in = {0, {0}};
  struct finds fs;
  const struct slot *s;
  const struct phrase *ph;
  const struct vword *vw;
  struct found f;
  struct word w;
  struct reader rd;
  size_t pos = 0, at = 0;  /* at: the at_words the text opens with */
  int i, k, dist, kind = 0, lead[2] = {0, 0}, trip[2] = {0, 0}, route, ke;

  if (pl == NULL || out == NULL)
    return -EINVAL;
  memset(out, 0, sizeof(*out));
  fs.n = 0;
  if (text == NULL)
    text = "";
  rd.p = text;
  rd.end = text + strlen(text);
  rd.again = rd.have = 0;
  while (read_word(pl, &rd, &w)) {
    guard[pos % (PHRASE_WORDS + 1)] =
      (unsigned char)((find_str(pl->guards, pl->nguards, w.s) ? GUARD : 0) |
                      (is_one_of(w.s, (size_t)w.len, guard_joins) ? JOINS
                                                                  : 0));
    isle[pos % (PHRASE_WORDS + 1)] = is_word(w.s, (size_t)w.len, "pulau");
    if (at == pos && is_one_of(w.s, (size_t)w.len, at_words))
      at++;
    route = is_one_of(w.s, (size_t)w.len, route_words);
    ke = is_word(w.s, (size_t)w.len, "ke");
    from[pos % (PHRASE_WORDS + 1)] =
      (unsigned char)(is_one_of(w.s, (size_t)w.len, origin_words) || route ||
                      (ke && (lead[0] || lead[1])));
    goal[pos % (PHRASE_WORDS + 1)] =
      (unsigned char)(ke || is_word(w.s, (size_t)w.len, "dari") ||
                      (is_word(w.s, (size_t)w.len, "di") &&
                       (trip[0] || trip[1])));
    lead[1] = lead[0];
    lead[0] = route || is_one_of(w.s, (size_t)w.len, send_words);
    trip[1] = trip[0];
    trip[0] = is_one_of(w.s, (size_t)w.len, trip_words);
    desa[pos % (PHRASE_WORDS + 1)] =
      (unsigned char)is_one_of(w.s, (size_t)w.len, desa_words);
    if (in.n < INCIDENT_MAX &&
        is_one_of(w.s, (size_t)w.len, incident_words))
      in.at[in.n++] = pos;
    find_hits(pl, &w, kind, &ring[pos % PHRASE_WORDS]);
    kind = is_kind_word(w.s, (size_t)w.len) &&
           !is_word(w.s, (size_t)w.len, "kota");
    s = &ring[pos % PHRASE_WORDS];
    pos++;
    for (i = 0; i < s->n; i++) {
      vw = &pl->vocab[s->h[i].v];
      for (k = 0; k < vw->count; k++) {
        ph = &pl->phrases[pl->ends[vw->first + k]];
        dist = phrase_distance(pl, ph, ring, pos, &s->h[i]);
        if (dist < 0)
          continue;
        f = (struct found){.place = ph->place, .core = ph->core,
                           .kind = ph->kind, .dist = dist,
                           .level = ph->level, .weak = ph->weak,
                           .first = pos - (size_t)ph->nwords,
                           .last = pos - 1, .town = ph->town,
                           .town_first = pos - (size_t)ph->nwords,
                           .town_last = pos - 1, .other_town = -1,
                           .whole = ph->whole};
        /* "Jalan Sumatera": a street of NTT, not Sumatra. */
        if (f.level == PLACE_OUTSIDE && guarded(guard, f.first, ph->nwords))
          continue;
        if (ph->ordinary && rd.have && time_goes_on(&rd.ahead))
          continue;
        f.origin = f.first > 0 &&
                   (from[(f.first - 1) % (PHRASE_WORDS + 1)] ||
                    (f.level == PLACE_OUTSIDE &&
                     goal[(f.first - 1) % (PHRASE_WORDS + 1)]));
        /* "Pulau Adonara": the island, not the village of its name. */
        if (f.first > 0 && isle[(f.first - 1) % (PHRASE_WORDS + 1)])
          f.town = -1;
        /* "Kelurahan Atambua": the place of the name, not the town. */
        if (f.first > 0 && f.town >= 0 && ph->bears >= 0 &&
            desa[(f.first - 1) % (PHRASE_WORDS + 1)])
          f.town = ph->bears;
        add_found(&fs, &f);
      }
    }
  }
  keep_whole_answer(pl, &fs, pos, at);
  keep_unless_origin(&fs);
  keep_after_incident(&fs, &in);
  resolve(pl, &fs, out);
  return 0;
}

const char *
place_level_name(int level)
{
  static const char *const names[] = {
    [PLACE_KABUPATEN] = "kabupaten", [PLACE_KECAMATAN] = "kecamatan",
    [PLACE_DESA] = "desa", [PLACE_LANDMARK] = "tempat",
  };

  if (level < 0 || level >= (int)(sizeof(names) / sizeof(names[0])))
    return NULL;
  return names[level];
}

int
place_count(const struct place_list *pl)
{
  return pl != NULL ? pl->nregions : 0;
}

const char *
place_name(const struct place_list *pl, const char *code)
{
  int i;

  if (pl == NULL || code == NULL)
    return NULL;
  for (i = 0; i < pl->nplaces; i++)
    if (strcmp(pl->places[i].code, code) == 0)
      return pl->places[i].name;
  return NULL;
}

/* ------------------------------------------------------------ strings */

/*
 * The strings the list keeps for good (each place's code, name and
 * label, each vocabulary word: some 17 000 of them, most under 20 bytes)
 * are cut from a few large blocks rather than malloc'd one by one, which
 * would cost each a chunk header and its rounding.  A string never moves
 * and is never freed alone: the blocks go with the list (or with the
 * loader when the load fails).
 */
#define STRPOOL_BLOCK 32768

struct strpool {
  struct strpool *next;     /* the blocks filled before this one */
  size_t used;
  size_t size;
  char data[];
};

/* n bytes from the pool *pool (its newest block first), or NULL. */
static char *
strpool_alloc(struct strpool **pool, size_t n)
{
  struct strpool *b = *pool;
  size_t size = n > STRPOOL_BLOCK / 4 ? n : STRPOOL_BLOCK;

  if (b == NULL || b->size - b->used < n) {
    b = malloc(sizeof(*b) + size);
    if (b == NULL)
      return NULL;
    b->used = 0;
    b->size = size;
    /* A block for one large string goes behind the newest, whose room
     * is still of use. */
    if (size == n && *pool != NULL) {
      b->next = (*pool)->next;
      (*pool)->next = b;
    } else {
      b->next = *pool;
      *pool = b;
    }
  }
  b->used += n;
  return b->data + b->used - n;
}

/* A copy of s[0..n) and a NUL from the pool *pool, or NULL. */
static char *
strpool_dup(struct strpool **pool, const char *s, size_t n)
{
  char *c = strpool_alloc(pool, n + 1);

  if (c != NULL) {
    memcpy(c, s, n);
    c[n] = '\0';
  }
  return c;
}

static void
strpool_free(struct strpool *pool)
{
  struct strpool *next;

  for (; pool != NULL; pool = next) {
    next = pool->next;
    free(pool);
  }
}

void
place_free(struct place_list *pl)
{
  int i;

  if (pl == NULL)
    return;
  strpool_free(pl->strings);
  for (i = 0; i < pl->nplain; i++)
    free(pl->plain[i]);
  for (i = 0; i < pl->nguards; i++)
    free(pl->guards[i]);
  for (i = 0; i < pl->nshorts; i++) {
    free(pl->shorts[i].from);
    free(pl->shorts[i].to);
  }
  free(pl->guards);
  free(pl->shorts);
  free(pl->places);
  free(pl->phrases);
  free(pl->pwords);
  free(pl->vocab);
  free(pl->ends);
  free(pl->bylen);
  free(pl->nears);
  free(pl->plain);
  free(pl);
}

/* ------------------------------------------------------------ loading */

/* A phrase as gathered while loading. */
struct alias {
  char *key;      /* normalised words joined by single spaces */
  char *text;     /* as written, for messages; NULL when derived */
  int place;
  int line;
  int file;       /* as in struct place */
  int seq;        /* order of appearance, to keep sorting stable */
  int nwords;
  int core;
  int kind;
  int weak;       /* from an "alone" line */
  int joined;     /* as in struct phrase */
  int part;       /* the start of a longer name (derive_start): gives way
                     as a joined name does */
  int whole;      /* as in struct phrase */
  int keep;       /* chosen for the list (select_phrases) */
  int town;       /* written for a kabupaten/kota: the place inside it
                     that bears the name (town_place()), or the
                     kecamatan of a town line (town_listed()), or -1 */
  int bears;      /* for a town line's: what town_place() found, or -1 */
  int sans_kota;  /* a desa name without its "Kota" (town_kota): not the
                     place that bears a town's name (finest_inside) */
  int swapped;    /* after the other of desa and kelurahan
                     (derive_swapped) */
};

/* A name of a town line: the kabupaten/kota it was written for, and the
 * kecamatan that a reporter naming it means. */
struct town {
  char *key;                /* normalised, without the spaces */
  int kab;
  int place;
};

struct loader {
  struct strpool *strings;  /* moves into the list (struct place_list) */
  const char *path;         /* the file being read */
  const char *files[2];     /* the file loaded, the one it includes */
  int file;                 /* the one being read */
  char *incpath;            /* files[1], allocated */
  struct diag *diag;
  int rc;                   /* first allocation failure, else 0 */
  struct place *places;
  int nplaces, aplaces;
  int *bycode;              /* place numbers sorted by code */
  struct alias *aliases;
  int naliases, aaliases;
  char **plain;
  int nplain, aplain;
  char **names;             /* not-a-name phrases (normalised) */
  int nnames, anames;
  char **guards;            /* not-outside-after words */
  int nguards, aguards;
  struct shortword *shorts;
  int nshorts, ashorts;
  struct town *towns;       /* from town lines */
  int ntowns, atowns;
  int outside;              /* the place of outside lines + 1, or 0 */
};

static void
note_rc(struct loader *ld, int rc)
{
  if (rc != 0 && ld->rc == 0)
    ld->rc = rc;
}

/*
 * Make room for one more element in v (n used, *cap allocated, each size
 * bytes).  Returns the array, moved or not, or NULL (v untouched) when
 * memory runs out.
 */
static void *
grow(void *v, int n, int *cap, size_t size)
{
  void *nv;
  int ncap;

  if (n < *cap)
    return v;
  ncap = *cap > 0 ? *cap * 2 : 32;
  nv = realloc(v, (size_t)ncap * size);
  if (nv == NULL)
    return NULL;
  *cap = ncap;
  return nv;
}

static int
is_blank(char c)
{
  return c == ' ' || c == '\t';
}

/* Trim blanks from both ends of p[0..*n). */
static const char *
trim(const char *p, size_t *n)
{
  while (*n > 0 && is_blank(p[0])) {
    p++;
    (*n)--;
  }
  while (*n > 0 && is_blank(p[*n - 1]))
    (*n)--;
  return p;
}

/*
 * Normalise s[0..n) as text is normalised, into key: its words joined by
 * single spaces.  Returns the number of words, or -1 with *why set when
 * the phrase cannot be matched as written.
 */
static int
normalise(struct loader *ld, const char *s, size_t n, struct buf *key,
          const char **why)
{
  struct word w;
  const char *p = s, *end = s + n;
  int words = 0;

  buf_reset(key);
  note_rc(ld, buf_append(key, "", 0));
  for (;;) {
    p = next_word(p, end, &w);
    if (p == NULL)
      break;
    if (w.overlong) {
      *why = "has a word longer than 40 letters";
      return -1;
    }
    if (w.opaque) {
      *why = "has letters that cannot be compared (write it in Latin "
             "letters without special marks)";
      return -1;
    }
    words++;
    if (words > PHRASE_WORDS) {
      *why = "has more than 8 words";
      return -1;
    }
    if (words > 1)
      note_rc(ld, buf_append(key, " ", 1));
    note_rc(ld, buf_append(key, w.s, (size_t)w.len));
  }
  return words;
}

/* Keep one phrase; text is NULL for a derived one. */
static void
push_alias(struct loader *ld, const char *key, const char *text,
           size_t textlen, int place, int line, int nwords, int core,
           int kind)
{
  struct alias *a;

  if (ld->rc != 0)
    return;
  a = grow(ld->aliases, ld->naliases, &ld->aaliases, sizeof(*ld->aliases));
  if (a == NULL) {
    note_rc(ld, -ENOMEM);
    return;
  }
  ld->aliases = a;
  a = &ld->aliases[ld->naliases];
  a->key = strdup(key);
  a->text = text != NULL ? strndup(text, textlen) : NULL;
  if (a->key == NULL || (text != NULL && a->text == NULL)) {
    free(a->key);
    free(a->text);
    note_rc(ld, -ENOMEM);
    return;
  }
  a->place = place;
  a->line = line;
  a->file = ld->file;
  a->seq = ld->naliases;
  a->nwords = nwords;
  a->core = core;
  a->kind = kind;
  a->weak = 0;
  a->joined = 0;
  a->part = 0;
  a->whole = 0;
  a->town = -1;
  a->bears = -1;
  a->sans_kota = 0;
  a->swapped = 0;
  ld->naliases++;
}

/* How add_alias takes a name. */
#define ALIAS_SHARED 1  /* the official name of a kecamatan or desa, which
                         * may name other places too */
#define ALIAS_WEAK 2    /* an "alone" phrase, which may be a kind word */

/* Read one name or alias s[0..n) of place on line (flags: ALIAS_*). */
static void
add_alias(struct loader *ld, int line, int place, const char *s, size_t n,
          int flags, struct buf *key)
{
  const char *why = NULL;
  int words, kind;

  s = trim(s, &n);
  if (n == 0)
    return;
  words = normalise(ld, s, n, key, &why);
  if (words < 0) {
    diag_error(ld->diag, ld->path, line, "'%.*s' %s", (int)n, s, why);
    return;
  }
  if (words == 0) {
    diag_error(ld->diag, ld->path, line, "'%.*s' has no letters or digits",
               (int)n, s);
    return;
  }
  if (words == 1 && is_kind_word(key->data, key->len) &&
      !(flags & ALIAS_WEAK)) {
    diag_error(ld->diag, ld->path, line,
               "'%.*s' alone names no place (add the name after it)",
               (int)n, s);
    return;
  }
  kind = words > 1 && is_kind_word(key->data, strcspn(key->data, " "));
  push_alias(ld, key->data, (flags & ALIAS_SHARED) ? NULL : s, n, place,
             line, words, words - kind, kind);
  if ((flags & ALIAS_WEAK) && ld->rc == 0)
    ld->aliases[ld->naliases - 1].weak = 1;
}

/*
 * The next of the ';'-separated items from *p to end, or NULL after the
 * last one; *len is set to its length and *p moved past it.
 */
static const char *
next_item(const char **p, const char *end, size_t *len)
{
  const char *item = *p, *semi;

  if (item == NULL)
    return NULL;
  semi = memchr(item, ';', (size_t)(end - item));
  *len = (size_t)((semi != NULL ? semi : end) - item);
  *p = semi != NULL ? semi + 1 : NULL;
  return item;
}

/*
 * Read the items of a not-a-typo line (one word each) or a not-a-name
 * line (one or more words), p[0..n), into *list (*count used, *cap
 * allocated).
 */
static void
add_words(struct loader *ld, int line, const char *p, size_t n,
          int one_word, char ***list, int *count, int *cap, struct buf *key)
{
  const char *item, *end = p + n, *why = NULL;
  size_t len;
  char *w, **v;
  int words;

  while (ld->rc == 0) {
    item = next_item(&p, end, &len);
    if (item == NULL)
      break;
    item = trim(item, &len);
    if (len == 0)
      continue;
    words = normalise(ld, item, len, key, &why);
    if (words < 0 || words == 0 || (one_word && words != 1)) {
      diag_error(ld->diag, ld->path, line, "'%.*s' %s", (int)len, item,
                 words < 0 ? why : one_word ? "is not one word"
                                            : "has no letters or digits");
      continue;
    }
    v = grow(*list, *count, cap, sizeof(**list));
    if (v == NULL) {
      note_rc(ld, -ENOMEM);
      return;
    }
    *list = v;
    w = strdup(key->data);
    if (w == NULL) {
      note_rc(ld, -ENOMEM);
      return;
    }
    (*list)[(*count)++] = w;
  }
}

/* Is p[0..n) a code: digits and dots, starting with a digit? */
static int
valid_code(const char *p, size_t n)
{
  size_t i;

  if (n == 0 || n >= CODE_MAX || p[0] < '0' || p[0] > '9')
    return 0;
  for (i = 0; i < n; i++)
    if ((p[i] < '0' || p[i] > '9') && p[i] != '.')
      return 0;
  return 1;
}

/* The place with code p[0..n), or -1; *at is set to where it belongs in
 * ld->bycode. */
static int
find_code(const struct loader *ld, const char *p, size_t n, int *at)
{
  int lo = 0, hi = ld->nplaces, mid, c;
  const char *code;

  while (lo < hi) {
    mid = (lo + hi) / 2;
    code = ld->places[ld->bycode[mid]].code;
    c = strncmp(code, p, n);
    if (c == 0 && code[n] != '\0')
      c = 1;
    if (c == 0) {
      *at = mid;
      return ld->bycode[mid];
    }
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  *at = lo;
  return -1;
}

/*
 * The place that the code in p[0..n) names as the one a new place lies
 * in, or -1 after reporting why it cannot be.
 */
static int
find_parent(struct loader *ld, int line, const char *p, size_t n)
{
  int parent, at;

  parent = find_code(ld, p, n, &at);
  if (parent < 0) {
    diag_error(ld->diag, ld->path, line, "'%.*s' is not a code listed "
               "above (the place it lies in comes first)", (int)n, p);
    return -1;
  }
  if (ld->places[parent].level >= PLACE_DESA) {
    diag_error(ld->diag, ld->path, line, "'%.*s' is a desa or kelurahan: "
               "nothing lies in it", (int)n, p);
    return -1;
  }
  return parent;
}

/* Where a place was first listed, for messages: "line 3" or
 * "wilayah-desa.txt:3". */
static const char *
where(const struct loader *ld, int file, int line, char *buf, size_t size)
{
  if (file == ld->file)
    snprintf(buf, size, "line %d", line);
  else
    snprintf(buf, size, "%s:%d", ld->files[file], line);
  return buf;
}

/* "name, the label of the place it lies in", or a copy of name. */
static char *
make_label(struct loader *ld, const char *name, int parent)
{
  const char *up = parent >= 0 ? ld->places[parent].label : NULL;
  size_t n = strlen(name), m = up != NULL ? strlen(up) : 0;
  char *label = strpool_alloc(&ld->strings, up != NULL ? n + m + 3 : n + 1);

  if (label == NULL)
    return NULL;
  memcpy(label, name, n + 1);
  if (up != NULL) {
    memcpy(label + n, ", ", 2);
    memcpy(label + n + 2, up, m + 1);
  }
  return label;
}

/*
 * Make room for one more place in ld and add it: code[0..clen),
 * name[0..nlen), lying in parent (-1: none), of level.  Returns its
 * number, or -1 with ld->rc set.  The code is known to be new: at is
 * where it belongs in ld->bycode (find_code).
 */
static int
new_place(struct loader *ld, int line, const char *code, size_t clen,
          const char *name, size_t nlen, int parent, int level, int at)
{
  struct place *pl;
  int *v;

  pl = grow(ld->places, ld->nplaces, &ld->aplaces, sizeof(*ld->places));
  v = pl != NULL ? realloc(ld->bycode, (size_t)ld->aplaces * sizeof(int))
                 : NULL;
  if (pl != NULL)
    ld->places = pl;
  if (v == NULL) {
    note_rc(ld, -ENOMEM);
    return -1;
  }
  ld->bycode = v;
  pl = &ld->places[ld->nplaces];
  memset(pl, 0, sizeof(*pl));
  pl->code = strpool_dup(&ld->strings, code, clen);
  pl->name = strpool_dup(&ld->strings, name, nlen);
  pl->label = pl->name != NULL ? make_label(ld, pl->name, parent) : NULL;
  pl->line = line;
  pl->file = ld->file;
  pl->parent = parent;
  pl->level = level;
  if (pl->code == NULL || pl->name == NULL || pl->label == NULL) {
    note_rc(ld, -ENOMEM);
    return -1;
  }
  memmove(&ld->bycode[at + 1], &ld->bycode[at],
          (size_t)(ld->nplaces - at) * sizeof(int));
  ld->bycode[at] = ld->nplaces;
  return ld->nplaces++;
}

/* Add the ';'-separated aliases p[0..n) of place (flags: ALIAS_*). */
static void
add_aliases(struct loader *ld, int line, int place, const char *p, size_t n,
            int flags, struct buf *key)
{
  const char *end = p + n, *item;
  size_t len;

  while (ld->rc == 0) {
    item = next_item(&p, end, &len);
    if (item == NULL)
      break;
    add_alias(ld, line, place, item, len, flags, key);
  }
}

/*
 * Add the place of a line: field[0] its code, field[1] its name,
 * field[2] its aliases, field[3] the code of the place it lies in (nf
 * fields given, 2 to 4).
 */
static void
add_place(struct loader *ld, int line, const char *const field[4],
          const size_t flen[4], int nf, struct buf *key)
{
  char at_buf[64];
  int parent = -1, dup, at, place;

  if (!valid_code(field[0], flen[0])) {
    diag_error(ld->diag, ld->path, line,
               "'%.*s' is not a code (write the BPS code, such as 5371)",
               (int)flen[0], field[0]);
    return;
  }
  dup = find_code(ld, field[0], flen[0], &at);
  if (dup >= 0) {
    diag_error(ld->diag, ld->path, line, "duplicate code %.*s (first on %s)",
               (int)flen[0], field[0],
               where(ld, ld->places[dup].file, ld->places[dup].line, at_buf,
                     sizeof(at_buf)));
    return;
  }
  if (flen[1] == 0) {
    diag_error(ld->diag, ld->path, line, "the official name is empty");
    return;
  }
  if (nf == 4 && (parent = find_parent(ld, line, field[3], flen[3])) < 0)
    return;
  place = new_place(ld, line, field[0], flen[0], field[1], flen[1], parent,
                    parent >= 0 ? ld->places[parent].level + 1
                                : PLACE_KABUPATEN, at);
  if (place < 0)
    return;
  add_alias(ld, line, place, field[1], flen[1],
            parent >= 0 ? ALIAS_SHARED : 0, key);
  if (nf >= 3)
    add_aliases(ld, line, place, field[2], flen[2], 0, key);
}

/*
 * A landmark line: "landmark | Name | aliases | IN".  Its code is IN, a
 * colon and its name's words joined by '-' ("5371:pelabuhan-tenau").
 */
static void
add_landmark(struct loader *ld, int line, const char *const field[4],
             const size_t flen[4], int nf, struct buf *key)
{
  struct buf code = BUF_INIT;
  const char *why = NULL;
  char at_buf[64];
  int parent, at, dup, place;
  size_t i;

  if (nf != 4 || flen[1] == 0) {
    diag_error(ld->diag, ld->path, line,
               "expected '" LANDMARK " | Name | alias; alias; ... | IN'");
    return;
  }
  parent = find_code(ld, field[3], flen[3], &at);
  if (parent < 0 || ld->places[parent].level > PLACE_DESA) {
    diag_error(ld->diag, ld->path, line, "'%.*s' is not a code listed "
               "above (the place it lies in comes first)", (int)flen[3],
               field[3]);
    return;
  }
  if (normalise(ld, field[1], flen[1], key, &why) <= 0) {
    diag_error(ld->diag, ld->path, line, "'%.*s' %s", (int)flen[1], field[1],
               why != NULL ? why : "has no letters or digits");
    return;
  }
  note_rc(ld, buf_printf(&code, "%s:%s", ld->places[parent].code,
                         key->data));
  for (i = 0; ld->rc == 0 && i < code.len; i++)
    if (code.data[i] == ' ')
      code.data[i] = '-';
  dup = ld->rc == 0 ? find_code(ld, code.data, code.len, &at) : -1;
  if (dup >= 0)
    diag_error(ld->diag, ld->path, line, "duplicate landmark %.*s (first "
               "on %s)", (int)flen[1], field[1],
               where(ld, ld->places[dup].file, ld->places[dup].line, at_buf,
                     sizeof(at_buf)));
  place = ld->rc == 0 && dup < 0
            ? new_place(ld, line, code.data, code.len, field[1], flen[1],
                        parent, PLACE_LANDMARK, at) : -1;
  buf_free(&code);
  if (place < 0)
    return;
  add_alias(ld, line, place, field[1], flen[1], 0, key);
  add_aliases(ld, line, place, field[2], flen[2], 0, key);
}

/* An outside line: its names all stand for one place, "luar NTT". */
static void
add_outside(struct loader *ld, int line, const char *p, size_t n,
            struct buf *key)
{
  static const char code[] = "luar", name[] = "luar NTT";
  int at;

  if (ld->outside == 0) {
    if (find_code(ld, code, sizeof(code) - 1, &at) >= 0)
      return;
    ld->outside = 1 + new_place(ld, line, code, sizeof(code) - 1, name,
                                sizeof(name) - 1, -1, PLACE_OUTSIDE, at);
    if (ld->outside == 0)
      return;
  }
  add_aliases(ld, line, ld->outside - 1, p, n, 0, key);
}

/* An alone line: "alone | CODE | phrase; phrase". */
static void
add_alone(struct loader *ld, int line, const char *const field[4],
          const size_t flen[4], int nf, struct buf *key)
{
  int place, at;

  if (nf != 3) {
    diag_error(ld->diag, ld->path, line,
               "expected '" ALONE " | CODE | phrase; phrase; ...'");
    return;
  }
  place = find_code(ld, field[1], flen[1], &at);
  if (place < 0 || ld->places[place].level > PLACE_DESA) {
    diag_error(ld->diag, ld->path, line, "'%.*s' is not a code listed "
               "above", (int)flen[1], field[1]);
    return;
  }
  add_aliases(ld, line, place, field[2], flen[2], ALIAS_WEAK, key);
}

/* s without its spaces, in a new string, or NULL. */
static char *
without_spaces(const char *s)
{
  char *d = malloc(strlen(s) + 1), *o = d;

  if (d == NULL)
    return NULL;
  for (; *s != '\0'; s++)
    if (*s != ' ')
      *o++ = *s;
  *o = '\0';
  return d;
}

/*
 * A town line: "town | KECAMATAN | name; name".  Each name becomes one of
 * the kabupaten/kota the kecamatan lies in, as if written on its line,
 * and names the kecamatan when a reporter writes it (town_listed()).
 */
static void
add_town(struct loader *ld, int line, const char *const field[4],
         const size_t flen[4], int nf, struct buf *key)
{
  const char *item, *p, *end;
  struct town *v;
  size_t len;
  int place, kab, at, before;

  if (nf != 3) {
    diag_error(ld->diag, ld->path, line,
               "expected '" TOWN " | KECAMATAN | name; name; ...'");
    return;
  }
  place = find_code(ld, field[1], flen[1], &at);
  if (place < 0 || ld->places[place].level != PLACE_KECAMATAN) {
    diag_error(ld->diag, ld->path, line, "'%.*s' is not a kecamatan listed "
               "above", (int)flen[1], field[1]);
    return;
  }
  kab = ld->places[place].parent;
  p = field[2];
  end = p + flen[2];
  while (ld->rc == 0 && (item = next_item(&p, end, &len)) != NULL) {
    before = ld->naliases;
    add_alias(ld, line, kab, item, len, 0, key);
    if (ld->naliases == before)
      continue;   /* reported, or out of memory */
    v = grow(ld->towns, ld->ntowns, &ld->atowns, sizeof(*ld->towns));
    if (v == NULL) {
      note_rc(ld, -ENOMEM);
      return;
    }
    ld->towns = v;
    v[ld->ntowns].key = without_spaces(ld->aliases[ld->naliases - 1].key);
    if (v[ld->ntowns].key == NULL) {
      note_rc(ld, -ENOMEM);
      return;
    }
    v[ld->ntowns].kab = kab;
    v[ld->ntowns].place = place;
    ld->ntowns++;
  }
}

/* A short line: "short | brt = barat; tmr = timur". */
static void
add_shorts(struct loader *ld, int line, const char *p, size_t n,
           struct buf *key)
{
  const char *item, *end = p + n, *eq, *why = NULL;
  struct shortword *v, sw;
  size_t len;

  while (ld->rc == 0 && (item = next_item(&p, end, &len)) != NULL) {
    item = trim(item, &len);
    if (len == 0)
      continue;
    eq = memchr(item, '=', len);
    sw.from = sw.to = NULL;
    if (eq != NULL && normalise(ld, item, (size_t)(eq - item), key, &why) == 1)
      sw.from = strdup(key->data);
    if (eq != NULL &&
        normalise(ld, eq + 1, len - (size_t)(eq + 1 - item), key, &why) == 1)
      sw.to = strdup(key->data);
    if (sw.from == NULL || sw.to == NULL) {
      diag_error(ld->diag, ld->path, line, "'%.*s' is not 'word = word'",
                 (int)len, item);
      free(sw.from);
      free(sw.to);
      continue;
    }
    v = grow(ld->shorts, ld->nshorts, &ld->ashorts, sizeof(*ld->shorts));
    if (v == NULL) {
      free(sw.from);
      free(sw.to);
      note_rc(ld, -ENOMEM);
      return;
    }
    ld->shorts = v;
    ld->shorts[ld->nshorts++] = sw;
  }
}

/*
 * The lines that start with a directive word rather than a code: 1 when
 * the line was one (and was read).
 */
static int
read_directive(struct loader *ld, int line, const char *const field[4],
               const size_t flen[4], int nf, struct buf *key)
{
  if (is_word(field[0], flen[0], LANDMARK))
    add_landmark(ld, line, field, flen, nf, key);
  else if (is_word(field[0], flen[0], ALONE))
    add_alone(ld, line, field, flen, nf, key);
  else if (is_word(field[0], flen[0], TOWN))
    add_town(ld, line, field, flen, nf, key);
  else if (!is_word(field[0], flen[0], OUTSIDE) &&
           !is_word(field[0], flen[0], SHORT) &&
           !is_word(field[0], flen[0], NOT_OUTSIDE_AFTER))
    return 0;
  else if (nf != 2)
    diag_error(ld->diag, ld->path, line, "expected '%.*s | word; word; ...'",
               (int)flen[0], field[0]);
  else if (is_word(field[0], flen[0], OUTSIDE))
    add_outside(ld, line, field[1], flen[1], key);
  else if (is_word(field[0], flen[0], SHORT))
    add_shorts(ld, line, field[1], flen[1], key);
  else
    add_words(ld, line, field[1], flen[1], 1, &ld->guards, &ld->nguards,
              &ld->aguards, key);
  return 1;
}

static void read_lines(struct loader *ld, struct lines *ls, struct buf *key);

/* Read the file an include line names, name[0..n), relative to the
 * folder of the file loaded. */
static void
include_file(struct loader *ld, int line, const char *name, size_t n,
             struct buf *key)
{
  struct lines ls;
  const char *slash = strrchr(ld->files[0], '/');
  size_t dir = name[0] != '/' && slash != NULL
                 ? (size_t)(slash - ld->files[0]) + 1 : 0;

  if (ld->file != 0 || ld->incpath != NULL) {
    diag_error(ld->diag, ld->path, line, ld->file != 0
               ? "an included file includes nothing"
               : "only one file may be included");
    return;
  }
  if (n == 0) {
    diag_error(ld->diag, ld->path, line, "expected '" INCLUDE " | FILE'");
    return;
  }
  ld->incpath = malloc(dir + n + 1);
  if (ld->incpath == NULL) {
    note_rc(ld, -ENOMEM);
    return;
  }
  memcpy(ld->incpath, ld->files[0], dir);
  memcpy(ld->incpath + dir, name, n);
  ld->incpath[dir + n] = '\0';
  if (lines_open(&ls, ld->incpath, PLACE_FILE_MAX, PLACE_LINES,
                 ld->diag) == 0) {
    ld->files[1] = ld->incpath;
    ld->file = 1;
    ld->path = ld->incpath;
    read_lines(ld, &ls, key);
    ld->file = 0;
    ld->path = ld->files[0];
  }
  lines_close(&ls);
}

/* Read one line p[0..n) of the file. */
static void
read_line(struct loader *ld, int line, const char *p, size_t n,
          struct buf *key)
{
  const char *field[4], *bar, *end;
  size_t flen[4];
  int nf = 0;

  if (utf8_check(p, n) != n) {
    diag_error(ld->diag, ld->path, line, "not valid UTF-8 (save the file "
               "as UTF-8)");
    return;
  }
  end = p + n;
  while (nf < 4) {
    bar = memchr(p, '|', (size_t)(end - p));
    field[nf] = p;
    flen[nf] = (size_t)((bar != NULL ? bar : end) - p);
    field[nf] = trim(field[nf], &flen[nf]);
    nf++;
    if (bar == NULL)
      break;
    p = bar + 1;
  }

  if (is_word(field[0], flen[0], NOT_A_TYPO) ||
      is_word(field[0], flen[0], NOT_A_NAME)) {
    int typo = is_word(field[0], flen[0], NOT_A_TYPO);

    if (nf != 2)
      diag_error(ld->diag, ld->path, line, "expected '%s | word; word; ...'",
                 typo ? NOT_A_TYPO : NOT_A_NAME);
    else if (typo)
      add_words(ld, line, field[1], flen[1], 1, &ld->plain, &ld->nplain,
                &ld->aplain, key);
    else
      add_words(ld, line, field[1], flen[1], 0, &ld->names, &ld->nnames,
                &ld->anames, key);
    return;
  }
  if (read_directive(ld, line, field, flen, nf, key))
    return;
  if (is_word(field[0], flen[0], INCLUDE)) {
    if (nf != 2)
      diag_error(ld->diag, ld->path, line, "expected '" INCLUDE " | FILE'");
    else
      include_file(ld, line, field[1], flen[1], key);
    return;
  }
  if (nf < 2 || (nf == 4 && !valid_code(field[3], flen[3])) ||
      (bar != NULL && nf == 4)) {
    diag_error(ld->diag, ld->path, line,
               "expected 'CODE | Official Name | alias; alias; ...' (and "
               "'| IN', the code of the place it lies in, for a kecamatan "
               "or desa)");
    return;
  }
  add_place(ld, line, field, flen, nf, key);
}

/* Sorting aliases: by key, names that admins wrote before derived ones,
 * joined kecamatan and desa names and starts of names last, then by
 * place, then in file order. */
static int
alias_cmp(const void *a, const void *b)
{
  const struct alias *x = a, *y = b;
  int c = strcmp(x->key, y->key);

  if (c != 0)
    return c;
  if ((x->text == NULL) != (y->text == NULL))
    return x->text == NULL ? 1 : -1;
  if ((x->joined | x->part) != (y->joined | y->part))
    return (x->joined | x->part) - (y->joined | y->part);
  if (x->place != y->place)
    return x->place - y->place;
  return x->seq - y->seq;
}

/* One alias written for a second place, and the first one it clashes
 * with. */
struct clash {
  const struct alias *alias;
  const struct alias *owner;
};

static int
clash_cmp(const void *a, const void *b)
{
  const struct clash *x = a, *y = b;

  if (x->alias->file != y->alias->file)
    return x->alias->file - y->alias->file;
  if (x->alias->line != y->alias->line)
    return x->alias->line - y->alias->line;
  return x->alias->seq - y->alias->seq;
}

/*
 * Report, in file order, every alias written for two places.  The
 * aliases are all written by admins and sorted (alias_cmp); the first of
 * each key in file order owns it.
 */
static void
check_clashes(struct loader *ld)
{
  const struct alias *owner;
  struct clash *v;
  char at_buf[64];
  int i, j, run, n = 0;

  v = calloc((size_t)ld->naliases + 1, sizeof(*v));
  if (v == NULL) {
    note_rc(ld, -ENOMEM);
    return;
  }
  for (i = 0; i < ld->naliases; i = run) {
    /* Shared names (text NULL) sort after written ones and clash with
     * nothing. */
    owner = &ld->aliases[i];
    for (run = i + 1; run < ld->naliases &&
         strcmp(ld->aliases[run].key, owner->key) == 0; run++)
      if (ld->aliases[run].text != NULL &&
          ld->aliases[run].seq < owner->seq)
        owner = &ld->aliases[run];
    for (j = i; j < run && owner->text != NULL; j++)
      if (ld->aliases[j].text != NULL && ld->aliases[j].place != owner->place)
        v[n++] = (struct clash){&ld->aliases[j], owner};
  }
  qsort(v, (size_t)n, sizeof(*v), clash_cmp);
  for (i = 0; i < n; i++) {
    ld->file = v[i].alias->file;
    diag_error(ld->diag, ld->files[ld->file], v[i].alias->line,
               "'%s' already names %s %s (%s)", v[i].alias->text,
               ld->places[v[i].owner->place].code,
               ld->places[v[i].owner->place].name,
               where(ld, v[i].owner->file, v[i].owner->line, at_buf,
                     sizeof(at_buf)));
  }
  ld->file = 0;
  free(v);
}

/* Whether key is a not-a-name phrase. */
static int
is_not_a_name(const struct loader *ld, const char *key)
{
  return ld->nnames > 0 &&
         bsearch(key, ld->names, (size_t)ld->nnames, sizeof(*ld->names),
                 str_key_cmp) != NULL;
}

/* The words that number namesakes: "Naikoten Satu", "Camplong II",
 * "Manunain B". */
static int
is_number_word(const char *s, size_t n)
{
  static const char *const words[] = {
    "1", "2", "3", "4", "a", "b", "c", "d", NULL,
  };

  return is_one_of(s, n, words);
}

/* Whether word (a key's last) is the "Kota" of a kelurahan named after its
 * town (Waiwerang Kota, Kalabahi Kota): the town's name names it. */
static int
town_kota(const struct loader *ld, const struct alias *a, const char *word)
{
  return strcmp(word, "kota") == 0 && ld->places[a->place].level == PLACE_DESA;
}

/*
 * The words of name a (kind word at a.key[0..klen)) joined into one, as a
 * phrase alone and after the kind word ("sumbabarat", "kelurahan
 * batuplat"), when the name has several words of its own.  For a
 * kecamatan or desa (sub), the phrases are marked joined and rank as a
 * name of one word.
 */
static void
derive_joined(struct loader *ld, const struct alias *a, size_t klen,
              struct buf *tmp, int sub)
{
  const char *core = a->key + klen;
  int n = ld->naliases, core_words = sub ? 1 : a->core;
  size_t i;

  if (a->core < 2)
    return;
  buf_reset(tmp);
  note_rc(ld, buf_append(tmp, a->key, klen));
  for (i = 0; core[i] != '\0'; i++)
    if (core[i] != ' ')
      note_rc(ld, buf_append(tmp, core + i, 1));
  if (ld->rc != 0 || tmp->len - klen > WORD_MAX)
    return;
  push_alias(ld, tmp->data + klen, NULL, 0, a->place, a->line, 1,
             core_words, 0);
  if (a->kind)
    push_alias(ld, tmp->data, NULL, 0, a->place, a->line, 2, core_words, 1);
  for (; sub && n < ld->naliases; n++)
    ld->aliases[n].joined = 1;
}

/* A word of a phrase's key, not NUL-terminated. */
struct keyword {
  const char *s;
  size_t len;
};

static int keyword_cmp(const void *a, const void *b);
static int alias_words(const struct loader *ld, int n, int kept_only,
                       struct keyword **out);

/* The words of every name written, sorted (keyword_cmp), to tell which
 * occur once (derive_part). */
struct wordcount {
  struct keyword *w;
  int n;
};

/* Whether the word s[0..len) occurs in one name written only. */
static int
word_once(const struct wordcount *wc, const char *s, size_t len)
{
  struct keyword key = {s, len};
  const struct keyword *hit;
  size_t at;

  hit = bsearch(&key, wc->w, (size_t)wc->n, sizeof(*wc->w), keyword_cmp);
  if (hit == NULL)
    return 0;
  at = (size_t)(hit - wc->w);
  return (at == 0 || keyword_cmp(&wc->w[at - 1], &key) != 0) &&
         (at + 1 == (size_t)wc->n || keyword_cmp(&wc->w[at + 1], &key) != 0);
}

/*
 * Each word of a desa or kelurahan name a of two words of its own (kind
 * word at a.key[0..klen)) that no other name has and that is of 6
 * letters or more ("penkase", "oeleta" of Penkase Oeleta), as a phrase
 * matched only as the whole text (or with the place it lies in) and
 * after the kind word: reporters name the part of a merged village they
 * live in.
 */
static void
derive_part(struct loader *ld, const struct alias *a, size_t klen,
            const struct wordcount *wc, struct buf *tmp)
{
  const char *core = a->key + klen, *w;
  size_t len;
  int i;

  if (ld->places[a->place].level != PLACE_DESA || a->core != 2 ||
      a->nwords != a->core + a->kind || is_not_a_name(ld, core))
    return;
  for (i = 0, w = core; i < 2; i++, w += len + 1) {
    len = strcspn(w, " ");
    if (len < FUZZY_MIN + 1 || !word_once(wc, w, len))
      continue;
    buf_reset(tmp);
    note_rc(ld, buf_append(tmp, a->key, klen));
    note_rc(ld, buf_append(tmp, w, len));
    if (ld->rc != 0)
      return;
    push_alias(ld, tmp->data + klen, NULL, 0, a->place, a->line, 1, 1, 0);
    if (ld->rc == 0)
      ld->aliases[ld->naliases - 1].whole = 1;
    if (a->kind)
      push_alias(ld, tmp->data, NULL, 0, a->place, a->line, 2, 1, 1);
  }
}

/*
 * The phrases derived from a kecamatan or desa name a (kind word at
 * a.key[0..klen)): its name without the kind word, which when it is an
 * ordinary phrase (not-a-name, several words) matches only as the whole
 * text ("Pasir Panjang", not "dekat pasir panjang"), its words joined into one ("Batuplat", for
 * Batu Plat; matched exactly only) unless the name is an ordinary phrase,
 * and without a last word that numbers namesakes ("Naikoten" for Naikoten
 * Satu and Dua; after the kind word it gives way to the place of that
 * very name, as the start of a longer name does: "Bakunase" alone names
 * both Bakunase and Bakunase Dua, "Kelurahan Bakunase" the first) or,
 * of a desa, "Kota" (town_kota), alone and after the kind word.
 */
static void
derive_sub(struct loader *ld, const struct alias *a, size_t klen,
           struct buf *tmp)
{
  const char *core = a->key + klen, *last = strrchr(core, ' ');
  int n, kota;

  if (a->kind && (!is_not_a_name(ld, core) || a->core >= 2)) {
    push_alias(ld, core, NULL, 0, a->place, a->line, a->nwords - 1, a->core,
               0);
    if (ld->rc == 0)
      ld->aliases[ld->naliases - 1].whole = is_not_a_name(ld, core);
  }
  if (!is_not_a_name(ld, core))
    derive_joined(ld, a, klen, tmp, 1);
  kota = last != NULL && town_kota(ld, a, last + 1);
  if (last == NULL || !(kota || is_number_word(last + 1, strlen(last + 1))))
    return;
  buf_reset(tmp);
  note_rc(ld, buf_append(tmp, a->key, (size_t)(last - a->key)));
  if (ld->rc != 0 || is_not_a_name(ld, tmp->data + klen))
    return;
  n = ld->naliases;
  push_alias(ld, tmp->data + klen, NULL, 0, a->place, a->line,
             a->nwords - a->kind - 1, a->core - 1, 0);
  if (a->kind)
    push_alias(ld, tmp->data, NULL, 0, a->place, a->line, a->nwords - 1,
               a->core - 1, 1);
  for (; ld->rc == 0 && n < ld->naliases; n++) {
    ld->aliases[n].sans_kota = kota;
    /* "Kelurahan Bakunase" is that one before Bakunase Dua. */
    ld->aliases[n].part = !kota && ld->aliases[n].kind;
  }
}

/*
 * A desa or kelurahan name a after its kind word (a.key[0..klen)), also
 * after the other one ("desa mataloko" for Kelurahan Mataloko,
 * "kelurahan gorontalo" for Desa Gorontalo), with what derive_sub and
 * derive_part make of that after a kind word: reporters call either by
 * either.  These phrases rank below the place's own kind word (struct
 * phrase's kind), so "Desa Oebobo" is still the desa of that name before
 * the kelurahan, but a namesake that the rest of the text supports keeps
 * its level ("desa Oebobo, Kota Kupang"), a name of one word beats
 * another's written joined (select_phrases: "desa Mataloko" is Kelurahan
 * Mataloko, not Desa Mata Loko), and the name covers an outside name it
 * holds ("Kel. Gorontalo").  Not for a name of ordinary words
 * (not-a-name), which needs its own kind word: "kantor lurah, tentang
 * KTP" is no Desa Tentang.
 */
static void
derive_swapped(struct loader *ld, const struct alias *a, size_t klen,
               const struct wordcount *wc, struct buf *tmp)
{
  struct alias sw;
  const char *other;
  int n, k, i;

  if (ld->places[a->place].level != PLACE_DESA || !a->kind ||
      is_not_a_name(ld, a->key + klen))
    return;
  if (is_word(a->key, klen - 1, "desa"))
    other = "kelurahan";
  else if (is_word(a->key, klen - 1, "kelurahan"))
    other = "desa";
  else
    return;
  buf_reset(tmp);
  note_rc(ld, buf_append(tmp, other, strlen(other)));
  note_rc(ld, buf_append(tmp, a->key + klen - 1, strlen(a->key + klen - 1)));
  if (ld->rc != 0)
    return;
  n = ld->naliases;
  push_alias(ld, tmp->data, NULL, 0, a->place, a->line, a->nwords, a->core,
             1);
  if (ld->rc != 0)
    return;
  ld->aliases[n].swapped = 1;
  /* A copy: pushing may move the array (the strings stay put). */
  sw = ld->aliases[n];
  klen = strlen(other) + 1;
  derive_sub(ld, &sw, klen, tmp);
  derive_part(ld, &sw, klen, wc, tmp);
  /* Keep what has the kind word; the rest the name gave already. */
  for (i = k = n + 1; i < ld->naliases; i++) {
    if (ld->aliases[i].kind) {
      ld->aliases[i].swapped = 1;
      ld->aliases[i].seq = k;
      ld->aliases[k++] = ld->aliases[i];
    } else {
      free(ld->aliases[i].key);
      free(ld->aliases[i].text);
    }
  }
  ld->naliases = k;
}

/* Kinds of landmark that reporters write out in full. */
static const struct {
  const char *abbr;
  const char *full;
} landmark_kinds[] = {
  {"rsud", "rumah sakit umum daerah"},
  {"rsu", "rumah sakit umum"},
  {"rs", "rumah sakit"},
  {"bandara", "bandar udara"},
  {"plbn", "pos lintas batas negara"},
};

/* A landmark's name a that begins with an abbreviated kind ("RSUD
 * Kalabahi") also with the kind written out ("rumah sakit umum daerah
 * kalabahi"), when that fits in a phrase. */
static void
derive_kind(struct loader *ld, const struct alias *a, struct buf *tmp)
{
  size_t i, n = strcspn(a->key, " ");
  int extra;
  const char *c;

  if (a->key[n] == '\0')
    return;
  for (i = 0; i < sizeof(landmark_kinds) / sizeof(landmark_kinds[0]); i++) {
    if (!is_word(a->key, n, landmark_kinds[i].abbr))
      continue;
    for (extra = 0, c = landmark_kinds[i].full; *c != '\0'; c++)
      extra += *c == ' ';
    if (a->nwords + extra > PHRASE_WORDS)
      return;
    buf_reset(tmp);
    note_rc(ld, buf_append(tmp, landmark_kinds[i].full,
                           strlen(landmark_kinds[i].full)));
    note_rc(ld, buf_append(tmp, a->key + n, strlen(a->key + n)));
    if (ld->rc == 0)
      push_alias(ld, tmp->data, NULL, 0, a->place, a->line,
                 a->nwords + extra, a->core + extra, a->kind);
    return;
  }
}

/*
 * The first two words of the name of kabupaten/kota a (kind word at
 * a.key[0..klen)) when it has three or more ("timor tengah"): a derived
 * phrase, so that where it starts the names of several kabupaten they tie
 * and the reporter is asked which (select_phrases keeps it for each),
 * and where it is the whole name of another ("sumba barat") it gives way
 * to that one.
 */
static void
derive_start(struct loader *ld, const struct alias *a, size_t klen,
             struct buf *tmp)
{
  const char *core = a->key + klen, *second;

  if (a->core < 3 || (second = strchr(core, ' ')) == NULL)
    return;
  buf_reset(tmp);
  note_rc(ld, buf_append(tmp, core, strcspn(second + 1, " ") +
                                      (size_t)(second + 1 - core)));
  if (ld->rc == 0)
    push_alias(ld, tmp->data, NULL, 0, a->place, a->line, 2, 2, 0);
  if (ld->rc == 0)
    ld->aliases[ld->naliases - 1].part = 1;
}

/*
 * Add the phrases derived from those written: the name without its kind
 * word, and the words of the name joined into one (alone and after the
 * kind word), and for a kabupaten/kota the start of a long name
 * (derive_start); for kecamatan and desa, see derive_sub and
 * derive_part.
 */
static void
derive(struct loader *ld, struct buf *tmp)
{
  struct alias a;
  struct wordcount wc;
  const char *core;
  size_t klen;
  int n = ld->naliases, k;

  if (ld->nnames > 0)
    qsort(ld->names, (size_t)ld->nnames, sizeof(*ld->names), str_ptr_cmp);
  wc.n = alias_words(ld, n, 0, &wc.w);   /* the names written */
  note_rc(ld, wc.n < 0 ? wc.n : 0);
  for (k = 0; k < n && ld->rc == 0; k++) {
    /* A copy: pushing may move the array (the strings stay put). */
    a = ld->aliases[k];
    klen = a.kind ? strcspn(a.key, " ") + 1 : 0;
    core = a.key + klen;
    /* Landmarks (but for their kind), outside names and alone phrases
     * match as written. */
    if (!a.weak && ld->places[a.place].level == PLACE_LANDMARK)
      derive_kind(ld, &a, tmp);
    if (a.weak || ld->places[a.place].level >= PLACE_LANDMARK)
      continue;
    if (ld->places[a.place].level > PLACE_KABUPATEN) {
      derive_sub(ld, &a, klen, tmp);
      derive_part(ld, &a, klen, &wc, tmp);
      derive_swapped(ld, &a, klen, &wc, tmp);
      continue;
    }
    /* "Kabupaten Kota" must not make plain "kota" a place. */
    if (a.kind && !(a.nwords == 2 && is_kind_word(core, strlen(core))))
      push_alias(ld, core, NULL, 0, a.place, a.line, a.nwords - 1, a.core,
                 0);
    derive_joined(ld, &a, klen, tmp, 0);
    derive_start(ld, &a, klen, tmp);
  }
  free(wc.w);
}

/* Whether place a lies in place b, by the loader's places. */
static int
loader_lies_in(const struct loader *ld, int a, int b)
{
  for (a = ld->places[a].parent; a >= 0; a = ld->places[a].parent)
    if (a == b)
      return 1;
  return 0;
}

/*
 * Among the derived phrases v[from..to) (one key), the one of the
 * finest kecamatan or desa inside kabupaten/kota k, or -1 when there is
 * none, several at that level, or the run holds k's own name.
 */
static int
finest_inside(const struct loader *ld, const struct alias *v, int from,
              int to, int k)
{
  int j, best = -1, tie = 0, lv, blv = -1;

  for (j = from; j < to; j++) {
    if (v[j].text == NULL && v[j].place == k)
      return -1;    /* the kabupaten's own name ("Ende"): it is meant */
    if (v[j].text != NULL || v[j].joined || v[j].sans_kota ||
        !loader_lies_in(ld, v[j].place, k))
      continue;
    lv = ld->places[v[j].place].level;
    if (lv > blv) {
      best = j;
      blv = lv;
      tie = 0;
    } else if (lv == blv && v[j].place != v[best].place) {
      tie = 1;
    }
  }
  return tie ? -1 : best;
}

static int
alias_key_cmp(const void *key, const void *elem)
{
  return strcmp(key, ((const struct alias *)elem)->key);
}

/*
 * The run of the sorted aliases v whose keys are key and more words
 * ("kalabahi kota", "kalabahi barat" for "kalabahi"): its first in *from,
 * its end returned (*from too when key is too long to extend).
 */
static int
longer_keys(const struct loader *ld, const struct alias *v, const char *key,
            int *from)
{
  char prefix[WORD_MAX * PHRASE_WORDS + 8];
  size_t n;
  int lo = 0, hi = ld->naliases, mid;

  *from = 0;
  if (snprintf(prefix, sizeof(prefix), "%s ", key) >= (int)sizeof(prefix))
    return 0;
  n = strlen(prefix);
  while (lo < hi) {     /* the first key not below the prefix */
    mid = (lo + hi) / 2;
    if (strcmp(v[mid].key, prefix) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  *from = lo;
  while (lo < ld->naliases && strncmp(v[lo].key, prefix, n) == 0)
    lo++;
  return lo;
}

/*
 * The one kecamatan of kabupaten/kota k that holds every desa named key
 * and more ("Kalabahi Kota", "Kalabahi Barat"... all in Teluk Mutiara),
 * or -1.
 */
static int
town_kecamatan(const struct loader *ld, const struct alias *v, const char *key,
               int k)
{
  int lo, to = longer_keys(ld, v, key, &lo), kec = -1, p;

  for (; lo < to; lo++) {
    p = v[lo].place;
    if (v[lo].text != NULL || v[lo].joined ||
        ld->places[p].level != PLACE_DESA || !loader_lies_in(ld, p, k))
      continue;
    if (kec >= 0 && ld->places[p].parent != kec)
      return -1;
    kec = ld->places[p].parent;
  }
  return kec;
}

/*
 * Whether key begins the names of two kecamatan or more of kabupaten/kota
 * k ("Adonara" of Adonara Barat, Adonara Timur...): an island or an old
 * region, which names the kabupaten, not a town.
 */
static int
region_name(const struct loader *ld, const struct alias *v, const char *key,
            int k)
{
  int lo, to = longer_keys(ld, v, key, &lo), first = -1, p;

  for (; lo < to; lo++) {
    p = v[lo].place;
    if (v[lo].text != NULL || v[lo].joined ||
        ld->places[p].level != PLACE_KECAMATAN || ld->places[p].parent != k)
      continue;
    if (first >= 0 && p != first)
      return 1;
    first = p;
  }
  return 0;
}

static int town_listed(const struct loader *ld, const char *key, int place);

/*
 * A key written for a kabupaten/kota, v[i..run), that is a town in it
 * ("Soe", "Ruteng", "Waingapu"): the official kecamatan or desa that
 * bears the town's name, the finest (Kelurahan Soe, Kecamatan Ruteng),
 * or else "Kota" and the name (Kecamatan Kota Waingapu), or else the
 * kecamatan of the kelurahan named after it (Kalabahi); -1 for none.
 * A reporter who names the town names that place (resolve()); the key
 * still matches as the kabupaten's, so ties and typos stay as they were.
 * A town line overrides it (town_listed()); this place then serves
 * after "Desa" or "Kelurahan" (struct phrase's bears).
 */
static int
town_place(const struct loader *ld, const struct alias *v, int i, int run)
{
  const struct alias *hit;
  char key[WORD_MAX * PHRASE_WORDS + 8];
  int j, from, to, k = v[i].place;

  if (v[i].text == NULL || ld->places[k].level != PLACE_KABUPATEN ||
      strchr(ld->places[k].name, ' ') == NULL ||
      strcasecmp(strchr(ld->places[k].name, ' ') + 1, v[i].key) == 0)
    return -1;    /* its own name ("Sabu Raijua"): the kabupaten is meant */
  if (town_listed(ld, v[i].key, k) < 0 && region_name(ld, v, v[i].key, k))
    return -1;    /* an island or old region ("Adonara"): the kabupaten */
  j = finest_inside(ld, v, i, run, k);
  if (j >= 0)
    return v[j].place;
  if (snprintf(key, sizeof(key), "kota %s", v[i].key) >= (int)sizeof(key))
    return -1;
  hit = bsearch(key, v, (size_t)ld->naliases, sizeof(*v), alias_key_cmp);
  if (hit == NULL)
    return town_kecamatan(ld, v, v[i].key, k);
  for (from = (int)(hit - v); from > 0 && strcmp(v[from - 1].key, key) == 0;
       from--)
    ;
  for (to = (int)(hit - v); to < ld->naliases && strcmp(v[to].key, key) == 0;
       to++)
    ;
  j = finest_inside(ld, v, from, to, k);
  return j >= 0 ? v[j].place : -1;
}

/*
 * The kecamatan that a phrase of kabupaten/kota place names as a town of
 * a town line: its key is a name of the line, written or joined into one
 * word ("labuanbajo"); else -1.
 */
static int
town_listed(const struct loader *ld, const char *key, int place)
{
  const char *a, *b;
  int i;

  for (i = 0; i < ld->ntowns; i++) {
    if (ld->towns[i].kab != place)
      continue;
    for (a = key, b = ld->towns[i].key; *a != '\0'; a++) {
      if (*a == ' ')
        continue;
      if (*a != *b)
        break;
      b++;
    }
    if (*a == '\0' && *b == '\0')
      return ld->towns[i].place;
  }
  return -1;
}

/*
 * Mark one phrase per key and place to keep, sorting the aliases
 * (alias_cmp): a key that an admin wrote belongs to that place alone; a
 * key only derived belongs to every place it was derived for, except
 * that a kecamatan or desa name joined into one, and the start of a
 * longer kabupaten name, give way to any other phrase (Desa Praibakul
 * keeps "praibakul" from Desa Prai Bakul).  A
 * key written for a kabupaten/kota notes the town it is (town_place()).
 * Duplicates lend their rank to the one kept.  Returns the number kept.
 */
static int
select_phrases(struct loader *ld)
{
  struct alias *v = ld->aliases;
  int i, j, run, keep, town, n = 0;

  if (ld->naliases > 0)
    qsort(v, (size_t)ld->naliases, sizeof(*v), alias_cmp);
  for (i = 0; i < ld->naliases; i = run) {
    for (run = i + 1; run < ld->naliases && strcmp(v[run].key, v[i].key) == 0;
         run++)
      ;
    v[i].town = town_place(ld, v, i, run);
    keep = -1;
    for (j = i; j < run; j++) {
      v[j].keep = 0;
      if (v[i].text != NULL && v[j].place != v[i].place)
        continue;
      if ((v[j].joined | v[j].part) && !(v[i].joined | v[i].part))
        continue;
      if (keep >= 0 && v[j].place == v[keep].place) {
        if (v[j].core > v[keep].core)
          v[keep].core = v[j].core;
        if (v[j].kind > v[keep].kind)
          v[keep].kind = v[j].kind;
        if (v[j].swapped < v[keep].swapped)
          v[keep].swapped = v[j].swapped;
        continue;
      }
      v[j].keep = 1;
      keep = j;
      n++;
      /* A town line overrides the place that bears the name. */
      if (ld->ntowns > 0 && ld->places[v[j].place].level == PLACE_KABUPATEN &&
          (town = town_listed(ld, v[j].key, v[j].place)) >= 0) {
        v[j].bears = v[j].town;
        v[j].town = town;
      }
    }
  }
  return n;
}

/* The words of a key, as pointers into it and lengths. */
static int
split_key(const char *key, const char *word[PHRASE_WORDS],
          size_t len[PHRASE_WORDS])
{
  int n = 0;

  while (*key != '\0' && n < PHRASE_WORDS) {
    len[n] = strcspn(key, " ");
    word[n] = key;
    key += len[n];
    n++;
    if (*key == ' ')
      key++;
  }
  return n;
}

/* Bytewise, a prefix first: the order of strcmp(). */
static int
keyword_cmp(const void *a, const void *b)
{
  const struct keyword *x = a, *y = b;
  int c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);

  return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

/* The number of words of all the phrases kept. */
static int
kept_words(const struct loader *ld)
{
  int i, n = 0;

  for (i = 0; i < ld->naliases; i++)
    if (ld->aliases[i].keep)
      n += ld->aliases[i].nwords;
  return n;
}

/*
 * The words of aliases [0..n), of the kept ones only when kept_only, into
 * a new array *out sorted by keyword_cmp (the caller frees it): their
 * number, or -ENOMEM.
 */
static int
alias_words(const struct loader *ld, int n, int kept_only,
            struct keyword **out)
{
  const char *word[PHRASE_WORDS];
  size_t len[PHRASE_WORDS];
  int i, j, k, total = 0, nw = 0;

  for (i = 0; i < n; i++)
    if (!kept_only || ld->aliases[i].keep)
      total += ld->aliases[i].nwords;
  *out = calloc((size_t)total + 1, sizeof(**out));
  if (*out == NULL)
    return -ENOMEM;
  for (i = 0; i < n; i++) {
    if (kept_only && !ld->aliases[i].keep)
      continue;
    k = split_key(ld->aliases[i].key, word, len);
    for (j = 0; j < k && nw < total; j++)
      (*out)[nw++] = (struct keyword){word[j], len[j]};
  }
  qsort(*out, (size_t)nw, sizeof(**out), keyword_cmp);
  return nw;
}

/*
 * The vocabulary of pl: every word of every phrase kept, once, sorted;
 * the words themselves in ld->strings.  Returns 0 or -ENOMEM (what is in
 * pl->vocab then goes with place_free).
 */
static int
build_vocab(struct loader *ld, struct place_list *pl)
{
  struct keyword *words;
  struct vword *v;
  int nuniq = 0, i, n, rc = -ENOMEM;

  n = alias_words(ld, ld->naliases, 1, &words);
  if (n < 0)
    return n;
  for (i = 0; i < n; i++)
    if (i == 0 || keyword_cmp(&words[i - 1], &words[i]) != 0)
      nuniq++;
  pl->vocab = calloc((size_t)nuniq + 1, sizeof(*pl->vocab));
  if (pl->vocab == NULL)
    goto done;
  for (i = 0; i < n; i++) {
    if (i > 0 && keyword_cmp(&words[i - 1], &words[i]) == 0)
      continue;
    v = &pl->vocab[pl->nvocab];
    v->s = strpool_dup(&ld->strings, words[i].s, words[i].len);
    if (v->s == NULL)
      goto done;
    v->len = (int)words[i].len;
    v->mask = letter_mask(v->s, v->len);
    pl->nvocab++;
  }
  rc = 0;
done:
  free(words);
  return rc;
}

/* The phrases kept, as vocabulary numbers, into pl->phrases and their
 * words into pl->pwords (room for both made); each vocabulary word
 * counts the phrases it ends. */
static void
build_phrases(const struct loader *ld, struct place_list *pl)
{
  const struct alias *a;
  const char *word[PHRASE_WORDS];
  size_t len[PHRASE_WORDS];
  struct phrase *ph;
  char one[WORD_MAX + 1];
  int i, j, *pw, nw = 0;

  for (i = 0; i < ld->naliases; i++) {
    a = &ld->aliases[i];
    if (!a->keep)
      continue;
    ph = &pl->phrases[pl->nphrases++];
    ph->place = a->place;
    ph->core = a->core;
    ph->kind = (unsigned char)(a->kind ? 2 - a->swapped : 0);
    ph->weak = a->weak;
    ph->joined = a->joined;
    ph->whole = a->whole;
    ph->ordinary = a->kind && strchr(a->key, ' ') != NULL &&
                   is_not_a_name(ld, strchr(a->key, ' ') + 1);
    ph->town = a->town;
    ph->bears = a->bears;
    ph->level = ld->places[a->place].level;
    ph->nwords = (unsigned char)split_key(a->key, word, len);
    ph->word = nw;
    pw = &pl->pwords[nw];
    nw += ph->nwords;
    for (j = 0; j < ph->nwords; j++) {
      memcpy(one, word[j], len[j]);
      one[len[j]] = '\0';
      pw[j] = find_vocab(pl, one);
      if (ph->level == PLACE_KABUPATEN)
        pl->vocab[pw[j]].lax = 1;
      if (forgives_one_letter(ph) && (int)len[j] >= FUZZY_MIN)
        pl->vocab[pw[j]].several = 1;
      if (ph->level == PLACE_KABUPATEN && ph->core >= 2 && !ph->joined &&
          (int)len[j] >= NEAR_MIN && (int)len[j] < FUZZY_MIN)
        pl->vocab[pw[j]].near = 1;
    }
    pl->vocab[pw[ph->nwords - 1]].count++;
  }
}

/* The index of pl's phrases by last word (pl->ends, each word's run from
 * its first).  Returns 0 or -ENOMEM. */
static int
build_ends(struct place_list *pl)
{
  int i, k, v;

  pl->ends = calloc((size_t)pl->nphrases + 1, sizeof(*pl->ends));
  if (pl->ends == NULL)
    return -ENOMEM;
  for (i = 0, k = 0; i < pl->nvocab; i++) {
    pl->vocab[i].first = k;
    k += pl->vocab[i].count;
    pl->vocab[i].count = 0;
  }
  for (i = 0; i < pl->nphrases; i++) {
    v = pl->pwords[pl->phrases[i].word + pl->phrases[i].nwords - 1];
    pl->ends[pl->vocab[v].first + pl->vocab[v].count++] = i;
  }
  return 0;
}

/* The near words of pl's vocabulary (pl->nears).  Returns 0 or -ENOMEM. */
static int
build_nears(struct place_list *pl)
{
  int i;

  pl->nears = calloc((size_t)pl->nvocab + 1, sizeof(*pl->nears));
  if (pl->nears == NULL)
    return -ENOMEM;
  for (i = 0; i < pl->nvocab; i++)
    if (pl->vocab[i].near)
      pl->nears[pl->nnears++] = i;
  return 0;
}

/* pl's vocabulary by length, for the fuzzy scan (pl->bylen, each length's
 * run from lenfirst).  Returns 0 or -ENOMEM. */
static int
build_bylen(struct place_list *pl)
{
  int i;

  pl->bylen = calloc((size_t)pl->nvocab + 1, sizeof(*pl->bylen));
  if (pl->bylen == NULL)
    return -ENOMEM;
  for (i = 0; i < pl->nvocab; i++)
    pl->lenfirst[pl->vocab[i].len + 1]++;
  for (i = 1; i <= WORD_MAX + 1; i++)
    pl->lenfirst[i] += pl->lenfirst[i - 1];
  for (i = 0; i < pl->nvocab; i++)
    pl->bylen[pl->lenfirst[pl->vocab[i].len]++] = i;
  /* Each lenfirst[L] now points past its group: shift back by one. */
  for (i = WORD_MAX + 1; i > 0; i--)
    pl->lenfirst[i] = pl->lenfirst[i - 1];
  pl->lenfirst[0] = 0;
  return 0;
}

/*
 * Build the list from the loader: places, the phrases kept, their
 * vocabulary and the index by last word.  The loader's places and
 * not-a-typo words move into the list.
 */
static int
build(struct loader *ld, struct place_list **out)
{
  struct place_list *pl;
  int nkeep, rc, i;

  nkeep = select_phrases(ld);
  pl = calloc(1, sizeof(*pl));
  if (pl == NULL)
    return -ENOMEM;
  pl->phrases = calloc((size_t)nkeep + 1, sizeof(*pl->phrases));
  pl->pwords = calloc((size_t)kept_words(ld) + 1, sizeof(*pl->pwords));
  rc = pl->phrases != NULL && pl->pwords != NULL ? build_vocab(ld, pl)
                                                 : -ENOMEM;
  if (rc == 0) {
    build_phrases(ld, pl);
    rc = build_ends(pl);
  }
  if (rc == 0)
    rc = build_bylen(pl);
  if (rc == 0)
    rc = build_nears(pl);
  if (rc != 0) {
    place_free(pl);
    return rc;
  }
  pl->strings = ld->strings;
  ld->strings = NULL;
  pl->places = ld->places;
  pl->nplaces = ld->nplaces;
  ld->places = NULL;
  ld->nplaces = 0;
  for (i = 0; i < pl->nplaces; i++)
    if (pl->places[i].level <= PLACE_DESA)
      pl->nregions++;
  pl->guards = ld->guards;
  pl->nguards = ld->nguards;
  ld->guards = NULL;
  ld->nguards = 0;
  if (pl->nguards > 0)
    qsort(pl->guards, (size_t)pl->nguards, sizeof(*pl->guards), str_ptr_cmp);
  pl->shorts = ld->shorts;
  pl->nshorts = ld->nshorts;
  ld->shorts = NULL;
  ld->nshorts = 0;
  if (pl->nshorts > 0)
    qsort(pl->shorts, (size_t)pl->nshorts, sizeof(*pl->shorts),
          short_cmp);
  pl->plain = ld->plain;
  pl->nplain = ld->nplain;
  ld->plain = NULL;
  ld->nplain = 0;
  if (pl->nplain > 0)
    qsort(pl->plain, (size_t)pl->nplain, sizeof(*pl->plain), str_ptr_cmp);
  *out = pl;
  return 0;
}

static void
loader_free(struct loader *ld)
{
  int i;

  for (i = 0; i < ld->naliases; i++) {
    free(ld->aliases[i].key);
    free(ld->aliases[i].text);
  }
  free(ld->aliases);
  strpool_free(ld->strings);
  free(ld->places);
  free(ld->bycode);
  for (i = 0; i < ld->nplain; i++)
    free(ld->plain[i]);
  free(ld->plain);
  for (i = 0; i < ld->nnames; i++)
    free(ld->names[i]);
  free(ld->names);
  for (i = 0; i < ld->nguards; i++)
    free(ld->guards[i]);
  free(ld->guards);
  for (i = 0; i < ld->nshorts; i++) {
    free(ld->shorts[i].from);
    free(ld->shorts[i].to);
  }
  free(ld->shorts);
  for (i = 0; i < ld->ntowns; i++)
    free(ld->towns[i].key);
  free(ld->towns);
  free(ld->incpath);
}

/* Read the lines of a file. */
static void
read_lines(struct loader *ld, struct lines *ls, struct buf *key)
{
  const char *p;
  size_t len;

  while (ld->rc == 0 && lines_next(ls, &p, &len))
    read_line(ld, ls->lineno, p, len, key);
}

/*
 * Read the file line by line (and the one it includes), check that no
 * alias names two places, and build the list when this load added no
 * error.
 */
int
place_load(const char *path, struct place_list **out, struct diag *diag)
{
  struct loader ld;
  struct diag local;
  struct lines ls;
  struct buf key = BUF_INIT;
  int rc, errors;

  if (out == NULL || path == NULL)
    return -EINVAL;
  *out = NULL;
  if (diag == NULL) {
    diag_init(&local);
    diag = &local;
  }
  errors = diag->errors;
  rc = lines_open(&ls, path, PLACE_FILE_MAX, PLACE_LINES, diag);
  if (rc != 0)
    goto done;
  memset(&ld, 0, sizeof(ld));
  ld.path = path;
  ld.files[0] = path;
  ld.diag = diag;
  read_lines(&ld, &ls, &key);
  /* An empty list is worth a word only when no other error explains it. */
  if (ld.rc == 0 && ld.nplaces == 0 && diag->errors == errors)
    diag_error(diag, path, 0, "no places listed (a line is 'CODE | "
               "Official Name | alias; alias; ...')");
  if (ld.rc == 0 && ld.naliases > 0) {
    qsort(ld.aliases, (size_t)ld.naliases, sizeof(*ld.aliases), alias_cmp);
    check_clashes(&ld);
  }
  if (ld.rc == 0 && diag->errors == errors)
    derive(&ld, &key);
  rc = ld.rc;
  if (rc == 0)
    rc = diag->errors > errors ? AERR_CONFIG : build(&ld, out);
  loader_free(&ld);
  buf_free(&key);
done:
  lines_close(&ls);
  if (diag == &local)
    diag_free(&local);
  return rc;
}
