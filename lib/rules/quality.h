/*
 * quality.h: report-quality rules 2 and 3 of the hotline (SPEC §4): a
 * description must be written mostly in Indonesian and not in capitals
 * only, and must hold no hate speech, SARA or insults.
 *
 * Three word lists that admins edit drive it (the files document their
 * own format): config/lexicon.txt (insults, slurs, SARA terms),
 * config/allowlist.txt (innocent words and phrases that would otherwise
 * match) and config/stopwords.id.txt (Indonesian function words).
 *
 * Matching works on a normal form of the text, so that the usual ways of
 * hiding a word do not hide it: case, accented or full-width letters,
 * digits and symbols for letters, letters repeated, separators between
 * single letters, invisible characters.  It is whole-word: "kasus" never
 * matches "asu", "babinsa" never matches "babi".
 *
 * A lexicon entry written "~babi" is also an ordinary word (an animal, a
 * spirit): pigs and dogs are livestock, rabies and swine-fever topics all
 * over NTT, so such a word counts only when it is disguised (digits or
 * symbols for letters, letters spread out by separators or repeated,
 * accented or look-alike letters, or the word in capitals inside a text
 * less than 80 % in capitals: "pak camat BABI"), or as part of a lexicon
 * phrase ("dasar babi").  Every other entry counts
 * wherever it stands as a whole word.
 */
#ifndef ADUAN_QUALITY_H
#define ADUAN_QUALITY_H

#include "base/buf.h"
#include "base/diag.h"

struct quality;

/* Share of words of another language of the region that makes a text
 * written in that language (see quality_language). */
#define QUALITY_REGIONAL_PERCENT 20

/* Below this many words quality_language() does not judge the language. */
#define QUALITY_MIN_WORDS 4

/* At most this many words in one lexicon or allow-list entry. */
#define QUALITY_MAX_ENTRY_WORDS 8

/*
 * Load the three lists from their paths.  Every problem is added to diag
 * as "FILE:LINE: message": errors for invalid UTF-8, a NUL byte, an entry
 * that normalises to nothing, a lexicon entry of more than
 * QUALITY_MAX_ENTRY_WORDS words, a stop word that is not one word of
 * letters, a '~' outside the lexicon; warnings for duplicates (after
 * normalisation) and for a lexicon entry that the allow-list disables.
 * Returns 0 with *out set (free with quality_free), AERR_CONFIG when this
 * load added an error (warnings alone do not fail it), -errno when a
 * file cannot be read (also reported in diag; the other files are still
 * read and checked), -EINVAL when a path is NULL.  diag may be NULL.
 */
int quality_load(const char *lexicon, const char *allowlist,
                 const char *stopwords, struct quality **out,
                 struct diag *diag);
void quality_free(struct quality *q);

/*
 * Load the learned second opinion on threats (config/threat-model.txt,
 * see quality_judge_story) into q, replacing the one it had.  A missing file
 * is a warning in diag ("judged by the rules alone") and returns -ENOENT
 * with q unchanged; a file that is not a model adds errors and returns
 * AERR_CONFIG (q unchanged); 0 when loaded.
 */
int quality_load_model(struct quality *q, const char *path,
                       struct diag *diag);

/*
 * Append the normal form of text to out: its words, each in lower-case
 * ASCII, separated by single spaces.
 *  - Letters: ASCII lower-cased; Latin-1 letters folded (é -> e, ß -> ss),
 *    full-width letters and Greek or Cyrillic look-alikes folded to ASCII;
 *    invisible characters (zero-width, soft hyphen, combining marks)
 *    dropped.
 *  - In a word that holds a letter, digits and symbols stand for letters:
 *    4 @ -> a, 8 -> b, 3 -> e, 9 -> g, 1 ! -> i, 0 -> o, 5 $ -> s,
 *    7 -> t.  The digits 2 and 6 stay digits (6 reads as b or g; a
 *    final 2 after a letter marks a doubled word, "anak2", and is
 *    dropped).  '!' counts only between letters or digits ("tolol!!!"
 *    is "tolol").  A word without letters is a number and keeps its
 *    digits only.
 *  - Three or more single characters separated by anything that is not
 *    a letter or digit ("a.n.j.i.n.g", "a n j i n g", "b-a-b-i") are
 *    joined into one word first.
 *  - A letter repeated three times or more becomes one ("anjiiing").
 *    Doubled letters are kept here ("saat"); matching also tries the
 *    word with them squeezed.
 *  - Anything else (spaces, punctuation, emoji, invalid UTF-8) separates
 *    words.
 * text NULL is the empty text.  Returns 0, or -ENOMEM or AERR_TOOBIG
 * from out (which is then unchanged).
 */
int quality_normalize(const char *text, struct buf *out);

/*
 * 1 when text holds a lexicon entry as whole word(s) after normalisation,
 * none of whose words is covered by an allow-list entry (and, for an
 * entry marked '~', disguised or in capitals as described above); 0
 * otherwise; -ENOMEM when memory runs out (callers test for 1).  Matching
 * also tries each word with doubled letters squeezed ("tollol") and with
 * one of the suffixes -nya -lah -kah -mu -ku taken off ("bangsatnya").
 * When term is not NULL and the result is 1, *term is the normal form of
 * the lexicon entry found (owned by q), for debug logs; else NULL.
 */
int quality_abusive(const struct quality *q, const char *text,
                    const char **term);

