/*
 * conv.c: the conversation engine (see conv.h).
 *
 * Design notes
 *
 * A reporter's conversation in one channel family is one session row:
 * the step it is at, a JSON draft of the report so far, and a count of
 * invalid answers in a row.  Each inbound message is one turn: load the
 * session, decide, save it, write the replies.  All of it runs inside the
 * caller's savepoint, so a turn either happens whole or not at all.
 *
 * Steps and transitions (conv_set_step() is the only writer of the step;
 * it logs event=conv.step at debug):
 *
 *   (no session) --any--> menu
 *   menu --text that reads like a report--> kategori, the text the first
 *     part of the kronologi
 *   menu --1--> kategori --> terlapor --> lokasi --> waktu --> kronologi
 *   kronologi --LANJUT--> bukti --LANJUT/LEWATI--> identitas
 *   identitas --1 or 2--> nama --> konfirmasi
 *   identitas --3--> konfirmasi
 *   konfirmasi --KIRIM--> (ticket filed) menu
 *   konfirmasi --KIRIM, like an open ticket--> duplikat (the ticket in the
 *     draft, "duplikat"): --TAMBAH--> (an addition or supporting
 *     statement on that ticket) menu; --BARU--> (ticket filed) menu
 *   konfirmasi --UBAH n--> field n --> konfirmasi   (draft "edit" flag)
 *   menu --2--> status --ticket number--> menu
 *   any --BATAL--> menu (draft dropped)     any --MENU--> menu (dropped)
 *   any --KEMBALI--> the step before it (konfirmasi when editing)
 *   any --BANTUAN--> same step, its help text
 *   any --STATUS <nomor> / CEK <nomor>--> same step, the ticket's status
 *   a draft idle past [conversation] draft_ttl --> same step, held: the
 *     open question again and a reminder; the message that came is kept
 *     in the draft ("tertunda")
 *   held --LANJUTKAN/LANJUT/SELESAI--> the kept message answers the open question
 *   held --anything else--> menu (draft dropped), then the kept message
 *     starts the new draft when it reads like a report (or when the reply
 *     was BARU), and the reply itself is handled as a new message
 *   a draft idle past draft_ttl + draft_keep --> menu, "expired", and the
 *     message is handled as a new one
 *
 * Command words are exact (parse_command()) or, failing that, read
 * forgivingly: a local form or one typo, only for the commands of the
 * step and never over an answer the step takes (forgiving_command()).
 *
 * Three invalid answers in a row at one step send that step's help
 * instead of the short re-prompt, and the count starts again.
 *
 * Texts: every reply is a catalogue key rendered with placeholders; SMS
 * channels get the ".sms" variants.
 */
#include "engine/conv.h"

#include <ctype.h>
#include <errno.h>
#include <json-c/json.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/clock.h"
#include "base/err.h"
#include "base/hash.h"
#include "base/log.h"
#include "base/metrics.h"
#include "base/sms.h"
#include "rules/incident.h"
#include "rules/incident_memo.h"
#include "rules/place.h"
#include "rules/quality.h"
#include "rules/similar.h"
#include "base/textdist.h"
#include "rules/ticket.h"
#include "base/units.h"
#include "rules/validate.h"
#include "rules/feast.h"
#include "rules/when.h"
#include "rules/workday.h"

#define NCATEGORIES 7
#define SUMMARY_KRONOLOGI_CHARS 160
#define SUMMARY_KRONOLOGI_CHARS_SMS 60
#define INVALID_BEFORE_HELP 3

enum step {
  STEP_MENU = 0,
  STEP_STATUS,
  STEP_KATEGORI,
  STEP_TERLAPOR,
  STEP_LOKASI,
  STEP_WAKTU,
  STEP_KRONOLOGI,
  STEP_BUKTI,
  STEP_IDENTITAS,
  STEP_NAMA,
  STEP_KONFIRMASI,
  STEP_DUPLIKAT,
  STEP_COUNT
};

struct step_info {
  const char *name;      /* stored in sessions.step */
  const char *ask;       /* catalogue key of the question */
  const char *help;      /* catalogue key of the help text */
  enum step back;        /* where KEMBALI goes */
};

static const struct step_info steps[STEP_COUNT] = {
  [STEP_MENU] = {"menu", "menu", "help.menu", STEP_MENU},
  [STEP_STATUS] = {"status", "status.ask", "help.menu", STEP_MENU},
  [STEP_KATEGORI] = {"kategori", "ask.kategori", "help.kategori", STEP_MENU},
  [STEP_TERLAPOR] = {"terlapor", "ask.terlapor", "help.terlapor",
                     STEP_KATEGORI},
  [STEP_LOKASI] = {"lokasi", "ask.lokasi", "help.lokasi", STEP_TERLAPOR},
  [STEP_WAKTU] = {"waktu", "ask.waktu", "help.waktu", STEP_LOKASI},
  [STEP_KRONOLOGI] = {"kronologi", "ask.kronologi", "help.kronologi",
                      STEP_WAKTU},
  [STEP_BUKTI] = {"bukti", "ask.bukti", "help.bukti", STEP_KRONOLOGI},
  [STEP_IDENTITAS] = {"identitas", "ask.identitas", "help.identitas",
                      STEP_BUKTI},
  [STEP_NAMA] = {"nama", "ask.nama", "help.nama", STEP_IDENTITAS},
  [STEP_KONFIRMASI] = {"konfirmasi", "konfirmasi", "help.konfirmasi",
                       STEP_IDENTITAS},
  [STEP_DUPLIKAT] = {"duplikat", "duplicate.same", "help.duplikat",
                     STEP_KONFIRMASI},
};

/* Stable category codes, stored on tickets; the names shown to people
 * are catalogue texts kategori.1 .. kategori.7. */
static const char *const category_codes[NCATEGORIES + 1] = {
  NULL, "pelanggaran_peraturan", "penyalahgunaan_wewenang", "pemerasan",
  "perbuatan_curang", "benturan_kepentingan", "gratifikasi",
  "pelayanan_publik",
};

const struct catalog_key conv_catalog_keys[] = {
  {"menu", ""}, {"menu.invalid", ""}, {"howto", ""},
  {"cancelled", ""}, {"expired", ""}, {"draft.reminder", ""},
  {"story.started", ""}, {"story.kept", ""}, {"bukti.started", ""},
  {"thanks.reply", ""},
  {"safety.info", ""}, {"thanks.ticket", "ticket status"},
  {"status.mine", "tickets"}, {"status.line", "ticket status"},
  {"status.none", ""},
  {"ask.kategori", ""}, {"ask.terlapor", ""}, {"ask.lokasi", ""},
  {"ask.waktu", ""}, {"ask.kronologi", ""}, {"ask.bukti", ""},
  {"ask.identitas", ""}, {"ask.nama", ""},
  {"invalid.kategori", ""}, {"invalid.terlapor", ""},
  {"invalid.lokasi", ""}, {"invalid.lokasi.luar", ""},
  {"lokasi.pilih", "pilihan"},
  {"ask.lokasi.nama", ""}, {"lokasi.kept", ""},
  {"invalid.waktu", ""},
  {"invalid.identitas", ""}, {"invalid.nama", ""},
  {"invalid.konfirmasi", ""}, {"invalid.bukti.type", ""},
  {"invalid.waktu.future", ""}, {"invalid.waktu.old", "years"},
  {"invalid.kronologi.short", "min_words"},
  {"invalid.kronologi.long", "max_chars"},
  {"invalid.bukti.size", "max_size"},
  {"invalid.abusive", ""}, {"invalid.threat", ""}, {"invalid.sara", ""},
  {"invalid.kronologi.language", ""},
  {"invalid.kronologi.caps", ""},
  {"help.menu", ""}, {"help.kategori", ""}, {"help.terlapor", ""},
  {"help.lokasi", ""}, {"help.waktu", ""}, {"help.kronologi", ""},
  {"help.bukti", ""}, {"help.identitas", ""}, {"help.nama", ""},
  {"help.konfirmasi", ""},
  {"kronologi.more", "words"}, {"bukti.received", "count"},
  {"kronologi.not_story", "words"}, {"bukti.kept", "count"},
  {"konfirmasi",
   "kategori terlapor lokasi waktu kronologi bukti identitas"},
  {"ticket.created", "ticket"}, {"ticket.limit", "limit"},
  {"status.result", "ticket status updated note"},
  {"status.notfound", "ticket"}, {"status.ask", ""},
  {"back.none", ""}, {"unsupported", ""}, {"flood", ""},
  {"duplicate.same", "ticket status"}, {"duplicate.other", ""},
  {"invalid.duplikat", ""}, {"help.duplikat", ""},
  {"addition.received", "ticket"}, {"support.received", ""},
  {"addition.offer", "ticket status"},
  {"note.received", "ticket"},
  {"ask.operator", "ticket question"},
  {"kategori.1", ""}, {"kategori.2", ""}, {"kategori.3", ""},
  {"kategori.4", ""}, {"kategori.5", ""}, {"kategori.6", ""},
  {"kategori.7", ""},
  {"kategori.keywords.1", ""}, {"kategori.keywords.2", ""},
  {"kategori.keywords.3", ""}, {"kategori.keywords.4", ""},
  {"kategori.keywords.5", ""}, {"kategori.keywords.6", ""},
  {"kategori.keywords.7", ""},
  {"identitas.nama", "nama"}, {"identitas.rahasia", ""},
  {"identitas.anonim", ""},
  {"status.diterima", ""}, {"status.diverifikasi", ""},
  {"status.diproses", ""}, {"status.selesai", ""}, {"status.ditunda", ""},
  {"status.ditolak", ""},
  {"bukti.none", ""}, {"waktu.unknown", ""},
  {"notify.diterima", "ticket status note agency"},
  {"notify.diverifikasi", "ticket status note agency"},
  {"notify.diproses", "ticket status note agency"},
  {"notify.selesai", "ticket status note agency"},
  {"notify.ditunda", "ticket status note agency"},
  {"notify.ditolak", "ticket status note agency"},
};
const int conv_catalog_nkeys =
  (int)(sizeof(conv_catalog_keys) / sizeof(conv_catalog_keys[0]));

/*
 * The drafts of recent turns, kept parsed between messages so that a
 * reporter's next message need not parse its draft again: one slot per
 * (reporter, family) hash, the newer turn taking the slot.  A slot holds
 * the draft's text exactly as the turn stored it; a turn uses the tree
 * only when the session it reads holds that same text, so a draft changed
 * elsewhere, or a turn whose savepoint or batch was rolled back, is read
 * from the store as before.  A tree is never shared: draft_take() hands
 * it to the turn and empties the slot.
 */
#define CONV_DRAFTS 256

struct draft_slot {
  int64_t reporter_id;
  char *family;              /* NULL: the slot is empty */
  char *text;                /* the draft as stored */
  struct json_object *tree;  /* its parse, owned by the slot */
};

struct conv {
  const struct config *cfg;
  struct catalog *cat;
  struct validator vd;
  struct similar *open;      /* open tickets, for the duplicate check */
  struct open_build *build;  /* the build of open, while it runs, or NULL */
  struct quality *quality;   /* word lists for rules 2 and 3 */
  struct place_list *places; /* the kabupaten/kota of NTT */
  struct workday_cal *holidays; /* for the service-level timers */
  struct feast_dates *feasts;   /* decreed feasts, for waktu; may be NULL */
  struct incident_memo *readings; /* of recent reports and candidates */
  struct incident_memo *stories;  /* rule 3's judgements (cv->vd.stories) */
  struct draft_slot drafts[CONV_DRAFTS]; /* drafts kept parsed (draft_take) */
  uint64_t drafts_parsed;    /* drafts read from their stored text */
};

/* The readings of rule 4 kept (incident_memo.h): the open tickets a
 * busy day's reports are compared with, in a megabyte or two. */
#define CONV_READINGS 1024

/* Rule 3's judgements of recent stories kept (validate.h): a story told
 * in one message is judged as it comes and, at LANJUT, as the whole
 * description; enough for the messages of a few hundred conversations in
 * between. */
#define CONV_STORIES 256

/* The checks' settings from the config (and the catalogue). */
static void
conv_validator(struct conv *cv)
{
  const struct config *cfg = cv->cfg;

  validate_defaults(&cv->vd);
  cv->vd.cat = cv->cat;
  cv->vd.max_age_years = cfg->conversation.max_age_years;
  cv->vd.kronologi_min_words = cfg->conversation.kronologi_min_words;
  cv->vd.kronologi_max_chars = cfg->conversation.kronologi_max_chars;
  cv->vd.language_ratio = cfg->conversation.language_threshold / 100.0;
  cv->vd.quality = cv->quality;
  cv->vd.places = cv->places;
  cv->vd.stories = cv->stories;
  cv->vd.feasts = cv->feasts;
}

/* The feasts file of cfg into *fd (NULL when the config names none). */
static int
conv_load_feasts(const struct config *cfg, struct feast_dates **fd,
                 struct diag *diag)
{
  *fd = NULL;
  if (cfg->conversation.feasts == NULL)
    return 0;
  return feast_load(cfg->conversation.feasts, fd, diag);
}

/* Load the catalogue, word lists and holidays of cfg; on failure nothing
 * is returned and the problems are in diag. */
static int
conv_load_files(const struct config *cfg, struct catalog **cat,
                struct quality **q, struct place_list **pl,
                struct workday_cal **hol, struct diag *diag)
{
  int rc, rq, rp, rh;

  *cat = NULL;
  *q = NULL;
  *pl = NULL;
  *hol = NULL;
  rc = catalog_load(cfg->conversation.catalog, conv_catalog_keys,
                    conv_catalog_nkeys, cat, diag);
  rq = quality_load(cfg->conversation.lexicon, cfg->conversation.allowlist,
                    cfg->conversation.stopwords, q, diag);
  if (rq == 0 && cfg->conversation.threat_model != NULL) {
    rq = quality_load_model(*q, cfg->conversation.threat_model, diag);
    if (rq == -ENOENT) {
      /* No second opinion: the rules judge threats alone. */
      log_warn("event=conv.no_threat_model");
      rq = 0;
    }
  }
  rp = place_load(cfg->conversation.places, pl, diag);
  rh = workday_load(cfg->ticket.holidays, hol, diag);
  if (rc == 0 && rq != 0)
    rc = rq;
  if (rc == 0 && rp != 0)
    rc = rp;
  if (rc == 0 && rh != 0)
    rc = rh;
  if (rc != 0) {
    catalog_free(*cat);
    quality_free(*q);
    place_free(*pl);
    workday_free(*hol);
    *cat = NULL;
    *q = NULL;
    *pl = NULL;
    *hol = NULL;
  }
  return rc;
}

/* Commands that work at every step. */
enum command {
  CMD_NONE = 0,
  CMD_BATAL,
  CMD_MENU,
  CMD_BANTUAN,
  CMD_KEMBALI,
  CMD_STATUS,
  CMD_LANJUT,
  CMD_LEWATI,
  CMD_KIRIM,
  CMD_UBAH,
  CMD_TAMBAH,
  CMD_BARU
};

static const struct {
  const char *word;
  enum command cmd;
} command_words[] = {
  {"BATAL", CMD_BATAL}, {"BATALKAN", CMD_BATAL}, {"CANCEL", CMD_BATAL},
  {"MENU", CMD_MENU}, {"MULAI", CMD_MENU},
  {"BANTUAN", CMD_BANTUAN}, {"BANTU", CMD_BANTUAN}, {"HELP", CMD_BANTUAN},
  {"KEMBALI", CMD_KEMBALI}, {"BALIK", CMD_KEMBALI},
  {"STATUS", CMD_STATUS}, {"CEK", CMD_STATUS}, {"CEKSTATUS", CMD_STATUS},
  {"LANJUT", CMD_LANJUT}, {"LANJUTKAN", CMD_LANJUT},
  {"SELESAI", CMD_LANJUT},
  {"LEWATI", CMD_LEWATI}, {"LEWAT", CMD_LEWATI}, {"SKIP", CMD_LEWATI},
  {"KIRIM", CMD_KIRIM}, {"UBAH", CMD_UBAH}, {"EDIT", CMD_UBAH},
};

/*
 * Forgiving matching (SPEC 3), tried when a message is no exact command
 * word, and only for the commands that make sense at the step
 * (command_here()).
 *
 * Local forms: what reporters write for a command in everyday Indonesian,
 * SMS shorthand and Kupang Malay ("sonde" is "tidak"), compared with the
 * whole message in lower case, punctuation dropped, one blank between
 * words.
 */
static const struct {
  const char *form;
  enum command cmd;
} command_forms[] = {
  {"tidak ada", CMD_LEWATI}, {"tdk ada", CMD_LEWATI},
  {"gak ada", CMD_LEWATI}, {"ga ada", CMD_LEWATI},
  {"nggak ada", CMD_LEWATI}, {"nda ada", CMD_LEWATI},
  {"ndak ada", CMD_LEWATI}, {"sonde ada", CMD_LEWATI},
  {"son ada", CMD_LEWATI}, {"tra ada", CMD_LEWATI},
  {"gk ada", CMD_LEWATI}, {"gk ad", CMD_LEWATI}, {"gak ad", CMD_LEWATI},
  {"ga ad", CMD_LEWATI}, {"gaada", CMD_LEWATI}, {"tdk ad", CMD_LEWATI},
  {"tak ada", CMD_LEWATI},
  {"sudah", CMD_LANJUT}, {"sdh", CMD_LANJUT}, {"udah", CMD_LANJUT},
  {"cukup", CMD_LANJUT}, {"sudah selesai", CMD_LANJUT},
  {"su", CMD_LANJUT}, {"su selesai", CMD_LANJUT}, {"dah", CMD_LANJUT},
  {"sdh selesai", CMD_LANJUT}, {"udah selesai", CMD_LANJUT},
  {"sudah cukup", CMD_LANJUT},
  {"lnjt", CMD_LANJUT}, {"slsai", CMD_LANJUT}, {"lwti", CMD_LEWATI},
  {"lwt", CMD_LEWATI},
  {"tidak jadi", CMD_BATAL}, {"tdk jadi", CMD_BATAL},
  {"gak jadi", CMD_BATAL}, {"ga jadi", CMD_BATAL},
  {"sonde jadi", CMD_BATAL}, {"batal saja", CMD_BATAL},
  {"tambahkan saja", CMD_TAMBAH}, {"laporan baru", CMD_BARU},
  {"lapor baru", CMD_BARU}, {"buat baru", CMD_BARU},
};

