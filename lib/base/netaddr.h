/*
 * netaddr.h: what kind of network an IP address belongs to.
 *
 * The evidence downloader fetches URLs that arrive from outside (a media
 * URL in a webhook, or wherever a provider redirects), so it must not be
 * made to reach the machine itself or the networks behind it: loopback,
 * private ranges, link-local (where cloud metadata services answer, e.g.
 * 169.254.169.254), multicast and the special-purpose ranges.  This
 * module only classifies an address; the caller decides.  It is pure: no
 * I/O, no name resolution (callers classify the address a connection is
 * about to use, after resolution, never the text of a URL).
 *
 * IPv6 addresses that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d,
 * the NAT64 well-known prefix 64:ff9b::/96, 6to4 2002::/16) are judged by
 * that IPv4 address.
 */
#ifndef ADUAN_NETADDR_H
#define ADUAN_NETADDR_H

#include <sys/socket.h>

enum netaddr_kind {
  NETADDR_PUBLIC = 0,   /* globally routable: may be fetched */
  NETADDR_UNSPECIFIED,  /* 0.0.0.0/8, :: */
  NETADDR_LOOPBACK,     /* 127.0.0.0/8, ::1 */
  NETADDR_PRIVATE,      /* 10/8, 172.16/12, 192.168/16, 100.64/10 (shared
                           address space), fc00::/7, fec0::/10 */
  NETADDR_LINK_LOCAL,   /* 169.254/16 (cloud metadata), fe80::/10 */
  NETADDR_MULTICAST,    /* 224/4, ff00::/8 */
  NETADDR_RESERVED,     /* documentation, benchmarking, IETF protocol
                           assignments, 240/4, broadcast, discard-only,
                           deprecated IPv4-compatible IPv6 */
  NETADDR_UNKNOWN       /* not IPv4 or IPv6 */
};

/* The kind of sa (AF_INET or AF_INET6; anything else is NETADDR_UNKNOWN). */
enum netaddr_kind netaddr_classify(const struct sockaddr *sa);

/* "public", "loopback", "private", ...: for log lines; never NULL. */
const char *netaddr_kind_name(enum netaddr_kind k);

/* 1 when text is an IP address literal (IPv4 dotted quad, or IPv6 with or
 * without brackets) of kind NETADDR_LOOPBACK, else 0.  For adapters that
 * accept plain http to a fake provider on this machine only. */
int netaddr_is_loopback_literal(const char *text);

#endif
