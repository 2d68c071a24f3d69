/*
 * ctl_client.c: aduanctl's client side (see ctl_client.h).
 *
 * The chat client blocks on each request: it is a terminal tool, not part
 * of the daemon's loop.
 */
#include "ops/ctl_client.h"

#include <curl/curl.h>
#include <json-c/json.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/crypto.h"
#include "base/err.h"
#include "base/phone.h"
#include "provider/provider.h"
#include "base/utf8.h"

#define CHAT_MAX_REPLY (1024 * 1024)

static const char *term_text(const char *s, const char *indent,
                             struct buf *b);

char *
ctl_dev_url(const struct config *cfg, const char **token)
{
  struct buf b = BUF_INIT;
  const char *host = cfg->server.listen_host;
  const struct config_channel *ch = provider_console(cfg);

  if (ch == NULL)
    return NULL;
  if (strcmp(host, "0.0.0.0") == 0)
    host = "127.0.0.1";
  else if (strcmp(host, "::") == 0)
    host = "::1";
  if (strchr(host, ':') != NULL)
    buf_printf(&b, "http://[%s]:%d/webhook/%s", host,
               cfg->server.listen_port, ch->name);
  else
    buf_printf(&b, "http://%s:%d/webhook/%s", host,
               cfg->server.listen_port, ch->name);
  *token = ch->token;
  return buf_steal(&b);
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
  struct buf *b = arg;

  if (buf_append(b, p, size * n) != 0)
    return 0;
  return size * n;
}

static int
print_replies(const struct buf *body, FILE *out, FILE *err)
{
  struct json_object *root, *replies;
  struct buf tb = BUF_INIT;
  size_t i, n;

  root = json_tokener_parse(body->data ? body->data : "");
  if (root == NULL || !json_object_object_get_ex(root, "replies", &replies) ||
      !json_object_is_type(replies, json_type_array)) {
    fprintf(err, "aduanctl: unexpected answer from the daemon\n");
    json_object_put(root);
    return AERR_PARSE;
  }
  n = json_object_array_length(replies);
  for (i = 0; i < n; i++) {
    struct json_object *r = json_object_array_get_idx(replies, i);
    fprintf(out, "%s\n\n", term_text(json_object_get_string(r), "", &tb));
  }
  buf_free(&tb);
  fflush(out);
  json_object_put(root);
  return 0;
}

int
ctl_chat_send(const char *url, const char *token, const char *number,
              const char *text, FILE *out, FILE *err)
{
  struct json_object *msg;
  struct curl_slist *hdr = NULL;
  struct buf body = BUF_INIT, tokhdr = BUF_INIT;
  unsigned char rnd[12];
  char id[40];
  long status = 0;
  CURLcode cc;
  CURL *c;
  int rc = 0;

  if (crypto_random(rnd, sizeof(rnd)) != 0)
    return AERR_STATE;
  memcpy(id, "chat-", 5);
  crypto_hex(rnd, sizeof(rnd), id + 5);
  msg = json_object_new_object();
  json_object_object_add(msg, "from", json_object_new_string(number));
  json_object_object_add(msg, "text", json_object_new_string(text));
  json_object_object_add(msg, "id", json_object_new_string(id));

  c = curl_easy_init();
  if (c == NULL) {
    json_object_put(msg);
    return -ENOMEM;
  }
  body.max = CHAT_MAX_REPLY;
  hdr = curl_slist_append(hdr, "Content-Type: application/json");
  if (token != NULL) {
    buf_printf(&tokhdr, "X-Aduan-Token: %s", token);
    hdr = curl_slist_append(hdr, tokhdr.data);
  }
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, json_object_to_json_string(msg));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  cc = curl_easy_perform(c);
  if (cc != CURLE_OK) {
    fprintf(err, "aduanctl: %s: %s\n", url, curl_easy_strerror(cc));
    rc = -EIO;
  } else {
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200) {
      fprintf(err, "aduanctl: the daemon answered %ld: %s\n", status,
              body.data ? body.data : "");
      rc = AERR_STATE;
    } else {
      rc = print_replies(&body, out, err);
    }
  }
  curl_slist_free_all(hdr);
  curl_easy_cleanup(c);
  json_object_put(msg);
  buf_free(&body);
  buf_free(&tokhdr);
  return rc;
}

