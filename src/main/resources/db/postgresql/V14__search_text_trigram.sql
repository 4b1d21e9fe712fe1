-- PostgreSQL only (spring.flyway.locations in application-postgres.yml): trigram indexes on the student's and the
-- document's folded search text, so the document search's "search_text like '%word%'" candidates are two bitmap
-- index scans instead of reading every student and every document (at 50,000 students / 500,000 documents the
-- search read both tables whole: about 1 s a call; docs/benchmarks.md, "Archive scale"). Like V11_1, skipped where
-- pg_trgm could not be created: the search still works, unindexed.
do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        execute 'create index ix_student_search_trgm on student using gin (search_text gin_trgm_ops)';
        execute 'create index ix_document_search_trgm on document using gin (search_text gin_trgm_ops)';
    end if;
end
$$;
