-- Photos and audio recordings are evidence too (issue 16, rules Art. 2): each recording has a kind, VIDEO, AUDIO or
-- PHOTO, decided from its bytes. Everything catalogued before was video. One script for H2 and PostgreSQL.
ALTER TABLE recordings ADD COLUMN kind VARCHAR(8) DEFAULT 'VIDEO' NOT NULL;
