/*
 * test_provider_dev.c: the dev adapter: its token, and the text it hands
 * on, which must be clean UTF-8 whatever json-c lets through.
 */
#include <http_parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "provider/provider.h"
#include "testutil.h"
#include "tu_request.h"

#define FFFD "\xef\xbf\xbd"
#define JSON_CT "Content-Type: application/json"

/* Parse body posted to target (token header when token is not NULL)
 * through a channel whose token is "tok"; returns verify's code, or
 * parse()'s. */
static int
run(const char *target, const char *token, const char *body,
    struct inbound_set *set)
{
  const struct provider_ops *ops = provider_for(CHANNEL_DEV);
  const char *headers[3] = {JSON_CT, NULL, NULL};
  struct config_channel ch;
  struct config cfg;
  struct httpd_request *r;
  char name[] = "dev", tok[] = "tok", hdr[64];
  const char *why = NULL;
  int rc;

  memset(&ch, 0, sizeof(ch));
  memset(&cfg, 0, sizeof(cfg));
  ch.name = name;
  ch.type = CHANNEL_DEV;
  ch.token = tok;
  if (token != NULL) {
    snprintf(hdr, sizeof(hdr), "X-Aduan-Token: %s", token);
    headers[1] = hdr;
  }
  r = tu_request_new("POST", target, headers, body, strlen(body));
  rc = ops->verify(&cfg, &ch, r);
  if (rc == 0) {
    rc = ops->parse(&ch, r, set, &why);
    if (rc != 0)
      ck_assert_msg(why != NULL && why[0] != '\0', "no reason given");
  }
  tu_request_free(r);
  return rc;
}

struct text_case {
  const char *name;
  const char *body;      /* the webhook's JSON */
  const char *want;      /* the text handed on */
};

static const struct text_case text_cases[] = {
  {"plain", "{\"from\":\"081234567890\",\"text\":\"halo\"}", "halo"},
  {"escaped emoji", "{\"from\":\"081234567890\",\"text\":\"ok "
   "\\ud83d\\ude4f\"}", "ok \xf0\x9f\x99\x8f"},
  /* json-c takes these bytes as UTF-8; they are not (an overlong form of
   * U+03CA).  Found by tests/fuzz/fuzz_dev. */
  {"overlong", "{\"from\":\"081234567890\",\"text\":\"lapor\xe0\x8f\x8amedia\"}",
   "lapor" FFFD FFFD FFFD "media"},
  {"surrogate bytes", "{\"from\":\"081234567890\",\"text\":\"a\xed\xa0\xbd"
   "b\"}", "a" FFFD FFFD FFFD "b"},
  {"escaped nul", "{\"from\":\"081234567890\",\"text\":\"a\\u0000b\"}",
   "a" FFFD "b"},
  {"caption", "{\"from\":\"081234567890\",\"media\":{\"url\":\"https://x\","
   "\"mime\":\"image/jpeg\",\"caption\":\"foto\xe0\x80\xafok\"}}",
   "foto" FFFD FFFD FFFD "ok"},
};

START_TEST(text_is_clean)
{
  const struct text_case *c = &text_cases[_i];
  struct inbound_set set;
  int rc;

  memset(&set, 0, sizeof(set));
  rc = run("/webhook/dev", "tok", c->body, &set);
  ck_assert_msg(rc == 0, "%s: refused (%d)", c->name, rc);
  ck_assert_int_eq(set.n, 1);
  ck_assert_ptr_nonnull(set.msgs[0].text);
  ck_assert_msg(strcmp(set.msgs[0].text, c->want) == 0, "%s: got '%s'",
                c->name, set.msgs[0].text);
  inbound_set_free(&set);
}
END_TEST

START_TEST(token_required)
{
  const char *body = "{\"from\":\"081234567890\",\"text\":\"1\"}";
  struct inbound_set set;

  memset(&set, 0, sizeof(set));
  ck_assert_int_eq(run("/webhook/dev", NULL, body, &set), AERR_AUTH);
  ck_assert_int_eq(run("/webhook/dev", "salah", body, &set), AERR_AUTH);
  ck_assert_int_eq(run("/webhook/dev?token=salah", NULL, body, &set),
                   AERR_AUTH);
  ck_assert_int_eq(run("/webhook/dev?token=tok", NULL, body, &set), 0);
  ck_assert_int_eq(set.n, 1);
  ck_assert_str_eq(set.msgs[0].phone, "+6281234567890");
  inbound_set_free(&set);
}
END_TEST

