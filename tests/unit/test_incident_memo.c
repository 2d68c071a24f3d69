/*
 * test_incident_memo.c: the readings of rule 4 kept by their texts: found
 * for the same texts only, NULL as "", the least recently used replaced,
 * nothing after a clear; values of other sizes kept alike; the story
 * judgements of rule 3 kept for the validator.
 */
#include <errno.h>
#include <string.h>

#include "rules/incident_memo.h"
#include "rules/place.h"
#include "rules/quality.h"
#include "rules/validate.h"
#include "testutil.h"

/* A reading of text into r[0] (all of it) and r[1] (the text twice, so
 * that the pair differs). */
static void
read_pair(const char *text, struct incident r[2])
{
  char twice[256];

  incident_extract(text, &r[0]);
  strcpy(twice, text);
  strcat(twice, " ");
  strcat(twice, text);
  incident_extract(twice, &r[1]);
}

static const char K1[] = "Pak Yohanes minta Rp 500.000 tanggal 12 Maret";
static const char K2[] = "Ibu Maria di Dukcapil minta 200rb hari Senin";
static const char K3[] = "Petugas Samsat Kupang minta uang 1,5 juta";

START_TEST(same_texts_found)
{
  struct incident_memo *m;
  struct incident in[2], out[2];
  const char *a[4] = { "Pak Yohanes", "12 Maret", K1, "5371" };
  const char *b[4] = { "Pak Yohanes", "12 Maret", K1, "5371" };

  ck_assert_int_eq(incident_memo_new(&m, 4), 0);
  ck_assert_int_eq(incident_memo_get(m, a, 4, out), 0);
  read_pair(K1, in);
  incident_memo_put(m, a, 4, in);
  memset(out, 0xa5, sizeof(out));
  ck_assert_int_eq(incident_memo_get(m, b, 4, out), 1);
  ck_assert(memcmp(in, out, sizeof(in)) == 0);
  incident_memo_free(m);
}
END_TEST

START_TEST(other_texts_not_found)
{
  struct incident_memo *m;
  struct incident in[2], out[2];
  const char *a[4] = { "Pak Yohanes", "12 Maret", K1, "5371" };
  const char *moved[4] = { "Pak Yohanes", "12 Maret", K1, "5301" };
  const char *edited[4] = { "Pak Yohanes", "12 Maret", K2, "5371" };
  const char *shifted[4] = { "Pak Yohane", "s12 Maret", K1, "5371" };
  const char *fewer[3] = { "Pak Yohanes", "12 Maret", K1 };
  const char *empty[4] = { NULL, "", NULL, NULL };
  const char *blank[4] = { "", NULL, "", "" };

  ck_assert_int_eq(incident_memo_new(&m, 4), 0);
  read_pair(K1, in);
  incident_memo_put(m, a, 4, in);
  ck_assert_int_eq(incident_memo_get(m, moved, 4, out), 0);
  ck_assert_int_eq(incident_memo_get(m, edited, 4, out), 0);
  ck_assert_int_eq(incident_memo_get(m, shifted, 4, out), 0);
  ck_assert_int_eq(incident_memo_get(m, fewer, 3, out), 0);
  ck_assert_int_eq(incident_memo_get(m, empty, 4, out), 0);
  /* NULL and "" are one text */
  read_pair("", in);
  incident_memo_put(m, empty, 4, in);
  ck_assert_int_eq(incident_memo_get(m, blank, 4, out), 1);
  ck_assert(memcmp(in, out, sizeof(in)) == 0);
  incident_memo_free(m);
}
END_TEST

START_TEST(least_recently_used_replaced)
{
  struct incident_memo *m;
  struct incident r1[2], r2[2], r3[2], out[2];
  const char *t1[1] = { K1 }, *t2[1] = { K2 }, *t3[1] = { K3 };

  ck_assert_int_eq(incident_memo_new(&m, 2), 0);
  read_pair(K1, r1);
  read_pair(K2, r2);
  read_pair(K3, r3);
  incident_memo_put(m, t1, 1, r1);
  incident_memo_put(m, t2, 1, r2);
  ck_assert_int_eq(incident_memo_get(m, t1, 1, out), 1);  /* K1 used */
  incident_memo_put(m, t3, 1, r3);                          /* K2 goes */
  ck_assert_int_eq(incident_memo_get(m, t2, 1, out), 0);
  ck_assert_int_eq(incident_memo_get(m, t1, 1, out), 1);
  ck_assert(memcmp(r1, out, sizeof(r1)) == 0);
  ck_assert_int_eq(incident_memo_get(m, t3, 1, out), 1);
  ck_assert(memcmp(r3, out, sizeof(r3)) == 0);
  /* the same texts again take their own slot, not another's */
  incident_memo_put(m, t3, 1, r1);
  ck_assert_int_eq(incident_memo_get(m, t1, 1, out), 1);
  ck_assert_int_eq(incident_memo_get(m, t3, 1, out), 1);
  ck_assert(memcmp(r1, out, sizeof(r1)) == 0);
  incident_memo_clear(m);
  ck_assert_int_eq(incident_memo_get(m, t1, 1, out), 0);
  ck_assert_int_eq(incident_memo_get(m, t3, 1, out), 0);
  incident_memo_free(m);
  incident_memo_free(NULL);
  incident_memo_clear(NULL);
}
END_TEST

