-- 0002 (PostgreSQL): delivery reports on outbox rows, evidence downloads,
-- and the indexes the sender, the downloader and the flood limit read by.
-- The twin of migrations/sqlite/0002_delivery_evidence.sql.
ALTER TABLE outbox ADD COLUMN delivery text;
ALTER TABLE outbox ADD COLUMN delivery_at bigint;
ALTER TABLE outbox ADD COLUMN sent_at bigint;
CREATE INDEX outbox_provider ON outbox(channel, provider_id);

ALTER TABLE evidence ADD COLUMN path text;
ALTER TABLE evidence ADD COLUMN attempts bigint NOT NULL DEFAULT 0;
ALTER TABLE evidence ADD COLUMN next_attempt_at bigint;
ALTER TABLE evidence ADD COLUMN last_error text;
CREATE INDEX evidence_status ON evidence(status, next_attempt_at);
CREATE INDEX evidence_ticket ON evidence(ticket_id);

CREATE INDEX inbound_reporter ON inbound(reporter_id, received_at);
