/*
 * test_place_corpus.c: the lokasi corpus (tests/corpus/lokasi.tsv, see
 * its head for the columns) run against the shipped gazetteer
 * (config/wilayah.txt and the files it includes).  Prints
 * "corpus lokasi: N cases, M correct (P%)" and every miss, and fails
 * below 95%.  CORPUS_LOKASI in the environment points it at another
 * file (a blind round's, say), which may hold fewer than the 300 answers
 * the shipped corpus must.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/place.h"
#include "testutil.h"

#define SHIPPED ADUAN_SOURCE_DIR "/config/wilayah.txt"
#define CORPUS ADUAN_SOURCE_DIR "/tests/corpus/lokasi.tsv"
#define THRESHOLD 95.0

static const char *const level_names[] = {
  "kabupaten", "kecamatan", "desa", "tempat",
};

/* What place_match made of a text, in the corpus's terms: "5371 desa",
 * "ambigu -", "luar -" or "- -". */
static void
describe(const struct place_match *m, char *out, size_t size)
{
  if (m->matched)
    snprintf(out, size, "%s %s", m->code, level_names[m->place.level]);
  else
    snprintf(out, size, "%s -", m->ambiguous ? "ambigu"
                                             : m->outside ? "luar" : "-");
}

/* Split a corpus line into its three columns (in place); 0 if it has not
 * got them. */
static int
split_line(char *line, char *col[3])
{
  int i;

  col[0] = line;
  for (i = 1; i < 3; i++) {
    col[i] = strchr(col[i - 1], '\t');
    if (col[i] == NULL)
      return 0;
    *col[i]++ = '\0';
  }
  col[2][strcspn(col[2], "\t\r\n")] = '\0';
  return 1;
}

START_TEST(place_corpus)
{
  struct place_list *pl = NULL;
  struct place_match m;
  char *text, *line, *next, *col[3], want[64], got[64];
  int n = 0, ok = 0, lineno = 0;
  double pct;
  const char *path = getenv("CORPUS_LOKASI");

  if (path == NULL)
    path = CORPUS;
  ck_assert_int_eq(place_load(SHIPPED, &pl, NULL), 0);
  text = tu_read_file(path, NULL);
  ck_assert_ptr_nonnull(text);
  for (line = text; line != NULL && *line != '\0'; line = next) {
    next = strchr(line, '\n');
    if (next != NULL)
      *next++ = '\0';
    lineno++;
    if (line[0] == '#' || line[0] == '\0')
      continue;
    ck_assert_msg(split_line(line, col), "%s:%d: want 3 columns", path,
                  lineno);
    ck_assert_int_eq(place_match(pl, col[0], &m), 0);
    snprintf(want, sizeof(want), "%s %s", col[1], col[2]);
    describe(&m, got, sizeof(got));
    n++;
    if (strcmp(want, got) == 0)
      ok++;
    else
      printf("  miss line %d: \"%s\": expected %s, got %s\n", lineno, col[0],
             want, got);
  }
  pct = n > 0 ? 100.0 * ok / n : 0;
  printf("corpus lokasi: %d cases, %d correct (%.1f%%)\n", n, ok, pct);
  if (getenv("CORPUS_LOKASI") == NULL)
    ck_assert_int_ge(n, 300);
  ck_assert_msg(pct >= THRESHOLD, "accuracy %.1f%% below %.0f%%", pct,
                THRESHOLD);
  free(text);
  place_free(pl);
}
END_TEST

static Suite *
place_corpus_suite(void)
{
  Suite *s = suite_create("place_corpus");
  TCase *tc = tcase_create("corpus");

  tcase_add_test(tc, place_corpus);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(place_corpus_suite)
