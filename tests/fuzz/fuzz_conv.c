/*
 * fuzz_conv.c: the conversation engine on fuzzed sequences of events.
 *
 * One store (SQLite in the process's temporary folder) and one engine
 * (the shipped catalogue and word lists of config/) serve the whole run.
 * Each input is read as a sequence of at most FV_MAX_EVENTS events; each
 * event is handled as webhook.c handles a message: reporter, inbound row
 * and conv_handle() inside a savepoint of the open batch (operator status
 * changes and questions as admin.c makes them).  The whole input is one batch that is
 * rolled back at the end, and the tickets it filed are taken out of the
 * engine's duplicate index, so that every input starts from the same empty
 * database and a crash found once is found again from its input alone.
 *
 * One event is a byte E and its arguments:
 *   E & 3         who: 0 reporter A on the dev channel, 1 B on SMS, 2 C on
 *                 WhatsApp, 3 A again on SMS (another family)
 *   (E >> 2) & 7  what:
 *                 0-2  a text from fv_phrases (next byte: which)
 *                 3    raw text: next byte L, then L bytes (made valid
 *                      UTF-8 without NUL, as every adapter hands it over)
 *                 4    a location (next byte: which of fv_places)
 *                 5    a medium (next byte: which of fv_mimes)
 *                 6    an interactive choice (next byte: a phrase)
 *                 7    next byte S: odd, a sticker (unsupported);
 *                      S % 4 == 0, the operator moves the newest ticket
 *                      to status (S >> 2) % 6; S % 4 == 2, the operator
 *                      asks the newest ticket's reporter a question
 *   E >> 5        how long after the previous event (fv_steps)
 *
 * Checked after each event: conv_handle() returns 0; the reporter's
 * session is at one of the engine's steps with a JSON object as its
 * draft; the message got at least one reply, and every reply is
 * non-empty, valid UTF-8.
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/conv.h"
#include "base/diag.h"
#include "base/err.h"
#include "fuzzutil.h"
#include "store/store.h"
#include "rules/ticket.h"
#include "base/utf8.h"

#define FV_MAX_EVENTS 64
#define FV_START_MS 1773540000000LL   /* 15-03-2026 10.00 WITA */

struct fv_who {
  const char *phone;
  const char *channel;
  const char *family;
  int inline_replies;
};

static const struct fv_who fv_who[4] = {
  {"+6281234567890", "dev", "dev", 1},
  {"+6285237000001", "sms", "sms", 0},
  {"+6281300000002", "wa", "whatsapp", 0},
  {"+6281234567890", "sms", "sms", 0},
};

/* Answers and commands of every step, a few ways each. */
static const char *const fv_phrases[] = {
  "Halo", "1", "2", "3", "4", "7", "8", "0", "pungli", "gratifikasi",
  "korupsi", "KIRIM", "kirim", "TAMBAH", "tambha", "BARU", "BATAL", "MENU", "BANTUAN", "KEMBALI",
  "LANJUT", "LEWATI", "UBAH 1", "UBAH 2", "UBAH 3", "UBAH 4", "UBAH 5",
  "UBAH 6", "UBAH 7", "UBAH 9", "UBAH", "ubah dua", "STATUS", "STATUS 1",
  "STATUS NTT-2026-00001", "CEK ntt 2026 2", "cek 2026-1", "kemarin",
  "hari ini", "12 Maret 2026", "12/03/2026", "Maret 2026", "2 hari lalu",
  "minggu lalu", "tidak tahu", "besok", "12 Maret 2019", "Kota Kupang",
  "TTS", "kab kupang", "Ende", "Labuan Bajo", "Jakarta", "Kupang",
  "Kepala Seksi Perizinan Dinas PMPTSP", "Pak Camat", "123",
  "Petugas loket meminta uang dua ratus ribu rupiah agar izin usaha saya "
  "cepat diproses tanpa kuitansi",
  "Saya diminta membayar lima ratus ribu rupiah oleh oknum petugas di "
  "kantor kecamatan untuk mengurus surat keterangan usaha, padahal "
  "layanan itu gratis menurut papan pengumuman di kantor tersebut.",
  /* Multi-byte characters all along, so that wherever a summary cuts
   * the text it may fall inside one. */
  "Petugas \xe2\x80\x9cloket\xe2\x80\x9d meminta uang \xe2\x80\x94 dua "
  "ratus ribu rupiah \xe2\x80\x94 agar izin usaha saya cepat diproses "
  "tanpa kuitansi \xf0\x9f\x99\x8f caf\xc3\xa9 \xe2\x80\xa6 \xc3\xa9"
  "\xc3\xa9\xc3\xa9 \xf0\x9f\x98\xa1\xf0\x9f\x98\xa1 selesai",
  "Oknum \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9 di kantor camat meminta "
  "\xe2\x80\x9cuang rokok\xe2\x80\x9d dari warga yang mengurus KTP "
  "\xe2\x80\xa6\xe2\x80\xa6\xe2\x80\xa6\xe2\x80\xa6 dan kami takut "
  "melapor \xf0\x9f\x99\x8f\xf0\x9f\x99\x8f\xf0\x9f\x99\x8f",
  "PETUGAS MEMINTA UANG TANPA KUITANSI DI KANTOR DINAS SETIAP HARI",
  "The officer asked me for money to process my permit quickly today",
  "dasar babi pak camat itu tidak mau melayani warga dengan baik sama "
  "sekali", "Budi Santoso", "RAHASIA", "ANONIM", "nama saya Ani", "",
  "   ", "\xf0\x9f\x99\x8f\xf0\x9f\x99\x8f", "Laporan \xe2\x80\x9cpenting\xe2"
  "\x80\x9d \xc3\xa9\xc3\xa9 ok",
};
#define FV_NPHRASES (sizeof(fv_phrases) / sizeof(fv_phrases[0]))

