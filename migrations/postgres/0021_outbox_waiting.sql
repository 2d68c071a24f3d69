-- 0021 (PostgreSQL): each reporter's replies still to go, per channel,
-- oldest first; the twin of migrations/sqlite/0021_outbox_waiting.sql,
-- which also says why outbox_reporter keeps only reporter_id now.
-- When the front of the queue is replies that wait behind older ones of
-- their reporter (a flood after an outage: many replies per reporter, the
-- first of each being sent), taking a batch through outbox_queue alone
-- read every queued row before it found none, or too few (40 ms for 8 of
-- 17 000 queued rows, once per poll); store_outbox_take and
-- store_outbox_next then walk this index from reporter to reporter
-- instead, one step each, and their check that no older reply waits is
-- one step into it.
DROP INDEX outbox_reporter;
CREATE INDEX outbox_reporter ON outbox(reporter_id);
CREATE INDEX outbox_waiting ON outbox(reporter_id, channel, id)
  WHERE status IN ('queued', 'sending');
