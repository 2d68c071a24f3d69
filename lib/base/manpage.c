/*
 * manpage.c: render a struct manpage as -h text or as man(7).
 */
#include "base/manpage.h"

#include <ctype.h>
#include <string.h>

#define HELP_WIDTH 76   /* columns of the -h text */
#define HELP_TERM 27    /* column where an item's text starts */

/* Append the words of text (one paragraph: up to "\n\n" or its end),
 * wrapped at HELP_WIDTH, every line after the first starting at column
 * indent; the first line starts at column *col.  Returns where the
 * paragraph ended. */
static const char *
wrap_para(struct buf *out, const char *text, size_t indent, size_t *col,
          int *rc)
{
  const char *p = text;
  int first = 1;

  for (;;) {
    size_t n;

    while (*p == ' ' || (*p == '\n' && p[1] != '\n'))
      p++;
    if (*p == '\0' || (*p == '\n' && p[1] == '\n'))
      break;
    n = strcspn(p, " \n");
    if (!first && *col + 1 + n > HELP_WIDTH) {
      *rc |= buf_printf(out, "\n%*s", (int)indent, "");
      *col = indent;
    } else if (!first) {
      *rc |= buf_puts(out, " ");
      (*col)++;
    }
    first = 0;
    *rc |= buf_append(out, p, n);
    *col += n;
    p += n;
  }
  return p;
}

/* Append every paragraph of text, each wrapped with indent, separated by
 * an empty line. */
static int
wrap_text(struct buf *out, const char *text, size_t indent, size_t col)
{
  const char *p = text;
  int rc = 0;

  while (*p != '\0') {
    p = wrap_para(out, p, indent, &col, &rc);
    rc |= buf_puts(out, "\n");
    while (*p == '\n')
      p++;
    if (*p != '\0') {
      rc |= buf_printf(out, "\n%*s", (int)indent, "");
      col = indent;
    }
  }
  return rc;
}

/* "OPTIONS" as the help text's "Options:". */
static int
help_title(struct buf *out, const char *title)
{
  int rc = buf_printf(out, "\n%c", title[0]);

  for (title++; *title != '\0'; title++)
    rc |= buf_printf(out, "%c", tolower((unsigned char)*title));
  return rc | buf_puts(out, ":\n");
}

int
manpage_help(const struct manpage *page, struct buf *out)
{
  const struct manpage_section *s;
  size_t i;
  int rc = 0;

  for (i = 0; page->synopsis[i] != NULL; i++)
    rc |= buf_printf(out, "%s %s\n", i == 0 ? "usage:" : "      ",
                     page->synopsis[i]);
  rc |= buf_puts(out, "\n");
  rc |= wrap_text(out, page->description, 0, 0);
  for (s = page->sections; s->title != NULL; s++) {
    const struct manpage_item *it;

    if (s->man_only)
      continue;
    rc |= help_title(out, s->title);
    for (it = s->items; it != NULL && it->term != NULL; it++) {
      size_t n = strlen(it->term), col = 2;

      /* A long term wraps under itself, its text starts below it. */
      rc |= buf_puts(out, "  ");
      wrap_para(out, it->term, 10, &col, &rc);
      if (n + 3 > HELP_TERM)
        rc |= buf_printf(out, "\n%*s", HELP_TERM, "");
      else
        rc |= buf_printf(out, "%*s", (int)(HELP_TERM - 2 - n), "");
      rc |= wrap_text(out, it->text, HELP_TERM, HELP_TERM);
    }
    if (s->text != NULL) {
      if (s->items != NULL)
        rc |= buf_puts(out, "\n");
      rc |= wrap_text(out, s->text, 0, 0);
    }
  }
  return rc;
}

/* Append s escaped for roff: backslashes and minus signs escaped, a line
 * never starting with a control character. */
static int
roff_escape(struct buf *out, const char *s, size_t n, int bol)
{
  size_t i;
  int rc = 0;

  for (i = 0; i < n; i++) {
    char c = s[i];

    if (bol && (c == '.' || c == '\''))
      rc |= buf_puts(out, "\\&");
    bol = 0;
    if (c == '\\')
      rc |= buf_puts(out, "\\e");
    else if (c == '-')
      rc |= buf_puts(out, "\\-");
    else
      rc |= buf_append(out, &c, 1);
  }
  return rc;
}

int
manpage_roff_text(struct buf *out, const char *text)
{
  const char *p = text;
  int rc = 0;

  while (*p != '\0') {
    const char *end = strstr(p, "\n\n");
    size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
    size_t i;

    /* One paragraph: its lines joined, so that roff fills it. */
    for (i = 0; i < n; i++) {
      size_t k = strcspn(p + i, "\n");

      if (k > n - i)
        k = n - i;
      while (k > 0 && p[i] == ' ') {
        i++;
        k--;
      }
      if (k > 0) {
        rc |= roff_escape(out, p + i, k, 1);
        rc |= buf_puts(out, "\n");
      }
      i += k;
    }
    p += n;
    while (*p == '\n')
      p++;
    if (*p != '\0')
      rc |= buf_puts(out, ".PP\n");
  }
  return rc;
}

int
manpage_roff_item(struct buf *out, const char *term, const char *text)
{
  int rc = buf_puts(out, ".TP\n.B ");

  rc |= roff_escape(out, term, strlen(term), 0);
  rc |= buf_puts(out, "\n");
  return rc | manpage_roff_text(out, text);
}

int
manpage_roff_head(struct buf *out, const char *name, int section,
                  const char *version, const char *date, const char *summary)
{
  int rc = buf_puts(out, ".TH ");
  const char *p;

  for (p = name; *p != '\0'; p++)
    rc |= *p == '-' ? buf_puts(out, "\\-")
                    : buf_printf(out, "%c", toupper((unsigned char)*p));
  rc |= buf_printf(out, " %d %s \"aduan %s\" \"aduan\"\n", section, date,
                   version);
  rc |= buf_puts(out, ".SH NAME\n");
  rc |= roff_escape(out, name, strlen(name), 1);
  rc |= buf_puts(out, " \\- ");
  rc |= roff_escape(out, summary, strlen(summary), 0);
  return rc | buf_puts(out, "\n");
}

int
manpage_roff(const struct manpage *page, const char *version,
             const char *date, struct buf *out)
{
  const struct manpage_section *s;
  size_t i;
  int rc;

  rc = manpage_roff_head(out, page->name, page->section, version, date,
                         page->summary);
  rc |= buf_puts(out, ".SH SYNOPSIS\n");
  for (i = 0; page->synopsis[i] != NULL; i++) {
    if (i > 0)
      rc |= buf_puts(out, ".br\n");
    rc |= buf_puts(out, ".B ");
    rc |= roff_escape(out, page->synopsis[i], strlen(page->synopsis[i]), 0);
    rc |= buf_puts(out, "\n");
  }
  rc |= buf_puts(out, ".SH DESCRIPTION\n");
  rc |= manpage_roff_text(out, page->description);
  for (s = page->sections; s->title != NULL; s++) {
    const struct manpage_item *it;

    rc |= buf_printf(out, ".SH %s\n", s->title);
    for (it = s->items; it != NULL && it->term != NULL; it++)
      rc |= manpage_roff_item(out, it->term, it->text);
    if (s->text != NULL) {
      if (s->items != NULL)
        rc |= buf_puts(out, ".PP\n");
      rc |= manpage_roff_text(out, s->text);
    }
  }
  return rc;
}
