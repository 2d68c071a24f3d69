/*
 * fuzz_quality.c: the report-quality checks (normal form, insults,
 * language) on fuzzed text, with the word lists that ship in config/.
 *
 * Input: a description as a reporter writes it (a NUL-terminated copy;
 * an embedded NUL ends it).  Checked, from quality.h: the normal form is
 * words of lower-case ASCII letters and digits separated by single
 * spaces; quality_abusive() answers
 * 0 or 1 and names the term it found; the language counts add up.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "fuzzutil.h"
#include "rules/quality.h"

static struct quality *qa_lists;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  struct diag d;

  (void)argc;
  (void)argv;
  fz_init();
  diag_init(&d);
  FZ_CHECK(quality_load(ADUAN_SOURCE_DIR "/config/lexicon.txt",
                        ADUAN_SOURCE_DIR "/config/allowlist.txt",
                        ADUAN_SOURCE_DIR "/config/stopwords.id.txt",
                        &qa_lists, &d) == 0);
  diag_free(&d);
  return 0;
}

/* The normal form: [a-z0-9]+ words, one space between, none at the ends. */
static void
check_normal(const struct buf *b)
{
  size_t i;
  char c;

  if (b->len == 0)
    return;
  FZ_CHECK(b->data[0] != ' ' && b->data[b->len - 1] != ' ');
  for (i = 0; i < b->len; i++) {
    c = b->data[i];
    FZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ');
    if (c == ' ')
      FZ_CHECK(b->data[i + 1] != ' ');
  }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *text = fz_strndup(data, size);
  struct buf norm = BUF_INIT;
  struct quality_lang_info info;
  enum quality_lang lang;
  const char *term = NULL;
  int rc;

  FZ_CHECK(quality_normalize(text, &norm) == 0);
  check_normal(&norm);

  rc = quality_abusive(qa_lists, text, &term);
  FZ_CHECK(rc == 0 || rc == 1);
  FZ_CHECK((rc == 1) == (term != NULL));

  lang = quality_language(qa_lists, text, 0.15, &info);
  FZ_CHECK(lang >= QUALITY_OK && lang <= QUALITY_TOO_SHORT);
  FZ_CHECK(info.words >= 0 && info.stopwords >= 0 &&
           info.stopwords <= info.words);
  FZ_CHECK(info.upper >= 0 && info.upper <= info.letters);
  FZ_CHECK(info.ratio >= 0.0 && info.ratio <= 1.0);
  if (lang == QUALITY_TOO_SHORT)
    FZ_CHECK(info.words < QUALITY_MIN_WORDS);

  buf_free(&norm);
  free(text);
  return 0;
}
