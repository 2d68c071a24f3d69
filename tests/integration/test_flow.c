/*
 * test_flow.c: nothing a citizen sends is thrown away (SPEC 3), through
 * the real daemon: words at the menu, the story step's own words, media
 * and locations before their step, replies to a notice, and what each
 * reply costs on an SMS channel (a Kannel channel whose gateway is the
 * fake provider).
 *
 * Replies on the dev channel are recognised by catalogue key (tu_expect);
 * SMS replies are read from the outbox and measured with sms_measure().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "base/buf.h"
#include "base/sms.h"
#include "fakeprov.h"
#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"

#define KS_SECRET "kannel-secret-flow"

static struct tu_daemon d;
static struct fakeprov *fp;

/* A daemon with the dev channel, an admin socket and a Kannel channel
 * whose sendsms is the fake provider; more is appended to the config. */
static void
start(const char *more)
{
  struct buf conf = BUF_INIT;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  fakeprov_default(fp, 202, "0: Accepted for delivery");
  buf_printf(&conf,
             "[admin]\noperators = tester=0\n"
             "[outbox]\nbackoff_base = 100ms\nbackoff_max = 400ms\n"
             "timeout = 2s\n"
             "[channel.ks]\ntype = kannel\nsecret = " KS_SECRET "\n"
             "sendsms_url = http://127.0.0.1:%d/cgi-bin/sendsms\n"
             "username = aduan\npassword = pw\nfrom = 1708\n%s",
             fakeprov_port(fp), more ? more : "");
  ck_assert_int_eq(tu_daemon_start(&d, conf.data), 0);
  buf_free(&conf);
}

static void
stop(void)
{
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
}

