-- Running totals of a workflow's steps, so the gate reads its cross-step facts (workflow.cost_usd,
-- tokens_in, tokens_out, step_count, tools_used) from the row it already locks instead of scanning every
-- step. Maintained by Steps.insert/update in the step write's transaction. See docs/storage.md.
-- The cost total is wider than a step's NUMERIC(20, 8): it sums up to 2^31 maximal step costs.
ALTER TABLE workflows ADD COLUMN total_cost_usd NUMERIC(38, 8) DEFAULT 0 NOT NULL;
ALTER TABLE workflows ADD COLUMN total_tokens_in BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE workflows ADD COLUMN total_tokens_out BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE workflows ADD COLUMN step_count INTEGER DEFAULT 0 NOT NULL;
-- Distinct tool names, each escaped (backslash as \\, line feed as \n) and ended by a line feed, in any
-- order. NULL means more than 64 distinct tools: the reader then scans the steps for them.
ALTER TABLE workflows ADD COLUMN tools_used TEXT DEFAULT '';

UPDATE workflows w SET
    total_cost_usd = COALESCE((SELECT SUM(s.cost_usd) FROM workflow_steps s
        WHERE s.workflow_id = w.workflow_id AND s.tenant_id = w.tenant_id), 0),
    total_tokens_in = COALESCE((SELECT SUM(s.tokens_in) FROM workflow_steps s
        WHERE s.workflow_id = w.workflow_id AND s.tenant_id = w.tenant_id), 0),
    total_tokens_out = COALESCE((SELECT SUM(s.tokens_out) FROM workflow_steps s
        WHERE s.workflow_id = w.workflow_id AND s.tenant_id = w.tenant_id), 0),
    step_count = (SELECT COUNT(*) FROM workflow_steps s
        WHERE s.workflow_id = w.workflow_id AND s.tenant_id = w.tenant_id),
    tools_used = CASE
        WHEN (SELECT COUNT(DISTINCT s.tool_name) FROM workflow_steps s
              WHERE s.workflow_id = w.workflow_id AND s.tenant_id = w.tenant_id) > 64 THEN NULL
        ELSE COALESCE((SELECT STRING_AGG(DISTINCT
                  REPLACE(REPLACE(s.tool_name, CHR(92), CHR(92) || CHR(92)), CHR(10), CHR(92) || 'n') || CHR(10), '')
              FROM workflow_steps s WHERE s.workflow_id = w.workflow_id AND s.tenant_id = w.tenant_id), '')
    END
WHERE EXISTS (SELECT 1 FROM workflow_steps s WHERE s.workflow_id = w.workflow_id AND s.tenant_id = w.tenant_id);
