/*
 * fetchguard.c: keep a curl transfer away from addresses it must not
 * reach (see fetchguard.h).
 */
#include "io/fetchguard.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "base/err.h"

/* CURLOPT_OPENSOCKETFUNCTION: a socket for an allowed address, else
 * CURL_SOCKET_BAD (libcurl then tries the next address, if any). */
static curl_socket_t
on_open_socket(void *arg, curlsocktype purpose, struct curl_sockaddr *a)
{
  struct fetchguard *g = arg;
  const struct sockaddr *sa = &a->addr;
  enum netaddr_kind kind = netaddr_classify(sa);
  int ok;

  (void)purpose;
  if (g->permit != NULL)
    ok = g->permit(sa, g->permit_arg);
  else
    ok = kind == NETADDR_PUBLIC || (g->allow_private &&
                                    kind != NETADDR_UNKNOWN);
  if (!ok) {
    const void *raw = NULL;
    g->refused++;
    g->refused_kind = kind;
    if (sa->sa_family == AF_INET)
      raw = &((const struct sockaddr_in *)(const void *)sa)->sin_addr;
    else if (sa->sa_family == AF_INET6)
      raw = &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr;
    if (raw == NULL || inet_ntop(sa->sa_family, raw, g->refused_addr,
                                 sizeof(g->refused_addr)) == NULL)
      snprintf(g->refused_addr, sizeof(g->refused_addr), "family %d",
               (int)sa->sa_family);
    return CURL_SOCKET_BAD;
  }
  return socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
}

int
fetchguard_apply(struct fetchguard *g, CURL *easy)
{
  CURLcode rc;

  g->refused = 0;
  g->refused_kind = NETADDR_PUBLIC;
  g->refused_addr[0] = '\0';
  rc = curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
  if (rc == CURLE_OK)
    rc = curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, g);
  /* "" rather than NULL: NULL lets libcurl read http_proxy and friends. */
  if (rc == CURLE_OK)
    rc = curl_easy_setopt(easy, CURLOPT_PROXY, "");
  if (rc == CURLE_OK)
    rc = curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  if (rc == CURLE_OK)
    rc = curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  return rc == CURLE_OK ? 0 : AERR_STATE;
}

const char *
fetchguard_reason(const struct fetchguard *g, char *buf, size_t len)
{
  snprintf(buf, len, "address not allowed: %s (%s)", g->refused_addr,
           netaddr_kind_name(g->refused_kind));
  return buf;
}
