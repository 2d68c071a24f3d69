/*
 * incident.c: the specifics of a report and when two reports are one
 * incident (see incident.h).
 *
 * DESIGN NOTES
 *
 * 1. Tokens.  The text is cut into words of ASCII letters (lower-cased,
 *    with a note of whether the first was a capital), numbers (digits with
 *    "." and "," inside: "500.000" is 500000 and "1,5" is 1.5, as
 *    Indonesians write them; "1.5" with other than three digits after the
 *    dot is 1.5) and other bytes (kept in words, so that "Jum'at" or a
 *    name in another script is still a word).  A word glued to a number
 *    is cut from it ("Rp500rb" is "rp" "500" "rb"); a number with a letter
 *    just before it is no amount unless the letters are a currency ("P3K"
 *    is no 3000).  Each token remembers the one character before it when
 *    it is "/" or "-", so that dates written "12/3/2026" can be read.
 *
 * 2. Each kind of specific is read by a small reader over the tokens:
 *    amounts need a currency word or a multiplier ("Rp 500", "500 rb",
 *    "dua ratus ribu", "5 juta rupiah"): a bare number is a count, a
 *    school's number or part of a date; dates need a month (a name, or a
 *    number after "/"); persons need an honorific or a rank before the
 *    name ("Pak", "Ibu", "Mama", "Om", "Brigadir"), with up to two role
 *    words between ("Ibu Sekdes Martha"); offices are a type word with its
 *    qualifier ("Puskesmas Oesapa", "SMPN 2 Kupang", "Dinas Kesehatan").
 *    Readers err on the side of reading nothing: a specific not read
 *    cannot conflict, and a missed conflict only costs a question.
 *
 * 3. Conflict.  Two reports conflict in a kind when both name some of it
 *    and they share none.  Amounts are stricter: a retelling may leave an
 *    amount out or add one, but when each report names an amount the
 *    other does not, they tell different payments ("tarif Rp 30.000,
 *    diminta Rp 100.000" against "... diminta Rp 150.000").  An office
 *    named without its qualifier ("dana desa") stands for any office of
 *    its type, unless the same report also names one of that type with a
 *    qualifier ("Desa Oelnasi"): then it is that one.  A span of time
 *    ("sudah 6 bulan") never conflicts: a matter that drags on is told
 *    with a longer one later.
 *
 * 4. Sharing.  What two reports share lowers the words needed only when
 *    it tells the incident: anchors (a person named with a capital on at
 *    least one side, an office with its name, field or number on both)
 *    say who and where, details (amount, date, day, span) what and when.
 *    Generic nouns do not count: "puskesmas", "rumah sakit" or "kantor
 *    camat" with no name are in many unrelated reports, and a form with
 *    a common opening and a few such nouns reaches 0.6 in words between
 *    two different stories.  Nor does one detail alone: strangers pay the
 *    same "dua ratus ribu" for different things.  An anchor counts two,
 *    a detail one; 2 earns words_one, 3 or more words_two (incident.h).
 *    The kabupaten (the caller's place) is too wide to count.
 */
#include "rules/incident.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/textdist.h"
#include "rules/feast.h"
#include "rules/place.h"
#include "rules/similar.h"
#include "rules/when.h"

#define TOK_MAX 1024          /* tokens read from one text */
#define WORD_LEN 24           /* bytes of a word kept (as INCIDENT_KEY) */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define WORD_UNINDEXED (-2)   /* word_index_find(): table not indexed */

/* ------------------------------------------------------------------ */
/* Tokens                                                               */
/* ------------------------------------------------------------------ */

struct token {
  char w[WORD_LEN];   /* lower case; "" for a number */
  double num;         /* the value of a number */
  int is_num;
  int cap;            /* the word began with a capital */
  char before;        /* '/' or '-' just before it, else 0 */
  int stop;           /* punctuation (. , ; : ! ? brackets) before it */
  int digits;         /* digits of a number before any separator */
  int glued;          /* a letter just before it, as in "P3K" */
  int upper;          /* all capitals, two letters or more: "PIP" */
  int dash;           /* "-" between it and the word before, spaces
                       * allowed: "Bajawa - Aimere" */
  int open;           /* "(" between it and the word before */
  int listed;         /* mem and nmem are set (tokenize()); a copy
                       * whose w is changed must clear it */
  int mem, nmem;      /* the entries of the indexed tables holding w:
                       * word_mem[mem .. mem + nmem) */
};

struct tokens {
  struct token t[TOK_MAX];
  int n;
};

/* FNV-1a of the word w[0..n). */
static uint32_t
word_hash(const char *w, size_t n)
{
  uint32_t h = 2166136261u;
  size_t i;

  for (i = 0; i < n; i++) {
    h ^= (unsigned char)w[i];
    h *= 16777619u;
  }
  return h;
}


/* The value of the number s[0..n) (digits, "." and ","), Indonesian
 * style; *lead is the count of digits before the first separator. */
static double
number_value(const char *s, size_t n, int *lead)
{
  double v = 0, frac = 0, scale = 1;
  size_t i, group;
  int decimal = 0;

  *lead = 0;
  for (i = 0; i < n && isdigit((unsigned char)s[i]); i++)
    (*lead)++;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (isdigit(c)) {
      if (decimal) {
        scale /= 10;
        frac += (c - '0') * scale;
      } else {
        v = v * 10 + (c - '0');
      }
      continue;
    }
    /* "." followed by exactly three digits groups thousands; otherwise
     * "." or "," marks decimals. */
    for (group = 0; i + 1 + group < n && isdigit((unsigned char)s[i + 1 + group]);
         group++)
      ;
    if (decimal || c == ',' || group != 3)
      decimal = 1;
  }
  return v + frac;
}

/* Append the token s[0..n) (a number when num) to ts. */
static void
tok_push(struct tokens *ts, const char *s, size_t n, int num, char before,
         int stop, int glued)
{
  struct token *t;
  size_t i, k;

  if (ts->n >= TOK_MAX || n == 0)
    return;
  t = &ts->t[ts->n++];
  memset(t, 0, sizeof(*t));
  t->before = before;
  t->stop = stop;
  t->glued = glued;
  t->is_num = num;
  if (num) {
    t->num = number_value(s, n, &t->digits);
    return;
  }
  /* An apostrophe is spelling, not a letter: "Ba'a" is "Baa", "jum'at"
   * "jumat"; a token of quotes only is none. */
  while (n > 0 && s[0] == '\'') {
    s++;
    n--;
  }
  if (n == 0) {
    ts->n--;
    return;
  }
  t->cap = isupper((unsigned char)s[0]) != 0;
  t->upper = n >= 2;
  for (i = 0, k = 0; i < n && k < WORD_LEN - 1; i++) {
    if (s[i] == '\'')
      continue;
    t->w[k++] = (char)tolower((unsigned char)s[i]);
    t->upper &= isupper((unsigned char)s[i]) != 0;
  }
}

/* The class of byte c inside a word: 1 letter (or other script), 2 digit,
 * 0 separator. */
static int
byte_class(unsigned char c)
{
  if (isdigit(c))
    return 2;
  if (isalpha(c) || c >= 0x80 || c == '\'')
    return 1;
  return 0;
}

/* The length of the UTF-8 punctuation at s (general punctuation
 * U+2000..U+206F, the no-break space), or 0. */
static size_t
punct_len(const char *s, size_t n)
{
  const unsigned char *u = (const unsigned char *)s;

  if (n >= 3 && u[0] == 0xE2 && (u[1] == 0x80 || u[1] == 0x81))
    return 3;
  if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
    return 2;
  return 0;
}

static void read_aliases(struct tokens *ts);
static void word_index_once(void);
static pthread_once_t word_index_done = PTHREAD_ONCE_INIT;
static void word_list(struct token *t);

/* The entries of a table by the first byte of a word of each (a word
 * that begins with "*" is in every byte's), in table order; built once
 * with the dictionary (word_index_once()).  by_letter_range() gives the
 * run of c's entries, by_letter_at() the entry at a place of it; when
 * nothing was laid out the run is the whole table. */
struct by_letter {
  int start[257];
  int *e;            /* NULL: not laid out */
};

static void by_letter_range(const struct by_letter *x, unsigned char c,
                            size_t n, int *lo, int *hi);
static size_t by_letter_at(const struct by_letter *x, int k);

static void
tokenize(const char *text, struct tokens *ts)
{
  size_t len = strnlen(text, SIMILAR_TEXT_MAX), i = 0, start;
  char before = 0;
  int cls, stop = 0, dash = 0, open = 0, had;

  pthread_once(&word_index_done, word_index_once);
  ts->n = 0;
  while (i < len) {
    cls = byte_class((unsigned char)text[i]);
    if (punct_len(text + i, len - i) > 0) {
      /* Typographic dashes and quotes, a no-break space. */
      before = '-';
      dash |= (unsigned char)text[i + 1] == 0x80 &&
              ((unsigned char)text[i + 2] == 0x93 ||
               (unsigned char)text[i + 2] == 0x94);
      i += punct_len(text + i, len - i);
      continue;
    }
    if (cls == 0 && text[i] == '%' && ts->n > 0 && ts->t[ts->n - 1].is_num &&
        before == 0) {
      tok_push(ts, "persen", 6, 0, 0, 0, 0);   /* "5%" is "5 persen" */
      i++;
      continue;
    }
    if (cls == 0) {
      before = (text[i] == '/' || text[i] == '-') ? text[i] : 0;
      stop |= strchr(".,;:!?()[]", text[i]) != NULL;
      dash |= text[i] == '-';
      open |= text[i] == '(';
      i++;
      continue;
    }
    start = i;
    while (i < len && byte_class((unsigned char)text[i]) == cls &&
           punct_len(text + i, len - i) == 0)
      i++;
    /* A number goes on over "." or "," followed by a digit. */
    while (cls == 2 && i + 1 < len && (text[i] == '.' || text[i] == ',') &&
           isdigit((unsigned char)text[i + 1])) {
      i++;
      while (i < len && isdigit((unsigned char)text[i]))
        i++;
    }
    had = ts->n;
    tok_push(ts, text + start, i - start, cls == 2, before, stop,
             start > 0 && byte_class((unsigned char)text[start - 1]) == 1);
    if (ts->n > had) {
      ts->t[had].dash = dash;
      ts->t[had].open = open;
    }
    before = 0;
    stop = 0;
    dash = 0;
    open = 0;
  }
  read_aliases(ts);
  for (i = 0; i < (size_t)ts->n; i++)
    word_list(&ts->t[i]);
}

/*
 * Office aliases: short forms, nicknames and names written out that
 * reporters use for an office, each read as the words it stands for
 * before anything else is read from the text, so that both ways of
 * naming one office meet as one ("SMANSA Kupang" is "SMA Negeri 1
 * Kupang", "Badan Kepegawaian Daerah" is "BKD").  Columns: the words as
 * written (lower case, one blank between words), the words read instead
 * (a number as digits).  An alias whose reading begins with it ("pdam
 * kota") is left alone when the rest of the reading follows it already
 * ("PDAM Kota Kupang").  Longer aliases are listed before the shorter
 * ones they begin with.  Add freely; an office type must exist in
 * office_words[] for the reading to name an office.
 */
static const struct {
  const char *alias, *reading;
} office_aliases[] = {
  /* Schools by their nickname: the kind and the number in one word
   * (SMANSA, SMADA: SMA Negeri 1, 2; SPENSA: SMP Negeri 1; SMEKSA,
   * SMKENSA: SMK Negeri 1). */
  {"smansa", "sma negeri 1"}, {"smanda", "sma negeri 2"},
  {"smada", "sma negeri 2"}, {"smaga", "sma negeri 3"},
  {"spensa", "smp negeri 1"}, {"smpensa", "smp negeri 1"},
  {"spenda", "smp negeri 2"}, {"spanda", "smp negeri 2"},
  {"smeksa", "smk negeri 1"}, {"smkensa", "smk negeri 1"},
  /* Offices by their name written out, as their shorthand. */
  {"badan kepegawaian daerah", "bkd"}, {"badan kepegawaian", "bkd"},
  /* the personnel office by what it is ("kantor kepegawaian kabupaten") */
  {"kantor kepegawaian", "bkd"},
  {"kantor urusan agama", "kua"}, {"urusan agama", "kua"},
  {"badan penanggulangan bencana daerah", "bpbd"},
  {"badan pertanahan nasional", "bpn"},
  {"perusahaan daerah air minum", "pdam"},
  {"perumda air minum", "pdam"}, {"perumda", "pdam"},
  /* The education dinas by its old name, "dinas" left unsaid ("P dan K
   * provinsi"); after "dinas" the field reads it as well. */
  {"p dan k", "dikbud"},
  /* Kota Kupang's water company by its brand, and "PDAM Kota": in NTT
   * the only kota is Kupang (Tirta Lontar is Kabupaten Kupang's). */
  {"tirta bening lontar", "pdam kota kupang"},
  {"pdam kota", "pdam kota kupang"},
  /* The head of a puskesmas by the shorthand ("kapus") is read by
   * office_words[]; the market of Naikoten by its old name is a
   * landmark of the gazetteer (config/wilayah.txt). */
};

#define ALIAS_WORDS 6       /* words of an alias or a reading, at most */

/* The words of s (blank-separated) into w[], their number. */
static int
alias_split(const char *s, char w[][WORD_LEN])
{
  int n = 0;
  size_t k;

  while (*s != '\0' && n < ALIAS_WORDS) {
    for (k = 0; s[k] != '\0' && s[k] != ' ' && k < WORD_LEN - 1; k++)
      w[n][k] = s[k];
    w[n++][k] = '\0';
    s += k;
    while (*s == ' ')
      s++;
  }
  return n;
}

/* 1 when w is the first word of alias as alias_split() cuts it. */
static int
alias_first_is(const char *w, const char *alias)
{
  size_t m = strcspn(alias, " ");

  if (m > WORD_LEN - 1)
    m = WORD_LEN - 1;
  return strncmp(w, alias, m) == 0 && w[m] == '\0';
}

static struct by_letter aliases_by_letter;

/* Reads the office aliases of ts as their readings, in place. */
static void
read_aliases(struct tokens *ts)
{
  char aw[ALIAS_WORDS][WORD_LEN], rw[ALIAS_WORDS][WORD_LEN];
  struct token first;
  size_t e;
  int i, j, k, lo, hi, na, nr, ok;

  for (i = 0; i < ts->n; i++) {
    if (ts->t[i].is_num)
      continue;
    by_letter_range(&aliases_by_letter, (unsigned char)ts->t[i].w[0],
                    COUNT(office_aliases), &lo, &hi);
    for (k = lo; k < hi; k++) {
      e = by_letter_at(&aliases_by_letter, k);
      if (ts->t[i].w[0] != office_aliases[e].alias[0] ||
          !alias_first_is(ts->t[i].w, office_aliases[e].alias))
        continue;
      na = alias_split(office_aliases[e].alias, aw);
      if (i + na > ts->n)
        continue;
      for (j = 0, ok = 1; j < na && ok; j++)
        ok = !ts->t[i + j].is_num && (j == 0 || !ts->t[i + j].stop) &&
             strcmp(ts->t[i + j].w, aw[j]) == 0;
      if (!ok)
        continue;
      nr = alias_split(office_aliases[e].reading, rw);
      /* "pdam kota" followed by "kupang" already reads so. */
      for (j = 0, ok = nr > na; j < na && ok; j++)
        ok = strcmp(aw[j], rw[j]) == 0;
      for (j = na; ok && j < nr; j++)
        ok = i + j < ts->n && !ts->t[i + j].is_num &&
             strcmp(ts->t[i + j].w, rw[j]) == 0;
      if (ok)
        break;
      if (ts->n - na + nr > TOK_MAX)
        return;
      first = ts->t[i];
      memmove(&ts->t[i + nr], &ts->t[i + na],
              (size_t)(ts->n - i - na) * sizeof(ts->t[0]));
      ts->n += nr - na;
      for (j = 0; j < nr; j++) {
        struct token *t = &ts->t[i + j];

        *t = first;
        t->upper = 0;
        if (j > 0)
          t->stop = t->dash = t->open = t->before = 0;
        if (isdigit((unsigned char)rw[j][0])) {
          t->is_num = 1;
          t->w[0] = '\0';
          t->num = strtod(rw[j], NULL);
          t->digits = (int)strlen(rw[j]);
        } else {
          memcpy(t->w, rw[j], sizeof(t->w)); /* both WORD_LEN, rw[j] ended */
        }
      }
      i += nr - 1;
      break;
    }
  }
}

/* 1 when the words a and b are the same.  The first bytes are compared
 * before strcmp() is called: most lookups below run a token past every
 * word of a list, and nearly all differ at once. */
static inline int
same_word(const char *a, const char *b)
{
  return a[0] == b[0] && strcmp(a, b) == 0;
}

/* 1 when token t is the word w. */
static int
is(const struct token *t, const char *w)
{
  return !t->is_num && same_word(t->w, w);
}

static int word_member(const struct token *t, const void *table);
static int word_index_find(const void *table, const char *w);

/* The index of t's word in the NULL-ended list, or -1. */
static int
word_in(const struct token *t, const char *const *list)
{
  int i;

  if (t->is_num)
    return -1;
  i = word_member(t, list);
  if (i != WORD_UNINDEXED)
    return i;
  for (i = 0; list[i] != NULL; i++)
    if (same_word(t->w, list[i]))
      return i;
  return -1;
}

/* The index from which a scan of a registered table of n entries finds
 * t's word: the first entry with it, n when none has it (0 when the
 * table is not registered), so that a loop over the table for the word
 * starts there and reads the same as from 0. */
static size_t
table_from(const struct token *t, const void *table, size_t n)
{
  int i;

  if (t->is_num)
    return n;
  i = word_member(t, table);
  return i == WORD_UNINDEXED ? 0 : i < 0 ? n : (size_t)i;
}
#define TABLE_FROM(t, tab) table_from((t), (tab), COUNT(tab))

/* Add a specific of kind k (dropped when the kind is full or it is
 * already there).  The item that holds it returned: the one added, or
 * the one already there; NULL when the kind is full. */
static struct incident_item *
add_item(struct incident *inc, int k, int64_t num, const char *key,
         const char *qual, const char *key2, int flag)
{
  struct incident_item *it;
  int i;

  for (i = 0; i < inc->n[k]; i++) {
    it = &inc->item[k][i];
    if (it->num == num && strcmp(it->key, key ? key : "") == 0 &&
        strcmp(it->qual, qual ? qual : "") == 0)
      return it;
  }
  if (inc->n[k] >= INCIDENT_MAX)
    return NULL;
  it = &inc->item[k][inc->n[k]++];
  memset(it, 0, sizeof(*it));
  it->num = num;
  snprintf(it->key, sizeof(it->key), "%s", key ? key : "");
  snprintf(it->qual, sizeof(it->qual), "%s", qual ? qual : "");
  snprintf(it->key2, sizeof(it->key2), "%s", key2 ? key2 : "");
  it->flag = flag;
  return it;
}

/* ------------------------------------------------------------------ */
/* Amounts                                                              */
/* ------------------------------------------------------------------ */

/* Number words: their value (se- forms included), and their Kupang
 * Malay spellings ("ampa" empat, "anam" enam, "tuju" tujuh, "dalapan"
 * delapan, "sembilang" sembilan; "sa" is the se- said apart: "sa ratus"
 * seratus, "sa juta" sejuta).  A word before one it begins ("tujuh"
 * before "tuju", "sa" last): numread_glued() takes the first that
 * begins a glued word. */
static const struct {
  const char *w;
  double v;
} number_words[] = {
  {"nol", 0}, {"satu", 1}, {"dua", 2}, {"tiga", 3}, {"empat", 4},
  {"lima", 5}, {"enam", 6}, {"tujuh", 7}, {"delapan", 8},
  {"sembilan", 9}, {"setengah", 0.5}, {"stengah", 0.5},
  {"ampat", 4}, {"ampa", 4}, {"anam", 6}, {"tuju", 7}, {"dalapan", 8},
  {"sembilang", 9}, {"sambilan", 9}, {"sambilang", 9},
  {"satengah", 0.5}, {"satenga", 0.5}, {"setenga", 0.5}, {"stenga", 0.5},
  {"sa", 1},
};

/* Words that multiply what came before, and their factor; "group" ones
 * (ribu, juta...) close a group of the number. */
static const struct {
  const char *w;
  double f;
  int group;
} multipliers[] = {
  {"puluh", 10, 0}, {"pulu", 10, 0}, {"ratus", 100, 0},
  {"ribu", 1e3, 1}, {"rb", 1e3, 1}, {"rbu", 1e3, 1}, {"rebu", 1e3, 1},
  {"k", 1e3, 1}, {"ribuan", 1e3, 1},
  {"juta", 1e6, 1}, {"jt", 1e6, 1}, {"jta", 1e6, 1}, {"jutaan", 1e6, 1},
  {"miliar", 1e9, 1}, {"milyar", 1e9, 1},
};

/* The se- forms: one of a unit ("seratus" 100, "sejuta" 1e6). */
static const struct {
  const char *w;
  double v;
  int group;
} se_words[] = {
  {"sepuluh", 10, 0}, {"sebelas", 11, 0}, {"seratus", 100, 0},
  {"seribu", 1e3, 1}, {"sejuta", 1e6, 1}, {"semiliar", 1e9, 1},
  /* Kupang Malay */
  {"sapulu", 10, 0}, {"sepulu", 10, 0}, {"sabelas", 11, 0},
  {"saratus", 100, 0}, {"saribu", 1e3, 1}, {"sarebu", 1e3, 1},
  {"sajuta", 1e6, 1},
};

/* The state of reading one number expression. */
struct numread {
  double total;   /* closed groups (ribu, juta...) */
  double cur;     /* this group so far */
  double small;   /* the last digit word or number, not yet placed */
  int group;      /* a ribu/juta/rb/jt was read */
  double last;    /* the factor of the last group closed */
  int any;        /* a token was taken */
  double dec;     /* after "koma": the place of the next decimal digit */
};

/* 1 when t, after the number read into r, is a capital "M" for miliar
 * ("proyek 4,2 M", "Rp 1 M"); a metre is written "m". */
static int
miliar_m(const struct numread *r, const struct token *t)
{
  return r->small > 0 && r->cur == 0 && t->cap && is(t, "m");
}

/* Close r's group with factor f (ribu, juta, miliar...). */
static void
numread_close(struct numread *r, double f)
{
  r->total += (r->cur + r->small) * f;
  r->cur = r->small = 0;
  r->group = 1;
  r->last = f;
}

static int numread_take(struct numread *r, const struct token *t);

/* Units a number word is typed glued to ("duapuluh", "tigaratus",
 * "limabelas", "duaribu"). */
static const char *const glued_units[] = {"puluh", "pulu", "ratus", "belas",
                                          "ribu", "juta", NULL};
static size_t glued_len[COUNT(glued_units)];   /* their lengths */

/* Take t into r when it is a digit word glued to a unit ("duapuluh lima
 * juta" as "dua puluh lima juta"); 0 when it is not one. */
static int
numread_glued(struct numread *r, const struct token *t)
{
  struct token head, unit;
  size_t i, n, len, u;

  /* Only a word that ends in a unit can be one: most words end in none
   * (glued_len[] is laid out with the dictionary, by tokenize()). */
  len = t->is_num ? 0 : strlen(t->w);
  for (u = 0; glued_len[0] != 0 && glued_units[u] != NULL; u++)
    if ((n = glued_len[u]) < len && t->w[len - 1] == glued_units[u][n - 1] &&
        memcmp(t->w + len - n, glued_units[u], n) == 0)
      break;
  if (glued_len[0] != 0 && glued_units[u] == NULL)
    return 0;
  for (i = 0; !t->is_num && i < COUNT(number_words); i++) {
    if (t->w[0] != number_words[i].w[0])
      continue;   /* most words: not even the first letter */
    n = strlen(number_words[i].w);
    if (number_words[i].v < 1 || strncmp(t->w, number_words[i].w, n) != 0)
      continue;
    head = unit = *t;
    head.listed = unit.listed = 0;
    snprintf(unit.w, sizeof(unit.w), "%s", t->w + n);
    if (word_in(&unit, glued_units) < 0)
      continue;   /* "sembilangpuluh": "sembilan" begins it, no unit */
    snprintf(head.w, sizeof(head.w), "%s", number_words[i].w);
    return numread_take(r, &head) && numread_take(r, &unit);
  }
  return 0;
}

/* Take token t into r; 0 when t is no part of a number expression. */
static int
numread_take(struct numread *r, const struct token *t)
{
  size_t i;

  if (miliar_m(r, t)) {
    numread_close(r, 1e9);
    return 1;
  }

  /* "satu koma dua juta", "1 koma 5 juta": a decimal digit */
  if (r->dec > 0) {
    for (i = TABLE_FROM(t, number_words);
         !t->is_num && i < COUNT(number_words); i++)
      if (same_word(t->w, number_words[i].w) && number_words[i].v >= 1)
        break;
    if (t->is_num ? t->digits == 1 : i < COUNT(number_words)) {
      r->small += (t->is_num ? t->num : number_words[i].v) * r->dec;
      r->dec /= 10;
      return 1;
    }
    r->dec = 0;   /* the decimals end: "juta" or no part of the number */
  }
  if (same_word(t->w, "koma") && r->small >= 1 && r->small < 10 &&
      r->cur == 0) {
    r->dec = 0.1;
    return 1;
  }
  if (t->is_num) {
    if (r->small != 0 || (r->any && r->cur == 0 && !r->group))
      return 0;   /* two numbers in a row: not one amount */
    r->small = t->num;
    return r->any = 1;
  }
  for (i = TABLE_FROM(t, number_words); i < COUNT(number_words); i++)
    if (same_word(t->w, number_words[i].w)) {
      /* "2025 tiga ratus juta": after a number not yet placed only
       * "setengah" goes on ("satu setengah juta"); another starts anew. */
      if (r->small != 0 && number_words[i].v >= 1)
        return 0;
      /* "dua juta setengah": half of the group just closed (2,5 juta) */
      if (number_words[i].v == 0.5 && r->group && r->cur == 0 &&
          r->small == 0 && r->last >= 1e3) {
        r->total += r->last / 2;
        return 1;
      }
      r->small += number_words[i].v;
      return r->any = 1;
    }
  if (same_word(t->w, "belas") && r->small > 0) {
    r->cur += r->small + 10;
    r->small = 0;
    return 1;
  }
  for (i = TABLE_FROM(t, se_words); i < COUNT(se_words); i++)
    if (same_word(t->w, se_words[i].w)) {
      if (se_words[i].group) {
        r->total += r->cur + r->small + se_words[i].v;
        r->cur = r->small = 0;
        r->group = 1;
        r->last = se_words[i].v;
      } else {
        r->cur += se_words[i].v;
      }
      return r->any = 1;
    }
  for (i = r->any ? TABLE_FROM(t, multipliers) : 0;
       r->any && i < COUNT(multipliers); i++)
    if (same_word(t->w, multipliers[i].w)) {
      if (multipliers[i].group) {
        numread_close(r, multipliers[i].f);
      } else {
        r->cur += (r->small > 0 ? r->small : 1) * multipliers[i].f;
        r->small = 0;
      }
      return 1;
    }
  return numread_glued(r, t);
}

/* What a spoken tail after "juta" adds: "satu juta dua ratus" and "1
 * juta 200" are 1.200.000 (the thousands left unsaid), not 1.000.200;
 * a single digit after it counts something else ("1 juta 2 kali"). */
static double
numread_tail(const struct numread *r)
{
  double tail = r->cur + r->small;

  if (r->last < 1e6 || tail <= 0 || tail >= 1000 ||
      (r->cur == 0 && r->small < 10))
    return 0;
  return tail * r->last / 1000 - r->cur;
}

/* 1 when t is a currency word. */
static int
is_currency(const struct token *t)
{
  return is(t, "rp") || is(t, "rupiah") || is(t, "idr");
}

/* The key of an amount in percent (a share: "fee 10 persen", "5%"),
 * its number in hundredths; rupiah have none. */
#define PERCENT_KEY "persen"

/* 1 when t says percent ("%" is read as "persen"). */
static int
is_percent(const struct token *t)
{
  return is(t, "persen") || is(t, "prosen") || is(t, "pct");
}

/* Words before a share that make it the share left after a cut, not the
 * share cut: "hanya menerima 80 persen", "cuma dapat 70%", "tinggal 75
 * persen". */
static const char *const left_words[] = {
  "menerima", "terima", "diterima", "dapat", "dapa", "dapet", "mendapat",
  "mendapatkan", "tinggal", "sisa", "sisanya", "hanya", "cuma", "cuman",
  "dibayar", "dibayarkan", "cair", "dicairkan", NULL,
};
#define LEFT_NEAR 3   /* words back from the share */

/* 1 when the share whose number is token i is the share left (a word of
 * left_words[] among the LEFT_NEAR words before it, in its clause). */
static int
share_left(const struct tokens *ts, int i)
{
  int k;

  for (k = i - 1; k >= 0 && k >= i - LEFT_NEAR; k--) {
    if (word_in(&ts->t[k], left_words) >= 0)
      return 1;
    if (ts->t[k].stop)
      break;
  }
  return 0;
}

/* 1 when token j (after i, where an amount begins) is no part of it:
 * after a bracket or a comma ("2 juta (10%)", "3 juta, 15 orang"), or a
 * number with percent after it. */
static int
amount_ends(const struct tokens *ts, int i, int j)
{
  if (j == i)
    return 0;
  return ts->t[j].stop ||
         (ts->t[j].is_num && j + 1 < ts->n && is_percent(&ts->t[j + 1]));
}

/* The value of the number expression read into r: a bare unit after
 * ribu/juta counts something else ("250rb satu tangki", "50 ribu 2
 * kali"). */
static double
numread_value(const struct numread *r)
{
  return r->total + r->cur + (r->group && r->cur == 0 ? 0 : r->small) +
         numread_tail(r);
}

/* Words that join the two ends of a range ("300 sampai 400 ribu"). */
static const char *const range_words[] = {
  "sampai", "sampe", "smp", "hingga", "sd", NULL,
};

/*
 * The top of a range of amounts after token j, where an amount of value
 * v (money when money: a currency or group word) ends: a range word
 * ("sampai", "hingga", "s/d") or a dash, a currency word perhaps, and a
 * second amount above v ("tiga ratus sampai empat ratus ribu",
 * "300-400rb", "Rp 300.000 - Rp 400.000"; "tahun 2024-2025" is none).  A
 * bottom with no group word takes the top's ("300" of "300-400 ribu" is
 * 300 ribu) into *v.  The top, and the token after it into *end; 0 when
 * no range follows.
 */
