-- 0025 (PostgreSQL): outbox_unconfirmed_due holds only the replies a
-- delivery report is awaited for; the twin of
-- migrations/sqlite/0025_outbox_report_expected.sql, which says why.
-- A constant default: existing rows take 1 without a rewrite.
ALTER TABLE outbox ADD COLUMN report_expected bigint NOT NULL DEFAULT 1;

DROP INDEX outbox_unconfirmed_due;
CREATE INDEX outbox_unconfirmed_due ON outbox(channel, sent_at)
  WHERE status = 'sent' AND delivery IS NULL AND unconfirmed_at IS NULL
  AND report_expected = 1;
