/**
 * Arbiter's policy core: policies, conditions, decisions, detectors and redaction, with no I/O and no framework.
 */
package dev.arbiter.core;
