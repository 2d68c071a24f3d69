/*
 * log.h: one logfmt line per event, on stderr, or appended to a file
 * ([log] file) that is reopened on request.
 *
 *   ts=2026-11-28T09:10:11.123Z level=info event=http.request req=0000002a ...
 *
 * The caller writes "event=NAME key=value ..." as a printf format; this
 * module adds ts= and level=.  The level is checked before anything is
 * formatted.  Logging never changes errno.
 *
 * Privacy lives here so that no call site can forget it: phone numbers go
 * through log_phone() (masked), free text through log_text() (only at
 * debug, only where the config allows it, quoted and cut short).
 *
 * The sink and level are process-wide: logging is the one piece of state
 * in libaduan that belongs to the process rather than to a server.
 */
#ifndef ADUAN_LOG_H
#define ADUAN_LOG_H

#include <stddef.h>

enum log_level { LOG_DEBUG = 0, LOG_INFO, LOG_WARN, LOG_ERROR };

#define LOG_PHONE_LEN 32   /* room for a masked number */
#define LOG_QUOTE_LEN 256  /* room for a quoted, shortened value */

/* Set the minimum level and whether message text may appear at debug. */
void log_setup(enum log_level level, int allow_text);

/* Write lines to fd instead of stderr (2).  The caller owns fd; a file
 * opened by log_open is closed. */
void log_set_fd(int fd);

/*
 * Append lines to the file at path (created with mode 0640), or go back to
 * stderr when path is NULL or "".  The file log_open opened before, if
 * any, is closed once the new one is open, so calling it again with the
 * same path is the reopen logrotate wants after moving the file away.
 * Returns 0, or -errno with the lines still going where they went.
 */
int log_open(const char *path);

/*
 * Buffer lines (on) until log_flush(), which the daemon's loop calls each
 * time before it blocks, so that a burst of lines costs one write; or
 * write each line at once (off, the default; turning it off flushes).
 * An error line flushes the buffer with itself at once.  Buffered lines
 * are flushed at exit() too; a crash loses those not yet flushed.  For
 * one thread only.
 */
void log_set_buffered(int on);
void log_flush(void);

int log_level_enabled(enum log_level level);

/* Parse "debug" | "info" | "warn" | "error"; -1 for anything else. */
int log_level_parse(const char *s);
const char *log_level_name(enum log_level level);

void log_write(enum log_level level, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));

#define log_at_(lvl, ...)                 \
  do {                                    \
    if (log_level_enabled(lvl))           \
      log_write(lvl, __VA_ARGS__);        \
  } while (0)
#define log_debug(...) log_at_(LOG_DEBUG, __VA_ARGS__)
#define log_info(...) log_at_(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_at_(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_at_(LOG_ERROR, __VA_ARGS__)

/*
 * Mask a phone number for a log line: "+6281234567890" becomes
 * "+62812****7890" (country code and operator prefix, the last four
 * digits).  A WhatsApp business-scoped user id, which stands for a
 * reporter who shows a username instead of a number, is masked alike:
 * "ID.4471920083316652" becomes "ID.****6652".  Anything short or odd is
 * masked whole.  Returns buf.
 */
const char *log_phone(const char *phone, char buf[LOG_PHONE_LEN]);

/*
 * Quote a value for logfmt: wrapped in double quotes when it holds a
 * space, '=' or '"'; control bytes and quotes escaped; cut to fit buf
 * with "..." at the end.  Returns buf.
 */
const char *log_quote(const char *s, char *buf, size_t len);

/*
 * Message text for a debug line: the quoted text when the config allows
 * text in logs, the string "[hidden]" otherwise.  Returns buf or a
 * constant.
 */
const char *log_text(const char *s, char buf[LOG_QUOTE_LEN]);

#endif
