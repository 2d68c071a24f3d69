/*
 * validate.h: checks on the answers of a report, behind one interface.
 *
 * The engine asks validate_field() about each free-text answer.  The
 * verdict says whether it is accepted and, if not, which catalogue text
 * explains why (with its placeholders); an accepted answer may come back
 * normalised (a category number, a matched place).  The checks of this
 * file are the basic ones (present, long enough, the right shape); the
 * report-quality rules plug in here without the engine changing.
 */
#ifndef ADUAN_VALIDATE_H
#define ADUAN_VALIDATE_H

#include <stdint.h>

#include "conf/catalog.h"
#include "rules/when.h"

struct incident_memo;

enum field {
  FIELD_KATEGORI = 1,   /* numbered as in the summary, for UBAH <n> */
  FIELD_TERLAPOR,
  FIELD_LOKASI,
  FIELD_WAKTU,
  FIELD_KRONOLOGI,
  FIELD_BUKTI,
  FIELD_IDENTITAS,
  FIELD_NAMA,           /* asked after identitas; not numbered */
  FIELD_TEXT,           /* any free text: the abuse check alone */
  FIELD_COUNT
};

#define VERDICT_VARS 2

struct verdict {
  int ok;
  const char *reason;         /* catalogue key when !ok */
  const char *code;           /* stable reason code for the log when !ok */
  struct catalog_var vars[VERDICT_VARS];
  int nvars;
  char num[2][24];            /* storage for numeric placeholder values */
  int category;               /* FIELD_KATEGORI: 1..7 */
  int soft;                   /* !ok, but the reporter may insist (rule 2:
                                 language, all capitals) */
  unsigned marks;             /* QUALITY_MARK_* (rule 3): accepted with
                                 an insult or threat reported as someone
                                 else's words, or a word in its literal
                                 sense; the operator sees it */
  int keepable;               /* !ok because not understood (a lokasi that
                                 names no place of NTT, a waktu that cannot
                                 be read, or that is in the future or older
                                 than the limit): asked once more, then the
                                 engine keeps it as given, marked (SPEC 4) */
  char date[WHEN_FORMAT_MAX]; /* FIELD_WAKTU: "12-03-2026", "03-2026",
                                 "2025", "08-2025 s/d 15-03-2026", "Natal,
                                 25-12-2025", or "" when the reporter does
                                 not know */
  char iso[WHEN_ISO_MAX];     /* the same in ISO 8601 ("2026-03-12",
                                 "2025-08/2026-03-15"), or "" */
  const char *precision;      /* FIELD_WAKTU: when_precision_name() */
  const char *place_code;     /* FIELD_LOKASI: the kabupaten/kota code of
                                 the place matched, or NULL */
  const char *place_name;     /* the place with what it lies in ("Kecamatan
                                 Wolowaru, Kabupaten Ende") */
  const char *place_at;       /* the finest place matched: its code
                                 ("53.08.08"), */
  const char *place_level;    /* and its level ("kecamatan"; see
                                 place_level_name) */
};

struct place_list;
struct place_match;
struct quality;
struct feast_dates;

/* Everything the checks consult; the engine owns it. */
struct validator {
  int kronologi_min_words;    /* default 8 */
  int kronologi_max_chars;    /* default 4000 */
  int terlapor_min_letters;   /* default 3 */
  int nama_min_letters;       /* default 2 */
  int max_age_years;          /* waktu older than this is refused */
  double language_ratio;      /* share of Indonesian stop words needed */
  const struct catalog *cat;  /* category keywords */
  const struct place_list *places;  /* may be NULL: no matching */
  const struct feast_dates *feasts; /* may be NULL: decreed feasts have no
                                       dates */
  const struct quality *quality;    /* may be NULL: no abuse/language */
  /* The judgements of recent stories by rule 3, kept by their text
   * (incident_memo_new_sized(), values struct quality_judgement), or
   * NULL: each story judged anew.  Its owner clears it when quality
   * changes. */
  struct incident_memo *stories;
};

void validate_defaults(struct validator *vd);

/* A new memo of `slots` story judgements for vd->stories (freed by
 * incident_memo_free()).  Returns 0 or -ENOMEM. */
int validate_stories_new(struct incident_memo **out, int slots);

/* Check text for field f as of now_ms.  Always fills v; returns 0, or
 * -ENOMEM. */
int validate_field(const struct validator *vd, enum field f,
                   const char *text, int64_t now_ms, struct verdict *v);

/* validate_field() given the place match of text (place_match() on
 * vd->places), for a caller that has made it already: pm is read for
 * FIELD_LOKASI only, and NULL has it made here. */
int validate_field_placed(const struct validator *vd, enum field f,
                          const char *text, int64_t now_ms,
                          const struct place_match *pm, struct verdict *v);

/* Words in text (runs of letters or digits). */
int validate_count_words(const char *text);

#endif
