/*
 * sms.h: SMS economy: which alphabet a text needs and how many segments
 * it costs, and the encodings an SMS gateway is given.
 *
 * GSM-7 (3GPP TS 23.038, default alphabet and its extension table) takes
 * 160 characters in one SMS, 153 per segment when concatenated; extension
 * characters ({ } [ ] ~ \ | ^ euro) count twice.  Anything else needs UCS-2:
 * 70 characters alone, 67 per segment (characters outside the BMP count
 * twice, as surrogate pairs).  An extension character or a surrogate pair
 * is never split between two segments: where one would straddle a
 * boundary it starts the next segment, as handsets and SMSCs do.
 */
#ifndef ADUAN_SMS_H
#define ADUAN_SMS_H

#include <stddef.h>

#include "base/buf.h"

struct sms_info {
  int gsm7;        /* 1: the whole text fits GSM-7 */
  int units;       /* septets (GSM-7) or UTF-16 code units (UCS-2) */
  int segments;    /* SMS messages needed; 0 for an empty text */
  int bad_utf8;    /* 1: the input was not valid UTF-8 */
};

/* Measure the UTF-8 text s. */
void sms_measure(const char *s, struct sms_info *info);

/* The first character of s outside GSM-7 (or the first byte that is not
 * UTF-8), with its length in bytes in *len; NULL when s is all GSM-7.  For
 * messages that point an admin at the character to replace. */
const char *sms_non_gsm7(const char *s, size_t *len);

/*
 * Append to out a GSM-7-safe form of UTF-8 s, for replies on SMS
 * channels, where one character outside GSM-7 turns the whole message
 * into UCS-2 (70 characters a segment instead of 160):
 *  - typographic quotes, primes and accents become ' and ", dashes and
 *    minus -, the ellipsis ..., bullets -, odd spaces a blank, and the
 *    backtick ';
 *  - accented letters GSM-7 lacks become the plain letter (a look-alike:
 *    "Jos\u00e9" keeps its e acute, which GSM-7 has; "\u00e2" becomes
 *    "a"), fullwidth ASCII becomes ASCII;
 *  - emoji, pictographs, variation selectors and zero-width characters
 *    are dropped, with a blank they leave doubled;
 *  - anything else (another script) is kept as it is, so a name is never
 *    changed beyond recognition: such a text still goes as UCS-2.
 * Digits and ASCII letters are never changed.  Returns 0 or a buf error.
 */
int sms_gsm7_safe(const char *s, struct buf *out);

/* Append the UTF-16BE encoding of UTF-8 s to out (invalid sequences
 * become U+FFFD).  Returns 0 or a buf error. */
int sms_to_ucs2(const char *s, struct buf *out);

#endif
