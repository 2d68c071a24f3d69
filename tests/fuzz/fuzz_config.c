/*
 * fuzz_config.c: the config file reader on fuzzed files.
 *
 * Input: the whole file.  It is written to the process's temporary folder
 * (relative paths in it resolve there; no secret is looked up in systemd
 * credentials) and read with config_load().  Checked: a load either gives
 * a config or says why (at least one error in diag, or a negative code);
 * a loaded config compares with the defaults without trouble.  The first
 * line is also given to the value parsers for durations, sizes and
 * booleans.
 */
#include <stdlib.h>
#include <string.h>

#include "conf/config.h"
#include "base/diag.h"
#include "base/err.h"
#include "fuzzutil.h"

static char *cf_path;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  fz_init();
  cf_path = fz_path("aduand.conf");
  return 0;
}

/* The value parsers on the first line of the input. */
static void
values(const uint8_t *data, size_t size)
{
  const uint8_t *nl = memchr(data, '\n', size);
  char *s = fz_strndup(data, nl != NULL ? (size_t)(nl - data) : size);
  uint64_t ms;
  size_t bytes;
  int b, rc;

  rc = config_parse_duration(s, &ms);
  FZ_CHECK(rc <= 0);
  rc = config_parse_size(s, &bytes);
  FZ_CHECK(rc <= 0);
  rc = config_parse_bool(s, &b);
  FZ_CHECK(rc <= 0);
  if (rc == 0)
    FZ_CHECK(b == 0 || b == 1);
  free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct config *cfg = NULL, *def = NULL;
  struct diag d;
  int rc;

  values(data, size);
  fz_write(cf_path, data, size);
  diag_init(&d);
  rc = config_load(cf_path, &cfg, &d);
  if (rc == 0) {
    FZ_CHECK(cfg != NULL);
    FZ_CHECK(d.errors == 0);
    FZ_CHECK(config_defaults(&def) == 0);
    FZ_CHECK(config_restart_needed(def, cfg, &d) >= 0);
    FZ_CHECK(config_channel(cfg, "dev") == NULL ||
             config_channel(cfg, "dev")->type < CHANNEL_TYPE_COUNT);
    config_free(def);
  } else {
    FZ_CHECK(cfg == NULL);
    FZ_CHECK(rc < 0);
    FZ_CHECK(d.errors > 0 || rc != AERR_CONFIG);
  }
  config_free(cfg);
  diag_free(&d);
  return 0;
}