/*
 * One typo (an insertion, deletion, substitution or swap of neighbours)
 * is forgiven in these words only: the main word of each command, all of
 * at least 5 letters.  The short aliases above stay exact because they
 * lie one letter from everyday words and names (BALIK: batik, Malik;
 * MULAI: mulia; BANTU: batu), and so does MENU (Manu, a name in Timor),
 * which would drop the draft.  UBAH and EDIT need a field number and are
 * never guessed.  TAMBAH and BARU are the answers of the duplicate choice
 * only, and never exact commands elsewhere (BARU is an everyday word, and
 * the answer to a held draft's reminder): they are read here, exactly or
 * with one typo, at that step alone (command_here()).
 */
static const struct {
  const char *word;
  enum command cmd;
} forgiving_words[] = {
  {"BATAL", CMD_BATAL}, {"BATALKAN", CMD_BATAL}, {"BANTUAN", CMD_BANTUAN}, {"KEMBALI", CMD_KEMBALI},
  {"STATUS", CMD_STATUS}, {"LANJUT", CMD_LANJUT},
  {"LANJUTKAN", CMD_LANJUT}, {"SELESAI", CMD_LANJUT},
  {"LEWATI", CMD_LEWATI}, {"KIRIM", CMD_KIRIM},
  {"TAMBAH", CMD_TAMBAH}, {"TAMBAHKAN", CMD_TAMBAH}, {"BARU", CMD_BARU},
};

/* Ordinary words one letter from a word above, never read as its typo:
 * the reporter meant the word (a name, a place, part of a story). */
static const char *const not_a_command[] = {
  "BATA", "BATAS", "BATAK", "NATAL", "BAKAL", "BANAL", "BATIL",
  "BATAM",                   /* the city in Riau, an answer to "di mana?" */
};

/* The longest message that is still looked at as a mistyped command. */
#define FORGIVING_TEXT_MAX 24

/* One turn: everything about the message being handled. */
struct turn {
  struct conv *cv;
  struct store *st;
  const struct conv_event *ev;
  struct store_session sess;
  struct json_object *draft;
  enum step step;
  int sms;                   /* use the SMS variants */
  char arg[128];             /* a command's argument, normalised */
  struct buf appendix;       /* a line that ends the next reply (say()):
                                the acknowledgement of early media */
  /* The gazetteer's match of one text in this turn (turn_place()): the
   * lokasi answer is looked at for choices and then validated, one
   * match for both. */
  int place_made;
  char place_text[256];
  struct place_match place;
};

/* ---- Set-up ---------------------------------------------------------- */

int
conv_new(struct conv **out, const struct config *cfg, struct diag *diag)
{
  struct conv *cv = calloc(1, sizeof(*cv));
  int rc;

  *out = NULL;
  if (cv == NULL)
    return -ENOMEM;
  cv->cfg = cfg;
  rc = similar_new(&cv->open);
  if (rc != 0) {
    free(cv);
    return rc;
  }
  rc = incident_memo_new(&cv->readings, CONV_READINGS);
  if (rc == 0)
    rc = validate_stories_new(&cv->stories, CONV_STORIES);
  if (rc == 0)
    rc = conv_load_feasts(cfg, &cv->feasts, diag);
  if (rc == 0)
    rc = conv_load_files(cfg, &cv->cat, &cv->quality, &cv->places,
                         &cv->holidays, diag);
  if (rc != 0) {
    feast_free(cv->feasts);
    incident_memo_free(cv->readings);
    incident_memo_free(cv->stories);
    similar_free(cv->open);
    free(cv);
    return rc;
  }
  conv_validator(cv);
  *out = cv;
  return 0;
}

int
conv_reload(struct conv *cv, const struct config *cfg, struct diag *diag)
{
  struct catalog *cat = NULL;
  struct quality *q = NULL;
  struct place_list *pl = NULL;
  struct workday_cal *hol = NULL;
  struct feast_dates *fd = NULL;
  int rc;

  rc = conv_load_feasts(cfg, &fd, diag);
  if (rc != 0)
    return rc;
  rc = conv_load_files(cfg, &cat, &q, &pl, &hol, diag);
  if (rc != 0) {
    feast_free(fd);
    return rc;
  }
  feast_free(cv->feasts);
  cv->feasts = fd;
  catalog_free(cv->cat);
  quality_free(cv->quality);
  place_free(cv->places);
  workday_free(cv->holidays);
  cv->cat = cat;
  cv->quality = q;
  cv->places = pl;
  incident_memo_clear(cv->readings);  /* read with the old gazetteer */
  incident_memo_clear(cv->stories);   /* judged by the old word lists */
  cv->holidays = hol;
  cv->cfg = cfg;
  conv_validator(cv);
  return 0;
}

/* ---- Drafts kept parsed (see struct draft_slot) ---------------------- */

/* Free what slot d holds and mark it empty. */
static void
draft_slot_empty(struct draft_slot *d)
{
  json_object_put(d->tree);
  free(d->family);
  free(d->text);
  memset(d, 0, sizeof(*d));
}

/* The slot of (reporter_id, family). */
static struct draft_slot *
draft_slot_of(struct conv *cv, int64_t reporter_id, const char *family)
{
  uint64_t h = hash_fnv1a(HASH_FNV_OFFSET, &reporter_id, sizeof(reporter_id));

  h = hash_fnv1a(h, family, strlen(family));
  return &cv->drafts[h % CONV_DRAFTS];
}

/* The parsed draft of session s when a slot holds it for s's exact draft
 * text (the caller then owns the tree and the slot is empty), else NULL. */
static struct json_object *
draft_take(struct conv *cv, const struct store_session *s)
{
  struct draft_slot *d;
  struct json_object *tree;

  if (s->family == NULL || s->draft == NULL) /* see draft_parse */
    return NULL;
  d = draft_slot_of(cv, s->reporter_id, s->family);
  if (d->family == NULL || d->reporter_id != s->reporter_id ||
      strcmp(d->family, s->family) != 0 || strcmp(d->text, s->draft) != 0)
    return NULL;
  tree = d->tree;
  d->tree = NULL;
  draft_slot_empty(d);
  return tree;
}

/* The draft text as a JSON object (an empty one when the text is not a
 * JSON object), or NULL when memory runs out.  The caller puts it. */
static struct json_object *
draft_parse(struct conv *cv, const char *text)
{
  struct json_object *o = json_tokener_parse(text);

  cv->drafts_parsed++;
  if (o == NULL || !json_object_is_type(o, json_type_object)) {
    json_object_put(o);
    o = json_object_new_object();
  }
  return o;
}

/* Keep tree, the draft that session s has just stored as its text, for
 * s's next turn.  Takes tree, and takes s->family and s->text (they are
 * NULL afterwards), whatever happens. */
static void
draft_keep(struct conv *cv, struct store_session *s, struct json_object *tree)
{
  struct draft_slot *d = draft_slot_of(cv, s->reporter_id, s->family);

  draft_slot_empty(d);
  d->reporter_id = s->reporter_id;
  d->family = s->family;
  d->text = s->draft;
  d->tree = tree;
  s->family = NULL;
  s->draft = NULL;
}

/* Empty every slot. */
static void
conv_drafts_clear(struct conv *cv)
{
  size_t i;

  for (i = 0; i < CONV_DRAFTS; i++)
    draft_slot_empty(&cv->drafts[i]);
}

uint64_t
conv_drafts_parsed(const struct conv *cv)
{
  return cv->drafts_parsed;
}

void
conv_free(struct conv *cv)
{
  if (cv == NULL)
    return;
  catalog_free(cv->cat);
  quality_free(cv->quality);
  place_free(cv->places);
  workday_free(cv->holidays);
  feast_free(cv->feasts);
  incident_memo_free(cv->readings);
  incident_memo_free(cv->stories);
  conv_index_wait(cv);
  similar_free(cv->open);
  conv_drafts_clear(cv);
  free(cv);
}

const struct workday_cal *
conv_holidays(const struct conv *cv)
{
  return cv->holidays;
}

/* What the duplicate check compares: category, reported party, story. */
static int
dup_text(struct buf *b, const char *category, const char *terlapor,
         const char *kronologi)
{
  /* As "%s %s %s" would print it, without the format's cost (start-up
   * reads every open ticket through here). */
  int rc = buf_puts(b, category ? category : "");

  if (rc == 0)
    rc = buf_puts(b, " ");
  if (rc == 0)
    rc = buf_puts(b, terlapor ? terlapor : "");
  if (rc == 0)
    rc = buf_puts(b, " ");
  if (rc == 0)
    rc = buf_puts(b, kronologi ? kronologi : "");
  return rc;
}

/* The start-up's walk over the open tickets (conv_load_open_tickets). */
struct open_load {
  struct similar *idx;
  struct buf b;
  int n;
};

static int
load_open_ticket(void *arg, int64_t id, int64_t reporter_id,
                 const char *category, const char *terlapor,
                 const char *kronologi)
{
  struct open_load *ol = arg;
  int rc;

  buf_reset(&ol->b);
  rc = dup_text(&ol->b, category, terlapor, kronologi);
  if (rc == 0)
    rc = similar_add(ol->idx, id, reporter_id,
                     ol->b.data ? ol->b.data : "");
  ol->n += rc == 0;
  return rc;
}

/* Add st's open tickets to idx, as one load when idx is new; how many
 * into *n.  0 or an error code. */
static int
fill_index(struct similar *idx, struct store *st, int *n)
{
  struct open_load ol = {idx, BUF_INIT, 0};
  int loading = similar_load_begin(idx) == 0;
  int rc = store_open_tickets(st, load_open_ticket, &ol);

  /* The lists are made once the whole load is in (similar.h). */
  if (loading && similar_load_end(idx) != 0 && rc == 0)
    rc = -ENOMEM;
  buf_free(&ol.b);
  *n = ol.n;
  return rc;
}

int
conv_load_open_tickets(struct conv *cv, struct store *st)
{
  int n, rc;

  conv_index_wait(cv);
  rc = fill_index(cv->open, st, &n);
  if (rc == 0)
    log_info("event=conv.index open_tickets=%d", n);
  return rc;
}

/* A build of the index off the loop (conv_load_open_tickets_async). */
struct open_build {
  pthread_t thread;
  struct store *st;          /* the loop's store, for a second try */
  struct store *reader;      /* the snapshot; the thread closes it */
  struct similar *idx;       /* what the thread builds */
  void (*done)(void *arg);
  void *arg;
  int rc;                    /* the thread's outcome, */
  int n;                     /* the tickets it indexed */
  char err[256];             /* the store's message when rc != 0 */
};

static void *
build_main(void *arg)
{
  struct open_build *b = arg;

  b->rc = fill_index(b->idx, b->reader, &b->n);
  if (b->rc != 0)
    snprintf(b->err, sizeof(b->err), "%s", store_errmsg(b->reader));
  store_close(b->reader);
#ifdef __GLIBC__
  /* The walk's pages and the sets' growth are free again: give them
   * back now, while the daemon is idle, not at the next trim. */
  malloc_trim(0);
#endif
  if (b->done != NULL)
    b->done(b->arg);
  return NULL;
}

int
conv_load_open_tickets_async(struct conv *cv, struct store *st,
                             void (*done)(void *arg), void *arg)
{
  struct open_build *b;
  int rc;

  conv_index_wait(cv);
  if (similar_count(cv->open) != 0)
    return conv_load_open_tickets(cv, st);
  b = calloc(1, sizeof(*b));
  if (b == NULL)
    return -ENOMEM;
  rc = similar_new(&b->idx);
  if (rc == 0)
    rc = store_open_tickets_snapshot(st, &b->reader);
  if (rc == 0) {
    b->st = st;
    b->done = done;
    b->arg = arg;
    if (pthread_create(&b->thread, NULL, build_main, b) == 0) {
      cv->build = b;
      return 0;
    }
    store_close(b->reader);
  }
  similar_free(b->idx);
  free(b);
  /* No snapshot (PostgreSQL) or no thread: the load happens here. */
  return rc == -ENOMEM ? rc : conv_load_open_tickets(cv, st);
}

void
conv_index_wait(struct conv *cv)
{
  struct open_build *b = cv->build;

  if (b == NULL)
    return;
  cv->build = NULL;
  pthread_join(b->thread, NULL);
  if (b->rc == 0) {
    similar_free(cv->open);
    cv->open = b->idx;
    log_info("event=conv.index open_tickets=%d", b->n);
  } else {
    /* The loop's own connection tries again; what it cannot read stays
     * out of the duplicate check (a missed duplicate costs an operator a
     * "ditolak duplikat"). */
    char q[LOG_QUOTE_LEN];
    similar_free(b->idx);
    log_error("event=conv.index_failed err=%s",
              log_quote(b->err[0] ? b->err : err_str(b->rc), q, sizeof(q)));
    if (conv_load_open_tickets(cv, b->st) != 0)
      log_error("event=conv.index_failed err=%s",
                log_quote(store_errmsg(b->st), q, sizeof(q)));
  }
  free(b);
}

/* The index of open tickets, once its build (if any) has ended. */
static struct similar *
open_index(struct conv *cv)
{
  conv_index_wait(cv);
  return cv->open;
}

void
conv_ticket_closed(struct conv *cv, int64_t ticket_id)
{
  similar_remove(open_index(cv), ticket_id);
}

/* ---- Replies --------------------------------------------------------- */

/* Drop the blanks an empty placeholder leaves at the end of a line. */
static void
trim_lines(struct buf *b)
{
  size_t i, o = 0;

  for (i = 0; i < b->len; i++) {
    if (b->data[i] == ' ' || b->data[i] == '\t') {
      size_t j = i;
      while (j < b->len && (b->data[j] == ' ' || b->data[j] == '\t'))
        j++;
      if (j == b->len || b->data[j] == '\n') {
        i = j - 1;
        continue;
      }
    }
    b->data[o++] = b->data[i];
  }
  b->len = o;
  if (b->data != NULL)
    b->data[o] = '\0';
}

/* The name shown for a ticket status (rendered into label), or the status
 * code itself when the catalogue has none. */
static const char *
status_label(const struct catalog *cat, int sms, const char *status,
             struct buf *label)
{
  char key[40];

  buf_reset(label);
  snprintf(key, sizeof(key), "status.%s", status);
  catalog_render(cat, key, sms, NULL, 0, label);
  return label->data ? label->data : status;
}

/* text as an SMS channel sends it (sms_gsm7_safe), in place. */
static int
sms_safe(struct buf *text)
{
  struct buf safe = BUF_INIT;
  int rc = sms_gsm7_safe(text->data ? text->data : "", &safe);

  if (rc == 0) {
    buf_free(text);
    *text = safe;
  } else {
    buf_free(&safe);
  }
  return rc;
}

/* Queue text (rendered) as a reply: the appendix under it, GSM-7-safe on
 * SMS, blanks at line ends trimmed.  Returns 0 or a store error. */
static int
queue_text(struct turn *t, struct buf *text)
{
  struct store_outbox o = {0};
  int rc = 0;

  if (t->appendix.len > 0) {
    rc = buf_printf(text, "\n%s", t->appendix.data);
    buf_reset(&t->appendix);
  }
  if (rc == 0 && t->sms)
    rc = sms_safe(text);
  if (rc != 0)
    return rc;
  trim_lines(text);
  o.channel = t->ev->channel;
  o.reporter_id = t->ev->reporter_id;
  o.inbound_id = t->ev->inbound_id;
  o.kind = "text";
  o.body = text->data ? text->data : "";
  o.status = t->ev->inline_replies ? "sent" : "queued";
  o.created_at = t->ev->now_ms;
  return store_outbox_add(t->st, &o, NULL);
}

/* Render key and queue it as a reply.  Returns 0 or a store error. */
static int
say(struct turn *t, const char *key, const struct catalog_var *vars,
    int nvars)
{
  struct buf text = BUF_INIT;
  int rc;

  rc = catalog_render(t->cv->cat, key, t->sms, vars, nvars, &text);
  if (rc == AERR_NOTFOUND) {
    /* The catalogue was checked at load; this is our own bug. */
    log_error("event=conv.missing_text key=%s", key);
    buf_free(&text);
    return 0;
  }
  if (rc == 0)
    rc = queue_text(t, &text);
  buf_free(&text);
  return rc;
}

static int
say0(struct turn *t, const char *key)
{
  return say(t, key, NULL, 0);
}

/* ---- Draft ----------------------------------------------------------- */

/* The string at key of o (the draft, a kept message), or NULL. */
static const char *
json_str(struct json_object *o, const char *key)
{
  struct json_object *v;

  if (!json_object_object_get_ex(o, key, &v) ||
      !json_object_is_type(v, json_type_string))
    return NULL;
  return json_object_get_string(v);
}

static const char *
draft_str(struct turn *t, const char *key)
{
  return json_str(t->draft, key);
}

static int
draft_int(struct turn *t, const char *key)
{
  struct json_object *v;

  if (!json_object_object_get_ex(t->draft, key, &v))
    return 0;
  return json_object_get_int(v);
}

/* The draft key of the rule-3 marks found when a free text was accepted
 * (validate_field, the rule-3 step at LANJUT): {"terlapor": m, ...}, m
 * the QUALITY_MARK_* bits of that field's text as it stands.  A field's
 * text and its marks belong together: setting the text drops its entry
 * (draft_set_str), so a mark never outlives its text.  A field without
 * one (changed since, or in a draft saved by a version that kept none) is
 * judged again at filing (speech_marks).  Dropping the text drops them
 * too (draft_del). */
#define SPEECH_KEPT "tanda"

/* Forget the marks kept for the text at key, which is being replaced or
 * dropped. */
static void
speech_marks_forget(struct turn *t, const char *key)
{
  struct json_object *kept;

  if (json_object_object_get_ex(t->draft, SPEECH_KEPT, &kept) &&
      json_object_is_type(kept, json_type_object))
    json_object_object_del(kept, key);
}

static void
draft_set_str(struct turn *t, const char *key, const char *value)
{
  speech_marks_forget(t, key);
  json_object_object_add(t->draft, key, json_object_new_string(value));
}

static void
draft_set_int(struct turn *t, const char *key, int value)
{
  json_object_object_add(t->draft, key, json_object_new_int(value));
}

static void
draft_del(struct turn *t, const char *key)
{
  speech_marks_forget(t, key);
  json_object_object_del(t->draft, key);
}

/* Start an empty draft. */
static void
draft_reset(struct turn *t)
{
  json_object_put(t->draft);
  t->draft = json_object_new_object();
}

/* The draft key of the duplicate choice: the id of the open ticket the
 * draft is like. */
#define DUP_TICKET "duplikat"
/* The draft key of a choice offered before the summary, because the
 * reporter asked to add to their report: the step BARU goes on at. */
