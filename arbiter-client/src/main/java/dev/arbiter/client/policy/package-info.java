/**
 * What the client sends to Arbiter's policy management API (contract §2.1 tenant/dynamic policies, §2.4
 * static policies): policy bodies and listing filters. The server reads policy bodies as generic JSON (they
 * may be canonical or shorthand), so {@code arbiter-api} has no record for them; everything the server
 * answers is a wire record of {@code dev.arbiter.wire.policy}.
 */
@NullMarked
package dev.arbiter.client.policy;

import org.jspecify.annotations.NullMarked;
