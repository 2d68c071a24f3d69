/*
 * fuzz_dev.c: the dev adapter on fuzzed webhooks.
 *
 * Input: a webhook as fuzzutil.h reads it (a request line, headers and a
 * body; or a bare JSON body, POSTed as application/json).  The channel has
 * a token, so that verify compares it (header or ?token=).  Driven by
 * fz_channel() (the dev adapter has no handshake, classify or sends).
 */
#include <string.h>

#include "fuzzutil.h"

static struct config dev_cfg;
static struct config_channel dev_ch;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  static char name[] = "dev";
  static char token[] = "dev-token";

  (void)argc;
  (void)argv;
  fz_init();
  dev_ch.name = name;
  dev_ch.type = CHANNEL_DEV;
  dev_ch.token = token;
  return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fz_channel(&dev_cfg, &dev_ch, data, size, "/webhook/dev",
             "Content-Type: application/json");
  return 0;
}
