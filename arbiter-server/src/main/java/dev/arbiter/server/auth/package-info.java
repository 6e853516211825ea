/**
 * Who is calling: {@link dev.arbiter.server.auth.Authenticator} turns request headers into a
 * {@link dev.arbiter.server.auth.Principal} whose tenant scopes every query. In community mode no
 * credentials are needed; in enterprise mode Basic client credentials, {@code X-Client-ID} /
 * {@code X-Client-Secret} or a Bearer JWT are required. The tenant never comes from a header.
 */
@NullMarked
package dev.arbiter.server.auth;

import org.jspecify.annotations.NullMarked;
