-- 0004: retention of raw payloads and of reporters' personal data, and
-- the audit of identity reveals.

-- When the reporter's number and name were removed after the retention
-- period (NULL: not removed).  The number is then "purged:HANDLE", so the
-- row keeps its handle and its tickets.
ALTER TABLE reporters ADD COLUMN purged_at INTEGER;

-- Every time an operator was shown who is behind a ticket, by whom and
-- why.  Rows are never changed or removed.
CREATE TABLE identity_reveals (
  id           INTEGER PRIMARY KEY,
  ticket_id    INTEGER NOT NULL REFERENCES tickets(id),
  reporter_id  INTEGER NOT NULL REFERENCES reporters(id),
  at           INTEGER NOT NULL,
  actor        TEXT NOT NULL,
  reason       TEXT NOT NULL
);
CREATE INDEX identity_reveals_ticket ON identity_reveals(ticket_id);

-- The payloads still kept, oldest first, for the retention purge.
CREATE INDEX inbound_payload_kept ON inbound(received_at)
  WHERE payload IS NOT NULL;
-- Replies still owed to a reporter hold back the purge of their data.
CREATE INDEX outbox_reporter ON outbox(reporter_id, status);
