/*
 * curlev.h: libcurl's multi interface driven by the libuv loop.
 *
 * Transfers are ordinary curl easy handles, set up by the caller; curlev
 * runs them all on one multi handle whose sockets are watched with
 * uv_poll_t and whose timeout is one uv_timer_t, so no transfer ever
 * blocks the loop.
 *
 * A driver made with curlev_new_thread() does the same on a thread and a
 * loop of its own: the transfers' sockets, libcurl's work and the
 * kernel's for the connections run there, and the caller's loop only
 * hands transfers over and hears when they end.  Its callers see the same
 * functions and the same promises (done is called from the caller's
 * loop), with two differences: a transfer's body and header callbacks run
 * on the driver's thread, so they may touch nothing but that transfer's
 * own data; and a transfer the driver's thread cannot start ends with
 * CURLE_FAILED_INIT (done is called) instead of failing curlev_add.
 */
#ifndef ADUAN_CURLEV_H
#define ADUAN_CURLEV_H

#include <curl/curl.h>
#include <uv.h>

struct curlev;

/* Called once per transfer when it ends (result CURLE_OK or not).  The
 * easy handle is the caller's again: it cleans it up. */
typedef void (*curlev_done_cb)(CURL *easy, CURLcode result, void *arg);

/* A new driver on loop.  Returns 0, -ENOMEM or AERR_STATE. */
int curlev_new(struct curlev **out, uv_loop_t *loop);

/* A new driver on a thread of its own, its owner's loop being loop (see
 * above).  Returns 0, -ENOMEM or AERR_STATE. */
int curlev_new_thread(struct curlev **out, uv_loop_t *loop);

/* Start easy (set up by the caller).  done(easy, result, arg) is called
 * exactly once, later, from the loop; never from inside this call.
 * Returns 0, or an error (and then done is never called). */
int curlev_add(struct curlev *cv, CURL *easy, curlev_done_cb done,
               void *arg);

/* Stop the transfer of easy before it ends: done is not called, and the
 * easy handle is the caller's again.  0, or -ENOENT when easy is not
 * running here (it ended, and done was or will be called).  On a driver
 * with a thread this waits for that thread to let the transfer go. */
int curlev_remove(struct curlev *cv, CURL *easy);

/* Keep up to n connections open once their transfers end, for the next
 * transfers to the same hosts (n <= 0: curl's default, four times the
 * transfers running, which closes most of them whenever the load dips).
 * Cheap to call again with the same n. */
void curlev_keep_connections(struct curlev *cv, long n);

/* Transfers running. */
int curlev_running(const struct curlev *cv);

/* Abort every transfer (each done gets CURLE_ABORTED_BY_CALLBACK, from
 * inside this call; on a driver with a thread, a transfer that had ended
 * already gets its own result), close the handles, and call cb(arg) once
 * all are closed; cv is then freed.  A driver's thread is stopped and
 * joined here. */
void curlev_close(struct curlev *cv, void (*cb)(void *arg), void *arg);

#endif
