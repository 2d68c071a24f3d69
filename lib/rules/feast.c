/*
 * feast.c: feasts and seasons by name, computed or read from the feasts
 * file (see feast.h).
 *
 * The decreed dates are a small sorted array of (feast, day) pairs; a
 * look-up walks it, which is cheap for the few dozen lines a file holds.
 * The phrases are read through an index by their first word, laid out
 * once: feast_match() runs for every word of every answer.
 */
#include "rules/feast.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/err.h"
#include "base/lines.h"
#include "rules/when.h"

enum kind {
  K_FIXED,      /* a: month, b: day */
  K_EASTER,     /* a: days from Easter Sunday */
  K_DECREE,     /* the day from the feasts file */
  K_RAMADAN,    /* the 30 days before Idul Fitri */
  K_LENT,       /* Rabu Abu to the eve of Easter */
  K_ADVENT,     /* the fourth Sunday before Natal to 24 December */
  K_ADVENT_SUNDAY, /* a: which Sunday of Adven, 1 to 4 */
  K_NATARU,     /* 24 December to 1 January */
  K_SEASON,     /* whole months from the feasts file ("11-03 musimhujan") */
};

enum {
  F_NATAL, F_MALAM_NATAL, F_TAHUN_BARU, F_MALAM_TAHUN_BARU, F_HUT_RI,
  F_PANCASILA, F_BURUH, F_KARTINI, F_PAHLAWAN, F_GURU, F_IBU,
  F_SUMPAH_PEMUDA, F_KESAKTIAN_PANCASILA, F_HARDIKNAS, F_NATARU,
  F_PASKAH, F_JUMAT_AGUNG, F_KAMIS_PUTIH, F_PALMA, F_RABU_ABU, F_KENAIKAN,
  F_PENTAKOSTA, F_PRAPASKAH, F_ADVEN,
  F_IDULFITRI, F_IDULADHA, F_IMLEK, F_NYEPI, F_WAISAK, F_ISRAMIKRAJ,
  F_MAULID, F_TAHUN_BARU_ISLAM, F_PUASA, F_PEMILU, F_PILKADA,
  F_MUSIM_HUJAN, F_MUSIM_KEMARAU, F_MUSIM_TANAM, F_MUSIM_PANEN,
  F_LIBUR_SEKOLAH, F_AJARAN_BARU,
  F_NATAL_KEDUA, F_PASKAH_KEDUA, F_PENTAKOSTA_KEDUA,
  F_ADVEN_1, F_ADVEN_2, F_ADVEN_3, F_ADVEN_4, F_SABTU_SUCI, F_HUT_NTT,
  F_COUNT
};

