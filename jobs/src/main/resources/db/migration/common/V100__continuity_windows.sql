-- A docking's continuity analysis reads a window around the docking, not the device's history (issue 21,
-- BENCHMARKS.md §12). One script for H2 and PostgreSQL.

-- The dump a mark is about: the analysis of a marked device reads the time those dumps span (plus what the rules need
-- at its edges) and supersedes only findings inside it. NULL (a register change, a decode check, a mark written before
-- this version): the device's whole history, as before.
ALTER TABLE continuity_marks ADD COLUMN dump_id BIGINT;

-- The findings of a device that reach into a window: those ending (or, with no end, starting) after its start; for a
-- docking, the newest few rather than all of the device's years.
CREATE INDEX findings_device_end ON findings (device_id, end_at);
-- The activities overlapping a window: those ending after its start.
CREATE INDEX activities_end ON activities (end_at);
