/*
 * aduanctl: the operators' and admins' command-line tool.
 *
 * A thin main: parse the command line and call the ctl_client_* side.
 */
#include <curl/curl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "ops/admin.h"
#include "base/buf.h"
#include "conf/config.h"
#include "ops/ctl_client.h"
#include "ops/manual.h"
#include "base/phone.h"
#include "rules/ticket.h"

static void
usage(FILE *f)
{
  struct buf b = BUF_INIT;

  if (manpage_help(&manual_aduanctl, &b) == 0)
    fputs(b.data, f);
  buf_free(&b);
}

static void
print_diag(const char *entry, void *arg)
{
  (void)arg;
  fprintf(stderr, "%s\n", entry);
}

static int
cmd_chat(const char *cfgpath, int argc, char **argv)
{
  static const struct option longopts[] = {
    {"url", required_argument, NULL, 'u'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  const char *url = NULL, *token = NULL;
  char *owned = NULL, number[PHONE_MAX];
  struct config *cfg = NULL;
  int opt, rc;

  optind = 0;  /* glibc: start a fresh scan of the subcommand's words */
  while ((opt = getopt_long(argc, argv, "u:h", longopts, NULL)) != -1) {
    switch (opt) {
    case 'u': url = optarg; break;
    case 'h':
      printf("usage: aduanctl chat NUMBER [--url URL]\n"
             "Talk to the daemon as the citizen NUMBER through a dev "
             "channel.\nWithout --url the first dev channel of the config "
             "is used.\n");
      return 0;
    default: return 2;
    }
  }
  if (optind + 1 != argc) {
    fprintf(stderr, "usage: aduanctl chat NUMBER [--url URL]\n");
    return 2;
  }
  if (phone_normalize(argv[optind], number) != 0) {
    fprintf(stderr, "aduanctl: '%s' is not a phone number\n", argv[optind]);
    return 2;
  }
  if (url == NULL) {
    struct diag d;
    diag_init(&d);
    rc = config_load(cfgpath, &cfg, &d);
    diag_each(&d, print_diag, NULL);
    diag_free(&d);
    if (rc != 0)
      return 1;
    owned = ctl_dev_url(cfg, &token);
    if (owned == NULL) {
      fprintf(stderr, "aduanctl: %s has no dev channel; use --url\n",
              cfgpath);
      config_free(cfg);
      return 1;
    }
    url = owned;
  }
  if (isatty(0))
    fprintf(stderr, "Chatting as %s with %s. Ctrl-D ends.\n", number, url);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  rc = ctl_chat(url, token, number, stdin, stdout, stderr);
  curl_global_cleanup();
  free(owned);
  config_free(cfg);
  return rc == 0 ? 0 : 1;
}

/* The admin socket: -s, or [admin] socket of the config. */
static char *
admin_socket(const char *cfgpath, const char *sock)
{
  struct config *cfg = NULL;
  struct diag d;
  char *path;

  if (sock != NULL)
    return strdup(sock);
  diag_init(&d);
  /* Only the socket's path is wanted: the provider secrets are the
   * service's, not the operator's. */
  if (config_load_flags(cfgpath, CONFIG_NO_SECRETS, &cfg, &d) != 0) {
    diag_each(&d, print_diag, NULL);
    diag_free(&d);
    return NULL;
  }
  diag_free(&d);
  path = strdup(cfg->admin.socket);
  config_free(cfg);
  return path;
}

/* 1 when s names a ticket status; otherwise says which ones do. */
static int
status_ok(const char *s)
{
  if (ticket_status_parse(s) >= 0)
    return 1;
  fprintf(stderr, "aduanctl: unknown status '%s': one of diterima, "
          "diverifikasi, diproses, selesai, ditunda, ditolak\n", s);
  return 0;
}

/* Percent-encode v into b (for query values). */
static void
query_add(struct buf *b, const char *name, const char *v)
{
  static const char hex[] = "0123456789ABCDEF";

  buf_printf(b, "%s%s=", b->len > 0 ? "&" : "?", name);
  for (; *v != '\0'; v++) {
    unsigned char c = (unsigned char)*v;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
      buf_append(b, v, 1);
    } else {
      char e[3] = {'%', hex[c >> 4], hex[c & 15]};
      buf_append(b, e, 3);
    }
  }
}

/* Run one admin request and print its answer; returns the exit code. */
static int
admin_call(const char *sock, const char *method, const char *path,
           const char *body, int json, int (*print)(const char *, FILE *))
{
  char *answer = NULL;
  long status = 0;
  int code;

  if (ctl_admin(sock, method, path, body, &status, &answer, stderr) != 0)
    return CTL_FAIL;
  code = ctl_exit_for(status);
  if (code != CTL_OK) {
    ctl_print_error(answer, stderr);
  } else if (json || print == NULL) {
    fputs(answer ? answer : "", stdout);
    if (answer != NULL && answer[0] != '\0' &&
        answer[strlen(answer) - 1] != '\n')
      fputc('\n', stdout);
  } else if (print(answer ? answer : "", stdout) != 0) {
    fprintf(stderr, "aduanctl: unexpected answer from the daemon\n");
    code = CTL_FAIL;
  }
  free(answer);
  return code;
}

static int
cmd_tickets(const char *sock, int argc, char **argv, int export)
{
  static const struct option longopts[] = {
    {"status", required_argument, NULL, 's'},
    {"since", required_argument, NULL, 'f'},
    {"until", required_argument, NULL, 'u'},
    {"category", required_argument, NULL, 'k'},
    {"kabupaten", required_argument, NULL, 'b'},
    {"open", no_argument, NULL, 'o'},
    {"overdue", no_argument, NULL, 'O'},
    {"json", no_argument, NULL, 'j'},
    {"format", required_argument, NULL, 'F'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  struct buf q = BUF_INIT, path = BUF_INIT;
  const char *since = NULL, *format = "csv";
  int opt, json = 0, overdue = 0, rc;
  int64_t ms;

  optind = 0;
  while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (opt) {
    case 's':
      if (!status_ok(optarg)) {
        buf_free(&q);
        return CTL_USAGE;
      }
      query_add(&q, "status", optarg);
      break;
    case 'f': since = optarg; query_add(&q, "since", optarg); break;
    case 'u': query_add(&q, "until", optarg); break;
    case 'k': query_add(&q, "category", optarg); break;
    case 'b': query_add(&q, "kabupaten", optarg); break;
    case 'o': query_add(&q, "open", "1"); break;
    case 'O':
      overdue = 1;
      if (!export)
        query_add(&q, "overdue", "1");
      break;
    case 'j': json = 1; break;
    case 'F': format = optarg; break;
    case 'h':
      printf(export
        ? "usage: aduanctl export --since DATE [--until DATE] "
          "[--format csv|json]\nEvery ticket filed in the range, reporters "
          "by handle.\n"
        : "usage: aduanctl tickets [--status S] [--since DATE] "
          "[--until DATE]\n       [--category C] [--kabupaten CODE] "
          "[--open] [--overdue] [--json]\n"
          "--overdue lists the tickets past their service level ([ticket]\n"
          "verify_within, follow_up_within), with when they were due and\n"
          "how many working days late they are.\n");
      buf_free(&q);
      return CTL_OK;
    default:
      buf_free(&q);
      return CTL_USAGE;
    }
  }
  if (optind != argc || (export && since == NULL) || (export && overdue) ||
      (since != NULL && admin_parse_date(since, &ms) != 0) ||
      (strcmp(format, "csv") != 0 && strcmp(format, "json") != 0)) {
    fprintf(stderr, export ? "usage: aduanctl export --since YYYY-MM-DD "
                             "[--until YYYY-MM-DD] [--format csv|json]\n"
                           : "usage: aduanctl tickets [--status S] "
                             "[--since YYYY-MM-DD] [--json]\n");
    buf_free(&q);
    return CTL_USAGE;
  }
  if (export)
    query_add(&q, "format", format);
  buf_printf(&path, "%s%s", export ? "/export" : "/tickets",
             q.data ? q.data : "");
  rc = admin_call(sock, "GET", path.data, NULL, json || export,
                  overdue ? ctl_print_overdue : ctl_print_tickets);
  buf_free(&q);
  buf_free(&path);
  return rc;
}

static int
cmd_show(const char *sock, int argc, char **argv)
{
  static const struct option longopts[] = {
    {"json", no_argument, NULL, 'j'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  struct buf path = BUF_INIT, q = BUF_INIT;
  int opt, json = 0, rc;

  optind = 0;
  while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (opt) {
    case 'j': json = 1; break;
    case 'h':
      printf("usage: aduanctl show NUMBER [--json]\n");
      return CTL_OK;
    default: return CTL_USAGE;
    }
  }
  if (optind + 1 != argc) {
    fprintf(stderr, "usage: aduanctl show NUMBER [--json]\n");
    return CTL_USAGE;
  }
  query_add(&q, "n", argv[optind]);
  /* The number goes in the path, encoded like a query value. */
  buf_printf(&path, "/tickets/%s", q.data + 3);
  rc = admin_call(sock, "GET", path.data, NULL, json, ctl_print_ticket);
  buf_free(&path);
  buf_free(&q);
  return rc;
}

/* POST body (taken) to /tickets/NUMBER/action and print the answer;
 * returns the exit code. */
static int
ticket_post(const char *sock, const char *number, const char *action,
            struct json_object *body, int json,
            int (*print)(const char *, FILE *))
{
  struct buf path = BUF_INIT, q = BUF_INIT;
  int rc;

  query_add(&q, "n", number);
  buf_printf(&path, "/tickets/%s/%s", q.data + 3, action);
  rc = admin_call(sock, "POST", path.data, json_object_to_json_string(body),
                  json, print);
  json_object_put(body);
  buf_free(&path);
  buf_free(&q);
  return rc;
}

static int
cmd_status(const char *sock, int argc, char **argv)
{
  static const struct option longopts[] = {
    {"note", required_argument, NULL, 'n'},
    {"agency", required_argument, NULL, 'a'},
    {"json", no_argument, NULL, 'j'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  const char *note = NULL, *agency = NULL;
  struct json_object *body;
  int opt, json = 0;

  optind = 0;
  while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (opt) {
    case 'n': note = optarg; break;
    case 'a': agency = optarg; break;
    case 'j': json = 1; break;
    case 'h':
      printf("usage: aduanctl status NUMBER NEW --note TEXT "
             "[--agency NAME] [--json]\n"
             "NEW: diverifikasi, diproses (needs --agency), selesai, "
             "ditunda, ditolak\n(the note is the reason the reporter "
             "reads), diterima.  The reporter is told\nin their channel.  "
             "Exit status: 0 moved, 3 no such ticket, 4 refused\n(the "
             "lifecycle does not allow that move).\n");
      return CTL_OK;
    default: return CTL_USAGE;
    }
  }
  if (optind + 2 != argc || note == NULL) {
    fprintf(stderr, "usage: aduanctl status NUMBER NEW --note TEXT "
            "[--agency NAME]\n");
    return CTL_USAGE;
  }
  if (!status_ok(argv[optind + 1]))
    return CTL_USAGE;
  if (strcmp(argv[optind + 1], "diproses") == 0 &&
      (agency == NULL || *agency == '\0')) {
    fprintf(stderr, "aduanctl: diproses needs --agency NAME: the agency "
            "the report is forwarded to\n");
    return CTL_USAGE;
  }
  if (*note == '\0') {
    fprintf(stderr, "aduanctl: --note must not be empty\n");
    return CTL_USAGE;
  }
  body = json_object_new_object();
  json_object_object_add(body, "status", json_object_new_string(argv[optind + 1]));
  json_object_object_add(body, "note", json_object_new_string(note));
  if (agency != NULL)
    json_object_object_add(body, "agency", json_object_new_string(agency));
  return ticket_post(sock, argv[optind], "status", body, json,
                     ctl_print_status);
}

static int
cmd_ask(const char *sock, int argc, char **argv)
{
  static const struct option longopts[] = {
    {"json", no_argument, NULL, 'j'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  struct json_object *body;
  int opt, json = 0;

  optind = 0;
  while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (opt) {
    case 'j': json = 1; break;
    case 'h':
      printf("usage: aduanctl ask NUMBER QUESTION [--json]\n"
             "Sends QUESTION to the reporter of an open ticket, in their "
             "own channel\n(the catalogue's ask.operator text), anonymous "
             "reporters included.\nTheir next message outside a report "
             "being written is attached to the\nticket as the answer; "
             "aduanctl show NUMBER shows it.  Exit status: 0 sent,\n3 no "
             "such ticket, 4 refused (the ticket is closed).\n");
      return CTL_OK;
    default: return CTL_USAGE;
    }
  }
  if (optind + 2 != argc) {
    fprintf(stderr, "usage: aduanctl ask NUMBER QUESTION\n");
    return CTL_USAGE;
  }
  if (argv[optind + 1][0] == '\0' || strlen(argv[optind + 1]) > 1000) {
    fprintf(stderr, "aduanctl: a question is 1 to 1000 characters\n");
    return CTL_USAGE;
  }
  body = json_object_new_object();
  json_object_object_add(body, "question",
                         json_object_new_string(argv[optind + 1]));
  return ticket_post(sock, argv[optind], "ask", body, json,
                     ctl_print_ask);
}

static int
cmd_reveal(const char *sock, int argc, char **argv)
{
  static const struct option longopts[] = {
    {"reason", required_argument, NULL, 'r'},
    {"json", no_argument, NULL, 'j'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  const char *reason = NULL;
  struct json_object *body;
  int opt, json = 0;

  optind = 0;
  while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (opt) {
    case 'r': reason = optarg; break;
    case 'j': json = 1; break;
    case 'h':
      printf("usage: aduanctl reveal NUMBER --reason TEXT [--json]\n"
             "Shows the number and name of the reporter behind a ticket.  "
             "Only users\nlisted in [admin] revealers may; each reveal is "
             "recorded with who and\nwhy, and shown with the ticket.  A "
             "reporter who chose ANONIM is not\nrevealed, nor one whose "
             "data was removed after the retention period.\nExit status: "
             "0 shown, 3 no such ticket, 4 refused.\n");
      return CTL_OK;
    default: return CTL_USAGE;
    }
  }
  if (optind + 1 != argc || reason == NULL) {
    fprintf(stderr, "usage: aduanctl reveal NUMBER --reason TEXT\n");
    return CTL_USAGE;
  }
  if (*reason == '\0') {
    fprintf(stderr, "aduanctl: --reason must not be empty\n");
    return CTL_USAGE;
  }
  body = json_object_new_object();
  json_object_object_add(body, "reason", json_object_new_string(reason));
  return ticket_post(sock, argv[optind], "reveal", body, json,
                     ctl_print_reveal);
}

static int
cmd_purge(const char *sock, int argc, char **argv)
{
  static const struct option longopts[] = {
    {"json", no_argument, NULL, 'j'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  int opt, json = 0;

  optind = 0;
  while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (opt) {
    case 'j': json = 1; break;
    case 'h':
      printf("usage: aduanctl purge [--json]\n"
             "Removes now what [storage] payload_retention and "
             "personal_retention\nsay is no longer kept (the daemon also "
             "does it every hour), and\nprints how much it removed.\n");
      return CTL_OK;
    default: return CTL_USAGE;
    }
  }
  if (optind != argc) {
    fprintf(stderr, "usage: aduanctl purge [--json]\n");
    return CTL_USAGE;
  }
  return admin_call(sock, "POST", "/purge", "{}", json, ctl_print_purge);
}

static int
cmd_outbox(const char *sock, int argc, char **argv)
{
  static const struct option longopts[] = {
    {"unconfirmed", no_argument, NULL, 'u'},
    {"json", no_argument, NULL, 'j'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  int opt, json = 0, unconfirmed = 0;

  optind = 0;
  while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (opt) {
    case 'u': unconfirmed = 1; break;
    case 'j': json = 1; break;
    case 'h':
      printf("usage: aduanctl outbox --unconfirmed [--json]\n"
             "Lists the replies and notices that the provider accepted "
             "but never\nreported on (no delivery report of any kind "
             "within [outbox]\nunconfirmed_after, on a channel that "
             "reports delivery), oldest first,\nreporters by handle.  "
             "A report that comes later takes a reply off\nthe list.\n");
      return CTL_OK;
    default: return CTL_USAGE;
    }
  }
  if (optind != argc || !unconfirmed) {
    fprintf(stderr, "usage: aduanctl outbox --unconfirmed [--json]\n");
    return CTL_USAGE;
  }
  return admin_call(sock, "GET", "/outbox/unconfirmed", NULL, json,
                    ctl_print_unconfirmed);
}

int
main(int argc, char **argv)
{
  const char *cfgpath = ADUAN_DEFAULT_CONFIG, *sockopt = NULL;
  char *sock;
  int opt, rc;

  while ((opt = getopt(argc, argv, "+c:s:hV")) != -1) {
    switch (opt) {
    case 'c': cfgpath = optarg; break;
    case 's': sockopt = optarg; break;
    case 'h': usage(stdout); return 0;
    case 'V': printf("aduanctl %s\n", ADUAN_VERSION); return 0;
    default: usage(stderr); return 2;
    }
  }
  if (optind >= argc) {
    usage(stderr);
    return 2;
  }
  if (strcmp(argv[optind], "chat") == 0)
    return cmd_chat(cfgpath, argc - optind, argv + optind);
  if (strcmp(argv[optind], "tickets") != 0 &&
      strcmp(argv[optind], "show") != 0 &&
      strcmp(argv[optind], "status") != 0 &&
      strcmp(argv[optind], "reveal") != 0 &&
      strcmp(argv[optind], "ask") != 0 &&
      strcmp(argv[optind], "purge") != 0 &&
      strcmp(argv[optind], "outbox") != 0 &&
      strcmp(argv[optind], "export") != 0) {
    fprintf(stderr, "aduanctl: unknown command '%s'\n", argv[optind]);
    usage(stderr);
    return CTL_USAGE;
  }
  /* A subcommand's --help needs no daemon. */
  {
    int i;
    for (i = optind + 1; i < argc; i++)
      if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
        sockopt = sockopt ? sockopt : "-";
  }
  sock = admin_socket(cfgpath, sockopt);
  if (sock == NULL)
    return CTL_FAIL;
  curl_global_init(CURL_GLOBAL_DEFAULT);
  if (strcmp(argv[optind], "tickets") == 0)
    rc = cmd_tickets(sock, argc - optind, argv + optind, 0);
  else if (strcmp(argv[optind], "export") == 0)
    rc = cmd_tickets(sock, argc - optind, argv + optind, 1);
  else if (strcmp(argv[optind], "show") == 0)
    rc = cmd_show(sock, argc - optind, argv + optind);
  else if (strcmp(argv[optind], "ask") == 0)
    rc = cmd_ask(sock, argc - optind, argv + optind);
  else if (strcmp(argv[optind], "reveal") == 0)
    rc = cmd_reveal(sock, argc - optind, argv + optind);
  else if (strcmp(argv[optind], "purge") == 0)
    rc = cmd_purge(sock, argc - optind, argv + optind);
  else if (strcmp(argv[optind], "outbox") == 0)
    rc = cmd_outbox(sock, argc - optind, argv + optind);
  else
    rc = cmd_status(sock, argc - optind, argv + optind);
  curl_global_cleanup();
  free(sock);
  return rc;
}
