/*
 * quality_int.h: what the files of the rule-3 judge share (quality.c,
 * quality_ctx.c, quality_speech.c, quality_insult.c, quality_threat.c,
 * quality_sara.c): the normal form of a text, the word lists and classes,
 * the context a text is judged in, and the helpers more than one of them
 * asks.  Internal to lib/rules: not installed, included nowhere else.
 */
#ifndef ADUAN_RULES_QUALITY_INT_H
#define ADUAN_RULES_QUALITY_INT_H

#include <stddef.h>
#include <stdint.h>

#include "rules/quality.h"
#include "rules/wordbits.h"

#define LANG_WORD_MAX 64     /* longer runs of letters are never stop words */
#define SUFFIX_MIN_STEM 3    /* letters left once a suffix is off */

/* Suffixes taken off a word to find its stem (kantornya, lehernya). */
extern const char *const suffixes[];
extern const size_t nsuffixes;
#define NSUFFIXES nsuffixes

/* One character of a text after folding. */
struct unit {
  char ch;              /* 'a'..'z', '0'..'9', '@', '$', '!', MASK or ' ' */
  unsigned char flags;
};

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
  WC_ROLE, WC_GAME, WC_BROKEN, WC_VIRTUE, WC_WORK,
  WC_HOMELAND,
  WC_COUNT
};

struct quality {
  struct wordlist lexicon;
  struct wordlist allow;
  struct wordlist stop;
  struct wordlist cls[WC_COUNT]; /* the lexicon's word classes */
  struct wordlist regional;      /* the stop-word file's other languages */
  struct wordbits classes;       /* each class word's classes (word_is) */
  struct threat_model *model;    /* the second opinion on threats, or
                                    NULL (quality_model.h) */
};

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
#define CTX_NAMED 3      /* words after a verb of saying that name someone
                            ("menyebut kami maling", "dibilang bodoh") */

/* What the judge needs about one text. */
struct ctx {
  const struct quality *q;
  const struct norm *nm;
  unsigned char *reported;  /* per word: reported speech */
  unsigned char *allowed;   /* per word: covered by the allow-list */
  struct wordbits_set *cls; /* per word: the classes it is in as written,
                               squeezed or with a suffix off (word_is) */
  struct quality_judgement *j;
};

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

/* quality.c */
int is_letter(char c);
int is_digit(char c);
const struct entry *list_find(const struct wordlist *l, enum key_kind k,
                              const char *s, size_t n);
const struct entry *match_span(const struct quality *q, const struct norm *nm,
                               size_t i, size_t k, int *squeezed);
int may_start_phrase(const struct wordlist *l, const struct norm *nm, size_t i);
int span_disguised(const struct norm *nm, size_t i, size_t k, int caps_text);

/* quality_ctx.c */
int sms_form(const struct ctx *cx, const struct wordlist *l, size_t i);
int word_is(const struct ctx *cx, enum word_class c, size_t i);
void word_classes(const struct quality *q, const struct norm *nm,
                  struct wordbits_set *out);
int prefixed(const struct ctx *cx, enum word_class c, size_t i, const char *p);
int starts_sentence(const struct ctx *cx, size_t i);
int starts_clause(const struct ctx *cx, size_t i);
int ends_clause(const struct ctx *cx, size_t i);
size_t clause_start(const struct ctx *cx, size_t i);
size_t sentence_start(const struct ctx *cx, size_t i);
int exclaimed(const struct ctx *cx, size_t i);
int class_before(const struct ctx *cx, enum word_class c, size_t i,
                 size_t back);
int word_text_is(const struct ctx *cx, size_t i, const char *w);
int owned_nya(const struct ctx *cx, size_t k);
int word_in(const struct ctx *cx, size_t i, const char *const *list);
int number_at(const struct ctx *cx, size_t k);
int count_word(const struct ctx *cx, size_t k);
int owning(const struct ctx *cx, size_t i);
size_t name_run(const struct ctx *cx, size_t k, size_t max, unsigned flags);
size_t subject_of(const struct ctx *cx, size_t i, unsigned how);
int self_agent(const struct ctx *cx, size_t i);
int armed_for(const struct ctx *cx, size_t i);
size_t clause_subject(const struct ctx *cx, size_t i);
int remote_agent(const struct ctx *cx, size_t i);
size_t skip_intensifiers(const struct ctx *cx, size_t e);
int official_subject(const struct ctx *cx, size_t i);
void found(struct ctx *cx, size_t i, enum quality_verdict v, const char *term);
int same_word(const struct ctx *cx, size_t i, size_t k);
int other_person(const struct ctx *cx, size_t k);

/* quality_speech.c */
size_t message_to(const struct ctx *cx, size_t i);
int message_for(const struct ctx *cx, size_t i);
void mark_reported(struct ctx *cx);
int literal_cue(const struct ctx *cx, size_t i, size_t e);

/* quality_insult.c */
size_t judge_words(struct ctx *cx, size_t i, int caps_text);

/* quality_threat.c */
void judge_threat(struct ctx *cx, size_t i);
int work_word(const struct ctx *cx, size_t i);

/* quality_sara.c */
void judge_sara(struct ctx *cx, size_t a, size_t b);

/* quality_model.c */
int own_words(const struct ctx *cx, struct buf *out);
int names_target(const struct ctx *cx);
/* Does the text hold a word of violence ([harm], [weapon], [outcome],
 * [poison], [douse]) outside reported speech? */
int names_violence(const struct ctx *cx);
int model_judge(struct ctx *cx);

#endif
