/*
 * validate.c: the basic checks on a report's answers (see validate.h).
 */
#include "validate.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

#define NCATEGORIES 7

void
validate_limits_default(struct validate_limits *l)
{
  l->kronologi_min_words = 8;
  l->kronologi_max_chars = 4000;
  l->terlapor_min_letters = 3;
  l->nama_min_letters = 2;
}

/* Letters in text: ASCII letters, and every multi-byte UTF-8 character
 * (Indonesian names are mostly ASCII; the rest is counted generously). */
static int
count_letters(const char *text)
{
  const unsigned char *p = (const unsigned char *)text;
  int n = 0;

  for (; *p != '\0'; p++)
    if (isalpha(*p) || *p >= 0xc0)
      n++;
  return n;
}

int
validate_count_words(const char *text)
{
  const unsigned char *p = (const unsigned char *)text;
  int n = 0, in = 0;

  for (; *p != '\0'; p++) {
    int w = isalnum(*p) || *p >= 0x80;
    if (w && !in)
      n++;
    in = w;
  }
  return n;
}

static void
reject(struct verdict *v, const char *reason, const char *code)
{
  v->ok = 0;
  v->reason = reason;
  v->code = code;
}

static void
add_num(struct verdict *v, const char *name, long n)
{
  if (v->nvars >= VERDICT_VARS)
    return;
  snprintf(v->num[v->nvars], sizeof(v->num[0]), "%ld", n);
  v->vars[v->nvars].name = name;
  v->vars[v->nvars].value = v->num[v->nvars];
  v->nvars++;
}

/* 1 when word (lower case) is one of the space-separated words of list. */
static int
in_list(const char *list, const char *word)
{
  size_t n = strlen(word);
  const char *p = list;

  while (p != NULL && *p != '\0') {
    while (*p == ' ')
      p++;
    if (strncmp(p, word, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
      return 1;
    p = strchr(p, ' ');
  }
  return 0;
}

/* A category by number ("3", "3.") or by a keyword in its words. */
static int
find_category(const struct catalog *cat, const char *text)
{
  char word[64], key[32];
  const unsigned char *p = (const unsigned char *)text;
  int i, n;

  while (*p == ' ')
    p++;
  if (p[0] >= '1' && p[0] <= '0' + NCATEGORIES &&
      (p[1] == '\0' || p[1] == '.' || p[1] == ')' || p[1] == ' '))
    return p[0] - '0';
  /* Each word, lower-cased, against each category's keyword list. */
  while (*p != '\0') {
    n = 0;
    while (*p != '\0' && !isalpha(*p))
      p++;
    while (isalpha(*p) && n < (int)sizeof(word) - 1)
      word[n++] = (char)tolower(*p++);
    while (isalpha(*p))
      p++;
    word[n] = '\0';
    if (n == 0)
      continue;
    for (i = 1; i <= NCATEGORIES; i++) {
      const char *list;
      snprintf(key, sizeof(key), "kategori.keywords.%d", i);
      list = catalog_text(cat, key, 0);
      if (list != NULL && in_list(list, word))
        return i;
    }
  }
  return 0;
}

int
validate_field(const struct validate_limits *l, const struct catalog *cat,
               enum field f, const char *text, struct verdict *v)
{
  int words;
  size_t len;

  memset(v, 0, sizeof(*v));
  v->ok = 1;
  if (text == NULL)
    text = "";
  len = strlen(text);
  switch (f) {
  case FIELD_KATEGORI:
    v->category = find_category(cat, text);
    if (v->category == 0)
      reject(v, "invalid.kategori", "kategori_unknown");
    break;
  case FIELD_TERLAPOR:
    if (count_letters(text) < l->terlapor_min_letters)
      reject(v, "invalid.terlapor", "terlapor_short");
    break;
  case FIELD_LOKASI:
    if (count_letters(text) < 3)
      reject(v, "invalid.lokasi", "lokasi_short");
    break;
  case FIELD_WAKTU:
    if (validate_count_words(text) == 0)
      reject(v, "invalid.waktu", "waktu_empty");
    break;
  case FIELD_KRONOLOGI:
    words = validate_count_words(text);
    if (len > (size_t)l->kronologi_max_chars) {
      reject(v, "invalid.kronologi.long", "kronologi_long");
      add_num(v, "max_chars", l->kronologi_max_chars);
    } else if (words < l->kronologi_min_words) {
      reject(v, "invalid.kronologi.short", "kronologi_short");
      add_num(v, "min_words", l->kronologi_min_words);
    }
    break;
  case FIELD_NAMA:
    if (count_letters(text) < l->nama_min_letters)
      reject(v, "invalid.nama", "nama_short");
    break;
  default:
    break;
  }
  return 0;
}
