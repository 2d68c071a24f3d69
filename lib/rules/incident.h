/*
 * incident.h: what makes two reports one incident (report-quality rule 4,
 * SPEC §4): their words (similar.h) and their specifics.
 *
 * A report's specifics are read from its text: amounts of money ("Rp
 * 500.000", "500rb", "1,5 juta", "lima ratus ribu"), dates ("12 Maret",
 * "12/3/2026", "bulan Januari", "tahun 2025"), days of the week ("hari
 * Senin"), stages of a payment ("BLT tahap II", "triwulan pertama"),
 * named persons ("Pak Yohanes", "Ibu Maria", "Brigadir Yosef")
 * and offices ("Dinas Kesehatan", "Dukcapil", "Samsat Kupang", "SMPN 2
 * Kupang", "Puskesmas Oesapa", "Desa Oelnasi"), spans of time ("6
 * bulan", "enam bulan", "setengah tahun") and the document or service
 * asked for ("KTP", "akta kelahiran", "SKCK", "PBG", "PKH", "BLT").  The caller may add what it
 * knows apart from the text: a date of the event and the kabupaten/kota
 * code of its place.
 *
 * Two reports tell different incidents when one kind of specific
 * conflicts: both name some, and they share none (for amounts: each names
 * one the other does not).  Another day, another amount, another officer
 * or another office, or another document or service at that office, is
 * another incident, however alike the words.  A span
 * never conflicts (it grows while a matter drags on).
 *
 * Otherwise they tell the same incident when their words are alike
 * enough.  What they share lowers the words needed only when it is
 * specific: a named person or an office with its name or number (who and
 * where: anchors), an amount, a date, a day, a span (what and when:
 * details).  An office named by its type alone ("puskesmas", "kantor
 * camat") and the kabupaten are shared by many unrelated reports and do
 * not count; neither does one detail alone (two strangers may both pay
 * "dua ratus ribu").  An anchor shared with INCIDENT_TOPICS_SAME content
 * words (what the incident is about: "embung", "tiket kapal") needs the
 * fewest words of all: another reporter retelling it in Kupang Malay
 * shares little else.  See incident_same().
 *
 * Pure functions over text: no I/O, nothing allocated; nothing global but
 * the keys of the generic words, laid out once on first use.
 */
#ifndef ADUAN_INCIDENT_H
#define ADUAN_INCIDENT_H

#include <stdint.h>

#define INCIDENT_MAX 8        /* specifics of one kind kept per report */
#define INCIDENT_KEY 24       /* bytes of a name or qualifier kept */

/* The kinds of specific, in the order of incident.kind[]. */
enum incident_kind {
  INCIDENT_AMOUNT = 0,
  INCIDENT_DATE,
  INCIDENT_WEEKDAY,
  INCIDENT_PERSON,
  INCIDENT_OFFICE,
  INCIDENT_PLACE,
  INCIDENT_SPAN,
  INCIDENT_SERVICE,
  INCIDENT_STAGE,
  INCIDENT_KINDS
};

/* One specific: a number (an amount in rupiah, a date as y*10000+m*100+d
 * with 0 for what is not known, a weekday 1..7, a span in days with a
 * month of 30 and a year of 360, a stage of a payment as its unit's
 * index * 100 + its ordinal: "triwulan 3", "tahap II") or a key (a person's
 * names, an office's type) with a qualifier (an office's name or
 * number).  */
