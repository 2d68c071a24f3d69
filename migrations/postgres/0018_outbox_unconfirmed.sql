-- 0018 (PostgreSQL): replies accepted by a provider for which no delivery
-- report came within [outbox] unconfirmed_after.  The twin of
-- migrations/sqlite/0018_outbox_unconfirmed.sql.
ALTER TABLE outbox ADD COLUMN unconfirmed_at bigint;

CREATE INDEX outbox_unconfirmed_due ON outbox(channel, sent_at)
  WHERE status = 'sent' AND delivery IS NULL AND unconfirmed_at IS NULL;

CREATE INDEX outbox_unconfirmed ON outbox(unconfirmed_at)
  WHERE unconfirmed_at IS NOT NULL AND delivery IS NULL;
