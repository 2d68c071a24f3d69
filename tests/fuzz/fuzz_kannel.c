/*
 * fuzz_kannel.c: the kannel adapter on fuzzed sms-service requests.
 *
 * Input: a request as fuzzutil.h reads it.  Kannel's get-url carries
 * everything in the query ("GET /webhook/sms?secret=...&sender=...") and
 * its post-url the text as the body with X-Kannel-* headers, so the
 * request-line form is the one that matters here; a bare input is the
 * text body of a post-url without the secret.  Driven through verify,
 * parse, classify and sends by fz_channel().
 */
#include <string.h>

#include "fuzzutil.h"

static struct config ka_cfg;
static struct config_channel ka_ch;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  static char name[] = "sms";
  static char secret[] = "s3cr+t";
  static char sendsms_url[] = "http://127.0.0.1:13013/cgi-bin/sendsms";
  static char username[] = "pengaduan";
  static char password[] = "rahasia123";
  static char from[] = "1708";
  static char public_url[] = "https://pengaduan.example.go.id";

  (void)argc;
  (void)argv;
  fz_init();
  ka_cfg.server.public_url = public_url;
  ka_ch.name = name;
  ka_ch.type = CHANNEL_KANNEL;
  ka_ch.secret = secret;
  ka_ch.sendsms_url = sendsms_url;
  ka_ch.username = username;
  ka_ch.password = password;
  ka_ch.from = from;
  return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  fz_channel(&ka_cfg, &ka_ch, data, size, "/webhook/sms",
             "Content-Type: text/plain; charset=\"UTF-8\"");
  return 0;
}
