-- Remote partitioning (issue 10): who took which partition of a partitioned step. A partition request is taken at
-- most once (the primary key decides between two takers), and the manager tells a partition whose worker died
-- (footage_nodes heartbeat) from one still being worked on.
CREATE TABLE partition_claims (
    step_execution_id     BIGINT        PRIMARY KEY,
    job_execution_id      BIGINT        NOT NULL,
    partition_name        VARCHAR(100)  NOT NULL,
    -- 'worker' = a worker took it and runs it; 'manager' = the manager failed it before any worker took it
    taken_by              VARCHAR(10)   NOT NULL,
    node_id               VARCHAR(100)  NOT NULL,
    claimed_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX partition_claims_job ON partition_claims (job_execution_id);
