/*
 * diag.c: collected "FILE:LINE: message" diagnostics (see diag.h).
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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

  va_start(ap, fmt);
  diag_add(d, file, line, "", fmt, ap);
  va_end(ap);
  d->errors++;
}

void
diag_warn(struct diag *d, const char *file, int line, const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  diag_add(d, file, line, "warning: ", fmt, ap);
  va_end(ap);
  d->warnings++;
}

void
diag_each(const struct diag *d, void (*fn)(const char *entry, void *arg),
          void *arg)
{
  const char *p = d->text.data, *nl;
  char *line;

  if (p == NULL)
    return;
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
