/**
 * The {@code arbiter} subcommands: {@code serve}, {@code clients create|list|revoke},
 * {@code audit verify} (each reads the same settings as the server) and {@code policies
 * apply|test|simulate|rollback|versions} (which talk to a running server, except {@code test}).
 */
@NullMarked
package dev.arbiter.server.cli;

import org.jspecify.annotations.NullMarked;
