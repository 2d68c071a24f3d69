/*
 * admin.c: the admin API on the unix socket (see admin.h).
 *
 * Reads answer at once.  A status change runs inside a savepoint of the
 * store's open batch, like a webhook, with the notice to the reporter in
 * the same transaction, and is answered after the group commit by the
 * same wait list (commit_defer).
 */
#include "ops/admin.h"

#include <ctype.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "base/clock.h"
#include "io/commit.h"
#include "conf/config.h"
#include "engine/conv.h"
#include "base/err.h"
#include "base/form.h"
#include <http_parser.h>
#include "base/log.h"
#include "base/metrics.h"
#include "provider/provider.h"
#include "service/retention.h"
#include "service/sla.h"
#include "store/store.h"
#include "service/svc.h"
#include "rules/ticket.h"
#include "base/units.h"

int
admin_parse_date(const char *s, int64_t *ms)
{
  int y, m, d, i;
  struct tm tm;
  time_t t;

  if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
    return AERR_PARSE;
  for (i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
      return AERR_PARSE;
  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
      (s[3] - '0');
  m = (s[5] - '0') * 10 + (s[6] - '0');
  d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 2000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
    return AERR_PARSE;
  memset(&tm, 0, sizeof(tm));
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  t = timegm(&tm);
  /* timegm normalises 31 February into March: refuse that. */
  if (tm.tm_mday != d || tm.tm_mon != m - 1)
    return AERR_PARSE;
  *ms = (int64_t)t * 1000 - WITA_OFFSET_MS;
  return 0;
}

/* The name of the operator behind uid, from [admin] operators, into out. */
static const char *
operator_name(const struct config *cfg, int uid, char *out, size_t len)
{
  const char *p = cfg->admin.operators;

  while (p != NULL && *p != '\0') {
    const char *eq, *end;
    while (*p == ' ' || *p == ',')
      p++;
    end = p;
    while (*end != '\0' && *end != ' ' && *end != ',')
      end++;
    eq = memchr(p, '=', (size_t)(end - p));
    if (eq != NULL && strtol(eq + 1, NULL, 10) == uid && eq > p) {
      snprintf(out, len, "%.*s (uid %d)", (int)(eq - p), p, uid);
      return out;
    }
    p = end;
  }
  snprintf(out, len, "uid:%d", uid);
  return out;
}

static void
respond_json(struct httpd_request *req, int status, struct json_object *o)
{
  const char *s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN);

  httpd_respond(req, status, "application/json", NULL, s, strlen(s));
  json_object_put(o);
}

static struct json_object *
jstr(const char *s)
{
  return s != NULL ? json_object_new_string(s) : NULL;
}

/* Answer req with o (taken) once the batch it changed is committed. */
static void
defer_json(const struct admin *s, struct httpd_request *req,
           struct json_object *o, int kick)
{
  commit_defer(s->ctx->commit, req, json_object_to_json_string_ext(
                  o, JSON_C_TO_STRING_PLAIN), kick ? COMMIT_QUEUED : 0);
  json_object_put(o);
}

/* A ticket as JSON: never the reporter's number or name. */
static struct json_object *
ticket_json(const struct store_ticket *t, const char *handle)
{
  struct json_object *o = json_object_new_object();
  char when[40];

  json_object_object_add(o, "number", jstr(t->number));
  json_object_object_add(o, "status", jstr(t->status));
  json_object_object_add(o, "category", jstr(t->category));
  json_object_object_add(o, "terlapor", jstr(t->terlapor));
  json_object_object_add(o, "lokasi", jstr(t->lokasi));
  json_object_object_add(o, "lokasi_kode", jstr(t->lokasi_kode));
  /* The finest place the lokasi matched (NULL when none). */
  json_object_object_add(o, "lokasi_tingkat", jstr(t->lokasi_tingkat));
  json_object_object_add(o, "lokasi_tempat_kode",
                         jstr(t->lokasi_tempat_kode));
  json_object_object_add(o, "lokasi_tempat", jstr(t->lokasi_tempat));
  if (t->has_location) {
    json_object_object_add(o, "lat", json_object_new_double(t->lat));
    json_object_object_add(o, "lng", json_object_new_double(t->lng));
  }
  json_object_object_add(o, "waktu", jstr(t->waktu));
  /* How the waktu was read: its date in ISO 8601 and its precision
   * ("unresolved" when kept as given). */
  json_object_object_add(o, "waktu_tanggal", jstr(t->waktu_tanggal));
  json_object_object_add(o, "waktu_presisi", jstr(t->waktu_presisi));
  /* Fields kept as the reporter gave them, for the operator to check. */
  json_object_object_add(o, "marks", jstr(t->marks));
  /* Rule 4: accounts added by its reporter and by others. */
  json_object_object_add(o, "additions", json_object_new_int(t->additions));
  json_object_object_add(o, "supports", json_object_new_int(t->supports));
  json_object_object_add(o, "kronologi", jstr(t->kronologi));
  json_object_object_add(o, "identitas", jstr(t->identitas));
  json_object_object_add(o, "agency", jstr(t->agency));
  json_object_object_add(o, "channel", jstr(t->channel));
  json_object_object_add(o, "reporter", jstr(handle));
  json_object_object_add(o, "created",
                         jstr(wita_format(t->created_at, when,
                                          sizeof(when))));
  json_object_object_add(o, "updated",
                         jstr(wita_format(t->updated_at, when,
                                          sizeof(when))));
  json_object_object_add(o, "created_ms",
                         json_object_new_int64(t->created_at));
  return o;
}

