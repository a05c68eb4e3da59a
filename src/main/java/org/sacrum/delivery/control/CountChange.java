package org.sacrum.delivery.control;

import org.sacrum.content.control.Facets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** How one facet value's count of published entries changes when an entry's indexed facets go from one set to another. */
public record CountChange(String name, String value, int delta) {
    /** The values that left (-1) and those that came (+1), sorted by name and value; values kept are not touched. */
    public static List<CountChange> between(Set<Facets.Facet> before, Set<Facets.Facet> after) {
        List<CountChange> changes = new ArrayList<>();
        before.stream().filter(f -> !after.contains(f)).forEach(f -> changes.add(new CountChange(f.name(), f.value(), -1)));
        after.stream().filter(f -> !before.contains(f)).forEach(f -> changes.add(new CountChange(f.name(), f.value(), 1)));
        changes.sort(Comparator.comparing(CountChange::name).thenComparing(CountChange::value));
        return changes;
    }
}
