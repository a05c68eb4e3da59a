package org.sacrum.delivery.control;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a list page ends, for the next page to start after it ({@code after=}): the last item's sort key, so that a
 * client walking a list pays one page per page however deep it goes (keyset pagination), and an entry published or
 * withdrawn between two pages neither repeats nor skips the others. The token is opaque to clients (base64url of
 * "sort|published instant|slug") but only a position: a forged one reads the same published listing from elsewhere.
 * Hostile input, so bounded and fully validated; the sort it was made for must be the query's.
 *
 * @param sort        the sort it continues (slug, -slug, published, -published)
 * @param publishedAt the last item's publication instant as stored (published sorts only, else null)
 * @param slug        the last item's slug
 */
public record ListCursor(String sort, LocalDateTime publishedAt, String slug) {
    /** Longer tokens are refused before decoding. */
    public static final int MAX_LENGTH = 300;
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]+$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,119}$");

    public ListCursor {
        if (sort.endsWith("published") != (publishedAt != null)) {
            throw new IllegalArgumentException("a published sort needs the instant, a slug sort none");
        }
    }

    public boolean published() {
        return publishedAt != null;
    }

    public String token() {
        String plain = sort + "|" + (publishedAt == null ? "" : publishedAt.toString()) + "|" + slug;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of a token given as {@code after} for a list sorted by {@code sort}; null, with the rule broken added to bad, otherwise. */
    public static ListCursor parse(String token, String sort, DeliveryQuery.Violations bad) {
        String[] parts = token.length() > MAX_LENGTH || !TOKEN.matcher(token).matches() ? null : decode(token);
        LocalDateTime at = null;
        if (parts != null && !parts[1].isEmpty()) {
            try {
                at = LocalDateTime.parse(parts[1]);
            } catch (DateTimeParseException e) {
                parts = null;
            }
        }
        if (parts == null || !DeliveryQuery.SORTS.contains(parts[0]) || !SLUG.matcher(parts[2]).matches()
                || parts[0].endsWith("published") == (at == null)) {
            bad.add("after", "cursor", "not a cursor this API gave: follow the list's next link as it is");
            return null;
        }
        if (!parts[0].equals(sort)) {
            bad.add("after", "cursor-sort", "this cursor continues the list sorted by " + parts[0] + ": give that sort, or start again without after");
            return null;
        }
        return new ListCursor(parts[0], at, parts[2]);
    }

    private static String[] decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            return parts.length == 3 ? parts : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
