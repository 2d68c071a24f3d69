/*
 * test_similar.c: the duplicate check of report-quality rule 4, on
 * realistic Indonesian reports (each text is what the caller passes:
 * category, reported party and description), on thousands of synthetic
 * ones, and against a brute-force search over random churn.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/similar.h"
#include "testutil.h"

/* ------------------------------------------------------------------ */
/* Reports                                                             */
/* ------------------------------------------------------------------ */

/* Pungli at the civil registry (A1), told again by the same person in
 * other words (A2), forwarded by someone else with a greeting (A3), and
 * retyped in SMS spelling (A4). */
static const char A1[] =
  "Pemerasan/pungutan liar. Petugas loket Dinas Kependudukan dan "
  "Pencatatan Sipil Kabupaten Kupang. Saat saya mengurus e-KTP dan kartu "
  "keluarga di kantor Dukcapil Oelamasi pada tanggal 3 Maret, petugas "
  "loket meminta uang Rp 150.000 supaya berkas saya cepat diproses. "
  "Kalau tidak bayar, katanya berkas harus menunggu tiga bulan. Warga "
  "lain yang antre juga dimintai uang yang sama tanpa kuitansi.";
static const char A2[] =
  "Pemerasan/pungutan liar. Petugas loket Dukcapil Kabupaten Kupang. "
  "Tanggal 3 Maret saya ke kantor Dukcapil di Oelamasi untuk urus e-KTP "
  "dan KK. Petugas di loket minta uang 150 ribu agar berkas cepat "
  "selesai, kalau tidak bayar harus tunggu sampai tiga bulan. Warga lain "
  "yang antre juga dimintai uang tanpa diberi kuitansi.";
static const char A3[] =
  "Selamat siang Bapak/Ibu, saya mau melapor. "
  "Pemerasan/pungutan liar. Petugas loket Dinas Kependudukan dan "
  "Pencatatan Sipil Kabupaten Kupang. Saat saya mengurus e-KTP dan kartu "
  "keluarga di kantor Dukcapil Oelamasi pada tanggal 3 Maret, petugas "
  "loket meminta uang Rp 150.000 supaya berkas saya cepat diproses. "
  "Kalau tidak bayar, katanya berkas harus menunggu tiga bulan. Warga "
  "lain yang antre juga dimintai uang yang sama tanpa kuitansi.";
static const char A4[] =
  "pemerasan / pungutan liar -- petugas loket dinas kependudukan dan "
  "pencatatan sipil kab kupang. saat sy mengurus E-KTP dan kartu "
  "keluarga di kantor dukcapil oelamasi pd tgl 3 maret petugas loket "
  "meminta uang Rp150.000 supaya berkas sy cepat diproses!! kalau tdk "
  "bayar katanya berkas harus menunggu tiga bulan. warga lain yg antre "
  "jg dimintai uang yg sama tanpa kuitansi";

/* Village funds spent on a car (D), a clinic that closes early (H), a
 * bridge built below specification (I), a traffic police bribe (K): each
 * told twice by one person. */
static const char D1[] =
  "Penyalahgunaan wewenang/jabatan. Kepala Desa Oenuntono, Kecamatan "
  "Amabi Oefeto. Dana desa tahun 2025 untuk pembangunan jalan rabat beton "
  "dipakai kepala desa untuk membeli mobil pribadi. Jalan yang dilaporkan "
  "selesai di laporan pertanggungjawaban ternyata belum dikerjakan sama "
  "sekali. Warga sudah bertanya di musyawarah desa tetapi tidak dijawab.";
static const char D2[] =
  "Penyalahgunaan wewenang/jabatan. Kades Oenuntono Kec. Amabi Oefeto. "
  "Kepala desa pakai dana desa 2025 yang seharusnya untuk jalan rabat "
  "beton untuk beli mobil pribadi. Di LPJ jalan itu ditulis sudah selesai "
  "padahal belum dikerjakan sama sekali. Waktu musyawarah desa warga "
  "tanya tapi kepala desa tidak jawab.";
static const char H1[] =
  "Pelayanan publik tidak sesuai standar. Kepala Puskesmas Kota Soe. "
  "Puskesmas Kota Soe sering tutup sebelum jam 12 siang padahal jadwalnya "
  "buka sampai jam 2. Dokter jarang datang, pasien yang sudah antre dari "
  "pagi disuruh pulang dan datang besok. Ibu hamil dan anak kecil "
  "terpaksa ke rumah sakit yang jauh.";
static const char H2[] =
  "Pelayanan publik tidak sesuai standar. Kepala Puskesmas Kota Soe. "
  "Puskesmas di Kota Soe sering sudah tutup jam 12 siang, padahal "
  "seharusnya buka sampai jam 2. Dokternya jarang datang dan pasien yang "
  "antre sejak pagi disuruh pulang lalu kembali besok. Ibu-ibu hamil dan "
  "anak kecil akhirnya harus ke rumah sakit yang jauh.";
static const char I1[] =
  "Perbuatan curang. Kontraktor CV Flobamora Jaya dan PPK Dinas PUPR "
  "Kabupaten Manggarai. Proyek pembangunan jembatan di Desa Golo Lalong "
  "dikerjakan asal-asalan. Besi yang dipakai lebih kecil dari spesifikasi "
  "di kontrak dan semennya dikurangi. Baru tiga bulan selesai, lantai "
  "jembatan sudah retak. Pengawas dari dinas tidak pernah datang ke "
  "lokasi.";
static const char I2[] =
  "Perbuatan curang. CV Flobamora Jaya dan PPK Dinas PUPR Manggarai. "
  "Jembatan di Desa Golo Lalong dibangun asal jadi, besinya lebih kecil "
  "dari spesifikasi kontrak dan semen dikurangi. Jembatan baru selesai "
  "tiga bulan tapi lantainya sudah retak-retak. Pengawas dinas tidak "
  "pernah turun ke lokasi proyek.";
static const char K1[] =
  "Pemerasan/pungutan liar. Oknum polisi lalu lintas di Jalan El Tari "
  "Kupang. Saya dihentikan oleh oknum polisi di dekat lampu merah El Tari "
  "karena tidak pakai helm. Polisi tidak memberi surat tilang tetapi "
  "meminta uang damai Rp 300.000. Karena takut motor ditahan, saya "
  "terpaksa membayar.";
