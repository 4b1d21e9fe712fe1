-- Archive-scale data for bench/archive.sh, generated in bulk into the application's own tables and Camunda's (run
-- in the benchmark schema after the application created it): :students students over the demo faculties, numbers
-- 1399000001...; 10 documents of one version each per student (every version points at one small stored blob,
-- :sha / :size, so the file store holds it once), each version with its text already extracted (a DONE text job and
-- one page of text, as in an archive the indexer has caught up with); 20 notes per student with one address each
-- (the first document's version); and each file's process instance as Camunda keeps it (runtime execution, history
-- of the instance and its steps): every 100th file waits at the faculty's document check since its opening, with the
-- task overdue (what the stuck-files report finds), the others wait for the end of study (a normal wait).
--
-- Shape, so that 50,000 students / 500,000 documents / 1,000,000 notes take minutes and not hours:
-- * every id is computed from the row's position (ranges reserved from each table's sequence first), so each table
--   is one INSERT ... SELECT over generate_series, with no join back to the rows inserted before it;
-- * the foreign keys of the tables filled here and their secondary (non-constraint) indexes are dropped first and
--   recreated after: one validating scan per foreign key and one sorted build per index instead of a trigger call
--   and an index insertion per row (primary keys and unique constraints stay);
-- * ANALYZE at the end, so the benchmark's queries are planned with the real row counts.
-- The earlier version joined each new table back to the previous one (note_address: a lateral subquery per note)
-- with row-by-row foreign-key checks, inside the application's running text indexer's reach: it stalled (over 16
-- minutes in the note_address insert alone) and was never measured.
\set ON_ERROR_STOP on
\timing on
begin;
set local maintenance_work_mem = '256MB';
set local work_mem = '64MB';
-- The application keeps running: its text indexer would discover 500,000 versions without a text job the moment
-- they were committed and extract them all while the benchmark runs, so their DONE jobs are in this transaction.

create temporary table bench_table (name text primary key) on commit drop;
insert into bench_table values ('student'), ('document'), ('document_version'), ('note'), ('note_address'),
  ('document_text_job'), ('document_page_text');
create temporary table bench_fk on commit drop as
  select c.conrelid::regclass::text as tbl, c.conname, pg_get_constraintdef(c.oid) as def
  from pg_constraint c where c.contype = 'f' and c.conrelid::regclass::text in (select name from bench_table);
create temporary table bench_index on commit drop as
  select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
  from pg_index i where i.indrelid::regclass::text in (select name from bench_table) and not i.indisprimary
    and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
do $$
declare r record;
begin
  for r in select * from bench_fk loop
    execute format('alter table %s drop constraint %I', r.tbl, r.conname);
  end loop;
  for r in select * from bench_index loop
    execute format('drop index %s', r.name);
  end loop;
end
$$;

-- id ranges: ids base+1 ... base+count of each table, the sequence moved past them before anything is inserted
create function pg_temp.reserve(tbl text, n bigint) returns bigint language plpgsql as $$
declare seq text := pg_get_serial_sequence(tbl, 'id'); base bigint;
begin
  execute format('lock table %s in exclusive mode', tbl);
  execute format('select greatest(coalesce(max(id), 0), (select last_value from %s)) from %s', seq, tbl) into base;
  perform setval(seq, base + n);
  return base;
end
$$;
select pg_temp.reserve('student', :students) as s0, pg_temp.reserve('document', :students * 10) as d0,
  pg_temp.reserve('document_version', :students * 10) as v0, pg_temp.reserve('note', :students * 20) as n0,
  pg_temp.reserve('note_address', :students * 20) as a0 \gset

create temporary table bench_faculty on commit drop as
  select row_number() over (order by code) - 1 as n, code from faculty
  where code in ('engineering', 'science', 'humanities');
-- ten types (the admission ones first), t = 1..10
create temporary table bench_type on commit drop as
  select row_number() over (order by stage = 'ADMISSION' desc, sort_order, code) as t, code, stage, name_fa, name_en
  from document_type order by stage = 'ADMISSION' desc, sort_order, code limit 10;

insert into student (id, student_number, national_id, first_name, last_name, search_text, faculty_code, degree,
    entry_year, admission_type, brilliant_talent, status, stage, user_id, created_at, row_version, father_name, program)
select :s0 + i, '1399' || lpad(i::text, 6, '0'), '7' || lpad(i::text, 9, '0'), 'نام' || (i % 997),
    'خانوادگی' || (i % 1009),
    '1399' || lpad(i::text, 6, '0') || '|7' || lpad(i::text, 9, '0') || '|نام' || (i % 997) || '|خانوادگی' || (i % 1009),
    f.code, 'BACHELOR', 1395 + i % 10, 'REMOTE', false, 'ACTIVE', 'DURING_STUDY', '1399' || lpad(i::text, 6, '0'),
    now() - (365 + i % 1500) * interval '1 day', 0, 'پدر', 'مهندسی'
from generate_series(1, :students) i join bench_faculty f on f.n = i % 3;

-- document (i, t) has id d0 + (i - 1) * 10 + t and its one version the same position after v0
insert into document (id, student_id, type_code, stage, status, created_at, created_by, row_version, source,
    search_text)
select :d0 + (i - 1) * 10 + t.t, :s0 + i, t.code, t.stage, 'ACCEPTED',
    now() - (365 + i % 1500) * interval '1 day', '1399' || lpad(i::text, 6, '0'), 0, null,
    lower(t.code) || '|' || replace(t.name_fa, ' ', '') || '|' || lower(replace(t.name_en, ' ', ''))
from generate_series(1, :students) i cross join bench_type t;

insert into document_version (id, document_id, version_no, content_sha256, size_bytes, media_type, file_name,
    uploaded_at, uploaded_by)
