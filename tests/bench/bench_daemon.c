/*
 * bench_daemon: complete conversations through the real aduand over
 * loopback, as SPEC section 9 asks: signed WhatsApp webhooks in, replies
 * out to a fake provider, tickets filed in SQLite (or, with --pg, in
 * PostgreSQL).  Prints messages per second, p50/p99 webhook latency and
 * the daemon's peak RSS.
 *
 *   bench_daemon [-k] [-r RATE] [-s SECONDS] [-n SENDS] [-t THREADS]
 *                [--pg] [--json]
 *                [CLIENTS [CONVERSATIONS_PER_CLIENT]]   (default 16 10)
 *
 * Each client has its own reporter numbers and posts one message at a
 * time (a provider waits for each answer): by default each on a new
 * connection with "Connection: close", with -k all on one kept
 * connection (providers do both).  The clients are not threads: one
 * thread (-t: THREADS, each a share of the clients) drives all their
 * non-blocking sockets on epoll, each client a small state machine, so
 * that the load generator takes as little of the cores as it can from
 * the server it measures; a bounded run's requests are built and signed
 * before the clock starts.  With -r the clients send open loop,
 * RATE webhooks/s in all, and a webhook's latency counts from when it was
 * due.  Also printed: aduand's CPU time per message (user and system,
 * from /proc/PID/stat), and then the sender alone: SENDS replies queued
 * in aduand's database while it is stopped, timed from its restart until
 * the fake provider has them all (sends/s).  -s runs a soak for SECONDS
 * (at most 600), printing aduand's RSS, open descriptors and CPU every
 * 10 s, without the ceilings.  --json prints one JSON object instead of
 * the tables (soak samples then go to stderr as JSON lines).  Not a test:
 * it prints figures and asserts nothing about time.
 *
 * --pg runs aduand on PostgreSQL: the bench starts a durable cluster of
 * its own in a temporary folder (tests/support/pg_cluster.sh start DIR
 * --durable: every commit synced, as aduand syncs SQLite's), gives
 * aduand a fresh database in it (tu_daemon.h, ADUAN_TEST_STORE), and
 * stops and removes it once aduand has stopped, before the ceilings; also
 * when the run fails, exits, or is ended by SIGINT, SIGTERM or SIGHUP
 * (aduand is then killed first).  The figures then add the server's CPU
 * per message (the postmaster and its children, from /proc) and the WAL
 * it wrote, in place of aduand's own disk writes.
 *
 * Then, in the same run and once aduand has stopped, the same clients
 * post the same signed webhooks (same sizes, same connection mode) to
 * SPEC section 9's two reference ceilings, each a child of this process:
 *
 *   - bench_ceiling_uv, a bare libuv responder answering 200 with no
 *     application work (see that file);
 *   - nginx answering "return 200" on /webhook/wa, from a config in a
 *     temporary folder (pid file, logs and temp paths inside it), in the
 *     foreground ("daemon off;") with one worker process: aduand is one
 *     process with one event loop, so one nginx worker is the like for
 *     like, and on the 2-core machine the client needs the other
 *     core.  ADUAN_BENCH_NGINX names another binary than /usr/sbin/nginx;
 *     without one the nginx line says so and the run goes on.
 *
 * A last table gives one line per target: requests/s, p50 and p99.  Every
 * child is stopped before exit, and dies with this process should it be
 * killed first (PR_SET_PDEATHSIG).
 */
#define _GNU_SOURCE     /* epoll_pwait2: a timeout to the nanosecond */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "fakeprov.h"
#include "base/log.h"
#include "testutil.h"
#include "tu_daemon.h"
#include "tu_pg.h"
#include "tu_sign.h"

#define SECRET "bench-secret"
#define PG_CLUSTER_SH ADUAN_SOURCE_DIR "/tests/support/pg_cluster.sh"
#define MAX_SAMPLES 1000000
/* Bounded runs up to this many webhooks have their requests built and
 * signed before the clock starts (about 1 KiB each); longer ones, and the
 * soak, build each when it is due. */
#define PREBUILD_MAX 262144
#define NGINX_DEFAULT "/usr/sbin/nginx"

static const char *const story[] = {
  "Halo", "1", "pungli", "Kepala Seksi Perizinan Dinas", "Kota Kupang",
  "kemarin", NULL /* the kronologi: unique per conversation */, "LANJUT",
  "LEWATI", "3", "KIRIM",
};
#define NSTORY ((int)(sizeof(story) / sizeof(story[0])))

/* How every client sends, set once by main() before any load runs. */
static struct {
  int keepalive;      /* one connection per client, reused */
  double rate;        /* open loop: webhooks/s over all clients (0: each
                         client sends when its last answer came) */
  double until;       /* soak: conversations start until now_s() passes
                         this (0: a fixed number each) */
  int nclients;
  int threads;        /* -t: threads driving the clients (default 1) */
} mode;

/* One client's requests, request j at reqs.data + off[j]. */
struct prebuilt {
  struct buf reqs;
  size_t *off;
};

/* A bounded run's requests, client by client: built and signed once,
 * before the first load is timed, and sent unchanged to every target. */
static struct {
  struct prebuilt *c;
  int nclients, convs;
} built;

/* Where a client's webhook is: waiting for its due time (open loop) or
 * its turn, writing the request (a new connection's handshake included),
 * reading the answer; or done with its conversations. */
enum cstate { C_DUE, C_READY, C_WRITING, C_READING, C_DONE };

/*
 * One client: a sender whose next webhook waits for the answer to the
 * last, so that a conversation's webhooks reach the server in order.
 * Clients are not threads: a few threads each drive many clients (the
 * clients split between them), every socket non-blocking, on epoll.
 */
struct client {
  int id;
  int conversations;
  enum cstate state;
  int fd;             /* the connection, or -1 */
  unsigned events;    /* what fd is registered for in epoll (0: none) */
  int k, i;           /* conversation and story step of the next webhook */
  long seq;           /* webhooks sent so far (open loop: the due slot) */
  /* Bounded runs: every request built and signed before the timed part
   * (NULL in a soak: each request is built into cur when it is due). */
  const struct prebuilt *pre;
  struct buf cur;
  const char *out;    /* the request on its way */
  size_t outlen, outdone;
  char in[8192];      /* the answer's head (a long body is skipped) */
  size_t inlen;
  size_t want;        /* the answer's length once its head is in, or 0 */
  size_t got;         /* bytes of the answer read so far */
  double t0;          /* when the webhook was due, or was sent */
  double due;         /* open loop: when the next is due */
  double *lat;        /* seconds per message */
  int nlat;
  int cap;            /* room in lat */
  int errors;
};

/* One thread of the load and the clients it drives. */
struct worker {
  pthread_t th;
  int port;
  double start;       /* when the load began (open loop: slot 0) */
  struct client **c;
  int n;
  int epfd;
  struct client **ready;  /* FIFO of clients to send now (room for n) */
  int rhead, rcount;
  int waiting;        /* clients in C_DUE */
  int live;           /* clients not yet C_DONE */
  int no_pwait2;      /* the kernel (or valgrind) lacks epoll_pwait2 */
  int failed;         /* epoll failed: the clients left were not run */
};

