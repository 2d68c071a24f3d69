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
#include "base/textdist.h"
#include "base/utf8.h"
#include "rules/feast.h"
#include "rules/similar.h"

#define MS_PER_HOUR (3600LL * 1000)
/* 9999-12-31 23.59.59.999 WITA, the last instant now_ms may stand for. */
#define NOW_MAX_MS (253402300799999LL - WITA_OFFSET_MS)
#define TOK_MAX 24
#define WORD_MAX 24          /* longest word kept, with its NUL */
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
  memset(out, 0, sizeof(*out));
  out->precision = WHEN_UNKNOWN;
}

/* The end of a one-point answer is its start. */
static void
set_end_as_start(struct when *out)
{
  out->to_year = out->year;
  out->to_month = out->month;
  out->to_day = out->day;
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
    set_end_as_start(out);
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
  set_end_as_start(out);
  first = when_days_from_civil(y, m, 1);
  last = first + days_in_month(y, m) - 1;
  if (first > c->today)
    return WHEN_FUTURE;
  if (last < c->limit)
    return WHEN_TOO_OLD;
  return WHEN_OK;
}

/* A whole year: future when it begins after today, too old when it ends
 * before the limit. */
static int
finish_year(const struct today *c, int64_t y, struct when *out)
{
  set_unknown(out);
  if (y < FLOOR_YEAR)
    return WHEN_TOO_OLD;
  if (y > 9999)
    return WHEN_FUTURE;
  out->precision = WHEN_YEAR;
  out->year = (int)y;
  set_end_as_start(out);
  if (y > c->y)
    return WHEN_FUTURE;
  if (when_days_from_civil(y, 12, 31) < c->limit)
    return WHEN_TOO_OLD;
  return WHEN_OK;
}

/* A point (y, m, d; d 0 for a month, m 0 for a year). */
struct point {
  int64_t y;
  int m, d;
};

/* The first and the last day a point stands for. */
static int64_t
point_first(struct point p)
{
  return when_days_from_civil(p.y, p.m > 0 ? p.m : 1, p.d > 0 ? p.d : 1);
}

static int64_t
point_last(struct point p)
{
  int m = p.m > 0 ? p.m : 12;

  return when_days_from_civil(p.y, m, p.d > 0 ? p.d : days_in_month(p.y, m));
}

/* The point of a day number. */
static struct point
point_day(int64_t days)
{
  struct point p;

  when_civil_from_days(days, &p.y, &p.m, &p.d);
  return p;
}

/* The start and the end of an answer that has a date. */
static struct point
when_from(const struct when *w)
{
  struct point p = {w->year, w->month, w->day};
  return p;
}

static struct point
when_to(const struct when *w)
{
  struct point p = {w->to_year, w->to_month, w->to_day};
  return p;
}

/* A range of time from one point to another, as precision prec: future
 * when it begins after today, too old when it ends before the limit,
 * invalid when it ends before it begins or lies outside the years 1900 to
 * 9999. */
static int
finish_range(const struct today *c, enum when_precision prec,
             struct point from, struct point to, struct when *out)
{
  int64_t first, last;

  set_unknown(out);
  if (from.y < FLOOR_YEAR || to.y < FLOOR_YEAR)
    return WHEN_TOO_OLD;
  if (from.y > 9999 || to.y > 9999)
    return WHEN_FUTURE;
  first = point_first(from);
  last = point_last(to);
  if (first > last)
    return WHEN_INVALID;
  out->precision = prec;
  out->year = (int)from.y;
  out->month = from.m;
  out->day = from.d;
  out->to_year = (int)to.y;
  out->to_month = to.m;
  out->to_day = to.d;
  if (first > c->today)
    return WHEN_FUTURE;
  if (last < c->limit)
    return WHEN_TOO_OLD;
  return WHEN_OK;
}

/* 1 when an answer names a time (a date, a span, a dated feast). */
static int
has_date(enum when_status rc, const struct when *w)
{
  return (rc == WHEN_OK || rc == WHEN_FUTURE || rc == WHEN_TOO_OLD) &&
         w->precision != WHEN_UNKNOWN && w->year > 0;
}

/* ---- Tokens ------------------------------------------------------------ */

enum tok_kind { TK_WORD, TK_NUM, TK_SEP };

struct tok {
  enum tok_kind kind;
  int digits;             /* TK_NUM: digits written, leading zeros too */
  int64_t val;            /* TK_NUM: the value, at most NUM_CAP */
  char sep;               /* TK_SEP: '/', '-', '.' or ':' */
  int spaced;             /* TK_SEP: a blank before or after it */
  int of_bulan;           /* TK_NUM: "bulan" stood before it: a month */
  char word[WORD_MAX];    /* TK_WORD: lower case; "" when too long */
};

enum tod { TOD_NONE = 0, TOD_DAY, TOD_NIGHT };

