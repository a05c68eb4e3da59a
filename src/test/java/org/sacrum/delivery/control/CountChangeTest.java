package org.sacrum.delivery.control;

import org.junit.jupiter.api.Test;
import org.sacrum.content.control.Facets.Facet;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CountChangeTest {
    @Test
    void aFirstPublicationCountsEveryValueOnceInSortedOrder() {
        assertEquals(List.of(new CountChange("*", "*", 1), new CountChange("stage", "postpartum", 1), new CountChange("topic", "sciatica", 1)),
                CountChange.between(Set.of(), Set.of(new Facet("topic", "sciatica"), new Facet("*", "*"), new Facet("stage", "postpartum"))));
    }

    @Test
    void aRepublicationTouchesOnlyTheValuesThatChanged() {
        assertEquals(List.of(new CountChange("topic", "mobility", 1), new CountChange("topic", "sciatica", -1)),
                CountChange.between(Set.of(new Facet("*", "*"), new Facet("topic", "sciatica")),
                        Set.of(new Facet("*", "*"), new Facet("topic", "mobility"))));
    }

    @Test
    void aWithdrawalUncountsEverythingAndAWithdrawalOfWhatWasNeverPublicNothing() {
        assertEquals(List.of(new CountChange("*", "*", -1), new CountChange("equipment", "chair", -1)),
                CountChange.between(Set.of(new Facet("equipment", "chair"), new Facet("*", "*")), Set.of()));
        assertEquals(List.of(), CountChange.between(Set.of(), Set.of()));
    }
}
