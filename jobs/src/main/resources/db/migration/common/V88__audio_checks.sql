-- Art. 8: sound for the whole process (issue 16). Where a recording's sound stays below the silence level, found at
-- ingest by decoding its audio: a JSON array [{"fromSeconds":s,"toSeconds":s}] of spans of 10 s or more; NULL when
-- not checked (no audio, the check switched off, or catalogued before it existed). silence_problem: why the sound
-- could not be decoded to its end. One script for H2 and PostgreSQL.
ALTER TABLE recordings ADD COLUMN silences_json VARCHAR(1000000);
ALTER TABLE recordings ADD COLUMN silence_problem VARCHAR(2000);