struct toks {
  struct tok t[TOK_MAX];
  int n;
  int saw_tgl;            /* "tanggal" was written */
  int saw_bulan;          /* "bulan" was written before a number */
  int saw_tahun;          /* "tahun" was written before a number */
  int saw_sudah;          /* "sudah" or "baru" before a count ("sudah 3
                             hari": 3 days ago) */
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
    return strchr(" \t\r\n\v\f,;!?()[]\"~+*&", c) != NULL ? C_SPACE
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

static int takes_number(const char *w);

/*
 * Cut s into tk.  Within a word, an apostrophe or a hyphen between two
 * letters is dropped ("jum'at", "kira-kira", "se-minggu"), and a '2'
 * right after it doubles it ("kira2" is "kirakira"), except after a word
 * a number follows ("tgl2", "bln2" are "tgl 2", "bln 2").  A run of
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
  int len, toolong, blank = 0;

  memset(tk, 0, sizeof(*tk));
  while (i < n) {
    cl = classify(s, n, i, &adv, &ch);
    if (cl == C_SPACE || cl == C_APOS) {
      if (cl == C_SPACE && tk->n > 0 && tk->t[tk->n - 1].kind == TK_SEP)
        tk->t[tk->n - 1].spaced = 1;             /* "2023 - 2024" */
      blank = cl == C_SPACE;
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
      t->spaced = blank;
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
      t->word[toolong ? 0 : len] = '\0';
      if (i < n && s[i] == '2' && peek(s, n, i + 1) != C_LETTER &&
          peek(s, n, i + 1) != C_DIGIT && !takes_number(t->word)) {
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
    blank = 0;
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

/* The value of word w in list (ended by a NULL word), or -1. */
static int
value_of(const char *w, const struct word_val *list)
{
  for (; list->word != NULL; list++)
    if (strcmp(w, list->word) == 0)
      return list->val;
  return -1;
}

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
  return value_of(t->word, list);
}

/* 1 when w is one of the words of list (ended by NULL). */
static int
word_in(const char *w, const char *const *list)
{
  for (; *list != NULL; list++)
    if (strcmp(w, *list) == 0)
      return 1;
  return 0;
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
  return word_in(t->word, list);
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

/* A unit said twice over, for a long while: "berbulan-bulan" (the hyphen
 * dropped) and "berbulan2" (the whole word doubled by its "2"). */
static const struct word_val many_units[] = {
  {"berharihari", U_DAY}, {"bermingguminggu", U_WEEK},
  {"berbulanbulan", U_MONTH}, {"bertahuntahun", U_YEAR},
  {"berhariberhari", U_DAY}, {"bermingguberminggu", U_WEEK},
  {"berbulanberbulan", U_MONTH}, {"bertahunbertahun", U_YEAR},
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
  "kirakira", "kurleb", "yang", "yg", "saya", "sy", "aku", "kejadian",
  "kejadiannya", "terjadi", "terjadinya", "mungkin", "kayaknya",
  "sepertinya", "maaf", "tepatnya", "persisnya", "wita", "wib", "wit",
  /* NTT: "beta" and "sa" are saya, "pung" is punya */
  "beta", "sa", "pung", "waktu", "saat", "ketika", "pas", "masih", "tapi",
  "tp", "tpi", "pokoknya", "seingat", "seingatku", "setahu", "setahuku",
  "perkiraan", "perkiraannya", "diperkirakan", "kisaran", "dengan", "dgn",
  "ya", "sih", "deh", "pak", "bu", "bapak", "kak", "kaka", "om",
  "nya", "peristiwa", "peristiwanya", "pastinya", "lebih", "lbh",
  /* it happened more than once: the time is still when it began */
  "berulang", "kali", "berkali", "berkalikali", "sering", "terus",
  "menerus", "terusmenerus", "selama", "dalam", "agak", "lumayan", "cukup",
  "berjalan", "berlangsung",
  /* "waktu itu", "itu hari kamis" (Kupang: that day) */
  "itu", "tu",
  NULL,
};
/* "sudah 3 hari" is 3 days ago; alone these are fillers ("su" is NTT). */
static const char *const sudah_words[] = {"sudah", "udah", "sdh", "su",
                                          "sudh", "suda", "hampir", NULL};
/* "setiap hari", "tiap bulan": it happens again and again. */
static const char *const every_words[] = {"setiap", "tiap", "stiap",
                                          "saban", "tiap2", NULL};
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
/* 1 when a number written right after w belongs to it ("tgl2"). */
static int
takes_number(const char *w)
{
  return word_in(w, tgl_words) || word_in(w, month_words) ||
         word_in(w, year_words) || word_in(w, hour_words);
}
/* Words that deny the knowing word after them ("tidak tahu"): eastern
 * NTT and Papuan Malay "tra", "tar", Ambonese "seng" among them, and the
 * rhetorical "mana (saya) tahu", how would I know. */
static const char *const negations[] = {
  "tidak", "tdk", "tak", "gak", "ga", "gk", "nggak", "ngga", "nggk",
  "enggak", "engga", "ndak", "nda", "kagak", "kurang", "belum", "blm",
  "tra", "tar", "seng", "mana",
  NULL,
};
static const char *const knowing[] = {"tahu", "tau", "taw", "ingat",
                                      "inget", "pasti", "yakin", NULL};
/* "saya ingat", "beta inga": not negated, they only lead to the time. */
static const char *const remember_words[] = {"ingat", "inget", NULL};
static const char *const unknown_words[] = {
  "lupa", "gatau", "gatahu", "gataw", "gktau", "tidaktahu", "entah",
  "ntah", "lupalupa", "entahlah", "ntahlah", "lupalah", NULL,
};
/* "sudah lama (sekali)", "dulu sekali": an unknown time, when they are
 * the whole answer. */
static const char *const long_ago_words[] = {"lama", "dulu", NULL};
static const char *const unknown_tail[] = {
  "pasti", "lagi", "persis", "jelas", "kapan", "ingat", "waktunya",
  "harinya", "bulannya", "tahunnya", "jamnya", "sekali", "skali",
  "sekale", "banget", "bgt", "sangat", "e", "ee", "lah", "juga", "tepat",
  "itu", "tu", "hari", "tanggal", "bulan", "tahun", "pastinya", NULL,
};
/* Tail words that may also begin a time ("bulan lalu"). */
static const char *const place_tail[] = {"hari", "bulan", "tahun", "itu",
                                         "tu", NULL};
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
static const char *const next_words[] = {"depan", "dpn", "dpan", "mendatang",
                                         NULL};
static const char *const more_words[] = {"lagi", NULL};
static const char *const now_words[] = {"sekarang", "ini", NULL};
static const char *const since_words[] = {"sejak", NULL};
static const char *const between_words[] = {"antara", NULL};
static const char *const to_words[] = {"sampai", "atau", NULL};
static const char *const and_words[] = {"dan", NULL};
static const char *const some_words[] = {"beberapa", NULL};
static const char *const recent_words[] = {
  "barubaru", "belakangan", "akhirakhir", "kemarinkemarin", NULL,
};
static const char *const baru_words[] = {"baru", NULL};
static const char *const last_words[] = {"terakhir", "trakhir", "terakir",
                                         NULL};
static const char *const not_long_words[] = {"belum", "blm", "tidak",
                                             "tdk", "tak", NULL};
static const char *const just_words[] = {"saja", "aja", "tadi", NULL};
/* "saja" after a time only stresses it ("barusan saja", "kemarin aja");
 * after "baru" it makes "baru saja" (just now) and stays. */
static const char *const stress_words[] = {"saja", "aja", NULL};
/* Around a feast: "sebelum Natal", "menjelang Paskah". */
static const char *const feast_fillers[] = {
  "sebelum", "sblm", "sesudah", "sesdh", "setelah", "stlh", "habis",
  "abis", "sehabis", "usai", "seusai", "menjelang", "jelang", "perayaan",
  "upacara", "hari", "minggu", "libur", "liburan", "misa", "ibadah",
  "kebaktian", "sholat", "salat", "shalat", "masa", NULL,
};

/* Parts of a month or a year. */
enum part { P_NONE = 0, P_EARLY, P_MID, P_LATE };

static const struct word_val parts[] = {
  {"awal", P_EARLY}, {"permulaan", P_EARLY}, {"pertengahan", P_MID},
  {"tengah", P_MID}, {"tgh", P_MID}, {"akhir", P_LATE}, {"ujung", P_LATE},
  {NULL, 0},
};

/* Words written many ways, by what they stand for. */
static const struct {
  const char *from, *to;
} synonyms[] = {
  /* Kupang Malay and NTT spellings */
  {"kalamarin", "kemarin"}, {"kalmarin", "kemarin"},
  {"kalamaren", "kemarin"}, {"kalamaring", "kemarin"},
  {"kalmaren", "kemarin"}, {"kamarin", "kemarin"}, {"klmrn", "kemarin"},
  {"kmrin", "kemarin"}, {"kemrin", "kemarin"}, {"kalmrin", "kemarin"},
  {"taon", "tahun"}, {"taun", "tahun"}, {"ni", "ini"}, {"tahon", "tahun"},
  {"thun", "tahun"},
  {"tahn", "tahun"}, {"sonde", "tidak"}, {"sond", "tidak"},
  {"son", "tidak"}, {"snd", "tidak"}, {"sondek", "tidak"},
  {"inga", "ingat"}, {"ingt", "ingat"}, {"tao", "tahu"}, {"dolo", "dulu"},
  {"dolu", "dulu"}, {"lai", "lagi"}, {"lae", "lagi"},
  {"ampat", "empat"}, {"anam", "enam"}, {"tuju", "tujuh"},
  {"dalapan", "delapan"}, {"lapan", "delapan"}, {"sambilan", "sembilan"},
  {"sapulu", "sepuluh"}, {"sepulu", "sepuluh"},
  /* day names as spoken (Javanese-flavoured "senen", "rebo", "kemis")
   * and typed */
  {"senen", "senin"}, {"snin", "senin"}, {"slasa", "selasa"},
  {"rebo", "rabu"}, {"rabo", "rabu"}, {"kemis", "kamis"},
  {"jmt", "jumat"}, {"jumad", "jumat"},
  {"saptu", "sabtu"}, {"sbtu", "sabtu"},
  /* SMS shorthand */
  {"skarang", "sekarang"}, {"skrang", "sekarang"}, {"skrg", "sekarang"},
  {"skg", "sekarang"}, {"skr", "sekarang"}, {"kini", "sekarang"},
  {"sampe", "sampai"}, {"smp", "sampai"}, {"smpai", "sampai"},
  {"sampei", "sampai"}, {"hingga", "sampai"}, {"hinga", "sampai"},
  {"sd", "sampai"}, {"sjk", "sejak"}, {"semenjak", "sejak"},
  {"dari", "sejak"}, {"dr", "sejak"}, {"dri", "sejak"}, {"mulai", "sejak"},
  {"lewat", "lalu"}, {"lewa", "lalu"}, {"mingu", "minggu"},
  {"mgu", "minggu"}, {"smlm", "semalam"}, {"bbrp", "beberapa"},
  {"bberapa", "beberapa"}, {"bbrapa", "beberapa"}, {"brp", "beberapa"},
  {"ato", "atau"}, {"atw", "atau"}, {"pertengahn", "pertengahan"},
  {"mrt", "maret"}, {"jli", "juli"}, {"aprl", "april"},
  {"yesterday", "kemarin"}, {"today", "sekarang"},
  {"sminggu", "seminggu"}, {"smgg", "seminggu"}, {"shari", "sehari"},
  {"sbulan", "sebulan"}, {"sbln", "sebulan"}, {"sthn", "setahun"},
  {NULL, NULL},
};

/* ---- Clean-up ---------------------------------------------------------- */

/* Make token t the word w. */
static void
tok_word(struct tok *t, const char *w)
{
  memset(t, 0, sizeof(*t));
  t->kind = TK_WORD;
  snprintf(t->word, sizeof(t->word), "%s", w);
}

/* Make token t the number v, written with digits digits (4: a year). */
static void
tok_num(struct tok *t, int64_t v, int digits)
{
  memset(t, 0, sizeof(*t));
  t->kind = TK_NUM;
  t->val = v;
  t->digits = digits;
}

/* Make room for count more tokens at i; 0, or -1 when there is none. */
static int
tk_insert(struct toks *tk, int i, int count)
{
  if (tk->n + count > TOK_MAX)
    return -1;
  memmove(&tk->t[i + count], &tk->t[i],
          (size_t)(tk->n - i) * sizeof(tk->t[0]));
  tk->n += count;
  return 0;
}

/* 1 when the dash at i joins two ends of a span ("2023 - 2024", "Mei -
 * Juli", "agustus 2025 - februari 2026") rather than the parts of a date
 * ("12-03-2026", "12 - 03 - 2026", "12-mar-2026"). */
static int
dash_is_span(const struct toks *tk, int i)
{
  const struct tok *t = &tk->t[i];

  if (t->sep != '-' || !t->spaced || i == 0 || i + 1 >= tk->n)
    return 0;
  if (tk->t[i - 1].kind == TK_NUM && tk->t[i + 1].kind == TK_NUM)
    return !(i >= 2 && tk->t[i - 2].kind == TK_SEP) &&
           !(i + 2 < tk->n && tk->t[i + 2].kind == TK_SEP);
  return 1;
}

/*
 * Keep a separator only between two numbers ("12/03"); elsewhere it is
 * punctuation ("Mar. 2026", "12-mar-2026"), except a dash between the two
 * ends of a span, which becomes "sampai".  The dashes are judged first,
 * on the tokens as written; then writes go to index m <= i, so t[i - 1]
 * and t[i + 1] are still the original neighbours of t[i].
 */
static void
drop_separators(struct toks *tk)
{
  unsigned char spans[TOK_MAX];
  int i, m = 0, span;

  for (i = 0; i < tk->n; i++)
    spans[i] = tk->t[i].kind == TK_SEP && dash_is_span(tk, i);
  for (i = 0; i < tk->n; i++) {
    span = spans[i];
    if (tk->t[i].kind == TK_SEP && !span &&
        !(i > 0 && tk->t[i - 1].kind == TK_NUM && i + 1 < tk->n &&
          tk->t[i + 1].kind == TK_NUM))
      continue;
    if (m != i)
      tk->t[m] = tk->t[i];
    if (span)
      tok_word(&tk->t[m], "sampai");
    m++;
  }
  tk->n = m;
}

/*
 * The length in tokens of a sum of money written with dots between its
 * thousands at token i ("1.500.000", "750.000"), or 0: a number of one to
 * three digits, then each group after a dot written with three digits.
 * No date is written so (its month has one or two digits), and a story
 * that names the sum before the day ("Rp 1.500.000 ... tgl 11/2/2026")
 * must not be read as the impossible day 1 of month 500.
 */
static int
amount_at(const struct toks *tk, int i)
{
  int j = i + 1;

  if (tk->t[i].kind != TK_NUM || tk->t[i].digits > 3)
    return 0;
  while (j + 1 < tk->n && tk->t[j].kind == TK_SEP && tk->t[j].sep == '.' &&
         !tk->t[j].spaced && tk->t[j + 1].kind == TK_NUM &&
         tk->t[j + 1].digits == 3)
    j += 2;
  if (j == i + 1 || (j + 1 < tk->n && tk->t[j].kind == TK_SEP &&
                     tk->t[j + 1].kind == TK_NUM))
    return 0;                                    /* "12.000.2026" */
  return j - i;
}

/* Take out the sums of money (see amount_at()); how many were taken. */
static int
drop_amounts(struct toks *tk)
{
  int i = 0, len, taken = 0;

  while (i < tk->n) {
    len = amount_at(tk, i);
    if (len == 0) {
      i++;
      continue;
    }
    tk_remove(tk, i, len);
    taken++;
  }
  return taken;
}

/* Words that put a number of a document before it: "SK no 12/3/2023",
 * "surat nomor 045/12/2025", "Perbup No. 5/2024". */
static const char *const doc_number_words[] = {
  "no", "nomor", "nmr", "nomer", "nmor", NULL,
};

/* The length in tokens of a document's number at token i (see
 * doc_number_words), the word before it included ("no", a dot or a colon,
 * then numbers, and words, joined by separators written without a space), or
 * 0.  Such a number ("12/3/2023") is no date, however it looks. */
static int
doc_number_at(const struct toks *tk, int i)
{
  int j = i + 1;

  if (!is_word(tk, i, doc_number_words))
    return 0;
  if (j < tk->n && tk->t[j].kind == TK_SEP &&
      (tk->t[j].sep == '.' || tk->t[j].sep == ':'))
    j++;
  if (j >= tk->n || tk->t[j].kind != TK_NUM)
    return 0;
  j++;
  while (j + 1 < tk->n && tk->t[j].kind == TK_SEP && !tk->t[j].spaced &&
         tk->t[j].sep != ':' &&
         (tk->t[j + 1].kind == TK_NUM || tk->t[j + 1].kind == TK_WORD))
    j += 2;
  /* "Perda Nomor 3 Tahun 2023": the year is the document's. */
  if (j + 1 < tk->n && is_word(tk, j, year_words) &&
      tk->t[j + 1].kind == TK_NUM && tk->t[j + 1].digits == 4)
    j += 2;
  return j - i;
}

/* Take out the numbers of documents (see doc_number_at()). */
static void
drop_doc_numbers(struct toks *tk)
{
  int i = 0, len;

  while (i < tk->n) {
    len = doc_number_at(tk, i);
    if (len == 0)
      i++;
    else
      tk_remove(tk, i, len);
  }
}

/* Every word list of this file that a month name must not be taken for
 * (see fuzzy_month()). */
static const char *const *const vocab[] = {
  fillers, sudah_words, tgl_words, year_words, month_words, day_words,
  week_words, if_words, wrong_words, approx_words, hour_words, negations,
  knowing, unknown_words, long_ago_words, unknown_tail, ago_words,
  yesterday_words, just_now_words, dini_words, last_night_words,
  this_words, before_yesterday_tail, tomorrow_words, later_words,
  next_words, more_words, now_words, since_words, between_words, to_words,
  and_words, some_words, recent_words, baru_words, just_words,
  stress_words, feast_fillers,
};
static const struct word_val *const vocab_vals[] = {
  months, weekdays, number_words, units, one_units, times_of_day, parts,
};

/* 1 when w is a word of any list of this file, or a feast. */
static int
known_word(const char *w)
{
  const char *const *l;
  const struct word_val *v;
  size_t i;
  int len;

  for (i = 0; i < sizeof(vocab) / sizeof(vocab[0]); i++)
    for (l = vocab[i]; *l != NULL; l++)
      if (**l == w[0] && strcmp(*l, w) == 0)
        return 1;
  for (i = 0; i < sizeof(vocab_vals) / sizeof(vocab_vals[0]); i++)
    for (v = vocab_vals[i]; v->word != NULL; v++)
      if (v->word[0] == w[0] && strcmp(v->word, w) == 0)
        return 1;
  return feast_match(&w, 1, &len) >= 0;
}

/* The months' full names in Indonesian (with the old spellings), for
 * abbreviations and misspellings.  English names are only taken as
 * written: one edit turns too many Indonesian words into one ("marah",
 * angry, into "march"); but for the long January and February, which
 * reporters misspell as often as their own names ("Janury"). */
static const struct word_val month_names[] = {
  {"januari", 1}, {"january", 1}, {"februari", 2}, {"february", 2},
  {"pebruari", 2},
  {"maret", 3}, {"april", 4}, {"juni", 6}, {"juli", 7}, {"agustus", 8},
  {"september", 9}, {"oktober", 10}, {"november", 11}, {"nopember", 11},
  {"desember", 12},
  {NULL, 0},
};

static const char *const month_canon[12] = {
  "januari", "februari", "maret", "april", "mei", "juni", "juli",
  "agustus", "september", "oktober", "november", "desember",
};

/*
 * Whether w[0..len) is name[0..nlen) written the SMS way, some of its
 * letters left out ("nvmbr" for november, "kemrn" for kemarin): the same
 * first letter, the rest of w found in name in order.  With vowels_only,
 * every letter left out is a vowel ("kamar" is not kalamarin).
 */
static int
abbreviates(const char *w, int len, const char *name, int nlen,
            int vowels_only)
{
  int i = 0, k;

  if (len < 3 || len >= nlen || w[0] != name[0])
    return 0;
  for (k = 0; k < nlen; k++) {
    if (i < len && name[k] == w[i])
      i++;
    else if (vowels_only && strchr("aeiou", name[k]) == NULL)
      return 0;
  }
  return i == len;
}

/* Whether w has no vowel after its first letter ("oktbr", "dsmbr"). */
static int
no_vowel(const char *w)
{
  return w[0] == '\0' || strpbrk(w + 1, "aeiou") == NULL;
}

/* Whether a and b have the same consonants in the same order, three or
 * more of them: "mrat" and "maret", "agsuts" and "agustus" (vowels moved
 * or dropped, as quick thumbs do). */
static int
same_consonants(const char *a, const char *b)
{
  int n = 0;

  for (;;) {
    while (*a != '\0' && strchr("aeiou", *a) != NULL)
      a++;
    while (*b != '\0' && strchr("aeiou", *b) != NULL)
      b++;
    if (*a != *b)
      return 0;
    if (*a == '\0')
      return n >= 3;
    a++, b++, n++;
  }
}

/*
 * The month a word not otherwise known stands for, or 0: a prefix of a
 * month's name of three letters or more ("agus", "septem"), or a
 * misspelling of it with the same first letter, one edit away (two for
 * words of seven letters or more of about the name's length), a swap of
 * two neighbours counting as one: "agustu", "agusuts", "desemebr"; two
 * edits that only move or drop vowels, ranked after one ("mrat",
 * "agsuts"); or
 * the name with letters left out, all its vowels ("oktbr", "agts",
 * "dsmbr") or only vowels ("agstus"), ranked after any edit ("jari" is
 * no januari); of three letters, only that last way ("jni", "jnr").
 * Only when it points to one month.
 */
static int
fuzzy_month(const char *w)
{
  const struct word_val *v;
  int len = (int)strlen(w), nlen, max, d, best = 4, month = 0, clash = 0;

  if (len < 3 || known_word(w))
    return 0;
  for (v = month_names; v->word != NULL; v++) {
    nlen = (int)strlen(v->word);
    if (nlen > len && strncmp(v->word, w, (size_t)len) == 0)
      d = 0;
    else if (v->word[0] != w[0])
      continue;
    else if (len < 4) {
      if (!abbreviates(w, len, v->word, nlen, 1))
        continue;                  /* three letters: only vowels dropped */
      d = 3;
    } else {
      max = len >= 7 && len - nlen <= 1 && nlen - len <= 1 ? 2 : 1;
      d = textdist_osa(w, len, v->word, nlen, 2);
      if (d > max && !(d == 2 && same_consonants(w, v->word))) {
        if (!abbreviates(w, len, v->word, nlen, !no_vowel(w)))
          continue;                              /* beyond reach */
        d = 3;                                   /* after any edit */
      }
    }
    if (d < best) {
      best = d;
      month = v->val;
      clash = 0;
    } else if (d == best && v->val != month) {
      clash = 1;
    }
  }
  return clash ? 0 : month;
}

/* Long words of time that people misspell, and what each stands for;
 * a word one edit away (two from one of nine letters or more) with the
 * same first letter is taken for it (see fuzzy_word()). */
static const struct {
  const char *word, *to;
} long_words[] = {
  {"kemarin", "kemarin"}, {"kemaren", "kemarin"}, {"kalamarin", "kemarin"},
  {"sekarang", "sekarang"}, {"beberapa", "beberapa"},
};

/* Words within that reach of one of them that mean something else. */
static const char *const not_misspelt[] = {"kemari", "kamari", NULL};

/*
 * The word of long_words a word not otherwise known stands for, or NULL:
 * "kmaren", "kalamrin", "klamarin", "sekarng" (words of six letters or
 * more), or one with vowels left out ("kemrn", "skrng": four or more),
 * and only when one word is nearest.
 */
static const char *
fuzzy_word(const char *w)
{
  const char *to = NULL, *const *l;
  int len = (int)strlen(w), tlen, max, d, best = 3;
  size_t i;

  if (len < 4 || known_word(w))
    return NULL;
  for (l = not_misspelt; *l != NULL; l++)
    if (strcmp(*l, w) == 0)
      return NULL;
  for (i = 0; i < sizeof(long_words) / sizeof(long_words[0]); i++) {
    tlen = (int)strlen(long_words[i].word);
    if (long_words[i].word[0] != w[0])
      continue;
    max = tlen >= 9 ? 2 : 1;
    d = len >= 6 ? textdist_osa(w, len, long_words[i].word, tlen, max)
                 : max + 1;
    if (d > max &&
        abbreviates(w, len, long_words[i].word, tlen, 1))
      d = max;                                   /* kemrn, skrng */
    if (d > max || d > best)
      continue;
    if (d == best && to != NULL && strcmp(to, long_words[i].to) != 0)
      to = "";                                   /* two meanings: none */
    else if (d < best)
      to = long_words[i].to;
    best = d;
  }
  return to != NULL && to[0] != '\0' ? to : NULL;
}

/* Runs of three or more of one letter become one ("lupaaa"); see
 * undouble() for two.  A roman numeral ("III", "VIII": Minggu Adven III)
 * keeps its letters. */
static void
squeeze(char *w)
{
  char *r = w, *o = w;

  if (strspn(w, "ivx") == strlen(w))
    return;
  while (*r != '\0') {
    if (r[0] == r[1] && r[1] == r[2]) {
      while (r[1] == r[0])
        r++;
    }
    *o++ = *r++;
  }
  *o = '\0';
}

/* What a spelling in synonyms stands for, or NULL. */
static const char *
synonym_of(const char *w)
{
  size_t k;

  for (k = 0; synonyms[k].from != NULL; k++)
    if (strcmp(w, synonyms[k].from) == 0)
      return synonyms[k].to;
  return NULL;
}

/* A word not known as written but known with its doubled letters written
 * once ("kemariinn", "lupaa", "bulann": a key held on a phone) becomes
 * that word. */
static void
undouble(char *w)
{
  char one[WORD_MAX];
  size_t r, o = 0;

  if (known_word(w) || synonym_of(w) != NULL)
    return;
  for (r = 0; w[r] != '\0'; r++)
    if (r == 0 || w[r] != w[r - 1])
      one[o++] = w[r];
  one[o] = '\0';
  if (w[o] != '\0' && (known_word(one) || synonym_of(one) != NULL))
    memcpy(w, one, o + 1);
}

/* Whether w is a word of three letters or more written twice ("kmrnkmrn",
 * "awalawal": the tokenizer doubles "kmrn2", "awal-awal"); then its half
 * into half[WORD_MAX]. */
static int
said_twice(const char *w, char *half)
{
  size_t len = strlen(w);

  if (len < 6 || len % 2 != 0 || memcmp(w, w + len / 2, len / 2) != 0)
    return 0;
  memcpy(half, w, len / 2);
  half[len / 2] = '\0';
  return 1;
}

/* A part of a period said twice ("awal2", "akhir-akhir", doubled by the
 * tokenizer into "awalawal") is that part. */
static void
part_twice(struct tok *t)
{
  char half[WORD_MAX];

  if (said_twice(t->word, half) && value_of(half, parts) >= 0)
    snprintf(t->word, sizeof(t->word), "%s", half);
}

/* Two month names written as one word ("mei-juli" joined by the
 * tokenizer): split them around "sampai".  1 when done. */
static int
split_months(struct toks *tk, int i)
{
  char *w = tk->t[i].word, a[WORD_MAX], b[WORD_MAX];
  int len = (int)strlen(w), k;

  for (k = 3; k <= len - 3; k++) {
    memcpy(a, w, (size_t)k);
    a[k] = '\0';
    snprintf(b, sizeof(b), "%s", w + k);
    if (value_of(a, months) <= 0 || value_of(b, months) <= 0 ||
        tk_insert(tk, i + 1, 2) != 0)
      continue;
    tok_word(&tk->t[i], a);
    tok_word(&tk->t[i + 1], "sampai");
    tok_word(&tk->t[i + 2], b);
    return 1;
  }
  return 0;
}

/* "kmrn2", "kalamarin2" (doubled by the tokenizer): any spelling of
 * "kemarin" written twice is "kemarin-kemarin", the other day. */
static void
yesterday_twice(struct tok *t)
{
  char half[WORD_MAX];
  const char *to;

  if (!said_twice(t->word, half))
    return;
  if ((to = synonym_of(half)) == NULL)
    to = half;
  if (word_in(to, yesterday_words))
    snprintf(t->word, sizeof(t->word), "%s", "kemarinkemarin");
}

/* Words as they are meant: repeated letters, other spellings ("kalamarin"
 * is "kemarin"), "s/d", two months in one word, misspelt months. */
static void
normalize_words(struct toks *tk)
{
  const char *fw;
  int i, m;

  for (i = 0; i < tk->n; i++) {
    struct tok *t = &tk->t[i];

    if (t->kind != TK_WORD || t->word[0] == '\0')
      continue;
    squeeze(t->word);
    undouble(t->word);
    yesterday_twice(t);
    part_twice(t);
    if ((fw = synonym_of(t->word)) != NULL)
      snprintf(t->word, sizeof(t->word), "%s", fw);
    if (strcmp(t->word, "s") == 0 && i + 1 < tk->n &&
        tk->t[i + 1].kind == TK_WORD && strcmp(tk->t[i + 1].word, "d") == 0) {
      tok_word(t, "sampai");                     /* s/d, s.d. */
      tk_remove(tk, i + 1, 1);
      continue;
    }
    if (i > 0 && is_word(tk, i, yesterday_words) &&
        is_word(tk, i - 1, yesterday_words)) {
      tok_word(&tk->t[i - 1], "kemarinkemarin");  /* kemarin kemarin */
      tk_remove(tk, i, 1);
      i--;
      continue;
    }
    if (lookup(tk, i, months) > 0 || split_months(tk, i))
      continue;
    m = fuzzy_month(t->word);
    if (m > 0)
      snprintf(t->word, sizeof(t->word), "%s", month_canon[m - 1]);
    else if ((fw = fuzzy_word(t->word)) != NULL)
      snprintf(t->word, sizeof(t->word), "%s", fw);
  }
}

/* The number words and their values: 1..9 for a unit ("dua"), 10
 * "sepuluh", 11 "sebelas", 100 "seratus", 1000 "seribu"; -1 "belas", -10
 * "puluh" (or "pulu"), -100 "ratus", -1000 "ribu".  numeral() reads one,
 * joined_numerals() several written as one word. */
static const struct word_val numeral_words[] = {
  {"satu", 1}, {"dua", 2}, {"tiga", 3}, {"empat", 4}, {"lima", 5},
  {"enam", 6}, {"tujuh", 7}, {"delapan", 8}, {"sembilan", 9},
  {"sepuluh", 10}, {"sebelas", 11}, {"seratus", 100}, {"seribu", 1000},
  {"belas", -1}, {"puluh", -10}, {"ratus", -100}, {"ribu", -1000},
  {"pulu", -10},                                 /* Kupang */
  {NULL, 0},
};

/* The value of a number word (see numeral_words), or 0 when it is
 * none. */
static int
numeral(const char *w)
{
  const struct word_val *v;

  for (v = numeral_words; v->word != NULL; v++)
    if (strcmp(v->word, w) == 0)
      return v->val;
  return 0;
}

/* Decimal digits of v (at least 1). */
static int
digit_count(int64_t v)
{
  int n = 1;

  while (v >= 10) {
    v /= 10;
    n++;
  }
  return n;
}

/*
 * The value of the number words t[i..j) ("dua ribu dua puluh empat" is
 * 2024; "dua ribu dua empat", digit by digit after the thousands, too).
 * A unit right after a unit is the next digit.
 */
static int64_t
numeral_value(const struct toks *tk, int i, int j)
{
  int64_t total = 0, cur = 0;
  int v, last_unit = 0;

  for (; i < j; i++) {
    v = numeral(tk->t[i].word);
    if (v > 0 && v < 10 && last_unit)
      cur = cur * 10 + v;
    else if (v > 0 && v < 1000)
      cur += v;
    else if (v == 1000)
      total += 1000;
    else if (v == -1)
      cur += 10;
    else if (v == -1000) {
      total += (cur > 0 ? cur : 1) * 1000;
      cur = 0;
    } else
      cur *= -v;
    last_unit = v > 0 && v < 10;
  }
  return total + cur;
}

/*
 * The end of the number written in words from t[i]: a unit right after a
 * unit begins another number ("bulan delapan dua ribu ..."), except after
 * the thousands, where units are read digit by digit ("dua ribu dua
 * empat").
 */
static int
numeral_run(const struct toks *tk, int i)
{
  int j, v, unit = numeral(tk->t[i].word) < 10, thousand = 0;

  for (j = i + 1; j < tk->n && tk->t[j].kind == TK_WORD; j++) {
    v = numeral(tk->t[j].word);
    if (v == 0 || (v > 0 && v < 10 && unit && !thousand))
      break;
    if (v == 1000 || v == -1000)
      thousand = 1;
    unit = v > 0 && v < 10;
  }
  return j;
}

/* The words of tk into w[0..tk->n): "" for a number or a separator, as
 * feast_match() reads them. */
static void
tok_texts(const struct toks *tk, const char **w)
{
  int i;

  for (i = 0; i < tk->n; i++)
    w[i] = tk->t[i].kind == TK_WORD ? tk->t[i].word : "";
}

/* 1 when the words from t[i] on begin a feast's name of several words
 * ("tujuh belasan", "satu muharam"), which keeps its number word. */
static int
begins_feast(const struct toks *tk, int i)
{
  const char *w[TOK_MAX];
  int len;

  tok_texts(tk, w);
  return feast_match(w + i, tk->n - i, &len) >= 0 && len >= 2;
}

/* The number words of the whole of w run together ("duabelas",
 * "duapuluhlima"), at most max of them: their lengths into len[]; their
 * count, or 0 when w is not two or more of them. */
static int
joined_numerals(const char *w, int *len, int max)
{
  const struct word_val *v;
  size_t n, best;
  int count = 0;

  while (*w != '\0') {
    best = 0;
    for (v = numeral_words; v->word != NULL; v++) {
      n = strlen(v->word);
      if (n > best && strncmp(w, v->word, n) == 0)
        best = n;
    }
    if (best == 0 || count == max)
      return 0;
    len[count++] = (int)best;
    w += best;
  }
  return count >= 2 ? count : 0;
}

/* Number words written as one become words of their own: "duabelas" is
 * "dua belas". */
static void
split_numerals(struct toks *tk)
{
  char w[WORD_MAX];
  int len[4], i, k, n, at;

  for (i = 0; i < tk->n; i++) {
    if (tk->t[i].kind != TK_WORD || numeral(tk->t[i].word) != 0)
      continue;
    n = joined_numerals(tk->t[i].word, len, 4);
    if (n == 0)
      continue;
    memcpy(w, tk->t[i].word, sizeof(w));
    if (tk_insert(tk, i + 1, n - 1) != 0)
      continue;
    for (k = 0, at = 0; k < n; at += len[k++]) {
      tok_word(&tk->t[i + k], "");
      memcpy(tk->t[i + k].word, w + at, (size_t)len[k]);
    }
    i += n - 1;
  }
}

/* A quarter of the year ("triwulan IV", "tw 3", "kuartal empat",
 * "triwulan ketiga", "triwulan ke-2") and its ordinals. */
static const char *const quarter_words[] = {"triwulan", "tw", "kuartal",
                                            "kwartal", NULL};
static const struct word_val quarter_ordinals[] = {
  {"i", 1}, {"ii", 2}, {"iii", 3}, {"iv", 4}, {"pertama", 1}, {"kedua", 2},
  {"ketiga", 3}, {"keempat", 4}, {NULL, 0},
};
#define QUARTERS 4
#define QUARTER_MONTHS 3

/* A quarter becomes its months as a span, "triwulan IV" "oktober sampai
 * desember", so that a year after it ("triwulan empat tahun lalu")
 * places it; its number is no count of years.  Runs after numerals(). */
static void
quarters(struct toks *tk)
{
  int i, q, len;

  for (i = 0; i + 1 < tk->n; i++) {
    if (!is_word(tk, i, quarter_words))
      continue;
    len = 2;
    q = 0;
    if (tk->t[i + 1].kind == TK_NUM)
      q = (int)tk->t[i + 1].val;
    else if (tk->t[i + 1].kind == TK_WORD &&
             value_of(tk->t[i + 1].word, quarter_ordinals) > 0)
      q = value_of(tk->t[i + 1].word, quarter_ordinals);
    else if (i + 2 < tk->n && tk->t[i + 1].kind == TK_WORD &&
             strcmp(tk->t[i + 1].word, "ke") == 0 &&
             tk->t[i + 2].kind == TK_NUM) {
      q = (int)tk->t[i + 2].val;
      len = 3;
    }
    if (q < 1 || q > QUARTERS)
      continue;
    if (len == 2 && tk_insert(tk, i + 1, 1) != 0)
      continue;
    tok_word(&tk->t[i], month_canon[(q - 1) * QUARTER_MONTHS]);
    tok_word(&tk->t[i + 1], "sampai");
    tok_word(&tk->t[i + 2], month_canon[q * QUARTER_MONTHS - 1]);
    i += 2;
  }
}

/* Number words become numbers; "dua tiga" (two or three) becomes "2
 * sampai 3"; "17an" is the feast of 17 August. */
static void
numerals(struct toks *tk)
{
  int i, j, a, b;
  struct tok *t;

  split_numerals(tk);
  for (i = 0; i < tk->n; i++) {
    t = &tk->t[i];
    if (t->kind == TK_NUM && t->val == 17 && i + 1 < tk->n &&
        tk->t[i + 1].kind == TK_WORD && strcmp(tk->t[i + 1].word, "an") == 0) {
      tok_word(t, "tujuhbelasan");
      tk_remove(tk, i + 1, 1);
      continue;
    }
    if (t->kind == TK_NUM && i + 1 < tk->n && tk->t[i + 1].kind == TK_WORD &&
        strcmp(tk->t[i + 1].word, "an") == 0) {
      tk_remove(tk, i + 1, 1);                   /* tgl 10-an: about */
      continue;
    }
    if (t->kind != TK_WORD || numeral(t->word) <= 0 ||
        begins_feast(tk, i))
      continue;
    j = numeral_run(tk, i);
    a = numeral(t->word);
    b = i + 1 < tk->n && tk->t[i + 1].kind == TK_WORD
          ? numeral(tk->t[i + 1].word) : 0;
    if (a < 9 && b == a + 1 &&
        !(i + 2 < tk->n && tk->t[i + 2].kind == TK_WORD &&
          numeral(tk->t[i + 2].word) != 0) &&
        tk_insert(tk, i + 1, 1) == 0) {
      tk->t[i].kind = TK_NUM;                    /* dua tiga hari */
      tk->t[i].val = a;
      tk->t[i].digits = 1;
      tok_word(&tk->t[i + 1], "sampai");
      tok_num(&tk->t[i + 2], b, 1);
      i += 2;
      continue;
    }
    t->val = numeral_value(tk, i, j);
    t->kind = TK_NUM;
    t->digits = digit_count(t->val);
    tk_remove(tk, i + 1, j - i - 1);
  }
}

/* A count of units: digits of one or two, a number word. */
static int
is_count(const struct toks *tk, int i)
{
  return (is_num(tk, i) && tk->t[i].digits != 4 && !tk->t[i].of_bulan) ||
         lookup(tk, i, one_units) > 0 || is_word(tk, i, some_words);
}

static int64_t count_at(const struct toks *tk, int i);

/* 1 when tk names a month or a feast. */
static int
names_month_or_feast(const struct toks *tk)
{
  const char *w[TOK_MAX];
  int i, len;

  tok_texts(tk, w);
  for (i = 0; i < tk->n; i++)
    if (lookup(tk, i, months) > 0 || feast_match(w + i, tk->n - i, &len) >= 0)
      return 1;
  return 0;
}

/* A count of years ago at tokens i - 1 to i + 1 ("2 tahun lalu") in a
 * text that names a month or a feast ("natal 2 tahun lalu") becomes the
 * year it means.  1 when done. */
static int
years_ago_of(const struct today *c, struct toks *tk, int i)
{
  int64_t n;

  if (!is_count(tk, i - 1) || !is_word(tk, i + 1, ago_words) ||
      !names_month_or_feast(tk))
    return 0;
  n = lookup(tk, i - 1, one_units) > 0 ? 1 : count_at(tk, i - 1);
  if (n < 1 || n > 100)
    return 0;
  tok_num(&tk->t[i - 1], c->y - n, 4);
  tk_remove(tk, i, 2);
  return 1;
}

/* "tahun lalu", "tahun ini" after a month, a date or a feast ("desember
 * tahun lalu", "natal tahun lalu") become the year they mean, and so do
 * years ago said of one ("natal 2 tahun lalu"). */
static void
resolve_years(const struct today *c, struct toks *tk)
{
  int i;

  for (i = 1; i + 1 < tk->n; i++) {
    if (is_word(tk, i, year_words) && years_ago_of(c, tk, i))
      continue;
    if (!is_word(tk, i, year_words) || is_count(tk, i - 1) ||
        !(is_word(tk, i + 1, ago_words) || is_word(tk, i + 1, this_words)))
      continue;
    tok_num(&tk->t[i], is_word(tk, i + 1, this_words) ? c->y : c->y - 1, 4);
    tk_remove(tk, i + 1, 1);
  }
}

/*
 * "tanggal N" written after its month ("feb kemarin tgl 12", "bln 2 tgl
 * 12", "agustus lalu tgl 5"): move the day N (1 to 31, at token i + 1,
 * the "tanggal" word at i) to just before the nearest month named before
 * it (a month name, or a number that followed "bulan"), the order every
 * other form takes, and drop the "tanggal" word.  Nothing moves when the
 * day already has its month after it ("tgl 12 feb") or a separator
 * ("tgl 12/3"), or when a number stands before that month already.
 * Returns 1 when the tokens were moved (the token after the day is then
 * at i + 1), else 0.
 */
static int
day_after_month(struct toks *tk, int i)
{
  struct tok day;
  int j;

  if (!is_num(tk, i + 1) || tk->t[i + 1].digits > 2 ||
      tk->t[i + 1].val < 1 || tk->t[i + 1].val > 31 ||
      lookup(tk, i + 2, months) > 0 ||
      (i + 2 < tk->n && tk->t[i + 2].kind == TK_SEP))
    return 0;
  for (j = i - 1; j >= 0; j--)
    if (lookup(tk, j, months) > 0 || (is_num(tk, j) && tk->t[j].of_bulan))
      break;
  if (j < 0 || (is_num(tk, j - 1) && !tk->t[j - 1].of_bulan &&
                tk->t[j - 1].digits <= 2))
    return 0;
  day = tk->t[i + 1];
  tk_remove(tk, i, 2);
  if (tk_insert(tk, j, 1) != 0)
    return 0;
  tk->t[j] = day;
  tk->saw_tgl = 1;
  return 1;
}

/*
 * The year said first, before its month ("tahun lalu bulan agustus",
 * "thn ini bln januari tgl 3"): move "tahun lalu/kemarin/ini" at the
 * start to just after the month ("agustus tahun lalu", "agustus tahun
 * lalu sampai sekarang"), the order the parser reads.
 * Only when a month name, or a number that followed "bulan", comes after
 * it; run after the fillers are gone.
 */
static void
year_first(struct toks *tk)
{
  struct tok head[2];
  int j;

  /* "tahun 2025 bulan 10" ("tahun" gone): the year goes after the month
   * (and a day moved before it: "2025 bulan 7 tgl 12"). */
  if (tk->n >= 2 && is_num(tk, 0) && tk->t[0].digits == 4) {
    for (j = 1; j < tk->n && j <= 2 && is_num(tk, j) && !tk->t[j].of_bulan;
         j++)
      ;
    if (j < tk->n && (lookup(tk, j, months) > 0 ||
                      (is_num(tk, j) && tk->t[j].of_bulan))) {
      head[0] = tk->t[0];
      memmove(&tk->t[0], &tk->t[1], (size_t)j * sizeof(tk->t[0]));
      tk->t[j] = head[0];
    }
    return;
  }
  if (tk->n < 3 || !is_word(tk, 0, year_words) ||
      !(is_word(tk, 1, ago_words) || is_word(tk, 1, this_words)))
    return;
  for (j = 2; j < tk->n; j++)
    if (lookup(tk, j, months) > 0 || (is_num(tk, j) && tk->t[j].of_bulan))
      break;
  if (j >= tk->n)
    return;
  head[0] = tk->t[0];
  head[1] = tk->t[1];
  memmove(&tk->t[0], &tk->t[2], (size_t)(j - 1) * sizeof(tk->t[0]));
  tk->t[j - 1] = head[0];
  tk->t[j] = head[1];
}

/*
 * "kemarin" said before a date ("kemarin tgl 14", "kmrn 12 feb",
 * "kalamarin, 10 maret"): the date decides, read as "tgl 14 kemarin" (the
 * most recent such day strictly before today).  Only when a day of the
 * month (not a count of days, weeks...) or a month name follows it; run
 * after the fillers are gone.
 */
static void
yesterday_first(struct toks *tk)
{
  struct tok head;

  if (tk->n < 2 || !is_word(tk, 0, yesterday_words))
    return;
  if (lookup(tk, 1, months) <= 0 &&
      !(is_num(tk, 1) && tk->t[1].digits <= 2 && tk->t[1].val >= 1 &&
        tk->t[1].val <= 31 && lookup(tk, 2, units) <= 0 &&
        !(tk->n > 2 && tk->t[2].kind == TK_SEP && tk->t[2].sep == ':')))
    return;
  head = tk->t[0];
  tk_remove(tk, 0, 1);
  tk->t[tk->n++] = head;
}

/*
 * Kupang Malay puts "ini" first: "ini bulan", "ini tahun" become "bulan
 * ini", "tahun ini" wherever they stand ("ini bulan tanggal 3", "tanggal
 * 3 ini bulan").  Before "bulan lalu", "tahun depan" ... the "ini" points
 * at the incident ("kejadian ini bulan lalu") and goes.  After a month
 * name, "ini" is this year's: "Januari ini" is "Januari tahun ini".
 * The unit framed by two ("ini hari ni", "ini bulan ni") keeps one.
 */
static void
this_first(struct toks *tk)
{
  struct tok t;
  int i;

  for (i = 2; i < tk->n; i++)
    if (is_word(tk, i, this_words) && is_word(tk, i - 2, this_words) &&
        (is_word(tk, i - 1, day_words) || is_word(tk, i - 1, week_words) ||
         is_word(tk, i - 1, month_words) || is_word(tk, i - 1, year_words)))
      tk_remove(tk, i--, 1);
  for (i = 1; i < tk->n; i++)
    if (is_word(tk, i, this_words) && lookup(tk, i - 1, months) > 0 &&
        !is_word(tk, i + 1, month_words) && !is_word(tk, i + 1, year_words) &&
        tk_insert(tk, i, 1) == 0)
      tok_word(&tk->t[i], "tahun");
  for (i = 0; i + 1 < tk->n; i++) {
    if (!is_word(tk, i, this_words) ||
        !(is_word(tk, i + 1, month_words) || is_word(tk, i + 1, year_words)) ||
        is_word(tk, i - 1, month_words) || is_word(tk, i - 1, year_words) ||
        is_word(tk, i - 1, day_words) || is_word(tk, i - 1, week_words))
      continue;                        /* not "tahun ini bulan januari" */
    if (is_word(tk, i + 2, ago_words) || is_word(tk, i + 2, next_words)) {
      tk_remove(tk, i, 1);
      continue;
    }
    t = tk->t[i];
    tk->t[i] = tk->t[i + 1];
    tk->t[i + 1] = t;
    i++;
  }
}

/*
 * "bulan 5 dan 6 tahun lalu", "bln 9 sampai 11", "bulan 10-12 2025": the
 * number after the month number at i and "dan", "sampai", "atau" or a
 * dash is a month too (1 to 12), and the dash a span's.
 */
static void
second_month(struct toks *tk, int i)
{
  int j = i + 2;

  if (!(is_word(tk, i + 1, and_words) || is_word(tk, i + 1, to_words) ||
        (i + 1 < tk->n && tk->t[i + 1].kind == TK_SEP &&
         tk->t[i + 1].sep == '-')) ||
      !is_num(tk, j) || tk->t[j].digits > 2 || tk->t[j].val < 1 ||
      tk->t[j].val > 12 || tk->t[j].val <= tk->t[i].val ||
      (j + 1 < tk->n && tk->t[j + 1].kind == TK_SEP))
    return;
  if (tk->t[i + 1].kind == TK_SEP)
    tok_word(&tk->t[i + 1], "sampai");
  tk->t[j].of_bulan = 1;
}

/* 1 when a feast's name of several words ends with token i ("tahun
 * ajaran baru kemarin": that "baru" is not "baru kemarin"). */
static int
ends_feast(const struct toks *tk, int i)
{
  const char *w[TOK_MAX];
  int k, len;

  tok_texts(tk, w);
  for (k = i > 3 ? i - 3 : 0; k < i; k++)
    if (feast_match(w + k, i + 1 - k, &len) >= 0 && len == i + 1 - k)
      return 1;
  return 0;
}

/* Take out filler words and phrases, noting "tanggal", "bulan", "tahun"
 * and "sudah". */
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
    } else if (is_word(tk, i, stress_words) && i > 0 &&
               !is_word(tk, i - 1, baru_words)) {
      tk_remove(tk, i, 1);                       /* kemarin saja */
    } else if (is_word(tk, i, fillers) ||
               (is_word(tk, i, remember_words) && tk->n > 1 &&
                !is_word(tk, i - 1, negations) &&
                !is_word(tk, i - 1, unknown_words))) {
      tk_remove(tk, i, 1);
    } else if (tk->n > 2 && is_word(tk, i, every_words) &&
               (is_word(tk, i + 1, day_words) ||
                is_word(tk, i + 1, week_words) ||
                is_word(tk, i + 1, month_words) ||
                is_word(tk, i + 1, year_words))) {
      tk_remove(tk, i, 2);               /* "tiap bulan" with a time */
    } else if (is_word(tk, i, some_words) && i + 1 < tk->n &&
               strcmp(tk->t[i + 1].word, "kali") == 0) {
      tk_remove(tk, i, 2);                       /* beberapa kali */
    } else if (is_word(tk, i, baru_words) && i + 1 < tk->n &&
               !is_word(tk, i - 1, year_words) && !ends_feast(tk, i) &&
               (is_word(tk, i + 1, yesterday_words) ||
                is_word(tk, i + 1, last_night_words))) {
      tk_remove(tk, i, 1);                       /* baru kemarin */
    } else if (is_word(tk, i, sudah_words) ||
               (is_word(tk, i, baru_words) && is_count(tk, i + 1) &&
                lookup(tk, i + 2, units) > 0)) {
      tk->saw_sudah = 1;                         /* sudah 3 hari */
      tk_remove(tk, i, 1);
    } else if (is_word(tk, i, tgl_words) && i > 0 &&
               day_after_month(tk, i)) {
      i++;                                       /* feb tgl 12 */
    } else if (is_word(tk, i, tgl_words)) {
      tk->saw_tgl = 1;
      tk_remove(tk, i, 1);
    } else if (is_word(tk, i, year_words) && is_num(tk, i + 1)) {
      tk->saw_tahun = 1;
      tk_remove(tk, i, 1);                       /* tahun 2026 */
    } else if (is_word(tk, i, month_words) &&
               lookup(tk, i + 1, months) > 0) {
      tk_remove(tk, i, 1);                       /* bulan maret */
    } else if (is_word(tk, i, month_words) && is_num(tk, i + 1)) {
      tk->saw_bulan = 1;
      tk->t[i + 1].of_bulan = 1;
      second_month(tk, i + 1);
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
  if (tk->n >= 2 && tod == TOD_NIGHT && lookup(tk, 1, weekdays) >= 0) {
    /* "malam minggu" is Saturday night: the evening before the day. */
    static const char *const day_before[7] = {
      "minggu", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
    };
    snprintf(tk->t[1].word, sizeof(tk->t[1].word), "%s",
             day_before[lookup(tk, 1, weekdays)]);
    tk->tod = TOD_NIGHT;
    tk->lead_tod = 1;
    tk_remove(tk, 0, 1);
  } else if (tk->n >= 2 && tod > 0) {
    tk->tod = (enum tod)tod;                     /* pagi ini, malam tadi */
    tk->lead_tod = 1;
    tk_remove(tk, 0, 1);
  } else if (tk->n >= 3 && is_word(tk, 0, dini_words) &&
             is_word(tk, 1, day_words)) {
    tk->tod = TOD_DAY;                           /* dini hari tadi */
    tk->lead_tod = 1;
    tk_remove(tk, 0, 2);
  }
  /* One in the middle, after a day: "senin pagi kemarin". */
  for (i = 1; i + 1 < tk->n; i++) {
    tod = lookup(tk, i, times_of_day);
    if (tod > 0 && (lookup(tk, i - 1, weekdays) >= 0 ||
                    is_word(tk, i - 1, yesterday_words))) {
      tk->tod = (enum tod)tod;
      tk_remove(tk, i, 1);
    }
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


/* 1 when every token of tk from i on is a number, a separator or a word
 * of this file's lists (a time and its fillers), none of a story. */
static int
all_known(const struct toks *tk, int i)
{
  for (; i < tk->n; i++)
    if (tk->t[i].kind == TK_WORD && !known_word(tk->t[i].word))
      return 0;
  return 1;
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
  if (n == 2 && lookup(tk, 0, months) > 0 &&
      (is_word(tk, 1, later_words) || is_word(tk, 1, next_words)))
    return WHEN_FUTURE;                          /* desember nanti */
  if (is_word(tk, 0, later_words)) {
    if (n == 2 && is_word(tk, 1, yesterday_words))
      return NOMATCH;                  /* lusa kemarin: match_relative() */
    if (n > 1 && !all_known(tk, 1))
      return NOMATCH;                  /* "nanti saya kirim foto": no time */
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
    if (tk->tod != TOD_NONE && is_word(tk, 0, this_words))
      return finish_day(c, c->today, out);       /* pagi ini, ini pagi */
    unit = lookup(tk, 0, one_units);
    if (tk->saw_sudah && unit > 0)
      return units_ago(c, unit, 1, out);         /* sudah seminggu */
    return NOMATCH;
  }
  if (n == 2) {
    if ((is_word(tk, 0, day_words) && is_word(tk, 1, this_words)) ||
        (is_word(tk, 0, this_words) && is_word(tk, 1, day_words)) ||
        (is_word(tk, 0, baru_words) && is_word(tk, 1, just_words)))
      return finish_day(c, c->today, out);       /* hari ini, ini hari */
    if (is_word(tk, 0, day_words) && is_word(tk, 1, yesterday_words))
      return finish_day(c, c->today - 1, out);
    if ((is_word(tk, 0, yesterday_words) &&
         is_word(tk, 1, before_yesterday_tail)) ||
        (is_word(tk, 1, yesterday_words) &&
         strcmp(tk->t[0].word, "lusa") == 0))
      return finish_day(c, c->today - 2, out);   /* kemarin lusa */
    /* bulan ini, ini bulan; tahun ini, ini tahun */
    if (is_word(tk, 1, this_words))
      unit = lookup(tk, 0, units);
    else if (is_word(tk, 0, this_words))
      unit = lookup(tk, 1, units);
    else
      unit = 0;
    if (unit == U_WEEK)                          /* minggu ini: */
      return finish_range(c, WHEN_SPAN,          /* Monday to today */
                          point_day(c->today - c->wd),
                          point_day(c->today), out);
    if (unit == U_MONTH)
      return finish_month(c, c->y * 12 + (c->m - 1), out);
    if (unit == U_YEAR)
      return finish_year(c, c->y, out);
    if (tk->saw_sudah && count_at(tk, 0) >= 0 && lookup(tk, 1, units) > 0)
      return units_ago(c, lookup(tk, 1, units), count_at(tk, 0), out);
    unit = lookup(tk, 0, units);
    if (unit == U_WEEK && is_word(tk, 1, ago_words))   /* minggu lalu: */
      return finish_range(c, WHEN_SPAN,                /* last week, */
                          point_day(c->today - c->wd - 7),  /* Mon..Sun */
                          point_day(c->today - c->wd - 1), out);
    if (unit > U_DAY && is_word(tk, 1, ago_words))
      return units_ago(c, unit, 1, out);         /* bulan lalu */
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
  if (n == 3 && tk->saw_tgl && is_num(tk, 2) &&
      lookup(tk, 0, units) == U_MONTH &&
      (is_word(tk, 1, ago_words) || is_word(tk, 1, this_words)))
    return day_of_month(c, is_word(tk, 1, ago_words) ? 1 : 0,
                        small_at(tk, 2), out);   /* bulan lalu tanggal 3 */
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
  } else if (n > 3 && count_at(tk, 0) > 0 && count_at(tk, 0) < 60 &&
             is_word(tk, 1, week_words) && is_word(tk, 2, ago_words)) {
    last_week = (int)count_at(tk, 0);            /* 2 minggu lalu hari rabu */
    i = 3;
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
    } else if (i + 3 == n && count_at(tk, i) > 0 && count_at(tk, i) < 60 &&
               is_word(tk, i + 1, week_words) &&
               is_word(tk, i + 2, ago_words)) {
      last_week = (int)count_at(tk, i);          /* rabu 2 minggu lalu */
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
    return finish_day(c, monday - 7 * last_week + wd, out);
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

/*
 * A year of four digits, a month name and maybe a day, in another order
 * ("thn 2025 bulan agustus", "agustus 2025 tanggal 5", "2025 agustus 5"):
 * each at most once.  Tokens from to n.
 */
static int
match_bag(const struct today *c, const struct toks *tk, int from, int n,
          struct when *out)
{
  int j, m, month = 0, day = -1;
  int64_t year = -1;

  for (j = from; j < n; j++) {
    if (tk->t[j].kind == TK_SEP)
      continue;
    m = lookup(tk, j, months);
    if (m > 0 && month == 0)
      month = m;
    else if (is_num(tk, j) && tk->t[j].digits == 4 && year < 0)
      year = tk->t[j].val;
    else if (is_num(tk, j) && tk->t[j].digits <= 2 && day < 0)
      day = (int)tk->t[j].val;
    else
      return NOMATCH;
  }
  if (month == 0 || year < 0)
    return NOMATCH;
  if (day < 0)
    return month_year(c, year, month, out);
  return full_date(c, year, month, day, out);
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
    return match_bag(c, tk, from, n, out);
  }
  mon = lookup(tk, from + 1, months);
  if (k >= 2 && is_num(tk, from) && tk->t[from].digits <= 2 && mon > 0) {
    if (k == 2)
      return recent_day_month(c, mon, small_at(tk, from), strict, out);
    if (k == 3 && is_num(tk, from + 2))
      return full_date(c, year_at(tk, from + 2), mon, small_at(tk, from),
                       out);
  }
  if (k >= 2 && k <= 3 && match_bag(c, tk, from, n, out) != NOMATCH)
    return match_bag(c, tk, from, n, out);

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
  if (nums == 2 && tk->t[idx[0]].digits == 4 && tk->t[idx[1]].digits == 4) {
    struct point a = {tk->t[idx[0]].val, 0, 0}, b = {tk->t[idx[1]].val, 0, 0};
    return finish_range(c, WHEN_SPAN, a, b, out);  /* 2023-2024 */
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
    if (tk->t[idx[0]].digits == 4)
      return finish_year(c, tk->t[idx[0]].val, out);
    /* "tanggal lupa, bulan 7": the number after "bulan" is the month. */
    if ((tk->saw_bulan && !tk->saw_tgl) || tk->t[idx[0]].of_bulan)
      return recent_month(c, small_at(tk, idx[0]), strict, out);
    if (tk->saw_tgl)
      return recent_day_of_month(c, small_at(tk, idx[0]), strict, out);
    if (tk->t[idx[0]].digits == 4 ||
        (tk->saw_tahun && !tk->saw_tgl && tk->t[idx[0]].digits == 2))
      return finish_year(c, year_at(tk, idx[0]), out);  /* thn 2024 */
    return WHEN_INVALID;
  }
  return NOMATCH;
}

/* ---- Vague answers, feasts, parts and spans ---------------------------- */

/* The tokens from to to of src, with its notes, into dst. */
static void
tk_slice(const struct toks *src, int from, int to, struct toks *dst)
{
  int i;

  *dst = *src;
  dst->n = 0;
  for (i = from; i < to; i++)
    dst->t[dst->n++] = src->t[i];
}

/* "3 bulan terakhir", "seminggu terakhir": from that long ago to today. */
static int
last_units(const struct today *c, const struct toks *tk, struct when *out)
{
  int unit = tk->n == 3 ? lookup(tk, 1, units) : lookup(tk, 0, one_units);
  int64_t count = tk->n == 3 ? count_at(tk, 0) : 1;
  struct when from;

  if (unit <= 0 || count < 0 || count > 1000 ||
      units_ago(c, unit, count, &from) == WHEN_INVALID || from.year == 0)
    return NOMATCH;
  return finish_range(c, WHEN_SPAN, when_from(&from), point_day(c->today),
                      out);
}

/* "beberapa hari lalu": from a few days (7 to 2 days ago), weeks (6 to 2),
 * months (6 to 2) or years (5 to 2) back, into *a and *b. */
static void
some_ago(const struct today *c, int unit, struct point *a, struct point *b)
{
  int64_t mi = c->y * 12 + (c->m - 1);

  memset(a, 0, sizeof(*a));
  memset(b, 0, sizeof(*b));
  switch (unit) {
  case U_DAY:
    *a = point_day(c->today - 7);
    *b = point_day(c->today - 2);
    break;
  case U_WEEK:
    *a = point_day(c->today - 42);
    *b = point_day(c->today - 14);
    break;
  case U_MONTH:
    a->y = (mi - 6) / 12;
    a->m = (int)((mi - 6) % 12) + 1;
    b->y = (mi - 2) / 12;
    b->m = (int)((mi - 2) % 12) + 1;
    break;
  default:
    a->y = c->y - 5;
    b->y = c->y - 2;
    break;
  }
}

/* "beberapa bulan" and "berbulan-bulan" (a unit said twice over), with
 * "lalu" after them (a span that ends a while ago), or "terakhir"/"ini",
 * or for the doubled unit nothing (a span up to today).  NOMATCH when tk
 * is not of that shape. */
static int
some_units(const struct today *c, const struct toks *tk, struct when *out)
{
  int many = lookup(tk, 0, many_units), n = tk->n, k, unit;
  struct point a, b;

  unit = many > 0 ? many : lookup(tk, 1, units);
  k = many > 0 ? 1 : 2;                    /* the word after the unit */
  if ((many <= 0 && !is_word(tk, 0, some_words)) || unit <= 0 || n > k + 1)
    return NOMATCH;
  some_ago(c, unit, &a, &b);
  if (n == k + 1 && is_word(tk, k, ago_words))
    return finish_range(c, WHEN_SPAN, a, b, out);
  if (n == k + 1 && !is_word(tk, k, last_words) &&
      !is_word(tk, k, this_words))
    return NOMATCH;
  if (n == k && many <= 0)
    return finish_range(c, WHEN_SPAN, a, b, out);  /* beberapa hari */
  return finish_range(c, WHEN_SPAN, a, point_day(c->today), out);
}

/* "beberapa hari lalu", "baru-baru ini": a span back from today. */
static int
match_vague(const struct today *c, const struct toks *tk, struct when *out)
{
  int n = tk->n, rc;

  if ((is_word(tk, 0, recent_words) &&
       (n == 1 || (n == 2 && is_word(tk, 1, this_words)))) ||
      (is_word(tk, 0, not_long_words) && is_word(tk, 1, long_ago_words) &&
       (n == 2 || (n == 3 && is_word(tk, 2, this_words)))))
    return finish_range(c, WHEN_SPAN, point_day(c->today - 14),
                        point_day(c->today), out);  /* belum lama ini */
  if (n == 2 && is_word(tk, 0, some_words) && is_word(tk, 1, ago_words))
    return finish_range(c, WHEN_SPAN, point_day(c->today - 30),
                        point_day(c->today - 2), out);  /* beberapa waktu lalu */
  rc = some_units(c, tk, out);
  if (rc != NOMATCH)
    return rc;
  if (is_word(tk, n - 1, last_words) && n >= 2 && n <= 3)
    return last_units(c, tk, out);               /* 3 bulan terakhir */
  /* "3 bulan ini", "sebulan ni" say the same ("tgl 3 bulan ini" is a
   * day, "bulan ini" a month: not of that shape). */
  if (is_word(tk, n - 1, this_words) && n >= 2 && n <= 3 && !tk->saw_tgl)
    return last_units(c, tk, out);
  return NOMATCH;
}

/* A feast's days as the answer (a season's as its months); with shift,
 * the day that many days before its first day (shift < 0) or after its
 * last. */
static int
feast_shifted(const struct today *c, int id, int64_t from, int64_t to,
              int64_t shift, struct when *out)
{
  struct point a = point_day(from), b = point_day(to);
  int rc;

  if (shift != 0)
    return finish_day(c, shift < 0 ? from + shift : to + shift, out);

  if (feast_whole_months(id))
    a.d = b.d = 0;
  rc = finish_range(c, WHEN_FEAST, a, b, out);

  out->feast = feast_name(id);
  return rc;
}

/* A feast's days as the answer (a season's as its months). */
static int
feast_result(const struct today *c, int id, int64_t from, int64_t to,
             struct when *out)
{
  return feast_shifted(c, id, from, to, 0, out);
}

/* A feast named without a date that can be known: still an answer. */
static int
feast_undated(int id, struct when *out)
{
  set_unknown(out);
  out->precision = WHEN_FEAST;
  out->feast = feast_name(id);
  return WHEN_OK;
}

/* Which occurrence of a feast the words around it ask for: a year (or 0),
 * strictly before today ("lalu", "kemarin"), in the future ("depan",
 * "nanti"), this one ("ini": *year is this year and *now is set).
 * NOMATCH when a word is not about the feast. */
static int
feast_words(const struct today *c, const struct toks *tk, int p, int len,
            int64_t *year, int *strict, int *future, int *now)
{
  int i;

  *year = 0;
  *strict = *future = *now = 0;
  for (i = 0; i < tk->n; i++) {
    if (i >= p && i < p + len)
      continue;
    if (is_num(tk, i) && tk->t[i].digits == 4)
      *year = tk->t[i].val;
    else if (is_word(tk, i, ago_words))
      *strict = 1;
    else if (is_word(tk, i, next_words) || is_word(tk, i, later_words) ||
             is_word(tk, i, tomorrow_words))
      *future = 1;
    else if (is_word(tk, i, this_words))
      *year = c->y, *now = 1;
    else if (!is_word(tk, i, feast_fillers) && !is_word(tk, i, year_words) &&
             lookup(tk, i, times_of_day) <= 0 && !is_count(tk, i) &&
             lookup(tk, i, units) <= 0 && strcmp(tk->t[i].word, "ke") != 0)
      return NOMATCH;
  }
  return 0;
}

/* Words that put the day meant before or after a feast. */
static const char *const before_words[] = {"sebelum", "sblm", "menjelang",
                                           "jelang", NULL};
static const char *const after_words[] = {
  "sesudah", "sesdh", "setelah", "stlh", "sehabis", "habis", "abis",
  "usai", "seusai", NULL,
};

/* The days between a feast and the day meant when "3 hari sebelum" or
 * "seminggu setelah" comes right before the feast's words at p: negative
 * before it, positive after; 0 when there are none (or months, years). */
static int64_t
feast_shift(const struct toks *tk, int p)
{
  int64_t count = 1;
  int unit, sign;

  if (p < 2)
    return 0;
  sign = is_word(tk, p - 1, before_words) ? -1
         : is_word(tk, p - 1, after_words) ? 1 : 0;
  unit = lookup(tk, p - 2, one_units);
  if (unit <= 0) {
    unit = lookup(tk, p - 2, units);
    count = p >= 3 ? count_at(tk, p - 3) : -1;
  }
  if (sign == 0 || count < 1 || count > 60 ||
      (unit != U_DAY && unit != U_WEEK))
    return 0;
  return sign * count * (unit == U_WEEK ? 7 : 1);
}

/* "musim hujan ini": the occurrence of a season or feast that is running
 * today, begun this year or the last (the rains from November to March);
 * NOMATCH when none is. */
static int
feast_running(const struct today *c, const struct feast_dates *fd, int id,
              struct when *out)
{
  int64_t y, from, to;

  for (y = c->y; y >= c->y - 1; y--)
    if (feast_in_year(fd, id, y, &from, &to) == 0 && from <= c->today &&
        c->today <= to)
      return feast_result(c, id, from, to, out);
  return NOMATCH;
}

/* "Natal kemarin", "waktu Paskah", "Idul Fitri 2024", "bulan puasa". */
static int
match_feast(const struct today *c, const struct feast_dates *fd,
            const struct toks *tk, struct when *out)
{
  const char *w[TOK_MAX];
  int p, id = -1, len = 0, strict, future, now, rc, id2, len2, dated;
  int64_t year, y, from, to;

  tok_texts(tk, w);
  for (p = 0; p < tk->n && id < 0; p++)
    id = feast_match(w + p, tk->n - p, &len);
  p--;
  /* "hari kenaikan isa almasih": a longer name one word on wins. */
  if (id >= 0 && p + 1 < tk->n &&
      (id2 = feast_match(w + p + 1, tk->n - p - 1, &len2)) >= 0 &&
      len2 > len - 1) {
    id = id2;
    len = len2;
    p++;
  }
  if (id < 0 ||
      feast_words(c, tk, p, len, &year, &strict, &future, &now) != 0)
    return NOMATCH;
  if (future) {
    set_unknown(out);
    return WHEN_FUTURE;
  }
  rc = now && year == c->y ? feast_running(c, fd, id, out) : NOMATCH;
  if (rc != NOMATCH)
    return rc;
  if (year != 0) {
    dated = feast_in_year(fd, id, year, &from, &to) == 0;
    /* "musim hujan tahun ini" in March: the rains begun last November
     * are this year's too, while this year's own have not begun. */
    if (year == c->y && dated && from > c->today &&
        feast_running(c, fd, id, out) == WHEN_OK)
      return WHEN_OK;
    if (dated)
      return feast_shifted(c, id, from, to, feast_shift(tk, p), out);
    rc = finish_year(c, year, out);
    return rc == WHEN_OK ? feast_undated(id, out) : rc;
  }
  /* "lalu"/"kemarin": one that is over, so a season still running
   * ("bulan puasa kemarin" in Ramadan) is last year's. */
  for (y = c->y; y >= c->y - 12 && y >= FLOOR_YEAR; y--)
    if (feast_in_year(fd, id, y, &from, &to) == 0 &&
        (strict ? to < c->today : from <= c->today))
      return feast_shifted(c, id, from, to, feast_shift(tk, p), out);
  return feast_undated(id, out);
}

/* Narrow a month or a year to its early, middle or late part ("awal
 * Agustus": 1 to 10 August; "akhir tahun lalu": September to December). */
static int
narrow(const struct today *c, enum part part, int rc, struct when *out)
{
  static const int day_from[] = {1, 11, 21}, day_to[] = {10, 20, 31};
  struct point a = when_from(out), b = a;

  if (out->precision == WHEN_MONTH) {
    a.d = day_from[part - 1];
    b.d = day_to[part - 1];
    if (b.d > days_in_month(b.y, b.m))
      b.d = days_in_month(b.y, b.m);
  } else if (out->precision == WHEN_YEAR) {
    a.m = 4 * (part - 1) + 1;
    b.m = 4 * part;
  } else {
    return rc;
  }
  return finish_range(c, WHEN_SPAN, a, b, out);
}

/* "awal bulan", "akhir tahun": that part of the most recent month or
 * year in which it has begun. */
static int
part_alone(const struct today *c, enum part part, int is_year,
           struct when *out)
{
  int64_t mi = c->y * 12 + (c->m - 1);
  int rc, k = (int)part - 1;

  if (is_year) {
    rc = finish_year(c, 4 * k + 1 > c->m ? c->y - 1 : c->y, out);
  } else {
    if (k * 10 + 1 > c->d)
      mi--;
    rc = finish_month(c, mi, out);
  }
  return narrow(c, part, rc, out);
}

static int match_weekday(const struct today *c, const struct toks *tk,
                         struct when *out);

/* One point or period of time (no span of two): a feast, or, its time of
 * day set aside, the relative, vague, day-name and calendar forms; with
 * "awal", "pertengahan", "akhir" before it, that part of it.  When none
 * fits, a day name or a feast said alongside a date is set aside. */
static int
parse_forms(const struct today *c, const struct feast_dates *fd,
            struct toks *tk, struct when *out)
{
  int rc = match_feast(c, fd, tk, out);

  if (rc != NOMATCH)
    return rc;
  drop_time(tk);
  if (tk->n == 0)
    return WHEN_INVALID;
  rc = match_vague(c, tk, out);
  if (rc == NOMATCH)
    rc = match_future(c, tk, out);
  if (rc == NOMATCH)
    rc = match_relative(c, tk, out);
  if (rc == NOMATCH)
    rc = match_weekday(c, tk, out);
  if (rc == NOMATCH)
    rc = match_absolute(c, tk, 0, out);
  return rc;
}

/*
 * Take out a day name ("hari kamis kemarin", with "hari" before it and
 * "lalu"/"kemarin" after it), or else a feast's words ("pas natal",
 * "upacara"), when the rest still holds a time: that time decides ("hari
 * kamis kemarin tgl 12", "25 des kemarin pas natal").  1 when something
 * was taken out.
 */
static int
drop_aside(struct toks *tk)
{
  const char *w[TOK_MAX];
  int i, len, k, before = tk->n;

  for (i = 0; i < tk->n; i++) {
    if (lookup(tk, i, weekdays) < 0 || tk->n < 2)
      continue;
    k = is_word(tk, i + 1, ago_words) ? 2 : 1;
    if (i > 0 && is_word(tk, i - 1, day_words))
      i--, k++;
    tk_remove(tk, i, k);
    return 1;
  }
  tok_texts(tk, w);
  for (i = 0; i < tk->n; i++)
    if (feast_match(w + i, tk->n - i, &len) >= 0 && len < tk->n) {
      tk_remove(tk, i, len);
      break;
    }
  for (i = 0; i < tk->n;)
    if (is_word(tk, i, feast_fillers) && tk->n > 1)
      tk_remove(tk, i, 1);
    else
      i++;
  return tk->n < before && tk->n > 0;
}

/* The words that number a week of a month ("minggu kedua"); 5 is the
 * last. */
static const struct word_val week_ordinals[] = {
  {"pertama", 1}, {"kesatu", 1}, {"kedua", 2}, {"ketiga", 3},
  {"keempat", 4}, {"terakhir", 5}, {"trakhir", 5}, {"terakir", 5},
  {NULL, 0},
};

/* "minggu kedua", "pekan ke 3" at the start of tk: the week (1 to 4, 5
 * the last) and in *len its words; 0 when tk does not begin so. */
static int
week_of_month_at(const struct toks *tk, int *len)
{
  int w;

  if (!is_word(tk, 0, week_words))
    return 0;
  w = lookup(tk, 1, week_ordinals);
  *len = 2;
  if (w > 0)
    return w;
  *len = 3;
  if (tk->n > 2 && tk->t[1].kind == TK_WORD &&
      strcmp(tk->t[1].word, "ke") == 0 && is_num(tk, 2) &&
      tk->t[2].val >= 1 && tk->t[2].val <= 4)
    return (int)tk->t[2].val;
  return 0;
}

/*
 * "minggu kedua Februari", "minggu terakhir bulan lalu", "minggu
 * pertama": that week of the month named (days 1-7, 8-14, 15-21, 22-28,
 * or the last seven), of the latest month in which it has begun when
 * none is named.  NOMATCH when tk is not such a week.
 */
static int
parse_week_of_month(const struct today *c, const struct feast_dates *fd,
                    const struct toks *in, struct when *out)
{
  struct toks tk = *in;
  struct point a, b;
  int64_t mi = c->y * 12 + (c->m - 1);
  int week, len, rc;

  week = week_of_month_at(&tk, &len);
  if (week == 0)
    return NOMATCH;
  tk_remove(&tk, 0, len);
  if (tk.n == 0 || (tk.n == 1 && is_word(&tk, 0, month_words))) {
    if (week == 5)
      return NOMATCH;     /* "minggu terakhir": the last days, not this */
    rc = finish_month(c, 7 * (week - 1) + 1 > c->d ? mi - 1 : mi, out);
  } else {
    rc = parse_forms(c, fd, &tk, out);
  }
  if (!has_date(rc, out) || out->precision != WHEN_MONTH) {
    set_unknown(out);
    return NOMATCH;
  }
  a = when_from(out);
  b = a;
  a.d = week == 5 ? days_in_month(a.y, a.m) - 6 : 7 * (week - 1) + 1;
  b.d = week == 5 ? days_in_month(b.y, b.m) : 7 * week;
  return finish_range(c, WHEN_SPAN, a, b, out);
}

static int
parse_period(const struct today *c, const struct feast_dates *fd,
             const struct toks *in, struct when *out)
{
  struct toks tk = *in, aside;
  int found = lookup(&tk, 0, parts), rc;
  enum part part = found > 0 ? (enum part)found : P_NONE;

  set_unknown(out);
  if (part == P_NONE && tk.n >= 2 && lookup(&tk, tk.n - 1, parts) > 0) {
    struct tok last = tk.t[tk.n - 1];            /* "2025 akhir" */

    part = (enum part)lookup(&tk, tk.n - 1, parts);
    tk_remove(&tk, tk.n - 1, 1);
    tk_insert(&tk, 0, 1);
    tk.t[0] = last;
  }
  rc = parse_week_of_month(c, fd, &tk, out);
  if (rc != NOMATCH)
    return rc;
  if (part != P_NONE) {
    tk_remove(&tk, 0, 1);
    if (tk.n == 1 && (is_word(&tk, 0, month_words) ||
                      is_word(&tk, 0, year_words)))
      return part_alone(c, part, is_word(&tk, 0, year_words), out);
  }
  aside = tk;
  rc = parse_forms(c, fd, &tk, out);
  while ((rc == NOMATCH || rc == WHEN_INVALID) && drop_aside(&aside)) {
    tk = aside;
    rc = parse_forms(c, fd, &tk, out);
  }
  if (part != P_NONE && has_date(rc, out))
    rc = narrow(c, part, rc, out);
  return rc;
}

/* 1 when the number at i, a dash and the number after it are two days
 * after "tanggal", which names days: "tgl 5-6", "tgl 5-6 bln 3",
 * "tanggal 10-12 kemarin" (not 5 June, not 10 December).  The second day
 * must be later; a year after them ("tgl 5-6-2025", "tgl 5-6 2025")
 * keeps a date. */
static int
tgl_day_pair(const struct toks *tk, int i)
{
  const struct tok *next = i + 3 < tk->n ? &tk->t[i + 3] : NULL;

  return tk->saw_tgl && tk->t[i + 1].sep == '-' && tk->t[i].val >= 1 &&
         tk->t[i].val < tk->t[i + 2].val && tk->t[i + 2].val <= 31 &&
         (next == NULL || next->kind == TK_WORD ||
          (next->kind == TK_NUM && next->of_bulan));
}

/* Where the two ends of a span are in tk: the left one from *ls to *le,
 * the right one from *rs to the end, or *to_today when it ends now
 * ("sejak Agustus", "... sampai sekarang").  0, or NOMATCH. */
static int
span_ends(const struct toks *tk, int *ls, int *le, int *rs, int *to_today)
{
  int n = tk->n, start = 0, k, since = is_word(tk, 0, since_words);
  int between = is_word(tk, 0, between_words);

  *to_today = 0;
  if (since || between)
    start = 1;
  /* "dan" after "antara", or between two numbers ("tgl 10 dan 11"). */
  for (k = start + 1; k < n - 1; k++)
    if (is_word(tk, k, to_words) ||
        (is_word(tk, k, and_words) &&
         (between || (is_num(tk, k - 1) && is_num(tk, k + 1)))))
      break;
  if (k < n - 1) {
    *ls = start;
    *le = k;
    *rs = k + 1;
    *to_today = (n - *rs == 1 && is_word(tk, *rs, now_words)) ||
                (n - *rs == 2 && is_word(tk, *rs, day_words) &&
                 is_word(tk, *rs + 1, this_words));
    return 0;
  }
  if (since && n > 1) {
    *ls = 1;
    *le = *rs = n;
    *to_today = 1;
    return 0;
  }
  if (n >= 2 && lookup(tk, 0, months) > 0 && lookup(tk, 1, months) > 0 &&
      lookup(tk, 0, months) != lookup(tk, 1, months)) {
    *ls = 0;                                     /* Juni/Juli 2025 */
    *le = *rs = 1;
    return 0;
  }
  /* "10-15 maret", "2-3 hari"; after "antara", which asks for two ends,
   * any two numbers ("antara tgl 5-6", "antara 2023-2024"); after
   * "tanggal", two days ("tgl 5-6"). */
  if (n - start >= 3 && is_num(tk, start) &&
      tk->t[start + 1].kind == TK_SEP &&
      (tk->t[start + 1].sep == '-' || tk->t[start + 1].sep == '/') &&
      is_num(tk, start + 2) &&
      ((between && !(n - start > 3 && tk->t[start + 3].kind == TK_SEP)) ||
       lookup(tk, start + 3, months) > 0 ||
       lookup(tk, start + 3, units) > 0 || tgl_day_pair(tk, start))) {
    *ls = start;
    *le = start + 1;
    *rs = start + 2;
    return 0;
  }
  return NOMATCH;
}

/* "sejak Agustus sampai sekarang", "2023 - 2024", "Mei - Juli 2024",
 * "10-15 maret": from the start of one end to the end of the other.  An
 * end that lacks what the other one has after its first word borrows it
 * ("10 sampai 15 maret": "10 maret"). */
static int
match_span(const struct today *c, const struct feast_dates *fd,
           const struct toks *tk, struct when *out)
{
  struct toks l, r, lt;
  struct when lw, rw;
  struct point from, to;
  int ls, le, rs, to_today, lrc = NOMATCH, rrc, i;

  if (span_ends(tk, &ls, &le, &rs, &to_today) != 0)
    return NOMATCH;
  tk_slice(tk, ls, le, &l);
  tk_slice(tk, rs, tk->n, &r);
  rrc = to_today ? finish_day(c, c->today, &rw)
                 : parse_period(c, fd, &r, &rw);
  if (!has_date(rrc, &rw))
    return NOMATCH;
  if (!to_today && r.n >= 2) {
    lt = l;
    for (i = 1; i < r.n && lt.n < TOK_MAX; i++)
      lt.t[lt.n++] = r.t[i];
    /* Borrowed, the end may be in the future or too old as the other
     * end is, the span then too ("juli sampai september 2026" in March
     * 2026), unless it would come after the other end: then it keeps
     * its own year ("november sampai februari 2026": November 2025). */
    lrc = parse_period(c, fd, &lt, &lw);
    if (!has_date(lrc, &lw) ||
        (lrc != WHEN_OK &&
         (lrc != rrc ||
          point_first(when_from(&lw)) > point_first(when_from(&rw)))))
      lrc = NOMATCH;
  }
  if (lrc == NOMATCH)
    lrc = parse_period(c, fd, &l, &lw);
  if (!has_date(lrc, &lw))
    return NOMATCH;
  from = when_from(&lw);
  to = when_to(&rw);
  if (point_first(from) > point_first(when_from(&rw))) {
    from = when_from(&rw);                       /* 2 sampai 3 hari lalu */
    to = when_to(&lw);
  }
  return finish_range(c, WHEN_SPAN, from, to, out);
}

/* A span, or else one period. */
static int
parse_any(const struct today *c, const struct feast_dates *fd,
          const struct toks *tk, struct when *out)
{
  int rc = match_span(c, fd, tk, out);

  return rc == NOMATCH ? parse_period(c, fd, tk, out) : rc;
}

/* How many tokens an "I do not know" takes at i ("tidak ingat lagi",
 * "lupa tanggalnya", "sudah lama sekali" at the start), or 0. */
static int
unknown_at(const struct toks *tk, int i)
{
  int j;

  if (is_word(tk, i, unknown_words))
    j = i + 1;
  else if (is_word(tk, i, negations) && is_word(tk, i + 1, knowing))
    j = i + 2;
  else if (i == 0 && is_word(tk, i, long_ago_words))
    j = i + 1;
  else
    return 0;
  /* "lupa hari", "tidak ingat tanggal": not "... bulan lalu". */
  while (j < tk->n && is_word(tk, j, unknown_tail) &&
         !(is_word(tk, j, place_tail) && j + 1 < tk->n &&
           !is_word(tk, j + 1, unknown_tail)))
    j++;
  return j - i;
}

/* "tidak tahu", "lupa", "sonde tau": unknown, unless the rest of the
 * answer still names a time ("lupa tanggalnya, tapi bulan Agustus"). */
static int
match_unknown(const struct today *c, const struct feast_dates *fd,
              const struct toks *tk, struct when *out)
{
  struct toks rest;
  int i, len = 0, rc;

  for (i = 0; i < tk->n && len == 0; i++)
    len = unknown_at(tk, i);
  if (len == 0)
    return NOMATCH;
  rest = *tk;
  tk_remove(&rest, i - 1, len);
  if (rest.n > 0) {
    rc = parse_any(c, fd, &rest, out);
    if (has_date(rc, out))
      return rc;
  }
  set_unknown(out);
  return WHEN_OK;
}

/* ---- Stories ----------------------------------------------------------- */

/*
 * An answer that tells a story around its time ("itu hari sabtu sore,
 * sesudah ibadah, kira2 tgl 20an bulan lalu", "pas hari senin tgl 2
 * maret, sy antar anak ke sekolah") is read as a whole first; when that
 * fails, the time is looked for inside it.  The text is cut into words;
 * a window is a run of words of time (those of this file's lists,
 * numbers, a feast's words) within one clause (commas, full stops and
 * the like end one).  In each window the longest stretch that names a
 * time of the past wins (a stretch begins and ends with a word that is
 * no filler: fillers are dropped anyway).  A day name alone gives way to
 * a date; several dates make a span from the first to the last ("Mei
 * 2025, terulang lagi Agustus 2025").  Only past times are taken from a
 * story: a future or impossible date inside it is no answer, nor is a
 * story without one.
 * Nor is the story of the incident itself, sent where the time was asked,
 * with a time only in passing ("Sekretaris dinas memenangkan ... tender
 * proyek jalan tahun ini tanpa lelang"): at least one word in
 * STORY_SHARE must be a word of time.  A story that announces its time
 * ("... dipungut 200rb per orang waktu pembagian pupuk bulan lalu", "Dia
 * datang ke rumah jam 7 malam kemarin, RT 03 ...") answers when from that
 * word on: the words before it tell who and where, and the share and the
 * search for the time are taken from it.  Nor does the share hold back a
 * time the reporter sets off by ending its clause there ("Beta pi urus
 * surat di kantor lurah ini hari, ju dong minta uang", "Kejadian itu
 * tahun 2023, waktu penyaluran BLT ..."): in a story that fails both, only
 * such times are looked for; a time within a clause stays in passing,
 * unless it is the story's only time and a year said as one ("Dana desa
 * tahun 2024 dorang pake untuk beli oto kepala desa").
 */
#define STORY_WORDS 64       /* words of a story looked at */
#define STORY_SPAN 8         /* longest stretch of one window tried */
#define STORY_RESULTS 8      /* times kept from one story */
#define STORY_SHARE 3        /* 1 in 3 words at least are words of time */

struct story_word {
  const char *at;            /* in the text */
  int len;
  int timely;                /* a word of time */
  int ends_clause;           /* punctuation after it ends a clause */
  int garbled;               /* a character the tokenizer refuses */
  int anchor;                /* names a time by itself: not a filler */
  int core;                  /* a number or a month: never cut off */
  int ago;                   /* "kemarin", "lalu" */
  int dated;                 /* a whole date in figures: "1/8/2023" */
  char lower[WORD_MAX];      /* letters only, lower case: feasts */
};

static int parse_text(const struct today *c, const struct feast_dates *fd,
                      const char *text, struct when *out);

/* 1 when w is a number word that can make a day of the month ("tiga
 * puluh satu", "dua belas"): a word of time, never cut off a date ("tiga
 * puluh satu april 2025" is no "satu april 2025").  Hundreds and thousands
 * ("300 ribu", "lima ratus") are sums of money in a story, no time. */
static int
day_numeral(const char *w)
{
  int v = numeral(w);

  return v != 0 && v > -100 && v < 100;
}

/* 1 when tk is a whole date written in figures: day, month and a year
 * of four digits, joined by one kind of separator ("1/8/2023",
 * "01-08-2023", "2023-08-01").  Such a word says it is a date as "tgl"
 * does; a clock time ("10:30:00") or a sum ("1.800.000") is none. */
static int
figures_date(const struct toks *tk)
{
  const struct tok *t = tk->t;

  return tk->n == 5 && t[0].kind == TK_NUM && t[1].kind == TK_SEP &&
         t[2].kind == TK_NUM && t[3].kind == TK_SEP && t[4].kind == TK_NUM &&
         t[1].sep == t[3].sep && strchr("/-.", t[1].sep) != NULL &&
         t[2].digits <= 2 &&
         ((t[0].digits <= 2 && t[4].digits == 4) ||
          (t[0].digits == 4 && t[4].digits <= 2));
}

/* 1 when the word sw is a word of time: every token of it a number, a
 * separator or a word this file knows (after the spellings are
 * normalised); 0 for any other word.  Its other flags are set too. */
static int
story_timely(struct story_word *sw)
{
  char buf[64];
  struct toks tk;
  int i, len = sw->len;

  if (len <= 0 || len >= (int)sizeof(buf))
    return 0;
  memcpy(buf, sw->at, (size_t)len);
  buf[len] = '\0';
  if (tokenize(buf, &tk) != 0) {
    sw->garbled = 1;
    return 0;
  }
  if (drop_amounts(&tk) > 0)
    return 0;                                    /* "1.500.000" */
  for (i = 0; i < tk.n; i++)
    if (doc_number_at(&tk, i) > 0)
      return 0;                                  /* "No.5/2024" */
  drop_separators(&tk);
  sw->dated = figures_date(&tk);
  normalize_words(&tk);
  split_numerals(&tk);                           /* "tigapuluh" */
  for (i = 0; i < tk.n; i++) {
    sw->anchor |= (tk.t[i].kind == TK_WORD && !is_word(&tk, i, fillers)) ||
                  tk.t[i].kind == TK_SEP || tk.t[i].digits == 4;
    sw->core |= tk.t[i].kind == TK_NUM || lookup(&tk, i, months) > 0 ||
                (tk.t[i].kind == TK_WORD && day_numeral(tk.t[i].word));
    sw->ago |= is_word(&tk, i, ago_words);
  }
  for (i = 0; i < tk.n; i++)
    if (tk.t[i].kind == TK_WORD && !known_word(tk.t[i].word) &&
        !day_numeral(tk.t[i].word) &&
        !is_word(&tk, i, every_words) && !is_word(&tk, i, last_words) &&
        strcmp(tk.t[i].word, "an") != 0)
      return 0;
  return 1;
}

/* The words of text (at most STORY_WORDS) into w; their count. */
static int
story_words(const char *text, struct story_word *w)
{
  const char *p = text, *e;
  int n = 0, k, o;

  while (*p != '\0' && n < STORY_WORDS) {
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
      p++;
    if (*p == '\0')
      break;
    for (e = p; *e != '\0' && *e != ' ' && *e != '\t' && *e != '\r' &&
                *e != '\n'; e++)
      ;
    memset(&w[n], 0, sizeof(w[n]));
    w[n].at = p;
    w[n].len = (int)(e - p);
    w[n].ends_clause = strchr(",;!?.", e[-1]) != NULL || *e == '\n' ||
                       (*e == '\r');
    for (k = 0, o = 0; k < w[n].len && o + 1 < WORD_MAX; k++)
      if ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z'))
        w[n].lower[o++] = (char)(p[k] | 0x20);
    w[n].timely = story_timely(&w[n]);
    n++;
    p = e;
  }
  return n;
}

/* Nouns numbered by a small number that is no date: "tahap 2" of a
 * disbursement, "kelas 3", "RT 5", "km 12". */
static const char *const numbered_nouns[] = {
  "tahap", "termin", "gelombang", "kelas", "rt", "rw", "nomor", "no",
  "lantai", "angkatan", "blok", "sesi", "jilid", "km", "pos", "kamar",
  "ruang", "paket", NULL,
};

/* A number of one or two digits after a numbered noun ("tahap 2 tahun
 * lalu") is that thing's number: no word of time, and no date; so is
 * any word that starts with a digit after "no", "nomor" (also "No."):
 * a document's number ("SK no 12/3/2023"). */
static void
story_numbered(struct story_word *w, int n)
{
  int i, k;

  for (i = 1; i < n; i++) {
    if (word_in(w[i - 1].lower, doc_number_words) &&
        (!w[i - 1].ends_clause || w[i - 1].at[w[i - 1].len - 1] == '.' ||
         w[i - 1].at[w[i - 1].len - 1] == ':') &&
        w[i].at[0] >= '0' && w[i].at[0] <= '9') {
      w[i].timely = w[i].anchor = w[i].core = w[i].dated = 0;
      /* "Perda Nomor 3 Tahun 2023": the year is the document's. */
      if (i + 2 < n && !w[i].ends_clause &&
          word_in(w[i + 1].lower, year_words) && w[i + 2].len >= 4 &&
          w[i + 2].at[0] >= '0' && w[i + 2].at[0] <= '9') {
        w[i + 1].timely = w[i + 1].anchor = w[i + 1].core = 0;
        w[i + 2].timely = w[i + 2].anchor = w[i + 2].core = 0;
        i += 2;
      }
      continue;
    }
    if (w[i - 1].ends_clause || !word_in(w[i - 1].lower, numbered_nouns) ||
        w[i].len > 2)
      continue;
    for (k = 0; k < w[i].len && w[i].at[k] >= '0' && w[i].at[k] <= '9'; k++)
      ;
    if (k == w[i].len)
      w[i].timely = w[i].anchor = w[i].core = 0;
  }
}

/* A feast named over several words ("jumat agung", "idul fitri", "rabu
 * abu") makes each of its words a word of time. */
static void
story_feasts(struct story_word *w, int n)
{
  const char *lw[STORY_WORDS];
  int i, k, len;

  for (i = 0; i < n; i++)
    lw[i] = w[i].lower;
  for (i = 0; i + 1 < n; i++)
    if (lw[i][0] != '\0' && !w[i + 1].timely &&
        feast_match(lw + i, n - i, &len) >= 0)
      for (k = 0; k < len; k++)
        w[i + k].timely = 1;
}

/* 1 when the words w[a..b) name a time by themselves: a word that is
 * not a filler, a number with a separator, or a year. */
static int
story_anchored(const struct story_word *w, int a, int b)
{
  for (; a < b; a++)
    if (w[a].anchor)
      return 1;
  return 0;
}

/* Words that announce the time of what follows ("waktu pembagian pupuk
 * bulan lalu", "saat pencairan dana"); a clock time ("jam 7") and a date
 * ("tgl 3") announce themselves. */
static const char *const announce_words[] = {"waktu", "saat", "ketika",
                                             "sewaktu", "pas", NULL};

/* Where the answer about when begins in the story w[0..n): 0 when one
 * word in STORY_SHARE of the whole is a word of time, else the first word
 * that announces a time when that share holds from there on; -1 when
 * neither holds (the incident's story, a time only in passing). */
static int
story_time_start(const struct story_word *w, int n)
{
  int i, s, a;

  for (s = 0; s < n; s++) {
    if (s > 0 && !word_in(w[s].lower, announce_words) &&
        !word_in(w[s].lower, hour_words) && !word_in(w[s].lower, tgl_words))
      continue;
    for (i = s, a = 0; i < n; i++)
      a += w[i].timely;
    if (a * STORY_SHARE >= n - s)
      return s;
    if (s > 0)
      return -1;
  }
  return -1;
}

/* 1 when the run of time words ending at w[b - 1] closes its clause: a
 * comma, a full stop or the like right after it, and more of the story
 * after that ("kantor lurah Oebobo ini hari, ju dong ..."). */
static int
story_closes_clause(const struct story_word *w, int n, int b)
{
  return b < n && w[b - 1].ends_clause;
}

/* Verbs of what is done to or for a reporter.  A time right after one
 * in the same clause ("datang kemarin", "dong tagih kemarin") says when
 * it was done; their affixed forms ("mendatangi", "diminta", "memukul")
 * are found by the stems of similar.h. */
static const char *const deed_verbs[] = {
  "datang", "pergi", "pi", "tiba", "pulang", "minta", "ambil", "pukul",
  "tagih", "bayar", "kasih", "bawa", "antar", "suruh", "usir", "tolak",
  "tahan", "tangkap", "potong", "pungut", "marah", "ancam", "urus",
  "lapor", "periksa", "panggil", "tampar", "layani", "terima", NULL,
};

/* Letters a root keeps after the prefix of a verb form: "dinas" (di- +
 * "nas"), "beras", "berita", "merah" are too short to be one. */
#define ROOT_MIN 4

/* 1 when c is a vowel. */
static int
vowel(char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* 1 when the root r can begin an Indonesian word after a prefix: a vowel,
 * or one consonant before a vowel ("ng", "ny" as one); not a cluster of
 * a loanword ("diskusi", "dinding"). */
static int
root_begins(const char *r)
{
  if (vowel(r[0]))
    return 1;
  if (r[0] == 'n' && (r[1] == 'g' || r[1] == 'y'))
    r++;
  return vowel(r[1]) || r[1] == 'r' || r[1] == 'l';
}

/* 1 when w (lower-case letters) is a verb by its form: passive di- on a
 * root ("dipalak", "dimintai", "diambil"), ber- on a root ("berteriak",
 * "bertemu"), or me- with the nasal its root's first letter takes (mem-
 * before b, p, f or a vowel where p fell, men- before c, d, j or a vowel
 * where t fell, meng- before a vowel, g, h or k, meny- before a vowel
 * where s fell, me- before l, r, w, y: "memalak", "menagih", "mengancam",
 * "menyuruh", "melarang").  "menteri" (men- before t) is none. */
static int
verb_by_form(const char *w)
{
  const char *r;

  if (strncmp(w, "di", 2) == 0 || strncmp(w, "ber", 3) == 0)
    r = w + (w[0] == 'd' ? 2 : 3);
  else if (strncmp(w, "meng", 4) == 0)
    r = vowel(w[4]) || strchr("ghk", w[4]) != NULL ? w + 4 : NULL;
  else if (strncmp(w, "meny", 4) == 0)
    r = vowel(w[4]) ? w + 4 : NULL;
  else if (strncmp(w, "mem", 3) == 0)
    r = vowel(w[3]) || strchr("bpf", w[3]) != NULL ? w + 3 : NULL;
  else if (strncmp(w, "men", 3) == 0)
    r = vowel(w[3]) || strchr("cdj", w[3]) != NULL ? w + 3 : NULL;
  else if (strncmp(w, "me", 2) == 0)
    r = strchr("lrwy", w[2]) != NULL && w[2] != '\0' ? w + 2 : NULL;
  else
    r = NULL;
  return r != NULL && strlen(r) >= ROOT_MIN && root_begins(r);
}

/* 1 when word i follows a verb in its clause: one of deed_verbs, or a
 * verb by its form. */
static int
story_after_verb(const struct story_word *w, int i)
{
  size_t len;
  uint64_t key;
  int k;

  if (i <= 0 || w[i - 1].ends_clause || w[i - 1].lower[0] == '\0')
    return 0;
  if (verb_by_form(w[i - 1].lower))
    return 1;
  len = strlen(w[i - 1].lower);
  key = similar_word_key(w[i - 1].lower, len);
  for (k = 0; deed_verbs[k] != NULL; k++)
    if (similar_word_key(deed_verbs[k], strlen(deed_verbs[k])) == key)
      return 1;
  return 0;
}

/* 1 when words w[a..b) hold "kemarin", "lalu" or the like. */
static int
story_holds_ago(const struct story_word *w, int a, int b)
{
  for (; a < b; a++)
    if (w[a].ago)
      return 1;
  return 0;
}

/* 1 when the words w[a..b) hold a year said as one: "tahun 2024", "thn
 * 2023".  Unlike "tahun ini", no phrase of a story says it; as the
 * story's only time it is the answer, in passing or not. */
static int
story_year_said(const struct story_word *w, int a, int b)
{
  int i, k;

  for (i = a; i + 1 < b; i++) {
    if (!word_in(w[i].lower, year_words))
      continue;
    for (k = 0; k < w[i + 1].len && w[i + 1].at[k] >= '0' &&
                w[i + 1].at[k] <= '9'; k++)
      ;
    if (k == 4 && w[i + 1].lower[0] == '\0')
      return 1;
  }
  return 0;
}

/* 1 when words w[a..b) hold a whole date in figures ("1/8/2023"). */
static int
story_holds_dated(const struct story_word *w, int a, int b)
{
  for (; a < b; a++)
    if (w[a].dated)
      return 1;
  return 0;
}

/* 1 when the run of time words w[a..b) is not in passing: it closes its
 * clause (above), it is a clause of its own at the end of the story
 * ("untuk surat tanah, itu bulan November kemarin"), it is a date that
 * says it is one ("... serahkan tgl 11/2/2026 langsung ke ...", "1/8/2023
 * waktu urus sertifikat di BPN Ende": day, month and year in figures are
 * a date by their form, however many words of story follow), it says
 * when a deed was done ("... datang kemarin malam minta uang ..."), or it
 * opens the story with a past ("Kemarin beta antar mama pi RSUD ...": a
 * "hari ini" there may be the day of the report, no answer). */
static int
story_time_set_off(const struct story_word *w, int n, int a, int b)
{
  return story_closes_clause(w, n, b) ||
         (b == n && a > 0 && w[a - 1].ends_clause) ||
         (word_in(w[a].lower, tgl_words) && b - a >= 2 && w[a + 1].core) ||
         story_holds_dated(w, a, b) ||
         (story_after_verb(w, a) && story_holds_ago(w, a, b)) ||
         (a == 0 && story_holds_ago(w, a, b));
}

/* 1 when words w[a..b) date only by a day name ("hari sabtu sore"). */
static int
story_weekday_only(const struct story_word *w, int a, int b)
{
  int i, day = 0;

  for (i = a; i < b; i++) {
    if (value_of(w[i].lower, weekdays) >= 0)
      day = 1;
    else if (w[i].core)
      return 0;
  }
  return day;
}

/* 1 when words w[a..b), left out of a stretch, hold a number or a month:
 * a date is never cut ("35 januari 2026" is no "januari 2026"). */
static int
story_cuts_core(const struct story_word *w, int a, int b)
{
  for (; a < b; a++)
    if (w[a].core)
      return 1;
  return 0;
}

/* 1 when word i is "kemarin" or "lalu" after a word of the story in the
 * same clause: "rapat desa kemarin", "tanggal merah kemarin" are the
 * recent meeting and holiday, not yesterday.  After a verb it is when
 * that was done ("petugas datang kemarin"). */
static int
story_after_noun(const struct story_word *w, int i)
{
  return i > 0 && !w[i - 1].timely && !w[i - 1].ends_clause && w[i].ago &&
         !story_after_verb(w, i);
}

/* 1 when the story gives a date's month but not in a form that can be
 * read: "tgl 3 bln xyz", "tanggal 5 bulan qwerty".  The day alone would
 * be taken for this month's, a wrong precise date, so such a story names
 * no time (the reporter is asked again). */
static int
story_month_unread(const struct story_word *w, int n)
{
  int i;

  for (i = 1; i + 1 < n; i++)
    if (word_in(w[i].lower, month_words) && !w[i].ends_clause &&
        !w[i - 1].ends_clause && !w[i + 1].timely && w[i - 1].core &&
        (word_in(w[i - 1].lower, tgl_words) ||           /* "tgl3 bln" */
         (i >= 2 && word_in(w[i - 2].lower, tgl_words))))
      return 1;
  return 0;
}

/* The time the window w[a..b) names: the longest stretch of at most
 * STORY_SPAN words that is a time of the past.  1 with *out and *weak (a
 * day name only), or 0. */
static int
story_window(const struct today *c, const struct feast_dates *fd,
             const struct story_word *w, int a, int b, struct when *out,
             int *weak)
{
  char buf[256];
  size_t len;
  int span, i, rc;

  for (span = b - a < STORY_SPAN ? b - a : STORY_SPAN; span > 0; span--)
    for (i = a; i + span <= b; i++) {
      if (!(w[i].anchor || w[i].core) ||
          !(w[i + span - 1].anchor || w[i + span - 1].core) ||
          !story_anchored(w, i, i + span) ||
          story_cuts_core(w, a, i) || story_cuts_core(w, i + span, b) ||
          story_after_noun(w, i))
        continue;
      len = (size_t)(w[i + span - 1].at + w[i + span - 1].len - w[i].at);
      if (len >= sizeof(buf))
        continue;
      memcpy(buf, w[i].at, len);
      buf[len] = '\0';
      rc = parse_text(c, fd, buf, out);
      if (rc == WHEN_OK && has_date(rc, out)) {
        /* "Jumat Agung" is a feast, no day name alone */
        *weak = out->precision != WHEN_FEAST &&
                story_weekday_only(w, i, i + span);
        return 1;
      }
    }
  return 0;
}

/* 1 when got[i] is a whole year or month that holds another, shorter
 * time of the story: "Jumat Agung ... tahun lalu" names the feast of
 * last year, "tahun lalu ... bulan Agustus" August of it; the year only
 * says which. */
static int
story_holds_other(const struct when *got, const int *weak, int strong,
                  int k, int i)
{
  int64_t a = point_first(when_from(&got[i])), b;
  int j;

  if (got[i].precision != WHEN_YEAR && got[i].precision != WHEN_MONTH)
    return 0;
  b = point_last(when_to(&got[i]));
  for (j = 0; j < k; j++)
    if (j != i && !(strong > 0 && weak[j]) &&
        point_first(when_from(&got[j])) >= a &&
        point_last(when_to(&got[j])) <= b &&
        point_last(when_to(&got[j])) - point_first(when_from(&got[j])) <
            b - a)
      return 1;
  return 0;
}

/* The time a story names (see above), or NOMATCH. */
static int
parse_story(const struct today *c, const struct feast_dates *fd,
            const char *text, struct when *out)
{
  struct story_word w[STORY_WORDS];
  struct when got[STORY_RESULTS], one, said;
  int weak[STORY_RESULTS], n = story_words(text, w), i, a, k = 0, strong = 0;
  int first = -1, last = -1, start, closing_only;
  int passing = 0, year_said = 0, one_weak = 0;
  struct point from, to;

  set_unknown(&said);
  story_feasts(w, n);
  story_numbered(w, n);
  for (i = 0; i < n; i++)
    if (w[i].garbled)
      return NOMATCH;  /* a letter or byte not understood: no story */
  if (story_month_unread(w, n))
    return NOMATCH;   /* "tgl 3 bln xyz": the month is not understood */
  for (i = 0; i < n && w[i].timely && !(i + 1 < n && w[i].ends_clause); i++)
    ;
  if (i == n)
    return NOMATCH;   /* one clause of time words: the verdict stands */
  start = story_time_start(w, n);
  closing_only = start < 0;  /* the incident's story: a time set off only */
  if (closing_only)
    start = 0;
  for (i = start; i < n && k < STORY_RESULTS; i = a) {
    for (a = i; a < n && w[a].timely && !(a > i && w[a - 1].ends_clause);
         a++)
      ;
    if (a == i) {
      a = i + 1;
      continue;
    }
    if (closing_only && !story_time_set_off(w, n, i, a)) {
      /* a time in passing, within its clause: kept aside, the answer
       * only when it is the story's one time and a year said as one */
      if (story_window(c, fd, w, i, a, &one, &one_weak)) {
        passing++;
        year_said = one.precision == WHEN_YEAR && story_year_said(w, i, a);
        said = one;
      } else if (story_holds_ago(w, i, a) || story_cuts_core(w, i, a)) {
        passing++;    /* "ke Kupang kemarin malam": a time all the same */
      }
      continue;
    }
    if (a - i == 1 && strcmp(w[i].lower, "minggu") == 0)
      continue;       /* a week or a Sunday: too vague alone */
    if (story_window(c, fd, w, i, a, &one, &weak[k])) {
      got[k] = one;
      strong += !weak[k];
      k++;
    }
  }
  if (k == 0 && passing == 1 && year_said) {
    weak[k] = 0;
    got[k++] = said;  /* "Dana desa tahun 2024 dorang pake ..." */
  }
  for (i = 0; i < k; i++) {
    if ((strong > 0 && weak[i]) || story_holds_other(got, weak, strong, k, i))
      continue;
    if (first < 0 || point_first(when_from(&got[i])) <
                     point_first(when_from(&got[first])))
      first = i;
    if (last < 0 || point_last(when_to(&got[i])) >
                    point_last(when_to(&got[last])))
      last = i;
  }
  if (first < 0)
    return NOMATCH;
  if (first == last) {
    *out = got[first];
    return WHEN_OK;
  }
  from = when_from(&got[first]);
  to = when_to(&got[last]);
  return finish_range(c, WHEN_SPAN, from, to, out);
}

/* ---- Entry points ------------------------------------------------------ */

/* The text read as one answer: a status, or NOMATCH. */
static int
parse_text(const struct today *c, const struct feast_dates *fd,
           const char *text, struct when *out)
{
  struct toks tk;
  int rc;

  set_unknown(out);
  if (tokenize(text, &tk) != 0)
    return WHEN_INVALID;
  drop_amounts(&tk);
  drop_doc_numbers(&tk);
  drop_separators(&tk);
  normalize_words(&tk);
  numerals(&tk);
  quarters(&tk);
  this_first(&tk);
  drop_fillers(&tk);
  year_first(&tk);
  yesterday_first(&tk);
  resolve_years(c, &tk);
  if (tk.n == 0)
    return WHEN_INVALID;
  rc = match_unknown(c, fd, &tk, out);
  if (rc == NOMATCH)
    rc = parse_any(c, fd, &tk, out);
  return rc;
}

enum when_status
when_parse_feasts(const char *text, int64_t now_ms, int max_age_years,
                  const struct feast_dates *fd, struct when *out)
{
  struct today c;
  struct when story;
  int rc;

  if (out == NULL)
    return WHEN_INVALID;
  set_unknown(out);
  if (text == NULL)
    return WHEN_INVALID;
  today_set(&c, now_ms, max_age_years);
  rc = parse_text(&c, fd, text, out);
  if (rc == NOMATCH || rc == WHEN_INVALID ||
      (rc == WHEN_OK && out->precision == WHEN_UNKNOWN)) {
    if (parse_story(&c, fd, text, &story) == WHEN_OK) {
      *out = story;
      return WHEN_OK;
    }
  }
  if (rc == NOMATCH || rc == WHEN_INVALID) {
    set_unknown(out);
    return WHEN_INVALID;
  }
  return (enum when_status)rc;
}

enum when_status
when_parse(const char *text, int64_t now_ms, int max_age_years,
           struct when *out)
{
  return when_parse_feasts(text, now_ms, max_age_years, NULL, out);
}

/* A point as people read it: "12-03-2026", "03-2026", "2026". */
static void
point_format(int y, int m, int d, char *buf, size_t len)
{
  if (d > 0)
    snprintf(buf, len, "%02d-%02d-%04d", d, m, y);
  else if (m > 0)
    snprintf(buf, len, "%02d-%04d", m, y);
  else
    snprintf(buf, len, "%04d", y);
}

/* A point in ISO 8601: "2026-03-12", "2026-03", "2026". */
static void
point_iso(int y, int m, int d, char *buf, size_t len)
{
  if (d > 0)
    snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
  else if (m > 0)
    snprintf(buf, len, "%04d-%02d", y, m);
  else
    snprintf(buf, len, "%04d", y);
}

/* "from s/d to" (or "from/to" in ISO), or the one point when both ends
 * are the same or there is only one (a day, a month, a year), with each
 * end written by one of the above. */
static void
range_write(const struct when *w, const char *between,
            void (*write)(int, int, int, char *, size_t), char *buf,
            size_t len)
{
  char a[24], b[24];

  write(w->year, w->month, w->day, a, sizeof(a));
  write(w->to_year, w->to_month, w->to_day, b, sizeof(b));
  if (strcmp(a, b) == 0 ||
      (w->precision != WHEN_SPAN && w->precision != WHEN_FEAST))
    snprintf(buf, len, "%s", a);
  else
    snprintf(buf, len, "%s%s%s", a, between, b);
}

char *
when_format(const struct when *w, char *buf, size_t len)
{
  char range[64];

  if (buf == NULL || len == 0)
    return buf;
  buf[0] = '\0';
  if (w == NULL || w->precision == WHEN_UNKNOWN)
    return buf;
  if (w->precision == WHEN_FEAST && w->year == 0) {
    snprintf(buf, len, "%s", w->feast != NULL ? w->feast : "");
    return buf;
  }
  range_write(w, " s/d ", point_format, range, sizeof(range));
  if (w->precision == WHEN_FEAST)
    snprintf(buf, len, "%s, %s", w->feast != NULL ? w->feast : "", range);
  else
    snprintf(buf, len, "%s", range);
  return buf;
}

char *
when_iso(const struct when *w, char *buf, size_t len)
{
  if (buf == NULL || len == 0)
    return buf;
  buf[0] = '\0';
  if (w == NULL || w->precision == WHEN_UNKNOWN || w->year == 0)
    return buf;
  range_write(w, "/", point_iso, buf, len);
  return buf;
}

const char *
when_precision_name(enum when_precision p)
{
  switch (p) {
  case WHEN_DAY:
    return "day";
  case WHEN_MONTH:
    return "month";
  case WHEN_YEAR:
    return "year";
  case WHEN_SPAN:
    return "span";
  case WHEN_FEAST:
    return "feast";
  case WHEN_UNKNOWN:
    return "unknown";
  }
  return "?";
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
