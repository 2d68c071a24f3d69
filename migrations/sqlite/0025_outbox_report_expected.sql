-- 0025: outbox_unconfirmed_due holds only the replies a delivery report
-- is awaited for.
--
-- The unconfirmed check (lib/service/unconfirmed.h) looks for replies
-- sent and never reported on; its index held every reply once sent, so
-- a reply's outcome wrote an entry of it also where no report will ever
-- come: on a channel whose provider was not asked for one (Kannel and
-- Twilio without [server] public_url), while [outbox] unconfirmed_after
-- is off (0), and for the inline replies (the dev channel's, stored as
-- sent, never through a provider).  Measured on the outbox's writes
-- replayed with a fixed batching (2000 replies, 8 a commit), that entry
-- was 0.19 WAL pages a reply, 12% of the outbox's pages.
--
-- report_expected is 1 while a report may come: 0 for an inline reply
-- (at its insert) and for a reply sent where none will (at the send's
-- outcome, from the channel's capability and the config then).  Rows
-- written before this migration keep 1: the check looks at them as it
-- did.  Only the rows with 1 are in the index, and the check's statement
-- asks for them (so that it still walks the index).
ALTER TABLE outbox ADD COLUMN report_expected INTEGER NOT NULL DEFAULT 1;

DROP INDEX outbox_unconfirmed_due;
CREATE INDEX outbox_unconfirmed_due ON outbox(channel, sent_at)
  WHERE status = 'sent' AND delivery IS NULL AND unconfirmed_at IS NULL
  AND report_expected = 1;
