/*
 * fuzz_twilio.c: the twilio adapter on fuzzed webhooks.
 *
 * Input: a webhook as fuzzutil.h reads it (a request line, headers and a
 * body; or a bare form body, POSTed as application/x-www-form-urlencoded),
 * driven through verify, parse, classify and sends by fz_channel().
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
  static char account_sid[] = "AC5f0e1d2c3b4a59687766554433221100";
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
