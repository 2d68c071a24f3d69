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

#endif
