/*
 * tu_daemon.c: the real aduand under test, and an HTTP client for it
 * (see tu_daemon.h).
 */
#include "tu_daemon.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libgen.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"
#include "tu_pg.h"

/* Copies the daemon's stderr into d->log, waking waiters on each read;
 * with ADUAN_TEST_VERBOSE set, also to our stderr. */
static void *
reader_main(void *arg)
{
  struct tu_daemon *d = arg;
  char chunk[4096];
  int echo = getenv("ADUAN_TEST_VERBOSE") != NULL;

  for (;;) {
    ssize_t n = read(d->errfd, chunk, sizeof(chunk));
    if (n < 0 && errno == EINTR)
      continue;
    pthread_mutex_lock(&d->mu);
    if (n <= 0) {
      d->eof = 1;
      pthread_cond_broadcast(&d->cv);
      pthread_mutex_unlock(&d->mu);
      break;
    }
    {
      char *p = realloc(d->log, d->loglen + (size_t)n + 1);
      if (p != NULL) {
        d->log = p;
        memcpy(d->log + d->loglen, chunk, (size_t)n);
        d->loglen += (size_t)n;
        d->log[d->loglen] = '\0';
      }
    }
    pthread_cond_broadcast(&d->cv);
    pthread_mutex_unlock(&d->mu);
    /* A copy in the folder outlives a test that fails (testutil.c). */
    if (d->logfd >= 0 && write(d->logfd, chunk, (size_t)n) < 0) {
      close(d->logfd);
      d->logfd = -1;
    }
    if (echo && write(2, chunk, (size_t)n) < 0)
      break;
  }
  if (d->logfd >= 0) {
    close(d->logfd);
    d->logfd = -1;
  }
  return NULL;
}

/* 1 when text has a line setting key ("key = ..."). */
static int
has_key(const char *text, const char *key)
{
  size_t n = strlen(key);
  const char *p = text;

  while (p != NULL && *p != '\0') {
    while (*p == ' ' || *p == '\t')
      p++;
    if (strncmp(p, key, n) == 0 && (p[n] == ' ' || p[n] == '\t' ||
                                     p[n] == '='))
      return 1;
    p = strchr(p, '\n');
    if (p != NULL)
      p++;
  }
  return 0;
}

/* Lines "key = value" for each default (key, value) pair that the test
 * did not set in given. */
static void
section_defaults(const char *given, const char *const (*defs)[2], size_t n,
                 char *out, size_t len)
{
  size_t i, o = 0;

  out[0] = '\0';
  if (given == NULL)
    given = "";
  for (i = 0; i < n && o < len; i++)
    if (!has_key(given, defs[i][0]))
      o += (size_t)snprintf(out + o, len - o, "%s = %s\n", defs[i][0],
                            defs[i][1]);
}

/* The [server] defaults of the tests, each unless the test set it. */
static void
server_defaults(const struct tu_daemon *d, char *out, size_t len)
{
  static const char *const defs[][2] = {
    {"listen", "127.0.0.1:0"},
    {"public_url", "http://127.0.0.1"},
    {"header_timeout", "2s"},
    {"idle_timeout", "5s"},
    {"shutdown_timeout", "10s"},
  };

  section_defaults(d->server, defs, sizeof(defs) / sizeof(defs[0]), out, len);
}

/* The [evidence] defaults of the tests: the fake providers serve media on
 * 127.0.0.1, which downloads may reach only when allowed. */
static void
evidence_defaults(const struct tu_daemon *d, char *out, size_t len)
{
  static const char *const defs[][2] = {
    {"allow_private_addresses", "yes"},
  };

  section_defaults(d->evidence, defs, sizeof(defs) / sizeof(defs[0]), out,
                   len);
}

/* The daemon's environment variable that holds d->pg. */
#define TU_PG_ENV "ADUAN_TEST_PG_CONNINFO"

