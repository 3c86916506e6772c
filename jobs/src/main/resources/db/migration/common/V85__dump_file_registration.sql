-- Issue 15: a dump file is taken in only as the file that was registered. Besides its size (size_bytes), discovery
-- records its modification time and its identity on disk (device and inode, as the JDK's file key), so that a file
-- still being written, or swapped for another file or a link after discovery, is noticed before anything is settled.
-- attempts counts the runs whose read of the file failed in a way that repeats; after footage.ingest.max-attempts it
-- is settled UNREADABLE (left in place, with a finding) so that its dump can finish.
ALTER TABLE dump_files ADD COLUMN registered_mtime_ns BIGINT;
ALTER TABLE dump_files ADD COLUMN registered_file_key VARCHAR(200);
ALTER TABLE dump_files ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
