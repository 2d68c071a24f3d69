/*
 * config.c: the configuration file (see config.h).  It owns the directive
 * table, the INI reader, the parsing and checking of every value, the
 * resolution of secret references, and the documented example that is
 * rendered from the table.
 *
 * Reading happens in two steps per section: the lines of a section are
 * collected first and applied when the section ends, so that a channel's
 * "type" may appear anywhere in its section and every other key is still
 * checked against it.  Every problem becomes one "FILE:LINE: message"
 * entry in the caller's diag and reading carries on, so that an admin sees
 * all of them at once.  A secret's value never reaches a diagnostic; nor
 * does the text of a line that could not be understood, since it may be a
 * secret pasted in the wrong place.
 */
#include "conf/config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/crypto.h"
#include "base/manpage.h"
#include "base/err.h"
#include "base/lines.h"
#include "base/log.h"
#include "base/units.h"

#define CONFIG_MAX_LINE 4096          /* bytes in one line, without its end */
#define CONFIG_MAX_FILE (1024 * 1024) /* bytes in the whole file */
#define SECRET_MAX 8192               /* bytes in a secret file */
#define KEY_MAX 64                    /* bytes in a key or section name */
#define CHANNEL_NAME_MAX 32

#define MS_SECOND 1000LL
#define MS_MINUTE (60 * MS_SECOND)
#define MS_HOUR (60 * MS_MINUTE)
#define KIB 1024LL
#define MIB (1024 * KIB)

enum section_id {
  SEC_SERVER,
  SEC_STORAGE,
  SEC_LOG,
  SEC_LIMITS,
  SEC_TICKET,
  SEC_CONVERSATION,
  SEC_OUTBOX,
  SEC_EVIDENCE,
  SEC_ADMIN,
  SEC_CHANNEL,        /* [channel.NAME] */
  SEC_COUNT
};

/* The reader's position outside any section it can apply. */
#define SEC_NONE (-1)   /* before the first header */
#define SEC_SKIP (-2)   /* below a refused header: its lines are ignored */

static const char *const section_names[SEC_COUNT] = {
  "server", "storage", "log", "limits", "ticket", "conversation", "outbox",
  "evidence", "admin", "channel"
};

/*
 * The kinds of value.  Each fixes both the syntax a value must have and
 * the C type of the field it lands in: char * for string, path, url,
 * secret, listen and prefix; int for int, bool and loglevel; uint64_t
 * (milliseconds) for duration; size_t for size; enum channel_type for
 * chantype.
 */
enum value_type {
  T_STRING,    /* free text, min..max bytes */
  T_PATH,      /* file path, resolved against the config's folder */
  T_INT,       /* decimal integer, min..max */
  T_BOOL,      /* yes/no, true/false, on/off, 1/0 */
  T_DURATION,  /* 250ms 10s 5m 24h 7d, min..max milliseconds */
  T_SIZE,      /* 512 64k 1m, min..max bytes */
  T_LOGLEVEL,  /* debug | info | warn | error */
  T_LISTEN,    /* host:port; also fills server.listen_host and _port */
  T_URL,       /* http:// or https:// URL, stored without trailing '/' */
  T_SECRET,    /* literal, file:PATH, env:NAME or credential:NAME */
  T_PREFIX,    /* min..max upper-case letters and digits */
  T_CHANTYPE,  /* dev | whatsapp_cloud | twilio | kannel */
  T_MODE,      /* file permissions in octal, 0000 to 0777 */
  T_UIDS,      /* user ids (0 to 2^31-1), separated by spaces or commas */
  T_BACKEND    /* sqlite | postgres: enum storage_backend */
};

#define F_RELOAD 1u  /* a reload (SIGHUP) applies a change */
#define F_EMPTY 2u   /* an empty value leaves the setting unset */

#define TB(t) (1u << (t))
#define T_DEV TB(CHANNEL_DEV)
#define T_WA TB(CHANNEL_WHATSAPP_CLOUD)
#define T_TW TB(CHANNEL_TWILIO)
#define T_KA TB(CHANNEL_KANNEL)
#define T_ALL (T_DEV | T_WA | T_TW | T_KA)

#define CFG(field) offsetof(struct config, field)
#define CHN(field) offsetof(struct config_channel, field)

/* One directive: everything the reader, the defaults and the example
 * need to know about one key. */
struct directive {
  enum section_id section;
  const char *key;
  enum value_type type;
  size_t offset;          /* into struct config, or struct config_channel
                             for SEC_CHANNEL */
  long long min, max;     /* value, milliseconds, bytes or length bounds */
  const char *def;        /* default as written in a file; NULL: unset */
  unsigned flags;         /* F_* */
  unsigned types;         /* channel keys: TB() of the types accepting it */
  unsigned required;      /* channel keys: TB() of the types needing it */
  const char *type_def[CHANNEL_TYPE_COUNT];  /* channel keys: defaults */
  const char *example;    /* example value when there is no default */
  const char *type_example[CHANNEL_TYPE_COUNT];
  const char *help;       /* one line for the documented example */
};

