package org.sacrum.content.control;

import org.sacrum.content.entity.ContentType;
import org.sacrum.content.entity.Markdown;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.sacrum.platform.entity.Problem;
import org.sacrum.platform.entity.ProblemException;


import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the content input pipeline (raw bytes → bounded JSON reader → JSON Schema → Bean Validation → Markdown
 * rendering) for every content type. The only thing allowed to escape is a documented 4xx problem; rendered HTML
 * never carries a script. The corpus is in src/test/resources/org/sacrum/content/control/ContentPipelineFuzzTestInputs/;
 * every crash found becomes a case in {@link ContentPipelineTest}.
 */
class ContentPipelineFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void pipeline(byte[] body) {
        for (ContentType type : ContentType.values()) {
            JsonObject html;
            try {
                html = ContentPipeline.run(type, body);
            } catch (ProblemException refused) {
                Problem p = refused.problem();
                assertTrue(p.status() >= 400 && p.status() < 500, p.toString());
                assertTrue(p.violations() != null && !p.violations().isEmpty(), "a refusal names the rule: " + p);
                continue;
            }
            html.values().forEach(value -> {
                String text = ((JsonString) value).getString();
                assertFalse(ContentPipeline.carriesScript(text), text);
            });
        }
    }
}
