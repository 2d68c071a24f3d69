/*
 * bench_place.c: how long the lokasi step's place lookup takes with the
 * full gazetteer loaded (config/wilayah.txt and wilayah-desa.txt: every
 * kabupaten/kota, kecamatan and desa/kelurahan of NTT, the landmarks and
 * the outside names).  Times `rounds` passes over the answers of
 * tests/corpus/lokasi.tsv and prints the load time and microseconds per
 * lookup.  Built with the tests, run by hand:
 * `bench_place [rounds] [wilayah.txt] [lokasi.tsv]`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rules/place.h"

#define TEXTS_MAX 4096

static double
now_s(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The first column of every case line of the corpus at path, into
 * texts (pointing into *buf, which the caller frees).  Returns the
 * count, or -1. */
static int
read_corpus(const char *path, char **buf, char *texts[TEXTS_MAX])
{
  FILE *f = fopen(path, "rb");
  long size;
  char *line, *next;
  int n = 0;

  if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0 || (*buf = malloc((size_t)size + 1)) == NULL ||
      fread(*buf, 1, (size_t)size, f) != (size_t)size) {
    if (f != NULL)
      fclose(f);
    return -1;
  }
  fclose(f);
  (*buf)[size] = '\0';
  for (line = *buf; line != NULL && *line != '\0' && n < TEXTS_MAX;
       line = next) {
    next = strchr(line, '\n');
    if (next != NULL)
      *next++ = '\0';
    if (line[0] == '#' || line[0] == '\0')
      continue;
    line[strcspn(line, "\t")] = '\0';
    texts[n++] = line;
  }
  return n;
}

int
main(int argc, char **argv)
{
  int rounds = argc > 1 ? atoi(argv[1]) : 200;
  const char *gaz = argc > 2 ? argv[2] : BENCH_WILAYAH;
  const char *corpus = argc > 3 ? argv[3] : BENCH_CORPUS;
  static char *texts[TEXTS_MAX];
  struct place_list *pl = NULL;
  struct place_match m;
  char *buf = NULL;
  double t0, t1, worst = 0, t;
  long lookups = 0, matched = 0;
  int n, r, i;

  t0 = now_s();
  if (place_load(gaz, &pl, NULL) != 0) {
    fprintf(stderr, "bench_place: cannot load %s\n", gaz);
    return 1;
  }
  t1 = now_s();
  n = read_corpus(corpus, &buf, texts);
  if (n <= 0) {
    fprintf(stderr, "bench_place: cannot read %s\n", corpus);
    place_free(pl);
    return 1;
  }
  printf("gazetteer: %d places, loaded in %.1f ms\n", place_count(pl),
         (t1 - t0) * 1e3);
  t0 = now_s();
  for (r = 0; r < rounds; r++) {
    for (i = 0; i < n; i++) {
      t = now_s();
      place_match(pl, texts[i], &m);
      t = now_s() - t;
      if (t > worst)
        worst = t;
      matched += m.matched;
      lookups++;
    }
  }
  t1 = now_s();
  printf("lookups: %ld over %d answers (%ld matched), %.1f us each, "
         "slowest %.1f us\n", lookups, n, matched,
         (t1 - t0) * 1e6 / (double)lookups, worst * 1e6);
  free(buf);
  place_free(pl);
  return 0;
}