/* Whatever the bytes of a pair (runs of zeros and others, at either
 * end), the pair found is the pair kept. */
START_TEST(any_bytes_kept)
{
  struct incident_memo *m;
  static struct incident in[2], out[2];
  unsigned char *p = (unsigned char *)in;
  const char *t[1] = { K1 };
  size_t i;

  ck_assert_int_eq(incident_memo_new(&m, 1), 0);
  for (i = 0; i < sizeof(in); i++)    /* loop: 0 zeros first, 1 last */
    p[i] = (unsigned char)(((i / 8) * 7 + (size_t)_i) % 5 == 0 ? 0 : i + 1);
  p[(size_t)_i * (sizeof(in) - 1)] ^= 0x40;
  incident_memo_put(m, t, 1, in);
  memset(out, 0, sizeof(out));
  ck_assert_int_eq(incident_memo_get(m, t, 1, out), 1);
  ck_assert(memcmp(in, out, sizeof(in)) == 0);
  memset(in, 0, sizeof(in));          /* all zeros */
  incident_memo_put(m, t, 1, in);
  memset(out, 0xff, sizeof(out));
  ck_assert_int_eq(incident_memo_get(m, t, 1, out), 1);
  ck_assert(memcmp(in, out, sizeof(in)) == 0);
  incident_memo_free(m);
}
END_TEST

/* A memo of values of another size keeps them as the pairs are kept,
 * byte for byte, and is no memo of pairs; a size of no whole words is
 * refused. */
START_TEST(sized_values_kept)
{
  struct incident_memo *m;
  struct incident pair[2];
  uint64_t in[3] = { 0, 0x1234, 0 }, out[3];
  const char *t[1] = { K1 }, *u[1] = { K2 };

  ck_assert_int_eq(incident_memo_new_sized(&m, 3, 12), -EINVAL);
  ck_assert_ptr_null(m);
  ck_assert_int_eq(incident_memo_new_sized(&m, 2, sizeof(in)), 0);
  ck_assert_int_eq(incident_memo_find(m, t, 1, out), 0);
  incident_memo_keep(m, t, 1, in);
  memset(out, 0xa5, sizeof(out));
  ck_assert_int_eq(incident_memo_find(m, t, 1, out), 1);
  ck_assert(memcmp(in, out, sizeof(in)) == 0);
  ck_assert_int_eq(incident_memo_find(m, u, 1, out), 0);
  /* Pairs of readings are not this memo's values. */
  read_pair(K2, pair);
  incident_memo_put(m, u, 1, pair);
  ck_assert_int_eq(incident_memo_find(m, u, 1, out), 0);
  ck_assert_int_eq(incident_memo_get(m, t, 1, pair), 0);
  incident_memo_clear(m);
  ck_assert_int_eq(incident_memo_find(m, t, 1, out), 0);
  incident_memo_free(m);
  incident_memo_find(NULL, t, 1, out);
  incident_memo_keep(NULL, t, 1, in);
}
END_TEST

/* The validator with vd.stories judges a story once: the same verdict as
 * without it, as it comes (FIELD_TEXT) and as the description
 * (FIELD_KRONOLOGI); the second time the judgement is the one kept. */
