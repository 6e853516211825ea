/**
 * The errors the API answers with: {@link dev.arbiter.server.error.ErrorCode} (status and envelope)
 * and the one exception services throw for them, {@link dev.arbiter.server.error.ApiException}.
 */
@NullMarked
package dev.arbiter.server.error;

import org.jspecify.annotations.NullMarked;
