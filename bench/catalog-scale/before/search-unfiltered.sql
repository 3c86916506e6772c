\set d random(1, 300)
\set k random(0, 1100)
\set m random(0, 35)
\set rec random(1, 1000000)
SELECT DISTINCT kind FROM findings ORDER BY kind;
SELECT r.id, r.file_name, r.device_id, r.officer_id, r.corrected_start, r.duration_seconds, r.status, (SELECT COUNT(*) FROM findings x WHERE x.recording_id = r.id AND x.superseded_at IS NULL), r.retention_class, r.on_hold, r.kind FROM recordings r WHERE 1 = 1 ORDER BY r.corrected_start DESC, r.id DESC LIMIT 26 OFFSET 0;
