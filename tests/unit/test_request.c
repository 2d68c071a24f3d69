/*
 * test_request.c: the easy handle request_easy() sets up (request.h),
 * run with curl_easy_perform against a fake provider on 127.0.0.1: what
 * goes out (method, headers, body, credentials), what comes back through
 * the callbacks, and the limits (redirects, size, schemes); and the
 * reading of a response header line.
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "fakeprov.h"
#include "io/request.h"
#include "testutil.h"

static struct fakeprov *fp;

struct got {
  struct buf body;
  int headers;             /* header lines seen */
};

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
  struct got *g = arg;

  buf_append(&g->body, p, size * n);
  return size * n;
}

static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
  struct got *g = arg;

  (void)p;
  g->headers++;
  return size * n;
}

static void
setup(void)
{
  ck_assert_int_eq(fakeprov_start(&fp), 0);
}

static void
teardown(void)
{
  fakeprov_stop(fp);
}

/* Perform spec (its callbacks filled in here); the result, the status in
 * *status and what came back in g. */
static CURLcode
perform(struct request_spec *spec, struct got *g, long *status)
{
  struct curl_slist *headers = NULL;
  CURL *easy;
  CURLcode rc;

  buf_init(&g->body, 0);
  g->headers = 0;
  spec->on_body = on_body;
  spec->on_header = on_header;
  spec->arg = g;
  if (spec->timeout_ms == 0)
    spec->timeout_ms = tu_scaled_ms(10000);
  easy = request_easy(spec, &headers);
  ck_assert_ptr_nonnull(easy);
  rc = curl_easy_perform(easy);
  *status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, status);
  curl_easy_cleanup(easy);
  curl_slist_free_all(headers);
  return rc;
}

/* Perform spec: a 200 whose body is want, into g (the caller frees
 * g->body). */
static void
expect_200(struct request_spec *spec, struct got *g, const char *want)
{
  long status;

  ck_assert_int_eq(perform(spec, g, &status), CURLE_OK);
  ck_assert_int_eq(status, 200);
  ck_assert_uint_eq(g->body.len, strlen(want));
  ck_assert_int_eq(memcmp(g->body.data, want, strlen(want)), 0);
}

/* A POST carries its headers (no further than max_headers) and its body;
 * the answer comes back through both callbacks. */
START_TEST(post_sends_headers_and_body)
{
  static char json[] = "Content-Type: application/json";
  static char auth[] = "Authorization: Bearer t0k3n";
  static char len[] = "Content-Length: 3";  /* past max_headers */
  char *headers[4] = {json, auth, len, NULL};
  struct request_spec spec = {0};
  struct fp_request r;
  struct got g;
  char *url = fakeprov_url(fp, "/send");

  fakeprov_default(fp, 200, "{\"ok\":1}");
  spec.method = "POST";
  spec.url = url;
  spec.headers = headers;
  spec.max_headers = 2;
  spec.body = "{\"to\":\"x\"}";
  spec.body_len = 10;
  expect_200(&spec, &g, "{\"ok\":1}");
  ck_assert_int_gt(g.headers, 1);
  ck_assert_int_eq(fakeprov_request(fp, 0, &r), 0);
  ck_assert_str_eq(r.method, "POST");
  ck_assert_str_eq(r.path, "/send");
  ck_assert_str_eq(r.content_type, "application/json");
  ck_assert_str_eq(r.authorization, "Bearer t0k3n");
  ck_assert_uint_eq(r.body_len, 10);
  ck_assert_int_eq(memcmp(r.body, "{\"to\":\"x\"}", 10), 0);
  fp_request_free(&r);
  buf_free(&g.body);
  free(url);
}
END_TEST

/* A GET with credentials sends them as HTTP Basic and follows a redirect
 * when allowed; without max_redirs the redirect is the answer. */
