-- 0024 (PostgreSQL): one index of the outbox that every row is in, not
-- two; the twin of migrations/sqlite/0024_outbox_reporter_inbound.sql,
-- which says why.  The inline replies of a message are found by
-- (reporter_id, inbound_id), the reporter read from the inbound row.
DROP INDEX outbox_inbound;
DROP INDEX outbox_reporter;
CREATE INDEX outbox_reporter ON outbox(reporter_id, inbound_id);
