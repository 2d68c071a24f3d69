/*
 * test_place.c: the gazetteer matcher: the shipped list of NTT
 * (kabupaten/kota, kecamatan, desa) against the ways reporters write
 * places (table-driven), choices for ambiguous answers, ordinary text
 * that must name no place, hostile input, and every loader error an admin
 * can meet, each with its "FILE:LINE:".
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/err.h"
#include "rules/place.h"
#include "testutil.h"

#define SHIPPED ADUAN_SOURCE_DIR "/config/wilayah.txt"
#define AMBIGUOUS "?"   /* expected code: two places tie */

struct place_case {
  const char *text;
  const char *code;   /* NULL: no match; AMBIGUOUS: no match, a tie */
  int distance;
};

static const struct place_case cases[] = {
  /* Every kabupaten/kota by its official name. */
  {"Kabupaten Sumba Barat", "5301", 0},
  {"Kabupaten Sumba Timur", "5302", 0},
  {"Kabupaten Kupang", "5303", 0},
  {"Kabupaten Timor Tengah Selatan", "5304", 0},
  {"Kabupaten Timor Tengah Utara", "5305", 0},
  {"Kabupaten Belu", "5306", 0},
  {"Kabupaten Alor", "5307", 0},
  {"Kabupaten Lembata", "5308", 0},
  {"Kabupaten Flores Timur", "5309", 0},
  {"Kabupaten Sikka", "5310", 0},
  {"Kabupaten Ende", "5311", 0},
  {"Kabupaten Ngada", "5312", 0},
  {"Kabupaten Manggarai", "5313", 0},
  {"Kabupaten Rote Ndao", "5314", 0},
  {"Kabupaten Manggarai Barat", "5315", 0},
  {"Kabupaten Sumba Tengah", "5316", 0},
  {"Kabupaten Sumba Barat Daya", "5317", 0},
  {"Kabupaten Nagekeo", "5318", 0},
  {"Kabupaten Manggarai Timur", "5319", 0},
  {"Kabupaten Sabu Raijua", "5320", 0},
  {"Kabupaten Malaka", "5321", 0},
  {"Kota Kupang", "5371", 0},

  /* Every one by a common variant: capital, abbreviation, short name. */
  {"Waikabubak", "5301", 0},
  {"waingapu", "5302", 0},
  {"Oelamasi", "5303", 0},
  {"TTS", "5304", 0},
  {"SoE", "5304", 0},
  {"TTU", "5305", 0},
  {"Kefa", "5305", 0},
  {"Kefamenanu", "5305", 0},
  {"Atambua", "5306", 0},
  {"Kalabahi", "5307", 0},
  {"Lewoleba", "5308", 0},
  {"Flotim", "5309", 0},
  {"Larantuka", "5309", 0},
  {"Maumere", "5310", 0},
  {"Sika", "5310", 0},
  {"ende", "5311", 0},
  {"Bajawa", "5312", 0},
  {"Ruteng", "5313", 0},
  {"Mangarai", "5313", 0},
  {"Ba'a", "5314", 0},
  {"Rote", "5314", 0},
  {"Labuan Bajo", "5315", 0},
  {"Mabar", "5315", 0},
  {"Waibakul", "5316", 0},
  {"SBD", "5317", 0},
  {"Tambolaka", "5317", 0},
  {"Mbay", "5318", 0},
  {"Matim", "5319", 0},
  {"Borong", "5319", 0},
  {"Sabu", "5320", 0},
  {"Savu", "5320", 0},
  {"Seba", "5320", 0},
  {"Betun", "5321", 0},
  {"Oebobo", "5371", 0},

  /* Kota Kupang and Kabupaten Kupang stay apart; plain Kupang is both. */
  {"kab. kupang", "5303", 0},
  {"Kab Kupang", "5303", 0},
  {"Kab.Kupang", "5303", 0},
  {"PEMKAB KUPANG", "5303", 0},
  {"kota kupang", "5371", 0},
  {"Pemkot Kupang", "5371", 0},
  {"kot. kupang", "5371", 0},
  {"kupang", AMBIGUOUS, 0},
  {"di Kupang", AMBIGUOUS, 0},
  {"Kota Kupang atau Kab. Kupang", AMBIGUOUS, 0},
  {"Kupang kota", "5371", 0},                  /* "kota" settles it */
  {"di kpg kota, dekat pasar", "5371", 0},
  /* Towns in SMS shorthand. */
  {"samsat wgp", "5302", 0},
  {"di lbj dekat pelabuhan", "5315", 0},

  /* The longest name wins. */
  {"sumba barat daya", "5317", 0},
  {"Sumba Barat", "5301", 0},
  {"kab. sumba barat daya", "5317", 0},
  {"manggarai barat", "5315", 0},
  {"manggarai", "5313", 0},
  {"manggarai timur", "5319", 0},
  {"Labuan Bajo, Ruteng", "5315", 0},

  /* Extra words around the name. */
  {"di kab. kupang", "5303", 0},
  {"Desa Oelnasi, Kupang Tengah, Kab Kupang", "5303", 0},
  {"Desa Oelnasi, Kupang Tengah", "5303", 0},
  {"maumere sikka", "5310", 0},
  {"di kantor camat di Atambua, dekat pasar", "5306", 0},
  {"Kel. Oebobo, Kota Kupang", "5371", 0},
  {"Waingapu, Sumba Timur", "5302", 0},

  /* Writing: case, punctuation, one word, accents, curly apostrophes. */
  {"LABUANBAJO", "5315", 0},
  {"labuan-bajo", "5315", 0},
  {"sumbabaratdaya", "5317", 0},
  {"So\xe2\x80\x99" "e", "5304", 0},          /* So'e, typed on a phone */
  {"Kabupat\xc3\xa9n Sikka", "5310", 0},      /* an accent */
  {"  (tts)!!! ", "5304", 0},
  {"\xff\xfe" "Ende\xc3", "5311", 0},         /* invalid UTF-8 around */

  /* Misspellings within the forgiven distance. */
  {"Manggrai", "5313", 1},
  {"Manggarai Barta", "5315", 1},             /* two letters swapped */
  {"mangarai timur", "5319", 1},
  {"Kefamananu", "5305", 1},
  {"Larantukka", "5309", 1},
  {"Waingapoe", "5302", 2},
  {"Kabupatn Sikka", "5310", 1},
  {"Timor Tengah Selatn", "5304", 1},
  {"Nagekoe", "5318", 1},

  /* Too far, too short to forgive, or not a whole word. */
  {"Lerentuuka", NULL, 0},
  {"Endee", NULL, 0},
  {"Alorr", NULL, 0},
  {"kalender", NULL, 0},
  {"endek", NULL, 0},
  {"Sikkasaja", NULL, 0},
  {"Sumbawa", NULL, 0},

  /* Not places of NTT, or ordinary words near a place name. */
  {"Jakarta", NULL, 0},
  {"Surabaya", NULL, 0},
  {"rumah saya", NULL, 0},
  {"", NULL, 0},
  {"   ...   ", NULL, 0},
  {"Sumbar", "5301", 0},                       /* Sumba Barat, as NTT writes it */
  {"Jatim", NULL, 0},
  {"di lorong pasar", NULL, 0},
  {"kurang tahu", NULL, 0},
  {"di lembaga itu", NULL, 0},

  /* Two different places tie. */
  {"Atambua atau Kalabahi", AMBIGUOUS, 0},

  /* Kecamatan and desa/kelurahan (wilayah-desa.txt) give their
   * kabupaten/kota. */
  {"Wolowaru", "5311", 0},
  {"Wolowaru, Kabupaten Ende", "5311", 0},
  {"kec. wolowaru", "5311", 0},
  {"Oesao", "5303", 0},                        /* desa and kelurahan */
  {"Oesao, Kupang Timur", "5303", 0},
  {"Desa Oesao Kabupaten Kupang", "5303", 0},
  {"Haharu", "5302", 0},
  {"Wanokaka", "5301", 0},
  {"desa praibakul, kec. wanokaka", "5301", 0},
  {"Desa Praibakul, Sumba Barat", "5301", 0},
  {"Praibakul Sumba Timur", "5302", 0},        /* two there, one kabupaten */
  {"Praibakul", AMBIGUOUS, 0},                 /* Sumba Barat or Timur */
  {"Desa Merdeka", AMBIGUOUS, 0},              /* Alor or Lembata */
  {"Desa Merdeka, Lembata", "5308", 0},
  {"Kelurahan Merdeka, Kota Kupang", "5371", 0},
  {"Oinlasi", "5304", 0},                      /* three, all in TTS */
  {"kel. Oebobo", "5371", 0},
  {"Kota Soe", "5304", 0},                     /* a kecamatan */
  {"desa Oelbiteno, Kupang", "5303", 0},
  {"Desa Nule, Alor", "5307", 0},
  {"Naikoten", "5371", 0},                     /* Naikoten Satu and Dua */
  {"Kelurahan Naikoten Dua", "5371", 0},
  {"Camplong", "5303", 0},                     /* Camplong I and II */
  {"Nule", AMBIGUOUS, 0},                      /* TTS or Alor */

  /* Old regions that name several kecamatan of one kabupaten
   * (Amfoang Utara, Amfoang Selatan...). */
  {"Amfoang", "5303", 0},
  {"desa di amfoang", "5303", 0},
  {"Amanuban", "5304", 0},
  {"Mollo", "5304", 0},
  {"Biboki", "5305", 0},
  {"Miomaffo", "5305", 0},
  {"Tasifeto", "5306", 0},
  {"Wewewa", "5317", 0},

  /* Places outside NTT, even when they share a word with one. */
  {"Jakarta Selatan", NULL, 0},
  {"Kota Bandung", NULL, 0},
  {"Kabupaten Sleman", NULL, 0},
  {"Kecamatan Kebayoran Baru", NULL, 0},
};

#define NCASES ((int)(sizeof(cases) / sizeof(cases[0])))

static struct place_list *
load_shipped(void)
{
  struct place_list *pl = NULL;

  ck_assert_int_eq(place_load(SHIPPED, &pl, NULL), 0);
  ck_assert_ptr_nonnull(pl);
  return pl;
}

START_TEST(place_table)
{
  const struct place_case *c = &cases[_i];
  struct place_list *pl = load_shipped();
  struct place_match m;

  ck_assert_int_eq(place_match(pl, c->text, &m), 0);
  if (c->code == NULL || strcmp(c->code, AMBIGUOUS) == 0) {
    ck_assert_msg(!m.matched, "'%s' matched %s %s", c->text,
                  m.code ? m.code : "", m.name ? m.name : "");
    ck_assert_ptr_null(m.code);
    ck_assert_ptr_null(m.name);
    ck_assert_msg(m.ambiguous == (c->code != NULL),
                  "'%s': ambiguous is %d", c->text, m.ambiguous);
  } else {
    ck_assert_msg(m.matched, "'%s' matched nothing (ambiguous %d)",
                  c->text, m.ambiguous);
    ck_assert_msg(strcmp(m.code, c->code) == 0, "'%s' matched %s %s, not %s",
                  c->text, m.code, m.name, c->code);
    ck_assert_str_eq(m.name, place_name(pl, c->code));
    ck_assert_msg(m.distance == c->distance, "'%s': distance %d, not %d",
                  c->text, m.distance, c->distance);
    ck_assert_int_eq(m.ambiguous, 0);
  }
  place_free(pl);
}
END_TEST

START_TEST(place_shipped_list)
{
  static const char *const codes[] = {
    "5301", "5302", "5303", "5304", "5305", "5306", "5307", "5308",
    "5309", "5310", "5311", "5312", "5313", "5314", "5315", "5316",
    "5317", "5318", "5319", "5320", "5321", "5371",
  };
  struct place_list *pl = NULL;
  struct diag d;
  size_t i;

  diag_init(&d);
  ck_assert_int_eq(place_load(SHIPPED, &pl, &d), 0);
  ck_assert_msg(d.errors == 0 && d.warnings == 0, "%s", d.text.data);
  /* The 22 kabupaten/kota, then the generated kecamatan and desa. */
  ck_assert_int_eq(place_count(pl), 22 + 315 + 3442);
  for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
    ck_assert_msg(place_name(pl, codes[i]) != NULL, "no %s", codes[i]);
  ck_assert_str_eq(place_name(pl, "5371"), "Kota Kupang");
  ck_assert_str_eq(place_name(pl, "5304"), "Kabupaten Timor Tengah Selatan");
  ck_assert_ptr_null(place_name(pl, "5372"));
  ck_assert_ptr_null(place_name(pl, NULL));
  ck_assert_ptr_null(place_name(NULL, "5371"));
  ck_assert_int_eq(place_count(NULL), 0);
  place_free(pl);
  place_free(NULL);
  diag_free(&d);
}
END_TEST

START_TEST(place_bad_arguments)
{
  struct place_list *pl = load_shipped();
  struct place_match m;

  ck_assert_int_eq(place_match(NULL, "TTS", &m), -EINVAL);
  ck_assert_int_eq(place_match(pl, "TTS", NULL), -EINVAL);
  m.matched = 1;
  m.ambiguous = 1;
  ck_assert_int_eq(place_match(pl, NULL, &m), 0);
  ck_assert_int_eq(m.matched, 0);
  ck_assert_int_eq(m.ambiguous, 0);
  ck_assert_ptr_null(m.code);
  place_free(pl);
}
END_TEST

