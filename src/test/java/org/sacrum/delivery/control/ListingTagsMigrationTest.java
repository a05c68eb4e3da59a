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
        java.util.Map<String, Long> ids = java.util.Map.of("*=*", 1L, "topic=low-back-pain", 2L, "topic=stretching", 3L,
                "topic-within=back-pain", 40L, "topic-within=low-back-pain", 5L, "topic-within=stretching", 600L, "equipment=mat", 7L,
                "stage=trimester-2", 100L);
        assertEquals(" 5 7 40 100 600 ", Facets.tags(listed, f -> ids.get(f.name() + "=" + f.value())),
                "no listing row, no topic (topic-within answers it), the ids in numeric order, a space at each end");
        assertEquals(" ", Facets.tags(Set.of(new Facets.Facet("*", "*")), f -> 1L));
    }

    @Test
    void aSetTooLongForAnIndexEntryIsNotCarried() {
        Set<Facets.Facet> many = new java.util.LinkedHashSet<>();
        for (int i = 0; many.size() < 200; i++) {
            many.add(new Facets.Facet("condition", "condition-with-a-long-slug-" + i));
        }
        java.util.Map<Facets.Facet, Long> ids = new java.util.HashMap<>();
        many.forEach(f -> ids.put(f, 1_000_000L + ids.size())); // 8 characters each with its space: 200 do not fit
        assertNull(Facets.tags(many, ids::get));
        String fits = Facets.tags(Set.copyOf(new java.util.ArrayList<>(many).subList(0, 10)), ids::get);
        assertTrue(fits != null && fits.length() <= Facets.MAX_TAGS);
    }

    /** V15 on H2 over rows the migrations before it left: every value gets an id (new topic-within values too), tags are the ids in order. */
    @Test
    void v15NumbersEveryValueAndWritesTheSetsAsIds() throws java.sql.SQLException {
        String url = "jdbc:h2:mem:v15-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").target("13").load().migrate();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, "sa", "");
             java.sql.Statement s = db.createStatement()) {
            s.execute("SET REFERENTIAL_INTEGRITY FALSE");
            s.execute("INSERT INTO entry_facet (entry_id, name, val, content_type, locale, slug) VALUES"
                    + " ('a', '*', '*', 'EXERCISE', 'en-GB', 'a'), ('a', 'topic', 'low-back-pain', 'EXERCISE', 'en-GB', 'a'),"
                    + " ('a', 'equipment', 'mat', 'EXERCISE', 'en-GB', 'a'), ('b', '*', '*', 'EXERCISE', 'en-GB', 'b'),"
                    + " ('b', 'equipment', 'mat', 'EXERCISE', 'en-GB', 'b'), ('c', '*', '*', 'EXERCISE', 'en-GB', 'c')");
            s.execute("INSERT INTO facet_count (content_type, locale, name, val, total) SELECT content_type, locale, name, val,"
                    + " COUNT(*) FROM entry_facet GROUP BY content_type, locale, name, val");
            org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").load().migrate();
            java.util.Map<String, Long> ids = new java.util.HashMap<>();
            try (java.sql.ResultSet rs = s.executeQuery("SELECT name, val, id FROM facet_count")) {
                while (rs.next()) {
                    ids.put(rs.getString(1) + "=" + rs.getString(2), rs.getLong(3));
                }
            }
            assertEquals(Set.of("*=*", "topic=low-back-pain", "equipment=mat", "topic-within=low-back-pain", "topic-within=back-pain"),
                    ids.keySet());
            assertEquals(5, Set.copyOf(ids.values()).size(), "one id per value");
            java.util.Map<String, Set<String>> tags = new java.util.TreeMap<>();
            try (java.sql.ResultSet rs = s.executeQuery("SELECT entry_id, tags FROM entry_facet")) {
                while (rs.next()) {
                    tags.computeIfAbsent(rs.getString(1), e -> new TreeSet<>()).add(rs.getString(2));
                }
            }
            String a = " " + java.util.stream.Stream.of("equipment=mat", "topic-within=back-pain", "topic-within=low-back-pain")
                    .map(ids::get).sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(" ")) + " ";
            assertEquals(java.util.Map.of("a", Set.of(a), "b", Set.of(" " + ids.get("equipment=mat") + " "), "c", Set.of(" ")), tags);
            s.execute("INSERT INTO facet_count (content_type, locale, name, val, total) VALUES ('EXERCISE', 'en-GB', 'stage', 'postpartum', 0)");
            try (java.sql.ResultSet rs = s.executeQuery("SELECT id FROM facet_count WHERE val = 'postpartum'")) {
                assertTrue(rs.next() && rs.getLong(1) > java.util.Collections.max(ids.values()), "a new value gets the next id");
            }
        }
    }
}
