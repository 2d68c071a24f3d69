/*
 * form.h: application/x-www-form-urlencoded data (query strings and form
 * bodies), decoded into name/value pairs in the order they came.
 */
#ifndef ADUAN_FORM_H
#define ADUAN_FORM_H

#include <stddef.h>

#include "base/buf.h"

struct form_pair {
  char *name;
  char *value;
  size_t value_len;   /* a decoded value may hold NUL bytes */
};

struct form {
  struct form_pair *v;
  int n;
};

/* Decode s (len bytes; '+' is a space, %XX a byte).  Returns 0, -ENOMEM,
 * or AERR_PARSE for a malformed escape.  Free with form_free(). */
int form_parse(struct form *f, const char *s, size_t len);
void form_free(struct form *f);

/* The first value named name, as a C string; NULL if there is none or if
 * it holds a NUL byte (it would read short).  form_find() gives such
 * values whole. */
const char *form_get(const struct form *f, const char *name);

/* The first pair named name, or NULL: for values that may hold NUL
 * bytes (value_len says how long they are). */
const struct form_pair *form_find(const struct form *f, const char *name);

/*
 * Append the n bytes at p to out, encoded for a query string or a form
 * body: A-Z a-z 0-9 - . _ ~ stay as they are, a space becomes '+', every
 * other byte %XX (upper-case hex).  Any bytes may be given, NUL included.
 * Returns 0, or a buf error (-ENOMEM, AERR_TOOBIG) and out as it was.
 */
int form_encode(struct buf *out, const void *p, size_t n);

#endif
