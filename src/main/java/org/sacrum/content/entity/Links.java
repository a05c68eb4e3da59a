package org.sacrum.content.entity;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds the content-type-to-slugs map of an entry's links, leaving out empty lists. */
final class Links {
    private Links() {
    }

    static Map<ContentType, List<String>> of(Object... typeAndSlugs) {
        Map<ContentType, List<String>> links = new EnumMap<>(ContentType.class);
        for (int i = 0; i < typeAndSlugs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> slugs = (List<String>) typeAndSlugs[i + 1];
            if (slugs != null && !slugs.isEmpty()) {
                links.merge((ContentType) typeAndSlugs[i], List.copyOf(slugs.stream().filter(s -> s != null).toList()),
                        (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList());
            }
        }
        return links;
    }
}
