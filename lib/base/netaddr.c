/*
 * netaddr.c: what kind of network an IP address belongs to (see
 * netaddr.h).  Two tables of prefixes, from the IANA special-purpose
 * address registries (RFC 6890 and its updates); the first match wins,
 * so longer prefixes come before the shorter ones that contain them.
 */
#include "base/netaddr.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>

struct v4_range {
  uint32_t base;
  int bits;
  enum netaddr_kind kind;
};

#define V4(a, b, c, d) \
  (((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((uint32_t)(c) << 8) | \
   (uint32_t)(d))

static const struct v4_range v4_ranges[] = {
  {V4(255, 255, 255, 255), 32, NETADDR_RESERVED},  /* limited broadcast */
  {V4(0, 0, 0, 0), 8, NETADDR_UNSPECIFIED},        /* "this network" */
  {V4(10, 0, 0, 0), 8, NETADDR_PRIVATE},
  {V4(100, 64, 0, 0), 10, NETADDR_PRIVATE},        /* carrier-grade NAT */
  {V4(127, 0, 0, 0), 8, NETADDR_LOOPBACK},
  {V4(169, 254, 0, 0), 16, NETADDR_LINK_LOCAL},    /* cloud metadata */
  {V4(172, 16, 0, 0), 12, NETADDR_PRIVATE},
  {V4(192, 0, 0, 0), 24, NETADDR_RESERVED},        /* IETF protocol */
  {V4(192, 0, 2, 0), 24, NETADDR_RESERVED},        /* documentation */
  {V4(192, 88, 99, 0), 24, NETADDR_RESERVED},      /* 6to4 relay anycast */
  {V4(192, 168, 0, 0), 16, NETADDR_PRIVATE},
  {V4(198, 18, 0, 0), 15, NETADDR_RESERVED},       /* benchmarking */
  {V4(198, 51, 100, 0), 24, NETADDR_RESERVED},     /* documentation */
  {V4(203, 0, 113, 0), 24, NETADDR_RESERVED},      /* documentation */
  {V4(224, 0, 0, 0), 4, NETADDR_MULTICAST},
  {V4(240, 0, 0, 0), 4, NETADDR_RESERVED},         /* future use */
};

/* An IPv6 prefix; EMBED_AT >= 0 means "judge by the IPv4 address at this
 * byte offset" instead of kind. */
struct v6_range {
  unsigned char prefix[16];
  int bits;
  enum netaddr_kind kind;
  int embed_at;
};

static const struct v6_range v6_ranges[] = {
  /* ::, ::1 and the rest of ::/96 (deprecated IPv4-compatible). */
  {{0}, 128, NETADDR_UNSPECIFIED, -1},
  {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 128, NETADDR_LOOPBACK,
   -1},
  {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}, 96, 0, 12},  /* mapped */
  {{0}, 96, NETADDR_RESERVED, -1},
  {{0, 0x64, 0xff, 0x9b}, 96, 0, 12},                       /* NAT64 */
  {{0, 0x64, 0xff, 0x9b, 0, 1}, 48, NETADDR_PRIVATE, -1},   /* local NAT64 */
  {{0x01, 0x00}, 64, NETADDR_RESERVED, -1},                 /* discard */
  {{0x20, 0x01, 0x0d, 0xb8}, 32, NETADDR_RESERVED, -1},     /* documentation */
  {{0x20, 0x02}, 16, 0, 2},                                 /* 6to4 */
  {{0x3f, 0xff}, 20, NETADDR_RESERVED, -1},                 /* documentation */
  {{0xfc}, 7, NETADDR_PRIVATE, -1},                         /* unique local */
  {{0xfe, 0x80}, 10, NETADDR_LINK_LOCAL, -1},
  {{0xfe, 0xc0}, 10, NETADDR_PRIVATE, -1},                  /* site-local */
  {{0xff}, 8, NETADDR_MULTICAST, -1},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static enum netaddr_kind
classify_v4(uint32_t a)
{
  size_t i;

  for (i = 0; i < COUNT(v4_ranges); i++) {
    const struct v4_range *r = &v4_ranges[i];
    uint32_t mask = r->bits == 0 ? 0 : 0xffffffffu << (32 - r->bits);
    if ((a & mask) == r->base)
      return r->kind;
  }
  return NETADDR_PUBLIC;
}

/* 1 when the first bits of a and p agree. */
static int
prefix_matches(const unsigned char *a, const unsigned char *p, int bits)
{
  int full = bits / 8, rest = bits % 8;

  if (memcmp(a, p, (size_t)full) != 0)
    return 0;
  if (rest == 0)
    return 1;
  return ((a[full] ^ p[full]) & (0xff << (8 - rest)) & 0xff) == 0;
}

static enum netaddr_kind
classify_v6(const unsigned char *a)
{
  size_t i;

  for (i = 0; i < COUNT(v6_ranges); i++) {
    const struct v6_range *r = &v6_ranges[i];
    if (!prefix_matches(a, r->prefix, r->bits))
      continue;
    if (r->embed_at < 0)
      return r->kind;
    return classify_v4(V4(a[r->embed_at], a[r->embed_at + 1],
                          a[r->embed_at + 2], a[r->embed_at + 3]));
  }
  return NETADDR_PUBLIC;
}

enum netaddr_kind
netaddr_classify(const struct sockaddr *sa)
{
  if (sa == NULL)
    return NETADDR_UNKNOWN;
  if (sa->sa_family == AF_INET) {
    const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;
    return classify_v4(ntohl(in->sin_addr.s_addr));
  }
  if (sa->sa_family == AF_INET6) {
    const struct sockaddr_in6 *in6 =
      (const struct sockaddr_in6 *)(const void *)sa;
    return classify_v6(in6->sin6_addr.s6_addr);
  }
  return NETADDR_UNKNOWN;
}

const char *
netaddr_kind_name(enum netaddr_kind k)
{
  switch (k) {
  case NETADDR_PUBLIC: return "public";
  case NETADDR_UNSPECIFIED: return "unspecified";
  case NETADDR_LOOPBACK: return "loopback";
  case NETADDR_PRIVATE: return "private";
  case NETADDR_LINK_LOCAL: return "link-local";
  case NETADDR_MULTICAST: return "multicast";
  case NETADDR_RESERVED: return "reserved";
  case NETADDR_UNKNOWN: break;
  }
  return "unknown";
}

int
netaddr_is_loopback_literal(const char *text)
{
  struct sockaddr_in in;
  struct sockaddr_in6 in6;
  char buf[INET6_ADDRSTRLEN + 2];
  size_t n;

  if (text == NULL)
    return 0;
  memset(&in, 0, sizeof(in));
  memset(&in6, 0, sizeof(in6));
  if (inet_pton(AF_INET, text, &in.sin_addr) == 1) {
    in.sin_family = AF_INET;
    return netaddr_classify((struct sockaddr *)&in) == NETADDR_LOOPBACK;
  }
  n = strlen(text);
  if (n >= 2 && text[0] == '[' && text[n - 1] == ']') {
    if (n - 2 >= sizeof(buf))
      return 0;
    memcpy(buf, text + 1, n - 2);
    buf[n - 2] = '\0';
    text = buf;
  }
  if (inet_pton(AF_INET6, text, &in6.sin6_addr) != 1)
    return 0;
  in6.sin6_family = AF_INET6;
  return netaddr_classify((struct sockaddr *)&in6) == NETADDR_LOOPBACK;
}
