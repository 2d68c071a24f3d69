/*
 * test_when.c: Indonesian incident dates, table-driven against fixed
 * clocks, plus checks of the calendar against libc's and hostile input.
 *
 * The clocks are built with timegm(), which this module does not use, so
 * the calendar arithmetic of when.c is checked against an independent
 * one.  The main clock is Sunday 15 March 2026, 10.00 WITA
 * (2026-03-15T02:00:00Z, 1773540000 s: checked with `date -d`).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testutil.h"
#include "rules/when.h"

#define WITA_SECONDS (8 * 3600)

enum clock_id {
  SUN,          /* Sunday 2026-03-15 10.00 WITA */
  WED,          /* Wednesday 2026-03-18 12.00 WITA */
  JAN,          /* Saturday 2026-01-10 09.00 WITA */
  NEWYEAR,      /* Thursday 2026-01-01 00.30 WITA (still 2025 in UTC) */
  EDGE_AFTER,   /* 2026-03-14 20.00 UTC: already 15 March 04.00 WITA */
  EDGE_BEFORE,  /* 2026-03-14 15.59.59.999 UTC: 14 March 23.59 WITA */
  NIGHT,        /* Sunday 2026-03-15 20.00 WITA */
  LEAPDAY,      /* Tuesday 2028-02-29 12.00 WITA */
  MAR1,         /* Friday 2024-03-01 08.00 WITA */
  CLOCK_COUNT
};

/* ms since the epoch of a UTC time. */
static int64_t
utc_ms(int y, int mo, int d, int h, int mi)
{
  struct tm tm;

  memset(&tm, 0, sizeof(tm));
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  return (int64_t)timegm(&tm) * 1000;
}

/* ms since the epoch of a WITA wall-clock time. */
static int64_t
wita_ms(int y, int mo, int d, int h, int mi)
{
  return utc_ms(y, mo, d, h, mi) - (int64_t)WITA_SECONDS * 1000;
}

static int64_t
clock_ms(enum clock_id id)
{
  switch (id) {
  case SUN:
    return wita_ms(2026, 3, 15, 10, 0);
  case WED:
    return wita_ms(2026, 3, 18, 12, 0);
  case JAN:
    return wita_ms(2026, 1, 10, 9, 0);
  case NEWYEAR:
    return wita_ms(2026, 1, 1, 0, 30);
  case EDGE_AFTER:
    return utc_ms(2026, 3, 14, 20, 0);
  case EDGE_BEFORE:
    return utc_ms(2026, 3, 14, 16, 0) - 1;
  case NIGHT:
    return wita_ms(2026, 3, 15, 20, 0);
  case LEAPDAY:
    return wita_ms(2028, 2, 29, 12, 0);
  case MAR1:
    return wita_ms(2024, 3, 1, 8, 0);
  default:
    return 0;
  }
}

struct when_case {
  const char *text;
  enum clock_id clock;
  int max_age;             /* years */
  enum when_status want;
  const char *date;        /* when_format() of *out: "" for unknown */
};

