package org.sacrum.entries.entity;

import java.util.List;

/** Fired in the schedule job's transaction when the workflow rules refused a scheduled action ({@code action}: publish or unpublish). */
public record EntryScheduleFailed(Entry entry, String action, List<String> rules) {
}