static int
write_config(struct tu_daemon *d)
{
  char *text, defs[512], evdefs[256];
  size_t n;
  int rc;

  server_defaults(d, defs, sizeof(defs));
  evidence_defaults(d, evdefs, sizeof(evdefs));
  n = strlen(d->db) + 7 * strlen(ADUAN_SOURCE_DIR) + 1024 +
      (d->ticket ? strlen(d->ticket) : 0) +
      (d->extra ? strlen(d->extra) : 0) +
      (d->server ? strlen(d->server) : 0) +
      (d->storage ? strlen(d->storage) : 0) +
      (d->evidence ? strlen(d->evidence) : 0);
  text = malloc(n);
  if (text == NULL)
    return -1;
  snprintf(text, n,
           "# written by the integration test\n"
           "[server]\n"
           "%s%s\n"
           "[storage]\n"
           "path = %s\n"
           "%s%s%s"
           "%s\n"
           "%s"
           "[ticket]\n"
           "holidays = %s/config/holidays.txt\n"
           "%s"
           "[conversation]\n"
           "catalog = %s/config/messages.id.conf\n"
           "lexicon = %s/config/lexicon.txt\n"
           "allowlist = %s/config/allowlist.txt\n"
           "stopwords = %s/config/stopwords.id.txt\n"
           "places = %s/config/wilayah.txt\n"
           "feasts = %s/config/hari-raya.txt\n"
           "threat_model = %s/config/threat-model.txt\n"
           "[evidence]\n"
           "%s%s"
           "[channel.dev]\n"
           "type = dev\n"
           "%s",
           defs, d->server ? d->server : "", d->db,
           /* Not literal: the warning for a readable file would be in
            * the log of every start (spawn() sets the variable). */
           d->pg ? "backend = postgres\npostgres = env:" : "",
           d->pg ? TU_PG_ENV : "", d->pg ? "\n" : "",
           d->storage ? d->storage : "",
           /* A test may bring its own [log] section. */
           d->extra != NULL && strstr(d->extra, "[log]") != NULL
             ? "" : "[log]\nlevel = debug\n",
           ADUAN_SOURCE_DIR, d->ticket ? d->ticket : "",
           ADUAN_SOURCE_DIR, ADUAN_SOURCE_DIR, ADUAN_SOURCE_DIR,
           ADUAN_SOURCE_DIR, ADUAN_SOURCE_DIR, ADUAN_SOURCE_DIR,
           ADUAN_SOURCE_DIR, evdefs,
           d->evidence ? d->evidence : "", d->extra ? d->extra : "");
  rc = tu_write_file(d->conf, text);
  free(text);
  return rc == 0 ? 0 : -1;
}

static int
spawn(struct tu_daemon *d)
{
  int pipefd[2];
  size_t mark;
  const char *p;

  if (pipe(pipefd) != 0)
    return -1;
  d->eof = 0;
  d->reaped = 0;
  mark = d->loglen;
  d->pid = fork();
  if (d->pid < 0)
    return -1;
  if (d->pid == 0) {
    int devnull = open("/dev/null", O_RDWR);
    dup2(devnull, 0);
    dup2(devnull, 1);
    dup2(pipefd[1], 2);
    close(pipefd[0]);
    close(pipefd[1]);
    if (!d->wall_clock) {
      char *clock = tu_path(d->dir, "clock-offset");
      if (clock != NULL)
        setenv("ADUAN_CLOCK_OFFSET_FILE", clock, 1);
    }
    if (d->pg != NULL)
      setenv(TU_PG_ENV, d->pg, 1);
    if (d->env != NULL) {
      char **e;
      for (e = d->env; *e != NULL; e++)
        putenv(*e);
    }
    if (d->valgrind) {
      char logopt[4200];
      snprintf(logopt, sizeof(logopt), "--log-file=%s/valgrind.%%p",
               d->dir);
      execlp("valgrind", "valgrind", "--leak-check=full",
             "--error-exitcode=99", logopt, ADUAND_BIN, "-c", d->conf,
             (char *)NULL);
      _exit(127);
    }
    /* ADUAN_TEST_ADUAND: another build's binary (a bench's "before"). */
    execl(getenv("ADUAN_TEST_ADUAND") != NULL ? getenv("ADUAN_TEST_ADUAND")
          : ADUAND_BIN, "aduand", "-c", d->conf, (char *)NULL);
    _exit(127);
  }
  close(pipefd[1]);
  d->errfd = pipefd[0];
  {
    char *path = tu_path(d->dir, "aduand.log");
    d->logfd = path != NULL ? open(path, O_WRONLY | O_CREAT | O_APPEND |
                                   O_CLOEXEC, 0600) : -1;
    free(path);
  }
  if (pthread_create(&d->reader, NULL, reader_main, d) != 0)
    return -1;
  d->reader_running = 1;
  if (tu_daemon_wait_log(d, mark, "event=server.ready", 30000) != 0)
    return -1;
  pthread_mutex_lock(&d->mu);
  p = strstr(d->log + mark, "event=server.ready listen=");
  p = p ? strstr(p, "listen=") : NULL;
  p = p ? strchr(p + 7, ' ') : NULL;
  if (p != NULL) {
    const char *colon = p;
    while (colon > d->log && *colon != ':')
      colon--;
    d->port = (int)strtol(colon + 1, NULL, 10);
  }
  pthread_mutex_unlock(&d->mu);
  return d->port > 0 ? 0 : -1;
}