static const struct when_case cases[] = {
  /* Day, month name, year. */
  {"12 Maret 2026", SUN, 5, WHEN_OK, "12-03-2026"},
  {"12 mar 26", SUN, 5, WHEN_OK, "12-03-2026"},
  {"12 Mar. 2026", SUN, 5, WHEN_OK, "12-03-2026"},
  {"1 januari 2026", SUN, 5, WHEN_OK, "01-01-2026"},
  {"tgl 5 agustus 2025", SUN, 5, WHEN_OK, "05-08-2025"},
  {"TANGGAL 5 AGT 2025", SUN, 5, WHEN_OK, "05-08-2025"},
  {"5 ags 2025", SUN, 5, WHEN_OK, "05-08-2025"},
  {"5 aug 2025", SUN, 5, WHEN_OK, "05-08-2025"},
  {"17 agu 2025", SUN, 5, WHEN_OK, "17-08-2025"},
  {"3 pebruari 2026", SUN, 5, WHEN_OK, "03-02-2026"},
  {"3 peb 2026", SUN, 5, WHEN_OK, "03-02-2026"},
  {"1 sept 2025", SUN, 5, WHEN_OK, "01-09-2025"},
  {"10 nop 2025", SUN, 5, WHEN_OK, "10-11-2025"},
  {"10 okt 2025", SUN, 5, WHEN_OK, "10-10-2025"},
  {"25 dec 2025", SUN, 5, WHEN_OK, "25-12-2025"},
  {"25 des 2025", SUN, 5, WHEN_OK, "25-12-2025"},
  {"2 mei 2025", SUN, 5, WHEN_OK, "02-05-2025"},
  {"2 june 2025", SUN, 5, WHEN_OK, "02-06-2025"},
  {"12-mar-2026", SUN, 5, WHEN_OK, "12-03-2026"},
  {"12mar26", SUN, 5, WHEN_OK, "12-03-2026"},
  {"  ,, 12   Maret ,2026 .  ", SUN, 5, WHEN_OK, "12-03-2026"},
  {"pada tanggal 12 maret tahun 2026", SUN, 5, WHEN_OK, "12-03-2026"},
  {"kira-kira 12 maret 2026 jam 10.30 pagi WITA", SUN, 5, WHEN_OK,
   "12-03-2026"},
  {"pd tgl 12/3/2026 sekitar pukul 14:30 WITA", SUN, 5, WHEN_OK,
   "12-03-2026"},
  {"Senin, 9 Maret 2026", SUN, 5, WHEN_OK, "09-03-2026"},
  {"9 maret 2026 (senin)", SUN, 5, WHEN_OK, "09-03-2026"},
  {"\xF0\x9F\x99\x8F 12 Maret 2026 \xF0\x9F\x99\x8F", SUN, 5, WHEN_OK,
   "12-03-2026"},
  {"12\xC2\xA0Maret\xC2\xA0" "2026", SUN, 5, WHEN_OK, "12-03-2026"},
  /* Numbers, day first always. */
  {"12/03/2026", SUN, 5, WHEN_OK, "12-03-2026"},
  {"12-3-26", SUN, 5, WHEN_OK, "12-03-2026"},
  {"12.03.2026", SUN, 5, WHEN_OK, "12-03-2026"},
  /* A document's number after "no", "nomor" is no date, whatever its
   * figures: the date beside it is the answer, or there is none. */
  {"surat nomor 045/12/2025 tanggal 3 Maret 2026", SUN, 5, WHEN_OK,
   "03-03-2026"},
  {"SK nomor 045/DPMD/2025 tanggal 2 Februari 2026", SUN, 5, WHEN_OK,
   "02-02-2026"},
  {"kwitansi no 12/3/2026, bulan Februari", SUN, 5, WHEN_OK, "02-2026"},
  {"SK nomor 12/3/2023", SUN, 5, WHEN_INVALID, ""},
  {"Perbup No. 5/2024", SUN, 5, WHEN_INVALID, ""},
  {"kemarin waktu urus SK no 12/3/2023", SUN, 5, WHEN_OK, "14-03-2026"},
  {"Kepala desa minta uang untuk SK no.12/3/2023, itu bulan lalu", SUN, 5,
   WHEN_OK, "02-2026"},
  {"no 5 tgl 3/2/2026", SUN, 5, WHEN_OK, "03-02-2026"},
  {"Nomor: 800/123/BKD/2025, tanggal 10 Januari 2026", SUN, 5, WHEN_OK,
   "10-01-2026"},
  /* "Nomor 3 Tahun 2023" cites a regulation: the year is its own. */
  {"Perda Nomor 3 Tahun 2023", SUN, 5, WHEN_INVALID, ""},
  {"SK no 5 tahun 2024 tgl 3/2/2026", SUN, 5, WHEN_OK, "03-02-2026"},
  {"No. 5 Th 2024, kejadian kemarin", SUN, 5, WHEN_OK, "14-03-2026"},
  {"12 03 2026", SUN, 5, WHEN_OK, "12-03-2026"},
  {"2026-03-12", SUN, 5, WHEN_OK, "12-03-2026"},
  {"03/02/2026", SUN, 5, WHEN_OK, "03-02-2026"},
  {"03/04/2026", SUN, 5, WHEN_FUTURE, "03-04-2026"},   /* 3 April */
  {"tgl. 12-03-2026", SUN, 5, WHEN_OK, "12-03-2026"},
  {"12\xE2\x80\x93" "03\xE2\x80\x93" "2026", SUN, 5, WHEN_OK, "12-03-2026"},
  /* Month and year. */
  {"Maret 2026", SUN, 5, WHEN_OK, "03-2026"},
  {"mar 2026", SUN, 5, WHEN_OK, "03-2026"},
  {"03/2026", SUN, 5, WHEN_OK, "03-2026"},
  {"2026-02", SUN, 5, WHEN_OK, "02-2026"},
  {"bulan maret 2026", SUN, 5, WHEN_OK, "03-2026"},
  {"bulan 12 2025", SUN, 5, WHEN_OK, "12-2025"},
  {"awal januari 2026", SUN, 5, WHEN_OK, "01-01-2026 s/d 10-01-2026"},
  /* A quarter of the year: its three months; its number counts no
   * years ("triwulan empat tahun lalu" is Q4 of last year). */
  {"triwulan empat tahun lalu", SUN, 5, WHEN_OK, "10-2025 s/d 12-2025"},
  {"triwulan IV 2025", SUN, 5, WHEN_OK, "10-2025 s/d 12-2025"},
  {"kuartal I 2025", SUN, 5, WHEN_OK, "01-2025 s/d 03-2025"},
  {"tw 2 thn lalu", SUN, 5, WHEN_OK, "04-2025 s/d 06-2025"},
  {"triwulan ke-3 tahun 2024", SUN, 5, WHEN_OK, "07-2024 s/d 09-2024"},
  /* The year written after a span's second end is the first end's too,
   * unless that would put the first end after the second: a span still
   * to come is in the future, one too old is too old. */
  {"tw 3 tahun ini", SUN, 5, WHEN_FUTURE, "07-2026 s/d 09-2026"},
  {"juli sampai september 2026", SUN, 5, WHEN_FUTURE,
   "07-2026 s/d 09-2026"},
  {"november sampai februari 2026", SUN, 5, WHEN_OK, "11-2025 s/d 02-2026"},
  {"januari sampai februari 2021", SUN, 5, WHEN_TOO_OLD,
   "01-2021 s/d 02-2021"},
  {"mei - juli 2024", SUN, 5, WHEN_OK, "05-2024 s/d 07-2024"},
  /* No year: the most recent one not in the future. */
  {"12 maret", SUN, 5, WHEN_OK, "12-03-2026"},
  {"15 maret", SUN, 5, WHEN_OK, "15-03-2026"},
  {"16 maret", SUN, 5, WHEN_OK, "16-03-2025"},
  {"15 maret lalu", SUN, 5, WHEN_OK, "15-03-2025"},
  {"12/3", SUN, 5, WHEN_OK, "12-03-2026"},
  {"maret", SUN, 5, WHEN_OK, "03-2026"},
  {"maret lalu", SUN, 5, WHEN_OK, "03-2025"},
  {"april", SUN, 5, WHEN_OK, "04-2025"},
  {"tgl 12", SUN, 5, WHEN_OK, "12-03-2026"},
  {"tgl 20", SUN, 5, WHEN_OK, "20-02-2026"},
  {"tgl 31", SUN, 5, WHEN_OK, "31-01-2026"},
  {"kira2 tgl 12", SUN, 5, WHEN_OK, "12-03-2026"},
  {"kalau tidak salah tgl 3 bulan lalu", SUN, 5, WHEN_OK, "03-02-2026"},
  /* The week of a month: days 1-7, 8-14, 15-21, 22-28, the last 7. */
  {"minggu kedua februari", SUN, 5, WHEN_OK, "08-02-2026 s/d 14-02-2026"},
  {"minggu pertama bulan ini", SUN, 5, WHEN_OK,
   "01-03-2026 s/d 07-03-2026"},
  {"minggu terakhir bulan lalu", SUN, 5, WHEN_OK,
   "22-02-2026 s/d 28-02-2026"},
  {"minggu ke 3 januari 2026", SUN, 5, WHEN_OK, "15-01-2026 s/d 21-01-2026"},
  {"pekan keempat bln desember", SUN, 5, WHEN_OK,
   "22-12-2025 s/d 28-12-2025"},
  {"minggu terakhir desember", SUN, 5, WHEN_OK, "25-12-2025 s/d 31-12-2025"},
  {"minggu pertama", SUN, 5, WHEN_OK, "01-03-2026 s/d 07-03-2026"},
  /* Number words written as one ("duabelas", "duapuluh lima"). */
  {"duabelas maret 2026", SUN, 5, WHEN_OK, "12-03-2026"},
  {"duapuluh lima januari", SUN, 5, WHEN_OK, "25-01-2026"},
  {"tgl limabelas feb", SUN, 5, WHEN_OK, "15-02-2026"},
  {"tanggal duapuluhdua februari", SUN, 5, WHEN_OK, "22-02-2026"},
  /* The day after the month ("feb kemarin tgl 12", "bln 2 tgl 12"):
   * "tanggal" marks the day, never a two-digit year. */
  {"feb kmrn tgl 12", SUN, 5, WHEN_OK, "12-02-2026"},
  {"februari tanggal 12", SUN, 5, WHEN_OK, "12-02-2026"},
  {"maret tgl 2", SUN, 5, WHEN_OK, "02-03-2026"},
  {"agustus lalu tgl 5", SUN, 5, WHEN_OK, "05-08-2025"},
  {"bln 2 tgl 12", SUN, 5, WHEN_OK, "12-02-2026"},
  {"bulan agustus 2025 tanggal 17", SUN, 5, WHEN_OK, "17-08-2025"},
  /* The year said first ("tahun lalu bulan agustus"). */
  {"thn lalu bulan agustus tgl 3", SUN, 5, WHEN_OK, "03-08-2025"},
  {"tahun lalu bulan agustus", SUN, 5, WHEN_OK, "08-2025"},
  {"thn kemarin bln agustus", SUN, 5, WHEN_OK, "08-2025"},
  {"tahun ini bulan januari", SUN, 5, WHEN_OK, "01-2026"},
  {"thn lalu sekitar bulan oktober", SUN, 5, WHEN_OK, "10-2025"},
  {"tahun lalu tgl 3 agustus", SUN, 5, WHEN_OK, "03-08-2025"},
  {"thn lalu bln 8 tgl 17", SUN, 5, WHEN_OK, "17-08-2025"},
  /* "kemarin" said first, then the date: the date decides. */
  {"kemarin tgl 14", SUN, 5, WHEN_OK, "14-03-2026"},
  {"kmrn tgl 12 bln feb", SUN, 5, WHEN_OK, "12-02-2026"},
  {"kalamarin, 10 maret", SUN, 5, WHEN_OK, "10-03-2026"},
  {"kemarin 3 hari lalu", SUN, 5, WHEN_INVALID, ""},
  /* Kupang Malay puts "ini" first: "ini bulan", "ini tahun". */
  {"ini bulan tanggal 3", SUN, 5, WHEN_OK, "03-03-2026"},
  {"tanggal 3 ini bulan", SUN, 5, WHEN_OK, "03-03-2026"},
  {"ini tahun bulan januari", SUN, 5, WHEN_OK, "01-2026"},
  {"kejadian ini bulan lalu", SUN, 5, WHEN_OK, "02-2026"},
  /* It happens again and again: the time named is still the answer. */
  {"tiap bulan sejak 2024", SUN, 5, WHEN_OK, "2024 s/d 15-03-2026"},
  {"setiap hari dari bulan januari", SUN, 5, WHEN_OK,
   "01-2026 s/d 15-03-2026"},
  {"beberapa kali tahun ini", SUN, 5, WHEN_OK, "2026"},
  {"setiap hari", SUN, 5, WHEN_INVALID, ""},
  {"tahun lalu bulan agustus sampai sekarang", SUN, 5, WHEN_OK,
   "08-2025 s/d 15-03-2026"},
  {"tigapuluh hari lalu", SUN, 5, WHEN_OK, "13-02-2026"},
  /* Feasts and seasons with "masa" before them. */
  {"masa advent", SUN, 5, WHEN_OK, "masa Adven, 30-11-2025 s/d 24-12-2025"},
  {"waktu masa natal", SUN, 5, WHEN_OK, "Natal, 25-12-2025"},
  /* "tanggal" said only to say it is forgotten: the number after
   * "bulan" is the month. */
  {"tanggal lupa, bulan 7", SUN, 5, WHEN_OK, "07-2025"},
  {"tgl nya sy tdk ingat, bln 2", SUN, 5, WHEN_OK, "02-2026"},
  /* Years ago said of a feast, a month or a date name its year. */
  {"natal 2 tahun lalu", SUN, 5, WHEN_OK, "Natal, 25-12-2024"},
  {"paskah tiga thn yg lalu", SUN, 5, WHEN_OK, "Paskah, 09-04-2023"},
  {"bulan agustus 2 tahun lalu", SUN, 5, WHEN_OK, "08-2024"},
  {"tgl 5 juni 2 tahun lalu", SUN, 5, WHEN_OK, "05-06-2024"},
  {"2 tahun lalu", SUN, 5, WHEN_OK, "2024"},
  /* Days or weeks before or after a feast are that day. */
  {"3 hari sebelum natal", SUN, 5, WHEN_OK, "22-12-2025"},
  {"seminggu sebelum paskah", SUN, 5, WHEN_OK, "13-04-2025"},
  {"dua hari setelah natal tahun 2024", SUN, 5, WHEN_OK, "27-12-2024"},
  {"sebelum natal", SUN, 5, WHEN_OK, "Natal, 25-12-2025"},
  /* Natal and Tahun Baru together (Nataru); national days. */
  {"Natal dan Tahun Baru", SUN, 5, WHEN_OK,
   "Natal dan Tahun Baru, 24-12-2025 s/d 01-01-2026"},
  {"libur nataru kemarin", SUN, 5, WHEN_OK,
   "Natal dan Tahun Baru, 24-12-2025 s/d 01-01-2026"},
  {"natal & tahun baru 2024", SUN, 5, WHEN_OK,
   "Natal dan Tahun Baru, 24-12-2024 s/d 01-01-2025"},
  {"hari sumpah pemuda", SUN, 5, WHEN_OK, "Hari Sumpah Pemuda, 28-10-2025"},
  {"waktu hardiknas", SUN, 5, WHEN_OK,
   "Hari Pendidikan Nasional, 02-05-2025"},
  {"hari kesaktian pancasila", SUN, 5, WHEN_OK,
   "Hari Kesaktian Pancasila, 01-10-2025"},
  /* A feast written in number words stays a feast. */
  {"waktu tujuh belasan", SUN, 5, WHEN_OK, "HUT RI, 17-08-2025"},
  {"tujuh belasan thn lalu", SUN, 5, WHEN_OK, "HUT RI, 17-08-2025"},
  {"waktu 17an agustus kemarin", SUN, 5, WHEN_OK, "HUT RI, 17-08-2025"},
  {"pas 17-an thn lalu", SUN, 5, WHEN_OK, "HUT RI, 17-08-2025"},
  {"tanggal 17 agustus 2025", SUN, 5, WHEN_OK, "17-08-2025"},
  {"12 desember", JAN, 5, WHEN_OK, "12-12-2025"},
  {"desember", JAN, 5, WHEN_OK, "12-2025"},
  {"2 januari", NEWYEAR, 5, WHEN_OK, "02-01-2025"},
  /* Relative to the clock. */
  {"hari ini", SUN, 5, WHEN_OK, "15-03-2026"},
  {"Hari Ini", SUN, 5, WHEN_OK, "15-03-2026"},
  {"tadi", SUN, 5, WHEN_OK, "15-03-2026"},
  {"tadi pagi", SUN, 5, WHEN_OK, "15-03-2026"},
  {"pagi ini", SUN, 5, WHEN_OK, "15-03-2026"},
  {"kemarin", SUN, 5, WHEN_OK, "14-03-2026"},
  {"KEMARIN!!", SUN, 5, WHEN_OK, "14-03-2026"},
  {"kmrn sore jam 5 wita", SUN, 5, WHEN_OK, "14-03-2026"},
  {"kemarin dini hari", SUN, 5, WHEN_OK, "14-03-2026"},
  {"kemarin lusa", SUN, 5, WHEN_OK, "13-03-2026"},
  /* Misspelt "kemarin" and "kalamarin": one letter off, two in the long
   * one; "kemari" (here) is a word of its own. */
  {"kmaren", SUN, 5, WHEN_OK, "14-03-2026"},
  {"kemarn sore", SUN, 5, WHEN_OK, "14-03-2026"},
  {"kalamrin", SUN, 5, WHEN_OK, "14-03-2026"},
  {"kalamarinn", SUN, 5, WHEN_OK, "14-03-2026"},
  {"klamarin", SUN, 5, WHEN_OK, "14-03-2026"},
  {"sekarng", SUN, 5, WHEN_OK, "15-03-2026"},
  {"datang kemari", SUN, 5, WHEN_INVALID, ""},
  {"2 hari lalu", SUN, 5, WHEN_OK, "13-03-2026"},
  {"2 hari yang lalu", SUN, 5, WHEN_OK, "13-03-2026"},
  {"2 hr yg lalu", SUN, 5, WHEN_OK, "13-03-2026"},
  {"dua hari lalu", SUN, 5, WHEN_OK, "13-03-2026"},
  {"sepuluh hari yang lalu", SUN, 5, WHEN_OK, "05-03-2026"},
  {"sehari lalu", SUN, 5, WHEN_OK, "14-03-2026"},
  {"3 minggu yang lalu", SUN, 5, WHEN_OK, "22-02-2026"},
  {"seminggu lalu", SUN, 5, WHEN_OK, "08-03-2026"},
  {"se-minggu yang lalu", SUN, 5, WHEN_OK, "08-03-2026"},
  /* "Last week" is the week before this one, Monday to Sunday; "a week
   * ago" (seminggu, satu minggu) is a day. */
  {"minggu lalu", SUN, 5, WHEN_OK, "02-03-2026 s/d 08-03-2026"},
  {"minggu lalu", WED, 5, WHEN_OK, "09-03-2026 s/d 15-03-2026"},
  {"pekan lalu", WED, 5, WHEN_OK, "09-03-2026 s/d 15-03-2026"},
  {"minggu kemarin", SUN, 5, WHEN_OK, "02-03-2026 s/d 08-03-2026"},
  {"bulan lalu", SUN, 5, WHEN_OK, "02-2026"},
  {"bulan kemarin", SUN, 5, WHEN_OK, "02-2026"},
  {"2 bulan lalu", SUN, 5, WHEN_OK, "01-2026"},
  {"sebulan yang lalu", SUN, 5, WHEN_OK, "02-2026"},
  {"bulan ini", SUN, 5, WHEN_OK, "03-2026"},
  {"tahun lalu", SUN, 5, WHEN_OK, "2025"},         /* a year (SPEC 3) */
  {"tahun ini", SUN, 5, WHEN_OK, "2026"},
  {"3 tahun lalu", SUN, 5, WHEN_OK, "2023"},
  /* Month ends and year ends. */
  {"bulan lalu", JAN, 5, WHEN_OK, "12-2025"},
  {"2 bulan lalu", JAN, 5, WHEN_OK, "11-2025"},
  {"3 minggu lalu", JAN, 5, WHEN_OK, "20-12-2025"},
  {"kemarin", NEWYEAR, 5, WHEN_OK, "31-12-2025"},
  {"hari ini", NEWYEAR, 5, WHEN_OK, "01-01-2026"},
  {"bulan lalu", NEWYEAR, 5, WHEN_OK, "12-2025"},
  {"tadi malam", NEWYEAR, 5, WHEN_OK, "31-12-2025"},
  /* The WITA day boundary. */
  {"hari ini", EDGE_AFTER, 5, WHEN_OK, "15-03-2026"},
  {"15 maret 2026", EDGE_AFTER, 5, WHEN_OK, "15-03-2026"},
  {"kemarin", EDGE_AFTER, 5, WHEN_OK, "14-03-2026"},
  {"hari ini", EDGE_BEFORE, 5, WHEN_OK, "14-03-2026"},
  {"15 maret 2026", EDGE_BEFORE, 5, WHEN_FUTURE, "15-03-2026"},
  {"tadi malam", EDGE_AFTER, 5, WHEN_OK, "14-03-2026"},
  {"tadi malam", EDGE_BEFORE, 5, WHEN_OK, "14-03-2026"},
  {"tadi malam", SUN, 5, WHEN_OK, "14-03-2026"},
  {"malam tadi", SUN, 5, WHEN_OK, "14-03-2026"},
  {"tadi malam", NIGHT, 5, WHEN_OK, "15-03-2026"},
  {"semalam", NIGHT, 5, WHEN_OK, "14-03-2026"},
  /* Day names, Sunday 15 March. */
  {"senin", SUN, 5, WHEN_OK, "09-03-2026"},
  {"hari senin", SUN, 5, WHEN_OK, "09-03-2026"},
  {"pada hari Senin", SUN, 5, WHEN_OK, "09-03-2026"},
  {"senin kemarin", SUN, 5, WHEN_OK, "09-03-2026"},
  {"senin lalu", SUN, 5, WHEN_OK, "09-03-2026"},
  {"sabtu", SUN, 5, WHEN_OK, "14-03-2026"},
  {"jum'at kemarin", SUN, 5, WHEN_OK, "13-03-2026"},
  {"jum\xE2\x80\x99" "at kemarin", SUN, 5, WHEN_OK, "13-03-2026"},
  {"jumat minggu lalu", SUN, 5, WHEN_OK, "06-03-2026"},
  {"minggu lalu hari jumat", SUN, 5, WHEN_OK, "06-03-2026"},
  {"jumat ini", SUN, 5, WHEN_OK, "13-03-2026"},
  {"minggu", SUN, 5, WHEN_OK, "15-03-2026"},       /* today */
  {"hari minggu", SUN, 5, WHEN_OK, "15-03-2026"},
  {"hari minggu kemarin", SUN, 5, WHEN_OK, "08-03-2026"},
  {"senin depan", SUN, 5, WHEN_FUTURE, "16-03-2026"},
  {"senin dpn", SUN, 5, WHEN_FUTURE, "16-03-2026"},  /* SMS "depan" */
  {"bln dpn", SUN, 5, WHEN_FUTURE, "04-2026"},
  /* Day names, Wednesday 18 March. */
  {"senin", WED, 5, WHEN_OK, "16-03-2026"},
  {"rabu", WED, 5, WHEN_OK, "18-03-2026"},         /* today */
  {"rabu lalu", WED, 5, WHEN_OK, "11-03-2026"},    /* a week ago */
  {"rabu kemarin", WED, 5, WHEN_OK, "11-03-2026"},
  {"kamis", WED, 5, WHEN_OK, "12-03-2026"},
  {"hari minggu lalu", WED, 5, WHEN_OK, "15-03-2026"},
  {"jumat minggu lalu", WED, 5, WHEN_OK, "13-03-2026"},
  {"senin minggu lalu", WED, 5, WHEN_OK, "09-03-2026"},
  {"ahad", WED, 5, WHEN_OK, "15-03-2026"},
  {"jumat ini", WED, 5, WHEN_FUTURE, "20-03-2026"},
  {"jumat depan", WED, 5, WHEN_FUTURE, "20-03-2026"},
  {"jumat minggu depan", WED, 5, WHEN_FUTURE, "27-03-2026"},
  {"jumat minggu lalu", JAN, 5, WHEN_OK, "02-01-2026"},
  /* Unknown. */
  {"tidak tahu", SUN, 5, WHEN_OK, ""},
  {"tdk tahu", SUN, 5, WHEN_OK, ""},
  {"gak tau", SUN, 5, WHEN_OK, ""},
  {"nggak tahu", SUN, 5, WHEN_OK, ""},
  {"Gatau", SUN, 5, WHEN_OK, ""},
  {"lupa", SUN, 5, WHEN_OK, ""},
  {"saya sudah lupa", SUN, 5, WHEN_OK, ""},
  {"tidak ingat", SUN, 5, WHEN_OK, ""},
  {"kurang tahu", SUN, 5, WHEN_OK, ""},
  {"saya tidak tahu pasti tanggalnya", SUN, 5, WHEN_OK, ""},
  /* Future. */
  {"besok", SUN, 5, WHEN_FUTURE, "16-03-2026"},
  {"lusa", SUN, 5, WHEN_FUTURE, "17-03-2026"},
  {"besok pagi", SUN, 5, WHEN_FUTURE, "16-03-2026"},
  {"nanti malam", SUN, 5, WHEN_FUTURE, ""},
  {"16 maret 2026", SUN, 5, WHEN_FUTURE, "16-03-2026"},
  {"april 2026", SUN, 5, WHEN_FUTURE, "04-2026"},
  {"2027", SUN, 5, WHEN_FUTURE, "2027"},
  {"minggu depan", SUN, 5, WHEN_FUTURE, "22-03-2026"},
  {"bulan depan", SUN, 5, WHEN_FUTURE, "04-2026"},
  {"3 hari lagi", SUN, 5, WHEN_FUTURE, "18-03-2026"},
  {"12 mar 99", SUN, 5, WHEN_FUTURE, "12-03-2099"},
  {"tanggal 20 bulan ini", SUN, 5, WHEN_FUTURE, "20-03-2026"},
  /* Too old, limit 5 years: 15 March 2021 is the oldest day. */
  {"15 maret 2021", SUN, 5, WHEN_OK, "15-03-2021"},
  {"14 maret 2021", SUN, 5, WHEN_TOO_OLD, "14-03-2021"},
  {"maret 2021", SUN, 5, WHEN_OK, "03-2021"},
  {"februari 2021", SUN, 5, WHEN_TOO_OLD, "02-2021"},
  {"1826 hari lalu", SUN, 5, WHEN_OK, "15-03-2021"},
  {"1827 hari lalu", SUN, 5, WHEN_TOO_OLD, "14-03-2021"},
  {"60 bulan lalu", SUN, 5, WHEN_OK, "03-2021"},
  {"61 bulan lalu", SUN, 5, WHEN_TOO_OLD, "02-2021"},
  {"12 maret 2019", SUN, 5, WHEN_TOO_OLD, "12-03-2019"},
  {"2019", SUN, 5, WHEN_TOO_OLD, "2019"},
  {"2021", SUN, 5, WHEN_OK, "2021"},               /* a year (SPEC 3) */
  {"6 tahun lalu", SUN, 5, WHEN_TOO_OLD, "2020"},
  {"99999999999999999999 hari lalu", SUN, 5, WHEN_TOO_OLD, ""},
  {"12 maret 2025", SUN, 1, WHEN_TOO_OLD, "12-03-2025"},
  {"15 maret 2025", SUN, 1, WHEN_OK, "15-03-2025"},
  {"12 maret 1990", SUN, 0, WHEN_OK, "12-03-1990"},  /* no limit */
  {"31/12/1899", SUN, 0, WHEN_TOO_OLD, "31-12-1899"},
  /* Leap years. */
  {"hari ini", LEAPDAY, 5, WHEN_OK, "29-02-2028"},
  {"29 februari", LEAPDAY, 5, WHEN_OK, "29-02-2028"},
  {"kemarin", LEAPDAY, 5, WHEN_OK, "28-02-2028"},
  {"seminggu lalu", LEAPDAY, 5, WHEN_OK, "22-02-2028"},
  {"minggu lalu", LEAPDAY, 5, WHEN_OK, "21-02-2028 s/d 27-02-2028"},
  {"bulan lalu", LEAPDAY, 5, WHEN_OK, "01-2028"},
  {"28 februari 2023", LEAPDAY, 5, WHEN_OK, "28-02-2023"},
  {"27 februari 2023", LEAPDAY, 5, WHEN_TOO_OLD, "27-02-2023"},
  {"februari 2023", LEAPDAY, 5, WHEN_OK, "02-2023"},
  {"januari 2023", LEAPDAY, 5, WHEN_TOO_OLD, "01-2023"},
  {"kemarin", MAR1, 5, WHEN_OK, "29-02-2024"},
  {"29/2/24", MAR1, 5, WHEN_OK, "29-02-2024"},
  {"jumat lalu", MAR1, 5, WHEN_OK, "23-02-2024"},
  {"29 februari", SUN, 5, WHEN_OK, "29-02-2024"},
  {"29 februari 2000", SUN, 30, WHEN_OK, "29-02-2000"},
  {"29 februari 2100", SUN, 5, WHEN_INVALID, ""},
  {"29 februari 2025", SUN, 5, WHEN_INVALID, ""},
  {"29 februari 2023", MAR1, 5, WHEN_INVALID, ""},
  {"30 februari", SUN, 5, WHEN_INVALID, ""},
  /* A day in words that its month does not have is no date, as in
   * digits: never the month alone, nor its last word as the day. */
  {"tiga puluh satu april 2025", SUN, 5, WHEN_INVALID, ""},
  {"dua puluh sembilan februari 2025", SUN, 5, WHEN_INVALID, ""},
  {"tgl tiga puluh dua maret 2026", SUN, 5, WHEN_INVALID, ""},
  {"duapuluh sembilan februari 2025", SUN, 5, WHEN_INVALID, ""},
  {"tiga puluh satu april 2025, sy lapor ke camat", SUN, 5, WHEN_INVALID,
   ""},
  {"tiga puluh satu januari 2026, sy lapor ke camat", SUN, 5, WHEN_OK,
   "31-01-2026"},
  {"Sejak bulan Juli tahun lalu gaji guru dipotong lima puluh ribu tiap "
   "bulan sampai sekarang", SUN, 5, WHEN_OK, "07-2025 s/d 15-03-2026"},
  {"dua puluh sembilan februari 2024", SUN, 5, WHEN_OK, "29-02-2024"},
  {"tiga puluh satu januari 2026", SUN, 5, WHEN_OK, "31-01-2026"},
  /* Invalid. */
  {"", SUN, 5, WHEN_INVALID, ""},
  {"   ", SUN, 5, WHEN_INVALID, ""},
  {"xyz", SUN, 5, WHEN_INVALID, ""},
  {"32 maret 2026", SUN, 5, WHEN_INVALID, ""},
  {"0 maret 2026", SUN, 5, WHEN_INVALID, ""},
  {"0/3/2026", SUN, 5, WHEN_INVALID, ""},
  {"12/13/2026", SUN, 5, WHEN_INVALID, ""},
  {"00/00/0000", SUN, 5, WHEN_INVALID, ""},
  {"31 april 2025", SUN, 5, WHEN_INVALID, ""},
  {"31 april", SUN, 5, WHEN_INVALID, ""},
  {"tgl 31 bulan lalu", SUN, 5, WHEN_INVALID, ""},
  {"12 maret 202", SUN, 5, WHEN_INVALID, ""},
  {"12 maret 20266", SUN, 5, WHEN_INVALID, ""},
  {"12 maret 6", SUN, 5, WHEN_INVALID, ""},
  {"12/03/2026/1", SUN, 5, WHEN_INVALID, ""},
  {"2 hari", SUN, 5, WHEN_INVALID, ""},
  {"beberapa hari lalu", SUN, 5, WHEN_OK, "08-03-2026 s/d 13-03-2026"},
  /* How long it has gone on, up to today: "ini" after a count of days,
   * weeks or months says what "terakhir" says; "beberapa ... terakhir"
   * and a unit said twice over ("berbulan-bulan") begin where "beberapa
   * ... lalu" begins.  "tgl 3 bulan ini" is still a day. */
  {"sudah 3 bulan ini", SUN, 5, WHEN_OK, "12-2025 s/d 15-03-2026"},
  {"su satu minggu ni", SUN, 5, WHEN_OK, "08-03-2026 s/d 15-03-2026"},
  {"sebulan ini", SUN, 5, WHEN_OK, "02-2026 s/d 15-03-2026"},
  {"beberapa bulan terakhir", SUN, 5, WHEN_OK, "09-2025 s/d 15-03-2026"},
  {"beberapa hari ini", SUN, 5, WHEN_OK, "08-03-2026 s/d 15-03-2026"},
  {"sudah berbulan-bulan", SUN, 5, WHEN_OK, "09-2025 s/d 15-03-2026"},
  {"berhari-hari", SUN, 5, WHEN_OK, "08-03-2026 s/d 15-03-2026"},
  {"bertahun2", SUN, 5, WHEN_OK, "2021 s/d 15-03-2026"},
  {"sudah berjalan 6 bulan", SUN, 5, WHEN_OK, "09-2025"},
  {"tgl 3 bulan ini", SUN, 5, WHEN_OK, "03-03-2026"},
  /* SMS writes a month or a long word of time without its vowels, or
   * with only some of its letters: "oktbr", "nvmbr", "sptmbr", "agts",
   * "kemrn", "skrng".  A room ("kamar") is no "kemarin", a finger
   * ("jari") no januari. */
  {"12 oktbr 2025", SUN, 5, WHEN_OK, "12-10-2025"},
  {"5 nvmbr 2025", SUN, 5, WHEN_OK, "05-11-2025"},
  {"sptmbr 2025", SUN, 5, WHEN_OK, "09-2025"},
  {"10 agts 2025", SUN, 5, WHEN_OK, "10-08-2025"},
  {"tgl 3 dsmbr", SUN, 5, WHEN_OK, "03-12-2025"},
  {"kemrn sore", SUN, 5, WHEN_OK, "14-03-2026"},
  {"dari bulan 8 sampe skrng", SUN, 5, WHEN_OK, "08-2025 s/d 15-03-2026"},
  {"di kamar", SUN, 5, WHEN_INVALID, ""},
  {"jari", SUN, 5, WHEN_INVALID, ""},
  /* Three letters, only vowels left out, name one month: "jni" juni,
   * "jnr" januari (a "jn" could be either, and stays unread). */
  {"bln jni kmrn", SUN, 5, WHEN_OK, "06-2025"},
  {"jnr 2026", SUN, 5, WHEN_OK, "01-2026"},
  {"tgl 4 jni 2025", SUN, 5, WHEN_OK, "04-06-2025"},
  {"jn 2025", SUN, 5, WHEN_OK, "2025"},
  /* "pulu" is how Kupang says and writes "puluh" (tens). */
  {"tgl dua pulu", SUN, 5, WHEN_OK, "20-02-2026"},
  {"tgl duapulu satu", SUN, 5, WHEN_OK, "21-02-2026"},
  {"tanggal tigapulu januari", SUN, 5, WHEN_OK, "30-01-2026"},
  /* "tanggal" names days: after it, a dash from one day to a later one is
   * two days ("tgl 5-6"), not 5 June; a slash, a smaller second number
   * or a year after them keep the date. */
  {"tgl 5-6", SUN, 5, WHEN_OK, "05-03-2026 s/d 06-03-2026"},
  {"tgl 5-6 bln 3", SUN, 5, WHEN_OK, "05-03-2026 s/d 06-03-2026"},
  {"tanggal 10-12 kemarin", SUN, 5, WHEN_OK, "10-03-2026 s/d 12-03-2026"},
  {"tgl 20-21 bulan lalu", SUN, 5, WHEN_OK, "20-02-2026 s/d 21-02-2026"},
  {"tgl 5/6", SUN, 5, WHEN_OK, "05-06-2025"},
  {"tgl 12-3", SUN, 5, WHEN_OK, "12-03-2026"},
  {"tgl 5-6-2025", SUN, 5, WHEN_OK, "05-06-2025"},
  {"5-6", SUN, 5, WHEN_OK, "05-06-2025"},
  /* Two days or years joined by "dan" are a span, as with "sampai". */
  {"tanggal 10 dan 11 maret", SUN, 5, WHEN_OK, "10-03-2026 s/d 11-03-2026"},
  {"thn 2024 dan 2025", SUN, 5, WHEN_OK, "2024 s/d 2025"},
  {"tgl 2 dan 3 bulan lalu", SUN, 5, WHEN_OK, "02-02-2026 s/d 03-02-2026"},
  {"bulan ini", SUN, 5, WHEN_OK, "03-2026"},
  {"maret maret", SUN, 5, WHEN_INVALID, ""},
  {"12.30", SUN, 5, WHEN_INVALID, ""},
  {"kemarin jam 25", SUN, 5, WHEN_INVALID, ""},
  {"12 M\xC3\xA4rz 2026", SUN, 5, WHEN_INVALID, ""},
  {"12 maret 2026; DROP TABLE x", SUN, 5, WHEN_OK, "12-03-2026"},
  {"'; --", SUN, 5, WHEN_INVALID, ""},
  {"tidak tahu maret", SUN, 5, WHEN_OK, "03-2026"},  /* the month said */
  {"tanggal", SUN, 5, WHEN_INVALID, ""},
  {"kemarin\x01", SUN, 5, WHEN_INVALID, ""},
  {"12 \xFF maret 2026", SUN, 5, WHEN_INVALID, ""},
  /* A story around the time: the time is found inside it; several make
   * a span; a day name gives way to a date; nothing but a story is no
   * time, nor is a future inside one. */
  {"itu hari sabtu sore, sesudah ibadah, kira2 tgl 20an bulan lalu", SUN,
   5, WHEN_OK, "20-02-2026"},
  {"sy ingat itu pas hari senin tgl 2 maret, sy antar anak ke sekolah",
   SUN, 5, WHEN_OK, "02-03-2026"},
  {"Kejadiannya pada hari Kamis tanggal 5 Februari 2026 sekitar pukul "
   "10.00 WITA di ruang pelayanan", SUN, 5, WHEN_OK, "05-02-2026"},
  {"kalamarin sore su mau gelap, beta pulang dari kebun", SUN, 5, WHEN_OK,
   "14-03-2026"},
  {"pertama kali bulan Mei 2025, trus terulang lagi bulan Agustus 2025",
   SUN, 5, WHEN_OK, "05-2025 s/d 08-2025"},
  {"Maaf saya sudah lupa tanggal berapa, tapi itu waktu Paskah tahun lalu",
   SUN, 5, WHEN_OK, "Paskah, 20-04-2025"},
  {"35 januari 2026, sy lapor ke camat", SUN, 5, WHEN_INVALID, ""},
  {"waktu rapat desa kemarin dia minta uang", SUN, 5, WHEN_INVALID, ""},
  /* A story whose one time is a year said as one ("tahun 2024") is
   * dated by it, in passing or not; with another time beside it, it stays
   * a time in passing. */
  {"Uang BLT tahun 2023 dipotong kepala desa untuk beli motor baru", SUN,
   5, WHEN_OK, "2023"},
  {"Bantuan bedah rumah thn 2025 sonde sampai ke warga miskin di desa "
   "kami", SUN, 5, WHEN_OK, "2025"},
  {"Kepala desa pake dana desa tahun 2024 untuk beli oto yang dia pake ke "
   "Kupang kemarin malam bersama istrinya", SUN, 5, WHEN_INVALID, ""},
  /* A verb by its form (passive di-, me(N)-, ber- on a root) before
   * "kemarin" says when that was done, listed verb or not; a noun that
   * only looks affixed ("dinas", "beras", "merah") stays a thing. */
  {"mama diperas kalamarin di kantor desa", SUN, 5, WHEN_OK, "14-03-2026"},
  {"anak saya dibentak kemarin di sekolah", SUN, 5, WHEN_OK, "14-03-2026"},
  {"Bapak camat membentak kemarin di depan warga", SUN, 5, WHEN_OK,
   "14-03-2026"},
  {"petugas berteriak kemarin di kantor desa", SUN, 5, WHEN_OK,
   "14-03-2026"},
  {"Kepala dinas kemarin potong dana bantuan warga", SUN, 5, WHEN_INVALID,
   ""},
  {"Uang beras kemarin dipotong kepala desa tanpa alasan", SUN, 5,
   WHEN_INVALID, ""},
  {"waktu tanggal merah kemarin dia minta uang", SUN, 5, WHEN_INVALID, ""},
  {"nanti saya kirim foto", SUN, 5, WHEN_INVALID, ""},
  {"Sekretaris dinas memenangkan perusahaan milik adiknya dalam tender "
   "proyek jalan tahun ini tanpa lelang terbuka sama sekali", SUN, 5,
   WHEN_INVALID, ""},
  {"di pasar Oeba dekat terminal", SUN, 5, WHEN_INVALID, ""},
  {"2 orang petugas", SUN, 5, WHEN_INVALID, ""},
  /* This week, the day before yesterday turned round, SMS and a part
   * after its year. */
  {"minggu ini", SUN, 5, WHEN_OK, "09-03-2026 s/d 15-03-2026"},
  {"minggu ini", WED, 5, WHEN_OK, "16-03-2026 s/d 18-03-2026"},
  {"lusa kemarin", SUN, 5, WHEN_OK, "13-03-2026"},
  {"sminggu lalu", SUN, 5, WHEN_OK, "08-03-2026"},
  {"kmrn2", SUN, 5, WHEN_OK, "01-03-2026 s/d 15-03-2026"},
  {"tahun 2025 akhir", SUN, 5, WHEN_OK, "09-2025 s/d 12-2025"},
  /* A number glued to "tgl", "bln", "thn", "jam" is that number, not the
   * word said twice ("kira2"). */
  {"tgl 12 bln2", SUN, 5, WHEN_OK, "12-02-2026"},
  {"tgl2 bln3", SUN, 5, WHEN_OK, "02-03-2026"},
  {"bln2 tgl12", SUN, 5, WHEN_OK, "12-02-2026"},
  /* Letters doubled on a phone keyboard. */
  {"kemariinn", SUN, 5, WHEN_OK, "14-03-2026"},
  {"kmrnn sore", SUN, 5, WHEN_OK, "14-03-2026"},
  {"bulann lalu", SUN, 5, WHEN_OK, "02-2026"},
  {"lupaa", SUN, 5, WHEN_OK, ""},
  {"tgll 3 maret", SUN, 5, WHEN_OK, "03-03-2026"},
  /* More NTT and SMS spellings: "taun", "ni" (ini), "itu" and "ingat"
   * around a time ("waktu itu", "beta inga"). */
  {"taun kemarin", SUN, 5, WHEN_OK, "2025"},
  {"hari ni", SUN, 5, WHEN_OK, "15-03-2026"},
  {"bulan ni", SUN, 5, WHEN_OK, "03-2026"},
  {"waktu itu tgl 5", SUN, 5, WHEN_OK, "05-03-2026"},
  {"beta inga itu hari kamis tgl 5 bulan ini", SUN, 5, WHEN_OK,
   "05-03-2026"},
  {"sy ingat bulan agustus", SUN, 5, WHEN_OK, "08-2025"},
  {"tidak ingat itu", SUN, 5, WHEN_OK, ""},
  {"lupa2 ingat", SUN, 5, WHEN_OK, ""},
  /* "bulan" before the first of two numbers makes both months. */
  {"antara bulan 5 dan 6 tahun lalu", SUN, 5, WHEN_OK,
   "05-2025 s/d 06-2025"},
  {"bln 9 sampai 11 thn lalu", SUN, 5, WHEN_OK, "09-2025 s/d 11-2025"},
  {"bulan 10-12 tahun 2025", SUN, 5, WHEN_OK, "10-2025 s/d 12-2025"},
  {"5 sampai 6 tahun lalu", SUN, 5, WHEN_OK, "2020 s/d 2021"},
  /* Day names as they are spoken and typed: "senen", "kemis", "jmt". */
  {"senen kemarin", SUN, 5, WHEN_OK, "09-03-2026"},
  {"slasa lalu", SUN, 5, WHEN_OK, "10-03-2026"},
  {"hari rebo", SUN, 5, WHEN_OK, "11-03-2026"},
  {"kemis kemarin", SUN, 5, WHEN_OK, "12-03-2026"},
  {"jmt kmrn", SUN, 5, WHEN_OK, "13-03-2026"},
  {"hari saptu", SUN, 5, WHEN_OK, "14-03-2026"},
  /* "kemarin kemarin" with a blank is "kemarin-kemarin" (kmrn2). */
  {"kemarin kemarin", SUN, 5, WHEN_OK, "01-03-2026 s/d 15-03-2026"},
  {"kmrn kmrn", SUN, 5, WHEN_OK, "01-03-2026 s/d 15-03-2026"},
  /* The year said before its month, as forms are filled in ("tahun
   * 2025 bulan 10"). */
  {"tahun 2025 bulan 10", SUN, 5, WHEN_OK, "10-2025"},
  {"thn 2024 bln agustus", SUN, 5, WHEN_OK, "08-2024"},
  {"2025 bulan 7 tgl 12", SUN, 5, WHEN_OK, "12-07-2025"},
  /* A month and "ini": that month of this year ("Januari ini"). */
  {"Januari ini", SUN, 5, WHEN_OK, "01-2026"},
  {"dari Januari sampe Februari ini", SUN, 5, WHEN_OK,
   "01-2026 s/d 02-2026"},
  {"awal Februari ini", SUN, 5, WHEN_OK, "01-02-2026 s/d 10-02-2026"},
  /* A number that names a stage, a grade or a ward is no date ("tahap
   * 2", "kelas 3", "RT 5"). */
  {"pas pencairan dana desa tahap 2 taon lalu", SUN, 5, WHEN_OK, "2025"},
  {"waktu pembagian BLT tahap 3 tahun 2025", SUN, 5, WHEN_OK, "2025"},
  {"waktu anak saya kelas 3, tahun 2024", SUN, 5, WHEN_OK, "2024"},
  /* A month named after "tgl N bulan" but not readable is no month: the
   * day of this month would be a wrong precise date (asked again). */
  {"tgl 3 bln xyz", SUN, 5, WHEN_INVALID, ""},
  {"tanggal 5 bulan qwerty", SUN, 5, WHEN_INVALID, ""},
  {"tgl 12 bulan zzz 2025", SUN, 5, WHEN_INVALID, ""},
  {"tgl3 bln abc", SUN, 5, WHEN_INVALID, ""},
  {"tgl 3 bulan ini sy ke kantor camat", SUN, 5, WHEN_OK, "03-03-2026"},
  {"sudah 3 bulan sy tunggu", SUN, 5, WHEN_OK, "12-2025"},
  /* Months with their vowels moved or dropped by quick thumbs. */
  {"12 mrat 2026", SUN, 5, WHEN_OK, "12-03-2026"},
  {"agsuts 2025", SUN, 5, WHEN_OK, "08-2025"},
  {"tgl 2 mert", SUN, 5, WHEN_OK, "02-03-2026"},
  {"marah", SUN, 5, WHEN_INVALID, ""},
  /* Kupang Malay frames the unit with "ini ... ni": "ini hari ni". */
  {"ini hari ni", SUN, 5, WHEN_OK, "15-03-2026"},
  {"ini bulan ni", SUN, 5, WHEN_OK, "03-2026"},
  {"ini tahun ni", SUN, 5, WHEN_OK, "2026"},
  {"ini hari ni pagi", SUN, 5, WHEN_OK, "15-03-2026"},
  /* "antara" asks for two ends: a dash after it joins them. */
  {"antara tgl 5-6", SUN, 5, WHEN_OK, "05-03-2026 s/d 06-03-2026"},
  {"antara 5-6 maret", SUN, 5, WHEN_OK, "05-03-2026 s/d 06-03-2026"},
  {"antara tahun 2023-2024", SUN, 5, WHEN_OK, "2023 s/d 2024"},
  {"antara 10/11 februari", SUN, 5, WHEN_OK, "10-02-2026 s/d 11-02-2026"},
  {"antara 12-03-2026 dan 14-03-2026", SUN, 5, WHEN_OK,
   "12-03-2026 s/d 14-03-2026"},
  /* A part of a month or year said twice ("awal2 bulan", "akhir-akhir
   * tahun lalu") is that part. */
  {"awal2 bulan", SUN, 5, WHEN_OK, "01-03-2026 s/d 10-03-2026"},
  {"akhir-akhir tahun lalu", SUN, 5, WHEN_OK, "09-2025 s/d 12-2025"},
  {"tengah2 bulan februari", SUN, 5, WHEN_OK, "11-02-2026 s/d 20-02-2026"},
  /* The English names of January and February, misspelt as their
   * Indonesian ones are ("Janury", "Febuary"). */
  {"Janury 2026", SUN, 5, WHEN_OK, "01-2026"},
  {"tgl 3 febuary", SUN, 5, WHEN_OK, "03-02-2026"},
  {"5 januray 2026", SUN, 5, WHEN_OK, "05-01-2026"},
  {"februay 2025", SUN, 5, WHEN_OK, "02-2025"},
  /* "saja"/"aja" after a time only stresses it: "barusan saja" is today,
   * "kemarin aja" yesterday; "baru saja" still reads as one phrase. */
  {"barusan saja", SUN, 5, WHEN_OK, "15-03-2026"},
  {"kemarin aja", SUN, 5, WHEN_OK, "14-03-2026"},
  {"bulan lalu saja", SUN, 5, WHEN_OK, "02-2026"},
  /* Eastern NTT negations ("tra", "tar", "seng") before a word of
   * knowing, and the rhetorical "mana (saya) tahu": I do not know. */
  {"tra inga", SUN, 5, WHEN_OK, ""},
  {"tar tau lai", SUN, 5, WHEN_OK, ""},
  {"seng ingat", SUN, 5, WHEN_OK, ""},
  {"mana beta tau", SUN, 5, WHEN_OK, ""},
  {"mana sa ingat tanggalnya", SUN, 5, WHEN_OK, ""},
  {"tra inga tanggal, tapi bulan lalu", SUN, 5, WHEN_OK, "02-2026"},
  /* A story naming a feast and, apart from it, its year: the feast of
   * that year, the more precise of the two. */
  {"waktu prosesi Jumat Agung di Larantuka tahun lalu", SUN, 5, WHEN_OK,
   "Jumat Agung, 18-04-2025"},
  {"misa Natal di gereja katedral tahun lalu", SUN, 5, WHEN_OK,
   "Natal, 25-12-2025"},
  /* A story that announces its time ("waktu ...", "jam 7 ...") answers
   * when from there on: what comes before is who and where, and numbers
   * of people, money or a neighbourhood are no dates. */
  {"Dia datang ke rumah jam 7 malam kemarin, RT 03 RW 01 Kelurahan Oepura",
   SUN, 5, WHEN_OK, "14-03-2026"},
  {"kami 12 orang petani di Naibonat dipungut 200rb per orang waktu "
   "pembagian pupuk bulan lalu", SUN, 5, WHEN_OK, "02-2026"},
  {"ada 5 orang guru honor yang dipotong gajinya saat pencairan dana "
   "BOS tgl 3 bulan lalu", SUN, 5, WHEN_OK, "03-02-2026"},
  /* A time that closes its clause, set off by a comma from the rest, is
   * the answer about when however long the story around it; a time in
   * the middle of a clause is still only in passing. */
  {"Kami antri beras murah di kantor desa Tarus tadi pagi, petugas minta "
   "uang 20 ribu per karung", SUN, 5, WHEN_OK, "15-03-2026"},
  {"Kepala sekolah SMPN 3 Soe memotong dana BOS untuk kepentingan "
   "pribadi, Agustus 2025, guru-guru tidak berani bicara", SUN, 5, WHEN_OK,
   "08-2025"},
  {"Kasusnya tahun 2024, waktu pembagian bantuan ternak sapi di Desa "
   "Oelnasi, petugas dinas peternakan minta bagian uang dari setiap "
   "penerima bantuan", SUN, 5, WHEN_OK, "2024"},
  {"Petugas minta uang untuk proyek jalan tahun ini tanpa kwitansi, kami "
   "warga desa tidak berani menolak", SUN, 5, WHEN_INVALID, ""},
  {"Pak kades minta uang 500 ribu, 12 orang petani sudah bayar ke dia",
   SUN, 5, WHEN_INVALID, ""},
  {"Sekretaris dinas memenangkan perusahaan milik adiknya dalam tender "
   "proyek jalan tahun ini.", SUN, 5, WHEN_INVALID, ""},
  /* A sum with dots between its thousands is money, not a date, before
   * the day as after it; a dotted date stays a date, an impossible one
   * invalid. */
  {"Uang Rp 1.500.000 saya serahkan tgl 11/2/2026 ke Kepala Desa", SUN, 5,
   WHEN_OK, "11-02-2026"},
  {"dia minta 750.000 pada 3.2.2026", SUN, 5, WHEN_OK, "03-02-2026"},
  {"Rp 2.000.000", SUN, 5, WHEN_INVALID, ""},
  {"12.000.2026", SUN, 5, WHEN_INVALID, ""},
  {"12.03.2026", SUN, 5, WHEN_OK, "12-03-2026"},
  {"Kepala Desa Oebelo minta uang Rp 2.500.000 untuk surat tanah, itu "
   "bulan November kemarin", SUN, 5, WHEN_OK, "11-2025"},
  /* A time set off as the story's last clause, or a date announced by
   * "tgl", is the answer even in the middle of a long story. */
  {"Pak camat minta uang untuk tanda tangan surat, itu bulan Januari",
   SUN, 5, WHEN_OK, "01-2026"},
  {"saya serahkan tgl 11/2/2026 langsung ke Kepala Desa Oelnasi di "
   "rumahnya", SUN, 5, WHEN_OK, "11-02-2026"},
  /* "kemarin", "lalu" right after a verb is when that was done ("dong
   * tagih kemarin", "kepala sekolah memukul anak beta kemarin"), in a
   * short answer as in a long story; after a noun it stays the recent
   * thing ("rapat desa kemarin"), no date. */
  {"pegawai kantor camat tagih kemarin", SUN, 5, WHEN_OK, "14-03-2026"},
  {"kepala sekolah memukul anak beta kemarin", SUN, 5, WHEN_OK,
   "14-03-2026"},
  {"Ibu bidan di Puskesmas Oesao datang kemarin malam minta uang 50 ribu "
   "untuk surat lahir anak kami", SUN, 5, WHEN_OK, "14-03-2026"},
  {"pegawai kantor camat pung rapat kemarin", SUN, 5, WHEN_INVALID, ""},
  {"Kepala desa minta uang di rapat desa kemarin dan tidak kasih kwitansi "
   "ke warga", SUN, 5, WHEN_INVALID, ""},
  /* A past time that opens a long story ("Kemarin beta pi ...") is when
   * it happened, however many words follow (initials of a name, "Prof W
   * Z Johannes", count as words); a time opening it that is no past
   * ("Hari ini saya mau lapor ...") is the day of the report, no answer. */
  {"Kemarin beta bawa anak ke Puskesmas Dr A M Lenggu, bidan suruh "
   "bayar 75 ribu dulu baru mau periksa", SUN, 5, WHEN_OK, "14-03-2026"},
  {"Minggu lalu kami urus KTP di kantor Dukcapil Kab TTU, petugas minta "
   "uang rokok 50 ribu per orang", SUN, 5, WHEN_OK,
   "02-03-2026 s/d 08-03-2026"},
  {"Hari ini saya mau lapor kepala desa yang potong dana bantuan warga "
   "miskin tanpa alasan", SUN, 5, WHEN_INVALID, ""},
  /* Day, month and year in figures are a date by their form, as "tgl"
   * makes one: the answer however much story follows it or comes
   * before it.  An impossible or future one is still no answer, nor is a
   * sum written with dots. */
  {"1/8/2023 di kantor camat", SUN, 5, WHEN_OK, "01-08-2023"},
  {"01-08-2023 waktu urus sertifikat tanah di BPN Ende", SUN, 5, WHEN_OK,
   "01-08-2023"},
  {"Petugas BPN Ende minta uang 500 ribu pada 3/2/2026 untuk ukur tanah "
   "kami", SUN, 5, WHEN_OK, "03-02-2026"},
  {"2025-11-20 pegawai Dukcapil Kab Kupang minta uang rokok", SUN, 5,
   WHEN_OK, "20-11-2025"},
  {"31/2/2025 di kantor camat", SUN, 5, WHEN_INVALID, ""},
  {"1/8/2027 di kantor camat urus surat tanah", SUN, 5, WHEN_INVALID, ""},
  {"Rp 1.800.000 di kantor camat", SUN, 5, WHEN_INVALID, ""},
  {"jam 10:30:15 di kantor camat urus surat", SUN, 5, WHEN_INVALID, ""},
};

