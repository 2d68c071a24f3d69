/*
 * when.c: Indonesian dates of incidents (see when.h).
 *
 * The text is cut into at most TOK_MAX tokens (words, numbers, and the
 * separators '/', '-', '.', ':' between numbers), filler words and a
 * time of day are taken out, and what is left is matched against the
 * forms of when.h, in order: unknown, future, relative, day names,
 * absolute dates.  Dates are counted in days since 1970-01-01 on the
 * proleptic Gregorian calendar (when_days_from_civil() and when_civil_from_days()
 * below), in WITA.  No locale, no libc time functions, no allocation.
 */
#include "rules/when.h"

#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "base/units.h"
#include "base/utf8.h"

#define MS_PER_HOUR (3600LL * 1000)
/* 9999-12-31 23.59.59.999 WITA, the last instant now_ms may stand for. */
#define NOW_MAX_MS (253402300799999LL - WITA_OFFSET_MS)
#define TOK_MAX 24
#define WORD_MAX 16          /* longest word kept, with its NUL */
#define NUM_CAP 999999999LL  /* numbers saturate here */
#define FLOOR_YEAR 1900      /* nothing older is ever a report date */
#define NIGHT_FROM_HOUR 18   /* "tadi malam" is today from this hour on */
#define NOMATCH (-1)

/* ---- Calendar ---------------------------------------------------------- */

static int
is_leap(int64_t y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int64_t y, int m)
{
  static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30,
                                        31, 31, 30, 31, 30, 31};

  if (m == 2 && is_leap(y))
    return 29;
  return dim[m - 1];
}

/* 1 when y-m-d is a date of the years 1 to 9999. */
static int
valid_date(int64_t y, int m, int d)
{
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
         d <= days_in_month(y, m);
}

/*
 * Days from 1970-01-01 to y-m-d (m 1..12, d 1..31), proleptic Gregorian.
 * The calendar repeats every 400 years (146097 days); within such an era
 * years are counted from 1 March so that the leap day falls at the end.
 */
int64_t
when_days_from_civil(int64_t y, int m, int d)
{
  int64_t era, yoe, doy, doe;

  if (m <= 2)
    y--;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;                                     /* 0..399 */
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;   /* 0..365 */
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;             /* 0..146096 */
  return era * 146097 + doe - 719468;
}

/* The inverse of when_days_from_civil(). */
void
when_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
  int64_t era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

/* ---- The clock --------------------------------------------------------- */

struct today {
  int64_t today;   /* days since 1970-01-01, in WITA */
  int64_t y;       /* today's year, month, day */
  int m, d;
  int wd;          /* today's weekday, 0 = Monday .. 6 = Sunday */
  int hour;        /* the hour now, in WITA */
  int64_t limit;   /* the oldest day still accepted */
};

static void
today_set(struct today *c, int64_t now_ms, int max_age_years)
{
  int64_t rem, ly;

  if (now_ms < 0)
    now_ms = 0;
  if (now_ms > NOW_MAX_MS)
    now_ms = NOW_MAX_MS;
  now_ms += WITA_OFFSET_MS;
  c->today = now_ms / DAY_MS;
  rem = now_ms % DAY_MS;
  c->hour = (int)(rem / MS_PER_HOUR);
  when_civil_from_days(c->today, &c->y, &c->m, &c->d);
  /* 1970-01-01 was a Thursday. */
  c->wd = (int)((c->today + 3) % 7);

  c->limit = when_days_from_civil(FLOOR_YEAR, 1, 1);
  if (max_age_years > 0 && max_age_years < 10000) {
    ly = c->y - max_age_years;
    if (ly >= FLOOR_YEAR) {
      int d = c->d;

      if (d > days_in_month(ly, c->m))
        d = days_in_month(ly, c->m);
      c->limit = when_days_from_civil(ly, c->m, d);
    }
  }
}

/* ---- Results ----------------------------------------------------------- */

static void
set_unknown(struct when *out)
{
  out->precision = WHEN_UNKNOWN;
  out->year = 0;
  out->month = 0;
  out->day = 0;
}

/* A day: WHEN_FUTURE after today, WHEN_TOO_OLD before the limit.  *out is
 * the day when it is within the years 1 to 9999. */
static int
finish_day(const struct today *c, int64_t days, struct when *out)
{
  int64_t y;
  int m, d;

  set_unknown(out);
  if (days >= when_days_from_civil(1, 1, 1) &&
      days <= when_days_from_civil(9999, 12, 31)) {
    when_civil_from_days(days, &y, &m, &d);
    out->precision = WHEN_DAY;
    out->year = (int)y;
    out->month = m;
    out->day = d;
  }
  if (days > c->today)
    return WHEN_FUTURE;
  if (days < c->limit)
    return WHEN_TOO_OLD;
  return WHEN_OK;
}

/* A month, counted as y * 12 + (m - 1): future when it begins after
 * today, too old when it ends before the limit. */