int
tu_daemon_start_opts(struct tu_daemon *d, const struct tu_daemon_opts *o)
{
  const char *vg = getenv("ADUAN_TEST_VALGRIND");
  int n = 0, i;

  memset(d, 0, sizeof(*d));
  pthread_mutex_init(&d->mu, NULL);
  pthread_cond_init(&d->cv, NULL);
  d->logfd = -1;
  d->valgrind = vg != NULL && *vg != '\0' && strcmp(vg, "0") != 0;
  d->dir = tu_tmpdir();
  if (d->dir == NULL)
    return -1;
  d->conf = tu_path(d->dir, "aduand.conf");
  while (o->env != NULL && o->env[n] != NULL)
    n++;
  if (n > 0) {
    d->env = calloc((size_t)n + 1, sizeof(*d->env));
    if (d->env == NULL)
      return -1;
    for (i = 0; i < n; i++) {
      d->env[i] = strdup(o->env[i]);
      if (d->env[i] == NULL)
        return -1;
    }
  }
  d->db = tu_path(d->dir, o->db != NULL ? o->db : "aduan.db");
  if (tu_store_pg()) {
    d->pg_shared = o->pg != NULL;
    d->pg = o->pg != NULL ? strdup(o->pg) : tu_pg_newdb();
    if (d->pg == NULL)
      return -1;
  }
  d->wall_clock = o->wall_clock;
  d->extra = o->extra ? strdup(o->extra) : NULL;
  d->server = o->server ? strdup(o->server) : NULL;
  d->storage = o->storage ? strdup(o->storage) : NULL;
  d->ticket = o->ticket ? strdup(o->ticket) : NULL;
  d->evidence = o->evidence ? strdup(o->evidence) : NULL;
  if (d->conf == NULL || d->db == NULL || write_config(d) != 0)
    return -1;
  if (o->setup != NULL && o->setup(d, o->arg) != 0)
    return -1;
  return spawn(d);
}

int
tu_daemon_start(struct tu_daemon *d, const char *extra)
{
  struct tu_daemon_opts o = {0};

  o.extra = extra;
  return tu_daemon_start_opts(d, &o);
}

int
tu_daemon_start_env(struct tu_daemon *d, const char *extra,
                    const char *const *env)
{
  struct tu_daemon_opts o = {0};

  o.extra = extra;
  o.env = env;
  return tu_daemon_start_opts(d, &o);
}

/* Reap the process and join the reader, if they are still there. */
static void
reap(struct tu_daemon *d)
{
  if (d->pid > 0 && !d->reaped) {
    while (waitpid(d->pid, &d->status, 0) < 0 && errno == EINTR)
      ;
    d->reaped = 1;
  }
  if (d->reader_running) {
    pthread_join(d->reader, NULL);
    d->reader_running = 0;
    close(d->errfd);
  }
}

int
tu_daemon_restart(struct tu_daemon *d)
{
  reap(d);
  d->port = 0;
  return spawn(d);
}

size_t
tu_daemon_mark(struct tu_daemon *d)
{
  size_t n;

  pthread_mutex_lock(&d->mu);
  n = d->loglen;
  pthread_mutex_unlock(&d->mu);
  return n;
}

int
tu_daemon_wait_log(struct tu_daemon *d, size_t mark, const char *needle,
                   int timeout_ms)
{
  struct timespec ts;
  int rc = -1;

  tu_deadline(&ts, CLOCK_REALTIME, tu_scaled_ms(timeout_ms));
  pthread_mutex_lock(&d->mu);
  for (;;) {
    if (d->log != NULL && d->loglen >= mark &&
        strstr(d->log + mark, needle) != NULL) {
      rc = 0;
      break;
    }
    if (d->eof)
      break;
    if (pthread_cond_timedwait(&d->cv, &d->mu, &ts) == ETIMEDOUT)
      break;
  }
  pthread_mutex_unlock(&d->mu);
  return rc;
}

int
tu_daemon_log_has(struct tu_daemon *d, const char *needle)
{
  /* A line written just before an answer may still be in the pipe. */
  return tu_daemon_wait_log(d, 0, needle, 5000) == 0;
}

