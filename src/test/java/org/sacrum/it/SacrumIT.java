package org.sacrum.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * An integration test class with a deployment of its own: the real sacrum.war on its own Payara Micro process,
 * called over HTTP as a client, with a {@link Team} of people created through the admin API for the class.
 * Only for tests that need a process of their own (ConsoleIT, BackupIT); the others run in {@link SharedDeploymentIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class SacrumIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.sacrumWar();
    }

    @ArquillianResource
    URL base;

    static Team team;

    @BeforeEach
    void assembleTeam() {
        if (team == null || !team.anonymous.root().equals(new Api(base).root())) {
            team = new Team(new Api(base));
        }
    }
}
