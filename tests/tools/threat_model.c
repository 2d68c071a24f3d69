/*
 * threat_model.c: trains and measures the learned second opinion on
 * threats of rule 3 (lib/rules/quality_model.h).  Not installed.
 *
 *   threat_model train [OPTIONS] CORPUS > config/threat-model.txt
 *   threat_model eval [OPTIONS] CORPUS [HELDOUT...]
 *   threat_model bench [OPTIONS] CORPUS
 *   threat_model future [OPTIONS] CORPUS ROUND...
 *
 * CORPUS and HELDOUT are rule-3 corpora (expected<TAB>text, as
 * tests/corpus/rule3.tsv).  train fits a logistic regression (threat
 * against everything else) on CORPUS and writes the model file.  eval
 * prints, for a range of thresholds, with and without the need for a
 * named person or office, what the judge with the model does compared
 * with the rules alone: on CORPUS by k-fold cross-validation (each text
 * scored by a model that never saw it), and on each HELDOUT file by the
 * model trained on all of CORPUS.  Whether the model may speak for a
 * text (the rules find it clean, nothing quoted or literal, a target
 * named) is asked of the judge itself, so the figures are the daemon's.
 * bench times the model's scoring of each text of CORPUS, and of a long
 * report (the texts joined up to 4000 characters), as the judge does it.
 * future leaves the future out: for each ROUND N, the recipe trained on
 * the lines of CORPUS before its '# --- blind round N' line scores
 * roundN/rule3.tsv beside CORPUS, a round it never saw; the rules alone,
 * the rules with the model and the model alone (-M), each round and the
 * rounds summed.
 *
 * Word salads: the generated stories of the integration tests
 * (tu_story(), corpus words joined at random: "... mayat ... kayu ...
 * kepala desa") are clean reports the model must not take for threats.
 * eval -S N also scores salads 0 to N-1 (salads_add) as a held-out set
 * of 'ok' texts; -P 1..3 how many stories each joins (default 3, as
 * test_multi's descriptions), -J joins them with a blank, not a line
 * end (one long sentence); -A N adds N other salads (from 1000000 on)
 * to the training texts as 'ok'.
 *
 * Options: -c DIR the word lists (default config), -b BITS of the table
 * (default THREAT_MODEL_BITS), -e EPOCHS (default 30), -r RATE (0.5),
 * -l L2 (1e-6), -k FOLDS (5), -t THRESHOLD, -u GATED (a lower threshold
 * for a text with a word of violence and the target; 0, the default:
 * none), -T 0|1 (a named target) and -g 0|1 (a word of violence), -w N (stretches of N words, 0 the whole
 * text) (train: what the file says; default 0.9, 1
 * and 0; eval: the one setting shown, all thresholds without -t), -G
 * (eval: with and without the word of violence), -S and -A (salads,
 * above), -v (eval: list each text a setting changes), -M (eval: the
 * model alone too: a threat when its probability reaches the threshold
 * and, with -T 1, a person or office is named, whatever the rules say).
 */
#include <errno.h>
#include <math.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "rules/quality.h"
#include "rules/quality_model.h"
#include "tu_conv.h"

#define MAX_FEATURES 65536
#define SALAD_PARTS_FROM 200    /* test_multi.c's NCONV */

/* What joins a salad's parts: a line end, or a blank (-J: one long
 * sentence). */
static char parts_apart = '\n';

struct opts {
  const char *config;
  const char *model;    /* eval: score the held-out sets with this file */
  const char *stories;  /* -X: a duplicate corpus whose stories train as ok */
  unsigned bits;
  int epochs, folds, target, gate, both_gates, salads, salad_parts;
  int train_salads, window, verbose, alone;
  double rate, l2, threshold, gated;
};

