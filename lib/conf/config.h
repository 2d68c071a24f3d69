/*
 * config.h: the daemon's configuration, read from one INI-style file.
 *
 *   # comment
 *   [section]
 *   key = value            values may be "double-quoted"
 *
 * Durations: 250ms 10s 5m 24h 7d (a bare number is seconds).  Sizes: 512
 * 64k 256k 1m (bytes; k and m are 1024-based).  Booleans: yes/no, true/
 * false, on/off, 1/0.  Relative paths are relative to the folder of the
 * config file and are stored resolved.
 *
 * Every directive is one row of a table in config.c (name, type, bounds,
 * default, where it lands in struct config, reloadable or not, and a
 * one-line description); parsing, defaults, `aduand -t` and the
 * documented example all follow that table.
 *
 * Secrets (app_secret, verify_token, access_token, auth_token, secret,
 * password, token, [storage] postgres) may be literal, or a reference resolved at load time:
 *   file:PATH        the file's content, trailing newline removed; refused
 *                    when group/world accessible or owned by another user
 *   env:NAME         the environment variable
 *   credential:NAME  $CREDENTIALS_DIRECTORY/NAME (systemd LoadCredential)
 * A secret's value never appears in a diagnostic.
 */
#ifndef ADUAN_CONFIG_H
#define ADUAN_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"

struct crypto_mac;

enum channel_type {
  CHANNEL_DEV = 0,
  CHANNEL_WHATSAPP_CLOUD,
  CHANNEL_TWILIO,
  CHANNEL_KANNEL,
  CHANNEL_TYPE_COUNT
};

/* Where the store keeps its data ([storage] backend). */
enum storage_backend {
  STORAGE_SQLITE = 0,        /* one file, one daemon */
  STORAGE_POSTGRES           /* one database shared by several daemons */
};

/* "sqlite" or "postgres". */
const char *storage_backend_name(int backend);

/* "dev", "whatsapp_cloud", "twilio", "kannel"; -1 when unknown. */
int channel_type_parse(const char *s);
const char *channel_type_name(enum channel_type t);

struct config_channel {
  char *name;                /* from [channel.NAME]; webhook /webhook/NAME */
  enum channel_type type;
  int line;                  /* line of the section header */
  char *api_base;            /* provider API base URL; NULL for dev */
  /* dev */
  char *token;               /* optional: required as ?token= or
                                X-Aduan-Token when set */
  /* whatsapp_cloud */
  char *app_secret;
  char *verify_token;
  char *access_token;
  char *phone_number_id;
  char *media_hosts;         /* hosts the access token may go to for a
                                media download, separated by spaces or
                                commas */
  /* twilio */
  char *account_sid;
  char *auth_token;
  char *from;                /* also kannel */
  /* kannel */
  char *secret;
  char *sendsms_url;
  char *username;
  char *password;
  /* sending (not dev) */
  int rate;                  /* messages per second */
  int concurrency;           /* requests in flight */
  int max_parts;             /* SMS (twilio, kannel): segments the gateway
                                delivers as one message; a longer summary
                                is split */
  char *template_name;       /* whatsapp_cloud: notices after 24 h */
  char *template_language;
  /* What the channel's adapter keeps between requests (provider_prepare;
   * whatsapp_cloud: app_secret keyed for the webhook signature), owned
   * and freed with the config; NULL until prepared, and then the adapter
   * works without it. */
  struct crypto_mac *sig_mac;
};

struct config {
  char *path;                /* the file as given */
  char *dir;                 /* its folder: base of relative paths */

  struct {
    char *listen;            /* "127.0.0.1:8080", "[::1]:8080" as written */
    char *listen_host;       /* "127.0.0.1", "::1" */
    int listen_port;         /* 0 lets the kernel choose */
    char *public_url;        /* no trailing slash */
    size_t max_body;         /* bytes */
    int max_connections;
    int max_connections_per_client;  /* from one address; 0: no cap */
    uint64_t header_timeout_ms;
    uint64_t idle_timeout_ms;
    uint64_t body_timeout_ms;  /* a request body, from the end of its head */
    uint64_t shutdown_timeout_ms; /* in-flight work gets this long on stop */
  } server;

  struct {
    int backend;             /* enum storage_backend */
    char *path;              /* SQLite file, resolved */
    char *postgres;          /* PostgreSQL: libpq connection string (a
                                secret); NULL when not given */
    char *instance;          /* PostgreSQL: this daemon's name among those
                                on the database; NULL: the host name */
    uint64_t busy_timeout_ms;
    uint64_t payload_retention_ms;   /* 0: raw payloads kept */
    uint64_t personal_retention_ms;  /* 0: personal data kept */
    uint64_t purge_every_ms;         /* 0: only when an admin asks */
  } storage;

  struct {
    int level;               /* enum log_level */
    int text;                /* 1: message text may appear at debug */
    char *file;              /* resolved path; NULL: stderr */
  } log;

  struct {
    int messages_per_minute; /* 0 = no limit */
    int tickets_per_day;     /* 0 = no limit */
  } limits;

  struct {
    char *prefix;
    int verify_within;       /* working days in diterima; 0 = no limit */
    int follow_up_within;    /* working days in diverifikasi or diproses */
    char *holidays;          /* resolved path of the holidays file */
    uint64_t overdue_check_every_ms;
  } ticket;