static double
amount_range_top(const struct tokens *ts, int j, double *v, int money,
                 int group, int *end)
{
  struct numread r;
  int k = j;
  double top;

  if (k < ts->n && !ts->t[k].is_num && word_in(&ts->t[k], range_words) >= 0)
    k++;
  else if (k + 1 < ts->n && is(&ts->t[k], "s") && is(&ts->t[k + 1], "d") &&
           ts->t[k + 1].before == '/')
    k += 2;   /* "s/d" */
  if (k == j && !(k < ts->n && ts->t[k].before == '-'))
    return 0;
  if (k < ts->n && is_currency(&ts->t[k])) {
    money = 1;
    k++;
  }
  memset(&r, 0, sizeof(r));
  for (*end = k; *end < ts->n && !amount_ends(ts, k, *end) &&
                 numread_take(&r, &ts->t[*end]); (*end)++)
    ;
  if (!r.any || *end == k)
    return 0;
  if (!money && !r.group && !(*end < ts->n && is_currency(&ts->t[*end])))
    return 0;
  top = numread_value(&r);
  if (!group && r.group && *v < 1000)
    *v *= r.last;
  return top > *v && top < 1e13 ? top : 0;
}

/* Words after "lebih" that make it compare ("50rb lebih mahal"): the
 * amount is then said exactly. */
static const char *const compare_words[] = {
  "dari", "daripada", "mahal", "murah", "tinggi", "rendah", "besar",
  "kecil", "banyak", "sedikit", "dr", NULL,
};

/*
 * The top of an amount v said with "lebih" after it at token j ("112
 * ribu lebih", "dua ratus ribu lebih": that and some): v and less than
 * one more of its last unit said (the largest power of ten dividing it),
 * so that "112 ribu lebih" holds Rp 112.500 and "200 ribu lebih" Rp
 * 250.000; 0 when no such "lebih" follows.
 */
static double
amount_more_top(const struct tokens *ts, int j, double v)
{
  double step = 1;

  if (j >= ts->n || !(is(&ts->t[j], "lebih") || is(&ts->t[j], "lbh")) ||
      (j + 1 < ts->n && !ts->t[j + 1].stop &&
       word_in(&ts->t[j + 1], compare_words) >= 0))
    return 0;
  while (step * 10 <= v && (int64_t)(v + 0.5) % (int64_t)(step * 10) == 0)
    step *= 10;
  return v + step - 1;
}

/* Words before an amount that say it is approximate ("sekitar 500 ribu",
 * "kira-kira 2 juta", "kurang lebih" and "lebih kurang" are read from
 * their last word), and "almost" words, whose amount is the top. */
static const char *const approx_words[] = {
  "sekitar", "sekitaran", "skitar", "sktr", "kira", "kurleb", "kisaran",
  "\xc2\xb1", NULL,
};
static const char *const almost_words[] = {
  "hampir", "hamper", "hmpr", "nyaris", NULL,
};

/* The share of an approximate amount it may be off by either way. */
#define AMOUNT_APPROX 0.2

/*
 * The range of an amount v said as approximate by the words before its
 * token i ("sekitar Rp 500.000": [400.000, 600.000]; "hampir 3 juta":
 * [2.400.000, 3.000.000]) into *lo and *hi; 0 when it is said exactly.
 */
static int
amount_approx(const struct tokens *ts, int i, double v, double *lo,
              double *hi)
{
  const struct token *t;

  if (i > 0 && is_currency(&ts->t[i - 1]))
    i--;   /* "sekitar Rp. 500.000" */
  if (i == 0 || ts->t[i].stop)
    return 0;
  t = &ts->t[i - 1];
  if (t->is_num && t->glued && t->num == 2 && i > 1 &&
      is(&ts->t[i - 2], "kira"))
    t = &ts->t[i - 2];  /* "kira2" */
  *lo = v * (1 - AMOUNT_APPROX);
  *hi = v * (1 + AMOUNT_APPROX);
  if (word_in(t, almost_words) >= 0) {
    *hi = v;
    return 1;
  }
  return word_in(t, approx_words) >= 0 ||
         ((is(t, "lebih") || is(t, "lbh")) && t - ts->t > 0 &&
          (is(t - 1, "kurang") || is(t - 1, "krg"))) ||
         (is(t, "kurang") && t - ts->t > 0 && (is(t - 1, "lebih") ||
                                                is(t - 1, "lbh")));
}

/* Banknotes counted: "tiga lembar seratus ribu", "3 lbr uang 50rb",
 * "dua lembar lima puluhan", "lima lembar merah" are the count times the
 * note.  The words of a note counted, the words that may stand between
 * it and its value, and the notes named by their colour. */
static const char *const note_words[] = {"lembar", "lbr", "lembaran", NULL};
static const char *const note_filler[] = {"uang", "duit", "doi", "pecahan",
                                          NULL};
static const struct {
  const char *w;
  double v;
} note_colours[] = {
  {"merah", 100000}, {"biru", 50000}, {"hijau", 20000}, {"ungu", 10000},
};

/* The rupiah notes a count of notes may be of. */
static const double note_values[] = {1000, 2000, 5000, 10000, 20000,
                                     50000, 75000, 100000};

/* The value of one note said from token k ("seratus ribu", "50rb",
 * "lima puluhan", "100an", "merah"; "uang" or "pecahan" before it), the
 * token after it into *end; 0 when no note is said there.  A value under
 * a thousand is in thousands, as notes are named ("lima puluhan"). */
static double
note_value(const struct tokens *ts, int k, int *end)
{
  struct numread r;
  struct token t;
  size_t i, n;
  double v;

  while (k < ts->n && !ts->t[k].stop && word_in(&ts->t[k], note_filler) >= 0)
    k++;
  if (k >= ts->n || (k > 0 && ts->t[k].stop))
    return 0;
  for (i = 0; i < COUNT(note_colours); i++)
    if (is(&ts->t[k], note_colours[i].w)) {
      *end = k + 1;
      return note_colours[i].v;
    }
  memset(&r, 0, sizeof(r));
  for (*end = k; *end < ts->n && !amount_ends(ts, k, *end); (*end)++) {
    if (numread_take(&r, &ts->t[*end]))
      continue;
    /* "puluhan", "seratusan": a unit with -an, the last word */
    t = ts->t[*end];
    n = strlen(t.w);
    if (t.is_num || n < 4 || strcmp(t.w + n - 2, "an") != 0)
      break;
    t.w[n - 2] = '\0';
    t.listed = 0;
    if (!numread_take(&r, &t))
      break;
    (*end)++;
    break;
  }
  if (!r.any)
    return 0;
  v = numread_value(&r);
  if (v < 1000)
    v *= 1000;
  for (i = 0; i < COUNT(note_values); i++)
    if (v == note_values[i])
      return v;
  return 0;
}

/* The amount of notes counted whose count was read into r, the word
 * after the count at token j ("lembar"); the token after the note into
 * *end; 0 when no note is counted there. */
static double
notes_counted(const struct tokens *ts, const struct numread *r, int j,
              int *end)
{
  double n = numread_value(r), v;

  if (j >= ts->n || ts->t[j].stop || word_in(&ts->t[j], note_words) < 0 ||
      r->group || n < 1 || n > 1000 || n != (double)(int64_t)n)
    return 0;
  v = note_value(ts, j + 1, end);
  return n * v;
}

/*
 * The amounts: a number expression (digits and number words) with a
 * currency word before or after it, or a multiplier of thousands or more
 * in it ("500rb", "lima ratus ribu"), or two of them as a range; or a
 * number up to 100 with "persen" or "%" after it, a share of money.
 */
static void
read_amounts(const struct tokens *ts, struct incident *inc)
{
  struct numread r;
  struct incident_item *it;
  int i, j, rp, end;
  double v, top, lo;

  for (i = 0; i < ts->n; i++) {
    rp = i > 0 && is_currency(&ts->t[i - 1]);
    if (ts->t[i].glued && !rp)
      continue;   /* a number inside a word: "P3K", "KM5" */
    memset(&r, 0, sizeof(r));
    for (j = i; j < ts->n && !amount_ends(ts, i, j) &&
                numread_take(&r, &ts->t[j]); j++)
      ;
    if (!r.any || j == i) {
      /* "selembar seratus ribu", "selembar merah": one note */
      if (is(&ts->t[i], "selembar") && (v = note_value(ts, i + 1, &end)) > 0) {
        add_item(inc, INCIDENT_AMOUNT, (int64_t)(v + 0.5), NULL, NULL, NULL,
                 0);
        i = end - 1;
      }
      continue;
    }
    if ((v = notes_counted(ts, &r, j, &end)) > 0) {
      add_item(inc, INCIDENT_AMOUNT, (int64_t)(v + 0.5), NULL, NULL, NULL, 0);
      i = end - 1;
      continue;
    }
    if (j < ts->n && is_currency(&ts->t[j]))
      rp = 1;
    /* A share in digits or words ("15 persen", "lima belas persen"). */
    if (j < ts->n && is_percent(&ts->t[j]) && !r.group && r.total == 0 &&
        r.cur + r.small > 0 && r.cur + r.small <= 100) {
      add_item(inc, INCIDENT_AMOUNT, (int64_t)((r.cur + r.small) * 100 + 0.5),
               PERCENT_KEY, NULL, NULL, share_left(ts, i));
      i = j;
      continue;
    }
    v = numread_value(&r);
    top = amount_range_top(ts, j, &v, rp || r.group, r.group, &end);
    if (top > 0 && v >= 100) {
      add_item(inc, INCIDENT_AMOUNT, (int64_t)(v + 0.5), NULL, NULL, NULL, 0);
      inc->item[INCIDENT_AMOUNT][inc->n[INCIDENT_AMOUNT] - 1].hi =
        (int64_t)(top + 0.5);
      i = end - 1;
      continue;
    }
    if ((rp || r.group) && v >= 100 && v < 1e13) {
      end = inc->n[INCIDENT_AMOUNT];
      add_item(inc, INCIDENT_AMOUNT, (int64_t)(v + 0.5), NULL, NULL, NULL, 0);
      it = &inc->item[INCIDENT_AMOUNT][inc->n[INCIDENT_AMOUNT] - 1];
      top = amount_more_top(ts, j, v);
      if (inc->n[INCIDENT_AMOUNT] > end && top > 0)
        it->hi = (int64_t)(top + 0.5);
      else if (inc->n[INCIDENT_AMOUNT] > end &&
               amount_approx(ts, i, v, &lo, &top)) {
        it->num = (int64_t)(lo + 0.5);
        it->hi = (int64_t)(top + 0.5);
      }
    }
    i = j - 1;
  }
}

/* Words after a bare number that say what it counts: no money. */
static const char *const count_words[] = {
  "orang", "org", "kk", "kg", "kilo", "karung", "sak", "ekor", "kali",
  "meter", "m", "km", "unit", "buah", "lembar", "liter", "hari", "hr",
  "minggu", "bulan", "bln", "tahun", "thn", "jam", "menit", "persen",
  "prosen", "pct", "siswa", "murid", "rumah", "keluarga", "paket", "ton",
  NULL,
};

/*
 * Kupang shorthand: once an amount is said in thousands ("dapa 600
 * ribu"), later round numbers drop the "ribu" ("kades potong 300,
 * harusnya 900").  In a text with an amount in ribu, a bare round number
 * from 50 to 999 that counts nothing else is read in thousands too.
 */
static void
read_thousands(const struct tokens *ts, struct incident *inc)
{
  static const char *const ribu[] = {"ribu", "rb", "rbu", "rebu", NULL};
  const struct token *t;
  int i, said = 0;

  for (i = 0; i + 1 < ts->n && !said; i++)
    said = ts->t[i].is_num && word_in(&ts->t[i + 1], ribu) >= 0;
  for (i = 0; said && i < ts->n; i++) {
    t = &ts->t[i];
    if (!t->is_num || t->glued || t->num < 50 || t->num > 999 ||
        t->num != (double)(int)t->num || (int)t->num % 5 != 0 ||
        t->before != 0 || (i > 0 && ts->t[i - 1].is_num) ||
        (i > 0 && is_currency(&ts->t[i - 1])))
      continue;
    if (i + 1 < ts->n && (ts->t[i + 1].is_num || is_currency(&ts->t[i + 1]) ||
                          word_in(&ts->t[i + 1], count_words) >= 0 ||
                          word_in(&ts->t[i + 1], ribu) >= 0))
      continue;
    add_item(inc, INCIDENT_AMOUNT, (int64_t)t->num * 1000, NULL, NULL, NULL,
             0);
  }
}

/* Units of a span of time and their days (a month of 30, a year of 360,
 * so that "setengah tahun" is "6 bulan"). */
static const struct {
  const char *w;
  int days;
} span_units[] = {
  {"hari", 1}, {"hr", 1}, {"minggu", 7}, {"mgg", 7}, {"pekan", 7},
  {"bulan", 30}, {"bln", 30}, {"bulang", 30}, {"tahun", 360},
  {"thn", 360}, {"thun", 360}, {"taon", 360},
};

/* Words after "tahun" that make it a year said relatively ("tahun
 * lalu", "thn ini"). */
static const char *const relative_years[] = {
  "lalu", "ini", "kemarin", "kemaren", "kmrn", "kmarin", NULL,
};

static int day_of(const struct token *t, int word_ok);

/* 1 when token i is "bulan" or "bln" and a month's number 1..12 follows,
 * in digits or words ("bulan lima", "bulan dua belas"), with a year said
 * relatively ("bln 12 tahun lalu", "bulan lima tahun lalu", "bulan 8 thn
 * ini"): a month, not a count of years. */
static int
month_of_relative_year(const struct tokens *ts, int i)
{
  const struct token *n;
  int m, k;

  if (i < 0 || i + 3 >= ts->n ||
      !(is(&ts->t[i], "bulan") || is(&ts->t[i], "bln")))
    return 0;
  n = &ts->t[i + 1];
  if (n->is_num && n->glued)
    return 0;
  m = day_of(n, 1);
  k = i + 2;
  if (m >= 1 && m <= 9 && !n->is_num && !ts->t[k].stop &&
      is(&ts->t[k], "belas")) {
    m += 10;   /* "dua belas": a word and "belas" */
    k++;
  }
  return m >= 1 && m <= 12 && k + 1 < ts->n &&
         (is(&ts->t[k], "tahun") || is(&ts->t[k], "thn")) &&
         !ts->t[k + 1].stop && word_in(&ts->t[k + 1], relative_years) >= 0;
}

static int stage_unit(const struct token *t);

/* 1 when token i is the ordinal of a stage ("tw 3 tahun ini", "triwulan
 * ke-3 tahun 2026"), no count of a span. */
static int
stage_ordinal_at(const struct tokens *ts, int i)
{
  if (i > 0 && is(&ts->t[i - 1], "ke"))
    i--;
  return i > 0 && !ts->t[i].stop && stage_unit(&ts->t[i - 1]) >= 0;
}

/*
 * The spans of time: a number expression (digits or words, no ribu or
 * juta in it) before a unit ("6 bulan", "enam bulan", "setengah tahun",
 * "2 thn") of at most a hundred units; not a month's number before a
 * year said relatively ("bln 12 tahun lalu").
 */
static void
read_spans(const struct tokens *ts, struct incident *inc)
{
  struct numread r;
  int i, j;
  size_t u;
  double v;

  for (i = 0; i < ts->n; i++) {
    memset(&r, 0, sizeof(r));
    for (j = i; j < ts->n && numread_take(&r, &ts->t[j]); j++)
      ;
    if (month_of_relative_year(ts, i - 1)) {
      if (j > i)
        i = j - 1;   /* the whole month's number ("dua belas") */
      continue;
    }
    if (!r.any || j == i || j >= ts->n || r.group ||
        stage_ordinal_at(ts, i))
      continue;
    v = r.total + r.cur + r.small;
    for (u = 0; u < COUNT(span_units); u++)
      if (is(&ts->t[j], span_units[u].w) && v > 0 && v <= 100)
        add_item(inc, INCIDENT_SPAN,
                 (int64_t)(v * span_units[u].days + 0.5), NULL, NULL, NULL,
                 0);
    i = j - 1;
  }
}

/* Units of the stages of a payment, and ordinals that number them
 * ("tahap II", "triwulan ketiga", "semester 1", "termin ke-2"); each
 * unit followed by its shorthand ("thp 2", "tw 3", "smt 1"), read as
 * the unit (stage_unit()). */
static const char *const stage_units[] = {
  "tahap", "triwulan", "semester", "termin", "gelombang",
  "thp", "tw", "trw", "twl", "smt", "smstr", "sem", NULL,
};
static const int stage_unit_of[] = {0, 1, 2, 3, 4, 0, 1, 1, 1, 2, 2, 2};

/* The unit of stages (0 tahap, 1 triwulan, ...) token t names, in full
 * or shorthand, or -1. */
static int
stage_unit(const struct token *t)
{
  int u = word_in(t, stage_units);

  return u < 0 ? -1 : stage_unit_of[u];
}
static const struct {
  const char *w;
  int n;
} stage_ordinals[] = {
  {"pertama", 1}, {"kesatu", 1}, {"satu", 1}, {"i", 1}, {"kedua", 2},
  {"dua", 2}, {"ii", 2}, {"ketiga", 3}, {"tiga", 3}, {"iii", 3},
  {"keempat", 4}, {"empat", 4}, {"iv", 4}, {"kelima", 5}, {"lima", 5},
  {"v", 5}, {"keenam", 6}, {"enam", 6}, {"vi", 6},
};

/* The ordinal of token t: a number 1..12 or an ordinal word; else 0. */
static int
stage_ordinal(const struct token *t)
{
  size_t i;

  if (t->is_num)
    return t->num >= 1 && t->num <= 12 && t->num == (int)t->num
             ? (int)t->num : 0;
  for (i = 0; i < COUNT(stage_ordinals); i++)
    if (same_word(t->w, stage_ordinals[i].w))
      return stage_ordinals[i].n;
  return 0;
}

/* The stages of payments the text names (INCIDENT_STAGE): a unit and its
 * ordinal after it, "ke" between allowed. */
static void
read_stages(const struct tokens *ts, struct incident *inc)
{
  int i, j, u, n;

  for (i = 0; i + 1 < ts->n; i++) {
    if ((u = stage_unit(&ts->t[i])) < 0)
      continue;
    j = i + 1;
    if (is(&ts->t[j], "ke") && j + 1 < ts->n)
      j++;
    if (!ts->t[j].stop && (n = stage_ordinal(&ts->t[j])) > 0)
      add_item(inc, INCIDENT_STAGE, (u + 1) * 100 + n, NULL, NULL, NULL, 0);
  }
}

/* ------------------------------------------------------------------ */
/* Dates and days of the week                                           */
/* ------------------------------------------------------------------ */

/* Month names as written: full, short and common misspellings, month
 * (1..12) at each entry's index / 4 + 1... kept as pairs for clarity. */
static const struct {
  const char *w;
  int m;
  int full;   /* the name in full: a month on its own, not only after a day
                 or before a year */
} months[] = {
  {"januari", 1, 1}, {"jan", 1, 0}, {"febuari", 2, 1}, {"februari", 2, 1},
  {"pebruari", 2, 1}, {"feb", 2, 0}, {"peb", 2, 0}, {"maret", 3, 1},
  {"mar", 3, 0}, {"april", 4, 1}, {"apr", 4, 0}, {"mei", 5, 1},
  {"juni", 6, 1}, {"jun", 6, 0}, {"juli", 7, 1}, {"jul", 7, 0},
  {"agustus", 8, 1}, {"agu", 8, 0}, {"agt", 8, 0}, {"ags", 8, 0},
  {"agst", 8, 0}, {"agus", 8, 0}, {"september", 9, 1}, {"sept", 9, 0},
  {"sep", 9, 0}, {"oktober", 10, 1}, {"okt", 10, 0}, {"nopember", 11, 1},
  {"november", 11, 1}, {"nov", 11, 0}, {"desember", 12, 1}, {"des", 12, 0},
};

/* The month token t names (full names only unless short_ok: after a
 * day, before a year), or 0. */
static int
month_of(const struct token *t, int short_ok)
{
  size_t i;

  if (t->is_num)
    return 0;
  for (i = TABLE_FROM(t, months); i < COUNT(months); i++)
    if ((short_ok || months[i].full) && same_word(t->w, months[i].w))
      return months[i].m;
  return 0;
}

/* A year after a date: a four-digit number from 1990 to 2100. */
static int
year_at(const struct tokens *ts, int i)
{
  const struct token *t = i < ts->n ? &ts->t[i] : NULL;

  if (t == NULL || !t->is_num || t->digits != 4 || t->num < 1990 ||
      t->num > 2100)
    return 0;
  return (int)t->num;
}

/* A day of the month: a whole number 1..31 written with at most two
 * digits, or one number word ("lima", "sepuluh") when word_ok. */
static int
day_of(const struct token *t, int word_ok)
{
  size_t i;

  /* "sa" is a number only before a unit ("sa ratus"), no day */
  for (i = word_ok ? TABLE_FROM(t, number_words) : 0;
       word_ok && !t->is_num && i < COUNT(number_words); i++)
    if (same_word(t->w, number_words[i].w) && number_words[i].v >= 1 &&
        !same_word(t->w, "sa"))
      return (int)number_words[i].v;
  for (i = word_ok ? TABLE_FROM(t, se_words) : 0;
       word_ok && !t->is_num && i < COUNT(se_words); i++)
    if (same_word(t->w, se_words[i].w) && se_words[i].v <= 31)
      return (int)se_words[i].v;
  if (!t->is_num || t->digits > 2 || t->num < 1 || t->num > 31 ||
      t->num != (double)(int)t->num)
    return 0;
  return (int)t->num;
}

/* 1 when token j says what the number before it counts: money ("Rp",
 * "ribu"), a share or things ("orang", "kali", "minggu"). */
static int
counted_by(const struct tokens *ts, int j)
{
  size_t i;

  if (j >= ts->n || ts->t[j].is_num)
    return 0;
  for (i = TABLE_FROM(&ts->t[j], multipliers); i < COUNT(multipliers); i++)
    if (strcmp(ts->t[j].w, multipliers[i].w) == 0)
      return 1;
  return is_currency(&ts->t[j]) || is_percent(&ts->t[j]) ||
         word_in(&ts->t[j], count_words) >= 0;
}

/* Words before a number that make it no year ("No. 2024"). */
static const char *const number_leads[] = {
  "no", "nomor", "nomer", "nmr", "nr", NULL,
};

/* 1 when the number at token i is a year standing alone ("di onekore
 * 2024", "tamatan 2022"): four digits from 1990 to 2100, no part of a
 * date, an amount or a count. */
static int
bare_year(const struct tokens *ts, int i)
{
  const struct token *p = i > 0 ? &ts->t[i - 1] : NULL;

  return year_at(ts, i) && !ts->t[i].glued && ts->t[i].before == 0 &&
         !(p != NULL && (p->is_num || is_currency(p) ||
                         word_in(p, number_leads) >= 0)) &&
         !counted_by(ts, i + 1);
}

/* The month given by its number after "bulan" at token i ("bulan 3",
 * "bln 7", "bln 12 tahun lalu", "bulan dua belas"), or 0: not after a
 * number ("1 bulan 2 minggu" is a span) nor before a count ("tiap bulan 2
 * kali") or a date's "/".  The tokens of the number (1, or 2 for "dua
 * belas") into *len. */
static int
month_number_at(const struct tokens *ts, int i, int *len)
{
  const struct token *n = i + 1 < ts->n ? &ts->t[i + 1] : NULL;
  int m;

  *len = 1;
  if (!(is(&ts->t[i], "bulan") || is(&ts->t[i], "bln")) || n == NULL ||
      (n->is_num && n->glued) || (i > 0 && (ts->t[i - 1].is_num ||
                                            day_of(&ts->t[i - 1], 1))))
    return 0;
  m = day_of(n, 1);
  if (m >= 1 && m <= 9 && !n->is_num && i + 2 < ts->n &&
      !ts->t[i + 2].stop && is(&ts->t[i + 2], "belas")) {
    m += 10;   /* "dua belas": a word and "belas" */
    *len = 2;
  }
  if (month_of_relative_year(ts, i))
    return m;
  if (m > 12 || counted_by(ts, i + 1 + *len) ||
      (i + 1 + *len < ts->n && ts->t[i + 1 + *len].before == '/'))
    return 0;
  return m;
}

/* A day and the month by its number after "bulan" at token i ("17
 * bulan 3", "tujuh belas bulan tiga", "dua puluh satu bln 6"): the day
 * into *d, the month returned, the tokens used into *used; or 0. */
static int
day_month_number_at(const struct tokens *ts, int i, int *d, int *used)
{
  struct numread r;
  const struct token *n;
  int j, m;
  double v;

  if (i >= ts->n)
    return 0;
  memset(&r, 0, sizeof(r));
  for (j = i; j < ts->n && j < i + 3 && numread_take(&r, &ts->t[j]); j++)
    ;
  v = r.total + r.cur + r.small;
  if (!r.any || r.group || r.dec > 0 || v < 1 || v > 31 ||
      v != (double)(int)v || j + 1 >= ts->n ||
      (ts->t[i].is_num && (j != i + 1 || !day_of(&ts->t[i], 0))) ||
      (i > 0 && (ts->t[i - 1].is_num || is_currency(&ts->t[i - 1]))) ||
      !(is(&ts->t[j], "bulan") || is(&ts->t[j], "bln")))
    return 0;
  n = &ts->t[j + 1];
  m = n->is_num ? (n->glued ? 0 : day_of(n, 0)) : day_of(n, 1);
  if (m == 0 || m > 12 || counted_by(ts, j + 2) ||
      (j + 2 < ts->n && ts->t[j + 2].before == '/'))
    return 0;
  *d = (int)v;
  *used = j + 2 - i;
  return m;
}

/* 1 when the number at token i opens a date written with dashes and a
 * four-digit year ("12-9-2026"): with the year only, for "5-6 orang" and
 * "300-400 ribu" are ranges. */
static int
dashed_date(const struct tokens *ts, int i)
{
  return i + 2 < ts->n && ts->t[i + 1].before == '-' &&
         ts->t[i + 1].is_num && ts->t[i + 2].before == '-' &&
         year_at(ts, i + 2) != 0;
}

static int stop_at(const struct tokens *ts, int j);

/* The most words of a feast's phrase looked at (feast_match()). */
#define FEAST_WORDS 6

/* Words that count a day from a feast ("sehari sebelum malam Natal
 * 2025"): no feast's own day (feast_at). */
static const char *const feast_relative[] = {
  "sebelum", "sblm", "sebelom", "sesudah", "setelah", "stlh", "sehabis",
  "habis", "usai", "menjelang", "jelang", "jelan", "lewat", NULL,
};

/* 1 when feast id is one day fixed in the calendar (Natal, malam Natal,
 * tahun baru, HUT RI: feast_fixed_day()): that day and month added to
 * inc, the year unknown.  A feast that moves (Paskah) or is set by
 * decree adds nothing. */
static int
feast_fixed(int id, struct incident *inc)
{
  int m, d;

  if (!feast_fixed_day(id, &m, &d))
    return 0;
  /* flag: a feast's day, its year left to feast_years() */
  add_item(inc, INCIDENT_DATE, m * 100 + d, NULL, NULL, NULL, 1);
  return 1;
}

/* A feast named at token i with its year after it ("hari Paskah 2026",
 * "malam tahun baru 2025", "Natal tahun 2024"): its day, as the waktu
 * step resolves it (feast.h), added to inc; the tokens used, or 0.  A
 * feast with no year is its day and month when fixed in the calendar
 * (feast_fixed(): "malam Natal kemarin").  A day counted from a feast
 * (feast_relative[]), a season of whole months or one set by decree (not
 * known here) gives nothing: the year it lies in is read as before. */
static int
feast_at(const struct tokens *ts, int i, struct incident *inc)
{
  const char *w[FEAST_WORDS];
  int64_t from, to, y;
  int n, len, id, m, d, k;

  for (n = 0; n < FEAST_WORDS && i + n < ts->n && !ts->t[i + n].is_num &&
              (n == 0 || !stop_at(ts, i + n)); n++)
    w[n] = ts->t[i + n].w;
  if (n == 0 || (id = feast_match(w, n, &len)) < 0 ||
      feast_whole_months(id))
    return 0;
  /* "sebelum malam Natal": the relative word before the phrase, or
   * before a word of it ("malam", "hari"). */
  for (k = i; k > 0 && k > i - 2 && !stop_at(ts, k); k--)
    if (word_in(&ts->t[k - 1], feast_relative) >= 0)
      return 0;
  k = i + len;
  if (k < ts->n && !stop_at(ts, k) &&
      (is(&ts->t[k], "tahun") || is(&ts->t[k], "thn")))
    k++;
  if (k >= ts->n || stop_at(ts, k) || (y = year_at(ts, k)) == 0)
    return feast_fixed(id, inc) ? len : 0;
  if (feast_in_year(NULL, id, y, &from, &to) != 0 || from != to)
    return 0;
  when_civil_from_days(from, &y, &m, &d);
  incident_add_date(inc, (int)y, m, d);
  return k + 1 - i;
}

/* A date at token i ("12 Maret [2026]", "12/3[/2026]", "12-3-2026",
 * "Maret 2026",
 * "bulan Maret", "bulan 3", "tahun 2025", a year alone, a day alone after
 * "tanggal": "tgl 17", a feast and its year: feast_at()); the tokens it
 * used in *used (0: none). */
static void
date_at(const struct tokens *ts, int i, struct incident *inc, int *used)
{
  const struct token *t = &ts->t[i];
  int d = day_of(t, 1), m, y, lead, len;

  if ((*used = feast_at(ts, i, inc)) != 0)
    return;
  lead = is(t, "tanggal") || is(t, "tgl") || is(t, "tggl");
  if ((m = day_month_number_at(ts, i + lead, &d, used)) != 0) {
    *used += lead;
    y = year_at(ts, i + *used);
    incident_add_date(inc, y, m, d);
    *used += y ? 1 : 0;
  } else if (d && i + 1 < ts->n &&
             (m = month_of(&ts->t[i + 1], t->is_num)) != 0) {
    y = year_at(ts, i + 2);
    incident_add_date(inc, y, m, d);
    *used = y ? 3 : 2;
  } else if (d && t->is_num && i + 1 < ts->n &&
             (ts->t[i + 1].before == '/' || dashed_date(ts, i)) &&
             day_of(&ts->t[i + 1], 0) && ts->t[i + 1].num <= 12) {
    m = (int)ts->t[i + 1].num;
    y = i + 2 < ts->n && ts->t[i + 2].before == ts->t[i + 1].before
          ? year_at(ts, i + 2) : 0;
    incident_add_date(inc, y, m, d);
    *used = y ? 3 : 2;
  } else if ((m = month_of(t, (y = year_at(ts, i + 1)) != 0)) != 0) {
    /* A month by name; a short form ("nov") only before a year. */
    incident_add_date(inc, y, m, 0);
    *used = y ? 2 : 1;
  } else if ((is(t, "tahun") || is(t, "thn") || is(t, "thun") ||
              is(t, "taun") || is(t, "taon")) &&
             (y = year_at(ts, i + 1)) != 0) {
    incident_add_date(inc, y, 0, 0);
    *used = 2;
  } else if (lead &&
             i + 1 < ts->n && ts->t[i + 1].is_num &&
             (d = day_of(&ts->t[i + 1], 0)) != 0 &&
             !(i + 2 < ts->n && (month_of(&ts->t[i + 2], 1) != 0 ||
                                 ts->t[i + 2].before == '/' ||
                                 ts->t[i + 2].before == '-'))) {
    incident_add_date(inc, 0, 0, d);   /* the month left unsaid */
    *used = 2;
  } else if ((m = month_number_at(ts, i, &len)) != 0) {
    y = year_at(ts, i + 1 + len);
    incident_add_date(inc, y, m, 0);
    *used = 1 + len + (y ? 1 : 0);
  } else if (t->is_num && bare_year(ts, i)) {
    incident_add_date(inc, (int)t->num, 0, 0);
    *used = 1;
  }
}

