/*
 * commit.h: make the store's open batch durable, then answer whoever
 * waited for it (the group commit, pipelined).
 *
 * Requests do their work inside the store's open batch and wait on this
 * module's list instead of answering; the sender, the downloader and the
 * admin API wait the same way (commit_after(), commit_defer()).  A
 * uv_prepare_t, which runs just before the loop blocks for I/O, commits
 * the batch and hands the sync to a worker thread (store_sync(), the
 * store being opened with caller_syncs); the loop goes on reading,
 * parsing and running the engine into a new batch meanwhile.  Only when
 * the sync returned are the batch's waiters answered, in the order they
 * came: 200 with the answer each prepared when the commit held, 503 when
 * it did not.  While one sync runs, the next batch stays open and grows,
 * so that under load one sync covers many webhooks.
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

/* A request (or a callback) whose work is done and that waits for the
 * batch to be durable. */
struct commit_wait {
  struct httpd_request *req;     /* NULL: call done(arg, rc) instead */
  void (*done)(void *arg, int rc);
  void *arg;
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

/* Sync with fn(arg) instead of store_sync(c's store), on the worker
 * thread (tests: a sync that ends when they say so). */
void commit_set_sync(struct commit *c, int (*fn)(void *arg), void *arg);

/* Commit before each time the loop blocks, from now on. */
void commit_start(struct commit *c);

/*
 * Commit the open batch, sync it on this thread and answer everyone who
 * waited, the batch being synced by the worker included; for a stop and
 * for tests (it blocks the loop for a sync).  Returns 0 or the commit's
 * error.
 */
int commit_now(struct commit *c);

/*
 * Call done(arg, rc) once what the open batch holds now is durable (rc
 * 0), or once its commit failed (rc its error: nothing of the batch was
 * kept).  When no batch is open, once the writes made so far are
 * durable.  Returns 0, or -ENOMEM (done is not called).
 */
int commit_after(struct commit *c, void (*done)(void *arg, int rc),
                 void *arg);

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

/* Requests and callbacks waiting for a commit, or for its sync. */
int commit_waiting(const struct commit *c);

/* 1 while the worker syncs (a stop waits for it to end). */
int commit_syncing(const struct commit *c);

/* Requests answered from the list so far. */
uint64_t commit_answered(const struct commit *c);

/* Close the prepare handle, then call cb(arg) (cb may be NULL).  The
 * parts that close at the same time may still call commit_now(). */
void commit_close(struct commit *c, void (*cb)(void *arg), void *arg);

/* Free c once it is closed (or was never started on a loop turn). */
void commit_free(struct commit *c);

#endif