static double
now_s(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A story of its own for conversation n, so none is a duplicate. */
static void
story_text(int n, char *out, size_t len)
{
  static const char *const words[] = {
    "petugas", "kepala", "desa", "sekolah", "puskesmas", "jalan", "jembatan",
    "bantuan", "beras", "pupuk", "sapi", "kapal", "pelabuhan", "pasar",
    "retribusi", "izin", "tanah", "sertifikat", "proyek", "dana", "sumur",
    "listrik", "air", "guru", "bidan", "ambulans", "kantor", "camat",
    "lurah", "polisi", "terminal", "bus", "nelayan", "garam", "kopi",
    "tenun", "pemuda", "koperasi", "bank", "pinjaman", "kartu", "beasiswa",
    "rapor", "ijazah", "obat", "vaksin", "rumah", "kamar", "kebun", "hutan",
    "kayu", "batu", "pasir", "truk", "solar", "gudang", "lampu", "parkir",
  };
  static const char *const glue[] = {"yang", "di", "dan", "untuk",
                                     "dengan", "ke", "dari", "itu"};
  unsigned x = (unsigned)n * 2654435761u + 12345u;
  size_t o, k;

  o = (size_t)snprintf(out, len, "Saya melaporkan bahwa");
  for (k = 0; k < 14 && o < len; k++) {
    x = x * 1103515245u + 12345u;
    o += (size_t)snprintf(out + o, len - o, " %s %s", glue[k % 8],
                          words[(x >> 16) % (sizeof(words) /
                                             sizeof(words[0]))]);
  }
}

/* Append to out webhook i of client cid's conversation k: signed, with
 * "Connection: close" when each webhook has a connection of its own. */
static void
build_request(struct buf *out, int cid, int k, int i)
{
  struct buf b = BUF_INIT;
  char digits[24], id[64], text[256], *sig;
  const char *msg = story[i];

  snprintf(digits, sizeof(digits), "62813%03d%05d", cid, k);
  if (msg == NULL) {
    story_text(cid * 100000 + k, text, sizeof(text));
    msg = text;
  }
  snprintf(id, sizeof(id), "wamid.b%d.%d.%d", cid, k, i);
  tu_wa_text_body(&b, digits, id, msg);
  sig = tu_whatsapp_signature(b.data, b.len, SECRET);
  buf_printf(out, "POST /webhook/wa HTTP/1.1\r\nHost: 127.0.0.1\r\n"
             "Content-Type: application/json\r\nX-Hub-Signature-256: %s"
             "\r\nContent-Length: %zu\r\n%s\r\n", sig, b.len,
             mode.keepalive ? "" : "Connection: close\r\n");
  buf_append(out, b.data, b.len);
  free(sig);
  buf_free(&b);
}

static void
prebuilt_free(void)
{
  int i;

  for (i = 0; built.c != NULL && i < built.nclients; i++) {
    buf_free(&built.c[i].reqs);
    free(built.c[i].off);
  }
  free(built.c);
  memset(&built, 0, sizeof(built));
}

/* Every request of nclients clients holding convs conversations each, in
 * built (kept from an earlier call for the same run): 0, or -1. */
static int
prebuild(int nclients, int convs)
{
  long n = (long)convs * NSTORY, j;
  int i;

  if (built.c != NULL && built.nclients == nclients && built.convs == convs)
    return 0;
  prebuilt_free();
  built.c = calloc((size_t)nclients, sizeof(*built.c));
  if (built.c == NULL)
    return -1;
  built.nclients = nclients;
  built.convs = convs;
  for (i = 0; i < nclients; i++) {
    struct prebuilt *p = &built.c[i];
    p->off = malloc(sizeof(size_t) * (size_t)(n + 1));
    if (p->off == NULL)
      return -1;
    for (j = 0; j < n; j++) {
      p->off[j] = p->reqs.len;
      build_request(&p->reqs, i, (int)(j / NSTORY), (int)(j % NSTORY));
    }
    p->off[n] = p->reqs.len;
    if (p->reqs.data == NULL)
      return -1;
  }
  return 0;
}

/* Open loop: when message seq of client c is due (each client sends
 * rate/nclients a second, the clients spread evenly). */
static double
due_time(const struct client *c, double t0, long seq)
{
  double every = mode.nclients / mode.rate;

  return t0 + every * ((double)seq + (double)c->id / mode.nclients);
}

/* The timed sleep of the soak's monitor between samples. */
static void
sleep_until(double t)
{
  double d = t - now_s();
  struct timespec ts;

  if (d <= 0)
    return;
  ts.tv_sec = (time_t)d;
  ts.tv_nsec = (long)((d - (double)ts.tv_sec) * 1e9);
  nanosleep(&ts, NULL);
}

static void
push_ready(struct worker *w, struct client *c)
{
  c->state = C_READY;
  w->ready[(w->rhead + w->rcount++) % w->n] = c;
}

/* Register c's socket in epoll for ev (EPOLLIN or EPOLLOUT): 0, or -1. */
static int
watch(struct worker *w, struct client *c, unsigned ev)
{
  struct epoll_event e;

  if (c->events == ev)
    return 0;
  memset(&e, 0, sizeof(e));
  e.events = ev;
  e.data.ptr = c;
  if (epoll_ctl(w->epfd, c->events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD,
                c->fd, &e) != 0)
    return -1;
  c->events = ev;
  return 0;
}

static void
drop_conn(struct client *c)
{
  if (c->fd >= 0)
    close(c->fd);       /* which takes it out of epoll too */
  c->fd = -1;
  c->events = 0;
}

/* c's webhook is over with status (-1: no answer): its latency counted,
 * the connection kept or closed, and the next webhook due or queued. */
static void
finish(struct worker *w, struct client *c, int status, int close_after)
{
  if (status != 200)
    c->errors++;
  if (c->nlat < c->cap)
    c->lat[c->nlat++] = now_s() - c->t0;
  if (status < 0 || close_after || !mode.keepalive)
    drop_conn(c);
  c->seq++;
  if (++c->i == NSTORY) {
    c->i = 0;
    c->k++;
  }
  if (mode.until > 0 ? c->i == 0 && now_s() >= mode.until
                     : c->k >= c->conversations) {
    drop_conn(c);
    c->state = C_DONE;
    w->live--;
  } else if (mode.rate > 0) {
    c->due = due_time(c, w->start, c->seq);
    c->state = C_DUE;
    w->waiting++;
  } else {
    push_ready(w, c);
  }
}

/* Write what is left of c's request; then wait for the answer. */
static void
send_rest(struct worker *w, struct client *c)
{
  while (c->outdone < c->outlen) {
    ssize_t n = send(c->fd, c->out + c->outdone, c->outlen - c->outdone,
                     MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      c->state = C_WRITING;
      if (watch(w, c, EPOLLOUT) != 0)
        finish(w, c, -1, 1);
      return;
    }
    if (n <= 0) {
      finish(w, c, -1, 1);
      return;
    }
    c->outdone += (size_t)n;
  }
  c->state = C_READING;
  c->inlen = c->want = c->got = 0;
  if (watch(w, c, EPOLLIN) != 0)
    finish(w, c, -1, 1);
}

/* Send c's next webhook, on a new non-blocking connection when it has
 * none. */
static void
start_request(struct worker *w, struct client *c)
{
  struct sockaddr_in sa;
  int one = 1;

  c->t0 = mode.rate > 0 ? c->due : now_s();
  if (c->pre != NULL) {
    c->out = c->pre->reqs.data + c->pre->off[c->seq];
    c->outlen = c->pre->off[c->seq + 1] - c->pre->off[c->seq];
  } else {
    buf_reset(&c->cur);
    build_request(&c->cur, c->id, c->k, c->i);
    c->out = c->cur.data;
    c->outlen = c->cur.len;
  }
  c->outdone = 0;
  if (c->fd >= 0) {
    send_rest(w, c);
    return;
  }
  c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (c->fd < 0) {
    finish(w, c, -1, 1);
    return;
  }
  if (mode.keepalive)
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  memset(&sa, 0, sizeof(sa));
  sa.sin_family = AF_INET;
  sa.sin_port = htons((uint16_t)w->port);
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  /* On loopback the handshake is often over when connect() returns, so
   * the request is written at once; if not, send() says EAGAIN and the
   * rest waits for the socket to be writable (C_WRITING). */
  if (connect(c->fd, (struct sockaddr *)&sa, sizeof(sa)) == 0 ||
      errno == EINPROGRESS)
    send_rest(w, c);
  else
    finish(w, c, -1, 1);
}

/* Read what has come of c's answer: its status line, Content-Length and
 * "Connection: close" from the head, then the body's bytes. */
static void
read_answer(struct worker *w, struct client *c)
{
  for (;;) {
    size_t room = sizeof(c->in) - 1 - c->inlen;
    ssize_t n;
    char *end, *cl;
    int status, close_after;

    if (c->want > 0 && room == 0) {
      c->inlen = 0;     /* a long body: skipped, only counted */
      room = sizeof(c->in) - 1;
    }
    if (room == 0) {
      finish(w, c, -1, 1);      /* a head longer than the buffer */
      return;
    }
    n = read(c->fd, c->in + c->inlen, room);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return;
    if (n <= 0) {
      finish(w, c, -1, 1);
      return;
    }
    c->inlen += (size_t)n;
    c->got += (size_t)n;
    c->in[c->inlen] = '\0';
    if (c->want == 0) {
      end = strstr(c->in, "\r\n\r\n");
      if (end == NULL)
        continue;
      cl = strstr(c->in, "\r\nContent-Length:");
      c->want = (size_t)(end + 4 - c->in) +
                (cl != NULL && cl < end ? strtoul(cl + 17, NULL, 10) : 0);
    }
    if (c->got < c->want)
      continue;
    if (sscanf(c->in, "HTTP/1.%*d %d", &status) != 1)
      status = -1;
    close_after = strstr(c->in, "\r\nConnection: close") != NULL;
    finish(w, c, status, close_after);
    return;
  }
}

/* epoll_pwait2's timeout for the worker: none while a client is ready,
 * else until the next due webhook, or no limit; clients now due are
 * queued. */
static struct timespec *
next_timeout(struct worker *w, struct timespec *ts)
{
  double now, first = 0, d;
  int j;

  if (w->waiting > 0) {
    now = now_s();
    for (j = 0; j < w->n; j++) {
      struct client *c = w->c[j];
      if (c->state != C_DUE)
        continue;
      if (c->due <= now) {
        w->waiting--;
        push_ready(w, c);
      } else if (first == 0 || c->due < first) {
        first = c->due;
      }
    }
  }
  if (w->rcount > 0 || (w->waiting > 0 && first <= 0)) {
    ts->tv_sec = ts->tv_nsec = 0;
    return ts;
  }
  if (w->waiting == 0)
    return NULL;
  d = first - now_s();
  if (d < 0)
    d = 0;
  ts->tv_sec = (time_t)d;
  ts->tv_nsec = (long)((d - (double)ts->tv_sec) * 1e9);
  return ts;
}

/* epoll_pwait2(), or where it is missing epoll_wait() with the timeout
 * rounded up to the millisecond. */
static int
wait_events(struct worker *w, struct epoll_event *ev, int max,
            const struct timespec *ts)
{
  if (!w->no_pwait2) {
    int n = epoll_pwait2(w->epfd, ev, max, ts, NULL);
    if (n >= 0 || errno != ENOSYS)
      return n;
    w->no_pwait2 = 1;
  }
  return epoll_wait(w->epfd, ev, max, ts == NULL ? -1 :
                    (int)(ts->tv_sec * 1000 + (ts->tv_nsec + 999999) /
                                              1000000));
}

/* One thread of the load: its clients' webhooks until all are done. */
static void *
worker_main(void *arg)
{
  struct worker *w = arg;
  struct epoll_event ev[64];
  struct timespec ts;
  int j, n;

  for (j = 0; j < w->n; j++) {
    struct client *c = w->c[j];
    if (mode.until > 0 && now_s() >= mode.until) {
      c->state = C_DONE;
      w->live--;
    } else if (mode.rate > 0) {
      c->due = due_time(c, w->start, 0);
      c->state = C_DUE;
      w->waiting++;
    } else {
      push_ready(w, c);
    }
  }
  while (w->live > 0) {
    /* Only those queued now: a client whose send fails at once is
     * queued again, for the next round. */
    for (n = w->rcount; n > 0; n--) {
      struct client *c = w->ready[w->rhead];
      w->rhead = (w->rhead + 1) % w->n;
      w->rcount--;
      start_request(w, c);
    }
    if (w->live == 0)
      break;
    n = wait_events(w, ev, (int)(sizeof(ev) / sizeof(ev[0])),
                    next_timeout(w, &ts));
    if (n < 0 && errno != EINTR) {
      perror("bench_daemon: epoll_wait");
      w->failed = 1;
      break;
    }
    for (j = 0; j < n; j++) {
      struct client *c = ev[j].data.ptr;
      if (c->state == C_WRITING)
        send_rest(w, c);
      else if (c->state == C_READING)
        read_answer(w, c);
      else
        drop_conn(c);   /* the server closed a kept connection between
                           webhooks: the next opens a new one */
    }
  }
  for (j = 0; j < w->n; j++)
    drop_conn(w->c[j]);
  return NULL;
}
static int
cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* What one run of the clients against one target measured. */
struct load {
  double secs;          /* from the first request to the last answer */
  double *lat;          /* each request's latency in seconds, sorted */
  int n;
  int errors;           /* requests not answered 200 */
};

/* Called every interval seconds while a load runs (the soak's samples). */
struct monitor {
  void (*fn)(void *arg, double secs);
  void *arg;
  double interval;
};

/* Samples room per client: every message of a fixed run; for a soak,
 * what its rate gives (at most MAX_SAMPLES over all clients). */
static int
samples_per_client(int nclients, int convs)
{
  double n = (double)convs * NSTORY;

  if (mode.until > 0)
    n = (mode.rate > 0 ? mode.rate : 20000) * (mode.until - now_s()) *
        1.2 / nclients + 1000;
  if (n * nclients > MAX_SAMPLES)
    n = (double)MAX_SAMPLES / nclients;
  return (int)n;
}

/*
 * The load every target gets: nclients clients, each holding convs
 * conversations with the server on port (or conversations until the
 * soak's end), one webhook at a time, as mode says, driven by
 * mode.threads threads (client j by thread j % threads); mon (may be
 * NULL) is called meanwhile.  In a bounded run of at most PREBUILD_MAX
 * webhooks every request is built and signed before the clock starts,
 * once for all the targets (prebuild()).
 * 0, or -1 when not every client could be run (what ran is still in
 * out).  Free out->lat.
 */
static int
run_load(int port, int nclients, int convs, const struct monitor *mon,
         struct load *out)
{
  struct client *cl = calloc((size_t)nclients, sizeof(*cl));
  struct client **byw = calloc((size_t)nclients * 2, sizeof(*byw));
  int nw = mode.threads < nclients ? mode.threads : nclients;
  struct worker *w = calloc((size_t)nw, sizeof(*w));
  int cap = samples_per_client(nclients, convs);
  int pre = mode.until == 0 &&
            (double)nclients * convs * NSTORY <= PREBUILD_MAX;
  double t0, next;
  int i, j, ok = cl != NULL && byw != NULL && w != NULL, started = 0;

  memset(out, 0, sizeof(*out));
  out->lat = ok ? malloc(sizeof(double) * (size_t)nclients * (size_t)cap)
                : NULL;
  ok = ok && out->lat != NULL && (!pre || prebuild(nclients, convs) == 0);
  mode.nclients = nclients;
  for (i = 0; ok && i < nclients; i++) {
    cl[i].id = i;
    cl[i].conversations = convs;
    cl[i].fd = -1;
    cl[i].cap = cap;
    cl[i].lat = malloc(sizeof(double) * (size_t)cap);
    cl[i].pre = pre ? &built.c[i] : NULL;
    ok = cl[i].lat != NULL;
  }
  /* Each worker's clients, and room for its ready queue, in byw. */
  for (j = 0, i = 0; ok && j < nw; j++) {
    int k;
    w[j].port = port;
    w[j].c = byw + i;
    for (k = j; k < nclients; k += nw)
      w[j].c[w[j].n++] = &cl[k];
    w[j].ready = byw + nclients + i;
    w[j].live = w[j].n;
    i += w[j].n;
    w[j].epfd = epoll_create1(EPOLL_CLOEXEC);
    ok = w[j].epfd >= 0;
  }
  t0 = now_s();
  for (j = 0; ok && j < nw; j++) {
    w[j].start = t0;
    if (pthread_create(&w[j].th, NULL, worker_main, &w[j]) != 0)
      break;
    started++;
  }
  for (next = t0; started > 0 && mon != NULL && now_s() < mode.until; ) {
    next += mon->interval;
    sleep_until(next < mode.until ? next : mode.until);
    mon->fn(mon->arg, now_s() - t0);
  }
  for (j = 0; j < started; j++) {
    pthread_join(w[j].th, NULL);
    ok = ok && !w[j].failed;
  }
  out->secs = now_s() - t0;
  for (j = 0; w != NULL && j < nw; j++)
    if (w[j].epfd > 0)
      close(w[j].epfd);
  for (i = 0; cl != NULL && i < nclients; i++) {
    if (out->lat != NULL) {
      memcpy(out->lat + out->n, cl[i].lat,
             sizeof(double) * (size_t)cl[i].nlat);
      out->n += cl[i].nlat;
      out->errors += cl[i].errors;
    }
    free(cl[i].lat);
    buf_free(&cl[i].cur);
  }
  free(cl);
  free(byw);
  free(w);
  if (out->n > 0)
    qsort(out->lat, (size_t)out->n, sizeof(double), cmp_double);
  return ok && started == nw && out->n > 0 ? 0 : -1;
}

/* The latency below which a fraction q of the requests were answered, in
 * milliseconds. */
static double
load_ms(const struct load *l, double q)
{
  int i = (int)(l->n * q);

  return l->lat[i < l->n ? i : l->n - 1] * 1000;
}

static void
print_row(const char *target, const struct load *l)
{
  printf("%-24s %11.0f %8.2f %8.2f %7d\n", target, l->n / l->secs,
         load_ms(l, 0.5), load_ms(l, 0.99), l->errors);
}

/* ---- the ceilings' processes ------------------------------------------ */

/*
 * Run argv (argv[0] is the program's path) as a child in a process group
 * of its own, so that child_stop() can reach whatever it forks, and that
 * gets SIGTERM if this process dies first (PR_SET_PDEATHSIG): a bench
 * killed halfway leaves no ceiling running.  With out not NULL, the child's
 * stdout is a pipe whose read end is put in *out.  The pid, or -1.
 */
static pid_t
child_start(const char *const argv[], int *out)
{
  pid_t parent = getpid(), pid = -1;
  int fds[2] = {-1, -1}, n = 0, i;
  char **v;

  while (argv[n] != NULL)
    n++;
  /* execv() wants mutable strings: copies, made before the fork. */
  v = calloc((size_t)n + 1, sizeof(*v));
  for (i = 0; v != NULL && i < n; i++) {
    v[i] = strdup(argv[i]);
    if (v[i] == NULL)
      goto end;
  }
  if (v == NULL || (out != NULL && pipe(fds) != 0))
    goto end;
  for (i = 0; i < 2; i++)
    if (fds[i] >= 0)
      fcntl(fds[i], F_SETFD, FD_CLOEXEC);
  pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != parent)
      _exit(127);
    if (fds[1] >= 0) {
      dup2(fds[1], 1);
      close(fds[1]);
    }
    execv(v[0], v);
    fprintf(stderr, "bench_daemon: cannot run %s: %s\n", v[0],
            strerror(errno));
    _exit(127);
  }
  if (pid > 0) {
    setpgid(pid, pid);
    if (out != NULL) {
      *out = fds[0];
      fds[0] = -1;
    }
  }
