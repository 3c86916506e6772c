-- Officers and the unit each belongs to (Art. 19: the supervision report per officer and per unit), imported with
-- 'footage officers import FILE'; a re-import replaces an officer's name and unit (the ledger keeps every import).
CREATE TABLE officers (
    officer_id            VARCHAR(200)  PRIMARY KEY,
    officer_name          VARCHAR(200),
    unit                  VARCHAR(200)  NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by            VARCHAR(200)  NOT NULL
);
