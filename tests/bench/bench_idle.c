/*
 * bench_idle: the real aduand started on a large database, as issue 16's
 * idle targets ask: how long start-up takes and how much memory the
 * daemon holds once it is up and idle.
 *
 *   bench_idle [-r RUNS] [-t TICKETS] [-o OPEN] [-p REPORTERS]
 *              [-s SESSIONS] [-w SETTLE_MS] [-d DATABASE] [--json]
 *
 * First a database is made in a temporary folder (defaults: 1 000 000
 * tickets, 100 000 of them open, 100 000 reporters, 100 000 sessions):
 * opened once through the store, so that this binary's migrations make
 * the schema, then filled with prepared statements in one transaction.
 * The tickets are spread over five years up to now, numbered per year,
 * with stories of a few sentences (names, offices, places and amounts,
 * about 500 characters), each with the events of its way through the
 * lifecycle; a few have additions and supporting statements.  Most of
 * the open tickets are the recent ones, a fifth are older ones still
 * waiting.  The sessions hold drafts at every step, half of them back at
 * the menu.  With -d the database is a copy of DATABASE instead (one
 * kept from an earlier run with ADUAN_TEST_KEEP=1, for before/after
 * figures on the same data).
 *
 * Then aduand (this build's, or $ADUAN_TEST_ADUAND) starts on it RUNS
 * times (default 5), each time stopped with SIGTERM before the next.
 * Start-up is timed from just before the fork until its log says
 * event=server.ready (it has then listened on its ports and told systemd
 * READY=1), and until it has answered GET /healthz.  After SETTLE_MS
 * (default 2000) of idling its VmRSS and VmHWM (peak) are read from
 * /proc/PID/status.  The service chores (SLA, retention) first run a
 * minute after start and are not waited for.
 *
 * Prints the database's figures, then the median, minimum and maximum of
 * each measure; --json prints one JSON object instead.  Not a test: it
 * asserts nothing about time.  The temporary folder is removed at the
 * end (kept with ADUAN_TEST_KEEP=1).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/log.h"
#include "store/store.h"
#include "testutil.h"
#include "tu_daemon.h"

#define MAX_RUNS 50
#define DAY_MS (24LL * 3600 * 1000)
#define YEARS 5

struct opts {
  int runs;
  int tickets;
  int open;
  int reporters;
  int sessions;
  int settle_ms;
  const char *copy_of;  /* -d: a database to copy instead of making one */
  int json;
};

/* What the database holds, as made. */
struct dbstats {
  double gen_s;         /* time to make it (or to copy it) */
  long long tickets, open, events, reporters, sessions;
  long long bytes;      /* the file's size */
};

/* The figures of the starts. */
struct runs {
  int n;
  double ready_ms[MAX_RUNS];    /* fork to event=server.ready */
  double healthz_ms[MAX_RUNS];  /* fork to GET /healthz answered */
  double rss_kib[MAX_RUNS];     /* VmRSS after settling */
  double hwm_kib[MAX_RUNS];     /* VmHWM after settling */
  long open_indexed;            /* open_tickets= of the last start */
};

static double
now_ms(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- The database ------------------------------------------------------ */

/* A well-mixed 64-bit value of (a, b), for choices that stay the same
 * from one run to the next. */
static uint64_t
mix(uint64_t a, uint64_t b)
{
  uint64_t x = a * 0x9e3779b97f4a7c15ULL ^ (b + 0x632be59bd9b4e019ULL);

  x ^= x >> 31;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 29;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 32);
}

#define PICK(arr, h) ((arr)[(h) % (sizeof(arr) / sizeof((arr)[0]))])

