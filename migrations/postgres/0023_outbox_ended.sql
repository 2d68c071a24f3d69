-- 0023 (PostgreSQL): a reply's status is no longer a key of an index
-- every row is in; the twin of migrations/sqlite/0023_outbox_ended.sql,
-- which says why.  Here the requeue of a daemon's claims at its restart
-- (status = 'sending') is served by outbox_waiting, whose predicate it
-- implies.
DROP INDEX outbox_due;
CREATE INDEX outbox_ended ON outbox(status)
  WHERE status IN ('failed', 'dead');
