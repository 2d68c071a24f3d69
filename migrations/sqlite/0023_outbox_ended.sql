-- 0023: a reply's status is no longer a key of an index every row is in.
-- outbox_due(status, next_attempt_at) was rewritten at each of a reply's
-- three changes of status (queued, sending, sent): about 18 000
-- instructions of SQLite per reply, for statements that other indexes
-- serve: the sender's next due time walks outbox_queue (queued rows
-- only), the restart's requeue and the count of rows still to go walk
-- outbox_waiting (queued and sending rows only), the unconfirmed listing
-- and its count outbox_unconfirmed.  Rows that ended badly go into
-- outbox_ended, for their count (/metrics); the rows sent are the rest
-- (store_outbox_count).
DROP INDEX outbox_due;
CREATE INDEX outbox_ended ON outbox(status)
  WHERE status IN ('failed', 'dead');

-- A reply has a provider's id only once it is sent (and a reply of the
-- dev channel never has one): outbox_provider, which finds the reply a
-- delivery report is about (channel and provider id both given), holds
-- only the rows that have one, so that a reply's insert and its move to
-- "sending" no longer write an entry of it.
DROP INDEX outbox_provider;
CREATE INDEX outbox_provider ON outbox(channel, provider_id)
  WHERE provider_id IS NOT NULL;
