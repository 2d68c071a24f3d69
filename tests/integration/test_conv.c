/*
 * test_conv.c: the conversation of SPEC section 3 through the real
 * daemon and its dev channel: the whole report, every field's checks,
 * UBAH, KEMBALI, BATAL, STATUS, expiry, three invalid answers, two
 * reporters at once, a SIGKILL in the middle, repeated deliveries, and
 * 200 reporters filing at once.
 *
 * Replies are recognised by catalogue key (tu_expect), so the tests
 * follow the texts admins write instead of copying them.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"

struct turn {
  const char *text;
  const char *key;   /* the reply expected (its last one) */
};

/* A complete report, step by step.  Index = the step reached after it. */
static const struct turn happy[] = {
  {"Halo", "menu"},
  {"1", "ask.kategori"},
  {"pungli", "ask.terlapor"},
  {"Kepala Seksi Perizinan, Dinas PMPTSP Kabupaten Kupang", "ask.lokasi"},
  {"Kabupaten Kupang", "ask.waktu"},
  {"12 Maret 2026", "ask.kronologi"},
  {"Petugas loket meminta uang dua ratus ribu rupiah agar izin usaha "
   "saya cepat diproses.", "kronologi.more"},
  {"LANJUT", "ask.bukti"},
  {"LEWATI", "ask.identitas"},
  {"3", "konfirmasi"},
  {"KIRIM", "ticket.created"},
};

enum {
  AT_MENU = 0, AT_KATEGORI, AT_TERLAPOR, AT_LOKASI, AT_WAKTU, AT_KRONOLOGI,
  AT_KRONOLOGI_MORE, AT_BUKTI, AT_IDENTITAS, AT_KONFIRMASI, AT_FILED
};

/* Drive from a fresh reporter to index last of happy[]. */
static void
walk(struct tu_daemon *d, const char *from, int last)
{
  int i;

  for (i = 0; i <= last; i++)
    tu_expect(d, from, happy[i].text, happy[i].key);
}

/* The same for a reporter who has talked before: MENU first. */
static void
walk_again(struct tu_daemon *d, const char *from, int last)
{
  int i;

  tu_expect(d, from, "MENU", "menu");
  for (i = 1; i <= last; i++)
    tu_expect(d, from, happy[i].text, happy[i].key);
}

