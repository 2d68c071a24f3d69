-- 0022 (PostgreSQL): a reporter's waiting questions in the order they are
-- read, the latest first; the twin of
-- migrations/sqlite/0022_questions_waiting_order.sql, which says why.
DROP INDEX questions_waiting;
CREATE INDEX questions_waiting ON questions(reporter_id, answered_at, asked_at);