/* Fill f from the query (and *overdue from overdue=1); a reason in *why
 * on a bad value. */
static int
filter_from_query(const struct form *q, struct store_ticket_filter *f,
                  int *overdue, const char **why)
{
  const char *v;

  memset(f, 0, sizeof(*f));
  v = form_get(q, "overdue");
  *overdue = v != NULL && strcmp(v, "1") == 0;
  f->timed_only = *overdue;
  v = form_get(q, "status");
  if (v != NULL && *v != '\0') {
    if (ticket_status_parse(v) < 0) {
      *why = "unknown status";
      return AERR_PARSE;
    }
    f->status = v;
  }
  v = form_get(q, "category");
  if (v != NULL && *v != '\0')
    f->category = v;
  v = form_get(q, "kabupaten");
  if (v != NULL && *v != '\0')
    f->lokasi_kode = v;
  v = form_get(q, "since");
  if (v != NULL && *v != '\0' && admin_parse_date(v, &f->since) != 0) {
    *why = "since must be YYYY-MM-DD";
    return AERR_PARSE;
  }
  v = form_get(q, "until");
  if (v != NULL && *v != '\0') {
    if (admin_parse_date(v, &f->until) != 0) {
      *why = "until must be YYYY-MM-DD";
      return AERR_PARSE;
    }
    f->until += DAY_MS;  /* the whole day */
  }
  v = form_get(q, "open");
  f->open_only = v != NULL && strcmp(v, "1") == 0;
  v = form_get(q, "limit");
  if (v != NULL && *v != '\0')
    f->limit = (int)strtol(v, NULL, 10);
  return 0;
}

/*
 * Keep only the tickets of l that are overdue at now (l holds tickets in
 * timed statuses), at most limit of them (0: all), with their due times
 * and lateness in due and late (l->n entries each, allocated; NULL when
 * l is empty).  Returns 0 or -ENOMEM.
 */
static int
keep_overdue(const struct admin *s, struct store_ticket_list *l, int64_t now,
             int limit, int64_t **due, int **late)
{
  const struct workday_cal *cal = conv_holidays(s->conv);
  int i, j = 0;

  *due = NULL;
  *late = NULL;
  if (l->n == 0)
    return 0;
  *due = calloc((size_t)l->n, sizeof(**due));
  *late = calloc((size_t)l->n, sizeof(**late));
  if (*due == NULL || *late == NULL)
    return -ENOMEM;
  for (i = 0; i < l->n; i++) {
    int64_t d;
    int k;
    if ((limit == 0 || j < limit) &&
        sla_overdue(s->ctx->cfg, cal, l->v[i].status, l->v[i].status_since,
                    now, &d, &k)) {
      l->v[j] = l->v[i];
      l->handles[j] = l->handles[i];
      (*due)[j] = d;
      (*late)[j] = k;
      j++;
      continue;
    }
    store_ticket_clear(&l->v[i]);
    free(l->handles[i]);
  }
  l->n = j;
  return 0;
}

/* One field of a CSV row into b, RFC 4180 quoted; a leading = + - @ is
 * defused so that a spreadsheet never runs a reporter's text as a
 * formula.  NULL is an empty field. */
static void
csv_field(struct buf *b, const char *v, int last)
{
  if (v == NULL)
    v = "";
  buf_append(b, "\"", 1);
  if (*v == '=' || *v == '+' || *v == '-' || *v == '@')
    buf_append(b, "'", 1);
  for (; *v != '\0'; v++) {
    if (*v == '"')
      buf_append(b, "\"", 1);
    buf_append(b, v, 1);
  }
  buf_puts(b, last ? "\"\r\n" : "\",");
}

/* Answer req with the tickets of l as a CSV file. */
static void
answer_csv(struct httpd_request *req, const struct store_ticket_list *l)
{
  struct buf b = BUF_INIT;
  char when[40];
  int i, c;

  buf_puts(&b, "number,created,status,category,lokasi,lokasi_kode,waktu,"
               "waktu_tanggal,waktu_presisi,terlapor,kronologi,identitas,"
               "agency,additions,supports,reporter,marks,lokasi_tingkat,"
               "lokasi_tempat_kode,lokasi_tempat\r\n");
  for (i = 0; i < l->n; i++) {
    const struct store_ticket *t = &l->v[i];
    const char *cols[20];
    char adds[16], sups[16];
    cols[0] = t->number;
    cols[1] = wita_format(t->created_at, when, sizeof(when));
    cols[2] = t->status;
    cols[3] = t->category;
    cols[4] = t->lokasi;
    cols[5] = t->lokasi_kode;
    cols[6] = t->waktu;
    cols[7] = t->waktu_tanggal;
    cols[8] = t->waktu_presisi;
    cols[9] = t->terlapor;
    cols[10] = t->kronologi;
    cols[11] = t->identitas;
    cols[12] = t->agency;
    snprintf(adds, sizeof(adds), "%d", t->additions);
    snprintf(sups, sizeof(sups), "%d", t->supports);
    cols[13] = adds;
    cols[14] = sups;
    cols[15] = l->handles[i];
    cols[16] = t->marks;
    cols[17] = t->lokasi_tingkat;
    cols[18] = t->lokasi_tempat_kode;
    cols[19] = t->lokasi_tempat;
    for (c = 0; c < 20; c++)
      csv_field(&b, cols[c], c == 19);
  }
  httpd_respond(req, 200, "text/csv; charset=utf-8", NULL,
                b.data ? b.data : "", b.len);
  buf_free(&b);
}