#define DUP_EARLY "duplikat_dini"
/* The draft key that says the reporter declined to add to their ticket
 * (BARU) and is not asked again for this draft. */
#define ADD_OFFERED "tambah_ditawarkan"

/* The draft keys that mark lokasi and waktu as kept as given. */
static const struct {
  const char *field;         /* the draft and ticket field */
  const char *key;           /* the draft's mark */
} field_marks[] = {
  {"lokasi", "lokasi_as_given"},
  {"lokasi_luar", "lokasi_luar"},  /* the lokasi kept names a place
                                    * outside NTT */
  {"waktu", "waktu_as_given"},
  {"threat", "threat_refused"},    /* a threat of violence was refused in
                                    * this draft before it was rewritten */
};

/* Mark (or unmark) the answer to field as kept as the reporter gave it
 * (or the draft as having had a threat refused). */
static void
draft_mark(struct turn *t, const char *field, int on)
{
  size_t i;

  for (i = 0; i < sizeof(field_marks) / sizeof(field_marks[0]); i++) {
    if (strcmp(field_marks[i].field, field) != 0)
      continue;
    if (on)
      draft_set_int(t, field_marks[i].key, 1);
    else
      draft_del(t, field_marks[i].key);
  }
}

/* The fields of the draft marked as kept as given, separated by a blank,
 * into b (left empty when there are none). */
static int
draft_marks(struct turn *t, struct buf *b)
{
  size_t i;
  int rc = 0;

  for (i = 0; rc == 0 && i < sizeof(field_marks) / sizeof(field_marks[0]);
       i++) {
    if (!draft_int(t, field_marks[i].key))
      continue;
    if (b->len > 0)
      rc = buf_append(b, " ", 1);
    if (rc == 0)
      rc = buf_puts(b, field_marks[i].field);
  }
  return rc;
}

/* Keep marks (QUALITY_MARK_*), found in the text at key as it was
 * accepted, beside it; set the text first (draft_set_str drops them).
 * Nothing is kept without a lexicon: the text was not judged. */
static void
speech_marks_keep(struct turn *t, const char *key, unsigned marks)
{
  struct json_object *kept;

  if (t->cv->quality == NULL)
    return;
  if (!json_object_object_get_ex(t->draft, SPEECH_KEPT, &kept) ||
      !json_object_is_type(kept, json_type_object)) {
    kept = json_object_new_object();
    if (kept == NULL)
      return;
    json_object_object_add(t->draft, SPEECH_KEPT, kept);
  }
  json_object_object_add(kept, key, json_object_new_int((int)marks));
}

/* 1 with *marks set when marks were kept for the text at key. */
static int
speech_marks_kept(struct turn *t, const char *key, unsigned *marks)
{
  struct json_object *kept, *m;

  if (!json_object_object_get_ex(t->draft, SPEECH_KEPT, &kept) ||
      !json_object_object_get_ex(kept, key, &m) ||
      !json_object_is_type(m, json_type_int))
    return 0;
  *marks = (unsigned)json_object_get_int(m);
  return 1;
}

/*
 * SPEC 4 rule 3: the marks of the draft's free texts for the operator,
 * appended to b after a blank: "quoted_insult" when an insult, threat or
 * slur in them is someone else's words, "literal" when a lexicon word is
 * used in its literal sense.  The marks kept when a text was accepted
 * are used; a text without them is judged here.
 */
static int
speech_marks(struct turn *t, struct buf *b)
{
  static const char *const fields[] = {"terlapor", "lokasi", "waktu",
                                       "kronologi"};
  struct quality_judgement j;
  unsigned marks = 0;
  const char *s;
  size_t i;
  int rc = 0;

  if (t->cv->quality == NULL)
    return 0;
  for (i = 0; rc == 0 && i < sizeof(fields) / sizeof(fields[0]); i++) {
    s = draft_str(t, fields[i]);
    if (s != NULL && !speech_marks_kept(t, fields[i], &j.marks))
      rc = quality_judge(t->cv->quality, s, &j);
    if (s != NULL && rc == 0)
      marks |= j.marks;
  }
  if (rc == 0 && (marks & QUALITY_MARK_QUOTED))
    rc = buf_puts(b, b->len > 0 ? " quoted_insult" : "quoted_insult");
  if (rc == 0 && (marks & QUALITY_MARK_LITERAL))
    rc = buf_puts(b, b->len > 0 ? " literal" : "literal");
  return rc;
}

/* ---- Steps ----------------------------------------------------------- */

/* The only place the step changes. */
static void
conv_set_step(struct turn *t, enum step to)
{
  if (to != t->step)
    log_debug("event=conv.step session=%lld from=%s to=%s",
              (long long)t->sess.id, steps[t->step].name, steps[to].name);
  t->step = to;
  t->sess.invalid_count = 0;
}

static enum step
step_parse(const char *name)
{
  int i;

  for (i = 0; i < STEP_COUNT; i++)
    if (name != NULL && strcmp(steps[i].name, name) == 0)
      return (enum step)i;
  return STEP_MENU;
}

/* The story shown in the summary: whole when it fits cut bytes, else cut
 * after the last whole word before cut, with "...". */
static int
story_excerpt(const char *s, size_t cut, struct buf *out)
{
  size_t n;

  buf_reset(out);
  if (s == NULL || strlen(s) <= cut)
    return buf_puts(out, s ? s : "");
  n = cut;
  while (n > 0 && s[n] != ' ' && s[n] != '\n')
    n--;
  if (n == 0) {
    /* One long word: cut on a UTF-8 boundary. */
    n = cut;
    while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
      n--;
  }
  while (n > 0 && strchr(" \n,.;:-", s[n - 1]) != NULL)
    n--;
  if (buf_append(out, s, n) != 0)
    return -ENOMEM;
  return buf_puts(out, "...");
}

/* The excerpt as a sentence of the SMS summary, whose template puts no
 * full stop after it: "." added unless it ends in one already (or in "!",
 * "?", the "..." of a cut), so that it never reads "....". */
static int
story_close(struct buf *b)
{
  char last = b->len > 0 ? b->data[b->len - 1] : '\0';

  if (b->len == 0 || strchr(".!?", last) != NULL)
    return 0;
  return buf_puts(b, ".");
}

/* The fixed fields of the summary (all but the story) in vars[0..6], the
 * story's slot vars[4] left to the caller; the texts are kept in bufs. */
struct summary {
  struct buf kat, kron, ident, bukti, waktu;
  struct catalog_var vars[7];
};

static int
summary_fields(struct turn *t, struct summary *sm)
{
  const char *s, *id, *lokasi = draft_str(t, "lokasi"),
             *nama = draft_str(t, "lokasi_nama");
  char key[32];
  int n = 0, nb = 0, rc;

  snprintf(key, sizeof(key), "kategori.%d", draft_int(t, "kategori"));
  catalog_render(t->cv->cat, key, t->sms, NULL, 0, &sm->kat);
  id = draft_str(t, "identitas");
  if (id != NULL && strcmp(id, "anonim") == 0) {
    catalog_render(t->cv->cat, "identitas.anonim", t->sms, NULL, 0,
                   &sm->ident);
  } else if (id != NULL && strcmp(id, "rahasia") == 0) {
    catalog_render(t->cv->cat, "identitas.rahasia", t->sms, NULL, 0,
                   &sm->ident);
  } else {
    struct catalog_var nv = {"nama", draft_str(t, "nama")};
    catalog_render(t->cv->cat, "identitas.nama", t->sms, &nv, 1, &sm->ident);
  }
  rc = store_evidence_count(t->st, t->sess.id, &nb);
  if (rc != 0)
    return rc;
  if (nb == 0)
    catalog_render(t->cv->cat, "bukti.none", t->sms, NULL, 0, &sm->bukti);
  else
    buf_printf(&sm->bukti, "%d", nb);
  s = draft_str(t, "waktu_tanggal");
  if (s != NULL && *s != '\0')
    buf_puts(&sm->waktu, s);
  else if (s != NULL)
    catalog_render(t->cv->cat, "waktu.unknown", t->sms, NULL, 0, &sm->waktu);
  else
    buf_puts(&sm->waktu, draft_str(t, "waktu") ? draft_str(t, "waktu") : "");

  sm->vars[n].name = "kategori";
  sm->vars[n++].value = sm->kat.data ? sm->kat.data : "";
  sm->vars[n].name = "terlapor";
  sm->vars[n++].value = draft_str(t, "terlapor");
  sm->vars[n].name = "lokasi";
  sm->vars[n++].value = nama != NULL &&
                        strcmp(nama, lokasi ? lokasi : "") != 0 ? nama : lokasi;
  sm->vars[n].name = "waktu";
  sm->vars[n++].value = sm->waktu.data ? sm->waktu.data : "";
  sm->vars[n].name = "kronologi";
  sm->vars[n++].value = "";
  sm->vars[n].name = "bukti";
  sm->vars[n++].value = sm->bukti.data ? sm->bukti.data : "";
  sm->vars[n].name = "identitas";
  sm->vars[n++].value = sm->ident.data ? sm->ident.data : "";
  return 0;
}

static void
summary_free(struct summary *sm)
{
  buf_free(&sm->kat);
  buf_free(&sm->kron);
  buf_free(&sm->ident);
  buf_free(&sm->bukti);
  buf_free(&sm->waktu);
}

/* SMS segments of text once made GSM-7-safe. */
static int
sms_cost(const char *text)
{
  struct buf safe = BUF_INIT;
  struct sms_info info;

  if (sms_gsm7_safe(text, &safe) != 0) {
    buf_free(&safe);
    return INT32_MAX;
  }
  sms_measure(safe.data ? safe.data : "", &info);
  buf_free(&safe);
  return info.segments;
}

/*
 * The summary rendered into out with the story cut near cut bytes.  On
 * SMS the story is cut shorter, step by step, until the summary fits
 * SUMMARY_SMS_SEGMENTS (or the story is down to SUMMARY_STORY_MIN).
 */
#define SUMMARY_SMS_SEGMENTS 2
#define SUMMARY_STORY_MIN 24
#define SUMMARY_STORY_STEP 16
static int
summary_render(struct turn *t, struct summary *sm, struct buf *out)
{
  size_t cut = t->sms ? SUMMARY_KRONOLOGI_CHARS_SMS : SUMMARY_KRONOLOGI_CHARS;
  int rc;

  for (;;) {
    rc = story_excerpt(draft_str(t, "kronologi"), cut, &sm->kron);
    if (rc == 0 && t->sms)
      rc = story_close(&sm->kron);
    sm->vars[4].value = sm->kron.data ? sm->kron.data : "";
    buf_reset(out);
    if (rc == 0)
      rc = catalog_render(t->cv->cat, "konfirmasi", t->sms, sm->vars, 7, out);
    if (rc != 0 || !t->sms || cut <= SUMMARY_STORY_MIN ||
        sms_cost(out->data ? out->data : "") <= SUMMARY_SMS_SEGMENTS)
      return rc;
    cut = cut > SUMMARY_STORY_MIN + SUMMARY_STORY_STEP
            ? cut - SUMMARY_STORY_STEP : SUMMARY_STORY_MIN;
  }
}

/* The longest prefix of s[0..n) that ends at a sentence (". "), or failing
 * that at a label ("Cek:", before a value too long for one part; never
 * between a field's label and a value that fits after it), or at a word,
 * and costs at most max segments with room for "..." after a word; 0
 * when none. */
static size_t
piece_len(const char *s, size_t n, int max, int *at_word)
{
  struct buf b = BUF_INIT;
  size_t i, best_sentence = 0, best_label = 0, best_word = 0;

  for (i = 1; i <= n; i++) {
    if (i < n && s[i] != ' ' && s[i] != '\n')
      continue;
    buf_reset(&b);
    if (buf_append(&b, s, i) != 0 || buf_puts(&b, "...") != 0)
      break;
    if (sms_cost(b.data) > max)
      break;
    if (s[i - 1] == '.' || i == n)
      best_sentence = i;
    else if (s[i - 1] == ':')
      best_label = i;
    best_word = i;
  }
  buf_free(&b);
  if (best_sentence == 0)
    best_sentence = best_label;
  *at_word = best_sentence == 0;
  return best_sentence > 0 ? best_sentence : best_word;
}

/*
 * Queue the summary text, split when it is longer than the channel's
 * max_parts segments: each message ends at a field (or, inside a field
 * too long for one message, after a word, with "..."), and the last
 * carries the instruction that ends the text.
 */
static int
queue_summary(struct turn *t, struct buf *text)
{
  const struct config_channel *ch = config_channel(t->cv->cfg,
                                                   t->ev->channel);
  int max = ch != NULL && ch->max_parts > 0 ? ch->max_parts
                                            : SUMMARY_SMS_SEGMENTS;
  const char *s = text->data ? text->data : "";
  size_t n = strlen(s), len;
  struct buf piece = BUF_INIT;
  int rc = 0, at_word, parts = 0;

  if (!t->sms || sms_cost(s) <= max)
    return queue_text(t, text);
  while (rc == 0 && n > 0) {
    len = piece_len(s, n, max, &at_word);
    if (len == 0 || len >= n) {
      len = n;
      at_word = 0;
    }
    buf_reset(&piece);
    rc = buf_append(&piece, s, len);
    if (rc == 0 && at_word)
      rc = buf_puts(&piece, "...");
    if (rc == 0)
      rc = queue_text(t, &piece);
    parts++;
    s += len;
    n -= len;
    while (n > 0 && (*s == ' ' || *s == '\n')) {
      s++;
      n--;
    }
  }
  buf_free(&piece);
  log_info("event=conv.summary_split session=%lld parts=%d max_parts=%d",
           (long long)t->sess.id, parts, max);
  return rc;
}

/* Fill the summary's placeholders and send it. */
static int
say_konfirmasi(struct turn *t)
{
  struct summary sm;
  struct buf text = BUF_INIT;
  int rc;

  memset(&sm, 0, sizeof(sm));
  rc = summary_fields(t, &sm);
  if (rc == 0)
    rc = summary_render(t, &sm, &text);
  if (rc == 0)
    rc = queue_summary(t, &text);
  buf_free(&text);
  summary_free(&sm);
  return rc;
}

/* Text key, with {words}: how long the story so far is. */
static int
say_story_words(struct turn *t, const char *key)
{
  const char *sofar = draft_str(t, "kronologi");
  struct catalog_var var;
  char words[16];

  snprintf(words, sizeof(words), "%d",
           validate_count_words(sofar ? sofar : ""));
  var.name = "words";
  var.value = words;
  return say(t, key, &var, 1);
}

/* The story so far is kept: its length, and how to go on. */
static int
say_story_so_far(struct turn *t)
{
  return say_story_words(t, "kronologi.more");
}

/* The open ticket the draft is like (the duplicate choice), or
 * AERR_NOTFOUND; old is cleared either way. */
static int
dup_ticket(struct turn *t, struct store_ticket *old)
{
  struct json_object *id;

  memset(old, 0, sizeof(*old));
  if (!json_object_object_get_ex(t->draft, DUP_TICKET, &id))
    return AERR_NOTFOUND;
  return store_ticket_by_id(t->st, json_object_get_int64(id), old);
}

/*
 * The duplicate choice (SPEC 4 rule 4): for the reporter's own ticket its
 * number and status; for another reporter's only that a similar report is
 * being handled (a reporter sees only the tickets of their own number).
 */
static int
say_duplicate(struct turn *t)
{
  struct store_ticket old;
  struct catalog_var vars[2];
  struct buf label = BUF_INIT;
  int rc;

  rc = dup_ticket(t, &old);
  if (rc == 0 && old.reporter_id != t->ev->reporter_id)
    rc = AERR_NOTFOUND;
  if (rc != 0) {
    store_ticket_clear(&old);
    return rc == AERR_NOTFOUND ? say0(t, "duplicate.other") : rc;
  }
  vars[0].name = "ticket";
  vars[0].value = old.number;
  vars[1].name = "status";
  vars[1].value = status_label(t->cv->cat, t->sms, old.status, &label);
  rc = say(t, draft_str(t, DUP_EARLY) != NULL ? "addition.offer"
                                               : "duplicate.same", vars, 2);
  buf_free(&label);
  store_ticket_clear(&old);
  return rc;
}

/* Ask the question of the current step (the summary at konfirmasi, the
 * choice at duplikat; at kronologi, when part of the story is already
 * told, how to go on). */
static int
ask_step(struct turn *t)
{
  const char *sofar = draft_str(t, "kronologi");

  if (t->step == STEP_KONFIRMASI)
    return say_konfirmasi(t);
  if (t->step == STEP_DUPLIKAT)
    return say_duplicate(t);
  if (t->step == STEP_KRONOLOGI && sofar != NULL && sofar[0] != '\0')
    return say_story_so_far(t);
  return say0(t, steps[t->step].ask);
}

/* Move to step to and ask its question. */
static int
enter(struct turn *t, enum step to)
{
  conv_set_step(t, to);
  if (to == STEP_KONFIRMASI)
    draft_del(t, "edit");
  if (to != STEP_DUPLIKAT) {
    draft_del(t, DUP_TICKET);
    draft_del(t, DUP_EARLY);
  }
  return ask_step(t);
}

/* After a field is answered: the next step, or back to the summary when
 * the answer was a correction (UBAH). */
static int
advance(struct turn *t, enum step natural)
{
  if (draft_int(t, "edit") && natural != STEP_NAMA)
    return enter(t, STEP_KONFIRMASI);
  return enter(t, natural);
}

/* Count a rejection by its reason code (aduan_rejections_total). */
static void
count_rejection(const struct turn *t, const char *code)
{
  char labels[96], q[64];

  snprintf(labels, sizeof(labels), "reason=\"%s\"",
           metrics_label(code, q, sizeof(q)));
  metrics_add(t->ev->metrics, "aduan_rejections_total",
              "Answers and reports turned away, by reason", labels, 1);
}

/* An answer that is not accepted: its reason, or the step's help on the
 * third in a row. */
static int
invalid(struct turn *t, const char *reason, const struct catalog_var *vars,
        int nvars, const char *code)
{
  log_info("event=report.rejected session=%lld step=%s reason=%s",
           (long long)t->sess.id, steps[t->step].name, code);
  /* SPEC 4 rule 3: operators watch for threats of violence. */
  if (strcmp(code, "threat") == 0) {
    log_warn("event=report.threat session=%lld step=%s",
             (long long)t->sess.id, steps[t->step].name);
    draft_mark(t, "threat", 1);
  }
  count_rejection(t, code);
  if (++t->sess.invalid_count >= INVALID_BEFORE_HELP) {
    t->sess.invalid_count = 0;
    return say0(t, steps[t->step].help);
  }
  return say(t, reason, vars, nvars);
}