end:
  if (fds[0] >= 0)
    close(fds[0]);
  if (fds[1] >= 0)
    close(fds[1]);
  for (i = 0; v != NULL && i < n; i++)
    free(v[i]);
  free(v);
  return pid;
}

/*
 * Stop a child of child_start() with sig and reap it.  Should it still
 * run 10 s later, its whole process group gets SIGKILL (while the child
 * is not yet reaped, so the group is still its own).  The wait status, or
 * -1 when it had to be killed.
 */
static int
child_stop(pid_t pid, int sig)
{
  struct timespec tick = {0, 10 * 1000000L};
  int status, i;

  kill(pid, sig);
  for (i = 0; i < 1000; i++) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid)
      return status;
    if (r < 0 && errno != EINTR)
      return -1;
    nanosleep(&tick, NULL);
  }
  kill(-pid, SIGKILL);
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  return -1;
}

/* The port in the "port N" line a child writes on fd, waiting up to 10 s
 * for it; -1 when none came. */
static int
read_port(int fd)
{
  struct pollfd p = {fd, POLLIN, 0};
  char line[64];
  size_t len = 0;

  while (len < sizeof(line) - 1 && poll(&p, 1, 10000) > 0) {
    ssize_t n = read(fd, line + len, sizeof(line) - 1 - len);
    if (n <= 0)
      break;
    len += (size_t)n;
    line[len] = '\0';
    if (strchr(line, '\n') != NULL)
      return strncmp(line, "port ", 5) == 0 ?
             (int)strtol(line + 5, NULL, 10) : -1;
  }
  return -1;
}

