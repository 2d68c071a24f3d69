/*
 * test_request.c: the easy handle request_easy() sets up (request.h),
 * run with curl_easy_perform against a fake provider on 127.0.0.1: what
 * goes out (method, headers, body, credentials), what comes back through
 * the callbacks, and the limits (redirects, size, schemes); and the
 * reading of a response header line.
 */
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
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


/* The i-th request the fake provider got was a POST with authorization
 * auth and the body body (and path and content type, where not NULL). */
static void
expect_post(int i, const char *path, const char *ctype, const char *auth,
            const char *body)
{
  struct fp_request r;
  size_t n = strlen(body);

  ck_assert_int_eq(fakeprov_request(fp, i, &r), 0);
  ck_assert_str_eq(r.method, "POST");
  if (path != NULL)
    ck_assert_str_eq(r.path, path);
  if (ctype != NULL)
    ck_assert_str_eq(r.content_type, ctype);
  ck_assert_str_eq(r.authorization, auth);
  ck_assert_uint_eq(r.body_len, n);
  ck_assert_int_eq(memcmp(r.body, body, n), 0);
  fp_request_free(&r);
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
  expect_post(0, "/send", "application/json", "Bearer t0k3n",
              "{\"to\":\"x\"}");
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

/* ---- Shared URL and headers, kept handles --------------------------- */

static char auth_a[] = "Authorization: Bearer aaa";
static char auth_b[] = "Authorization: Bearer bbb";
static char ctype[] = "Content-Type: application/json";

/* A POST spec to url with the header lines h (NULL-terminated). */
static struct request_spec
post_spec(const char *url, char **h, const char *body, struct got *g)
{
  struct request_spec spec = {0};

  spec.method = "POST";
  spec.url = url;
  spec.headers = h;
  spec.max_headers = 4;
  spec.body = body;
  spec.body_len = strlen(body);
  spec.on_body = on_body;
  spec.on_header = on_header;
  spec.arg = g;
  spec.timeout_ms = tu_scaled_ms(10000);
  return spec;
}

/* Perform spec on *easy (set up again, kept, with sh made for spec): the
 * result, and the status in *status. */
static CURLcode
perform_shared(CURL **easy, const struct request_spec *spec, long *status)
{
  struct request_shared *sh = request_shared_for(NULL, spec);
  CURLcode rc;

  ck_assert_ptr_nonnull(sh);
  *easy = request_easy_shared(*easy, spec, sh);
  ck_assert_ptr_nonnull(*easy);
  rc = curl_easy_perform(*easy);
  *status = 0;
  curl_easy_getinfo(*easy, CURLINFO_RESPONSE_CODE, status);
  request_shared_drop(sh);
  return rc;
}

/* The same method, URL and header lines share one; any of them
 * different makes a new one. */
START_TEST(shared_only_for_the_same_request)
{
  char *h1[3] = {auth_a, ctype, NULL}, *h2[3] = {auth_b, ctype, NULL};
  char *h3[2] = {auth_a, NULL};
  char a_copy[sizeof(auth_a)];
  char *h1_copy[3] = {a_copy, ctype, NULL};
  struct got g;
  struct request_spec s1 = post_spec("http://127.0.0.1:9/a", h1, "x", &g);
  struct request_spec s2 = s1, s3 = s1, s4 = s1, s5 = s1;
  struct request_shared *sh, *same, *other;

  memcpy(a_copy, auth_a, sizeof(auth_a));
  s2.headers = h1_copy;             /* equal lines, other strings */
  s2.body = "other body";
  s3.headers = h2;
  s4.headers = h3;
  s5.url = "http://127.0.0.1:9/a?x=1";
  sh = request_shared_for(NULL, &s1);
  ck_assert_ptr_nonnull(sh);
  same = request_shared_for(sh, &s2);
  ck_assert_ptr_eq(same, sh);
  request_shared_drop(same);
  other = request_shared_for(sh, &s3);
  ck_assert_ptr_ne(other, sh);
  request_shared_drop(other);
  other = request_shared_for(sh, &s4);
  ck_assert_ptr_ne(other, sh);
  request_shared_drop(other);
  other = request_shared_for(sh, &s5);
  ck_assert_ptr_ne(other, sh);
  request_shared_drop(other);
  s5 = s1;
  s5.method = "GET";
  other = request_shared_for(sh, &s5);
  ck_assert_ptr_ne(other, sh);
  request_shared_drop(other);
  request_shared_drop(sh);
}
END_TEST

/* A kept handle after a failed send (a refused connection, then a
 * timeout) sends the next request whole: its URL, headers and body. */
START_TEST(kept_handle_after_failed_sends)
{
  char *h[3] = {auth_a, ctype, NULL};
  char bad[64], *url = fakeprov_url(fp, "/v1/send");
  struct request_spec spec;
  struct got g = {BUF_INIT, 0};
  CURL *easy = NULL;
  long status;
  int fd, port = tu_reserve_port(&fd);

  ck_assert_int_gt(port, 0);
  snprintf(bad, sizeof(bad), "http://127.0.0.1:%d/v1/send", port);
  spec = post_spec(bad, h, "{\"n\":1}", &g);
  ck_assert_int_eq(perform_shared(&easy, &spec, &status),
                   CURLE_COULDNT_CONNECT);
  close(fd);

  fakeprov_stall(fp, 1);
  spec = post_spec(url, h, "{\"n\":2}", &g);
  spec.timeout_ms = 200;
  ck_assert_int_eq(perform_shared(&easy, &spec, &status),
                   CURLE_OPERATION_TIMEDOUT);
  fakeprov_stall(fp, 0);

  fakeprov_default(fp, 200, "{\"ok\":{n}}");
  spec = post_spec(url, h, "{\"n\":3}", &g);
  buf_free(&g.body);
  buf_init(&g.body, 0);
  ck_assert_int_eq(perform_shared(&easy, &spec, &status), CURLE_OK);
  ck_assert_int_eq(status, 200);
  ck_assert_int_eq(fakeprov_count(fp), 2);
  expect_post(1, "/v1/send", "application/json", "Bearer aaa",
              "{\"n\":3}");
  ck_assert_uint_eq(g.body.len, 8);
  ck_assert_int_eq(memcmp(g.body.data, "{\"ok\":2}", 8), 0);
  curl_easy_cleanup(easy);
  buf_free(&g.body);
  free(url);
}
END_TEST

/* A URL with a query string goes out as written, also when the kept
 * handle's last request had another query, or none. */
START_TEST(kept_handle_url_with_query)
{
  static const char *const q[] = {
    "to=%2B628123&text=Halo+Pak%2C+a%26b&dlr=31", "", "x=1&x=2",
  };
  char *h[2] = {auth_a, NULL};
  struct request_spec spec;
  struct fp_request r;
  struct got g = {BUF_INIT, 0};
  CURL *easy = NULL;
  long status;
  int i;

  for (i = 0; i < 3; i++) {
    char suffix[96], *url;
    snprintf(suffix, sizeof(suffix), "/cgi-bin/sendsms%s%s",
             q[i][0] ? "?" : "", q[i]);
    url = fakeprov_url(fp, suffix);
    spec = post_spec(url, h, "", &g);
    spec.method = "GET";
    ck_assert_int_eq(perform_shared(&easy, &spec, &status), CURLE_OK);
    ck_assert_int_eq(status, 200);
    ck_assert_int_eq(fakeprov_request(fp, i, &r), 0);
    ck_assert_str_eq(r.method, "GET");
    ck_assert_str_eq(r.path, "/cgi-bin/sendsms");
    ck_assert_str_eq(r.query != NULL ? r.query : "", q[i]);
    fp_request_free(&r);
    free(url);
  }
  curl_easy_cleanup(easy);
  buf_free(&g.body);
}
END_TEST

/* A kept handle that last sent a POST with headers sends a GET without
 * a body or those headers, and a POST after it with its own; a URL
 * refused after them is not sent anywhere. */
START_TEST(kept_handle_post_get_post)
{
  char *h[3] = {auth_a, ctype, NULL}, *none[1] = {NULL};
  char *url = fakeprov_url(fp, "/m");
  struct request_shared *last;
  struct request_spec spec;
  struct fp_request r;
  struct got g = {BUF_INIT, 0};
  CURL *easy = NULL;
  long status;

  spec = post_spec(url, h, "{\"a\":1}", &g);
  ck_assert_int_eq(perform_shared(&easy, &spec, &status), CURLE_OK);
  spec = post_spec(url, none, "", &g);
  spec.method = "GET";
  ck_assert_int_eq(perform_shared(&easy, &spec, &status), CURLE_OK);
  spec = post_spec(url, h, "{\"b\":22}", &g);
  h[0] = auth_b;
  ck_assert_int_eq(perform_shared(&easy, &spec, &status), CURLE_OK);
  ck_assert_int_eq(fakeprov_request(fp, 1, &r), 0);
  ck_assert_str_eq(r.method, "GET");
  ck_assert_str_eq(r.authorization, "");
  ck_assert_str_eq(r.content_type, "");
  ck_assert_uint_eq(r.body_len, 0);
  fp_request_free(&r);
  expect_post(2, NULL, NULL, "Bearer bbb", "{\"b\":22}");
  /* A URL the parser refuses is refused, not sent to the last one (still
   * there, as the sender keeps it). */
  last = request_shared_for(NULL, &spec);
  ck_assert_ptr_nonnull(last);
  easy = request_easy_shared(easy, &spec, last);
  ck_assert_int_eq(curl_easy_perform(easy), CURLE_OK);
  spec = post_spec("http://127.0.0.1:99999/m", h, "{}", &g);
  ck_assert_int_eq(perform_shared(&easy, &spec, &status),
                   CURLE_URL_MALFORMAT);
  ck_assert_int_eq(fakeprov_count(fp), 4);
  request_shared_drop(last);
  curl_easy_cleanup(easy);
  buf_free(&g.body);
  free(url);
}
END_TEST

/* A server that answers each request on a connection of its own and
 * then closes it, without saying so (no "Connection: close"): the client
 * keeps the connection for the next request and finds it closed. */
struct closer {
  int fd;
  int port;
  int n;                       /* requests to answer */
  int conns;                   /* connections accepted */
  char bodies[4][32];          /* the body of each request */
};

static void *
closer_run(void *arg)
{
  struct closer *c = arg;
  int k;

  for (k = 0; k < c->n; k++) {
    char req[4096];
    size_t len = 0;
    const char *end = NULL, *cl;
    int fd = accept(c->fd, NULL, NULL);
    if (fd < 0)
      break;
    c->conns++;
    for (;;) {
      ssize_t got = read(fd, req + len, sizeof(req) - 1 - len);
      size_t want;
      if (got <= 0)
        break;
      len += (size_t)got;
      req[len] = '\0';
      end = strstr(req, "\r\n\r\n");
      if (end == NULL)
        continue;
      cl = strstr(req, "Content-Length: ");
      want = (size_t)(end + 4 - req) + (cl != NULL ? (size_t)atoi(cl + 16) : 0);
      if (len >= want)
        break;
    }
    if (end != NULL)
      snprintf(c->bodies[k & 3], sizeof(c->bodies[0]), "%s", end + 4);
    (void)!write(fd, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 40);
    close(fd);
  }
  return NULL;
}

/* A kept handle whose connection the peer closed after the last answer
 * connects again and sends the next request whole. */
START_TEST(kept_handle_after_peer_closed)
{
  char *h[3] = {auth_a, ctype, NULL}, url[64];
  struct closer c = {0};
  struct sockaddr_in sa = {0};
  socklen_t sl = sizeof(sa);
  struct request_spec spec;
  struct got g = {BUF_INIT, 0};
  pthread_t th;
  CURL *easy = NULL;
  long status;

  c.fd = socket(AF_INET, SOCK_STREAM, 0);
  ck_assert_int_ge(c.fd, 0);
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ck_assert_int_eq(bind(c.fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
  ck_assert_int_eq(listen(c.fd, 4), 0);
  ck_assert_int_eq(getsockname(c.fd, (struct sockaddr *)&sa, &sl), 0);
  c.port = ntohs(sa.sin_port);
  c.n = 3;
  ck_assert_int_eq(pthread_create(&th, NULL, closer_run, &c), 0);
  snprintf(url, sizeof(url), "http://127.0.0.1:%d/send", c.port);
  spec = post_spec(url, h, "first", &g);
  ck_assert_int_eq(perform_shared(&easy, &spec, &status), CURLE_OK);
  ck_assert_int_eq(status, 200);
  spec = post_spec(url, h, "second", &g);
  ck_assert_int_eq(perform_shared(&easy, &spec, &status), CURLE_OK);
  ck_assert_int_eq(status, 200);
  spec = post_spec(url, h, "third", &g);
  ck_assert_int_eq(perform_shared(&easy, &spec, &status), CURLE_OK);
  ck_assert_int_eq(status, 200);
  pthread_join(th, NULL);
  close(c.fd);
  ck_assert_int_eq(c.conns, 3);
  ck_assert_str_eq(c.bodies[0], "first");
  ck_assert_str_eq(c.bodies[1], "second");
  ck_assert_str_eq(c.bodies[2], "third");
  ck_assert_uint_eq(g.body.len, 6);
  curl_easy_cleanup(easy);
  buf_free(&g.body);
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
  tcase_add_test(tc, shared_only_for_the_same_request);
  tcase_add_test(tc, kept_handle_after_failed_sends);
  tcase_add_test(tc, kept_handle_url_with_query);
  tcase_add_test(tc, kept_handle_post_get_post);
  tcase_add_test(tc, kept_handle_after_peer_closed);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(request_suite)