/* Answer req with the tickets of l as JSON; with their due times and
 * lateness (due, late) when overdue. */
static void
answer_list_json(struct httpd_request *req, const struct store_ticket_list *l,
                 int overdue, const int64_t *due, const int *late)
{
  struct json_object *root = json_object_new_object();
  struct json_object *arr = json_object_new_array();
  char when[40];
  int i;

  for (i = 0; i < l->n; i++) {
    struct json_object *o = ticket_json(&l->v[i], l->handles[i]);
    if (overdue) {
      json_object_object_add(o, "in_status_since_ms",
                             json_object_new_int64(l->v[i].status_since));
      json_object_object_add(o, "due",
                             jstr(wita_format(due[i], when, sizeof(when))));
      json_object_object_add(o, "due_ms", json_object_new_int64(due[i]));
      json_object_object_add(o, "late_days", json_object_new_int(late[i]));
    }
    json_object_array_add(arr, o);
  }
  json_object_object_add(root, "tickets", arr);
  json_object_object_add(root, "count", json_object_new_int(l->n));
  respond_json(req, 200, root);
}

/*
 * The tickets the query q asks for into l (with overdue=1 only those
 * overdue, their due times and lateness in *due and *late, and *overdue
 * set).  Returns 0, or answers req (400 with the reason for a bad query,
 * else 503) and returns the error, with nothing left to free.
 */
static int
select_tickets(const struct admin *s, struct httpd_request *req,
               const struct form *q, struct store_ticket_list *l,
               int *overdue, int64_t **due, int **late)
{
  struct store_ticket_filter f;
  const char *why = "bad query";
  int rc, limit = 0;

  rc = filter_from_query(q, &f, overdue, &why);
  if (*overdue) {
    /* The limit counts overdue tickets, which the store cannot tell. */
    limit = f.limit;
    f.limit = 0;
  }
  if (rc == 0)
    rc = store_ticket_list(s->ctx->store, &f, l);
  if (rc == 0 && *overdue) {
    rc = keep_overdue(s, l, clock_now(s->ctx->clock), limit, due, late);
    if (rc != 0)
      store_ticket_list_free(l);
  }
  if (rc != 0) {
    free(*due);
    free(*late);
    *due = NULL;
    *late = NULL;
    httpd_respond_error(req, rc == AERR_PARSE ? 400 : 503,
                        rc == AERR_PARSE ? why
                        : rc == -ENOMEM ? "out of memory"
                        : "database unavailable");
  }
  return rc;
}

static void
list_tickets(const struct admin *s, struct httpd_request *req, int export_csv)
{
  struct store_ticket_list l;
  struct form q;
  int64_t *due = NULL;
  int *late = NULL;
  int overdue = 0;

  if (form_parse(&q, req->query, strlen(req->query)) != 0) {
    httpd_respond_error(req, 400, "bad query");
    return;
  }
  if (select_tickets(s, req, &q, &l, &overdue, &due, &late) == 0) {
    if (export_csv)
      answer_csv(req, &l);
    else
      answer_list_json(req, &l, overdue, due, late);
    store_ticket_list_free(&l);
  }
  form_free(&q);
  free(due);
  free(late);
}

/* A ticket with its history, as `aduanctl show` shows it. */
struct ticket_detail {
  struct store_ticket t;
  char *handle;                     /* the reporter's */
  struct store_event *ev;           /* status changes */
  struct store_evidence_item *evi;
  struct store_event *rev;          /* identity reveals */
  struct store_question *qs;
  int nev, nevi, nrev, nq;
};

static void
detail_free(struct ticket_detail *d)
{
  store_questions_free(d->qs, d->nq);
  store_events_free(d->rev, d->nrev);
  store_events_free(d->ev, d->nev);
  store_evidence_items_free(d->evi, d->nevi);
  store_ticket_clear(&d->t);
  free(d->handle);
}

/* The history of the ticket d->t into the rest of d.  Returns 0 or the
 * store's error (d to free either way). */
static int
detail_load(const struct admin *s, struct ticket_detail *d)
{
  struct store *st = s->ctx->store;
  int rc = store_reporter_handle(st, d->t.reporter_id, &d->handle);

  if (rc == 0)
    rc = store_ticket_events(st, d->t.id, &d->ev, &d->nev);
  if (rc == 0)
    rc = store_ticket_evidence(st, d->t.id, &d->evi, &d->nevi);
  if (rc == 0)
    rc = store_ticket_reveals(st, d->t.id, &d->rev, &d->nrev);
  if (rc == 0)
    rc = store_ticket_questions(st, d->t.id, &d->qs, &d->nq);
  return rc;
}

