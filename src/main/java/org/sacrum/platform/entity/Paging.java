package org.sacrum.platform.entity;

/**
 * The bounds every paged list shares. Lists paged by page and size (the delivery and management lists) refuse a page
 * past their depth ({@code max-depth}: page × size); lists read from a cursor (the audit log, the change feed) take a
 * {@code limit} from 1 to {@link #MAX_LIMIT}. A value out of bounds is refused (400), never clamped.
 */
public final class Paging {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    /** The max-depth violation, named on page, when page × size exceeds maxDepth; else null. */
    public static Violation tooDeep(int page, int size, int maxDepth) {
        if (page > 0 && size > 0 && (long) page * size > maxDepth) {
            return new Violation("page", "max-depth", "page × size may not exceed " + maxDepth + "; with size " + size
                    + " the last page you may ask for is " + maxDepth / size);
        }
        return null;
    }
}