static const struct {
  const char *name;   /* as shown */
  const char *key;    /* in the feasts file, for decreed ones */
  enum kind kind;
  int a, b;
} feasts[F_COUNT] = {
  [F_NATAL] = {"Natal", NULL, K_FIXED, 12, 25},
  [F_MALAM_NATAL] = {"Malam Natal", NULL, K_FIXED, 12, 24},
  [F_TAHUN_BARU] = {"Tahun Baru", NULL, K_FIXED, 1, 1},
  [F_MALAM_TAHUN_BARU] = {"Malam Tahun Baru", NULL, K_FIXED, 12, 31},
  [F_HUT_RI] = {"HUT RI", NULL, K_FIXED, 8, 17},
  [F_PANCASILA] = {"Hari Lahir Pancasila", NULL, K_FIXED, 6, 1},
  [F_BURUH] = {"Hari Buruh", NULL, K_FIXED, 5, 1},
  [F_KARTINI] = {"Hari Kartini", NULL, K_FIXED, 4, 21},
  [F_PAHLAWAN] = {"Hari Pahlawan", NULL, K_FIXED, 11, 10},
  [F_GURU] = {"Hari Guru", NULL, K_FIXED, 11, 25},
  [F_IBU] = {"Hari Ibu", NULL, K_FIXED, 12, 22},
  [F_SUMPAH_PEMUDA] = {"Hari Sumpah Pemuda", NULL, K_FIXED, 10, 28},
  [F_KESAKTIAN_PANCASILA] = {"Hari Kesaktian Pancasila", NULL, K_FIXED, 10,
                             1},
  [F_HARDIKNAS] = {"Hari Pendidikan Nasional", NULL, K_FIXED, 5, 2},
  [F_NATARU] = {"Natal dan Tahun Baru", NULL, K_NATARU, 0, 0},
  [F_PASKAH] = {"Paskah", NULL, K_EASTER, 0, 0},
  [F_JUMAT_AGUNG] = {"Jumat Agung", NULL, K_EASTER, -2, 0},
  [F_KAMIS_PUTIH] = {"Kamis Putih", NULL, K_EASTER, -3, 0},
  [F_PALMA] = {"Minggu Palma", NULL, K_EASTER, -7, 0},
  [F_RABU_ABU] = {"Rabu Abu", NULL, K_EASTER, -46, 0},
  [F_KENAIKAN] = {"Kenaikan Yesus Kristus", NULL, K_EASTER, 39, 0},
  [F_PENTAKOSTA] = {"Pentakosta", NULL, K_EASTER, 49, 0},
  [F_PRAPASKAH] = {"masa Prapaskah", NULL, K_LENT, 0, 0},
  [F_ADVEN] = {"masa Adven", NULL, K_ADVENT, 0, 0},
  [F_IDULFITRI] = {"Idul Fitri", "idulfitri", K_DECREE, 0, 0},
  [F_IDULADHA] = {"Idul Adha", "iduladha", K_DECREE, 0, 0},
  [F_IMLEK] = {"Imlek", "imlek", K_DECREE, 0, 0},
  [F_NYEPI] = {"Nyepi", "nyepi", K_DECREE, 0, 0},
  [F_WAISAK] = {"Waisak", "waisak", K_DECREE, 0, 0},
  [F_ISRAMIKRAJ] = {"Isra Mikraj", "isramikraj", K_DECREE, 0, 0},
  [F_MAULID] = {"Maulid Nabi", "maulid", K_DECREE, 0, 0},
  [F_TAHUN_BARU_ISLAM] = {"Tahun Baru Islam", "tahunbaruislam", K_DECREE,
                          0, 0},
  [F_PUASA] = {"bulan puasa", NULL, K_RAMADAN, 0, 0},
  [F_PEMILU] = {"Pemilu", "pemilu", K_DECREE, 0, 0},
  [F_PILKADA] = {"Pilkada", "pilkada", K_DECREE, 0, 0},
  [F_MUSIM_HUJAN] = {"musim hujan", "musimhujan", K_SEASON, 0, 0},
  [F_MUSIM_KEMARAU] = {"musim kemarau", "musimkemarau", K_SEASON, 0, 0},
  [F_MUSIM_TANAM] = {"musim tanam", "musimtanam", K_SEASON, 0, 0},
  [F_MUSIM_PANEN] = {"musim panen", "musimpanen", K_SEASON, 0, 0},
  [F_LIBUR_SEKOLAH] = {"libur sekolah", "libursekolah", K_SEASON, 0, 0},
  [F_AJARAN_BARU] = {"tahun ajaran baru", "tahunajaranbaru", K_SEASON, 0,
                     0},
  /* The second days the churches of NTT keep as feasts. */
  [F_NATAL_KEDUA] = {"Natal kedua", NULL, K_FIXED, 12, 26},
  [F_PASKAH_KEDUA] = {"Paskah kedua", NULL, K_EASTER, 1, 0},
  [F_PENTAKOSTA_KEDUA] = {"Pentakosta kedua", NULL, K_EASTER, 50, 0},
  [F_ADVEN_1] = {"Minggu Adven I", NULL, K_ADVENT_SUNDAY, 1, 0},
  [F_ADVEN_2] = {"Minggu Adven II", NULL, K_ADVENT_SUNDAY, 2, 0},
  [F_ADVEN_3] = {"Minggu Adven III", NULL, K_ADVENT_SUNDAY, 3, 0},
  [F_ADVEN_4] = {"Minggu Adven IV", NULL, K_ADVENT_SUNDAY, 4, 0},
  /* The eve of Easter, the night of the vigil, as Malam Natal is Natal's. */
  [F_SABTU_SUCI] = {"Sabtu Suci", NULL, K_EASTER, -1, 0},
  /* The province's day: NTT was founded on 20 December 1958. */
  [F_HUT_NTT] = {"HUT Provinsi NTT", NULL, K_FIXED, 12, 20},
};

/* The phrases people write for each feast, in lower case, words
 * separated by one blank.  The longest phrase that fits wins. */
