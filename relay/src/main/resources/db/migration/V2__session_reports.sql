-- Session reports on the relay and the lead's review workspace (issue 7). Portable SQL (H2 in
-- PostgreSQL mode and PostgreSQL).

-- Every paired session gets a row now, code flow too; the relay's session id links reports and
-- recordings to it.
alter table support_sessions add column relay_session_id varchar(32);
alter table support_sessions add column via_queue boolean not null default false;
-- The recording's id (the relay session id) when the session was recorded.
alter table support_sessions add column recording_id varchar(32);
create unique index support_sessions_by_relay_id on support_sessions (relay_session_id);
-- The sessions list pages by start time (newest first), also per technician and organisation.
create index support_sessions_by_start on support_sessions (started_at_ms, id);
create index support_sessions_by_technician on support_sessions (technician_id, started_at_ms);
create index support_sessions_by_organisation on support_sessions (organisation_id, started_at_ms);

-- One report per session; the filed protobuf is kept whole for reading and export, the columns
-- are what the list filters and the dashboard need.
alter table reports add column report_id varchar(36);
alter table reports add column technician_id bigint references accounts (id);
alter table reports add column technician_name varchar(100) not null default '';
alter table reports add column organisation_name varchar(200) not null default '';
alter table reports add column had_control boolean not null default false;
alter table reports add column onsite_recommended boolean not null default false;
alter table reports add column recommendation varchar(32) not null default '';
alter table reports add column duration_seconds bigint not null default 0;
alter table reports add column recording_id varchar(32);
alter table reports add column findings_count int not null default 0;
alter table reports add column consent_changes int not null default 0;
alter table reports add column findings_summary varchar(4000) not null default '';
alter table reports add column onsite_summary varchar(4000) not null default '';
alter table reports add column escalation_summary varchar(4000) not null default '';
alter table reports add column report_data bytea;
create unique index reports_by_session on reports (session_id);
create unique index reports_by_report_id on reports (report_id);
create index reports_by_outcome on reports (outcome, session_id);
