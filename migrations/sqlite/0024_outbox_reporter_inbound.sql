-- 0024: one index of the outbox that every row is in, not two.
-- outbox_inbound(inbound_id) and outbox_reporter(reporter_id) were both
-- written at each reply's insert (neither at a change of its status);
-- measured on the message path's writes, outbox_inbound cost 0.16 WAL
-- pages a message and one more B-tree insert, for one statement: the
-- inline replies of a message (store_outbox_replies, the dev channel and
-- a repeated webhook), whose inbound row names the reporter.  With the
-- inbound id after the reporter in outbox_reporter, that statement finds
-- the replies by (reporter_id, inbound_id), in id order, without a sort;
-- the purge of a reporter still walks the reporter's entries.  No row of
-- inbound is ever deleted, so no foreign-key check looks for outbox rows
-- by inbound_id alone.
DROP INDEX outbox_inbound;
DROP INDEX outbox_reporter;
CREATE INDEX outbox_reporter ON outbox(reporter_id, inbound_id);