static int
finish_month(const struct today *c, int64_t index, struct when *out)
{
  int64_t y = index / 12, first, last;
  int m = (int)(index % 12) + 1;

  set_unknown(out);
  if (index < 0 || y < FLOOR_YEAR)
    return WHEN_TOO_OLD;
  if (y > 9999)
    return WHEN_FUTURE;
  out->precision = WHEN_MONTH;
  out->year = (int)y;
  out->month = m;
  first = when_days_from_civil(y, m, 1);
  last = first + days_in_month(y, m) - 1;
  if (first > c->today)
    return WHEN_FUTURE;
  if (last < c->limit)
    return WHEN_TOO_OLD;
  return WHEN_OK;
}

/* A year alone is too vague for a report, but it can still be plainly in
 * the future or plainly too old. */
static int
finish_year(const struct today *c, int64_t y, struct when *out)
{
  set_unknown(out);
  if (y > c->y)
    return WHEN_FUTURE;
  if (y < FLOOR_YEAR || when_days_from_civil(y, 12, 31) < c->limit)
    return WHEN_TOO_OLD;
  return WHEN_INVALID;
}

/* ---- Tokens ------------------------------------------------------------ */

enum tok_kind { TK_WORD, TK_NUM, TK_SEP };

struct tok {
  enum tok_kind kind;
  int digits;             /* TK_NUM: digits written, leading zeros too */
  int64_t val;            /* TK_NUM: the value, at most NUM_CAP */
  char sep;               /* TK_SEP: '/', '-', '.' or ':' */
  char word[WORD_MAX];    /* TK_WORD: lower case; "" when too long */
};

enum tod { TOD_NONE = 0, TOD_DAY, TOD_NIGHT };

struct toks {
  struct tok t[TOK_MAX];
  int n;
  int saw_tgl;            /* "tanggal" was written */
  int saw_bulan;          /* "bulan" was written before a number */
  enum tod tod;           /* the time of day written, if any */
  int lead_tod;           /* ... and it came first ("pagi ini") */
};

enum cclass { C_SPACE, C_LETTER, C_DIGIT, C_SEP, C_APOS, C_OTHER };

/*
 * What the character at s[i] (i < n) is.  *adv is its length in bytes;
 * *ch the ASCII it stands for (a lower-case letter, a digit or a
 * separator).  Outside ASCII only spaces, quotes, dashes and emoji are
 * known; any other letter or symbol, and malformed UTF-8, is C_OTHER.
 */
static enum cclass
classify(const char *s, size_t n, size_t i, size_t *adv, char *ch)
{
  unsigned char c = (unsigned char)s[i];
  uint32_t cp;
  int len;

  *adv = 1;
  *ch = '\0';
  if (c >= 'a' && c <= 'z') {
    *ch = (char)c;
    return C_LETTER;
  }
  if (c >= 'A' && c <= 'Z') {
    *ch = (char)(c - 'A' + 'a');
    return C_LETTER;
  }
  if (c >= '0' && c <= '9') {
    *ch = (char)c;
    return C_DIGIT;
  }
  if (c == '/' || c == '-' || c == '.' || c == ':') {
    *ch = (char)c;
    return C_SEP;
  }
  if (c == '\'' || c == '`')
    return C_APOS;
  if (c < 0x80)
    return strchr(" \t\r\n\v\f,;!?()[]\"~+*", c) != NULL ? C_SPACE
                                                        : C_OTHER;
  len = utf8_decode(s + i, n - i, &cp);
  if (len == 0)
    return C_OTHER;
  *adv = (size_t)len;
  if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC)
    return C_APOS;
  if (cp == 0x2010 || cp == 0x2011 || cp == 0x2013 || cp == 0x2014 ||
      cp == 0x2212) {
    *ch = '-';
    return C_SEP;
  }
  if (cp == 0x00A0 || cp == 0x00B1 || (cp >= 0x2000 && cp <= 0x200B) ||
      cp == 0x200D || cp == 0x201C || cp == 0x201D || cp == 0x2026 ||
      cp == 0x202F || cp == 0x20E3 || cp == 0x3000 || cp == 0xFE0F ||
      (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x1F000 && cp <= 0x1FAFF))
    return C_SPACE;
  return C_OTHER;
}

/* The class of s[i], or C_SPACE past the end. */
static enum cclass
peek(const char *s, size_t n, size_t i)
{
  size_t adv;
  char ch;

  return i < n ? classify(s, n, i, &adv, &ch) : C_SPACE;
}

/*
 * Cut s into tk.  Within a word, an apostrophe or a hyphen between two
 * letters is dropped ("jum'at", "kira-kira", "se-minggu"), and a '2'
 * right after it doubles it ("kira2" is "kirakira").  A run of
 * separators is one ("12//03", "kemarin...").  Returns 0, or -1 when s
 * holds a character not understood or more than TOK_MAX tokens.
 */