/* Days of the week, Monday first; "minggu" also means "week" and counts
 * only after "hari" or with a capital. */
static const char *const weekdays[] = {
  "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", NULL,
};

/* Words that join the months of a range ("Maret sampai Mei 2024",
 * "Maret s/d Mei", "Maret dan April"). */
static const char *const range_links[] = {
  "sampai", "sampe", "smp", "hingga", "sd", "s", "d", "dan", "atau", "ke",
  "bulan", "bln", NULL,
};

/*
 * The date just read at item `item` (dates_before: the count before it):
 * a month with no year waits in pend[] for the year that ends its range;
 * a date with a year gives it to those waiting.  *np is the count
 * waiting.
 */
static void
range_year(struct incident *inc, int dates_before, int *pend, int *np)
{
  struct incident_item *it = inc->item[INCIDENT_DATE];
  int64_t num;
  int k;

  if (inc->n[INCIDENT_DATE] == dates_before)
    return;     /* already read, or no room */
  num = it[dates_before].num;
  if (num / 10000 != 0) {
    for (k = 0; k < *np; k++)
      it[pend[k]].num += num / 10000 * 10000;
    *np = 0;
  } else if (num / 100 % 100 != 0 && *np < INCIDENT_MAX) {
    pend[(*np)++] = dates_before;
  }
}

/* 1 when the word at i follows "malam" with no punctuation between: the
 * eve of that day ("malam Jumat" is Thursday night), not its night. */
static int
eve_of(const struct tokens *ts, int i)
{
  return i > 0 && !ts->t[i].stop && is(&ts->t[i - 1], "malam");
}

/* Words that make the month after them a deadline ("lunas sebelum
 * bulan Maret"): due by the end of the month before. */
static const char *const deadline_words[] = {"sebelum", "sblm", "sebelom",
                                             NULL};

/* The date just read at token i, item `item`: when it is a month (no
 * day) after a deadline word, "bulan" between or not, it becomes the
 * month before ("sebelum Maret 2026" is February 2026, "sebelum Januari
 * 2026" December 2025), the month the other retelling names ("paling
 * lambat akhir Februari"). */
static void
deadline_month(const struct tokens *ts, int i, struct incident *inc,
               int item)
{
  struct incident_item *it;
  int64_t y, m;
  int k = i - 1;

  /* No new item (the list was full, or the date met one it had): the
   * slot at `item` is none of this date's, and may lie past the list. */
  if (item >= inc->n[INCIDENT_DATE])
    return;
  it = &inc->item[INCIDENT_DATE][item];
  y = it->num / 10000;
  m = it->num / 100 % 100;
  if (m == 0 || it->num % 100 != 0)
    return;
  if (k >= 0 && !ts->t[i].stop &&
      (is(&ts->t[k], "bulan") || is(&ts->t[k], "bln")))
    k--;
  if (k < 0 || ts->t[k + 1].stop || word_in(&ts->t[k], deadline_words) < 0)
    return;
  if (--m == 0) {
    m = 12;
    y = y != 0 ? y - 1 : 0;
  }
  it->num = y * 10000 + m * 100;
}

/* A fixed feast named with no year ("uang parsel Natal") in a text that
 * names one year ("menjelang Natal 2025") is that year's: with the year
 * unknown the feast's day would agree with any other year, and two
 * incidents a year apart ("menjelang Paskah 2026") would seem one. */
static void
feast_years(struct incident *inc)
{
  struct incident_item *it = inc->item[INCIDENT_DATE];
  int64_t y = 0;
  int i;

  for (i = 0; i < inc->n[INCIDENT_DATE]; i++)
    if (it[i].num / 10000 != 0) {
      if (y != 0 && it[i].num / 10000 != y)
        return;   /* two years: which is the feast's is not known */
      y = it[i].num / 10000;
    }
  for (i = 0; y != 0 && i < inc->n[INCIDENT_DATE]; i++)
    if (it[i].flag && it[i].num / 10000 == 0)
      it[i].num += y * 10000;
}

static void
read_dates(const struct tokens *ts, struct incident *inc)
{
  int i, used, wd, before, pend[INCIDENT_MAX], np = 0;

  for (i = 0; i < ts->n; i++) {
    before = inc->n[INCIDENT_DATE];
    date_at(ts, i, inc, &used);
    if (used > 0) {
      deadline_month(ts, i, inc, before);
      range_year(inc, before, pend, &np);
      i += used - 1;
      continue;
    }
    if (word_in(&ts->t[i], range_links) < 0)
      np = 0;
    wd = word_in(&ts->t[i], weekdays);
    if (wd < 0 && (is(&ts->t[i], "jum'at") || is(&ts->t[i], "jumaat")))
      wd = 4;
    if (wd == 6 && !ts->t[i].cap && !(i > 0 && is(&ts->t[i - 1], "hari")) &&
        !eve_of(ts, i))
      continue;
    if (wd >= 0 && eve_of(ts, i))
      wd = (wd + 6) % 7;      /* "malam Minggu" is Saturday night */
    if (wd >= 0)
      add_item(inc, INCIDENT_WEEKDAY, wd + 1, NULL, NULL, NULL, 0);
  }
  feast_years(inc);
}

void
incident_add_date(struct incident *inc, int y, int m, int d)
{
  if (y == 0 && m == 0 && d == 0)
    return;
  add_item(inc, INCIDENT_DATE, (int64_t)y * 10000 + m * 100 + d, NULL, NULL,
           NULL, 0);
}

void
incident_add_place(struct incident *inc, const char *code)
{
  char kab[5];
  int n = 0;

  /* The kabupaten/kota: the first four digits of a Kemendagri code
   * ("5371", "53.71.01"). */
  for (; code != NULL && *code != '\0' && n < 4; code++)
    if (isdigit((unsigned char)*code))
      kab[n++] = *code;
  if (n < 4)
    return;
  kab[4] = '\0';
  add_item(inc, INCIDENT_PLACE, 0, kab, NULL, NULL, 0);
}

/* ------------------------------------------------------------------ */
/* Services                                                             */
/* ------------------------------------------------------------------ */

/*
 * The document, permit, programme or service a report is about, as
 * people name it: a phrase of up to three words (a word ending in '*'
 * matches any word it begins), the service's kind and, within the kind,
 * which one ("akta" of a birth or a death; "bansos" PKH or BLT).  A
 * phrase with no "which" stands for any of its kind ("akte" alone,
 * "bansos").  Earlier entries win where phrases overlap.
 */
static const struct {
  const char *w[3];
  const char *kind;
  const char *which;
} services[] = {
  {{"ktp", NULL, NULL}, "ktp", NULL}, {{"ektp", NULL, NULL}, "ktp", NULL},
  {{"kartu", "tanda", "penduduk"}, "ktp", NULL},
  {{"kartu", "keluarga", NULL}, "kk", NULL}, {{"kk", NULL, NULL}, "kk", NULL},
  {{"akt*", "kelahiran", NULL}, "akta", "lahir"},
  {{"akt*", "lahir*", NULL}, "akta", "lahir"},
  {{"akt*", "lhr", NULL}, "akta", "lahir"},
  {{"akt*", "kematian", NULL}, "akta", "mati"},
  {{"akt*", "mati", NULL}, "akta", "mati"},
  {{"surat", "kematian", NULL}, "akta", "mati"},
  {{"surat", "keterangan", "kematian"}, "akta", "mati"},
  {{"akt*", "nikah", NULL}, "akta", "nikah"},
  {{"akt*", "perkawinan", NULL}, "akta", "nikah"},
  {{"buku", "nikah", NULL}, "akta", "nikah"},
  {{"akt*", "cerai", NULL}, "akta", "cerai"},
  {{"akt*", "perceraian", NULL}, "akta", "cerai"},
  {{"akta", NULL, NULL}, "akta", NULL}, {{"akte", NULL, NULL}, "akta", NULL},
  {{"surat", "pindah", NULL}, "pindah", NULL},
  {{"skpwni", NULL, NULL}, "pindah", NULL},
  {{"skck", NULL, NULL}, "skck", NULL}, {{"sim", NULL, NULL}, "sim", NULL},
  {{"stnk", NULL, NULL}, "stnk", NULL}, {{"bpkb", NULL, NULL}, "bpkb", NULL},
  {{"kir", NULL, NULL}, "kir", NULL}, {{"paspor", NULL, NULL}, "paspor", NULL},
  {{"izin", "tinggal", NULL}, "izin", "tinggal"},
  {{"ijin", "tinggal", NULL}, "izin", "tinggal"},
  {{"kitas", NULL, NULL}, "izin", "tinggal"},
  {{"sertifikat", NULL, NULL}, "sertifikat", NULL},
  {{"sertipikat", NULL, NULL}, "sertifikat", NULL},
  {{"imb", NULL, NULL}, "izin", "bangunan"},
  {{"pbg", NULL, NULL}, "izin", "bangunan"},
  {{"izin", "mendirikan", NULL}, "izin", "bangunan"},
  {{"izin", "bangun*", NULL}, "izin", "bangunan"},
  {{"izin", "usaha", NULL}, "izin", "usaha"},
  {{"ijin", "usaha", NULL}, "izin", "usaha"},
  {{"siup", NULL, NULL}, "izin", "usaha"}, {{"nib", NULL, NULL}, "izin", "usaha"},
  {{"sktm", NULL, NULL}, "sktm", NULL},
  {{"keterangan", "tidak", "mampu"}, "sktm", NULL},
  /* a job seeker's card (AK/1, "kartu kuning") at the labour dinas:
   * another paper than the passport it recommends */
  {{"kartu", "kuning", NULL}, "ak1", NULL},
  {{"kartu", "pencari", "kerja"}, "ak1", NULL},
  {{"kartu", "ak", NULL}, "ak1", NULL}, {{"ak1", NULL, NULL}, "ak1", NULL},
  /* a letter of a fact ("surat keterangan ..."), by the fact: a birth
   * (the bidan's, before the akta), a domicile, a business, good
   * conduct; a letter of a birth and one of health are two papers */
  {{"keterangan", "lahir", NULL}, "akta", "lahir"},
  {{"keterangan", "kelahiran", NULL}, "akta", "lahir"},
  {{"surat", "kelahiran", NULL}, "akta", "lahir"},
  {{"surat", "lahir", NULL}, "akta", "lahir"},
  {{"keterangan", "domisili", NULL}, "domisili", NULL},
  {{"surat", "domisili", NULL}, "domisili", NULL},
  {{"keterangan", "usaha", NULL}, "izin", "usaha"},
  {{"keterangan", "kelakuan", "baik"}, "skck", NULL},
  {{"surat", "sehat", NULL}, "surat_sehat", NULL},
  {{"keterangan", "sehat", NULL}, "surat_sehat", NULL},
  {{"ijazah", NULL, NULL}, "ijazah", NULL},
  {{"rapor", NULL, NULL}, "rapor", NULL}, {{"raport", NULL, NULL}, "rapor", NULL},
  {{"kis", NULL, NULL}, "jkn", NULL}, {{"jkn", NULL, NULL}, "jkn", NULL},
  {{"bpjs", "kesehatan", NULL}, "jkn", NULL},
  {{"kartu", "indonesia", "sehat"}, "jkn", NULL},
  {{"bpjs", "ketenagakerjaan", NULL}, "jamsostek", NULL},
  {{"bpjs", "tk", NULL}, "jamsostek", NULL},
  {{"jht", NULL, NULL}, "jamsostek", NULL},
  {{"persalinan", NULL, NULL}, "persalinan", NULL},
  {{"melahirkan", NULL, NULL}, "persalinan", NULL},
  {{"bersalin", NULL, NULL}, "persalinan", NULL},
  {{"imunisasi", NULL, NULL}, "imunisasi", NULL},
  {{"kb", NULL, NULL}, "kb", NULL}, {{"implan", NULL, NULL}, "kb", NULL},
  {{"operasi", "caesar", NULL}, "persalinan", NULL},
  {{"operasi", "sesar", NULL}, "persalinan", NULL},
  {{"operasi", "sc", NULL}, "persalinan", NULL},
  {{"caesar", NULL, NULL}, "persalinan", NULL},
  {{"sesar", NULL, NULL}, "persalinan", NULL},
  /* an operation by its kind; "operasi" alone is also a police raid */
  {{"operasi", "katarak", NULL}, "operasi", "katarak"},
  {{"operasi", "mata", NULL}, "operasi", "katarak"},
  {{"operasi", "hernia", NULL}, "operasi", "hernia"},
  {{"operasi", "usus", NULL}, "operasi", "usus"},
  {{"operasi", "tumor", NULL}, "operasi", "tumor"},
  {{"operasi", "amandel", NULL}, "operasi", "amandel"},
  {{"operasi", "patah", NULL}, "operasi", "patah"},
  /* medicine sold or charged for: another thing paid for than a
   * letter or a treatment told with it */
  {{"obat", NULL, NULL}, "obat", NULL},
  {{"rawat", "inap", NULL}, "rawat_inap", NULL},
  {{"opname", NULL, NULL}, "rawat_inap", NULL},
  {{"pkh", NULL, NULL}, "bansos", "pkh"},
  {{"blt", NULL, NULL}, "bansos", "blt"},
  {{"bpnt", NULL, NULL}, "bansos", "bpnt"},
  {{"rtlh", NULL, NULL}, "bansos", "rtlh"},
  {{"tidak", "layak", "huni"}, "bansos", "rtlh"},
  {{"bedah", "rumah", NULL}, "bansos", "rtlh"},
  {{"beras", NULL, NULL}, "bansos", "beras"},
  {{"raskin", NULL, NULL}, "bansos", "beras"},
  {{"rastra", NULL, NULL}, "bansos", "beras"},
  {{"bibit", NULL, NULL}, "bansos", "bibit"},
  {{"benih", NULL, NULL}, "bansos", "bibit"},
  {{"pip", NULL, NULL}, "bansos", "pip"},
  {{"kip", NULL, NULL}, "bansos", "pip"},
  {{"indonesia", "pintar", NULL}, "bansos", "pip"},
  {{"bansos", NULL, NULL}, "bansos", NULL},
  {{"bantuan", "sosial", NULL}, "bansos", NULL},
  {{"pasang", "baru", NULL}, "listrik", "baru"},
  {{"sambung*", "baru", NULL}, "listrik", "baru"},
  {{"meteran", "baru", NULL}, "listrik", "baru"},
  {{"meteran", "listrik", "baru"}, "listrik", "baru"},
  {{"tambah", "daya", NULL}, "listrik", "daya"},
  {{"gaji*", NULL, NULL}, "upah", NULL}, {{"upah", NULL, NULL}, "upah", NULL},
  {{"insentif", NULL, NULL}, "upah", NULL},
  {{"tunjangan", NULL, NULL}, "upah", NULL},
  /* a teacher's professional allowance by its acronym or by the
   * certification it is paid for */
  {{"tpg", NULL, NULL}, "upah", NULL},
  {{"sertifikasi", "guru", NULL}, "upah", NULL},
  {{"uang", "sertifikasi", NULL}, "upah", NULL},
  {{"dana", "sertifikasi", NULL}, "upah", NULL},
  {{"honorarium", NULL, NULL}, "upah", NULL},
  {{"dana", "bos", NULL}, "bos", NULL}, {{"bos", "reguler", NULL}, "bos", NULL},
  {{"bos", "kinerja", NULL}, "bos", NULL}, {{"bosp", NULL, NULL}, "bos", NULL},
  {{"bumdes", NULL, NULL}, "bumdes", NULL},
  {{"bum", "desa", NULL}, "bumdes", NULL},
  {{"pinjaman", NULL, NULL}, "pinjaman", NULL},
  {{"kur", NULL, NULL}, "pinjaman", NULL},
  /* a civil servant's matters at a personnel office (BKD, BKPSDM): the
   * selection of PPPK or CPNS, a transfer, a promotion; "mutasi" of a
   * vehicle is none of them */
  {{"seleksi", "pppk", NULL}, "asn", "seleksi"},
  {{"seleksi", "cpns", NULL}, "asn", "seleksi"},
  {{"kelulusan", "pppk", NULL}, "asn", "seleksi"},
  {{"kelulusan", "cpns", NULL}, "asn", "seleksi"},
  {{"lulus", "pppk", NULL}, "asn", "seleksi"},
  {{"lulus", "cpns", NULL}, "asn", "seleksi"},
  {{"tes", "pppk", NULL}, "asn", "seleksi"},
  {{"tes", "cpns", NULL}, "asn", "seleksi"},
  {{"penerimaan", "pppk", NULL}, "asn", "seleksi"},
  {{"penerimaan", "cpns", NULL}, "asn", "seleksi"},
  {{"pengangkatan", "pppk", NULL}, "asn", "seleksi"},
  {{"pengangkatan", "cpns", NULL}, "asn", "seleksi"},
  {{"diangkat", "pppk", NULL}, "asn", "seleksi"},
  {{"diangkat", "cpns", NULL}, "asn", "seleksi"},
  {{"jadi", "pppk", NULL}, "asn", "seleksi"},
  {{"jadi", "cpns", NULL}, "asn", "seleksi"},
  {{"mutasi", "guru", NULL}, "asn", "mutasi"},
  {{"mutasi", "pegawai", NULL}, "asn", "mutasi"},
  {{"mutasi", "asn", NULL}, "asn", "mutasi"},
  {{"mutasi", "pns", NULL}, "asn", "mutasi"},
  {{"mutasi", "jabatan", NULL}, "asn", "mutasi"},
  {{"sk", "mutasi", NULL}, "asn", "mutasi"},
  {{"pindah", "tugas", NULL}, "asn", "mutasi"},
  {{"kenaikan", "pangkat", NULL}, "asn", "pangkat"},
  {{"naik", "pangkat", NULL}, "asn", "pangkat"},
};

/* 1 when token t is the pattern word p ("akt*": any word it begins). */
static int
service_word(const struct token *t, const char *p)
{
  size_t n;

  if (t->is_num || (p[0] != '*' && t->w[0] != p[0]))
    return 0;
  n = strlen(p);
  if (p[n - 1] == '*')
    return strncmp(t->w, p, n - 1) == 0;
  /* "paspornya", "ijazahnya": the service with its -nya */
  return strncmp(t->w, p, n) == 0 &&
         (t->w[n] == '\0' || strcmp(t->w + n, "nya") == 0);
}

/* Verbs of handling papers: "urus kk saya" is the family card, where "kk
 * saya" alone is "kakak saya" in SMS. */
static const char *const paper_verbs[] = {
  "urus", "mengurus", "buat", "bikin", "membuat", "cetak", "ganti",
  "ubah", "pecah", "perbaiki", "minta", "ambil", "tahan", "ditahan", NULL,
};

/* Words that make a word of kin someone's: "adik saya", "kk sy". */
static const char *const possessives[] = {"saya", "sy", "beta", "kami",
                                          "katong", "ku", NULL};

/* 1 when "kk" at token i is "kakak" (SMS): in lower case, before "saya"
 * or the like, after no verb of handling papers ("kk sy jg lihat"). */
static int
kin_kk(const struct tokens *ts, int i)
{
  return !ts->t[i].upper && i + 1 < ts->n && !ts->t[i + 1].stop &&
         word_in(&ts->t[i + 1], possessives) >= 0 &&
         !(i > 0 && word_in(&ts->t[i - 1], paper_verbs) >= 0);
}

static struct by_letter services_by_letter;

/* The words of services[e] at token i: their count, or 0.  "KK" after a
 * number counts households ("30 KK penerima"), no card. */
static int
service_at(const struct tokens *ts, int i, size_t e)
{
  int n;

  for (n = 0; n < 3 && services[e].w[n] != NULL; n++)
    if (i + n >= ts->n || (n > 0 && ts->t[i + n].stop) ||
        !service_word(&ts->t[i + n], services[e].w[n]))
      return 0;
  if (strcmp(services[e].kind, "kk") == 0 &&
      ((i > 0 && ts->t[i - 1].is_num) || kin_kk(ts, i)))
    return 0;
  return n;
}

/* The services the text names; one named with no "which" is dropped
 * when the text also names one of its kind with one ("beras bansos" is
 * the rice). */
static void
read_services(const struct tokens *ts, struct incident *inc)
{
  struct incident_item *it = inc->item[INCIDENT_SERVICE];
  size_t e;
  int i, j, k, n, lo, hi;

  /* A service's first word begins with the token's first letter
   * (service_word()): only those entries are tried, in their order. */
  for (i = 0; i < ts->n; i++) {
    if (ts->t[i].is_num)
      continue;
    by_letter_range(&services_by_letter, (unsigned char)ts->t[i].w[0],
                    COUNT(services), &lo, &hi);
    for (k = lo; k < hi; k++)
      if ((n = service_at(ts, i, e = by_letter_at(&services_by_letter,
                                                  k))) > 0) {
        add_item(inc, INCIDENT_SERVICE, 0, services[e].kind,
                 services[e].which, NULL, 0);
        i += n - 1;
        break;
      }
  }
  for (i = 0, n = 0; i < inc->n[INCIDENT_SERVICE]; i++) {
    for (j = 0, k = 0; j < inc->n[INCIDENT_SERVICE] && !k; j++)
      k = it[i].qual[0] == '\0' && it[j].qual[0] != '\0' &&
          strcmp(it[i].key, it[j].key) == 0;
    if (!k)
      it[n++] = it[i];
  }
  inc->n[INCIDENT_SERVICE] = n;
}

/* Services that one office alone gives, and that office: a text naming
 * the service names the office by its function ("uji kir", "penguji
 * KIR": the vehicle testing of the Dinas Perhubungan). */
static const struct {
  const char *service;
  const char *type;
  const char *field;
} service_offices[] = {
  {"kir", "dinas", "perhubungan"},
};

/* The offices of the services inc names (service_offices[]), when it
 * names them not already. */
static void
read_service_offices(struct incident *inc)
{
  size_t e;
  int i, n = inc->n[INCIDENT_SERVICE];

  for (i = 0; i < n; i++)
    for (e = 0; e < COUNT(service_offices); e++)
      if (strcmp(inc->item[INCIDENT_SERVICE][i].key,
                 service_offices[e].service) == 0)
        add_item(inc, INCIDENT_OFFICE, 0, service_offices[e].type,
                 service_offices[e].field, NULL, 0);
}

/* ------------------------------------------------------------------ */
/* Persons                                                              */
/* ------------------------------------------------------------------ */

/* Words before a person's name: honorifics as NTT reporters use them, and
 * police and army ranks. */
static const char *const honorifics[] = {
  "pak", "bapak", "bpk", "bp", "ibu", "bu", "mama", "mamak", "om", "tante",
  "kak", "kakak", "sdr", "saudara", "saudari", "nona", "nyong", "bung",
  "romo", "pater", "pastor", "pendeta", "pdt", "ustad", "ustadz", "haji",
  "bapa", "ama", "ina", "opa", "oma", "usi", "nenek", "nek", "kakek",
  "kek",
  "brigadir", "bripka", "briptu", "bripda", "aipda", "aiptu", "ipda",
  "iptu", "akp", "kompol", "akbp", "serda", "sertu", "serka", "kopda",
  "praka", "pratu", "letda", "lettu", "kapten", "mayor",
  /* The ranks of police and army written short ("Brigpol YT", "Bharada
   * Yosef", "Kombes"). */
  "brigpol", "bharada", "bharatu", "bharaka", "abripda", "abriptu",
  "abrip", "kombes", "serma", "pelda", "peltu", "prada", "koptu", NULL,
};

/* Role words that may stand between an honorific and the name ("Ibu
 * Sekdes Martha", "Pak Kaur Daniel"); they are never a name. */
static const char *const roles[] = {
  "kepala", "kades", "sekdes", "sekcam", "kaur", "kasi", "kabid", "kadis", "lurah",
  "camat", "guru", "dokter", "dr", "bidan", "mantri", "suster", "perawat",
  "kapus",
  "polisi", "petugas", "pegawai", "staf", "staff", "sekretaris",
  "bendahara", "ketua", "kapolsek", "kapolres", "kepsek", "kasubag",
  "operator", "sopir", "satpam", "jaksa", "hakim", "pendamping", "rt",
  "rw", "dusun", "desa", "sekolah", "dinas", "bagian", "seksi", "bidang",
  "ptk", "pns", "honorer", "honor", NULL,
};

/* Everyday words that follow an honorific in place of a name, in lower
 * case (SMS writes names in lower case too, so these must be told apart
 * from them). */
static const char *const not_names[] = {
  "yang", "yg", "itu", "tersebut", "ini", "dan", "dengan", "dgn", "di",
  "ke", "dari", "untuk", "utk", "minta", "meminta", "mintak", "bilang",
  "bilan", "kata", "katanya", "mau", "sudah", "sdh", "su", "sonde", "tidak",
  "tdk", "ada", "juga", "jg", "saya", "sy", "beta", "dia", "dong", "de",
  "saja", "sj", "lagi", "lg", "pung", "pu", "punya", "tu", "nya", "kami",
  "kita", "katong", "mereka", "langsung", "suruh", "menyuruh", "paksa",
  "terima", "kasih", "kasi", "ambil", "datang", "pergi", "pi", "bawa",
  "tanya", "jawab", "marah", "tolak", "menolak", "janji", "potong",
  "pakai", "pake", "pungut", "tarik", "makan", "ko", "ka", "sa", "lu",
  "kamu", "anda", "belum", "blm", "masih", "pernah", "akan", "bisa",
  "harus", "hrs", "sebagai", "selaku", "atas", "pada", "pd", "oleh",
  "setelah", "waktu", "saat", "sampai", "lalu", "terus", "trus", "pun",
  "rp", "uang", "doi", "rumah", "kantor", "kalau", "kalo", "kl", "klo",
  "supaya", "agar", "biar", "karena", "krn", "tapi", "tetapi", "padahal",
  "pdhl", "sejak", "selama", "tiap", "setiap", "per", "sama", "sm",
  "kejadian", "baru", "lama", "selalu", "sering", "bulan", "bln",
  "tahun", "thn", "hari", "tanggal", "tgl", "jam", "pagi", "siang", "sore",
  "malam", "triwulan", "semester", "caturwulan",
  "hamil", "menyusui",   /* "ibu hamil": a pregnant woman */
  "tua",                 /* "kakek tua", "oma tua": an old man, woman */
  NULL,
};

static int office_lookup(const char *w, size_t *k);

/* 1 when token t can be (part of) a person's name: a word of at least
 * three letters, a capital or no everyday word; no office word ("Bapa
 * kepsek SMP 2": the school, not a name). */
static int
name_like(const struct token *t, int cap_only)
{
  size_t k;

  if (t->is_num || strlen(t->w) < 3 || word_in(t, roles) >= 0 ||
      word_in(t, honorifics) >= 0 || office_lookup(t->w, &k))
    return 0;
  if (t->cap && word_in(t, not_names) < 0)
    return 1;
  return !cap_only && word_in(t, not_names) < 0 &&
         word_in(t, weekdays) < 0 && month_of(t, 0) == 0;
}

/* The most letters of initials after an honorific ("Brigpol YT", "Pak
 * AS") and after "inisial" ("berinisial MHS"): three letters after an
 * honorific are often a post ("Pak PPK", "Ibu KTU"). */
#define INITIALS_AFTER_HONORIFIC 2
#define INITIALS_AFTER_LEAD 3

static int dinas_field(const struct token *t);

/* 1 when token t is a person's initials: two to most capitals, no
 * number, role, office, field of a dinas or everyday word ("Pak RT" is
 * a post, "bendahara dinas PK" an office). */
static int
initials_like(const struct token *t, size_t most)
{
  size_t n = strlen(t->w), i, k;

  if (!t->upper || t->is_num || t->glued || n < 2 || n > most ||
      word_in(t, roles) >= 0 || word_in(t, not_names) >= 0 ||
      office_lookup(t->w, &k) || dinas_field(t) >= 0)
    return 0;
  for (i = 0; i < n; i++)
    if (t->w[i] < 'a' || t->w[i] > 'z')
      return 0;
  return 1;
}

/* Add the person named by the initials of token t ("YT"): a name with a
 * capital, marked as initials (cap). */
static void
add_initials(struct incident *inc, const struct token *t)
{
  struct incident_item *it =
      add_item(inc, INCIDENT_PERSON, 0, t->w, NULL, NULL, 1);

  if (it != NULL)
    it->cap = 1;
}

static void
read_persons(const struct tokens *ts, struct incident *inc)
{
  int i, j, skipped;

  for (i = 0; i + 1 < ts->n; i++) {
    if (word_in(&ts->t[i], honorifics) < 0)
      continue;
    for (j = i + 1, skipped = 0;
         j < ts->n && skipped < 2 && word_in(&ts->t[j], roles) >= 0; j++)
      skipped++;
    if (j < ts->n && !ts->t[j].stop &&
        initials_like(&ts->t[j], INITIALS_AFTER_HONORIFIC)) {
      add_initials(inc, &ts->t[j]);
      i = j;
      continue;
    }
    if (j >= ts->n || ts->t[j].stop || !name_like(&ts->t[j], 0))
      continue;
    /* A second name must look like one: a capital, or lower case as the
     * first was. */
    /* flag: a name with a capital, which alone can conflict; not a
     * name in brackets after another ("Pak Camat (Om Anis)"): what
     * people call them, which may meet but is no second person. */
    add_item(inc, INCIDENT_PERSON, 0, ts->t[j].w, NULL,
             j + 1 < ts->n && !ts->t[j + 1].stop &&
             name_like(&ts->t[j + 1], ts->t[j].cap)
               ? ts->t[j + 1].w : NULL, ts->t[j].cap && !ts->t[i].open);
    i = j;
  }
}

/* ------------------------------------------------------------------ */
/* Offices                                                              */
/* ------------------------------------------------------------------ */

