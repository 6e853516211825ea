/**
 * The client's view of Arbiter's policy management API (contract §2.1 tenant/dynamic policies, §2.4
 * static policies): resources, requests, pages and test results, bound with the shared wire JSON setup
 * (snake_case, unknown fields ignored).
 *
 * <p>These records live in the client until {@code arbiter-api} carries policy wire records; the field
 * names follow the contract, so moving them changes no JSON.
 */
@NullMarked
package dev.arbiter.client.policy;

import org.jspecify.annotations.NullMarked;
