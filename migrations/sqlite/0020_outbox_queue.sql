-- 0020: the queue the sender takes from, in the order it takes it.
-- Only queued rows are in it, so however many rows the outbox keeps, and
-- whatever the planner's statistics say of how many are queued, taking
-- the next batch of one channel walks this index in order and stops at
-- the batch's size (store_outbox_take).
CREATE INDEX outbox_queue ON outbox(channel, next_attempt_at, id)
  WHERE status = 'queued';
