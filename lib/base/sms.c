/*
 * sms.c: SMS alphabets, segment counts and the UCS-2 encoding handed to
 * SMS gateways (see sms.h).
 *
 * Segments are counted by packing the text into them in order, as a
 * sending handset or SMSC does: an extension character (escape plus
 * character) or a surrogate pair is never split across two segments, so a
 * two-unit character that would straddle a boundary starts the next
 * segment.  For texts without such characters this is exactly
 * ceil(units / 153) or ceil(units / 67).
 */
#include "base/sms.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "base/utf8.h"

#define GSM7_SINGLE 160   /* septets in a lone SMS */
#define GSM7_PART 153     /* septets per part of a concatenated SMS */
#define UCS2_SINGLE 70    /* UTF-16 units in a lone SMS */
#define UCS2_PART 67      /* UTF-16 units per part of a concatenated SMS */

/*
 * Septets that code point cp takes in GSM-7: 1 for the default alphabet,
 * 2 for the extension table (escape plus character), 0 when it has no
 * GSM-7 form at all.
 */
static int
gsm7_septets(uint32_t cp)
{
  if (cp < 0x80) {
    if (cp == '\n' || cp == '\r')
      return 1;
    if (cp == '\f')
      return 2;
    if (cp < 0x20 || cp == 0x7F || cp == '`')
      return 0;
    if (strchr("^{}\\[~]|", (int)cp) != NULL)
      return 2;
    return 1;
  }
  switch (cp) {
  case 0x00A3: /* pound sign */
  case 0x00A5: /* yen sign */
  case 0x00E8: /* e grave */
  case 0x00E9: /* e acute */
  case 0x00F9: /* u grave */
  case 0x00EC: /* i grave */
  case 0x00F2: /* o grave */
  case 0x00C7: /* capital C cedilla */
  case 0x00D8: /* capital O stroke */
  case 0x00F8: /* o stroke */
  case 0x00C5: /* capital A ring */
  case 0x00E5: /* a ring */
  case 0x0394: /* capital delta */
  case 0x03A6: /* capital phi */
  case 0x0393: /* capital gamma */
  case 0x039B: /* capital lambda */
  case 0x03A9: /* capital omega */
  case 0x03A0: /* capital pi */
  case 0x03A8: /* capital psi */
  case 0x03A3: /* capital sigma */
  case 0x0398: /* capital theta */
  case 0x039E: /* capital xi */
  case 0x00C6: /* capital AE */
  case 0x00E6: /* ae */
  case 0x00DF: /* sharp s */
  case 0x00C9: /* capital E acute */
  case 0x00A4: /* currency sign */
  case 0x00A1: /* inverted exclamation mark */
  case 0x00C4: /* capital A diaeresis */
  case 0x00D6: /* capital O diaeresis */
  case 0x00D1: /* capital N tilde */
  case 0x00DC: /* capital U diaeresis */
  case 0x00A7: /* section sign */
  case 0x00BF: /* inverted question mark */
  case 0x00E4: /* a diaeresis */
  case 0x00F6: /* o diaeresis */
  case 0x00F1: /* n tilde */
  case 0x00FC: /* u diaeresis */
  case 0x00E0: /* a grave */
    return 1;
  case 0x20AC: /* euro sign, in the extension table */
    return 2;
  default:
    return 0;
  }
}

/* One packing of units into segments of part units each. */
struct packing {
  size_t units;   /* all units so far */
  size_t parts;   /* segments opened so far */
  size_t used;    /* units in the last segment */
};

/* Add a character of cost units; it starts a new segment when it does not
 * fit whole in the current one. */
static void
pack(struct packing *pk, size_t cost, size_t part)
{
  pk->units += cost;
  if (pk->parts == 0 || pk->used + cost > part) {
    pk->parts++;
    pk->used = cost;
  } else {
    pk->used += cost;
  }
}

/* Segments for a packing: none for nothing, one when the whole text fits
 * a lone SMS, else the concatenated parts. */
static int
segments(const struct packing *pk, size_t single)
{
  if (pk->units == 0)
    return 0;
  if (pk->units <= single)
    return 1;
  return pk->parts > (size_t)INT_MAX ? INT_MAX : (int)pk->parts;
}

static int
clamp_int(size_t v)
{
  return v > (size_t)INT_MAX ? INT_MAX : (int)v;
}

void
sms_measure(const char *s, struct sms_info *info)
{
  struct packing gsm = {0, 0, 0}, ucs = {0, 0, 0};
  size_t n = strlen(s), i = 0;
  int gsm7 = 1, bad = 0, len, septets;
  uint32_t cp;

  while (i < n) {
    len = utf8_decode(s + i, n - i, &cp);
    i += len == 0 ? 1 : (size_t)len;
    if (len == 0)
      bad = 1;
    if (gsm7) {
      /* A replacement for a bad byte has no GSM-7 form, even though the
       * decoder hands back U+FFFD for it. */
      septets = len == 0 ? 0 : gsm7_septets(cp);
      if (septets == 0)
        gsm7 = 0;
      else
        pack(&gsm, (size_t)septets, GSM7_PART);
    }
    pack(&ucs, cp > 0xFFFF ? 2 : 1, UCS2_PART);
  }
  info->gsm7 = gsm7;
  info->bad_utf8 = bad;
  if (gsm7) {
    info->units = clamp_int(gsm.units);
    info->segments = segments(&gsm, GSM7_SINGLE);
  } else {
    info->units = clamp_int(ucs.units);
    info->segments = segments(&ucs, UCS2_SINGLE);
  }
}

const char *
sms_non_gsm7(const char *s, size_t *len)
{
  size_t n = strlen(s), i = 0;
  uint32_t cp;
  int l;

  while (i < n) {
    l = utf8_decode(s + i, n - i, &cp);
    if (l == 0 || gsm7_septets(cp) == 0) {
      *len = l == 0 ? 1 : (size_t)l;
      return s + i;
    }
    i += (size_t)l;
  }
  *len = 0;
  return NULL;
}

/* Put one UTF-16 code unit, big-endian, at p. */
static size_t
put_unit(unsigned char *p, uint32_t u)
{
  p[0] = (unsigned char)(u >> 8);
  p[1] = (unsigned char)(u & 0xFF);
  return 2;
}

/*
 * The encoding is built in a small chunk and appended a chunk at a time;
 * when an append fails, out is cut back to what it held before, so a
 * failure never leaves half a text behind.
 */
int
sms_to_ucs2(const char *s, struct buf *out)
{
  unsigned char chunk[256];
  size_t n = strlen(s), i = 0, k = 0, start = out->len;
  uint32_t cp;
  int len, rc = 0;

  while (i < n && rc == 0) {
    len = utf8_decode(s + i, n - i, &cp);
    i += len == 0 ? 1 : (size_t)len;
    if (k + 4 > sizeof(chunk)) {
      rc = buf_append(out, chunk, k);
      k = 0;
    }
    if (cp > 0xFFFF) {
      cp -= 0x10000;
      k += put_unit(chunk + k, 0xD800 | (cp >> 10));
      k += put_unit(chunk + k, 0xDC00 | (cp & 0x3FF));
    } else {
      k += put_unit(chunk + k, cp);
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
