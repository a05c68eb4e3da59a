package org.sacrum.platform.entity;

/** A rule with a stable code that clients may switch on (reported as a violation's "rule"). */
public interface RuleCode {
    String code();
}
