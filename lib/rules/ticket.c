/*
 * ticket.c: ticket numbers, the lifecycle table and what a move needs
 * (see ticket.h).
 */
#include "rules/ticket.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/err.h"

static const char *const status_names[TICKET_STATUS_COUNT] = {
  "diterima", "diverifikasi", "diproses", "selesai", "ditunda", "ditolak",
};

const char *
ticket_status_name(enum ticket_status s)
{
  if ((int)s < 0 || s >= TICKET_STATUS_COUNT)
    return "?";
  return status_names[s];
}

int
ticket_status_parse(const char *s)
{
  int i;

  for (i = 0; i < TICKET_STATUS_COUNT; i++)
    if (strcmp(s, status_names[i]) == 0)
      return i;
  return -1;
}

int
ticket_status_closed(enum ticket_status s)
{
  return s == TICKET_SELESAI || s == TICKET_DITOLAK;
}

/*
 * Allowed moves, from row to column.  Forward along the main line, to
 * ditunda or ditolak from any open state, and out of ditunda to any open
 * main-line state or to a close.
 */
static const unsigned char transitions[TICKET_STATUS_COUNT]
                                      [TICKET_STATUS_COUNT] = {
  /*               dtr dvf dpr sls dtd dtl */
  /* diterima */   {0,  1,  1,  0,  1,  1},
  /* diverifik. */ {0,  0,  1,  0,  1,  1},
  /* diproses */   {0,  0,  0,  1,  1,  1},
  /* selesai */    {0,  0,  0,  0,  0,  0},
  /* ditunda */    {1,  1,  1,  1,  0,  1},
  /* ditolak */    {0,  0,  0,  0,  0,  0},
};

int
ticket_transition_ok(enum ticket_status from, enum ticket_status to)
{
  if ((int)from < 0 || from >= TICKET_STATUS_COUNT || (int)to < 0 ||
      to >= TICKET_STATUS_COUNT)
    return 0;
  return transitions[from][to];
}

/* What a move to each status needs: a note, the agency. */
static const struct {
  unsigned char note, agency;
  const char *why;
} move_needs[TICKET_STATUS_COUNT] = {
  [TICKET_DIPROSES] = {0, 1, "diproses needs the agency"},
  [TICKET_DITOLAK] = {1, 0, "ditolak needs a note: the reason"},
};

int
ticket_move_check(int to, const char *note, const char *agency,
                  const char **why)
{
  if (to < 0 || to >= TICKET_STATUS_COUNT) {
    *why = "status must be one of diterima, diverifikasi, diproses, "
           "selesai, ditunda, ditolak";
    return AERR_PARSE;
  }
  if ((note != NULL && strlen(note) > TICKET_NOTE_MAX) ||
      (agency != NULL && strlen(agency) > TICKET_AGENCY_MAX)) {
    *why = "note or agency too long";
    return AERR_PARSE;
  }
  if ((move_needs[to].note && (note == NULL || *note == '\0')) ||
      (move_needs[to].agency && (agency == NULL || *agency == '\0'))) {
    *why = move_needs[to].why;
    return AERR_PARSE;
  }
  return 0;
}

int
ticket_number_format(const char *prefix, int year, int seq,
                     char out[TICKET_NUMBER_MAX])
{
  int n;

  if (year < 1000 || year > 9999 || seq < 1 || seq > 9999999)
    return AERR_RANGE;
  n = snprintf(out, TICKET_NUMBER_MAX, "%s-%04d-%05d", prefix, year, seq);
  if (n < 0 || n >= TICKET_NUMBER_MAX)
    return AERR_RANGE;
  return 0;
}

int
ticket_number_parse(const char *prefix, const char *in,
                    char out[TICKET_NUMBER_MAX])
{
  char norm[64];
  size_t n = 0, plen = strlen(prefix), i;
  const char *p;
  int year = 0, seq = 0, digits = 0;

  out[0] = '\0';
  /* Keep letters and digits, upper-cased; drop every separator. */
  for (p = in; *p != '\0'; p++) {
    unsigned char c = (unsigned char)*p;
    if (isalnum(c)) {
      if (n + 1 >= sizeof(norm))
        return AERR_PARSE;
      norm[n++] = (char)toupper(c);
    } else if (!(c == ' ' || c == '-' || c == '.' || c == '/' || c == '_' ||
                 c == '#' || c == ':' || c == '\t')) {
      return AERR_PARSE;
    }
  }
  norm[n] = '\0';
  p = norm;
  if (n >= plen && strncasecmp(norm, prefix, plen) == 0)
    p += plen;
  /* Four digits of year, then 1 to 7 digits of sequence. */
  for (i = 0; i < 4; i++) {
    if (!isdigit((unsigned char)p[i]))
      return AERR_PARSE;
    year = year * 10 + (p[i] - '0');
  }
  p += 4;
  for (; *p != '\0'; p++) {
    if (!isdigit((unsigned char)*p) || ++digits > 7)
      return AERR_PARSE;
    seq = seq * 10 + (*p - '0');
  }
  if (digits == 0 || year < 2000)
    return AERR_PARSE;
  return ticket_number_format(prefix, year, seq, out) == 0 ? 0 : AERR_PARSE;
}
