/*
 * utf8.c: strict UTF-8 decoding (see utf8.h).
 */
#include "base/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Is c a continuation byte (10xxxxxx)? */
static int
is_cont(unsigned char c)
{
  return (c & 0xC0) == 0x80;
}

/*
 * The lead byte fixes the length and, for E0, ED, F0 and F4, a narrower
 * range for the second byte: that is what rules out overlong forms,
 * surrogates and code points above U+10FFFF without decoding first.
 */
int
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
  const unsigned char *p = (const unsigned char *)s;
  unsigned char lo = 0x80, hi = 0xBF;
  int len;
  uint32_t v;
  int i;

  *cp = UTF8_REPLACEMENT;
  if (n == 0)
    return 0;
  if (p[0] < 0x80) {
    *cp = p[0];
    return 1;
  }
  if (p[0] >= 0xC2 && p[0] <= 0xDF) {
    len = 2;
    v = p[0] & 0x1F;
  } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
    len = 3;
    v = p[0] & 0x0F;
    if (p[0] == 0xE0)
      lo = 0xA0;
    else if (p[0] == 0xED)
      hi = 0x9F;
  } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
    len = 4;
    v = p[0] & 0x07;
    if (p[0] == 0xF0)
      lo = 0x90;
    else if (p[0] == 0xF4)
      hi = 0x8F;
  } else {
    return 0;
  }
  if (n < (size_t)len || p[1] < lo || p[1] > hi)
    return 0;
  for (i = 1; i < len; i++) {
    if (!is_cont(p[i]))
      return 0;
    v = (v << 6) | (p[i] & 0x3F);
  }
  *cp = v;
  return len;
}

size_t
utf8_check(const char *s, size_t n)
{
  size_t i = 0;
  uint32_t cp;
  int len;

  while (i < n) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    len = utf8_decode(s + i, n - i, &cp);
    if (len == 0)
      return i;
    i += (size_t)len;
  }
  return n;
}

char *
utf8_sanitize(const char *s, size_t n)
{
  char *out, *o;
  size_t i = 0;
  uint32_t cp;
  int len;

  /* Each input byte yields at most the three bytes of U+FFFD. */
  if (n > (SIZE_MAX - 1) / 3)
    return NULL;
  out = malloc(3 * n + 1);
  if (out == NULL)
    return NULL;
  o = out;
  while (i < n) {
    if (s[i] != '\0' && (unsigned char)s[i] < 0x80) {
      *o++ = s[i++];
      continue;
    }
    len = s[i] == '\0' ? 0 : utf8_decode(s + i, n - i, &cp);
    if (len == 0) {
      memcpy(o, "\xef\xbf\xbd", 3);
      o += 3;
      i++;
      continue;
    }
    memcpy(o, s + i, (size_t)len);
    o += len;
    i += (size_t)len;
  }
  *o = '\0';
  return out;
}
