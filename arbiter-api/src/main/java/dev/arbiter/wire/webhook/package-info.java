/**
 * Wire records of webhook subscriptions (contract §1.1, last row) and of the events delivered to them
 * (§1.6 step 9, §1.8): {@code POST/GET/PUT/DELETE /api/v1/webhooks[/{id}]}, and the JSON body Arbiter POSTs
 * to a subscriber.
 *
 * <p>Requests check only that required fields are present; URL format, event names and lengths are
 * checked by the server. A subscription's secret is accepted on create and update and never returned:
 * responses carry {@code has_secret} instead.
 */
@NullMarked
package dev.arbiter.wire.webhook;

import org.jspecify.annotations.NullMarked;
