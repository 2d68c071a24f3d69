-- 0022: a reporter's waiting questions in the order they are read, the
-- latest first.  store_question_waiting runs for most messages (is this
-- free text a reply to an operator's question?); with questions_waiting
-- on (reporter_id, answered_at) alone SQLite found the rows through it
-- but sorted them by asked_at in a temporary B-tree, and opening that
-- sorter cost about three times the rest of the statement (2.15 us
-- against 0.52 us a call; 15 000 of aduand's 840 000 instructions a
-- message).  With asked_at in the index (the row id follows it in every
-- entry) the rows come out in that order already.
DROP INDEX questions_waiting;
CREATE INDEX questions_waiting ON questions(reporter_id, answered_at, asked_at);
