/*
 * fuzz_catalog.c: the message catalogue reader on fuzzed files.
 *
 * Input: the whole file, written to the process's temporary folder and
 * read twice: against the engine's own keys (conv_catalog_keys, as the
 * daemon reads config/messages.id.conf), and against a table of three
 * keys so that small inputs load too and get rendered.  Checked: a load
 * either gives a catalogue or says why; every key of a loaded catalogue
 * has a text, renders (with values that hold braces, so that they are
 * seen not to be expanded again) and gives valid UTF-8 when the file was.
 */
#include <stdlib.h>
#include <string.h>

#include "conf/catalog.h"
#include "engine/conv.h"
#include "base/diag.h"
#include "base/err.h"
#include "fuzzutil.h"

static char *ca_path;

static const struct catalog_key ca_small[] = {
  {"menu", ""},
  {"ticket.created", "ticket"},
  {"konfirmasi", "kategori terlapor waktu"},
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  fz_init();
  ca_path = fz_path("messages.conf");
  return 0;
}

/* Load the file against keys[0..n) and render each key when it loads. */
static void
load(const struct catalog_key *keys, int n, int utf8)
{
  static const struct catalog_var vars[] = {
    {"ticket", "NTT-2026-00042"}, {"kategori", "{ticket}"},
    {"terlapor", "}}{{"}, {"waktu", ""},
  };
  struct catalog *cat = NULL;
  struct buf out = BUF_INIT;
  struct diag d;
  int i, sms, rc;

  diag_init(&d);
  rc = catalog_load(ca_path, keys, n, &cat, &d);
  if (rc != 0) {
    FZ_CHECK(cat == NULL);
    FZ_CHECK(rc < 0);
    FZ_CHECK(d.errors > 0 || rc != AERR_CONFIG);
  } else {
    FZ_CHECK(cat != NULL);
    FZ_CHECK(d.errors == 0);
    for (i = 0; i < n; i++) {
      for (sms = 0; sms <= 1; sms++) {
        FZ_CHECK(catalog_text(cat, keys[i].key, sms) != NULL);
        buf_reset(&out);
        rc = catalog_render(cat, keys[i].key, sms, vars,
                            (int)(sizeof(vars) / sizeof(vars[0])), &out);
        FZ_CHECK(rc == 0);
        if (utf8 && out.len > 0)
          FZ_CHECK(fz_utf8_ok(out.data, out.len));
      }
    }
    FZ_CHECK(catalog_text(cat, "no.such.key", 0) == NULL);
  }
  buf_free(&out);
  catalog_free(cat);
  diag_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  int utf8 = fz_utf8_ok((const char *)data, size);

  fz_write(ca_path, data, size);
  load(conv_catalog_keys, conv_catalog_nkeys, utf8);
  load(ca_small, (int)(sizeof(ca_small) / sizeof(ca_small[0])), utf8);
  return 0;
}
