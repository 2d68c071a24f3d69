/*
 * catalog.h: the message catalogue, every text the gateway sends.
 *
 * Admins edit it (config/messages.id.conf, Indonesian); the engine holds
 * no user-visible literal.  The file:
 *
 *   # comment
 *   menu = Selamat datang di Layanan Pengaduan Pemprov NTT.
 *     Balas 1 untuk membuat laporan baru,
 *     2 untuk cek status laporan, 3 untuk cara melapor.
 *   menu.sms = Pengaduan Pemprov NTT: 1 Lapor, 2 Cek status, 3 Cara melapor
 *   ticket.created = Laporan Anda diterima dengan nomor {ticket}.
 *
 * A line "key = value" starts an entry; following lines that begin with
 * white space continue it, each as a new line of the text.  A value may
 * be double-quoted (then \n, \" and \\ are understood, and leading or
 * trailing spaces kept).  "KEY.sms" is the short variant sent on SMS
 * channels; without one the long text is sent there too.  Lines whose
 * first non-blank character is '#' are comments, also inside a text; a
 * blank line inside a text is kept; "{{" and "}}" are literal braces.
 *
 * Which keys must exist and which {placeholders} each may use is the
 * caller's table (struct catalog_key): a missing key, an unknown key, or
 * an unknown placeholder is an error "FILE:LINE: message".  An SMS text
 * (the .sms variant, or the long text where there is none) that needs more
 * than two SMS segments, or holds characters outside GSM-7, is a warning.
 */
#ifndef ADUAN_CATALOG_H
#define ADUAN_CATALOG_H

#include "base/buf.h"
#include "base/diag.h"

struct catalog;

struct catalog_key {
  const char *key;          /* "ticket.created" */
  const char *placeholders; /* space-separated names allowed, "" for none */
};

/* A placeholder's value for catalog_render. */
struct catalog_var {
  const char *name;
  const char *value;
};

/*
 * Read the file at path against keys[0..nkeys).  0 with *out set (free
 * with catalog_free), else AERR_CONFIG (or -errno when unreadable) with
 * every problem in diag.  Warnings alone do not fail the load; errors
 * already in diag do not count against this file.  diag may be NULL.
 */
int catalog_load(const char *path, const struct catalog_key *keys, int nkeys,
                 struct catalog **out, struct diag *diag);
void catalog_free(struct catalog *cat);

/* The raw text of key (sms: the short variant if there is one), or NULL
 * when the key is not in the catalogue. */
const char *catalog_text(const struct catalog *cat, const char *key, int sms);

/*
 * Append the text of key to out with each {name} replaced by its value
 * from vars[0..nvars) ("{{" is a literal "{", "}}" a literal "}").  Values
 * are inserted as they are, not expanded again.  A placeholder without a
 * value is replaced by nothing.  Returns 0, AERR_NOTFOUND for an unknown
 * key, or a buf error.
 */
int catalog_render(const struct catalog *cat, const char *key, int sms,
                   const struct catalog_var *vars, int nvars,
                   struct buf *out);

#endif
