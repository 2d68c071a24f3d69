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

#include "config.h"
#include "ctl_client.h"
#include "phone.h"

static void
usage(FILE *f)
{
  fprintf(f,
    "usage: aduanctl [-c FILE | -s SOCKET] COMMAND [ARGS]\n"
    "       aduanctl -h | -V\n"
    "\n"
    "Commands:\n"
    "  chat NUMBER [--url URL]  talk to the daemon as the citizen NUMBER\n"
    "                           through its dev channel; each line you type\n"
    "                           is one message, replies are printed; end\n"
    "                           with EOF (Ctrl-D) or /quit\n"
    "\n"
    "Options:\n"
    "  -c FILE    daemon config, to find the dev channel (default %s)\n"
    "  -s SOCKET  admin socket of the daemon\n"
    "  -h         this help\n"
    "  -V         version\n"
    "\n"
    "Exit status: 0 success, 1 failure, 2 usage error.\n",
    ADUAN_DEFAULT_CONFIG);
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

int
main(int argc, char **argv)
{
  const char *cfgpath = ADUAN_DEFAULT_CONFIG;
  int opt;

  while ((opt = getopt(argc, argv, "+c:s:hV")) != -1) {
    switch (opt) {
    case 'c': cfgpath = optarg; break;
    case 's': break;  /* the admin socket; used by the admin commands */
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
  fprintf(stderr, "aduanctl: unknown command '%s'\n", argv[optind]);
  usage(stderr);
  return 2;
}