#define NCASES ((int)(sizeof(cases) / sizeof(cases[0])))

/* 1 when the fields of w agree with its precision. */
static int
shape_ok(const struct when *w)
{
  if (w->precision == WHEN_UNKNOWN)
    return w->year == 0 && w->month == 0 && w->day == 0;
  if (w->precision == WHEN_MONTH)
    return w->month >= 1 && w->month <= 12 && w->day == 0;
  if (w->precision == WHEN_YEAR)
    return w->year >= 1900 && w->month == 0 && w->day == 0;
  if (w->precision == WHEN_SPAN || w->precision == WHEN_FEAST)
    return (w->year == 0 && w->precision == WHEN_FEAST) ||
           (w->year >= 1900 && w->to_year >= w->year &&
            w->month >= 0 && w->month <= 12 && w->to_month >= 0 &&
            w->to_month <= 12);
  return w->precision == WHEN_DAY && w->month >= 1 && w->month <= 12 &&
         w->day >= 1 && w->day <= 31;
}

static void
check_shape(const struct when *w)
{
  ck_assert_msg(shape_ok(w), "precision %d with %d-%d-%d", (int)w->precision,
                w->year, w->month, w->day);
}

/*
 * Every case of the table, in one process: a fork per case would cost
 * far more than the cases themselves under the sanitizers.  Every case
 * that goes wrong is listed, not only the first.
 */
