/*
 * curlev.c: libcurl multi on libuv (see curlev.h).
 *
 * curl tells us, through the socket callback, which sockets to watch and
 * for what; each watched socket gets a struct sock with a uv_poll_t,
 * attached to curl's socket with curl_multi_assign and freed only in its
 * close callback.  curl tells us through the timer callback when to call
 * it back at the latest; that is one uv_timer_t.  Every poll event or
 * timeout calls curl_multi_socket_action(), then finished transfers are
 * collected from curl_multi_info_read() and their owners told.
 */
#include "io/curlev.h"

#include <stdlib.h>
#include <string.h>

#include "base/err.h"

struct transfer {
  CURL *easy;
  curlev_done_cb done;
  void *arg;
  struct transfer *next;
};

struct curlev {
  uv_loop_t *loop;
  CURLM *multi;
  uv_timer_t timer;
  struct transfer *transfers;
  struct sock *socks;         /* every watched socket */
  int running;
  int open_handles;           /* the timer and every sock's poll */
  int closing;
  long keep;                  /* CURLMOPT_MAXCONNECTS as last set; 0: not */
  void (*close_cb)(void *arg);
  void *close_arg;
};

static void finish_close(struct curlev *cv);
static void on_handle_closed(uv_handle_t *h);

struct sock {
  uv_poll_t poll;
  struct curlev *cv;
  curl_socket_t fd;
  struct sock *prev, *next;
};

/* Stop watching s and close it; it is freed in on_handle_closed. */
static void
sock_close(struct sock *s)
{
  struct curlev *cv = s->cv;

  if (s->prev != NULL)
    s->prev->next = s->next;
  else
    cv->socks = s->next;
  if (s->next != NULL)
    s->next->prev = s->prev;
  curl_multi_assign(cv->multi, s->fd, NULL);
  uv_poll_stop(&s->poll);
  uv_close((uv_handle_t *)&s->poll, on_handle_closed);
}


static void
on_handle_closed(uv_handle_t *h)
{
  struct curlev *cv;

  if (h->type == UV_POLL) {
    struct sock *s = h->data;
    cv = s->cv;
    free(s);
  } else {
    cv = h->data;
  }
  cv->open_handles--;
  if (cv->closing && cv->open_handles == 0)
    finish_close(cv);
}

/* Tell the owners of finished transfers. */
static void
drain(struct curlev *cv)
{
  CURLMsg *msg;
  int left;

  while ((msg = curl_multi_info_read(cv->multi, &left)) != NULL) {
    struct transfer **pp, *t = NULL;
    CURL *easy;
    CURLcode result;

    if (msg->msg != CURLMSG_DONE)
      continue;
    easy = msg->easy_handle;
    result = msg->data.result;
    curl_multi_remove_handle(cv->multi, easy);
    for (pp = &cv->transfers; *pp != NULL; pp = &(*pp)->next) {
      if ((*pp)->easy == easy) {
        t = *pp;
        *pp = t->next;
        break;
      }
    }
    if (t == NULL)
      continue;
    cv->running--;
    t->done(easy, result, t->arg);
    free(t);
  }
}

static void
on_poll(uv_poll_t *p, int status, int events)
{
  struct sock *s = p->data;
  int flags = 0, running = 0;

  if (status < 0)
    flags = CURL_CSELECT_ERR;
  if (events & UV_READABLE)
    flags |= CURL_CSELECT_IN;
  if (events & UV_WRITABLE)
    flags |= CURL_CSELECT_OUT;
  curl_multi_socket_action(s->cv->multi, s->fd, flags, &running);
  drain(s->cv);
}

static void
on_timer(uv_timer_t *t)
{
  struct curlev *cv = t->data;
  int running = 0;

  curl_multi_socket_action(cv->multi, CURL_SOCKET_TIMEOUT, 0, &running);
  drain(cv);
}

/* curl's CURLMOPT_TIMERFUNCTION: -1 stops the timer, 0 means "soon". */
static int
timer_cb(CURLM *multi, long timeout_ms, void *userp)
{
  struct curlev *cv = userp;

  (void)multi;
  if (cv->closing)
    return 0;
  if (timeout_ms < 0)
    uv_timer_stop(&cv->timer);
  else
    uv_timer_start(&cv->timer, on_timer,
                   (uint64_t)(timeout_ms == 0 ? 1 : timeout_ms), 0);
  return 0;
}

