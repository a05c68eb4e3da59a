package org.sacrum.content.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads and checks the content model (content-model/schemas, workflow.json, topics.json) when Sacrum deploys. A
 * missing or broken file throws from here, and an exception in a startup singleton fails the deployment: Sacrum
 * never runs on a model it could not read. Startup beans that use the model name this one in @DependsOn.
 */
@Startup
@Singleton
public class ContentModelLoader {
    private static final Logger LOG = Logger.getLogger(ContentModelLoader.class.getName());

    @PostConstruct
    void load() {
        try {
            ContentModel model = ContentModel.fromClasspath().install();
            LOG.info(() -> "Content model loaded: " + model.data().schemas().size() + " schemas, "
                    + model.data().taxonomy().slugs().size() + " topics, workflow.json.");
        } catch (ModelFileException e) {
            LOG.log(Level.SEVERE, "The content model is broken, so Sacrum does not deploy: {0}", e.getMessage());
            throw e;
        }
    }
}
