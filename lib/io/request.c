/*
 * request.c: an outgoing request's easy handle (see request.h).
 */
#include "io/request.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* spec's header lines as a curl list, plus "Expect:" for a POST (an
 * empty value stops libcurl from sending its own).  0 or -1. */
static int
header_list(const struct request_spec *spec, int post,
            struct curl_slist **out)
{
  struct curl_slist *l = NULL, *n;
  int i;

  *out = NULL;
  for (i = 0; spec->headers != NULL && i < spec->max_headers &&
              spec->headers[i] != NULL; i++) {
    n = curl_slist_append(l, spec->headers[i]);
    if (n == NULL)
      goto fail;
    l = n;
  }
  /* Providers answer fast; do not wait a second for 100-continue. */
  if (post) {
    n = curl_slist_append(l, "Expect:");
    if (n == NULL)
      goto fail;
    l = n;
  }
  *out = l;
  return 0;
fail:
  curl_slist_free_all(l);
  return -1;
}

CURL *
request_easy(const struct request_spec *spec, struct curl_slist **headers)
{
  return request_easy_reuse(NULL, spec, headers);
}

/* What changes from one request to the next: the URL (parsed, uh, or
 * the string), the header list, the method and body, the callbacks'
 * argument and the timeout. */
static void
set_request(CURL *easy, const struct request_spec *spec, int post, CURLU *uh,
            struct curl_slist *headers)
{
  if (uh != NULL) {
    curl_easy_setopt(easy, CURLOPT_CURLU, uh);
  } else {
    /* A CURLU set before would win over the string. */
    curl_easy_setopt(easy, CURLOPT_CURLU, NULL);
    curl_easy_setopt(easy, CURLOPT_URL, spec->url);
  }
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  if (post) {
    curl_easy_setopt(easy, CURLOPT_POST, 1L);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS,
                     spec->body != NULL ? spec->body : "");
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, (long)spec->body_len);
  } else {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  }
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, spec->arg);
  if (spec->on_header != NULL)
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, spec->arg);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, spec->timeout_ms);
}

/* What stays the same for every request of a caller. */
static void
set_fixed(CURL *easy, const struct request_spec *spec)
{
  if (spec->userpwd != NULL) {
    curl_easy_setopt(easy, CURLOPT_USERPWD, spec->userpwd);
    curl_easy_setopt(easy, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
  }
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, spec->on_body);
  if (spec->on_header != NULL)
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, spec->on_header);
  if (spec->max_size > 0)
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, spec->max_size);
  if (spec->max_redirs > 0) {
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, spec->max_redirs);
  }
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
}

/* easy reset (or a new one when NULL), with every option of spec; NULL
 * when out of memory. */
static CURL *
easy_fresh(CURL *easy, const struct request_spec *spec, int post, CURLU *uh,
           struct curl_slist *headers)
{
  if (easy != NULL)
    curl_easy_reset(easy);
  else
    easy = curl_easy_init();
  if (easy == NULL)
    return NULL;
  set_fixed(easy, spec);
  set_request(easy, spec, post, uh, headers);
  return easy;
}

CURL *
request_easy_reuse(CURL *easy, const struct request_spec *spec,
                   struct curl_slist **headers)
{
  int post = strcmp(spec->method, "POST") == 0;
  CURL *e;

  *headers = NULL;
  if (header_list(spec, post, headers) != 0) {
    if (easy != NULL)
      curl_easy_cleanup(easy);
    return NULL;
  }
  e = easy_fresh(easy, spec, post, NULL, *headers);
  if (e == NULL) {
    curl_slist_free_all(*headers);
    *headers = NULL;
  }
  return e;
}

/* ---- Shared URL and headers ------------------------------------------ */

struct request_shared {
  int refs;
  int post;
  char *url;                    /* as given */
  CURLU *uh;                    /* url parsed; NULL: libcurl refused it */
  char *lines;                  /* the header lines given, each ended by
                                   its NUL, back to back */
  size_t lines_len;
  struct curl_slist *headers;   /* the list sent (header_list) */
};

/* The header lines spec gives, as request_shared keeps them: into out
 * (NULL: only counted); their length. */
static size_t
spec_lines(const struct request_spec *spec, char *out)
{
  size_t n = 0, k;
  int i;

  for (i = 0; spec->headers != NULL && i < spec->max_headers &&
              spec->headers[i] != NULL; i++) {
    k = strlen(spec->headers[i]) + 1;
    if (out != NULL)
      memcpy(out + n, spec->headers[i], k);
    n += k;
  }
  return n;
}