/* Run aduanctl against the daemon's admin socket: its exit code. */
static int
ctl(const char *a1, const char *a2, const char *a3, const char *a4,
    const char *a5)
{
  char *sock = tu_path(d.dir, "var/admin.sock"), *out = NULL, *err = NULL;
  const char *argv[] = {ADUANCTL_BIN, "-s", sock, a1, a2, a3, a4, a5, NULL};
  int st = -1;

  ck_assert_int_eq(tu_run(argv, NULL, &out, &err, &st), 0);
  free(out);
  free(err);
  free(sock);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The number of the ticket in the last reply of r (allocated). */
static char *
ticket_in(const struct tu_replies *r)
{
  const char *p = r->n > 0 ? strstr(r->v[r->n - 1], "NTT-") : NULL;

  ck_assert_ptr_nonnull(p);
  return strndup(p, 14);
}

/* A report filed on the dev channel by from: its number (allocated). */
static char *
file_dev(const char *from)
{
  static const char *const steps[] = {
    "1", "pungli", "Kepala Seksi Perizinan Dinas PMPTSP", "Ende",
    "kemarin", NULL,
  };
  struct tu_replies r;
  char story[400];
  char *num;
  int i;

  tu_expect(&d, from, "MENU", "menu");
  for (i = 0; steps[i] != NULL; i++) {
    ck_assert_int_eq(tu_say(&d, from, steps[i], NULL, &r), 0);
    tu_replies_free(&r);
  }
  tu_story(atoi(from + 6), story, sizeof(story));
  tu_expect(&d, from, story, "kronologi.more");
  tu_expect(&d, from, "LANJUT", "ask.bukti");
  tu_expect(&d, from, "LEWATI", "ask.identitas");
  tu_expect(&d, from, "3", "konfirmasi");
  ck_assert_int_eq(tu_say(&d, from, "KIRIM", NULL, &r), 0);
  ck_assert(tu_is(&r, r.n - 1, "ticket.created"));
  num = ticket_in(&r);
  tu_replies_free(&r);
  return num;
}

/* ---- No dead end at the menu ------------------------------------------ */

START_TEST(menu_words_get_an_answer)
{
  const char *n = "081311110001";
  struct tu_replies r;
  char *num, bare[32];

  start(NULL);
  num = file_dev(n);
  /* Thanks: a thank-you and the latest ticket's status. */
  ck_assert_int_eq(tu_say(&d, n, "terima kasih banyak", NULL, &r), 0);
  ck_assert_msg(tu_is(&r, 0, "thanks.ticket"), "got '%s'", r.v[0]);
  ck_assert_msg(tu_has(&r, num), "no ticket in '%s'", r.v[0]);
  tu_replies_free(&r);
  /* A status question in words: the reporter's own tickets. */
  ck_assert_int_eq(tu_say(&d, n, "Status laporan saya bagaimana?", NULL, &r),
                   0);
  ck_assert_msg(tu_is(&r, 0, "status.mine"), "got '%s'", r.v[0]);
  ck_assert(tu_has(&r, num));
  tu_replies_free(&r);
  /* The number the bot sent, alone. */
  snprintf(bare, sizeof(bare), "%s", num);
  tu_expect(&d, n, bare, "status.result");
  /* Safety. */
  tu_expect(&d, n, "Apakah aman?", "safety.info");
  /* A wish to report starts one. */
  tu_expect(&d, n, "mau lapor", "ask.kategori");
  tu_expect(&d, n, "MENU", "menu");
  tu_expect(&d, n, "saya mau lapor lagi", "ask.kategori");
  free(num);
  stop();
}
END_TEST

/* ---- The story step knows its words ----------------------------------- */

/* Walk from to kronologi on dev. */
static void
to_kronologi(const char *from)
{
  tu_expect(&d, from, "1", "ask.kategori");
  tu_expect(&d, from, "3", "ask.terlapor");
  tu_expect(&d, from, "Kepala Desa Oesao", "ask.lokasi");
  tu_expect(&d, from, "Kabupaten Kupang", "ask.waktu");
  tu_expect(&d, from, "kemarin", "ask.kronologi");
}

START_TEST(story_step_knows_its_words)
{
  static const char *const done[] = {"KIRIM", "SELESAI", "slesai", "LEWATI",
                                     "sudah", "Lanjt", NULL};
  const char *n = "081311110002";
  char *draft, from[32];
  int i;

  start(NULL);
  to_kronologi(n);
  tu_expect(&d, n, "Kepala desa minta uang lima ratus ribu untuk surat "
                   "keterangan tanah saya di kantor desa", "kronologi.more");
  tu_expect(&d, n, "selamat pagi, maaf kemarin pulsa habis",
            "kronologi.not_story");
  tu_expect(&d, n, "3", "kronologi.not_story");
  tu_expect(&d, n, "Yohanes", "kronologi.not_story");
  draft = tu_db_text(&d, "SELECT draft FROM sessions");
  ck_assert_ptr_nonnull(draft);
  ck_assert_msg(strstr(draft, "pulsa") == NULL, "%s", draft);
  ck_assert_msg(strstr(draft, "Yohanes") == NULL, "%s", draft);
  ck_assert_msg(strstr(draft, "\\n3") == NULL, "%s", draft);
  free(draft);
  /* Every done-word ends the story. */
  for (i = 0; done[i] != NULL; i++) {
    snprintf(from, sizeof(from), "08131111010%d", i);
    to_kronologi(from);
    tu_expect(&d, from, "Kepala desa minta uang lima ratus ribu untuk surat "
                        "keterangan tanah saya di kantor desa",
              "kronologi.more");
    tu_expect(&d, from, done[i], "ask.bukti");
  }
  /* Capitals are pointed out when the text arrives, and not kept. */
  to_kronologi("081311110009");
  tu_expect(&d, "081311110009", "KEPALA DESA MINTA UANG LIMA RATUS RIBU "
            "UNTUK SURAT TANAH SAYA DI KANTOR DESA OESAO",
            "invalid.kronologi.caps");
  tu_expect(&d, "081311110009", "Kepala desa minta uang lima ratus ribu "
            "untuk surat tanah saya di kantor desa Oesao", "kronologi.more");
  tu_expect(&d, "081311110009", "LANJUT", "ask.bukti");
  stop();
}
END_TEST

/* ---- Every message lands somewhere ------------------------------------ */

/* Post a media message (with caption when not NULL) from the dev channel. */
static void
say_media(const char *from, const char *mime, const char *caption,
          struct tu_replies *r)
{
  struct buf b = BUF_INIT;
  char *cap = caption ? tu_json_str(caption) : NULL;

  buf_printf(&b, "{\"from\":\"%s\",\"media\":{\"url\":\"http://127.0.0.1:"
             "%d/media/%s.bin\",\"mime\":\"%s\"%s%s%s}}", from,
             fakeprov_port(fp), mime + 6, mime, cap ? ",\"caption\":\"" : "",
             cap ? cap : "", cap ? "\"" : "");
  ck_assert_int_eq(tu_say_json(&d, b.data, r), 0);
  ck_assert_int_eq(r->status, 200);
  buf_free(&b);
  free(cap);
}

START_TEST(media_and_caption_first_are_kept)
{
  const char *n = "081311110003";
  struct tu_replies r;
  char *draft;

  start(NULL);
  say_media(n, "image/jpeg", "Ini kwitansi pungutan liar dua ratus ribu "
            "rupiah di kantor camat Kota Raja kemarin siang", &r);
  ck_assert(tu_is(&r, 0, "bukti.started"));
  ck_assert(tu_is(&r, r.n - 1, "ask.kategori"));
  tu_replies_free(&r);
  draft = tu_db_text(&d, "SELECT draft FROM sessions");
  ck_assert_msg(draft != NULL && strstr(draft, "kwitansi") != NULL, "%s",
                draft);
  free(draft);
  /* A voice note at a later question: kept and acknowledged. */
  tu_expect(&d, n, "3", "ask.terlapor");
  say_media(n, "audio/ogg", NULL, &r);
  ck_assert_int_eq(r.n, 1);
  ck_assert(tu_is(&r, 0, "ask.terlapor"));
  ck_assert_msg(strstr(r.v[0], "\nBerkas Anda kami simpan sebagai bukti "
                       "laporan ini (2 berkas).") != NULL, "got '%s'",
                r.v[0]);
  tu_replies_free(&r);
  tu_expect(&d, n, "Camat Kota Raja", "ask.lokasi");
  tu_expect(&d, n, "Kota Kupang", "ask.waktu");
  tu_expect(&d, n, "kemarin", "kronologi.more");
  tu_expect(&d, n, "LANJUT", "ask.bukti");
  tu_expect(&d, n, "LANJUT", "ask.identitas");
  ck_assert_int_eq(tu_say(&d, n, "3", NULL, &r), 0);
  ck_assert(tu_is(&r, 0, "konfirmasi"));
  ck_assert_msg(strstr(r.v[0], "Bukti: 2") != NULL, "%s", r.v[0]);
  tu_replies_free(&r);
  tu_expect(&d, n, "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence WHERE "
                                 "ticket_id IS NOT NULL"), 2);
  stop();
}
END_TEST

