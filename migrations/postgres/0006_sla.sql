-- 0006 (PostgreSQL): service-level timers, which tickets were already
-- logged as overdue.  The twin of migrations/sqlite/0006_sla.sql.
CREATE TABLE ticket_overdue (
  ticket_id    bigint NOT NULL REFERENCES tickets(id),
  status       text NOT NULL,
  since        bigint NOT NULL,
  due          bigint NOT NULL,
  logged_at    bigint NOT NULL,
  PRIMARY KEY (ticket_id, status, since)
);

CREATE INDEX ticket_events_status ON ticket_events(ticket_id, to_status, at);