/* How an office's type word is qualified. */
enum qual_mode {
  Q_NAME,      /* by the name after it: "Puskesmas Oesapa" */
  Q_NUMBER,    /* by a number or a name: "SMPN 2 Kupang", "SDN Oebufu" */
  Q_FIELD      /* by its field: "Dinas Kesehatan" (dinas_fields[]) */
};

/*
 * Office words: the word, the type it names, how it is qualified, and
 * whether it is weak: also an everyday word or a mention in passing
 * ("dana desa", "sonde jalan", "pasien BPJS"), which names an office only
 * with its qualifier.  A word that is a field of "dinas" on its own
 * ("Dukcapil") is the type "dinas" with that field as qualifier.
 */
static const struct {
  const char *w;
  const char *type;
  const char *field;   /* the qualifier it carries itself, or NULL */
  enum qual_mode q;
  int weak;
} office_words[] = {
  {"samsat", "samsat", NULL, Q_NAME, 0},
  {"puskesmas", "puskesmas", NULL, Q_NAME, 0},
  {"pkm", "puskesmas", NULL, Q_NAME, 0}, {"pustu", "pustu", NULL, Q_NAME, 0},
  {"kapus", "puskesmas", NULL, Q_NAME, 0},
  {"rsud", "rsud", NULL, Q_NAME, 0}, {"rs", "rsud", NULL, Q_NAME, 1},
  {"rsu", "rsud", NULL, Q_NAME, 0},
  {"polsek", "polsek", NULL, Q_NAME, 0}, {"polres", "polres", NULL, Q_NAME, 0},
  {"polda", "polda", NULL, Q_NAME, 0},
  {"polresta", "polres", NULL, Q_NAME, 0},
  {"satlantas", "polres", NULL, Q_NAME, 0},
  {"kapolsek", "polsek", NULL, Q_NAME, 0},
  {"kapolres", "polres", NULL, Q_NAME, 0},
  {"kejari", "kejaksaan", NULL, Q_NAME, 0},
  {"kejaksaan", "kejaksaan", NULL, Q_NAME, 0},
  {"kejati", "kejaksaan", NULL, Q_NAME, 0},
  {"pengadilan", "pengadilan", NULL, Q_NAME, 0},
  {"bpn", "bpn", NULL, Q_NAME, 0}, {"pertanahan", "bpn", NULL, Q_NAME, 0},
  {"pln", "pln", NULL, Q_NAME, 0}, {"pdam", "pdam", NULL, Q_NAME, 0},
  {"pam", "pdam", NULL, Q_NAME, 0},
  {"imigrasi", "imigrasi", NULL, Q_NAME, 0}, {"kpp", "pajak", NULL, Q_NAME, 0},
  {"plbn", "plbn", NULL, Q_NAME, 0},
  {"pajak", "pajak", NULL, Q_NAME, 1}, {"bkd", "bkd", NULL, Q_NAME, 0},
  {"bkpsdm", "bkd", NULL, Q_NAME, 0}, {"bpjs", "bpjs", NULL, Q_NAME, 1},
  {"satpol", "satpol", NULL, Q_NAME, 0},
  {"bpkad", "bpkad", NULL, Q_NAME, 0}, {"bappeda", "bappeda", NULL, Q_NAME, 0},
  {"inspektorat", "inspektorat", NULL, Q_NAME, 0},
  {"dprd", "dprd", NULL, Q_NAME, 0},
  {"dewan", "dprd", NULL, Q_NAME, 1}, {"bpbd", "bpbd", NULL, Q_NAME, 0},
  {"kua", "kua", NULL, Q_NAME, 0}, {"bulog", "bulog", NULL, Q_NAME, 0},
  {"kemenag", "kemenag", NULL, Q_NAME, 0},
  {"lapas", "lapas", NULL, Q_NAME, 0}, {"rutan", "rutan", NULL, Q_NAME, 0},
  /* The secretariat of a kabupaten/kota and its head ("Sekda Malaka",
   * "Setda TTS", "sekretaris daerah", "kantor bupati"). */
  {"setda", "setda", NULL, Q_NAME, 0}, {"sekda", "setda", NULL, Q_NAME, 0},
  /* "LP Penfui": the lembaga pemasyarakatan, by its shorthand. */
  {"lp", "lapas", NULL, Q_NAME, 1},
  {"tps", "tps", NULL, Q_NUMBER, 1},
  {"desa", "desa", NULL, Q_NAME, 1}, {"kades", "desa", NULL, Q_NAME, 1},
  {"sekdes", "desa", NULL, Q_NAME, 1},
  {"kelurahan", "kelurahan", NULL, Q_NAME, 1},
  {"lurah", "kelurahan", NULL, Q_NAME, 1},
  {"kecamatan", "kecamatan", NULL, Q_NAME, 1},
  {"camat", "kecamatan", NULL, Q_NAME, 1},
  {"sekcam", "kecamatan", NULL, Q_NAME, 1}, {"pasar", "pasar", NULL, Q_NAME, 1},
  {"pelabuhan", "pelabuhan", NULL, Q_NAME, 1},
  {"terminal", "terminal", NULL, Q_NAME, 1},
  /* "jembatan timbang" (office_pairs[]): a weighbridge. */
  {"jembatantimbang", "timbang", NULL, Q_NAME, 1},
  {"bandara", "bandara", NULL, Q_NAME, 1}, {"bank", "bank", NULL, Q_NAME, 1},
  {"jalan", "jalan", NULL, Q_NAME, 1}, {"jln", "jalan", NULL, Q_NAME, 1},
  {"jl", "jalan", NULL, Q_NAME, 1},
  {"sd", "sd", NULL, Q_NUMBER, 1}, {"sdn", "sd", NULL, Q_NUMBER, 1},
  {"sdi", "sd", NULL, Q_NUMBER, 1}, {"sdk", "sd", NULL, Q_NUMBER, 1},
  {"smp", "smp", NULL, Q_NUMBER, 1}, {"smpn", "smp", NULL, Q_NUMBER, 1},
  {"smpk", "smp", NULL, Q_NUMBER, 1}, {"sma", "sma", NULL, Q_NUMBER, 1},
  {"sman", "sma", NULL, Q_NUMBER, 1}, {"smak", "sma", NULL, Q_NUMBER, 1},
  {"smk", "smk", NULL, Q_NUMBER, 1}, {"smkn", "smk", NULL, Q_NUMBER, 1},
  {"mts", "mts", NULL, Q_NUMBER, 1},
  {"rt", "rt", NULL, Q_NUMBER, 1}, {"rw", "rw", NULL, Q_NUMBER, 1},
  {"dusun", "dusun", NULL, Q_NUMBER, 1},
  {"km", "km", NULL, Q_NUMBER, 1}, {"kilometer", "km", NULL, Q_NUMBER, 1},
  {"dinas", "dinas", NULL, Q_FIELD, 1}, {"kadis", "dinas", NULL, Q_FIELD, 1},
  {"dukcapil", "dinas", "dukcapil", Q_NAME, 0},
  {"disdukcapil", "dinas", "dukcapil", Q_NAME, 0},
  {"dispenduk", "dinas", "dukcapil", Q_NAME, 0},
  {"dispendukcapil", "dinas", "dukcapil", Q_NAME, 0},
  {"capil", "dinas", "dukcapil", Q_NAME, 0},
  {"dinkes", "dinas", "kesehatan", Q_NAME, 0},
  {"disdik", "dinas", "pendidikan", Q_NAME, 0},
  {"dikbud", "dinas", "pendidikan", Q_NAME, 0},
  {"disdikbud", "dinas", "pendidikan", Q_NAME, 0},
  {"dinsos", "dinas", "sosial", Q_NAME, 0},
  {"dishub", "dinas", "perhubungan", Q_NAME, 0},
  {"distan", "dinas", "pertanian", Q_NAME, 0},
  {"disnaker", "dinas", "naker", Q_NAME, 0},
  {"nakertrans", "dinas", "naker", Q_NAME, 0},
  {"disnakertrans", "dinas", "naker", Q_NAME, 0},
  {"dispenda", "dinas", "pendapatan", Q_NAME, 0},
  {"bapenda", "dinas", "pendapatan", Q_NAME, 0},
  {"pupr", "dinas", "pupr", Q_NAME, 0},
  {"pmptsp", "dinas", "pmptsp", Q_NAME, 0},
  {"dpmptsp", "dinas", "pmptsp", Q_NAME, 0},
  {"dlh", "dinas", "lh", Q_NAME, 0},
  {"dinkominfo", "dinas", "kominfo", Q_NAME, 0},
  /* "DKP Flotim", "Diskan Alor", "Disnak Sumba Timur", "Disperindag". */
  {"dkp", "dinas", "perikanan", Q_NAME, 0},
  {"diskan", "dinas", "perikanan", Q_NAME, 0},
  {"dislautkan", "dinas", "perikanan", Q_NAME, 0},
  {"disnak", "dinas", "peternakan", Q_NAME, 0},
  {"dishut", "dinas", "kehutanan", Q_NAME, 0},
  {"dispar", "dinas", "pariwisata", Q_NAME, 0},
  {"disparekraf", "dinas", "pariwisata", Q_NAME, 0},
  {"disperindag", "dinas", "perdagangan", Q_NAME, 0},
  {"diskop", "dinas", "koperasi", Q_NAME, 0},
  {"diskopukm", "dinas", "koperasi", Q_NAME, 0},
  {"dispora", "dinas", "pemuda", Q_NAME, 0},
  {"disperkim", "dinas", "perumahan", Q_NAME, 0},
  {"dpmd", "dinas", "pmd", Q_NAME, 0},
  /* Farmers' groups and their kiosks ("Poktan Tunas Harapan", "kelompok
   * tani sumber rejeki", "kios tani makmur"), companies holding a
   * contract ("CV Karya Abadi", "PT Nusa Bunga"), the court by its
   * shorthand ("PN Kalabahi"), the harbour master ("KSOP Tenau"), the
   * port's authority: one office with the port. */
  {"poktan", "poktan", NULL, Q_NAME, 1},
  {"gapoktan", "poktan", NULL, Q_NAME, 1},
  {"kios", "kios", NULL, Q_NAME, 1},
  {"pt", "perusahaan", NULL, Q_NAME, 1}, {"cv", "perusahaan", NULL, Q_NAME, 1},
  {"pn", "pengadilan", NULL, Q_NAME, 1},
  {"ksop", "pelabuhan", NULL, Q_NAME, 1},
  {"syahbandar", "pelabuhan", NULL, Q_NAME, 1},
  {"kesyahbandaran", "pelabuhan", NULL, Q_NAME, 1},
};

/* Office words of two words: the pair and the entry of office_words[]
 * they stand for ("kios tani makmur": the kiosk is "makmur"). */
static const struct {
  const char *w1, *w2, *as;
} office_pairs[] = {
  {"rumah", "sakit", "rsud"}, {"catatan", "sipil", "capil"},
  {"kementerian", "agama", "kemenag"}, {"kelompok", "tani", "poktan"},
  {"kios", "tani", "kios"}, {"kios", "pupuk", "kios"},
  {"lembaga", "pemasyarakatan", "lapas"}, {"sekretaris", "daerah", "sekda"},
  {"kantor", "bupati", "setda"}, {"jembatan", "timbang", "jembatantimbang"},
  {"puskesmas", "pembantu", "pustu"}, {"pol", "pp", "satpol"},
};

/* The head of an office in one word: "ka" and the office word
 * ("kadinkes", "kalapas", "kasatpol"), the office word of 4 letters or
 * more. */
#define OFFICE_HEAD "ka"
#define OFFICE_HEAD_MIN 4

/* The field after "dinas": words and the field they name. */
static const struct {
  const char *w;
  const char *field;
} dinas_fields[] = {
  {"kesehatan", "kesehatan"}, {"pendidikan", "pendidikan"},
  /* "Dinas P dan K", "P&K", "PK": Pendidikan dan Kebudayaan. */
  {"p", "pendidikan"}, {"pk", "pendidikan"}, {"pdk", "pendidikan"},
  {"kebudayaan", "pendidikan"}, {"dikbud", "pendidikan"},
  {"kependudukan", "dukcapil"}, {"dukcapil", "dukcapil"},
  {"catatan", "dukcapil"}, {"capil", "dukcapil"}, {"sosial", "sosial"},
  {"perhubungan", "perhubungan"}, {"pertanian", "pertanian"},
  {"perikanan", "perikanan"}, {"kelautan", "perikanan"},
  {"peternakan", "peternakan"}, {"kehutanan", "kehutanan"},
  {"pekerjaan", "pupr"}, {"pu", "pupr"}, {"pupr", "pupr"},
  {"pmptsp", "pmptsp"}, {"perizinan", "pmptsp"}, {"penanaman", "pmptsp"},
  {"pariwisata", "pariwisata"}, {"tenaga", "naker"}, {"nakertrans", "naker"},
  {"lingkungan", "lh"}, {"perdagangan", "perdagangan"},
  {"perindustrian", "perdagangan"}, {"koperasi", "koperasi"},
  {"pendapatan", "pendapatan"}, {"kominfo", "kominfo"},
  {"komunikasi", "kominfo"}, {"pemberdayaan", "pmd"},
  /* "Dinas PMD", "Dinas DPMD": Pemberdayaan Masyarakat dan Desa. */
  {"pmd", "pmd"}, {"dpmd", "pmd"},
  {"perumahan", "perumahan"}, {"pemuda", "pemuda"},
  {"ketahanan", "pangan"}, {"pangan", "pangan"},
};

/* Words that go on a field of several words after its first ("P dan K",
 * "Kependudukan dan Pencatatan Sipil", "Pekerjaan Umum dan Penataan
 * Ruang"), besides the words of dinas_fields[]. */
static const char *const field_tails[] = {
  "dan", "k", "pencatatan", "sipil", "umum", "penataan", "ruang",
  "olahraga", "transmigrasi", "hidup", "modal", "terpadu", "satu", "pintu",
  "masyarakat", "desa", "informatika", "statistik", "kawasan",
  "permukiman", "keluarga", "berencana", "perempuan", "anak", NULL,
};

/* The entry of dinas_fields[] for token t's word, or -1. */
static int
dinas_field(const struct token *t)
{
  size_t f;

  for (f = 0; f < COUNT(dinas_fields); f++)
    if (is(t, dinas_fields[f].w))
      return (int)f;
  return -1;
}

/* Type words, never the name of an office ("Dinas PUPR Belu": Belu). */
static const char *const office_types_words[] = {
  "samsat", "puskesmas", "rsud", "polsek", "polres", "polresta", "dinas",
  "dukcapil",
  "bpjs", "desa", "kelurahan", "kecamatan", "pasar", "jalan", "sekolah",
  "kantor", "pupr", "pmptsp", "bpn", "pln", "pdam", NULL,
};

/* Words skipped between an office and its name ("Samsat Kota Kupang",
 * "SMP Negeri 2", "Pasar Inpres Naikoten", "RS Umum Daerah Soe"). */
static const char *const office_filler[] = {
  "kota", "kabupaten", "kab", "provinsi", "prov", "negeri", "inpres",
  /* Negeri misspelt ("SMP Negri Satu So'e") */
  "negri",
  "umum", "daerah", "rayon", "ulp", "up3", "unit", "kantor", "kec",
  "kecamatan", "kel", "kelurahan", "desa", "resort", "sektor", "cabang",
  "pratama", "kelas", "ntt", "no", "nomor", "nomer", "di", "wilayah", "ruas",
  /* "Lapas Kelas IIA", "Pelabuhan Penyeberangan Bolok" */
  "i", "ii", "iia", "iib", "iii", "penyeberangan",
  /* "Kantor Imigrasi Kelas I TPI Kupang", "Kelas II Non TPI", "KPP Madya" */
  "tpi", "non", "madya",
  NULL,
};

/* Shorthand of place names that qualify offices. */
static const struct {
  const char *from;
  const char *to;
} place_short[] = {
  {"kpg", "kupang"}, {"kefa", "kefamenanu"}, {"mabar", "manggaraibarat"},
  {"labuan", "labuanbajo"}, {"sumtim", "sumbatimur"}, {"sumba", "sumba"},
  {"flotim", "florestimur"}, {"tts", "soe"}, {"ttu", "kefamenanu"},
  {"matim", "manggaraitimur"}, {"sumbar", "sumbabarat"},
  {"sbd", "sumbabaratdaya"}, {"wgp", "waingapu"}, {"lbj", "labuanbajo"},
};

static void name_directions(const struct tokens *ts, int j, const char *w,
                            char *out);

/* The place token j names in shorthand ("kefa", "labuan [bajo]",
 * "mabar"), spelt out with its directions into out; 0 when it is no
 * shorthand. */
static int
place_shorthand(const struct tokens *ts, int j, char *out)
{
  size_t i;

  for (i = 0; !ts->t[j].is_num && i < COUNT(place_short); i++)
    if (strcmp(ts->t[j].w, place_short[i].from) == 0) {
      name_directions(ts, j, place_short[i].to, out);
      return 1;
    }
  return 0;
}

/* Directions that are part of a place's name ("Amarasi Barat", "Sumba
 * Barat Daya", "Rote Barat Laut"): many kecamatan and kabupaten of NTT
 * differ by them alone. */
static const char *const directions[] = {
  "barat", "timur", "utara", "selatan", "tengah", "laut", "daya", NULL,
};

/* Words that number villages split from one ("Desa Waepana I",
 * "Kelurahan Bakunase Dua", "naikoten satu"): a roman numeral, or a
 * number in words, read as the numeral of the same place. */
static const char *const numerals[] = {"i", "ii", "iii", "iv", NULL};
static const char *const numbering[] = {"satu", "dua", "tiga", "empat",
                                        NULL};

/* The numeral token j numbers a name with (numerals[]), or NULL; a
 * number in words that counts the word after it ("desa Tliu dua tahun")
 * numbers nothing. */
static const char *
numbers_name(const struct tokens *ts, int j)
{
  const struct token *t = &ts->t[j];
  int k;

  if (t->is_num || t->stop)
    return NULL;
  if ((k = word_in(t, numerals)) >= 0 ||
      ((k = word_in(t, numbering)) >= 0 && !counted_by(ts, j + 1)))
    return numerals[k];
  return NULL;
}

/* The name w at token j with the direction words after it joined on
 * ("Amarasi Barat" as "amarasibarat"), and a number after it
 * ("Waepana I" as "waepanai"), into out. */
static void
name_directions(const struct tokens *ts, int j, const char *w, char *out)
{
  const char *num;
  size_t n, m;
  int k;

  snprintf(out, INCIDENT_KEY, "%s", w);
  n = strlen(out);
  for (k = j + 1; k < ts->n && k <= j + 2 && !ts->t[k].stop &&
                  word_in(&ts->t[k], directions) >= 0; k++) {
    m = strlen(ts->t[k].w);
    if (n + m >= INCIDENT_KEY)
      break;
    memcpy(out + n, ts->t[k].w, m + 1);
    n += m;
  }
  if (k < ts->n && (num = numbers_name(ts, k)) != NULL &&
      n + (m = strlen(num)) < INCIDENT_KEY)
    memcpy(out + n, num, m + 1);
}

/* Fillers that say an office is the province's ("BKD Provinsi NTT",
 * "Polda NTT"): there is one of its type. */
static const char *const province_words[] = {"provinsi", "prov", "ntt",
                                             NULL};

/* Prefixes of Indonesian verbs and adverbs (mencabut, berkarat,
 * terbakar, ditahan, sepanjang): a word in lower case with one of them is
 * an everyday word after an office, not its name ("PLN mencabut", "desa
 * seluas"); the length is the least a word must have to count. */
static const struct {
  const char *p;
  size_t min;
} everyday_prefixes[] = {
  {"me", 5}, {"ber", 5}, {"ter", 6}, {"di", 5}, {"se", 6},
};

/* Everyday words that follow an office in lower case, besides
 * not_names: "PDAM mati", "desa tanpa musyawarah". */
static const char *const office_not_names[] = {
  "tanpa", "mati", "wajib", "rusak", "macet", "tutup", "buka", "hanya",
  "cuma", "semua", "lain", "mana", "sini", "sana", "dekat", "depan",
  "belakang", "sekitar", "setempat",
  /* where beside a thing: "lahan desa di pinggir pantai" */
  "pinggir", "tepi", "samping", "sebelah", "seberang", "ujung", "pojok", "kami", "kita", "katong", "tagih",
  "jual", "menjual", "dijual", "diam", "lihat", "liat",
  /* bare verbs of what an office did: "BPBD kirim air", "Bulog simpan" */
  "kirim", "antar", "angkut", "bagi", "jemput", "simpan", "tunda", "tahan",
  "periksa", "ukur", "sita", "gusur", "angkat", "bongkar", "usir",
  "tangkap", "razia", "tertibkan",
  /* bare verbs of money taken, and of being hit by it: "RT setor", "guru
   * SD kena" */
  "setor", "pungut", "potong", "kena", NULL,
};

/* Everyday nouns of reports (goods, animals, crops, land, vehicles,
 * papers): in lower case after an office or "di", "ke", "dari" they are
 * things, never the name of an office or a place ("camat di obat",
 * "bank di tenun", "ke kebun"), while a village in lower case ("di
 * oesapa") still is one. */
static const char *const everyday_nouns[] = {
  "sapi", "kambing", "babi", "ayam", "ikan", "kuda", "ternak", "beras",
  "jagung", "padi", "pupuk", "bibit", "benih", "obat", "vaksin", "garam",
  "kopi", "tenun", "kain", "kayu", "batu", "pasir", "semen", "besi",
  "solar", "bensin", "minyak", "listrik", "lampu", "sumur", "pipa",
  "tanah", "kebun", "hutan", "sawah", "ladang", "laut", "pantai",
  "sungai", "kali", "gudang", "kamar", "parkir", "truk", "mobil", "motor",
  "kapal", "perahu", "kartu", "beasiswa", "rapor", "ijazah", "pinjaman",
  "sertifikat", "retribusi", "izin", "proyek", "dana", "bantuan",
  "nelayan", "guru", "bidan", "ambulans", "gaji", "makanan", "sembako",
  "surat", "berkas", "buku", "seragam",
  /* care: "pasien BPJS operasi", "peserta BPJS rawat jalan" */
  "operasi", "rawat", "berobat", "kontrol", "rujukan", "peserta", "cuci",
  /* kinds of road: "jalan rabat", "jalan tani", "jalan hotmix" */
  "rabat", "beton", "aspal", "setapak", "tani", "hotmix", "lapen", "paving",
  "makadam", "kerikil", "sirtu", "lingkungan", "poros",
  /* whose a thing is: "CV milik adik" */
  "milik",
  /* businesses: "ke perusahaan milik adiknya", "dijual di toko" */
  "perusahaan", "toko", "warung", NULL,
};

static int act_word(const struct token *t);

/* The suffix of possession and its least stem. */
#define NYA "nya"
#define NYA_STEM_MIN 4

/* 1 when t, written in lower case, is an everyday word and no name: a
 * word of office_not_names[] or everyday_nouns[], a word that tells an
 * act (act_word()), a verb by its prefix, or a word with "-nya". */
static int
everyday_word(const struct token *t)
{
  size_t i, n = strlen(t->w);

  if (t->cap)
    return 0;
  if (word_in(t, office_not_names) >= 0 || word_in(t, everyday_nouns) >= 0 ||
      act_word(t))
    return 1;
  /* A word with the suffix "-nya" ("wilayahnya", "kantornya"): a noun
   * of the story, no name. */
  if (n >= strlen(NYA) + NYA_STEM_MIN &&
      strcmp(t->w + n - strlen(NYA), NYA) == 0)
    return 1;
  for (i = 0; i < COUNT(everyday_prefixes); i++)
    if (n >= everyday_prefixes[i].min &&
        strncmp(t->w, everyday_prefixes[i].p,
                strlen(everyday_prefixes[i].p)) == 0)
      return 1;
  return 0;
}

/* Abbreviations written with a dot that does not end anything: "Jl. El
 * Tari", "Kab. Kupang", "Kec. Alak". */
static const char *const dotted[] = {"jl", "jln", "kab", "kec", "kel", "ds",
                                     "no", NULL};

/* Does punctuation stand before token j, other than an abbreviation's
 * dot? */
static int
stop_at(const struct tokens *ts, int j)
{
  return ts->t[j].stop && !(j > 0 && word_in(&ts->t[j - 1], dotted) >= 0);
}

/* A name of a short capitalised word and the next word ("Jalan El Tari",
 * "Jl. H.R. Koroh" no: only two words of letters) into out as one word
 * ("eltari"); 0 when token j does not start one.  A word after a dash
 * is another name ("Jalan Soe-Kapan": a road by its two ends). */
static int
short_name(const struct tokens *ts, int j, char *out)
{
  const struct token *t, *u;
  size_t n;

  if (j + 1 >= ts->n)
    return 0;
  t = &ts->t[j];
  n = strlen(t->w);
  if (t->is_num || !t->cap || n < 2 || n > 3)
    return 0;
  u = &ts->t[j + 1];
  if (u->is_num || u->stop || u->dash || !u->cap || strlen(u->w) < 3 ||
      word_in(u, not_names) >= 0 || n + strlen(u->w) >= INCIDENT_KEY)
    return 0;
  memcpy(out, t->w, n);
  memcpy(out + n, u->w, strlen(u->w) + 1);
  return 1;
}

static int wide_place(const char *w);

/* Words that tell no incident apart: the everyday ones and those of any
 * complaint (who, money, asking, paying, the office and the people
 * served, time), formal and Kupang Malay. */
static const char *const generic_words[] = {
  "yang", "dengan", "untuk", "dari", "pada", "kepada", "oleh", "karena",
  "tetapi", "sudah", "belum", "tidak", "bukan", "juga", "saja", "lagi",
  "harus", "bisa", "akan", "masih", "hanya", "cuma", "sama", "seperti",
  "kalau", "tanpa", "sampai", "setelah", "waktu", "saat", "ketika", "lalu",
  "terus", "baru", "sejak", "selama", "sekarang", "tadi", "padahal",
  "katanya", "bilang", "kata", "tahu", "mereka", "saya", "kami", "kita",
  "katong", "dong", "punya", "orang", "semua", "banyak", "setiap", "tiap",
  "para", "ada", "itu", "ini", "tersebut", "sana", "sini", "mana", "apa",
  "siapa", "dia", "nama", "bernama", "mau", "mo", "pernah", "selalu",
  "sering", "diduga", "curiga", "memang", "sangat", "lebih", "kurang",
  "petugas", "pegawai", "oknum", "pihak", "kepala", "staf", "aparat",
  "pejabat", "kantor", "dinas", "bagian", "loket", "warga", "masyarakat",
  "keluarga", "bapak", "ibu", "mama", "bapa", "anak", "uang", "biaya",
  "bayar", "minta", "kasih", "beri", "terima", "dapat", "ambil", "urus",
  "pakai", "buat", "jadi", "kerja", "datang", "pergi", "tunggu", "alasan",
  "resmi", "gratis", "ribu", "juta", "rupiah", "tanggal", "hari",
  "minggu", "bulan", "tahun", "kemarin", "lama", "laporan", "lapor",
  "kabupaten", "kota", "kecamatan", "kelurahan", "desa", "dusun",
  "kupang", "provinsi", "jalan", "rumah", "suruh", "tolong", "pelayanan",
  "layanan", "proses", "surat", "data", "tetap", "lain", "langsung",
  "begitu", "sehingga", "agar", "supaya", "namun", "sedangkan", "dulu",
  "dan", "lah", "pun", "kok", "nah", "deh", "sih", "tuh", "kan", "tau",
  "pas", "sekali", "pula", "atau", "bahwa", "jika", "biar", "cepat",
  "proyek", "kontraktor", "bantuan", "dana", "program", "siswa", "murid",
  "sekolah", "guru", "camat", "lurah", "kades", "bupati", "pemerintah",
  "daerah", "umum", "negeri", "simpang", "depan", "dekat", "raya",
  "timor", "pasien", "penerima", "rakyat", "perangkat", "sekretaris",
  "bendahara", "honorer", "kerja", "tempat", "wilayah", "kampung",
  NULL,
};

/* The qualifier name at token j (a filler skipped), into out; 0 when
 * there is none, 2 when it is a word written with a capital.  A stage of
 * a payment ("Dana Desa tahap I") is no name.  With no
 * name after "provinsi" or "NTT" the qualifier is "ntt". */
static int
office_name(const struct tokens *ts, int j, char *out)
{
  const struct token *t;
  int province = 0;

  /* "Satpol PP Kota Kupang": after "PP" only a filler or a capital
   * leads to a name ("satpol pp angkat jualan" names none). */
  if (j + 1 < ts->n && is(&ts->t[j], "pp") && !stop_at(ts, j + 1) &&
      (ts->t[j + 1].cap || word_in(&ts->t[j + 1], office_filler) >= 0))
    j++;
  /* "Pol PP rampas sayur": the office read from its two words, j is
   * past "PP" already; the same holds. */
  else if (j > 0 && j < ts->n && is(&ts->t[j - 1], "pp") &&
           !stop_at(ts, j) && !ts->t[j].cap &&
           word_in(&ts->t[j], office_filler) < 0)
    return 0;
  while (j < ts->n && !stop_at(ts, j) &&
         word_in(&ts->t[j], office_filler) >= 0)
    province |= word_in(&ts->t[j++], province_words) >= 0;
  t = j < ts->n && !stop_at(ts, j) ? &ts->t[j] : NULL;
  if (t != NULL && place_shorthand(ts, j, out))
    return t->cap ? 2 : 1;
  if (t != NULL && short_name(ts, j, out))
    return 2;
  if (t == NULL || t->is_num || strlen(t->w) < 3 ||
      word_in(t, not_names) >= 0 ||
      word_in(t, roles) >= 0 || word_in(t, honorifics) >= 0 ||
      is_currency(t) || (!t->cap && strlen(t->w) < 4) ||
      word_in(t, weekdays) >= 0 || month_of(t, 0) != 0 ||
      word_in(t, stage_units) >= 0 ||
      word_in(t, office_types_words) >= 0 || everyday_word(t) ||
      (!t->cap && word_in(t, generic_words) >= 0 && !wide_place(t->w))) {
    if (province)
      snprintf(out, INCIDENT_KEY, "ntt");
    return province;
  }
  name_directions(ts, j, t->w, out);
  return t->cap ? 2 : 1;
}

/* The entry of office_words[] for the word w into *k; 0 if none. */
static int
office_lookup(const char *w, size_t *k)
{
  int i = word_index_find(office_words, w);

  if (i >= 0) {
    *k = (size_t)i;
    return 1;
  }
  if (i == -1)
    return 0;
  for (*k = 0; *k < COUNT(office_words); (*k)++)
    if (same_word(office_words[*k].w, w))
      return 1;
  return 0;
}

