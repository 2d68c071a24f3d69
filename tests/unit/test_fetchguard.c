/*
 * test_fetchguard.c: the download filter against real libcurl transfers
 * to fake providers on 127.0.0.1: a refused address gets no connection,
 * on the first hop and on every redirect hop, whatever the URL calls it;
 * environment proxies cannot route around it.
 */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fakeprov.h"
#include "io/fetchguard.h"
#include "testutil.h"

static size_t
discard(char *p, size_t size, size_t n, void *arg)
{
  (void)p;
  (void)arg;
  return size * n;
}

/* GET url through guard g, following redirects; the result. */
static CURLcode
fetch(struct fetchguard *g, const char *url, long *status)
{
  CURL *easy = curl_easy_init();
  CURLcode rc;

  ck_assert_ptr_nonnull(easy);
  curl_easy_setopt(easy, CURLOPT_URL, url);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(easy, CURLOPT_MAXREDIRS, 3L);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, (long)tu_scaled_ms(10000));
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  ck_assert_int_eq(fetchguard_apply(g, easy), 0);
  rc = curl_easy_perform(easy);
  *status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, status);
  curl_easy_cleanup(easy);
  return rc;
}

/* A policy for tests: only the port in *arg may be reached. */
static int
only_port(const struct sockaddr *sa, void *arg)
{
  int port = *(const int *)arg;

  if (sa->sa_family == AF_INET)
    return ntohs(((const struct sockaddr_in *)(const void *)sa)->sin_port) ==
           port;
  if (sa->sa_family == AF_INET6)
    return ntohs(((const struct sockaddr_in6 *)(const void *)sa)->sin6_port)
           == port;
  return 0;
}

START_TEST(loopback_is_refused_by_default)
{
  static const char *const hosts[] = {
    "127.0.0.1", "2130706433", "[::1]", "localhost", "0x7f.1",
  };
  struct fakeprov *fp;
  struct fetchguard g;
  char url[128], why[128];
  long status;
  size_t i;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  for (i = 0; i < sizeof(hosts) / sizeof(hosts[0]); i++) {
    memset(&g, 0, sizeof(g));
    snprintf(url, sizeof(url), "http://%s:%d/media", hosts[i],
             fakeprov_port(fp));
    ck_assert_int_eq(fetch(&g, url, &status), CURLE_COULDNT_CONNECT);
    ck_assert_msg(g.refused >= 1, "%s: nothing refused", url);
    ck_assert_int_eq(g.refused_kind, NETADDR_LOOPBACK);
    fetchguard_reason(&g, why, sizeof(why));
    ck_assert_msg(strcmp(why, "address not allowed: 127.0.0.1 (loopback)")
                  == 0 || strcmp(why, "address not allowed: ::1 (loopback)")
                  == 0, "%s: %s", url, why);
  }
  ck_assert_int_eq(fakeprov_count(fp), 0);
  fakeprov_stop(fp);
}
END_TEST

START_TEST(allow_private_lets_loopback_through)
{
  struct fakeprov *fp;
  struct fetchguard g;
  char *url;
  long status;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  fakeprov_default(fp, 200, "file");
  memset(&g, 0, sizeof(g));
  g.allow_private = 1;
  url = fakeprov_url(fp, "/media");
  ck_assert_int_eq(fetch(&g, url, &status), CURLE_OK);
  ck_assert_int_eq(status, 200);
  ck_assert_int_eq(g.refused, 0);
  ck_assert_int_eq(fakeprov_count(fp), 1);
  free(url);
  fakeprov_stop(fp);
}
END_TEST

/* The first hop is allowed (it stands for a public host); it redirects to
 * an address that is not: the second host never hears from us. */
START_TEST(every_redirect_hop_is_checked)
{
  struct fakeprov *pub, *inner;
  struct fetchguard g;
  char loc[128], *url;
  long status;
  int port;

  ck_assert_int_eq(fakeprov_start(&pub), 0);
  ck_assert_int_eq(fakeprov_start(&inner), 0);
  fakeprov_default(inner, 200, "secret from inside");
  snprintf(loc, sizeof(loc), "Location: http://127.0.0.1:%d/latest/"
           "meta-data\r\n", fakeprov_port(inner));
  fakeprov_script(pub, 1, 302, loc, "");
  port = fakeprov_port(pub);
  memset(&g, 0, sizeof(g));
  g.permit = only_port;
  g.permit_arg = &port;
  url = fakeprov_url(pub, "/media/x.jpg");
  ck_assert_int_eq(fetch(&g, url, &status), CURLE_COULDNT_CONNECT);
  ck_assert_int_eq(g.refused, 1);
  ck_assert_str_eq(g.refused_addr, "127.0.0.1");
  ck_assert_int_eq(fakeprov_count(pub), 1);
  ck_assert_int_eq(fakeprov_count(inner), 0);
  free(url);
  fakeprov_stop(inner);
  fakeprov_stop(pub);
}
END_TEST

/* A proxy from the environment would be the only address the guard sees;
 * it is not used. */
START_TEST(environment_proxy_is_ignored)
{
  struct fakeprov *fp, *proxy;
  struct fetchguard g;
  char *url, *purl;
  long status;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  ck_assert_int_eq(fakeprov_start(&proxy), 0);
  purl = fakeprov_url(proxy, "");
  setenv("http_proxy", purl, 1);
  setenv("HTTPS_PROXY", purl, 1);
  setenv("ALL_PROXY", purl, 1);
  memset(&g, 0, sizeof(g));
  g.allow_private = 1;
  url = fakeprov_url(fp, "/media");
  ck_assert_int_eq(fetch(&g, url, &status), CURLE_OK);
  ck_assert_int_eq(fakeprov_count(fp), 1);
  ck_assert_int_eq(fakeprov_count(proxy), 0);
  unsetenv("http_proxy");
  unsetenv("HTTPS_PROXY");
  unsetenv("ALL_PROXY");
  free(url);
  free(purl);
  fakeprov_stop(proxy);
  fakeprov_stop(fp);
}
END_TEST

static Suite *
fetchguard_suite(void)
{
  Suite *s = suite_create("fetchguard");
  TCase *tc = tcase_create("curl");

  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, loopback_is_refused_by_default);
  tcase_add_test(tc, allow_private_lets_loopback_through);
  tcase_add_test(tc, every_redirect_hop_is_checked);
  tcase_add_test(tc, environment_proxy_is_ignored);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(fetchguard_suite)