/* The ticket's additions and supporting statements, from its events (the
 * actors of SQ_ADDITIONS in store_sqlite.c). */
static void
count_additions(struct ticket_detail *d)
{
  int i;

  for (i = 0; i < d->nev; i++) {
    const char *a = d->ev[i].actor;
    if (d->ev[i].from_status != NULL || a == NULL)
      continue;
    if (strcmp(a, "tambahan") == 0)
      d->t.additions++;
    else if (strcmp(a, "dukungan") == 0 || strncmp(a, "dukungan:", 9) == 0)
      d->t.supports++;
  }
}

/* The status changes of a ticket as a JSON array. */
static struct json_object *
events_json(const struct store_event *ev, int n)
{
  struct json_object *arr = json_object_new_array();
  char when[40];
  int i;

  for (i = 0; i < n; i++) {
    struct json_object *e = json_object_new_object();
    json_object_object_add(e, "at", jstr(wita_format(ev[i].at, when,
                                                     sizeof(when))));
    json_object_object_add(e, "actor", jstr(ev[i].actor));
    json_object_object_add(e, "from", jstr(ev[i].from_status));
    json_object_object_add(e, "to", jstr(ev[i].to_status));
    json_object_object_add(e, "note", jstr(ev[i].note));
    json_object_array_add(arr, e);
  }
  return arr;
}

/* The evidence of a ticket as a JSON array. */
static struct json_object *
evidence_json(const struct store_evidence_item *evi, int n)
{
  struct json_object *arr = json_object_new_array();
  char when[40];
  int i;

  for (i = 0; i < n; i++) {
    struct json_object *e = json_object_new_object();
    json_object_object_add(e, "mime", jstr(evi[i].mime));
    json_object_object_add(e, "sha256", jstr(evi[i].sha256));
    json_object_object_add(e, "status", jstr(evi[i].status));
    json_object_object_add(e, "size", json_object_new_int64(evi[i].size));
    json_object_object_add(e, "received",
                           jstr(wita_format(evi[i].received_at, when,
                                            sizeof(when))));
    json_object_array_add(arr, e);
  }
  return arr;
}

/* Who was shown the identity behind a ticket, and why, as a JSON
 * array. */
static struct json_object *
reveals_json(const struct store_event *rev, int n)
{
  struct json_object *arr = json_object_new_array();
  char when[40];
  int i;

  for (i = 0; i < n; i++) {
    struct json_object *e = json_object_new_object();
    json_object_object_add(e, "at", jstr(wita_format(rev[i].at, when,
                                                     sizeof(when))));
    json_object_object_add(e, "actor", jstr(rev[i].actor));
    json_object_object_add(e, "reason", jstr(rev[i].note));
    json_object_array_add(arr, e);
  }
  return arr;
}

/* Operators' questions and the reporter's answers as a JSON array. */
static struct json_object *
questions_json(const struct store_question *qs, int n)
{
  struct json_object *arr = json_object_new_array();
  char when[40];
  int i;

  for (i = 0; i < n; i++) {
    struct json_object *e = json_object_new_object();
    json_object_object_add(e, "asked", jstr(wita_format(qs[i].asked_at,
                                                        when, sizeof(when))));
    json_object_object_add(e, "actor", jstr(qs[i].actor));
    json_object_object_add(e, "question", jstr(qs[i].question));
    json_object_object_add(e, "answered",
                           qs[i].answered_at != 0
                             ? jstr(wita_format(qs[i].answered_at, when,
                                                sizeof(when)))
                             : NULL);
    json_object_object_add(e, "answer", jstr(qs[i].answer));
    json_object_array_add(arr, e);
  }
  return arr;
}

/* The ticket numbered number into t; otherwise req is answered (404, or
 * 503 when the database fails) and -1 returned. */
static int
find_ticket(const struct admin *s, struct httpd_request *req,
            const char *number, struct store_ticket *t)
{
  int rc = store_ticket_by_number(s->ctx->store, number, t);

  if (rc == 0)
    return 0;
  httpd_respond_error(req, rc == AERR_NOTFOUND ? 404 : 503,
                      rc == AERR_NOTFOUND ? "no such ticket"
                                          : "database unavailable");
  return -1;
}

static void
show_ticket(const struct admin *s, struct httpd_request *req,
            const char *number)
{
  struct ticket_detail d;
  struct json_object *o;

  memset(&d, 0, sizeof(d));
  if (find_ticket(s, req, number, &d.t) != 0)
    return;
  if (detail_load(s, &d) != 0) {
    detail_free(&d);
    httpd_respond_error(req, 503, "database unavailable");
    return;
  }
  count_additions(&d);
  o = ticket_json(&d.t, d.handle);
  json_object_object_add(o, "events", events_json(d.ev, d.nev));
  json_object_object_add(o, "evidence", evidence_json(d.evi, d.nevi));
  json_object_object_add(o, "reveals", reveals_json(d.rev, d.nrev));
  json_object_object_add(o, "questions", questions_json(d.qs, d.nq));
  respond_json(req, 200, o);
  detail_free(&d);
}