struct incident_item {
  int64_t num;
  int64_t hi;                 /* an amount given as a range ("300-400
                               * ribu"): its top, num its bottom; else 0 */
  char key[INCIDENT_KEY];
  char qual[INCIDENT_KEY];
  char key2[INCIDENT_KEY];    /* a person's second name; a dinas named
                               * by its field: the place written after
                               * it ("Dinkes Malaka": "malaka"); or "" */
  int flag;                   /* a person: written with a capital; an
                               * office: its word is also everyday */
  int cap;                    /* an office: its qualifier is a word
                               * written with a capital; a person:
                               * named by initials ("Brigpol YT") */
  uint32_t land;              /* an office: the landmark it is (a hash
                               * of its gazetteer code), or 0 */
  char kab[8];                /* an office: the kabupaten/kota it lies
                               * in (a dinas: serves), by the gazetteer,
                               * or "" */
  char kab2[8];               /* an office named by a name of two
                               * kabupaten/kota ("RSUD Kupang"): the
                               * other, or "" */
  int kab_whole;              /* an office: named by the kabupaten/kota
                               * itself ("PDAM Rote Ndao") */
  uint32_t within;            /* a desa/kelurahan office: the kecamatan
                               * holding it by the gazetteer (as land
                               * reads that kecamatan), or 0 */
  int tier;                   /* an office: its name written after "Kota"
                               * (1) or "Kabupaten" (2), else 0: Kemenag
                               * Kota Kupang is not Kemenag Kabupaten
                               * Kupang */
};

/* Place names the text mentions after "di", "ke", "dari", "dekat"
 * ("di Oelnasi", "ke liliba"), kept apart from the specifics: a name
 * shared with the other report, or naming its office ("Desa Oelnasi"),
 * is an anchor, but names never conflict (a story passes many places),
 * save the spot where it happened: a name after "di" with a capital
 * ("di Loh Buaya", "di depan Lippo Plaza") or a landmark office, when
 * each report names one and neither names any of the other's. */
#define INCIDENT_NAMES 8

/* The words of the text (four letters or more, and a short word joined
 * to the next: "el tari" as "eltari"), as hashes, so that a place the
 * other report names ("Desa Camplong", "Jalan El Tari") is found when
 * this one mentions it bare ("jembatan camplong", "el tari dpn kantor
 * gubernur"). */
#define INCIDENT_WORDS 256

/* The content words of the text (see read_topics() in incident.c): its
 * words of four letters or more as similar_word_key() reads them, less
 * the everyday and the generic words of complaints ("petugas", "uang",
 * "minta"): what the incident is about ("embung", "ambulans", "paspor").
 * Two retellings by different reporters share few words but these. */
#define INCIDENT_TOPICS 64

/* Spots where it happened (incident.name_spot): a name after "di" with
 * a capital; one of land or water by its kind after "di" ("di Pulau
 * Rinca", "di Pantai Pede"); one by its kind with no preposition ("masuk
 * Pulau Padar"). */
enum { SPOT_PLAIN = 1, SPOT_LAND = 2, SPOT_BY_KIND = 3 };

struct incident {
  struct incident_item item[INCIDENT_KINDS][INCIDENT_MAX];
  int n[INCIDENT_KINDS];
  char name[INCIDENT_NAMES][INCIDENT_KEY];
  int name_cap[INCIDENT_NAMES];   /* written with a capital */
  int name_spot[INCIDENT_NAMES];  /* the spot where it happened: a
                                   * SPOT_ kind below, or 0 for none */
  uint32_t name_within[INCIDENT_NAMES]; /* a spot the gazetteer knows
                                   * (a town, a desa): the kecamatan
                                   * holding it, as a kecamatan office's
                                   * land reads it; else 0 */
  int nnames;
  uint32_t word[INCIDENT_WORDS];  /* distinct, in text order */
  int nwords;
  uint64_t topic[INCIDENT_TOPICS]; /* distinct content-word keys */
  int ntopics;
  unsigned acts;                  /* acts told other than money asked
                                   * (a sinking, punched ballots, an
                                   * absence, a failed service, abuse,
                                   * aid kept for kin): bits, see
                                   * read_acts() */
  int money;                      /* an amount or a word of money
                                   * ("uang", "bayar", "dipotong") */
  unsigned works;                 /* the public works a project text
                                   * names (a road, a bridge, a
                                   * building, water works) or the goods
                                   * of aid it hands out (boats, nets,
                                   * cattle): bits, see read_works() */
  int addition;                   /* the text opens by asking to add to
                                   * the reporter's report
                                   * (incident_asks_to_add()), not for
                                   * another ("laporan lain"); a caller
                                   * reading an open ticket clears it:
                                   * the ask was of the ticket's own
                                   * draft, not of this one */
};

