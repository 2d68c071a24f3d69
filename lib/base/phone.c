/*
 * phone.c: E.164 normalisation (see phone.h).
 *
 * Indonesian numbers are +62 followed by 8 to 12 digits (mobile numbers
 * are 9 to 12 after the 8 that follows the trunk 0; landlines are
 * shorter).  Other countries are accepted in international form only,
 * with the E.164 bounds of 8 to 15 digits in all.
 */
#include "base/phone.h"

#include <string.h>
#include <strings.h>

#include "base/err.h"

#define ID_MIN_NATIONAL 8   /* digits after 62 */
#define ID_MAX_NATIONAL 12
#define E164_MIN 8
#define E164_MAX 15
#define SCHEME_MAX 16       /* letters of a scheme before the number */

static int
is_separator(char c)
{
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' ||
         c == '\t';
}

/* The length of a URI scheme and its ':' at the start of p ("tel:"), or 0:
 * 2 to SCHEME_MAX letters, then ':'. */
static size_t
scheme_len(const char *p)
{
  size_t n = 0;

  while (n <= SCHEME_MAX && ((p[n] >= 'a' && p[n] <= 'z') ||
                             (p[n] >= 'A' && p[n] <= 'Z')))
    n++;
  return n >= 2 && n <= SCHEME_MAX && p[n] == ':' ? n + 1 : 0;
}

int
phone_normalize(const char *in, char out[PHONE_MAX])
{
  char digits[32];
  size_t n = 0, i;
  int plus = 0;
  const char *p = in;

  out[0] = '\0';
  if (p == NULL)
    return AERR_PARSE;
  while (*p == ' ' || *p == '\t')
    p++;
  /* An address scheme written before the number (RFC 3966's tel:, or the
   * channel prefix Twilio writes before a WhatsApp sender) is a form of
   * the number, not a fact this file judges: which channel sends what is
   * the adapters' (provider_send_family).  Letters, then ':'. */
  p += scheme_len(p);
  while (*p == ' ')
    p++;
  if (*p == '+') {
    plus = 1;
    p++;
  }
  for (; *p != '\0'; p++) {
    if (*p >= '0' && *p <= '9') {
      if (n + 1 >= sizeof(digits))
        return AERR_PARSE;
      digits[n++] = *p;
    } else if (!is_separator(*p)) {
      return AERR_PARSE;
    }
  }
  digits[n] = '\0';
  if (n == 0)
    return AERR_PARSE;

  /* "00" is the international call prefix: the same as '+'. */
  if (!plus && n > 2 && digits[0] == '0' && digits[1] == '0') {
    memmove(digits, digits + 2, n - 1);
    n -= 2;
    plus = 1;
  }

  if (!plus) {
    if (digits[0] == '0') {
      /* National form: 0 is the trunk prefix of Indonesia. */
      if (n - 1 < ID_MIN_NATIONAL || n - 1 > ID_MAX_NATIONAL)
        return AERR_PARSE;
      out[0] = '+';
      out[1] = '6';
      out[2] = '2';
      memcpy(out + 3, digits + 1, n);  /* includes the NUL */
      return 0;
    }
    if (n > 2 && digits[0] == '6' && digits[1] == '2')
      plus = 1;  /* 62... without the plus, as WhatsApp sends it */
    else
      return AERR_PARSE;
  }

  if (n < E164_MIN || n > E164_MAX || digits[0] == '0')
    return AERR_PARSE;
  if (digits[0] == '6' && digits[1] == '2' &&
      (n - 2 < ID_MIN_NATIONAL || n - 2 > ID_MAX_NATIONAL || digits[2] == '0'))
    return AERR_PARSE;
  out[0] = '+';
  for (i = 0; i <= n; i++)
    out[i + 1] = digits[i];
  return 0;
}

static int
phone_is_alpha(char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

int
phone_bsuid_ok(const char *s, size_t len)
{
  size_t i;

  if (s == NULL || len < 4 || len > PHONE_BSUID_MAX - 1)
    return 0;
  if (!phone_is_alpha(s[0]) || !phone_is_alpha(s[1]) || s[2] != '.')
    return 0;
  for (i = 3; i < len; i++)
    if (!phone_is_alpha(s[i]) && !(s[i] >= '0' && s[i] <= '9'))
      return 0;
  return 1;
}