/* ---- Text helpers ---------------------------------------------------- */

/*
 * Recognise a command: the message's first word (letters only, upper-
 * cased, punctuation around it ignored) and, for STATUS and UBAH, what
 * follows.  Other commands count only when they are the whole message, so
 * a sentence that starts with "batal" is still a sentence.
 */
static enum command
parse_command(const char *text, char *arg, size_t arglen)
{
  char word[16];
  const unsigned char *p = (const unsigned char *)text;
  size_t n = 0, i;
  enum command cmd = CMD_NONE;

  arg[0] = '\0';
  if (text == NULL)
    return CMD_NONE;
  while (*p != '\0' && !isalnum(*p))
    p++;
  while (isalpha(*p)) {
    if (n + 1 >= sizeof(word))
      return CMD_NONE;
    word[n++] = (char)toupper(*p++);
  }
  word[n] = '\0';
  for (i = 0; i < sizeof(command_words) / sizeof(command_words[0]); i++)
    if (strcmp(word, command_words[i].word) == 0)
      cmd = command_words[i].cmd;
  if (cmd == CMD_NONE)
    return CMD_NONE;
  /* What follows, trimmed. */
  while (*p == ' ' || *p == ':' || *p == '\t')
    p++;
  n = strlen((const char *)p);
  while (n > 0 && (isspace(p[n - 1]) || p[n - 1] == '.' || p[n - 1] == '!'))
    n--;
  if (cmd == CMD_STATUS || cmd == CMD_UBAH) {
    if (n >= arglen)
      return CMD_NONE;
    memcpy(arg, p, n);
    arg[n] = '\0';
    return cmd;
  }
  for (i = 0; i < n; i++)
    if (isalnum(p[i]))
      return CMD_NONE;  /* more words: not a command */
  return cmd;
}

/* 1 when command c makes sense at step s; the others are never guessed
 * there (KIRIM only at the summary, LANJUT where there is something to
 * finish, STATUS from the menu). */
static int
command_here(enum step s, enum command c)
{
  switch (c) {
  case CMD_BATAL:
  case CMD_MENU:
  case CMD_BANTUAN:
  case CMD_KEMBALI:
    return 1;
  case CMD_STATUS:
    return s == STEP_MENU;
  case CMD_LANJUT:
    return s == STEP_KRONOLOGI || s == STEP_BUKTI;
  case CMD_LEWATI:
    return s == STEP_BUKTI || s == STEP_KRONOLOGI;
  case CMD_KIRIM:
    return s == STEP_KONFIRMASI || s == STEP_KRONOLOGI;
  case CMD_TAMBAH:
  case CMD_BARU:
    return s == STEP_DUPLIKAT;
  default:
    return 0;
  }
}

/*
 * text as forgiving matching sees it: ASCII letters upper-cased, each run
 * of blanks and punctuation one blank, none at the ends.  0 when text is
 * too long for a command, or holds a digit or a non-ASCII letter (then it
 * is an answer, not a command).
 */
static int
forgiving_norm(const char *text, char *out, size_t len)
{
  const unsigned char *p = (const unsigned char *)text;
  size_t n = 0;

  for (; *p != '\0'; p++) {
    if (isalpha(*p)) {
      if (n + 1 >= len)
        return 0;
      out[n++] = (char)toupper(*p);
    } else if (isdigit(*p) || *p >= 0x80) {
      return 0;
    } else if (n > 0 && out[n - 1] != ' ') {
      if (n + 1 >= len)
        return 0;
      out[n++] = ' ';
    }
  }
  if (n > 0 && out[n - 1] == ' ')
    n--;
  out[n] = '\0';
  return n > 0;
}

/* The place match of text made earlier in this turn, or NULL. */
static const struct place_match *
turn_place_made(const struct turn *t, const char *text)
{
  return t->place_made && strcmp(t->place_text, text) == 0 ? &t->place
                                                           : NULL;
}

/* place_match() of text on the gazetteer, made once a turn for a text
 * that fits place_text (a longer one is matched each time); valid until
 * the next call.  NULL without a gazetteer. */
static const struct place_match *
turn_place(struct turn *t, const char *text)
{
  const struct place_match *m = turn_place_made(t, text);
  size_t n = strlen(text);

  if (m != NULL || t->cv->places == NULL)
    return m;
  t->place_made = 0;
  if (place_match(t->cv->places, text, &t->place) != 0)
    return NULL;
  if (n < sizeof(t->place_text)) {
    memcpy(t->place_text, text, n + 1);
    t->place_made = 1;
  }
  return &t->place;
}

/* 1 when the step would take word as its answer: a category keyword, a
 * place of the gazetteer, a date. */
static int
step_takes(struct turn *t, const char *text)
{
  struct verdict v;
  const struct place_match *pm;
  struct when w;

  switch (t->step) {
  case STEP_KATEGORI:
    return validate_field(&t->cv->vd, FIELD_KATEGORI, text, t->ev->now_ms,
                          &v) == 0 && v.ok;
  case STEP_LOKASI:
    pm = turn_place(t, text);
    return pm != NULL && (pm->matched || pm->ambiguous);
  case STEP_WAKTU:
    return when_parse_feasts(text, t->ev->now_ms, t->cv->vd.max_age_years,
                             t->cv->feasts, &w) != WHEN_INVALID;
  default:
    return 0;
  }
}

/* The command a one-word message stands for with one typo, or CMD_NONE
 * (also when it is as close to two different commands). */
static enum command
mistyped_command(enum step s, const char *word)
{
  enum command found = CMD_NONE;
  int n = (int)strlen(word), m;
  size_t i;

  if (n < 4)
    return CMD_NONE;
  for (i = 0; i < sizeof(not_a_command) / sizeof(not_a_command[0]); i++)
    if (strcmp(word, not_a_command[i]) == 0)
      return CMD_NONE;
  for (i = 0; i < sizeof(forgiving_words) / sizeof(forgiving_words[0]); i++) {
    if (!command_here(s, forgiving_words[i].cmd))
      continue;
    m = (int)strlen(forgiving_words[i].word);
    if (textdist_osa(word, n, forgiving_words[i].word, m, 1) > 1)
      continue;
    if (found != CMD_NONE && found != forgiving_words[i].cmd)
      return CMD_NONE;
    found = forgiving_words[i].cmd;
  }
  return found;
}

/*
 * A command that parse_command() did not recognise, read forgivingly
 * (SPEC 3): a local form, or one typo in a command word, when the whole
 * message is that and nothing more, the command makes sense at this step
 * and the step would not take the message as its answer.
 */
static enum command
forgiving_command(struct turn *t, const char *text)
{
  char norm[FORGIVING_TEXT_MAX + 1];
  enum command cmd = CMD_NONE;
  size_t i;

  if (!forgiving_norm(text, norm, sizeof(norm)))
    return CMD_NONE;
  for (i = 0; i < sizeof(command_forms) / sizeof(command_forms[0]); i++)
    if (strcasecmp(norm, command_forms[i].form) == 0 &&
        command_here(t->step, command_forms[i].cmd))
      cmd = command_forms[i].cmd;
  if (cmd == CMD_NONE && strchr(norm, ' ') == NULL)
    cmd = mistyped_command(t->step, norm);
  if (cmd == CMD_NONE || step_takes(t, text))
    return CMD_NONE;
  log_debug("event=conv.command_forgiven session=%lld step=%s",
            (long long)t->sess.id, steps[t->step].name);
  return cmd;
}

/* The message's text with surrounding white space removed, or "". */
static const char *
msg_text(const struct turn *t, char *buf, size_t len)
{
  const char *s = t->ev->msg->text;
  size_t n;

  if (s == NULL)
    return "";
  while (isspace((unsigned char)*s))
    s++;
  n = strlen(s);
  while (n > 0 && isspace((unsigned char)s[n - 1]))
    n--;
  if (n >= len)
    n = len - 1;
  memcpy(buf, s, n);
  buf[n] = '\0';
  return buf;
}

/* A single choice "1".."max" (also "1." or "(1)"), or 0. */
static int
choice(const char *text, int max)
{
  const unsigned char *p = (const unsigned char *)text;
  int v;

  while (*p == ' ' || *p == '(')
    p++;
  if (!isdigit(*p))
    return 0;
  v = *p++ - '0';
  while (*p == '.' || *p == ')' || *p == ' ')
    p++;
  return (*p == '\0' && v >= 1 && v <= max) ? v : 0;
}

/* ---- Status checks --------------------------------------------------- */

/* 1 when s holds a digit. */
static int
has_digit(const char *s)
{
  for (; *s != '\0'; s++)
    if (isdigit((unsigned char)*s))
      return 1;
  return 0;
}

/*
 * Answer STATUS <number>.  A ticket filed from another number gets the
 * same answer as one that does not exist.
 */
static int
status_check(struct turn *t, const char *arg)
{
  struct store_ticket tk;
  struct catalog_var vars[4];
  struct buf label = BUF_INIT;
  char number[TICKET_NUMBER_MAX], when[40];
  int rc;

  if (ticket_number_parse(t->cv->cfg->ticket.prefix, arg, number) != 0) {
    struct catalog_var v = {"ticket", arg};
    return say(t, "status.notfound", &v, 1);
  }
  rc = store_ticket_by_number(t->st, number, &tk);
  if (rc == AERR_NOTFOUND || (rc == 0 && tk.reporter_id !=
                              t->ev->reporter_id)) {
    struct catalog_var v = {"ticket", number};
    log_info("event=status.notfound session=%lld", (long long)t->sess.id);
    store_ticket_clear(&tk);
    return say(t, "status.notfound", &v, 1);
  }
  if (rc != 0)
    return rc;
  vars[0].name = "ticket";
  vars[0].value = tk.number;
  vars[1].name = "status";
  vars[1].value = status_label(t->cv->cat, t->sms, tk.status, &label);
  vars[2].name = "updated";
  vars[2].value = wita_format(tk.updated_at, when, sizeof(when));
  vars[3].name = "note";
  vars[3].value = tk.agency ? tk.agency : "";
  log_info("event=status.shown ticket=%s", tk.number);
  rc = say(t, "status.result", vars, 4);
  buf_free(&label);
  store_ticket_clear(&tk);
  return rc;
}

/* ---- Filing ---------------------------------------------------------- */

/* The first millisecond of today in WITA. */
static int64_t
wita_midnight(int64_t now)
{
  int64_t local = now + WITA_OFFSET_MS;

  return local - (local % DAY_MS) - WITA_OFFSET_MS;
}

/*
 * The steps of file_ticket().  refuse_over_limit() and offer_duplicate()
 * answer the turn themselves when the report is not filed now (*refused
 * set); each returns 0 or an error.
 */

/* Rule 3: at most limits.tickets_per_day tickets a reporter a WITA day. */
static int
refuse_over_limit(struct turn *t, int *refused)
{
  struct catalog_var v;
  char lim[16];
  int rc, count = 0, limit = t->cv->cfg->limits.tickets_per_day;

  *refused = 0;
  if (limit <= 0)
    return 0;
  rc = store_ticket_count_since(t->st, t->ev->reporter_id,
                                wita_midnight(t->ev->now_ms), &count);
  if (rc != 0 || count < limit)
    return rc;
  snprintf(lim, sizeof(lim), "%d", limit);
  v.name = "limit";
  v.value = lim;
  log_info("event=report.rejected session=%lld step=konfirmasi "
           "reason=tickets_per_day", (long long)t->sess.id);
  count_rejection(t, "tickets_per_day");
  *refused = 1;
  return say(t, "ticket.limit", &v, 1);
}

/* The day, month or year that the answer to "kapan" was read as (ISO
 * 8601: 2026-03-14, 2025-08, 2024; NULL or "" when none) as a date of
 * the incident: "kemarin" is a day too.  A span (A/B) says no one day
 * and adds nothing. */
static void
incident_add_iso(struct incident *inc, const char *iso)
{
  int y = 0, m = 0, d = 0, n = 0;

  if (iso == NULL || strchr(iso, '/') != NULL)
    return;
  if (sscanf(iso, "%4d%n-%2d%n-%2d%n", &y, &n, &m, &n, &d, &n) < 1 ||
      iso[n] != '\0')
    return;
  incident_add_date(inc, y, m, d);
}

/* The specifics of a report (incident.h): read from who, when and what
 * happened as told, the date its time answer was read as (waktu_iso),
 * its offices placed by the gazetteer pl (may be NULL), and its place's
 * kabupaten/kota. */
static void
incident_of(struct incident *inc, const char *terlapor, const char *waktu,
            const char *waktu_iso, const char *kronologi,
            const char *lokasi_kode, const struct place_list *pl)
{
  struct buf b = BUF_INIT;

  if (buf_printf(&b, "%s. %s. %s", terlapor ? terlapor : "",
                 waktu ? waktu : "", kronologi ? kronologi : "") != 0)
    buf_reset(&b);
  incident_extract(b.data ? b.data : "", inc);
  incident_add_gazetteer(inc, b.data ? b.data : "", pl);
  incident_add_place(inc, lokasi_kode);
  incident_add_iso(inc, waktu_iso);
  buf_free(&b);
}

/* A report's specifics: all of them (inc[0], from who, when, where and
 * what happened) and those of the story alone (inc[1]), as kept in
 * cv->readings or read now (and kept).  The memo's key is every input of
 * incident_of() but the gazetteer (conv_reload() clears the memo): an
 * input added there must join the key. */
static void
incidents_of(struct conv *cv, struct incident inc[2], const char *terlapor,
             const char *waktu, const char *waktu_iso, const char *kronologi,
             const char *lokasi_kode)
{
  const char *texts[5] = { terlapor, waktu, waktu_iso, kronologi,
                           lokasi_kode };
  _Static_assert(sizeof(texts) / sizeof(texts[0]) <= INCIDENT_MEMO_TEXTS,
                 "the memo keys on every text");

  if (incident_memo_get(cv->readings, texts, 5, inc))
    return;
  incident_of(&inc[0], terlapor, waktu, waktu_iso, kronologi, lokasi_kode,
              cv->places);
  incident_of(&inc[1], NULL, NULL, NULL, kronologi, NULL, cv->places);
  incident_memo_put(cv->readings, texts, 5, inc);
}

/*
 * 1 when the open ticket old tells the draft's incident (inc, by
 * incidents_of(); story_words: the draft's story, read once a filing by
 * similar_words_read(), NULL for want of memory; ot: room for the
 * ticket's pair of readings): its words score `score` against the
 * draft's, by the rule of its reporter (duplicate_same for the reporter's own,
 * duplicate_any for another's).  Any specific may differ (another place,
 * another day given as waktu); only those of the stories lower the words
 * needed: the answers to terlapor, lokasi and waktu agree between most
 * reports about one office and say nothing of the incident.  For the
 * same reason the words are the stories' alone (score, which found the
 * ticket, counts the answer to terlapor too): two reporters who name the
 * office alike tell no more alike a story.
 */
static int
same_incident(struct turn *t, const struct incident inc[2],
              const struct similar_words *story_words, struct incident ot[2],
              const struct store_ticket *old, double score)
{
  const struct config *cfg = t->cv->cfg;
  struct incident_rule rule;
  int own = old->reporter_id == t->ev->reporter_id;
  double story;

  story = story_words != NULL ? similar_score_words(story_words,
                                                    old->kronologi)
                              : -1.0;
  if (story >= 0)
    score = story;
  incident_rule_for((own ? cfg->conversation.duplicate_same
                         : cfg->conversation.duplicate_any) / 100.0, &rule);
  incidents_of(t->cv, ot, old->terlapor, old->waktu, old->waktu_tanggal,
               old->kronologi, old->lokasi_kode);
  ot[1].addition = 0;   /* a ticket asks nothing of itself */
  return !incident_conflict(&inc[0], &ot[0], NULL, NULL) &&
         incident_same(&inc[1], &ot[1], score, &rule);
}

#define DUP_CANDIDATES 8

/*
 * Rule 4: a report that tells the incident of an open ticket is not filed
 * blindly: the ticket is kept in the draft and the reporter asked to
 * choose (TAMBAH or BARU, on_duplikat()).  The tickets whose words are
 * alike (similar_candidates()) are checked best first; one whose
 * specifics differ (another day, amount, officer, office) is another
 * incident, and the report is filed with no question.
 */
static int
offer_duplicate(struct turn *t, const char *category, int *refused)
{
  struct similar_hit hit[DUP_CANDIDATES];
  struct incident_rule floor_same, floor_any;
  struct incident *inc = NULL;
  struct similar_words story;
  struct store_ticket old;
  struct buf b = BUF_INIT;
  int i, n, rc = 0, story_ok;

  *refused = 0;
  incident_rule_for(t->cv->cfg->conversation.duplicate_same / 100.0,
                    &floor_same);
  incident_rule_for(t->cv->cfg->conversation.duplicate_any / 100.0,
                    &floor_any);
  n = dup_text(&b, category, draft_str(t, "terlapor"),
               draft_str(t, "kronologi"));
  if (n == 0)
    n = similar_candidates(open_index(t->cv), b.data ? b.data : "",
                           t->ev->reporter_id, floor_same.words_low,
                           floor_any.words_low, hit, DUP_CANDIDATES);
  if (n > 0)
    n = similar_keep_low(hit, n, floor_same.words_two, floor_any.words_two,
                         SIMILAR_LOW_CHECKED);
  buf_free(&b);
  /* The draft's pair, then room for each candidate's. */
  inc = n > 0 ? malloc(4 * sizeof(*inc)) : NULL;
  if (inc == NULL)
    return 0;   /* no text to compare (even for want of memory): file it */
  incidents_of(t->cv, inc, draft_str(t, "terlapor"), draft_str(t, "waktu"),
               draft_str(t, "waktu_iso"), draft_str(t, "kronologi"),
               draft_str(t, "lokasi_kode"));
  story_ok = similar_words_read(draft_str(t, "kronologi"), &story) == 0;
  for (i = 0; i < n && rc == 0 && !*refused; i++) {
    rc = store_ticket_texts(t->st, hit[i].ticket_id, &old);
    if (rc == 0 && !ticket_status_closed(ticket_status_parse(old.status)) &&
        same_incident(t, inc, story_ok ? &story : NULL, &inc[2], &old,
                      hit[i].score)) {
      *refused = 1;
      log_info("event=report.duplicate session=%lld reason=%s ticket=%s "
               "score=%.2f", (long long)t->sess.id,
               hit[i].same_reporter ? "duplicate_same" : "duplicate_any",
               old.number, hit[i].score);
      json_object_object_add(t->draft, DUP_TICKET,
                             json_object_new_int64(hit[i].ticket_id));
    }
    store_ticket_clear(&old);
    if (rc == AERR_NOTFOUND)
      rc = 0;
  }
  similar_words_free(&story);
  free(inc);
  if (rc != 0 || !*refused)
    return rc;
  return enter(t, STEP_DUPLIKAT);
}