select :v0 + (i - 1) * 10 + t.t, :d0 + (i - 1) * 10 + t.t, 1, :'sha', :size, 'application/pdf',
    lower(t.code) || '.pdf', now() - (365 + i % 1500) * interval '1 day', '1399' || lpad(i::text, 6, '0')
from generate_series(1, :students) i cross join bench_type t;

insert into document_text_job (version_id, state, attempts, enqueued_at, next_attempt_at, method, pages, finished_at)
select :v0 + p, 'DONE', 1, now(), now(), 'TEXT_LAYER', 1, now() from generate_series(1, :students * 10) p;

insert into document_page_text (version_id, page_no, text, folded)
select :v0 + (i - 1) * 10 + t.t, 1, t.name_fa || ' دانشجو ' || '1399' || lpad(i::text, 6, '0'),
    replace(t.name_fa, ' ', '') || 'دانشجو' || '1399' || lpad(i::text, 6, '0')
from generate_series(1, :students) i cross join bench_type t;

-- note (i, k) has id n0 + (i - 1) * 20 + k and its one address the same position after a0
insert into note (id, student_id, kind, golestan_screen, body, author, created_at)
select :n0 + (i - 1) * 20 + k, :s0 + i, case when k = 1 then 'REGISTRATION_COMPLETE' else 'GENERAL' end, '10730',
    'یادداشت شماره ' || k || ' پرونده ' || '1399' || lpad(i::text, 6, '0'), 'clerk.eng',
    now() - (365 + i % 1500) * interval '1 day' + k * interval '3 days'
from generate_series(1, :students) i cross join generate_series(1, 20) k;

insert into note_address (id, note_id, sort_order, address, label, document_version_id)
select :a0 + (i - 1) * 20 + k, :n0 + (i - 1) * 20 + k, 1,
    'https://parvandeh.example/documents/versions/' || (:v0 + (i - 1) * 10 + 1), 'مدرک', :v0 + (i - 1) * 10 + 1
from generate_series(1, :students) i cross join generate_series(1, 20) k;

-- Camunda: each file's process instance (ids 'bench-<i>', 'bench-<i>-a<step>'), timestamps in UTC like the engine's
select id_ as pdef from act_re_procdef where key_ = 'StudentFileProcess' order by version_ desc limit 1 \gset
create temporary table bench_pi on commit drop as
  select i, 'bench-' || i as id, '1399' || lpad(i::text, 6, '0') as number, i % 100 = 0 as stuck,
    (now() - (365 + i % 1500) * interval '1 day') at time zone 'UTC' as opened
  from generate_series(1, :students) i;
insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,
    start_act_id_, root_proc_inst_id_, state_)
select id, id, number, 'StudentFileProcess', :'pdef', opened, 'StartEvent_FileOpened', id, 'ACTIVE' from bench_pi;
insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, proc_def_id_, act_id_,
    is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_, sequence_counter_,
    proc_def_key_)
select id, 1, id, id, number, :'pdef',
    case when stuck then 'Task_CheckDocumentsFaculty' else 'Event_StudyEnded' end, true, false, true, false, 1,
    case when stuck then 18 else 0 end, 6, 'StudentFileProcess'
from bench_pi;
create temporary table bench_step on commit drop as
  select * from (values (1, 'StartEvent_FileOpened', 'startEvent', 0), (2, 'Task_DetermineRequiredDocuments',
    'serviceTask', 0), (3, 'Task_UploadAdmissionDocuments', 'userTask', 1), (4, 'Task_CheckDocumentsFaculty',
    'userTask', 2), (5, 'Task_CheckDocumentsCentral', 'userTask', 4), (6, 'Task_MoveFileToStudyStage', 'serviceTask',
    6), (7, 'Event_StudyEnded', 'intermediateMessageCatch', 6)) s(n, act_id, act_type, day);
-- a stuck file stops at step 4 (unfinished), the others at step 7 (unfinished); earlier steps finished a day later
insert into act_hi_actinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_, execution_id_, act_id_,
    act_type_, start_time_, end_time_, duration_, act_inst_state_, sequence_counter_, parent_act_inst_id_)
select p.id || '-a' || s.n, 'StudentFileProcess', :'pdef', p.id, p.id, p.id, s.act_id, s.act_type,
    p.opened + s.day * interval '1 day',
    case when s.n < (case when p.stuck then 4 else 7 end) then p.opened + (s.day + 1) * interval '1 day' end,
    case when s.n < (case when p.stuck then 4 else 7 end) then 86400000 end,
    case when s.n < (case when p.stuck then 4 else 7 end) then 4 else 0 end, s.n, p.id
from bench_pi p join bench_step s on s.n <= case when p.stuck then 4 else 7 end;
insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_, priority_,
    create_time_, last_updated_, due_date_, suspension_state_, task_state_)
select id || '-t', 1, id, id, :'pdef', 'بررسی مدارک پذیرش توسط کارشناس دانشکده (۱۴۰۱۰)', 'Task_CheckDocumentsFaculty',
    50, opened + interval '2 days', opened + interval '2 days', opened + interval '9 days', 1, 'Created'
from bench_pi where stuck;

do $$
declare r record;
begin
  for r in select * from bench_index loop
    execute r.def;
  end loop;
  for r in select * from bench_fk loop
    execute format('alter table %s add constraint %I %s', r.tbl, r.conname, r.def);
  end loop;
end
$$;
commit;
-- the schema's own tables only (a bare ANALYZE also tries the shared catalogues, which only a superuser may)
do $$
declare r record;
begin
  for r in select tablename from pg_tables where schemaname = current_schema() loop
    execute format('analyze %I', r.tablename);
  end loop;
end
$$;
