/*
 * buf.c: growable byte buffer with a cap (see buf.h).
 */
#include "base/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"

void
buf_init(struct buf *b, size_t max)
{
  b->data = NULL;
  b->len = 0;
  b->size = 0;
  b->max = max;
}

void
buf_free(struct buf *b)
{
  free(b->data);
  b->data = NULL;
  b->len = 0;
  b->size = 0;
}

void
buf_reset(struct buf *b)
{
  b->len = 0;
  if (b->data != NULL)
    b->data[0] = '\0';
}

/* Make room for n more bytes plus the trailing NUL. */
static int
buf_grow(struct buf *b, size_t n)
{
  size_t want, size;
  char *p;

  if (b->max != 0 && (n > b->max || b->len > b->max - n))
    return AERR_TOOBIG;
  if (n > ((size_t)-1) / 2 - b->len)
    return -ENOMEM;
  want = b->len + n + 1;
  if (want <= b->size)
    return 0;
  size = b->size ? b->size : 64;
  while (size < want)
    size *= 2;
  p = realloc(b->data, size);
  if (p == NULL)
    return -ENOMEM;
  b->data = p;
  b->size = size;
  return 0;
}

int
buf_append(struct buf *b, const void *p, size_t n)
{
  int rc = buf_grow(b, n);

  if (rc != 0)
    return rc;
  if (n > 0)
    memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
  return 0;
}

int
buf_puts(struct buf *b, const char *s)
{
  return buf_append(b, s, strlen(s));
}

int
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
  va_list aq;
  size_t room;
  int n, rc;

  /* Formatted once into the room already there; only text that does
   * not fit is measured there and formatted again after a grow. */
  room = b->data != NULL ? b->size - b->len : 0;
  va_copy(aq, ap);
  n = vsnprintf(room > 0 ? b->data + b->len : NULL, room, fmt, aq);
  va_end(aq);
  if (n >= 0 && (size_t)n < room) {
    rc = buf_grow(b, (size_t)n);   /* only checks the cap: it fits */
    if (rc == 0)
      b->len += (size_t)n;
    b->data[b->len] = '\0';
    return rc;
  }
  if (room > 0)
    b->data[b->len] = '\0';
  if (n < 0)
    return -EINVAL;
  rc = buf_grow(b, (size_t)n);
  if (rc != 0)
    return rc;
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
  return 0;
}

int
buf_printf(struct buf *b, const char *fmt, ...)
{
  va_list ap;
  int rc;

  va_start(ap, fmt);
  rc = buf_vprintf(b, fmt, ap);
  va_end(ap);
  return rc;
}

/* 1 when byte c goes into a JSON string as it is. */
static int
json_plain(unsigned char c)
{
  return c >= 0x20 && c != '"' && c != '\\' && c != 0x7f;
}

int
buf_json_str(struct buf *b, const char *s)
{
  static const char hex[] = "0123456789abcdef";
  const unsigned char *p = (const unsigned char *)s;
  int rc = buf_append(b, "\"", 1);

  for (; rc == 0 && *p != '\0'; p++) {
    char esc[6];
    const unsigned char *run = p;

    /* Bytes that need no escape go in one piece. */
    while (json_plain(*p))
      p++;
    if (p > run)
      rc = buf_append(b, run, (size_t)(p - run));
    if (rc != 0 || *p == '\0')
      break;
    switch (*p) {
    case '"': rc = buf_append(b, "\\\"", 2); break;
    case '\\': rc = buf_append(b, "\\\\", 2); break;
    case '\n': rc = buf_append(b, "\\n", 2); break;
    case '\r': rc = buf_append(b, "\\r", 2); break;
    case '\t': rc = buf_append(b, "\\t", 2); break;
    default:  /* the other control characters and DEL */
      memcpy(esc, "\\u00", 4);
      esc[4] = hex[*p >> 4];
      esc[5] = hex[*p & 15];
      rc = buf_append(b, esc, 6);
    }
  }
  if (rc == 0)
    rc = buf_append(b, "\"", 1);
  return rc;
}

char *
buf_steal(struct buf *b)
{
  char *p;

  if (b->data == NULL && buf_grow(b, 0) != 0)
    return NULL;
  p = b->data;
  p[b->len] = '\0';
  b->data = NULL;
  b->len = 0;
  b->size = 0;
  return p;
}