  struct {
    char *catalog;           /* resolved path */
    uint64_t draft_ttl_ms;   /* idle this long: held, reporter reminded */
    uint64_t draft_keep_ms;  /* held this long after draft_ttl, then gone */
    char *places;            /* resolved paths of the word lists */
    char *lexicon;
    char *allowlist;
    char *stopwords;
    char *threat_model;      /* resolved path; the file may be missing */
    char *feasts;            /* resolved path of the feasts file, or NULL */
    int max_age_years;       /* waktu older than this is refused */
    int language_threshold;  /* percent of stop words */
    int duplicate_same;      /* percent similarity, same reporter */
    int duplicate_any;       /* percent similarity, anyone */
    int kronologi_min_words;
    int kronologi_max_chars;
  } conversation;

  struct {
    int max_attempts;
    uint64_t backoff_base_ms;
    uint64_t backoff_max_ms;
    uint64_t timeout_ms;
    uint64_t unconfirmed_after_ms; /* sent, no delivery report: flagged
                                      after this; 0: never */
  } outbox;

  struct {
    char *dir;               /* resolved */
    size_t max_size;
    uint64_t timeout_ms;
    uint64_t retry_for_ms;
    int allow_private_addresses;  /* 1: downloads may reach loopback,
                                     private and link-local addresses */
  } evidence;

  struct {
    char *socket;            /* resolved path of the admin socket */
    int socket_mode;         /* e.g. 0660 */
    char *operators;         /* "name=uid ..." */
    char *revealers;         /* uids who may reveal an identity, or NULL */
    int metrics_public;      /* /metrics on the public port too */
  } admin;

  struct config_channel *channels;
  int nchannels;
};

/*
 * Read and check the file at path.  On success *out is a new config (free
 * it with config_free) and 0 is returned.  On failure every problem found
 * is in diag as "FILE:LINE: message", *out is NULL and AERR_CONFIG (or
 * -errno when the file cannot be read at all) is returned.  Warnings may
 * be added on success too.
 */
int config_load(const char *path, struct config **out, struct diag *diag);

/* Flags for config_load_flags. */
#define CONFIG_NO_SECRETS 1u  /* keep secret references (file:, env:,
                                 credential:) as written, unresolved */

/*
 * config_load with flags.  CONFIG_NO_SECRETS is for readers that need no
 * secret, such as aduanctl looking for the admin socket: it runs as an
 * operator, without the service's credentials or the right to read its
 * secret files.
 */
int config_load_flags(const char *path, unsigned flags, struct config **out,
                      struct diag *diag);

/* The defaults alone, as if the file were empty (no channels).  There is
 * no file, so path and dir are NULL and relative paths stay as written. */
int config_defaults(struct config **out);

void config_free(struct config *cfg);

/* The channel called name, or NULL. */
const struct config_channel *config_channel(const struct config *cfg,
                                            const char *name);

/*
 * Compare the settings that only a restart applies (the table marks each
 * directive reloadable or not).  Adds one warning to diag, naming the key,
 * for each such setting that differs between old and cur, and returns how
 * many differ; the caller keeps running with the old values of those.
 */
int config_restart_needed(const struct config *old, const struct config *cur,
                          struct diag *diag);

/*
 * The name of every setting that differs between old and cur, reloadable
 * or not, appended to names as a space-separated list ("log.level
 * conversation.catalog channel.wa.access_token"): a plain key as
 * SECTION.KEY, a channel's key as channel.NAME.KEY, a channel added or
 * removed as channel.NAME.  Only names: never a value, since some are
 * secrets.  Returns how many were listed, or a buf error.
 */
int config_changes(const struct config *old, const struct config *cur,
                   struct buf *names);

/*
 * Give cur the old values of the settings that only a restart applies
 * (the ones config_restart_needed reports), so that a reloaded config
 * describes what the running daemon actually uses: the socket it listens
 * on, the database it has open.  Returns 0 or -ENOMEM.
 */
int config_keep_restart_only(struct config *cur, const struct config *old);

/*
 * Refuse what would expose the daemon: a dev channel without a token
 * while [server] listen is not a loopback address (127.0.0.0/8, ::1;
 * localhost is read as 127.0.0.1), since anyone who reaches the port
 * could then file reports.  Adds one error to diag (at the channel's
 * line in cfg->path) per such channel and returns how many.  config_load
 * runs it; a reload runs it again once the running listen address is
 * kept (config_keep_restart_only).
 */
int config_check_exposure(const struct config *cfg, struct diag *diag);

/*
 * Append the documented example configuration to out: every directive of
 * the table with its description, bounds, default and whether a reload
 * applies it, then a commented-out example section for each channel type.
 * config/aduand.conf.example is this text.  Returns 0 or a buf error.
 */
int config_example(struct buf *out);

/*
 * Append aduand.conf(5), the man page of the config, to out: the same
 * directive table rendered as man(7), marked with version and date.
 * Returns 0 or a buf error.
 */
int config_manual(struct buf *out, const char *version, const char *date);

/* Whether uid is in list (user ids separated by spaces or commas, as
 * [admin] revealers): 1 or 0; -1 when list is not such a list.  uid -1
 * only checks the list. */
int config_uid_listed(const char *list, long uid);

/* Parse helpers, exposed for the tests and for other file readers.
 * Each returns 0 or AERR_PARSE / AERR_RANGE. */
int config_parse_duration(const char *s, uint64_t *ms);
int config_parse_size(const char *s, size_t *bytes);
int config_parse_bool(const char *s, int *b);

#endif