/* File a whole report and return its number (allocated). */
static char *
file_report(struct tu_daemon *d, const char *from)
{
  struct tu_replies r;
  const char *p;
  char *num;

  walk(d, from, AT_KONFIRMASI);
  ck_assert_int_eq(tu_say(d, from, "KIRIM", NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert(tu_is(&r, r.n - 1, "ticket.created"));
  p = strstr(r.v[r.n - 1], "NTT-");
  ck_assert_ptr_nonnull(p);
  num = strndup(p, 14);
  tu_replies_free(&r);
  return num;
}

START_TEST(happy_path_files_a_ticket)
{
  struct tu_daemon d;
  char *num;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  num = file_report(&d, "081234567890");
  ck_assert_int_eq(strncmp(num, "NTT-20", 6), 0);
  ck_assert_str_eq(num + 9, "00001");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "status = 'diterima' AND category = "
                                 "'pemerasan' AND identitas = 'anonim'"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM ticket_events "
                                 "WHERE to_status = 'diterima'"), 1);
  /* Anonymous: no name kept; the report itself holds no phone number. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters "
                                 "WHERE name IS NULL"), 1);
  ck_assert(tu_daemon_log_has(&d, "event=ticket.created ticket="));
  /* The session is back at the menu with an empty draft. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE "
                                 "step = 'menu' AND draft = '{}'"), 1);
  free(num);
  tu_daemon_cleanup(&d);
}
END_TEST

/* From the waktu question to the filed ticket, as in happy[] but with
 * story as the kronologi (reports of different incidents). */
static void
finish_report(struct tu_daemon *d, const char *from, const char *story)
{
  int i;

  tu_expect(d, from, happy[AT_KRONOLOGI].text, happy[AT_KRONOLOGI].key);
  tu_expect(d, from, story, "kronologi.more");
  for (i = AT_BUKTI; i <= AT_FILED; i++)
    tu_expect(d, from, happy[i].text, happy[i].key);
}

/*
 * SPEC 3, lokasi: a village the gazetteer does not know is asked about
 * once more, then filed as given and marked; a bare "Kupang" is offered
 * as numbered choices and "2" picks Kota Kupang; a place named as
 * outside NTT is not taken for the NTT place of the same name.
 */
START_TEST(lokasi_kept_chosen_and_outside)
{
  struct tu_daemon d;
  struct tu_replies r;
  const char *a = "081200000001", *b = "081200000002", *c = "081200000003";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, a, AT_LOKASI);
  tu_expect(&d, a, "Kampung Lumbung Sari", "invalid.lokasi");
  tu_expect(&d, a, "Kampung Lumbung Sari, dekat kali", "ask.waktu");
  finish_report(&d, a, "Kepala desa meminta uang tiga juta untuk surat "
                       "tanah kami dan tidak memberi kuitansi.");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "lokasi = 'Kampung Lumbung Sari, dekat "
                                 "kali' AND lokasi_kode IS NULL AND marks "
                                 "= 'lokasi'"), 1);

  walk(&d, b, AT_LOKASI);
  ck_assert_int_eq(tu_say(&d, b, "Kupang", NULL, &r), 0);
  ck_assert(tu_is(&r, r.n - 1, "lokasi.pilih"));
  ck_assert_ptr_nonnull(strstr(r.v[r.n - 1], "1 Kabupaten Kupang"));
  ck_assert_ptr_nonnull(strstr(r.v[r.n - 1], "2 Kota Kupang"));
  tu_replies_free(&r);
  tu_expect(&d, b, "2", "ask.waktu");
  finish_report(&d, b, "Guru honorer dipotong gajinya setiap bulan oleh "
                       "bendahara sekolah tanpa alasan yang jelas.");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "lokasi = 'Kupang' AND lokasi_kode = "
                                 "'5371' AND marks IS NULL"), 1);

  walk(&d, c, AT_LOKASI);
  tu_expect(&d, c, "Stasiun Manggarai, Jakarta", "invalid.lokasi.luar");
  tu_expect(&d, c, "Pelabuhan Tenau", "ask.waktu");
  finish_report(&d, c, "Petugas pelabuhan menahan barang nelayan sampai "
                       "dibayar lima ratus ribu rupiah di pos jaga.");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "lokasi = 'Pelabuhan Tenau' AND "
                                 "lokasi_kode = '5371' AND marks IS NULL"),
                   1);
  tu_daemon_cleanup(&d);
}
END_TEST

/* A lokasi named as outside NTT gets its own reply saying what to write;
 * a second answer outside NTT is kept as given and marked as outside, an
 * unknown one only as kept. */