static int
tokenize(const char *s, struct toks *tk)
{
  size_t n = strlen(s), i = 0, adv;
  enum cclass cl;
  struct tok *t;
  char ch;
  int len, toolong;

  memset(tk, 0, sizeof(*tk));
  while (i < n) {
    cl = classify(s, n, i, &adv, &ch);
    if (cl == C_SPACE || cl == C_APOS) {
      i += adv;
      continue;
    }
    if (cl == C_SEP && tk->n > 0 && tk->t[tk->n - 1].kind == TK_SEP) {
      i += adv;                                  /* "..." is one */
      continue;
    }
    if (cl == C_OTHER || tk->n == TOK_MAX)
      return -1;
    t = &tk->t[tk->n++];
    if (cl == C_SEP) {
      t->kind = TK_SEP;
      t->sep = ch;
      i += adv;
    } else if (cl == C_DIGIT) {
      t->kind = TK_NUM;
      while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (t->digits < 99)
          t->digits++;
        if (t->val <= (NUM_CAP - 9) / 10)
          t->val = t->val * 10 + (s[i] - '0');
        else
          t->val = NUM_CAP;
        i++;
      }
    } else {
      t->kind = TK_WORD;
      len = 0;
      toolong = 0;
      for (;;) {
        if (cl == C_LETTER) {
          if (len + 1 < WORD_MAX)
            t->word[len++] = ch;
          else
            toolong = 1;
        } else if ((cl == C_APOS || (cl == C_SEP && ch == '-')) &&
                   peek(s, n, i + adv) == C_LETTER) {
          /* A joiner inside a word: skip it. */
        } else {
          break;
        }
        i += adv;
        if (i >= n)
          break;
        cl = classify(s, n, i, &adv, &ch);
      }
      if (i < n && s[i] == '2' && peek(s, n, i + 1) != C_LETTER &&
          peek(s, n, i + 1) != C_DIGIT) {
        if (2 * len + 1 <= WORD_MAX)
          memcpy(t->word + len, t->word, (size_t)len);
        else
          toolong = 1;
        len *= 2;
        i++;
      }
      if (toolong)
        len = 0;
      t->word[len] = '\0';
    }
  }
  return 0;
}

static void
tk_remove(struct toks *tk, int i, int count)
{
  memmove(&tk->t[i], &tk->t[i + count],
          (size_t)(tk->n - i - count) * sizeof(tk->t[0]));
  tk->n -= count;
}

/* ---- Word lists -------------------------------------------------------- */

struct word_val {
  const char *word;
  int val;
};

/* The value of token i in list (ended by a NULL word), or -1. */
static int
lookup(const struct toks *tk, int i, const struct word_val *list)
{
  const struct tok *t;

  if (i < 0 || i >= tk->n)
    return -1;
  t = &tk->t[i];
  if (t->kind != TK_WORD || t->word[0] == '\0')
    return -1;
  for (; list->word != NULL; list++)
    if (strcmp(t->word, list->word) == 0)
      return list->val;
  return -1;
}

/* 1 when token i is one of the words of list (ended by NULL). */
static int
is_word(const struct toks *tk, int i, const char *const *list)
{
  const struct tok *t;

  if (i < 0 || i >= tk->n)
    return 0;
  t = &tk->t[i];
  if (t->kind != TK_WORD || t->word[0] == '\0')
    return 0;
  for (; *list != NULL; list++)
    if (strcmp(t->word, *list) == 0)
      return 1;
  return 0;
}

static int
is_num(const struct toks *tk, int i)
{
  return i >= 0 && i < tk->n && tk->t[i].kind == TK_NUM;
}

static const struct word_val months[] = {
  {"januari", 1}, {"jan", 1}, {"january", 1},
  {"februari", 2}, {"feb", 2}, {"pebruari", 2}, {"peb", 2},
  {"febuari", 2}, {"pebuari", 2}, {"february", 2},
  {"maret", 3}, {"mar", 3}, {"march", 3},
  {"april", 4}, {"apr", 4},
  {"mei", 5}, {"may", 5},
  {"juni", 6}, {"jun", 6}, {"june", 6},
  {"juli", 7}, {"jul", 7}, {"july", 7},
  {"agustus", 8}, {"agu", 8}, {"agt", 8}, {"ags", 8}, {"agst", 8},
  {"aug", 8}, {"august", 8},
  {"september", 9}, {"sep", 9}, {"sept", 9},
  {"oktober", 10}, {"okt", 10}, {"oct", 10}, {"october", 10},
  {"november", 11}, {"nov", 11}, {"nop", 11}, {"nopember", 11},
  {"desember", 12}, {"des", 12}, {"dec", 12}, {"december", 12},
  {NULL, 0},
};

/* Monday is 0, as in struct today. */
static const struct word_val weekdays[] = {
  {"senin", 0}, {"selasa", 1}, {"rabu", 2}, {"kamis", 3},
  {"jumat", 4}, {"jumaat", 4}, {"sabtu", 5}, {"minggu", 6}, {"ahad", 6},
  {NULL, 0},
};

static const struct word_val number_words[] = {
  {"satu", 1}, {"dua", 2}, {"tiga", 3}, {"empat", 4}, {"lima", 5},
  {"enam", 6}, {"tujuh", 7}, {"delapan", 8}, {"sembilan", 9},
  {"sepuluh", 10}, {"sebelas", 11},
  {NULL, 0},
};