/* One labelled text. */
struct sample {
  char *label;
  char *text;
  char *norm;
  size_t nlen;
  const char *rules;    /* the rules' verdict in the corpus's terms */
  int open;             /* the model may speak (rules clean, no marks) */
  int open_target;      /* ... and a person, office or building named */
  int open_gate;        /* ... and a word of violence too */
  int named;            /* a person, office or building named, whatever
                           the rules say (the model alone) */
  int violent;          /* a word of violence, whatever the rules say */
  double p;             /* the model's probability */
  int fold;
  int extra;            /* trained on, never reported (-A) */
};

struct corpus {
  const char *path;
  struct sample *v;
  size_t n, cap;
  size_t extras;        /* of n: trained on, never reported */
};

static void
die(const char *what)
{
  fprintf(stderr, "threat_model: %s\n", what);
  exit(1);
}

static const char *
verdict_name(const struct quality_judgement *j)
{
  switch (j->verdict) {
  case QUALITY_INSULT: return "insult";
  case QUALITY_SARA: return "sara";
  case QUALITY_THREAT: return "threat";
  default: return j->marks != 0 ? "ok-flagged" : "ok";
  }
}

static char *
read_all(const char *path)
{
  struct diag d;
  struct buf b;
  char *s;

  diag_init(&d);
  if (diag_read_file(&d, path, 64 * 1024 * 1024, &b) != 0) {
    fputs(d.text.data, stderr);
    exit(1);
  }
  diag_free(&d);
  if (buf_append(&b, "", 1) != 0)
    die("out of memory");
  s = buf_steal(&b);
  return s;
}

/* Add text labelled label to c, asking the judge (q, holding an empty
 * model) what the rules say of it and whether the model may speak. */
static void
corpus_add(struct corpus *c, const char *label, const char *text,
           struct quality *q)
{
  struct threat_model *open = threat_model_new(8), *old;
  struct quality_judgement j;
  struct sample *s;
  struct buf nb;

  if (open == NULL)
    die("out of memory");
  open->threshold = 0.0;
  if (c->n == c->cap) {
    c->cap = c->cap ? 2 * c->cap : 256;
    c->v = realloc(c->v, c->cap * sizeof(*c->v));
    if (c->v == NULL)
      die("out of memory");
  }
  s = &c->v[c->n++];
  memset(s, 0, sizeof(*s));
  s->label = strdup(label);
  s->text = strdup(text);
  buf_init(&nb, 0);
  if (s->label == NULL || s->text == NULL ||
      threat_model_text(q, s->text, &nb) != 0 || buf_append(&nb, "", 1))
    die("out of memory");
  s->nlen = nb.len - 1;
  s->norm = buf_steal(&nb);
  old = quality_swap_model(q, NULL);
  if (quality_judge(q, s->text, &j) != 0)
    die("out of memory");
  s->rules = verdict_name(&j);
  open->target = 0;
  quality_swap_model(q, open);
  if (quality_judge_story(q, s->text, &j) != 0)
    die("out of memory");
  s->open = j.verdict == QUALITY_THREAT && strcmp(s->rules, "ok") == 0;
  open->target = 1;
  if (quality_judge_story(q, s->text, &j) != 0)
    die("out of memory");
  s->open_target = j.verdict == QUALITY_THREAT &&
                   strcmp(s->rules, "ok") == 0;
  open->gate = 1;
  if (quality_judge_story(q, s->text, &j) != 0)
    die("out of memory");
  s->open_gate = j.verdict == QUALITY_THREAT &&
                 strcmp(s->rules, "ok") == 0;
  s->named = threat_model_names_target(q, s->text);
  s->violent = threat_model_names_violence(q, s->text);
  if (s->named < 0 || s->violent < 0)
    die("out of memory");
  open = quality_swap_model(q, old);
  threat_model_free(open);
}

/* Read the corpus at path into c: its lines before the first that
 * starts with stop (all of them when stop is NULL). */
static void
corpus_read(struct corpus *c, const char *path, const char *stop,
            struct quality *q)
{
  char *text = read_all(path), *line, *next, *tab;

