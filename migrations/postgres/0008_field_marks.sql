-- 0008 (PostgreSQL): answers kept as given, marked for the operator to
-- check.  The twin of migrations/sqlite/0008_field_marks.sql.
ALTER TABLE tickets ADD COLUMN marks text;