static const char *
json_get_str(struct json_object *o, const char *key)
{
  struct json_object *v;

  if (!json_object_object_get_ex(o, key, &v) ||
      !json_object_is_type(v, json_type_string))
    return NULL;
  return json_object_get_string(v);
}

/* The string key of req's body, when that is a JSON object with such a
 * member, else NULL; the parsed body in *body (the caller puts it). */
static const char *
body_str(struct httpd_request *req, struct json_object **body,
         const char *key)
{
  *body = json_tokener_parse(req->body.data ? req->body.data : "");
  if (*body == NULL || !json_object_is_type(*body, json_type_object))
    return NULL;
  return json_get_str(*body, key);
}

/* Address a notice about ticket t to its reporter, in the ticket's
 * channel. */
static void
notice_for(const struct admin *s, const struct store_ticket *t,
           struct conv_notice *n)
{
  const struct config_channel *ch = config_channel(s->ctx->cfg, t->channel);
  const struct provider_ops *ops = ch != NULL ? provider_for(ch->type)
                                              : NULL;

  n->channel = t->channel;
  n->family = ch != NULL ? provider_send_family(ch) : "sms";
  n->inline_replies = ops != NULL && ops->inline_replies;
  n->reporter_id = t->reporter_id;
  n->ticket_id = t->id;
  n->ticket = t->number;
  n->now_ms = clock_now(s->ctx->clock);
}

/* A status change or a question, with the notice that tells the
 * reporter: the arguments of one savepoint's steps (store_sp_run). */
struct notice_step {
  const struct admin *s;
  const struct store_ticket *t;
  const char *actor;
  const struct conv_notice *n;    /* the status, note, agency, question */
};

/* Record a status change and the notice about it.  A ticket put on hold
 * (ditunda) waits for the reporter, and its notice says "reply to this
 * message": it is recorded as a question (the note), so that the reply is
 * attached to the ticket as the answers to `aduanctl ask` are. */
static int
status_steps(struct store *st, void *arg)
{
  const struct notice_step *a = arg;
  int rc = store_ticket_set_status(st, a->t->id, a->t->status, a->n->status,
                                   a->actor, a->n->note, a->n->agency,
                                   a->n->now_ms);

  if (rc == 0 && strcmp(a->n->status, "ditunda") == 0)
    rc = store_question_add(st, a->t->id, a->t->reporter_id, a->actor,
                            a->n->note != NULL ? a->n->note : a->n->status,
                            a->n->now_ms, NULL);
  if (rc == 0)
    rc = conv_notify(a->s->conv, st, a->n);
  return rc;
}

/* Record a question and the notice that asks it. */
static int
question_steps(struct store *st, void *arg)
{
  const struct notice_step *a = arg;
  int rc = store_question_add(st, a->t->id, a->t->reporter_id, a->actor,
                              a->n->question, a->n->now_ms, NULL);

  if (rc == 0)
    rc = conv_notify(a->s->conv, st, a->n);
  return rc;
}

/* The move a status change asks for. */
struct move {
  struct json_object *body;   /* the request's, holding the strings */
  const char *to, *note, *agency;
  int tostatus;               /* to as an enum ticket_status */
};

/* Read req's body into m, checked by ticket_move_check; otherwise req is
 * answered (400), nothing is left to free and -1 is returned. */
static int
read_move(struct httpd_request *req, struct move *m)
{
  const char *why;

  m->body = json_tokener_parse(req->body.data ? req->body.data : "");
  if (m->body == NULL || !json_object_is_type(m->body, json_type_object)) {
    json_object_put(m->body);
    httpd_respond_error(req, 400, "body must be a JSON object");
    return -1;
  }
  m->to = json_get_str(m->body, "status");
  m->note = json_get_str(m->body, "note");
  m->agency = json_get_str(m->body, "agency");
  m->tostatus = m->to != NULL ? ticket_status_parse(m->to) : -1;
  if (ticket_move_check(m->tostatus, m->note, m->agency, &why) != 0) {
    json_object_put(m->body);
    httpd_respond_error(req, 400, why);
    return -1;
  }
  return 0;
}

/* 1 when the lifecycle lets t make move m; otherwise the refusal is
 * logged, req answered (409, with the reason) and 0 returned. */
static int
move_allowed(struct httpd_request *req, const struct store_ticket *t,
             const struct move *m)
{
  int from = ticket_status_parse(t->status);
  char msg[160];

  if (from >= 0 && ticket_transition_ok(from, m->tostatus))
    return 1;
  snprintf(msg, sizeof(msg), "a ticket cannot go from %s to %s", t->status,
           m->to);
  log_info("event=ticket.status_refused req=%s ticket=%s from=%s to=%s",
           req->id, t->number, t->status, m->to);
  httpd_respond_error(req, 409, msg);
  return 0;
}

/*
 * Move a ticket along its lifecycle.  Illegal moves are refused (409)
 * with the reason; ditolak needs a note (the reason the reporter reads),
 * diproses an agency (ticket_move_check).
 */
