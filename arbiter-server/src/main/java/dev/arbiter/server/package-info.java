/**
 * Arbiter's server: the composition root ({@link dev.arbiter.server.Application}), its settings
 * ({@link dev.arbiter.server.ServerConfig}) and the command line ({@link dev.arbiter.server.Main}).
 */
@NullMarked
package dev.arbiter.server;

import org.jspecify.annotations.NullMarked;
