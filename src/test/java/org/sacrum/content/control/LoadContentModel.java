package org.sacrum.content.control;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Loads the content model before every test class, as the startup bean does before Sacrum serves anything, so a test
 * that validates records directly (KnownTopics reads the installed taxonomy) runs on the real model. Registered for
 * every test through JUnit's extension auto-detection (src/test/resources/junit-platform.properties).
 */
public class LoadContentModel implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        ContentModel.current();
    }
}
