/*
 * test_netaddr.c: address classification for the evidence download
 * filter, table-driven: every special range at its edges, the IPv6 forms
 * that carry an IPv4 address, and public addresses next to them.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "base/netaddr.h"
#include "testutil.h"

struct addr_case {
  const char *addr;
  enum netaddr_kind want;
};

static const struct addr_case cases[] = {
  /* IPv4 */
  {"0.0.0.0", NETADDR_UNSPECIFIED},
  {"0.255.255.255", NETADDR_UNSPECIFIED},
  {"1.0.0.0", NETADDR_PUBLIC},
  {"9.255.255.255", NETADDR_PUBLIC},
  {"10.0.0.1", NETADDR_PRIVATE},
  {"10.255.255.255", NETADDR_PRIVATE},
  {"11.0.0.0", NETADDR_PUBLIC},
  {"100.63.255.255", NETADDR_PUBLIC},
  {"100.64.0.0", NETADDR_PRIVATE},
  {"100.127.255.255", NETADDR_PRIVATE},
  {"100.128.0.0", NETADDR_PUBLIC},
  {"126.255.255.255", NETADDR_PUBLIC},
  {"127.0.0.1", NETADDR_LOOPBACK},
  {"127.255.255.254", NETADDR_LOOPBACK},
  {"128.0.0.0", NETADDR_PUBLIC},
  {"169.253.255.255", NETADDR_PUBLIC},
  {"169.254.169.254", NETADDR_LINK_LOCAL},   /* cloud metadata */
  {"169.254.0.0", NETADDR_LINK_LOCAL},
  {"169.255.0.0", NETADDR_PUBLIC},
  {"172.15.255.255", NETADDR_PUBLIC},
  {"172.16.0.0", NETADDR_PRIVATE},
  {"172.31.255.255", NETADDR_PRIVATE},
  {"172.32.0.0", NETADDR_PUBLIC},
  {"192.0.0.8", NETADDR_RESERVED},
  {"192.0.1.1", NETADDR_PUBLIC},
  {"192.0.2.10", NETADDR_RESERVED},
  {"192.88.99.1", NETADDR_RESERVED},
  {"192.167.255.255", NETADDR_PUBLIC},
  {"192.168.1.1", NETADDR_PRIVATE},
  {"192.169.0.0", NETADDR_PUBLIC},
  {"198.17.255.255", NETADDR_PUBLIC},
  {"198.18.0.0", NETADDR_RESERVED},
  {"198.19.255.255", NETADDR_RESERVED},
  {"198.20.0.0", NETADDR_PUBLIC},
  {"198.51.100.7", NETADDR_RESERVED},
  {"203.0.113.200", NETADDR_RESERVED},
  {"8.8.8.8", NETADDR_PUBLIC},
  {"157.240.1.1", NETADDR_PUBLIC},
  {"223.255.255.255", NETADDR_PUBLIC},
  {"224.0.0.1", NETADDR_MULTICAST},
  {"239.255.255.255", NETADDR_MULTICAST},
  {"240.0.0.1", NETADDR_RESERVED},
  {"255.255.255.254", NETADDR_RESERVED},
  {"255.255.255.255", NETADDR_RESERVED},
  /* IPv6 */
  {"::", NETADDR_UNSPECIFIED},
  {"::1", NETADDR_LOOPBACK},
  {"::2", NETADDR_RESERVED},
  {"::127.0.0.1", NETADDR_RESERVED},         /* IPv4-compatible */
  {"::ffff:127.0.0.1", NETADDR_LOOPBACK},
  {"::ffff:10.1.2.3", NETADDR_PRIVATE},
  {"::ffff:169.254.169.254", NETADDR_LINK_LOCAL},
  {"::ffff:8.8.8.8", NETADDR_PUBLIC},
  {"64:ff9b::7f00:1", NETADDR_LOOPBACK},     /* NAT64 of 127.0.0.1 */
  {"64:ff9b::a9fe:a9fe", NETADDR_LINK_LOCAL},
  {"64:ff9b::808:808", NETADDR_PUBLIC},
  {"64:ff9b:1::1", NETADDR_PRIVATE},
  {"2002:7f00:1::1", NETADDR_LOOPBACK},      /* 6to4 of 127.0.0.1 */
  {"2002:c0a8:101::1", NETADDR_PRIVATE},
  {"2002:808:808::1", NETADDR_PUBLIC},
  {"100::1", NETADDR_RESERVED},
  {"2001:db8::1", NETADDR_RESERVED},
  {"3fff::1", NETADDR_RESERVED},
  {"2001:4860:4860::8888", NETADDR_PUBLIC},
  {"2a03:2880:f10c:83:face:b00c:0:25de", NETADDR_PUBLIC},
  {"fbff:ffff::1", NETADDR_PUBLIC},
  {"fc00::1", NETADDR_PRIVATE},
  {"fdff:ffff::1", NETADDR_PRIVATE},
  {"fe7f:ffff::1", NETADDR_PUBLIC},
  {"fe80::1", NETADDR_LINK_LOCAL},
  {"febf:ffff::1", NETADDR_LINK_LOCAL},
  {"fec0::1", NETADDR_PRIVATE},
  {"ff02::1", NETADDR_MULTICAST},
};

