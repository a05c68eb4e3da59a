package org.sacrum.content.entity;

/**
 * How often an entry's clinical review should be repeated, by type and (for warnings) urgency. Editorial policy,
 * not a clinical fact: a clinical team sets these; the approval's next-review date is still chosen by the clinician.
 */
public final class ReviewInterval {
    public static final int DEFAULT_MONTHS = 12;
    /** Red flags that send readers to emergency or same-day care are checked twice as often. */
    public static final int URGENT_WARNING_MONTHS = 6;

    private ReviewInterval() {
    }

    public static int months(Content content) {
        return months(ContentType.byId(typeId(content)).orElseThrow(), content instanceof Warning w && w.urgency() != null ? w.urgency().json() : null);
    }

    /** The interval for a type and, for warnings, the urgency as JSON spells it ("emergency"); null when it has none. */
    public static int months(ContentType type, String urgency) {
        if (type == ContentType.WARNING && (Urgency.EMERGENCY.json().equals(urgency) || Urgency.URGENT_SAME_DAY.json().equals(urgency))) {
            return URGENT_WARNING_MONTHS;
        }
        return DEFAULT_MONTHS;
    }

    private static String typeId(Content content) {
        return java.util.Arrays.stream(ContentType.values()).filter(t -> t.model().isInstance(content)).findFirst().orElseThrow().id();
    }
}