/* curl's CURLMOPT_SOCKETFUNCTION: start, change or stop watching s. */
static int
socket_cb(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp)
{
  struct curlev *cv = userp;
  struct sock *s = socketp;
  int events = 0;

  (void)easy;
  if (cv->closing)
    return 0;
  if (what == CURL_POLL_REMOVE) {
    if (s != NULL)
      sock_close(s);
    return 0;
  }
  if (s == NULL) {
    s = calloc(1, sizeof(*s));
    if (s == NULL)
      return -1;
    s->cv = cv;
    s->fd = fd;
    if (uv_poll_init_socket(cv->loop, &s->poll, fd) != 0) {
      free(s);
      return -1;
    }
    s->poll.data = s;
    cv->open_handles++;
    s->next = cv->socks;
    if (cv->socks != NULL)
      cv->socks->prev = s;
    cv->socks = s;
    curl_multi_assign(cv->multi, fd, s);
  }
  if (what == CURL_POLL_IN || what == CURL_POLL_INOUT)
    events |= UV_READABLE;
  if (what == CURL_POLL_OUT || what == CURL_POLL_INOUT)
    events |= UV_WRITABLE;
  uv_poll_start(&s->poll, events, on_poll);
  return 0;
}

int
curlev_new(struct curlev **out, uv_loop_t *loop)
{
  struct curlev *cv = calloc(1, sizeof(*cv));

  *out = NULL;
  if (cv == NULL)
    return -ENOMEM;
  cv->loop = loop;
  cv->multi = curl_multi_init();
  if (cv->multi == NULL) {
    free(cv);
    return AERR_STATE;
  }
  uv_timer_init(loop, &cv->timer);
  cv->timer.data = cv;
  cv->open_handles = 1;
  curl_multi_setopt(cv->multi, CURLMOPT_SOCKETFUNCTION, socket_cb);
  curl_multi_setopt(cv->multi, CURLMOPT_SOCKETDATA, cv);
  curl_multi_setopt(cv->multi, CURLMOPT_TIMERFUNCTION, timer_cb);
  curl_multi_setopt(cv->multi, CURLMOPT_TIMERDATA, cv);
  *out = cv;
  return 0;
}

int
curlev_add(struct curlev *cv, CURL *easy, curlev_done_cb done, void *arg)
{
  struct transfer *t;

  if (cv->closing || done == NULL)
    return -EINVAL;
  t = calloc(1, sizeof(*t));
  if (t == NULL)
    return -ENOMEM;
  t->easy = easy;
  t->done = done;
  t->arg = arg;
  /* curl calls the timer callback from here with 0: the transfer starts
   * on the next loop iteration, never inside this call. */
  if (curl_multi_add_handle(cv->multi, easy) != CURLM_OK) {
    free(t);
    return AERR_STATE;
  }
  t->next = cv->transfers;
  cv->transfers = t;
  cv->running++;
  return 0;
}

int
curlev_remove(struct curlev *cv, CURL *easy)
{
  struct transfer **pp, *t;

  for (pp = &cv->transfers; *pp != NULL; pp = &(*pp)->next) {
    if ((*pp)->easy != easy)
      continue;
    t = *pp;
    *pp = t->next;
    curl_multi_remove_handle(cv->multi, easy);
    cv->running--;
    free(t);
    return 0;
  }
  return -ENOENT;
}

void
curlev_keep_connections(struct curlev *cv, long n)
{
  if (n < 0)
    n = 0;
  if (n == cv->keep)
    return;
  /* 0 is curl's own default too (four per transfer running). */
  if (curl_multi_setopt(cv->multi, CURLMOPT_MAXCONNECTS, n) == CURLM_OK)
    cv->keep = n;
}

int
curlev_running(const struct curlev *cv)
{
  return cv->running;
}

static void
finish_close(struct curlev *cv)
{
  void (*cb)(void *) = cv->close_cb;
  void *arg = cv->close_arg;

  curl_multi_cleanup(cv->multi);
  free(cv);
  if (cb != NULL)
    cb(arg);
}

void
curlev_close(struct curlev *cv, void (*cb)(void *arg), void *arg)
{
  struct transfer *t, *next;

  if (cv->closing)
    return;
  cv->close_cb = cb;
  cv->close_arg = arg;
  /* Owners hear of their aborted transfers first; curl's socket callback
   * is ignored from here on, and its sockets are closed below. */
  cv->closing = 1;
  for (t = cv->transfers; t != NULL; t = next) {
    next = t->next;
    curl_multi_remove_handle(cv->multi, t->easy);
    cv->running--;
    t->done(t->easy, CURLE_ABORTED_BY_CALLBACK, t->arg);
    free(t);
  }
  cv->transfers = NULL;
  /* Sockets curl keeps for reuse are still watched: close them too. */
  while (cv->socks != NULL)
    sock_close(cv->socks);
  uv_timer_stop(&cv->timer);
  uv_close((uv_handle_t *)&cv->timer, on_handle_closed);
}