static const struct directive directives[] = {
  /* [server] */
  { .section = SEC_SERVER, .key = "listen", .type = T_LISTEN,
    .offset = CFG(server.listen), .def = "127.0.0.1:8080",
    .help = "Address and port the webhooks arrive on; [::1]:8080 for IPv6" },
  { .section = SEC_SERVER, .key = "public_url", .type = T_URL,
    .offset = CFG(server.public_url), .max = 2048,
    .flags = F_RELOAD | F_EMPTY,
    .example = "https://pengaduan.example.go.id",
    .help = "How providers reach us (Twilio signatures, Kannel dlr-url)" },
  { .section = SEC_SERVER, .key = "max_body", .type = T_SIZE,
    .offset = CFG(server.max_body), .min = 1 * KIB, .max = 64 * MIB,
    .def = "256k", .flags = F_RELOAD,
    .help = "Largest request body accepted; a larger one gets 413" },
  { .section = SEC_SERVER, .key = "max_connections", .type = T_INT,
    .offset = CFG(server.max_connections), .min = 1, .max = 100000,
    .def = "1024", .flags = F_RELOAD,
    .help = "Connections open at once; one more gets 503" },
  { .section = SEC_SERVER, .key = "header_timeout", .type = T_DURATION,
    .offset = CFG(server.header_timeout_ms), .min = 1 * MS_SECOND,
    .max = 10 * MS_MINUTE, .def = "10s", .flags = F_RELOAD,
    .help = "Time a client has to send a request's headers" },
  { .section = SEC_SERVER, .key = "idle_timeout", .type = T_DURATION,
    .offset = CFG(server.idle_timeout_ms), .min = 1 * MS_SECOND,
    .max = 1 * MS_HOUR, .def = "60s", .flags = F_RELOAD,
    .help = "A connection with nothing in flight is closed after this" },
  { .section = SEC_SERVER, .key = "body_timeout", .type = T_DURATION,
    .offset = CFG(server.body_timeout_ms), .min = 1 * MS_SECOND,
    .max = 1 * MS_HOUR, .def = "30s", .flags = F_RELOAD,
    .help = "Time a client has to send a whole request body; then 408" },
  { .section = SEC_SERVER, .key = "max_connections_per_client",
    .type = T_INT, .offset = CFG(server.max_connections_per_client),
    .min = 0, .max = 100000, .def = "512", .flags = F_RELOAD,
    .help = "Connections from one client address; one more gets 503; "
            "0: no cap.\n# Behind nginx on this host every "
            "connection comes from 127.0.0.1: set it to\n# max_connections "
            "and cap each client in nginx (limit_conn)" },
  { .section = SEC_SERVER, .key = "shutdown_timeout", .type = T_DURATION,
    .offset = CFG(server.shutdown_timeout_ms), .min = 0,
    .max = 10 * MS_MINUTE, .def = "10s", .flags = F_RELOAD,
    .help = "On SIGTERM, in-flight work gets this long to finish" },

  /* [storage] */
  { .section = SEC_STORAGE, .key = "path", .type = T_PATH,
    .offset = CFG(storage.path), .def = "var/aduan.db",
    .help = "SQLite database file" },
  { .section = SEC_STORAGE, .key = "backend", .type = T_BACKEND,
    .offset = CFG(storage.backend), .def = "sqlite",
    .help = "Where the data lives: sqlite (the file at path; one server) "
            "or postgres\n# (the database named by postgres, shared by "
            "several aduand)" },
  { .section = SEC_STORAGE, .key = "postgres", .type = T_SECRET,
    .offset = CFG(storage.postgres),
    .example = "credential:pg-conninfo",
    .help = "With backend = postgres: the libpq connection string, such as "
            "\"host=db1\n# dbname=aduan user=aduan password=...\" (a "
            "secret)" },
  { .section = SEC_STORAGE, .key = "instance", .type = T_STRING,
    .offset = CFG(storage.instance), .min = 1, .max = 63, .flags = F_EMPTY,
    .example = "aduan-1",
    .help = "With backend = postgres: this daemon's name among those "
            "sharing the database\n# (it marks the replies it is sending); "
            "unset: the host name" },
  { .section = SEC_STORAGE, .key = "busy_timeout", .type = T_DURATION,
    .offset = CFG(storage.busy_timeout_ms), .min = 0, .max = 1 * MS_MINUTE,
    .def = "5s",
    .help = "How long a statement waits for a locked database" },
  { .section = SEC_STORAGE, .key = "payload_retention", .type = T_DURATION,
    .offset = CFG(storage.payload_retention_ms), .min = 0,
    .max = 3650 * DAY_MS, .def = "90d", .flags = F_RELOAD,
    .help = "Raw webhook payloads (kept for audit) are cleared after this "
            "long; 0 keeps them" },
  { .section = SEC_STORAGE, .key = "personal_retention", .type = T_DURATION,
    .offset = CFG(storage.personal_retention_ms), .min = 0,
    .max = 3650 * DAY_MS, .def = "365d", .flags = F_RELOAD,
    .help = "A reporter's number, name and messages are removed this long "
            "after their last ticket closed and their last message (the "
            "reports stay); 0 keeps them" },
  { .section = SEC_STORAGE, .key = "purge_every", .type = T_DURATION,
    .offset = CFG(storage.purge_every_ms), .min = 0, .max = 7 * DAY_MS,
    .def = "1h", .flags = F_RELOAD,
    .help = "How often the retention purge runs (first a minute after "
            "start); 0: only on aduanctl purge" },

  /* [log] */
  { .section = SEC_LOG, .key = "level", .type = T_LOGLEVEL,
    .offset = CFG(log.level), .def = "info", .flags = F_RELOAD,
    .help = "Lowest level of the lines written to the log" },
  { .section = SEC_LOG, .key = "text", .type = T_BOOL,
    .offset = CFG(log.text), .def = "no", .flags = F_RELOAD,
    .help = "Whether message text may appear in debug lines" },
  { .section = SEC_LOG, .key = "file", .type = T_PATH,
    .offset = CFG(log.file), .flags = F_RELOAD | F_EMPTY,
    .example = "/var/log/aduan/aduand.log",
    .help = "Log to this file instead of stderr; SIGUSR1 reopens it "
            "(logrotate)" },

  /* [limits] */
  { .section = SEC_LIMITS, .key = "messages_per_minute", .type = T_INT,
    .offset = CFG(limits.messages_per_minute), .min = 0, .max = 100000,
    .def = "30", .flags = F_RELOAD,
    .help = "Messages per reporter per minute; 0 means no limit" },
  { .section = SEC_LIMITS, .key = "tickets_per_day", .type = T_INT,
    .offset = CFG(limits.tickets_per_day), .min = 0, .max = 100000,
    .def = "5", .flags = F_RELOAD,
    .help = "New tickets per reporter per day; 0 means no limit" },

  /* [ticket] */
  { .section = SEC_TICKET, .key = "prefix", .type = T_PREFIX,
    .offset = CFG(ticket.prefix), .min = 1, .max = 10, .def = "NTT",
    .flags = F_RELOAD,
    .help = "Prefix of the ticket numbers given to reporters" },
  { .section = SEC_TICKET, .key = "verify_within", .type = T_INT,
    .offset = CFG(ticket.verify_within), .min = 0, .max = 365, .def = "3",
    .flags = F_RELOAD,
    .help = "Working days a ticket may stay diterima before it is overdue "
            "(SP4N-LAPOR!: 3); 0: no limit" },
  { .section = SEC_TICKET, .key = "follow_up_within", .type = T_INT,
    .offset = CFG(ticket.follow_up_within), .min = 0, .max = 365,
    .def = "5", .flags = F_RELOAD,
    .help = "Working days a ticket may stay diverifikasi or diproses "
            "without a next move before it is overdue (SP4N-LAPOR!: 5); "
            "0: no limit" },
  { .section = SEC_TICKET, .key = "holidays", .type = T_PATH,
    .offset = CFG(ticket.holidays), .def = "holidays.txt",
    .flags = F_RELOAD,
    .help = "Holidays and cuti bersama, one YYYY-MM-DD per line: not "
            "working days" },
  { .section = SEC_TICKET, .key = "overdue_check_every", .type = T_DURATION,
    .offset = CFG(ticket.overdue_check_every_ms), .min = 1 * MS_SECOND,
    .max = 1 * DAY_MS, .def = "10m", .flags = F_RELOAD,
    .help = "How often overdue tickets are looked for and logged" },

  /* [conversation] */
  { .section = SEC_CONVERSATION, .key = "catalog", .type = T_PATH,
    .offset = CFG(conversation.catalog), .def = "messages.id.conf",
    .flags = F_RELOAD,
    .help = "Message catalogue: every text the bot sends" },
  { .section = SEC_CONVERSATION, .key = "draft_ttl", .type = T_DURATION,
    .offset = CFG(conversation.draft_ttl_ms), .min = 1 * MS_MINUTE,
    .max = 30 * DAY_MS, .def = "24h", .flags = F_RELOAD,
    .help = "An unfinished report idle this long is held: its reporter "
            "may continue it (LANJUTKAN) or start afresh" },
  { .section = SEC_CONVERSATION, .key = "draft_keep", .type = T_DURATION,
    .offset = CFG(conversation.draft_keep_ms), .min = 0,
    .max = 365 * DAY_MS, .def = "7d", .flags = F_RELOAD,
    .help = "How long a held report is kept after draft_ttl before it is "
            "discarded" },

  { .section = SEC_CONVERSATION, .key = "places", .type = T_PATH,
    .offset = CFG(conversation.places), .def = "wilayah.txt",
    .flags = F_RELOAD,
    .help = "The gazetteer of NTT, for lokasi (includes kecamatan, desa)" },
  { .section = SEC_CONVERSATION, .key = "lexicon", .type = T_PATH,
    .offset = CFG(conversation.lexicon), .def = "lexicon.txt",
    .flags = F_RELOAD,
    .help = "Insults, hate speech and SARA terms refused in reports" },
  { .section = SEC_CONVERSATION, .key = "allowlist", .type = T_PATH,
    .offset = CFG(conversation.allowlist), .def = "allowlist.txt",
    .flags = F_RELOAD,
    .help = "Innocent words that contain a lexicon entry" },
  { .section = SEC_CONVERSATION, .key = "stopwords", .type = T_PATH,
    .offset = CFG(conversation.stopwords), .def = "stopwords.id.txt",
    .flags = F_RELOAD,
    .help = "Indonesian stop words for the language check" },
  { .section = SEC_CONVERSATION, .key = "threat_model", .type = T_PATH,
    .offset = CFG(conversation.threat_model), .flags = F_RELOAD | F_EMPTY,
    .example = "threat-model.txt",
    .help = "A learned second opinion on threats in reports (see the "
            "README; set in the shipped configurations); unset or a "
            "missing file: threats are judged by the lexicon's rules "
            "alone" },
  { .section = SEC_CONVERSATION, .key = "feasts", .type = T_PATH,
    .offset = CFG(conversation.feasts), .flags = F_RELOAD | F_EMPTY,
    .example = "hari-raya.txt",
    .help = "Dates of the feasts set by decree each year (Idul Fitri, "
            "Idul Adha, Imlek, Nyepi, Waisak, ...), for waktu answers "
            "such as 'waktu lebaran'; unset: those feasts are taken "
            "without a date" },
  { .section = SEC_CONVERSATION, .key = "max_age_years", .type = T_INT,
    .offset = CFG(conversation.max_age_years), .min = 1, .max = 50,
    .def = "5", .flags = F_RELOAD,
    .help = "Events older than this many years are not taken" },
  { .section = SEC_CONVERSATION, .key = "language_threshold", .type = T_INT,
    .offset = CFG(conversation.language_threshold), .min = 0, .max = 100,
    .def = "8", .flags = F_RELOAD,
    .help = "Percent of Indonesian stop words a description needs" },
  { .section = SEC_CONVERSATION, .key = "duplicate_same", .type = T_INT,
    .offset = CFG(conversation.duplicate_same), .min = 1, .max = 100,
    .def = "50", .flags = F_RELOAD,
    .help = "Percent similarity to an open ticket of the same reporter "
            "that makes a duplicate when no specific differs (less when "
            "the stories share a named office or person, or two of amount, "
            "date, day and span)" },
  { .section = SEC_CONVERSATION, .key = "duplicate_any", .type = T_INT,
    .offset = CFG(conversation.duplicate_any), .min = 1, .max = 100,
    .def = "85", .flags = F_RELOAD,
    .help = "Percent similarity to any open ticket that makes a duplicate "
            "when no specific differs (less when the stories share a named "
            "office or person, or two of amount, date, day and span)" },
  { .section = SEC_CONVERSATION, .key = "kronologi_min_words", .type = T_INT,
    .offset = CFG(conversation.kronologi_min_words), .min = 1, .max = 1000,
    .def = "8", .flags = F_RELOAD,
    .help = "Words a description needs at least" },
  { .section = SEC_CONVERSATION, .key = "kronologi_max_chars", .type = T_INT,
    .offset = CFG(conversation.kronologi_max_chars), .min = 100,
    .max = 100000, .def = "4000", .flags = F_RELOAD,
    .help = "Characters a description may have at most" },

  /* [outbox] */
  { .section = SEC_OUTBOX, .key = "max_attempts", .type = T_INT,
    .offset = CFG(outbox.max_attempts), .min = 1, .max = 1000, .def = "10",
    .flags = F_RELOAD,
    .help = "Attempts before a reply that keeps failing is marked dead" },
  { .section = SEC_OUTBOX, .key = "backoff_base", .type = T_DURATION,
    .offset = CFG(outbox.backoff_base_ms), .min = 10, .max = 1 * MS_HOUR,
    .def = "2s", .flags = F_RELOAD,
    .help = "First retry delay; doubled each attempt, with jitter" },
  { .section = SEC_OUTBOX, .key = "backoff_max", .type = T_DURATION,
    .offset = CFG(outbox.backoff_max_ms), .min = 10, .max = 7 * DAY_MS,
    .def = "1h", .flags = F_RELOAD,
    .help = "Longest delay between two attempts" },
  { .section = SEC_OUTBOX, .key = "timeout", .type = T_DURATION,
    .offset = CFG(outbox.timeout_ms), .min = 100, .max = 10 * MS_MINUTE,
    .def = "20s", .flags = F_RELOAD,
    .help = "Time one send request may take" },
  { .section = SEC_OUTBOX, .key = "unconfirmed_after", .type = T_DURATION,
    .offset = CFG(outbox.unconfirmed_after_ms), .min = 0,
    .max = 30 * DAY_MS, .def = "1h", .flags = F_RELOAD,
    .help = "A reply sent on a channel that reports delivery and still "
            "without any delivery report after this long is flagged "
            "(event=outbox.unconfirmed); 0: never" },

  /* [evidence] */
  { .section = SEC_EVIDENCE, .key = "dir", .type = T_PATH,
    .offset = CFG(evidence.dir), .def = "var/evidence",
    .help = "Where evidence files are kept, named by their SHA-256" },
  { .section = SEC_EVIDENCE, .key = "max_size", .type = T_SIZE,
    .offset = CFG(evidence.max_size), .min = 1 * KIB, .max = 1024 * MIB,
    .def = "16m", .flags = F_RELOAD,
    .help = "Largest evidence file downloaded" },
  { .section = SEC_EVIDENCE, .key = "timeout", .type = T_DURATION,
    .offset = CFG(evidence.timeout_ms), .min = 1 * MS_SECOND,
    .max = 1 * MS_HOUR, .def = "60s", .flags = F_RELOAD,
    .help = "Time one download may take" },
  { .section = SEC_EVIDENCE, .key = "retry_for", .type = T_DURATION,
    .offset = CFG(evidence.retry_for_ms), .min = 1 * MS_SECOND,
    .max = 1 * DAY_MS, .def = "10m", .flags = F_RELOAD,
    .help = "How long a failing download is retried (provider URLs expire)" },
  { .section = SEC_EVIDENCE, .key = "allow_private_addresses",
    .type = T_BOOL, .offset = CFG(evidence.allow_private_addresses),
    .def = "no",
    .help = "Let downloads reach loopback, private, link-local and other "
            "non-public addresses; yes only where providers are fakes on "
            "loopback (tests)" },

  /* [admin] */
  { .section = SEC_ADMIN, .key = "socket", .type = T_PATH,
    .offset = CFG(admin.socket), .def = "var/admin.sock",
    .help = "Unix socket of the admin API (aduanctl); /run/aduan/admin.sock "
            "under systemd" },
  { .section = SEC_ADMIN, .key = "socket_mode", .type = T_MODE,
    .offset = CFG(admin.socket_mode), .def = "0660",
    .help = "Permissions of the admin socket: who may run aduanctl" },
  { .section = SEC_ADMIN, .key = "operators", .type = T_STRING,
    .offset = CFG(admin.operators), .min = 0, .max = 4096,
    .flags = F_RELOAD | F_EMPTY, .example = "budi=1001 siti=1002",
    .help = "Operators' names by user id (NAME=UID ...), recorded on each "
            "change; others are recorded as uid:N" },
  { .section = SEC_ADMIN, .key = "revealers", .type = T_UIDS,
    .offset = CFG(admin.revealers), .flags = F_RELOAD | F_EMPTY,
    .def = "0",
    .help = "User ids who may see the number and name behind a ticket "
            "(aduanctl reveal, recorded with a reason); empty: nobody" },
  { .section = SEC_ADMIN, .key = "metrics_public", .type = T_BOOL,
    .offset = CFG(admin.metrics_public), .def = "no", .flags = F_RELOAD,
    .help = "Also serve GET /metrics on the public port" },

  /* [channel.NAME] */
  { .section = SEC_CHANNEL, .key = "type", .type = T_CHANTYPE,
    .offset = CHN(type), .flags = F_RELOAD, .types = T_ALL,
    .required = T_ALL,
    .help = "Provider type of the channel" },
  { .section = SEC_CHANNEL, .key = "api_base", .type = T_URL,
    .offset = CHN(api_base), .max = 2048, .flags = F_RELOAD,
    .types = T_WA | T_TW,
    .type_def = { [CHANNEL_WHATSAPP_CLOUD] = "https://graph.facebook.com/v21.0",
                  [CHANNEL_TWILIO] = "https://api.twilio.com" },
    .help = "Provider API base URL; tests point it at a fake provider" },
  { .section = SEC_CHANNEL, .key = "token", .type = T_SECRET,
    .offset = CHN(token), .flags = F_RELOAD, .types = T_DEV,
    .type_example = { [CHANNEL_DEV] = "env:ADUAN_DEV_TOKEN" },
    .help = "Callers must send it as ?token= or X-Aduan-Token; unset: none" },
  { .section = SEC_CHANNEL, .key = "app_secret", .type = T_SECRET,
    .offset = CHN(app_secret), .flags = F_RELOAD, .types = T_WA,
    .required = T_WA,
    .type_example = { [CHANNEL_WHATSAPP_CLOUD] = "credential:wa-app-secret" },
    .help = "Meta app secret; checks X-Hub-Signature-256 on webhooks" },
  { .section = SEC_CHANNEL, .key = "verify_token", .type = T_SECRET,
    .offset = CHN(verify_token), .flags = F_RELOAD, .types = T_WA,
    .required = T_WA,
    .type_example = { [CHANNEL_WHATSAPP_CLOUD] = "env:ADUAN_WA_VERIFY_TOKEN" },
    .help = "Token Meta sends in the webhook verify handshake" },
  { .section = SEC_CHANNEL, .key = "access_token", .type = T_SECRET,
    .offset = CHN(access_token), .flags = F_RELOAD, .types = T_WA,
    .required = T_WA,
    .type_example =
      { [CHANNEL_WHATSAPP_CLOUD] = "file:secrets/wa-access-token" },
    .help = "Bearer token for sending through the Graph API" },
  { .section = SEC_CHANNEL, .key = "phone_number_id", .type = T_STRING,
    .offset = CHN(phone_number_id), .min = 1, .max = 64, .flags = F_RELOAD,
    .types = T_WA, .required = T_WA,
    .type_example = { [CHANNEL_WHATSAPP_CLOUD] = "123456789012345" },
    .help = "Id of the WhatsApp business number replies are sent from" },
  { .section = SEC_CHANNEL, .key = "media_hosts", .type = T_STRING,
    .offset = CHN(media_hosts), .min = 1, .max = 1024, .flags = F_RELOAD,
    .types = T_WA,
    .type_def = { [CHANNEL_WHATSAPP_CLOUD] = "lookaside.fbsbx.com" },
    .help = "Hosts Meta serves media from (spaces or commas between): "
            "the access token goes with a download only to these, over "
            "https; tests list 127.0.0.1" },
  { .section = SEC_CHANNEL, .key = "account_sid", .type = T_STRING,
    .offset = CHN(account_sid), .min = 1, .max = 64, .flags = F_RELOAD,
    .types = T_TW, .required = T_TW,
    .type_example = { [CHANNEL_TWILIO] = "AC0123456789abcdef0123456789abcdef" },
    .help = "Twilio account SID" },
  { .section = SEC_CHANNEL, .key = "auth_token", .type = T_SECRET,
    .offset = CHN(auth_token), .flags = F_RELOAD, .types = T_TW,
    .required = T_TW,
    .type_example = { [CHANNEL_TWILIO] = "credential:twilio-auth-token" },
    .help = "Twilio auth token; signs webhooks and authenticates sends" },
  { .section = SEC_CHANNEL, .key = "from", .type = T_STRING,
    .offset = CHN(from), .min = 1, .max = 64, .flags = F_RELOAD,
    .types = T_TW | T_KA, .required = T_TW,
    .type_example = { [CHANNEL_TWILIO] = "whatsapp:+6285137377763",
                      [CHANNEL_KANNEL] = "085137377763" },
    .help = "Sender of replies: Twilio number, or Kannel sender id" },
  { .section = SEC_CHANNEL, .key = "secret", .type = T_SECRET,
    .offset = CHN(secret), .flags = F_RELOAD, .types = T_KA,
    .required = T_KA,
    .type_example = { [CHANNEL_KANNEL] = "file:secrets/kannel-secret" },
    .help = "Shared secret Kannel puts in the get-url/post-url query" },
  { .section = SEC_CHANNEL, .key = "sendsms_url", .type = T_URL,
    .offset = CHN(sendsms_url), .max = 2048, .flags = F_RELOAD,
    .types = T_KA, .required = T_KA,
    .type_example =
      { [CHANNEL_KANNEL] = "http://127.0.0.1:13013/cgi-bin/sendsms" },
    .help = "Kannel sendsms URL replies are sent to" },
  { .section = SEC_CHANNEL, .key = "username", .type = T_STRING,
    .offset = CHN(username), .min = 1, .max = 256, .flags = F_RELOAD,
    .types = T_KA,
    .type_example = { [CHANNEL_KANNEL] = "aduan" },
    .help = "Kannel sendsms user" },
  { .section = SEC_CHANNEL, .key = "password", .type = T_SECRET,
    .offset = CHN(password), .flags = F_RELOAD, .types = T_KA,
    .type_example = { [CHANNEL_KANNEL] = "env:ADUAN_KANNEL_PASSWORD" },
    .help = "Kannel sendsms password" },
  { .section = SEC_CHANNEL, .key = "rate", .type = T_INT,
    .offset = CHN(rate), .min = 1, .max = 10000, .flags = F_RELOAD,
    .types = T_WA | T_TW | T_KA,
    .type_def = { [CHANNEL_WHATSAPP_CLOUD] = "80", [CHANNEL_TWILIO] = "10",
                  [CHANNEL_KANNEL] = "10" },
    .help = "Messages per second sent on this channel at most" },
  { .section = SEC_CHANNEL, .key = "concurrency", .type = T_INT,
    .offset = CHN(concurrency), .min = 1, .max = 1000, .flags = F_RELOAD,
    .types = T_WA | T_TW | T_KA,
    .type_def = { [CHANNEL_WHATSAPP_CLOUD] = "16", [CHANNEL_TWILIO] = "8",
                  [CHANNEL_KANNEL] = "4" },
    .help = "Send requests in flight on this channel at most" },
  { .section = SEC_CHANNEL, .key = "max_parts", .type = T_INT,
    .offset = CHN(max_parts), .min = 1, .max = 10, .flags = F_RELOAD,
    .types = T_TW | T_KA,
    .type_def = { [CHANNEL_TWILIO] = "2", [CHANNEL_KANNEL] = "2" },
    .help = "SMS segments one reply may take on this channel (Kannel's "
            "max-messages); a report summary longer than that is sent as "
            "several messages, each ending at a field, the last with the "
            "instruction" },
  { .section = SEC_CHANNEL, .key = "template_name", .type = T_STRING,
    .offset = CHN(template_name), .min = 1, .max = 512, .flags = F_RELOAD,
    .types = T_WA,
    .type_def = { [CHANNEL_WHATSAPP_CLOUD] = "aduan_status_update" },
    .help = "Approved template for notices outside the 24-hour window; "
            "its one body parameter is the notice text" },
  { .section = SEC_CHANNEL, .key = "template_language", .type = T_STRING,
    .offset = CHN(template_language), .min = 2, .max = 16,
    .flags = F_RELOAD, .types = T_WA,
    .type_def = { [CHANNEL_WHATSAPP_CLOUD] = "id" },
    .help = "Language code of that template" },
};

