/*
 * test_sms.c: SMS alphabet detection, segment counts, the UCS-2 encoding
 * and the strict UTF-8 decoder under them (with the cleaning of provider
 * text), table-driven.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/sms.h"
#include "testutil.h"
#include "base/utf8.h"

/* A text made of head, then unit repeated n times, then tail. */
struct sms_case {
  const char *name;
  const char *head;
  const char *unit;
  int n;
  const char *tail;
  int gsm7;
  int units;
  int segments;
  int bad_utf8;
};

#define CURLY "\xe2\x80\x99"        /* U+2019, right single quotation mark */
#define GRIN "\xf0\x9f\x98\x80"     /* U+1F600, outside the BMP */
#define GSM_LATIN "\xc2\xa3\xc2\xa5\xc3\xa8\xc3\xa9\xc3\xb9\xc3\xac\xc3\xb2" \
  "\xc3\x87\xc3\x98\xc3\xb8\xc3\x85\xc3\xa5\xc3\x86\xc3\xa6\xc3\x9f\xc3\x89" \
  "\xc2\xa4\xc2\xa1\xc3\x84\xc3\x96\xc3\x91\xc3\x9c\xc2\xa7\xc2\xbf\xc3\xa4" \
  "\xc3\xb6\xc3\xb1\xc3\xbc\xc3\xa0"  /* the 29 Latin-1 letters of GSM-7 */
#define GSM_GREEK "\xce\x94\xce\xa6\xce\x93\xce\x9b\xce\xa9\xce\xa0\xce\xa8" \
  "\xce\xa3\xce\x98\xce\x9e"          /* the 10 Greek capitals of GSM-7 */

static const struct sms_case cases[] = {
  {"empty", "", "", 0, "", 1, 0, 0, 0},
  {"one letter", "a", "", 0, "", 1, 1, 1, 0},
  {"ascii 160", "", "a", 160, "", 1, 160, 1, 0},
  {"ascii 161", "", "a", 161, "", 1, 161, 2, 0},
  {"ascii 306", "", "a", 306, "", 1, 306, 2, 0},
  {"ascii 307", "", "a", 307, "", 1, 307, 3, 0},
  {"every basic ascii", "@$_ !\"#%&'()*+,-./0123456789:;<=>?"
   "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n\r", "", 0, "",
   1, 88, 1, 0},
  {"gsm latin letters", GSM_LATIN, "", 0, "", 1, 29, 1, 0},
  {"gsm greek capitals", GSM_GREEK, "", 0, "", 1, 10, 1, 0},
  {"extension table", "^{}\\[~]|", "", 0, "", 1, 16, 1, 0},
  {"euro counts double", "\xe2\x82\xac", "", 0, "", 1, 2, 1, 0},
  {"form feed counts double", "\f", "", 0, "", 1, 2, 1, 0},
  {"braces 80 fill one sms", "", "{", 80, "", 1, 160, 1, 0},
  {"braces 81 need two", "", "{", 81, "", 1, 162, 2, 0},
  {"extension char tips over 160", "", "a", 159, "]", 1, 161, 2, 0},
  {"escape never split across parts", "", "a", 152, "{"
   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
   "aaaa", 1, 306, 3, 0},
  {"indonesian", "Laporan Anda diterima dengan nomor NTT-2026-00042. "
   "Cek status: kirim STATUS NTT-2026-00042", "", 0, "", 1, 90, 1, 0},
  {"indonesian with e acute", "Kafe di Ende: caf\xc3\xa9", "", 0, "", 1, 18, 1,
   0},
  {"tab is not gsm", "a\tb", "", 0, "", 0, 3, 1, 0},
  {"backtick is not gsm", "`x`", "", 0, "", 0, 3, 1, 0},
  {"small c cedilla is not gsm", "\xc3\xa7", "", 0, "", 0, 1, 1, 0},
  {"curly quote", "Anda" CURLY "s", "", 0, "", 0, 6, 1, 0},
  {"emoji is a surrogate pair", GRIN, "", 0, "", 0, 2, 1, 0},
  {"indonesian with emoji", "Terima kasih " GRIN, "", 0, "", 0, 15, 1, 0},
  {"ucs2 70", "", CURLY, 70, "", 0, 70, 1, 0},
  {"ucs2 71", "", CURLY, 71, "", 0, 71, 2, 0},
  {"ucs2 134", "", CURLY, 134, "", 0, 134, 2, 0},
  {"ucs2 135", "", CURLY, 135, "", 0, 135, 3, 0},
  {"ucs2 emoji fills 70", "", "a", 68, GRIN, 0, 70, 1, 0},
  {"ucs2 emoji tips over 70", "", "a", 69, GRIN, 0, 71, 2, 0},
  {"surrogate pair never split", "", CURLY, 66, GRIN
   CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY
   CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY
   CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY
   CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY
   CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY
   CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY CURLY,
   0, 134, 3, 0},
  {"invalid byte", "abc\xff", "", 0, "", 0, 4, 1, 1},
  {"lone continuation", "\x80", "", 0, "", 0, 1, 1, 1},
  {"truncated 3-byte", "\xe2\x82", "", 0, "", 0, 2, 1, 1},
  {"truncated 3-byte before ascii", "\xe2\x82" "ok", "", 0, "", 0, 4, 1, 1},
  {"truncated emoji", "\xf0\x9f\x98", "", 0, "", 0, 3, 1, 1},
  {"overlong slash", "\xc0\xaf", "", 0, "", 0, 2, 1, 1},
  {"overlong 3-byte", "\xe0\x80\xaf", "", 0, "", 0, 3, 1, 1},
  {"utf8-encoded surrogate", "\xed\xa0\x80", "", 0, "", 0, 3, 1, 1},
  {"above U+10FFFF", "\xf4\x90\x80\x80", "", 0, "", 0, 4, 1, 1},
  {"bad bytes in long text", "", "a", 70, "\xff", 0, 71, 2, 1},
};

