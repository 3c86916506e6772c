-- Issue 14: times are read strictly. Why a recording's time could not be read (an impossible date such as 20240230
-- in its file name, or in its container's creation_time), one line; NULL when every time was readable. The
-- continuity analysis turns it into a TIME_UNREADABLE finding. One script for H2 and PostgreSQL.
ALTER TABLE recordings ADD COLUMN time_problem VARCHAR(2000);
