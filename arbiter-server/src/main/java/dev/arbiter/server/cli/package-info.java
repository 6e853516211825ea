/**
 * The {@code arbiter} subcommands: {@code serve}, {@code clients create|list|revoke} and
 * {@code audit verify}. Each reads the same settings as the server.
 */
@NullMarked
package dev.arbiter.server.cli;

import org.jspecify.annotations.NullMarked;