START_TEST(lokasi_outside_ntt_told_then_kept_and_marked)
{
  struct tu_daemon d;
  const char *a = "081200000011", *b = "081200000012";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, a, AT_LOKASI);
  tu_expect(&d, a, "Stasiun Manggarai, Jakarta", "invalid.lokasi.luar");
  tu_expect(&d, a, "Kuala Lumpur, Malaysia", "ask.waktu");
  finish_report(&d, a, "Calo tenaga kerja dari desa kami meminta uang "
                       "sepuluh juta untuk berangkat dan paspor ditahan.");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "lokasi = 'Kuala Lumpur, Malaysia' AND "
                                 "lokasi_kode IS NULL AND marks = "
                                 "'lokasi lokasi_luar'"), 1);
  ck_assert(tu_daemon_log_has(&d, "reason=lokasi_outside"));

  walk(&d, b, AT_LOKASI);
  tu_expect(&d, b, "Surabaya", "invalid.lokasi.luar");
  tu_expect(&d, b, "Kampung Lumbung Sari", "ask.waktu");
  finish_report(&d, b, "Petugas pos jaga meminta uang rokok dari setiap "
                       "sopir truk yang lewat membawa sapi ke pelabuhan.");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "lokasi = 'Kampung Lumbung Sari' AND "
                                 "marks = 'lokasi'"), 1);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(named_and_secret_identities_keep_the_name_apart)
{
  struct tu_daemon d;
  char *name;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, "081111111111", AT_IDENTITAS);
  tu_expect(&d, "081111111111", "2", "ask.nama");
  tu_expect(&d, "081111111111", "Maria Goreti", "konfirmasi");
  tu_expect(&d, "081111111111", "KIRIM", "ticket.created");
  name = tu_db_text(&d, "SELECT name FROM reporters");
  ck_assert_ptr_nonnull(name);
  ck_assert_str_eq(name, "Maria Goreti");
  free(name);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "identitas = 'rahasia'"), 1);
  /* The name is in reporters only, never in the ticket. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "kronologi LIKE '%Maria%' OR terlapor "
                                 "LIKE '%Maria%'"), 0);
  tu_daemon_cleanup(&d);
}
END_TEST

/* Each step: an invalid answer, its reason, then the right answer. */
START_TEST(each_field_rejects_and_reprompts)
{
  struct tu_daemon d;
  const char *n = "081222222222";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  tu_expect(&d, n, "Halo", "menu");
  tu_expect(&d, n, "9", "menu.invalid");
  tu_expect(&d, n, "1", "ask.kategori");
  tu_expect(&d, n, "apa ya", "invalid.kategori");
  tu_expect(&d, n, "8", "invalid.kategori");
  tu_expect(&d, n, "gratifikasi", "ask.terlapor");
  tu_expect(&d, n, "12345", "invalid.terlapor");
  tu_expect(&d, n, "Camat X", "ask.lokasi");
  tu_expect(&d, n, "x", "invalid.lokasi");
  tu_expect(&d, n, "Ende", "ask.waktu");
  tu_expect(&d, n, "...", "invalid.waktu");
  tu_expect(&d, n, "kemarin", "ask.kronologi");
  tu_expect(&d, n, "terlalu pendek", "kronologi.more");
  tu_expect(&d, n, "LANJUT", "invalid.kronologi.short");
  tu_expect(&d, n, "Camat menerima hadiah mobil dari kontraktor proyek "
                   "jalan desa", "kronologi.more");
  tu_expect(&d, n, "lanjut", "ask.bukti");
  tu_expect(&d, n, "fotonya menyusul", "help.bukti");
  tu_expect(&d, n, "Lewati", "ask.identitas");
  tu_expect(&d, n, "7", "invalid.identitas");
  tu_expect(&d, n, "1", "ask.nama");
  tu_expect(&d, n, "1", "invalid.nama");
  tu_expect(&d, n, "Yohanes", "konfirmasi");
  tu_expect(&d, n, "ya", "invalid.konfirmasi");
  tu_expect(&d, n, "UBAH 9", "invalid.konfirmasi");
  tu_expect(&d, n, "kirim", "ticket.created");
  ck_assert(tu_daemon_log_has(&d, "event=report.rejected"));
  ck_assert(tu_daemon_log_has(&d, "reason=kronologi_short"));
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(three_invalid_answers_bring_help)
{
  struct tu_daemon d;
  const char *n = "081333333333";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n, AT_KATEGORI);
  tu_expect(&d, n, "zzz", "invalid.kategori");
  tu_expect(&d, n, "zzz", "invalid.kategori");
  tu_expect(&d, n, "zzz", "help.kategori");
  tu_expect(&d, n, "zzz", "invalid.kategori");
  tu_expect(&d, n, "6", "ask.terlapor");
  /* The count is per step and starts again after a good answer. */
  tu_expect(&d, n, "1", "invalid.terlapor");
  tu_expect(&d, n, "2", "invalid.terlapor");
  tu_expect(&d, n, "3", "help.terlapor");
  tu_daemon_cleanup(&d);
}
END_TEST