static const char K2[] =
  "Pemerasan/pungutan liar. Polisi lalu lintas Jalan El Tari Kupang. Di "
  "lampu merah El Tari saya dihentikan polisi karena tidak memakai helm. "
  "Bukannya ditilang, saya dimintai uang damai 300 ribu. Saya takut motor "
  "saya ditahan jadi terpaksa bayar.";

/* Different stories of the same kind, full of the same generic words
 * ("petugas", "dinas", "uang", "bayar", "kuitansi"). */
static const char B1[] =
  "Pemerasan/pungutan liar. Oknum pegawai Dinas Perhubungan Kota Kupang. "
  "Setiap hari sopir angkot di terminal Oebobo dipungut uang Rp 10.000 "
  "oleh oknum dinas perhubungan tanpa karcis resmi. Kalau sopir menolak "
  "bayar, kendaraan ditahan dan surat-surat diambil. Pungli ini sudah "
  "berlangsung sejak awal tahun.";
static const char E1[] =
  "Pemerasan/pungutan liar. Calo dan petugas Samsat Kota Kupang. Waktu "
  "bayar pajak kendaraan di kantor Samsat, petugas menyuruh saya lewat "
  "calo dan minta uang tambahan Rp 200.000 di luar biaya resmi. Kalau "
  "tidak mau, berkas saya tidak diproses. Uang itu dibagi antara calo dan "
  "petugas di dalam kantor.";
static const char F1[] =
  "Pemerasan/pungutan liar. Petugas Puskesmas Oesapa. Pasien BPJS di "
  "puskesmas Oesapa diminta bayar uang Rp 50.000 untuk surat rujukan ke "
  "rumah sakit, padahal seharusnya gratis. Petugas bilang kalau tidak "
  "bayar rujukan tidak dibuat. Banyak warga yang mengeluh tapi takut "
  "melapor.";
static const char G1[] =
  "Pemerasan/pungutan liar. Oknum petugas Dinas Kependudukan dan "
  "Pencatatan Sipil Kota Kupang. Untuk membuat akta kelahiran anak saya, "
  "petugas minta uang Rp 100.000 padahal pelayanan ini gratis. Kalau "
  "tidak bayar, akta tidak akan jadi. Saya sudah bayar tapi tidak diberi "
  "kuitansi.";
static const char L1[] =
  "Pemerasan/pungutan liar. Kepala Sekolah SD Inpres Oebufu. Sekolah "
  "meminta setiap orang tua membayar Rp 250.000 untuk uang pembangunan "
  "pagar dan uang seragam, padahal sekolah sudah menerima dana BOS. Yang "
  "tidak bayar, rapor anaknya ditahan.";
static const char M1[] =
  "Pemerasan/pungutan liar. Petugas Kantor Pertanahan Kabupaten Sikka. "
  "Untuk mengurus sertifikat tanah saya diminta uang pelicin Rp 5.000.000 "
  "oleh petugas BPN. Katanya kalau tidak ada uang pelicin, pengukuran "
  "tanah tidak akan dijadwalkan. Sudah enam bulan berkas saya tidak "
  "diproses.";

/* ------------------------------------------------------------------ */
/* Synthetic reports                                                   */
/* ------------------------------------------------------------------ */

