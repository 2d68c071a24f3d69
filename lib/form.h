/*
 * form.h: application/x-www-form-urlencoded data (query strings and form
 * bodies), decoded into name/value pairs in the order they came.
 */
#ifndef ADUAN_FORM_H
#define ADUAN_FORM_H

#include <stddef.h>

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

/* The first value named name, or NULL. */
const char *form_get(const struct form *f, const char *name);

#endif
