/*
 * utf8.h: strict UTF-8 decoding, shared by the SMS measurement and the
 * readers of files that admins edit.
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

#endif
