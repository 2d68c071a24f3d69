/*
 * place.h: where a report happened: the kabupaten/kota of NTT that a
 * reporter's free text names.
 *
 * The list comes from a file that admins edit (config/wilayah.txt), which
 * includes the generated kecamatan and desa/kelurahan
 * (config/wilayah-desa.txt):
 *
 *   # comment
 *   5371 | Kota Kupang | Alak; Kelapa Lima; Maulafa; Oebobo
 *   5310 | Kabupaten Sikka | Sikka; Sika; Maumere
 *   53.08.08 | Kecamatan Wolowaru | | 5311
 *   53.01.06.2015 | Desa Oesao | | 53.01.06
 *   not-a-typo | lembaga; betul
 *   not-a-name | merdeka; pasir putih
 *   include | wilayah-desa.txt
 *   landmark | Pelabuhan Tenau | Tenau; Pelabuhan Kupang | 5371
 *   town | 53.10.12 | Ruteng
 *   alone | 5371 | kota; dalam kota
 *   outside | jakarta; malaysia; timor leste; stasiun
 *   not-outside-after | jalan; jl; orang
 *   short | brt = barat; tmr = timur
 *
 * One line per place: its code (digits and dots, unique), its official
 * name, aliases separated by ';', and for a kecamatan or desa the code of
 * the place it lies in (defined on an earlier line).  A "not-a-typo" line
 * lists ordinary words that must never be read as a misspelt place; a
 * "not-a-name" line, ordinary words that name a kecamatan or desa only
 * with its kind word before them ("Desa Merdeka", not "merdeka"), or, for
 * a phrase of several words, as the whole text ("Pasir Panjang", not
 * "dekat pasir panjang"; namesakes then tie whatever their level).  An
 * alias may name one place only; official names of kecamatan and desa
 * may repeat.  "include" reads another file (relative to this one's
 * folder) at that point; an included file includes nothing.  A '#' at the
 * start of a line or after a blank starts a comment.
 *
 * A "landmark" line names a port, market, office or campus, its aliases
 * and the code of the place it lies in; it matches as a place of level
 * PLACE_LANDMARK, under the code "IN:name-in-words".  A "town" line
 * names a town and the kecamatan that holds its centre: each name is a
 * name of that kecamatan's kabupaten/kota (as if written on its line,
 * where it may be written too), and a text that names the town names the
 * kecamatan, level PLACE_KECAMATAN, also written as one word
 * ("Labuanbajo"); after "Desa" or "Kelurahan" it names the place that
 * bears the name ("Kelurahan Atambua"), as a name of a kabupaten that
 * is on no town line always does ("Komodo"), unless it begins the names
 * of several of its kecamatan: an island or old region ("Adonara", of
 * Adonara Barat, Adonara Timur...) names the kabupaten.  An "alone" line
 * lists phrases that name a place only when the text names no other
 * ("kota" is Kota Kupang, but "kota Ende" is Ende); they may be a kind
 * word.  An "outside" line lists places outside NTT (cities, islands,
 * provinces, countries) and things NTT does not have (a railway
 * station): a text naming one is outside NTT (out->outside) and matches
 * nothing, even when it also names an NTT place, unless the outside name
 * lies inside a longer NTT name (Desa Bali Ledo) or follows a word of a
 * "not-outside-after" line (Jalan Sumatera is a street).  A "short" line
 * maps a word that reporters abbreviate to the word itself, in the text
 * only ("Sumba Brt").
 *
 * Matching compares whole words after normalisation (lower case, accents
 * and apostrophes dropped, everything else but letters and digits a
 * separator; "kab", "kab.", "pemkab" read as "kabupaten", "kot.",
 * "pemkot" as "kota").  The longest name found wins; a leading
 * "Kabupaten" or "Kota" counts less than the words of the name itself, and
 * a name that has one also matches without it.  Small misspellings are
 * forgiven (Damerau-Levenshtein distance 1 for words of 5 to 7 letters, 2
 * from 8 letters on; shorter words must be exact, except that a word of
 * 4 letters of a name of several words may be one letter off when the
 * other words are exact: "Sumba Barat Daja"), and a name of several
 * words also matches written as one word.
 *
 * Kecamatan and desa are stricter: a word of their names under 8 letters
 * must be exact, longer ones are forgiven one letter; a name of several
 * words also matches written as one word, exactly, unless another place
 * has that word as its name ("Batuplat" is Kelurahan Batu Plat, but
 * "Praibakul" the Desa Praibakul only); a last word that numbers
 * namesakes (I, II, A, Satu...) may be left out; in a name of several
 * words of its own, one word of 5 or more letters may differ by one
 * letter when the rest is exact ("Kec. Kupang Timor").  Landmarks are as
 * strict, and in a landmark name of several words one word of 5 or more
 * letters may differ by one letter when the rest is exact ("Pelabuhan
 * Tenaw"; a landmark of one word, "Undana", must be exact).  Right
 * after its kind word (Kel., Desa, Kec.) a word of 5 or more letters of
 * a kecamatan or desa name may have a letter left out or added ("Kel.
 * Sikumna").  "Desa" and "Kelurahan" are each the kind word of a desa
 * and of a kelurahan alike ("desa Mataloko" is Kelurahan Mataloko, "Kel.
 * Gorontalo" the Desa Gorontalo of Labuan Bajo, not the province), a
 * place's own one ranking above the other ("Desa Oebobo" is the desa of
 * that name, not the kelurahan, unless the text names the kelurahan's
 * kota); not for a name of ordinary words (not-a-name).  A name of one
 * word written as two ("Kuan Fatu", "Oe Sao") is that name, unless the
 * first word is a name itself or both are words of names.  A word of 6
 * or more letters that only one desa or kelurahan name of two words has
 * names it as the whole answer, with the place it
 * lies in, or after its kind word ("Penkase" for Penkase Oeleta).  The
 * first two words of a kabupaten name of three ("Timor Tengah") tie
 * between the kabupaten whose names they start.  A place whose kecamatan or kabupaten the text
 * also names wins over one it does not; then a kabupaten/kota wins over a
 * kecamatan, a kecamatan over a desa, unless only the smaller one is
 * spelt exactly.  When places still tie, they match as the place they all
 * lie in (two Oesao in Kupang Timur), and if they lie in different
 * kabupaten/kota nothing matches: out->ambiguous says so and out->choice
 * lists them.  Plain "Kupang" is Kota Kupang or Kabupaten Kupang.
 */
