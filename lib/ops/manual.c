/*
 * manual.c: what aduand and aduanctl take on their command lines and
 * what they do with it (SPEC §10).  Texts are plain ASCII paragraphs;
 * base/manpage.c wraps and escapes them.
 */
#include "ops/manual.h"

#include <stddef.h>

static const char *const aduand_synopsis[] = {
  "aduand [-c FILE] [-t] [-V] [-h]",
  NULL
};

static const struct manpage_item aduand_options[] = {
  { "-c FILE", "config file (default " ADUAN_DEFAULT_CONFIG ")" },
  { "-t", "check the config, the message catalogue and the lists it names, "
          "and exit: 0 and \"configuration OK\", or 1 with every error as "
          "FILE:LINE: message on stderr" },
  { "-V", "print the version and exit" },
  { "-h", "print this help and exit" },
  { NULL, NULL }
};

static const struct manpage_item aduand_signals[] = {
  { "TERM, INT", "stop accepting, finish in-flight work, exit 0" },
  { "HUP", "reload the config and the catalogue without dropping a "
           "connection; an invalid new config is refused and the old one "
           "kept" },
  { "USR1", "reopen the [log] file (after logrotate moved it)" },
  { NULL, NULL }
};

static const struct manpage_section aduand_sections[] = {
  { "OPTIONS", NULL, aduand_options, 0 },
  { "SIGNALS", NULL, aduand_signals, 0 },
  { "FILES",
    ADUAN_DEFAULT_CONFIG " is the config (aduand.conf(5)); the message "
    "catalogue, word lists, holidays and place data sit next to it.  The "
    "database and the evidence files live in the state folder the config "
    "names (/var/lib/aduan when installed from the package); the admin "
    "socket in /run/aduan.", NULL, 1 },
  { "EXIT STATUS",
    "0 after a clean stop or a config that checks; 1 when the config is "
    "wrong or start-up fails (each error on stderr); 2 for a wrong command "
    "line.", NULL, 1 },
  { "SEE ALSO", "aduanctl(8), aduand.conf(5), systemd.service(5)", NULL, 1 },
  { NULL, NULL, NULL, 0 }
};

const struct manpage manual_aduand = {
  .name = "aduand",
  .section = 8,
  .summary = "complaint-hotline gateway daemon",
  .synopsis = aduand_synopsis,
  .description =
    "Complaint-hotline gateway: receives reports by SMS and WhatsApp "
    "webhooks, talks with the reporter, files tickets.\n\n"
    "aduand is one process with one event loop.  It answers the webhooks "
    "of the channels its config names, keeps every conversation, ticket "
    "and reply in its database, sends replies through the providers' "
    "APIs, and serves the admin API that aduanctl(8) uses.  It logs one "
    "line per event on stderr (journald under systemd), phone numbers "
    "masked.",
  .sections = aduand_sections,
};

static const char *const aduanctl_synopsis[] = {
  "aduanctl [-c FILE | -s SOCKET] COMMAND [ARGS]",
  "aduanctl -h | -V",
  NULL
};

static const struct manpage_item aduanctl_commands[] = {
  { "tickets [--status S] [--since DATE] [--until DATE] [--category C] "
    "[--kabupaten CODE] [--open] [--overdue] [--json]",
    "list tickets (reporters by handle only); --overdue: past their "
    "service level" },
  { "show NUMBER [--json]", "one ticket with its events and evidence" },
  { "status NUMBER NEW --note TEXT [--agency NAME] [--json]",
    "move a ticket (diverifikasi, diproses, selesai, ditunda, ditolak, "
    "diterima); the reporter is told" },
  { "export --since DATE [--until DATE] [--format csv|json]",
    "all tickets filed in the range" },
  { "ask NUMBER QUESTION [--json]",
    "ask the reporter of an open ticket a question in their channel; "
    "their next message is attached as the answer" },
  { "reveal NUMBER --reason TEXT [--json]",
    "the number and name of the reporter behind a ticket (users in "
    "[admin] revealers only; recorded with the reason)" },
  { "purge [--json]", "remove now what the retention periods say is no "
                      "longer kept (also done hourly)" },
  { "outbox --unconfirmed [--json]",
    "replies sent with no delivery report after [outbox] "
    "unconfirmed_after" },
  { "chat NUMBER [--url URL]",
    "talk to the daemon as the citizen NUMBER through its dev channel; "
    "each line you type is one message, replies are printed; end with "
    "EOF (Ctrl-D) or /quit" },
  { NULL, NULL }
};

static const struct manpage_item aduanctl_options[] = {
  { "-c FILE", "the daemon's config, to find its admin socket and dev "
               "channel (default " ADUAN_DEFAULT_CONFIG ")" },
  { "-s SOCKET", "the admin socket, instead of the config's" },
  { "-h", "this help" },
  { "-V", "version" },
  { NULL, NULL }
};

static const struct manpage_section aduanctl_sections[] = {
  { "COMMANDS",
    "DATE is YYYY-MM-DD (a day in WITA).  Each command takes --help.",
    aduanctl_commands, 0 },
  { "OPTIONS", NULL, aduanctl_options, 0 },
  { "EXIT STATUS",
    "0 success, 1 failure (daemon unreachable or failing), 2 usage error, "
    "3 no such ticket, 4 refused (a move the lifecycle does not allow, a "
    "question about a closed ticket, a reveal not allowed or not "
    "possible).", NULL, 0 },
  { "SEE ALSO", "aduand(8), aduand.conf(5)", NULL, 1 },
  { NULL, NULL, NULL, 0 }
};

const struct manpage manual_aduanctl = {
  .name = "aduanctl",
  .section = 8,
  .summary = "operator and admin tool of the aduan gateway",
  .synopsis = aduanctl_synopsis,
  .description =
    "aduanctl talks to a running aduand(8) over its admin socket: it "
    "lists and shows tickets, moves them along their lifecycle with a "
    "note, exports them, asks reporters questions and reveals an "
    "identity where the config allows it.  Reporters appear by handle "
    "only; every listing takes --json.",
  .sections = aduanctl_sections,
};