enum unit { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR };

static const struct word_val units[] = {
  {"hari", U_DAY}, {"hr", U_DAY}, {"hri", U_DAY},
  {"minggu", U_WEEK}, {"mgg", U_WEEK}, {"mg", U_WEEK}, {"pekan", U_WEEK},
  {"bulan", U_MONTH}, {"bln", U_MONTH},
  {"tahun", U_YEAR}, {"thn", U_YEAR}, {"th", U_YEAR},
  {NULL, 0},
};

/* "se-" and a unit: one of it. */
static const struct word_val one_units[] = {
  {"sehari", U_DAY}, {"seminggu", U_WEEK}, {"sepekan", U_WEEK},
  {"sebulan", U_MONTH}, {"setahun", U_YEAR},
  {NULL, 0},
};

static const struct word_val times_of_day[] = {
  {"pagi", TOD_DAY}, {"siang", TOD_DAY}, {"sore", TOD_DAY},
  {"petang", TOD_DAY}, {"subuh", TOD_DAY}, {"malam", TOD_NIGHT},
  {"malem", TOD_NIGHT},
  {NULL, 0},
};

static const char *const fillers[] = {
  "pada", "pd", "sekitar", "sekitaran", "skitar", "sktr", "kira",
  "kirakira", "kurleb", "yang", "yg", "saya", "sy", "aku", "sudah",
  "udah", "sdh", "kejadian", "kejadiannya", "terjadi", "terjadinya",
  "mungkin", "kayaknya", "sepertinya", "awal", "akhir", "pertengahan",
  "tengah", "maaf", "tepatnya", "wita", "wib", "wit", NULL,
};
static const char *const tgl_words[] = {
  "tgl", "tanggal", "tangal", "tanggl", "tggl", "tglnya", "tanggalnya",
  NULL,
};
static const char *const year_words[] = {"tahun", "thn", "th", NULL};
static const char *const month_words[] = {"bulan", "bln", NULL};
static const char *const day_words[] = {"hari", "hr", "hri", NULL};
static const char *const week_words[] = {"minggu", "mgg", "mg", "pekan",
                                         NULL};
static const char *const if_words[] = {"kalau", "kalo", "klo", "kl",
                                       NULL};
static const char *const wrong_words[] = {"salah", "keliru", NULL};
static const char *const approx_words[] = {"kurang", "lebih", NULL};
static const char *const hour_words[] = {"jam", "pukul", "pkl", "pk",
                                         NULL};
static const char *const negations[] = {
  "tidak", "tdk", "tak", "gak", "ga", "gk", "nggak", "ngga", "nggk",
  "enggak", "engga", "ndak", "nda", "kagak", "kurang", "belum", "blm",
  NULL,
};
static const char *const knowing[] = {"tahu", "tau", "taw", "ingat",
                                      "inget", "pasti", "yakin", NULL};
static const char *const unknown_words[] = {
  "lupa", "gatau", "gatahu", "gataw", "gktau", "tidaktahu", "entah",
  "ntah", "lupalupa", NULL,
};
static const char *const unknown_tail[] = {
  "pasti", "lagi", "persis", "jelas", "kapan", "ingat", "waktunya",
  "harinya", "bulannya", NULL,
};
static const char *const ago_words[] = {
  "lalu", "yll", "yl", "silam", "sebelumnya", "kemarin", "kemaren",
  "kmrn", "kmren", "kmarin", NULL,
};
static const char *const yesterday_words[] = {
  "kemarin", "kemaren", "kmrn", "kmren", "kmarin", NULL,
};
static const char *const just_now_words[] = {
  "tadi", "td", "barusan", "sekarang", "skrg", "skg", NULL,
};
static const char *const earlier_words[] = {"tadi", "td", NULL};
static const char *const dini_words[] = {"dini", NULL};
static const char *const last_night_words[] = {"semalam", "semalem", NULL};
static const char *const this_words[] = {"ini", NULL};
static const char *const before_yesterday_tail[] = {"lusa", "dulu", NULL};
static const char *const tomorrow_words[] = {"besok", "bsk", "besuk",
                                             "esok", NULL};
static const char *const later_words[] = {"lusa", "nanti", "ntar", "nnti",
                                          NULL};
static const char *const next_words[] = {"depan", "mendatang", NULL};
static const char *const more_words[] = {"lagi", NULL};

/* ---- Clean-up ---------------------------------------------------------- */

/*
 * Keep a separator only between two numbers ("12/03"); elsewhere it is
 * punctuation ("Mar. 2026", "12-mar-2026").  Writes go to index m <= i,
 * so t[i - 1] and t[i + 1] are still the original neighbours of t[i].
 */
static void
drop_separators(struct toks *tk)
{
  int i, m = 0;

  for (i = 0; i < tk->n; i++) {
    if (tk->t[i].kind == TK_SEP &&
        !(i > 0 && tk->t[i - 1].kind == TK_NUM && i + 1 < tk->n &&
          tk->t[i + 1].kind == TK_NUM))
      continue;
    if (m != i)
      tk->t[m] = tk->t[i];
    m++;
  }
  tk->n = m;
}

