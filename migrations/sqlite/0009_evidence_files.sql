-- 0009: evidence files go with the last row that refers to them.  Files
-- are named by their SHA-256, so one file may serve several rows.  Every
-- deleted evidence row is queued here by the trigger, in the deleting
-- transaction, whatever deleted it (a cancelled or expired draft, a
-- duplicate report, the retention purge); the downloader takes the queue
-- after the commit, stops a download still running for a deleted row,
-- and removes each file no row refers to any more.
CREATE TABLE evidence_dropped (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  evidence_id  INTEGER NOT NULL,
  sha256       TEXT
);
CREATE TRIGGER evidence_dropped_queue AFTER DELETE ON evidence
BEGIN
  INSERT INTO evidence_dropped (evidence_id, sha256)
    VALUES (old.id, old.sha256);
END;

-- Whether a file is still referred to, and a draft's loose evidence.
CREATE INDEX evidence_sha256 ON evidence(sha256);
CREATE INDEX evidence_session ON evidence(session_id);