static const double fv_places[][2] = {
  {-10.1772, 123.607}, {-8.6574, 120.4478}, {0.0, 0.0}, {-6.2, 106.8},
  {90.0, 180.0}, {-90.0, -180.0},
};
#define FV_NPLACES (sizeof(fv_places) / sizeof(fv_places[0]))

static const char *const fv_mimes[] = {
  "image/jpeg", "application/pdf", "audio/ogg", "video/mp4",
  "application/x-msdownload", "text/plain", NULL,
};
#define FV_NMIMES (sizeof(fv_mimes) / sizeof(fv_mimes[0]))

static const int64_t fv_steps[8] = {
  1000, 20 * 1000, 5 * 60 * 1000, 3600 * 1000, 7 * 3600 * 1000,
  25 * 3600 * 1000LL, 3 * 86400 * 1000LL, 200 * 86400 * 1000LL,
};

static const char *const fv_step_names[] = {
  "menu", "status", "kategori", "terlapor", "lokasi", "waktu", "kronologi",
  "bukti", "identitas", "nama", "konfirmasi", "duplikat",
};

/* The engine's world, set up once. */
struct fv_world {
  struct config *cfg;
  struct store *st;
  struct conv *cv;
};

static struct fv_world fv;

/* Replace the string *field of the config with a copy of value. */
static void
fv_set(char **field, const char *value)
{
  free(*field);
  *field = strdup(value);
  FZ_CHECK(*field != NULL);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  struct store_opts so;
  struct diag d;
  char err[256];
  char *db;

  (void)argc;
  (void)argv;
  fz_init();
  FZ_CHECK(config_defaults(&fv.cfg) == 0);
  fv_set(&fv.cfg->conversation.catalog,
         ADUAN_SOURCE_DIR "/config/messages.id.conf");
  fv_set(&fv.cfg->conversation.places, ADUAN_SOURCE_DIR "/config/wilayah.txt");
  fv_set(&fv.cfg->conversation.lexicon, ADUAN_SOURCE_DIR "/config/lexicon.txt");
  fv_set(&fv.cfg->conversation.allowlist,
         ADUAN_SOURCE_DIR "/config/allowlist.txt");
  fv_set(&fv.cfg->conversation.stopwords,
         ADUAN_SOURCE_DIR "/config/stopwords.id.txt");
  fv_set(&fv.cfg->ticket.holidays, ADUAN_SOURCE_DIR "/config/holidays.txt");
  diag_init(&d);
  FZ_CHECK(conv_new(&fv.cv, fv.cfg, &d) == 0);
  diag_free(&d);
  db = fz_path("conv.db");
  memset(&so, 0, sizeof(so));
  so.path = db;
  FZ_CHECK(store_open(&fv.st, &so, err, sizeof(err)) == 0);
  free(db);
  return 0;
}

