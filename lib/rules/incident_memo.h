/*
 * incident_memo.h: the readings of recent reports, kept (rule 4).
 *
 * Filing a report compares its specifics with those of up to
 * DUP_CANDIDATES open tickets (lib/engine/conv.c), and reading a text's
 * specifics (incident_extract() and the gazetteer) is the dearest step
 * of a message.  On the day a scandal breaks, many reports tell the same
 * few open tickets, which were read again at every filing.  A memo keeps
 * the readings of the last texts read, keyed by the texts themselves
 * (not by a ticket id): a ticket whose texts changed is read again, and
 * the draft's own reading serves once it is filed as a ticket.
 *
 * The readings are those of the caller (two per report: see incidents_of()
 * in conv.c); the memo only stores and finds them.  The caller clears it
 * when what a reading depends on besides the texts (the gazetteer)
 * changes.  Bounded: at most `slots` readings, the least recently used
 * replaced.  Not safe for concurrent use; the daemon reads from its loop.
 */
#ifndef ADUAN_INCIDENT_MEMO_H
#define ADUAN_INCIDENT_MEMO_H

#include <stddef.h>

#include "rules/incident.h"

/* The texts a reading is keyed by: up to this many strings. */
#define INCIDENT_MEMO_TEXTS 5

struct incident_memo;

/* A new empty memo of `slots` readings (at least 1) into *out.  Returns 0
 * or -ENOMEM.  A reading kept takes its texts and about a kilobyte (the
 * pair packed, incident_memo.c). */
int incident_memo_new(struct incident_memo **out, int slots);

/* Free the memo.  NULL is a no-op. */
void incident_memo_free(struct incident_memo *m);

/* Forget every reading.  NULL is a no-op. */
void incident_memo_clear(struct incident_memo *m);

/*
 * The pair of readings kept for the n texts (n <= INCIDENT_MEMO_TEXTS;
 * NULL counts as ""): 1 with the pair copied into out, or 0 when none is
 * kept (out untouched).
 */
int incident_memo_get(struct incident_memo *m, const char *const *texts,
                      int n, struct incident out[2]);

/* Keep the pair `in` as the readings of the n texts, replacing the least
 * recently used.  For want of memory nothing is kept. */
void incident_memo_put(struct incident_memo *m, const char *const *texts,
                       int n, const struct incident in[2]);

/*
 * The same memo for another reading of texts: values of `size` bytes (a
 * whole number of 64-bit words, packed as the pairs are), such as the
 * judgement of a story by rule 3 (lib/rules/validate.c), which a story
 * told in one message gets twice, as the message comes and as the
 * description.  incident_memo_new_sized() returns 0, -ENOMEM, or -EINVAL
 * for a size that is no whole number of words; find and keep are get and
 * put for such values (a memo made by incident_memo_new() holds pairs of
 * readings: size 2 * sizeof(struct incident)).  get and put find and keep
 * nothing in a memo of another size.
 */
int incident_memo_new_sized(struct incident_memo **out, int slots,
                            size_t size);
int incident_memo_find(struct incident_memo *m, const char *const *texts,
                       int n, void *out);
void incident_memo_keep(struct incident_memo *m, const char *const *texts,
                        int n, const void *in);

#endif