/*
 * An embedded \u0000 in a structural field would cut it short in C: "id"
 * "m1\u0000x" would be taken as "m1" and a different message dropped as a
 * repeat.  Such a body is refused (400), since the fields that identify
 * the message cannot be read as sent.
 */
START_TEST(nul_in_structural_field_is_refused)
{
  static const char *const bodies[] = {
    "{\"from\":\"081234567890\",\"text\":\"a\",\"id\":\"m1\\u0000x\"}",
    "{\"from\":\"081234567890\\u0000999\",\"text\":\"a\"}",
    "{\"from\":\"081234567890\",\"media\":{\"url\":\"https://x\\u0000y\","
    "\"mime\":\"image/jpeg\"}}",
    "{\"from\":\"081234567890\",\"media\":{\"url\":\"https://x\","
    "\"mime\":\"image/jpeg\\u0000\"}}",
  };
  struct inbound_set set;
  size_t i;

  for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
    memset(&set, 0, sizeof(set));
    ck_assert_msg(run("/webhook/dev", "tok", bodies[i], &set) == AERR_PARSE,
                  "accepted: %s", bodies[i]);
    inbound_set_free(&set);
  }
}
END_TEST

/* aduanctl chat finds the dev channel among others; the dev channel
 * parses POST only, sends no SMS, has no window, and its media is a URL
 * fetched as it is, without credentials. */
START_TEST(facts_console_and_media)
{
  struct config_channel chs[2];
  struct config cfg;
  struct provider_request r;
  char tw[] = "tw", dev[] = "dev", tok[] = "tok";
  char url[] = "http://127.0.0.1:9/m.jpg", mime[] = "image/jpeg";
  const struct provider_ops *ops = provider_for(CHANNEL_DEV);

  memset(chs, 0, sizeof(chs));
  memset(&cfg, 0, sizeof(cfg));
  chs[0].name = tw;
  chs[0].type = CHANNEL_TWILIO;
  chs[1].name = dev;
  chs[1].type = CHANNEL_DEV;
  chs[1].token = tok;
  cfg.channels = chs;
  cfg.nchannels = 2;
  ck_assert_ptr_eq(provider_console(&cfg), &chs[1]);
  cfg.nchannels = 1;
  ck_assert_ptr_null(provider_console(&cfg));

  ck_assert_int_eq(provider_takes_method(ops, HTTP_POST), 1);
  ck_assert_int_eq(provider_takes_method(ops, HTTP_GET), 0);
  ck_assert_str_eq(provider_send_family(&chs[1]), "dev");
  ck_assert_int_eq(provider_segments(&chs[1], "halo"), 0);
  ck_assert(provider_free_form_until(&chs[1], 0) == INT64_MAX);

  memset(&r, 0, sizeof(r));
  ck_assert_int_eq(provider_media_request(&chs[1], url, mime, 0, NULL, 0, &r),
                   0);
  ck_assert_str_eq(r.method, "GET");
  ck_assert_str_eq(r.url, url);
  ck_assert_ptr_null(r.userpwd);
  ck_assert_ptr_null(r.headers[0]);
  provider_request_free(&r);
  ck_assert_int_eq(provider_media_request(&chs[1], url, mime, 1, "x", 1, &r),
                   1);
  ck_assert_ptr_null(r.url);
}
END_TEST

static Suite *
provider_dev_suite(void)
{
  Suite *s = suite_create("provider_dev");
  TCase *tc = tcase_create("dev");

  tcase_add_loop_test(tc, text_is_clean, 0,
                      sizeof(text_cases) / sizeof(text_cases[0]));
  tcase_add_test(tc, token_required);
  tcase_add_test(tc, nul_in_structural_field_is_refused);
  tcase_add_test(tc, facts_console_and_media);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(provider_dev_suite)
