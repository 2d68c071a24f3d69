-- 0006: service-level timers.  Which tickets were already logged as
-- overdue, so that each is logged once per stay in a status: a ticket
-- that leaves a status and comes back (diproses -> ditunda -> diproses)
-- starts a new stay, with a new deadline, and is logged again if it
-- misses that one too.  "since" is when the stay began: the time of the
-- ticket's latest event into that status.
CREATE TABLE ticket_overdue (
  ticket_id    INTEGER NOT NULL REFERENCES tickets(id),
  status       TEXT NOT NULL,
  since        INTEGER NOT NULL,
  due          INTEGER NOT NULL,
  logged_at    INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, status, since)
);

-- The latest event into a ticket's status, for the timers.
CREATE INDEX ticket_events_status ON ticket_events(ticket_id, to_status, at);
