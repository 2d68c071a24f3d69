-- 0007: evidence ids are never used twice.  A download runs while its
-- row may be dropped (the draft was cancelled); without AUTOINCREMENT
-- SQLite gives the next row the dropped row's id, and a late outcome
-- would land on somebody else's evidence.  SQLite cannot add
-- AUTOINCREMENT to a table in place, so the table is rebuilt with the
-- same columns, rows and indexes (the sequence starts after the largest
-- id kept).
CREATE TABLE evidence_new (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id    INTEGER REFERENCES tickets(id),
  session_id   INTEGER REFERENCES sessions(id),
  inbound_id   INTEGER NOT NULL REFERENCES inbound(id),
  sha256       TEXT,
  mime         TEXT,
  size         INTEGER,
  source_url   TEXT,
  status       TEXT NOT NULL,              -- pending, stored, failed
  received_at  INTEGER NOT NULL,
  stored_at    INTEGER,
  path         TEXT,
  attempts     INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_error   TEXT
);
INSERT INTO evidence_new (id, ticket_id, session_id, inbound_id, sha256,
                          mime, size, source_url, status, received_at,
                          stored_at, path, attempts, next_attempt_at,
                          last_error)
  SELECT id, ticket_id, session_id, inbound_id, sha256, mime, size,
         source_url, status, received_at, stored_at, path, attempts,
         next_attempt_at, last_error FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_new RENAME TO evidence;
CREATE INDEX evidence_status ON evidence(status, next_attempt_at);
CREATE INDEX evidence_ticket ON evidence(ticket_id);
