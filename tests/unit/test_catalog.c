/*
 * test_catalog.c: the message catalogue: reading a good file, rendering
 * placeholders, every error and warning an admin can meet (each with its
 * "FILE:LINE:"), and the shipped Indonesian catalogue against the
 * conversation's key table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "conf/catalog.h"
#include "base/diag.h"
#include "base/err.h"
#include "engine/conv.h"
#include "base/sms.h"
#include "testutil.h"

/* The keys of the conversation, as the engine declares them. */
#define conv_keys conv_catalog_keys
#define NCONV conv_catalog_nkeys


/* A small table for the format tests. */
static const struct catalog_key small_keys[] = {
  {"menu", ""},
  {"ticket.created", "ticket"},
  {"help", ""},
};

#define NSMALL ((int)(sizeof(small_keys) / sizeof(small_keys[0])))

/* One catalogue file in its own folder, loaded once. */
struct fixture {
  char *dir;
  char *path;
  struct catalog *cat;
  struct diag diag;
  int rc;
};

/* Write len bytes of text as the file (len, not strlen, so that a NUL
 * can be part of it) and load it against keys. */
static void
load_bytes(struct fixture *fx, const char *text, size_t len,
           const struct catalog_key *keys, int nkeys)
{
  FILE *f;

  fx->dir = tu_tmpdir();
  ck_assert_ptr_nonnull(fx->dir);
  fx->path = tu_path(fx->dir, "messages.conf");
  f = fopen(fx->path, "wb");
  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(text, 1, len, f), len);
  ck_assert_int_eq(fclose(f), 0);
  diag_init(&fx->diag);
  fx->rc = catalog_load(fx->path, keys, nkeys, &fx->cat, &fx->diag);
}

static void
load_text(struct fixture *fx, const char *text)
{
  load_bytes(fx, text, strlen(text), small_keys, NSMALL);
}

