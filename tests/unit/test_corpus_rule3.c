/*
 * test_corpus_rule3.c: the corpora of rules 2 and 3 (tests/corpus/
 * rule3.tsv and bahasa.tsv) run through the checks the daemon runs on a
 * description (validate_field with the shipped word lists and threat
 * model, as the shipped config sets them).  Each kind prints its
 * accuracy, per expected value too, and every miss; each fails below
 * CORPUS_MIN_PERCENT.  CORPUS_RULE3 and CORPUS_BAHASA in the environment
 * name another file to run instead (a held-out corpus), as CORPUS_WAKTU
 * does for the dates; CORPUS_THREAT_MODEL names another threat model, or
 * when empty none (the rules alone, as a daemon without
 * conversation.threat_model).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rules/quality.h"
#include "rules/validate.h"
#include "testutil.h"

#define CONFIG ADUAN_SOURCE_DIR "/config/"
#define CORPUS ADUAN_SOURCE_DIR "/tests/corpus/"

/* The accuracy each corpus must reach, in percent. */
#define CORPUS_MIN_PERCENT 95.0

#define MAX_LABELS 8

/* Counts per expected value. */
struct tally {
  const char *label[MAX_LABELS];
  int cases[MAX_LABELS], correct[MAX_LABELS];
  int n;
};

static void
tally_add(struct tally *t, const char *label, int ok)
{
  int i;

  for (i = 0; i < t->n && strcmp(t->label[i], label) != 0; i++)
    ;
  if (i == t->n) {
    ck_assert_int_lt(t->n, MAX_LABELS);
    t->label[t->n++] = label;
  }
  t->cases[i]++;
  t->correct[i] += ok;
}

static struct quality *
load_lists(void)
{
  struct quality *q = NULL;
  const char *model;
  struct diag d;
  int rc;

  diag_init(&d);
  rc = quality_load(CONFIG "lexicon.txt", CONFIG "allowlist.txt",
                    CONFIG "stopwords.id.txt", &q, &d);
  ck_assert_msg(rc == 0, "%s", d.text.data != NULL ? d.text.data : "");
  model = getenv("CORPUS_THREAT_MODEL");
  if (model == NULL)
    model = CONFIG "threat-model.txt";
  if (*model != '\0') {
    rc = quality_load_model(q, model, &d);
    ck_assert_msg(rc == 0, "%s", d.text.data != NULL ? d.text.data : "");
  }
  diag_free(&d);
  return q;
}

/* The name of a verdict in the corpora's terms (marks only where the
 * corpus tells them apart). */
static const char *
verdict_name(const struct verdict *v, int marks)
{
  if (v->ok)
    return marks && v->marks != 0 ? "ok-flagged" : "ok";
  if (strcmp(v->code, "abusive") == 0)
    return "insult";
  if (strcmp(v->code, "not_indonesian") == 0)
    return "rewrite";
  return v->code;
}

/*
 * Run every case of the corpus file name (or the file the environment
 * variable env names) through field f and print
 * "corpus KIND: N cases, M correct (P%)", the same per expected value,
 * and each miss.  Returns the percentage correct.
 */
static double
run_corpus(const char *name, const char *env, const char *kind,
           enum field f)
{
  struct quality *q = load_lists();
  struct validator vd;
  struct verdict v;
  struct tally t = {0};
  struct buf path = BUF_INIT;
  char *text, *line, *next, *tab;
  const char *got;
  int total = 0, correct = 0, i;

  validate_defaults(&vd);
  vd.quality = q;
  if (getenv(env) != NULL)
    ck_assert_int_eq(buf_printf(&path, "%s", getenv(env)), 0);
  else
    ck_assert_int_eq(buf_printf(&path, "%s%s", CORPUS, name), 0);
  text = tu_read_file(path.data, NULL);
  ck_assert_msg(text != NULL, "cannot read %s", path.data);
  for (line = text; line != NULL && *line != '\0'; line = next) {
    next = strchr(line, '\n');
    if (next != NULL)
      *next++ = '\0';
    if (line[0] == '#' || line[0] == '\0')
      continue;
    tab = strchr(line, '\t');
    ck_assert_msg(tab != NULL, "%s: no TAB in '%s'", name, line);
    *tab = '\0';
    ck_assert_int_eq(validate_field(&vd, f, tab + 1, 0, &v), 0);
    got = verdict_name(&v, f == FIELD_TEXT);
    total++;
    correct += strcmp(got, line) == 0;
    tally_add(&t, line, strcmp(got, line) == 0);
    if (strcmp(got, line) != 0)
      printf("  miss %s: '%s': expected %s, got %s\n", kind, tab + 1, line,
             got);
  }
  printf("corpus %s: %d cases, %d correct (%.1f%%)\n", kind, total, correct,
         total > 0 ? 100.0 * correct / total : 0.0);
  for (i = 0; i < t.n; i++)
    printf("corpus %s/%s: %d cases, %d correct (%.1f%%)\n", kind,
           t.label[i], t.cases[i], t.correct[i],
           100.0 * t.correct[i] / t.cases[i]);
  fflush(stdout);
  free(text);
  buf_free(&path);
  quality_free(q);
  ck_assert_int_gt(total, 0);
  return 100.0 * correct / total;
}

START_TEST(corpus_rule3)
{
  double p = run_corpus("rule3.tsv", "CORPUS_RULE3", "rule3", FIELD_TEXT);

  ck_assert_msg(p >= CORPUS_MIN_PERCENT, "rule3: %.1f%% < %.0f%%", p,
                CORPUS_MIN_PERCENT);
}
END_TEST

START_TEST(corpus_bahasa)
{
  double p = run_corpus("bahasa.tsv", "CORPUS_BAHASA", "bahasa",
                        FIELD_KRONOLOGI);

  ck_assert_msg(p >= CORPUS_MIN_PERCENT, "bahasa: %.1f%% < %.0f%%", p,
                CORPUS_MIN_PERCENT);
}
END_TEST

static Suite *
corpus_suite(void)
{
  Suite *s = suite_create("corpus_rule3");
  TCase *tc = tcase_create("corpus");

  tcase_add_test(tc, corpus_rule3);
  tcase_add_test(tc, corpus_bahasa);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(corpus_suite)
