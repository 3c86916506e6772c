-- Generates a bureau-sized catalog into an empty, Flyway-migrated PostgreSQL catalog (bench/catalog-scale.sh):
-- :recordings recordings (default 1,000,000) over 300 devices, ~3 a device-day, one dock (dump) per device-day, over
-- ~3 years from 2023-01-01; a gap finding per dock, a DAMAGED finding on every 50th recording, a ledger entry per
-- recording and per dump, the register (devices, assignments, officers) and an activity per device-week.
-- Every row the console's queries join exists: recordings -> dumps, findings -> recordings/dumps, ledger subjects.
\set ON_ERROR_STOP on
\if :{?recordings} \else \set recordings 1000000 \endif
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';

CREATE TEMP TABLE g AS SELECT :recordings::bigint AS n, 300 AS devices, 3 AS per_day,
    TIMESTAMPTZ '2023-01-01 00:00:00+00' AS epoch;

INSERT INTO devices (id, type, model, serial, status, registered_at, updated_at)
SELECT 'BWC-' || lpad(d::text, 4, '0'), 'BODY_CAMERA', 'DSJ-X1', 'SN' || d, 'IN_SERVICE', g.epoch, g.epoch
FROM g, generate_series(1, g.devices) d;
INSERT INTO device_assignments (device_id, officer_id, officer_name, valid_from, valid_to, assigned_by, recorded_at)
SELECT 'BWC-' || lpad(d::text, 4, '0'), 'P' || lpad(d::text, 5, '0'), 'Officer ' || d, g.epoch, NULL, 'bench', g.epoch
FROM g, generate_series(1, g.devices) d;
INSERT INTO officers (officer_id, officer_name, unit, updated_at, updated_by)
SELECT 'P' || lpad(d::text, 5, '0'), 'Officer ' || d, 'Unit ' || (d % 12), g.epoch, 'bench'
FROM g, generate_series(1, g.devices) d;

-- dump of device d (1..300) on day k (0..): id k*300 + d, docked at 20:00 the same day
INSERT INTO dumps (id, folder, fingerprint, station, device_id, officer_id, officer_name, docked_at, device_clock_at_dock,
                   clock_offset_seconds, has_manifest, manifest_sha256, status, registered_at, completed_at, moved_to,
                   drop_generation)
SELECT k * g.devices + d, 'BWC-' || lpad(d::text, 4, '0') || '_' || to_char(g.epoch + k * INTERVAL '1 day', 'YYYYMMDD'),
       md5('dump' || (k * g.devices + d)) || md5('f' || k), 'station-' || (d % 20),
       'BWC-' || lpad(d::text, 4, '0'), 'P' || lpad(d::text, 5, '0'), 'Officer ' || d,
       g.epoch + k * INTERVAL '1 day' + INTERVAL '20 hours', g.epoch + k * INTERVAL '1 day' + INTERVAL '20 hours 2 seconds',
       2.0, TRUE, md5('m' || k || '-' || d) || md5('n' || k), 'DONE',
       g.epoch + k * INTERVAL '1 day' + INTERVAL '20 hours 5 minutes', g.epoch + k * INTERVAL '1 day' + INTERVAL '21 hours',
       '.done', 1
FROM g, generate_series(0, (g.n - 1) / (g.devices * g.per_day)) k, generate_series(1, g.devices) d;

-- recording i: device i % 300 + 1, its seq-th recording (seq = i / 300), on day seq / 3, at 08:00, 11:00 or 14:00
INSERT INTO recordings (id, sha256, md5, size_bytes, archive_path, original_path, file_name, dump_id, device_id, officer_id,
                        device_start, device_start_source, creation_time, corrected_start, duration_seconds, media_seconds,
                        container, video_codec, audio_codec, width, height, frame_rate, important, status,
                        retention_class, retain_until, on_hold, ingested_at, kind)
SELECT i + 1, encode(sha256(int8send(i)), 'hex'), md5(i::text), 100000000 + i % 1000, 'objects/' || (i + 1),
       'DCIM/' || f.name, f.name, f.day * g.devices + f.d, 'BWC-' || lpad(f.d::text, 4, '0'), 'P' || lpad(f.d::text, 5, '0'),
       (f.start AT TIME ZONE 'UTC') + INTERVAL '2 seconds', 'FILE_NAME', NULL, f.start, f.seconds, f.seconds,
       'mov,mp4,m4a,3gp,3g2,mj2', 'h264', 'aac', 1920, 1080, 30.0, i % 97 = 0,
       CASE WHEN i % 50 = 0 THEN 'DAMAGED' ELSE 'ARCHIVED' END, 'STANDARD',
       (f.start + INTERVAL '6 months')::date, FALSE, f.start + INTERVAL '13 hours', 'VIDEO'