/* The family of a channel of fv_who. */
static const char *
fv_family(const char *channel)
{
  size_t i;

  for (i = 0; i < sizeof(fv_who) / sizeof(fv_who[0]); i++)
    if (strcmp(fv_who[i].channel, channel) == 0)
      return fv_who[i].family;
  return "dev";
}

/* What an operator does: move the newest ticket to status to, or (ask
 * set) ask its reporter a question, as the admin API does.  A move the
 * lifecycle forbids, or a question about a closed ticket, is refused there
 * and skipped here. */
static void
fv_operator(int to, int64_t now, int ask)
{
  struct store_ticket_filter f;
  struct store_ticket_list l;
  struct conv_notice n;
  const struct store_ticket *t = NULL;
  int i, from, rc;

  memset(&f, 0, sizeof(f));
  FZ_CHECK(store_ticket_list(fv.st, &f, &l) == 0);
  for (i = 0; i < l.n; i++)
    if (t == NULL || l.v[i].id > t->id)
      t = &l.v[i];
  from = t != NULL ? ticket_status_parse(t->status) : -1;
  if (from < 0 ||
      (ask && ticket_status_closed((enum ticket_status)from)) ||
      (!ask && (from == to ||
                !ticket_transition_ok((enum ticket_status)from,
                                      (enum ticket_status)to)))) {
    store_ticket_list_free(&l);
    return;
  }
  memset(&n, 0, sizeof(n));
  n.channel = t->channel;
  n.family = fv_family(t->channel);
  n.inline_replies = strcmp(n.family, "dev") == 0;
  n.reporter_id = t->reporter_id;
  n.ticket_id = t->id;
  n.ticket = t->number;
  n.now_ms = now;
  FZ_CHECK(store_sp_begin(fv.st) == 0);
  if (ask) {
    n.question = "Jam berapa {ticket} terjadi? }}";
    rc = store_question_add(fv.st, t->id, t->reporter_id, "fuzz",
                            n.question, now, NULL);
  } else {
    n.status = ticket_status_name((enum ticket_status)to);
    n.note = "Mohon lengkapi bukti {ticket} }}";
    n.agency = to == TICKET_DIPROSES ? "Inspektorat Daerah" : NULL;
    rc = store_ticket_set_status(fv.st, t->id, t->status, n.status, "fuzz",
                                 n.note, n.agency, now);
  }
  FZ_CHECK(rc == 0);
  FZ_CHECK(conv_notify(fv.cv, fv.st, &n) == 0);
  FZ_CHECK(store_sp_release(fv.st) == 0);
  if (!ask && ticket_status_closed((enum ticket_status)to))
    conv_ticket_closed(fv.cv, t->id);
  store_ticket_list_free(&l);
}

/* What the engine promises after handling inbound row inbound of who. */
static void
fv_check(const struct fv_who *who, int64_t reporter, int64_t inbound)
{
  struct store_session s;
  struct store_strings r;
  struct json_object *draft;
  size_t i, len;
  int found = 0;

  memset(&s, 0, sizeof(s));
  FZ_CHECK(store_session_get(fv.st, reporter, who->family, &s) == 0);
  for (i = 0; i < sizeof(fv_step_names) / sizeof(fv_step_names[0]); i++)
    if (strcmp(s.step, fv_step_names[i]) == 0)
      found = 1;
  FZ_CHECK(found);
  FZ_CHECK(s.invalid_count >= 0);
  draft = json_tokener_parse(s.draft);
  FZ_CHECK(draft != NULL && json_object_is_type(draft, json_type_object));
  json_object_put(draft);
  store_session_clear(&s);

  memset(&r, 0, sizeof(r));
  FZ_CHECK(store_outbox_replies(fv.st, inbound, &r) == 0);
  FZ_CHECK(r.n >= 1);
  for (i = 0; i < (size_t)r.n; i++) {
    len = strlen(r.v[i]);
    FZ_CHECK(len > 0);
    FZ_CHECK(fz_utf8_ok(r.v[i], len));
  }
  store_strings_free(&r);
}

/* The byte at *pos (0 past the end), moving on. */
static uint8_t
fv_byte(const uint8_t *data, size_t size, size_t *pos)
{
  return *pos < size ? data[(*pos)++] : 0;
}

