/*
 * test_quality.c: the hotline's four rules through the real daemon:
 * insults refused and a clean rewrite taken; a description not in
 * Indonesian questioned once and insisted on; dates in the future or too
 * old refused; places matched; a duplicate not filed again (the reporter
 * adds to the open ticket instead); a quoted insult and a literal sense
 * filed with their marks, which follow the text they were found in
 * through edits and older drafts; a threat refused and logged, the draft
 * kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <json-c/json.h>

#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"

static const char *const to_kronologi[][2] = {
  {"Halo", "menu"}, {"1", "ask.kategori"}, {"3", "ask.terlapor"},
  {"Kepala Seksi Perizinan Dinas PMPTSP", "ask.lokasi"},
  {"di kab. kupang", "ask.waktu"}, {"12 Maret 2026", "ask.kronologi"},
};

static void
walk(struct tu_daemon *d, const char *from)
{
  size_t i;

  for (i = 0; i < sizeof(to_kronologi) / sizeof(to_kronologi[0]); i++)
    tu_expect(d, from, to_kronologi[i][0], to_kronologi[i][1]);
}

static void
finish(struct tu_daemon *d, const char *from)
{
  tu_expect(d, from, "LANJUT", "ask.bukti");
  tu_expect(d, from, "LEWATI", "ask.identitas");
  tu_expect(d, from, "3", "konfirmasi");
}

START_TEST(insult_refused_clean_rewrite_taken)
{
  struct tu_daemon d;
  const char *n = "081300000001";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n);
  tu_expect(&d, n, "Petugas b4ngs4t itu meminta uang dua ratus ribu agar "
                   "izin saya diproses", "invalid.abusive");
  ck_assert(tu_daemon_log_has(&d, "reason=abusive"));
  /* The refused part was not kept. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE "
                                 "draft LIKE '%b4ngs4t%'"), 0);
  tu_expect(&d, n, "Petugas itu meminta uang dua ratus ribu rupiah agar "
                   "izin usaha saya diproses", "kronologi.more");
  finish(&d, n);
  tu_expect(&d, n, "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 1);
  /* The insult itself never reaches the log. */
  ck_assert(!tu_daemon_log_now(&d, "b4ngs4t"));
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(english_questioned_once_then_insisted)
{
  struct tu_daemon d;
  const char *n = "081300000002";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n);
  tu_expect(&d, n, "The officer at the counter asked me for money before "
                   "he would process my business permit application",
            "kronologi.more");
  tu_expect(&d, n, "LANJUT", "invalid.kronologi.language");
  tu_expect(&d, n, "LANJUT", "ask.bukti");
  ck_assert(tu_daemon_log_has(&d, "event=report.insisted"));
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(all_capitals_questioned)
{
  struct tu_daemon d;
  const char *n = "081300000003";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n);
  tu_expect(&d, n, "PETUGAS DI LOKET MEMINTA UANG KEPADA SAYA DAN WARGA YANG "
                   "LAIN UNTUK MENGURUS SURAT", "invalid.kronologi.caps");
  tu_expect(&d, n, "LANJUT", "ask.bukti");
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(dates_in_the_future_or_too_old_refused)
{
  struct tu_daemon d;
  const char *n = "081300000004";
  char *tanggal;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  tu_expect(&d, n, "Halo", "menu");
  tu_expect(&d, n, "1", "ask.kategori");
  tu_expect(&d, n, "6", "ask.terlapor");
  tu_expect(&d, n, "Kepala Desa", "ask.lokasi");
  tu_expect(&d, n, "Kota Kupang", "ask.waktu");
  tu_expect(&d, n, "besok", "invalid.waktu.future");
  /* The second answer not taken, older than the limit this time, is kept
   * as given and marked: never a third refusal (SPEC 4). */
  tu_expect(&d, n, "1 Januari 2015", "ask.kronologi");
  tu_expect(&d, n, "Kepala desa menerima hadiah sepeda motor dari kontraktor "
                   "proyek jalan desa", "kronologi.more");
  finish(&d, n);
  tu_expect(&d, n, "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "waktu = '1 Januari 2015' AND waktu_tanggal "
                                 "IS NULL AND waktu_presisi = 'unresolved' "
                                 "AND marks = 'waktu' AND lokasi_kode = "
                                 "'5371'"), 1);
  /* A known date is kept as a date. */
  walk(&d, "081300000005");
  tu_expect(&d, "081300000005", "Kepala seksi meminta uang pelicin untuk "
            "menerbitkan izin usaha kami", "kronologi.more");
  finish(&d, "081300000005");
  tu_expect(&d, "081300000005", "KIRIM", "ticket.created");
  tanggal = tu_db_text(&d, "SELECT waktu_tanggal || ' ' || lokasi_kode FROM "
                           "tickets WHERE waktu = '12 Maret 2026'");
  ck_assert_ptr_nonnull(tanggal);
  ck_assert_str_eq(tanggal, "2026-03-12 5303");
  free(tanggal);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(duplicate_not_filed_again)
{
  struct tu_daemon d;
  struct tu_replies r;
  char *num;
  const char *a = "081300000006", *b = "081300000007";
  const char *story = "Petugas loket Dinas PMPTSP meminta uang dua ratus ribu "
                      "rupiah agar izin usaha saya cepat diproses tanpa "
                      "kuitansi resmi";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, a);
  tu_expect(&d, a, story, "kronologi.more");
  finish(&d, a);
  tu_expect(&d, a, "KIRIM", "ticket.created");
  num = tu_db_text(&d, "SELECT number FROM tickets");
  ck_assert_ptr_nonnull(num);

  /* The same reporter, the same story told again. */
  tu_expect(&d, a, "MENU", "menu");
  {
    size_t i;
    for (i = 1; i < sizeof(to_kronologi) / sizeof(to_kronologi[0]); i++)
      tu_expect(&d, a, to_kronologi[i][0], to_kronologi[i][1]);
  }
  tu_expect(&d, a, "Saya diminta uang dua ratus ribu rupiah oleh petugas "
                   "loket Dinas PMPTSP supaya izin usaha saya cepat "
                   "diproses, tanpa kuitansi", "kronologi.more");
  finish(&d, a);
  ck_assert_int_eq(tu_say(&d, a, "KIRIM", NULL, &r), 0);
  ck_assert(tu_is(&r, 0, "duplicate.same"));
  ck_assert(tu_has(&r, num));
  tu_replies_free(&r);
  ck_assert(tu_daemon_log_has(&d, "reason=duplicate_same"));
  /* The reporter chooses (SPEC 4 rule 4): TAMBAH adds it to the ticket. */
  tu_expect(&d, a, "TAMBAH", "addition.received");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM ticket_events "
                                 "WHERE actor = 'tambahan'"), 1);

  /* Another reporter copying it word for word. */
  walk(&d, b);
  tu_expect(&d, b, story, "kronologi.more");
  finish(&d, b);
  ck_assert_int_eq(tu_say(&d, b, "KIRIM", NULL, &r), 0);
  ck_assert(tu_is(&r, 0, "duplicate.other"));
  /* Not the other reporter's ticket number: a reporter sees only the
   * tickets of their own number. */
  ck_assert(!tu_has(&r, num));
  tu_replies_free(&r);
  ck_assert(tu_daemon_log_has(&d, "reason=duplicate_any"));
  tu_expect(&d, b, "TAMBAH", "support.received");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM ticket_events "
                                 "WHERE actor LIKE 'dukungan%'"), 1);

  /* An unrelated report in the same category is filed. */
  walk(&d, "081300000008");
  tu_expect(&d, "081300000008", "Juru parkir pasar Oeba memungut biaya "
            "parkir dua kali lipat dari tarif resmi kepada pedagang",
            "kronologi.more");
  finish(&d, "081300000008");
  tu_expect(&d, "081300000008", "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 2);
  free(num);
  tu_daemon_cleanup(&d);
}
END_TEST