#define NCASES ((int)(sizeof(cases) / sizeof(cases[0])))

static char *
case_text(const struct sms_case *c)
{
  size_t ul = strlen(c->unit), hl = strlen(c->head), tl = strlen(c->tail);
  char *s = malloc(hl + ul * (size_t)c->n + tl + 1), *p;
  int i;

  ck_assert_ptr_nonnull(s);
  p = s;
  memcpy(p, c->head, hl);
  p += hl;
  for (i = 0; i < c->n; i++, p += ul)
    memcpy(p, c->unit, ul);
  memcpy(p, c->tail, tl);
  p[tl] = '\0';
  return s;
}

START_TEST(sms_measure_table)
{
  const struct sms_case *c = &cases[_i];
  struct sms_info info;
  char *s = case_text(c);

  memset(&info, 0x55, sizeof(info));
  sms_measure(s, &info);
  ck_assert_msg(info.gsm7 == c->gsm7 && info.units == c->units &&
                info.segments == c->segments && info.bad_utf8 == c->bad_utf8,
                "%s: got gsm7=%d units=%d segments=%d bad=%d, want %d %d %d %d",
                c->name, info.gsm7, info.units, info.segments, info.bad_utf8,
                c->gsm7, c->units, c->segments, c->bad_utf8);
  free(s);
}
END_TEST

/* For every UCS-2 case, the encoding has exactly two bytes per unit
 * measured, so the count and the bytes sent never disagree. */
START_TEST(sms_units_match_encoding)
{
  const struct sms_case *c = &cases[_i];
  struct buf b = BUF_INIT;
  struct sms_info info;
  char *s = case_text(c);

  sms_measure(s, &info);
  ck_assert_int_eq(sms_to_ucs2(s, &b), 0);
  if (!info.gsm7)
    ck_assert_msg(b.len == 2 * (size_t)info.units, "%s: %zu bytes, %d units",
                  c->name, b.len, info.units);
  buf_free(&b);
  free(s);
}
END_TEST

struct ucs2_case {
  const char *in;
  const char *want;   /* bytes */
  size_t len;
};

static const struct ucs2_case ucs2_cases[] = {
  {"", "", 0},
  {"A", "\x00" "A", 2},
  {"Ok!", "\x00O\x00k\x00!", 6},
  {"\xc3\xa9", "\x00\xe9", 2},
  {"\xe2\x82\xac", "\x20\xac", 2},
  {CURLY, "\x20\x19", 2},
  {GRIN, "\xd8\x3d\xde\x00", 4},
  {"\xf4\x8f\xbf\xbf", "\xdb\xff\xdf\xff", 4},           /* U+10FFFF */
  {"\xef\xbf\xbd", "\xff\xfd", 2},                         /* a real U+FFFD */
  {"a\xff" "b", "\x00" "a\xff\xfd\x00" "b", 6},
  {"\xc0\xaf", "\xff\xfd\xff\xfd", 4},
  {"\xed\xa0\x80", "\xff\xfd\xff\xfd\xff\xfd", 6},
  {"\xf4\x90\x80\x80", "\xff\xfd\xff\xfd\xff\xfd\xff\xfd", 8},
  {"\xe2\x82", "\xff\xfd\xff\xfd", 4},
};

