/*
 * lines.c: the lines of a text file that admins edit (see lines.h).
 */
#include "base/lines.h"

#include <string.h>

#include "base/utf8.h"

#define BOM "\xef\xbb\xbf"

static int
is_blank(char c)
{
  return c == ' ' || c == '\t';
}

void
lines_init(struct lines *ls, const char *path, const char *text, size_t len,
           unsigned flags, struct diag *diag)
{
  memset(ls, 0, sizeof(*ls));
  ls->path = path;
  ls->diag = diag;
  ls->flags = flags;
  if (text == NULL) {
    text = "";
    len = 0;
  }
  if (len >= 3 && memcmp(text, BOM, 3) == 0) {
    text += 3;
    len -= 3;
  }
  ls->p = text;
  ls->end = text + len;
}

int
lines_open(struct lines *ls, const char *path, size_t max, unsigned flags,
           struct diag *diag)
{
  struct buf file;
  int rc = diag_read_file(diag, path, max, &file);

  if (rc != 0) {
    lines_init(ls, path, NULL, 0, flags, diag);
    return rc;
  }
  lines_init(ls, path, file.data, file.len, flags, diag);
  ls->file = file;
  return 0;
}

void
lines_close(struct lines *ls)
{
  buf_free(&ls->file);
  ls->p = ls->end = NULL;
}

/* Report a NUL byte and invalid UTF-8 in p[0..n); 1 when there was one. */
static int
check_text(struct lines *ls, const char *p, size_t n)
{
  size_t bad;
  int broken = 0;

  if (memchr(p, '\0', n) != NULL) {
    diag_error(ls->diag, ls->path, ls->lineno, "the line holds a NUL byte");
    broken = 1;
  }
  bad = utf8_check(p, n);
  if (bad < n) {
    diag_error(ls->diag, ls->path, ls->lineno,
               "invalid UTF-8 at byte %zu of the line (save the file as "
               "UTF-8)", bad + 1);
    broken = 1;
  }
  return broken;
}

/* Where the comment of p[0..n) starts under the flags; n when none. */
static size_t
comment_start(unsigned flags, const char *p, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++) {
    if (p[i] != '#')
      continue;
    if ((flags & LINES_COMMENT_ANY) ||
        ((flags & LINES_COMMENT_WORD) && (i == 0 || is_blank(p[i - 1]))))
      return i;
  }
  return n;
}

/*
 * Apply the flags to the line p[0..n): 1 with *line and *len set when it
 * is handed out, 0 when it is skipped.
 */
static int
shape_line(struct lines *ls, const char *p, size_t n, const char **line,
           size_t *len)
{
  size_t i;

  if (ls->flags & LINES_CHECK)
    ls->bad = check_text(ls, p, n);
  for (i = 0; i < n && is_blank(p[i]); i++)
    ;
  if ((ls->flags & LINES_COMMENT_LINE) && i < n && p[i] == '#')
    return 0;
  n = comment_start(ls->flags, p, n);
  if ((ls->flags & LINES_SKIP_BLANK) && i >= n)
    return 0;
  if (ls->flags & LINES_TRIM) {
    while (n > 0 && is_blank(p[n - 1]))
      n--;
    p += i < n ? i : n;
    n -= i < n ? i : n;
  }
  *line = p;
  *len = n;
  return 1;
}

int
lines_next(struct lines *ls, const char **line, size_t *n)
{
  const char *p, *nl;
  size_t len;

  while (ls->p != NULL && ls->p < ls->end) {
    p = ls->p;
    nl = memchr(p, '\n', (size_t)(ls->end - p));
    len = (size_t)((nl != NULL ? nl : ls->end) - p);
    ls->p = nl != NULL ? nl + 1 : ls->end;
    if (len > 0 && p[len - 1] == '\r')
      len--;
    ls->lineno++;
    ls->bad = 0;
    if (shape_line(ls, p, len, line, n))
      return 1;
  }
  return 0;
}