  memset(c, 0, sizeof(*c));
  c->path = path;
  for (line = text; line != NULL && *line != '\0'; line = next) {
    next = strchr(line, '\n');
    if (next != NULL)
      *next++ = '\0';
    if (stop != NULL && strncmp(line, stop, strlen(stop)) == 0)
      break;
    if (line[0] == '#' || line[0] == '\0')
      continue;
    tab = strchr(line, '\t');
    if (tab == NULL)
      die("a line without TAB");
    *tab = '\0';
    corpus_add(c, line, tab + 1, q);
  }
  free(text);
}

/* Add n word salads, salad first on, to c as 'ok' texts (extra: to be
 * trained on, never reported).  Salad k is a description as
 * integration/test_multi.c makes one: story k and two more parts (the
 * stories 200 + 2k and 201 + 2k), one a line; salads 0 to 199 are that
 * test's.  parts: how many of the three (1 to 3). */
static void
salads_add(struct corpus *c, int first, int n, int parts, int extra,
           struct quality *q)
{
  char text[3 * 512 + 3];
  size_t len;
  int i, k;

  for (i = first; i < first + n; i++) {
    tu_story(i, text, 512);
    for (k = 0; k + 1 < parts && k < 2; k++) {
      len = strlen(text);
      text[len++] = parts_apart;
      tu_story(SALAD_PARTS_FROM + 2 * i + k, text + len, 512);
    }
    corpus_add(c, "ok", text, q);
    c->v[c->n - 1].extra = extra;
    c->extras += extra != 0;
  }
}

/* Add the two stories of each pair of the duplicate corpus at path
 * (ticket<TAB>draft<TAB>expected, as tests/corpus/duplikat.tsv) to c as
 * 'ok' texts trained on, never reported (-X): clean reports, many of
 * them telling violence suffered or seen, that no threat may look
 * like. */
static void
stories_add(struct corpus *c, const char *path, struct quality *q)
{
  char *text, *line, *next, *tab;
  int k;

  if (path == NULL)
    return;
  text = read_all(path);
  for (line = text; line != NULL && *line != '\0'; line = next) {
    next = strchr(line, '\n');
    if (next != NULL)
      *next++ = '\0';
    if (line[0] == '#' || line[0] == '\0')
      continue;
    for (k = 0; k < 2 && line != NULL; k++, line = tab) {
      tab = strchr(line, '\t');
      if (tab == NULL)
        die("a duplicate pair without TAB");
      *tab++ = '\0';
      if (*line != '\0') {
        corpus_add(c, "ok", line, q);
        c->v[c->n - 1].extra = 1;
        c->extras++;
      }
    }
  }
  free(text);
}

/* A small deterministic generator (xorshift64), for the order of
 * training and the folds. */
static uint64_t
rnd(uint64_t *st)
{
  *st ^= *st << 13;
  *st ^= *st >> 7;
  *st ^= *st << 17;
  return *st;
}

/*
 * Fit a model on the samples of c whose fold is not skip (skip -1: all):
 * logistic regression by stochastic gradient descent over the features
 * (value count/sqrt(n)), L2 applied to the weights a text touches.
 */
