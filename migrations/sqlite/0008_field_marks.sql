-- 0008: answers kept as given.  A lokasi that names no place of the
-- gazetteer, or a waktu that cannot be read, is asked once more and then
-- kept as the reporter wrote it (tickets.lokasi, tickets.waktu) and
-- marked here for the operator to check: the names of those fields,
-- separated by a blank ("lokasi", "waktu", "lokasi waktu").  NULL when
-- every field was understood.
ALTER TABLE tickets ADD COLUMN marks TEXT;
