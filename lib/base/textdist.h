/*
 * textdist.h: how far apart two short words are, for the places of the
 * gazetteer and the command words of the conversation that forgive a
 * typo.
 */
#ifndef ADUAN_TEXTDIST_H
#define ADUAN_TEXTDIST_H

/* The longest word (in bytes) textdist_osa() compares. */
#define TEXTDIST_WORD_MAX 64

/*
 * The optimal-string-alignment distance (Levenshtein plus transposition
 * of two neighbours) between a[0..n) and b[0..m), compared byte by byte.
 * Any value above max is returned as max + 1, as soon as it is certain;
 * so is any pair with a word longer than TEXTDIST_WORD_MAX.  Allocates
 * nothing.
 */
int textdist_osa(const char *a, int n, const char *b, int m, int max);

#endif
