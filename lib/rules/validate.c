/*
 * validate.c: the basic checks on a report's answers (see validate.h).
 */
#include "rules/validate.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "rules/incident_memo.h"
#include "rules/place.h"
#include "rules/quality.h"
#include "rules/when.h"

#define NCATEGORIES 7

void
validate_defaults(struct validator *vd)
{
  memset(vd, 0, sizeof(*vd));
  vd->kronologi_min_words = 8;
  vd->kronologi_max_chars = 4000;
  vd->terlapor_min_letters = 3;
  vd->nama_min_letters = 2;
  vd->max_age_years = 5;
  vd->language_ratio = 0.08;
}

/* Letters in text: ASCII letters, and every multi-byte UTF-8 character
 * (Indonesian names are mostly ASCII; the rest is counted generously). */
static int
count_letters(const char *text)
{
  const unsigned char *p = (const unsigned char *)text;
  int n = 0;

  for (; *p != '\0'; p++)
    if (isalpha(*p) || *p >= 0xc0)
      n++;
  return n;
}

int
validate_count_words(const char *text)
{
  const unsigned char *p = (const unsigned char *)text;
  int n = 0, in = 0;

  for (; *p != '\0'; p++) {
    int w = isalnum(*p) || *p >= 0x80;
    if (w && !in)
      n++;
    in = w;
  }
  return n;
}

/* 1 when text has no letter at all (only digits, spaces, marks). */
static int
only_digits_and_marks(const char *text)
{
  const unsigned char *p = (const unsigned char *)text;

  for (; *p != '\0'; p++)
    if (isalpha(*p) || *p >= 0xc0)
      return 0;
  return 1;
}

static void
reject(struct verdict *v, const char *reason, const char *code)
{
  v->ok = 0;
  v->reason = reason;
  v->code = code;
}

static void
add_num(struct verdict *v, const char *name, long n)
{
  if (v->nvars >= VERDICT_VARS)
    return;
  snprintf(v->num[v->nvars], sizeof(v->num[0]), "%ld", n);
  v->vars[v->nvars].name = name;
  v->vars[v->nvars].value = v->num[v->nvars];
  v->nvars++;
}

