-- 0009 (PostgreSQL): evidence files go with the last row that refers to
-- them.  The twin of migrations/sqlite/0009_evidence_files.sql: every
-- deleted evidence row is queued in evidence_dropped by a row trigger, in
-- the deleting transaction, whatever deleted it; the downloader takes the
-- queue after the commit.
CREATE TABLE evidence_dropped (
  seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id  bigint NOT NULL,
  sha256       text
);

CREATE FUNCTION evidence_dropped_queue() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO evidence_dropped (evidence_id, sha256)
    VALUES (OLD.id, OLD.sha256);
  RETURN NULL;                   -- an AFTER trigger's result is ignored
END;
$$;

CREATE TRIGGER evidence_dropped_queue AFTER DELETE ON evidence
  FOR EACH ROW EXECUTE FUNCTION evidence_dropped_queue();

CREATE INDEX evidence_sha256 ON evidence(sha256);
CREATE INDEX evidence_session ON evidence(session_id);
