-- 0005: follow-up questions from operators about a ticket, and the
-- reporters' answers.  The question reaches the reporter in their own
-- channel, so an operator never needs the number, and an ANONIM reporter
-- can be asked too.

CREATE TABLE questions (
  id                 INTEGER PRIMARY KEY,
  ticket_id          INTEGER NOT NULL REFERENCES tickets(id),
  reporter_id        INTEGER NOT NULL REFERENCES reporters(id),
  asked_at           INTEGER NOT NULL,
  actor              TEXT NOT NULL,            -- the operator who asked
  question           TEXT NOT NULL,
  answered_at        INTEGER,                  -- NULL while waiting
  answer             TEXT,
  answer_inbound_id  INTEGER REFERENCES inbound(id)
);
CREATE INDEX questions_waiting ON questions(reporter_id, answered_at);
CREATE INDEX questions_ticket ON questions(ticket_id);
