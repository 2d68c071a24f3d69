/*
 * when.h: the date of an incident, as a reporter writes it in Indonesian
 * at the waktu step of a report.
 *
 * Reporters answer "kapan?" in every way people talk: "12 Maret 2026",
 * "12/03/2026", "12-3-26", "Maret 2026", "kemarin", "2 hari yang lalu",
 * "senin kemarin", "sejak Agustus", "Natal kemarin", "tidak tahu".
 * when_parse() turns all of those into a result with a precision (a day,
 * a month, a year, a span from one point to another, a feast or season,
 * or "unknown"), judged against the clock
 * in WITA (Asia/Makassar, UTC+8, no daylight saving time), the time zone
 * of Nusa Tenggara Timur.
 *
 * What is understood (case does not matter; spaces, commas, dots, "~",
 * quotes and emoji around the words do not matter):
 *
 * - Filler words are skipped: "tgl", "tanggal", "pada", "sekitar",
 *   "kira-kira" ("kira2"), "kurang lebih", "kalau tidak salah", "yang",
 *   "saya", "sudah", "kejadian(nya)", "terjadi", "mungkin", "awal",
 *   "akhir", "pertengahan", and "tahun" before a year and "bulan" before a
 *   month ("bulan maret 2026", "tahun 2026"); beside another time,
 *   "setiap hari", "tiap bulan" and "beberapa kali" ("tiap bulan sejak
 *   2024").
 * - A time of day is skipped: "jam 10", "pukul 14.30", "pagi", "siang",
 *   "sore", "malam", "subuh", "dini hari", "WITA"/"WIB"/"WIT".  Precision
 *   is one day at best.
 * - Day, month name, year: "12 Maret 2026", "12 mar 26", "12 Mar. 2026",
 *   "12-mar-2026".  Indonesian names and abbreviations (januari jan,
 *   februari feb pebruari peb, maret mar, april apr, mei, juni jun, juli
 *   jul, agustus agu agt ags aug, september sep sept, oktober okt oct,
 *   november nov nop, desember des dec) and English full names.
 * - Numbers, day first always: "12/03/2026", "12-3-26", "12.03.2026",
 *   "12 03 2026"; "03/04/2026" is 3 April, never 4 March.  Year first
 *   only when the first number has 4 digits ("2026-03-12").  Two-digit
 *   years are 20YY.
 * - Month and year: "Maret 2026", "mar 2026", "03/2026", "2026-03",
 *   "bulan 3 2026": precision WHEN_MONTH.
 * - No year: "12 maret", "12/3", "tanggal 12" (of this month or an
 *   earlier one) and "maret" mean the most recent such date or month that
 *   is not in the future; with "lalu"/"kemarin" after them ("12 maret
 *   lalu", "maret lalu") the most recent one strictly before today (this
 *   month).  "29 februari" in a year without it goes back to the last
 *   leap year.  "tanggal 3 bulan lalu" is the 3rd of the previous month,
 *   "tanggal 3 bulan ini" the 3rd of this one.  "tanggal" may follow its
 *   month: "feb kemarin tgl 12", "bln 2 tgl 12", "agustus lalu tgl 5";
 *   the year may come first: "tahun lalu bulan agustus (tgl 3)"; and so
 *   may "kemarin": "kemarin tgl 14", "kmrn 12 feb" read as "tgl 14
 *   kemarin".
 * - Relative: "hari ini", "sekarang", "tadi", "tadi pagi", "barusan" are
 *   today; "kemarin" (and "kemarin sore" ...) and "semalam" are
 *   yesterday; "tadi malam" is yesterday before 18.00 WITA and today from
 *   18.00 on; "kemarin lusa" and "kemarin dulu" are 2 days ago.  "N hari
 *   lalu", "N hari yang lalu", "N minggu lalu" (7 N days), "N bulan lalu"
 *   (WHEN_MONTH), with N in digits, a number word (satu .. sepuluh,
 *   sebelas) or "se-" ("sehari", "seminggu", "sepekan", "sebulan").
 *   "lalu" may also be "yll", "silam", "sebelumnya" or "kemarin".
 *   "minggu lalu", "minggu kemarin" and "pekan lalu" are the week before
 *   this one, Monday to Sunday (WHEN_SPAN: the reporter names the week,
 *   not a day), while "seminggu lalu" and "1 minggu lalu" are 7 days ago;
 *   "bulan lalu" is the previous month (WHEN_MONTH), "bulan ini" this
 *   month.
 * - Years: "2025", "thn 2024", "tahun lalu", "tahun ini", "3 tahun lalu",
 *   "dua ribu dua puluh empat": precision WHEN_YEAR.
 * - Spans (WHEN_SPAN, from one end to the other, each as precise as it
 *   was written): "2023-2024", "antara 2022 dan 2023", "Mei - Juli 2024",
 *   "agustus sampai oktober 2025", "10-15 maret", "sejak Agustus (sampai
 *   sekarang)", "dari bulan Mei" (to today); vague ones: "beberapa hari
 *   lalu" (7 to 2 days ago), "beberapa minggu lalu" (6 to 2 weeks),
 *   "beberapa bulan lalu" (6 to 2 months), "beberapa tahun lalu" (5 to 2
 *   years), "beberapa waktu lalu" (30 to 2 days), "baru-baru ini" and
 *   "belum lama ini" (the last 14 days), "dua tiga hari lalu", "2-3 hari
 *   lalu", "1 atau 2 minggu lalu"; "3 bulan terakhir", "seminggu
 *   terakhir" (from then to today);
 *   parts of a month or year: "awal" (days 1-10, January-April),
 *   "pertengahan" (11-20, May-August), "akhir" (21-end,
 *   September-December) of a month or year named, or alone ("akhir
 *   bulan": the most recent such part that has begun).
 * - Feasts and seasons (WHEN_FEAST, see feast.h): "Natal kemarin", "waktu
 *   Paskah", "Idul Fitri 2024", "HUT RI", "17an", "tahun baru", "bulan
 *   puasa": the most recent occurrence that has begun (with
 *   "lalu"/"kemarin": that ended before today, so a season still running
 *   is last year's), or the one of the year named ("natal
 *   2024", "paskah tahun lalu"); also "waktu pemilu", "pas pilkada" (the
 *   polling days).  Seasons of NTT are whole months from the same
 *   file, approximate ("musim hujan" November to March, "musim kemarau",
 *   "musim tanam", "musim panen", "liburan sekolah", "tahun ajaran
 *   baru"), read the same way: "musim hujan" 11-2025 s/d 03-2026,
 *   "musim kemarau tahun lalu" 04-2025 s/d 10-2025.  Decreed feasts and
 *   seasons need the feasts file; without a date for them they are
 *   WHEN_FEAST with no date.
 * - Month names forgive typing: abbreviations (a prefix of at least three
 *   letters: "agus", "sept"), and misspellings one edit away (two for
 *   words of seven letters or more, same first letter, one month only):
 *   "agustu", "Agusuts", "desemebr", "jnui".  Numbers may be words: "satu"
 *   .. "tiga puluh satu", "dua belas", "dua ribu dua puluh empat", and
 *   their Kupang forms ("ampat", "anam", "tuju", "dalapan").
 * - Kupang Malay and other NTT forms: "kalamarin"/"kalmarin" (kemarin),
 *   "ini hari", "ini pagi", "ini bulan", "ini tahun", "taon", "dolo",
 *   "su" (sudah), "beta" (saya), "sonde"/"son" (tidak), "inga" (ingat),
 *   "lai" (lagi); "sudah 3 hari", "baru 2 hari" are 3 and 2 days ago;
 *   "ini bulan"/"ini tahun" anywhere ("ini bulan tanggal 3").
 * - Day names (senin, selasa, rabu, kamis, jumat/jum'at, sabtu, minggu,
 *   ahad; "hari" before them is optional), with weeks running Monday to
 *   Sunday (ISO 8601):
 *     "senin"                  the most recent Monday, today if today is
 *                              a Monday;
 *     "senin lalu", "senin kemarin", "kemarin senin"
 *                              the most recent Monday strictly before
 *                              today (7 days ago on a Monday);
 *     "senin minggu lalu", "minggu lalu hari senin"
 *                              the Monday of the week before this one;
 *     "senin ini", "senin minggu ini"
 *                              the Monday of this week (WHEN_FUTURE when
 *                              that is after today);
 *     "senin depan", "senin minggu depan", "senin besok"
 *                              WHEN_FUTURE.
 *   "minggu" alone is Sunday; "minggu lalu" is last week (the span
 *   above), and "hari minggu lalu" is the Sunday.  A day name before or after a full
 *   date ("Senin, 9 Maret 2026") is ignored; the date decides.
 * - Unknown (WHEN_OK with WHEN_UNKNOWN): "tidak tahu", "tdk tau", "gak
 *   tau", "nggak tahu", "gatau", "kurang tahu", "belum tahu", "lupa",
 *   "tidak ingat", "tidak pasti", "tidak yakin", "entah", "sonde tau",
 *   "lupa su", "sudah lama (sekali)", with "saya" or "sudah" before and
 *   "pasti", "lagi", "persis", "jelas", "tanggalnya" after.  When the
 *   rest of the answer still names a time ("lupa tanggalnya, tapi bulan
 *   Agustus"), that time is the answer.
 * - A day name or a feast said beside a date or a relative day gives way
 *   to it: "hari kamis kemarin tgl 12", "3 hari lalu tepatnya hari kamis",
 *   "25 des kemarin pas natal"; "tgl 10-an" is the 10th.
 * - The future: "besok", "lusa", "nanti", "minggu depan", "bulan depan",
 *   "N hari lagi", "N hari ke depan", and any date after today are
 *   WHEN_FUTURE.
 *
 * Everything else is WHEN_INVALID: words not in the lists above, letters
 * outside ASCII, impossible dates ("32 maret 2026", "29 februari 2025",
 * "0/3/2026", "12/13/2026"), years of 1, 3 or more than 4 digits, empty
 * text.  The parser reads nothing past the terminating NUL, allocates
 * nothing, and gives up early on text longer than a few dozen words.
 */
