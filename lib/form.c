/*
 * form.c: urlencoded name/value pairs (see form.h).
 */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

static int
hexval(char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Decode s[0..len) into a new NUL-terminated string. */
static int
decode(const char *s, size_t len, char **out, size_t *outlen)
{
  char *d = malloc(len + 1);
  size_t i, o = 0;

  if (d == NULL)
    return -ENOMEM;
  for (i = 0; i < len; i++) {
    if (s[i] == '+') {
      d[o++] = ' ';
    } else if (s[i] == '%') {
      int hi, lo;
      if (i + 2 >= len) {
        free(d);
        return AERR_PARSE;
      }
      hi = hexval(s[i + 1]);
      lo = hexval(s[i + 2]);
      if (hi < 0 || lo < 0) {
        free(d);
        return AERR_PARSE;
      }
      d[o++] = (char)(hi * 16 + lo);
      i += 2;
    } else {
      d[o++] = s[i];
    }
  }
  d[o] = '\0';
  *out = d;
  if (outlen != NULL)
    *outlen = o;
  return 0;
}

int
form_parse(struct form *f, const char *s, size_t len)
{
  size_t i = 0;
  int rc;

  f->v = NULL;
  f->n = 0;
  while (i < len) {
    size_t start = i, eq = (size_t)-1, end;
    struct form_pair *p;

    while (i < len && s[i] != '&') {
      if (s[i] == '=' && eq == (size_t)-1)
        eq = i;
      i++;
    }
    end = i;
    if (i < len)
      i++;  /* skip '&' */
    if (end == start)
      continue;
    p = realloc(f->v, (size_t)(f->n + 1) * sizeof(*p));
    if (p == NULL) {
      form_free(f);
      return -ENOMEM;
    }
    f->v = p;
    p = &f->v[f->n];
    p->name = NULL;
    p->value = NULL;
    if (eq == (size_t)-1)
      eq = end;
    rc = decode(s + start, eq - start, &p->name, NULL);
    if (rc == 0)
      rc = decode(s + (eq < end ? eq + 1 : end), eq < end ? end - eq - 1 : 0,
                  &p->value, &p->value_len);
    f->n++;
    if (rc != 0) {
      form_free(f);
      return rc;
    }
  }
  return 0;
}

void
form_free(struct form *f)
{
  int i;

  for (i = 0; i < f->n; i++) {
    free(f->v[i].name);
    free(f->v[i].value);
  }
  free(f->v);
  f->v = NULL;
  f->n = 0;
}

const char *
form_get(const struct form *f, const char *name)
{
  int i;

  for (i = 0; i < f->n; i++)
    if (f->v[i].name != NULL && strcmp(f->v[i].name, name) == 0)
      return f->v[i].value;
  return NULL;
}