static struct threat_model *
train(const struct corpus *c, int skip, const struct opts *o)
{
  struct threat_model *m = threat_model_new(o->bits);
  uint32_t *idx = malloc(MAX_FEATURES * sizeof(*idx));
  size_t *order = malloc(c->n * sizeof(*order));
  size_t i, k, n, t, used = 0;
  uint64_t st = 0x9e3779b97f4a7c15ULL;
  double z, p, g, v, eta;
  int e, y;

  if (m == NULL || idx == NULL || order == NULL)
    die("out of memory");
  for (i = 0; i < c->n; i++)
    if (c->v[i].fold != skip)
      order[used++] = i;
  for (e = 0; e < o->epochs; e++) {
    eta = o->rate / (1.0 + 0.1 * e);
    for (i = used; i > 1; i--) {
      k = (size_t)(rnd(&st) % i);
      t = order[i - 1];
      order[i - 1] = order[k];
      order[k] = t;
    }
    for (t = 0; t < used; t++) {
      const struct sample *s = &c->v[order[t]];

      n = threat_model_features(m, s->norm, s->nlen, idx, MAX_FEATURES);
      if (n > MAX_FEATURES)
        n = MAX_FEATURES;
      v = n > 0 ? 1.0 / sqrt((double)n) : 0.0;
      z = m->bias;
      for (k = 0; k < n; k++)
        z += m->w[idx[k]] * v;
      p = 1.0 / (1.0 + exp(-z));
      y = strcmp(s->label, "threat") == 0;
      g = p - y;
      for (k = 0; k < n; k++)
        m->w[idx[k]] -= (float)(eta * (g * v + o->l2 * m->w[idx[k]]));
      m->bias -= eta * g;
    }
  }
  free(idx);
  free(order);
  m->threshold = o->threshold;
  m->target = o->target;
  m->gate = o->gate;
  m->gated = o->gated;
  m->window = (unsigned)o->window;
  return m;
}

static void
score(struct corpus *c, const struct threat_model *m, int fold)
{
  size_t i;

  for (i = 0; i < c->n; i++)
    if (fold < 0 || c->v[i].fold == fold)
      c->v[i].p = threat_model_judge_score(m, c->v[i].norm, c->v[i].nlen);
}

/* The verdict of rules + model at threshold th (target: a named person
 * or office needed; gate: and a word of violence; gated, when not 0: a
 * lower threshold with a word of violence and a target); th > 1 is the
 * rules alone. */
static const char *
combined(const struct sample *s, double th, int target, int gate,
         double gated)
{
  if (th <= 1.0 &&
      (((gate ? s->open_gate : target ? s->open_target : s->open) &&
        s->p >= th) ||
       (gated > 0 && s->open_gate && s->p >= gated)))
    return "threat";
  return s->rules;
}

/* The verdict of the model alone at threshold th: a threat when its
 * probability reaches th (and, with target, the text names a person or
 * office), whatever the rules say; else not a threat. */
static const char *
alone(const struct sample *s, double th, int target, double gated)
{
  if ((s->p >= th || (gated > 0 && s->violent && s->p >= gated)) &&
      (!target || s->named))
    return "threat";
  return strcmp(s->label, "threat") == 0 ? "ok" : s->label;
}

static const char *const labels[] = {"ok", "ok-flagged", "insult", "sara"};
#define NLABELS 4

/* One row: the rules alone (th > 1), the rules with the model, or (solo)
 * the model alone, at threshold th. */
static void
report_row(const struct corpus *c, double th, int target, int gate,
           double gated, int solo, int verbose)
{
  int threats = 0, caught = 0, correct = 0, reported = 0;
  int fp[NLABELS] = {0}, cases[NLABELS] = {0};
  size_t i, l;
  const char *got;

  for (i = 0; i < c->n; i++) {
    const struct sample *s = &c->v[i];

    if (s->extra)
      continue;
    got = solo ? alone(s, th, target, gated)
               : combined(s, th, target, gate, gated);
    reported++;
    correct += strcmp(got, s->label) == 0;
    if (strcmp(s->label, "threat") == 0) {
      threats++;
      caught += strcmp(got, "threat") == 0;
    }
    for (l = 0; l < NLABELS; l++)
      if (strcmp(s->label, labels[l]) == 0) {
        cases[l]++;
        fp[l] += strcmp(got, "threat") == 0;
      }
    if (verbose && th <= 1.0 && !solo && strcmp(got, s->rules) != 0)
      printf("    %s p=%.3f %s: %s\n",
             strcmp(s->label, "threat") == 0 ? "CATCH" : "FALSE", s->p,
             s->label, s->text);
  }
  if (th > 1.0)
    printf("  rules alone                 ");
  else if (solo)
    printf("  model alone %.2f target=%d    ", th, target);
  else
    printf("  +model %.2f target=%d gate=%d", th, target, gate);
  if (th <= 1.0 && gated > 0)
    printf(" gated %.2f", gated);
  printf("  threat %3d/%-3d  false threats ok %d/%d  ok-flagged %d/%d  "
         "insult %d/%d  sara %d/%d  all %d/%d (%.1f%%)\n",
         caught, threats, fp[0], cases[0], fp[1], cases[1], fp[2], cases[2],
         fp[3], cases[3], correct, reported, 100.0 * correct / (double)reported);
}

