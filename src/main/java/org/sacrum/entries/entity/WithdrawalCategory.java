package org.sacrum.entries.entity;

import java.util.Arrays;
import java.util.Optional;

/** Why an entry left the public: delivery's 410 and the change feed name it. */
public enum WithdrawalCategory {
    /** Taken down because it could harm readers. */
    CLINICAL_SAFETY("clinical-safety"),
    /** Replaced by another entry (the successor). */
    SUPERSEDED("superseded"),
    /** No longer offered; the default when the publisher says nothing. */
    RETIRED("retired");

    private final String id;

    WithdrawalCategory(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<WithdrawalCategory> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(WithdrawalCategory::id).toList());
    }
}