/* The new ticket's fields from the draft (pointing into it). */
static void
ticket_from_draft(struct turn *t, const char *category, const char *ident,
                  struct store_ticket_new *tk)
{
  struct json_object *la, *ln;

  tk->reporter_id = t->ev->reporter_id;
  tk->channel = t->ev->channel;
  tk->category = category;
  tk->terlapor = draft_str(t, "terlapor");
  tk->lokasi = draft_str(t, "lokasi");
  tk->lokasi_kode = draft_str(t, "lokasi_kode");
  tk->lokasi_tingkat = draft_str(t, "lokasi_tingkat");
  tk->lokasi_tempat_kode = draft_str(t, "lokasi_tempat_kode");
  tk->lokasi_tempat = tk->lokasi_tingkat != NULL ? draft_str(t, "lokasi_nama")
                                                 : NULL;
  if (json_object_object_get_ex(t->draft, "lat", &la) &&
      json_object_object_get_ex(t->draft, "lng", &ln)) {
    tk->has_location = 1;
    tk->lat = json_object_get_double(la);
    tk->lng = json_object_get_double(ln);
  }
  tk->waktu = draft_str(t, "waktu");
  tk->waktu_tanggal = draft_str(t, "waktu_iso");
  if (tk->waktu_tanggal != NULL && *tk->waktu_tanggal == '\0')
    tk->waktu_tanggal = NULL;
  tk->waktu_presisi = draft_str(t, "waktu_presisi");
  tk->kronologi = draft_str(t, "kronologi");
  tk->identitas = ident;
  tk->created_at = t->ev->now_ms;
}

/* The reporter's name, when the identity choice ident gives one. */
static int
keep_name(struct turn *t, const char *ident)
{
  const char *nama = draft_str(t, "nama");

  if (strcmp(ident, "anonim") == 0 || nama == NULL)
    return 0;
  return store_reporter_set_name(t->st, t->ev->reporter_id, nama);
}

/* File the draft as a new ticket (after the duplicate check when check is
 * set), tell its number and go back to the menu. */
static int
file_ticket(struct turn *t, int check)
{
  struct store_ticket_new tk = {0};
  struct buf marks = BUF_INIT;
  struct catalog_var v;
  const char *ident, *category;
  char number[TICKET_NUMBER_MAX];
  int kat, rc, refused = 0;
  int64_t id = 0;

  rc = refuse_over_limit(t, &refused);
  if (rc != 0 || refused)
    return rc;
  kat = draft_int(t, "kategori");
  category = kat >= 1 && kat <= NCATEGORIES ? category_codes[kat] : NULL;
  ident = draft_str(t, "identitas");
  if (ident == NULL)
    ident = "anonim";
  if (check)
    rc = offer_duplicate(t, category, &refused);
  if (rc != 0 || refused)
    return rc;
  ticket_from_draft(t, category, ident, &tk);
  rc = draft_marks(t, &marks);
  if (rc == 0)
    rc = speech_marks(t, &marks);
  tk.marks = marks.len > 0 ? marks.data : NULL;
  if (rc == 0)
    rc = store_ticket_create(t->st, &tk, t->cv->cfg->ticket.prefix,
                             "reporter", &id, number);
  buf_free(&marks);
  if (rc != 0)
    return rc;
  rc = keep_name(t, ident);
  if (rc == 0)
    rc = store_evidence_attach(t->st, t->sess.id, id);
  if (rc != 0)
    return rc;
  {
    struct buf b = BUF_INIT;
    if (dup_text(&b, tk.category, tk.terlapor, tk.kronologi) == 0)
      similar_add(open_index(t->cv), id, t->ev->reporter_id, b.data ? b.data : "");
    buf_free(&b);
  }
  log_info("event=ticket.created ticket=%s channel=%s category=%s "
           "identitas=%s", number, t->ev->channel,
           tk.category ? tk.category : "-", ident);
  v.name = "ticket";
  v.value = number;
  rc = say(t, "ticket.created", &v, 1);
  if (rc != 0)
    return rc;
  draft_reset(t);
  conv_set_step(t, STEP_MENU);
  return 0;
}

/* The account a TAMBAH adds to a ticket: who, where and when as the
 * reporter told them, then the story. */
static int
addition_note(struct turn *t, struct buf *note)
{
  const char *terlapor = draft_str(t, "terlapor"),
             *lokasi = draft_str(t, "lokasi"), *waktu = draft_str(t, "waktu"),
             *kronologi = draft_str(t, "kronologi");

  return buf_printf(note, "Terlapor: %s\nLokasi: %s\nWaktu: %s\n%s",
                    terlapor ? terlapor : "-", lokasi ? lokasi : "-",
                    waktu ? waktu : "-", kronologi ? kronologi : "");
}

/* The event's actor for a TAMBAH: "tambahan" on the reporter's own
 * ticket; on another's "dukungan", with the supporter's handle unless
 * they chose to stay anonymous. */
static int
addition_actor(struct turn *t, int own, const char *ident, struct buf *actor)
{
  char *handle = NULL;
  int rc;

  if (own)
    return buf_puts(actor, "tambahan");
  if (strcmp(ident, "anonim") == 0)
    return buf_puts(actor, "dukungan");
  rc = store_reporter_handle(t->st, t->ev->reporter_id, &handle);
  if (rc == 0)
    rc = buf_printf(actor, "dukungan:%s", handle);
  free(handle);
  return rc;
}

/* The ticket old is now told in its own words and the draft's: both go
 * into the duplicate index, so a later report like either is found.  For
 * want of memory the ticket keeps its old words. */
static void
index_addition(struct turn *t, const struct store_ticket *old)
{
  struct buf story = BUF_INIT, b = BUF_INIT;

  if (buf_printf(&story, "%s\n%s", old->kronologi ? old->kronologi : "",
                 draft_str(t, "kronologi") ? draft_str(t, "kronologi")
                                           : "") == 0 &&
      dup_text(&b, old->category, old->terlapor, story.data) == 0)
    similar_add(open_index(t->cv), old->id, old->reporter_id, b.data);
  buf_free(&story);
  buf_free(&b);
}

/*
 * TAMBAH at the duplicate choice: the draft's account and evidence go to
 * the matched ticket as an event (an addition by its own reporter, a
 * supporting statement by another), and the draft is done.  A ticket
 * closed in the meantime is no longer being handled: the draft is filed
 * as a report of its own.
 */
static int
add_to_ticket(struct turn *t)
{
  struct store_ticket old;
  struct buf note = BUF_INIT, actor = BUF_INIT;
  const char *ident = draft_str(t, "identitas");
  int own, rc;

  if (ident == NULL)
    ident = "anonim";
  rc = dup_ticket(t, &old);
  own = rc == 0 && old.reporter_id == t->ev->reporter_id;
  if (rc == 0 && ticket_status_closed(ticket_status_parse(old.status)))
    rc = AERR_NOTFOUND;
  if (rc == AERR_NOTFOUND) {
    store_ticket_clear(&old);
    return file_ticket(t, 0);
  }
  if (rc == 0)
    rc = addition_note(t, &note);
  if (rc == 0)
    rc = addition_actor(t, own, ident, &actor);
  if (rc == 0)
    rc = store_ticket_note(t->st, old.id, actor.data, note.data,
                           t->ev->now_ms);
  if (rc == 0)
    rc = store_evidence_attach(t->st, t->sess.id, old.id);
  if (rc == 0 && !own)
    rc = keep_name(t, ident);
  if (rc == 0)
    index_addition(t, &old);
  if (rc == 0) {
    struct catalog_var v = {"ticket", old.number};
    log_info("event=ticket.added ticket=%s kind=%s identitas=%s", old.number,
             own ? "tambahan" : "dukungan", ident);
    rc = own ? say(t, "addition.received", &v, 1)
             : say0(t, "support.received");
  }
  buf_free(&note);
  buf_free(&actor);
  store_ticket_clear(&old);
  if (rc == 0) {
    draft_reset(t);
    conv_set_step(t, STEP_MENU);
  }
  return rc;
}

/*
 * BARU to a choice offered before the summary (DUP_EARLY): the report
 * goes on as a new one, at the step it was offered from (kategori from
 * the menu, keeping the text as the story's start when it says enough;
 * kronologi with the story so far).
 */
static int
early_baru(struct turn *t)
{
  enum step to = step_parse(draft_str(t, DUP_EARLY));
  const char *story = draft_str(t, "kronologi");

  log_info("event=report.addition_declined session=%lld",
           (long long)t->sess.id);
  draft_set_int(t, ADD_OFFERED, 1);
  if (to == STEP_KATEGORI && story != NULL &&
      validate_count_words(story) < t->cv->vd.kronologi_min_words)
    draft_del(t, "kronologi");
  return enter(t, to == STEP_KRONOLOGI ? STEP_KRONOLOGI : STEP_KATEGORI);
}

/* The duplicate choice: TAMBAH or BARU (BATAL, MENU and KEMBALI work as
 * everywhere). */
static int
on_duplikat(struct turn *t, enum command cmd)
{
  if (cmd == CMD_TAMBAH)
    return add_to_ticket(t);
  if (cmd == CMD_BARU && draft_str(t, DUP_EARLY) != NULL)
    return early_baru(t);
  if (cmd == CMD_BARU)
    return file_ticket(t, 0);
  return invalid(t, "invalid.duplikat", NULL, 0, "duplikat_choice");
}

/* The reporter's latest open ticket into *id, or AERR_NOTFOUND. */
static int
own_open_ticket(struct turn *t, int64_t *id)
{
  struct store_ticket_filter f;
  struct store_ticket_list l;
  int rc;

  memset(&f, 0, sizeof(f));
  f.reporter_id = t->ev->reporter_id;
  f.open_only = 1;
  rc = store_ticket_list(t->st, &f, &l);
  if (rc != 0)
    return rc;
  rc = l.n > 0 ? 0 : AERR_NOTFOUND;
  if (l.n > 0)
    *id = l.v[l.n - 1].id;
  store_ticket_list_free(&l);
  return rc;
}

/*
 * A reporter who asks to add to their report (incident_asks_to_add())
 * and has an open ticket is offered to add this account to it (TAMBAH)
 * or to go on with a new report (BARU, early_baru()), from step from.  *done is 1
 * when offered; with no open ticket, nothing is done and the text is an
 * ordinary message.
 */
static int
offer_addition(struct turn *t, const char *text, enum step from, int *done)
{
  int64_t id = 0;
  int rc;

  *done = 0;
  if (t->ev->msg->kind != MSG_TEXT || !incident_asks_to_add(text))
    return 0;
  rc = own_open_ticket(t, &id);
  if (rc != 0)
    return rc == AERR_NOTFOUND ? 0 : rc;
  *done = 1;
  log_info("event=report.addition_asked session=%lld step=%s",
           (long long)t->sess.id, steps[from].name);
  json_object_object_add(t->draft, DUP_TICKET, json_object_new_int64(id));
  draft_set_str(t, DUP_EARLY, steps[from].name);
  return enter(t, STEP_DUPLIKAT);
}

/* ---- Steps' handlers ------------------------------------------------- */

/* ---- Free text at the menu ------------------------------------------ */

/* Word lists for reading free text at the menu (matched whole, any case;
 * not shown to anyone). */
static const char *const thanks_words[] = {
  "terima kasih", "trima kasih", "terimakasih", "makasih", "thanks",
  "thank you", "trims", "tq", NULL,
};
static const char *const question_words[] = {
  "apakah", "apa", "bagaimana", "gimana", "bgmn", "gmn", "kapan", "kenapa",
  "mengapa", "sudah", "sdh", "bisakah", "siapa", NULL,
};
static const char *const report_words[] = {
  "laporan", "lapor", "laporanku", "aduan", "pengaduan", "tiket", NULL,
};
static const char *const safety_words[] = {
  "aman", "keamanan", "rahasia", "dirahasiakan", "kerahasiaan",
  "identitas", "ketahuan", "dilindungi", "perlindungan", "takut", "bahaya",
  "ancaman", "diancam", NULL,
};
static const char *const howto_words[] = {"cara", "caranya", NULL};
/* A wish to report: one of these verbs, or a wish word with a report word
 * ("mau buat laporan"). */
static const char *const report_verbs[] = {
  "lapor", "melapor", "melaporkan", "lapurkan", "mengadu", "mengadukan",
  "ngadu", "adukan", NULL,
};
static const char *const wish_words[] = {
  "mau", "mo", "ingin", "ingn", "pengen", "pingin", "hendak", "buat",
  "bikin", "bekin", NULL,
};

/* 1 when a word of text (its first word only, when first) is in words. */
static int
has_word(const char *text, const char *const *words, int first)
{
  const unsigned char *p = (const unsigned char *)text, *w;
  size_t n, i;

  for (;;) {
    while (*p != '\0' && !isalnum(*p))
      p++;
    if (*p == '\0')
      return 0;
    for (w = p, n = 0; isalnum(*p); p++)
      n++;
    for (i = 0; words[i] != NULL; i++)
      if (strlen(words[i]) == n &&
          strncasecmp((const char *)w, words[i], n) == 0)
        return 1;
    if (first)
      return 0;
  }
}

/* 1 when text begins with thanks. */
static int
is_thanks(const char *text)
{
  size_t i, n;

  while (*text != '\0' && !isalnum((unsigned char)*text))
    text++;
  for (i = 0; thanks_words[i] != NULL; i++) {
    n = strlen(thanks_words[i]);
    if (strncasecmp(text, thanks_words[i], n) == 0 &&
        !isalnum((unsigned char)text[n]))
      return 1;
  }
  return 0;
}

/* Text without the white space and . ! at its end: its length. */
static size_t
trimmed_len(const char *text)
{
  size_t n = strlen(text);

  while (n > 0 && (isspace((unsigned char)text[n - 1]) ||
                   text[n - 1] == '.' || text[n - 1] == '!'))
    n--;
  return n;
}

/* A question: it ends in "?", or is short and opens with a question word
 * (a story of twice kronologi_min_words words that begins "Sudah tiga
 * bulan..." is not). */
static int
is_question(const struct turn *t, const char *text)
{
  size_t n = trimmed_len(text);

  if (n > 0 && text[n - 1] == '?')
    return 1;
  return has_word(text, question_words, 1) &&
         validate_count_words(text) < 2 * t->cv->vd.kronologi_min_words;
}

/* The "tanya" at text[at] asks the hotline something: its word is
 * "tanya", "bertanya" or "pertanyaan" (also "tanyakan"), not a word of a
 * story like "katanya" (so he said) or "ditanya" (was asked). */
static int
asks_at(const char *text, size_t at)
{
  static const char *const prefixes[] = {"", "ber", "per", NULL};
  size_t start = at, i, n;

  while (start > 0 && isalpha((unsigned char)text[start - 1]))
    start--;
  for (i = 0; prefixes[i] != NULL; i++) {
    n = strlen(prefixes[i]);
    if (at - start == n && strncasecmp(text + start, prefixes[i], n) == 0)
      return 1;
  }
  return 0;
}

/*
 * Free text that reads like a report, decided conservatively: at least
 * kronologi_min_words words and within kronologi_max_chars, not a
 * question (ends in "?", or asks: "tanya"), not thanks.  A greeting, a
 * name, a place, "ok" or a menu number do not; a command never reaches
 * here.
 */
static int
reads_like_report(const struct turn *t, const char *text)
{
  size_t n = trimmed_len(text), i;

  if (n == 0 || text[n - 1] == '?' ||
      n > (size_t)t->cv->vd.kronologi_max_chars || is_thanks(text))
    return 0;
  for (i = 0; i + 5 <= n; i++)
    if (strncasecmp(text + i, "tanya", 5) == 0 && asks_at(text, i))
      return 0;  /* "tanya", "bertanya", "pertanyaan" */
  return validate_count_words(text) >= t->cv->vd.kronologi_min_words;
}

/* The reporter's own tickets, the latest MINE_SHOWN, with their status
 * (status.none when there are none). */
#define MINE_SHOWN 3
static int
say_mine(struct turn *t)
{
  struct store_ticket_filter f;
  struct store_ticket_list l;
  struct buf lines = BUF_INIT, label = BUF_INIT, line = BUF_INIT;
  struct catalog_var v[2];
  int i, rc;

  memset(&f, 0, sizeof(f));
  f.reporter_id = t->ev->reporter_id;
  rc = store_ticket_list(t->st, &f, &l);
  if (rc != 0)
    return rc;
  log_info("event=status.mine session=%lld tickets=%d",
           (long long)t->sess.id, l.n);
  for (i = l.n > MINE_SHOWN ? l.n - MINE_SHOWN : 0; i < l.n; i++) {
    buf_reset(&line);
    v[0].name = "ticket";
    v[0].value = l.v[i].number;
    v[1].name = "status";
    v[1].value = status_label(t->cv->cat, t->sms, l.v[i].status, &label);
    catalog_render(t->cv->cat, "status.line", t->sms, v, 2, &line);
    if (lines.len > 0)
      buf_append(&lines, "\n", 1);
    buf_puts(&lines, line.data ? line.data : "");
  }
  if (l.n == 0) {
    rc = say0(t, "status.none");
  } else {
    v[0].name = "tickets";
    v[0].value = lines.data ? lines.data : "";
    rc = say(t, "status.mine", v, 1);
  }
  store_ticket_list_free(&l);
  buf_free(&lines);
  buf_free(&label);
  buf_free(&line);
  return rc;
}

/* Thanks: a thank-you, with the status of the reporter's latest ticket
 * when there is one. */
static int
say_thanks(struct turn *t)
{
  struct store_ticket_filter f;
  struct store_ticket_list l;
  struct buf label = BUF_INIT;
  struct catalog_var v[2];
  int rc;

  memset(&f, 0, sizeof(f));
  f.reporter_id = t->ev->reporter_id;
  rc = store_ticket_list(t->st, &f, &l);
  if (rc != 0)
    return rc;
  if (l.n == 0) {
    rc = say0(t, "thanks.reply");
  } else {
    v[0].name = "ticket";
    v[0].value = l.v[l.n - 1].number;
    v[1].name = "status";
    v[1].value = status_label(t->cv->cat, t->sms, l.v[l.n - 1].status,
                              &label);
    rc = say(t, "thanks.ticket", v, 2);
  }
  store_ticket_list_free(&l);
  buf_free(&label);
  return rc;
}

