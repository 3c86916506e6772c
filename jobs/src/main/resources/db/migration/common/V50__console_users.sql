-- Console users (issue 8). One script for H2 and PostgreSQL. Rows are never deleted: a user who leaves is disabled,
-- so the ledger's actors keep naming someone the catalog still knows.
CREATE TABLE console_users (
    username              VARCHAR(100)  PRIMARY KEY,
    password_hash         VARCHAR(100)  NOT NULL,   -- BCrypt
    enabled               BOOLEAN       NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by            VARCHAR(100)  NOT NULL,
    password_changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at         TIMESTAMP WITH TIME ZONE
);

-- ADMIN, OPERATOR, EVIDENCE_STAFF, APPROVER, VIEWER
CREATE TABLE console_user_roles (
    username              VARCHAR(100)  NOT NULL REFERENCES console_users (username),
    role                  VARCHAR(40)   NOT NULL,
    PRIMARY KEY (username, role)
);

-- The console's executions list filters Spring Batch's executions by status and date, over thousands of runs.
CREATE INDEX console_executions_status ON BATCH_JOB_EXECUTION (STATUS, JOB_EXECUTION_ID);
CREATE INDEX console_executions_created ON BATCH_JOB_EXECUTION (CREATE_TIME);
