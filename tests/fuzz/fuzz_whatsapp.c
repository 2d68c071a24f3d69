/*
 * fuzz_whatsapp.c: the whatsapp_cloud adapter on fuzzed webhooks.
 *
 * Input: a webhook as fuzzutil.h reads it (a request line, headers and a
 * body; or a bare JSON body, POSTed as application/json), driven through
 * verify, parse, the GET handshake, classify, media look-up and sends by
 * fz_channel().  The channel's phone_number_id and verify_token are those
 * of the samples in corpus/whatsapp (the values of tests/fixtures), so that
 * their messages are taken rather than skipped, and the signed-*.req seeds
 * carry X-Hub-Signature-256 made with app_secret over their bodies.
 */
#include <string.h>

#include "fuzzutil.h"

static struct config wa_cfg;
static struct config_channel wa_ch;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  static char name[] = "wa";
  static char api_base[] = "http://127.0.0.1:9/v21.0";
  static char app_secret[] = "fuzz-app-secret";
  static char verify_token[] = "aduan-ntt-verifikasi-2026";
  static char access_token[] = "fuzz-access-token";
  static char phone_number_id[] = "305917264810452";
  static char template_name[] = "status_laporan";
  static char template_language[] = "id";
  static char public_url[] = "https://pengaduan.example.go.id";

  (void)argc;
  (void)argv;
  fz_init();
  wa_cfg.server.public_url = public_url;
  wa_ch.name = name;
  wa_ch.type = CHANNEL_WHATSAPP_CLOUD;
  wa_ch.api_base = api_base;
  wa_ch.app_secret = app_secret;
  wa_ch.verify_token = verify_token;
  wa_ch.access_token = access_token;
  wa_ch.phone_number_id = phone_number_id;
  wa_ch.template_name = template_name;
  wa_ch.template_language = template_language;
  return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fz_channel(&wa_cfg, &wa_ch, data, size, "/webhook/wa",
             "Content-Type: application/json");
  return 0;
}