#ifndef ADUAN_WHEN_H
#define ADUAN_WHEN_H

#include <stddef.h>
#include <stdint.h>

enum when_precision {
  WHEN_DAY = 0, WHEN_MONTH, WHEN_UNKNOWN, WHEN_YEAR, WHEN_SPAN, WHEN_FEAST
};

/*
 * A point in time is year-month-day, with day 0 for a whole month and
 * month 0 (and day 0) for a whole year.  year, month, day is the date (the
 * start of a span or of a feast's days); to_year, to_month, to_day its end
 * (the same point as the start for WHEN_DAY, WHEN_MONTH and WHEN_YEAR).
 * A feast without a known date has all of them 0.
 */
struct when {
  enum when_precision precision;
  int year, month, day;      /* all 0 for WHEN_UNKNOWN */
  int to_year, to_month, to_day;
  const char *feast;         /* WHEN_FEAST: its name ("Natal"), else NULL */
};

enum when_status { WHEN_OK = 0, WHEN_FUTURE, WHEN_TOO_OLD, WHEN_INVALID };

/* Room for when_format() ("Kenaikan Yesus Kristus, 29-05-2025", "masa
 * Prapaskah, 18-02-2026 s/d 04-04-2026") and for when_iso()
 * ("2025-08-01/2026-03-15"), with their NULs. */
