package org.sacrum.edge.entity;

import org.sacrum.content.entity.ContentType;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The surrogate keys (Varnish xkey) that tag delivery responses and that a change purges. Contract between the
 * delivery responses (which carry them in the {@code xkey} header) and the edge purge fed by the webhook outbox
 * (which purges them). The rules, so that a publication or withdrawal leaves no stale page at the edge:
 * <ul>
 * <li>{@code entry:<type>/<slug>}: on the entry's own detail, on every detail that links to it (included or not: the
 * linking entry's {@code included} and its review's {@code reReviewReason} follow it) and on the compare table.</li>
 * <li>{@code list:<type>}: on every list of that type (any change can add, drop or reorder an item), on every list whose
 * items link to that type (they embed or are flagged by it), and on warnings (their {@code linkedFrom} names the
 * published entries of the linking types).</li>
 * <li>{@code type:<type>}: on every response of that type; not purged by a change, for an operator's purge of a whole type.</li>
 * <li>{@code changes}: the change feed.</li>
 * </ul>
 * A change of one entry purges its entry key, its list key and the change feed ({@link #ofChange}). Keys are
 * locale-blind: a change in one locale also purges the other locales' pages of that slug, which is safe.
 */
public final class SurrogateKeys {
    /** The response header Varnish's xkey vmod reads (space-separated keys). */
    public static final String HEADER = "xkey";
    public static final String CHANGES = "changes";
    public static final String TOPICS = "topics";
    /** Above this many linked entries a detail is tagged with their types' list keys instead (the header stays small). */
    static final int MAX_LINK_KEYS = 64;
    /** The types whose entries a warning's {@code linkedFrom} names. */
    static final List<ContentType> LINKING_TO_WARNINGS = List.of(ContentType.EXERCISE, ContentType.CONDITION,
            ContentType.TREATMENT, ContentType.HABIT);
    /** A key as these rules make it, slugs as content may have them: nothing else reaches a header or a purge. */
    private static final Pattern KEY = Pattern.compile("(?=.{1,250}$)(entry:[a-z0-9-]+/[a-z0-9]+(-[a-z0-9]+)*|(list|type):[a-z0-9-]+|"
            + CHANGES + "|" + TOPICS + ")");

    private SurrogateKeys() {
    }

    /** The keys a change of one entry (publication or withdrawal) must purge: the entry, its lists and the change feed. */
    public static Set<String> ofChange(String type, String slug, String locale) {
        String id = typeId(type);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(entry(id, slug));
        keys.add(list(id));
        keys.add(CHANGES);
        return valid(keys); // a hostile slug never reaches a header
    }

    /** The keys of an entry's detail: itself, its type, the entries it links to (by type), and for a warning the lists naming it. */
    public static Set<String> ofDetail(ContentType type, String slug, Map<ContentType, List<String>> links) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(entry(type.id(), slug));
        keys.add(typeKey(type));
        int linked = links.values().stream().mapToInt(List::size).sum();
        links.forEach((linkedType, slugs) -> {
            if (linked > MAX_LINK_KEYS) {
                keys.add(list(linkedType.id()));
            } else {
                slugs.forEach(s -> keys.add(entry(linkedType.id(), s)));
            }
        });
        keys.addAll(shownWith(type));
        return valid(keys);
    }

    /** The keys of a list page: the list, its type, the lists of the types its items link to. */
    public static Set<String> ofList(ContentType type, Collection<ContentType> linkedTypes) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(list(type.id()));
        keys.add(typeKey(type));
        linkedTypes.forEach(t -> keys.add(list(t.id())));
        keys.addAll(shownWith(type));
        return keys;
    }

    /** The keys of a comparison of conditions: each condition compared, and the condition type. */
    public static Set<String> ofComparison(Collection<String> conditionSlugs) {
        Set<String> keys = new LinkedHashSet<>();
        conditionSlugs.forEach(s -> keys.add(entry(ContentType.CONDITION.id(), s)));
        keys.add(typeKey(ContentType.CONDITION));
        return valid(keys);
    }

    /** The header value: keys separated by one space. */
    public static String header(Set<String> keys) {
        return String.join(" ", keys);
    }

    static String entry(String typeId, String slug) {
        return "entry:" + typeId + "/" + slug;
    }

    static String list(String typeId) {
        return "list:" + typeId;
    }

    static String typeKey(ContentType type) {
        return "type:" + type.id();
    }

    /** A warning lists the published entries linking to it: their lists' changes change it. */
    private static Set<String> shownWith(ContentType type) {
        Set<String> keys = new LinkedHashSet<>();
        if (type == ContentType.WARNING) {
            LINKING_TO_WARNINGS.forEach(t -> keys.add(list(t.id())));
        }
        return keys;
    }

    /** The type's id ("exercise") whether given as id or plural ("exercises"); anything else as given. */
    private static String typeId(String type) {
        if (type == null) {
            return "";
        }
        return ContentType.byId(type).or(() -> ContentType.byPlural(type)).map(ContentType::id).orElse(type);
    }

    private static Set<String> valid(Set<String> keys) {
        keys.removeIf(k -> !KEY.matcher(k).matches());
        return keys;
    }
}