int
tu_daemon_log_now(struct tu_daemon *d, const char *needle)
{
  int found;

  pthread_mutex_lock(&d->mu);
  found = d->log != NULL && strstr(d->log, needle) != NULL;
  pthread_mutex_unlock(&d->mu);
  return found;
}

int
tu_daemon_log_count(struct tu_daemon *d, const char *needle)
{
  const char *p;
  int n = 0;

  pthread_mutex_lock(&d->mu);
  for (p = d->log; p != NULL && (p = strstr(p, needle)) != NULL;
       p += strlen(needle))
    n++;
  pthread_mutex_unlock(&d->mu);
  return n;
}

/* 1 when the file at path holds needle now. */
static int
file_has(const char *path, const char *needle)
{
  char *text = tu_read_file(path, NULL);
  int found = text != NULL && strstr(text, needle) != NULL;

  free(text);
  return found;
}

int
tu_wait_file(const char *path, const char *needle, int timeout_ms)
{
  char *copy = strdup(path), *dir;
  struct timespec end, now;
  int fd, rc = -1;

  if (copy == NULL)
    return -1;
  dir = dirname(copy);
  fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  /* The watch comes first, the look second: nothing written between the
   * two can be missed. */
  if (fd < 0 || inotify_add_watch(fd, dir, IN_MODIFY | IN_CREATE |
                                  IN_MOVED_TO | IN_CLOSE_WRITE) < 0) {
    if (fd >= 0)
      close(fd);
    free(copy);
    return -1;
  }
  tu_deadline(&end, CLOCK_MONOTONIC, tu_scaled_ms(timeout_ms));
  for (;;) {
    struct pollfd pfd = {fd, POLLIN, 0};
    char events[4096];
    long left;

    if (file_has(path, needle)) {
      rc = 0;
      break;
    }
    clock_gettime(CLOCK_MONOTONIC, &now);
    left = (end.tv_sec - now.tv_sec) * 1000L +
           (end.tv_nsec - now.tv_nsec) / 1000000L;
    if (left <= 0)
      break;
    if (poll(&pfd, 1, (int)left) < 0 && errno != EINTR)
      break;
    while (read(fd, events, sizeof(events)) > 0)
      ;
  }
  close(fd);
  free(copy);
  return rc;
}

int
tu_daemon_kill(struct tu_daemon *d, int sig)
{
  return kill(d->pid, sig);
}

int
tu_daemon_wait_exit(struct tu_daemon *d, int timeout_ms, int *status)
{
  struct timespec ts;
  int eof;

  tu_deadline(&ts, CLOCK_REALTIME, tu_scaled_ms(timeout_ms));
  pthread_mutex_lock(&d->mu);
  while (!d->eof)
    if (pthread_cond_timedwait(&d->cv, &d->mu, &ts) == ETIMEDOUT)
      break;
  eof = d->eof;
  pthread_mutex_unlock(&d->mu);
  if (!eof)
    return -1;
  reap(d);
  if (status != NULL)
    *status = d->status;
  return 0;
}

/*
 * Print the summary lines of every valgrind report in d's folder to
 * stderr; a report with errors is printed whole.  Returns how many
 * reports found errors.
 */
static int
valgrind_report(struct tu_daemon *d)
{
  static const char *const keep[] = {
    "ERROR SUMMARY:", "definitely lost:", "indirectly lost:",
    "possibly lost:", "still reachable:", "in use at exit:",
    "total heap usage:", "All heap blocks were freed",
  };
  DIR *dir = opendir(d->dir);
  struct dirent *e;
  int bad = 0;

  if (dir == NULL)
    return 0;
  while ((e = readdir(dir)) != NULL) {
    char *path, *text, *line, *end;
    int errors;
    if (strncmp(e->d_name, "valgrind.", 9) != 0)
      continue;
    path = tu_path(d->dir, e->d_name);
    text = path ? tu_read_file(path, NULL) : NULL;
    free(path);
    if (text == NULL)
      continue;
    line = strstr(text, "ERROR SUMMARY: ");
    errors = line != NULL && strtol(line + 15, NULL, 10) > 0;
    if (errors) {
      fprintf(stderr, "valgrind found errors in aduand:\n%s", text);
      bad++;
    } else {
      for (line = text; *line != '\0'; line = end + 1) {
        size_t k;
        end = strchr(line, '\n');
        if (end == NULL)
          end = line + strlen(line) - 1;
        else
          *end = '\0';
        for (k = 0; k < sizeof(keep) / sizeof(keep[0]); k++)
          if (strstr(line, keep[k]) != NULL)
            fprintf(stderr, "%s\n", line);
      }
    }
    free(text);
  }
  closedir(dir);
  return bad;
}

