package dev.arbiter.store;

/** Which policy table a {@link ManagedPolicies} repository works on; both tables have the same columns. */
public enum PolicyKind {
    /** Condition policies evaluated at gates ({@code dynamic_policies}). */
    DYNAMIC("dynamic_policies"),
    /** Pattern (regex) policies ({@code static_policies}). */
    STATIC("static_policies");

    private final String table;

    PolicyKind(String table) {
        this.table = table;
    }

    String table() {
        return table;
    }
}