static void
change_status(const struct admin *s, struct httpd_request *req,
              const char *number)
{
  struct move m;
  struct store_ticket t;
  struct conv_notice n = {0};
  struct notice_step step;
  struct json_object *o;
  char actor[96], q[LOG_QUOTE_LEN];
  int rc;
  int64_t now = clock_now(s->ctx->clock);

  if (read_move(req, &m) != 0)
    return;
  if (find_ticket(s, req, number, &t) != 0) {
    json_object_put(m.body);
    return;
  }
  if (!move_allowed(req, &t, &m))
    goto done;
  operator_name(s->ctx->cfg, req->peer_uid, actor, sizeof(actor));
  notice_for(s, &t, &n);
  n.status = m.to;
  n.note = m.note;
  n.agency = m.agency;
  n.now_ms = now;
  step = (struct notice_step){s, &t, actor, &n};
  rc = store_sp_run(s->ctx->store, status_steps, &step);
  if (rc != 0) {
    httpd_respond_error(req, rc == AERR_STATE ? 409 : 503,
                        rc == AERR_STATE ? "the ticket changed meanwhile"
                                         : "database unavailable");
    goto done;
  }
  if (ticket_status_closed(m.tostatus))
    conv_ticket_closed(s->conv, t.id);
  log_info("event=ticket.status req=%s ticket=%s from=%s to=%s actor=%s",
           req->id, t.number, t.status, m.to,
           log_quote(actor, q, sizeof(q)));
  o = json_object_new_object();
  json_object_object_add(o, "number", jstr(t.number));
  json_object_object_add(o, "from", jstr(t.status));
  json_object_object_add(o, "status", jstr(m.to));
  json_object_object_add(o, "actor", jstr(actor));
  defer_json(s, req, o, !n.inline_replies);
done:
  json_object_put(m.body);
  store_ticket_clear(&t);
}

/*
 * Ask the reporter of an open ticket a question, in their own channel
 * (so an ANONIM reporter can be asked too; nobody needs the number).
 * Their next text outside a draft is attached to the ticket as the answer
 * (conv.c); `aduanctl show` shows both.
 */
static void
ask_reporter(const struct admin *s, struct httpd_request *req,
             const char *number)
{
  struct json_object *body, *o;
  struct store_ticket t;
  struct conv_notice n = {0};
  struct notice_step step;
  const char *question;
  char actor[96], q[LOG_QUOTE_LEN];
  int st, rc;

  question = body_str(req, &body, "question");
  if (question == NULL || *question == '\0' || strlen(question) > 1000) {
    json_object_put(body);
    httpd_respond_error(req, 400, "a question is 1 to 1000 characters: "
                        "{\"question\": \"...\"}");
    return;
  }
  if (find_ticket(s, req, number, &t) != 0) {
    json_object_put(body);
    return;
  }
  st = ticket_status_parse(t.status);
  if (st < 0 || ticket_status_closed(st)) {
    json_object_put(body);
    store_ticket_clear(&t);
    httpd_respond_error(req, 409, "the ticket is closed: its reporter is "
                        "not asked any more");
    return;
  }
  operator_name(s->ctx->cfg, req->peer_uid, actor, sizeof(actor));
  notice_for(s, &t, &n);
  n.question = question;
  step = (struct notice_step){s, &t, actor, &n};
  rc = store_sp_run(s->ctx->store, question_steps, &step);
  if (rc != 0) {
    json_object_put(body);
    store_ticket_clear(&t);
    httpd_respond_error(req, 503, "database unavailable");
    return;
  }
  log_info("event=ticket.asked req=%s ticket=%s actor=%s", req->id,
           t.number, log_quote(actor, q, sizeof(q)));
  o = json_object_new_object();
  json_object_object_add(o, "number", jstr(t.number));
  json_object_object_add(o, "question", jstr(question));
  json_object_object_add(o, "actor", jstr(actor));
  defer_json(s, req, o, !n.inline_replies);
  json_object_put(body);
  store_ticket_clear(&t);
}

/* A reveal to record: the arguments of reveal_steps. */
struct reveal_step {
  int64_t ticket_id, reporter_id;
  const char *actor, *reason;
  int64_t now;
};

/* Record that actor was shown the identity behind a ticket. */
static int
reveal_steps(struct store *st, void *arg)
{
  const struct reveal_step *a = arg;

  return store_reveal_add(st, a->ticket_id, a->reporter_id, a->actor,
                          a->reason, a->now);
}

/*
 * Show an admin who is behind a ticket: the reporter's number and name.
 * Only the users in [admin] revealers may, with a reason; the reveal is
 * recorded (identity_reveals, shown with the ticket) and the answer given
 * only once the record is committed.  A reporter who chose ANONIM is not
 * revealed: they were promised that.  After the retention purge there is
 * nothing left to reveal (410).
 */