/*
 * The bare libuv ceiling: bench_ceiling_uv started, given the load, and
 * stopped with SIGTERM (which it leaves to the default action, so any
 * other end is a crash).  0, or -1 when it could not be measured.
 */
static int
ceiling_uv(int nclients, int convs, struct load *l)
{
  const char *const argv[] = {BENCH_CEILING_UV_BIN, NULL};
  int fd = -1, port, rc, status;
  pid_t pid = child_start(argv, &fd);

  if (pid < 0)
    return -1;
  port = read_port(fd);
  close(fd);
  rc = port > 0 ? run_load(port, nclients, convs, NULL, l) : -1;
  status = child_stop(pid, SIGTERM);
  if (status == -1 || !WIFSIGNALED(status) || WTERMSIG(status) != SIGTERM) {
    fprintf(stderr, "bench_daemon: bench_ceiling_uv did not stop as it "
            "should (wait status %d)\n", status);
    rc = -1;
  }
  return rc;
}

/* A port free on 127.0.0.1 just now, for nginx, which cannot be asked
 * for port 0 and then tell which it got.  -1 on error. */
static int
free_port(void)
{
  struct sockaddr_in sa;
  socklen_t len = sizeof(sa);
  int fd = socket(AF_INET, SOCK_STREAM, 0), port = -1;

  if (fd < 0)
    return -1;
  memset(&sa, 0, sizeof(sa));
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0 &&
      getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
    port = ntohs(sa.sin_port);
  close(fd);
  return port;
}

/* nginx's config for the ceiling, every path inside dir. */
static void
nginx_config(struct buf *b, const char *dir, int port)
{
  buf_printf(b,
    "# bench_daemon's nginx ceiling: 200 on one fixed location.\n"
    "worker_processes 1;\n"
    "pid \"%s/nginx.pid\";\n"
    "error_log \"%s/error.log\" warn;\n"
    "events { worker_connections 1024; }\n"
    "http {\n"
    "  access_log off;\n"
    "  client_body_temp_path \"%s/client_body\";\n"
    "  proxy_temp_path \"%s/proxy\";\n"
    "  fastcgi_temp_path \"%s/fastcgi\";\n"
    "  uwsgi_temp_path \"%s/uwsgi\";\n"
    "  scgi_temp_path \"%s/scgi\";\n"
    "  server {\n"
    "    listen 127.0.0.1:%d backlog=511;\n"
    "    location = /webhook/wa {\n"
    "      default_type application/json;\n"
    "      return 200 '{\"ok\":true}';\n"
    "    }\n"
    "  }\n"
    "}\n", dir, dir, dir, dir, dir, dir, dir, port);
}

