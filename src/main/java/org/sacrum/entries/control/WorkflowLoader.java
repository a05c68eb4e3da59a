package org.sacrum.entries.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.json.JsonException;
import org.sacrum.content.control.ContentModel;
import org.sacrum.entries.entity.WorkflowDefinition;

/**
 * Reads and checks content-model/workflow.json when Sacrum deploys: a broken file fails the deployment with a message
 * naming the file and the problem, instead of failing the first request that needs the workflow.
 */
@Startup
@Singleton
@Lock(LockType.READ)
public class WorkflowLoader {
    private WorkflowDefinition definition;

    @PostConstruct
    void load() {
        try {
            definition = WorkflowDefinition.parse(ContentModel.workflow());
        } catch (JsonException | ClassCastException e) { // not JSON, or not a JSON object
            throw new IllegalStateException(WorkflowDefinition.FILE + ": not a JSON object: " + e.getMessage(), e);
        }
    }

    public WorkflowDefinition definition() {
        return definition;
    }
}