START_TEST(when_table)
{
  const struct when_case *c;
  struct when w;
  char buf[WHEN_FORMAT_MAX], report[4096];
  enum when_status st;
  enum when_precision want_prec;
  size_t dlen, used = 0;
  int i, n, bad = 0;

  report[0] = '\0';
  for (i = 0; i < NCASES; i++) {
    c = &cases[i];
    dlen = strlen(c->date);
    want_prec = strchr(c->date, ',') != NULL ? WHEN_FEAST
                : strstr(c->date, " s/d ") != NULL ? WHEN_SPAN
                : dlen == 10 ? WHEN_DAY : dlen == 7 ? WHEN_MONTH
                : dlen == 4 ? WHEN_YEAR : WHEN_UNKNOWN;
    memset(&w, 0x5a, sizeof(w));
    st = when_parse(c->text, clock_ms(c->clock), c->max_age, &w);
    when_format(&w, buf, sizeof(buf));
    if (st == c->want && strcmp(buf, c->date) == 0 &&
        w.precision == want_prec && shape_ok(&w))
      continue;
    bad++;
    if (used < sizeof(report)) {
      n = snprintf(report + used, sizeof(report) - used,
                   "\n  #%d '%s' (clock %d, %d years): %s '%s' (precision "
                   "%d), want %s '%s'",
                   i, c->text, (int)c->clock, c->max_age,
                   when_status_name(st), buf, (int)w.precision,
                   when_status_name(c->want), c->date);
      if (n > 0)
        used += (size_t)n;
    }
  }
  ck_assert_msg(bad == 0, "%d of %d cases wrong:%s", bad, NCASES, report);
}
END_TEST

