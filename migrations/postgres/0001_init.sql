-- 0001_init (PostgreSQL): the first schema of aduan, the twin of
-- migrations/sqlite/0001_init.sql (which says what each table is for).
-- Tables and columns are the same in both folders (tests/pg_schema.sh
-- compares them).  Types: SQLite's INTEGER is 64 bits, so bigint
-- throughout; INTEGER PRIMARY KEY is an identity column; REAL is double
-- precision, BLOB is bytea.  Times are bigint milliseconds since the Unix
-- epoch, UTC, as in SQLite.

CREATE TABLE reporters (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone       text NOT NULL UNIQUE,        -- E.164
  handle      text NOT NULL UNIQUE,        -- pseudonym shown to operators
  name        text,                        -- given at the identitas step
  created_at  bigint NOT NULL
);

CREATE TABLE inbound (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel      text NOT NULL,
  provider_id  text NOT NULL,
  reporter_id  bigint NOT NULL REFERENCES reporters(id),
  kind         text NOT NULL,              -- text, location, media, choice, unsupported
  body         text,                       -- the text, or the chosen option
  payload      bytea,                      -- raw request body; NULL once purged
  received_at  bigint NOT NULL,
  UNIQUE (channel, provider_id)
);

CREATE TABLE sessions (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reporter_id    bigint NOT NULL REFERENCES reporters(id),
  family         text NOT NULL,
  channel        text NOT NULL,            -- where replies go
  step           text NOT NULL,
  draft          text NOT NULL DEFAULT '{}',  -- JSON, as the daemon writes it
  invalid_count  bigint NOT NULL DEFAULT 0,
  last_inbound_at bigint,
  updated_at     bigint NOT NULL,
  expires_at     bigint,
  UNIQUE (reporter_id, family)
);

CREATE TABLE tickets (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number       text NOT NULL UNIQUE,       -- NTT-2026-00042
  year         bigint NOT NULL,
  seq          bigint NOT NULL,
  reporter_id  bigint NOT NULL REFERENCES reporters(id),
  channel      text NOT NULL,
  status       text NOT NULL,
  category     text,
  terlapor     text,
  lokasi       text,
  lokasi_kode  text,
  lat          double precision,
  lng          double precision,
  waktu        text,
  kronologi    text,
  identitas    text,                       -- nama, rahasia, anonim
  agency       text,
  created_at   bigint NOT NULL,
  updated_at   bigint NOT NULL,
  UNIQUE (year, seq)
);
CREATE INDEX tickets_reporter ON tickets(reporter_id);
CREATE INDEX tickets_status ON tickets(status);

CREATE TABLE ticket_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id    bigint NOT NULL REFERENCES tickets(id),
  at           bigint NOT NULL,
  actor        text NOT NULL,
  from_status  text,
  to_status    text,
  note         text
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id);

-- An identity column never gives an id twice, so the rebuild SQLite
-- needed in 0007 has nothing to do here.
CREATE TABLE evidence (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id    bigint REFERENCES tickets(id),
  session_id   bigint REFERENCES sessions(id),
  inbound_id   bigint NOT NULL REFERENCES inbound(id),
  sha256       text,
  mime         text,
  size         bigint,
  source_url   text,
  status       text NOT NULL,              -- pending, stored, failed
  received_at  bigint NOT NULL,
  stored_at    bigint
);

CREATE TABLE outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel         text NOT NULL,
  reporter_id     bigint NOT NULL REFERENCES reporters(id),
  inbound_id      bigint REFERENCES inbound(id),
  ticket_id       bigint REFERENCES tickets(id),
  kind            text NOT NULL,           -- text, template, interactive
  body            text NOT NULL,           -- the text the reporter reads
  payload         text,                    -- provider request, when rendered
  status          text NOT NULL,
  attempts        bigint NOT NULL DEFAULT 0,
  next_attempt_at bigint,
  last_error      text,
  provider_id     text,
  created_at      bigint NOT NULL,
  updated_at      bigint NOT NULL
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_inbound ON outbox(inbound_id);
