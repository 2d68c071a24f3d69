-- 0016 (PostgreSQL): how precisely a report's waktu was understood.  The
-- twin of migrations/sqlite/0016_waktu_presisi.sql.
ALTER TABLE tickets ADD COLUMN waktu_presisi text;
