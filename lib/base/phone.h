/*
 * phone.h: phone numbers in E.164, the one form a reporter is known by.
 *
 * Providers write the same number in many ways: "085137377763",
 * "6285137377763", "+62 851-3737-7763", "whatsapp:+6285137377763",
 * "0062851...".  All of them normalise to "+6285137377763", so that one
 * person is one reporter whichever way the number came.
 */
#ifndef ADUAN_PHONE_H
#define ADUAN_PHONE_H

#include <stddef.h>

#define PHONE_MAX 17  /* '+', at most 15 digits, NUL */

/*
 * Normalise in to E.164 into out.  Accepted: an optional URI scheme
 * before the number (tel:, or Twilio's whatsapp: channel prefix: 2 to 16
 * letters and a colon); separators (space, '-', '.', '(', ')') between digits;
 * "+CC..." and "00CC..." international forms; Indonesian national forms
 * "0..." and "62...".  Returns 0, or AERR_PARSE (out is then "") for
 * anything else: letters, too few or too many digits, empty input.
 */
int phone_normalize(const char *in, char out[PHONE_MAX]);

/*
 * WhatsApp usernames: a reporter may be known by a business-scoped user
 * id (BSUID) instead of, or beside, a number.  Its form is two ASCII
 * letters (the country), a dot and 1 to 128 ASCII letters and digits
 * ("ID.4471920083316652").  A parent BSUID ("US.ENT.1181...", shared
 * across businesses) has a second dot and is not one.  The value is kept
 * exactly as given.
 */
#define PHONE_BSUID_MAX (2 + 1 + 128 + 1)

/* 1 when s[0..len) has the BSUID form, else 0. */
int phone_bsuid_ok(const char *s, size_t len);

#endif
