-- 0023 (PostgreSQL): a reply's status is no longer a key of an index
-- every row is in; the twin of migrations/sqlite/0023_outbox_ended.sql,
-- which says why.  Here the requeue of a daemon's claims at its restart
-- (status = 'sending') is served by outbox_waiting, whose predicate it
-- implies.
DROP INDEX outbox_due;
CREATE INDEX outbox_ended ON outbox(status)
  WHERE status IN ('failed', 'dead');

-- outbox_provider holds only the rows with a provider's id (see the
-- SQLite twin); the look-up by channel and provider id implies it.
DROP INDEX outbox_provider;
CREATE INDEX outbox_provider ON outbox(channel, provider_id)
  WHERE provider_id IS NOT NULL;
