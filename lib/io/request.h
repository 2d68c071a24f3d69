/*
 * request.h: one outgoing HTTP request as a curl easy handle, set up the
 * same way for every caller (the sender and the evidence downloader),
 * ready for curlev_add().
 *
 * Every request is limited to http and https, never raises a signal
 * (NOSIGNAL: the loop owns them), and has a timeout.  A POST sends its
 * body as it is, without waiting for "100 Continue".  What a caller adds
 * after (the download filter, fetchguard.h) is its own.
 */
#ifndef ADUAN_REQUEST_H
#define ADUAN_REQUEST_H

#include <curl/curl.h>
#include <stddef.h>

struct request_spec {
  const char *method;           /* "POST" (with body) or "GET" */
  const char *url;
  char *const *headers;         /* "Name: value", NULL-terminated, or NULL */
  int max_headers;              /* headers[] read no further than this */
  const char *body;             /* POST: not copied, must outlive the
                                   transfer; NULL: empty */
  size_t body_len;
  const char *userpwd;          /* "user:password" for HTTP Basic, which
                                   libcurl sends to the URL's own scheme,
                                   host and port only; NULL: none */
  long timeout_ms;              /* the whole transfer */
  curl_off_t max_size;          /* a larger response fails; 0: any */
  long max_redirs;              /* redirects followed; 0: none */
  curl_write_callback on_body;  /* the response body, in pieces */
  curl_write_callback on_header;/* each response header line, or NULL */
  void *arg;                    /* for both */
};

/* A new easy handle for spec, and in *headers the list it sends (the
 * caller frees it with curl_slist_free_all once the transfer is over, and
 * the handle with curl_easy_cleanup).  NULL when out of memory (and then
 * *headers is NULL). */
CURL *request_easy(const struct request_spec *spec,
                   struct curl_slist **headers);

/* The same on easy, the handle of an ended transfer (taken): every
 * option it had is reset (curl_easy_reset) before spec's are set, so
 * nothing of its last request is left, and the cost of a new handle is
 * saved.  easy NULL: a new handle, as request_easy.  NULL when out of
 * memory, and then easy is cleaned up. */
CURL *request_easy_reuse(CURL *easy, const struct request_spec *spec,
                         struct curl_slist **headers);

/*
 * What the requests of one sender to one place have in common, made once
 * and shared: the URL as libcurl parsed it (a CURLU, so that a request
 * does not parse it again) and the header list ("Expect:" added for a
 * POST).  Counted references: each transfer that uses it holds one until
 * it is over, and the sender one for the next requests.
 */
struct request_shared;

/* A reference to cur when spec's method, URL and header lines are the
 * ones cur was made for (cur may be NULL), else to a new one made for
 * spec.  NULL when out of memory.  A URL libcurl's parser refuses is kept
 * as a string, for libcurl to refuse again when the request runs (the
 * same error as a request without it). */
struct request_shared *request_shared_for(struct request_shared *cur,
                                          const struct request_spec *spec);
/* Another reference to sh (not NULL); returns sh. */
struct request_shared *request_shared_ref(struct request_shared *sh);
/* Give up a reference (NULL is fine); the last one wipes the URL and
 * header lines, which may carry credentials, before freeing them. */
void request_shared_drop(struct request_shared *sh);

/*
 * easy set up for spec with sh's URL and headers (sh made for spec,
 * request_shared_for; it must outlive the transfer).  easy NULL: a new
 * handle, every option set.  easy not NULL: an ended transfer's handle
 * last set up by this function for a spec with the same on_body,
 * on_header, userpwd, max_size and max_redirs; only what differs from one
 * request to the next is set again (URL, headers, method and body,
 * timeout, arg): libcurl keeps every other option between transfers, so
 * no curl_easy_reset.  NULL when out of memory.  The request
 * goes to sh's URL; libcurl 7.88 does not turn a CURLU into its URL
 * string again on a handle that has had one, so CURLINFO_EFFECTIVE_URL
 * of such a handle may name an earlier request's URL: do not use it.
 */
CURL *request_easy_shared(CURL *easy, const struct request_spec *spec,
                          struct request_shared *sh);

/*
 * A stable name for why a transfer of easy ended with result, for log
 * lines (error=...): "connect_refused" (nothing listens at the address),
 * "timeout" (no connection or no whole answer within the timeout),
 * "connect_failed" (another reason the connection could not be made:
 * no route, unreachable), "resolve_failed", "empty_reply" (the
 * connection closed before any answer), "send_failed", "recv_failed"
 * (reset while talking), "tls", or "other".  NULL for CURLE_OK.  Call it
 * before curl_easy_cleanup(easy); easy may be NULL (then a refused
 * connection is "connect_failed").
 */
const char *request_error_name(CURL *easy, CURLcode result);

/* When line (one response header line of len bytes, as a header callback
 * gets it) is the header name (written with its colon: "Retry-After:",
 * in any case), copy its value into out (NUL-terminated, cut to fit):
 * blanks before it skipped, up to the end of the line or the first
 * character of stop (NULL: none).  1 when it was that header, else 0 (and
 * out is left alone). */
int request_header_value(const char *line, size_t len, const char *name,
                         const char *stop, char *out, size_t outlen);

#endif
