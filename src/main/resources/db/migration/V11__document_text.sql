-- Search inside documents (issue 14): the text of every stored PDF and image version, page by page, and the
-- durable job that derives it in the background.

-- One row per version: the job. A version without a row is discovered and queued by the indexer, so an upload
-- never waits for (or fails because of) text extraction. A node claims a row by setting claimed_by/claimed_until
-- in one conditional update; only the node whose update counted extracts the version.
create table document_text_job (
    version_id      bigint       not null primary key references document_version (id),
    state           varchar(16)  not null,
    attempts        integer      not null,
    enqueued_at     timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    claimed_by      varchar(100),
    claimed_until   timestamp with time zone,
    method          varchar(16),
    pages           integer,
    finished_at     timestamp with time zone,
    last_error      varchar(500)
);
create index ix_document_text_job_due on document_text_job (state, next_attempt_at);

-- The text of one page in logical order as extracted (original letters, for the snippet), and the same text
-- folded by PersianText.compact (for the search, which folds the typed words the same way).
create table document_page_text (
    version_id  bigint         not null references document_version (id),
    page_no     integer        not null,
    text        varchar(20000) not null,
    folded      varchar(20000) not null,
    constraint pk_document_page_text primary key (version_id, page_no)
);