/* The clocks stand where their comments say; the main one was checked
 * with `date -u -d '2026-03-15 02:00:00' +%s`. */
START_TEST(when_clock_sanity)
{
  ck_assert(clock_ms(SUN) == 1773540000000LL);
  ck_assert(clock_ms(EDGE_AFTER) == 1773518400000LL);
  ck_assert(clock_ms(EDGE_BEFORE) == 1773503999999LL);
}
END_TEST

/* "hari ini" across every hour of a UTC day: the WITA date turns at
 * 16.00 UTC. */
START_TEST(when_wita_boundary)
{
  struct when w;
  char buf[WHEN_FORMAT_MAX];
  int h;

  for (h = 0; h < 24; h++) {
    ck_assert_int_eq(when_parse("hari ini", utc_ms(2026, 3, 14, h, 0), 5, &w),
                     WHEN_OK);
    ck_assert_str_eq(when_format(&w, buf, sizeof(buf)),
                     h < 16 ? "14-03-2026" : "15-03-2026");
  }
}
END_TEST

/*
 * Every day from 8 years back to 2 days ahead, written three ways, comes
 * back as itself, and is judged against the 5-year limit as libc's
 * calendar says it should be.
 */
START_TEST(when_calendar_round_trip)
{
  static const char *const names[12] = {
    "januari", "februari", "maret", "april", "mei", "juni",
    "juli", "agustus", "september", "oktober", "november", "desember",
  };
  int64_t now = clock_ms(SUN);
  time_t t0 = (time_t)(now / 1000) + WITA_SECONDS, t;
  struct tm tm;
  struct when w;
  char text[64], want[48], buf[WHEN_FORMAT_MAX];
  enum when_status expect, st;
  int back, form;

  for (back = -2; back <= 8 * 366; back++) {
    t = t0 - (time_t)back * 86400;
    gmtime_r(&t, &tm);
    snprintf(want, sizeof(want), "%02d-%02d-%04d", tm.tm_mday,
             tm.tm_mon + 1, tm.tm_year + 1900);
    if (back < 0)
      expect = WHEN_FUTURE;
    else if (tm.tm_year + 1900 < 2021 ||
             (tm.tm_year + 1900 == 2021 &&
              (tm.tm_mon + 1 < 3 || (tm.tm_mon + 1 == 3 && tm.tm_mday < 15))))
      expect = WHEN_TOO_OLD;
    else
      expect = WHEN_OK;
    for (form = 0; form < 3; form++) {
      if (form == 0)
        snprintf(text, sizeof(text), "%d %s %d", tm.tm_mday,
                 names[tm.tm_mon], tm.tm_year + 1900);
      else if (form == 1)
        snprintf(text, sizeof(text), "%d/%d/%d", tm.tm_mday, tm.tm_mon + 1,
                 tm.tm_year + 1900);
      else
        snprintf(text, sizeof(text), "%04d-%02d-%02d", tm.tm_year + 1900,
                 tm.tm_mon + 1, tm.tm_mday);
      st = when_parse(text, now, 5, &w);
      ck_assert_msg(st == expect, "'%s': %s", text, when_status_name(st));
      ck_assert_str_eq(when_format(&w, buf, sizeof(buf)), want);
    }
    if (back >= 0 && back <= 1000) {
      snprintf(text, sizeof(text), "%d hari yang lalu", back);
      ck_assert_int_eq(when_parse(text, now, 5, &w), WHEN_OK);
      ck_assert_str_eq(when_format(&w, buf, sizeof(buf)), want);
    }
  }
}
END_TEST

