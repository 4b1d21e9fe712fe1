-- Documents issued during study (office-automation letters, Golestan 18090), the four file operations
-- (edit with history, delete for correction), and document search.

-- Study-document types of the catalogue. A service-counter document is never uploaded, so it has no type here.
insert into document_type (code, name_fa, name_en, stage, sort_order) values
 ('STUDY_LETTER',               'نامه اداری (اتوماسیون اداری)',       'Office-automation letter',          'DURING_STUDY', 110),
 ('ENROLLMENT_CERTIFICATE',     'گواهی اشتغال به تحصیل',              'Certificate of enrolment',          'DURING_STUDY', 120),
 ('STUDY_LEAVE_APPROVAL',       'موافقت با مرخصی تحصیلی',             'Study leave approval',              'DURING_STUDY', 130),
 ('TRANSFER_OR_GUEST_APPROVAL', 'موافقت با انتقال یا مهمانی',          'Transfer or guest-study approval',  'DURING_STUDY', 140),
 ('SPECIAL_CASES_RULING',       'رأی کمیسیون موارد خاص',              'Special-cases commission ruling',   'DURING_STUDY', 150),
 ('DISCIPLINARY_RULING',        'رأی کمیته انضباطی',                  'Disciplinary committee ruling',     'DURING_STUDY', 160),
 ('OTHER_STUDY_DOCUMENT',       'سایر مدارک دوران تحصیل',             'Other study document',              'DURING_STUDY', 190);

-- Where a document came from and, for a letter, its number and Solar Hijri date (yyyy/mm/dd, ASCII digits).
alter table document add column source varchar(30);
alter table document add column letter_number varchar(100);
alter table document add column letter_date varchar(10);

-- Normalized type names, description and letter number (PersianText.compact of each part), for search.
alter table document add column search_text varchar(2400);

-- Delete for correction: a soft delete with who, when and why; restorable, the bytes are kept.
alter table document add column deleted_at timestamp with time zone;
alter table document add column deleted_by varchar(64);
alter table document add column deletion_reason varchar(1000);