/* `aduanctl -s SOCK a1 a2 a3 a4` against d (a3, a4 may be NULL): its
 * output (the caller frees); it must exit 0. */
static char *
ctl_out(struct tu_daemon *d, const char *a1, const char *a2, const char *a3,
        const char *a4)
{
  char *sock = tu_path(d->dir, "var/admin.sock"), *out = NULL, *err = NULL;
  const char *argv[] = {ADUANCTL_BIN, "-s", sock, a1, a2, a3, a4, NULL};
  int st = -1;

  ck_assert_int_eq(tu_run(argv, NULL, &out, &err, &st), 0);
  ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s %s", out, err);
  free(err);
  free(sock);
  return out;
}

/* SPEC 4 rule 3: an official's insult quoted by the reporter is the
 * evidence of the report: filed, and marked for the operator in show and
 * the export; a word in its literal sense likewise. */
START_TEST(quoted_insult_filed_and_flagged)
{
  struct tu_daemon d;
  const char *n = "081300000011", *m = "081300000012";
  char *num, *out;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n);
  tu_expect(&d, n, "Kepala sekolah menyebut guru perempuan dengan kata "
                   "\"lonte\" di depan murid-murid saat upacara",
            "kronologi.more");
  finish(&d, n);
  tu_expect(&d, n, "KIRIM", "ticket.created");
  num = tu_db_text(&d, "SELECT number FROM tickets");
  ck_assert_ptr_nonnull(num);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "marks = 'quoted_insult'"), 1);
  out = ctl_out(&d, "show", num, NULL, NULL);
  ck_assert_msg(strstr(out, "\nmarks        quoted_insult\n") != NULL, "%s",
                out);
  free(out);
  out = ctl_out(&d, "export", "--since", "2020-01-01", NULL);
  ck_assert_msg(strstr(out, "quoted_insult") != NULL, "%s", out);
  free(out);
  free(num);
  /* Bedbugs in a dormitory: "bangsat" in its literal sense. */
  walk(&d, m);
  tu_expect(&d, m, "Kasur di asrama sekolah penuh bangsat, anak-anak "
                   "digigit tiap malam dan dana perbaikan tidak dipakai",
            "kronologi.more");
  finish(&d, m);
  tu_expect(&d, m, "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "marks = 'literal'"), 1);
  tu_daemon_cleanup(&d);
}
END_TEST