/* 10 000 bytes of every value but NUL, from a fixed seed: no crash, and
 * the same answer twice. */
START_TEST(place_hostile_bytes)
{
  struct place_list *pl = load_shipped();
  struct place_match a, b;
  char *text = malloc(10001);
  uint32_t x = 12345u + (uint32_t)_i;
  int i;

  ck_assert_ptr_nonnull(text);
  for (i = 0; i < 10000; i++) {
    x = x * 1103515245u + 12345u;
    text[i] = (char)(1 + (x >> 16) % 255);
  }
  text[10000] = '\0';
  ck_assert_int_eq(place_match(pl, text, &a), 0);
  ck_assert_int_eq(place_match(pl, text, &b), 0);
  ck_assert_int_eq(a.matched, b.matched);
  ck_assert_int_eq(a.ambiguous, b.ambiguous);
  ck_assert(!(a.matched && a.ambiguous));
  ck_assert_ptr_eq(a.code, b.code);
  free(text);
  place_free(pl);
}
END_TEST

/* Long texts: the whole of them is read, a repeated name still matches,
 * and one endless word matches nothing. */
START_TEST(place_long_text)
{
  struct place_list *pl = load_shipped();
  struct place_match m;
  struct buf b = BUF_INIT;
  int i;

  for (i = 0; i < 1000; i++)
    ck_assert_int_eq(buf_puts(&b, "manggarai "), 0);
  ck_assert_int_eq(place_match(pl, b.data, &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.code, "5313");

  buf_reset(&b);
  for (i = 0; i < 1000; i++)
    ck_assert_int_eq(buf_puts(&b, "rumah saya "), 0);
  ck_assert_int_eq(buf_puts(&b, "kab. kupang"), 0);
  ck_assert_int_eq(place_match(pl, b.data, &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.code, "5303");

  buf_reset(&b);
  for (i = 0; i < 10000; i++)
    ck_assert_int_eq(buf_puts(&b, i % 2 ? "e" : "a"), 0);
  ck_assert_int_eq(place_match(pl, b.data, &m), 0);
  ck_assert_int_eq(m.matched, 0);

  /* Overlong words around a name do not hide it. */
  ck_assert_int_eq(buf_puts(&b, " Ende "), 0);
  for (i = 0; i < 100; i++)
    ck_assert_int_eq(buf_puts(&b, "kupangkupang"), 0);
  ck_assert_int_eq(place_match(pl, b.data, &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.code, "5311");
  buf_free(&b);
  place_free(pl);
}
END_TEST

/* ------------------------------------------------------------ loading */

struct fixture {
  char *dir;
  char *path;
  struct diag diag;
  struct place_list *pl;
  int rc;
};

static void
load_text(struct fixture *fx, const char *text)
{
  fx->dir = tu_tmpdir();
  ck_assert_ptr_nonnull(fx->dir);
  fx->path = tu_path(fx->dir, "wilayah.txt");
  ck_assert_int_eq(tu_write_file(fx->path, text), 0);
  diag_init(&fx->diag);
  fx->pl = (struct place_list *)&fx->pl;  /* must be reset */
  fx->rc = place_load(fx->path, &fx->pl, &fx->diag);
}

static void
fixture_free(struct fixture *fx)
{
  place_free(fx->pl);
  diag_free(&fx->diag);
  tu_rmrf(fx->dir);
  free(fx->path);
  free(fx->dir);
}

static const char *
diag_text(const struct fixture *fx)
{
  return fx->diag.text.data != NULL ? fx->diag.text.data : "";
}

/* The diagnostics hold "PATH" immediately followed by tail. */
static void
assert_diag(const struct fixture *fx, const char *tail)
{
  struct buf want = BUF_INIT;

  ck_assert_int_eq(buf_printf(&want, "%s%s", fx->path, tail), 0);
  ck_assert_msg(strstr(diag_text(fx), want.data) != NULL,
                "missing \"%s\" in:\n%s", want.data, diag_text(fx));
  buf_free(&want);
}

/* The load failed with exactly this many errors. */
static void
assert_failed(const struct fixture *fx, int errors)
{
  ck_assert_int_eq(fx->rc, AERR_CONFIG);
  ck_assert_ptr_null(fx->pl);
  ck_assert_msg(fx->diag.errors == errors, "want %d errors, got %d:\n%s",
                errors, fx->diag.errors, diag_text(fx));
}

static const char *
match_code(const struct place_list *pl, const char *text)
{
  struct place_match m;

  ck_assert_int_eq(place_match(pl, text, &m), 0);
  return m.matched ? m.code : "-";
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define ANY_LEVEL (-1)

/* A text and the place it names. */
struct told {
  const char *text;
  const char *code;   /* its kabupaten/kota (m.code), or NULL: any */
  const char *place;  /* the place itself (m.place.code), or NULL: any */
  int level;          /* the place's, or ANY_LEVEL */
};

/* Each of t[0..n) names its place in pl. */
static void
assert_told(const struct place_list *pl, const struct told *t, size_t n)
{
  struct place_match m;
  size_t i;

  for (i = 0; i < n; i++) {
    ck_assert_int_eq(place_match(pl, t[i].text, &m), 0);
    ck_assert_msg(m.matched, "'%s' matched nothing (ambiguous %d)",
                  t[i].text, m.ambiguous);
    ck_assert_msg(t[i].code == NULL || strcmp(m.code, t[i].code) == 0,
                  "'%s' is %s (%s), not %s", t[i].text, m.code,
                  m.place.code, t[i].code);
    ck_assert_msg(t[i].place == NULL || strcmp(m.place.code, t[i].place) == 0,
                  "'%s' is %s, not %s", t[i].text, m.place.code, t[i].place);
    ck_assert_msg(t[i].level == ANY_LEVEL || m.place.level == t[i].level,
                  "'%s' (%s): level %d, not %d", t[i].text, m.place.code,
                  m.place.level, t[i].level);
  }
}

/* None of texts[0..n) names a place in pl, nor two. */
static void
assert_no_place(const struct place_list *pl, const char *const *texts,
                size_t n)
{
  struct place_match m;
  size_t i;

  for (i = 0; i < n; i++) {
    ck_assert_int_eq(place_match(pl, texts[i], &m), 0);
    ck_assert_msg(!m.matched && !m.ambiguous, "'%s' names %s", texts[i],
                  m.matched ? m.place.label : "two places");
  }
}

/* Comments (whole-line and trailing), blank lines, a byte order mark,
 * CRLF, and a line without aliases. */
START_TEST(place_load_good_file)
{
  struct fixture fx;

  load_text(&fx, "\xef\xbb\xbf# NTT, in part\r\n"
                 "\r\n"
                 "5371 | Kota Kupang | Oebobo   # a kecamatan\r\n"
                 "   # indented comment\n"
                 "5310|Kabupaten Sikka|Maumere;Sika;\n"
                 "5311 | Kabupaten Ende\n"
                 "not-a-typo | siksa\n");
  ck_assert_int_eq(fx.rc, 0);
  ck_assert_int_eq(fx.diag.errors, 0);
  ck_assert_int_eq(place_count(fx.pl), 3);
  ck_assert_str_eq(place_name(fx.pl, "5310"), "Kabupaten Sikka");
  ck_assert_str_eq(match_code(fx.pl, "kelurahan oebobo"), "5371");
  ck_assert_str_eq(match_code(fx.pl, "MAUMERE"), "5310");
  ck_assert_str_eq(match_code(fx.pl, "ende"), "5311");
  ck_assert_str_eq(match_code(fx.pl, "a kecamatan"), "-");
  fixture_free(&fx);
}
END_TEST

START_TEST(place_load_bad_line)
{
  struct fixture fx;

  load_text(&fx, "5371 | Kota Kupang\n"
                 "Kabupaten Sikka\n"
                 "5310 | Kabupaten Sikka | Maumere | Sika\n");
  assert_failed(&fx, 2);
  assert_diag(&fx, ":2: expected 'CODE | Official Name | alias; alias; ...'");
  assert_diag(&fx, ":3: expected 'CODE | Official Name | alias; alias; ...'");
  fixture_free(&fx);
}
END_TEST

START_TEST(place_load_bad_code_and_name)
{
  struct fixture fx;

  load_text(&fx, "KPG | Kota Kupang\n"
                 "5310 |  | Maumere\n"
                 "12345678901234567 | Kabupaten Ende\n");
  assert_failed(&fx, 3);
  assert_diag(&fx, ":1: 'KPG' is not a code");
  assert_diag(&fx, ":2: the official name is empty");
  assert_diag(&fx, ":3: '12345678901234567' is not a code");
  fixture_free(&fx);
}
END_TEST

START_TEST(place_load_duplicate_code)
{
  struct fixture fx;

  load_text(&fx, "5371 | Kota Kupang\n"
                 "5310 | Kabupaten Sikka\n"
                 "5371 | Kabupaten Ende\n");
  assert_failed(&fx, 1);
  assert_diag(&fx, ":3: duplicate code 5371 (first on line 1)");
  fixture_free(&fx);
}
END_TEST

/* An alias under two codes, also when written differently ("Kab." is
 * "Kabupaten") or when it is another place's official name; the same
 * alias twice for one place is no error. */
START_TEST(place_load_alias_claimed_twice)
{
  struct fixture fx;

  load_text(&fx, "5371 | Kota Kupang | Kupang; Oebobo; oebobo\n"
                 "5303 | Kabupaten Kupang | Kab. Kupang; KUPANG\n"
                 "5310 | Kabupaten Sikka | Oebobo; Kabupaten  kupang\n");
  assert_failed(&fx, 3);
  assert_diag(&fx, ":2: 'KUPANG' already names 5371 Kota Kupang (line 1)");
  assert_diag(&fx, ":3: 'Oebobo' already names 5371 Kota Kupang (line 1)");
  assert_diag(&fx, ":3: 'Kabupaten  kupang' already names 5303 Kabupaten "
                   "Kupang (line 2)");
  fixture_free(&fx);
}
END_TEST

START_TEST(place_load_bad_aliases)
{
  struct fixture fx;

  load_text(&fx, "5371 | Kota Kupang | !!!; Kota\n"
                 "5310 | Kabupaten Sikka | a b c d e f g h i\n"
                 "5311 | Kabupaten Ende | "
                 "endeendeendeendeendeendeendeendeendeendeende\n"
                 "5312 | Kabupaten Ngada | \xc5\x9e" "ada\n"
                 "5313 | Kabupaten Manggarai | Ruteng \xff\n");
  assert_failed(&fx, 6);
  assert_diag(&fx, ":1: '!!!' has no letters or digits");
  assert_diag(&fx, ":1: 'Kota' alone names no place");
  assert_diag(&fx, ":2: 'a b c d e f g h i' has more than 8 words");
  assert_diag(&fx, ":3: 'endeendeendeendeendeendeendeendeendeendeende' has "
                   "a word longer than 40 letters");
  assert_diag(&fx, ":4: '\xc5\x9e" "ada' has letters that cannot be "
                   "compared");
  assert_diag(&fx, ":5: not valid UTF-8");
  fixture_free(&fx);
}
END_TEST

START_TEST(place_load_bad_not_a_typo)
{
  struct fixture fx;

  load_text(&fx, "5308 | Kabupaten Lembata\n"
                 "not-a-typo | lembaga | kurang\n"
                 "not-a-typo | lembaga; kantor desa; -+-\n");
  assert_failed(&fx, 3);
  assert_diag(&fx, ":2: expected 'not-a-typo | word; word; ...'");
  assert_diag(&fx, ":3: 'kantor desa' is not one word");
  assert_diag(&fx, ":3: '-+-' is not one word");
  fixture_free(&fx);
}
END_TEST

START_TEST(place_load_empty_file)
{
  struct fixture fx;

  load_text(&fx, "# nothing yet\n\nnot-a-typo | kurang\n");
  assert_failed(&fx, 1);
  assert_diag(&fx, ": no places listed");
  fixture_free(&fx);
}
END_TEST

START_TEST(place_load_unreadable_file)
{
  struct place_list *pl = (struct place_list *)&pl;
  struct diag d;

  diag_init(&d);
  ck_assert_int_eq(place_load("/nonexistent/aduan/wilayah.txt", &pl, &d),
                   -ENOENT);
  ck_assert_ptr_null(pl);
  ck_assert_int_eq(d.errors, 1);
  ck_assert_ptr_nonnull(
    strstr(d.text.data, "/nonexistent/aduan/wilayah.txt: cannot open"));
  diag_free(&d);
}
END_TEST

/* Errors already in diag do not make a good file fail; diag may be
 * NULL. */
START_TEST(place_load_counts_only_its_own_errors)
{
  struct fixture fx;
  struct place_list *pl = NULL;

  fx.dir = tu_tmpdir();
  ck_assert_ptr_nonnull(fx.dir);
  fx.path = tu_path(fx.dir, "wilayah.txt");
  ck_assert_int_eq(tu_write_file(fx.path, "5311 | Kabupaten Ende\n"), 0);
  diag_init(&fx.diag);
  diag_error(&fx.diag, "aduand.conf", 3, "earlier problem");
  fx.rc = place_load(fx.path, &fx.pl, &fx.diag);
  ck_assert_int_eq(fx.rc, 0);
  ck_assert_int_eq(fx.diag.errors, 1);
  ck_assert_int_eq(place_load(fx.path, &pl, NULL), 0);
  ck_assert_int_eq(place_count(pl), 1);
  place_free(pl);
  fixture_free(&fx);
}
END_TEST

/* The not-a-typo list is what keeps "lembaga" from being Lembata. */
START_TEST(place_not_a_typo_words)
{
  struct fixture fx;
  struct place_match m;

  load_text(&fx, "5308 | Kabupaten Lembata\n");
  ck_assert_int_eq(fx.rc, 0);
  ck_assert_int_eq(place_match(fx.pl, "di lembaga", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_int_eq(m.distance, 1);
  fixture_free(&fx);

  load_text(&fx, "5308 | Kabupaten Lembata\nnot-a-typo | Lembaga\n");
  ck_assert_int_eq(fx.rc, 0);
  ck_assert_str_eq(match_code(fx.pl, "di lembaga"), "-");
  ck_assert_str_eq(match_code(fx.pl, "di lembatta"), "5308");
  ck_assert_str_eq(match_code(fx.pl, "di lembata"), "5308");
  fixture_free(&fx);
}
END_TEST

/* What an admin writes beats what is derived: with "Kupang" an alias of
 * Kota Kupang, plain Kupang is no longer a tie. */
START_TEST(place_written_alias_beats_derived)
{
  struct fixture fx;
  struct place_match m;

  load_text(&fx, "5303 | Kabupaten Kupang\n5371 | Kota Kupang\n");
  ck_assert_int_eq(fx.rc, 0);
  ck_assert_int_eq(place_match(fx.pl, "Kupang", &m), 0);
  ck_assert_int_eq(m.matched, 0);
  ck_assert_int_eq(m.ambiguous, 1);
  fixture_free(&fx);

  load_text(&fx, "5303 | Kabupaten Kupang\n5371 | Kota Kupang | Kupang\n");
  ck_assert_int_eq(fx.rc, 0);
  ck_assert_str_eq(match_code(fx.pl, "Kupang"), "5371");
  ck_assert_str_eq(match_code(fx.pl, "kab kupang"), "5303");
  fixture_free(&fx);
}
END_TEST

/* A landmark's name that is only its kind and a common word ("Pasar
 * Inpres", Kupang's) gives way to a place of another kabupaten/kota named
 * right after it: the reporter names that town's market. */
START_TEST(place_landmark_yields_to_town_after_it)
{
  static const struct told markets[] = {
    {"Pasar Inpres Kefa", "5305", NULL, PLACE_KABUPATEN},
    {"pasar inpres, Kefa", "5305", NULL, PLACE_KABUPATEN},
    {"Pasar Inpres", "5371", NULL, PLACE_LANDMARK},
    {"Pasar Inpres Naikoten, Kupang", "5371", NULL, PLACE_LANDMARK},
    {"Pasar Inpres Oebobo", "5371", NULL, PLACE_LANDMARK},
  };
  struct fixture fx;

  load_text(&fx, "5305 | Kabupaten Timor Tengah Utara | TTU; Kefa\n"
                 "5371 | Kota Kupang | Kupang\n"
                 "53.71.05 | Kecamatan Kota Raja | | 5371\n"
                 "53.71.04 | Kecamatan Oebobo | | 5371\n"
                 "landmark | Pasar Inpres Naikoten | Pasar Inpres | "
                 "53.71.05\n");
  ck_assert_int_eq(fx.rc, 0);
  assert_told(fx.pl, markets, NELEM(markets));
  fixture_free(&fx);
}
END_TEST

/* "Pulau Adonara" is the island, not the village of that name that the
 * town rule would report: after "pulau" a kabupaten's alias means the
 * kabupaten. */
START_TEST(place_island_is_its_kabupaten)
{
  struct fixture fx;
  struct place_match m;

  load_text(&fx, "5309 | Kabupaten Flores Timur | Larantuka; Adonara\n"
                 "53.06.17 | Kecamatan Adonara | | 5309\n"
                 "53.06.17.2007 | Desa Adonara | | 53.06.17\n");
  ck_assert_int_eq(fx.rc, 0);
  ck_assert_int_eq(place_match(fx.pl, "pulau adonara", &m), 0);
  ck_assert(m.matched);
  ck_assert_str_eq(m.place.code, "5309");
  ck_assert_int_eq(place_match(fx.pl, "di Pulau Adonara, Flotim", &m), 0);
  ck_assert_str_eq(m.place.code, "5309");
  ck_assert_int_eq(place_match(fx.pl, "Desa Adonara", &m), 0);
  ck_assert_str_eq(m.place.code, "53.06.17.2007");
  fixture_free(&fx);
}
END_TEST

/* A kelurahan named after its town with "Kota" after the name
 * (Waiwerang Kota) is the town's: the name alone names it, as a name
 * without its numbering word does. */
START_TEST(place_town_kelurahan_without_kota)
{
  static const struct told told[] = {
    {"Waiwerang", "5309", "53.06.10.1001", PLACE_DESA},
    {"kel. waiwerang", "5309", "53.06.10.1001", PLACE_DESA},
    {"di waiwerang, adonara timur", "5309", "53.06.10.1001", PLACE_DESA},
    {"Waiwerang Kota", "5309", "53.06.10.1001", PLACE_DESA},
    {"Kota Uneng", "5310", "53.07.05.1009", PLACE_DESA},
  };
  static const char *const none[] = {"Kota", "uneng"};
  struct fixture fx;

  load_text(&fx, "5309 | Kabupaten Flores Timur | Larantuka\n"
                 "5310 | Kabupaten Sikka | Maumere\n"
                 "53.06.10 | Kecamatan Adonara Timur | | 5309\n"
                 "53.06.10.1001 | Kelurahan Waiwerang Kota | | 53.06.10\n"
                 "53.07.05 | Kecamatan Alok | | 5310\n"
                 "53.07.05.1009 | Kelurahan Kota Uneng | | 53.07.05\n"
                 "landmark | Pelabuhan Waiwerang | | 53.06.10\n");
  ck_assert_msg(fx.rc == 0, "%s", diag_text(&fx));
  assert_told(fx.pl, told, NELEM(told));
  assert_no_place(fx.pl, none, NELEM(none));
  fixture_free(&fx);
}
END_TEST

/* An alias that begins the names of several kecamatan of its kabupaten
 * is an island or an old region, not a town: written alone it names the
 * kabupaten, though a kecamatan and a desa bear the name exactly; after
 * "Kecamatan" or "Desa" it still names those. */
START_TEST(place_region_of_several_kecamatan)
{
  static const struct told told[] = {
    {"Adonara", "5309", "5309", PLACE_KABUPATEN},
    {"adonara flotim", "5309", "5309", PLACE_KABUPATEN},
    {"Kec. Adonara", "5309", "53.06.17", PLACE_KECAMATAN},
    {"Desa Adonara", "5309", "53.06.17.2007", PLACE_DESA},
    {"Adonara Timur", "5309", "53.06.10", PLACE_KECAMATAN},
    {"Larantuka", "5309", "53.06.03", PLACE_KECAMATAN},
  };
  struct fixture fx;

  load_text(&fx, "5309 | Kabupaten Flores Timur | Larantuka; Adonara\n"
                 "53.06.03 | Kecamatan Larantuka | | 5309\n"
                 "53.06.03.1004 | Kelurahan Larantuka | | 53.06.03\n"
                 "53.06.08 | Kecamatan Adonara Barat | | 5309\n"
                 "53.06.10 | Kecamatan Adonara Timur | | 5309\n"
                 "53.06.17 | Kecamatan Adonara | | 5309\n"
                 "53.06.17.2007 | Desa Adonara | | 53.06.17\n"
                 "town | 53.06.03 | Larantuka\n");
  ck_assert_msg(fx.rc == 0, "%s", diag_text(&fx));
  assert_told(fx.pl, told, NELEM(told));
  fixture_free(&fx);
}
END_TEST

/* A landmark written with its kind abbreviated (RSUD, Bandara, PLBN)
 * matches the kind written out too. */
START_TEST(place_landmark_kind_written_out)
{
  static const char *const texts[] = {
    "rumah sakit umum daerah kalabahi", "Rumah Sakit Kalabahi",
    "bandar udara mali", "Pos Lintas Batas Negara Motaain",
    "rumah sakit umum kalabahi",
  };
  static const char *const codes[] = {
    "RSUD Kalabahi", "RSUD Kalabahi", "Bandara Mali", "PLBN Motaain",
    "RSUD Kalabahi",
  };
  struct fixture fx;
  struct place_match m;
  size_t i;

  load_text(&fx, "5307 | Kabupaten Alor | Kalabahi\n"
                 "5306 | Kabupaten Belu | Atambua\n"
                 "53.05.01 | Kecamatan Teluk Mutiara | | 5307\n"
                 "landmark | RSUD Kalabahi | RS Kalabahi; RSU Kalabahi | "
                 "5307\n"
                 "landmark | Bandara Mali | | 5307\n"
                 "landmark | PLBN Motaain | | 5306\n");
  ck_assert_int_eq(fx.rc, 0);
  for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
    ck_assert_int_eq(place_match(fx.pl, texts[i], &m), 0);
    ck_assert_msg(m.matched && m.place.level == PLACE_LANDMARK &&
                  strcmp(m.place.name, codes[i]) == 0,
                  "'%s': matched %d level %d %s", texts[i], m.matched,
                  m.place.level, m.matched ? m.place.name : "");
  }
  fixture_free(&fx);
}
END_TEST

/* The office of every bupati is a landmark of its kabupaten, by the
 * kabupaten's name or its shorthand ("Kantor Bupati TTS"). */
START_TEST(place_shipped_kantor_bupati)
{
  static const struct told offices[] = {
    {"Kantor Bupati Sumba Barat", "5301", NULL, PLACE_LANDMARK},
    {"kantor bupati sumtim", "5302", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Kupang", "5303", NULL, PLACE_LANDMARK},
    {"kantor bupati TTS di Soe", "5304", NULL, PLACE_LANDMARK},
    {"Kantor Bupati TTU", "5305", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Belu", "5306", NULL, PLACE_LANDMARK},
    {"kantor bupati alor", "5307", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Lembata", "5308", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Flotim", "5309", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Sikka", "5310", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Ende", "5311", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Ngada", "5312", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Manggarai", "5313", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Rote Ndao", "5314", NULL, PLACE_LANDMARK},
    {"kantor bupati mabar", "5315", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Sumba Tengah", "5316", NULL, PLACE_LANDMARK},
    {"Kantor Bupati SBD", "5317", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Nagekeo", "5318", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Manggarai Timur", "5319", NULL, PLACE_LANDMARK},
    {"Kantor Bupati Sabu Raijua", "5320", NULL, PLACE_LANDMARK},
    {"kantor bupati malaka di betun", "5321", NULL, PLACE_LANDMARK},
  };
  struct place_list *pl = load_shipped();

  assert_told(pl, offices, NELEM(offices));
  place_free(pl);
}
END_TEST

/* The seat of each kabupaten and the other towns of the shipped list
 * name the kecamatan that holds the town (Ruteng lies in Langke
 * Rembong, not in Kecamatan Ruteng); the kabupaten's own name stays the
 * kabupaten; a kind word asks for the place of the name. */
START_TEST(place_shipped_towns_name_kecamatan)
{
  static const struct told towns[] = {
    {"Ruteng", "5313", "53.10.12", PLACE_KECAMATAN},
    {"Atambua", "5306", "53.04.12", PLACE_KECAMATAN},
    {"Larantuka", "5309", "53.06.03", PLACE_KECAMATAN},
    {"Bajawa", "5312", "53.09.06", PLACE_KECAMATAN},
    {"Soe", "5304", "53.02.01", PLACE_KECAMATAN},
    {"labuanbajo", "5315", "53.15.05", PLACE_KECAMATAN},
    {"Labuan Bajo", "5315", "53.15.05", PLACE_KECAMATAN},
    {"Kefa", "5305", "53.03.05", PLACE_KECAMATAN},
    {"Kefamenanu", "5305", "53.03.05", PLACE_KECAMATAN},
    {"TTU kefa", "5305", "53.03.05", PLACE_KECAMATAN},
    {"Betun", "5321", "53.21.01", PLACE_KECAMATAN},
    {"Ba'a", "5314", "53.14.03", PLACE_KECAMATAN},
    {"Seba", "5320", "53.20.01", PLACE_KECAMATAN},
    /* Beside the kabupaten's long name, whose last word is a kecamatan
     * of it ("Raijua" in "Sabu Raijua"): the town written apart holds. */
    {"Seba Sabu Raijua", "5320", "53.20.01", PLACE_KECAMATAN},
    {"Puskesmas Seba, Sabu Raijua", "5320", "53.20.01", PLACE_KECAMATAN},
    {"Raijua, Sabu Raijua", "5320", "53.20.06", PLACE_KECAMATAN},
    {"Sabu Raijua", "5320", "5320", PLACE_KABUPATEN},
    {"Kalabahi", "5307", "53.05.01", PLACE_KECAMATAN},
    {"Lewoleba", "5308", "53.13.05", PLACE_KECAMATAN},
    {"Maumere", "5310", "53.07.05", PLACE_KECAMATAN},
    {"Mbay", "5318", "53.16.01", PLACE_KECAMATAN},
    {"Aimere", "5312", "53.09.01", PLACE_KECAMATAN},
    {"aimere, ngada", "5312", "53.09.01", PLACE_KECAMATAN},
    {"Borong", "5319", "53.19.01", PLACE_KECAMATAN},
    {"Waingapu", "5302", "53.11.01", PLACE_KECAMATAN},
    {"Waikabubak", "5301", "53.12.15", PLACE_KECAMATAN},
    {"Waibakul", "5316", "53.17.01", PLACE_KECAMATAN},
    {"Tambolaka", "5317", "53.18.09", PLACE_KECAMATAN},
    {"Oelamasi", "5303", "53.01.06", PLACE_KECAMATAN},
    {"Atapupu", "5306", "53.04.05", PLACE_KECAMATAN},
    {"Wini", "5305", "53.03.09", PLACE_KECAMATAN},
    {"Kel. Soe", "5304", "53.02.01.1001", PLACE_DESA},
    {"Kelurahan Atambua", "5306", "53.04.12.1001", PLACE_DESA},
    {"Kec. Ruteng", "5313", "53.10.03", PLACE_KECAMATAN},
    {"Pelabuhan Atapupu", "5306", NULL, PLACE_LANDMARK},
    {"Ende", "5311", "5311", PLACE_KABUPATEN},
    {"Kota Kupang", "5371", "5371", PLACE_KABUPATEN},
  };
  struct place_list *pl = load_shipped();

  assert_told(pl, towns, NELEM(towns));
  place_free(pl);
}
END_TEST

/* A town written as a name of its kabupaten ("Soe", "Waingapu") names
 * the official place inside it that bears the name, the finest, or else
 * the one called "Kota" and the name; the kabupaten's own name, a town
 * inside a longer name and the kabupaten's other names stay the
 * kabupaten; "kantor lurah X" names the kelurahan. */
START_TEST(place_town_names_its_place)
{
  static const struct told towns[] = {
    {"Soe", NULL, "53.02.01.1001", PLACE_DESA},
    {"di Soe, TTS", NULL, "53.02.01.1001", PLACE_DESA},
    {"Waingapu", NULL, "53.11.01", PLACE_KECAMATAN},
    {"TTS", NULL, "5304", PLACE_KABUPATEN},
    {"Sabu Raijua", NULL, "5320", PLACE_KABUPATEN},
    {"kantor lurah Oebobo", NULL, "53.71.04.1001", PLACE_DESA},
    {"Kalabahi", NULL, "53.05.01", PLACE_KECAMATAN},
  };
  struct fixture fx;

  load_text(&fx, "5304 | Kabupaten Timor Tengah Selatan | TTS; Soe\n"
                 "5302 | Kabupaten Sumba Timur | Waingapu\n"
                 "5320 | Kabupaten Sabu Raijua | Sabu Raijua; Raijua\n"
                 "5371 | Kota Kupang | Kupang\n"
                 "53.02.01 | Kecamatan Kota Soe | | 5304\n"
                 "53.02.01.1001 | Kelurahan SoE | | 53.02.01\n"
                 "53.11.01 | Kecamatan Kota Waingapu | | 5302\n"
                 "53.20.06 | Kecamatan Raijua | | 5320\n"
                 "53.71.04 | Kecamatan Oebobo | | 5371\n"
                 "53.71.04.1001 | Kelurahan Oebobo | | 53.71.04\n"
                 "5307 | Kabupaten Alor | Kalabahi\n"
                 "53.05.01 | Kecamatan Teluk Mutiara | | 5307\n"
                 "53.05.01.1001 | Kelurahan Kalabahi Barat | | 53.05.01\n"
                 "53.05.01.1002 | Kelurahan Kalabahi Kota | | 53.05.01\n");
  ck_assert_int_eq(fx.rc, 0);
  assert_told(fx.pl, towns, NELEM(towns));
  fixture_free(&fx);
}
END_TEST

/* A town line names the kecamatan that holds the town, at level
 * kecamatan, though a place inside it bears the town's name; the name
 * becomes one of its kabupaten's (written there or not), also joined
 * into one word; a kind word before it still asks for that place. */
START_TEST(place_town_line_names_its_kecamatan)
{
  static const struct told towns[] = {
    {"Ruteng", "5313", "53.10.12", PLACE_KECAMATAN},
    {"Labuan Bajo", "5315", "53.15.05", PLACE_KECAMATAN},
    {"labuanbajo", "5315", "53.15.05", PLACE_KECAMATAN},
    {"Kec. Ruteng", "5313", "53.10.03", PLACE_KECAMATAN},
    {"Kelurahan Labuan Bajo", "5315", "53.15.05.1025", PLACE_DESA},
    {"Manggarai", "5313", "5313", PLACE_KABUPATEN},
  };
  struct fixture fx;

  load_text(&fx, "5313 | Kabupaten Manggarai | Ruteng\n"
                 "5315 | Kabupaten Manggarai Barat | Mabar\n"
                 "53.10.03 | Kecamatan Ruteng | | 5313\n"
                 "53.10.12 | Kecamatan Langke Rembong | | 5313\n"
                 "53.15.05 | Kecamatan Komodo | | 5315\n"
                 "53.15.05.1025 | Kelurahan Labuan Bajo | | 53.15.05\n"
                 "town | 53.10.12 | Ruteng\n"
                 "town | 53.15.05 | Labuan Bajo\n");
  ck_assert_msg(fx.rc == 0, "%s", diag_text(&fx));
  assert_told(fx.pl, towns, NELEM(towns));
  fixture_free(&fx);
}
END_TEST

/* A town line names a kecamatan listed above it. */
START_TEST(place_load_bad_town)
{
  struct fixture fx;

  load_text(&fx, "5313 | Kabupaten Manggarai | Ruteng\n"
                 "53.10.12 | Kecamatan Langke Rembong | | 5313\n"
                 "town | 53.10.99 | Ruteng\n"
                 "town | 5313 | Ruteng\n"
                 "town | 53.10.12\n");
  assert_failed(&fx, 3);
  assert_diag(&fx, ":3: '53.10.99' is not a kecamatan listed above");
  assert_diag(&fx, ":4: '5313' is not a kecamatan listed above");
  assert_diag(&fx, ":5: expected 'town | KECAMATAN | name; name; ...'");
  fixture_free(&fx);
}
END_TEST

/* ------------------------------------------------- the whole gazetteer */

/* The choice among c[0..n) with this code, or NULL. */
static const struct place_choice *
find_choice(const struct place_match *m, const char *code)
{
  int i;

  for (i = 0; i < m->nchoices; i++)
    if (strcmp(m->choice[i].code, code) == 0)
      return &m->choice[i];
  return NULL;
}

/* A kecamatan or desa gives its own code, name, level and label besides
 * its kabupaten/kota. */
START_TEST(place_desa_and_kecamatan)
{
  struct place_list *pl = load_shipped();
  struct place_match m;

  ck_assert_int_eq(place_match(pl, "Wolowaru, Kabupaten Ende", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.code, "5311");
  ck_assert_str_eq(m.name, "Kabupaten Ende");
  ck_assert_str_eq(m.place.code, "53.08.08");
  ck_assert_str_eq(m.place.name, "Kecamatan Wolowaru");
  ck_assert_str_eq(m.place.kab_code, "5311");
  ck_assert_int_eq(m.place.level, PLACE_KECAMATAN);
  ck_assert_str_eq(m.place.label, "Kecamatan Wolowaru, Kabupaten Ende");
  ck_assert_int_eq(m.nchoices, 0);

  /* Named with its kind word, one Oesao of the two. */
  ck_assert_int_eq(place_match(pl, "Desa Oesao Kabupaten Kupang", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.place.code, "53.01.06.2015");
  ck_assert_int_eq(m.place.level, PLACE_DESA);
  ck_assert_str_eq(m.place.label, "Desa Oesao, Kecamatan Kupang Timur, "
                                  "Kabupaten Kupang");
  ck_assert_str_eq(m.code, "5303");

  /* Plain Oesao: both lie in Kupang Timur, which matches, with the two
   * as choices. */
  ck_assert_int_eq(place_match(pl, "Oesao, Kupang Timur", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_int_eq(m.ambiguous, 0);
  ck_assert_str_eq(m.place.code, "53.01.06");
  ck_assert_str_eq(m.code, "5303");
  ck_assert_int_eq(m.nchoices, 2);
  ck_assert_ptr_nonnull(find_choice(&m, "53.01.06.1004"));
  ck_assert_ptr_nonnull(find_choice(&m, "53.01.06.2015"));

  /* A namesake elsewhere is ruled out by the kecamatan named. */
  ck_assert_int_eq(place_match(pl, "desa praibakul, kec. wanokaka", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.place.code, "53.12.11.2003");
  ck_assert_str_eq(m.code, "5301");

  /* Namesakes numbered I and II, Satu and Dua: by the name alone, the
   * kecamatan they share; by the number, each. */
  ck_assert_int_eq(place_match(pl, "Naikoten", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.place.code, "53.71.05");
  ck_assert_int_eq(m.nchoices, 2);
  ck_assert_int_eq(place_match(pl, "kel. naikoten dua", &m), 0);
  ck_assert_str_eq(m.place.code, "53.71.05.1005");
  ck_assert_int_eq(place_match(pl, "Desa Camplong II", &m), 0);
  ck_assert_str_eq(m.place.code, "53.01.10.2007");
  /* One of them bears the bare name (Bakunase beside Bakunase Dua): the
   * name alone is still both, after its kind word (misspelt too) that
   * one. */
  ck_assert_int_eq(place_match(pl, "Bakunase", &m), 0);
  ck_assert_str_eq(m.place.code, "53.71.05");
  ck_assert_int_eq(place_match(pl, "kelurahan Bakunase", &m), 0);
  ck_assert_str_eq(m.place.code, "53.71.05.1001");
  ck_assert_int_eq(place_match(pl, "Kel. Bakunasse", &m), 0);
  ck_assert_str_eq(m.place.code, "53.71.05.1001");
  ck_assert_int_eq(place_match(pl, "kelurahan Bakunase Dua", &m), 0);
  ck_assert_str_eq(m.place.code, "53.71.05.1002");

  /* A kabupaten/kota is its own place. */
  ck_assert_int_eq(place_match(pl, "kota kupang", &m), 0);
  ck_assert_str_eq(m.place.code, "5371");
  ck_assert_str_eq(m.place.kab_code, "5371");
  ck_assert_str_eq(m.place.label, "Kota Kupang");
  ck_assert_int_eq(m.place.level, PLACE_KABUPATEN);
  place_free(pl);
}
END_TEST

/* An ambiguous answer lists the places it may mean, with their
 * kabupaten/kota, for the reporter to choose from. */
START_TEST(place_ambiguous_choices)
{
  struct place_list *pl = load_shipped();
  const struct place_choice *c;
  struct place_match m;

  ck_assert_int_eq(place_match(pl, "Kupang", &m), 0);
  ck_assert_int_eq(m.matched, 0);
  ck_assert_int_eq(m.ambiguous, 1);
  ck_assert_int_eq(m.nchoices, 2);
  ck_assert_int_eq(m.more_choices, 0);
  ck_assert_str_eq(m.choice[0].code, "5303");    /* by label */
  ck_assert_str_eq(m.choice[1].code, "5371");
  c = find_choice(&m, "5303");
  ck_assert_ptr_nonnull(c);
  ck_assert_str_eq(c->name, "Kabupaten Kupang");
  c = find_choice(&m, "5371");
  ck_assert_ptr_nonnull(c);
  ck_assert_str_eq(c->kab_name, "Kota Kupang");

  ck_assert_int_eq(place_match(pl, "kpg", &m), 0);
  ck_assert_int_eq(m.ambiguous, 1);
  ck_assert_int_eq(m.nchoices, 2);

  ck_assert_int_eq(place_match(pl, "Praibakul", &m), 0);
  ck_assert_int_eq(m.matched, 0);
  ck_assert_int_eq(m.ambiguous, 1);
  ck_assert_int_eq(m.nchoices, 3);
  c = find_choice(&m, "53.11.02.2006");
  ck_assert_ptr_nonnull(c);
  ck_assert_str_eq(c->name, "Desa Praibakul");
  ck_assert_str_eq(c->kab_code, "5302");
  ck_assert_str_eq(c->kab_name, "Kabupaten Sumba Timur");
  ck_assert_str_eq(c->label, "Desa Praibakul, Kecamatan Haharu, "
                             "Kabupaten Sumba Timur");
  ck_assert_int_eq(c->level, PLACE_DESA);
  c = find_choice(&m, "53.12.11.2003");
  ck_assert_ptr_nonnull(c);
  ck_assert_str_eq(c->kab_code, "5301");
  ck_assert_ptr_nonnull(find_choice(&m, "53.11.19.2005"));

  /* Not ambiguous, no choices. */
  ck_assert_int_eq(place_match(pl, "Jakarta Selatan", &m), 0);
  ck_assert_int_eq(m.ambiguous, 0);
  ck_assert_int_eq(m.nchoices, 0);
  place_free(pl);
}
END_TEST

/* A desa of several words written as one, and a misspelt landmark of
 * several words; neither forgiveness reaches ordinary words. */
START_TEST(place_joined_names_and_landmark_typos)
{
  static const char *const none[] = {
    "undang", "diundang rapat di kantor", "Tenaw", "tenda",
    "pelabuhan tenda", "batuplatt", "kampus", "pelabuhan",
  };
  struct place_list *pl = load_shipped();
  struct place_match m;

  ck_assert_int_eq(place_match(pl, "Batuplat", &m), 0);
  ck_assert_msg(m.matched, "Batuplat matched nothing");
  ck_assert_str_eq(m.code, "5371");
  ck_assert_str_eq(m.place.code, "53.71.01.1009");
  ck_assert_int_eq(m.place.level, PLACE_DESA);
  ck_assert_int_eq(m.distance, 0);

  ck_assert_int_eq(place_match(pl, "kel. batuplat, alak", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.place.code, "53.71.01.1009");

  ck_assert_int_eq(place_match(pl, "Pelabuhan Tenaw", &m), 0);
  ck_assert_msg(m.matched, "Pelabuhan Tenaw matched nothing");
  ck_assert_str_eq(m.code, "5371");
  ck_assert_int_eq(m.place.level, PLACE_LANDMARK);
  ck_assert_str_eq(m.place.name, "Pelabuhan Tenau");
  ck_assert_int_eq(m.distance, 1);

  ck_assert_int_eq(place_match(pl, "di pelabuhan lewoleba", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_int_eq(m.distance, 0);
  ck_assert_str_eq(m.code, "5308");

  assert_no_place(pl, none, NELEM(none));
  place_free(pl);
}
END_TEST

/* The place named after "kejadian", "terjadi" or "lokasi" is where it
 * happened: a place named before it (where the reporter comes from or
 * works, in NTT or outside) does not count.  Without such a word, or
 * with the outside place after it, outside NTT still wins. */
START_TEST(place_named_after_incident_word)
{
  static const struct {
    const char *text;
    const char *code;     /* NULL: outside NTT */
  } told[] = {
    {"dari Surabaya, kejadiannya di Ende", "5311"},
    {"saya kerja di Malaysia, kejadian di desa Oesao", "5303"},
    {"dulu di Jakarta, kejadian ini di Kefa", "5305"},
    {"sy dari Soe, tp terjadi di Atambua", "5306"},
    {"orang Bali, lokasi di pasar Oeba", "5371"},
    {"kejadian di Jakarta, saya orang Kupang", NULL},
    {"saya dari Kupang tapi kejadian di Surabaya", NULL},
    {"Stasiun Manggarai, Jakarta", NULL},
    {"Maumere, kejadian waktu saya di Malaysia", NULL},
  };
  struct place_list *pl = load_shipped();
  struct place_match m;
  size_t i;

  for (i = 0; i < sizeof(told) / sizeof(told[0]); i++) {
    ck_assert_int_eq(place_match(pl, told[i].text, &m), 0);
    if (told[i].code == NULL) {
      ck_assert_msg(m.outside && !m.matched, "'%s': not outside",
                    told[i].text);
      continue;
    }
    ck_assert_msg(m.matched && !m.outside, "'%s' matched nothing (outside "
                  "%d, ambiguous %d)", told[i].text, m.outside,
                  m.ambiguous);
    ck_assert_msg(strcmp(m.code, told[i].code) == 0, "'%s' matched %s",
                  told[i].text, m.code);
  }
  place_free(pl);
}
END_TEST

/* A place outside NTT named as where someone or something went (a trip,
 * a training, a transfer, "ke Malaysia") or came from ("dari Jakarta")
 * is not where it happened: the NTT office, kabupaten or desa of the text
 * wins.  When the NTT place is only the reporter's origin and the act is
 * told to be outside, or only outside places are named, outside NTT
 * still wins. */
START_TEST(place_outside_destination_yields)
{
  static const struct {
    const char *text;
    const char *code;     /* NULL: outside NTT */
  } told[] = {
    {"Dinas PMD Kabupaten Sumba Barat ikut bimtek di Bali", "5301"},
    {"Petugas Disnakertrans Kabupaten Belu minta uang paspor ke Malaysia",
     "5306"},
    {"Kepala Desa Oesao studi banding ke Jakarta pakai dana desa", "5303"},
    {"bendahara BPBD Kota Kupang pakai uang perjalanan dinas di Surabaya",
     "5371"},
    {"calo di Atambua kirim TKI ke Malaysia tanpa dokumen", "5306"},
    {"kades Oesao beli tiket pesawat ke Jakarta pakai dana desa", "5303"},
    {"pegawai dinas kesehatan Kabupaten Ende ikut diklat di Makassar tapi "
     "uang harian dipotong", "5311"},
    {"saya dari Jakarta, di Bandara El Tari petugas minta uang", "5371"},
    {"datang dari Surabaya, petugas Pelabuhan Tenau minta uang", "5371"},
    {"baru pulang dari Malaysia", NULL},
    {"kejadiannya di Jakarta", NULL},
    {"di terminal Kampung Rambutan Jakarta", NULL},
    {"di kampung Melayu, Jakarta Timur", NULL},
    {"desa silawan, perbatasan RI RDTL", "5306"},
    {"Atambua, perbatasan Indonesia dengan Timor Leste", "5306"},
    {"waktu saya kerja di Malaysia, agen di Johor minta uang", NULL},
    {"Saya orang Kupang tapi kejadiannya di Surabaya", NULL},
    {"Denpasar, Bali", NULL},
    {"saya asal Belu, di Malaysia majikan tahan paspor saya", NULL},
    {"berangkat ke Malaysia", NULL},
  };
  struct place_list *pl = load_shipped();
  struct place_match m;
  size_t i;

  for (i = 0; i < NELEM(told); i++) {
    ck_assert_int_eq(place_match(pl, told[i].text, &m), 0);
    if (told[i].code == NULL) {
      ck_assert_msg(m.outside && !m.matched, "'%s': not outside (matched "
                    "%s)", told[i].text, m.matched ? m.place.label : "-");
      continue;
    }
    ck_assert_msg(m.matched && !m.outside, "'%s' matched nothing (outside "
                  "%d, ambiguous %d)", told[i].text, m.outside,
                  m.ambiguous);
    ck_assert_msg(strcmp(m.code, told[i].code) == 0, "'%s' matched %s",
                  told[i].text, m.code);
  }
  place_free(pl);
}
END_TEST

/* A kelurahan whose name holds its town and "kota" is that kelurahan
 * without its kind word too, not the town nor a Kota. */
START_TEST(place_kelurahan_named_with_kota)
{
  static const struct told told[] = {
    {"Kelurahan Kalabahi Kota", "5307", "53.05.01.1002", PLACE_DESA},
    {"Pendamping PKH Kalabahi Kota minta uang", "5307", "53.05.01.1002",
     PLACE_DESA},
    {"di Kalabahi Kota", "5307", "53.05.01.1002", PLACE_DESA},
  };
  struct place_list *pl = load_shipped();

  assert_told(pl, told, NELEM(told));
  place_free(pl);
}
END_TEST

/* A kecamatan or desa name too short for a misspelling to be forgiven
 * is still found with a letter doubled, a final h added or dropped, or
 * the glide heard between two vowels written out (y after i, w after
 * u: "Lasiyana", "Tuwapukan"), the commonest slips; ordinary words stay
 * words. */
START_TEST(place_doubled_letter_and_final_h)
{
  static const struct {
    const char *text;
    const char *code;
  } told[] = {
    {"Oesapah", "53.71.03.1010"},
    {"Lasianna", "53.71.03.1011"},
    {"kel. Sikumanna", "53.71.02.1008"},
    {"Desa Noelbakki", "53.01.08.2008"},
    {"lasiyana", "53.71.03.1011"},
    {"desa Tuwapukan", "53.01.06.2006"},
  };
  static const char *const none[] = {
    "rumahh", "sudahh", "tanahh", "di kantorr", "Oesapahh",
  };
  struct place_list *pl = load_shipped();
  struct place_match m;
  size_t i;

  for (i = 0; i < sizeof(told) / sizeof(told[0]); i++) {
    ck_assert_int_eq(place_match(pl, told[i].text, &m), 0);
    ck_assert_msg(m.matched, "'%s' matched nothing", told[i].text);
    ck_assert_str_eq(m.place.code, told[i].code);
    ck_assert_int_eq(m.distance, 1);
  }
  assert_no_place(pl, none, NELEM(none));
  place_free(pl);
}
END_TEST

/* NTT writes Timor for Timur ("Flores Timor"): the kabupaten is meant;
 * islands listed one after the other ("Sumba, Timor") are no misspelt
 * kabupaten. */
START_TEST(place_timor_for_timur)
{
  static const struct told told[] = {
    {"Flores Timor", "5309", NULL, ANY_LEVEL},
    {"kab. manggarai timor", "5319", NULL, ANY_LEVEL},
    {"Sumba Timor, dekat Waingapu", "5302", NULL, ANY_LEVEL},
  };
  static const char *const none[] = {
    "Sumba, Timor", "Flores, Timor dan Sumba", "pulau Sumba / Timor",
  };
  struct place_list *pl = load_shipped();

  assert_told(pl, told, NELEM(told));
  assert_no_place(pl, none, NELEM(none));
  place_free(pl);
}
END_TEST

/* A desa named in several kabupaten is the one that lies in the same
 * kecamatan as another desa the answer names ("Desa Oebelo dekat Tarus":
 * both in Kupang Tengah); alone, or beside a desa of another kecamatan,
 * it is still offered as choices. */
START_TEST(place_namesake_beside_neighbour)
{
  static const struct told told[] = {
    {"desa oebelo dekat tarus", "5303", "53.01.08.2010", PLACE_DESA},
    {"Oebelo, sebelah Noelbaki", "5303", NULL, ANY_LEVEL},  /* a tie */
    {"kel. merdeka, oesao", "5303", NULL, ANY_LEVEL},
  };
  static const char *const still[] = {"desa oebelo", "oebelo, lasiana"};
  struct place_list *pl = load_shipped();
  struct place_match m;
  size_t i;

  assert_told(pl, told, NELEM(told));
  for (i = 0; i < NELEM(still); i++) {
    ck_assert_int_eq(place_match(pl, still[i], &m), 0);
    ck_assert_msg(m.ambiguous || (m.matched && m.place.level == 0),
                  "'%s' names %s", still[i], m.place.label);
  }
  place_free(pl);
}
END_TEST

/* A kabupaten named as where people come from ("orang Rote", "suku
 * Sabu", "asal Alor") is not the place when the answer names another;
 * alone it still is. */
START_TEST(place_origin_is_not_the_place)
{
  static const struct told told[] = {
    {"orang rote di oebufu", "5371", "53.71.04.1009", PLACE_DESA},
    {"asal alor, tinggal di lasiana", "5371", NULL, PLACE_DESA},
    {"pelaku suku sabu, di kel. naikolan", "5371", NULL, PLACE_DESA},
    {"orang rote", "5314", NULL, ANY_LEVEL},
  };
  struct place_list *pl = load_shipped();

  assert_told(pl, told, NELEM(told));
  place_free(pl);
}
END_TEST

/* A place named as where a ticket, a boat, a transfer or the reporter
 * goes ("tiket ferry Rote", "kapal ke Kalabahi", "transfer ke rekening di
 * Ende", "mau pi Rote") is
 * not where it happened when the text names another place; alone it
 * still is. */
START_TEST(place_destination_is_not_the_place)
{
  static const struct told told[] = {
    {"Loket ASDP Bolok jual tiket ferry Rote mahal", "5303", NULL,
     ANY_LEVEL},
    {"di pelabuhan Tenau petugas jual tiket kapal ke Kalabahi dua kali lipat",
     "5371", NULL, ANY_LEVEL},
    {"bendahara desa Oelnasi transfer uang ke Ende untuk anaknya", "5303",
     NULL, ANY_LEVEL},
    {"tiket ferry Rote", "5314", NULL, ANY_LEVEL},
    /* Going there, in Kupang Malay or not. */
    {"Senin itu beta mau pi Rote, di Bolok tiket kapal dong jual seratus "
     "dua puluh ribu", "5303", NULL, ANY_LEVEL},
    {"Saya berangkat ke Kalabahi, petugas di pelabuhan Tenau minta uang",
     "5371", NULL, ANY_LEVEL},
    {"beta pi kantor camat Kupang Barat", "5303", NULL, ANY_LEVEL},
  };
  struct place_list *pl = load_shipped();

  assert_told(pl, told, NELEM(told));
  place_free(pl);
}
END_TEST

/* The initials of a kabupaten written with dots ("T.T.S.") are the
 * kabupaten, as without them. */
START_TEST(place_dotted_initials)
{
  static const struct told told[] = {
    {"T.T.S.", "5304", NULL, PLACE_KABUPATEN},
    {"kab. t.t.u", "5305", NULL, PLACE_KABUPATEN},
    {"S.B.D", "5317", NULL, PLACE_KABUPATEN},
  };
  struct place_list *pl = load_shipped();

  assert_told(pl, told, NELEM(told));
  place_free(pl);
}
END_TEST

/* Kupang writes its kelurahan of long names by their initials: TDM is
 * Tuak Daun Merah, LLBK Lai Lai Bisi Kopan, also beside "Kupang". */
START_TEST(place_initials_of_kelurahan)
{
  static const struct told told[] = {
    {"TDM", "5371", "53.71.04.1014", PLACE_DESA},
    {"di tdm", "5371", "53.71.04.1014", PLACE_DESA},
    {"LLBK", "5371", "53.71.06.1002", PLACE_DESA},
    /* With the town they lie in, they are still that kelurahan. */
    {"tdm kupang", "5371", "53.71.04.1014", PLACE_DESA},
    {"TDM, Kota Kupang", "5371", "53.71.04.1014", PLACE_DESA},
    {"llbk kpg", "5371", "53.71.06.1002", PLACE_DESA},
    /* Beside a place they do not lie in, that place. */
    {"tdm soe", "5304", NULL, ANY_LEVEL},
  };
  struct place_list *pl = load_shipped();

  assert_told(pl, told, NELEM(told));
  place_free(pl);
}
END_TEST

/* A name of a word said twice ("Niki-Niki") is written the SMS way with
 * a 2 ("niki2"), as Indonesian writes any doubled word. */
START_TEST(place_word_written_twice_with_2)
{
  static const struct told told[] = {
    {"niki2", "5304", "53.02.05.1010", PLACE_DESA},
    {"kel. Niki2, TTS", "5304", "53.02.05.1010", PLACE_DESA},
    {"Niki-niki", "5304", "53.02.05.1010", PLACE_DESA},
    {"lai2 bisi kopan", "5371", "53.71.06.1002", PLACE_DESA},
  };
  static const char *const none[] = {"km2", "orang2 kantor", "rt2"};
  struct place_list *pl = load_shipped();

  assert_told(pl, told, NELEM(told));
  assert_no_place(pl, none, NELEM(none));
  place_free(pl);
}
END_TEST

/* Ports, hospitals and sights reporters name instead of the desa match
 * as those landmarks, in their kabupaten/kota. */
START_TEST(place_more_landmarks)
{
  static const struct told marks[] = {
    {"Pelabuhan Atapupu", "5306", NULL, PLACE_LANDMARK},
    {"di pelabuhan atapupu", "5306", NULL, PLACE_LANDMARK},
    {"Danau Kelimutu", "5311", NULL, PLACE_LANDMARK},
    {"Pelabuhan Waiwerang", "5309", NULL, PLACE_LANDMARK},
    {"RSUD Kalabahi", "5307", NULL, PLACE_LANDMARK},
    {"RSUD Larantuka", "5309", NULL, PLACE_LANDMARK},
    {"RSUD Bajawa", "5312", NULL, PLACE_LANDMARK},
    {"Pelabuhan Reo", "5313", NULL, PLACE_LANDMARK},
    /* Kupang's main market by the name people use; two hospitals. */
    {"pasar kasih", "5371", NULL, PLACE_LANDMARK},
    {"RS Siloam kupang", "5371", NULL, PLACE_LANDMARK},
    {"rsud aeramo", "5318", NULL, PLACE_LANDMARK},
    /* Maumere's port, named after Laurens Say, in both spellings. */
    {"di pelabuhan Laurens Say maumere", "5310", NULL, PLACE_LANDMARK},
    {"Pelabuhan Lorens Say", "5310", NULL, PLACE_LANDMARK},
    /* The cathedral of each diocese, as people name it. */
    {"Katedral Ruteng", "5313", NULL, PLACE_LANDMARK},
    {"misa di gereja katedral Kupang", "5371", NULL, PLACE_LANDMARK},
    {"Katedral Maumere", "5310", NULL, PLACE_LANDMARK},
    {"Katedral Larantuka", "5309", NULL, PLACE_LANDMARK},
    {"Katedral Ende", "5311", NULL, PLACE_LANDMARK},
    {"Katedral Atambua", "5306", NULL, PLACE_LANDMARK},
    {"Katedral Weetebula", "5317", NULL, PLACE_LANDMARK},
    {"Katedral Labuan Bajo", "5315", NULL, PLACE_LANDMARK},
  };
  struct place_list *pl = load_shipped();

  assert_told(pl, marks, NELEM(marks));
  place_free(pl);
}
END_TEST

/* Towns, villages and seminaries well known by a name that is no
 * kecamatan or desa of the official data (Halilulik lies in Desa Naitimu,
 * Watublapi in Desa Kajowair) name the kecamatan that holds them, or
 * match as landmarks (a seminary), in their kabupaten. */
START_TEST(place_towns_not_in_official_data)
{
  static const struct told towns[] = {
    {"Halilulik", "5306", "53.04.04", PLACE_KECAMATAN},
    {"pasar nenuk", "5306", "53.04.04", PLACE_KECAMATAN},
    {"di Lahurus", "5306", "53.04.17", PLACE_KECAMATAN},
    {"melolo sumba timur", "5302", "53.11.08", PLACE_KECAMATAN},
    {"Oepoli, Amfoang", "5303", "53.01.26", PLACE_KECAMATAN},
    {"kiupukan", "5305", "53.03.21", PLACE_KECAMATAN},
    {"kampung Watublapi", "5310", "53.07.18", PLACE_KECAMATAN},
    {"Kisol", "5319", "53.19.06", PLACE_KECAMATAN},
    {"Seminari Ledalero", "5310", NULL, PLACE_LANDMARK},
    {"di ledalero", "5310", NULL, PLACE_LANDMARK},
  };
  struct place_list *pl = load_shipped();

  assert_told(pl, towns, NELEM(towns));
  place_free(pl);
}
END_TEST

/* A city outside NTT whose name is also an ordinary word or a first name
 * (Bima, Malang, Medan, Padang) is outside when called Kota or
 * Kabupaten: "Kota Bima" is not Kota Kupang. */
START_TEST(place_outside_city_by_kind_word)
{
  static const char *const outside[] = {
    "Kota Bima", "kab. bima", "Kota Malang", "di kota medan",
    "Kota Padang, Sumbar", "Kabupaten Sorong",
  };
  struct place_list *pl = load_shipped();
  struct place_match m;
  size_t i;

  for (i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
    ck_assert_int_eq(place_match(pl, outside[i], &m), 0);
    ck_assert_msg(m.outside && !m.matched, "'%s' is not outside (matched "
                  "%s)", outside[i], m.matched ? m.place.label : "-");
  }
  ck_assert_int_eq(place_match(pl, "dalam kota", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.code, "5371");
  place_free(pl);
}
END_TEST

/* Reporters call a kelurahan "desa" and a desa "kelurahan": either kind
 * word names a desa or kelurahan, its own first ("desa oebobo" is the
 * Desa Oebobo of TTS, "kel. oebobo" the Kelurahan of Kota Kupang).  So
 * the kabupaten named beside it picks the namesake and keeps its level
 * ("desa Oebobo kota kupang"), the name of one word beats another's
 * name written joined ("desa Mataloko" is Kelurahan Mataloko, not Desa
 * Mata Loko), and the name covers a place outside NTT that it holds, as
 * after its own kind word ("Kel. Gorontalo" is the Desa Gorontalo of
 * Labuan Bajo, "dari Gorontalo" still the province). */
START_TEST(place_desa_or_kelurahan_either_kind_word)
{
  static const struct told told[] = {
    {"desa Oebobo kota kupang", "5371", "53.71.04.1001", PLACE_DESA},
    {"desa Cendana, TTS", "5304", "53.02.01.1002", PLACE_DESA},
    {"kelurahan oebobo tts", "5304", "53.02.14.2004", PLACE_DESA},
    {"Saya guru honor di desa Mataloko kabupaten ngada, gaji kami dipotong",
     "5312", "53.09.02.1017", PLACE_DESA},
    {"desa oebobo", "5304", "53.02.14.2004", PLACE_DESA},
    {"kel. oebobo", "5371", "53.71.04.1001", PLACE_DESA},
    {"desa Mataloko", "5312", "53.09.02.1017", PLACE_DESA},
    {"desa Mata Loko", "5317", "53.18.02.2004", PLACE_DESA},
    {"Kel. Gorontalo, Labuan Bajo", "5315", "53.15.05.2020", PLACE_DESA},
    {"kelurahan gorontalo", "5315", "53.15.05.2020", PLACE_DESA},
  };
  static const char *const outside[] = {
    "dari Gorontalo", "di Gorontalo", "Kota Gorontalo",
    "kecamatan gorontalo",
  };
  struct place_list *pl = load_shipped();
  struct place_match m;
  size_t i;

  assert_told(pl, told, NELEM(told));
  for (i = 0; i < NELEM(outside); i++) {
    ck_assert_int_eq(place_match(pl, outside[i], &m), 0);
    ck_assert_msg(m.outside && !m.matched, "'%s' is not outside (matched "
                  "%s)", outside[i], m.matched ? m.place.label : "-");
  }
  place_free(pl);
}
END_TEST

/* Ambon, where many from NTT work, is outside NTT written alone too;
 * the banana of its name is no place. */
START_TEST(place_outside_ambon)
{
  static const char *const outside[] = {"ambon", "di Ambon", "sy kerja di "
                                        "ambon", "Kota Ambon", "ternate"};
  struct place_list *pl = load_shipped();
  struct place_match m;
  size_t i;

  for (i = 0; i < NELEM(outside); i++) {
    ck_assert_int_eq(place_match(pl, outside[i], &m), 0);
    ck_assert_msg(m.outside && !m.matched, "'%s' is not outside", outside[i]);
  }
  ck_assert_int_eq(place_match(pl, "kebun pisang ambon di oesao", &m), 0);
  ck_assert_int_eq(m.outside, 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.code, "5303");
  place_free(pl);
}
END_TEST

/* Across the land border: Oecusse (Oekusi, Ambeno), the enclave of
 * Timor-Leste beside TTU, is outside NTT; the border posts named by
 * "perbatasan" are the posts, in Belu, TTU and Malaka. */
START_TEST(place_border_and_enclave)
{
  static const char *const outside[] = {
    "Oecusse", "di oekusi", "Ambeno, Timor Leste", "Kinabalu",
  };
  static const struct told posts[] = {
    {"perbatasan motaain", "5306", NULL, PLACE_LANDMARK},
    {"di perbatasan wini", "5305", NULL, PLACE_LANDMARK},
    {"Perbatasan Motamasin", "5321", NULL, PLACE_LANDMARK},
  };
  struct place_list *pl = load_shipped();
  struct place_match m;
  size_t i;

  for (i = 0; i < NELEM(outside); i++) {
    ck_assert_int_eq(place_match(pl, outside[i], &m), 0);
    ck_assert_msg(m.outside && !m.matched, "'%s' is not outside (matched "
                  "%s)", outside[i], m.matched ? m.place.label : "-");
  }
  assert_told(pl, posts, NELEM(posts));
  place_free(pl);
}
END_TEST

/* A short word (under 5 letters, never forgiven alone) one letter off
 * the last word of a kabupaten name of several words, the others exact,
 * lets the longer name win over the shorter one inside it: "Sumba Barat
 * Daja" is Sumba Barat Daya, never Sumba Barat; so does a word of 3
 * letters, that word with one letter left out ("dya").  Alone, or after a
 * kind word only, such a word stays unforgiven. */
START_TEST(place_short_word_of_longer_name)
{
  static const struct told told[] = {
    {"Sumba Barat Daja", "5317", NULL, ANY_LEVEL},
    {"sumba barat dayah", "5317", NULL, ANY_LEVEL},
    {"Labuhan Baju", "5315", NULL, ANY_LEVEL},
    {"kab. Sumba Barat Daja", "5317", NULL, ANY_LEVEL},
    /* ... or written short, one vowel left out ("dya" for "daya"). */
    {"sumba barat dya", "5317", NULL, ANY_LEVEL},
    {"kab sumba brt dya", "5317", NULL, ANY_LEVEL},
    {"Sumba Barat", "5301", NULL, ANY_LEVEL},
    {"Sumba Barat, dekat kantor", "5301", NULL, ANY_LEVEL},
  };
  static const char *const none[] = {"Enda", "kab enda", "kita kupang",
                                     "dya", "di abu"};
  struct place_list *pl = load_shipped();
  struct place_match m;
  size_t i;

  assert_told(pl, told, NELEM(told));
  for (i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
    ck_assert_int_eq(place_match(pl, none[i], &m), 0);
    ck_assert_msg(!m.matched, "'%s' names %s", none[i], m.place.label);
  }
  place_free(pl);
}
END_TEST

/* An answer that is nothing but the name of a kecamatan or desa made of
 * ordinary words (not-a-name) means that place, the namesakes of other
 * kabupaten offered as choices whatever their level, and so does such a
 * name beside only a place it lies in ("batu putih tts"), also after the
 * "di" of the question "Di mana?" ("di Kota Baru"); the same words in a
 * sentence ("dekat ...") name nothing. */
START_TEST(place_whole_answer_of_ordinary_words)
{
  static const char *const none[] = {
    "dekat pasir panjang", "pasir panjang sekali", "lewat jalan tanah merah",
    "minyak kayu putih", "dekat kota baru", "dekat batu putih tts",
    "rumah di pasir panjang",
  };
  struct place_list *pl = load_shipped();
  struct place_match m;
  size_t i;

  ck_assert_int_eq(place_match(pl, "Pasir Panjang", &m), 0);
  ck_assert_int_eq(m.ambiguous, 1);
  ck_assert_int_eq(m.nchoices, 2);
  ck_assert_ptr_nonnull(find_choice(&m, "53.71.06.1009"));
  ck_assert_ptr_nonnull(find_choice(&m, "53.15.05.2003"));
  ck_assert_int_eq(place_match(pl, "kota baru", &m), 0);
  ck_assert_int_eq(m.ambiguous, 1);
  ck_assert_int_eq(m.nchoices, 3);
  ck_assert_ptr_nonnull(find_choice(&m, "53.08.13"));
  ck_assert_int_eq(place_match(pl, "di Kota Baru", &m), 0);
  ck_assert_int_eq(m.ambiguous, 1);
  ck_assert_int_eq(m.nchoices, 3);
  ck_assert_ptr_nonnull(find_choice(&m, "53.08.13"));
  ck_assert_int_eq(place_match(pl, "di daerah pasir panjang", &m), 0);
  ck_assert_int_eq(m.ambiguous, 1);
  ck_assert_int_eq(m.nchoices, 2);
  ck_assert_ptr_nonnull(find_choice(&m, "53.15.05.2003"));
  ck_assert_int_eq(place_match(pl, "di Kota Lama", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.place.code, "53.71.06");
  ck_assert_int_eq(place_match(pl, "di batu putih, tts", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.place.code, "53.02.14");
  ck_assert_int_eq(place_match(pl, "Kayu Putih.", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.place.code, "53.71.04.1013");
  ck_assert_str_eq(match_code(pl, "Kelurahan Pasir Panjang, Kota Kupang"),
                   "5371");
  /* Desa Bulan named, with a break or a place after it, is still it. */
  ck_assert_str_eq(match_code(pl, "Desa Bulan, Kecamatan Ruteng"), "5313");
  ck_assert_str_eq(match_code(pl, "kantor desa bulan"), "5313");
  ck_assert_str_eq(match_code(pl, "Desa Poli, Kecamatan Santian"), "5304");
  /* The name and the place it lies in, and nothing else: that place. */
  ck_assert_int_eq(place_match(pl, "batu putih tts", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.place.code, "53.02.14");
  ck_assert_int_eq(place_match(pl, "pasir panjang, kota kupang", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.place.code, "53.71.06.1009");
  ck_assert_int_eq(place_match(pl, "Mabar, pasir panjang", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.place.code, "53.15.05.2003");
  for (i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
    ck_assert_int_eq(place_match(pl, none[i], &m), 0);
    ck_assert_msg(!m.ambiguous && (!m.matched || m.place.level == 0),
                  "'%s' names %s", none[i],
                  m.matched ? m.place.label : "two places");
  }
  place_free(pl);
}
END_TEST

/* In a kecamatan or desa name of several words, one word of 5 or more
 * letters may be off by one letter when the rest is exact ("Kec. Kupang
 * Timor"); a name of one word stays strict. */
START_TEST(place_word_of_longer_kecamatan_name)
{
  struct place_list *pl = load_shipped();
  struct place_match m;

  ck_assert_int_eq(place_match(pl, "kec. Kupang Timor", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.place.code, "53.01.06");
  ck_assert_int_eq(place_match(pl, "Kupang Tengh", &m), 0);
  ck_assert_int_eq(m.matched, 1);
  ck_assert_str_eq(m.place.code, "53.01.08");
  ck_assert_int_eq(place_match(pl, "Desa Oelnasy", &m), 0);
  ck_assert_int_eq(m.matched, 0);
  /* Two words off is too far. */
  ck_assert_int_eq(place_match(pl, "Kupeng Timor", &m), 0);
  ck_assert_msg(!m.matched || m.place.level == PLACE_KABUPATEN, "%s",
                m.place.label);
  place_free(pl);
}
END_TEST

/* Sentences of reports (from the conversation tests) that name no place
 * of NTT. */
static const char *const sentences[] = {
  "Saya diminta membayar lima ratus ribu rupiah oleh oknum petugas di "
  "kantor kecamatan untuk mengurus surat keterangan usaha, padahal "
  "layanan itu gratis menurut papan pengumuman di kantor tersebut.",
  "Bendahara desa menahan dana bantuan beras untuk warga miskin selama "
  "tiga bulan",
  "Bukannya ditilang, saya dimintai uang damai 300 ribu. Saya takut motor "
  "saya ditahan",
  "Camat menerima hadiah mobil dari kontraktor proyek jalan desa",
  "Kalau tidak bayar, katanya berkas harus menunggu tiga bulan. Warga "
  "sudah lama mengeluh",
  "Kemarin staff di kantor dinas minta fee untuk urus izin, katanya "
  "supaya cepat",
  "Kepala desa memotong dana bantuan langsung tunai untuk warga miskin",
  "Lurah meminta uang untuk surat keterangan domisili",
  "Petugas loket meminta uang dua ratus ribu rupiah agar izin usaha "
  "cepat keluar",
  "Petugas puskesmas meminta suap agar surat keterangan sehat cepat "
  "selesai",
  "Status saya sebagai guru honorer dipakai kepala sekolah untuk dana BOS",
  "Untuk mengurus sertifikat tanah saya diminta uang pelicin Rp 5.000.000 "
  "oleh petugas",
  "antre sejak pagi disuruh pulang lalu kembali besok. Ibu-ibu hamil dan "
  "anak kecil akhirnya harus ke rumah sakit yang jauh.",
  "Sekitar pukul sepuluh pagi di loket dua, sama seperti minggu lalu",
  "di sini, di rumah saya, dekat pasar baru, lewat jalan tanah merah",
  "polisi lalu lintas minta uang tilang mahal sekali, bulan merdeka",
  "Di kantor lurah, tentang pembuatan KTP, pada hari Senin",
  /* "desa" then "bulan" going on into a time: the month, not Desa Bulan
   * (Manggarai). */
  "Saya datang ke kantor desa bulan lalu, kades minta uang",
  "bagi di kantor desa bulan sembilan",
  "ke desa bulan 3 tahun ini",
  /* A hospital's clinic (poli bedah, poli anak), not Desa Poli. */
  "Dokter di ruang poli bedah minta uang tambahan supaya operasi cepat",
  "Antre di poli anak dari pagi, perawat bilang kartu BPJS sonde berlaku",
};

/* Neither a stop word nor a sentence of a report names a place.  Only
 * the Indonesian stop words count: the sections of regional languages
 * that follow them ("[dawan]") hold words that are also names of desa
 * (Dawan "lasi" is Desa Lasi). */
START_TEST(place_no_accidental_places)
{
  struct place_list *pl = load_shipped();
  struct place_match m;
  char *file, *line, *save = NULL;
  size_t i;
  int words = 0;

  file = tu_read_file(ADUAN_SOURCE_DIR "/config/stopwords.id.txt", NULL);
  ck_assert_ptr_nonnull(file);
  for (line = strtok_r(file, "\r\n", &save); line != NULL;
       line = strtok_r(NULL, "\r\n", &save)) {
    if (line[0] == '[')
      break;
    if (line[0] == '#')
      continue;
    /* The Indonesian stop words only: the [sections] after them hold
     * words of the regional languages, in which many NTT places are
     * named (Dawan "kuan", village). */
    if (line[0] == '[')
      break;
    ck_assert_int_eq(place_match(pl, line, &m), 0);
    ck_assert_msg(!m.matched && !m.ambiguous, "stop word '%s' names %s",
                  line, m.matched ? m.place.label : "two places");
    words++;
  }
  ck_assert_int_gt(words, 100);
  for (i = 0; i < sizeof(sentences) / sizeof(sentences[0]); i++) {
    ck_assert_int_eq(place_match(pl, sentences[i], &m), 0);
    ck_assert_msg(!m.matched && !m.ambiguous, "'%s' names %s", sentences[i],
                  m.matched ? m.place.label : "two places");
  }
  free(file);
  place_free(pl);
}
END_TEST

/* How long one answer takes against the whole gazetteer: printed, never
 * asserted (machines differ). */
START_TEST(place_match_timing)
{
  static const char *const answers[] = {
    "Oesao", "Wolowaru, Kabupaten Ende", "kab kupang", "Desa Praibakul, "
    "Wanokaka", "di kantor camat di Atambua, dekat pasar", "Kupang",
    "Jakarta Selatan", "Manggrai", "Kelurahan Oebobo, Kota Kupang",
    "rumah saya di belakang gereja",
  };
  struct place_list *pl;
  struct place_match m;
  int64_t t0, t1;
  int i, rounds = 250, n = (int)(sizeof(answers) / sizeof(answers[0]));

  t0 = tu_now_ms();
  pl = load_shipped();
  t1 = tu_now_ms();
  printf("place: loading %d places took %lld ms\n", place_count(pl),
         (long long)(t1 - t0));
  t0 = tu_now_ms();
  for (i = 0; i < rounds * n; i++)
    ck_assert_int_eq(place_match(pl, answers[i % n], &m), 0);
  t1 = tu_now_ms();
  printf("place: %d matches in %lld ms, %.2f us each\n", rounds * n,
         (long long)(t1 - t0), (double)(t1 - t0) * 1000.0 / (rounds * n));
  place_free(pl);
}
END_TEST

/* Kecamatan and desa lines: the place they lie in must come first and
 * be no desa. */
START_TEST(place_load_parents)
{
  struct fixture fx;
  struct place_match m;

  load_text(&fx, "5371 | Kota Kupang\n"
                 "53.71.06 | Kecamatan Kota Lama | | 5371\n"
                 "53.71.06.1006 | Kelurahan Merdeka | | 53.71.06\n"
                 "53.71.06.1007 | Kelurahan Oeba | | 53.71.99\n"
                 "53.71.06.1008.1 | Pasar | | 53.71.06.1006\n"
                 "53.71.07 | Kecamatan Maulafa | | 5371 | 5303\n");
  assert_failed(&fx, 3);
  assert_diag(&fx, ":4: '53.71.99' is not a code listed above");
  assert_diag(&fx, ":5: '53.71.06.1006' is a desa or kelurahan: nothing "
                   "lies in it");
  assert_diag(&fx, ":6: expected 'CODE | Official Name | alias; alias; "
                   "...'");
  fixture_free(&fx);

  /* Official names of kecamatan and desa may repeat; not-a-name words
   * need their kind word. */
  load_text(&fx, "5371 | Kota Kupang\n"
                 "5303 | Kabupaten Kupang\n"
                 "53.71.06 | Kecamatan Kota Lama | | 5371\n"
                 "53.71.06.1006 | Kelurahan Merdeka | | 53.71.06\n"
                 "53.01.06 | Kecamatan Kupang Timur | | 5303\n"
                 "53.01.06.1005 | Kelurahan Merdeka | | 53.01.06\n"
                 "53.01.06.1004 | Kelurahan Oesao | | 53.01.06\n"
                 "not-a-name | merdeka\n");
  ck_assert_msg(fx.rc == 0, "%s", diag_text(&fx));
  ck_assert_int_eq(place_count(fx.pl), 7);
  ck_assert_str_eq(match_code(fx.pl, "merdeka"), "-");
  ck_assert_int_eq(place_match(fx.pl, "Kelurahan Merdeka", &m), 0);
  ck_assert_int_eq(m.ambiguous, 1);
  ck_assert_int_eq(m.nchoices, 2);
  ck_assert_str_eq(match_code(fx.pl, "kel merdeka, kota lama"), "5371");
  ck_assert_str_eq(match_code(fx.pl, "Oesao"), "5303");
  ck_assert_str_eq(match_code(fx.pl, "Oesoa"), "-");     /* short: exact */
  fixture_free(&fx);
}
END_TEST

/* One file may include another beside it; its errors carry its own name
 * and lines. */
START_TEST(place_load_include)
{
  struct fixture fx;
  char *sub;
  struct buf want = BUF_INIT;

  fx.dir = tu_tmpdir();
  ck_assert_ptr_nonnull(fx.dir);
  fx.path = tu_path(fx.dir, "wilayah.txt");
  sub = tu_path(fx.dir, "desa.txt");
  ck_assert_int_eq(tu_write_file(fx.path, "5311 | Kabupaten Ende\n"
                                          "include | desa.txt\n"
                                          "include | desa.txt\n"), 0);
  ck_assert_int_eq(tu_write_file(sub, "53.08.08 | Kecamatan Wolowaru | | "
                                      "5311\n"
                                      "5311 | Ende lagi\n"
                                      "include | wilayah.txt\n"
                                      "53.08.09 | Kecamatan X | | 99\n"), 0);
  diag_init(&fx.diag);
  fx.rc = place_load(fx.path, &fx.pl, &fx.diag);
  assert_failed(&fx, 4);
  assert_diag(&fx, ":3: only one file may be included");
  ck_assert_int_eq(buf_printf(&want, "%s:2: duplicate code 5311 (first on "
                                     "%s:1)", sub, fx.path), 0);
  ck_assert_msg(strstr(diag_text(&fx), want.data) != NULL, "%s",
                diag_text(&fx));
  buf_reset(&want);
  ck_assert_int_eq(buf_printf(&want, "%s:3: an included file includes "
                                     "nothing", sub), 0);
  ck_assert_msg(strstr(diag_text(&fx), want.data) != NULL, "%s",
                diag_text(&fx));
  buf_reset(&want);
  ck_assert_int_eq(buf_printf(&want, "%s:4: '99' is not a code listed",
                              sub), 0);
  ck_assert_msg(strstr(diag_text(&fx), want.data) != NULL, "%s",
                diag_text(&fx));
  fixture_free(&fx);

  /* A good pair, and a missing file. */
  load_text(&fx, "5311 | Kabupaten Ende\ninclude | desa.txt\n");
  ck_assert_int_eq(fx.rc, AERR_CONFIG);
  ck_assert_ptr_nonnull(strstr(diag_text(&fx), "desa.txt: cannot open"));
  diag_free(&fx.diag);
  diag_init(&fx.diag);
  free(sub);
  sub = tu_path(fx.dir, "desa.txt");
  ck_assert_int_eq(tu_write_file(sub, "53.08.08 | Kecamatan Wolowaru | | "
                                      "5311\n"), 0);
  ck_assert_int_eq(place_load(fx.path, &fx.pl, &fx.diag), 0);
  ck_assert_int_eq(place_count(fx.pl), 2);
  ck_assert_str_eq(match_code(fx.pl, "wolowaru"), "5311");
  fixture_free(&fx);
  free(sub);
  buf_free(&want);
}
END_TEST

/* After its kind word ("Kel.", "Desa", "Kec.") a word of 5 letters or
 * more of a kecamatan or desa name may have a letter left out or added:
 * the reporter said a name follows.  Without the kind word, or with a
 * letter changed, it stays strict. */
START_TEST(place_kind_word_forgives_a_letter)
{
  struct fixture fx;

  load_text(&fx, "5371 | Kota Kupang |\n"
                 "53.71.02 | Kecamatan Maulafa | | 5371\n"
                 "53.71.02.1008 | Kelurahan Sikumana | | 53.71.02\n"
                 "53.71.02.1007 | Kelurahan Kolhua | | 53.71.02\n"
                 "5304 | Kabupaten Timor Tengah Selatan | TTS\n"
                 "53.02.11 | Kecamatan Kuanfatu | | 5304\n"
                 "53.02.11.2007 | Desa Oenai | | 53.02.11\n");
  ck_assert_int_eq(fx.rc, 0);
  ck_assert_str_eq(match_code(fx.pl, "kel. sikumna"), "5371");
  ck_assert_str_eq(match_code(fx.pl, "Kelurahan Sikumanna, Kupang"), "5371");
  ck_assert_str_eq(match_code(fx.pl, "kel. kolua"), "5371");
  /* Without the kind word, or two letters off: nothing. */
  ck_assert_str_eq(match_code(fx.pl, "sikumna"), "-");
  ck_assert_str_eq(match_code(fx.pl, "kel. sikma"), "-");
  ck_assert_str_eq(match_code(fx.pl, "kolua"), "-");
  ck_assert_str_eq(match_code(fx.pl, "desa oenia"), "-");
  /* Short words stay exact: "desa oena" is no Oenai. */
  ck_assert_str_eq(match_code(fx.pl, "desa oena"), "-");
  fixture_free(&fx);
}
END_TEST

/* A one-word name written in two ("Kuan Fatu", "Oe Sao") is that name;
 * two words that spell no name, or a name split across a comma, are not
 * joined, and a name of two words stays itself. */
START_TEST(place_name_written_in_two)
{
  struct fixture fx;
  struct place_match m;

  load_text(&fx, "5303 | Kabupaten Kupang |\n"
                 "5304 | Kabupaten Timor Tengah Selatan | TTS\n"
                 "53.01.06 | Kecamatan Kupang Timur | | 5303\n"
                 "53.01.06.2015 | Desa Oesao | | 53.01.06\n"
                 "53.02.11 | Kecamatan Kuanfatu | | 5304\n"
                 "53.02.11.2001 | Desa Oe Ekam | | 53.02.11\n");
  ck_assert_int_eq(fx.rc, 0);
  ck_assert_int_eq(place_match(fx.pl, "kec. kuan fatu", &m), 0);
  ck_assert(m.matched);
  ck_assert_str_eq(m.place.code, "53.02.11");
  ck_assert_int_eq(place_match(fx.pl, "di Oe Sao, kupang timur", &m), 0);
  ck_assert(m.matched);
  ck_assert_str_eq(m.place.code, "53.01.06.2015");
  ck_assert_int_eq(place_match(fx.pl, "desa oe ekam", &m), 0);
  ck_assert(m.matched);
  ck_assert_str_eq(m.place.code, "53.02.11.2001");
  ck_assert_str_eq(match_code(fx.pl, "kuan, fatu"), "-");
  ck_assert_str_eq(match_code(fx.pl, "oe saonya"), "-");
  fixture_free(&fx);
}
END_TEST

/* The first words of the names of several kabupaten ("Timor Tengah":
 * Selatan or Utara?) get the question with those as the choices; the
 * whole name of one of them stays that one ("Sumba Barat"). */
START_TEST(place_start_of_several_kabupaten)
{
  struct fixture fx;
  struct place_match m;

  load_text(&fx, "5301 | Kabupaten Sumba Barat | Waikabubak\n"
                 "5304 | Kabupaten Timor Tengah Selatan | Timur Tengah "
                 "Selatan; TTS\n"
                 "5305 | Kabupaten Timor Tengah Utara | Timur Tengah Utara\n"
                 "5317 | Kabupaten Sumba Barat Daya | SBD\n");
  ck_assert_int_eq(fx.rc, 0);
  ck_assert_int_eq(place_match(fx.pl, "timor tengah", &m), 0);
  ck_assert(m.ambiguous);
  ck_assert_int_eq(m.nchoices, 2);
  ck_assert_str_eq(m.choice[0].code, "5304");
  ck_assert_str_eq(m.choice[1].code, "5305");
  ck_assert_int_eq(place_match(fx.pl, "di kab. Timur Tengah", &m), 0);
  ck_assert(m.ambiguous);
  ck_assert_str_eq(match_code(fx.pl, "Timor Tengah Utara"), "5305");
  ck_assert_str_eq(match_code(fx.pl, "Sumba Barat"), "5301");
  ck_assert_str_eq(match_code(fx.pl, "Sumba Barat Daya"), "5317");
  fixture_free(&fx);
}
END_TEST

/* One word of a kelurahan or desa name of two, when no other name has
 * it, names that place as the whole answer or after its kind word
 * ("Penkase" for Penkase Oeleta); a word that several names share, or a
 * short one, does not. */
START_TEST(place_word_of_a_name_of_two)
{
  struct fixture fx;
  struct place_match m;

  load_text(&fx, "5371 | Kota Kupang |\n"
                 "53.71.01 | Kecamatan Alak | | 5371\n"
                 "53.71.01.1012 | Kelurahan Penkase Oeleta | | 53.71.01\n"
                 "53.71.01.1008 | Kelurahan Alak | | 53.71.01\n"
                 "5304 | Kabupaten Timor Tengah Selatan |\n"
                 "53.02.01 | Kecamatan Kota Soe | | 5304\n"
                 "53.02.01.1009 | Kelurahan Oe Kefan | | 53.02.01\n"
                 "53.02.01.2001 | Desa Kampung Harapan | | 53.02.01\n"
                 "53.02.01.2002 | Desa Bukit Harapan | | 53.02.01\n");
  ck_assert_int_eq(fx.rc, 0);
  ck_assert_int_eq(place_match(fx.pl, "penkase", &m), 0);
  ck_assert(m.matched);
  ck_assert_str_eq(m.place.code, "53.71.01.1012");
  ck_assert_int_eq(place_match(fx.pl, "kel. Penkase", &m), 0);
  ck_assert(m.matched);
  ck_assert_str_eq(m.place.code, "53.71.01.1012");
  ck_assert_int_eq(place_match(fx.pl, "Oeleta, Alak", &m), 0);
  ck_assert(m.matched);
  ck_assert_str_eq(m.place.code, "53.71.01.1012");
  ck_assert_str_eq(match_code(fx.pl, "harapan"), "-");
  ck_assert_str_eq(match_code(fx.pl, "kefan"), "-");
  fixture_free(&fx);
}
END_TEST

static Suite *
place_suite(void)
{
  Suite *s = suite_create("place");
  TCase *tc = tcase_create("match");
  TCase *tl = tcase_create("load");

  tcase_add_loop_test(tc, place_table, 0, NCASES);
  tcase_add_test(tc, place_shipped_list);
  tcase_add_test(tc, place_bad_arguments);
  tcase_add_loop_test(tc, place_hostile_bytes, 0, 4);
  tcase_add_test(tc, place_long_text);
  tcase_add_test(tc, place_desa_and_kecamatan);
  tcase_add_test(tc, place_ambiguous_choices);
  tcase_add_test(tc, place_no_accidental_places);
  tcase_add_test(tc, place_kind_word_forgives_a_letter);
  tcase_add_test(tc, place_name_written_in_two);
  tcase_add_test(tc, place_start_of_several_kabupaten);
  tcase_add_test(tc, place_word_of_a_name_of_two);
  tcase_add_test(tc, place_joined_names_and_landmark_typos);
  tcase_add_test(tc, place_named_after_incident_word);
  tcase_add_test(tc, place_doubled_letter_and_final_h);
  tcase_add_test(tc, place_timor_for_timur);
  tcase_add_test(tc, place_more_landmarks);
  tcase_add_test(tc, place_towns_not_in_official_data);
  tcase_add_test(tc, place_initials_of_kelurahan);
  tcase_add_test(tc, place_word_written_twice_with_2);
  tcase_add_test(tc, place_outside_ambon);
  tcase_add_test(tc, place_outside_destination_yields);
  tcase_add_test(tc, place_kelurahan_named_with_kota);
  tcase_add_test(tc, place_desa_or_kelurahan_either_kind_word);
  tcase_add_test(tc, place_dotted_initials);
  tcase_add_test(tc, place_origin_is_not_the_place);
  tcase_add_test(tc, place_destination_is_not_the_place);
  tcase_add_test(tc, place_namesake_beside_neighbour);
  tcase_add_test(tc, place_outside_city_by_kind_word);
  tcase_add_test(tc, place_border_and_enclave);
  tcase_add_test(tc, place_short_word_of_longer_name);
  tcase_add_test(tc, place_whole_answer_of_ordinary_words);
  tcase_add_test(tc, place_word_of_longer_kecamatan_name);
  tcase_add_test(tc, place_match_timing);
  suite_add_tcase(s, tc);

  tcase_add_test(tl, place_load_good_file);
  tcase_add_test(tl, place_load_bad_line);
  tcase_add_test(tl, place_load_bad_code_and_name);
  tcase_add_test(tl, place_load_duplicate_code);
  tcase_add_test(tl, place_load_alias_claimed_twice);
  tcase_add_test(tl, place_load_bad_aliases);
  tcase_add_test(tl, place_load_bad_not_a_typo);
  tcase_add_test(tl, place_load_empty_file);
  tcase_add_test(tl, place_load_unreadable_file);
  tcase_add_test(tl, place_load_counts_only_its_own_errors);
  tcase_add_test(tl, place_not_a_typo_words);
  tcase_add_test(tl, place_written_alias_beats_derived);
  tcase_add_test(tl, place_town_names_its_place);
  tcase_add_test(tl, place_town_line_names_its_kecamatan);
  tcase_add_test(tl, place_load_bad_town);
  tcase_add_test(tl, place_shipped_towns_name_kecamatan);
  tcase_add_test(tl, place_shipped_kantor_bupati);
  tcase_add_test(tl, place_landmark_yields_to_town_after_it);
  tcase_add_test(tl, place_island_is_its_kabupaten);
  tcase_add_test(tl, place_region_of_several_kecamatan);
  tcase_add_test(tl, place_town_kelurahan_without_kota);
  tcase_add_test(tl, place_landmark_kind_written_out);
  tcase_add_test(tl, place_load_parents);
  tcase_add_test(tl, place_load_include);
  suite_add_tcase(s, tl);
  return s;
}

UNIT_MAIN(place_suite)
