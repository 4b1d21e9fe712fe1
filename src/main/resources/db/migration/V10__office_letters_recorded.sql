-- An office-automation letter is an official document issued elsewhere: it is recorded in the file as it is and
-- never waits for a review. Letters stored before this said «در انتظار بررسی» for ever.
update document set status = 'RECORDED' where source = 'OFFICE_AUTOMATION' and status = 'SUBMITTED';
