/*
 * form.c: urlencoded name/value pairs (see form.h).
 */
#include "base/form.h"

#include <stdlib.h>
#include <string.h>

#include "base/err.h"

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

const struct form_pair *
form_find(const struct form *f, const char *name)
{
  int i;

  for (i = 0; i < f->n; i++)
    if (f->v[i].name != NULL && strcmp(f->v[i].name, name) == 0)
      return &f->v[i];
  return NULL;
}

const char *
form_get(const struct form *f, const char *name)
{
  const struct form_pair *p = form_find(f, name);

  /* A value with a NUL inside would read as the bytes before it: an id
   * "abc%00def" would pass for "abc".  As a C string it is absent. */
  if (p == NULL || strlen(p->value) != p->value_len)
    return NULL;
  return p->value;
}

/* 1 for the bytes RFC 3986 calls unreserved, which need no escape. */
static int
unreserved(unsigned char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

int
form_encode(struct buf *out, const void *p, size_t n)
{
  static const char hex[] = "0123456789ABCDEF";
  const unsigned char *b = p;
  char chunk[192];
  size_t i, k = 0, start = out->len;
  int rc = 0;

  for (i = 0; i < n && rc == 0; i++) {
    if (k + 3 > sizeof(chunk)) {
      rc = buf_append(out, chunk, k);
      k = 0;
    }
    if (unreserved(b[i])) {
      chunk[k++] = (char)b[i];
    } else if (b[i] == ' ') {
      chunk[k++] = '+';
    } else {
      chunk[k++] = '%';
      chunk[k++] = hex[b[i] >> 4];
      chunk[k++] = hex[b[i] & 15];
    }
  }
  if (rc == 0 && k > 0)
    rc = buf_append(out, chunk, k);
  if (rc != 0 && out->data != NULL) {
    out->len = start;
    out->data[start] = '\0';
  }
  return rc;
}
