/*
 * test_duplikat.c: rule 4 through the real daemon (SPEC §4): a report of
 * the incident of an open ticket is decided with the reporter (TAMBAH or
 * BARU, the same reporter and another one), a different incident at the
 * same office is filed with no question, "saya mau menambahkan laporan
 * saya" offers the reporter's open ticket, and operators see additions
 * and supporting statements in `aduanctl show` and the export.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"

#define STORY "Petugas loket Samsat Kupang meminta uang Rp 500.000 di luar " \
              "biaya resmi waktu saya urus balik nama motor, tanpa kuitansi."
/* The same incident, told by someone else in their own words. */
#define RETOLD "Beta urus balik nama motor di Samsat Kupang, petugas loket " \
               "minta doi lima ratus ribu di luar biaya resmi. Sonde ada "   \
               "kuitansi."
/* Another incident at the same office: another day and amount. */
#define OTHER_DAY "Petugas loket Samsat Kupang meminta uang Rp 300.000 di "  \
                  "luar biaya resmi waktu saya urus balik nama motor, tanpa " \
                  "kuitansi."

/* Answer every step up to the summary: waktu when, story, identity
 * choice ident ("1" named as Budi, "3" anonymous). */
static void
report(struct tu_daemon *d, const char *from, const char *when,
       const char *story, const char *ident)
{
  tu_expect(d, from, "MENU", "menu");
  tu_expect(d, from, "1", "ask.kategori");
  tu_expect(d, from, "3", "ask.terlapor");
  tu_expect(d, from, "Petugas loket Samsat", "ask.lokasi");
  tu_expect(d, from, "Kota Kupang", "ask.waktu");
  tu_expect(d, from, when, "ask.kronologi");
  tu_expect(d, from, story, "kronologi.more");
  tu_expect(d, from, "LANJUT", "ask.bukti");
  tu_expect(d, from, "LEWATI", "ask.identitas");
  if (strcmp(ident, "1") == 0) {
    tu_expect(d, from, "1", "ask.nama");
    tu_expect(d, from, "Budi Santoso", "konfirmasi");
  } else {
    tu_expect(d, from, ident, "konfirmasi");
  }
}

/* File the first report from from; its number (the caller frees). */
static char *
file_first(struct tu_daemon *d, const char *from)
{
  report(d, from, "12 Maret 2026", STORY, "3");
  tu_expect(d, from, "KIRIM", "ticket.created");
  return tu_db_text(d, "SELECT number FROM tickets ORDER BY id LIMIT 1");
}

/* KIRIM answered by the duplicate choice key (the ticket number shown or
 * not, as shown says). */
static void
kirim_asks(struct tu_daemon *d, const char *from, const char *key,
           const char *number, int shown)
{
  struct tu_replies r;

  ck_assert_int_eq(tu_say(d, from, "KIRIM", NULL, &r), 0);
  ck_assert_msg(tu_is(&r, 0, key), "KIRIM: expected %s", key);
  ck_assert_int_eq(tu_has(&r, number), shown);
  tu_replies_free(&r);
}

static int
tickets(struct tu_daemon *d)
{
  return (int)tu_db_int(d, "SELECT count(*) FROM tickets");
}

/* `aduanctl -s SOCK show number --json` (or `export` when number is
 * NULL): its output (the caller frees). */
static char *
ctl_out(struct tu_daemon *d, const char *number)
{
  char sock[512];
  const char *argv[8];
  char *out = NULL, *err = NULL;
  int st = 0, n = 0;

  snprintf(sock, sizeof(sock), "%s/var/admin.sock", d->dir);
  argv[n++] = ADUANCTL_BIN;
  argv[n++] = "-s";
  argv[n++] = sock;
  if (number != NULL) {
    argv[n++] = "show";
    argv[n++] = number;
    argv[n++] = "--json";
  } else {
    argv[n++] = "export";
    argv[n++] = "--since";
    argv[n++] = "2020-01-01";
  }
  argv[n] = NULL;
  ck_assert_int_eq(tu_run(argv, NULL, &out, &err, &st), 0);
  ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "aduanctl: %s", err);
  free(err);
  return out;
}

