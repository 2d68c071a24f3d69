/*
 * catalog.c: the message catalogue: reading and checking the file that
 * admins edit, looking texts up, and filling in their placeholders (see
 * catalog.h for the format).
 *
 * Loading checks everything it can and reports every problem, not only
 * the first, so that `aduand -t` shows an admin the whole list at once.
 * Only the keys of the caller's table are kept; they end up in an array
 * sorted by key, searched with bsearch.
 *
 * Details of the format beyond catalog.h: lines whose first non-blank
 * character is '#' are comments, also between the lines of one text; a
 * blank line inside a text is kept when more of the text follows it; a
 * UTF-8 byte order mark at the start of the file is skipped; lines may end
 * in CRLF.  Each line of a text, the first or a continuation, is either
 * plain (trimmed) or quoted as a whole.
 */
#include "conf/catalog.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/lines.h"
#include "base/sms.h"
#include "base/utf8.h"

#define CATALOG_MAX_SIZE (1024 * 1024)
#define CATALOG_MAX_SEGMENTS 2
#define SMS_SUFFIX ".sms"
#define SMS_SUFFIX_LEN 4

struct entry {
  char *key;
  char *text;
  char *sms;    /* NULL: no short variant */
};

struct catalog {
  struct entry *v;
  size_t n;
};

/* What loading has gathered for one key of the caller's table. */
struct slot {
  struct buf text[2];   /* [0] the long text, [1] the .sms variant */
  int line[2];          /* where each was defined; 0: not yet */
  int bad[2];           /* the text holds bytes that are not UTF-8 */
};

struct loader {
  const char *path;
  const struct catalog_key *keys;
  int nkeys;
  struct slot *slots;
  struct diag *diag;
  int rc;               /* first allocation failure, else 0 */

  /* The entry being read. */
  int in_entry;         /* a key line has been seen */
  int key_line;
  struct buf name;      /* its key as written, for messages */
  const char *allowed;  /* its placeholders; NULL: not checked */
  struct buf *text;     /* where its text goes (scratch when discarded) */
  int *bad;             /* its slot's bad flag, or NULL */
  int has_text;         /* a line of text (maybe empty) has been added */
  int blanks;           /* blank lines waiting for more text */
  struct buf scratch;   /* the text of an entry that is not kept */
  struct buf line;      /* one line's decoded text */
};

static int
is_blank(char c)
{
  return c == ' ' || c == '\t';
}

