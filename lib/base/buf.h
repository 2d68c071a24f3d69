/*
 * buf.h: a growable byte buffer with a hard cap.
 *
 * Request bodies, response bodies and generated text are built in a
 * struct buf.  The bytes are always followed by a NUL that is not counted
 * in len, so a buffer of text can be used as a C string.  A buffer owns
 * its memory; buf_free() releases it and leaves an empty buffer behind.
 */
#ifndef ADUAN_BUF_H
#define ADUAN_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
  char *data;   /* NULL until the first append */
  size_t len;   /* bytes in use, without the trailing NUL */
  size_t size;  /* bytes allocated */
  size_t max;   /* cap on len; 0 means no cap */
};

#define BUF_INIT {NULL, 0, 0, 0}

void buf_init(struct buf *b, size_t max);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);

/* Append bytes.  Returns 0, -ENOMEM, or AERR_TOOBIG past the cap (and then
 * the buffer is unchanged). */
int buf_append(struct buf *b, const void *p, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_printf(struct buf *b, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));
int buf_vprintf(struct buf *b, const char *fmt, va_list ap)
  __attribute__((format(printf, 2, 0)));

/* Append s as a JSON string literal, quotes included. */
int buf_json_str(struct buf *b, const char *s);

/* Take the bytes out: returns the NUL-terminated data (the caller frees
 * it) and leaves the buffer empty.  Never NULL unless allocation fails. */
char *buf_steal(struct buf *b);

#endif