const char *
tu_log_find_number(const char *log)
{
  const char *p;

  for (p = log; p != NULL && *p != '\0'; p++) {
    const char *q = p;
    size_t n = 0;
    char prev = p > log ? p[-1] : ' ';
    if ((prev >= '0' && prev <= '9') || (prev >= 'a' && prev <= 'z') ||
        (prev >= 'A' && prev <= 'Z') || prev == '+')
      continue;
    if (*q == '+')
      q++;
    if (strncmp(q, "628", 3) != 0 && strncmp(q, "08", 2) != 0)
      continue;
    while (q[n] >= '0' && q[n] <= '9')
      n++;
    if (n >= 10)
      return p;
  }
  return NULL;
}

int
tu_daemon_stop(struct tu_daemon *d)
{
  const char *leak;
  int status = 0, clean = 1, bad = 0;

  /* Every daemon a test started must stop cleanly on SIGTERM: exit 0,
   * and (under the sanitizers or valgrind) nothing leaked or misused on
   * the way. */
  if (d->pid > 0 && !d->reaped) {
    kill(d->pid, SIGTERM);
    if (tu_daemon_wait_exit(d, d->valgrind ? 120000 : 30000, &status) != 0) {
      kill(d->pid, SIGKILL);
      clean = 0;
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      clean = 0;
    }
  }
  reap(d);
  if (d->log != NULL && (strstr(d->log, "ERROR: AddressSanitizer") != NULL ||
                         strstr(d->log, "ERROR: LeakSanitizer") != NULL ||
                         strstr(d->log, "runtime error:") != NULL))
    clean = 0;
  if (d->valgrind && d->dir != NULL)
    bad = valgrind_report(d);
  if (bad > 0) {
    fprintf(stderr, "valgrind reported errors in %d daemon run(s)\n", bad);
    clean = 0;
  }
  /* Whatever the test did, the log never holds a reporter's number. */
  leak = d->log != NULL ? tu_log_find_number(d->log) : NULL;
  if (leak != NULL) {
    fprintf(stderr, "the daemon logged a phone number: %.24s\n", leak);
    clean = 0;
  }
  if (!clean && d->log != NULL) {
    size_t n = d->loglen > 6000 ? 6000 : d->loglen;
    fprintf(stderr, "aduand did not stop cleanly (exit status %d); the end "
            "of its log:\n%s\n", status, d->log + d->loglen - n);
  }
  if (d->dir != NULL && getenv("ADUAN_TEST_KEEP") == NULL) {
    tu_rmrf(d->dir);
    if (!d->pg_shared)
      tu_pg_dropdb(d->pg);
  }
  free(d->pg);
  free(d->dir);
  free(d->conf);
  free(d->db);
  free(d->extra);
  if (d->env != NULL) {
    char **e;
    for (e = d->env; *e != NULL; e++)
      free(*e);
    free(d->env);
  }
  free(d->server);
  free(d->storage);
  free(d->ticket);
  free(d->evidence);
  free(d->log);
  pthread_mutex_destroy(&d->mu);
  pthread_cond_destroy(&d->cv);
  memset(d, 0, sizeof(*d));
  return clean;
}

void
tu_daemon_cleanup(struct tu_daemon *d)
{
  ck_assert_msg(tu_daemon_stop(d), "aduand did not stop cleanly");
}

