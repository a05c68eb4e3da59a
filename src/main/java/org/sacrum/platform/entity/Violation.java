package org.sacrum.platform.entity;

/**
 * One broken rule in a problem response: the field (a JSON path such as "steps[2]", or "" for the whole
 * request), the stable rule code clients can switch on, and a sentence for people.
 */
public record Violation(String field, String rule, String message) {
}
