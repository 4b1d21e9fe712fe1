-- Preservation jobs (backups, bulk exports) and fixity audits, durable: their status survives a restart and every
-- node sees it. A running job's node writes heartbeat_at every few seconds; a job whose heartbeat stops (its node
-- died) is closed as FAILED, interrupted, with the reason in Persian and English. Portable: H2 and PostgreSQL.
create table preservation_job (
    id           varchar(36)  primary key,
    kind         varchar(16)  not null,
    scope        varchar(64)  not null,
    started_by   varchar(64)  not null,
    started_at   timestamp with time zone not null,
    heartbeat_at timestamp with time zone not null,
    finished_at  timestamp with time zone,
    status       varchar(16)  not null,
    done_items   integer      not null,
    total_items  integer      not null,
    bytes        bigint       not null,
    result_path  varchar(1000),
    error        varchar(1000),
    error_fa     varchar(1000)
);
create index ix_preservation_job_running on preservation_job (status, heartbeat_at);

alter table fixity_audit_run add column heartbeat_at timestamp with time zone;
-- a run that replaces one a stop interrupted names it here
alter table fixity_audit_run add column restarted_from bigint;
alter table fixity_audit_run add column error_fa varchar(1000);