#define NDIRECTIVES (sizeof(directives) / sizeof(directives[0]))

static const char *const channel_type_names[CHANNEL_TYPE_COUNT] = {
  "dev", "whatsapp_cloud", "twilio", "kannel"
};

/* What the checks of the whole file ask of a channel type beyond its
 * keys (check_whole, config_check_exposure). */
static const struct type_check {
  const char *needs_public_url;  /* not NULL: without [server] public_url,
                                    warn that this cannot be done */
  int tokenless_loopback_only;   /* 1: without a token, only on a loopback
                                    listen address (it trusts the caller) */
} type_checks[CHANNEL_TYPE_COUNT] = {
  [CHANNEL_DEV] = { .tokenless_loopback_only = 1 },
  [CHANNEL_TWILIO] = { .needs_public_url = "Twilio signatures cannot be "
                                           "checked" },
};

/* One "key = value" line of the section being read. */
struct entry {
  char *key;
  char *value;   /* unquoted; may be a literal secret */
  int line;
};

/* The state of one config_load (or config_defaults). */
struct loader {
  const char *file;          /* name for diagnostics */
  struct config *cfg;
  struct diag *diag;
  int rc;                    /* first system error (-ENOMEM), or 0 */
  unsigned flags;            /* CONFIG_* of config_load_flags */
  int sec;                   /* enum section_id, SEC_NONE or SEC_SKIP */
  int chidx;                 /* the channel being read, for SEC_CHANNEL */
  int seen[SEC_COUNT];       /* header line of each plain section */
  struct entry *ents;
  size_t nents, cap;
  int literal_line;          /* first literal secret: its line and key */
  const char *literal_key;
};

int
channel_type_parse(const char *s)
{
  int i;

  if (s == NULL)
    return -1;
  for (i = 0; i < CHANNEL_TYPE_COUNT; i++)
    if (strcmp(s, channel_type_names[i]) == 0)
      return i;
  return -1;
}

const char *
channel_type_name(enum channel_type t)
{
  if ((int)t < 0 || t >= CHANNEL_TYPE_COUNT)
    return "?";
  return channel_type_names[t];
}

static const char *const storage_backend_names[] = { "sqlite", "postgres" };

/* STORAGE_SQLITE or STORAGE_POSTGRES for its name; -1 when unknown. */
static int
storage_backend_parse(const char *s)
{
  int i;

  for (i = 0; i <= STORAGE_POSTGRES; i++)
    if (strcmp(s, storage_backend_names[i]) == 0)
      return i;
  return -1;
}

const char *
storage_backend_name(int backend)
{
  if (backend < 0 || backend > STORAGE_POSTGRES)
    return "?";
  return storage_backend_names[backend];
}

/* ---- Parse helpers ---------------------------------------------------- */

/*
 * Read the decimal digits at *sp into *v and move *sp past them.  Returns
 * AERR_PARSE when there is no digit, AERR_RANGE when the number does not
 * fit in 64 bits (all digits are consumed either way), 0 otherwise.
 */
static int
scan_u64(const char **sp, uint64_t *v)
{
  const char *s = *sp;
  uint64_t n = 0;
  int over = 0;

  if (*s < '0' || *s > '9')
    return AERR_PARSE;
  for (; *s >= '0' && *s <= '9'; s++) {
    unsigned d = (unsigned)(*s - '0');
    if (n > (UINT64_MAX - d) / 10)
      over = 1;
    else
      n = n * 10 + d;
  }
  *sp = s;
  *v = n;
  return over ? AERR_RANGE : 0;
}

int
config_uid_listed(const char *list, long uid)
{
  const char *p = list;
  int found = 0;

  while (p != NULL && *p != '\0') {
    long n = 0;
    int digits = 0;
    while (*p == ' ' || *p == ',' || *p == '\t')
      p++;
    if (*p == '\0')
      break;
    while (*p >= '0' && *p <= '9' && digits < 10) {
      n = n * 10 + (*p - '0');
      p++;
      digits++;
    }
    if (digits == 0 || n > 2147483647L ||
        (*p != '\0' && *p != ' ' && *p != ',' && *p != '\t'))
      return -1;
    if (n == uid)
      found = 1;
  }
  return found;
}

int
config_parse_duration(const char *s, uint64_t *ms)
{
  uint64_t n, unit;
  int rc;

  if (s == NULL)
    return AERR_PARSE;
  rc = scan_u64(&s, &n);
  if (rc == AERR_PARSE)
    return rc;
  if (strcmp(s, "") == 0 || strcmp(s, "s") == 0)
    unit = MS_SECOND;
  else if (strcmp(s, "ms") == 0)
    unit = 1;
  else if (strcmp(s, "m") == 0)
    unit = MS_MINUTE;
  else if (strcmp(s, "h") == 0)
    unit = MS_HOUR;
  else if (strcmp(s, "d") == 0)
    unit = DAY_MS;
  else
    return AERR_PARSE;
  if (rc != 0 || n > UINT64_MAX / unit)
    return AERR_RANGE;
  *ms = n * unit;
  return 0;
}

int
config_parse_size(const char *s, size_t *bytes)
{
  uint64_t n, unit;
  int rc;

  if (s == NULL)
    return AERR_PARSE;
  rc = scan_u64(&s, &n);
  if (rc == AERR_PARSE)
    return rc;
  if (*s == '\0')
    unit = 1;
  else if ((*s == 'k' || *s == 'K') && s[1] == '\0')
    unit = KIB;
  else if ((*s == 'm' || *s == 'M') && s[1] == '\0')
    unit = MIB;
  else
    return AERR_PARSE;
  if (rc != 0 || n > UINT64_MAX / unit || n * unit > SIZE_MAX)
    return AERR_RANGE;
  *bytes = (size_t)(n * unit);
  return 0;
}

int
config_parse_bool(const char *s, int *b)
{
  static const char *const yes[] = {"yes", "true", "on", "1"};
  static const char *const no[] = {"no", "false", "off", "0"};
  size_t i;

  if (s == NULL)
    return AERR_PARSE;
  for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
    if (strcasecmp(s, yes[i]) == 0) {
      *b = 1;
      return 0;
    }
    if (strcasecmp(s, no[i]) == 0) {
      *b = 0;
      return 0;
    }
  }
  return AERR_PARSE;
}

