-- 0003 (PostgreSQL): the date a report's waktu was read as.  The twin of
-- migrations/sqlite/0003_waktu_tanggal.sql.
ALTER TABLE tickets ADD COLUMN waktu_tanggal text;
CREATE INDEX tickets_open ON tickets(status, created_at);
