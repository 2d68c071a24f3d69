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

/* ---- GSM-7-safe replies ---------------------------------------------- */

/* Code points mapped to a GSM-7 spelling. */
static const struct {
  uint32_t cp;
  const char *to;
} gsm7_map[] = {
  {0x2018, "'"}, {0x2019, "'"}, {0x201A, "'"}, {0x201B, "'"},
  {0x2032, "'"}, {0x00B4, "'"}, {0x0060, "'"}, {0x02BC, "'"},
  {0x201C, "\""}, {0x201D, "\""}, {0x201E, "\""}, {0x201F, "\""},
  {0x2033, "\""}, {0x00AB, "\""}, {0x00BB, "\""},
  {0x2010, "-"}, {0x2011, "-"}, {0x2012, "-"}, {0x2013, "-"},
  {0x2014, "-"}, {0x2015, "-"}, {0x2212, "-"}, {0x2022, "-"},
  {0x2023, "-"}, {0x2043, "-"}, {0x00B7, "-"}, {0x2026, "..."},
  {0x00A0, " "}, {0x202F, " "}, {0x205F, " "}, {0x3000, " "},
  {0x00E1, "a"}, {0x00E2, "a"}, {0x00E3, "a"}, {0x0101, "a"},
  {0x00C1, "A"}, {0x00C0, "A"}, {0x00C2, "A"}, {0x00C3, "A"},
  {0x00EA, "e"}, {0x00EB, "e"}, {0x0113, "e"}, {0x00C8, "E"},
  {0x00CA, "E"}, {0x00CB, "E"}, {0x00ED, "i"}, {0x00EE, "i"},
  {0x00EF, "i"}, {0x012B, "i"}, {0x00CD, "I"}, {0x00CC, "I"},
  {0x00CE, "I"}, {0x00CF, "I"}, {0x00F3, "o"}, {0x00F4, "o"},
  {0x00F5, "o"}, {0x014D, "o"}, {0x00D3, "O"}, {0x00D2, "O"},
  {0x00D4, "O"}, {0x00D5, "O"}, {0x00FA, "u"}, {0x00FB, "u"},
  {0x016B, "u"}, {0x00DA, "U"}, {0x00D9, "U"}, {0x00DB, "U"},
  {0x00E7, "c"}, {0x00FD, "y"}, {0x00FF, "y"}, {0x00DD, "Y"},
  {0x00B0, "o"}, {0x20AC, "EUR"},
};

/* 1 when cp is dropped from an SMS reply: emoji and pictographs, their
 * modifiers and joiners, variation selectors, zero-width characters. */
static int
gsm7_dropped(uint32_t cp)
{
  return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
         (cp >= 0x2B00 && cp <= 0x2BFF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF ||
         (cp >= 0xE0000 && cp <= 0xE007F) || cp == 0x20E3;
}

/* The GSM-7 spelling of cp (from gsm7_map, or a fullwidth form's ASCII
 * letter written into tmp), or NULL. */
static const char *
gsm7_spelling(uint32_t cp, char tmp[2])
{
  size_t i;

  if (cp >= 0x2000 && cp <= 0x200A)
    return " ";
  if (cp >= 0xFF01 && cp <= 0xFF5E) {
    tmp[0] = (char)(cp - 0xFF01 + '!');
    tmp[1] = '\0';
    return tmp;
  }
  for (i = 0; i < sizeof(gsm7_map) / sizeof(gsm7_map[0]); i++)
    if (gsm7_map[i].cp == cp)
      return gsm7_map[i].to;
  return NULL;
}

int
sms_gsm7_safe(const char *s, struct buf *out)
{
  size_t n = strlen(s), i = 0;
  int len, dropped = 0, rc = 0;
  uint32_t cp;
  const char *to;
  char tmp[2];

  while (rc == 0 && i < n) {
    len = utf8_decode(s + i, n - i, &cp);
    if (len == 0)
      len = 1;
    if (gsm7_septets(cp) > 0 && cp != '`') {
      /* A blank left doubled by a dropped character goes too. */
      if (!(cp == ' ' && dropped && out->len > 0 &&
            out->data[out->len - 1] == ' '))
        rc = buf_append(out, s + i, (size_t)len);
      dropped = 0;
    } else if (gsm7_dropped(cp)) {
      dropped = 1;
    } else if ((to = gsm7_spelling(cp, tmp)) != NULL) {
      rc = buf_append(out, to, strlen(to));
      dropped = 0;
    } else {
      rc = buf_append(out, s + i, (size_t)len);
      dropped = 0;
    }
    i += (size_t)len;
  }
  return rc;
}
