/*
 * feast.h: the feasts and seasons reporters date an incident by, at the
 * waktu step ("Natal kemarin", "waktu Paskah", "pas Idul Fitri", "bulan
 * puasa", "HUT RI").
 *
 * Three kinds of feast:
 * - fixed in the calendar: Natal (25 December), malam Natal, tahun baru
 *   (1 January), malam tahun baru, HUT RI (17 August), HUT Provinsi NTT
 *   (20 December), Hari Pancasila,
 *   Hari Buruh, Hari Kartini, Hari Pahlawan, Hari Guru, Hari Ibu;
 * - moving with Easter, computed (Gregorian computus): Paskah, Jumat
 *   Agung, Kamis Putih, Minggu Palma, Rabu Abu, Kenaikan, Pentakosta,
 *   and the seasons Prapaskah (Rabu Abu to the eve of Easter) and Adven
 *   (the fourth Sunday before Natal to 24 December);
 * - set each year by decree and not computable here (Idul Fitri, Idul
 *   Adha, Imlek, Nyepi, Waisak, Isra Mikraj, Maulid, Tahun Baru Islam;
 *   and the polling days of elections, Pemilu and Pilkada):
 *   their dates come from a data file in config/ (see feast_load), and
 *   bulan puasa (Ramadan) is the 30 days before that year's Idul Fitri;
 * - seasons of NTT, whole months given by the same file, approximate
 *   ("11-03 musimhujan"): musim hujan, musim kemarau, musim tanam, musim
 *   panen, libur sekolah (kenaikan kelas), tahun ajaran baru.
 *
 * A feast is named by one of its phrases (feast_match); its occurrence in
 * a year is a range of days (one day for a feast, several for a season).
 */
#ifndef ADUAN_FEAST_H
#define ADUAN_FEAST_H

#include <stdint.h>

struct diag;

/* The dates of the feasts that are set by decree, read from one file.
 * NULL is a valid empty list: those feasts then have no dates. */
struct feast_dates;

#define FEAST_FILE_MAX (256 * 1024)

/*
 * Read the feasts file at path: one "YYYY-MM-DD name" per line, the name
 * one of the decreed feasts' keys (idulfitri, iduladha, imlek, nyepi,
 * waisak, isramikraj, maulid, tahunbaruislam, pemilu, pilkada), or one
 * "MM-MM name" for a season's first and last month (over the new year
 * when the last is smaller), the name one of musimhujan, musimkemarau,
 * musimtanam, musimpanen, libursekolah, tahunajaranbaru; '#' starts a
 * comment and blank lines are ignored.  On success *out is the list (free with
 * feast_free) and 0 is returned; otherwise every problem is in diag as
 * FILE:LINE: message and AERR_CONFIG (or -errno) is returned, *out NULL.
 */
int feast_load(const char *path, struct feast_dates **out, struct diag *diag);
void feast_free(struct feast_dates *f);

/*
 * The feast named by the words w[0..n) from their start: its id (>= 0)
 * with *len the number of words its phrase takes, or -1.  The words are
 * lower case, letters only ("idul fitri", "idulfitri", "hut ri",
 * "natal").
 */
int feast_match(const char *const *w, int n, int *len);

/* The i-th phrase of the table feast_match() reads (from 0) with its
 * feast in *id, or NULL past the last. */
const char *feast_phrase(int i, int *id);

/* The feast's name as shown to people ("Natal", "Idul Fitri"). */
const char *feast_name(int id);

/* 1 when feast id is a season of whole months (its days are only
 * approximate, so an answer names the months), else 0. */
int feast_whole_months(int id);

/* 1 with its *month and *day when feast id is one day fixed in the
 * calendar (Natal, HUT RI), else 0. */
int feast_fixed_day(int id, int *month, int *day);

/*
 * The occurrence of feast id in year (for a season: the one that begins
 * in that year) as days since 1970-01-01 (*from to *to, inclusive).
 * Returns 0, or -1 when it is not known (a decreed feast missing from
 * the list f).
 */
int feast_in_year(const struct feast_dates *f, int id, int64_t year,
                  int64_t *from, int64_t *to);

/* Easter Sunday of year as days since 1970-01-01 (Gregorian). */
int64_t feast_easter(int64_t year);

#endif
