-- 0003: the date a report's waktu was read as ("2026-03-12", or
-- "2026-03" when only the month is known; NULL when the reporter does not
-- know).  tickets.waktu keeps the words as the reporter gave them.
ALTER TABLE tickets ADD COLUMN waktu_tanggal TEXT;
CREATE INDEX tickets_open ON tickets(status, created_at);
