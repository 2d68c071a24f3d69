/*
 * test_quality.c: report-quality rules 2 and 3: the normal form, the
 * abuse filter, rule 3 in context and the language check against the shipped word lists,
 * table-driven, and the loader's reports on broken lists.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/err.h"
#include "rules/quality.h"
#include "rules/quality_model.h"
#include "testutil.h"
#include "tu_conv.h"

#define LEXICON ADUAN_SOURCE_DIR "/config/lexicon.txt"
#define ALLOWLIST ADUAN_SOURCE_DIR "/config/allowlist.txt"
#define STOPWORDS ADUAN_SOURCE_DIR "/config/stopwords.id.txt"
#define THREAT_MODEL ADUAN_SOURCE_DIR "/config/threat-model.txt"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The shipped lists; they must load without a single remark. */
static struct quality *
load_shipped(void)
{
  struct quality *q = NULL;
  struct diag d;
  int rc;

  diag_init(&d);
  rc = quality_load(LEXICON, ALLOWLIST, STOPWORDS, &q, &d);
  ck_assert_msg(rc == 0 && d.errors == 0 && d.warnings == 0,
                "rc %d, %d errors, %d warnings:\n%s", rc, d.errors,
                d.warnings, d.text.data != NULL ? d.text.data : "");
  ck_assert_ptr_nonnull(q);
  diag_free(&d);
  return q;
}

START_TEST(quality_shipped_lists_load_clean)
{
  quality_free(load_shipped());
}
END_TEST

/* ------------------------------------------------------ normal form */

struct norm_case {
  const char *in;
  const char *want;
};

static const struct norm_case norm_cases[] = {
  {"Dasar TOLOL!!!", "dasar tolol"},
  {"a.n.j.i.n.g", "anjing"},
  {"a n j i n g", "anjing"},
  {"a-n-j-i-n-g", "anjing"},
  {"a_n_j_i_n_g", "anjing"},
  {"4.n.j.1.n.g", "anjing"},
  {"4nj1ng", "anjing"},
  {"g0bl0k t0l0l", "goblok tolol"},
  {"b@bi $etan 8angsat se7an ba9us", "babi setan bangsat setan bagus"},
  {"ANJ!NG", "anjing"},
  {"anjiiiing bangsaaat", "anjing bangsat"},
  {"saat taat tollol", "saat taat tollol"},   /* doubles stay */
  {"anak2 kata-kata", "anak kata kata"},
  {"Rp 5.000.000 dan 8481", "rp 5 000 000 dan 8481"},
  {"1.2.3", "123"},
  {"a, b", "a b"},
  {"P3K dan K3", "pek dan ke"},
  {"Ümit Çelik straße", "umit celik strasse"},
  {"\xef\xbd\x82\xef\xbd\x81\xef\xbd\x8e\xef\xbd\x87\xef\xbd\x93\xef\xbd\x81"
   "\xef\xbd\x94", "bangsat"},                  /* full-width */
  {"mem\xc2\xad" "ek an\xe2\x80\x8bjing", "memek anjing"},  /* invisible */
  {"b\xd0\xb0" "bi", "babi"},                   /* Cyrillic a */
  {"x\xff\xfey \xc3", "x y"},                   /* invalid UTF-8 */
  {"\xf0\x9f\xa4\xac" "anjing\xf0\x9f\xa4\xac", "anjing"},  /* emoji */
  {"  (goblok) \"bangsat\"\t\n", "goblok bangsat"},
  {"hello@example.org", "helloaexample org"},
  {"!!! ??? ... ---", ""},
  {"", ""},
};

/* Each table is one test that checks every row and lists all the rows
 * that are wrong: a row per forked test costs too much under the
 * sanitizers. */
START_TEST(quality_normal_form)
{
  struct buf out = BUF_INIT, bad = BUF_INIT;
  const struct norm_case *c;
  int i, rc, failures = 0;

  for (i = 0; i < N(norm_cases); i++) {
    c = &norm_cases[i];
    buf_reset(&out);
    rc = quality_normalize(c->in, &out);
    if (rc != 0 || strcmp(out.data != NULL ? out.data : "", c->want) != 0) {
      failures++;
      buf_printf(&bad, "  '%s' -> %d '%s', want '%s'\n", c->in, rc,
                 out.data != NULL ? out.data : "", c->want);
    }
  }
  ck_assert_msg(failures == 0, "%d of %d rows wrong:\n%s", failures,
                N(norm_cases), bad.data);
  buf_free(&out);
  buf_free(&bad);
}
END_TEST

/* The normal form is appended, and a capped buffer reports that it is
 * full. */
START_TEST(quality_normal_form_appends)
{
  struct buf out = BUF_INIT;

  ck_assert_int_eq(buf_puts(&out, "x:"), 0);
  ck_assert_int_eq(quality_normalize("Dua  KATA", &out), 0);
  ck_assert_str_eq(out.data, "x:dua kata");
  ck_assert_int_eq(quality_normalize(NULL, &out), 0);
  ck_assert_str_eq(out.data, "x:dua kata");
  buf_free(&out);
  buf_init(&out, 4);
  ck_assert_int_eq(quality_normalize("panjang sekali", &out), AERR_TOOBIG);
  buf_free(&out);
}
END_TEST

/* ------------------------------------------------------ abuse filter */

struct abuse_case {
  const char *text;
  const char *term;  /* the entry found; NULL: the text must pass */
};

static const struct abuse_case abuse_cases[] = {
  /* Direct hits. */
  {"Dasar bangsat", "bangsat"},
  {"pejabat itu bajingan", "bajingan"},
  {"kepala dinas keparat", "keparat"},
  {"tolol", "tolol"},
  {"goblok sekali petugasnya", "goblok"},
  {"kontol", "kontol"},
  {"dasar lonte", "lonte"},
  {"camat idiot", "idiot"},
  {"jancuk", "jancuk"},
  {"asu", "asu"},
  {"kafir semua", "kafir"},
  {"petugas bgst", "bgst"},
  {"pukimai", "pukimai"},
  /* Phrases, longest first at the word where they start. */
  {"puki mai", "puki mai"},
  {"Dasar anjing, petugas itu minta uang", "dasar anjing"},
  {"dasar babi", "dasar babi"},
  {"cina babi", "cina babi"},
  {"Dasar    MONYET kau", "dasar monyet"},
  {"otak udang semua", "otak udang"},
  {"anak haram", "anak haram"},
  /* Case. */
  {"TOLOL", "tolol"},
  {"BaNgSaT", "bangsat"},
  {"Kepala desa itu ANJING", "anjing"},
  {"pak camat BABI", "babi"},
  /* Repeated letters. */
  {"anjiiiing", "anjing"},
  {"bangsaaat", "bangsat"},
  {"tolooool", "tolol"},
  {"gooobloook", "goblok"},
  {"tollol", "tolol"},
  {"babbi", "babi"},
  /* Digits and symbols for letters. */
  {"4nj1ng", "anjing"},
  {"b@bi", "babi"},
  {"g0bl0k", "goblok"},
  {"t0l0l", "tolol"},
  {"b4ngs4t", "bangsat"},
  {"k0nt0l", "kontol"},
  {"8abi", "babi"},
  {"$etan", "setan"},
  {"se7an", "setan"},
  {"ANJ!NG", "anjing"},
  {"bajin9an", "bajingan"},
  /* Separators between single letters. */
  {"a.n.j.i.n.g", "anjing"},
  {"a n j i n g", "anjing"},
  {"b-a-b-i", "babi"},
  {"a_n_j_i_n_g", "anjing"},
  {"kau t o l o l", "tolol"},
  {"k*o*n*t*o*l", "kontol"},
  {"4.n.j.1.n.g", "anjing"},
  {"b . 4 . b . i", "babi"},
  {"T-0-L-0-L", "tolol"},
  /* Other disguises. */
  {"b\xc3\xa4ngsat", "bangsat"},
  {"\xef\xbd\x81\xef\xbd\x8e\xef\xbd\x8a\xef\xbd\x89\xef\xbd\x8e\xef\xbd\x87",
   "anjing"},
  {"an\xe2\x80\x8bjing", "anjing"},
  {"b\xd0\xb0" "bi", "babi"},
  /* Suffixes. */
  {"bangsatnya", "bangsat"},
  {"dasar tololmu", "tolol"},
  {"kontolnya", "kontol"},
  {"bangsaaatnya", "bangsat"},
  /* Punctuation around. */
  {"Dasar tolol!!!", "tolol"},
  {"(goblok)", "goblok"},
  {"\"bangsat\"", "bangsat"},
  {"pejabat\xe2\x80\x94" "bajingan\xe2\x80\x94itu", "bajingan"},
  {"\xf0\x9f\xa4\xac bangsat \xf0\x9f\xa4\xac", "bangsat"},

  /* Words that contain an entry: only whole words match. */
  {"kasus", NULL},
  {"asuransi kesehatan", NULL},
  {"babinsa datang ke desa", NULL},
  {"masuk kantor", NULL},
  {"pengasuh panti asuhan", NULL},
  {"bangsawan", NULL},
  {"asumsi saya", NULL},
  {"menembak membabi buta", NULL},
  {"babak kedua", NULL},
  {"setangkai bunga di pantai", NULL},
  {"pungutan liar, memeras warga, suap dan korupsi", NULL},
  {"saat itu ia taat aturan", NULL},
  {"babillah", NULL},   /* squeezing must not eat into the suffix */
  /* Ordinary words of the lexicon in their plain sense. */
  {"ternak babi bantuan dinas", NULL},
  {"anjing warga menggigit anak saya, vaksin rabies tidak ada", NULL},
  {"monyet merusak kebun jagung warga", NULL},
  {"Babi", NULL},
  {"Bantuan TERNAK BABI dipotong kades", NULL},
  {"BANTUAN TERNAK BABI UNTUK DESA KAMI DIPOTONG", NULL},
  {"ada TAHI LALAT di pipi kanan", NULL},
  /* Numbers and codes. */
  {"8481 dan 5318008", NULL},
  {"anak2 sekolah, P3K dan K3", NULL},
  /* Real reports. */
  {"Pada tanggal 3 Maret 2026 petugas Samsat Kupang meminta uang "
   "Rp 500.000 di luar tarif resmi untuk perpanjangan STNK, tanpa kuitansi.",
   NULL},
  {"Kepala Desa Oelnasi memotong dana BLT warga miskin sebesar Rp 300.000 "
   "per kepala keluarga dengan alasan biaya administrasi.", NULL},
  {"Oknum guru di SMA Negeri 1 Soe memungut uang perpisahan yang "
   "diwajibkan kepada semua siswa; yang tidak bayar diancam tidak ikut "
   "ujian.", NULL},
  {"Petugas puskesmas meminta suap agar surat keterangan sehat cepat "
   "keluar, kasus ini sudah berulang kali terjadi.", NULL},
  {"Proyek jalan desa dikerjakan asal-asalan, kontraktor dan pejabat dinas "
   "diduga korupsi; asumsi kami kerugian negara ratusan juta.", NULL},
  {"beta su bayar ke pak lurah dua ratus ribu ko dapat bantuan babi, tapi "
   "sampai sekarang sonde ada", NULL},
  {"", NULL},
};

START_TEST(quality_abuse_table)
{
  struct quality *q = load_shipped();
  struct buf bad = BUF_INIT;
  const struct abuse_case *c;
  const char *term;
  int i, rc, wrong, failures = 0;

  for (i = 0; i < N(abuse_cases); i++) {
    c = &abuse_cases[i];
    term = "unset";
    rc = quality_abusive(q, c->text, &term);
    if (c->term != NULL)
      wrong = rc != 1 || term == NULL || strcmp(term, c->term) != 0;
    else
      wrong = rc != 0 || term != NULL;
    if (wrong) {
      failures++;
      buf_printf(&bad, "  '%s': %d '%s', want %s%s%s\n", c->text, rc,
                 term != NULL ? term : "(none)",
                 c->term != NULL ? "'" : "a pass",
                 c->term != NULL ? c->term : "", c->term != NULL ? "'" : "");
    }
  }
  ck_assert_msg(failures == 0, "%d of %d rows wrong:\n%s", failures,
                N(abuse_cases), bad.data);
  buf_free(&bad);
  quality_free(q);
}
END_TEST

/* Rule 3 in context: shapes of threat, SARA, insult and reported speech
 * that a reporter writes, each with the verdict and marks it must get. */
struct judge_case {
  const char *text;
  enum quality_verdict verdict;
  unsigned marks;
};

/* Check each row of a table of texts against quality_judge; fails with
 * every wrong row listed. */
static void
judge_rows(const struct judge_case *rows, int n)
{
  struct quality *q = load_shipped();
  struct quality_judgement j;
  struct buf bad = BUF_INIT;
  int i, failures = 0;

  for (i = 0; i < n; i++) {
    ck_assert_int_eq(quality_judge(q, rows[i].text, &j), 0);
    if (j.verdict != rows[i].verdict || j.marks != rows[i].marks) {
      failures++;
      buf_printf(&bad, "  '%s': verdict %d marks %u, want %d %u\n",
                 rows[i].text, (int)j.verdict, j.marks, (int)rows[i].verdict,
                 rows[i].marks);
    }
  }
  ck_assert_msg(failures == 0, "%d of %d rows wrong:\n%s", failures, n,
                bad.data);
  buf_free(&bad);
  quality_free(q);
}

static const struct judge_case judge_cases[] = {
  /* The object put first, the reporter as agent. */
  {"jangan salahkan saya kalau besok kepala camat itu saya penggal",
   QUALITY_THREAT, 0},
  {"kantor desa itu kami bakar saja kalau dana tidak kembali",
   QUALITY_THREAT, 0},
  {"Parang sudah saya asah untuk kepala dusun itu", QUALITY_THREAT, 0},
  {"Saya pukul sampai mati itu petugas kalau ketemu lagi", QUALITY_THREAT,
   0},
  /* The reporter with a noun beside it; other verbs of attack. */
  {"Kami warga akan bakar rumah kades malam ini", QUALITY_THREAT, 0},
  {"kami siap serbu dan hancurkan kantor bupati kalau tuntutan tidak "
   "dipenuhi", QUALITY_THREAT, 0},
  {"Hati-hati kau pak kades, nyawamu tidak lama lagi", QUALITY_THREAT, 0},
  {"tunggu saja pak lurah, rumahmu akan terbakar", QUALITY_THREAT, 0},
  /* Not threats: the reporter put off, an object in another clause. */
  {"Kami disuruh tunggu saja, sampai anak saya mati di puskesmas tidak ada "
   "dokter", QUALITY_CLEAN, 0},
  {"Kepala desa datang ke rumah, saya bakar sampah di belakang",
   QUALITY_CLEAN, 0},
  {"Kepala sekolah saya pukul anak-anak dengan rotan, mohon ditindak",
   QUALITY_CLEAN, 0},
  /* Reported threats and insults. */
  {"Saya diancam akan dibunuh oleh preman suruhan kontraktor jalan",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"saya dibilang bodoh oleh petugas loket karena tidak bisa isi formulir",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"kepala desa bilang 'tunggu saja kau mati' ke bapak saya", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"Petugas bilang dana dipotong untuk biaya administrasi", QUALITY_CLEAN,
   0},
  /* Said first, the speaker named after it: ", kata camat". */
  {"Kau anjing, kata kepala desa kepada saya di depan kantor desa",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Tunggu saja kau mati, kata camat waktu saya protes soal dana desa",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Dasar babi kau, begitu kata petugas Samsat sambil lempar berkas saya",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Saya bakar kau pung rumah, ancam kepala dusun kepada bapak saya",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Dasar monyet kau, ujar bendahara desa waktu bapak saya minta BLT",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  /* ... but the reporter's own words stay theirs, and so does a word of
   * saying that is no attribution. */
  {"Kades itu anjing, kata saya kepada camat", QUALITY_INSULT, 0},
  {"Kades itu anjing, kata-katanya selalu kasar", QUALITY_INSULT, 0},
  {"Saya bakar kantor desa, bilang sama kades", QUALITY_THREAT, 0},
  /* A clause that opens with the me- form tells what an official did; a
   * call to violence takes the bare form. */
  {"Kepala Desa Palakahembi, Kecamatan Pandawai, memotong BLT Dana Desa "
   "tahap III sebesar Rp 300.000 dari setiap penerima", QUALITY_CLEAN, 0},
  {"Camat Kota Lama, membakar arsip kantor camat supaya tidak diperiksa",
   QUALITY_CLEAN, 0},
  {"Kantor camat itu tidak becus, bakar kantor camat!", QUALITY_THREAT, 0},
  /* "dan" joins the blow to the officers, not to the reporter before it. */
  {"anggota Satpol PP Kota Kupang tendang jualan saya dan pukul kepala "
   "saya", QUALITY_CLEAN, 0},
  {"kalau dia datang lagi saya pukul kepalanya", QUALITY_THREAT, 0},
  /* SARA: a call to expel or shut out, all of a group. */
  {"Pendatang dari Flores harus diusir dari Kupang, mereka ambil semua "
   "proyek", QUALITY_SARA, 0},
  {"Orang Islam jangan diberi jabatan di kantor desa kami", QUALITY_SARA,
   0},
  {"semua pegawai Kristen di dinas itu korup, proyek hanya untuk orang "
   "gereja mereka", QUALITY_SARA, 0},
  {"Orang Rote itu licik semua, jangan kasih jabatan", QUALITY_SARA, 0},
  /* Not SARA: the reporter's own group, a neutral mention. */
  {"Kami orang Sabu diusir dari kantor camat waktu minta bantuan",
   QUALITY_CLEAN, 0},
  {"Kami orang Sumba jangan dianaktirikan dalam pembagian bantuan",
   QUALITY_CLEAN, 0},
  {"Semua guru Katolik di sekolah itu belum terima gaji", QUALITY_CLEAN, 0},
  /* A fault denied of a group defends it; a virtue denied puts it
   * down. */
  {"Orang Timor sonde bodoh, jadi jangan tipu kami dengan harga pupuk",
   QUALITY_CLEAN, 0},
  {"Orang Rote bukan pencuri, tapi polisi tangkap anak kami tanpa bukti",
   QUALITY_CLEAN, 0},
  {"Orang Manggarai tidak pernah mencuri ternak, polisi salah tangkap",
   QUALITY_CLEAN, 0},
  {"Orang Flores itu tidak jujur semua", QUALITY_SARA, 0},
  {"Orang Sumba itu sonde tau diri, datang ke sini ambil tanah",
   QUALITY_SARA, 0},
  {"Orang Sabu di kampung kami tidak tahu jalan ke kantor camat",
   QUALITY_CLEAN, 0},
  /* Calls to send a group away in other words than "usir". */
  {"Pendatang dari Jawa bikin rusak NTT, pulangkan saja mereka semua",
   QUALITY_SARA, 0},
  {"Pulangkan semua orang Bugis ke daerah asal, pasar ini punya kami",
   QUALITY_SARA, 0},
  {"Singkirkan orang Bima dari kantor dinas itu", QUALITY_SARA, 0},
  {"Kami orang Sabu dipulangkan dari kantor camat tanpa dilayani",
   QUALITY_CLEAN, 0},
  /* A group told it may not do something ("sonde usah", "tidak boleh");
   * told it may not be wronged is no SARA. */
  {"Kades bilang \"ko orang Sabu sonde usah urus tanah di sini\"",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Orang Rote tidak boleh jadi kepala dinas di sini", QUALITY_SARA, 0},
  {"orang Alor tdk usah minta bantuan lagi di kantor ini",
   QUALITY_SARA, 0},
  {"Orang Sumba jangan urus proyek di kota ini", QUALITY_SARA, 0},
  {"Warga pendatang tidak boleh dipersulit waktu urus KTP", QUALITY_CLEAN,
   0},
  {"Umat Islam jangan dibeda-bedakan dalam pembagian bantuan",
   QUALITY_CLEAN, 0},
  {"Kami orang Sabu tidak boleh masuk kantor camat", QUALITY_CLEAN, 0},
  /* "isinya", "ternyata" link a predicate to its subject too. */
  {"DPRD kabupaten isinya maling semua, aspirasi kami dibuang",
   QUALITY_INSULT, 0},
  {"Kantor dinas itu isinya pencuri", QUALITY_INSULT, 0},
  {"Bendahara desa ternyata maling, uang kas dia bawa lari",
   QUALITY_INSULT, 0},
  {"Rumah kami dibongkar malam itu, ternyata pencuri", QUALITY_CLEAN, 0},
  /* Targets that are people by trade, or just "orang". */
  {"Beta sumpah, beta bunuh itu mandor", QUALITY_THREAT, 0},
  {"sy akan bacok kontraktor itu kalau jalan tidak selesai",
   QUALITY_THREAT, 0},
  {"saya tikam itu orang kalau dia datang lagi", QUALITY_THREAT, 0},
  {"kami bunuh ayam untuk pesta adat di rumah kepala desa", QUALITY_CLEAN,
   0},
  {"Saya tidak pernah pukul orang, tapi saya yang ditahan", QUALITY_CLEAN,
   0},
  /* "tikus" (a rat: a corrupt official) aimed at someone; rats in a
   * warehouse are rats. */
  {"Kepala desa kami itu tikus, dana desa habis dia gerogoti",
   QUALITY_INSULT, 0},
  {"Dasar tikus kantor, uang bantuan dimakan semua", QUALITY_INSULT, 0},
  {"pejabat dinas itu tikus berdasi", QUALITY_INSULT, 0},
  {"Banyak tikus di gudang beras bulog, beras rusak semua", QUALITY_CLEAN,
   0},
  /* A group named in the plural by doubling ("Cina-cina", "Jawa-jawa"). */
  {"Cina-cina itu yang bikin harga naik, usir saja", QUALITY_SARA, 0},
  {"Jawa-jawa itu harus pulang", QUALITY_SARA, 0},
  {"Kami orang Sabu-Sabu di sini tidak dapat bantuan, usir saja kami",
   QUALITY_CLEAN, 0},
  /* Insults: an epithet with "si", a lexicon phrase. */
  {"Si babi itu belum kembalikan uang koperasi kami", QUALITY_INSULT, 0},
  {"camat tu tai kucing, janji sa", QUALITY_INSULT, 0},
  /* "sial" and "pantat" aimed at someone; a Kupang curse; a Kupang call;
   * the everyday senses pass. */
  {"Itu bidan sial, dia tidak mau tolong ibu hamil", QUALITY_INSULT, 0},
  {"Camat itu pantat, kerjanya cuma duduk dan minta uang", QUALITY_INSULT,
   0},
  {"Nasib sial kami, sudah bayar 3 juta tapi sertifikat belum keluar",
   QUALITY_CLEAN, 0},
  {"Bayi sy ada luka di pantat karena suntikan petugas salah",
   QUALITY_CLEAN, 0},
  {"lu pung mama, kades! dana desa lu makan sendiri", QUALITY_INSULT, 0},
  {"Woe babi, lu kira kami sonde tau lu makan uang desa", QUALITY_INSULT,
   0},
  /* War on someone; the object first with a clause of purpose after. */
  {"kami siap perang dengan aparat kalau tanah adat diambil",
   QUALITY_THREAT, 0},
  {"kalau begini terus kantor bupati kami bom biar semua tau rasa",
   QUALITY_THREAT, 0},
  {"Perang tanding antar kampung terjadi karena polisi tidak tegas",
   QUALITY_CLEAN, 0},
  /* An official sending a group away is the report, not a call. */
  {"Petugas menolak melayani warga dari suku Rote dan menyuruh mereka "
   "pulang tanpa alasan", QUALITY_CLEAN, 0},
  {"Camat mengusir orang Sabu dari kantor waktu mereka minta surat",
   QUALITY_CLEAN, 0},
  /* Kupang "bodok" (bodoh) said of an official; an insult with its
   * adjective after it ("tikus rakus"). */
  {"itu kepala sekolah bodok sekali, rapor anak2 belum dibagi",
   QUALITY_INSULT, 0},
  {"Kepala dinas itu anjing gila, semua proyek dia kasih ke adiknya",
   QUALITY_INSULT, 0},
  /* The reporter with the village ("kami sekampung") as agent. */
  {"kami sekampung akan bakar kantor camat kalau jalan tidak dibuat",
   QUALITY_THREAT, 0},
  {"Kami sekampung sudah tiga kali lapor ke kantor camat", QUALITY_CLEAN,
   0},
  /* A group called loan sharks. */
  {"semua orang Bugis di pasar itu lintah darat", QUALITY_SARA, 0},
  /* A den or gang of thieves said of an office insults it; a den the
   * police raid does not. */
  {"Dinas PU Kabupaten Kupang sarang maling, proyek jalan fiktif",
   QUALITY_INSULT, 0},
  {"Kantor camat itu gerombolan perampok", QUALITY_INSULT, 0},
  {"Polisi menggerebek sarang maling motor di Oebobo tapi barang bukti "
   "hilang", QUALITY_CLEAN, 0},
  /* "padahal", "tapi" after a quote: the reporter speaks again. */
  {"Dia bilang saya maling, padahal dia sendiri yang maling",
   QUALITY_INSULT, QUALITY_MARK_QUOTED},
  {"Petugas bilang saya bodoh, tapi saya tetap minta kwitansi",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  /* Veiled threats: a warning to an official that harm may befall
   * them; "jangan salahkan kami kalau" with ruin or violence after it. */
  {"Awas pak camat, jalan malam-malam nanti mati", QUALITY_THREAT, 0},
  {"Hati-hati bu kades, bisa celaka sendiri", QUALITY_THREAT, 0},
  {"Hati-hati pak, jembatan di Noelbaki sudah retak dan bisa hancur",
   QUALITY_CLEAN, 0},
  {"Jangan salahkan kami kalau kantor desa terbakar", QUALITY_THREAT, 0},
  {"Jangan salahkan warga kalau balai desa jadi abu", QUALITY_THREAT, 0},
  {"Jangan salahkan kami kalau kami lapor ke KPK", QUALITY_CLEAN, 0},
  /* The Kupang Malay "curi" of a group; a religion called "sesat". */
  {"Orang Rote memang tukang curi", QUALITY_SARA, 0},
  {"Agama dorang itu sesat, usir saja", QUALITY_SARA, 0},
  {"Suku mereka tidak dapat bantuan dari desa", QUALITY_CLEAN, 0},
  /* An official's threat of a passive harm ("akan dibakar") reported. */
  {"Kepala desa bilang rumah kami akan dibakar kalau kami melapor",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  /* The reporter in Kupang Malay ("botong") and in shorthand ("sdh"),
   * and a crowd ("ramai2"), before the verb of violence or a weapon. */
  {"kalau sonde dikembalikan, botong bakar dia pung rumah", QUALITY_THREAT,
   0},
  {"Sy sdh siapkan parang utk dia", QUALITY_THREAT, 0},
  {"besok kami datang ramai2 hancurkan kantor lurah itu", QUALITY_THREAT, 0},
  {"dong pukul botong pung anak di pos jaga", QUALITY_CLEAN, 0},
  {"Sy sdh dipukul petugas di kantor desa", QUALITY_CLEAN, 0},
  {"warga datang ramai2 ke kantor lurah minta kejelasan", QUALITY_CLEAN, 0},
  /* A group in the plural written with a "2" ("Cina2"), and newcomers
   * named by their origin ("pendatang dari Sulawesi"). */
  {"Cina2 di pasar itu penipu semua", QUALITY_SARA, 0},
  {"Pendatang dari Sulawesi itu biang kerok semua, usir dong",
   QUALITY_SARA, 0},
  {"Kami orang Sabu2 di sini semua tidak dapat bantuan", QUALITY_CLEAN, 0},
  /* Spoken Jakarta forms of arming ("siapin"); "penjajah" said of a
   * group, not of the colonial past. */
  {"kami udah siapin golok buat kades", QUALITY_THREAT, 0},
  {"Sy siapin berkas utk kades tapi dia tolak", QUALITY_CLEAN, 0},
  {"Jawa2 itu penjajah semua", QUALITY_SARA, 0},
  {"Belanda dulu penjajah di Timor, sekarang pejabat yang menindas",
   QUALITY_CLEAN, 0},
  {"Pendatang dari Sulawesi belum dapat KTP, petugas bilang tunggu",
   QUALITY_CLEAN, 0},
  /* "kampang", a Kupang Malay insult (bastard). */
  {"Hei kades kampang, kembalikan botong pung uang raskin!", QUALITY_INSULT,
   0},
  {"Itu lurah kampang sonde mau urus kami", QUALITY_INSULT, 0},
  /* Intensifiers as texted and in Kupang Malay ("skali", "bgt") end a
   * predicate like "sekali" and "banget". */
  {"Sopir ambulans sonde tau diri, bodok skali, pasien tunggu 3 jam",
   QUALITY_INSULT, 0},
  {"petugas loket itu bodoh bgt, antrian diserobot", QUALITY_INSULT, 0},
  {"jalan ke desa kami rusak skali, sudah lapor tapi tidak diperbaiki",
   QUALITY_CLEAN, 0},
  /* A vow before the verb of violence ("bersumpah akan bunuh"). */
  {"Saya bersumpah akan bunuh petugas PLN yang cabut meteran kami",
   QUALITY_THREAT, 0},
  {"kami berjanji akan hajar kepala desa itu", QUALITY_THREAT, 0},
  {"Saya bersumpah tidak pernah memukul petugas itu", QUALITY_CLEAN, 0},
  /* Bribery said of a whole group ("semua suka sogok"). */
  {"Pegawai keturunan Cina di Samsat semua suka sogok", QUALITY_SARA, 0},
  {"Orang Bima memang tukang suap", QUALITY_SARA, 0},
  {"Pegawai Samsat minta sogok dari warga keturunan Cina", QUALITY_CLEAN,
   0},
  /* A people named by "anak"/"ana" ("anak Alor", "ana Sabu"), as Kupang
   * Malay does; riots said of a group. */
  {"Anak-anak Alor di asrama itu semua pemabuk dan perusuh, harus "
   "dipulangkan", QUALITY_SARA, 0},
  {"ana Sabu dong tukang curi semua", QUALITY_SARA, 0},
  {"Anak Alor di asrama tidak dapat beasiswa dari dinas", QUALITY_CLEAN, 0},
  {"Kami anak Rote di Kupang belum dapat KTP", QUALITY_CLEAN, 0},
  /* The one addressed as the subject of an insult ("lu memang bodok"):
   * aimed, even when the sentence goes on after it. */
  {"Bapa lurah e, lu memang bodok sampe ko sonde tau urus surat tanah",
   QUALITY_INSULT, 0},
  {"Pak kades, kamu itu maling uang rakyat", QUALITY_INSULT, 0},
  {"Petugas bilang kamu bodoh sampai tidak bisa isi formulir",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  /* An insult with the office it belongs to ("tikus kantor", "maling
   * desa") is still a predicate; rats in a storehouse are none. */
  {"Kadis PUPR itu tikus kantor, proyek jalan cuma ditambal pasir",
   QUALITY_INSULT, 0},
  {"Bendahara itu maling desa", QUALITY_INSULT, 0},
  {"Gudang bulog penuh tikus, kantor tidak mau perbaiki atap",
   QUALITY_CLEAN, 0},
  /* "kasi habis", "bikin abis": to finish someone off, in Kupang Malay;
   * stock or money used up is none. */
  {"Awas kalau ketemu di pasar Oeba, beta kasi habis dia", QUALITY_THREAT,
   0},
  {"botong bikin abis itu mandor", QUALITY_THREAT, 0},
  {"Petugas kasi habis stok beras bantuan ke keluarganya", QUALITY_CLEAN, 0},
  {"kami kasi habis uang untuk urus sertifikat", QUALITY_CLEAN, 0},
  /* The person named earlier in the sentence, the reporter's verb of
   * violence ending it with no object of its own ("kalau kades datang
   * lagi, kami hajar"). */
  {"Camat datang ke sini, kami habisi", QUALITY_THREAT, 0},
  {"Kalau kades datang lagi, kami hajar.", QUALITY_THREAT, 0},
  {"Petugas datang, lalu kami dipukul", QUALITY_CLEAN, 0},
  {"Kepala desa bakar sampah di depan sekolah, kami protes", QUALITY_CLEAN,
   0},
  /* "Bilang sama X, ...": the reporter's message for someone, not
   * someone else's words. */
  {"Bilang sama itu mandor proyek, beta potong dia pung leher kalau sonde "
   "bayar upah", QUALITY_THREAT, 0},
  {"Bilang ke camat, kami bakar kantornya kalau uang tidak kembali",
   QUALITY_THREAT, 0},
  /* ... but "bilang ke" going on from an official's first clause is
   * what the official said; a name called first is the listener. */
  {"Kades datang ke rumah malam-malam, bilang ke bapak saya: kalau masih "
   "lapor ke inspektorat, besok kau pulang tinggal nama.", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"Pak camat, bilang ke bupati, kalau dana tidak turun kami bakar "
   "kantornya.", QUALITY_THREAT, 0},
  /* The reporter's kin as the object of a relative clause about an
   * official: the official acts next, not the reporter. */
  {"Polisi yang menangkap kakak saya memukul dia dengan popor senapan, "
   "dokter forensik sudah catat lukanya.", QUALITY_CLEAN, 0},
  {"Petugas yang memeriksa adik saya memukul dia dengan tongkat di kantor "
   "polsek.", QUALITY_CLEAN, 0},
  {"Kakak saya akan memukul kades dengan popor senapan kalau uang tidak "
   "kembali.", QUALITY_THREAT, 0},
  /* ... or what the reporter owns: the official speaks; but the
   * reporter acting in the clause itself, or after its object, acts. */
  {"Oknum TNI yang kuasai tanah kami berkata akan menembak siapa saja yang "
   "masuk ke kebun kami sendiri.", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Kades yang tipu kami akan kami bakar rumahnya.", QUALITY_THREAT, 0},
  {"Kalau saya masih dipalak, keluargamu yang akan saya habisi.",
   QUALITY_THREAT, 0},
  {"Katanya kami bodoh, jadi tidak usah urus", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  /* What an official thinks of the reporter is not the reporter's
   * insult; a [self] word right after the official owns them. */
  {"Kades anggap beta bodoh, dia bilang dana desa sudah habis",
   QUALITY_CLEAN, 0},
  {"Petugas kira kami bodoh, jadi dia minta uang dua kali", QUALITY_CLEAN,
   0},
  {"Kepala desa kami babi, dana desa habis tidak jelas", QUALITY_INSULT, 0},
  /* "kata camat" closing the words, with no comma before it, names
   * their speaker; "kata" that is a word ("kata kasar") names none. */
  {"Orang Alor pemalas bayar pajak kata camat, padahal camat sendiri "
   "tidak pernah datang", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Dia pakai kata kasar waktu kami datang minta surat", QUALITY_CLEAN, 0},
  /* "tunggu saja" with ruin after it ("jadi abu"). */
  {"Tunggu sa, nanti malam dia pung rumah jadi abu", QUALITY_THREAT, 0},
  {"Tunggu saja, kantor desa nanti rata dengan tanah", QUALITY_THREAT, 0},
  /* ... but "rata" of a road, a share or an average is no ruin. */
  {"Tunggu saja sampai jalan rata, itu jawaban dinas PU tiap kali kami "
   "tanya", QUALITY_CLEAN, 0},
  {"Tunggu saja, rata-rata warga sudah bayar 50 ribu ke kepala dusun",
   QUALITY_CLEAN, 0},
  {"Tunggu saja, nanti bantuan dibagi rata, tapi kami belum terima",
   QUALITY_CLEAN, 0},
  {"Tunggu saja, kata petugas, berkas masih diproses", QUALITY_CLEAN, 0},
  /* An ultimatum in the passive with the reporter's side as the agent
   * ("akan dibakar warga kalau ..."); the reporter's own house
   * threatened is a report. */
  {"Rumah kades akan dibakar warga kalau dana desa tidak dikembalikan",
   QUALITY_THREAT, 0},
  {"kantor camat akan dibakar oleh kami", QUALITY_THREAT, 0},
  {"Rumah saya akan dibakar warga suruhan kades kalau saya lapor",
   QUALITY_CLEAN, 0},
  {"Rumah kades dibakar warga tadi malam, polisi belum datang",
   QUALITY_CLEAN, 0},
  /* No agent named: an official's house or office opening the clause,
   * "akan dibakar", and a condition is an ultimatum all the same; rubbish
   * burnt, the reporter's own house, or a rumour heard are none. */
  {"Rumah dinas Kepala Dinas Pendidikan Sikka akan dibakar habis malam ini "
   "kalau gaji guru honor tidak dibayar juga.", QUALITY_THREAT, 0},
  {"Rumah kades akan dibakar kalau dana tidak kembali.", QUALITY_THREAT, 0},
  {"Sampah di depan kantor camat akan dibakar kalau tidak diangkut.",
   QUALITY_CLEAN, 0},
  {"Rumah kami akan dibakar kalau kami melapor ke polisi.", QUALITY_CLEAN,
   0},
  {"Saya dengar kantor camat akan diserang kalau dana tidak cair.",
   QUALITY_CLEAN, 0},
  /* Distrust said of a group ("orang X ... tidak bisa dipercaya") wherever
   * it stands in the group's clause; a group not entrusted with an office
   * is discrimination reported, and one entrusted is praise. */
  {"Orang Sabu di kantor ini tidak bisa dipercaya pegang uang", QUALITY_SARA,
   0},
  {"suku Rote sonde bisa dipercaya urus dana desa", QUALITY_SARA, 0},
  {"Warga Kristen di desa ini tidak dipercaya memegang jabatan oleh kades",
   QUALITY_CLEAN, 0},
  {"Orang Sabu di desa ini dipercaya memegang jabatan bendahara",
   QUALITY_CLEAN, 0},
  {"Kepala desa tidak bisa dipercaya, dana desa tidak jelas", QUALITY_CLEAN,
   0},
  {"Warga Sabu tidak bisa percaya lagi pada kepala desa", QUALITY_CLEAN, 0},
  /* The target of a verb of violence stands in the verb's own clause:
   * after a comma the story goes on ("..., tapi kepala desa ..."). */
  {"Kami sudah potong padi, tapi kepala desa minta jatah setengah",
   QUALITY_CLEAN, 0},
  {"Kami sudah bakar sampah, kantor desa tidak mau angkut", QUALITY_CLEAN, 0},
  {"Kami akan bakar kantor desa, tunggu saja", QUALITY_THREAT, 0},
  /* An insulting predicate goes on with "dan", or has "semua" before it
   * ("dong semua pencuri"); a thing taken or a place full is none. */
  {"Camat itu memang bodoh dan tidak tahu kerja", QUALITY_INSULT, 0},
  {"Pegawai Dukcapil dong semua pencuri, tiap urus KTP minta uang",
   QUALITY_INSULT, 0},
  {"Petugas itu ambil sampah dan pergi begitu saja", QUALITY_CLEAN, 0},
  {"Polisi sudah tangkap semua pencuri, tapi motor belum kembali",
   QUALITY_CLEAN, 0},
  {"Kepala desa minta jatah kepala babi dan uang dari pesta adat",
   QUALITY_CLEAN, QUALITY_MARK_LITERAL},
  /* The reporter's side named with where it lives ("kami warga Desa
   * Noelbaki akan ..."); someone else seen doing it is none. */
  {"Kami warga Desa Noelbaki akan membakar rumah kepala desa kalau BLT "
   "tidak dibayar", QUALITY_THREAT, 0},
  {"kami masyarakat Kelurahan Oesapa Barat siap bakar kantor lurah",
   QUALITY_THREAT, 0},
  {"Kami warga melihat Kepala Desa membakar rumah Pak Yohanes",
   QUALITY_CLEAN, 0},
  /* The reporter's crowd coming down ("turun") to do violence. */
  {"Kalau tidak diproses, kami massa akan turun dan hancurkan kantor bupati",
   QUALITY_THREAT, 0},
  {"botong massa su siap turun serang kantor desa", QUALITY_THREAT, 0},
  {"Kami warga akan turun ke jalan untuk demo damai di depan kantor bupati",
   QUALITY_CLEAN, 0},
  {"Saya lihat air turun dan hancurkan rumah warga di bantaran kali",
   QUALITY_CLEAN, 0},
  /* "Jangan salahkan kami kalau ..." then bloodshed or a death told as
   * coming home in name only; the same words outside that frame are a
   * warning or a death reported. */
  {"Kami tidak akan tinggal diam, jangan salahkan kami kalau terjadi "
   "pertumpahan darah", QUALITY_THREAT, 0},
  {"Jangan salahkan warga kalau kepala desa pulang tinggal nama",
   QUALITY_THREAT, 0},
  {"Konflik batas desa ini harus diselesaikan sebelum terjadi pertumpahan "
   "darah", QUALITY_CLEAN, 0},
  {"Anak kami TKI pulang tinggal nama, agen tidak bertanggung jawab",
   QUALITY_CLEAN, 0},
  /* Death "di tangan saya": by the reporter's hand; by another's hand, or
   * said by someone else, it is a story or a reported threat. */
  {"Kepala dinas itu tunggu saja, dia akan mati di tangan saya",
   QUALITY_THREAT, 0},
  {"camat itu pasti mampus di tangan botong", QUALITY_THREAT, 0},
  {"Ibu saya hampir mati di tangan dukun karena puskesmas tutup",
   QUALITY_CLEAN, 0},
  {"Mandor bilang kau akan mati di tangan saya", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  /* A group called out with "dasar" opening a clause is a slur on it;
   * "atas dasar agama" is a ground given. */
  {"Dasar orang Muslim, pasti bantuan hanya untuk kelompoknya",
   QUALITY_SARA, 0},
  {"dasar Cina, semua proyek dong pegang", QUALITY_SARA, 0},
  {"Petugas menolak atas dasar agama Kristen yang saya anut", QUALITY_CLEAN,
   0},
  {"Kepala sekolah berteriak: dasar orang Flores!", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  /* A predicate insult with what the official steals after it is still
   * aimed at the official; a thief the office caught is a story. */
  {"Sekdes itu maling uang rakyat, mobil dinas dia pakai sendiri",
   QUALITY_INSULT, 0},
  {"Bendahara desa kami pencuri dana BLT.", QUALITY_INSULT, 0},
  {"Ketua panitia tu perampok beras bantuan, warga sonde dapat",
   QUALITY_INSULT, 0},
  {"Di kantor desa itu maling masuk tadi malam, laptop hilang",
   QUALITY_CLEAN, 0},
  {"Polisi itu tangkap maling sapi di Oesao", QUALITY_CLEAN, 0},
  /* "sampah masyarakat" is an insult as a phrase; "pancuri" (Kupang
   * Malay) and "penjahat" are aimed like "maling"; the words telling of a
   * thief caught stay a story. */
  {"Pak kadis, anda itu sampah masyarakat, laporan kami dibuang", QUALITY_INSULT, 0},
  {"Kades tu pancuri, dana desa dong pake pesta", QUALITY_INSULT, 0},
  {"Mandor proyek itu memang penjahat", QUALITY_INSULT, 0},
  {"Polisi belum tangkap penjahat yang rampok kios saya", QUALITY_CLEAN, 0},
  {"Anda bisa cek sendiri di kantor camat", QUALITY_CLEAN, 0},
  /* A demonstrative before the target does not push it out of reach of
   * the weapon; papers readied for the office are no weapon. */
  {"Sa su siapkan pisau, tinggal tunggu itu camat pulang kantor",
   QUALITY_THREAT, 0},
  {"Kami sudah siapkan berkas, tinggal tunggu itu kepala dinas tanda tangan",
   QUALITY_CLEAN, 0},
  /* The object put first with a relative clause, closed by "itu", before
   * the reporter and the verb; a banner so put is no one. */
  {"Pegawai Samsat yang tagih uang lebih itu beta tikam kalau ketemu",
   QUALITY_THREAT, 0},
  {"Spanduk kampanye yang dipasang di pagar itu kami potong kalau tidak "
   "dicabut", QUALITY_CLEAN, 0},
  /* A building that only places the thing put first is not the object:
   * the tree fallen before a house, the rubbish before an office. */
  {"Pohon yang tumbang di depan rumah itu kami potong", QUALITY_CLEAN, 0},
  {"Sampah di depan kantor desa itu kami bakar", QUALITY_CLEAN, 0},
  {"Pohon itu kami potong sendiri karena dinas tidak datang", QUALITY_CLEAN,
   0},
  {"Rumah kades di depan pasar itu kami bakar", QUALITY_THREAT, 0},
  {"Rumah kades yang di depan pasar itu kami bakar", QUALITY_THREAT, 0},
  /* Idioms of death and blood as threats: "pulang tinggal nama" after
   * "lihat saja", bloodshed promised on a condition, an official's days
   * numbered, blood for blood; the same words of a migrant worker, of a
   * patient, of one's own mother or of a building tell what happens. */
  {"Lihat saja, bupati itu nanti pulang tinggal nama", QUALITY_THREAT, 0},
  {"Kami disuruh tunggu saja, padahal adik kami pulang tinggal nama dari "
   "Malaysia", QUALITY_CLEAN, 0},
  {"Jangan salahkan botong kalau darah tumpah di kantor desa",
   QUALITY_THREAT, 0},
  {"Darah akan tumpah di kantor camat kalau tanah kami tetap diserobot",
   QUALITY_THREAT, 0},
  {"Darah pasien tumpah di lantai IGD karena tidak ada perawat",
   QUALITY_CLEAN, 0},
  {"Nyawa kepala dinas tidak lama lagi kalau gaji honor tidak dibayar",
   QUALITY_THREAT, 0},
  {"Camat itu tidak akan lama lagi hidup", QUALITY_THREAT, 0},
  {"Nyawa ibu saya tidak lama lagi kalau obat di puskesmas tidak ada",
   QUALITY_CLEAN, 0},
  {"Bangunan sekolah itu tidak akan lama lagi roboh", QUALITY_CLEAN, 0},
  {"Kepala desa ingat, nyawa dibayar nyawa", QUALITY_THREAT, 0},
  /* Verbs of violence with an everyday sense (gantung, patahkan) threaten
   * only the object right after them or put first; a banner hung at the
   * office or an argument broken is none. */
  {"Sekali lagi dia tipu kami, beta patahkan dia pung kaki",
   QUALITY_THREAT, 0},
  {"Kami patahkan alasan kepala desa dengan bukti kwitansi", QUALITY_CLEAN,
   0},
  {"Kami gantung spanduk protes di pagar kantor desa", QUALITY_CLEAN, 0},
  {"Jembatan gantung ke kantor desa putus sejak Januari", QUALITY_CLEAN, 0},
  {"Kepala gudang yang jual beras bantuan akan kami gantung di depan "
   "kantornya", QUALITY_THREAT, 0},
  {"Ketua panitia itu saya gantung di pohon asam kalau uang tidak kembali",
   QUALITY_THREAT, 0},
  /* The reporter who readied the means earlier in the sentence is the
   * agent of the violence it is readied for, however far; means readied
   * for something else, or violence told after a turn, are none. */
  {"Kami sudah bawa jerigen bensin, tinggal tunggu perintah untuk bakar "
   "kantor camat", QUALITY_THREAT, 0},
  {"Beta su siap korek api deng minyak tanah, tinggal tunggu malam utk "
   "bakar dia pung rumah", QUALITY_THREAT, 0},
  {"Kami sudah siapkan lahan untuk bakar sampah pasar", QUALITY_CLEAN, 0},
  {"Saya bawa anak ke puskesmas, tapi perawat bilang untuk potong rambut "
   "anak dulu", QUALITY_CLEAN, 0},
  /* Ruin promised on a condition: "kalau ..., kantor camat jadi abu"; a
   * fire told, or a risk warned of ("bisa jadi abu"), is none. */
  {"Kalau minggu ini honor tidak dibayar, kantor camat jadi abu",
   QUALITY_THREAT, 0},
  {"Kalo dong sonde kembalikan doi, itu rumah kades jadi arang",
   QUALITY_THREAT, 0},
  {"Kantor desa terbakar tahun lalu dan arsip kami jadi abu",
   QUALITY_CLEAN, 0},
  {"Kalau tidak ada hidran, kantor pasar bisa jadi abu sekali terbakar",
   QUALITY_CLEAN, 0},
  /* A weapon brought "biar dia tahu rasa" is menace, whoever brings it;
   * the same words for a complaint filed, or weapons seized, are none. */
  {"Besok warga bawa parang ke kantor lurah, biar dia tahu rasa",
   QUALITY_THREAT, 0},
  {"Kami bawa bukti ke Ombudsman biar dia tahu rasa", QUALITY_CLEAN, 0},
  {"Polisi sita parang dari pemuda mabuk, biar mereka tahu rasa",
   QUALITY_CLEAN, 0},
  /* The object of a verb of violence is the first word after it that is
   * not a link, modal or outcome word: a thing named there ("racun hama
   * dari dinas") keeps an office further on out of reach.  A result after
   * a fronted verb ("... kami pukul sampai pingsan") still leaves the
   * object put first, a bare noun phrase too, as its target. */
  {"Racun hama dari dinas sudah kami pakai di kebun", QUALITY_CLEAN, 0},
  {"Bakar sampah plastik di depan puskesmas dilarang", QUALITY_CLEAN, 0},
  {"Kontraktor yang tipu kami itu akan sy pukul sampai pingsan",
   QUALITY_THREAT, 0},
  {"Rumah dinas camat beta bakar kalau honor sonde dibayar",
   QUALITY_THREAT, 0},
  {"Padi di sawah itu kami potong sampai habis minggu lalu", QUALITY_CLEAN,
   0},
  /* An insult right after "<official> itu" is a predicate however the
   * sentence goes on (an object, a relative clause), and so is one with
   * an intensifier after it; said by someone else it is reported. */
  {"Bendahara itu setan berwajah malaikat", QUALITY_INSULT, 0},
  {"Lurah Oebobo itu tikus rakus yg makan jatah warga", QUALITY_INSULT, 0},
  {"Kepala sekolah itu pencuri buku paket siswa", QUALITY_INSULT, 0},
  {"kades bodoh sekali tidak bisa bikin laporan", QUALITY_INSULT, 0},
  {"Petugas itu bilang saya bodoh sekali tidak bisa isi formulir",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  /* "lempar" hurts the one right after it or put first; a question or
   * a responsibility thrown is none.  The thing an arming word takes
   * ("ambil kayu") may stand between the reporter and the verb. */
  {"besok beta lempar dia pake batu", QUALITY_THREAT, 0},
  {"Beta ambil kayu pukul itu petugas pung kepala", QUALITY_THREAT, 0},
  {"Saya lempar pertanyaan ke kepala dinas tapi tidak dijawab",
   QUALITY_CLEAN, 0},
  {"Kepala dinas lempar tanggung jawab ke camat", QUALITY_CLEAN, 0},
  {"Saya ambil formulir lempar ke meja petugas", QUALITY_CLEAN, 0},
  /* "tunggu saja" said of an official named before it, and death told
   * as the grave or a coffin. */
  {"Bendahara itu tunggu saja, sebentar lagi dia masuk kubur",
   QUALITY_THREAT, 0},
  {"Tunggu saja, kades itu nanti pulang dalam peti", QUALITY_THREAT, 0},
  {"Kami disuruh tunggu saja sampai peti jenazah tiba", QUALITY_CLEAN, 0},
  /* Death idioms on a condition, wherever the condition stands. */
  {"Kalau tanah kami diambil, darah akan tumpah di desa ini",
   QUALITY_THREAT, 0},
  {"Camat itu pulang tinggal nama kalau jalan tidak dibangun",
   QUALITY_THREAT, 0},
  {"Kades tidak akan selamat kalau dana desa tidak dibagi",
   QUALITY_THREAT, 0},
  {"Banyak TKI dari desa kami pulang tinggal nama", QUALITY_CLEAN, 0},
  {"Pasien tidak akan selamat kalau ambulans terus terlambat",
   QUALITY_CLEAN, 0},
  /* A warning to someone named before it, with ruin, not coming home,
   * or knowing where they live; a warning about a road is none. */
  {"pak lurah tu awas sa, dia pung kantor nanti jadi arang",
   QUALITY_THREAT, 0},
  {"Awas pak camat, pulang malam nanti bisa tidak sampai rumah",
   QUALITY_THREAT, 0},
  {"Awas saja ibu kepala sekolah, kami tahu rumah ibu di mana",
   QUALITY_THREAT, 0},
  {"Awas pak, jalan ke Oesao bisa tidak sampai karena banjir",
   QUALITY_CLEAN, 0},
  {"Hati-hati bapak, petugas bilang kami tidak tahu kantor di mana",
   QUALITY_CLEAN, 0},
  /* Poison readied for someone, put first; poison laid for rats is
   * none. */
  {"Racun sudah kami siapkan buat minuman pak camat", QUALITY_THREAT, 0},
  {"Racun tikus sudah kami pasang di gudang beras kantor desa",
   QUALITY_CLEAN, 0},
  /* A group's noun phrase closed by "itu", then a derogation. */
  {"Orang Bima yang jualan di pasar itu penipu", QUALITY_SARA, 0},
  {"Orang Sabu yang datang ke kantor itu tidak dilayani", QUALITY_CLEAN,
   0},
  /* A word that generalises between "itu" and the insult keeps it a
   * predicate of the official. */
  {"Staf kecamatan itu semua tikus berseragam", QUALITY_INSULT, 0},
  {"Petugas Samsat itu memang pencuri berkas warga", QUALITY_INSULT, 0},
  /* Schoolchildren or residents who will not survive a bridge left
   * unrepaired are a danger reported, not a threat. */
  {"Kalau jembatan tidak diperbaiki, anak sekolah tidak akan selamat",
   QUALITY_CLEAN, 0},
  {"Kalau banjir datang lagi, warga desa tidak akan selamat", QUALITY_CLEAN,
   0},
  /* The target named through its owner: a thing of a person, office
   * or building right after the verb; a thing of no one, or one
   * after a preposition, is none. */
  {"Kalau kami disuruh bayar lagi, saya bakar itu loket Samsat",
   QUALITY_THREAT, 0},
  {"Sy akan racuni sumur rumah sekdes supaya dia rasa", QUALITY_THREAT, 0},
  {"Besok kami bakar gudang beras Bulog", QUALITY_THREAT, 0},
  {"Kami bakar lahan untuk tanam jagung di dekat kantor desa",
   QUALITY_CLEAN, 0},
  {"Saya potong kayu di belakang rumah kepala desa", QUALITY_CLEAN, 0},
  /* The reporter as agent through others ordered or raised, as the one
   * "who" does it, or as the subject of a chain of verbs; someone else
   * giving the order, the reporter's child, or another subject in the
   * chain is none. */
  {"Nanti beta suruh anak-anak muda kampung pukul mati itu anggota "
   "Satpol PP", QUALITY_THREAT, 0},
  {"Kami akan kerahkan massa 500 orang untuk membakar kantor dinas",
   QUALITY_THREAT, 0},
  {"Kalau lapor sonde diproses, beta sendiri yang kasih habis itu kepala "
   "desa", QUALITY_THREAT, 0},
  {"Kalau bupati sonde datang, kami blokir jalan lalu serbu dan bakar "
   "kantor bupati", QUALITY_THREAT, 0},
  {"Kepala desa suruh preman pukul warga yang protes", QUALITY_CLEAN, 0},
  {"Anak saya yang pukul dia waktu itu sudah minta maaf", QUALITY_CLEAN, 0},
  {"Kami blokir jalan lalu polisi datang dan pukul warga", QUALITY_CLEAN,
   0},
  /* The object put first, then the verb with an instrument, a manner or
   * said twice; a thing put first stays a thing. */
  {"Itu mandor proyek nanti beta tembak pake senapan angin kalau dia "
   "lewat lagi", QUALITY_THREAT, 0},
  {"Kepala puskesmas yang pungut biaya itu nanti saya tusuk pakai pisau "
   "kalau ketemu", QUALITY_THREAT, 0},
  {"Kalau sertifikat tidak keluar, petugasnya akan kami habisi satu per "
   "satu", QUALITY_THREAT, 0},
  {"Pegawai BPN itu tinggal tunggu saja, badannya akan kami potong-potong",
   QUALITY_THREAT, 0},
  {"Babi itu kami potong pakai parang untuk pesta adat", QUALITY_CLEAN,
   QUALITY_MARK_LITERAL},
  {"Itu kayu nanti beta potong pake gergaji untuk pagar kantor",
   QUALITY_CLEAN, 0},
  /* A weapon readied, then the reporter going after someone in the next
   * clause; the reporter's own and modal words do not push the target
   * out of reach, the story's other words still do. */
  {"Beta su asah parang, besok beta cari itu kepala dusun di kebun",
   QUALITY_THREAT, 0},
  {"Saya sudah asah parang, besok saya pergi ke kebun lalu lapor ke kepala "
   "desa", QUALITY_CLEAN, 0},
  /* Insults of an official: a predicate after "semua" going on with
   * "dan"; "kurang ajar" said of someone; brainless; an office of the
   * province named by its short name.  Conduct called "kurang ajar"
   * passes, flagged like any unaimed '~' entry. */
  {"Petugas Dukcapil semua bodoh dan malas, KTP saya belum jadi",
   QUALITY_INSULT, 0},
  {"Petugas PDAM itu memang kurang ajar, air mati 2 minggu", QUALITY_INSULT,
   0},
  {"Bupati sonde pung otak, jalan ke kampung kami sonde diaspal",
   QUALITY_INSULT, 0},
  {"Kepala dinas itu tidak punya otak, sekolah dibiarkan rusak",
   QUALITY_INSULT, 0},
  {"Bidan desa itu perempuan jalang, dia minta bayaran", QUALITY_INSULT, 0},
  {"Oknum Dishub di terminal Kupang itu memang tikus semua", QUALITY_INSULT,
   0},
  {"Perbuatan pungli itu sangat kurang ajar dan merugikan warga",
   QUALITY_CLEAN, QUALITY_MARK_LITERAL},
  /* An official's threat reported: a passive verb of violence further on
   * in words said with "akan"; the speaker named after the words with
   * "itu ancaman ...".  A group told it has no right is SARA, reported
   * or not; residents told so are none. */
  {"Ketua RT bilang kami akan diusir dari kampung dan rumah kami dibakar "
   "kalau tidak bayar", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Rumah kami akan dirobohkan dan kami dihabisi, itu ancaman kepala dusun",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Petugas bilang rumah kami akan diperiksa dan jalan akan dibangun",
   QUALITY_CLEAN, 0},
  {"Orang Sumba tidak berhak menerima bantuan di desa ini", QUALITY_SARA,
   0},
  {"Bendahara mengatakan bahwa orang Sumba tidak berhak menerima bantuan",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Warga tidak berhak menerima bantuan dua kali", QUALITY_CLEAN, 0},
  /* Veiled threats: an ultimatum with "atau" then ruin; a death told as
   * "tidak bernyawa" or "tewas" after "jangan salahkan kami kalau"; a
   * house "dimakan api" after "tunggu saja"; a warning to an official
   * after "lebih baik".  A fire or a danger told is none. */
  {"Kades dengar baik-baik: sebelum tanggal 17 uang kembali, atau kantor "
   "itu jadi abu", QUALITY_THREAT, 0},
  {"Jangan salahkan kami kalau nanti kepala desa ditemukan tidak bernyawa "
   "di kali", QUALITY_THREAT, 0},
  {"Jangan salahkan kami kalau camat tewas di jalan", QUALITY_THREAT, 0},
  {"Itu kepala desa pung rumah, tunggu sa, malam ini habis dimakan api",
   QUALITY_THREAT, 0},
  {"Bendahara desa itu lebih baik hati-hati, anak istrinya bisa celaka "
   "kalau uang tidak kembali", QUALITY_THREAT, 0},
  {"Bayar retribusi di loket, atau kantor akan tutup sebelum jam dua",
   QUALITY_CLEAN, 0},
  {"Tahun lalu rumah kepala desa habis dimakan api karena korsleting",
   QUALITY_CLEAN, 0},
  {"Warga lebih baik hati-hati, jembatan itu bisa roboh", QUALITY_CLEAN, 0},
  /* "kasih pelajaran" to an official by the reporter is a beating
   * promised; a teacher's lesson is none.  A wild boar said of an
   * official is an insult, one in the forest an animal. */
  {"Nanti kami kasih dia pelajaran yang sonde akan dia lupa",
   QUALITY_THREAT, 0},
  {"Beta mau kasih pelajaran sama itu kepala desa", QUALITY_THREAT, 0},
  {"Kami kasih pelajaran membaca ke anak-anak di desa", QUALITY_CLEAN, 0},
  {"Guru itu tidak pernah kasih pelajaran ke murid", QUALITY_CLEAN, 0},
  {"Mandor proyek jalan di Waingapu itu babi hutan, upah tidak dibayar",
   QUALITY_INSULT, 0},
  {"Babi hutan merusak kebun jagung warga", QUALITY_CLEAN,
   QUALITY_MARK_LITERAL},
};

START_TEST(quality_judge_shapes)
{
  judge_rows(judge_cases, N(judge_cases));
}
END_TEST

/* Rule 3 by the reporter's intent: a verb of violence the reporter means
 * to do (future, condition, ultimatum, call) is a threat whatever it is
 * done to, unless that is a harmless everyday thing (rubbish, a field,
 * livestock for a feast) that nobody owns; denied or past it is none.
 * The objects here are on no list of persons or buildings. */
static const struct judge_case intent_cases[] = {
  {"kami akan bakar tower BTS di bukit itu kalau sinyal tidak diperbaiki",
   QUALITY_THREAT, 0},
  {"Sa pasti hancurkan mesin pompa air itu kalau PDAM tidak alirkan air.",
   QUALITY_THREAT, 0},
  {"Sebelum akhir bulan dana dikembalikan, atau traktor bantuan itu kami "
   "bakar.", QUALITY_THREAT, 0},
  {"Ayo kita bawa parang ke lokasi tambang malam ini.", QUALITY_THREAT, 0},
  {"Pos satpam itu nanti kami lempar batu kalau portal tidak dibuka.",
   QUALITY_THREAT, 0},
  {"Kalau uang PKH dipotong lagi, kantor desa tinggal abu.",
   QUALITY_THREAT, 0},
  {"Bendahara yang tahan gaji kami nanti pulang tinggal nama.",
   QUALITY_THREAT, 0},
  {"Kami akan bakar sampah plastik di belakang sekolah karena truk sampah "
   "tidak datang.", QUALITY_CLEAN, 0},
  {"Besok kami mau potong kambing untuk syukuran, tapi izin dari desa "
   "dipersulit.", QUALITY_CLEAN, 0},
  {"Kalau hujan tidak turun, kami terpaksa bakar lahan lagi.",
   QUALITY_CLEAN, 0},
  {"Saya tidak akan bakar apa-apa, saya hanya minta keadilan.",
   QUALITY_CLEAN, 0},
  {"Kemarin kami pukul kentongan untuk panggil warga.", QUALITY_CLEAN, 0},
  {"Petugas bilang kami harus potong rumput di halaman kantor dulu baru "
   "dilayani.", QUALITY_CLEAN, 0},
  {"Kades bilang dia akan bakar rumah kami.", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"Uang beras tidak dibagi, bendahara itu sudah kaya, pencuri dana desa.",
   QUALITY_INSULT, 0},
  /* The same verbs in their figurative senses: a complaint's ultimatum. */
  {"Kalau tidak ditanggapi, kami akan serang balik lewat media sosial.",
   QUALITY_CLEAN, 0},
  {"Saya mau potong antrean di loket Samsat karena calo bebas masuk.",
   QUALITY_CLEAN, 0},
  {"Kami akan tembak langsung ke Ombudsman kalau kades tetap diam.",
   QUALITY_CLEAN, 0},
  {"Kami akan lempar masalah ini ke DPRD kalau camat diam.", QUALITY_CLEAN,
   0},
  {"Besok kami lempar batu ke kantor camat kalau honor tidak dibayar.",
   QUALITY_THREAT, 0},
};

START_TEST(quality_judge_intent)
{
  judge_rows(intent_cases, N(intent_cases));
}
END_TEST

/* Verbs of violence without a weapon's name: a car overturned, petrol or
 * acid poured on a person or a building.  Watering plants, a street or
 * a sick child's fever are none. */
static const struct judge_case verb_cases[] = {
  {"Besok kami cegat mobil dinas kades dan gulingkan ke sungai.",
   QUALITY_THREAT, 0},
  {"Kalau gaji tidak dibayar, saya siram bensin di gudang kantor desa.",
   QUALITY_THREAT, 0},
  {"Saya akan siram air keras ke muka bendahara itu.", QUALITY_THREAT, 0},
  {"Kami siram tanaman di kebun sekolah setiap pagi, tapi air PDAM mati.",
   QUALITY_CLEAN, 0},
  {"Besok kami akan siram jalan supaya debu proyek tidak masuk rumah.",
   QUALITY_CLEAN, 0},
  {"Mobil ambulans desa terguling di jalan Soe karena rem tidak pernah "
   "diperbaiki.", QUALITY_CLEAN, 0},
  {"Preman suruhan kontraktor menyiram bensin ke rumah kami tadi malam.",
   QUALITY_CLEAN, 0},
  /* A verb made from a weapon's name ("parangi", "menombak"). */
  {"Kalau kades potong dana lagi, dia saya parangi.", QUALITY_THREAT, 0},
  {"Mandor itu akan kami golokkan kalau upah tidak dibayar.",
   QUALITY_THREAT, 0},
  {"Besok beta menombak itu kepala dusun.", QUALITY_THREAT, 0},
  {"Saya parangi semak di belakang kantor desa sebelum rapat.",
   QUALITY_CLEAN, 0},
  {"Petani di Oesao memanah burung yang merusak padi di sawah.", QUALITY_CLEAN,
   0},
  /* Thrown at a thing someone owns ("ke pos dia", "ke pos polisi"). */
  {"Kalau petugas minta uang lagi, kami lempar batu ke pos dia.",
   QUALITY_THREAT, 0},
  {"Besok kami lempar batu ke pos polisi di simpang itu.", QUALITY_THREAT,
   0},
  {"Besok kami lempar jala ke laut dekat kantor desa.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_violence_verbs)
{
  judge_rows(verb_cases, N(verb_cases));
}
END_TEST

/* The reporter's people as the agent: "orang kami", "pemuda kami" (a
 * place between or not) threaten as the reporter does.  The reporter's
 * people beaten, an official who is "mine", or their words reported are
 * none. */
static const struct judge_case band_cases[] = {
  {"Orang kami di Kupang bisa habisi dia kapan saja.", QUALITY_THREAT, 0},
  {"Pemuda kami akan hajar petugas itu kalau dia datang lagi.",
   QUALITY_THREAT, 0},
  {"Orang kami di kampung dipukul petugas Satpol PP kemarin.",
   QUALITY_CLEAN, 0},
  {"Kepala sekolah kami pukul murid dengan rotan setiap hari.",
   QUALITY_CLEAN, 0},
  {"Orang kami di pasar bilang petugas itu mau bakar lapak.", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_reporters_people)
{
  judge_rows(band_cases, N(band_cases));
}
END_TEST

/* Poison the reporter means to put in an official's food or drink, even
 * when it is named as rat poison.  Poison for a store, poison feared in
 * one's own cup, or a past accident are none. */
static const struct judge_case poison_cases[] = {
  {"Sa sudah siapkan racun tikus untuk teh kepala dusun kalau BLT tidak "
   "dibagi.", QUALITY_THREAT, 0},
  {"Kalau dana tidak kembali, saya campur racun di kopi pak sekdes.",
   QUALITY_THREAT, 0},
  {"Beta akan taruh racun di makanan kepala desa itu.", QUALITY_THREAT, 0},
  {"Kami akan beli racun tikus untuk gudang beras kantor desa.",
   QUALITY_CLEAN, 0},
  {"Kami akan siapkan kayu untuk pagar kantor desa.", QUALITY_CLEAN, 0},
  {"Saya takut ada yang taruh racun di kopi saya waktu rapat desa.",
   QUALITY_CLEAN, 0},
  {"Kemarin racun tikus tercampur di makanan pasien puskesmas.",
   QUALITY_CLEAN, 0},
  /* Poison already put in an official's food: the harm is still ahead. */
  {"Saya sudah campur racun di kopi kepala dusun, biar dia rasa.",
   QUALITY_THREAT, 0},
  {"Beta su taruh racun di air minum pak lurah supaya dia tahu rasa.",
   QUALITY_THREAT, 0},
  {"Saya sudah taruh racun tikus di gudang kantor desa supaya beras aman.",
   QUALITY_CLEAN, 0},
  /* The food owned by "-nya" ("di kopinya"): someone else's; the
   * reporter's own cup ("kopi saya") or a store ("gudangnya") is none. */
  {"Bendahara SMPN 2 Soe makan dana BOS. Nanti saya taruh racun tikus di "
   "kopinya biar dia rasa.", QUALITY_THREAT, 0},
  {"Kalau dana tidak kembali, beta campur racun di makanannya.",
   QUALITY_THREAT, 0},
  {"Nanti saya taruh racun tikus di gudangnya biar tikus mati.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_poison_served)
{
  judge_rows(poison_cases, N(poison_cases));
}
END_TEST

/* Intent shown without an intent word: a day of this month set for the
 * violence ("tanggal 20 kami bakar ..."), or a repeated offence as its
 * condition ("sekali lagi ..., saya tikam di tempat").  A full date is a
 * past event told; "saya" after an official is "my"; a drum beaten is
 * none. */
static const struct judge_case deadline_cases[] = {
  {"Tanggal 20 kami bakar truk pengangkut pasir di proyek itu.",
   QUALITY_THREAT, 0},
  {"Sekali lagi bendahara potong gaji kami, beta tikam di tempat.",
   QUALITY_THREAT, 0},
  {"Tanggal 17 Agustus 2023 kami bakar ban bekas di depan kantor bupati "
   "sebagai protes.", QUALITY_CLEAN, 0},
  {"Tanggal 5 kemarin kami bakar ban bekas di depan kantor camat.",
   QUALITY_CLEAN, 0},
  {"Tanggal 17 kami bakar sampah di lapangan desa.", QUALITY_CLEAN, 0},
  {"Sekali lagi kami minta bupati turun tangan, kami sudah lapor tiga "
   "kali.", QUALITY_CLEAN, 0},
  {"Kepala sekolah saya pukul anak-anak dengan rotan, mohon ditindak",
   QUALITY_CLEAN, 0},
  {"Sa pukul kentongan panggil warga rapat, kades sonde datang",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_deadline_intent)
{
  judge_rows(deadline_cases, N(deadline_cases));
}
END_TEST

/* A death promised to the one addressed on a condition of theirs ("kalau
 * ko lapor, dia mati"): a threat; written by an official in a message the
 * reporter quotes, it is accepted and flagged.  A doctor's warning or a
 * death feared has no "you" in its condition. */
static const struct judge_case sms_cases[] = {
  {"Camat kirim SMS ke adik saya: kalau kau lapor polisi, dia mati.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Kades kirim pesan ke saya, kalau ko bicara ke wartawan, ko pung anak "
   "mati.", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Dokter bilang kalau tidak dioperasi minggu ini, dia mati.",
   QUALITY_CLEAN, 0},
  {"Kalau ambulans tidak datang cepat, dia mati di jalan.", QUALITY_CLEAN,
   0},
  {"Saya kirim SMS ke camat, tapi tidak dibalas sampai sekarang.",
   QUALITY_CLEAN, 0},
  {"Saya sudah kirim SMS ke camat: kalau kau tidak bayar, kau mati.",
   QUALITY_THREAT, 0},
};

START_TEST(quality_judge_quoted_message)
{
  judge_rows(sms_cases, N(sms_cases));
}
END_TEST

/* Harm promised as an outcome, with no verb of violence: an official's
 * days numbered, their car overturned, their blood spilt, an office razed
 * at the reporter's signal, casualties the reporter promises, "don't look
 * for me if someone is hurt".  The same outcomes reported as past, as an
 * accident, or feared for oneself pass. */
static const struct judge_case outcome_cases[] = {
  {"Sampaikan ke Pak Camat, hari-harinya tidak lama lagi.",
   QUALITY_THREAT, 0},
  {"Kades itu tunggu saja, nanti motornya akan terbalik di tanjakan.",
   QUALITY_THREAT, 0},
  {"Pak Camat tunggu saja, suatu hari mobilnya akan terbalik.",
   QUALITY_THREAT, 0},
  {"Bendahara itu lebih baik mundur sebelum darahnya tumpah di kantor ini.",
   QUALITY_THREAT, 0},
  {"Pemuda sudah siap, tinggal saya kasi tanda, rumah camat rata dengan "
   "tanah.", QUALITY_THREAT, 0},
  {"Akan ada korban kalau camat tidak dicopot bulan ini. Itu janji kami.",
   QUALITY_THREAT, 0},
  {"Jang cari beta kalau ada yang luka di kantor desa besok.",
   QUALITY_THREAT, 0},
  {"Ibu saya sakit keras, dokter bilang hari-harinya tidak lama lagi.",
   QUALITY_CLEAN, 0},
  {"Truk proyek terbalik di tanjakan Soe karena jalan tidak pernah "
   "diperbaiki.", QUALITY_CLEAN, 0},
  {"Darah pasien tumpah di lantai karena perawat tidak ada, sebelum "
   "dokter datang.", QUALITY_CLEAN, 0},
  {"Tahun lalu pasar kami rata dengan tanah karena banjir, bantuan belum "
   "datang.", QUALITY_CLEAN, 0},
  {"Akan ada korban jiwa kalau jembatan ini tidak diperbaiki. Itu yang "
   "kami takutkan.", QUALITY_CLEAN, 0},
  {"Jangan cari kami di rumah, kami sedang mengungsi karena banjir.",
   QUALITY_CLEAN, 0},
  {"Jalan itu akan selesai bulan depan. Itu janji camat waktu "
   "kampanye.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_outcome_promised)
{
  judge_rows(outcome_cases, N(outcome_cases));
}
END_TEST

/* No one safe, no one alive: "awas saja, anak istri kepala desa tidak
 * akan aman", "kami akan kepung ... dan tidak ada yang keluar
 * hidup-hidup".  A disaster told, a fear, or a road unsafe are none. */
static const struct judge_case unsafe_cases[] = {
  {"Awas saja ya, keluarga camat itu tidak akan aman.", QUALITY_THREAT, 0},
  {"Kami akan datangi rumah kades malam ini dan tidak ada yang keluar "
   "hidup-hidup.", QUALITY_THREAT, 0},
  {"Awas saja, jalan ke Soe tidak akan aman kalau jembatan tidak "
   "diperbaiki.", QUALITY_CLEAN, 0},
  {"Pasar Inpres terbakar tadi malam dan tidak ada yang keluar "
   "hidup-hidup dari kios itu.", QUALITY_CLEAN, 0},
  {"Kami takut tidak ada yang selamat kalau banjir datang lagi.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_none_safe)
{
  judge_rows(unsafe_cases, N(unsafe_cases));
}
END_TEST

/* The reporter knows where an official's family lives and only waits:
 * "saya sudah tahu rumah anaknya, tinggal tunggu waktu saja".  Their own
 * house awaited for eviction, or an address known with no waiting, is
 * none. */
static const struct judge_case home_known_cases[] = {
  {"Beta su tahu rumah istrinya di Atambua, tinggal tunggu waktu saja.",
   QUALITY_THREAT, 0},
  {"Kami sudah tahu rumah bendahara itu, tunggu saja.", QUALITY_THREAT, 0},
  {"Saya tahu rumah saya akan digusur, tinggal tunggu waktu saja.",
   QUALITY_CLEAN, 0},
  {"Saya sudah tahu rumah kades, tapi dia tidak pernah ada di rumah.",
   QUALITY_CLEAN, 0},
  /* The way to the house known ("jalan ke rumahnya") after a warning, as
   * the house itself is; the same in a plain story is none. */
  {"Pak kades Oesao sebaiknya hati-hati pulang malam, karena saya dan "
   "parang saya sudah tahu jalan ke rumahnya.", QUALITY_THREAT, 0},
  {"Bendahara itu sebaiknya hati-hati, kami sudah tahu jalan menuju "
   "rumahnya.", QUALITY_THREAT, 0},
  {"Saya sudah tahu jalan ke rumahnya karena dulu sering antar surat ke "
   "kepala desa.", QUALITY_CLEAN, 0},
  {"Waktu itu saya belum tahu jalan ke rumah kades, jadi saya tanya "
   "warga.", QUALITY_CLEAN, 0},
  /* An official's vehicle known by heart ("hafal dia punya motor",
   * "motornya") as the house is, and the waiting to see him home in the
   * next sentence; the same told of a road, a parked car or a hearing to
   * come is none. */
  {"Bilang sama Pak Kadis, jalan pulang ke Oesao itu gelap dan orang-orang "
   "saya sudah hafal dia punya motor. Kita lihat saja dia sampai di rumah "
   "atau tidak.", QUALITY_THREAT, 0},
  {"Kami sudah hafal motornya bendahara itu. Tunggu saja dia pulang malam "
   "ini.", QUALITY_THREAT, 0},
  {"Orang-orang saya sudah hafal jalannya karena tiap hari kami lewat "
   "situ.", QUALITY_CLEAN, 0},
  {"Orang-orang saya sudah hafal dia punya motor karena dia parkir di depan "
   "kios tiap hari. Kita lihat saja nanti hasil pemeriksaannya.",
   QUALITY_CLEAN, 0},
  {"Saya tahu mobil dinas itu dipakai istrinya ke pasar tiap hari.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_home_known)
{
  judge_rows(home_known_cases, N(home_known_cases));
}
END_TEST

/* "Sonde usah banyak omong", "jangan banyak bicara": a verb of saying
 * told not to be done introduces no one's words; the threat after it is
 * the reporter's.  The same words inside an official's quoted speech
 * stay reported. */
static const struct judge_case hushed_cases[] = {
  {"Sonde usah banyak omong, nanti beta pi potong dia pung tangan biar "
   "dia tau rasa.", QUALITY_THREAT, 0},
  {"Jangan banyak bicara, saya tembak kau nanti.", QUALITY_THREAT, 0},
  {"Kades bilang sonde usah banyak omong, nanti dia potong beta pung "
   "tangan.", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Petugas itu bilang: jangan banyak omong, nanti saya pukul kau.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_hushed_saying)
{
  judge_rows(hushed_cases, N(hushed_cases));
}
END_TEST

/* "Tetangga saya bilang ...", "Teman kerja kami mengatakan ...": the
 * reporter's word owns the one who speaks; what follows is that person's
 * words, reported and flagged.  The reporter speaking ("Saya bilang",
 * "sudah saya bilang") keeps the words the reporter's. */
static const struct judge_case owned_speaker_cases[] = {
  {"Tetangga saya bilang dia akan membakar kantor desa kalau dana BLT "
   "tidak dibagi; saya tidak setuju, tolong kepala desanya segera "
   "diperiksa.", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Teman kerja saya mengatakan dia mau bunuh bendahara itu kalau gaji "
   "tidak dibayar.", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Adik saya sudah bilang kepala dusun itu akan dia pukul.", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"Saya bilang kalau dana tidak kembali saya bakar kantor desa.",
   QUALITY_THREAT, 0},
  {"Sudah saya bilang, kalau dana tidak kembali saya bakar kantor desa.",
   QUALITY_THREAT, 0},
  {"Jadi saya bilang kalau dana tidak kembali saya bakar kantor desa.",
   QUALITY_THREAT, 0},
};

START_TEST(quality_judge_owned_speaker)
{
  judge_rows(owned_speaker_cases, N(owned_speaker_cases));
}
END_TEST

/* The reporter's pledge ("saya pastikan", "saya jamin") that someone
 * suffers a passive verb of violence, or is cast into the sea or a
 * river: harm the reporter guarantees.  Rubbish cast into the sea, a
 * beating witnessed ("waktu itu", by the police) or protection promised
 * are none. */
static const struct judge_case pledged_harm_cases[] = {
  {"Pegawai Syahbandar Pelabuhan Tenau yang tarik uang tiket dua kali itu, "
   "saya pastikan dia dibuang ke laut kalau dia naik kapal ke Rote.",
   QUALITY_THREAT, 0},
  {"Kepala dinas itu saya jamin dipukul kalau datang ke kampung kami.",
   QUALITY_THREAT, 0},
  {"Saya pastikan kau diceburkan ke sungai kalau masih minta uang.",
   QUALITY_THREAT, 0},
  {"Sampah pasar dibuang ke laut tiap malam, saya pastikan petugas "
   "kebersihan tahu.", QUALITY_CLEAN, 0},
  {"Saya pastikan dia dipukul oleh polisi waktu itu, saya lihat sendiri.",
   QUALITY_CLEAN, 0},
  {"Saya jamin dia tidak dipukul kalau dia datang melapor.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_pledged_harm)
{
  judge_rows(pledged_harm_cases, N(pledged_harm_cases));
}
END_TEST

/* Ruin sent as a message to an official ("bilang sama itu mandor, malam
 * nanti dia pung rumah jadi abu"), and a building gone or in ruins when
 * the reporter has readied fuel ("kami sudah siapkan bensin").  A fire
 * told, fuel for a generator, an office with no staff are none. */
static const struct judge_case readied_ruin_cases[] = {
  {"Bilang sama itu mandor, malam nanti dia pung rumah jadi abu.",
   QUALITY_THREAT, 0},
  {"Pak kades jangan kaget kalau besok kantor desa sudah tidak ada, kami "
   "sudah siapkan bensin.", QUALITY_THREAT, 0},
  {"Kami sudah siapkan bensin, malam ini gudang beras Bulog di Atambua "
   "tinggal kenangan.", QUALITY_THREAT, 0},
  {"Bilang sama camat, rumah warga di Oesao sudah jadi abu karena "
   "kebakaran, tolong bantu.", QUALITY_CLEAN, 0},
  {"Kami sudah siapkan bensin untuk genset, kantor desa tidak ada "
   "listrik.", QUALITY_CLEAN, 0},
  {"Jangan kaget kalau besok kantor desa sudah tidak ada pegawai, mereka "
   "semua ke pesta.", QUALITY_CLEAN, 0},
  {"Kantor desa sudah tidak ada sejak kebakaran, kami sudah siapkan "
   "bensin untuk genset di balai.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_readied_ruin)
{
  judge_rows(readied_ruin_cases, N(readied_ruin_cases));
}
END_TEST

/* Harm to an official's family promised: "anak istrinya yang akan
 * tanggung akibatnya" after a condition on the official, "keluarga
 * kepala desa akan ikut menanggung akibatnya" after "tunggu saja".  The
 * reporter's own family, people hurt by a policy, or the words of an
 * official are none. */
static const struct judge_case kin_cases[] = {
  {"Kalau kepala sekolah tetap potong gaji honorer, anak istrinya yang "
   "akan tanggung akibatnya.", QUALITY_THREAT, 0},
  {"Tunggu saja, keluarga kepala desa akan ikut menanggung akibatnya, "
   "anak istrinya tidak akan aman lagi.", QUALITY_THREAT, 0},
  {"Kalau jembatan tidak diperbaiki, anak istri kami yang akan tanggung "
   "akibatnya.", QUALITY_CLEAN, 0},
  {"Kalau gaji terus dipotong, keluarga guru honorer yang akan menanggung "
   "akibatnya.", QUALITY_CLEAN, 0},
  {"Anak istri saya tidak akan aman lagi kalau jalan ini tidak "
   "diperbaiki.", QUALITY_CLEAN, 0},
  {"Kepala desa bilang anak istri saya akan tanggung akibatnya kalau saya "
   "lapor.", QUALITY_CLEAN, 0},
  /* "ikut kena" (hit too) ending the clause, or "kena akibatnya", is the
   * consequence borne; "kena demam" is an illness. */
  {"Kalau camat tidak kembalikan uang kami minggu ini, kami buat dia susah, "
   "anak istrinya juga ikut kena.", QUALITY_THREAT, 0},
  {"Kalau kades masih potong BLT, keluarganya nanti kena getahnya.",
   QUALITY_THREAT, 0},
  {"Kalau kades sakit, anak istrinya juga ikut kena demam.", QUALITY_CLEAN,
   0},
  {"Kalau gaji terus dipotong, keluarga guru honorer ikut kena.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_kin_harmed)
{
  judge_rows(kin_cases, N(kin_cases));
}
END_TEST

/* A death asked of an official with menace after it: "lurah itu su
 * bosan hidup ko? biar dia rasa nanti", "kepala puskesmas mau mati kah?
 * ... lihat sa nanti".  The reporter weary of life, a question with no
 * menace, or the official asking it of the reporter are none. */
static const struct judge_case death_question_cases[] = {
  {"Lurah itu su bosan hidup ko? biar dia rasa nanti, beta sonde "
   "main-main", QUALITY_THREAT, 0},
  {"ini kepala puskesmas mau mati kah? su dua bulan obat sonde ada, lihat "
   "sa nanti.", QUALITY_THREAT, 0},
  {"Kades itu cari mati ya? Lihat saja nanti.", QUALITY_THREAT, 0},
  {"Saya sudah bosan hidup susah begini, tolong bantu kami.",
   QUALITY_CLEAN, 0},
  {"Kepala puskesmas itu mau mati kah? Sudah tiga hari tidak masuk "
   "kantor, kami khawatir dia sakit.", QUALITY_CLEAN, 0},
  {"Kepala puskesmas bilang ke saya: mau mati kah? lihat saja nanti.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_death_question)
{
  judge_rows(death_question_cases, N(death_question_cases));
}
END_TEST

/* An official's life ahead taken away by the reporter: "bendahara itu
 * tidak akan lihat Natal tahun ini" sworn, "nyawanya ada di tangan
 * saya".  A relative feared for, a patient in a doctor's hands, or the
 * reporter's own life in God's are none. */
static const struct judge_case life_taken_cases[] = {
  {"Saya sumpah demi Tuhan, bendahara sekolah itu tidak akan lihat Natal "
   "tahun ini.", QUALITY_THREAT, 0},
  {"Camat itu tidak akan sempat rayakan tahun baru kalau dana desa tidak "
   "kembali.", QUALITY_THREAT, 0},
  {"Tolong sampaikan ke Pak Kades: nyawanya ada di tangan saya. Uang "
   "dana desa harus kembali.", QUALITY_THREAT, 0},
  {"Saya takut ibu saya tidak akan lihat Natal tahun ini karena obat "
   "tidak ada.", QUALITY_CLEAN, 0},
  {"Kepala sekolah tidak akan lihat laporan ini kalau tidak dibawa ke "
   "dinas.", QUALITY_CLEAN, 0},
  {"Nyawa pasien ada di tangan dokter, tapi dokter tidak datang.",
   QUALITY_CLEAN, 0},
  {"Nyawa saya ada di tangan Tuhan, saya hanya minta keadilan.",
   QUALITY_CLEAN, 0},
  /* The other half of an ultimatum ("kembalikan ... sebelum Natal, atau
   * dia ..."), or a message relayed to the official, frames it as the
   * reporter's doing as well; a death foretold for a patient, an
   * official busy elsewhere or a reporter's own lost holiday are none. */
  {"Tolong sampaikan ke Pak Sekdes Borik: uang sertifikat kembalikan "
   "sebelum Natal, atau dia tidak akan sempat lihat tahun baru.",
   QUALITY_THREAT, 0},
  {"Dana BOS itu kembalikan sebelum Paskah, atau kepala sekolah tidak "
   "akan lihat Paskah tahun depan.", QUALITY_THREAT, 0},
  {"Sampaikan ke pak camat: dia tidak akan sempat rayakan Natal tahun "
   "ini.", QUALITY_THREAT, 0},
  {"Urus sertifikat sebelum Natal atau bayar denda, camat bilang dia "
   "tidak akan sempat lihat berkasnya.", QUALITY_CLEAN, 0},
  {"Kembalikan KTP saya sebelum Natal, atau saya tidak akan sempat lihat "
   "tahun baru di kampung.", QUALITY_CLEAN, 0},
  {"Tolong sampaikan ke Pak Kades: bapak saya tidak akan lihat Natal "
   "karena rujukan ditolak.", QUALITY_CLEAN, 0},
  /* "Tunggu saja, ..." opening the sentence frames it as well; a project
   * not seen finished, or the reporter's relative, are none. */
  {"Tunggu saja, Kepala UPT Pasar Inpres Naikoten itu tidak akan sempat "
   "lihat tahun baru.", QUALITY_THREAT, 0},
  {"Awas saja, bendahara desa itu tidak akan lihat Natal.", QUALITY_THREAT,
   0},
  {"Tunggu saja, kepala desa tidak akan sempat lihat hasilnya karena "
   "proyek itu baru selesai tahun depan.", QUALITY_CLEAN, 0},
  {"Tunggu saja, bapak saya tidak akan sempat lihat tahun baru kalau "
   "rujukan terus ditolak.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_life_taken)
{
  judge_rows(life_taken_cases, N(life_taken_cases));
}
END_TEST

/* The target's home known and a visit or a weapon of the reporter's:
 * "beta tau dia pung rumah. Nanti malam beta datang.", "saya punya
 * senapan rakitan ... dan saya tahu di mana bendahara desa itu
 * tinggal".  A visit with an errand, or an office's address, are none. */
static const struct judge_case home_visit_cases[] = {
  {"Awas ee, itu mantri di pustu Oesao, beta tau dia pung rumah. Nanti "
   "malam beta datang.", QUALITY_THREAT, 0},
  {"Saya punya senapan rakitan di rumah dan saya tahu di mana bendahara "
   "desa itu tinggal.", QUALITY_THREAT, 0},
  {"Beta tau rumah kades, besok malam beta datang.", QUALITY_THREAT, 0},
  {"Saya tahu rumah kades, besok saya datang untuk minta surat "
   "pengantar.", QUALITY_CLEAN, 0},
  {"Saya tahu di mana kantor camat, besok saya datang bawa berkas.",
   QUALITY_CLEAN, 0},
  {"Saya punya senapan angin untuk berburu, tapi polisi sita karena tidak "
   "ada izin.", QUALITY_CLEAN, 0},
  /* A weapon held ("pegang kelewang") arms the reporter as one brought
   * does; holding money or an office is none. */
  {"Beta su pegang kelewang, malam ni beta pi cari itu Babinsa yang pukul "
   "beta pung bapa di pos.", QUALITY_THREAT, 0},
  {"Saya pegang uang kas kelompok tani, malam ini saya cari kades untuk "
   "tanda tangan.", QUALITY_CLEAN, 0},
  {"Saya pegang parang untuk potong rumput di kantor desa.", QUALITY_CLEAN,
   0},
  /* A parang carried or held for work (kerja bakti, to the garden,
   * cutting wood) is a tool, though an official is named later in the
   * sentence; brought to the official, or with harm said, it arms. */
  {"Saya yang bawa parang waktu kerja bakti, kades hanya duduk.",
   QUALITY_CLEAN, 0},
  {"Kami bawa parang ke kebun, kepala desa datang minta uang sewa lahan.",
   QUALITY_CLEAN, 0},
  {"Saya pegang parang waktu potong kayu, lalu kades datang marah-marah.",
   QUALITY_CLEAN, 0},
  {"Bapa bawa parang ke ladang untuk panen jagung, lurah datang tagih "
   "pajak.", QUALITY_CLEAN, 0},
  {"Kami bawa parang ke kebun kades, biar dia tahu rasa.", QUALITY_THREAT,
   0},
  {"Saya bawa parang waktu kerja bakti, kalau kades datang lagi saya tebas "
   "dia.", QUALITY_THREAT, 0},
  {"Kami bawa parang ke kantor desa, kepala desa harus keluar.",
   QUALITY_THREAT, 0},
  /* An official opening the next clause with a story of their own
   * ("kades datang marah-marah") is its subject, not the weapon's
   * target; with a must, a time, a condition or a wait there, it is. */
  {"Saya bawa parang, kades datang marah-marah.", QUALITY_CLEAN, 0},
  {"Kami pegang parang, kepala desa datang minta uang sewa lahan.",
   QUALITY_CLEAN, 0},
  {"Kami bawa parang, kepala desa harus keluar dari desa ini.",
   QUALITY_THREAT, 0},
  {"Saya bawa parang, kades besok jangan lewat sini.", QUALITY_THREAT, 0},
  {"Saya sudah siapkan parang, camat tinggal tunggu.", QUALITY_THREAT, 0},
  {"Saya bawa parang, kalau kades datang lagi dia habis.", QUALITY_THREAT,
   0},
};

START_TEST(quality_judge_home_visit)
{
  judge_rows(home_visit_cases, N(home_visit_cases));
}
END_TEST

/* An official warned of what may happen to them: "sekdes itu kalau
 * pulang malam hati-hati saja, ... apa yang bisa terjadi sama dia".  A
 * dangerous road with no one aimed at is none. */
static const struct judge_case befall_cases[] = {
  {"Sekdes itu kalau pulang malam hati-hati saja, jalan ke Oebobo gelap, "
   "tidak ada yang tahu apa yang bisa terjadi sama dia.", QUALITY_THREAT,
   0},
  {"Hati-hati kalau lewat jalan ke Oebobo malam, jalan gelap, tidak ada "
   "yang tahu apa yang bisa terjadi.", QUALITY_CLEAN, 0},
  {"Warga hati-hati saja kalau pulang malam, jalan ke Oebobo gelap, "
   "kecelakaan bisa terjadi sama kita semua.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_befall_warned)
{
  judge_rows(befall_cases, N(befall_cases));
}
END_TEST

/* "Jangan sampai saya siram air keras ke muka petugas": the reporter's
 * violence held back only for now is intended.  The reporter hurt, or a
 * harmless thing, is none. */
static const struct judge_case lest_cases[] = {
  {"Jangan sampai saya siram air keras ke muka petugas Dukcapil yang "
   "minta uang 500 ribu itu.", QUALITY_THREAT, 0},
  {"Jgn sampai beta potong itu mandor pung tangan.", QUALITY_THREAT, 0},
  {"Jangan sampai saya dipukul lagi oleh petugas itu.", QUALITY_CLEAN, 0},
  {"Jangan sampai kami bakar sampah di depan kantor lurah lagi.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_lest)
{
  judge_rows(lest_cases, N(lest_cases));
}
END_TEST

/* An ultimatum with blood: "kepala puskesmas harus turun dari jabatan
 * atau darahnya yang tumpah".  A patient's blood, or a plea to come
 * quickly, is none. */
static const struct judge_case blood_ultimatum_cases[] = {
  {"Kepala puskesmas harus turun dari jabatan atau darahnya yang tumpah "
   "di depan puskesmas.", QUALITY_THREAT, 0},
  {"Kades itu kembalikan uang kami atau darahnya akan tumpah.",
   QUALITY_THREAT, 0},
  {"Kepala puskesmas harus segera datang atau darah pasien tumpah terus.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_blood_ultimatum)
{
  judge_rows(blood_ultimatum_cases, N(blood_ultimatum_cases));
}
END_TEST

/* "Lurah itu minta dipukul": an official said to ask for violence, the
 * reporter lying in wait after it.  A wait with an errand, or the
 * official's words, are none. */
static const struct judge_case asking_cases[] = {
  {"Lurah itu minta dipukul. Nanti sore beta tunggu dia di pasar Inpres "
   "Naikoten.", QUALITY_THREAT, 0},
  {"Kades ini memang cari dihajar, besok saya tunggu dia di kantor desa.",
   QUALITY_THREAT, 0},
  {"Besok saya tunggu lurah di kantor untuk minta penjelasan.",
   QUALITY_CLEAN, 0},
  {"Lurah bilang saya ini minta dipukul, lalu dia suruh saya pulang.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_asking_for_it)
{
  judge_rows(asking_cases, N(asking_cases));
}
END_TEST

/* The reporter with their village ("kami warga se-kampung") coming and
 * burning: "se-" is "satu", and the verb chained by "dan" after their
 * coming is theirs.  A crowd bringing a letter is none. */
static const struct judge_case village_chain_cases[] = {
  {"Kami warga se-kampung akan datang ramai-ramai dan membakar rumah "
   "kontraktor jalan itu kalau proyeknya tidak selesai.", QUALITY_THREAT,
   0},
  {"Kami se-desa akan bakar kantor desa kalau BLT tidak dibagi.",
   QUALITY_THREAT, 0},
  {"Kami warga se-kampung akan datang ramai-ramai ke kantor camat dan "
   "membawa surat protes.", QUALITY_CLEAN, 0},
  {"Kami se-kampung dipukul petugas waktu demo di kantor bupati.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_village_chain)
{
  judge_rows(village_chain_cases, N(village_chain_cases));
}
END_TEST

/* The same words in a complaint: a patient's death asked about with a
 * plea to read the report, a table banged in anger, fuel brought for a
 * generator; and fuel brought to an office with "biar dia rasa" is
 * menace like a weapon brought. */
static const struct judge_case same_words_cases[] = {
  {"Pasien itu mau mati kah? Sudah tiga jam di IGD tidak ada dokter, "
   "tolong lihat saja laporan ini.", QUALITY_CLEAN, 0},
  {"Jangan sampai saya pukul meja di kantor itu karena kesal.",
   QUALITY_CLEAN, 0},
  {"Kami bawa bensin untuk genset ke kantor camat, biar dia rasa "
   "bagaimana kerja malam tanpa listrik.", QUALITY_CLEAN, 0},
  {"Besok kami datang ramai-ramai bawa bensin ke kantor camat, biar dia "
   "rasa.", QUALITY_THREAT, 0},
  {"Rumah kepala desa terbakar tadi malam, tinggal abu dan puing, "
   "keluarganya selamat.", QUALITY_CLEAN, 0},
  {"Saya tahu dia pung rumah, nanti sore beta pi antar surat.",
   QUALITY_CLEAN, 0},
  {"Bapak saya tidak akan lihat Natal tahun ini, dokter bilang kankernya "
   "parah.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_same_words)
{
  judge_rows(same_words_cases, N(same_words_cases));
}
END_TEST

/* An insult word said twice ("bodo-bodo", "maling maling") is the same
 * predicate; rats named twice in a store, or the words reported, are
 * not the reporter's insult. */
static const struct judge_case redup_cases[] = {
  {"itu polisi dong bodo-bodo, sonde mau urus laporan kecurian sapi",
   QUALITY_INSULT, 0},
  {"Pegawai kantor camat itu bodoh-bodoh semua, surat saja salah tulis.",
   QUALITY_INSULT, 0},
  {"Tikus-tikus di gudang Bulog makan beras raskin, petugas diam saja.",
   QUALITY_CLEAN, 0},
  {"Kami dibilang bodo-bodo oleh petugas loket waktu tanya syarat.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_reduplicated)
{
  judge_rows(redup_cases, N(redup_cases));
}
END_TEST

/* An animal or filth word as the character of an official ("bermental
 * tikus", "berhati babi"): aimed.  Rats in a drain, or a trait word with
 * nothing insulting after it, are none. */
static const struct judge_case trait_cases[] = {
  {"Petugas BPN bermental tikus got itu minta 5 juta untuk ukur tanah.",
   QUALITY_INSULT, 0},
  {"Kepala dinas berotak maling itu potong dana BOS.", QUALITY_INSULT, 0},
  {"Saluran di depan kantor lurah penuh tikus got, petugas tidak datang.",
   QUALITY_CLEAN, 0},
  {"Kami butuh petugas bermental baja, bukan yang minta uang.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_trait_insult)
{
  judge_rows(trait_cases, N(trait_cases));
}
END_TEST

/* Newcomers named by origin ("pendatang Bugis") are a group as much as
 * "orang Bugis"; a place to be cleansed of a group is a call to expel.
 * The reporter's own group, newcomers wronged, or a market cleaned of
 * rubbish are none. */
static const struct judge_case origin_cases[] = {
  {"Pendatang Bugis itu semua penipu, Pasar Inpres harus dibersihkan dari "
   "mereka.", QUALITY_SARA, 0},
  {"Kantor camat harus dibersihkan dari orang Sabu.", QUALITY_SARA, 0},
  {"Pasar Inpres harus dibersihkan dari pendatang Bugis.", QUALITY_SARA, 0},
  {"Kami pendatang Bugis di Oeba, surat izin usaha kami ditahan petugas.",
   QUALITY_CLEAN, 0},
  {"Pedagang pendatang Bugis di Pasar Inpres dimintai uang oleh petugas "
   "setiap hari.", QUALITY_CLEAN, 0},
  {"Pasar harus dibersihkan dari sampah, tapi petugas orang Rote itu "
   "tidak datang.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_origin_group)
{
  judge_rows(origin_cases, N(origin_cases));
}
END_TEST

/* A mind or a face of low worth said of an official: "otak keledai",
 * "otaknya di dengkul", "berotak kerbau", "berwajah setan".  A brain in
 * its literal or neutral sense (the mastermind of a crime, concussion,
 * brains sold as food) is none. */
static const struct judge_case mind_cases[] = {
  {"Kades Oesao otak kerbau, dana desa dipakai beli mobil.", QUALITY_INSULT,
   0},
  {"Camat Kota Raja itu otaknya di lutut, surat pindah saya ditahan dua "
   "minggu.", QUALITY_INSULT, 0},
  {"Kepala sekolah itu otaknya ditaruh di dengkul, dana BOS habis.",
   QUALITY_INSULT, 0},
  {"Petugas BPN berotak keledai itu minta uang 2 juta.", QUALITY_INSULT, 0},
  {"Kepala sekolah itu berwajah setan, gaji honorer ditahan.",
   QUALITY_INSULT, 0},
  {"Lurah membentak kami \"otak keledai kalian\" di depan warga.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Polisi belum tangkap otak pelaku pembakaran kios di pasar Oeba.",
   QUALITY_CLEAN, 0},
  {"Anak saya gegar otak setelah jatuh di sekolah, bidan tidak mau rujuk.",
   QUALITY_CLEAN, 0},
  {"Ibu saya dijual otak sapi oleh pedagang di pasar Inpres.", QUALITY_CLEAN,
   0},
  {"Lutut saya luka dan otak saya pusing karena antre 5 jam di Dukcapil.",
   QUALITY_CLEAN, 0},
  {"Kami butuh pegawai berwajah ramah di loket Dukcapil.", QUALITY_CLEAN, 0},
  /* The animal by comparison ("macam", "seperti", "kayak"): the face or
   * mind of the one addressed or of an official, not the animal. */
  {"Lu pung otak macam kerbau, pak sekdes, surat tanah beta hilang lagi.",
   QUALITY_INSULT, 0},
  {"Kepala dinas itu otaknya kayak keledai, laporan dana dikembalikan tiga "
   "kali.", QUALITY_INSULT, 0},
  {"Ko pung muka seperti babi, pak lurah, bantuan ternak ko potong "
   "separuh.", QUALITY_INSULT, 0},
  {"Anak sapi bantuan dinas mukanya seperti kerbau, bukan sapi bali.",
   QUALITY_CLEAN, 0},
  {"Saya pung otak macam mau pecah, antre di Dukcapil dari pagi.",
   QUALITY_CLEAN, 0},
  /* A [low] word right after the mind ("otak dengkul", "otak kosong"),
   * aimed: a mind of low worth as much as likened to one.  An empty
   * office beside the mastermind of a crime is none. */
  {"Pak lurah, lu ni memang otak kosong, surat tanah sonde diurus.",
   QUALITY_INSULT, 0},
  {"Kepala dinas itu otak dengkul, laporan dana ditolak terus.",
   QUALITY_INSULT, 0},
  {"Kantor desa kosong, otak pelaku pencurian beras belum ditangkap.",
   QUALITY_CLEAN, 0},
  {"Anak-anak jangan dibiarkan otak kosong, guru honor harus dibayar.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_mind_idiom)
{
  judge_rows(mind_cases, N(mind_cases));
}
END_TEST

/* "dasar orang kampung bodoh": a vocative opening its clause, a person
 * named by a few words, and the insult ending the clause is called out,
 * flagged when it is an official's words.  "Dasar aturan ... sampah"
 * names nobody. */
static const struct judge_case vocative_cases[] = {
  {"Satpam membentak ibu saya: dasar mama kampung bodoh, keluar sana.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Dasar pegawai kantor bodoh, surat saya hilang lagi.", QUALITY_INSULT, 0},
  {"Dasar aturan pungutan sampah tidak ada, petugas tetap tagih.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_vocative_phrase)
{
  judge_rows(vocative_cases, N(vocative_cases));
}
END_TEST

/* A call to make a group leave: "harus angkat kaki", "sebaiknya
 * diusir", "lebih baik dipulangkan".  Leaving oneself, a group driven
 * out (reported), an official's order, and "yang pulang dari pasar"
 * (going home) are none. */
static const struct judge_case expel_cases[] = {
  {"Pendatang dari Bima harus angkat kaki dari Kupang, mereka ambil lahan "
   "kami.", QUALITY_SARA, 0},
  {"Orang Sabu sebaiknya angkat kaki dari Oesapa.", QUALITY_SARA, 0},
  {"Orang Kristen di desa ini lebih baik disingkirkan saja.", QUALITY_SARA,
   0},
  {"Orang Bugis di pasar Oeba sebaiknya dipulangkan ke kampungnya.",
   QUALITY_SARA, 0},
  {"Orang Alor harus kembali ke daerah asal, jangan cari kerja di sini.",
   QUALITY_SARA, 0},
  {"Saya terpaksa angkat kaki dari kantor camat karena dibentak petugas.",
   QUALITY_CLEAN, 0},
  {"Orang Sabu terpaksa angkat kaki dari kampung setelah rumah mereka "
   "dibakar.", QUALITY_CLEAN, 0},
  {"Camat menyuruh orang Sabu angkat kaki dari pasar tanpa alasan.",
   QUALITY_CLEAN, 0},
  {"Kades bilang orang Flores harus angkat kaki dari desa ini.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Orang Sabu yang pulang dari pasar dipalak petugas retribusi.",
   QUALITY_CLEAN, 0},
  {"Sebaiknya petugas yang minta uang itu diusir dari kantor camat.",
   QUALITY_CLEAN, 0},
  /* Ordered out, the group the object of "suruh" opening its clause;
   * refugees named by origin. */
  {"Orang Bugis di Pasar Oeba, suruh mereka pulang ke kampungnya.",
   QUALITY_SARA, 0},
  {"Eks pengungsi Timor Leste di Kabupaten Belu, suruh dong kembali ke "
   "negara asal.", QUALITY_SARA, 0},
  {"Pengungsi Timor di Atambua sebaiknya kembali ke negaranya.",
   QUALITY_SARA, 0},
  {"Orang Sabu yang antre di Dukcapil, camat suruh mereka pulang dan datang "
   "besok.", QUALITY_CLEAN, 0},
  {"Eks pengungsi Timor Leste di Belu belum terima sertifikat tanah dari "
   "BPN.", QUALITY_CLEAN, 0},
  {"Suruh mereka pulang dulu, loket Dukcapil tutup jam dua.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_expel_call)
{
  judge_rows(expel_cases, N(expel_cases));
}
END_TEST

/* A group in SMS shorthand ("org", "smua"), and a trait put down to a
 * group ("orang Alor, pantas saja dia ..."): SARA.  "Tidak wajar" says
 * the opposite, and a skill explained by origin is no derogation. */
static const struct judge_case group_reason_cases[] = {
  {"org sabu smua penipu di kantor itu", QUALITY_SARA, 0},
  {"org Flores sebaiknya diusir dari sini.", QUALITY_SARA, 0},
  {"Camat itu orang Alor, pantas saja dia rakus dan licik.", QUALITY_SARA,
   0},
  {"Bendahara itu orang Rote, makanya dia penipu.", QUALITY_SARA, 0},
  {"Tidak wajar orang Sabu dipungut biaya dua kali di kantor camat.",
   QUALITY_CLEAN, 0},
  {"Kepala dinas itu orang Timor, wajar saja kalau dia paham adat di sana.",
   QUALITY_CLEAN, 0},
  {"org sabu di kampung kami belum dapat bantuan beras.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_group_reason)
{
  judge_rows(group_reason_cases, N(group_reason_cases));
}
END_TEST

/* An animal word with the office it preys on as a predicate ("tikus
 * kantor", "lintah desa") after a link word, said of someone named by
 * capitalised words: the office word makes it a person.  Rats and leeches
 * "di kantor", in a river, are animals. */
static const struct judge_case office_pest_cases[] = {
  {"Yosef Bria itu tikus kantor, uang kas desa hilang terus.",
   QUALITY_INSULT, 0},
  {"Kapus Oesao itu lintah desa, warga miskin tetap dipungut biaya.",
   QUALITY_INSULT, 0},
  {"Di Puskesmas Oesao itu tikus di kantor banyak sekali, obat digerogoti.",
   QUALITY_CLEAN, 0},
  {"Kali Oesao itu penuh lintah, anak-anak desa takut mandi.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_office_pest)
{
  judge_rows(office_pest_cases, N(office_pest_cases));
}
END_TEST

/* A group restated as a whole by a plural pronoun ("dong", "mereka")
 * and said to be unable to do something is a generalisation; unable
 * because of a stated cause, or to receive something, it is what
 * happened to them. */
static const struct judge_case incapable_cases[] = {
  {"Orang Sabu dong sonde bisa pimpin, kantor camat jadi kacau.",
   QUALITY_SARA, 0},
  {"Orang Flores mereka tidak bisa kerja di kantor.", QUALITY_SARA, 0},
  {"Orang Sabu dong sonde bisa urus KTP karena server rusak.", QUALITY_CLEAN,
   0},
  {"Orang Sabu dong sonde bisa dapat bantuan di kantor desa.", QUALITY_CLEAN,
   0},
  {"Kades bilang \"orang Timor dong sonde bisa kerja\" di rapat desa.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_group_incapable)
{
  judge_rows(incapable_cases, N(incapable_cases));
}
END_TEST

/* A group told that it must leave a place ("harus keluar dari"); the
 * group leaving told as an event, or someone else who must leave, is
 * none. */
static const struct judge_case must_leave_cases[] = {
  {"Orang Sabu harus segera keluar dari kantor bupati.", QUALITY_SARA, 0},
  {"Orang Bugis dong harus keluar dari pasar Oeba.", QUALITY_SARA, 0},
  {"Orang Rote keluar dari kantor gubernur jam dua siang.", QUALITY_CLEAN, 0},
  {"Orang Sabu yang sakit itu, pasien harus keluar dari RSUD hari ini.",
   QUALITY_CLEAN, 0},
  {"Camat mengatakan orang Rote harus keluar dari kantor gubernur.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_group_must_leave)
{
  judge_rows(must_leave_cases, N(must_leave_cases));
}
END_TEST

/* A group named by origin after a role noun ("mahasiswa Papua",
 * "pedagang Bugis") is named as much as after "orang"; the reporter's
 * own ("kami mahasiswa Papua") and plain facts about them are not. */
static const struct judge_case role_group_cases[] = {
  {"Pedagang Bugis di pasar Inpres itu penipu semua.", QUALITY_SARA, 0},
  {"Mahasiswa Flores di Kupang memang pemabuk semua.", QUALITY_SARA, 0},
  {"Mahasiswa Papua di Kupang belum dapat asrama dari pemda.", QUALITY_CLEAN,
   0},
  {"Kami mahasiswa Papua semua jadi korban penipu di asrama.", QUALITY_CLEAN,
   0},
  {"Pak camat bilang mahasiswa Papua di Kupang itu biang onar semua.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  /* A religion or people as the adjective of a plural of people
   * ("guru-guru Kristen", "para pegawai Katolik", "polisi2 Timor"). */
  {"Pegawai-pegawai Katolik di dinas itu munafik semua, naik pangkat "
   "karena orang dalam.", QUALITY_SARA, 0},
  {"Para guru Islam di SMP itu memang pemalas, masuk kelas cuma dua jam.",
   QUALITY_SARA, 0},
  {"Polisi2 Timor di Polsek Alak itu penipu semua.", QUALITY_SARA, 0},
  {"Guru-guru Kristen di sekolah itu belum terima gaji honor tiga bulan.",
   QUALITY_CLEAN, 0},
  {"Para pegawai Katolik di dinas itu dipaksa bayar iuran oleh kepala "
   "dinas.", QUALITY_CLEAN, 0},
  {"Guru-guru di sekolah Kristen itu semua jadi korban penipu arisan.",
   QUALITY_CLEAN, 0},
  /* The reporter's own group, in the words of the head ("kata kepala
   * sekolah" names who said them): flagged as reported. */
  {"Kami guru-guru Katolik di SD itu memang pemalas kata kepala sekolah.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_role_group)
{
  judge_rows(role_group_cases, N(role_group_cases));
}
END_TEST

/* "menyebut X sebagai Y": Y is what X was called.  Said by someone else
 * it is reported speech, filed and flagged; said by the reporter it is
 * the reporter's insult; a plain word after "sebagai" is none. */
static const struct judge_case named_as_cases[] = {
  {"Di kantor camat, kasi menyebut kami para petani sebagai sampah.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Kepala sekolah menyebut guru honorer sebagai binatang di depan murid.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Saya menyebut kades itu sebagai maling.", QUALITY_INSULT, 0},
  {"Sekdes menyebut para janda penerima BLT sebagai warga paling miskin.",
   QUALITY_CLEAN, 0},
  /* A religion or people named as a derogation ("sebagai", a [grouphead]
   * word between or not, quoted or not): reported, flagged; said by the
   * reporter, SARA. */
  {"Dalam rapat, kabag umum menyebut pegawai yang beragama Katolik sebagai "
   "\"kaum perusuh\" lalu memindahkan mereka.", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"Camat menyebut orang Sabu sebagai bangsa penipu di depan warga.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Saya sebut orang Sabu sebagai kaum penipu.", QUALITY_SARA, 0},
  {"Kabag menyebut pegawai yang beragama Islam sebagai \"kaum yang taat\".",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_named_as)
{
  judge_rows(named_as_cases, N(named_as_cases));
}
END_TEST

/* A verb of violence written without its vowels, as in an SMS ("hbsi",
 * "bnuh"), is the verb.  Shorthand that only looks alike ("pkl 9" for
 * the time, other words without vowels) is none. */
static const struct judge_case sms_verb_cases[] = {
  {"sy kasih wkt 3 hr, klo tdk dikembalikan uang PKH sy hbsi bendahara "
   "desa", QUALITY_THREAT, 0},
  {"klo dana tdk kmbli, sy bnuh itu kades", QUALITY_THREAT, 0},
  {"beta tkam itu kaur keuangan kalo doi sonde kembali", QUALITY_THREAT, 0},
  {"sy dtg pkl 9 ke kantor desa tp kades tdk ada di tmpt", QUALITY_CLEAN, 0},
  {"rmh sy dbkar org tdk dikenal, polisi blm dtg", QUALITY_CLEAN, 0},
  {"sy sdh bkin lprn ke kntr camat tp blm ada jwbn", QUALITY_CLEAN, 0},
  {"sy srng ke kantor camat tp kades tdk prnh ada", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_sms_verbs)
{
  judge_rows(sms_verb_cases, N(sms_verb_cases));
}
END_TEST

/* The reporter with the many they bring ("kami satu kampung", "kami
 * satu desa") is the agent still.  The many coming with a letter, or
 * hurt themselves, are none. */
static const struct judge_case one_village_cases[] = {
  {"Camat Kota Soe ingat baik-baik, hari Senin kalau jalan belum "
   "diperbaiki kami satu kampung datang bawa parang ke kantor camat.",
   QUALITY_THREAT, 0},
  {"Kami satu desa akan bakar kantor desa kalau BLT tidak dibagi.",
   QUALITY_THREAT, 0},
  {"Kami satu kampung datang ke kantor camat bawa surat keberatan.",
   QUALITY_CLEAN, 0},
  {"Kami satu keluarga dipukul petugas waktu antre bantuan.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_one_village)
{
  judge_rows(one_village_cases, N(one_village_cases));
}
END_TEST

/* The reporter with companions is the agent still: "saya dan adik-adik",
 * "beta deng beta pung kawan2", "kami dengan keluarga", "beta pung
 * ana2", "saya sendiri yang akan pasang bom".  The reporter and kin hurt,
 * an official hitting them, or the same verbs on a thing (cooking,
 * farming, an alarm) are none. */
static const struct judge_case companion_cases[] = {
  {"Besok saya dan adik-adik datang bakar kantor camat itu.",
   QUALITY_THREAT, 0},
  {"Kalau bantuan tidak turun, beta deng beta pung kawan2 pi hajar kepala "
   "desa.", QUALITY_THREAT, 0},
  {"beta pung ana2 su siap pi pukul dia sampai mati", QUALITY_THREAT, 0},
  {"Kami dengan keluarga akan datang bawa parang ke kantor desa.",
   QUALITY_THREAT, 0},
  {"Saya sendiri yang akan pasang bom di kantor dinas itu.", QUALITY_THREAT,
   0},
  {"Kemarin saya dan adik dipukul petugas Satpol PP di pasar.",
   QUALITY_CLEAN, 0},
  {"Petugas pukul saya dan adik saya di depan kantor camat.", QUALITY_CLEAN,
   0},
  {"Saya dan keluarga bakar sampah di belakang rumah setiap sore.",
   QUALITY_CLEAN, 0},
  {"Beta deng beta pung kawan2 potong ayam untuk pesta adat.", QUALITY_CLEAN,
   0},
  {"Saya dengan anak-anak pukul kentongan waktu ada kebakaran.",
   QUALITY_CLEAN, 0},
  {"Saya dan adik takut petugas itu datang bakar rumah kami.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_companion_agent)
{
  judge_rows(companion_cases, N(companion_cases));
}
END_TEST

/* Verbs of violence beyond the first list: strangling, dragging,
 * smashing a head.  Choking on food, a flood dragging a motorbike,
 * solving a problem ("pecahkan masalah") or fitting a meter are none. */
static const struct judge_case violence_class_cases[] = {
  {"Awas saja, saya cekik leher bendahara itu.", QUALITY_THREAT, 0},
  {"Kami ramai-ramai datang seret kepala desa keluar dari kantornya.",
   QUALITY_THREAT, 0},
  {"Besok saya pecahkan kepala mandor itu.", QUALITY_THREAT, 0},
  {"Kalau dana tidak cair, kami akan mencekik bendahara itu.",
   QUALITY_THREAT, 0},
  {"Saya akan memukuli mandor itu sampai mati.", QUALITY_THREAT, 0},
  {"Petugas itu mencekik leher anak saya kemarin di pasar.", QUALITY_CLEAN,
   0},
  {"Anak saya hampir tercekik biji jagung karena tidak ada guru jaga.",
   QUALITY_CLEAN, 0},
  {"Banjir menyeret motor warga dan kepala desa tidak datang.", QUALITY_CLEAN,
   0},
  {"Kami minta kepala sekolah pecahkan masalah ijazah ini.", QUALITY_CLEAN,
   0},
  {"Petugas PLN pasang meteran baru di rumah kami.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_violence_classes)
{
  judge_rows(violence_class_cases, N(violence_class_cases));
}
END_TEST

/* A voice note transcribed ("[pesan suara] ...") is the reporter's own
 * words, and "saya kasih tahu ya" is said by the reporter to the
 * listener: what follows is theirs.  An official's message or words
 * quoted are flagged, not refused. */
static const struct judge_case own_voice_cases[] = {
  {"[pesan suara] halo pak saya mau lapor camat ambil uang, saya kasih "
   "tahu ya kalau ketemu dia saya habisi dia", QUALITY_THREAT, 0},
  {"SMS dari kades: kalau lapor lagi saya habisi kamu.", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"[pesan suara] pak camat bilang dia mau bakar rumah saya kalau saya "
   "lapor", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  /* The label a word or two long ("transkrip pesan suara"). */
  {"[transkrip pesan suara] eh pak kades, kalau dana sonde kembali beta "
   "bunuh ko", QUALITY_THREAT, 0},
  {"Rekaman pesan WA: pak lurah, besok beta bakar lu pung kantor",
   QUALITY_THREAT, 0},
  {"Isi pesan kades ke saya: beta bunuh ko kalau lapor", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_own_voice)
{
  judge_rows(own_voice_cases, N(own_voice_cases));
}
END_TEST

/* "di beta pung tangan", "di saya punya tangan": the reporter's hand in
 * the Kupang possessive, as "di tangan saya".  Another's hand is none. */
static const struct judge_case own_hand_cases[] = {
  {"beta sumpah dia mati di beta pung tangan", QUALITY_THREAT, 0},
  {"Camat itu mampus di saya punya tangan kalau bantuan tidak cair.",
   QUALITY_THREAT, 0},
  {"Pasien itu mati di dokter pung tangan karena obat habis.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_own_hand)
{
  judge_rows(own_hand_cases, N(own_hand_cases));
}
END_TEST

/* The object of a verb of violence named second after "dan"/"atau"
 * ("bakar gardu dan kantornya"), and (advised_harm) violence advised on a
 * person or building ("kantor itu lebih baik dibom saja").  Rubbish and
 * twigs burnt, or a thing advised burnt, are none. */
static const struct judge_case second_target_cases[] = {
  {"Lewat dari itu saya dan adik-adik datang bakar gardu dan kantornya.",
   QUALITY_THREAT, 0},
  {"Kalau tidak dibayar, kami hancurkan pagar atau rumah mandor itu.",
   QUALITY_THREAT, 0},
  {"Kantor Dinas Sosial itu lebih baik dibom saja.", QUALITY_THREAT, 0},
  {"Kepala dusun itu sebaiknya dipukul saja biar kapok.", QUALITY_THREAT, 0},
  {"Kami bakar sampah dan ranting di kebun setiap musim kemarau.",
   QUALITY_CLEAN, 0},
  {"Sampah itu lebih baik dibakar saja daripada menumpuk di pasar.",
   QUALITY_CLEAN, 0},
  {"Petugas bakar sampah dan rumput di belakang kantor camat.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_second_target)
{
  judge_rows(second_target_cases, N(second_target_cases));
}
END_TEST

/* A message the reporter relays to an official ("Bilang sama dia, ...",
 * "Tolong sampaikan ke kepala Samsat: ...") aims what follows at that
 * official: a warning with harm befalling, harm to their family on a
 * condition, a weapon the reporter brings.  A hazard relayed, or a visit
 * with a letter, are none. */
static const struct judge_case relayed_cases[] = {
  {"Sampaikan ke pak camat, hati-hati kalau pulang malam, orang bisa saja "
   "celaka.", QUALITY_THREAT, 0},
  {"Bilang sama kepala sekolah, anak dan istrinya bisa celaka kalau ijazah "
   "tidak keluar.", QUALITY_THREAT, 0},
  {"Tolong sampaikan ke kepala dinas: kami sudah siap dan akan datang "
   "dengan parang.", QUALITY_THREAT, 0},
  {"Tolong sampaikan ke kepala dinas, jembatan di Oesao rusak dan anak "
   "sekolah bisa celaka kalau hujan.", QUALITY_CLEAN, 0},
  {"Bilang sama pak camat, kami sudah datang dengan surat tiga kali tapi "
   "tidak dilayani.", QUALITY_CLEAN, 0},
  {"Sampaikan ke bupati, warga takut orang bisa celaka karena jalan gelap.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_relayed_message)
{
  judge_rows(relayed_cases, N(relayed_cases));
}
END_TEST

/* "tinggal nama" (only a name left: dead) said of a person on a
 * condition or as the other half of an ultimatum.  An office or a
 * cooperative that exists only in name, or a relative long dead, is
 * none. */
static const struct judge_case name_left_cases[] = {
  {"Kalau saya ketemu camat itu di pasar, besoknya dia tinggal nama saja.",
   QUALITY_THREAT, 0},
  {"Kades itu pilih: kembalikan dana desa atau pulang tinggal nama.",
   QUALITY_THREAT, 0},
  {"Koperasi desa itu sekarang tinggal nama saja, uang anggota hilang.",
   QUALITY_CLEAN, 0},
  {"Kalau begini terus, kantor desa tinggal nama saja.", QUALITY_CLEAN, 0},
  {"Bapak saya sudah tinggal nama sejak banjir tahun 2010.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_name_left)
{
  judge_rows(name_left_cases, N(name_left_cases));
}
END_TEST

/* Verbs of violence to the body (assault, hostage-taking, a punch) and
 * the SMS shorthand of a building ("rmh", "kntr") as the target.  The
 * same verbs told of others, or of the past, are none. */
static const struct judge_case assault_cases[] = {
  {"Ini peringatan terakhir untuk kepala desa: dana tidak dibagi, kami "
   "sandera dia di balai desa.", QUALITY_THREAT, 0},
  {"Itu polisi yang minta uang, nanti beta tonjok dia pung muka.",
   QUALITY_THREAT, 0},
  {"Kalau lurah itu datang lagi, saya akan menganiaya dia.", QUALITY_THREAT,
   0},
  {"kpl desa itu sy b4kar rmhnya mlm ini", QUALITY_THREAT, 0},
  {"bsk sy bakar kntr camat itu", QUALITY_THREAT, 0},
  {"Oknum polisi menganiaya anak saya di pos Oesao.", QUALITY_CLEAN, 0},
  {"Kepala desa pernah tonjok warga di pasar tahun lalu.", QUALITY_CLEAN, 0},
  {"Warga menyandera mobil dinas sebagai protes kemarin.", QUALITY_CLEAN, 0},
  {"sy sdh ke rmh kades tp dia tdk ada", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_assault)
{
  judge_rows(assault_cases, N(assault_cases));
}
END_TEST

/* Reluctance denied ("tidak akan segan", "tak ragu", "sonde takut") is
 * a will: the reporter's violence after it is promised.  A plain denial
 * ("tidak akan") and fear of one's own harm are none. */
static const struct judge_case unhesitating_cases[] = {
  {"Apabila dalam tujuh hari tidak ada tindakan, saya tidak akan segan "
   "menganiaya oknum pegawai tersebut dengan tangan saya sendiri.",
   QUALITY_THREAT, 0},
  {"Kami tak ragu membakar kantor desa itu kalau dana tidak dibagi.",
   QUALITY_THREAT, 0},
  {"Beta sonde takut potong dia pung leher.", QUALITY_THREAT, 0},
  {"Saya tidak akan menganiaya siapa pun, saya hanya minta keadilan.",
   QUALITY_CLEAN, 0},
  {"Saya tidak segan melaporkan kepala desa itu ke polisi.", QUALITY_CLEAN,
   0},
  {"Saya takut dipukul kalau kepala desa tahu saya lapor.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_unhesitating)
{
  judge_rows(unhesitating_cases, N(unhesitating_cases));
}
END_TEST

/* A death wished on the one addressed with a place after it ("lu mati sa
 * di rumah") or with what they are called between ("lu orang miskin
 * mati sa"): refused as the reporter's, flagged when an official said it.
 * A death told, or without "sa"/"saja", is none. */
static const struct judge_case death_wish_cases[] = {
  {"Itu sopir ambulans desa omong ke mama, \"lu orang miskin mati sa di "
   "rumah\".", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Petugas itu bilang, \"kau mati saja di jalan\".", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"Lu orang rakus mati sa!", QUALITY_THREAT, 0},
  {"Kamu orang tua saya mati di rumah sakit karena tidak dilayani.",
   QUALITY_CLEAN, 0},
  {"Bapak mati di rumah karena ambulans tidak datang.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_death_wish)
{
  judge_rows(death_wish_cases, N(death_wish_cases));
}
END_TEST

/* Staff of an office named by religion or people right before it
 * ("pegawai Muslim", "guru Kristen") are a group, as "mahasiswa Papua"
 * are; making trouble ("bikin kacau", Kupang "bekin kaco") is a
 * derogation.  An office named with its town, a plain description and
 * trouble told of a place are none. */
static const struct judge_case staff_group_cases[] = {
  {"Pegawai Muslim di dinas ini tidak bisa dipercaya, pasti mereka yang "
   "ambil uangnya.", QUALITY_SARA, 0},
  {"Guru Kristen di sekolah itu semua pencuri.", QUALITY_SARA, 0},
  {"Orang Flores tu memang suka bekin kaco, pantas kantor dinas jadi "
   "rusak.", QUALITY_SARA, 0},
  {"Orang Sabu memang suka bikin kacau di pasar.", QUALITY_SARA, 0},
  {"Pegawai Muslim di dinas ini diberi libur waktu Idul Fitri.",
   QUALITY_CLEAN, 0},
  {"Pegawai Dukcapil Ende semua bodoh.", QUALITY_INSULT, 0},
  {"Orang Flores yang kerja di kantor camat bilang antrean di sana kacau.",
   QUALITY_CLEAN, 0},
  {"Saya orang Flores, pelayanan kantor dinas di sini kacau sekali.",
   QUALITY_CLEAN, 0},
  /* Staff named by a town or kabupaten of NTT ("pegawai Kupang", "guru
   * Sabu") are the office by its place, as "Pegawai Dinas Kupang" is: a
   * complaint about service.  By "orang", a religion, a people from
   * outside NTT, a trade ("pedagang"), or restated as a people, they are
   * a group still. */
  {"Pegawai Kupang semua malas, jam 10 belum datang ke kantor.",
   QUALITY_CLEAN, 0},
  {"Guru Sabu semua malas masuk kelas.", QUALITY_CLEAN, 0},
  {"Staf Rote semua malas, loket buka jam 11.", QUALITY_CLEAN, 0},
  {"Pegawai Dinas Kupang semua malas.", QUALITY_CLEAN, 0},
  {"Pegawai orang Sabu semua malas.", QUALITY_SARA, 0},
  {"Guru Kristen semua malas.", QUALITY_SARA, 0},
  {"Pegawai Cina semua malas.", QUALITY_SARA, 0},
  {"Pedagang Bugis semua penipu.", QUALITY_SARA, 0},
  {"Pedagang Sabu semua penipu.", QUALITY_SARA, 0},
  {"Pegawai Sabu semua malas, memang dong pung bangsa.", QUALITY_SARA, 0},
};

START_TEST(quality_judge_staff_group)
{
  judge_rows(staff_group_cases, N(staff_group_cases));
}
END_TEST

/* The reporter knowing where an official's child or family is ("saya
 * tahu anak kepala dinas sekolah di mana") is watching them, as knowing
 * the child's routine is: the family then made to bear what the
 * reporter wants is a threat.  Where one's own child goes, or a place
 * told without consequence, is none. */
static const struct judge_case kin_whereabouts_cases[] = {
  {"Saya tahu anak kepala BPBD Flotim sekolah di mana. Kalau bantuan "
   "banjir tidak sampai ke kampung kami, anaknya yang tanggung akibatnya.",
   QUALITY_THREAT, 0},
  {"Beta tau istri bendahara itu kerja di mana, kalau gaji sonde keluar "
   "dia pung istri yang tanggung.", QUALITY_THREAT, 0},
  {"Saya tahu anak saya sekolah di mana, tapi gurunya minta uang terus.",
   QUALITY_CLEAN, 0},
  {"Saya tahu anak kepala desa sekolah di mana karena anak saya juga "
   "sekolah di sana.", QUALITY_CLEAN, 0},
  {"Kalau dana BOS dipotong terus, anak-anak murid yang tanggung "
   "akibatnya.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_kin_whereabouts)
{
  judge_rows(kin_whereabouts_cases, N(kin_whereabouts_cases));
}
END_TEST

/* A warning relayed to an official with no comma after the official
 * ("Bilang sama kepala sekolah hati-hati jalan malam"), Kupang "bilang sa
 * ko" (tell them) too, then the reporter knowing their house: stalking
 * as a threat.  A plain goodbye and a warning about a road are none. */
static const struct judge_case relayed_warning_cases[] = {
  {"Bilang sa ko itu kepala sekolah hati-hati jalan malam-malam, botong su "
   "tau dia pung rumah di mana.", QUALITY_THREAT, 0},
  {"Bilang sama bendahara desa hati-hati kalau pulang malam, kami sudah "
   "tahu rumahnya.", QUALITY_THREAT, 0},
  {"Terima kasih pak, hati-hati di jalan. Saya tahu rumah bapak jauh.",
   QUALITY_CLEAN, 0},
  {"Bilang sama kepala desa hati-hati, jalan ke Oesao rusak berat dan "
   "belum diperbaiki.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_relayed_warning)
{
  judge_rows(relayed_warning_cases, N(relayed_warning_cases));
}
END_TEST

/* An official foretold to end in hospital "because of me" ("karena saya",
 * "gara-gara beta") is harm promised by its result, as the reporter's
 * pledge is.  An illness, a past stay or a reason that goes on ("karena
 * saya laporkan") is none. */
static const struct judge_case hospital_cause_cases[] = {
  {"Tunggu saja, sebentar lagi sekretaris camat Wewewa Barat itu akan "
   "masuk rumah sakit karena saya.", QUALITY_THREAT, 0},
  {"Bendahara desa itu nanti masuk RS gara-gara beta.", QUALITY_THREAT, 0},
  {"Ibu saya masuk rumah sakit karena sakit, tapi petugas minta uang.",
   QUALITY_CLEAN, 0},
  {"Kepala desa itu sudah masuk rumah sakit karena saya, kata orang "
   "kampung.", QUALITY_CLEAN, 0},
  {"Camat itu akan masuk rumah sakit karena saya laporkan dia punya "
   "penyakit ke dokter.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_hospital_cause)
{
  judge_rows(hospital_cause_cases, N(hospital_cause_cases));
}
END_TEST

/* The grave as where an official will be ("minggu depan dia sudah di
 * kuburan": "sudah" after a time to come is a future done), on a
 * condition on them earlier in the sentence, is a death promised as
 * "ke kuburan" is.  A grave visited, a burial told, and "sudah" of the
 * past are none. */
static const struct judge_case grave_by_then_cases[] = {
  {"Kepala UPT Pasar Oeba itu, kalau masih tarik retribusi liar, minggu "
   "depan dia sudah di kuburan.", QUALITY_THREAT, 0},
  {"Kalau camat itu masih potong dana desa, besok dia sudah di kuburan.",
   QUALITY_THREAT, 0},
  {"Kalau hujan, minggu depan kami sudah di kuburan untuk ziarah adat.",
   QUALITY_CLEAN, 0},
  {"Kepala desa itu sudah di kuburan sejak tahun lalu, tapi namanya masih "
   "dipakai tanda tangan.", QUALITY_CLEAN, 0},
  {"Kalau ada upacara, bupati biasanya di kuburan pahlawan.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_grave_by_then)
{
  judge_rows(grave_by_then_cases, N(grave_by_then_cases));
}
END_TEST

/* A warning with "sa"/"saja" and "itu" before the official ("Awas sa itu
 * guru ...") warns them as "awas pak guru" does; their way home lonely
 * ("sepi") or dark after it is menace.  A road complained of, or a
 * warning to the reporter's own, is none. */
static const struct judge_case lonely_road_cases[] = {
  {"Awas sa itu guru yang tahan ijazah anak saya, jalan pulang ke Oesao "
   "itu sepi dan gelap.", QUALITY_THREAT, 0},
  {"Awas saja itu bendahara, jalan ke rumahnya sepi.", QUALITY_THREAT, 0},
  {"Jalan pulang ke Oesao itu sepi dan gelap karena lampu jalan tidak "
   "pernah dipasang dinas PU.", QUALITY_CLEAN, 0},
  {"Awas sa anak-anak, jalan ke sekolah sepi dan gelap.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_lonely_road)
{
  judge_rows(lonely_road_cases, N(lonely_road_cases));
}
END_TEST

/* Poison put in an official's drink the Kupang way ("dia pung aer
 * minum": "aer" is water) is served as in "kopi pak sekdes".  Weed
 * killer sold at a shop, or water told of, is none. */
static const struct judge_case kupang_drink_cases[] = {
  {"Beta su beli racun rumput, nanti beta campur di dia pung aer minum, "
   "itu kepala desa Tuapukan biar dia rasa.", QUALITY_THREAT, 0},
  {"Racun rumput dijual di kios dekat kantor desa, harganya dinaikkan "
   "petugas.", QUALITY_CLEAN, 0},
  {"Aer minum di desa kami kotor dan kepala desa sonde mau perbaiki "
   "pipa.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_kupang_drink)
{
  judge_rows(kupang_drink_cases, N(kupang_drink_cases));
}
END_TEST

/* Someone who will not wake again ("dia sonde bangun lai", "tidak akan
 * bangun lagi"), a death said softly as "tinggal nama" is, with a time
 * to come in its clause and the reporter in the text.  A death told
 * ("tidak bangun lagi setelah disuntik"), a fear for one's own, and
 * "bangun" as building are none. */
static const struct judge_case never_wakes_cases[] = {
  {"Sonde usah lapor polisi lai, botong sendiri yang urus dia. Besok "
   "malam dia sonde bangun lai.", QUALITY_THREAT, 0},
  {"Bendahara desa itu jangan main-main dengan kami, minggu depan dia "
   "tidak akan bangun lagi.", QUALITY_THREAT, 0},
  {"Pasien itu tidak bangun lagi setelah disuntik bidan di puskesmas "
   "kemarin.", QUALITY_CLEAN, 0},
  {"Bapak saya sudah tidak bangun lagi waktu kami sampai di rumah sakit.",
   QUALITY_CLEAN, 0},
  {"Kata dokter, kalau tidak cepat dirujuk, dia bisa tidak bangun lagi.",
   QUALITY_CLEAN, 0},
  {"Dana desa dipakai kepala desa untuk bangun rumah pribadinya lagi.",
   QUALITY_CLEAN, 0},
  /* "Jangan kaget kalau ...", "jangan heran kalau ...": the death
   * foretold as a warning; a relative's illness given its reason is
   * none. */
  {"Kades Oefafi sudah potong dana BLT kami. Dia belum tahu dia berurusan "
   "dengan siapa. Jangan kaget kalau besok pagi dia tidak bangun lagi.",
   QUALITY_THREAT, 0},
  {"Jangan heran kalau malam ini bendahara itu tidak bangun lagi.",
   QUALITY_THREAT, 0},
  {"Jangan kaget kalau besok pagi kakek saya tidak bangun lagi, sakitnya "
   "sudah parah.", QUALITY_CLEAN, 0},
  {"Jangan kaget kalau besok pagi dia tidak bangun lagi karena demamnya "
   "tinggi sekali.", QUALITY_CLEAN, 0},
  /* The same promise with the grave as a destination ("ke kuburan",
   * "dikubur", "masuk liang lahat"), a life not long ("tidak akan hidup
   * lama") or a time not lived to ("tidak akan lewat bulan depan"),
   * after "tunggu saja" or in a message relayed to the official too.  A
   * burial told, a grave visited, a document's deadline, a death feared
   * are none. */
  {"Bendahara itu lebih baik pergi dari Soe sebelum kami antar dia ke "
   "kuburan.", QUALITY_THREAT, 0},
  {"Tunggu saja, camat Amabi itu tidak akan lewat bulan depan.",
   QUALITY_THREAT, 0},
  {"Sampaikan ke pak camat, kantor yang dia tipu itu nanti jadi tempat dia "
   "dikubur.", QUALITY_THREAT, 0},
  {"Lurah Oebobo itu saya jamin tidak akan hidup lama, lihat saja nanti.",
   QUALITY_THREAT, 0},
  {"Kalau dana desa tidak kembali, kades itu akan masuk liang lahat, "
   "percaya saya.", QUALITY_THREAT, 0},
  {"Bapak saya sudah dikubur kemarin di kampung.", QUALITY_CLEAN, 0},
  {"Besok saya ke kuburan bapak saya di Baun.", QUALITY_CLEAN, 0},
  {"Besok kami ke kuburan bapaknya bersama keluarga.", QUALITY_CLEAN, 0},
  {"Surat izin saya tidak akan lewat bulan ini, kata petugas.",
   QUALITY_CLEAN, 0},
  {"Saya takut mama saya tidak akan hidup lama kalau tidak dirujuk.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_never_wakes)
{
  judge_rows(never_wakes_cases, N(never_wakes_cases));
}
END_TEST

/* "harus mati", "pantas dibunuh" stop a draft said of a person, office
 * or building; rubbish, a field, grass or pests that must be burnt or
 * killed, and a patient in a complaint's rhetorical question, are none. */
static const struct judge_case must_cases[] = {
  {"Sampah di pasar harus dibakar supaya tidak bau.", QUALITY_CLEAN, 0},
  {"Apa pasien harus mati dulu baru dilayani?", QUALITY_CLEAN, 0},
  {"Lahan harus dibakar dulu sebelum tanam, tapi dilarang tanpa izin.",
   QUALITY_CLEAN, 0},
  {"Rumput kering di belakang kantor desa harus dibakar supaya tidak ada "
   "ular.", QUALITY_CLEAN, 0},
  {"Babi kami harus dibunuh karena flu babi tapi ganti rugi belum ada.",
   QUALITY_CLEAN, QUALITY_MARK_LITERAL},
  {"Nyamuk harus dibunuh dengan fogging, sudah tiga anak kena DBD.",
   QUALITY_CLEAN, 0},
  {"Saya harus mati dulu baru kalian layani?", QUALITY_CLEAN, 0},
  {"Kepala dinas itu harus mati kalau jalan tidak dibangun.",
   QUALITY_THREAT, 0},
  {"Kantor camat itu harus dibakar biar mereka tahu rasa.", QUALITY_THREAT,
   0},
  {"Harus dibunuh itu kades yang makan dana desa.", QUALITY_THREAT, 0},
  {"Lurah yang potong BLT itu layak dibunuh.", QUALITY_THREAT, 0},
};

START_TEST(quality_judge_must_harm)
{
  judge_rows(must_cases, N(must_cases));
}
END_TEST

/* A verb of violence done to a team in a game ("hajar tim kecamatan
 * 3-0" in a football match) is a result, not a threat; a person of the
 * same sentence aimed at is one still. */
static const struct judge_case game_cases[] = {
  {"Tim sepak bola desa kami hajar tim kecamatan 3-0 tapi hadiah tidak "
   "diberikan.", QUALITY_CLEAN, 0},
  {"Di turnamen voli kemarin kami hantam tim kelurahan, tapi panitia "
   "tahan piala.", QUALITY_CLEAN, 0},
  {"Kami akan hajar ketua panitia lomba kalau hadiah tidak dibayar.",
   QUALITY_THREAT, 0},
  {"Tim sukses bupati itu kami hajar kalau datang lagi.", QUALITY_THREAT,
   0},
  /* A team doing it to a team, the game named in another clause or
   * sentence of the text. */
  {"Lapangan bola desa sudah rusak; dulu tim kami membantai tim kecamatan "
   "5-0 di sana, sekarang tidak bisa dipakai.", QUALITY_CLEAN, 0},
  {"Turnamen voli desa dibatalkan. Kemarin tim kami hajar tim kecamatan "
   "4-1.", QUALITY_CLEAN, 0},
  {"Lapangan bola rusak. Tim kami akan bantai tim sukses bupati malam "
   "ini.", QUALITY_THREAT, 0},
};

START_TEST(quality_judge_game_played)
{
  judge_rows(game_cases, N(game_cases));
}
END_TEST

/* Strong words in a citizen's plain complaint: the harm is to rubbish, a
 * field, livestock or pests, the verb is a time, a guess, a disease or a
 * cut in aid, the kin are the reporter's own in a story, the group is
 * named in a neutral account, an official is to be sacked or tried.
 * None of these is the reporter's own threat, insult or slur. */
static const struct judge_case strong_words_cases[] = {
  /* Companions and visits. */
  {"Saya dan keluarga datang ke kantor camat untuk bertanya soal BLT.",
   QUALITY_CLEAN, 0},
  {"Kami satu kampung akan datang ke kantor bupati minggu depan untuk minta "
   "penjelasan.", QUALITY_CLEAN, 0},
  {"Beta deng beta pung adik su pi ke kantor desa tiga kali, sonde ada "
   "orang.", QUALITY_CLEAN, 0},
  /* Relayed messages about hazards. */
  {"Tolong sampaikan ke pak lurah, jalan ke desa kami rusak, bisa ada yang "
   "celaka.", QUALITY_CLEAN, 0},
  {"Bilang sama kepala dinas, tiang listrik di depan SD sudah miring, anak "
   "bisa mati tersetrum.", QUALITY_CLEAN, 0},
  /* Advice about an official's fate in office. */
  {"Sebaiknya kades dipecat saja karena dana desa tidak jelas.",
   QUALITY_CLEAN, 0},
  {"Kepala sekolah itu harus diperiksa dan diganti, uang komite hilang.",
   QUALITY_CLEAN, 0},
  {"Camat harus dicopot dari jabatannya kalau pungli terus dibiarkan.",
   QUALITY_CLEAN, 0},
  /* "tinggal nama" of things. */
  {"Puskesmas pembantu di desa kami tinggal nama, tidak ada bidan.",
   QUALITY_CLEAN, 0},
  {"Program air bersih itu tinggal nama, pipa sudah karat semua.",
   QUALITY_CLEAN, 0},
  /* "habis" of money and stock. */
  {"Dana desa habis tapi jalan tidak dibangun.", QUALITY_CLEAN, 0},
  {"Uang kami habis untuk bayar calo di Samsat.", QUALITY_CLEAN, 0},
  {"Stok obat di puskesmas habis sejak bulan lalu.", QUALITY_CLEAN, 0},
  /* "potong" of aid and pay. */
  {"Dana BLT dipotong dua ratus ribu oleh kepala dusun.", QUALITY_CLEAN, 0},
  {"Bendahara potong gaji honorer tanpa alasan.", QUALITY_CLEAN, 0},
  {"Kalau bantuan dipotong lagi, kami akan lapor ke inspektorat.",
   QUALITY_CLEAN, 0},
  {"Petugas PLN potong kabel listrik rumah kami padahal sudah bayar.",
   QUALITY_CLEAN, 0},
  /* "bakar" of fields and rubbish. */
  {"Warga terpaksa bakar sampah karena truk tidak datang dua minggu.",
   QUALITY_CLEAN, 0},
  {"Sawah kami dibakar orang tidak dikenal, polisi belum datang.",
   QUALITY_CLEAN, 0},
  /* "bunuh" of livestock and pests. */
  {"Petugas bunuh anjing warga tanpa pemberitahuan waktu vaksinasi rabies.",
   QUALITY_CLEAN, QUALITY_MARK_LITERAL},
  {"Kami minta obat untuk bunuh tikus yang serang padi.", QUALITY_CLEAN, 0},
  /* "mati" of electricity, water, phones, crops. */
  {"Lampu mati tiga hari di kelurahan Oesapa.", QUALITY_CLEAN, 0},
  {"Air mati sejak Senin, PDAM tidak ada kabar.", QUALITY_CLEAN, 0},
  {"HP saya mati waktu petugas telepon, jadi pengaduan saya dibatalkan.",
   QUALITY_CLEAN, 0},
  {"Kalau listrik mati lagi, pasien di puskesmas bisa mati.", QUALITY_CLEAN,
   0},
  {"Jagung kami mati semua karena pupuk subsidi tidak datang.",
   QUALITY_CLEAN, 0},
  {"Sapi bantuan banyak yang mati karena tidak diberi pakan.", QUALITY_CLEAN,
   0},
  /* "pukul" as a time. */
  {"Kantor desa baru buka pukul 10 padahal jadwal pukul 8.", QUALITY_CLEAN,
   0},
  {"Kami tunggu dari pukul tujuh pagi sampai pukul dua siang.",
   QUALITY_CLEAN, 0},
  /* "tembak" as guessing or a fixed price. */
  {"Petugas tembak harga SIM satu juta, tidak sesuai aturan.", QUALITY_CLEAN,
   0},
  {"Saya cuma tembak saja jumlahnya, sekitar lima ratus ribu.",
   QUALITY_CLEAN, 0},
  /* "serang" of disease and pests. */
  {"Hama wereng serang sawah kami, penyuluh tidak pernah datang.",
   QUALITY_CLEAN, 0},
  {"Demam berdarah serang anak-anak di Kelurahan Bakunase.", QUALITY_CLEAN,
   0},
  /* Kin in ordinary stories. */
  {"Anak dan istri saya sakit tapi ditolak di puskesmas.", QUALITY_CLEAN, 0},
  {"Mama saya meninggal di jalan karena ambulans tidak datang.",
   QUALITY_CLEAN, 0},
  {"Bapak saya dipukul petugas waktu antre BLT.", QUALITY_CLEAN, 0},
  /* Feasts. */
  {"Sebelum Natal bantuan belum cair.", QUALITY_CLEAN, 0},
  {"Menjelang Idul Fitri harga beras naik dan operasi pasar tidak ada.",
   QUALITY_CLEAN, 0},
  {"Gereja kami minta izin acara Paskah tapi dipersulit di kelurahan.",
   QUALITY_CLEAN, 0},
  /* Role groups in neutral statements. */
  {"Pedagang Bugis di pasar dimintai uang keamanan oleh petugas.",
   QUALITY_CLEAN, 0},
  {"Nelayan dari Flores ditahan di pelabuhan tanpa alasan.", QUALITY_CLEAN,
   0},
  {"Warga Sabu yang tinggal di Oebobo tidak dapat bantuan.", QUALITY_CLEAN,
   0},
  {"Jemaat gereja dan umat masjid sama-sama tidak dapat air bersih.",
   QUALITY_CLEAN, 0},
  /* "keluar dari" of an office as an event. */
  {"Saya keluar dari kantor camat jam dua tanpa dilayani.", QUALITY_CLEAN,
   0},
  {"Kepala dinas keluar dari ruangan waktu kami mau bicara.", QUALITY_CLEAN,
   0},
  /* "otak" of a crime. */
  {"Otak pungli di pasar itu adalah kepala pasar sendiri.", QUALITY_CLEAN,
   0},
  {"Kami minta polisi cari siapa otak pemotongan dana BLT.", QUALITY_CLEAN,
   0},
  /* Reported speech of officials. */
  {"Kades bilang kalau kami lapor, bantuan kami akan dicabut.",
   QUALITY_CLEAN, 0},
  {"Petugas mengatakan kami harus bayar dulu baru dilayani.", QUALITY_CLEAN,
   0},
  /* Plain strong complaint words. */
  {"Otak pungli itu harus ditangkap polisi.", QUALITY_CLEAN, 0},
  {"Kepala pasar itu harus dihukum dan dipecat.", QUALITY_CLEAN, 0},
  {"Bendahara desa harus diadili karena dana hilang.", QUALITY_CLEAN, 0},
  {"Pembunuh anak di desa kami belum ditangkap polisi.", QUALITY_CLEAN, 0},
  {"Mati lampu terus, pelanggan PLN di Soe rugi.", QUALITY_CLEAN, 0},
  {"Pak lurah sudah keluar dari kantor sebelum jam 12.", QUALITY_CLEAN, 0},
  {"Kami sudah habis kesabaran, besok kami demo damai di kantor DPRD.",
   QUALITY_CLEAN, 0},
  {"Warga Rote dan Sabu di kampung kami hidup rukun tapi air bersih tidak "
   "ada.", QUALITY_CLEAN, 0},
  {"Kami sudah muak dengan pelayanan di kantor Samsat.", QUALITY_CLEAN, 0},
  {"Jalan itu rusak parah, motor sering jatuh dan orang bisa mati.",
   QUALITY_CLEAN, 0},
  {"Anak saya hampir mati karena terlambat dirujuk ke RSUD.", QUALITY_CLEAN,
   0},
  {"Rumah kami hancur kena banjir tapi bantuan belum sampai.", QUALITY_CLEAN,
   0},
  {"Pohon besar di depan sekolah harus ditebang sebelum tumbang dan bunuh "
   "orang.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_strong_words)
{
  judge_rows(strong_words_cases, N(strong_words_cases));
}
END_TEST

/* A verb of saying in SMS shorthand (blg, blng, ngmg, ckp) with someone
 * else as its subject opens reported speech like the full word; a colon
 * after it does too.  The reporter's own "sy blg" stays theirs. */
static const struct judge_case sms_say_cases[] = {
  {"kades blg ke warga yg demo: sy bakar rmh kalian kl msh protes. sy "
   "lapor krn warga takut", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"camat ngmg ke kami: sy bakar rmh kalian kl msh protes", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"petugas blng sy bakar rmh kalian kl lapor lg", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"sy blg ke kades: sy bakar rmh kau kl dana tdk kembali", QUALITY_THREAT,
   0},
  {"kades blg ke warga yg demo: bantuan sudah habis", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_sms_say)
{
  judge_rows(sms_say_cases, N(sms_say_cases));
}
END_TEST

/* An animal as the predicate of a whole office ("... itu kerbau semua")
 * and a face or mind owned by an official with an animal after it
 * ("camat pung muka badak") insult; livestock counted or owned does
 * not. */
static const struct judge_case beast_cases[] = {
  {"Satpol PP Kota Kupang itu kerbau semua, main angkat jualan mama-mama "
   "di Pasar Kasih tanpa surat perintah.", QUALITY_INSULT, 0},
  {"Pegawai Dukcapil itu keledai semua, KTP saya salah lagi.",
   QUALITY_INSULT, 0},
  {"Itu camat pung muka badak, su ketahuan korupsi dana desa masih "
   "senyum-senyum di TV.", QUALITY_INSULT, 0},
  {"Kades punya otak kerbau, dana desa habis tanpa bukti.", QUALITY_INSULT,
   0},
  {"Ternak bantuan dari dinas itu kerbau semua, tidak ada sapi.",
   QUALITY_CLEAN, 0},
  {"Kades pung kerbau semua mati kena penyakit.", QUALITY_CLEAN, 0},
  {"Muka badak di kebun binatang Kupang sudah lama tidak dirawat.",
   QUALITY_CLEAN, 0},
  {"Saya pung muka luka kena pukul petugas.", QUALITY_CLEAN, 0},
  /* The official named with where they work ("di" and the place) before
   * the link word: the predicate is still theirs however long the
   * place. */
  {"Petugas parkir di depan Pasar Inpres Naikoten itu binatang semua, "
   "pungut uang tanpa karcis.", QUALITY_INSULT, 0},
  {"Pegawai loket pelayanan di kantor Samsat Kota Kupang itu kerbau semua, "
   "berkas saya hilang lagi.", QUALITY_INSULT, 0},
  {"Binatang ternak warga di Desa Oesao dicuri orang tadi malam.",
   QUALITY_CLEAN, 0},
  {"Dokter hewan di puskeswan Kecamatan Kupang Timur itu periksa kerbau "
   "semua.", QUALITY_CLEAN, 0},
  {"Petugas dinas peternakan di desa kami bilang binatang ternak warga "
   "dicuri.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_beast_predicate)
{
  judge_rows(beast_cases, N(beast_cases));
}
END_TEST

/* A group with "semua" or "memang suka" and a crime of office (KKN), a
 * parasite or a mafia: said of the whole group.  The same words about
 * one person, or a group reporting or suffering them, are none. */
static const struct judge_case group_crime_cases[] = {
  {"Pegawai Cina di kantor pajak itu sama saja, Cina semua penghisap uang "
   "rakyat.", QUALITY_SARA, 0},
  {"Kepala dinas itu orang Sabu, jelas saja dia cuma terima pegawai Sabu, "
   "orang Sabu memang suka KKN.", QUALITY_SARA, 0},
  {"Orang Katolik di dinas itu mafia proyek semua, harus dibersihkan dari "
   "pemerintahan.", QUALITY_SARA, 0},
  {"Orang Rote itu benalu semua di kantor bupati.", QUALITY_SARA, 0},
  {"Warga Sabu di Kupang jadi korban mafia tanah, sertifikat mereka "
   "dipalsukan.", QUALITY_CLEAN, 0},
  {"Kami orang Sabu melaporkan KKN di dinas pendidikan.", QUALITY_CLEAN,
   0},
  {"Kepala dinas itu orang Sabu dan dia terima pegawai tanpa tes, ada "
   "dugaan KKN.", QUALITY_CLEAN, 0},
  {"Pedagang Bugis di pasar Oeba diperas mafia parkir setiap hari.",
   QUALITY_CLEAN, 0},
  /* Kupang "bodo", "bodok" derogate a group as "bodoh" does, its mind
   * owned in Kupang order ("X pung otak") as "otak X". */
  {"Orang Timor pung otak memang bodo, makanya kantor ini hancur.",
   QUALITY_SARA, 0},
  {"Orang Sabu di dinas itu bodok semua.", QUALITY_SARA, 0},
  {"Kami orang Timor sonde bodo, kami tahu hak kami.", QUALITY_CLEAN, 0},
  {"Petugas bilang orang Timor bodo, lalu tolak berkas kami.", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_group_crime)
{
  judge_rows(group_crime_cases, N(group_crime_cases));
}
END_TEST

/* The reporter's own group named right after the reporter's word ("kami
 * tim sukses", "kami pemuda desa") does what the verb after it says. */
static const struct judge_case self_group_cases[] = {
  {"Kepala desa pakai dana desa untuk kampanye caleg anaknya. Kalau dia "
   "menang dengan cara begitu, kami tim sukses akan hajar dia sampai masuk "
   "RSUD.", QUALITY_THREAT, 0},
  {"Kami pemuda desa siap bakar kantor camat kalau jalan tidak diperbaiki.",
   QUALITY_THREAT, 0},
  {"Kami tim sukses akan laporkan kades itu ke Bawaslu.", QUALITY_CLEAN, 0},
  {"Kami tim sukses sudah dipukul preman suruhan kades.", QUALITY_CLEAN, 0},
  {"Kami warga desa minta petugas segera datang.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_self_group)
{
  judge_rows(self_group_cases, N(self_group_cases));
}
END_TEST

/* "tunggu saja" with a broken limb of someone's after it ("patah
 * kakinya") is harm to come; a broken bridge or the reporter put off is
 * none. */
static const struct judge_case limb_cases[] = {
  {"Tunggu saja, petugas Dukcapil yang minta 300 ribu untuk cetak KTP itu "
   "sebentar lagi patah kakinya.", QUALITY_THREAT, 0},
  {"Pak camat tunggu saja, sebentar lagi tangannya patah.",
   QUALITY_THREAT, 0},
  {"Tunggu saja, jembatan di Noelbaki itu sebentar lagi patah.",
   QUALITY_CLEAN, 0},
  {"Kami disuruh tunggu saja padahal kaki anak saya patah.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_limb_broken)
{
  judge_rows(limb_cases, N(limb_cases));
}
END_TEST

/* An official's family promised harm: sworn by the reporter ("saya
 * sumpah anak istrinya tidak akan aman") or as the other half of an
 * ultimatum ("kembalikan ... atau anaknya yang tanggung akibatnya"). */
static const struct judge_case kin_pressed_cases[] = {
  {"Kepala sekolah SMP itu tahan rapor anak saya karena uang komite belum "
   "lunas. Saya sumpah anak istrinya tidak akan aman kalau rapor tidak "
   "keluar minggu ini.", QUALITY_THREAT, 0},
  {"Saya tahu rumah kepala puskesmas di Lewoleba, saya tahu anaknya "
   "sekolah di mana. Kembalikan uang jasa medis kami atau anaknya yang "
   "tanggung akibatnya.", QUALITY_THREAT, 0},
  {"Bayar ganti rugi tanah kami atau istrinya yang tanggung akibatnya.",
   QUALITY_THREAT, 0},
  {"Saya sumpah anaknya tidak bersalah, kepala sekolah yang potong dana "
   "BOS.", QUALITY_CLEAN, 0},
  {"Saya sumpah anak saya tidak aman di asrama itu karena penjaga suka "
   "mabuk.", QUALITY_CLEAN, 0},
  {"Pak guru atau anaknya yang antar rapor ke rumah kami.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_kin_pressed)
{
  judge_rows(kin_pressed_cases, N(kin_pressed_cases));
}
END_TEST

/* "tinggal nama" foretold of an official ("sebentar lagi") with the
 * reporter's vow after it ("ingat kata-kata saya").  An old man's
 * illness or a cooperative's end are none. */
static const struct judge_case vowed_cases[] = {
  {"Pegawai yang tolak pasien miskin di RSUD Kefamenanu itu sebentar lagi "
   "tinggal nama, ingat kata-kata saya ini.", QUALITY_THREAT, 0},
  {"Kades itu sebentar lagi tinggal nama, camkan kata saya.",
   QUALITY_THREAT, 0},
  {"Koperasi itu sebentar lagi tinggal nama, ingat kata-kata saya.",
   QUALITY_CLEAN, 0},
  {"Bapak tua itu sebentar lagi tinggal nama karena sakit keras dan "
   "puskesmas tolak dia.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_name_vowed)
{
  judge_rows(vowed_cases, N(vowed_cases));
}
END_TEST

/* The reporter shedding someone's blood ("saya sendiri yang akan
 * tumpahkan darahnya") threatens; blood shed by others, or water, is
 * none. */
static const struct judge_case blood_shed_cases[] = {
  {"Tanah suku kami diserobot oleh oknum BPN Kabupaten Kupang. Menurut "
   "adat kami siapa yang ambil tanah leluhur harus bayar dengan darah, dan "
   "saya sendiri yang akan tumpahkan darahnya.", QUALITY_THREAT, 0},
  {"Kami akan menumpahkan darah camat itu kalau tanah tidak kembali.",
   QUALITY_THREAT, 0},
  {"Saya sendiri yang tumpahkan air ke meja petugas karena kaget.",
   QUALITY_CLEAN, 0},
  {"Preman suruhan kades menumpahkan darah warga waktu demo kemarin.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_blood_shed)
{
  judge_rows(blood_shed_cases, N(blood_shed_cases));
}
END_TEST

/* "Bilang saja ke ...": a message for an official with "saja" after the
 * verb is still the reporter's, and a veiled warning in it (someone may
 * fall and vanish) threatens.  A hazard relayed without a warning to
 * the official, or someone else's "bilang saja", is none. */
static const struct judge_case relayed_saja_cases[] = {
  {"Bilang saja ke kepala BPN Manggarai, hati-hati kalau pulang malam "
   "sendirian, jalan ke Ruteng itu gelap dan banyak jurang, orang bisa "
   "jatuh dan tidak ditemukan.", QUALITY_THREAT, 0},
  {"Bilang aja sama camat, hati-hati kalau lewat kebun malam, orang bisa "
   "hilang.", QUALITY_THREAT, 0},
  {"Bilang saja ke kepala dinas, jalan ke Ruteng gelap, orang bisa jatuh "
   "ke jurang.", QUALITY_CLEAN, 0},
  {"Bilang saja ke camat, kami sudah tunggu tiga bulan.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_relayed_saja)
{
  judge_rows(relayed_saja_cases, N(relayed_saja_cases));
}
END_TEST

/* Harm said of an official's body, life or house rather than done by a
 * verb ("kepalanya pecah", "nyawanya taruhannya", "rumah pak RT rata
 * dengan tanah"), under the reporter's will: an oath, a condition, a
 * future, or a deadline the reporter set in the sentence before.  The
 * same words told of an accident or a danger are none. */
static const struct judge_case fate_cases[] = {
  {"Sekali lagi dia tagih uang pelicin di Dukcapil, saya sumpah kepalanya "
   "pecah.", QUALITY_THREAT, 0},
  {"Kalau camat masih potong dana desa, saya jamin lehernya patah.",
   QUALITY_THREAT, 0},
  {"Saya kasih waktu sampai hari Senin untuk kades Lifuleo kembalikan uang "
   "sapi bantuan. Lewat dari itu, nyawanya taruhannya.", QUALITY_THREAT, 0},
  {"Rumah pak RT di Oepura akan rata dengan tanah besok malam, dia yang "
   "coret nama mama saya.", QUALITY_THREAT, 0},
  {"Jembatan di Oesao rusak, warga menyeberang sungai dan nyawa "
   "taruhannya.", QUALITY_CLEAN, 0},
  {"Anak saya jatuh dari motor, kepalanya pecah dan dijahit di "
   "puskesmas.", QUALITY_CLEAN, 0},
  {"Kami kasih waktu sampai hari Senin. Kalau tidak, kami lapor ke "
   "inspektorat.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_fate)
{
  judge_rows(fate_cases, N(fate_cases));
}
END_TEST

/* A weapon, explosive or poison the reporter has or readies, reserved
 * for an official or an office ("untuk", "tinggal"), or served in an
 * official's food later in the sentence.  Fishermen's bombs, weapons
 * seized by the police, or poison bought for rats are none. */
static const struct judge_case reserved_cases[] = {
  {"Ada senapan rakitan di rumah. Peluru pertama untuk kepala sekolah SMP "
   "Negeri 2 Atambua.", QUALITY_THREAT, 0},
  {"Kami siapkan bom ikan untuk ledakkan pos retribusi di Pelabuhan "
   "Tenau.", QUALITY_THREAT, 0},
  {"Beta pung parang su tajam, tinggal itu kepala desa pung leher saja.",
   QUALITY_THREAT, 0},
  {"Saya sudah beli racun tikus, nanti sy campur di kopi pak sekdes.",
   QUALITY_THREAT, 0},
  {"Nelayan pakai bom ikan untuk tangkap ikan di Teluk Kupang, petugas "
   "diam saja.", QUALITY_CLEAN, 0},
  {"Polisi sudah menyita senjata untuk kelompok itu.", QUALITY_CLEAN, 0},
  {"Saya sudah beli racun tikus, nanti sy taruh di gudang beras.",
   QUALITY_CLEAN, 0},
  /* Counted ("Satu peluru cukup untuk ...") the weapon opens its clause
   * as much; bullets counted for training are none. */
  {"Saya punya senapan rakitan di rumah. Satu peluru cukup untuk mandor "
   "proyek embung di Oenuntono yang makan upah kami.", QUALITY_THREAT, 0},
  {"Dua butir peluru untuk kepala desa itu sudah saya siapkan.",
   QUALITY_THREAT, 0},
  {"Satu peluru untuk latihan menembak dibeli pakai dana desa.",
   QUALITY_CLEAN, 0},
  /* Lying in wait for an official, or sent after one, with a weapon. */
  {"Besok saya tunggu kades itu di jalan dengan parang.", QUALITY_THREAT,
   0},
  {"Beta su suruh beta pung ade dong cari itu mandor deng parang.",
   QUALITY_THREAT, 0},
  {"Kami cegat camat di jembatan bawa golok.", QUALITY_THREAT, 0},
  {"Saya tunggu kepala desa di kantor dengan berkas lengkap.",
   QUALITY_CLEAN, 0},
  {"Saya cari kepala desa untuk lapor parang saya dicuri.", QUALITY_CLEAN,
   0},
  {"Polisi cari pelaku dengan senjata lengkap.", QUALITY_CLEAN, 0},
  /* Lying in wait at the official's house or office ("tunggu di depan
   * rumah kades"), as much as for the official; waiting there with a
   * letter, or for hours in vain, is none. */
  {"Besok pagi saya tunggu di depan kantor camat Amabi dengan parang.",
   QUALITY_THREAT, 0},
  {"Malam ini kami hadang di rumah lurah itu bawa tombak.", QUALITY_THREAT,
   0},
  {"Saya tunggu di depan kantor camat dari pagi, petugas tidak datang.",
   QUALITY_CLEAN, 0},
  {"Saya tunggu di depan rumah kades dengan surat pengantar.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_reserved)
{
  judge_rows(reserved_cases, N(reserved_cases));
}
END_TEST

/* A warning to an official with the way home dark, or the reporter
 * knowing an official's home after the official's family is named: a
 * veiled threat.  A dark road complained of is none. */
static const struct judge_case home_menace_cases[] = {
  {"Petugas pajak yang peras pedagang di Pasar Inpres Naikoten sebaiknya "
   "hati-hati kalau pulang malam, jalan ke rumahnya gelap.",
   QUALITY_THREAT, 0},
  {"Pak Kades tolong ingat, anak istrinya tinggal di kampung ini juga. "
   "Kami tahu rumahnya di mana.", QUALITY_THREAT, 0},
  {"Jalan ke rumah kades gelap karena lampu jalan mati sudah tiga bulan.",
   QUALITY_CLEAN, 0},
  {"Kami tahu rumahnya di mana, tapi kades tidak pernah ada di rumah.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_home_menace)
{
  judge_rows(home_menace_cases, N(home_menace_cases));
}
END_TEST

/* The reporter's own people as agents: kin, friends or a band owned by
 * the reporter ("adik saya", "teman-teman ojek saya", "beta pung sodara
 * dong", "kakakku"), with words between head and owner or not.  What is
 * done to them, or an official of the reporter's ("kepala sekolah
 * saya"), is none. */
static const struct judge_case owned_party_cases[] = {
  {"Adik laki-laki saya dari Adonara sudah siap tikam petugas Samsat itu.",
   QUALITY_THREAT, 0},
  {"Kakak saya akan bakar kantor camat kalau uang tidak kembali.",
   QUALITY_THREAT, 0},
  {"Beta pung sodara dong siap pukul itu kades.", QUALITY_THREAT, 0},
  {"Teman-teman ojek saya akan cegat kepala dinas di jalan dan pukul dia.",
   QUALITY_THREAT, 0},
  {"Kalo dia sonde bayar, beta deng beta pung sodara dong pukul mati dia.",
   QUALITY_THREAT, 0},
  {"Kakakku siap habisi sekdes itu.", QUALITY_THREAT, 0},
  {"Adik laki-laki saya dari Adonara dipukul petugas Samsat itu.",
   QUALITY_CLEAN, 0},
  {"Anak kepala desa saya lihat di pasar siap pukul orang.", QUALITY_CLEAN,
   0},
  {"Teman-teman saya sudah datang ke kantor camat dan tanya soal dana.",
   QUALITY_CLEAN, 0},
  {"Saya dengar polisi datang dan pukul kepala desa itu.", QUALITY_CLEAN,
   0},
  {"Kami tahu petugas itu datang lalu pukul kepala desa.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_owned_party)
{
  judge_rows(owned_party_cases, N(owned_party_cases));
}
END_TEST

/* The reporter's people named by other words of kin and company: an
 * uncle ("om", "paman"), Kupang "tamang" (friend), a head said twice
 * ("om-om saya", "paman-paman kami").  An uncle hurt, a feast's
 * slaughter, or "om" as a title of an official ("om kades") are none. */
static const struct judge_case more_party_cases[] = {
  {"Paman saya dari Soe sudah siap tikam kepala desa itu.", QUALITY_THREAT,
   0},
  {"Paman-paman kami dari Amarasi akan datang hajar petugas pajak itu.",
   QUALITY_THREAT, 0},
  {"Beta pung tamang dari Oesapa su siap tikam itu kades.", QUALITY_THREAT,
   0},
  {"Kalau dana tidak kembali, beta deng beta pung tamang dong pukul mati "
   "itu kades.", QUALITY_THREAT, 0},
  {"Om saya dipukul petugas Satpol PP di pasar.", QUALITY_CLEAN, 0},
  {"Beta deng beta pung tamang dong potong kambing untuk pesta nikah.",
   QUALITY_CLEAN, 0},
  {"Om kades itu siap pukul warga yang protes, kami takut.", QUALITY_CLEAN,
   0},
  {"Paman saya dari Soe sudah datang ke kantor camat dan tanya soal dana.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_more_party)
{
  judge_rows(more_party_cases, N(more_party_cases));
}
END_TEST

/* An official's days numbered in other words: a life "tidak panjang
 * lagi", owned by "-nya" or in the Kupang way ("dia punya umur", "kades
 * pung umur").  The reporter's own life or mother's, a bridge's, or a
 * queue that is no longer long are none. */
static const struct judge_case days_cases[] = {
  {"Camat itu umurnya tidak panjang lagi, saya sendiri yang urus.",
   QUALITY_THREAT, 0},
  {"Kades pung umur sonde panjang lagi, beta jamin.", QUALITY_THREAT, 0},
  {"Dia punya nyawa tidak lama lagi, itu bendahara yang makan dana desa.",
   QUALITY_THREAT, 0},
  {"Ibu saya umurnya tidak panjang lagi kata dokter.", QUALITY_CLEAN, 0},
  {"Kepala desa kami sakit, umurnya tidak lama lagi karena kanker.",
   QUALITY_CLEAN, 0},
  {"Umur jembatan itu tidak panjang lagi, kata pengawas dinas.",
   QUALITY_CLEAN, 0},
  {"Antrean di kantor camat tidak panjang lagi sejak ada loket baru.",
   QUALITY_CLEAN, 0},
  {"Saya punya umur tidak panjang lagi, tolong proses laporan ini.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_days)
{
  judge_rows(days_cases, N(days_cases));
}
END_TEST

/* "tunggu saja" in SMS shorthand ("tggu aja", "tgu sj", "tnggu") with
 * harm after it, and an official's house put first with a time ahead
 * after the verb ("rumah pak kadus saya bakar malam ini").  The reporter
 * busy with papers, or rubbish burnt tonight, is none. */
static const struct judge_case sms_wait_cases[] = {
  {"tgu sj pak lurah, bsk bpk mati", QUALITY_THREAT, 0},
  {"tggu aja kepsek, rmh bpk sy bkr mlm ni", QUALITY_THREAT, 0},
  {"Rumah pak kadus saya bakar malam ini.", QUALITY_THREAT, 0},
  {"Kantor lurah itu kami hancurkan nanti sore.", QUALITY_THREAT, 0},
  {"tggu aja pak kadus, sy msh urus surat", QUALITY_CLEAN, 0},
  {"Sampah di depan kantor camat saya bakar malam ini.", QUALITY_CLEAN, 0},
  {"Tunggu saja pak, surat bapak saya antar minggu depan.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_sms_wait)
{
  judge_rows(sms_wait_cases, N(sms_wait_cases));
}
END_TEST

/* Means made ready for an official: poison for food owned the Kupang
 * way ("dia pung kopi", "kades pung teh"), and a bomb put together
 * ("rakit", "merakit") for someone, readied already ("sudah") or not.
 * Poison feared in the reporter's own cup, rat poison for a warehouse,
 * fishermen's bombs reported, or one handed to the police are none. */
static const struct judge_case means_ready_cases[] = {
  {"Beta su campur racun di kades pung teh, biar dia tau rasa.",
   QUALITY_THREAT, 0},
  {"Saya sudah siapkan racun untuk camat punya makanan nanti malam.",
   QUALITY_THREAT, 0},
  {"Beta su rakit bom, tinggal tunggu itu kades lewat.", QUALITY_THREAT, 0},
  {"Saya sudah merakit bom ikan untuk kantor polisi air itu.",
   QUALITY_THREAT, 0},
  {"Kami sudah asah parang untuk potong rumput di halaman kantor desa.",
   QUALITY_CLEAN, 0},
  {"Sa su siapkan racun tikus untuk dia pung gudang beras.", QUALITY_CLEAN,
   0},
  {"Kami curiga ada orang yang mau campur racun di beta pung kopi, tolong "
   "polisi periksa.", QUALITY_CLEAN, 0},
  {"Nelayan di Sulamu masih rakit bom ikan, tolong polisi air tangkap "
   "mereka.", QUALITY_CLEAN, 0},
  {"Saya sudah rakit bom ikan tapi sudah saya serahkan ke polisi.",
   QUALITY_CLEAN, 0},
  {"Polisi sudah sita senjata untuk kepala desa itu.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_means_ready)
{
  judge_rows(means_ready_cases, N(means_ready_cases));
}
END_TEST

/* A warning to an official, then the reporter knowing their house:
 * "sebaiknya hati-hati ..., saya tahu rumahnya", "awas pak camat, ...
 * beta su tau dia pung rumah".  The reporter warned, or warned about an
 * official to others, is none. */
static const struct judge_case warned_home_cases[] = {
  {"Bendahara desa sebaiknya hati-hati kalau pulang malam, kami sudah tahu "
   "rumahnya.", QUALITY_THREAT, 0},
  {"Kepsek itu hati-hati saja, beta su tau dia pung rumah.", QUALITY_THREAT,
   0},
  {"Awas pak camat, saya tahu rumah bapak di Oeba.", QUALITY_THREAT, 0},
  {"Kami disuruh hati-hati oleh camat, saya tahu rumahnya di Oeba karena "
   "pernah antar surat.", QUALITY_CLEAN, 0},
  {"Hati-hati dengan petugas itu, saya tahu rumahnya dan dia sering minta "
   "uang.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_warned_home)
{
  judge_rows(warned_home_cases, N(warned_home_cases));
}
END_TEST

/* Verbs of violence in SMS shorthand, their vowels dropped whatever is
 * left of them ("bkr" for "bakar", "hbisi" for "habisi", "tmbk" for
 * "tembak"), with the reporter as agent and a target as for the full
 * forms.  Shorthand that is also a common word with its vowels dropped
 * ("srng" sering, "srt" surat) is that word. */
static const struct judge_case sms_skeleton_cases[] = {
  {"bsk sy bkr kntr camat klo sertifikat sy ga kluar2", QUALITY_THREAT, 0},
  {"kpl dsa ambl dana blt,sy tggu dia d jln sy hbisi dia", QUALITY_THREAT,
   0},
  {"sy tmbk kades itu klo dana ga cair", QUALITY_THREAT, 0},
  {"bsk kami bkr rmh kades", QUALITY_THREAT, 0},
  {"sy srng ke kntr camat tp dia ga ada", QUALITY_CLEAN, 0},
  {"sy srt ke camat sdh 3 kali", QUALITY_CLEAN, 0},
  {"sy bkr sampah d blkg rmh", QUALITY_CLEAN, 0},
  {"kpl dsa bkr ktp warga yg protes", QUALITY_CLEAN, 0},
  /* Persons and verbs of readying written without vowels too. */
  {"sy sdh siapkn golok utk kades itu", QUALITY_THREAT, 0},
  {"gaji tdk dibayar lg, bndhr sklh sy bacok", QUALITY_THREAT, 0},
  {"sy sdh siapkn berkas utk kpl desa", QUALITY_CLEAN, 0},
  {"ptgs sdh bacok sapi warga", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_sms_skeleton)
{
  judge_rows(sms_skeleton_cases, N(sms_skeleton_cases));
}
END_TEST

/* A voice note's label that says how it was put down ("(pesan suara,
 * ditulis ulang)", "[rekaman suara, disalin]") is still the label: the
 * reporter's own words follow, not someone else's.  A message that
 * someone else wrote ("pesan kades, ditulis di grup") is reported. */
static const struct judge_case label_written_cases[] = {
  {"(pesan suara, ditulis ulang) eh pak saya su sakit hati, nanti sa "
   "hantam dia pake batu itu kepala desa", QUALITY_THREAT, 0},
  {"[transkrip pesan suara, ditulis apa adanya] pak, besok beta bakar "
   "kantor camat itu", QUALITY_THREAT, 0},
  {"(pesan suara, diketik ulang oleh anak saya) beta tikam itu mandor "
   "kalau upah sonde dibayar", QUALITY_THREAT, 0},
  {"(pesan suara, ditulis ulang) eh pak camat bilang dia mau bakar "
   "rumah saya kalau saya lapor", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Pesan kades di grup ditulis begini: saya bakar rumah kamu kalau "
   "lapor", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_label_written)
{
  judge_rows(label_written_cases, N(label_written_cases));
}
END_TEST

/* A verb of saying bidden to the listener ("Ko pi bilang sama ...",
 * "Tolong bilang ke ...", "Kamu pergi bilang ke ...") opens the
 * reporter's own message for an official: what follows is the
 * reporter's.  Someone else who goes and says it ("Dia pi bilang sama
 * camat"), an official who tells another, or the listener's own words
 * to the reporter ("Ko bilang sama saya kemarin") are reported. */
static const struct judge_case bidden_say_cases[] = {
  {"Ko pi bilang sama itu kepala sekolah, kalo dia sonde bayar honor, "
   "beta tikam dia.", QUALITY_THREAT, 0},
  {"Tolong bilang ke kepala desa, kalau dana tidak kembali kami bakar "
   "kantornya.", QUALITY_THREAT, 0},
  {"Kamu pergi bilang ke camat, saya bunuh dia kalau tanah saya tidak "
   "kembali.", QUALITY_THREAT, 0},
  {"Dia pi bilang sama camat, kalau warga protes, dia bakar rumah warga",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Kepala sekolah bilang sama guru, kalau protes lagi dia tikam mereka.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Ko bilang sama saya kemarin, kalau saya lapor ko bunuh saya.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Tolong bilang ke petugas, kami sudah tunggu tiga jam di loket.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_bidden_say)
{
  judge_rows(bidden_say_cases, N(bidden_say_cases));
}
END_TEST

/* An official's family joined by "dan" ("anak dan istri", "istri serta
 * anak") said to be unsafe, with the reporter knowing where they live
 * later in the sentence, threatens them.  A road unsafe, the reporter's
 * own family, or an official's family unsafe from a flood is none. */
static const struct judge_case kin_where_cases[] = {
  {"Istri dan anak camat itu tidak akan aman lagi, saya tahu di mana "
   "mereka tinggal.", QUALITY_THREAT, 0},
  {"Keluarga bendahara desa tidak akan selamat, beta tau dong tinggal di "
   "mana.", QUALITY_THREAT, 0},
  {"Istri serta anak Kepala Dinas PUPR juga tidak akan aman, kami sudah "
   "tahu dimana mereka tinggal.", QUALITY_THREAT, 0},
  {"Jalan ke Desa Otan tidak akan aman kalau tidak diperbaiki, kami tahu "
   "warga tinggal di mana.", QUALITY_CLEAN, 0},
  {"Anak dan istri saya tidak aman di rumah, kepala desa tahu kami tinggal "
   "di mana.", QUALITY_CLEAN, 0},
  {"Anak dan istri kepala desa tidak aman tinggal di rumah dinas yang "
   "hampir roboh, kami sudah lapor ke BPBD.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_kin_where)
{
  judge_rows(kin_where_cases, N(kin_where_cases));
}
END_TEST

/* The reporter's group named with where it comes from ("kami pemuda
 * Kelurahan ...", "kami nelayan Pulau ...") is the reporter, and so is
 * the reporter who gathers a crowd ("kumpulkan massa", "galang massa")
 * and then burns or storms an office.  Rubbish gathered and burnt, or an
 * official who gathered a crowd, is none. */
static const struct judge_case crowd_gathered_cases[] = {
  {"Kami pemuda Desa Oebelo akan kumpulkan massa dan bakar kantor desa "
   "kalau dana tidak dibagi.", QUALITY_THREAT, 0},
  {"Kami nelayan Pulau Semau akan galang massa lalu serbu kantor camat.",
   QUALITY_THREAT, 0},
  {"Kami pemuda Kelurahan Oesapa akan bakar kantor lurah.",
   QUALITY_THREAT, 0},
  {"Kami pemuda Kelurahan Oesapa akan kumpulkan sampah dan bakar di "
   "tempat pembuangan.", QUALITY_CLEAN, 0},
  {"Kepala desa kumpulkan massa dan bakar rumah warga yang protes.",
   QUALITY_CLEAN, 0},
  {"Kami akan kumpulkan tanda tangan warga dan bawa ke kantor bupati.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_crowd_gathered)
{
  judge_rows(crowd_gathered_cases, N(crowd_gathered_cases));
}
END_TEST

/* Verbs of tearing or splitting open ("robek", "sobek", "belah",
 * "congkel") with a body part or a person right after them are violence
 * when the reporter vows them; their everyday objects (paper, a form,
 * a coconut) are things. */
static const struct judge_case torn_cases[] = {
  {"Bendahara desa yang potong dana BLT itu, saya sumpah akan robek "
   "perutnya.", QUALITY_THREAT, 0},
  {"Kalau uang kami sonde kembali, beta belah kepalanya itu mandor.",
   QUALITY_THREAT, 0},
  {"Saya akan menyobek mulut petugas Samsat yang hina ibu saya.",
   QUALITY_THREAT, 0},
  {"Petugas itu merobek formulir saya di depan warga.", QUALITY_CLEAN, 0},
  {"Saya akan robek surat panggilan dari kepala desa itu.", QUALITY_CLEAN,
   0},
  {"Saya akan belah kelapa untuk tamu camat.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_torn)
{
  judge_rows(torn_cases, N(torn_cases));
}
END_TEST

/* Harm said of an official as a result, with no verb of violence: a
 * bare body part broken in a clause whose subject is the official
 * ("petugas itu akan pulang dengan kaki patah"), or the official buried
 * after "tunggu saja" ("Tunggu saja, camat itu akan dikubur ...").  An
 * accident told, a risk, or a funeral the reporter waits for told by
 * someone else is none. */
static const struct judge_case fate_result_cases[] = {
  {"Mandor proyek jalan itu akan pulang dengan tangan patah, itu janji "
   "saya.", QUALITY_THREAT, 0},
  {"Kalau dana desa tidak dibagi, kepala desa Oebelo akan keluar dari "
   "kantornya dengan kaki patah.", QUALITY_THREAT, 0},
  {"Tunggu saja, sebentar lagi bendahara sekolah itu akan dikuburkan "
   "bersama uang yang dia makan.", QUALITY_THREAT, 0},
  {"Petugas retribusi itu pulang dengan kaki patah kemarin setelah jatuh "
   "dari motor.", QUALITY_CLEAN, 0},
  {"Petugas itu bisa pulang dengan kaki patah kalau jalan ke desa tidak "
   "diperbaiki.", QUALITY_CLEAN, 0},
  {"Kami disuruh tunggu saja, jenazah nenek akan dikubur besok.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_fate_result)
{
  judge_rows(fate_result_cases, N(fate_result_cases));
}
END_TEST

/* A death the reporter causes with the one who dies between the causing
 * word and the death ("beta bekin lu mati", "saya buat dia mati"), as
 * "bikin mati dia" already is.  A cause that is not the reporter, or a
 * thing that dies, is none. */
static const struct judge_case caused_death_cases[] = {
  {"Beta datang ko beta bekin lu mati di lu pung kantor sendiri.",
   QUALITY_THREAT, 0},
  {"Kalau uang tidak kembali, saya buat dia mati di kantornya.",
   QUALITY_THREAT, 0},
  {"Beta akan bikin kepala desa itu mati.", QUALITY_THREAT, 0},
  {"Obat dari puskesmas itu bikin dia mati pelan-pelan.", QUALITY_CLEAN, 0},
  {"Petugas karantina bikin ayam saya mati semua.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_caused_death)
{
  judge_rows(caused_death_cases, N(caused_death_cases));
}
END_TEST

/* The reporter and their people as agents: come or go "to" do it
 * ("datang untuk bakar", Kupang "datang ko bakar"), agreed to do it
 * ("sudah sepakat mau hajar"), a party whose head is said twice ("beta
 * pung kaka-kaka").  Coming to talk, or a party beaten, is none. */
static const struct judge_case party_agent_cases[] = {
  {"Besok saya datang untuk bakar kantor camat itu.", QUALITY_THREAT, 0},
  {"Beta deng beta pung adik-adik datang ko bakar dia pung motor.",
   QUALITY_THREAT, 0},
  {"Kami sudah sepakat mau hajar petugas dishub itu.", QUALITY_THREAT, 0},
  {"Beta pung kaka-kaka dari Sabu su siap pukul dia sampai patah kaki.",
   QUALITY_THREAT, 0},
  {"Besok saya datang untuk bicara dengan kepala desa.", QUALITY_CLEAN, 0},
  {"Beta pung kaka-kaka dipukul petugas di pasar.", QUALITY_CLEAN, 0},
  {"Kami sudah sepakat lapor camat itu ke inspektorat.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_party_agent)
{
  judge_rows(party_agent_cases, N(party_agent_cases));
}
END_TEST

/* Lying in wait with a weapon, in the me- form and with the one waited
 * for as "-nya" ("kami akan menunggunya di jalan dengan parang",
 * "mencegat dia ... dengan golok").  Waiting for a bus, or looking for
 * an official to report a stolen machete, is none. */
static const struct judge_case waited_for_cases[] = {
  {"Kami sudah tahu jam berapa dia pulang, dan kami akan menunggunya di "
   "jalan dengan parang.", QUALITY_THREAT, 0},
  {"Besok saya mencegat kepala desa itu di jembatan dengan golok.",
   QUALITY_THREAT, 0},
  {"Kami menunggunya di terminal sejak pagi dengan membawa berkas.",
   QUALITY_CLEAN, 0},
  {"Saya mencari kepala desa untuk lapor parang saya dicuri.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_waited_for)
{
  judge_rows(waited_for_cases, N(waited_for_cases));
}
END_TEST

/* A weapon named in news of a past crime, with an official in the
 * sentence and nothing going to happen to anyone, is told, not
 * threatened ("Senjata api milik Polsek yang hilang ... dijual oknum").
 * A weapon readied for someone stays a threat. */
static const struct judge_case weapon_news_cases[] = {
  /* a count and its measure between the readying and the weapon */
  {"Saya sudah siapkan lima botol bom molotov untuk kantor BPN.",
   QUALITY_THREAT, 0},
  {"Kami siapkan 5 botol molotov untuk rumah camat.", QUALITY_THREAT, 0},
  {"Saya lihat dua orang bawa parang ke rumah camat kemarin.",
   QUALITY_CLEAN, 0},
  {"Polisi sita lima botol bom ikan dari perahu nelayan.", QUALITY_CLEAN,
   0},
  {"Senjata api milik Polsek yang hilang tahun lalu ternyata dijual oknum "
   "anggota, dan kasusnya didiamkan sampai sekarang.", QUALITY_CLEAN, 0},
  {"Pisau dapur milik kantin sekolah dicuri oknum pegawai minggu lalu.",
   QUALITY_CLEAN, 0},
  {"Parang sudah saya asah untuk kepala dusun itu", QUALITY_THREAT, 0},
  /* The reporter's weapon ("parang saya", "kope beta"), then a verb of
   * violence with no subject of its own in the next clause: wielded by
   * its owner. */
  {"Parang saya sudah tajam, sekali tebas kepala desa itu pasti mati.",
   QUALITY_THREAT, 0},
  {"Kope beta su tajam, tinggal potong itu lurah pung leher.",
   QUALITY_THREAT, 0},
  {"Parang saya disita polisi, lalu petugas pukul adik saya.",
   QUALITY_CLEAN, 0},
  {"Parang saya sudah tajam, besok potong kayu di kebun.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_weapon_news)
{
  judge_rows(weapon_news_cases, N(weapon_news_cases));
}
END_TEST

/* The reporter's people as agents from further off: friends said twice
 * with no owner ("teman-teman ojek"), a named place after them ("di
 * terminal Kefamenanu"), and "dong"/"mereka" in a later clause of the
 * sentence that opened with them ("beta pung kaka-kaka su siap, kalau
 * ..., dong pukul dia").  People beaten, or others named, are none. */
static const struct judge_case party_far_cases[] = {
  {"Teman-teman ojek di terminal Kefamenanu sudah sepakat mau hajar "
   "petugas dishub itu malam ini.", QUALITY_THREAT, 0},
  {"Beta pung kaka-kaka dari Sabu su siap, kalau pak sekdes masih main "
   "uang, dong pukul dia sampai patah kaki.", QUALITY_THREAT, 0},
  {"Teman-teman ojek di terminal Kefamenanu dipukul petugas dishub "
   "kemarin.", QUALITY_CLEAN, 0},
  {"Orang-orang di pasar bilang petugas itu mau pukul pedagang.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Beta pung kaka-kaka su lapor, tapi dong dipukul petugas di kantor.",
   QUALITY_CLEAN, 0},
  /* "they" mid-clause after the reporter's signal */
  {"Beta pung adik-adik su siap, tinggal beta kasih tanda baru dong pukul "
   "itu mantri.", QUALITY_THREAT, 0},
  {"Adik-adik saya sudah siap, tinggal saya beri tanda lalu mereka hajar "
   "petugas itu.", QUALITY_THREAT, 0},
  {"Beta pung adik-adik su lapor, tapi itu petugas dong pukul orang di "
   "kantor.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_party_far)
{
  judge_rows(party_far_cases, N(party_far_cases));
}
END_TEST

/* Poison for an official's food or drink named first, before the
 * reporter ("Sumur di rumah kepala dinas itu akan saya kasih racun
 * tikus").  A well poisoned in the past by someone, or the reporter's
 * own well, is none. */
static const struct judge_case poison_first_cases[] = {
  {"Sumur di rumah kepala dinas itu akan saya kasih racun tikus biar dia "
   "rasa apa yang kami rasa.", QUALITY_THREAT, 0},
  {"Kopi pak sekdes besok beta campur racun.", QUALITY_THREAT, 0},
  {"Sumur di rumah kami sudah dikasih racun oleh orang tidak dikenal.",
   QUALITY_CLEAN, 0},
  {"Sumur di kebun saya akan saya kasih racun tikus karena banyak tikus.",
   QUALITY_CLEAN, 0},
  /* Only the serving left ("tinggal dicampur"), the reporter after the
   * poison or nowhere. */
  {"Racun sudah saya siapkan, tinggal dicampur ke kopi pak sekdes nanti.",
   QUALITY_THREAT, 0},
  {"Racun tikus sudah di tangan, tinggal dimasukkan ke teh kepala dusun "
   "besok.", QUALITY_THREAT, 0},
  {"Racun ditemukan di kopi pak sekdes waktu rapat desa kemarin, nanti "
   "polisi periksa.", QUALITY_CLEAN, 0},
  {"Racun tikus tinggal dicampur ke makanan tikus di gudang.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_poison_first)
{
  judge_rows(poison_first_cases, N(poison_first_cases));
}
END_TEST

/* An official's family named in Kupang order ("dia pung anak-anak",
 * "bendahara pung istri") before the reporter says they know the house
 * is the family of "anak-anaknya".  The reporter's own children, or no
 * house known, are none. */
static const struct judge_case kin_owner_cases[] = {
  /* The reporter knows the way an official's family goes, then warns
   * the official ("Hati-hati saja dia"). */
  {"Bilang ke bendahara sekolah, saya tahu anaknya pulang lewat jalan sepi "
   "tiap hari. Hati-hati saja dia.", QUALITY_THREAT, 0},
  {"Kami tahu istri kades itu berangkat ke pasar lewat kali tiap pagi. "
   "Awas saja dia.", QUALITY_THREAT, 0},
  {"Saya tahu anaknya pulang lewat jalan sepi tiap hari. Kami minta lampu "
   "jalan dipasang.", QUALITY_CLEAN, 0},
  {"Saya tahu anak saya pulang lewat jalan sepi tiap hari. Hati-hati saja "
   "dia.", QUALITY_CLEAN, 0},
  {"Bilang ke bendahara sekolah, dia pung anak-anak pulang sekolah lewat "
   "jalan sepi. Beta su tau dia pung rumah, jangan sampai ada apa-apa deng "
   "dong.", QUALITY_THREAT, 0},
  {"Bendahara pung istri tiap hari jalan kaki ke pasar. Beta su tau dia "
   "pung rumah.", QUALITY_THREAT, 0},
  {"Beta pung anak-anak pulang sekolah lewat jalan sepi. Beta su tau dia "
   "pung rumah, nanti beta lapor ke RT.", QUALITY_CLEAN, 0},
  {"Dia pung anak-anak pulang sekolah lewat jalan sepi, tidak ada lampu "
   "jalan.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_kin_owner)
{
  judge_rows(kin_owner_cases, N(kin_owner_cases));
}
END_TEST

/* The official's head cut off, said as a result ("dia pulang dgn kepala
 * pisah dr badan", "kepala putus"): "kepala" with no office after it is
 * the head.  "kepala desa" is an office; an official who parts from
 * his wife is none. */
static const struct judge_case head_off_cases[] = {
  {"sy pny om2 di kampung su siap, kalau itu petugas pajak dtg tagih lg, "
   "dia pulang dgn kepala pisah dr badan", QUALITY_THREAT, 0},
  {"Kalau mandor itu datang lagi, dia pulang dengan kepala putus.",
   QUALITY_THREAT, 0},
  {"Kalau kepala desa pisah dari istrinya, urusan tanah jadi kacau.",
   QUALITY_CLEAN, 0},
  {"Petugas itu pulang dengan kepala pusing karena jalan rusak.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_head_off)
{
  judge_rows(head_off_cases, N(head_off_cases));
}
END_TEST

/* A chain of verbs in Kupang Malay: the reporter with companions as the
 * subject ("beta deng beta pung adik-adik"), coming "to" ("datang ko"),
 * a first verb whose object comes after "itu" ("bongkar itu kantor"),
 * and "deng" joining the verb of violence.  Police who come and beat,
 * or a chain that only repairs, are none. */
static const struct judge_case kupang_chain_cases[] = {
  {"Kalo sampe minggu depan sonde ada kabar, beta deng beta pung adik-adik "
   "datang ko bongkar itu kantor deng bakar dia pung motor.",
   QUALITY_THREAT, 0},
  {"Besok beta datang ko cegat itu kepala desa deng pukul dia.",
   QUALITY_THREAT, 0},
  {"Beta deng beta pung adik-adik datang ko bongkar itu pagar deng bakar "
   "sampah.", QUALITY_CLEAN, 0},
  {"Beta datang ko lapor, lalu polisi datang deng pukul beta pung adik.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_kupang_chain)
{
  judge_rows(kupang_chain_cases, N(kupang_chain_cases));
}
END_TEST

/* The reporter's word after a place named after "ke", "di" or "dari"
 * ("ke rumah kami", "di kantor saya") owns the place: it is no agent of
 * the weapon or violence after it.  An official who comes to the
 * reporter's house with a weapon is told, not threatened; the reporter
 * who comes so still threatens. */
static const struct judge_case place_owner_cases[] = {
  {"Kepala desa datang ke rumah kami membawa parang dan menyuruh kami "
   "mencabut laporan ke inspektorat.", QUALITY_CLEAN, 0},
  {"Petugas PLN datang di kantor saya bawa pisau lalu minta uang.",
   QUALITY_CLEAN, 0},
  {"Kalau dana tidak dikembalikan, kami bawa parang ke rumah kades.",
   QUALITY_THREAT, 0},
};

START_TEST(quality_judge_place_owner)
{
  judge_rows(place_owner_cases, N(place_owner_cases));
}
END_TEST

/* The reporter who comes to an official's place ("datang ke kantornya",
 * "pergi ke rumah kades") with a weapon or to do violence is still its
 * agent: the place gone to stands between them.  Going there to report
 * or with a letter is none. */
static const struct judge_case destination_cases[] = {
  {"Sampaikan ke kepala desa Borik, jangan tunggu saya datang ke kantornya "
   "membawa senapan itu.", QUALITY_THREAT, 0},
  {"Besok kami datang ke kantor camat membawa parang kalau uang tidak "
   "dikembalikan.", QUALITY_THREAT, 0},
  {"Kalau uang tidak kembali, beta pi ke rumah kades bakar dia pung oto.",
   QUALITY_THREAT, 0},
  {"Besok kami datang ke kantor camat membawa surat kalau uang tidak "
   "dikembalikan.", QUALITY_CLEAN, 0},
  {"Saya datang ke rumah kades membawa parang untuk potong rumput di "
   "halaman.", QUALITY_CLEAN, 0},
  {"Kami pergi ke kebun membawa parang dan pisau.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_destination)
{
  judge_rows(destination_cases, N(destination_cases));
}
END_TEST

/* Heads of a police unit ("kasat lantas", "kanit reskrim") are officials
 * like a kapolsek: bullets kept for one are a threat.  Reporting one,
 * and "kasat mata" (visible), are none. */
static const struct judge_case unit_head_cases[] = {
  {"Saya sudah beli pistol rakitan di Atambua, pelurunya khusus untuk "
   "kasat lantas yang peras sopir angkot itu.", QUALITY_THREAT, 0},
  {"Kalau masih minta uang, kanit reskrim itu beta tikam.", QUALITY_THREAT,
   0},
  {"Kasat lantas Polres Kupang minta uang damai 500 ribu dari sopir "
   "angkot.", QUALITY_CLEAN, 0},
  {"Pungli di loket itu tidak kasat mata, tapi semua sopir tahu.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_unit_head)
{
  judge_rows(unit_head_cases, N(unit_head_cases));
}
END_TEST

/* A building the reporter will level to the ground ("saya ratakan dengan
 * tanah", "kami meratakan dengan tanah"): "rata" made a verb with
 * "dengan tanah" after it is a verb of violence.  Potholes filled with
 * soil, and houses razed by others, are none. */
static const struct judge_case razed_cases[] = {
  {"Saya kasih waktu sampai hari Jumat. Lewat dari itu, rumah kepala desa "
   "Huilelot saya ratakan dengan tanah, dan dia ada di dalamnya.",
   QUALITY_THREAT, 0},
  {"Kalau bantuan tidak dibagi, kami akan meratakan dengan tanah kantor "
   "desa itu.", QUALITY_THREAT, 0},
  {"Lubang di jalan depan kantor desa sudah kami ratakan dengan tanah "
   "timbunan.", QUALITY_CLEAN, 0},
  {"Rumah warga di Oesapa diratakan dengan tanah oleh Satpol PP tanpa "
   "surat.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_razed)
{
  judge_rows(razed_cases, N(razed_cases));
}
END_TEST

/* A weapon or fuel in the reporter's hands ("bom rakitan sudah ada di
 * tangan kami") is readied as much as "kami sudah siapkan bom", and an
 * office that explodes or burns soon in that sentence is ruin promised.
 * A bomb of a past war found, or a gas tank that exploded, are none. */
static const struct judge_case held_ruin_cases[] = {
  {"Gedung DPRD Sikka sebentar lagi meledak, bom rakitan sudah ada di "
   "tangan kami dan kami tahu jadwal sidangnya.", QUALITY_THREAT, 0},
  {"Bensin sudah ada di tangan kami, malam ini kantor camat terbakar.",
   QUALITY_THREAT, 0},
  {"Warga menemukan bom sisa perang dunia di kebun dekat kantor desa, "
   "sekarang bom itu ada di tangan polisi.", QUALITY_CLEAN, 0},
  {"Tabung gas di dapur kantor desa meledak kemarin dan kepala desa tidak "
   "mau ganti.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_held_ruin)
{
  judge_rows(held_ruin_cases, N(held_ruin_cases));
}
END_TEST

/* Slicing ("iris", "mengiris") an official's ear, in Kupang order too
 * ("beta iris dia pung telinga"), is violence; its everyday object is
 * food, so it takes a person only right after it, as "lempar" does. */
static const struct judge_case slice_cases[] = {
  {"(vn) halo ini beta mau kasi tau sa, itu petugas PLN yang putus beta "
   "pung meteran, kalo ketemu beta iris dia pung telinga", QUALITY_THREAT,
   0},
  {"Kalau dia datang lagi minta uang, saya iris telinganya.",
   QUALITY_THREAT, 0},
  {"Besok saya mau iris bawang dan daging untuk acara di kantor desa.",
   QUALITY_CLEAN, 0},
  {"Kalau tamu camat datang, mama iris kue untuk mereka.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_slice)
{
  judge_rows(slice_cases, N(slice_cases));
}
END_TEST

/* Kidnapping ("culik", "menculik") an official or their child is
 * violence the reporter threatens; a kidnapping reported as news, or
 * done to the reporter's family, is told. */
static const struct judge_case kidnap_cases[] = {
  {"Anak dan istri pak sekcam juga tidak akan aman. Saya tahu sekolah "
   "anaknya di mana dan saya akan culik dia sampai uang kami "
   "dikembalikan.", QUALITY_THREAT, 0},
  {"Kalau dana desa tidak dibayar, kami menculik anak kepala desa.",
   QUALITY_THREAT, 0},
  {"Berita di radio: anak kepala desa Oelnasi diculik orang tidak dikenal "
   "kemarin sore.", QUALITY_CLEAN, 0},
  {"Polisi belum menangkap orang yang menculik anak saya bulan lalu.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_kidnap)
{
  judge_rows(kidnap_cases, N(kidnap_cases));
}
END_TEST

/* The reporter who sends others ("sudah saya suruh", "beta suruh") so
 * that someone is beaten ("biar dia dihajar", "supaya kades dipukul")
 * threatens that violence, whatever the errand.  A child sent for a form,
 * someone sent so that another is not beaten, or an official who sends
 * men so that the reporter is beaten, are told. */
static const struct judge_case sent_harm_cases[] = {
  {"Adik saya yang tentara sudah saya suruh cari alamat rumah mantri itu, "
   "biar dia dihajar sampai tidak bisa jalan lagi.", QUALITY_THREAT, 0},
  {"Beta su suruh anak-anak muda tunggu di jalan, supaya itu kepala desa "
   "dipukul.", QUALITY_THREAT, 0},
  {"Mama suruh anak saya ambil formulir di kantor desa supaya cepat "
   "diurus.", QUALITY_CLEAN, 0},
  {"Saya suruh adik pulang cepat supaya dia tidak dipukul preman pasar.",
   QUALITY_CLEAN, 0},
  {"Kepala desa suruh orang cari alamat rumah saya, biar saya dihajar.",
   QUALITY_CLEAN, 0},
  /* People sent ("kirim orang", "utus preman") as others are ordered,
   * and a crippling outcome ("biar dia tidak bisa jalan lagi") as the
   * purpose; people sent to fetch a document, or so that an official can
   * sign, are errands. */
  {"Beta su kirim orang ke kantor camat besok, biar dia sonde bisa "
   "berdiri lagi.", QUALITY_THREAT, 0},
  {"Kami utus preman ke rumah bendahara, supaya dia tidak bisa jalan "
   "lagi.", QUALITY_THREAT, 0},
  {"Saya kirim orang ke kantor desa untuk ambil surat keterangan, biar "
   "cepat selesai.", QUALITY_CLEAN, 0},
  {"Saya kirim orang ke rumah kades supaya dia bisa tanda tangan surat "
   "lagi.", QUALITY_CLEAN, 0},
  {"Petugas kirim orang ke rumah saya, biar saya tidak bisa jalan lagi.",
   QUALITY_CLEAN, 0},
  /* The ones sent as the subject of an active verb of violence in the
   * purpose ("biar mereka pukul dia", "supaya dong hajar itu kades"). */
  {"Saya sudah suruh kawan-kawan ojek tunggu pegawai BPN itu di simpang "
   "Oesapa, biar mereka pukul dia sampai kapok.", QUALITY_THREAT, 0},
  {"Beta su suruh anak-anak muda jaga di jalan, supaya dong hajar itu "
   "kepala desa.", QUALITY_THREAT, 0},
  {"Saya suruh adik pulang cepat supaya mereka tidak pukul dia.",
   QUALITY_CLEAN, 0},
  {"Kepala desa suruh orang tunggu di jalan, biar mereka pukul saya.",
   QUALITY_CLEAN, 0},
  {"Saya suruh anak-anak latihan tinju supaya mereka bisa pukul karung "
   "pasir.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_sent_harm)
{
  judge_rows(sent_harm_cases, N(sent_harm_cases));
}
END_TEST

/* After the reporter's signal ("tinggal saya kasih tanda saja"), an
 * official who is finished or dead ("dan dia habis", "kades mati") is a
 * death promised, as a building in ruins is.  A signature still to give,
 * or stock that runs out, are none. */
static const struct judge_case signal_doom_cases[] = {
  {"Teman-teman tukang ojek saya sudah siap cegat kepala dinas di jalan "
   "Timor Raya, tinggal saya kasih tanda saja dan dia habis.",
   QUALITY_THREAT, 0},
  {"Anak-anak muda su tunggu di pasar, tinggal beta kasi tanda, itu "
   "mandor mati.", QUALITY_THREAT, 0},
  {"Berkas sudah lengkap di kantor camat, tinggal saya tanda tangan dan "
   "urusan selesai.", QUALITY_CLEAN, 0},
  {"Pupuk subsidi di gudang desa tinggal sedikit, tinggal saya ambil "
   "jatah dan stoknya habis.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_signal_doom)
{
  judge_rows(signal_doom_cases, N(signal_doom_cases));
}
END_TEST

/* A verb of saying whose clause the reporter's word opens, with no one
 * else named before it ("saya takut menyebut nama", "kami tidak berani
 * bilang"), is the reporter's own: what follows is not reported. */
static const struct judge_case self_speaker_cases[] = {
  {"Saya takut menyebut nama karena kepala desa punya banyak orang yang "
   "suka memukul warga yang melapor.", QUALITY_CLEAN, 0},
  {"Kami tidak berani bilang karena petugas itu suka pukul warga.",
   QUALITY_CLEAN, 0},
  {"Saya dengar kepala desa bilang dia akan pukul warga yang melapor.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_self_speaker)
{
  judge_rows(self_speaker_cases, N(self_speaker_cases));
}
END_TEST

/* A deadline the reporter sets is a span as much as a day ("kasih
 * waktu tiga hari", "beri waktu 2 x 24 jam"): ruin of an office after it
 * ("rata dengan tanah") is the reporter's.  A building flattened by a
 * flood, and time given for a form, are none. */
static const struct judge_case deadline_span_cases[] = {
  {"Saya kasih waktu tiga hari. Lewat dari itu, kantor Camat Amarasi "
   "Barat rata dengan tanah.", QUALITY_THREAT, 0},
  {"Kami beri waktu 2 x 24 jam. Sesudah itu, rumah kepala desa rata "
   "dengan tanah.", QUALITY_THREAT, 0},
  {"Rumah warga di Oenesu rata dengan tanah diterjang banjir, kepala desa "
   "belum datang.", QUALITY_CLEAN, 0},
  {"Petugas kasih waktu tiga hari untuk isi formulir. Lewat dari itu, "
   "rumah kami yang rata dengan tanah karena banjir tidak dapat bantuan.",
   QUALITY_CLEAN, 0},
  /* An office named by its unit ("UPT", "UPTD") is an office too. */
  {"Saya kasih waktu sampai hari Jumat. Lewat dari itu, kantor UPT Samsat "
   "Atambua rata dengan tanah.", QUALITY_THREAT, 0},
  {"Kami beri waktu tiga hari. Sesudah itu, gedung UPTD Puskesmas Oesao "
   "rata dengan tanah.", QUALITY_THREAT, 0},
  {"Kantor UPT Samsat Atambua rata dengan tanah karena gempa, petugas "
   "melayani di tenda dan minta uang tambahan.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_deadline_span)
{
  judge_rows(deadline_span_cases, N(deadline_span_cases));
}
END_TEST

/* Asking someone to do violence ("saya sudah minta dia bacok itu
 * petugas") is ordering it, as "suruh" is.  Asking the police to arrest,
 * or an official for money back, is none. */
static const struct judge_case asked_harm_cases[] = {
  {"Om saya orang lama di Terminal Kupang, saya sudah minta dia bacok itu "
   "petugas Dishub yang pungut uang.", QUALITY_THREAT, 0},
  {"Kami minta orang kampung pukul kepala desa itu kalau dia datang "
   "lagi.", QUALITY_THREAT, 0},
  {"Saya minta polisi tangkap petugas Dishub yang pungut uang.",
   QUALITY_CLEAN, 0},
  {"Kami minta bupati potong gaji bendahara yang tilap uang BLT.",
   QUALITY_CLEAN, 0},
  {"Saya minta dia kembalikan uang, tapi petugas itu malah pukul meja.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_asked_harm)
{
  judge_rows(asked_harm_cases, N(asked_harm_cases));
}
END_TEST

/* The one a verb of violence is done to named by "-nya" ("saya akan
 * memukulnya", "memukulinya"), a verb joined by "dan"/"lalu" to an
 * earlier one sharing its agent (the reporter's people ordered or ready:
 * "sudah saya suruh mencegat pegawai itu dan menghajarnya"), and the
 * reporter's people with their companions ("om saya dan
 * teman-temannya").  What officials, a crowd or others did, the
 * reporter's fear, and rubbish burnt are none. */
static const struct judge_case object_nya_cases[] = {
  {"Saya akan memukulnya sampai dia mengaku.", QUALITY_THREAT, 0},
  {"Kami akan menghajarnya beramai-ramai.", QUALITY_THREAT, 0},
  {"Saya suruh teman saya memukulinya.", QUALITY_THREAT, 0},
  {"Saya sudah suruh anak buah saya mencegat camat itu dan memukulnya.",
   QUALITY_THREAT, 0},
  {"Teman-teman ojek di pasar sudah saya suruh menunggu petugas itu di "
   "jalan lalu menghajarnya.", QUALITY_THREAT, 0},
  {"Adik saya dan kawan-kawannya dari Soe sudah siap mendatangi rumah "
   "lurah besok dan memukulinya.", QUALITY_THREAT, 0},
  {"Om saya dan teman-temannya dari Amarasi sudah siap memukuli kepala "
   "desa.", QUALITY_THREAT, 0},
  {"Warga mengepung kantor desa kemarin dan memukuli kepala desa.",
   QUALITY_CLEAN, 0},
  {"Saya lihat polisi mencegat sopir itu dan memukulnya.", QUALITY_CLEAN, 0},
  {"Kepala desa menyuruh anak buahnya mencegat warga dan memukulinya.",
   QUALITY_CLEAN, 0},
  {"Saya takut mereka suruh orang pukul saya.", QUALITY_CLEAN, 0},
  {"Kami kumpulkan sampah di belakang kantor lalu membakarnya.",
   QUALITY_CLEAN, 0},
  {"Racunnya saya beli di toko pertanian untuk hama.", QUALITY_CLEAN, 0},
  /* The reporter's kin as the object of an official's act: the official
   * acts on in the chained verb, not the reporter. */
  {"Polisi di Polsek Maurole menahan adik saya dua hari dan memukulinya "
   "supaya mengaku.", QUALITY_CLEAN, 0},
  {"Petugas Satpol PP menangkap kakak saya di pasar lalu menghajarnya di "
   "pos.", QUALITY_CLEAN, 0},
  {"Anak buah camat mencegat bapak saya di jalan dan memukulnya.",
   QUALITY_CLEAN, 0},
  {"Besok adik saya akan mencegat camat itu di jalan dan memukulnya.",
   QUALITY_THREAT, 0},
};

START_TEST(quality_judge_object_nya)
{
  judge_rows(object_nya_cases, N(object_nya_cases));
}
END_TEST

/* A weapon readied, and in the next sentence the reporter waiting for
 * an official ("Besok pagi Pak Sekdes saya tunggu di jalan"): the
 * weapon is kept for him.  With a purpose told (a job, a signature) the
 * wait is a meeting. */
static const struct judge_case readied_wait_cases[] = {
  {"Saya sudah asah parang. Besok pagi Pak Sekdes Oeletsala saya tunggu "
   "di jalan ke kebun.", QUALITY_THREAT, 0},
  {"Beta su asah parang. Nanti malam beta tunggu itu kades di jembatan.",
   QUALITY_THREAT, 0},
  {"Saya sudah asah parang untuk ke kebun. Besok pagi Pak Sekdes saya "
   "tunggu di kantor desa.", QUALITY_CLEAN, 0},
  {"Saya sudah asah parang. Besok pagi Pak Sekdes saya tunggu di kantor "
   "desa untuk tanda tangan surat tanah.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_readied_wait)
{
  judge_rows(readied_wait_cases, N(readied_wait_cases));
}
END_TEST

/* "tinggal tunggu itu mandor": in Kupang order the demonstrative opens
 * the object, so the official waited for after a readied weapon is its
 * target as in "tinggal tunggu mandor".  The harvest waited for is
 * none. */
static const struct judge_case wait_that_cases[] = {
  {"Sa pung senapan angin su siap, tinggal tunggu itu mandor proyek jalan "
   "Bolok lewat.", QUALITY_THREAT, 0},
  {"Beta pung parang su tajam, tinggal tunggu itu kades lewat.",
   QUALITY_THREAT, 0},
  {"Beta pung parang su tajam, tinggal tunggu itu musim panen, tapi dana "
   "desa belum cair.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_wait_that)
{
  judge_rows(wait_that_cases, N(wait_that_cases));
}
END_TEST

/* A weapon the reporter says is there ("ada 2 bom ikan di rmh", "ada
 * parang di rumah") is theirs as "saya punya parang" is: one of them
 * for an office or official in the next clause is dedicated.  Bombs in
 * an official's house, and bombs seized as evidence, are none. */
static const struct judge_case weapon_there_cases[] = {
  {"ada 2 bom ikan di rmh, 1 untuk kantor camat Alor Barat Laut kalau "
   "bantuan rumah tetap dipotong", QUALITY_THREAT, 0},
  {"Ada parang di rumah, satu untuk kepala desa kalau dana tidak dibagi.",
   QUALITY_THREAT, 0},
  {"Ada bom ikan di rumah kepala desa, untuk dijual ke nelayan Alor, "
   "polisi diam saja.", QUALITY_CLEAN, 0},
  {"Ada 2 bom ikan ditemukan di perahu nelayan, 1 untuk barang bukti di "
   "kantor polisi.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_weapon_there)
{
  judge_rows(weapon_there_cases, N(weapon_there_cases));
}
END_TEST

/* A post is no recipient: "jangan angkat jadi kepala seksi" shuts the
 * group out as "jangan diberi jabatan" does, the person word after
 * "jadi"/"sebagai" being the post.  An official's kin, or an honorary
 * worker, not to be appointed are someone else. */
static const struct judge_case post_barred_cases[] = {
  {"Orang hitam keriting dari timur tu sonde tau kerja, jangan angkat "
   "jadi kepala seksi.", QUALITY_SARA, 0},
  {"Orang Sabu jangan angkat jadi kepala seksi.", QUALITY_SARA, 0},
  {"Orang Sabu di kantor camat bilang jangan angkat honorer jadi kepala "
   "seksi tanpa tes.", QUALITY_CLEAN, 0},
  {"Kami orang Alor minta jangan angkat kerabat bupati jadi kepala "
   "dinas.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_post_barred)
{
  judge_rows(post_barred_cases, N(post_barred_cases));
}
END_TEST

/* After a verb of saying ("bahwa" or not), what the subject of the
 * reported clause is called ("kami ini orang kampung bodoh yang ...") is
 * the official's words: flagged, not refused.  A thief the reporter was
 * told to report is no one called names. */
static const struct judge_case said_of_cases[] = {
  {"Camat berteriak bahwa kami ini orang kampung bodoh yang tidak tahu "
   "aturan.", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Camat bilang kami ini orang bodoh yang tidak tahu terima kasih.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Kepala sekolah mengatakan bahwa guru honor itu semua sampah.",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Camat bilang kami harus lapor pencuri sapi ke polisi saja.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_said_of)
{
  judge_rows(said_of_cases, N(said_of_cases));
}
END_TEST

/* A mind owned by an official and called stupid right after ("dia pung
 * otak bodo skali", "camat punya otak bodoh") is a low mind as "otak
 * keledai" is.  A child's mind, and the mastermind of a robbery, are
 * none. */
static const struct judge_case mind_insult_cases[] = {
  {"Itu lurah Naikoten dia pung otak bodo skali, tau minta doi sa.",
   QUALITY_INSULT, 0},
  {"Camat Kota Raja punya otak bodoh, surat kami tiga bulan tidak dibaca.",
   QUALITY_INSULT, 0},
  {"Anak saya pung otak bodo di matematika, tapi guru les minta uang "
   "tambahan.", QUALITY_CLEAN, 0},
  {"Polisi sudah tangkap otak perampok di Oesapa, tapi barang bukti "
   "hilang di kantor.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_mind_insult)
{
  judge_rows(mind_insult_cases, N(mind_insult_cases));
}
END_TEST

/* An animal called out ("dasar kadal buntung", "hei kerbau") or said of
 * an official ("Kepala Dinas PU itu keledai") insults as "dasar tikus"
 * does: the [beast] words are the common animal insults.  Livestock
 * named (a goat given as aid, buffalo in the field) are none. */
static const struct judge_case beast_aimed_cases[] = {
  {"Dasar kadal buntung, bendahara sekolah potong dana PIP anak-anak.",
   QUALITY_INSULT, 0},
  {"Hei kerbau, kapan dana desa dibagi?", QUALITY_INSULT, 0},
  {"Kepala Dinas PU itu keledai, jalan baru diaspal sudah hancur lagi.",
   QUALITY_INSULT, 0},
  {"Kepala desa itu ambil kambing bantuan dari warga dan jual ke pasar.",
   QUALITY_CLEAN, 0},
  {"Kerbau warga di Lewa mati karena kadal dan ular masuk kandang, dinas "
   "peternakan tidak datang.", QUALITY_CLEAN, 0},
  {"Bantuan dari dinas itu kambing kurus, bukan sapi seperti dijanjikan.",
   QUALITY_CLEAN, 0},
  /* "eh" calls out as "hei" does ("Pak Lurah yang terhormat, eh
   * monyet, ..."); "eh" as a pause or a correction before animals told
   * of is none. */
  {"Pak Lurah yang terhormat, eh monyet, kapan beras bantuan dibagi ke "
   "warga?", QUALITY_INSULT, 0},
  {"Eh babi, kapan uang BLT kami kau kembalikan?", QUALITY_INSULT, 0},
  {"Pak Camat, eh, monyet dari hutan masuk kebun warga tiap malam dan "
   "dinas tidak datang.", QUALITY_CLEAN, QUALITY_MARK_LITERAL},
  {"Eh, kerbau bantuan dari dinas sudah mati dua ekor bulan ini.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_beast_aimed)
{
  judge_rows(beast_aimed_cases, N(beast_aimed_cases));
}
END_TEST

/* A deadline is a day as much as a span: "batas akhir tanggal 20",
 * "paling lambat besok", "tenggat sampai hari Senin".  After it an
 * official who may not hope to come out safe ("jangan harap bisa keluar
 * rumah dengan selamat"), or an office in ruins, is the reporter's
 * promise.  A registration deadline, and patients who cannot hope for
 * care, are none. */
static const struct judge_case deadline_day_cases[] = {
  {"Batas akhir tanggal 20. Setelah itu kepala sekolah SMPN 2 Soe jangan "
   "harap bisa keluar rumah dengan selamat.", QUALITY_THREAT, 0},
  {"Paling lambat besok uang itu kembali. Lewat dari itu, rumah kepala "
   "desa rata dengan tanah.", QUALITY_THREAT, 0},
  {"Kami kasih waktu sampai hari Senin. Lewat dari itu, Pak Camat jangan "
   "harap pulang dengan selamat.", QUALITY_THREAT, 0},
  {"Kalau dana desa tidak dibagi, kades jangan harap bisa tidur dengan "
   "selamat.", QUALITY_THREAT, 0},
  {"Batas akhir pendaftaran tanggal 20. Setelah itu pasien jangan harap "
   "bisa pulang dengan selamat karena obat habis, kepala puskesmas diam.",
   QUALITY_CLEAN, 0},
  {"Paling lambat besok berkas masuk. Lewat dari itu, petugas bilang kami "
   "tidak dapat bantuan rumah.", QUALITY_CLEAN, 0},
  {"Batas akhir tanggal 20. Setelah itu kantor camat yang rata dengan "
   "tanah karena gempa belum juga dibangun.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_deadline_day)
{
  judge_rows(deadline_day_cases, N(deadline_day_cases));
}
END_TEST

/* A weapon readied ("su siap", "sudah saya isi") with a clause after it
 * that names its target ("targetnya", "sasarannya" + an official) is
 * dedicated to them, as "tinggal" or "untuk" would.  A sales target, and
 * fish the fishermen's bombs aim at, are none. */
static const struct judge_case weapon_aim_cases[] = {
  {"Panah dan tombak su siap, targetnya Kepala Dinas PUPR Sumba Barat "
   "Daya.", QUALITY_THREAT, 0},
  {"Senapan angin punya bapak saya sudah saya isi, sasarannya kepala "
   "puskesmas yang tukar obat itu.", QUALITY_THREAT, 0},
  {"Kepala BPN bilang targetnya 100 sertifikat tahun ini, tapi baru 20 "
   "yang jadi.", QUALITY_CLEAN, 0},
  {"Bom ikan sering dipakai nelayan, sasarannya ikan di karang, kepala "
   "desa diam saja.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_weapon_aim)
{
  judge_rows(weapon_aim_cases, N(weapon_aim_cases));
}
END_TEST

/* Beating by a crowd ("keroyok", "mengeroyok") is violence as "pukul"
 * is: the reporter's people doing it to an official is a threat.  A
 * crowd that beat a thief, told as news, is none. */
static const struct judge_case mob_beating_cases[] = {
  {"Teman-teman ojek sudah sepakat, petugas Dishub yang pungut liar di "
   "terminal itu kami keroyok sampai mampus.", QUALITY_THREAT, 0},
  {"Kalau besok dia minta uang lagi, kami mengeroyok mandor itu.",
   QUALITY_THREAT, 0},
  {"Kemarin warga keroyok maling di pasar Oeba, polisi datang terlambat.",
   QUALITY_CLEAN, 0},
  {"Sopir angkot dikeroyok preman di terminal dan petugas Dishub diam "
   "saja.", QUALITY_CLEAN, 0},
  /* A crowd's violence the reporter leads ("saya yang akan pimpin",
   * "dipimpin beta") is the reporter's; a protest led is none. */
  {"Masyarakat sudah siap mengeroyok ketua panitia PPDB itu begitu dia "
   "keluar rumah, dan saya yang akan pimpin.", QUALITY_THREAT, 0},
  {"Pemuda kampung siap hajar kepala desa besok, beta yang pimpin.",
   QUALITY_THREAT, 0},
  {"Besok warga akan serbu kantor camat, dipimpin oleh saya sendiri.",
   QUALITY_THREAT, 0},
  {"Masyarakat sudah siap demo di kantor bupati, dan saya yang akan "
   "pimpin.", QUALITY_CLEAN, 0},
  {"Warga mengeroyok pencuri di pasar, dan camat yang pimpin rapat "
   "sesudahnya.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_mob_beating)
{
  judge_rows(mob_beating_cases, N(mob_beating_cases));
}
END_TEST

/* Paying or hiring someone ("bayar orang", "sewa preman") to do violence
 * is ordering it: the reporter's act.  Paying a lawyer for a case, or
 * workers to cut grass, is none. */
static const struct judge_case hired_harm_cases[] = {
  {"Saya sudah bayar orang untuk patahkan kaki sekretaris desa yang potong "
   "BLT kami.", QUALITY_THREAT, 0},
  {"Kami akan sewa preman untuk pukul kepala dusun itu.", QUALITY_THREAT,
   0},
  {"Saya sudah bayar pengacara untuk urus kasus pemukulan oleh kepala "
   "desa.", QUALITY_CLEAN, 0},
  {"Kami bayar orang untuk potong rumput di halaman kantor desa, tapi "
   "dana dari desa tidak turun.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_hired_harm)
{
  judge_rows(hired_harm_cases, N(hired_harm_cases));
}
END_TEST

/* "beta deng beta pung om dong sendiri yang ...": the reporter with
 * their people (subject_party) before "sendiri yang" is the reporter's
 * party doing it, as "beta sendiri yang" is.  Police told to stay away
 * doing it themselves, and the reporter's uncle who was beaten, are
 * none. */
static const struct judge_case party_cleft_cases[] = {
  {"Sonde usah lapor polisi lai, beta deng beta pung om dong sendiri yang "
   "nanti pukul mati itu mantri.", QUALITY_THREAT, 0},
  {"Saya dan adik-adik saya sendiri yang akan bakar kantor camat itu.",
   QUALITY_THREAT, 0},
  {"Beta deng beta pung om dong sendiri yang lihat itu mantri pukul "
   "pasien.", QUALITY_CLEAN, 0},
  {"Polisi dong sendiri yang pukul beta pung om di pasar.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_party_cleft)
{
  judge_rows(party_cleft_cases, N(party_cleft_cases));
}
END_TEST

/* Burying someone alive ("kubur hidup-hidup", "mengubur dia hidup-hidup")
 * is killing them.  Burying the dead, and miners buried alive by a
 * landslide, are none. */
static const struct judge_case buried_alive_cases[] = {
  {"Jadi kalau sampai akhir bulan ini tidak ada pemeriksaan, kontraktor "
   "itu akan kami kubur hidup-hidup di lubang jalannya sendiri.",
   QUALITY_THREAT, 0},
  {"Kalau dana tidak kembali, kami akan mengubur kepala desa itu "
   "hidup-hidup.", QUALITY_THREAT, 0},
  {"Kami akan kubur jenazah bapak besok, tapi kepala desa belum kasih "
   "tanah makam.", QUALITY_CLEAN, 0},
  {"Dua penambang terkubur hidup-hidup karena longsor, kepala desa tidak "
   "peduli.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_buried_alive)
{
  judge_rows(buried_alive_cases, N(buried_alive_cases));
}
END_TEST

/* "tinggal nama" (dead) said of an official after "tunggu saja", past
 * link words ("bupati itu tinggal nama"), is a death promised as "pulang
 * tinggal nama" is.  A cooperative or a programme that exists no more
 * is none. */
static const struct judge_case wait_name_cases[] = {
  {"Tunggu saja, sebentar lagi bupati itu tinggal nama.", QUALITY_THREAT,
   0},
  {"Kades itu tunggu saja, dia tinggal nama.", QUALITY_THREAT, 0},
  {"Tunggu saja, sebentar lagi koperasi desa itu tinggal nama.",
   QUALITY_CLEAN, 0},
  {"Kami disuruh tunggu saja, sekarang program bantuan itu tinggal nama.",
   QUALITY_CLEAN, 0},
  /* The official named with what they hold ("bendahara dana BOS itu")
   * after "sebentar lagi": the phrase's head is the person. */
  {"Tunggu saja, sebentar lagi bendahara dana BOS itu tinggal nama.",
   QUALITY_THREAT, 0},
  {"Tunggu saja, sebentar lagi ketua panitia pengadaan beras itu tinggal "
   "nama.", QUALITY_THREAT, 0},
  {"Tunggu saja, sebentar lagi koperasi pegawai dana BOS itu tinggal "
   "nama.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_wait_name)
{
  judge_rows(wait_name_cases, N(wait_name_cases));
}
END_TEST

/* The reporter who will not vouch for an official's life or house
 * ("saya tidak jamin nyawa Pak Camat aman") on a condition about them
 * promises its end.  A danger of nature the reporter cannot vouch
 * against, and an official who does not guarantee the reporter, are
 * none. */
static const struct judge_case unvouched_cases[] = {
  {"Saya tidak jamin nyawa Pak Camat aman kalau dia masih berani injak "
   "kampung kami lagi.", QUALITY_THREAT, 0},
  {"Kalau kades itu datang lagi, kami tidak menjamin rumahnya selamat.",
   QUALITY_THREAT, 0},
  {"Saya tidak jamin rumah pak RT aman kalau banjir datang lagi, "
   "talud belum dibangun.", QUALITY_CLEAN, 0},
  {"Kepala desa bilang dia tidak jamin nyawa saya aman kalau saya "
   "lapor.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_unvouched)
{
  judge_rows(unvouched_cases, N(unvouched_cases));
}
END_TEST

/* Fuel put first and readied by the reporter for an office ("dua jeriken
 * bensin sudah saya siapkan untuk kantor desa") is readied as a weapon
 * is.  Fuel readied for a vehicle, or bought for the office generator by
 * its staff, is none. */
static const struct judge_case fuel_readied_cases[] = {
  {"Dua jeriken bensin sudah saya siapkan untuk kantor Desa Nunmafo, "
   "tinggal tunggu malam.", QUALITY_THREAT, 0},
  {"Minyak tanah sudah kami siapkan untuk rumah kepala dusun itu.",
   QUALITY_THREAT, 0},
  {"Bensin sudah saya siapkan untuk motor dinas, tapi kepala desa tidak "
   "ganti uangnya.", QUALITY_CLEAN, 0},
  {"Solar untuk genset kantor camat dibeli bendahara dengan harga dua kali "
   "lipat.", QUALITY_CLEAN, 0},
  /* Fuel brought in its container ("bawa jeriken bensin") and a thing
   * burnt together with a person ("terbakar bersama orang yang
   * membuatnya"): arson of people.  Fuel for a generator, or a fire
   * told, is none. */
  {"Besok saya bawa jeriken bensin ke Kantor Pertanahan Ende, biar "
   "sertifikat palsu itu terbakar bersama orang yang membuatnya.",
   QUALITY_THREAT, 0},
  {"Beta su siapkan botol minyak tanah, biar itu berkas hangus deng dia "
   "pung pembuat sekalian.", QUALITY_THREAT, 0},
  {"Saya bawa jeriken bensin ke kantor desa untuk genset, karena listrik "
   "padam.", QUALITY_CLEAN, 0},
  {"Arsip desa terbakar bersama gudangnya waktu kebakaran tahun lalu.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_fuel_readied)
{
  judge_rows(fuel_readied_cases, N(fuel_readied_cases));
}
END_TEST

/* Poison put in an official's drink written the Kupang way, the
 * demonstrative first ("di itu bendahara pung kopi"), is served as "di
 * kopi bendahara" is.  Poison for the rats in the reporter's own coffee
 * store is none. */
static const struct judge_case poison_kupang_cases[] = {
  {"Beta nanti taru racun di itu bendahara pung kopi, biar dia mati "
   "pelan-pelan.", QUALITY_THREAT, 0},
  {"Sa mau campur racun ke itu kades pung teh.", QUALITY_THREAT, 0},
  {"Beta nanti taru racun tikus di itu gudang kopi, kepala desa tidak "
   "kasih bantuan obat hama.", QUALITY_CLEAN, 0},
  /* The drink put first in a clause of the reporter's, the poison in a
   * later clause with no agent of its own: the reporter's still, with
   * its outcome on people after it.  Poison found, or with no outcome
   * on anyone, is none. */
  {"Air minum di rumah camat itu saya sudah tahu dari mana, tinggal "
   "taruh racun mati dia sekeluarga.", QUALITY_THREAT, 0},
  {"Sumur di rumah kades sudah saya periksa, ternyata ada racun hama di "
   "dekatnya.", QUALITY_CLEAN, 0},
  {"Sumur di rumah kades sudah saya periksa kemarin, ada racun, mati "
   "ikan di kolam.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_poison_kupang)
{
  judge_rows(poison_kupang_cases, N(poison_kupang_cases));
}
END_TEST

/* "di mana" in SMS shorthand ("di mn", "dmn", "dmana") after "awas" and
 * the reporter knowing ("sy tau rmh km di mn") is the reporter knowing
 * where someone lives.  A reporter who does not know where the office
 * is, asking, is none. */
static const struct judge_case where_sms_cases[] = {
  {"awas km pak kades, sy tau rmh km di mn. tggu sj mlm ni",
   QUALITY_THREAT, 0},
  {"awas pak camat, sy tau rmh anak bpk dmn", QUALITY_THREAT, 0},
  {"sy tdk tau kantor dinsos di mn, tlg kasih alamat", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_where_sms)
{
  judge_rows(where_sms_cases, N(where_sms_cases));
}
END_TEST

/* Sending an office a bomb ("kantor BPN itu bisa kami kirimi satu",
 * "kami kirim bom ke rumah kades") is violence with the weapon named in
 * the sentence.  Sending a letter, or fish bombs seized and sent to the
 * police, are none. */
static const struct judge_case weapon_sent_cases[] = {
  {"Saya punya kenalan yang bisa rakit bom ikan, kantor BPN Ende itu bisa "
   "kami kirimi satu.", QUALITY_THREAT, 0},
  {"Kalau tanah kami tidak dikembalikan, kami kirim bom ke rumah kepala "
   "BPN.", QUALITY_THREAT, 0},
  {"Kantor BPN Ende itu sudah kami kirimi surat tiga kali, tidak ada "
   "jawaban.", QUALITY_CLEAN, 0},
  {"Bom ikan yang disita warga sudah dikirim ke kantor polisi, kepala desa "
   "diam saja.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_weapon_sent)
{
  judge_rows(weapon_sent_cases, N(weapon_sent_cases));
}
END_TEST

/* A warning to an official about their dark way home may run over more
 * than one sentence when the reporter closes it as their message ("Itu
 * saja pesan saya"): the darkness told after it is the menace.  The same
 * words to other citizens, and a dark road complained of, are none. */
static const struct judge_case message_warning_cases[] = {
  {"Kepala desa itu sebaiknya hati-hati kalau pulang malam lewat jalan "
   "kebun. Di sana gelap dan sering ada kejadian. Itu saja pesan saya.",
   QUALITY_THREAT, 0},
  {"Warga sebaiknya hati-hati kalau pulang malam lewat jalan kebun. Di "
   "sana gelap dan sering ada kejadian. Itu saja pesan saya.",
   QUALITY_CLEAN, 0},
  {"Kepala desa tidak pernah pasang lampu di jalan kebun. Di sana gelap "
   "dan sering ada kejadian. Itu saja pesan saya.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_message_warning)
{
  judge_rows(message_warning_cases, N(message_warning_cases));
}
END_TEST

/* Filth said of an official ("kotoran", as "sampah" is) insults when
 * aimed; filth in a street or a market is told. */
static const struct judge_case filth_cases[] = {
  {"Sekdes itu su macam kotoran, sonde ada guna.", QUALITY_INSULT, 0},
  {"Kepala dinas itu kotoran, tidak ada gunanya.", QUALITY_INSULT, 0},
  {"Hei kotoran, kapan gaji guru honor dibayar?", QUALITY_INSULT, 0},
  {"Kotoran sapi menumpuk di depan kantor desa, petugas kebersihan tidak "
   "datang.", QUALITY_CLEAN, 0},
  {"Pasar Inpres penuh kotoran dan kepala pasar diam saja.", QUALITY_CLEAN,
   0},
  /* A filth or animal word with "you" after it, a particle ("lah") or an
   * intensifier between, is called at the one addressed; manure told of
   * is its literal sense. */
  {"Tai lah ko pak camat, KTP su tiga bulan belum jadi.", QUALITY_INSULT,
   0},
  {"Anjing sekali kau pak kades, bantuan beras kau jual.", QUALITY_INSULT,
   0},
  {"Tai sapi di depan kantor desa tidak dibersihkan lah, kau tahu sendiri.",
   QUALITY_CLEAN, QUALITY_MARK_LITERAL},
};

START_TEST(quality_judge_filth)
{
  judge_rows(filth_cases, N(filth_cases));
}
END_TEST

/* "lu kepala dusun bodoh": the one addressed ([you]) named by office
 * opens the clause and the predicate ends it, a call as "dasar kepala
 * dusun bodoh" is.  The reporter's word, or a predicate that goes on,
 * calls no one. */
/* A death told to the one addressed with a day ("besok kau mati", "kau
 * mati malam ini"): a threat, and quoted it marks the text.  A
 * condition ("kalau kau mati, siapa urus anakmu") is none. */
static const struct judge_case you_doomed_cases[] = {
  {"Pak kades, besok kau mati.", QUALITY_THREAT, 0},
  {"Ko mati malam ini, tunggu saja.", QUALITY_THREAT, 0},
  {"Anak kepala desa datang ke rumah saya bawa parang dan bilang \"besok "
   "kau mati\".", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Kalau kau mati besok, siapa yang urus sawah?", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_you_doomed)
{
  judge_rows(you_doomed_cases, N(you_doomed_cases));
}
END_TEST

/* "Satu kali lagi kepala desa injak harga diri kami, darahnya tumpah":
 * one more time an official does it, as a condition, then blood spilt.
 * "Sekali lagi saya tegaskan" is no condition on anyone. */
static const struct judge_case once_more_cases[] = {
  {"Dia pikir saya takut? Satu kali lagi kepala desa injak harga diri "
   "kami, darahnya tumpah di lantai kantor itu.", QUALITY_THREAT, 0},
  {"Sekali lagi camat itu tipu kami, darah akan tumpah.", QUALITY_THREAT,
   0},
  {"Sekali lagi saya tegaskan, darahnya tumpah di lantai kantor waktu "
   "kepala desa pukul dia.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_once_more)
{
  judge_rows(once_more_cases, N(once_more_cases));
}
END_TEST

static const struct judge_case you_called_cases[] = {
  {"Lu kepala dusun bodoh, lu pikir katong sonde tau lu jual beras raskin?",
   QUALITY_INSULT, 0},
  {"Kau pegawai kantor pajak maling, kembalikan uang kami.", QUALITY_INSULT,
   0},
  {"Kamu kepala dusun tolong datang ke rumah kami.", QUALITY_CLEAN, 0},
  {"Kami kepala dusun bodoh kalau diam saja, jadi kami lapor.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_you_called)
{
  judge_rows(you_called_cases, N(you_called_cases));
}
END_TEST

/* An animal or a thief with a word of its own after it ("tikus got",
 * "anjing kampung") ending the clause, after a link word or "semua", in
 * a clause an official opens: said of the official.  Rats in a gutter or
 * a store, or an animal with its literal sense beside it, are told. */
static const struct judge_case qualified_cases[] = {
  {"Anggota DPRD dapil Sikka semua tikus got, makan uang rakyat.",
   QUALITY_INSULT, 0},
  {"Kepala dinas pendidikan itu tikus got.", QUALITY_INSULT, 0},
  {"Pegawai kantor pajak itu maling kampung, minta uang terus.",
   QUALITY_INSULT, 0},
  {"Di gudang kantor desa itu tikus got, beras bantuan rusak.",
   QUALITY_CLEAN, 0},
  {"Pegawai dinas kebersihan tangkap tikus got di pasar.", QUALITY_CLEAN,
   0},
  {"Pak camat datang ke kandang itu babi semua mati.", QUALITY_CLEAN,
   QUALITY_MARK_LITERAL},
};

START_TEST(quality_judge_qualified_predicate)
{
  judge_rows(qualified_cases, N(qualified_cases));
}
END_TEST

/* A place that must be "bersih dari" a group or "mereka" (clean of them)
 * calls to expel the group, as "dibersihkan dari" does; clean of
 * extortion, or told as done, is none. */
static const struct judge_case clean_of_cases[] = {
  {"Orang Islam di desa kami tukang bikin onar, kantor desa harus bersih "
   "dari mereka.", QUALITY_SARA, 0},
  {"Kantor camat harus bersih dari orang Sabu.", QUALITY_SARA, 0},
  {"Warga Sabu minta kantor desa harus bersih dari pungli.", QUALITY_CLEAN,
   0},
  {"Orang Bugis pindah ke Oeba, sekarang pasar sudah bersih dari mereka.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_clean_of)
{
  judge_rows(clean_of_cases, N(clean_of_cases));
}
END_TEST

/* The colloquial forms of bribing ("nyogok", "nyuap") derogate a group
 * as "menyogok" does; an official or a group made to bribe is told. */
static const struct judge_case bribe_cases[] = {
  {"kpl dinas bawa org2 manggarai smua, org mgr tu kerjanya cm nyogok",
   QUALITY_SARA, 0},
  {"Orang Bima semua tukang nyuap.", QUALITY_SARA, 0},
  {"Kontraktor itu nyogok kepala dinas supaya menang tender.",
   QUALITY_CLEAN, 0},
  {"Orang Sabu di desa kami disuruh nyogok petugas supaya KTP keluar.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_bribe_said)
{
  judge_rows(bribe_cases, N(bribe_cases));
}
END_TEST

/* A group said to be used to ("biasa", as "suka" or "selalu") the crime
 * told as an idiom ("makan uang", "tilep dana"): said of the whole group.
 * An official who eats the money, a group that eats rice, or ordinary
 * people ("orang biasa") robbed, are told. */
static const struct judge_case habit_cases[] = {
  {"Dong orang Rote tu su biasa makan uang, dari dulu sonde pernah jujur.",
   QUALITY_SARA, 0},
  {"Orang Sabu di kantor itu memang biasa tilep dana desa.", QUALITY_SARA,
   0},
  {"Kepala desa orang Rote makan uang BLT, warga sonde dapat.",
   QUALITY_CLEAN, 0},
  {"Orang Sumba di desa kami biasa makan jagung, beras bantuan tidak "
   "datang.", QUALITY_CLEAN, 0},
  {"Kami orang biasa dari Rote, dana desa dimakan kepala desa.",
   QUALITY_CLEAN, 0},
  {"Anggota DPRD dapil Sikka semua makan uang rakyat.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_habit_crime)
{
  judge_rows(habit_cases, N(habit_cases));
}
END_TEST

/* A crime or derogation is SARA only said of the group: a group the
 * victim of it (after a passive verb, "korban", "kena") is told, and so
 * is a group said of it after a link word closing its own phrase. */
static const struct judge_case victim_cases[] = {
  {"Orang Rote selalu jadi korban pencuri ternak", QUALITY_CLEAN, 0},
  {"Orang Sumba selalu dituduh pencuri oleh petugas pasar.", QUALITY_CLEAN,
   0},
  {"Pedagang Bugis di pasar Oeba semua kena tipu petugas retribusi.",
   QUALITY_CLEAN, 0},
  {"Orang Alor selalu dirampok preman di pelabuhan.", QUALITY_CLEAN, 0},
  {"Orang Rote semua pencuri", QUALITY_SARA, 0},
  {"Orang Rote selalu jadi pencuri ternak", QUALITY_SARA, 0},
  {"Orang Rote dikenal pencuri semua", QUALITY_SARA, 0},
  {"Orang Bugis di pasar itu penipu semua, pembeli selalu jadi korban.",
   QUALITY_SARA, 0},
  {"Orang Sabu yang ditangkap polisi itu memang pencuri semua",
   QUALITY_SARA, 0},
  /* The group restated by "mereka"/"dorang" in a later clause, the
   * derogation its predicate; "mereka" after another person is theirs,
   * and a group the victim is told. */
  {"Jangan percaya orang Rote, dari dulu sampai sekarang mereka licik.",
   QUALITY_SARA, 0},
  {"Hati-hati dengan orang Sabu di pasar, mereka penipu dan pencuri.",
   QUALITY_SARA, 0},
  {"Saya kesal dengan orang Manggarai di kantor ini, mereka pemalas.",
   QUALITY_SARA, 0},
  {"Orang Bima yang jualan di pasar Oeba, dorang tukang tipu.", QUALITY_SARA,
   0},
  {"Orang Rote di desa kami lapor ke polisi, mereka jadi korban penipu.",
   QUALITY_CLEAN, 0},
  {"Orang Flores di kampung kami lapor pegawai bank, mereka pencuri uang "
   "kami.", QUALITY_CLEAN, 0},
  {"Orang Alor di desa kami tidak dapat BLT, mereka korban kades yang "
   "korupsi.", QUALITY_CLEAN, 0},
  /* The derogation put first as the topic, the restating pronoun after
   * it as the one who excels at it ("soal tipu, dorang paling jago"); a
   * crime the group fights, or another person excelling, is none. */
  {"Orang Sabu tu ramah sa, tapi soal tipu dorang paling jago.",
   QUALITY_SARA, 0},
  {"Orang Bima di pasar itu, urusan mencuri mereka nomor satu.",
   QUALITY_SARA, 0},
  {"Orang Rote di desa kami, urusan lawan korupsi mereka paling berani.",
   QUALITY_CLEAN, 0},
  {"Orang Sabu di desa kami tertipu, soal tipu camat itu paling jago.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_group_victim)
{
  judge_rows(victim_cases, N(victim_cases));
}
END_TEST

/* One official whose origin is named right after the office ("Kepala
 * desa orang Rote korupsi ..."): the crime is said of that person, not
 * of the group, unless a word of reason puts it down to the origin or
 * "semua" follows the group. */
static const struct judge_case apposed_cases[] = {
  {"Kepala desa orang Rote korupsi uang BLT", QUALITY_CLEAN, 0},
  {"Bendahara desa orang Sabu itu korupsi dana desa 200 juta",
   QUALITY_CLEAN, 0},
  {"Pak Yohanis orang Alor sering menipu warga soal tanah", QUALITY_CLEAN,
   0},
  {"Lurah Oebobo orang Flores selalu minta uang, dia penipu", QUALITY_CLEAN,
   0},
  {"Dong orang Rote tu su biasa makan uang", QUALITY_SARA, 0},
  {"Kepala desa itu orang Rote, makanya dia korupsi.", QUALITY_SARA, 0},
  {"Pegawai orang Sabu semua korupsi", QUALITY_SARA, 0},
  {"Kepala desa orang Rote, makanya dia korupsi.", QUALITY_SARA, 0},
  /* Put down to the nature of the group ("bawaan suku", "sifat orang
   * X", "watak mereka") as a word of reason does. */
  {"Petugas dari Sumba di Samsat itu pemalas, memang watak suku mereka.",
   QUALITY_SARA, 0},
  {"Kepala desa orang Rote itu licik, sudah sifat orang Rote begitu.",
   QUALITY_SARA, 0},
  {"Bendahara dari Sabu itu korupsi dana desa, sudah bawaan dorang.",
   QUALITY_SARA, 0},
  {"Pegawai dari Flores di pelabuhan itu mencuri barang bawaan penumpang.",
   QUALITY_CLEAN, 0},
  {"Camat dari Sumba itu ramah, sifat orang Sumba memang begitu.",
   QUALITY_CLEAN, 0},
  {"Pegawai dari Flores itu korupsi, padahal sifat orang Flores jujur.",
   QUALITY_CLEAN, 0},
  {"Kades dari Rote itu korupsi dana desa, memang sifat orang kaya baru.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_origin_apposed)
{
  judge_rows(apposed_cases, N(apposed_cases));
}
END_TEST

/* An animal or filth word with a word of amount or spread after it
 * ("banyak", "berserakan"), or with "semua" when the subject is a
 * building, tells what is there; said of people it insults. */
static const struct judge_case plenty_cases[] = {
  {"Kantor desa itu tikus banyak", QUALITY_CLEAN, 0},
  {"Kantor desa itu tikus semua", QUALITY_CLEAN, 0},
  {"Puskesmas itu sampah berserakan", QUALITY_CLEAN, 0},
  {"Kantor camat itu sampah menumpuk di belakang, petugas kebersihan tidak "
   "datang", QUALITY_CLEAN, 0},
  {"Kantor lurah itu tikus berkeliaran di ruang arsip", QUALITY_CLEAN, 0},
  {"kepala dinas itu tikus", QUALITY_INSULT, 0},
  {"pegawai kantor desa itu sampah semua", QUALITY_INSULT, 0},
  {"Kades itu tikus banyak makan uang", QUALITY_INSULT, 0},
  {"Pegawai kantor camat itu tikus semua", QUALITY_INSULT, 0},
  {"Kantor desa itu kerbau semua", QUALITY_CLEAN, 0},
  {"Satpol PP Kota Kupang itu kerbau semua", QUALITY_INSULT, 0},
  {"Kepala dinas pendidikan itu tikus got", QUALITY_INSULT, 0},
};

START_TEST(quality_judge_plenty_literal)
{
  judge_rows(plenty_cases, N(plenty_cases));
}
END_TEST

/* "jangan kasih" shuts a group out only when the group is the one given
 * to ("jangan kasih mereka jabatan", "jgn kasi orang Rote jadi
 * pegawai") or told so right after it; money not to be given to an
 * official or a preman is advice. */
static const struct judge_case gift_cases[] = {
  {"Orang Sabu di desa kami minta kades jgn kasi proyek ke kontraktor itu "
   "lagi", QUALITY_CLEAN, 0},
  {"Mama-mama orang Rote di pasar bilang jgn kasi uang ke petugas "
   "retribusi", QUALITY_CLEAN, 0},
  {"Orang Bugis di pasar jgn kasi uang ke preman, lapor polisi saja",
   QUALITY_CLEAN, 0},
  {"Orang Rote semua sudah lapor, jgn kasi petugas itu uang lagi",
   QUALITY_CLEAN, 0},
  {"Petugas suruh orang Sabu jgn kasi laporan ke polisi", QUALITY_CLEAN, 0},
  {"Warga Sumba semua minta jgn kasi izin tambang", QUALITY_CLEAN, 0},
  {"Orang Sabu semua pencuri, jgn kasi jabatan", QUALITY_SARA, 0},
  {"Orang Sabu jangan kasih jabatan di kantor desa", QUALITY_SARA, 0},
  {"jgn kasi orang Rote jadi pegawai di kantor bupati", QUALITY_SARA, 0},
  {"Jangan kasih jabatan ke orang Alor di kantor ini.", QUALITY_SARA, 0},
  {"Pegawai baru di kantor camat orang Sabu semua, jangan kasih mereka "
   "jabatan lagi", QUALITY_SARA, 0},
};

START_TEST(quality_judge_gift_recipient)
{
  judge_rows(gift_cases, N(gift_cases));
}
END_TEST

/* A likeness of two words ("sama dengan", "sama deng", "seperti
 * dengan") links a subject to its predicate as "seperti" alone does;
 * a comparison of prices or of animals, and people treated like animals
 * told of, insult no one. */
static const struct judge_case likeness_cases[] = {
  {"Kepala dinas pertanian itu sama dengan babi, semua bantuan dia makan "
   "sendiri", QUALITY_INSULT, 0},
  {"Pak kades, lu ni sama deng monyet, kerja sonde becus", QUALITY_INSULT,
   0},
  {"Petugas Dukcapil tu seperti dengan anjing, bentak orang tua terus",
   QUALITY_INSULT, 0},
  {"Harga babi di pasar itu sama dengan tahun lalu, tapi petugas tetap "
   "pungut retribusi", QUALITY_CLEAN, QUALITY_MARK_LITERAL},
  {"Kandang babi kades itu sama dengan kandang babi warga", QUALITY_CLEAN,
   QUALITY_MARK_LITERAL},
  {"Kades itu sama dengan kades lain, minta uang terus", QUALITY_CLEAN, 0},
  {"Monyet di kebun itu sama dengan monyet di hutan, petugas kehutanan "
   "tidak urus", QUALITY_CLEAN, QUALITY_MARK_LITERAL},
};

START_TEST(quality_judge_likeness)
{
  judge_rows(likeness_cases, N(likeness_cases));
}
END_TEST

/* An animal with an [insult] word after it ("anjing bodok", "babi
 * sial") is one predicate, said of the official the clause names before
 * it however many words of place stand between; a dog that bites, a pig
 * given to the reporter, a pig the vet called stupid insult no one. */
static const struct judge_case beast_qualified_cases[] = {
  {"Itu kepala sekolah di SD Inpres Oebufu babi bodoh, dana BOS dia pakai "
   "sendiri", QUALITY_INSULT, 0},
  {"Petugas loket di Samsat Soe monyet bodok, suruh kami tunggu seharian",
   QUALITY_INSULT, 0},
  {"Bendahara di kantor desa anjing sial, uang BLT dia potong",
   QUALITY_INSULT, 0},
  {"Anjing bodok milik tetangga gigit anak saya, petugas puskesmas tidak "
   "ada vaksin rabies", QUALITY_CLEAN, QUALITY_MARK_LITERAL},
  {"Kades kasi kami babi sial, mati satu minggu kemudian", QUALITY_CLEAN,
   QUALITY_MARK_LITERAL},
  {"Petugas peternakan bilang babi kami bodoh karena tidak mau makan pakan",
   QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Di kandang kades ada babi bodoh yang lepas terus", QUALITY_CLEAN,
   QUALITY_MARK_LITERAL},
};

START_TEST(quality_judge_beast_qualified)
{
  judge_rows(beast_qualified_cases, N(beast_qualified_cases));
}
END_TEST

/* A face or mind likened to a low thing ("pantat kuali", "dengkul"),
 * not only to an animal, owned ("pung") by an official named with his
 * place or his name; the reporter's child's sooty face, a pot, a face
 * beaten blue insult no one. */
static const struct judge_case face_likened_cases[] = {
  {"Itu petugas di loket Samsat pung muka macam pantat panci, minta uang "
   "terus", QUALITY_INSULT, 0},
  {"Kades Oelbiteno pung otak kaya dengkul, dana desa hilang",
   QUALITY_INSULT, 0},
  {"lu pung muka kaya pantat kuali, pak kadus", QUALITY_INSULT, 0},
  {"Anak saya pung muka kaya pantat kuali karena asap dapur di rumah",
   QUALITY_CLEAN, 0},
  {"Pantat kuali di dapur puskesmas hitam semua, petugas gizi tidak cuci",
   QUALITY_CLEAN, 0},
  {"Petugas pukul sa pung muka sampai bengkak, biru macam pantat kuali",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_face_likened)
{
  judge_rows(face_likened_cases, N(face_likened_cases));
}
END_TEST

/* Parasites and mistletoe said of an official or to officials' faces
 * insult like "lintah"; a tree with mistletoe and a child with worms
 * are what they are. */
static const struct judge_case parasite_cases[] = {
  {"Anggota DPRD Sikka yang terhormat, kalian itu benalu busuk!",
   QUALITY_INSULT, 0},
  {"Sekdes Oesao itu parasit, dana desa dia hisap terus", QUALITY_INSULT, 0},
  {"Bapak-bapak di kantor camat, kalian semua parasit rakyat",
   QUALITY_INSULT, 0},
  {"Pohon jeruk di kebun kami kena benalu, penyuluh pertanian tidak pernah "
   "datang", QUALITY_CLEAN, 0},
  {"Anak-anak kena parasit cacing, puskesmas tidak kasih obat",
   QUALITY_CLEAN, 0},
  {"Kades bilang kami ini parasit desa", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_parasite)
{
  judge_rows(parasite_cases, N(parasite_cases));
}
END_TEST

/* The peoples of NTT and near it (Bajo, Sawu, Kedang, Abui, ...) and
 * Marapu are groups; the group called "bangsa kotor", "kaum pencuri"
 * (a word of group before the derogation) is derogated.  Bajo fishermen
 * without boats, Adonara's flood victims and one village head's origin
 * are none. */
static const struct judge_case peoples_cases[] = {
  {"Orang Kedang itu bangsa pemalas, proyek jalan tidak pernah selesai",
   QUALITY_SARA, 0},
  {"Suku Abui itu kaum pencuri, ternak kami hilang terus", QUALITY_SARA, 0},
  {"Orang Bajo semua pencuri, hati-hati kalau ke pelabuhan", QUALITY_SARA,
   0},
  {"Agama Marapu itu sesat, semua harus masuk gereja", QUALITY_SARA, 0},
  {"Orang Bajo di Pulau Kera minta kades perbaiki dermaga", QUALITY_CLEAN,
   0},
  {"Nelayan Bajo di Kalabahi tidak dapat bantuan perahu dari dinas",
   QUALITY_CLEAN, 0},
  {"Kepala desa orang Solor itu korupsi dana desa", QUALITY_CLEAN, 0},
  {"Warga Adonara itu korban banjir, bantuan tidak sampai", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_peoples)
{
  judge_rows(peoples_cases, N(peoples_cases));
}
END_TEST

/* SARA in SMS shorthand: a derogation or a verb of giving written
 * without its vowels ("pnipu", "pmalas", "koruptr", "trima") is read as
 * written in full; a group taking aid, robbed, or called lazy by the
 * camat is none. */
static const struct judge_case sara_sms_cases[] = {
  {"org2 rote tu smua pnipu, hati2 kalo urus tanah", QUALITY_SARA, 0},
  {"org sabu smua pmalas, sonde usah kasi kerja di kantor", QUALITY_SARA, 0},
  {"org2 flores tu smua koruptr", QUALITY_SARA, 0},
  {"jgn trima org2 sumba jd pegawai di dinas", QUALITY_SARA, 0},
  {"org2 sumba smua trima bantuan, tp kades potong 50rb", QUALITY_CLEAN, 0},
  {"org2 rote di pasar jd korban prampok, polisi diam sj", QUALITY_CLEAN, 0},
  {"pak camat bilang org2 sabu tu pmalas", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
};

START_TEST(quality_judge_sara_sms)
{
  judge_rows(sara_sms_cases, N(sara_sms_cases));
}
END_TEST

/* "Orang hutan" (orang utan) said of people from the east is a slur:
 * quoted or reported it is flagged, said by the reporter of an official
 * it insults, the ape itself is a literal sense. */
static const struct judge_case ape_slur_cases[] = {
  {"Kepala sekolah memanggil murid dari Sumba dengan sebutan \"orang "
   "hutan\"", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Dosen itu bilang mahasiswa Papua orang utan", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"Pak camat itu orang hutan, tidak tahu aturan", QUALITY_INSULT, 0},
  {"Waktu studi banding pegawai dinas cuma foto orang utan di kebun "
   "binatang", QUALITY_CLEAN, QUALITY_MARK_LITERAL},
};

START_TEST(quality_judge_ape_slur)
{
  judge_rows(ape_slur_cases, N(ape_slur_cases));
}
END_TEST

/* A likeness after a verb of treating or regarding ("diperlakukan
 * seperti binatang", "menganggap kami sama dengan sampah", Kupang
 * "bekin botong kayak binatang") is said of the one treated: the report
 * of how an official treated people, no insult.  The same likeness said
 * of the official before such a verb, or with none, still insults. */
static const struct judge_case treated_like_cases[] = {
  {"Petugas memperlakukan kami seperti binatang, kami disuruh antre di "
   "luar kantor dari pagi sampai sore.", QUALITY_CLEAN, 0},
  {"Pasien BPJS di RSUD itu diperlakukan seperti sampah, tidak dilayani.",
   QUALITY_CLEAN, 0},
  {"Kepala desa menganggap kami seperti sampah, bantuan tidak pernah "
   "sampai", QUALITY_CLEAN, 0},
  {"Dong bekin botong kayak binatang di kantor camat, disuruh tunggu dari "
   "pagi", QUALITY_CLEAN, 0},
  {"Petugas puskesmas anggap kami sama dengan sampah, tidak mau periksa",
   QUALITY_CLEAN, 0},
  {"Kami dipandangnya seperti maling oleh petugas bank, padahal cicilan "
   "sudah lunas", QUALITY_CLEAN, 0},
  {"Kepala desa itu seperti binatang, memperlakukan kami semena-mena.",
   QUALITY_INSULT, 0},
  {"Kepala dinas itu seperti babi, dia anggap kami sampah",
   QUALITY_INSULT, 0},
  {"Camat itu macam binatang, warga diperlakukan tidak adil",
   QUALITY_INSULT, 0},
  {"Petugas itu kayak sampah, dia memperlakukan kami buruk",
   QUALITY_INSULT, 0},
  {"Kami diperlakukan tidak adil. Kades itu sama dengan maling, dana desa "
   "hilang", QUALITY_INSULT, 0},
};

START_TEST(quality_judge_treated_like)
{
  judge_rows(treated_like_cases, N(treated_like_cases));
}
END_TEST

/* A place where animals live or filth lies ("kandang", "kubangan",
 * "sarang") with the animal or filth after it, said of an office after
 * a link word, calls the office that place: the den's owner is the one
 * aimed at.  A pen of pigs in a story of livestock or of a project is a
 * literal sense. */
static const struct judge_case den_cases[] = {
  {"DPRD kabupaten itu kandang babi, isinya cuma makan gaji buta.",
   QUALITY_INSULT, 0},
  {"Kantor dinas itu kandang monyet, pegawainya main HP saja",
   QUALITY_INSULT, 0},
  {"Kantor camat Kupang Tengah itu kubangan babi, urusan apa saja harus "
   "bayar", QUALITY_INSULT, 0},
  {"Kades pakai dana desa bangun kandang babi di rumahnya sendiri.",
   QUALITY_CLEAN, QUALITY_MARK_LITERAL},
  {"Bantuan kandang babi dari dinas peternakan tidak sampai ke kelompok "
   "tani kami.", QUALITY_CLEAN, QUALITY_MARK_LITERAL},
  {"Ternak warga mati semua, kandang babi kosong sejak bulan lalu.",
   QUALITY_CLEAN, QUALITY_MARK_LITERAL},
};

START_TEST(quality_judge_den)
{
  judge_rows(den_cases, N(den_cases));
}
END_TEST

/* A denomination (Pantekosta, Advent, ...) names a religious group as
 * "Katolik" or "Ahmadiyah" does, and so do its congregation and
 * followers ("jemaat", "penganut") as "umat": with a derogation said of
 * all of it, SARA.  A church's permit dispute with no derogation stays
 * clean. */
static const struct judge_case denomination_cases[] = {
  {"Gereja baru orang Pantekosta di Lasiana harus ditutup dan pengikutnya "
   "diusir, mereka sesat dan suka menipu warga.", QUALITY_SARA, 0},
  {"Orang Advent di kantor itu semua munafik.", QUALITY_SARA, 0},
  {"Jemaat Pantekosta di Lasiana itu semua penipu.", QUALITY_SARA, 0},
  {"Penganut Ahmadiyah di kampung itu pasti sesat.", QUALITY_SARA, 0},
  {"Izin gereja orang Pantekosta di Lasiana sudah lama ditahan camat tanpa "
   "alasan.", QUALITY_CLEAN, 0},
  /* A religion or people named by "beragama", "bersuku": all who hold
   * it, as "umat" or "orang" names them. */
  {"Pegawai yang beragama Katolik di dinas itu tidak bisa dipercaya, "
   "semuanya korup.", QUALITY_SARA, 0},
  {"Guru yang bersuku Sabu di sekolah ini memang pemalas semua.",
   QUALITY_SARA, 0},
  {"Pegawai yang beragama Kristen mendapat cuti Natal tiga hari.",
   QUALITY_CLEAN, 0},
  {"Kepala desa yang beragama Islam itu menolak tanda tangan surat.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_denomination)
{
  judge_rows(denomination_cases, N(denomination_cases));
}
END_TEST

/* A group named by its origin after an official ("pegawai asal Jawa",
 * as "dari" does), told to go back to the land it was named by ("lebih
 * baik mereka pulang ke Jawa", the group restated between the urging
 * and the verb).  One officer of that origin named, an official sent to
 * another town, the reporter going home stay clean. */
static const struct judge_case origin_home_cases[] = {
  {"Pegawai asal Jawa yang ditempatkan di Atambua cuma datang untuk "
   "korupsi, lebih baik mereka pulang ke Jawa semua.", QUALITY_SARA, 0},
  {"Guru asal Flores di sekolah itu sebaiknya dorang pulang ke Flores "
   "saja.", QUALITY_SARA, 0},
  {"Pegawai asal Jawa bernama Agus di kantor camat minta uang Rp 500 ribu "
   "untuk KTP.", QUALITY_CLEAN, 0},
  {"Pegawai asal Sabu itu sebaiknya pulang ke Kupang untuk urus SK "
   "pensiun.", QUALITY_CLEAN, 0},
  {"Sebaiknya saya pulang ke Kupang saja, urusan di kantor camat tidak "
   "selesai.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_origin_home)
{
  judge_rows(origin_home_cases, N(origin_home_cases));
}
END_TEST

/* A group named right after an official ("Pegawai Cina", "Petugas
 * Bugis") is a people when the sentence restates it as one by a pronoun
 * ("dong pung bangsa", "suku mereka"): a crime said of all of them is
 * SARA.  An office by its town ("Polisi Kupang") restated by nothing, and
 * the nation of a holiday, stay clean. */
static const struct judge_case kind_restated_cases[] = {
  {"Pegawai Cina di kantor pajak Kupang sudah pasti main sogok, memang "
   "begitu dong pung bangsa.", QUALITY_SARA, 0},
  {"Petugas Bugis di pasar itu pasti tukang tipu, memang begitu suku "
   "mereka.", QUALITY_SARA, 0},
  {"Upacara Hari Kebangkitan Bangsa di kantor bupati dipakai kepala dinas "
   "untuk pungut uang dari guru.", QUALITY_CLEAN, 0},
  {"Polisi Kupang pasti minta uang kalau tilang di jalan.", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_kind_restated)
{
  judge_rows(kind_restated_cases, N(kind_restated_cases));
}
END_TEST

/* A call to expel joined to another urged verb by "dan", its subject the
 * group's own people ("pengikutnya", "mereka"): "harus ditutup dan
 * pengikutnya diusir" urges both.  An official urged to be examined and
 * people told of as evicted stay clean. */
static const struct judge_case joined_expel_cases[] = {
  {"Gereja orang Pantekosta di Lasiana harus ditutup dan pengikutnya "
   "diusir.", QUALITY_SARA, 0},
  {"Masjid orang Ahmadiyah itu sebaiknya dibongkar dan mereka diusir dari "
   "kampung.", QUALITY_SARA, 0},
  {"Camat harus diperiksa dan warga yang diusir dari tanah adat harus "
   "dibantu.", QUALITY_CLEAN, 0},
  {"Kepala desa orang Rote harus dipecat dan diperiksa inspektorat.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_joined_expel)
{
  judge_rows(joined_expel_cases, N(joined_expel_cases));
}
END_TEST

/* A crime as the only purpose a group comes for ("cuma datang untuk
 * korupsi", "hanya mau menipu") is its nature, said of all of it even
 * after an official ("pegawai asal Jawa").  Money given only for a
 * purpose, and a crime with no "only", stay what happened. */
static const struct judge_case sole_purpose_cases[] = {
  {"Pegawai asal Jawa yang ditempatkan di Atambua cuma datang untuk "
   "korupsi.", QUALITY_SARA, 0},
  {"Guru orang Bima di SMP itu hanya datang untuk menipu.", QUALITY_SARA,
   0},
  {"Orang Sabu di desa kami cuma dapat beras 5 kg untuk satu keluarga.",
   QUALITY_CLEAN, 0},
  {"Pegawai asal Jawa bernama Agus datang ke rumah untuk minta uang.",
   QUALITY_CLEAN, 0},
  {"Kepala desa orang Rote korupsi dana desa untuk bangun rumah.",
   QUALITY_CLEAN, 0},
  /* Favouring their own kind only ("cuma untuk dong pung kelompok",
   * "hanya buat golongannya sendiri"), said of the group in a sentence
   * that generalises, is a derogation of its conduct.  An official's
   * own family favoured is what happened. */
  {"Kalau orang Katolik yang jadi kepala dinas, pasti beasiswa hanya untuk "
   "mereka punya golongan.", QUALITY_SARA, 0},
  {"Orang Bugis di pasar itu selalu kasih kios cuma buat kelompoknya "
   "sendiri.", QUALITY_SARA, 0},
  {"Orang Sabu di desa kami tidak dapat bantuan, bantuan cuma untuk kades "
   "pung keluarga.", QUALITY_CLEAN, 0},
  {"Kelompok tani orang Rote dapat traktor untuk kelompoknya sendiri dari "
   "dinas.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_sole_purpose)
{
  judge_rows(sole_purpose_cases, N(sole_purpose_cases));
}
END_TEST

/* Kupang order puts the demonstrative first: "Itu camat bodok ..." is
 * "camat itu bodok ...", the predicate of the official however the
 * clause goes on.  A plain adjective after the official, and an animal
 * of the official's put first with a new subject after it ("dia
 * jual"), stay clean. */
static const struct judge_case fronted_subject_cases[] = {
  {"Itu camat bodok sonde tau kerja, cuma tau minta doi sa.", QUALITY_INSULT,
   0},
  {"Ini kepala dinas maling dana BOS, guru honor sonde dapat gaji.",
   QUALITY_INSULT, 0},
  {"Tu bendahara desa pencuri, sonde kasi kami doi BLT.", QUALITY_INSULT, 0},
  {"Itu camat baru sonde tau aturan, minta uang untuk surat pindah.",
   QUALITY_CLEAN, 0},
  {"Itu kepala desa babi dia potong untuk pesta adat pakai dana desa.",
   QUALITY_CLEAN, QUALITY_MARK_LITERAL},
  {"Itu guru babi dia jual ke pasar untuk bayar utang.", QUALITY_CLEAN,
   QUALITY_MARK_LITERAL},
};

START_TEST(quality_judge_fronted_subject)
{
  judge_rows(fronted_subject_cases, N(fronted_subject_cases));
}
END_TEST

/* A group sent home in other words: "pulang saja ke Jawa" after a group
 * from Jawa, "balik sa ke kampung kalian" (the land owned by the ones
 * addressed or told of): "saja" after the verb bids it as "harus" does.
 * A clerk sending the reporter home, and a group told of as going home,
 * stay clean. */
static const struct judge_case sent_home_cases[] = {
  {"Orang Jawa yang jadi ASN di sini pulang saja ke Jawa, NTT bukan tempat "
   "kalian.", QUALITY_SARA, 0},
  {"Pendatang Bugis di pasar Oeba balik sa ke kampung kalian.", QUALITY_SARA,
   0},
  {"Orang Flores yang jadi guru di sini kembali saja ke daerah dong.",
   QUALITY_SARA, 0},
  {"Saya disuruh pulang saja ke rumah oleh petugas Dukcapil.", QUALITY_CLEAN,
   0},
  {"Orang Sabu yang kerja di proyek itu sudah pulang ke kampung mereka "
   "karena gaji tidak dibayar.", QUALITY_CLEAN, 0},
  /* Sent back by someone: "kembalikan/pulangkan (saja) mereka ke pulau
   * mereka"; a group called wreckers ("perusak"). */
  {"Pendatang dari Jawa itu, kembalikan saja mereka ke pulau mereka.",
   QUALITY_SARA, 0},
  {"Orang Bugis di pasar Oeba pulangkan sa dong ke kampung dong.",
   QUALITY_SARA, 0},
  {"Orang Jawa itu perusak.", QUALITY_SARA, 0},
  {"Petugas Dinsos kembalikan mereka ke kampung asal tanpa bantuan.",
   QUALITY_CLEAN, 0},
  {"Kepala desa harus kembalikan saja uang mereka ke kas desa.",
   QUALITY_CLEAN, 0},
  {"Pendatang dari Jawa banyak membuka warung di pasar Oeba.", QUALITY_CLEAN,
   0},
  {"Mesin pompa air itu perusak, kembalikan saja ke toko.", QUALITY_CLEAN,
   0},
  /* People named by a former home ("warga eks Timor Timur", "pengungsi
   * bekas ...") are a group as "warga Timor" is: shut out or sent back.
   * Named as the ones wronged, or by the reporter of themselves, none. */
  {"Pengungsi bekas Timor Timur di Tuapukan jangan diberi jatah beras "
   "lagi.", QUALITY_SARA, 0},
  {"Warga eks Timor Timur di Noelbaki itu pendatang, pulangkan saja "
   "semua.", QUALITY_SARA, 0},
  {"Warga eks Timor Timur di Tuapukan belum terima jatah beras tiga "
   "bulan.", QUALITY_CLEAN, 0},
  {"Kami warga eks Timor Timur, bantuan rumah kami belum dibangun.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_sent_home)
{
  judge_rows(sent_home_cases, N(sent_home_cases));
}
END_TEST

/* A group by descent ("orang keturunan Arab", "peranakan Cina") called
 * usurers or thieves all ("rentenir semua", "tukang copet semua"): SARA.
 * A group by descent as the victim stays clean. */
static const struct judge_case descent_crime_cases[] = {
  {"Orang keturunan Arab di Kota Kupang itu rentenir semua, pantas kepala "
   "pasar bela mereka.", QUALITY_SARA, 0},
  {"Orang keturunan Cina di pasar itu semua rentenir.", QUALITY_SARA, 0},
  {"Orang keturunan Arab yang jadi korban rentenir itu lapor ke polisi "
   "tapi tidak dilayan.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_descent_crime)
{
  judge_rows(descent_crime_cases, N(descent_crime_cases));
}
END_TEST

/* A death wish to the one addressed, the one addressed first ("ko pi mati
 * sa", "km mati", "kau pantas mati") as after it ("mati sa lu"): quoted
 * or after a verb of saying it is the official's words, flagged; the
 * reporter's own, said to an official, is refused as a threat, as "mati
 * sa lu" is.  A patient near death, and "kalau kau mati" (what if you
 * die), stay clean. */
static const struct judge_case curse_cases[] = {
  {"dia ancam sy: \"km lapor, km mati\". itu kata2 kadus wkt sy tanya "
   "dana bumdes", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Itu polisi lalu lintas ame doi baru bilang, \"Ko pi mati sa!\" waktu "
   "beta minta surat tilang.", QUALITY_CLEAN, QUALITY_MARK_QUOTED},
  {"Pak camat, doi BLT ko makan sendiri, ko pi mati sa!", QUALITY_THREAT, 0},
  {"Bapa kades, mati sa lu, dana desa habis lu pakai judi.", QUALITY_THREAT,
   0},
  {"Ibu bendahara, kau pantas mati, gaji guru honor kau tahan.",
   QUALITY_THREAT, 0},
  {"Bendahara desa, km mampus, doi BLT km makan sendiri.", QUALITY_THREAT,
   0},
  {"Anak saya hampir mati di IGD RSUD karena petugas minta uang jaminan.",
   QUALITY_CLEAN, 0},
  {"Kalau kau mati, siapa yang urus anak-anak, tanya istri saya waktu "
   "puskesmas tolak bapa.", QUALITY_CLEAN, 0},
};

/* A body part broken, in Kupang Malay: "pica" (pecah) and "patah" with
 * the part owned the Kupang way ("ko pung kepala", "dia pung tangan"),
 * before the word or after it when the reporter breaks it ("beta patah
 * dia pung tangan").  In an official's quoted words it is flagged; an
 * accident, or the reporter's own limb, is none. */
static const struct judge_case kupang_break_cases[] = {
  {"Ko tunggu, Pak Kabid, beta deng beta pung sodara dong datang ko pung "
   "rumah malam ni, ko pung kepala pica.", QUALITY_THREAT, 0},
  {"Sekali lagi dia pungut, beta patah dia pung tangan dua-dua.",
   QUALITY_THREAT, 0},
  {"Kalau kades masih potong dana, beta patah dia pung kaki", QUALITY_THREAT,
   0},
  {"lalu pak kades dia bilang begini ee, \"kalau ko lapor, ko pung kepala "
   "beta pica\", begitu dia bilang ke saya.", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"Waktu jatuh dari motor di Oesapa, dia pung kepala pica dan dijahit di "
   "puskesmas", QUALITY_CLEAN, 0},
  {"Beta pung kaki patah waktu kerja proyek jalan, mandor sonde bayar "
   "obat", QUALITY_CLEAN, 0},
  {"Beta patah ranting pohon untuk pagar kebun", QUALITY_CLEAN, 0},
  /* Causative "kasih"/"bikin" and a word of breaking ("kasih patah dia
   * punya kaki") is a verb of violence, by the reporter or by someone the
   * reporter sends; "kasih patah" of a branch, or told of an accident,
   * is none. */
  {"Adik saya anggota ormas, sudah saya suruh dia cari itu petugas "
   "Dukcapil Larantuka dan kasih patah dia punya kaki.", QUALITY_THREAT, 0},
  {"Kalau mantri itu tagih lagi, beta kasih patah dia pung tangan.",
   QUALITY_THREAT, 0},
  {"Beta kasih patah ranting pohon untuk pagar kebun.", QUALITY_CLEAN, 0},
  {"Angin kencang bikin patah tiang listrik di depan kantor desa.",
   QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_kupang_break)
{
  judge_rows(kupang_break_cases, N(kupang_break_cases));
}
END_TEST

/* A people named with no "orang" before it, as a people after a link
 * ("Manggarai itu suku penjilat"), and a crime told as all a group ever
 * does ("dong pung kerja cuma korupsi", "kerjanya hanya menipu"). */
static const struct judge_case people_conduct_cases[] = {
  {"Manggarai itu suku penjilat, makanya semua jabatan di Pemprov diisi "
   "mereka.", QUALITY_SARA, 0},
  {"Sabu itu bangsa penipu, jangan kasih proyek", QUALITY_SARA, 0},
  {"Itu orang Kristen dong pung kerja cuma korupsi, lihat sa kantor "
   "bupati.", QUALITY_SARA, 0},
  {"Pendatang Bugis di pasar kerjanya hanya menipu pembeli", QUALITY_SARA,
   0},
  {"Manggarai itu suku terbesar di Flores, tapi jalan ke kampung kami "
   "rusak", QUALITY_CLEAN, 0},
  {"Kepala dinas itu orang suku Manggarai, dia minta uang lima juta",
   QUALITY_CLEAN, 0},
  {"Orang Kristen di desa kami kerja cuma jadi petani, bantuan pupuk "
   "tidak sampai", QUALITY_CLEAN, 0},
  /* "cuma tahu mabuk", "hanya bisa menipu": the same with "cuma" first,
   * then the word of what one can do; named officials asking for money,
   * or a people that only knows farming, are none. */
  {"Orang Rote yang kerja di Dispenda cuma tahu mabuk dan minta uang.",
   QUALITY_SARA, 0},
  {"Orang Sabu hanya bisa menipu, jangan kasih proyek.", QUALITY_SARA, 0},
  {"Orang Rote yang kerja di Dispenda minta uang.", QUALITY_CLEAN, 0},
  {"Orang Rote di desa kami cuma tahu bertani, bantuan pupuk tidak "
   "sampai.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_people_conduct)
{
  judge_rows(people_conduct_cases, N(people_conduct_cases));
}
END_TEST

/* "sebentar lagi tinggal nama" foretold of an official (an office word
 * heading the subject, closed by "itu" or not) is a death promised
 * softly; a thing that will exist no more, or an illness told, is none. */
static const struct judge_case soon_dead_cases[] = {
  {"Kepala gudang Bulog Maumere sebentar lagi tinggal nama. Ingat itu.",
   QUALITY_THREAT, 0},
  {"Bendahara dinas itu sebentar lagi tinggal nama.", QUALITY_THREAT, 0},
  {"Proyek irigasi di Maumere sebentar lagi tinggal nama, dana habis",
   QUALITY_CLEAN, 0},
  {"Kantor pos lama di Ende sebentar lagi tinggal nama", QUALITY_CLEAN, 0},
  {"Kepala gudang yang lama sebentar lagi tinggal nama karena kanker, "
   "penggantinya minta pungli", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_soon_dead)
{
  judge_rows(soon_dead_cases, N(soon_dead_cases));
}
END_TEST

/* Stalking as a threat: the reporter knowing an official's home or
 * routine ("kami tahu jam berapa dia pulang", "saya tahu jam pulangnya")
 * after a warning relayed to them not to go out alone, or with their
 * child made to bear what the reporter wants.  Knowing a neighbour's
 * house, a relayed errand, or a child's routine told as evidence is
 * none. */
static const struct judge_case stalked_cases[] = {
  {"Bilang sama bendahara SMPN 2 Atambua, malam-malam jangan jalan "
   "sendiri. Kami tahu rumahnya di Fatubenao dan kami tahu jam berapa dia "
   "pulang.", QUALITY_THREAT, 0},
  {"Tolong sampaikan ke kepala UPT, jangan keluar rumah sendirian. Saya "
   "tahu jam berapa dia berangkat kerja.", QUALITY_THREAT, 0},
  {"Anak kepala dinas itu sekolah di SD Inpres Bakunase, saya tahu jam "
   "pulangnya. Kalau dana hibah kelompok kami tidak cair, anaknya yang "
   "tanggung.", QUALITY_THREAT, 0},
  {"Kami tahu rumahnya di Fatubenao karena kami tetangga, dia minta uang "
   "dua juta untuk urus sertifikat.", QUALITY_CLEAN, 0},
  {"Bilang sama bendahara, jangan lupa kirim laporan dana BOS. Kami tahu "
   "rumahnya di Fatubenao.", QUALITY_CLEAN, 0},
  {"Anak kepala dinas itu diantar mobil dinas setiap hari, saya tahu jam "
   "pulangnya karena lewat depan rumah saya.", QUALITY_CLEAN, 0},
  {"Kalau gaji guru honor dipotong lagi, anaknya yang tanggung, sekolah "
   "jadi putus.", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_stalked)
{
  judge_rows(stalked_cases, N(stalked_cases));
}
END_TEST

/* Harm promised by its result: the reporter's pledge ("saya pastikan",
 * "sy jamin") that an official ends in hospital.  An official who is
 * ill, a patient helped, or the reporter's own kin are none. */
static const struct judge_case hospital_cases[] = {
  {"Gaji kami empat bulan belum dibayar oleh kepala sekolah SD Negeri "
   "Lemon. Saya pastikan dia masuk rumah sakit minggu ini.",
   QUALITY_THREAT, 0},
  {"sy jamin kades itu masuk RS kalau dana desa tidak kembali",
   QUALITY_THREAT, 0},
  {"Kepala sekolah masuk rumah sakit minggu lalu, gaji kami belum dibayar",
   QUALITY_CLEAN, 0},
  {"Saya pastikan dia masuk rumah sakit karena demam tinggi, tapi "
   "puskesmas minta uang ambulans", QUALITY_CLEAN, 0},
  {"Saya pastikan ibu saya masuk rumah sakit, tapi petugas BPJS minta "
   "uang", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_hospital)
{
  judge_rows(hospital_cases, N(hospital_cases));
}
END_TEST

/* Violence done by another on the reporter's signal ("tinggal saya kasih
 * tanda saja dia langsung tikam ..."): the reporter's own doing.  A form
 * signed, or a table struck, is none. */
static const struct judge_case signalled_cases[] = {
  {"Ade laki-laki saya di Ruteng sudah siap, tinggal saya kasih tanda saja "
   "dia langsung tikam itu pegawai BPN yang minta dua juta.",
   QUALITY_THREAT, 0},
  {"Pemuda kampung sudah kumpul, tinggal beta kasi tanda dong serbu kantor "
   "camat", QUALITY_THREAT, 0},
  {"Tinggal saya tanda tangan berkas, lalu petugas pukul meja dan minta "
   "uang lima ratus ribu", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_signalled)
{
  judge_rows(signalled_cases, N(signalled_cases));
}
END_TEST

/* A weapon or fuel the reporter keeps or readies, counted or not ("dua
 * botol bom ikan"), then thrown by the reporter at an official's room,
 * house or office: the thing thrown left unsaid.  Evidence kept, or
 * stones thrown by others, are none. */
static const struct judge_case thrown_cases[] = {
  {"Saya sudah simpan dua botol bom ikan, hari Senin saya lempar ke ruang "
   "kepala Bapenda Kabupaten Belu.", QUALITY_THREAT, 0},
  {"Kami sudah siapkan lima liter bensin, malam ini kami lempar ke rumah "
   "camat", QUALITY_THREAT, 0},
  {"Saya simpan dua botol bom ikan sitaan sebagai bukti, lalu saya serahkan "
   "ke kantor polisi", QUALITY_CLEAN, 0},
  {"Anak-anak lempar batu ke rumah kepala desa kemarin malam, polisi diam "
   "saja", QUALITY_CLEAN, 0},
};

START_TEST(quality_judge_thrown)
{
  judge_rows(thrown_cases, N(thrown_cases));
}
END_TEST

START_TEST(quality_judge_curse)
{
  judge_rows(curse_cases, N(curse_cases));
}
END_TEST

/* Rule 3 through the evasions that hide a word: a letter masked by a
 * symbol, a word split by a space or a hyphen; and what must stay
 * untouched: emphasis marks, a masked name, arithmetic, ordinary words
 * side by side (a chapter number, a name), a route. */
static const struct judge_case evasion_cases[] = {
  {"kepala dinas itu g*blok sekali", QUALITY_INSULT, 0},
  {"Pak lurah b*ngsat, bantuan beras tdk dibagi", QUALITY_INSULT, 0},
  {"pegawai bank itu a****g, pensiunan dipersulit", QUALITY_INSULT, 0},
  {"kades itu m*ling, uang BLT hilang", QUALITY_INSULT, 0},
  {"sa mau bun*h petugas itu kalau ketemu di jalan", QUALITY_THREAT, 0},
  {"orang k*fir di kampung itu harus diusir semua", QUALITY_SARA, 0},
  {"Kepala sekolah itu ba bi, uang komite dia pakai sendiri",
   QUALITY_INSULT, 0},
  {"bupati itu bang sat", QUALITY_INSULT, 0},
  {"petugas loket an-jing, suruh kami tunggu seharian", QUALITY_INSULT, 0},
  {"petugas satpol pp bo doh semua", QUALITY_INSULT, 0},
  {"polisi itu memaki sopir angkot dengan kata \"anj*ng\"", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"Petugas itu teriak 'bang sat' ke sopir angkot", QUALITY_CLEAN,
   QUALITY_MARK_QUOTED},
  {"Petugas *tidak* memberi kuitansi dan minta uang *200 ribu*",
   QUALITY_CLEAN, 0},
  {"kepala dinas itu *anjing*, minta fee proyek terus", QUALITY_INSULT, 0},
  {"Nama petugasnya B*** (disamarkan), dia minta uang 200 ribu",
   QUALITY_CLEAN, 0},
  {"Petugas minta uang 50rb * 3 bulan = 150rb", QUALITY_CLEAN, 0},
  {"Dalam Bab I laporan pertanggungjawaban tidak ada rincian", QUALITY_CLEAN,
   0},
  {"Pemilik toko Ma Ling di Pasar Oeba jual beras bantuan", QUALITY_CLEAN,
   0},
  {"Bus rute Kupang-Soe minta ongkos lebih dari tarif resmi", QUALITY_CLEAN,
   0},
};

START_TEST(quality_judge_evasions)
{
  judge_rows(evasion_cases, N(evasion_cases));
}
END_TEST

/* term may be NULL; a NULL text is the empty text. */
START_TEST(quality_abuse_null_arguments)
{
  struct quality *q = load_shipped();

  ck_assert_int_eq(quality_abusive(q, "dasar bangsat", NULL), 1);
  ck_assert_int_eq(quality_abusive(q, NULL, NULL), 0);
  quality_free(q);
}
END_TEST

/* A long report: the word is found at the very end, and an innocent one
 * of the same length passes. */
START_TEST(quality_abuse_long_text)
{
  static const char chunk[] = "Petugas kantor desa meminta uang pungutan. ";
  struct quality *q = load_shipped();
  struct buf text = BUF_INIT;
  const char *term = NULL;

  while (text.len < 10000)
    ck_assert_int_eq(buf_puts(&text, chunk), 0);
  ck_assert_int_eq(quality_abusive(q, text.data, &term), 0);
  ck_assert_int_eq(buf_puts(&text, "Dasar b-a-n-g-s-a-t"), 0);
  ck_assert_int_eq(quality_abusive(q, text.data, &term), 1);
  ck_assert_str_eq(term, "bangsat");
  buf_free(&text);
  quality_free(q);
}
END_TEST

/* Only lower-case letters, digits and single spaces come out.  (One
 * assertion per text: Check reports each to its parent, which adds up.) */
static void
assert_clean_form(const char *text)
{
  struct buf out = BUF_INIT;
  size_t i;
  char c;
  int rc = quality_normalize(text, &out), ok = 1;

  for (i = 0; rc == 0 && ok && i < out.len; i++) {
    c = out.data[i];
    ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         (c == ' ' && i > 0 && i + 1 < out.len && out.data[i - 1] != ' ');
  }
  ck_assert_msg(rc == 0 && ok, "rc %d; byte %zu of the normal form is 0x%02x",
                rc, i - 1, ok ? 0 : (unsigned char)out.data[i - 1]);
  buf_free(&out);
}

/* Every byte value, a 10 000-letter word, and a few thousand strings of
 * pseudo-random bytes: no crash, a clean normal form, sane answers. */
START_TEST(quality_arbitrary_bytes)
{
  struct quality *q = load_shipped();
  struct quality_lang_info info;
  char text[512], *big;
  unsigned seed = 12345;
  int i, j, n, rc;
  enum quality_lang lang;

  for (i = 1; i < 256; i++)
    text[i - 1] = (char)i;
  text[255] = '\0';
  assert_clean_form(text);
  ck_assert_int_ge(quality_abusive(q, text, NULL), 0);

  big = malloc(10001);
  ck_assert_ptr_nonnull(big);
  memset(big, 'a', 10000);
  big[10000] = '\0';
  assert_clean_form(big);
  lang = quality_language(q, big, 0.15, &info);
  ck_assert_int_eq(info.words, 1);
  ck_assert_int_eq(lang, QUALITY_TOO_SHORT);
  ck_assert_int_eq(quality_abusive(q, big, NULL), 0);
  free(big);

  for (i = 0; i < 3000; i++) {
    seed = seed * 1103515245u + 12345u;
    n = (int)((seed >> 16) % (sizeof(text) - 1));
    for (j = 0; j < n; j++) {
      seed = seed * 1103515245u + 12345u;
      text[j] = (char)(1 + (seed >> 16) % 255);
    }
    text[n] = '\0';
    assert_clean_form(text);
    rc = quality_abusive(q, text, NULL);
    lang = quality_language(q, text, 0.15, &info);
    if (rc != 0 && rc != 1)
      break;
    if (lang > QUALITY_TOO_SHORT || info.stopwords > info.words ||
        info.upper > info.letters)
      break;
  }
  ck_assert_msg(i == 3000, "string %d: abusive %d, language %d, words %d, "
                "stop words %d, letters %d, upper %d", i, rc, lang,
                info.words, info.stopwords, info.letters, info.upper);
  quality_free(q);
}
END_TEST

/* ---------------------------------------------------------- language */

struct lang_case {
  const char *text;
  enum quality_lang want;
};

static const struct lang_case lang_cases[] = {
  {"Pada tanggal 12 Maret 2026 saya mengurus KTP di kantor kecamatan, "
   "petugas meminta uang Rp 200 ribu supaya KTP cepat selesai, padahal "
   "pelayanan itu gratis.", QUALITY_OK},
  {"Kepala desa memotong dana bantuan langsung tunai untuk warga miskin "
   "sebesar 300 ribu per orang tanpa alasan yang jelas.", QUALITY_OK},
  /* Mostly Indonesian with English words in it. */
  {"Kemarin staff di kantor dinas minta fee untuk urus izin, katanya "
   "processing fee, padahal menurut aturan free of charge.", QUALITY_OK},
  /* Kupang Malay and SMS spellings. */
  {"beta su bayar ke pak lurah dua ratus ribu ko dapat bantuan beras, tapi "
   "sampai sekarang sonde ada", QUALITY_OK},
  {"yg minta uang itu petugas puskesmas, sy sdh bayar tp blm dapat surat",
   QUALITY_OK},
  {"The village head asked every family to pay two hundred thousand "
   "rupiah before the aid was handed out, and nobody received a receipt.",
   QUALITY_NOT_INDONESIAN},
  {"asdf qwer zxcv uiop hjkl bnm tyui ghjk vbnm rtyu", QUALITY_NOT_INDONESIAN},
  {"Der Dorfvorsteher hat das Geld f\xc3\xbcr die Schule behalten und "
   "niemand wei\xc3\x9f wohin", QUALITY_NOT_INDONESIAN},
  {"KEPALA DESA MEMINTA UANG KEPADA WARGA UNTUK PEMBUATAN SERTIFIKAT TANAH",
   QUALITY_ALL_CAPS},
  {"KEPALA DESA KORUPSI DANA", QUALITY_ALL_CAPS},
  {"THE VILLAGE HEAD TOOK THE MONEY", QUALITY_ALL_CAPS},
  /* Acronyms do not make a text all capitals. */
  {"Petugas SAMSAT dan UPTD PPD meminta uang STNK di luar tarif resmi",
   QUALITY_OK},
  {"saya mau lapor", QUALITY_TOO_SHORT},
  {"Halo", QUALITY_TOO_SHORT},
  {"TOLONG BANTU", QUALITY_TOO_SHORT},
  {"123 456 789 000 !!!", QUALITY_TOO_SHORT},
  {"", QUALITY_TOO_SHORT},
};

START_TEST(quality_language_table)
{
  struct quality *q = load_shipped();
  struct quality_lang_info info;
  struct buf bad = BUF_INIT;
  const struct lang_case *c;
  enum quality_lang got;
  int i, failures = 0;

  for (i = 0; i < N(lang_cases); i++) {
    c = &lang_cases[i];
    got = quality_language(q, c->text, 0.15, &info);
    if (got != c->want) {
      failures++;
      buf_printf(&bad, "  '%s': %d, want %d (words %d, stop words %d, "
                 "ratio %.2f, letters %d, upper %d)\n", c->text, got,
                 c->want, info.words, info.stopwords, info.ratio,
                 info.letters, info.upper);
    }
  }
  ck_assert_msg(failures == 0, "%d of %d rows wrong:\n%s", failures,
                N(lang_cases), bad.data);
  buf_free(&bad);
  quality_free(q);
}
END_TEST

/* Each of cases judged by the shipped lists at the daemon's default
 * ratio (0.08). */
static void
check_languages(const struct lang_case *cases, int n)
{
  struct quality *q = load_shipped();
  struct quality_lang_info info;
  int i;

  for (i = 0; i < n; i++)
    ck_assert_msg(quality_language(q, cases[i].text, 0.08, &info) ==
                  cases[i].want, "'%s': want %d (words %d, stop words %d, "
                  "regional %d)", cases[i].text, cases[i].want, info.words,
                  info.stopwords, info.regional);
  quality_free(q);
}

/* A terse report, all nouns and adjectives without a function word, is
 * still Indonesian: the things reports are about say so (jalan, dana,
 * warga, proyek, obat ...).  English and Javanese about them are not. */
START_TEST(quality_language_terse)
{
  static const struct lang_case cases[] = {
    {"Jalan rusak parah, jembatan putus, warga susah", QUALITY_OK},
    {"Dana BOS raib, kepsek bungkam, guru honor belum digaji", QUALITY_OK},
    {"Lampu jalan mati, gelap, rawan begal", QUALITY_OK},
    {"Proyek embung mangkrak, anggaran 2 M hilang", QUALITY_OK},
    {"Air PDAM mati total seminggu, tangki swasta mahal", QUALITY_OK},
    {"The road to our village is broken and the bridge collapsed",
     QUALITY_NOT_INDONESIAN},
    {"Mbok tolong diurus, dalane wis rusak suwe banget",
     QUALITY_NOT_INDONESIAN},
    {"Kula nyuwun pirsa, bantuan beras kok dereng dugi",
     QUALITY_NOT_INDONESIAN},
  };
  check_languages(cases, N(cases));
}
END_TEST

/* Regional languages written in full get the rewrite request, though
 * Indonesian nouns in them (desa, kantor, pak camat) are stop words'
 * neighbours; Kupang Malay and SMS spellings do not. */
START_TEST(quality_language_regional)
{
  static const struct lang_case cases[] = {
    {"Aku arep lapor yen dana desa dienggo tuku montor anyar karo pak kades",
     QUALITY_NOT_INDONESIAN},
    {"Dalan desa sing lagi wae dibangun wis rusak, kontraktore isih "
     "sedulure pak camat", QUALITY_NOT_INDONESIAN},
    {"Aku poli ngo one kantor camat maik ata pegawai toe ngance tegi seng "
     "di'a", QUALITY_NOT_INDONESIAN},
    {"Petugas nbi kantor desa ahaek loit, onle' natuin hai ka mfe fa, in "
     "ka nmoe fa surat", QUALITY_NOT_INDONESIAN},
    {"Xefe suku husu osan rihun rua atu halo surat, maib\xc3\xa9 ami la "
     "iha osan", QUALITY_NOT_INDONESIAN},
    /* Kambera (East Sumba); Indonesian naming a Sumba village. */
    {"Nyuma la paraingu nda mangu wai, nyuda na pegawai ndia na-taka",
     QUALITY_NOT_INDONESIAN},
    {"Nyungga mbada ku-tàka la kantor camat, nda na-wàngu hàmu nyungga",
     QUALITY_NOT_INDONESIAN},
    {"Umbu kepala desa di Paraingu Kambera tidak pernah membagikan beras "
     "bantuan, nda ada yang berani tanya", QUALITY_OK},
    {"Itu kades dong makan doi BLT, katong orang kecil sonde dapa apa-apa",
     QUALITY_OK},
    {"sy sdh byr ke ptgs loket tp blm dpt kwitansi smp skrg", QUALITY_OK},
    /* Lio, Sikka, Lamaholot, Sabu, Rote written in full. */
    {"Kami mbana leka kantor camat, petugas iwa mera, ebe ngere iwa pati "
     "surat", QUALITY_NOT_INDONESIAN},
    {"Nimu gea riwu lima nora ata desa, ganu nimu ata bua",
     QUALITY_NOT_INDONESIAN},
    {"Tite pana nai kantor desa, petugas hala tobo, tite ake bayar",
     QUALITY_NOT_INDONESIAN},
    {"Ro dho jhe mara ri kantor desa, ro dho mara bantuan",
     QUALITY_NOT_INDONESIAN},
    {"Au leo kantor desa, malangga nae au fe rifu lima nulu, au fali leo "
     "uma", QUALITY_NOT_INDONESIAN},
    /* Javanese with its numerals and "marang"; Manggarai with "cai",
     * "ngoeng", "teing". */
    {"Pak mantri njaluk limang atus ewu marang aku, yen ora mbayar aku "
     "ora oleh obat", QUALITY_NOT_INDONESIAN},
    {"Aku cai one puskesmas te tegi obat, maik mantri toe ngoeng teing "
     "obat latang aku", QUALITY_NOT_INDONESIAN},
    /* Lamaholot's "go", "nein", "hope", "lodo"; Bugis (the coasts of
     * Flores and Kupang) with "melo", "engka", "lao", "degaga". */
    {"Go lodo kantor camat, petugas nein surat hala, go hope materai",
     QUALITY_NOT_INDONESIAN},
    {"Iyya melo lao kantor desa, degaga petugas, engka bantuan sibawa "
     "surat", QUALITY_NOT_INDONESIAN},
    /* Sabu's relative "do" and "dou" (person). */
    {"Ya ne do ta pe'ai ri kepala desa, dou Hawu do ta da'i dhe bantuan",
     QUALITY_NOT_INDONESIAN},
    {"Dou do mara ri kantor desa ta pe'e bantuan, ya ne do rede",
     QUALITY_NOT_INDONESIAN},
    /* Lamaholot's negation "take" and "aya" (many), with "kame" and
     * "ina ama" that Larantuka Malay shares; Indonesian with Lamaholot
     * names ("Pak Nong", Seba) stays Indonesian. */
    {"Guru pi sekolah seba doi aya-aya nong ina ama. Kame take doi, ana "
     "kame take bisa ujian.", QUALITY_NOT_INDONESIAN},
    {"Kepala sekolah minta doi aya-aya dari ina ama, kame take doi jadi "
     "ana take terima rapor.", QUALITY_NOT_INDONESIAN},
    {"Pak Nong di kantor camat Seba minta uang dua ratus ribu untuk take "
     "over tanah warisan kami.", QUALITY_OK},
  };
  check_languages(cases, N(cases));
}
END_TEST

/* English written in full that names Indonesian offices and schemes
 * (kepala desa, kantor camat, dana desa) is still English; Indonesian
 * with a few English words (online, fee, cash, thank you) is still
 * Indonesian. */
START_TEST(quality_language_english_with_local_terms)
{
  static const struct lang_case cases[] = {
    {"My brother paid the kepala desa two million rupiah for a job at the "
     "kantor camat but got nothing.", QUALITY_NOT_INDONESIAN},
    {"The dana desa for our village was used by the kepala desa to buy a "
     "car for his family.", QUALITY_NOT_INDONESIAN},
    {"We waited at the puskesmas all day and the bidan said we must pay "
     "first before she would help.", QUALITY_NOT_INDONESIAN},
    {"Pendaftaran PPPK dibuat online tapi operator dinas minta cash dua "
     "juta supaya data kami di-upload duluan.", QUALITY_OK},
    {"Saya sudah bilang thank you dan minta kuitansi, tapi petugas marah "
     "dan bilang no receipt, bayar saja.", QUALITY_OK},
    {"Bapa camat minta fee proyek sepuluh persen dari kontraktor, dan "
     "semua orang tahu itu.", QUALITY_OK},
  };
  check_languages(cases, N(cases));
}
END_TEST

/* Formal Indonesian with few function words is still Indonesian: its
 * affixes say so (memenangkan, istrinya, pengadaan, kesehatan); English
 * and the regional languages, written in full, are still asked for in
 * Indonesian. */
START_TEST(quality_language_formal_affixes)
{
  static const struct lang_case cases[] = {
    {"Kepala bagian pengadaan memenangkan perusahaan milik istrinya dalam "
     "tender pengadaan laptop sekolah senilai delapan ratus juta.",
     QUALITY_OK},
    {"Sekretaris dinas memenangkan perusahaan milik adiknya, proyek jalan "
     "desa senilai dua miliar rupiah tanpa lelang.", QUALITY_OK},
    {"Pengelolaan keuangan puskesmas menyimpang, pembelian obat "
     "digelembungkan kepala puskesmas bersama bendahara.", QUALITY_OK},
    {"The dormitory head did not clean the rooms and students got sick "
     "because nobody cared about them.", QUALITY_NOT_INDONESIAN},
    {"The mayor's office keeps asking for extra fees before signing "
     "building permits for small businesses.", QUALITY_NOT_INDONESIAN},
    {"Aku arep lapor yen dana desa dienggo tuku montor anyar karo pak kades",
     QUALITY_NOT_INDONESIAN},
    /* SMS shorthand, names and amounts leave few function words: the
     * pe-...-an of a noun and "pdhl" still say Indonesian. */
    {"Kades Oelbiteno diduga mark up harga semen pembangunan embung, 1 sak "
     "ditulis 120rb pdhl pasar 75rb.", QUALITY_OK},
    {"Kadis PUPR Malaka mark up harga pembangunan embung Weliman, RAB 2 M "
     "pdhl real 900jt.", QUALITY_OK},
    {"The village head marked up the price of cement for the new reservoir "
     "project by almost half.", QUALITY_NOT_INDONESIAN},
  };
  check_languages(cases, N(cases));
}
END_TEST

/* Languages of Flores, Sumba, Sabu and Sulawesi write the glottal stop
 * with an apostrophe inside a word (ja'o, sa'o, nga'a, ma'lapor);
 * Indonesian hardly does.  Such a word is a word of another language,
 * whatever the language: Ngada and Bugis have no list of their own.  An
 * apostrophe as a quotation mark, and a place name or two written so in
 * an Indonesian text, change nothing. */
START_TEST(quality_language_glottal)
{
  static const struct lang_case cases[] = {
    {"Ja'o la'a ne'e ana ja'o dhu sa'o dokter, ebe ngata ghoo ja'o pu'u "
     "zeta", QUALITY_NOT_INDONESIAN},
    {"Iyya' mappada ri kepala desa, de' na melo mabbere surat, na'sengngi "
     "de' gaga doi'na", QUALITY_NOT_INDONESIAN},
    {"Ja\xe2\x80\x99o la\xe2\x80\x99" "a sa\xe2\x80\x99o camat, "
     "ebe ti\xe2\x80\x99i ja\xe2\x80\x99o ngata", QUALITY_NOT_INDONESIAN},
    {"Jalan dari Oe'ekam ke Nai'benu rusak parah, warga sudah lapor ke "
     "dinas tapi belum ada perbaikan", QUALITY_OK},
    {"Kepala desa bilang 'tunggu saja' waktu kami tanya soal bantuan "
     "beras", QUALITY_OK},
    /* Timorese villages spelt with the stop inside a sentence are names,
     * not words of another language; a sentence may still open with
     * one ("Ha'u"). */
    {"Pipa ke Oe'ekam, Oh'aem dan To'fen rusak", QUALITY_OK},
    {"Ha'u hakarak hatoo keixa. Ha'u la simu osan", QUALITY_NOT_INDONESIAN},
  };
  struct quality *q = load_shipped();
  struct quality_lang_info info;

  check_languages(cases, N(cases));
  /* ne'e is one word, of another language; 'sonde' in quotes is two
   * Indonesian ones. */
  quality_language(q, "ebe ne'e 'sonde ada'", 0.08, &info);
  ck_assert_int_eq(info.words, 4);
  ck_assert_int_eq(info.stopwords, 2);
  quality_language(q, "Jalan dari Oe'ekam ke Nai'benu rusak", 0.08, &info);
  ck_assert_int_eq(info.regional, 0);
  quality_free(q);
}
END_TEST

START_TEST(quality_language_counts)
{
  struct quality *q = load_shipped();
  struct quality_lang_info info;

  ck_assert_int_eq(quality_language(q, "Saya dan 2 ORANG lain; sangat "
                                       "kecewa\xc3\xa9", 0.15, &info),
                   QUALITY_OK);
  ck_assert_int_eq(info.words, 6);      /* the 2 is not a word */
  ck_assert_int_eq(info.stopwords, 5);  /* all but kecewa */
  ck_assert(info.ratio > 0.83 && info.ratio < 0.84);
  ck_assert_int_eq(info.letters, 29);
  ck_assert_int_eq(info.upper, 6);
  /* The ratio is the caller's. */
  ck_assert_int_eq(quality_language(q, "Saya dan 2 ORANG lain; sangat "
                                       "kecewa", 0.9, NULL),
                   QUALITY_NOT_INDONESIAN);
  ck_assert_int_eq(quality_language(q, NULL, 0.15, &info), QUALITY_TOO_SHORT);
  ck_assert_int_eq(info.words, 0);
  ck_assert(info.ratio == 0.0);
  quality_free(q);
}
END_TEST

/* ----------------------------------------------------------- loading */

#define LEX_OK "tolol\n~babi\ndasar babi\n"
#define ALLOW_OK "ternak babi\n"
#define STOP_OK "yang\ndan\ndi\nsaya\n"

/* Three lists in a folder of their own, loaded once. */
struct lists {
  char *dir;
  char *path[3];      /* lexicon, allow-list, stop words */
  struct quality *q;
  struct diag diag;
  int rc;
};

static void
write_bytes(const char *path, const char *text, size_t len)
{
  FILE *f = fopen(path, "wb");

  ck_assert_ptr_nonnull(f);
  ck_assert_uint_eq(fwrite(text, 1, len, f), len);
  ck_assert_int_eq(fclose(f), 0);
}

static void
lists_write(struct lists *l, const char *lex, const char *allow,
            const char *stop)
{
  static const char *const names[3] = {"lexicon.txt", "allowlist.txt",
                                       "stopwords.txt"};
  const char *text[3] = {lex, allow, stop};
  int i;

  l->dir = tu_tmpdir();
  ck_assert_ptr_nonnull(l->dir);
  for (i = 0; i < 3; i++) {
    l->path[i] = tu_path(l->dir, names[i]);
    if (text[i] != NULL)
      write_bytes(l->path[i], text[i], strlen(text[i]));
  }
  diag_init(&l->diag);
  l->q = NULL;
}

static void
lists_load(struct lists *l)
{
  l->rc = quality_load(l->path[0], l->path[1], l->path[2], &l->q, &l->diag);
}

static void
lists_free(struct lists *l)
{
  int i;

  quality_free(l->q);
  diag_free(&l->diag);
  tu_rmrf(l->dir);
  for (i = 0; i < 3; i++)
    free(l->path[i]);
  free(l->dir);
}

static const char *
lists_diag(const struct lists *l)
{
  return l->diag.text.data != NULL ? l->diag.text.data : "";
}

/* The diagnostics hold the path of list which ('L', 'A' or 'S')
 * immediately followed by tail. */
static void
assert_diag(const struct lists *l, char which, const char *tail)
{
  struct buf want = BUF_INIT;
  int i = which == 'L' ? 0 : which == 'A' ? 1 : 2;

  ck_assert_int_eq(buf_printf(&want, "%s%s", l->path[i], tail), 0);
  ck_assert_msg(strstr(lists_diag(l), want.data) != NULL,
                "missing \"%s\" in:\n%s", want.data, lists_diag(l));
  buf_free(&want);
}

struct load_case {
  const char *name;
  const char *lexicon, *allow, *stop;  /* NULL: a small good list */
  int errors, warnings;
  const char *want[3];  /* first character: which file; then the tail */
};

static const struct load_case load_cases[] = {
  {"good, with BOM, CRLF, blanks and comments",
   "\xef\xbb\xbf# insults\r\n\r\n  tolol  # stupid\r\n~ babi\r\n"
   "dasar  babi\r\n", "# none yet\n", "yang\r\ndan # and\r\n", 0, 0,
   {NULL}},
  {"invalid UTF-8", "tolol\nbang\xffsat\n", NULL, NULL, 1, 0,
   {"L:2: invalid UTF-8 at byte 5 of the line"}},
  {"entry of punctuation only", "tolol\n!!! ---\n~\n", NULL, NULL, 2, 0,
   {"L:2: '!!! ---' normalises to nothing",
    "L:3: '' normalises to nothing"}},
  {"duplicates after normalisation", "tolol\nTOLOL\nt0l0l\n", NULL, NULL, 0,
   2, {"L:2: warning: duplicate entry 'tolol' (already at line 1)",
       "L:3: warning: duplicate entry 'tolol' (already at line 1)"}},
  {"too many words", "tolol\na1 b1 c1 d1 e1 f1 g1 h1 i1\n", NULL, NULL, 1,
   0, {"L:2: 'a1 b1 c1 d1 e1 f1 g1 h1 i1' has 9 words; an entry has at most "
    "8"}},
  {"'~' in the allow-list", NULL, "~kasus\n", NULL, 1, 0,
   {"A:1: '~' (an ordinary word too) belongs in the lexicon only"}},
  {"stop words that are not one word of letters", NULL, NULL,
   "yang\nke2\ndan tetapi\n\xc3\xa9t\xc3\xa9\n", 2, 0,
   {"S:2: 'ke2' is not a stop word", "S:3: 'dan tetapi' is not a stop "
    "word"}},
  {"duplicate stop word", NULL, NULL, "yang\nYang\n", 0, 1,
   {"S:2: warning: duplicate entry 'yang' (already at line 1)"}},
  {"lexicon entry switched off by the allow-list", NULL, "t0lol\n", NULL, 0,
   1, {"L:1: warning: 'tolol' is also on the allow-list ("}},
  {"empty lists", "# nothing\n", "", "\n", 0, 2,
   {"L: warning: no entries: nothing will be filtered",
    "S: warning: no stop words"}},
  {"problems in every file", "tolol\n\xc3\x28\n", "\xff\n", "1\n", 3, 1,
   {"L:2: invalid UTF-8 at byte 1", "A:1: invalid UTF-8 at byte 1",
    "S:1: '1' is not a stop word"}},
};

START_TEST(quality_load_table)
{
  const struct load_case *c = &load_cases[_i];
  struct lists l;
  int i;

  lists_write(&l, c->lexicon != NULL ? c->lexicon : LEX_OK,
              c->allow != NULL ? c->allow : ALLOW_OK,
              c->stop != NULL ? c->stop : STOP_OK);
  lists_load(&l);
  ck_assert_msg(l.diag.errors == c->errors && l.diag.warnings == c->warnings,
                "%s: want %d errors and %d warnings, got %d and %d:\n%s",
                c->name, c->errors, c->warnings, l.diag.errors,
                l.diag.warnings, lists_diag(&l));
  if (c->errors > 0) {
    ck_assert_int_eq(l.rc, AERR_CONFIG);
    ck_assert_ptr_null(l.q);
  } else {
    ck_assert_int_eq(l.rc, 0);
    ck_assert_ptr_nonnull(l.q);
  }
  for (i = 0; i < 3 && c->want[i] != NULL; i++)
    assert_diag(&l, c->want[i][0], c->want[i] + 1);
  lists_free(&l);
}
END_TEST

/* What a hand-made list does once loaded: '~' words, phrases, the
 * allow-list, stop words. */
START_TEST(quality_load_small_lists_work)
{
  struct lists l;
  const char *term = NULL;

  lists_write(&l, "tolol\n~babi\ndasar babi\nkaffir\n", "ternak babi\n",
              "yang\ndan\ndi\n");
  lists_load(&l);
  ck_assert_int_eq(l.rc, 0);
  ck_assert_int_eq(quality_abusive(l.q, "dasar tolol", &term), 1);
  ck_assert_str_eq(term, "tolol");
  ck_assert_int_eq(quality_abusive(l.q, "babi", NULL), 0);
  ck_assert_int_eq(quality_abusive(l.q, "b4bi", &term), 1);
  ck_assert_str_eq(term, "babi");
  ck_assert_int_eq(quality_abusive(l.q, "Dasar Babi", &term), 1);
  ck_assert_str_eq(term, "dasar babi");
  ck_assert_int_eq(quality_abusive(l.q, "ternak B4BI", NULL), 0);
  /* An entry with a double letter is found written with one. */
  ck_assert_int_eq(quality_abusive(l.q, "kafir", &term), 1);
  ck_assert_str_eq(term, "kaffir");
  ck_assert_int_eq(quality_language(l.q, "yang dan di itu", 0.5, NULL),
                   QUALITY_OK);
  ck_assert_int_eq(quality_language(l.q, "yang itu ini anu", 0.5, NULL),
                   QUALITY_NOT_INDONESIAN);
  lists_free(&l);
}
END_TEST

START_TEST(quality_load_refuses_nul_byte)
{
  static const char text[] = "tolol\nbang\0sat\n";
  struct lists l;

  lists_write(&l, NULL, ALLOW_OK, STOP_OK);
  write_bytes(l.path[0], text, sizeof(text) - 1);
  lists_load(&l);
  ck_assert_int_eq(l.rc, AERR_CONFIG);
  ck_assert_int_eq(l.diag.errors, 1);
  assert_diag(&l, 'L', ":2: the line holds a NUL byte");
  lists_free(&l);
}
END_TEST

/* A missing file is reported with its path; the others are still read
 * and their problems reported too. */
START_TEST(quality_load_missing_file)
{
  struct lists l;

  lists_write(&l, LEX_OK, NULL, "yang\n~dan\n");
  lists_load(&l);
  ck_assert_int_eq(l.rc, -ENOENT);
  ck_assert_ptr_null(l.q);
  ck_assert_int_eq(l.diag.errors, 2);
  assert_diag(&l, 'A', ": cannot open: ");
  assert_diag(&l, 'S', ":2: '~' (an ordinary word too) belongs in the "
                       "lexicon only");
  lists_free(&l);
}
END_TEST

/* Errors already in diag do not fail a good load, and diag may be
 * NULL. */
START_TEST(quality_load_counts_only_its_own_errors)
{
  struct lists l;
  struct quality *q = NULL;

  lists_write(&l, LEX_OK, ALLOW_OK, STOP_OK);
  diag_error(&l.diag, "aduand.conf", 3, "earlier problem");
  lists_load(&l);
  ck_assert_int_eq(l.rc, 0);
  ck_assert_ptr_nonnull(l.q);
  ck_assert_int_eq(quality_load(l.path[0], l.path[1], l.path[2], &q, NULL),
                   0);
  ck_assert_int_eq(quality_abusive(q, "TOLOL", NULL), 1);
  quality_free(q);
  ck_assert_int_eq(quality_load(l.path[0], NULL, l.path[2], &q, NULL),
                   -EINVAL);
  ck_assert_ptr_null(q);
  lists_free(&l);
}
END_TEST

/* ------------------------------------------ the second opinion on threats */

/* The model's probability for text, in the judge's normal form. */
static double
model_p(const struct quality *q, const struct threat_model *m,
        const char *text)
{
  struct buf b = BUF_INIT;
  double p;

  ck_assert_int_eq(threat_model_text(q, text, &b), 0);
  p = threat_model_score(m, b.data != NULL ? b.data : "", b.len);
  buf_free(&b);
  return p;
}

START_TEST(quality_model_loads_and_scores)
{
  struct quality *q = load_shipped();
  struct threat_model *m = NULL;
  struct diag d;
  double p;

  diag_init(&d);
  ck_assert_int_eq(threat_model_load(THREAT_MODEL, &m, &d), 0);
  ck_assert_int_eq(d.errors + d.warnings, 0);
  ck_assert_int_eq(m->bits, THREAT_MODEL_BITS);
  ck_assert(m->threshold > 0.5 && m->threshold <= 1.0);
  p = model_p(q, m, "Kepala sekolah tahan ijazah anak saya, besok sy tikam "
                    "dia");
  ck_assert_msg(p >= m->threshold, "threat scored %.3f", p);
  p = model_p(q, m, "Guru honor di SD Inpres Oebufu belum terima gaji tiga "
                    "bulan.");
  ck_assert_msg(p < 0.1, "clean text scored %.3f", p);
  threat_model_free(m);
  diag_free(&d);
  quality_free(q);
}
END_TEST

/* Packed, a model reads the weights its table held, zeros included, at
 * every index (the words' ends, a word of all zeros, a full one); a
 * loaded model comes packed. */
START_TEST(quality_model_packed_reads_the_same)
{
  struct threat_model *m = threat_model_new(10), *l = NULL;
  float *want = malloc(sizeof(float) << 10);
  uint32_t seed = 7, i;
  struct diag d;

  ck_assert_ptr_nonnull(m);
  ck_assert_ptr_nonnull(want);
  for (i = 0; i < 1024; i++) {
    seed = seed * 1103515245u + 12345u;
    if (i >= 128 && i < 192)
      m->w[i] = 0.0f;                       /* a word of zeros */
    else if (i >= 256 && i < 320)
      m->w[i] = (float)i;                   /* a full word */
    else if ((seed >> 16) % 3 == 0 || i == 63 || i == 64 || i == 1023)
      m->w[i] = (float)((int)(seed >> 8) % 2001 - 1000) / 997.0f;
    want[i] = m->w[i];
  }
  m->w[0] = 0.0f;
  want[0] = 0.0f;
  ck_assert_int_eq(threat_model_pack(m), 0);
  ck_assert_ptr_null(m->w);
  for (i = 0; i < 1024; i++)
    ck_assert_msg(threat_model_weight(m, i) == want[i], "weight %u", i);
  ck_assert_int_eq(threat_model_pack(m), 0);  /* twice is once */
  ck_assert(threat_model_weight(m, 300) == 300.0f);
  threat_model_free(m);
  free(want);

  diag_init(&d);
  ck_assert_int_eq(threat_model_load(THREAT_MODEL, &l, &d), 0);
  ck_assert_ptr_null(l->w);
  ck_assert_ptr_nonnull(l->nz);
  threat_model_free(l);
  diag_free(&d);
}
END_TEST

/* Threats the rules do not read (a veiled menace on the way home, an
 * ultimatum with no verb of violence) are threats with the model; clean
 * reports stay clean, and the model does not read the words of reported
 * speech. */
START_TEST(quality_model_second_opinion)
{
  static const char *const threats[] = {
    "Saya beri waktu tiga hari untuk kades kembalikan uang BLT, kalau "
    "tidak dia tidak akan pulang ke rumah dengan selamat.",
    "Pak kades lebih baik hati-hati kalau jalan malam, saya sudah tahu "
    "rumahnya.",
    /* Not here: "Kantor lurah itu lebih baik dijaga mulai besok, karena
     * kami sudah siapkan minyak tanah." and "Bendahara itu lebih baik
     * pindah dari kampung ini sebelum warga datang ke rumahnya
     * malam-malam.", written apart from the corpus, score 0.965 and
     * 0.966, below the threshold of 0.97 that a clean report scoring
     * 0.961 asked for (tests/tools/threat-model-measured.txt). */
  };
  struct quality *q = load_shipped();
  struct quality_judgement j;
  struct diag d;
  int i;

  diag_init(&d);
  ck_assert_int_eq(quality_load_model(q, THREAT_MODEL, &d), 0);
  for (i = 0; i < N(threats); i++) {
    ck_assert_int_eq(quality_judge_story(q, threats[i], &j), 0);
    ck_assert_msg(j.verdict == QUALITY_THREAT, "'%s': verdict %d",
                  threats[i], (int)j.verdict);
  }
  /* Short answers (a place, a time) are the rules' alone: the model was
   * trained and measured on descriptions. */
  ck_assert_int_eq(quality_judge(q, "kalamarin malam beta pi kantor desa",
                                 &j), 0);
  ck_assert_int_eq(j.verdict, QUALITY_CLEAN);
  ck_assert_int_eq(quality_judge(q, threats[0], &j), 0);
  ck_assert_int_eq(j.verdict, QUALITY_CLEAN);
  ck_assert_int_eq(quality_judge_story(q, "Saya takut diancam kepala desa "
                                          "kalau nama saya diketahui.", &j),
                   0);
  ck_assert_int_eq(j.verdict, QUALITY_CLEAN);
  ck_assert_int_eq(quality_judge_story(q, "Kades bilang ke saya \"malam ini "
                                          "saya parangi kau di jalan\".", &j),
                   0);
  ck_assert_int_eq(j.verdict, QUALITY_CLEAN);
  /* Without the model the rules alone judge. */
  threat_model_free(quality_swap_model(q, NULL));
  ck_assert_int_eq(quality_judge_story(q, threats[0], &j), 0);
  ck_assert_int_eq(j.verdict, QUALITY_CLEAN);
  diag_free(&d);
  quality_free(q);
}
END_TEST

/* What a model with 'target 1' needs, asked whatever the rules say: a
 * person, office or building named in the reporter's own words. */
START_TEST(quality_model_names_target)
{
  struct quality *q = load_shipped();

  ck_assert_int_eq(threat_model_names_target(q, "Kepala desa tahan dana "
                                                "BLT warga."), 1);
  ck_assert_int_eq(threat_model_names_target(q, "Awas kau, beta potong "
                                                "ko!"), 0);
  ck_assert_int_eq(threat_model_names_target(q, "Saya disuruh teriak "
                                                "\"malam ini kepala desa "
                                                "mati\"."), 0);
  ck_assert_int_eq(threat_model_names_target(q, ""), 0);
  quality_free(q);
}
END_TEST

/* Long descriptions of harmless words are not threats: the descriptions
 * of integration/test_multi.c (a generated story and two more parts, one
 * a line: "... mayat ... kayu ... kepala desa ..."), and the same written
 * as one long sentence.  Scored as a whole, such a text adds up the
 * small weights of words that threats use too (sum/sqrt(n)); the shipped
 * model reads stretches of a sentence instead (its 'window'). */
START_TEST(quality_model_salads_are_not_threats)
{
  struct quality *q = load_shipped();
  struct quality_judgement j;
  struct diag d;
  char text[3 * 512 + 3];
  size_t len;
  int c, k, joined;

  diag_init(&d);
  ck_assert_int_eq(quality_load_model(q, THREAT_MODEL, &d), 0);
  for (joined = 0; joined <= 1; joined++)
    for (c = 0; c < 200; c++) {
      tu_story(c, text, 512);
      for (k = 0; k < 2; k++) {
        len = strlen(text);
        text[len++] = joined ? ' ' : '\n';
        tu_story(200 + 2 * c + k, text + len, 512);
      }
      ck_assert_int_eq(quality_judge_story(q, text, &j), 0);
      ck_assert_msg(j.verdict == QUALITY_CLEAN, "salad %d (%s): verdict %d",
                    c, joined ? "one sentence" : "three lines",
                    (int)j.verdict);
    }
  /* A threat in a long report is still read: its stretch scores alone. */
  tu_story(7, text, 512);
  len = strlen(text);
  snprintf(text + len, sizeof(text) - len, "\nLurah Oebobo tolong hati-hati "
           "kalau pulang malam, beta sudah tau jalan ke rumahnya.");
  ck_assert_int_eq(quality_judge_story(q, text, &j), 0);
  ck_assert_int_eq(j.verdict, QUALITY_THREAT);
  diag_free(&d);
  quality_free(q);
}
END_TEST

/* The model file's 'window' and 'gate': a long sentence is scored by its
 * stretches, and with 'gate 1' the model does not speak for a text
 * without a word of violence (a veiled menace). */
START_TEST(quality_model_window_and_gate)
{
  static const char *const veiled =
    "Pak kades siapkan saja ambulans untuk dia, minggu ini giliran dia.";
  struct quality *q = load_shipped();
  struct threat_model *m = NULL;
  struct quality_judgement j;
  struct diag d;
  struct buf b = BUF_INIT;
  char *dir = tu_tmpdir(), *path = tu_path(dir, "threat-model.txt");
  char *text = NULL, *gated = NULL;
  double whole, stretches;
  size_t len;

  diag_init(&d);
  ck_assert_int_eq(threat_model_load(THREAT_MODEL, &m, &d), 0);
  ck_assert_uint_gt(m->window, 0);
  ck_assert_int_eq(m->gate, 0);
  /* A stretch of the likeliest words scores at least the sentence: one
   * harmless sentence of 60 words scores less by its stretches. */
  ck_assert_int_eq(buf_puts(&b, "kepala desa dan camat"), 0);
  for (int i = 0; i < 14; i++)
    ck_assert_int_eq(buf_puts(&b, " kayu di rumah sakit"), 0);
  whole = threat_model_score(m, b.data, b.len);
  stretches = threat_model_judge_score(m, b.data, b.len);
  ck_assert_msg(stretches < whole, "stretches %.3f, whole %.3f", stretches,
                whole);
  m->window = 0;
  ck_assert(threat_model_judge_score(m, b.data, b.len) == whole);
  threat_model_free(m);
  buf_free(&b);
  /* The rules alone let the veiled menace pass (when they learn to
   * refuse it, this test needs another text only the model refuses). */
  ck_assert_int_eq(quality_judge_story(q, veiled, &j), 0);
  ck_assert_msg(j.verdict == QUALITY_CLEAN, "the rules refuse '%s' now: "
                "pick a menace only the model refuses", veiled);
  /* The shipped file with 'gate 1'. */
  text = tu_read_file(THREAT_MODEL, &len);
  ck_assert_ptr_nonnull(text);
  gated = strdup(text);
  ck_assert_ptr_nonnull(strstr(gated, "\ngate 0\n"));
  strstr(gated, "\ngate 0\n")[6] = '1';
  ck_assert_int_eq(tu_write_file(path, gated), 0);
  ck_assert_int_eq(quality_load_model(q, path, &d), 0);
  ck_assert_int_eq(quality_judge_story(q, veiled, &j), 0);
  ck_assert_int_eq(j.verdict, QUALITY_CLEAN);
  ck_assert_int_eq(quality_load_model(q, THREAT_MODEL, &d), 0);
  ck_assert_int_eq(quality_judge_story(q, veiled, &j), 0);
  ck_assert_int_eq(j.verdict, QUALITY_THREAT);
  diag_free(&d);
  quality_free(q);
  tu_rmrf(dir);
  free(dir);
  free(path);
  free(text);
  free(gated);
}
END_TEST

/* Rows of texts and whether the gate finds a word of violence in each
 * (threat_model_names_violence); then, with the shipped model, the
 * first nclean of them are judged clean. */
struct violence_row {
  const char *text;
  int violent;
};

static void
assert_violence_rows(const struct violence_row *rows, size_t n,
                     size_t nclean)
{
  struct quality *q = load_shipped();
  struct quality_judgement j;
  struct diag d;
  size_t i;

  for (i = 0; i < n; i++)
    ck_assert_msg(threat_model_names_violence(q, rows[i].text) ==
                      rows[i].violent,
                  "'%s': want %d", rows[i].text, rows[i].violent);
  diag_init(&d);
  ck_assert_int_eq(quality_load_model(q, THREAT_MODEL, &d), 0);
  for (i = 0; i < nclean; i++) {
    ck_assert_int_eq(quality_judge_story(q, rows[i].text, &j), 0);
    ck_assert_msg(j.verdict == QUALITY_CLEAN, "'%s': verdict %d",
                  rows[i].text, (int)j.verdict);
  }
  diag_free(&d);
  quality_free(q);
}

/* The reporter's own death or ruin ("saya bisa mati berdiri", "kami
 * semua bisa mati kelaparan") is no word of violence for the gate, as
 * the reporter's fear is not; a death said of someone else ("kau mati",
 * "dia mati", "mereka mati", an office "pasti hancur") or the reporter's
 * violence ("saya bunuh dia", "saya bisa bakar") still is. */
START_TEST(quality_model_own_death)
{
  static const struct violence_row rows[] = {
    {"Saya bisa mati berdiri kalau harus bayar lagi biaya sertifikat tanah "
     "yang sudah lunas di BPN Kabupaten Kupang.", 0},
    {"Kalau bantuan tidak datang, kami semua bisa mati kelaparan di desa "
     "ini.", 0},
    {"Beta hampir mati tunggu antrian di kantor Dukcapil dari pagi.", 0},
    {"Saya bisa hancur kalau tanah warisan ini diambil kepala desa.", 0},
    {"Kalau dana desa tidak kembali, kau mati.", 1},
    {"Kepala desa itu harus bayar, kalau tidak dia mati.", 1},
    {"Petugas Samsat itu, mereka mati kalau saya ketemu.", 1},
    {"Saya bisa mati, tapi kades itu juga mati bersama saya.", 1},
    {"Saya bunuh dia kalau uang tidak kembali.", 1},
    {"Saya bisa bakar kantor desa itu nanti.", 1},
    {"Kami semua siap, kantor camat itu pasti hancur.", 1},
  };
  struct quality *q = load_shipped();
  struct quality_judgement j;
  struct diag d;

  /* With the shipped model: the model does not read the clause of the
   * reporter's own end, so a complaint around it stays clean and a
   * menace beside it ("..., kades itu tunggu saja malam ini kami datang
   * ke rumahnya") is still refused. */
  assert_violence_rows(rows, sizeof(rows) / sizeof(rows[0]), 4);
  diag_init(&d);
  ck_assert_int_eq(quality_load_model(q, THREAT_MODEL, &d), 0);
  ck_assert_int_eq(quality_judge_story(q, "Saya siap mati demi tanah ini, "
                                          "kades itu tunggu saja malam ini "
                                          "kami datang ke rumahnya.", &j), 0);
  ck_assert_int_eq(j.verdict, QUALITY_THREAT);
  diag_free(&d);
  quality_free(q);
}
END_TEST

/* A parang carried for work (work_tool: to fetch firewood, to clean the
 * yard, to mow) and a verb of harm done to a harmless thing ("babat
 * rumput", "kayu bakar": firewood) are no words of violence, so the
 * model keeps its own threshold there; a parang carried to an office, a
 * fire set to it, a person cut down still are. */
START_TEST(quality_model_work_is_no_violence)
{
  static const struct violence_row rows[] = {
    {"Saya bawa parang ke hutan cari kayu bakar, kepala dusun ikut.", 0},
    {"Saya yang pegang parang waktu bersih-bersih halaman kantor desa, "
     "kades cuma lihat.", 0},
    {"Saya bawa parang untuk babat rumput, camat lewat saja.", 0},
    {"Kami bawa parang ke kebun potong kayu, lurah ikut bantu.", 0},
    {"Beta pi ambil kayu bakar di hutan, pak desa tahan beta pung KTP.", 0},
    {"Saya bawa parang ke kantor desa, kades tunggu saja.", 1},
    {"Saya bakar kantor desa.", 1},
    {"Saya babat kepala desa itu.", 1},
    {"Saya bawa parang ke hutan, kades itu saya babat.", 1},
    {"Saya bawa kayu bakar ke rumah kades, saya bakar rumahnya.", 1},
    {"Saya tebas semak di kebun kades, dia tunggu saja.", 1},
  };

  /* With the shipped model: the three reports are filed. */
  assert_violence_rows(rows, sizeof(rows) / sizeof(rows[0]), 3);
}
END_TEST

/* The model file's 'gated': a lower threshold for a text with a word of
 * violence ("memukul": a prefix off [harm]), where the model's
 * probability says more; a text without one keeps the threshold.  The
 * thresholds are set around each text's own probability, so the test
 * holds for any trained weights. */
START_TEST(quality_model_gated)
{
  static const char *const violent =
    "Petugas itu memukul meja waktu kami datang minta surat.";
  static const char *const calm = "Kepala desa tahan dana BLT warga.";
  struct quality *q = load_shipped();
  struct threat_model *m = NULL;
  struct quality_judgement j;
  struct diag d;
  struct buf b = BUF_INIT;
  char *dir = tu_tmpdir(), *path = tu_path(dir, "threat-model.txt");
  char *text = NULL, *at;
  double pv, pc;
  size_t len;

  diag_init(&d);
  ck_assert_int_eq(threat_model_names_violence(q, violent), 1);
  ck_assert_int_eq(threat_model_names_violence(q, calm), 0);
  ck_assert_int_eq(threat_model_names_violence(q, "Dia bilang \"saya "
                                                  "pukul kau\"."), 0);
  /* The violence the reporter fears is not theirs to promise. */
  ck_assert_int_eq(threat_model_names_violence(q, "beta takut dong bakar beta "
                                                  "pung rumah kalo beta "
                                                  "lapor"), 0);
  ck_assert_int_eq(threat_model_names_violence(q, "Saya tidak takut, saya "
                                                  "bakar kantor camat"), 1);
  ck_assert_int_eq(threat_model_load(THREAT_MODEL, &m, &d), 0);
  ck_assert_int_eq(threat_model_text(q, violent, &b), 0);
  pv = threat_model_judge_score(m, b.data, b.len);
  buf_reset(&b);
  ck_assert_int_eq(threat_model_text(q, calm, &b), 0);
  pc = threat_model_judge_score(m, b.data, b.len);
  buf_reset(&b);
  ck_assert(pv > 0 && pv < 1 && pc > 0 && pc < 1);
  quality_swap_model(q, m);
  m->threshold = (1 + pv) / 2;
  m->gated = 0;
  ck_assert_int_eq(quality_judge_story(q, violent, &j), 0);
  ck_assert_int_eq(j.verdict, QUALITY_CLEAN);
  m->gated = pv / 2;
  ck_assert_int_eq(quality_judge_story(q, violent, &j), 0);
  ck_assert_int_eq(j.verdict, QUALITY_THREAT);
  ck_assert_str_eq(j.term, "threat-model");
  m->threshold = (1 + pc) / 2;
  m->gated = pc / 2;
  ck_assert_int_eq(quality_judge_story(q, calm, &j), 0);
  ck_assert_int_eq(j.verdict, QUALITY_CLEAN);
  /* The file's line; one out of range is refused. */
  text = tu_read_file(THREAT_MODEL, &len);
  ck_assert_ptr_nonnull(text);
  ck_assert_ptr_nonnull(at = strstr(text, "\nwindow "));
  ck_assert_int_eq(buf_printf(&b, "%.*s\ngated 0.25%s", (int)(at - text),
                              text, at), 0);
  ck_assert_int_eq(tu_write_file(path, b.data), 0);
  ck_assert_int_eq(threat_model_load(path, &m, &d), 0);
  ck_assert(m->gated == 0.25);
  threat_model_free(m);
  buf_reset(&b);
  ck_assert_int_eq(buf_printf(&b, "%.*s\ngated 1.5%s", (int)(at - text),
                              text, at), 0);
  ck_assert_int_eq(tu_write_file(path, b.data), 0);
  ck_assert_int_ne(threat_model_load(path, &m, &d), 0);
  buf_free(&b);
  diag_free(&d);
  quality_free(q);
  tu_rmrf(dir);
  free(dir);
  free(path);
  free(text);
}
END_TEST

START_TEST(quality_model_missing_or_broken)
{
  struct quality *q = load_shipped();
  struct quality_judgement j;
  struct diag d;
  char *dir = tu_tmpdir(), *bad = tu_path(dir, "threat-model.txt");

  diag_init(&d);
  ck_assert_int_eq(quality_load_model(q, "/nonexistent/threat-model.txt",
                                      &d), -ENOENT);
  ck_assert_int_eq(d.errors, 0);
  ck_assert_int_eq(d.warnings, 1);
  ck_assert_ptr_nonnull(strstr(d.text.data, "rules alone"));
  ck_assert_int_eq(quality_judge_story(q, "Saya bunuh kepala desa itu besok.", &j),
                   0);
  ck_assert_int_eq(j.verdict, QUALITY_THREAT);
  ck_assert_int_eq(tu_write_file(bad, "bunuh 1.0\n"), 0);
  ck_assert_int_eq(quality_load_model(q, bad, &d), AERR_CONFIG);
  ck_assert_int_eq(d.errors, 1);
  ck_assert_int_eq(tu_write_file(bad, "threat-model 1\nbits 8\n"
                                      "300 1.0\n"), 0);
  ck_assert_int_eq(quality_load_model(q, bad, &d), AERR_CONFIG);
  ck_assert_int_eq(d.errors, 2);
  ck_assert_int_eq(tu_write_file(bad, "threat-model 1\nbits 8\n"
                                      "bias -20\nthreshold 0.5\n"
                                      "12 1.5\n"), 0);
  ck_assert_int_eq(quality_load_model(q, bad, &d), 0);
  ck_assert_int_eq(d.errors, 2);
  ck_assert_int_eq(quality_judge_story(q, "Guru honor belum terima gaji.", &j), 0);
  ck_assert_int_eq(j.verdict, QUALITY_CLEAN);
  diag_free(&d);
  quality_free(q);
  tu_rmrf(dir);
  free(bad);
  free(dir);
}
END_TEST

static Suite *
quality_suite(void)
{
  Suite *s = suite_create("quality");
  TCase *tc = tcase_create("quality");

  tcase_add_test(tc, quality_shipped_lists_load_clean);
  tcase_add_test(tc, quality_normal_form);
  tcase_add_test(tc, quality_normal_form_appends);
  tcase_add_test(tc, quality_abuse_table);
  tcase_add_test(tc, quality_judge_shapes);
  tcase_add_test(tc, quality_judge_intent);
  tcase_add_test(tc, quality_judge_evasions);
  tcase_add_test(tc, quality_judge_violence_verbs);
  tcase_add_test(tc, quality_judge_reporters_people);
  tcase_add_test(tc, quality_judge_poison_served);
  tcase_add_test(tc, quality_judge_deadline_intent);
  tcase_add_test(tc, quality_judge_quoted_message);
  tcase_add_test(tc, quality_judge_outcome_promised);
  tcase_add_test(tc, quality_judge_none_safe);
  tcase_add_test(tc, quality_judge_home_known);
  tcase_add_test(tc, quality_judge_hushed_saying);
  tcase_add_test(tc, quality_judge_owned_speaker);
  tcase_add_test(tc, quality_judge_pledged_harm);
  tcase_add_test(tc, quality_judge_readied_ruin);
  tcase_add_test(tc, quality_judge_kin_harmed);
  tcase_add_test(tc, quality_judge_death_question);
  tcase_add_test(tc, quality_judge_life_taken);
  tcase_add_test(tc, quality_judge_home_visit);
  tcase_add_test(tc, quality_judge_befall_warned);
  tcase_add_test(tc, quality_judge_lest);
  tcase_add_test(tc, quality_judge_blood_ultimatum);
  tcase_add_test(tc, quality_judge_asking_for_it);
  tcase_add_test(tc, quality_judge_village_chain);
  tcase_add_test(tc, quality_judge_same_words);
  tcase_add_test(tc, quality_judge_reduplicated);
  tcase_add_test(tc, quality_judge_trait_insult);
  tcase_add_test(tc, quality_judge_origin_group);
  tcase_add_test(tc, quality_judge_mind_idiom);
  tcase_add_test(tc, quality_judge_vocative_phrase);
  tcase_add_test(tc, quality_judge_expel_call);
  tcase_add_test(tc, quality_judge_group_reason);
  tcase_add_test(tc, quality_judge_sms_verbs);
  tcase_add_test(tc, quality_judge_office_pest);
  tcase_add_test(tc, quality_judge_group_incapable);
  tcase_add_test(tc, quality_judge_group_must_leave);
  tcase_add_test(tc, quality_judge_role_group);
  tcase_add_test(tc, quality_judge_named_as);
  tcase_add_test(tc, quality_judge_one_village);
  tcase_add_test(tc, quality_judge_companion_agent);
  tcase_add_test(tc, quality_judge_violence_classes);
  tcase_add_test(tc, quality_judge_own_voice);
  tcase_add_test(tc, quality_judge_own_hand);
  tcase_add_test(tc, quality_judge_second_target);
  tcase_add_test(tc, quality_judge_relayed_message);
  tcase_add_test(tc, quality_judge_name_left);
  tcase_add_test(tc, quality_judge_assault);
  tcase_add_test(tc, quality_judge_unhesitating);
  tcase_add_test(tc, quality_judge_death_wish);
  tcase_add_test(tc, quality_judge_staff_group);
  tcase_add_test(tc, quality_judge_kin_whereabouts);
  tcase_add_test(tc, quality_judge_relayed_warning);
  tcase_add_test(tc, quality_judge_hospital_cause);
  tcase_add_test(tc, quality_judge_grave_by_then);
  tcase_add_test(tc, quality_judge_lonely_road);
  tcase_add_test(tc, quality_judge_kupang_drink);
  tcase_add_test(tc, quality_judge_never_wakes);
  tcase_add_test(tc, quality_judge_must_harm);
  tcase_add_test(tc, quality_judge_game_played);
  tcase_add_test(tc, quality_judge_strong_words);
  tcase_add_test(tc, quality_judge_sms_say);
  tcase_add_test(tc, quality_judge_beast_predicate);
  tcase_add_test(tc, quality_judge_group_crime);
  tcase_add_test(tc, quality_judge_self_group);
  tcase_add_test(tc, quality_judge_limb_broken);
  tcase_add_test(tc, quality_judge_kin_pressed);
  tcase_add_test(tc, quality_judge_name_vowed);
  tcase_add_test(tc, quality_judge_blood_shed);
  tcase_add_test(tc, quality_judge_relayed_saja);
  tcase_add_test(tc, quality_judge_fate);
  tcase_add_test(tc, quality_judge_reserved);
  tcase_add_test(tc, quality_judge_home_menace);
  tcase_add_test(tc, quality_judge_owned_party);
  tcase_add_test(tc, quality_judge_more_party);
  tcase_add_test(tc, quality_judge_days);
  tcase_add_test(tc, quality_judge_sms_wait);
  tcase_add_test(tc, quality_judge_means_ready);
  tcase_add_test(tc, quality_judge_warned_home);
  tcase_add_test(tc, quality_judge_sms_skeleton);
  tcase_add_test(tc, quality_judge_label_written);
  tcase_add_test(tc, quality_judge_bidden_say);
  tcase_add_test(tc, quality_judge_kin_where);
  tcase_add_test(tc, quality_judge_crowd_gathered);
  tcase_add_test(tc, quality_judge_torn);
  tcase_add_test(tc, quality_judge_fate_result);
  tcase_add_test(tc, quality_judge_caused_death);
  tcase_add_test(tc, quality_judge_party_agent);
  tcase_add_test(tc, quality_judge_waited_for);
  tcase_add_test(tc, quality_judge_weapon_news);
  tcase_add_test(tc, quality_judge_party_far);
  tcase_add_test(tc, quality_judge_poison_first);
  tcase_add_test(tc, quality_judge_kin_owner);
  tcase_add_test(tc, quality_judge_head_off);
  tcase_add_test(tc, quality_judge_kupang_chain);
  tcase_add_test(tc, quality_judge_place_owner);
  tcase_add_test(tc, quality_judge_destination);
  tcase_add_test(tc, quality_judge_unit_head);
  tcase_add_test(tc, quality_judge_razed);
  tcase_add_test(tc, quality_judge_held_ruin);
  tcase_add_test(tc, quality_judge_slice);
  tcase_add_test(tc, quality_judge_kidnap);
  tcase_add_test(tc, quality_judge_sent_harm);
  tcase_add_test(tc, quality_judge_signal_doom);
  tcase_add_test(tc, quality_judge_self_speaker);
  tcase_add_test(tc, quality_judge_deadline_span);
  tcase_add_test(tc, quality_judge_deadline_day);
  tcase_add_test(tc, quality_judge_beast_aimed);
  tcase_add_test(tc, quality_judge_mind_insult);
  tcase_add_test(tc, quality_judge_said_of);
  tcase_add_test(tc, quality_judge_post_barred);
  tcase_add_test(tc, quality_judge_weapon_there);
  tcase_add_test(tc, quality_judge_wait_that);
  tcase_add_test(tc, quality_judge_readied_wait);
  tcase_add_test(tc, quality_judge_asked_harm);
  tcase_add_test(tc, quality_judge_object_nya);
  tcase_add_test(tc, quality_judge_weapon_aim);
  tcase_add_test(tc, quality_judge_mob_beating);
  tcase_add_test(tc, quality_judge_hired_harm);
  tcase_add_test(tc, quality_judge_party_cleft);
  tcase_add_test(tc, quality_judge_buried_alive);
  tcase_add_test(tc, quality_judge_wait_name);
  tcase_add_test(tc, quality_judge_unvouched);
  tcase_add_test(tc, quality_judge_fuel_readied);
  tcase_add_test(tc, quality_judge_poison_kupang);
  tcase_add_test(tc, quality_judge_where_sms);
  tcase_add_test(tc, quality_judge_weapon_sent);
  tcase_add_test(tc, quality_judge_message_warning);
  tcase_add_test(tc, quality_judge_filth);
  tcase_add_test(tc, quality_judge_you_called);
  tcase_add_test(tc, quality_judge_you_doomed);
  tcase_add_test(tc, quality_judge_once_more);
  tcase_add_test(tc, quality_judge_qualified_predicate);
  tcase_add_test(tc, quality_judge_clean_of);
  tcase_add_test(tc, quality_judge_bribe_said);
  tcase_add_test(tc, quality_judge_habit_crime);
  tcase_add_test(tc, quality_judge_group_victim);
  tcase_add_test(tc, quality_judge_origin_apposed);
  tcase_add_test(tc, quality_judge_plenty_literal);
  tcase_add_test(tc, quality_judge_gift_recipient);
  tcase_add_test(tc, quality_judge_likeness);
  tcase_add_test(tc, quality_judge_beast_qualified);
  tcase_add_test(tc, quality_judge_face_likened);
  tcase_add_test(tc, quality_judge_parasite);
  tcase_add_test(tc, quality_judge_peoples);
  tcase_add_test(tc, quality_judge_sara_sms);
  tcase_add_test(tc, quality_judge_ape_slur);
  tcase_add_test(tc, quality_judge_treated_like);
  tcase_add_test(tc, quality_judge_den);
  tcase_add_test(tc, quality_judge_denomination);
  tcase_add_test(tc, quality_judge_origin_home);
  tcase_add_test(tc, quality_judge_kind_restated);
  tcase_add_test(tc, quality_judge_joined_expel);
  tcase_add_test(tc, quality_judge_sole_purpose);
  tcase_add_test(tc, quality_judge_fronted_subject);
  tcase_add_test(tc, quality_judge_sent_home);
  tcase_add_test(tc, quality_judge_descent_crime);
  tcase_add_test(tc, quality_judge_curse);
  tcase_add_test(tc, quality_judge_kupang_break);
  tcase_add_test(tc, quality_judge_people_conduct);
  tcase_add_test(tc, quality_judge_soon_dead);
  tcase_add_test(tc, quality_judge_stalked);
  tcase_add_test(tc, quality_judge_hospital);
  tcase_add_test(tc, quality_judge_signalled);
  tcase_add_test(tc, quality_judge_thrown);
  tcase_add_test(tc, quality_abuse_null_arguments);
  tcase_add_test(tc, quality_abuse_long_text);
  tcase_add_test(tc, quality_arbitrary_bytes);
  tcase_add_test(tc, quality_language_table);
  tcase_add_test(tc, quality_language_regional);
  tcase_add_test(tc, quality_language_english_with_local_terms);
  tcase_add_test(tc, quality_language_formal_affixes);
  tcase_add_test(tc, quality_language_terse);
  tcase_add_test(tc, quality_language_counts);
  tcase_add_test(tc, quality_language_glottal);
  tcase_add_loop_test(tc, quality_load_table, 0, N(load_cases));
  tcase_add_test(tc, quality_load_small_lists_work);
  tcase_add_test(tc, quality_load_refuses_nul_byte);
  tcase_add_test(tc, quality_load_missing_file);
  tcase_add_test(tc, quality_load_counts_only_its_own_errors);
  tcase_add_test(tc, quality_model_loads_and_scores);
  tcase_add_test(tc, quality_model_packed_reads_the_same);
  tcase_add_test(tc, quality_model_second_opinion);
  tcase_add_test(tc, quality_model_names_target);
  tcase_add_test(tc, quality_model_missing_or_broken);
  tcase_add_test(tc, quality_model_salads_are_not_threats);
  tcase_add_test(tc, quality_model_window_and_gate);
  tcase_add_test(tc, quality_model_gated);
  tcase_add_test(tc, quality_model_work_is_no_violence);
  tcase_add_test(tc, quality_model_own_death);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(quality_suite)
