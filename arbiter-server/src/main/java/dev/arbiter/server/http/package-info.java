/**
 * The HTTP edge: Javalin 7 bootstrap ({@link dev.arbiter.server.http.HttpServer}), the route table
 * ({@link dev.arbiter.server.http.Routes}), thin handlers per resource, authentication as a
 * before-filter, and the one place errors become envelopes ({@link dev.arbiter.server.http.ErrorMapper}).
 */
@NullMarked
package dev.arbiter.server.http;

import org.jspecify.annotations.NullMarked;
