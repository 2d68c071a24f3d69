-- 0013: WhatsApp usernames.  A reporter may be known by a business-scoped
-- user id (BSUID, e.g. ID.4471920083316652) as well as, or instead of, a
-- phone number.  The BSUID is personal data like the number: it lives
-- here, in the identity table, and the retention purge clears it.
--
-- A reporter known only by a BSUID has no number; `phone` (NOT NULL
-- UNIQUE since 0001) then holds the placeholder "bsuid:HANDLE", as a
-- purged reporter's holds "purged:HANDLE".  Only a value starting with
-- "+" is a phone number.
ALTER TABLE reporters ADD COLUMN bsuid TEXT;
CREATE UNIQUE INDEX reporters_bsuid ON reporters(bsuid)
  WHERE bsuid IS NOT NULL;
