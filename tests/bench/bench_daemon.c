/*
 * bench_daemon: complete conversations through the real aduand over
 * loopback, as SPEC section 9 asks: signed WhatsApp webhooks in, replies
 * out to a fake provider, tickets filed in SQLite.  Prints messages per
 * second, p50/p99 webhook latency and the daemon's peak RSS.
 *
 *   bench_daemon [CLIENTS [CONVERSATIONS_PER_CLIENT]]   (default 16 10)
 *
 * Each client is a thread with its own reporter numbers, posting one
 * message at a time (a provider waits for each answer).  Not a test: it
 * prints figures and asserts nothing about time.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "fakeprov.h"
#include "testutil.h"
#include "tu_daemon.h"
#include "tu_sign.h"

#define SECRET "bench-secret"
#define MAX_SAMPLES 1000000

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

/* Peak resident set of pid, in KiB, from /proc. */
static long
peak_rss_kib(int pid)
{
  char path[64], line[256];
  long kib = -1;
  FILE *f;

  snprintf(path, sizeof(path), "/proc/%d/status", pid);
  f = fopen(path, "r");
  if (f == NULL)
    return -1;
  while (fgets(line, sizeof(line), f) != NULL)
    if (strncmp(line, "VmHWM:", 6) == 0)
      kib = strtol(line + 6, NULL, 10);
  fclose(f);
  return kib;
}

int
main(int argc, char **argv)
{
  int nclients = argc > 1 ? atoi(argv[1]) : 16;
  int convs = argc > 2 ? atoi(argv[2]) : 10;
  struct client *cl;
  struct fakeprov *fp;
  struct tu_daemon d;
  struct buf conf = BUF_INIT;
  double t0, t1, *all;
  int i, n = 0, errors = 0;
  long rss;

  if (nclients < 1 || nclients > 500 || convs < 1 || convs > 10000) {
    fprintf(stderr, "usage: bench_daemon [CLIENTS 1..500 [CONVERSATIONS]]\n");
    return 2;
  }
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
  cl = calloc((size_t)nclients, sizeof(*cl));
  t0 = now_s();
  for (i = 0; i < nclients; i++) {
    cl[i].id = i;
    cl[i].port = d.port;
    cl[i].conversations = convs;
    cl[i].lat = malloc(sizeof(double) * (size_t)(convs * NSTORY));
    pthread_create(&cl[i].th, NULL, client_main, &cl[i]);
  }
  for (i = 0; i < nclients; i++)
    pthread_join(cl[i].th, NULL);
  t1 = now_s();
  rss = peak_rss_kib(d.pid);
  all = malloc(sizeof(double) * (size_t)(nclients * convs * NSTORY));
  for (i = 0; i < nclients; i++) {
    memcpy(all + n, cl[i].lat, sizeof(double) * (size_t)cl[i].nlat);
    n += cl[i].nlat;
    errors += cl[i].errors;
    free(cl[i].lat);
  }
  qsort(all, (size_t)n, sizeof(double), cmp_double);
  printf("clients:        %d (one request at a time each)\n", nclients);
  printf("conversations:  %d complete reports, %d webhooks\n",
         nclients * convs, n);
  printf("tickets filed:  %lld\n", tu_db_int(&d, "SELECT count(*) FROM tickets"));
  printf("errors:         %d webhooks not answered 200\n", errors);
  printf("throughput:     %.0f messages/s over %.2f s\n", n / (t1 - t0),
         t1 - t0);
  printf("latency:        p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
         all[n / 2] * 1000, all[(int)(n * 0.99)] * 1000, all[n - 1] * 1000);
  printf("peak RSS:       %ld KiB (aduand)\n", rss);
  printf("replies seen by the fake provider: %d\n", fakeprov_count(fp));
  free(all);
  free(cl);
  buf_free(&conf);
  i = tu_daemon_stop(&d);
  fakeprov_stop(fp);
  return i ? 0 : 1;
}
