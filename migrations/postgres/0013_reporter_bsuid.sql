-- 0013 (PostgreSQL): WhatsApp usernames (business-scoped user ids), kept
-- with the number in the identity table.  The twin of
-- migrations/sqlite/0013_reporter_bsuid.sql.
ALTER TABLE reporters ADD COLUMN bsuid text;
CREATE UNIQUE INDEX reporters_bsuid ON reporters(bsuid)
  WHERE bsuid IS NOT NULL;