static int
is_name_char(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

/* Remember the first allocation failure; loading goes on quietly. */
static void
note_rc(struct loader *ld, int rc)
{
  if (rc != 0 && ld->rc == 0)
    ld->rc = rc;
}

/* The index of key[0..n) in the caller's table, or -1. */
static int
find_key(const struct loader *ld, const char *key, size_t n)
{
  int i;

  for (i = 0; i < ld->nkeys; i++)
    if (strlen(ld->keys[i].key) == n && memcmp(ld->keys[i].key, key, n) == 0)
      return i;
  return -1;
}

/* Is name[0..n) one of the space-separated names in list? */
static int
in_list(const char *list, const char *name, size_t n)
{
  const char *p = list, *end;

  while (*p != '\0') {
    while (*p == ' ')
      p++;
    end = p;
    while (*end != '\0' && *end != ' ')
      end++;
    if ((size_t)(end - p) == n && n > 0 && memcmp(p, name, n) == 0)
      return 1;
    p = end;
  }
  return 0;
}

/*
 * Check the braces of one line of text s[0..n): "{{" and "}}" are literal
 * braces, "{name}" a placeholder that must be in the entry's list; any
 * other brace is unbalanced.
 */
static void
check_braces(struct loader *ld, int lineno, const char *s, size_t n)
{
  size_t i = 0, j;

  while (i < n) {
    if (s[i] == '{' && i + 1 < n && s[i + 1] == '{') {
      i += 2;
    } else if (s[i] == '}' && i + 1 < n && s[i + 1] == '}') {
      i += 2;
    } else if (s[i] == '{') {
      j = i + 1;
      while (j < n && is_name_char(s[j]))
        j++;
      if (j < n && s[j] == '}' && j == i + 1) {
        diag_error(ld->diag, ld->path, lineno,
                   "'%s': empty placeholder {} (write {{}} for literal "
                   "braces)", ld->name.data);
        i = j + 1;
      } else if (j < n && s[j] == '}') {
        if (ld->allowed != NULL && !in_list(ld->allowed, s + i + 1, j - i - 1))
          diag_error(ld->diag, ld->path, lineno,
                     "'%s': unknown placeholder {%.*s} (%s%s)",
                     ld->name.data, (int)(j - i - 1), s + i + 1,
                     *ld->allowed ? "allowed here: " : "this text takes none",
                     ld->allowed);
        i = j + 1;
      } else {
        diag_error(ld->diag, ld->path, lineno,
                   "'%s': unbalanced '{' (a placeholder is {name}; "
                   "write {{ for a literal '{')", ld->name.data);
        i++;
      }
    } else if (s[i] == '}') {
      diag_error(ld->diag, ld->path, lineno,
                 "'%s': unbalanced '}' (write }} for a literal '}')",
                 ld->name.data);
      i++;
    } else {
      i++;
    }
  }
}

/*
 * Decode one line of a value, p[0..n) already trimmed, into ld->line: a
 * quoted line loses its quotes and has its escapes understood, a plain
 * line is taken as it is.  Problems are reported; the line is kept as far
 * as it could be read.
 */
static void
decode_value(struct loader *ld, int lineno, const char *p, size_t n)
{
  size_t i;
  char c;

  buf_reset(&ld->line);
  if (n == 0 || p[0] != '"') {
    note_rc(ld, buf_append(&ld->line, p, n));
    return;
  }
  for (i = 1; i < n; i++) {
    c = p[i];
    if (c == '"')
      break;
    if (c == '\\' && i + 1 < n) {
      c = p[++i];
      switch (c) {
      case 'n': c = '\n'; break;
      case 't': c = '\t'; break;
      case '"': break;
      case '\\': break;
      default:
        diag_error(ld->diag, ld->path, lineno,
                   "'%s': unknown escape '\\%c' (use \\n, \\t, \\\" or \\\\)",
                   ld->name.data, c);
        continue;
      }
    }
    note_rc(ld, buf_append(&ld->line, &c, 1));
  }
  if (i >= n)
    diag_error(ld->diag, ld->path, lineno,
               "'%s': the quoted text has no closing '\"'", ld->name.data);
  else if (i + 1 < n)
    diag_error(ld->diag, ld->path, lineno,
               "'%s': text after the closing '\"' (write \\\" for a quote "
               "inside the text)", ld->name.data);
}

/*
 * Add one line of value, p[0..n), to the current entry.  Blank lines seen
 * since the last line of text become empty lines of the text, once there
 * is text before them.
 */
static void
add_value(struct loader *ld, int lineno, const char *p, size_t n, int first)
{
  if (ld->text == NULL)
    return;
  while (n > 0 && is_blank(p[0])) {
    p++;
    n--;
  }
  while (n > 0 && is_blank(p[n - 1]))
    n--;
  if (first && n == 0)
    return;
  decode_value(ld, lineno, p, n);
  check_braces(ld, lineno, ld->line.data, ld->line.len);
  if (ld->has_text) {
    note_rc(ld, buf_append(ld->text, "\n", 1));
    for (; ld->blanks > 0; ld->blanks--)
      note_rc(ld, buf_append(ld->text, "\n", 1));
  }
  ld->blanks = 0;
  note_rc(ld, buf_append(ld->text, ld->line.data, ld->line.len));
  ld->has_text = 1;
}

/* Close the current entry: a kept entry must have some text. */
static void
finish_entry(struct loader *ld)
{
  if (ld->in_entry && ld->text != &ld->scratch && ld->text != NULL &&
      ld->text->len == 0)
    diag_error(ld->diag, ld->path, ld->key_line, "'%s' has no text",
               ld->name.data);
  ld->in_entry = 0;
  ld->text = NULL;
  ld->bad = NULL;
  ld->allowed = NULL;
  ld->has_text = 0;
  ld->blanks = 0;
}

/*
 * Start an entry at a line "key = value".  The key decides where the text
 * goes: a slot of the table, or scratch for an entry that is reported and
 * then only checked for syntax.
 */
static void
start_entry(struct loader *ld, int lineno, const char *p, size_t n)
{
  const char *eq = memchr(p, '=', n);
  size_t klen;
  int idx, sms = 0;
  struct slot *sl;

  ld->in_entry = 1;
  ld->key_line = lineno;
  ld->text = &ld->scratch;
  buf_reset(&ld->scratch);
  buf_reset(&ld->name);
  if (eq == NULL) {
    /* Not an entry at all: its continuation lines are skipped. */
    ld->text = NULL;
    diag_error(ld->diag, ld->path, lineno,
               "expected 'key = text', found no '='");
    return;
  }
  klen = (size_t)(eq - p);
  while (klen > 0 && is_blank(p[klen - 1]))
    klen--;
  note_rc(ld, buf_append(&ld->name, p, klen));
  if (ld->rc != 0)
    return;
  if (klen == 0) {
    ld->text = NULL;
    diag_error(ld->diag, ld->path, lineno, "missing key before '='");
    return;
  }
  idx = find_key(ld, p, klen);
  if (idx < 0 && klen > SMS_SUFFIX_LEN &&
      memcmp(p + klen - SMS_SUFFIX_LEN, SMS_SUFFIX, SMS_SUFFIX_LEN) == 0) {
    idx = find_key(ld, p, klen - SMS_SUFFIX_LEN);
    sms = 1;
  }
  if (idx < 0) {
    /* Its text is still read, for syntax, but not its placeholders. */
    diag_error(ld->diag, ld->path, lineno, "unknown key '%s'", ld->name.data);
  } else {
    sl = &ld->slots[idx];
    ld->allowed = ld->keys[idx].placeholders != NULL ?
                  ld->keys[idx].placeholders : "";
    if (sl->line[sms] != 0) {
      diag_error(ld->diag, ld->path, lineno,
                 "duplicate key '%s' (first defined at line %d)",
                 ld->name.data, sl->line[sms]);
    } else {
      sl->line[sms] = lineno;
      ld->text = &sl->text[sms];
      ld->bad = &sl->bad[sms];
    }
  }
  add_value(ld, lineno, eq + 1, n - (size_t)(eq - p) - 1, 1);
}

/*
 * Read one line, p[0..n) without its line ending (comment lines do not
 * come here); broken: it holds a NUL byte or invalid UTF-8, already
 * reported.
 */
static void
read_line(struct loader *ld, int lineno, const char *p, size_t n, int broken)
{
  size_t i;

  for (i = 0; i < n && is_blank(p[i]); i++)
    ;
  if (i == n) {
    if (ld->in_entry && ld->has_text)
      ld->blanks++;
    return;
  }
  if (i > 0) {
    if (!ld->in_entry)
      diag_error(ld->diag, ld->path, lineno,
                 "indented line before the first key (a continuation line "
                 "must follow a 'key = text' line)");
    else
      add_value(ld, lineno, p, n, 0);
  } else {
    finish_entry(ld);
    start_entry(ld, lineno, p, n);
  }
  if (broken && ld->bad != NULL)
    *ld->bad = 1;
}


/* One SMS text to measure, in file order. */
struct sms_check {
  int line;
  int idx;
  int sms;
};

static int
sms_check_cmp(const void *a, const void *b)
{
  const struct sms_check *x = a, *y = b;

  return (x->line > y->line) - (x->line < y->line);
}

/*
 * Warn about every SMS text (the .sms variant, else the long text) that
 * needs more than two segments or characters outside GSM-7, in the order
 * of the file.  Placeholders are measured as written.
 */
static void
check_sms(struct loader *ld)
{
  struct sms_check *v;
  struct sms_info info;
  const struct slot *sl;
  const char *text, *odd;
  size_t oddlen;
  uint32_t cp;
  int i, n = 0;

  v = calloc((size_t)ld->nkeys + 1, sizeof(*v));
  if (v == NULL) {
    note_rc(ld, -ENOMEM);
    return;
  }
  for (i = 0; i < ld->nkeys; i++) {
    sl = &ld->slots[i];
    if (sl->line[1] != 0 && !sl->bad[1])
      v[n++] = (struct sms_check){sl->line[1], i, 1};
    else if (sl->line[1] == 0 && sl->line[0] != 0 && !sl->bad[0])
      v[n++] = (struct sms_check){sl->line[0], i, 0};
  }
  qsort(v, (size_t)n, sizeof(*v), sms_check_cmp);
  for (i = 0; i < n; i++) {
    sl = &ld->slots[v[i].idx];
    text = sl->text[v[i].sms].data != NULL ? sl->text[v[i].sms].data : "";
    sms_measure(text, &info);
    if (info.segments > CATALOG_MAX_SEGMENTS)
      diag_warn(ld->diag, ld->path, v[i].line,
                "'%s%s' needs %d SMS segments (keep SMS texts within %d: "
                "add or shorten a .sms variant)", ld->keys[v[i].idx].key,
                v[i].sms ? SMS_SUFFIX : "", info.segments,
                CATALOG_MAX_SEGMENTS);
    if (!info.gsm7) {
      odd = sms_non_gsm7(text, &oddlen);
      if (odd == NULL || utf8_decode(odd, oddlen, &cp) == 0)
        cp = UTF8_REPLACEMENT;
      /* Control characters (a tab, say) are shown by number only. */
      if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        oddlen = 0;
      diag_warn(ld->diag, ld->path, v[i].line,
                "'%s%s' has characters outside GSM-7: will be sent as "
                "UCS-2 (first: %s%.*s%sU+%04X)", ld->keys[v[i].idx].key,
                v[i].sms ? SMS_SUFFIX : "", oddlen > 0 ? "\"" : "",
                (int)oddlen, oddlen > 0 ? odd : "", oddlen > 0 ? "\" " : "",
                (unsigned)cp);
    }
  }
  free(v);
}

static int
entry_cmp(const void *a, const void *b)
{
  const struct entry *x = a, *y = b;

  return strcmp(x->key, y->key);
}

/* Build the catalogue from the slots of a load without errors. */
static int
build(struct loader *ld, struct catalog **out)
{
  struct catalog *cat = calloc(1, sizeof(*cat));
  struct entry *e;
  int i;

  if (cat == NULL)
    return -ENOMEM;
  cat->v = calloc((size_t)ld->nkeys + 1, sizeof(*cat->v));
  if (cat->v == NULL) {
    free(cat);
    return -ENOMEM;
  }
  for (i = 0; i < ld->nkeys; i++) {
    if (ld->slots[i].line[0] == 0)
      continue;
    e = &cat->v[cat->n++];
    e->key = strdup(ld->keys[i].key);
    e->text = buf_steal(&ld->slots[i].text[0]);
    if (ld->slots[i].line[1] != 0)
      e->sms = buf_steal(&ld->slots[i].text[1]);
    if (e->key == NULL || e->text == NULL ||
        (ld->slots[i].line[1] != 0 && e->sms == NULL)) {
      catalog_free(cat);
      return -ENOMEM;
    }
  }
  qsort(cat->v, cat->n, sizeof(*cat->v), entry_cmp);
  *out = cat;
  return 0;
}

/*
 * Read the file line by line through the loader, then report missing
 * keys and SMS costs; keep the result only when this load added no error.
 */
int
catalog_load(const char *path, const struct catalog_key *keys, int nkeys,
             struct catalog **out, struct diag *diag)
{
  struct loader ld;
  struct diag local;
  struct lines ls;
  const char *p;
  size_t len;
  int rc, i, errors;

  *out = NULL;
  if (diag == NULL) {
    diag_init(&local);
    diag = &local;
  }
  errors = diag->errors;
  rc = lines_open(&ls, path, CATALOG_MAX_SIZE,
                  LINES_CHECK | LINES_COMMENT_LINE, diag);
  if (rc != 0)
    goto done;
  memset(&ld, 0, sizeof(ld));
  ld.path = path;
  ld.keys = keys;
  ld.nkeys = nkeys > 0 ? nkeys : 0;
  ld.diag = diag;
  ld.slots = calloc((size_t)ld.nkeys + 1, sizeof(*ld.slots));
  if (ld.slots == NULL) {
    rc = -ENOMEM;
    goto done;
  }
  while (ld.rc == 0 && lines_next(&ls, &p, &len))
    read_line(&ld, ls.lineno, p, len, ls.bad);
  finish_entry(&ld);
  for (i = 0; i < ld.nkeys; i++)
    if (ld.slots[i].line[0] == 0)
      diag_error(diag, path, 0, "missing key '%s'", keys[i].key);
  if (ld.rc == 0)
    check_sms(&ld);
  rc = ld.rc;
  if (rc == 0)
    rc = diag->errors > errors ? AERR_CONFIG : build(&ld, out);
  for (i = 0; i < ld.nkeys; i++) {
    buf_free(&ld.slots[i].text[0]);
    buf_free(&ld.slots[i].text[1]);
  }
  free(ld.slots);
  buf_free(&ld.name);
  buf_free(&ld.scratch);
  buf_free(&ld.line);
done:
  lines_close(&ls);
  if (diag == &local)
    diag_free(&local);
  return rc;
}

void
catalog_free(struct catalog *cat)
{
  size_t i;

  if (cat == NULL)
    return;
  for (i = 0; i < cat->n; i++) {
    free(cat->v[i].key);
    free(cat->v[i].text);
    free(cat->v[i].sms);
  }
  free(cat->v);
  free(cat);
}

/* bsearch's comparison of a key string with an entry. */
static int
key_entry_cmp(const void *key, const void *e)
{
  return strcmp(key, ((const struct entry *)e)->key);
}

static const struct entry *
find_entry(const struct catalog *cat, const char *key)
{
  if (cat == NULL || key == NULL || cat->n == 0)
    return NULL;
  return bsearch(key, cat->v, cat->n, sizeof(*cat->v), key_entry_cmp);
}

const char *
catalog_text(const struct catalog *cat, const char *key, int sms)
{
  const struct entry *e = find_entry(cat, key);

  if (e == NULL)
    return NULL;
  return sms && e->sms != NULL ? e->sms : e->text;
}

/* The value of placeholder name[0..n), or NULL. */
static const char *
var_value(const struct catalog_var *vars, int nvars, const char *name,
          size_t n)
{
  int i;

  for (i = 0; i < nvars; i++)
    if (vars[i].name != NULL && strlen(vars[i].name) == n &&
        memcmp(vars[i].name, name, n) == 0)
      return vars[i].value;
  return NULL;
}

/*
 * Copy the text to out a run at a time, replacing each {name} and
 * undoubling "{{" and "}}".  A brace that is none of these (loading
 * refuses them, so only a text built by hand has one) is copied as is.
 * On failure out is cut back to what it held before.
 */
int
catalog_render(const struct catalog *cat, const char *key, int sms,
               const struct catalog_var *vars, int nvars, struct buf *out)
{
  const char *s = catalog_text(cat, key, sms), *run, *val;
  size_t start = out->len, j;
  int rc = 0;

  if (s == NULL)
    return AERR_NOTFOUND;
  run = s;
  while (*s != '\0' && rc == 0) {
    if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
      rc = buf_append(out, run, (size_t)(s - run) + 1);
      s += 2;
      run = s;
      continue;
    }
    if (s[0] == '{') {
      for (j = 1; is_name_char(s[j]); j++)
        ;
      if (s[j] == '}' && j > 1) {
        rc = buf_append(out, run, (size_t)(s - run));
        val = var_value(vars, nvars, s + 1, j - 1);
        if (rc == 0 && val != NULL)
          rc = buf_puts(out, val);
        s += j + 1;
        run = s;
        continue;
      }
    }
    s++;
  }
  if (rc == 0)
    rc = buf_append(out, run, (size_t)(s - run));
  if (rc != 0 && out->data != NULL) {
    out->len = start;
    out->data[start] = '\0';
  }
  return rc;
}