static const struct {
  int id;
  const char *phrase;
} phrases[] = {
  {F_NATAL, "natal"}, {F_NATAL, "natalan"}, {F_NATAL, "hari natal"},
  {F_NATAL, "christmas"}, {F_NATAL, "hari raya natal"},
  {F_NATAL, "kelahiran yesus"}, {F_NATAL, "kelahiran yesus kristus"},
  {F_MALAM_NATAL, "malam natal"},
  {F_TAHUN_BARU, "tahun baru"}, {F_TAHUN_BARU, "thn baru"},
  {F_TAHUN_BARU, "taun baru"}, {F_TAHUN_BARU, "tahunbaru"},
  {F_TAHUN_BARU, "tahun baru masehi"},
  {F_MALAM_TAHUN_BARU, "malam tahun baru"},
  {F_MALAM_TAHUN_BARU, "malam thn baru"},
  {F_MALAM_TAHUN_BARU, "malam pergantian tahun"},
  {F_MALAM_TAHUN_BARU, "pergantian tahun"},
  {F_MALAM_TAHUN_BARU, "tutup tahun"},
  {F_HUT_RI, "hut ri"}, {F_HUT_RI, "hutri"}, {F_HUT_RI, "hut ri ke"},
  {F_HUT_RI, "hut kemerdekaan"}, {F_HUT_RI, "hari kemerdekaan"},
  {F_HUT_RI, "hari merdeka"}, {F_HUT_RI, "tujuhbelasan"},
  {F_HUT_RI, "tujuh belasan"},
  {F_HUT_RI, "agustusan"}, {F_HUT_RI, "tujuhbelasan agustus"},
  {F_HUT_RI, "tujuh belasan agustus"},
  {F_HUT_RI, "proklamasi"}, {F_HUT_RI, "hari proklamasi"},
  {F_HUT_RI, "hut republik indonesia"},
  {F_HUT_NTT, "hut ntt"}, {F_HUT_NTT, "hut provinsi ntt"},
  {F_HUT_NTT, "hut prov ntt"}, {F_HUT_NTT, "hari jadi ntt"},
  {F_HUT_NTT, "hari jadi provinsi ntt"}, {F_HUT_NTT, "ulang tahun ntt"},
  {F_HUT_NTT, "hut nusa tenggara timur"},
  {F_PANCASILA, "hari pancasila"}, {F_PANCASILA, "hari lahir pancasila"},
  {F_BURUH, "hari buruh"}, {F_BURUH, "may day"}, {F_BURUH, "mayday"},
  {F_KARTINI, "hari kartini"}, {F_PAHLAWAN, "hari pahlawan"},
  {F_GURU, "hari guru"}, {F_IBU, "hari ibu"},
  {F_SUMPAH_PEMUDA, "sumpah pemuda"},
  {F_SUMPAH_PEMUDA, "hari sumpah pemuda"},
  {F_KESAKTIAN_PANCASILA, "kesaktian pancasila"},
  {F_KESAKTIAN_PANCASILA, "hari kesaktian pancasila"},
  {F_HARDIKNAS, "hardiknas"}, {F_HARDIKNAS, "hari pendidikan"},
  {F_HARDIKNAS, "hari pendidikan nasional"},
  {F_NATARU, "nataru"}, {F_NATARU, "natal dan tahun baru"},
  {F_NATARU, "natal tahun baru"}, {F_NATARU, "natal dan thn baru"},
  {F_NATARU, "natal thn baru"}, {F_NATARU, "natal n tahun baru"},
  {F_NATARU, "natal dan taun baru"},
  {F_PASKAH, "paskah"}, {F_PASKAH, "paska"}, {F_PASKAH, "hari paskah"},
  {F_PASKAH, "easter"}, {F_PASKAH, "kebangkitan yesus"},
  {F_PASKAH, "minggu paskah"}, {F_PASKAH, "hari raya paskah"},
  {F_JUMAT_AGUNG, "jumat agung"}, {F_JUMAT_AGUNG, "jumaat agung"},
  {F_JUMAT_AGUNG, "jumat suci"}, {F_JUMAT_AGUNG, "wafat yesus"},
  {F_JUMAT_AGUNG, "wafat isa almasih"}, {F_JUMAT_AGUNG, "hari jumat agung"},
  {F_KAMIS_PUTIH, "kamis putih"}, {F_PALMA, "minggu palma"},
  {F_SABTU_SUCI, "sabtu suci"}, {F_SABTU_SUCI, "sabtu sunyi"},
  {F_SABTU_SUCI, "malam paskah"}, {F_SABTU_SUCI, "malam paska"},
  {F_RABU_ABU, "rabu abu"},
  {F_KENAIKAN, "kenaikan"}, {F_KENAIKAN, "kenaikan yesus"},
  {F_KENAIKAN, "kenaikan isa almasih"}, {F_KENAIKAN, "hari kenaikan"},
  {F_KENAIKAN, "kenaikan tuhan yesus"}, {F_KENAIKAN, "kenaikan yesus kristus"},
  {F_PENTAKOSTA, "pentakosta"}, {F_PENTAKOSTA, "pantekosta"},
  {F_PENTAKOSTA, "pentekosta"},
  {F_PRAPASKAH, "prapaskah"}, {F_PRAPASKAH, "masa prapaskah"},
  {F_PRAPASKAH, "pra paskah"}, {F_PRAPASKAH, "masa pra paskah"},
  {F_PRAPASKAH, "puasa katolik"}, {F_PRAPASKAH, "masa puasa katolik"},
  {F_ADVEN, "adven"}, {F_ADVEN, "advent"}, {F_ADVEN, "masa adven"},
  {F_IDULFITRI, "idul fitri"}, {F_IDULFITRI, "idulfitri"},
  {F_IDULFITRI, "iedul fitri"}, {F_IDULFITRI, "idul fitry"},
  {F_IDULFITRI, "lebaran"}, {F_IDULFITRI, "hari raya idul fitri"},
  {F_IDULFITRI, "hari lebaran"}, {F_IDULFITRI, "idhul fitri"},
  {F_IDULADHA, "idul adha"}, {F_IDULADHA, "iduladha"},
  {F_IDULADHA, "idhul adha"}, {F_IDULADHA, "idul kurban"},
  {F_IDULADHA, "idul qurban"}, {F_IDULADHA, "hari raya kurban"},
  {F_IDULADHA, "lebaran haji"}, {F_IDULADHA, "hari raya idul adha"},
  {F_IMLEK, "imlek"}, {F_IMLEK, "tahun baru imlek"}, {F_IMLEK, "sincia"},
  {F_NYEPI, "nyepi"}, {F_NYEPI, "hari nyepi"},
  {F_WAISAK, "waisak"}, {F_WAISAK, "waisyak"}, {F_WAISAK, "hari waisak"},
  {F_ISRAMIKRAJ, "isra mikraj"}, {F_ISRAMIKRAJ, "isra miraj"},
  {F_ISRAMIKRAJ, "isra mi raj"}, {F_ISRAMIKRAJ, "israk mikraj"},
  {F_MAULID, "maulid"}, {F_MAULID, "maulid nabi"}, {F_MAULID, "maulud"},
  {F_TAHUN_BARU_ISLAM, "tahun baru islam"}, {F_TAHUN_BARU_ISLAM, "muharam"},
  {F_TAHUN_BARU_ISLAM, "satu muharam"}, {F_TAHUN_BARU_ISLAM, "muharram"},
  {F_TAHUN_BARU_ISLAM, "tahun baru hijriah"},
  {F_PUASA, "puasa"}, {F_PUASA, "bulan puasa"}, {F_PUASA, "ramadan"},
  {F_PUASA, "ramadhan"}, {F_PUASA, "bulan ramadan"},
  {F_PUASA, "bulan ramadhan"}, {F_PUASA, "bulan puasa islam"},
  {F_PEMILU, "pemilu"}, {F_PEMILU, "pemilihan umum"}, {F_PEMILU, "pileg"},
  {F_PEMILU, "pilpres"}, {F_PEMILU, "pemilihan presiden"},
  {F_PILKADA, "pilkada"}, {F_PILKADA, "pilgub"}, {F_PILKADA, "pilbup"},
  {F_PILKADA, "pemilihan bupati"}, {F_PILKADA, "pemilihan gubernur"},
  {F_PILKADA, "pemilihan kepala daerah"},
  {F_MUSIM_HUJAN, "musim hujan"}, {F_MUSIM_HUJAN, "musim penghujan"},
  {F_MUSIM_HUJAN, "musim ujan"}, {F_MUSIM_HUJAN, "musim basah"},
  {F_MUSIM_KEMARAU, "musim kemarau"}, {F_MUSIM_KEMARAU, "kemarau"},
  {F_MUSIM_KEMARAU, "musim kering"}, {F_MUSIM_KEMARAU, "musim panas"},
  {F_MUSIM_TANAM, "musim tanam"}, {F_MUSIM_TANAM, "masa tanam"},
  {F_MUSIM_TANAM, "musim tanam jagung"}, {F_MUSIM_TANAM, "musim tanam padi"},
  {F_MUSIM_TANAM, "musim tanem"},
  {F_MUSIM_PANEN, "musim panen"}, {F_MUSIM_PANEN, "masa panen"},
  {F_MUSIM_PANEN, "panen raya"}, {F_MUSIM_PANEN, "musim panen jagung"},
  {F_MUSIM_PANEN, "musim panen padi"}, {F_MUSIM_PANEN, "musim petik"},
  {F_MUSIM_PANEN, "panen"}, {F_MUSIM_PANEN, "panen jagung"},
  {F_MUSIM_PANEN, "panen padi"}, {F_MUSIM_TANAM, "tanam jagung"},
  {F_MUSIM_TANAM, "tanam padi"},
  {F_LIBUR_SEKOLAH, "libur sekolah"}, {F_LIBUR_SEKOLAH, "liburan sekolah"},
  {F_LIBUR_SEKOLAH, "libur kenaikan kelas"},
  {F_LIBUR_SEKOLAH, "liburan kenaikan kelas"},
  {F_LIBUR_SEKOLAH, "libur panjang"}, {F_LIBUR_SEKOLAH, "liburan panjang"},
  {F_LIBUR_SEKOLAH, "libur anak sekolah"},
  {F_LIBUR_SEKOLAH, "liburan anak sekolah"},
  {F_AJARAN_BARU, "tahun ajaran baru"}, {F_AJARAN_BARU, "thn ajaran baru"},
  {F_AJARAN_BARU, "tahun pelajaran baru"}, {F_AJARAN_BARU, "ajaran baru"},
  {F_AJARAN_BARU, "awal tahun ajaran"}, {F_AJARAN_BARU, "ppdb"},
  {F_AJARAN_BARU, "penerimaan siswa baru"},
  {F_AJARAN_BARU, "penerimaan murid baru"},
  {F_NATAL_KEDUA, "natal kedua"}, {F_NATAL_KEDUA, "natal ii"},
  {F_NATAL_KEDUA, "natal hari kedua"}, {F_NATAL_KEDUA, "hari natal kedua"},
  {F_NATAL_KEDUA, "hari kedua natal"},
  {F_PASKAH_KEDUA, "paskah kedua"}, {F_PASKAH_KEDUA, "paskah ii"},
  {F_PASKAH_KEDUA, "paskah hari kedua"}, {F_PASKAH_KEDUA, "hari kedua paskah"},
  {F_PASKAH_KEDUA, "senin paskah"},
  {F_PENTAKOSTA_KEDUA, "pentakosta kedua"},
  {F_PENTAKOSTA_KEDUA, "pentakosta ii"},
  {F_PENTAKOSTA_KEDUA, "pantekosta kedua"},
  {F_PENTAKOSTA_KEDUA, "pantekosta ii"},
  {F_ADVEN_1, "adven pertama"}, {F_ADVEN_1, "adven i"},
  {F_ADVEN_1, "minggu adven pertama"}, {F_ADVEN_1, "minggu adven i"},
  {F_ADVEN_1, "minggu pertama adven"},
  {F_ADVEN_2, "adven kedua"}, {F_ADVEN_2, "adven ii"},
  {F_ADVEN_2, "minggu adven kedua"}, {F_ADVEN_2, "minggu adven ii"},
  {F_ADVEN_2, "minggu kedua adven"},
  {F_ADVEN_3, "adven ketiga"}, {F_ADVEN_3, "adven iii"},
  {F_ADVEN_3, "minggu adven ketiga"}, {F_ADVEN_3, "minggu adven iii"},
  {F_ADVEN_3, "minggu ketiga adven"},
  {F_ADVEN_4, "adven keempat"}, {F_ADVEN_4, "adven iv"},
  {F_ADVEN_4, "minggu adven keempat"}, {F_ADVEN_4, "minggu adven iv"},
  {F_ADVEN_4, "minggu keempat adven"},
};

