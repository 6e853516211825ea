package dev.arbiter.client;

/** The seed 001 policies (shorthand form), as the client tests load them into the real server. */
final class Policies {
    static final String SEED_001 = """
            [
              {"name": "block-gpt4-in-workflows", "scope": "workflow",
               "conditions": {"step_type": "llm_call", "model": "gpt-4"},
               "action": "block", "reason": "GPT-4 not allowed in production workflows"},
              {"name": "require-approval-for-deploy", "scope": "workflow",
               "conditions": {"step_type": "connector_call", "step_name": "deploy"},
               "action": "require_approval", "reason": "Deployment steps require human approval"},
              {"name": "block-code-executor", "scope": "workflow",
               "conditions": {"tool_name": "code_executor"},
               "action": "block", "reason": "Code execution not allowed in production"},
              {"name": "block-dangerous-sql", "scope": "workflow",
               "conditions": {"tool_name": "sql_query", "tool_input.query": {"contains": "DROP TABLE"}},
               "action": "block", "reason": "Destructive SQL operations blocked"}
            ]
            """;

    private Policies() {}
}
