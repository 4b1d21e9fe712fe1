-- PostgreSQL only (spring.flyway.locations in application-postgres.yml): a trigram index makes the search's
-- "folded like '%word%'" an index scan instead of reading every page. pg_trgm is a trusted extension (PostgreSQL
-- 13+), so the database owner may create it; where that is not allowed the search still works, unindexed.
do $$
begin
    create extension if not exists pg_trgm;
exception when insufficient_privilege then
    raise notice 'pg_trgm not available: document text search runs without a trigram index';
end
$$;

do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        execute 'create index ix_document_page_text_trgm on document_page_text using gin (folded gin_trgm_ops)';
    end if;
end
$$;