/* 1 when word (lower case) is one of the space-separated words of list. */
static int
in_list(const char *list, const char *word)
{
  size_t n = strlen(word);
  const char *p = list;

  while (p != NULL && *p != '\0') {
    while (*p == ' ')
      p++;
    if (strncmp(p, word, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
      return 1;
    p = strchr(p, ' ');
  }
  return 0;
}

/* A category by number ("3", "3.") or by a keyword in its words. */
static int
find_category(const struct catalog *cat, const char *text)
{
  char word[64], key[32];
  const unsigned char *p = (const unsigned char *)text;
  int i, n;

  while (*p == ' ')
    p++;
  if (p[0] >= '1' && p[0] <= '0' + NCATEGORIES &&
      (p[1] == '\0' || p[1] == '.' || p[1] == ')' || p[1] == ' '))
    return p[0] - '0';
  /* Each word, lower-cased, against each category's keyword list. */
  while (*p != '\0') {
    n = 0;
    while (*p != '\0' && !isalpha(*p))
      p++;
    while (isalpha(*p) && n < (int)sizeof(word) - 1)
      word[n++] = (char)tolower(*p++);
    while (isalpha(*p))
      p++;
    word[n] = '\0';
    if (n == 0)
      continue;
    for (i = 1; i <= NCATEGORIES; i++) {
      const char *list;
      snprintf(key, sizeof(key), "kategori.keywords.%d", i);
      list = catalog_text(cat, key, 0);
      if (list != NULL && in_list(list, word))
        return i;
    }
  }
  return 0;
}

/* The waktu step: a day, a month, a year, a span, a feast, or "I do not
 * know", with its precision.  Every refusal is keepable: the second answer
 * not taken is kept as given (SPEC 4), a date in the future or older than
 * the limit too. */
static void
check_waktu(const struct validator *vd, const char *text, int64_t now,
            struct verdict *v)
{
  struct when w;
  enum when_status st = when_parse_feasts(text, now, vd->max_age_years,
                                          vd->feasts, &w);

  switch (st) {
  case WHEN_OK:
    when_format(&w, v->date, sizeof(v->date));
    when_iso(&w, v->iso, sizeof(v->iso));
    v->precision = when_precision_name(w.precision);
    return;
  case WHEN_FUTURE:
    reject(v, "invalid.waktu.future", "waktu_future");
    break;
  case WHEN_TOO_OLD:
    reject(v, "invalid.waktu.old", "waktu_too_old");
    add_num(v, "years", vd->max_age_years);
    break;
  default:
    reject(v, "invalid.waktu", "waktu_unreadable");
    break;
  }
  v->keepable = 1;
}

/* A story's judgement as vd->stories keeps it: whole 64-bit words. */
union story_judged {
  struct quality_judgement j;
  uint64_t w[(sizeof(struct quality_judgement) + sizeof(uint64_t) - 1) /
             sizeof(uint64_t)];
};

int
validate_stories_new(struct incident_memo **out, int slots)
{
  return incident_memo_new_sized(out, slots, sizeof(union story_judged));
}

/* Rule 3 (SPEC 4): 1 when text stops here (v rejected), or when memory
 * ran out (v->ok still set); 0 with v->marks set when it passes. */
static int
check_rule3(const struct validator *vd, enum field f, const char *text,
            struct verdict *v)
{
  struct quality_judgement j;
  int rc;

  /* A description is also read by the threat model; answers are not.
   * A story told in one message is judged as it comes and again as the
   * description: the second time from vd->stories. */
  if (f == FIELD_KRONOLOGI || f == FIELD_TEXT) {
    union story_judged k;

    memset(&k, 0, sizeof(k));   /* padding too: the memo packs every byte */
    if (incident_memo_find(vd->stories, &text, 1, &k)) {
      j = k.j;
      rc = 0;
    } else if ((rc = quality_judge_story(vd->quality, text, &k.j)) == 0) {
      j = k.j;
      incident_memo_keep(vd->stories, &text, 1, &k);
    }
  } else {
    rc = quality_judge(vd->quality, text, &j);
  }
  if (rc != 0)
    return 1;
  v->marks = j.marks;
  switch (j.verdict) {
  case QUALITY_INSULT:
    reject(v, "invalid.abusive", "abusive");
    return 1;
  case QUALITY_SARA:
    reject(v, "invalid.sara", "sara");
    return 1;
  case QUALITY_THREAT:
    reject(v, "invalid.threat", "threat");
    return 1;
  default:
    return 0;
  }
}

int
validate_field(const struct validator *vd, enum field f, const char *text,
               int64_t now_ms, struct verdict *v)
{
  return validate_field_placed(vd, f, text, now_ms, NULL, v);
}

int
validate_field_placed(const struct validator *vd, enum field f,
                      const char *text, int64_t now_ms,
                      const struct place_match *given, struct verdict *v)
{
  int words;
  size_t len;

  memset(v, 0, sizeof(*v));
  v->ok = 1;
  if (text == NULL)
    text = "";
  len = strlen(text);
  /* Rule 3 for every free text: no insults, threats, hate speech or
   * SARA of the reporter's own; what others said and literal senses
   * pass, marked. */
  if (vd->quality != NULL && f != FIELD_KATEGORI && check_rule3(vd, f, text, v))
    return v->ok ? -ENOMEM : 0;
  switch (f) {
  case FIELD_KATEGORI:
    v->category = find_category(vd->cat, text);
    if (v->category == 0)
      reject(v, "invalid.kategori", "kategori_unknown");
    break;
  case FIELD_TERLAPOR:
    if (count_letters(text) < vd->terlapor_min_letters ||
        only_digits_and_marks(text))
      reject(v, "invalid.terlapor", "terlapor_short");
    break;
  case FIELD_LOKASI:
    if (count_letters(text) < 3) {
      /* "ok", "-": no place. */
      reject(v, "invalid.lokasi", "lokasi_short");
    } else if (vd->places != NULL) {
      /* Matched to a place of NTT (filed under its kabupaten/kota's
       * code, shown with what it lies in); anything else (a place
       * elsewhere, places in two kabupaten at once, words the gazetteer
       * does not know) is asked again, and kept as given after that. */
      struct place_match made;
      const struct place_match *pm = given;
      if (pm == NULL)
        pm = place_match(vd->places, text, &made) == 0 ? &made : NULL;
      if (pm != NULL && pm->matched) {
        v->place_code = pm->code;
        v->place_name = pm->place.label;
        v->place_at = pm->place.code;
        v->place_level = place_level_name(pm->place.level);
      } else if (pm != NULL && pm->outside) {
        /* Told that the service is for NTT and what to write. */
        reject(v, "invalid.lokasi.luar", "lokasi_outside");
      } else {
        reject(v, "invalid.lokasi", pm != NULL && pm->ambiguous
                                        ? "lokasi_ambiguous"
                                        : "lokasi_unmatched");
      }
    }
    /* Every refusal of a place, too short, elsewhere or not known, is
     * kept as given after one more try (SPEC 3): never a third one. */
    v->keepable = !v->ok;
    break;
  case FIELD_WAKTU:
    check_waktu(vd, text, now_ms, v);
    break;
  case FIELD_KRONOLOGI:
    words = validate_count_words(text);
    if (len > (size_t)vd->kronologi_max_chars) {
      reject(v, "invalid.kronologi.long", "kronologi_long");
      add_num(v, "max_chars", vd->kronologi_max_chars);
    } else if (words < vd->kronologi_min_words) {
      reject(v, "invalid.kronologi.short", "kronologi_short");
      add_num(v, "min_words", vd->kronologi_min_words);
    } else if (vd->quality != NULL) {
      /* Rule 2: good Indonesian, not all capitals. */
      switch (quality_language(vd->quality, text, vd->language_ratio,
                               NULL)) {
      case QUALITY_NOT_INDONESIAN:
        reject(v, "invalid.kronologi.language", "not_indonesian");
        v->soft = 1;
        break;
      case QUALITY_ALL_CAPS:
        reject(v, "invalid.kronologi.caps", "all_caps");
        v->soft = 1;
        break;
      default:
        break;
      }
    }
    break;
  case FIELD_NAMA:
    if (count_letters(text) < vd->nama_min_letters)
      reject(v, "invalid.nama", "nama_short");
    break;
  default:
    break;
  }
  return 0;
}