struct feast_dates {
  struct {
    int id;
    int64_t day;
  } *v;
  int n;
  unsigned char months[F_COUNT][2];  /* K_SEASON: first and last month */
};

/* How many words of phrase match w[0..n) from the start, or 0. */
static int
phrase_len(const char *phrase, const char *const *w, int n)
{
  const char *p = phrase;
  size_t len;
  int k = 0;

  if (n < 1 || w[0][0] != p[0])
    return 0;                    /* most phrases: not even the first letter */
  while (*p != '\0') {
    len = strcspn(p, " ");
    if (k >= n || strlen(w[k]) != len || strncmp(w[k], p, len) != 0)
      return 0;
    k++;
    p += len;
    if (*p == ' ')
      p++;
  }
  return k;
}

#define NPHRASES ((int)(sizeof(phrases) / sizeof(phrases[0])))

/* The phrases grouped by their first word (phrase_index_once()): a text's
 * word can only begin the phrases whose first word it is, so a look-up
 * reads those few, in the table's order, instead of all of them. */
static struct {
  const char *w;     /* the first word, at the start of a phrase */
  size_t len;        /* its length (w is not terminated there) */
  int from, n;       /* its phrases: by_first[from..from+n) */
} first_words[NPHRASES];
static int nfirst;
static int by_first[NPHRASES];   /* phrase indices, grouped, each group in
                                  * the table's order */
