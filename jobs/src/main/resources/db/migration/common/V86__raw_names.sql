-- A file name is bytes, not text (issue 15): a name that is not valid UTF-8 (or whose catalogued path is not its exact
-- spelling: a backslash, a path cut to 2000 characters) keeps its bytes here in hex, so the file can always be opened
-- again; path stays the form shown (invalid bytes as \xFF). NULL when path is the name. One script for H2 and PostgreSQL.
ALTER TABLE dump_files ADD COLUMN raw_path VARCHAR(8200);