/*
 * Wait up to 10 s for nginx, child pid, to be ready: it writes its pid
 * file only once it has bound its port.  0, or -1 when it is not ready
 * in time or has ended (then it is left unreaped, for child_stop()).
 */
static int
nginx_wait_ready(pid_t pid, const char *pidfile)
{
  char mark[24];
  siginfo_t si;
  int i;

  snprintf(mark, sizeof(mark), "%d\n", (int)pid);
  for (i = 0; i < 100; i++) {
    if (tu_wait_file(pidfile, mark, 100) == 0)
      return 0;
    memset(&si, 0, sizeof(si));
    if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) != 0 ||
        si.si_pid != 0)
      return -1;
  }
  return -1;
}

/*
 * The nginx ceiling: nginx in the foreground on a config in a temporary
 * folder, given the load once ready, and stopped with SIGTERM (its fast
 * shutdown, which ends the worker too).  0, or -1 when it could not be
 * measured (with nginx's log on stderr).
 */
static int
ceiling_nginx(const char *bin, int nclients, int convs, struct load *l)
{
  char *dir = tu_tmpdir(), *conf = NULL, *errlog = NULL, *pidfile = NULL;
  struct buf b = BUF_INIT;
  int port = free_port(), rc = -1, status;
  pid_t pid = -1;

  if (dir == NULL || port < 0)
    goto end;
  conf = tu_path(dir, "nginx.conf");
  errlog = tu_path(dir, "error.log");
  pidfile = tu_path(dir, "nginx.pid");
  if (conf == NULL || errlog == NULL || pidfile == NULL)
    goto end;
  nginx_config(&b, dir, port);
  if (tu_write_file(conf, b.data) != 0)
    goto end;
  {
    const char *const argv[] = {bin, "-p", dir, "-c", conf, "-e", errlog,
                                "-g", "daemon off;", NULL};
    pid = child_start(argv, NULL);
  }
  if (pid < 0)
    goto end;
  if (nginx_wait_ready(pid, pidfile) == 0)
    rc = run_load(port, nclients, convs, NULL, l);
end:
  if (pid > 0) {
    status = child_stop(pid, SIGTERM);
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
      rc = -1;
  }
  if (rc != 0 && errlog != NULL) {
    char *text = tu_read_file(errlog, NULL);
    fprintf(stderr, "bench_daemon: nginx could not be measured; its "
            "log:\n%s\n", text != NULL ? text : "(none)");
    free(text);
  }
  if (dir != NULL)
    tu_rmrf(dir);
  buf_free(&b);
  free(pidfile);
  free(errlog);
  free(conf);
  free(dir);
  return rc;
}

/* ---- the PostgreSQL cluster of --pg ---------------------------------- */

/* The cluster this run started, and the pipe by which a signal asks
 * pg_watch() to stop it. */
static struct {
  pthread_mutex_t mu;   /* held while the cluster starts or stops */
  char *state;          /* pg_cluster.sh's DIR while a cluster runs */
  char *db;             /* the connection string of aduand's database */
  int postmaster;       /* its pid, for the CPU the server uses */
  int sigfd[2];
} pgc = {PTHREAD_MUTEX_INITIALIZER, NULL, NULL, 0, {-1, -1}};

/* The aduand that runs (NULL otherwise), for pg_watch() to kill before
 * the cluster goes (it would retry its connection forever) and to remove
 * its folder. */
static struct tu_daemon *volatile running;

/*
 * Run pg_cluster.sh VERB on pgc.state ("start" with --durable) and wait
 * for it.  Its output goes to stderr (stdout may carry --json), and it
 * runs in a process group of its own: a Ctrl-C reaches this process,
 * which stops the cluster once it is up, rather than a script halfway
 * through initdb.  0 when it exited 0.
 */
static int
pg_cluster_run(const char *verb)
{
  char sh[] = "/bin/sh", script[] = PG_CLUSTER_SH, v[8], durable[] =
    "--durable";
  char *argv[] = {sh, script, v, pgc.state,
                  strcmp(verb, "start") == 0 ? durable : NULL, NULL};
  int status;
  pid_t pid;

  snprintf(v, sizeof(v), "%s", verb);
  pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    dup2(2, 1);
    execv(argv[0], argv);
    _exit(127);
  }
  if (pid < 0)
    return -1;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR)
      return -1;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* Stop and remove the cluster, if one runs (at the end of aduand's part,
 * at exit, and from pg_watch()). */
static void
pg_cluster_stop(void)
{
  pthread_mutex_lock(&pgc.mu);
  if (pgc.state != NULL && pg_cluster_run("stop") != 0)
    fprintf(stderr, "bench_daemon: the PostgreSQL cluster of %s did not "
            "stop (pg_cluster.sh stop %s)\n", pgc.state, pgc.state);
  free(pgc.state);
  free(pgc.db);
  pgc.state = pgc.db = NULL;
  pgc.postmaster = 0;
  pthread_mutex_unlock(&pgc.mu);
}

static void
on_signal(int sig)
{
  unsigned char b = (unsigned char)sig;
  int saved = errno;
  ssize_t n = write(pgc.sigfd[1], &b, 1);  /* pg_watch() does the rest */

  (void)n;
  errno = saved;
}

/* A thread that waits for SIGINT, SIGTERM or SIGHUP (through on_signal's
 * pipe), kills aduand, stops the cluster and ends the process with that
 * signal. */
static void *
pg_watch(void *arg)
{
  unsigned char sig;
  ssize_t n;

  (void)arg;
  while ((n = read(pgc.sigfd[0], &sig, 1)) < 0 && errno == EINTR)
    ;
  if (n != 1)
    return NULL;
  if (running != NULL && running->pid > 0 && !running->reaped) {
    kill(running->pid, SIGKILL);
    tu_rmrf(running->dir);
  }
  pg_cluster_stop();
  signal(sig, SIG_DFL);
  raise(sig);
  _exit(128 + sig);
}

/* The pid in the first line of the cluster's postmaster.pid, or 0. */
static int
pg_postmaster_pid(void)
{
  char *path = tu_path(pgc.state, "pgdir"), *top, *pidfile = NULL, *text;
  int pid = 0;

  top = path != NULL ? tu_read_file(path, NULL) : NULL;
  if (top != NULL) {
    top[strcspn(top, "\n")] = '\0';
    pidfile = tu_path(top, "data/postmaster.pid");
  }
  text = pidfile != NULL ? tu_read_file(pidfile, NULL) : NULL;
  if (text != NULL)
    pid = atoi(text);
  free(text);
  free(pidfile);
  free(top);
  free(path);
  return pid;
}

/* Make aduand's database in the cluster just started (ADUAN_PG_STATE set)
 * and return its connection string (allocated), or NULL.  tu_pg_newdb()
 * is for Check's tests: its assertions end a process that runs none. */
static char *
pg_bench_db(void)
{
  char *admin = tu_pg_admin_conninfo(), *out = NULL;
  PGconn *c = admin != NULL ? PQconnectdb(admin) : NULL;
  PGresult *r = c != NULL && PQstatus(c) == CONNECTION_OK
                ? PQexec(c, "CREATE DATABASE aduan_bench") : NULL;
  size_t n;

  if (r != NULL && PQresultStatus(r) == PGRES_COMMAND_OK) {
    /* The admin string ends with dbname=postgres: a later dbname wins. */
    n = strlen(admin) + 32;
    out = malloc(n);
    if (out != NULL)
      snprintf(out, n, "%s dbname=aduan_bench", admin);
  } else {
    fprintf(stderr, "bench_daemon: CREATE DATABASE: %s",
            r != NULL ? PQresultErrorMessage(r)
                      : c != NULL ? PQerrorMessage(c) : "no cluster\n");
  }
  PQclear(r);
  PQfinish(c);
  free(admin);
  return out;
}