static void
report(const struct corpus *c, const char *title, const struct opts *o)
{
  static const double all[] = {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97,
                               0.99};
  const double *ths = all;
  size_t i, nths = sizeof(all) / sizeof(all[0]);
  int t, g;

  if (o->threshold > 0) {
    ths = &o->threshold;
    nths = 1;
  }
  printf("%s\n", title);
  report_row(c, 2.0, 0, 0, 0, 0, 0);
  for (g = 0; g <= 1; g++)
    for (t = 0; t <= 1; t++)
      for (i = 0; i < nths; i++)
        if ((o->both_gates || g == o->gate) && (g == 0 || t == 1) &&
            (o->threshold <= 0 ||
             (ths[i] == o->threshold && t == o->target)))
          report_row(c, ths[i], t, g, o->gated, 0, o->verbose);
  if (o->alone)
    for (i = 0; i < nths; i++)
      if (o->threshold <= 0 || ths[i] == o->threshold)
        report_row(c, ths[i], o->target, 0, o->gated, 1, 0);
  if (o->alone && o->threshold > 0 && o->verbose)
    for (i = 0; i < c->n; i++)
      if (!c->v[i].extra &&
          strcmp(alone(&c->v[i], o->threshold, o->target, o->gated),
                 c->v[i].label) != 0 &&
          (strcmp(c->v[i].label, "threat") == 0 ||
           strcmp(alone(&c->v[i], o->threshold, o->target, o->gated),
                  "threat") == 0))
        printf("    alone %s p=%.3f %s: %s\n",
               strcmp(c->v[i].label, "threat") == 0 ? "MISS" : "FALSE",
               c->v[i].p, c->v[i].label, c->v[i].text);
  fflush(stdout);
}