#ifndef ADUAN_PLACE_H
#define ADUAN_PLACE_H

#include "base/diag.h"

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

/* The number of kabupaten/kota, kecamatan and desa/kelurahan in the list
 * (landmarks not counted; 0 for NULL). */
int place_count(const struct place_list *pl);

/* The official name of the place with this code, or NULL.  Owned by pl. */
const char *place_name(const struct place_list *pl, const char *code);

/* The levels of the gazetteer. */
enum place_level {
  PLACE_KABUPATEN = 0,   /* kabupaten or kota */
  PLACE_KECAMATAN = 1,
  PLACE_DESA = 2,        /* desa or kelurahan */
  PLACE_LANDMARK = 3,    /* a port, market, office... (landmark lines) */
};

/* The level's name as tickets store it: "kabupaten", "kecamatan", "desa",
 * "tempat" (a landmark); NULL for any other number. */
const char *place_level_name(int level);

/* The most choices place_match lists. */
#define PLACE_CHOICES_MAX 8

/* One place the text may mean.  Strings owned by pl. */
struct place_choice {
  const char *code;      /* "53.11.02.2006", or a kabupaten's "5302" */
  const char *name;      /* "Desa Praibakul" */
  const char *kab_code;  /* "5302" */
  const char *kab_name;  /* "Kabupaten Sumba Timur" */
  const char *label;     /* "Desa Praibakul, Kecamatan Haharu, Kabupaten
                          * Sumba Timur": the name with what it lies in */
  int level;             /* enum place_level */
};

struct place_match {
  int matched;       /* 1 when one place was recognised */
  const char *code;  /* its kabupaten/kota: "5371" (owned by pl); NULL
                      * when not matched */
  const char *name;  /* "Kota Kupang" (owned by pl); NULL when not matched */
  int distance;      /* edit distance of the fuzzy match, 0 exact */
  int ambiguous;     /* not matched because places tie ("Kupang") */
  int outside;       /* not matched because the text names a place
                      * outside NTT ("Stasiun Manggarai, Jakarta") */
  struct place_choice place; /* when matched: the place itself, which may
                              * be a kecamatan or desa of code */
  /* The places that tie, by label: when ambiguous, the choices to offer
   * (Kota Kupang, Kabupaten Kupang); when matched, namesakes within the
   * place matched (two Oesao in Kupang Timur), or none. */
  int nchoices;
  int more_choices;  /* how many more tie beyond PLACE_CHOICES_MAX */
  struct place_choice choice[PLACE_CHOICES_MAX];
};

/*
 * Match free text such as "di kab. kupang", "Desa Oelnasi, Kupang
 * Tengah, Kab Kupang", "TTS", "maumere sikka", "sumba barat daya",
 * "Wolowaru".  Any bytes are accepted (invalid UTF-8 separates words);
 * text NULL is the same as "".  Allocates nothing; time grows linearly
 * with the length of the text.  Returns 0 with *out filled in, matched or
 * not, or -EINVAL when pl or out is NULL.
 */
int place_match(const struct place_list *pl, const char *text,
                struct place_match *out);

#endif
