/*
 * fuzz_twilio.c: the twilio adapter on fuzzed webhooks.
 *
 * Input: a webhook as fuzzutil.h reads it (a request line, headers and a
 * body; or a bare form body, POSTed as application/x-www-form-urlencoded),
 * driven through verify, parse, classify and sends by fz_channel().  The
 * account is the one of the samples in corpus/twilio (the values of
 * tests/fixtures), and the signed-*.req seeds carry X-Twilio-Signature made
 * with auth_token for public_url + "/webhook/tw".
 */
#include <string.h>

#include "fuzzutil.h"

static struct config tw_cfg;
static struct config_channel tw_ch;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  static char name[] = "tw";
  static char api_base[] = "http://127.0.0.1:9";
  static char account_sid[] = "ACd4f7b2e9a1c3580e6b2d4f6a8c0e1f37";
  static char auth_token[] = "tw-test-token-0001";
  static char from[] = "whatsapp:+14155550123";
  static char public_url[] = "https://pengaduan.example.go.id";

  (void)argc;
  (void)argv;
  fz_init();
  tw_cfg.server.public_url = public_url;
  tw_ch.name = name;
  tw_ch.type = CHANNEL_TWILIO;
  tw_ch.api_base = api_base;
  tw_ch.account_sid = account_sid;
  tw_ch.auth_token = auth_token;
  tw_ch.from = from;
  return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fz_channel(&tw_cfg, &tw_ch, data, size, "/webhook/tw",
             "Content-Type: application/x-www-form-urlencoded");
  return 0;
}