/* Take out filler words and phrases, noting "tanggal" and "bulan". */
static void
drop_fillers(struct toks *tk)
{
  int i = 0;

  while (i < tk->n) {
    if (is_word(tk, i, approx_words) && is_word(tk, i + 1, approx_words) &&
        strcmp(tk->t[i].word, tk->t[i + 1].word) != 0) {
      tk_remove(tk, i, 2);                       /* kurang lebih */
    } else if (is_word(tk, i, if_words) && is_word(tk, i + 1, negations) &&
               is_word(tk, i + 2, wrong_words)) {
      tk_remove(tk, i, 3);                       /* kalau tidak salah */
    } else if (is_word(tk, i, fillers)) {
      tk_remove(tk, i, 1);
    } else if (is_word(tk, i, tgl_words)) {
      tk->saw_tgl = 1;
      tk_remove(tk, i, 1);
    } else if (is_word(tk, i, year_words) && is_num(tk, i + 1)) {
      tk_remove(tk, i, 1);                       /* tahun 2026 */
    } else if (is_word(tk, i, month_words) &&
               lookup(tk, i + 1, months) > 0) {
      tk_remove(tk, i, 1);                       /* bulan maret */
    } else if (is_word(tk, i, month_words) && is_num(tk, i + 1)) {
      tk->saw_bulan = 1;
      tk_remove(tk, i, 1);                       /* bulan 3 */
    } else {
      i++;
    }
  }
}

/*
 * The length in tokens of a clock time ("jam 10", "pukul 14.30") at
 * token i, or 0 when there is none.  An hour over 24 or minutes over 59
 * are no clock time, and stay to make the text invalid.
 */
static int
clock_time_at(const struct toks *tk, int i)
{
  const struct tok *h, *mi;

  if (!is_word(tk, i, hour_words) || !is_num(tk, i + 1))
    return 0;
  h = &tk->t[i + 1];
  if (h->digits > 2 || h->val > 24)
    return 0;
  if (i + 3 < tk->n && tk->t[i + 2].kind == TK_SEP && is_num(tk, i + 3)) {
    mi = &tk->t[i + 3];
    return mi->digits == 2 && mi->val <= 59 ? 4 : 0;
  }
  return 2;
}

/* Take out clock times, the time of day at the end (and one at the
 * start), noting whether it was the night. */
static void
drop_time(struct toks *tk)
{
  int i = 0, len, tod;

  while (i < tk->n) {
    len = clock_time_at(tk, i);
    if (len > 0)
      tk_remove(tk, i, len);
    else
      i++;
  }
  while (tk->n > 0) {
    i = tk->n - 1;
    tod = lookup(tk, i, times_of_day);
    if (tod > 0) {
      tk->tod = (enum tod)tod;
      tk_remove(tk, i, 1);
    } else if (is_word(tk, i - 1, dini_words) && is_word(tk, i, day_words)) {
      tk->tod = TOD_DAY;                         /* dini hari */
      tk_remove(tk, i - 1, 2);
    } else {
      break;
    }
  }
  tod = lookup(tk, 0, times_of_day);
  if (tk->n >= 2 && tod > 0) {
    tk->tod = (enum tod)tod;                     /* pagi ini, malam tadi */
    tk->lead_tod = 1;
    tk_remove(tk, 0, 1);
  } else if (tk->n >= 3 && is_word(tk, 0, dini_words) &&
             is_word(tk, 1, day_words)) {
    tk->tod = TOD_DAY;                           /* dini hari tadi */
    tk->lead_tod = 1;
    tk_remove(tk, 0, 2);
  }
}

/* ---- Forms ------------------------------------------------------------- */

/* A count: digits, a number word; -1 otherwise. */
static int64_t
count_at(const struct toks *tk, int i)
{
  if (is_num(tk, i))
    return tk->t[i].val;
  return lookup(tk, i, number_words);
}

/* The day count back, or month or year, of count units before today. */
static int
units_ago(const struct today *c, int unit, int64_t count, struct when *out)
{
  switch (unit) {
  case U_DAY:
    return finish_day(c, c->today - count, out);
  case U_WEEK:
    return finish_day(c, c->today - 7 * count, out);
  case U_MONTH:
    return finish_month(c, c->y * 12 + (c->m - 1) - count, out);
  default:
    return finish_year(c, c->y - count, out);
  }
}

/* "tidak tahu", "lupa", ... */
static int
match_unknown(const struct toks *tk, struct when *out)
{
  int i;

  if (is_word(tk, 0, unknown_words))
    i = 1;
  else if (is_word(tk, 0, negations) && is_word(tk, 1, knowing))
    i = 2;
  else
    return NOMATCH;
  for (; i < tk->n; i++)
    if (!is_word(tk, i, unknown_tail))
      return NOMATCH;
  set_unknown(out);
  return WHEN_OK;
}

