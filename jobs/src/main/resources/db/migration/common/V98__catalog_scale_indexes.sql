-- The catalog at a bureau's scale (issue 21, BENCHMARKS.md §12): with a million recordings every console request and
-- every docking's analysis must read the rows of its device, officer or time window, not the table. One script for H2
-- and PostgreSQL. Indexes only: no row is changed.

-- console search by device or officer and day/month, the device-day timeline and gap report, a device's analysis:
-- a range of one device's (one officer's) recordings in time order, the order the search pages in
CREATE INDEX recordings_device_start ON recordings (device_id, corrected_start, id);
CREATE INDEX recordings_officer_start ON recordings (officer_id, corrected_start, id);
-- the unfiltered search's first page: the newest recordings, read backwards from the index's end
CREATE INDEX recordings_start ON recordings (corrected_start, id);
-- a recording's findings (search's count column, recording page, its ledger history), a dump's findings
CREATE INDEX findings_recording ON findings (recording_id);
CREATE INDEX findings_dump ON findings (dump_id);
-- the search form's finding kinds: one index probe per distinct kind instead of reading every finding
CREATE INDEX findings_kind ON findings (kind);
-- a device's docks (its analysis; the newest clock offset in its gap report)
CREATE INDEX dumps_device ON dumps (device_id, id);
CREATE INDEX recordings_dump ON recordings (dump_id);
-- a device's findings by start: the gap report of a device-day reads that day's range, not all the device's years
CREATE INDEX findings_device_start ON findings (device_id, start_at);