static const char *const first_names[] = {
  "Yohanes", "Maria", "Agustinus", "Fransiska", "Petrus", "Yosefina",
  "Markus", "Elisabeth", "Fransiskus", "Theresia", "Stefanus", "Anselmus",
  "Dominikus", "Veronika", "Kornelis", "Yakobus", "Marselinus", "Imelda",
  "Aloysius", "Bernadus", "Hendrik", "Simon", "Paulus", "Matheus",
  "Benediktus", "Krisantus", "Oktovianus", "Wilhelmus", "Yulius", "Agnes",
};
static const char *const last_names[] = {
  "Ndun", "Bria", "Tefa", "Nenobais", "Manafe", "Lay", "Ratu", "Kana",
  "Seran", "Taek", "Nahak", "Leki", "Bani", "Sabu", "Pello", "Ledo",
  "Boimau", "Fallo", "Amalo", "Tanesib", "Nope", "Kolo", "Mau", "Dethan",
};
static const char *const offices[] = {
  "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Kesehatan",
  "Dinas Pendidikan dan Kebudayaan", "Dinas Kependudukan dan Pencatatan Sipil",
  "Badan Pendapatan Daerah", "Dinas Perhubungan", "Dinas Sosial",
  "Dinas Pertanian dan Ketahanan Pangan", "Dinas Kelautan dan Perikanan",
  "Badan Pertanahan", "RSUD Prof. W. Z. Johannes", "Kantor Camat",
  "Kantor Desa", "Kantor Kelurahan", "Puskesmas", "Samsat",
  "Dinas Penanaman Modal dan PTSP", "Satpol PP", "Dinas Lingkungan Hidup",
  "PT Flobamor", "Bank NTT", "Dinas Koperasi dan UKM",
};
static const char *const posts[] = {
  "Kepala Seksi", "Kepala Bidang", "staf", "bendahara", "Sekretaris",
  "kepala desa", "camat", "lurah", "petugas loket", "mandor proyek",
  "direktur", "Kepala Sekolah", "kepala puskesmas", "pengawas",
};
static const char *const places[] = {
  "Kota Kupang", "Kabupaten Kupang", "Oesao", "Soe", "Kefamenanu",
  "Atambua", "Betun", "Kalabahi", "Larantuka", "Maumere", "Ende", "Bajawa",
  "Mbay", "Ruteng", "Borong", "Labuan Bajo", "Waingapu", "Waikabubak",
  "Tambolaka", "Waibakul", "Ba'a", "Seba", "Lewoleba", "Kupang Timur",
  "Amarasi", "Oelamasi", "Camplong", "Niki-Niki", "Nemberala", "Aimere",
};
static const char *const kabupaten[] = {
  "5301", "5302", "5303", "5304", "5305", "5306", "5307", "5308", "5309",
  "5310", "5311", "5312", "5313", "5314", "5315", "5316", "5317", "5318",
  "5319", "5320", "5321", "5371",
};
static const char *const categories[] = {
  "pelanggaran_peraturan", "penyalahgunaan_wewenang", "pemerasan",
  "perbuatan_curang", "benturan_kepentingan", "gratifikasi",
  "pelayanan_publik",
};
static const char *const things[] = {
  "izin usaha", "sertifikat tanah", "KTP elektronik", "akta kelahiran",
  "bantuan beras", "pupuk bersubsidi", "dana desa", "beasiswa", "ijazah",
  "surat keterangan", "bantuan sapi", "perbaikan jalan", "jembatan desa",
  "sumur bor", "rehab sekolah", "obat di puskesmas", "kartu BPJS",
  "izin mendirikan bangunan", "rekomendasi proyek", "surat pindah",
  "kapal nelayan", "jaringan listrik", "air bersih", "rumah layak huni",
};
static const char *const dates[] = {
  "kemarin", "minggu lalu", "12 Maret 2025", "awal bulan ini",
  "sekitar Agustus", "tahun lalu", "3 hari lalu", "20/01/2026",
  "Natal kemarin", "akhir Juni 2024", "bulan lalu", "hari ini",
};

/* The sentences of a story; %1 a person, %2 an office, %3 a place, %4 an
 * amount, %5 a thing, %6 a date (each written in by story()). */
static const char *const sentences[] = {
  "Pada %6 saya datang ke %2 di %3 untuk mengurus %5.",
  "Petugas bernama %1 meminta uang sebesar Rp %4 supaya %5 cepat selesai.",
  "Uang itu diminta tanpa kwitansi resmi dan katanya untuk biaya administrasi.",
  "Warga lain di %3 juga diminta membayar Rp %4 oleh %1.",
  "Kalau tidak membayar, berkas kami tidak akan diproses sampai kapan pun.",
  "Saya sudah bertanya ke bagian informasi %2 tetapi tidak ada jawaban.",
  "Proyek %5 di %3 dikerjakan asal-asalan dan sudah rusak setelah dua bulan.",
  "Anggaran proyek itu Rp %4 tetapi material yang dipakai tidak sesuai.",
  "Kami menduga %1 menerima hadiah dari kontraktor yang memenangkan tender.",
  "%1 adalah keluarga dari pemilik perusahaan yang mengerjakan %5.",
  "Bantuan %5 tidak dibagikan kepada warga yang berhak di %3.",
  "Nama penerima bantuan diganti dengan keluarga %1 sendiri.",
  "Pelayanan di %2 sangat lambat, kami menunggu dari pagi sampai sore.",
  "Petugas sering tidak ada di tempat pada jam kerja.",
  "Saya punya foto dan rekaman percakapan sebagai bukti.",
  "Mohon laporan ini ditindaklanjuti karena sudah lama terjadi.",
};

