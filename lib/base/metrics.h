/*
 * metrics.h: counters and one latency histogram, rendered in the
 * Prometheus text format.
 *
 * A counter is a name and a label set ("channel=\"wa\",kind=\"text\"");
 * series appear the first time they are counted.  Gauges that the
 * database knows (outbox depth, tickets by status) are read when the
 * metrics are rendered, by the caller.
 */
#ifndef ADUAN_METRICS_H
#define ADUAN_METRICS_H

#include <stdint.h>

#include "base/buf.h"

struct metrics;

int metrics_new(struct metrics **out);
void metrics_free(struct metrics *m);

/* Add n to the counter name{labels}; labels may be "" .  help is used
 * the first time name is seen. */
void metrics_add(struct metrics *m, const char *name, const char *help,
                 const char *labels, uint64_t n);

/* Record one webhook's handling time. */
void metrics_observe_latency(struct metrics *m, double seconds);

/* Append every series, with # HELP and # TYPE lines. */
int metrics_render(const struct metrics *m, struct buf *out);

/* Append one gauge sample (with its # HELP / # TYPE when help != NULL). */
int metrics_gauge(struct buf *out, const char *name, const char *help,
                  const char *labels, double value);

/* Make s safe as a label value (quotes, backslashes, newlines escaped)
 * into out.  Returns out. */
const char *metrics_label(const char *s, char *out, size_t len);

#endif