/* "besok", "lusa", "minggu depan", "3 hari lagi": the future, with the
 * date when it is plain. */
static int
match_future(const struct today *c, const struct toks *tk, struct when *out)
{
  int n = tk->n, unit = lookup(tk, 0, units);
  int64_t count = count_at(tk, 0);

  set_unknown(out);
  if (is_word(tk, 0, tomorrow_words)) {
    if (n == 1)
      finish_day(c, c->today + 1, out);
    else if (n == 2 && strcmp(tk->t[1].word, "lusa") == 0)
      finish_day(c, c->today + 2, out);
    return WHEN_FUTURE;
  }
  if (is_word(tk, 0, later_words)) {
    if (n == 1 && strcmp(tk->t[0].word, "lusa") == 0)
      finish_day(c, c->today + 2, out);
    return WHEN_FUTURE;
  }
  /* "minggu depan", "bulan depan": one unit on.  Day names with "depan"
   * are left to match_weekday(). */
  if (n == 2 && is_word(tk, 1, next_words) && unit > 0) {
    if (unit == U_WEEK)
      finish_day(c, c->today + 7, out);
    else if (unit == U_MONTH)
      finish_month(c, c->y * 12 + c->m, out);
    return WHEN_FUTURE;
  }
  /* "3 hari lagi", "3 hari ke depan". */
  unit = lookup(tk, 1, units);
  if (n >= 3 && count >= 0 && unit > 0 &&
      (is_word(tk, n - 1, more_words) || is_word(tk, n - 1, next_words)) &&
      (n == 3 || (n == 4 && strcmp(tk->t[2].word, "ke") == 0))) {
    if (unit == U_DAY)
      finish_day(c, c->today + count, out);
    else if (unit == U_WEEK)
      finish_day(c, c->today + 7 * count, out);
    return WHEN_FUTURE;
  }
  return NOMATCH;
}

/* A day or month number: 1 or 2 digits; 0 (never valid) otherwise. */
static int
small_at(const struct toks *tk, int i)
{
  const struct tok *t = &tk->t[i];

  return t->digits <= 2 ? (int)t->val : 0;
}

/* Day d of the month back months before this one. */
static int
day_of_month(const struct today *c, int back, int d, struct when *out)
{
  int64_t index = c->y * 12 + (c->m - 1) - back, y = index / 12;
  int m = (int)(index % 12) + 1;

  if (d < 1 || d > days_in_month(y, m))
    return WHEN_INVALID;
  return finish_day(c, when_days_from_civil(y, m, d), out);
}

/* "hari ini", "kemarin", "2 hari lalu", "bulan lalu", ... */
static int
match_relative(const struct today *c, const struct toks *tk,
               struct when *out)
{
  int n = tk->n, unit;
  int64_t count;

  if (n == 1) {
    if (is_word(tk, 0, yesterday_words) || is_word(tk, 0, last_night_words))
      return finish_day(c, c->today - 1, out);
    if (is_word(tk, 0, just_now_words)) {
      /* "tadi malam": last night, unless the night is now. */
      if (is_word(tk, 0, earlier_words) && tk->tod == TOD_NIGHT &&
          c->hour < NIGHT_FROM_HOUR)
        return finish_day(c, c->today - 1, out);
      return finish_day(c, c->today, out);
    }
    if (tk->lead_tod && is_word(tk, 0, this_words))
      return finish_day(c, c->today, out);       /* pagi ini */
    return NOMATCH;
  }
  if (n == 2) {
    if (is_word(tk, 0, day_words) && is_word(tk, 1, this_words))
      return finish_day(c, c->today, out);
    if (is_word(tk, 0, day_words) && is_word(tk, 1, yesterday_words))
      return finish_day(c, c->today - 1, out);
    if (is_word(tk, 0, yesterday_words) &&
        is_word(tk, 1, before_yesterday_tail))
      return finish_day(c, c->today - 2, out);   /* kemarin lusa */
    unit = lookup(tk, 0, units);
    if (unit == U_MONTH && is_word(tk, 1, this_words))
      return finish_month(c, c->y * 12 + (c->m - 1), out);
    if (unit == U_YEAR && is_word(tk, 1, this_words))
      return finish_year(c, c->y, out);
    if (unit > U_DAY && is_word(tk, 1, ago_words))
      return units_ago(c, unit, 1, out);         /* minggu lalu */
    unit = lookup(tk, 0, one_units);
    if (unit > 0 && is_word(tk, 1, ago_words))
      return units_ago(c, unit, 1, out);         /* seminggu lalu */
    return NOMATCH;
  }
  if (n == 3 && tk->saw_tgl && is_num(tk, 0) &&
      lookup(tk, 1, units) == U_MONTH &&
      (is_word(tk, 2, ago_words) || is_word(tk, 2, this_words)))
    return day_of_month(c, is_word(tk, 2, ago_words) ? 1 : 0,
                        small_at(tk, 0), out);   /* tanggal 3 bulan lalu */
  count = count_at(tk, 0);
  unit = lookup(tk, 1, units);
  if (n == 3 && count >= 0 && unit > 0 && is_word(tk, 2, ago_words))
    return units_ago(c, unit, count, out);       /* 2 hari lalu */
  return NOMATCH;
}