/* What rule 3 makes of a text, gravest last. */
enum quality_verdict {
  QUALITY_CLEAN = 0,   /* nothing of the reporter's own that stops it */
  QUALITY_INSULT,      /* an insult or profanity aimed at someone */
  QUALITY_SARA,        /* hate speech against a group (or a slur) */
  QUALITY_THREAT       /* a threat of violence */
};

#define QUALITY_MARK_QUOTED 1u   /* an insult, threat or slur reported as
                                    someone else's words */
#define QUALITY_MARK_LITERAL 2u  /* a lexicon word in its literal sense */

struct quality_judgement {
  enum quality_verdict verdict;
  unsigned marks;      /* QUALITY_MARK_*: what the operator should see */
  const char *term;    /* the lexicon entry or the kind found, for debug
                          logs (owned by q or static); NULL when clean */
};

/*
 * Rule 3 with context (SPEC 4).  The lexicon's words and the word
 * classes of its [sections] decide, sentence by sentence:
 *  - reported speech (words inside quotation marks, in a text that has
 *    words outside them too; words after a verb of saying whose subject
 *    is not the reporter) never stops a text: what would have stopped it
 *    sets QUALITY_MARK_QUOTED;
 *  - a threat: a verb of violence or a weapon with the reporter as agent
 *    (or as a call, at the start of a clause) and a person, office or
 *    building as target, after the verb or put first ("kantornya saya
 *    bakar"), or a death after it ("saya pukul sampai mati"); a weapon
 *    the reporter readies for someone; "tunggu saja" opening a clause
 *    with a death or harm after it; "awas kau", "mati kau"; "harus mati";
 *    a passive verb of violence after a verb of threatening is reported
 *    ("diancam akan dibunuh"); the object left out after a clause whose
 *    subject is a person ("kalau kades datang lagi, kami hajar"); a
 *    passive ultimatum with the reporter or a crowd as agent ("akan
 *    dibakar warga"); "jangan salahkan kami kalau" then ruin, bloodshed or
 *    "pulang tinggal nama"; "mati di tangan saya";
 *  - SARA: a group named by ethnicity, religion, race or origin (not the
 *    reporter's own: "kami orang Sabu") with a call to expel or shut it
 *    out ("harus diusir", "jangan diberi jabatan", "orang X sonde usah
 *    urus tanah", "tidak boleh masuk"), called out ("dasar orang X,
 *    ..."), or a derogation or
 *    crime said of all of it, or distrust ("tidak bisa dipercaya");
 *    and the lexicon's slurs of a group;
 *  - an insult: a lexicon entry (outside the allow-list and without a
 *    word beside it that shows a literal sense, which sets
 *    QUALITY_MARK_LITERAL); a '~' entry and the [insult] words only when
 *    aimed at someone (vocative, predicate or epithet of a person or
 *    office, exclaimed) or, for '~', disguised.
 * j gets the gravest verdict; returns 0 or -ENOMEM.
 */
int quality_judge(const struct quality *q, const char *text,
                  struct quality_judgement *j);

/*
 * quality_judge for a description (the story, kronologi): when the rules
 * find it clean with nothing quoted or literal in it, a threat model
 * loaded by quality_load_model() may still call it a threat (term
 * "threat-model"): its probability for the reporter's own words at or
 * over the model's threshold, and a person, office or building named
 * when the model asks for one.  Short answers (a place, a time, a name)
 * are not the model's: it was trained and measured on descriptions, and
 * Kupang Malay answers such as "kalamarin malam beta pi kantor desa" read
 * to it like threats.
 */
int quality_judge_story(const struct quality *q, const char *text,
                        struct quality_judgement *j);

enum quality_lang {
  QUALITY_OK = 0,
  QUALITY_NOT_INDONESIAN,
  QUALITY_ALL_CAPS,
  QUALITY_TOO_SHORT
};

struct quality_lang_info {
  int words;      /* runs of letters (numbers do not count) */
  int stopwords;  /* of those, words on the stop-word list */
  int regional;   /* words of another language of the region (the stop-
                     word file's sections, or an apostrophe between
                     letters: ja'o, sa'o, but not in a name capitalised
                     inside a sentence: Desa Oe'ekam), not stop words
                     too */
  int affixed;    /* other words with affixes only Indonesian gives
                     (-nya, -kan, meng-, peng-, ke-...-an) */
  double ratio;   /* (stopwords + affixed) / words; 0 without words */
  int letters;
  int upper;      /* letters written in upper case */
};

/*
 * Is text (a description) written mostly in Indonesian?  In this order:
 *  - QUALITY_ALL_CAPS when it has at least 20 letters and 80 % or more of
 *    them are capitals;
 *  - QUALITY_TOO_SHORT when it has fewer than QUALITY_MIN_WORDS words: too
 *    few to judge, which is not a reason to refuse it (the length rule
 *    is checked elsewhere); callers treat it as QUALITY_OK;
 *  - QUALITY_NOT_INDONESIAN when fewer than min_ratio (0.08 suits) of its
 *    words are Indonesian stop words or words with Indonesian affixes,
 *    or when QUALITY_REGIONAL_PERCENT or more of them are words of
 *    another language of the region, and more than those (Dawan,
 *    Javanese, Tetun, Manggarai, Sumba languages written in full);
 *  - QUALITY_OK otherwise.
 * info, when not NULL, receives the counts.  text NULL is the empty text.
 */
enum quality_lang quality_language(const struct quality *q, const char *text,
                                   double min_ratio,
                                   struct quality_lang_info *info);

#endif