/* A short message that asks to make a report ("mau lapor", "saya mau
 * lapor lagi", "ingin buat laporan"), not a question about one. */
static int
wants_to_report(const struct turn *t, const char *text)
{
  if (is_question(t, text) ||
      validate_count_words(text) >= t->cv->vd.kronologi_min_words)
    return 0;
  return has_word(text, report_verbs, 0) ||
         (has_word(text, wish_words, 0) && has_word(text, report_words, 0));
}

/* The text is a ticket number as the bot wrote it (its prefix first),
 * canonical form into number. */
static int
is_ticket_number(const struct turn *t, const char *text,
                 char number[TICKET_NUMBER_MAX])
{
  const char *prefix = t->cv->cfg->ticket.prefix;

  return strncasecmp(text, prefix, strlen(prefix)) == 0 &&
         ticket_number_parse(prefix, text, number) == 0;
}

/*
 * Free text at the menu that is not a report: thanks, a wish to report, a
 * ticket number, and questions about how to report, about the reporter's
 * safety or about their reports (in that order) get their answer.  *done
 * is 1 when the text was one of those.
 */
static int
on_menu_words(struct turn *t, const char *text, int *done)
{
  char number[TICKET_NUMBER_MAX];

  *done = 1;
  if (is_thanks(text))
    return say_thanks(t);
  if (wants_to_report(t, text)) {
    draft_reset(t);
    return enter(t, STEP_KATEGORI);
  }
  if (is_ticket_number(t, text, number))
    return status_check(t, number);
  if (is_question(t, text)) {
    if (has_word(text, howto_words, 0))
      return say0(t, "howto");
    if (has_word(text, safety_words, 0))
      return say0(t, "safety.info");
    if (has_word(text, report_words, 0))
      return say_mine(t);
  }
  *done = 0;
  return 0;
}

/* A new draft whose story begins with text (checked for abuse as each
 * part of a story is); then the first question. */
static int
start_story(struct turn *t, const char *text)
{
  struct verdict v;
  int rc;

  rc = validate_field(&t->cv->vd, FIELD_TEXT, text, t->ev->now_ms, &v);
  if (rc != 0)
    return rc;
  if (!v.ok)
    return invalid(t, v.reason, v.vars, v.nvars, v.code);
  draft_reset(t);
  draft_set_str(t, "kronologi", text);
  log_info("event=report.story session=%lld words=%d",
           (long long)t->sess.id, validate_count_words(text));
  rc = say0(t, "story.started");
  return rc != 0 ? rc : enter(t, STEP_KATEGORI);
}

static int
on_menu(struct turn *t, const char *text, int fresh)
{
  switch (choice(text, 3)) {
  case 1:
    draft_reset(t);
    return enter(t, STEP_KATEGORI);
  case 2:
    return enter(t, STEP_STATUS);
  case 3:
    return say0(t, "howto");
  default:
    /* Nothing is thrown away: words get an answer, a story opens a
     * draft. */
    if (t->ev->msg->kind == MSG_TEXT) {
      int done, rc;
      draft_reset(t);
      draft_set_str(t, "kronologi", text);
      rc = offer_addition(t, text, STEP_KATEGORI, &done);
      if (rc != 0 || done)
        return rc;
      draft_reset(t);
      rc = on_menu_words(t, text, &done);
      if (rc != 0 || done)
        return rc;
      if (incident_asks_to_add(text) && !reads_like_report(t, text))
        return enter(t, STEP_KATEGORI);  /* no open ticket: a new report */
      if (reads_like_report(t, text))
        return start_story(t, text);
    }
    if (fresh)
      return say0(t, "menu");
    return invalid(t, "menu.invalid", NULL, 0, "menu_choice");
  }
}

/*
 * Outside a draft, free text (not a command, not a menu choice) may answer
 * the operator's latest question about one of the reporter's open
 * tickets: it is attached to that ticket and the reporter thanked.  *done
 * is 1 when it was.
 */
static int
on_answer(struct turn *t, const char *text, int *done)
{
  struct catalog_var v;
  int64_t qid = 0, tid = 0;
  char number[32];
  int rc;

  *done = 0;
  rc = store_question_waiting(t->st, t->ev->reporter_id, &qid, &tid, number);
  if (rc == AERR_NOTFOUND)
    return 0;
  if (rc == 0)
    rc = store_question_answer(t->st, qid, t->ev->inbound_id, text,
                               t->ev->now_ms);
  if (rc != 0)
    return rc;
  *done = 1;
  log_info("event=ticket.answered ticket=%s question=%lld", number,
           (long long)qid);
  v.name = "ticket";
  v.value = number;
  return say(t, "note.received", &v, 1);
}

/*
 * SPEC 4: an answer the step does not understand (v->keepable) is asked
 * once more; the next one that is still not understood is kept as given
 * and marked for the operator, never refused a third time.  1 when text
 * is to be kept so.
 */
static int
keep_as_given(struct turn *t, const struct verdict *v, const char *key)
{
  if (v->ok || !v->keepable || t->sess.invalid_count == 0)
    return 0;
  log_info("event=report.kept_as_given session=%lld step=%s reason=%s",
           (long long)t->sess.id, steps[t->step].name, v->code);
  draft_mark(t, key, 1);
  return 1;
}

/* The draft key that remembers a story was taken at a step, so that it
 * happens once per step. */
#define STORY_EARLY "cerita_awal"

static int story_append(struct turn *t, const char *part, int *too_long);
static int story_too_long(struct turn *t);

/*
 * A story sent where the place or the time was asked (reporters often
 * write everything at once): its text joins the story, never taken for
 * the answer, and the question is asked again.  Once per step, so that a
 * long answer given again is then kept as given (SPEC 4) rather than
 * sending the reporter round.  *done is 1 when the text was handled.
 */
static int
story_out_of_turn(struct turn *t, const char *text, int *done)
{
  const char *taken = draft_str(t, STORY_EARLY);
  struct verdict v;
  int too_long = 0, rc;

  *done = 0;
  if (draft_int(t, "edit") || !reads_like_report(t, text) ||
      (taken != NULL && strcmp(taken, steps[t->step].name) == 0))
    return 0;
  /* Checked for abuse as every part of a story is. */
  rc = validate_field(&t->cv->vd, FIELD_TEXT, text, t->ev->now_ms, &v);
  if (rc != 0)
    return rc;
  *done = 1;
  if (!v.ok)
    return invalid(t, v.reason, v.vars, v.nvars, v.code);
  rc = story_append(t, text, &too_long);
  if (rc != 0 || too_long) {
    *done = 0;
    return rc;
  }
  draft_set_str(t, STORY_EARLY, steps[t->step].name);
  /* The question is asked again: that was its second try, so the next
   * answer not understood is kept as given. */
  if (t->sess.invalid_count == 0)
    t->sess.invalid_count = 1;
  log_info("event=report.story session=%lld step=%s words=%d",
           (long long)t->sess.id, steps[t->step].name,
           validate_count_words(text));
  rc = say0(t, "story.kept");
  return rc != 0 ? rc : ask_step(t);
}

/*
 * Free text while the TAMBAH/BARU choice waits: thanks and a question
 * about safety get their answer as at the menu, and a story sent again
 * joins the draft's story (so TAMBAH adds it, BARU files it); then the
 * open choice again.  *done is 1 when the text was one of those.
 */
static int
duplikat_words(struct turn *t, const char *text, int *done)
{
  struct verdict v;
  int too_long = 0, rc;

  *done = 1;
  if (is_thanks(text)) {
    rc = say_thanks(t);
  } else if (is_question(t, text) && has_word(text, safety_words, 0)) {
    rc = say0(t, "safety.info");
  } else if (reads_like_report(t, text)) {
    rc = validate_field(&t->cv->vd, FIELD_TEXT, text, t->ev->now_ms, &v);
    if (rc != 0)
      return rc;
    if (!v.ok)
      return invalid(t, v.reason, v.vars, v.nvars, v.code);
    rc = story_append(t, text, &too_long);
    if (rc != 0)
      return rc;
    if (too_long)
      return story_too_long(t);
    log_info("event=report.story session=%lld step=duplikat words=%d",
             (long long)t->sess.id, validate_count_words(text));
    rc = say0(t, "story.kept");
  } else {
    *done = 0;
    return 0;
  }
  return rc != 0 ? rc : say_duplicate(t);
}

/*
 * The place the lokasi answer matched, into the draft: its kabupaten/kota
 * (kode, filed as lokasi_kode), its label (nama, shown in the summary),
 * and the finest place itself (tempat: its code, tingkat: its level), all
 * filed with the ticket.  kode NULL: none (every key dropped).
 */
static void
lokasi_set_place(struct turn *t, const char *kode, const char *nama,
                 const char *tempat, const char *tingkat)
{
  static const char *const keys[] = {
    "lokasi_kode", "lokasi_nama", "lokasi_tempat_kode", "lokasi_tingkat",
  };
  const char *vals[] = {kode, nama, tempat, tingkat};
  size_t i;

  for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
    if (kode != NULL && vals[i] != NULL)
      draft_set_str(t, keys[i], vals[i]);
    else
      draft_del(t, keys[i]);
  }
  draft_mark(t, "lokasi_luar", 0);
}

/*
 * The command when text is a word that ends a step (LANJUT, SELESAI,
 * LEWATI, KIRIM, their local forms such as "su" or "tdk ada", one typo in
 * them), at any step, else CMD_NONE; is_done_word(): 1 when it is.  Where
 * it has no meaning (the place) it is still no answer, because the
 * reporter meant to finish something.
 */
static enum command
done_word(const char *text)
{
  char arg[64], norm[FORGIVING_TEXT_MAX + 1];
  enum command c = parse_command(text, arg, sizeof(arg));
  size_t i;

  if (c == CMD_NONE && forgiving_norm(text, norm, sizeof(norm))) {
    for (i = 0; i < sizeof(command_forms) / sizeof(command_forms[0]); i++)
      if (strcasecmp(norm, command_forms[i].form) == 0)
        c = command_forms[i].cmd;
    if (c == CMD_NONE && strchr(norm, ' ') == NULL)
      c = mistyped_command(STEP_KRONOLOGI, norm);
  }
  return c == CMD_LANJUT || c == CMD_LEWATI || c == CMD_KIRIM ? c
                                                              : CMD_NONE;
}

static int
is_done_word(const char *text)
{
  return done_word(text) != CMD_NONE;
}

/* Handle a free-text answer for a plain field step. */
static int
on_field(struct turn *t, enum field f, const char *text, const char *key,
         enum step next)
{
  struct verdict v;
  int rc, kept;

  rc = validate_field_placed(&t->cv->vd, f, text, t->ev->now_ms,
                             f == FIELD_LOKASI ? turn_place_made(t, text)
                                               : NULL,
                             &v);
  if (rc != 0)
    return rc;
  if (!v.ok && (f == FIELD_WAKTU || f == FIELD_LOKASI)) {
    int done;

    rc = story_out_of_turn(t, text, &done);
    if (rc != 0 || done)
      return rc;
  }
  kept = !is_done_word(text) && keep_as_given(t, &v, key);
  if (!v.ok && !kept)
    return invalid(t, v.reason, v.vars, v.nvars, v.code);
  if (!kept)
    draft_mark(t, key, 0);
  if (f == FIELD_KATEGORI) {
    draft_set_int(t, "kategori", v.category);
  } else {
    draft_set_str(t, key, text);
    speech_marks_keep(t, key, v.marks);
  }
  if (f == FIELD_WAKTU && kept) {
    /* Shown and filed as the reporter wrote it, with no date. */
    draft_del(t, "waktu_tanggal");
    draft_del(t, "waktu_iso");
    draft_set_str(t, "waktu_presisi", "unresolved");
  } else if (f == FIELD_WAKTU) {
    draft_set_str(t, "waktu_tanggal", v.date);
    draft_set_str(t, "waktu_iso", v.iso);
    draft_set_str(t, "waktu_presisi", v.precision);
  }
  if (f == FIELD_LOKASI) {
    lokasi_set_place(t, v.place_code, v.place_name, v.place_at,
                     v.place_level);
    draft_mark(t, "lokasi_luar",
               kept && strcmp(v.code, "lokasi_outside") == 0);
  }
  return advance(t, next);
}

/* The draft keys of the places offered for an ambiguous lokasi ([{"kode",
 * "nama"}...], at most 9), and of the answer they were offered for. */
#define LOKASI_CHOICES "lokasi_pilihan"
#define LOKASI_ASKED "lokasi_ambigu"

/* Forget the places offered. */
static void
lokasi_choices_drop(struct turn *t)
{
  draft_del(t, LOKASI_CHOICES);
  draft_del(t, LOKASI_ASKED);
}

/* The places offered, or NULL. */
static struct json_object *
lokasi_choices(struct turn *t)
{
  struct json_object *v;

  if (!json_object_object_get_ex(t->draft, LOKASI_CHOICES, &v) ||
      !json_object_is_type(v, json_type_array))
    return NULL;
  return v;
}

/* Show the places offered as numbered choices, one per line (on SMS, in
 * one line); it counts as an answer not taken. */
static int
say_lokasi_choices(struct turn *t)
{
  struct json_object *arr = lokasi_choices(t), *o, *name;
  struct catalog_var var;
  struct buf list = BUF_INIT;
  size_t i, n = arr != NULL ? json_object_array_length(arr) : 0;
  int rc = 0;

  for (i = 0; rc == 0 && i < n; i++) {
    o = json_object_array_get_idx(arr, i);
    if (!json_object_object_get_ex(o, "nama", &name))
      continue;
    rc = buf_printf(&list, "%s%zu %s", i == 0 ? "" : t->sms ? "; " : "\n",
                    i + 1, json_object_get_string(name));
  }
  if (rc != 0) {
    buf_free(&list);
    return rc;
  }
  var.name = "pilihan";
  var.value = list.data != NULL ? list.data : "";
  rc = invalid(t, "lokasi.pilih", &var, 1, "lokasi_ambiguous");
  buf_free(&list);
  return rc;
}

/*
 * SPEC 3: a first answer that names places in several kabupaten/kota
 * ("Kupang", a desa name found twice) is answered with numbered choices.
 * 1 when offered (*rc set); 0 when text goes on as a plain answer (also
 * on a later try, which the keep-as-given rule handles).
 */
static int
lokasi_offer(struct turn *t, const char *text, int *rc)
{
  const struct place_match *pm;
  struct json_object *arr, *o;
  int i;

  if (t->sess.invalid_count > 0 || (pm = turn_place(t, text)) == NULL ||
      !pm->ambiguous || pm->nchoices < 2 || pm->more_choices > 0)
    return 0;
  arr = json_object_new_array();
  if (arr == NULL)
    return 0;
  for (i = 0; i < pm->nchoices; i++) {
    o = json_object_new_object();
    if (o == NULL)
      continue;
    json_object_object_add(o, "kode",
                           json_object_new_string(pm->choice[i].kab_code));
    json_object_object_add(o, "nama",
                           json_object_new_string(pm->choice[i].label));
    json_object_object_add(o, "tempat",
                           json_object_new_string(pm->choice[i].code));
    json_object_object_add(o, "tingkat", json_object_new_string(
                              place_level_name(pm->choice[i].level)));
    json_object_array_add(arr, o);
  }
  json_object_object_add(t->draft, LOKASI_CHOICES, arr);
  draft_set_str(t, LOKASI_ASKED, text);
  *rc = say_lokasi_choices(t);
  return 1;
}

/* The string member key of a choice offered, or NULL (choices offered
 * before the finest place was kept have none). */
static const char *
choice_str(struct json_object *o, const char *key)
{
  struct json_object *v;

  return json_object_object_get_ex(o, key, &v) ? json_object_get_string(v)
                                                : NULL;
}

/*
 * The reply to the choices is no number and no place: the reporter's
 * first answer is not replaced by it.  That answer is kept as given
 * (marked); a reply the time step takes, or a story, is read there
 * (reporters often send the next answer before the choices arrive);
 * any other reply joins the place as given.  In an edit (UBAH) the reply
 * is never taken for another field.
 */
static int
lokasi_unpicked(struct turn *t, const char *text)
{
  const char *asked = draft_str(t, LOKASI_ASKED);
  struct buf place = BUF_INIT;
  int rc, editing = draft_int(t, "edit");

  if (buf_puts(&place, asked != NULL ? asked : "") != 0)
    return -ENOMEM;
  lokasi_choices_drop(t);
  lokasi_set_place(t, NULL, NULL, NULL, NULL);
  draft_mark(t, "lokasi", 1);
  log_info("event=report.kept_as_given session=%lld step=%s "
           "reason=lokasi_unpicked", (long long)t->sess.id,
           steps[t->step].name);
  if (!editing) {
    conv_set_step(t, STEP_WAKTU);
    if (step_takes(t, text) || reads_like_report(t, text)) {
      draft_set_str(t, "lokasi", place.data);
      buf_free(&place);
      return on_field(t, FIELD_WAKTU, text, "waktu", STEP_KRONOLOGI);
    }
    conv_set_step(t, STEP_LOKASI);
  }
  rc = buf_printf(&place, "; %s", text);
  if (rc == 0)
    draft_set_str(t, "lokasi", place.data);
  buf_free(&place);
  return rc != 0 ? rc : advance(t, STEP_WAKTU);
}

/*
 * The reply to the choices: a number picks a place (filed under its
 * kabupaten/kota, the reporter's first answer kept as lokasi), a number
 * out of range shows them again.  1 when handled (*rc set); 0 when text is
 * a new answer (the choices are forgotten).
 */
static int
lokasi_pick(struct turn *t, const char *text, int *rc)
{
  struct json_object *arr = lokasi_choices(t), *o, *kode, *nama;
  size_t n = arr != NULL ? json_object_array_length(arr) : 0;
  int c = choice(text, 9);

  if (n > 0 && t->sess.invalid_count > 0 && c == 0 &&
      draft_str(t, LOKASI_ASKED) != NULL && !step_takes(t, text)) {
    *rc = is_done_word(text) ? say_lokasi_choices(t)
                             : lokasi_unpicked(t, text);
    return 1;
  }
  if (n == 0 || t->sess.invalid_count == 0 || c == 0) {
    lokasi_choices_drop(t);
    return 0;
  }
  if ((size_t)c > n) {
    *rc = say_lokasi_choices(t);
    return 1;
  }
  o = json_object_array_get_idx(arr, (size_t)c - 1);
  if (!json_object_object_get_ex(o, "kode", &kode) ||
      !json_object_object_get_ex(o, "nama", &nama) ||
      draft_str(t, LOKASI_ASKED) == NULL) {
    lokasi_choices_drop(t);
    return 0;
  }
  draft_set_str(t, "lokasi", draft_str(t, LOKASI_ASKED));
  lokasi_set_place(t, json_object_get_string(kode),
                   json_object_get_string(nama), choice_str(o, "tempat"),
                   choice_str(o, "tingkat"));
  draft_mark(t, "lokasi", 0);
  lokasi_choices_drop(t);
  *rc = advance(t, STEP_WAKTU);
  return 1;
}