/* UBAH n for every field of the summary, each back to the summary. */
START_TEST(ubah_every_field)
{
  struct tu_daemon d;
  const char *n = "081444444444";
  struct tu_replies r;
  char *terlapor;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n, AT_KONFIRMASI);
  tu_expect(&d, n, "UBAH 1", "ask.kategori");
  tu_expect(&d, n, "7", "konfirmasi");
  tu_expect(&d, n, "ubah 2", "ask.terlapor");
  tu_expect(&d, n, "Lurah Oebobo", "konfirmasi");
  tu_expect(&d, n, "Ubah 3", "ask.lokasi");
  tu_expect(&d, n, "Kota Kupang", "konfirmasi");
  tu_expect(&d, n, "UBAH 4", "ask.waktu");
  tu_expect(&d, n, "minggu lalu", "konfirmasi");
  tu_expect(&d, n, "UBAH 5", "ask.kronologi");
  tu_expect(&d, n, "Lurah meminta uang untuk surat keterangan domisili "
                   "yang seharusnya gratis.", "kronologi.more");
  tu_expect(&d, n, "LANJUT", "konfirmasi");
  tu_expect(&d, n, "UBAH 6", "ask.bukti");
  tu_expect(&d, n, "LANJUT", "konfirmasi");
  tu_expect(&d, n, "UBAH 7", "ask.identitas");
  tu_expect(&d, n, "1", "ask.nama");
  tu_expect(&d, n, "Agus", "konfirmasi");
  /* The summary shows the corrections. */
  ck_assert_int_eq(tu_say(&d, n, "BANTUAN", NULL, &r), 0);
  ck_assert(tu_is(&r, 0, "help.konfirmasi"));
  tu_replies_free(&r);
  tu_expect(&d, n, "KIRIM", "ticket.created");
  terlapor = tu_db_text(&d, "SELECT terlapor FROM tickets");
  ck_assert_str_eq(terlapor, "Lurah Oebobo");
  free(terlapor);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "category = 'pelayanan_publik' AND lokasi "
                                 "= 'Kota Kupang' AND waktu = 'minggu lalu' "
                                 "AND identitas = 'nama' AND kronologi LIKE "
                                 "'Lurah meminta%'"), 1);
  tu_daemon_cleanup(&d);
}
END_TEST

/* KEMBALI from every step goes to the one before it. */
START_TEST(kembali_from_every_step)
{
  static const struct {
    int at;
    const char *back_to;
  } cases[] = {
    {AT_MENU, "back.none"},
    {AT_KATEGORI, "menu"},
    {AT_TERLAPOR, "ask.kategori"},
    {AT_LOKASI, "ask.terlapor"},
    {AT_WAKTU, "ask.lokasi"},
    {AT_KRONOLOGI, "ask.waktu"},
    {AT_BUKTI, "ask.kronologi"},
    {AT_IDENTITAS, "ask.bukti"},
    {AT_KONFIRMASI, "ask.identitas"},
  };
  struct tu_daemon d;
  char from[20];
  size_t i;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    snprintf(from, sizeof(from), "08150000%04zu", i);
    walk(&d, from, cases[i].at);
    tu_expect(&d, from, "KEMBALI", cases[i].back_to);
  }
  /* From nama back to identitas. */
  walk(&d, "081599999999", AT_IDENTITAS);
  tu_expect(&d, "081599999999", "1", "ask.nama");
  tu_expect(&d, "081599999999", "kembali", "ask.identitas");
  /* Going back and forth keeps what was given. */
  tu_expect(&d, "081599999999", "3", "konfirmasi");
  tu_expect(&d, "081599999999", "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 1);
  tu_daemon_cleanup(&d);
}
END_TEST

/* BATAL from every step drops the draft. */
START_TEST(batal_from_every_step)
{
  struct tu_daemon d;
  char from[20];
  int at;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  for (at = AT_MENU; at <= AT_KONFIRMASI; at++) {
    snprintf(from, sizeof(from), "08160000%04d", at);
    walk(&d, from, at);
    tu_expect(&d, from, " Batal! ", "cancelled");
    /* Nothing of the draft is left: a new report starts empty. */
    tu_expect(&d, from, "1", "ask.kategori");
  }
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE "
                                 "draft LIKE '%terlapor%'"), 0);
  tu_daemon_cleanup(&d);
}
END_TEST

/* Replace every occurrence of a in s by b, in place (same length). */
static void
swap_number(char *s, const char *a, const char *b)
{
  char *p;

  while ((p = strstr(s, a)) != NULL)
    memcpy(p, b, strlen(b));
}