/* For 14 days running, each day name gives a day within the last week
 * that libc agrees is that weekday; with "lalu", within the 7 days before
 * today. */
START_TEST(when_weekdays_against_libc)
{
  static const char *const names[7] = {
    "minggu", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
  };                                  /* indexed by struct tm's tm_wday */
  int64_t base = clock_ms(SUN), now;
  struct when w;
  struct tm tm;
  char text[32];
  time_t t, today;
  int day, wd, strict, age;

  for (day = 0; day < 14; day++) {
    now = base + (int64_t)day * 86400 * 1000;
    today = (time_t)(now / 1000) + WITA_SECONDS;
    today -= today % 86400;
    for (wd = 0; wd < 7; wd++) {
      for (strict = 0; strict < 2; strict++) {
        snprintf(text, sizeof(text), "hari %s%s", names[wd],
                 strict ? " lalu" : "");
        ck_assert_int_eq(when_parse(text, now, 5, &w), WHEN_OK);
        ck_assert_int_eq(w.precision, WHEN_DAY);
        memset(&tm, 0, sizeof(tm));
        tm.tm_year = w.year - 1900;
        tm.tm_mon = w.month - 1;
        tm.tm_mday = w.day;
        t = timegm(&tm);
        gmtime_r(&t, &tm);
        ck_assert_int_eq(tm.tm_wday, wd);
        age = (int)((today - t) / 86400);
        ck_assert_msg(strict ? (age >= 1 && age <= 7) : (age >= 0 && age <= 6),
                      "'%s' on day %d: %d days ago", text, day, age);
      }
    }
  }
}
END_TEST

