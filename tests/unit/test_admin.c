/*
 * test_admin.c: the admin API's routing on its own (admin.h): admin_handle
 * behind an httpd on a test loop, with a service context of parts
 * (tu_svc.h) and no server.  Unknown paths are 404, known paths with the
 * wrong method 404 or 405, bodies that are not JSON 400, a missing ticket
 * 404.
 */
#include <stdlib.h>
#include <string.h>

#include "ops/admin.h"
#include "io/httpd.h"
#include "testutil.h"
#include "tu_svc.h"

static struct tu_svc t;
static struct admin adm;
static struct httpd *h;

static void
setup(void)
{
  struct httpd_opts o;

  tu_svc_open(&t, 1773540000000LL);
  adm.ctx = &t.ctx;
  adm.conv = NULL;
  adm.retention = NULL;
  httpd_opts_default(&o);
  ck_assert_int_eq(httpd_new(&h, &t.loop, &o, admin_handle, &adm), 0);
  ck_assert_int_eq(httpd_listen(h, "127.0.0.1", 0), 0);
}

static void
teardown(void)
{
  httpd_close(h, NULL, NULL);
  tu_svc_close(&t);
}

START_TEST(routes)
{
  static const struct {
    const char *method, *path, *body;
    int status;
    const char *says;          /* a part of the answer */
  } cases[] = {
    {"GET", "/nope", NULL, 404, "not found"},
    {"GET", "/healthz", NULL, 404, "not found"},   /* the server's */
    {"POST", "/tickets", "{}", 404, "not found"},
    {"DELETE", "/metrics", NULL, 404, "not found"},
    {"GET", "/tickets/", NULL, 404, "no such ticket"},
    {"GET", "/tickets/not-a-number", NULL, 404, "no such ticket"},
    {"GET", "/tickets/NTT-2026-00001", NULL, 404, "no such ticket"},
    {"DELETE", "/tickets/NTT-2026-00001", NULL, 405, "method not allowed"},
    {"GET", "/tickets/NTT-2026-00001/status", NULL, 405,
     "method not allowed"},
    {"POST", "/tickets/NTT-2026-00001/status", "not json", 400,
     "JSON object"},
    {"POST", "/tickets/NTT-2026-00001/status", "{\"status\":\"x\"}", 400,
     "status must be"},
  };
  size_t i;

  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    struct tu_resp r;
    ck_assert_int_eq(tu_svc_http(&t, httpd_port(h), cases[i].method,
                                 cases[i].path, cases[i].body, &r), 0);
    ck_assert_msg(r.status == cases[i].status &&
                  r.body != NULL && strstr(r.body, cases[i].says) != NULL,
                  "#%zu %s %s: %d %s", i, cases[i].method, cases[i].path,
                  r.status, r.body ? r.body : "(none)");
    tu_resp_free(&r);
  }
}
END_TEST

static Suite *
admin_suite(void)
{
  Suite *s = suite_create("admin");
  TCase *tc = tcase_create("routing");

  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, routes);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(admin_suite)
