-- 0018: replies accepted by a provider that can report delivery but for
-- which no delivery report came within [outbox] unconfirmed_after.
-- unconfirmed_at is when the daemon flagged the row (logged
-- event=outbox.unconfirmed), so that each row is flagged once, also
-- across restarts.  A report that comes later still lands in delivery;
-- the flag stays as a record.
ALTER TABLE outbox ADD COLUMN unconfirmed_at INTEGER;

-- The rows the check looks at: sent, no report, not yet flagged.
CREATE INDEX outbox_unconfirmed_due ON outbox(channel, sent_at)
  WHERE status = 'sent' AND delivery IS NULL AND unconfirmed_at IS NULL;

-- The rows still unconfirmed, for the listing and the metric.
CREATE INDEX outbox_unconfirmed ON outbox(unconfirmed_at)
  WHERE unconfirmed_at IS NOT NULL AND delivery IS NULL;