/* Append template t to b with its slots filled from h. */
static void
fill(struct buf *b, const char *t, uint64_t h)
{
  for (; *t != '\0'; t++) {
    if (*t != '%') {
      buf_append(b, t, 1);
      continue;
    }
    switch (*++t) {
    case '1':
      buf_printf(b, "%s %s", PICK(first_names, h), PICK(last_names, h >> 8));
      break;
    case '2':
      buf_printf(b, "%s", PICK(offices, h >> 16));
      break;
    case '3':
      buf_printf(b, "%s", PICK(places, h >> 24));
      break;
    case '4': {
      unsigned v = (unsigned)(50 + (h >> 32) % 4950) * 10;  /* thousands */
      if (v >= 1000)
        buf_printf(b, "%u.%03u.000", v / 1000, v % 1000);
      else
        buf_printf(b, "%u.000", v);
      break;
    }
    case '5':
      buf_printf(b, "%s", PICK(things, h >> 40));
      break;
    case '6':
      buf_printf(b, "%s", PICK(dates, h >> 48));
      break;
    default:
      buf_append(b, t - 1, 2);
    }
  }
}

/* The story of ticket (or draft) n: three to eight different sentences
 * (an odd stride through the 16 of them meets each once). */
static void
story(struct buf *b, uint64_t n)
{
  uint64_t h = mix(n, 1);
  unsigned k, count = 3 + (unsigned)(h % 6), first = (unsigned)(h >> 8),
           stride = (unsigned)(h >> 16) | 1;

  buf_reset(b);
  for (k = 0; k < count; k++) {
    if (k > 0)
      buf_append(b, " ", 1);
    fill(b, PICK(sentences, first + k * stride), mix(n, 99));
  }
}

/* The reported party of n: "Kepala Seksi Dinas ... Yohanes Ndun". */
static void
terlapor(struct buf *b, uint64_t n)
{
  uint64_t h = mix(n, 3);

  buf_reset(b);
  buf_printf(b, "%s %s %s %s", PICK(posts, h), PICK(offices, h >> 8),
             PICK(first_names, h >> 16), PICK(last_names, h >> 24));
}

/* Prepared statements of the generator. */
struct gen {
  sqlite3 *db;
  sqlite3_stmt *rep, *tic, *ev, *ses;
  struct buf a, b;
  int64_t now;
  struct dbstats *st;
};

static int
gen_prepare(struct gen *g)
{
  static const char *const sql[] = {
    "INSERT INTO reporters (id, phone, handle, name, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
    "INSERT INTO tickets (id, number, year, seq, reporter_id, channel,"
    " status, category, terlapor, lokasi, lokasi_kode, waktu, kronologi,"
    " identitas, agency, created_at, updated_at, waktu_tanggal,"
    " waktu_presisi, lokasi_tingkat, lokasi_tempat_kode, lokasi_tempat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
    " ?15, ?16, ?17, ?18, 'day', 'kabupaten', ?11, ?10)",
    "INSERT INTO ticket_events (ticket_id, at, actor, from_status,"
    " to_status, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "INSERT INTO sessions (reporter_id, family, channel, step, draft,"
    " invalid_count, last_inbound_at, updated_at, expires_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6, ?7)",
  };
  sqlite3_stmt **out[] = {&g->rep, &g->tic, &g->ev, &g->ses};
  size_t i;

  for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++)
    if (sqlite3_prepare_v2(g->db, sql[i], -1, out[i], NULL) != SQLITE_OK) {
      fprintf(stderr, "bench_idle: %s\n", sqlite3_errmsg(g->db));
      return -1;
    }
  return 0;
}

/* Run stmt (bound) once; 0 or -1. */
static int
gen_step(struct gen *g, sqlite3_stmt *stmt)
{
  int rc = sqlite3_step(stmt);

  sqlite3_reset(stmt);
  if (rc != SQLITE_DONE) {
    fprintf(stderr, "bench_idle: insert: %s\n", sqlite3_errmsg(g->db));
    return -1;
  }
  return 0;
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
  if (v != NULL)
    sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null(s, i);
}

static int
gen_reporters(struct gen *g, int n, int64_t since)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  char phone[24], handle[16], name[64];
  int i, k;

  for (i = 1; i <= n; i++) {
    /* An odd multiplier is a bijection modulo 2^50: handles are unique. */
    uint64_t x = ((uint64_t)i * 0x2545F4914F6CDD1DULL) & ((1ULL << 50) - 1);
    uint64_t h = mix((uint64_t)i, 7);
    snprintf(phone, sizeof(phone), "+628%02d%08d", 11 + (int)(h % 12), i);
    handle[0] = 'R';
    handle[1] = '-';
    for (k = 0; k < 10; k++)
      handle[2 + k] = alphabet[(x >> (5 * k)) & 31];
    handle[12] = '\0';
    snprintf(name, sizeof(name), "%s %s", PICK(first_names, h >> 8),
             PICK(last_names, h >> 16));
    sqlite3_bind_int(g->rep, 1, i);
    bind_text(g->rep, 2, phone);
    bind_text(g->rep, 3, handle);
    bind_text(g->rep, 4, h % 10 < 3 ? name : NULL);
    sqlite3_bind_int64(g->rep, 5, since + (int64_t)(h % (30 * DAY_MS)));
    if (gen_step(g, g->rep) != 0)
      return -1;
  }
  g->st->reporters = n;
  return 0;
}

