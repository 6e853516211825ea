package dev.arbiter.store;

/** The SQL databases the store runs on. */
public enum Dialect {
    /** H2 2.x in PostgreSQL compatibility mode: the embedded default. */
    H2,
    /** PostgreSQL 14 or newer: the scale-out choice. */
    POSTGRES
}