/* A story with an official's insult quoted, and a clean one. */
#define STORY_QUOTED "Kepala sekolah menyebut guru perempuan dengan kata " \
                     "\"lonte\" di depan murid-murid saat upacara"
#define STORY_CLEAN "Petugas itu meminta uang dua ratus ribu rupiah agar " \
                    "izin usaha saya diproses"

/* From the story to the summary, as walk() left it. */
static void
story_to_summary(struct tu_daemon *d, const char *from, const char *story)
{
  tu_expect(d, from, story, "kronologi.more");
  finish(d, from);
}

/* UBAH 5 with story at the summary, back to the summary. */
static void
story_edited(struct tu_daemon *d, const char *from, const char *story)
{
  tu_expect(d, from, "UBAH 5", "ask.kronologi");
  tu_expect(d, from, story, "kronologi.more");
  tu_expect(d, from, "LANJUT", "konfirmasi");
}

/* The rule-3 marks found when a field was accepted stay with the draft,
 * beside the text they were found in, so that filing need not judge it
 * again. */
START_TEST(marks_kept_with_the_accepted_field)
{
  struct tu_daemon d;
  const char *n = "081300000021";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n);
  tu_expect(&d, n, STORY_QUOTED, "kronologi.more");
  tu_expect(&d, n, "LANJUT", "ask.bukti");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE "
                                 "draft LIKE '%\"tanda\":{%' AND draft LIKE "
                                 "'%\"kronologi\":1%' AND draft LIKE "
                                 "'%\"terlapor\":0%'"), 1);
  tu_daemon_cleanup(&d);
}
END_TEST

/* A story accepted with a quoted insult, then rewritten clean (UBAH 5)
 * before KIRIM: filed without the flag. */
START_TEST(quoted_insult_edited_away_filed_clean)
{
  struct tu_daemon d;
  const char *n = "081300000022";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n);
  story_to_summary(&d, n, STORY_QUOTED);
  story_edited(&d, n, STORY_CLEAN);
  tu_expect(&d, n, "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "marks IS NULL"), 1);
  tu_daemon_cleanup(&d);
}
END_TEST

/* The reverse: a clean story rewritten with a quoted insult is filed with
 * the flag. */
START_TEST(quoted_insult_edited_in_filed_flagged)
{
  struct tu_daemon d;
  const char *n = "081300000023";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n);
  story_to_summary(&d, n, STORY_CLEAN);
  story_edited(&d, n, STORY_QUOTED);
  tu_expect(&d, n, "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "marks = 'quoted_insult'"), 1);
  tu_daemon_cleanup(&d);
}
END_TEST

/* Another field changed (UBAH 2): the flag of the story left as it was
 * is kept. */
START_TEST(unchanged_field_keeps_its_flag)
{
  struct tu_daemon d;
  const char *n = "081300000024";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n);
  story_to_summary(&d, n, STORY_QUOTED);
  tu_expect(&d, n, "UBAH 2", "ask.terlapor");
  tu_expect(&d, n, "Kepala Sekolah SMA Negeri 1 Kupang", "konfirmasi");
  tu_expect(&d, n, "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "terlapor LIKE 'Kepala Sekolah SMA%' AND "
                                 "marks = 'quoted_insult'"), 1);
  tu_daemon_cleanup(&d);
}
END_TEST

/* The draft of the session at the summary with the kept marks dropped,
 * as a daemon that kept none wrote it. */