/* The same reporter retells their incident: TAMBAH adds it to the ticket
 * as an addition the operator sees; nothing new is filed. */
START_TEST(same_reporter_tambah)
{
  struct tu_daemon d;
  const char *a = "081300000101";
  char *num, *show;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  num = file_first(&d, a);
  report(&d, a, "12 Maret 2026", RETOLD, "3");
  kirim_asks(&d, a, "duplicate.same", num, 1);
  tu_expect(&d, a, "TAMBAH", "addition.received");
  ck_assert_int_eq(tickets(&d), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM ticket_events WHERE "
                                 "actor = 'tambahan' AND note LIKE "
                                 "'%lima ratus ribu%'"), 1);
  show = ctl_out(&d, num);
  ck_assert_msg(strstr(show, "\"additions\":1") != NULL, "%s", show);
  free(show);
  free(num);
  tu_daemon_cleanup(&d);
}
END_TEST

/* The same reporter chooses BARU: a second ticket. */
START_TEST(same_reporter_baru)
{
  struct tu_daemon d;
  const char *a = "081300000102";
  char *num;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  num = file_first(&d, a);
  report(&d, a, "12 Maret 2026", RETOLD, "3");
  kirim_asks(&d, a, "duplicate.same", num, 1);
  tu_expect(&d, a, "BARU", "ticket.created");
  ck_assert_int_eq(tickets(&d), 2);
  free(num);
  tu_daemon_cleanup(&d);
}
END_TEST

/* Another reporter tells the same incident in other words: told a similar
 * report is being handled (not its number); TAMBAH, anonymous, stores a
 * supporting statement with no handle, counted in show and the export. */
START_TEST(other_reporter_tambah)
{
  struct tu_daemon d;
  const char *a = "081300000103", *b = "081300000104";
  char *num, *show, *csv;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  num = file_first(&d, a);
  report(&d, b, "12 Maret 2026", RETOLD, "3");
  kirim_asks(&d, b, "duplicate.other", num, 0);
  tu_expect(&d, b, "TAMBAH", "support.received");
  ck_assert_int_eq(tickets(&d), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM ticket_events WHERE "
                                 "actor = 'dukungan' AND note LIKE "
                                 "'%lima ratus ribu%'"), 1);
  show = ctl_out(&d, num);
  ck_assert_msg(strstr(show, "\"supports\":1") != NULL, "%s", show);
  ck_assert(strstr(show, "081300000104") == NULL);
  free(show);
  csv = ctl_out(&d, NULL);
  ck_assert_msg(strstr(csv, "additions,supports") != NULL, "%s", csv);
  ck_assert_msg(strstr(csv, "\"0\",\"1\"") != NULL, "%s", csv);
  free(csv);
  free(num);
  tu_daemon_cleanup(&d);
}
END_TEST

/* The open tickets are read again at start-up: after a restart, another
 * reporter's retelling is still recognised. */
START_TEST(open_ticket_found_after_restart)
{
  struct tu_daemon d;
  const char *a = "081300000107", *b = "081300000108";
  char *num;
  int status;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  num = file_first(&d, a);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGTERM), 0);
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 30000, &status), 0);
  ck_assert_int_eq(tu_daemon_restart(&d), 0);
  ck_assert(tu_daemon_log_has(&d, "event=conv.index open_tickets=1"));
  report(&d, b, "12 Maret 2026", RETOLD, "3");
  kirim_asks(&d, b, "duplicate.other", num, 0);
  free(num);
  tu_daemon_cleanup(&d);
}
END_TEST

/* Another reporter chooses BARU: their own ticket. */
START_TEST(other_reporter_baru)
{
  struct tu_daemon d;
  const char *a = "081300000105", *b = "081300000106";
  char *num;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  num = file_first(&d, a);
  report(&d, b, "12 Maret 2026", RETOLD, "1");
  kirim_asks(&d, b, "duplicate.other", num, 0);
  tu_expect(&d, b, "BARU", "ticket.created");
  ck_assert_int_eq(tickets(&d), 2);
  free(num);
  tu_daemon_cleanup(&d);
}
END_TEST

