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

#endif