/*
 * --pg: start a durable cluster in a temporary folder and point
 * tu_daemon at it (ADUAN_TEST_STORE, ADUAN_PG_STATE) with a database for
 * aduand in pgc.db; from here on exit() and the signals above stop it.
 * 0, or -1 when it could not be started.
 */
static int
pg_cluster_start(void)
{
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  struct sigaction sa;
  pthread_t th;
  size_t i;
  int rc = -1;

  if (pipe(pgc.sigfd) != 0)
    return -1;
  fcntl(pgc.sigfd[0], F_SETFD, FD_CLOEXEC);
  fcntl(pgc.sigfd[1], F_SETFD, FD_CLOEXEC);
  if (pthread_create(&th, NULL, pg_watch, NULL) != 0)
    return -1;
  pthread_detach(th);
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
    sigaction(sigs[i], &sa, NULL);
  atexit(pg_cluster_stop);
  pthread_mutex_lock(&pgc.mu);
  pgc.state = tu_tmpdir();
  if (pgc.state != NULL && pg_cluster_run("start") == 0) {
    pgc.postmaster = pg_postmaster_pid();
    rc = 0;
  } else if (pgc.state != NULL) {
    tu_rmrf(pgc.state);  /* the script removed its cluster itself */
    free(pgc.state);
    pgc.state = NULL;
  }
  if (rc == 0) {
    setenv("ADUAN_TEST_STORE", "postgres", 1);
    setenv("ADUAN_PG_STATE", pgc.state, 1);
    pgc.db = pg_bench_db();
  }
  pthread_mutex_unlock(&pgc.mu);
  return rc == 0 && pgc.db != NULL ? 0 : -1;
}

/* ---- what aduand used ------------------------------------------------ */

/* From /proc/PID/stat: pid's parent, the CPU seconds (user and system)
 * it has used so far and those of the children it has reaped.  0, or -1
 * when pid is gone. */
static int
proc_stat(int pid, int *ppid, double *self, double *reaped)
{
  char path[64], buf[1024], *p;
  unsigned long ut = 0, st = 0;
  long cut = 0, cst = 0;
  double tick = (double)sysconf(_SC_CLK_TCK);
  FILE *f;
  size_t n;
  int pp = 0;

  snprintf(path, sizeof(path), "/proc/%d/stat", pid);
  f = fopen(path, "r");
  if (f == NULL)
    return -1;
  n = fread(buf, 1, sizeof(buf) - 1, f);
  fclose(f);
  buf[n] = '\0';
  p = strrchr(buf, ')');  /* the name may hold spaces */
  if (p == NULL || sscanf(p + 2, "%*c %d %*d %*d %*d %*d %*u %*u %*u %*u "
                          "%*u %lu %lu %ld %ld", &pp, &ut, &st, &cut,
                          &cst) != 5)
    return -1;
  if (ppid != NULL)
    *ppid = pp;
  *self = (double)(ut + st) / tick;
  if (reaped != NULL)
    *reaped = (double)(cut + cst) / tick;
  return 0;
}

/* CPU seconds (user and system) pid has used so far, or -1. */
static double
proc_cpu_secs(int pid)
{
  double self;

  return proc_stat(pid, NULL, &self, NULL) == 0 ? self : -1;
}

/* CPU seconds (user and system) a server has used so far: the process
 * master's own, its reaped children's, and its live children's (the
 * backends of PostgreSQL's postmaster).  -1 when master is gone. */
static double
proc_tree_cpu_secs(int master)
{
  double self, reaped, total;
  DIR *dir;
  struct dirent *e;

  if (proc_stat(master, NULL, &self, &reaped) != 0)
    return -1;
  total = self + reaped;
  dir = opendir("/proc");
  while (dir != NULL && (e = readdir(dir)) != NULL) {
    int pid = atoi(e->d_name), ppid;
    if (pid > 0 && proc_stat(pid, &ppid, &self, NULL) == 0 &&
        ppid == master)
      total += self;
  }
  if (dir != NULL)
    closedir(dir);
  return total;
}

/* Bytes pid has caused to be written to storage so far (write_bytes of
 * /proc/PID/io: the WAL, the database, checkpoints), or -1. */
static double
proc_disk_bytes(int pid)
{
  char path[64], line[128];
  double n = -1;
  FILE *f;

  snprintf(path, sizeof(path), "/proc/%d/io", pid);
  f = fopen(path, "r");
  if (f == NULL)
    return -1;
  while (fgets(line, sizeof(line), f) != NULL)
    if (strncmp(line, "write_bytes:", 12) == 0)
      n = atof(line + 12);
  fclose(f);
  return n;
}

/* The value of the counter name (no labels) in a /metrics text, or -1. */
static double
metric(const char *text, const char *name)
{
  const char *p = text;
  size_t n = strlen(name);

  while (p != NULL && (p = strstr(p, name)) != NULL) {
    if ((p == text || p[-1] == '\n') && p[n] == ' ')
      return atof(p + n + 1);
    p += n;
  }
  return -1;
}

/* Open descriptors of pid, or -1. */
static int
proc_fds(int pid)
{
  char path[64];
  DIR *dir;
  struct dirent *e;
  int n = 0;

  snprintf(path, sizeof(path), "/proc/%d/fd", pid);
  dir = opendir(path);
  if (dir == NULL)
    return -1;
  while ((e = readdir(dir)) != NULL)
    n += e->d_name[0] != '.';
  closedir(dir);
  return n;
}

struct soak {
  struct tu_daemon *d;
  struct fakeprov *fp;
  int json;           /* samples as JSON lines on stderr */
};

/* One soak sample: time, RSS, descriptors, CPU, replies so far. */
static void
soak_sample(void *arg, double secs)
{
  struct soak *sk = arg;
  long rss = tu_proc_status_kib(sk->d->pid, "VmRSS:");
  int fds = proc_fds(sk->d->pid);
  double cpu = proc_cpu_secs(sk->d->pid);

  if (sk->json)
    fprintf(stderr, "{\"t\":%.0f,\"rss_kib\":%ld,\"fds\":%d,"
            "\"cpu_s\":%.2f,\"replies\":%d}\n", secs, rss, fds, cpu,
            fakeprov_count(sk->fp));
  else
    printf("soak t=%4.0fs rss=%ld KiB fds=%d cpu=%.2fs replies=%d\n", secs,
           rss, fds, cpu, fakeprov_count(sk->fp));
  fflush(stdout);
}

/*
 * The sender alone: with aduand stopped, n replies are queued in its
 * database for the reporters the run left, then aduand starts again and
 * sends them to the fake provider (no rate limit, keep-alive).  Sends/s
 * from that start until the provider had them all; -1 on failure.
 */
static double
sender_rate(struct tu_daemon *d, struct fakeprov *fp, int n)
{
  char sql[768];
  double t0;
  int before, status, ok;

  if (tu_daemon_kill(d, SIGTERM) != 0 ||
      tu_daemon_wait_exit(d, 30000, &status) != 0)
    return -1;
  /* SQL both SQLite and PostgreSQL take: the replies go round the
   * reporters by their rank (PostgreSQL's ids may have gaps). */
  snprintf(sql, sizeof(sql),
           "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k "
           "WHERE i < %d), r(id, n) AS (SELECT id, row_number() OVER "
           "(ORDER BY id) - 1 FROM reporters) INSERT INTO outbox (channel, "
           "reporter_id, kind, body, status, attempts, next_attempt_at, "
           "created_at, updated_at) SELECT 'wa', r.id, 'text', "
           "'Laporan Anda kami terima.', 'queued', 0, 0, 0, 0 FROM k JOIN r "
           "ON r.n = k.i %% (SELECT count(*) FROM reporters)", n);
  ok = tu_db_exec(d, sql) == 0;
  before = fakeprov_count(fp);
  if (!ok || tu_daemon_restart(d) != 0)
    return -1;
  t0 = now_s();
  if (fakeprov_wait(fp, before + n, 120000) != 0)
    return -1;
  return n / (now_s() - t0);
}