/* 1 when sh was made for spec's method, URL and header lines. */
static int
shared_fits(const struct request_shared *sh, const struct request_spec *spec,
            int post)
{
  size_t off = 0, k;
  int i;

  if (sh->post != post || strcmp(sh->url, spec->url) != 0)
    return 0;
  for (i = 0; spec->headers != NULL && i < spec->max_headers &&
              spec->headers[i] != NULL; i++) {
    k = strlen(spec->headers[i]) + 1;
    if (off + k > sh->lines_len ||
        memcmp(sh->lines + off, spec->headers[i], k) != 0)
      return 0;
    off += k;
  }
  return off == sh->lines_len;
}

struct request_shared *
request_shared_for(struct request_shared *cur, const struct request_spec *spec)
{
  int post = strcmp(spec->method, "POST") == 0;
  struct request_shared *sh;
  size_t n;

  if (cur != NULL && shared_fits(cur, spec, post))
    return request_shared_ref(cur);
  sh = calloc(1, sizeof(*sh));
  if (sh == NULL)
    return NULL;
  sh->refs = 1;
  sh->post = post;
  n = spec_lines(spec, NULL);
  sh->lines = malloc(n > 0 ? n : 1);
  sh->url = strdup(spec->url);
  sh->uh = curl_url();
  if (sh->lines == NULL || sh->url == NULL || sh->uh == NULL ||
      header_list(spec, post, &sh->headers) != 0) {
    request_shared_drop(sh);
    return NULL;
  }
  sh->lines_len = spec_lines(spec, sh->lines);
  /* The flags libcurl parses a URL string with itself. */
  if (curl_url_set(sh->uh, CURLUPART_URL, spec->url,
                   CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME) !=
      CURLUE_OK) {
    curl_url_cleanup(sh->uh);
    sh->uh = NULL;
  }
  return sh;
}

struct request_shared *
request_shared_ref(struct request_shared *sh)
{
  sh->refs++;
  return sh;
}

void
request_shared_drop(struct request_shared *sh)
{
  struct curl_slist *l;

  if (sh == NULL || --sh->refs > 0)
    return;
  /* Kept as long as the sender sends the same request, the header lines
   * and the URL hold its credentials ("Authorization: Bearer ...", a
   * Kannel password in the query): wiped, not only freed. */
  for (l = sh->headers; l != NULL; l = l->next)
    explicit_bzero(l->data, strlen(l->data));
  curl_slist_free_all(sh->headers);
  if (sh->uh != NULL)
    curl_url_cleanup(sh->uh);
  if (sh->url != NULL)
    explicit_bzero(sh->url, strlen(sh->url));
  free(sh->url);
  if (sh->lines != NULL)
    explicit_bzero(sh->lines, sh->lines_len);
  free(sh->lines);
  free(sh);
}

CURL *
request_easy_shared(CURL *easy, const struct request_spec *spec,
                    struct request_shared *sh)
{
  if (easy != NULL) {
    set_request(easy, spec, sh->post, sh->uh, sh->headers);
    return easy;
  }
  return easy_fresh(easy, spec, sh->post, sh->uh, sh->headers);
}

const char *
request_error_name(CURL *easy, CURLcode result)
{
  long oserr = 0;

  switch (result) {
  case CURLE_OK:
    return NULL;
  case CURLE_COULDNT_CONNECT:
    if (easy != NULL)
      curl_easy_getinfo(easy, CURLINFO_OS_ERRNO, &oserr);
    return oserr == ECONNREFUSED ? "connect_refused" : "connect_failed";
  case CURLE_OPERATION_TIMEDOUT:
    return "timeout";
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_COULDNT_RESOLVE_PROXY:
    return "resolve_failed";
  case CURLE_GOT_NOTHING:
    return "empty_reply";
  case CURLE_SEND_ERROR:
    return "send_failed";
  case CURLE_RECV_ERROR:
  case CURLE_PARTIAL_FILE:
    return "recv_failed";
  case CURLE_SSL_CONNECT_ERROR:
  case CURLE_PEER_FAILED_VERIFICATION:
  case CURLE_SSL_CERTPROBLEM:
  case CURLE_SSL_CIPHER:
  case CURLE_SSL_CACERT_BADFILE:
    return "tls";
  default:
    return "other";
  }
}

int
request_header_value(const char *line, size_t len, const char *name,
                     const char *stop, char *out, size_t outlen)
{
  size_t k = strlen(name), i = k, o = 0;

  if (len <= k || strncasecmp(line, name, k) != 0 || outlen == 0)
    return 0;
  while (i < len && (line[i] == ' ' || line[i] == '\t'))
    i++;
  while (i < len && o + 1 < outlen && line[i] != '\r' && line[i] != '\n' &&
         (stop == NULL || strchr(stop, line[i]) == NULL))
    out[o++] = line[i++];
  out[o] = '\0';
  return 1;
}