/* The draft key of a location pin not yet named: its coordinates stay
 * with the place name the reporter gives next. */
#define LOKASI_PIN "lokasi_pin"

/* Keep the coordinates of a location message in the draft. */
static void
keep_pin(struct turn *t)
{
  const struct inbound_msg *m = t->ev->msg;

  json_object_object_add(t->draft, "lat", json_object_new_double(m->lat));
  json_object_object_add(t->draft, "lng", json_object_new_double(m->lng));
  draft_set_int(t, LOKASI_PIN, 1);
  log_info("event=report.location session=%lld step=%s",
           (long long)t->sess.id, steps[t->step].name);
}

/*
 * After a place that was refused, the reporter sent the time (messages
 * cross on SMS): text is no place but the time step would take it.  The
 * refused place is then kept as given (lokasi_unpicked()), not replaced.
 */
static int
lokasi_time_ahead(struct turn *t, const char *text)
{
  const char *asked = draft_str(t, LOKASI_ASKED);
  struct when w;

  if (t->sess.invalid_count == 0 || lokasi_choices(t) != NULL ||
      draft_int(t, "edit") || asked == NULL || step_takes(t, text) ||
      strcasecmp(asked, text) == 0)
    return 0;
  /* The time step would take it (read once, as step_takes() reads it
   * there); "I don't know" (tdk tau, lupa), like the same answer again,
   * answers the place question just asked again, not the next one. */
  return when_parse_feasts(text, t->ev->now_ms, t->cv->vd.max_age_years,
                           t->cv->feasts, &w) != WHEN_INVALID &&
         w.precision != WHEN_UNKNOWN;
}

/*
 * SPEC 2, 3: a WhatsApp location pin is kept as coordinates, and the
 * kabupaten/kecamatan asked for in one question (the gazetteer files a
 * report by its name, not by coordinates); the answer is read as any
 * lokasi answer, the coordinates staying with it.  Text without a pin
 * waiting replaces an earlier pin (UBAH 3).
 */
static int
on_lokasi(struct turn *t, const char *text)
{
  const struct inbound_msg *m = t->ev->msg;
  int rc = 0;

  if (m->kind == MSG_LOCATION) {
    lokasi_choices_drop(t);
    lokasi_set_place(t, NULL, NULL, NULL, NULL);
    keep_pin(t);
    return say0(t, "ask.lokasi.nama");
  }
  if (!draft_int(t, LOKASI_PIN)) {
    draft_del(t, "lat");
    draft_del(t, "lng");
  }
  if (lokasi_time_ahead(t, text))
    return lokasi_unpicked(t, text);
  if (lokasi_pick(t, text, &rc) || lokasi_offer(t, text, &rc))
    return rc;
  rc = on_field(t, FIELD_LOKASI, text, "lokasi", STEP_WAKTU);
  if (t->step != STEP_LOKASI)
    draft_del(t, LOKASI_PIN);
  else if (t->sess.invalid_count > 0 && !is_done_word(text) &&
           !reads_like_report(t, text) && lokasi_choices(t) == NULL)
    draft_set_str(t, LOKASI_ASKED, text);  /* refused: for the next try */
  return rc;
}

/* A location before the lokasi step: kept for it, acknowledged, and the
 * open question asked again. */
static int
early_location(struct turn *t)
{
  int rc;

  if (t->step < STEP_KATEGORI || t->step > STEP_LOKASI)
    return invalid(t, steps[t->step].help, NULL, 0, "location_here");
  keep_pin(t);
  rc = catalog_render(t->cv->cat, "lokasi.kept", t->sms, NULL, 0,
                      &t->appendix);
  return rc != 0 ? rc : say0(t, steps[t->step].ask);
}

/* Words of small talk: greetings, apologies, thanks, and the excuses that
 * come with them ("maaf kemarin pulsa habis").  A message made only of
 * these is no part of a story. */
static const char *const small_talk_words[] = {
  "selamat", "pagi", "siang", "sore", "malam", "halo", "hallo", "hai",
  "hi", "permisi", "maaf", "mohon", "minta", "ampun", "saya", "sy", "aku",
  "kemarin", "kemaren", "tadi", "baru", "pulsa", "habis", "abis", "sinyal",
  "signal", "hilang", "jaringan", "susah", "lambat", "bisa", "balas",
  "terima", "kasih", "makasih", "ok", "oke", "okay", "baik", "ya", "iya",
  "yaa", "pak", "bapak", "bu", "ibu", "kak", "kaka", "kakak", "om", "tanta",
  "admin", "petugas", "lupa", "telat", "terlambat", "lagi", "sudah", "sdh",
  "dan", "karena", "krn", "jadi", "tidak", "tdk", "sonde", "ada", "su",
  "shalom", "salam", "assalamualaikum", "ass", "wr", "wb", NULL,
};

/* 1 when every word of text is small talk. */
static int
all_small_talk(const char *text)
{
  const unsigned char *p = (const unsigned char *)text, *w;
  size_t n, i;
  int found;

  for (;;) {
    while (*p != '\0' && !isalnum(*p))
      p++;
    if (*p == '\0')
      return 1;
    for (w = p, n = 0; isalnum(*p); p++)
      n++;
    for (found = 0, i = 0; small_talk_words[i] != NULL && !found; i++)
      found = strlen(small_talk_words[i]) == n &&
              strncasecmp((const char *)w, small_talk_words[i], n) == 0;
    if (!found)
      return 0;
  }
}

/*
 * A message at the story step that is no part of the story: a greeting or
 * an apology ("selamat pagi, maaf kemarin pulsa habis"), a lone number (a
 * menu choice), a lone word (a name, an answer to an earlier question).
 * Not appended: the reporter is told, with the story so far.
 */
static int
not_story(const char *text)
{
  return choice(text, 9) != 0 || validate_count_words(text) <= 1 ||
         all_small_talk(text);
}

/* Say that text was not added to the story, and how to go on. */
static int
say_not_story(struct turn *t)
{
  log_info("event=report.not_story session=%lld", (long long)t->sess.id);
  return say_story_words(t, "kronologi.not_story");
}

/* The draft key of a story part written all in capitals: held back until
 * the reporter rewrites it (it is replaced) or insists (LANJUT: kept). */
#define KRONOLOGI_CAPS "kronologi_kapital"

/* Append part to the story in the draft; a story past kronologi_max_chars
 * is refused (*too_long set, nothing changed). */
static int
story_append(struct turn *t, const char *part, int *too_long)
{
  const char *sofar = draft_str(t, "kronologi");
  struct buf all = BUF_INIT;
  int rc = 0;

  *too_long = 0;
  if (sofar != NULL && sofar[0] != '\0') {
    rc = buf_puts(&all, sofar);
    if (rc == 0)
      rc = buf_append(&all, "\n", 1);
  }
  if (rc == 0)
    rc = buf_puts(&all, part);
  if (rc == 0 && all.len > (size_t)t->cv->vd.kronologi_max_chars)
    *too_long = 1;
  else if (rc == 0)
    draft_set_str(t, "kronologi", all.data);
  buf_free(&all);
  return rc;
}

/* The story is too long for the last part: say so. */
static int
story_too_long(struct turn *t)
{
  struct catalog_var var;
  char max[16];

  snprintf(max, sizeof(max), "%d", t->cv->vd.kronologi_max_chars);
  var.name = "max_chars";
  var.value = max;
  return invalid(t, "invalid.kronologi.long", &var, 1, "kronologi_long");
}

/* A part in capitals held back earlier, now insisted on with LANJUT: it
 * joins the story and rule 2 counts as asked. */
static int
story_take_caps(struct turn *t)
{
  const char *caps = draft_str(t, KRONOLOGI_CAPS);
  int too_long = 0, rc;

  if (caps == NULL)
    return 0;
  rc = story_append(t, caps, &too_long);
  draft_del(t, KRONOLOGI_CAPS);
  if (rc == 0 && !too_long)
    draft_set_int(t, "bahasa_diingatkan", 1);
  return rc;
}

static int
on_kronologi(struct turn *t, const char *text, enum command cmd)
{
  const char *sofar = draft_str(t, "kronologi");
  struct verdict v;
  int rc, too_long;

  if (cmd == CMD_LANJUT || cmd == CMD_KIRIM || cmd == CMD_LEWATI) {
    rc = story_take_caps(t);
    if (rc != 0)
      return rc;
    sofar = draft_str(t, "kronologi");
    rc = validate_field(&t->cv->vd, FIELD_KRONOLOGI, sofar ? sofar : "",
                        t->ev->now_ms, &v);
    if (rc != 0)
      return rc;
    /* Rule 2 asks once; the reporter may insist with LANJUT. */
    if (!v.ok && v.soft && draft_int(t, "bahasa_diingatkan")) {
      log_info("event=report.insisted session=%lld reason=%s",
               (long long)t->sess.id, v.code);
      v.ok = 1;
    }
    if (!v.ok) {
      if (v.soft)
        draft_set_int(t, "bahasa_diingatkan", 1);
      return invalid(t, v.reason, v.vars, v.nvars, v.code);
    }
    speech_marks_keep(t, "kronologi", v.marks);
    return advance(t, STEP_BUKTI);
  }
  /* Each part is checked for abuse as it comes, so the reporter knows
   * which message to write again. */
  rc = validate_field(&t->cv->vd, FIELD_TEXT, text, t->ev->now_ms, &v);
  if (rc != 0)
    return rc;
  if (!v.ok)
    return invalid(t, v.reason, v.vars, v.nvars, v.code);
  if (text[0] == '\0')
    return invalid(t, "help.kronologi", NULL, 0, "kronologi_empty");
  /* "UBAH 2" asks for the summary's edit before there is a summary. */
  if (not_story(text) || (cmd == CMD_UBAH && choice(t->arg, 9) != 0))
    return say_not_story(t);
  /* Rule 2's capitals, pointed out as the part arrives (a rewrite
   * replaces it; LANJUT keeps it). */
  draft_del(t, KRONOLOGI_CAPS);
  if (t->cv->quality != NULL && !draft_int(t, "bahasa_diingatkan") &&
      quality_language(t->cv->quality, text, t->cv->vd.language_ratio,
                       NULL) == QUALITY_ALL_CAPS) {
    draft_set_str(t, KRONOLOGI_CAPS, text);
    return invalid(t, "invalid.kronologi.caps", NULL, 0, "all_caps");
  }
  rc = story_append(t, text, &too_long);
  if (rc != 0)
    return rc;
  if (too_long)
    return story_too_long(t);
  t->sess.invalid_count = 0;
  if (!draft_int(t, ADD_OFFERED)) {
    int done;
    rc = offer_addition(t, text, STEP_KRONOLOGI, &done);
    if (rc != 0 || done)
      return rc;
  }
  return say_story_so_far(t);
}

/* Evidence mime types accepted; anything else is refused politely. */
static int
mime_ok(const char *mime)
{
  static const char *const prefixes[] = {
    "image/", "audio/", "video/", "application/pdf",
    "application/msword", "application/vnd.openxmlformats-officedocument.",
    "application/vnd.ms-excel", "text/plain",
  };
  size_t i;

  if (mime == NULL)
    return 0;
  for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
    if (strncasecmp(mime, prefixes[i], strlen(prefixes[i])) == 0)
      return 1;
  return 0;
}

/* Record a media message as evidence of the draft. */
static int
keep_evidence(struct turn *t, int *count)
{
  const struct inbound_msg *m = t->ev->msg;
  struct store_evidence e = {0};
  int rc;

  e.session_id = t->sess.id;
  e.inbound_id = t->ev->inbound_id;
  e.mime = m->media_mime;
  e.source_url = m->media_url ? m->media_url : m->media_id;
  e.received_at = t->ev->now_ms;
  rc = store_evidence_add(t->st, &e, NULL);
  if (rc == 0)
    rc = store_evidence_count(t->st, t->sess.id, count);
  return rc;
}

static int
on_bukti(struct turn *t, enum command cmd)
{
  const struct inbound_msg *m = t->ev->msg;
  struct catalog_var var;
  char count[16];
  int n = 0, rc;

  /* KIRIM here: the reporter has sent what they had. */
  if (cmd == CMD_LANJUT || cmd == CMD_LEWATI || cmd == CMD_KIRIM)
    return advance(t, STEP_IDENTITAS);
  if (m->kind != MSG_MEDIA)
    return invalid(t, "help.bukti", NULL, 0, "bukti_not_media");
  if (!mime_ok(m->media_mime))
    return invalid(t, "invalid.bukti.type", NULL, 0, "bukti_type");
  rc = keep_evidence(t, &n);
  if (rc != 0)
    return rc;
  snprintf(count, sizeof(count), "%d", n);
  var.name = "count";
  var.value = count;
  t->sess.invalid_count = 0;
  return say(t, "bukti.received", &var, 1);
}

static int
on_identitas(struct turn *t, const char *text)
{
  int c = choice(text, 3);

  if (c == 0) {
    if (strcasecmp(text, "NAMA") == 0)
      c = 1;
    else if (strcasecmp(text, "RAHASIA") == 0)
      c = 2;
    else if (strcasecmp(text, "ANONIM") == 0 ||
             strcasecmp(text, "ANONYMOUS") == 0)
      c = 3;
  }
  switch (c) {
  case 1:
    draft_set_str(t, "identitas", "nama");
    return enter(t, STEP_NAMA);
  case 2:
    draft_set_str(t, "identitas", "rahasia");
    return enter(t, STEP_NAMA);
  case 3:
    draft_set_str(t, "identitas", "anonim");
    draft_del(t, "nama");
    return enter(t, STEP_KONFIRMASI);
  default:
    return invalid(t, "invalid.identitas", NULL, 0, "identitas_choice");
  }
}

static int
on_konfirmasi(struct turn *t, enum command cmd)
{
  static const enum step field_steps[] = {
    STEP_MENU, STEP_KATEGORI, STEP_TERLAPOR, STEP_LOKASI, STEP_WAKTU,
    STEP_KRONOLOGI, STEP_BUKTI, STEP_IDENTITAS,
  };
  int n;

  if (cmd == CMD_KIRIM)
    return file_ticket(t, 1);
  if (cmd == CMD_UBAH) {
    n = choice(t->arg, FIELD_IDENTITAS);
    if (n == 0)
      return invalid(t, "invalid.konfirmasi", NULL, 0, "ubah_field");
    draft_set_int(t, "edit", 1);
    if (field_steps[n] == STEP_KRONOLOGI)
      draft_del(t, "kronologi");
    return enter(t, field_steps[n]);
  }
  return invalid(t, "invalid.konfirmasi", NULL, 0, "konfirmasi_choice");
}

/* KEMBALI: the step before this one (the summary while correcting). */
static int
go_back(struct turn *t)
{
  enum step to;

  if (t->step == STEP_MENU)
    return say0(t, "back.none");
  to = draft_int(t, "edit") ? STEP_KONFIRMASI : steps[t->step].back;
  if (t->step == STEP_KONFIRMASI)
    to = (draft_str(t, "identitas") != NULL &&
          strcmp(draft_str(t, "identitas"), "anonim") != 0)
           ? STEP_NAMA : STEP_IDENTITAS;
  if (to == STEP_MENU)
    draft_reset(t);
  if (to == STEP_KRONOLOGI)
    draft_del(t, "kronologi");
  return enter(t, to);
}

/* A message of a kind the gateway does not read (sticker, reaction...). */
static int
on_unsupported(struct turn *t)
{
  return say0(t, "unsupported");
}

/* ---- The turn -------------------------------------------------------- */

/* A caption that came with early media: the start, or the next part, of
 * the story (abuse checked as every part is; an empty caption or one
 * that would make the story too long is left in the inbound record). */
static int
keep_caption(struct turn *t)
{
  const char *cap = t->ev->msg->text;
  struct verdict v;
  int too_long, rc;

  if (cap == NULL || validate_count_words(cap) == 0)
    return 0;
  rc = validate_field(&t->cv->vd, FIELD_TEXT, cap, t->ev->now_ms, &v);
  if (rc != 0 || !v.ok)
    return rc;
  return story_append(t, cap, &too_long);
}

/*
 * SPEC 3: media sent before the evidence step is kept for the draft (so
 * downloaded at once), with its caption as part of the story, and
 * acknowledged before the question of the step is repeated.  At the menu
 * it opens a draft, as a story does: said so, then the first question.
 * A type not taken is not kept, and opens nothing.
 */
static int
early_media(struct turn *t)
{
  struct catalog_var var;
  char count[16];
  int n = 0, rc, keep = mime_ok(t->ev->msg->media_mime) &&
                        (t->step == STEP_MENU || t->step >= STEP_KATEGORI);

  if (keep && t->step == STEP_MENU)
    draft_reset(t);
  if (keep) {
    rc = keep_evidence(t, &n);
    if (rc == 0)
      rc = keep_caption(t);
    if (rc != 0)
      return rc;
  }
  if (keep && t->step == STEP_MENU) {
    log_info("event=report.story session=%lld words=%d",
             (long long)t->sess.id,
             validate_count_words(draft_str(t, "kronologi") ?
                                  draft_str(t, "kronologi") : ""));
    rc = say0(t, "bukti.started");
    return rc != 0 ? rc : enter(t, STEP_KATEGORI);
  }
  if (keep) {
    /* One reply: the question again, the acknowledgement under it. */
    snprintf(count, sizeof(count), "%d", n);
    var.name = "count";
    var.value = count;
    rc = catalog_render(t->cv->cat, "bukti.kept", t->sms, &var, 1,
                        &t->appendix);
    if (rc != 0)
      return rc;
  }
  if (t->step == STEP_KONFIRMASI || t->step == STEP_DUPLIKAT ||
      t->step == STEP_KRONOLOGI)
    return ask_step(t);
  return say0(t, steps[t->step].ask);
}

/* The name step: free text only, checked as a name. */
static int
on_nama(struct turn *t, const char *text, enum command cmd)
{
  struct verdict v;
  int rc;

  if (cmd != CMD_NONE)
    return invalid(t, "invalid.nama", NULL, 0, "nama_command");
  rc = validate_field(&t->cv->vd, FIELD_NAMA, text, t->ev->now_ms, &v);
  if (rc != 0)
    return rc;
  if (!v.ok)
    return invalid(t, v.reason, v.vars, v.nvars, v.code);
  draft_set_str(t, "nama", text);
  return enter(t, STEP_KONFIRMASI);
}

