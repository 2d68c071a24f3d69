/*
 * bench_daemon: complete conversations through the real aduand over
 * loopback, as SPEC section 9 asks: signed WhatsApp webhooks in, replies
 * out to a fake provider, tickets filed in SQLite.  Prints messages per
 * second, p50/p99 webhook latency and the daemon's peak RSS.
 *
 *   bench_daemon [CLIENTS [CONVERSATIONS_PER_CLIENT]]   (default 16 10)
 *
 * Each client is a thread with its own reporter numbers, posting one
 * message at a time (a provider waits for each answer), each on a new
 * connection with "Connection: close".  Not a test: it prints figures and
 * asserts nothing about time.
 *
 * Then, in the same run and once aduand has stopped, the same clients
 * post the same signed webhooks (same sizes, same connection pattern) to
 * SPEC section 9's two reference ceilings, each a child of this process:
 *
 *   - bench_ceiling_uv, a bare libuv responder answering 200 with no
 *     application work (see that file);
 *   - nginx answering "return 200" on /webhook/wa, from a config in a
 *     temporary folder (pid file, logs and temp paths inside it), in the
 *     foreground ("daemon off;") with one worker process: aduand is one
 *     process with one event loop, so one nginx worker is the like for
 *     like, and on the 2-core machine the client threads need the other
 *     core.  ADUAN_BENCH_NGINX names another binary than /usr/sbin/nginx;
 *     without one the nginx line says so and the run goes on.
 *
 * A last table gives one line per target: requests/s, p50 and p99.  Every
 * child is stopped before exit, and dies with this process should it be
 * killed first (PR_SET_PDEATHSIG).
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
#include "tu_sign.h"

#define SECRET "bench-secret"
#define MAX_SAMPLES 1000000
#define NGINX_DEFAULT "/usr/sbin/nginx"

static const char *const story[] = {
  "Halo", "1", "pungli", "Kepala Seksi Perizinan Dinas", "Kota Kupang",
  "kemarin", NULL /* the kronologi: unique per conversation */, "LANJUT",
  "LEWATI", "3", "KIRIM",
};
#define NSTORY ((int)(sizeof(story) / sizeof(story[0])))