/* Handle one message from who, as webhook.c does. */
static void
fv_message(const struct fv_who *who, struct inbound_msg *m, int64_t now,
           int seq)
{
  struct store_inbound in;
  struct conv_event ev;
  int64_t reporter = 0, inbound = 0;
  char id[32];

  snprintf(id, sizeof(id), "fz-%d", seq);
  memcpy(m->phone, who->phone, strlen(who->phone) + 1);
  m->provider_id = id;
  FZ_CHECK(store_sp_begin(fv.st) == 0);
  FZ_CHECK(store_reporter_ensure(fv.st, who->phone, now, &reporter) == 0);
  memset(&in, 0, sizeof(in));
  in.channel = who->channel;
  in.provider_id = id;
  in.reporter_id = reporter;
  in.kind = msg_kind_name(m->kind);
  in.body = m->text;
  in.payload = m->text != NULL ? m->text : "";
  in.payload_len = m->text != NULL ? strlen(m->text) : 0;
  in.received_at = now;
  FZ_CHECK(store_inbound_add(fv.st, &in, &inbound) == 0);
  memset(&ev, 0, sizeof(ev));
  ev.msg = m;
  ev.channel = who->channel;
  ev.family = who->family;
  ev.inline_replies = who->inline_replies;
  ev.reporter_id = reporter;
  ev.inbound_id = inbound;
  ev.now_ms = now;
  FZ_CHECK(conv_handle(fv.cv, fv.st, &ev) == 0);
  FZ_CHECK(store_sp_release(fv.st) == 0);
  fv_check(who, reporter, inbound);
  m->provider_id = NULL;
}

/* Take every ticket this input filed out of the duplicate index. */
static void
fv_forget_tickets(void)
{
  struct store_ticket_filter f;
  struct store_ticket_list l;
  int i;

  memset(&f, 0, sizeof(f));
  FZ_CHECK(store_ticket_list(fv.st, &f, &l) == 0);
  for (i = 0; i < l.n; i++)
    conv_ticket_closed(fv.cv, l.v[i].id);
  store_ticket_list_free(&l);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char url[] = "https://media.example.invalid/m/1";
  char media_id[] = "1234567890123456";
  char caption[] = "foto pungutan";
  char phrase[512], mime[64];
  const struct fv_who *who;
  struct inbound_msg m;
  int64_t now = FV_START_MS;
  size_t pos = 0, len;
  char *raw = NULL;
  int seq, what;
  uint8_t e, a;

  FZ_CHECK(store_batch_begin(fv.st) == 0);
  for (seq = 0; seq < FV_MAX_EVENTS && pos < size; seq++) {
    e = data[pos++];
    who = &fv_who[e & 3];
    what = (e >> 2) & 7;
    now += fv_steps[e >> 5];
    a = fv_byte(data, size, &pos);
    snprintf(phrase, sizeof(phrase), "%s", fv_phrases[a % FV_NPHRASES]);
    memset(&m, 0, sizeof(m));
    switch (what) {
    case 3:
      len = a;
      if (len > size - pos)
        len = size - pos;
      raw = utf8_sanitize((const char *)data + pos, len);
      FZ_CHECK(raw != NULL);
      pos += len;
      m.kind = MSG_TEXT;
      m.text = raw;
      break;
    case 4:
      m.kind = MSG_LOCATION;
      m.lat = fv_places[a % FV_NPLACES][0];
      m.lng = fv_places[a % FV_NPLACES][1];
      break;
    case 5:
      m.kind = MSG_MEDIA;
      if (strcmp(who->family, "whatsapp") == 0)
        m.media_id = media_id;
      else
        m.media_url = url;
      if (fv_mimes[a % FV_NMIMES] != NULL) {
        snprintf(mime, sizeof(mime), "%s", fv_mimes[a % FV_NMIMES]);
        m.media_mime = mime;
      }
      m.text = (a & 0x80) ? caption : NULL;
      break;
    case 6:
      m.kind = MSG_CHOICE;
      m.text = phrase;
      break;
    case 7:
      if ((a & 3) == 0) {
        fv_operator((a >> 2) % TICKET_STATUS_COUNT, now, 0);
        continue;
      }
      if ((a & 3) == 2) {
        fv_operator(-1, now, 1);
        continue;
      }
      m.kind = MSG_UNSUPPORTED;
      break;
    default:
      m.kind = MSG_TEXT;
      m.text = phrase;
      break;
    }
    fv_message(who, &m, now, seq);
    free(raw);
    raw = NULL;
  }
  fv_forget_tickets();
  store_batch_rollback(fv.st);
  return 0;
}
