-- The catalog at a bureau's scale (issue 21, BENCHMARKS.md §12): the indexes H2 cannot declare.

-- A recording's ledger history (its page) looks its entries up by subject. A B-tree on subject could refuse an append
-- (subject may be 2000 characters, more than a B-tree entry holds: V71); a hash index stores only the hash, so any
-- subject fits and an append never fails.
CREATE INDEX ledger_subject ON ledger USING hash (subject);
-- The longest recording bounds how far before a window a recording may start and still reach into it: the gap report
-- and timeline read MAX of this expression (one index probe) to bound their range scan from below.
CREATE INDEX recordings_longest ON recordings ((GREATEST(COALESCE(media_seconds, 0), COALESCE(duration_seconds, 0))));
-- The same bound for findings: the longest finding (end - start), read with one probe in this order.
CREATE INDEX findings_longest ON findings ((end_at - start_at) DESC NULLS LAST);
-- A device's newest dock (the clock offset its gap report shows): the first entry of this order, not all its docks.
CREATE INDEX dumps_device_newest ON dumps (device_id, (COALESCE(docked_at, registered_at)) DESC NULLS LAST, id DESC);
