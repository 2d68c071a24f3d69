-- 0007 (PostgreSQL): evidence ids are never used twice.  SQLite needed
-- AUTOINCREMENT and a rebuild of the table for that (see
-- migrations/sqlite/0007_evidence_ids.sql); here evidence.id has been an
-- identity column since 0001, and a sequence never gives a value twice,
-- so nothing changes but the column's comment that says it.
COMMENT ON COLUMN evidence.id IS
  'never used twice: a late download outcome for a dropped row must not '
  'land on another row (0007)';