static int match_absolute(const struct today *c, const struct toks *tk,
                          int from, struct when *out);

/* Day names; see when.h for what each form means. */
static int
match_weekday(const struct today *c, const struct toks *tk,
              struct when *out)
{
  int n = tk->n, i = 0, wd, back, fwd;
  int last_week = 0, strict = 0;
  int64_t monday = c->today - c->wd;

  if (n > 2 && is_word(tk, 0, week_words) && is_word(tk, 1, ago_words)) {
    last_week = 1;                               /* minggu lalu hari senin */
    i = 2;
  } else if (n > 1 && is_word(tk, 0, yesterday_words)) {
    strict = 1;                                  /* kemarin senin */
    i = 1;
  }
  if (is_word(tk, i, day_words))
    i++;
  wd = lookup(tk, i, weekdays);
  if (wd < 0)
    return NOMATCH;
  i++;

  if (i < n && !last_week && !strict) {
    if (i + 1 == n && is_word(tk, i, ago_words)) {
      strict = 1;                                /* senin lalu */
    } else if (i + 2 == n && is_word(tk, i, week_words) &&
               is_word(tk, i + 1, ago_words)) {
      last_week = 1;                             /* senin minggu lalu */
    } else if ((i + 1 == n && is_word(tk, i, this_words)) ||
               (i + 2 == n && is_word(tk, i, week_words) &&
                is_word(tk, i + 1, this_words))) {
      return finish_day(c, monday + wd, out);    /* senin (minggu) ini */
    } else if ((i + 1 == n && (is_word(tk, i, next_words) ||
                               is_word(tk, i, tomorrow_words))) ||
               (i + 2 == n && is_word(tk, i, week_words) &&
                is_word(tk, i + 1, next_words))) {
      fwd = (wd - c->wd + 7) % 7;                /* senin depan */
      if (i + 2 == n)
        finish_day(c, monday + 7 + wd, out);
      else
        finish_day(c, c->today + (fwd == 0 ? 7 : fwd), out);
      return WHEN_FUTURE;
    } else {
      /* A full date after the day name decides. */
      return match_absolute(c, tk, i, out);
    }
  } else if (i < n) {
    return NOMATCH;
  }

  if (last_week)
    return finish_day(c, monday - 7 + wd, out);
  back = (c->wd - wd + 7) % 7;
  if (back == 0 && strict)
    back = 7;
  return finish_day(c, c->today - back, out);
}

/* The most recent d-m not in the future (strictly before today when
 * strict), going back over the years for 29 February. */
static int
recent_day_month(const struct today *c, int m, int d, int strict,
                 struct when *out)
{
  int64_t y, days;

  if (m < 1 || m > 12 || d < 1 || d > days_in_month(2000, m))
    return WHEN_INVALID;
  for (y = c->y; y >= c->y - 8; y--) {
    if (!valid_date(y, m, d))
      continue;
    days = when_days_from_civil(y, m, d);
    if (days < c->today || (days == c->today && !strict))
      return finish_day(c, days, out);
  }
  return WHEN_INVALID;
}

/* The most recent month m not after this one (before it when strict). */
static int
recent_month(const struct today *c, int m, int strict, struct when *out)
{
  int64_t y = c->y;

  if (m < 1 || m > 12)
    return WHEN_INVALID;
  if (m > c->m || (m == c->m && strict))
    y--;
  return finish_month(c, y * 12 + (m - 1), out);
}

/* "tanggal 12": the most recent 12th not in the future. */
static int
recent_day_of_month(const struct today *c, int d, int strict,
                    struct when *out)
{
  int64_t index = c->y * 12 + (c->m - 1), days, y;
  int back, m;

  if (d < 1 || d > 31)
    return WHEN_INVALID;
  for (back = 0; back < 3; back++, index--) {
    y = index / 12;
    m = (int)(index % 12) + 1;
    if (d > days_in_month(y, m))
      continue;
    days = when_days_from_civil(y, m, d);
    if (days < c->today || (days == c->today && !strict))
      return finish_day(c, days, out);
  }
  return WHEN_INVALID;
}

/* A year: 4 digits, or 2 digits for 20YY; 0 (never valid) otherwise. */
static int64_t
year_at(const struct toks *tk, int i)
{
  const struct tok *t = &tk->t[i];

  if (t->digits == 4)
    return t->val;
  if (t->digits == 2)
    return 2000 + t->val;
  return 0;
}

static int
full_date(const struct today *c, int64_t y, int m, int d, struct when *out)
{
  if (!valid_date(y, m, d))
    return WHEN_INVALID;
  return finish_day(c, when_days_from_civil(y, m, d), out);
}

static int
month_year(const struct today *c, int64_t y, int m, struct when *out)
{
  if (y < 1 || y > 9999 || m < 1 || m > 12)
    return WHEN_INVALID;
  return finish_month(c, y * 12 + (m - 1), out);
}