/* A decimal integer with an optional '-': 0, AERR_PARSE or AERR_RANGE. */
static int
parse_int(const char *s, long long *v)
{
  int neg = 0, rc;
  uint64_t n;

  if (*s == '-') {
    neg = 1;
    s++;
  }
  rc = scan_u64(&s, &n);
  if (rc == AERR_PARSE || *s != '\0')
    return AERR_PARSE;
  if (rc != 0 || n > (uint64_t)LLONG_MAX)
    return AERR_RANGE;
  *v = neg ? -(long long)n : (long long)n;
  return 0;
}

/* "1m", "64k" or "512": a byte count in the unit a person would write. */
static const char *
fmt_size(long long n, char *buf, size_t len)
{
  if (n > 0 && n % MIB == 0)
    snprintf(buf, len, "%lldm", n / MIB);
  else if (n > 0 && n % KIB == 0)
    snprintf(buf, len, "%lldk", n / KIB);
  else
    snprintf(buf, len, "%lld", n);
  return buf;
}

/* "30d", "10m", "250ms" or "0s": milliseconds in the largest exact unit. */
static const char *
fmt_duration(long long ms, char *buf, size_t len)
{
  if (ms == 0)
    snprintf(buf, len, "0s");
  else if (ms % DAY_MS == 0)
    snprintf(buf, len, "%lldd", ms / DAY_MS);
  else if (ms % MS_HOUR == 0)
    snprintf(buf, len, "%lldh", ms / MS_HOUR);
  else if (ms % MS_MINUTE == 0)
    snprintf(buf, len, "%lldm", ms / MS_MINUTE);
  else if (ms % MS_SECOND == 0)
    snprintf(buf, len, "%llds", ms / MS_SECOND);
  else
    snprintf(buf, len, "%lldms", ms);
  return buf;
}

/*
 * What a directive's value must be, as the end of a sentence ("a size
 * between 1k and 64m").  Both the error for a bad value and the
 * documented example use it, so the two never disagree.
 */
static const char *
describe(const struct directive *d, char *buf, size_t len)
{
  char lo[32], hi[32];

  switch (d->type) {
  case T_STRING:
    snprintf(buf, len, "%lld to %lld characters", d->min, d->max);
    break;
  case T_PATH:
    snprintf(buf, len, "a file path (relative to the config file's folder)");
    break;
  case T_INT:
    snprintf(buf, len, "an integer between %lld and %lld", d->min, d->max);
    break;
  case T_BOOL:
    snprintf(buf, len, "yes or no (or true/false, on/off, 1/0)");
    break;
  case T_DURATION:
    snprintf(buf, len, "a duration between %s and %s",
             fmt_duration(d->min, lo, sizeof(lo)),
             fmt_duration(d->max, hi, sizeof(hi)));
    break;
  case T_SIZE:
    snprintf(buf, len, "a size between %s and %s",
             fmt_size(d->min, lo, sizeof(lo)),
             fmt_size(d->max, hi, sizeof(hi)));
    break;
  case T_LOGLEVEL:
    snprintf(buf, len, "one of debug, info, warn, error");
    break;
  case T_LISTEN:
    snprintf(buf, len, "host:port or [v6]:port (numeric address or "
             "localhost, port 0 to 65535)");
    break;
  case T_URL:
    snprintf(buf, len, "an http:// or https:// URL");
    break;
  case T_SECRET:
    snprintf(buf, len, "a secret: a literal, file:PATH, env:NAME or "
             "credential:NAME");
    break;
  case T_PREFIX:
    snprintf(buf, len, "%lld to %lld upper-case letters or digits", d->min,
             d->max);
    break;
  case T_CHANTYPE:
    snprintf(buf, len, "one of dev, whatsapp_cloud, twilio, kannel");
    break;
  case T_MODE:
    snprintf(buf, len, "file permissions in octal, such as 0660");
    break;
  case T_UIDS:
    snprintf(buf, len, "user ids separated by spaces or commas, such as "
             "\"0 1001\"");
    break;
  case T_BACKEND:
    snprintf(buf, len, "sqlite or postgres");
    break;
  }
  return buf;
}

/* ---- Small string helpers --------------------------------------------- */

