/*
 * log.c: the logfmt writer and the masking helpers (see log.h).
 */
#include "base/log.h"
#include "base/phone.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static enum log_level log_min = LOG_INFO;
static int log_allow_text;
static int log_fd = 2;
static int log_fd_owned;   /* 1 when log_fd was opened by log_open */

/* Lines waiting for log_flush() while buffering is on; never more than
 * PIPE_BUF bytes, so that each flush is one atomic write to a pipe. */
static char log_buf[4096];
static size_t log_len;
static int log_buffered;

static const char *const level_names[] = {"debug", "info", "warn", "error"};

/* The line start "ts=YYYY-MM-DDTHH:MM:SS" (stamp_len bytes) of the second
 * stamp_sec, made once a second instead of once a line (per thread: each
 * thread that logs keeps its own). */
static _Thread_local time_t stamp_sec = (time_t)-1;
static _Thread_local char stamp[64];
static _Thread_local size_t stamp_len;

void
log_setup(enum log_level level, int allow_text)
{
  log_min = level;
  log_allow_text = allow_text;
}

/* Hand n bytes at p to the kernel, retrying interrupted and short
 * writes; what the kernel refuses is dropped. */
static void
write_all(const char *p, size_t n)
{
  while (n > 0) {
    ssize_t w = write(log_fd, p, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      break;
    p += w;
    n -= (size_t)w;
  }
}

void
log_flush(void)
{
  int saved = errno;

  if (log_len > 0)
    write_all(log_buf, log_len);
  log_len = 0;
  errno = saved;
}

static void
flush_at_exit(void)
{
  log_flush();
}

void
log_set_buffered(int on)
{
  static int registered;

  if (on && !registered && atexit(flush_at_exit) == 0)
    registered = 1;
  if (!on)
    log_flush();
  log_buffered = on && registered;
}

void
log_set_fd(int fd)
{
  log_flush();
  if (log_fd_owned && log_fd != fd)
    close(log_fd);
  log_fd = fd;
  log_fd_owned = 0;
}

int
log_open(const char *path)
{
  int fd;

  if (path == NULL || *path == '\0') {
    log_set_fd(2);
    return 0;
  }
  do
    fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return -errno;
  log_flush();
  /* Open first, close after: no line is lost or sent nowhere between. */
  if (log_fd_owned)
    close(log_fd);
  log_fd = fd;
  log_fd_owned = 1;
  return 0;
}

int
log_level_enabled(enum log_level level)
{
  return level >= log_min;
}

int
log_level_parse(const char *s)
{
  size_t i;

  for (i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++)
    if (strcmp(s, level_names[i]) == 0)
      return (int)i;
  return -1;
}

const char *
log_level_name(enum log_level level)
{
  if ((int)level < 0 || level > LOG_ERROR)
    return "?";
  return level_names[level];
}

/*
 * Format the whole line into one buffer and hand it to the kernel with a
 * single write(2), so that lines from concurrent processes (the daemon
 * and its tests, say) never interleave within a line; or, while
 * buffering, add it to the lines log_flush() writes at once (a line that
 * does not fit flushes them first; an error flushes them and itself).
 */
void
log_write(enum log_level level, const char *fmt, ...)
{
  char line[4096];
  struct timeval tv;
  struct tm tm;
  va_list ap;
  const char *name;
  size_t n;
  int saved = errno;
  int r, ms;

  gettimeofday(&tv, NULL);
  if (tv.tv_sec != stamp_sec) {
    gmtime_r(&tv.tv_sec, &tm);
    stamp_len = strftime(stamp, sizeof(stamp), "ts=%Y-%m-%dT%H:%M:%S", &tm);
    stamp_sec = tv.tv_sec;
  }
  memcpy(line, stamp, stamp_len);
  n = stamp_len;
  /* ".mmmZ level=NAME " by hand: a printf here cost as much as the rest
   * of the line's prefix. */
  ms = (int)(tv.tv_usec / 1000);
  line[n++] = '.';
  line[n++] = (char)('0' + ms / 100);
  line[n++] = (char)('0' + ms / 10 % 10);
  line[n++] = (char)('0' + ms % 10);
  memcpy(line + n, "Z level=", 8);
  n += 8;
  name = log_level_name(level);
  r = (int)strlen(name);
  memcpy(line + n, name, (size_t)r);
  n += (size_t)r;
  line[n++] = ' ';
  va_start(ap, fmt);
  r = vsnprintf(line + n, sizeof(line) - n, fmt, ap);
  va_end(ap);
  if (r > 0)
    n += (size_t)r;
  if (n > sizeof(line) - 2)
    n = sizeof(line) - 2;
  line[n++] = '\n';
  if (log_buffered && n <= sizeof(log_buf)) {
    if (log_len + n > sizeof(log_buf))
      log_flush();
    memcpy(log_buf + log_len, line, n);
    log_len += n;
    /* An error goes out now, with the lines before it: it is the line a
     * crash right after must not take with it. */
    if (level >= LOG_ERROR)
      log_flush();
  } else {
    write_all(line, n);
  }
  errno = saved;
}

const char *
log_phone(const char *phone, char buf[LOG_PHONE_LEN])
{
  size_t len, digits = 0, i;

  if (phone == NULL) {
    snprintf(buf, LOG_PHONE_LEN, "-");
    return buf;
  }
  len = strlen(phone);
  for (i = 0; i < len; i++)
    if (phone[i] >= '0' && phone[i] <= '9')
      digits++;
  /* A BSUID keeps its country and its last four characters. */
  if (len >= 11 && phone_bsuid_ok(phone, len)) {
    snprintf(buf, LOG_PHONE_LEN, "%.3s****%s", phone, phone + len - 4);
    return buf;
  }
  /* Only a clean E.164 number keeps its prefix and last four digits. */
  if (phone[0] != '+' || digits != len - 1 || len < 10 || len > 16) {
    snprintf(buf, LOG_PHONE_LEN, "****");
    return buf;
  }
  snprintf(buf, LOG_PHONE_LEN, "%.6s****%s", phone, phone + len - 4);
  return buf;
}

const char *
log_quote(const char *s, char *buf, size_t len)
{
  static const char hex[] = "0123456789abcdef";
  size_t o = 0, i;
  int quote = 0;

  if (len < 8) {
    if (len > 0)
      buf[0] = '\0';
    return buf;
  }
  if (s == NULL)
    s = "";
  if (*s == '\0')
    quote = 1;
  for (i = 0; s[i] != '\0'; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c <= ' ' || c == '=' || c == '"' || c == 0x7f)
      quote = 1;
  }
  if (quote)
    buf[o++] = '"';
  for (i = 0; s[i] != '\0'; i++) {
    unsigned char c = (unsigned char)s[i];
    /* Keep room for a 4-byte escape, "...", the quote and the NUL. */
    if (o + 4 + 3 + 2 >= len) {
      memcpy(buf + o, "...", 3);
      o += 3;
      break;
    }
    if (c == '"' || c == '\\') {
      buf[o++] = '\\';
      buf[o++] = (char)c;
    } else if (c < ' ' || c == 0x7f) {
      buf[o++] = '\\';
      buf[o++] = 'x';
      buf[o++] = hex[c >> 4];
      buf[o++] = hex[c & 15];
    } else {
      buf[o++] = (char)c;
    }
  }
  if (quote)
    buf[o++] = '"';
  buf[o] = '\0';
  return buf;
}

const char *
log_text(const char *s, char buf[LOG_QUOTE_LEN])
{
  if (!log_allow_text)
    return "[hidden]";
  return log_quote(s, buf, LOG_QUOTE_LEN);
}