static void
drop_kept_marks(struct tu_daemon *d)
{
  static const char head[] = "UPDATE sessions SET draft = '",
                    tail[] = "' WHERE step = 'konfirmasi'";
  char *draft = tu_db_text(d, "SELECT draft FROM sessions WHERE step = "
                              "'konfirmasi'");
  struct json_object *o;
  const char *old;
  char *sql;
  size_t len;

  ck_assert_ptr_nonnull(draft);
  o = json_tokener_parse(draft);
  ck_assert_ptr_nonnull(o);
  json_object_object_del(o, "tanda");
  old = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN);
  ck_assert_ptr_null(strchr(old, '\''));
  len = sizeof(head) + strlen(old) + sizeof(tail);
  sql = malloc(len);
  ck_assert_ptr_nonnull(sql);
  snprintf(sql, len, "%s%s%s", head, old, tail);
  ck_assert_int_eq(tu_db_exec(d, sql), 0);
  ck_assert_int_eq(tu_db_int(d, "SELECT count(*) FROM sessions WHERE "
                                "draft LIKE '%\"tanda\"%'"), 0);
  free(sql);
  json_object_put(o);
  free(draft);
}

/* A draft saved by an older version, with no marks kept: judged at filing,
 * so an upgrade changes nothing. */
START_TEST(older_draft_judged_at_filing)
{
  struct tu_daemon d;
  const char *n = "081300000025";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n);
  story_to_summary(&d, n, STORY_QUOTED);
  drop_kept_marks(&d);
  tu_expect(&d, n, "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "marks = 'quoted_insult'"), 1);
  tu_daemon_cleanup(&d);
}
END_TEST

/* SPEC 4 rule 3 holds for every free text: an official's insult quoted
 * in the answer for waktu is flagged for the operator like one in the
 * story. */
START_TEST(quoted_insult_in_waktu_flagged)
{
  struct tu_daemon d;
  const char *n = "081300000026";
  size_t i;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  for (i = 0; i + 1 < sizeof(to_kronologi) / sizeof(to_kronologi[0]); i++)
    tu_expect(&d, n, to_kronologi[i][0], to_kronologi[i][1]);
  tu_expect(&d, n, "12 Maret 2026, waktu kepala sekolah teriak \"lonte\" "
                   "di depan murid-murid", "ask.kronologi");
  story_to_summary(&d, n, STORY_CLEAN);
  tu_expect(&d, n, "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "marks = 'quoted_insult'"), 1);
  tu_daemon_cleanup(&d);
}
END_TEST

/* A threat of violence is refused with its own reason and logged for the
 * operators (without its text); the draft stays, and the rewrite files. */
START_TEST(threat_refused_logged_draft_kept)
{
  struct tu_daemon d;
  const char *n = "081300000013";

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk(&d, n);
  tu_expect(&d, n, "Kalau uang saya tidak dikembalikan, saya bakar kantor "
                   "dinas itu", "invalid.threat");
  ck_assert(tu_daemon_log_has(&d, "event=report.threat"));
  ck_assert(tu_daemon_log_has(&d, "reason=threat"));
  ck_assert(!tu_daemon_log_now(&d, "bakar"));
  /* The draft is kept: every answer so far, at the same step. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE "
                                 "draft LIKE '%PMPTSP%' AND step = "
                                 "'kronologi'"), 1);
  tu_expect(&d, n, "Petugas itu meminta uang dua ratus ribu rupiah agar "
                   "izin usaha saya diproses", "kronologi.more");
  finish(&d, n);
  tu_expect(&d, n, "KIRIM", "ticket.created");
  /* Filed, and the operator sees that a threat was refused on the way
   * (SPEC 4: every flag in show and the export). */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "terlapor LIKE '%PMPTSP%' AND marks = "
                                 "'threat'"), 1);
  tu_daemon_cleanup(&d);
}
END_TEST

static Suite *
quality_flow_suite(void)
{
  Suite *s = suite_create("quality_flow");
  TCase *tc = tcase_create("daemon");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, insult_refused_clean_rewrite_taken);
  tcase_add_test(tc, english_questioned_once_then_insisted);
  tcase_add_test(tc, all_capitals_questioned);
  tcase_add_test(tc, dates_in_the_future_or_too_old_refused);
  tcase_add_test(tc, duplicate_not_filed_again);
  tcase_add_test(tc, quoted_insult_filed_and_flagged);
  tcase_add_test(tc, marks_kept_with_the_accepted_field);
  tcase_add_test(tc, quoted_insult_edited_away_filed_clean);
  tcase_add_test(tc, quoted_insult_edited_in_filed_flagged);
  tcase_add_test(tc, unchanged_field_keeps_its_flag);
  tcase_add_test(tc, older_draft_judged_at_filing);
  tcase_add_test(tc, quoted_insult_in_waktu_flagged);
  tcase_add_test(tc, threat_refused_logged_draft_kept);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(quality_flow_suite)