/* 1 when text opens by asking to add to the reporter's report ("saya
 * mau menambahkan laporan saya", "tambahan untuk laporan saya", "mau
 * tambah laporan"): a form of "tambah" and of "laporan" among its first
 * eight words. */
int incident_asks_to_add(const char *text);

/* The specifics of text (NULL counts as "") into *inc, replacing what was
 * there.  Only the first SIMILAR_TEXT_MAX bytes are read. */
void incident_extract(const char *text, struct incident *inc);

/* Add the date of the event (year, month, day; 0 for a part not known;
 * all 0 adds nothing). */
void incident_add_date(struct incident *inc, int y, int m, int d);

/* Add the kabupaten/kota code of the place (NULL or "" adds nothing). */
void incident_add_place(struct incident *inc, const char *code);

/*
 * Where the offices of inc lie, by the gazetteer pl (place.h), text being
 * what inc was read from: an office named as a landmark, by any of its
 * names ("Bandara Penfui" is Bandara El Tari, "RSUD Maumere" RSUD T.C.
 * Hillers), is that landmark; an office named by a place is in that
 * place's kabupaten/kota.  Two offices of one type are then alike when
 * they are one landmark, or when one is named by a whole kabupaten/kota
 * ("PDAM Rote Ndao") and the other lies in it ("PDAM di Ba'a"), for the
 * offices a kabupaten has one of (RSUD, Samsat, Polres, PDAM...); one
 * named "Kupang" with a place of the city or the regency after "di"
 * ("Samsat Kupang di Oebobo") lies there only.  A
 * dinas named by its field and a place ("Dinas Kesehatan Kabupaten Belu",
 * "Dinkes Malaka") serves that place's kabupaten/kota: two such dinas of
 * two kabupaten are two offices.  pl NULL adds nothing.
 */
struct place_list;
void incident_add_gazetteer(struct incident *inc, const char *text,
                            const struct place_list *pl);

/* The word-similarity thresholds of incident_same(). */
struct incident_rule {
  double words;        /* enough with no conflict and nothing specific
                        * shared (or one detail only) */
  double words_one;    /* enough with one anchor or two details shared */
  double words_two;    /* enough with an anchor and a detail, two
                        * anchors or three details */
  double words_low;    /* enough with an anchor and INCIDENT_TOPICS_SAME
                        * content words shared: the least of the four,
                        * the floor of the candidates to compare */
  double words_all;    /* enough with a named person, an office, an
                        * amount and a day all shared: below words_low
                        * (a caller trimming candidates at words_low
                        * should trim at this) */
};

/* The thresholds for a given plain threshold (the config's percent as a
 * fraction): the lower two follow from it (INCIDENT_ONE, INCIDENT_TWO). */
#define INCIDENT_ONE 0.35
#define INCIDENT_TWO 0.22
#define INCIDENT_LOW 0.10
#define INCIDENT_ALL 0.05
#define INCIDENT_TOPICS_SAME 2
#define INCIDENT_TOPICS_SHARE 0.2   /* of the fewer content words */
void incident_rule_for(double words, struct incident_rule *r);

/*
 * 1 when a and b conflict in some kind of specific (the name of the first
 * such kind in *why, when why is not NULL), else 0; *shared (may be NULL)
 * is the number of kinds in which a and b share a specific one (anchors
 * and details, as incident_same() counts them).
 */
int incident_conflict(const struct incident *a, const struct incident *b,
                      int *shared, const char **why);

/* 1 when a and b, whose words score `words` (similar_score()), tell the
 * same incident by rule r; 0 when they tell different ones.  A draft
 * that asks to add to the reporter's report (incident.addition) needs
 * fewer words in common with a ticket it names. */
int incident_same(const struct incident *a, const struct incident *b,
                  double words, const struct incident_rule *r);

#endif