/* splitmix64: a fixed seed gives the same reports on every run. */
static uint64_t
rng_next(uint64_t *s)
{
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static double
rng_unit(uint64_t *s)
{
  return (double)(rng_next(s) >> 11) / 9007199254740992.0;
}

/*
 * Word k of a made-up vocabulary: three consonant-vowel syllables.  The
 * vowels are a, o and u only and the consonants leave out m, n, p, s, t
 * and k, so that the stemmer of similar.c takes nothing off any word and
 * no two words become one.
 */
static void
syn_word(uint32_t k, char out[7])
{
  static const char cons[] = "bcdfghjlrvwz";
  static const char vow[] = "aou";
  int i;

  for (i = 0; i < 3; i++) {
    out[2 * i] = cons[k % 12];
    k /= 12;
    out[2 * i + 1] = vow[k % 3];
    k /= 3;
  }
  out[6] = '\0';
}

#define SYN_VOCAB 40000u
#define SYN_WORDS 40

/* Word k of a synthetic report seeded with seed, skewed towards the
 * start of the vocabulary as real word use is. */
static uint32_t
syn_pick(uint64_t *rng)
{
  double u = rng_unit(rng);

  return (uint32_t)(u * u * SYN_VOCAB);
}

/* A synthetic report from seed: a fixed opening every report shares,
 * then SYN_WORDS words.  The caller frees it. */
static char *
syn_text(uint64_t seed)
{
  static const char opening[] = "Pemerasan/pungutan liar. Petugas dinas. ";
  char *t = malloc(sizeof(opening) + SYN_WORDS * 7);
  size_t len = sizeof(opening) - 1;
  uint64_t rng = seed;
  int i;

  ck_assert_ptr_nonnull(t);
  memcpy(t, opening, len);
  for (i = 0; i < SYN_WORDS; i++) {
    syn_word(syn_pick(&rng), t + len);
    len += 6;
    t[len++] = ' ';
  }
  t[len] = '\0';
  return t;
}

/* ------------------------------------------------------------------ */
/* The measure                                                         */
/* ------------------------------------------------------------------ */

struct pair_case {
  const char *what;
  const char *a;
  const char *b;
  double lo;  /* the score is at least lo ... */
  double hi;  /* ... and below hi */
};

static const struct pair_case pairs[] = {
  {"A rephrased by its reporter", A1, A2, 0.5, 0.85},
  {"D rephrased by its reporter", D1, D2, 0.5, 0.85},
  {"H rephrased by its reporter", H1, H2, 0.5, 0.85},
  {"I rephrased by its reporter", I1, I2, 0.5, 0.85},
  {"K rephrased by its reporter", K1, K2, 0.5, 0.85},
  {"A forwarded with a greeting", A1, A3, 0.85, 1.01},
  {"A retyped in SMS spelling", A1, A4, 0.85, 1.01},
  {"A copied verbatim", A1, A1, 1.0, 1.01},
  {"civil registry: e-KTP vs birth certificate", A1, G1, 0.0, 0.3},
  {"civil registry vs transport office", A1, B1, 0.0, 0.3},
  {"civil registry vs vehicle tax office", A1, E1, 0.0, 0.3},
  {"civil registry vs land office", A1, M1, 0.0, 0.3},
  {"rephrased civil registry vs land office", A2, M1, 0.0, 0.3},
  {"transport office vs vehicle tax office", B1, E1, 0.0, 0.3},
  {"vehicle tax office vs birth certificate", E1, G1, 0.0, 0.3},
  {"clinic referral vs birth certificate", F1, G1, 0.0, 0.3},
  {"traffic police vs school fees", K1, L1, 0.0, 0.3},
  {"clinic referral vs clinic hours", F1, H1, 0.0, 0.3},
  {"village funds vs bridge", D1, I1, 0.0, 0.3},
};

#define NPAIRS (int)(sizeof(pairs) / sizeof(pairs[0]))

START_TEST(score_table)
{
  const struct pair_case *c = &pairs[_i];
  double ab = similar_score(c->a, c->b);
  double ba = similar_score(c->b, c->a);

  ck_assert_msg(ab >= c->lo && ab < c->hi, "%s: score %.3f not in [%.2f, %.2f)",
                c->what, ab, c->lo, c->hi);
  ck_assert_msg(ab == ba, "%s: not symmetric: %.17g vs %.17g", c->what, ab,
                ba);
}
END_TEST

/* Each group of three words has one key. */
static void
assert_one_key_each(const char *const groups[][3], size_t n)
{
  size_t g, i;
  uint64_t k;

  for (g = 0; g < n; g++) {
    k = similar_word_key(groups[g][0], strlen(groups[g][0]));
    for (i = 1; i < 3; i++)
      ck_assert_msg(similar_word_key(groups[g][i], strlen(groups[g][i])) == k,
                    "'%s' and '%s' have two keys", groups[g][0],
                    groups[g][i]);
  }
}

/* A word with a prefix and the suffix -i is the root's word: "dicuri"
 * and "curi", "pencurian"; "dikunjungi" and "kunjungan". */
START_TEST(prefix_before_suffix_i)
{
  static const char *const groups[][3] = {
    {"dicuri", "curi", "pencurian"},
    {"dikunjungi", "kunjungan", "berkunjung"},
    {"diobati", "obat", "pengobatan"},
  };

  assert_one_key_each(groups, sizeof(groups) / sizeof(groups[0]));
}
END_TEST

/* A root ending in -kah or -lah ("nikah", "langkah", "sekolah") keeps
 * it under any affix: "menikah" is "nikah", not "meni" + "-kah". */
START_TEST(root_ending_like_a_particle)
{
  static const char *const groups[][3] = {
    {"nikah", "menikah", "pernikahan"},
    {"langkah", "melangkah", "dilangkahi"},
    {"sekolah", "bersekolah", "persekolahan"},
  };

  assert_one_key_each(groups, sizeof(groups) / sizeof(groups[0]));
}
END_TEST

/* Words of the complaint domain used for one another share one key:
 * a retelling in other words still shares them. */
START_TEST(domain_words_for_one_another)
{
  static const char *const groups[][3] = {
    {"besuk", "mengunjungi", "menjenguk"},
    {"tentara", "TNI", "prajurit"},
    {"suap", "disogok", "amplop"},
    {"disita", "menyita", "dirampas"},
    {"dagangan", "jualan", "pedagang"},
    {"hp", "handphone", "ponsel"},
  };

  assert_one_key_each(groups, sizeof(groups) / sizeof(groups[0]));
  ck_assert(similar_word_key("suap", 4) != similar_word_key("besuk", 5));
}
END_TEST

/* Words of village administration written for one another: the
 * selection of staff ("seleksi", "tes"), the village staff
 * ("perangkat", "aparat"), the village head ("kades" for "kepala desa"
 * shares "desa"). */
START_TEST(administrative_words_for_one_another)
{
  static const char *const groups[][3] = {
    {"seleksi", "tes", "diseleksi"},
    {"perangkat", "aparat", "aparatnya"},
    {"desa", "kades", "desanya"},
  };

  assert_one_key_each(groups, sizeof(groups) / sizeof(groups[0]));
  ck_assert(similar_word_key("tes", 3) != similar_word_key("tas", 3));
}
END_TEST

/* Payments to teachers and their stages as reporters shorten them: the
 * allowance ("TPG", "sertifikasi"), the quarter ("tw", "triwulan"), the
 * stage ("thp", "tahap"), the semester ("smt"), administration
 * ("admin"). */
START_TEST(payment_words_in_shorthand)
{
  static const char *const groups[][3] = {
    {"tpg", "TPG", "sertifikasi"},
    {"tw", "triwulan", "TW"},
    {"thp", "tahap", "tahapnya"},
    {"smt", "semester", "semesternya"},
    {"admin", "administrasi", "administrasinya"},
  };

  assert_one_key_each(groups, sizeof(groups) / sizeof(groups[0]));
  ck_assert(similar_word_key("tpg", 3) != similar_word_key("tps", 3));
}
END_TEST

/* The electronic identity card as reporters write it: "KTP
 * elektronik", "KTP-el", "eKTP" and "e-KTP" tell one card. */
START_TEST(electronic_ktp_written_three_ways)
{
  ck_assert(similar_score("KTP-el", "KTP elektronik") == 1.0);
  ck_assert(similar_score("eKTP", "e-KTP") == 1.0);
  ck_assert(fabs(similar_score("cetak eKTP", "cetak KTP elektronik") -
                 2.0 / 3) < 1e-12);
  ck_assert(similar_word_key("ektp", 4) != similar_word_key("kk", 2));
}
END_TEST

START_TEST(score_sanity)
{
  ck_assert(similar_score(A1, A1) == 1.0);
  ck_assert(similar_score("dua kata", "dua kata") == 1.0);
  ck_assert(similar_score("pungli dinas uang", "jembatan retak lokasi") == 0.0);
  /* Nothing to compare: no evidence of anything. */
  ck_assert(similar_score("", "") == 0.0);
  ck_assert(similar_score(NULL, A1) == 0.0);
  ck_assert(similar_score(A1, NULL) == 0.0);
  ck_assert(similar_score("!!! ... ???", "!!! ... ???") == 0.0);
  /* Case, punctuation and spacing do not count. */
  ck_assert(similar_score("PUNGLI di DINAS!!!", "pungli, di  dinas.") == 1.0);
  /* Thousands separators and letters glued to numbers. */
  ck_assert(similar_score("Rp 150.000", "rp150000") == 1.0);
  /* One-letter words say nothing, in any script. */
  ck_assert(similar_score("e-KTP", "KTP \xc3\xa9 x") == 1.0);
  ck_assert(similar_score("\xc3\x89" "cole", "\xc3\xa9" "cole") == 1.0);
  /* Affixes and SMS spelling. */
  ck_assert(similar_score("meminta dimintai permintaan", "minta") == 1.0);
  ck_assert(similar_score("yg tdk bayar", "yang tidak bayar") == 1.0);
  /* Half the words in common out of three distinct: 1/3. */
  ck_assert(fabs(similar_score("kantor camat", "kantor bupati") - 1.0 / 3) <
            1e-12);
}
END_TEST

/* A text's words read once score every other text as similar_score()
 * does, to the bit, however many texts they are scored against; a text
 * with no words reads as none and scores 0 against anything. */
START_TEST(words_read_once)
{
  struct similar_words w;
  int i, j;

  for (i = 0; i < NPAIRS; i++) {
    ck_assert_int_eq(similar_words_read(pairs[i].a, &w), 0);
    ck_assert_msg(similar_score_words(&w, pairs[i].b) >= pairs[i].lo &&
                      similar_score_words(&w, pairs[i].b) < pairs[i].hi,
                  "%s: %.3f", pairs[i].what,
                  similar_score_words(&w, pairs[i].b));
    for (j = 0; j < NPAIRS; j++) {
      ck_assert_msg(similar_score_words(&w, pairs[j].b) ==
                        similar_score(pairs[i].a, pairs[j].b),
                    "%s against %s", pairs[i].what, pairs[j].what);
      ck_assert(similar_score_words(&w, pairs[j].a) ==
                similar_score(pairs[i].a, pairs[j].a));
    }
    ck_assert(w.len > 0);
    similar_words_free(&w);
    ck_assert(w.v == NULL && w.len == 0);
  }
  ck_assert_int_eq(similar_words_read(NULL, &w), 0);
  ck_assert_uint_eq(w.len, 0);
  ck_assert(similar_score_words(&w, A1) == 0.0);
  ck_assert(similar_score_words(&w, NULL) == 0.0);
  similar_words_free(&w);
  ck_assert_int_eq(similar_words_read("Rp 150.000 PUNGLI di DINAS", &w), 0);
  ck_assert(similar_score_words(&w, "rp150000, pungli di dinas.") == 1.0);
  similar_words_free(&w);
  /* A set of words: a word said three times is one word. */
  ck_assert_int_eq(similar_words_read("uang uang uang pungli", &w), 0);
  ck_assert(similar_score_words(&w, "pungli uang") == 1.0);
  ck_assert(similar_score_words(&w, "pungli uang jembatan") < 0.7);
  similar_words_free(&w);
  similar_words_free(NULL);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The index                                                           */
/* ------------------------------------------------------------------ */

/* Open tickets 101.. of reporters 1.. with the first story of each kind. */
static struct similar *
open_tickets(void)
{
  static const char *const texts[] = {A1, B1, E1, G1, D1, H1, I1, K1};
  struct similar *s;
  int i;

  ck_assert_int_eq(similar_new(&s), 0);
  for (i = 0; i < 8; i++)
    ck_assert_int_eq(similar_add(s, 101 + i, 1 + i, texts[i]), 0);
  ck_assert_int_eq(similar_count(s), 8);
  return s;
}

START_TEST(find_same_reporter_rephrased)
{
  struct similar *s = open_tickets();
  struct similar_hit hit;
  int rc;

  rc = similar_find(s, A2, 1, SIMILAR_THRESHOLD_SAME, SIMILAR_THRESHOLD_ANY,
                    &hit);
  ck_assert_msg(rc == 1, "rephrased report not found (score %.3f)",
                similar_score(A1, A2));
  ck_assert_int_eq(hit.ticket_id, 101);
  ck_assert_int_eq(hit.same_reporter, 1);
  ck_assert_msg(hit.score >= 0.5 && hit.score == similar_score(A2, A1),
                "score %.3f", hit.score);
  /* The others too. */
  ck_assert_int_eq(similar_find(s, D2, 5, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 105);
  ck_assert_int_eq(similar_find(s, H2, 6, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 106);
  ck_assert_int_eq(similar_find(s, K2, 8, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 108);
  similar_free(s);
}
END_TEST

START_TEST(find_copy_by_other_reporter)
{
  struct similar *s = open_tickets();
  struct similar_hit hit;
  int rc;

  rc = similar_find(s, A3, 99, 0.5, 0.85, &hit);
  ck_assert_msg(rc == 1, "forwarded copy not found (score %.3f)",
                similar_score(A1, A3));
  ck_assert_int_eq(hit.ticket_id, 101);
  ck_assert_int_eq(hit.same_reporter, 0);
  ck_assert_msg(hit.score >= 0.85, "score %.3f", hit.score);

  rc = similar_find(s, A4, 99, 0.5, 0.85, &hit);
  ck_assert_msg(rc == 1, "SMS retyping not found (score %.3f)",
                similar_score(A1, A4));
  ck_assert_int_eq(hit.ticket_id, 101);

  ck_assert_int_eq(similar_find(s, A1, 99, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 101);
  ck_assert(hit.score == 1.0);
  similar_free(s);
}
END_TEST

/*
 * similar_candidates() fills hits[] up to max with real tickets, best
 * first, whatever hits[] held before: more tickets alike than max, of
 * other reporters, and the array primed with a hit better than any.
 */
START_TEST(candidates_fill_to_max)
{
  static const char *const texts[] = {
    "petugas samsat kupang minta uang lima ratus ribu tanpa kuitansi",
    "petugas samsat kupang minta uang lima ratus ribu",
    "petugas samsat kupang minta uang tanpa kuitansi resmi",
    "petugas samsat minta uang",
    "samsat kupang kuitansi",
  };
  const char *q = "petugas samsat kupang minta uang lima ratus ribu tanpa "
                  "kuitansi resmi";
  struct similar *s;
  struct similar_hit hits[3];
  int i, n;

  ck_assert_int_eq(similar_new(&s), 0);
  for (i = 0; i < 5; i++)
    ck_assert_int_eq(similar_add(s, 201 + i, 1 + i, texts[i]), 0);
  for (i = 0; i < 3; i++) {
    hits[i].ticket_id = -7;
    hits[i].score = 2.0;
    hits[i].same_reporter = 1;
  }
  n = similar_candidates(s, q, 99, 0.1, 0.1, hits, 3);
  ck_assert_int_eq(n, 3);
  for (i = 0; i < n; i++) {
    ck_assert_msg(hits[i].ticket_id >= 201 && hits[i].ticket_id <= 205,
                  "hit %d: ticket %lld", i, (long long)hits[i].ticket_id);
    ck_assert(hits[i].score == similar_score(q, texts[hits[i].ticket_id -
                                                      201]));
    ck_assert(i == 0 || hits[i].score <= hits[i - 1].score);
  }
  /* The ticket with the most words of q first. */
  ck_assert_int_eq(hits[0].ticket_id, 201);
  similar_free(s);
}
END_TEST

START_TEST(other_reporter_rephrased_is_new)
{
  struct similar *s = open_tickets();
  struct similar_hit hit;

  /* Someone else telling the same story in their own words: a second
   * witness, filed. */
  ck_assert_msg(similar_find(s, A2, 99, 0.5, 0.85, &hit) == 0,
                "rephrasing by another reporter taken for a copy (%.3f)",
                hit.score);
  ck_assert_int_eq(similar_find(s, H2, 99, 0.5, 0.85, &hit), 0);
  ck_assert_int_eq(similar_find(s, D2, 1, 0.5, 0.85, &hit), 0);
  /* The same texts from the tickets' own reporters are duplicates. */
  ck_assert_int_eq(similar_find(s, A2, 1, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(similar_find(s, H2, 6, 0.5, 0.85, &hit), 1);
  similar_free(s);
}
END_TEST

START_TEST(unrelated_same_category_is_new)
{
  static const char *const all[] = {A1, B1, E1, G1, K1, F1};
  static const char *const fresh[] = {L1, M1};
  struct similar *s;
  struct similar_hit hit;
  int i;

  /* One reporter with many open pungli tickets files another one: the
   * lower threshold applies to every ticket, and none is close. */
  ck_assert_int_eq(similar_new(&s), 0);
  for (i = 0; i < 6; i++)
    ck_assert_int_eq(similar_add(s, 10 + i, 7, all[i]), 0);
  for (i = 0; i < 2; i++)
    ck_assert_msg(similar_find(s, fresh[i], 7, 0.5, 0.85, &hit) == 0,
                  "report %d taken for ticket %lld (%.3f)", i,
                  (long long)hit.ticket_id, hit.score);
  /* Nor is any of them a duplicate of the others. */
  for (i = 0; i < 6; i++) {
    similar_remove(s, 10 + i);
    ck_assert_msg(similar_find(s, all[i], 7, 0.5, 0.85, &hit) == 0,
                  "report %d taken for ticket %lld (%.3f)", i,
                  (long long)hit.ticket_id, hit.score);
    ck_assert_int_eq(similar_add(s, 10 + i, 7, all[i]), 0);
  }
  similar_free(s);
}
END_TEST

START_TEST(closed_ticket_removed)
{
  struct similar *s = open_tickets();
  struct similar_hit hit;

  ck_assert_int_eq(similar_find(s, A3, 99, 0.5, 0.85, &hit), 1);
  similar_remove(s, 101);
  ck_assert_int_eq(similar_count(s), 7);
  ck_assert_int_eq(similar_find(s, A3, 99, 0.5, 0.85, &hit), 0);
  ck_assert_int_eq(similar_find(s, A2, 1, 0.5, 0.85, &hit), 0);
  /* At threshold 0 something else shares a word, but not ticket 101. */
  ck_assert_int_eq(similar_find(s, A1, 1, 0.0, 0.0, &hit), 1);
  ck_assert_int_ne(hit.ticket_id, 101);
  /* Absent ids are a no-op. */
  similar_remove(s, 101);
  similar_remove(s, -5);
  ck_assert_int_eq(similar_count(s), 7);
  /* The rest still answer. */
  ck_assert_int_eq(similar_find(s, B1, 99, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 102);
  /* Filed again, found again. */
  ck_assert_int_eq(similar_add(s, 101, 1, A1), 0);
  ck_assert_int_eq(similar_find(s, A3, 99, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 101);
  similar_free(s);
}
END_TEST

START_TEST(readd_replaces)
{
  struct similar *s;
  struct similar_hit hit;

  ck_assert_int_eq(similar_new(&s), 0);
  ck_assert_int_eq(similar_add(s, 101, 1, A1), 0);
  ck_assert_int_eq(similar_add(s, 101, 2, D1), 0);
  ck_assert_int_eq(similar_count(s), 1);
  ck_assert_int_eq(similar_find(s, A3, 99, 0.5, 0.85, &hit), 0);
  ck_assert_int_eq(similar_find(s, A1, 1, 0.5, 0.85, &hit), 0);
  ck_assert_int_eq(similar_find(s, D1, 99, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 101);
  ck_assert(hit.score == 1.0);
  /* The reporter was replaced too. */
  ck_assert_int_eq(similar_find(s, D2, 2, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.same_reporter, 1);
  ck_assert_int_eq(similar_find(s, D2, 1, 0.5, 0.85, &hit), 0);
  /* Same text again: still one ticket. */
  ck_assert_int_eq(similar_add(s, 101, 2, D1), 0);
  ck_assert_int_eq(similar_count(s), 1);
  similar_remove(s, 101);
  ck_assert_int_eq(similar_count(s), 0);
  ck_assert_int_eq(similar_find(s, D1, 2, 0.5, 0.85, &hit), 0);
  similar_free(s);
}
END_TEST

START_TEST(empty_texts)
{
  struct similar *s;
  struct similar_hit hit;

  ck_assert_int_eq(similar_new(&s), 0);
  ck_assert_int_eq(similar_find(s, A1, 1, 0.0, 0.0, &hit), 0);
  ck_assert_int_eq(similar_add(s, 1, 1, ""), 0);
  ck_assert_int_eq(similar_add(s, 2, 1, NULL), 0);
  ck_assert_int_eq(similar_add(s, 3, 1, "!!! ... ??? -- 😡"), 0);
  ck_assert_int_eq(similar_count(s), 3);
  /* Sharing nothing is never a duplicate, even at threshold 0. */
  ck_assert_int_eq(similar_find(s, "", 1, 0.0, 0.0, &hit), 0);
  ck_assert_int_eq(similar_find(s, NULL, 1, 0.0, 0.0, &hit), 0);
  ck_assert_int_eq(similar_find(s, A1, 1, 0.0, 0.0, &hit), 0);
  ck_assert_int_eq(similar_add(s, 4, 2, A1), 0);
  ck_assert_int_eq(similar_find(s, "", 1, 0.0, 0.0, &hit), 0);
  ck_assert_int_eq(similar_find(s, A1, 1, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 4);
  similar_remove(s, 1);
  similar_remove(s, 2);
  similar_remove(s, 3);
  ck_assert_int_eq(similar_count(s), 1);
  similar_free(s);
  similar_free(NULL);
}
END_TEST

START_TEST(garbage_input)
{
  size_t big = 1u << 20, i;
  char *noise = malloc(big + 1), *word = malloc(100001);
  char *tail_a = malloc(SIMILAR_TEXT_MAX + 64);
  char *tail_b = malloc(SIMILAR_TEXT_MAX + 64);
  static const char bad_utf8[] =
    "pungli \xC0\xAF dinas \xED\xA0\x80 uang \xF4\x90\x80\x80 \xE2\x82 "
    "kantor \xFF\xFE camat \x01\x02\x1b[31m merah \xF0\x9F\x98\xA1 marah";
  struct similar *s;
  struct similar_hit hit;
  uint64_t rng = 42;
  double sc;

  ck_assert_ptr_nonnull(noise);
  ck_assert_ptr_nonnull(word);
  ck_assert_ptr_nonnull(tail_a);
  ck_assert_ptr_nonnull(tail_b);
  for (i = 0; i < big; i++)
    noise[i] = (char)(rng_next(&rng) % 255 + 1);  /* no NUL */
  noise[big] = '\0';
  memset(word, 'a', 100000);
  word[100000] = '\0';
  /* Two texts that differ only past the bytes that are read. */
  memset(tail_a, ' ', SIMILAR_TEXT_MAX);
  for (i = 0; i + 6 <= SIMILAR_TEXT_MAX; i += 8)
    memcpy(tail_a + i, "pungli", 6);
  memcpy(tail_b, tail_a, SIMILAR_TEXT_MAX);
  memcpy(tail_a + SIMILAR_TEXT_MAX, " jembatan", 10);   /* with its NUL */
  memcpy(tail_b + SIMILAR_TEXT_MAX, " puskesmas", 11);

  ck_assert_int_eq(similar_new(&s), 0);
  ck_assert_int_eq(similar_add(s, 1, 1, noise), 0);
  ck_assert_int_eq(similar_add(s, 2, 1, word), 0);
  ck_assert_int_eq(similar_add(s, 3, 1, bad_utf8), 0);
  ck_assert_int_eq(similar_add(s, 4, 1, A1), 0);
  ck_assert_int_eq(similar_add(s, 5, 1, tail_a), 0);
  ck_assert_int_eq(similar_count(s), 5);

  ck_assert_int_eq(similar_find(s, noise, 2, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 1);
  ck_assert(hit.score == 1.0);
  ck_assert_int_eq(similar_find(s, word, 2, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 2);
  ck_assert_int_eq(similar_find(s, bad_utf8, 2, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 3);
  ck_assert_int_eq(similar_find(s, A1, 2, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 4);
  ck_assert_int_eq(similar_find(s, tail_b, 2, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 5);
  ck_assert(hit.score == 1.0);

  /* Bad bytes separate words; the words around them still count. */
  ck_assert(similar_score(bad_utf8, "pungli dinas uang kantor camat 31 "
                                    "merah marah") == 1.0);
  sc = similar_score(noise, A1);
  ck_assert_msg(sc >= 0.0 && sc < 0.1, "noise vs report: %.3f", sc);
  sc = similar_score(word, "aaaa");
  ck_assert_msg(sc == 0.0, "long word vs its start: %.3f", sc);
  similar_free(s);
  free(noise);
  free(word);
  free(tail_a);
  free(tail_b);
}
END_TEST

#define MANY 5000

START_TEST(many_documents)
{
  struct similar *s;
  struct similar_hit hit;
  char *t, *sp;
  int i;

  ck_assert_int_eq(similar_new(&s), 0);
  for (i = 1; i <= MANY; i++) {
    t = syn_text((uint64_t)i);
    ck_assert_int_eq(similar_add(s, i, i % 700, t), 0);
    free(t);
  }
  ck_assert_int_eq(similar_add(s, 9001, 12345, A1), 0);
  ck_assert_int_eq(similar_add(s, 9002, 12346, D1), 0);
  ck_assert_int_eq(similar_count(s), MANY + 2);

  ck_assert_int_eq(similar_find(s, A2, 12345, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 9001);
  ck_assert_int_eq(similar_find(s, A3, 1, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 9001);
  ck_assert_int_eq(similar_find(s, D2, 12346, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 9002);
  ck_assert_int_eq(similar_find(s, D2, 12345, 0.5, 0.85, &hit), 0);
  ck_assert_int_eq(similar_find(s, M1, 12345, 0.5, 0.85, &hit), 0);

  /* A synthetic report copied by someone else. */
  t = syn_text(1234);
  ck_assert_int_eq(similar_find(s, t, 699, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 1234);
  ck_assert(hit.score == 1.0);
  /* Its reporter, with the last fifth of it rewritten. */
  sp = t + strlen(t);
  for (i = 0; i < SYN_WORDS / 5; i++)
    memcpy(sp - 7 * (i + 1), "zzzzzz", 6);
  ck_assert_int_eq(similar_find(s, t, 1234 % 700, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 1234);
  ck_assert_int_eq(hit.same_reporter, 1);
  free(t);
  /* A report nobody filed. */
  t = syn_text(777777);
  ck_assert_int_eq(similar_find(s, t, 1, 0.5, 0.85, &hit), 0);
  free(t);
  similar_free(s);
}
END_TEST

START_TEST(thresholds_and_ties)
{
  struct similar *s;
  struct similar_hit hit;

  ck_assert_int_eq(similar_new(&s), 0);
  ck_assert_int_eq(similar_add(s, 7, 1, A1), 0);
  ck_assert_int_eq(similar_add(s, 5, 2, A1), 0);
  ck_assert_int_eq(similar_add(s, 9, 3, A3), 0);
  /* Equal scores: the lower ticket id... */
  ck_assert_int_eq(similar_find(s, A1, 99, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 5);
  /* ... unless one is the reporter's own. */
  ck_assert_int_eq(similar_find(s, A1, 1, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 7);
  ck_assert_int_eq(hit.same_reporter, 1);
  /* The higher score wins over both. */
  ck_assert_int_eq(similar_find(s, A3, 1, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 9);
  /* 1.0 asks for the same words exactly. */
  ck_assert_int_eq(similar_find(s, A2, 1, 1.0, 1.0, &hit), 0);
  ck_assert_int_eq(similar_find(s, A3, 99, 1.0, 1.0, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 9);
  /* Above 1 or NaN: the rule is off; the other rule still works. */
  ck_assert_int_eq(similar_find(s, A1, 99, 2.0, 2.0, &hit), 0);
  ck_assert_int_eq(similar_find(s, A1, 99, NAN, NAN, &hit), 0);
  ck_assert_int_eq(similar_find(s, A2, 1, NAN, 0.85, &hit), 0);
  ck_assert_int_eq(similar_find(s, A2, 1, 0.5, NAN, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 7);
  ck_assert_int_eq(similar_find(s, A3, 2, NAN, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 9);
  /* Below 0 is 0: anything sharing a word. */
  ck_assert_int_eq(similar_find(s, "kupang", 99, -1.0, -1.0, &hit), 1);
  ck_assert_int_eq(similar_find(s, "jembatan", 99, -1.0, -1.0, &hit), 0);
  /* hit may be NULL. */
  ck_assert_int_eq(similar_find(s, A1, 99, 0.5, 0.85, NULL), 1);
  similar_free(s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Against brute force                                                 */
/* ------------------------------------------------------------------ */

#define BF_SLOTS 120
#define BF_WORDS 12
#define BF_VOCAB 60
#define BF_STEPS 600

/* A short text over a small vocabulary, so that scores cover the whole
 * range from 0 to 1. */
static void
bf_text(uint64_t *rng, char out[BF_WORDS * 7 + 1])
{
  size_t len = 0;
  int i, n = 1 + (int)(rng_next(rng) % BF_WORDS);

  for (i = 0; i < n; i++) {
    syn_word((uint32_t)(rng_next(rng) % BF_VOCAB), out + len);
    len += 6;
    out[len++] = ' ';
  }
  out[len] = '\0';
}

/*
 * Random adds, replacements and removals over 120 ticket ids, and after
 * each a query with random thresholds, compared with a scan of every
 * open ticket by similar_score(): the index prunes, and pruning must
 * never change an answer.
 */
START_TEST(matches_brute_force)
{
  static char text[BF_SLOTS][BF_WORDS * 7 + 1];
  static int64_t reporter[BF_SLOTS];
  static int open[BF_SLOTS];
  static const double levels[] = {0.0, 0.2, 0.34, 0.5, 0.6, 0.75, 0.85, 1.0};
  char q[BF_WORDS * 7 + 1];
  struct similar *s;
  struct similar_hit hit, want;
  uint64_t rng = 2026;
  double ts, ta, t, sc;
  int step, k, n_open = 0, found, rc, same, hits = 0;
  int64_t who;

  memset(open, 0, sizeof(open));
  ck_assert_int_eq(similar_new(&s), 0);
  for (step = 0; step < BF_STEPS; step++) {
    k = (int)(rng_next(&rng) % BF_SLOTS);
    if (rng_next(&rng) % 4 == 0) {
      similar_remove(s, k);
      n_open -= open[k];
      open[k] = 0;
    } else {
      bf_text(&rng, text[k]);
      reporter[k] = (int64_t)(rng_next(&rng) % 20);
      ck_assert_int_eq(similar_add(s, k, reporter[k], text[k]), 0);
      n_open += !open[k];
      open[k] = 1;
    }
    ck_assert_int_eq(similar_count(s), n_open);

    bf_text(&rng, q);
    who = (int64_t)(rng_next(&rng) % 20);
    ts = levels[rng_next(&rng) % 8];
    ta = levels[rng_next(&rng) % 8];
    found = 0;
    memset(&want, 0, sizeof(want));
    for (k = 0; k < BF_SLOTS; k++) {
      if (!open[k])
        continue;
      same = reporter[k] == who;
      t = same && ts < ta ? ts : ta;
      sc = similar_score(q, text[k]);
      if (sc <= 0.0 || sc < t)
        continue;
      if (!found || sc > want.score ||
          (sc == want.score && (same > want.same_reporter ||
                                (same == want.same_reporter &&
                                 k < want.ticket_id)))) {
        want.ticket_id = k;
        want.score = sc;
        want.same_reporter = same;
        found = 1;
      }
    }
    rc = similar_find(s, q, who, ts, ta, &hit);
    ck_assert_msg(rc == found, "step %d: found %d, brute force %d (%lld %.3f)",
                  step, rc, found, (long long)want.ticket_id, want.score);
    if (found) {
      hits++;
      ck_assert_msg(hit.ticket_id == want.ticket_id &&
                        hit.score == want.score &&
                        hit.same_reporter == want.same_reporter,
                    "step %d: %lld %.3f %d, brute force %lld %.3f %d", step,
                    (long long)hit.ticket_id, hit.score, hit.same_reporter,
                    (long long)want.ticket_id, want.score,
                    want.same_reporter);
    }
  }
  /* The walk must have exercised both answers. */
  ck_assert_int_gt(hits, BF_STEPS / 10);
  ck_assert_int_lt(hits, BF_STEPS * 9 / 10);
  similar_free(s);
}
END_TEST

/* ------------------------------------------------------------------ */
/* A load                                                              */
/* ------------------------------------------------------------------ */

#define LOAD_TICKETS 3000
#define LOAD_QUERIES 200
#define LOAD_VOCAB 500

/* A short text over a vocabulary such that each word is in about 70 of
 * the tickets: many of the lists similar_candidates() reads, and many
 * candidates that tie on the number of words they share. */
static void
load_text(uint64_t *rng, char out[BF_WORDS * 7 + 1])
{
  size_t len = 0;
  int i;

  for (i = 0; i < BF_WORDS; i++) {
    syn_word((uint32_t)(rng_next(rng) % LOAD_VOCAB), out + len);
    len += 6;
    out[len++] = ' ';
  }
  out[len] = '\0';
}

/* a and b give the same answers to text from reporter who: the same
 * best duplicate, and the same candidates in the same order. */
static void
same_answers(const struct similar *a, const struct similar *b,
             const char *text, int64_t who)
{
  struct similar_hit ha[SIMILAR_CANDIDATES], hb[SIMILAR_CANDIDATES];
  int na, nb, i;

  na = similar_find(a, text, who, 0.5, 0.85, &ha[0]);
  nb = similar_find(b, text, who, 0.5, 0.85, &hb[0]);
  ck_assert_int_eq(na, nb);
  if (na == 1)
    ck_assert(ha[0].ticket_id == hb[0].ticket_id &&
              ha[0].score == hb[0].score);
  na = similar_candidates(a, text, who, 0.1, 0.1, ha, SIMILAR_CANDIDATES);
  nb = similar_candidates(b, text, who, 0.1, 0.1, hb, SIMILAR_CANDIDATES);
  ck_assert_int_eq(na, nb);
  for (i = 0; i < na; i++)
    ck_assert_msg(ha[i].ticket_id == hb[i].ticket_id &&
                      ha[i].score == hb[i].score &&
                      ha[i].same_reporter == hb[i].same_reporter,
                  "candidate %d: %lld, one by one %lld", i,
                  (long long)ha[i].ticket_id, (long long)hb[i].ticket_id);
}

/* Queries of texts like the tickets'. */
static void
compare_queries(const struct similar *a, const struct similar *b,
                uint64_t seed)
{
  char q[BF_WORDS * 7 + 1];
  uint64_t rng = seed;
  int i;

  for (i = 0; i < LOAD_QUERIES; i++) {
    load_text(&rng, q);
    same_answers(a, b, q, (int64_t)(rng_next(&rng) % 50));
  }
}

/*
 * A loaded index answers as one filled ticket by ticket, down to the
 * order of candidates that tie, before and after later adds and
 * removals; a replacement ends a load early, and queries wait for its
 * end.
 */
START_TEST(load_answers_as_adds)
{
  char text[BF_WORDS * 7 + 1];
  struct similar *a, *b;
  struct similar_hit hit;
  uint64_t rng = 77;
  int i, k;

  ck_assert_int_eq(similar_new(&a), 0);
  ck_assert_int_eq(similar_new(&b), 0);
  ck_assert_int_eq(similar_load_begin(a), 0);
  for (i = 1; i <= LOAD_TICKETS; i++) {
    load_text(&rng, text);
    k = (int)(rng_next(&rng) % 50);
    ck_assert_int_eq(similar_add(a, i, k, text), 0);
    ck_assert_int_eq(similar_add(b, i, k, text), 0);
  }
  ck_assert_int_eq(similar_find(a, text, 1, 0.5, 0.85, &hit), -EINVAL);
  ck_assert_int_eq(similar_load_end(a), 0);
  ck_assert_int_eq(similar_load_end(a), 0);
  ck_assert_int_eq(similar_count(a), LOAD_TICKETS);
  compare_queries(a, b, 1);

  /* Later adds, replacements and removals on both. */
  for (i = 0; i < LOAD_TICKETS / 2; i++) {
    k = 1 + (int)(rng_next(&rng) % (LOAD_TICKETS * 2));
    if (rng_next(&rng) % 3 == 0) {
      similar_remove(a, k);
      similar_remove(b, k);
    } else {
      load_text(&rng, text);
      ck_assert_int_eq(similar_add(a, k, k % 50, text), 0);
      ck_assert_int_eq(similar_add(b, k, k % 50, text), 0);
    }
  }
  ck_assert_int_eq(similar_count(a), similar_count(b));
  compare_queries(a, b, 2);
  /* Only a new index loads. */
  ck_assert_int_eq(similar_load_begin(a), -EINVAL);
  similar_free(a);

  /* A replacement during a load ends it; the rest goes one by one. */
  ck_assert_int_eq(similar_new(&a), 0);
  ck_assert_int_eq(similar_load_begin(a), 0);
  ck_assert_int_eq(similar_add(a, 1, 1, A1), 0);
  ck_assert_int_eq(similar_add(a, 2, 2, D1), 0);
  ck_assert_int_eq(similar_add(a, 1, 1, A3), 0);
  ck_assert_int_eq(similar_find(a, A3, 1, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 1);
  ck_assert(hit.score == 1.0);
  similar_free(a);

  /* So does a removal. */
  ck_assert_int_eq(similar_new(&a), 0);
  ck_assert_int_eq(similar_load_begin(a), 0);
  ck_assert_int_eq(similar_add(a, 1, 1, A1), 0);
  ck_assert_int_eq(similar_add(a, 2, 2, D1), 0);
  similar_remove(a, 1);
  ck_assert_int_eq(similar_find(a, A1, 1, 0.5, 0.85, &hit), 0);
  ck_assert_int_eq(similar_find(a, D2, 2, 0.5, 0.85, &hit), 1);
  ck_assert_int_eq(hit.ticket_id, 2);
  similar_free(a);
  similar_free(b);
}
END_TEST

/* Hits below their floor are kept up to max_low, best first; those at
 * or above it all stay, in order. */
START_TEST(keep_low_hits)
{
  struct similar_hit h[5] = {
    {1, 0.60, 0}, {2, 0.40, 1}, {3, 0.15, 0}, {4, 0.12, 0}, {5, 0.10, 1},
  };
  int n = similar_keep_low(h, 5, 0.30, 0.20, 1);

  ck_assert_int_eq(n, 3);
  ck_assert_int_eq(h[0].ticket_id, 1);
  ck_assert_int_eq(h[1].ticket_id, 2);
  ck_assert_int_eq(h[2].ticket_id, 3);
  ck_assert_int_eq(similar_keep_low(h, 0, 0.3, 0.2, 2), 0);
}
END_TEST

static Suite *
similar_suite(void)
{
  Suite *s = suite_create("similar");
  TCase *score = tcase_create("score");
  TCase *index = tcase_create("index");

  tcase_add_loop_test(score, score_table, 0, NPAIRS);
  tcase_add_test(score, score_sanity);
  tcase_add_test(score, words_read_once);
  tcase_add_test(score, prefix_before_suffix_i);
  tcase_add_test(score, root_ending_like_a_particle);
  tcase_add_test(score, domain_words_for_one_another);
  tcase_add_test(score, administrative_words_for_one_another);
  tcase_add_test(score, payment_words_in_shorthand);
  tcase_add_test(score, electronic_ktp_written_three_ways);
  suite_add_tcase(s, score);

  tcase_add_test(index, find_same_reporter_rephrased);
  tcase_add_test(index, find_copy_by_other_reporter);
  tcase_add_test(index, candidates_fill_to_max);
  tcase_add_test(index, other_reporter_rephrased_is_new);
  tcase_add_test(index, unrelated_same_category_is_new);
  tcase_add_test(index, closed_ticket_removed);
  tcase_add_test(index, readd_replaces);
  tcase_add_test(index, empty_texts);
  tcase_add_test(index, garbage_input);
  tcase_add_test(index, many_documents);
  tcase_add_test(index, thresholds_and_ties);
  tcase_add_test(index, matches_brute_force);
  tcase_add_test(index, keep_low_hits);
  tcase_add_test(index, load_answers_as_adds);
  suite_add_tcase(s, index);
  return s;
}

UNIT_MAIN(similar_suite)