#define WHEN_FORMAT_MAX 64
#define WHEN_ISO_MAX 32

struct feast_dates;

/*
 * Parse text as of now_ms (ms since the epoch, UTC; "today" is the
 * calendar day in WITA; now_ms is clamped to the years 1970 to 9999).
 * Dates after today are WHEN_FUTURE (for a month: when it begins after
 * today).  Dates before today minus max_age_years years (29 February
 * counting back to 28 February) are WHEN_TOO_OLD (for a month: when its
 * last day is before that); max_age_years <= 0 means no limit of its own.
 * Nothing before 1 January 1900 is accepted whatever the limit.
 *
 * text must be NUL-terminated; it may hold any bytes.  out must not be
 * NULL.  On WHEN_OK, *out is the date.  On WHEN_FUTURE and WHEN_TOO_OLD,
 * *out is the date understood when there is one (for the reply to name
 * it), else WHEN_UNKNOWN.  On WHEN_INVALID, *out is WHEN_UNKNOWN with all
 * fields 0.  A NULL text is WHEN_INVALID.
 */
enum when_status when_parse(const char *text, int64_t now_ms,
                            int max_age_years, struct when *out);

/* The same, with the decreed feasts' dates of fd (may be NULL). */
enum when_status when_parse_feasts(const char *text, int64_t now_ms,
                                   int max_age_years,
                                   const struct feast_dates *fd,
                                   struct when *out);

/*
 * "12-03-2026" for WHEN_DAY, "03-2026" for WHEN_MONTH, "2025" for
 * WHEN_YEAR, "08-2025 s/d 15-03-2026" for WHEN_SPAN, "Natal, 25-12-2025"
 * for WHEN_FEAST, "" for WHEN_UNKNOWN (and for a NULL w), into buf of len
 * bytes (at least WHEN_FORMAT_MAX to hold every date; shorter is cut).
 * Returns buf.
 */
char *when_format(const struct when *w, char *buf, size_t len);

/*
 * ISO 8601: "2026-03-12", "2026-03", "2025", a span or a season as
 * "2025-08/2026-03-15", a one-day feast as its day; "" for WHEN_UNKNOWN
 * and a feast without a date.  Returns buf.
 */
char *when_iso(const struct when *w, char *buf, size_t len);

/* "day", "month", "year", "span", "feast", "unknown": stable names for
 * the store, the log and the operators; "?" for anything else. */
const char *when_precision_name(enum when_precision p);

/* "ok", "future", "too_old" or "invalid": stable names for log lines;
 * "?" for anything else. */
const char *when_status_name(enum when_status s);

/*
 * Days from 1970-01-01 to y-m-d (m 1..12, d 1..31) in the proleptic
 * Gregorian calendar, and back.  No validation: 31 February counts on
 * into March.
 */
int64_t when_days_from_civil(int64_t y, int m, int d);
void when_civil_from_days(int64_t days, int64_t *y, int *m, int *d);

#endif