/* Drop the draft and its evidence: back at the menu. */
static int
drop_draft(struct turn *t)
{
  int rc = store_evidence_drop(t->st, t->sess.id);

  if (rc == 0) {
    draft_reset(t);
    conv_set_step(t, STEP_MENU);
  }
  return rc;
}

/*
 * The commands that work at every step (batal, menu, bantuan, kembali,
 * status): *done is set when cmd was one of them and has been answered.
 */
static int
on_command(struct turn *t, enum command cmd, int *done)
{
  int rc;

  *done = 1;
  switch (cmd) {
  case CMD_BATAL:
    rc = drop_draft(t);
    if (rc != 0)
      return rc;
    log_info("event=report.cancelled session=%lld", (long long)t->sess.id);
    return say0(t, "cancelled");
  case CMD_MENU:
    rc = drop_draft(t);
    return rc != 0 ? rc : say0(t, "menu");
  case CMD_BANTUAN:
    return say0(t, steps[t->step].help);
  case CMD_KEMBALI:
    return go_back(t);
  case CMD_STATUS:
    if (t->arg[0] == '\0')
      return enter(t, STEP_STATUS);
    /* A sentence that starts with "status" is not a status check unless
     * what follows reads as a ticket number. */
    {
      char num[TICKET_NUMBER_MAX];
      if (ticket_number_parse(t->cv->cfg->ticket.prefix, t->arg, num) != 0) {
        if (t->step == STEP_KRONOLOGI)
          break;
        /* "Status laporan saya bagaimana?": no number to read, so the
         * reporter's own tickets. */
        if (validate_count_words(t->arg) > 1 || !has_digit(t->arg))
          return say_mine(t);
      }
    }
    rc = status_check(t, t->arg);
    if (rc == 0 && t->step == STEP_STATUS)
      conv_set_step(t, STEP_MENU);
    return rc;
  default:
    break;
  }
  *done = 0;
  return 0;
}

/* The draft key that remembers a word ending a step was sent where the
 * time was asked. */
#define WAKTU_DONE "waktu_kata_selesai"

/* The answer to text (or cmd) at the session's step. */
static int
on_step(struct turn *t, const char *text, enum command cmd, int fresh)
{
  int rc;

  switch (t->step) {
  case STEP_MENU:
    return on_menu(t, text, fresh);
  case STEP_STATUS:
    rc = status_check(t, text);
    if (rc == 0)
      conv_set_step(t, STEP_MENU);
    return rc;
  case STEP_KATEGORI:
    /* "mau lapor" here: they are reporting already; the question again. */
    if (wants_to_report(t, text) && !step_takes(t, text))
      return ask_step(t);
    return on_field(t, FIELD_KATEGORI, text, "kategori", STEP_TERLAPOR);
  case STEP_TERLAPOR:
    return on_field(t, FIELD_TERLAPOR, text, "terlapor", STEP_LOKASI);
  case STEP_LOKASI:
    return on_lokasi(t, text);
  case STEP_WAKTU:
    /* "Skip" at the time question: the reporter does not know when.
     * Another word that ends a step (LANJUT, su) is no answer the first
     * time (the question comes again); the second time it means the same
     * as skip, so that the question never comes round a third time. */
    cmd = done_word(text);
    if (cmd == CMD_LEWATI || (cmd != CMD_NONE && draft_int(t, WAKTU_DONE)))
      text = "tidak tahu";
    else if (cmd != CMD_NONE)
      draft_set_int(t, WAKTU_DONE, 1);
    return on_field(t, FIELD_WAKTU, text, "waktu", STEP_KRONOLOGI);
  case STEP_KRONOLOGI:
    return on_kronologi(t, text, cmd);
  case STEP_BUKTI:
    return on_bukti(t, cmd);
  case STEP_IDENTITAS:
    return on_identitas(t, text);
  case STEP_NAMA:
    return on_nama(t, text, cmd);
  case STEP_KONFIRMASI:
    return on_konfirmasi(t, cmd);
  case STEP_DUPLIKAT:
    if (cmd == CMD_NONE) {
      int done;

      rc = duplikat_words(t, text, &done);
      if (rc != 0 || done)
        return rc;
    }
    return on_duplikat(t, cmd);
  default:
    conv_set_step(t, STEP_MENU);
    return say0(t, "menu");
  }
}

/*
 * In a draft, the first free text after an operator's question or a
 * `ditunda` notice (one asked since the reporter's last turn in the
 * draft) answers that question, as at the menu: the notice said "reply to
 * this message", so the reply must not be taken for the draft's open
 * question and lost.  *done as for on_answer.
 */
static int
on_answer_in_draft(struct turn *t, const char *text, int *done)
{
  struct store_question *v = NULL;
  int64_t qid = 0, tid = 0, asked = 0;
  char number[32];
  int n = 0, i, rc;

  *done = 0;
  rc = store_question_waiting(t->st, t->ev->reporter_id, &qid, &tid, number);
  if (rc == AERR_NOTFOUND)
    return 0;
  if (rc == 0)
    rc = store_ticket_questions(t->st, tid, &v, &n);
  if (rc != 0)
    return rc;
  for (i = 0; i < n; i++)
    if (v[i].answered_at == 0 && v[i].asked_at > asked)
      asked = v[i].asked_at;
  store_questions_free(v, n);
  if (asked <= t->sess.updated_at)
    return 0;
  return on_answer(t, text, done);
}

/* This turn's text, and the command it is (text and choices only). */
static enum command
turn_command(struct turn *t, char *buf, size_t len, const char **text)
{
  const struct inbound_msg *m = t->ev->msg;

  *text = msg_text(t, buf, len);
  if (m->kind == MSG_TEXT || m->kind == MSG_CHOICE)
    return parse_command(*text, t->arg, sizeof(t->arg));
  return CMD_NONE;
}

/*
 * One message: the commands of every step first, then media and
 * locations out of their step, a question at the menu (or the first text
 * in a draft after a notice), and last the answer at the step.
 */
static int
dispatch(struct turn *t, int fresh)
{
  const struct inbound_msg *m = t->ev->msg;
  char textbuf[4096 + 1];
  const char *text;
  enum command cmd = turn_command(t, textbuf, sizeof(textbuf), &text);
  int rc, done;

  if (m->kind == MSG_UNSUPPORTED)
    return on_unsupported(t);
  if (cmd == CMD_NONE && (m->kind == MSG_TEXT || m->kind == MSG_CHOICE))
    cmd = forgiving_command(t, text);

  rc = on_command(t, cmd, &done);
  if (rc != 0 || done)
    return rc;

  if (m->kind == MSG_MEDIA && t->step != STEP_BUKTI)
    return early_media(t);
  if (m->kind == MSG_LOCATION && t->step != STEP_LOKASI)
    return early_location(t);

  /* Only free text answers: a command or a menu choice is not an answer,
   * it does what it does at the menu. */
  if (t->step == STEP_MENU && m->kind == MSG_TEXT && cmd == CMD_NONE &&
      choice(text, 3) == 0) {
    rc = on_answer(t, text, &done);
    if (rc != 0 || done)
      return rc;
  }
  if (t->step != STEP_MENU && m->kind == MSG_TEXT && cmd == CMD_NONE &&
      choice(text, 9) == 0) {
    rc = on_answer_in_draft(t, text, &done);
    if (rc != 0 || done)
      return rc;
  }

  return on_step(t, text, cmd, fresh);
}

/* ---- A draft left idle --------------------------------------------- */

/* The message of this turn, kept in the draft until the reporter says
 * whether to continue the held draft. */
static struct json_object *
held_new(const struct turn *t)
{
  const struct inbound_msg *m = t->ev->msg;
  struct json_object *o = json_object_new_object();

  json_object_object_add(o, "kind", json_object_new_int((int)m->kind));
  if (m->text != NULL)
    json_object_object_add(o, "text", json_object_new_string(m->text));
  if (m->kind == MSG_LOCATION) {
    json_object_object_add(o, "lat", json_object_new_double(m->lat));
    json_object_object_add(o, "lng", json_object_new_double(m->lng));
  }
  if (m->media_url != NULL)
    json_object_object_add(o, "url", json_object_new_string(m->media_url));
  if (m->media_id != NULL)
    json_object_object_add(o, "id", json_object_new_string(m->media_id));
  if (m->media_mime != NULL)
    json_object_object_add(o, "mime",
                           json_object_new_string(m->media_mime));
  return o;
}

/* A copy of a kept string for an inbound_msg (NULL stays NULL). */
static char *
held_dup(struct json_object *o, const char *key, int *oom)
{
  const char *v = json_str(o, key);
  char *c = v != NULL ? strdup(v) : NULL;

  if (v != NULL && c == NULL)
    *oom = 1;
  return c;
}

/* Handle the kept message o at the current step as if it came now (fresh:
 * an unknown reply at the menu gets the menu, not "not understood"). */
static int
replay(struct turn *t, struct json_object *o, int fresh)
{
  const struct conv_event *was = t->ev;
  struct conv_event ev = *was;
  struct inbound_msg m;
  struct json_object *v;
  char id[] = "held";
  int oom = 0, rc = -ENOMEM;

  memset(&m, 0, sizeof(m));
  m.provider_id = id;
  m.kind = json_object_object_get_ex(o, "kind", &v)
             ? (enum msg_kind)json_object_get_int(v) : MSG_TEXT;
  if (json_object_object_get_ex(o, "lat", &v))
    m.lat = json_object_get_double(v);
  if (json_object_object_get_ex(o, "lng", &v))
    m.lng = json_object_get_double(v);
  m.text = held_dup(o, "text", &oom);
  m.media_url = held_dup(o, "url", &oom);
  m.media_id = held_dup(o, "id", &oom);
  m.media_mime = held_dup(o, "mime", &oom);
  if (!oom) {
    ev.msg = &m;
    t->ev = &ev;
    rc = dispatch(t, fresh);
    t->ev = was;
  }
  free(m.text);
  free(m.media_url);
  free(m.media_id);
  free(m.media_mime);
  return rc;
}

/*
 * The reporter comes back to a draft idle past draft_ttl: the draft is
 * held at its step, the message kept in it, and the reporter shown the
 * open question and asked to continue or start afresh.  LANJUTKAN, BATAL
 * and MENU need no asking.
 */
static int
remind(struct turn *t)
{
  char buf[4096 + 1];
  const char *text;
  enum command cmd = turn_command(t, buf, sizeof(buf), &text);
  int rc;

  if (cmd == CMD_LANJUT) {
    log_info("event=report.resumed session=%lld step=%s",
             (long long)t->sess.id, steps[t->step].name);
    return ask_step(t);
  }
  if (cmd == CMD_BATAL || cmd == CMD_MENU)
    return dispatch(t, 0);
  json_object_object_add(t->draft, "tertunda", held_new(t));
  log_info("event=report.held session=%lld step=%s", (long long)t->sess.id,
           steps[t->step].name);
  rc = ask_step(t);
  return rc != 0 ? rc : say0(t, "draft.reminder");
}

/* 1 when text is just word (any case, punctuation around it). */
static int
just_word(const char *text, const char *word)
{
  size_t n = strlen(word);

  while (*text != '\0' && !isalnum((unsigned char)*text))
    text++;
  if (strncasecmp(text, word, n) != 0)
    return 0;
  for (text += n; *text != '\0'; text++)
    if (isalnum((unsigned char)*text))
      return 0;
  return 1;
}

/*
 * The answer to the reminder.  LANJUTKAN (LANJUT, SELESAI): the kept message
 * answers the open question.  Anything else starts afresh: the kept
 * message opens the new draft if it reads like a report (with BARU, it is
 * handled as a new message whatever it is), and the reply, unless it was
 * BARU, is handled as a new message after it.  Nothing is dropped.
 */
static int
on_reminded(struct turn *t)
{
  struct json_object *held = NULL;
  char buf[4096 + 1];
  const char *text, *htext;
  enum command cmd = turn_command(t, buf, sizeof(buf), &text);
  int baru, kept = 0, rc;

  json_object_object_get_ex(t->draft, "tertunda", &held);
  json_object_get(held);
  draft_del(t, "tertunda");
  if (cmd == CMD_LANJUT) {
    log_info("event=report.resumed session=%lld step=%s",
             (long long)t->sess.id, steps[t->step].name);
    rc = replay(t, held, 0);
    json_object_put(held);
    return rc;
  }
  log_info("event=report.restarted session=%lld step=%s",
           (long long)t->sess.id, steps[t->step].name);
  baru = cmd == CMD_NONE && just_word(text, "BARU");
  htext = json_str(held, "text");
  rc = drop_draft(t);
  if (rc == 0 && htext != NULL && reads_like_report(t, htext) &&
      parse_command(htext, t->arg, sizeof(t->arg)) == CMD_NONE) {
    rc = start_story(t, htext);
    kept = 1;
  } else if (rc == 0 && baru) {
    rc = replay(t, held, 1);
    kept = 1;
  }
  json_object_put(held);
  if (rc != 0 || baru)
    return rc;
  /* The reply itself, as a new message. */
  return dispatch(t, !kept);
}

/* Past draft_ttl + draft_keep the draft is gone: say so, then handle the
 * message as a new one. */
static int
draft_gone(struct turn *t)
{
  int rc;

  log_info("event=report.expired session=%lld step=%s",
           (long long)t->sess.id, steps[t->step].name);
  rc = drop_draft(t);
  if (rc == 0)
    rc = say0(t, "expired");
  return rc != 0 ? rc : dispatch(t, 1);
}

int
conv_notice(struct conv *cv, struct store *st, const struct conv_event *ev,
            const char *key)
{
  struct turn t;

  memset(&t, 0, sizeof(t));
  t.cv = cv;
  t.st = st;
  t.ev = ev;
  t.sms = strcmp(ev->family, "sms") == 0;
  return say0(&t, key);
}

int
conv_notify(struct conv *cv, struct store *st, const struct conv_notice *n)
{
  struct store_outbox o = {0};
  struct buf text = BUF_INIT, label = BUF_INIT;
  struct catalog_var vars[4];
  char key[40];
  int rc, sms;

  sms = strcmp(n->family, "sms") == 0;
  vars[0].name = "ticket";
  vars[0].value = n->ticket;
  if (n->question != NULL) {
    vars[1].name = "question";
    vars[1].value = n->question;
    rc = catalog_render(cv->cat, "ask.operator", sms, vars, 2, &text);
  } else {
    vars[1].name = "status";
    vars[1].value = status_label(cv->cat, sms, n->status, &label);
    vars[2].name = "note";
    vars[2].value = n->note ? n->note : "";
    vars[3].name = "agency";
    vars[3].value = n->agency ? n->agency : "";
    snprintf(key, sizeof(key), "notify.%s", n->status);
    rc = catalog_render(cv->cat, key, sms, vars, 4, &text);
  }
  if (rc == 0 && sms)
    rc = sms_safe(&text);
  if (rc == 0) {
    trim_lines(&text);
    o.channel = n->channel;
    o.reporter_id = n->reporter_id;
    o.ticket_id = n->ticket_id;
    o.kind = "text";
    o.body = text.data ? text.data : "";
    /* An inline channel has no request to answer: the notice is kept as
     * delivered into the record. */
    o.status = n->inline_replies ? "sent" : "queued";
    o.created_at = n->now_ms;
    rc = store_outbox_add(st, &o, NULL);
  }
  buf_free(&text);
  buf_free(&label);
  return rc;
}

int
conv_handle(struct conv *cv, struct store *st, const struct conv_event *ev)
{
  struct turn t;
  int rc, fresh = 0, idle;

  memset(&t, 0, sizeof(t));
  t.cv = cv;
  t.st = st;
  t.ev = ev;
  t.sms = strcmp(ev->family, "sms") == 0;

  rc = store_session_get(st, ev->reporter_id, ev->family, &t.sess);
  if (rc == AERR_NOTFOUND) {
    fresh = 1;
    t.sess.reporter_id = ev->reporter_id;
    t.sess.family = strdup(ev->family);
    t.sess.step = strdup(steps[STEP_MENU].name);
    t.sess.draft = strdup("{}");
    if (t.sess.family == NULL || t.sess.step == NULL ||
        t.sess.draft == NULL) {
      store_session_clear(&t.sess);
      return -ENOMEM;
    }
    /* Saved first, so evidence can refer to the session's id. */
    t.sess.channel = strdup(ev->channel);
    t.sess.updated_at = ev->now_ms;
    rc = t.sess.channel ? store_session_put(st, &t.sess) : -ENOMEM;
  }
  if (rc != 0) {
    store_session_clear(&t.sess);
    return rc;
  }
  t.step = step_parse(t.sess.step);
  t.draft = draft_take(cv, &t.sess);
  if (t.draft == NULL)
    t.draft = draft_parse(cv, t.sess.draft);
  if (t.draft == NULL) {
    store_session_clear(&t.sess);
    return -ENOMEM;
  }

  /* A draft idle past draft_ttl is held for draft_keep more. */
  idle = !fresh && t.step != STEP_MENU && t.sess.expires_at != 0 &&
         ev->now_ms > t.sess.expires_at;
  if (idle && ev->now_ms - t.sess.expires_at >
                (int64_t)cv->cfg->conversation.draft_keep_ms)
    rc = draft_gone(&t);
  else if (t.step != STEP_MENU &&
           json_object_object_get_ex(t.draft, "tertunda", NULL))
    rc = on_reminded(&t);
  else if (idle)
    rc = remind(&t);
  else
    rc = dispatch(&t, fresh);

  if (rc == 0) {
    free(t.sess.step);
    free(t.sess.draft);
    free(t.sess.channel);
    t.sess.step = strdup(steps[t.step].name);
    t.sess.draft = strdup(json_object_to_json_string_ext(
      t.draft, JSON_C_TO_STRING_PLAIN));
    t.sess.channel = strdup(ev->channel);
    t.sess.updated_at = ev->now_ms;
    t.sess.expires_at = ev->now_ms + (int64_t)cv->cfg->conversation.draft_ttl_ms;
    if (t.sess.step == NULL || t.sess.draft == NULL || t.sess.channel == NULL)
      rc = -ENOMEM;
    else
      rc = store_session_put(st, &t.sess);
  }
  if (rc == 0)
    draft_keep(cv, &t.sess, t.draft);
  else
    json_object_put(t.draft);
  buf_free(&t.appendix);
  store_session_clear(&t.sess);
  return rc;
}