START_TEST(get_follows_redirects_only_when_asked)
{
  struct request_spec spec = {0};
  struct fp_request r;
  struct got g;
  long status;
  char *url = fakeprov_url(fp, "/media/1");

  fakeprov_route_headers(fp, "/media/", 302, "Location: /file/1\r\n", "");
  fakeprov_route(fp, "/file/", 200, "DATA");
  spec.method = "GET";
  spec.url = url;
  spec.userpwd = "user:pass";
  ck_assert_int_eq(perform(&spec, &g, &status), CURLE_OK);
  ck_assert_int_eq(status, 302);
  ck_assert_int_eq(fakeprov_count(fp), 1);
  buf_free(&g.body);

  spec.max_redirs = 3;
  expect_200(&spec, &g, "DATA");
  ck_assert_int_eq(fakeprov_count(fp), 3);
  ck_assert_int_eq(fakeprov_request(fp, 1, &r), 0);
  ck_assert_str_eq(r.method, "GET");
  ck_assert_str_eq(r.authorization, "Basic dXNlcjpwYXNz");
  fp_request_free(&r);
  ck_assert_int_eq(fakeprov_request(fp, 2, &r), 0);
  ck_assert_str_eq(r.path, "/file/1");
  fp_request_free(&r);
  buf_free(&g.body);
  free(url);
}
END_TEST

/* A handle reused for another request carries nothing of the last one:
 * after a POST with headers, a body and credentials, a GET on the same
 * handle goes without any of them, and a third request works too. */
START_TEST(reused_handle_keeps_nothing)
{
  static char auth[] = "Authorization: Bearer t0k3n";
  char *headers[2] = {auth, NULL};
  struct request_spec spec = {0};
  struct curl_slist *list = NULL;
  struct fp_request r;
  struct got g = {BUF_INIT, 0};
  char *url = fakeprov_url(fp, "/send"), *url2 = fakeprov_url(fp, "/get");
  long status = 0;
  CURL *easy;
  int i;

  spec.method = "POST";
  spec.url = url;
  spec.headers = headers;
  spec.max_headers = 1;
  spec.body = "{}";
  spec.body_len = 2;
  spec.on_body = on_body;
  spec.arg = &g;
  spec.timeout_ms = tu_scaled_ms(10000);
  easy = request_easy(&spec, &list);
  ck_assert_ptr_nonnull(easy);
  ck_assert_int_eq(curl_easy_perform(easy), CURLE_OK);
  curl_slist_free_all(list);
  for (i = 1; i <= 2; i++) {
    struct request_spec get = {0};
    get.method = "GET";
    get.url = url2;
    get.on_body = on_body;
    get.arg = &g;
    get.timeout_ms = tu_scaled_ms(10000);
    easy = request_easy_reuse(easy, &get, &list);
    ck_assert_ptr_nonnull(easy);
    ck_assert_int_eq(curl_easy_perform(easy), CURLE_OK);
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    ck_assert_int_eq(status, 200);
    curl_slist_free_all(list);
    ck_assert_int_eq(fakeprov_request(fp, i, &r), 0);
    ck_assert_str_eq(r.method, "GET");
    ck_assert_str_eq(r.path, "/get");
    ck_assert_str_eq(r.authorization, "");
    ck_assert_uint_eq(r.body_len, 0);
    fp_request_free(&r);
  }
  curl_easy_cleanup(easy);
  buf_free(&g.body);
  free(url);
  free(url2);
}
END_TEST

/* A response larger than max_size fails; a scheme other than http(s)
 * is refused before anything is sent. */
START_TEST(limits_size_and_schemes)
{
  struct request_spec spec = {0};
  struct got g;
  long status;
  char *url = fakeprov_url(fp, "/big");

  fakeprov_default(fp, 200, "0123456789012345678901234567890123456789");
  spec.method = "GET";
  spec.url = url;
  spec.max_size = 16;
  ck_assert_int_eq(perform(&spec, &g, &status), CURLE_FILESIZE_EXCEEDED);
  ck_assert_uint_eq(g.body.len, 0);
  buf_free(&g.body);

  spec.url = "file:///etc/hostname";
  ck_assert_int_eq(perform(&spec, &g, &status), CURLE_UNSUPPORTED_PROTOCOL);
  ck_assert_uint_eq(g.body.len, 0);
  buf_free(&g.body);
  free(url);
}
END_TEST

