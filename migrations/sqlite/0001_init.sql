-- 0001_init: the first schema of aduan.
--
-- Times are INTEGER milliseconds since the Unix epoch, UTC.  Reporter
-- identity (phone number, name) lives in `reporters` alone; everything
-- else refers to a reporter by id, and operators see the pseudonymous
-- `handle`, never the number.

CREATE TABLE reporters (
  id          INTEGER PRIMARY KEY,
  phone       TEXT NOT NULL UNIQUE,        -- E.164
  handle      TEXT NOT NULL UNIQUE,        -- pseudonym shown to operators
  name        TEXT,                        -- given at the identitas step
  created_at  INTEGER NOT NULL
);

-- Every message a provider delivered, as it came (raw payload kept for
-- audit).  (channel, provider_id) is unique: a provider's retry of the
-- same message is recognised and changes nothing.
CREATE TABLE inbound (
  id           INTEGER PRIMARY KEY,
  channel      TEXT NOT NULL,
  provider_id  TEXT NOT NULL,
  reporter_id  INTEGER NOT NULL REFERENCES reporters(id),
  kind         TEXT NOT NULL,              -- text, location, media, choice, unsupported
  body         TEXT,                       -- the text, or the chosen option
  payload      BLOB,                       -- raw request body; NULL once purged
  received_at  INTEGER NOT NULL,
  UNIQUE (channel, provider_id)
);

-- One conversation per reporter and channel family (sms / whatsapp / dev).
CREATE TABLE sessions (
  id             INTEGER PRIMARY KEY,
  reporter_id    INTEGER NOT NULL REFERENCES reporters(id),
  family         TEXT NOT NULL,
  channel        TEXT NOT NULL,            -- where replies go
  step           TEXT NOT NULL,
  draft          TEXT NOT NULL DEFAULT '{}',  -- JSON
  invalid_count  INTEGER NOT NULL DEFAULT 0,
  last_inbound_at INTEGER,
  updated_at     INTEGER NOT NULL,
  expires_at     INTEGER,
  UNIQUE (reporter_id, family)
);

CREATE TABLE tickets (
  id           INTEGER PRIMARY KEY,
  number       TEXT NOT NULL UNIQUE,       -- NTT-2026-00042
  year         INTEGER NOT NULL,
  seq          INTEGER NOT NULL,
  reporter_id  INTEGER NOT NULL REFERENCES reporters(id),
  channel      TEXT NOT NULL,
  status       TEXT NOT NULL,
  category     TEXT,
  terlapor     TEXT,
  lokasi       TEXT,
  lokasi_kode  TEXT,
  lat          REAL,
  lng          REAL,
  waktu        TEXT,
  kronologi    TEXT,
  identitas    TEXT,                       -- nama, rahasia, anonim
  agency       TEXT,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  UNIQUE (year, seq)
);
CREATE INDEX tickets_reporter ON tickets(reporter_id);
CREATE INDEX tickets_status ON tickets(status);

CREATE TABLE ticket_events (
  id           INTEGER PRIMARY KEY,
  ticket_id    INTEGER NOT NULL REFERENCES tickets(id),
  at           INTEGER NOT NULL,
  actor        TEXT NOT NULL,
  from_status  TEXT,
  to_status    TEXT,
  note         TEXT
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id);

CREATE TABLE evidence (
  id           INTEGER PRIMARY KEY,
  ticket_id    INTEGER REFERENCES tickets(id),
  session_id   INTEGER REFERENCES sessions(id),
  inbound_id   INTEGER NOT NULL REFERENCES inbound(id),
  sha256       TEXT,
  mime         TEXT,
  size         INTEGER,
  source_url   TEXT,
  status       TEXT NOT NULL,              -- pending, stored, failed
  received_at  INTEGER NOT NULL,
  stored_at    INTEGER
);

-- Every reply and notification, written in the same transaction as the
-- state change that caused it.  Rows move queued -> sending -> sent |
-- failed | dead; rows for the dev channel are answered inline and are
-- born 'sent'.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  channel         TEXT NOT NULL,
  reporter_id     INTEGER NOT NULL REFERENCES reporters(id),
  inbound_id      INTEGER REFERENCES inbound(id),
  ticket_id       INTEGER REFERENCES tickets(id),
  kind            TEXT NOT NULL,           -- text, template, interactive
  body            TEXT NOT NULL,           -- the text the reporter reads
  payload         TEXT,                    -- provider request, when rendered
  status          TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_error      TEXT,
  provider_id     TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_inbound ON outbox(inbound_id);
