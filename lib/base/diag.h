/*
 * diag.h: errors and warnings found while reading files that admins
 * write (the config, the message catalogue, word lists).
 *
 * Each entry is one line "FILE:LINE: message" (warnings: "FILE:LINE:
 * warning: message"), kept in order, so that `aduand -t` can print every
 * problem at once and a refused reload can log each of them.
 */
#ifndef ADUAN_DIAG_H
#define ADUAN_DIAG_H

#include "base/buf.h"

struct diag {
  struct buf text;  /* entries, each ending in '\n' */
  int errors;
  int warnings;
};

void diag_init(struct diag *d);
void diag_free(struct diag *d);

/* line 0 means "the file as a whole" and prints as "FILE: message".
 * d may be NULL: the entry is dropped. */
void diag_error(struct diag *d, const char *file, int line, const char *fmt, ...)
  __attribute__((format(printf, 4, 5)));
void diag_warn(struct diag *d, const char *file, int line, const char *fmt, ...)
  __attribute__((format(printf, 4, 5)));

/*
 * Read the whole file at path into b (initialised here, capped at max
 * bytes).  Returns 0; or, with an entry in d, -errno when the file cannot
 * be read and AERR_CONFIG when it is larger than max.  On error b is
 * empty.
 */
int diag_read_file(struct diag *d, const char *path, size_t max,
                   struct buf *b);

/* Call fn once per entry (without its newline). */
void diag_each(const struct diag *d, void (*fn)(const char *entry, void *arg),
               void *arg);

#endif
