-- 0004 (PostgreSQL): retention of raw payloads and of reporters' personal
-- data, and the audit of identity reveals.  The twin of
-- migrations/sqlite/0004_retention.sql.
ALTER TABLE reporters ADD COLUMN purged_at bigint;

CREATE TABLE identity_reveals (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id    bigint NOT NULL REFERENCES tickets(id),
  reporter_id  bigint NOT NULL REFERENCES reporters(id),
  at           bigint NOT NULL,
  actor        text NOT NULL,
  reason       text NOT NULL
);
CREATE INDEX identity_reveals_ticket ON identity_reveals(ticket_id);

CREATE INDEX inbound_payload_kept ON inbound(received_at)
  WHERE payload IS NOT NULL;
CREATE INDEX outbox_reporter ON outbox(reporter_id, status);
