-- 0019 (PostgreSQL): who holds a claim.  The twin of
-- migrations/sqlite/0019_outbox_claims.sql.  outbox.claimed_by: the
-- daemon that took the row (store_outbox_take); a "sending" row is only
-- ever sent back to "queued" by that daemon (store_outbox_resume).
-- evidence.claimed_by: the daemon downloading a pending row, whose lease
-- ends at next_attempt_at (store_evidence_due).
ALTER TABLE outbox ADD COLUMN claimed_by text;
ALTER TABLE evidence ADD COLUMN claimed_by text;
