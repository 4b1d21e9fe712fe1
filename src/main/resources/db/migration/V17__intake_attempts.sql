-- Failed attempts of cohort rows and card-batch entries (a failure that is not a refusal: a constraint of another
-- table, a lock that never frees, a bug). Counted in a transaction of its own, so the count outlives the attempt's
-- rollback and a crash; after parvandeh.intake.max-attempts the row or entry is ended with the cause for a clerk,
-- and its import can finish. One table for both kinds: an archive entry has no row of its own before it is done.
-- Portable SQL: runs on H2 and PostgreSQL.
create table intake_attempt (
    kind           varchar(20)  not null,
    import_id      bigint       not null,
    item_no        integer      not null,
    failures       integer      not null,
    last_error     varchar(500) not null,
    last_failed_at timestamp with time zone not null,
    constraint pk_intake_attempt primary key (kind, import_id, item_no)
);
