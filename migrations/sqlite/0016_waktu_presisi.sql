-- 0016: how precisely a report's waktu was understood, for the operator:
-- "day", "month", "year", "span", "feast" (a feast or a season),
-- "unknown" (the reporter does not know), or "unresolved" (not understood
-- after one more try, kept as given and marked in tickets.marks).
-- tickets.waktu_tanggal holds the date read, in ISO 8601 ("2026-03-12",
-- "2026-03", "2025", a span or a season as "2025-08/2026-03-15").  NULL
-- for the tickets filed before.
ALTER TABLE tickets ADD COLUMN waktu_presisi TEXT;
