/*
 * err.h: the error codes of libaduan.
 *
 * Every function that can fail returns 0 on success or a negative code.
 * System failures are the negated errno (-ENOMEM, -EIO, ...); failures that
 * are ours have their own range below AERR_BASE, so the two never collide.
 * Text for humans travels separately (an out-parameter or a log line from
 * the layer that decides what happened); err_name() and err_str() give the
 * stable name and a short description of any code.
 */
#ifndef ADUAN_ERR_H
#define ADUAN_ERR_H

#include <errno.h>

#define AERR_BASE (-4000)

/* XX(name, description).  The order fixes the numbers: append only. */
#define AERR_MAP(XX)                                                   \
  XX(PARSE, "malformed input")                                        \
  XX(CONFIG, "invalid configuration")                                 \
  XX(NOTFOUND, "not found")                                           \
  XX(DUP, "already seen")                                             \
  XX(TOOBIG, "too large")                                             \
  XX(AUTH, "authentication failed")                                   \
  XX(SCHEMA, "database schema is newer than this program")            \
  XX(STORE, "database error")                                         \
  XX(RANGE, "value out of range")                                     \
  XX(STATE, "operation not valid in this state")                      \
  XX(UNSUPPORTED, "not supported")                                    \
  XX(DENIED, "not allowed")

enum err_code {
  AERR_OK = 0,
  AERR_FIRST_ = AERR_BASE,
#define XX(name, desc) AERR_##name,
  AERR_MAP(XX)
#undef XX
  AERR_LAST_
};

/* Stable name of a code ("AERR_PARSE", "ENOMEM"); never NULL. */
const char *err_name(int code);

/* Short description of a code, for humans; never NULL. */
const char *err_str(int code);

#endif