#define NUCS2 ((int)(sizeof(ucs2_cases) / sizeof(ucs2_cases[0])))

START_TEST(sms_ucs2_bytes)
{
  const struct ucs2_case *c = &ucs2_cases[_i];
  struct buf b = BUF_INIT;

  ck_assert_int_eq(sms_to_ucs2(c->in, &b), 0);
  ck_assert_uint_eq(b.len, c->len);
  if (c->len > 0)
    ck_assert_msg(memcmp(b.data, c->want, c->len) == 0, "case %d", _i);
  buf_free(&b);
}
END_TEST

/* Longer than the encoder's chunk, and appended after existing bytes. */
START_TEST(sms_ucs2_long_appends)
{
  struct buf b = BUF_INIT;
  char *s = malloc(4 * 100 + 1);
  size_t i;

  ck_assert_ptr_nonnull(s);
  for (i = 0; i < 100; i++)
    memcpy(s + 4 * i, GRIN, 4);
  s[400] = '\0';
  ck_assert_int_eq(buf_puts(&b, "xy"), 0);
  ck_assert_int_eq(sms_to_ucs2(s, &b), 0);
  ck_assert_uint_eq(b.len, 2 + 400);
  for (i = 0; i < 100; i++)
    ck_assert(memcmp(b.data + 2 + 4 * i, "\xd8\x3d\xde\x00", 4) == 0);
  buf_free(&b);
  free(s);
}
END_TEST

/* A failed append leaves the buffer as it was. */
START_TEST(sms_ucs2_cap_leaves_buffer)
{
  struct buf b;
  char s[301];

  memset(s, 'a', 300);
  s[300] = '\0';
  buf_init(&b, 100);
  ck_assert_int_eq(buf_puts(&b, "xy"), 0);
  ck_assert_int_eq(sms_to_ucs2(s, &b), AERR_TOOBIG);
  ck_assert_uint_eq(b.len, 2);
  ck_assert_str_eq(b.data, "xy");
  buf_free(&b);
}
END_TEST

START_TEST(sms_non_gsm7_points)
{
  const char *s = "Anda" CURLY "s";
  size_t len = 99;

  ck_assert_ptr_eq(sms_non_gsm7(s, &len), s + 4);
  ck_assert_uint_eq(len, 3);
  ck_assert_ptr_null(sms_non_gsm7("Balas {KIRIM} " GSM_LATIN, &len));
  ck_assert_uint_eq(len, 0);
  s = "ok\xffok";
  ck_assert_ptr_eq(sms_non_gsm7(s, &len), s + 2);
  ck_assert_uint_eq(len, 1);
  s = "x" GRIN;
  ck_assert_ptr_eq(sms_non_gsm7(s, &len), s + 1);
  ck_assert_uint_eq(len, 4);
}
END_TEST

START_TEST(utf8_decode_and_check)
{
  uint32_t cp;

  ck_assert_int_eq(utf8_decode("A", 1, &cp), 1);
  ck_assert_uint_eq(cp, 'A');
  ck_assert_int_eq(utf8_decode("\xc2\x80", 2, &cp), 2);
  ck_assert_uint_eq(cp, 0x80);
  ck_assert_int_eq(utf8_decode("\xe0\xa0\x80", 3, &cp), 3);
  ck_assert_uint_eq(cp, 0x800);
  ck_assert_int_eq(utf8_decode("\xed\x9f\xbf", 3, &cp), 3);
  ck_assert_uint_eq(cp, 0xD7FF);
  ck_assert_int_eq(utf8_decode(GRIN, 4, &cp), 4);
  ck_assert_uint_eq(cp, 0x1F600);
  /* Bounded by n, not by a NUL. */
  ck_assert_int_eq(utf8_decode(GRIN, 3, &cp), 0);
  ck_assert_uint_eq(cp, UTF8_REPLACEMENT);
  ck_assert_int_eq(utf8_decode("\xc1\xbf", 2, &cp), 0);
  ck_assert_int_eq(utf8_decode("\xf5\x80\x80\x80", 4, &cp), 0);
  ck_assert_int_eq(utf8_decode("\xe2\x28\xa1", 3, &cp), 0);
  ck_assert_uint_eq(utf8_check("abc", 3), 3);
  ck_assert_uint_eq(utf8_check("ab\xc3\xa9" "c\xff", 6), 5);
  ck_assert_uint_eq(utf8_check("a\0b", 3), 3);
  ck_assert_uint_eq(utf8_check("ab\xe2\x82", 4), 2);
}
END_TEST

struct sanitize_case {
  const char *in;
  size_t len;
  const char *want;
};

#define FFFD "\xef\xbf\xbd"

