-- A fresh gate's policy context was stored twice: in the step row (policy_context) and in its gate record
-- (gate_records.context, since V10), about 1.4 KB each under B1's load, a third of what a gate stores and
-- of what H2 serialises at every checkpoint; nothing read the step's copy. From V17 on only the gate record
-- keeps it. The columns stay, nullable, because a redo journal written before the upgrade may still hold
-- statements that set them (it is replayed after the migrations, docs/storage.md); steps gated before the
-- upgrade keep their copy.
ALTER TABLE workflow_steps ALTER COLUMN policy_context DROP NOT NULL;
ALTER TABLE workflow_steps ALTER COLUMN policy_context_truncated DROP NOT NULL;
