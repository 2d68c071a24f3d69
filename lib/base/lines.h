/*
 * lines.h: the lines of a text file that admins edit (the message
 * catalogue, the word lists, the holidays file, the config).
 *
 * The whole file is read at once (capped in size) and handed out a line
 * at a time with its number, for "FILE:LINE: message" diagnostics.  A
 * UTF-8 byte order mark at the start is skipped; a line may end in LF or
 * CRLF (the CR is not part of the line); the last line may lack its end.
 * What else happens to a line is chosen by flags, since the formats
 * differ in where a comment may start and in whether indentation and
 * blank lines mean something:
 *
 *   LINES_CHECK         a line holding a NUL byte or invalid UTF-8 is
 *                       reported (both, when it holds both) and handed
 *                       out with ls->bad set: the caller skips it or
 *                       marks what it belongs to.  The whole line is
 *                       checked, its comment too.
 *   LINES_COMMENT_LINE  a line whose first non-blank character is '#'
 *                       is a comment and is not handed out.
 *   LINES_COMMENT_ANY   a '#' anywhere starts a comment that runs to the
 *                       end of the line.
 *   LINES_COMMENT_WORD  a '#' at the start of the line or after a blank
 *                       starts a comment (a '#' inside a word does not).
 *   LINES_TRIM          blanks (spaces and tabs) at both ends go.
 *   LINES_SKIP_BLANK    a line with nothing but blanks left (after the
 *                       comment went) is not handed out.
 *
 * Without flags every line is handed out as it stands.
 */
#ifndef ADUAN_LINES_H
#define ADUAN_LINES_H

#include <stddef.h>

#include "base/buf.h"
#include "base/diag.h"

enum {
  LINES_CHECK = 1u << 0,
  LINES_COMMENT_LINE = 1u << 1,
  LINES_COMMENT_ANY = 1u << 2,
  LINES_COMMENT_WORD = 1u << 3,
  LINES_TRIM = 1u << 4,
  LINES_SKIP_BLANK = 1u << 5,
};

struct lines {
  const char *path;    /* for diagnostics */
  struct diag *diag;   /* may be NULL */
  unsigned flags;
  int lineno;          /* of the line last handed out, from 1 */
  int bad;             /* LINES_CHECK found a problem in that line */
  /* private */
  struct buf file;     /* the text, when lines_open read it */
  const char *p, *end;
};

/*
 * Read the file at path (at most max bytes, see diag_read_file) and get
 * ready to hand out its lines.  Returns 0; or, with an entry in diag,
 * -errno or AERR_CONFIG.  Call lines_close() either way.
 */
int lines_open(struct lines *ls, const char *path, size_t max,
               unsigned flags, struct diag *diag);

/* The same over text the caller holds (and keeps until lines_close). */
void lines_init(struct lines *ls, const char *path, const char *text,
                size_t len, unsigned flags, struct diag *diag);

/*
 * The next line that the flags let through: *line points into the text
 * (not NUL-terminated) and *n is its length; ls->lineno and ls->bad
 * describe it.  Returns 1, or 0 when there are no more lines.
 */
int lines_next(struct lines *ls, const char **line, size_t *n);

/* Free what lines_open read; safe after a failed open and repeatedly. */
void lines_close(struct lines *ls);

#endif