static int
gen_event(struct gen *g, int64_t ticket, int64_t at, const char *actor,
          const char *from, const char *to, const char *note)
{
  sqlite3_bind_int64(g->ev, 1, ticket);
  sqlite3_bind_int64(g->ev, 2, at);
  bind_text(g->ev, 3, actor);
  bind_text(g->ev, 4, from);
  bind_text(g->ev, 5, to);
  bind_text(g->ev, 6, note);
  g->st->events++;
  return gen_step(g, g->ev);
}

/* The path of a ticket through the lifecycle to its status. */
struct path {
  const char *status;
  const char *const *via;     /* statuses after diterima, ending in status */
  const char *note;           /* of the last move */
};

static const char *const via_diterima[] = {NULL};
static const char *const via_diverifikasi[] = {"diverifikasi", NULL};
static const char *const via_diproses[] = {"diverifikasi", "diproses", NULL};
static const char *const via_ditunda[] = {"diverifikasi", "ditunda", NULL};
static const char *const via_selesai[] = {"diverifikasi", "diproses",
                                          "selesai", NULL};
static const char *const via_ditolak[] = {"ditolak", NULL};

/* Open: 30% diterima, 25% diverifikasi, 35% diproses, 10% ditunda.
 * Closed: 75% selesai, 25% ditolak. */
static const struct path *
ticket_path(int open, uint64_t h)
{
  static const struct path p[] = {
    {"diterima", via_diterima, NULL},
    {"diverifikasi", via_diverifikasi, "Laporan lengkap, sedang diverifikasi."},
    {"diproses", via_diproses, "Diteruskan ke Inspektorat Daerah."},
    {"ditunda", via_ditunda, "Menunggu keterangan tambahan dari pelapor."},
    {"selesai", via_selesai, "Hasil pemeriksaan telah disampaikan kepada "
                             "instansi terkait dan sanksi telah dijatuhkan."},
    {"ditolak", via_ditolak, "bukan_wewenang: laporan ini menjadi wewenang "
                             "pemerintah kabupaten."},
  };
  unsigned r = (unsigned)(h % 100);

  if (open)
    return &p[r < 30 ? 0 : r < 55 ? 1 : r < 90 ? 2 : 3];
  return &p[r < 75 ? 4 : 5];
}

/* The events of ticket id, created at t0, along p; the time of the last. */
static int64_t
gen_events(struct gen *g, int64_t id, int64_t t0, const struct path *p,
           uint64_t h)
{
  int64_t at = t0, last = t0;
  const char *from = "diterima";
  int k;

  if (gen_event(g, id, t0, "reporter", NULL, "diterima", NULL) != 0)
    return -1;
  for (k = 0; p->via[k] != NULL; k++) {
    at += DAY_MS / 2 + (int64_t)(mix(h, (uint64_t)k) % (6 * DAY_MS));
    if (at > g->now - 60000)
      at = g->now - 60000;
    if (gen_event(g, id, at, "operator:budi", from, p->via[k],
                  p->via[k + 1] == NULL ? p->note : NULL) != 0)
      return -1;
    from = p->via[k];
    last = at;
  }
  /* 2% of the tickets have an addition, 1% a supporting statement. */
  if (h % 100 < 3 &&
      gen_event(g, id, t0 + 3600000, h % 100 < 2 ? "tambahan" : "dukungan",
                NULL, NULL, "Saya mau menambahkan bahwa kejadian ini terulang "
                "lagi minggu ini.") != 0)
    return -1;
  return last;
}

/* Ticket i of n (in time order) is open: the most recent four fifths of
 * the open ones, and one fifth spread evenly over the older tickets. */
static int
is_open(int i, int n, int open)
{
  int recent = open - open / 5, old = open / 5, older = n - recent;

  if (i >= older)
    return 1;
  return old > 0 && older / old > 0 && i % (older / old) == 0 &&
         i / (older / old) < old;
}

