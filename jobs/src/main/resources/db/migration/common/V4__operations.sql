-- Operations (issue 5): which process is alive, and which process owns a running job.

-- Every running process (serve, or a one-shot CLI command running a job) heartbeats here.
CREATE TABLE footage_nodes (
    node_id               VARCHAR(100)  PRIMARY KEY,
    host                  VARCHAR(200)  NOT NULL,
    pid                   BIGINT        NOT NULL,
    started_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per job while an execution of it runs: launches and restarts are serialised through it across processes.
CREATE TABLE job_claims (
    job_name              VARCHAR(100)  PRIMARY KEY,
    node_id               VARCHAR(100)  NOT NULL,
    claimed_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
