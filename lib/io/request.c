/*
 * request.c: an outgoing request's easy handle (see request.h).
 */
#include "io/request.h"

#include <errno.h>
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

CURL *
request_easy_reuse(CURL *easy, const struct request_spec *spec,
                   struct curl_slist **headers)
{
  int post = strcmp(spec->method, "POST") == 0;

  *headers = NULL;
  if (header_list(spec, post, headers) != 0) {
    if (easy != NULL)
      curl_easy_cleanup(easy);
    return NULL;
  }
  if (easy != NULL)
    curl_easy_reset(easy);
  else
    easy = curl_easy_init();
  if (easy == NULL) {
    curl_slist_free_all(*headers);
    *headers = NULL;
    return NULL;
  }
  curl_easy_setopt(easy, CURLOPT_URL, spec->url);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, *headers);
  if (post) {
    curl_easy_setopt(easy, CURLOPT_POST, 1L);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS,
                     spec->body != NULL ? spec->body : "");
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, (long)spec->body_len);
  } else {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  }
  if (spec->userpwd != NULL) {
    curl_easy_setopt(easy, CURLOPT_USERPWD, spec->userpwd);
    curl_easy_setopt(easy, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
  }
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, spec->on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, spec->arg);
  if (spec->on_header != NULL) {
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, spec->on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, spec->arg);
  }
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, spec->timeout_ms);
  if (spec->max_size > 0)
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, spec->max_size);
  if (spec->max_redirs > 0) {
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, spec->max_redirs);
  }
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  return easy;
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