int
ctl_chat(const char *url, const char *token, const char *number, FILE *in,
         FILE *out, FILE *err)
{
  char line[4096];
  int rc = 0;

  while (fgets(line, sizeof(line), in) != NULL) {
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      line[--n] = '\0';
    if (n == 0)
      continue;
    if (strcmp(line, "/quit") == 0)
      break;
    rc = ctl_chat_send(url, token, number, line, out, err);
    if (rc != 0 && rc != AERR_STATE)
      return rc;
  }
  return rc;
}

int
ctl_admin(const char *sock, const char *method, const char *path,
          const char *json_body, long *status, char **body, FILE *err)
{
  struct buf resp = BUF_INIT, url = BUF_INIT;
  struct curl_slist *hdr = NULL;
  CURLcode cc;
  CURL *c;

  *status = 0;
  *body = NULL;
  c = curl_easy_init();
  if (c == NULL)
    return -ENOMEM;
  resp.max = 256 * 1024 * 1024;
  buf_printf(&url, "http://localhost%s", path);
  curl_easy_setopt(c, CURLOPT_UNIX_SOCKET_PATH, sock);
  curl_easy_setopt(c, CURLOPT_URL, url.data);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &resp);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  if (strcmp(method, "POST") == 0) {
    hdr = curl_slist_append(hdr, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, json_body ? json_body : "{}");
  }
  cc = curl_easy_perform(c);
  if (cc == CURLE_OK)
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
  else
    fprintf(err, "aduanctl: cannot reach the daemon at %s: %s\n", sock,
            curl_easy_strerror(cc));
  curl_slist_free_all(hdr);
  curl_easy_cleanup(c);
  buf_free(&url);
  if (cc != CURLE_OK) {
    buf_free(&resp);
    return -EIO;
  }
  *body = buf_steal(&resp);
  return 0;
}

int
ctl_exit_for(long status)
{
  if (status >= 200 && status < 300)
    return CTL_OK;
  if (status == 404)
    return CTL_NOTFOUND;
  if (status == 400 || status == 403 || status == 409 || status == 410)
    return CTL_REFUSED;
  return CTL_FAIL;
}

static const char *
field(struct json_object *o, const char *key)
{
  struct json_object *v;

  if (!json_object_object_get_ex(o, key, &v) ||
      json_object_is_type(v, json_type_null))
    return "-";
  return json_object_get_string(v);
}

/*
 * Text for a terminal.  What reporters write reaches the operator through
 * these printers, so nothing in it may act on the terminal or pass for a
 * line of aduanctl's own: each C0 control and DEL is written as \xNN,
 * each C1 control (U+0080 to U+009F) and each character that reorders or
 * breaks the line (is_layout_char) as \uNNNN, each byte that is not
 * UTF-8 as \xNN.  A newline is kept when indent is given, and the next
 * line starts with indent, deeper than any line aduanctl starts itself;
 * without indent it is written \n.  (JSON output and the CSV export stay
 * exact: they are data for programs.)
 */
/* Unicode's direction marks, embeddings, overrides and isolates, which
 * can make a terminal show text in another order than it was written,
 * and the line and paragraph separators. */