START_TEST(reply_to_ditunda_reaches_the_ticket)
{
  const char *n = "081311110004";
  char *num, sql[256];

  start(NULL);
  num = file_dev(n);
  ck_assert_int_eq(ctl("status", num, "ditunda", "--note",
                       "Mohon sebutkan nama loketnya."), 0);
  tu_expect(&d, n, "Loket tiga, petugas bernama Bapak Agus", "note.received");
  snprintf(sql, sizeof(sql), "SELECT count(*) FROM questions q JOIN tickets "
           "t ON t.id = q.ticket_id WHERE t.number = '%s' AND q.answer "
           "LIKE 'Loket tiga%%'", num);
  ck_assert_int_eq(tu_db_int(&d, sql), 1);
  free(num);
  stop();
}
END_TEST

START_TEST(location_pin_then_the_place_name)
{
  const char *n = "081311110005";
  struct tu_replies r;

  start(NULL);
  tu_expect(&d, n, "1", "ask.kategori");
  tu_expect(&d, n, "3", "ask.terlapor");
  tu_expect(&d, n, "Lurah Oebobo", "ask.lokasi");
  ck_assert_int_eq(tu_say_json(&d, "{\"from\":\"081311110005\",\"location\":"
                                   "{\"lat\":-10.1632,\"lng\":123.6023}}",
                               &r), 0);
  ck_assert_msg(tu_is(&r, r.n - 1, "ask.lokasi.nama"), "got '%s'",
                r.v[r.n - 1]);
  tu_replies_free(&r);
  tu_expect(&d, n, "Oebobo, Kota Kupang", "ask.waktu");
  tu_expect(&d, n, "kemarin", "ask.kronologi");
  tu_expect(&d, n, "Lurah meminta uang seratus ribu untuk surat pengantar "
            "nikah di kantor kelurahan", "kronologi.more");
  tu_expect(&d, n, "LANJUT", "ask.bukti");
  tu_expect(&d, n, "LEWATI", "ask.identitas");
  tu_expect(&d, n, "3", "konfirmasi");
  tu_expect(&d, n, "KIRIM", "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "lat < -10.16 AND lng > 123.60 AND "
                                 "lokasi LIKE 'Oebobo%'"), 1);
  stop();
}
END_TEST

/* ---- SMS economy ------------------------------------------------------- */

/* Send text from number over the Kannel channel: the replies it caused. */
static void
ks_say(const char *from, const char *text, struct tu_replies *r)
{
  ck_assert_int_eq(tu_ks_say(&d, "ks", KS_SECRET, from, text, r), 0);
}

static int
segments(const char *s)
{
  struct sms_info info;

  sms_measure(s, &info);
  return info.segments;
}

