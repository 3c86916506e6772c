\set d random(1, 300)
\set k random(0, 1100)
\set rec 1 + 50 * random(0, 19999)
SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1;
SELECT r.id, r.device_id, r.file_name, r.sha256, r.corrected_start, COALESCE(r.media_seconds, r.duration_seconds), r.status, COALESCE(d.officer_id, r.officer_id), d.officer_name, r.retention_class, r.retention_category, r.on_hold, r.retain_until, r.archive_path, r.kind FROM recordings r JOIN dumps d ON d.id = r.dump_id WHERE 1 = 1 AND r.device_id = 'BWC-' || lpad(:d::text, 4, '0') AND r.corrected_start <= (TIMESTAMPTZ '2023-01-02 00:00:00+00' + :k * INTERVAL '1 day');
SELECT f.id, COALESCE(f.device_id, d.device_id, r.device_id), f.kind, f.start_at, f.end_at, f.seconds, f.recordings, f.activity_id, f.explanation_reason, f.explanation_note, f.explained_by, f.explained_at, f.detail, d.officer_id, d.officer_name FROM findings f LEFT JOIN dumps d ON d.id = f.dump_id LEFT JOIN recordings r ON r.id = f.recording_id WHERE f.superseded_at IS NULL AND f.kind IN ('GAP','OVERLAP','DISCONTINUITY','DAMAGED','CLOCK_DRIFT','LATE_UPLOAD','TIME_MISMATCH','CLOCK_UNVERIFIED','TIME_UNREADABLE','NO_AUDIO','AUDIO_SILENT','UNKNOWN_DEVICE','DEVICE_LENT','DAMAGE_NOT_REPORTED','RETIRED_DEVICE_USED') AND COALESCE(f.device_id, d.device_id, r.device_id) = 'BWC-' || lpad(:d::text, 4, '0');
SELECT device_id, COALESCE(docked_at, registered_at), id, clock_offset_seconds FROM dumps WHERE device_id IS NOT NULL;
SELECT type, model, serial, status FROM devices WHERE id = 'BWC-' || lpad(:d::text, 4, '0');
SELECT officer_id, officer_name, valid_from, valid_to FROM device_assignments WHERE device_id = 'BWC-' || lpad(:d::text, 4, '0') ORDER BY valid_from, id;
