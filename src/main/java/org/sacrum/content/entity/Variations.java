package org.sacrum.content.entity;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The exercise entries an exercise's progressions and regressions name. */
final class Variations {
    private Variations() {
    }

    @SafeVarargs
    static List<String> exercises(List<Variation>... lists) {
        return Stream.of(lists).filter(Objects::nonNull).flatMap(List::stream).filter(Objects::nonNull)
                .map(Variation::exercise).filter(Objects::nonNull).distinct().toList();
    }
}
