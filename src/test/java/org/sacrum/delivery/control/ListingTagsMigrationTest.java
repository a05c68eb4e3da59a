package org.sacrum.delivery.control;

import org.junit.jupiter.api.Test;
import org.sacrum.content.control.ContentCodec;
import org.sacrum.content.control.ContentModel;
import org.sacrum.content.control.Facets;
import org.sacrum.content.entity.ContentType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every listing row carries (Facets.listed and tags, V15) and the taxonomy V15 backfilled topic-within from. */
class ListingTagsMigrationTest {
    @Test
    void v15sTopicPairsAreTheTaxonomys() throws IOException {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/migration/V15__listing_tags.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> inSql = new TreeSet<>();
        Matcher pair = Pattern.compile("\\('([a-z0-9-]+)', '([a-z0-9-]+)'\\)").matcher(sql.substring(sql.indexOf("JOIN (VALUES")));
        while (pair.find()) {
            inSql.add(pair.group(1) + " < " + pair.group(2));
        }
        Set<String> taxonomy = new TreeSet<>();
        for (String ancestor : ContentModel.topicSlugs()) {
            ContentModel.topicWithDescendants(ancestor).stream().filter(t -> !t.equals(ancestor)).forEach(t -> taxonomy.add(t + " < " + ancestor));
        }
        assertTrue(taxonomy.size() >= 4, taxonomy.toString());
        assertEquals(taxonomy, inSql, "a release that changes topic parents must re-index topic-within (a migration like V15)");
    }

    @Test
    void anEntryIsListedUnderItsTopicsAndTheirAncestorsAndCarriesItsSetSorted() {
        Set<Facets.Facet> listed = Facets.listed(ContentCodec.read(ContentType.EXERCISE, """
                {"title": "Bridge", "slug": "bridge", "topics": ["low-back-pain", "stretching"], "equipment": ["mat"],
                 "stages": [{"stage": "trimester-2"}]}"""));
        Set<String> names = new TreeSet<>();
        listed.forEach(f -> names.add(f.name() + "=" + f.value()));
        assertEquals(new TreeSet<>(Set.of("*=*", "topic=low-back-pain", "topic=stretching", "topic-within=back-pain",
                "topic-within=low-back-pain", "topic-within=stretching", "equipment=mat", "stage=trimester-2")), names);
        assertEquals(" equipment=mat stage=trimester-2 topic-within=back-pain topic-within=low-back-pain topic-within=stretching ",
                Facets.tags(listed), "no listing row, no topic (topic-within answers it), sorted, a space at each end");
        assertEquals(" ", Facets.tags(Set.of(new Facets.Facet("*", "*"))));
    }

    @Test
    void aSetTooLongForAnIndexEntryIsNotCarried() {
        Set<Facets.Facet> many = new java.util.LinkedHashSet<>();
        for (int i = 0; many.size() < 200; i++) {
            many.add(new Facets.Facet("condition", "condition-with-a-long-slug-" + i));
        }
        assertNull(Facets.tags(many));
        String fits = Facets.tags(Set.copyOf(new java.util.ArrayList<>(many).subList(0, 10)));
        assertTrue(fits != null && fits.length() <= Facets.MAX_TAGS);
    }
}