FROM g, generate_series(0, g.n - 1) i,
     LATERAL (SELECT i % g.devices + 1 AS d, (i / g.devices) / g.per_day AS day,
                     g.epoch + ((i / g.devices) / g.per_day) * INTERVAL '1 day' + INTERVAL '8 hours'
                         + ((i / g.devices) % g.per_day) * INTERVAL '3 hours' + (i % 600) * INTERVAL '1 second' AS start,
                     600.0 + (i % 1200) AS seconds,
                     'BWC-' || lpad((i % g.devices + 1)::text, 4, '0') || '_' || (i + 1) || '.MP4' AS name) f;

ANALYZE dumps;
ANALYZE recordings;

-- a GAP per dock (between its first two recordings), a DAMAGED finding on every damaged recording
INSERT INTO findings (id, kind, dump_id, recording_id, device_id, path, start_at, end_at, seconds, recordings, detail, raised_at)
SELECT 'gap-' || d.id, 'GAP', d.id, NULL, d.device_id, NULL, d.docked_at - INTERVAL '11 hours',
       d.docked_at - INTERVAL '9 hours', 7200, '[]', 'no recording for 2 h', d.completed_at
FROM dumps d;
INSERT INTO findings (id, kind, dump_id, recording_id, device_id, path, start_at, end_at, seconds, recordings, detail, raised_at)
SELECT 'dmg-' || r.id, 'DAMAGED', r.dump_id, r.id, r.device_id, r.original_path, r.corrected_start,
       r.corrected_start + INTERVAL '1 second' * r.duration_seconds, r.duration_seconds, '["' || r.file_name || '"]',
       'truncated', r.ingested_at
FROM recordings r WHERE r.status = 'DAMAGED';

-- an activity per device-week, over its Tuesday morning recording
INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, permanent_categories, coverage_percent, imported_at)
SELECT 'ACT-' || w || '-' || d, 'CASE-' || w || '-' || (d % 10), g.epoch + (w * 7 + 1) * INTERVAL '1 day' + INTERVAL '8 hours',
       g.epoch + (w * 7 + 1) * INTERVAL '1 day' + INTERVAL '9 hours', 'BWC-' || lpad(d::text, 4, '0'), '', '', NULL, g.epoch
FROM g, generate_series(0, (g.n - 1) / (g.devices * g.per_day * 7)) w, generate_series(1, g.devices) d;

INSERT INTO holds (case_number, recording_id, reason, set_by, set_at)
SELECT NULL, r * 1000, 'bench hold', 'bench', TIMESTAMPTZ '2025-01-01 00:00:00+00'
FROM g, generate_series(1, LEAST(20, g.n / 1000)) r;

-- the ledger: one entry per dump and one per recording (hashes are not chained: nothing here verifies the chain),
-- after what the application's start-up wrote (the console administrator)
SELECT COALESCE(MAX(seq), 0) AS seq0 FROM ledger \gset
INSERT INTO ledger (seq, entry_time, entry_type, subject, actor, payload, prev_hash, hash)
SELECT :seq0 + d.id, d.registered_at, 'DUMP_REGISTERED', 'dump:' || d.id, 'bench', '{}', md5('p' || d.id) || md5('q' || d.id),
       md5('h' || d.id) || md5('i' || d.id)
FROM dumps d;
INSERT INTO ledger (seq, entry_time, entry_type, subject, actor, payload, prev_hash, hash)
SELECT :seq0 + (SELECT max(id) FROM dumps) + r.id, r.ingested_at, 'RECORDING_ARCHIVED', 'recording:' || r.id, 'bench',
       '{"sha256":"' || r.sha256 || '"}', md5('p' || r.id) || md5('r' || r.id), md5('h' || r.id) || md5('j' || r.id)
FROM recordings r;

SELECT setval(pg_get_serial_sequence('recordings', 'id'), (SELECT max(id) FROM recordings));
SELECT setval(pg_get_serial_sequence('dumps', 'id'), (SELECT max(id) FROM dumps));
VACUUM ANALYZE;