static const struct sanitize_case sanitize_cases[] = {
  {"", 0, ""},
  {"Laporan", 7, "Laporan"},
  {"caf\xc3\xa9 " GRIN, 10, "caf\xc3\xa9 " GRIN},
  {"a\xff" "b", 3, "a" FFFD "b"},
  {"a\0b", 3, "a" FFFD "b"},                     /* NUL is never kept */
  {"\xc0\xaf", 2, FFFD FFFD},                    /* overlong '/' */
  {"\xed\xa0\x80", 3, FFFD FFFD FFFD},           /* a surrogate */
  {"ab\xe2\x82", 4, "ab" FFFD FFFD},             /* cut short */
  {GRIN, 3, FFFD FFFD FFFD},                      /* bounded by len */
  {"\x01\x7f", 2, "\x01\x7f"},                   /* controls are text */
};

START_TEST(utf8_sanitize_table)
{
  const struct sanitize_case *c = &sanitize_cases[_i];
  char *out = utf8_sanitize(c->in, c->len);

  ck_assert_ptr_nonnull(out);
  ck_assert_str_eq(out, c->want);
  ck_assert_uint_eq(utf8_check(out, strlen(out)), strlen(out));
  free(out);
}
END_TEST

/* Every byte bad: the copy is three times as long and still valid. */
START_TEST(utf8_sanitize_worst_case)
{
  char in[1000], *out;
  size_t i;

  for (i = 0; i < sizeof(in); i++)
    in[i] = (char)(0x80 + i % 64);
  out = utf8_sanitize(in, sizeof(in));
  ck_assert_ptr_nonnull(out);
  ck_assert_uint_eq(strlen(out), 3 * sizeof(in));
  ck_assert_uint_eq(utf8_check(out, strlen(out)), strlen(out));
  free(out);
}
END_TEST

/* Replies on SMS are made GSM-7-safe without changing numbers or names
 * beyond recognition. */
static const struct {
  const char *in, *out;
} safe_cases[] = {
  {"\xe2\x80\x9clima ratus ribu\xe2\x80\x9d", "\"lima ratus ribu\""},
  {"Pak Yos\xe2\x80\x99s \xe2\x80\x94 camat", "Pak Yos's - camat"},
  {"administrasi\xe2\x80\xa6 \xf0\x9f\x99\x8f mohon",
   "administrasi... mohon"},
  {"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd ok", " ok"},
  {"\xe2\x9d\xa4\xef\xb8\x8f", ""},
  {"NTT-2026-00042", "NTT-2026-00042"},
  {"Jos\xc3\xa9 Ch\xc3\xa2" "teau", "Jos\xc3\xa9 Chateau"},
  {"\xef\xbc\xa1\xef\xbc\x91", "A1"},
  {"Rp\xc2\xa0" "500.000 \xe2\x80\xa2 tunai", "Rp 500.000 - tunai"},
  {"\xe7\x8e\x8b", "\xe7\x8e\x8b"},
};

START_TEST(sms_gsm7_safe_table)
{
  struct buf b = BUF_INIT;
  struct sms_info info;

  ck_assert_int_eq(sms_gsm7_safe(safe_cases[_i].in, &b), 0);
  ck_assert_str_eq(b.data ? b.data : "", safe_cases[_i].out);
  if (_i != sizeof(safe_cases) / sizeof(safe_cases[0]) - 1) {
    sms_measure(b.data ? b.data : "", &info);
    ck_assert_int_eq(info.gsm7, 1);
  }
  buf_free(&b);
}
END_TEST

static Suite *
sms_suite(void)
{
  Suite *s = suite_create("sms");
  TCase *tc = tcase_create("core");

  tcase_add_loop_test(tc, sms_measure_table, 0, NCASES);
  tcase_add_loop_test(tc, sms_units_match_encoding, 0, NCASES);
  tcase_add_loop_test(tc, sms_ucs2_bytes, 0, NUCS2);
  tcase_add_test(tc, sms_ucs2_long_appends);
  tcase_add_test(tc, sms_ucs2_cap_leaves_buffer);
  tcase_add_test(tc, sms_non_gsm7_points);
  tcase_add_test(tc, utf8_decode_and_check);
  tcase_add_loop_test(tc, sms_gsm7_safe_table, 0,
                      (int)(sizeof(safe_cases) / sizeof(safe_cases[0])));
  tcase_add_loop_test(tc, utf8_sanitize_table, 0,
                      sizeof(sanitize_cases) / sizeof(sanitize_cases[0]));
  tcase_add_test(tc, utf8_sanitize_worst_case);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(sms_suite)
