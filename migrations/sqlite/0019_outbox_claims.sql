-- 0019: who holds a claim, for several daemons sharing one database (the
-- PostgreSQL backend; see migrations/postgres/0019_outbox_claims.sql).
--
-- outbox.claimed_by names the daemon (its instance name, by default its
-- host name) that last took the row; while the row is "sending", that
-- daemon holds it, and only it sends the row back to "queued" at its
-- restart.  evidence.claimed_by names the daemon downloading a pending
-- row (its next_attempt_at is then the end of that claim's lease).  One
-- SQLite daemon needs neither: this backend leaves both NULL; they are
-- here so that both backends keep the same schema.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE evidence ADD COLUMN claimed_by TEXT;