int
tu_conn_open(struct tu_conn *c, int port)
{
  struct sockaddr_in sa;
  int ms = tu_scaled_ms(10000);   /* longer under sanitizers, valgrind */
  struct timeval tv = {ms / 1000, (ms % 1000) * 1000};

  memset(c, 0, sizeof(*c));
  c->fd = socket(AF_INET, SOCK_STREAM, 0);
  if (c->fd < 0)
    return -1;
  setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  setsockopt(c->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
  memset(&sa, 0, sizeof(sa));
  sa.sin_family = AF_INET;
  sa.sin_port = htons((uint16_t)port);
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(c->fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
    close(c->fd);
    c->fd = -1;
    return -1;
  }
  return 0;
}

void
tu_conn_close(struct tu_conn *c)
{
  if (c->fd >= 0)
    close(c->fd);
  c->fd = -1;
  free(c->buf);
  c->buf = NULL;
  c->len = 0;
}

int
tu_conn_send(struct tu_conn *c, const void *p, size_t n)
{
  const char *s = p;

  while (n > 0) {
    ssize_t w = send(c->fd, s, n, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return -1;
    s += w;
    n -= (size_t)w;
  }
  return 0;
}

/* Read more bytes into c->buf; 0, or -1 on EOF, error or timeout. */
static int
fill(struct tu_conn *c)
{
  char chunk[8192];
  ssize_t n;
  char *p;

  do
    n = recv(c->fd, chunk, sizeof(chunk), 0);
  while (n < 0 && errno == EINTR);
  if (n <= 0)
    return -1;
  p = realloc(c->buf, c->len + (size_t)n + 1);
  if (p == NULL)
    return -1;
  c->buf = p;
  memcpy(c->buf + c->len, chunk, (size_t)n);
  c->len += (size_t)n;
  c->buf[c->len] = '\0';
  return 0;
}

int
tu_conn_read(struct tu_conn *c, struct tu_resp *r)
{
  char *end = NULL, *cl;
  size_t headlen, bodylen = 0, total;

  memset(r, 0, sizeof(*r));
  for (;;) {
    if (c->buf != NULL) {
      end = strstr(c->buf, "\r\n\r\n");
      /* Skip interim 100 Continue answers. */
      if (end != NULL && strncmp(c->buf, "HTTP/1.1 100", 12) == 0) {
        size_t skip = (size_t)(end + 4 - c->buf);
        memmove(c->buf, c->buf + skip, c->len - skip + 1);
        c->len -= skip;
        continue;
      }
    }
    if (end != NULL)
      break;
    if (fill(c) != 0)
      return -1;
  }
  headlen = (size_t)(end - c->buf) + 4;
  r->head = strndup(c->buf, headlen);
  for (cl = r->head; cl != NULL; cl = strchr(cl + 1, '\n'))
    if (strncasecmp(cl + 1, "Content-Length:", 15) == 0)
      bodylen = (size_t)strtoul(cl + 16, NULL, 10);
  r->status = (int)strtol(c->buf + 9, NULL, 10);
  total = headlen + bodylen;
  while (c->len < total)
    if (fill(c) != 0) {
      tu_resp_free(r);
      return -1;
    }
  r->body = strndup(c->buf + headlen, bodylen);
  r->body_len = bodylen;
  memmove(c->buf, c->buf + total, c->len - total + 1);
  c->len -= total;
  return 0;
}

int
tu_conn_wait_closed(struct tu_conn *c, int timeout_ms)
{
  struct pollfd pfd = {c->fd, POLLIN, 0};
  char chunk[512];

  timeout_ms = tu_scaled_ms(timeout_ms);
  for (;;) {
    int n = poll(&pfd, 1, timeout_ms);
    ssize_t r;
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return 0;
    r = recv(c->fd, chunk, sizeof(chunk), 0);
    if (r == 0 || (r < 0 && errno == ECONNRESET))
      return 1;
    if (r < 0)
      return 0;
  }
}

void
tu_resp_free(struct tu_resp *r)
{
  free(r->head);
  free(r->body);
  memset(r, 0, sizeof(*r));
}

int
tu_http(int port, const char *method, const char *path, const char *ctype,
        const char *body, struct tu_resp *r)
{
  struct tu_conn c;
  char head[1024];
  size_t blen = body ? strlen(body) : 0;
  int rc;

  if (tu_conn_open(&c, port) != 0)
    return -1;
  snprintf(head, sizeof(head),
           "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s%s%s"
           "Content-Length: %zu\r\nConnection: close\r\n\r\n",
           method, path, ctype ? "Content-Type: " : "", ctype ? ctype : "",
           ctype ? "\r\n" : "", blen);
  rc = tu_conn_send(&c, head, strlen(head));
  if (rc == 0 && blen > 0)
    rc = tu_conn_send(&c, body, blen);
  if (rc == 0)
    rc = tu_conn_read(&c, r);
  tu_conn_close(&c);
  return rc;
}

int
tu_dev_say(int port, const char *from, const char *text, const char *id,
           struct tu_resp *r)
{
  struct json_object *o = json_object_new_object();
  int rc;

  json_object_object_add(o, "from", json_object_new_string(from));
  json_object_object_add(o, "text", json_object_new_string(text));
  if (id != NULL)
    json_object_object_add(o, "id", json_object_new_string(id));
  rc = tu_http(port, "POST", "/webhook/dev", "application/json",
               json_object_to_json_string(o), r);
  json_object_put(o);
  return rc;
}

int
tu_daemon_advance(struct tu_daemon *d, long long ms)
{
  char *path = tu_path(d->dir, "clock-offset");
  char *old, text[32];
  long long total = ms;
  int rc;

  if (path == NULL)
    return -1;
  old = tu_read_file(path, NULL);
  if (old != NULL)
    total += strtoll(old, NULL, 10);
  free(old);
  snprintf(text, sizeof(text), "%lld\n", total);
  rc = tu_write_file(path, text);
  free(path);
  return rc;
}

/* Run sql on a read-only connection to the daemon's SQLite file; each
 * row's columns go to fn as text.  The number of rows, or -1. */
static int
db_rows_sqlite(struct tu_daemon *d, const char *sql, tu_db_row_fn fn,
               void *arg)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  const char *cols[TU_DB_MAX_COLS];
  int rc = -1, n = 0, i, step;

  /* LIKE minds case, as PostgreSQL's does: a test's SQL reads the same
   * rows on both. */
  if (sqlite3_open_v2(d->db, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_busy_timeout(db, 5000) == SQLITE_OK &&
      sqlite3_exec(db, "PRAGMA case_sensitive_like = ON", NULL, NULL,
                   NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
      sqlite3_column_count(st) <= TU_DB_MAX_COLS) {
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
      for (i = 0; i < sqlite3_column_count(st); i++)
        cols[i] = (const char *)sqlite3_column_text(st, i);
      fn(arg, sqlite3_column_count(st), cols);
      n++;
    }
    if (step == SQLITE_DONE)
      rc = n;
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return rc;
}

/* A bytea as PostgreSQL writes it ("\\x6869"), as the text of its bytes
 * (allocated; SQLite hands a BLOB's bytes to a text reader as they are). */
static char *
bytea_text(const char *escaped)
{
  size_t n = 0;
  unsigned char *raw = PQunescapeBytea((const unsigned char *)escaped, &n);
  char *out = raw != NULL ? malloc(n + 1) : NULL;

  if (out != NULL) {
    memcpy(out, raw, n);
    out[n] = '\0';
  }
  PQfreemem(raw);
  return out;
}

/* The same on the daemon's PostgreSQL database, read-only; a boolean
 * column reads "1" or "0", as SQLite has them.  An error is printed (the
 * SQL may be SQLite's). */
static int
db_rows_pg(struct tu_daemon *d, const char *sql, tu_db_row_fn fn, void *arg)
{
  PGconn *c = PQconnectdb(d->pg);
  PGresult *r = NULL;
  const char *cols[TU_DB_MAX_COLS];
  int rc = -1, row, i, ncols;

  if (c != NULL && PQstatus(c) == CONNECTION_OK) {
    PQclear(PQexec(c, "SET default_transaction_read_only = on"));
    r = PQexec(c, sql);
  }
  if (r != NULL && PQresultStatus(r) == PGRES_TUPLES_OK &&
      PQnfields(r) <= TU_DB_MAX_COLS) {
    ncols = PQnfields(r);
    for (row = 0; row < PQntuples(r); row++) {
      char *bytes[TU_DB_MAX_COLS] = {0};
      for (i = 0; i < ncols; i++) {
        const char *v = PQgetisnull(r, row, i) ? NULL : PQgetvalue(r, row, i);
        if (v != NULL && PQftype(r, i) == 16)  /* BOOLOID */
          v = v[0] == 't' ? "1" : "0";
        else if (v != NULL && PQftype(r, i) == 17)  /* BYTEAOID: as text */
          v = bytes[i] = bytea_text(v);
        cols[i] = v;
      }
      fn(arg, ncols, cols);
      for (i = 0; i < ncols; i++)
        free(bytes[i]);
    }
    rc = PQntuples(r);
  } else {
    fprintf(stderr, "tu_db: %s: %s", sql,
            r != NULL ? PQresultErrorMessage(r)
                      : c != NULL ? PQerrorMessage(c) : "out of memory\n");
  }
  PQclear(r);
  PQfinish(c);
  return rc;
}

int
tu_db_rows(struct tu_daemon *d, const char *sql, tu_db_row_fn fn, void *arg)
{
  if (d->pg != NULL)
    return db_rows_pg(d, sql, fn, arg);
  return db_rows_sqlite(d, sql, fn, arg);
}

/* The first column of the first row, kept by first_row(). */
struct db_first {
  int seen;
  char *text;
  int oom;
};

static void
first_row(void *arg, int ncols, const char *const *cols)
{
  struct db_first *f = arg;

  if (f->seen++ > 0 || ncols < 1 || cols[0] == NULL)
    return;
  f->text = strdup(cols[0]);
  f->oom = f->text == NULL;
}

long long
tu_db_int(struct tu_daemon *d, const char *sql)
{
  struct db_first f = {0, NULL, 0};
  long long n;

  if (tu_db_rows(d, sql, first_row, &f) < 1 || f.oom)
    return -1;
  n = f.text != NULL ? strtoll(f.text, NULL, 10) : 0;
  free(f.text);
  return n;
}

char *
tu_db_text(struct tu_daemon *d, const char *sql)
{
  struct db_first f = {0, NULL, 0};

  if (tu_db_rows(d, sql, first_row, &f) < 1) {
    free(f.text);
    return NULL;
  }
  return f.text;
}

int
tu_db_exec(struct tu_daemon *d, const char *sql)
{
  const char *err = NULL;
  char *sqerr = NULL;
  int rc = -1;

  if (d->pg != NULL) {
    PGconn *c = PQconnectdb(d->pg);
    PGresult *r = c != NULL && PQstatus(c) == CONNECTION_OK
                  ? PQexec(c, sql) : NULL;
    if (r != NULL && PQresultStatus(r) == PGRES_COMMAND_OK)
      rc = 0;
    else
      fprintf(stderr, "tu_db_exec: %s: %s", sql,
              r != NULL ? PQresultErrorMessage(r)
                        : c != NULL ? PQerrorMessage(c) : "out of memory\n");
    PQclear(r);
    PQfinish(c);
    return rc;
  }
  {
    sqlite3 *db = NULL;
    if (sqlite3_open(d->db, &db) == SQLITE_OK &&
        sqlite3_busy_timeout(db, 5000) == SQLITE_OK &&
        sqlite3_exec(db, sql, NULL, NULL, &sqerr) == SQLITE_OK)
      rc = 0;
    else
      err = sqerr != NULL ? sqerr : db != NULL ? sqlite3_errmsg(db)
                                               : "out of memory";
    if (rc != 0)
      fprintf(stderr, "tu_db_exec: %s: %s\n", sql, err);
    sqlite3_free(sqerr);
    sqlite3_close(db);
  }
  return rc;
}

/* Read fd to EOF into a new string. */
static void *
slurp_main(void *arg)
{
  int fd = *(int *)arg;
  char *p = NULL, chunk[4096];
  size_t n = 0;

  for (;;) {
    ssize_t r = read(fd, chunk, sizeof(chunk));
    char *q;
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      break;
    q = realloc(p, n + (size_t)r + 1);
    if (q == NULL)
      break;
    p = q;
    memcpy(p + n, chunk, (size_t)r);
    n += (size_t)r;
  }
  if (p == NULL)
    p = calloc(1, 1);
  else
    p[n] = '\0';
  return p;
}

int
tu_run(const char *const argv[], const char *input, char **out, char **err,
       int *status)
{
  int in[2], o[2], e[2];
  pthread_t to, te;
  void *ro = NULL, *re = NULL;
  unsigned limit;
  pid_t pid;
  int i;

  if (pipe(in) != 0 || pipe(o) != 0 || pipe(e) != 0)
    return -1;
  /* Computed before the fork: the child only calls what is safe there. */
  limit = (unsigned)(tu_scaled_ms(30000) / 1000);
  pid = fork();
  if (pid < 0)
    return -1;
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(o[1], 1);
    dup2(e[1], 2);
    close(in[1]);
    close(o[0]);
    close(e[0]);
    alarm(limit);
    {
      /* execv wants writable strings: give it copies. */
      char *copy[16];
      int k;
      for (k = 0; k < 15 && argv[k] != NULL; k++)
        copy[k] = strdup(argv[k]);
      copy[k] = NULL;
      execv(copy[0], copy);
    }
    _exit(127);
  }
  close(in[0]);
  close(o[1]);
  close(e[1]);
  pthread_create(&to, NULL, slurp_main, &o[0]);
  pthread_create(&te, NULL, slurp_main, &e[0]);
  if (input != NULL) {
    size_t n = strlen(input);
    const char *p = input;
    signal(SIGPIPE, SIG_IGN);
    while (n > 0) {
      ssize_t w = write(in[1], p, n);
      if (w <= 0)
        break;
      p += w;
      n -= (size_t)w;
    }
  }
  close(in[1]);
  pthread_join(to, &ro);
  pthread_join(te, &re);
  close(o[0]);
  close(e[0]);
  while (waitpid(pid, &i, 0) < 0 && errno == EINTR)
    ;
  *status = i;
  if (out != NULL)
    *out = ro;
  else
    free(ro);
  if (err != NULL)
    *err = re;
  else
    free(re);
  return 0;
}
