/*
 * commit.h: make the store's open batch durable, then answer whoever
 * waited for it (the group commit).
 *
 * Requests do their work inside the store's open batch and wait on this
 * module's list instead of answering.  A uv_prepare_t, which runs just
 * before the loop blocks for I/O, commits the batch once and only then
 * answers every request on the list, in the order they came: 200 with
 * the answer each prepared when the commit held, 503 when it did not.
 * Many requests of one loop turn thus share one fsync.
 *
 * After a commit that held, the hooks' committed() is told what the
 * waiters flagged (COMMIT_QUEUED, COMMIT_MEDIA) and whether the store
 * dropped evidence files (COMMIT_DROPPED); the server registers it to
 * wake the sender and the downloader.  turn() runs after every run of
 * the prepare handle, committed or not (the server finishes a stop
 * there).
 *
 * Each answer counts in the metrics' latency histogram (from the
 * request's arrival to its answer) and in commit_answered().
 */
#ifndef ADUAN_COMMIT_H
#define ADUAN_COMMIT_H

#include <stdint.h>
#include <uv.h>

#include "base/buf.h"

struct commit;
struct httpd_request;
struct metrics;
struct store;

/* What a waiter asks for after the commit; what committed() is told. */
enum {
  COMMIT_QUEUED = 1,    /* replies were queued for the sender */
  COMMIT_MEDIA = 2,     /* evidence may wait for download */
  COMMIT_DROPPED = 4,   /* the store dropped evidence (not a waiter's) */
};

/* A request whose work is done and that waits for the batch to commit. */
struct commit_wait {
  struct httpd_request *req;
  struct buf body;               /* the 200 answer, ready */
  const char *ctype;             /* its content type */
  unsigned flags;                /* COMMIT_QUEUED, COMMIT_MEDIA */
  struct commit_wait *next;
};

struct commit_hooks {
  void (*committed)(void *arg, unsigned flags);
  void (*turn)(void *arg);
  void *arg;
};

/* A commit module for st on loop, counting into m.  Nothing runs until
 * commit_start().  Returns 0 or -ENOMEM. */
int commit_new(struct commit **out, uv_loop_t *loop, struct store *st,
               struct metrics *m);

/* Replace the hooks (either function may be NULL). */
void commit_set_hooks(struct commit *c, const struct commit_hooks *h);

/* Commit before each time the loop blocks, from now on. */
void commit_start(struct commit *c);

/*
 * Commit the open batch and answer everyone who waited for it; the
 * sender, the downloader and the admin API call it to make their records
 * durable before they log them.  Returns 0 or the commit's error.
 */
int commit_now(struct commit *c);

/* A waiter for req with an empty body and JSON as its type, for the
 * caller to fill and hand to commit_queue() (or commit_wait_free()).
 * NULL when out of memory. */
struct commit_wait *commit_wait_new(struct httpd_request *req);
void commit_wait_free(struct commit_wait *w);

/* Put w (taken) on the list: it is answered after the next commit. */
void commit_queue(struct commit *c, struct commit_wait *w);

/* Answer req with body (JSON) once the open batch commits, or 503 if it
 * does not; flags as in struct commit_wait.  Out of memory answers 503 at
 * once. */
void commit_defer(struct commit *c, struct httpd_request *req,
                  const char *body, unsigned flags);

/* Requests waiting for the next commit. */
int commit_waiting(const struct commit *c);

/* Requests answered from the list so far. */
uint64_t commit_answered(const struct commit *c);

/* Close the prepare handle, then call cb(arg) (cb may be NULL).  The
 * parts that close at the same time may still call commit_now(). */
void commit_close(struct commit *c, void (*cb)(void *arg), void *arg);

/* Free c once it is closed (or was never started on a loop turn). */
void commit_free(struct commit *c);

#endif
