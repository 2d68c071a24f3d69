/*
 * quality_model.h: a learned second opinion on threats for rule 3 (SPEC
 * 4).  Threats are written in endlessly varied ways (SMS spellings
 * without vowels, weapon verbs, veiled menaces), so beside the judge's
 * rules a logistic-regression model over the words of a text scores how
 * much it reads like a threat.  Its features are hashed into a table of
 * 2^bits weights: each word, each pair of neighbouring words, each word's
 * consonant skeleton ("bakar" and "bkr" share "bkr") and the letter
 * trigrams to 5-grams of each word with its edges marked.
 *
 * The weights come from config/threat-model.txt, which the trainer
 * tests/tools/threat_model.c writes from tests/corpus/rule3.tsv (the file
 * says how).  Internal to lib/rules and that trainer: not installed.
 */
#ifndef ADUAN_RULES_QUALITY_MODEL_H
#define ADUAN_RULES_QUALITY_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rules/quality.h"

#define THREAT_MODEL_BITS 18        /* the table of the shipped model */
#define THREAT_MODEL_MAX_BITS 24
#define THREAT_MODEL_MAX_WINDOW 1000

struct threat_model {
  float *w;            /* 2^bits weights; NULL once packed (below) */
  uint64_t *nz;        /* packed: bit i set when weight i is not 0 */
  uint32_t *rank;      /* packed: the weights not 0 before each word of nz */
  float *val;          /* packed: the weights not 0, by index */
  unsigned bits;
  double bias;
  double threshold;    /* a probability at or over it is a threat */
  int target;          /* 1: only in a text that names a person, office
                          or building (the lexicon's [person], [target]) */
  int gate;            /* 1: only in a text with a word of violence (the
                          lexicon's [harm], [weapon], [outcome], [poison],
                          [douse]), as the rules read them */
  double gated;        /* a lower threshold for a text with a word of
                          violence (as 'gate' reads them), the target
                          still asked; 0: none */
  unsigned window;     /* 0: the score of the whole text; N: the highest
                          of its stretches of N words within a sentence
                          (threat_model_judge_score) */
};

/* An empty model (every weight 0, threshold 1) of 2^bits weights, or NULL
 * when memory runs out or bits is out of range. */
struct threat_model *threat_model_new(unsigned bits);
void threat_model_free(struct threat_model *m);

/* Weight i (below 2^bits), from the table or from the packed form. */
float threat_model_weight(const struct threat_model *m, uint32_t i);

/* Keep only the weights that are not 0 (a quarter of the shipped model's
 * table): a bitmap of 2^bits bits, a count per 64 of them and the
 * weights, read in constant time; w is freed and NULL after.  The weights
 * read are the same.  0 or -ENOMEM (the model is then unchanged). */
int threat_model_pack(struct threat_model *m);

/*
 * Read a model file (format in config/threat-model.txt).  Problems are
 * added to diag as "FILE:LINE: message".  Returns 0 with *out set,
 * -ENOENT (or another -errno) when the file cannot be read, AERR_CONFIG
 * when it is not a model.
 */
int threat_model_load(const char *path, struct threat_model **out,
                      struct diag *diag);

/*
 * The feature indices of a text in normal form (see quality_normalize;
 * words apart by blanks or line ends), in text order, a feature as often
 * as it occurs: the first cap of them into idx; returns how many there
 * are (more than cap when some were left out).  A text of n occurrences
 * has the value count/sqrt(n) for each feature.
 */
size_t threat_model_features(const struct threat_model *m, const char *norm,
                             size_t len, uint32_t *idx, size_t cap);

/* The model's probability that the text in normal form norm is a
 * threat. */
double threat_model_score(const struct threat_model *m, const char *norm,
                          size_t len);

/*
 * The probability the judge compares with the threshold: the whole
 * text's (threat_model_score), or with m->window N the highest of its
 * sentences' (lines of norm), a sentence of more than N words scored by
 * stretches of N words, each starting half a stretch after the one
 * before.  A text of n features is scored as sum/sqrt(n), so words that
 * each weigh a little toward a threat add up in a long text: a long
 * report of harmless words, one sentence or many, must not read as a
 * threat because it is long.
 */
double threat_model_judge_score(const struct threat_model *m,
                                const char *norm, size_t len);

/* What the model reads of text: the normal form as the judge makes it
 * with q's lists (hidden letters and split words resolved), less the
 * words of reported speech, one sentence a line, appended to out. */
int threat_model_text(const struct quality *q, const char *text,
                      struct buf *out);

/* 1 when text names a person, office or building outside reported
 * speech (what a model with 'target 1' needs), 0 when not, -errno. */
int threat_model_names_target(const struct quality *q, const char *text);

/* 1 when text holds a word of violence outside reported speech (what
 * 'gate' and 'gated' ask), 0 when not, -errno. */
int threat_model_names_violence(const struct quality *q, const char *text);

/* Put m (owned from now on, may be NULL) in q; returns the model q held,
 * which the caller then owns. */
struct threat_model *quality_swap_model(struct quality *q,
                                        struct threat_model *m);

#endif