START_TEST(status_own_other_missing_and_sloppy)
{
  struct tu_daemon d;
  struct tu_replies own, other, missing, sloppy;
  char *num, cmd[64], fake[16], sloppynum[32];

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  num = file_report(&d, "081777777777");
  snprintf(cmd, sizeof(cmd), "STATUS %s", num);
  ck_assert_int_eq(tu_say(&d, "081777777777", cmd, NULL, &own), 0);
  ck_assert(tu_is(&own, 0, "status.result"));
  ck_assert(tu_has(&own, num));
  ck_assert(tu_has(&own, "WITA"));

  /* Another number asking for it... */
  ck_assert_int_eq(tu_say(&d, "081888888888", cmd, NULL, &other), 0);
  ck_assert(tu_is(&other, other.n - 1, "status.notfound"));
  /* ...gets what a number that does not exist gets. */
  memcpy(fake, num, 15);
  memcpy(fake + 9, "99999", 6);
  snprintf(cmd, sizeof(cmd), "CEK %s", fake);
  ck_assert_int_eq(tu_say(&d, "081777777777", cmd, NULL, &missing), 0);
  ck_assert(tu_is(&missing, 0, "status.notfound"));
  swap_number(missing.v[0], fake, num);
  ck_assert_str_eq(missing.v[0], other.v[other.n - 1]);

  /* Sloppy spelling: lower case, spaces, no leading zeros. */
  snprintf(sloppynum, sizeof(sloppynum), "cek  ntt %.4s %d", num + 4,
           atoi(num + 9));
  ck_assert_int_eq(tu_say(&d, "081777777777", sloppynum, NULL, &sloppy), 0);
  ck_assert(tu_is(&sloppy, 0, "status.result"));
  ck_assert(tu_has(&sloppy, num));

  /* Through the menu: 2, then the number. */
  tu_expect(&d, "081777777777", "2", "status.ask");
  tu_expect(&d, "081777777777", num, "status.result");
  /* A status check mid-report leaves the draft where it was. */
  walk_again(&d, "081777777777", AT_TERLAPOR);
  snprintf(cmd, sizeof(cmd), "status %s", num);
  tu_expect(&d, "081777777777", cmd, "status.result");
  tu_expect(&d, "081777777777", "Bupati", "ask.lokasi");

  tu_replies_free(&own);
  tu_replies_free(&other);
  tu_replies_free(&missing);
  tu_replies_free(&sloppy);
  free(num);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(idle_draft_held_then_expires)
{
  struct tu_daemon d;
  const char *n = "081999999999";

  /* The default draft_ttl is 24 h and draft_keep 7 days; the daemon's
   * clock is moved, nobody waits. */
  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n, AT_LOKASI);
  ck_assert_int_eq(tu_daemon_advance(&d, 23LL * 3600 * 1000), 0);
  tu_expect(&d, n, "Sikka", "ask.waktu");
  /* Idle past draft_ttl: held, the reporter reminded, the message kept. */
  ck_assert_int_eq(tu_daemon_advance(&d, 25LL * 3600 * 1000), 0);
  tu_expect(&d, n, "kemarin", "draft.reminder");
  ck_assert(tu_daemon_log_has(&d, "event=report.held"));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE "
                                 "draft LIKE '%Sikka%'"), 1);
  /* LANJUTKAN: the kept message answers the open question. */
  tu_expect(&d, n, "LANJUTKAN", "ask.kronologi");
  ck_assert(tu_daemon_log_has(&d, "event=report.resumed"));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE "
                                 "draft LIKE '%kemarin%'"), 1);
  /* Idle past draft_ttl + draft_keep: gone; the message still handled. */
  ck_assert_int_eq(tu_daemon_advance(&d, 8LL * 24 * 3600 * 1000 + 1), 0);
  tu_expect(&d, n, "1", "ask.kategori");
  ck_assert(tu_daemon_log_has(&d, "event=report.expired"));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE "
                                 "draft LIKE '%Sikka%'"), 0);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(two_reporters_interleave)
{
  struct tu_daemon d;
  const char *a = "081210000001", *b = "081210000002";
  int i;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  for (i = 0; i <= AT_TERLAPOR; i++) {
    tu_expect(&d, a, happy[i].text, happy[i].key);
    tu_expect(&d, b, happy[i].text, happy[i].key);
  }
  tu_expect(&d, a, "Kepala Desa Oesao", "ask.lokasi");
  tu_expect(&d, b, "Kepala Sekolah SMPN 1", "ask.lokasi");
  for (i = AT_LOKASI; i <= AT_FILED - 1; i++) {
    tu_expect(&d, b, happy[i + 1].text, happy[i + 1].key);
    tu_expect(&d, a, happy[i + 1].text, happy[i + 1].key);
  }
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 2);
  ck_assert_int_eq(tu_db_int(&d,
    "SELECT count(*) FROM tickets t JOIN reporters r ON r.id = "
    "t.reporter_id WHERE (r.phone = '+6281210000001' AND t.terlapor = "
    "'Kepala Desa Oesao') OR (r.phone = '+6281210000002' AND t.terlapor = "
    "'Kepala Sekolah SMPN 1')"), 2);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(sigkill_mid_conversation_resumes)
{
  struct tu_daemon d;
  const char *n = "081230000003";
  int status;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n, AT_KRONOLOGI);
  tu_expect(&d, n, "Petugas meminta uang tanpa kuitansi resmi di loket "
                   "pelayanan.", "kronologi.more");
  ck_assert_int_eq(tu_daemon_kill(&d, SIGKILL), 0);
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 10000, &status), 0);
  ck_assert(WIFSIGNALED(status));
  ck_assert_int_eq(tu_daemon_restart(&d), 0);
  /* Same step, same draft: the first part of the story is still there. */
  tu_expect(&d, n, "LANJUT", "ask.bukti");
  tu_expect(&d, n, "LEWATI", "ask.identitas");
  tu_expect(&d, n, "3", "konfirmasi");
  tu_expect(&d, n, "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "kronologi LIKE 'Petugas meminta uang%'"),
                   1);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(repeated_delivery_advances_once)
{
  struct tu_daemon d;
  struct tu_replies a, b;
  const char *n = "081240000004";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  tu_expect(&d, n, "Halo", "menu");
  ck_assert_int_eq(tu_say(&d, n, "1", "wamid.same", &a), 0);
  ck_assert_int_eq(tu_say(&d, n, "1", "wamid.same", &b), 0);
  ck_assert_int_eq(a.status, 200);
  ck_assert_int_eq(b.status, 200);
  ck_assert(tu_is(&a, 0, "ask.kategori"));
  ck_assert_int_eq(a.n, b.n);
  ck_assert_str_eq(a.v[0], b.v[0]);
  /* Had the repeat been handled, "1" would have chosen category 1 and
   * "zzz" would now be a valid reported party. */
  tu_expect(&d, n, "zzz", "invalid.kategori");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound WHERE "
                                 "provider_id = 'wamid.same'"), 1);
  tu_replies_free(&a);
  tu_replies_free(&b);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(unsupported_and_media_messages)
{
  struct tu_daemon d;
  struct tu_replies r;
  const char *n = "081250000005";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n, AT_BUKTI);
  ck_assert_int_eq(tu_say_json(&d, "{\"from\":\"081250000005\",\"media\":"
                                   "{\"url\":\"http://127.0.0.1:1/f.jpg\","
                                   "\"mime\":\"image/jpeg\"}}", &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert(tu_is(&r, 0, "bukti.received"));
  tu_replies_free(&r);
  ck_assert_int_eq(tu_say_json(&d, "{\"from\":\"081250000005\",\"media\":"
                                   "{\"url\":\"http://127.0.0.1:1/x.exe\","
                                   "\"mime\":\"application/x-msdownload\"}}",
                               &r), 0);
  ck_assert(tu_is(&r, 0, "invalid.bukti.type"));
  tu_replies_free(&r);
  tu_expect(&d, n, "LANJUT", "ask.identitas");
  tu_expect(&d, n, "3", "konfirmasi");
  tu_expect(&d, n, "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence WHERE "
                                 "ticket_id IS NOT NULL AND mime = "
                                 "'image/jpeg'"), 1);
  /* A location where a place is asked for is kept as coordinates, and
   * the place asked for by name. */
  walk(&d, "081250000006", AT_LOKASI);
  ck_assert_int_eq(tu_say_json(&d, "{\"from\":\"081250000006\",\"location\":"
                                   "{\"lat\":-10.1772,\"lng\":123.6070}}",
                               &r), 0);
  ck_assert(tu_is(&r, 0, "ask.lokasi.nama"));
  tu_replies_free(&r);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(flood_gets_one_notice)
{
  struct tu_daemon d;
  struct tu_replies r;
  const char *n = "081270000007";

  ck_assert_int_eq(tu_daemon_start(&d, "[limits]\nmessages_per_minute = 3\n"),
                   0);
  tu_expect(&d, n, "Halo", "menu");
  tu_expect(&d, n, "1", "ask.kategori");
  tu_expect(&d, n, "3", "ask.terlapor");
  tu_expect(&d, n, "Camat", "flood");
  ck_assert_int_eq(tu_say(&d, n, "Camat Maulafa", NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert_int_eq(r.n, 0);
  tu_replies_free(&r);
  /* Nothing was lost: all five are stored; none moved the draft on. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound"), 5);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE "
                                 "step = 'terlapor'"), 1);
  ck_assert(tu_daemon_log_has(&d, "reason=flood"));
  /* A minute later the reporter is heard again. */
  ck_assert_int_eq(tu_daemon_advance(&d, 61000), 0);
  tu_expect(&d, n, "Camat Maulafa", "ask.lokasi");
  tu_daemon_cleanup(&d);
}
END_TEST

#define CROWD 200

struct crowd_arg {
  struct tu_daemon *d;
  int i;
  int ok;
};

static void *
crowd_main(void *p)
{
  struct crowd_arg *a = p;
  char from[20], story[400], who[64];
  int i;

  snprintf(from, sizeof(from), "0813%08d", a->i);
  tu_story(a->i, story, sizeof(story));
  snprintf(who, sizeof(who), "Pejabat nomor %d", a->i);
  for (i = 0; i <= AT_FILED; i++) {
    struct tu_replies r;
    const char *text = i == AT_LOKASI ? who
                     : i == AT_KRONOLOGI_MORE ? story : happy[i].text;
    if (tu_say(a->d, from, text, NULL, &r) != 0) {
      fprintf(stderr, "reporter %d, step %d: no answer\n", a->i, i);
      return NULL;
    }
    if (r.status != 200 || r.n == 0 || !tu_is(&r, r.n - 1, happy[i].key)) {
      fprintf(stderr, "reporter %d, step %d: %d, expected %s, got '%.80s'\n",
              a->i, i, r.status, happy[i].key, r.n > 0 ? r.v[r.n - 1] : "");
      tu_replies_free(&r);
      return NULL;
    }
    tu_replies_free(&r);
  }
  a->ok = 1;
  return NULL;
}

START_TEST(two_hundred_reporters_at_once)
{
  static pthread_t th[CROWD];
  static struct crowd_arg args[CROWD];
  struct tu_daemon d;
  int i, ok = 0;

  ck_assert_int_eq(tu_daemon_start(&d, "[limits]\nmessages_per_minute = 0\n"),
                   0);
  for (i = 0; i < CROWD; i++) {
    args[i].d = &d;
    args[i].i = i;
    args[i].ok = 0;
    ck_assert_int_eq(pthread_create(&th[i], NULL, crowd_main, &args[i]), 0);
  }
  for (i = 0; i < CROWD; i++) {
    pthread_join(th[i], NULL);
    ok += args[i].ok;
  }
  ck_assert_int_eq(ok, CROWD);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), CROWD);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(DISTINCT number) FROM "
                                 "tickets"), CROWD);
  /* Gapless: 1..200 in one year. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT min(seq) FROM tickets"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT max(seq) FROM tickets"), CROWD);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(DISTINCT reporter_id) FROM "
                                 "tickets"), CROWD);
  tu_daemon_cleanup(&d);
}
END_TEST

static Suite *
conv_suite(void)
{
  Suite *s = suite_create("conv");
  TCase *tc = tcase_create("daemon");

  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, happy_path_files_a_ticket);
  tcase_add_test(tc, lokasi_kept_chosen_and_outside);
  tcase_add_test(tc, lokasi_outside_ntt_told_then_kept_and_marked);
  tcase_add_test(tc, named_and_secret_identities_keep_the_name_apart);
  tcase_add_test(tc, each_field_rejects_and_reprompts);
  tcase_add_test(tc, three_invalid_answers_bring_help);
  tcase_add_test(tc, ubah_every_field);
  tcase_add_test(tc, kembali_from_every_step);
  tcase_add_test(tc, batal_from_every_step);
  tcase_add_test(tc, status_own_other_missing_and_sloppy);
  tcase_add_test(tc, idle_draft_held_then_expires);
  tcase_add_test(tc, two_reporters_interleave);
  tcase_add_test(tc, sigkill_mid_conversation_resumes);
  tcase_add_test(tc, repeated_delivery_advances_once);
  tcase_add_test(tc, unsupported_and_media_messages);
  tcase_add_test(tc, flood_gets_one_notice);
  tcase_add_test(tc, two_hundred_reporters_at_once);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(conv_suite)
