-- An activity's workflow status is the `status` column alone: the copy earlier releases also kept in
-- the record (`data.status`) is removed. The column was always the one the workflow read and wrote.
UPDATE activities SET data = data - 'status' WHERE data ? 'status';