/* The office word at token i ("rumah sakit" at i, i + 1 too): its entry
 * in office_words[] into *k and the tokens it takes into *n; 0 if none. */
static int
office_word(const struct tokens *ts, int i, size_t *k, int *n)
{
  const char *w = ts->t[i].w;
  size_t p;

  *n = 1;
  if (ts->t[i].is_num)
    return 0;
  for (p = 0; i + 1 < ts->n && p < COUNT(office_pairs); p++)
    if (is(&ts->t[i], office_pairs[p].w1) &&
        is(&ts->t[i + 1], office_pairs[p].w2)) {
      *n = 2;
      return office_lookup(office_pairs[p].as, k);
    }
  if (office_lookup(w, k))
    return 1;
  /* "PU" in capitals is the works dinas; "pu" is Kupang Malay "punya". */
  if (ts->t[i].upper && is(&ts->t[i], "pu"))
    return office_lookup("pupr", k);
  return strncmp(w, OFFICE_HEAD, strlen(OFFICE_HEAD)) == 0 &&
         strlen(w) >= strlen(OFFICE_HEAD) + OFFICE_HEAD_MIN &&
         office_lookup(w + strlen(OFFICE_HEAD), k);
}

/* The tier the fillers from token j up to an office's name say: 1 for
 * "Kota", 2 for "Kabupaten" ("Samsat Kab. Kupang"), OFFICE_PROVINCE for
 * "Provinsi" ("Dinas Kesehatan Provinsi NTT"), else 0. */
#define OFFICE_PROVINCE 3
static int
office_tier(const struct tokens *ts, int j)
{
  /* "Satpol PP Kota Kupang": the tier follows "PP" (office_name()). */
  if (j < ts->n && is(&ts->t[j], "pp"))
    j++;
  for (; j < ts->n && !stop_at(ts, j) &&
         word_in(&ts->t[j], office_filler) >= 0; j++) {
    if (is(&ts->t[j], "kota"))
      return 1;
    if (is(&ts->t[j], "kabupaten") || is(&ts->t[j], "kab"))
      return 2;
    if (is(&ts->t[j], "provinsi") || is(&ts->t[j], "prov"))
      return OFFICE_PROVINCE;
  }
  return 0;
}

/* The most words of a field after its first. */
#define FIELD_TAIL 5

/* The token after the field whose first word is at j - 1: past the rest
 * of its words when they end in a field word ("P dan K", "Pendidikan dan
 * Kebudayaan") or in an acronym after "dan" ("Penanaman Modal dan PTSP",
 * "Pekerjaan Umum dan PR"), so that "Kota" or "Kabupaten" after it is
 * read; else j. */
static int
field_end(const struct tokens *ts, int j)
{
  int k, end = j, tail;
  size_t at;

  for (k = j; k < ts->n && k < j + FIELD_TAIL && !stop_at(ts, k); k++) {
    tail = word_in(&ts->t[k], field_tails) >= 0;
    if (dinas_field(&ts->t[k]) >= 0 || (tail && !is(&ts->t[k], "dan")) ||
        (k > j && is(&ts->t[k - 1], "dan") && ts->t[k].upper &&
         !ts->t[k].is_num && word_in(&ts->t[k], office_filler) < 0 &&
         !office_lookup(ts->t[k].w, &at))) {
      end = k + 1;
      if (!tail && dinas_field(&ts->t[k]) < 0)
        break;
    }
    else if (!tail)
      break;
  }
  return end;
}

/* The place a dinas named by its field serves, written after the field
 * ("Dinas Kesehatan Kabupaten Belu", "Dinkes Malaka", "Distan di Ende"),
 * into out (lower case), or "" (none, or the province's: "Dinas PUPR
 * Provinsi NTT"). */
static void
field_place(const struct tokens *ts, int j, char *out)
{
  if (office_name(ts, j, out) == 0 || strcmp(out, "ntt") == 0)
    out[0] = '\0';
}

/* 1 when a village office of type (desa, kelurahan) is followed, among
 * the fillers from token j, by a word for kecamatan: "kades di kec. Kota
 * Komba" is a head of some village of that kecamatan, and the name after
 * it is the kecamatan's (read as its own office), not the village's. */
static int
village_in_kecamatan(const struct tokens *ts, int j, const char *type)
{
  if (strcmp(type, "desa") != 0 && strcmp(type, "kelurahan") != 0)
    return 0;
  for (; j < ts->n && !stop_at(ts, j) &&
         word_in(&ts->t[j], office_filler) >= 0; j++)
    if (is(&ts->t[j], "kec") || is(&ts->t[j], "kecamatan"))
      return 1;
  return 0;
}

/* The most words of a road's first end ("Labuan Bajo - Golo Mori"). */
#define ROAD_END_WORDS 3

/* A road named by its two ends ("Jalan Bajawa - Aimere", "Jl.
 * Ende-Detusoko", "jalan Labuan Bajo - Golo Mori"), its first end the
 * name at token j and the capital words after it: the other end, a
 * capital word after a dash, as the road's key2 (roads_apart()). */
static void
road_end(const struct tokens *ts, int j, struct incident_item *it)
{
  const struct token *t;
  int k;

  for (k = j + 1; k < ts->n && k <= j + ROAD_END_WORDS; k++) {
    t = &ts->t[k];
    if (t->stop || !name_like(t, 1))
      return;
    if (t->dash) {
      if (it->key2[0] == '\0')
        snprintf(it->key2, sizeof(it->key2), "%s", t->w);
      return;
    }
  }
}

/* The number of an office at token j ("SMPN 2", "SMA Negeri Satu",
 * "TPS tiga"): digits, or one number word (day_of()) that counts nothing
 * after it ("SD dua kali"); 0 when there is none. */
static int64_t
office_number(const struct tokens *ts, int j)
{
  const struct token *t = &ts->t[j];

  if (t->stop)
    return 0;
  if (t->is_num)
    return (int64_t)t->num;
  return counted_by(ts, j + 1) ? 0 : day_of(t, 1);
}

/* The most a school's number runs to ("SD Negeri Oebobo 2"). */
#define OFFICE_NUMBER_MAX 99

/* The number written after the name of an office that starts, fillers
 * skipped, at token j ("SD Negeri Oebobo 2", "SMPN Naikoten 3", a
 * direction word between): digits that count nothing after them and are
 * no year; 0 when there are none. */
static int64_t
number_after_name(const struct tokens *ts, int j)
{
  const struct token *t;
  int k;

  while (j < ts->n && !stop_at(ts, j) &&
         word_in(&ts->t[j], office_filler) >= 0)
    j++;
  for (k = j + 1; k < ts->n && k <= j + 2 && !ts->t[k].stop &&
                  word_in(&ts->t[k], directions) >= 0; k++)
    ;
  if (k >= ts->n)
    return 0;
  t = &ts->t[k];
  if (!t->is_num || t->stop || t->num < 1 || t->num > OFFICE_NUMBER_MAX ||
      t->num != (int)t->num || counted_by(ts, k + 1))
    return 0;
  return (int64_t)t->num;
}

/* The office at token i, if it is one; the tokens it used in *used. */
static void
office_at(const struct tokens *ts, int i, struct incident *inc, int *used)
{
  char qual[INCIDENT_KEY] = "", where[INCIDENT_KEY] = "";
  int64_t num = 0;    /* a school's number */
  struct incident_item *it;
  size_t k;
  int j, n, f, named = 0, tier, had = inc->n[INCIDENT_OFFICE];

  *used = 0;
  if (!office_word(ts, i, &k, &n))
    return;
  j = i + n;
  if (office_words[k].field != NULL)
    snprintf(qual, sizeof(qual), "%s", office_words[k].field);
  if (office_words[k].q == Q_FIELD) {
    while (j < ts->n && word_in(&ts->t[j], office_filler) >= 0)
      j++;
    if (j < ts->n && (f = dinas_field(&ts->t[j])) >= 0) {
      snprintf(qual, sizeof(qual), "%s", dinas_fields[f].field);
      j = field_end(ts, j + 1);
    }
  } else if (office_words[k].q == Q_NUMBER) {
    while (j < ts->n && word_in(&ts->t[j], office_filler) >= 0)
      j++;
    if (j < ts->n && (num = office_number(ts, j)) != 0)
      j++;
    named = office_name(ts, j, qual);
    if (num == 0 && named != 0)
      num = number_after_name(ts, j);
  }
  tier = office_tier(ts, j);
  if (office_words[k].q == Q_NAME && qual[0] == '\0' &&
      !village_in_kecamatan(ts, j, office_words[k].type))
    named = office_name(ts, j, qual);
  else if (qual[0] != '\0' && (office_words[k].q == Q_FIELD ||
                               office_words[k].field != NULL))
    field_place(ts, j, where);
  it = add_item(inc, INCIDENT_OFFICE, num, office_words[k].type, qual, NULL,
                office_words[k].weak);
  if (it != NULL && inc->n[INCIDENT_OFFICE] > had)
    it->tier = tier;
  /* The place a dinas serves (field_place()), kept as its key2 when it
   * has none (incident.h), for incident_add_gazetteer() to find. */
  if (it != NULL && it->key2[0] == '\0')
    snprintf(it->key2, sizeof(it->key2), "%s", where);
  if (named == 2 && inc->n[INCIDENT_OFFICE] > 0 &&
      strcmp(inc->item[INCIDENT_OFFICE][inc->n[INCIDENT_OFFICE] - 1].qual,
             qual) == 0)
    inc->item[INCIDENT_OFFICE][inc->n[INCIDENT_OFFICE] - 1].cap = 1;
  if (it != NULL && named != 0 && strcmp(it->key, "jalan") == 0)
    road_end(ts, j, it);
  *used = j - i;
}

/* Words after a preposition that name no place ("di rumah", "ke
 * kantor", "dari pagi"), besides the lists above. */
static const char *const place_not_names[] = {
  "kampung", "kota", "kabupaten", "kab", "gereja", "masjid", "pelabuhan",
  "bandara", "terminal", "loket", "ruang", "ruangan", "tempat", "lokasi",
  "lapangan", "pinggir", "tengah", "bawah", "dalam", "luar", "samping",
  "antara", "hadapan", "situ", "atas", "sebelah", "rumahnya", "kantornya",
  "grup", "group", "media", "facebook", "situs", "aplikasi", "rapat",
  "acara", "proyek", "lokasinya", "mulai", "awal", "akhir", "tangan",
  "pasien", "warga", "masyarakat", "orang", "anak", "keluarga", "pesta",
  "pos", NULL,
};

/* Words between a preposition and a place name written with a capital:
 * "di rumah saya Oebufu", "di depan Pasar ...", the counter of a post
 * ("di loket Loh Buaya"). */
static const char *const place_lead[] = {
  "rumah", "saya", "sy", "kami", "beta", "katong", "kita", "depan",
  "belakang", "samping", "sekitar", "simpang", "perempatan", "pertigaan",
  "bundaran", "loket",
  /* a spot's kind before its name: "di Kampung Ujung", "di Dusun
   * Oelbiteno", "di Lapangan Merdeka" */
  "kampung", "dusun", "lapangan", "kompleks", NULL,
};

/* Words of land and water before a name that is a place even in lower
 * case: "dekat pulau kera", "di perairan Pulau Kera", "di teluk
 * hadakewa", "di pantai pede". */
static const char *const water_lead[] = {
  "pulau", "perairan", "teluk", "selat", "tanjung", "danau", "pantai",
  NULL,
};

/* Words after which a name follows with no honorific: "bernama Yosef
 * Bria", and kin ("adik saya, Maria Seran", "anak sy Dedi Tasi"). */
static const char *const name_leads[] = {"bernama", "bernma", "namanya",
                                         "inisial", "berinisial", NULL};
static const char *const kin_words[] = {
  "adik", "adek", "ade", "kakak", "kaka", "kk", "anak", "istri", "isteri",
  "suami", "sepupu", "keponakan", "ponakan", "cucu", "menantu", "ipar",
  "mertua", "ayah", "paman", "bibi", "nenek", "kakek", "maitua", "paitua",
  NULL,
};

/* 1 when token t is a name written with a capital (name_like(): no
 * office word either) and no filler or everyday noun ("anak saya Kelas
 * 3"). */
static int
capital_name(const struct token *t)
{
  return name_like(t, 1) && word_in(t, office_filler) < 0 &&
         word_in(t, everyday_nouns) < 0 && month_of(t, 0) == 0 &&
         word_in(t, weekdays) < 0;
}

/*
 * The persons named with a capital after a name lead or a word of kin
 * (with "saya" and a comma perhaps between): "bernama Fransiskus Luan",
 * "Saya adik Frans Luan", "Adik saya, Maria Seran".  After a comma, only
 * two names in a row are taken ("istri saya. Sekarang ..." names none).
 */
static void
read_kin_persons(const struct tokens *ts, struct incident *inc)
{
  int i, j, kin, two;

  for (i = 0; i + 1 < ts->n; i++) {
    kin = word_in(&ts->t[i], kin_words) >= 0;
    if (!kin && word_in(&ts->t[i], name_leads) < 0)
      continue;
    j = i + 1;
    if (kin && !ts->t[j].stop && word_in(&ts->t[j], possessives) >= 0 &&
        j + 1 < ts->n)
      j++;
    if (!kin && initials_like(&ts->t[j], INITIALS_AFTER_LEAD)) {
      add_initials(inc, &ts->t[j]);
      i = j;
      continue;
    }
    if (!capital_name(&ts->t[j]))
      continue;
    two = j + 1 < ts->n && !ts->t[j + 1].stop &&
          capital_name(&ts->t[j + 1]);
    if (ts->t[j].stop && !(j == i + 2 && two))
      continue;
    add_item(inc, INCIDENT_PERSON, 0, ts->t[j].w, NULL,
             two ? ts->t[j + 1].w : NULL, 1);
    i = j;
  }
}

/* 1 when the clause before token j (back to the last punctuation)
 * opens with a role ("Kepala Puskesmas Paga, ..."). */
static int
clause_opens_with_role(const struct tokens *ts, int j)
{
  int k = j - 1;

  while (k > 0 && !ts->t[k].stop)
    k--;
  return word_in(&ts->t[k], roles) >= 0;
}

/* A person set off by commas after a title ("Kepala Puskesmas Paga,
 * Yosef Lado, meminta..."): two words with capitals that can be a name
 * (capital_name(): not "Kabupaten Alor"), punctuation before and after
 * them, the clause before opening with a role.  A place so set off
 * ("Kepala Desa Oesao, Kupang Timur,") ends in a direction. */
static void
read_appositive_persons(const struct tokens *ts, struct incident *inc)
{
  int j;

  for (j = 1; j + 2 < ts->n; j++) {
    if (!ts->t[j].stop || ts->t[j + 1].stop || !ts->t[j + 2].stop ||
        !capital_name(&ts->t[j]) || !capital_name(&ts->t[j + 1]) ||
        word_in(&ts->t[j + 1], directions) >= 0 ||
        !clause_opens_with_role(ts, j))
      continue;
    add_item(inc, INCIDENT_PERSON, 0, ts->t[j].w, NULL, ts->t[j + 1].w, 1);
    j += 2;
  }
}

/* The place names after prepositions (see INCIDENT_NAMES). */
/* Add the place name `name` to inc (written with a capital when cap, a
 * spot where it happened when spot), once. */
static void
name_add(struct incident *inc, const char *name, int cap, int spot)
{
  int k;

  for (k = 0; k < inc->nnames && strcmp(inc->name[k], name) != 0; k++)
    ;
  if (k < inc->nnames || k == INCIDENT_NAMES)
    return;
  inc->name_cap[k] = cap;
  inc->name_spot[k] = spot;
  snprintf(inc->name[k], INCIDENT_KEY, "%s", name);
  inc->nnames++;
}

static void
read_names(const struct tokens *ts, struct incident *inc)
{
  static const char *const preps[] = {"di", "ke", "dari", "dekat", NULL};
  char name[INCIDENT_KEY];
  const struct token *t;
  int i, j, k, water, bykind, spot;

  for (i = 0; i + 1 < ts->n && inc->nnames < INCIDENT_NAMES; i++) {
    /* An island or beach named by its kind with no preposition before
     * it ("menarik uang masuk Pulau Padar"), its name with a capital. */
    bykind = word_in(&ts->t[i], preps) < 0;
    if (bykind && (word_in(&ts->t[i], water_lead) < 0 ||
                   ts->t[i + 1].stop || !ts->t[i + 1].cap))
      continue;
    for (j = bykind ? i : i + 1;
         !bykind && j < i + 3 && j + 1 < ts->n && !ts->t[j + 1].stop &&
         word_in(&ts->t[j], place_lead) >= 0; j++)
      ;
    for (water = 0; j < i + 4 && j + 1 < ts->n && !ts->t[j + 1].stop &&
                    word_in(&ts->t[j], water_lead) >= 0; j++)
      water = 1;
    t = &ts->t[j];
    /* the spot where it happened (see incident.h): after "di" with a
     * capital, of land or water by its kind, or by its kind alone */
    spot = bykind ? SPOT_BY_KIND
                  : !is(&ts->t[i], "di") ? 0
                  : water ? SPOT_LAND : SPOT_PLAIN;
    if ((j > i + 1 && !t->cap && !water) || (bykind && !t->cap) ||
        t->stop || t->is_num ||
        word_in(t, preps) >= 0 || word_in(t, not_names) >= 0 ||
        word_in(t, roles) >= 0 || word_in(t, honorifics) >= 0 ||
        word_in(t, weekdays) >= 0 || month_of(t, 0) != 0 ||
        word_in(t, office_types_words) >= 0 ||
        word_in(t, office_filler) >= 0 ||
        word_in(t, place_not_names) >= 0 || everyday_word(t) ||
        is_currency(t))
      continue;
    for (k = (int)TABLE_FROM(t, office_words); k < (int)COUNT(office_words);
         k++)
      if (same_word(t->w, office_words[k].w))
        break;
    if (k < (int)COUNT(office_words))
      continue;
    /* A name of a short word and another, both capitals ("di Loh
     * Buaya"), read as one. */
    if (!t->upper && short_name(ts, j, name)) {
      name_add(inc, name, 1, spot);
      continue;
    }
    if (strlen(t->w) < 4)
      continue;
    if (!place_shorthand(ts, j, name))
      name_directions(ts, j, t->w, name);
    name_add(inc, name, t->cap, t->cap && !t->upper ? spot : 0);
  }
}

/* 1 when inc's words hold w. */
static int
has_word(const struct incident *inc, const char *w)
{
  uint32_t h = word_hash(w, strlen(w));
  int i;

  for (i = 0; i < inc->nwords; i++)
    if (inc->word[i] == h)
      return 1;
  return 0;
}

static void
add_word(struct incident *inc, const char *w)
{
  if (inc->nwords < INCIDENT_WORDS && !has_word(inc, w))
    inc->word[inc->nwords++] = word_hash(w, strlen(w));
}

/* The words of the text (see INCIDENT_WORDS): each of four letters or
 * more, also joined to the directions after it ("oesapa barat" as
 * "oesapabarat", as place names are kept), and each short word that is
 * no everyday one joined to the word after it in the same clause. */
static void
read_words(const struct tokens *ts, struct incident *inc)
{
  char two[2 * WORD_LEN];
  const struct token *t;
  size_t n;
  int i;

  for (i = 0; i < ts->n && inc->nwords < INCIDENT_WORDS; i++) {
    t = &ts->t[i];
    n = strlen(t->w);
    if (t->is_num || n < 2)
      continue;
    if (n >= 4) {
      add_word(inc, t->w);
      /* "oesapa barat" also as "oesapabarat", as names are kept */
      if (i + 1 < ts->n && !ts->t[i + 1].stop &&
          word_in(&ts->t[i + 1], directions) >= 0 &&
          word_in(t, directions) < 0) {
        name_directions(ts, i, t->w, two);
        add_word(inc, two);
      }
    } else if (i + 1 < ts->n && !ts->t[i + 1].is_num && !ts->t[i + 1].stop &&
             strlen(ts->t[i + 1].w) >= 3 && word_in(t, not_names) < 0) {
      snprintf(two, sizeof(two), "%s%s", t->w, ts->t[i + 1].w);
      add_word(inc, two);
    }
  }
}

/* The keys of generic_words into keys (sorted), their count returned. */
static int
generic_keys(uint64_t *keys)
{
  int i, j, n = 0;
  uint64_t k;

  for (i = 0; generic_words[i] != NULL; i++) {
    k = similar_word_key(generic_words[i], strlen(generic_words[i]));
    for (j = n; j > 0 && keys[j - 1] > k; j--)
      keys[j] = keys[j - 1];
    keys[j] = k;
    n++;
  }
  return n;
}

/* The sorted keys of generic_words, laid out once (generic_once()): the
 * words never change, and keying and sorting them for every text cost
 * more than reading the text. */
static uint64_t generic_sorted[COUNT(generic_words)];
static int generic_n;
static pthread_once_t generic_done = PTHREAD_ONCE_INIT;

static void
generic_once(void)
{
  generic_n = generic_keys(generic_sorted);
}

