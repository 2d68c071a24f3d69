/*
 * similar.h: the duplicate check of report-quality rule 4 ("not a report
 * already being handled", SPEC §4).
 *
 * When a reporter sends KIRIM, the caller concatenates the draft's
 * description, category and reported party and asks this index whether
 * an open ticket already tells the same story.  It is a duplicate when
 *
 *   (a) an open ticket from the same reporter scores at least
 *       threshold_same (default SIMILAR_THRESHOLD_SAME), or
 *   (b) any open ticket scores at least threshold_any (default
 *       SIMILAR_THRESHOLD_ANY): a copy of someone else's report.
 *
 * The score is the Jaccard similarity of the two texts' sets of
 * normalised words (see similar.c for what "normalised" means and why
 * this measure): 1.0 for the same words, 0.0 for no word in common.
 *
 * The index lives in memory.  The caller fills it at start-up from the
 * open tickets in the database, adds a ticket when it is filed and
 * removes it when it is closed (selesai or ditolak).  It is not safe for
 * concurrent use; the daemon touches it from its event loop only.
 */
#ifndef ADUAN_SIMILAR_H
#define ADUAN_SIMILAR_H

#include <stddef.h>
#include <stdint.h>

/* The defaults of duplicate_same and duplicate_any (lib/conf/config.c),
 * as fractions. */
#define SIMILAR_THRESHOLD_SAME 0.5
#define SIMILAR_THRESHOLD_ANY 0.85

/* Only this many leading bytes of a text are read; the rest is ignored.
 * A description is at most 4000 characters (SPEC §3), so this bound only
 * stops garbage from costing memory. */
#define SIMILAR_TEXT_MAX (64 * 1024)

struct similar;

/* A new empty index into *out.  Returns 0 or -ENOMEM.  The caller frees it
 * with similar_free(). */
int similar_new(struct similar **out);

/* Free the index and everything in it.  NULL is a no-op. */
void similar_free(struct similar *s);

/*
 * Add ticket_id, filed by reporter_id, with text (NULL counts as "").
 * If the ticket is already present, its reporter and text are replaced.
 * Returns 0 or -ENOMEM; on -ENOMEM the index is as it was before the call
 * (a replaced ticket keeps its old text).  The text is not kept.
 */
int similar_add(struct similar *s, int64_t ticket_id, int64_t reporter_id,
                const char *text);

/*
 * A load of many tickets into a new index: after similar_load_begin(),
 * similar_add() only records a new ticket's features and counts its
 * lists, and similar_load_end() then makes every list at once, each the
 * size it needs (how the daemon fills the index at start-up).  The index
 * answers the same as if the tickets had been added one by one.  A
 * replacement or a removal ends the load early; similar_find() and
 * similar_candidates() return -EINVAL until it has ended.
 *
 * similar_load_begin() returns 0, or -EINVAL when the index has ever held
 * a ticket (then it stays as it is, and adds go on one by one).
 * similar_load_end() returns 0 (also when no load is going on) or -ENOMEM
 * (then the load goes on, and ending it may be tried again).
 */
int similar_load_begin(struct similar *s);
int similar_load_end(struct similar *s);

/* Remove ticket_id (the ticket was closed).  No-op when absent. */
void similar_remove(struct similar *s, int64_t ticket_id);

/* How many tickets the index holds. */
int similar_count(const struct similar *s);

struct similar_hit {
  int64_t ticket_id;
  double score;        /* Jaccard similarity, in (0, 1] */
  int same_reporter;   /* 1 when the ticket is reporter_id's own */
};

/*
 * The best duplicate of text for reporter_id, by rules (a) and (b) above:
 * the qualifying ticket with the highest score; on a tie, the reporter's
 * own ticket, then the lowest ticket id.  A ticket that shares no word
 * with text never qualifies, whatever the thresholds.  Thresholds are in
 * [0, 1]; a threshold above 1 (or NaN) turns its rule off.
 *
 * Returns 1 with *hit set (hit may be NULL), 0 when there is no
 * duplicate, or -ENOMEM (then the caller should file the report: a missed
 * duplicate costs an operator one "ditolak duplikat", a false one turns a
 * citizen away).
 */
int similar_find(const struct similar *s, const char *text,
                 int64_t reporter_id, double threshold_same,
                 double threshold_any, struct similar_hit *hit);

/*
 * The tickets whose words are like text, for the incident check of rule 4
 * (incident.h), best first, at most max of them into hits: each of the
 * reporter's own tickets that scores floor_same or more (all are scored),
 * and the other tickets that score floor_any or more among those sharing
 * the most of text's rarer words.  The second part is a search, not a
 * scan: it reads the posting lists of at most SIMILAR_RARE_FEATURES of
 * text's words, each held by at most SIMILAR_RARE_SHARE of the tickets
 * (at least 64), and scores the SIMILAR_CANDIDATES tickets that share the
 * most of them; a retelling shares its names, places, offices and amounts,
 * which are rare.  Its cost does not grow with the common words.
 *
 * Returns the number of hits (0 when none), or -ENOMEM.
 */
#define SIMILAR_RARE_FEATURES 24
#define SIMILAR_RARE_SHARE 0.02
#define SIMILAR_CANDIDATES 48
int similar_candidates(const struct similar *s, const char *text,
                       int64_t reporter_id, double floor_same,
                       double floor_any, struct similar_hit *hits, int max);

/*
 * Keep of hits[0..n) (best first) those that score at least their floor
 * (floor_same for the reporter's own tickets, floor_any for the others)
 * and at most max_low of the rest, in order; returns how many are kept.
 * Each hit costs the caller a ticket read and an incident check: those
 * below the usual floor rarely tell the incident (incident.h,
 * words_low), and a long tail of them would cost more than the check is
 * worth.
 */
#define SIMILAR_LOW_CHECKED 2
int similar_keep_low(struct similar_hit *hits, int n, double floor_same,
                     double floor_any, int max_low);

/*
 * The similarity of two texts alone, by the same measure as
 * similar_find(): in [0, 1], symmetric, 1.0 for texts with the same
 * words, 0.0 when either has no words.  NULL counts as "".  Returns a
 * negative value when memory runs out.  For tests and tuning.
 */
double similar_score(const char *a, const char *b);

/*
 * The words of one text as similar_score() reads them (its sorted word
 * features), read once for a text scored against many: the draft's story
 * against each candidate ticket's.  similar_score_words(&w, b) is
 * similar_score(text, b) to the bit.
 */
struct similar_words {
  uint64_t *v;
  size_t len;
};

/* Read text's words (NULL counts as "") into *w.  Returns 0, or -ENOMEM
 * with *w empty; either way similar_words_free() releases it. */
int similar_words_read(const char *text, struct similar_words *w);

/* Release w's words (NULL is a no-op); w is empty after. */
void similar_words_free(struct similar_words *w);

/* similar_score() of the text read into a and the text b. */
double similar_score_words(const struct similar_words *a, const char *b);

/* The feature of one word w[0..n) of ASCII letters (any case), as the
 * texts above are read: SMS and Kupang Malay spellings spelt out, light
 * stemming ("meminta" and "minta" one key).  For the incident check's
 * content words (incident.h). */
uint64_t similar_word_key(const char *w, size_t n);

#endif
