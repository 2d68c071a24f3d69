/*
 * ctl_client.h: the client side of aduanctl.
 *
 * ctl_chat() lets an operator talk to a running daemon as a citizen would,
 * through a `dev` channel: each line typed is posted as one message, and
 * the replies the citizen would receive are printed.
 */
#ifndef ADUAN_CTL_CLIENT_H
#define ADUAN_CTL_CLIENT_H

#include <stdio.h>

#include "conf/config.h"

/* The URL of the first channel of cfg that the chat talks to (the dev
 * channel: provider_console) ("http://127.0.0.1:8080/webhook/dev"),
 * allocated; NULL when cfg has no such channel.  *token is
 * set to the channel's token (borrowed, may be NULL). */
char *ctl_dev_url(const struct config *cfg, const char **token);

/*
 * Post text from number (E.164 or national form) to url.  On success the
 * replies are printed to out, one per paragraph, and 0 is returned;
 * otherwise a message goes to err and a negative code is returned.
 */
int ctl_chat_send(const char *url, const char *token, const char *number,
                  const char *text, FILE *out, FILE *err);

/* Read lines from in until EOF (or "/quit"), sending each with
 * ctl_chat_send.  Returns 0, or the first error's code. */
int ctl_chat(const char *url, const char *token, const char *number,
             FILE *in, FILE *out, FILE *err);

/* Exit codes of aduanctl, for scripts. */
enum ctl_exit {
  CTL_OK = 0,
  CTL_FAIL = 1,       /* the daemon is unreachable or failed */
  CTL_USAGE = 2,      /* the command line is wrong */
  CTL_NOTFOUND = 3,   /* no such ticket */
  CTL_REFUSED = 4     /* the daemon refused the change (illegal move) */
};

/*
 * One request to the admin API on the unix socket at sock.  On success
 * *status is the HTTP status and *body the answer (allocated; the caller
 * frees).  Returns 0, or -EIO with a message on err when the daemon could
 * not be reached.
 */
int ctl_admin(const char *sock, const char *method, const char *path,
              const char *json_body, long *status, char **body, FILE *err);

/* The exit code for an HTTP status of the admin API. */
int ctl_exit_for(long status);

/* Print a ticket list answer (JSON from GET /tickets) as a table. */
int ctl_print_tickets(const char *json, FILE *out);

/* Print an overdue list (GET /tickets?overdue=1): due time and working
 * days late per ticket. */
int ctl_print_overdue(const char *json, FILE *out);

/* Print one ticket (JSON from GET /tickets/N) for people. */
int ctl_print_ticket(const char *json, FILE *out);

/* Print the answer to a status change (JSON from POST /tickets/N/status)
 * as one line: "NTT-2026-00042: diterima -> diverifikasi by NAME". */
int ctl_print_status(const char *json, FILE *out);

/* Print the answer to a reveal (POST /tickets/N/reveal) for people. */
int ctl_print_reveal(const char *json, FILE *out);

/* Print the answer to a question (POST /tickets/N/ask) as one line. */
int ctl_print_ask(const char *json, FILE *out);

/* Print the answer to a purge (POST /purge) as one line. */
int ctl_print_purge(const char *json, FILE *out);

/* Print the unconfirmed replies (GET /outbox/unconfirmed) as a table:
 * id, channel, sent (WITA), how long ago, ticket, reporter handle. */
int ctl_print_unconfirmed(const char *json, FILE *out);

/* Print a refusal from the daemon as "aduanctl: REASON": the answer's
 * "error" field, or the answer itself when it is not such JSON, or
 * "failed" when answer is NULL or empty; escaped like every other text
 * for people.  Returns 0. */
int ctl_print_error(const char *answer, FILE *out);

#endif