static pthread_once_t index_done = PTHREAD_ONCE_INIT;

/* a[0..alen) against b[0..blen), as strcmp orders whole words. */
static int
word_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
  int r = memcmp(a, b, alen < blen ? alen : blen);

  if (r != 0)
    return r;
  return alen < blen ? -1 : alen > blen;
}

/* Phrase indices by first word, then by index (the table's order). */
static int
by_first_cmp(const void *pa, const void *pb)
{
  int a = *(const int *)pa, b = *(const int *)pb;
  const char *x = phrases[a].phrase, *y = phrases[b].phrase;
  int r = word_cmp(x, strcspn(x, " "), y, strcspn(y, " "));

  return r != 0 ? r : (a > b) - (a < b);
}

static void
phrase_index_once(void)
{
  const char *p;
  size_t len;
  int i;

  for (i = 0; i < NPHRASES; i++)
    by_first[i] = i;
  qsort(by_first, NPHRASES, sizeof(by_first[0]), by_first_cmp);
  for (i = 0; i < NPHRASES; i++) {
    p = phrases[by_first[i]].phrase;
    len = strcspn(p, " ");
    if (nfirst == 0 || word_cmp(first_words[nfirst - 1].w,
                                first_words[nfirst - 1].len, p, len) != 0) {
      first_words[nfirst].w = p;
      first_words[nfirst].len = len;
      first_words[nfirst].from = i;
      first_words[nfirst].n = 0;
      nfirst++;
    }
    first_words[nfirst - 1].n++;
  }
}

