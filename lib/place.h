/*
 * place.h: where a report happened: the kabupaten/kota of NTT that a
 * reporter's free text names.
 *
 * The list comes from a file that admins edit (config/wilayah.txt):
 *
 *   # comment
 *   5371 | Kota Kupang | Alak; Kelapa Lima; Maulafa; Oebobo
 *   5310 | Kabupaten Sikka | Sikka; Sika; Maumere
 *   not-a-typo | lembaga; betul
 *
 * One line per place: its code (digits and dots, unique), its official
 * name, and aliases separated by ';'.  A "not-a-typo" line lists ordinary
 * words that must never be read as a misspelt place.  An alias may name
 * one place only.  A '#' at the start of a line or after a blank starts a
 * comment.
 *
 * Matching compares whole words after normalisation (lower case, accents
 * and apostrophes dropped, everything else but letters and digits a
 * separator; "kab", "kab.", "pemkab" read as "kabupaten", "kot.",
 * "pemkot" as "kota").  The longest name found wins; a leading
 * "Kabupaten" or "Kota" counts less than the words of the name itself, and
 * a name that has one also matches without it.  Small misspellings are
 * forgiven (Damerau-Levenshtein distance 1 for words of 5 to 7 letters, 2
 * from 8 letters on; shorter words must be exact), and a name of several
 * words also matches written as one word.  When two different places tie
 * for best, nothing matches and out->ambiguous says so: plain "Kupang" is
 * Kota Kupang or Kabupaten Kupang.
 */
#ifndef ADUAN_PLACE_H
#define ADUAN_PLACE_H

#include "diag.h"

struct place_list;

/*
 * Read the list at path.  0 with *out set (free with place_free), else
 * AERR_CONFIG with every problem in diag as "FILE:LINE: message" (a bad
 * line, a duplicate code, an alias claimed by two places, an empty list),
 * or -errno when the file cannot be read (also reported in diag).  Errors
 * already in diag do not count against this file; diag may be NULL.
 */
int place_load(const char *path, struct place_list **out, struct diag *diag);
void place_free(struct place_list *pl);

/* The number of places in the list (0 for NULL). */
int place_count(const struct place_list *pl);

/* The official name of the place with this code, or NULL.  Owned by pl. */
const char *place_name(const struct place_list *pl, const char *code);

struct place_match {
  int matched;       /* 1 when one place was recognised */
  const char *code;  /* "5371" (owned by pl); NULL when not matched */
  const char *name;  /* "Kota Kupang" (owned by pl); NULL when not matched */
  int distance;      /* edit distance of the fuzzy match, 0 exact */
  int ambiguous;     /* not matched because two places tie ("Kupang") */
};

/*
 * Match free text such as "di kab. kupang", "Desa Oelnasi, Kupang
 * Tengah, Kab Kupang", "TTS", "maumere sikka", "sumba barat daya".  Any
 * bytes are accepted (invalid UTF-8 separates words); text NULL is the
 * same as "".  Allocates nothing; time grows linearly with the length of
 * the text.  Returns 0 with *out filled in, matched or not, or -EINVAL
 * when pl or out is NULL.
 */
int place_match(const struct place_list *pl, const char *text,
                struct place_match *out);

#endif