/* Trim blanks (space, tab) at both ends, in place. */
static char *
trim(char *s)
{
  char *e;

  while (*s == ' ' || *s == '\t')
    s++;
  e = s + strlen(s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
    e--;
  *e = '\0';
  return s;
}

static int
is_alnum(int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/* 1 when s is 1..max bytes of letters, digits and the characters in
 * extra. */
static int
is_word(const char *s, size_t max, const char *extra)
{
  size_t n = 0;

  for (; s[n] != '\0'; n++)
    if (!is_alnum((unsigned char)s[n]) && strchr(extra, s[n]) == NULL)
      return 0;
  return n >= 1 && n <= max;
}

/* 1 when the n bytes at p hold a control byte other than tab. */
static int
has_control(const char *p, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if ((c < 0x20 && c != '\t') || c == 0x7f)
      return 1;
  }
  return 0;
}

/* Overwrite and free a string that may hold a secret. */
static void
free_secret(char *s)
{
  if (s != NULL) {
    explicit_bzero(s, strlen(s));
    free(s);
  }
}

static char *
ld_strdup(struct loader *ld, const char *s)
{
  char *p = strdup(s);

  if (p == NULL && ld->rc == 0)
    ld->rc = -ENOMEM;
  return p;
}

/* path as written, or joined to dir when it is relative (and dir known). */
static char *
resolve_path(struct loader *ld, const char *path)
{
  const char *dir = ld->cfg->dir;
  struct buf b = BUF_INIT;

  if (path[0] == '/' || dir == NULL)
    return ld_strdup(ld, path);
  if (buf_printf(&b, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, path) != 0) {
    buf_free(&b);
    if (ld->rc == 0)
      ld->rc = -ENOMEM;
    return NULL;
  }
  return buf_steal(&b);
}

/* ---- Fields ------------------------------------------------------------ */

static int
is_string_type(enum value_type t)
{
  return t == T_STRING || t == T_PATH || t == T_LISTEN || t == T_URL ||
         t == T_SECRET || t == T_PREFIX || t == T_UIDS;
}

static char **
field_str(void *base, const struct directive *d)
{
  return (char **)(void *)((char *)base + d->offset);
}

static int *
field_int(void *base, const struct directive *d)
{
  return (int *)(void *)((char *)base + d->offset);
}

/* Replace a string field, wiping the old value when it is a secret. */
static void
set_str(void *base, const struct directive *d, char *v)
{
  char **p = field_str(base, d);

  if (d->type == T_SECRET)
    free_secret(*p);
  else
    free(*p);
  *p = v;
}

/* Free every string field of a struct config (section < SEC_CHANNEL) or
 * of a struct config_channel (section == SEC_CHANNEL). */
static void
free_fields(void *base, int channel)
{
  size_t i;

  for (i = 0; i < NDIRECTIVES; i++) {
    const struct directive *d = &directives[i];
    if ((d->section == SEC_CHANNEL) != (channel != 0))
      continue;
    if (is_string_type(d->type))
      set_str(base, d, NULL);
  }
}

/* ---- Values ------------------------------------------------------------ */

/*
 * Report a value that does not fit its directive.  The value is quoted
 * back to the admin unless it may be a secret.
 */
static void
bad_value(struct loader *ld, int line, const struct directive *d,
          const char *val)
{
  char want[160], got[64];

  describe(d, want, sizeof(want));
  if (d->type == T_SECRET)
    diag_error(ld->diag, ld->file, line, "%s: must be %s", d->key, want);
  else
    diag_error(ld->diag, ld->file, line, "%s: must be %s, not %s", d->key,
               want, log_quote(val, got, sizeof(got)));
}

/*
 * Split "host:port" or "[v6]:port".  On success *host is a new string (a
 * numeric address; "localhost" becomes 127.0.0.1) and *port is set.
 */
static int
parse_listen(const char *s, char **host, int *port)
{
  char h[INET6_ADDRSTRLEN + 1];
  unsigned char addr[sizeof(struct in6_addr)];
  const char *colon, *close;
  size_t hlen;
  long long p;
  int v6 = 0;

  if (s[0] == '[') {
    close = strchr(s, ']');
    if (close == NULL || close[1] != ':')
      return AERR_PARSE;
    s++;
    hlen = (size_t)(close - s);
    colon = close + 1;
    v6 = 1;
  } else {
    colon = strrchr(s, ':');
    if (colon == NULL)
      return AERR_PARSE;
    hlen = (size_t)(colon - s);
  }
  if (hlen == 0 || hlen >= sizeof(h))
    return AERR_PARSE;
  memcpy(h, s, hlen);
  h[hlen] = '\0';
  if (colon[1] == '-' || colon[1] == '\0' || strlen(colon + 1) > 5 ||
      parse_int(colon + 1, &p) != 0 || p > 65535)
    return AERR_PARSE;
  if (v6) {
    if (inet_pton(AF_INET6, h, addr) != 1)
      return AERR_PARSE;
  } else if (strcmp(h, "localhost") == 0) {
    memcpy(h, "127.0.0.1", sizeof("127.0.0.1"));
  } else if (inet_pton(AF_INET, h, addr) != 1) {
    return AERR_PARSE;
  }
  *host = strdup(h);
  if (*host == NULL)
    return -ENOMEM;
  *port = (int)p;
  return 0;
}

/*
 * Check an http(s) URL: the scheme, a host, no blanks or quotes, no
 * user:password@ part (credentials have keys of their own).  Returns a
 * copy without trailing slashes (when there is no query or fragment), or
 * NULL with *why set.
 */
static char *
check_url(const char *s, const char **why)
{
  const char *host, *p;
  size_t n, len;
  char *copy;

  *why = NULL;
  if (strncasecmp(s, "http://", 7) == 0)
    host = s + 7;
  else if (strncasecmp(s, "https://", 8) == 0)
    host = s + 8;
  else
    return NULL;
  n = strcspn(host, "/?#");
  if (n == 0)
    return NULL;
  for (p = s; *p != '\0'; p++)
    if (*p == ' ' || *p == '\t' || *p == '"' || *p == '<' || *p == '>' ||
        *p == '\\')
      return NULL;
  if (memchr(host, '@', n) != NULL) {
    *why = "must not hold user:password@; use the channel's own keys";
    return NULL;
  }
  len = strlen(s);
  if (strpbrk(s, "?#") == NULL)
    while (len > (size_t)(host - s) + n && s[len - 1] == '/')
      len--;
  copy = strndup(s, len);
  if (copy == NULL)
    *why = "";
  return copy;
}

/*
 * Read a secret from a file.  label names it in diagnostics ("secret
 * file /etc/aduan/x", "credential x"); strict adds the ownership and mode
 * checks that file: references get.  Returns the value without its
 * trailing newline, or NULL after reporting why.
 */
static char *
read_secret_file(struct loader *ld, int line, const struct directive *d,
                 const char *path, const char *label, int strict)
{
  char data[SECRET_MAX + 1];
  struct stat st;
  size_t n = 0;
  ssize_t r = 0;
  char *v = NULL;
  int fd;

  fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    diag_error(ld->diag, ld->file, line, "%s: cannot read %s: %s", d->key,
               label, strerror(errno));
    return NULL;
  }
  if (fstat(fd, &st) != 0) {
    diag_error(ld->diag, ld->file, line, "%s: cannot read %s: %s", d->key,
               label, strerror(errno));
    close(fd);
    return NULL;
  }
  if (!S_ISREG(st.st_mode)) {
    diag_error(ld->diag, ld->file, line, "%s: %s is not a regular file",
               d->key, label);
    close(fd);
    return NULL;
  }
  if (strict && st.st_uid != 0 && st.st_uid != geteuid()) {
    diag_error(ld->diag, ld->file, line,
               "%s: %s must be owned by root or uid %u, not uid %u", d->key,
               label, (unsigned)geteuid(), (unsigned)st.st_uid);
    close(fd);
    return NULL;
  }
  if (strict && (st.st_mode & 077) != 0) {
    diag_error(ld->diag, ld->file, line,
               "%s: %s must not be %s by group or others (mode %04o; "
               "chmod 600 it)", d->key, label,
               (st.st_mode & 044) ? "readable" : "accessible",
               (unsigned)(st.st_mode & 07777));
    close(fd);
    return NULL;
  }
  for (;;) {
    r = read(fd, data + n, sizeof(data) - n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      break;
    n += (size_t)r;
    if (n == sizeof(data))
      break;
  }
  if (r < 0) {
    diag_error(ld->diag, ld->file, line, "%s: cannot read %s: %s", d->key,
               label, strerror(errno));
  } else if (n > SECRET_MAX) {
    diag_error(ld->diag, ld->file, line, "%s: %s is larger than %d bytes",
               d->key, label, SECRET_MAX);
  } else {
    while (n > 0 && (data[n - 1] == '\n' || data[n - 1] == '\r'))
      n--;
    if (n == 0)
      diag_error(ld->diag, ld->file, line, "%s: %s is empty", d->key, label);
    else if (memchr(data, '\0', n) != NULL || has_control(data, n))
      diag_error(ld->diag, ld->file, line,
                 "%s: %s holds a control character", d->key, label);
    else {
      v = strndup(data, n);
      if (v == NULL)
        ld->rc = -ENOMEM;
    }
  }
  explicit_bzero(data, sizeof(data));
  close(fd);
  return v;
}

/*
 * Resolve a secret as written: a literal, or a file:, env: or
 * credential: reference.  Returns the value, or NULL after reporting why
 * (never with the value in the message).
 */
static char *
resolve_secret(struct loader *ld, int line, const struct directive *d,
               const char *val)
{
  struct buf label = BUF_INIT, path = BUF_INIT;
  const char *name, *dir;
  char *v = NULL, *full;

  /* A reader that needs no secret keeps the reference as written. */
  if (ld->flags & CONFIG_NO_SECRETS)
    return ld_strdup(ld, val);
  if (strncmp(val, "file:", 5) == 0) {
    name = val + 5;
    if (*name == '\0') {
      diag_error(ld->diag, ld->file, line, "%s: file: needs a path", d->key);
      return NULL;
    }
    full = resolve_path(ld, name);
    if (full == NULL)
      return NULL;
    if (buf_printf(&label, "secret file %s", full) == 0)
      v = read_secret_file(ld, line, d, full, label.data, 1);
    else if (ld->rc == 0)
      ld->rc = -ENOMEM;
    free(full);
  } else if (strncmp(val, "env:", 4) == 0) {
    name = val + 4;
    if (!is_word(name, 255, "_") || (name[0] >= '0' && name[0] <= '9')) {
      diag_error(ld->diag, ld->file, line,
                 "%s: env: needs a variable name (letters, digits, '_')",
                 d->key);
      return NULL;
    }
    dir = getenv(name);
    if (dir == NULL)
      diag_error(ld->diag, ld->file, line,
                 "%s: environment variable %s is not set", d->key, name);
    else if (*dir == '\0')
      diag_error(ld->diag, ld->file, line,
                 "%s: environment variable %s is empty", d->key, name);
    else if (has_control(dir, strlen(dir)))
      diag_error(ld->diag, ld->file, line,
                 "%s: environment variable %s holds a control character",
                 d->key, name);
    else
      v = ld_strdup(ld, dir);
  } else if (strncmp(val, "credential:", 11) == 0) {
    name = val + 11;
    if (*name == '\0' || strchr(name, '/') != NULL ||
        strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
      diag_error(ld->diag, ld->file, line,
                 "%s: credential: needs a file name without '/'", d->key);
      return NULL;
    }
    dir = getenv("CREDENTIALS_DIRECTORY");
    if (dir == NULL || *dir == '\0') {
      diag_error(ld->diag, ld->file, line,
                 "%s: credential %s: CREDENTIALS_DIRECTORY is not set (the "
                 "service needs LoadCredential=%s:...)", d->key, name, name);
      return NULL;
    }
    if (buf_printf(&path, "%s/%s", dir, name) == 0 &&
        buf_printf(&label, "credential %s", name) == 0)
      v = read_secret_file(ld, line, d, path.data, label.data, 0);
    else if (ld->rc == 0)
      ld->rc = -ENOMEM;
  } else if (*val == '\0') {
    diag_error(ld->diag, ld->file, line, "%s: must not be empty", d->key);
  } else {
    v = ld_strdup(ld, val);
    if (ld->literal_line == 0) {
      ld->literal_line = line;
      ld->literal_key = d->key;
    }
  }
  buf_free(&label);
  buf_free(&path);
  return v;
}

/*
 * The steps of set_value() by kind of value: set_text() for values kept
 * as text (strings, lists, prefixes, paths, URLs, secrets, the listen
 * address), set_number() for values kept as numbers.  Each parses val as
 * directive d and stores it in base; a bad value is reported at line and
 * leaves the field as it was.
 */
static void
set_text(struct loader *ld, const struct directive *d, void *base,
         const char *val, int line)
{
  size_t len = strlen(val);
  const char *why, *p;
  char *s, *host;
  int port, rc;

  switch (d->type) {
  case T_STRING:
    if ((long long)len < d->min || (long long)len > d->max) {
      bad_value(ld, line, d, val);
      return;
    }
    set_str(base, d, ld_strdup(ld, val));
    return;
  case T_UIDS:
    if (len > 4096 || config_uid_listed(val, -1) < 0) {
      bad_value(ld, line, d, val);
      return;
    }
    set_str(base, d, ld_strdup(ld, val));
    return;
  case T_PREFIX:
    p = val;
    while ((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))
      p++;
    if (*p != '\0' || (long long)len < d->min || (long long)len > d->max) {
      bad_value(ld, line, d, val);
      return;
    }
    set_str(base, d, ld_strdup(ld, val));
    return;
  case T_PATH:
    if (len == 0) {
      bad_value(ld, line, d, val);
      return;
    }
    set_str(base, d, resolve_path(ld, val));
    return;
  case T_URL:
    if ((long long)len > d->max) {
      bad_value(ld, line, d, val);
      return;
    }
    s = check_url(val, &why);
    if (s == NULL) {
      if (why == NULL)
        bad_value(ld, line, d, val);
      else if (*why == '\0')
        ld->rc = -ENOMEM;
      else
        diag_error(ld->diag, ld->file, line, "%s: %s", d->key, why);
      return;
    }
    set_str(base, d, s);
    return;
  case T_SECRET:
    s = resolve_secret(ld, line, d, val);
    if (s != NULL)
      set_str(base, d, s);
    return;
  case T_LISTEN:
    rc = parse_listen(val, &host, &port);
    if (rc == -ENOMEM) {
      ld->rc = rc;
      return;
    }
    if (rc != 0) {
      bad_value(ld, line, d, val);
      return;
    }
    /* Only [server] listen has this type: base is the struct config. */
    free(ld->cfg->server.listen_host);
    ld->cfg->server.listen_host = host;
    ld->cfg->server.listen_port = port;
    set_str(base, d, ld_strdup(ld, val));
    return;
  default:
    return;
  }
}

static void
set_number(struct loader *ld, const struct directive *d, void *base,
           const char *val, int line)
{
  size_t len = strlen(val), sz;
  const char *p;
  long long n;
  uint64_t ms;
  int b;

  switch (d->type) {
  case T_INT:
    if (parse_int(val, &n) != 0 || n < d->min || n > d->max) {
      bad_value(ld, line, d, val);
      return;
    }
    *field_int(base, d) = (int)n;
    return;
  case T_BOOL:
    if (config_parse_bool(val, &b) != 0) {
      bad_value(ld, line, d, val);
      return;
    }
    *field_int(base, d) = b;
    return;
  case T_MODE:
    for (p = val, b = 0; *p >= '0' && *p <= '7' && b <= 0777; p++)
      b = b * 8 + (*p - '0');
    if (*p != '\0' || len < 3 || len > 4 || b > 0777) {
      bad_value(ld, line, d, val);
      return;
    }
    *field_int(base, d) = b;
    return;
  case T_LOGLEVEL:
    b = log_level_parse(val);
    if (b < 0) {
      bad_value(ld, line, d, val);
      return;
    }
    *field_int(base, d) = b;
    return;
  case T_DURATION:
    if (config_parse_duration(val, &ms) != 0 || ms < (uint64_t)d->min ||
        ms > (uint64_t)d->max) {
      bad_value(ld, line, d, val);
      return;
    }
    memcpy((char *)base + d->offset, &ms, sizeof(ms));
    return;
  case T_SIZE:
    if (config_parse_size(val, &sz) != 0 || sz < (size_t)d->min ||
        sz > (size_t)d->max) {
      bad_value(ld, line, d, val);
      return;
    }
    memcpy((char *)base + d->offset, &sz, sizeof(sz));
    return;
  case T_CHANTYPE:
    b = channel_type_parse(val);
    if (b < 0) {
      bad_value(ld, line, d, val);
      return;
    }
    ((struct config_channel *)base)->type = (enum channel_type)b;
    return;
  case T_BACKEND:
    b = storage_backend_parse(val);
    if (b < 0) {
      bad_value(ld, line, d, val);
      return;
    }
    *field_int(base, d) = b;
    return;
  default:
    return;
  }
}

/*
 * Parse val as directive d and store it in base (a struct config, or a
 * struct config_channel for channel keys).  A bad value is reported at
 * line and leaves the field as it was.
 */
static void
set_value(struct loader *ld, const struct directive *d, void *base,
          const char *val, int line)
{
  if (*val == '\0' && (d->flags & F_EMPTY)) {
    set_str(base, d, NULL);
    return;
  }
  switch (d->type) {
  case T_STRING:
  case T_UIDS:
  case T_PREFIX:
  case T_PATH:
  case T_URL:
  case T_SECRET:
  case T_LISTEN:
    set_text(ld, d, base, val, line);
    return;
  case T_INT:
  case T_BOOL:
  case T_MODE:
  case T_LOGLEVEL:
  case T_DURATION:
  case T_SIZE:
  case T_CHANTYPE:
  case T_BACKEND:
    set_number(ld, d, base, val, line);
    return;
  }
}

/* ---- Sections ---------------------------------------------------------- */

static const struct directive *
find_directive(int section, const char *key)
{
  size_t i;

  for (i = 0; i < NDIRECTIVES; i++)
    if ((section < 0 || (int)directives[i].section == section) &&
        strcmp(directives[i].key, key) == 0)
      return &directives[i];
  return NULL;
}

static void
free_entries(struct loader *ld)
{
  size_t i;

  for (i = 0; i < ld->nents; i++) {
    free(ld->ents[i].key);
    free_secret(ld->ents[i].value);
  }
  ld->nents = 0;
}

/* The line of an earlier entry with the same key as entry i, or 0. */
static int
earlier_line(const struct loader *ld, size_t i)
{
  size_t j;

  for (j = 0; j < i; j++)
    if (strcmp(ld->ents[j].key, ld->ents[i].key) == 0)
      return ld->ents[j].line;
  return 0;
}

/*
 * Look up entry i of the section being read: its directive, or NULL after
 * reporting an unknown or repeated key.  where is "[server]" or
 * "[channel.NAME]".
 */
static const struct directive *
entry_directive(struct loader *ld, size_t i, const char *where)
{
  const struct entry *e = &ld->ents[i];
  const struct directive *d = find_directive(ld->sec, e->key);
  const struct directive *other;
  int first;

  if (d == NULL) {
    other = find_directive(-1, e->key);
    if (other != NULL && other->section != SEC_CHANNEL &&
        ld->sec != SEC_CHANNEL)
      diag_error(ld->diag, ld->file, e->line,
                 "unknown key '%s' in %s (it belongs in [%s])", e->key, where,
                 section_names[other->section]);
    else
      diag_error(ld->diag, ld->file, e->line, "unknown key '%s' in %s",
                 e->key, where);
    return NULL;
  }
  first = earlier_line(ld, i);
  if (first != 0) {
    diag_error(ld->diag, ld->file, e->line,
               "%s: set twice in %s (first at line %d)", e->key, where, first);
    return NULL;
  }
  return d;
}

/* Apply the entries of a plain section such as [server]. */
static void
apply_plain(struct loader *ld)
{
  const struct directive *d;
  char where[KEY_MAX + 3];
  size_t i;

  snprintf(where, sizeof(where), "[%s]", section_names[ld->sec]);
  for (i = 0; i < ld->nents && ld->rc == 0; i++) {
    d = entry_directive(ld, i, where);
    if (d != NULL)
      set_value(ld, d, ld->cfg, ld->ents[i].value, ld->ents[i].line);
  }
}

/*
 * Apply the entries of a [channel.NAME] section.  The type is settled
 * first, wherever it stands; then each key is checked against it, then
 * the keys the type needs, then the type's defaults.
 */
static void
apply_channel(struct loader *ld)
{
  struct config_channel *ch = &ld->cfg->channels[ld->chidx];
  const struct directive *d, *dtype = find_directive(SEC_CHANNEL, "type");
  char where[CHANNEL_NAME_MAX + 16];
  int type = -1, seen_type = 0;
  size_t i;

  snprintf(where, sizeof(where), "[channel.%s]", ch->name);
  for (i = 0; i < ld->nents && !seen_type; i++) {
    if (strcmp(ld->ents[i].key, "type") == 0) {
      seen_type = 1;
      type = channel_type_parse(ld->ents[i].value);
      if (type < 0)
        bad_value(ld, ld->ents[i].line, dtype, ld->ents[i].value);
      else
        ch->type = (enum channel_type)type;
    }
  }
  if (!seen_type)
    diag_error(ld->diag, ld->file, ch->line,
               "%s: missing required key 'type' (dev, whatsapp_cloud, "
               "twilio or kannel)", where);

  for (i = 0; i < ld->nents && ld->rc == 0; i++) {
    d = entry_directive(ld, i, where);
    if (d == NULL || d == dtype)
      continue;
    if (type >= 0 && (d->types & TB(type)) == 0) {
      diag_error(ld->diag, ld->file, ld->ents[i].line,
                 "%s: not valid for a %s channel", d->key,
                 channel_type_names[type]);
      continue;
    }
    set_value(ld, d, ch, ld->ents[i].value, ld->ents[i].line);
  }
  if (type < 0)
    return;

  for (i = 0; i < NDIRECTIVES && ld->rc == 0; i++) {
    d = &directives[i];
    if (d->section != SEC_CHANNEL || d == dtype)
      continue;
    if (!is_string_type(d->type)) {
      /* A number has no "unset" value: its default applies when the
       * section did not give the key. */
      size_t j;
      for (j = 0; j < ld->nents; j++)
        if (strcmp(ld->ents[j].key, d->key) == 0)
          break;
      if (j == ld->nents && d->type_def[type] != NULL)
        set_value(ld, d, ch, d->type_def[type], ch->line);
      continue;
    }
    if (*field_str(ch, d) != NULL)
      continue;
    if (d->required & TB(type)) {
      /* Unless the key was given and refused: that is reported already. */
      size_t j;
      for (j = 0; j < ld->nents; j++)
        if (strcmp(ld->ents[j].key, d->key) == 0)
          break;
      if (j == ld->nents)
        diag_error(ld->diag, ld->file, ch->line,
                   "%s: missing required key '%s' for a %s channel", where,
                   d->key, channel_type_names[type]);
    } else if (d->type_def[type] != NULL) {
      set_value(ld, d, ch, d->type_def[type], ch->line);
    }
  }
}

/* Apply the section read so far, if any, and forget its entries. */
static void
finish_section(struct loader *ld)
{
  if (ld->sec == SEC_CHANNEL)
    apply_channel(ld);
  else if (ld->sec >= 0)
    apply_plain(ld);
  free_entries(ld);
}

/* Start a [channel.NAME] section: check the name and add the channel. */
static void
open_channel(struct loader *ld, const char *name, int line)
{
  struct config *cfg = ld->cfg;
  struct config_channel *chs;
  char q[48];
  int i;

  if (!is_word(name, CHANNEL_NAME_MAX, "-_")) {
    diag_error(ld->diag, ld->file, line,
               "invalid channel name %s: [channel.NAME] takes 1 to %d "
               "letters, digits, '-' or '_'",
               log_quote(name, q, sizeof(q)), CHANNEL_NAME_MAX);
    ld->sec = SEC_SKIP;
    return;
  }
  for (i = 0; i < cfg->nchannels; i++)
    if (strcmp(cfg->channels[i].name, name) == 0)
      diag_error(ld->diag, ld->file, line,
                 "duplicate channel '%s' (first at line %d)", name,
                 cfg->channels[i].line);
  chs = realloc(cfg->channels, sizeof(*chs) * (size_t)(cfg->nchannels + 1));
  if (chs == NULL) {
    ld->rc = -ENOMEM;
    ld->sec = SEC_SKIP;
    return;
  }
  cfg->channels = chs;
  memset(&chs[cfg->nchannels], 0, sizeof(*chs));
  chs[cfg->nchannels].line = line;
  chs[cfg->nchannels].name = ld_strdup(ld, name);
  if (chs[cfg->nchannels].name == NULL) {
    ld->sec = SEC_SKIP;
    return;
  }
  ld->chidx = cfg->nchannels++;
  ld->sec = SEC_CHANNEL;
}

/* A "[...]" line: end the current section and start the named one. */
static void
parse_header(struct loader *ld, char *s, int line)
{
  char *close = strchr(s, ']'), *rest, *name;
  char q[48];
  int i;

  finish_section(ld);
  ld->sec = SEC_SKIP;
  if (close == NULL) {
    diag_error(ld->diag, ld->file, line,
               "missing ']' at the end of the section header");
    return;
  }
  rest = trim(close + 1);
  if (*rest != '\0' && *rest != '#' && *rest != ';')
    diag_error(ld->diag, ld->file, line,
               "unexpected text after the section header");
  *close = '\0';
  name = trim(s + 1);
  if (strncmp(name, "channel.", 8) == 0) {
    open_channel(ld, name + 8, line);
    return;
  }
  if (*name == '\0') {
    diag_error(ld->diag, ld->file, line, "empty section name in []");
    return;
  }
  if (strcmp(name, "channel") == 0) {
    diag_error(ld->diag, ld->file, line,
               "[channel] needs a name: [channel.NAME]");
    return;
  }
  for (i = 0; i < SEC_CHANNEL; i++)
    if (strcmp(name, section_names[i]) == 0)
      break;
  if (i == SEC_CHANNEL) {
    diag_error(ld->diag, ld->file, line,
               "unknown section [%s] (known: server, storage, log, limits, "
               "ticket, conversation, channel.NAME)",
               is_word(name, KEY_MAX, "._-") ? name
                                             : log_quote(name, q, sizeof(q)));
    return;
  }
  if (ld->seen[i] != 0)
    diag_error(ld->diag, ld->file, line,
               "section [%s] appears twice (first at line %d)", name,
               ld->seen[i]);
  else
    ld->seen[i] = line;
  ld->sec = i;
}

/*
 * Unquote a "double-quoted" value in place: s points at the opening
 * quote.  Returns NULL and sets *val, or the reason it is malformed.
 */
static const char *
unquote(char *s, char **val)
{
  char *r = s + 1, *w = s + 1;

  for (;;) {
    if (*r == '\0')
      return "unterminated quoted value (missing the closing '\"')";
    if (*r == '"')
      break;
    if (*r == '\\') {
      if (r[1] != '"' && r[1] != '\\')
        return "unsupported escape in a quoted value (only \\\" and \\\\)";
      r++;
    }
    *w++ = *r++;
  }
  r++;
  *w = '\0';
  while (*r == ' ' || *r == '\t')
    r++;
  if (*r != '\0' && *r != '#')
    return "unexpected text after the closing quote";
  *val = s + 1;
  return NULL;
}

/* A "key = value" line: check it and keep it for its section. */
static void
parse_entry(struct loader *ld, char *s, int line)
{
  char *eq, *key, *val, *p;
  const char *why;
  struct entry *ents;

  if (ld->sec == SEC_NONE) {
    diag_error(ld->diag, ld->file, line,
               "text before the first [section] header");
    return;
  }
  eq = strchr(s, '=');
  if (eq == NULL) {
    diag_error(ld->diag, ld->file, line, "missing '=' (expected key = value)");
    return;
  }
  *eq = '\0';
  key = trim(s);
  val = trim(eq + 1);
  if (*key == '\0') {
    diag_error(ld->diag, ld->file, line, "missing key before '='");
    return;
  }
  if (!is_word(key, KEY_MAX, "_-.")) {
    diag_error(ld->diag, ld->file, line,
               "invalid key name (letters, digits and '_' only)");
    return;
  }
  if (*val == '"') {
    why = unquote(val, &val);
    if (why != NULL) {
      diag_error(ld->diag, ld->file, line, "%s: %s", key, why);
      return;
    }
  } else {
    /* A '#' that starts the value or follows a blank begins a comment. */
    for (p = val; *p != '\0'; p++)
      if (*p == '#' && (p == val || p[-1] == ' ' || p[-1] == '\t'))
        break;
    *p = '\0';
    val = trim(val);
  }
  if (ld->sec == SEC_SKIP)
    return;
  if (ld->nents == ld->cap) {
    size_t cap = ld->cap ? ld->cap * 2 : 16;
    ents = realloc(ld->ents, cap * sizeof(*ents));
    if (ents == NULL) {
      ld->rc = -ENOMEM;
      return;
    }
    ld->ents = ents;
    ld->cap = cap;
  }
  ld->ents[ld->nents].key = ld_strdup(ld, key);
  ld->ents[ld->nents].value = ld_strdup(ld, val);
  ld->ents[ld->nents].line = line;
  ld->nents++;
  if (ld->rc != 0)
    free_entries(ld);
}

/*
 * Split the file into lines and hand each to the header or entry parser.
 * Lines that are too long or hold control bytes are reported and skipped.
 */
static void
parse_text(struct loader *ld, const char *data, size_t len)
{
  char line[CONFIG_MAX_LINE + 1];
  struct lines ls;
  const char *start;
  size_t n;
  char *s;
  int lineno;

  lines_init(&ls, ld->file, data, len, 0, ld->diag);
  while (ld->rc == 0 && lines_next(&ls, &start, &n)) {
    lineno = ls.lineno;
    if (n > CONFIG_MAX_LINE) {
      diag_error(ld->diag, ld->file, lineno,
                 "line is longer than %d bytes", CONFIG_MAX_LINE);
      continue;
    }
    if (memchr(start, '\0', n) != NULL) {
      diag_error(ld->diag, ld->file, lineno, "line holds a NUL byte");
      continue;
    }
    if (has_control(start, n)) {
      diag_error(ld->diag, ld->file, lineno, "line holds a control character");
      continue;
    }
    memcpy(line, start, n);
    line[n] = '\0';
    s = trim(line);
    if (*s == '\0' || *s == '#' || *s == ';')
      continue;
    if (*s == '[')
      parse_header(ld, s, lineno);
    else
      parse_entry(ld, s, lineno);
  }
  lines_close(&ls);
  explicit_bzero(line, sizeof(line));
}

/* ---- Loading ----------------------------------------------------------- */

/* Set every plain directive that has a default to it. */
static void
apply_defaults(struct loader *ld)
{
  size_t i;

  for (i = 0; i < NDIRECTIVES && ld->rc == 0; i++)
    if (directives[i].section != SEC_CHANNEL && directives[i].def != NULL)
      set_value(ld, &directives[i], ld->cfg, directives[i].def, 0);
}

/* Read a whole file of at most max bytes.  Returns 0 or -errno /
 * AERR_TOOBIG. */
static int
read_all(const char *path, size_t max, struct buf *out)
{
  char chunk[8192];
  ssize_t r;
  int fd, rc = 0;

  fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return -errno;
  for (;;) {
    r = read(fd, chunk, sizeof(chunk));
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0) {
      rc = -errno;
      break;
    }
    if (r == 0)
      break;
    if (out->len + (size_t)r > max) {
      rc = AERR_TOOBIG;
      break;
    }
    rc = buf_append(out, chunk, (size_t)r);
    if (rc != 0)
      break;
  }
  close(fd);
  return rc;
}