static void
reveal_identity(const struct admin *s, struct httpd_request *req,
                const char *number)
{
  struct json_object *body, *o;
  struct store_ticket t;
  struct store_identity id;
  struct reveal_step step;
  const char *reason;
  char actor[96], q[LOG_QUOTE_LEN], when[40];
  int rc;
  int64_t now = clock_now(s->ctx->clock);

  if (s->ctx->cfg->admin.revealers == NULL ||
      config_uid_listed(s->ctx->cfg->admin.revealers, req->peer_uid) != 1) {
    log_warn("event=identity.reveal_refused req=%s uid=%d why=not_allowed",
             req->id, req->peer_uid);
    httpd_respond_error(req, 403, "this user may not reveal identities "
                        "([admin] revealers)");
    return;
  }
  reason = body_str(req, &body, "reason");
  if (reason == NULL || *reason == '\0' || strlen(reason) > TICKET_NOTE_MAX) {
    json_object_put(body);
    httpd_respond_error(req, 400, "a reveal needs a reason: "
                        "{\"reason\": \"...\"}");
    return;
  }
  if (find_ticket(s, req, number, &t) != 0) {
    json_object_put(body);
    return;
  }
  rc = store_ticket_identity(s->ctx->store, t.id, &id);
  if (rc != 0) {
    json_object_put(body);
    store_ticket_clear(&t);
    httpd_respond_error(req, 503, "database unavailable");
    return;
  }
  if (t.identitas != NULL && strcmp(t.identitas, "anonim") == 0) {
    log_warn("event=identity.reveal_refused req=%s ticket=%s why=anonim",
             req->id, t.number);
    httpd_respond_error(req, 403, "the reporter chose ANONIM: their "
                        "identity is not revealed");
    goto done;
  }
  if (id.purged_at != 0 || (id.phone == NULL && id.bsuid == NULL)) {
    httpd_respond_error(req, 410, "the reporter's identity was removed "
                        "after the retention period");
    goto done;
  }
  operator_name(s->ctx->cfg, req->peer_uid, actor, sizeof(actor));
  step = (struct reveal_step){t.id, id.reporter_id, actor, reason, now};
  rc = store_sp_run(s->ctx->store, reveal_steps, &step);
  if (rc != 0) {
    httpd_respond_error(req, 503, "database unavailable");
    goto done;
  }
  log_info("event=identity.revealed req=%s ticket=%s reporter=%s actor=%s",
           req->id, t.number, id.handle, log_quote(actor, q, sizeof(q)));
  o = json_object_new_object();
  json_object_object_add(o, "number", jstr(t.number));
  json_object_object_add(o, "reporter", jstr(id.handle));
  json_object_object_add(o, "phone", jstr(id.phone));
  if (id.bsuid != NULL)
    json_object_object_add(o, "bsuid", jstr(id.bsuid));
  json_object_object_add(o, "name", jstr(id.name));
  json_object_object_add(o, "identitas", jstr(t.identitas));
  json_object_object_add(o, "actor", jstr(actor));
  json_object_object_add(o, "at", jstr(wita_format(now, when,
                                                   sizeof(when))));
  defer_json(s, req, o, 0);
done:
  json_object_put(body);
  store_identity_clear(&id);
  store_ticket_clear(&t);
}

/* GET /outbox/unconfirmed: the replies flagged for having no delivery
 * report that still have none (service/unconfirmed.h), oldest first;
 * reporters by handle only, never by number. */
static void
list_unconfirmed(const struct admin *s, struct httpd_request *req)
{
  struct json_object *root, *arr;
  struct store_unconfirmed *v = NULL;
  int64_t now = clock_now(s->ctx->clock);
  char when[40];
  int i, n = 0;

  if (store_outbox_unconfirmed(s->ctx->store, 0, &v, &n) != 0) {
    httpd_respond_error(req, 503, "database unavailable");
    return;
  }
  root = json_object_new_object();
  arr = json_object_new_array();
  for (i = 0; i < n; i++) {
    struct json_object *o = json_object_new_object();
    json_object_object_add(o, "id", json_object_new_int64(v[i].id));
    json_object_object_add(o, "channel", jstr(v[i].channel));
    json_object_object_add(o, "reporter", jstr(v[i].handle));
    json_object_object_add(o, "ticket", jstr(v[i].ticket));
    json_object_object_add(o, "kind", jstr(v[i].kind));
    json_object_object_add(o, "sent", jstr(wita_format(v[i].sent_at, when,
                                                       sizeof(when))));
    json_object_object_add(o, "sent_ms", json_object_new_int64(v[i].sent_at));
    json_object_object_add(o, "waited_s", json_object_new_int64(
                               (now - v[i].sent_at) / 1000));
    json_object_array_add(arr, o);
  }
  json_object_object_add(root, "unconfirmed", arr);
  store_unconfirmed_free(v, n);
  respond_json(req, 200, root);
}

