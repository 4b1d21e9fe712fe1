-- The document type catalogue. Which types a student must supply is decided by processes/RequiredDocuments.dmn.
insert into document_type (code, name_fa, name_en, stage, sort_order) values
 ('PHOTO',                          'عکس پرسنلی',                          'Photo',                                   'ADMISSION', 10),
 ('NATIONAL_ID_CARD',               'کارت ملی',                             'National ID card',                        'ADMISSION', 20),
 ('BIRTH_CERTIFICATE',              'شناسنامه',                             'Birth certificate',                       'ADMISSION', 30),
 ('PREVIOUS_DEGREE_CERTIFICATE',    'مدرک تحصیلی مقطع قبلی',                'Previous degree certificate',             'ADMISSION', 40),
 ('PREVIOUS_DEGREE_CONFIRMATION',   'تأییدیه تحصیلی مقطع قبلی',             'Previous degree confirmation',            'ADMISSION', 50),
 ('PREVIOUS_DEGREE_TRANSCRIPT',     'ریزنمرات مقطع قبلی',                   'Previous degree transcript',              'ADMISSION', 60),
 ('EXAM_CARD',                      'کارت آزمون',                            'Exam card',                               'ADMISSION', 70),
 ('CONFIDENTIAL_REPORT_CARD',       'کارنامه محرمانه',                       'Confidential report card',                'ADMISSION', 80),
 ('BRILLIANT_TALENT_QUALIFICATION', 'مدارک تأیید صلاحیت استعداد درخشان',     'Brilliant-talent qualification documents', 'ADMISSION', 90);
