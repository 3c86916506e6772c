-- The decode check (issue 14): every packet of a recording's video and audio decoded once, by the proxy encode that
-- decodes it anyway or by a check of its own. One script for H2 and PostgreSQL.
ALTER TABLE recordings ADD COLUMN decode_checked_at TIMESTAMP WITH TIME ZONE;   -- null: not checked yet
ALTER TABLE recordings ADD COLUMN decode_checked_by BIGINT;                     -- job execution that checked it
ALTER TABLE recordings ADD COLUMN decode_errors BIGINT;                         -- null when it could not be decoded at all
-- {"count":n,"from":s,"to":s,"positions":[s,...] (at most 100),"firstError":"...","videoFrames":n,"audioFrames":n}
ALTER TABLE recordings ADD COLUMN decode_errors_json VARCHAR(20000);
-- where the damage that made it DAMAGED is, seconds into the file: set by the decode check, null otherwise
ALTER TABLE recordings ADD COLUMN damage_from_seconds DOUBLE PRECISION;
ALTER TABLE recordings ADD COLUMN damage_to_seconds DOUBLE PRECISION;
