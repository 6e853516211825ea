-- Arbiter schema, version 1. One script for H2 (PostgreSQL mode) and PostgreSQL: only the common subset.
-- JSON travels as TEXT (H2 maps TEXT to CLOB); identifiers are bounded VARCHARs; times are
-- TIMESTAMP WITH TIME ZONE at microsecond precision. See docs/storage.md.

CREATE TABLE workflows (
    workflow_id        VARCHAR(255)  NOT NULL,
    tenant_id          VARCHAR(255)  NOT NULL,
    workflow_name      VARCHAR(1024) NOT NULL,
    source             VARCHAR(64)   NOT NULL,
    status             VARCHAR(32)   NOT NULL,
    current_step_index INTEGER       NOT NULL,
    total_steps        INTEGER,
    trace_id           VARCHAR(1024),
    metadata           TEXT          NOT NULL,
    client_id          VARCHAR(255),
    reason             TEXT,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_workflows PRIMARY KEY (workflow_id)
);
CREATE INDEX ix_workflows_tenant_created ON workflows (tenant_id, created_at);
CREATE INDEX ix_workflows_tenant_trace ON workflows (tenant_id, trace_id);

CREATE TABLE workflow_steps (
    workflow_id              VARCHAR(255)  NOT NULL,
    step_id                  VARCHAR(255)  NOT NULL,
    tenant_id                VARCHAR(255)  NOT NULL,
    step_index               INTEGER       NOT NULL,
    step_name                VARCHAR(1024),
    step_type                VARCHAR(64)   NOT NULL,
    step_input               TEXT,
    input_hash               VARCHAR(128),
    model                    VARCHAR(255),
    provider                 VARCHAR(255),
    tool_name                VARCHAR(255),
    tool_type                VARCHAR(64),
    tool_context             TEXT,
    idempotency_key          VARCHAR(255),
    decision                 VARCHAR(32)   NOT NULL,
    decision_id              VARCHAR(600)  NOT NULL,
    decision_reason          TEXT,
    policies_evaluated_count INTEGER       NOT NULL,
    policies_evaluated       TEXT          NOT NULL,
    policies_matched         TEXT          NOT NULL,
    policy_context           TEXT          NOT NULL,
    policy_context_truncated BOOLEAN       NOT NULL,
    gate_checked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    tokens_in                BIGINT,
    tokens_out               BIGINT,
    cost_usd                 NUMERIC(20, 8),
    approval_id              VARCHAR(64),
    approval_status          VARCHAR(16),
    approved_by              VARCHAR(1024),
    approved_at              TIMESTAMP WITH TIME ZONE,
    approval_comment         TEXT,
    gate_count               INTEGER       NOT NULL,
    first_attempt_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_decision            VARCHAR(32)   NOT NULL,
    step_output              TEXT,
    step_completed_at        TIMESTAMP WITH TIME ZONE,
    completion_count         INTEGER       NOT NULL,
    CONSTRAINT pk_workflow_steps PRIMARY KEY (workflow_id, step_id),
    -- Dense, unique indices are the point of locking the workflow row; this makes a bug loud.
    -- No foreign key to workflows: steps are only written under the workflow's row lock, and on H2 the
    -- key would add a third index on workflow_id that every gate commit rewrites.
    CONSTRAINT uq_workflow_steps_index UNIQUE (workflow_id, step_index)
);
CREATE INDEX ix_steps_tenant_approval ON workflow_steps (tenant_id, approval_status, gate_checked_at);

-- Contract §5.1 plus the hash chain: seq is 1, 2, 3, ... per tenant; hash = SHA-256(fields, prev_hash).
CREATE TABLE audit_logs (
    id                 VARCHAR(64)   NOT NULL,
    tenant_id          VARCHAR(255)  NOT NULL,
    seq                BIGINT        NOT NULL,
    logged_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    request_id         VARCHAR(512)  NOT NULL,
    request_type       VARCHAR(64)   NOT NULL,
    policy_decision    VARCHAR(64)   NOT NULL,
    client_id          VARCHAR(255),
    user_email         VARCHAR(1024),
    query              TEXT,
    decision_id        VARCHAR(600),
    policies_evaluated TEXT          NOT NULL,
    policies_matched   TEXT          NOT NULL,
    policy_details     TEXT          NOT NULL,
    provider           VARCHAR(255),
    model              VARCHAR(255),
    tokens_used        BIGINT,
    cost               NUMERIC(20, 8),
    latency_ms         BIGINT,
    prev_hash          VARCHAR(64)   NOT NULL,
    hash               VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_audit_logs PRIMARY KEY (id),
    CONSTRAINT uq_audit_logs_seq UNIQUE (tenant_id, seq)
);
CREATE INDEX ix_audit_tenant_time ON audit_logs (tenant_id, logged_at);
CREATE INDEX ix_audit_tenant_request ON audit_logs (tenant_id, request_id);

-- One row per tenant, locked FOR UPDATE by every append: it serialises a tenant's appends and records
-- the chain's end, so deleting the newest records is detected too.
CREATE TABLE audit_chain_heads (
    tenant_id  VARCHAR(255) NOT NULL,
    last_seq   BIGINT       NOT NULL,
    last_hash  VARCHAR(64)  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_audit_chain_heads PRIMARY KEY (tenant_id)
);

CREATE TABLE api_clients (
    client_id   VARCHAR(64)  NOT NULL,
    tenant_id   VARCHAR(255) NOT NULL,
    name        VARCHAR(255) NOT NULL,
    secret_salt VARCHAR(64)  NOT NULL,
    secret_hash VARCHAR(128) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_clients PRIMARY KEY (client_id)
);
CREATE INDEX ix_api_clients_tenant ON api_clients (tenant_id);

CREATE TABLE dynamic_policies (
    id          UUID          NOT NULL,
    tenant_id   VARCHAR(255)  NOT NULL,
    name        VARCHAR(255)  NOT NULL,
    definition  TEXT          NOT NULL,
    enabled     BOOLEAN       NOT NULL,
    priority    INTEGER       NOT NULL,
    mode        VARCHAR(32)   NOT NULL,
    version     INTEGER       NOT NULL,
    created_by  VARCHAR(255),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_dynamic_policies PRIMARY KEY (id)
);
CREATE INDEX ix_policies_tenant ON dynamic_policies (tenant_id, enabled);

CREATE TABLE policy_versions (
    policy_id      UUID         NOT NULL,
    version        INTEGER      NOT NULL,
    tenant_id      VARCHAR(255) NOT NULL,
    snapshot       TEXT         NOT NULL,
    change_type    VARCHAR(32)  NOT NULL,
    changed_by     VARCHAR(255),
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    change_summary TEXT,
    CONSTRAINT pk_policy_versions PRIMARY KEY (policy_id, version)
);

-- Raised by every policy change of a tenant; replicas compare it to their compiled set's version.
CREATE TABLE policy_set_versions (
    tenant_id  VARCHAR(255) NOT NULL,
    version    BIGINT       NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_policy_set_versions PRIMARY KEY (tenant_id)
);

CREATE TABLE outbox (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY,
    tenant_id    VARCHAR(255) NOT NULL,
    topic        VARCHAR(128) NOT NULL,
    payload      TEXT         NOT NULL,
    available_at TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER      NOT NULL,
    last_error   TEXT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_outbox PRIMARY KEY (id)
);
CREATE INDEX ix_outbox_due ON outbox (topic, done_at, available_at);
