-- 0017: the finest place a lokasi matched.  tickets.lokasi_kode holds the
-- kabupaten/kota (for filtering and reports); these say how precisely the
-- answer was understood and where exactly: the level ('kabupaten',
-- 'kecamatan', 'desa' for a desa or kelurahan, 'tempat' for a landmark
-- such as a harbour or market), the place's code (Kemendagri code, or
-- for a landmark the code of the place it lies in, ':' and its name) and
-- its label ("Kecamatan Kupang Timur, Kabupaten Kupang").  NULL when the
-- lokasi matched no place (kept as given, or a shared location).
ALTER TABLE tickets ADD COLUMN lokasi_tingkat TEXT;
ALTER TABLE tickets ADD COLUMN lokasi_tempat_kode TEXT;
ALTER TABLE tickets ADD COLUMN lokasi_tempat TEXT;