/* ---- the run ---------------------------------------------------------- */

struct opts {
  int nclients, convs, json, sends;
  int pg;                       /* --pg: aduand on PostgreSQL */
  double soak;
  const char *nginx;
};

static int
usage(void)
{
  fprintf(stderr,
          "usage: bench_daemon [-k] [-r RATE] [-s SECONDS] [-n SENDS] "
          "[-t THREADS] [--pg] [--json] [CLIENTS 1..500 "
          "[CONVERSATIONS]]\n"
          "  -k          keep-alive: one connection per client, reused\n"
          "  -r RATE     open loop: RATE webhooks/s over all clients\n"
          "  -s SECONDS  soak (at most 600): run that long, print RSS and\n"
          "              descriptors every 10 s (ceilings skipped)\n"
          "  -n SENDS    then the sender alone: SENDS queued replies\n"
          "              (0: skip; default 20000)\n"
          "  -t THREADS  threads driving the clients, each a share of\n"
          "              the connections on epoll (1..64, default 1)\n"
          "  --pg        aduand on PostgreSQL: a durable cluster of the\n"
          "              bench's own in a temporary folder (fsync,\n"
          "              synchronous_commit, full_page_writes on), removed\n"
          "              after; without it, SQLite (every commit's WAL\n"
          "              synced before its webhooks are answered)\n"
          "  --json      one JSON object on stdout instead of the tables\n");
  return 2;
}

static int
parse(int argc, char **argv, struct opts *o)
{
  int i, pos = 0;

  memset(o, 0, sizeof(*o));
  o->nclients = 16;
  o->convs = 10;
  o->sends = 20000;
  mode.threads = 1;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-k") == 0)
      mode.keepalive = 1;
    else if (strcmp(a, "--json") == 0)
      o->json = 1;
    else if (strcmp(a, "--pg") == 0)
      o->pg = 1;
    else if (strcmp(a, "-r") == 0 && i + 1 < argc)
      mode.rate = atof(argv[++i]);
    else if (strcmp(a, "-s") == 0 && i + 1 < argc)
      o->soak = atof(argv[++i]);
    else if (strcmp(a, "-n") == 0 && i + 1 < argc)
      o->sends = atoi(argv[++i]);
    else if (strcmp(a, "-t") == 0 && i + 1 < argc)
      mode.threads = atoi(argv[++i]);
    else if (a[0] != '-' && pos == 0 && ++pos)
      o->nclients = atoi(a);
    else if (a[0] != '-' && pos == 1 && ++pos)
      o->convs = atoi(a);
    else
      return -1;
  }
  if (o->nclients < 1 || o->nclients > 500 || o->convs < 1 ||
      o->convs > 10000 || mode.rate < 0 || o->soak < 0 || o->soak > 600 ||
      o->sends < 0 || o->sends > 1000000 || mode.threads < 1 ||
      mode.threads > 64)
    return -1;
  return 0;
}

/* The figures of one run. */
struct result {
  struct load ad, uv, ng;
  int uv_ok, ng_rc;
  long rss_kib;
  double cpu_s, sends_s;
  double disk_bytes;            /* aduand caused to be written to storage
                                   during the load */
  double wal_bytes;             /* PostgreSQL's WAL written meanwhile, or
                                   -1 on SQLite */
  double server_cpu_s;          /* PostgreSQL's CPU meanwhile, or -1 */
  char *version;                /* the store's version (allocated) */
  double syncs, batches, committed;  /* aduand's commit counters, or -1 */
  long long tickets;
  int replies;
};

static void
print_tables(const struct opts *o, const struct result *r)
{
  const struct load *ad = &r->ad;

  printf("backend:        %s %s%s\n", o->pg ? "PostgreSQL" : "SQLite",
         r->version != NULL ? r->version : "(version unknown)",
         o->pg ? ", a durable cluster of the bench's own (fsync, "
                 "synchronous_commit, full_page_writes on)"
               : ", every commit's WAL synced before its answer");
  printf("clients:        %d (one request at a time each, %s%s)\n",
         o->nclients, mode.keepalive ? "keep-alive" : "new connection each",
         mode.rate > 0 ? ", open loop" : "");
  if (mode.rate > 0)
    printf("offered rate:   %.0f webhooks/s\n", mode.rate);
  printf("conversations:  %d webhooks\n", ad->n);
  printf("tickets filed:  %lld\n", r->tickets);
  printf("errors:         %d webhooks not answered 200\n", ad->errors);
  if (ad->n > 0) {
    printf("throughput:     %.0f messages/s over %.2f s\n", ad->n / ad->secs,
           ad->secs);
    printf("latency:        p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
           load_ms(ad, 0.5), load_ms(ad, 0.99), load_ms(ad, 1));
    printf("aduand CPU:     %.1f us per message (user + system)\n",
           r->cpu_s / ad->n * 1e6);
    if (r->server_cpu_s >= 0)
      printf("server CPU:     %.1f us per message (PostgreSQL: the "
             "postmaster and its backends)\n", r->server_cpu_s / ad->n * 1e6);
    printf("disk writes:    %.1f KiB per message (%.1f pages of 4 KiB)%s\n",
           r->disk_bytes / ad->n / 1024, r->disk_bytes / ad->n / 4096,
           o->pg ? " by aduand itself" : "");
    if (r->wal_bytes >= 0)
      printf("WAL written:    %.1f KiB per message (PostgreSQL's)\n",
             r->wal_bytes / ad->n / 1024);
    if (r->syncs > 0)
      printf("commits:        %.0f syncs, %.0f batches for %.0f requests: "
             "%.3f syncs per webhook\n", r->syncs, r->batches,
             r->committed, r->syncs / ad->n);
  }
  printf("peak RSS:       %ld KiB (aduand)\n", r->rss_kib);
  printf("replies seen by the fake provider: %d\n", r->replies);
  if (o->sends > 0)
    printf("sender alone:   %.0f sends/s (%d queued replies)\n", r->sends_s,
           o->sends);
  if (o->soak > 0)
    return;
  printf("\nceilings (the same clients and webhooks, aduand stopped):\n");
  printf("%-24s %11s %8s %8s %7s\n", "target", "requests/s", "p50 ms",
         "p99 ms", "errors");
  if (ad->n > 0)
    print_row("aduand", ad);
  if (r->uv_ok)
    print_row("bare libuv responder", &r->uv);
  else
    printf("%-24s could not be measured (see above)\n",
           "bare libuv responder");
  if (r->ng_rc == 0)
    print_row("nginx, 1 worker", &r->ng);
  else if (r->ng_rc > 0)
    printf("%-24s not installed (no %s; scripts/deps.sh --bench), "
           "skipped\n", "nginx, 1 worker", o->nginx);
  else
    printf("%-24s could not be measured (see above)\n", "nginx, 1 worker");
}

static void
json_load(const char *name, const struct load *l)
{
  printf(",\"%s\":{\"requests_per_s\":%.1f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,"
         "\"errors\":%d}", name, l->n / l->secs, load_ms(l, 0.5),
         load_ms(l, 0.99), l->errors);
}

