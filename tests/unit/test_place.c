/*
 * test_place.c: the kabupaten/kota matcher: the shipped list of NTT
 * against the ways reporters write places (table-driven), hostile input,
 * and every loader error an admin can meet, each with its "FILE:LINE:".
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "err.h"
#include "place.h"
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
  {"Sumbar", NULL, 0},
  {"Jatim", NULL, 0},
  {"di lorong pasar", NULL, 0},
  {"kurang tahu", NULL, 0},
  {"di lembaga itu", NULL, 0},

  /* Two different places tie. */
  {"Atambua atau Kalabahi", AMBIGUOUS, 0},
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
  ck_assert_int_eq(place_count(pl), 22);
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
  suite_add_tcase(s, tl);
  return s;
}

UNIT_MAIN(place_suite)
