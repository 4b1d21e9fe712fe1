-- The files whose graduation clearance is complete, as the file records it: its clearance-complete note (written
-- once when the central check announced the file to the graduates office, never edited or deleted). Every query
-- limited to what a user may see (FileScope) reads "cleared" from here, so the rule is written once.
create view cleared_file as
select distinct student_id from note where kind = 'CLEARANCE_COMPLETE';