/* 1 when the sorted keys[0..n) hold k. */
static int
key_in(const uint64_t *keys, int n, uint64_t k)
{
  int lo = 0, hi = n - 1, mid;

  while (lo <= hi) {
    mid = (lo + hi) / 2;
    if (keys[mid] == k)
      return 1;
    if (keys[mid] < k)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return 0;
}

/* 1 when inc's content words hold k. */
static int
has_topic(const struct incident *inc, uint64_t k)
{
  int i;

  for (i = 0; i < inc->ntopics; i++)
    if (inc->topic[i] == k)
      return 1;
  return 0;
}

/* The content words of the text (INCIDENT_TOPICS): words of three
 * letters or more (SMS and Kupang Malay spellings spelt out first) whose
 * key is not that of a generic word, and not written with a capital
 * inside a sentence (a name). */
static void
read_topics(const struct tokens *ts, struct incident *inc)
{
  uint64_t seen[4] = {0};   /* bit k % 256 of each key kept: a key whose
                             * bit is clear is new, with no search */
  uint64_t k;
  int i;
  size_t n;

  pthread_once(&generic_done, generic_once);

  for (i = 0; i < ts->n && inc->ntopics < INCIDENT_TOPICS; i++) {
    n = strlen(ts->t[i].w);
    if (ts->t[i].is_num || n < 3 || n >= WORD_LEN - 1)
      continue;
    if (ts->t[i].cap && !ts->t[i].upper && i > 0 && !ts->t[i].stop)
      continue;   /* a name: counted as an anchor, if at all */
    k = similar_word_key(ts->t[i].w, n);
    if (key_in(generic_sorted, generic_n, k) ||
        ((seen[k / 64 % 4] >> (k % 64)) & 1 && has_topic(inc, k)))
      continue;
    seen[k / 64 % 4] |= (uint64_t)1 << (k % 64);
    inc->topic[inc->ntopics++] = k;
  }
}

/* ------------------------------------------------------------------ */
/* Acts                                                                 */
/* ------------------------------------------------------------------ */

/* Words that speak of money asked, paid or withheld ("minta uang",
 * "disuruh bayar", "dipotong", "pungli", "doi"), besides an amount. */
static const char *const money_words[] = {
  "uang", "duit", "doi", "doku", "bayar", "dibayar", "membayar", "bayaran",
  "byr", "pungut", "memungut", "dipungut", "pungutan", "pungli", "setor",
  "setoran", "biaya", "tarif", "retribusi", "fee", "jatah", "suap",
  "sogok", "disogok", "tebus", "tebusan", "potong", "dipotong", "memotong",
  "potongan", "rupiah", "rp", "sumbangan", "iuran", "komisi", "pelicin",
  "amplop", "ongkos", "upeti", "gratifikasi", "cash", "tunai", "transfer",
  "harga", "mahal", "tagih", "ditagih", "menagih", "jual", "menjual",
  "dijual", "beli", "membeli", "dibeli", "ribu", "rb", "juta", "jt", NULL,
};

/* Acts other than money asked, each a bit of incident.acts: a harm (a
 * boat sunk, a fire, a crash, a death), ballots tampered with, an
 * officer absent or an office shut, a service failed (forms out of
 * stock, power cut, papers late), abuse (cursing, throwing out,
 * beating), favour (aid given to the officer's own kin only). */
enum {
  ACT_HARM = 1, ACT_BALLOT = 2, ACT_ABSENT = 4, ACT_FAILED = 8,
  ACT_ABUSE = 16, ACT_FAVOUR = 32,
};

static const struct {
  const char *w;
  unsigned act;
} act_words[] = {
  {"tenggelam", ACT_HARM}, {"karam", ACT_HARM}, {"terbalik", ACT_HARM},
  {"kebakaran", ACT_HARM}, {"terbakar", ACT_HARM}, {"hangus", ACT_HARM},
  {"menghanguskan", ACT_HARM}, {"tabrak", ACT_HARM},
  {"menabrak", ACT_HARM}, {"ditabrak", ACT_HARM},
  {"kecelakaan", ACT_HARM}, {"roboh", ACT_HARM}, {"ambruk", ACT_HARM},
  {"runtuh", ACT_HARM}, {"meninggal", ACT_HARM}, {"tewas", ACT_HARM},
  {"dicoblos", ACT_BALLOT}, {"tercoblos", ACT_BALLOT},
  {"penggelembungan", ACT_BALLOT}, {"menggelembungkan", ACT_BALLOT},
  {"digelembungkan", ACT_BALLOT}, {"bolos", ACT_ABSENT},
  {"mangkir", ACT_ABSENT}, {"absen", ACT_ABSENT}, {"kosong", ACT_FAILED},
  {"padam", ACT_FAILED}, {"memutus", ACT_FAILED}, {"diputus", ACT_FAILED},
  {"pemutusan", ACT_FAILED}, {"terlambat", ACT_FAILED},
  {"tertunda", ACT_FAILED}, {"maki", ACT_ABUSE}, {"memaki", ACT_ABUSE},
  {"dimaki", ACT_ABUSE}, {"usir", ACT_ABUSE}, {"mengusir", ACT_ABUSE},
  {"diusir", ACT_ABUSE}, {"pukul", ACT_ABUSE}, {"memukul", ACT_ABUSE},
  {"dipukul", ACT_ABUSE}, {"aniaya", ACT_ABUSE}, {"dianiaya", ACT_ABUSE},
  {"menganiaya", ACT_ABUSE}, {"tampar", ACT_ABUSE},
  {"menampar", ACT_ABUSE}, {"ditampar", ACT_ABUSE},
  {"bentak", ACT_ABUSE}, {"membentak", ACT_ABUSE}, {"dibentak", ACT_ABUSE},
};

/* Words after a negation that tell an absence ("tidak masuk", "sonde
 * pernah masuk", "jarang hadir") or, after "belum", a service failed
 * ("belum jadi", "blm terbit"). */
static const char *const absent_words[] = {
  "masuk", "hadir", "praktik", "praktek", "mengajar", "ngajar", NULL,
};
/* Verbs of handing over that, after a negation and before a paper a
 * citizen is owed ("tidak memberikan undangan", "sonde kasi rapor"),
 * tell it withheld: a service failed.  Money or aid withheld is money;
 * a receipt not given is part of the fee's story. */
static const char *const given_words[] = {
  "memberikan", "memberi", "diberikan", "diberi", "kasih", "kasi",
  "dikasih", "dikasi", "menyerahkan", "diserahkan", "membagikan",
  "dibagikan", NULL,
};
static const char *const owed_papers[] = {
  "undangan", "rapor", "raport", "ijazah", "ktp", "kk", "akta", "akte",
  "sertifikat", "kartu", "formulir", "blangko", "c6", NULL,
};
#define OWED_NEAR 3         /* tokens after the verb */
static const char *const negations[] = {
  "tidak", "tdk", "tak", "sonde", "son", "jarang", "nggak", "gak", "ga",
  NULL,
};
static const char *const late_words[] = {
  "jadi", "terbit", "keluar", "selesai", NULL,
};

/* The count of votes ("hasil rekapitulasi", "formulir C1") and the
 * verbs that tell it was altered near it: ballots tampered with. */
static const char *const tally_words[] = {
  "rekapitulasi", "rekap", "c1", "perolehan", "penghitungan", NULL,
};
static const char *const altered_words[] = {
  "mengubah", "diubah", "merubah", "dirubah", "ubah", "ganti", "mengganti",
  "diganti", "memalsukan", "dipalsukan", "palsukan", "manipulasi",
  "memanipulasi", "dimanipulasi", "menambah", "ditambah", "mengurangi",
  "dikurangi", NULL,
};
#define ALTERED_NEAR 4      /* tokens either side */

/* 1 when a word of the NULL-ended list is within span tokens either side
 * of token i (a verb of altering near a tally, a word of "only" near the
 * officer's kin). */
static int
word_near(const struct tokens *ts, int i, const char *const *list, int span)
{
  int k;

  for (k = i - span; k <= i + span; k++)
    if (k >= 0 && k < ts->n && k != i && word_in(&ts->t[k], list) >= 0)
      return 1;
  return 0;
}

/* Supplies and stocks a service runs on ("air mati", "blangko KTP
 * habis", "obat kosong"), and the words that tell them cut or run out
 * when one comes shortly before in the sentence. */
static const char *const supply_words[] = {
  "air", "listrik", "lampu", "blangko", "blanko", "stok", "obat",
  "vaksin", "pupuk", "solar", "bbm", NULL,
};
static const char *const ran_out_words[] = {"mati", "habis", "abis", "hbs",
                                            NULL};
#define SUPPLY_NEAR 8       /* tokens before */

/* 1 when token i tells a supply cut or run out (supply_words[]). */
static int
supply_out(const struct tokens *ts, int i)
{
  int k;

  if (word_in(&ts->t[i], ran_out_words) < 0)
    return 0;
  for (k = i - 1; k >= 0 && k >= i - SUPPLY_NEAR && !ts->t[k + 1].stop; k--)
    if (word_in(&ts->t[k], supply_words) >= 0)
      return 1;
  return 0;
}

/* 1 when t is a word the acts are read from (act_words[], a supply run
 * out): it tells what happened, so it is no name ("rumah sakit habis",
 * "puskesmas kosong", "kantor camat padam"). */
static int
act_word(const struct token *t)
{
  size_t e;

  if (word_in(t, ran_out_words) >= 0)
    return 1;
  for (e = TABLE_FROM(t, act_words); e < COUNT(act_words); e++)
    if (is(t, act_words[e].w))
      return 1;
  return 0;
}

/* The officer's kin, and the words that tell aid went to them alone
 * ("hanya kepada keluarganya", "keluarga kadis sendiri"): favour. */
static const char *const kin_circle[] = {
  "keluarga", "keluarganya", "kerabat", "kerabatnya", "famili", "kroni",
  NULL,
};
static const char *const alone_words[] = {
  "hanya", "cuma", "cuman", "khusus", "sendiri", NULL,
};
#define FAVOUR_NEAR 3       /* tokens either side */

/* 1 when token i names the officer's kin as the only ones served. */
static int
favour_at(const struct tokens *ts, int i)
{
  return word_in(&ts->t[i], kin_circle) >= 0 &&
         word_near(ts, i, alone_words, FAVOUR_NEAR);
}

/* The act bits of the word at token i, with the words before it. */
static unsigned
act_at(const struct tokens *ts, int i)
{
  const struct token *t = &ts->t[i];
  unsigned act;
  int k;
  size_t e;

  for (e = TABLE_FROM(t, act_words); e < COUNT(act_words); e++)
    if (is(t, act_words[e].w))
      return act_words[e].act;
  if (is(t, "suara") && i > 0 &&
      (is(&ts->t[i - 1], "surat") || is(&ts->t[i - 1], "kotak")))
    return ACT_BALLOT;
  /* "mengubah hasil rekapitulasi", "angka di C1 diubah" */
  if (word_in(t, tally_words) >= 0 &&
      word_near(ts, i, altered_words, ALTERED_NEAR))
    return ACT_BALLOT;
  if (supply_out(ts, i))
    return ACT_FAILED;
  if (is(t, "nepotisme") || favour_at(ts, i))
    return ACT_FAVOUR;
  if (word_in(t, late_words) >= 0 && i > 0 &&
      (is(&ts->t[i - 1], "belum") || is(&ts->t[i - 1], "blm")))
    return ACT_FAILED;
  /* "tidak masuk", "tidak pernah masuk", "sonde pernah ada di kantor";
   * "tidak memberikan undangan" (given_words[]) */
  act = word_in(t, absent_words) >= 0 ? ACT_ABSENT : 0;
  for (k = i + 1; k < ts->n && k <= i + OWED_NEAR && !ts->t[k].stop &&
                  word_in(t, given_words) >= 0; k++)
    if (word_in(&ts->t[k], owed_papers) >= 0)
      act = ACT_FAILED;
  for (k = i - 1; k >= 0 && k >= i - 2 && act != 0; k--)
    if (word_in(&ts->t[k], negations) >= 0)
      return act;
  return 0;
}

/* Public works and goods of aid, each a bit of incident.works: two works
 * of one office or official (a road and a bridge), or two kinds of goods
 * it handed out (boats and nets, cattle and pigs, fertiliser and
 * seedlings), are two incidents.  A
 * word of any kind ("ternak", "alat tangkap") names none. */
enum {
  WORK_ROAD = 1, WORK_BRIDGE = 2, WORK_BUILDING = 4, WORK_WATER = 8,
  WORK_BOAT = 16, WORK_NET = 32, WORK_TRACTOR = 64, WORK_CATTLE = 128,
  WORK_PIG = 256, WORK_GOAT = 512, WORK_SEED = 1024, WORK_FERTILISER = 2048,
  WORK_MOTOR = 4096
};

static const struct {
  const char *w;
  unsigned work;
} work_words[] = {
  {"jembatan", WORK_BRIDGE}, {"gedung", WORK_BUILDING},
  {"rkb", WORK_BUILDING},    {"aspal", WORK_ROAD},
  {"hotmix", WORK_ROAD},     {"pengaspalan", WORK_ROAD},
  {"rabat", WORK_ROAD},      {"lapen", WORK_ROAD},
  {"irigasi", WORK_WATER},   {"embung", WORK_WATER},
  {"bendungan", WORK_WATER}, {"perpipaan", WORK_WATER},
  {"perahu", WORK_BOAT},     {"katinting", WORK_BOAT},
  {"longboat", WORK_BOAT},   {"jaring", WORK_NET},
  {"pukat", WORK_NET},       {"traktor", WORK_TRACTOR},
  {"handtraktor", WORK_TRACTOR}, {"sapi", WORK_CATTLE},
  {"kerbau", WORK_CATTLE},   {"kambing", WORK_GOAT},
  {"babi", WORK_PIG},        {"bibit", WORK_SEED},
  {"benih", WORK_SEED},
  /* subsidised fertiliser, by name or brand ("pupuk Phonska") */
  {"pupuk", WORK_FERTILISER}, {"urea", WORK_FERTILISER},
  {"npk", WORK_FERTILISER},   {"phonska", WORK_FERTILISER},
  {"outboard", WORK_MOTOR},
};

static unsigned work_of(const struct token *t);

/* An engine of aid: "mesin" or "motor" (alone a motorbike) followed by
 * "tempel", a boat (its engine: "mesin perahu", "mesin katinting") or
 * its power ("mesin 15 PK", "motor tempel 40 pk"). */
static int
motor_at(const struct tokens *ts, int i)
{
  if (!is(&ts->t[i], "mesin") && !is(&ts->t[i], "motor"))
    return 0;
  if (i + 1 < ts->n && (is(&ts->t[i + 1], "tempel") ||
                        work_of(&ts->t[i + 1]) == WORK_BOAT))
    return 1;
  return i + 2 < ts->n && ts->t[i + 1].is_num && is(&ts->t[i + 2], "pk");
}

/* The bits of work_words[] t's word names, or 0. */
static unsigned
work_of(const struct token *t)
{
  unsigned works = 0;
  size_t e;

  for (e = TABLE_FROM(t, work_words); e < COUNT(work_words); e++)
    if (is(t, work_words[e].w))
      works |= work_words[e].work;
  return works;
}

/* Words that make a text about a project (a work built or mended, goods
 * of aid handed out), and
 * the words around "jalan" that make it a road, not a verb ("baru
 * jalan"): before it ("proyek jalan", "ruas jalan") or after it ("jalan
 * tani", "jalan raya"). */
static const char *const project_words[] = {
  "proyek", "pembangunan", "bangun", "dibangun", "membangun", "kontraktor",
  "pengerjaan", "rehab", "rehabilitasi", "renovasi", "pokir",
  /* aid: "bantuan 10 unit perahu", "membagikan 200 unit jaring" */
  "bantuan", "pengadaan", "hibah", "membagikan", "dibagikan", "bagi",
  "penyaluran", "disalurkan", "menyalurkan",
  /* goods the government subsidises, and their register (the e-RDKK of
   * subsidised fertiliser) */
  "subsidi", "bersubsidi", "rdkk", NULL,
};
static const char *const road_before[] = {
  "proyek", "pembangunan", "ruas", "perbaikan", "peningkatan", "paket",
  "bangun", NULL,
};
static const char *const road_after[] = {
  "tani", "raya", "desa", "rabat", "aspal", "hotmix", "lingkar", "usaha",
  "kabupaten", "provinsi", "nasional", "setapak", NULL,
};

/* The works a project text names into inc->works; none when the text is
 * not about a project (project_words[]). */
static void
read_works(const struct tokens *ts, struct incident *inc)
{
  const struct token *t;
  unsigned works = 0;
  int i, project = 0;

  for (i = 0; i < ts->n; i++) {
    t = &ts->t[i];
    if (t->is_num)
      continue;
    project |= word_in(t, project_words) >= 0;
    if (i == 0 || !motor_at(ts, i - 1))   /* else the engine's boat */
      works |= work_of(t);
    if ((is(t, "jalan") || is(t, "jln")) &&
        ((i > 0 && !t->stop && word_in(&ts->t[i - 1], road_before) >= 0) ||
         (i + 1 < ts->n && !ts->t[i + 1].stop &&
          word_in(&ts->t[i + 1], road_after) >= 0)))
      works |= WORK_ROAD;
    if (motor_at(ts, i))
      works |= WORK_MOTOR;
  }
  inc->works = project ? works : 0;
}

/* The acts the text tells and whether it speaks of money (incident.h). */
static void
read_acts(const struct tokens *ts, struct incident *inc)
{
  int i;

  inc->money = inc->n[INCIDENT_AMOUNT] > 0;
  for (i = 0; i < ts->n; i++) {
    if (ts->t[i].is_num)
      continue;
    inc->acts |= act_at(ts, i);
    inc->money |= word_in(&ts->t[i], money_words) >= 0;
  }
}

static int str_in(const char *w, const char *const *list);
static int territory_named(const struct incident *inc, const char *w,
                           const char *key);

/* A person read after a head's title who is the territory the title
 * heads ("Pak Camat Alak", an office "kecamatan alak" too) and has no
 * second name: the office, perhaps a name; it no longer conflicts. */
static void
territory_persons(struct incident *inc)
{
  struct incident_item *p;
  int i;

  for (i = 0; i < inc->n[INCIDENT_PERSON]; i++) {
    p = &inc->item[INCIDENT_PERSON][i];
    if (p->key2[0] == '\0' && territory_named(inc, p->key, NULL))
      p->flag = 0;
  }
}

/* The tokens a route may span between its start and its end ("dari
 * Camplong ke Pelabuhan Tenau", "dari Kupang ke Soe"), at most. */
#define ROUTE_SPAN 4

/* 1 when token i ends a route told in passing: "ke" before it, "dari"
 * a few words before that in the same clause.  A harbour or a terminal a
 * driver was going to is no office of the incident. */
static int
route_end(const struct tokens *ts, int i)
{
  int k;

  if (i < 2 || ts->t[i].stop || !is(&ts->t[i - 1], "ke"))
    return 0;
  for (k = i - 2; k >= 0 && k >= i - 1 - ROUTE_SPAN; k--) {
    if (is(&ts->t[k], "dari"))
      return 1;
    if (ts->t[k].stop || ts->t[k + 1].stop)
      return 0;
  }
  return 0;
}

static void
read_offices(const struct tokens *ts, struct incident *inc)
{
  int i, used;

  for (i = 0; i < ts->n; i++) {
    if (route_end(ts, i))
      continue;
    office_at(ts, i, inc, &used);
    if (used > 1)
      i += used - 1;
  }
}

/* ------------------------------------------------------------------ */
/* An addition to a report                                              */
/* ------------------------------------------------------------------ */

/* The first words of a message in which a reporter asks to add to their
 * report (incident.h). */
#define ADD_ASK_WORDS 8

int
incident_asks_to_add(const char *text)
{
  const unsigned char *p = (const unsigned char *)text, *w;
  int words, add = 0, report = 0;
  size_t n;

  for (words = 0; words < ADD_ASK_WORDS; words++) {
    while (*p != '\0' && !isalnum(*p))
      p++;
    if (*p == '\0')
      break;
    for (w = p, n = 0; isalnum(*p); p++)
      n++;
    add |= (n >= 6 && strncasecmp((const char *)w, "tambah", 6) == 0) ||
           (n >= 8 && strncasecmp((const char *)w, "menambah", 8) == 0) ||
           (n >= 6 && strncasecmp((const char *)w, "nambah", 6) == 0);
    report |= (n >= 5 && strncasecmp((const char *)w, "lapor", 5) == 0) ||
              (n >= 7 && strncasecmp((const char *)w, "pelapor", 7) == 0) ||
              (n >= 6 && strncasecmp((const char *)w, "aduan", 5) == 0);
  }
  return add && report;
}

/* 1 when the first words of ts ask for another report than the one
 * told before ("saya mau tambah laporan lain", "tambah laporan baru"):
 * no addition to it. */
static int
other_report(const struct tokens *ts)
{
  int i;

  for (i = 0; i + 1 < ts->n && i < ADD_ASK_WORDS; i++)
    if (strncmp(ts->t[i].w, "lapor", 5) == 0 && !ts->t[i + 1].is_num &&
        (is(&ts->t[i + 1], "lain") || is(&ts->t[i + 1], "baru")))
      return 1;
  return 0;
}

void
incident_extract(const char *text, struct incident *inc)
{
  struct tokens ts;   /* about 48 KiB: on the stack, not kept */

  memset(inc, 0, sizeof(*inc));
  tokenize(text != NULL ? text : "", &ts);
  read_amounts(&ts, inc);
  read_thousands(&ts, inc);
  read_spans(&ts, inc);
  read_stages(&ts, inc);
  read_dates(&ts, inc);
  read_persons(&ts, inc);
  read_kin_persons(&ts, inc);
  read_appositive_persons(&ts, inc);
  read_offices(&ts, inc);
  territory_persons(inc);
  read_services(&ts, inc);
  read_service_offices(inc);
  read_names(&ts, inc);
  read_words(&ts, inc);
  read_topics(&ts, inc);
  read_acts(&ts, inc);
  read_works(&ts, inc);
  inc->addition = incident_asks_to_add(text != NULL ? text : "") &&
                  !other_report(&ts);
}

/* ------------------------------------------------------------------ */
/* Comparing                                                            */
/* ------------------------------------------------------------------ */

/* 1 when s is direction words only ("barat", "baratdaya"), added to a
 * name that ends in none (so "sumbabarat" is not "sumbabaratdaya"). */
static int
directions_only(const char *name, size_t len, const char *s)
{
  size_t n = 0;
  int i;

  for (i = 0; directions[i] != NULL; i++) {
    n = strlen(directions[i]);
    if (len > n && strncmp(name + len - n, directions[i], n) == 0)
      return 0;
  }
  while (*s != '\0') {
    for (i = 0; directions[i] != NULL; i++) {
      n = strlen(directions[i]);
      if (strncmp(s, directions[i], n) == 0)
        break;
    }
    if (directions[i] == NULL)
      return 0;
    s += n;
  }
  return 1;
}

/* 1 when a abbreviates the direction words s in order, a prefix of at
 * least one letter of each ("bal" of "baratlaut", "teng" of "tengah"). */
static int
abbreviates_directions(const char *a, const char *s)
{
  size_t n, k;
  int i;

  if (*s == '\0')
    return *a == '\0';
  for (i = 0; directions[i] != NULL; i++) {
    n = strlen(directions[i]);
    if (strncmp(s, directions[i], n) != 0)
      continue;
    for (k = 1; k <= n && a[k - 1] == directions[i][k - 1]; k++)
      if (abbreviates_directions(a + k, s + n))
        return 1;
  }
  return 0;
}

/* The letters of a short form of a name with directions. */
#define ABBREV_MIN 3
#define ABBREV_MAX 7

/* 1 when a is the short form people write of the name b of a base and
 * direction words ("ABAL" of Alor Barat Laut, "kuteng" of Kupang
 * Tengah, "amsel" of Amanuban Selatan, "SBD" of Sumba Barat Daya): a
 * prefix of the base, then one of each direction word in order.  A base
 * alone ("alok" of "aloktimur") abbreviates nothing. */
static int
name_abbreviates(const char *a, const char *b)
{
  size_t n = strlen(a), m = strlen(b), p, k;

  if (n < ABBREV_MIN || n > ABBREV_MAX || n >= m)
    return 0;
  for (p = 1; p < m; p++) {
    if (!directions_only(b, p, b + p))
      continue;
    for (k = 1; k < n && k <= p && a[k - 1] == b[k - 1]; k++)
      if (abbreviates_directions(a + k, b + p))
        return 1;
  }
  return 0;
}

/* Whether the longer of the names a and b, of n and m letters, is the
 * shorter one with direction words (directions_only()) or the numeral
 * of a split village ("i", "ii": name_directions()) added: 1 when it is
 * ("amarasi", "amarasibarat"; "waepana", "waepanai"), 0 when other
 * letters are added, -1 when neither name begins the other. */
static int
name_extends(const char *a, size_t n, const char *b, size_t m)
{
  size_t l = n < m ? n : m;
  const char *added = n < m ? b + l : a + l;

  if (l == 0 || n == m || strncmp(a, b, l) != 0)
    return -1;
  return str_in(added, numerals) || directions_only(a, l, added);
}

/* Two names alike: equal, one the other with its directions left out
 * ("amarasi", "amarasibarat": name_extends()), or one typo apart when
 * both are long enough to carry one ("Yohanes", "Yohanis"). */
static int
name_alike(const char *a, const char *b)
{
  int n = (int)strlen(a), m = (int)strlen(b), e;

  if (n == 0 || m == 0)
    return 0;
  if (strcmp(a, b) == 0)
    return 1;
  if ((e = name_extends(a, (size_t)n, b, (size_t)m)) >= 0)
    return e;
  return n >= 5 && m >= 5 && textdist_osa(a, n, b, m, 1) <= 1;
}

/* The least letters of a given name's short form, and the most the
 * full name may have beyond them. */
#define SHORT_GIVEN_MIN 3
#define SHORT_GIVEN_REST 2

/* 1 when a is the short form of the given name b ("stef" of
 * "stefanus", "bene" of "benediktus", "yos" of "yosef"): its first
 * letters, at least SHORT_GIVEN_MIN, with SHORT_GIVEN_REST or more
 * left.  "yos" begins no "yohanes". */
static int
short_given(const char *a, const char *b)
{
  size_t n = strlen(a);

  return n >= SHORT_GIVEN_MIN && strlen(b) >= n + SHORT_GIVEN_REST &&
         strncmp(a, b, n) == 0;
}

/* 1 when c is a vowel letter. */
static int
vowel(char c)
{
  return strchr("aeiou", c) != NULL;
}

/* 1 when a is the given name b called by its tail ("anis" of
 * "yohanis", "nus" of "marinus"): its last letters, at least
 * SHORT_GIVEN_MIN, with SHORT_GIVEN_REST or more before them; or by a
 * part from inside it, one letter longer, that opens a syllable (a
 * consonant before a vowel: "gusti" of "agustinus", "neli" of
 * "kornelis").  "anis" ends no "yohanes"; "ustin" and "stin" open no
 * syllable of "agustinus". */
static int
given_tail(const char *a, const char *b)
{
  size_t n = strlen(a), m = strlen(b), p;

  if (n < SHORT_GIVEN_MIN || m < n + SHORT_GIVEN_REST)
    return 0;
  if (strcmp(a, b + m - n) == 0)
    return 1;
  if (n < SHORT_GIVEN_MIN + 1)
    return 0;
  for (p = 1; p + n <= m; p++)
    if (!vowel(b[p]) && vowel(b[p + 1]) && strncmp(b + p, a, n) == 0)
      return 1;
  return 0;
}

/* 1 when a is the given name b called by its first letter and a later
 * syllable's vowel onwards ("yan" of "yohanes": y + "an"): a's rest, at
 * least SHORT_GIVEN_MIN - 1 letters, stands in b after its second letter,
 * beginning with a vowel after a consonant.  "yan" is no "yuliana" ("an"
 * after "i"), "yos" no "yohanes". */
static int
given_syllable(const char *a, const char *b)
{
  size_t n = strlen(a), m = strlen(b), p;

  if (n < SHORT_GIVEN_MIN || m < n + SHORT_GIVEN_REST || a[0] != b[0] ||
      !vowel(a[1]))
    return 0;
  for (p = 2; p + n - 1 <= m; p++)
    if (!vowel(b[p - 1]) && strncmp(b + p, a + 1, n - 1) == 0)
      return 1;
  return 0;
}

/* A date's parts (0 not known) agree. */
static int
date_alike(int64_t a, int64_t b)
{
  int64_t part[3][2] = {
    {a / 10000, b / 10000}, {a / 100 % 100, b / 100 % 100},
    {a % 100, b % 100},
  };
  int i;

  for (i = 0; i < 3; i++)
    if (part[i][0] != 0 && part[i][1] != 0 && part[i][0] != part[i][1])
      return 0;
  return 1;
}

static int office_where_alike(const struct incident_item *a,
                              const struct incident_item *b);
static int quals_alike(const struct incident_item *a,
                       const struct incident_item *b);
static int village_split(const struct incident_item *a,
                         const struct incident_item *b);
static int field_type(const char *key);
static int kabupaten_office(const char *key);

/* The kabupaten/kota of two offices, by the gazetteer, meet: one of
 * each side (a name of two, "Kupang", counts as either) is one. */
static int
kabs_meet(const struct incident_item *a, const struct incident_item *b)
{
  return a->kab[0] != '\0' && b->kab[0] != '\0' &&
         (strcmp(a->kab, b->kab) == 0 || strcmp(a->kab, b->kab2) == 0 ||
          strcmp(a->kab2, b->kab) == 0);
}

/* Two offices named by their field, or of a type a kabupaten has one of,
 * lie in two kabupaten/kota by the gazetteer ("Dinas Kesehatan Kabupaten
 * Belu", "Dinkes Malaka"; "Samsat Kupang di Oebobo", "Samsat Kabupaten
 * Kupang"). */
static int
kabs_differ(const struct incident_item *a, const struct incident_item *b)
{
  /* The lists of types last: they cost the most. */
  return a->kab[0] != '\0' && b->kab[0] != '\0' && !kabs_meet(a, b) &&
         (field_type(a->key) || kabupaten_office(a->key));
}

/* One office named after "Kota", the other after "Kabupaten"; or one of
 * the province ("Dinas PUPR Provinsi NTT") and the other serving a
 * kabupaten/kota, by its tier or its place ("Dinkes TTS"). */
static int
tiers_differ(const struct incident_item *a, const struct incident_item *b)
{
  const struct incident_item *other = a->tier == OFFICE_PROVINCE ? b : a;

  if ((a->tier == OFFICE_PROVINCE) != (b->tier == OFFICE_PROVINCE))
    return other->tier != 0 || other->kab[0] != '\0';
  return a->tier != 0 && b->tier != 0 && a->tier != b->tier;
}

/* 1 when road a, named by its two ends (road_end()), is the road b
 * names by one of them alone ("jalan Golo Mori" of "jalan Labuan Bajo -
 * Golo Mori"). */
static int
road_by_an_end(const struct incident_item *a, const struct incident_item *b)
{
  return strcmp(a->key, "jalan") == 0 && a->key2[0] != '\0' &&
         b->key2[0] == '\0' && strcmp(a->key2, b->qual) == 0;
}

/* Two offices agree: one type, and one landmark when both are known as
 * one (whatever tier each is named by: "rumah sakit umum provinsi" is
 * RSUD W.Z. Johannes); else one tier and number, and the same qualifier
 * where both have one (an office with none stands for any of its type),
 * or one place by the gazetteer (office_where_alike()). */
static int
office_alike(const struct incident_item *a, const struct incident_item *b)
{
  if (strcmp(a->key, b->key) != 0)
    return 0;
  if (a->land != 0 && b->land != 0 &&
      (a->num == 0 || b->num == 0 || a->num == b->num))
    return a->land == b->land;
  if (tiers_differ(a, b) || kabs_differ(a, b))
    return 0;
  if (a->num != 0 && b->num != 0 && a->num != b->num)
    return 0;
  return (a->qual[0] == '\0' && a->land == 0) ||
         (b->qual[0] == '\0' && b->land == 0) ||
         quals_alike(a, b) || office_where_alike(a, b) ||
         road_by_an_end(a, b) || road_by_an_end(b, a);
}

/* 1 when the office type key is qualified by a field ("Dinas
 * Kesehatan"), not by a place. */
static const char *field_types[COUNT(office_words) + 1];

/* The office types qualified by a field into field_types[], once (with
 * the dictionary, which indexes them). */
static void
field_types_once(void)
{
  size_t k, n = 0, j;

  for (k = 0; k < COUNT(office_words); k++) {
    if (office_words[k].q != Q_FIELD && office_words[k].field == NULL)
      continue;
    for (j = 0; j < n && strcmp(field_types[j], office_words[k].type); j++)
      ;
    if (j == n)
      field_types[n++] = office_words[k].type;
  }
}

static int
field_type(const char *key)
{
  size_t k;
  int i = word_index_find(field_types, key);

  if (i != WORD_UNINDEXED)
    return i >= 0;
  for (k = 0; k < COUNT(office_words); k++)
    if (strcmp(office_words[k].type, key) == 0 &&
        (office_words[k].q == Q_FIELD || office_words[k].field != NULL))
      return 1;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Offices in the gazetteer                                             */
/* ------------------------------------------------------------------ */

/* Offices of which a kabupaten/kota has one: named by the kabupaten or
 * by a place in it, they are the same office. */
static const char *const kabupaten_offices[] = {
  "samsat", "rsud", "polres", "kejaksaan", "bpn", "pdam", "kemenag", "bkd",
  "dprd", "bpbd", "inspektorat", "bappeda", "bpkad", "satpol", "lapas",
  "rutan", "setda", NULL,
};

/* 1 when w is in the NULL-ended list. */
static int
str_in(const char *w, const char *const *list)
{
  for (; *list != NULL; list++)
    if (strcmp(w, *list) == 0)
      return 1;
  return 0;
}

/* 1 when the office type key is one a kabupaten/kota has one of. */
static int
kabupaten_office(const char *key)
{
  return str_in(key, kabupaten_offices);
}

/* The office type a landmark's name begins with ("RSUD W.Z. Johannes":
 * "rsud"), or NULL. */
static const char *
landmark_type(const char *name)
{
  char w[WORD_LEN];
  size_t n = 0, k;

  while (n < sizeof(w) - 1 && isalpha((unsigned char)name[n])) {
    w[n] = (char)tolower((unsigned char)name[n]);
    n++;
  }
  w[n] = '\0';
  return office_lookup(w, &k) ? office_words[k].type : NULL;
}

/* Titles written inside the name of a hospital or office ("RSUD dr.
 * T.C. Hillers", "RSUD Mgr. Gabriel Manek"), left out to find it. */
static const char *const name_titles[] = {
  "dr", "prof", "mgr", "drs", "ir", "pdt", NULL,
};

/* The office type head and the n words from token `from` that may name
 * it ("RSUD Prof. Dr. W.Z. Johannes", "bandara penfui"), lower case,
 * into out; 0 when they run past punctuation that closes no short
 * abbreviation, or a number. */
static int
office_phrase(const struct tokens *ts, const char *head, int from, int n,
              char *out, size_t size)
{
  size_t len = (size_t)snprintf(out, size, "%s", head);
  int j;

  for (j = from; j < from + n; j++) {
    if (j >= ts->n || ts->t[j].is_num || len + strlen(ts->t[j].w) + 2 > size)
      return 0;
    if (ts->t[j].stop && strlen(ts->t[j - 1].w) > 4)
      return 0;
    len += (size_t)snprintf(out + len, size - len, " %s", ts->t[j].w);
  }
  return 1;
}

/* The most words after an office word that may be its landmark name. */
#define LANDMARK_WORDS 5

/* Office types that landmarks of the gazetteer are (their names begin
 * with one of their words: "Pelabuhan Tenau", "RSUD Ba'a"); the others
 * are not looked up as landmarks (a look-up costs some microseconds). */
/* Offices a kecamatan has one of, named by it or by a town or village
 * in it ("KUA Kalabahi" is KUA Kecamatan Teluk Mutiara): the camat's,
 * the KUA, the police sector. */
static const char *const kecamatan_offices[] = {"kecamatan", "kua", "polsek",
                                                NULL};

static const char *const landmark_offices[] = {
  "rsud", "bandara", "pelabuhan", "pasar", "terminal", "polres", "polda",
  "kejaksaan", "pengadilan", NULL,
};

/* The office it is the gazetteer's place of code code (struct
 * incident_item's land: never 0). */
static void
office_known(const char *code, struct incident_item *it)
{
  uint32_t h = word_hash(code, strlen(code));

  it->land = h != 0 ? h : 1;
}

/* it is the landmark m matched when m is one of its type. */
static int
office_landmark(const struct place_match *m, struct incident_item *it)
{
  const char *type;

  if (!m->matched || m->place.level != PLACE_LANDMARK ||
      (type = landmark_type(m->place.name)) == NULL ||
      strcmp(type, it->key) != 0)
    return 0;
  office_known(m->place.code, it);
  snprintf(it->kab, sizeof(it->kab), "%s", m->code);
  return 1;
}

/* A name written with abbreviations after the office word at token i
 * ("RSUD T.C. Hillers", "RSUD Prof. Dr. W.Z. Johannes"): its qualifier
 * is no name, its words are. */
static int
dotted_name(const struct tokens *ts, int i)
{
  return i + 2 < ts->n && !ts->t[i + 1].is_num &&
         (ts->t[i + 2].stop || word_in(&ts->t[i + 1], name_titles) >= 0) &&
         strlen(ts->t[i + 1].w) <= 4;
}

/* Two words written with capitals after the office word at token j
 * ("Bandara Frans Seda Maumere", "Pasar Kasih Naikoten"): a landmark
 * may be named by them together, not by the first one (the gazetteer
 * tells; everyday words are names there too). */
static int
capital_pair(const struct tokens *ts, int j)
{
  return j + 1 < ts->n && !stop_at(ts, j) && !stop_at(ts, j + 1) &&
         !ts->t[j].is_num && !ts->t[j + 1].is_num && ts->t[j].cap &&
         ts->t[j + 1].cap;
}

/* The words an office's tier puts before its name in a phrase looked up
 * in the gazetteer (office_tier()): "kota ", "kabupaten ", "provinsi "
 * (the province's hospital: "RSUD Provinsi Kupang") or "". */
static const char *
tier_words(int tier)
{
  return tier == 1                 ? "kota "
         : tier == 2               ? "kabupaten "
         : tier == OFFICE_PROVINCE ? "provinsi "
                                   : "";
}

/* 1 when m is a name of two kabupaten/kota ("Kupang": the city and the
 * regency), their codes then into it->kab and it->kab2. */
static int
two_kabupaten(const struct place_match *m, struct incident_item *it)
{
  if (!m->ambiguous || m->nchoices != 2 || m->more_choices ||
      m->choice[0].level != PLACE_KABUPATEN ||
      m->choice[1].level != PLACE_KABUPATEN)
    return 0;
  snprintf(it->kab, sizeof(it->kab), "%s", m->choice[0].kab_code);
  snprintf(it->kab2, sizeof(it->kab2), "%s", m->choice[1].kab_code);
  return 1;
}

/* The kabupaten/kota, by pl, that the dinas it serves (its key2, read by
 * field_place(), after "Kota" or "Kabupaten" when its tier says so): the
 * place named exactly, or the two that "Kupang" names. */
static void
field_office_place(const struct place_list *pl, struct incident_item *it)
{
  char phrase[2 * INCIDENT_KEY];
  struct place_match m;

  snprintf(phrase, sizeof(phrase), "%s%s", tier_words(it->tier), it->key2);
  if (place_match(pl, phrase, &m) != 0 || two_kabupaten(&m, it))
    return;
  if (m.matched && m.distance == 0 && m.place.level != PLACE_LANDMARK)
    snprintf(it->kab, sizeof(it->kab), "%s", m.code);
}

/* The most tokens after an office word to its "di" ("Samsat Kupang di
 * Oebobo", "Samsat Kota Kupang di Oebobo"). */
#define OFFICE_DI_WORDS 4

/* An office it at token i named by a name of two kabupaten/kota
 * ("Kupang"), followed by "di" and a place of one of them ("di Oebobo",
 * "di Kel. Oebobo"): it lies in that one only. */
static void
office_town(const struct tokens *ts, int i, const struct place_list *pl,
            struct incident_item *it)
{
  struct place_match m;
  int j, k;

  for (j = i + 1; j < ts->n && j <= i + OFFICE_DI_WORDS && !stop_at(ts, j);
       j++) {
    if (!is(&ts->t[j], "di"))
      continue;
    for (k = j + 1; k < ts->n && !stop_at(ts, k) &&
                    word_in(&ts->t[k], office_filler) >= 0; k++)
      ;
    if (k >= ts->n || stop_at(ts, k) || ts->t[k].is_num ||
        place_match(pl, ts->t[k].w, &m) != 0 || !m.matched ||
        m.distance != 0)
      return;
    if (strcmp(m.code, it->kab) == 0 || strcmp(m.code, it->kab2) == 0) {
      snprintf(it->kab, sizeof(it->kab), "%s", m.code);
      it->kab2[0] = '\0';
    }
    return;
  }
}

/* Offices of one level: a village is a desa or a kelurahan, and people
 * write one for the other ("desa Oesao" for Kelurahan Oesao); a town or
 * village is looked up in the gazetteer with these kind words, in this
 * order (kecamatan_of_town()). */
static const char *const village_offices[] = {"kelurahan", "desa", NULL};

/* The most words of a kecamatan's or village's name ("Alor Barat Laut",
 * "Compang Liang Ndara"): a name of two or more is looked up whole. */
#define KECAMATAN_WORDS 4

/* 1 when m is the place of level whose official name after its kind word
 * ("Kecamatan ", "Desa ") is words (lower case, one blank between
 * words), exactly. */
static int
names_place(const char *words, const struct place_match *m, int level)
{
  const char *name = m->place.name;

  if (!m->matched || m->distance != 0 || m->place.level != level ||
      (name = strchr(name, ' ')) == NULL)
    return 0;
  for (name++; *name != '\0' && *words != '\0'; name++, words++)
    if (tolower((unsigned char)*name) != *words)
      return 0;
  return *name == '\0' && *words == '\0';
}

/* The words of a place of level named by two words or more from token j
 * after the kind word kind ("Kecamatan Teluk Mutiara", "Desa Egon
 * Buluk"), the most first, into *m: how many, or 0 when none is so
 * named. */
static int
place_named_from(const struct tokens *ts, int j, const struct place_list *pl,
                 const char *kind, int level, int least,
                 struct place_match *m)
{
  char phrase[(KECAMATAN_WORDS + 1) * WORD_LEN];
  size_t len;
  int n, k;

  for (n = KECAMATAN_WORDS; n >= least; n--) {
    if (j + n > ts->n)
      continue;
    len = (size_t)snprintf(phrase, sizeof(phrase), "%s", kind);
    for (k = j; k < j + n && !ts->t[k].is_num && (k == j || !stop_at(ts, k));
         k++)
      len += (size_t)snprintf(phrase + len, sizeof(phrase) - len, " %s",
                              ts->t[k].w);
    if (k < j + n || len >= sizeof(phrase))
      continue;
    if (place_match(pl, phrase, m) == 0 &&
        names_place(phrase + strlen(kind) + 1, m, level))
      return n;
  }
  return 0;
}

/* place_named_from() for two words or more. */
static int
place_named(const struct tokens *ts, int j, const struct place_list *pl,
            const char *kind, int level, struct place_match *m)
{
  return place_named_from(ts, j, pl, kind, level, 2, m);
}

/* A kecamatan named by two words or more from token j ("KUA Kecamatan
 * Teluk Mutiara", "Kapolsek Malaka Tengah"), whose first word alone would
 * name another place or none: it is known by its code (office_known());
 * 0 when none is so named. */
static int
kecamatan_named(const struct tokens *ts, int j, const struct place_list *pl,
                struct incident_item *it)
{
  struct place_match m;

  if (place_named(ts, j, pl, "kecamatan", PLACE_KECAMATAN, &m) == 0)
    return 0;
  office_known(m.place.code, it);
  return 1;
}

/* it is the desa or kelurahan m matched exactly and alone: it lies in
 * m's kecamatan (its code's first eight bytes, "53.11.01" of
 * "53.11.01.1002"), known as office_known() knows that kecamatan. */
static void
village_within(const struct place_match *m, struct incident_item *it)
{
  if (m->matched && m->distance == 0 && m->nchoices == 0 &&
      m->place.level == PLACE_DESA && strlen(m->place.code) > 8)
    it->within = word_hash(m->place.code, 8);
}

/* A village office it named by a desa or kelurahan name of two words or
 * more from token j ("Desa Egon Buluk", "Desa Compang Cibal"): its
 * qualifier is the whole name as one word ("egonbuluk"), not the first
 * word that office_name() read ("egon": another desa, or the start of
 * several), so that the longest name the text gives wins.  A name that
 * only adds directions or a numeral keeps office_name()'s reading. */
static void
village_named(const struct tokens *ts, int j, const struct place_list *pl,
              struct incident_item *it)
{
  char qual[INCIDENT_KEY] = "";   /* whole, zeros after the name: the
                                   * item's bytes are a memo key */
  char phrase[2 * INCIDENT_KEY];
  struct place_match m;
  size_t len = 0, w;
  int n, k;

  if (j < 0 || (n = place_named(ts, j, pl, it->key, PLACE_DESA, &m)) == 0) {
    snprintf(phrase, sizeof(phrase), "%s %s", it->key, it->qual);
    if (place_match(pl, phrase, &m) == 0)
      village_within(&m, it);
    return;
  }
  village_within(&m, it);
  /* Directions and a numeral only ("Naikoten Satu"): office_name() has
   * read them already, as its other spellings are ("Naikoten I"). */
  for (k = j + 1; k < j + n && (word_in(&ts->t[k], directions) >= 0 ||
                                numbers_name(ts, k) != NULL); k++)
    ;
  if (k == j + n)
    return;
  for (k = j; k < j + n; k++) {
    w = strlen(ts->t[k].w);
    if (len + w >= sizeof(qual))
      return;
    memcpy(qual + len, ts->t[k].w, w);
    len += w;
  }
  memcpy(it->qual, qual, sizeof(it->qual));
}

/* An office it a kecamatan has one of (kecamatan_offices[]) named by the
 * kecamatan's whole name of several words ("KUA Kecamatan Teluk
 * Mutiara"), or whose qualifier names no kecamatan but a town or
 * village of pl ("camat di Lewoleba", "KUA Kalabahi"): the kecamatan
 * holding it, by its
 * name read as a camat's title reads it (office_name(): "Langke
 * Rembong" as "langke", "Alok Timur" as "aloktimur").  A kecamatan so
 * found, or named exactly, is known as a landmark is (office_known()),
 * so that two kecamatan of one base name ("Alok", "Alok Timur";
 * "Amarasi", "Amarasi Barat") are two offices, while a name with its
 * direction left out may still stand for one the gazetteer does not
 * know.  A qualifier in lower case the gazetteer knows as no place is
 * dropped: a word after "camat", no name.  j is the token where the
 * name begins in ots, or -1. */
static void
kecamatan_of_town(const struct tokens *ots, int j,
                  const struct place_list *pl, struct incident_item *it)
{
  char phrase[2 * INCIDENT_KEY], code[16];
  char qual[INCIDENT_KEY] = "";   /* whole, zeros after the name: the
                                   * item's bytes are a memo key */
  struct tokens ts;         /* about 48 KiB, as incident_extract() */
  struct place_match m;
  const char *name;
  int k;

  if (j >= 0 && kecamatan_named(ots, j, pl, it))
    return;
  snprintf(phrase, sizeof(phrase), "kecamatan %s", it->qual);
  if (place_match(pl, phrase, &m) != 0)
    return;
  if (m.matched && m.place.level == PLACE_KECAMATAN && m.distance == 0) {
    office_known(m.place.code, it);
    return;
  }
  for (k = 0; village_offices[k] != NULL; k++) {
    snprintf(phrase, sizeof(phrase), "%s %s", village_offices[k], it->qual);
    if (place_match(pl, phrase, &m) == 0 && m.matched && m.distance == 0 &&
        m.place.level == PLACE_DESA && m.nchoices == 0)
      break;
  }
  if (village_offices[k] == NULL) {
    /* A word in lower case that names no kecamatan nor village at all
     * ("ibu camat keliling", "camat turun kampanye") is a word of the
     * story, no name. */
    snprintf(phrase, sizeof(phrase), "%s", it->qual);
    if (!it->cap && place_match(pl, phrase, &m) == 0 && !m.matched &&
        m.nchoices == 0)
      memset(it->qual, 0, sizeof(it->qual));
    return;
  }
  /* A desa's code is its kecamatan's and four digits: "53.13.05.1001". */
  snprintf(code, sizeof(code), "%.8s", m.place.code);
  if ((name = place_name(pl, code)) == NULL ||
      strncmp(name, "Kecamatan ", 10) != 0)
    return;
  tokenize(name + 10, &ts);
  if (office_name(&ts, 0, qual) != 0) {
    memcpy(it->qual, qual, sizeof(it->qual));
    office_known(code, it);
  }
}

/*
 * Where the office it, at token i, lies by pl (incident.h): looked up
 * as its type and qualifier ("bandara penfui", "pasar ruteng", "pdam
 * rote"), the landmark of its type they name, else the kabupaten/kota
 * (or the two: "Kupang") of the place they name, for an office a
 * kabupaten has one of.  A name written with abbreviations is looked up
 * as the most words after the office word that name a landmark, short of
 * words that make the whole no place of NTT or of two.
 */
static void
office_place(const struct tokens *ts, int i, const struct place_list *pl,
             struct incident_item *it)
{
  struct place_match m;
  char phrase[(LANDMARK_WORDS + 1) * WORD_LEN];
  size_t e;
  int n, k, least, from[2], landmark = str_in(it->key, landmark_offices);

  if (it->key2[0] != '\0' && field_type(it->key)) {
    field_office_place(pl, it);
    return;
  }
  office_word(ts, i, &e, &n);
  if (str_in(it->key, kecamatan_offices) && it->qual[0] != '\0') {
    for (k = i + n; k < ts->n && !stop_at(ts, k) &&
                    word_in(&ts->t[k], office_filler) >= 0; k++)
      ;
    kecamatan_of_town(ts, k < ts->n && !stop_at(ts, k) ? k : -1, pl, it);
    return;
  }
  if (str_in(it->key, village_offices)) {
    for (k = i + n; k < ts->n && !stop_at(ts, k) &&
                    word_in(&ts->t[k], office_filler) >= 0; k++)
      ;
    /* A name office_name() did not take, the gazetteer knows as a desa
     * of two words or more ("kades tanah merah", "desa bukit hijau"):
     * the desa, as though written with capitals. */
    if (it->qual[0] != '\0' ||
        (k < ts->n && !stop_at(ts, k) &&
         place_named(ts, k, pl, it->key, PLACE_DESA, &m) > 0))
      village_named(ts, k < ts->n && !stop_at(ts, k) ? k : -1, pl, it);
    return;
  }
  /* The name without its titles first (one word may do then), then as
   * written (two words at least); a name of a short word and another
   * ("RS TC Hillers", "rumah sakit Ben Mboi") is looked up as words too. */
  for (from[1] = from[0] = i + n; from[0] < ts->n &&
                                  word_in(&ts->t[from[0]], name_titles) >= 0;
       from[0]++)
    ;
  for (k = from[0] == from[1];
       k < 2 && landmark &&
       (dotted_name(ts, from[1] - 1) || from[0] > from[1] ||
        short_name(ts, from[1], phrase) || capital_pair(ts, from[1]));
       k++) {
    least = k == 0 ? 1 : 2;
    for (n = LANDMARK_WORDS; n >= least; n--)
      if (office_phrase(ts, it->key, from[k], n, phrase, sizeof(phrase)) &&
          place_match(pl, phrase, &m) == 0 && !m.outside && !m.ambiguous)
        break;
    if (n >= least && office_landmark(&m, it))
      return;
  }
  if (it->qual[0] == '\0' ||
      (!landmark && !str_in(it->key, kabupaten_offices)))
    return;
  snprintf(phrase, sizeof(phrase), "%s %s%s", it->key, tier_words(it->tier),
           it->qual);
  if (place_match(pl, phrase, &m) != 0 ||
      (landmark && office_landmark(&m, it)) ||
      !str_in(it->key, kabupaten_offices))
    return;
  if (two_kabupaten(&m, it)) {
    /* "Kupang": the city or the regency, each as a whole, unless a
     * place of one follows. */
    it->kab_whole = 1;
    office_town(ts, i, pl, it);
  } else if (m.matched && m.place.level != PLACE_LANDMARK) {
    snprintf(it->kab, sizeof(it->kab), "%s", m.code);
    it->kab_whole = m.place.level == PLACE_KABUPATEN;
  }
}

/* Offices of one type whose names differ, alike by the gazetteer: one
 * named by a whole kabupaten/kota (or either of two: "Kupang"), the
 * other in it, of a type it has one of (incident_add_gazetteer()). */
static int
office_where_alike(const struct incident_item *a,
                   const struct incident_item *b)
{
  return kabs_meet(a, b) && (a->kab_whole || b->kab_whole) &&
         str_in(a->key, kabupaten_offices);
}

/* 1 when inc names an office office_place() may place: of a landmark
 * type, or one a kabupaten or a kecamatan has one of with its
 * qualifier. */
static int
offices_to_place(const struct incident *inc)
{
  const struct incident_item *it;
  int i;

  for (i = 0; i < inc->n[INCIDENT_OFFICE]; i++) {
    it = &inc->item[INCIDENT_OFFICE][i];
    if (str_in(it->key, landmark_offices) ||
        str_in(it->key, village_offices) ||
        (it->qual[0] != '\0' && (str_in(it->key, kabupaten_offices) ||
                                  str_in(it->key, kecamatan_offices))) ||
        (it->key2[0] != '\0' && field_type(it->key)))
      return 1;
  }
  return 0;
}

/* 1 when it is a dinas named by its field with no place of its own
 * ("bendahara dinas PK"). */
static int
dinas_unplaced(const struct incident_item *it)
{
  return (field_type(it->key) ||
          (kabupaten_office(it->key) && it->qual[0] == '\0' &&
           it->land == 0)) &&
         it->key2[0] == '\0' && it->kab[0] == '\0' &&
         it->tier != OFFICE_PROVINCE;
}

/* The kecamatan holding each spot of inc the gazetteer knows exactly as
 * a town or a desa/kelurahan ("di Melolo": Umalulu) into
 * inc->name_within[]. */
#define KECAMATAN_CODE 8   /* "53.11.08" */
static void
spots_within(struct incident *inc, const struct place_list *pl)
{
  struct place_match m;
  const char *code;
  int i;

  for (i = 0; i < inc->nnames; i++) {
    inc->name_within[i] = 0;
    if (!inc->name_spot[i] || place_match(pl, inc->name[i], &m) != 0 ||
        !m.matched || m.distance != 0 || m.place.level == PLACE_KABUPATEN)
      continue;
    code = m.place.code;
    if (code != NULL && strlen(code) >= KECAMATAN_CODE) {
      inc->name_within[i] = word_hash(code, KECAMATAN_CODE);
      if (inc->name_within[i] == 0)
        inc->name_within[i] = 1;
    }
  }
}

/* Each dinas of inc with no place of its own, and each office a
 * kabupaten has one of named bare ("pegawai BKPSDM"), serves the one
 * kabupaten/kota the text names elsewhere, exactly, by pl ("guru di
 * sikka ... dinas PK", "di Kabupaten Sumba Timur, pegawai BKPSDM"); with
 * two named, or none, it stays unplaced.  ts: room to read text in. */
static void
dinas_by_names(struct incident *inc, const struct place_list *pl,
               const char *text, struct tokens *ts)
{
  struct place_match m;
  const char *kab = NULL;
  int i;

  for (i = 0; i < inc->n[INCIDENT_OFFICE] &&
              !dinas_unplaced(&inc->item[INCIDENT_OFFICE][i]); i++)
    ;
  if (i == inc->n[INCIDENT_OFFICE])
    return;
  for (i = 0; i < inc->nnames; i++) {
    if (place_match(pl, inc->name[i], &m) != 0 || !m.matched ||
        m.distance != 0 || m.place.level != PLACE_KABUPATEN)
      continue;
    if (kab != NULL && strcmp(kab, m.code) != 0)
      return;
    kab = m.code;
  }
  /* "Kabupaten Sumba Timur", "Kab. Sikka" written out */
  tokenize(text != NULL ? text : "", ts);
  for (i = 0; i + 1 < ts->n; i++) {
    if ((!is(&ts->t[i], "kabupaten") && !is(&ts->t[i], "kab")) ||
        place_named_from(ts, i + 1, pl, "kabupaten", PLACE_KABUPATEN, 1,
                         &m) == 0)
      continue;
    if (kab != NULL && strcmp(kab, m.code) != 0)
      return;
    kab = m.code;
  }
  for (i = 0; kab != NULL && i < inc->n[INCIDENT_OFFICE]; i++)
    if (dinas_unplaced(&inc->item[INCIDENT_OFFICE][i]))
      snprintf(inc->item[INCIDENT_OFFICE][i].kab,
               sizeof(inc->item[INCIDENT_OFFICE][i].kab), "%s", kab);
}

void
incident_add_gazetteer(struct incident *inc, const char *text,
                       const struct place_list *pl)
{
  struct tokens ts;         /* about 48 KiB, as incident_extract() */
  struct incident one;      /* an office read alone, to find it in inc */
  struct incident_item *x, *it;
  int i, j, used;

  if (pl != NULL) {
    dinas_by_names(inc, pl, text, &ts);
    spots_within(inc, pl);
  }
  if (pl == NULL || !offices_to_place(inc))
    return;
  tokenize(text != NULL ? text : "", &ts);
  for (i = 0; i < ts.n; i++) {
    one.n[INCIDENT_OFFICE] = 0;
    office_at(&ts, i, &one, &used);
    if (used == 0)
      continue;
    x = &one.item[INCIDENT_OFFICE][0];
    for (j = 0; j < inc->n[INCIDENT_OFFICE]; j++) {
      it = &inc->item[INCIDENT_OFFICE][j];
      if (it->num == x->num && it->land == 0 && it->kab[0] == '\0' &&
          strcmp(it->key, x->key) == 0 && strcmp(it->qual, x->qual) == 0) {
        office_place(&ts, i, pl, it);
        break;
      }
    }
    i += used - 1;
  }
}

/* Health centres and the posts under them, each its own place: a
 * puskesmas and a pustu of one kecamatan are two. */
static const char *const health_offices[] = {"puskesmas", "pustu", NULL};

static int office_named_by(const struct incident *inc, const char *w,
                           const char *key, const char *const *types);

/* Offices named by a name of their own, no place: a company, a farmers'
 * group, a kiosk ("CV Fulur Jaya"). */
static const char *const trade_offices[] = {"perusahaan", "poktan", "kios",
                                            NULL};

/* 1 when w, the qualifier of an office of type key in another report, is
 * a word of inc that names no other office of inc: no village, kelurahan
 * or kecamatan (territory_named()), nor company or group
 * (trade_offices[]). */
static int
qual_named_in(const struct incident *inc, const char *w, const char *key)
{
  return has_word(inc, w) && !territory_named(inc, w, key) &&
         !office_named_by(inc, w, key, trade_offices);
}

/*
 * 1 when office x of a and office y of b, of one type and number but
 * unlike qualifiers, may be one office named two ways: the qualifier of
 * one is a word of the other report ("RSUD Mgr. Gabriel
 * Manek Atambua", "rsud atambua"; "Polsek Adonara Timur di Waiwerang",
 * "polsek di Waiwerang"; "Pelabuhan Tenau", "pelabuhan kupang (tenau)").
 * Such offices do not conflict; they are not shared either (incident.h).
 * A town alone is no such sign: "Puskesmas Lewoleba" is not "Puskesmas
 * Waiwerang"; nor is any word for two names of a health centre, a town
 * having several ("Puskesmas Kota Bajawa", "Puskesmas Surisina,
 * Bajawa": health_offices[]); nor is the word when it names a company or
 * group of that report (trade_offices[]: "Desa Fulur", "CV Fulur Jaya
 * ... di Desa Dirun": the company, not the village).
 */
static int
office_named_twice(const struct incident *a, const struct incident_item *x,
                   const struct incident *b, const struct incident_item *y)
{
  if (strcmp(x->key, y->key) != 0 || x->qual[0] == '\0' ||
      y->qual[0] == '\0' || field_type(x->key) || tiers_differ(x, y) ||
      kabs_differ(x, y) || str_in(x->key, health_offices))
    return 0;
  if ((x->num != 0 && y->num != 0 && x->num != y->num) ||
      (x->land != 0 && y->land != 0 && x->land != y->land) ||
      village_split(x, y))
    return 0;
  return qual_named_in(a, y->qual, x->key) || qual_named_in(b, x->qual, y->key);
}

/* Offices that are a village, a kelurahan or a kecamatan. */
static const char *const territory_offices[] = {"desa", "kelurahan",
                                                "kecamatan", NULL};

/* 1 when inc names by w an office of one of types other than key (any
 * when key is NULL). */
static int
office_named_by(const struct incident *inc, const char *w, const char *key,
                const char *const *types)
{
  const struct incident_item *it;
  int i;

  for (i = 0; i < inc->n[INCIDENT_OFFICE]; i++) {
    it = &inc->item[INCIDENT_OFFICE][i];
    if (str_in(it->key, types) &&
        (key == NULL || strcmp(it->key, key) != 0) &&
        strcmp(it->qual, w) == 0)
      return 1;
  }
  return 0;
}

/* 1 when inc names a village, kelurahan or kecamatan by w, an office of
 * another type than key ("Puskesmas Bloro di Kecamatan Nita"): w is the
 * place of inc's office of type key, no other name of it.  Any type when
 * key is NULL. */
static int
territory_named(const struct incident *inc, const char *w, const char *key)
{
  return office_named_by(inc, w, key, territory_offices);
}

/* 1 when office y is the kecamatan that holds village office x by the
 * gazetteer (struct incident_item's within). */
static int
kecamatan_holds(const struct incident_item *x, const struct incident_item *y)
{
  return x->within != 0 && x->within == y->land &&
         strcmp(y->key, "kecamatan") == 0;
}

/* 1 when one of x and y is a village, kelurahan or kecamatan and the
 * other an office of another type named by it ("Desa Golo Kantar", "kios
 * pupuk di golo kantar"): the office lies there, no other place.  A
 * village and a kecamatan of one name meet too: "Sekdes di Weliman" is a
 * village of Kecamatan Weliman as often as one named so; and so does a
 * village and the kecamatan holding it by the gazetteer (within):
 * "Kelurahan Hambala", "Kecamatan Kota Waingapu". */
static int
office_in_territory(const struct incident_item *x,
                    const struct incident_item *y)
{
  int tx = str_in(x->key, territory_offices),
      ty = str_in(y->key, territory_offices);

  return ((tx != ty || (tx && (strcmp(x->key, "kecamatan") == 0) !=
                                  (strcmp(y->key, "kecamatan") == 0))) &&
          name_alike(x->qual, y->qual)) ||
         kecamatan_holds(x, y) || kecamatan_holds(y, x);
}

/* Office x of a and office y of b are one office: alike, named two
 * ways, or one the place of the other. */
static int
offices_agree(const struct incident *a, const struct incident_item *x,
              const struct incident *b, const struct incident_item *y)
{
  return office_alike(x, y) || office_named_twice(a, x, b, y) ||
         office_in_territory(x, y);
}

/* 1 when person a is named by initials (cap) that b's names may stand
 * for: "yt" for "Yohanes Tallo" or "Yosef", not for "Frans" nor "Yosef
 * Bria"; initials against initials alike only when the same. */
static int
initials_of(const struct incident_item *a, const struct incident_item *b)
{
  if (!a->cap)
    return 0;
  if (b->cap)
    return strcmp(a->key, b->key) == 0;
  return a->key[0] == b->key[0] &&
         (a->key[1] == '\0' || b->key2[0] == '\0' || a->key[1] == b->key2[0]);
}

/* Specific a of kind k agrees with b. */
static int
item_alike(int k, const struct incident_item *a,
           const struct incident_item *b)
{
  switch (k) {
  case INCIDENT_DATE:
    return date_alike(a->num, b->num);
  case INCIDENT_PERSON:
    return initials_of(a, b) || initials_of(b, a) ||
           name_alike(a->key, b->key) || name_alike(a->key, b->key2) ||
           name_alike(a->key2, b->key) || name_alike(a->key2, b->key2) ||
           short_given(a->key, b->key) || short_given(b->key, a->key) ||
           given_tail(a->key, b->key) || given_tail(b->key, a->key) ||
           given_syllable(a->key, b->key) || given_syllable(b->key, a->key);
  case INCIDENT_OFFICE:
    return office_alike(a, b);
  case INCIDENT_PLACE:
    return strcmp(a->key, b->key) == 0;
  case INCIDENT_SERVICE:
    return strcmp(a->key, b->key) == 0 &&
           (a->qual[0] == '\0' || b->qual[0] == '\0' ||
            strcmp(a->qual, b->qual) == 0);
  case INCIDENT_AMOUNT:
    /* A share left and the share cut from it ("hanya menerima 80
     * persen", "memotong 20 persen") are one. */
    if (strcmp(a->key, PERCENT_KEY) == 0 &&
        strcmp(b->key, PERCENT_KEY) == 0 && a->flag != b->flag &&
        a->num + b->num == 100 * 100)
      return 1;
    /* A range holds the amounts inside it, and meets another range. */
    return strcmp(a->key, b->key) == 0 &&
           (a->hi != 0 || b->hi != 0
              ? a->num <= (b->hi ? b->hi : b->num) &&
                  b->num <= (a->hi ? a->hi : a->num)
              : a->num == b->num);
  default:
    return a->num == b->num;
  }
}

/* Dates that agree and have a part known on both sides ("Maret 2024",
 * "tahun 2024"): "tahun 2023" and "bulan Januari" agree but tell nothing
 * in common. */
static int
date_shared(int64_t a, int64_t b)
{
  return date_alike(a, b) &&
         ((a / 10000 != 0 && b / 10000 != 0) ||
          (a / 100 % 100 != 0 && b / 100 % 100 != 0) ||
          (a % 100 != 0 && b % 100 != 0));
}

/* An office named with its qualifier (a name, a field, a number), or
 * known as a landmark. */
static int
qualified(const struct incident_item *it)
{
  return it->qual[0] != '\0' || it->num != 0 || it->land != 0;
}

/* 1 when item i of kind k of inc counts in a conflict: not a person
 * written in lower case (perhaps a word, not a name); not an office
 * without its qualifier when its word is weak or inc names one of its
 * type with one. */
static int
item_counts(const struct incident *inc, int k, int i)
{
  const struct incident_item *it = &inc->item[k][i];
  int j;

  if (k == INCIDENT_PERSON)
    return it->flag;
  if (k != INCIDENT_OFFICE || qualified(it))
    return 1;
  if (it->flag)
    return 0;
  for (j = 0; j < inc->n[k]; j++)
    if (strcmp(inc->item[k][j].key, it->key) == 0 &&
        qualified(&inc->item[k][j]))
      return 0;
  return 1;
}

/* Posts where one office works, each a place of its own: a terminal
 * and a weighbridge of the Dishub. */
static const char *const post_offices[] = {"terminal", "timbang", NULL};


/* 1 when office types x and y are one type, both a village, both a
 * post (post_offices[]) or both a health centre (health_offices[]). */
static int
office_types_meet(const char *x, const char *y)
{
  return strcmp(x, y) == 0 ||
         (str_in(x, village_offices) && str_in(y, village_offices)) ||
         (str_in(x, post_offices) && str_in(y, post_offices)) ||
         (str_in(x, health_offices) && str_in(y, health_offices));
}

/* 1 when offices a and b are a village and the one split from it, each
 * with its own head and funds ("Desa Baumata", "Desa Baumata Barat";
 * "Kelurahan Oesapa", "Kelurahan Oesapa Barat"; "Desa Waepana I"), or
 * two villages one of whose names begins the other's ("Desa Egon",
 * "Desa Egon Buluk": village_named()): for two villages, a name with
 * anything added (name_extends()) is another name. */
static int
village_split(const struct incident_item *a, const struct incident_item *b)
{
  return str_in(a->key, village_offices) && str_in(b->key, village_offices) &&
         name_extends(a->qual, strlen(a->qual), b->qual, strlen(b->qual)) >= 0;
}

/* The qualifiers of offices a and b alike (name_alike()) or one the
 * short form of the other (name_abbreviates(): "Camat ABAL"), unless they
 * name a village and its split (village_split()). */
static int
quals_alike(const struct incident_item *a, const struct incident_item *b)
{
  return !village_split(a, b) &&
         (name_alike(a->qual, b->qual) || name_abbreviates(a->qual, b->qual) ||
          name_abbreviates(b->qual, a->qual));
}

/* Both name offices of one type with their qualifiers, and none of them
 * agree ("RSUD Soe", "RSUD Kefamenanu"; "Kelurahan Busalangga", "Desa
 * Oeseli"), whatever else they share. */
static int
office_type_conflict(const struct incident *a, const struct incident *b)
{
  const struct incident_item *x, *y;
  int i, j, both, alike;

  for (i = 0; i < a->n[INCIDENT_OFFICE]; i++) {
    x = &a->item[INCIDENT_OFFICE][i];
    if (!qualified(x))
      continue;
    both = alike = 0;
    for (j = 0; j < b->n[INCIDENT_OFFICE]; j++) {
      y = &b->item[INCIDENT_OFFICE][j];
      if (!qualified(y) || !office_types_meet(x->key, y->key))
        continue;
      both = 1;
      alike |= offices_agree(a, x, b, y) ||
               (strcmp(x->key, y->key) != 0 && quals_alike(x, y));
    }
    if (both && !alike)
      return 1;
  }
  return 0;
}

/* 1 when office x is a village (a desa or kelurahan) whose name b
 * writes as a word ("Kelurahan Lasiana", "di Lasiana"): where b
 * happens too, whatever office b names there. */
static int
village_in_words(const struct incident_item *x, const struct incident *b)
{
  return str_in(x->key, village_offices) && x->qual[0] != '\0' &&
         has_word(b, x->qual);
}

/* 1 when b names an office of x's type by its type alone and writes x's
 * name as a word apart ("jalan Oelamasi-Camplong", "jalan baru dari
 * Oelamasi"): x named with its name out of place. */
static int
office_name_apart(const struct incident_item *x, const struct incident *b)
{
  int j;

  if (x->qual[0] == '\0' || !has_word(b, x->qual))
    return 0;
  for (j = 0; j < b->n[INCIDENT_OFFICE]; j++)
    if (strcmp(b->item[INCIDENT_OFFICE][j].key, x->key) == 0 &&
        !qualified(&b->item[INCIDENT_OFFICE][j]))
      return 1;
  return 0;
}

/* 1 when amount x (not a range) is the difference or the sum of two
 * amounts of b of its unit: a cut told as what was due and what was
 * paid ("seharusnya Rp 900.000, hanya diberi Rp 600.000") against the
 * cut ("potong 300 ribu"), a total against its parts. */
static int
amount_of_two(const struct incident_item *x, const struct incident *b)
{
  const struct incident_item *y, *z;
  int i, j;

  if (x->hi != 0 || x->num <= 0)
    return 0;
  for (i = 0; i < b->n[INCIDENT_AMOUNT]; i++)
    for (j = i + 1; j < b->n[INCIDENT_AMOUNT]; j++) {
      y = &b->item[INCIDENT_AMOUNT][i];
      z = &b->item[INCIDENT_AMOUNT][j];
      if (y->hi != 0 || z->hi != 0 || strcmp(x->key, y->key) != 0 ||
          strcmp(x->key, z->key) != 0)
        continue;
      if (y->num + z->num == x->num || y->num - z->num == x->num ||
          z->num - y->num == x->num)
        return 1;
    }
  return 0;
}

/*
 * How many of a's counting items of kind k agree with none of b's items
 * (*counted: a's counting items).  An office of b without its qualifier
 * that does not count does not agree with anything either: it is the
 * qualified one.  A village of a that b names as a word agrees
 * (village_in_words()), as does an office b names by its type with a's
 * name apart (office_name_apart()), and an amount that is the sum or
 * difference of two of b's (amount_of_two()).
 */
static int
unmatched(const struct incident *a, const struct incident *b, int k,
          int *counted)
{
  int i, j, hit, left = 0;

  *counted = 0;
  for (i = 0; i < a->n[k]; i++) {
    hit = (k == INCIDENT_OFFICE && (village_in_words(&a->item[k][i], b) ||
                                    office_name_apart(&a->item[k][i], b))) ||
          (k == INCIDENT_AMOUNT && amount_of_two(&a->item[k][i], b));
    for (j = 0; j < b->n[k] && !hit; j++)
      hit = k != INCIDENT_OFFICE
              ? item_alike(k, &a->item[k][i], &b->item[k][j])
              : offices_agree(a, &a->item[k][i], b, &b->item[k][j]) &&
                  item_counts(b, k, j);
    if (item_counts(a, k, i)) {
      (*counted)++;
      left += !hit;
    }
  }
  return left;
}

static const char *const kind_names[INCIDENT_KINDS] = {
  "amount", "date", "weekday", "person", "office", "place", "span",
  "service", "stage",
};

/* 1 when a and b share an item of kind k that tells the incident
 * (design note 4): a person written with a capital on either side, an
 * office with its qualifier on both, any amount, day or span, a date
 * with a part known on both sides; never
 * the place nor the service (strangers at one office ask for the same
 * KTP or the same PKH money). */
static int
kind_shared(const struct incident *a, const struct incident *b, int k)
{
  const struct incident_item *x, *y;
  int i, j;

  for (i = 0; i < a->n[k]; i++)
    for (j = 0; j < b->n[k]; j++) {
      x = &a->item[k][i];
      y = &b->item[k][j];
      /* A village and the kecamatan holding it: one place told at two
       * levels. */
      if ((!item_alike(k, x, y) &&
           (k != INCIDENT_OFFICE ||
            !(kecamatan_holds(x, y) || kecamatan_holds(y, x)))) ||
          (k == INCIDENT_DATE && !date_shared(x->num, y->num)))
        continue;
      if (k == INCIDENT_PERSON ? x->flag || y->flag
          : k == INCIDENT_OFFICE ? qualified(x) && qualified(y)
          : k != INCIDENT_PLACE && k != INCIDENT_SERVICE)
        return 1;
    }
  return 0;
}

/* 1 when a mentions a place name (after "di", "ke"...) that b mentions
 * too or that names one of b's offices ("di Oelnasi", "Desa Oelnasi"),
 * written with a capital on one side at least: "di kebun" and "ke sumur"
 * are everyday words in lower case. */
static int
name_in(const struct incident *a, const struct incident *b)
{
  const struct incident_item *o;
  int i, j;

  for (i = 0; i < a->nnames; i++) {
    for (j = 0; j < b->nnames; j++)
      if ((a->name_cap[i] || b->name_cap[j]) &&
          name_alike(a->name[i], b->name[j]))
        return 1;
    for (j = 0; j < b->n[INCIDENT_OFFICE]; j++) {
      o = &b->item[INCIDENT_OFFICE][j];
      if (o->qual[0] != '\0' && (a->name_cap[i] || o->cap) &&
          name_alike(a->name[i], o->qual))
        return 1;
    }
  }
  return 0;
}

/* Places too wide to tell an incident: the kabupaten and kota of NTT,
 * their capitals, the islands ("Kupang" is in most reports). */
static const char *const wide_places[] = {
  "kupang", "ntt", "belu", "alor", "lembata", "ende", "sikka", "ngada",
  "nagekeo", "manggarai", "sumba", "rote", "ndao", "sabu", "raijua",
  "malaka", "flores", "timor", "soe", "kefamenanu", "kefa", "atambua",
  "kalabahi", "maumere", "ruteng", "bajawa", "waingapu", "larantuka",
  "lewoleba", "betun", "mbay", "borong", "labuanbajo", "waikabubak",
  "tambolaka", "indonesia", "manggaraibarat", "manggaraitimur",
  "sumbabarat", "sumbatimur", "sumbatengah", "sumbabaratdaya",
  "florestimur", "timortengahselatan", "timortengahutara", NULL,
};

/* 1 when w is a place name of wide_places. */
static int
wide_place(const char *w)
{
  return str_in(w, wide_places);
}

/* 1 when a names a place with a capital ("di Camplong", "Desa Camplong",
 * "Jalan El Tari") that b mentions as a bare word ("jembatan camplong",
 * "el tari"); not a kabupaten, its capital or an island. */
static int
name_bare_in(const struct incident *a, const struct incident *b)
{
  const struct incident_item *o;
  int i;

  for (i = 0; i < a->nnames; i++)
    if (a->name_cap[i] && !wide_place(a->name[i]) &&
        has_word(b, a->name[i]))
      return 1;
  for (i = 0; i < a->n[INCIDENT_OFFICE]; i++) {
    o = &a->item[INCIDENT_OFFICE][i];
    if (o->cap && o->qual[0] != '\0' && !wide_place(o->qual) &&
        has_word(b, o->qual))
      return 1;
  }
  return 0;
}

/* The weight of what a and b share (design note 4), and the number of
 * kinds shared into *kinds.  A place name that one mentions and the other
 * mentions or names an office after weighs as a shared office, when no
 * office is shared already. */
static int
shared_weight(const struct incident *a, const struct incident *b, int *kinds)
{
  int k, w = 0, office = 0;

  *kinds = 0;
  for (k = 0; k < INCIDENT_KINDS; k++) {
    if (!kind_shared(a, b, k))
      continue;
    (*kinds)++;
    office |= k == INCIDENT_OFFICE;
    w += k == INCIDENT_PERSON || k == INCIDENT_OFFICE ? 2 : 1;
  }
  if (!office && (name_in(a, b) || name_in(b, a) || name_bare_in(a, b) ||
                  name_bare_in(b, a))) {
    (*kinds)++;
    w += 2;
  }
  return w;
}

/* 1 when k is the key of a name inc holds: a place named, an office's
 * qualifier, a person's name (the anchors, counted apart). */
static int
anchor_key(const struct incident *inc, uint64_t k)
{
  const struct incident_item *it;
  int i, j;

  for (i = 0; i < inc->nnames; i++)
    if (similar_word_key(inc->name[i], strlen(inc->name[i])) == k)
      return 1;
  for (j = INCIDENT_PERSON; j <= INCIDENT_OFFICE; j++)
    for (i = 0; i < inc->n[j]; i++) {
      it = &inc->item[j][i];
      if (similar_word_key(it->key, strlen(it->key)) == k ||
          similar_word_key(it->qual, strlen(it->qual)) == k ||
          similar_word_key(it->key2, strlen(it->key2)) == k)
        return 1;
    }
  return 0;
}

/* 1 when a and b name one service ("paspor", "SKTM"). */
static int
service_shared(const struct incident *a, const struct incident *b)
{
  int i, j;

  for (i = 0; i < a->n[INCIDENT_SERVICE]; i++)
    for (j = 0; j < b->n[INCIDENT_SERVICE]; j++)
      if (item_alike(INCIDENT_SERVICE, &a->item[INCIDENT_SERVICE][i],
                     &b->item[INCIDENT_SERVICE][j]))
        return 1;
  return 0;
}

/* The content words a and b share (INCIDENT_TOPICS) that are not the
 * name of a place, office or person of either: what both tell about. */
static int
topics_shared(const struct incident *a, const struct incident *b)
{
  int i, n = 0;

  for (i = 0; i < a->ntopics; i++)
    if (has_topic(b, a->topic[i]) && !anchor_key(a, a->topic[i]) &&
        !anchor_key(b, a->topic[i]))
      n++;
  return n;
}

/* 1 when a and b share some "what" beyond where and when: an amount, a
 * person, a span of time (kind_shared). */
static int
what_shared(const struct incident *a, const struct incident *b)
{
  return kind_shared(a, b, INCIDENT_AMOUNT) ||
         kind_shared(a, b, INCIDENT_PERSON) ||
         kind_shared(a, b, INCIDENT_SPAN);
}

/* 1 when a and b share a day: a weekday, or a date known to the day on
 * both sides. */
static int
day_shared(const struct incident *a, const struct incident *b)
{
  const struct incident_item *x, *y;
  int i, j;

  if (kind_shared(a, b, INCIDENT_WEEKDAY))
    return 1;
  for (i = 0; i < a->n[INCIDENT_DATE]; i++)
    for (j = 0; j < b->n[INCIDENT_DATE]; j++) {
      x = &a->item[INCIDENT_DATE][i];
      y = &b->item[INCIDENT_DATE][j];
      if (x->num % 100 != 0 && y->num % 100 != 0 &&
          date_alike(x->num, y->num))
        return 1;
    }
  return 0;
}

/* The amounts of a that b tells alike (item_alike()): every amount
 * counts, so those unmatched() leaves out. */
static int
amounts_met(const struct incident *a, const struct incident *b)
{
  int n, left = unmatched(a, b, INCIDENT_AMOUNT, &n);

  return n - left;
}

/* 1 when a asks money (an amount given) and b tells, with no word of
 * money, an act a does not tell (read_acts()): a fee and a sinking at one
 * harbour, vote buying and punched ballots in one election. */
static int
other_act(const struct incident *a, const struct incident *b)
{
  return a->money && !b->money && b->acts != 0 &&
         (a->acts & b->acts) == 0;
}

/* The ends of road y that road x has too (0, 1 or 2). */
static int
road_ends_met(const struct incident_item *x, const struct incident_item *y)
{
  return (strcmp(y->qual, x->qual) == 0 || strcmp(y->qual, x->key2) == 0) +
         (strcmp(y->key2, x->qual) == 0 || strcmp(y->key2, x->key2) == 0);
}

/* 1 when a and b each name a road by its two ends (road_end()), sharing
 * one end and not the other: Bajawa-Aimere and Bajawa-Riung are two
 * roads; Bajawa-Aimere and Aimere-Bajawa one. */
static int
roads_apart(const struct incident *a, const struct incident *b)
{
  const struct incident_item *x, *y;
  int i, j;

  for (i = 0; i < a->n[INCIDENT_OFFICE]; i++)
    for (j = 0; j < b->n[INCIDENT_OFFICE]; j++) {
      x = &a->item[INCIDENT_OFFICE][i];
      y = &b->item[INCIDENT_OFFICE][j];
      if (strcmp(x->key, "jalan") == 0 && strcmp(y->key, "jalan") == 0 &&
          x->key2[0] != '\0' && y->key2[0] != '\0' &&
          road_ends_met(x, y) == 1)
        return 1;
    }
  return 0;
}

/* 1 when spot i of a (a name after "di" with a capital, no kabupaten,
 * capital or island) is named by b: as a name, an office's qualifier or
 * a word. */
static int
spot_named(const struct incident *a, int i, const struct incident *b)
{
  int j;

  if (has_word(b, a->name[i]))
    return 1;
  for (j = 0; j < b->nnames; j++)
    if (name_alike(a->name[i], b->name[j]))
      return 1;
  for (j = 0; j < b->n[INCIDENT_OFFICE]; j++)
    if (name_alike(a->name[i], b->item[INCIDENT_OFFICE][j].qual) ||
        (a->name_within[i] != 0 &&
         b->item[INCIDENT_OFFICE][j].land == a->name_within[i]))
      return 1;   /* "di Melolo": in Kecamatan Umalulu */
  return 0;
}

/* 1 when inc names an island, a beach... by its kind as a spot ("di
 * Pulau Rinca", "masuk Pulau Padar"), no island of several kabupaten. */
static int
lands_named(const struct incident *inc)
{
  int i;

  for (i = 0; i < inc->nnames; i++)
    if (inc->name_spot[i] >= SPOT_LAND && !wide_place(inc->name[i]))
      return 1;
  return 0;
}

/* The spots of a (see spot_named()), and how many of them b names.  An
 * island named by its kind alone ("masuk Pulau Komodo") is a spot when a
 * names no finer one ("di Loh Liang, Pulau Komodo": the island only says
 * where Loh Liang is), weighed against the islands of b only: a spot on
 * it ("di Loh Liang") is no other spot. */
static int
spots_of(const struct incident *a, const struct incident *b, int *met)
{
  int i, n = 0, finer = 0, lands;

  *met = 0;
  for (i = 0; i < a->nnames; i++)
    finer |= a->name_spot[i] != 0 && a->name_spot[i] != SPOT_BY_KIND &&
             !wide_place(a->name[i]);
  lands = !finer && lands_named(b);
  for (i = 0; i < a->nnames; i++)
    if (a->name_spot[i] && !wide_place(a->name[i]) &&
        (a->name_spot[i] != SPOT_BY_KIND || lands)) {
      n++;
      *met += spot_named(a, i, b);
    }
  return n;
}

/* The landmark offices of a (a market, a harbour, a hospital known to
 * the gazetteer), and how many of them b names by its name or as one
 * landmark. */
static int
landmarks_of(const struct incident *a, const struct incident *b, int *met)
{
  const struct incident_item *x;
  int i, j, n = 0, hit;

  *met = 0;
  for (i = 0; i < a->n[INCIDENT_OFFICE]; i++) {
    x = &a->item[INCIDENT_OFFICE][i];
    if (x->land == 0 || x->qual[0] == '\0')
      continue;
    n++;
    hit = has_word(b, x->qual);
    for (j = 0; j < b->n[INCIDENT_OFFICE] && !hit; j++)
      hit = b->item[INCIDENT_OFFICE][j].land == x->land;
    for (j = 0; j < b->nnames && !hit; j++)
      hit = name_alike(x->qual, b->name[j]) ||
            (b->name_within[j] != 0 && b->name_within[j] == x->land);
    *met += hit;
  }
  return n;
}

/* 1 when a and b each name the spot where it happened (a place after
 * "di" with a capital, or a landmark office: "di depan Lippo Plaza",
 * "di Pasar Oeba"; "di Loh Buaya", "di Loh Liang") and neither names
 * any spot of the other: two spots of one office are two incidents. */
static int
spots_apart(const struct incident *a, const struct incident *b)
{
  int ma, mb, la, lb, na, nb;

  na = spots_of(a, b, &ma) + landmarks_of(a, b, &la);
  nb = spots_of(b, a, &mb) + landmarks_of(b, a, &lb);
  return na > 0 && nb > 0 && ma + la == 0 && mb + lb == 0;
}

int
incident_conflict(const struct incident *a, const struct incident *b,
                  int *shared, const char **why)
{
  int k, na, nb, la, lb, conflict = 0;

  for (k = 0; k < INCIDENT_KINDS && !conflict; k++) {
    if (k == INCIDENT_SPAN)
      continue;
    la = unmatched(a, b, k, &na);
    lb = unmatched(b, a, k, &nb);
    if (na == 0 || nb == 0)
      continue;
    /* Amounts: each names one the other does not; the rest: they share
     * none. */
    if (k == INCIDENT_AMOUNT ? (la > 0 && lb > 0)
                             : (la == na && lb == nb) ||
                               (k == INCIDENT_OFFICE &&
                                office_type_conflict(a, b))) {
      conflict = 1;
      if (why != NULL)
        *why = kind_names[k];
    }
  }
  /* Two works of one project kind apart: a road, a bridge. */
  if (!conflict && a->works != 0 && b->works != 0 &&
      (a->works & b->works) == 0) {
    conflict = 1;
    if (why != NULL)
      *why = "works";
  }
  if (!conflict && spots_apart(a, b)) {
    conflict = 1;
    if (why != NULL)
      *why = "spot";
  }
  if (!conflict && roads_apart(a, b)) {
    conflict = 1;
    if (why != NULL)
      *why = "road";
  }
  if (shared != NULL)
    shared_weight(a, b, shared);
  return conflict;
}

void
incident_rule_for(double words, struct incident_rule *r)
{
  r->words = words;
  r->words_one = words * INCIDENT_ONE;
  r->words_two = words * INCIDENT_TWO;
  r->words_low = words * INCIDENT_LOW;
  r->words_all = words * INCIDENT_ALL;
}

int
incident_same(const struct incident *a, const struct incident *b,
              double words, const struct incident_rule *r)
{
  int kinds, weight, topics;

  if (incident_conflict(a, b, NULL, NULL))
    return 0;
  if (other_act(a, b) || other_act(b, a))
    return words >= r->words;
  weight = shared_weight(a, b, &kinds);
  topics = topics_shared(a, b);
  /* A draft that asks to add to the reporter's report and names the
   * ticket's office, road or person: news of that incident, in whatever
   * words (the reporter is asked TAMBAH or BARU). */
  if ((a->addition || b->addition) && weight >= 2)
    return words >= r->words_low;
  /* Money asked in one and none in the other, sharing where and a month
   * at most and one content word: two acts at one office that month (a
   * visit fee, a death in custody) unless the words are alike as a
   * copy's. */
  if (topics < INCIDENT_TOPICS_SAME &&
      (a->n[INCIDENT_AMOUNT] == 0) != (b->n[INCIDENT_AMOUNT] == 0) &&
      !what_shared(a, b) && !service_shared(a, b) && !day_shared(a, b))
    return words >= r->words;
  /* Who, where, how much and the day all told alike (four specifics
   * that strangers seldom share all of) and none apart: the incident
   * retold, in however few common words. */
  if (kind_shared(a, b, INCIDENT_PERSON) &&
      kind_shared(a, b, INCIDENT_OFFICE) &&
      kind_shared(a, b, INCIDENT_AMOUNT) && day_shared(a, b))
    return words >= r->words_all;
  /* An anchor and what it is about (a good share of the content words
   * of the shorter: a long story shares a few of them with many others);
   * or an anchor, a detail and one content word or the service asked for
   * ("paspor", "KTP"). */
  if ((weight >= 2 && topics >= INCIDENT_TOPICS_SAME &&
       topics >= INCIDENT_TOPICS_SHARE *
                 (a->ntopics < b->ntopics ? a->ntopics : b->ntopics)) ||
      (weight >= 3 && (topics >= 1 || service_shared(a, b))))
    return words >= r->words_low;
  /* Two amounts alike on both sides and an anchor: the same payment
   * retold ("Rp 3.000.000 ... brosur Rp 1.750.000" and "tiga juta ...
   * satu juta tujuh ratus lima puluh ribu"), whatever the words; strangers
   * share one amount, seldom two. */
  if (weight >= 3 && amounts_met(a, b) >= 2 && amounts_met(b, a) >= 2)
    return words >= r->words_low;
  /* Only where and when (an office or place, a day): another act there
   * that day is another incident unless the words say otherwise. */
  if (weight >= 3 && what_shared(a, b))
    return words >= r->words_two;
  if (weight >= 2)
    return words >= r->words_one;
  return words >= r->words;
}

/* ------------------------------------------------------------------ */
/* Word lookups                                                         */
/* ------------------------------------------------------------------ */

/*
 * The static word tables above are looked up per token by many readers;
 * a scan of a list of fifty words per token and reader cost more than
 * all the rest of reading a text.  The words of the tables registered
 * below are laid out once (pthread_once) in a dictionary: each distinct
 * word with the tables that hold it and its first index in each.
 * tokenize() looks each token up once (word_list()); a reader's lookup
 * is then a look at the token's few entries.  A table not registered (a
 * list local to a function) is scanned as before: the lookups say
 * WORD_UNINDEXED.
 */

struct word_entry {
  const void *table;
  int idx;             /* the first index of the word in table */
};

struct word_tuple {    /* a word of a table, while laying out */
  const char *w;
  uint32_t h;
  const void *table;
  int idx;
};

struct word_head {     /* a distinct word: its entries */
  const char *w;
  uint32_t h;
  int mem, nmem;       /* word_mem[mem .. mem + nmem) */
};

#define WORD_TABLES 128   /* slots of the registered tables (power of 2) */

static struct word_entry *word_mem;
static struct word_head *word_heads;
static int *word_dict;    /* open addressing: a word_heads index + 1 */
static size_t word_mask;
static const void *word_tables[WORD_TABLES];

/* The tables indexed: the base of the table, the address of the word of
 * its first entry, the bytes from one entry to the next, and the entries
 * (0: a NULL-ended list of words). */
#define WORD_LIST(l) {l, l, sizeof(l[0]), 0}
#define WORD_TABLE(t) {t, &t[0].w, sizeof(t[0]), COUNT(t)}
static const struct {
  const void *table;
  const void *first;
  size_t stride;
  size_t n;
} word_indexed[] = {
  WORD_LIST(absent_words), WORD_LIST(almost_words), WORD_LIST(alone_words),
  WORD_LIST(altered_words), WORD_LIST(approx_words),
  WORD_LIST(compare_words), WORD_LIST(count_words),
  WORD_LIST(deadline_words), WORD_LIST(directions), WORD_LIST(dotted),
  WORD_LIST(everyday_nouns), WORD_LIST(feast_relative),
  WORD_LIST(field_tails), WORD_LIST(generic_words),
  WORD_LIST(given_words), WORD_LIST(glued_units), WORD_LIST(honorifics),
  WORD_LIST(kin_circle),
  WORD_LIST(kin_words), WORD_LIST(late_words), WORD_LIST(left_words),
  WORD_LIST(money_words),
  WORD_LIST(name_leads), WORD_LIST(name_titles), WORD_LIST(negations),
  WORD_LIST(note_words), WORD_LIST(note_filler),
  WORD_LIST(not_names), WORD_LIST(number_leads), WORD_LIST(numbering),
  WORD_LIST(numerals), WORD_LIST(office_filler),
  WORD_LIST(office_not_names), WORD_LIST(office_types_words),
  WORD_LIST(owed_papers), WORD_LIST(paper_verbs), WORD_LIST(place_lead),
  WORD_LIST(place_not_names), WORD_LIST(possessives),
  WORD_LIST(project_words), WORD_LIST(province_words),
  WORD_LIST(ran_out_words), WORD_LIST(range_links),
  WORD_LIST(range_words), WORD_LIST(relative_years),
  WORD_LIST(road_after), WORD_LIST(road_before), WORD_LIST(roles),
  WORD_LIST(stage_units), WORD_LIST(supply_words),
  WORD_LIST(tally_words), WORD_LIST(water_lead), WORD_LIST(weekdays),
  WORD_TABLE(office_words), WORD_TABLE(number_words),
  WORD_TABLE(se_words), WORD_TABLE(multipliers), WORD_TABLE(months),
  WORD_TABLE(act_words), WORD_TABLE(work_words), WORD_LIST(field_types),
};

/* The slot of the registered tables for table. */
static size_t
word_table_slot(const void *table)
{
  size_t k = (size_t)(((uint64_t)(uintptr_t)table * 0x9E3779B97F4A7C15ULL) >>
                      57);   /* the top 7 bits: WORD_TABLES slots */

  while (word_tables[k] != NULL && word_tables[k] != table)
    k = (k + 1) & (WORD_TABLES - 1);
  return k;
}

/* Lay out x for the n entries of a table whose word of entry i is at
 * first + i * stride (a NULL word: in no byte's run). */
static void
by_letter_build(struct by_letter *x, const void *first, size_t stride,
                size_t n)
{
  const char *w;
  size_t i, m = 0;
  int c;

  for (i = 0; i < n; i++) {
    w = *(const char *const *)((const char *)first + i * stride);
    m += w == NULL ? 0 : w[0] == '*' ? 256 : 1;
  }
  if ((x->e = calloc(m + 1, sizeof(*x->e))) == NULL)
    return;
  for (c = 0, m = 0; c < 256; c++) {
    x->start[c] = (int)m;
    for (i = 0; i < n; i++) {
      w = *(const char *const *)((const char *)first + i * stride);
      if (w != NULL && (w[0] == '*' || (unsigned char)w[0] == c))
        x->e[m++] = (int)i;
    }
  }
  x->start[256] = (int)m;
}

static void
by_letter_range(const struct by_letter *x, unsigned char c, size_t n,
                int *lo, int *hi)
{
  *lo = x->e != NULL ? x->start[c] : 0;
  *hi = x->e != NULL ? x->start[c + 1] : (int)n;
}

static size_t
by_letter_at(const struct by_letter *x, int k)
{
  return x->e != NULL ? (size_t)x->e[k] : (size_t)k;
}

/* Tuples by word, then table, then index. */
static int
word_tuple_cmp(const void *pa, const void *pb)
{
  const struct word_tuple *a = pa, *b = pb;
  int c;

  if (a->h != b->h)
    return a->h < b->h ? -1 : 1;
  if ((c = strcmp(a->w, b->w)) != 0)
    return c;
  if (a->table != b->table)
    return (uintptr_t)a->table < (uintptr_t)b->table ? -1 : 1;
  return a->idx - b->idx;
}

/* The word_heads index of the word w of hash h, or -1. */
static int
word_head_of(const char *w, uint32_t h)
{
  size_t k;
  int e;

  for (k = (h * 0x9E3779B1u) & word_mask; (e = word_dict[k]) != 0;
       k = (k + 1) & word_mask)
    if (word_heads[e - 1].h == h && strcmp(word_heads[e - 1].w, w) == 0)
      return e - 1;
  return -1;
}

static void
word_index_once(void)
{
  struct word_tuple *tu;
  const char *w;
  size_t e, i, n, total = 0, size = 64, k;
  int nmem = 0, nheads = 0;

  field_types_once();
  for (e = 0; glued_units[e] != NULL; e++)
    glued_len[e] = strlen(glued_units[e]);
  by_letter_build(&services_by_letter, &services[0].w[0], sizeof(services[0]),
                  COUNT(services));
  by_letter_build(&aliases_by_letter, &office_aliases[0].alias,
                  sizeof(office_aliases[0]), COUNT(office_aliases));

  for (e = 0; e < COUNT(word_indexed); e++) {
    n = word_indexed[e].n;
    if (n == 0)
      while (((const char *const *)word_indexed[e].first)[n] != NULL)
        n++;
    total += n;
  }
  while (size < 2 * total)
    size *= 2;
  tu = calloc(total + 1, sizeof(*tu));
  word_mem = calloc(total + 1, sizeof(*word_mem));
  word_heads = calloc(total + 1, sizeof(*word_heads));
  word_dict = calloc(size, sizeof(*word_dict));
  if (COUNT(word_indexed) > WORD_TABLES / 2 || tu == NULL ||
      word_mem == NULL || word_heads == NULL || word_dict == NULL) {
    free(tu);
    free(word_mem);
    free(word_heads);
    free(word_dict);
    word_dict = NULL;   /* nothing indexed: every lookup scans */
    return;
  }
  word_mask = size - 1;
  for (e = 0, n = 0; e < COUNT(word_indexed); e++) {
    for (i = 0; word_indexed[e].n == 0 || i < word_indexed[e].n; i++) {
      w = *(const char *const *)((const char *)word_indexed[e].first +
                                 i * word_indexed[e].stride);
      if (w == NULL)
        break;
      tu[n].w = w;
      tu[n].h = word_hash(w, strlen(w));
      tu[n].table = word_indexed[e].table;
      tu[n++].idx = (int)i;
    }
    word_tables[word_table_slot(word_indexed[e].table)] =
        word_indexed[e].table;
  }
  qsort(tu, n, sizeof(*tu), word_tuple_cmp);
  for (i = 0; i < n; i++) {
    if (i == 0 || tu[i].h != tu[i - 1].h || strcmp(tu[i].w, tu[i - 1].w)) {
      word_heads[nheads].w = tu[i].w;
      word_heads[nheads].h = tu[i].h;
      word_heads[nheads].mem = nmem;
      for (k = (tu[i].h * 0x9E3779B1u) & word_mask; word_dict[k] != 0;
           k = (k + 1) & word_mask)
        ;
      word_dict[k] = ++nheads;
    } else if (tu[i].table == tu[i - 1].table) {
      continue;   /* a word listed twice: the first index holds */
    }
    word_mem[nmem].table = tu[i].table;
    word_mem[nmem++].idx = tu[i].idx;
    word_heads[nheads - 1].nmem++;
  }
  free(tu);
}

/* Look t's word up in the dictionary, once (tokenize()). */
static void
word_list(struct token *t)
{
  int e;

  t->listed = word_dict != NULL;
  t->mem = t->nmem = 0;
  if (!t->listed || t->is_num ||
      (e = word_head_of(t->w, word_hash(t->w, strlen(t->w)))) < 0)
    return;
  t->mem = word_heads[e].mem;
  t->nmem = word_heads[e].nmem;
}

/* The entry of table among mem[0..n): its index, -1 when none is the
 * table's; WORD_UNINDEXED when the table is not registered. */
static int
word_entry_in(const struct word_entry *mem, int n, const void *table)
{
  int k;

  for (k = 0; k < n; k++)
    if (mem[k].table == table)
      return mem[k].idx;
  return word_tables[word_table_slot(table)] == table ? -1 : WORD_UNINDEXED;
}

/* The first index of t's word in the registered table, -1 when it holds
 * none; WORD_UNINDEXED when the table is not registered or t was not
 * looked up (a token made by hand). */
static int
word_member(const struct token *t, const void *table)
{
  if (!t->listed)
    return WORD_UNINDEXED;
  return word_entry_in(word_mem + t->mem, t->nmem, table);
}

/* As word_member(), for the word w. */
static int
word_index_find(const void *table, const char *w)
{
  int e;

  pthread_once(&word_index_done, word_index_once);
  if (word_dict == NULL)
    return WORD_UNINDEXED;
  e = word_head_of(w, word_hash(w, strlen(w)));
  return e < 0 ? word_entry_in(word_mem, 0, table)
               : word_entry_in(word_mem + word_heads[e].mem,
                               word_heads[e].nmem, table);
}