static int
is_layout_char(uint32_t cp)
{
  return cp == 0x061c || cp == 0x200e || cp == 0x200f ||
         (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

static const char *
term_text(const char *s, const char *indent, struct buf *b)
{
  size_t i = 0, n = strlen(s);
  uint32_t cp;
  int k, rc = 0;

  buf_reset(b);
  while (rc == 0 && i < n) {
    unsigned char c = (unsigned char)s[i];
    k = utf8_decode(s + i, n - i, &cp);
    if (c == '\n' && indent != NULL)
      rc = buf_printf(b, "\n%s", indent);
    else if (c == '\n')
      rc = buf_puts(b, "\\n");
    else if (c < 0x20 || c == 0x7f || k == 0)
      rc = buf_printf(b, "\\x%02x", c);
    else if ((cp >= 0x80 && cp <= 0x9f) || is_layout_char(cp))
      rc = buf_printf(b, "\\u%04x", (unsigned)cp);
    else
      rc = buf_append(b, s + i, (size_t)k);
    i += k > 0 ? (size_t)k : 1;
  }
  if (rc != 0)
    return "(out of memory)";
  return b->data != NULL ? b->data : "";
}

/* Buffers for the fields of one line of output, reused in turn. */
#define TERM_SLOTS 8
struct term {
  struct buf b[TERM_SLOTS];
  int next;
};

/* o.key (or "-") as term_text gives it. */
static const char *
tfield(struct term *t, struct json_object *o, const char *key,
       const char *indent)
{
  return term_text(field(o, key), indent, &t->b[t->next++ % TERM_SLOTS]);
}

static void
term_free(struct term *t)
{
  int i;

  for (i = 0; i < TERM_SLOTS; i++)
    buf_free(&t->b[i]);
}

/* A ticket list as a table; overdue: the columns of an overdue list. */
static int
print_list(const char *json, FILE *out, int overdue)
{
  struct json_object *root = json_tokener_parse(json), *arr, *v;
  struct term tm = {0};
  size_t i, n;

  if (root == NULL || !json_object_object_get_ex(root, "tickets", &arr)) {
    json_object_put(root);
    return AERR_PARSE;
  }
  n = json_object_array_length(arr);
  if (overdue)
    fprintf(out, "%-16s %-13s %-17s %-5s %-20s %s\n", "NUMBER", "STATUS",
            "DUE (WITA)", "LATE", "LOKASI", "REPORTER");
  else
    fprintf(out, "%-16s %-13s %-24s %-20s %-17s %s\n", "NUMBER", "STATUS",
            "CATEGORY", "LOKASI", "CREATED (WITA)", "REPORTER");
  for (i = 0; i < n; i++) {
    struct json_object *t = json_object_array_get_idx(arr, i);
    if (overdue)
      fprintf(out, "%-16s %-13s %-17s %-5d %-20.20s %s\n",
              tfield(&tm, t, "number", NULL), tfield(&tm, t, "status", NULL),
              tfield(&tm, t, "due", NULL),
              json_object_object_get_ex(t, "late_days", &v)
                ? json_object_get_int(v) : 0,
              tfield(&tm, t, "lokasi", NULL),
              tfield(&tm, t, "reporter", NULL));
    else
      fprintf(out, "%-16s %-13s %-24.24s %-20.20s %-17s %s\n",
              tfield(&tm, t, "number", NULL), tfield(&tm, t, "status", NULL),
              tfield(&tm, t, "category", NULL),
              tfield(&tm, t, "lokasi", NULL),
              tfield(&tm, t, "created", NULL),
              tfield(&tm, t, "reporter", NULL));
  }
  fprintf(out, "(%zu %sticket%s)\n", n, overdue ? "overdue " : "",
          n == 1 ? "" : "s");
  term_free(&tm);
  json_object_put(root);
  return 0;
}

int
ctl_print_tickets(const char *json, FILE *out)
{
  return print_list(json, out, 0);
}

int
ctl_print_overdue(const char *json, FILE *out)
{
  return print_list(json, out, 1);
}

int
ctl_print_status(const char *json, FILE *out)
{
  struct json_object *o = json_tokener_parse(json);
  struct term tm = {0};

  if (o == NULL || !json_object_is_type(o, json_type_object)) {
    json_object_put(o);
    return AERR_PARSE;
  }
  fprintf(out, "%s: %s -> %s by %s; the reporter will be told\n",
          tfield(&tm, o, "number", NULL), tfield(&tm, o, "from", NULL),
          tfield(&tm, o, "status", NULL), tfield(&tm, o, "actor", NULL));
  term_free(&tm);
  json_object_put(o);
  return 0;
}

/* Continuation lines of a field of show: under the field's value, and
 * under an event, evidence, question or reveal line. */
#define SHOW_INDENT "             "
#define ITEM_INDENT "      "

/* The finest place the ticket's lokasi matched, as show's lines
 * "tingkat" (its level) and "tempat" (its label and code), "-" when
 * none. */
static void
print_place(FILE *out, struct term *tm, struct json_object *t)
{
  struct buf place = BUF_INIT;
  const char *label = field(t, "lokasi_tempat");

  fprintf(out, "%-12s %s\n", "tingkat",
          tfield(tm, t, "lokasi_tingkat", SHOW_INDENT));
  if (strcmp(label, "-") != 0 &&
      buf_printf(&place, "%s (%s)", label,
                 field(t, "lokasi_tempat_kode")) == 0)
    label = place.data;
  fprintf(out, "%-12s %s\n", "tempat",
          term_text(label, SHOW_INDENT, &tm->b[tm->next++ % TERM_SLOTS]));
  buf_free(&place);
}

int
ctl_print_ticket(const char *json, FILE *out)
{
  static const char *const keys[] = {
    "number", "status", "category", "terlapor", "lokasi", "lokasi_kode",
    "waktu", "waktu_tanggal", "waktu_presisi", "marks", "identitas", "agency",
    "channel", "reporter", "created", "updated", "additions", "supports",
    "kronologi",
  };
  struct json_object *t = json_tokener_parse(json), *arr;
  struct term tm = {0};
  size_t i, n;

  if (t == NULL || !json_object_is_type(t, json_type_object)) {
    json_object_put(t);
    return AERR_PARSE;
  }
  for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
    fprintf(out, "%-12s %s\n", keys[i], tfield(&tm, t, keys[i], SHOW_INDENT));
    if (strcmp(keys[i], "lokasi_kode") == 0)
      print_place(out, &tm, t);
  }
  if (json_object_object_get_ex(t, "events", &arr)) {
    n = json_object_array_length(arr);
    fprintf(out, "\nevents:\n");
    for (i = 0; i < n; i++) {
      struct json_object *e = json_object_array_get_idx(arr, i);
      fprintf(out, "  %s  %s -> %s  by %s  %s\n", tfield(&tm, e, "at", NULL),
              tfield(&tm, e, "from", NULL), tfield(&tm, e, "to", NULL),
              tfield(&tm, e, "actor", NULL),
              tfield(&tm, e, "note", ITEM_INDENT));
    }
  }
  if (json_object_object_get_ex(t, "evidence", &arr)) {
    n = json_object_array_length(arr);
    fprintf(out, "\nevidence:\n");
    for (i = 0; i < n; i++) {
      struct json_object *e = json_object_array_get_idx(arr, i);
      fprintf(out, "  %s  %s  %s bytes  sha256 %s\n",
              tfield(&tm, e, "status", NULL), tfield(&tm, e, "mime", NULL),
              tfield(&tm, e, "size", NULL), tfield(&tm, e, "sha256", NULL));
    }
    if (n == 0)
      fprintf(out, "  (none)\n");
  }
  if (json_object_object_get_ex(t, "questions", &arr) &&
      json_object_array_length(arr) > 0) {
    n = json_object_array_length(arr);
    fprintf(out, "\nquestions:\n");
    for (i = 0; i < n; i++) {
      struct json_object *e = json_object_array_get_idx(arr, i);
      fprintf(out, "  %s  %s asked: %s\n", tfield(&tm, e, "asked", NULL),
              tfield(&tm, e, "actor", NULL),
              tfield(&tm, e, "question", ITEM_INDENT));
      if (strcmp(field(e, "answered"), "-") != 0)
        fprintf(out, "  %s  the reporter answered: %s\n",
                tfield(&tm, e, "answered", NULL),
                tfield(&tm, e, "answer", ITEM_INDENT));
      else
        fprintf(out, "  (no answer yet)\n");
    }
  }
  if (json_object_object_get_ex(t, "reveals", &arr) &&
      json_object_array_length(arr) > 0) {
    n = json_object_array_length(arr);
    fprintf(out, "\nidentity revealed:\n");
    for (i = 0; i < n; i++) {
      struct json_object *e = json_object_array_get_idx(arr, i);
      fprintf(out, "  %s  to %s  because: %s\n", tfield(&tm, e, "at", NULL),
              tfield(&tm, e, "actor", NULL),
              tfield(&tm, e, "reason", ITEM_INDENT));
    }
  }
  term_free(&tm);
  json_object_put(t);
  return 0;
}

int
ctl_print_reveal(const char *json, FILE *out)
{
  struct json_object *o = json_tokener_parse(json);
  struct term tm = {0};

  if (o == NULL || !json_object_is_type(o, json_type_object)) {
    json_object_put(o);
    return AERR_PARSE;
  }
  fprintf(out, "number     %s\nreporter   %s\nphone      %s\n",
          tfield(&tm, o, "number", NULL), tfield(&tm, o, "reporter", NULL),
          tfield(&tm, o, "phone", NULL));
  /* A WhatsApp username's BSUID, when the reporter has one. */
  if (json_object_object_get_ex(o, "bsuid", NULL))
    fprintf(out, "bsuid      %s\n", tfield(&tm, o, "bsuid", NULL));
  fprintf(out, "name       %s\nidentitas  %s\n(recorded: %s, %s)\n",
          tfield(&tm, o, "name", NULL),
          tfield(&tm, o, "identitas", NULL), tfield(&tm, o, "actor", NULL),
          tfield(&tm, o, "at", NULL));
  term_free(&tm);
  json_object_put(o);
  return 0;
}

int
ctl_print_ask(const char *json, FILE *out)
{
  struct json_object *o = json_tokener_parse(json);
  struct term tm = {0};

  if (o == NULL || !json_object_is_type(o, json_type_object)) {
    json_object_put(o);
    return AERR_PARSE;
  }
  fprintf(out, "%s: question sent to the reporter by %s; their answer will "
          "show in aduanctl show\n", tfield(&tm, o, "number", NULL),
          tfield(&tm, o, "actor", NULL));
  term_free(&tm);
  json_object_put(o);
  return 0;
}

int
ctl_print_purge(const char *json, FILE *out)
{
  struct json_object *o = json_tokener_parse(json);
  struct term tm = {0};

  if (o == NULL || !json_object_is_type(o, json_type_object)) {
    json_object_put(o);
    return AERR_PARSE;
  }
  fprintf(out, "purged: %s raw payloads, %s reporters' personal data\n",
          tfield(&tm, o, "payloads", NULL), tfield(&tm, o, "reporters", NULL));
  term_free(&tm);
  json_object_put(o);
  return 0;
}

int
ctl_print_unconfirmed(const char *json, FILE *out)
{
  struct json_object *root = json_tokener_parse(json), *arr, *v;
  struct term tm = {0};
  size_t i, n;

  if (root == NULL ||
      !json_object_object_get_ex(root, "unconfirmed", &arr) ||
      !json_object_is_type(arr, json_type_array)) {
    json_object_put(root);
    return AERR_PARSE;
  }
  n = json_object_array_length(arr);
  fprintf(out, "%-8s %-12s %-17s %-9s %-16s %s\n", "ID", "CHANNEL",
          "SENT (WITA)", "WAITED", "TICKET", "REPORTER");
  for (i = 0; i < n; i++) {
    struct json_object *r = json_object_array_get_idx(arr, i);
    long long waited = json_object_object_get_ex(r, "waited_s", &v)
                         ? (long long)json_object_get_int64(v) : 0;
    char w[24];
    snprintf(w, sizeof(w), "%lldh%02lldm", waited / 3600,
             waited % 3600 / 60);
    fprintf(out, "%-8s %-12.12s %-17s %-9s %-16s %s\n",
            tfield(&tm, r, "id", NULL), tfield(&tm, r, "channel", NULL),
            tfield(&tm, r, "sent", NULL), w, tfield(&tm, r, "ticket", NULL),
            tfield(&tm, r, "reporter", NULL));
  }
  fprintf(out, "(%zu unconfirmed repl%s)\n", n, n == 1 ? "y" : "ies");
  term_free(&tm);
  json_object_put(root);
  return 0;
}

int
ctl_print_error(const char *answer, FILE *out)
{
  struct json_object *o = json_tokener_parse(answer != NULL ? answer : "");
  struct json_object *e;
  struct buf b = BUF_INIT;
  const char *why = answer != NULL && answer[0] != '\0' ? answer : "failed";

  if (o != NULL && json_object_is_type(o, json_type_object) &&
      json_object_object_get_ex(o, "error", &e))
    why = json_object_get_string(e);
  fprintf(out, "aduanctl: %s\n", term_text(why, NULL, &b));
  buf_free(&b);
  json_object_put(o);
  return 0;
}
