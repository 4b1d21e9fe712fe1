-- Several nodes on one database. Portable: H2 and PostgreSQL.

-- Spring Session JDBC: a signed-in clerk's session (Spring Security's and the Camunda webapps' authentication, the
-- CSRF token) lives here, so any node can serve the next request. The layout is Spring Session's own schema.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Background work that one node at a time must do (the replica's catch-up, the nightly audit, an import): a node
-- holds the lease until expires_at and renews it while it works; a node that died loses it when it expires.
create table cluster_lease (
    name       varchar(200) primary key,
    holder     varchar(100) not null,
    expires_at timestamp with time zone not null
);
