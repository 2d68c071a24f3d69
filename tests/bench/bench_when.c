/*
 * bench_when.c: how long the waktu step's date reading takes
 * (when_parse_feasts with the shipped feasts and seasons file).  Times
 * `rounds` passes over the answers of tests/corpus/waktu.tsv, then over
 * long answers that tell a story around their time (a few dozen words,
 * and one of about 4000 characters, the longest description allowed),
 * and prints microseconds per answer and the slowest one.  Built with
 * the tests, run by hand: `bench_when [rounds] [hari-raya.txt]
 * [waktu.tsv]`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/lines.h"
#include "rules/feast.h"
#include "rules/when.h"

#define TEXTS_MAX 4096
#define CORPUS_MAX (4 * 1024 * 1024)
#define LONG_MAX_CHARS 4000

/* 2026-03-15 10:00 WITA, the corpus's clock. */
#define NOW_MS 1773540000000LL

static double
now_s(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The first column of every case line of the corpus at path, each a
 * string of its own, into texts.  Returns the count, or -1. */
static int
read_corpus(const char *path, char **texts)
{
  struct lines ls;
  const char *p;
  size_t len;
  int n = 0;

  if (lines_open(&ls, path, CORPUS_MAX,
                 LINES_COMMENT_LINE | LINES_SKIP_BLANK, NULL) != 0)
    return -1;
  while (n < TEXTS_MAX && lines_next(&ls, &p, &len)) {
    len = strcspn(p, "\t");
    texts[n] = malloc(len + 1);
    if (texts[n] == NULL)
      break;
    memcpy(texts[n], p, len);
    texts[n++][len] = '\0';
  }
  lines_close(&ls);
  return n;
}

/* Time rounds passes over texts[0..n): prints one line named what. */
static void
run(const char *what, char **texts, int n, int rounds,
    const struct feast_dates *fd)
{
  struct when w;
  double t0, t, worst = 0;
  long parsed = 0, dated = 0;
  int r, i;

  t0 = now_s();
  for (r = 0; r < rounds; r++)
    for (i = 0; i < n; i++) {
      t = now_s();
      if (when_parse_feasts(texts[i], NOW_MS, 5, fd, &w) == WHEN_OK &&
          w.year > 0)
        dated++;
      t = now_s() - t;
      if (t > worst)
        worst = t;
      parsed++;
    }
  t = now_s() - t0;
  printf("%s: %ld answers (%d distinct, %ld dated), %.2f us each, "
         "slowest %.1f us\n", what, parsed, n, dated,
         t * 1e6 / (double)parsed, worst * 1e6);
}

int
main(int argc, char **argv)
{
  static const char *const stories[] = {
    "itu hari sabtu sore, sesudah ibadah, kira2 tgl 20an bulan lalu, "
    "petugas dari desa datang ke rumah dan minta uang 200 ribu untuk "
    "surat tanah, katanya kalau sonde bayar nanti surat sonde keluar",
    "Kejadiannya waktu musim tanam kemarin, kalau tidak salah bulan "
    "desember, kami kelompok tani pergi ambil bibit jagung di kantor "
    "dinas tapi petugas bilang bibit sudah habis padahal di gudang masih "
    "banyak dan besoknya dijual ke pedagang dari kota",
    "Sekretaris dinas memenangkan perusahaan milik iparnya dalam tender "
    "proyek jalan tahun ini tanpa lelang yang terbuka, dan pekerjaannya "
    "sampai sekarang belum selesai walaupun uangnya sudah cair semua",
  };
  int rounds = argc > 1 ? atoi(argv[1]) : 100;
  const char *feasts = argc > 2 ? argv[2] : BENCH_FEASTS;
  const char *corpus = argc > 3 ? argv[3] : BENCH_CORPUS;
  static char *texts[TEXTS_MAX];
  static char story[3][512];
  char *longs[4];
  struct feast_dates *fd = NULL;
  size_t used;
  int n, i, k;

  if (feast_load(feasts, &fd, NULL) != 0) {
    fprintf(stderr, "bench_when: cannot load %s\n", feasts);
    return 1;
  }
  n = read_corpus(corpus, texts);
  if (n <= 0) {
    fprintf(stderr, "bench_when: cannot read %s\n", corpus);
    feast_free(fd);
    return 1;
  }
  run("corpus", texts, n, rounds, fd);
  for (i = 0; i < 3; i++) {
    longs[i] = story[i];
    snprintf(story[i], sizeof(story[i]), "%s", stories[i]);
  }
  /* The stories again and again up to the longest description. */
  longs[3] = malloc(LONG_MAX_CHARS + 1);
  if (longs[3] != NULL) {
    for (used = 0, k = 0; ; k++) {
      size_t len = strlen(stories[k % 3]);
      if (used + len + 2 > LONG_MAX_CHARS)
        break;
      memcpy(longs[3] + used, stories[k % 3], len);
      used += len;
      longs[3][used++] = ' ';
    }
    longs[3][used] = '\0';
    run("long stories", longs, 4, rounds * 50, fd);
  }
  free(longs[3]);
  for (i = 0; i < n; i++)
    free(texts[i]);
  feast_free(fd);
  return 0;
}
