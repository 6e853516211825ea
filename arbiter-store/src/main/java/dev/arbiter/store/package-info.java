/**
 * Arbiter's persistence: workflows, steps, the hash-chained audit log, API clients, policies, webhook
 * subscriptions and an outbox, over H2 (embedded default) or PostgreSQL, through one schema migrated by
 * Flyway.
 *
 * <p>Everything goes through {@link dev.arbiter.store.Database#inTransaction}: the callback gets a
 * {@link dev.arbiter.store.Tx} whose repositories all work inside that one transaction, so a state change
 * and its audit record commit together or not at all. Every query is scoped by tenant. Values are plain
 * records; JSON columns travel as JSON text, which the server produces and parses.
 */
@NullMarked
package dev.arbiter.store;

import org.jspecify.annotations.NullMarked;