START_TEST(sms_replies_are_gsm7_and_the_summary_fits)
{
  static const char *const steps[] = {
    "1", "3", "Kepala Desa Oesao", "Kabupaten Kupang", "kemarin",
    "Kepala desa minta uang \xe2\x80\x9clima ratus ribu\xe2\x80\x9d untuk "
    "surat keterangan tanah saya \xe2\x80\x94 katanya biaya administrasi"
    "\xe2\x80\xa6 \xf0\x9f\x99\x8f mohon ditindaklanjuti",
    "LANJUT", "LEWATI", "3", NULL,
  };
  const char *n = "+6281311110006";
  struct tu_replies r;
  struct sms_info info;
  const char *k;
  int i;

  start(NULL);
  for (i = 0; steps[i] != NULL; i++) {
    ks_say(n, steps[i], &r);
    if (steps[i + 1] != NULL)
      tu_replies_free(&r);
  }
  /* The summary: GSM-7, within 2 segments, the story cut after a word. */
  ck_assert_int_eq(r.n, 1);
  sms_measure(r.v[0], &info);
  ck_assert_msg(info.gsm7, "not GSM-7: %s", r.v[0]);
  ck_assert_msg(info.segments <= 2, "%d segments: %s", info.segments, r.v[0]);
  ck_assert_ptr_nonnull(strstr(r.v[0], "\"lima ratus ribu\""));
  k = strstr(r.v[0], "...");
  ck_assert_ptr_nonnull(k);
  /* the word before "..." is a whole word of the story */
  {
    const char *w = k;
    char word[32];
    int len;
    while (w > r.v[0] && w[-1] != ' ')
      w--;
    len = (int)(k - w);
    ck_assert_int_lt(len, (int)sizeof(word));
    snprintf(word, sizeof(word), " %.*s ", len, w);
    ck_assert_msg(strstr(" Kepala desa minta uang \"lima ratus ribu\" untuk "
                         "surat keterangan tanah saya - katanya biaya "
                         "administrasi... mohon ditindaklanjuti ", word)
                  != NULL, "cut mid-word: '%s'", word);
  }
  tu_replies_free(&r);
  /* The full story is kept. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE draft "
                                 "LIKE '%ditindaklanjuti%'"), 1);
  stop();
}
END_TEST

START_TEST(sms_long_summary_is_split_readably)
{
  static const char *const steps[] = {
    "1", "3", NULL, "Kabupaten Kupang", "kemarin",
    "Kepala desa minta uang lima ratus ribu untuk surat keterangan tanah "
    "saya di kantor desa", "LANJUT", "LEWATI", "3", NULL,
  };
  const char *n = "+6281311110007";
  struct buf who = BUF_INIT;
  struct tu_replies r;
  int i;

  start(NULL);
  for (i = 0; i < 12; i++)
    buf_printf(&who, "%sKepala Bidang %d Dinas Pekerjaan Umum dan Penataan "
               "Ruang Kabupaten Kupang", i ? ", " : "", i + 1);
  ks_say(n, "1", &r);
  tu_replies_free(&r);
  for (i = 1; i < 9; i++) {
    ks_say(n, steps[i] ? steps[i] : who.data, &r);
    if (i < 8)
      tu_replies_free(&r);
  }
  ck_assert_int_gt(r.n, 1);
  for (i = 0; i < r.n; i++) {
    size_t len = strlen(r.v[i]);
    ck_assert_msg(segments(r.v[i]) <= 2, "part %d: %d segments", i,
                  segments(r.v[i]));
    ck_assert_msg(len > 0 && strchr(".:)", r.v[i][len - 1]) != NULL,
                  "part %d ends '%s'", i, r.v[i] + (len > 20 ? len - 20 : 0));
  }
  ck_assert_ptr_nonnull(strstr(r.v[r.n - 1], "KIRIM"));
  for (i = 0; i < r.n - 1; i++)
    ck_assert_ptr_null(strstr(r.v[i], "KIRIM"));
  tu_replies_free(&r);
  buf_free(&who);
  stop();
}
END_TEST

static Suite *
flow_suite(void)
{
  Suite *s = suite_create("flow");
  TCase *tc = tcase_create("flow");

  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, menu_words_get_an_answer);
  tcase_add_test(tc, story_step_knows_its_words);
  tcase_add_test(tc, media_and_caption_first_are_kept);
  tcase_add_test(tc, reply_to_ditunda_reaches_the_ticket);
  tcase_add_test(tc, location_pin_then_the_place_name);
  tcase_add_test(tc, sms_replies_are_gsm7_and_the_summary_fits);
  tcase_add_test(tc, sms_long_summary_is_split_readably);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(flow_suite)
