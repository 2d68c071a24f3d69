/*
 * utf8.h: strict UTF-8 decoding, shared by the SMS measurement, the
 * readers of files that admins edit and the channel adapters that clean
 * the text providers hand us.
 *
 * Well-formed means RFC 3629: no overlong forms, no UTF-16 surrogates
 * (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequence.
 */
#ifndef ADUAN_UTF8_H
#define ADUAN_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/*
 * Decode the code point at s[0..n), n > 0.  Returns its length in bytes
 * (1 to 4) with *cp set, or 0 when s does not start with a well-formed
 * sequence: then *cp is U+FFFD and the caller moves on by one byte, so
 * that each byte of a bad sequence stands for one replacement character.
 */
int utf8_decode(const char *s, size_t n, uint32_t *cp);

/* The offset of the first byte of s[0..n) that is not part of well-formed
 * UTF-8; n when all of it is. */
size_t utf8_check(const char *s, size_t n);

/*
 * A copy of s[0..n) that is safe to keep as text: well-formed UTF-8
 * passes unchanged; each byte that is not part of a well-formed sequence,
 * and each NUL byte, becomes U+FFFD.  The copy is NUL-terminated and the
 * caller frees it.  NULL when out of memory.
 */
char *utf8_sanitize(const char *s, size_t n);

#endif