/* The folder of path, absolute when it can be resolved. */
static char *
config_dir(const char *path)
{
  const char *slash = strrchr(path, '/');
  char *dir, *real;

  if (slash == NULL)
    dir = strdup(".");
  else if (slash == path)
    dir = strdup("/");
  else
    dir = strndup(path, (size_t)(slash - path));
  if (dir == NULL)
    return NULL;
  real = realpath(dir, NULL);
  if (real == NULL)
    return dir;
  free(dir);
  return real;
}

/* Checks that need the whole file: warnings only. */
static void
check_whole(struct loader *ld)
{
  const struct config *cfg = ld->cfg;
  int i;

  if (cfg->nchannels == 0)
    diag_warn(ld->diag, ld->file, 0, "no channels configured");
  for (i = 0; i < cfg->nchannels; i++) {
    const char *why = type_checks[cfg->channels[i].type].needs_public_url;
    if (why != NULL && cfg->server.public_url == NULL)
      diag_warn(ld->diag, ld->file, cfg->channels[i].line,
                "[channel.%s]: [server] public_url is not set, so %s",
                cfg->channels[i].name, why);
  }
}

/* ---- Checks of the whole configuration --------------------------------- */

/* 1 when host (numeric, as parse_listen leaves it) is a loopback address:
 * 127.0.0.0/8, ::1, or ::ffff:127.0.0.0/104. */