int
admin_metrics(const struct admin *s, struct buf *out)
{
  static const char *const statuses[] = {"diterima", "diverifikasi",
    "diproses", "selesai", "ditunda", "ditolak"};
  static const char *const rows[] = {"queued", "sending", "sent", "failed",
                                     "dead"};
  size_t i;
  int rc, n;
  char labels[64];
  int64_t now = clock_now(s->ctx->clock);

  rc = metrics_render(s->ctx->metrics, out);
  for (i = 0; rc == 0 && i < sizeof(rows) / sizeof(rows[0]); i++) {
    n = 0;
    rc = store_outbox_count(s->ctx->store, rows[i], &n);
    snprintf(labels, sizeof(labels), "status=\"%s\"", rows[i]);
    if (rc == 0)
      rc = metrics_gauge(out, "aduan_outbox_rows",
                         i == 0 ? "Outbox rows by status" : NULL, labels, n);
  }
  for (i = 0; rc == 0 && i < sizeof(statuses) / sizeof(statuses[0]); i++) {
    n = 0;
    rc = store_ticket_count_status(s->ctx->store, statuses[i], &n);
    snprintf(labels, sizeof(labels), "status=\"%s\"", statuses[i]);
    if (rc == 0)
      rc = metrics_gauge(out, "aduan_tickets",
                         i == 0 ? "Tickets by status" : NULL, labels, n);
  }
  if (rc == 0) {
    struct store_ticket_filter f;
    struct store_ticket_list l;
    int64_t *due = NULL;
    int *late = NULL;
    memset(&f, 0, sizeof(f));
    f.timed_only = 1;
    rc = store_ticket_list(s->ctx->store, &f, &l);
    if (rc == 0) {
      rc = keep_overdue(s, &l, now, 0, &due, &late);
      n = l.n;
      store_ticket_list_free(&l);
      free(due);
      free(late);
    }
    if (rc == 0)
      rc = metrics_gauge(out, "aduan_tickets_overdue",
                         "Tickets past their service level ([ticket] "
                         "verify_within, follow_up_within)", "", n);
  }
  if (rc == 0) {
    n = 0;
    rc = store_session_count_active(s->ctx->store, now, &n);
    if (rc == 0)
      rc = metrics_gauge(out, "aduan_conversations_active",
                         "Reports being written (past the menu, draft not "
                         "expired)", "", n);
  }
  if (rc == 0) {
    int64_t next = 0;
    double age = 0;
    if (store_outbox_next(s->ctx->store, &next) == 0 && now > next)
      age = (double)(now - next) / 1000.0;
    rc = metrics_gauge(out, "aduan_outbox_oldest_due_seconds",
                       "How long the oldest due reply has waited", "", age);
  }
  if (rc == 0) {
    n = 0;
    rc = store_outbox_count_unconfirmed(s->ctx->store, &n);
    if (rc == 0)
      rc = metrics_gauge(out, "aduan_outbox_unconfirmed",
                         "Replies flagged for having no delivery report "
                         "that still have none", "", n);
  }
  return rc;
}

static void
serve_metrics(const struct admin *s, struct httpd_request *req)
{
  struct buf b = BUF_INIT;

  if (admin_metrics(s, &b) != 0) {
    buf_free(&b);
    httpd_respond_error(req, 503, "database unavailable");
    return;
  }
  httpd_respond(req, 200, "text/plain; version=0.0.4; charset=utf-8", NULL,
                b.data ? b.data : "", b.len);
  buf_free(&b);
}

void
admin_handle(struct httpd_request *req, void *arg)
{
  const struct admin *s = arg;
  const char *p = req->path;
  char number[TICKET_NUMBER_MAX + 8];

  if (strcmp(p, "/metrics") == 0 && req->method == HTTP_GET) {
    serve_metrics(s, req);
    return;
  }
  if (strcmp(p, "/tickets") == 0 && req->method == HTTP_GET) {
    list_tickets(s, req, 0);
    return;
  }
  if (strcmp(p, "/purge") == 0 && req->method == HTTP_POST) {
    log_info("event=retention.requested req=%s uid=%d", req->id,
             req->peer_uid);
    retention_run_now(s->retention, req);
    return;
  }
  if (strcmp(p, "/outbox/unconfirmed") == 0 && req->method == HTTP_GET) {
    list_unconfirmed(s, req);
    return;
  }
  if (strcmp(p, "/export") == 0 && req->method == HTTP_GET) {
    struct form q;
    const char *fmt;
    int csv = 1;
    if (form_parse(&q, req->query, strlen(req->query)) == 0) {
      fmt = form_get(&q, "format");
      csv = fmt == NULL || strcmp(fmt, "json") != 0;
      form_free(&q);
    }
    list_tickets(s, req, csv);
    return;
  }
  if (strncmp(p, "/tickets/", 9) == 0) {
    const char *rest = p + 9, *slash = strchr(rest, '/');
    size_t n = slash ? (size_t)(slash - rest) : strlen(rest);
    char canon[TICKET_NUMBER_MAX];
    if (n == 0 || n >= sizeof(number)) {
      httpd_respond_error(req, 404, "no such ticket");
      return;
    }
    memcpy(number, rest, n);
    number[n] = '\0';
    if (ticket_number_parse(s->ctx->cfg->ticket.prefix, number, canon) != 0) {
      httpd_respond_error(req, 404, "no such ticket");
      return;
    }
    if (slash == NULL && req->method == HTTP_GET) {
      show_ticket(s, req, canon);
      return;
    }
    if (slash != NULL && strcmp(slash, "/status") == 0 &&
        req->method == HTTP_POST) {
      change_status(s, req, canon);
      return;
    }
    if (slash != NULL && strcmp(slash, "/ask") == 0 &&
        req->method == HTTP_POST) {
      ask_reporter(s, req, canon);
      return;
    }
    if (slash != NULL && strcmp(slash, "/reveal") == 0 &&
        req->method == HTTP_POST) {
      reveal_identity(s, req, canon);
      return;
    }
    httpd_respond_error(req, 405, "method not allowed");
    return;
  }
  httpd_respond_error(req, 404, "not found");
}
