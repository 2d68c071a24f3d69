/*
 * metrics.c: counters and the latency histogram (see metrics.h).
 */
#include "base/metrics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"

#define LABELS_MAX 160

struct series {
  char *name;
  const char *help;
  char labels[LABELS_MAX];
  uint64_t value;
};

/* Upper bounds of the latency buckets, in seconds. */
static const double bounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                0.1, 0.25, 0.5, 1, 2.5, 5};
#define NBOUNDS (sizeof(bounds) / sizeof(bounds[0]))

struct metrics {
  struct series *v;
  int n;
  uint64_t buckets[NBOUNDS];
  uint64_t count;
  double sum;
};

int
metrics_new(struct metrics **out)
{
  *out = calloc(1, sizeof(**out));
  return *out != NULL ? 0 : -ENOMEM;
}

void
metrics_free(struct metrics *m)
{
  int i;

  if (m == NULL)
    return;
  for (i = 0; i < m->n; i++)
    free(m->v[i].name);
  free(m->v);
  free(m);
}

void
metrics_add(struct metrics *m, const char *name, const char *help,
            const char *labels, uint64_t n)
{
  struct series *s;
  int i;

  if (m == NULL)
    return;
  for (i = 0; i < m->n; i++)
    if (strcmp(m->v[i].name, name) == 0 &&
        strcmp(m->v[i].labels, labels) == 0) {
      m->v[i].value += n;
      return;
    }
  s = realloc(m->v, (size_t)(m->n + 1) * sizeof(*s));
  if (s == NULL)
    return;
  m->v = s;
  s = &m->v[m->n];
  s->name = strdup(name);
  if (s->name == NULL)
    return;
  s->help = help;
  snprintf(s->labels, sizeof(s->labels), "%s", labels);
  s->value = n;
  m->n++;
}

void
metrics_observe_latency(struct metrics *m, double seconds)
{
  size_t i;

  if (m == NULL)
    return;
  for (i = 0; i < NBOUNDS; i++)
    if (seconds <= bounds[i])
      m->buckets[i]++;
  m->count++;
  m->sum += seconds;
}

const char *
metrics_label(const char *s, char *out, size_t len)
{
  size_t o = 0;

  for (; s != NULL && *s != '\0' && o + 3 < len; s++) {
    if (*s == '"' || *s == '\\') {
      out[o++] = '\\';
      out[o++] = *s;
    } else if (*s == '\n') {
      out[o++] = '\\';
      out[o++] = 'n';
    } else {
      out[o++] = *s;
    }
  }
  if (len > 0)
    out[o] = '\0';
  return out;
}

int
metrics_gauge(struct buf *out, const char *name, const char *help,
              const char *labels, double value)
{
  int rc = 0;

  if (help != NULL)
    rc = buf_printf(out, "# HELP %s %s\n# TYPE %s gauge\n", name, help, name);
  if (rc == 0)
    rc = buf_printf(out, "%s%s%s%s %.17g\n", name, labels[0] ? "{" : "",
                    labels, labels[0] ? "}" : "", value);
  return rc;
}

int
metrics_render(const struct metrics *m, struct buf *out)
{
  int i, j, rc = 0;
  size_t k;
  uint64_t cum = 0;

  /* Series of one name together, headed once. */
  for (i = 0; rc == 0 && i < m->n; i++) {
    int first = 1;
    for (j = 0; j < i; j++)
      if (strcmp(m->v[j].name, m->v[i].name) == 0)
        first = 0;
    if (!first)
      continue;
    rc = buf_printf(out, "# HELP %s %s\n# TYPE %s counter\n", m->v[i].name,
                    m->v[i].help ? m->v[i].help : m->v[i].name,
                    m->v[i].name);
    for (j = i; rc == 0 && j < m->n; j++) {
      const struct series *s = &m->v[j];
      if (strcmp(s->name, m->v[i].name) != 0)
        continue;
      rc = buf_printf(out, "%s%s%s%s %llu\n", s->name, s->labels[0] ? "{" : "",
                      s->labels, s->labels[0] ? "}" : "",
                      (unsigned long long)s->value);
    }
  }
  if (rc == 0)
    rc = buf_puts(out, "# HELP aduan_webhook_seconds Time from a webhook's "
                       "arrival to its answer\n"
                       "# TYPE aduan_webhook_seconds histogram\n");
  for (k = 0; rc == 0 && k < NBOUNDS; k++) {
    cum = m->buckets[k];
    rc = buf_printf(out, "aduan_webhook_seconds_bucket{le=\"%g\"} %llu\n",
                    bounds[k], (unsigned long long)cum);
  }
  if (rc == 0)
    rc = buf_printf(out, "aduan_webhook_seconds_bucket{le=\"+Inf\"} %llu\n"
                    "aduan_webhook_seconds_sum %.6f\n"
                    "aduan_webhook_seconds_count %llu\n",
                    (unsigned long long)m->count, m->sum,
                    (unsigned long long)m->count);
  return rc;
}