/* Dates written out, from token from on: names of months or numbers. */
static int
match_absolute(const struct today *c, const struct toks *tk, int from,
               struct when *out)
{
  int n = tk->n, k, j, mon, strict = 0;
  int idx[3], nums = 0;

  if (n - from >= 2 && lookup(tk, n - 1, weekdays) >= 0) {
    n--;                                         /* 9 maret 2026 (senin) */
    if (n - from >= 2 && is_word(tk, n - 1, day_words))
      n--;
  }
  if (n - from >= 2 && is_word(tk, n - 1, ago_words)) {
    strict = 1;                                  /* 12 maret lalu */
    n--;
  }
  k = n - from;
  if (k <= 0)
    return NOMATCH;

  mon = lookup(tk, from, months);
  if (mon > 0) {
    if (k == 1)
      return recent_month(c, mon, strict, out);
    if (k == 2 && is_num(tk, from + 1))
      return month_year(c, year_at(tk, from + 1), mon, out);
    return NOMATCH;
  }
  mon = lookup(tk, from + 1, months);
  if (k >= 2 && is_num(tk, from) && mon > 0) {
    if (k == 2)
      return recent_day_month(c, mon, small_at(tk, from), strict, out);
    if (k == 3 && is_num(tk, from + 2))
      return full_date(c, year_at(tk, from + 2), mon, small_at(tk, from),
                       out);
    return NOMATCH;
  }

  /* Numbers only, separators between them. */
  for (j = from; j < n; j++) {
    if (tk->t[j].kind == TK_SEP)
      continue;
    if (tk->t[j].kind != TK_NUM)
      return NOMATCH;
    if (nums == 3)
      return WHEN_INVALID;
    idx[nums++] = j;
  }
  if (nums == 3) {
    if (tk->t[idx[0]].digits == 4)
      return full_date(c, tk->t[idx[0]].val, small_at(tk, idx[1]),
                       small_at(tk, idx[2]), out);
    return full_date(c, year_at(tk, idx[2]), small_at(tk, idx[1]),
                     small_at(tk, idx[0]), out);
  }
  if (nums == 2) {
    if ((tk->saw_bulan && !tk->saw_tgl) || tk->t[idx[1]].digits == 4)
      return month_year(c, year_at(tk, idx[1]), small_at(tk, idx[0]), out);
    if (tk->t[idx[0]].digits == 4)
      return month_year(c, tk->t[idx[0]].val, small_at(tk, idx[1]), out);
    return recent_day_month(c, small_at(tk, idx[1]), small_at(tk, idx[0]),
                            strict, out);
  }
  if (nums == 1) {
    if (tk->saw_bulan && !tk->saw_tgl)
      return recent_month(c, small_at(tk, idx[0]), strict, out);
    if (tk->saw_tgl)
      return recent_day_of_month(c, small_at(tk, idx[0]), strict, out);
    if (tk->t[idx[0]].digits == 4)
      return finish_year(c, tk->t[idx[0]].val, out);
    return WHEN_INVALID;
  }
  return NOMATCH;
}

/* ---- Entry points ------------------------------------------------------ */

enum when_status
when_parse(const char *text, int64_t now_ms, int max_age_years,
           struct when *out)
{
  struct toks tk;
  struct today c;
  int rc;

  if (out == NULL)
    return WHEN_INVALID;
  set_unknown(out);
  if (text == NULL || tokenize(text, &tk) != 0)
    return WHEN_INVALID;
  today_set(&c, now_ms, max_age_years);
  drop_separators(&tk);
  drop_fillers(&tk);
  drop_time(&tk);
  if (tk.n == 0)
    return WHEN_INVALID;

  rc = match_unknown(&tk, out);
  if (rc == NOMATCH)
    rc = match_future(&c, &tk, out);
  if (rc == NOMATCH)
    rc = match_relative(&c, &tk, out);
  if (rc == NOMATCH)
    rc = match_weekday(&c, &tk, out);
  if (rc == NOMATCH)
    rc = match_absolute(&c, &tk, 0, out);
  if (rc == NOMATCH || rc == WHEN_INVALID) {
    set_unknown(out);
    return WHEN_INVALID;
  }
  return (enum when_status)rc;
}

char *
when_format(const struct when *w, char *buf, size_t len)
{
  if (buf == NULL || len == 0)
    return buf;
  buf[0] = '\0';
  if (w == NULL)
    return buf;
  if (w->precision == WHEN_DAY)
    snprintf(buf, len, "%02d-%02d-%04d", w->day, w->month, w->year);
  else if (w->precision == WHEN_MONTH)
    snprintf(buf, len, "%02d-%04d", w->month, w->year);
  return buf;
}

const char *
when_status_name(enum when_status s)
{
  switch (s) {
  case WHEN_OK:
    return "ok";
  case WHEN_FUTURE:
    return "future";
  case WHEN_TOO_OLD:
    return "too_old";
  case WHEN_INVALID:
    return "invalid";
  }
  return "?";
}