START_TEST(when_format_forms)
{
  struct when day = {.precision = WHEN_DAY, .year = 2026, .month = 3,
                     .day = 12};
  struct when month = {.precision = WHEN_MONTH, .year = 2026, .month = 3};
  struct when unknown = {.precision = WHEN_UNKNOWN};
  char buf[WHEN_FORMAT_MAX], small[5];

  ck_assert_str_eq(when_format(&day, buf, sizeof(buf)), "12-03-2026");
  ck_assert_str_eq(when_format(&month, buf, sizeof(buf)), "03-2026");
  ck_assert_str_eq(when_format(&unknown, buf, sizeof(buf)), "");
  ck_assert_str_eq(when_format(NULL, buf, sizeof(buf)), "");
  ck_assert_ptr_eq(when_format(&day, buf, sizeof(buf)), buf);
  /* Too small: cut, still terminated. */
  ck_assert_str_eq(when_format(&day, small, sizeof(small)), "12-0");
  /* No room at all: nothing written. */
  small[0] = 'x';
  ck_assert_ptr_eq(when_format(&day, small, 0), small);
  ck_assert_int_eq(small[0], 'x');
}
END_TEST

START_TEST(when_names_and_nulls)
{
  struct when w = {.precision = WHEN_DAY, .year = 1, .month = 1, .day = 1};

  ck_assert_str_eq(when_status_name(WHEN_OK), "ok");
  ck_assert_str_eq(when_status_name(WHEN_FUTURE), "future");
  ck_assert_str_eq(when_status_name(WHEN_TOO_OLD), "too_old");
  ck_assert_str_eq(when_status_name(WHEN_INVALID), "invalid");
  ck_assert_str_eq(when_status_name((enum when_status)42), "?");
  ck_assert_int_eq(when_parse(NULL, clock_ms(SUN), 5, &w), WHEN_INVALID);
  ck_assert_int_eq(w.precision, WHEN_UNKNOWN);
  ck_assert_int_eq(w.year, 0);
  ck_assert_int_eq(when_parse("kemarin", clock_ms(SUN), 5, NULL),
                   WHEN_INVALID);
}
END_TEST