static void
write_model(const struct threat_model *m, const char *corpus,
            const struct opts *o, size_t ntexts)
{
  size_t i, kept = 0;

  for (i = 0; i < ((size_t)1 << m->bits); i++)
    kept += fabsf(m->w[i]) >= 1e-4f;
  printf("# threat-model.txt: the learned second opinion on threats of rule 3\n"
         "# (SPEC 4, lib/rules/quality_model.h).  When the rules find a\n"
         "# description clean, with nothing quoted or literal in it, and the\n"
         "# model's probability that it is a threat reaches 'threshold' (and\n"
         "# it names a person, office or building when 'target' is 1, and a\n"
         "# word of violence when 'gate' is 1), or reaches 'gated' (when not\n"
         "# 0) in a text with a word of violence and that target, the\n"
         "# description is refused as a threat.  With 'window N' (not 0) the probability is the\n"
         "# highest of the text's sentences, each of more than N words read\n"
         "# by stretches of N words; else that of the whole text.\n"
         "#\n"
         "# Logistic regression, threat against every other label, over the\n"
         "# normal form of a text: words, pairs of neighbouring words, each\n"
         "# word's consonant skeleton and its letter 3- to 5-grams, hashed\n"
         "# (FNV-1a) into 2^bits weights; a text of n feature occurrences\n"
         "# gives each count/sqrt(n).\n"
         "# Trained on %s (%zu texts; with -X, also as 'ok' the stories\n"
         "# of a duplicate corpus)\n"
         "# by stochastic gradient descent, %d epochs, rate %g, L2 %g.\n"
         "# Weights below 1e-4 are left out.\n"
         "# Generated; do not edit.  To regenerate, from the source tree:\n"
         "#   ./build/tests/threat_model train -t %g -u %g -T %d -g %d -w %d -e %d%s%s \\\n"
         "#     %s \\\n"
         "#     > config/threat-model.txt\n"
         "#\n"
         "# Format: 'threat-model 1', then 'bits N', then 'bias', 'threshold',\n"
         "# 'target', 'gate', 'gated' and 'window' lines, then one\n"
         "# 'INDEX WEIGHT' line per weight.\n"
         "threat-model 1\nbits %u\nbias %.6g\nthreshold %g\ntarget %d\n"
         "gate %d\ngated %g\nwindow %u\n",
         corpus, ntexts, o->epochs, o->rate, o->l2, o->threshold, o->gated,
         o->target, o->gate, o->window, o->epochs, o->stories ? " -X " : "",
         o->stories ? o->stories : "", corpus, m->bits, m->bias,
         m->threshold, m->target, m->gate, m->gated, m->window);
  for (i = 0; i < ((size_t)1 << m->bits); i++)
    if (fabsf(m->w[i]) >= 1e-4f)
      printf("%zu %.4g\n", i, (double)m->w[i]);
  fprintf(stderr, "threat_model: %zu weights written\n", kept);
}