/* A header's value, by name in any case, blanks skipped, up to the end
 * of the line or a stop character, cut to fit. */
START_TEST(header_value_by_name)
{
  static const char ct[] = "content-type: \timage/jpeg; q=1\r\n";
  static const char ra[] = "Retry-After: 120\r\n";
  char out[32] = "unset";

  ck_assert_int_eq(request_header_value(ra, strlen(ra), "Content-Type:", ";",
                                        out, sizeof(out)), 0);
  ck_assert_str_eq(out, "unset");
  ck_assert_int_eq(request_header_value(ra, strlen(ra), "Retry-After:", NULL,
                                        out, sizeof(out)), 1);
  ck_assert_str_eq(out, "120");
  ck_assert_int_eq(request_header_value(ct, strlen(ct), "Content-Type:", ";",
                                        out, sizeof(out)), 1);
  ck_assert_str_eq(out, "image/jpeg");
  ck_assert_int_eq(request_header_value(ct, strlen(ct), "Content-Type:", ";",
                                        out, 8), 1);
  ck_assert_str_eq(out, "image/j");   /* cut to fit */
  ck_assert_int_eq(request_header_value(ct, 20, "Content-Type:", ";", out,
                                        sizeof(out)), 1);
  ck_assert_str_eq(out, "image");     /* no further than len */
}
END_TEST

/* Perform a GET of url, whose failure is named by request_error_name. */
static const char *
error_name_of(const char *url, long timeout_ms)
{
  struct request_spec spec = {0};
  struct curl_slist *headers = NULL;
  struct got g;
  const char *name;
  CURL *easy;
  CURLcode rc;

  buf_init(&g.body, 0);
  spec.method = "GET";
  spec.url = url;
  spec.timeout_ms = timeout_ms;
  spec.on_body = on_body;
  spec.arg = &g;
  easy = request_easy(&spec, &headers);
  ck_assert_ptr_nonnull(easy);
  rc = curl_easy_perform(easy);
  name = request_error_name(easy, rc);
  curl_easy_cleanup(easy);
  curl_slist_free_all(headers);
  buf_free(&g.body);
  return name;
}

/* A refused connection, a stalled answer and an answer are told apart;
 * the codes that need no network map to their names. */
START_TEST(error_names)
{
  char url[64], *ok = fakeprov_url(fp, "/x");
  int fd, port = tu_reserve_port(&fd);

  ck_assert_int_gt(port, 0);
  snprintf(url, sizeof(url), "http://127.0.0.1:%d/x", port);
  ck_assert_str_eq(error_name_of(url, 5000), "connect_refused");
  close(fd);
  fakeprov_stall(fp, 1);
  ck_assert_str_eq(error_name_of(ok, 200), "timeout");
  fakeprov_stall(fp, 0);
  ck_assert_ptr_null(error_name_of(ok, 5000));
  ck_assert_str_eq(request_error_name(NULL, CURLE_COULDNT_CONNECT),
                   "connect_failed");
  ck_assert_str_eq(request_error_name(NULL, CURLE_GOT_NOTHING),
                   "empty_reply");
  ck_assert_str_eq(request_error_name(NULL, CURLE_RECV_ERROR),
                   "recv_failed");
  ck_assert_str_eq(request_error_name(NULL, CURLE_URL_MALFORMAT), "other");
  free(ok);
}
END_TEST

static Suite *
request_suite(void)
{
  Suite *s = suite_create("request");
  TCase *tc = tcase_create("request");

  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, post_sends_headers_and_body);
  tcase_add_test(tc, get_follows_redirects_only_when_asked);
  tcase_add_test(tc, reused_handle_keeps_nothing);
  tcase_add_test(tc, limits_size_and_schemes);
  tcase_add_test(tc, header_value_by_name);
  tcase_add_test(tc, error_names);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(request_suite)
