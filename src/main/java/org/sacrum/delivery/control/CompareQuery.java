package org.sacrum.delivery.control;

import org.sacrum.content.entity.TextLimits;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The query of GET /api/v1/conditions/compare: {@code slugs} (2 to 6 distinct condition slugs, comma-separated, in
 * column order) and optionally {@code locale}; anything else is a 400 naming the parameter and the rule.
 */
public record CompareQuery(List<String> slugs, String locale) {
    public static final int MAX_CONDITIONS = 6;
    private static final Set<String> KNOWN = Set.of("slugs", "locale");

    public static CompareQuery parse(Map<String, List<String>> params) {
        DeliveryQuery.Violations bad = new DeliveryQuery.Violations();
        for (Map.Entry<String, List<String>> p : new TreeMap<>(params).entrySet()) {
            if (!KNOWN.contains(p.getKey())) {
                bad.add(p.getKey().length() > 40 ? p.getKey().substring(0, 40) + "…" : p.getKey(), "unknown-parameter",
                        "unknown parameter; this endpoint takes slugs, locale");
            } else if (p.getValue() != null && p.getValue().size() > 1) {
                bad.add(p.getKey(), "repeated", "give it once (the slugs go comma-separated in one parameter)");
            }
        }
        String locale = first(params, "locale", DeliveryQuery.DEFAULT_LOCALE);
        if (locale.length() > 5 || !locale.matches(TextLimits.LOCALE_PATTERN)) {
            bad.add("locale", "locale", "must be a language tag such as en-GB");
        }
        String raw = first(params, "slugs", null);
        List<String> slugs = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            bad.add("slugs", "required", "name 2 to " + MAX_CONDITIONS + " condition slugs, comma-separated");
        } else if (raw.length() > MAX_CONDITIONS * 121) {
            bad.add("slugs", "max-length", "at most " + MAX_CONDITIONS + " slugs");
        } else {
            Set<String> distinct = new LinkedHashSet<>();
            for (String slug : raw.split(",", -1)) {
                String s = slug.strip();
                if (s.length() > 120 || !s.matches(TextLimits.SLUG_PATTERN)) {
                    bad.add("slugs", "slug", "each slug is lower-case words joined by hyphens, at most 120 characters");
                } else if (!distinct.add(s)) {
                    bad.add("slugs", "unique-items", "'" + s + "' is named twice");
                }
            }
            slugs.addAll(distinct);
            if (distinct.size() < 2 || distinct.size() > MAX_CONDITIONS) {
                bad.add("slugs", "size", "name 2 to " + MAX_CONDITIONS + " condition slugs");
            }
        }
        if (!bad.isEmpty()) {
            throw bad.problem();
        }
        return new CompareQuery(List.copyOf(slugs), locale);
    }

    private static String first(Map<String, List<String>> params, String name, String otherwise) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? otherwise : values.get(0);
    }
}
