-- 0021: each reporter's replies still to go (queued or being sent), per
-- channel, oldest first.  The first entry of a reporter and channel is
-- the one reply of theirs the sender may take (store_outbox_take's
-- ordering rule), so the check that no older reply waits is one step
-- into this index, and the PostgreSQL backend finds the reporters' first
-- replies by walking it from reporter to reporter when the front of the
-- queue (outbox_queue) is replies waiting behind others.
--
-- It takes over the part of outbox_reporter(reporter_id, status) that
-- named the status (the order check, and retention's "nothing still to
-- go"), so outbox_reporter keeps only reporter_id: an index keyed by the
-- status is rewritten at every change of a reply's status, one keyed by
-- the reporter alone only when a reply is written or deleted, and the
-- sender's claims and outcomes still touch one index ordered by
-- reporter, as before.
DROP INDEX outbox_reporter;
CREATE INDEX outbox_reporter ON outbox(reporter_id);
CREATE INDEX outbox_waiting ON outbox(reporter_id, channel, id)
  WHERE status IN ('queued', 'sending');