static void
fixture_free(struct fixture *fx)
{
  catalog_free(fx->cat);
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

/* The diagnostics hold "PATH" immediately followed by tail (":3: ..." or
 * ": missing ..."). */
static void
assert_diag(const struct fixture *fx, const char *tail)
{
  struct buf want = BUF_INIT;

  ck_assert_int_eq(buf_printf(&want, "%s%s", fx->path, tail), 0);
  ck_assert_msg(strstr(diag_text(fx), want.data) != NULL,
                "missing \"%s\" in:\n%s", want.data, diag_text(fx));
  buf_free(&want);
}

static void
assert_counts(const struct fixture *fx, int errors, int warnings)
{
  ck_assert_msg(fx->diag.errors == errors && fx->diag.warnings == warnings,
                "want %d errors and %d warnings, got %d and %d:\n%s", errors,
                warnings, fx->diag.errors, fx->diag.warnings, diag_text(fx));
  if (errors > 0) {
    ck_assert_int_eq(fx->rc, AERR_CONFIG);
    ck_assert_ptr_null(fx->cat);
  } else {
    ck_assert_int_eq(fx->rc, 0);
    ck_assert_ptr_nonnull(fx->cat);
  }
}

START_TEST(catalog_reads_good_file)
{
  struct fixture fx;

  load_text(&fx,
            "\xef\xbb\xbf# The catalogue.\n"
            "\n"
            "menu = Selamat datang.   \n"
            "  Balas 1 untuk lapor,\n"
            "    # a comment between lines of one text\n"
            "\t2 untuk status.\n"
            "\n"
            "  Terima kasih.\n"
            "\n"
            "menu.sms = Selamat datang. Balas 1 lapor, 2 status.\n"
            "ticket.created = "
            "\"  Nomor {ticket}: \\\"catat\\\"\\n\\tya\\\\ \"\r\n"
            "  \"  baris dua\"\r\n"
            "help =\n"
            "   Bantuan {{bukan placeholder}} di sini.\n"
            "   = sama dengan, # pagar, \"kutip\" di tengah.\n");
  /* The tab is no GSM-7 character, so that text is the one warning. */
  assert_counts(&fx, 0, 1);
  assert_diag(&fx, ":11: warning: 'ticket.created' has characters outside "
                   "GSM-7: will be sent as UCS-2 (first: U+0009)");
  ck_assert_str_eq(catalog_text(fx.cat, "menu", 0),
                   "Selamat datang.\nBalas 1 untuk lapor,\n2 untuk status.\n"
                   "\nTerima kasih.");
  ck_assert_str_eq(catalog_text(fx.cat, "menu", 1),
                   "Selamat datang. Balas 1 lapor, 2 status.");
  ck_assert_str_eq(catalog_text(fx.cat, "ticket.created", 0),
                   "  Nomor {ticket}: \"catat\"\n\tya\\ \n  baris dua");
  ck_assert_str_eq(catalog_text(fx.cat, "help", 0),
                   "Bantuan {{bukan placeholder}} di sini.\n"
                   "= sama dengan, # pagar, \"kutip\" di tengah.");
  fixture_free(&fx);
}
END_TEST

START_TEST(catalog_sms_falls_back_to_long_text)
{
  struct fixture fx;

  load_text(&fx, "menu = Halo\nmenu.sms = Hai\n"
                 "ticket.created = Nomor {ticket}\nhelp = Bantuan\n");
  assert_counts(&fx, 0, 0);
  ck_assert_str_eq(catalog_text(fx.cat, "menu", 1), "Hai");
  ck_assert_str_eq(catalog_text(fx.cat, "menu", 0), "Halo");
  ck_assert_str_eq(catalog_text(fx.cat, "ticket.created", 1),
                   "Nomor {ticket}");
  ck_assert_str_eq(catalog_text(fx.cat, "help", 1), "Bantuan");
  ck_assert_ptr_null(catalog_text(fx.cat, "menu.sms", 0));
  ck_assert_ptr_null(catalog_text(fx.cat, "nope", 0));
  ck_assert_ptr_null(catalog_text(fx.cat, "nope", 1));
  ck_assert_ptr_null(catalog_text(NULL, "menu", 0));
  fixture_free(&fx);
}
END_TEST

START_TEST(catalog_renders_placeholders)
{
  static const struct catalog_key keys[] = {
    {"a", "ticket status note"},
    {"b", "x"},
  };
  struct catalog_var vars[] = {
    {"ticket", "NTT-2026-00042"},
    {"status", "diproses {x}"},   /* values are not expanded again */
    {"note", NULL},
  };
  struct fixture fx;
  struct buf out = BUF_INIT;
  static const char text[] =
    "a = Laporan {ticket}: {status}.{note} Kirim STATUS {ticket}\n"
    "a.sms = {ticket}/{status}\n"
    "b = {{x}} {{{x}}} }}{{ {x}\n";

  load_bytes(&fx, text, strlen(text), keys, 2);
  assert_counts(&fx, 0, 0);
  ck_assert_int_eq(buf_puts(&out, ">"), 0);
  ck_assert_int_eq(catalog_render(fx.cat, "a", 0, vars, 3, &out), 0);
  ck_assert_str_eq(out.data, ">Laporan NTT-2026-00042: diproses {x}. "
                             "Kirim STATUS NTT-2026-00042");
  buf_reset(&out);
  ck_assert_int_eq(catalog_render(fx.cat, "a", 1, vars, 3, &out), 0);
  ck_assert_str_eq(out.data, "NTT-2026-00042/diproses {x}");
  /* A placeholder without a value becomes nothing. */
  buf_reset(&out);
  ck_assert_int_eq(catalog_render(fx.cat, "a", 0, vars, 1, &out), 0);
  ck_assert_str_eq(out.data, "Laporan NTT-2026-00042: . "
                             "Kirim STATUS NTT-2026-00042");
  buf_reset(&out);
  ck_assert_int_eq(catalog_render(fx.cat, "a", 0, NULL, 0, &out), 0);
  ck_assert_str_eq(out.data, "Laporan : . Kirim STATUS ");
  buf_reset(&out);
  ck_assert_int_eq(catalog_render(fx.cat, "b", 1, vars, 3, &out), 0);
  ck_assert_str_eq(out.data, "{x} {} }{ ");
  buf_free(&out);
  fixture_free(&fx);
}
END_TEST

START_TEST(catalog_render_errors)
{
  struct fixture fx;
  struct buf out;
  struct catalog_var v = {"ticket", "NTT-2026-00042"};

  load_text(&fx, "menu = Halo\nticket.created = Nomor {ticket} diterima\n"
                 "help = Bantuan\n");
  assert_counts(&fx, 0, 0);
  buf_init(&out, 12);
  ck_assert_int_eq(buf_puts(&out, "ab"), 0);
  ck_assert_int_eq(catalog_render(fx.cat, "nope", 0, NULL, 0, &out),
                   AERR_NOTFOUND);
  ck_assert_int_eq(catalog_render(fx.cat, "ticket.created", 0, &v, 1, &out),
                   AERR_TOOBIG);
  ck_assert_str_eq(out.data, "ab");   /* nothing half-written */
  buf_free(&out);
  fixture_free(&fx);
}
END_TEST

/* A file with problems: how many errors and warnings it must give, and up
 * to four diagnostics that must be there, each after the file's path. */
struct bad_case {
  const char *name;
  const char *text;
  int errors;
  int warnings;
  const char *want[4];
};

#define GOOD_MENU "menu = Halo\n"
#define GOOD_TICKET "ticket.created = Nomor {ticket}\n"
#define GOOD_HELP "help = Bantuan\n"
#define GOOD GOOD_MENU GOOD_TICKET GOOD_HELP

static const struct bad_case bad_cases[] = {
  {"missing key", GOOD_MENU GOOD_TICKET, 1, 0,
   {": missing key 'help'"}},
  {"all keys missing", "# nothing here\n", 3, 0,
   {": missing key 'menu'", ": missing key 'ticket.created'",
    ": missing key 'help'"}},
  {"empty file", "", 3, 0, {": missing key 'menu'"}},
  {"unknown key", GOOD "foo = bar\n  lanjut {apa}\n", 1, 0,
   {":4: unknown key 'foo'"}},
  {"unknown sms of sms", GOOD "menu.sms.sms = x\n", 1, 0,
   {":4: unknown key 'menu.sms.sms'"}},
  {"sms of unknown key", GOOD "foo.sms = x\n", 1, 0,
   {":4: unknown key 'foo.sms'"}},
  {"key differs in case", GOOD "Menu = Halo\n", 1, 0,
   {":4: unknown key 'Menu'"}},
  {"duplicate key", GOOD "# again\nmenu = Halo lagi\n", 1, 0,
   {":5: duplicate key 'menu' (first defined at line 1)"}},
  {"duplicate sms variant", GOOD "menu.sms = a\nmenu.sms = b\n", 1, 0,
   {":5: duplicate key 'menu.sms' (first defined at line 4)"}},
  {"unknown placeholder", GOOD_MENU "ticket.created = Nomor {tiket}\n"
   GOOD_HELP, 1, 0,
   {":2: 'ticket.created': unknown placeholder {tiket} (allowed here: "
    "ticket)"}},
  {"placeholder where none allowed", "menu = Halo {nama}\n" GOOD_TICKET
   GOOD_HELP, 1, 0,
   {":1: 'menu': unknown placeholder {nama} (this text takes none)"}},
  {"sms variant uses the base key's list", GOOD
   "ticket.created.sms = {ticket} {nama}\n", 1, 0,
   {":4: 'ticket.created.sms': unknown placeholder {nama}"}},
  {"placeholder on a continuation line", GOOD_MENU
   "ticket.created = Nomor\n  {ticket}\n  {status}\n" GOOD_HELP, 1, 0,
   {":4: 'ticket.created': unknown placeholder {status}"}},
  {"duplicate is still checked", GOOD "help = {x}\n", 2, 0,
   {":4: duplicate key 'help'", ":4: 'help': unknown placeholder {x}"}},
  {"unbalanced open brace", "menu = Halo {\n" GOOD_TICKET GOOD_HELP, 1, 0,
   {":1: 'menu': unbalanced '{'"}},
  {"unclosed placeholder", GOOD_MENU "ticket.created = Nomor {ticket\n"
   GOOD_HELP, 1, 0, {":2: 'ticket.created': unbalanced '{'"}},
  {"empty braces", GOOD_MENU GOOD_TICKET "help = a {} b\n", 1, 0,
   {":3: 'help': empty placeholder {}"}},
  {"brace around spaces", GOOD_MENU GOOD_TICKET "help = a { x } b\n", 2, 0,
   {":3: 'help': unbalanced '{'", ":3: 'help': unbalanced '}'"}},
  {"unbalanced close brace", GOOD_MENU GOOD_TICKET "help = a\n  b } c\n", 1,
   0, {":4: 'help': unbalanced '}'"}},
  {"brace across lines", GOOD_MENU GOOD_TICKET "help = a {\n  }\n", 2, 0,
   {":3: 'help': unbalanced '{'", ":4: 'help': unbalanced '}'"}},
  {"continuation before any key", "# top\n  Halo\n" GOOD, 1, 0,
   {":2: indented line before the first key"}},
  {"no equals sign", GOOD "menu\n  more\n", 1, 0,
   {":4: expected 'key = text'"}},
  {"no key", GOOD "= Halo\n", 1, 0, {":4: missing key before '='"}},
  {"empty text", GOOD_MENU GOOD_TICKET "help =\n\n", 1, 0,
   {":3: 'help' has no text"}},
  {"empty quoted text", GOOD_MENU GOOD_TICKET "help = \"\"\n", 1, 0,
   {":3: 'help' has no text"}},
  {"unterminated quote", GOOD_MENU GOOD_TICKET "help = \"Bantuan\n", 1, 0,
   {":3: 'help': the quoted text has no closing '\"'"}},
  {"unknown escape", GOOD_MENU GOOD_TICKET "help = \"a\\qb\"\n", 1, 0,
   {":3: 'help': unknown escape '\\q'"}},
  {"text after the quote", GOOD_MENU GOOD_TICKET "help = \"a\" b\n", 1, 0,
   {":3: 'help': text after the closing '\"'"}},
  {"invalid utf-8", GOOD_MENU GOOD_TICKET "help = Bantuan \xff\n", 1, 0,
   {":3: invalid UTF-8 at byte 16"}},
  {"overlong utf-8 on a continuation", GOOD_MENU GOOD_TICKET
   "help = Bantuan\n  \xc0\xaf\n", 1, 0, {":4: invalid UTF-8 at byte 3"}},
  {"invalid utf-8 in a comment", "# \xe2\x82\n" GOOD, 1, 0,
   {":1: invalid UTF-8 at byte 3"}},
  {"crlf lines count", "# a\r\n\r\nmenu = Halo\r\n" GOOD_TICKET
   "help = x\r\nfoo = y\r\n", 1, 0, {":6: unknown key 'foo'"}},
  {"every error reported", "  awal\n"
   "menu = Halo {nama}\n"
   "ticket.created = Nomor {ticket}\n"
   "menu = lagi\n"
   "bar = x\n"
   "ticket.created.sms = {ticket\n", 6, 0,
   {":1: indented line", ":2: 'menu': unknown placeholder {nama}",
    ":4: duplicate key 'menu'", ":5: unknown key 'bar'"}},
  {"three sms segments", GOOD_MENU GOOD_TICKET "help = "
   "Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan "
   "Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan "
   "Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan "
   "Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan "
   "Bantuan Bantuan Bantuan.\n", 0, 1,
   {":3: warning: 'help' needs 3 SMS segments"}},
  {"three segments in the sms variant", GOOD "help.sms = "
   "Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan "
   "Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan "
   "Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan "
   "Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan Bantuan "
   "Bantuan Bantuan Bantuan.\n", 0, 1,
   {":4: warning: 'help.sms' needs 3 SMS segments"}},
  {"non gsm-7 text", GOOD_MENU GOOD_TICKET
   "help = Balas \xe2\x80\x9cYA\xe2\x80\x9d\n", 0, 1,
   {":3: warning: 'help' has characters outside GSM-7: will be sent as "
    "UCS-2 (first: \"\xe2\x80\x9c\" U+201C)"}},
  {"non gsm-7 long text with a gsm-7 sms variant", GOOD
   "help.sms = Balas YA\nmenu.sms = Hai \xf0\x9f\x99\x8f\n", 0, 1,
   {":5: warning: 'menu.sms' has characters outside GSM-7"}},
  {"warnings and errors together", "menu = Halo\xe2\x80\x94 {x}\n"
   GOOD_TICKET GOOD_HELP, 1, 1,
   {":1: 'menu': unknown placeholder {x}",
    ":1: warning: 'menu' has characters outside GSM-7"}},
};

#define NBAD ((int)(sizeof(bad_cases) / sizeof(bad_cases[0])))

START_TEST(catalog_reports_problems)
{
  const struct bad_case *c = &bad_cases[_i];
  struct fixture fx;
  int i;

  load_text(&fx, c->text);
  ck_assert_msg(fx.diag.errors == c->errors &&
                fx.diag.warnings == c->warnings,
                "%s: want %d errors and %d warnings, got %d and %d:\n%s",
                c->name, c->errors, c->warnings, fx.diag.errors,
                fx.diag.warnings, diag_text(&fx));
  assert_counts(&fx, c->errors, c->warnings);
  for (i = 0; i < 4 && c->want[i] != NULL; i++)
    assert_diag(&fx, c->want[i]);
  fixture_free(&fx);
}
END_TEST

START_TEST(catalog_refuses_nul_byte)
{
  static const char text[] = GOOD "# tail\n  x\0y\n";
  struct fixture fx;

  load_bytes(&fx, text, sizeof(text) - 1, small_keys, NSMALL);
  assert_counts(&fx, 1, 0);
  assert_diag(&fx, ":5: the line holds a NUL byte");
  fixture_free(&fx);
}
END_TEST

START_TEST(catalog_refuses_big_file)
{
  size_t n = 1024 * 1024 + 1;
  char *text = malloc(n);
  struct fixture fx;

  ck_assert_ptr_nonnull(text);
  memset(text, '#', n);
  text[n - 1] = '\n';
  load_bytes(&fx, text, n, small_keys, NSMALL);
  assert_counts(&fx, 1, 0);
  assert_diag(&fx, ": the file is larger than 1024 KiB");
  fixture_free(&fx);
  free(text);
}
END_TEST

START_TEST(catalog_unreadable_file)
{
  struct catalog *cat = (struct catalog *)&cat;
  struct diag d;

  diag_init(&d);
  ck_assert_int_eq(catalog_load("/nonexistent/aduan/messages.conf",
                                small_keys, NSMALL, &cat, &d), -ENOENT);
  ck_assert_ptr_null(cat);
  ck_assert_int_eq(d.errors, 1);
  ck_assert_ptr_nonnull(
    strstr(d.text.data, "/nonexistent/aduan/messages.conf: cannot open"));
  diag_free(&d);
}
END_TEST

/* Errors already in diag (from the config file, say) do not make a good
 * catalogue fail, and a missing diag is allowed. */
START_TEST(catalog_counts_only_its_own_errors)
{
  struct fixture fx;
  struct catalog *cat = NULL;

  fx.dir = tu_tmpdir();
  ck_assert_ptr_nonnull(fx.dir);
  fx.path = tu_path(fx.dir, "m.conf");
  ck_assert_int_eq(tu_write_file(fx.path, GOOD), 0);
  diag_init(&fx.diag);
  diag_error(&fx.diag, "aduand.conf", 3, "earlier problem");
  fx.rc = catalog_load(fx.path, small_keys, NSMALL, &fx.cat, &fx.diag);
  ck_assert_int_eq(fx.rc, 0);
  ck_assert_ptr_nonnull(fx.cat);
  ck_assert_int_eq(catalog_load(fx.path, small_keys, NSMALL, &cat, NULL), 0);
  ck_assert_str_eq(catalog_text(cat, "menu", 0), "Halo");
  catalog_free(cat);
  ck_assert_int_eq(catalog_load(fx.path, conv_keys, NCONV, &cat, NULL),
                   AERR_CONFIG);
  ck_assert_ptr_null(cat);
  fixture_free(&fx);
}
END_TEST

#define SHIPPED ADUAN_SOURCE_DIR "/config/messages.id.conf"

START_TEST(catalog_shipped_file_is_clean)
{
  struct catalog *cat = NULL;
  struct diag d;
  int rc;

  diag_init(&d);
  rc = catalog_load(SHIPPED, conv_keys, NCONV, &cat, &d);
  ck_assert_msg(rc == 0 && d.errors == 0 && d.warnings == 0 &&
                d.text.len == 0, "rc %d, %d errors, %d warnings:\n%s", rc,
                d.errors, d.warnings, d.text.data ? d.text.data : "");
  catalog_free(cat);
  diag_free(&d);
}
END_TEST

/* Every text is GSM-7; one that takes more than one SMS has a short
 * variant, and every short variant fits two segments. */
START_TEST(catalog_shipped_sms_economy)
{
  struct catalog *cat = NULL;
  struct sms_info info;
  const char *text, *sms;
  int i;

  ck_assert_int_eq(catalog_load(SHIPPED, conv_keys, NCONV, &cat, NULL), 0);
  for (i = 0; i < NCONV; i++) {
    text = catalog_text(cat, conv_keys[i].key, 0);
    sms = catalog_text(cat, conv_keys[i].key, 1);
    ck_assert_ptr_nonnull(text);
    sms_measure(text, &info);
    ck_assert_msg(info.gsm7, "%s is not GSM-7", conv_keys[i].key);
    if (sms == text)
      ck_assert_msg(info.segments == 1, "%s takes %d segments without a "
                    ".sms variant", conv_keys[i].key, info.segments);
    sms_measure(sms, &info);
    ck_assert_msg(info.gsm7 && info.segments <= 2, "%s.sms: gsm7 %d, "
                  "%d segments", conv_keys[i].key, info.gsm7, info.segments);
  }
  catalog_free(cat);
}
END_TEST

/* Every text laid out in lines (for WhatsApp) has its own .sms form, so
 * no SMS reader gets a menu as one run of text; the category question
 * fits one SMS. */
START_TEST(catalog_shipped_sms_forms)
{
  struct catalog *cat = NULL;
  struct sms_info info;
  const char *text;
  int i;

  ck_assert_int_eq(catalog_load(SHIPPED, conv_keys, NCONV, &cat, NULL), 0);
  for (i = 0; i < NCONV; i++) {
    text = catalog_text(cat, conv_keys[i].key, 0);
    if (strchr(text, '\n') != NULL)
      ck_assert_msg(catalog_text(cat, conv_keys[i].key, 1) != text,
                    "%s has several lines and no .sms form",
                    conv_keys[i].key);
  }
  sms_measure(catalog_text(cat, "ask.kategori", 1), &info);
  ck_assert_int_eq(info.segments, 1);
  catalog_free(cat);
}
END_TEST

/* The texts the engine builds from pieces read as intended. */
START_TEST(catalog_shipped_renders)
{
  struct catalog *cat = NULL;
  struct buf out = BUF_INIT;
  struct catalog_var t[] = {{"ticket", "NTT-2026-00042"}};
  struct catalog_var summary[] = {
    {"kategori", "Pemerasan/pungutan liar"},
    {"terlapor", "Petugas loket Samsat"},
    {"lokasi", "Kota Kupang"},
    {"waktu", "12 Maret 2026"},
    {"kronologi", "Saya diminta membayar biaya tambahan tanpa kuitansi."},
    {"bukti", "2 berkas"},
    {"identitas", "RAHASIA"},
  };

  ck_assert_int_eq(catalog_load(SHIPPED, conv_keys, NCONV, &cat, NULL), 0);
  ck_assert_int_eq(catalog_render(cat, "ticket.created", 1, t, 1, &out), 0);
  ck_assert_ptr_nonnull(strstr(out.data, "nomor NTT-2026-00042"));
  ck_assert_ptr_nonnull(strstr(out.data, "STATUS NTT-2026-00042"));
  buf_reset(&out);
  ck_assert_int_eq(catalog_render(cat, "konfirmasi", 0, summary, 7, &out), 0);
  ck_assert_ptr_nonnull(strstr(out.data, "3 Lokasi: Kota Kupang\n"));
  ck_assert_ptr_nonnull(strstr(out.data, "KIRIM"));
  ck_assert_ptr_nonnull(strstr(out.data, "UBAH"));
  ck_assert_ptr_nonnull(strstr(out.data, "BATAL"));
  ck_assert_ptr_null(strchr(out.data, '{'));
  ck_assert_ptr_nonnull(strstr(catalog_text(cat, "menu", 1), "1 Buat laporan "
                               "baru, 2 Cek status laporan, 3 Cara melapor"));
  ck_assert_ptr_nonnull(strstr(catalog_text(cat, "kategori.keywords.3", 0),
                               "pungli"));
  buf_free(&out);
  catalog_free(cat);
}
END_TEST

static Suite *
catalog_suite(void)
{
  Suite *s = suite_create("catalog");
  TCase *tc = tcase_create("core");

  tcase_add_test(tc, catalog_reads_good_file);
  tcase_add_test(tc, catalog_sms_falls_back_to_long_text);
  tcase_add_test(tc, catalog_renders_placeholders);
  tcase_add_test(tc, catalog_render_errors);
  tcase_add_loop_test(tc, catalog_reports_problems, 0, NBAD);
  tcase_add_test(tc, catalog_refuses_nul_byte);
  tcase_add_test(tc, catalog_refuses_big_file);
  tcase_add_test(tc, catalog_unreadable_file);
  tcase_add_test(tc, catalog_counts_only_its_own_errors);
  tcase_add_test(tc, catalog_shipped_file_is_clean);
  tcase_add_test(tc, catalog_shipped_sms_economy);
  tcase_add_test(tc, catalog_shipped_sms_forms);
  tcase_add_test(tc, catalog_shipped_renders);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(catalog_suite)
