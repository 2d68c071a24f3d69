/*
 * fuzzutil.h: what the libFuzzer harnesses of tests/fuzz share.
 *
 * Each harness fuzz_<target>.c defines LLVMFuzzerTestOneInput (and, when
 * it needs set-up, LLVMFuzzerInitialize) and is its own executable; run
 * them with tests/fuzz/run.sh.  The helpers here give every harness the
 * same process set-up (quiet logs that are still formatted, SIGPIPE
 * ignored, no systemd credentials, one temporary folder per process) and
 * the one input format the channel harnesses read.
 *
 * A harness checks the documented promises of the code it drives with
 * FZ_CHECK: a broken promise aborts, and libFuzzer keeps the input that
 * broke it, as it does for a crash.
 */
#ifndef ADUAN_FUZZUTIL_H
#define ADUAN_FUZZUTIL_H

#include <stddef.h>
#include <stdint.h>

#include "conf/config.h"
#include "io/httpd.h"

/* The entry points libFuzzer calls. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the condition's text when cond is false. */
#define FZ_CHECK(cond)                                                     \
  do {                                                                     \
    if (!(cond))                                                           \
      fz_fail(__FILE__, __LINE__, #cond);                                  \
  } while (0)

void fz_fail(const char *file, int line, const char *what)
  __attribute__((noreturn));

/*
 * Set up the process once (later calls do nothing): SIGPIPE ignored,
 * CREDENTIALS_DIRECTORY unset, log lines at debug with message text
 * allowed (so that the formatting of every log line runs on fuzzed
 * values) but written to /dev/null unless ADUAN_FUZZ_LOG is set in the
 * environment, and a temporary folder under $TMPDIR (or /tmp) that is
 * removed when the process exits normally.
 */
void fz_init(void);

/* The process's temporary folder (fz_init first). */
const char *fz_dir(void);

/* name inside fz_dir(), allocated; never NULL. */
char *fz_path(const char *name);

/* Write data[0..size) to path, replacing it; aborts on failure. */
void fz_write(const char *path, const uint8_t *data, size_t size);

/* data[0..size) as a NUL-terminated string (allocated; never NULL).  An
 * embedded NUL ends the string early, as it would in C. */
char *fz_strndup(const uint8_t *data, size_t size);

/* 1 when s[0..n) is well-formed UTF-8 (see utf8.h). */
int fz_utf8_ok(const char *s, size_t n);

/*
 * A webhook request read from fuzz bytes, for the channel harnesses.  Two
 * forms are understood:
 *
 *   METHOD TARGET            when the input starts with an upper-case
 *   Name: value              word, a space and '/': a request line, then
 *   ...                      header lines (LF or CRLF; lines without ':'
 *                            are ignored), an empty line, and the rest of
 *   body bytes ...           the input as the body
 *
 * or else the whole input is the body of "POST default_target" with the
 * header default_header ("Name: value", may be NULL), so that a
 * provider's payload copied as it is makes a seed.  The request owns its
 * memory (url, path and query each allocated); free it with
 * fz_request_free().  Never NULL.
 */
struct httpd_request *fz_request(const uint8_t *data, size_t size,
                                 const char *default_target,
                                 const char *default_header);
void fz_request_free(struct httpd_request *r);

/*
 * Drive one channel adapter with the request read from data as above:
 * verify, parse (checking each message and status it yields, and asking
 * for the first step of each medium's download), the GET handshake, the
 * reading of the body as the provider's answer to a send (classify), as
 * the answer of media step 0 (media_request step 1) and, as reporter
 * text, the rendering of a send (build_send).  cfg and ch stay unchanged.
 */
void fz_channel(const struct config *cfg, const struct config_channel *ch,
                const uint8_t *data, size_t size,
                const char *default_target, const char *default_header);

#endif
