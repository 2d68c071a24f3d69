-- 0017 (PostgreSQL): the finest place a lokasi matched.  The twin of
-- migrations/sqlite/0017_lokasi_tempat.sql.
ALTER TABLE tickets ADD COLUMN lokasi_tingkat text;
ALTER TABLE tickets ADD COLUMN lokasi_tempat_kode text;
ALTER TABLE tickets ADD COLUMN lokasi_tempat text;
