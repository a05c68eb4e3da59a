package org.sacrum.content.entity;

/** Length limits shared by the Java model and content-model/schemas/common.schema.json. */
public final class TextLimits {
    public static final int TITLE = 200;
    public static final int SHORT = 500;
    public static final int MARKDOWN = 20000;
    public static final int URL = 2000;
    public static final String SLUG_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String LOCALE_PATTERN = "^[a-z]{2}(-[A-Z]{2})?$";
    public static final String HTTPS = "^https://\\S+$";

    private TextLimits() {
    }
}
