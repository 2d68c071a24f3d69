/*
 * test_admin.c: the admin API's routing on its own (admin.h): admin_handle
 * behind an httpd on a test loop, with a service context of parts
 * (tu_svc.h) and no server.  Unknown paths are 404, known paths with the
 * wrong method 404 or 405, bodies that are not JSON 400, a missing ticket
 * 404; a status change's body is checked, with its reason, before the
 * ticket is looked up.
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

/* A status change's body is checked before its ticket is looked up:
 * each broken rule of ticket_move_check is answered 400 with its own
 * message, a good body for a missing ticket 404. */
START_TEST(status_bodies)
{
  static const struct {
    const char *status, *note;
    int agency_len;            /* an agency of that many 'x'; 0: none */
    int code;
    const char *says;
  } cases[] = {
    {"ditolak", NULL, 0, 400, "\"ditolak needs a note: the reason\""},
    {"ditolak", "", 5, 400, "\"ditolak needs a note: the reason\""},
    {"diproses", "diteruskan", 0, 400, "\"diproses needs the agency\""},
    {"selesai", NULL, 201, 400, "\"note or agency too long\""},
    {"diproses", NULL, 200, 404, "no such ticket"},
    {"ditolak", "bukan_wewenang: kabupaten", 0, 404, "no such ticket"},
  };
  char agency[256], body[512];
  size_t i;

  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    struct tu_resp r;
    int n = snprintf(body, sizeof(body), "{\"status\":\"%s\"",
                     cases[i].status);
    if (cases[i].note != NULL)
      n += snprintf(body + n, sizeof(body) - (size_t)n, ",\"note\":\"%s\"",
                    cases[i].note);
    if (cases[i].agency_len > 0) {
      memset(agency, 'x', (size_t)cases[i].agency_len);
      agency[cases[i].agency_len] = '\0';
      n += snprintf(body + n, sizeof(body) - (size_t)n,
                    ",\"agency\":\"%s\"", agency);
    }
    snprintf(body + n, sizeof(body) - (size_t)n, "}");
    ck_assert_int_eq(tu_svc_http(&t, httpd_port(h), "POST",
                                 "/tickets/NTT-2026-00001/status", body, &r),
                     0);
    ck_assert_msg(r.status == cases[i].code &&
                  r.body != NULL && strstr(r.body, cases[i].says) != NULL,
                  "#%zu %s: %d %s", i, body, r.status,
                  r.body ? r.body : "(none)");
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
  tcase_add_test(tc, status_bodies);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(admin_suite)
