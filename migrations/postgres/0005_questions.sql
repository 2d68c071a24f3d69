-- 0005 (PostgreSQL): follow-up questions from operators about a ticket,
-- and the reporters' answers.  The twin of
-- migrations/sqlite/0005_questions.sql.
CREATE TABLE questions (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticket_id          bigint NOT NULL REFERENCES tickets(id),
  reporter_id        bigint NOT NULL REFERENCES reporters(id),
  asked_at           bigint NOT NULL,
  actor              text NOT NULL,            -- the operator who asked
  question           text NOT NULL,
  answered_at        bigint,                   -- NULL while waiting
  answer             text,
  answer_inbound_id  bigint REFERENCES inbound(id)
);
CREATE INDEX questions_waiting ON questions(reporter_id, answered_at);
CREATE INDEX questions_ticket ON questions(ticket_id);