/* Clocks outside 1970..9999 are clamped, never overflowed. */
START_TEST(when_extreme_clocks)
{
  struct when w;
  char buf[WHEN_FORMAT_MAX];

  ck_assert_int_eq(when_parse("hari ini", INT64_MIN, 5, &w), WHEN_OK);
  ck_assert_str_eq(when_format(&w, buf, sizeof(buf)), "01-01-1970");
  ck_assert_int_eq(when_parse("hari ini", INT64_MAX, 5, &w), WHEN_OK);
  ck_assert_str_eq(when_format(&w, buf, sizeof(buf)), "31-12-9999");
  ck_assert_int_eq(when_parse("besok", INT64_MAX, 5, &w), WHEN_FUTURE);
  ck_assert_int_eq(w.precision, WHEN_UNKNOWN);
  ck_assert_int_eq(when_parse("999999999 bulan lalu", INT64_MAX, INT32_MAX,
                              &w), WHEN_TOO_OLD);
  ck_assert_int_eq(when_parse("999999999 tahun lalu", 0, -1, &w),
                   WHEN_TOO_OLD);
}
END_TEST

/* Parse text from a heap copy of exactly its size, so that AddressSanitizer
 * catches a read past the NUL; check what comes back is well formed. */
static enum when_status
parse_exact(const char *text, size_t len, struct when *w)
{
  char *copy = malloc(len + 1);
  enum when_status st;

  ck_assert_ptr_nonnull(copy);
  memcpy(copy, text, len);
  copy[len] = '\0';
  st = when_parse(copy, clock_ms(SUN), 5, w);
  free(copy);
  ck_assert_int_ge(st, WHEN_OK);
  ck_assert_int_le(st, WHEN_INVALID);
  check_shape(w);
  if (st == WHEN_INVALID)
    ck_assert_int_eq(w->precision, WHEN_UNKNOWN);
  return st;
}

/* A long text made of unit repeated count times, with head and tail. */
static enum when_status
parse_long(const char *head, const char *unit, size_t count,
           const char *tail, struct when *w)
{
  size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail), i;
  size_t len = hl + ul * count + tl;
  char *s = malloc(len + 1);
  enum when_status st;

  ck_assert_ptr_nonnull(s);
  memcpy(s, head, hl);
  for (i = 0; i < count; i++)
    memcpy(s + hl + i * ul, unit, ul);
  memcpy(s + hl + ul * count, tail, tl);
  s[len] = '\0';
  st = parse_exact(s, len, w);
  free(s);
  return st;
}

START_TEST(when_long_input)
{
  struct when w;
  char buf[WHEN_FORMAT_MAX];

  ck_assert_int_eq(parse_long("", "a", 10000, "", &w), WHEN_INVALID);
  ck_assert_int_eq(parse_long("", "9", 10000, "", &w), WHEN_INVALID);
  ck_assert_int_eq(parse_long("", "9", 10000, " hari lalu", &w),
                   WHEN_TOO_OLD);
  ck_assert_int_eq(parse_long("", "/", 10000, "", &w), WHEN_INVALID);
  ck_assert_int_eq(parse_long("", "1/", 5000, "", &w), WHEN_INVALID);
  ck_assert_int_eq(parse_long("", "kemarin ", 1250, "", &w), WHEN_INVALID);
  ck_assert_int_eq(parse_long("", "\xF0\x9F\x98\x80", 2500, "", &w),
                   WHEN_INVALID);
  ck_assert_int_eq(parse_long("", "\xE2\x80", 5000, "", &w), WHEN_INVALID);
  ck_assert_int_eq(parse_long("kemarin", "\xF0\x9F", 5000, "", &w),
                   WHEN_INVALID);
  /* Padding alone does not make a good answer bad. */
  ck_assert_int_eq(parse_long("", " ", 10000, "kemarin", &w), WHEN_OK);
  ck_assert_str_eq(when_format(&w, buf, sizeof(buf)), "14-03-2026");
  ck_assert_int_eq(parse_long("12 maret 2026", ".", 9987, "", &w), WHEN_OK);
  ck_assert_str_eq(when_format(&w, buf, sizeof(buf)), "12-03-2026");
  ck_assert_int_eq(parse_long("tgl ", "\xF0\x9F\x99\x8F", 2000, " 12/3/2026",
                              &w), WHEN_OK);
  ck_assert_str_eq(when_format(&w, buf, sizeof(buf)), "12-03-2026");
}
END_TEST

/*
 * Pseudo-random texts (a fixed seed, so a failure repeats): pieces of
 * real answers shuffled together with arbitrary bytes.  Nothing crashes
 * or reads out of bounds, and every date accepted lies between the
 * limit and today.
 */
START_TEST(when_garbage)
{
  static const char *const pieces[] = {
    "12", "2026", "maret", "kemarin", "lalu", "hari", "minggu", "senin",
    "/", "-", ".", " ", "tgl", "bulan", "2", "31", "29", "februari", "jam",
    "tidak", "tahu", "besok", "se", "'", "2a", "\xC2\xA0", "\xE2\x80\x99",
    "\xF0\x9F\x99\x8F", "\xC3", "\xFF", "99999999999", "ini", "depan",
  };
  uint32_t seed = 20260315u;
  char text[200], buf[WHEN_FORMAT_MAX];
  const char *piece;
  struct when w;
  enum when_status st;
  size_t len, pl;
  int round, parts, p, counts[4] = {0, 0, 0, 0};

  for (round = 0; round < 10000; round++) {
    len = 0;
    seed = seed * 1103515245u + 12345u;
    parts = (int)(seed >> 16) % 8 + 1;
    for (p = 0; p < parts; p++) {
      seed = seed * 1103515245u + 12345u;
      if ((seed >> 16) % 5 == 0) {
        /* One arbitrary byte, never NUL. */
        if (len + 1 < sizeof(text))
          text[len++] = (char)((seed >> 8) % 255 + 1);
        continue;
      }
      piece = pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
      pl = strlen(piece);
      if (len + pl + 1 >= sizeof(text))
        break;
      memcpy(text + len, piece, pl);
      len += pl;
      if ((seed >> 24) % 2 == 0)
        text[len++] = ' ';
    }
    st = parse_exact(text, len, &w);
    counts[st]++;
    if (st == WHEN_OK && w.precision == WHEN_DAY) {
      when_format(&w, buf, sizeof(buf));
      ck_assert_msg(w.year * 10000 + w.month * 100 + w.day <= 20260315 &&
                    w.year * 10000 + w.month * 100 + w.day >= 20210315,
                    "accepted %s", buf);
    } else if (st == WHEN_OK && w.precision == WHEN_MONTH) {
      ck_assert_int_le(w.year * 100 + w.month, 202603);
      ck_assert_int_ge(w.year * 100 + w.month, 202103);
    }
  }
  /* The mix reaches every outcome, so the invariants above were tried. */
  ck_assert_int_gt(counts[WHEN_OK], 0);
  ck_assert_int_gt(counts[WHEN_FUTURE], 0);
  ck_assert_int_gt(counts[WHEN_INVALID], 0);
}
END_TEST

static Suite *
when_suite(void)
{
  Suite *s = suite_create("when");
  TCase *tc = tcase_create("parse");
  TCase *tr = tcase_create("robust");

  tcase_add_test(tc, when_table);
  tcase_add_test(tc, when_clock_sanity);
  tcase_add_test(tc, when_wita_boundary);
  tcase_add_test(tc, when_calendar_round_trip);
  tcase_add_test(tc, when_weekdays_against_libc);
  tcase_add_test(tc, when_format_forms);
  tcase_add_test(tc, when_names_and_nulls);
  tcase_add_test(tc, when_extreme_clocks);
  suite_add_tcase(s, tc);
  tcase_add_test(tr, when_long_input);
  tcase_add_test(tr, when_garbage);
  suite_add_tcase(s, tr);
  return s;
}

UNIT_MAIN(when_suite)