static int
is_loopback(const char *host)
{
  static const unsigned char v6_loop[16] = {[15] = 1};
  static const unsigned char v4_mapped[12] = {[10] = 0xff, [11] = 0xff};
  unsigned char a[sizeof(struct in6_addr)];

  if (host == NULL)
    return 0;
  if (inet_pton(AF_INET, host, a) == 1)
    return a[0] == 127;
  if (inet_pton(AF_INET6, host, a) != 1)
    return 0;
  return memcmp(a, v6_loop, 16) == 0 ||
         (memcmp(a, v4_mapped, 12) == 0 && a[12] == 127);
}

int
config_check_exposure(const struct config *cfg, struct diag *diag)
{
  int i, n = 0;

  if (is_loopback(cfg->server.listen_host))
    return 0;
  for (i = 0; i < cfg->nchannels; i++) {
    const struct config_channel *ch = &cfg->channels[i];
    if (!type_checks[ch->type].tokenless_loopback_only ||
        (ch->token != NULL && ch->token[0] != '\0'))
      continue;
    diag_error(diag, cfg->path, ch->line,
               "[channel.%s]: a %s channel without a token may only be "
               "served on a loopback address, and [server] listen is %s: "
               "set a token, or listen on 127.0.0.1 or [::1]", ch->name,
               channel_type_names[ch->type], cfg->server.listen);
    n++;
  }
  return n;
}

/*
 * [storage] backend = postgres needs the database it names, and postgres
 * must be a connection string libpq can read.  The errors name the key,
 * never the value, nor libpq's reason (which may quote a password).
 */
static void
check_storage(struct loader *ld)
{
  const struct config *cfg = ld->cfg;
  const char *ci = cfg->storage.postgres;
  PQconninfoOption *opts;
  char *why = NULL;

  if (cfg->storage.backend == STORAGE_POSTGRES &&
      (ci == NULL || ci[0] == '\0'))
    diag_error(ld->diag, ld->file, ld->seen[SEC_STORAGE],
               "[storage] backend = postgres needs postgres, the libpq "
               "connection string of the database (aduand.conf(5))");
  if (ci == NULL || (ld->flags & CONFIG_NO_SECRETS))
    return;
  opts = PQconninfoParse(ci, &why);
  if (opts == NULL)
    diag_error(ld->diag, ld->file, ld->seen[SEC_STORAGE],
               "[storage] postgres: %s", why == NULL ? "out of memory"
               : "not a libpq connection string (key=value pairs such as "
                 "\"host=db1 dbname=aduan\", or a postgresql:// URI)");
  PQconninfoFree(opts);
  PQfreemem(why);
}

/*
 * Warn when the file holds a literal secret and group or others may read
 * it: the secret is then as public as the file.  Names the first such
 * secret by line and key, never by value.
 */
static void
check_literal_secrets(struct loader *ld)
{
  struct stat st;

  if (ld->literal_line == 0 || stat(ld->file, &st) != 0 ||
      (st.st_mode & (S_IRGRP | S_IROTH)) == 0)
    return;
  diag_warn(ld->diag, ld->file, ld->literal_line,
            "%s: a literal secret in a file that %s can read (mode %04o); "
            "use file:, env: or credential:, or make the file private "
            "(chmod 600)", ld->literal_key,
            (st.st_mode & S_IROTH) ? "everyone" : "its group",
            (unsigned)(st.st_mode & 07777));
}

int
config_defaults(struct config **out)
{
  struct loader ld;
  struct diag d;

  *out = NULL;
  memset(&ld, 0, sizeof(ld));
  diag_init(&d);
  ld.file = "(defaults)";
  ld.diag = &d;
  ld.cfg = calloc(1, sizeof(*ld.cfg));
  if (ld.cfg == NULL)
    return -ENOMEM;
  apply_defaults(&ld);
  if (ld.rc == 0 && d.errors > 0)
    ld.rc = AERR_CONFIG;
  diag_free(&d);
  if (ld.rc != 0) {
    config_free(ld.cfg);
    return ld.rc;
  }
  *out = ld.cfg;
  return 0;
}

int
config_load(const char *path, struct config **out, struct diag *diag)
{
  return config_load_flags(path, 0, out, diag);
}

int
config_load_flags(const char *path, unsigned flags, struct config **out,
                  struct diag *diag)
{
  struct buf text = BUF_INIT;
  struct diag own;
  struct loader ld;
  int rc, errors0;

  *out = NULL;
  if (diag == NULL) {
    diag_init(&own);
    diag = &own;
  }
  errors0 = diag->errors;
  rc = read_all(path, CONFIG_MAX_FILE, &text);
  if (rc != 0) {
    if (rc == AERR_TOOBIG)
      diag_error(diag, path, 0, "larger than %d bytes", CONFIG_MAX_FILE);
    else
      diag_error(diag, path, 0, "cannot read: %s", strerror(-rc));
    buf_free(&text);
    if (diag == &own)
      diag_free(&own);
    return rc == AERR_TOOBIG ? AERR_CONFIG : rc;
  }

  memset(&ld, 0, sizeof(ld));
  ld.file = path;
  ld.diag = diag;
  ld.flags = flags;
  ld.sec = SEC_NONE;
  ld.cfg = calloc(1, sizeof(*ld.cfg));
  if (ld.cfg != NULL) {
    ld.cfg->path = strdup(path);
    ld.cfg->dir = config_dir(path);
  }
  if (ld.cfg == NULL || ld.cfg->path == NULL || ld.cfg->dir == NULL)
    ld.rc = -ENOMEM;
  if (ld.rc == 0)
    apply_defaults(&ld);
  if (ld.rc == 0)
    parse_text(&ld, text.data != NULL ? text.data : "", text.len);
  if (ld.rc == 0)
    finish_section(&ld);
  free_entries(&ld);
  free(ld.ents);
  if (text.data != NULL)
    explicit_bzero(text.data, text.len);
  buf_free(&text);

  /* After a refused postgres = ..., "needs postgres" would say it twice. */
  if (ld.rc == 0 && diag->errors == errors0)
    check_storage(&ld);
  if (ld.rc == 0 && diag->errors == errors0)
    config_check_exposure(ld.cfg, diag);
  rc = ld.rc;
  if (rc == 0 && diag->errors > errors0)
    rc = AERR_CONFIG;
  if (rc == 0) {
    check_whole(&ld);
    check_literal_secrets(&ld);
  }
  if (diag == &own)
    diag_free(&own);
  if (rc != 0) {
    config_free(ld.cfg);
    return rc;
  }
  *out = ld.cfg;
  return 0;
}

void
config_free(struct config *cfg)
{
  int i;

  if (cfg == NULL)
    return;
  free_fields(cfg, 0);
  free(cfg->server.listen_host);
  free(cfg->path);
  free(cfg->dir);
  for (i = 0; i < cfg->nchannels; i++) {
    free_fields(&cfg->channels[i], 1);
    free(cfg->channels[i].name);
    crypto_mac_free(cfg->channels[i].sig_mac);
  }
  free(cfg->channels);
  free(cfg);
}

const struct config_channel *
config_channel(const struct config *cfg, const char *name)
{
  int i;

  if (cfg == NULL || name == NULL)
    return NULL;
  for (i = 0; i < cfg->nchannels; i++)
    if (strcmp(cfg->channels[i].name, name) == 0)
      return &cfg->channels[i];
  return NULL;
}

/* 1 when the field of directive d differs between a and b (two struct
 * config, or two struct config_channel for channel keys). */
static int
field_differs(const struct directive *d, const void *a, const void *b)
{
  const char *pa = (const char *)a + d->offset;
  const char *pb = (const char *)b + d->offset;
  const char *sa, *sb;

  switch (d->type) {
  case T_DURATION:
    return memcmp(pa, pb, sizeof(uint64_t)) != 0;
  case T_SIZE:
    return memcmp(pa, pb, sizeof(size_t)) != 0;
  case T_INT:
  case T_BOOL:
  case T_LOGLEVEL:
  case T_MODE:
  case T_BACKEND:
    return memcmp(pa, pb, sizeof(int)) != 0;
  case T_CHANTYPE:
    return memcmp(pa, pb, sizeof(enum channel_type)) != 0;
  default:
    memcpy(&sa, pa, sizeof(sa));
    memcpy(&sb, pb, sizeof(sb));
    if (sa == NULL || sb == NULL)
      return sa != sb;
    return strcmp(sa, sb) != 0;
  }
}

int
config_restart_needed(const struct config *old, const struct config *cur,
                      struct diag *diag)
{
  size_t i;
  int n = 0;

  for (i = 0; i < NDIRECTIVES; i++) {
    const struct directive *d = &directives[i];
    if (d->section == SEC_CHANNEL || (d->flags & F_RELOAD))
      continue;
    if (!field_differs(d, old, cur))
      continue;
    n++;
    if (diag != NULL)
      diag_warn(diag, cur->path != NULL ? cur->path : "(config)", 0,
                "[%s] %s changed; the new value takes effect after a "
                "restart", section_names[d->section], d->key);
  }
  return n;
}

/* Append name to the space-separated list in names. */
static int
add_name(struct buf *names, const char *a, const char *b, const char *c)
{
  return buf_printf(names, "%s%s%s%s%s%s", names->len > 0 ? " " : "", a,
                    b != NULL ? "." : "", b != NULL ? b : "",
                    c != NULL ? "." : "", c != NULL ? c : "");
}

int
config_changes(const struct config *old, const struct config *cur,
               struct buf *names)
{
  size_t i;
  int n = 0, c, rc = 0;

  for (i = 0; rc == 0 && i < NDIRECTIVES; i++) {
    const struct directive *d = &directives[i];
    if (d->section == SEC_CHANNEL || !field_differs(d, old, cur))
      continue;
    n++;
    rc = add_name(names, section_names[d->section], d->key, NULL);
  }
  /* Channels: each one added or removed by its name, each one kept by
   * the keys that differ. */
  for (c = 0; rc == 0 && c < old->nchannels; c++) {
    const struct config_channel *a = &old->channels[c];
    const struct config_channel *b = config_channel(cur, a->name);
    if (b == NULL) {
      n++;
      rc = add_name(names, "channel", a->name, NULL);
      continue;
    }
    for (i = 0; rc == 0 && i < NDIRECTIVES; i++) {
      const struct directive *d = &directives[i];
      if (d->section != SEC_CHANNEL || !field_differs(d, a, b))
        continue;
      n++;
      rc = add_name(names, "channel", a->name, d->key);
    }
  }
  for (c = 0; rc == 0 && c < cur->nchannels; c++) {
    if (config_channel(old, cur->channels[c].name) != NULL)
      continue;
    n++;
    rc = add_name(names, "channel", cur->channels[c].name, NULL);
  }
  return rc != 0 ? rc : n;
}

