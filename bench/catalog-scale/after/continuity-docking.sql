\set d random(1, 300)
\set k random(0, 1100)
\set rec 1 + 50 * random(0, 19999)
SELECT d.id, d.docked_at, d.device_clock_at_dock FROM dumps d WHERE d.status <> 'QUARANTINED' AND d.id IN (SELECT e.id FROM dumps e WHERE e.device_id = 'BWC-' || lpad(:d::text, 4, '0') UNION SELECT r.dump_id FROM recordings r WHERE r.device_id = 'BWC-' || lpad(:d::text, 4, '0')) ORDER BY d.id;
SELECT sha256, file_name, dump_id, device_start, device_start_source, creation_time, duration_seconds, media_seconds, status, officer_id, jumps_json, time_problem, status_reason, damage_from_seconds, damage_to_seconds, kind, video_codec, audio_codec, silences_json FROM recordings WHERE device_id = 'BWC-' || lpad(:d::text, 4, '0') ORDER BY id;
SELECT officer_id, officer_name, valid_from, valid_to FROM device_assignments WHERE device_id = 'BWC-' || lpad(:d::text, 4, '0') ORDER BY valid_from, id;
