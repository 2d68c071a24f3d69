/*
 * fetchguard.h: keep a curl transfer away from addresses it must not
 * reach.
 *
 * Evidence URLs come from outside (a webhook, or a provider's redirect),
 * so a download must not be usable to reach the daemon's own machine or
 * the networks behind it.  The guard installs itself as the transfer's
 * CURLOPT_OPENSOCKETFUNCTION, which libcurl calls with the resolved
 * address of every connection it opens: the first one, each redirect hop,
 * and both address families when it tries IPv6 and IPv4 side by side.
 * So the filter judges the address actually connected to, never the URL
 * text ("localhost", "2130706433" and "[::1]" are all 127.0.0.1 or ::1 by
 * then).  An address that is not public (netaddr.h) gets no socket, and
 * the transfer fails with CURLE_COULDNT_CONNECT unless another address of
 * the same name is allowed.
 *
 * It also disables proxies (an environment proxy would make the proxy the
 * only address the guard sees) and limits the transfer, redirects
 * included, to http and https.
 *
 * Connections libcurl keeps for reuse were checked when opened, so a
 * guarded transfer must run on a multi handle of its own: one shared with
 * unguarded transfers could hand it their connections (libcurl reuses a
 * cached connection on a redirect even with CURLOPT_FRESH_CONNECT).
 */
#ifndef ADUAN_FETCHGUARD_H
#define ADUAN_FETCHGUARD_H

#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "base/netaddr.h"

struct fetchguard {
  int allow_private;   /* 1: every address may be reached (fake providers
                          on loopback in tests) */
  /* Optional: replaces the policy above; returns 1 to permit sa.  For
   * tests that need one loopback port allowed and another not. */
  int (*permit)(const struct sockaddr *sa, void *arg);
  void *permit_arg;
  /* Set by the guard: connections refused, and the last one refused. */
  int refused;
  enum netaddr_kind refused_kind;
  char refused_addr[INET6_ADDRSTRLEN];
};

/* Guard easy with g (which must outlive the transfer; its counters are
 * reset).  0, or AERR_STATE when libcurl refuses an option. */
int fetchguard_apply(struct fetchguard *g, CURL *easy);

/* "address not allowed: 127.0.0.1 (loopback)" for the last address g
 * refused, into buf.  Returns buf. */
const char *fetchguard_reason(const struct fetchguard *g, char *buf,
                              size_t len);

#endif
