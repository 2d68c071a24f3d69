/*
 * test_answers_filed.c: no report is lost to the waktu or lokasi step
 * (SPEC 3, 4).  Every answer of the corpora tests/corpus/waktu.tsv and
 * lokasi.tsv is given, through the real daemon and its dev channel, by a
 * reporter of its own who answers every other step as in a plain report:
 * asked again, the reporter sends the same text once more; offered
 * numbered choices, picks 1.  The step must be passed within three
 * messages and the report must end as a ticket.
 *
 * The dates are judged against the daemon's own clock, not the corpus's:
 * what matters here is that each answer leads on, whatever it resolves
 * to (a date too old or still ahead is refused once, then kept as given;
 * so is a place of fewer than three letters, "ok").
 *
 * Under valgrind (ADUAN_TEST_VALGRIND) every 20th answer is given, else
 * all; each miss is printed with the reply that stopped it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"

enum step { STEP_LOKASI, STEP_WAKTU };

struct tally {
  int answers, filed;
};

/* The rest of a report after the waktu step, to the ticket; 1 when filed
 * (a duplicate question is answered BARU). */
static int
finish(struct tu_daemon *d, const char *from, int i)
{
  const char *filed[] = {"ticket.created", NULL};
  const char *none[] = {NULL};
  char story[512], last[1024];

  tu_story(i, story, sizeof(story));
  tu_expect(d, from, story, "kronologi.more");
  tu_expect(d, from, "LANJUT", "ask.bukti");
  tu_expect(d, from, "LEWATI", "ask.identitas");
  tu_expect(d, from, "3", "konfirmasi");
  if (tu_say_key(d, from, "KIRIM", filed, last, sizeof(last)) != NULL)
    return 1;
  (void)tu_say_key(d, from, "BARU", none, last, sizeof(last));
  return strstr(last, "NTT-") != NULL;
}

/* One reporter, one answer at step; counts into t, prints a miss. */
static void
one_answer(struct tu_daemon *d, int i, enum step step, const char *text,
           struct tally *t)
{
  /* A story-like answer is kept as the start of the kronologi, which
   * then only asks for more. */
  static const char *const to_waktu[2] = {"ask.waktu", "ask.waktu"};
  static const char *const to_kronologi[2] = {"ask.kronologi",
                                              "kronologi.more"};
  char from[16], last[1024];
  const char *got;

  snprintf(from, sizeof(from), "0813%08d", i);
  tu_expect(d, from, "Halo", "menu");
  tu_expect(d, from, "1", "ask.kategori");
  tu_expect(d, from, "pungli", "ask.terlapor");
  tu_expect(d, from, "Bendahara Dinas Pendidikan", "ask.lokasi");
  t->answers++;
  if (step == STEP_LOKASI) {
    got = tu_answer_step(d, from, text, to_waktu, last, sizeof(last));
    if (got != NULL)
      got = tu_answer_step(d, from, "kemarin", to_kronologi, last,
                           sizeof(last));
  } else {
    tu_expect(d, from, "Kabupaten Kupang", "ask.waktu");
    got = tu_answer_step(d, from, text, to_kronologi, last, sizeof(last));
  }
  if (got == NULL) {
    printf("  stuck: \"%s\": last reply \"%.80s\"\n", text, last);
    tu_expect(d, from, "BATAL", "cancelled");
    return;
  }
  if (finish(d, from, i))
    t->filed++;
  else
    printf("  not filed: \"%s\": last reply \"%.80s\"\n", text, last);
}

/* Every stride-th answer (column 1) of the corpus file at path. */
static void
run_corpus(const char *path, enum step step, int stride, int *next_id,
           struct tally *t)
{
  struct tu_daemon d;
  char *text, *line, *next, *tab;
  int n = 0;

  text = tu_read_file(path, NULL);
  ck_assert_ptr_nonnull(text);
  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  for (line = text; line != NULL && *line != '\0'; line = next) {
    next = strchr(line, '\n');
    if (next != NULL)
      *next++ = '\0';
    tab = strchr(line, '\t');
    if (line[0] == '#' || tab == NULL)
      continue;
    *tab = '\0';
    if (n++ % stride == 0)
      one_answer(&d, (*next_id)++, step, line, t);
  }
  tu_daemon_cleanup(&d);
  free(text);
}

static int
stride(void)
{
  return getenv("ADUAN_TEST_VALGRIND") != NULL ? 20 : 1;
}

START_TEST(every_lokasi_answer_files_a_ticket)
{
  struct tally t = {0, 0};
  int id = 1;

  run_corpus(ADUAN_SOURCE_DIR "/tests/corpus/lokasi.tsv", STEP_LOKASI,
             stride(), &id, &t);
  printf("lokasi answers: %d given, %d filed\n", t.answers, t.filed);
  fflush(stdout);
  ck_assert_int_gt(t.answers, 0);
  ck_assert_int_eq(t.filed, t.answers);
}
END_TEST

START_TEST(every_waktu_answer_files_a_ticket)
{
  struct tally t = {0, 0};
  int id = 100000;

  run_corpus(ADUAN_SOURCE_DIR "/tests/corpus/waktu.tsv", STEP_WAKTU,
             stride(), &id, &t);
  printf("waktu answers: %d given, %d filed\n", t.answers, t.filed);
  fflush(stdout);
  ck_assert_int_gt(t.answers, 0);
  ck_assert_int_eq(t.filed, t.answers);
}
END_TEST

static Suite *
answers_suite(void)
{
  Suite *s = suite_create("answers_filed");
  TCase *tc = tcase_create("corpora");

  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, every_lokasi_answer_files_a_ticket);
  tcase_add_test(tc, every_waktu_answer_files_a_ticket);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(answers_suite)