int
config_keep_restart_only(struct config *cur, const struct config *old)
{
  size_t i;

  for (i = 0; i < NDIRECTIVES; i++) {
    const struct directive *d = &directives[i];
    const char *from = (const char *)old + d->offset;
    char *to = (char *)cur + d->offset;
    size_t size;

    if (d->section == SEC_CHANNEL || (d->flags & F_RELOAD) ||
        !field_differs(d, old, cur))
      continue;
    switch (d->type) {
    case T_DURATION:
      size = sizeof(uint64_t);
      break;
    case T_SIZE:
      size = sizeof(size_t);
      break;
    case T_INT:
    case T_BOOL:
    case T_LOGLEVEL:
    case T_MODE:
    case T_BACKEND:
      size = sizeof(int);
      break;
    case T_CHANTYPE:
      size = sizeof(enum channel_type);
      break;
    default:
      size = 0;
      break;
    }
    if (size > 0) {
      memcpy(to, from, size);
      continue;
    }
    {
      const char *v;
      char *copy = NULL;
      memcpy(&v, from, sizeof(v));
      if (v != NULL) {
        copy = strdup(v);
        if (copy == NULL)
          return -ENOMEM;
      }
      set_str(cur, d, copy);
    }
    if (d->type == T_LISTEN) {
      /* The parsed parts of listen go with it. */
      char *host = old->server.listen_host != NULL
                     ? strdup(old->server.listen_host) : NULL;
      if (old->server.listen_host != NULL && host == NULL)
        return -ENOMEM;
      free(cur->server.listen_host);
      cur->server.listen_host = host;
      cur->server.listen_port = old->server.listen_port;
    }
  }
  return 0;
}

/* ---- The documented example -------------------------------------------- */

/* A buf and its first error, so rendering can go on unchecked. */
struct writer {
  struct buf *b;
  int rc;
};

static void wr(struct writer *w, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));

static void
wr(struct writer *w, const char *fmt, ...)
{
  va_list ap;
  int rc;

  if (w->rc != 0)
    return;
  va_start(ap, fmt);
  rc = buf_vprintf(w->b, fmt, ap);
  va_end(ap);
  if (rc != 0)
    w->rc = rc;
}

static const char example_intro[] =
  "# aduand.conf.example: every setting aduand reads, with its default,\n"
  "# its bounds, and whether a reload (SIGHUP) applies it [reloadable] or\n"
  "# only a restart does [restart].  It is rendered by config_example()\n"
  "# from the directive table in lib/conf/config.c; the two are kept in step by\n"
  "# a unit test.  Copy it to /etc/aduan/aduand.conf and adjust.\n"
  "#\n"
  "# Syntax: [section] headers and \"key = value\" lines.  A line whose\n"
  "# first character is '#' or ';' is a comment, and so is \" # ...\" after\n"
  "# an unquoted value.  Values may be \"double-quoted\" (\\\" and \\\\\n"
  "# inside).  Relative paths are relative to the folder of this file.\n"
  "# Durations: 250ms 10s 5m 24h 7d (a bare number is seconds).  Sizes:\n"
  "# 512 64k 256k 1m.  Booleans: yes/no, true/false, on/off, 1/0.\n"
  "# A setting shown commented out carries its default.\n"
  "#\n"
  "# Secrets may be literal in a test setup; in production write one of\n"
  "#   file:PATH        the file's content, trailing newline removed; the\n"
  "#                    file must be owned by root or the daemon's user and\n"
  "#                    not accessible to group or others (chmod 600)\n"
  "#   env:NAME         the environment variable NAME\n"
  "#   credential:NAME  $CREDENTIALS_DIRECTORY/NAME (systemd LoadCredential=)\n"
  "# A secret's value never appears in an error message or a log line.\n";

static const char *const type_intro[CHANNEL_TYPE_COUNT] = {
  "dev: for local trials and `aduanctl chat`; replies come back in the\n"
  "# HTTP response.  Set a token before anyone else can reach it.",
  "whatsapp_cloud: Meta WhatsApp Business Cloud API.  Webhook:\n"
  "# https://HOST/webhook/wa (GET verify handshake and POST messages).",
  "twilio: SMS and WhatsApp through Twilio.  Needs [server] public_url:\n"
  "# Twilio signs public_url + path, and that is what is checked.",
  "kannel: SMS through a Kannel gateway (telco SMSC or GSM modem).  In\n"
  "# Kannel's sms-service, with S the secret below:\n"
  "#   get-url = \"http://HOST/webhook/sms?secret=S&sender=%p&receiver=%P"
  "&text=%b&id=%I&ts=%T&coding=%c&charset=%C\"\n"
  "# (%b: the message's bytes as sent; config/kannel.conf is a complete\n"
  "# Kannel config for this channel).",
};

static const char *const type_example_name[CHANNEL_TYPE_COUNT] = {
  "dev", "wa", "twilio", "sms"
};

/* The documentation block of one plain directive and its line. */
static void
example_plain(struct writer *w, const struct directive *d)
{
  char want[160];

  wr(w, "\n# %s.\n# Value: %s.\n", d->help, describe(d, want, sizeof(want)));
  wr(w, "# Default: %s.  %s\n", d->def != NULL ? d->def : "unset",
     (d->flags & F_RELOAD) ? "[reloadable]" : "[restart]");
  wr(w, "#%s = %s\n", d->key,
     d->def != NULL ? d->def : d->example != NULL ? d->example : "");
}

/* The documentation block of one channel directive. */
static void
example_channel_key(struct writer *w, const struct directive *d)
{
  char want[160];
  int t;

  wr(w, "#\n# %s: %s.\n#   Value: %s.\n", d->key, d->help,
     describe(d, want, sizeof(want)));
  if (d->types == T_ALL && d->required == T_ALL) {
    wr(w, "#   every type: required.\n");
    t = CHANNEL_TYPE_COUNT;
  } else {
    t = 0;
  }
  for (; t < CHANNEL_TYPE_COUNT; t++) {
    if ((d->types & TB(t)) == 0)
      continue;
    wr(w, "#   %s: %s", channel_type_names[t],
       (d->required & TB(t)) ? "required" : "optional");
    if (d->type_def[t] != NULL)
      wr(w, ", default %s", d->type_def[t]);
    wr(w, ".\n");
  }
  wr(w, "#   %s\n", (d->flags & F_RELOAD) ? "[reloadable]" : "[restart]");
}

int
config_example(struct buf *out)
{
  struct writer w = {out, 0};
  const struct directive *d;
  size_t i;
  int s, t;

  wr(&w, "%s", example_intro);
  for (s = 0; s < SEC_CHANNEL; s++) {
    wr(&w, "\n[%s]\n", section_names[s]);
    for (i = 0; i < NDIRECTIVES; i++)
      if ((int)directives[i].section == s)
        example_plain(&w, &directives[i]);
  }

  wr(&w, "\n\n# Channels: one [channel.NAME] section per channel; its webhook\n"
     "# is /webhook/NAME.  NAME is 1 to %d letters, digits, '-' or '_'.\n"
     "# Several channels may have one type.  A key that the channel's type\n"
     "# does not take is an error.  Channel keys:\n", CHANNEL_NAME_MAX);
  for (i = 0; i < NDIRECTIVES; i++)
    if (directives[i].section == SEC_CHANNEL)
      example_channel_key(&w, &directives[i]);
  wr(&w, "#\n# The sections below are commented out: enable the ones you use\n"
     "# and point their secrets at real files, variables or credentials.\n");

  for (t = 0; t < CHANNEL_TYPE_COUNT; t++) {
    wr(&w, "\n# %s\n#[channel.%s]\n", type_intro[t], type_example_name[t]);
    for (i = 0; i < NDIRECTIVES; i++) {
      const char *v;
      d = &directives[i];
      if (d->section != SEC_CHANNEL || (d->types & TB(t)) == 0)
        continue;
      if (d->type == T_CHANTYPE)
        v = channel_type_names[t];
      else if (d->type_example[t] != NULL)
        v = d->type_example[t];
      else
        v = d->type_def[t];
      if (v != NULL)
        wr(&w, "#%s = %s\n", d->key, v);
    }
  }
  return w.rc;
}

static const char manual_intro[] =
  "aduand(8) reads one INI-style file, " ADUAN_DEFAULT_CONFIG " unless "
  "-c names another.  aduand -t checks it, with the catalogue and the "
  "lists it names, and prints every error as FILE:LINE: message.  SIGHUP "
  "reloads it; settings marked [restart] below only take effect at the "
  "next start.\n\n"
  "Syntax: [section] headers and key = value lines.  A line whose first "
  "character is # or ; is a comment, and so is \" # ...\" after an unquoted "
  "value.  Values may be double-quoted.  Relative paths are relative to "
  "the folder of the file.  Durations: 250ms 10s 5m 24h 7d (a bare number "
  "is seconds).  Sizes: 512 64k 256k 1m.  Booleans: yes/no, true/false, "
  "on/off, 1/0.\n\n"
  "Secrets may be literal in a test setup; in production write file:PATH "
  "(the file's content, trailing newline removed; owned by root or the "
  "daemon's user, mode 600), env:NAME (an environment variable) or "
  "credential:NAME (systemd LoadCredential=).  A secret's value never "
  "appears in an error message or a log line.";

/* The man page entry of one plain directive. */
static int
manual_plain(struct buf *out, const struct directive *d)
{
  char want[160], term[96], text[512];

  describe(d, want, sizeof(want));
  snprintf(term, sizeof(term), "%s = %s", d->key,
           d->def != NULL ? d->def : d->example != NULL ? d->example : "");
  snprintf(text, sizeof(text), "%s.  Value: %s.  Default: %s.  %s",
           d->help, want, d->def != NULL ? d->def : "unset",
           (d->flags & F_RELOAD) ? "[reloadable]" : "[restart]");
  return manpage_roff_item(out, term, text);
}

/* The man page entry of one channel directive. */
static int
manual_channel_key(struct buf *out, const struct directive *d)
{
  struct buf text = BUF_INIT;
  char want[160];
  int t, rc;

  describe(d, want, sizeof(want));
  rc = buf_printf(&text, "%s.  Value: %s.", d->help, want);
  for (t = 0; t < CHANNEL_TYPE_COUNT; t++) {
    if ((d->types & TB(t)) == 0)
      continue;
    rc |= buf_printf(&text, "  %s: %s", channel_type_names[t],
                     (d->required & TB(t)) ? "required" : "optional");
    if (d->type_def[t] != NULL)
      rc |= buf_printf(&text, ", default %s", d->type_def[t]);
    rc |= buf_puts(&text, ".");
  }
  rc |= buf_printf(&text, "  %s",
                   (d->flags & F_RELOAD) ? "[reloadable]" : "[restart]");
  if (rc == 0)
    rc = manpage_roff_item(out, d->key, text.data);
  buf_free(&text);
  return rc;
}

int
config_manual(struct buf *out, const char *version, const char *date)
{
  size_t i;
  int s, rc;

  rc = manpage_roff_head(out, "aduand.conf", 5, version, date,
                         "configuration of the aduan gateway");
  rc |= buf_puts(out, ".SH DESCRIPTION\n");
  rc |= manpage_roff_text(out, manual_intro);
  for (s = 0; s < SEC_CHANNEL; s++) {
    rc |= buf_printf(out, ".SH [%s]\n", section_names[s]);
    for (i = 0; i < NDIRECTIVES; i++)
      if ((int)directives[i].section == s)
        rc |= manual_plain(out, &directives[i]);
  }
  rc |= buf_puts(out, ".SH [channel.NAME]\n");
  rc |= manpage_roff_text(out,
    "One section per channel; its webhook is /webhook/NAME.  NAME is "
    "letters, digits, - or _.  Several channels may have one type: dev, "
    "whatsapp_cloud, twilio or kannel.  A key that the channel's type "
    "does not take is an error.");
  for (i = 0; i < NDIRECTIVES; i++)
    if (directives[i].section == SEC_CHANNEL)
      rc |= manual_channel_key(out, &directives[i]);
  rc |= buf_puts(out, ".SH FILES\n");
  rc |= manpage_roff_text(out, ADUAN_DEFAULT_CONFIG "\n\n"
    "The documented example with every setting, aduand.conf.example, is "
    "installed with the documentation.");
  rc |= buf_puts(out, ".SH SEE ALSO\n");
  rc |= manpage_roff_text(out, "aduand(8), aduanctl(8)");
  return rc;
}
