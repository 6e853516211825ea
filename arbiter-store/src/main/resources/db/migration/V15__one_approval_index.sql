-- Every step insert pays for each index of workflow_steps, and two of them served the same question: which
-- steps await approval, in one tenant (the pending list) or in every tenant (the expiry sweeper). One index
-- led by the approval status serves both: the pending list reads (pending, tenant) in gate order, and the
-- sweeper reads every pending step, which are few, filtering by age. See docs/storage.md.
DROP INDEX ix_steps_tenant_approval;
DROP INDEX ix_steps_approval_due;
CREATE INDEX ix_steps_approval ON workflow_steps (approval_status, tenant_id, gate_checked_at);
