/*
 * manpage.h: one description of a command, two renderings.
 *
 * A command's usage is written once, as a struct manpage: its synopsis,
 * a description and sections of items (an option or a command with its
 * explanation).  manpage_help() renders it as the text of `-h`,
 * manpage_roff() as a man page, so the two cannot drift apart.  Texts are
 * plain: words separated by spaces, paragraphs by "\n\n"; both renderers
 * wrap and escape them.
 */
#ifndef ADUAN_MANPAGE_H
#define ADUAN_MANPAGE_H

#include "base/buf.h"

struct manpage_item {
  const char *term;   /* "-c FILE", "show NUMBER [--json]" */
  const char *text;
};

struct manpage_section {
  const char *title;                  /* "OPTIONS"; help shows "Options:" */
  const char *text;                   /* paragraphs after the items, or NULL */
  const struct manpage_item *items;   /* ended by a NULL term, or NULL */
  int man_only;                       /* not part of the -h text */
};

struct manpage {
  const char *name;       /* "aduand" */
  int section;            /* 8 */
  const char *summary;    /* NAME line: "aduand - ..." */
  const char *const *synopsis;         /* NULL-ended lines, without "usage:" */
  const char *description;             /* paragraphs */
  const struct manpage_section *sections;  /* ended by a NULL title */
};

/* Append the -h text of page to out.  Returns 0 or a buf error. */
int manpage_help(const struct manpage *page, struct buf *out);

/* Append page as a man(7) document dated date ("2026-12-06") for
 * version.  Returns 0 or a buf error. */
int manpage_roff(const struct manpage *page, const char *version,
                 const char *date, struct buf *out);

/* Man page helpers for pages rendered elsewhere (aduand.conf(5)). */
int manpage_roff_head(struct buf *out, const char *name, int section,
                      const char *version, const char *date,
                      const char *summary);
/* text as filled man text: escaped, paragraphs separated by .PP. */
int manpage_roff_text(struct buf *out, const char *text);
/* One tagged paragraph: .TP, the term in bold, then text. */
int manpage_roff_item(struct buf *out, const char *term, const char *text);

#endif
