/*
 * chore.c: a chore's timer and its chain of steps (see chore.h).
 */
#include "service/chore.h"

#include <stdlib.h>

#include "base/err.h"
#include "store/store.h"

struct chore {
  uv_timer_t timer;
  struct store *st;
  const struct chore_ops *ops;
  void *arg;
  int running;
  int paused;
  void (*close_cb)(void *arg);
  void *close_arg;
};

static void on_timer(uv_timer_t *t);

int
chore_new(struct chore **out, uv_loop_t *loop, struct store *st,
          const struct chore_ops *ops, void *arg)
{
  struct chore *c = calloc(1, sizeof(*c));

  *out = NULL;
  if (c == NULL)
    return -ENOMEM;
  c->st = st;
  c->ops = ops;
  c->arg = arg;
  uv_timer_init(loop, &c->timer);
  c->timer.data = c;
  *out = c;
  return 0;
}

void
chore_schedule(struct chore *c, uint64_t first_ms)
{
  uint64_t every = c->ops->every_ms(c->arg);

  uv_timer_stop(&c->timer);
  if (c->paused || c->running || every == 0)
    return;
  uv_timer_start(&c->timer, on_timer, every < first_ms ? every : first_ms,
                 0);
}

void
chore_reload(struct chore *c)
{
  uint64_t every = c->ops->every_ms(c->arg);

  if (c->running)
    return;
  if (every == 0) {
    uv_timer_stop(&c->timer);
    return;
  }
  if (!uv_is_active((uv_handle_t *)&c->timer) ||
      uv_timer_get_due_in(&c->timer) > every)
    chore_schedule(c, every);
}

/* The run is over (rc 0) or failed: tell the owner, arm the next. */
static void
finish(struct chore *c, int rc)
{
  c->running = 0;
  c->ops->end(c->arg, rc);
  chore_schedule(c, UINT64_MAX);
}

static void
on_timer(uv_timer_t *t)
{
  struct chore *c = t->data;
  int rc, more;

  if (c->paused)
    return;
  if (!c->running) {
    c->running = 1;
    if (!c->ops->begin(c->arg)) {
      finish(c, 0);
      return;
    }
  }
  rc = store_sp_run(c->st, c->ops->step, c->arg);
  more = c->ops->after(c->arg, rc);
  if (rc != 0 || !more) {
    finish(c, rc);
    return;
  }
  /* The next step on the next turn, after this one's commit.  Not 0: a
   * timer due at once, started from its own callback, runs again within
   * this turn's timers, and the whole run would hold the loop as one
   * batch.  1 ms is due only once the next turn has read the clock. */
  uv_timer_start(&c->timer, on_timer, 1, 0);
}

void
chore_run_now(struct chore *c)
{
  if (!c->paused && !c->running)
    uv_timer_start(&c->timer, on_timer, 0, 0);
}

int
chore_running(const struct chore *c)
{
  return c->running;
}

int
chore_paused(const struct chore *c)
{
  return c->paused;
}

void
chore_pause(struct chore *c)
{
  c->paused = 1;
  c->running = 0;
  uv_timer_stop(&c->timer);
}

static void
on_closed(uv_handle_t *h)
{
  struct chore *c = h->data;
  void (*cb)(void *) = c->close_cb;
  void *arg = c->close_arg;

  free(c);
  if (cb != NULL)
    cb(arg);
}

void
chore_close(struct chore *c, void (*cb)(void *arg), void *arg)
{
  chore_pause(c);
  c->close_cb = cb;
  c->close_arg = arg;
  uv_close((uv_handle_t *)&c->timer, on_closed);
}