struct client {
  pthread_t th;
  int id;
  int port;
  int conversations;
  double *lat;        /* seconds per message */
  int nlat;
  int errors;
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

static void *
client_main(void *arg)
{
  struct client *c = arg;
  char digits[24], id[64], text[256];
  int k, i;

  for (k = 0; k < c->conversations; k++) {
    snprintf(digits, sizeof(digits), "62813%03d%05d", c->id, k);
    for (i = 0; i < NSTORY; i++) {
      double t0 = now_s();
      const char *msg = story[i];
      int status;
      if (msg == NULL) {
        story_text(c->id * 100000 + k, text, sizeof(text));
        msg = text;
      }
      snprintf(id, sizeof(id), "wamid.b%d.%d.%d", c->id, k, i);
      status = tu_wa_say(c->port, "/webhook/wa", SECRET, digits, id, msg);
      if (status != 200)
        c->errors++;
      if (c->nlat < MAX_SAMPLES)
        c->lat[c->nlat++] = now_s() - t0;
    }
  }
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

/*
 * The load every target gets: nclients threads, each holding convs
 * conversations with the server on port, one webhook at a time.  0, or -1
 * when not every thread could be run (what ran is still in out).  Free
 * out->lat.
 */
static int
run_load(int port, int nclients, int convs, struct load *out)
{
  struct client *cl = calloc((size_t)nclients, sizeof(*cl));
  double t0;
  int i, started = 0;

  memset(out, 0, sizeof(*out));
  out->lat = malloc(sizeof(double) * (size_t)(nclients * convs * NSTORY));
  if (cl == NULL || out->lat == NULL) {
    free(cl);
    return -1;
  }
  t0 = now_s();
  for (i = 0; i < nclients; i++) {
    cl[i].id = i;
    cl[i].port = port;
    cl[i].conversations = convs;
    cl[i].lat = malloc(sizeof(double) * (size_t)(convs * NSTORY));
    if (cl[i].lat == NULL ||
        pthread_create(&cl[i].th, NULL, client_main, &cl[i]) != 0) {
      free(cl[i].lat);
      break;
    }
    started++;
  }
  for (i = 0; i < started; i++)
    pthread_join(cl[i].th, NULL);
  out->secs = now_s() - t0;
  for (i = 0; i < started; i++) {
    memcpy(out->lat + out->n, cl[i].lat, sizeof(double) * (size_t)cl[i].nlat);
    out->n += cl[i].nlat;
    out->errors += cl[i].errors;
    free(cl[i].lat);
  }
  free(cl);
  qsort(out->lat, (size_t)out->n, sizeof(double), cmp_double);
  return started == nclients && out->n > 0 ? 0 : -1;
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
  rc = port > 0 ? run_load(port, nclients, convs, l) : -1;
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
    rc = run_load(port, nclients, convs, l);
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

int
main(int argc, char **argv)
{
  int nclients = argc > 1 ? atoi(argv[1]) : 16;
  int convs = argc > 2 ? atoi(argv[2]) : 10;
  const char *nginx = getenv("ADUAN_BENCH_NGINX");
  struct load ad = {0}, uv = {0}, ng = {0};
  struct fakeprov *fp;
  struct tu_daemon d;
  struct buf conf = BUF_INIT;
  int ok, uv_ok, ng_rc = 1;
  long rss;

  if (nclients < 1 || nclients > 500 || convs < 1 || convs > 10000) {
    fprintf(stderr, "usage: bench_daemon [CLIENTS 1..500 [CONVERSATIONS]]\n");
    return 2;
  }
  if (nginx == NULL || *nginx == '\0')
    nginx = NGINX_DEFAULT;
  /* The fake provider runs in this process and would log each reply it
   * gets: thousands of lines, written while the figures are taken. */
  log_setup(LOG_WARN, 0);
  if (fakeprov_start(&fp) != 0)
    return 1;
  buf_printf(&conf, "[log]\nlevel = info\n[limits]\nmessages_per_minute = 0\n"
             "tickets_per_day = 0\n[channel.wa]\ntype = whatsapp_cloud\n"
             "app_secret = " SECRET "\nverify_token = v\naccess_token = a\n"
             "phone_number_id = 112233445566778\n"
             "api_base = http://127.0.0.1:%d/v21.0\nrate = 10000\n"
             "concurrency = 64\n", fakeprov_port(fp));
  if (tu_daemon_start(&d, conf.data) != 0) {
    fprintf(stderr, "bench_daemon: the daemon did not start\n");
    return 1;
  }
  buf_free(&conf);
  ok = run_load(d.port, nclients, convs, &ad) == 0;
  rss = tu_proc_status_kib(d.pid, "VmHWM:");  /* peak resident set */
  printf("clients:        %d (one request at a time each)\n", nclients);
  printf("conversations:  %d complete reports, %d webhooks\n",
         nclients * convs, ad.n);
  printf("tickets filed:  %lld\n", tu_db_int(&d, "SELECT count(*) FROM tickets"));
  printf("errors:         %d webhooks not answered 200\n", ad.errors);
  if (ad.n > 0) {
    printf("throughput:     %.0f messages/s over %.2f s\n", ad.n / ad.secs,
           ad.secs);
    printf("latency:        p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
           load_ms(&ad, 0.5), load_ms(&ad, 0.99), load_ms(&ad, 1));
  }
  printf("peak RSS:       %ld KiB (aduand)\n", rss);
  printf("replies seen by the fake provider: %d\n", fakeprov_count(fp));
  fflush(stdout);
  /* aduand and the fake provider stop first, so that the ceilings do not
   * share the cores with the replies still being sent. */
  ok = tu_daemon_stop(&d) && ok;
  fakeprov_stop(fp);

  uv_ok = ceiling_uv(nclients, convs, &uv) == 0;
  if (access(nginx, X_OK) == 0)
    ng_rc = ceiling_nginx(nginx, nclients, convs, &ng);
  printf("\nceilings (the same clients and webhooks, aduand stopped):\n");
  printf("%-24s %11s %8s %8s %7s\n", "target", "requests/s", "p50 ms",
         "p99 ms", "errors");
  if (ad.n > 0)
    print_row("aduand", &ad);
  if (uv_ok)
    print_row("bare libuv responder", &uv);
  else
    printf("%-24s could not be measured (see above)\n",
           "bare libuv responder");
  if (ng_rc == 0)
    print_row("nginx, 1 worker", &ng);
  else if (ng_rc > 0)
    printf("%-24s not installed (no %s; scripts/deps.sh --bench), "
           "skipped\n", "nginx, 1 worker", nginx);
  else
    printf("%-24s could not be measured (see above)\n", "nginx, 1 worker");
  free(ad.lat);
  free(uv.lat);
  free(ng.lat);
  return ok && uv_ok && ng_rc >= 0 ? 0 : 1;
}
