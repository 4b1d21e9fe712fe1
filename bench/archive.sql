-- Archive-scale data for bench/archive.sh, generated in bulk into the application's own tables (run in the
-- benchmark schema after the application created it): :students students over the demo faculties, 10 documents of
-- one version each per student (every version points at one small stored blob, :sha / :size, so the file store
-- holds it once), 20 notes per student with one address each (the first document's version). Numbers 1399000001...
-- No Camunda data: these files have no process instance (the timeline of their file view is empty).
\set ON_ERROR_STOP on
begin;
create temporary table bench_faculty as
  select row_number() over (order by code) - 1 as n, code from faculty where code in ('engineering', 'science', 'humanities');
insert into student (student_number, national_id, first_name, last_name, search_text, faculty_code, degree, entry_year,
    admission_type, brilliant_talent, status, stage, user_id, created_at, row_version, father_name, program)
select '1399' || lpad(i::text, 6, '0'), '7' || lpad(i::text, 9, '0'), 'نام' || (i % 997), 'خانوادگی' || (i % 1009),
    '1399' || lpad(i::text, 6, '0') || ' 7' || lpad(i::text, 9, '0') || ' نام' || (i % 997) || ' خانوادگی' || (i % 1009),
    f.code, 'BACHELOR', 1395 + i % 10, 'REMOTE', false, 'ACTIVE', 'DURING_STUDY', '1399' || lpad(i::text, 6, '0'),
    now() - (i % 1500) * interval '1 day', 0, 'پدر', 'مهندسی'
from generate_series(1, :students) i join bench_faculty f on f.n = i % 3;
create temporary table bench_type as
  select row_number() over (order by sort_order, code) - 1 as n, code, stage from document_type
  where stage = 'ADMISSION' order by sort_order, code limit 10;
analyze student;
insert into document (student_id, type_code, stage, status, created_at, created_by, row_version, source, search_text)
select s.id, t.code, t.stage, 'ACCEPTED', s.created_at, s.student_number, 0, null,
    s.search_text || ' ' || lower(t.code)
from student s cross join bench_type t where s.student_number like '1399%';
-- without fresh statistics the planner takes the new tables for the tiny ones they were and the later joins for
-- nested loops over sequential scans (a run spent over 16 minutes in the note_address insert that way)
analyze document;
insert into document_version (document_id, version_no, content_sha256, size_bytes, media_type, file_name, uploaded_at,
    uploaded_by)
select d.id, 1, :'sha', :size, 'application/pdf', d.type_code || '.pdf', d.created_at, d.created_by
from document d join student s on s.id = d.student_id where s.student_number like '1399%';
analyze document_version;
insert into note (student_id, kind, golestan_screen, body, author, created_at)
select s.id, case when k = 1 then 'REGISTRATION_COMPLETE' else 'GENERAL' end, '10730',
    'یادداشت شماره ' || k || ' پرونده ' || s.student_number, 'clerk.eng', s.created_at + k * interval '3 days'
from student s cross join generate_series(1, 20) k where s.student_number like '1399%';
analyze note;
insert into note_address (note_id, sort_order, address, label, document_version_id)
select n.id, 1, 'https://parvandeh.example/documents/versions/' || v.id, 'مدرک', v.id
from note n
join lateral (select d.id from document d where d.student_id = n.student_id order by d.id limit 1) d on true
join document_version v on v.document_id = d.id
where n.body like 'یادداشت شماره %';
commit;
analyze;
