-- 0002: delivery reports on outbox rows, evidence downloads, and the
-- indexes the sender, the downloader and the flood limit read by.

-- What the provider reported after accepting a message: sent,
-- delivered, read or failed.  Never moves backwards (see store_sqlite.c).
ALTER TABLE outbox ADD COLUMN delivery TEXT;
ALTER TABLE outbox ADD COLUMN delivery_at INTEGER;
ALTER TABLE outbox ADD COLUMN sent_at INTEGER;
CREATE INDEX outbox_provider ON outbox(channel, provider_id);

-- Where a downloaded file was put (its name under the evidence folder),
-- and how its download went.
ALTER TABLE evidence ADD COLUMN path TEXT;
ALTER TABLE evidence ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evidence ADD COLUMN next_attempt_at INTEGER;
ALTER TABLE evidence ADD COLUMN last_error TEXT;
CREATE INDEX evidence_status ON evidence(status, next_attempt_at);
CREATE INDEX evidence_ticket ON evidence(ticket_id);

CREATE INDEX inbound_reporter ON inbound(reporter_id, received_at);
