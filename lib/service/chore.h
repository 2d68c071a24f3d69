/*
 * chore.h: a chore of the daemon, run now and then on the loop in small
 * steps (the retention purge, the service-level check).
 *
 * A run is a chain of steps on one timer: each step is one savepoint of
 * the store's batch (store_sp_run), so it is bounded and leaves the commit
 * to the loop's group commit; the next step follows on the next turn of
 * the loop, after that commit.  When the run ends, the next one is
 * scheduled every_ms after it.  The owner says what a run does through
 * struct chore_ops, all called with its arg:
 *
 *   every_ms()   the interval now (read from the running config each
 *                time); 0: no scheduled runs, only asked-for ones.
 *   begin()      a run starts: 1 when it has work, 0 when it ends at once
 *                (then end(arg, 0) follows, with no step).
 *   step(st)     one step inside its savepoint (store_step_fn): 0 keeps
 *                its work, an error drops it.
 *   after(rc)    the step is over: rc 0 once its savepoint was kept, else
 *                the error it or the store gave.  Returns 1 when another
 *                step follows (only looked at when rc is 0).
 *   end(rc)      the run is over (rc 0) or failed (the step's error).
 */
#ifndef ADUAN_CHORE_H
#define ADUAN_CHORE_H

#include <stdint.h>
#include <uv.h>

struct store;
struct chore;

struct chore_ops {
  uint64_t (*every_ms)(void *arg);
  int (*begin)(void *arg);
  int (*step)(struct store *st, void *arg);
  int (*after)(void *arg, int rc);
  void (*end)(void *arg, int rc);
};

/* A chore on loop, not scheduled yet.  0 or -ENOMEM. */
int chore_new(struct chore **out, uv_loop_t *loop, struct store *st,
              const struct chore_ops *ops, void *arg);

/* Schedule the next run first_ms from now, or every_ms from now when that
 * is sooner; nothing while a run is under way (it schedules the next one
 * when it ends), when paused, or when every_ms is 0. */
void chore_schedule(struct chore *c, uint64_t first_ms);

/* The interval may have changed: a shorter one applies now, 0 stops the
 * scheduled runs; a run under way schedules by the new one itself. */
void chore_reload(struct chore *c);

/* Begin a run on the next turn of the loop, unless one is under way or
 * the chore is paused. */
void chore_run_now(struct chore *c);

/* 1 while a run is under way; 1 once paused. */
int chore_running(const struct chore *c);
int chore_paused(const struct chore *c);

/* Stop for good: no step or run follows (a run under way is cut short
 * without its end callback). */
void chore_pause(struct chore *c);

/* Pause, close the timer and free c; cb(arg), when not NULL, is called
 * once it is closed. */
void chore_close(struct chore *c, void (*cb)(void *arg), void *arg);

#endif