START_TEST(classify_table)
{
  const struct addr_case *c = &cases[_i];
  struct sockaddr_storage ss;
  enum netaddr_kind got;

  memset(&ss, 0, sizeof(ss));
  if (strchr(c->addr, ':') != NULL) {
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
    in6->sin6_family = AF_INET6;
    ck_assert_int_eq(inet_pton(AF_INET6, c->addr, &in6->sin6_addr), 1);
  } else {
    struct sockaddr_in *in = (struct sockaddr_in *)&ss;
    in->sin_family = AF_INET;
    ck_assert_int_eq(inet_pton(AF_INET, c->addr, &in->sin_addr), 1);
  }
  got = netaddr_classify((struct sockaddr *)&ss);
  ck_assert_msg(got == c->want, "%s: %s, want %s", c->addr,
                netaddr_kind_name(got), netaddr_kind_name(c->want));
}
END_TEST

START_TEST(other_families_are_unknown)
{
  struct sockaddr sa;

  memset(&sa, 0, sizeof(sa));
  sa.sa_family = AF_UNIX;
  ck_assert_int_eq(netaddr_classify(&sa), NETADDR_UNKNOWN);
  ck_assert_int_eq(netaddr_classify(NULL), NETADDR_UNKNOWN);
  ck_assert_str_eq(netaddr_kind_name(NETADDR_LINK_LOCAL), "link-local");
}
END_TEST

START_TEST(loopback_literals)
{
  ck_assert_int_eq(netaddr_is_loopback_literal("127.0.0.1"), 1);
  ck_assert_int_eq(netaddr_is_loopback_literal("127.1.2.3"), 1);
  ck_assert_int_eq(netaddr_is_loopback_literal("::1"), 1);
  ck_assert_int_eq(netaddr_is_loopback_literal("[::1]"), 1);
  ck_assert_int_eq(netaddr_is_loopback_literal("::ffff:127.0.0.1"), 1);
  /* Names and numbers in other spellings are not literals here. */
  ck_assert_int_eq(netaddr_is_loopback_literal("localhost"), 0);
  ck_assert_int_eq(netaddr_is_loopback_literal("2130706433"), 0);
  ck_assert_int_eq(netaddr_is_loopback_literal("0x7f.1"), 0);
  ck_assert_int_eq(netaddr_is_loopback_literal("10.0.0.1"), 0);
  ck_assert_int_eq(netaddr_is_loopback_literal("[::1"), 0);
  ck_assert_int_eq(netaddr_is_loopback_literal(""), 0);
  ck_assert_int_eq(netaddr_is_loopback_literal(NULL), 0);
}
END_TEST

static Suite *
netaddr_suite(void)
{
  Suite *s = suite_create("netaddr");
  TCase *tc = tcase_create("classify");

  tcase_add_loop_test(tc, classify_table, 0,
                      (int)(sizeof(cases) / sizeof(cases[0])));
  tcase_add_test(tc, other_families_are_unknown);
  tcase_add_test(tc, loopback_literals);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(netaddr_suite)
