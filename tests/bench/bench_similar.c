/*
 * bench_similar.c: how fast the duplicate check of rule 4 stays as open
 * tickets pile up.  Files 10 000 synthetic open tickets, then times 1 000
 * checks (half of them retyped copies of filed tickets, half new
 * reports) and 1 000 closures, and prints the figures.  The incident
 * check of rule 4 is timed as the daemon runs it: the candidates
 * (similar_candidates() at the default floors) and the specifics of the
 * draft and of each candidate, offices placed by the shipped gazetteer,
 * compared (incident.h).  Built with the
 * tests, run by hand: `bench_similar [tickets] [queries]`.
 *
 * `bench_similar -x FILE...` times the reading of the specifics alone
 * (incident_extract() and incident_add_gazetteer(), as conv.c reads a
 * draft) over the texts of corpus files (tab-separated, the texts in the
 * first two columns, "#" lines skipped), and prints a checksum of every
 * reading: a change meant to make the reading faster must leave it as it
 * was.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rules/incident.h"
#include "rules/place.h"
#include "rules/similar.h"

#define VOCAB 30000u
#define WORDS 60           /* words of a synthetic report */
#define TEXT_MAX (200 + WORDS * 7)

/* splitmix64, fixed seeds: every run files the same reports. */
static uint64_t
rng_next(uint64_t *s)
{
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static double
rng_unit(uint64_t *s)
{
  return (double)(rng_next(s) >> 11) / 9007199254740992.0;
}

/* Word k of a made-up vocabulary (three consonant-vowel syllables). */
static void
word(uint32_t k, char out[7])
{
  static const char cons[] = "bcdfghjlrvwz";
  static const char vow[] = "aou";
  int i;

  for (i = 0; i < 3; i++) {
    out[2 * i] = cons[k % 12];
    k /= 12;
    out[2 * i + 1] = vow[k % 3];
    k /= 3;
  }
  out[6] = '\0';
}

/*
 * A synthetic report from seed: a category and a party drawn from short
 * real lists, generic words every report uses, then WORDS words skewed
 * towards the start of the vocabulary (u^3: a few hundred words turn up
 * in thousands of reports, as "yang", "uang" and "dinas" do).
 */
static void
report(uint64_t seed, char out[TEXT_MAX])
{
  static const char *const category[] = {
    "Pemerasan/pungutan liar.", "Penyalahgunaan wewenang/jabatan.",
    "Gratifikasi.", "Perbuatan curang.", "Benturan kepentingan.",
    "Pelayanan publik tidak sesuai standar.",
  };
  static const char *const party[] = {
    "Petugas Dinas Kependudukan", "Kepala Desa", "Oknum polisi",
    "Kepala Sekolah", "Petugas Samsat", "Kontraktor Dinas PUPR",
  };
  uint64_t rng = seed;
  size_t len;
  double u;
  int i;

  len = (size_t)snprintf(out, TEXT_MAX, "%s %s. Saya melapor, petugas "
                         "minta uang di kantor dinas. ",
                         category[rng_next(&rng) % 6],
                         party[rng_next(&rng) % 6]);
  for (i = 0; i < WORDS; i++) {
    u = rng_unit(&rng);
    word((uint32_t)(u * u * u * VOCAB), out + len);
    len += 6;
    out[len++] = ' ';
  }
  out[len] = '\0';
}

/* Microseconds on clock (CLOCK_MONOTONIC for wall time,
 * CLOCK_PROCESS_CPUTIME_ID for the CPU this process used: on a shared
 * machine the two differ by whatever else runs). */
static double
now_us(clockid_t clock)
{
  struct timespec ts;

  clock_gettime(clock, &ts);
  return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

#define WALL CLOCK_MONOTONIC
#define CPU CLOCK_PROCESS_CPUTIME_ID

static long
arg_long(const char *s, long dflt)
{
  char *end;
  long v;

  if (s == NULL)
    return dflt;
  errno = 0;
  v = strtol(s, &end, 10);
  if (errno != 0 || *end != '\0' || v <= 0 || v > 10000000)
    return dflt;
  return v;
}

static int run(long tickets, long queries);
static int extract_files(int nfiles, char **files);

/* The shipped gazetteer, as the daemon places offices with it (NULL when
 * it cannot be read). */
static struct place_list *places;

/*
 * Rule 4 as conv.c runs it, on the default threshold for another
 * reporter's ticket (duplicate_any, SIMILAR_THRESHOLD_ANY): the
 * candidates, then the specifics of the draft against each candidate's
 * (the bench regenerates a ticket's text from its id, where the daemon
 * reads it from the store).  1 when one tells the same incident.
 */
static int
incident_check(const struct similar *s, const char *text)
{
  struct similar_hit hit[8];
  struct incident_rule rule;
  static struct incident q, d;
  char other[TEXT_MAX];
  int i, n;

  incident_rule_for(SIMILAR_THRESHOLD_ANY, &rule);
  n = similar_candidates(s, text, -1, rule.words_low, rule.words_low, hit,
                         8);
  if (n > 0)
    n = similar_keep_low(hit, n, rule.words_two, rule.words_two,
                         SIMILAR_LOW_CHECKED);
  if (n <= 0)
    return 0;
  incident_extract(text, &q);
  incident_add_gazetteer(&q, text, places);
  for (i = 0; i < n; i++) {
    report((uint64_t)hit[i].ticket_id, other);
    incident_extract(other, &d);
    incident_add_gazetteer(&d, other, places);
    if (incident_same(&q, &d, hit[i].score, &rule))
      return 1;
  }
  return 0;
}

/*
 * bench_similar [TICKETS [QUERIES]]: one size; with no argument, 10 000
 * and then 100 000 open tickets.
 */
int
main(int argc, char **argv)
{
  long queries = arg_long(argc > 2 ? argv[2] : NULL, 1000);
  int rc;

  if (place_load(ADUAN_SOURCE_DIR "/config/wilayah.txt", &places, NULL) != 0)
    places = NULL;
  if (argc > 1 && strcmp(argv[1], "-x") == 0) {
    rc = extract_files(argc - 2, argv + 2);
  } else if (argc > 1) {
    rc = run(arg_long(argv[1], 10000), queries);
  } else {
    rc = run(10000, queries);
    if (rc == 0) {
      printf("\n");
      rc = run(100000, queries);
    }
  }
  place_free(places);
  return rc;
}

static int
run(long tickets, long queries)
{
  struct similar *s;
  struct similar_hit hit;
  char text[TEXT_MAX];
  double t0, c0, t, c, add_us, add_cpu, find_us = 0, find_cpu = 0;
  double find_max = 0, find_cpu_max = 0;
  double remove_us, remove_cpu, inc_us = 0, inc_cpu = 0, inc_max = 0;
  long i, hits_copy = 0, hits_new = 0, k, inc_copy = 0, inc_new = 0;
  int rc;

  if (similar_new(&s) != 0)
    return 1;

  t0 = now_us(WALL);
  c0 = now_us(CPU);
  for (i = 1; i <= tickets; i++) {
    report((uint64_t)i, text);
    if (similar_add(s, i, i % (tickets / 3 + 1), text) != 0) {
      fputs("bench_similar: out of memory\n", stderr);
      similar_free(s);
      return 1;
    }
  }
  add_us = now_us(WALL) - t0;
  add_cpu = now_us(CPU) - c0;

  for (i = 0; i < queries; i++) {
    if (i % 2 == 0) {
      /* A filed ticket retyped by someone else: three words changed. */
      k = 1 + (long)((uint64_t)i * 7919 % (uint64_t)tickets);
      report((uint64_t)k, text);
      memcpy(strchr(text, '\0') - 7, "zzzzzz", 6);
      memcpy(strchr(text, '\0') - 14, "zzzzzy", 6);
      memcpy(strchr(text, '\0') - 21, "zzzzzx", 6);
    } else {
      report(1000000000ULL + (uint64_t)i, text);
    }
    t = now_us(WALL);
    c = now_us(CPU);
    rc = similar_find(s, text, -1, SIMILAR_THRESHOLD_SAME,
                      SIMILAR_THRESHOLD_ANY, &hit);
    c = now_us(CPU) - c;
    t = now_us(WALL) - t;
    find_us += t;
    find_cpu += c;
    if (t > find_max)
      find_max = t;
    if (c > find_cpu_max)
      find_cpu_max = c;
    if (rc == 1 && i % 2 == 0)
      hits_copy++;
    else if (rc == 1)
      hits_new++;
    t = now_us(WALL);
    c = now_us(CPU);
    rc = incident_check(s, text);
    c = now_us(CPU) - c;
    t = now_us(WALL) - t;
    inc_us += t;
    inc_cpu += c;
    if (c > inc_max)
      inc_max = c;
    if (rc == 1 && i % 2 == 0)
      inc_copy++;
    else if (rc == 1)
      inc_new++;
  }

  t0 = now_us(WALL);
  c0 = now_us(CPU);
  for (i = 1; i <= tickets && i <= queries; i++)
    similar_remove(s, i * (tickets / (queries < tickets ? queries : tickets)));
  remove_us = now_us(WALL) - t0;
  remove_cpu = now_us(CPU) - c0;

  printf("tickets filed:        %ld\n", tickets);
  printf("similar_add total:    %.1f ms wall, %.1f ms CPU "
         "(%.2f us CPU per ticket)\n",
         add_us / 1e3, add_cpu / 1e3, add_cpu / (double)tickets);
  printf("similar_find:         %ld queries, average %.1f us wall, "
         "%.1f us CPU; max %.1f us wall, %.1f us CPU\n",
         queries, find_us / (double)queries, find_cpu / (double)queries,
         find_max, find_cpu_max);
  printf("duplicates found:     %ld of %ld retyped copies, %ld of %ld new "
         "reports\n", hits_copy, (queries + 1) / 2, hits_new, queries / 2);
  printf("incident check:       %ld queries, average %.1f us wall, "
         "%.1f us CPU; max %.1f us CPU\n", queries, inc_us / (double)queries,
         inc_cpu / (double)queries, inc_max);
  printf("same incident found:  %ld of %ld retyped copies, %ld of %ld new "
         "reports\n", inc_copy, (queries + 1) / 2, inc_new, queries / 2);
  printf("similar_remove:       %.2f us wall average, %.2f us CPU average\n",
         remove_us / (double)(i - 1), remove_cpu / (double)(i - 1));
  printf("tickets left:         %d\n", similar_count(s));
  similar_free(s);
  return 0;
}

/* FNV-1a 64 of the n bytes at p, on from h. */
static uint64_t
bytes_hash(uint64_t h, const void *p, size_t n)
{
  const unsigned char *b = p;
  size_t i;

  for (i = 0; i < n; i++) {
    h ^= b[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

/* The reading of every text of the files, timed, and its checksum. */
static int
extract_files(int nfiles, char **files)
{
  static struct incident inc;
  static char line[65536];
  uint64_t sum = 0xcbf29ce484222325ULL;
  double c, g, cpu = 0, gaz = 0;
  long texts = 0;
  char *text, *tab, *end;
  FILE *f;
  int i, col;

  for (i = 0; i < nfiles; i++) {
    if ((f = fopen(files[i], "r")) == NULL) {
      fprintf(stderr, "bench_similar: cannot read %s\n", files[i]);
      return 1;
    }
    while (fgets(line, sizeof(line), f) != NULL) {
      if (line[0] == '#')
        continue;
      if ((end = strchr(line, '\n')) != NULL)
        *end = '\0';
      for (col = 0, text = line; col < 2 && text != NULL; col++) {
        if ((tab = strchr(text, '\t')) != NULL)
          *tab = '\0';
        c = now_us(CPU);
        incident_extract(text, &inc);
        g = now_us(CPU);
        incident_add_gazetteer(&inc, text, places);
        cpu += g - c;
        gaz += now_us(CPU) - g;
        sum = bytes_hash(sum, &inc, sizeof(inc));
        texts++;
        text = tab != NULL ? tab + 1 : NULL;
      }
    }
    fclose(f);
  }
  printf("texts read            %ld\n", texts);
  printf("extract, CPU us/text  %.2f\n", texts > 0 ? cpu / (double)texts : 0);
  printf("gazetteer, us/text    %.2f\n", texts > 0 ? gaz / (double)texts : 0);
  printf("checksum              %016llx\n", (unsigned long long)sum);
  return 0;
}