/* Another day and amount at the same office: filed, no question. */
START_TEST(different_incident_same_office_filed)
{
  struct tu_daemon d;
  const char *a = "081300000107", *b = "081300000108";
  char *num;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  num = file_first(&d, a);
  report(&d, b, "20 Maret 2026", OTHER_DAY, "3");
  tu_expect(&d, b, "KIRIM", "ticket.created");
  ck_assert_int_eq(tickets(&d), 2);
  /* The same reporter too, of a third payment. */
  report(&d, a, "25 Maret 2026", "Petugas loket Samsat Kupang meminta uang "
         "Rp 750.000 waktu saya urus pajak lima tahunan motor, tanpa "
         "kuitansi.", "3");
  tu_expect(&d, a, "KIRIM", "ticket.created");
  ck_assert_int_eq(tickets(&d), 3);
  free(num);
  tu_daemon_cleanup(&d);
}
END_TEST

/* One airport under its two names (the gazetteer's landmark aliases):
 * another reporter's retelling at "bandara penfui" is the incident of
 * the ticket at "Bandara El Tari", not another office. */
START_TEST(retold_at_landmark_alias)
{
  struct tu_daemon d;
  const char *a = "081300000111", *b = "081300000112";
  char *num;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  report(&d, a, "12 Maret 2026", "Petugas pemeriksaan di Bandara El Tari "
         "meminta uang Rp 100.000 agar koper saya yang kelebihan berat lolos "
         "tanpa bayar bagasi.", "3");
  tu_expect(&d, a, "KIRIM", "ticket.created");
  num = tu_db_text(&d, "SELECT number FROM tickets ORDER BY id LIMIT 1");
  report(&d, b, "12 Maret 2026", "Di bandara penfui petugas pemeriksaan "
         "minta seratus ribu supaya koper beta yang lebih berat lolos, sonde "
         "bayar bagasi.", "3");
  kirim_asks(&d, b, "duplicate.other", num, 0);
  free(num);
  tu_daemon_cleanup(&d);
}
END_TEST

/* "Saya mau menambahkan laporan saya" at the menu: with an open ticket,
 * offered to add to it; without one, an ordinary new report. */
START_TEST(explicit_addition_at_menu)
{
  struct tu_daemon d;
  struct tu_replies r;
  const char *a = "081300000109", *c = "081300000110";
  const char *add = "saya mau menambahkan laporan saya, petugas itu juga "
                    "minta uang rokok 50 ribu";
  char *num;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  num = file_first(&d, a);
  ck_assert_int_eq(tu_say(&d, a, add, NULL, &r), 0);
  ck_assert(tu_is(&r, 0, "addition.offer"));
  ck_assert(tu_has(&r, num));
  tu_replies_free(&r);
  tu_expect(&d, a, "TAMBAH", "addition.received");
  ck_assert_int_eq(tickets(&d), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM ticket_events WHERE "
                                 "actor = 'tambahan' AND note LIKE "
                                 "'%uang rokok 50 ribu%'"), 1);
  /* BARU instead: the text starts a new report. */
  tu_expect(&d, a, "mau tambah laporan saya", "addition.offer");
  tu_expect(&d, a, "BARU", "ask.kategori");
  /* No open ticket: an ordinary new report, never an error. */
  ck_assert_int_eq(tu_say(&d, c, add, NULL, &r), 0);
  ck_assert(tu_is(&r, r.n - 1, "ask.kategori"));
  tu_replies_free(&r);
  free(num);
  tu_daemon_cleanup(&d);
}
END_TEST

static Suite *
duplikat_suite(void)
{
  Suite *s = suite_create("duplikat_flow");
  TCase *tc = tcase_create("daemon");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, same_reporter_tambah);
  tcase_add_test(tc, same_reporter_baru);
  tcase_add_test(tc, other_reporter_tambah);
  tcase_add_test(tc, other_reporter_baru);
  tcase_add_test(tc, open_ticket_found_after_restart);
  tcase_add_test(tc, different_incident_same_office_filed);
  tcase_add_test(tc, explicit_addition_at_menu);
  tcase_add_test(tc, retold_at_landmark_alias);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(duplikat_suite)