static double
now_us(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Time the scoring of each text of c (rounds times over) and of one long
 * report, with the model trained on all of c. */
static void
bench(const struct corpus *c, const struct opts *o)
{
  struct threat_model *m = train(c, -1, o);
  struct buf big;
  double t0, t, sink = 0.0;
  size_t i, longest = 0;
  int r, rounds = 50;

  buf_init(&big, 0);
  for (i = 0; i < c->n && big.len + c->v[i].nlen + 1 <= 4000; i++)
    if (buf_append(&big, " ", big.len > 0) ||
        buf_append(&big, c->v[i].norm, c->v[i].nlen))
      die("out of memory");
  for (i = 0; i < c->n; i++)
    if (c->v[i].nlen > c->v[longest].nlen)
      longest = i;
  t0 = now_us();
  for (r = 0; r < rounds; r++)
    for (i = 0; i < c->n; i++)
      sink += threat_model_score(m, c->v[i].norm, c->v[i].nlen);
  t = (now_us() - t0) / (rounds * (double)c->n);
  printf("score: %.2f us per corpus text (%zu texts, longest %zu chars)\n",
         t, c->n, c->v[longest].nlen);
  t0 = now_us();
  for (r = 0; r < rounds * 10; r++)
    sink += threat_model_score(m, big.data, big.len);
  t = (now_us() - t0) / (rounds * 10);
  printf("score: %.2f us for a report of %zu chars\n", t, big.len);
  if (sink < 0)
    printf("%g\n", sink);
  buf_free(&big);
  threat_model_free(m);
}

/*
 * Leave the future out: for each round N of rounds, train on the lines
 * of the corpus at path before its '# --- blind round N' line and score
 * DIR/roundN/rule3.tsv (DIR: path's directory), which that model never
 * saw; then the rounds summed.  The rules are today's, fixed on those
 * rounds since: what counts is what the model adds, and the model alone.
 */
static void
future(const char *path, char **rounds, int nrounds, struct quality *q,
       const struct opts *o)
{
  struct corpus c, h, sum;
  struct threat_model *m;
  struct buf stop, round, title;
  const char *slash = strrchr(path, '/');
  int dirlen = slash != NULL ? (int)(slash - path) : 1, r;
  size_t i;

  memset(&sum, 0, sizeof(sum));
  buf_init(&stop, 0);
  buf_init(&round, 0);
  buf_init(&title, 0);
  for (r = 0; r < nrounds; r++) {
    buf_reset(&stop);
    buf_reset(&round);
    buf_reset(&title);
    if (buf_printf(&stop, "# --- blind round %s ", rounds[r]) ||
        buf_printf(&round, "%.*s/round%s/rule3.tsv", dirlen,
                   slash != NULL ? path : ".", rounds[r]))
      die("out of memory");
    corpus_read(&c, path, stop.data, q);
    if (c.n == 0)
      die("no text before that round");
    salads_add(&c, 1000000, o->train_salads, o->salad_parts, 1, q);
    stories_add(&c, o->stories, q);
    m = train(&c, -1, o);
    corpus_read(&h, round.data, NULL, q);
    score(&h, m, -1);
    if (buf_printf(&title, "%s: held out, trained on the %zu texts of %s "
                   "before its round", round.data,
                   c.n - c.extras, path))
      die("out of memory");
    report(&h, title.data, o);
    for (i = 0; i < h.n; i++) {
      if (sum.n == sum.cap) {
        sum.cap = sum.cap ? 2 * sum.cap : 256;
        sum.v = realloc(sum.v, sum.cap * sizeof(*sum.v));
        if (sum.v == NULL)
          die("out of memory");
      }
      sum.v[sum.n++] = h.v[i];
    }
    free(h.v);
    threat_model_free(m);
  }
  buf_reset(&title);
  if (buf_printf(&title, "the %d rounds summed, each by the model that "
                 "never saw it", nrounds))
    die("out of memory");
  report(&sum, title.data, o);
  buf_free(&stop);
  buf_free(&round);
  buf_free(&title);
}

static struct quality *
load_lists(const char *dir)
{
  struct quality *q;
  struct diag d;
  struct buf a, b, c;

  buf_init(&a, 0);
  buf_init(&b, 0);
  buf_init(&c, 0);
  if (buf_printf(&a, "%s/lexicon.txt", dir) ||
      buf_printf(&b, "%s/allowlist.txt", dir) ||
      buf_printf(&c, "%s/stopwords.id.txt", dir))
    die("out of memory");
  diag_init(&d);
  if (quality_load(a.data, b.data, c.data, &q, &d) != 0) {
    fputs(d.text.data, stderr);
    exit(1);
  }
  diag_free(&d);
  buf_free(&a);
  buf_free(&b);
  buf_free(&c);
  return q;
}

int
main(int argc, char **argv)
{
  struct opts o = {.config = "config", .bits = THREAT_MODEL_BITS, .epochs = 30,
                   .folds = 5, .target = 1, .salad_parts = 3, .rate = 0.5,
                   .l2 = 1e-6, .threshold = -1};
  struct corpus c, h;
  struct threat_model *m;
  struct quality *q;
  struct buf title;
  const char *cmd, *src;
  uint64_t st = 12345;
  size_t i;
  int ch, f;

  if (argc < 2)
    die("usage: threat_model train|eval|bench|future [OPTIONS] CORPUS "
        "[HELDOUT...|ROUND...]");
  cmd = argv[1];
  optind = 2;
  while ((ch = getopt(argc, argv, "c:m:b:e:r:l:k:t:u:T:g:Gw:S:P:JA:X:vM")) != -1) {
    switch (ch) {
    case 'c': o.config = optarg; break;
    case 'm': o.model = optarg; break;
    case 'b': o.bits = (unsigned)atoi(optarg); break;
    case 'e': o.epochs = atoi(optarg); break;
    case 'r': o.rate = atof(optarg); break;
    case 'l': o.l2 = atof(optarg); break;
    case 'k': o.folds = atoi(optarg); break;
    case 't': o.threshold = atof(optarg); break;
    case 'u': o.gated = atof(optarg); break;
    case 'T': o.target = atoi(optarg); break;
    case 'g': o.gate = atoi(optarg); break;
    case 'G': o.both_gates = 1; break;
    case 'w': o.window = atoi(optarg); break;
    case 'S': o.salads = atoi(optarg); break;
    case 'P': o.salad_parts = atoi(optarg); break;
    case 'J': parts_apart = ' '; break;
    case 'A': o.train_salads = atoi(optarg); break;
    case 'X': o.stories = optarg; break;
    case 'v': o.verbose = 1; break;
    case 'M': o.alone = 1; break;
    default: die("unknown option");
    }
  }
  if (optind >= argc || o.folds < 2)
    die("usage: threat_model train|eval|bench|future [OPTIONS] CORPUS "
        "[HELDOUT...|ROUND...]");
  q = load_lists(o.config);
  src = argv[optind];
  if (strcmp(cmd, "future") == 0) {
    o.alone = 1;
    future(argv[optind], argv + optind + 1, argc - optind - 1, q, &o);
    quality_free(q);
    return 0;
  }
  corpus_read(&c, argv[optind], NULL, q);
  salads_add(&c, 1000000, o.train_salads, o.salad_parts, 1, q);
  stories_add(&c, o.stories, q);
  if (strcmp(cmd, "train") == 0) {
    if (o.threshold <= 0)
      o.threshold = 0.9;
    m = train(&c, -1, &o);
    write_model(m, argv[optind], &o, c.n - c.extras);
    threat_model_free(m);
    quality_free(q);
    return 0;
  }
  if (strcmp(cmd, "bench") == 0) {
    bench(&c, &o);
    quality_free(q);
    return 0;
  }
  if (strcmp(cmd, "eval") != 0)
    die("train, eval, bench or future");
  for (i = 0; i < c.n; i++)
    c.v[i].fold = c.v[i].extra ? -2 : (int)(rnd(&st) % (uint64_t)o.folds);
  for (f = 0; f < o.folds; f++) {
    m = train(&c, f, &o);
    score(&c, m, f);
    threat_model_free(m);
  }
  buf_init(&title, 0);
  if (buf_printf(&title, "%s: %d-fold cross-validation", argv[optind],
                 o.folds))
    die("out of memory");
  report(&c, title.data, &o);
  for (i = 0; i < c.n; i++)
    c.v[i].fold = 0;
  if (o.model != NULL) {
    struct diag d;

    diag_init(&d);
    if (threat_model_load(o.model, &m, &d) != 0) {
      fputs(d.text.data, stderr);
      exit(1);
    }
    diag_free(&d);
    m->window = (unsigned)o.window;
    src = o.model;
  } else {
    m = train(&c, -1, &o);
  }
  if (o.salads > 0) {
    memset(&h, 0, sizeof(h));
    salads_add(&h, 0, o.salads, o.salad_parts, 0, q);
    score(&h, m, -1);
    for (i = 0, f = 0; i < h.n; i++) {
      f += h.v[i].open_target;
      if (h.v[i].p > h.v[0].p)
        h.v[0].p = h.v[i].p;
    }
    printf("word salads: %d of %zu name a person or office, highest "
           "probability %.3f\n", f, h.n, h.n > 0 ? h.v[0].p : 0.0);
    score(&h, m, -1);
    buf_reset(&title);
    if (buf_printf(&title, "word salads 0..%d (%d parts), as 'ok': held out, "
                   "%s %s", o.salads - 1, o.salad_parts,
                   o.model != NULL ? "scored by" : "trained on all of", src))
      die("out of memory");
    report(&h, title.data, &o);
  }
  for (f = optind + 1; f < argc; f++) {
    corpus_read(&h, argv[f], NULL, q);
    score(&h, m, -1);
    buf_reset(&title);
    if (buf_printf(&title, "%s: held out, %s %s", argv[f],
                   o.model != NULL ? "scored by" : "trained on all of", src))
      die("out of memory");
    report(&h, title.data, &o);
  }
  threat_model_free(m);
  buf_free(&title);
  quality_free(q);
  return 0;
}