/* The group of phrases whose first word is w, or -1. */
static int
first_word_group(const char *w)
{
  size_t len = strlen(w);
  int lo = 0, hi = nfirst - 1, mid, r;

  while (lo <= hi) {
    mid = (lo + hi) / 2;
    r = word_cmp(w, len, first_words[mid].w, first_words[mid].len);
    if (r == 0)
      return mid;
    if (r > 0)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return -1;
}

int
feast_match(const char *const *w, int n, int *len)
{
  int best = -1, best_len = 0, g, i, j, k;

  pthread_once(&index_done, phrase_index_once);
  g = n >= 1 ? first_word_group(w[0]) : -1;
  for (j = 0; g >= 0 && j < first_words[g].n; j++) {
    i = by_first[first_words[g].from + j];
    k = phrase_len(phrases[i].phrase, w, n);
    if (k > best_len) {
      best = phrases[i].id;
      best_len = k;
    }
  }
  *len = best_len;
  return best;
}

const char *
feast_phrase(int i, int *id)
{
  if (i < 0 || i >= NPHRASES)
    return NULL;
  *id = phrases[i].id;
  return phrases[i].phrase;
}

const char *
feast_name(int id)
{
  return id >= 0 && id < F_COUNT ? feasts[id].name : "";
}

int
feast_whole_months(int id)
{
  return id >= 0 && id < F_COUNT && feasts[id].kind == K_SEASON;
}

int
feast_fixed_day(int id, int *month, int *day)
{
  if (id < 0 || id >= F_COUNT || feasts[id].kind != K_FIXED)
    return 0;
  *month = feasts[id].a;
  *day = feasts[id].b;
  return 1;
}

/* The season id's occurrence beginning in year, from the months of f:
 * 0, or -1 when f gives none. */
static int
season_in_year(const struct feast_dates *f, int id, int64_t year,
               int64_t *from, int64_t *to)
{
  int first, last;
  int64_t end_year;

  if (f == NULL || f->months[id][0] == 0)
    return -1;
  first = f->months[id][0];
  last = f->months[id][1];
  end_year = last < first ? year + 1 : year;
  *from = when_days_from_civil(year, first, 1);
  *to = last == 12 ? when_days_from_civil(end_year + 1, 1, 1) - 1
                   : when_days_from_civil(end_year, last + 1, 1) - 1;
  return 0;
}

/* The k-th Sunday of Adven (1 to 4) in year, as days since 1970-01-01:
 * the Sunday on or before 24 December is the fourth; 1970-01-01 was a
 * Thursday (weekday 3, Monday 0). */
static int64_t
advent_sunday(int64_t year, int k)
{
  int64_t eve = when_days_from_civil(year, 12, 24);

  return eve - (((eve + 3) % 7 + 1) % 7) - 7 * (4 - k);
}

int64_t
feast_easter(int64_t y)
{
  int64_t a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int64_t f = (b + 8) / 25, g = (b - f + 1) / 3;
  int64_t h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  int64_t l = (32 + 2 * e + 2 * i - h - k) % 7;
  int64_t m = (a + 11 * h + 22 * l) / 451;
  int month = (int)((h + l - 7 * m + 114) / 31);
  int day = (int)((h + l - 7 * m + 114) % 31) + 1;

  return when_days_from_civil(y, month, day);
}

/* The decreed day of feast id in year, or -1 when not listed. */
static int64_t
decreed(const struct feast_dates *f, int id, int64_t year)
{
  int64_t y;
  int i, m, d;

  if (f == NULL)
    return -1;
  for (i = 0; i < f->n; i++) {
    if (f->v[i].id != id)
      continue;
    when_civil_from_days(f->v[i].day, &y, &m, &d);
    if (y == year)
      return f->v[i].day;
  }
  return -1;
}

int
feast_in_year(const struct feast_dates *f, int id, int64_t year,
              int64_t *from, int64_t *to)
{
  int64_t day;

  if (id < 0 || id >= F_COUNT || year < 1583 || year > 9999)
    return -1;
  switch (feasts[id].kind) {
  case K_FIXED:
    day = when_days_from_civil(year, feasts[id].a, feasts[id].b);
    *from = *to = day;
    return 0;
  case K_EASTER:
    *from = *to = feast_easter(year) + feasts[id].a;
    return 0;
  case K_LENT:
    day = feast_easter(year);
    *from = day - 46;
    *to = day - 1;
    return 0;
  case K_ADVENT:
    *from = advent_sunday(year, 1);
    *to = when_days_from_civil(year, 12, 24);
    return 0;
  case K_ADVENT_SUNDAY:
    *from = *to = advent_sunday(year, feasts[id].a);
    return 0;
  case K_NATARU:
    *from = when_days_from_civil(year, 12, 24);
    *to = when_days_from_civil(year + 1, 1, 1);
    return 0;
  case K_RAMADAN:
    day = decreed(f, F_IDULFITRI, year);
    if (day < 0)
      return -1;
    *from = day - 30;
    *to = day - 1;
    return 0;
  case K_DECREE:
    day = decreed(f, id, year);
    if (day < 0)
      return -1;
    *from = *to = day;
    return 0;
  case K_SEASON:
    return season_in_year(f, id, year, from, to);
  }
  return -1;
}

void
feast_free(struct feast_dates *f)
{
  if (f == NULL)
    return;
  free(f->v);
  free(f);
}

/* The feast of kind whose file key is key[0..n), or -1. */
static int
feast_by_key(enum kind kind, const char *key, size_t n)
{
  int i;

  for (i = 0; i < F_COUNT; i++)
    if (feasts[i].key != NULL && feasts[i].kind == kind &&
        strlen(feasts[i].key) == n &&
        strncmp(feasts[i].key, key, n) == 0)
      return i;
  return -1;
}

/* The value of the two digits at p, or -1. */
static int
two_digits(const char *p)
{
  if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
    return -1;
  return (p[0] - '0') * 10 + (p[1] - '0');
}

/* One season line "MM-MM key" (len > 5, p[5] a blank) into f; a problem
 * goes to diag. */
static void
read_season(struct feast_dates *f, const char *path, int lineno,
            const char *p, size_t len, struct diag *diag)
{
  int first = two_digits(p), last = two_digits(p + 3), id;
  size_t k = 5;

  while (k < len && (p[k] == ' ' || p[k] == '\t'))
    k++;
  if (p[2] != '-' || first < 1 || first > 12 || last < 1 || last > 12) {
    diag_error(diag, path, lineno, "no such months: %.5s", p);
    return;
  }
  id = feast_by_key(K_SEASON, p + k, len - k);
  if (id < 0) {
    diag_error(diag, path, lineno, "unknown season: %.*s", (int)(len - k),
               p + k);
    return;
  }
  f->months[id][0] = (unsigned char)first;
  f->months[id][1] = (unsigned char)last;
}

/* One line "YYYY-MM-DD key" (or a season's "MM-MM key") into f; a
 * problem goes to diag.  Returns 0, or -ENOMEM. */
static int
read_line(struct feast_dates *f, int *cap, const char *path, int lineno,
          const char *p, size_t len, struct diag *diag)
{
  int y = 0, m = 0, d = 0, i, id, cm, cd;
  int64_t day, cy;
  size_t k = 10;

  if (len > 6 && (p[5] == ' ' || p[5] == '\t')) {
    read_season(f, path, lineno, p, len, diag);
    return 0;
  }
  for (i = 0; i < 10 && (size_t)i < len; i++)
    if ((i == 4 || i == 7) ? p[i] != '-' : (p[i] < '0' || p[i] > '9'))
      break;
  if (i < 10 || len < 12 || (p[10] != ' ' && p[10] != '\t')) {
    diag_error(diag, path, lineno, "expected YYYY-MM-DD and a feast");
    return 0;
  }
  for (i = 0; i < 4; i++)
    y = y * 10 + (p[i] - '0');
  m = (p[5] - '0') * 10 + (p[6] - '0');
  d = (p[8] - '0') * 10 + (p[9] - '0');
  day = when_days_from_civil(y, m, d);
  when_civil_from_days(day, &cy, &cm, &cd);
  if (m < 1 || m > 12 || d < 1 || cy != y || cm != m || cd != d) {
    diag_error(diag, path, lineno, "no such date: %.10s", p);
    return 0;
  }
  while (k < len && (p[k] == ' ' || p[k] == '\t'))
    k++;
  id = feast_by_key(K_DECREE, p + k, len - k);
  if (id < 0) {
    diag_error(diag, path, lineno, "unknown feast: %.*s", (int)(len - k),
               p + k);
    return 0;
  }
  if (f->n == *cap) {
    int ncap = *cap ? *cap * 2 : 32;
    void *nv = realloc(f->v, (size_t)ncap * sizeof(*f->v));
    if (nv == NULL)
      return -ENOMEM;
    f->v = nv;
    *cap = ncap;
  }
  f->v[f->n].id = id;
  f->v[f->n].day = day;
  f->n++;
  return 0;
}

int
feast_load(const char *path, struct feast_dates **out, struct diag *diag)
{
  struct feast_dates *f;
  struct diag local;
  struct lines ls;
  const char *p;
  size_t len;
  int rc, cap = 0, errors;

  if (out == NULL || path == NULL)
    return -EINVAL;
  *out = NULL;
  f = calloc(1, sizeof(*f));
  if (f == NULL)
    return -ENOMEM;
  diag_init(&local);
  if (diag == NULL)
    diag = &local;
  errors = diag->errors;
  rc = lines_open(&ls, path, FEAST_FILE_MAX,
                  LINES_COMMENT_ANY | LINES_TRIM | LINES_SKIP_BLANK, diag);
  while (rc == 0 && lines_next(&ls, &p, &len))
    rc = read_line(f, &cap, path, ls.lineno, p, len, diag);
  lines_close(&ls);
  if (rc == -ENOMEM)
    diag_error(diag, path, 0, "out of memory");
  if (rc == 0 && diag->errors > errors)
    rc = AERR_CONFIG;
  if (rc != 0)
    feast_free(f);
  else
    *out = f;
  diag_free(&local);
  return rc;
}
