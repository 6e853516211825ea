/**
 * Policy management: dynamic (condition) and static (pattern) policies over HTTP, their versions and
 * rollback, shadow mode, the per-tenant compiled policy sets that gates use, and what-if simulation of a
 * candidate policy change against recorded gates.
 *
 * <p>Every change runs in one transaction that locks the tenant's policies, writes the policy, a version
 * and an audit record, and raises the tenant's policy-set version; every gate compares that version, so a
 * change is in force for the next gate on every replica sharing the database.
 */
@NullMarked
package dev.arbiter.server.policy;

import org.jspecify.annotations.NullMarked;