/* The year in WITA (UTC+8) of a time in ms. */
static int
wita_year(int64_t ms)
{
  time_t t = (time_t)(ms / 1000 + 8 * 3600);
  struct tm tm;

  gmtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

static int
gen_ticket(struct gen *g, int i, int n, int nopen, int nreporters,
           int64_t t0, int *year, int *seq)
{
  sqlite3_stmt *s = g->tic;
  uint64_t h = mix((uint64_t)i, 11);
  int open = is_open(i, n, nopen), y = wita_year(t0);
  const struct path *p = ticket_path(open, h >> 8);
  char number[32], wt[16];
  int64_t id = i + 1, upd;
  time_t w = (time_t)(t0 / 1000 - (int64_t)(h % 90) * 86400 + 8 * 3600);
  struct tm tm;

  if (y != *year) {
    *year = y;
    *seq = 0;
  }
  ++*seq;
  snprintf(number, sizeof(number), "NTT-%d-%05d", y, *seq);
  gmtime_r(&w, &tm);
  strftime(wt, sizeof(wt), "%Y-%m-%d", &tm);
  terlapor(&g->a, (uint64_t)i);
  story(&g->b, (uint64_t)i);
  sqlite3_bind_int64(s, 1, id);
  bind_text(s, 2, number);
  sqlite3_bind_int(s, 3, y);
  sqlite3_bind_int(s, 4, *seq);
  sqlite3_bind_int(s, 5, 1 + (int)(h % (uint64_t)nreporters));
  bind_text(s, 6, h % 5 == 0 ? "sms" : "wa");
  bind_text(s, 7, p->status);
  bind_text(s, 8, PICK(categories, h >> 16));
  bind_text(s, 9, g->a.data);
  bind_text(s, 10, PICK(places, h >> 20));
  bind_text(s, 11, PICK(kabupaten, h >> 24));
  bind_text(s, 12, PICK(dates, h >> 28));
  bind_text(s, 13, g->b.data);
  bind_text(s, 14, (h >> 32) % 3 == 0 ? "nama" :
                   (h >> 32) % 3 == 1 ? "rahasia" : "anonim");
  bind_text(s, 15, strcmp(p->status, "diproses") == 0 ||
                   strcmp(p->status, "selesai") == 0
                   ? "Inspektorat Daerah Provinsi NTT" : NULL);
  sqlite3_bind_int64(s, 16, t0);
  bind_text(s, 18, wt);
  upd = gen_events(g, id, t0, p, h);
  if (upd < 0)
    return -1;
  sqlite3_bind_int64(s, 17, upd);
  g->st->open += open;
  return gen_step(g, s);
}

static int
gen_tickets(struct gen *g, int n, int nopen, int nreporters, int64_t since)
{
  int64_t span = g->now - since - 3600000;
  int i, year = 0, seq = 0;

  for (i = 0; i < n; i++) {
    int64_t t0 = since + (int64_t)((double)span * i / n) +
                 (int64_t)(mix((uint64_t)i, 5) % (uint64_t)(span / n + 1));
    if (gen_ticket(g, i, n, nopen, nreporters, t0, &year, &seq) != 0)
      return -1;
  }
  g->st->tickets = n;
  return 0;
}

/* The draft of a session at step k of gen_sessions()'s steps: the
 * fields of the steps before it. */
static void
draft(struct gen *g, int k, uint64_t n)
{
  struct buf *b = &g->b;
  uint64_t h = mix(n, 13);

  buf_reset(b);
  if (k < 2) {
    buf_printf(b, "{}");
    return;
  }
  buf_printf(b, "{\"kategori\":%d", 1 + (int)(h % 7));
  if (k > 2) {
    terlapor(&g->a, n + 7777777);
    buf_printf(b, ",\"terlapor\":\"%s\"", g->a.data);
  }
  if (k > 3)
    buf_printf(b, ",\"lokasi\":\"%s\",\"lokasi_kode\":\"%s\","
               "\"lokasi_tingkat\":\"kabupaten\"", PICK(places, h >> 8),
               PICK(kabupaten, h >> 16));
  if (k > 4)
    buf_printf(b, ",\"waktu\":\"%s\",\"waktu_presisi\":\"day\"",
               PICK(dates, h >> 24));
  if (k > 5) {
    struct buf s = BUF_INIT;
    story(&s, n + 7777777);
    buf_printf(b, ",\"kronologi\":\"%s\"", s.data);
    buf_free(&s);
  }
  if (k > 7)
    buf_printf(b, ",\"identitas\":\"%s\"", h % 2 ? "rahasia" : "anonim");
  buf_printf(b, "}");
}

static int
gen_sessions(struct gen *g, int n, int nreporters)
{
  static const char *const steps[] = {
    "menu", "kategori", "terlapor", "lokasi", "waktu", "kronologi",
    "bukti", "identitas", "konfirmasi",
  };
  int i;

  for (i = 1; i <= n; i++) {
    uint64_t h = mix((uint64_t)i, 17);
    int k = h % 2 ? 0 : 1 + (int)((h >> 8) % 8);
    int64_t at = g->now - (int64_t)((h >> 16) % (10 * DAY_MS));
    int sms = (h >> 60) % 5 == 0;
    draft(g, k, (uint64_t)i);
    sqlite3_bind_int(g->ses, 1, 1 + (i - 1) % nreporters);
    bind_text(g->ses, 2, sms ? "sms" : "whatsapp");
    bind_text(g->ses, 3, sms ? "sms" : "wa");
    bind_text(g->ses, 4, steps[k]);
    bind_text(g->ses, 5, g->b.data);
    sqlite3_bind_int64(g->ses, 6, at);
    sqlite3_bind_int64(g->ses, 7, at + DAY_MS);
    if (gen_step(g, g->ses) != 0)
      return -1;
  }
  g->st->sessions = n;
  return 0;
}

static int
gen_exec(sqlite3 *db, const char *sql)
{
  if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return 0;
  fprintf(stderr, "bench_idle: %s: %s\n", sql, sqlite3_errmsg(db));
  return -1;
}

/* Make the database at path: the schema through the store, then the
 * rows in one transaction (no journal: a failure throws the file
 * away), then back to WAL as the daemon keeps it.  0 or -1. */
static int
make_db(const char *path, const struct opts *o, struct dbstats *st)
{
  struct store_opts so = {0};
  struct store *store;
  struct gen g;
  char err[256];
  int rc = -1;
  int64_t since;

  so.backend = "sqlite";
  so.path = path;
  if (store_open(&store, &so, err, sizeof(err)) != 0) {
    fprintf(stderr, "bench_idle: %s\n", err);
    return -1;
  }
  store_close(store);
  memset(&g, 0, sizeof(g));
  g.st = st;
  g.now = (int64_t)time(NULL) * 1000;
  since = g.now - YEARS * 365 * DAY_MS;
  if (sqlite3_open(path, &g.db) != SQLITE_OK)
    goto out;
  if (gen_exec(g.db, "PRAGMA journal_mode=OFF") != 0 ||
      gen_exec(g.db, "PRAGMA synchronous=OFF") != 0 ||
      gen_exec(g.db, "PRAGMA cache_size=-131072") != 0 ||
      gen_prepare(&g) != 0 || gen_exec(g.db, "BEGIN") != 0)
    goto out;
  if (gen_reporters(&g, o->reporters, since - 30 * DAY_MS) != 0 ||
      gen_tickets(&g, o->tickets, o->open, o->reporters, since) != 0 ||
      gen_sessions(&g, o->sessions, o->reporters) != 0 ||
      gen_exec(g.db, "COMMIT") != 0 ||
      gen_exec(g.db, "PRAGMA journal_mode=WAL") != 0)
    goto out;
  rc = 0;
out:
  sqlite3_finalize(g.rep);
  sqlite3_finalize(g.tic);
  sqlite3_finalize(g.ev);
  sqlite3_finalize(g.ses);
  sqlite3_close(g.db);
  buf_free(&g.a);
  buf_free(&g.b);
  return rc;
}

/* Copy the file at from to to.  0 or -1. */
static int
copy_file(const char *from, const char *to)
{
  char chunk[1 << 16];
  int in = open(from, O_RDONLY | O_CLOEXEC), out = -1, rc = -1;
  ssize_t n;

  if (in >= 0)
    out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  while (out >= 0 && (n = read(in, chunk, sizeof(chunk))) >= 0) {
    if (n == 0) {
      rc = 0;
      break;
    }
    if (write(out, chunk, (size_t)n) != n)
      break;
  }
  if (in >= 0)
    close(in);
  if (out >= 0 && close(out) != 0)
    rc = -1;
  if (rc != 0)
    fprintf(stderr, "bench_idle: cannot copy %s: %s\n", from,
            strerror(errno));
  return rc;
}

/* What the setup of the first start gets and leaves. */
struct setup {
  const struct opts *o;
  struct dbstats *st;
  double t0;            /* when the setup ended: the first start's fork */
};

/* tu_daemon's setup: the database in the daemon's folder. */
static int
setup_db(struct tu_daemon *d, void *arg)
{
  struct setup *su = arg;
  double t = now_ms();
  struct stat sb;
  int rc = su->o->copy_of != NULL ? copy_file(su->o->copy_of, d->db)
                                  : make_db(d->db, su->o, su->st);

  su->st->gen_s = (now_ms() - t) / 1e3;
  if (rc == 0 && stat(d->db, &sb) == 0)
    su->st->bytes = (long long)sb.st_size;
  su->t0 = now_ms();
  return rc;
}

/* ---- The starts ------------------------------------------------------- */

/* After a start that began at t0: the time to /healthz, then the memory
 * once settled, as run k.  0 or -1. */
static int
measure(struct tu_daemon *d, const struct opts *o, double t0, int k,
        struct runs *r)
{
  struct timespec settle = {o->settle_ms / 1000,
                            (o->settle_ms % 1000) * 1000000L};
  struct tu_resp resp;
  const char *p;

  r->ready_ms[k] = now_ms() - t0;
  if (tu_http(d->port, "GET", "/healthz", NULL, NULL, &resp) != 0)
    return -1;
  r->healthz_ms[k] = now_ms() - t0;
  tu_resp_free(&resp);
  nanosleep(&settle, NULL);
  r->rss_kib[k] = (double)tu_proc_status_kib(d->pid, "VmRSS:");
  r->hwm_kib[k] = (double)tu_proc_status_kib(d->pid, "VmHWM:");
  pthread_mutex_lock(&d->mu);
  p = d->log != NULL ? strstr(d->log, "event=conv.index open_tickets=") : NULL;
  r->open_indexed = p != NULL ? strtol(p + 30, NULL, 10) : -1;
  pthread_mutex_unlock(&d->mu);
  r->n = k + 1;
  return r->rss_kib[k] > 0 ? 0 : -1;
}

/* Stop the daemon with SIGTERM and wait for it; 0 when it exited 0. */
static int
stop(struct tu_daemon *d)
{
  int status;

  if (tu_daemon_kill(d, SIGTERM) != 0 ||
      tu_daemon_wait_exit(d, 30000, &status) != 0)
    return -1;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

#define CONFIG \
  "[log]\nlevel = info\n" \
  "[channel.wa]\ntype = whatsapp_cloud\napp_secret = s\nverify_token = v\n" \
  "access_token = a\nphone_number_id = 112233445566778\n" \
  "api_base = http://127.0.0.1:9/v21.0\n" \
  "[channel.sms]\ntype = kannel\nsecret = s\n" \
  "sendsms_url = http://127.0.0.1:9/cgi-bin/sendsms\nusername = u\n" \
  "password = p\nfrom = 085137377763\n"

/* The database made, then RUNS starts on it.  1 when all went well. */
static int
run(const struct opts *o, struct dbstats *st, struct runs *r)
{
  struct tu_daemon_opts dopts = {0};
  struct setup su = {o, st, 0};
  struct tu_daemon d;
  int k, ok;

  dopts.extra = CONFIG;
  dopts.setup = setup_db;
  dopts.arg = &su;
  if (o->copy_of == NULL)
    fprintf(stderr, "bench_idle: making the database...\n");
  ok = tu_daemon_start_opts(&d, &dopts) == 0 &&
       measure(&d, o, su.t0, 0, r) == 0;
  for (k = 1; ok && k < o->runs; k++) {
    double t0;
    ok = stop(&d) == 0;
    t0 = now_ms();
    ok = ok && tu_daemon_restart(&d) == 0 && measure(&d, o, t0, k, r) == 0;
  }
  if (!ok)
    fprintf(stderr, "bench_idle: a start failed (run %d)\n", r->n + 1);
  return tu_daemon_stop(&d) && ok;
}

/* ---- Output ----------------------------------------------------------- */

static int
cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

struct spread {
  double med, min, max;
};

static struct spread
spread_of(const double *v, int n)
{
  double s[MAX_RUNS];
  struct spread r = {0, 0, 0};

  if (n == 0)
    return r;
  memcpy(s, v, sizeof(double) * (size_t)n);
  qsort(s, (size_t)n, sizeof(double), cmp_double);
  r.med = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  r.min = s[0];
  r.max = s[n - 1];
  return r;
}

static void
print_tables(const struct opts *o, const struct dbstats *st,
             const struct runs *r)
{
  struct spread s;

  if (o->copy_of != NULL)
    printf("database:       a copy of %s (%.1f s to copy)\n", o->copy_of,
           st->gen_s);
  else
    printf("database:       %lld tickets (%lld open), %lld events, "
           "%lld reporters, %lld sessions; made in %.1f s\n", st->tickets,
           st->open, st->events, st->reporters, st->sessions, st->gen_s);
  printf("database size:  %.1f MiB\n", st->bytes / 1048576.0);
  printf("open tickets indexed by aduand: %ld\n", r->open_indexed);
  printf("starts:         %d (settling %d ms before reading memory)\n",
         r->n, o->settle_ms);
  printf("%-26s %10s %10s %10s\n", "", "median", "min", "max");
  s = spread_of(r->ready_ms, r->n);
  printf("%-26s %10.1f %10.1f %10.1f\n", "start-up to ready, ms", s.med,
         s.min, s.max);
  s = spread_of(r->healthz_ms, r->n);
  printf("%-26s %10.1f %10.1f %10.1f\n", "start-up to /healthz, ms", s.med,
         s.min, s.max);
  s = spread_of(r->rss_kib, r->n);
  printf("%-26s %10.0f %10.0f %10.0f\n", "idle VmRSS, KiB", s.med, s.min,
         s.max);
  s = spread_of(r->hwm_kib, r->n);
  printf("%-26s %10.0f %10.0f %10.0f\n", "VmHWM (peak), KiB", s.med, s.min,
         s.max);
}

static void
json_spread(const char *name, const double *v, int n)
{
  struct spread s = spread_of(v, n);

  printf(",\"%s\":{\"median\":%.1f,\"min\":%.1f,\"max\":%.1f}", name, s.med,
         s.min, s.max);
}

static void
print_json(const struct opts *o, const struct dbstats *st,
           const struct runs *r)
{
  printf("{\"tickets\":%lld,\"open\":%lld,\"events\":%lld,\"reporters\":%lld,"
         "\"sessions\":%lld,\"copied\":%s,\"generate_s\":%.2f,"
         "\"db_bytes\":%lld,\"open_indexed\":%ld,\"starts\":%d,"
         "\"settle_ms\":%d", st->tickets, st->open, st->events,
         st->reporters, st->sessions, o->copy_of != NULL ? "true" : "false",
         st->gen_s, st->bytes, r->open_indexed, r->n, o->settle_ms);
  json_spread("ready_ms", r->ready_ms, r->n);
  json_spread("healthz_ms", r->healthz_ms, r->n);
  json_spread("idle_rss_kib", r->rss_kib, r->n);
  json_spread("hwm_kib", r->hwm_kib, r->n);
  printf("}\n");
}

static int
usage(void)
{
  fprintf(stderr,
          "usage: bench_idle [-r RUNS] [-t TICKETS] [-o OPEN] [-p REPORTERS]\n"
          "                  [-s SESSIONS] [-w SETTLE_MS] [-d DATABASE] "
          "[--json]\n"
          "  -r RUNS       starts of aduand (1..%d, default 5)\n"
          "  -t TICKETS    tickets in the database (default 1000000)\n"
          "  -o OPEN       of which open (default 100000)\n"
          "  -p REPORTERS  reporters (default 100000)\n"
          "  -s SESSIONS   sessions, at most one per reporter "
          "(default 100000)\n"
          "  -w SETTLE_MS  idling before memory is read (default 2000)\n"
          "  -d DATABASE   start on a copy of DATABASE instead\n"
          "  --json        one JSON object on stdout\n", MAX_RUNS);
  return 2;
}

static int
parse(int argc, char **argv, struct opts *o)
{
  int i;

  memset(o, 0, sizeof(*o));
  o->runs = 5;
  o->tickets = 1000000;
  o->open = 100000;
  o->reporters = 100000;
  o->sessions = 100000;
  o->settle_ms = 2000;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--json") == 0)
      o->json = 1;
    else if (v == NULL)
      return -1;
    else if (strcmp(a, "-d") == 0 && ++i)
      o->copy_of = v;
    else if (strcmp(a, "-r") == 0 && ++i)
      o->runs = (int)strtol(v, NULL, 10);
    else if (strcmp(a, "-t") == 0 && ++i)
      o->tickets = (int)strtol(v, NULL, 10);
    else if (strcmp(a, "-o") == 0 && ++i)
      o->open = (int)strtol(v, NULL, 10);
    else if (strcmp(a, "-p") == 0 && ++i)
      o->reporters = (int)strtol(v, NULL, 10);
    else if (strcmp(a, "-s") == 0 && ++i)
      o->sessions = (int)strtol(v, NULL, 10);
    else if (strcmp(a, "-w") == 0 && ++i)
      o->settle_ms = (int)strtol(v, NULL, 10);
    else
      return -1;
  }
  if (o->runs < 1 || o->runs > MAX_RUNS || o->tickets < 1 ||
      o->tickets > 10000000 || o->open < 0 || o->open > o->tickets ||
      o->reporters < 1 || o->reporters > 10000000 || o->sessions < 0 ||
      o->sessions > o->reporters || o->settle_ms < 0 ||
      o->settle_ms > 600000)
    return -1;
  return 0;
}

int
main(int argc, char **argv)
{
  struct opts o;
  struct dbstats st;
  struct runs r;
  int ok;

  if (parse(argc, argv, &o) != 0)
    return usage();
  memset(&st, 0, sizeof(st));
  memset(&r, 0, sizeof(r));
  log_setup(LOG_WARN, 0);
  ok = run(&o, &st, &r);
  if (o.json)
    print_json(&o, &st, &r);
  else
    print_tables(&o, &st, &r);
  return ok ? 0 : 1;
}
