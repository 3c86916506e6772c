\set d random(1, 300)
\set k random(0, 1100)
\set rec 1 + 50 * random(0, 19999)
SELECT r.id, r.file_name, r.device_id, r.officer_id, d.officer_name, r.dump_id, d.folder, d.station, r.corrected_start, r.device_start, d.clock_offset_seconds, r.duration_seconds, r.media_seconds, r.container, r.video_codec, r.audio_codec, r.width, r.height, r.size_bytes, r.sha256, r.status, r.status_reason, r.retention_class, r.retention_category, r.retain_until, r.on_hold, r.ingested_at, r.kind FROM recordings r JOIN dumps d ON d.id = r.dump_id WHERE r.id = :rec;
SELECT id, case_number, recording_id, reason, set_by, set_at FROM holds WHERE lifted_at IS NULL AND (recording_id = :rec OR case_number IS NOT NULL) ORDER BY id;
SELECT id, kind, start_at, end_at, seconds, detail, superseded_at, explanation_reason, explanation_note, explained_by FROM findings WHERE recording_id = :rec ORDER BY start_at, id;
SELECT seq, entry_time, entry_type, subject, actor, payload FROM ledger WHERE subject = 'recording:' || :rec UNION ALL SELECT seq, entry_time, entry_type, subject, actor, payload FROM ledger WHERE subject IN (SELECT 'finding:' || id FROM findings WHERE recording_id = :rec) ORDER BY seq;