START_TEST(story_judged_once)
{
  static const char *const stories[] = {
    "Petugas Samsat Kupang minta uang 1,5 juta kepada saya waktu urus "
    "pajak motor kemarin pagi di kantor",
    "Kepala dinas itu anjing, minta uang terus ke guru honor",
  };
  struct quality *q = NULL;
  struct validator plain, kept;
  struct verdict a, b;
  const char *t[1];
  size_t i;
  union {
    struct quality_judgement j;
    uint64_t w[4];
  } fake;   /* at least the validator's value: whole words */

  ck_assert_int_eq(quality_load(ADUAN_SOURCE_DIR "/config/lexicon.txt",
                                ADUAN_SOURCE_DIR "/config/allowlist.txt",
                                ADUAN_SOURCE_DIR "/config/stopwords.id.txt",
                                &q, NULL), 0);
  validate_defaults(&plain);
  plain.quality = q;
  kept = plain;
  ck_assert_int_eq(validate_stories_new(&kept.stories, 8), 0);
  for (i = 0; i < sizeof(stories) / sizeof(stories[0]); i++) {
    ck_assert_int_eq(validate_field(&plain, FIELD_KRONOLOGI, stories[i], 0,
                                    &a), 0);
    ck_assert_int_eq(validate_field(&kept, FIELD_TEXT, stories[i], 0, &b),
                     0);
    ck_assert_int_eq(validate_field(&kept, FIELD_KRONOLOGI, stories[i], 0,
                                    &b), 0);
    ck_assert_int_eq(a.ok, b.ok);
    ck_assert_str_eq(a.code != NULL ? a.code : "", b.code != NULL ? b.code
                                                                  : "");
    ck_assert_uint_eq(a.marks, b.marks);
  }
  ck_assert_int_eq(a.ok, 0);    /* the second story insults */
  /* The judgement kept is the one used: a threat kept for a clean story
   * stops it. */
  incident_memo_clear(kept.stories);
  memset(&fake, 0, sizeof(fake));
  fake.j.verdict = QUALITY_THREAT;
  t[0] = stories[0];
  incident_memo_keep(kept.stories, t, 1, &fake);
  ck_assert_int_eq(validate_field(&kept, FIELD_KRONOLOGI, stories[0], 0, &b),
                   0);
  ck_assert_int_eq(b.ok, 0);
  ck_assert_str_eq(b.code, "threat");
  ck_assert_int_eq(validate_field(&plain, FIELD_KRONOLOGI, stories[0], 0,
                                  &a), 0);
  ck_assert_int_eq(a.ok, 1);
  incident_memo_free(kept.stories);
  quality_free(q);
}
END_TEST

/* A lokasi answer validated with its place match made already gives the
 * verdict validate_field() gives; the match given is the one read. */
START_TEST(place_match_given)
{
  static const char *const texts[] = {
    "Wolowaru", "Kupang", "Stasiun Manggarai, Jakarta", "desa xyzzy qwv",
    "ok", "di kab. kupang", "Desa Oelnasi, Kupang Tengah, Kab Kupang",
  };
  struct place_list *pl = NULL;
  struct place_match pm, other;
  struct validator vd;
  struct verdict a, b;
  size_t i;

  ck_assert_int_eq(place_load(ADUAN_SOURCE_DIR "/config/wilayah.txt", &pl,
                              NULL), 0);
  validate_defaults(&vd);
  vd.places = pl;
  for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
    ck_assert_int_eq(place_match(pl, texts[i], &pm), 0);
    ck_assert_int_eq(validate_field(&vd, FIELD_LOKASI, texts[i], 0, &a), 0);
    ck_assert_int_eq(validate_field_placed(&vd, FIELD_LOKASI, texts[i], 0,
                                           &pm, &b), 0);
    ck_assert_int_eq(a.ok, b.ok);
    ck_assert_str_eq(a.code != NULL ? a.code : "", b.code != NULL ? b.code
                                                                  : "");
    ck_assert_str_eq(a.place_code != NULL ? a.place_code : "",
                     b.place_code != NULL ? b.place_code : "");
    ck_assert_str_eq(a.place_at != NULL ? a.place_at : "",
                     b.place_at != NULL ? b.place_at : "");
    ck_assert_int_eq(validate_field_placed(&vd, FIELD_LOKASI, texts[i], 0,
                                           NULL, &b), 0);
    ck_assert_int_eq(a.ok, b.ok);
    ck_assert_str_eq(a.code != NULL ? a.code : "", b.code != NULL ? b.code
                                                                  : "");
  }
  /* Kupang ties two kabupaten; given Wolowaru's match it is Wolowaru. */
  ck_assert_int_eq(place_match(pl, "Wolowaru", &other), 0);
  ck_assert_int_eq(other.matched, 1);
  ck_assert_int_eq(validate_field(&vd, FIELD_LOKASI, "Kupang", 0, &a), 0);
  ck_assert_int_eq(a.ok, 0);
  ck_assert_int_eq(validate_field_placed(&vd, FIELD_LOKASI, "Kupang", 0,
                                         &other, &b), 0);
  ck_assert_int_eq(b.ok, 1);
  ck_assert_str_eq(b.place_code, other.code);
  /* Read for the place only. */
  ck_assert_int_eq(validate_field_placed(&vd, FIELD_NAMA, "Kupang", 0,
                                         &other, &b), 0);
  ck_assert_ptr_null(b.place_code);
  place_free(pl);
}
END_TEST

static Suite *
incident_memo_suite(void)
{
  Suite *s = suite_create("incident_memo");
  TCase *tc = tcase_create("memo");

  tcase_add_test(tc, same_texts_found);
  tcase_add_test(tc, other_texts_not_found);
  tcase_add_test(tc, least_recently_used_replaced);
  tcase_add_loop_test(tc, any_bytes_kept, 0, 2);
  tcase_add_test(tc, sized_values_kept);
  tcase_add_test(tc, story_judged_once);
  tcase_add_test(tc, place_match_given);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(incident_memo_suite)
