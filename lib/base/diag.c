/*
 * diag.c: collected "FILE:LINE: message" diagnostics (see diag.h).
 */
#include "base/diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"

void
diag_init(struct diag *d)
{
  buf_init(&d->text, 0);
  d->errors = 0;
  d->warnings = 0;
}

void
diag_free(struct diag *d)
{
  buf_free(&d->text);
  d->errors = 0;
  d->warnings = 0;
}

/* fmt is the caller's format, checked at each diag_error/diag_warn call. */
static void diag_add(struct diag *d, const char *file, int line,
                     const char *kind, const char *fmt, va_list ap)
  __attribute__((format(printf, 5, 0)));

static void
diag_add(struct diag *d, const char *file, int line, const char *kind,
         const char *fmt, va_list ap)
{
  if (line > 0)
    buf_printf(&d->text, "%s:%d: %s", file, line, kind);
  else
    buf_printf(&d->text, "%s: %s", file, kind);
  buf_vprintf(&d->text, fmt, ap);
  buf_append(&d->text, "\n", 1);
}

void
diag_error(struct diag *d, const char *file, int line, const char *fmt, ...)
{
  va_list ap;

  if (d == NULL)
    return;
  va_start(ap, fmt);
  diag_add(d, file, line, "", fmt, ap);
  va_end(ap);
  d->errors++;
}

void
diag_warn(struct diag *d, const char *file, int line, const char *fmt, ...)
{
  va_list ap;

  if (d == NULL)
    return;
  va_start(ap, fmt);
  diag_add(d, file, line, "warning: ", fmt, ap);
  va_end(ap);
  d->warnings++;
}

void
diag_each(const struct diag *d, void (*fn)(const char *entry, void *arg),
          void *arg)
{
  const char *p, *nl;
  char *line;

  if (d == NULL || d->text.data == NULL)
    return;
  p = d->text.data;
  while (*p != '\0') {
    nl = strchr(p, '\n');
    if (nl == NULL)
      nl = p + strlen(p);
    line = strndup(p, (size_t)(nl - p));
    if (line != NULL) {
      fn(line, arg);
      free(line);
    }
    p = *nl ? nl + 1 : nl;
  }
}

int
diag_read_file(struct diag *d, const char *path, size_t max, struct buf *b)
{
  char chunk[16384];
  FILE *f = fopen(path, "rb");
  size_t n;
  int rc = 0, err;

  buf_init(b, max);
  if (f == NULL) {
    err = errno;
    diag_error(d, path, 0, "cannot open: %s", strerror(err));
    return err != 0 ? -err : -EIO;
  }
  while (rc == 0) {
    n = fread(chunk, 1, sizeof(chunk), f);
    if (n > 0)
      rc = buf_append(b, chunk, n);
    if (n < sizeof(chunk))
      break;
  }
  if (rc == 0 && ferror(f)) {
    err = errno;
    diag_error(d, path, 0, "cannot read: %s", strerror(err));
    rc = err != 0 ? -err : -EIO;
  } else if (rc == AERR_TOOBIG) {
    diag_error(d, path, 0, "the file is larger than %zu KiB", max / 1024);
    rc = AERR_CONFIG;
  }
  fclose(f);
  if (rc != 0)
    buf_free(b);
  return rc;
}
