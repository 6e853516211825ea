/**
 * Arbiter's policy core: policies, conditions, decisions, detectors and redaction, with no I/O and no framework.
 *
 * <p>Content inspection: {@link dev.arbiter.core.ContentScanner} finds personal data, secrets, SQL injection and
 * dangerous shell commands ({@link dev.arbiter.core.Finding}) and redacts them
 * ({@link dev.arbiter.core.Redaction}); {@link dev.arbiter.core.StaticPolicySet} checks text against regex static
 * policies, the system tier included. Detectors are package-private and share one pass over the text.
 */
package dev.arbiter.core;
