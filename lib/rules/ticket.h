/*
 * ticket.h: ticket numbers and the ticket lifecycle.
 *
 * Numbers are PREFIX-YYYY-NNNNN ("NTT-2026-00042"): a configurable prefix,
 * the year in WITA when the ticket was filed, and a sequence that restarts
 * each year.  Reporters type them sloppily ("ntt 2026 42", "NTT202600042",
 * "2026-42"); ticket_number_parse() accepts all of those.
 *
 * Lifecycle (after SP4N-LAPOR!):
 *
 *   diterima -> diverifikasi -> diproses -> selesai
 *   any open state -> ditunda (waiting for the reporter) -> back to the
 *                     state it came from, or onward
 *   any open state -> ditolak (with a reason)
 *
 * selesai and ditolak are closed.
 */
#ifndef ADUAN_TICKET_H
#define ADUAN_TICKET_H

#include <stddef.h>
#include <stdint.h>

#define TICKET_NUMBER_MAX 32

enum ticket_status {
  TICKET_DITERIMA = 0,
  TICKET_DIVERIFIKASI,
  TICKET_DIPROSES,
  TICKET_SELESAI,
  TICKET_DITUNDA,
  TICKET_DITOLAK,
  TICKET_STATUS_COUNT
};

const char *ticket_status_name(enum ticket_status s);
/* -1 when s names no status. */
int ticket_status_parse(const char *s);
/* 1 for selesai and ditolak. */
int ticket_status_closed(enum ticket_status s);
/* 1 when an operator may move a ticket from one status to the other. */
int ticket_transition_ok(enum ticket_status from, enum ticket_status to);

/* The longest note (what the reporter reads) and agency name that go with
 * a status change, in bytes. */
#define TICKET_NOTE_MAX 2000
#define TICKET_AGENCY_MAX 200

/*
 * What a change to status to (-1: not a status) needs besides the
 * lifecycle table: to must name a status; note and agency (either may be
 * NULL) must fit TICKET_NOTE_MAX and TICKET_AGENCY_MAX; ditolak needs a
 * note (the reason the reporter reads), diproses the agency it goes to.
 * Returns 0, or AERR_PARSE with the operator's message in *why (a
 * constant string), the first rule broken in that order.
 */
int ticket_move_check(int to, const char *note, const char *agency,
                      const char **why);

/* "NTT-2026-00042" into out.  Returns 0, or AERR_RANGE when it does not
 * fit. */
int ticket_number_format(const char *prefix, int year, int seq,
                         char out[TICKET_NUMBER_MAX]);

/*
 * Read a ticket number as a reporter may type it: case, spaces, dashes
 * and dots do not matter, the prefix may be left out, leading zeros of the
 * sequence may be left out.  On success out holds the canonical form for
 * prefix and 0 is returned; AERR_PARSE otherwise.
 */
int ticket_number_parse(const char *prefix, const char *in,
                        char out[TICKET_NUMBER_MAX]);

#endif
