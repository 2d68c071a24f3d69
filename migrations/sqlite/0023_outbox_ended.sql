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