static void
print_json(const struct opts *o, const struct result *r)
{
  const struct load *ad = &r->ad;

  printf("{\"backend\":\"%s\",\"backend_version\":\"%s\",",
         o->pg ? "postgres" : "sqlite", r->version != NULL ? r->version : "");
  printf("\"clients\":%d,\"keepalive\":%s,\"rate\":%.0f,\"webhooks\":%d,"
         "\"tickets\":%lld,\"errors\":%d,\"messages_per_s\":%.1f,"
         "\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"cpu_us_per_message\":%.1f,"
         "\"peak_rss_kib\":%ld,\"replies\":%d,\"sends_per_s\":%.1f,"
         "\"disk_kib_per_message\":%.2f,\"syncs_per_webhook\":%.4f",
         o->nclients, mode.keepalive ? "true" : "false", mode.rate, ad->n,
         r->tickets, ad->errors, ad->n > 0 ? ad->n / ad->secs : 0,
         ad->n > 0 ? load_ms(ad, 0.5) : 0, ad->n > 0 ? load_ms(ad, 0.99) : 0,
         ad->n > 0 ? r->cpu_s / ad->n * 1e6 : 0, r->rss_kib, r->replies,
         r->sends_s, ad->n > 0 ? r->disk_bytes / ad->n / 1024 : 0,
         ad->n > 0 && r->syncs > 0 ? r->syncs / ad->n : -1);
  if (o->pg && ad->n > 0)
    printf(",\"server_cpu_us_per_message\":%.1f,\"wal_kib_per_message\":"
           "%.2f", r->server_cpu_s / ad->n * 1e6, r->wal_bytes / ad->n / 1024);
  if (r->uv_ok)
    json_load("bare_libuv", &r->uv);
  if (r->ng_rc == 0)
    json_load("nginx", &r->ng);
  printf("}\n");
}

/* What aduand and its store had done at one moment: marks taken before
 * and after the load.  wal and server_cpu are -1 on SQLite. */
struct store_mark {
  double disk;          /* written by aduand (proc_disk_bytes) */
  double wal;           /* PostgreSQL's WAL position, in bytes */
  double server_cpu;    /* PostgreSQL's CPU seconds (proc_tree_cpu_secs) */
};

static void
store_mark(struct tu_daemon *d, struct store_mark *m)
{
  m->disk = proc_disk_bytes(d->pid);
  m->wal = d->pg == NULL ? -1 :
    (double)tu_db_int(d, "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn");
  m->server_cpu = d->pg != NULL && pgc.postmaster > 0
                  ? proc_tree_cpu_secs(pgc.postmaster) : -1;
}

/* What the store did between marks a and b, into r. */
static void
store_used(const struct store_mark *a, const struct store_mark *b,
           struct result *r)
{
  r->disk_bytes = b->disk - a->disk;
  r->wal_bytes = a->wal >= 0 && b->wal >= 0 ? b->wal - a->wal : -1;
  r->server_cpu_s = a->server_cpu >= 0 && b->server_cpu >= 0
                    ? b->server_cpu - a->server_cpu : -1;
}

/* aduand's part of the run: the load, then the sender alone. */
static int
run_aduand(const struct opts *o, struct result *r)
{
  struct fakeprov *fp;
  struct tu_daemon d;
  struct buf conf = BUF_INIT;
  struct soak sk;
  struct monitor mon;
  struct store_mark m0, m1;
  struct tu_daemon_opts dopts;
  double cpu0;
  struct tu_resp m;
  int ok;

  if (fakeprov_start(&fp) != 0)
    return 0;
  buf_printf(&conf, "[log]\nlevel = info\n[limits]\nmessages_per_minute = 0\n"
             "tickets_per_day = 0\n[admin]\nmetrics_public = yes\n"
             "[channel.wa]\ntype = whatsapp_cloud\n"
             "app_secret = " SECRET "\nverify_token = v\naccess_token = a\n"
             "phone_number_id = 112233445566778\n"
             "api_base = http://127.0.0.1:%d/v21.0\nrate = 10000\n"
             "concurrency = 64\n", fakeprov_port(fp));
  memset(&dopts, 0, sizeof(dopts));
  dopts.extra = conf.data;
  dopts.pg = pgc.db;  /* with --pg; NULL on SQLite */
  dopts.wall_clock = 1;
  if (tu_daemon_start_opts(&d, &dopts) != 0) {
    fprintf(stderr, "bench_daemon: the daemon did not start\n");
    return 0;
  }
  buf_free(&conf);
  running = &d;
  r->version = tu_db_text(&d, o->pg ? "SHOW server_version"
                                    : "SELECT sqlite_version()");
  sk.d = &d;
  sk.fp = fp;
  sk.json = o->json;
  mon.fn = soak_sample;
  mon.arg = &sk;
  mon.interval = 10;
  if (o->soak > 0)
    mode.until = now_s() + o->soak;
  store_mark(&d, &m0);
  cpu0 = proc_cpu_secs(d.pid);
  ok = run_load(d.port, o->nclients, o->convs, o->soak > 0 ? &mon : NULL,
                &r->ad) == 0;
  r->cpu_s = proc_cpu_secs(d.pid) - cpu0;
  store_mark(&d, &m1);
  store_used(&m0, &m1, r);
  r->syncs = r->batches = r->committed = -1;
  if (tu_http(d.port, "GET", "/metrics", NULL, NULL, &m) == 0) {
    r->syncs = metric(m.body, "aduan_commit_syncs_total");
    r->batches = metric(m.body, "aduan_commit_batches_total");
    r->committed = metric(m.body, "aduan_commit_requests_total");
    tu_resp_free(&m);
  }
  mode.until = 0;
  r->rss_kib = tu_proc_status_kib(d.pid, "VmHWM:");  /* peak resident set */
  r->tickets = tu_db_int(&d, "SELECT count(*) FROM tickets");
  /* The replies still on their way, before the provider is counted. */
  fakeprov_wait(fp, r->ad.n - 16, 10000);
  r->replies = fakeprov_count(fp);
  if (o->sends > 0) {
    r->sends_s = sender_rate(&d, fp, o->sends);
    ok = ok && r->sends_s > 0;
  }
  /* aduand and the fake provider stop first, so that the ceilings do not
   * share the cores with the replies still being sent. */
  running = NULL;
  ok = tu_daemon_stop(&d) && ok;
  fakeprov_stop(fp);
  return ok;
}

int
main(int argc, char **argv)
{
  struct opts o;
  struct result r;
  int ok;

  if (parse(argc, argv, &o) != 0)
    return usage();
  memset(&r, 0, sizeof(r));
  o.nginx = getenv("ADUAN_BENCH_NGINX");
  if (o.nginx == NULL || *o.nginx == '\0')
    o.nginx = NGINX_DEFAULT;
  /* The fake provider runs in this process and would log each reply it
   * gets: thousands of lines, written while the figures are taken. */
  log_setup(LOG_WARN, 0);
  if (o.pg && pg_cluster_start() != 0) {
    fprintf(stderr, "bench_daemon: --pg: the PostgreSQL cluster did not "
            "start (%s)\n", PG_CLUSTER_SH);
    return 1;
  }
  ok = run_aduand(&o, &r);
  /* PostgreSQL goes before the ceilings, which should have the cores. */
  if (o.pg)
    pg_cluster_stop();
  r.ng_rc = 1;
  if (o.soak == 0) {
    r.uv_ok = ceiling_uv(o.nclients, o.convs, &r.uv) == 0;
    if (access(o.nginx, X_OK) == 0)
      r.ng_rc = ceiling_nginx(o.nginx, o.nclients, o.convs, &r.ng);
  }
  if (o.json)
    print_json(&o, &r);
  else
    print_tables(&o, &r);
  free(r.ad.lat);
  free(r.uv.lat);
  free(r.ng.lat);
  free(r.version);
  prebuilt_free();
  return ok && (r.uv_ok || o.soak > 0) && r.ng_rc >= 0 ? 0 : 1;
}
