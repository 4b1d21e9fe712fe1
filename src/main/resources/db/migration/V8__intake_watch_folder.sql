-- Batches picked up from the watched server folder (issue 11): each remembers the claim it came from, so a claim
-- taken up again after a crash (its files not yet moved to done/) finds its batch instead of making a second one.
-- Unique: two nodes can never record a batch for the same claim. Uploaded batches leave it empty.
alter table intake_batch add column source_key varchar(300);
create unique index uq_intake_batch_source on intake_batch (source_key);
