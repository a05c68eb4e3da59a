package org.sacrum.content.entity;

import java.util.List;
import java.util.Map;

/** What every content type has; the type-specific fields live in the records that implement it. */
public interface Content {
    String title();

    String slug();

    String locale();

    String summary();

    List<String> topics();

    List<Citation> sources();

    /** Which fields come from which citation, and which an editor wrote (may be null). */
    List<FieldProvenance> provenance();

    /** True for sample content (the seed), which is not clinical content; null otherwise. */
    Boolean sample();

    /** Slugs of the entries this one links to, by the content type they must have. */
    Map<ContentType, List<String>> links();
}
